"""Linguistic tables and predicates behind ``newsgraph_coref``.

Everything here is general English grammar, not tied to one article: the pronoun
paradigm, courtesy titles, the head nouns of definite descriptions that can point
back to an actor ("the leader", "the country", "the two nations"), the patterns of
pleonastic "it" (after Lappin & Leass 1994), the salience weights of a mention by
grammatical role (same source, plus a Hobbs-style penalty for embedded clauses),
and which actor a description picks out of a candidate (``fit``; states by ISO3
through ``CountryIndex``, which asks the gazetteer for demonyms and names).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files

from spacy.tokens import Token

from newsgraph.nlp import gazetteer
from newsgraph.records import Actor, ActorMention


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- pronouns ---------------------------------------------------------------------------------------

# The speaker's and the addressee's pronouns are never resolved here (attribution handles them).
FIRST_SECOND_PERSON: frozenset[str] = _words(
    "i me my mine myself we us our ours ourselves you your yours yourself yourselves"
)


@dataclass(frozen=True, slots=True)
class Pronoun:
    """Agreement features of a third-person pronoun."""

    plural: bool
    gender: str | None  # "m" | "f" for he/she; None for it/they
    person: bool | None  # True: a person; False: not a person; None: either (they)
    reflexive: bool = False


_HE = Pronoun(plural=False, gender="m", person=True)
_SHE = Pronoun(plural=False, gender="f", person=True)
_IT = Pronoun(plural=False, gender=None, person=False)
_THEY = Pronoun(plural=True, gender=None, person=None)

PRONOUNS: dict[str, Pronoun] = {
    "he": _HE, "him": _HE, "his": _HE,
    "himself": Pronoun(plural=False, gender="m", person=True, reflexive=True),
    "she": _SHE, "her": _SHE, "hers": _SHE,
    "herself": Pronoun(plural=False, gender="f", person=True, reflexive=True),
    "it": _IT, "its": _IT,
    "itself": Pronoun(plural=False, gender=None, person=False, reflexive=True),
    "they": _THEY, "them": _THEY, "their": _THEY, "theirs": _THEY,
    "themselves": Pronoun(plural=True, gender=None, person=None, reflexive=True),
}

POSSESSIVE_DETERMINERS: frozenset[str] = frozenset({"his", "her", "its", "their"})

# --- titles -----------------------------------------------------------------------------------------

# Courtesy titles and offices written before a name, with the gender they imply (None: either).
TITLES: dict[str, str | None] = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mx": None, "sir": "m", "dame": "f",
    "lord": "m", "lady": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f",
    "sheikh": "m", "emir": "m", "pope": "m", "dr": None, "prof": None, "president": None,
    "minister": None, "premier": None, "chancellor": None, "secretary": None, "senator": None,
    "sen": None, "rep": None, "governor": None, "gov": None, "mayor": None, "ambassador": None,
    "general": None, "gen": None, "admiral": None, "colonel": None, "col": None, "commander": None,
    "marshal": None, "judge": None, "justice": None, "ayatollah": "m", "chairman": "m",
    "chairwoman": "f", "comrade": None,
}
# Words that can precede a title inside one office name ("Prime Minister", "Defence Secretary").
TITLE_PREFIXES: frozenset[str] = _words(
    "prime foreign defence defense interior finance deputy vice supreme chief home state "
    "attorney lieutenant lt field major"
)

# Role words that imply a gender (matched as whole words in ``Actor.role`` or a mention's head).
ROLE_GENDER: dict[str, str] = {
    "spokesman": "m", "spokeswoman": "f", "chairman": "m", "chairwoman": "f", "king": "m",
    "queen": "f", "prince": "m", "princess": "f", "congressman": "m", "congresswoman": "f",
    "businessman": "m", "businesswoman": "f", "emir": "m", "sultan": "m", "sheikh": "m",
    "man": "m", "woman": "f", "boy": "m", "girl": "f", "father": "m", "mother": "f", "son": "m",
    "daughter": "f", "husband": "m", "wife": "f", "brother": "m", "sister": "f", "widow": "f",
    "stepfather": "m", "stepmother": "f", "grandfather": "m", "grandmother": "f", "uncle": "m",
    "aunt": "f", "nephew": "m", "niece": "f",
}

# --- definite descriptions --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Description:
    """What a description head can refer to.

    ``target``: person | state | government | organization | group | side.
    ``roles``: substrings of ``Actor.role`` that fit (empty: any role).
    ``collective``: in the plural it names one group actor ("the officials"),
    not several actors ("the two leaders").
    """

    target: str
    roles: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    collective: bool = False


LEADER_ROLES: tuple[str, ...] = (
    "leader", "president", "prime minister", "premier", "chancellor", "king", "queen", "emir",
    "sultan", "monarch", "chairman", "general secretary", "ruler", "head of state", "dictator",
)


def _person(*roles: str) -> Description:
    return Description(target="person", roles=roles)


_OFFICES = "president chancellor minister secretary king queen emir general ambassador"
# Keyed by the head noun's lemma.
DESCRIPTIONS: dict[str, Description] = {
    **dict.fromkeys(
        _words("leader ruler dictator strongman autocrat despot monarch"),
        Description(target="person", roles=LEADER_ROLES, sectors=("GOV", "POL", "MIL", "REB")),
    ),
    **{office: _person(office) for office in _OFFICES.split()},
    "premier": _person("premier", "prime minister"),
    "commander": _person("commander", "general"),
    **dict.fromkeys(_words("spokesman spokeswoman spokesperson"), _person("spokes")),
    "envoy": _person("envoy", "ambassador"),
    "diplomat": _person("diplomat", "ambassador", "envoy", "minister"),
    "official": Description(target="person", roles=("official",), collective=True),
    **dict.fromkeys(_words("country nation kingdom republic"), Description(target="state")),
    **dict.fromkeys(
        _words("government regime administration authority leadership capital"),
        Description(target="government"),
    ),
    **dict.fromkeys(
        _words("alliance bloc coalition organisation organization agency ministry"),
        Description(target="organization"),
    ),
    **dict.fromkeys(_words("company firm"), Description(target="organization", sectors=("BUS",))),
    **dict.fromkeys(_words("group movement militia"), Description(target="group")),
    **dict.fromkeys(
        _words("rebel insurgent militant separatist"),
        Description(target="group", sectors=("REB",), collective=True),
    ),
    **dict.fromkeys(_words("troop soldier"), Description(target="group", sectors=("MIL",), collective=True)),
    **dict.fromkeys(_words("side party"), Description(target="side")),
    **dict.fromkeys(_words("man woman"), _person()),
}
# Heads of an unnamed phrase that "the group" may take up ("a terrorist cell … the group"), before
# any other phrase ("the agency broke up a cell … the group": the cell, not the agency).
GROUP_HEADS: frozenset[str] = _words(
    "group cell network ring gang cartel militia faction movement outfit syndicate organisation organization"
)
# Roles whose bare definite description ("the police", "the coalition") is the latest earlier
# mention of the same role that named a country ("Kenyan police", "the US-led coalition"): armed
# and police bodies, which an article follows; not "the opposition" or "the parties", which it
# often names for several countries.
SAME_HEAD_ROLES: frozenset[str] = frozenset(
    {"troops", "police", "military", "coalition", "navy", "air force", "fleet", "peacekeepers", "junta"})
# The singular heads that are too vague to resolve on their own ("the party", "the side", "the capital").
PLURAL_ONLY: frozenset[str] = frozenset({"side", "party", "capital", "man", "woman"})

# Possessed nouns that stand for the possessor's state: "his country", "their governments".
POSSESSED_STATE: dict[str, str] = {
    "country": "state", "nation": "state", "homeland": "state", "motherland": "state",
    "government": "government", "regime": "government", "administration": "government",
}

# Modifiers that narrow an office ("the defence minister"): they must appear in the actor's role.
OFFICE_MODIFIERS: frozenset[str] = _words(
    "prime foreign defence defense interior finance deputy vice supreme chief home economy "
    "economic trade health justice energy culture education labour labor"
)

NUMBER_WORDS: dict[str, int] = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "2": 2, "3": 3}

# --- animacy ----------------------------------------------------------------------------------------

# Common nouns that name people; a plain noun phrase with one of these heads is a human
# antecedent the actor ruler did not resolve, and so blocks he/she/they from reaching further back.
HUMAN_NOUNS: frozenset[str] = _words(
    "person people man woman men women child children resident citizen civilian analyst expert "
    "observer critic witness lawmaker legislator diplomat official soldier troop protester activist "
    "investigator researcher journalist reporter negotiator member voter worker farmer student "
    "spokesman spokeswoman spokesperson source leader politician minister officer victim refugee "
    "prisoner hostage fighter commander general colonel envoy ambassador president chairman "
    "friend neighbour neighbor relative parent family lawyer doctor teacher"
) | frozenset(ROLE_GENDER)

# Verbs of saying and thinking: their subject is a speaker, never a thing.
COMMUNICATION_VERBS: frozenset[str] = _words(
    "say tell add warn claim insist deny announce declare state argue note report confirm explain "
    "write reply respond answer believe think accuse suggest promise vow pledge stress complain "
    "urge ask told"
)

NON_REFERRING_ENTS: frozenset[str] = frozenset(
    {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
)

SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass"})
OBJECT_DEPS: frozenset[str] = frozenset({"dobj", "obj"})
OBLIQUE_DEPS: frozenset[str] = frozenset({"dative", "iobj", "pobj", "obl"})
EMBEDDED_DEPS: frozenset[str] = frozenset({"poss", "compound", "nmod", "amod", "npadvmod"})
CLAUSAL_DEPS: frozenset[str] = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis"})
ROLE_WEIGHTS: dict[str, float] = {"subj": 80.0, "obj": 50.0, "obl": 40.0, "other": 0.0}
RECENCY_WEIGHT = 100.0
HEAD_NOUN_WEIGHT = 80.0
NON_ADVERBIAL_WEIGHT = 50.0
EMBEDDED_CLAUSE_PENALTY = 20.0
PARALLELISM_WEIGHT = 35.0
SPEAKER_WEIGHT = 80.0  # "…, they said": speakers are picked up by later reporting verbs
IT_KINDS: frozenset[str] = frozenset({"state", "organization", "group"})
# Bodies that speak as one and that news may call "they" ("the ministry said they had ...").
COLLECTIVE_KINDS: frozenset[str] = frozenset({"organization", "group"})


def anchor(token: Token) -> Token:
    """The token whose grammatical role a noun phrase takes (conjuncts and appositions share it)."""
    seen = 0
    while token.dep_ in ("conj", "appos") and token.head.i != token.i and seen < 10:
        token = token.head
        seen += 1
    return token


def grammatical_role(token: Token) -> str:
    dep = anchor(token).dep_
    if dep in SUBJECT_DEPS:
        return "subj"
    if dep in OBJECT_DEPS:
        return "obj"
    if dep in OBLIQUE_DEPS:
        return "obl"
    return "other"


def clause_depth(token: Token) -> int:
    """How many clauses down from the sentence's main clause the token sits."""
    return sum(1 for ancestor in token.ancestors if ancestor.dep_ in CLAUSAL_DEPS)


