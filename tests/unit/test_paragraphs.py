from __future__ import annotations

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
