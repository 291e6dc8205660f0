"""What every exporter reads: each stored event's contract record with its article and cluster.

Rows stream from one query in publication order (undated articles last), then article, then
position in the text, so memory does not grow with the store.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_SELECT = """
SELECT e.record, e.cluster_id, e.evidence_start,
       a.id, a.published, a.outlet, a.url, a.title, a.ingested_at,
       length(a.text) - length(ltrim(a.text, char(32, 9, 10, 13))) AS lead,
       instr(ltrim(a.text, char(32, 9, 10, 13)), char(10)) AS first_break,
       c.n_mentions, c.n_articles, c.n_sources, c.conflicting, c.label
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN clusters c ON c.id = e.cluster_id
"""
_QUERY = _SELECT + """WHERE ? IS NULL OR e.confidence >= ?
ORDER BY a.published IS NULL, a.published, a.id, e.evidence_start, e.id
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleInfo:
    id: str
    published: str | None
    outlet: str | None
    url: str | None
    title: str | None
    ingested_at: str | None
    lead_end: int | None  # end of the first paragraph (offset of its newline), None if one paragraph


@dataclass(frozen=True, slots=True, kw_only=True)
class ClusterInfo:
    id: str
    label: str
    n_mentions: int
    n_articles: int
    n_sources: int
    conflicting: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportRow:
    record: dict[str, Any]  # the contract record, as stored
    article: ArticleInfo
    cluster: ClusterInfo | None  # None until ``relink`` has run

    @property
    def in_lead(self) -> bool:
        """Whether the event's evidence starts in the article's first paragraph."""
        end = self.article.lead_end
        return end is None or int(self.record["evidence"]["start"]) < end

    @property
    def event_date(self) -> str | None:
        """ISO date of the event: its time's start (or end), else the article's publication date."""
        time = self.record.get("time") or {}
        return time.get("start") or time.get("end") or self.article.published


def iter_rows(
    conn: sqlite3.Connection, *, batch: int = 1000, min_confidence: float | None = None
) -> Iterator[ExportRow]:
    """The stored events (those with at least ``min_confidence`` when given), streamed in batches."""
    cursor = conn.execute(_QUERY, (min_confidence, min_confidence))
    while chunk := cursor.fetchmany(batch):
        for row in chunk:
            yield _row(row)


def rows_for(conn: sqlite3.Connection, event_ids: list[str]) -> list[ExportRow]:
    """The export rows of these events, in the order of the ids (unknown ids are left out)."""
    found: dict[str, ExportRow] = {}
    for start in range(0, len(event_ids), 500):
        chunk = event_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for raw in conn.execute(_SELECT + f"WHERE e.id IN ({marks})", chunk):
            row = _row(raw)
            found[row.record["id"]] = row
    return [found[i] for i in event_ids if i in found]


def _row(row: tuple[Any, ...]) -> ExportRow:
    (record_json, cluster_id, _, article_id, published, outlet, url, title, ingested_at, lead, first_break,
     n_mentions, n_articles, n_sources, conflicting, label) = row
    record: dict[str, Any] = json.loads(record_json)
    if cluster_id is not None:
        record["cluster_id"] = cluster_id
    cluster = None
    if cluster_id is not None and n_mentions is not None:
        cluster = ClusterInfo(
            id=cluster_id, label=label, n_mentions=n_mentions, n_articles=n_articles, n_sources=n_sources,
            conflicting=bool(conflicting),
        )
    article = ArticleInfo(
        id=article_id, published=published, outlet=outlet, url=url, title=title, ingested_at=ingested_at,
        lead_end=(lead + first_break - 1) if first_break else None,
    )
    return ExportRow(record=record, article=article, cluster=cluster)
