"""Hand-built articles and events for the store tests (invented news; no model needed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from newsgraph.records import Actor, ActorMention, Article, ClaimSource, Event, Item, Place, Span, TimeValue

CHILE = Actor(name="Chile", kind="state", country="CHL", wikidata="Q298")
PERU = Actor(name="Peru", kind="state", country="PER")
PERU_ARMY = Actor(name="Peruvian army", kind="organization", country="PER", sector="MIL")
UN = Actor(name="United Nations", kind="organization", sector="IGO")


def mention(actor: Actor, text: str | None = None) -> ActorMention:
    text = text or actor.name
    return ActorMention(start=0, end=1, start_char=0, end_char=len(text), text=text, actor=actor)


def article(article_id: str, text: str, *, published: date | None = None, source: str | None = None,
            url: str | None = None, origin: str = "") -> Article:  # fmt: skip
    return Article(id=article_id, text=text, published=published, source=source, url=url, origin=origin or article_id)


def event(
    article: Article,
    n: int,
    *,
    type: str = "AID",
    status: str = "asserted",
    source: tuple[Actor, ...] = (CHILE,),
    target: tuple[Actor, ...] = (PERU,),
    symmetric: bool = False,
    items: tuple[Item, ...] = (),
    claims: tuple[ClaimSource, ...] = (),
    start: date | None = None,
    place: Place | None = None,
) -> Event:
    """Event ``n`` of ``article``: its evidence is the article's whole text, its trigger the first word."""
    word = article.text.split()[0]
    time = TimeValue(text="then", start=start, end=start, precision="day") if start else None
    return Event(
        id=f"{article.id}-e{n}",
        article_id=article.id,
        type=type,
        status=status,
        source=tuple(mention(a) for a in source),
        target=tuple(mention(a) for a in target),
        symmetric=symmetric,
        items=items,
        attribution=claims,
        time=time,
        location=place,
        evidence=Span(start=0, end=len(article.text), text=article.text),
        trigger=Span(start=0, end=len(word), text=word),
        confidence=0.8,
        rule="test",
    )


NAMED = ClaimSource(text="the Chilean foreign minister", name="Chilean foreign minister", named=True,
                    kind="person", country="CHL", role="foreign minister")  # fmt: skip
ANONYMOUS = ClaimSource(text="according to officials", name="officials", named=False, kind="anonymous")
FOOD = Item(text="grain", category="food")
SHELLS = Item(text="shells", category="ammunition", quantity="500")


# --- the row functions of the writer, on these records ----------------------------------------------


def test_content_hash_ignores_spacing_and_unicode_composition() -> None:
    from newsgraph.store.writer import content_hash

    assert content_hash("Lima  and\nSantiago ") == content_hash("Lima and Santiago")
    assert content_hash("Bogota\u0301") == content_hash("Bogot\u00e1")  # decomposed vs composed accent
    assert content_hash("Lima and Santiago") != content_hash("Lima and Quito")
    assert len(content_hash("x")) == 64


def test_actor_key_has_one_part_per_identity_field() -> None:
    from newsgraph.store.writer import actor_key

    assert actor_key(CHILE) == "Chile|state|CHL"
    assert actor_key(UN) == "United Nations|organization|"
    assert actor_key(PERU_ARMY) != actor_key(PERU)
    assert actor_key(replace(CHILE, sector="GOV")) == actor_key(CHILE)  # a state and its government


def test_event_row_flattens_the_record() -> None:
    import json

    from newsgraph.store.writer import EVENT_COLUMNS, event_row

    a = article("a1", "Chile sent grain to Peru.", published=date(2024, 5, 2))
    lima = Place(text="Lima", name="Lima", country="PER", lat=-12.05, lon=-77.04, geonames_id=3936456)
    e = event(a, 1, items=(FOOD,), claims=(ANONYMOUS, NAMED), start=date(2024, 5, 1), place=lima)
    row = dict(zip(EVENT_COLUMNS, event_row(e), strict=True))
    assert row["named_source"] == 1  # one named source is enough
    assert (row["time_start"], row["place_country"], row["geonames_id"]) == ("2024-05-01", "PER", 3936456)
    assert (row["trigger_start"], row["trigger_end"], row["trigger_text"]) == (0, 5, "Chile")
    assert json.loads(row["record"]) == e.to_dict()
    anonymous_only = dict(zip(EVENT_COLUMNS, event_row(event(a, 2, claims=(ANONYMOUS,))), strict=True))
    assert anonymous_only["named_source"] == 0
