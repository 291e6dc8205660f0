"""Extraction on Apache Spark (optional extra: ``pip install 'newsgraph[spark]'``).

Extracting one article is a pure function; these adapters run it over a Spark DataFrame with
``mapInArrow`` (which works on Spark Connect and Databricks shared clusters, where ``df.rdd``
does not). Each Python worker builds the spaCy pipeline once (``newsgraph.nlp.build_nlp`` is
cached per process) and reuses it for every task it runs; nothing heavy is captured in a closure.

- :func:`extract_records`: one row per input article in the layout of
  :data:`newsgraph.batch.arrow.RECORDS` (article, events, claims, or the rejection that says why
  the input could not be used). Written as Parquet, it comes home with
  ``newsgraph ingest --extracted DIR``.
- :func:`extract_events` and :func:`extract_claims`: the contract's records as rows (nested fields
  as structs and arrays), with a ``rejection`` column set on the rows of rejected inputs.

Input: any DataFrame with an id column and a text column (JSON Lines, Parquet, a table), and
optionally a publication date (a date, or an ISO string). A row whose text is empty, too long,
not English or not text becomes a rejection row naming its id, never an exception.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from newsgraph.batch.arrow import RECORDS, record_row, records_batch, rejection_row
from newsgraph.config import Settings

if TYPE_CHECKING:
    from pyspark.sql import DataFrame


def extract_records(df: DataFrame, *, text_col: str = "text", id_col: str = "id",
                    published_col: str | None = "published", settings: Settings | None = None) -> DataFrame:
    """One row per article of ``df``: its events and claims, or its rejection (``RECORDS``)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    missing = [c for c in (id_col, text_col) if c not in df.columns]
    if missing:
        raise ValueError(f"the DataFrame has no column {missing[0]!r} (columns: {', '.join(df.columns)})")
    columns = [id_col, text_col] + ([published_col] if published_col and published_col in df.columns else [])
    one_process = replace(settings or Settings.from_env(), workers=1)  # Spark gives the parallelism
    work = partial(_extract_batches, id_col=id_col, text_col=text_col,
                   published_col=published_col if published_col in columns else None, settings=one_process)
    return df.select(*columns).mapInArrow(work, from_arrow_schema(RECORDS))


def extract_events(df: DataFrame, **kwargs: Any) -> DataFrame:
    """The events of ``df``'s articles as rows of the contract (``extract_records``' keyword
    arguments), with ``article_id`` and a ``rejection`` column (set, with no event, for an input
    that could not be used)."""
    return _exploded(extract_records(df, **kwargs), "events")


def extract_claims(df: DataFrame, **kwargs: Any) -> DataFrame:
    """The claim records of ``df``'s articles as rows, rejections as in :func:`extract_events`."""
    return _exploded(extract_records(df, **kwargs), "claims")


def _exploded(records: DataFrame, field: str) -> DataFrame:
    from pyspark.sql import functions as F  # noqa: N812

    rows = records.select(F.col("article_id").alias("_article"), F.explode_outer(field).alias("record"),
                          "rejection")
    kept = rows.where(F.col("record").isNotNull() | F.col("rejection").isNotNull())
    element = RECORDS.field(field).type.value_type  # the contract's fields, in order
    return kept.select(*[F.coalesce(F.col("record.article_id"), F.col("_article")).alias(name)
                         if name == "article_id" else F.col(f"record.{name}") for name in element.names],
                       "rejection")


def _extract_batches(batches: Iterator[pa.RecordBatch], *, id_col: str, text_col: str, published_col: str | None,
                     settings: Settings) -> Iterator[pa.RecordBatch]:
    """On an executor: Arrow batches of input rows → Arrow batches of ``RECORDS`` rows."""
    from newsgraph.api import iter_extracted
    from newsgraph.ingest.jsonl import article_from_record
    from newsgraph.records import Article, Rejection

    for batch in batches:
        rows: list[dict[str, Any]] = []
        articles: list[Article] = []
        for record in batch.to_pylist():
            raw_id = record.get(id_col)
            published: Any = record.get(published_col) if published_col else None
            if isinstance(published, date):  # a Spark DateType or TimestampType column
                published = published.isoformat()
            fields = {"id": raw_id, "text": record.get(text_col), "published": published}
            origin = f"spark:{raw_id}"
            found = article_from_record(fields, origin=origin, line_number=None, max_chars=settings.max_chars)
            if isinstance(found, Rejection):
                rows.append(rejection_row(found, None if raw_id is None else str(raw_id)))
            else:
                articles.append(found)

        rejected: list[Rejection] = []
        for article, events, claims in iter_extracted(articles, settings=settings, on_error=rejected.append):
            rows.append(record_row(article, events, claims))
        rows.extend(rejection_row(r) for r in rejected)
        yield records_batch(rows)
