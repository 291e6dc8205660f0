"""A failure while extracting one article is reported and the stream goes on."""

from __future__ import annotations

import pytest

import newsgraph.api as api
from newsgraph.errors import ExtractionError, InputError
from newsgraph.records import Article, Rejection


def test_one_failing_article_does_not_end_the_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    real = api.extract_records

    def flaky(doc, article, **budget):  # type: ignore[no-untyped-def]
        if article.id == "bad":
            raise RuntimeError("boom")
        return real(doc, article, **budget)

    monkeypatch.setattr(api, "extract_records", flaky)
    articles = [Article(id=i, text="Peru sold rice to Chile.") for i in ("a", "bad", "c")]
    errors: list[Rejection] = []
    done = [a.id for a, _ in api.iter_extract(articles, on_error=errors.append)]
    assert done == ["a", "c"]
    assert len(errors) == 1 and "'bad'" in errors[0].reason and errors[0].stage == "extract"
    with pytest.raises(ExtractionError, match="bad"):
        list(api.iter_extract(articles))


def test_text_that_is_not_valid_unicode_is_rejected_alone() -> None:
    texts = (("a", "Peru sold rice to Chile."), ("bad", "Peru sold \ud800 rice to Chile."), ("c", "Chile sold rice."))
    articles = [Article(id=i, text=t) for i, t in texts]
    errors: list[Rejection] = []
    done = [a.id for a, _ in api.iter_extract(articles, on_error=errors.append)]
    assert done == ["a", "c"]
    assert len(errors) == 1 and "lone surrogate (U+D800) at character 10" in errors[0].reason
    with pytest.raises(InputError, match="lone surrogate"):
        api.extract("Peru sold \ud800 rice to Chile.")
