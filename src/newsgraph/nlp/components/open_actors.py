"""``newsgraph_open_actors``: actors the tables do not name, from the parse and the NER.

Runs after ``newsgraph_coref`` and adds to ``Doc._.actor_mentions``, on tokens no
mention covers yet:

- role and group nouns standing without a known modifier: "police", "the government",
  "rebels", "Kurdish forces", "a suicide bomber" (``via="role-noun"``): kind, sector and
  normalised role from ``data/actors/roles.tsv``; a capitalised modifier that is no
  state ("Kurdish", "Shiite") becomes part of the name, never a state;
- spaCy entities ORG, NORP and FAC that no curated table names: the PETRARCH2 dictionaries’
  body or group when they know the name (``via="dictionary"``, country and sector in force
  at the publication date), else (``via="ner"``) an organisation
  (ORG, FAC) or a group (NORP) of their own, with a country where the phrase gives one: a
  state's name or demonym inside the name ("the Syrian Observatory for Human Rights"), a
  possessor ("Kenya's Jubilee party") or "of X" ("the Communist Party of Nepal"), or an
  appositive ("Jubilee, a Kenyan party"); the sector from the name's head noun when it is
  a role noun ("army", "police", "party").

Neither ever stands for a state: "Syrian rebels" keep country SYR but are a group.
A role noun or entity whose country the phrase does not give keeps ``country=None``;
the event layer may give it the country of the place the sentence is set in, or the
article's main country (``main_country``). Person entities are the ruler's (``via="ner"``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import extensions  # noqa: F401  (registers Doc._.actor_mentions)
from newsgraph.nlp.actor_match import split_at_verbs
from newsgraph.nlp.components.actor_ruler import published_date
from newsgraph.nlp.coref_rules import SAME_HEAD_ROLES
from newsgraph.nlp.dictionary import dictionary_actor
from newsgraph.nlp.gazetteer import (
    RoleEntry,
    country_adjective,
    load_gazetteer,
    media_outlet,
    normalize,
    party_country,
    region_names,
    region_spans,
    resolve_demonym,
    resolve_name,
    strip_the,
)
from newsgraph.records import Actor, ActorMention

OPEN_LABELS = {"ORG": "organization", "FAC": "organization", "NORP": "group"}
# Role nouns that name no actor standing alone ("the side of the road", "a mission to Mars").
_NOT_ALONE = frozenset({"side", "mission", "leadership", "house", "speaker", "national", "nationals"})
# First words of names that name an operation, not who runs it ("Operation Olive Branch",
# "Exercise Cobra Gold").
_OPERATION_WORDS = frozenset({"operation", "exercise"})
# Nouns after a body's name that make its people the actor ("opposition members", "council member").
_MEMBER_NOUNS = frozenset({"member", "members"})
# Sectors of a state's bodies, whose "of"/"for" phrase names whom they belong to or speak for.
_STATE_BODY_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY"})
# Words before a role noun that keep it from being an actor ("former officials" still are).
_QUANTIFIERS = frozenset({"no", "any"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
_PHRASE_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM"})
# Kinds of a class noun that can introduce a name, and the mentions that name one.
_CLASS_KINDS = frozenset({"organization", "group"})
_NAMING_VIAS = frozenset({"lexicon", "dictionary", "ner", "coref"})


def _role_spans(doc: Doc, matcher: PhraseMatcher) -> list[tuple[int, int]]:
    """Role-noun matches, longest first, never overlapping."""
    taken = bytearray(len(doc))
    spans: list[tuple[int, int]] = []
    for _, start, end in sorted(matcher(doc), key=lambda m: (m[1] - m[2], m[1])):
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        spans.append((start, end))
    return sorted(spans)


def _country_in(tokens: Span | list[Token]) -> str | None:
    """A state named or modified inside a phrase: "Syrian", "of Nepal", "Kenya's"."""
    for tok in tokens:
        if not tok.text[:1].isupper():
            continue
        iso3 = resolve_demonym(tok.text)
        if iso3:
            return iso3
        actor = resolve_name(tok.text)
        if actor is not None and actor.kind == "state" and actor.country:
            return actor.country
    return None


def leaders_of(mod: Token) -> list[Token]:
    """The words an "X-led" modifier names as the leader: "US" in "the US-led coalition", "UN" in
    "a UN-led inquiry" (the parser hangs X on "led"); none for any other modifier."""
    if mod.dep_ != "amod" or mod.lower_ not in ("led", "-led"):
        return []
    return [c for c in mod.children if c.dep_ in ("npadvmod", "compound", "nmod", "amod")]


def _leader(head: Token, covered: dict[int, ActorMention]) -> Token | None:
    """The state that leads a phrase's group: "US" in "the US-led coalition"."""
    for child in head.children:
        for mod in leaders_of(child):
            m = covered.get(mod.i)
            if m is not None and m.actor.kind == "state":
                return mod
    return None


