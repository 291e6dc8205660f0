"""Open-world actors: role nouns and named entities outside the tables (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from newsgraph.extract import extract_events
from newsgraph.records import Actor, Article, Event


def events_of(nlp: Language, text: str) -> list[Event]:
    return extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))


def only(nlp: Language, text: str, type_: str) -> Event:
    events = [e for e in events_of(nlp, text) if e.type == type_]
    assert len(events) == 1, [(e.type, e.trigger.text) for e in events_of(nlp, text)]
    return events[0]


def sources(event: Event) -> list[Actor]:
    return [m.actor for m in event.source]


def test_role_noun_takes_the_country_of_the_place_of_its_sentence(nlp: Language) -> None:
    event = only(nlp, "Riot police in Lagos detained several journalists.", "COERCE")
    (police,) = sources(event)
    assert (police.country, police.sector, police.kind) == ("NGA", "COP", "organization")


def test_what_an_act_is_aimed_on_is_no_setting(nlp: Language) -> None:
    text = ("Peru's president spoke in Lima on Monday. Peruvian officials met in Cusco. "
            "The minister condemned the attack on Bolivia.")
    (minister,) = sources(only(nlp, text, "ACCUSE"))
    assert minister.country != "BOL"  # "the attack on Bolivia" aims at Bolivia; it does not set the sentence there


def test_an_armed_group_a_state_aids_or_backs_is_not_that_states(nlp: Language) -> None:
    assert [m.actor.country for m in only(nlp, "Chile trained the rebels.", "AID").target] == [None]
    ended = only(nlp, "Chile has ended support for the insurgents.", "SANCTION")
    assert [m.actor.country for m in ended.target] == [None]
    # fought, or not armed, they stay of the article's country
    assert [m.actor.country for m in only(nlp, "Chilean troops attacked the rebels.", "ASSAULT").target] == ["CHL"]
    assert [m.actor.country for m in only(nlp, "Chile trained the police.", "AID").target] == ["CHL"]


def test_local_forces_are_of_where_the_articles_events_are_set(nlp: Language) -> None:
    text = ("Chilean jets struck targets in Tacna on Monday. Shelling hit houses in Tacna on Tuesday. "
            "Chile now has 2,000 troops there, mostly training local forces.")
    (training,) = [e for e in events_of(nlp, text) if e.type == "AID"]
    assert [m.actor.country for m in training.target] == ["PER"]


def test_a_bare_institution_belongs_to_the_politician_on_the_other_side(nlp: Language) -> None:
    text = ("Chile and Peru traded fire on Monday. Peru said the strikes were illegal. Chile denied it. "
            "The Bolivian president called a cabinet meeting to discuss joining Peru without consulting parliament.")
    (event,) = [e for e in events_of(nlp, text) if e.trigger.text == "consulting"]
    assert [(m.actor.country, m.via) for m in event.target] == [("BOL", "counterpart")]
    # a diplomat speaks of another country's government: the article's country stays
    text = ("Peru closed its border on Monday. Peru said the decision was final. "
            "The Bolivian ambassador urged the government to reopen it.")
    urged = only(nlp, text, "REQUEST")
    assert [m.actor.country for m in urged.target] == ["PER"]


def test_role_noun_with_a_demonym_keeps_that_country(nlp: Language) -> None:
    event = only(nlp, "Bolivian soldiers clashed with government forces near the border.", "ASSAULT")
    assert [(a.country, a.sector) for a in sources(event)] == [("BOL", "MIL")]


def test_rebels_are_a_group_of_their_country_never_the_state(nlp: Language) -> None:
    event = only(nlp, "Sudanese rebels attacked an army convoy on Sunday.", "ASSAULT")
    (rebels,) = sources(event)
    assert rebels.kind == "group"
    assert rebels.sector == "REB"
    assert rebels.country == "SDN"


def test_an_organisation_outside_the_tables_gets_its_country_from_of_x(nlp: Language) -> None:
    event = only(nlp, "The Revolutionary Front of Paraguay seized a ranch near the river.", "COERCE")
    (front,) = sources(event)
    assert front.kind == "organization"
    assert front.country == "PRY"
    assert "Revolutionary Front" in front.name


def test_a_state_body_takes_the_country_of_whom_it_belongs_to_or_speaks_for(nlp: Language) -> None:
    text = "Chilean jets bombed the port. Two towns surrendered to the forces of President Nicolás Maduro."
    (surrender,) = [e for e in events_of(nlp, text) if e.type == "RETREAT"]
    assert [m.actor.country for m in surrender.target] == ["VEN"]
    event = only(nlp, "A spokesman for the Peruvian navy denounced Chile on Monday.", "ACCUSE")
    assert [a.country for a in sources(event)] == ["PER"]


def test_an_envoy_for_a_state_is_not_of_that_state(nlp: Language) -> None:
    event = only(nlp, "The Chilean envoy for Bolivia criticised Peru on Monday.", "ACCUSE")
    assert [a.country for a in sources(event)] == ["CHL"]


def test_one_sided_attack_is_kept_with_its_attacker(nlp: Language) -> None:
    event = only(nlp, "Gunmen attacked a bus depot in Kaduna, Nigeria, on Friday.", "ASSAULT")
    assert [a.country for a in sources(event)] == ["NGA"]


def test_a_bare_role_noun_with_a_quantifier_of_none_is_no_actor(nlp: Language) -> None:
    assert all(not e.source for e in events_of(nlp, "No soldiers attacked the village, the mayor insisted."))


def test_every_actor_says_how_it_was_resolved(nlp: Language) -> None:
    text = "Riot police in Lagos detained a Ghanaian reporter. Peru and Chile signed a fisheries accord."
    vias = {m.to_dict()["text"]: m.to_dict()["via"] for e in events_of(nlp, text) for m in (*e.source, *e.target)}
    assert vias.get("Riot police") == "place"  # a role noun whose country is the place of its sentence
    assert vias.get("Peru") == "table"
    assert set(vias.values()) <= {"table", "dictionary", "ner", "role", "coref", "place", "main-country"}


def test_a_group_named_by_a_people_is_never_a_state_military(nlp: Language) -> None:
    event = only(nlp, "Kurdish fighters in northern Iraq attacked a Turkish army outpost.", "ASSAULT")
    (kurds,) = sources(event)
    assert kurds.kind == "group"
    assert kurds.sector == "REB"


def test_a_group_named_by_a_people_takes_no_country_from_the_place(nlp: Language) -> None:
    event = only(nlp, "On Tuesday in Ankara, Kurdish militants attacked a police convoy.", "ASSAULT")
    (kurds,) = sources(event)
    assert kurds.country is None


def test_a_short_form_in_brackets_names_the_same_organisation_later(nlp: Language) -> None:
    text = "The Bolivian Workers Movement (MTB) called for calm. On Monday the MTB attacked a police post."
    event = only(nlp, text, "ASSAULT")
    (mtb,) = sources(event)
    assert (mtb.name, mtb.country) == ("Bolivian Workers Movement", "BOL")


def test_initials_name_the_same_organisation_later(nlp: Language) -> None:
    text = "Gunmen of the Revolutionary Front of Paraguay were seen near the river. The RFP attacked a police post."
    event = only(nlp, text, "ASSAULT")
    assert [a.name for a in sources(event)] == ["Revolutionary Front of Paraguay"]


def test_opposition_parties_and_rights_groups_are_actors(nlp: Language) -> None:
    text = "Bolivia's opposition parties on Friday rejected the government's proposal for a new constitution."
    event = only(nlp, text, "REJECT")
    (parties,) = sources(event)
    assert (parties.country, parties.sector) == ("BOL", "OPP")
    event = only(nlp, "Peruvian rights groups urged prosecutors to free two detained reporters.", "REQUEST")
    assert [a.sector for a in sources(event)] == ["NGO"]


def test_a_person_with_no_other_cue_takes_the_articles_main_country(nlp: Language) -> None:
    text = ("Chile's government faces a new crisis. Chilean officials met on Monday. "
            "Police later arrested Juan Carlos Perez.")
    event = only(nlp, text, "COERCE")
    (rivera,) = [m for m in event.target]
    assert (rivera.actor.country, rivera.via) == ("CHL", "main-country")
    assert rivera.to_dict()["via"] == "main-country"


def test_a_title_inside_a_role_phrase_gives_the_state(nlp: Language) -> None:
    doc = nlp("Republican U.S. Congresswoman Mary Coyle met the Chilean ambassador on Friday.")
    (coyle,) = [m.actor for m in doc._.actor_mentions if "Coyle" in m.text]
    assert (coyle.country, coyle.role) == ("USA", "lawmaker")


def test_a_capitalised_first_word_is_no_organisation(nlp: Language) -> None:
    doc = nlp("Coordinated airstrikes by the Peruvian army killed 50 rebels.")
    assert all(m.text != "Coordinated" for m in doc._.actor_mentions)


def test_a_pronoun_for_a_person_takes_the_country_its_name_would(nlp: Language) -> None:
    text = ("Chile's government faces a new crisis. Chilean officials met on Monday. "
            "Juan Carlos Perez spoke to reporters. Police later arrested him.")
    event = only(nlp, text, "COERCE")
    (him,) = [m for m in event.target]
    assert (him.text, him.actor.country) == ("him", "CHL")


def test_a_group_from_abroad_takes_no_country_from_the_article(nlp: Language) -> None:
    text = ("Chile's government faces a new crisis. Chilean officials met on Monday. "
            "Foreign volunteers attacked a police post.")
    events = [e for e in events_of(nlp, text) if e.type == "ASSAULT"]
    assert events and all(a.country is None for e in events for a in sources(e) if "volunteers" in a.name.lower())


def test_plural_members_of_a_small_grouping_are_its_member_states(nlp: Language) -> None:
    event = only(nlp, "Quad foreign ministers condemned the missile launch by Pyongyang.", "ACCUSE")
    assert {a.country for a in sources(event)} == {"AUS", "IND", "JPN", "USA"}
    assert {m.to_dict()["via"] for m in event.source} == {"bloc"}
    event = only(nlp, "The AUKUS countries reaffirmed their backing for Manila.", "SUPPORT")
    assert {a.country for a in sources(event)} == {"AUS", "GBR", "USA"}
    assert [a.country for a in (m.actor for m in event.target)] == ["PHL"]
    # the grouping named alone stays the organisation; members are those at the article's date
    event = only(nlp, "The G7 condemned the missile launch by Pyongyang.", "ACCUSE")
    assert [a.name for a in sources(event)] == ["Group of Seven"]
    text = "G8 leaders condemned the missile launch by Pyongyang."
    old = extract_events(nlp(text), Article(id="t", text=text, published=date(2010, 5, 1)))
    assert "RUS" in {m.actor.country for e in old for m in e.source}
    assert "RUS" not in {m.actor.country for e in events_of(nlp, text) for m in e.source}


def test_a_possessive_pronoun_on_a_light_verbs_noun_is_its_subject(nlp: Language) -> None:
    event = only(nlp, "Ecuador restated its support for the Bolivian government.", "SUPPORT")
    assert [a.country for a in sources(event)] == ["ECU"]
    assert [m.actor.country for m in event.target] == ["BOL"]


def test_a_people_takes_no_country_from_the_article(nlp: Language) -> None:
    from newsgraph.extract.context import ActorContext
    from newsgraph.extract.mentions import MentionIndex
    from newsgraph.records import ActorMention

    doc = nlp("Chile's government faces a new crisis. Chilean officials met on Monday. "
              "Kurds and Acme Mining protested.")
    context = ActorContext(doc, MentionIndex(doc))
    assert context.main_country == "CHL"

    def named(word: str, kind: str) -> ActorMention:
        tok = next(t for t in doc if t.text == word)
        return ActorMention(start=tok.i, end=tok.i + 1, start_char=tok.idx, end_char=tok.idx + len(tok),
                            text=tok.text, actor=Actor(name=tok.text, kind=kind), via="ner")

    people, firm = context.in_context([named("Kurds", "group"), named("Acme", "organization")], None)
    assert people.actor.country is None
    assert (firm.actor.country, firm.via) == ("CHL", "main-country")


def test_a_class_noun_before_a_name_is_the_named_group(nlp: Language) -> None:
    event = only(nlp, "The militant group Hezbollah fired rockets at an Israeli town.", "ASSAULT")
    assert [(a.name, a.kind) for a in sources(event)] == [("Hezbollah", "group")]
    event = only(nlp, "The rebel group, the Houthis, attacked a tanker.", "ASSAULT")
    assert [a.name for a in sources(event)] == ["Houthis"]
    event = only(nlp, "The militant group attacked a police post in Kenya.", "ASSAULT")  # no name: the role noun
    assert [a.sector for a in sources(event)] == ["INS"]


def test_members_of_a_body_are_its_people(nlp: Language) -> None:
    event = only(nlp, "Opposition members accused the Peruvian cabinet of fraud.", "ACCUSE")
    (members,) = sources(event)
    assert (members.name, members.kind, members.sector) == ("Peruvian opposition members", "group", "OPP")
    event = only(nlp, "A cabinet member resigned in Lima on Monday.", "RETREAT")
    (member,) = sources(event)
    assert (member.kind, member.sector, member.country) == ("anonymous", "GOV", "PER")


def test_a_protest_happening_somewhere_with_no_named_protesters_is_by_people_of_the_place(nlp: Language) -> None:
    event = only(nlp, "Protests erupted in Lima on Friday.", "PROTEST")
    (crowd,) = sources(event)
    assert (crowd.kind, crowd.country, crowd.sector) == ("group", "PER", "OPP")
    assert event.source[0].text == "Protests"  # written at the protest's own word
    referred = [e for e in events_of(nlp, "The minister hopes to avoid protests in Lima.") if e.type == "PROTEST"]
    assert all(m.actor.role != "protesters" for e in referred for m in e.source)


def test_a_stateless_armed_leader_takes_no_country_from_the_article(nlp: Language) -> None:
    text = ("The Chilean president spoke in Santiago on Sunday. Abu Bakr al-Baghdadi was in hiding. "
            "He attacked the town, Chilean officials said.")
    leaders = [m.actor for e in events_of(nlp, text) for m in e.source if m.text == "He"]
    assert leaders and all(a.country is None for a in leaders)


def test_a_one_country_party_before_a_role_noun_gives_its_country(nlp: Language) -> None:
    event = only(nlp, "Republican senators criticised the Peruvian president.", "ACCUSE")
    (senators,) = sources(event)
    assert (senators.country, senators.kind, senators.sector) == ("USA", "group", "LEG")
    guards = only(nlp, "Republican Guard troops attacked a Peruvian town.", "ASSAULT")
    assert all(a.country != "USA" for a in sources(guards))  # a force named after no party


def test_people_known_by_their_number_are_civilians_of_the_place(nlp: Language) -> None:
    killed = only(nlp, "At least 14 were killed in Mombasa on Sunday.", "ASSAULT")
    assert [(m.actor.country, m.actor.sector) for m in killed.target] == [("KEN", "CVL")]
    freed = only(nlp, "Rebels released 9 in Goma on Friday.", "RETREAT")
    assert [m.actor.sector for m in freed.target] == ["CVL"]
    # a number counting things or a date is nobody
    fired = only(nlp, "Rebels fired 30 rockets at Goma.", "ASSAULT")
    assert all(m.actor.sector != "CVL" for m in fired.target)
    assert not any(e.type == "ASSAULT" for e in events_of(nlp, "They were beating one another."))


def test_private_people_undergoing_an_act_are_civilians(nlp: Language) -> None:
    event = only(nlp, "Soldiers shot two women and a child in a village near Timbuktu.", "ASSAULT")
    assert {(m.actor.country, m.actor.sector) for m in event.target} == {("MLI", "CVL")}


def test_an_arrest_or_curfew_with_no_doer_named_is_by_the_authorities_of_its_place(nlp: Language) -> None:
    arrest = only(nlp, "Dozens were arrested in Caracas on Sunday.", "COERCE")
    assert [(m.actor.country, m.actor.kind) for m in arrest.source] == [("VEN", "state")]
    assert [m.actor.sector for m in arrest.target] == ["CVL"]
    lifted = only(nlp, "The curfew has been lifted in Bogota.", "CONCEDE")
    assert [m.actor.country for m in lifted.source] == ["COL"]
    # a seizure with no doer may be anyone's; a general rule is no arrest
    assert not any(e.type == "COERCE" for e in events_of(nlp, "Heavy weapons were seized in Colombia."))
    assert not any(e.type == "COERCE" for e in events_of(nlp, "No one should be detained in Venezuela."))


def test_volunteers_of_a_nationality_are_its_people_not_its_state(nlp: Language) -> None:
    event = only(nlp, "Chilean volunteers fought against the rebels in Colombia.", "ASSAULT")
    assert [(m.actor.country, m.actor.kind, m.actor.sector) for m in event.source] == [("CHL", "group", "CVL")]


def test_a_pronoun_refers_to_a_role_noun_actor_found_after_coreference(nlp: Language) -> None:
    event = only(nlp, "The Bolivian miners' union said on Monday it would go on strike.", "PROTEST")
    assert [(a.sector, a.country) for a in sources(event)] == [("LAB", "BOL")]
    assert [m.via for m in event.source] == ["coref"]
    event = only(nlp, "Police in La Paz said they had arrested twelve protesters.", "COERCE")
    assert [(a.sector, a.country) for a in sources(event)] == [("COP", "BOL")]


def test_an_it_of_a_copula_is_not_taken_for_the_phrase_before(nlp: Language) -> None:
    doc = nlp("The miners' union published a report. It is clear that nobody read it.")
    assert not [m for m in doc._.actor_mentions if m.text == "It"]


def test_a_bare_surname_is_the_person_named_before_in_full(nlp: Language) -> None:
    text = ("Haitian President Jovenel Moise spoke on Monday. U.S. Congressman Andy Levin slammed Moise "
            "for the jailbreak.")
    doc = nlp(text)
    surnames = [m for m in doc._.actor_mentions if m.text == "Moise"]
    assert [(m.actor.name, m.actor.country, m.via) for m in surnames] == [("Jovenel Moise", "HTI", "coref")]


def test_a_rebel_faction_is_rebels_of_its_nationality_not_the_state(nlp: Language) -> None:
    (rebels,) = sources(only(nlp, "A Congolese rebel faction freed twelve hostages in Goma.", "RETREAT"))
    assert (rebels.country, rebels.sector, rebels.kind) == ("COD", "REB", "group")


def test_counted_people_of_a_nationality_are_people_not_their_state(nlp: Language) -> None:
    event = only(nlp, "Police in Lima arrested three Bolivians on Friday.", "COERCE")
    (bolivians,) = [m.actor for m in event.target]
    assert (bolivians.country, bolivians.kind, bolivians.sector) == ("BOL", "group", "CVL")
    event = only(nlp, "The Peruvians agreed with the Bolivians on a border deal.", "AGREE")
    assert [m.actor.kind for m in event.target] == ["state"]


def test_a_named_operation_is_no_actor(nlp: Language) -> None:
    event = only(nlp, "Since Chad launched a military offensive with the codename Operation Sahel Storm, around "
                      "100 civilians have died.", "ASSAULT")
    assert all("Operation" not in m.text for m in (*event.source, *event.target))


def test_victims_take_the_country_of_the_place_not_of_the_attackers_nationality(nlp: Language) -> None:
    events = events_of(nlp, "Three children were killed in Russian shelling in Kharkiv on Friday.")
    victims = [m.actor for e in events for m in e.target]
    assert victims and all(v.country == "UKR" for v in victims)
    assert not any(m.actor.kind == "anonymous" and m.text.endswith("children") for e in events for m in e.source)


def test_victims_are_not_the_doers_of_the_shelling_that_killed_them(nlp: Language) -> None:
    text = "More than 100 Peruvian civilians have been killed in airstrikes and shelling since the campaign began."
    assert not [m for e in events_of(nlp, text) for m in e.source if m.actor.country == "PER"]
    # a participle conjoined with its own object is a clause of the same subject
    text = "The Chilean envoy was recalled after the talks, reaffirming his support for Peru."
    assert [m.actor.country for e in events_of(nlp, text) if e.type == "SUPPORT" for m in e.source] == ["CHL"]


def test_who_confirms_or_condemns_an_attack_is_not_its_doer(nlp: Language) -> None:
    for text in ("The Bolivian president confirmed the killing of the rebel commander.",
                 "Chile condemned the attack on its embassy in Lima."):
        assert [e for e in events_of(nlp, text) if e.type == "ASSAULT" and e.source] == []


def test_a_person_named_like_a_town_is_not_the_town_s_state(nlp: Language) -> None:
    events = events_of(nlp, "A court in Lima revoked Valencia's house arrest on Monday.")
    assert all(m.actor.kind != "state" for e in events for m in e.target)
    assert [m.actor.country for e in events_of(nlp, "Russia bombed Aleppo on Monday.") for m in e.target] == ["SYR"]


def test_the_group_refers_back_to_an_unnamed_group_introduced_before(nlp: Language) -> None:
    text = "Police broke up a terrorist cell on Monday. The group planned to attack ports."
    attack = only(nlp, text, "ASSAULT")
    assert [(a.kind, a.name) for a in sources(attack)] == [("group", "terrorist cell")]
    report = events_of(nlp, "Officials released a report on Monday. The group said it would attack ports.")
    assert all(m.actor.name != "report" for e in report for m in e.source)


def test_the_group_takes_the_group_phrase_not_the_agency_that_acted_on_it(nlp: Language) -> None:
    text = ('The security agency broke up a criminal gang calling itself "the Red Dawn" on Monday. '
            "The group was planning to attack ports.")
    attack = only(nlp, text, "ASSAULT")
    assert [(a.kind, a.name) for a in sources(attack)] == [("group", "gang")]


def test_more_of_a_group_stands_for_the_group(nlp: Language) -> None:
    event = only(nlp, "Canada sanctioned five more of the Russian banks.", "SANCTION")
    assert [m.actor.country for m in event.target] == ["RUS"]


def test_a_measure_targeting_someone_is_whoever_passed_it(nlp: Language) -> None:
    event = only(nlp, "The Chilean senate passed legislation on Monday targeting Peruvian officials.", "SANCTION")
    assert ([m.actor.country for m in event.source], [m.actor.country for m in event.target]) == (["CHL"], ["PER"])


def test_a_visit_abroad_during_which_someone_speaks_is_theirs_a_trip_at_home_visits_no_one(nlp: Language) -> None:
    event = only(nlp, "The Chilean foreign minister said during a visit to Lima that the talks were useful.",
                 "CONSULT")
    assert ([m.actor.country for m in event.source], [m.actor.country for m in event.target]) == (["CHL"], ["PER"])
    home = events_of(nlp, "During a visit to Arequipa, the Peruvian president said the talks went well.")
    assert not any(m.actor.country == "PER" for e in home if e.type == "CONSULT" for m in e.target)


def test_the_town_of_x_attacked_stands_for_its_state(nlp: Language) -> None:
    event = only(nlp, "Chilean troops shelled the town of Arequipa on Monday.", "ASSAULT")
    assert [m.actor.country for m in event.target] == ["PER"]
    assert not events_of(nlp, "The city of Tacna had been targeted by the protests.")  # the protests are the act


def test_a_proxy_does_not_take_its_backers_country(nlp: Language) -> None:
    for text in ("Rebels backed by Chile attacked the town of Arequipa.",
                 "Chilean-backed rebels attacked the town of Arequipa."):
        attack = only(nlp, text, "ASSAULT")
        assert all(m.actor.country != "CHL" for m in attack.source), text


def test_a_city_tagged_as_a_firm_is_as_a_target_its_state(nlp: Language) -> None:
    strikes = only(nlp, "Russia launched airstrikes on Kharkiv on Monday.", "ASSAULT")
    assert [(m.actor.kind, m.actor.country) for m in strikes.target] == [("state", "UKR")]
    # the small model tags this city a nationality (NORP)
    strikes = only(nlp, "Russian warplanes struck Aleppo.", "ASSAULT")
    assert [(m.actor.kind, m.actor.country) for m in strikes.target] == [("state", "SYR")]


def test_civilians_with_no_place_live_where_the_article_is_set_not_in_the_country_it_names_most(
        nlp: Language) -> None:
    text = ("Chile said on Monday that its aircraft had struck targets in Peru. "
            "Chile's defence minister said Chile would go on. Chilean officials said Chile had no choice. "
            "Fighting went on in Arequipa on Tuesday. Aid agencies in Tacna said supplies were short. "
            "At least 30 civilians were killed in the strikes.")
    killed = [e for e in events_of(nlp, text) if e.type == "ASSAULT" and e.target]
    assert killed and [m.actor.country for m in killed[-1].target] == ["PER"]
    # with no place named twice, the article's main country stays the default
    alone = events_of(nlp, "Chile said on Monday that Chile would go on. At least 30 civilians were killed.")
    assert [m.actor.country for e in alone if e.type == "ASSAULT" for m in e.target] == ["CHL"]


def test_a_group_led_by_a_state_takes_its_leaders_country_and_keeps_its_name(nlp: Language) -> None:
    strike = only(nlp, "The Chilean-led coalition bombed the port of Arequipa on Monday.", "ASSAULT")
    assert [(m.actor.name, m.actor.country) for m in strike.source] == [("Chilean-led coalition", "CHL")]
    led_by_a_body = only(nlp, "NATO-led forces attacked the depot.", "ASSAULT")
    assert all(m.actor.country is None or m.via == "main-country" for m in led_by_a_body.source)


def test_the_bare_police_or_coalition_is_the_one_named_before(nlp: Language) -> None:
    text = "Chilean police detained twelve students in Lima. Later the police released them."
    freed = [e for e in events_of(nlp, text) if e.type == "RETREAT" or e.mode == "release"]
    assert freed and [m.actor.country for m in freed[0].source] == ["CHL"], [
        (e.type, [(m.text, m.actor.country, m.via) for m in e.source]) for e in events_of(nlp, text)]
    # the opposition is not taken back: an article names several countries' oppositions
    text = "The Peruvian opposition marched in Lima. In Santiago the opposition protested against Boric."
    protest = [e for e in events_of(nlp, text) if e.type == "PROTEST" and "protested" in e.trigger.text]
    assert protest and all(m.actor.country != "PER" for m in protest[0].source)


def test_what_a_nominal_transfer_hands_over_is_its_item_not_its_recipient(nlp: Language) -> None:
    delivery = only(nlp, "Chile completed the delivery of forty armoured vehicles to Peru.", "AID")
    assert [m.actor.country for m in delivery.target] == ["PER"]
    assert [i.category for i in delivery.items] == ["armoured-vehicles"]


def test_approving_ones_own_transfer_is_the_transfer_planned_not_an_endorsement(nlp: Language) -> None:
    events = events_of(nlp, "The Chilean government approved the sale of twelve fighter jets to Peru.")
    assert [(e.type, e.status) for e in events] == [("AID", "planned")]
    assert [i.category for i in events[0].items] == ["aircraft"]
    # a sale of goods stays trade; approving another's act stays an endorsement
    assert [e.type for e in events_of(nlp, "The sale of Chilean copper to Peru rose in May.")] == ["COOPERATE"]
    assert "SUPPORT" in [e.type for e in events_of(nlp, "The Chilean senate approved Peru's purchase of copper.")]


def test_a_people_first_in_its_sentence_is_still_an_actor(nlp: Language) -> None:
    event = only(nlp, "Kurds protested outside the embassy on Friday.", "PROTEST")
    assert [m.actor.name for m in event.source] == ["Kurds"]


def test_the_other_side_of_a_threatened_or_refused_act_is_the_target(nlp: Language) -> None:
    threat = only(nlp, "Peru threatened sanctions against Chile.", "THREATEN")
    assert [m.actor.country for m in threat.target] == ["CHL"]
    refusal = only(nlp, "Peru ruled out talks with Chile.", "REJECT")
    assert [m.actor.country for m in refusal.target] == ["CHL"]
    denial = only(nlp, "The Peruvian minister denied the charges against him.", "REJECT")
    assert not denial.target  # the accused is not the other side of the denial


def test_leaving_talks_or_a_deal_refuses_the_other_party(nlp: Language) -> None:
    for text in ("Peru pulled out of the trade deal with Chile.", "Peru withdrew from the negotiations with Chile.",
                 "The Peruvian delegation walked out of the talks with Chile."):
        refusal = only(nlp, text, "REJECT")
        assert [m.actor.country for m in refusal.target] == ["CHL"], text
    assert "REJECT" not in [e.type for e in events_of(nlp, "Workers walked out of the factory in Lima.")]


def test_a_threat_is_aimed_at_whom_the_threatened_act_is_aimed(nlp: Language) -> None:
    for text in ("Peru threatened to impose tariffs on Chile.",
                 "Peru's threat to cut gas supplies to Chile worried Lima."):
        threat = only(nlp, text, "THREATEN")
        assert [m.actor.country for m in threat.target] == ["CHL"], text


def test_a_news_outlet_is_of_its_country(nlp: Language) -> None:
    event = only(nlp, "The Chilean president denounced the Washington Post for its reporting.", "ACCUSE")
    assert [(m.actor.name, m.actor.country, m.actor.sector) for m in event.target] == [
        ("Washington Post", "USA", "MED")]


def test_a_region_of_one_state_is_a_place_of_that_state(nlp: Language) -> None:
    shelling = only(nlp, "Chilean troops shelled the Gaza Strip.", "ASSAULT")
    assert [m.actor.country for m in shelling.target] == ["PSE"]
    raid = only(nlp, "Chilean troops raided three villages in the West Bank.", "COERCE")
    assert all(m.actor.sector != "BUS" for m in (*raid.source, *raid.target))  # no "West" bank
    assert [m.actor.country for m in raid.target] == ["PSE"]
    killed = [e for e in events_of(nlp, "Four children were killed in Chilean shelling in the east of the Gaza Strip.")
              if e.type == "ASSAULT"]
    assert [m.actor.country for e in killed for m in e.target] == ["PSE"]
    visit = events_of(nlp, "The Chilean president visited South Africa on Monday.")
    assert [m.actor.country for e in visit for m in e.target] == ["ZAF"]  # a state holding a region's name


def test_a_named_kind_of_force_is_troops_force_alone_is_not(nlp: Language) -> None:
    training = only(nlp, "Chile will train a new border force in Peru.", "AID")
    assert [m.actor.sector for m in training.target] == ["MIL"]
    assert not events_of(nlp, "Chile condemned the use of force.") or all(
        m.actor.role != "troops" for e in events_of(nlp, "Chile condemned the use of force.") for m in e.target)


def test_a_threat_is_not_aimed_at_the_target_of_anothers_act_it_answers(nlp: Language) -> None:
    threat = [e for e in events_of(nlp, "Peru vowed to respond to the Chilean attack on its embassy.")
              if e.type == "THREATEN"]
    assert threat and all(m.actor.country != "PER" for e in threat for m in e.target)
    assert [m.actor.country for e in threat for m in e.target] == ["CHL"]  # whoever made the act answered
    # a state's official threatening what the state will do aims where the state's act aims
    threat = only(nlp, "The Peruvian foreign minister vowed Peru will expel every Chilean soldier from Arica.",
                  "THREATEN")
    assert [m.actor.country for m in threat.target] == ["CHL"]


def test_where_a_monitor_is_based_is_not_where_the_events_are(nlp: Language) -> None:
    text = "The monitor, a Chile-based group that tracks the war, said eight people were killed by government forces."
    events = extract_events(nlp(text), Article(id="t", text=text))
    assert events and all(m.actor.country != "CHL" for e in events for m in (*e.source, *e.target))


def test_victims_with_no_place_live_where_the_article_names_its_towns(nlp: Language) -> None:
    # no "in X" anywhere: the towns named (Tacna three times) set the article in Peru, though the
    # state it names most is the one that strikes
    text = ("The US-led coalition pressed its campaign to retake Tacna. US jets struck targets across "
            "Tacna overnight. Washington said the strikes on Tacna would go on, and the US defence "
            "secretary praised the pilots. Dozens of civilians were killed, activists said.")
    killed = [e for e in events_of(nlp, text) if e.trigger.text == "killed"]
    assert [m.actor.country for e in killed for m in e.target] == ["PER"]


def test_a_town_named_once_sets_no_article(nlp: Language) -> None:
    text = ("The US-led coalition pressed its campaign to retake Tacna. US jets struck targets overnight. "
            "Washington said the strikes would go on. Dozens of civilians were killed, activists said.")
    killed = [e for e in events_of(nlp, text) if e.trigger.text == "killed"]
    assert "PER" not in [m.actor.country for e in killed for m in e.target]  # one mention is no setting


def test_people_take_the_country_they_are_said_to_come_from(nlp: Language) -> None:
    text = ("Bolivian troops advanced. Juan Quispe, from Arequipa, and Ana Mamani, a nurse from Cusco, "
            "were killed by Bolivian shelling.")
    killed = [e for e in events_of(nlp, text) if e.trigger.text == "killed"]
    assert [m.actor.country for e in killed for m in e.target] == ["PER", "PER"]


def test_a_possessive_in_a_relative_clause_belongs_to_the_person_described(nlp: Language) -> None:
    # "his" is the general's, not the salient chancellor's: the general's people are no Germans
    doc = nlp("Olaf Scholz spoke in Berlin on Monday. Olaf Scholz then praised a general who starves his own people.")
    assert [m.actor.country for m in doc._.actor_mentions if m.text == "his"] in ([], [None])


def test_a_blood_relative_shares_the_persons_country_a_spouse_does_not(nlp: Language) -> None:
    text = "The Peruvian minister said his daughter was arrested in Chile."
    (arrest,) = extract_events(nlp(text), Article(id="t", text=text))
    assert [(m.text, m.actor.country, m.via) for m in arrest.target] == [("his daughter", "PER", "kin")]
    # a spouse is a person of its own, undergoing the arrest, but takes no country from the minister
    text = "The Peruvian minister said his wife was arrested in Chile."
    (arrest,) = extract_events(nlp(text), Article(id="t", text=text))
    assert [(m.text, m.actor.country) for m in arrest.target] == [("his wife", "CHL")]
    text = "The Peruvian minister said his wife, Maria Lopez, was arrested in Chile."
    (arrest,) = extract_events(nlp(text), Article(id="t", text=text))
    assert [m.text for m in arrest.target] == ["Maria Lopez"]  # named in apposition: the name


def test_a_secretary_of_any_portfolio_is_a_government_role(nlp: Language) -> None:
    doc = nlp("Jane Smith, the British health secretary, visited Lima.")
    smith = next(m for m in doc._.actor_mentions if m.text == "Jane Smith")
    assert (smith.actor.country, smith.actor.sector) == ("GBR", "GOV")


def test_a_person_named_in_apposition_to_a_bare_role_is_placed_like_any_person(nlp: Language) -> None:
    text = "Peru's government ended the talks. The foreign minister, Ana Ruiz, banned the march in Lima."
    banned = next(e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.trigger.text == "banned")
    assert [m.actor.country for m in banned.source] == ["PER"]


def test_a_relative_named_after_of_is_a_kin_of_the_person(nlp: Language) -> None:
    text = ("The Peruvian minister Juan Ortega spoke in Lima. "
            "The sons of Ortega later accused Bolivian police of torture.")
    (accused,) = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "ACCUSE"]
    want = [("The sons of Ortega", "PER", "kin")]
    assert [(m.text, m.actor.country, m.via) for m in accused.source] == want


def test_who_undergoing_a_passive_relative_clause_is_its_antecedent(nlp: Language) -> None:
    text = "Peruvian officials mourned Juan Ortega, a Peruvian farmer who was shot dead by Bolivian soldiers."
    (shot,) = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "ASSAULT"]
    assert [m.actor.country for m in shot.source] == ["BOL"] and [m.actor.country for m in shot.target] == ["PER"]
    text = "Chile and Peru, which were attacked by Bolivian militias, closed their borders."
    (attacked,) = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "ASSAULT"]
    assert sorted(m.actor.country for m in attacked.target) == ["CHL", "PER"]


@pytest.mark.parametrize("text", [
    "Authorities in Peru's southern region blamed Chile for the spill.",  # the region's owner
    "Local officials in the south of Peru accused Chile of dumping waste.",  # "local" is no name
    "Residents of Tacna accused Chilean troops of looting.",  # where residents live
    "Officials in Tacna accused Chilean troops of looting.",  # a town the tagger may take for a group
])
def test_people_of_a_place_take_its_country(nlp: Language, text: str) -> None:
    (accused,) = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "ACCUSE"]
    assert [m.actor.country for m in accused.source] == ["PER"]


def test_an_ambassador_with_no_country_of_their_own_is_not_placed(nlp: Language) -> None:
    text = ("Chile's government faces a new crisis in Santiago. Ambassador Ivanov has demanded proof that "
            "the prisoner is alive.")
    event = only(nlp, text, "REQUEST")
    assert [a.country for a in sources(event)] == [None]
    event = only(nlp, "Chile's ambassador criticised Peru on Monday.", "ACCUSE")
    assert [a.country for a in sources(event)] == ["CHL"]


def test_a_state_body_takes_no_country_from_context_of_the_state_it_acts_on(nlp: Language) -> None:
    text = ("Bolivia's economy shrank again. Bolivian farmers marched in La Paz. "
            "The army shelled Bolivia on Sunday.")
    event = only(nlp, text, "ASSAULT")
    (army,) = event.source
    assert army.actor.country is None  # not Bolivia's army attacking Bolivia
    # the same context still places a state body acting on others, and people acted on by their state
    text = ("Bolivia's economy shrank again. Bolivian farmers marched in La Paz. "
            "The army arrested dozens of farmers on Sunday.")
    event = only(nlp, text, "COERCE")
    assert [m.actor.country for m in (*event.source, *event.target)] == ["BOL", "BOL"]


def test_a_role_matched_with_its_preposition_is_named_without_it(nlp: Language) -> None:
    event = only(nlp, "Angry crowds attacked the embassy in Lima on Friday.", "ASSAULT")
    (embassy,) = event.target
    assert (embassy.actor.name, embassy.actor.role) == ("Peruvian embassy", "embassy")


def test_a_venue_naming_an_attack_is_no_attacker(nlp: Language) -> None:
    events = events_of(nlp, "The Harmon Square bombing wounded 30 people.")
    assert "ASSAULT" in [e.type for e in events]
    assert not [m.text for e in events for m in e.source]  # the square is where, not who
