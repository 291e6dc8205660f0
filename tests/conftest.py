"""Shared fixtures: one spaCy model per test session, paths to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def bare_nlp() -> Language:
    from newsgraph.nlp.pipeline import load_model

    return load_model("en_core_web_sm")


@pytest.fixture(scope="session")
def nlp() -> Language:
    from newsgraph.nlp.pipeline import build_nlp

    return build_nlp("en_core_web_sm")