def _phrase_country(head: Token, covered: dict[int, ActorMention], *, owned: bool = False) -> str | None:
    """The country the syntax around a noun phrase gives: a leader, possessor, "of X", apposition.
    With ``owned`` (a state's body: a government, its forces, its spokesman), also the country of
    the person or body it belongs to or speaks for ("the forces of President X", "a spokesman for
    the Chilean navy"; not "the envoy for Syria", a state that is the envoy's brief)."""
    leader = _leader(head, covered)
    if leader is not None:  # "the US-led coalition", "Saudi-led forces": its leader's
        return covered[leader.i].actor.country
    for child in head.children:
        if child.dep_ == "poss" and child.i in covered:  # "Peru's police", "his cabinet" (the president's)
            return covered[child.i].actor.country
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                m = covered.get(obj.i)
                if obj.dep_ == "pobj" and m is not None and (m.actor.kind == "state" or (
                        owned and m.actor.kind in ("person", "organization") and m.actor.country)):
                    return m.actor.country
        if owned and child.dep_ == "prep" and child.lower_ == "for":
            for obj in child.children:
                m = covered.get(obj.i)
                if obj.dep_ == "pobj" and m is not None and m.actor.kind == "organization" and m.actor.country:
                    return m.actor.country
        if child.dep_ == "prep" and child.lower_ in ("in", "from"):  # "officials in Seoul"
            for obj in child.children:
                m = covered.get(obj.i)
                if obj.dep_ == "pobj" and m is not None and m.actor.kind == "state" and m.via in ("lexicon", "seat"):
                    return m.actor.country
        if child.dep_ == "appos":
            for tok in child.subtree:
                m = covered.get(tok.i)
                if m is not None and m.via == "demonym":
                    return m.actor.country
    return None


_ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "'s", "’s", "-"})


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in _ACRONYM_SKIP and w[:1].isalpha())


class Acronyms:
    """Short forms of the organisations an article has named: the initials of their names ("the
    Baloch Liberation Army" → BLA) and a short form in brackets after the name ("Rapid Support
    Forces (RSF)"). A later all-capital entity with one of them is that organisation."""

    def __init__(self, doc: Doc, covered: dict[int, ActorMention]) -> None:
        self.doc = doc
        self.forms: dict[str, tuple[int, Actor]] = {}
        for m in sorted({id(m): m for m in covered.values()}.values(), key=lambda m: m.start):
            self.add(m)

    def add(self, mention: ActorMention) -> None:
        actor = mention.actor
        if actor.kind not in ("organization", "group") or len(actor.name.split()) < 2:
            return
        forms = {_initials(actor.name.upper())}
        doc = self.doc
        end = mention.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].is_upper:
            forms.add(doc[end + 1].text)
        for form in forms:
            if len(form) >= 2:
                self.forms.setdefault(form, (mention.start, actor))

    def of(self, text: str, start: int) -> Actor | None:
        """The organisation named earlier whose short form ``text`` is (all capitals, two or more letters)."""
        if not (text.isupper() and text.isalpha() and len(text) >= 2):
            return None
        found = self.forms.get(text)
        return found[1] if found is not None and found[0] < start else None


