"""Event clusters, independent sources and ``relink`` (``newsgraph.link``) on hand-built stores."""

from __future__ import annotations

import dataclasses
import hashlib
import sqlite3
from datetime import date
from typing import Any

import pytest

from fixtures.linking.storedb import add_article, add_record, open_store, record, state
from newsgraph.link import LinkSummary, relink
from newsgraph.link.clusters import Mention, cluster_mentions
from newsgraph.link.outlets import count_sources, outlet_key, url_host

BOATS = [("patrol boats", "ships", None)]
WORDS = ["harbour", "market", "weather", "council", "ferry", "court", "budget", "school", "river", "bridge",
         "farm", "rail", "election"]


def _text(seed: str, n: int = 80) -> str:
    """Distinct filler text per seed, so that hand-made articles are not near-duplicates."""
    digest = hashlib.sha256(seed.encode()).digest() * 4
    return " ".join(WORDS[b % len(WORDS)] for b in digest[:n]) + "."


def _article(conn: sqlite3.Connection, article_id: str, published: str | None = "2024-03-04", **kw: Any) -> None:
    add_article(conn, id=article_id, text=_text(article_id), published=published, **kw)


def _cluster_of(conn: sqlite3.Connection, event_id: str) -> str:
    (cluster_id,) = conn.execute("SELECT cluster_id FROM events WHERE id = ?", (event_id,)).fetchone()
    assert cluster_id is not None
    return str(cluster_id)


def _cluster(conn: sqlite3.Connection, event_id: str) -> dict[str, Any]:
    conn.row_factory = sqlite3.Row
    row = conn.execute("SELECT * FROM clusters WHERE id = ?", (_cluster_of(conn, event_id),)).fetchone()
    conn.row_factory = None
    return dict(row)


@pytest.fixture()
def conn() -> sqlite3.Connection:
    return open_store()


def test_same_type_and_actors_cluster_across_articles_and_statuses(conn: sqlite3.Connection) -> None:
    for n, outlet in enumerate(("Wire", "Daily", "Denier")):
        _article(conn, f"a{n}", published=f"2024-03-0{n + 4}", outlet=outlet)
    add_record(conn, record("e0", "a0", "AID", [state("BRA")], [state("PER")], items=BOATS))
    add_record(conn, record("e1", "a1", "AID", [state("BRA", "Brasilia")], [state("PER")], items=BOATS))
    add_record(conn, record("e2", "a2", "AID", [state("BRA")], [state("PER")], items=BOATS, status="negated"))
    add_record(conn, record("x-type", "a1", "COOPERATE", [state("BRA")], [state("PER")], items=BOATS))
    add_record(conn, record("x-reverse", "a1", "AID", [state("PER")], [state("BRA")], items=BOATS))
    add_record(conn, record("x-more", "a1", "AID", [state("BRA"), state("CHL")], [state("PER")], items=BOATS))
    summary = relink(conn)
    assert _cluster_of(conn, "e0") == _cluster_of(conn, "e1") == _cluster_of(conn, "e2")
    assert len({_cluster_of(conn, e) for e in ("e0", "x-type", "x-reverse", "x-more")}) == 4
    cluster = _cluster(conn, "e0")
    assert cluster["label"] == "BRA AID PER: patrol boats"
    assert (cluster["n_mentions"], cluster["n_articles"], cluster["n_sources"]) == (3, 3, 2)  # the denial: no source
    assert (cluster["first_reported"], cluster["last_reported"]) == ("2024-03-04", "2024-03-06")
    assert cluster["conflicting"] == 1
    assert summary == LinkSummary(copy_groups=0, clusters=4, multi_source_clusters=1, conflicts=1)


