"""``newsgraph_actor_ruler``: who is named in a document, as canonical actors.

The spaCy factory is ``newsgraph_actor_ruler`` (spaCy forbids "." in factory names).

Runs after the model's ``ner`` and sets ``Doc._.actor_mentions`` (a list of
``ActorMention`` sorted by (start, end)); ``newsgraph_coref`` extends it.

What it marks, from the gazetteer (``newsgraph.nlp.gazetteer``) and the parse:

- names of states, institutions, IGOs, groups and known people (``via="lexicon"``);
- demonyms standing alone, "the Chinese said" → the state (``via="demonym"``);
- capitals and seats of power, "Pyongyang said", "the Kremlin" → the state's
  government, sector GOV, or the institution housed there (``via="seat"``). Whether a
  capital is a stand-in or a mere place ("travelled to Moscow") is the event layer's call;
- noun phrases headed by a role noun and modified by a state, seat, institution, IGO,
  group or person: "the Russian defence minister", "US and South Korean officials"
  (one mention per state), "a White House spokesperson", "the president of Iran"
  (``via="role"``); the mention covers the phrase from its determiner to the head;
- people: known people by name or alias, other PERSON entities by name; a role
  phrase before the name or in apposition ("Adrienne Lee, a Pentagon spokeswoman")
  gives them a country, sector and role, and an appositive role phrase is itself a
  mention of the person (``via="apposition"``); a later surname ("Mr Lee") is the same
  person (``via="surname"``); unknown names are ``via="ner"``.

Mentions never nest or cross: the longest wins ("US officials" is one mention, not a
state plus a role phrase). Several mentions share a span only for coordinated states.
If ``doc.user_data["published"]`` is a ``date``, known people get the role they held then.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from newsgraph.nlp import extensions  # noqa: F401  (registers Doc._.actor_mentions)
from newsgraph.nlp.actor_match import (
    RANK_DEMONYM,
    RANK_NAME,
    RANK_ROLE,
    Candidate,
    EntityIndex,
    NameHit,
    PersonFinder,
    RolePhrase,
)
from newsgraph.nlp.dictionary import load_dictionary
from newsgraph.nlp.gazetteer import (
    CATEGORIES,
    Gazetteer,
    NameEntry,
    RoleEntry,
    entry_actor,
    fold_accents,
    load_gazetteer,
    office_holder,
    region_spans,
)
from newsgraph.records import Actor, ActorMention

# NER labels whose longer spans swallow a lexicon name: "Washington Post", "New Mexico".
_BLOCKING_LABELS = frozenset(
    {"PERSON", "ORG", "FAC", "GPE", "LOC", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "LANGUAGE"}
)
_NP_POS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "CCONJ", "PART"})
_NP_PUNCT = frozenset({"-", "–", "'", "’", "'s", "’s"})
_SUBSTANTIVE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "ROOT", "conj", "appos", "attr"})
_NEGATING_PREFIXES = frozenset({"pro", "anti", "non"})
_STATE_LIKE = frozenset({"state", "demonym"})
# Names that other names often contain ("Washington Post", "New Mexico", "Putin Foundation").
_EMBEDDABLE = frozenset({"state", "seat", "demonym", "person"})
_MODIFIERS = frozenset({"state", "demonym", "seat", "institution", "igo", "group", "person"})
# Roles that speak for the actor after "for" ("a spokesman for Erdoğan"); an envoy "for Syria" does not.
# nouns for the people of a body a role noun names: "civil society members", "army personnel"
_MEMBER_NOUNS = frozenset({"member", "figure", "personnel", "staff", "people", "community", "circle", "rank"})
_SPEAKING_ROLES = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative"})
# Last words of body names that news writes in lower case ("the state department", "the defence ministry").
_LOWERCASE_HEADS = frozenset({
    "department", "ministry", "office", "council", "service", "services", "agency", "committee", "command",
    "force", "forces", "guard", "guards", "army", "navy", "police", "court", "bank", "fund", "assembly",
    "parliament", "government", "administration", "commission", "party", "front", "movement", "union",
    "organisation", "organization", "corps", "authority", "directorate", "bureau", "institute", "cabinet",
    "senate", "congress", "house", "secretariat", "tribunal", "mission", "brigade", "brigades", "militia",
})


def published_date(doc: Doc) -> date | None:
    value = doc.user_data.get("published")
    return value if isinstance(value, date) else None


def _is_acronym(form: str) -> bool:
    return any(c.isupper() for c in form[1:]) or (len(form) > 1 and form.isupper())


def case_matches(tokens: Span, forms: tuple[str, ...]) -> bool:
    """Whether text written like ``tokens`` can be the name written ``forms``.

    Acronyms must match exactly ("US", not "us"); a one-word name must be capitalised
    when the table capitalises it ("Turkey", not "turkey"); a longer name needs one of
    its capitalised words capitalised ("US state department", not "the security service"),
    and its last word capitalised unless it is a body's generic head that news often writes
    in lower case ("the foreign ministry"; not "Russia today" for Russia Today).
    """
    capitalised = False
    needs_capital = False
    last, last_form = tokens[-1], forms[-1]
    if len(forms) > 1 and last_form[:1].isupper() and not last.text[:1].isupper() and (
        last_form.lower() not in _LOWERCASE_HEADS
    ):
        return False  # "Russia today" is not Russia Today: a proper name's last word keeps its capital
    for token, form in zip(tokens, forms, strict=True):
        if _is_acronym(form):
            if token.text != form:
                return False
            capitalised = True
        elif form[:1].isupper():
            needs_capital = True
            capitalised = capitalised or token.text[:1].isupper()
    return capitalised or not needs_capital


class ActorRuler:
    """Marks actor mentions; matchers are built once, when the pipeline is made."""

    def __init__(self, nlp: Language, name: str = "newsgraph_actor_ruler") -> None:
        self.name = name
        self.gazetteer: Gazetteer = load_gazetteer()
        self.name_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.role_matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.names: dict[tuple[str, ...], list[tuple[NameEntry, tuple[str, ...]]]] = {}
        self.roles: dict[tuple[str, ...], RoleEntry] = {}
        self._add_names(nlp)
        self._add_roles(nlp)
        self.people = PersonFinder(nlp, self.gazetteer)
        load_dictionary()  # the PETRARCH2 index, once per process, when the pipeline is built

    def _add_names(self, nlp: Language) -> None:
        forms: dict[str, list[NameEntry]] = {}
        for entry in self.gazetteer.surfaces:
            for variant in {entry.surface, entry.surface.replace("'", "’"), fold_accents(entry.surface)}:
                forms.setdefault(variant, []).append(entry)
        patterns = []
        for text, pattern in zip(forms, (nlp.make_doc(t) for t in forms), strict=True):
            key = tuple(t.lower_ for t in pattern)
            orth = tuple(t.text for t in pattern)
            if key not in self.names:
                patterns.append(pattern)
            self.names.setdefault(key, []).extend((e, orth) for e in forms[text])
        order = {c: i for i, c in enumerate(CATEGORIES)}
        for bucket in self.names.values():
            bucket.sort(key=lambda pair: order[pair[0].category])
        self.name_matcher.add("NAME", patterns)

    def _add_roles(self, nlp: Language) -> None:
        terms = list(self.gazetteer.roles.values())
        for entry, pattern in zip(terms, (nlp.make_doc(e.term) for e in terms), strict=True):
            self.roles[tuple(t.lower_ for t in pattern)] = entry
        self.role_matcher.add("ROLE", [nlp.make_doc(e.term) for e in terms])

    def __call__(self, doc: Doc) -> Doc:
        doc._.actor_mentions = self.find_mentions(doc)
        return doc

    # -- the steps -----------------------------------------------------------------

    def find_mentions(self, doc: Doc) -> list[ActorMention]:
        when = published_date(doc)
        ents = EntityIndex(doc)
        regions = region_spans([t.lower_ for t in doc])  # places named like bodies ("the West Bank")
        hits = self._name_hits(doc, ents, when, regions)
        phrases = self._role_phrases(doc, hits, regions)
        candidates = self._name_candidates(doc, hits)
        person_candidates, attached = self.people.find(doc, hits, phrases, ents, when)
        for phrase in phrases:
            if id(phrase) not in attached:
                candidates.extend(
                    Candidate(start=phrase.start, end=phrase.end, actor=self._holder(doc, phrase, actor, when),
                              via="role", rank=RANK_ROLE)
                    for actor in phrase.actors
                )
        candidates.extend(person_candidates)
        return _choose(doc, candidates)

    @staticmethod
    def _holder(doc: Doc, phrase: RolePhrase, actor: Actor, when: date | None) -> Actor:
        """A definite singular office ("the US president", "Russia's foreign minister") is the
        person who held it at the publication date, when the people table knows exactly one."""
        if when is None or phrase.plural or actor.kind != "person" or not (actor.country and actor.role):
            return actor
        first = doc[phrase.start]
        definite = first.lower_ == "the" or first.dep_ == "poss" or first.tag_ == "POS" or (
            phrase.start > 0 and doc[phrase.start - 1].tag_ == "POS"
        )
        if not definite:
            return actor
        return office_holder(actor.country, actor.role, when) or actor

    def _name_hits(self, doc: Doc, ents: EntityIndex, when: date | None,
                   regions: list[tuple[int, int]]) -> list[NameHit]:
        """Gazetteer names, longest first, never overlapping."""
        found: list[tuple[int, int, NameEntry]] = []
        for _, start, end in self.name_matcher(doc):
            span = doc[start:end]
            for entry, forms in self.names.get(tuple(t.lower_ for t in span), ()):
                if case_matches(span, forms):
                    found.append((start, end, entry))
                    break
        found.sort(key=lambda f: (f[0] - f[1], f[0]))
        taken = bytearray(len(doc))
        for r_start, r_end in regions:  # a name the region runs past is
            # part of it ("the West" in "the West Bank", "Korean" in "the Korean peninsula"); one that runs
            # past the region is not ("South Africa" holds "Africa")
            found = [f for f in found if not (f[0] < r_end and r_start < f[1] < r_end)]
        hits: list[NameHit] = []
        for start, end, entry in found:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            if _negated_prefix(doc, start):
                continue
            hit = NameHit(start=start, end=end, category=entry.category, actor=entry_actor(entry, when))
            outer = ents.containing(start, end)
            if (
                outer is not None
                and outer[1] - outer[0] > end - start
                and outer[2] in _BLOCKING_LABELS
                and (entry.category in _EMBEDDABLE or outer[2] not in ("ORG", "NORP"))
            ):
                hit.inside_end, hit.inside_label = outer[1], outer[2]
            hits.append(hit)
        hits.sort(key=lambda h: h.start)
        return _drop_national_namesakes(doc, hits)

    def _role_spans(self, doc: Doc, hits: list[NameHit]) -> list[tuple[int, int, RoleEntry]]:
        """Role nouns, longest first, outside names other than states' ("Crown Prince Faisal")."""
        taken = bytearray(len(doc))
        for hit in hits:
            if hit.category not in _STATE_LIKE:
                taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
        spans: list[tuple[int, int, RoleEntry]] = []
        for _, start, end in sorted(self.role_matcher(doc), key=lambda m: (m[1] - m[2], m[1])):
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            spans.append((start, end, self.roles[tuple(t.lower_ for t in doc[start:end])]))
        spans.sort(key=lambda s: s[0])
        return spans

    def _role_phrases(self, doc: Doc, hits: list[NameHit], regions: list[tuple[int, int]]) -> list[RolePhrase]:
        spans = [(s, e, r) for s, e, r in self._role_spans(doc, hits) if _is_noun(doc[s:e].root)]
        state_tokens = {i for h in hits if h.category in _STATE_LIKE for i in range(h.start, h.end)}
        by_start = {h.start: h for h in hits}
        hit_starts = {i: h.start for h in hits for i in range(h.start, h.end)}
        phrases: list[RolePhrase] = []
        role_tokens = {i for s, e, _ in spans for i in range(s, e)}
        for start, end, entry in spans:
            head = doc[start:end].root
            # "Egyptian civil society members": a role noun compounded into a longer noun phrase
            # starts where that phrase starts
            compounded = (head.dep_ == "compound" and head.head.i >= end and head.head.i not in role_tokens
                          and head.head.lemma_.lower() in _MEMBER_NOUNS)
            edge = head.head.left_edge.i if compounded else head.left_edge.i
            left = _left_bound(doc, start, edge, state_tokens, hit_starts)
            if any(r_start < end and start < r_end for r_start, r_end in regions):
                continue  # "the West Bank": a place named like a body
            mods = [
                h
                for h in hits
                if left <= h.start
                and h.end <= start
                and h.category in _MODIFIERS
                and h.actor is not None
                and (h.inside_end is None or h.inside_end > start)
            ]
            phrase_end = head.head.i + 1 if compounded else end
            speaking = entry.role in _SPEAKING_ROLES
            after = _of_complement(doc, end, by_start, speaking=speaking) if not mods else None
            if after is not None:
                mods, phrase_end = [after], after.end  # "the president of Iran"
            while phrase_end - 1 > head.i and doc[phrase_end - 1].pos_ == "ADP":
                phrase_end -= 1  # a role term ending in its preposition ("embassy in"): the phrase ends at its noun
            if len(mods) > 1 and not any(doc[i].pos_ == "CCONJ" for i in range(mods[0].start, mods[-1].end)):
                mods = mods[:1]  # "the former US Iran envoy": the first modifier is the employer
            # "US military officials" → MIL, "intelligence officials" → SPY; "government forces" stay MIL
            inner = next((r.sector for s, e, r in spans if left <= s and e <= start and not r.generic), None)
            sector = (inner or entry.sector) if entry.generic and entry.sector == "GOV" else entry.sector
            phrase = RolePhrase(start=left, end=phrase_end, entry=entry, sector=sector, plural=_is_plural(head, entry))
            phrase.actors = _dedupe([_role_actor(doc, entry, m, sector) for m in mods])
            phrases.append(phrase)
        return phrases

    def _name_candidates(self, doc: Doc, hits: list[NameHit]) -> list[Candidate]:
        out: list[Candidate] = []
        previous: NameHit | None = None
        for hit in hits:
            category, actor = hit.category, hit.actor
            prev, previous = previous, hit
            if actor is None or category in ("block", "person") or hit.inside_end is not None:
                continue
            start = hit.start
            if (
                category in ("institution", "group", "seat", "igo")
                and prev is not None
                and prev.category in _STATE_LIKE
                and prev.actor is not None
                and prev.actor.country == actor.country
                and _adjacent(doc, prev.end, hit.start)
            ):
                start = prev.start  # "Iran's Revolutionary Guards", "the Israeli Knesset"
                if start > 0 and doc[start - 1].pos_ == "DET":
                    start -= 1
            via = {"seat": "seat", "demonym": "demonym"}.get(category, "lexicon")
            rank = RANK_DEMONYM if category == "demonym" else RANK_NAME
            if category == "demonym" and _counted(doc[hit.end - 1]):
                # "two Russians were arrested", "hundreds of Britons travelled": people, not the state
                actor = Actor(name=doc[hit.start:hit.end].text, kind="group", country=actor.country, sector="CVL")
            out.append(Candidate(start=start, end=hit.end, actor=actor, via=via, rank=rank))
        return out


