"""The Python API: extract events from one text, or stream many articles."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from itertools import chain, islice

from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.config import AUTO_MIN_ARTICLES, Settings, auto_workers
from newsgraph.errors import ExtractionError, InputError
from newsgraph.extract import prepare
from newsgraph.extract.events import ExtractionTimeout, extract_records
from newsgraph.ingest.checks import surrogate_reason, visible_spaces
from newsgraph.nlp import build_nlp
from newsgraph.records import Article, ArticleRecords, Claim, Event, Rejection


def content_id(text: str) -> str:
    """A stable article id from its text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def iter_extract(
    articles: Iterable[Article],
    *,
    settings: Settings | None = None,
    on_error: Callable[[Rejection], None] | None = None,
) -> Iterator[tuple[Article, list[Event]]]:
    """Stream (article, events) pairs; documents go through ``nlp.pipe`` in bounded batches.

    If extracting one article fails, ``on_error`` receives a Rejection naming it and the
    stream goes on; without ``on_error`` the failure raises ExtractionError. With
    ``settings.workers`` > 1 the articles are extracted in that many processes
    (:mod:`newsgraph.batch`), results still in input order.
    """
    settings = settings or Settings.from_env()
    articles, settings = _with_workers(articles, settings)
    if settings.workers > 1:
        from newsgraph.batch import iter_extract_parallel

        for article, events, _claims in iter_extract_parallel(articles, settings=settings, on_error=on_error):
            yield article, events
        return
    for article, events, _claims in _parsed(articles, settings, on_error):
        yield article, events


def iter_claims(
    articles: Iterable[Article],
    *,
    settings: Settings | None = None,
    on_error: Callable[[Rejection], None] | None = None,
) -> Iterator[tuple[Article, list[Claim]]]:
    """Stream (article, claims) pairs: every "who says what" of each article
    (:func:`newsgraph.extract.claims.extract_claims`), with the ids of the events inside each
    claim; with ``settings.workers`` > 1 in that many processes. Failures as in :func:`iter_extract`."""
    for article, _events, claims in iter_extracted(articles, settings=settings, on_error=on_error):
        yield article, claims


def iter_extracted(
    articles: Iterable[Article],
    *,
    settings: Settings | None = None,
    on_error: Callable[[Rejection], None] | None = None,
) -> Iterator[ArticleRecords]:
    """Stream (article, events, claims): both record kinds of each article from one parse (what
    ``Store.ingest`` stores); with ``settings.workers`` > 1 in that many processes, in input order.
    Failures as in :func:`iter_extract`."""
    settings = settings or Settings.from_env()
    articles, settings = _with_workers(articles, settings)
    if settings.workers > 1:
        from newsgraph.batch import iter_extract_parallel

        yield from iter_extract_parallel(articles, settings=settings, on_error=on_error, claims=True)
        return
    yield from _parsed(articles, settings, on_error)


def _with_workers(articles: Iterable[Article], settings: Settings) -> tuple[Iterable[Article], Settings]:
    """Settings with the number of worker processes decided: ``workers`` 0 (auto) is one process for
    a run shorter than AUTO_MIN_ARTICLES (read ahead to know) and :func:`auto_workers` for a longer one."""
    if settings.workers >= 1:
        return articles, settings
    stream = iter(articles)
    ahead = list(islice(stream, AUTO_MIN_ARTICLES))
    workers = auto_workers() if len(ahead) == AUTO_MIN_ARTICLES else 1
    return chain(ahead, stream), replace(settings, workers=workers)


def _fail(on_error: Callable[[Rejection], None] | None, article: Article, stage: str, why: str) -> None:
    rejection = Rejection(origin=article.origin or article.id, line=None, stage=stage,
                          reason=f"article {article.id!r}: {why}")
    if on_error is None:
        raise ExtractionError(rejection.message())
    on_error(rejection)


SORT_WINDOW_BATCHES = 8  # articles are parsed in length order within windows of this many batches
BATCH_CHARS = 3_000  # an average news article's characters: a batch holds at most batch_size of them


