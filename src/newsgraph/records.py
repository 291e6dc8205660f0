"""Frozen records shared by every stage (ingest → nlp → extract → store → export).

Each extracted value keeps its raw text, its normalised value and where it came
from (offsets into the article text, the rule that produced it).  Records are
cheap, picklable for workers, and immutable so a later stage cannot silently
change an earlier one's output.  ``to_dict`` gives the JSON contract form
(``shared/contract/events.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

SCHEMA_VERSION = 1

EVENT_TYPES: tuple[str, ...] = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES: tuple[str, ...] = ("asserted", "planned", "possible", "requested", "negated", "hypothetical")


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One input document, as the ingest stage read it."""

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str = ""  # the file (and line) it was read from, for messages

    def __post_init__(self) -> None:
        """Checked at construction: a clear error now rather than a wrong date or a crash later.
        ``published`` may be given as an ISO date string ("2024-03-06", or a timestamp starting
        with one) or a datetime; it is stored as a date."""
        if not isinstance(self.id, str) or not self.id:
            raise ValueError(f"Article id must be a non-empty string, not {self.id!r}")
        if not isinstance(self.text, str):
            raise TypeError(f"Article {self.id!r}: text must be a string, not {type(self.text).__name__}")
        for name in ("title", "source", "url"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise TypeError(f"Article {self.id!r}: {name} must be a string or None, not {type(value).__name__}")
        published: Any = self.published
        if isinstance(published, datetime):
            object.__setattr__(self, "published", published.date())
        elif isinstance(published, str):
            parsed = parse_iso_date(published.strip())
            if parsed is None:
                raise ValueError(f"Article {self.id!r}: published {published!r} is not an ISO date (YYYY-MM-DD)")
            object.__setattr__(self, "published", parsed)
        elif published is not None and not isinstance(published, date):
            raise TypeError(f"Article {self.id!r}: published must be a date, not {type(published).__name__}")

    @classmethod
    def from_dict(cls, d: dict[str, Any], origin: str = "") -> Article:
        """An article from the input record's fields (id, text, published, title, source, url)."""
        return cls(id=d["id"], text=d["text"], published=d.get("published"), title=d.get("title"),
                   source=d.get("source"), url=d.get("url"), origin=origin)

    def to_dict(self) -> dict[str, Any]:
        """The input record (the JSON Lines input format): ``Article.from_dict``'s inverse."""
        return {"id": self.id, "text": self.text, "published": self.published.isoformat() if self.published else None,
                "title": self.title, "source": self.source, "url": self.url}


@dataclass(frozen=True, slots=True, kw_only=True)
class Rejection:
    """An input that could not be used, and why (one line for the user)."""

    origin: str  # file path or "-"
    line: int | None
    stage: str  # "ingest", "nlp", "extract", …
    reason: str

    def message(self) -> str:
        where = f"{self.origin}:{self.line}" if self.line is not None else self.origin
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """A canonical identity: a state, an organisation, a person or an anonymous group."""

    name: str
    kind: str  # person | state | organization | group | anonymous
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # CAMEO/PLOVER agent code: GOV, MIL, IGO, …
    role: str | None = None
    wikidata: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        """The actor of a record's ACTOR object (its ``text``, offsets and ``via`` are the mention's)."""
        return cls(name=d["name"], kind=d["kind"], country=d.get("country"), sector=d.get("sector"),
                   role=d.get("role"), wikidata=d.get("wikidata"))

    def with_text(self, text: str) -> dict[str, Any]:
        return {
            "text": text,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
            "wikidata": self.wikidata,
        }


# How an actor was resolved, as the record says it (``ActorMention.via`` holds the finer step):
# table (a curated table: name, alias, demonym, seat, role phrase), dictionary (the PETRARCH2
# dictionaries), ner (a named entity no table knows), role (a role or group noun with no name),
# coref (a pronoun, description or surname pointing back), place (a place standing for its state,
# the country of the place the event is set in, or of the place a person is said to come from),
# main-country (the article's main country), counterpart (a bare institution, "the government", of
# the politician on the event's other side). A blood relative of a person ("her son": via "kin") is
# recorded as coref: its country points back to the person's.
PROVENANCE = {
    "lexicon": "table", "demonym": "table", "seat": "table", "role": "table", "apposition": "table",
    "dictionary": "dictionary", "ner": "ner", "title": "ner", "role-noun": "role",
    "coref": "coref", "surname": "coref", "place": "place", "main-country": "main-country",
    "bloc": "bloc", "counterpart": "counterpart", "kin": "coref",
}


# A finer step for each recorded provenance, so that a rebuilt mention records what it was read with.
_VIA_OF_PROVENANCE = {record: via for via, record in reversed(PROVENANCE.items())}


@dataclass(frozen=True, slots=True, kw_only=True)
class ActorMention:
    """An actor as it appears in a document: token and character offsets plus identity.

    ``via`` says how it was found: "lexicon", "ner", "coref" (then ``antecedent``
    is the character offset of the mention it points back to), …; the record gives it as
    one of the ``PROVENANCE`` values.
    """

    start: int  # token index
    end: int  # token index, exclusive
    start_char: int
    end_char: int
    text: str
    actor: Actor
    via: str = "lexicon"
    antecedent: int | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ActorMention:
        """A mention rebuilt from its record: character offsets and provenance as recorded; the token
        indices of a parsed document are not in records (-1)."""
        return cls(start=-1, end=-1, start_char=d["start"], end_char=d["end"], text=d["text"],
                   actor=Actor.from_dict(d), via=_VIA_OF_PROVENANCE.get(d.get("via") or "", d.get("via") or "lexicon"))

    def to_dict(self) -> dict[str, Any]:
        """The contract's ACTOR, plus where it is written (``start``/``end``: character offsets)."""
        return {**self.actor.with_text(self.text), "start": self.start_char, "end": self.end_char,
                "via": PROVENANCE.get(self.via, self.via)}


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimSource:
    """Who says an event happened (contract ``CLAIM_SOURCE``)."""

    text: str
    name: str
    named: bool
    kind: str  # person | organization | government | document | media | anonymous
    country: str | None = None
    role: str | None = None
    basis: str = "statement"  # statement | intelligence | document | media | unknown

    @classmethod
    def from_dict(cls, d: dict[str, Any], basis: str | None = None) -> ClaimSource:
        return cls(text=d["text"], name=d["name"], named=d["named"], kind=d["kind"], country=d.get("country"),
                   role=d.get("role"), basis=basis or d.get("basis") or "statement")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "named": self.named,
            "kind": self.kind,
            "country": self.country,
            "role": self.role,
            "basis": self.basis,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Item:
    text: str
    category: str
    quantity: str | None = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Item:
        return cls(text=d["text"], category=d["category"], quantity=d.get("quantity"))

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "category": self.category, "quantity": self.quantity}


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeValue:
    text: str
    start: date | None
    end: date | None
    precision: str | None  # day | week | month | quarter | season | year | decade
    anchor: str = "published"  # published | absolute | unknown

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeValue:
        return cls(text=d["text"], start=parse_iso_date(d.get("start")), end=parse_iso_date(d.get("end")),
                   precision=d.get("precision"), anchor=d.get("anchor") or "published")

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "anchor": self.anchor,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    text: str
    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    kind: str = "city"  # city | country | region | facility (a named site placed by the nearest place)
    facility: str | None = None  # "Far Eastern Federal University" when the place is a site within ``name``

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Place:
        return cls(text=d["text"], name=d["name"], country=d.get("country"), lat=d.get("lat"), lon=d.get("lon"),
                   geonames_id=d.get("geonames_id"), kind=d.get("kind") or "city", facility=d.get("facility"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "geonames_id": self.geonames_id,
            "kind": self.kind,
            "facility": self.facility,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    start: int
    end: int
    text: str

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(start=d["start"], end=d["end"], text=d["text"])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """One event mention, in the contract's shape (``to_dict``)."""

    id: str
    article_id: str
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    cameo: str | None = None
    source: tuple[ActorMention, ...] = ()
    target: tuple[ActorMention, ...] = ()
    symmetric: bool = False
    items: tuple[Item, ...] = ()
    status: str = "asserted"
    attribution: tuple[ClaimSource, ...] = ()
    time: TimeValue | None = None
    location: Place | None = None
    route: tuple[Place, ...] = ()  # places passed through ("via Iran and the Caspian Sea")
    evidence: Span
    trigger: Span
    confidence: float = 0.5
    rule: str = ""  # which rule or model produced it (provenance)
    exchange_with: str | None = None  # the id of the other half of a quid pro quo
    extras: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        """The event of a contract record (``to_dict``'s inverse: ``Event.from_dict(e.to_dict()).to_dict()
        == e.to_dict()``); keys the contract does not name are kept in ``extras``. Raises ValueError
        for another schema version and KeyError or TypeError for a record missing a required field."""
        _check_schema(d, "event")
        evidence = d["evidence"]
        return cls(
            id=d["id"], article_id=d["article_id"], type=d["type"], mode=d.get("mode"),
            context=tuple(d.get("context") or ()), cameo=d.get("cameo"),
            source=tuple(ActorMention.from_dict(m) for m in d.get("source") or ()),
            target=tuple(ActorMention.from_dict(m) for m in d.get("target") or ()),
            symmetric=bool(d.get("symmetric")), items=tuple(Item.from_dict(i) for i in d.get("items") or ()),
            status=d.get("status") or "asserted",
            attribution=tuple(ClaimSource.from_dict(c) for c in d.get("attribution") or ()),
            time=TimeValue.from_dict(d["time"]) if d.get("time") else None,
            location=Place.from_dict(d["location"]) if d.get("location") else None,
            route=tuple(Place.from_dict(p) for p in d.get("route") or ()),
            evidence=Span.from_dict(evidence), trigger=Span.from_dict(evidence["trigger"]),
            confidence=float(d.get("confidence", 0.5)), rule=d.get("rule") or "",
            exchange_with=d.get("exchange_with"),
            extras={k: v for k, v in d.items() if k not in _EVENT_KEYS},
        )

    def to_dict(self) -> dict[str, Any]:
        evidence = self.evidence.to_dict()
        evidence["trigger"] = self.trigger.to_dict()
        return {
            "schema_version": SCHEMA_VERSION,
            "id": self.id,
            "article_id": self.article_id,
            "type": self.type,
            "mode": self.mode,
            "context": list(self.context),
            "cameo": self.cameo,
            "source": [m.to_dict() for m in self.source],
            "target": [m.to_dict() for m in self.target],
            "symmetric": self.symmetric,
            "items": [i.to_dict() for i in self.items],
            "status": self.status,
            "attribution": [c.to_dict() for c in self.attribution],
            "time": self.time.to_dict() if self.time else None,
            "location": self.location.to_dict() if self.location else None,
            "route": [p.to_dict() for p in self.route],
            "evidence": evidence,
            "confidence": round(self.confidence, 3),
            "rule": self.rule,
            "exchange_with": self.exchange_with,
            **self.extras,
        }


_EVENT_KEYS = frozenset({
    "schema_version", "id", "article_id", "type", "mode", "context", "cameo", "source", "target", "symmetric",
    "items", "status", "attribution", "time", "location", "route", "evidence", "confidence", "rule",
    "exchange_with",
})


def _check_schema(d: dict[str, Any], what: str) -> None:
    version = d.get("schema_version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise ValueError(f"{what} record {d.get('id')!r}: schema_version {version!r}; this newsgraph reads "
                         f"{SCHEMA_VERSION}")


def parse_iso_date(value: str | None) -> date | None:
    """The date at the start of an ISO string as stored ("2023-09-04", "2023-09-04T10:00"), else None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


CLAIM_FORMS = ("direct", "indirect", "mixed", "according_to")
CLAIM_STANCES = ("assert", "deny", "believe", "intend", "warn", "other")


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """One attribution relation: who (source) says what (content), marked by which words (cue);
    the contract's claim record (``to_dict``; ../shared/contract/claims.md)."""

    id: str
    article_id: str
    source: ClaimSource | None  # None: an unattributed claim ("it is believed that …")
    source_span: Span | None
    cue: Span
    cue_lemma: str
    content: Span
    form: str  # one of CLAIM_FORMS
    basis: str
    stance: str  # one of CLAIM_STANCES
    events: tuple[str, ...] = ()  # ids of the events whose trigger lies in the content
    confidence: float = 0.5
    content_spans: tuple[tuple[int, int], ...] = ()  # the pieces of a content split in the text

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Claim:
        """The claim of a contract record (``to_dict``'s inverse)."""
        _check_schema(d, "claim")
        source = d.get("source")
        content = d["content"]
        cue = d["cue"]
        return cls(
            id=d["id"], article_id=d["article_id"],
            source=ClaimSource.from_dict(source, basis=d.get("basis")) if source else None,
            source_span=Span.from_dict(source) if source else None,
            cue=Span.from_dict(cue), cue_lemma=cue.get("lemma") or "", content=Span.from_dict(content),
            form=d["form"], basis=d.get("basis") or "unknown", stance=d.get("stance") or "assert",
            events=tuple(d.get("events") or ()), confidence=float(d.get("confidence", 0.5)),
            content_spans=tuple((int(a), int(b)) for a, b in content.get("spans") or ()),
        )

    def to_dict(self) -> dict[str, Any]:
        source = None
        if self.source is not None and self.source_span is not None:
            source = {"text": self.source_span.text, "start": self.source_span.start, "end": self.source_span.end,
                      "name": self.source.name, "named": self.source.named, "kind": self.source.kind,
                      "country": self.source.country, "role": self.source.role}
        return {
            "schema_version": 1,
            "id": self.id,
            "article_id": self.article_id,
            "source": source,
            "cue": {**self.cue.to_dict(), "lemma": self.cue_lemma},
            "content": {**self.content.to_dict(), **({"spans": [list(p) for p in self.content_spans]}
                                                      if self.content_spans else {})},
            "form": self.form,
            "basis": self.basis,
            "stance": self.stance,
            "events": list(self.events),
            "confidence": self.confidence,
        }


# One article's extraction: the article, its events and its claim records (what ``iter_extracted``
# yields, ``newsgraph extract --format records`` writes and ``Store.ingest_extracted`` stores).
ArticleRecords = tuple[Article, list[Event], list[Claim]]
