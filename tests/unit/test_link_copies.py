"""Near-duplicate detection (``newsgraph.link.copies``): MinHash + LSH, verified, cached."""

from __future__ import annotations

import sqlite3

import pytest

from fixtures.linking.storedb import add_article, open_store
from newsgraph.link import copies
from newsgraph.link.copies import find_copies, is_copy, normalize_words, shingle, write_copies

STORY = (
    "The harbour authority of the northern port said on Tuesday that a new ferry line will link the two largest "
    "islands of the region from next spring. The line will carry up to four hundred passengers and sixty cars on "
    "each crossing, and tickets will cost about a third less than the current fares, officials said. Local "
    "businesses have asked for a faster connection for years, and the regional council approved the plan after a "
    "long debate about its cost. The first ship is being built at a yard in the south and should be ready for sea "
    "trials in the winter. A second ship may follow if demand is high enough, the authority added. Fishermen "
    "worried that the new route would cross their grounds, but the authority said the ships would use an existing "
    "channel that is already marked on the charts."
)
OTHER = (
    "A court in the capital on Wednesday sentenced two former bank managers to prison for fraud after a trial that "
    "lasted almost a year. The judges found that the men had hidden losses from investors and regulators for more "
    "than five years. Lawyers for the two said they would appeal. The bank collapsed three years ago and thousands "
    "of savers lost money; a compensation fund has paid back part of their deposits. Prosecutors had asked for "
    "longer sentences and said they would consider their own appeal after reading the written judgment, which is "
    "expected next month. The case led to new rules on how banks report their accounts."
)


def _store() -> sqlite3.Connection:
    return open_store()


def test_normalize_words_folds_case_width_and_punctuation() -> None:
    words = normalize_words("The  Port's NEW line — ＦＥＲＲＹ, 2025!")
    assert words == ["the", "port", "s", "new", "line", "ferry", "2025"]


def test_shingles_are_word_five_grams() -> None:
    assert shingle("a b c d e f") == {b"a b c d e", b"b c d e f"}
    assert shingle("too short") == {b"too short"}
    assert shingle("") == set()


def test_headers_and_footers_do_not_hide_a_copy() -> None:
    original = shingle(STORY)
    republished = shingle("Coast Herald | Regional news\nBy our staff and agencies\n\n" + STORY +
                          "\n\nCopyright 2024 Coast Herald. All rights reserved. Share this story.")
    assert is_copy(original, republished)
    assert not is_copy(original, shingle(OTHER))


def test_a_story_quoted_inside_a_long_roundup_is_not_its_copy() -> None:
    roundup = STORY + " " + OTHER + " " + OTHER.replace("court", "tribunal").replace("bank", "lender")
    assert not is_copy(shingle(STORY), shingle(roundup))


def test_copies_point_to_the_earliest_article_of_their_group() -> None:
    conn = _store()
    add_article(conn, id="b-later", text="HERALD\n" + STORY + "\nShare this article.", published="2024-05-03")
    add_article(conn, id="z-first", text=STORY, published="2024-05-01")
    add_article(conn, id="a-same-day", text="By staff\n" + STORY, published="2024-05-01")
    add_article(conn, id="other", text=OTHER, published="2024-05-01")
    add_article(conn, id="undated", text=STORY + " Reporting by staff.", published=None)
    found = find_copies(conn)
    assert found.groups == (("a-same-day", "z-first", "b-later", "undated"),)
    assert found.copy_of == {"z-first": "a-same-day", "b-later": "a-same-day", "undated": "a-same-day"}
    write_copies(conn, found.copy_of)
    stored = dict(conn.execute("SELECT id, copy_of FROM articles").fetchall())
    assert stored == {"a-same-day": None, "z-first": "a-same-day", "b-later": "a-same-day", "other": None,
                      "undated": "a-same-day"}


def test_short_texts_are_never_copies() -> None:
    conn = _store()
    add_article(conn, id="one", text="Ferry line approved.", published="2024-05-01")
    add_article(conn, id="two", text="Ferry line approved!", published="2024-05-02")
    assert find_copies(conn).groups == ()


def test_signatures_are_cached_and_refreshed_when_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    conn = _store()
    add_article(conn, id="a", text=STORY, published="2024-05-01")
    add_article(conn, id="b", text="Agency copy. " + STORY, published="2024-05-02")
    assert find_copies(conn).hashed == 2
    assert find_copies(conn).hashed == 0  # from _minhash
    add_article(conn, id="c", text=OTHER, published="2024-05-02")
    again = find_copies(conn)
    assert again.hashed == 1 and again.copy_of == {"b": "a"}
    conn.execute("DELETE FROM articles WHERE id = 'c'")
    find_copies(conn)
    assert conn.execute("SELECT count(*) FROM _minhash").fetchone()[0] == 2  # orphans dropped
    monkeypatch.setattr(copies, "PARAMS", copies.PARAMS + ":other")
    assert find_copies(conn).hashed == 2  # other parameters: everything again


def test_write_copies_clears_links_that_no_longer_hold() -> None:
    conn = _store()
    add_article(conn, id="a", text=STORY, published="2024-05-01")
    add_article(conn, id="b", text=OTHER, published="2024-05-02")
    conn.execute("UPDATE articles SET copy_of = 'a' WHERE id = 'b'")
    assert write_copies(conn, find_copies(conn).copy_of) == 1
    assert conn.execute("SELECT copy_of FROM articles WHERE id = 'b'").fetchone() == (None,)


def test_a_short_story_with_long_boilerplate_is_a_copy_by_containment() -> None:
    boilerplate = ("Morning Courier, your daily paper for the whole coast. Subscribe today and read every story "
                   "on any device, share it with friends, follow us on social media and tell us what you think "
                   "in the comments below. ")
    original, republished = shingle(STORY), shingle(boilerplate + STORY + " " + boilerplate.upper())
    jaccard = len(original & republished) / len(original | republished)
    assert 0.6 <= jaccard < 0.8  # the plain Jaccard rule alone would miss it
    assert is_copy(original, republished)
    conn = _store()
    add_article(conn, id="courier", text=boilerplate + STORY + " " + boilerplate.upper(), published="2024-05-02")
    add_article(conn, id="agency", text=STORY, published="2024-05-01")
    assert find_copies(conn).copy_of == {"courier": "agency"}
