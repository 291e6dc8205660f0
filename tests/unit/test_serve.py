"""The explorer's page data and rendering, over a store built from hand-made records (no model).

The records are written with the store's own ``write_batch`` and linked with ``relink``, so the
pages read exactly what ``newsgraph ingest`` would leave; the sentences are invented for these tests.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsgraph.errors import StoreError
from newsgraph.link import relink
from newsgraph.records import Actor, ActorMention, Article, Claim, ClaimSource, Event, Item, Place, Span, TimeValue
from newsgraph.serve import build_datasette, check_store
from newsgraph.serve.actor import actor_data
from newsgraph.serve.charts import (
    PlacePoint,
    TimePoint,
    country_paths,
    date_ticks,
    land_svg,
    layout_map,
    layout_timeline,
)
from newsgraph.serve.highlight import Mark, excerpt_bounds, locate, record_marks, tokenize
from newsgraph.serve.mentions import article_data, cluster_data, event_data, link_windows
from newsgraph.serve.queries import EventFilters, events_data, fts_query, overview_data, split_snippet
from newsgraph.store import Store

RUS = Actor(name="Russia", kind="state", country="RUS")
PRK = Actor(name="North Korea", kind="state", country="PRK")
CHN = Actor(name="China", kind="state", country="CHN")
IRN = Actor(name="Iran", kind="state", country="IRN")
SHELLS = Item(text="artillery shells", category="ammunition")
OFFICIALS = ClaimSource(text="officials", name="officials", named=False, kind="anonymous", basis="statement")
PAYLOAD = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"

A1 = Article(id="a1", source="North Wire", published=date(2024, 3, 4), title="Shells for the north",
             text="Russia has delivered artillery shells to North Korea, officials said.\n\n"
                  "North Korea asked Russia for fighter jets in March.")
A2 = Article(id="a2", source="East Daily", published=date(2024, 3, 5), title="Shells again",
             text="Russia supplied North Korea with artillery shells in Rason.")
A3 = Article(id="a3", source="Kremlin Watch", published=date(2024, 3, 6), title="A denial",
             text="Russia has not delivered artillery shells to North Korea.")
A4 = Article(id="a4/odd id", source="<b>Bad</b>", published=date(2024, 3, 7), title=PAYLOAD, url="javascript:alert(1)",
             text=f"{IMG} China will send drones to Iran. {PAYLOAD}")


def mention(text: str, word: str, actor: Actor, lo: int) -> ActorMention:
    s = text.index(word, lo)
    return ActorMention(start=0, end=1, start_char=s, end_char=s + len(word), text=word, actor=actor)


def event(
    article: Article, n: int, sentence: str, trigger: str, kind: str, *,
    source: Sequence[tuple[str, Actor]] = (), target: Sequence[tuple[str, Actor]] = (), items: Sequence[Item] = (),
    status: str = "asserted", attribution: Sequence[ClaimSource] = (), place: Place | None = None,
    time: TimeValue | None = None, confidence: float = 0.8,
) -> Event:
    text = article.text
    s = text.index(sentence)
    t = text.index(trigger, s)
    return Event(
        id=f"{article.id}-{n}", article_id=article.id, type=kind, status=status,
        source=tuple(mention(text, w, a, s) for w, a in source),
        target=tuple(mention(text, w, a, s) for w, a in target),
        items=tuple(items), attribution=tuple(attribution), location=place, time=time,
        evidence=Span(start=s, end=s + len(sentence), text=sentence),
        trigger=Span(start=t, end=t + len(trigger), text=trigger), confidence=confidence,
    )


EVENTS: dict[str, list[Event]] = {
    "a1": [
        event(A1, 0, "Russia has delivered artillery shells to North Korea, officials said.", "delivered", "AID",
              source=[("Russia", RUS)], target=[("North Korea", PRK)], items=[SHELLS], attribution=[OFFICIALS]),
        event(A1, 1, "North Korea asked Russia for fighter jets in March.", "asked", "REQUEST",
              source=[("North Korea", PRK)], target=[("Russia", RUS)],
              items=[Item(text="fighter jets", category="aircraft")],
              time=TimeValue(text="in March", start=date(2024, 3, 1), end=date(2024, 3, 31), precision="month")),
    ],
    "a2": [event(A2, 0, A2.text, "supplied", "AID", source=[("Russia", RUS)], target=[("North Korea", PRK)],
                 items=[SHELLS], place=Place(text="Rason", name="Rajin", country="PRK", lat=42.256, lon=130.283))],
    "a3": [event(A3, 0, A3.text, "delivered", "AID", source=[("Russia", RUS)], target=[("North Korea", PRK)],
                 items=[SHELLS], status="negated", confidence=0.4)],
    "a4/odd id": [event(A4, 0, "China will send drones to Iran.", "send", "AID", source=[("China", CHN)],
                        target=[("Iran", IRN)], items=[Item(text="drones", category="drones")], status="planned")],
}


def claim(article: Article, n: int, source: ClaimSource | None, source_text: str, cue: str, content: str,
          events: Sequence[str]) -> Claim:
    text = article.text
    c = text.index(content)
    k = text.index(cue)
    s = text.index(source_text) if source is not None else 0
    return Claim(id=f"{article.id}-c{n}", article_id=article.id, source=source,
                 source_span=Span(start=s, end=s + len(source_text), text=source_text) if source is not None else None,
                 cue=Span(start=k, end=k + len(cue), text=cue), cue_lemma=cue, form="indirect", basis="statement",
                 content=Span(start=c, end=c + len(content), text=content), stance="assert", events=tuple(events))


PAYLOAD_SOURCE = ClaimSource(text=PAYLOAD, name=PAYLOAD, named=True, kind="organization", basis="statement")
CLAIMS: dict[str, list[Claim]] = {
    "a1": [claim(A1, 0, OFFICIALS, "officials", "said", "Russia has delivered artillery shells to North Korea",
                 ["a1-0"])],
    "a4/odd id": [claim(A4, 0, PAYLOAD_SOURCE, PAYLOAD, "send", "China will send drones to Iran",
                        ["a4/odd id-0"])],
}


def build_store(path: Path | str) -> sqlite3.Connection:
    store = Store(path)
    store.write([(a, EVENTS[a.id], CLAIMS.get(a.id, [])) for a in (A1, A2, A3, A4)])
    relink(store.conn)
    return store.conn


@pytest.fixture(scope="module")
def conn() -> Iterator[sqlite3.Connection]:
    connection = build_store(":memory:")
    yield connection
    connection.close()


def actor_id(conn: sqlite3.Connection, name: str) -> int:
    return int(conn.execute("SELECT id FROM actors WHERE name = ?", (name,)).fetchone()[0])


def cluster_of(conn: sqlite3.Connection, event_id: str) -> str:
    return str(conn.execute("SELECT cluster_id FROM events WHERE id = ?", (event_id,)).fetchone()[0])


# --- highlight ----------------------------------------------------------------------------------


def rebuild(tokens: Sequence[Any]) -> str:
    return "".join(t.text for t in tokens if t.op == "text")


def test_tokenize_nests_marks_and_keeps_the_text() -> None:
    text = "Alpha beta gamma delta."
    marks = [Mark(start=6, end=16, kind="evidence"), Mark(start=11, end=16, kind="trigger"),
             Mark(start=0, end=5, kind="source")]
    tokens = tokenize(text, marks)
    assert rebuild(tokens) == text
    assert [(t.op, t.kind or t.text) for t in tokens] == [
        ("open", "source"), ("text", "Alpha"), ("close", "source"), ("text", " "), ("open", "evidence"),
        ("text", "beta "), ("open", "trigger"), ("text", "gamma"), ("close", "trigger"), ("close", "evidence"),
        ("text", " delta."),
    ]


def test_tokenize_clips_crossing_marks_so_they_nest() -> None:
    text = "one two three four"
    tokens = tokenize(text, [Mark(start=0, end=7, kind="evidence"), Mark(start=4, end=13, kind="item")])
    depth = 0
    for t in tokens:
        depth += {"open": 1, "close": -1}.get(t.op, 0)
        assert depth >= 0
    assert depth == 0
    assert rebuild(tokens) == text
    opened = [i for i, t in enumerate(tokens) if t.op == "open" and t.kind == "item"]
    assert tokens[opened[0] + 1].text == "two"  # clipped to the evidence's end


def test_tokenize_window() -> None:
    text = "0123456789"
    tokens = tokenize(text, [Mark(start=2, end=8, kind="evidence")], start=4, end=6)
    assert rebuild(tokens) == "45"
    assert tokens[0].op == "open"


def test_locate_whole_words_inside_the_span_only() -> None:
    text = "Iranian officials said Iran and Iran"
    assert locate(text, "Iran", 0, len(text)) == (23, 27)
    assert locate(text, "Iran", 0, len(text), taken=[(23, 27)]) == (32, 36)
    assert locate(text, "Iran", 0, 20) is None
    assert locate(text, "  ", 0, len(text)) is None


def test_record_marks_use_offsets_and_find_mentions_in_the_evidence() -> None:
    record = EVENTS["a1"][0].to_dict()
    marks = {m.kind: A1.text[m.start:m.end] for m in record_marks(A1.text, record)}
    assert marks == {"evidence": record["evidence"]["text"], "trigger": "delivered", "source": "Russia",
                     "target": "North Korea", "item": "artillery shells"}
    later = EVENTS["a1"][1].to_dict()
    found = [(m.kind, m.start) for m in record_marks(A1.text, later)]
    # "Russia" and "North Korea" also occur in the first sentence: only the ones in this evidence count
    assert all(start >= later["evidence"]["start"] for _, start in found)
    assert ("time", A1.text.index("in March")) in found


def test_record_marks_skip_offsets_that_do_not_fit() -> None:
    record = EVENTS["a1"][0].to_dict()
    assert record_marks("short", record) == []


def test_excerpt_bounds_cut_at_whitespace_and_paragraphs() -> None:
    text = "First paragraph here.\n\nSome words before the evidence sentence and some after it."
    start = text.index("evidence")
    lo, hi = excerpt_bounds(text, start, start + 8, context=15)
    assert text[lo:hi].startswith("before") or text[lo - 1] in " \n"
    assert text[hi] == " " or hi == len(text)
    lo, _ = excerpt_bounds(text, start, start + 8, context=60)
    assert lo == text.index("Some")  # not back into the previous paragraph


# --- overview and events list -------------------------------------------------------------------


def test_overview_counts_dyads_and_conflicts(conn: sqlite3.Connection) -> None:
    data = overview_data(conn)
    assert data.counts["articles"] == 4
    assert data.counts["events"] == 5
    assert data.counts["conflicts"] == 1
    top = data.dyads[0]
    assert (top.source.name, top.target.name, top.count, top.types) == ("Russia", "North Korea", 3, ("AID",))
    assert [c.id for c in data.conflicts] == [cluster_of(conn, "a1-0")]
    assert data.conflicts[0].conflict_kinds == ("status",)
    assert data.latest[0].article_id == "a4/odd id"  # newest article first
    assert data.statuses == {"asserted": 3, "negated": 1, "planned": 1}
    assert data.actors[0].name in {"Russia", "North Korea"} and data.actors[0].events == 4


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ({}, {"a1-0", "a1-1", "a2-0", "a3-0", "a4/odd id-0"}),
        ({"type": "request"}, {"a1-1"}),
        ({"status": "negated"}, {"a3-0"}),
        ({"category": "drones"}, {"a4/odd id-0"}),
        ({"actor": "china"}, {"a4/odd id-0"}),
        ({"actor": "Korea", "type": "AID"}, {"a1-0", "a2-0", "a3-0"}),
        ({"q": "Rason"}, {"a2-0"}),
        ({"q": 'shells OR "jets'}, set()),  # operators and quotes are words, not FTS syntax
        ({"q": "supplied shells"}, {"a2-0"}),
        ({"since": "2024-03-06"}, {"a3-0", "a4/odd id-0", "a1-1"}),  # a1-1 happens "in March"
        ({"until": "2024-03-04"}, {"a1-0", "a1-1"}),
        ({"confidence": "0.5"}, {"a1-0", "a1-1", "a2-0", "a4/odd id-0"}),
        # the role of the actor, and who is on the other side
        ({"actor": "Russia", "role": "source"}, {"a1-0", "a2-0", "a3-0"}),
        ({"actor": "Russia", "role": "target"}, {"a1-1"}),
        ({"actor": "North Korea", "role": "source", "counterpart": "Russia"}, {"a1-1"}),
        ({"actor": "Russia", "counterpart": "Iran"}, set()),
        ({"counterpart": "Iran"}, {"a4/odd id-0"}),
        # the words must be in the event's own sentence, not only somewhere in its article
        ({"q": "fighter jets"}, {"a1-1"}),
        ({"q": "officials"}, {"a1-0"}),
    ],
)
def test_events_filters(conn: sqlite3.Connection, args: dict[str, str], expected: set[str]) -> None:
    page = events_data(conn, EventFilters.from_query(args))
    assert {e.id for e in page.events} == expected
    assert page.total == len(expected)


def test_events_filter_by_actor_and_target(conn: sqlite3.Connection) -> None:
    filters = EventFilters.from_query({"actor": str(actor_id(conn, "North Korea")),
                                       "target": str(actor_id(conn, "Russia"))})
    assert [e.id for e in events_data(conn, filters).events] == ["a1-1"]


def test_events_pages_and_search_hits(conn: sqlite3.Connection) -> None:
    page = events_data(conn, EventFilters.from_query({"page": "2"}), page_size=2)
    assert page.total == 5 and page.pages == 3 and len(page.events) == 2
    hits = events_data(conn, EventFilters.from_query({"q": "drones"})).articles
    assert [h.id for h in hits] == ["a4/odd id"]
    assert (True, "drones") in hits[0].snippet


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"type": "HUG"}, "unknown event type"),
        ({"status": "maybe"}, "unknown status"),
        ({"since": "March"}, "since must be a date"),
        ({"page": "0"}, "page must be a number from 1"),
        ({"page": "9" * 26}, "page must be a number from 1"),
        ({"page": "²"}, "page must be a number from 1"),
        ({"target": "Russia"}, "target must be an actor id"),
        ({"actor": "Russia", "role": "victim"}, "unknown role"),
        ({"target": "9" * 26}, "target must be an actor id"),
        ({"target": "²"}, "target must be an actor id"),
        ({"q": "x" * 600}, "longer than"),
        ({"actor": "x" * 600}, "longer than"),
        ({"confidence": "high"}, "confidence must be a number from 0 to 1"),
        ({"confidence": "1.5"}, "confidence must be a number from 0 to 1"),
    ],
)
def test_event_filters_reject_bad_values(args: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        EventFilters.from_query(args)


def test_fts_query_and_snippets() -> None:
    assert fts_query('shells OR "jets* -x') == '"shells" "OR" "jets" "x"'
    assert fts_query("  ") == ""
    assert split_snippet("a \x02b\x03 c") == [(False, "a "), (True, "b"), (False, " c")]


# --- actor page ---------------------------------------------------------------------------------


def test_actor_page(conn: sqlite3.Connection) -> None:
    page = actor_data(conn, actor_id(conn, "Russia"))
    assert page is not None
    assert page.n_events == 4 and page.roles == {"source": 3, "target": 1}
    (korea,) = page.counterparts
    edges = {(e.type, e.direction): (e.count, dict(e.statuses), dict(e.items)) for e in korea.edges}
    assert edges == {
        ("AID", "out"): (3, {"asserted": 2, "negated": 1}, {"ammunition": 3}),
        ("REQUEST", "in"): (1, {"asserted": 1}, {"aircraft": 1}),
    }
    assert {n["name"] for n in page.graph["nodes"]} == {"Russia", "North Korea"}
    assert {(e["type"], e["status"]) for e in page.graph["edges"]} == {("AID", "asserted"), ("REQUEST", "asserted")}
    flows = {(f.direction, f.category): f.count for f in page.items}
    assert flows == {("out", "ammunition"): 3, ("out", "aircraft"): 1}  # asked for jets: they would go out
    assert [(p.name, p.count) for p in page.places] == [("Rajin", 1)]
    assert page.map is not None and len(page.map.dots) == 1
    assert [(r.name, r.count) for r in page.reporters] == [("officials", 1)]
    assert dict(page.outlets) == {"North Wire": 1, "East Daily": 1, "Kremlin Watch": 1}
    assert page.timeline is not None and len(page.timeline.dots) == 4
    assert actor_data(conn, 999_999) is None


def test_graph_labels_tell_same_named_actors_apart(conn: sqlite3.Connection) -> None:
    from newsgraph.serve.actor import ActorInfo, Counterpart, graph_json

    center = ActorInfo(id=1, name="Russia", kind="state", country="RUS", sector=None, role=None, wikidata="Q159")
    twin = Counterpart(id=2, name="Russia", kind="state", country="RUS", sector="GOV", count=1, edges=(), drawn=True)
    labels = [n["label"] for n in graph_json(center, [twin])["nodes"]]
    assert labels == ["Russia (state)", "Russia (GOV)"]
    assert center.wikidata_url == "https://www.wikidata.org/wiki/Q159"


# --- charts -------------------------------------------------------------------------------------


def test_timeline_layout() -> None:
    points = [TimePoint(day=d, lane=lane, status="asserted", href="#", title="")
              for d, lane in [("2024-01-01", "AID"), ("2024-03-01", "AID"), ("2024-02-01T10:00", "REQUEST"),
                              ("not a date", "AID")]]
    timeline = layout_timeline(points)
    assert timeline is not None
    assert [name for name, _ in timeline.lanes] == ["AID", "REQUEST"]
    xs = sorted(d.x for d in timeline.dots)
    assert len(xs) == 3 and xs[0] < xs[1] < xs[2]
    assert layout_timeline([]) is None
    assert [label for _, label in date_ticks(date(2020, 1, 1), date(2024, 1, 1))] == [
        "2020", "2021", "2022", "2023", "2024"]


def test_timeline_ticks_are_calendar_dates_in_order_each_once() -> None:
    for first, last in [(date(2017, 3, 5), date(2019, 8, 1)), (date(2016, 12, 30), date(2018, 1, 2)),
                        (date(2010, 6, 1), date(2024, 2, 1)), (date(2024, 1, 10), date(2024, 2, 20)),
                        (date(2018, 12, 31), date(2019, 1, 1)), (date(1990, 5, 5), date(2026, 1, 1))]:
        ticks = date_ticks(first, last)
        days = [d for d, _ in ticks]
        labels = [label for _, label in ticks]
        assert days == sorted(days) and len(set(labels)) == len(labels) and 2 <= len(ticks) <= 6
        assert all(first <= d <= last for d in days)
    # years span: new years only ("2017" never twice, no year skipped between ticks)
    assert [label for _, label in date_ticks(date(2016, 7, 1), date(2021, 3, 1))] == [
        "2017", "2018", "2019", "2020", "2021"]
    assert [label for _, label in date_ticks(date(2017, 3, 5), date(2019, 8, 1))][:2] == ["2017-07", "2018-01"]


def test_map_fits_the_places() -> None:
    view = layout_map([PlacePoint(name="A", lat=50.0, lon=20.0, count=2, status="asserted", href="#"),
                       PlacePoint(name="B", lat=40.0, lon=30.0, count=1, status="planned", href="#")])
    assert view is not None
    x0, y0, w, h = map(float, view.viewbox.split())
    for dot in view.dots:
        assert x0 <= dot.x <= x0 + w and y0 <= dot.y <= y0 + h
    assert w == 2 * h and w >= 100
    assert layout_map([]) is None


def test_the_map_backdrop_draws_every_country_with_its_border_and_no_line_across_the_map() -> None:
    paths = dict(country_paths())
    assert len(paths) >= 170 and {"Russia", "Peru", "Ukraine", "North Korea", "Fiji"} <= set(paths)
    for name, d in paths.items():
        for ring in d.split("M")[1:]:
            xs = [float(point.split()[0]) for point in ring.rstrip("Z").split("L")]
            assert all(abs(a - b) < 90 for a, b in zip(xs, xs[1:], strict=False)), name  # no antimeridian jump
    # Peru sits where its capital is: Lima (77.0 W, 12.0 S) inside Peru's outline box
    xs = [float(p.split()[0]) for ring in paths["Peru"].split("M")[1:] for p in ring.rstrip("Z").split("L")]
    ys = [float(p.split()[1]) for ring in paths["Peru"].split("M")[1:] for p in ring.rstrip("Z").split("L")]
    assert min(xs) < 180 - 77.0 < max(xs) and min(ys) < 90 + 12.0 < max(ys)
    svg = land_svg()
    assert svg.startswith("<svg") and 'stroke="#ffffff"' in svg and "<title>Peru</title>" in svg


# --- cluster, mention and article pages ---------------------------------------------------------


def test_cluster_page_flags_the_dissenting_report(conn: sqlite3.Connection) -> None:
    page = cluster_data(conn, cluster_of(conn, "a1-0"))
    assert page is not None
    assert [m.event.id for m in page.mentions] == ["a1-0", "a2-0", "a3-0"]  # oldest report first
    assert page.conflicts == {"status": [("asserted", 2), ("negated", 1)]}
    assert [m.dissent for m in page.mentions] == [False, False, True]
    assert page.mentions[2].conflicts[0].others == (("asserted", 2),)
    for m in page.mentions:
        opened = [i for i, t in enumerate(m.excerpt) if t.op == "open" and t.kind == "evidence"]
        assert len(opened) == 1
        inner = m.excerpt[opened[0]:]
        close = next(i for i, t in enumerate(inner) if t.op == "close" and t.kind == "evidence")
        assert rebuild(inner[:close]) == m.event.evidence
    assert cluster_data(conn, "nope") is None


def test_event_page_and_article_page(conn: sqlite3.Connection) -> None:
    mention_card = event_data(conn, "a3-0")
    assert mention_card is not None and mention_card.dissent
    assert event_data(conn, "nope") is None
    page = article_data(conn, "a1")
    assert page is not None
    assert rebuild(page.tokens) == A1.text
    evidence = [t for t in page.tokens if t.op == "close" and t.kind == "evidence"]
    assert [[link.label for link in t.links] for t in evidence] == [["AID"], ["REQUEST"]]
    assert evidence[0].links[0].href.startswith("/-/newsgraph/cluster/")
    payload = article_data(conn, "a4/odd id")
    assert payload is not None and payload.article.safe_url is None
    assert rebuild(payload.tokens) == A4.text  # kept verbatim here; the templates escape it
    assert article_data(conn, "nope") is None


# --- the server: pages, escaping, read-only, errors ---------------------------------------------


@pytest.fixture(scope="module")
def db_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "unit.db"
    build_store(path).close()
    return path


def fetch(db_file: Path, *paths: str, min_confidence: float | None = None) -> list[Any]:
    datasette = build_datasette(db_file, min_confidence=min_confidence)

    async def get_all() -> list[Any]:
        return [await datasette.client.get(p) for p in paths]

    # in a thread of its own: Playwright's sync API (browser tests) may hold an event loop in this one
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, get_all()).result()


def test_pages_render_and_escape(db_file: Path) -> None:
    conn = sqlite3.connect(db_file)
    cluster = cluster_of(conn, "a1-0")
    china = actor_id(conn, "China")
    conn.close()
    paths = ["/", "/-/newsgraph", "/-/newsgraph/events?q=drones", f"/-/newsgraph/cluster/{cluster}",
             "/-/newsgraph/article/a4%2Fodd%20id", f"/-/newsgraph/actor/{china}", "/-/newsgraph/event/a1-1",
             "/-/newsgraph/static/graph.js", "/-/newsgraph/static/newsgraph.css"]
    responses = fetch(db_file, *paths)
    assert [r.status_code for r in responses] == [302, *[200] * (len(paths) - 1)]
    assert responses[0].headers["location"] == "/-/newsgraph"
    for r in responses[1:7]:
        assert "<script>alert" not in r.text and "<img src=x" not in r.text
        assert "<b>Bad</b>" not in r.text
    article = responses[4].text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    assert "&lt;img src=x onerror=alert(1)&gt;" in article
    assert "javascript:" not in article
    assert '<mark class="ng-m ng-m-trigger" title="trigger: AID">send</mark>' in article
    assert 'id="ng-graph-data"' in responses[5].text and "&lt;b&gt;Bad&lt;/b&gt;" in responses[5].text
    assert "http://" not in responses[1].text.replace("http://www.w3.org", "")  # nothing from elsewhere


def test_the_events_list_downloads_as_json_and_csv(db_file: Path) -> None:
    as_json, as_csv, bad = fetch(db_file, "/-/newsgraph/events.json?actor=Russia&role=source&status=asserted",
                                 "/-/newsgraph/events.csv?actor=Russia&role=source&status=asserted",
                                 "/-/newsgraph/events.json?type=HUG")
    data = as_json.json()
    assert data["filters"] == {"actor": "Russia", "role": "source", "status": "asserted"}
    assert {e["id"] for e in data["events"]} == {"a1-0", "a2-0"} and data["total"] == 2
    assert all(e["source"][0]["name"] == "Russia" for e in data["events"])  # contract records
    assert as_csv.headers["content-type"].startswith("text/csv")
    lines = as_csv.text.splitlines()
    assert lines[0].startswith("id,article_id,schema_version,type") and len(lines) == 3
    assert {line.split(",")[0] for line in lines[1:]} == {"a1-0", "a2-0"}
    assert bad.status_code == 400 and "unknown event type" in bad.json()["error"]


def test_missing_pages_and_bad_filters(db_file: Path) -> None:
    responses = fetch(db_file, "/-/newsgraph/actor/424242", "/-/newsgraph/cluster/none", "/-/newsgraph/article/x",
                      "/-/newsgraph/events?type=HUG")
    assert [r.status_code for r in responses] == [404, 404, 404, 400]
    assert "There is no actor with id 424242" in responses[0].text
    assert "unknown event type" in responses[3].text


def test_odd_ids_and_numbers_answer_400_or_404_never_500(db_file: Path) -> None:
    paths = ["/-/newsgraph/actor/" + "9" * 23, "/-/newsgraph/events?page=" + "9" * 26,
             "/-/newsgraph/events?page=%C2%B2", "/-/newsgraph/events?target=" + "9" * 26,
             "/-/newsgraph/events?target=%C2%B2", "/-/newsgraph/events?actor=%C2%B2",
             "/-/newsgraph/events?actor=" + "9" * 26, "/-/newsgraph/events?page=" + "1" * 50000]
    responses = fetch(db_file, *paths)
    assert [r.status_code for r in responses] == [404, 400, 400, 400, 400, 200, 200, 400]


def test_every_page_says_not_to_be_framed_or_sniffed(db_file: Path) -> None:
    ours, table = fetch(db_file, "/-/newsgraph", "/unit/events")
    for response in (ours, table):
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    # newsgraph's pages allow no inline script but Datasette's menu script, by its hash
    policy = ours.headers["content-security-policy"]
    scripts = next(part for part in policy.split(";") if part.strip().startswith("script-src"))
    assert "'sha256-" in scripts and "unsafe-inline" not in scripts
    assert "script-src 'self' 'unsafe-inline'" in table.headers["content-security-policy"]


def test_visitors_run_no_sql_of_their_own_unless_allowed(db_file: Path) -> None:
    sql = "/unit.json?sql=select+length(hex(zeroblob(100)))"
    (denied,) = fetch(db_file, sql)
    assert denied.status_code == 403
    datasette = build_datasette(db_file, allow_sql=True)
    with ThreadPoolExecutor(max_workers=1) as pool:
        allowed = pool.submit(asyncio.run, datasette.client.get(sql)).result()
    assert allowed.status_code == 200


def test_a_served_minimum_confidence_is_the_events_lists_default(db_file: Path) -> None:
    default, asked = fetch(db_file, "/-/newsgraph/events", "/-/newsgraph/events?confidence=0.3",
                           min_confidence=0.5)
    assert "Kremlin Watch" not in default.text  # its one event has confidence 0.4: below the served minimum
    assert 'name="confidence" min="0" max="1" step="0.05" value="0.5"' in default.text
    assert "Kremlin Watch" in asked.text  # the page's own filter wins


def test_served_database_is_read_only(db_file: Path) -> None:
    (response,) = fetch(db_file, "/unit.json?sql=DELETE+FROM+articles")
    assert response.status_code == 400
    conn = sqlite3.connect(db_file)
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 4
    conn.close()


def test_check_store_errors(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such file"):
        check_store(tmp_path / "missing.db")
    with pytest.raises(StoreError, match="a directory"):
        check_store(tmp_path)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(StoreError):
        check_store(junk)
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    with pytest.raises(StoreError, match="not a newsgraph database"):
        check_store(empty)


def test_serve_command_reports_a_missing_database(tmp_path: Path) -> None:
    from newsgraph.cli.app import app

    result = CliRunner().invoke(app, ["serve", str(tmp_path / "nope.db")])
    assert result.exit_code == 1
    assert "nope.db: no such file" in result.output


def test_serve_command_warns_off_loopback_and_passes_the_minimum(
    db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsgraph.serve
    from newsgraph.cli.app import app

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(newsgraph.serve, "run_server", lambda db, **kw: calls.append(kw))
    local = CliRunner().invoke(app, ["serve", str(db_file), "--min-confidence", "0.7"])
    shared = CliRunner().invoke(app, ["serve", str(db_file), "--host", "0.0.0.0"])
    assert local.exit_code == 0 and shared.exit_code == 0
    assert "warning" not in local.output and "warning: listening on 0.0.0.0" in shared.output
    assert calls[0]["min_confidence"] == 0.7 and calls[1]["host"] == "0.0.0.0"
    assert calls[0]["allow_sql"] is False and "run read-only SQL" not in shared.output
    with_sql = CliRunner().invoke(app, ["serve", str(db_file), "--host", "0.0.0.0", "--allow-sql"])
    assert calls[2]["allow_sql"] is True and "run read-only SQL" in with_sql.output


def test_actor_marks_use_the_recorded_offsets() -> None:
    from newsgraph.serve.highlight import record_marks

    text = "Chile said Peru had sent it arms, and it would pay."
    second_it = text.index("it would")
    record = {
        "type": "AID",
        "evidence": {"start": 0, "end": len(text), "text": text,
                     "trigger": {"start": text.index("sent"), "end": text.index("sent") + 4, "text": "sent"}},
        "source": [{"text": "Peru", "name": "Peru", "start": text.index("Peru"), "end": text.index("Peru") + 4}],
        "target": [{"text": "it", "name": "Chile", "start": second_it, "end": second_it + 2}],
    }
    marks = {m.kind: (m.start, m.end) for m in record_marks(text, record)}
    assert marks["target"] == (second_it, second_it + 2)  # not the first "it" in the sentence


def test_claims_on_the_article_page_and_the_source_page(db_file: Path) -> None:
    conn = sqlite3.connect(db_file)
    russia = actor_id(conn, "Russia")
    conn.close()
    article, source, payload, missing, unnamed, actor = fetch(
        db_file, "/-/newsgraph/article/a1", "/-/newsgraph/source?name=OFFICIALS",
        "/-/newsgraph/source?name=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/-/newsgraph/source?name=Nobody",
        "/-/newsgraph/source", f"/-/newsgraph/actor/{russia}")
    statuses = [r.status_code for r in (article, source, payload, missing, unnamed, actor)]
    assert statuses == [200, 200, 200, 404, 400, 200]
    assert "Who says what in this article" in article.text
    assert "Russia has delivered artillery shells to North Korea" in article.text
    assert 'href="/-/newsgraph/source?name=officials"' in article.text
    assert "What officials says" in source.text and "AID 1" in source.text and "North Korea 1" in source.text
    assert "<script>alert" not in payload.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in payload.text
    assert "Claims about Russia" in actor.text and "/-/newsgraph/source?name=officials" in actor.text


def test_datasettes_own_search_on_articles_finds_only_matching_articles(db_file: Path) -> None:
    (found, nothing) = fetch(db_file, "/unit/articles.json?_search=drones&_shape=array",
                             "/unit/articles.json?_search=zeppelin&_shape=array")
    assert found.status_code == 200 and [r["id"] for r in found.json()] == ["a4/odd id"]
    assert nothing.json() == []


def test_a_tie_in_a_conflict_flags_no_report_as_dissenting() -> None:
    from newsgraph.serve.mentions import load_conflicts
    from newsgraph.store import connect, migrate

    conn = connect(":memory:")
    migrate(conn)
    conn.execute("PRAGMA foreign_keys = OFF")  # only the conflicts table is read
    rows = [("c1", "status", "e1", "asserted"), ("c1", "status", "e2", "negated"),
            ("c2", "status", "e3", "asserted"), ("c2", "status", "e4", "asserted"), ("c2", "status", "e5", "negated")]
    conn.executemany("INSERT INTO conflicts VALUES (?, ?, ?, ?)", rows)
    tie, _ = load_conflicts(conn, "c1")
    assert [c.dissent for e in ("e1", "e2") for c in tie[e]] == [False, False]
    majority, _ = load_conflicts(conn, "c2")
    assert [c.dissent for e in ("e3", "e4", "e5") for c in majority[e]] == [False, False, True]


def test_datasettes_events_table_shows_the_start_of_each_record_and_links_the_whole(db_file: Path) -> None:
    table, row = fetch(db_file, "/unit/events?_size=10", "/unit/events/a1-0.json?_shape=array")
    assert table.status_code == 200 and "whole record (JSON)" in table.text
    assert '"evidence"' not in table.text.replace("&#34;", '"')  # the records are cut before their evidence
    assert 'href="/unit/events/a1-0.json"' in table.text
    assert json.loads(row.json()[0]["record"])["id"] == "a1-0"  # the whole record is on the row's JSON


def test_serve_command_says_so_in_one_line_when_the_port_is_taken(
    db_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    import newsgraph.serve
    from newsgraph.cli.app import app

    monkeypatch.setattr(newsgraph.serve, "run_server", lambda db, **kw: pytest.fail("must not start"))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(app, ["serve", str(db_file), "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot listen on 127.0.0.1:{port}: the port is in use" in result.output
    assert "Traceback" not in result.output


def test_cluster_cards_show_the_window_the_linker_used(conn: sqlite3.Connection) -> None:
    page = cluster_data(conn, cluster_of(conn, "a1-0"))
    assert page is not None and all(m.window is not None for m in page.mentions)
    first = page.mentions[0]
    assert first.window is not None and first.window[0] <= first.window[1]
    assert link_windows(conn, ["nope"]) == {}
    old = sqlite3.connect(":memory:")
    old.execute("CREATE TABLE events (id TEXT)")  # a store from before the windows were kept
    assert link_windows(old, ["a1-0"]) == {}
