"""Trigger words the lexicon lists in another form: verbs done again, gerunds used as nouns
(sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from newsgraph.extract import extract_events
from newsgraph.extract.lexicon import trigger_for
from newsgraph.records import Article, Event


def events_of(nlp: Language, text: str) -> list[Event]:
    return extract_events(nlp(text), Article(id="t", text=text, published=date(2024, 3, 6)))


def test_a_verb_done_again_is_the_verb(nlp: Language) -> None:
    text = "Bolivian police rearrested the union leader on Friday."
    (event,) = [e for e in events_of(nlp, text) if e.type == "COERCE"]
    assert event.rule == "direct:rearrest"
    assert [m.actor.country for m in event.source] == ["BOL"]
    assert any(e.type == "MOBILIZE" for e in events_of(nlp, "Peru redeployed troops to the border."))


def test_a_word_that_only_looks_done_again_is_not(nlp: Language) -> None:
    doc = nlp("The panel recommended new rules, and the firm recharged its fleet.")
    assert trigger_for(next(t for t in doc if t.lower_ == "recommended")) is None  # not "commend" again
    assert trigger_for(next(t for t in doc if t.lower_ == "recharged")) is None  # not "charge" again


def test_a_gerund_with_an_of_phrase_is_the_act(nlp: Language) -> None:
    doc = nlp("The sanctioning of Paraguay's former president angered Asuncion.")
    trig = trigger_for(next(t for t in doc if t.lower_ == "sanctioning"))
    assert trig is not None and (trig.type, trig.frame) == ("SANCTION", "nominal")
    doc = nlp("Sanctioning is a tool of foreign policy.")  # no act named: no trigger
    assert trigger_for(next(t for t in doc if t.lower_ == "sanctioning")) is None


def test_forms_the_model_lemmatises_wrongly_are_corrected(nlp: Language) -> None:
    doc = nlp("Soldiers raped villagers, and Chile boycotts the summit while a judge is sentencing two men.")
    lemmas = {t.lower_: t.lemma_ for t in doc}
    assert (lemmas["raped"], lemmas["boycotts"], lemmas["sentencing"]) == ("rape", "boycott", "sentence")


def test_a_generic_event_noun_is_the_act_named_before_it(nlp: Language) -> None:
    (event,) = events_of(nlp, "The insurgents launched a bombing campaign against Quito.")
    assert (event.type, event.rule) == ("ASSAULT", "nominal:bombing campaign")
    assert [m.actor.country for m in event.target] == ["ECU"]  # the head's against-phrase
    shelling = [e for e in events_of(nlp, "Soldiers began a shelling campaign on the port.") if e.type == "ASSAULT"]
    assert [e.rule for e in shelling] == ["nominal:shelling campaign"]
    # a generic head with no act before it, or an act noun before a head that is not generic
    doc = nlp("Chile began an election campaign, and the trade minister spoke at the detention centre.")
    assert all(trigger_for(t) is None for t in doc if t.lower_ in ("campaign", "minister", "centre"))


def test_inspectors_inspecting_is_an_investigation(nlp: Language) -> None:
    (event,) = events_of(nlp, "UN inspectors will inspect the nuclear plant near Arak.")
    assert (event.type, event.mode, event.status) == ("ACCUSE", "investigate", "planned")


def test_a_word_list_named_twice_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.extract import lexicon

    rows = [{"list": "ours", "lemmas": "a|b"}, {"list": "ours", "lemmas": "c"}]
    monkeypatch.setattr(lexicon, "read_table", lambda name: rows)
    lexicon.word_lists.cache_clear()
    try:
        with pytest.raises(ValueError, match="'ours' is defined twice"):
            lexicon.word_lists()
    finally:
        monkeypatch.undo()
        lexicon.word_lists.cache_clear()


def test_a_preposition_of_time_is_no_argument_a_trigger_needs(nlp: Language) -> None:
    assert events_of(nlp, "On Thursday the Honduran president fired off an angry letter.") == []
    assert [e.type for e in events_of(nlp, "On Thursday Honduran troops fired at the crowd.")] == ["ASSAULT"]