def _pipe(nlp: Language, docs: Iterable[tuple[Doc, int]], batch_size: int) -> Iterator[tuple[Doc, int]]:
    """``nlp.pipe`` over documents in length order, in batches of ``batch_size`` documents or of as
    many characters as ``batch_size`` average ones (BATCH_CHARS each), whichever is fewer: long
    articles go in smaller batches, so memory stays near what a mixed batch takes."""
    budget = batch_size * BATCH_CHARS
    batch: list[tuple[Doc, int]] = []
    chars = 0
    for item in docs:
        if batch and (len(batch) >= batch_size or chars + len(item[0].text) > budget):
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
            batch, chars = [], 0
        batch.append(item)
        chars += len(item[0].text)
    if batch:
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))


@dataclass(frozen=True, slots=True)
class _Failed:
    """An article that failed: its rejection, and the error the API raises for it without ``on_error``."""

    rejection: Rejection
    error: Exception


def _parsed(
    articles: Iterable[Article], settings: Settings, on_error: Callable[[Rejection], None] | None
) -> Iterator[ArticleRecords]:
    """(article, events, claims) in one process, and records and rejections in input order.
    Documents go through ``nlp.pipe`` in bounded batches, shortest first within each window of
    SORT_WINDOW_BATCHES batches: a batch of similar lengths pads less in the model (1.11x faster,
    ``benchmarks/batching.py``); only the records of one window are held, never its documents."""
    nlp = build_nlp(settings.model)
    prepare()
    window = settings.batch_size * SORT_WINDOW_BATCHES
    stream = iter(articles)
    while chunk := list(islice(stream, window)):
        done = dict(_parse_window(nlp, chunk, settings))
        for i in range(len(chunk)):
            result = done[i]
            if not isinstance(result, _Failed):
                yield result
            elif on_error is None:
                raise result.error
            else:
                on_error(result.rejection)


def _parse_window(
    nlp: Language, chunk: list[Article], settings: Settings
) -> Iterator[tuple[int, ArticleRecords | _Failed]]:
    """(position in ``chunk``, its records, or its rejection and the error the API raises for it)
    for each article of one window, parsed shortest first."""
    failures: dict[int, _Failed] = {}

    def docs() -> Iterator[tuple[Doc, int]]:
        for i in sorted(range(len(chunk)), key=lambda i: len(chunk[i].text)):
            article = chunk[i]
            if reason := surrogate_reason(article.text):  # spaCy cannot even tokenize it
                rejection = Rejection(origin=article.origin or article.id, line=None, stage="ingest",
                                      reason=f"article {article.id!r}: {reason}")
                failures[i] = _Failed(rejection, InputError(rejection.origin, reason))
                continue
            doc = nlp.make_doc(article.text)
            doc.user_data["published"] = article.published  # people's roles at the date (actor ruler)
            yield doc, i

    for doc, i in _pipe(nlp, docs(), settings.batch_size):
        article = chunk[i]
        try:
            events, claims = extract_records(doc, article, max_seconds=settings.max_seconds)
        except Exception as exc:  # one bad article must not end a long run
            why = str(exc) if isinstance(exc, ExtractionTimeout) else f"extraction failed: {type(exc).__name__}: {exc}"
            rejection = Rejection(
                origin=article.origin or article.id, line=None, stage="extract",
                reason=f"article {article.id!r}: {why}",
            )
            error = ExtractionError(rejection.message())
            error.__cause__ = exc
            yield i, _Failed(rejection, error)
            continue
        yield i, (article, events, claims)
    yield from failures.items()


def extract(
    text: str,
    *,
    published: date | None = None,
    article_id: str | None = None,
    settings: Settings | None = None,
) -> list[Event]:
    """Event mentions of one article text (invisible word separators read as spaces)."""
    article = Article(id=article_id or content_id(text), text=visible_spaces(text), published=published)
    return next(iter_extract([article], settings=settings))[1]
