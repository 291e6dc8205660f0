"""Coreference by description ("the leader", "both leaders", "the two nations", "his country"),
and the discourse entities the pass keeps (see :mod:`newsgraph.nlp.components.coref`).

``DescriptionMixin`` holds the description rules of ``CorefPass``; it reads the pass's state
(declared below) and is not used on its own.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsgraph.nlp import coref_rules as rules
from newsgraph.nlp.coref_rules import Constraint, Description, Referent
from newsgraph.records import Actor

Key = tuple[str, ...]


@dataclass(slots=True, eq=False)
class Entity:
    """A discourse referent in the candidate pool: an actor, a group of actors, or a non-actor NP."""

    key: Key
    referents: tuple[Referent, ...]  # one for an actor; several for a group; none for a non-actor NP
    plural: bool
    person: bool
    animate: bool
    gender: str | None = None
    speaker: bool = False  # has been the subject of a verb of saying, or "according to" it
    base: float = 0.0  # salience carried over from earlier sentences
    current: float = 0.0  # the strongest mention in its latest sentence (Lappin & Leass count a factor once)
    sent: int = 0
    para: int = 0
    token: int = -1
    verb: int = -1
    role: str = "other"

    def score(self, sent: int) -> float:
        return (self.base + self.current) * 0.5 ** (sent - self.sent)


def actor_key(actor: Actor) -> Key:
    if actor.kind == "state" and actor.country:
        return ("state", actor.country)
    return (actor.kind, actor.name.lower())


class DescriptionMixin:
    """Definite and plural descriptions, resolved against the pass's candidate pool."""

    doc: Doc
    parsed: bool
    covered: list[bool]
    pool: dict[Key, Entity]
    registry: OrderedDict[Key, Entity]
    sent: int
    head_memory: dict[str, Key]
    countries: rules.CountryIndex
    unresolved: dict[int, int]

    def emit_referents(self, start: int, end: int, referents: list[Referent]) -> Entity | None:
        raise NotImplementedError

    # --- descriptions -----------------------------------------------------------------------------

    def _description(self, token: Token) -> int:
        """"the leader", "the North Korean leader", "both leaders", "the two nations", "the officials"."""
        head = token.head
        if not self.parsed or token.dep_ not in ("det", "predet", "preconj") or not 0 < head.i - token.i <= 5:
            return 0
        lemma = head.lemma_.lower()
        description = rules.DESCRIPTIONS.get(lemma)
        if description is None or head.pos_ not in ("NOUN", "PROPN"):
            return 0
        if head.dep_ in ("compound", "attr", "appos"):
            return 0  # a modifier or a predicate, not a referring phrase
        modifiers = self.doc[token.i + 1 : head.i]
        if any(self.covered[i] for i in range(token.i, head.i + 1)) or any(
            m.pos_ not in ("ADJ", "NUM", "NOUN", "PROPN", "ADV", "PUNCT") for m in modifiers
        ):
            return 0
        if rules.is_restricted(head):
            return 0  # "the leader of X", "the home secretary, Sajid Javid": someone new, for the ruler
        nxt = self.doc[head.i + 1] if head.i + 1 < len(self.doc) else None
        if nxt is not None and nxt.pos_ == "PROPN" and nxt.is_title:
            return 0  # "the president Vladimir Putin": a title, not a description
        plural = rules.is_plural(head)
        if not plural and (lemma in rules.PLURAL_ONLY or token.lower_ == "both"):
            return 0
        count = rules.NUMBER_WORDS.get(token.lower_)
        for word in modifiers:
            count = rules.NUMBER_WORDS.get(word.lower_, count) if word.like_num else count
        constraint = Constraint(
            country=" ".join(
                m.text for m in modifiers if (m.is_title or m.is_upper) and m.pos_ in ("ADJ", "PROPN")
            ),
            offices=tuple(
                m.lower_ for m in modifiers if m.lower_ in rules.OFFICE_MODIFIERS or m.dep_ == "compound"
            ),
        )
        if plural and description.collective:
            referents = self._collective(description, constraint)
        elif plural:
            referents = self._several(description, constraint, count)
        else:
            referents = self._single(description, constraint, head)
        if not referents:
            return 0
        self.emit_referents(token.i, head.i + 1, referents)
        return head.i + 1

    def _fit(
        self, referent: Referent, description: Description, constraint: Constraint, derived: bool
    ) -> Referent | None:
        actor = rules.fit(referent.actor, description, constraint, self.countries, derived=derived)
        return Referent(actor, referent.antecedent) if actor is not None else None

    def _ranked(self) -> list[Entity]:
        return sorted(self.pool.values(), key=lambda e: (e.score(self.sent), e.token), reverse=True)

    def _single(self, description: Description, constraint: Constraint, head: Token) -> list[Referent]:
        lemma = head.lemma_.lower()
        ranked = self._ranked()
        remembered = self.pool.get(self.head_memory.get(lemma, ()))
        if remembered is not None:  # "the regime … the regime": the same head keeps its referent
            ranked.insert(0, remembered)
        same_noun = self.pool.get(("thing", lemma))  # "a small country … the country": repetition wins
        above = {a.i for a in head.ancestors}
        for derived in (False, True):
            for entity in ranked:
                if entity.plural or len(entity.referents) != 1:
                    continue
                if not derived and entity.sent == self.sent and self._commands(entity, above):
                    continue
                referent = self._fit(entity.referents[0], description, constraint, derived)
                if referent is not None:
                    if same_noun is not None and same_noun.token > entity.token and not same_noun.plural:
                        return []
                    self.head_memory[lemma] = actor_key(referent.actor)
                    return [referent]
        if description.target == "group":
            # "broke up a terrorist cell … the group was making bombs": the last singular phrase before
            # that is no actor here; open_actors may make it one (a group), and the head joins it
            phrases = [e for e in ranked if not e.referents and not e.plural and e.sent < self.sent]
            phrase = next((e for e in phrases if e.key[-1].split()[-1] in rules.GROUP_HEADS),
                          phrases[0] if phrases else None)
            if phrase is not None:
                self.unresolved[head.i] = phrase.token
            return []
        if description.target == "person" and description.roles:
            # Out of the window: still resolvable if exactly one known person holds that office.
            holders = [
                referent for entity in self.registry.values()
                if entity.referents[0].actor.role
                and (referent := self._fit(entity.referents[0], description, constraint, False)) is not None
            ]
            if len(holders) == 1:
                return holders
        return []

    def _commands(self, entity: Entity, above: set[int]) -> bool:
        """The entity's last mention governs the description, which then names someone else:
        "the UAE reopened talks with the regime", "the US presence in the country"."""
        if entity.role == "subj" and entity.verb in above:
            # … but a speaker may describe itself in what it says: "Chile said the country would sign".
            return self.doc[entity.verb].lemma_.lower() not in rules.COMMUNICATION_VERBS
        mention = self.doc[entity.token]
        return mention.dep_ in ("poss", "compound") and mention.head.i in above

    def _several(self, description: Description, constraint: Constraint, count: int | None) -> list[Referent]:
        for entity in self._ranked():  # a plural antecedent first: "Mr Putin and Mr Kim … the two nations"
            if entity.plural and len(entity.referents) > 1:
                mapped = self._fit_all(entity.referents, description, constraint)
                if mapped and len(mapped) >= 2 and count in (None, len(mapped)):
                    return mapped
        found: list[Referent] = []  # else the most recent distinct actors that fit, across the whole text
        seen: set[Key] = set()
        for entity in reversed(self.registry.values()):
            referent = self._fit(entity.referents[0], description, constraint, True)
            if referent is not None and actor_key(referent.actor) not in seen:
                seen.add(actor_key(referent.actor))
                found.append(referent)
                if len(found) == (count or 2):
                    return found
        return []

    def _fit_all(
        self, referents: tuple[Referent, ...], description: Description, constraint: Constraint
    ) -> list[Referent] | None:
        mapped: dict[Key, Referent] = {}
        for referent in referents:
            fitted = self._fit(referent, description, constraint, True)
            if fitted is None:
                return None
            mapped.setdefault(actor_key(fitted.actor), fitted)
        return list(mapped.values())

    def _collective(self, description: Description, constraint: Constraint) -> list[Referent]:
        for entity in self._ranked():
            if entity.plural and len(entity.referents) == 1:
                referent = entity.referents[0]
                if rules.fit_collective(referent.actor, description, constraint):
                    return [referent]
        return []

    def _possessed(self, token: Token, referents: list[Referent]) -> int:
        """"his country", "their governments": the possessor's state, on the whole noun phrase."""
        head = token.head
        target = rules.POSSESSED_STATE.get(head.lemma_.lower())
        if target is None or not 0 < head.i - token.i <= 4 or any(
            self.covered[i] for i in range(token.i, head.i + 1)
        ):
            return 0
        description = Description(target=target)
        mapped = self._fit_all(tuple(referents), description, Constraint())
        if not mapped:
            return 0
        self.emit_referents(token.i, head.i + 1, mapped)
        return head.i + 1
