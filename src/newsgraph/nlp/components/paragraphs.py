"""``newsgraph_paragraphs``: a line break always ends a sentence, and so does the full stop after
a name the tokenizer splits off its period (``data/lexicon/token_splits.tsv``: "posted on X.").

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
def token_splits() -> dict[str, list[str]]:
    """Word forms the tokenizer splits (form → pieces), from ``data/lexicon/token_splits.tsv``."""
    path = files("newsgraph").joinpath("data/lexicon/token_splits.tsv")
    with path.open(encoding="utf-8") as handle:
        return {row["form"]: row["pieces"].split() for row in csv.DictReader(handle, delimiter="\t")}


@cache
def _final_names() -> frozenset[str]:
    """The names whose split-off period ends a sentence ("X" of "X.")."""
    return frozenset(pieces[0] for pieces in token_splits().values() if pieces[1:] == ["."])


@Language.component("newsgraph_paragraphs")
def split_paragraphs(doc: Doc) -> Doc:
    final = _final_names()
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif token.text == "." and token.i > 0 and doc[token.i - 1].text in final and doc[token.i + 1].is_title:
            doc[token.i + 1].is_sent_start = True  # "… posted on X. Militants attacked …"
    return doc
