"""Sense checks (data/lexicon/senses.tsv): a trigger read with its arguments (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from newsgraph.extract import extract_events
from newsgraph.extract.lexicon import word_lists
from newsgraph.extract.senses import rules
from newsgraph.records import ActorMention, Article, Event


def events_of(nlp: Language, text: str) -> list[Event]:
    events: list[Event] = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
    return events


def countries(mentions: tuple[ActorMention, ...]) -> list[str]:
    return sorted({m.actor.country for m in mentions if m.actor.country})


def types_of(nlp: Language, text: str) -> list[str]:
    return [e.type for e in events_of(nlp, text)]


def test_every_rule_parses_and_names_known_word_lists() -> None:
    assert len(rules()) >= 10
    assert {"forces", "agreements", "topics"} <= set(word_lists())


def test_sending_a_message_is_not_aid(nlp: Language) -> None:
    assert "AID" not in types_of(nlp, "The Chilean president sent condolences to Argentina.")


def test_sending_weapons_is_aid(nlp: Language) -> None:
    assert "AID" in types_of(nlp, "Poland sent 40 tanks to Ukraine.")


def test_sending_troops_with_no_recipient_is_a_deployment(nlp: Language) -> None:
    types = types_of(nlp, "Peru sent 300 soldiers to the northern border.")
    assert "MOBILIZE" in types
    assert "AID" not in types


def test_selling_fighter_aircraft_is_a_transfer_not_a_deployment(nlp: Language) -> None:
    sold = events_of(nlp, "Brazil sold 12 Gripen fighters to Colombia last year.")
    assert [(e.type, e.rule) for e in sold] == [("AID", "transfer:sell")]  # kept as it is, no re-typing
    assert "MOBILIZE" in types_of(nlp, "Peru sent 300 fighters to the northern border.")


def test_words_said_give_nothing(nlp: Language) -> None:
    text = "The Chilean minister spoke on Monday. Her remarks gave Bolivian nationalists new ammunition."
    assert "AID" not in types_of(nlp, text)
    assert "AID" in types_of(nlp, "The Chilean minister gave Bolivian rebels new ammunition.")


@pytest.mark.parametrize("text", [
    "Chile gave Bolivia 40 tanks last year.",
    "Chile gave $5 million to Bolivia.",
    "Bolivia was given tanks by Chile.",
    "The rebels used rifles given to them by Chile.",
])
def test_giving_arms_money_or_food_is_aid(nlp: Language, text: str) -> None:
    assert "AID" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Juan Perez, a Chilean farmer, gave his Peruvian neighbour 20 dollars for a taxi.",
    "Chile gave Bolivia the green light to join the bloc.",
    "Chile gave way to Bolivia in the talks.",
    "Chile should be given credit for the ceasefire.",
    "The minister gave a speech in La Paz.",
])
def test_other_giving_is_no_aid(nlp: Language, text: str) -> None:
    assert "AID" not in types_of(nlp, text)


def test_giving_no_goods_leaves_the_acts_it_governs_alone(nlp: Language) -> None:
    text = "Officials could not give a timeline for the withdrawal of Chilean troops from Peru."
    assert "RETREAT" in types_of(nlp, text)


def test_inviting_someone_to_act_is_a_request_to_meet_an_offer(nlp: Language) -> None:
    assert "REQUEST" in types_of(nlp, "Chile invited Peru to withdraw its troops from the border.")
    types = types_of(nlp, "Chile invited the Peruvian president to visit Santiago.")
    assert "AGREE" in types and "REQUEST" not in types


def test_agreeing_on_how_things_are_is_no_agreement(nlp: Language) -> None:
    assert "AGREE" not in types_of(nlp, "Chile and Peru agreed that the Bolivian junta had a record of abuses.")
    assert "AGREE" in types_of(nlp, "Chile and Peru agreed that the buffer zone will be in place by May.")


def test_destroying_ones_own_arms_is_disarmament(nlp: Language) -> None:
    types = types_of(nlp, "Chile destroyed its stockpile of chemical weapons last year.")
    assert "RETREAT" in types and "ASSAULT" not in types
    assert "ASSAULT" in types_of(nlp, "Chile destroyed Peru's weapons depots near the border.")


@pytest.mark.parametrize("text", [
    "More than 40,000 people have been killed in Bolivia since the uprising began.",
    "There have been up to 300 Peruvian civilians killed.",
])
def test_a_running_count_of_victims_is_no_event(nlp: Language, text: str) -> None:
    assert "ASSAULT" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Twelve Peruvian soldiers were killed on Monday.",
    "At least 21 Peruvian soldiers have been killed in a Chilean air strike.",
    "The Bolivian army said 16 rebels had been killed.",
])
def test_victims_of_one_attack_are_an_event(nlp: Language, text: str) -> None:
    assert "ASSAULT" in types_of(nlp, text)


@pytest.mark.parametrize(("text", "expected"), [
    ("Chilean and Peruvian troops exchanged fire near the border.", "ASSAULT"),
    ("The Chilean and Peruvian armies traded artillery fire across the river.", "ASSAULT"),
    ("Chile and Peru exchanged prisoners on Monday.", "RETREAT"),
    ("Chile and Peru traded accusations over the fishing dispute.", "ACCUSE"),
    ("Chile and Peru exchanged views on the fishing dispute.", "CONSULT"),
])
def test_what_is_exchanged_decides_the_exchange(nlp: Language, text: str, expected: str) -> None:
    assert types_of(nlp, text) == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile protested to Peru over the arrests of its fishermen.", "ACCUSE"),
    ("The Chilean foreign ministry lodged a formal protest with Peru.", "ACCUSE"),
    ("Chilean students protested against the Peruvian government.", "PROTEST"),
])
def test_a_states_protest_is_a_complaint_a_crowds_a_demonstration(nlp: Language, text: str, expected: str) -> None:
    assert types_of(nlp, text) == [expected]


def test_closing_a_border_restricts_movement(nlp: Language) -> None:
    closed = events_of(nlp, "Peru closed its border with Bolivia on Monday.")
    assert [(e.type, e.mode, [m.actor.country for m in e.target]) for e in closed] == [("COERCE", "restrict", ["BOL"])]
    assert "COERCE" not in types_of(nlp, "Chile closed the copper plant near Arica.")


def test_closing_an_embassy_reduces_relations_with_its_host(nlp: Language) -> None:
    closed = events_of(nlp, "Chile closed its embassy in Lima on Friday.")
    assert [(e.type, [m.actor.country for m in e.target]) for e in closed] == [("SANCTION", ["PER"])]
    stormed = events_of(nlp, "Protesters attacked the Peruvian embassy in Santiago.")
    assert [m.actor.country for e in stormed for m in e.target] == ["PER"]  # an embassy attacked is the target


def test_trading_goods_is_no_event(nlp: Language) -> None:
    assert types_of(nlp, "Chile and Peru trade copper and fish.") == []


def test_transferring_allegiance_is_no_aid(nlp: Language) -> None:
    assert "AID" not in types_of(nlp, "The Bolivian rebels transferred their allegiance to Peru.")


def test_leaving_a_treaty_is_rejecting_it(nlp: Language) -> None:
    types = types_of(nlp, "Ecuador withdrew from the fisheries treaty last year.")
    assert "REJECT" in types
    assert "RETREAT" not in types


@pytest.mark.parametrize("text", [
    "Two Chilean senators clashed over the pension reform.",
    "The Peruvian opposition leader attacked the government's budget plan.",
])
def test_a_verbal_clash_is_no_assault(nlp: Language, text: str) -> None:
    assert "ASSAULT" not in types_of(nlp, text)


def test_an_armed_clash_stays_an_assault(nlp: Language) -> None:
    assert "ASSAULT" in types_of(nlp, "Colombian troops clashed with rebels near the border.")


def test_meeting_demands_is_conceding_not_consulting(nlp: Language) -> None:
    types = types_of(nlp, "The Peruvian government met the demands of the striking miners.")
    assert "CONSULT" not in types
    assert "CONCEDE" in types
    assert "CONSULT" in types_of(nlp, "The Peruvian president met the Chilean foreign minister.")


@pytest.mark.parametrize("text", [
    "The Bolivian cabinet agreed to the miners' demands after a week of blockades.",
    "Ecuador's government agreed to most of the unions' conditions on Friday.",
    "The junta accepted the opposition's central demand for early elections.",
])
def test_agreeing_to_demands_is_conceding(nlp: Language, text: str) -> None:
    types = types_of(nlp, text)
    assert "CONCEDE" in types
    assert "AGREE" not in types


@pytest.mark.parametrize("text", [
    "The Uruguayan cabinet complied with the demands of the Argentine government on Monday.",
    "Ecuador obeyed the Colombian ultimatum and recalled its ambassador.",
])
def test_complying_with_a_sides_demands_is_conceding_to_that_side(nlp: Language, text: str) -> None:
    conceded = [e for e in events_of(nlp, text) if e.type == "CONCEDE"]
    assert conceded and conceded[0].source and conceded[0].target


@pytest.mark.parametrize("text", [
    "Uruguayan banks must comply with the new reporting rules.",
    "The Ecuadorian drivers obeyed the speed limits on the coastal road.",
])
def test_complying_with_rules_is_no_concession(nlp: Language, text: str) -> None:
    assert "CONCEDE" not in types_of(nlp, text)


def test_the_of_phrase_of_a_demand_names_who_makes_it(nlp: Language) -> None:
    rejected = [e for e in events_of(nlp, "Uruguay rejected the requests of the Argentine government.")
                if e.type == "REJECT"]
    assert [m.actor.country for m in rejected[0].target] == ["ARG"]


@pytest.mark.parametrize("text", [
    "The Argentine embargo was described as a massacre of small farmers by Uruguayan officials.",
    "Ecuador described the Peruvian border patrols as a massacre waiting to happen.",
])
def test_what_a_caller_calls_an_act_is_no_act(nlp: Language, text: str) -> None:
    assert "ASSAULT" not in types_of(nlp, text)


def test_what_someone_called_an_attack_is_still_reported(nlp: Language) -> None:
    text = "The Peruvian minister condemned what he called an armed attack on Peruvian fishermen."
    assert "ASSAULT" in types_of(nlp, text)


def test_calling_an_act_something_does_not_ask_for_it(nlp: Language) -> None:
    text = "Uruguay called the Argentine trade deal with Chile a mistake."
    (agree,) = [e for e in events_of(nlp, text) if e.trigger.text == "deal"]
    assert agree.status == "asserted"


def test_agreeing_to_a_proposal_stays_an_agreement(nlp: Language) -> None:
    types = types_of(nlp, "Uruguay agreed to the Paraguayan proposal for joint patrols.")
    assert "AGREE" in types
    assert "CONCEDE" not in types


def test_arms_or_aid_got_from_a_state_is_aid_to_the_getter(nlp: Language) -> None:
    text = "Venezuela got attack drones from Belarus last year."
    events = [e for e in events_of(nlp, text) if e.type == "AID"]
    assert events
    assert [m.actor.country for m in events[0].source] == ["BLR"]
    assert [m.actor.country for m in events[0].target] == ["VEN"]
    assert "AID" in types_of(nlp, "Honduras obtained a $300 million loan from the World Bank.")


@pytest.mark.parametrize("text", [
    "The Paraguayan president got a phone call from his Uruguayan counterpart.",
    "The ruling party got strong support from Venezuela for its candidate.",
])
def test_other_things_got_from_someone_are_no_aid(nlp: Language, text: str) -> None:
    assert "AID" not in types_of(nlp, text)


def test_a_speech_act_noun_with_an_owner_is_an_event(nlp: Language) -> None:
    assert "THREATEN" in types_of(nlp, "Peru's threat to close the border alarmed traders.")
    assert "REQUEST" in types_of(nlp, "Bolivia's demand for talks surprised the markets.")


def test_a_speech_act_noun_without_owner_or_recipient_is_no_event(nlp: Language) -> None:
    assert "AGREE" not in types_of(nlp, "Officials said much remains to be done on a Colombia ceasefire deal.")


def test_a_speech_act_noun_owned_by_a_pronoun_refers_back(nlp: Language) -> None:
    text = "Chilean officials believe their warnings have helped to calm the border."
    assert "THREATEN" not in types_of(nlp, text) and "ACCUSE" not in types_of(nlp, text)


def test_amassing_followers_is_no_mobilisation(nlp: Language) -> None:
    assert "MOBILIZE" not in types_of(nlp, "The Peruvian blogger amassed 12 million followers online.")
    assert "MOBILIZE" in types_of(nlp, "Peru amassed troops on the Chilean border.")


def test_refusing_to_be_named_is_no_rejection(nlp: Language) -> None:
    assert "REJECT" not in types_of(nlp, "The Chilean diplomat, who refused to be named, said talks had stalled.")
    assert "REJECT" in types_of(nlp, "Peru refused to sign the fisheries treaty.")


def test_a_journey_with_no_known_traveller_is_no_visit(nlp: Language) -> None:
    assert "CONSULT" not in types_of(nlp, "The teenager, who travelled to Syria two months earlier, is missing.")
    assert "CONSULT" not in types_of(nlp, "Thousands of Chinese tourists travelled to Thailand last year.")
    assert "CONSULT" in types_of(nlp, "The Peruvian foreign minister travelled to Chile on Monday.")


def test_a_capital_naming_an_attack_is_its_place_not_its_attacker(nlp: Language) -> None:
    events: list[Event] = extract_events(nlp("Lima remembered the victims of the Quito bombing."),
                                         Article(id="t", text="x", published=date(2024, 3, 6)))
    assert all(m.actor.country != "ECU" for e in events for m in e.source)


def test_taking_to_the_streets_is_a_protest_and_other_taking_is_not(nlp: Language) -> None:
    assert "PROTEST" in types_of(nlp, "Thousands of Chilean students took to the streets of Santiago.")
    assert "PROTEST" not in types_of(nlp, "The Chilean minister took to social media to complain.")


def test_only_civic_groups_gathering_protest(nlp: Language) -> None:
    assert "PROTEST" in types_of(nlp, "Demonstrators gathered outside the Peruvian parliament in Lima.")
    assert "PROTEST" not in types_of(nlp, "Peruvian officials gathered in Geneva for the conference.")


def test_going_on_strike_is_done_by_the_strikers(nlp: Language) -> None:
    events: list[Event] = extract_events(nlp("Chilean teachers went on strike on Monday."),
                                         Article(id="t", text="x", published=date(2024, 3, 6)))
    strike = [e for e in events if e.type == "PROTEST"]
    assert strike and [m.actor.country for m in strike[0].source] == ["CHL"]


def test_lifting_economic_sanctions_is_retreat_and_lifting_a_curfew_a_concession(nlp: Language) -> None:
    assert "RETREAT" in types_of(nlp, "Brazil lifted its sanctions on Venezuelan oil.")
    types = types_of(nlp, "Peru lifted the curfew in Lima on Monday.")
    assert "CONCEDE" in types and "RETREAT" not in types


def test_demonstrating_something_is_no_protest(nlp: Language) -> None:
    assert "PROTEST" not in types_of(nlp, "Chilean leaders must demonstrate their resolve, Boric said.")
    assert "PROTEST" in types_of(nlp, "Thousands demonstrated in Santiago against the Chilean government.")


def test_thanks_to_no_one_in_particular_is_no_support(nlp: Language) -> None:
    assert "SUPPORT" not in types_of(nlp, "The Bolivian president thanked everyone who came.")
    assert "SUPPORT" in types_of(nlp, "The Bolivian president thanked Argentina for its help.")


def test_a_warning_recalled_in_an_as_clause_is_no_new_warning(nlp: Language) -> None:
    text = '"As we have warned before, Peru is arming the rebels," the Chilean envoy said.'
    assert "THREATEN" not in types_of(nlp, text)
    assert "THREATEN" in types_of(nlp, "Chile warned Peru against arming the rebels.")


def test_dismantling_a_network_is_a_crackdown_not_a_retreat(nlp: Language) -> None:
    assert "COERCE" in types_of(nlp, "Police in Lima dismantled an arms trafficking network.")
    assert "RETREAT" in types_of(nlp, "Peru dismantled its missile launchers near the border.")


def test_a_verbal_act_performed_by_the_verbs_subject_is_kept(nlp: Language) -> None:
    assert "ACCUSE" in types_of(nlp, "The Chilean president tweeted a condemnation of the raid.")
    assert "ACCUSE" not in types_of(nlp, "The condemnation was expected, Chilean officials said.")
    # the second of two conjoined verbs shares the first's subject
    assert "CONCEDE" in types_of(nlp, "The rebels suspended their attacks and announced a truce.")


def test_improving_ties_is_diplomatic_cooperation_improving_anything_else_is_not(nlp: Language) -> None:
    assert "SUPPORT" in types_of(nlp, "Uruguay restored diplomatic relations with Paraguay.")
    assert "SUPPORT" not in types_of(nlp, "Uruguay restored electricity to the capital.")


def test_eliminating_a_person_or_force_is_killing_eliminating_a_thing_is_no_event(nlp: Language) -> None:
    assert "ASSAULT" in types_of(nlp, "Chilean commandos eliminated the rebel commander near the border.")
    assert types_of(nlp, "Chile eliminated its budget deficit in 2023.") == []


def test_a_cell_dismantled_by_force_is_coercion_even_in_the_passive(nlp: Language) -> None:
    text = "A terrorist cell was dismantled in Valparaiso."
    found = events_of(nlp, text)
    events = [e for e in found if e.type == "COERCE"]
    assert [(m.actor.kind, m.actor.country) for e in events for m in e.target] == [("group", "CHL")]


def test_drills_held_together_are_cooperation_drills_alone_a_show_of_force(nlp: Language) -> None:
    assert "COOPERATE" in types_of(nlp, "Chile held naval exercises with Peru off the coast.")
    assert "COOPERATE" in types_of(nlp, "Chile and Peru held combined military drills on Monday.")
    alone = types_of(nlp, "Chile held military drills near the Peruvian border.")
    assert "MOBILIZE" in alone and "COOPERATE" not in alone


def test_releasing_a_report_is_no_release_leaving_a_treaty_is_a_rejection(nlp: Language) -> None:
    assert types_of(nlp, "In 2019, Chile released a new defence programme.") == []
    assert "RETREAT" in types_of(nlp, "Chile released two Peruvian fishermen on Monday.")
    assert "REJECT" in types_of(nlp, "Chile withdrew from the fisheries treaty.")


def test_a_comment_on_an_act_is_no_report_of_it(nlp: Language) -> None:
    assert types_of(nlp, "The arrest of the Peruvian journalist was a warning to others.") == []
    assert types_of(nlp, "The kidnapping of the Chilean miners is the third such incident this year.") == []
    assert "COERCE" in types_of(nlp, "The arrest of the Peruvian journalist came on Monday in Santiago.")


def test_nature_and_animals_attack_no_one(nlp: Language) -> None:
    assert types_of(nlp, "Floods killed forty people in northern Peru.") == []
    assert types_of(nlp, "Three villagers were killed by elephants near the Chilean border.") == []
    assert "ASSAULT" in types_of(nlp, "Rebels killed three villagers near the Chilean border.")


def test_idioms_that_look_like_acts(nlp: Language) -> None:
    assert "REQUEST" not in types_of(nlp, "Pressed on the deal, the Chilean minister declined to comment.")
    assert "REQUEST" in types_of(nlp, "Chile pressed Peru to release the fishermen.")
    assert "REQUEST" in types_of(nlp, "Peru was pressed by Chile to release the fishermen.")
    assert "REQUEST" not in types_of(nlp, "Chile has been pressing ahead with plans to expand its port.")
    assert "REQUEST" not in types_of(nlp, "The Chilean president would seek political advantage from the summit.")
    assert "REQUEST" in types_of(nlp, "Chile sought military aid from Peru.")
    honoured = types_of(nlp, "The Chilean reporter received a press freedom award from the Peruvian president.")
    assert "SUPPORT" in honoured and "AID" not in honoured


def test_a_missile_launched_is_a_test_launched_at_someone_an_attack(nlp: Language) -> None:
    assert "MOBILIZE" in types_of(nlp, "Peru launched a ballistic missile on Friday.")
    at_someone = types_of(nlp, "Rebels launched rockets at the Chilean border post.")
    assert "ASSAULT" in at_someone and "MOBILIZE" not in at_someone
    assert "ASSAULT" in types_of(nlp, "Chile launched an offensive near the border.")  # the noun's event
    assert types_of(nlp, "Chile launched a new website on Friday.") == []


def test_ties_in_a_material_field_are_material_cooperation(nlp: Language) -> None:
    military = types_of(nlp, "Uruguay and Paraguay strengthened their defence ties on Monday.")
    assert "COOPERATE" in military and "SUPPORT" not in military
    diplomatic = types_of(nlp, "Uruguay and Paraguay strengthened their diplomatic ties on Monday.")
    assert "SUPPORT" in diplomatic and "COOPERATE" not in diplomatic


def test_an_activity_spoken_of_in_general_is_no_event(nlp: Language) -> None:
    assert types_of(nlp, "Holding talks with juntas rarely helps, the Chilean analyst said.") == []
    assert "CONSULT" in types_of(nlp, "Chile held talks with Peru on Monday.")


def test_recognition_defence_and_support_need_their_actors(nlp: Language) -> None:
    assert "SUPPORT" not in types_of(nlp, "Chile does not recognize the plan as valid.")
    assert "SUPPORT" in types_of(nlp, "Chile recognized Kosovo in 2009.")
    assert "SUPPORT" not in types_of(nlp, "Those backing closer EU integration see the zone as crucial.")


def test_seeking_work_or_dominance_asks_no_one(nlp: Language) -> None:
    assert "REQUEST" not in types_of(nlp, "Many Nigerian migrants are seeking employment in Libya.")
    assert "REQUEST" not in types_of(nlp, "Chile seeks dominance over the Pacific coast.")
    assert "REQUEST" in types_of(nlp, "Nigeria is seeking help from the World Bank.")


def test_retaking_a_town_is_seizing_it(nlp: Language) -> None:
    assert "COERCE" in types_of(nlp, "Malian troops retook Kidal on Tuesday.")


def test_a_vessel_travelling_is_no_visit(nlp: Language) -> None:
    assert "CONSULT" not in types_of(nlp, "A Chilean tanker is heading to Peru with a cargo of fuel.")
    assert "CONSULT" in types_of(nlp, "The Chilean foreign minister will travel by train to Lima on Monday.")


def test_backing_an_argument_is_no_support(nlp: Language) -> None:
    assert "SUPPORT" not in types_of(nlp, "Bolivia cites colonial maps to back its claims.")
    assert "SUPPORT" in types_of(nlp, "Peru backed Bolivia's claims over the lake.")


def test_seeking_escalation_asks_no_one(nlp: Language) -> None:
    assert "REQUEST" not in types_of(nlp, "Chile is not seeking a confrontation with Peru, the minister said.")


def test_forces_marching_are_on_the_move_not_protesting(nlp: Language) -> None:
    assert "MOBILIZE" in types_of(nlp, "Chilean troops marched into the border town of Arica.")
    assert "PROTEST" not in types_of(nlp, "Chilean troops marched into the border town of Arica.")
    assert "PROTEST" in types_of(nlp, "Thousands of students marched in Santiago against the reform.")


def test_assurances_received_are_a_promise_not_aid(nlp: Language) -> None:
    assert types_of(nlp, "Peruvian farmers received assurances from the Peruvian government.") == ["AGREE"]
    assert "AID" in types_of(nlp, "Peruvian farmers received food from the Peruvian government.")


def test_pressure_from_a_side_is_a_demand_bare_pressure_is_none(nlp: Language) -> None:
    assert types_of(nlp, "Chile faces pressure from Argentina to close the border.") == ["REQUEST"]
    assert types_of(nlp, "Argentina stepped up pressure on Chile to reopen the border.") == ["REQUEST"]
    assert types_of(nlp, "Chile is under pressure to close the border.") == []
    assert types_of(nlp, "The Chilean peso came under pressure from inflation.") == []


def test_a_joint_project_is_cooperation_of_its_partners(nlp: Language) -> None:
    assert types_of(nlp, "Chile and Peru are building a joint infrastructure project along the border.") == [
        "COOPERATE"]
    assert types_of(nlp, "Chile is building an infrastructure project along the border.") == []


def test_declining_to_act_is_a_rejection_declining_to_comment_is_none(nlp: Language) -> None:
    assert types_of(nlp, "Paraguay declined to send troops to the joint exercise.")[:1] == ["REJECT"]
    assert types_of(nlp, "The Paraguayan ministry declined to comment.") == []
    assert "REJECT" not in types_of(nlp, "Paraguayan officials declined to provide details on the plan.")


def test_being_opposed_to_something_is_the_subjects_own_stance(nlp: Language) -> None:
    events = extract_events(nlp("The Chilean government is opposed to Bolivia's demands."),
                            Article(id="t", text="The Chilean government is opposed to Bolivia's demands.",
                                    published=date(2024, 3, 6)))
    (oppose,) = [e for e in events if e.trigger.text == "opposed"]
    assert [m.actor.country for m in oppose.source] == ["CHL"]
    assert [m.actor.country for m in oppose.target] == ["BOL"]


def test_force_used_by_protesters_is_a_riot_force_used_on_them_an_assault(nlp: Language) -> None:
    assert "PROTEST" in types_of(nlp, "Striking dockworkers torched a customs office in Durban.")
    assert "ASSAULT" not in types_of(nlp, "Striking dockworkers torched a customs office in Durban.")
    assert "PROTEST" in types_of(nlp, "The Peruvian congress building was stormed by student demonstrators.")
    assert "ASSAULT" in types_of(nlp, "Bolivian soldiers shot two demonstrators in La Paz.")
    assert "PROTEST" not in types_of(nlp, "Bolivian soldiers shot two demonstrators in La Paz.")


def test_receiving_a_visitor_is_hosting_receiving_things_or_refugees_is_not(nlp: Language) -> None:
    assert "CONSULT" in types_of(nlp, "The Vietnamese president received the Cuban foreign minister in Hanoi.")
    assert "CONSULT" in types_of(nlp, "King Abdullah received a delegation of Iraqi officials in Amman.")
    assert "CONSULT" not in types_of(nlp, "Hungary received thousands of Syrian refugees last year.")
    assert "CONSULT" not in types_of(nlp, "The Nepali police received threats before the vote.")
    assert "CONSULT" not in types_of(nlp, "The Nepali minister received a letter before the vote.")


def test_an_act_received_is_that_act_from_its_sender_not_aid(nlp: Language) -> None:
    text = "Bhutan received a stern warning from India."
    events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 1)))
    assert [(e.type, [m.actor.country for m in e.source], [m.actor.country for m in e.target]) for e in events] == [
        ("THREATEN", ["IND"], ["BTN"])]
    assert types_of(nlp, "Kenya received a request from Somalia for troops.") == ["REQUEST"]
    assert types_of(nlp, "Kenya received armoured vehicles from Somalia.") == ["AID"]


def test_fighters_fight_a_struggle_against_no_actor_is_no_attack(nlp: Language) -> None:
    assert types_of(nlp, "Kurdish fighters battled Islamic State militants near Raqqa.") == ["ASSAULT"]
    assert types_of(nlp, "Danish volunteers fought alongside Kurdish forces in Hasakah.") == ["ASSAULT"]
    assert "ASSAULT" in types_of(nlp, "Ethiopia fought a long war in Tigray.")
    assert "ASSAULT" not in types_of(nlp, "The Kenyan government vowed to fight corruption.")


def test_conceding_that_is_an_admission_conceding_defeat_a_concession(nlp: Language) -> None:
    assert "CONCEDE" not in types_of(nlp, "The Belgian minister conceded that the policy had failed.")
    assert "CONCEDE" in types_of(nlp, "The Zambian president conceded defeat in the election.")


def test_forces_meeting_in_the_field_is_no_consultation(nlp: Language) -> None:
    assert "CONSULT" not in types_of(nlp, "Syrian government forces met Turkish troops near Manbij.")
    assert "CONSULT" in types_of(nlp, "The Syrian foreign minister met his Turkish counterpart in Moscow.")


def test_a_discussion_held_by_no_one_named_is_no_consultation(nlp: Language) -> None:
    assert "CONSULT" not in types_of(nlp, "They spoke on condition of anonymity to discuss relations with Egypt.")


def test_being_convinced_is_a_belief_and_prosecuting_a_war_is_waging_it(nlp: Language) -> None:
    assert "REQUEST" not in types_of(nlp, "Convinced that the rebels were beaten, the Malian president left Bamako.")
    assert "REQUEST" in types_of(nlp, "The Malian president convinced the rebels to disarm.")
    assert "ACCUSE" not in types_of(nlp, "The Malian army was eager to prosecute the war against the rebels.")


def test_a_truce_in_force_is_carried_out_a_declared_one_a_concession(nlp: Language) -> None:
    assert types_of(nlp, "The truce between Armenia and Azerbaijan held on Sunday.") == ["RETREAT"]
    assert types_of(nlp, "Armenia and Azerbaijan declared a truce on Sunday.") == ["CONCEDE"]


def test_arms_laid_down_or_handed_over_by_rebels_are_a_disarmament(nlp: Language) -> None:
    assert types_of(nlp, "Colombian rebels laid down their arms on Friday.") == ["RETREAT"]
    assert types_of(nlp, "Colombian rebels handed over their rifles to the Colombian army.") == ["RETREAT"]
    assert types_of(nlp, "Canada handed over rifles to the Colombian army.") == ["AID"]
    assert "RETREAT" not in types_of(nlp, "The Colombian president laid down strict rules for the negotiators.")


def test_people_at_large_or_armed_men_travelling_make_no_visit(nlp: Language) -> None:
    assert "CONSULT" not in types_of(nlp, "Hundreds of Dutch students travelled to Syria.")
    assert "CONSULT" not in types_of(nlp, "Dutch fighters travelled to Syria.")
    assert "CONSULT" in types_of(nlp, "The Dutch foreign minister travelled to Syria.")


def test_a_retaliation_by_another_act_is_that_act(nlp: Language) -> None:
    assert types_of(nlp, "Hungary retaliated by imposing tariffs on Slovak steel.") == ["SANCTION"]
    assert types_of(nlp, "Hungary retaliated against Slovakia.") == ["ASSAULT"]


def test_signing_up_for_the_army_is_enlisting_signing_up_to_a_pact_is_support(nlp: Language) -> None:
    assert types_of(nlp, "The Dutch volunteers signed up for the Ukrainian army.") == []
    assert types_of(nlp, "Uganda and Slovenia signed up to a migration pact.") == ["SUPPORT"]


def test_hostility_is_an_attitude_hostilities_are_fighting(nlp: Language) -> None:
    assert types_of(nlp, "Hostilities between Israel and Hezbollah resumed.") == ["ASSAULT"]
    assert types_of(nlp, "The Israeli hostility toward Hezbollah is well known.") == []


def test_recalling_an_envoy_is_a_sanction_recalling_parliament_is_not(nlp: Language) -> None:
    text = "Bahrain recalled its ambassador from Lebanon."
    events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 1)))
    assert [(e.type, [m.actor.country for m in e.target]) for e in events] == [("SANCTION", ["LBN"])]
    assert types_of(nlp, "The Bahraini parliament was recalled from its summer recess.") == []


def test_an_offer_of_nothing_to_no_one_and_accepting_refugees_are_no_agreement(nlp: Language) -> None:
    assert types_of(nlp, "The Jordanian king offered talks to Syria.") == ["AGREE"]
    assert types_of(nlp, "The Jordanian king's errors offered glimpses of his methods.") == []
    assert types_of(nlp, "Jordan accepted thousands of Syrian refugees.") == []


def test_calling_someone_a_threat_is_no_threat_made(nlp: Language) -> None:
    assert types_of(nlp, "The Malian junta said the rebels are a serious threat to Bamako.") == []
    assert types_of(nlp, "The Malian junta issued a threat to the rebels.") == ["THREATEN"]


@pytest.mark.parametrize("text", [
    "Chilean dockworkers struck for three days over pay.",
    "The Peruvian teachers' union threatened to strike next week.",
])
def test_civilians_striking_at_no_one_are_on_strike(nlp: Language, text: str) -> None:
    events = events_of(nlp, text)
    assert ("PROTEST", "strike") in [(e.type, e.mode) for e in events]
    assert "ASSAULT" not in [e.type for e in events]


def test_villagers_striking_at_soldiers_stay_violent(nlp: Language) -> None:
    assert "PROTEST" not in types_of(nlp, "Bolivian villagers struck back at the soldiers.")


@pytest.mark.parametrize("text", [
    "Peruvian police deployed hundreds of officers around the stadium.",
    "Chile is deploying its new missile defence system in the north.",
])
def test_deploying_counted_forces_or_weapons_is_mobilising(nlp: Language, text: str) -> None:
    assert "MOBILIZE" in types_of(nlp, text)


def test_mobilising_voters_is_no_deployment(nlp: Language) -> None:
    assert "MOBILIZE" not in types_of(nlp, "The Chilean party mobilised thousands of voters.")


def test_fighters_surrendering_with_no_one_named_retreat(nlp: Language) -> None:
    assert "RETREAT" in types_of(nlp, "Hundreds of Bolivian rebels surrendered near the border on Monday.")


def test_surrendering_a_passport_is_no_retreat(nlp: Language) -> None:
    assert "RETREAT" not in types_of(nlp, "The Chilean senator surrendered his passport to the police.")


def test_armed_sides_targeting_others_attack(nlp: Language) -> None:
    assert "ASSAULT" in types_of(nlp, "Chilean artillery targeted rebel positions near the border.")


@pytest.mark.parametrize("text", [
    "The Chilean Senate passed a bill targeting Bolivian officials.",
    "Peru targeted Bolivian mining firms with sanctions.",
])
def test_measures_targeting_others_are_sanctions(nlp: Language, text: str) -> None:
    types = types_of(nlp, text)
    assert "SANCTION" in types and "ASSAULT" not in types


def test_a_campaign_targeting_an_audience_is_no_event(nlp: Language) -> None:
    assert types_of(nlp, "The Peruvian advertising campaign targeted young voters.") == []


@pytest.mark.parametrize("text", [
    "The Bolivian army carried out a strike in the north.",
    "Peru carried out a retaliatory strike near the border.",
])
def test_a_strike_by_forces_or_with_force_is_an_assault(nlp: Language, text: str) -> None:
    types = types_of(nlp, text)
    assert "ASSAULT" in types and "PROTEST" not in types


def test_striking_a_deal_is_an_agreement_not_an_attack(nlp: Language) -> None:
    types = types_of(nlp, "Chile struck a deal with Peru on fishing rights.")
    assert "AGREE" in types and "ASSAULT" not in types and "ACCUSE" not in types


def test_giving_back_to_no_one_returns_nothing(nlp: Language) -> None:
    assert types_of(nlp, "The Chilean singer said she wanted to give back.") == []
    assert "RETREAT" in types_of(nlp, "Chile gave back the seized trawlers to Peru.")


@pytest.mark.parametrize("text", [
    "Peru suspended diplomatic ties with Chile on Wednesday.",
    "Bolivia has cut relations with Chile.",
    "The Chilean government cut aid to Bolivia.",
])
def test_cutting_or_suspending_ties_with_someone_is_a_sanction_on_them(nlp: Language, text: str) -> None:
    events = events_of(nlp, text)
    sanction = next(e for e in events if e.type == "SANCTION")
    assert [m.actor.kind for m in sanction.target] == ["state"]


def test_cutting_taxes_is_no_sanction(nlp: Language) -> None:
    assert types_of(nlp, "Peru cut taxes on fuel for farmers.") == []


def test_arming_someone_is_aid_but_being_armed_with_powers_or_rifles_is_not(nlp: Language) -> None:
    assert "AID" in types_of(nlp, "Bolivia is arming the Peruvian rebels.")
    assert "AID" not in types_of(nlp, "The Chilean president, armed with sweeping new powers, met his rivals.")
    assert "AID" not in types_of(nlp, "Gunmen armed with rifles attacked a Peruvian village.")


def test_asking_for_anonymity_or_wishing_at_no_one_is_no_request(nlp: Language) -> None:
    assert types_of(nlp, "A Chilean official, who requested anonymity, said the talks had stalled.") == []
    assert "REQUEST" not in types_of(nlp, "The Peruvian singer said she wanted her family to look after her son.")
    assert "REQUEST" in types_of(nlp, "The Chilean minister wants Peru to release the fishermen.")


def test_a_verb_done_again_is_checked_as_the_verb(nlp: Language) -> None:
    assert "PROTEST" not in types_of(nlp, "Bolivian army units are regathering near the border.")
    assert "PROTEST" in types_of(nlp, "Chilean protesters regathered in the main square.")


def test_evidence_against_someone_is_an_accusation(nlp: Language) -> None:
    assert "ACCUSE" in types_of(nlp, "Chile presented evidence against Peru at the court.")
    assert types_of(nlp, "There is no evidence of fraud in the Peruvian vote.") == []


def test_an_arrest_warrant_is_coercion(nlp: Language) -> None:
    assert "COERCE" in types_of(nlp, "A court in Lima has issued arrest warrants for two Chilean men.")


@pytest.mark.parametrize(("text", "event_type"), [
    ("Bolivian rebels overran an army base near the border.", "COERCE"),
    ("The militia decimated a Peruvian village.", "ASSAULT"),
    ("Chile contributed 300 troops to the UN mission in Haiti.", "AID"),
    ("The Peruvian president lambasted Chile for its trade policy.", "ACCUSE"),
    ("Bolivia sided with Venezuela in the border dispute.", "SUPPORT"),
    ("The Bolivian rebels renounced violence.", "CONCEDE"),
    ("Chilean troops wounded two protesters near the border.", "ASSAULT"),
])
def test_verbs_from_the_petrarch2_dictionary(nlp: Language, text: str, event_type: str) -> None:
    assert event_type in types_of(nlp, text)


def test_a_petrarch2_verb_with_no_recipient_or_in_a_storm_is_no_event(nlp: Language) -> None:
    assert types_of(nlp, "Several factors contributed to the decline of the Peruvian peso.") == []
    assert types_of(nlp, "Storms ravaged the Chilean coast.") == []


def test_forces_called_up_police_and_militias_mobilise_in_their_modes(nlp: Language) -> None:
    text = "The Bolivian army called upon its reservists. Peruvian police deployed 300 officers in Lima."
    events = events_of(nlp, text)
    assert [(e.type, e.mode) for e in events] == [("MOBILIZE", "troops"), ("MOBILIZE", "police")]
    assert "MOBILIZE" in types_of(nlp, "Chile is deploying elements of its missile defence system in the north.")


def test_sense_rule_names_name_the_row_not_its_position() -> None:
    names = [r.verdict.rule for r in rules() if r.verdict is not None]  # "keep" rows give no verdict
    assert len(set(names)) == len(names)
    assert "sense:ASSAULT.strike>PROTEST/strike" in names


def test_expelling_people_deports_them_but_expelling_diplomats_is_a_sanction(nlp: Language) -> None:
    text = "Chile expelled two Peruvian journalists. Peru expelled ten Chilean diplomats."
    events = events_of(nlp, text)
    assert [(e.type, e.mode) for e in events] == [("COERCE", "deport"), ("SANCTION", "expel")]


def test_assurances_received_from_a_government_are_a_promise(nlp: Language) -> None:
    # the parser hangs "from the Chilean government" on "assurances" here
    text = "Chilean demonstrators received assurances from the Chilean government."
    events = events_of(nlp, text)
    (agree,) = [e for e in events if e.type == "AGREE"]
    assert [m.actor.sector for m in agree.source] == ["GOV"]


def test_convincing_someone_of_a_belief_is_no_request(nlp: Language) -> None:
    assert "REQUEST" not in types_of(nlp, "Peru convinced Chile that the fishing deal was fair.")
    assert "REQUEST" in types_of(nlp, "Peru persuaded Chile to withdraw its troops from the border.")


@pytest.mark.parametrize("text", [
    "Chile revoked the accreditation of two Peruvian journalists.",
    "Peru stripped the Chilean ambassador of his immunity.",
])
def test_taking_away_citizenship_or_accreditation_is_coercion(nlp: Language, text: str) -> None:
    events = events_of(nlp, text)
    (coerce,) = [e for e in events if e.type == "COERCE"]
    assert coerce.mode == "restrict" and coerce.target


def test_revoking_a_decree_or_stripping_a_town_is_no_coercion(nlp: Language) -> None:
    assert types_of(nlp, "The Chilean government revoked the decree on Monday.") == []
    assert "COERCE" not in types_of(nlp, "Peruvian soldiers stripped the town of its defences.")


def test_defeat_is_force_between_armed_sides_only(nlp: Language) -> None:
    assert "ASSAULT" in types_of(nlp, "Bolivian troops defeated the rebels near the border.")
    assert types_of(nlp, "The Chilean president defeated his rival in the election.") == []
    assert "ASSAULT" in types_of(nlp, "Bolivian troops ousted the rebels from the border town.")
    assert types_of(nlp, "The Peruvian parliament ousted the prime minister.") == []


def test_revoking_house_arrest_is_coercion_of_the_detainee(nlp: Language) -> None:
    text = "A Chilean court revoked the senator's house arrest on Monday."
    events = events_of(nlp, text)
    assert [(e.type, [m.actor.sector for m in e.target]) for e in events if e.type == "COERCE"] == [
        ("COERCE", ["LEG"])]


def test_the_writers_own_meeting_and_friendly_advice_are_no_events(nlp: Language) -> None:
    assert "CONSULT" not in types_of(nlp, "I met one man who had been detained by the Chilean police.")
    assert types_of(nlp, "One veteran Peruvian correspondent warned me to be careful.") == []
    assert "THREATEN" in types_of(nlp, "Peru warned Chile to stay out of the dispute.")


def test_an_earthquake_or_a_decision_injures_no_one_in_an_event(nlp: Language) -> None:
    assert types_of(nlp, "The earthquake injured 200 people in southern Peru.") == []
    assert types_of(nlp, "The Chilean decision injured his pride.") == []


def test_breaking_up_a_crowd_is_force_and_a_network_a_crackdown(nlp: Language) -> None:
    assert "ASSAULT" in types_of(nlp, "Riot police broke up the rally in Minsk with tear gas.")
    assert "COERCE" in types_of(nlp, "Police in Lima broke up a drug gang on Monday.")
    assert types_of(nlp, "The talks broke up without agreement, and regulators want to break up the bank.") == []


def test_suspending_an_attack_or_a_sanction_is_no_sanction_suspending_aid_is(nlp: Language) -> None:
    assert "SANCTION" not in types_of(nlp, "The Bolivian army suspended its offensive against the rebels.")
    assert types_of(nlp, "Ecuador suspended its sanctions on Peru.").count("SANCTION") == 1  # the halted act
    assert "SANCTION" in types_of(nlp, "Chile suspended aid to Peru.")


@pytest.mark.parametrize(
    ("kind", "kept", "dropped"),
    [
        ("ASSAULT", "Bolivian rebels blew up a bridge near the border.", "The Chilean president blew up at reporters."),
        ("MOBILIZE", "The Chilean army recruited 2,000 soldiers.", "The Chilean firm recruited engineers in Santiago."),
        ("MOBILIZE", "The rebels stepped up recruitment in the north.", "Peru built up its economy."),
        ("MOBILIZE", "Peru is building up its forces near the border.", "Peru built up its reserves of gold."),
        ("ASSAULT", "A man stabbed the Chilean ambassador in the back.",
         "Bolivia, he said, had stabbed Peru in the back."),
        ("ASSAULT", "The Chilean army's retaliation against the rebels killed 12 fighters.",
         "The boycott was the first diplomatic retaliation by Chile against Peru."),
        ("ASSAULT", "Peruvian troops surrounded the town of Tumbes.",
         "There is an atmosphere of hysteria surrounding the Peruvian government."),
        ("COERCE", "The Chilean regulator fined the Peruvian airline.",
         "A year ago, international markets severely punished Peru."),
        ("COOPERATE", "Chile will share intelligence with Peru.", "Chile and Peru share a long border."),
        ("THREATEN", "The Bolivian rebels pledged to resume attacks on La Paz.",
         "The Bolivian rebels pledged to halt attacks on La Paz."),
        ("CONSULT", "The Chilean president welcomed his Peruvian counterpart to Santiago.",
         "The Chilean president welcomed the decision of the court."),
        ("AID", "Chile sent relief to the Peruvian flood victims.",
         "The Peruvian governor said their release is a big relief to the state and their families."),
        ("REQUEST", "Chile sought clarification from Peru about its troop movements.",
         "The Peruvian ministry did not reply to an email requesting comment."),
        ("RETREAT", "The last Chilean soldiers left Bolivia in August.", "The Chilean minister left La Paz on Monday."),
        ("RETREAT", "Peruvian troops left the town of Tumbes.",
         "Peruvian troops stormed a hotel in Tumbes, leaving at least five people dead."),
        ("ASSAULT", "Bolivia hanged two men convicted of spying.",
         "Portraits of the Bolivian president hang in every office."),
    ],
)
def test_a_sense_check_keeps_one_reading_and_drops_the_other(nlp: Language, kind: str, kept: str, dropped: str) -> None:
    assert kind in types_of(nlp, kept)
    assert kind not in types_of(nlp, dropped)


def test_military_action_and_operations_are_force(nlp: Language) -> None:
    assert "ASSAULT" in types_of(nlp, "Chile launched a military operation against the rebels in the north.")
    assert "ASSAULT" in types_of(nlp, "Peru's military intervention in Bolivia began in May.")
    assert "ASSAULT" not in types_of(nlp, "The operation to remove his appendix went well.")


def test_ruling_out_an_act_refuses_it_ruling_out_a_cause_or_not_ruling_out_refuses_nothing(nlp: Language) -> None:
    assert types_of(nlp, "Peru ruled out sanctions against Chile.") == ["REJECT"]  # the sanctions are not asserted
    assert "REJECT" not in types_of(nlp, "Police in Lima ruled out foul play.")
    assert "REJECT" not in types_of(nlp, "Peru did not rule out talks with Chile.")


def test_halting_aid_or_talks_reduces_relations(nlp: Language) -> None:
    text = "Chile stopped arms deliveries to Peru."
    assert sorted(types_of(nlp, text)) == ["AID", "SANCTION"]  # the deliveries (negated) and their halt
    assert types_of(nlp, "Chile halted talks with Peru.").count("SANCTION") == 1
    # a halting verb that is itself a sanction says it once
    assert types_of(nlp, "Chile suspended military aid to Peru.") == ["SANCTION"]


def test_a_verbal_attack_is_criticism_a_fierce_one_is_force(nlp: Language) -> None:
    assert types_of(nlp, "The Chilean president launched a scathing attack on Peru.") == ["ACCUSE"]
    assert types_of(nlp, "Chile launched a fierce attack on Peru.") == ["ASSAULT"]


def test_moving_people_is_no_aid_moving_goods_is(nlp: Language) -> None:
    assert "AID" not in types_of(nlp, "Peru transferred forty prisoners to Chile.")
    assert "AID" in types_of(nlp, "Peru transferred forty tanks to Chile.")


def test_a_threat_faced_or_growing_is_a_danger_not_a_threat_made(nlp: Language) -> None:
    assert "THREATEN" not in types_of(nlp, "Peru is facing a growing threat from smugglers.")
    assert "THREATEN" not in types_of(nlp, "Chile will work with Bolivia to deal with Peru's missile threat.")
    assert "THREATEN" in types_of(nlp, "Peru's threat to cut gas supplies to Chile worried Santiago.")
    assert "THREATEN" not in types_of(nlp, "Chile will respond to any threats to its security.")


def test_blaming_someone_for_something_is_criticism_not_force(nlp: Language) -> None:
    types = types_of(nlp, "The Chilean president attacked the newspaper for refusing to publish his letter.")
    assert "ACCUSE" in types and "ASSAULT" not in types
    assert "CONSULT" not in types_of(nlp, "The Chilean plan met with opposition from Peru.")


def test_withdrawing_an_ambassador_cuts_ties_withdrawing_troops_retreats(nlp: Language) -> None:
    assert types_of(nlp, "Peru withdrew its ambassador from Chile.") == ["SANCTION"]
    assert types_of(nlp, "Peru withdrew its troops from Chile.") == ["RETREAT"]


def test_giving_up_on_an_idea_is_no_retreat(nlp: Language) -> None:
    assert "RETREAT" not in types_of(nlp, "The Peruvian government has given up on the idea of a referendum.")
    assert "RETREAT" in types_of(nlp, "The Peruvian rebels gave up their weapons.")


def test_sending_a_delegation_is_a_visit_and_curbing_a_power_no_restriction(nlp: Language) -> None:
    assert types_of(nlp, "Chile sent a delegation to Lima on Monday.") == ["CONSULT"]
    assert "AID" in types_of(nlp, "Chile sent forty tonnes of food to Lima.")
    assert "COERCE" not in types_of(nlp, "Chilean leaders want to curb Peru's regional ambitions.")
    assert "COERCE" in types_of(nlp, "Peru restricted the movement of Chilean journalists.")


def test_stalling_an_offensive_halts_it(nlp: Language) -> None:
    events = extract_events(nlp("Chile said it would stall its offensive."),
                            Article(id="t", text="Chile said it would stall its offensive."))
    assert [(e.type, e.status) for e in events if e.type == "ASSAULT"] == [("ASSAULT", "asserted")]  # it goes on
    assert [(e.type, e.status) for e in events if e.rule.startswith("halt:stall")] == [("CONCEDE", "planned")]


def test_armed_resistance_is_fighting_resisting_a_call_is_refusing(nlp: Language) -> None:
    assert "ASSAULT" in types_of(nlp, "Rebels in Arica are still resisting.")
    assert types_of(nlp, "The Peruvian militias resisted calls to disarm.") == ["REJECT"]


def test_visiting_a_site_meets_no_one(nlp: Language) -> None:
    assert "CONSULT" not in types_of(nlp, "Chilean inspectors visited the site in March.")
    assert "CONSULT" in types_of(nlp, "The Chilean foreign minister visited Peru in March.")


def test_a_strike_ordered_by_a_leader_is_military(nlp: Language) -> None:
    types = types_of(nlp, "The strike was ordered by the Chilean president after the ambush.")
    assert "ASSAULT" in types and "PROTEST" not in types
    union = types_of(nlp, "The dockworkers' union ordered a strike at the port of Valparaiso.")
    assert "PROTEST" in union and "ASSAULT" not in union


def test_a_warning_about_what_to_believe_is_no_threat(nlp: Language) -> None:
    assert "THREATEN" not in types_of(nlp, "Chile warned Peru not to think that the dispute was over.")
    assert "THREATEN" in types_of(nlp, "Chile warned Peru not to send troops to the border.")


def test_offering_no_specifics_is_no_offer(nlp: Language) -> None:
    assert "AGREE" not in types_of(nlp, "The Chilean ministry did not offer many specifics about the plan.")
    assert "AGREE" in types_of(nlp, "Chile offered Peru a loan of 50 million dollars.")


def test_force_its_own_side_says_it_will_not_use_is_a_concession(nlp: Language) -> None:
    text = "Protests went on in La Paz. The La Paz mayor said police would not use violence against the marchers."
    assert "CONCEDE" in types_of(nlp, text)
    text = "Bolivian President Luis Arce spoke on Monday. Bolivia will not impose tariffs on Peru, the president said."
    assert "CONCEDE" in types_of(nlp, text) and "REJECT" not in types_of(nlp, text)
    assert "CONCEDE" not in types_of(nlp, "Bolivia did not impose tariffs on Peru.")  # past: nothing promised
    assert "REJECT" in types_of(nlp, "Bolivia will not send aid to Peru, the Bolivian minister said.")  # aid refused


def test_standing_up_to_force_is_no_refusal(nlp: Language) -> None:
    assert "REJECT" not in types_of(nlp, "Chile said deterrence was needed to resist Bolivian aggression.")
    assert "ASSAULT" in types_of(nlp, "Chilean troops resisted the Bolivian offensive.")
    assert "REJECT" in types_of(nlp, "Bolivia resisted Chilean pressure to close the border.")


def test_goods_sent_by_no_one_named_are_no_trade(nlp: Language) -> None:
    assert "COOPERATE" not in types_of(nlp, "Chile imposed a 10% tariff on all products exported to Bolivia.")
    assert "COOPERATE" in types_of(nlp, "Chile exported copper to Bolivia.")


def test_a_press_release_frees_no_one(nlp: Language) -> None:
    assert "RETREAT" not in types_of(nlp, "A press release issued by the Chilean ministry praised the accord.")
    assert "RETREAT" in types_of(nlp, "The Chilean ministry released two Bolivian fishermen.")


def test_aid_rushed_to_someone_and_debt_forgiven_are_aid(nlp: Language) -> None:
    assert "AID" in types_of(nlp, "Chile rushed aid to Bolivia after the earthquake.")
    assert types_of(nlp, "Bolivian police rushed to the scene.") == []  # no object: no transfer
    assert types_of(nlp, "The Bolivian minister was rushed to a clinic in La Paz.") == []
    assert "MOBILIZE" in types_of(nlp, "Chile rushed troops to its northern border.")
    assert "AID" in types_of(nlp, "The IMF agreed to forgive Bolivia's debt.")
    assert types_of(nlp, "Bolivia has forgiven Chile for the insult.") == ["SUPPORT"]


def test_aid_approved_for_someone_goes_to_them(nlp: Language) -> None:
    text = "The World Bank approved debt relief for Bolivia."
    events = extract_events(nlp(text), Article(id="t", text=text))
    assert [(e.type, [m.actor.country for m in e.target]) for e in events] == [("AID", ["BOL"])]


def test_refusing_on_a_condition_or_saying_one_is_not_ready_is_a_refusal(nlp: Language) -> None:
    text = "The Bolivian president said he would not attend the summit in Lima if Peru did not apologise."
    assert "REJECT" in types_of(nlp, text)
    text = "Bolivian miners said they were not ready to accept the government's offer."
    assert "REJECT" in types_of(nlp, text)
    text = "Bolivia would not have attacked Chile if Chile had not provoked it, the Bolivian minister said."
    assert not {"REJECT", "CONCEDE"} & set(types_of(nlp, text))  # a counterfactual past promises nothing


def test_backing_by_troops_or_with_money_is_aid_words_of_support_are_support(nlp: Language) -> None:
    assert "AID" in types_of(nlp, "Chilean forces backing the Bolivian government attacked the rebels.")
    assert "AID" in types_of(nlp, "Chile backed the Bolivian rebels with money.")
    assert types_of(nlp, "Chile supported Bolivia's bid for a UN seat.") == ["SUPPORT"]
    assert "AID" not in types_of(nlp, "The Chilean army supports the new constitution.")


def test_a_warning_of_what_may_happen_to_no_one_is_no_threat(nlp: Language) -> None:
    assert types_of(nlp, "Chilean officials have warned the crisis could spur a new migration wave.") == []
    assert "THREATEN" in types_of(nlp, "Chile warned Bolivia against closing the border.")


def test_force_used_is_an_attack_troops_and_forces_are_not(nlp: Language) -> None:
    assert "ASSAULT" in types_of(nlp, "Bolivian police used force against the miners in Oruro.")
    assert "ASSAULT" not in types_of(nlp, "Bolivia sent a force of 300 soldiers to the border.")
    assert types_of(nlp, "The new Bolivian mining law came into force on Monday.") == []
    assert types_of(nlp, "Chile said the use of force was never justified.") == []
    assert "ASSAULT" not in types_of(nlp, "Smugglers must be dealt with using the full force of the law.")


def test_force_promised_on_a_condition_is_a_threat(nlp: Language) -> None:
    text = "Bolivia will use military force if Paraguay closes the river."
    threats = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "THREATEN"]
    assert [([m.actor.country for m in e.source], [m.actor.country for m in e.target]) for e in threats] == [
        (["BOL"], ["PRY"])]  # "military force" is the act's own words, not a side


def test_charges_a_conviction_is_on_are_its_topic_counted_or_not(nlp: Language) -> None:
    for text in ("Juan Rojas, a Bolivian minister, was convicted on five of the 11 charges against him.",
                 "Juan Rojas, a Bolivian minister, was convicted on the charges against him."):
        assert types_of(nlp, text) == ["SANCTION"], text


def test_a_sum_given_with_no_recipient_named_is_aid_with_its_money(nlp: Language) -> None:
    text = "Colombia donated $3 million, officials said."
    events = [e for e in events_of(nlp, text) if e.type == "AID"]
    assert len(events) == 1 and [m.actor.country for m in events[0].source] == ["COL"]
    assert [(i.category, i.quantity) for i in events[0].items] == [("financial", "$3 million")]


@pytest.mark.parametrize(("text", "mobilised"), [
    ("Chile moved 400 soldiers to the Peruvian border.", True),  # forces as the object
    ("The Bolivian army moved into the Chapare region on Monday.", True),  # an armed body as the subject
    ("Peruvian rebels moved toward the capital.", True),
    ("Chile moved its embassy to Lima.", False),  # something else moved
    ("The negotiations moved to Quito.", False),
    ("The rebel commander Ramos moved to a village near the border.", False),  # one person's move
    ("The Chilean army moved quickly to retake the port.", False),  # "moved to V": no place reached
])
def test_only_forces_moved_to_a_place_are_a_deployment(nlp: Language, text: str, mobilised: bool) -> None:
    assert ("MOBILIZE" in types_of(nlp, text)) is mobilised


@pytest.mark.parametrize(("text", "lifted"), [
    ("Chile lifted its ban on Bolivian imports.", True),
    ("Peru did not lift a finger to help the Chilean fishermen.", False),  # an idiom, no restriction
    ("The Bolivian decision raised eyebrows in Lima.", False),
])
def test_only_restrictions_are_lifted(nlp: Language, text: str, lifted: bool) -> None:
    assert bool({"CONCEDE", "RETREAT"} & set(types_of(nlp, text))) is lifted


def test_a_green_light_given_is_no_aid(nlp: Language) -> None:
    assert "AID" not in types_of(nlp, "Chile's silence provided a green light to the Peruvian junta.")
    assert "AID" in types_of(nlp, "Chile provided rifles to the Peruvian junta.")


def test_buying_time_is_no_purchase(nlp: Language) -> None:
    assert "COOPERATE" not in types_of(nlp, "Chile tried to buy time from the Peruvian negotiators.")
    assert "COOPERATE" in types_of(nlp, "Chile bought 12 fighter jets from France.")


@pytest.mark.parametrize(("text", "protest"), [
    ("Hundreds of Peruvian students gathered outside the ministry.", True),
    ("Protesters gathered in the main square of La Paz.", True),
    ("A handful of Peruvian protesters attempted to gather at the square.", True),  # a count of protesters
    ("Thousands more Chileans gathered on Friday in protest in Valparaiso.", True),
    ("Thousands of Chileans gathered at the community centre in Lima to mourn the singer.", False),
    ("Bolivian opposition groups will gather in Lima for three days of talks.", False),
])
def test_only_a_gathering_of_protest_is_a_demonstration(nlp: Language, text: str, protest: bool) -> None:
    assert ("PROTEST" in types_of(nlp, text)) is protest


def test_territory_handed_over_is_given_up_not_aid(nlp: Language) -> None:
    types = types_of(nlp, "The Chilean town was handed over to Peruvian forces as part of a deal.")
    assert "RETREAT" in types and "AID" not in types
    assert "AID" in types_of(nlp, "Chile handed over 20 rifles to the Peruvian army.")


def test_accounts_released_are_published_not_freed(nlp: Language) -> None:
    text = "Chile and Peru have released opposing accounts of a phone call between their presidents."
    assert "RETREAT" not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "type_"), [
    ("Bolivian strikes killed ten people in Tarija.", "ASSAULT"),  # a state's strikes
    ("The strikes hit a hospital in Cochabamba.", "ASSAULT"),  # strikes that harm
    ("The strike by Peruvian miners paralysed the port.", "PROTEST"),
    ("Chilean teachers' strikes continued.", "PROTEST"),
])
def test_a_strike_is_military_when_a_state_makes_it_or_it_harms(nlp: Language, text: str, type_: str) -> None:
    strikes = [e for e in events_of(nlp, text) if e.trigger.text.startswith("strike")]
    assert [e.type for e in strikes] == [type_]
    assert all(not any(m.text == e.trigger.text for m in e.source) for e in strikes)  # no crowd of strikers


def test_refusing_to_deny_is_no_refusal(nlp: Language) -> None:
    text = "The Bolivian rebel leader refused to deny that his men were planning to merge."
    assert "REJECT" not in types_of(nlp, text)


@pytest.mark.parametrize(("text", "type_"), [
    ("Chile handed over the prisoners to Peru.", "RETREAT"),  # captives given back: released
    ("Chile handed over 20 rifles to the Peruvian army.", "AID"),
])
def test_what_is_handed_over_decides_the_type(nlp: Language, text: str, type_: str) -> None:
    assert types_of(nlp, text) == [type_]


def test_a_kins_possessor_is_not_the_kin(nlp: Language) -> None:
    events = events_of(nlp, "Peru's president said his son was arrested by Chilean police.")
    # not "his" (the president): the son, a person of his own, of his father's country
    assert [(m.text, m.actor.country) for e in events if e.type == "COERCE" for m in e.target] == [("his son", "PER")]


def test_an_interview_with_the_press_is_no_consultation(nlp: Language) -> None:
    text = ("In a phone conversation with the Guardian from his post in Lima, the Peruvian commander "
            "described the region.")
    assert "CONSULT" not in types_of(nlp, text)
    assert "CONSULT" in types_of(nlp, "The Chilean minister met his Peruvian counterpart in Lima.")


def test_ending_ones_own_support_is_a_sanction_by_whoever_ends_it(nlp: Language) -> None:
    ended = [e for e in events_of(nlp, "Bolivia has ended support for the Peruvian rebels.") if e.type == "SANCTION"]
    assert [(e.mode, [m.actor.country for m in e.source]) for e in ended] == [("withdraw", ["BOL"])]
    # others' acts: police ending a protest do not protest; dropped charges are not dropped by the accused
    assert not any(e.type == "PROTEST" for e in events_of(nlp, "Police ended the protest in Lima."))
    assert not any(e.source for e in events_of(nlp, "I hope his charge will be dropped."))


def test_removing_troops_and_the_exit_of_troops_are_withdrawals(nlp: Language) -> None:
    removed = events_of(nlp, "If Chile does remove its troops from Bolivia, its allies will be exposed.")
    assert [(e.type, e.status) for e in removed] == [("RETREAT", "hypothetical")]
    exit_ = events_of(nlp, "The general was told to arrange a rapid exit of the Chilean troops from Bolivia.")
    assert [(e.type, [m.actor.country for m in e.source]) for e in exit_] == [("RETREAT", ["CHL"])]
    assert events_of(nlp, "The Chilean army removed the rubble from the road.") == []  # no forces removed
    assert events_of(nlp, "Chilean refugees streamed towards the last remaining exit in the city.") == []  # a way out


def test_attending_a_meeting_is_consultation_and_refusing_to_is_a_rejection(nlp: Language) -> None:
    assert [(e.type, e.status) for e in events_of(nlp, "The Bolivian president attended the summit in Lima.")] == [
        ("CONSULT", "asserted")]
    assert "REJECT" in types_of(nlp, "Bolivia will not attend the talks in Lima.")
    assert types_of(nlp, "The Bolivian minister attended a news conference in Lima.") == []  # the press is no party
    assert types_of(nlp, "The Bolivian minister attended the funeral in Lima.") == []


def test_seizing_a_chance_is_no_seizure_and_a_counterattack_is_an_assault(nlp: Language) -> None:
    assert types_of(nlp, "Seizing a chance to legitimise his rule, the Chilean president declared victory.") == []
    assert types_of(nlp, "Peruvian forces seized the port of Arica.") == ["COERCE"]
    assert types_of(nlp, "Peru launched a counterattack on Chilean positions.") == ["ASSAULT"]


def test_hosting_refugees_or_a_base_is_no_visit_and_reversing_a_trend_no_concession(nlp: Language) -> None:
    assert types_of(nlp, "Chile hosts 3.5 million Peruvian refugees.") == []
    assert types_of(nlp, "Chile hosts a US air base near the border.") == []
    assert types_of(nlp, "Chile hosted the Peruvian president in Santiago.") == ["CONSULT"]
    assert types_of(nlp, "Chile should reverse the attitudes towards refugees fostered in the ministry.") == []
    assert "CONCEDE" in types_of(nlp, "The Chilean government reversed its decision to close the border.")


def test_dropping_ones_own_probe_is_a_concession(nlp: Language) -> None:
    events = events_of(nlp, "Peru dropped its investigation into the Chilean firm.")
    assert sorted(e.type for e in events) == ["ACCUSE", "CONCEDE"]
    assert all([m.actor.country for m in e.source] == ["PER"] for e in events)


def test_whoever_brands_or_dismisses_an_act_judges_it_and_does_not_do_it(nlp: Language) -> None:
    events = events_of(nlp, "Peru branded the Chilean raid a provocation.")
    assert [(e.type, countries(e.source), countries(e.target)) for e in events if e.trigger.text == "branded"] == [
        ("ACCUSE", ["PER"], ["CHL"])]
    assert all(countries(e.source) == ["CHL"] for e in events if e.trigger.text == "raid")
    assert "ACCUSE" in types_of(nlp, "Peru dismissed the Chilean report as propaganda.")
    assert types_of(nlp, "Peru dismissed the minister.") == []  # removed from office, no refusal


def test_convictions_held_are_beliefs_and_commitment_to_a_state_is_support(nlp: Language) -> None:
    assert types_of(nlp, "The Peruvian volunteer joined because of her socialist convictions.") == []
    assert "SANCTION" in types_of(nlp, "The Peruvian general's convictions were overturned by the court.")
    assert types_of(nlp, "Chile reaffirmed its commitment to Peru.") == ["SUPPORT"]
    text = "The two presidents reaffirmed their commitment to a global effort to fight climate change."
    assert "SUPPORT" not in types_of(nlp, text)  # a commitment to an act stays an agreement


def test_contributing_to_a_misery_is_a_cause_contributing_troops_or_to_an_effort_is_aid(nlp: Language) -> None:
    assert types_of(nlp, "Chile, too, has contributed to Peru's bottomless misery.") == []
    assert types_of(nlp, "Chile contributed 300 troops to the UN mission in Haiti.") == ["AID"]
    assert "AID" in types_of(nlp, "Chile would contribute to Peru's economic stabilisation efforts.")


def test_arms_sent_to_an_unnamed_group_are_a_transfer_not_a_deployment(nlp: Language) -> None:
    assert types_of(nlp, "Chile is delivering missiles and rockets to the group via a land route.") == ["AID"]
    assert types_of(nlp, "Chile sent troops to the border.") == ["MOBILIZE"]


def test_an_act_described_by_a_copula_is_reported_when_its_doer_owns_it(nlp: Language) -> None:
    assert types_of(nlp, "Chile's attack on the Peruvian port was a turning point in the war.") == ["ASSAULT"]
    # its undergoer or no one named as owner: a comment on an act reported elsewhere
    assert types_of(nlp, "Lopez's arrest was not a reflection of press freedom in Peru.") == []
    assert types_of(nlp, "The kidnapping is the fourth such incident this year.") == []


@pytest.mark.parametrize("text", [
    "The rebels threatened to break their ceasefire with Chile.",
    "Chile accused the rebels of violating the truce.",
    "The truce between Peru and the rebels collapsed on Monday.",
])
def test_a_truce_broken_is_no_concession(nlp: Language, text: str) -> None:
    assert not [e for e in events_of(nlp, text) if e.trigger.text in ("ceasefire", "truce")]


def test_a_truce_agreed_is_one(nlp: Language) -> None:
    assert "CONCEDE" in types_of(nlp, "The rebels agreed to a ceasefire with Chile.")


def test_seeking_care_or_refuge_asks_no_one(nlp: Language) -> None:
    assert types_of(nlp, "Thousands of Bolivians have sought refuge in Chilean hospitals.") == []
    assert types_of(nlp, "Officials said patients in Peru should seek treatment early.") == []


def test_aid_bodies_named_first_give_nothing(nlp: Language) -> None:
    assert "AID" not in types_of(nlp, "Aid agencies and activists say hospitals in Peru have been shelled.")
    assert "AID" in types_of(nlp, "Chile aided the rebel groups in Peru.")


@pytest.mark.parametrize("text", [
    "The Peruvian army observed the truce.",
    "The rebels will respect the ceasefire with Chile.",
])
def test_a_truce_kept_is_carried_out_by_who_keeps_it(nlp: Language, text: str) -> None:
    (kept,) = [e for e in events_of(nlp, text) if e.trigger.text in ("truce", "ceasefire")]
    assert (kept.type, kept.mode) == ("RETREAT", "ceasefire") and kept.source
    assert not kept.attribution  # keeping a truce is a deed, not words: "observed" reports nothing here


def test_a_concession_cited_with_as_is_a_remark(nlp: Language) -> None:
    assert types_of(nlp, "As the Bolivian president conceded last year, the reform had failed.") == []
    assert "CONCEDE" in types_of(nlp, "The Chilean minister conceded defeat to Peru.")


@pytest.mark.parametrize("text", [
    "Chile killed off the peace plan.",
    "Peru killed the deal with Chile.",
    "The veto killed any political challenge to the Chilean president.",
])
def test_killing_a_plan_or_a_prospect_is_no_killing(nlp: Language, text: str) -> None:
    assert "ASSAULT" not in types_of(nlp, text)


def test_a_named_doers_act_is_particular_however_a_gerund_is_parsed(nlp: Language) -> None:
    text = "Families escaping the shelling – Bolivia’s offensive near Oruro is the worst in years."
    assert "ASSAULT" in types_of(nlp, text)
    assert types_of(nlp, "Holding talks with juntas rarely helps, the Chilean analyst said.") == []


@pytest.mark.parametrize(("text", "absent"), [
    ("Years of Bolivian neglect have invited criticism from abroad.", "AGREE"),
    ("Brazil now accepts that the embargo has hurt its own farmers.", "AGREE"),
    ("Juan Perez, a Chilean press officer, was killed when the base in which he was stationed was shelled.",
     "MOBILIZE"),
])
def test_bringing_on_granting_a_point_and_serving_somewhere_are_no_events(nlp: Language, text: str,
                                                                          absent: str) -> None:
    assert absent not in types_of(nlp, text)


def test_inviting_someone_and_accepting_a_plan_stay_agreements(nlp: Language) -> None:
    assert "AGREE" in types_of(nlp, "Chile invited Peru to the talks.")
    assert "AGREE" in types_of(nlp, "Chile accepted the peace plan.")


def test_people_named_by_their_nationality_travelling_make_no_visit(nlp: Language) -> None:
    assert "CONSULT" not in types_of(nlp, "Thousands of Peruvians travelled to Chile last year.")
    assert "CONSULT" not in types_of(nlp, "The Bolivian photographer went to Peru in 2012.")
    assert "CONSULT" in types_of(nlp, "The Bolivian trade minister went to Peru in 2012.")


def test_leaving_an_intergovernmental_organisation_is_sanction_withdraw(nlp: Language) -> None:
    text = "Paraguay withdrew from the Organization of American States in 2012."
    (event,) = [e for e in extract_events(nlp(text), Article(id="t", text=text))]
    assert (event.type, event.mode) == ("SANCTION", "withdraw")
    text = "Paraguay withdrew its soldiers from the UN mission in Haiti."
    (event,) = [e for e in extract_events(nlp(text), Article(id="t", text=text))]
    assert event.type == "RETREAT"  # troops leaving a mission: a military withdrawal


@pytest.mark.parametrize("text", [
    "Ecuador left the Organization of American States in 2019.",
    "The Uruguayan president threatened to quit the Organization of American States.",
])
def test_an_intergovernmental_body_left_as_the_object_is_the_target(nlp: Language, text: str) -> None:
    (event,) = [e for e in extract_events(nlp(text), Article(id="t", text=text)) if e.type == "SANCTION"]
    assert event.mode == "withdraw" and [m.actor.name for m in event.target] == ["Organization of American States"]


@pytest.mark.parametrize("text", [
    "The Ecuadorian activist was leaving the United Nations when police stopped him.",
    "The Ecuadorian minister left the United Nations building at noon.",
])
def test_a_person_leaving_the_bodys_premises_leaves_no_organisation(nlp: Language, text: str) -> None:
    assert "SANCTION" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Uruguayan sailors patrol the estuary because of the Argentine threat on their coast.",
    "There has been no serious threat to the Ecuadorian president's rule.",
])
def test_a_danger_no_one_is_making_is_no_threat(nlp: Language, text: str) -> None:
    assert "THREATEN" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Repeated threats against Peruvian fishermen alarmed Lima.",
    "The Uruguayan embassy received threats last month.",
    "Argentina issued a threat against Uruguay.",
    "The Peruvian president made good on his promise to invade the disputed valley.",
])
def test_threats_made_against_someone_or_received_stay(nlp: Language, text: str) -> None:
    assert "THREATEN" in types_of(nlp, text)


def test_a_deployment_announced_for_no_one_is_no_threat(nlp: Language) -> None:
    assert "THREATEN" not in types_of(nlp, "Ecuador said it would send 2,000 police to help the flood victims.")
    text = "The Bolivian government said it would send 500 police to guard the flooded towns."
    assert "THREATEN" not in types_of(nlp, text)
    assert "THREATEN" in types_of(nlp, "Ecuador said it would send troops against Peru if the raids continued.")


def test_permission_granted_is_approval_not_aid(nlp: Language) -> None:
    types = types_of(nlp, "Paraguay granted Bolivia approval to build a gas pipeline across the Chaco.")
    assert "SUPPORT" in types and "AID" not in types
    assert "AID" in types_of(nlp, "Argentina granted Uruguay a loan of $50 million.")


def test_a_newsrooms_inquiry_is_no_investigation(nlp: Language) -> None:
    text = "The minister did not answer an AFP inquiry about the Argentine embassy."
    assert "ACCUSE" not in types_of(nlp, text)
    assert "ACCUSE" in types_of(nlp, "Uruguay opened an inquiry into the Argentine raid.")


@pytest.mark.parametrize("text", [
    "Ecuador called in the army after three days of looting in Guayaquil.",
    "Thousands of Paraguayan police were called in to contain the riots in Asuncion.",
])
def test_forces_called_in_are_mobilised(nlp: Language, text: str) -> None:
    assert "MOBILIZE" in types_of(nlp, text)


def test_what_else_is_called_in_is_no_deployment(nlp: Language) -> None:
    assert types_of(nlp, "The Uruguayan bank called in the loan last week.") == []


def test_police_called_in_to_contain_riots_are_not_the_rioters(nlp: Language) -> None:
    events = events_of(nlp, "Thousands of Paraguayan police were called in to control the riots in Asuncion.")
    assert not [e for e in events if e.type == "PROTEST" and any(m.actor.sector == "COP" for m in e.source)]


def test_troops_sent_to_a_border_are_deployed_not_given_to_the_neighbour(nlp: Language) -> None:
    events = events_of(nlp, "Argentina sent 800 soldiers to the Chilean border.")
    assert [e.type for e in events] == ["MOBILIZE"]
    assert not events[0].target


@pytest.mark.parametrize("text", [
    "Bolivia will increase the number of troops along its border with Paraguay.",
    "Chile has doubled its naval presence off the coast of Antofagasta.",
    "Peru bolstered its forces in the Amazon region.",
])
def test_forces_increased_are_a_build_up(nlp: Language, text: str) -> None:
    assert "MOBILIZE" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Bolivia will increase its spending on schools.",
    "Chile has doubled its foreign exchange reserves since 2020.",
    "The Peruvian firm expanded its presence in Brazil.",
])
def test_other_things_increased_are_no_build_up(nlp: Language, text: str) -> None:
    assert "MOBILIZE" not in types_of(nlp, text)


def test_an_act_increased_is_still_the_act(nlp: Language) -> None:
    assert "ASSAULT" in types_of(nlp, "Paraguayan rebels have increased their attacks on the army in recent weeks.")


@pytest.mark.parametrize("text", [
    "Paraguay and Bolivia resumed diplomatic relations after a three-year break.",
    "Ecuador and Chile will re-establish diplomatic ties next month.",
])
def test_relations_resumed_or_established_are_diplomatic_cooperation(nlp: Language, text: str) -> None:
    assert "SUPPORT" in types_of(nlp, text)


def test_what_else_is_resumed_or_established_keeps_its_own_reading(nlp: Language) -> None:
    assert types_of(nlp, "Paraguay established a new ministry of water.") == []
    assert types_of(nlp, "Ecuador resumed negotiations with Peru on Monday.") == ["CONSULT"]
    assert "COOPERATE" in types_of(nlp, "Uruguay and Paraguay established a joint venture to build the bridge.")


def test_joint_training_is_military_cooperation(nlp: Language) -> None:
    assert "COOPERATE" in types_of(nlp, "Paraguayan and Brazilian marines began joint training near the river.")


def test_a_strike_called_is_held_by_who_calls_it(nlp: Language) -> None:
    events = events_of(nlp, "The Paraguayan teachers' union called a general strike for Thursday.")
    assert [(e.type, e.status) for e in events] == [("PROTEST", "asserted")]
    assert "REQUEST" in types_of(nlp, "The Paraguayan union called for a general strike.")
    assert types_of(nlp, "Paraguayan rebels called a unilateral truce.") == ["CONCEDE"]


def test_a_work_stoppage_is_a_strike_and_its_purpose_its_strikers(nlp: Language) -> None:
    events = events_of(nlp, "Dockworkers in Uruguay began a work stoppage on Monday to protest new port fees.")
    assert {e.type for e in events} == {"PROTEST"}
    assert all(countries(e.source) == ["URY"] for e in events) and len(events) == 2
    assert types_of(nlp, "The stoppage of payments to Paraguay worried the bank.") == []


@pytest.mark.parametrize("text", [
    "Uruguay imposed a series of sanctions on Paraguay.",
    "Uruguay imposed steep tariff hikes on Paraguayan beef.",
])
def test_a_series_of_sanctions_or_tariff_hikes_are_imposed_by_their_imposer(nlp: Language, text: str) -> None:
    events = events_of(nlp, text)
    assert [(e.type, countries(e.source), countries(e.target)) for e in events] == [("SANCTION", ["URY"], ["PRY"])]


def test_who_will_not_tolerate_an_act_is_not_its_doer(nlp: Language) -> None:
    events = events_of(nlp, "Uruguay said it would not tolerate any Argentine incursion.")
    assert [(e.type, countries(e.source)) for e in events if e.type == "ASSAULT"] == [("ASSAULT", ["ARG"])]


def test_a_private_persons_donation_is_no_aid(nlp: Language) -> None:
    assert types_of(nlp, "Uruguayan painter Ana Pérez said she wanted to donate her sketches to Paraguay.") == []
    assert types_of(nlp, "Ana Pérez, a Uruguayan historian, donated her archive to Paraguay.") == []
    assert "AID" in types_of(nlp, "The Uruguayan president donated ten ambulances to Paraguay.")


@pytest.mark.parametrize("text", [
    "The Paraguayan novelist criticised Uruguay.",
    "Paraguayan dockers went on strike.",
    "A Paraguayan billionaire praised Uruguay.",
])
def test_a_nationality_before_a_private_persons_noun_is_no_state(nlp: Language, text: str) -> None:
    events = events_of(nlp, text)
    assert events and all(m.actor.kind != "state" for e in events for m in e.source)
    assert all(countries(e.source) == ["PRY"] for e in events)


@pytest.mark.parametrize(("text", "status"), [
    ("Uruguay agreed to halt construction of the bridge across the disputed river.", "planned"),
    ("Iran will freeze uranium enrichment for a year, its foreign minister said.", "planned"),
    ("Paraguay stopped the expansion of its border settlements last spring.", "asserted"),
])
def test_halting_ones_own_contested_work_is_a_concession(nlp: Language, text: str, status: str) -> None:
    (concede,) = [e for e in events_of(nlp, text) if e.type == "CONCEDE"]
    assert concede.status == status and concede.source
    assert "SANCTION" not in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "Police stopped the truck at the Bolivian border.",
    "The ferry service halted because of the storm.",
])
def test_halting_anything_else_is_no_concession(nlp: Language, text: str) -> None:
    assert "CONCEDE" not in types_of(nlp, text)


def test_an_act_halted_is_still_read_by_the_halt_rule(nlp: Language) -> None:
    events = events_of(nlp, "Ecuador halted its offensive near the Peruvian border.")
    assert [e.type for e in events if e.rule.startswith("halt:")] == ["RETREAT"]
    assert "CONCEDE" not in [e.type for e in events]


@pytest.mark.parametrize(("text", "kind"), [
    ("Ecuador and Bolivia signed an agreement on military cooperation.", "COOPERATE"),
    ("The defence ministers of Ecuador and Bolivia signed a memorandum regarding joint naval exercises.", "COOPERATE"),
    ("Ecuador and Bolivia reached a deal on the release of the detained fishermen.", "RETREAT"),
])
def test_what_an_accord_is_about_is_its_parties_act_still_to_come(nlp: Language, text: str, kind: str) -> None:
    (act,) = [e for e in events_of(nlp, text) if e.type == kind]
    assert act.status == "planned"
    assert countries(act.source) == ["BOL", "ECU"]


def test_an_accord_denied_leaves_its_subject_denied_and_talk_about_an_act_is_no_act(nlp: Language) -> None:
    text = "Bolivia denied there had been any deal concerning the release of the fishermen."
    assert [e.status for e in events_of(nlp, text) if e.type == "RETREAT"] in ([], ["negated"])
    assert "COOPERATE" not in types_of(nlp, "The Ecuadorian minister spoke about military cooperation.")


def test_journalists_questions_are_no_investigation(nlp: Language) -> None:
    assert "ACCUSE" not in types_of(nlp, "The Uruguayan ministry answered media inquiries about the Paraguayan envoy.")
    assert "ACCUSE" in types_of(nlp, "Uruguay opened an inquiry into the Paraguayan envoy's dealings.")


def test_an_act_granted_is_no_aid(nlp: Language) -> None:
    assert "AID" not in types_of(nlp, "Uruguay granted Paraguay a request for talks.")
    assert "AID" in types_of(nlp, "Uruguay granted Paraguay a loan of $50 million.")


@pytest.mark.parametrize("text", [
    "The Ecuadorian president signed the death warrant of the border treaty.",
    "An Ecuadorian judge signed a warrant for the Bolivian colonel.",
])
def test_signing_a_warrant_is_no_agreement(nlp: Language, text: str) -> None:
    assert "SUPPORT" not in types_of(nlp, text)


def test_crushing_is_force_between_armed_sides_only(nlp: Language) -> None:
    assert "ASSAULT" in types_of(nlp, "Guatemalan soldiers crushed the uprising in the highlands.")
    assert types_of(nlp, "The Honduran president crushed his rival in the election.") == []
    assert types_of(nlp, "Honduras will be crushed between the anvil of Guatemala and the hammer of Mexico.") == []
    assert types_of(nlp, "It is a war that has crushed Honduras's old and frail.") == []


def test_calling_out_is_criticism_unless_forces_are_called_out(nlp: Language) -> None:
    assert "ACCUSE" in types_of(nlp, "The Honduran senator called out Guatemala for its silence.")
    called_forces = types_of(nlp, "The Honduran president called out the army after the riots.")
    assert "ACCUSE" not in called_forces and "MOBILIZE" in called_forces
    assert types_of(nlp, "The Honduran minister would call out of the blue, his aide said.") == []


@pytest.mark.parametrize("text", [
    "The Guatemalan foreign ministry branded the Honduran envoy a liar.",
    "A Guatemalan senator faulted Honduras for the delays at the border.",
])
def test_branding_and_faulting_are_accusations(nlp: Language, text: str) -> None:
    assert "ACCUSE" in types_of(nlp, text)


def test_a_rebranding_is_no_branding(nlp: Language) -> None:
    assert types_of(nlp, "Guatemala rebranded itself as a destination for investors.") == []


def test_prosecuting_a_war_is_waging_it_not_a_trial(nlp: Language) -> None:
    assert types_of(nlp, "The Guatemalan army prosecuted the war in the highlands for a decade.") == ["ASSAULT"]
    assert types_of(nlp, "Guatemala will prosecute the two smugglers.") == ["ACCUSE"]


def test_withdrawing_a_demand_is_a_concession_and_an_offer_withdrawn_no_retreat(nlp: Language) -> None:
    assert types_of(nlp, "Honduras withdrew its objection to Guatemala's membership.") == ["CONCEDE"]
    assert types_of(nlp, "The Honduran president withdrew her invitation to the Guatemalan leader.") == []
    assert types_of(nlp, "Honduras withdrew its troops from the border.") == ["RETREAT"]


def test_a_participle_describing_a_noun_is_no_commitment(nlp: Language) -> None:
    text = ("Honduran troops shelled villages in the north on Monday. We must not betray the Miskito, a people "
            "committed to peace and democracy.")
    assert types_of(nlp, text) == ["ASSAULT"]
    assert types_of(nlp, "Guatemala committed 200 troops to the mission.") == ["AGREE"]


def test_weapons_fired_at_someone_are_an_attack_by_whose_weapons_they_are(nlp: Language) -> None:
    (event,) = events_of(nlp, "Venezuelan missiles were fired at Bogota overnight.")
    assert (event.type, countries(event.source), countries(event.target)) == ("ASSAULT", ["VEN"], ["COL"])
    (event,) = events_of(nlp, "Guatemalan rebels fired rockets into Honduras on Monday.")
    assert (event.type, countries(event.source), countries(event.target)) == ("ASSAULT", ["GTM"], ["HND"])
    assert types_of(nlp, "Venezuela fired a ballistic missile into the sea.") == ["MOBILIZE"]


def test_leaving_something_in_a_state_is_no_departure(nlp: Language) -> None:
    text = "Honduran troops withdrew from the valley, leaving the rebel commander in power."
    assert [e.trigger.text for e in events_of(nlp, text) if e.type == "RETREAT"] == ["withdrew"]
    assert [e.trigger.text for e in events_of(nlp, "Honduran troops will leave Guatemala in May.")] == ["leave"]


def test_pressure_from_circumstances_is_no_demand(nlp: Language) -> None:
    text = "The Honduran opposition reorganised its team, pressured by the fact that it is weaker."
    assert "REQUEST" not in types_of(nlp, text)
    assert "REQUEST" in types_of(nlp, "The Honduran opposition was pressured by Guatemala to withdraw.")


def test_standing_down_is_a_resignation_or_forces_standing_down(nlp: Language) -> None:
    (event,) = events_of(nlp, "The Honduran prime minister stood down on Tuesday.")
    assert (event.type, event.mode) == ("RETREAT", "resign")
    (event,) = events_of(nlp, "Honduran troops stood down after the ceasefire.")
    assert (event.type, event.mode) == ("RETREAT", None)


@pytest.mark.parametrize("text", [
    "Guatemala has not struck a rapprochement with Honduras.",
    "The Guatemalan president struck a conciliatory tone towards Honduras.",
])
def test_striking_a_tone_or_a_rapprochement_is_no_attack(nlp: Language, text: str) -> None:
    assert "ASSAULT" not in types_of(nlp, text)


def test_dismissing_people_from_their_posts_is_no_rejection(nlp: Language) -> None:
    assert "REJECT" not in types_of(nlp, "The judges who ruled against the decree were dismissed by Chile on Monday.")
    assert "REJECT" not in types_of(nlp, "The Chilean president dismissed her after the scandal.")
    assert "REJECT" in types_of(nlp, "Chile dismissed the allegations made by Bolivia.")


def test_hacking_attacks_are_cyber_coercion_not_violence(nlp: Language) -> None:
    events = events_of(nlp, "Ukrainian hackers attacked the Belarusian railway.")
    assert [(e.type, e.mode) for e in events] == [("COERCE", "cyber")]
    events = events_of(nlp, "Unknown attackers targeted the Moldovan government's websites on Tuesday.")
    assert [(e.type, e.mode) for e in events] == [("COERCE", "cyber")]
    assert "ASSAULT" in types_of(nlp, "Ukrainian drones attacked the Belarusian railway.")


def test_wiping_out_or_eradicating_a_force_is_an_attack_but_not_poverty(nlp: Language) -> None:
    assert "ASSAULT" in types_of(nlp, "Guerrillas wiped out a Colombian army patrol near the border.")
    assert "ASSAULT" in types_of(nlp, "The Colombian army vowed to eradicate the guerrillas in the jungle.")
    assert "ASSAULT" not in types_of(nlp, "The Colombian government eradicated coca crops in the south.")
    assert "ASSAULT" not in types_of(nlp, "The drought wiped out the Colombian harvest.")


def test_a_danger_from_no_actor_is_no_threat_and_sales_to_customers_no_aid(nlp: Language) -> None:
    assert "THREATEN" not in types_of(nlp, "The Peruvian fishing industry is threatened by rising sea temperatures.")
    assert "THREATEN" in types_of(nlp, "The Peruvian mayor was threatened by Chilean smugglers.")
    assert "AID" not in types_of(nlp, "Bolivia sold gas to two million Brazilian customers last year.")
    assert "AID" in types_of(nlp, "Bolivia sold rifles to the Brazilian army last year.")


def test_expressing_gratitude_to_a_state_is_support(nlp: Language) -> None:
    events = events_of(nlp, "Uruguay expressed its gratitude to Paraguay for the emergency loan.")
    assert [(e.type, countries(e.source), countries(e.target)) for e in events] == [("SUPPORT", ["URY"], ["PRY"])]


def test_an_armed_group_dissolving_itself_retreats_a_parliament_dissolved_does_not(nlp: Language) -> None:
    assert "RETREAT" in types_of(nlp, "The Kurdish militia dissolved itself after the peace deal.")
    assert "RETREAT" not in types_of(nlp, "The Peruvian president dissolved the congress.")
    assert "RETREAT" not in types_of(nlp, "The Peruvian opposition party dissolved itself.")
    assert "RETREAT" not in types_of(nlp, "Two Peruvian militias were dissolved by the government.")


def test_a_person_giving_up_a_habit_yields_nothing(nlp: Language) -> None:
    assert "RETREAT" not in types_of(nlp, "The Chilean envoy Mario Rojas had given up smoking before the talks.")
    assert "RETREAT" in types_of(nlp, "The Peruvian rebels gave up their weapons.")


def test_a_vow_of_a_benign_act_is_a_promise_not_a_threat(nlp: Language) -> None:
    assert [e.type for e in events_of(nlp, "The Bolivian government vowed to rebuild the flooded towns.")] == ["AGREE"]
    assert "THREATEN" in types_of(nlp, "The Bolivian rebels vowed to retaliate against the army.")


def test_only_an_envoy_summoned_is_a_protest(nlp: Language) -> None:
    assert "ACCUSE" in types_of(nlp, "Chile summoned the Peruvian ambassador over the border incident.")
    assert "ACCUSE" in types_of(nlp, "Peru summoned Chile's chargé d'affaires.")
    assert "ACCUSE" not in types_of(nlp, "Villagers in Tacna were summoned by Peruvian soldiers to watch the trial.")


def test_an_assault_a_town_was_spared_did_not_happen(nlp: Language) -> None:
    (event,) = events_of(nlp, "Tacna was spared a bombardment by the Chilean navy.")
    assert event.type == "ASSAULT" and event.status == "negated"


@pytest.mark.parametrize("text", [
    "Chile and Peru signed a border treaty in Lima.",
    "Chile and Peru signed a joint decree on fishing rights.",  # signed together
    "Chile has ratified the trade pact, which Chile signed in 2005.",  # the pact, through "which"
])
def test_an_agreement_signed_is_an_agreement(nlp: Language, text: str) -> None:
    assert "SUPPORT" in types_of(nlp, text)


@pytest.mark.parametrize("text", [
    "The Chilean president signed the pension bill on Tuesday.",
    "The Chilean president did not sign the letter.",
    "The Chilean president signed an executive order closing the border crossing.",
])
def test_a_bill_letter_or_order_signed_alone_is_no_agreement(nlp: Language, text: str) -> None:
    assert "SUPPORT" not in types_of(nlp, text)


def test_curbing_a_flow_restricts_no_one_and_flying_others_is_no_visit(nlp: Language) -> None:
    assert "COERCE" not in types_of(nlp, "Bolivia has curbed the flow of cocaine into Chile.")
    assert "COERCE" in types_of(nlp, "Bolivia curbed the movements of Chilean diplomats.")
    assert "CONSULT" not in types_of(nlp, "The Peruvian minister flew the rescued fishermen to Lima.")
    assert "CONSULT" in types_of(nlp, "The Peruvian minister flew to Santiago for talks with Chile.")


@pytest.mark.parametrize("text", [
    "The camp suffered an outbreak of dysentery, which killed two Bolivian children.",
    "The cold killed three Bolivian migrants near the border.",
])
def test_deaths_from_illness_or_weather_are_no_assault(nlp: Language, text: str) -> None:
    assert "ASSAULT" not in types_of(nlp, text)
    assert "ASSAULT" in types_of(nlp, "Chilean soldiers, who killed two Bolivian farmers, were arrested.")
