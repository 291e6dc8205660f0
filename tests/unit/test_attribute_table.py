"""The attribute and lemma tables give what the model's own attribute ruler and lemmatizer give."""

from __future__ import annotations

import numpy as np
import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc, DocBin

from newsgraph.nlp.components.attribute_table import AttributeTable, LemmaTable, UnsupportedRule, from_ruler
from newsgraph.nlp.pipeline import build_nlp, load_model

COLUMNS = [POS, MORPH, LEMMA, TAG, DEP]
TEXTS = [
    "Chile's foreign minister said on Tuesday that Peru had sent 40 armoured vehicles to Bolivia.",
    "There is no deal yet, and there were talks in Lima, officials said.",
    "We're gonna keep going, y'all, because we ain't done and we got nothin' to hide.",
    "Let's see whether they've gotta leave.  Nobody knows.\n\nThe ministry hopes the envoy hoped for more.",
    "C'mon, he's not going to accept it; she'd rather refuse, wouldn't she?",
    "“I’ll never agree,” Ms Soto told reporters in Santiago, adding: “It isn’t over.”",
    "",
    "   ",
    "Bolivia",
]


@pytest.fixture(scope="module")
def model() -> Language:
    return load_model("en_core_web_sm")


def _parsed(nlp: Language, texts: list[str]) -> tuple[list[Doc], list[Doc]]:
    """Each text parsed up to the attribute ruler, twice (one copy for each way of applying it)."""
    bin_ = DocBin()
    for doc in nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]):
        bin_.add(doc)
    data = bin_.to_bytes()
    return list(DocBin().from_bytes(data).get_docs(nlp.vocab)), list(DocBin().from_bytes(data).get_docs(nlp.vocab))


def test_same_attributes_as_the_stock_ruler_and_lemmatizer(model: Language) -> None:
    ruler, lemmatizer = model.get_pipe("attribute_ruler"), model.get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    table, lemmas = from_ruler(ruler), LemmaTable(lemmatizer)
    stock, tabled = _parsed(model, TEXTS + TEXTS[::-1])  # twice: the second time from what was kept
    for a, b in zip(stock, tabled, strict=True):
        lemmatizer(ruler(a))
        lemmas(table(b))
        assert np.array_equal(a.to_array(COLUMNS), b.to_array(COLUMNS)), a.text
        assert [str(t.morph) for t in a] == [str(t.morph) for t in b]
        assert [t.pos_ for t in a] == [t.pos_ for t in b]


def test_later_rules_win_and_several_tokens_match(model: Language) -> None:
    rules = [
        ([[{"TAG": "VB"}]], "first", 0),
        ([[{"LOWER": "say"}]], "second", 0),
        ([[{"LOWER": "gon"}, {"LOWER": "na"}]], "to", 1),
        ([[{"LOWER": {"REGEX": "^y"}}], [{"LOWER": "they"}]], "alternative", 0),
        ([[{"TAG": {"NOT_IN": ["VB", "VBG", "PRP", "UH"]}}]], "other", 0),
        ([[{"LOWER": "gon"}, {"TAG": "TO"}]], "last", -2),
    ]
    ruler = AttributeRuler(model.vocab)
    for patterns, lemma, index in rules:
        ruler.add(patterns, {"LEMMA": lemma}, index=index)
    words, tags = ["they", "gonna", "say", "gon", "na", "yes"], ["PRP", "VBG", "VB", "VBG", "TO", "UH"]
    stock, tabled = Doc(model.vocab, words=words, tags=tags), Doc(model.vocab, words=words, tags=tags)
    ruler(stock)
    from_ruler(ruler)(tabled)
    assert [t.lemma_ for t in tabled] == ["alternative", "", "second", "last", "other", "alternative"]
    assert [t.lemma_ for t in tabled] == [t.lemma_ for t in stock]


def test_a_rule_it_cannot_test_is_refused(model: Language) -> None:
    with pytest.raises(UnsupportedRule):
        AttributeTable(model.vocab, [[[{"LOWER": "a", "OP": "+"}]]], [{LEMMA: 1}], [0])
    with pytest.raises(UnsupportedRule):
        AttributeTable(model.vocab, [[[{"LENGTH": 3}]]], [{LEMMA: 1}], [0])


def test_the_pipeline_uses_the_table_with_the_lemma_fixes() -> None:
    nlp = build_nlp("en_core_web_sm")
    assert "attribute_ruler" not in nlp.pipe_names
    assert "lemmatizer" not in nlp.pipe_names
    assert nlp.pipe_names.index("newsgraph_attribute_table") < nlp.pipe_names.index("newsgraph_lemma_table")
    doc = nlp("Peru hopes talks resume; Chile hoped so too.")
    assert [t.lemma_ for t in doc if t.lower_.startswith("hop")] == ["hope", "hope"]
    assert [t.pos_ for t in doc][:2] == ["PROPN", "VERB"]
