"""The public API is what is intended, and stays so whichever stage modules are loaded first."""

from __future__ import annotations

import subprocess
import sys

import newsgraph


def test_all_names_resolve() -> None:
    for name in newsgraph.__all__:
        assert getattr(newsgraph, name) is not None, name


def test_extract_is_the_function_even_after_loading_the_stage_package() -> None:
    code = "import newsgraph.extract.events, newsgraph; assert callable(newsgraph.extract), newsgraph.extract"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_importing_records_does_not_load_spacy() -> None:
    code = "import sys, newsgraph.records; assert 'spacy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_an_article_checks_its_fields_and_reads_an_iso_date() -> None:
    from datetime import date, datetime

    import pytest

    from newsgraph import Article

    assert Article(id="a", text="t", published="2024-03-06").published == date(2024, 3, 6)
    assert Article(id="a", text="t", published=datetime(2024, 3, 6, 9, 30)).published == date(2024, 3, 6)
    with pytest.raises(ValueError, match="not an ISO date"):
        Article(id="a", text="t", published="last Tuesday")
    with pytest.raises(ValueError, match="non-empty string"):
        Article(id="", text="t")
    with pytest.raises(TypeError, match="text must be a string"):
        Article(id="a", text=b"bytes")  # type: ignore[arg-type]
