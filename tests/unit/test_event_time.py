"""Each event takes the temporal expression that governs it (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from newsgraph.extract import extract_events
from newsgraph.records import Article, Event

WEDNESDAY = date(2024, 3, 6)


def at(nlp: Language, text: str, trigger: str, published: date | None = WEDNESDAY) -> Event:
    events = extract_events(nlp(text), Article(id="t", text=text, published=published))
    return next(e for e in events if e.trigger.text == trigger)


def test_each_clause_keeps_its_own_time(nlp: Language) -> None:
    text = "Egypt sent wheat to Sudan in January, and Sudan will ship cotton to Egypt in May."
    sent = at(nlp, text, "sent").time
    ship = at(nlp, text, "ship").time
    assert sent is not None and (sent.start, sent.end) == (date(2024, 1, 1), date(2024, 1, 31))
    assert ship is not None and (ship.start, ship.end) == (date(2024, 5, 1), date(2024, 5, 31))


def test_time_of_another_participial_clause_is_not_taken(nlp: Language) -> None:
    text = "Chile, warned by Peru in January not to sell arms, has since sold rifles to Bolivia."
    assert at(nlp, text, "sold").time is None


def test_planned_event_reads_a_bare_weekday_forward(nlp: Language) -> None:
    planned = at(nlp, "Japan and India will meet on Monday.", "meet").time
    past = at(nlp, "Japan and India met on Monday.", "met").time
    assert planned is not None and planned.start == date(2024, 3, 11)
    assert past is not None and past.start == date(2024, 3, 4)


def test_purpose_clause_shares_the_time_of_its_verb(nlp: Language) -> None:
    time = at(nlp, "The Kenyan president travelled to Addis Ababa last week to meet Ethiopia's leaders.", "meet").time
    assert time is not None and time.start == date(2024, 2, 26) and time.precision == "week"


def test_without_a_publication_date_relative_times_are_unknown(nlp: Language) -> None:
    time = at(nlp, "Egypt sent wheat to Sudan last month.", "sent", published=None).time
    assert time is not None and time.anchor == "unknown" and time.start is None
    absolute = at(nlp, "Egypt sent wheat to Sudan on 3 March 2021.", "sent", published=None).time
    assert absolute is not None and absolute.start == date(2021, 3, 3)


def test_a_date_the_calendar_cannot_hold_is_dropped_not_the_article(nlp: Language) -> None:
    cases = [("Chile attacked Peru 3000 years ago, Peruvian officials said.", date(2024, 1, 1)),
             ("Chile sent rice to Peru five days ago.", date(1, 1, 2)),
             ("Chile will send rice to Peru in 30 days.", date(9999, 12, 30))]
    for text, published in cases:
        events = extract_events(nlp(text), Article(id="t", text=text, published=published))
        assert events, text
        assert all(e.time is None or e.time.start is None for e in events)
        assert any(e.time is not None and e.time.text for e in events)  # the expression is kept as text
