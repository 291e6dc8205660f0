"""Span types shared by ``newsgraph_actor_ruler``, and how it finds people.

People come from three places: the gazetteer's people (by name or alias), the model's
PERSON entities, and a title followed by a capitalised name ("Mr Ruiz", "Gen Haddad").
A role phrase right before the name ("US secretary of state Jane Doe") or in apposition
("Jane Doe, a Pentagon spokeswoman," / "A Pentagon spokeswoman, Jane Doe,") gives the
person a country, sector and role. A lone surname later on ("Ms Doe") is the person of
the nearest full name before it (or else the first after it) with that surname.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from newsgraph.nlp.dictionary import dictionary_actor
from newsgraph.nlp.gazetteer import Gazetteer, Honorific, RoleEntry
from newsgraph.records import Actor

# Ranks decide between mentions of the same span: a person beats a role phrase beats a name.
RANK_PERSON, RANK_ROLE, RANK_NAME, RANK_DEMONYM = 4, 3, 2, 1
_PLACE_NAMES = frozenset({"state", "seat", "demonym"})  # a longer PERSON entity wins: "Michael Jordan"
_PERSON_KINDS = frozenset({"person", "anonymous"})


@dataclass(slots=True)
class NameHit:
    """A gazetteer name found in the text."""

    start: int
    end: int
    category: str
    actor: Actor | None
    inside_end: int | None = None  # end of a longer NER entity that contains it
    inside_label: str | None = None


@dataclass(slots=True)
class RolePhrase:
    """A noun phrase headed by a role noun, and the actors its modifiers make of it."""

    start: int
    end: int
    entry: RoleEntry
    sector: str | None = None  # the phrase's sector without a modifier ("Senate majority leader": LEG)
    actors: list[Actor] = field(default_factory=list)
    plural: bool = False


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    actor: Actor
    via: str
    rank: int


class EntityIndex:
    """The doc's NER entities without leading determiners or a trailing possessive."""

    def __init__(self, doc: Doc) -> None:
        self.spans: list[tuple[int, int, str]] = []
        for ent in doc.ents:
            start, end = ent.start, ent.end
            while start < end and doc[start].pos_ == "DET":
                start += 1
            while end > start and doc[end - 1].tag_ == "POS":
                end -= 1
            if start < end:
                self.spans.append((start, end, ent.label_))
        self._starts = [s for s, _, _ in self.spans]

    def containing(self, start: int, end: int) -> tuple[int, int, str] | None:
        i = bisect_right(self._starts, start) - 1
        if i >= 0:
            s, e, label = self.spans[i]
            if s <= start and end <= e:
                return s, e, label
        return None


@dataclass(slots=True)
class _Person:
    start: int  # the mention, with a title or a role phrase before the name
    end: int
    name_start: int
    name_end: int
    known: Actor | None
    via: str
    title: Honorific | None = None
    actor: Actor | None = None


