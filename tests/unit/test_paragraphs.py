from __future__ import annotations

from spacy.language import Language


def test_headline_without_full_stop_is_its_own_sentence(nlp: Language) -> None:
    doc = nlp("Ghana signs pact with Togo\n\nThe two governments agreed on Monday to share border patrols.")
    sents = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sents[0] == "Ghana signs pact with Togo"
    assert sents[1].startswith("The two governments")
