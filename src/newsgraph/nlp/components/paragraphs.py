"""``newsgraph_paragraphs``: a line break always ends a sentence.

Runs before the parser, which keeps sentence starts that are already set, so a
headline or a paragraph never runs into the next one.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("newsgraph_paragraphs")
def split_paragraphs(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
