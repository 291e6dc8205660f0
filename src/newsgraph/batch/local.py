"""Extraction in worker processes on one machine (``Settings.workers`` > 1)."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from itertools import islice

from newsgraph.config import Settings
from newsgraph.errors import ExtractionError
from newsgraph.records import Article, ArticleRecords, Rejection

Result = ArticleRecords | Rejection


def extract_chunk(articles: list[Article], settings: Settings, claims: bool = False) -> list[Result]:
    """Extract a list of articles in this process: each result in input order (its claim records
    too when ``claims``, else an empty list), a failed article as its Rejection. A pure function
    of its arguments: any worker of any engine can run it."""
    from newsgraph.api import iter_extract, iter_extracted

    single = replace(settings, workers=1)
    out: list[Result] = []
    if claims:
        out.extend(iter_extracted(articles, settings=single, on_error=out.append))
    else:
        out.extend((article, events, []) for article, events in iter_extract(articles, settings=single,
                                                                           on_error=out.append))
    return out


def _warm(settings: Settings) -> None:
    from newsgraph.extract import prepare
    from newsgraph.nlp import build_nlp

    build_nlp(settings.model)  # load the model and tables once per worker, before the first chunk
    prepare()


def iter_extract_parallel(
    articles: Iterable[Article],
    *,
    settings: Settings,
    on_error: Callable[[Rejection], None] | None = None,
    claims: bool = False,
) -> Iterator[ArticleRecords]:
    """``iter_extract`` (``iter_extracted`` with ``claims``) over ``settings.workers`` processes, in
    chunks of ``settings.batch_size`` articles, with at most two chunks per worker in flight
    (memory stays bounded)."""
    context = multiprocessing.get_context("spawn")  # no fork of a process that holds a loaded model
    stream = iter(articles)
    pending: deque[Future[list[Result]]] = deque()
    with ProcessPoolExecutor(
        max_workers=settings.workers, mp_context=context, initializer=_warm, initargs=(settings,)
    ) as pool:

        def submit() -> bool:
            chunk = list(islice(stream, settings.batch_size))
            if chunk:
                pending.append(pool.submit(extract_chunk, chunk, settings, claims))
            return bool(chunk)

        while len(pending) < 2 * settings.workers and submit():
            pass
        while pending:
            for result in pending.popleft().result():
                if isinstance(result, Rejection):
                    if on_error is None:
                        raise ExtractionError(result.message())
                    on_error(result)
                else:
                    yield result
            submit()
