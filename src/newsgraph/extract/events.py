"""Event mentions of one article: triggers → roles → actors, items, status, attribution.

``extract_events(doc, article)`` is a pure function of the parsed Doc (with its actor
mentions) and the Article: the same text and code always give the same events and ids.
"""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.attribution import REPORTING_VERBS, AttributionFinder
from newsgraph.extract.items import item_phrases
from newsgraph.extract.lexicon import Trigger, trigger_for
from newsgraph.extract.mentions import MentionIndex, identity, unique_actors
from newsgraph.extract.roles import Roles, objects, read_roles, subjects
from newsgraph.extract.status import ASSERTED, status_of
from newsgraph.records import ActorMention, Article, ClaimSource, Event, Item
from newsgraph.records import Span as TextSpan

# Types that make sense with one side only (the other side is the crowd, the field, the self).
ONE_SIDED_TYPES = frozenset({"MOBILIZE", "RETREAT", "PROTEST"})
# Nouns hanging from another trigger by these prepositions are its topic, not a second event.
TOPIC_PREPS = frozenset({"on", "about", "over", "of", "for", "regarding", "concerning", "with"})
THEME_DEPS = frozenset({"dobj", "attr", "nsubjpass", "dative", "oprd"})
# Types whose requested/agreed content lives in a clausal complement ("wants X to send Y").
COMPLEMENT_TYPES = frozenset({"REQUEST", "AGREE", "REJECT", "THREATEN", "COERCE"})


def _is_topic_or_theme(noun: Token) -> bool:
    """A nominal trigger that is the object or topic of another trigger is not an event of its own."""
    head = noun.head
    if head is noun:
        return False
    if noun.dep_ in THEME_DEPS and trigger_for(head) is not None:
        return True
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in TOPIC_PREPS:
        governor = head.head
        return governor is not noun and trigger_for(governor) is not None
    if noun.dep_ == "conj":
        return _is_topic_or_theme(head)
    return False


def _is_report_only(tok: Token, trig: Trigger) -> bool:
    """"X warned that …", "X denied that …": a report with content but no addressee."""
    if tok.lemma_.lower() not in REPORTING_VERBS or trig.pos != "VERB":
        return False
    has_content = any(c.dep_ in ("ccomp", "parataxis") for c in tok.children)
    has_addressee = any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in tok.children)
    return has_content and not has_addressee


def _complement(tok: Token) -> Token | None:
    for c in tok.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            return c
    return None


def _actors(tokens: tuple[Token, ...], index: MentionIndex) -> list[ActorMention]:
    out: list[ActorMention] = []
    for tok in tokens:
        out.extend(index.of_argument(tok))
    return unique_actors(out)


def _non_actor_items(tokens: tuple[Token, ...] | list[Token], index: MentionIndex) -> list[Item]:
    items: list[Item] = []
    for tok in tokens:
        if tok.pos_ in ("NOUN", "PROPN") and not index.of_argument(tok):
            items.extend(item_phrases(tok))
    return items


def _complement_items(tok: Token, index: MentionIndex) -> list[Item]:
    """What a request or promise is about: the objects inside its clausal complement."""
    comp = _complement(tok)
    if comp is None:
        return []
    found: list[Token] = []
    for t in comp.subtree:
        if t.dep_ == "dobj" or (t.dep_ == "pobj" and t.head.lower_ == "with"):
            found.append(t)
    return _non_actor_items(found, index)


