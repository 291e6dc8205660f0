"""Places, routes, item categories and exchanges, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from newsgraph.extract import extract_events
from newsgraph.extract.items import categorize
from newsgraph.extract.places import resolve_place
from newsgraph.records import Article, Event


def events_of(nlp: Language, text: str) -> list[Event]:
    return extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))


def at(nlp: Language, text: str, trigger: str) -> Event:
    return next(e for e in events_of(nlp, text) if e.trigger.text == trigger)


@pytest.mark.parametrize(
    ("name", "kind", "country"),
    [("Mombasa", "city", "KEN"), ("the city of Odesa", "city", "UKR"), ("Peru", "country", "PER"),
     ("the Middle East", "region", None), ("the Strait of Hormuz", "region", None)],
)
def test_gazetteer(name: str, kind: str, country: str | None) -> None:
    place = resolve_place(name)
    assert place is not None and place.kind == kind and place.country == country
    if kind != "country":
        assert place.lat is not None and place.lon is not None


def test_months_and_unknown_sites_are_not_places() -> None:
    assert resolve_place("March") is None
    assert resolve_place("Pier 12") is None


def test_meeting_place(nlp: Language) -> None:
    place = at(nlp, "The Turkish president met his Russian counterpart in Sochi.", "met").location
    assert place is not None and place.name == "Sochi" and place.country == "RUS" and place.lat is not None


def test_place_of_the_clause_a_purpose_serves(nlp: Language) -> None:
    text = "The Chilean and Peruvian ministers will be in Lima to sign a trade pact."
    place = at(nlp, text, "sign").location
    assert place is not None and place.name == "Lima"


def test_named_site_inside_a_city_keeps_both(nlp: Language) -> None:
    text = "Egypt and Sudan signed a defence pact at the Al-Ittihadiya Palace in Cairo."
    place = at(nlp, text, "signed").location
    assert place is not None and place.name == "Cairo" and place.facility and "Palace" in place.facility


def test_site_that_cannot_be_geocoded_takes_the_nearest_place_named_as_a_place(nlp: Language) -> None:
    text = "Japan and India will meet at Pier 12 after their ministers fly to Mumbai."
    place = at(nlp, text, "meet").location
    assert place is not None and place.facility == "Pier 12" and place.name == "Mumbai"


def test_site_alone_keeps_its_text(nlp: Language) -> None:
    place = at(nlp, "Japan and India will meet at Pier 12 on Tuesday.", "meet").location
    assert place is not None and place.name == "Pier 12" and place.lat is None


def test_actor_description_is_not_the_event_place(nlp: Language) -> None:
    event = at(nlp, "Officials in Seoul said Pyongyang had sold missiles to Syria.", "sold")
    assert event.location is None


def test_route(nlp: Language) -> None:
    event = at(nlp, "Iran shipped drones to Russia through the Caspian Sea and Kazakhstan.", "shipped")
    assert [p.name for p in event.route] == ["Caspian Sea", "Kazakhstan"]


@pytest.mark.parametrize(
    ("text", "category"),
    [("fighter jets", "aircraft"), ("Shahed drones", "drones"), ("S-400 air defence systems", "air-defence"),
     ("tanks", "armoured-vehicles"), ("howitzers", "artillery"), ("artillery shells", "ammunition"),
     ("Iskander missiles", "missiles"), ("frigates", "ships"), ("submarines", "submarines"),
     ("rifles", "small-arms"), ("radars", "sensors"), ("jet engines", "engines"), ("weapons", "weapons"),
     ("advanced technology", "technology"), ("dual-use goods", "dual-use"), ("satellites", "space"),
     ("enriched uranium", "nuclear"), ("spare parts", "components"), ("ammunition factory", "production"),
     ("wheat", "food"), ("medical supplies", "humanitarian"), ("loans", "financial"), ("oil", "energy"),
     ("troops", "personnel")],
)
def test_every_item_category(text: str, category: str) -> None:
    assert categorize(text) == category


def test_in_exchange_for_makes_the_other_half(nlp: Language) -> None:
    events = events_of(nlp, "Iran supplied drones to Russia in exchange for fighter jets.")
    give = next(e for e in events if e.trigger.text == "supplied")
    back = next(e for e in events if e.id == give.exchange_with)
    assert back.exchange_with == give.id
    assert [m.actor.country for m in back.source] == ["RUS"] and [m.actor.country for m in back.target] == ["IRN"]
    assert [i.category for i in back.items] == ["aircraft"]


def test_reciprocal_transfers_in_neighbouring_sentences_with_a_cue(nlp: Language) -> None:
    events = events_of(nlp, "Belarus sold fertiliser to Zimbabwe. In return, Zimbabwe shipped tobacco to Belarus.")
    sold, shipped = (at_ for at_ in events if at_.type == "AID")
    assert sold.exchange_with == shipped.id and shipped.exchange_with == sold.id


def test_unrelated_transfers_are_not_an_exchange(nlp: Language) -> None:
    events = events_of(nlp, "Brazil sold jets to Chile. Chile sold copper to Peru.")
    assert all(e.exchange_with is None for e in events)
    events = events_of(nlp, "Belarus sold fertiliser to Zimbabwe. Zimbabwe shipped tobacco to Belarus in 2019.")
    assert all(e.exchange_with is None for e in events)  # opposite ways, but no word says it was a swap


def test_city_reached_is_the_place_but_a_country_reached_is_an_actor(nlp: Language) -> None:
    to_city = at(nlp, "Iran sent troops to Aleppo.", "sent")
    assert to_city.location is not None and to_city.location.name == "Aleppo"
    to_state = at(nlp, "Iran sent troops to Syria.", "sent")
    assert [m.actor.country for m in to_state.target] == ["SYR"] and to_state.location is None


def test_a_body_named_like_a_town_is_no_place() -> None:
    import newsgraph

    events = newsgraph.extract("The Peruvian government pledged to invest further in the National Police.")
    assert all(e.location is None or e.location.country != "POL" for e in events)
    assert all(m.actor.country != "POL" for e in events for m in (*e.source, *e.target))


def test_states_and_provinces_are_places_of_their_country() -> None:
    from newsgraph.extract.places import resolve_place

    for name, iso3 in (("Queensland", "AUS"), ("Kerala", "IND"), ("Sindh", "PAK"), ("Ontario", "CAN")):
        place = resolve_place(name)
        assert place is not None and (place.country, place.kind) == (iso3, "region"), name
    assert resolve_place("Western") is None  # a generic word is no province
    assert resolve_place("Punjab") is None  # a province name two countries share
    kharkiv = resolve_place("Kharkiv")  # a city and its province: the city, with its point
    assert kharkiv is not None and kharkiv.kind == "city" and kharkiv.lat is not None


def test_a_deployment_in_a_province_abroad_is_hosted_by_its_state(nlp) -> None:  # type: ignore[no-untyped-def]
    from datetime import date

    from newsgraph.extract import extract_events
    from newsgraph.records import Article

    text = "Chinese warships held drills in Queensland on Tuesday."
    events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
    drills = [e for e in events if e.type == "MOBILIZE"]
    assert drills and {m.actor.country for m in drills[0].target} == {"AUS"}


def test_aid_sent_to_a_place_goes_to_its_state_and_the_giver_is_not_from_there(nlp: Language) -> None:
    (aid,) = [e for e in events_of(nlp, "Aid groups delivered food to Gaza on Monday.") if e.type == "AID"]
    assert [m.actor.country for m in aid.target] == ["PSE"]
    assert [m.actor.country for m in aid.source] == [None]  # not Palestinian for delivering there
    # troops sent to a place are deployed, and a state's own city receives nothing from it
    assert [e.type for e in events_of(nlp, "Russia sent troops to Donetsk.")] == ["MOBILIZE"]
    (home,) = events_of(nlp, "Chile sent food to Arica.")
    assert home.target == ()


def test_a_thing_named_by_its_maker_or_model_is_an_item(nlp: Language) -> None:
    def items(text: str) -> list[list[str]]:
        events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
        return [[i.text for i in e.items] for e in events if e.type == "AID"]

    assert items("Chile approved the delivery of Leopard tanks to Peru.") == [["Leopard tanks"]]
    assert items("Chile approved the delivery of 40 tanks to Peru.") == [["tanks"]]


def test_a_visits_host_state_is_written_at_the_place_named(nlp: Language) -> None:
    text = "The Chilean president attended the summit in La Paz."
    events = extract_events(nlp(text), Article(id="t", text=text))
    assert [(m.text, m.actor.country) for e in events for m in e.target] == [("La Paz", "BOL")]


def test_someone_the_actor_layer_knows_is_no_place(nlp: Language) -> None:
    """A known person ("Obama" is also a Japanese city), the surname of one named before ("Bolton",
    an English town) and an organisation from the tables ("the UN", a town in India) are no
    places; a town named in a sentence about such a person still is."""
    event = at(nlp, "Barack Obama met Chilean officials. Peru later shelled rebel camps near Obama.", "shelled")
    assert event.location is None
    event = at(nlp, "John Bolton arrived in Lima. Peru then attacked rebels near Bolton, officials said.", "attacked")
    assert event.location is None
    event = at(nlp, "Chile and Peru held talks at the UN on Monday.", "talks")
    assert event.location is None or event.location.country != "IND"
    event = at(nlp, "Barack Obama and Chile's president held talks in Manchester on Monday.", "talks")
    assert event.location is not None and event.location.name == "Manchester" and event.location.country == "GBR"


def test_a_part_of_a_place_named_by_a_compound_is_that_place(nlp: Language) -> None:
    event = at(nlp, "Peru deployed soldiers in the Cusco region on Friday.", "deployed")
    assert event.location is not None and event.location.name == "Cusco" and event.location.country == "PER"
    event = at(nlp, "Chile and Peru agreed on the Bolivia deal.", "agreed")
    assert event.location is None  # a deal is no part of a place


def test_a_persons_name_is_not_read_as_its_last_word(nlp: Language) -> None:
    event = at(nlp, "Peru carried out a drone strike on Mario Haan in 2015.", "strike")
    assert event.location is None  # not Haan, a German town


def test_a_town_in_a_province_is_the_town(nlp: Language) -> None:
    event = at(nlp, "Peru deployed soldiers to Juliaca in the Puno region on Friday.", "deployed")
    assert event.location is not None and event.location.name == "Juliaca"


def test_a_us_state_named_like_a_province_elsewhere_is_the_us_state() -> None:
    for name in ("Florida", "Maryland"):
        place = resolve_place(name)
        assert place is not None and (place.country, place.kind) == ("USA", "region"), name


def test_towns_named_by_their_nationality_are_in_that_country(nlp: Language) -> None:
    riots = at(nlp, "Riots broke out in several Paraguayan towns on Sunday.", "Riots")
    assert riots.location is not None and riots.location.country == "PRY"
    assert [m.actor.country for m in riots.source] == ["PRY"]  # the people of the place riot
    met = at(nlp, "The Chilean and Bolivian ministers met at the Paraguayan embassy in Lima.", "met")
    assert met.location is None or met.location.country != "PRY"  # an embassy is not in its country


def test_an_attack_abroad_with_no_victim_named_is_aimed_at_the_state_it_is_in(nlp: Language) -> None:
    strikes = at(nlp, "Argentine warplanes carried out air strikes in Paraguay on Sunday.", "strikes")
    assert [m.actor.country for m in strikes.target] == ["PRY"]
    home = at(nlp, "Paraguayan rebels carried out two attacks in Paraguay last week.", "attacks")
    assert not home.target  # at home: no state of its own aimed at


def test_a_withdrawal_leaves_the_country_its_forces_were_placed_in_just_before(nlp: Language) -> None:
    text = ("Argentine troops have guarded the dam in Paraguay since 2020. "
            "Paraguay says they keep the smugglers away. A sudden Argentine withdrawal would worry farmers.")
    withdrawal = at(nlp, text, "withdrawal")
    assert [m.actor.country for m in withdrawal.target] == ["PRY"]
    alone = at(nlp, "Argentina pulled out at the last minute.", "pulled")
    assert not alone.target  # nowhere named: no ground left
