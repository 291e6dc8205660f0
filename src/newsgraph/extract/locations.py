"""Where an event happens: the place its trigger (or the clause it serves) is located at, and
the route it takes.

- Location: a locative phrase ("in", "at", "near", "outside", "on", "off") attached to the
  trigger, to the verb whose purpose or complement clause it is ("would be in Vladivostok to
  attend"), or to a nominal trigger's light verb ("held talks in Doha"). Nested phrases are
  read down to the most specific place that resolves ("on the campus of X University in
  Vladivostok" → Vladivostok, with the facility kept). A named site that does not resolve
  ("Pier 7") keeps its name and takes the nearest place in the sentence that does.
- Destination: a city or region reached ("sent troops to Aleppo") when nothing else places it
  (a country after "to" is a recipient, an actor, not a place).
- Route: "through", "via" and "across" phrases, every conjunct ("through the Middle East and
  North Africa").
Dates, numbers and actors' descriptions ("officials in Seoul") are not places of the event.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.lexicon import word_list
from newsgraph.extract.places import CALENDAR_WORDS, resolve_place
from newsgraph.nlp.gazetteer import country_name, resolve_demonym, role_of
from newsgraph.records import Place

LOCATIVE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on", "off", "aboard", "within"})
DESTINATION_PREPS = frozenset({"to", "into"})
ROUTE_PREPS = frozenset({"through", "via", "across", "transiting"})
PLACE_PREPS = LOCATIVE_PREPS | ROUTE_PREPS | {"to", "from", "into"}
NESTED_PREPS = frozenset({"of", "in", "at", "near", "outside", "on"})
NOT_PLACE_ENTS = frozenset({"CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "PERSON", "NORP"})
# Clauses that serve the verb they hang from: the place of the verb is theirs.
SERVING_DEPS = frozenset({"xcomp", "advcl", "conj", "ccomp"})
LIGHT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "pobj", "nsubj"})


def _name_span(tok: Token) -> Span:
    """A proper name with its compound and flat-name parts ("Far Eastern Federal University")."""
    left = tok
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN":
            left = c
            break
    start = left.left_edge.i if left is not tok else tok.i
    while start < tok.i and tok.doc[start].pos_ not in ("PROPN", "NUM"):
        start += 1
    end = tok.i + 1  # a number or name after the head ("Pier 7", "Gate B")
    while end < len(tok.doc) and tok.doc[end].head == tok and tok.doc[end].pos_ in ("NUM", "PROPN") and (
        tok.doc[end].dep_ in ("nummod", "compound", "appos", "npadvmod")
    ):
        end += 1
    return tok.doc[start:end]


def _is_place_word(tok: Token) -> bool:
    """A proper noun that may name a place (the gazetteer decides; the small model's entity
    labels are too unreliable to veto a name it knows: "Aleppo" as NORP), unless the actor layer
    knows it as someone: a person from its tables or a surname of one named before ("Obama",
    "Bolton"), an organisation from its tables ("the UN")."""
    if tok.pos_ != "PROPN" or role_of(tok.text) is not None:
        return False  # "the National Police", "the Supreme Court": a body, not a place
    if tok.i in _known_actor_tokens(tok.doc):
        return False
    # the small model's DATE entities swallow neighbours ("Pier 12 on Tuesday"): only the
    # calendar words themselves are times
    return not (tok.ent_type_ in ("DATE", "TIME") and (tok.lower_ in CALENDAR_WORDS or tok.like_num))


# How an actor mention was found (records.ActorMention.via) that makes its words a name of
# someone, never a place: curated tables and PETRARCH2 dictionaries, and surnames pointing back.
KNOWN_VIA = frozenset({"lexicon", "dictionary", "surname"})
SOMEONE = frozenset({"person", "organization", "group"})  # states' names and seats are places too
_KNOWN_KEY = "newsgraph.locations.known_actor_tokens"  # the document's cache of those tokens


def _known_actor_tokens(doc: Doc) -> frozenset[int]:
    """Tokens of the document's people and organisations the actor layer knows by name."""
    cached = doc.user_data.get(_KNOWN_KEY)
    if cached is None:
        cached = frozenset(
            i for m in (doc._.actor_mentions or []) if m.via in KNOWN_VIA and m.actor.kind in SOMEONE
            for i in range(m.start, m.end)
        )
        doc.user_data[_KNOWN_KEY] = cached
    return cached


KIND_RANK = {"country": 1, "region": 2, "city": 3}  # how narrow a resolved place is
PART_RANK = KIND_RANK["region"]  # "the Idlib province", "the Damascus countryside"


def _names_a_part(tok: Token) -> bool:
    """A name in compound before a part of a place ("the Idlib province")."""
    return tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in word_list("place_parts")


def _chain(obj: Token) -> Iterator[Token]:
    """The object of a preposition and the objects nested inside it, outermost first; for a part
    of a place named by a compound ("the Damascus countryside", "the Idlib province"), the name."""
    yield obj
    if obj.pos_ == "NOUN" and obj.lemma_.lower() in word_list("place_parts"):
        yield from (c for c in obj.children if c.dep_ == "compound" and c.pos_ == "PROPN")
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ in NESTED_PREPS:
            for inner in prep.children:
                if inner.dep_ == "pobj":
                    yield from _chain(inner)


