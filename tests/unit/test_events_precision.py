"""Readings that must not produce an event or a role (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from newsgraph.extract import extract_events
from newsgraph.records import Article, Event


def events_of(nlp: Language, text: str) -> list[Event]:
    return extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))


def at(nlp: Language, text: str, trigger: str) -> Event:
    return next(e for e in events_of(nlp, text) if e.trigger.text == trigger)


def test_going_to_lengths_is_not_a_visit(nlp: Language) -> None:
    assert events_of(nlp, "Chile and Peru would go to great lengths to avoid harming Bolivian troops.") == []


def test_a_place_described_by_another_state_belongs_to_its_own_state(nlp: Language) -> None:
    event = at(nlp, "The Turkish president will travel to the port of Tartus, where Russia's fleet docks.", "travel")
    assert [m.actor.country for m in event.target] == ["SYR"]


def test_agreeing_that_something_happened_has_no_target(nlp: Language) -> None:
    events = events_of(nlp, "France and Italy agreed that Serbia had broken the truce.")
    assert all(not e.target for e in events if e.type == "AGREE")


def test_pledge_about_ones_own_forces_has_no_target(nlp: Language) -> None:
    events = events_of(nlp, "The Spanish defence minister pledged that Spanish troops would stay in Mali.")
    assert all("ESP" not in [m.actor.country for m in e.target] for e in events)


def test_a_reason_is_not_under_the_modal_of_its_clause(nlp: Language) -> None:
    event = at(nlp, "Tehran said Washington would pay for withdrawing from the nuclear agreement.", "withdrawing")
    assert event.status == "asserted"


def test_a_date_that_modifies_a_noun_does_not_date_the_event(nlp: Language) -> None:
    event = at(nlp, "Washington withdrew from the 2015 nuclear agreement with Iran.", "withdrew")
    assert event.time is None


def test_a_private_persons_journey_is_not_a_state_visit(nlp: Language) -> None:
    assert events_of(nlp, "Marta Kowalczyk, a nurse from Gdansk, travelled to Yemen last spring.") == []
    official = at(nlp, "The Turkish foreign minister travelled to Moscow on Monday.", "travelled")
    assert [m.actor.country for m in official.target] == ["RUS"]


def test_what_is_discussed_is_a_topic_not_a_counterpart(nlp: Language) -> None:
    assert events_of(nlp, "Officials in Ankara discussed US troop numbers.") == []
    with_partner = at(nlp, "Turkish officials discussed troop numbers with Germany.", "discussed")
    assert [m.actor.country for m in with_partner.target] == ["DEU"]


def test_request_items_and_the_party_asked(nlp: Language) -> None:
    asked = at(nlp, "Kenya asked Uganda for 500 rifles.", "asked")
    assert [i.text for i in asked.items] == ["rifles"] and asked.items[0].quantity == "500"
    demanded = at(nlp, "Russia demanded drones from Iran.", "demanded")
    assert [m.actor.country for m in demanded.target] == ["IRN"] and [i.text for i in demanded.items] == ["drones"]


def test_who_is_to_do_what_a_request_names_is_its_target(nlp: Language) -> None:
    called = at(nlp, "Chile called for the withdrawal of Bolivian troops.", "called")
    assert [m.actor.country for m in called.target] == ["BOL"]
    urged = at(nlp, "Ghana urged Togo's release of the fishermen.", "urged")
    assert [m.actor.country for m in urged.target] == ["TGO"]
    own = at(nlp, "Chile demanded the return of its ships.", "demanded")  # its own: no one asked
    assert not own.target


def test_the_addressee_of_a_request_is_not_an_item(nlp: Language) -> None:
    pressed = at(nlp, "Washington pressed European navies to supply frigates to Ukraine.", "pressed")
    assert [i.text for i in pressed.items] == ["frigates"]


def test_to_set_up_is_not_is_set_to(bare_nlp: Language) -> None:
    from newsgraph.extract.status import status_of

    doc = bare_nlp("Washington has been pressing the allies to set up a naval mission.")
    assert status_of(next(t for t in doc if t.text == "pressing"), "REQUEST") == "asserted"


def test_fighters_are_people_and_taking_part_is_no_item(nlp: Language) -> None:
    sent = at(nlp, "Turkey sent 300 fighters to Libya.", "sent")
    assert [i.category for i in sent.items] == ["personnel"]
    jets = at(nlp, "Turkey sold 12 fighter jets to Qatar.", "sold")
    assert [i.category for i in jets.items] == ["aircraft"]
    refused = events_of(nlp, "Chile refused to take part in the Peruvian exercise.")
    assert all(not e.items for e in refused)


def test_who_faces_sanctions_is_their_target(nlp: Language) -> None:
    event = at(nlp, "Iran faces new sanctions from the European Union.", "sanctions")
    assert [m.actor.country for m in event.target] == ["IRN"]
    assert [m.actor.name for m in event.source] == ["European Union"]


def test_a_city_attacked_stands_for_its_state(nlp: Language) -> None:
    event = at(nlp, "Russian forces shelled Kharkiv overnight.", "shelled")
    assert [m.actor.country for m in event.target] == ["UKR"]
    assert event.location is not None and event.location.name == "Kharkiv"


def test_what_an_attack_hit_in_a_city_stands_for_its_state(nlp: Language) -> None:
    event = at(nlp, "Serbian rockets struck a bakery in Sarajevo.", "struck")
    assert [m.actor.country for m in event.target] == ["BIH"]
    event = at(nlp, "Colombian airstrikes hit Caracas on Tuesday.", "airstrikes")
    assert [m.actor.country for m in event.source] == ["COL"]
    assert [m.actor.country for m in event.target] == ["VEN"]
    event = at(nlp, "Serbian rockets struck a bakery.", "struck")  # no place named: no target
    assert not event.target


def test_whom_a_release_frees_is_its_target(nlp: Language) -> None:
    event = at(nlp, "Chile released two Peruvian fishermen on Monday.", "released")
    assert [m.actor.country for m in event.target] == ["PER"]


def test_a_sanction_with_its_target_and_no_named_giver_is_kept(nlp: Language) -> None:
    event = at(nlp, "Juan Perez, a Chilean senator, was convicted of fraud on Monday.", "convicted")
    assert event.type == "SANCTION"
    assert [m.actor.country for m in event.target] == ["CHL"]
    assert not event.source


def test_aid_whose_giver_is_a_thing_is_no_event(nlp: Language) -> None:
    events = events_of(nlp, "Analysts said the new radars would help the authorities in Lima track smugglers.")
    assert [e for e in events if e.type == "AID"] == []


def test_forces_deployed_in_the_passive_are_mobilised(nlp: Language) -> None:
    event = at(nlp, "Hundreds of Ecuadorian troops were deployed to the northern border.", "deployed")
    assert event.type == "MOBILIZE"
    assert [m.actor.country for m in event.source] == ["ECU"]


def test_the_partner_of_a_discussed_topic_is_the_counterpart(nlp: Language) -> None:
    event = at(nlp, "The Chilean president will discuss trade ties with Argentina next week.", "discuss")
    assert [m.actor.country for m in event.target] == ["ARG"]


def test_a_person_arrested_is_no_town_of_that_name(nlp: Language) -> None:
    events = events_of(nlp, "Police later arrested Tomas Rivera Soto, a journalist.")
    assert all(m.actor.kind != "state" for e in events for m in e.target)


def test_the_subject_of_the_objects_own_clause_is_the_target(nlp: Language) -> None:
    event = at(nlp, "Bolivia rejected claims that Peru was arming the rebels.", "rejected")
    assert [m.actor.country for m in event.target] == ["PER"]


def test_a_role_noun_owned_by_a_person_has_the_persons_country(nlp: Language) -> None:
    doc = nlp("Gabriel Boric, the Chilean president, met his cabinet on Monday.")
    cabinet = [m for m in doc._.actor_mentions if m.text.endswith("cabinet")]
    assert cabinet and all(m.actor.country == "CHL" for m in cabinet)


def test_a_protest_abroad_targets_the_host_state(nlp: Language) -> None:
    event = at(nlp, "Chilean and Argentine farmers held a protest in La Paz on Friday.", "protest")
    assert not event.symmetric  # done side by side, not to each other
    assert [m.actor.country for m in event.target] == ["BOL"]
    home = at(nlp, "Chilean workers protested in Santiago on Monday.", "protested")
    assert not home.target


def test_talks_at_a_third_place_do_not_target_the_host(nlp: Language) -> None:
    events = events_of(nlp, "Argentine officials held talks in Geneva on Monday.")
    assert all(m.actor.country != "CHE" for e in events for m in e.target)


def test_the_host_city_of_an_event_attended_is_the_destination(nlp: Language) -> None:
    event = at(nlp, "The Chilean president will attend the Munich Security Conference.", "attend")
    assert [m.actor.country for m in event.target] == ["DEU"]


def test_leaders_from_two_states_meet_each_other(nlp: Language) -> None:
    event = at(nlp, "Delegates from Peru and Chile met in Arica on Tuesday.", "met")
    assert event.symmetric
    assert sorted(m.actor.country or "" for m in event.source) == ["CHL", "PER"]


def test_military_backing_is_aid(nlp: Language) -> None:
    event = at(nlp, "Brazil's military backing of the Bolivian government surprised analysts.", "backing")
    assert event.type == "AID"


def test_a_sanction_noun_with_a_number_for_modifier_keeps_its_target(nlp: Language) -> None:
    events = events_of(nlp, "At first 25% tariffs on Peruvian exports were announced.")
    assert any(e.type == "SANCTION" and [m.actor.country for m in e.target] == ["PER"] for e in events)


def test_engaging_someone_in_a_fight_is_an_assault_on_them(nlp: Language) -> None:
    event = at(nlp, "Colombian rebels engaged Ecuadorian soldiers in a gunfight near the border.", "gunfight")
    assert [m.actor.country for m in event.source] == ["COL"]
    assert [m.actor.country for m in event.target] == ["ECU"]


def test_opponents_and_critics_are_the_opposition(nlp: Language) -> None:
    event = at(nlp, "Critics of the Bolivian president marched through Sucre on Saturday.", "marched")
    assert [(m.actor.country, m.actor.sector) for m in event.source] == [("BOL", "OPP")]


def test_the_host_city_wins_over_actors_in_an_apposition(nlp: Language) -> None:
    text = "The Chilean president will attend the Munich Security Conference, a forum that tests his resolve."
    event = at(nlp, text, "attend")
    assert [m.actor.country for m in event.target] == ["DEU"]


def test_a_long_run_on_sentence_gives_every_clause_its_event_and_source(nlp: Language) -> None:
    clauses = ", and ".join(f"Chile sent {n} trucks of grain to Peru on day {n}" for n in range(60))
    text = f"According to officials in Lima, {clauses}."
    events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
    aid = [e for e in events if e.type == "AID"]
    assert len(aid) == 60 and len({e.trigger.start for e in aid}) == 60
    assert {(e.attribution[0].text, e.attribution[0].country) for e in aid if e.attribution} == {("officials", "PER")}
    assert all(e.attribution for e in aid)
    assert {e.evidence.text for e in aid} == {text}


def test_an_article_over_its_time_budget_is_rejected_and_the_run_goes_on() -> None:
    from newsgraph.api import iter_extract
    from newsgraph.config import Settings
    from newsgraph.records import Rejection

    articles = [Article(id=n, text="Chile sent grain to Peru. Peru thanked Chile.") for n in ("a", "b")]
    rejected: list[Rejection] = []
    out = list(iter_extract(articles, settings=Settings(max_seconds=-1), on_error=rejected.append))
    assert out == [] and [r.origin for r in rejected] == ["a", "b"]
    assert all("NEWSGRAPH_MAX_SECONDS" in r.reason and r.stage == "extract" for r in rejected)
    kept = list(iter_extract(articles, settings=Settings(), on_error=rejected.append))
    assert [a.id for a, events in kept if events] == ["a", "b"]