def _drop_national_namesakes(doc: Doc, hits: list[NameHit]) -> list[NameHit]:
    """ "Russia's Security Council", "the Iranian Red Crescent": a state's body, not the IGO or NGO;
    "a Syrian Congress": not the US Congress (an institution named after another state's)."""
    kept: list[NameHit] = []
    for hit in hits:
        prev = kept[-1] if kept else None
        national = prev is not None and prev.category in _STATE_LIKE and _adjacent(doc, prev.end, hit.start)
        if national and hit.category == "igo":
            continue
        if national and prev is not None and hit.category == "institution" and (
            hit.actor is not None and prev.actor is not None and hit.actor.country != prev.actor.country
        ):
            continue
        kept.append(hit)
    return kept


_COUNT_WORDS = frozenset({"many", "several", "some", "few", "numerous", "dozens", "hundreds", "thousands",
                          "millions", "scores", "more", "most", "fewer", "dozen", "hundred", "thousand", "million"})


def _counted(head: Token) -> bool:
    """A plural demonym that is counted ("two Russians", "hundreds of Britons", "many Americans")
    names people of that nationality, not their state ("the Russians said")."""
    if head.tag_ not in ("NNS", "NNPS"):
        return False
    if any(c.dep_ in ("nummod", "amod", "det", "quantmod") and (c.pos_ == "NUM" or c.lower_ in _COUNT_WORDS)
           for c in head.children):
        return True
    up = head.head
    return (head.dep_ == "pobj" and up.lower_ == "of" and up.head is not up
            and (up.head.pos_ == "NUM" or up.head.lower_ in _COUNT_WORDS))