def _resolve(tok: Token) -> Place | None:
    """The place a name resolves to; a name of several words that does not resolve as a whole
    may by its head ("the Al-Nuri mosque area"), unless it is a person's name ("Reyaad Khan" is
    no "Khan", a town's other name)."""
    if not _is_place_word(tok):
        return None
    span = _name_span(tok)
    whole = resolve_place(span.text)
    if whole is not None or len(span) == 1 or any(t.ent_type_ == "PERSON" for t in span):
        return whole
    return resolve_place(tok.text)


def _nearest_place(site: Token) -> Place | None:
    best: tuple[int, Place] | None = None
    for tok in site.sent:
        if tok.i == site.i or not _is_place_word(tok) or tok.dep_ != "pobj" or tok.head.lower_ not in PLACE_PREPS:
            continue  # only names used as places ("in Mumbai"), not actors ("India said")
        place = _resolve(tok)
        if place is not None and (best is None or abs(tok.i - site.i) < best[0]):
            best = (abs(tok.i - site.i), place)
    return best[1] if best else None


def place_of_phrase(obj: Token) -> Place | None:
    """The most specific resolvable place inside a prepositional object, else the named site
    placed by the nearest resolvable place in the sentence, else None."""
    site: Token | None = None
    found: Place | None = None
    found_rank = 0
    for tok in _chain(obj):
        place = _resolve(tok)
        if place is not None:
            # an inner place wins ("X University in Vladivostok"), unless it names a wider part
            # than the one found ("on Khan Sheikhun in Idlib province": the town, not the province)
            rank = PART_RANK if _names_a_part(tok) else KIND_RANK.get(place.kind, 0)
            if found is None or rank >= found_rank:
                found, found_rank = place, rank
        elif _is_place_word(tok) and tok.ent_type_ not in NOT_PLACE_ENTS and site is None and found is None:
            site = tok
    if site is not None:
        facility = _name_span(site).text
        placed = found or _nearest_place(site)
        if placed is None:
            return Place(text=facility, name=facility, kind="facility", facility=facility)
        return Place(text=placed.text, name=placed.name, country=placed.country, lat=placed.lat, lon=placed.lon,
                     geonames_id=placed.geonames_id, kind=placed.kind, facility=facility)
    return found or _demonym_place(obj)


def _demonym_place(obj: Token) -> Place | None:
    """The country of towns, cities or regions its nationality word names ("in several Bolivian
    cities", "across Ukrainian towns"), not of an embassy or a border ("at the Chilean embassy")."""
    if obj.pos_ != "NOUN" or obj.lemma_.lower() not in word_list("settlement_nouns"):
        return None
    for mod in obj.children:
        iso3 = resolve_demonym(obj.doc[mod.left_edge.i : mod.i + 1].text) if mod.dep_ == "amod" else None
        name = country_name(iso3) if iso3 else None
        place = resolve_place(name) if name else None
        if place is not None:
            text = obj.doc[mod.left_edge.i : obj.i + 1].text
            return Place(text=text, name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                         geonames_id=place.geonames_id, kind=place.kind)
    return None


def _heads(trigger: Token) -> Iterator[Token]:
    """The trigger, then the verbs whose place it shares (at most two steps up)."""
    tok = trigger
    yield tok
    for _ in range(2):
        head = tok.head
        if head == tok:
            return
        serves = tok.pos_ in ("VERB", "AUX") and tok.dep_ in SERVING_DEPS
        light = tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in LIGHT_DEPS
        if not ((serves or light) and head.pos_ in ("VERB", "AUX")):
            return
        tok = head
        yield tok


def _preps(head: Token, wanted: frozenset[str]) -> Iterator[Token]:
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in wanted:
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    yield obj


def locate(trigger: Token) -> tuple[Place | None, tuple[Place, ...]]:
    """The event's place and its route (see the module docstring)."""
    location: Place | None = None
    route: list[Place] = []
    for head in _heads(trigger):
        if location is None:
            for obj in _preps(head, LOCATIVE_PREPS):
                location = place_of_phrase(obj)
                if location is not None:
                    break
        if not route:
            for obj in _preps(head, ROUTE_PREPS):
                for part in (obj, *obj.conjuncts):
                    place = place_of_phrase(part)
                    if place is None and part.pos_ in ("PROPN", "NOUN"):
                        text = part.doc[part.left_edge.i : part.i + 1].text
                        place = Place(text=text, name=text, kind="facility") if part.pos_ == "PROPN" else None
                    if place is not None:
                        route.append(place)
    if location is None:  # "sent troops to Aleppo", "moved into Rafah": a city or region reached
        for obj in _preps(trigger, DESTINATION_PREPS):
            place = place_of_phrase(obj)
            if place is not None and place.kind in ("city", "region"):
                location = place
                break
    return location, tuple(route)