def test_every_event_gets_a_cluster_with_a_stable_id(conn: sqlite3.Connection) -> None:
    _article(conn, "a0", published="2024-03-05")
    _article(conn, "a1", published="2024-03-04")
    add_record(conn, record("late", "a0", "AID", [state("BRA")], [state("PER")]))
    add_record(conn, record("early", "a1", "AID", [state("BRA")], [state("PER")]))
    add_record(conn, record("alone", "a0", "CONSULT", [], []))
    relink(conn)
    assert conn.execute("SELECT count(*) FROM events WHERE cluster_id IS NULL").fetchone() == (0,)
    expected = hashlib.sha256(b"cluster:early").hexdigest()[:16]
    assert _cluster_of(conn, "late") == expected  # named after the earliest mention
    assert _cluster(conn, "alone")["label"] == "CONSULT"
    before = conn.execute("SELECT * FROM clusters ORDER BY id").fetchall()
    relink(conn)
    assert conn.execute("SELECT * FROM clusters ORDER BY id").fetchall() == before


def test_symmetric_events_ignore_which_side_is_which(conn: sqlite3.Connection) -> None:
    _article(conn, "a0")
    _article(conn, "a1")
    _article(conn, "a2")
    add_record(conn, record("m0", "a0", "CONSULT", [state("FRA")], [state("DEU")], symmetric=True))
    add_record(conn, record("m1", "a1", "CONSULT", [state("DEU"), state("FRA")], [], symmetric=True))
    add_record(conn, record("m2", "a2", "CONSULT", [state("FRA")], [state("DEU")]))  # directed: a visit
    relink(conn)
    assert _cluster_of(conn, "m0") == _cluster_of(conn, "m1") != _cluster_of(conn, "m2")
    assert _cluster(conn, "m0")["label"] == "DEU+FRA CONSULT"


@pytest.mark.parametrize(
    ("first", "second", "together"),
    [
        ({"published": "2024-03-01"}, {"published": "2024-03-05"}, True),  # reports of the week before each
        ({"published": "2024-03-01"}, {"published": "2024-03-25"}, False),  # undated reports weeks apart: two acts
        ({"published": "2024-03-01", "status": "planned"}, {"published": "2024-03-20"}, True),  # announced, then done
        ({"published": "2024-03-20", "status": "planned"}, {"published": "2024-03-01"}, False),  # done before announced
        ({"published": None}, {"published": "2024-04-15"}, True),  # no date: no evidence against
        ({"time": ("2024-02-01", "2024-02-29")}, {"time": ("2024-02-10", "2024-02-10")}, True),
        ({"time": ("2024-02-01", "2024-02-29")}, {"time": ("2024-03-01", "2024-03-31")}, True),  # a day apart
        ({"time": ("2024-02-01", "2024-02-10")}, {"time": ("2024-02-20", "2024-02-20")}, False),
        ({"time": ("2024-02-10", "2024-02-10"), "published": "2024-03-20"}, {"published": "2024-02-15"}, True),
        ({"time": ("2024-02-10", "2024-02-10"), "published": "2024-03-20"}, {"published": "2024-03-20"}, False),
        ({"time": ("2024-03-04", "2024-03-04")}, {"time": ("2024-03-06", "2024-03-06")}, False),  # two dates: two acts
        ({"items": [("rice", "food", None)]}, {"items": BOATS}, False),
        ({"items": [("weapons", "weapons", None)]}, {"items": BOATS}, True),  # unspecified arms
        ({"items": []}, {"items": BOATS}, True),
        ({"location": {"name": "Lima", "country": "PER"}}, {"location": {"name": "Callao", "country": "PER"}}, True),
        ({"location": {"name": "Lima", "country": "PER"}}, {"location": {"name": "Quito", "country": "ECU"}}, False),
        ({"location": {"name": "Lima", "country": "PER"}}, {}, True),
    ],
)
def test_time_items_and_place_must_be_compatible(
    conn: sqlite3.Connection, first: dict[str, Any], second: dict[str, Any], together: bool
) -> None:
    for name, spec in (("m0", first), ("m1", second)):
        _article(conn, name, published=spec.get("published", "2024-03-04"))
        add_record(conn, record(name, name, "AID", [state("BRA")], [state("PER")], items=spec.get("items", []),
                                time=spec.get("time"), location=spec.get("location"),
                                status=spec.get("status", "asserted")))
    relink(conn)
    assert (_cluster_of(conn, "m0") == _cluster_of(conn, "m1")) is together


