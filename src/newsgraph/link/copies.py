"""Republished copies of one story: MinHash near-duplicate detection over stored articles.

Text → normalised words (NFKC, lower case, letters and digits only) → word 5-shingles →
a 128-permutation MinHash signature, cached in ``_minhash`` so a relink only hashes new or
changed articles. MinHashLSH proposes candidate pairs; each pair is then verified on the exact
shingle sets: a copy has Jaccard similarity ≥ 0.8, or, when one outlet added a header, a
byline or a footer that a short story does not dilute away, the smaller text's shingles lie
≥ 0.9 inside the larger one and Jaccard is still ≥ 0.6 (so a story quoted whole inside a
long round-up is not its copy). The LSH threshold is lower (0.5) than the verification so
that such header/footer pairs still come up as candidates.

Verified pairs are grouped (union-find); a group's original is its earliest article
(published date, then id; undated articles last) and every other member's ``copy_of``
points to it.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

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
PARAMS = f"words{SHINGLE_WORDS}:perm{NUM_PERM}:seed{SEED}:{_SCHEME or 'legacy'}"

MINHASH_DDL = """
CREATE TABLE IF NOT EXISTS _minhash (
    article_id   TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    params       TEXT NOT NULL,
    signature    BLOB NOT NULL
)
"""

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
    words = normalize_words(text)
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
    """Group the stored articles into near-duplicates, refreshing the signature cache."""
    conn.execute(MINHASH_DDL)
    conn.execute("DELETE FROM _minhash WHERE article_id NOT IN (SELECT id FROM articles)")
    hashed = _refresh_signatures(conn)
    order: dict[str, tuple[bool, str, str]] = {}
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM)
    signatures: dict[str, LeanMinHash] = {}
    scheme = {"scheme": _SCHEME} if _SCHEME else {}
    rows = conn.execute(
        "SELECT a.id, a.published, m.signature FROM articles a JOIN _minhash m ON m.article_id = a.id "
        "WHERE length(m.signature) > 0"
    )
    for article_id, published, blob in rows:
        minhash = LeanMinHash(seed=SEED, hashvalues=np.frombuffer(blob, dtype=np.uint64), **scheme)
        signatures[article_id] = minhash
        order[article_id] = (published is None, published or "", article_id)
        lsh.insert(article_id, minhash)
    pairs = {
        (min(a, b), max(a, b))
        for a, minhash in signatures.items()
        for b in lsh.query(minhash)
        if a != b
    }
    verified = list(_verify(conn, sorted(pairs)))
    groups = _group(verified, order)
    copy_of = {member: group[0] for group in groups for member in group[1:]}
    return CopyGroups(groups=groups, copy_of=copy_of, hashed=hashed)


def write_copies(conn: sqlite3.Connection, copy_of: dict[str, str]) -> int:
    """Set ``articles.copy_of`` from ``copy_of`` (NULL elsewhere); returns the rows changed."""
    current = dict(conn.execute("SELECT id, copy_of FROM articles WHERE copy_of IS NOT NULL").fetchall())
    changes: list[tuple[str | None, str]] = [(None, a) for a in current if a not in copy_of]
    changes += [(root, a) for a, root in copy_of.items() if current.get(a) != root]
    conn.executemany("UPDATE articles SET copy_of = ? WHERE id = ?", changes)
    return len(changes)


def _refresh_signatures(conn: sqlite3.Connection) -> int:
    """Hash the articles whose cached signature is missing, stale or of other parameters."""
    stale = conn.execute(
        "SELECT a.id, a.content_hash, a.text FROM articles a LEFT JOIN _minhash m ON m.article_id = a.id "
        "WHERE m.article_id IS NULL OR m.content_hash != a.content_hash OR m.params != ?",
        (PARAMS,),
    )
    count = 0
    while batch := stale.fetchmany(500):
        rows = []
        for article_id, content_hash, text in batch:
            words = normalize_words(text)
            blob = b""  # too short to compare: cached as empty, never a candidate
            if len(words) >= MIN_WORDS:
                blob = compute_signature(shingle(text)).hashvalues.astype(np.uint64).tobytes()
            rows.append((article_id, content_hash, PARAMS, blob))
        conn.executemany("INSERT OR REPLACE INTO _minhash VALUES (?, ?, ?, ?)", rows)
        count += len(rows)
    return count


def _verify(conn: sqlite3.Connection, pairs: Sequence[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """The candidate pairs that are copies on their exact shingle sets."""
    needed = sorted({a for pair in pairs for a in pair})
    shingles: dict[str, set[bytes]] = {}
    for start in range(0, len(needed), 500):
        chunk = needed[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for article_id, text in conn.execute(f"SELECT id, text FROM articles WHERE id IN ({marks})", chunk):
            shingles[article_id] = shingle(text)
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
