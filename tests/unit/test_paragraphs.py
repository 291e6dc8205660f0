from __future__ import annotations

import pytest
from spacy.language import Language


def test_headline_without_full_stop_is_its_own_sentence(nlp: Language) -> None:
    doc = nlp("Ghana signs pact with Togo\n\nThe two governments agreed on Monday to share border patrols.")
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents[0] == "Ghana signs pact with Togo"
    assert sents[1].startswith("The two governments")


def test_a_post_on_x_ends_its_sentence_and_initials_stay_in_names(nlp: Language) -> None:
    doc = nlp("The Bolivian minister denied it in a post on X. Chilean troops shelled the border post on Friday.")
    assert [s.text for s in doc.sents] == ["The Bolivian minister denied it in a post on X.",
                                           "Chilean troops shelled the border post on Friday."]
    assert [t.text for t in doc][9:11] == ["X", "."]  # offsets still slice the text
    doc = nlp("Juan F. Ortega wrote on X that the talks had failed.")
    assert len(list(doc.sents)) == 1


def test_is_written_for_islamic_state_is_read_as_a_name_not_the_verb(nlp: Language) -> None:
    doc = nlp("IS claimed the bombing of a Peruvian embassy convoy, and fighters of IS later attacked Bolivian guards.")
    first, later = (t for t in doc if t.text == "IS")
    assert first.dep_ == "nsubj" and later.dep_ == "pobj"
    assert doc.text[first.idx:first.idx + 2] == "IS"  # the text is read as written
    doc = nlp("Peru is ready to talk, and so is Chile.")
    assert all(t.pos_ == "AUX" for t in doc if t.lower_ == "is")


def test_islamic_state_written_is_is_the_group(nlp: Language) -> None:
    from datetime import date

    from newsgraph.extract import extract_events
    from newsgraph.records import Article

    text = "IS attacked a Bolivian army convoy near the border."
    events = extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))
    assert [m.actor.name for e in events if e.type == "ASSAULT" for m in e.source] == ["Islamic State"]


@pytest.mark.parametrize("text", [
    "Trump also angered Bolivian officials after a visit to Lima.",
    "Trump stuck to his plan despite criticism from Peru.",
    "Bolivia is looking to Trump to lift the tariffs.",
    "Trump and Bolivian officials met in Lima.",
])
def test_the_surname_trump_is_read_as_a_name(nlp: Language, text: str) -> None:
    (name,) = [t for t in nlp(text) if t.text == "Trump"]
    assert name.pos_ == "PROPN" and name.dep_ in ("nsubj", "pobj", "nmod", "conj", "compound")
    verb = [t for t in nlp("The ace will trump the king.") if t.lower_ == "trump"][0]
    assert verb.pos_ == "VERB"  # the word in lower case is still the verb


@pytest.mark.parametrize("text", [
    "USAID warned Paraguay on Monday.",
    "Officials said USAID had suspended aid to Bolivia.",
])
def test_usaid_is_read_as_a_name(nlp: Language, text: str) -> None:
    (name,) = [t for t in nlp(text) if t.text == "USAID"]
    assert name.pos_ == "PROPN" and name.dep_ == "nsubj"
