"""``newsgraph_attribute_table``: the model's attribute ruler, applied with array operations.

spaCy's ``attribute_ruler`` maps fine-grained tags (and a few words) to coarse POS, morphology
and lemma exceptions by running a token ``Matcher`` with every rule over every token; on news
text that is a tenth of the whole pipeline's time (``benchmarks/throughput.py``), about as
much as the parser. Its rules are fixed-length token patterns testing a token's tag, lower-case
form, dependency or whitespace (equality, ``IN``, ``NOT_IN``, a regular expression on the
form): this component tests each rule on the document's attribute columns (``Doc.to_array``)
at once, skips a rule at once when a value it needs is on no token, and writes POS, morphology
and lemma back with ``Doc.from_array`` (anything else a rule sets goes through spaCy's own
token setter).

The outcome is the stock ruler's, token for token: rules apply in the order they were added,
a later rule overriding an earlier one on the same token and attribute, as spaCy sorts matches
by rule, and every rule is tested on the document as it came in. The rules are read from the
model's ``attribute_ruler`` when the pipeline is built (``newsgraph.nlp.pipeline.build_nlp``),
which then removes it; a model with a rule the table cannot test keeps its stock ruler.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs  # the stock ruler's setter
from spacy.util import SimpleFrozenList
from spacy.vocab import Vocab

# Token attributes a rule may test here, and the columns they are read from.
TESTED = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
# Token attributes a rule may set here, written back as columns.
_WRITTEN_IDS = (POS, MORPH, LEMMA)


@dataclass(frozen=True, slots=True)
class _Test:
    column: int  # position in TESTED
    values: frozenset[int]  # hashes (0/1 for IS_SPACE); empty with a regex
    negated: bool = False  # NOT_IN
    regex: re.Pattern[str] | None = None  # REGEX, searched in the attribute's text


@dataclass(frozen=True, slots=True)
class _Rule:
    order: int  # the rule's position in the ruler: a later one wins
    alternatives: tuple[tuple[tuple[_Test, ...], ...], ...]  # patterns: per token, tests that all hold
    index: int  # which token of a match the rule sets (negative: from the end)
    values: tuple[tuple[int, int], ...]  # (position in _WRITTEN_IDS, value) set on the token
    other: Mapping[int, Any]  # attributes set through spaCy's token setter


class UnsupportedRule(ValueError):
    """A rule this table cannot test (an operator, a predicate or an attribute it does not read)."""


class _FromModel:
    """A component built from one of the model's own when the pipeline is built: documents one at a
    time, and nothing of its own to save or load (``nlp.to_disk`` keeps working)."""

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)

    def to_disk(self, path: Any, *, exclude: Iterable[str] = SimpleFrozenList()) -> None:
        """Nothing to save: what it applies comes from the model."""

    def from_disk(self, path: Any, *, exclude: Iterable[str] = SimpleFrozenList()) -> _FromModel:
        return self


class AttributeTable(_FromModel):
    """Applies an attribute ruler's rules, given as the ruler holds them."""

    def __init__(
        self, vocab: Vocab, patterns: Sequence[Sequence[Sequence[Mapping[str, Any]]]],
        attrs: Sequence[Mapping[int, Any]], indices: Sequence[int],
    ) -> None:
        """``patterns``, ``attrs`` (normalised: attribute ids to values, as spaCy's
        ``normalize_token_attrs`` gives them) and ``indices``: one of each per rule, in order.
        Raises ``UnsupportedRule`` for a rule it cannot test (the stock ruler is then kept)."""
        self.vocab = vocab
        self.rules = [
            self._rule(order, *rule) for order, rule in enumerate(zip(patterns, attrs, indices, strict=True))
        ]

    def _rule(
        self, order: int, patterns: Sequence[Sequence[Mapping[str, Any]]], attrs: Mapping[int, Any], index: int
    ) -> _Rule:
        alternatives = tuple(tuple(self._tests(spec) for spec in pattern) for pattern in patterns)
        if any(not -len(a) <= index < len(a) for a in alternatives):
            raise UnsupportedRule(f"rule {order}: token {index} is outside its pattern")
        return _Rule(
            order=order, alternatives=alternatives, index=index,
            values=tuple((_WRITTEN_IDS.index(k), int(v)) for k, v in attrs.items() if k in _WRITTEN_IDS),
            other={k: v for k, v in attrs.items() if k not in _WRITTEN_IDS},
        )

    def _tests(self, spec: Mapping[str, Any]) -> tuple[_Test, ...]:
        tests = []
        for key, value in spec.items():
            if key not in TESTED:
                raise UnsupportedRule(f"cannot test {key!r}")
            column = list(TESTED).index(key)
            if not isinstance(value, dict):
                tests.append(_Test(column, frozenset({self._key(value)})))
                continue
            for op, operand in value.items():
                if op in ("IN", "NOT_IN"):
                    tests.append(_Test(column, frozenset(self._key(v) for v in operand), op == "NOT_IN"))
                elif op == "REGEX" and key == "LOWER":
                    tests.append(_Test(column, frozenset(), regex=re.compile(operand)))
                else:
                    raise UnsupportedRule(f"cannot test {key} {op}")
        return tuple(tests)

    def _key(self, value: Any) -> int:
        if isinstance(value, bool):
            return int(value)
        return int(self.vocab.strings.add(value)) if isinstance(value, str) else int(value)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array(list(TESTED.values())).astype(np.uint64)
        present = [frozenset(np.unique(columns[:, c]).tolist()) for c in range(columns.shape[1])]
        written = doc.to_array(list(_WRITTEN_IDS)).astype(np.uint64)
        changed = False
        others: list[tuple[int, Mapping[int, Any]]] = []
        for rule in self.rules:  # in order: a later rule overrides an earlier one
            targets = self._targets(rule, columns, present)
            if targets is None:
                continue
            for column, value in rule.values:
                written[targets, column] = value
                changed = True
            if rule.other:
                others.extend((int(i), rule.other) for i in np.nonzero(targets)[0])
        if changed:
            doc.from_array(list(_WRITTEN_IDS), written)  # type: ignore[arg-type]  # uint64 columns, as to_array gives
        for i, attrs in others:
            set_token_attrs(doc[i], dict(attrs))
        return doc

    def _targets(self, rule: _Rule, columns: np.ndarray, present: list[frozenset[int]]) -> np.ndarray | None:
        """Which tokens the rule sets in this document, or None."""
        n = columns.shape[0]
        targets: np.ndarray | None = None
        for pattern in rule.alternatives:
            width = len(pattern)
            if width > n or any(
                not t.negated and t.regex is None and present[t.column].isdisjoint(t.values)
                for tests in pattern for t in tests
            ):
                continue  # a value the pattern needs is on no token of the document
            starts = np.ones(n - width + 1, dtype=bool)
            for k, tests in enumerate(pattern):
                for t in tests:
                    starts &= self._holds(t, columns[:, t.column], present[t.column])[k: n - width + 1 + k]
            if not starts.any():
                continue
            hit = np.zeros(n, dtype=bool)
            hit[np.nonzero(starts)[0] + rule.index % width] = True
            targets = hit if targets is None else targets | hit
        return targets

    def _holds(self, test: _Test, column: np.ndarray, present: frozenset[int]) -> np.ndarray:
        if test.regex is not None:
            regex = test.regex
            values = [h for h in present if regex.search(self.vocab.strings[h])]
        else:
            values = list(test.values)
        found = column == values[0] if len(values) == 1 else np.isin(column, values)
        return ~found if test.negated else found