class OpenActors:
    """The ``newsgraph_open_actors`` pipeline component."""

    def __init__(self, nlp: Language) -> None:
        gazetteer = load_gazetteer()
        self.roles: dict[str, RoleEntry] = gazetteer.roles
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.matcher.add("ROLE", [nlp.make_doc(e.term) for e in self.roles.values()])

    def __call__(self, doc: Doc) -> Doc:
        existing: list[ActorMention] = list(doc._.actor_mentions or [])
        covered = {i: m for m in existing for i in range(m.start, m.end)}
        added = self._entities(doc, covered)
        for m in added:
            covered.update((i, m) for i in range(m.start, m.end))
        added += self._role_nouns(doc, covered)
        for m in added:
            covered.update((i, m) for i in range(m.start, m.end))
        added += _pronouns(doc, covered)
        doc._.actor_mentions = sorted(existing + added, key=lambda m: (m.start, m.end))
        return doc

    def _entities(self, doc: Doc, covered: dict[int, ActorMention]) -> list[ActorMention]:
        out: list[ActorMention] = []
        acronyms = Acronyms(doc, covered)
        for ent in (Span(doc, a, b, label=found.label_) for found in doc.ents
                    for a, b in split_at_verbs(doc, found.start, found.end)):
            kind = OPEN_LABELS.get(ent.label_)
            if kind is None or any(i in covered for i in range(ent.start, ent.end)):
                continue
            words = [t for t in ent if not (t.i == ent.start and t.pos_ == "DET")]
            if not words or not any(t.text[:1].isupper() for t in words) or any(t.like_num for t in words):
                continue
            people = ent.label_ == "NORP" and len(words) == 1 and words[0].tag_ in ("NNS", "NNPS")
            if not any(t.pos_ == "PROPN" for t in words) and not people:  # a people first in its
                continue  # sentence may be tagged a noun ("Kurds protested"); "Coordinated airstrikes": no name
            if len(words) > 1 and words[0].lower_ in _OPERATION_WORDS:
                continue  # "Operation Olive Branch": an operation's name
            name = doc[words[0].i : ent.end].text
            earlier = acronyms.of(name, ent.start)
            if earlier is not None:  # "the Baloch Liberation Army (BLA) … the BLA"
                out.append(_mention(doc, ent.start, ent.end, earlier, "coref"))
                continue
            if len(name) < 2 or normalize(name) in self.roles:
                continue  # a bare role word tagged ORG ("Parliament") is the role layer's
            if strip_the(normalize(name)) in region_names():
                continue  # "Crimea", "the Gaza Strip": a place (data/places/regions.tsv), not a body
            head = ent.root
            if kind == "group" and head.dep_ in _MODIFIER_DEPS and head.head.pos_ in ("NOUN", "PROPN"):
                continue  # "Kurdish forces": the modifier names the role noun's group
            outlet = media_outlet(name) if ent.label_ == "ORG" else None
            if outlet is not None:  # "the New York Times": a news outlet of its country (media.tsv)
                out.append(_mention(doc, ent.start, ent.end, Actor(
                    name=outlet[0], kind="organization", country=outlet[1], sector="MED"), "ner"))
                continue
            known = dictionary_actor(name, label=ent.label_, when=published_date(doc))
            if known is not None:  # in the PETRARCH2 dictionaries
                out.append(_mention(doc, ent.start, ent.end, known, "dictionary"))
                acronyms.add(out[-1])
                continue
            entry = self.roles.get(normalize(head.text)) or self.roles.get(normalize(head.lemma_))
            country = _country_in(words) or _phrase_country(head, covered)
            actor = Actor(name=name, kind=kind, country=country, sector=entry.sector if entry else None)
            out.append(_mention(doc, ent.start, ent.end, actor, "ner"))
            acronyms.add(out[-1])
        return out

    def _role_nouns(self, doc: Doc, covered: dict[int, ActorMention]) -> list[ActorMention]:
        out: list[ActorMention] = []
        places = {i for start, end in region_spans([t.lower_ for t in doc]) for i in range(start, end)}
        for start, end in _role_spans(doc, self.matcher):
            head = doc[start:end].root
            if any(i in covered or i in places for i in range(start, end)) or head.pos_ not in ("NOUN", "PROPN"):
                continue  # "the West Bank": a place, not a bank
            members = head.dep_ == "compound" and head.head.i == end and head.head.lemma_.lower() in _MEMBER_NOUNS
            if members:  # "opposition members", "council members": people of the body
                end = head.head.i + 1
            elif head.dep_ in ("compound", "amod") or head.head.i in range(start, end):
                continue  # "police station", "government forces": a modifier, not the actor
            entry = self.roles.get(normalize(doc[start : end - members].text))
            if entry is None or entry.term in _NOT_ALONE:
                continue
            left = start
            while left > 0 and doc[left - 1].head.i in range(left, end) and doc[left - 1].pos_ in _PHRASE_POS:
                if (left - 1) in covered:
                    break
                left -= 1
            if doc[left].lower_ in _QUANTIFIERS:
                continue
            named = _named_after(doc, head, end, covered) if entry.kind in _CLASS_KINDS else None
            if named is not None:  # "the militant group Hamas": the class noun is the group it names
                out.append(_mention(doc, left, end, named.actor, "apposition"))
                continue
            modifiers = [t for t in doc[left:start] if t.dep_ in _MODIFIER_DEPS and t.text[:1].isupper()]
            owned = entry.sector in _STATE_BODY_SECTORS and entry.kind != "person"  # not "the envoy for Syria"
            country = _phrase_country(head, covered, owned=owned)
            if country is None and len(modifiers) == 1:  # "Republican lawmakers", "Tory MPs"
                country = party_country(modifiers[0].text)
            named_by = [t.text for t in modifiers] or ([country_adjective(country) or country] if country else [])
            leader = _leader(head, covered)
            if leader is not None and country is not None:  # "the US-led coalition" keeps its name
                named_by = [f"{leader.text}-led"]
            role = f"{entry.role} {doc[end - 1].lower_}" if members else entry.role  # "council members"
            label = " ".join([*named_by, role])  # "Kurdish forces", "Kenyan police"
            kind = "group" if modifiers and entry.kind in ("organization", "anonymous") else entry.kind
            if members:  # "opposition members" are a group of people, "a council member" one person
                kind = "group" if doc[end - 1].lower_ != "member" else "anonymous"
            sector = entry.sector
            if modifiers and sector == "MIL":
                sector = "REB"  # "Kurdish forces", "Druze militiamen": armed, and no state's military
            actor = Actor(name=label, kind=kind, country=country, sector=sector, role=role)
            earlier = None
            if country is None and not modifiers and doc[left].lower_ == "the" and role in SAME_HEAD_ROLES:
                earlier = max((m for m in (*covered.values(), *out) if m.end <= left and m.actor.role == role
                               and m.actor.country and m.actor.kind == kind), key=lambda m: m.start, default=None)
            if earlier is not None:  # "Kenyan police … the police", "the US-led coalition … the coalition"
                out.append(replace(_mention(doc, left, end, earlier.actor, "coref"), antecedent=earlier.start_char))
                continue
            out.append(_mention(doc, left, end, actor, "role-noun"))
        return out