def test_repeated_events_of_one_dyad_do_not_chain_beyond_the_window(conn: sqlite3.Connection) -> None:
    for day in range(0, 90, 10):  # a report every ten days for three months
        article_id = f"a{day:02d}"
        published = f"2024-{1 + day // 30:02d}-{1 + day % 30:02d}"
        _article(conn, article_id, published=published)
        add_record(conn, record(f"e{day:02d}", article_id, "ASSAULT", [state("BRA")], [state("PER")]))
    relink(conn)
    spans = conn.execute("SELECT first_reported, last_reported FROM clusters").fetchall()
    assert len(spans) >= 3
    from datetime import date

    assert all((date.fromisoformat(b) - date.fromisoformat(a)).days <= 30 for a, b in spans)


def test_sources_count_copy_groups_and_outlets_once(conn: sqlite3.Connection) -> None:
    story = " ".join(f"The ministry said the boats number {n} had arrived in the port on time." for n in range(15))
    add_article(conn, id="wire", text=story, published="2024-03-04", outlet="Wire")
    add_article(conn, id="copy", text="Daily Paper\n" + story + "\nAll rights reserved.", published="2024-03-05",
                outlet="Daily Paper")
    _article(conn, "same-outlet-1", outlet="Gazette")
    _article(conn, "same-outlet-2", outlet=" gazette ")
    _article(conn, "host-1", url="https://www.example-news.test/a")
    _article(conn, "host-2", url="https://example-news.test/b")
    _article(conn, "unknown-1")
    _article(conn, "unknown-2")
    for article_id in ("wire", "copy", "same-outlet-1", "same-outlet-2", "host-1", "host-2", "unknown-1",
                       "unknown-2"):
        add_record(conn, record(f"e-{article_id}", article_id, "AID", [state("BRA")], [state("PER")], items=BOATS))
    summary = relink(conn)
    assert summary.copy_groups == 1
    # wire+copy, Gazette, example-news.test, and two unknown outlets
    assert _cluster(conn, "e-wire")["n_sources"] == 5
    assert _cluster(conn, "e-wire")["n_articles"] == 8


def test_outlet_keys() -> None:
    assert outlet_key(" The  Daily ", None, "x") == "the daily"
    assert outlet_key(None, "https://www.Example.test/path", "x") == "example.test"
    assert outlet_key(None, "https://m.example.co.test/p", "x") == "example.co.test"
    assert outlet_key("", "not a url", "x") == "?x"
    assert url_host("https://www.test/") == "www.test"  # a bare "www." host keeps its name
    assert count_sources(["a", "b", "c"], {"a": "o1", "b": "o2", "c": "o3"}, {"b": "a"}) == 2
    assert count_sources(["a", "b"], {"a": "o1", "b": "o1"}, {}) == 1
    assert count_sources([], {}, {}) == 0


def test_relink_replaces_earlier_links_and_rolls_back_on_error(conn: sqlite3.Connection) -> None:
    _article(conn, "a0")
    add_record(conn, record("e0", "a0", "AID", [state("BRA")], [state("PER")]))
    conn.commit()
    relink(conn)
    first = _cluster_of(conn, "e0")
    conn.execute("DELETE FROM events WHERE id = 'e0'")  # by hand: the store never deletes events
    _article(conn, "a1", published="2024-03-01")
    add_record(conn, record("e1", "a1", "AID", [state("BRA")], [state("PER")]))
    conn.commit()
    relink(conn, full=True)
    assert conn.execute("SELECT id FROM clusters").fetchall() == [(_cluster_of(conn, "e1"),)] != [(first,)]

    conn.execute("CREATE TRIGGER fail_conflicts BEFORE INSERT ON clusters BEGIN SELECT RAISE(ABORT, 'boom'); END")
    conn.commit()
    with pytest.raises(sqlite3.IntegrityError):
        relink(conn, full=True)
    assert not conn.in_transaction
    assert _cluster_of(conn, "e1")  # the earlier clustering is still there


def test_relink_inside_a_callers_transaction_leaves_the_commit_to_the_caller(conn: sqlite3.Connection) -> None:
    _article(conn, "a0")
    add_record(conn, record("e0", "a0", "AID", [state("BRA")], [state("PER")]))
    assert conn.in_transaction
    relink(conn)
    assert conn.in_transaction
    conn.rollback()
    assert conn.execute("SELECT count(*) FROM clusters").fetchone() == (0,)