def clause_head(token: Token) -> int:
    """Index of the verb (or root) that governs the token's clause."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX") or ancestor.dep_ == "ROOT":
            return ancestor.i
    return token.i


def salience_weight(root: Token) -> float:
    """Lappin & Leass salience of one mention, before sentence decay; subjects of main clauses rank first."""
    token = anchor(root)
    dep = token.dep_
    weight = RECENCY_WEIGHT + ROLE_WEIGHTS[grammatical_role(token)]
    prep_head = token.head.head if dep == "pobj" else None
    in_noun_phrase = prep_head is not None and prep_head.pos_ in ("NOUN", "PROPN", "PRON")
    if dep not in EMBEDDED_DEPS and not in_noun_phrase:
        weight += HEAD_NOUN_WEIGHT
    if not (prep_head is not None and prep_head.pos_ in ("VERB", "AUX")):
        weight += NON_ADVERBIAL_WEIGHT
    return weight - EMBEDDED_CLAUSE_PENALTY * min(clause_depth(token), 3)


def forward_subject(token: Token) -> Token | None:
    """The subject a pronoun in a preposed adjunct points forward to ("In his speech, Putin …",
    "After he landed, Kim …"): the first clause above the pronoun whose subject comes after it."""
    node = token
    for parent in token.ancestors:
        if parent.pos_ in ("VERB", "AUX") and node.dep_ in ("prep", "advcl", "npadvmod"):
            subject = next((c for c in parent.children if c.dep_ in SUBJECT_DEPS), None)
            if subject is None or subject.i < node.i:
                return None
            return subject if subject.i > token.i else None
        if node.dep_ in SUBJECT_DEPS | OBJECT_DEPS and parent.pos_ in ("VERB", "AUX") and node.i != token.i:
            return None  # the pronoun sits inside an argument, not an adjunct
        node = parent
    return None


RESTRICTING_PREPOSITIONS: frozenset[str] = _words("of in from at for")


def is_restricted(head: Token) -> bool:
    """The noun carries a restrictive modifier ("the leader of X", "the officials in Y", "the man who …")
    or a name in apposition ("the minister, Ann Smith"): it introduces someone rather than refers back."""
    for child in head.children:
        if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ in RESTRICTING_PREPOSITIONS):
            return True
        if child.dep_ == "relcl" and child.left_edge.i > 0 and child.doc[child.left_edge.i - 1].text != ",":
            return True
    return False


def is_plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or "Plur" in token.morph.get("Number", [])


def speaker_subject(token: Token) -> bool:
    """The token is the subject of a verb of saying ("they said", "she warned")."""
    return token.dep_ in SUBJECT_DEPS and token.head.lemma_.lower() in COMMUNICATION_VERBS


def is_speaker(token: Token) -> bool:
    """Subject of a verb of saying, or the source in "according to X"."""
    token = anchor(token)
    if speaker_subject(token):
        return True
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lower_ == "according"


# --- names ------------------------------------------------------------------------------------------


def title_of(word: str) -> str | None:
    """The title key for a word ("Mr." → "mr"), or None."""
    key = word.lower().rstrip(".")
    return key if key in TITLES else None


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    names: dict[str, str] = {}
    with files("newsgraph").joinpath("data/coref/given_names.tsv").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and parts[1] in ("m", "f") and not line.startswith("#"):
                names[parts[0]] = parts[1]
    return names


def gender_of_name(name: str) -> str | None:
    """"m"/"f" for a person whose given name (the first word) names one gender in news, else None."""
    words = name.split()
    return _given_names().get(words[0]) if len(words) >= 2 else None


def gender_of_role(role: str | None) -> str | None:
    if not role:
        return None
    for word in role.lower().replace("-", " ").split():
        if word in ROLE_GENDER:
            return ROLE_GENDER[word]
    return None


def name_parts(text: str) -> list[str]:
    """Lower-cased parts of a personal name, without titles or initials: "Mr Kim Jong-un" → kim, jong-un."""
    parts = []
    for raw in text.replace(",", " ").split():
        word = raw.strip(".'’\"()").lower()
        if len(word) < 2 or word in TITLES or word in TITLE_PREFIXES:
            continue
        parts.append(word)
    return parts


# --- fitting an actor to a description --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Referent:
    """An actor an anaphor can point to, and the start_char of the mention it was last seen at."""

    actor: Actor
    antecedent: int


@dataclass(frozen=True, slots=True)
class Constraint:
    """What a description's modifiers demand: a country ("the North Korean leader"), offices ("defence")."""

    country: str = ""
    offices: tuple[str, ...] = ()