class _Builder:
    def __init__(self, doc: Doc, article: Article) -> None:
        self.doc = doc
        self.article = article
        self.index = MentionIndex(doc)
        self.claims = AttributionFinder(self.index)
        self.text_hash = hashlib.sha256(article.text.encode("utf-8")).hexdigest()

    def event_id(self, tok: Token, event_type: str) -> str:
        key = f"{self.article.id}\0{self.text_hash}\0{tok.idx}:{tok.idx + len(tok)}\0{event_type}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]

    def resolve(self, tok: Token, trig: Trigger, roles: Roles) -> tuple[list[ActorMention], list[ActorMention], bool]:
        source = _actors(roles.source, self.index)
        target = _actors(roles.target, self.index)
        if roles.destination and not target:
            target = _actors(roles.destination, self.index)
            if not target:
                for dest in roles.destination:
                    target = self.index.in_subtree(dest)
                    if target:
                        break
        if not target and trig.type in COMPLEMENT_TYPES:
            comp = _complement(tok)
            if comp is not None and not any(c.dep_ == "dobj" for c in tok.children):
                target = _actors(tuple(subjects(comp)), self.index) if comp.dep_ == "ccomp" else []
        if trig.frame == "transfer" and not target:
            # "send Russia shells", misparsed as a compound: a state at the head of the theme phrase
            for theme in roles.theme:
                for c in theme.children:
                    if c.dep_ == "compound" and c.pos_ == "PROPN":
                        target = [m for m in self.index.at(c) if m.actor.kind == "state"]
        participants = _actors(roles.participants, self.index)
        if participants:
            both = unique_actors(participants + source)
            if len({identity(m.actor) for m in both}) >= 2:
                return both, [], True
        source_ids = {identity(m.actor) for m in source}
        target = [m for m in target if identity(m.actor) not in source_ids]
        symmetric = (
            not target
            and trig.frame in ("encounter", "nominal")
            and len({m.actor.country or m.actor.name for m in source}) >= 2
        )
        return source, target, symmetric

    def items(self, tok: Token, trig: Trigger, roles: Roles) -> list[Item]:
        themes = list(roles.theme)
        if trig.frame in ("direct", "encounter"):
            themes += objects(tok)
        items = _non_actor_items(themes, self.index)
        if trig.type in COMPLEMENT_TYPES:
            items += _complement_items(tok, self.index)
        unique: dict[str, Item] = {}
        for item in items:
            unique.setdefault(item.text, item)
        return list(unique.values())

    def event(self, tok: Token, trig: Trigger, sent: Span, sent_sources: tuple[ClaimSource, ...]) -> Event | None:
        if _is_report_only(tok, trig):
            return None
        if trig.pos == "NOUN" and _is_topic_or_theme(tok):
            return None
        roles = read_roles(tok, trig.frame)
        source, target, symmetric = self.resolve(tok, trig, roles)
        items = self.items(tok, trig, roles)
        if not (symmetric or (source and target) or ((source or target) and items)
                or (source and trig.type in ONE_SIDED_TYPES)):
            return None
        status = status_of(tok, trig.type)
        if trig.type == "AGREE" and status != ASSERTED and _complement(tok) is not None:
            return None  # an agreement only asked for or possible: its content is the event
        attribution = self.claims.attribution(tok, sent) or sent_sources
        via_coref = any(m.via == "coref" for m in (*source, *target))
        confidence = 0.4 + 0.2 * bool(source) + 0.2 * bool(target or symmetric) + 0.1 * bool(items)
        confidence -= 0.1 * via_coref
        return Event(
            id=self.event_id(tok, trig.type),
            article_id=self.article.id,
            type=trig.type,
            mode=trig.mode,
            context=trig.context,
            cameo=trig.cameo,
            source=tuple(source),
            target=tuple(target),
            symmetric=symmetric,
            items=tuple(items),
            status=status,
            attribution=attribution,
            evidence=TextSpan(start=sent.start_char, end=sent.end_char, text=sent.text),
            trigger=TextSpan(start=tok.idx, end=tok.idx + len(tok), text=tok.text),
            confidence=min(confidence, 0.95),
            rule=f"{trig.frame}:{trig.lemma}",
        )


def _trimmed(sent: Span) -> Span:
    """The sentence without surrounding whitespace tokens (evidence spans hold text only)."""
    start, end = sent.start, sent.end
    while start < end and sent.doc[start].is_space:
        start += 1
    while end > start and sent.doc[end - 1].is_space:
        end -= 1
    return sent.doc[start:end]


def extract_events(doc: Doc, article: Article) -> list[Event]:
    """Every event mention in one parsed article (one record per trigger)."""
    builder = _Builder(doc, article)
    events: list[Event] = []
    for raw in doc.sents:
        sent = _trimmed(raw)
        if not len(sent):
            continue
        sent_sources = builder.claims.sentence_attribution(sent)
        for tok in sent:
            trig = trigger_for(tok)
            if trig is None:
                continue
            event = builder.event(tok, trig, sent, sent_sources)
            if event is not None:
                events.append(event)
    return events
