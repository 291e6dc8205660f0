"""Conflicts inside an event cluster (``newsgraph.link.conflicts``) and as ``relink`` stores them."""

from __future__ import annotations

import math
from datetime import date

import pytest

from fixtures.linking.storedb import add_article, add_record, open_store, record, state
from newsgraph.link import relink
from newsgraph.link.conflicts import MentionFacts, find_conflicts, parse_amount


def _facts(event_id: str, status: str = "asserted", quantities: tuple[tuple[str, str], ...] = (),
           time: tuple[str, str] | None = None, time_text: str | None = None, source: str = "") -> MentionFacts:
    start, end = (date.fromisoformat(time[0]), date.fromisoformat(time[1])) if time else (None, None)
    return MentionFacts(event_id=event_id, status=status, quantities=quantities, time_start=start, time_end=end,
                        time_text=time_text, source=source or f"outlet of {event_id}")


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("40", 40, 40, ""),
        ("1,200", 1200, 1200, ""),
        ("10 000", 10000, 10000, ""),
        ("six", 6, 6, ""),
        ("forty-five", 45, 45, ""),
        ("two hundred", 200, 200, ""),
        ("a dozen", 12, 12, ""),
        ("about 40", 32, 48, ""),
        ("more than 40", 40, math.inf, ""),
        ("up to 40", 0, 40, ""),
        ("500 tonnes", 500, 500, "tonne"),
        ("$2bn", 2e9, 2e9, "$"),
        ("1.5 million", 1.5e6, 1.5e6, ""),
    ],
)
def test_amounts_parse_to_intervals(text: str, low: float, high: float, unit: str) -> None:
    amount = parse_amount(text)
    assert amount is not None
    assert amount.unit == unit
    assert amount.low == pytest.approx(low)
    assert amount.high == pytest.approx(high)


@pytest.mark.parametrize("text", [None, "", "dozens", "hundreds of", "several", "many"])
def test_vague_amounts_say_nothing(text: str | None) -> None:
    assert parse_amount(text) is None


def test_asserted_against_negated_is_a_status_conflict_naming_both_sides() -> None:
    found = find_conflicts([_facts("yes"), _facts("no", "negated"), _facts("maybe", "possible")])
    assert {(c.kind, c.event_id, c.value) for c in found} == {("status", "yes", "asserted"),
                                                             ("status", "no", "negated")}


def test_a_denial_in_the_same_outlet_is_no_disagreement_between_sources() -> None:
    same = [_facts("yes", source="Lima Daily"), _facts("no", "negated", source="Lima Daily")]
    assert find_conflicts(same) == []  # "has sent" and "has not sent yet" in one paper's story
    found = find_conflicts([*same, _facts("wire", "negated", source="Andes Wire")])
    assert {(c.event_id, c.value) for c in found} == {("yes", "asserted"), ("wire", "negated")}


@pytest.mark.parametrize("other", ["planned", "possible", "requested", "hypothetical"])
def test_only_a_report_of_it_happening_conflicts_with_a_denial(other: str) -> None:
    assert find_conflicts([_facts("a", other), _facts("b", "negated")]) == []


def test_different_quantities_of_one_category_conflict() -> None:
    found = find_conflicts([
        _facts("forty", quantities=(("ships", "40"),)),
        _facts("fifty", quantities=(("ships", "50"), ("food", "300 tonnes"))),
        _facts("about", quantities=(("ships", "about 45"),)),  # meets both: no conflict of its own
        _facts("tonnes", quantities=(("food", "300 tonnes"),)),
        _facts("denied", "negated", quantities=(("ships", "12"),)),  # a denial's numbers are not claims
    ])
    assert {(c.kind, c.event_id, c.value) for c in found if c.kind == "quantity"} == {
        ("quantity", "forty", "ships: 40"), ("quantity", "fifty", "ships: 50"),
    }


def test_hedged_and_other_unit_amounts_do_not_conflict() -> None:
    assert find_conflicts([_facts("a", quantities=(("ammunition", "more than 1,000"),)),
                           _facts("b", quantities=(("ammunition", "1,500"),)),
                           _facts("c", quantities=(("ammunition", "2,000 tonnes"),))]) == []


def test_time_ranges_that_do_not_meet_conflict() -> None:
    found = find_conflicts([
        _facts("march", time=("2024-03-01", "2024-03-31"), time_text="in March"),
        _facts("may", time=("2024-05-01", "2024-05-31"), time_text="in May"),
        _facts("spring", time=("2024-03-01", "2024-05-31"), time_text="this spring"),
        _facts("untimed"),
    ])
    assert {(c.kind, c.event_id, c.value) for c in found} == {("time", "march", "in March"),
                                                             ("time", "may", "in May")}
    assert find_conflicts([_facts("a", time=("2024-03-01", "2024-03-31")),
                           _facts("b", time=("2024-03-15", "2024-03-15"))]) == []


def test_times_within_one_outlet_or_of_a_plan_do_not_conflict() -> None:
    steps = [_facts("announced", time=("2024-03-04", "2024-03-04"), source="Wire"),
             _facts("begun", time=("2024-02-26", "2024-03-03"), source="Wire")]
    assert find_conflicts(steps) == []
    plan = [_facts("done", time=("2024-03-04", "2024-03-04")),
            _facts("plan", status="planned", time=("2024-05-01", "2024-05-31"))]
    assert find_conflicts(plan) == []


def test_relink_flags_the_cluster_and_stores_one_row_per_mention_and_kind() -> None:
    conn = open_store()
    for n in range(4):
        add_article(conn, id=f"a{n}", text=f"article {n} " + "word " * 5 * (n + 1), published=f"2024-03-0{n + 1}")
    boats = "patrol boats"
    add_record(conn, record("e0", "a0", "AID", [state("BRA")], [state("PER")], items=[(boats, "ships", "6")]))
    add_record(conn, record("e1", "a1", "AID", [state("BRA")], [state("PER")], items=[(boats, "ships", "8")]))
    add_record(conn, record("e2", "a2", "AID", [state("BRA")], [state("PER")], items=[(boats, "ships", None)],
                            status="negated"))
    add_record(conn, record("e3", "a3", "AID", [state("NOR")], [state("EST")], items=[(boats, "ships", "2")]))
    summary = relink(conn)
    assert summary.conflicts == 1
    rows = conn.execute("SELECT c.kind, c.event_id, c.value, k.conflicting FROM conflicts c "
                        "JOIN clusters k ON k.id = c.cluster_id ORDER BY c.kind, c.event_id").fetchall()
    assert rows == [("quantity", "e0", "ships: 6", 1), ("quantity", "e1", "ships: 8", 1),
                    ("status", "e0", "asserted", 1), ("status", "e1", "asserted", 1), ("status", "e2", "negated", 1)]
    assert conn.execute("SELECT conflicting FROM clusters c JOIN events e ON e.cluster_id = c.id "
                        "WHERE e.id = 'e3'").fetchone() == (0,)