def _negated_prefix(doc: Doc, start: int) -> bool:
    """ "pro-Russian", "anti-American": the state is not the actor."""
    return start >= 2 and doc[start - 1].text in ("-", "–") and doc[start - 2].lower_ in _NEGATING_PREFIXES


def _adjacent(doc: Doc, end: int, start: int) -> bool:
    return end == start or (end + 1 == start and doc[end].tag_ == "POS")


def _left_bound(doc: Doc, start: int, left_edge: int, state_tokens: set[int], hit_starts: dict[int, int]) -> int:
    """Where the noun phrase ending in the role noun at ``start`` begins (names are never split)."""
    j = start - 1
    while j >= left_edge and not doc[j + 1].is_sent_start:
        if j in hit_starts:
            j = hit_starts[j] - 1  # "Save the Children's … director": the name is one unit
            continue
        token = doc[j]
        ok = (
            (token.pos_ in _NP_POS and token.tag_ not in ("VBN", "VBG"))
            or token.tag_ in ("POS", "PRP$")
            or token.text in _NP_PUNCT
            or (token.text == "," and j - 1 in state_tokens and j + 1 in state_tokens)
        )
        if not ok:
            break
        j -= 1
    if j >= left_edge and doc[j].lower_ == "at" and doc[j + 1].lower_ in ("least", "most"):
        j -= 1  # "at least 21 soldiers": the quantity's own preposition
    return j + 1


