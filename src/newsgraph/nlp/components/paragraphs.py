"""``newsgraph_paragraphs``: a line break always ends a sentence, and so does the full stop after
a name the tokenizer splits off its period (``data/lexicon/tokens.tsv``: "posted on X.").

Runs before the parser, which keeps sentence starts that are already set, so a
headline or a paragraph never runs into the next one.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib.resources import files

from spacy.language import Language
from spacy.tokens import Doc


@cache
def token_cases() -> dict[str, list[dict[str, str]]]:
    """Word forms the tokenizer treats as special cases (form → its tokens' ORTH and, where given,
    the NORM the model reads for the first), from ``data/lexicon/tokens.tsv``."""
    path = files("newsgraph").joinpath("data/lexicon/tokens.tsv")
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    cases: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        pieces = [{"ORTH": piece} for piece in row["pieces"].split()]
        if row.get("norm"):
            pieces[0]["NORM"] = row["norm"]
        cases[row["form"]] = pieces
    return cases


@cache
def _final_names() -> frozenset[str]:
    """The names whose split-off period ends a sentence ("X" of "X.")."""
    return frozenset(pieces[0]["ORTH"] for pieces in token_cases().values()
                     if [p["ORTH"] for p in pieces[1:]] == ["."])


@Language.component("newsgraph_paragraphs")
def split_paragraphs(doc: Doc) -> Doc:
    final = _final_names()
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif token.text == "." and token.i > 0 and doc[token.i - 1].text in final and doc[token.i + 1].is_title:
            doc[token.i + 1].is_sent_start = True  # "… posted on X. Militants attacked …"
    return doc
