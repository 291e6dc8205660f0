"""Warnings, allegations and threats aimed at an actor are events of their own."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from newsgraph.extract import extract_events
from newsgraph.records import Article, Event


def events_of(nlp: Language, text: str) -> list[Event]:
    return extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))


def countries(mentions) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [m.actor.country for m in mentions]


def test_warning_that_something_happens_is_an_accusation(nlp: Language) -> None:
    text = "The French foreign ministry warned that Turkey was sending armoured vehicles to Libya."
    events = events_of(nlp, text)
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert countries(accuse.source) == ["FRA"] and countries(accuse.target) == ["TUR"]
    assert accuse.trigger.text == "warned" and accuse.status == "asserted"
    aid = next(e for e in events if e.type == "AID")
    assert countries(aid.source) == ["TUR"]  # the speaker is never the source of what it reports
    assert aid.attribution[0].country == "FRA"


def test_a_warning_is_about_the_doer_of_a_passive_act_and_never_the_speaker_s_own_forces(nlp: Language) -> None:
    def accused(text: str) -> list[list[str | None]]:
        return [countries(e.target) for e in events_of(nlp, text) if e.type == "ACCUSE"]

    assert accused("Chile warned that Bolivia was being armed by Russia.") == [["RUS"]]
    assert accused("Chile warned that Bolivia would be punished.") == []  # the one who undergoes it is not accused
    text = "The Peruvian defence minister warned that Bolivia would be invaded by Peruvian troops if the talks failed."
    assert accused(text) == []
    assert any(e.type == "THREATEN" for e in events_of(nlp, text))
    assert accused("The Peruvian president warned that the Peruvian opposition was arming gangs.") == [["PER"]]


def test_warning_about_ties_targets_both_sides(nlp: Language) -> None:
    events = events_of(nlp, "The State Department warned about growing military ties between Iran and Venezuela.")
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert countries(accuse.source) == ["USA"] and set(countries(accuse.target)) == {"IRN", "VEN"}


def test_warning_of_the_risk_of_a_clash_accuses_no_one(nlp: Language) -> None:
    events = events_of(nlp, "Lima warned of the risk of a naval clash with Ecuador.")
    assert not [e for e in events if e.type == "ACCUSE"]
    events = events_of(nlp, "Lima warned about Ecuador's naval build-up near the border.")
    assert [countries(e.target) for e in events if e.type == "ACCUSE"] == [["ECU"]]


def test_allegation(nlp: Language) -> None:
    events = events_of(nlp, "Poland alleged that Belarus had pushed migrants across the border.")
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert countries(accuse.source) == ["POL"] and countries(accuse.target) == ["BLR"]


def test_warning_an_actor_not_to_act_is_a_threat(nlp: Language) -> None:
    events = events_of(nlp, "Brazil warned Argentina not to buy fighter jets from Sweden.")
    threat = next(e for e in events if e.trigger.text == "warned")
    assert threat.type == "THREATEN"
    assert countries(threat.source) == ["BRA"] and countries(threat.target) == ["ARG"]


def test_report_about_oneself_is_not_a_speech_act(nlp: Language) -> None:
    events = events_of(nlp, "Germany warned that it would respond if Serbia sent troops.")
    assert not any(e.trigger.text == "warned" for e in events)


def test_plain_report_is_not_an_event(nlp: Language) -> None:
    events = events_of(nlp, "Chile said Peru had bought copper from Bolivia.")
    assert not any(e.trigger.text == "said" for e in events)


def test_quoted_we_is_the_speaker_and_a_conditional_strike_is_a_threat(nlp: Language) -> None:
    events = events_of(nlp, '"If Peru escalates, we will retaliate," the Bolivian defence minister said.')
    threat = next(e for e in events if e.type == "THREATEN")
    assert countries(threat.source) == ["BOL"]
    assert threat.status == "asserted" and threat.mode == "violence"
    act = next(e for e in events if e.type == "ASSAULT")
    assert act.status == "hypothetical"  # the retaliation itself has not happened


def test_a_conditional_act_is_aimed_at_whom_the_condition_names(nlp: Language) -> None:
    events = events_of(nlp, '"If Peru escalates, we will retaliate," the Bolivian defence minister said.')
    assert all(countries(e.target) == ["PER"] for e in events if e.type in ("THREATEN", "ASSAULT"))
    events = events_of(nlp, "Chile will impose tariffs unless Argentina lowers its duties, the Chilean minister said.")
    assert [countries(e.target) for e in events if e.type == "THREATEN"] == [["ARG"]]
    events = events_of(nlp, '"If Peru attacks, we will strike back," the Bolivian defence minister said.')
    assert [countries(e.source) for e in events if e.type == "THREATEN"] == [["BOL"]]  # the condition is no threat
    events = events_of(nlp, "The Chilean minister will resign if Argentina wins the vote.")  # no one is aimed at
    assert all(not e.target for e in events if e.type == "RETREAT")


def test_a_conditional_strike_or_mobilisation_is_a_threat(nlp: Language) -> None:
    strike = events_of(nlp, "Chilean miners will go on strike if the mine is sold, the Chilean union said.")
    assert any(e.type == "THREATEN" and e.mode is None for e in strike)
    mobilise = events_of(nlp, "Peru will mobilize its reserves if Chile moves troops to the border.")
    threat = next(e for e in mobilise if e.type == "THREATEN")
    assert threat.mode == "violence" and countries(threat.source) == ["PER"] and countries(threat.target) == ["CHL"]
    assert not any(e.type == "THREATEN" for e in events_of(nlp, "Chilean miners went on strike on Monday."))


def test_a_concession_promised_by_its_own_side_is_conceded_not_yet_carried_out(nlp: Language) -> None:
    promised = events_of(nlp, "Chile pledged to withdraw its troops from the border.")
    assert [(e.type, e.status) for e in promised if e.type in ("CONCEDE", "RETREAT")] == [
        ("RETREAT", "planned"), ("CONCEDE", "asserted")]
    declared = events_of(nlp, "Chile will lift the curfew next week, the Chilean interior minister said.")
    assert any(e.type == "CONCEDE" and countries(e.source) == ["CHL"] for e in declared)
    expected = events_of(nlp, "Peruvian analysts expect Chile to withdraw its troops.")  # a forecast by others
    assert not any(e.type == "CONCEDE" for e in expected)
    done = events_of(nlp, "Chile withdrew its troops from the border.")  # carried out: RETREAT only
    assert [e.type for e in done] == ["RETREAT"]


def test_willingness_to_meet_or_help_is_an_agreement_to_cooperate(nlp: Language) -> None:
    ready = events_of(nlp, "Ecuador is ready to hold talks with Peru.")
    assert [(e.type, e.status) for e in ready] == [("CONSULT", "planned"), ("AGREE", "asserted")]
    agree = ready[1]
    assert (countries(agree.source), countries(agree.target)) == (["ECU"], ["PER"])
    assert "AGREE" in {e.type for e in events_of(nlp, "The Uruguayan president wants to help Paraguay.")}
    # a wish that another acts is a request, not one's own willingness
    assert "AGREE" not in {e.type for e in events_of(nlp, "Uruguay wants Paraguay to hold talks with Brazil.")}
    # a promise is its own agreement: no second one for the promised talks
    pledged = events_of(nlp, "Bolivia pledged to hold talks with Chile.")
    assert [e.type for e in pledged].count("AGREE") == 1
    # unwilling: no agreement
    assert "AGREE" not in {e.type for e in events_of(nlp, "Ecuador is unwilling to hold talks with Peru.")}


def test_readiness_to_strike_is_a_threat(nlp: Language) -> None:
    events = events_of(nlp, "Venezuela is prepared to strike Guyana.")
    threat = next(e for e in events if e.type == "THREATEN")
    assert (countries(threat.source), countries(threat.target)) == (["VEN"], ["GUY"])
    assert not any(e.type == "THREATEN" for e in events_of(nlp, "Venezuela struck Guyana."))


def test_a_sanction_declared_by_its_own_side_is_a_threat_not_one_reported_by_others(nlp: Language) -> None:
    own = events_of(nlp, "Chile will expel the Peruvian ambassador, the Chilean foreign minister said.")
    assert any(e.type == "THREATEN" and e.mode == "expel" for e in own)
    others = events_of(nlp, "Chile will expel the Peruvian ambassador, Peruvian officials said.")
    assert not any(e.type == "THREATEN" for e in others)
    plan = events_of(nlp, "Peru will send troops to the border next week.")  # a plan, not a threat
    assert not any(e.type == "THREATEN" for e in plan)


def test_will_not_hesitate_to_act_is_no_denial(nlp: Language) -> None:
    events = events_of(nlp, '"We will not hesitate to cut off gas supplies to Moldova," the Russian envoy said.')
    cut = next(e for e in events if e.type == "SANCTION")
    assert cut.status == "planned" and countries(cut.source) == ["RUS"]


def test_telling_or_encouraging_someone_to_act_is_a_request(nlp: Language) -> None:
    events = events_of(nlp, "The Bolivian president told Peru to withdraw its ambassador.")
    request = next(e for e in events if e.type == "REQUEST")
    assert (countries(request.source), countries(request.target)) == (["BOL"], ["PER"])
    assert not any(e.type == "REQUEST" for e in events_of(nlp, "The Bolivian president told reporters Peru had left."))
    assert any(e.type == "REQUEST" for e in events_of(nlp, "Chile encouraged Ecuador to join the pact."))


def test_barring_people_from_entering_is_a_ban(nlp: Language) -> None:
    events = events_of(nlp, "Ecuador barred three Colombian officials from entering the country.")
    ban = next(e for e in events if e.type == "COERCE")
    assert ban.mode == "ban" and countries(ban.target) == ["COL"]


def test_an_act_its_own_side_will_not_do_is_a_refusal(nlp: Language) -> None:
    events = events_of(nlp, "Argentina said it would not send fighter jets to Paraguay.")
    refusal = next(e for e in events if e.type == "REJECT")
    assert (countries(refusal.source), countries(refusal.target)) == (["ARG"], ["PRY"])
    assert refusal.status == "asserted"
    assert not any(e.type == "REJECT" for e in events_of(nlp, "Argentina did not send fighter jets to Paraguay."))
    forecast = "Argentina will not send fighter jets to Paraguay, Paraguayan officials said."
    assert not any(e.type == "REJECT" for e in events_of(nlp, forecast))


def test_promising_to_strike_is_a_threat_not_an_agreement(nlp: Language) -> None:
    types = {e.type for e in events_of(nlp, "Bolivia promised to impose sanctions on Chile.")}
    assert "THREATEN" in types and "AGREE" not in types
    assert "AGREE" in {e.type for e in events_of(nlp, "Bolivia promised to send aid to Chile.")}


def test_a_sanction_on_goods_or_firms_of_a_state_falls_on_it(nlp: Language) -> None:
    events = events_of(nlp, "Canada imposed sanctions on four shipping firms from Venezuela.")
    sanction = next(e for e in events if e.type == "SANCTION")
    assert countries(sanction.target) == ["VEN"]


def test_concern_over_an_actors_acts_is_disapproval_of_it(nlp: Language) -> None:
    events = events_of(nlp, "Uruguay expressed concern over Argentina's naval buildup.")
    concern = next(e for e in events if e.type == "ACCUSE")
    assert (countries(concern.source), countries(concern.target)) == (["URY"], ["ARG"])
    assert not any(e.type == "ACCUSE" for e in events_of(nlp, "Security concerns grew in Montevideo."))


def test_a_condemnation_in_someones_words_accuses_whom_it_is_about(nlp: Language) -> None:
    quoted = events_of(nlp, '"The Chilean navy\'s conduct is reckless," the Peruvian defence minister said.')
    accuse = next(e for e in quoted if e.type == "ACCUSE")
    assert countries(accuse.source) == ["PER"] and countries(accuse.target) == ["CHL"]
    assert accuse.rule == "evaluation:reckless"
    reported = events_of(nlp, "A report by the Peruvian foreign ministry said corruption in Bolivia is pervasive.")
    assert [countries(e.target) for e in reported if e.type == "ACCUSE"] == [["BOL"]]
    made = events_of(nlp, '"We reject the baseless allegations made by Chile," the Bolivian minister said.')
    assert [countries(e.target) for e in made if e.rule.startswith("evaluation")] == [["CHL"]]
    lies = events_of(nlp, "The Bolivian foreign minister said Chile's claims were absurd lies.")
    assert [(countries(e.source), countries(e.target)) for e in lies if e.type == "ACCUSE"] == [(["BOL"], ["CHL"])]


def test_no_condemnation_in_the_articles_own_voice_or_against_its_victims(nlp: Language) -> None:
    assert not any(e.type == "ACCUSE" for e in events_of(nlp, "Corruption in Bolivia is pervasive."))
    victims = events_of(nlp, "The Peruvian minister said Chilean journalists faced persecution.")
    assert not any(e.type == "ACCUSE" for e in victims)


def test_a_condemning_word_inside_a_name_condemns_no_one(nlp: Language) -> None:
    events = events_of(nlp, "Chilean officials said the raid would weaken Hayat Tahrir al-Sham in Idlib.")
    assert not any(e.rule.startswith("evaluation") for e in events)


def test_a_classifying_adjective_condemns_no_one(nlp: Language) -> None:
    text = "The Peruvian minister said Chilean criminal proceedings must end before any extradition."
    assert not any(e.rule.startswith("evaluation") for e in events_of(nlp, text))
    text = "The Peruvian minister said the Chilean blockade was illegal."
    assert [countries(e.target) for e in events_of(nlp, text) if e.rule.startswith("evaluation")] == [["CHL"]]


def test_disappointment_that_someone_acted_accuses_them(nlp: Language) -> None:
    text = '"We are disappointed that Chile has refused to return the prisoners," the Peruvian minister said.'
    accused = [e for e in events_of(nlp, text) if e.rule.startswith("evaluation")]
    assert [(countries(e.source), countries(e.target)) for e in accused] == [(["PER"], ["CHL"])]
    text = '"We are disappointed that the talks will take longer," the Peruvian minister said.'
    assert not any(e.rule.startswith("evaluation") for e in events_of(nlp, text))


def test_bristling_at_someones_act_accuses_them(nlp: Language) -> None:
    accused = [e for e in events_of(nlp, "Chile bristled at Peru's decision to close the border.")
               if e.rule.startswith("evaluation")]
    assert [(countries(e.source), countries(e.target)) for e in accused] == [(["CHL"], ["PER"])]


def test_a_suit_filed_against_someone_accuses_them(nlp: Language) -> None:
    sued = [e for e in events_of(nlp, "The Chilean government filed suit against Bolivia at the court.")
            if e.type == "ACCUSE"]
    assert [(countries(e.source), countries(e.target)) for e in sued] == [(["CHL"], ["BOL"])]
    assert not events_of(nlp, "Bolivia followed suit on Monday.")


def test_a_condemned_attempt_accuses_whoever_tried(nlp: Language) -> None:
    events = events_of(nlp, '"The Bolivian government has tried to sabotage the talks," the Chilean minister said.')
    assert [countries(e.target) for e in events if e.rule.startswith("evaluation")] == [["BOL"]]


def test_calling_something_a_condemned_thing_accuses_its_side(nlp: Language) -> None:
    called = events_of(nlp, "Peru's president described Chile's decision as deplorable.")
    assert [countries(e.target) for e in called if e.rule.startswith("evaluation")] == [["CHL"]]
    asking = events_of(nlp, "The Peruvian minister called for calm after the illegal raid by Chile.")
    assert not any(e.rule.startswith("evaluation") for e in asking)  # "called for": a request


def test_a_passive_calling_verb_accuses_its_subjects_side_by_its_agent(nlp: Language) -> None:
    called = events_of(nlp, "Chile's new border policy was described as ethnic cleansing by the Peruvian president.")
    accuse = [e for e in called if e.rule.startswith("evaluation")]
    assert [(countries(e.source), countries(e.target)) for e in accuse] == [(["PER"], ["CHL"])]
    unsaid = events_of(nlp, "Chile's new border policy was described as ethnic cleansing.")
    assert not any(e.rule.startswith("evaluation") for e in unsaid)  # in no one's words


def test_the_words_of_an_unnamed_askers_question_are_not_the_answerers(nlp: Language) -> None:
    text = "Asked about Bolivia's illegal blockade of the river port, the Paraguayan minister said talks would resume."
    assert not any(e.rule.startswith("evaluation") for e in events_of(nlp, text))


def test_a_name_with_its_description_in_apposition_is_that_actor(nlp: Language) -> None:
    events = events_of(nlp, "Ana Quispe, a Peruvian army spokeswoman, accused Chile of arming rebels.")
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert countries(accuse.source) == ["PER"] and countries(accuse.target) == ["CHL"]


def test_a_feeling_about_an_actors_act_is_disapproval_by_whoever_feels_it(nlp: Language) -> None:
    angry = next(e for e in events_of(nlp, "Bolivia is angry at Chile over the water dispute.") if e.type == "ACCUSE")
    assert (countries(angry.source), countries(angry.target)) == (["BOL"], ["CHL"])
    alarmed = events_of(nlp, "Ecuador is alarmed by Peru's naval buildup.")
    accuse = next(e for e in alarmed if e.type == "ACCUSE")
    assert (countries(accuse.source), countries(accuse.target)) == (["ECU"], ["PER"])
    # concern for someone's fate is no disapproval of them
    assert not any(e.type == "ACCUSE" for e in events_of(nlp, "Chile is worried by the fate of Peru's president."))
    # what an act between others implies: those who act
    worried = events_of(nlp, "Ecuador is worried about the implications of the cooperation between Peru and Chile.")
    accuse = next(e for e in worried if e.type == "ACCUSE")
    assert (countries(accuse.source), sorted(countries(accuse.target))) == (["ECU"], ["CHL", "PER"])
    # "the countries concerned" feels nothing
    assert not any(e.type == "ACCUSE" for e in events_of(nlp, "The countries concerned met in Quito."))


def test_needing_another_to_act_is_a_request_expecting_it_a_forecast(nlp: Language) -> None:
    need = events_of(nlp, "We need Peru to withdraw its troops, the Chilean minister said.")
    request = next(e for e in need if e.type == "REQUEST")
    assert (countries(request.source), countries(request.target)) == (["CHL"], ["PER"])
    assert not any(e.type == "REQUEST" for e in events_of(nlp, "Chile expects Peru to win the vote."))
    assert not any(e.type == "REQUEST" for e in events_of(nlp, "Peru needs to hold elections."))


def test_halting_ones_own_hostile_act_is_a_de_escalation(nlp: Language) -> None:
    def derived(text: str) -> list[tuple[str, str | None, str, list[str | None]]]:
        return [(e.type, e.mode, e.status, countries(e.source)) for e in events_of(nlp, text)
                if e.rule.startswith("halt:")]

    assert derived("The Peruvian army halted its offensive near the border.") == [
        ("RETREAT", "ceasefire", "asserted", ["PER"])]
    assert derived("Ecuador suspended its sanctions on Peru.") == [("RETREAT", "ease", "asserted", ["ECU"])]
    assert derived("Chilean dockworkers called off their strike.") == [("CONCEDE", None, "asserted", ["CHL"])]
    # promised, not yet carried out: a verbal concession
    assert derived("Bolivia agreed to halt its air strikes on the rebels.") == [("CONCEDE", None, "planned", ["BOL"])]
    # an act no one is named for is the halter's own: agreeing to halt it is a promised concession
    assert derived("The rebels agreed to halt hostilities with the Bolivian army.") == [
        ("CONCEDE", None, "planned", ["BOL"])]  # the rebels take the article's country, as their act's sides do
    text = "The Bolivian government and the rebels agreed to end the fighting."
    assert [(e.type, e.status) for e in events_of(nlp, text) if e.trigger.text == "fighting"] == [
        ("ASSAULT", "asserted"), ("CONCEDE", "planned")]  # who promise to end a fight no one is named for fought it
    # a purpose is not the act halted; an obligation to stop is a demand
    assert derived("The Bolivian army delayed the results to help its favoured parties win.") == []
    assert derived("The Bolivian government must stop these transfers and stop detaining migrants.") == []
    # a measure no one is named for is held by whoever ends it; ending it threatens no one
    ended = events_of(nlp, "The Chilean interior minister said he would end the curfew next week.")
    assert [(e.type, e.status, countries(e.source)) for e in ended if e.rule.startswith("halt:")] == [
        ("CONCEDE", "planned", ["CHL"])]
    assert not any(e.type == "THREATEN" for e in ended)
    # a halted act keeps its own record: it happened (the halt is its own event)
    text = "The Peruvian army halted its offensive near the border."
    halted = [e for e in events_of(nlp, text) if e.type == "ASSAULT"]
    assert [e.status for e in halted] == ["asserted"]


def test_dropping_charges_is_a_concession_and_dropping_bombs_an_attack(nlp: Language) -> None:
    dropped = events_of(nlp, "Peru dropped the charges against the Chilean journalist.")
    assert [(e.type, countries(e.source)) for e in dropped if e.rule.startswith("halt:")] == [("CONCEDE", ["PER"])]
    bombs = events_of(nlp, "Chilean jets dropped bombs on Peruvian positions near the border.")
    assert [(e.type, countries(e.source), countries(e.target)) for e in bombs] == [("ASSAULT", ["CHL"], ["PER"])]
    assert not events_of(nlp, "Chilean planes dropped leaflets over the border towns.")


def test_removing_or_repealing_ones_own_measure_is_a_concession(nlp: Language) -> None:
    text = "Paraguay agreed to remove its restrictions on Bolivian cattle."
    assert [(e.type, e.status, countries(e.source), countries(e.target)) for e in events_of(nlp, text)
            if e.rule.startswith("halt:")] == [("CONCEDE", "planned", ["PRY"], ["BOL"])]
    assert not any(e.rule.startswith("halt:") for e in events_of(nlp, "Paraguay removed the rubble from the road."))
    # a repeal named as a noun; halting the enforcement of a measure halts the measure
    repealed = events_of(nlp, "Uruguay announced the repeal of its ban on Paraguayan beef.")
    assert [(e.type, countries(e.source)) for e in repealed if e.trigger.text == "repeal"] == [("CONCEDE", ["URY"])]
    text = "The Uruguayan president suspended enforcement of the curfew in Montevideo."
    assert [(e.type, countries(e.source)) for e in events_of(nlp, text) if e.rule.startswith("halt:")] == [
        ("CONCEDE", ["URY"])]


def test_a_passive_halt_names_no_halter_but_its_agent(nlp: Language) -> None:
    text = "The Peruvian journalist hopes the charges against her will be dropped."
    assert not any(e.rule.startswith("halt:") for e in events_of(nlp, text))


def test_refusing_to_halt_ones_own_act_is_a_refusal_to_yield(nlp: Language) -> None:
    def refused(text: str) -> list[tuple[str, str | None, list[str | None]]]:
        return [(e.type, e.mode, countries(e.source)) for e in events_of(nlp, text)
                if e.rule.startswith("refused-halt:")]

    assert refused("Chilean teachers will not end their strike.") == [("REJECT", "yield", ["CHL"])]
    assert refused("The Bolivian army will not halt its offensive unless the rebels disarm.") == [
        ("REJECT", "yield", ["BOL"])]
    strike = [e for e in events_of(nlp, "Chilean teachers will not end their strike.") if e.type == "PROTEST"]
    assert [e.status for e in strike] == ["asserted"]  # the strike goes on
    assert refused("Chilean teachers did not end their strike on Monday.") == []  # a report, not a refusal
    assert refused("Chilean teachers ended their strike.") == []


def test_ending_anothers_act_or_being_told_to_stop_is_no_de_escalation(nlp: Language) -> None:
    def derived(text: str) -> list[str]:
        return [e.type for e in events_of(nlp, text) if e.rule.startswith("halt:")]

    assert derived("Peruvian police ended the farmers' protest in Lima.") == []
    assert derived("Peruvian police ended the fighting in Lima.") == []
    assert derived("The Peruvian rebels must stop attacking civilians.") == []
    # a verb that itself de-escalates says it once
    lifted = [e for e in events_of(nlp, "Ecuador lifted its sanctions on Peru.") if e.type == "RETREAT"]
    assert len(lifted) == 1 and not lifted[0].rule.startswith("halt:")


def test_whom_a_condemnation_is_about_takes_the_country_of_its_context(nlp: Language) -> None:
    text = ("Peruvian police arrested dozens of protesters in Lima on Monday. Peru's interior ministry "
            "defended the arrests. \"Juan Torres's detention is illegal and unacceptable,\" Chilean Foreign "
            "Minister Alberto van Klaveren said.")
    judged = [e for e in events_of(nlp, text) if e.rule.startswith("evaluation:")]
    assert [(countries(e.source), [m.actor.name for m in e.target], countries(e.target)) for e in judged] == [
        (["CHL"], ["Juan Torres"], ["PER"])]


def test_saying_someone_failed_is_disapproval_of_them_not_of_oneself(nlp: Language) -> None:
    def judged(text: str) -> list[tuple[list[str | None], list[str | None]]]:
        return [(countries(e.source), countries(e.target)) for e in events_of(nlp, text)
                if e.rule.startswith("evaluation:")]

    assert judged('"The Bolivian government has failed to protect the protesters," the Chilean minister said.') == [
        (["CHL"], ["BOL"])]
    assert judged('"We failed to reach a deal," the Bolivian minister said.') == []
    assert judged("The Bolivian government failed to protect the protesters.") == []  # the article's own voice


def test_what_a_speaker_says_another_side_must_do_is_a_request(nlp: Language) -> None:
    def demands(text: str) -> list[tuple[list[str | None], list[str | None]]]:
        return [(countries(e.source), countries(e.target)) for e in events_of(nlp, text)
                if e.rule.startswith("obligation:")]

    assert demands('"Bolivia must pay for the damage," the Chilean minister said.') == [(["CHL"], ["BOL"])]
    assert demands("The Chilean minister said Bolivia and Peru need to make concessions.") == [
        (["CHL"], ["BOL", "PER"])]
    assert demands('"We must defend ourselves," the Chilean minister said.') == []  # one's own duty
    assert demands('"Bolivia must have known," the Chilean minister said.') == []  # a guess
    assert demands("Bolivia must pay for the damage.") == []  # the article's own voice
    assert demands('"Bolivia would have to cede the port," the Chilean minister said.') == []  # terms


def test_claiming_another_side_did_a_hostile_act_accuses_it(nlp: Language) -> None:
    def accused(text: str) -> list[tuple[list[str | None], list[str | None]]]:
        return [(countries(e.source), countries(e.target)) for e in events_of(nlp, text)
                if e.rule.startswith("claimed:")]

    assert accused("Chile claimed that Peru had attacked its border posts and seized a town.") == [
        (["CHL"], ["PER"])]  # one accusation per claim
    assert accused("Chile said that Peru had attacked its border posts.") == []  # a report, attributed
    assert accused("Chile claimed that Peru had agreed to talks.") == []  # nothing hostile
    assert accused("Peru claimed that its troops had attacked rebel camps.") == []  # its own side
    opposition = accused("The Peruvian opposition claimed that the police had arrested its leaders.")
    assert opposition == [(["PER"], ["PER"])]


def test_no_demand_of_ones_own_forces_of_people_at_large_or_to_know(nlp: Language) -> None:
    def demands(text: str) -> list[list[str | None]]:
        return [countries(e.target) for e in events_of(nlp, text) if e.rule.startswith("obligation:")]

    assert demands('"Our forces need to clear the tunnels," the Chilean commander said.') == []
    assert demands('"Refugees should return home," the Chilean minister said.') == []
    assert demands('"Bolivia should know that the border is closed," the Chilean minister said.') == []
    assert demands('"Bolivia should reopen the border," the Chilean minister said.') == [["BOL"]]


def test_a_refusal_is_aimed_at_whom_the_refused_act_concerns(nlp: Language) -> None:
    def refused(text: str) -> list[list[str | None]]:
        return [countries(e.target) for e in events_of(nlp, text) if e.type == "REJECT"]

    assert refused("Bolivia refused to meet the Chilean delegation.") == [["CHL"]]
    assert refused("Bolivia refused to hold talks with Peru.") == [["PER"]]
    assert refused("Iran declined to provide aid to Syria.") == [["SYR"]]
    assert refused("Bolivia refused to release its own prisoners.") == [[]]


def test_police_stopping_a_protest_make_no_concession(nlp: Language) -> None:
    events = events_of(nlp, "In Lima, police stopped their protest on Monday.")
    assert [e for e in events if e.rule.startswith("halt:")] == []


def test_giving_someone_hours_to_act_is_an_ultimatum(nlp: Language) -> None:
    events = events_of(nlp, "The Peruvian rebels gave the government 48 hours to release the prisoners.")
    (threat,) = [e for e in events if e.type == "THREATEN"]
    assert countries(threat.source) == ["PER"] and [m.actor.sector for m in threat.target] == ["GOV"]
    assert [e.status for e in events if e.type == "RETREAT"] == ["requested"]
    assert [e.type for e in events_of(nlp, "Chile gave Peru two patrol boats.")] != ["THREATEN"]


def test_a_document_that_calls_or_urges_speaks_for_its_author(nlp: Language) -> None:
    def callers(text: str) -> list[list[str | None]]:
        return [[m.actor.name for m in e.source] for e in events_of(nlp, text) if e.type == "REQUEST"]

    assert callers("The Chilean Congress passed a resolution calling for a probe into the election.") == [
        ["Chilean parliament"]]
    assert callers("A resolution in the Chilean Congress calling for a probe into the election was passed.") == [
        ["Chilean parliament"]]
    # releasing a resolution publishes it: no release of anyone
    assert [e.type for e in events_of(nlp, "The UN Security Council resolution was released on Monday.")] == []


def test_a_doer_warning_it_could_act_is_a_threat(nlp: Language) -> None:
    events = events_of(nlp, "Bolivia warned that it could seize the Chilean border posts.")
    threat = next(e for e in events if e.type == "THREATEN")
    assert countries(threat.source) == ["BOL"] and threat.status == "asserted"


def test_a_coercive_option_its_own_side_holds_open_is_a_threat(nlp: Language) -> None:
    for text in ("Paraguay could close its embassy in Bolivia, the Paraguayan president told reporters.",
                 "The Paraguayan president said he was not ruling out expelling Bolivian diplomats."):
        threat = next(e for e in events_of(nlp, text) if e.type == "THREATEN")
        assert countries(threat.source) == ["PRY"] and countries(threat.target) == ["BOL"]
        assert threat.status == "asserted"


@pytest.mark.parametrize("text", [
    "Paraguay could close its embassy in Bolivia, Brazilian officials said.",  # others' guess
    "Paraguay may have closed its embassy in Bolivia, the Paraguayan president said.",  # a guess about the past
    "The Paraguayan president said there were ways his army could attack Bolivia.",  # no option stated
])
def test_an_option_guessed_by_others_or_past_or_described_is_no_threat(nlp: Language, text: str) -> None:
    assert "THREATEN" not in [e.type for e in events_of(nlp, text)]


def test_an_authority_warning_that_people_will_be_arrested_threatens_them(nlp: Language) -> None:
    text = "The Paraguayan interior minister warned that Bolivian smugglers would be arrested."
    threat = next(e for e in events_of(nlp, text) if e.type == "THREATEN")
    assert countries(threat.source) == ["PRY"] and countries(threat.target) == ["BOL"]
    assert threat.status == "asserted" and threat.mode == "arrest"


def test_an_authority_of_no_named_country_still_threatens_by_its_warning(nlp: Language) -> None:
    text = "The police chief warned that striking dockers would be detained."
    threat = next(e for e in events_of(nlp, text) if e.type == "THREATEN")
    assert [m.actor.sector for m in threat.source] == ["COP"] and threat.mode == "arrest"


@pytest.mark.parametrize("text", [
    "The Paraguayan opposition leader warned that Bolivian smugglers would be arrested.",  # no authority
    "The UN warned that Paraguayan civilians would be killed.",  # a fear, not a threat
    "The Paraguayan interior minister said that Bolivian smugglers had been arrested.",  # a report
])
def test_a_warning_by_no_authority_or_a_report_is_no_threat(nlp: Language, text: str) -> None:
    assert "THREATEN" not in [e.type for e in events_of(nlp, text)]


def test_warning_that_others_could_act_is_no_threat(nlp: Language) -> None:
    events = events_of(nlp, "The Peruvian minister warned that Chile could attack Bolivia.")
    assert "THREATEN" not in [e.type for e in events]
    assert any(e.type == "ASSAULT" and e.status == "possible" for e in events)


def test_refusing_to_allow_another_side_to_act_rejects_that_side(nlp: Language) -> None:
    events = events_of(nlp, "Chile will not allow Peruvian ships to deliver aid to Bolivia.")
    (reject,) = [e for e in events if e.type == "REJECT"]
    assert countries(reject.source) == ["CHL"] and countries(reject.target) == ["PER"]
    assert "REJECT" not in [e.type for e in events_of(nlp, "Chile did not allow Peru to send observers.")]


def test_not_going_to_accept_is_a_refusal(nlp: Language) -> None:
    events = events_of(nlp, "Bolivia is not going to accept the Chilean offer of talks.")
    assert "REJECT" in [e.type for e in events]


def test_a_forecast_by_the_doers_side_is_no_promise(nlp: Language) -> None:
    events = events_of(nlp, "The Peruvian minister said he expects Peru to withdraw its troops from the border.")
    assert "RETREAT" in [e.type for e in events] and "CONCEDE" not in [e.type for e in events]
    declared = events_of(nlp, "Peru said it will withdraw its troops from the border.")
    assert "CONCEDE" in [e.type for e in declared]


@pytest.mark.parametrize("text", [
    "Chile called on Peru to withdraw its troops from the border.",
    "Chile called for Peru to withdraw its troops from the border.",
])
def test_calling_on_or_for_a_side_to_act_asks_that_side(nlp: Language, text: str) -> None:
    events = events_of(nlp, text)
    request = next(e for e in events if e.type == "REQUEST")
    assert countries(request.source) == ["CHL"] and countries(request.target) == ["PER"]
    withdrawal = next(e for e in events if e.type == "RETREAT")
    assert countries(withdrawal.source) == ["PER"] and withdrawal.status == "requested"


def test_help_promised_to_no_one_named_is_still_a_promise(nlp: Language) -> None:
    def agreed(text: str) -> list[tuple[str, list[str | None]]]:
        return [(e.type, countries(e.source)) for e in events_of(nlp, text) if e.rule.startswith("promise:unreceived")]

    assert agreed("Chile said it will send a team to help identify the victims.") == [("AGREE", ["CHL"])]
    assert agreed("The Chilean officials are willing to hand over the prisoners.") == [("AGREE", ["CHL"])]
    assert agreed("Chile sent a team to help identify the victims.") == []  # done, not promised: no recipient, no event
    assert agreed("Chile said it is ready to receive the inspectors.") == []  # receiving is no help given
    assert agreed("The Chilean government is ready to help.") == [("AGREE", ["CHL"])]
    assert agreed("Chile helped.") == []  # help done to no one named is no event
    assert agreed("Chile will help rebuild the city.") == []  # helping to do something: the act is the event


def test_a_report_that_alleges_accuses_the_alleged(nlp: Language) -> None:
    text = "The report alleged that Bolivia had bribed Chilean officials."
    events = extract_events(nlp(text), Article(id="t", text=text))
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert [([m.actor.country for m in e.source], [m.actor.country for m in e.target]) for e in accuse] == [
        ([], ["BOL"])]
    text = "The minister's friend alleged that Bolivia had bribed Chilean officials."
    assert [e.type for e in events_of(nlp, text) if e.type == "ACCUSE" and not e.source] == []  # a person unnamed: no


def test_an_organisation_s_own_promise_is_said_by_its_doer(nlp: Language) -> None:
    types = [e.type for e in events_of(nlp, "The Red Cross said it will send a team to help identify the victims.")]
    assert "AGREE" in types
    types = [e.type for e in events_of(nlp, "The Red Cross said it would not send aid to Bolivia.")]
    assert "REJECT" in types


def test_the_subject_of_a_reported_clause_is_its_speaker(nlp: Language) -> None:
    text = "The release of Juan Rojas came as Bolivia announced it would free 150 Chilean prisoners."
    types = {e.type: countries(e.source) for e in events_of(nlp, text) if e.trigger.text == "free"}
    assert types == {"RETREAT": ["BOL"], "CONCEDE": ["BOL"]}


def test_a_warning_of_consequences_is_a_threat(nlp: Language) -> None:
    text = "Bolivia warned of serious consequences if Chile closes the border."
    threats = [e for e in events_of(nlp, text) if e.type == "THREATEN"]
    assert [(countries(e.source), countries(e.target)) for e in threats] == [(["BOL"], ["CHL"])]
    assert [e for e in events_of(nlp, "Bolivian officials warned of the consequences of climate change.")
            if e.type == "THREATEN"] == []


def test_speaking_ahead_of_a_meeting_promises_nothing(nlp: Language) -> None:
    text = '"We will see," the Bolivian president said ahead of a meeting with Chilean lawmakers.'
    assert [(e.type, e.status) for e in events_of(nlp, text)] == [("CONSULT", "planned")]


@pytest.mark.parametrize(("text", "accuser", "accused"), [
    ("Chile rejected an accusation by Peru's defence ministry.", "PER", "CHL"),
    ("Bolivia dismissed the criticism from Peruvian officials.", "PER", "BOL"),
])
def test_an_accusation_rejected_was_made_against_the_rejecter(nlp: Language, text: str, accuser: str,
                                                               accused: str) -> None:
    doc = nlp(text)
    accusations = [e for e in extract_events(doc, Article(id="t", text=text)) if e.type == "ACCUSE"]
    assert [([m.actor.country for m in e.source], [m.actor.country for m in e.target], e.status)
            for e in accusations] == [([accuser], [accused], "asserted")]


def test_an_accusation_rejected_with_no_accuser_named_is_no_event(nlp: Language) -> None:
    text = "Chile denied the charges."
    assert [e.type for e in extract_events(nlp(text), Article(id="t", text=text))] == ["REJECT"]


@pytest.mark.parametrize("text", [
    "The Chilean parliament impeached the president for corruption.",
    "Peruvian lawmakers launched impeachment proceedings against the president.",
])
def test_an_impeachment_is_a_legal_accusation(nlp: Language, text: str) -> None:
    events = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "ACCUSE"]
    assert [[m.text for m in e.target] for e in events] == [["the president"]]


def test_holding_someone_responsible_is_an_accusation_of_what_happened(nlp: Language) -> None:
    (held,) = events_of(nlp, "Chile held Peru responsible for the raid on the border post.")[:1]
    assert (held.type, [m.actor.country for m in held.source], [m.actor.country for m in held.target]) == (
        "ACCUSE", ["CHL"], ["PER"])
    text = "Chile will hold Peruvian officials accountable for the killings."
    will = {e.trigger.text: e for e in events_of(nlp, text)}
    assert (will["hold"].type, [m.actor.country for m in will["hold"].target]) == ("ACCUSE", ["PER"])
    assert will["killings"].status == "asserted"  # what one is blamed for happened
    assert events_of(nlp, "Chile holds the presidency of the council.") == []


def test_a_condemning_word_on_what_someone_fights_against_does_not_condemn_them(nlp: Language) -> None:
    text = "The Peruvian minister said his daughter had dedicated her life to the fight against unjust power."
    assert [e for e in events_of(nlp, text) if e.type == "ACCUSE"] == []


def test_being_tried_for_an_offence_is_a_legal_accusation_trying_to_act_is_not(nlp: Language) -> None:
    tried = events_of(nlp, "Peru tried the former Chilean general for war crimes.")
    assert [(e.type, e.mode, [m.actor.country for m in e.target]) for e in tried] == [("ACCUSE", "allege", ["CHL"])]
    (could,) = events_of(nlp, "The two Chilean men could still be tried in Peru for kidnap.")
    assert (could.type, could.status) == ("ACCUSE", "possible")
    assert events_of(nlp, "Chile tried to stop the Peruvian convoy.") == []


@pytest.mark.parametrize(("text", "speaker"), [
    ("These accusations from Bolivia are baseless, the ministry said.", "BOL"),
    ("Complaints from Peruvian fishermen have grown since the quota was cut.", "PER"),
])
def test_an_accusation_whose_speaker_is_named_by_a_by_or_from_phrase_is_theirs(
        nlp: Language, text: str, speaker: str) -> None:
    accusations = [e for e in events_of(nlp, text)
                   if e.type == "ACCUSE" and e.trigger.text.lower() in ("accusations", "complaints")]
    assert [countries(e.source) for e in accusations] == [[speaker]]


def test_support_or_pressure_from_someone_with_no_one_named_as_receiving_it_stays_a_reference(nlp: Language) -> None:
    text = "The Bolivian government has struggled to win support from Chile and remains under pressure from Peru."
    assert not [e for e in events_of(nlp, text) if e.trigger.text in ("support", "pressure")]


def test_a_word_judging_anothers_accusation_accuses_the_accuser(nlp: Language) -> None:
    events = events_of(nlp, "Bolivia's accusation against Chile is absurd, a Chilean minister said.")
    pairs = sorted((countries(e.source), countries(e.target), e.trigger.text)
                   for e in events if e.type == "ACCUSE")
    assert pairs == [(["BOL"], ["CHL"], "accusation"), (["CHL"], ["BOL"], "absurd")]
    # beside an accusation it does not judge, a condemning word adds no second one
    events = events_of(nlp, "Peru accused Bolivia of arming the gangs behind the brutal raid, the minister said.")
    assert [e.trigger.text for e in events if e.type == "ACCUSE"] == ["accused"]


@pytest.mark.parametrize("text", [
    "Analysts expect Bolivia to escalate its threats.",
    "The Chilean government stepped up its criticism.",
])
def test_stepping_up_ones_own_words_is_saying_them(nlp: Language, text: str) -> None:
    (said,) = [e for e in events_of(nlp, text) if e.trigger.text in ("threats", "criticism")]
    assert said.source and said.type in ("THREATEN", "ACCUSE")


@pytest.mark.parametrize("text", [
    "Brazilian analysts warned that Bolivian troops could encounter fierce resistance in the hills.",
    "Aid groups warned that Paraguay could face severe food shortages this winter.",
])
def test_a_warning_of_what_befalls_someone_accuses_no_one(nlp: Language, text: str) -> None:
    assert not [e for e in events_of(nlp, text) if e.type == "ACCUSE"]


def test_a_warning_of_what_someone_does_still_accuses(nlp: Language) -> None:
    text = "A Chilean spokesman warned that Peruvian troops were massing on the border."
    assert [countries(e.target) for e in events_of(nlp, text) if e.type == "ACCUSE"] == [["PER"]]


def test_a_state_expecting_another_to_act_demands_it(nlp: Language) -> None:
    text = "Uruguay's foreign minister said his government expected Argentina to reopen the bridge by Friday."
    events = events_of(nlp, text)
    assert [(countries(e.source), countries(e.target)) for e in events if e.type == "REQUEST"] == [(["URY"], ["ARG"])]
    for text in ("Analysts expect Argentina to reopen the bridge.",
                 "A Uruguayan general said he expects Argentina to launch a missile soon.",
                 "Uruguay expects prices to rise."):
        assert not any(e.type == "REQUEST" for e in events_of(nlp, text))


@pytest.mark.parametrize("text", [
    "Argentina will pay a heavy price for this, the Uruguayan foreign minister said.",
    "Any Argentine incursion would be met with a forceful response, Uruguay's defence minister warned.",
    "The Uruguayan president said Argentina would face serious consequences if it closed the bridge.",
    '"Argentina will have to pay the price for this," a Uruguayan spokesman said.',
    "The Uruguayan minister said the Argentine government would suffer as a consequence.",
])
def test_what_a_speaker_says_another_side_will_suffer_is_a_threat(nlp: Language, text: str) -> None:
    threats = [e for e in events_of(nlp, text) if e.type == "THREATEN"]
    assert [(countries(e.source), countries(e.target)) for e in threats] == [(["URY"], ["ARG"])]


@pytest.mark.parametrize("text", [
    "Uruguayan shoppers will pay higher prices, the minister said.",
    "Uruguay could face the consequences of the drought, the Argentine minister said.",
    "Argentina paid a heavy price for its mistakes in the 1990s.",
    "The Uruguayan minister met with Argentine officials on Monday.",
])
def test_forecasts_of_costs_are_no_threats(nlp: Language, text: str) -> None:
    assert not any(e.type == "THREATEN" for e in events_of(nlp, text))


def test_insisting_that_another_side_act_in_the_subjunctive_is_a_demand(nlp: Language) -> None:
    events = events_of(nlp, "Panamanian officials insisted that the rebels withdraw from the port.")
    assert [(e.type, countries(e.source)) for e in events if e.type == "REQUEST"] == [("REQUEST", ["PAN"])]
    assert [e.status for e in events if e.type == "RETREAT"] == ["requested"]
    text = "Panama insisted that Costa Rica comply with the ruling."
    assert [(countries(e.source), countries(e.target)) for e in events_of(nlp, text) if e.type == "REQUEST"] == [
        (["PAN"], ["CRI"])]


@pytest.mark.parametrize("text", [
    "Panama insisted that Costa Rica was innocent.",
    "Panama insists that Costa Rica will pay for the bridge.",
    "Panama insisted that it remain neutral.",
    'The Panamanian minister insisted "migrants need to return under safe conditions."',
])
def test_insisting_on_a_view_or_on_ones_own_stance_is_no_demand(nlp: Language, text: str) -> None:
    assert not any(e.type == "REQUEST" for e in events_of(nlp, text))


def test_a_denial_is_a_rejection_by_the_denier(nlp: Language) -> None:
    events = events_of(nlp, "Panama denied that its troops had crossed into Costa Rica.")
    assert [(countries(e.source), e.target, e.status) for e in events if e.type == "REJECT"] == [
        (["PAN"], (), "asserted")]
    text = "Panama did not deny that it had sent arms to the rebels."
    assert not any(e.type == "REJECT" for e in events_of(nlp, text))