def test_link_summary_is_frozen_and_reads_well() -> None:
    summary = LinkSummary(copy_groups=1, clusters=6, multi_source_clusters=1, conflicts=1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        summary.clusters = 2  # type: ignore[misc]
    assert summary.summary() == "1 copy group, 6 event clusters (1 with 2+ independent sources, 1 conflicting)"


def test_the_synthetic_news_world_is_linked_with_few_mixed_clusters() -> None:
    """B-cubed on invented coverage (tests/fixtures/linking/synthetic.py): reports days apart of
    one act join, a dyad's acts weeks apart do not (a linker that joins everything of a dyad
    within 30 days scored precision 0.76-0.82 here)."""
    from fixtures.linking.synthetic import b_cubed, world

    for seed in (1, 7):
        mentions, truth = world(seed)
        precision, recall = b_cubed(cluster_mentions(mentions), truth)
        assert precision >= 0.8 and recall >= 0.93, (seed, precision, recall)
    mentions, truth = world(3)
    assert b_cubed([[m] for m in mentions], truth)[0] == 1.0  # the scorer: singletons are pure


def test_a_sentence_reused_by_a_later_article_is_one_mention_of_its_first_telling(conn: sqlite3.Connection) -> None:
    told = "Brazil delivered six patrol boats to Peru on the coast near Callao, the navy said."
    texts = {"first": (told, "2024-03-04"), "update": ("An update. " + told, "2024-03-15"),
             "other": ("Brazil delivered two more patrol boats to Peru in a second shipment.", "2024-03-15")}
    for name, (text, published) in texts.items():
        add_article(conn, id=name, text=text, published=published, outlet="Lima Daily")
        rec = record(name, name, "AID", [state("BRA")], [state("PER")])
        start = text.index("Brazil")
        rec["evidence"] = {"start": start, "end": len(text), "text": text[start:],
                           "trigger": {"start": start + 7, "end": start + 16, "text": "delivered"}}
        add_record(conn, rec)
    relink(conn)
    assert _cluster_of(conn, "first") == _cluster_of(conn, "update") != _cluster_of(conn, "other")
    cluster = _cluster(conn, "first")
    assert (cluster["n_mentions"], cluster["n_articles"], cluster["n_sources"]) == (1, 2, 1)


def test_asking_for_or_supposing_an_event_is_no_source_of_it(conn: sqlite3.Connection) -> None:
    for name, outlet, status in [("done", "Lima Daily", "asserted"), ("asked", "Andes Wire", "requested"),
                                 ("maybe", "Quito Post", "hypothetical"), ("plan", "Sucre News", "planned")]:
        _article(conn, name, published="2024-03-04", outlet=outlet)
        add_record(conn, record(name, name, "AID", [state("BRA")], [state("PER")], status=status))
    relink(conn)
    cluster = _cluster(conn, "done")
    assert _cluster_of(conn, "asked") == _cluster_of(conn, "done")  # about the same event
    assert (cluster["n_mentions"], cluster["n_sources"]) == (4, 2)  # the report and the announcement


def _one_sided(conn: sqlite3.Connection, name: str, word: str, published: str, article: str | None = None,
               time: tuple[str, str] | None = None) -> None:
    if article is None:
        _article(conn, name, published=published, outlet=f"outlet {name}")
    rec = record(name, article or name, "ASSAULT", [], [state("PER")], time=time)
    rec["evidence"]["trigger"] = {"start": 0, "end": len(word), "text": word}
    add_record(conn, rec)


def test_one_sided_mentions_join_only_on_the_same_word_in_one_article_or_both_dated(conn: sqlite3.Connection) -> None:
    _one_sided(conn, "a", "attacked", "2024-03-04")
    _one_sided(conn, "b", "attack", "2024-03-05")  # same word, two articles, no dates: apart
    _one_sided(conn, "c", "shelling", "2024-03-05", time=("2024-03-03", "2024-03-03"))
    _one_sided(conn, "d", "shelled", "2024-03-06", time=("2024-03-03", "2024-03-03"))  # same word, both dated
    _one_sided(conn, "e", "attacks", "2024-03-04", article="a")  # same word, same article
    relink(conn)
    assert _cluster_of(conn, "a") != _cluster_of(conn, "b")
    assert _cluster_of(conn, "c") == _cluster_of(conn, "d") != _cluster_of(conn, "a")
    assert _cluster_of(conn, "e") == _cluster_of(conn, "a")


def test_a_weekday_may_be_when_a_done_act_was_said(conn: sqlite3.Connection) -> None:
    """"Brazil has delivered the boats, the ministry said on Wednesday": the week before counts."""
    for name, day, text in [("wire", "2024-03-04", "4 March"), ("later", "2024-03-06", "Wednesday"),
                            ("dated", "2024-03-06", "6 March")]:
        _article(conn, name, published=day)
        rec = record(name, name, "AID", [state("BRA")], [state("PER")], time=(day, day))
        rec["time"]["text"] = text
        add_record(conn, rec)
    relink(conn)
    assert _cluster_of(conn, "wire") == _cluster_of(conn, "later") != _cluster_of(conn, "dated")


def test_many_reports_alike_cluster_as_one_report_would() -> None:
    """Reports that compatibility cannot tell apart are clustered through the first of them; a
    one-sided report still joins an undated one of its own article, whatever reports alike
    from other articles come first (the article is part of what makes reports alike)."""
    from fixtures.linking.synthetic import world

    mentions, _truth = world(7)
    copies = [dataclasses.replace(m, id=f"{m.id}~{n}", article_id=f"{m.article_id}~{n}")
              for n in range(3) for m in mentions]
    alone = {frozenset(m.id for m in c) for c in cluster_mentions(mentions)}
    tripled = {frozenset(m.id.split("~")[0] for m in c) for c in cluster_mentions(copies)}
    assert tripled == alone

    def one_sided(id: str, article: str, published: str, day: str | None) -> Mention:
        when = date.fromisoformat(day) if day else None
        return Mention(id=id, article_id=article, type="ASSAULT", symmetric=False, status="asserted",
                       sources=frozenset(), targets=frozenset({"PER"}), trigger="defeated",
                       published=date.fromisoformat(published), time_start=when, time_end=when)

    found = cluster_mentions([
        one_sided("elsewhere", "x", "2024-03-06", "2024-03-06"),  # alike to "dated" but in another article
        one_sided("dated", "y", "2024-03-06", "2024-03-06"),
        one_sided("undated", "y", "2024-03-06", None),
    ])
    assert [sorted(m.id for m in c) for c in found] == [["dated", "elsewhere", "undated"]]


@pytest.mark.parametrize(("later", "folded"), [
    ("Brazil delivered six patrol boats to Peru on the coast near Callao, the navy says.", True),
    ("Brazil also delivered six patrol boats to Peru on the coast near Callao, the navy said.", True),
    ("“Brazil delivered six patrol boats to Peru on the coast near Callao,” the navy said", True),
    ("Brazil delivered six patrol boats to Peru on the coast near Callao on Tuesday, the navy said.", False),
    ("Brazil delivered nine patrol boats to Peru on the coast near Callao, the navy said.", False),
    ("Brazil delivered 16 patrol boats to Peru on the coast near Callao, the navy said.", False),
    ("Brazil delivered six patrol boats to Peru on the coast near Paita, the navy said.", False),
    ("Brazil delivered six patrol boats to Peru on the coast, the navy said.", False),  # two words
])
def test_a_sentence_one_ordinary_word_apart_is_a_repeat(later: str, folded: bool) -> None:
    """An update changes a word ("says", an added "also", quotation marks); a name, a number, a
    day or two words changed may be another event."""
    told = "Brazil delivered six patrol boats to Peru on the coast near Callao, the navy said."

    def told_in(article: str, sentence: str, published: str) -> Mention:
        return Mention(id=article, article_id=article, type="AID", symmetric=False, status="asserted",
                       sources=frozenset({"BRA"}), targets=frozenset({"PER"}), sentence=sentence,
                       published=date.fromisoformat(published))

    clusters = cluster_mentions([told_in("first", told, "2024-03-04"), told_in("later", later, "2024-04-20")])
    assert (len(clusters) == 1) is folded
