"""Look up the actor mentions (from ``newsgraph_actor_ruler`` and ``newsgraph_coref``) at a token."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.tokens import Doc, Token

from newsgraph.extract.lexicon import word_list
from newsgraph.extract.roles import counted, pobjs
from newsgraph.nlp.gazetteer import country_adjective
from newsgraph.records import Actor, ActorMention

# Modifiers of an argument's head noun that can carry its identity ("the Russian military").
IDENTITY_MODIFIERS = ("compound", "amod", "poss", "nmod", "appos")  # appos: "Romeu, director of X"


class MentionIndex:
    """Actor mentions of one Doc, indexed by token."""

    def __init__(self, doc: Doc) -> None:
        mentions: list[ActorMention] = list(doc._.actor_mentions or [])
        self._by_token: dict[int, list[ActorMention]] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self._by_token.setdefault(i, []).append(m)

    def at(self, token: Token) -> list[ActorMention]:
        """Mentions covering the token (the longest first); several when they share a span."""
        found = self._by_token.get(token.i, [])
        if len(found) <= 1:
            return found
        longest = max(m.end - m.start for m in found)
        return [m for m in found if m.end - m.start == longest]

    def of_argument(self, head: Token) -> list[ActorMention]:
        """The actors an argument's head noun stands for, looking at its identity modifiers if needed."""
        found = self.at(head)
        if found:
            return [self._represented(head, m) for m in found] + self._shared_office(head, found[0])
        kin = self._kin(head)
        if kin is not None:
            return [kin]
        # "its neighbours", "Russia's allies": a relational noun's possessor is the other party
        counterpart = head.lemma_.lower() in word_list("counterpart_nouns")
        for child in head.children:
            if child.dep_ in IDENTITY_MODIFIERS and not (counterpart and child.dep_ == "poss"):
                found = self.at(child)
                if found:
                    return found
        for obj in counted(head):  # "hundreds of troops", "members of the opposition"
            found = self.of_argument(obj)
            if found:
                return found
        # "European countries, including the UK", "states such as Peru": each named member (not "IS
        # members, including two women": people described, not named)
        named = [m for p in pobjs(head, ("including",)) + self._such_as(head) for m in self.at(p)
                 if m.via != "role-noun"]
        if named:
            return unique_actors(named)
        return []

    def _kin(self, head: Token) -> ActorMention | None:
        """"her son", "Jones's family": a blood relative of a person, taken to share the person's
        country (word list ``kin_nouns``), as a person of its own; with no country yet, the actor
        context places it as it places the person. A spouse ("her husband", word list ``spouse_nouns``)
        is a person of its own too, but of no country from the person's: spouses often differ."""
        lemma = head.lemma_.lower()
        blood = lemma in word_list("kin_nouns")
        if not blood and lemma not in word_list("spouse_nouns"):
            return None
        if any(c.dep_ == "appos" and any(m.actor.kind == "person" for m in self.at(c)) for c in head.children):
            return None  # "her husband, Juan Perez,": the named person is the mention
        owners = [c for c in head.children if c.dep_ == "poss"] or pobjs(head, ("of",))  # "the parents of Perez"
        for owner in owners[:1]:
            person = next((m for m in self.at(owner) if m.actor.kind == "person"), None)
            if person is None:
                return None
            first, last = (owner, head) if owner.i < head.i else (head.left_edge, owner)
            text = head.doc[first.i : last.i + 1].text
            back = person.antecedent if person.antecedent is not None else person.start_char
            return ActorMention(start=first.i, end=last.i + 1, start_char=first.idx, end_char=last.idx + len(last),
                                text=text, actor=Actor(name=text, kind="person",
                                                       country=person.actor.country if blood else None),
                                via="kin", antecedent=back)
        return None

    @staticmethod
    def _such_as(head: Token) -> list[Token]:
        """"countries such as Peru and Chile": the named examples."""
        such = any(p.dep_ == "prep" and p.lower_ == "as" and any(c.lower_ == "such" for c in p.children)
                   for p in head.children)
        return pobjs(head, ("as",)) if such else []

    def _represented(self, head: Token, mention: ActorMention) -> ActorMention:
        """"a spokesman for the Chilean president", "an adviser to the ministry": a speaker or agent
        with no country of its own speaks for whom its for/to/of-phrase names (word list
        ``representative_nouns``)."""
        actor = mention.actor
        if actor.country is not None or mention.via != "role-noun" or (
                head.lemma_.lower() not in word_list("representative_nouns")):
            return mention
        for obj in pobjs(head, ("for", "to", "of")):
            country = next((m.actor.country for m in self.of_argument(obj) if m.actor.country), None)
            if country is not None:
                return replace(mention, actor=replace(actor, country=country))
        return mention

    def _shared_office(self, head: Token, mention: ActorMention) -> list[ActorMention]:
        """"the leaders of the UK and US", "the foreign ministers of Egypt and Jordan": the office
        of each state coordinated in the "of"-phrase (the ruler's mention covers the first only)."""
        actor = mention.actor
        if head.tag_ not in ("NNS", "NNPS") or mention.via not in ("role", "role-noun") or not actor.role:
            return []
        out: list[ActorMention] = []
        for prep in head.children:  # "the leaders of the UK and US", "leaders from the US and China"
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                for conj in obj.conjuncts:
                    for state in (m for m in self.at(conj) if m.actor.kind == "state" and m.actor.country):
                        iso3 = state.actor.country or ""
                        adjective = country_adjective(iso3) or iso3
                        out.append(replace(state, via="role", actor=replace(
                            actor, name=f"{adjective} {_plural_role(actor.role)}", country=iso3, wikidata=None)))
        return out

    def in_subtree(self, head: Token, keep: Callable[[ActorMention], bool] = lambda m: True) -> list[ActorMention]:
        """The first actors mentioned inside the phrase that ``keep`` accepts ("a port where
        naval ships from Russia's fleet dock": with a country, Russia)."""
        for tok in head.subtree:
            found = [m for m in self.at(tok) if keep(m)]
            if found:
                return found
        return []


def unique_actors(mentions: Iterable[ActorMention]) -> list[ActorMention]:
    """Mentions with duplicates of one identity removed, in order."""
    seen: set[tuple[str, str | None]] = set()
    out: list[ActorMention] = []
    for m in mentions:
        key = identity(m.actor)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def identity(actor: Actor) -> tuple[str, str | None]:
    return (actor.name, actor.country)


def _plural_role(role: str) -> str:
    return role if role.endswith("s") else role + "s"