class CountryIndex:
    """State actors by ISO3 code: the document's own first, else the gazetteer's."""

    def __init__(self, mentions: Iterable[ActorMention]) -> None:
        self.states: dict[str, Actor] = {}
        self.governments: dict[str, Actor] = {}
        for mention in mentions:
            actor = mention.actor
            if actor.kind != "state" or not actor.country:
                continue
            if actor.sector == "GOV":
                self.governments.setdefault(actor.country, actor)
            elif actor.sector is None:
                self.states.setdefault(actor.country, actor)
        for country, government in self.governments.items():
            self.states.setdefault(country, replace(government, sector=None))

    def state_of(self, country: str) -> Actor:
        """The state as the document names it, else as the gazetteer does."""
        if country not in self.states:
            name = gazetteer.country_name(country)
            actor = gazetteer.resolve_name(name) if name else None
            if actor is None or actor.kind != "state":
                actor = Actor(name=name or country, kind="state", country=country)
            self.states[country] = actor
        return self.states[country]

    def government_of(self, country: str) -> Actor:
        return self.governments.get(country) or replace(self.state_of(country), sector="GOV")

    def named(self, country: str | None, modifier: str) -> bool:
        """The proper adjective or name fits the country: "North Korean" and PRK, "UK" and GBR."""
        if not country:
            return False
        iso = gazetteer.resolve_demonym(modifier)
        if iso is None:
            actor = gazetteer.resolve_name(modifier)
            iso = actor.country if actor is not None and actor.kind == "state" else None
        return iso == country  # an unknown word ("Kurdish") fits no state: leave the phrase alone