def _pronouns(doc: Doc, covered: dict[int, ActorMention]) -> list[ActorMention]:
    """Pronouns (and "the group") coreference resolved to a phrase that is an actor only now ("the
    union said it would strike", "protesters said they would return", "a terrorist cell … the group"):
    that actor, via "coref" (a chain of pronouns is followed back to its phrase)."""
    links: dict[int, int] = doc._.pronoun_antecedents or {}
    out: list[ActorMention] = []
    for pronoun in sorted(links):
        word = doc[pronoun]
        if pronoun in covered or (word.lower_ == "it" and word.head.lemma_ == "be"):
            continue  # "it is worrisome that …": seldom the phrase before
        head, seen = links[pronoun], 0
        while head in links and head not in covered and seen < len(links):
            head, seen = links[head], seen + 1
        found = covered.get(head)
        if found is None or found.via not in ("role-noun", "ner", "apposition", "dictionary", "coref"):
            continue
        if found.via == "coref" and word.pos_ not in ("NOUN", "PROPN") and doc[found.end - 1].pos_ != "NOUN":
            continue  # a description may follow a pronoun back ("a cell calling itself … the group"); a
            # pronoun does not take what an earlier pronoun was taken to mean (errors compound)
        actor = found.actor
        if actor.kind == "state" or (word.pos_ in ("NOUN", "PROPN") and actor.kind not in ("group", "organization")):
            continue  # a description ("the group") takes a group or an organisation only
        mention = ActorMention(start=pronoun, end=pronoun + 1, start_char=doc[pronoun].idx,
                               end_char=doc[pronoun].idx + len(doc[pronoun]), text=doc[pronoun].text,
                               actor=actor, via="coref", antecedent=found.start_char)
        covered[pronoun] = mention
        out.append(mention)
    return out


def _named_after(doc: Doc, head: Token, end: int, covered: dict[int, ActorMention]) -> ActorMention | None:
    """The named organisation or group a class noun ("group", "party", "rebel group") introduces:
    the name right after it or in apposition to it ("the militant group Hamas", "the party,
    Jubilee,"), never a state or a person."""
    near = [covered.get(end)] if end < len(doc) else []
    near += [covered.get(c.i) for c in head.children if c.dep_ == "appos"]
    for m in near:
        if m is not None and m.actor.kind in _CLASS_KINDS and m.via in _NAMING_VIAS:
            return m
    return None


def _mention(doc: Doc, start: int, end: int, actor: Actor, via: str) -> ActorMention:
    span = doc[start:end]
    return ActorMention(start=start, end=end, start_char=span.start_char, end_char=span.end_char,
                        text=span.text, actor=actor, via=via)


def main_country(mentions: list[ActorMention]) -> str | None:
    """The country an article is most about: the commonest country of its state, seat and
    government mentions, when one leads (None on a tie or when none is named)."""
    vias = ("lexicon", "dictionary", "demonym", "seat", "role", "coref", "place")
    at = {m.start_char: m for m in mentions}

    def counts_for(m: ActorMention) -> bool:  # a mention that refers back counts as its antecedent would
        for _ in range(len(mentions)):
            first = at.get(m.antecedent) if m.via == "coref" and m.antecedent is not None else None
            if first is None or first is m:
                break
            m = first
        return m.via in vias

    counts = Counter(m.actor.country for m in mentions if m.actor.country and counts_for(m)
                     and m.actor.kind in ("state", "organization", "anonymous"))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


FACTORY = "newsgraph_open_actors"


@Language.factory(FACTORY, assigns=["doc._.actor_mentions"], requires=["doc.ents", "doc._.actor_mentions"])
def make_open_actors(nlp: Language, name: str) -> OpenActors:
    return OpenActors(nlp)


__all__ = ["FACTORY", "OpenActors", "main_country", "make_open_actors"]