class PersonFinder:
    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.titles: dict[tuple[str, ...], Honorific] = {}
        docs = [nlp.make_doc(t) for t in gazetteer.honorifics]
        for pattern, honorific in zip(docs, gazetteer.honorifics.values(), strict=True):
            self.titles[tuple(t.text for t in pattern)] = honorific
        self.matcher.add("TITLE", docs)

    def find(
        self, doc: Doc, hits: list[NameHit], phrases: list[RolePhrase], ents: EntityIndex, when: date | None = None
    ) -> tuple[list[Candidate], set[int]]:
        """Person mentions, and the ids of role phrases they took over."""
        titles = {
            start: (end, self.titles[tuple(t.text for t in doc[start:end])]) for _, start, end in self.matcher(doc)
        }
        people = self._collect(doc, hits, phrases, ents, titles)
        attached: set[int] = set()
        candidates: list[Candidate] = []
        by_end = {p.end: p for p in phrases}
        by_start = {p.start: p for p in phrases}
        appositions: list[tuple[RolePhrase, _Person]] = []
        for person in people:  # a title phrase right before the name first, appositions next
            self._attach_title(doc, person, by_end, attached)
        for person in people:
            if person.actor is None:
                self._attach_apposition(doc, person, by_end, by_start, attached, appositions)
        for person in people:
            _from_dictionary(doc, person, when)
        _link_surnames(doc, people, self.gazetteer)
        for person in people:
            assert person.actor is not None
            if person.via == "ner" and person.start == person.name_start and _is_lone_word(doc, person):
                continue  # a lone word the model calls a person, with no title and no full name: too weak
            candidates.append(
                Candidate(start=person.start, end=person.end, actor=person.actor, via=person.via, rank=RANK_PERSON)
            )
        for phrase, person in appositions:
            assert person.actor is not None
            candidates.append(
                Candidate(start=phrase.start, end=phrase.end, actor=person.actor, via="apposition", rank=RANK_ROLE)
            )
        return candidates, attached

    def _collect(
        self,
        doc: Doc,
        hits: list[NameHit],
        phrases: list[RolePhrase],
        ents: EntityIndex,
        titles: dict[int, tuple[int, Honorific]],
    ) -> list[_Person]:
        people: dict[int, _Person] = {}
        owner = [-1] * len(doc)  # token → index of the name hit covering it
        for i, hit in enumerate(hits):
            owner[hit.start : hit.end] = [i] * (hit.end - hit.start)
            if (
                hit.category == "person"
                and hit.actor is not None
                and (hit.inside_end is None or hit.inside_label == "PERSON")
            ):
                people[hit.start] = _Person(
                    start=hit.start,
                    end=hit.end,
                    name_start=hit.start,
                    name_end=hit.end,
                    known=hit.actor,
                    via="lexicon",
                )
        role_starts = {p.start: p.end for p in phrases if not p.actors}
        for start, end, label in ((a, b, lab) for s, e, lab in ents.spans for a, b in split_at_verbs(doc, s, e)):
            if label != "PERSON":
                continue
            while end > start + 1 and doc[end - 1].pos_ in ("ADV", "ADP", "VERB", "AUX", "PRON", "DET"):
                end -= 1  # "President Moise Shortly before …": a heading run into the next sentence
            while start < end and (start in titles or start in role_starts):
                start = titles[start][0] if start in titles else role_starts[start]
            if start >= end or not _looks_like_name(doc, start, end):
                continue
            if any(not _person_may_cover(hits[o], start, end) for o in set(owner[start:end]) if o >= 0):
                continue
            people[start] = _Person(start=start, end=end, name_start=start, name_end=end, known=None, via="ner")
        covered = {i for p in people.values() for i in range(p.start, p.end)}

        def name_end(start: int) -> int:
            """The end of a capitalised proper-name run of at most four words starting at start."""
            k = start
            while (
                k < len(doc)
                and k - start < 4
                and k not in covered
                and doc[k].pos_ == "PROPN"
                and doc[k].text[:1].isupper()
                and owner[k] < 0
            ):
                k += 1
            return k

        for start, (end, honorific) in titles.items():
            if end in people:
                person = people[end]
                person.start, person.title = start, honorific
                continue
            k = name_end(end)
            if k > end:
                people[end] = _Person(
                    start=start, end=k, name_start=end, name_end=k, known=None, via="title", title=honorific
                )
        for phrase in phrases:
            # "President Moise", "Foreign Minister Wang": a capitalised role noun compounded with a
            # name the model did not tag (the role phrase attaches as the person's title)
            end = phrase.end
            if phrase.actors or phrase.plural or end in people or not doc[end - 1].text[:1].isupper():
                continue
            k = name_end(end)
            outer = ents.containing(end, k) if k > end else None
            if k > end and doc[end - 1].dep_ == "compound" and end <= doc[end - 1].head.i < k and (
                    outer is None or outer[2] == "PERSON") and doc[k - 1].tag_ != "NNPS":  # not "President Hotels"
                people[end] = _Person(start=end, end=k, name_start=end, name_end=k, known=None, via="ner")
        return [people[k] for k in sorted(people)]

    def _attach_title(self, doc: Doc, person: _Person, by_end: dict[int, RolePhrase], attached: set[int]) -> None:
        """ "US secretary of state Jane Doe": the phrase joins the person's mention."""
        base = _base(doc, person)
        before = by_end.get(person.start) if person.title is None else None
        if person.title is not None:  # "U.S. Congressman Andy Levin": the phrase holds the title
            covering = by_end.get(person.name_start)
            before = covering if covering is not None and covering.start < person.start else None
        if before is not None and _fits(before, base, attached):
            person.start = before.start
            attached.add(id(before))
            person.actor = _described(base, before)

    def _attach_apposition(
        self,
        doc: Doc,
        person: _Person,
        by_end: dict[int, RolePhrase],
        by_start: dict[int, RolePhrase],
        attached: set[int],
        appositions: list[tuple[RolePhrase, _Person]],
    ) -> None:
        """ "Jane Doe, a Pentagon spokeswoman," / "A Pentagon spokeswoman, Jane Doe,"."""
        base = _base(doc, person)
        person.actor = base
        after = by_start.get(person.end + 1)
        before = by_end.get(person.start - 1)
        comma_after = person.end < len(doc) and doc[person.end].text == ","
        comma_before = person.start > 0 and doc[person.start - 1].text == ","
        for phrase, comma in ((after, comma_after), (before, comma_before)):
            if phrase is not None and comma and _fits(phrase, base, attached):
                attached.add(id(phrase))
                appositions.append((phrase, person))
                person.actor = _described(base, phrase)
                return
        if person.title is not None and person.title.role is not None and person.known is None:
            person.actor = Actor(name=base.name, kind="person", role=person.title.role, sector=person.title.sector)


