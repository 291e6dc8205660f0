"""Records rebuilt from their contract dictionaries (``from_dict``) give the same records back."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from newsgraph.extract.events import extract_records
from newsgraph.records import Article, Claim, Event

TEXT = (
    "Bolivian officials said on Monday that Chile had sent 40 armoured vehicles to Peru via Arica in "
    "exchange for fuel. \"We will not accept this,\" the Bolivian president warned, adding that La Paz "
    "could recall its ambassador from Santiago next week. Peruvian troops reportedly fired on protesters "
    "in Tacna, according to a rights group. Police in Puno detained twelve students."
)


def records(nlp: Language) -> tuple[Article, list[Event], list[Claim]]:
    article = Article(id="rt", text=TEXT, published=date(2024, 5, 6), title="Arms", url="https://example.org/a")
    events, claims = extract_records(nlp(TEXT), article)
    return article, list(events), list(claims)


def test_events_and_claims_rebuilt_from_their_records_give_the_same_records(nlp: Language) -> None:
    _, events, claims = records(nlp)
    assert len(events) >= 3 and claims
    assert any(e.items for e in events) and any(e.attribution for e in events) and any(e.location for e in events)
    for event in events:
        assert Event.from_dict(event.to_dict()).to_dict() == event.to_dict()
    for claim in claims:
        assert Claim.from_dict(claim.to_dict()).to_dict() == claim.to_dict()


def test_an_article_rebuilt_from_its_record_is_the_same_article(nlp: Language) -> None:
    article, _, _ = records(nlp)
    assert Article.from_dict(article.to_dict()) == article


def test_every_recorded_provenance_survives_a_rebuild() -> None:
    from newsgraph.records import PROVENANCE, Actor, ActorMention

    actor = Actor(name="Chilean police", kind="organization", country="CHL", sector="COP")
    for via in PROVENANCE:  # "role" (a role phrase) is recorded as "table", "role-noun" as "role"
        mention = ActorMention(start=0, end=1, start_char=0, end_char=6, text="police", actor=actor, via=via)
        assert ActorMention.from_dict(mention.to_dict()).to_dict() == mention.to_dict()


def test_a_record_of_another_schema_version_is_refused_by_name() -> None:
    with pytest.raises(ValueError, match="schema_version 2"):
        Event.from_dict({"schema_version": 2, "id": "x"})
