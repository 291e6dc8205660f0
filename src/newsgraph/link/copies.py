"""Republished copies of one story: MinHash near-duplicate detection over stored articles.

Text → normalised words (NFKC, lower case, letters and digits only) → word 5-shingles →
a 128-permutation MinHash signature, cached in ``_minhash`` so a relink only hashes new or
changed articles. Locality-sensitive hashing proposes candidate pairs: the signature is cut into
the bands datasketch's ``MinHashLSH`` chooses for the candidate threshold, each band's values
are hashed to a key stored in ``_lsh_bands`` (indexed), and two articles sharing a band key are
candidates, so an incremental run (``update_copies``) looks up only the new articles' keys and
its cost grows with them, not with the store. Each pair is then verified on the exact shingle
sets: a copy has Jaccard similarity ≥ 0.8, or, when one outlet added a header, a
byline or a footer that a short story does not dilute away, the smaller text's shingles lie
≥ 0.9 inside the larger one and Jaccard is still ≥ 0.6 (so a story quoted whole inside a
long round-up is not its copy). The LSH threshold is lower (0.5) than the verification so
that such header/footer pairs still come up as candidates.

Verified pairs are grouped (union-find); a group's original is its earliest article
(published date, then id; undated articles last) and every other member's ``copy_of``
points to it. ``update_copies`` joins the new pairs to the groups ``copy_of`` already holds:
pairs of stored articles never change, so the groups are those a run over everything finds.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH

from newsgraph.store.queries import select_in

NUM_PERM = 128
SHINGLE_WORDS = 5
SEED = 1
CANDIDATE_THRESHOLD = 0.5  # LSH: estimated Jaccard at which pairs become candidates
MIN_JACCARD = 0.8  # a verified copy …
MIN_CONTAINMENT = 0.9  # … or the smaller text this much inside the larger one …
MIN_CONTAINED_JACCARD = 0.6  # … while the two still overlap this much
MIN_WORDS = 20  # shorter texts (a headline, a caption) are never called copies
# datasketch ≥ 2 names its hashing scheme (and wants it back when a signature is rebuilt).
_SCHEME: str | None = getattr(MinHash(num_perm=1), "scheme", None)
# The cache is valid for these parameters only; a change (or another datasketch hashing
# scheme) makes every signature be computed again.
_LSH = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
BANDS, ROWS = _LSH.b, _LSH.r  # the bands datasketch picks for the threshold, and values per band
PARAMS = f"words{SHINGLE_WORDS}:perm{NUM_PERM}:seed{SEED}:{_SCHEME or 'legacy'}:bands{BANDS}x{ROWS}"

MINHASH_DDL = """
CREATE TABLE IF NOT EXISTS _minhash (
    article_id   TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    params       TEXT NOT NULL,
    signature    BLOB NOT NULL
)
"""

BANDS_DDL = """
CREATE TABLE IF NOT EXISTS _lsh_bands (
    band        INTEGER NOT NULL,
    key         INTEGER NOT NULL,
    article_id  TEXT NOT NULL,
    PRIMARY KEY (band, key, article_id)
) WITHOUT ROWID
"""
BANDS_INDEX = "CREATE INDEX IF NOT EXISTS _lsh_bands_article ON _lsh_bands(article_id)"

_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class CopyGroups:
    """Near-duplicate groups (each of ≥ 2 articles, original first) and article → original."""

    groups: tuple[tuple[str, ...], ...]
    copy_of: dict[str, str]
    hashed: int  # signatures computed in this run (the rest came from the cache)


def normalize_words(text: str) -> list[str]:
    """The words of ``text`` for comparison: NFKC, case-folded, punctuation dropped."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingle(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """Word ``size``-shingles of the normalised text (the whole text if it is shorter)."""
    return shingle_words(normalize_words(text), size)


def shingle_words(words: Sequence[str], size: int = SHINGLE_WORDS) -> set[bytes]:
    """Word ``size``-shingles of words already normalised (``normalize_words``)."""
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def compute_signature(shingles: Iterable[bytes]) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED)
    minhash.update_batch(list(shingles))
    return minhash


def is_copy(a: set[bytes], b: set[bytes]) -> bool:
    """The verification of a candidate pair on exact shingle sets (see the module docstring)."""
    if not a or not b:
        return False
    common = len(a & b)
    jaccard = common / len(a | b)
    if jaccard >= MIN_JACCARD:
        return True
    return common / min(len(a), len(b)) >= MIN_CONTAINMENT and jaccard >= MIN_CONTAINED_JACCARD


def find_copies(conn: sqlite3.Connection) -> CopyGroups:
    """Group all stored articles into near-duplicates, refreshing the signature cache."""
    hashed = len(_refresh_signatures(conn))
    order = _order(conn, None)
    pairs = _candidates(conn, None)
    groups = _group(_verify(conn, sorted(pairs)), order)
    copy_of = {member: group[0] for group in groups for member in group[1:]}
    return CopyGroups(groups=groups, copy_of=copy_of, hashed=hashed)


def update_copies(conn: sqlite3.Connection) -> frozenset[str]:
    """Find the copies among and of the articles hashed in this run (new or changed ones), join
    them to the groups ``articles.copy_of`` holds, write the changes and return the articles whose
    ``copy_of`` changed."""
    fresh = _refresh_signatures(conn)
    pairs = _candidates(conn, fresh)
    verified = list(_verify(conn, sorted(pairs)))
    touched = sorted({a for pair in verified for a in pair})
    roots = {root for (root,) in select_in(conn, "SELECT coalesce(copy_of, id) FROM articles WHERE id IN ({})",
                                           touched)}
    members: list[tuple[str, str]] = list(select_in(  # every member of those groups, with its original
        conn, "SELECT id, coalesce(copy_of, id) FROM articles WHERE id IN ({0}) OR copy_of IN ({0})",
        sorted(roots), repeat=2,
    ))
    edges = [(member, root) for member, root in members if member != root] + verified
    order = _order(conn, sorted({a for edge in edges for a in edge}))
    current = dict(members)
    changed = set()
    changes: list[tuple[str | None, str]] = []
    for group in _group(edges, order):
        for member in group:
            root = group[0] if member != group[0] else None
            if current.get(member, member) != (root or member):
                changes.append((root, member))
                changed.add(member)
    conn.executemany("UPDATE articles SET copy_of = ? WHERE id = ?", changes)
    return frozenset(changed)


def _order(conn: sqlite3.Connection, ids: Sequence[str] | None) -> dict[str, tuple[bool, str, str]]:
    """Earliest first: published date (undated last), then id."""
    rows = conn.execute("SELECT id, published FROM articles") if ids is None else select_in(
        conn, "SELECT id, published FROM articles WHERE id IN ({})", ids
    )
    return {article_id: (published is None, published or "", article_id) for article_id, published in rows}


def _candidates(conn: sqlite3.Connection, fresh: Sequence[str] | None) -> set[tuple[str, str]]:
    """Pairs of articles that share a band key: of every article, or of the ``fresh`` ones."""
    sql = (
        "SELECT a.article_id, b.article_id FROM _lsh_bands a "
        "JOIN _lsh_bands b ON b.band = a.band AND b.key = a.key AND b.article_id != a.article_id"
    )
    rows = conn.execute(sql + " AND a.article_id < b.article_id") if fresh is None else select_in(
        conn, sql + " WHERE a.article_id IN ({})", fresh
    )
    return {(min(a, b), max(a, b)) for a, b in rows}


def band_keys(signature: np.ndarray) -> list[int]:
    """One key per band of a signature: the band's values hashed to a signed 64-bit integer (two
    articles with an equal band always share its key; a chance collision only adds a candidate,
    which verification drops)."""
    return [
        int.from_bytes(hashlib.blake2b(signature[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).digest(),
                       "big", signed=True)
        for b in range(BANDS)
    ]


def write_copies(conn: sqlite3.Connection, copy_of: dict[str, str]) -> int:
    """Set ``articles.copy_of`` from ``copy_of`` (NULL elsewhere); returns the rows changed."""
    current = dict(conn.execute("SELECT id, copy_of FROM articles WHERE copy_of IS NOT NULL").fetchall())
    changes: list[tuple[str | None, str]] = [(None, a) for a in current if a not in copy_of]
    changes += [(root, a) for a, root in copy_of.items() if current.get(a) != root]
    conn.executemany("UPDATE articles SET copy_of = ? WHERE id = ?", changes)
    return len(changes)


def _refresh_signatures(conn: sqlite3.Connection) -> list[str]:
    """Hash the articles whose cached signature is missing, stale or of other parameters, store
    their band keys (none for a text too short to compare), and return their ids."""
    conn.execute(MINHASH_DDL)
    conn.execute(BANDS_DDL)
    conn.execute(BANDS_INDEX)
    if conn.execute("SELECT 1 FROM _minhash WHERE article_id NOT IN (SELECT id FROM articles) LIMIT 1").fetchone():
        conn.execute("DELETE FROM _minhash WHERE article_id NOT IN (SELECT id FROM articles)")
        conn.execute("DELETE FROM _lsh_bands WHERE article_id NOT IN (SELECT id FROM articles)")
    stale = conn.execute(
        "SELECT a.id, a.content_hash, a.text FROM articles a LEFT JOIN _minhash m ON m.article_id = a.id "
        "WHERE m.article_id IS NULL OR m.content_hash != a.content_hash OR m.params != ?",
        (PARAMS,),
    )
    hashed: list[str] = []
    while batch := stale.fetchmany(500):
        rows, bands = [], []
        for article_id, content_hash, text in batch:
            words = normalize_words(text)
            blob = b""  # too short to compare: cached as empty, never a candidate
            if len(words) >= MIN_WORDS:
                values = compute_signature(shingle_words(words)).hashvalues.astype(np.uint64)
                blob = values.tobytes()
                bands += [(band, key, article_id) for band, key in enumerate(band_keys(values))]
            hashed.append(article_id)
            rows.append((article_id, content_hash, PARAMS, blob))
        conn.executemany("DELETE FROM _lsh_bands WHERE article_id = ?", [(r[0],) for r in rows])
        conn.executemany("INSERT OR REPLACE INTO _minhash VALUES (?, ?, ?, ?)", rows)
        conn.executemany("INSERT OR IGNORE INTO _lsh_bands VALUES (?, ?, ?)", bands)
    return hashed


def _verify(conn: sqlite3.Connection, pairs: Sequence[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """The candidate pairs that are copies on their exact shingle sets."""
    needed = sorted({a for pair in pairs for a in pair})
    shingles = {
        article_id: shingle(text)
        for article_id, text in select_in(conn, "SELECT id, text FROM articles WHERE id IN ({})", needed)
    }
    for a, b in pairs:
        if is_copy(shingles.get(a, set()), shingles.get(b, set())):
            yield a, b


def _group(
    pairs: Iterable[tuple[str, str]], order: dict[str, tuple[bool, str, str]]
) -> tuple[tuple[str, ...], ...]:
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    members: dict[str, list[str]] = {}
    for node in parent:
        members.setdefault(find(node), []).append(node)
    groups = [tuple(sorted(group, key=order.__getitem__)) for group in members.values() if len(group) > 1]
    return tuple(sorted(groups, key=lambda g: order[g[0]]))