def _of_complement(doc: Doc, end: int, by_start: dict[int, NameHit], *, speaking: bool = False) -> NameHit | None:
    """The named actor after "of" ("the president of Iran"), or after "for" for a role that speaks
    for its employer ("a spokesman for Erdoğan"; not "the UN envoy for Syria")."""
    if end + 1 >= len(doc) or doc[end].lower_ not in (("of", "for") if speaking else ("of",)):
        return None
    after = by_start.get(end + 2 if doc[end + 1].pos_ == "DET" else end + 1)
    if after is None or after.category not in _MODIFIERS or after.actor is None or after.inside_end is not None:
        return None
    if after.category == "demonym" and after.end < len(doc) and doc[after.end].pos_ in ("NOUN", "PROPN", "ADJ"):
        return None  # "a spokeswoman for the Russian foreign ministry": the nationality modifies the body
    return after


def _is_noun(head: Token) -> bool:
    return head.pos_ in ("NOUN", "PROPN") or (head.pos_ == "ADJ" and head.dep_ in _SUBSTANTIVE_DEPS)


def _is_plural(head: Token, entry: RoleEntry) -> bool:
    if head.tag_ in ("NNS", "NNPS") or (head.lower_.endswith("s") and head.lemma_.lower() != head.lower_):
        return True
    return entry.term.endswith("s") and entry.role.endswith("s")  # "Senators" as a title


