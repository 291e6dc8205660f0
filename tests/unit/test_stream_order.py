"""A stream of articles is parsed shortest first within a window, but its records and rejections
come back in input order (sentences written for these tests)."""

from __future__ import annotations

import pytest

from newsgraph import Article
from newsgraph.api import iter_extract
from newsgraph.config import Settings
from newsgraph.errors import InputError
from newsgraph.records import Rejection

LONG = "Paraguay sent 40 armoured vehicles to Bolivia on Monday. " * 6
SHORT = "Chile expelled two Peruvian diplomats."


def articles() -> list[Article]:
    # lengths out of order, and a text spaCy cannot read in the middle
    return [Article(id="a-long", text=LONG), Article(id="b-short", text=SHORT),
            Article(id="c-bad", text="Uruguay met Peru \ud800 today."), Article(id="d-long", text=LONG + SHORT),
            Article(id="e-short", text="Peru thanked Chile.")]


def test_records_and_rejections_come_back_in_input_order() -> None:
    settings = Settings.from_env(batch_size=2, workers=1)  # a window of 16: all five in one
    rejected: list[Rejection] = []
    out = [a.id for a, _events in iter_extract(articles(), settings=settings, on_error=rejected.append)]
    assert out == ["a-long", "b-short", "d-long", "e-short"]
    assert [r.origin for r in rejected] == ["c-bad"]


def test_without_a_handler_every_article_before_a_failure_comes_first() -> None:
    seen: list[str] = []
    with pytest.raises(InputError, match="c-bad"):
        for article, _events in iter_extract(articles(), settings=Settings.from_env(batch_size=2, workers=1)):
            seen.append(article.id)
    assert seen == ["a-long", "b-short"]


def test_events_do_not_depend_on_the_window() -> None:
    def run(batch_size: int) -> dict[str, list[str]]:
        settings = Settings.from_env(batch_size=batch_size, workers=1)
        return {a.id: [e.id for e in evs]
                for a, evs in iter_extract(articles(), settings=settings, on_error=lambda _r: None)}

    assert run(1) == run(64)