def split_at_verbs(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of an entity span the tagger ran over a lower-case verb ("Ja'afari accused de
    Mistura" as one PERSON): the names on either side of it."""
    cuts = [i for i in range(start, end) if doc[i].pos_ in ("VERB", "AUX") and doc[i].text[:1].islower()]
    bounds = zip([start, *(i + 1 for i in cuts)], [*cuts, end], strict=True)
    return [(a, b) for a, b in bounds if b > a]


def _from_dictionary(doc: Doc, person: _Person, when: date | None) -> None:
    """A name outside the curated table whose text gives no country: the PETRARCH2
    dictionaries' person of that name, in the office held on ``when`` (the text's own title
    or apposition keeps its role and sector)."""
    actor = person.actor
    if person.known is not None or actor is None or actor.country is not None or person.via not in ("ner", "title"):
        return
    name = " ".join(doc[person.name_start : person.name_end].text.split())
    titled = " ".join(doc[person.start : person.name_end].text.split())  # "President Bush" is an alias too
    found = dictionary_actor(name, label="PERSON", when=when) or (
        dictionary_actor(titled, label="PERSON", when=when) if titled != name else None)
    if found is not None:
        person.actor = Actor(name=found.name, kind="person", country=found.country,
                             sector=actor.sector or found.sector, role=actor.role)
        person.via = "dictionary"


def _base(doc: Doc, person: _Person) -> Actor:
    return person.known or Actor(name=" ".join(doc[person.name_start : person.name_end].text.split()), kind="person")


def _fits(phrase: RolePhrase, person: Actor, attached: set[int]) -> bool:
    """A free phrase about one holder, of no other country than the person's."""
    if id(phrase) in attached or phrase.entry.kind not in _PERSON_KINDS or phrase.plural:
        return False
    country = phrase.actors[0].country if phrase.actors else None
    return person.country is None or country in (None, person.country)


def _described(person: Actor, phrase: RolePhrase) -> Actor:
    described = phrase.actors[0] if phrase.actors else None
    sector = described.sector if described else phrase.sector
    return Actor(
        name=person.name,
        kind="person",
        country=person.country or (described.country if described else None),
        sector=sector or person.sector,
        role=phrase.entry.role,
        wikidata=person.wikidata,
    )


def _is_lone_word(doc: Doc, person: _Person) -> bool:
    """ "al-Hawl", "Kirby": one word, where a person's full name has two or more."""
    words = _words(doc, person)
    return len(words) < 2 or sum(w[:1].isupper() for w in words) < 2


def _looks_like_name(doc: Doc, start: int, end: int) -> bool:
    """A capitalised word among the tokens ("al-Rufay’i", "O’Brien": an apostrophe inside is a letter's)."""
    return any(t.text[:1].isupper() and t.text.replace("\u2019", "").replace("'", "").isalpha()
               for t in doc[start:end])


def _person_may_cover(hit: NameHit, start: int, end: int) -> bool:
    """Whether a PERSON entity may stand over a gazetteer name: "George Washington", not "Kyiv"."""
    if hit.category == "block":
        return True
    return hit.category in _PLACE_NAMES and start <= hit.start and hit.end <= end and end - start > hit.end - hit.start


def _words(doc: Doc, person: _Person) -> list[str]:
    """The name's words, split at spaces only: "Lloyd Russell-Moyle" → ["Lloyd", "Russell-Moyle"]."""
    text = doc[person.name_start : person.name_end].text.replace("\u2019", "'")
    return [w for w in text.split() if any(c.isalpha() for c in w)]


def _surname_keys(doc: Doc, person: _Person, gazetteer: Gazetteer) -> set[str]:
    words = _words(doc, person)
    keys: set[str] = set()
    if person.known is not None:
        rows = gazetteer.people.get(person.known.name, ())
        keys.update(r.surname.lower() for r in rows if r.surname)
    if len(words) >= 2:
        keys.add(words[-1].lower())
        if "-" in words[-1] and words[-1].split("-")[-1].islower():
            keys.add(words[0].lower())  # "Kim Yo-jong": the family name comes first
    return keys


def _link_surnames(doc: Doc, people: list[_Person], gazetteer: Gazetteer) -> None:
    """A lone surname is the person of the nearest full name with that surname."""
    registry: list[tuple[str, int, _Person]] = []
    for person in people:
        if person.known is not None or len(_words(doc, person)) >= 2:
            registry.extend((key, person.start, person) for key in _surname_keys(doc, person, gazetteer))
    for person in people:
        words = _words(doc, person)
        if len(words) != 1:
            continue
        key = words[0].lower()
        matches = [(pos, p) for k, pos, p in registry if k == key and p is not person]
        if not matches:
            continue
        before = [m for m in matches if m[0] < person.start]
        _, source = before[-1] if before else matches[0]
        if source.actor is not None and (person.known is None or source.known == person.known or source.known is None):
            person.actor = source.actor
            person.via = "surname"