def _role_actor(doc: Doc, entry: RoleEntry, mod: NameHit, sector: str | None) -> Actor:
    """The actor "<modifier> <role>" names: "Russian defence minister", "Hamas fighters" (INS)."""
    actor = mod.actor
    assert actor is not None
    if mod.category in _STATE_LIKE:
        country = load_gazetteer().countries.get(actor.country or "")
        label = country.adjective if country else actor.name
        mod_sector = None
    elif mod.category == "seat":
        label, mod_sector = doc[mod.start : mod.end].text, actor.sector
    else:
        label, mod_sector = actor.name, actor.sector
    if entry.generic and mod_sector is not None:
        sector = mod_sector if sector == entry.sector else sector
    return Actor(name=f"{label} {entry.role}", kind=entry.kind, country=actor.country, sector=sector, role=entry.role)


def _dedupe(actors: list[Actor]) -> list[Actor]:
    seen: list[Actor] = []
    for actor in actors:
        if actor not in seen:
            seen.append(actor)
    return seen


def _choose(doc: Doc, candidates: list[Candidate]) -> list[ActorMention]:
    """Longest spans first, then higher rank; nested and crossing mentions are dropped."""
    groups: dict[tuple[int, int], list[Candidate]] = {}
    for c in candidates:
        groups.setdefault((c.start, c.end), []).append(c)
    order = sorted(groups, key=lambda k: (k[0] - k[1], -max(c.rank for c in groups[k]), k[0]))
    taken = bytearray(len(doc))
    mentions: list[ActorMention] = []
    for start, end in order:
        if any(taken[start:end]):
            continue
        taken[start:end] = b"\x01" * (end - start)
        group = groups[(start, end)]
        best = max(c.rank for c in group)
        span = doc[start:end]
        seen: set[Actor] = set()
        for c in group:
            if c.rank == best and c.actor not in seen:
                seen.add(c.actor)
                mentions.append(
                    ActorMention(
                        start=start,
                        end=end,
                        start_char=span.start_char,
                        end_char=span.end_char,
                        text=span.text,
                        actor=c.actor,
                        via=c.via,
                    )
                )
    mentions.sort(key=lambda m: (m.start, m.end))
    return mentions


# spaCy forbids "." in factory names.
FACTORY = "newsgraph_actor_ruler"


@Language.factory(FACTORY, assigns=["doc._.actor_mentions"], requires=["doc.ents"])
def make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler(nlp, name)


__all__ = ["FACTORY", "ActorRuler", "case_matches", "make_actor_ruler", "published_date"]
