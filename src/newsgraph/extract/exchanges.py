"""Exchanges: the two halves of a quid pro quo (arms for technology, shells for food).

Two transfers with items are linked (``exchange_with``, each the other's id) when they go
opposite ways between the same sides (A → B and B → A) and either
- they are in the same sentence ("X wants Y to send shells, and Y would like X to provide
  technology"), or
- they are in neighbouring sentences and one of them names the exchange ("in exchange",
  "in return", "swap", "barter", "trade", "quid pro quo").
An "in exchange for X" phrase with no event of its own is turned into the other half by
the events stage (``exchange_half``), then linked here.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from newsgraph.extract.lexicon import word_list
from newsgraph.records import Event

TRANSFER_TYPES = frozenset({"AID", "COOPERATE"})
EXCHANGE_WORDS = word_list("exchange_words")
EXCHANGE_NOUNS = frozenset({"exchange", "return"})


def exchange_object(trigger: Token) -> Token | None:
    """X in "… in exchange for X" / "in return for X" attached to the trigger (or its object)."""
    for head in (trigger, *(c for c in trigger.children if c.dep_ == "dobj")):
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for noun in prep.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in EXCHANGE_NOUNS:
                    for inner in noun.children:
                        if inner.dep_ == "prep" and inner.lower_ == "for":
                            return next((o for o in inner.children if o.dep_ == "pobj"), None)
    return None


def _sides(event: Event) -> tuple[frozenset[str], frozenset[str]]:
    def keys(mentions: tuple) -> frozenset[str]:  # type: ignore[type-arg]
        return frozenset(m.actor.country or m.actor.name for m in mentions)

    return keys(event.source), keys(event.target)


def _sentence_of(doc: Doc, event: Event) -> int:
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.sent.start if span is not None else -1


def _names_exchange(doc: Doc, event: Event) -> bool:
    span = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
    return span is not None and any(t.lemma_.lower() in EXCHANGE_WORDS for t in span)


def link_exchanges(doc: Doc, events: list[Event]) -> list[Event]:
    """The events with ``exchange_with`` set on the linked pairs (each event in one pair at most)."""
    candidates = [i for i, e in enumerate(events) if e.type in TRANSFER_TYPES and e.items and e.source and e.target]
    sentences = {i: _sentence_of(doc, events[i]) for i in candidates}
    order = sorted({s for s in sentences.values()})
    position = {s: n for n, s in enumerate(order)}
    sides = {i: _sides(events[i]) for i in candidates}
    by_sides: dict[tuple[frozenset[str], frozenset[str]], list[int]] = {}
    for i in candidates:  # ascending, so each list is too
        by_sides.setdefault(sides[i], []).append(i)
    names: dict[int, bool] = {}

    def names_exchange(i: int) -> bool:
        if i not in names:
            names[i] = _names_exchange(doc, events[i])
        return names[i]

    partner: dict[int, int] = {}
    for a in candidates:
        src_a, tgt_a = sides[a]
        if a in partner or src_a == tgt_a:
            continue
        for b in by_sides.get((tgt_a, src_a), ()):  # the reverse transfers, in order
            if b <= a or b in partner:
                continue
            gap = abs(position[sentences[a]] - position[sentences[b]])
            if gap == 0 or (gap == 1 and (names_exchange(a) or names_exchange(b))):
                partner[a], partner[b] = b, a
                break
    return [replace(e, exchange_with=events[partner[i]].id) if i in partner else e for i, e in enumerate(events)]
