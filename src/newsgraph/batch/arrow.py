"""Extracted records as Arrow and Parquet: one row per article, lossless.

The layout (``RECORDS``) is the JSON of ``newsgraph extract --format records`` as columns:
``article_id``, ``article`` (id, text, published, title, source, url), ``events`` (a list of
the contract's event records, nested), ``claims`` (a list of claim records) and ``rejection``
(origin, line, stage, reason: set, with no events, for an input that could not be used). Dates
stay ISO strings, as in the contract, so a row read back gives the very dictionaries
``Event.from_dict`` and ``Claim.from_dict`` take. Spark jobs (:mod:`newsgraph.spark`) write
shards of it; ``newsgraph ingest --extracted`` reads them (a ``.parquet`` file or a directory of
them) as it reads JSON Lines records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.records import Article, Claim, Event, Rejection

_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_SPAN = [("start", _I), ("end", _I), ("text", _S)]
_ACTOR = pa.struct([("text", _S), ("name", _S), ("kind", _S), ("country", _S), ("sector", _S), ("role", _S),
                    ("wikidata", _S), ("start", _I), ("end", _I), ("via", _S)])
_CLAIM_SOURCE = pa.struct([("text", _S), ("name", _S), ("named", _B), ("kind", _S), ("country", _S),
                           ("role", _S), ("basis", _S)])
_PLACE = pa.struct([("text", _S), ("name", _S), ("country", _S), ("lat", _F), ("lon", _F), ("geonames_id", _I),
                    ("kind", _S), ("facility", _S)])
EVENT = pa.struct([
    ("schema_version", _I), ("id", _S), ("article_id", _S), ("type", _S), ("mode", _S), ("context", pa.list_(_S)),
    ("cameo", _S), ("source", pa.list_(_ACTOR)), ("target", pa.list_(_ACTOR)), ("symmetric", _B),
    ("items", pa.list_(pa.struct([("text", _S), ("category", _S), ("quantity", _S)]))), ("status", _S),
    ("attribution", pa.list_(_CLAIM_SOURCE)),
    ("time", pa.struct([("text", _S), ("start", _S), ("end", _S), ("precision", _S), ("anchor", _S)])),
    ("location", _PLACE), ("route", pa.list_(_PLACE)),
    ("evidence", pa.struct([*_SPAN, ("trigger", pa.struct(_SPAN))])),
    ("confidence", _F), ("rule", _S), ("exchange_with", _S),
])
CLAIM = pa.struct([
    ("schema_version", _I), ("id", _S), ("article_id", _S),
    ("source", pa.struct([*_SPAN, ("name", _S), ("named", _B), ("kind", _S), ("country", _S), ("role", _S)])),
    ("cue", pa.struct([*_SPAN, ("lemma", _S)])),
    ("content", pa.struct([*_SPAN, ("spans", pa.list_(pa.list_(_I)))])),
    ("form", _S), ("basis", _S), ("stance", _S), ("events", pa.list_(_S)), ("confidence", _F),
])
ARTICLE = pa.struct([("id", _S), ("text", _S), ("published", _S), ("title", _S), ("source", _S), ("url", _S)])
REJECTION = pa.struct([("origin", _S), ("line", _I), ("stage", _S), ("reason", _S)])
RECORDS = pa.schema([("article_id", _S), ("article", ARTICLE), ("events", pa.list_(EVENT)),
                     ("claims", pa.list_(CLAIM)), ("rejection", REJECTION)])


def record_row(article: Article, events: Sequence[Event], claims: Sequence[Claim]) -> dict[str, Any]:
    """One article's row of ``RECORDS``."""
    return {"article_id": article.id, "article": article.to_dict(), "events": [_event_dict(e) for e in events],
            "claims": [c.to_dict() for c in claims], "rejection": None}


def rejection_row(rejection: Rejection, article_id: str | None = None) -> dict[str, Any]:
    """A row for an input that could not be used (no article, no events)."""
    return {"article_id": article_id, "article": None, "events": [], "claims": [],
            "rejection": {"origin": rejection.origin, "line": rejection.line, "stage": rejection.stage,
                          "reason": rejection.reason}}


def records_batch(rows: Sequence[dict[str, Any]]) -> pa.RecordBatch:
    return pa.RecordBatch.from_pylist(list(rows), schema=RECORDS)


def write_records(path: str | Path, rows: Iterable[dict[str, Any]], *, batch_rows: int = 256) -> int:
    """Write rows of ``RECORDS`` to one Parquet file, ``batch_rows`` rows a row group; the rows written."""
    n = 0
    with pq.ParquetWriter(str(path), RECORDS) as writer:
        pending: list[dict[str, Any]] = []
        for row in rows:
            pending.append(row)
            n += 1
            if len(pending) >= batch_rows:
                writer.write_batch(records_batch(pending))
                pending.clear()
        if pending:
            writer.write_batch(records_batch(pending))
    return n


def parquet_files(path: Path) -> list[Path]:
    """The Parquet file, or a directory's Parquet files (Spark's part files) in name order."""
    if path.is_dir():
        return sorted(p for p in path.rglob("*.parquet") if not p.name.startswith(("_", ".")))
    return [path]


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """The rows of a records Parquet file (or directory of shards), as the dictionaries written."""
    for file in parquet_files(path):
        parquet = pq.ParquetFile(str(file))
        for batch in parquet.iter_batches(batch_size=256):
            yield from batch.to_pylist()


def _event_dict(event: Event) -> dict[str, Any]:
    d = event.to_dict()
    return {k: d.get(k) for k in EVENT.names}  # the contract's fields (extras are not carried)
