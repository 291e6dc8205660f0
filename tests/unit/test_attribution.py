"""Who says an event happened: attribution on sentences written for these tests (full pipeline)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from newsgraph.extract import extract_events
from newsgraph.records import Article, ClaimSource, Event

PUBLISHED = date(2024, 3, 6)


def events_of(nlp: Language, text: str) -> list[Event]:
    return extract_events(nlp(text), Article(id="t", text=text, published=PUBLISHED))


def event_at(nlp: Language, text: str, trigger: str) -> Event:
    found = [e for e in events_of(nlp, text) if e.trigger.text == trigger]
    assert found, f"no event at {trigger!r} in {text!r}: {[e.trigger.text for e in events_of(nlp, text)]}"
    return found[0]


def only_source(event: Event) -> ClaimSource:
    assert len(event.attribution) == 1, event.attribution
    return event.attribution[0]


def test_text_asserting_itself_has_no_attribution(nlp: Language) -> None:
    assert event_at(nlp, "Egypt shipped wheat to Sudan in May.", "shipped").attribution == ()


def test_named_person_resolves_through_the_actor_layer(nlp: Language) -> None:
    claim = only_source(event_at(nlp, "Olaf Scholz said Germany had sent tanks to Ukraine.", "sent"))
    assert claim.named and claim.kind == "person" and claim.country == "DEU"


def test_named_government_body(nlp: Language) -> None:
    claim = only_source(event_at(nlp, "The Kremlin said Russia had sold jets to Algeria.", "sold"))
    assert claim.named and claim.country == "RUS" and claim.kind == "government"
    assert "Kremlin" in claim.name  # the institution, not the state, is who speaks


@pytest.mark.parametrize(
    ("text", "country", "role"),
    [
        ("Japanese officials said China had supplied drones to Myanmar.", "JPN", None),
        ("Officials in Seoul said Pyongyang had sold missiles to Syria.", "KOR", "official"),
        ("A senior diplomat said Chile had sold copper to India.", None, "diplomat"),
        ("People familiar with the matter said Qatar had bought jets from France.", None, "people"),
    ],
)
def test_anonymous_sources(nlp: Language, text: str, country: str | None, role: str | None) -> None:
    event = next(e for e in events_of(nlp, text) if e.type in ("AID", "COOPERATE"))
    claim = only_source(event)
    assert not claim.named
    assert claim.country == country
    if role is not None:
        assert claim.role == role


def test_according_to(nlp: Language) -> None:
    claim = only_source(event_at(nlp, "Iran delivered drones to Sudan, according to UN monitors.", "delivered"))
    assert not claim.named and "monitors" in claim.name


def test_basis_from_citing_intelligence(nlp: Language) -> None:
    text = "Officials in Ankara, citing intelligence, said Armenia had bought rifles from India."
    claim = only_source(event_at(nlp, text, "bought"))
    assert claim.basis == "intelligence" and claim.country == "TUR"


def test_statement_basis(nlp: Language) -> None:
    text = "Brazil sold tanks to Chile, the defence ministry said in a statement."
    assert only_source(event_at(nlp, text, "sold")).basis == "statement"


def test_nested_report_keeps_the_outermost_speaker(nlp: Language) -> None:
    text = "The Indian foreign ministry said officials believed Nepal had bought rice from China."
    claim = only_source(event_at(nlp, text, "bought"))
    assert claim.country == "IND" and claim.named


def test_quotation_continued_in_the_next_sentence(nlp: Language) -> None:
    text = (
        '"We will not accept this," the Egyptian foreign minister said. '
        '"Ethiopia has already sent troops to Sudan without an agreement."'
    )
    claim = only_source(event_at(nlp, text, "sent"))
    assert claim.named and claim.country == "EGY"


def test_a_quotation_runs_on_until_it_closes(nlp: Language) -> None:
    text = (
        '"We want calm," the Egyptian foreign minister said. "Talks are possible. '
        'But Ethiopia has already sent troops to Sudan." Ethiopia sent more troops to Somalia.'
    )
    claim = only_source(event_at(nlp, text, "sent"))  # the first "sent": inside the open quotation
    assert claim.named and claim.country == "EGY"
    after = [e for e in events_of(nlp, text) if e.trigger.text == "sent"][-1]
    assert after.attribution == ()  # the quotation closed: the article's own voice again


def test_indirect_speech_running_on_keeps_its_source(nlp: Language) -> None:
    text = (
        "Officials in Ankara said the talks had gone well. "
        "Turkey would buy fighter jets from Italy next year. "
        "Italy delivered two frigates to Egypt in 2021."
    )
    carried = only_source(event_at(nlp, text, "buy"))
    assert not carried.named and carried.country == "TUR"
    assert event_at(nlp, text, "delivered").attribution == ()  # the article's own voice again


def test_speaker_who_is_also_an_actor_is_not_the_source_of_the_reported_event(nlp: Language) -> None:
    text = "Poland said Germany had delivered tanks to Ukraine."
    event = event_at(nlp, text, "delivered")
    assert [m.actor.country for m in event.source] == ["DEU"]
    assert only_source(event).country == "POL"


def test_accused_party_is_the_agent_of_the_accusation_content(nlp: Language) -> None:
    text = "Japanese officials accused China of supplying drones to Myanmar."
    supplying = event_at(nlp, text, "supplying")
    assert [m.actor.country for m in supplying.source] == ["CHN"]
    assert only_source(supplying).country == "JPN"
    accused = event_at(nlp, text, "accused")
    assert accused.type == "ACCUSE" and accused.attribution == ()


@pytest.mark.parametrize("speaker", ["A Syrian", "One Iraqi"])
def test_individual_by_nationality_is_an_unnamed_person(nlp: Language, speaker: str) -> None:
    claim = only_source(event_at(nlp, f"{speaker} told reporters that Iran had sent troops to Aleppo.", "sent"))
    assert not claim.named and claim.country in ("SYR", "IRQ") and claim.kind == "anonymous"


def test_event_in_the_speakers_own_description_is_not_attributed_to_the_speaker(nlp: Language) -> None:
    text = "A Chilean officer who shelled a Peruvian village in 2016 has told reporters he regrets nothing."
    assert event_at(nlp, text, "shelled").attribution == ()


def test_coordinated_speakers_are_each_a_source(nlp: Language) -> None:
    event = event_at(nlp, "Japan, the UN and aid groups said China had sent drones to Russia.", "sent")
    names = [(c.country, c.named) for c in event.attribution]
    assert ("JPN", True) in names and len(event.attribution) == 3
    assert any(not c.named for c in event.attribution)  # "aid groups"


def test_news_outlets_and_journalists_are_media_sources(nlp: Language) -> None:
    outlet = event_at(nlp, "Iran shipped drones to Russia, the Wall Street Journal reported.", "shipped")
    assert only_source(outlet).kind == "media" and only_source(outlet).basis == "media"
    assert only_source(outlet).country == "USA"
    reporter = only_source(event_at(nlp, "Russia sent troops to Mali, according to a reporter for the Daily Beast.",
                                    "sent"))
    assert reporter.named and reporter.name == "Daily Beast" and reporter.role == "reporter"
    state_media = only_source(event_at(nlp, "State media said China had sold rice to Laos.", "sold"))
    assert not state_media.named and state_media.kind == "media"


def test_whom_a_report_cites_is_a_source_too(nlp: Language) -> None:
    event = event_at(nlp, "Iran shipped drones to Russia, the Wall Street Journal reported, citing US officials.",
                     "shipped")
    assert [(c.kind, c.country) for c in event.attribution] == [("media", "USA"), ("anonymous", "USA")]


def test_an_event_in_a_claim_the_sentence_gives_no_speaker_takes_the_claims_source(nlp: Language) -> None:
    # a quotation signed with a dash: the claim finder knows its speaker
    event = event_at(nlp, "“Chile has sent troops to our border.” ― Evo Morales\n", "sent")
    assert only_source(event).name == "Evo Morales"
    # an intention is the doer's own act, not a report of it
    assert not event_at(nlp, "Bolivia pledged to expel the Chilean ambassador.", "expel").attribution


def test_a_closing_according_to_is_the_outer_source_of_what_someone_said(nlp: Language) -> None:
    text = ("Ana Rojas, Chile's deputy speaker of parliament, said Peru's latest comments were a blatant "
            "violation of sovereignty, according to local media.")
    (accuse,) = [e for e in events_of(nlp, text) if e.type == "ACCUSE"]
    assert [m.actor.country for m in accuse.source] == ["CHL"]  # the speaker, not the media reporting her
    assert [a.kind for a in accuse.attribution] == ["media"]  # the outermost source of the words


def test_i_in_words_reported_without_quotation_marks_is_not_the_reported_speaker(nlp: Language) -> None:
    # unquoted, "I" is whoever speaks the whole sentence, not the officer whose insistence is reported
    assert not [e for e in events_of(nlp, "The Chilean officer insisted I attack the Peruvian post.")
                if e.type == "ASSAULT" and e.source]
    quoted = event_at(nlp, '"I will attack the Peruvian post," the Chilean officer said.', "attack")
    assert [m.actor.country for m in quoted.source] == ["CHL"]


def test_an_as_report_attributes_the_clause_it_hangs_on(nlp: Language) -> None:
    event = event_at(nlp, "As the Peruvian defence ministry noted, Chilean troops shelled a border post.", "shelled")
    assert only_source(event).country == "PER"
    event = event_at(nlp, "Bolivian soldiers fired on the convoy, as reported by the newspaper El Deber.", "fired")
    assert event.attribution and event.attribution[0].kind == "media"


def test_a_relative_pronoun_speaker_is_its_antecedent(nlp: Language) -> None:
    event = event_at(nlp, "Peru's foreign minister, who said Chilean troops had shelled a border post, left Lima.",
                     "shelled")
    assert only_source(event).country == "PER" and only_source(event).text == "who"