def role_fits(actor: Actor, description: Description, constraint: Constraint) -> bool:
    """The actor's sector and role (when known) fit the description's head and office modifiers."""
    if description.sectors and actor.sector and actor.sector not in description.sectors:
        return False
    role = (actor.role or "").lower()
    if not role:
        return True
    if description.roles and not any(word in role for word in description.roles):
        return False
    return all(office in role for office in constraint.offices)


def fit(
    actor: Actor, description: Description, constraint: Constraint, countries: CountryIndex, *, derived: bool
) -> Actor | None:
    """The actor a description picks out from a candidate, or None.

    With ``derived``, a person stands for their state: "Mr Kim … the two nations".
    """
    if constraint.country and not countries.named(actor.country, constraint.country):
        return None
    target, kind = description.target, actor.kind
    if target == "person":
        ok = kind in ("person", "anonymous")
        return actor if ok and role_fits(actor, description, constraint) else None
    if target in ("organization", "group"):
        kinds = ("organization",) if target == "organization" else ("group", "organization", "anonymous")
        ok = kind in kinds and role_fits(actor, description, constraint)
        return actor if ok else None
    if target == "side" and kind in ("organization", "group"):
        return actor
    if kind == "state" and actor.country:
        country = actor.country
    elif kind == "state":
        return actor if target != "government" else replace(actor, sector="GOV")
    elif derived and kind in ("person", "anonymous") and actor.country:
        country = actor.country
    else:
        return None
    return countries.government_of(country) if target == "government" else countries.state_of(country)


def fit_collective(actor: Actor, description: Description, constraint: Constraint) -> bool:
    """A plural group actor for "the officials", "the rebels"."""
    return actor.kind in ("group", "anonymous", "organization") and role_fits(actor, description, constraint)