def from_ruler(ruler: AttributeRuler) -> AttributeTable:
    """The table of a loaded ``attribute_ruler``'s rules, in its order."""
    patterns: list[Sequence[Sequence[Mapping[str, Any]]]] = [entry["patterns"] for entry in ruler.patterns]  # type: ignore[misc]
    return AttributeTable(ruler.vocab, patterns, ruler.attrs, ruler.indices)


@Language.factory(
    "newsgraph_attribute_table",
    assigns=["token.pos", "token.morph", "token.lemma"],
    requires=["token.tag", "token.dep"],
    default_config={"source": "attribute_ruler"},
)
def make_attribute_table(nlp: Language, name: str, source: str) -> AttributeTable:
    ruler = nlp.get_pipe(source)
    if not isinstance(ruler, AttributeRuler):
        raise UnsupportedRule(f"{source!r} is not an attribute ruler")
    return from_ruler(ruler)


class LemmaTable(_FromModel):
    """The model's lemmatizer with its answers kept per (form, POS, morphology).

    spaCy's rule and lookup lemmatizers give a token's lemma from its form, coarse POS and
    morphology alone, but are called token by token; this component asks the lemmatizer once per
    distinct (form, POS, morphology) of the run, keeps its answer, and writes a document's lemmas
    back as one column. Tokens that already have a lemma (set by the attribute rules) keep it, as
    with the stock component."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        if lemmatizer.mode not in ("rule", "lookup") or lemmatizer.overwrite:
            raise UnsupportedRule(f"lemmatizer mode {lemmatizer.mode!r} (overwrite {lemmatizer.overwrite})")
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self.known: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA]).astype(np.uint64)
        missing = np.nonzero(columns[:, 3] == 0)[0]
        if not len(missing):
            return doc
        known = self.known
        for i in missing.tolist():
            key = (int(columns[i, 0]), int(columns[i, 1]), int(columns[i, 2]))
            lemma = known.get(key)
            if lemma is None:
                lemma = known[key] = int(self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0]))
            columns[i, 3] = lemma
        doc.from_array([LEMMA], columns[:, 3:4])  # type: ignore[arg-type]  # uint64, as to_array gives
        return doc



@Language.factory(
    "newsgraph_lemma_table",
    assigns=["token.lemma"],
    requires=["token.pos", "token.morph"],
    default_config={"source": "lemmatizer"},
)
def make_lemma_table(nlp: Language, name: str, source: str) -> LemmaTable:
    lemmatizer = nlp.get_pipe(source)
    if not isinstance(lemmatizer, Lemmatizer):
        raise UnsupportedRule(f"{source!r} is not a lemmatizer")
    return LemmaTable(lemmatizer)
