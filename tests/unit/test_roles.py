"""Syntactic roles of triggers: active, passive, control, coordination, nominals (own sentences)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from newsgraph.extract import extract_events
from newsgraph.extract.roles import read_roles
from newsgraph.records import Article


def roles_of(nlp: Language, text: str, word: str, frame: str) -> dict[str, list[str]]:
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    r = read_roles(tok, frame)
    return {
        "source": [t.text for t in r.source],
        "target": [t.text for t in r.target],
        "theme": [t.text for t in r.theme],
        "participants": [t.text for t in r.participants],
        "destination": [t.text for t in r.destination],
    }


def test_active_transfer_with_to(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Turkey sold drones to Ukraine.", "sold", "transfer")
    assert r["source"] == ["Turkey"] and r["target"] == ["Ukraine"] and r["theme"] == ["drones"]


def test_transfer_with_theme_in_with_phrase(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Germany supplied Lithuania with howitzers.", "supplied", "transfer")
    assert r["source"] == ["Germany"] and r["target"] == ["Lithuania"] and r["theme"] == ["howitzers"]


def test_passive_direct_uses_agent_and_subject(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Syria was attacked by Israel on Monday.", "attacked", "direct")
    assert r["source"] == ["Israel"] and r["target"] == ["Syria"]


def test_subject_control_infinitive(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Argentina hopes to buy fighter jets from Denmark.", "buy", "acquire")
    assert r["source"] == ["Argentina"] and r["target"] == ["Denmark"]


def test_object_control_infinitive(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Washington persuaded Seoul to send shells to Warsaw.", "send", "transfer")
    assert r["source"] == ["Seoul"] and r["target"] == ["Warsaw"]


def test_coordinated_subjects_both_act(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "France and Germany met in Brussels.", "met", "encounter")
    assert r["source"] == ["France", "Germany"] and r["target"] == []


def test_conjoined_verb_inherits_subject(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Qatar hosted the envoys and sent aid to Gaza.", "sent", "transfer")
    assert r["source"] == ["Qatar"] and r["target"] == ["Gaza"]


def test_purpose_clause_inherits_subject(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "The minister flew to Tokyo to meet his counterpart.", "meet", "encounter")
    assert r["source"] == ["minister"] and r["target"] == ["counterpart"]


def test_nominal_between(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Talks between Armenia and Azerbaijan resumed.", "Talks", "nominal")
    assert r["participants"] == ["Armenia", "Azerbaijan"]


def test_nominal_light_verb_subject_and_target(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "The European Union imposed sanctions on Belarus.", "sanctions", "nominal")
    assert r["source"] == ["Union"] and r["target"] == ["Belarus"]


def test_visit_destination(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "The Japanese premier will travel to Canberra next month.", "travel", "visit")
    assert r["source"] == ["premier"] and r["destination"] == ["Canberra"]


@pytest.mark.parametrize("verb", ["shipped", "delivered", "sent"])
def test_tense_and_verb_variants(bare_nlp: Language, verb: str) -> None:
    r = roles_of(bare_nlp, f"Poland has {verb} tanks to Ukraine.", verb, "transfer")
    assert r["source"] == ["Poland"] and r["target"] == ["Ukraine"] and r["theme"] == ["tanks"]


def test_speaking_is_a_meeting_only_by_phone_or_video(nlp) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from newsgraph.extract import extract_events
    from newsgraph.records import Article

    def types(text: str) -> list[str]:
        return [e.type for e in extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))]

    assert types("Erdogan spoke on the phone with Putin on Monday.") == ["CONSULT"]
    assert types("Macron and Scholz spoke over a video link.") == ["CONSULT"]
    assert types("Erdogan spoke on Monday about Syria.") == []


def test_a_participle_modifying_a_noun_is_passive(nlp) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from newsgraph.extract import extract_events
    from newsgraph.records import Article

    text = "A Bolivian journalist arrested last week by Peruvian police was released on Monday."
    events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
    arrest = next(e for e in events if e.trigger.text == "arrested")
    assert [m.actor.country for m in arrest.target] == ["BOL"]
    assert all(m.actor.country != "BOL" for m in arrest.source)


def test_the_possessor_of_an_arrest_undergoes_it(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.extract.roles import read_roles

    doc = nlp("The opposition condemned Garcia's detention.")
    detention = next(t for t in doc if t.lower_ == "detention")
    roles = read_roles(detention, "nominal")
    assert "Garcia" in [t.text for t in roles.target]
    assert "Garcia" not in [t.text for t in roles.source]
    doc = nlp("Chile's detention of the activists angered the opposition.")
    detention = next(t for t in doc if t.lower_ == "detention")
    assert [t.text for t in read_roles(detention, "nominal").source] == ["Chile"]
    doc = nlp("Chile's attack on the border post angered Peru.")
    attack = next(t for t in doc if t.lower_ == "attack")
    assert [t.text for t in read_roles(attack, "nominal").source] == ["Chile"]


def test_a_list_read_as_an_apposition_is_still_a_list(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.extract.roles import expand

    doc = nlp("The US, Russia, and Switzerland met yesterday")
    us = next(t for t in doc if t.text == "US")
    assert {t.text for t in expand([us])} == {"US", "Russia", "Switzerland"}
    doc = nlp("Jane Doe, a Pentagon spokeswoman, met the ambassador.")
    doe = next(t for t in doc if t.text == "Doe")
    assert [t.text for t in expand([doe])] == ["Doe"]  # a true apposition is no list


def test_a_participle_sharing_a_passive_auxiliary_is_passive(nlp) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from newsgraph.extract import extract_events
    from newsgraph.records import Article

    text = "Officials fear that Peruvian children could be attacked or kidnapped."
    events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
    kidnap = next(e for e in events if e.trigger.text == "kidnapped")
    assert not kidnap.source
    assert [m.actor.country for m in kidnap.target] == ["PER"]


def test_whom_a_lifted_measure_bears_on_is_the_target(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Brazil lifted its sanctions on Venezuela.")
    lifted = next(t for t in doc if t.lower_ == "lifted")
    assert [t.text for t in read_roles(lifted, "intransitive").target] == ["Venezuela"]


def test_an_attack_that_does_something_stands_for_whoever_made_it(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.extract.roles import read_roles

    doc = nlp("Repeated airstrikes by the Malian army destroyed two rebel camps.")
    verb = next(t for t in doc if t.lower_ == "destroyed")
    assert "army" in [t.text for t in read_roles(verb, "direct").source]
    doc = nlp("A Serbian rocket hit the village.")
    verb = next(t for t in doc if t.lower_ == "hit")
    assert [t.text for t in read_roles(verb, "direct").source] == ["Serbian"]
    doc = nlp("Three fishermen were wounded in an Indian attack off the coast.")
    verb = next(t for t in doc if t.lower_ == "wounded")
    roles = read_roles(verb, "direct")
    assert ([t.text for t in roles.source], [t.text for t in roles.target]) == (["Indian"], ["fishermen"])
    doc = nlp("The storm destroyed two villages.")  # not an attack: the subject stays
    verb = next(t for t in doc if t.lower_ == "destroyed")
    assert [t.text for t in read_roles(verb, "direct").source] == ["storm"]


def test_who_claims_responsibility_for_an_attack_made_it(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.extract.roles import read_roles

    doc = nlp("Hezbollah claimed responsibility for the attack on the convoy.")
    attack = next(t for t in doc if t.lower_ == "attack")
    assert [t.text for t in read_roles(attack, "nominal").source] == ["Hezbollah"]
    doc = nlp("Hezbollah denied any link to the attack on the convoy.")
    attack = next(t for t in doc if t.lower_ == "attack")
    assert read_roles(attack, "nominal").source == ()


def test_a_participle_conjoined_below_a_passive_shares_it(nlp) -> None:  # type: ignore[no-untyped-def]
    from newsgraph.extract.roles import read_roles

    doc = nlp("Chilean reporters were harassed while filming the march and briefly detained, unions said.")
    detained = next(t for t in doc if t.lower_ == "detained")
    roles = read_roles(detained, "direct")
    assert "reporters" not in [t.text for t in roles.source]
    doc = nlp("Peruvian police detained the protesters and questioned them.")  # active: the police act
    questioned = next(t for t in doc if t.lower_ == "detained")
    assert [t.text for t in read_roles(questioned, "direct").source] == ["police"]


def test_who_survives_an_attack_undergoes_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Three Peruvian fishermen survived a Chilean attack off the coast.")
    attack = next(t for t in doc if t.lower_ == "attack")
    roles = read_roles(attack, "nominal")
    assert "fishermen" in [t.text for t in roles.target] and "fishermen" not in [t.text for t in roles.source]


def test_what_a_measure_targets_is_its_target(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Chile imposed tariffs targeting Peruvian copper.")
    tariffs = next(t for t in doc if t.lower_ == "tariffs")
    assert "copper" in [t.text for t in read_roles(tariffs, "nominal").target]


def test_who_secures_or_awaits_a_release_does_not_release(nlp: Language) -> None:
    from datetime import date

    from newsgraph.extract import extract_events
    from newsgraph.records import Article

    text = "Peru secured the release of the Chilean fishermen."
    events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
    released = [e for e in events if e.type == "RETREAT"]
    assert released and all(m.actor.country != "PER" for e in released for m in e.source)


def test_the_of_phrase_of_a_withdrawal_or_visit_names_who_does_it(nlp: Language) -> None:
    from datetime import date

    from newsgraph.extract import extract_events
    from newsgraph.records import Article

    text = "The withdrawal of Peruvian troops from the border began on Monday."
    events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
    retreat = next(e for e in events if e.type == "RETREAT")
    assert [m.actor.country for m in retreat.source] == ["PER"] and not retreat.target


def test_a_fighters_with_phrase_is_its_side_and_against_its_enemy(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Chilean volunteers fought with the rebels against the army.", "fought", "encounter")
    assert r["target"] == ["army"]
    met = roles_of(bare_nlp, "The Chilean minister met with the Peruvian envoy.", "met", "encounter")
    assert met["target"] == ["envoy"]
    clashed = roles_of(bare_nlp, "Chilean troops clashed with Peruvian troops.", "clashed", "encounter")
    assert clashed["target"] == ["troops"]


def test_who_ends_or_disperses_an_act_is_not_its_doer(nlp: Language) -> None:
    from datetime import date

    from newsgraph.extract import extract_events
    from newsgraph.records import Article

    def types(text: str) -> list[tuple[str, list[str | None]]]:
        events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
        return [(e.type, [m.actor.country for m in e.source]) for e in events]

    assert ("PROTEST", ["CHL"]) not in types("The Chilean president said he would use force to end the protests.")
    assert ("ASSAULT", ["PER"]) in types("Peru halted its offensive in the north.")  # its own: still its doer


@pytest.mark.parametrize(("text", "word", "doer"), [
    ("Chad's army is responsible for the massacre in Abeche.", "massacre", ["army"]),
    ("Ecuador said Peru was behind the bombing of the pipeline.", "bombing", ["Peru"]),
    ("Quito held Lima responsible for the bombing of the pipeline.", "bombing", ["Lima"]),
    ("The commission holds the police accountable for the shooting.", "shooting", ["police"]),
])
def test_a_predicate_names_the_doer_of_an_act(bare_nlp: Language, text: str, word: str, doer: list[str]) -> None:
    assert roles_of(bare_nlp, text, word, "nominal")["source"] == doer


@pytest.mark.parametrize(("text", "word"), [
    ("Ecuador said Peru was not behind the bombing of the pipeline.", "bombing"),
    ("The general responsible for the offensive in Tigray resigned.", "offensive"),
])
def test_no_doer_from_a_negated_or_attributive_predicate(bare_nlp: Language, text: str, word: str) -> None:
    assert roles_of(bare_nlp, text, word, "nominal")["source"] == []


def test_who_watches_or_films_an_act_is_not_its_doer(bare_nlp: Language) -> None:
    assert roles_of(bare_nlp, "The reporter filmed the bombardment of Mosul.", "bombardment", "nominal")["source"] == []
    assert roles_of(bare_nlp, "Iraq launched a bombardment of Mosul.", "bombardment", "nominal")["source"] == ["Iraq"]


def test_a_refusal_of_someone_is_theirs(bare_nlp: Language) -> None:
    text = "The talks failed after the refusal of the Serbian government to negotiate."
    r = roles_of(bare_nlp, text, "refusal", "nominal")
    assert "government" in r["source"] and "government" not in r["target"]


def test_a_purpose_infinitive_belongs_to_the_mission_sent_not_its_sender(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Mali welcomed a team of experts to investigate the massacre.", "investigate", "direct")
    assert r["source"] == ["team"]
    r = roles_of(bare_nlp, "Mali expelled the monitors sent to investigate the massacre.", "investigate", "direct")
    assert r["source"] == ["monitors"]
    r = roles_of(bare_nlp, "Mali expelled the monitors to end the investigation.", "end", "direct")
    assert r["source"] == ["Mali"]


def test_an_act_used_as_an_instrument_is_done_by_the_subject(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Azerbaijan responded with airstrikes on Armenian positions.", "airstrikes", "nominal")
    assert r["source"] == ["Azerbaijan"]
    r = roles_of(bare_nlp, "Canada hit Venezuela with sanctions.", "sanctions", "nominal")
    assert r["source"] == ["Canada"] and r["target"] == ["Venezuela"]
    r = roles_of(bare_nlp, "Venezuela was hit with sanctions.", "sanctions", "nominal")
    assert r["source"] == [] and r["target"] == ["Venezuela"]


def test_the_place_a_withdrawal_leaves_is_not_its_doer(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "The French withdrawal from Mali ended the mission.", "withdrawal", "nominal")
    assert "Mali" not in r["source"] and "French" in r["source"]
    r = roles_of(bare_nlp, "New sanctions from Canada hit Venezuela.", "sanctions", "nominal")
    assert "Canada" in r["source"]


def test_what_an_act_reaches_is_its_recipient(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Aid from Canada reached Haiti on Monday.", "Aid", "nominal")
    assert r["source"] == ["Canada"] and r["target"] == ["Haiti"]


def test_an_object_parsed_as_an_attribute_of_a_verb_is_its_object(bare_nlp: Language) -> None:
    text = ('The minister said that the country\'s intelligence service "successfully eliminated" '
            "the group's deputy leader.")
    doc = bare_nlp(text)
    verb = next(t for t in doc if t.text == "eliminated")
    assert [t.dep_ for t in verb.children if t.text == "leader"] == ["attr"]  # the model's misparse
    assert roles_of(bare_nlp, text, "eliminated", "direct")["target"] == ["leader"]


def test_a_copula_has_no_object(bare_nlp: Language) -> None:
    assert roles_of(bare_nlp, "Bolivia became the leader of the bloc.", "became", "direct")["target"] == []


def test_a_participial_adjunct_is_passive(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "The Bolivian commander is dead, killed by Chilean troops.", "killed", "direct")
    assert r["target"] == ["commander"] and r["source"] == ["troops"]


def test_a_participle_with_its_own_auxiliary_stays_active(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Having attacked the town, the rebels withdrew.", "attacked", "direct")
    assert r["target"] == ["town"]


def test_a_victim_killed_doing_something_is_the_target(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Mateo Rojas, the first Chilean killed fighting the rebels in 2019, was a nurse.",
                 "killed", "direct")
    assert r["source"] == [] and r["target"] in (["Rojas"], ["Chilean"])  # the victim, however parsed


def test_killing_fighters_keeps_the_killer(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Chilean troops killed three rebels fighting near the border.", "killed", "direct")
    assert r["source"] == ["troops"] and r["target"] == ["rebels"]


def test_the_object_of_arming_is_the_recipient(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Bolivia armed the rebels with rifles.", "armed", "transfer")
    assert r["source"] == ["Bolivia"] and r["target"] == ["rebels"]


def test_charged_with_doing_names_the_charged_as_the_doer(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Chilean police charged the mayor with attacking journalists.", "attacking", "direct")
    assert r["source"] == ["mayor"]
    threat = roles_of(bare_nlp, "Peru threatened Chile with expelling its diplomats.", "expelling", "direct")
    assert threat["source"] == ["Peru"]


def test_a_passive_conjoined_to_a_misparsed_verb_keeps_its_object(bare_nlp: Language) -> None:
    from newsgraph.extract.lexicon import trigger_for

    doc = bare_nlp("The civilians imprisoned for acting against Lima were released yesterday by the president.")
    released = next(t for t in doc if t.text == "released")
    trig = trigger_for(released)
    assert trig is not None and trig.type == "RETREAT"


def test_putting_ones_forces_on_alert_or_someone_in_detention(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "The government put the army on alert.", "alert", "nominal")
    assert (r["source"], r["target"]) == (["government"], [])  # its own forces are no side
    r = roles_of(bare_nlp, "The government has kept two activists in detention.", "detention", "nominal")
    assert (r["source"], r["target"]) == (["government"], ["activists"])


def test_each_conjoined_object_of_a_light_verb_is_the_subject_s_act(bare_nlp: Language) -> None:
    text = "The government announced travel bans against four officers, as well as sanctions against two banks."
    r = roles_of(bare_nlp, text, "sanctions", "nominal")
    assert r["source"] == ["government"] and r["target"] == ["banks"]


def test_who_hinders_an_act_is_not_its_doer(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "The Bolivian president tried to derail the talks in Lima.", "talks", "nominal")
    assert r["source"] == []
    r = roles_of(bare_nlp, "The Bolivian president held talks in Lima.", "talks", "nominal")
    assert r["source"] == ["president"]


def test_the_traveller_of_a_visit_the_sentence_happens_during(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "The minister said during a visit to Lima that the talks were useful.", "visit", "nominal")
    assert r["source"] == ["minister"]
    r = roles_of(bare_nlp, "The minister said during the talks that a visit to Lima was useful.", "visit", "nominal")
    assert r["source"] == []  # the visit is not what the sentence happens during


def test_the_traveller_of_a_visit_the_sentence_happens_on_a_day_of(bare_nlp: Language) -> None:
    text = "The minister spoke in Lima on the second day of a visit to Peru."
    assert roles_of(bare_nlp, text, "visit", "nominal")["source"] == ["minister"]
    text = "The minister spoke in Lima on the second day of the attack on Peru."
    assert roles_of(bare_nlp, text, "attack", "nominal")["source"] == []


def test_aid_carried_by_a_convoy_goes_where_the_convoy_arrives(nlp: Language) -> None:
    text = "A convoy carrying food and medical aid entered the Bolivian town of Oruro on Tuesday."
    aid = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "AID"]
    assert [[m.actor.country for m in e.target] for e in aid] == [["BOL"]]


def test_a_judged_act_is_not_done_by_whoever_judges_it(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Analysts questioned the wisdom of punishing the minister.", "punishing", "direct")
    assert r["source"] == []
    r = roles_of(bare_nlp, "Chile announced the decision of expelling the envoy.", "expelling", "direct")
    assert r["source"] == ["Chile"]  # a decision is the subject's own


def test_an_amount_before_a_measure_is_no_one_the_light_verbs_subject_imposes_it(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "The president imposed 25% tariffs on Chilean exports.", "tariffs", "nominal")
    assert r["source"] == ["president"]


def test_a_participle_after_a_noun_modifies_it_not_the_main_subject(bare_nlp: Language) -> None:
    text = "Chilean aid workers are heavily involved in the effort in Arica and other towns recaptured from the rebels."
    r = roles_of(bare_nlp, text, "recaptured", "direct")
    assert "workers" not in r["source"]


def test_have_something_done_to_ones_own_is_undergoing_it_to_anothers_is_causing_it(nlp: Language) -> None:
    events = extract_events(nlp("Ana Rivera, a Chilean writer, had her passport revoked by Peru."),
                            Article(id="t", text="Ana Rivera, a Chilean writer, had her passport revoked by Peru."))
    assert [([m.actor.country for m in e.source], [m.actor.country for m in e.target]) for e in events] == [
        (["PER"], ["CHL"])]
    events = extract_events(nlp("Peru had the Chilean ambassador expelled."),
                            Article(id="t", text="Peru had the Chilean ambassador expelled."))
    assert [m.actor.country for e in events for m in e.source] == ["PER"]


def test_who_takes_part_in_a_meeting_the_sentence_happens_at(bare_nlp: Language) -> None:
    text = "The Bolivian minister called for calm in a phone call with his Peruvian counterpart."
    assert roles_of(bare_nlp, text, "call", "nominal")["source"][0] == "minister"  # (then the "phone" modifier)
    text = "The Bolivian minister spoke to reporters ahead of talks with Peru."
    assert roles_of(bare_nlp, text, "talks", "nominal")["source"] == ["minister"]
    text = "The Bolivian minister said the talks with Peru had failed."
    assert roles_of(bare_nlp, text, "talks", "nominal")["source"] == []  # what is spoken of, not where


def test_a_hosted_meetings_with_phrase_names_the_guests(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Bolivia hosted a summit in La Paz with Chile and Peru.", "hosted", "direct")
    assert {"Chile", "Peru"} <= set(r["target"])
    r = roles_of(bare_nlp, "Bolivia hosted a concert in La Paz with Chilean singers.", "hosted", "direct")
    assert "singers" not in r["target"]  # not a meeting: the with-phrase names no guest side


def test_an_object_acts_maker_is_whom_a_judgement_bears_on(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Chile welcomed the decision by Peru to reopen the border.", "welcomed", "direct")
    assert "Peru" in r["target"]
    r = roles_of(bare_nlp, "Residents were summoned by the mayor to the square.", "summoned", "direct")
    assert r["source"] == ["mayor"] and "mayor" not in r["target"]


@pytest.mark.parametrize(("text", "target"), [
    ("Bolivia has been accused by its neighbours of hoarding water.", ["BOL"]),  # its neighbours are not Bolivia
    ("Peru's allies condemned Chile.", ["CHL"]),
    ("Chile urged Andean states, including Peru and Bolivia, to close the border.", ["PER", "BOL"]),
    ("Chile urged Andean states such as Peru to close the border.", ["PER"]),
])
def test_a_group_stands_for_its_named_members_a_relational_noun_not_for_its_possessor(
        nlp: Language, text: str, target: list[str]) -> None:
    # the act urged ("to close the border") is an event of its own, requested
    events = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.status != "requested"]
    assert len(events) == 1
    assert [m.actor.country for m in events[0].target] == target
    assert not {m.actor.country for m in events[0].source} & set(target)


def test_a_participle_that_imposes_an_act_names_its_doer(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Sanctions imposed by the EU on Bolivia took effect.", "Sanctions", "nominal")
    assert r["source"] == ["EU"] and r["target"] == ["Bolivia"]
    r = roles_of(bare_nlp, "Bolivian firms have overcome restrictions imposed by Chile.", "restrictions", "nominal")
    assert r["source"] == ["Chile"]  # not the firms that overcame them
    r = roles_of(bare_nlp, "Attacks carried out by the rebels killed ten soldiers.", "Attacks", "nominal")
    assert r["source"] == ["rebels"]
    r = roles_of(bare_nlp, "Aid blocked by Chile never reached Bolivia.", "Aid", "nominal")
    assert r["source"] == []  # who blocks aid does not give it


def test_a_state_after_with_is_not_what_is_sent(bare_nlp: Language) -> None:
    r = roles_of(bare_nlp, "Chile sent troops to the border with Bolivia.", "sent", "transfer")
    assert r["theme"] == ["troops"] and "troops" not in r["target"]
    r = roles_of(bare_nlp, "Germany supplied Lithuania with howitzers.", "supplied", "transfer")
    assert r["theme"] == ["howitzers"] and r["target"] == ["Lithuania"]


def test_ties_cut_are_with_whom_the_ties_are(bare_nlp: Language) -> None:
    text = "Bolivia announced the suspension of relations with Chile."
    assert "Chile" in roles_of(bare_nlp, text, "suspension", "nominal")["target"]
    text = "Bolivia announced the suspension of the talks on the river."
    assert "river" not in roles_of(bare_nlp, text, "suspension", "nominal")["target"]


@pytest.mark.parametrize("text", [
    "A spokesman for the Bolivian president criticised Chile.",
    "An adviser to the Bolivian foreign minister criticised Chile.",
    "A lawyer for the Bolivian government criticised Chile.",
])
def test_a_speaker_for_someone_is_of_their_country(nlp: Language, text: str) -> None:
    events = extract_events(nlp(text), Article(id="t", text=text))
    assert [([m.actor.country for m in e.source], [m.actor.country for m in e.target]) for e in events] == [
        (["BOL"], ["CHL"])]


def test_an_absolute_with_names_no_partner(bare_nlp: Language) -> None:
    text = "The arrest drew condemnation, with many Bolivian leaders calling for his release."
    assert roles_of(bare_nlp, text, "condemnation", "nominal")["target"] == []
    text = "Chile held talks with Bolivian officials visiting Santiago."
    assert roles_of(bare_nlp, text, "talks", "nominal")["target"] == ["officials"]


def test_whom_one_warns_against_an_act_would_do_it(bare_nlp: Language) -> None:
    text = "The Bolivian government warned the opposition against holding the rally."
    r = roles_of(bare_nlp, text, "holding", "direct")
    assert r["source"] == ["opposition"]


def test_a_perfect_clause_in_a_nouns_content_is_no_reduced_passive(nlp: Language) -> None:
    text = "Chile welcomed the news that Peru had withdrawn its troops."
    events = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "RETREAT"]
    assert [[m.actor.country for m in e.source] for e in events] == [["PER"]]
    text = "A Peruvian journalist arrested last week was freed."  # a real reduced passive: he undergoes it
    arrests = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "COERCE"]
    assert [([m.actor.country for m in e.source], [m.actor.country for m in e.target]) for e in arrests] == [
        ([], ["PER"])]


def test_who_agrees_to_an_act_noun_does_it(nlp: Language) -> None:
    text = "Peru committed to talks with Chile."
    talks = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "CONSULT"]
    assert [([m.actor.country for m in e.source], [m.actor.country for m in e.target], e.status)
            for e in talks] == [(["PER"], ["CHL"], "planned")]
    text = "Peru agreed to Chile's request for talks."  # a request agreed to was made: not planned
    requests = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "REQUEST"]
    assert [e.status for e in requests] == ["asserted"]


@pytest.mark.parametrize(("text", "backers"), [
    ("Bolivia and Chile, which has backed the rebels, oppose the plan.", ["CHL"]),  # singular: the nearest
    ("Bolivia and Chile, which have backed the rebels, oppose the plan.", ["BOL", "CHL"]),
    ("Bolivia and Chile, which had backed the rebels, oppose the plan.", ["BOL", "CHL"]),
])
def test_a_relative_clause_after_coordinated_nouns_is_done_by_its_antecedents(nlp: Language, text: str,
                                                                              backers: list[str]) -> None:
    backing = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "SUPPORT"]
    assert [sorted(m.actor.country or "" for m in e.source) for e in backing] == [backers]


def test_who_is_on_the_brink_of_an_act_does_it(nlp: Language) -> None:
    text = "Chile is on the brink of attacking Peru."
    attacks = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "ASSAULT"]
    assert [([m.actor.country for m in e.source], [m.actor.country for m in e.target], e.status)
            for e in attacks] == [(["CHL"], ["PER"], "possible")]


def test_the_state_that_leads_an_act_is_its_doer(nlp: Language) -> None:
    text = "Chilean-led airstrikes hit a depot near Tacna, and Bolivia called for a UN-led inquiry into the raid."
    events = extract_events(nlp(text), Article(id="t", text=text))
    strike = next(e for e in events if e.trigger.text == "airstrikes")
    assert [m.actor.country for m in strike.source] == ["CHL"]
    inquiry = next(e for e in events if e.trigger.text == "inquiry")  # led by the UN: its own, not a mere mention
    assert (inquiry.type, inquiry.status, [m.actor.name for m in inquiry.source]) == (
        "ACCUSE", "requested", ["United Nations"])


def test_an_act_asked_for_by_name_is_its_own_requested_event(nlp: Language) -> None:
    text = "Peru demanded the withdrawal of Chilean troops and called for the release of the Bolivian sailors."
    events = {e.trigger.text: e for e in extract_events(nlp(text), Article(id="t", text=text))}
    assert events["demanded"].type == "REQUEST"
    withdrawal, release = events["withdrawal"], events["release"]
    assert (withdrawal.type, withdrawal.status, [m.actor.country for m in withdrawal.source]) == (
        "RETREAT", "requested", ["CHL"])
    assert (release.type, release.status, [m.actor.country for m in release.target]) == (
        "RETREAT", "requested", ["BOL"])


def test_where_an_investigated_act_happened_is_not_whom_it_investigates(nlp: Language) -> None:
    text = "The Peruvian prosecutor opened an investigation of the bombing in Santiago."
    events = extract_events(nlp(text), Article(id="t", text=text))
    probe = next(e for e in events if e.trigger.text == "investigation")
    assert [m.actor.country for m in probe.source] == ["PER"] and probe.target == ()


def test_two_participles_joined_tight_share_their_agent(nlp: Language) -> None:
    text = "The Peruvian rebels, armed and paid by Chile, control the border."
    armed = next(e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.trigger.text == "armed")
    assert (armed.type, [m.actor.country for m in armed.source]) == ("AID", ["CHL"])
    text = "The helicopters were sent to Peru in 1990 and later bought by Chile."  # two acts, years apart
    sent = next(e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.trigger.text == "sent")
    assert sent.source == ()


@pytest.mark.parametrize(("text", "want"), [
    ("Chile withdrew its troops from Bolivia.", ("RETREAT", ["BOL"])),
    ("The withdrawal of Chilean troops from Bolivia began on Monday.", ("RETREAT", ["BOL"])),
    ("Chilean troops withdrew from Arica.", ("RETREAT", [])),  # a town of their own: no other side
    ("Chile withdrew its support from the Peruvian rebels.", ("SANCTION", ["PER"])),  # aid cut, no retreat
])
def test_whose_ground_a_withdrawal_leaves_is_its_target(nlp: Language, text: str, want: tuple[str, list[str]]) -> None:
    (event,) = extract_events(nlp(text), Article(id="t", text=text))
    assert (event.type, [m.actor.country for m in event.target]) == want


def test_a_clause_after_after_misread_as_a_phrase_keeps_its_subject(nlp: Language) -> None:
    text = "One person was killed after a missile from Peru struck the Chilean border town of Arica."
    struck = next(e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.trigger.text == "struck")
    assert ([m.actor.country for m in struck.source], [m.actor.country for m in struck.target]) == (["PER"], ["CHL"])


def test_a_participle_after_a_comma_is_done_by_the_clause_subject_and_not_under_its_negation(nlp: Language) -> None:
    text = "The Chilean ambassador said that Chile was not involved in the raid, rejecting an accusation by Peru."
    events = {e.trigger.text: e for e in extract_events(nlp(text), Article(id="t", text=text))}
    rejecting = events["rejecting"]
    assert (rejecting.status, [m.actor.country for m in rejecting.source]) == ("asserted", ["CHL"])
    assert events["raid"].status == "negated"  # Chile's part in it is denied
    accusation = events["accusation"]
    assert ([m.actor.country for m in accusation.source], [m.actor.country for m in accusation.target]) == (
        ["PER"], ["CHL"])


def test_examples_of_a_suggestion_are_no_ones_act(nlp: Language) -> None:
    text = "The Bolivian general blocked such suggestions as assassinating the Chilean president."
    act = next(e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.trigger.text == "assassinating")
    assert act.source == ()


def test_a_transfer_parsed_with_two_objects_gives_to_the_first(nlp: Language) -> None:
    text = "Chile will send Bolivia 300 tonnes of wheat."  # the parser makes both nouns objects
    (sent,) = extract_events(nlp(text), Article(id="t", text=text))
    assert ([m.actor.country for m in sent.target], [i.text for i in sent.items]) == (["BOL"], ["wheat"])


def test_a_relative_pronoun_before_an_infinitive_is_the_infinitives_object(nlp: Language) -> None:
    def types(text: str) -> list[str]:
        return [e.type for e in extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))]

    assert types("Chile backs a government that Peru had sought to unseat for years.") == ["SUPPORT"]  # no request
    assert "REQUEST" in types("Peru sought talks with Chile.")


def test_an_act_after_following_is_not_the_subjects(nlp: Language) -> None:
    text = "Juan Perez had to flee to Arica five days ago following the Chilean attack on Tacna."
    events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
    attack = next(e for e in events if e.type == "ASSAULT")
    assert "Juan Perez" not in [m.text for m in attack.source]


def test_allies_against_phrase_is_their_common_enemy_not_a_side(nlp: Language) -> None:
    text = "Chile partnered with Peru against the rebels."
    events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
    (partnered,) = [e for e in events if e.type == "COOPERATE"]
    assert "the rebels" not in [m.text for m in (*partnered.source, *partnered.target)]
    text = "Chilean troops fought against the rebels."
    events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
    assert [m.text for e in events for m in e.target] == ["the rebels"]


def test_a_message_of_support_sent_is_the_senders_support(nlp: Language) -> None:
    def sides(text: str) -> list[tuple[str, list[str], list[str]]]:
        events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
        return [(e.type, [m.text for m in e.source], [m.text for m in e.target]) for e in events]

    assert sides("Chile sent a message of support to Peru.") == [("SUPPORT", ["Chile"], ["Peru"])]
    assert sides("Chile issued a word of warning to Peru.") == [("THREATEN", ["Chile"], ["Peru"])]
    # who passes on word of an act did not do it
    passed_on = sides("A Bolivian blogger passed on word of the Chilean raid.")
    assert all("blogger" not in " ".join(source) for _t, source, _o in passed_on)


def test_who_makes_or_owns_an_attempt_or_plan_does_its_act(nlp: Language) -> None:
    def sources(text: str, word: str) -> list[str]:
        events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
        return [m.text for e in events if e.trigger.text == word for m in e.source]

    assert sources("Chile made an attempt to persuade Peru to withdraw.", "persuade") == ["Chile"]
    assert sources("Bolivia's attempt to persuade Peru failed.", "persuade") == ["Bolivia"]
    assert sources("Peru rejected the Chilean plan to attack Bolivia.", "attack") != ["Peru"]


def test_a_bare_participle_after_if_or_when_is_undergone_by_the_subject(nlp: Language) -> None:
    def sides(text: str) -> list[tuple[list[str], list[str]]]:
        events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
        return [([m.text for m in e.source], [m.text for m in e.target]) for e in events if e.type == "ASSAULT"
                and e.trigger.text in ("attacked", "shelled")]

    assert sides("Paraguay says its navy will fire back if shelled.") == [([], ["navy"])]
    assert sides("Chile will retaliate when attacked by Peru.") == [(["Peru"], ["Chile"])]


def test_there_is_gives_an_act_no_doer(nlp: Language) -> None:
    def sides(text: str) -> list[tuple[str, list[str]]]:
        events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
        return [(e.type, [m.text for m in e.source]) for e in events]

    text = "Officials told the Lima Times that there was a phone call between the Chilean and Peruvian presidents."
    assert not [m for _t, source in sides(text) for m in source if "Lima Times" in m]
    text = "There were dozens of raids on Bolivian villages in May, an Oxfam report says."
    assert not [m for _t, source in sides(text) for m in source if "Oxfam" in m]


def test_the_ones_trained_or_armed_to_act_are_its_doers(nlp: Language) -> None:
    text = "Brazilian advisers trained Bolivian police to raid drug labs."
    events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
    assert [m.text for e in events if e.trigger.text == "raid" for m in e.source] == ["Bolivian police"]


def test_a_city_naming_an_acts_place_is_no_doer_of_what_the_act_does(nlp: Language) -> None:
    def sources(text: str) -> list[str]:
        events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
        return [m.text for e in events if e.trigger.text == "killed" for m in e.source]

    assert sources("The Oruro bombing, which killed 30 people, shocked the country.") == []
    assert sources("The Hamas attack killed 20 soldiers.") == ["Hamas"]  # an actor the tables know


@pytest.mark.parametrize(("text", "country"), [
    ("Bolivian troops attacked the village of Tacna.", "PER"),  # "village" alone would be villagers
    ("Bolivian troops shelled the port of Iquique.", "CHL"),
    ("Bolivian troops raided the town of Iquique near the coast.", "CHL"),
])
def test_a_place_noun_named_after_of_is_the_named_places_state(nlp: Language, text: str, country: str) -> None:
    (event,) = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type in ("ASSAULT", "COERCE")]
    assert [m.actor.country for m in event.source] == ["BOL"]
    assert [m.actor.country for m in event.target] == [country]


@pytest.mark.parametrize(("text", "country"), [
    ("Thousands of families fled the Iquique offensive.", "CHL"),
    ("The Oruro offensive began in the spring.", "BOL"),
    ("The Tarija airstrikes lasted a week.", "BOL"),
])
def test_a_town_naming_an_attack_is_where_it_is_aimed(nlp: Language, text: str, country: str) -> None:
    (event,) = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "ASSAULT"]
    assert event.source == ()
    assert [m.actor.country for m in event.target] == [country]
    assert event.location is not None and event.location.country == country


def test_a_state_or_group_naming_an_attack_stays_its_doer(nlp: Language) -> None:
    text = "The Hamas offensive began in the spring."
    (event,) = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "ASSAULT"]
    assert [m.text for m in event.source] == ["Hamas"] and event.target == ()


@pytest.mark.parametrize(("text", "event_type", "source"), [
    ("Uruguayan dockers have been on strike since March.", "PROTEST", ["URY"]),
    ("Ecuador and Colombia are in talks over the pipeline.", "CONSULT", ["COL", "ECU"]),
    ("The Paraguayan army has been on high alert since the raid.", "MOBILIZE", ["PRY"]),
])
def test_being_in_or_on_an_act_is_taking_part_in_it(nlp: Language, text: str, event_type: str,
                                                     source: list[str]) -> None:
    events = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == event_type]
    assert events and sorted(m.actor.country or "" for m in events[0].source) == source


def test_who_remains_in_detention_undergoes_it_and_a_count_in_detention_is_no_act(nlp: Language) -> None:
    text = "The Uruguayan union leader remained in detention."
    (held,) = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "COERCE"]
    assert held.source == () and [m.actor.country for m in held.target] == ["URY"]
    text = "Some 900 Uruguayan prisoners were in detention."
    assert not [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "COERCE"]


def test_whose_assets_are_frozen_is_the_target(nlp: Language) -> None:
    text = "Uruguay froze the bank accounts of two Argentine firms."
    (frozen,) = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "SANCTION"]
    assert [m.actor.country for m in frozen.source] == ["URY"]
    assert [m.actor.country for m in frozen.target] == ["ARG"]


@pytest.mark.parametrize("text", [
    "The Organization of American States suspended Ecuador.",
    "Ecuador was suspended from the Organization of American States.",
    "The Organization of American States suspended Ecuador's membership.",
])
def test_a_member_suspended_from_a_body_is_the_target(nlp: Language, text: str) -> None:
    (event,) = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "SANCTION"]
    assert [m.actor.name for m in event.source] == ["Organization of American States"]
    assert [m.actor.country for m in event.target] == ["ECU"]


@pytest.mark.parametrize("text", [
    "The Uruguayan envoy pleaded with Paraguay to release the detained sailors.",
    "The Uruguayan envoy appealed to Paraguay to release the detained sailors.",
    "The Uruguayan envoy called on Paraguay to release the detained sailors.",
])
def test_who_is_asked_to_act_by_a_preposition_is_the_acts_doer(nlp: Language, text: str) -> None:
    events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
    (release,) = [e for e in events if e.type == "RETREAT"]
    assert [m.actor.country for m in release.source] == ["PRY"] and release.status == "requested"


def test_who_is_counted_on_to_act_is_the_acts_doer(nlp: Language) -> None:
    text = "Uruguay is looking to Paraguay to release the detained sailors."
    events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
    (release,) = [e for e in events if e.type == "RETREAT"]
    assert [m.actor.country for m in release.source] == ["PRY"] and release.status == "planned"


@pytest.mark.parametrize(("text", "word", "doer"), [
    ("The militias repelled the Honduran army's attempt at a ground incursion.", "incursion", "army"),
    ("Guatemala's plans for an offensive against the rebels were leaked.", "offensive", "Guatemala"),
])
def test_whose_attempt_or_plan_an_act_is_does_it(nlp: Language, text: str, word: str, doer: str) -> None:
    assert doer in roles_of(nlp, text, word, "nominal")["source"]


def test_whoever_uses_people_as_human_shields_assaults_them(nlp: Language) -> None:
    for text in ("Honduran troops used the Guatemalan prisoners as human shields.",
                 "The Guatemalan prisoners were used as human shields by Honduran troops."):
        (event,) = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "ASSAULT"]
        assert [m.actor.country for m in event.source] == ["HND"]
        assert [m.actor.country for m in event.target] == ["GTM"]


def test_what_an_attack_hits_in_the_passive_is_its_target(nlp: Language) -> None:
    text = "A Honduran news website was hit on Friday by a cyber attack."
    (event,) = extract_events(nlp(text), Article(id="t", text=text))
    assert (event.type, [m.actor.country for m in event.target]) == ("COERCE", ["HND"])
    text = "The Honduran minister was angered by the attacks on Guatemala."
    assert all("HND" not in [m.actor.country for m in e.target]
               for e in extract_events(nlp(text), Article(id="t", text=text)))


def test_who_stands_trial_or_is_sent_to_stand_trial_is_accused(nlp: Language) -> None:
    def accused(text: str) -> list[list[str | None]]:
        events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
        return [[m.actor.country for m in e.target] for e in events if e.type == "ACCUSE"]

    assert accused("The former Bolivian minister will stand trial for fraud next month.") == [["BOL"]]
    # the ones sent, not who sends them
    assert accused("The Chilean government sent two Bolivian smugglers to stand trial in La Paz.") == [["BOL"]]
