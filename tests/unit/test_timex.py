"""The time normalizer: finding temporal expressions, their TIMEX3 values and dates, and which one governs a trigger.

Invented sentences; the publication date is Wednesday 13 March 2024 unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsgraph.extract.timex import (
    FUTURE,
    PAST,
    Timex,
    find_timexes,
    governing_timex,
    infer_direction,
    resolve_timex,
)
from newsgraph.extract.timex.calendar import part_of, season_bounds, year_bounds
from newsgraph.records import TimeValue

PUB = date(2024, 3, 13)  # a Wednesday


@pytest.fixture(scope="module")
def parse(bare_nlp: Language):  # type: ignore[no-untyped-def]
    def run(text: str) -> Doc:
        return bare_nlp(text)

    return run


def timexes(parse, text: str, published: date | None = PUB, **kw) -> list[Timex]:  # type: ignore[no-untyped-def]
    doc = parse(text)
    found = find_timexes(doc, published, **kw)
    for t in found:  # offsets always index the text
        assert doc.text[t.start:t.end] == t.text
        assert doc[t.token_start:t.token_end].start_char <= t.start
    return found


def one(parse, text: str, published: date | None = PUB, **kw) -> Timex:  # type: ignore[no-untyped-def]
    found = timexes(parse, text, published, **kw)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


def by_text(found: list[Timex]) -> dict[str, Timex]:
    return {t.text: t for t in found}


def days(t: Timex) -> tuple[str | None, str | None]:
    return (t.start_date.isoformat() if t.start_date else None, t.end_date.isoformat() if t.end_date else None)


# ---------------------------------------------------------------- absolute dates


@pytest.mark.parametrize(
    ("sentence", "text", "value", "precision"),
    [
        ("The treaty was signed on 12 June 2021 in Oslo.", "12 June 2021", "2021-06-12", "day"),
        ("The treaty was signed on June 12, 2021, in Oslo.", "June 12, 2021", "2021-06-12", "day"),
        ("The treaty was signed on the 12th of June 2021.", "the 12th of June 2021", "2021-06-12", "day"),
        ("The ceasefire began on 2022-11-30 at dawn.", "2022-11-30", "2022-11-30", "day"),
        ("The port was rebuilt in 2019.", "2019", "2019", "year"),
        ("The port was rebuilt in November 2020.", "November 2020", "2020-11", "month"),
        ("Exports collapsed in Q3 2023.", "Q3 2023", "2023-Q3", "quarter"),
        ("Exports collapsed in the fourth quarter of 2022.", "the fourth quarter of 2022", "2022-Q4", "quarter"),
        ("The bases were built in the 1980s.", "the 1980s", "198", "decade"),
        ("Sales rose in late 2021.", "late 2021", "2021", "year"),
    ],
)
def test_absolute_dates(parse, sentence: str, text: str, value: str, precision: str) -> None:  # type: ignore[no-untyped-def]
    t = one(parse, sentence)
    assert (t.text, t.type, t.value, t.precision, t.anchor) == (text, "date", value, precision, "absolute")


def test_absolute_dates_cover_their_whole_period(parse) -> None:  # type: ignore[no-untyped-def]
    found = by_text(timexes(parse, "Talks failed in November 2020, in 2019, in Q3 2023 and in late 2021."))
    assert days(found["November 2020"]) == ("2020-11-01", "2020-11-30")
    assert days(found["2019"]) == ("2019-01-01", "2019-12-31")
    assert days(found["Q3 2023"]) == ("2023-07-01", "2023-09-30")
    assert days(found["late 2021"]) == ("2021-09-01", "2021-12-31")


def test_day_and_month_without_a_year_take_the_year_from_the_tense(parse) -> None:  # type: ignore[no-untyped-def]
    past = one(parse, "The army withdrew on Oct. 7, officials said.")
    assert (past.text, past.value, past.anchor) == ("Oct. 7", "2023-10-07", "published")
    future = one(parse, "The army will withdraw by Oct. 7.")
    assert future.value == "2024-10-07"
    nearest = one(parse, "The deadline, March 20, is close.")  # no tense cue: the nearest to publication
    assert nearest.value == "2024-03-20"


def test_dateparser_reads_an_entity_the_grammar_does_not_know(parse) -> None:  # type: ignore[no-untyped-def]
    found = timexes(parse, "The accord, dated 14.05.2019, was published.")
    assert [(t.text, t.value) for t in found] == [("14.05.2019", "2019-05-14")]


# ---------------------------------------------------------------- weekdays and deictics


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The minister resigned on Thursday.", "2024-03-07"),  # past: the latest Thursday
        ("The minister will resign on Thursday.", "2024-03-14"),  # future: the coming one
        ("The minister is set to resign on Thursday.", "2024-03-14"),
        ("The minister plans to resign on Thursday.", "2024-03-14"),
        ("The summit opens on Thursday.", "2024-03-14"),  # the scheduled present
        ("The minister resigned on Wednesday.", "2024-03-13"),  # the publication day itself
        ("The minister resigned last Tuesday.", "2024-03-12"),
        ("The minister resigned last Wednesday.", "2024-03-06"),  # "last" is strictly before
        ("The minister will resign next Monday.", "2024-03-18"),
    ],
)
def test_weekdays_resolve_by_tense(parse, sentence: str, value: str) -> None:  # type: ignore[no-untyped-def]
    t = one(parse, sentence)
    assert (t.type, t.value, t.precision, t.anchor) == ("date", value, "day", "published")
    assert t.start_date == t.end_date == date.fromisoformat(value)


def test_today_yesterday_tomorrow_tonight(parse) -> None:  # type: ignore[no-untyped-def]
    found = by_text(timexes(parse, "Rain fell yesterday and today; more is due tomorrow and tonight."))
    assert found["yesterday"].value == "2024-03-12"
    assert found["today"].value == "2024-03-13"
    assert found["tomorrow"].value == "2024-03-14"
    assert (found["tonight"].type, found["tonight"].value) == ("time", "2024-03-13TNI")


def test_weekday_with_a_part_of_the_day_and_a_clock_time_is_a_time(parse) -> None:  # type: ignore[no-untyped-def]
    found = by_text(timexes(parse, "Shelling began on Monday night and stopped on Tuesday at 6pm."))
    assert (found["Monday night"].type, found["Monday night"].value) == ("time", "2024-03-11TNI")
    assert found["Tuesday at 6pm"].value == "2024-03-12T18:00"


# ---------------------------------------------------------------- relative periods


@pytest.mark.parametrize(
    ("sentence", "text", "value", "span", "precision"),
    [
        ("Prices rose this week.", "this week", "2024-W11", ("2024-03-11", "2024-03-17"), "week"),
        ("Prices rose last week.", "last week", "2024-W10", ("2024-03-04", "2024-03-10"), "week"),
        ("Prices rose last month.", "last month", "2024-02", ("2024-02-01", "2024-02-29"), "month"),
        ("Prices will rise next month.", "next month", "2024-04", ("2024-04-01", "2024-04-30"), "month"),
        ("Prices rose this year.", "this year", "2024", ("2024-01-01", "2024-12-31"), "year"),
        ("Prices rose last year.", "last year", "2023", ("2023-01-01", "2023-12-31"), "year"),
        ("Prices rose earlier this year.", "earlier this year", "2024", ("2024-01-01", "2024-03-13"), "year"),
        ("Prices rose earlier this month.", "earlier this month", "2024-03", ("2024-03-01", "2024-03-13"), "month"),
        ("Prices will fall later this month.", "later this month", "2024-03", ("2024-03-13", "2024-03-31"), "month"),
        ("Prices will fall by the end of the year.", "the end of the year", "2024", ("2024-09-01", "2024-12-31"),
         "year"),
        ("Prices rose two weeks ago.", "two weeks ago", "2024-W09", ("2024-02-26", "2024-03-03"), "week"),
        ("Prices rose a decade ago.", "a decade ago", "2014", ("2014-01-01", "2014-12-31"), "year"),
        ("Prices rose three days ago.", "three days ago", "2024-03-10", ("2024-03-10", "2024-03-10"), "day"),
    ],
)
def test_relative_periods(parse, sentence: str, text: str, value: str, span: tuple[str, str], precision: str) -> None:  # type: ignore[no-untyped-def]
    t = one(parse, sentence)
    assert (t.text, t.type, t.value, days(t), t.precision, t.anchor) == (
        text, "date", value, span, precision, "published"
    )


def test_a_month_with_a_relative_year(parse) -> None:  # type: ignore[no-untyped-def]
    found = by_text(timexes(parse, "He was jailed in July last year and freed on 2 January this year."))
    assert (found["July last year"].value, found["July last year"].anchor) == ("2023-07", "published")
    assert found["2 January this year"].value == "2024-01-02"


def test_fixed_holidays(parse) -> None:  # type: ignore[no-untyped-def]
    found = by_text(timexes(parse, "Shops closed on Christmas Eve and reopened after New Year's Day."))
    assert found["Christmas Eve"].value == "2023-12-24"
    assert found["New Year's Day"].value == "2024-01-01"


def test_later_counts_from_the_narratives_last_date(parse) -> None:  # type: ignore[no-untyped-def]
    found = timexes(parse, "The plant was seized on 2 May 2022. Three days later, it was shelled.")
    later = by_text(found)["Three days later"]
    assert (later.value, later.anchor) == ("2022-05-05", "absolute")
    alone = one(parse, "Three days later, the plant was shelled.")
    assert (alone.value, alone.anchor) == ("2024-03-16", "published")


# ---------------------------------------------------------------- bare months, seasons, quarters


def test_a_bare_month_is_the_whole_month_in_the_past_or_the_future(parse) -> None:  # type: ignore[no-untyped-def]
    past = one(parse, "The envoys met in April.")
    assert (past.value, days(past), past.precision) == ("2023-04", ("2023-04-01", "2023-04-30"), "month")
    future = one(parse, "The envoys will meet in April.")
    assert (future.value, days(future)) == ("2024-04", ("2024-04-01", "2024-04-30"))
    current = one(parse, "The envoys met in March.")  # the publication's month, not its day
    assert days(current) == ("2024-03-01", "2024-03-31")


def test_month_parts(parse) -> None:  # type: ignore[no-untyped-def]
    found = by_text(timexes(parse, "Talks stalled in mid-January and resumed in late February."))
    assert days(found["mid-January"]) == ("2024-01-11", "2024-01-20")
    assert days(found["late February"]) == ("2024-02-21", "2024-02-29")


def test_seasons(parse) -> None:  # type: ignore[no-untyped-def]
    found = by_text(timexes(parse, "Fighting paused last summer and resumed this spring."))
    assert (found["last summer"].value, days(found["last summer"])) == ("2023-SU", ("2023-06-01", "2023-08-31"))
    assert (found["this spring"].value, found["this spring"].precision) == ("2024-SP", "season")
    assert one(parse, "The army will attack in the autumn.").value == "2024-FA"
    assert one(parse, "The army attacked in the autumn.").value == "2023-FA"


def test_quarters(parse) -> None:  # type: ignore[no-untyped-def]
    assert one(parse, "Output fell in the first quarter.").value == "2024-Q1"
    assert one(parse, "Output fell in the third quarter.").value == "2023-Q3"
    assert one(parse, "Output will fall in the third quarter.").value == "2024-Q3"


# ---------------------------------------------------------------- ranges


def test_since_runs_to_the_publication_date(parse) -> None:  # type: ignore[no-untyped-def]
    t = one(parse, "The border has been closed since 2022.")
    assert (t.text, t.value, days(t), t.precision) == (
        "since 2022", "2022/PRESENT_REF", ("2022-01-01", "2024-03-13"), "year"
    )


def test_ranges(parse) -> None:  # type: ignore[no-untyped-def]
    months = one(parse, "The exercise ran from January to March.")
    assert (months.text, months.value, days(months)) == (
        "from January to March", "2024-01/2024-03", ("2024-01-01", "2024-03-31")
    )
    years = one(parse, "The mission lasted between 2015 and 2018.")
    assert (years.text, years.value) == ("between 2015 and 2018", "2015/2018")
    assert days(years) == ("2015-01-01", "2018-12-31")
    days_range = one(parse, "The fair runs 4-6 June 2025.")
    assert days(days_range) == ("2025-06-04", "2025-06-06")


def test_a_weekday_before_a_dated_end_is_the_latest_such_day_not_after_it(parse) -> None:  # type: ignore[no-untyped-def]
    t = one(parse, "The festival will run Tuesday to May 23rd, organisers said.")
    assert t.text == "Tuesday to May 23rd"
    assert days(t) == ("2024-05-21", "2024-05-23")


# ---------------------------------------------------------------- durations and sets


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("The siege lasted for three years.", "three years", "P3Y"),
        ("He spent 18 months in prison.", "18 months", "P18M"),
        ("The talks went on for several weeks.", "several weeks", "PXW"),
        ("A two-week truce was agreed.", "two-week", "P2W"),
        ("The fighting went on for 36 hours.", "36 hours", "PT36H"),
    ],
)
def test_durations_have_a_value_and_no_dates(parse, sentence: str, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    t = one(parse, sentence)
    assert (t.text, t.type, t.value, t.start_date, t.end_date) == (text, "duration", value, None, None)


def test_anchored_durations_have_dates(parse) -> None:  # type: ignore[no-untyped-def]
    t = one(parse, "Attacks have doubled over the past two years.")
    assert (t.text, t.type, t.value, days(t)) == ("the past two years", "duration", "P2Y", ("2022-03-13", "2024-03-13"))


def test_a_duration_after_in_under_a_future_verb_is_a_date_ahead(parse) -> None:  # type: ignore[no-untyped-def]
    t = one(parse, "The troops will leave in two months.")
    assert (t.type, t.value) == ("date", "2024-05")


@pytest.mark.parametrize(
    ("sentence", "text", "value"),
    [
        ("Inspectors visit every week.", "every week", "P1W"),
        ("The report is published annually.", "annually", "P1Y"),
        ("The board meets twice a month.", "twice a month", "P1M"),
        ("The fund pays out $5bn a year.", "a year", "P1Y"),
        ("The market opens every Friday.", "every Friday", "XXXX-WXX-5"),
    ],
)
def test_sets(parse, sentence: str, text: str, value: str) -> None:  # type: ignore[no-untyped-def]
    t = one(parse, sentence)
    assert (t.text, t.type, t.value, t.start_date) == (text, "set", value, None)


def test_vague_references(parse) -> None:  # type: ignore[no-untyped-def]
    found = by_text(timexes(parse, "The town is now quiet; it was recently shelled."))
    assert (found["now"].value, days(found["now"])) == ("PRESENT_REF", ("2024-03-13", "2024-03-13"))
    assert (found["recently"].value, days(found["recently"])) == ("PAST_REF", (None, "2024-03-13"))


# ---------------------------------------------------------------- without a publication date


def test_without_a_publication_date_relative_ones_stay_unresolved(parse) -> None:  # type: ignore[no-untyped-def]
    found = by_text(timexes(parse, "Talks began last week, on Friday, in 2019 and on 4 May 2021.", published=None))
    for text in ("last week", "Friday"):
        assert (found[text].value, found[text].start_date, found[text].anchor) == (None, None, "unknown")
    assert (found["2019"].value, found["2019"].anchor) == ("2019", "absolute")
    assert found["4 May 2021"].start_date == date(2021, 5, 4)


# ---------------------------------------------------------------- false positives


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials may decide to act soon after talks.",  # "may" the modal
        "May I ask a question?",
        "The Sunday Times reported the story.",
        "Marchers remembered Bloody Sunday in Derry.",
        "The Good Friday Agreement was signed long ago.",
        "Some 2,000 soldiers and 1 million civilians fled.",
        "A 70-year-old man was arrested.",
        "He was 70 years old.",
        "The museum commemorates the Second World War.",
        "Veterans of the Six-Day War gathered.",
        "About 2000 troops crossed the river.",
        "In May 18 people were injured.",
        "A quarter of the population left.",
        "She won a second term.",
        "He was interviewed on the BBC's Today programme.",
        "It was the last year of his presidency.",
        "Workers marched on May Day.",
        "Daily life is hard.",
    ],
)
def test_no_false_positives(parse, sentence: str) -> None:  # type: ignore[no-untyped-def]
    found = timexes(parse, sentence)
    assert [t.text for t in found if t.text.lower() not in ("soon", "long ago", "may day")] == []


def test_may_the_month_is_still_found(parse) -> None:  # type: ignore[no-untyped-def]
    found = timexes(parse, "The former prime minister Theresa May said the vote may come in May.")
    assert [(t.text, t.value) for t in found] == [("May", "2024-05")]


# ---------------------------------------------------------------- the past/future reading


def test_direction_for_overrides_the_tense(parse) -> None:  # type: ignore[no-untyped-def]
    def always_future(span: Span) -> str:
        return FUTURE

    t = one(parse, "The minister resigned on Thursday.", direction_for=always_future)  # type: ignore[arg-type]
    assert (t.value, t.direction) == ("2024-03-14", FUTURE)


def test_resolve_timex_reads_a_found_expression_again(parse) -> None:  # type: ignore[no-untyped-def]
    t = one(parse, "The envoys met in April.")
    again = resolve_timex(t, PUB, direction=FUTURE)
    assert (again.value, again.text, again.start) == ("2024-04", t.text, t.start)
    assert resolve_timex(again, PUB, direction=PAST).value == "2023-04"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The leaders will meet on Friday.", FUTURE),
        ("The leaders are expected to meet on Friday.", FUTURE),
        ("The leaders could meet on Friday.", FUTURE),
        ("The leaders met on Friday.", PAST),
        ("The leaders have met on Friday.", PAST),
        ("The talks, held on Friday, failed.", PAST),
        ("The talks are scheduled for Friday.", FUTURE),
        ("The upcoming talks on Friday matter.", FUTURE),
        ("The leaders said on Friday that they agree.", PAST),
    ],
)
def test_infer_direction(parse, sentence: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc = parse(sentence)
    friday = next(t for t in doc if t.text == "Friday")
    assert infer_direction(doc[friday.i:friday.i + 1]) == expected


# ---------------------------------------------------------------- records


def test_to_dict_and_to_time_value(parse) -> None:  # type: ignore[no-untyped-def]
    t = one(parse, "Prices rose last month.")
    assert t.to_dict("a1") == {
        "article_id": "a1", "text": "last month", "start": 12, "end": 22, "type": "date", "value": "2024-02",
        "start_date": "2024-02-01", "end_date": "2024-02-29", "precision": "month",
    }
    assert t.to_time_value() == TimeValue(
        text="last month", start=date(2024, 2, 1), end=date(2024, 2, 29), precision="month", anchor="published"
    )


def test_calendar_parts() -> None:
    assert part_of(year_bounds(2023), "early") == (date(2023, 1, 1), date(2023, 4, 30))
    assert part_of(year_bounds(2023), "h2") == (date(2023, 7, 1), date(2023, 12, 31))
    assert season_bounds(2023, "WI") == (date(2023, 12, 1), date(2024, 2, 29))


# ---------------------------------------------------------------- governing_timex


def trigger(doc: Doc, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.text == word)


def test_each_clause_gets_its_own_time(parse) -> None:  # type: ignore[no-untyped-def]
    doc = parse("Troops withdrew from the city on Monday, and the ministers will meet in Geneva next week.")
    found = find_timexes(doc, PUB)
    assert governing_timex(trigger(doc, "withdrew"), found).text == "Monday"  # type: ignore[union-attr]
    assert governing_timex(trigger(doc, "meet"), found).text == "next week"  # type: ignore[union-attr]


def test_the_time_of_a_subordinate_clause_does_not_govern_the_main_verb(parse) -> None:  # type: ignore[no-untyped-def]
    doc = parse("Last year the rebels said that the army had shelled the village in 2019.")
    found = find_timexes(doc, PUB)
    assert governing_timex(trigger(doc, "said"), found).text == "Last year"  # type: ignore[union-attr]
    assert governing_timex(trigger(doc, "shelled"), found).text == "2019"  # type: ignore[union-attr]


def test_a_noun_trigger_owns_the_time_of_its_light_verb(parse) -> None:  # type: ignore[no-untyped-def]
    doc = parse("The two leaders held talks on Tuesday after a summit in 2019.")
    found = find_timexes(doc, PUB)
    assert governing_timex(trigger(doc, "talks"), found).text == "Tuesday"  # type: ignore[union-attr]
    assert governing_timex(trigger(doc, "summit"), found).text == "2019"  # type: ignore[union-attr]


def test_governing_timex_falls_back_to_the_nearest_in_the_sentence_and_never_crosses_it(parse) -> None:  # type: ignore[no-untyped-def]
    doc = parse("The strike, officials said, came in May. The ministers protested loudly.")
    found = find_timexes(doc, PUB)
    assert governing_timex(trigger(doc, "strike"), found).text == "May"  # type: ignore[union-attr]
    assert governing_timex(trigger(doc, "protested"), found) is None


def test_governing_timex_ignores_sets_and_bare_durations(parse) -> None:  # type: ignore[no-untyped-def]
    doc = parse("The army shelled the town every day for three weeks.")
    found = find_timexes(doc, PUB)
    assert {t.type for t in found} == {"set", "duration"}
    assert governing_timex(trigger(doc, "shelled"), found) is None


def test_the_period_a_text_is_about(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Profit fell in the third quarter. Sales for the quarter rose, and sales for the year fell."
    found = by_text(timexes(parse, text))
    named = found["the third quarter"].value or ""
    assert found["the quarter"].value == named  # the quarter just named
    assert found["the year"].value == named[:4]  # and its year
    assert "the year" not in by_text(timexes(parse, "She was named person of the year."))


# Sentences of my own with at least one match of every gated rule (checked by the test below).
GATED_RULE_SENTENCES = [
    "The accord was dated 2019-04-02 and filed on 3/4/2020.",
    "Talks ran 12-14 March 2022 and again March 20 to 22, 2023.",
    "The vote on 5th of May 2021 followed the poll of Tuesday, June 8.",
    "In March 2020 and again last April the envoys met; in the month of July they did not.",
    "Figures for 2019-20 and the year 2018 were revised.",
    "Since the mid-1990s, and in the '80s and the nineties, the border was quiet.",
    "In the early 20th century and the nineteenth century the town grew.",
    "Output fell in the third quarter of last year and in Q3 2023, after 2022 Q4.",
    "In the first half of 2022 and in H2 2023 exports rose.",
    "Last spring and in Summer 2021 the rebels advanced; this winter they retreated.",
    "Early on Friday morning and on Mondays the market closes.",
    "The day before yesterday and today, tonight and tomorrow evening are busy.",
    "This morning and last night the shelling went on.",
    "Last weekend and this coming weekend the talks continue.",
    "Earlier this month and later that year, in the same week, troops moved.",
    "At the year-end the figures were published.",
    "The day before, and the week after, nothing happened.",
    "Three years ago, two days earlier and a decade later things changed.",
    "Weeks ago and months later the army returned.",
    "In two weeks' time the deal will be signed.",
    "Over the past three months and the next year prices rose.",
    "In recent weeks and coming months aid will flow.",
    "Trains run twice a day and three times per week; fares rise 2% a year.",
    "The siege lasted for three and a half years, a six-month-long wait, and for weeks.",
    "A year-long truce and a decade-long war.",
    "Inspectors come every other week and each Monday.",
    "Reports are issued daily and published annually.",
    "Now and recently, currently and in the near future, officials act.",
    "At 3 pm, at 10.30 a.m., at 14:00 GMT and at noon or midnight the guns fell silent.",
    "On Christmas Eve 2022 and last Halloween and on the Fourth of July they met.",
    "Prices were up 4 per cent in 1999\nand in\n2001 they fell.",
]


def test_every_match_of_a_gated_rule_holds_a_word_of_its_gate() -> None:
    from newsgraph.extract.timex.patterns import GATES, RULES, scan

    matched: set[str] = set()
    for sentence in GATED_RULE_SENTENCES:
        for rule in RULES:
            for m in rule.pattern.finditer(sentence):
                matched.add(rule.name)
                gate = GATES.get(rule.name)
                assert not gate or any(w in m.group(0).lower() for w in gate), (rule.name, m.group(0))
    assert set(GATES) <= matched  # every gate was put to the test
    # gates only skip work: the scan finds what the rules find, line by line
    text = "\n".join(GATED_RULE_SENTENCES)
    found = {(c.start, c.end, c.rule) for c in scan(text)}
    every = set()
    for rule in RULES:
        for m in rule.pattern.finditer(text):
            if "\n" not in m.group(0) and rule.build(m) is not None:
                start, end = m.span("t") if "t" in m.re.groupindex and m.group("t") else m.span()
                every.add((start, end, rule.name))
    assert found == every
