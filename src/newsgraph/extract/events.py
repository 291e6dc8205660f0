"""Event mentions of one article: triggers → roles → actors, items, status, attribution.

``extract_events(doc, article)`` is a pure function of the parsed Doc (with its actor
mentions) and the Article: the same text and code always give the same events and ids.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsgraph.extract.attribution import (
    FIRST_PERSON,
    QUOTE_CHARS,
    REPORTING_VERBS,
    AttributionFinder,
    fill_anonymous_countries,
)
from newsgraph.extract.claims import DASHES, extract_claims
from newsgraph.extract.confidence import rescore
from newsgraph.extract.context import ActorContext, proper_phrase, state_actor, state_mention
from newsgraph.extract.exchanges import TRANSFER_TYPES, exchange_object, link_exchanges
from newsgraph.extract.items import item_phrases
from newsgraph.extract.lexicon import (
    Trigger,
    agreed_in,
    answers_accusation,
    aux_form,
    called_as,
    trigger_for,
    type_values,
    types_where,
    word_forms,
    word_list,
)
from newsgraph.extract.locations import locate, place_of_phrase
from newsgraph.extract.mentions import MentionIndex, identity, unique_actors
from newsgraph.extract.places import resolve_place
from newsgraph.extract.roles import (
    UNDERGOING_VERBS,
    Roles,
    agents,
    children,
    condition_subjects,
    expand,
    is_passive,
    objects,
    pobjs,
    read_roles,
    subjects,
)
from newsgraph.extract.senses import Reading, check
from newsgraph.extract.status import (
    ASSERTED,
    GOVERNING_NOUNS,
    HYPOTHETICAL,
    NEGATED,
    PLANNED,
    POSSIBLE,
    REQUESTED,
    halts,
    has_condition,
    has_object,
    is_ahead_of,
    is_condition,
    is_for_clause,
    leaves_open,
    status_of,
)
from newsgraph.extract.timex import FUTURE, Timex, find_timexes, governing_timex, resolve_timex
from newsgraph.records import Actor, ActorMention, Article, Claim, ClaimSource, Event, Item, Place, TimeValue
from newsgraph.records import Span as TextSpan

# Events still to come: their bare weekdays and months are the coming ones.
FORWARD_STATUSES = frozenset({PLANNED, REQUESTED})
# Per-type properties from data/lexicon/types.tsv: types whose records need a recipient or an
# item; types an event noun with several owners names as done together; types whose target,
# when none is named, is the state they are held in.
NEEDS_RECIPIENT = types_where("recipient", "required")
MUTUAL_TYPES = types_where("mutual", "yes")
HOSTED_TYPES = types_where("hosted", "yes")
BENEFICIARY_TYPES = types_where("beneficiary", "yes")
THREAT_MODES = type_values("threat")  # coercive act type → the mode of the threat it makes
CROWD_TYPES = types_where("crowd", "yes")  # types whose unnamed doers are the people of the place
AUTHORITY_MODES = type_values("authority")  # type → "yes" or the modes whose unnamed doers are the authorities
PROMISED_AS = type_values("promise")  # act type → the verbal act its promise makes (RETREAT → CONCEDE)
GIVING_FRAMES = ("transfer", "direct")  # a verb of giving or helping (not receiving, not a noun)
REFUSED_AS = type_values("refusal")  # act type → the verbal act its own side declaring it will not happen makes
STOPPED_AS = type_values("stopped")  # act type → what its own doer halting it makes ("RETREAT/disarm")
# Claim cues that report what someone says (events inside take them as attribution), beside the
# reporting verbs: "according to", a speaker's colon or dash signature, verbs of saying with a phrase.
ATTRIBUTING_CUES = REPORTING_VERBS | DASHES | {"according to", ":", "ask", "call", "cite", "blame", "accuse",
                                              "describe", "condemn", "denounce", "charge", "recall", "reply"}
OWN_SIDE_WORDS = FIRST_PERSON | {"our", "my", "ourselves", "myself"}
HOSTILE_TYPES = types_where("hostile", "yes")  # acts a claim of accuses their doer
OBLIGING = word_list("obliging_modals")
# What halting a hostile act makes (RETREAT, CONCEDE): a verb of such a type ("lifted the sanctions")
# says the halt alone.
DEESCALATIONS = frozenset(STOPPED_AS[t].partition("/")[0] for t in types_where("hostile", "yes") if t in STOPPED_AS)
COUNTED_TYPES = types_where("counted", "yes")  # a bare count undergoing it is people
# Events where nothing changes hands: their objects are topics, not items.
NO_ITEM_TYPES = types_where("items", "no")
# Nouns hanging from another trigger by these prepositions are its topic, not a second event.
TOPIC_PREPS = frozenset({"on", "about", "over", "of", "for", "regarding", "concerning", "with"})
THEME_DEPS = frozenset({"dobj", "attr", "nsubjpass", "dative", "oprd"})
# Common nouns that name somewhere a visit can go ("the port of X", "a base near X").
PLACE_NOUNS = word_list("place_nouns")
# Types whose object may be a place standing for its state ("shelled Kharkiv").
PLACE_TARGET_TYPES = types_where("place_target", "yes")
# what a proper name naming an act is when it is no place ("the Ramadan attack", "the Tet offensive");
# the small model calls unfamiliar towns an organisation, a nationality or a product as often as a place
UNPLACED_ENTS = frozenset({"DATE", "TIME", "EVENT", "PERSON", "WORK_OF_ART", "LAW", "LANGUAGE"})
NEAR_PREPS = ("in", "near", "outside")  # where a thing attacked lies
CIRCUMSTANCE_PREPS = frozenset({"in", "on", "at", "during", "after", "before", "since", "amid", "while"})
FREED_MODES = frozenset({"release"})  # RETREAT modes whose theme (the people freed) is the target
# Types whose act is aimed at no one an if-clause names ("will resign if X wins", "will visit if invited").
UNAIMED_TYPES = types_where("conditional", "unaimed")
# Reports that are acts towards whoever their content is about ("X warned that Y was arming Z").
CONTENT_SPEECH_ACTS = types_where("about", "yes")
# Types whose target, when they have none, is the target of the act in their content ("threatened
# to impose tariffs on X").
AIMED_BY_CONTENT = types_where("content_target", "yes")
# Types whose object may be an act, whose other side is then the event's target ("threatened
# sanctions against X", "ruled out talks with X").
ACT_OBJECT_TYPES = types_where("act_object", "yes")
# A warning that something is happening is an allegation (ACCUSE); warning someone (not) to act is THREATEN.
WARNING_VERBS = word_list("warning_verbs")
ABOUT_PREPS = ("about", "over", "of")
# Types whose requested/agreed content lives in a clausal complement ("wants X to send Y").
COMPLEMENT_TYPES = types_where("complement", "yes")


def _private_person(actor: Actor) -> bool:
    """A person or people with no public office: no sector or a private one (a named fighter, a
    volunteer, a nurse, a teenager, tourists)."""
    if actor.kind == "group":
        return actor.sector is not None and actor.sector not in word_list("public_sectors")
    if actor.kind not in ("person", "anonymous"):
        return False
    return actor.role is None if actor.sector is None else actor.sector not in word_list("public_sectors")


def _named_place_noun(noun: Token) -> bool:
    """A place noun with the place's name after "of" ("the village of Tacna", "the port of Ilo")."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in PLACE_NOUNS and any(
        o.pos_ == "PROPN" for o in pobjs(noun, ("of",)))


def _names_somewhere(tok: Token) -> bool:
    return tok.pos_ == "PROPN" or tok.lemma_.lower() in PLACE_NOUNS


def _is_topic_or_theme(noun: Token) -> bool:
    """A nominal trigger that is the object or topic of another trigger is not an event of its own."""
    head = noun.head
    if head == noun:
        return False
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.i < noun.i and (
            head.head.pos_ == "NUM" or head.head.lemma_.lower() in word_list("partitives")):
        return _is_topic_or_theme(head.head)  # "convicted on five of the eleven charges": as "on the charges"
    asker = head.head if noun.dep_ == "pobj" and head.lower_ == "for" else head if noun.dep_ == "dobj" else None
    if asker is not None and (asking := trigger_for(asker)) is not None and asking.type == "REQUEST" and (
            (own := trigger_for(noun)) is not None and own.type != "REQUEST"):
        return False  # "called for the release of X", "demanded a withdrawal": the act asked for, requested
    if noun.dep_ in THEME_DEPS and (governing := trigger_for(head)) is not None:
        if governing.type == "AID" and (governing.frame == "acquire" or head.lemma_.lower() in word_list(
                "act_giving_verbs")) and (own := trigger_for(noun)) is not None and own.type != "AID":
            return False  # "received threats / a request from X", "gave concessions to X": the act itself
        if answers_accusation(noun, head) and (children(noun, "poss") or pobjs(noun, ("by", "from"))):
            return False  # "rejected Peru's accusations", "denied an allegation by X": X accused the denier
        if head.lemma_.lower() in word_list("authorizing_verbs") and not children(noun, "poss"):
            return False  # "approved the sale of jets to Turkey": its own act, decided (not "approved Peru's bid")
        if head.lemma_.lower() in word_list("furthering_verbs") and trigger_for(noun) is not None:
            return False  # "increased the violence", "resumed talks", "set up a joint venture": the act itself
        return not _halted_by(noun, head, governing)
    if agreed_in(noun) is not None:
        return False  # "an agreement on military cooperation": what is agreed is its own act, planned
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in TOPIC_PREPS:
        governor = head.head
        return governor != noun and trigger_for(governor) is not None
    if noun.dep_ == "conj":
        return _is_topic_or_theme(head)
    return False


def _halted_by(noun: Token, verb: Token, verb_trigger: Trigger) -> bool:
    """"suspended its sanctions", "cancelled the strike": an act halted by a verb that is a trigger of
    another kind is an event of its own (its doer's halting it is a de-escalation, ``halt``); a verb
    that is itself a de-escalation ("lifted the sanctions") says it alone."""
    own = trigger_for(noun)
    return (own is not None and own.type in STOPPED_AS and not _says_halt(verb, verb_trigger, own.type)
            and halts(verb))


def _says_halt(verb: Token, verb_trigger: Trigger, act_type: str) -> bool:
    """The halting verb's own event says the halt alone: a de-escalation ("lifted the sanctions") or
    the very type halting the act makes ("suspended aid to X": SANCTION), unless the sense checks drop
    that reading ("halted the offensive" is no halt of one's own work)."""
    says = verb_trigger.type in DEESCALATIONS or verb_trigger.type == STOPPED_AS[act_type].partition("/")[0]
    return says and not _sense_dropped(verb, verb_trigger)


def _sense_dropped(tok: Token, trig: Trigger) -> bool:
    """The sense checks drop the trigger's own reading on its roles alone ("halted the offensive":
    halting an act is no halt of one's own work), so it says nothing of its own. The sides are not
    resolved here, so a row that asks for a missing source or recipient ("SUPPORT * !source") would
    drop too: fit for the halting verbs' rows, which read words only, not as a general test."""
    verdict = check(Reading(token=tok, lemma=trig.lemma, type=trig.type, frame=trig.frame,
                            roles=read_roles(tok, trig.frame), source=(), target=(), symmetric=False, somewhere=False))
    return verdict is not None and verdict.drop


def _is_report_only(tok: Token, trig: Trigger) -> bool:
    """"X warned that …", "X denied that …": a report with content but no addressee."""
    if tok.lemma_.lower() not in REPORTING_VERBS or trig.pos != "VERB" or "mandate" in trig.preps:
        return False  # "insisted that X withdraw": the subjunctive asks for the act
    has_content = any(c.dep_ in ("ccomp", "parataxis") for c in tok.children) or bool(pobjs(tok, ABOUT_PREPS))
    has_addressee = any(c.dep_ in ("dobj", "dative", "nsubjpass") for c in tok.children)
    return has_content and not has_addressee


def _complement(tok: Token) -> Token | None:
    """The verb's clausal complement, or a small clause with no verb ("hold Peru responsible",
    parsed as an adjective with its own subject)."""
    for c in tok.children:
        if (c.dep_ in ("xcomp", "ccomp") or is_for_clause(c)) and c.pos_ in ("VERB", "AUX"):
            return c
        if c.dep_ == "ccomp" and c.pos_ == "ADJ" and any(g.dep_ == "nsubj" for g in c.children):
            return c
    return None


def _actors(tokens: tuple[Token, ...], index: MentionIndex) -> list[ActorMention]:
    out: list[ActorMention] = []
    for tok in tokens:
        found = index.of_argument(tok)
        out.extend(found)
        covered = {m.actor.country or m.actor.name for m in found}
        for m in found:  # coordination hanging on another word of the name ("Barack Obama and X")
            for word in tok.doc[m.start : m.end]:
                if word.i != tok.i:
                    out.extend(a for c in word.conjuncts if not m.start <= c.i < m.end for a in index.of_argument(c)
                               if (a.actor.country or a.actor.name) not in covered)
    return unique_actors(out)


def _non_actor_items(tokens: tuple[Token, ...] | list[Token], index: MentionIndex) -> list[Item]:
    items: list[Item] = []
    for tok in tokens:
        if tok.pos_ not in ("NOUN", "PROPN") and not (tok.pos_ == "NUM" and tok.ent_type_ == "MONEY"):
            continue  # a sum is a thing given ("provided $10 million in aid": the tagger makes "million" a number)
        # a role noun in a theme is what is sent ("sent 300 fighters"), not an actor; a thing named by
        # its maker or model ("Leopard tanks", "Boeing jets") is a thing, though the name is tagged
        if all(m.via == "role-noun" for m in index.of_argument(tok)) or (
                tok.pos_ == "NOUN" and not index.at(tok) and _maker_named(tok)):
            items.extend(item_phrases(tok))
    return items


def _maker_named(noun: Token) -> bool:
    """A common noun of the items lexicon whose name-like modifiers are compounds ("Leopard tanks",
    "Shahed drones"), not an owner's possessive or a state ("Russia's tanks", "Turkish drones", "US jets")."""
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in noun.children) and not any(
        c.dep_ in ("poss", "amod", "compound") and c.ent_type_ in ("GPE", "NORP") for c in noun.children)



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


def _quoted_by(speaker: Token, word: Token) -> bool:
    """The word stands inside a quotation of the speaker's: a quotation mark lies between the
    speaker's reporting verb and the word ('"I will go," she said'; not "she said I will go")."""
    verb = speaker.head.head if speaker.dep_ == "pobj" else speaker.head  # "was told by X"
    lo, hi = sorted((verb.i, word.i))
    return any(set(t.text) <= QUOTE_CHARS for t in word.doc[lo + 1 : hi])


def _place_compounds(noun: Token, index: MentionIndex) -> set[int]:
    """The words of the proper-noun compounds of an act noun that name a city or a facility ("the
    Paris attacks", "the Manchester Arena bombing": the whole name, also where the tagger takes it for
    a person), not an actor the tables know ("the Hamas attack")."""
    return {t.i for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN" and not any(
        m.via in ("lexicon", "dictionary") for m in index.at(c)) and (
        c.ent_type_ in ("FAC", "LOC") or c.lower_ in word_list("venue_words")
        or ((p := resolve_place(c.text)) is not None and p.kind == "city")) for t in c.subtree}


def _judges(word: Token, accusation: Event) -> bool:
    """The condemning word is said of the accusation's own noun: it modifies it ("baseless
    allegations") or is predicated of it ("Moscow's accusation is ludicrous")."""
    noun = next((t for t in word.sent if t.idx == accusation.trigger.start and t.pos_ == "NOUN"), None)
    if noun is None:
        return False
    if word.dep_ == "amod" and word.head.i == noun.i:
        return True
    return noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i in (word.i, word.head.i)


class _Builder:
    def __init__(self, doc: Doc, article: Article) -> None:
        self.doc = doc
        self.article = article
        self.index = MentionIndex(doc)
        self.claims = AttributionFinder(self.index)
        self.text_hash = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        self._timexes: list[Timex] | None = None  # found at the first event, so never for an article without one
        self.context = ActorContext(doc, self.index, article.published)
        self._evidence: dict[tuple[int, int], TextSpan] = {}  # one text per sentence, however many events

    def evidence(self, sent: Span) -> TextSpan:
        key = (sent.start, sent.end)
        found = self._evidence.get(key)
        if found is None:
            found = self._evidence[key] = TextSpan(start=sent.start_char, end=sent.end_char, text=sent.text)
        return found

    def time_of(self, tok: Token, status: str) -> TimeValue | None:
        """The temporal expression governing the trigger; a bare weekday or month of a planned
        or requested event is the coming one."""
        if self._timexes is None:
            self._timexes = find_timexes(self.doc, self.article.published)
        timex = governing_timex(tok, self._timexes)
        if timex is None or timex.type not in ("date", "time"):
            return None
        if status in FORWARD_STATUSES and timex.direction is not None and timex.direction != FUTURE:
            timex = resolve_timex(timex, self.article.published, direction=FUTURE)
        return timex.to_time_value()

    def event_id(self, tok: Token, event_type: str) -> str:
        key = f"{self.article.id}\0{self.text_hash}\0{tok.idx}:{tok.idx + len(tok)}\0{event_type}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]

    def destination(self, roles: Roles) -> tuple[list[ActorMention], Place | None]:
        """The host state of a visit and the place visited: a state or seat of government, a
        city from the gazetteer, else the first state named in the place's description."""
        for dest in roles.destination:
            states = [m for m in self.index.of_argument(dest) if m.actor.kind == "state" or m.via == "seat"]
            place = resolve_place(proper_phrase(dest)) if dest.pos_ == "PROPN" else None
            if place is not None and place.country:
                if not states:
                    states = [state_mention(dest, place.country)]
                return states, place
            if states:
                return states, None
        for dest in roles.destination:
            if not _names_somewhere(dest):
                continue  # "go to great lengths", "went to war": not somewhere
            place = place_of_phrase(dest)  # "the port of Tartus, where Russia's fleet docks": Syria
            if place is not None and place.country:
                words = place.text.split() if place.text else []  # written at the place's words
                at = next((t for t in dest.subtree if words and t.text == words[0]), None)  # ("the summit in La Paz")
                written = state_mention(at, place.country, words=len(words)) if at is not None else state_mention(
                    dest, place.country)
                return [written], place
            for mod in dest.children:  # "the Beijing Olympics", "the Munich Security Conference": the host city
                host = resolve_place(mod.text) if mod.dep_ == "compound" and mod.pos_ == "PROPN" else None
                if host is not None and host.country and host.kind == "city":
                    return [state_mention(dest, host.country)], host
            found = self.index.in_subtree(dest, lambda m: m.actor.country is not None)
            if found:
                return [state_mention(dest, found[0].actor.country or "", found[0])], None
        return [], None

    def resolve(
        self, tok: Token, trig: Trigger, roles: Roles
    ) -> tuple[list[ActorMention], list[ActorMention], bool, Place | None]:
        source = self.context.with_members(_actors(roles.source, self.index) or self.authors(roles.source))
        target = self.context.with_members(_actors(roles.target, self.index))
        place: Place | None = None
        if roles.destination and not target:
            target, place = self.destination(roles)
        if trig.mode == "visit":  # a trip within one's own country visits no state: "the PM's visit to Quetta"
            own = {m.actor.country for m in source if m.actor.country}
            target = [m for m in target if not _home_place(m, own)]
        if not target and trig.type in COUNTED_TYPES:  # "at least 21 were killed", "released 12"
            target = self.context.counted((*roles.target, *roles.theme))
        if trig.type in PLACE_TARGET_TYPES:  # "shelled Kharkiv" with the city tagged as an organisation
            target = [m if tok.doc[m.end - 1].dep_ == "poss" else _city_as_state(m) for m in target]  # not
            # "revoked Zamora's house arrest": a possessor is a holder, not a town
        if trig.type in PLACE_TARGET_TYPES and trig.frame in ("direct", "nominal") and (
                not target or all(_named_place_noun(tok.doc[m.end - 1]) for m in target)):
            # "the village of Tacna": the named place, not the villagers the noun alone would stand for
            found, where = self.attacked_place(roles.target, tok)
            if found or not target:
                target, place = found, where
        if trig.type in PLACE_TARGET_TYPES and trig.frame == "nominal" and not target:
            # "the Raqqa offensive", "the Arica strikes": a town or region naming the act is where it is
            # aimed (a state or a group naming it is its doer: "the Ukraine offensive", "Hamas attacks")
            named = tuple(c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and (
                c.ent_type_ not in UNPLACED_ENTS))  # not "the Ramadan attack": a time
            found, where = self.attacked_place(named, tok, naming=True)
            if found:
                target, place = found, where
                source = [m for m in source if not any(m.start <= c.i < m.end for c in named)]
        by_complement = trig.frame in ("direct", "transfer") or trig.type in COMPLEMENT_TYPES
        if not target and trig.type != "AGREE" and by_complement:
            # "demanded that X withdraw", "threatened that X would pay": X is the target; but
            # "agreed that X had done" is about X, and "pledged that our forces would stay" is no one
            countries = {m.actor.country for m in source}
            target = [m for m in self.complement_subject(tok) if m.actor.country not in countries]
        if trig.pos == "NOUN" and trig.type in BENEFICIARY_TYPES and not target:  # "support for Ukraine",
            light = tok.head if tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else None
            heads = (tok, tok.head) if light is not None and light.lemma_.lower() in (
                word_list("authorizing_verbs") | word_list("performing_verbs")) else (tok,)
            target = _actors(tuple(o for h in heads for o in pobjs(h, ("for",))), self.index)  # "approved aid for X"
        if trig.type in NEEDS_RECIPIENT and trig.frame == "nominal" and not target:
            # "a tariff on all wines coming out of France", "sanctions on firms from Iran": whose goods
            bears = [o for head in (tok, tok.head) for o in pobjs(head, ("on", "against"))]
            target = next((found for o in bears
                           if (found := self.index.in_subtree(o, lambda m: m.actor.kind == "state"))), [])
        if trig.type in CONTENT_SPEECH_ACTS and trig.frame == "nominal" and not target:
            # "concern over Peru's buildup", "criticism about X's role": whom the content is about
            # (not where it happened: "an investigation of the attack in Lima" is about no one)
            doc = tok.doc
            target = next((found for o in pobjs(tok, ABOUT_PREPS) if (found := self.index.in_subtree(
                o, lambda m: not (doc[m.start].dep_ == "pobj" and doc[m.start].head.lower_ in NEAR_PREPS)))), [])
        if (trig.type == "ASSAULT" or trig.mode == "weapons") and not target:
            # "fired tear gas at protesters", "opened fire on X", "launched missiles at X"
            target = _actors(tuple(pobjs(tok, ("at", "on", "against", "into"))), self.index)
        if trig.type == "REQUEST" and not target:  # "demanded drones from Iran"
            asked = [tok, *objects(tok)]
            target = _actors(tuple(t for head in asked for t in pobjs(head, ("from",))), self.index)
        if trig.type == "REQUEST" and not target:
            # "called for the withdrawal of Russian troops", "urged Peru's release of X": who is to act
            acts = [*objects(tok), *pobjs(tok, ("for",))]
            doers = _actors(tuple(t for act in acts for t in (*children(act, "poss"), *pobjs(act, ("of",)))),
                            self.index)
            own = {c for m in source if (c := m.actor.country)}  # "demanded the return of its tankers": not Iran
            target = [m for m in doers if m.actor.country not in own]
        if trig.type == "REJECT" and not target:
            # "refused to meet the Chinese delegation", "declined to send aid to Syria": whom the
            # refused act would have been done to or with
            acts = [c for c in tok.children if c.dep_ == "xcomp"]
            own = {c for m in source if (c := m.actor.country)}
            parts = [t for act in acts for o in objects(act) for t in (o, *pobjs(o, ("with", "to")))]
            parts += [t for act in acts for t in pobjs(act, ("to", "with"))]
            target = [m for m in _actors(tuple(parts), self.index) if m.actor.country not in own]
        if trig.type == "RETREAT" and trig.mode == "withdraw" and not target:
            # "withdrew its troops from Syria", "the withdrawal of US troops from Iraq": whose ground is left
            # (also when a sense check makes it a SANCTION: "withdrew its ambassador / support from X")
            left = [o for head in (tok, *objects(tok), *pobjs(tok, ("of",))) for o in pobjs(head, ("from",))]
            target = _other_side(self.context.in_context(_actors(tuple(left), self.index), None), source)
            if not left and not target and source and all(m.actor.country for m in source) and (
                    word_forms(tuple(objects(tok))) <= word_list("forces")):
                # "US troops in Syria … an abrupt US withdrawal": the ground left is where the sentence
                # or one of the two before it is set (a default, marked so)
                own = {c for m in source if (c := m.actor.country)}
                setting = next((c for c in self.recent_settings(tok.sent) if c not in own), None)
                if setting:
                    target = [replace(state_mention(tok, setting), via="main-country")]
        if trig.type in ACT_OBJECT_TYPES and not target:
            target = self.act_counterparts(tok, trig.type, source)
        if trig.frame == "transfer" and not target:
            target = self.theme_recipient(tok, trig, roles)
        if not target and trig.mode in FREED_MODES:  # "Iran released two British sailors": whom it frees
            target = _actors(roles.theme, self.index)
        if not target and trig.type not in UNAIMED_TYPES:  # "if the US escalates, we will cut power"
            target = _actors(tuple(condition_subjects(tok)), self.index)
        participants = _actors(roles.participants, self.index)
        if participants:
            both = unique_actors(participants + source)
            if len({identity(m.actor) for m in both}) >= 2:
                return both, [], True, place
        # a host state that is one of the travellers ("Kim and Putin will attend a forum in
        # Vladivostok") is no recipient: the participants meet
        target = _other_side(target, source)
        if not target and trig.frame == "intransitive" and trig.lemma in word_list("leaving_verbs"):
            # "Peru left the OAS", "will quit Nato": the intergovernmental body left (other places
            # and things left are no side: "the minister left Lima")
            left = objects(tok)
            target = [m for m in _actors(tuple(left), self.index) if m.actor.sector in word_list("igo_sectors")
                      and any(m.start <= o.i < m.end for o in left)]  # not "left the UN building"
        went_somewhere = trig.frame == "visit" and any(_names_somewhere(d) for d in roles.destination)
        mutual = trig.frame in ("encounter", "joint") or (trig.frame == "nominal" and trig.type in MUTUAL_TYPES)
        symmetric = (
            not target
            and (mutual or went_somewhere)
            and len({m.actor.country or m.actor.name for m in source}) >= 2
        )
        return source, target, symmetric, place

    def attacked_place(self, targets: Iterable[Token], tok: Token,
                       naming: bool = False) -> tuple[list[ActorMention], Place | None]:
        """"Russia bombed Aleppo", "Turkey encircled Afrin": a city or region attacked or seized
        stands for its state as the target, and is the event's place; so does the city something
        attacked lies in ("struck a power plant in Kharkiv", "hit a bakery in Sarajevo"). ``naming``:
        the words name the act's place ("the Raqqa offensive"), a place even when tagged as a group."""
        for obj in targets:
            named_after = naming
            if obj.pos_ == "NOUN" and obj.lemma_.lower() in PLACE_NOUNS:
                named = next(iter(pobjs(obj, ("of",))), None)  # "the enclave of Afrin", "the town of Tumbes"
                obj, named_after = (named, True) if named is not None else (obj, False)
            if obj.pos_ == "NOUN" and not self.index.of_argument(obj):
                obj = next(iter(pobjs(obj, NEAR_PREPS) or (pobjs(tok, NEAR_PREPS) if tok.pos_ == "VERB" else [])), obj)
                found = self.index.of_argument(obj)
                seat = next((c for m in found if m.via == "seat" and (c := m.actor.country)), None)
                if seat:  # "a bakery in Sarajevo": the capital is a place here, not its government
                    return [state_mention(obj, seat)], place_of_phrase(obj)
            known = self.index.of_argument(obj)
            if named_after:  # "the port of Odesa" with the name tagged as an organisation: a place still
                known = [m for m in known if m.actor.country or m.via != "ner"]
            if obj.pos_ != "PROPN" or known or (obj.dep_ == "poss" and obj.ent_type_ == "PERSON"):
                continue  # "revoked Zamora's house arrest": a holder the model calls a person, not the town Zamora
            if resolve_place(proper_phrase(obj)) is None:
                continue  # the whole name must be the place: "arrested Tomas Rivera Soto" is no town Rivera
            place = place_of_phrase(obj)
            if place is not None and place.country and place.kind in ("city", "region"):
                first = next((c for c in obj.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), obj)
                # a region of one state ("the Gaza Strip"), on all of its name's words ("Khan Sheikhun")
                return [state_mention(first, place.country, words=obj.i - first.i + 1)], place
        return [], None

    def complement_subject(self, tok: Token) -> list[ActorMention]:
        """"X wants Y to send", "X is helping Y build": Y, parsed as the subject of the complement;
        "welcomed the announcement that Y had agreed", "rejected claims that Y was arming Z": Y,
        the subject of the object's own clause."""
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        if objs:
            clauses = [c for o in objs for c in o.children if c.dep_ in ("acl", "ccomp") and
                       any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)]
        else:
            comp = _complement(tok)
            clauses = [comp] if comp is not None and (comp.dep_ == "ccomp" or is_for_clause(comp)) else []
        own = [c for clause in clauses for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        return _actors(tuple(own), self.index)

    def authors(self, tokens: tuple[Token, ...]) -> list[ActorMention]:
        """Who a document that acts speaks for ("a resolution calling for a probe", "the report
        urges"): its author named with it (a possessor, a by/from/of/in-phrase) or whoever passed,
        issued or adopted it (the subject of the verb it is the object of)."""
        out: list[ActorMention] = []
        for doc_noun in tokens:
            if doc_noun.lemma_.lower() not in word_list("documents"):
                continue
            named = [*children(doc_noun, "poss", "compound", "nmod", "amod"),  # "the UN Security Council resolution"
                     *pobjs(doc_noun, ("by", "from", "of", "in"))]
            found = _actors(tuple(named), self.index)
            if not found and doc_noun.dep_ == "dobj" and doc_noun.head.pos_ == "VERB":
                found = _actors(tuple(subjects(doc_noun.head)), self.index)
            out += found
        return out

    def recipient_place(self, tok: Token, source: list[ActorMention],
                        place: Place | None) -> tuple[list[ActorMention], Place | None]:
        """A transfer's to-phrase that names a place, not an actor ("sent food to Gaza", "delivered
        shells to Donetsk"): the state the place is in receives it, and the place is the event's;
        not a place of the giver's own country ("Chile sent food to Arica": no recipient state)."""
        own = {m.actor.country for m in source}
        for obj in pobjs(tok, ("to",)):
            if obj.pos_ != "PROPN" or self.index.of_argument(obj):
                continue
            found = resolve_place(proper_phrase(obj))
            if found is not None and found.country and found.country not in own:
                return [state_mention(obj, found.country)], found
        return [], place

    def theme_recipient(self, tok: Token, trig: Trigger, roles: Roles) -> list[ActorMention]:
        """A recipient attached to the theme ("shipped munitions to X"), a bare state at the head
        of the theme ("send X shells", misparsed as a compound), or shared with a conjoined verb
        ("has supplied drones and is helping X")."""
        for theme in roles.theme:
            # "shipped munitions to X"; "pledged aid for X": the for-phrase of a beneficiary noun
            theme_trig = trigger_for(theme)
            preps = ("to", "for") if theme_trig is not None and theme_trig.type in BENEFICIARY_TYPES else ("to",)
            found = _actors(tuple(pobjs(theme, preps)), self.index)
            if found:
                return found
            for c in theme.children:
                if c.dep_ == "compound" and c.pos_ == "PROPN":
                    states = [m for m in self.index.at(c) if m.actor.kind == "state"]
                    if states:
                        return states
        for other in tok.conjuncts:
            other_trig = trigger_for(other)
            if other_trig is None or other_trig.type != trig.type or other_trig.frame not in ("transfer", "direct"):
                continue
            other_roles = read_roles(other, other_trig.frame)
            found = _actors(other_roles.target, self.index) or self.complement_subject(other)
            if found:
                return found
        return []

    def without_recipient(self, item: Item, themes: list[Token]) -> Item:
        """"send Russia artillery shells" misparsed with the state as a compound of the theme:
        the state is the recipient (see theme_recipient), not part of the item's name."""
        for theme in themes:
            for c in theme.children:
                recipient = c.dep_ == "compound" and c.pos_ == "PROPN" and item.text.startswith(c.text + " ")
                if recipient and any(m.actor.kind == "state" for m in self.index.at(c)):
                    return replace(item, text=item.text[len(c.text) + 1 :])
        return item

    def act_counterparts(self, tok: Token, event_type: str, source: list[ActorMention]) -> list[ActorMention]:
        """The other side of the act a threat or refusal is about: "threatened sanctions against
        Peru", "ruled out talks with the rebels", "withdrew from the talks with X"; not "denied the
        charges against him" (the accused is no other side)."""
        left: list[Token] = []
        if event_type == "REJECT":  # "withdrew from the talks", "pulled out of the deal" ("out" may head "of")
            heads = [tok, *(c for c in tok.children
                            if c.dep_ in ("prt", "prep", "advmod") and c.lower_ in ("out", "away"))]
            left = [o for head in heads for o in pobjs(head, ("of", "from"))]
        acts = [o for o in (*objects(tok), *left) if (act := trigger_for(o)) is not None and act.type != "ACCUSE"]
        parts = [t for act in acts for t in pobjs(act, ("against", "on", "with", "to", "toward", "towards"))]
        # "pulled out of the deal with Iran" with "with Iran" hung on the verb: a with-phrase after the deal
        parts += [o for o in pobjs(tok, ("with",)) if left and acts and o.i > acts[0].i]
        return _other_side(_actors(tuple(parts), self.index), source)

    def items(self, tok: Token, trig: Trigger, roles: Roles) -> list[Item]:
        if trig.type in NO_ITEM_TYPES:
            return []  # what is discussed or fought over is a topic, not something that changes hands
        themes = list(roles.theme)
        addressed = any(c.dep_ == "xcomp" for c in tok.children)  # "pressed X to set up Y": X is addressed
        if trig.frame == "direct" and not addressed:
            themes += objects(tok)
        if trig.type == "REQUEST":
            themes += pobjs(tok, ("for",))  # "asked X for 500 rifles"
        items = [self.without_recipient(item, themes) for item in _non_actor_items(themes, self.index)]
        if trig.type in COMPLEMENT_TYPES or trig.type == "AID":
            items += _complement_items(tok, self.index)
        unique: dict[str, Item] = {}
        for item in items:
            unique.setdefault(item.text, item)
        return list(unique.values())

    def record(self, tok: Token, sent: Span, event_type: str, **fields: Any) -> Event:
        """An event at a trigger token, with its id, article and evidence filled in."""
        return Event(
            id=self.event_id(tok, event_type),
            article_id=self.article.id,
            type=event_type,
            evidence=self.evidence(sent),
            trigger=TextSpan(start=tok.idx, end=tok.idx + len(tok), text=tok.text),
            **fields,
        )

    def content_actors(self, tok: Token) -> list[ActorMention]:
        """Whom a report is about: the subjects of its clausal content ("warned that X was
        sending"), else the actors inside its "about"/"over" phrase ("warned about X's help")."""
        found: list[ActorMention] = []
        for comp in tok.children:
            if comp.dep_ in ("ccomp", "parataxis"):
                for clause in (comp, *comp.conjuncts):
                    if clause.lemma_.lower() in UNDERGOING_VERBS | word_list("befalling_verbs"):
                        continue  # "warned that X could face a famine / encounter resistance": X undergoes it
                    # "warned that X would be invaded by Y": about Y, the doer, not X who undergoes it
                    # (an act's doer: "could be interpreted by X as weakness" accuses no one)
                    own = [c for c in clause.children if c.dep_ == "nsubj"] if not is_passive(clause) else (
                        agents(clause) if trigger_for(clause) is not None else [])
                    found += _actors(tuple(expand(own)), self.index)
        if not found:
            for about in pobjs(tok, ABOUT_PREPS):
                if about.lemma_.lower() in word_list("peril_nouns"):
                    continue  # "warned of the risk of a clash with X": a possibility, no allegation against X
                found += [m for t in about.subtree for m in self.index.at(t)]
        return unique_actors(found)

    def speech_act(self, tok: Token, trig: Trigger, sent: Span) -> Event | None:
        """A warning, allegation or threat with content ("X warned that Y was arming Z"): an
        event from the speaker to the actors the content is about (X ACCUSE Y). The content's own
        events are separate, attributed to the speaker."""
        lemma = tok.lemma_.lower()
        outcomes = [o for o in pobjs(tok, ("of",)) if not pobjs(o, ("of",))]  # not "consequences of climate change"
        if lemma in WARNING_VERBS and word_forms(outcomes) & word_list("threatened_outcomes"):
            return self.warned_outcome(tok, trig, sent)  # "warned of serious consequences if X …"
        event_type = "ACCUSE" if lemma in WARNING_VERBS else trig.type
        if lemma in word_list("denying_verbs"):
            return self.denial(tok, trig, sent)
        if event_type not in CONTENT_SPEECH_ACTS:
            return None
        doers = read_roles(tok, "direct").source
        speaker = _actors(doers, self.index)
        if not speaker and not any(t.lemma_.lower() in word_list("document_heads") for t in doers):
            return None  # ("a report alleged that X …": an allegation against X by no one named)
        spoken = {identity(m.actor) for m in speaker}
        # a state's side does not warn against its own state's forces or government: "the defence
        # minister warned that its troops would invade X" is a threat (made from the content), not an
        # accusation (an allegation may name them: "police alleged that the diplomat had …")
        official = {m.actor.country for m in speaker if _official(m.actor)} if lemma in WARNING_VERBS else set()
        target = [m for m in self.content_actors(tok) if identity(m.actor) not in spoken
                  and not (_official(m.actor) and m.actor.country in official)]
        if not target:
            return None
        same = event_type == trig.type
        target = self.context.in_context(target, locate(tok)[0])  # "Moïse's rule": Haiti's, as in any event
        return self.record(
            tok, sent, event_type,
            mode=trig.mode if same else "allege",
            context=trig.context,
            cameo=trig.cameo if same else "112",
            source=tuple(speaker),
            target=tuple(target),
            status=status_of(tok, event_type),
            attribution=self.claims.attribution(tok, sent),
            time=self.time_of(tok, ASSERTED),
            confidence=0.6,
            rule=f"speech-act:{trig.lemma}",
        )

    def denial(self, tok: Token, trig: Trigger, sent: Span) -> Event | None:
        """A denial of what is said of the denier ("Chile denied that its troops had crossed the
        border", "the ministry denied there had been a shift"): a rejection of the claim (REJECT) by
        the denier, aimed at no one named; what is denied keeps its own record, negated."""
        speaker = _actors(read_roles(tok, "direct").source, self.index)
        status = status_of(tok, "REJECT")
        if not speaker or status == NEGATED:  # "did not deny that …": no denial
            return None
        return self.record(
            tok, sent, "REJECT", mode=trig.mode, context=trig.context, cameo=trig.cameo, source=tuple(speaker),
            target=(), status=status, attribution=self.claims.attribution(tok, sent),
            time=self.time_of(tok, ASSERTED), confidence=0.55, rule=f"denial:{trig.lemma}",
        )

    def warned_outcome(self, tok: Token, trig: Trigger, sent: Span) -> Event | None:
        """A warning of consequences, retaliation or a response ("warned of serious consequences if
        Peru closes the border"): a threat (PLOVER THREATEN) by the speaker, aimed at the subject
        of its condition when there is one."""
        speaker = _actors(read_roles(tok, "direct").source, self.index)
        if not speaker:
            return None
        target = _other_side(_actors(tuple(condition_subjects(tok)), self.index), speaker)
        return self.record(
            tok, sent, "THREATEN", mode=None, context=trig.context, cameo="130", source=tuple(speaker),
            target=tuple(self.context.in_context(target, None)), status=status_of(tok, "THREATEN"),
            attribution=self.claims.attribution(tok, sent), time=self.time_of(tok, ASSERTED),
            confidence=0.6, rule=f"warned-of:{trig.lemma}",
        )

    def evaluation(self, sent: Span, sent_sources: tuple[ClaimSource, ...], found: list[Event]) -> Event | None:
        """A condemnation in someone's words ("'This is a baseless case,' the minister said", "the
        ministry said corruption in Albania is pervasive") or by a calling verb ("X called Y's
        comments egregious"): ACCUSE (disapprove) from the speaker or caller to whom the condemning
        word is about (``condemned``, else what the caller judges: ``called``). Never in the
        article's own voice, one per sentence, none where the sentence already has an ACCUSE unless the
        word judges that accusation ("the Foreign Office says Moscow's accusation is ludicrous": the
        Foreign Office condemns Moscow), and none when the words name no one but the speaker's own
        side."""
        accusations = [e for e in found if e.type == "ACCUSE"]
        words = word_list("condemnatory")
        tok = next((t for t in sent if ((t.lemma_.lower() in words or t.lower_ in words) or _feeling(t))
                    and t.pos_ != "PROPN" and not t.ent_type_  # not "Hayat Tahrir al-Sham"
                    and not (t.dep_ == "amod" and t.lower_ in word_list("classifying_adjectives")
                             and t.head.lemma_.lower() in word_list("classified_nouns"))),
                   None)  # "criminal proceedings", "illegal migrants": a kind of thing, not a judgement
        if tok is None or self.claims.describes_speaker(tok) or _asked_about(tok):
            return None  # "a lawyer who called the case baseless said …": the speaker's description;
            # "Asked why Chile backs a war criminal, X said …": the unnamed asker's words
        caller = _calling_verb(tok)
        if self.claims.speaker_heads(tok, sent) or sent_sources:
            speaker = self.speaker(tok, sent, sent_sources)
        elif caller is not None:
            speaker = _actors(tuple(expand(_callers(caller))), self.index)
        elif _feeling(tok) and tok.dep_ in ("acomp", "ROOT", "ccomp", "conj"):  # "Chile is troubled by X": who feels it
            speaker = _actors(tuple(expand(subjects(tok.head if tok.dep_ == "acomp" else tok))), self.index)
        else:
            return None
        target = _not_speakers(self.condemned(tok), speaker) or (
            _not_speakers(self.called(caller), speaker) if caller is not None else [])
        if not speaker or not target:
            return None
        if accusations and not all(_judges(tok, e) for e in accusations):
            return None  # beside an accusation, only a word that judges it ("baseless allegations")
        target = self.context.in_context(target, locate(tok)[0])  # "Moïse's rule": Haiti's, as in any event
        return self.record(
            tok, sent, "ACCUSE", mode="disapprove", cameo="111",
            source=tuple(speaker), target=tuple(target), status=ASSERTED,
            attribution=sent_sources or self.claims.attribution(tok, sent),
            time=self.time_of(tok, ASSERTED), confidence=0.5, rule=f"evaluation:{tok.lemma_.lower()}",
        )

    def obligation(self, sent: Span, sent_sources: tuple[ClaimSource, ...], found: list[Event]) -> Event | None:
        """What a speaker says another side must, should or needs to do ("Russia must pay for the
        damage," the minister said; "both sides need to make concessions"): a demand, REQUEST from
        the speaker to that side. Not a guess ("X must have known") or a question (see ``said_of``)."""
        return self.said_of(sent, sent_sources, found, "REQUEST", "10", "obligation", _obliged)

    def menace(self, sent: Span, sent_sources: tuple[ClaimSource, ...], found: list[Event]) -> Event | None:
        """What a speaker says another side will suffer for what it does ("Peru will pay a heavy
        price," the minister said; "X would face serious consequences"; "any attack will be met with
        a crushing response"): a threat, THREATEN from the speaker to that side (CAMEO 130), only of
        what is still to come (see ``said_of``)."""
        def menaced(tok: Token) -> list[Token]:
            sides = _menaced(tok)
            return sides if sides and status_of(tok) in (PLANNED, POSSIBLE, HYPOTHETICAL) else []

        return self.said_of(sent, sent_sources, found, "THREATEN", "130", "menace", menaced)

    def recent_settings(self, sent: Span) -> list[str]:
        """The countries the sentence and the two before it are set in ("in Syria"), nearest first."""
        sents = list(self.doc.sents)
        here = next((i for i, s in enumerate(sents) if s.start <= sent.start < s.end), 0)
        return [c for s in reversed(sents[max(0, here - 2):here + 1])
                if (c := self.context.sentence_country_of(s)) is not None]

    def said_of(self, sent: Span, sent_sources: tuple[ClaimSource, ...], found: list[Event], event_type: str,
                cameo: str, prefix: str, sides_of: Callable[[Token], list[Token]]) -> Event | None:
        """The speech act a speaker makes by saying something of another side (``sides_of`` a word:
        the sides it says it of): ``event_type`` from the speaker to them. Only in someone's words,
        never the article's own; not of the speaker's own side ("we must defend ourselves", "we will
        pay a price") or of people at large; one per sentence, none where the sentence already has an
        event of that type."""
        if any(e.type == event_type for e in found):
            return None
        for tok in sent:
            sides = sides_of(tok)
            if not sides or self.claims.describes_speaker(tok):
                continue
            if not (self.claims.speaker_heads(tok, sent) or sent_sources):
                continue
            if any(t.lower_ in OWN_SIDE_WORDS for d in sides for t in d.subtree):
                continue  # "we must", "our forces need to": the speaker's own side
            speaker = self.speaker(tok, sent, sent_sources)
            named = self.context.in_context(_actors(tuple(expand(sides)), self.index), locate(tok)[0])
            names = {m.actor.name for m in speaker}
            target = [m for m in _not_speakers(named, speaker)
                      if _answerable(m.actor) and not _own_side(m, speaker) and m.actor.name not in names]
            if not speaker or not target:
                continue
            return self.record(
                tok, sent, event_type, cameo=cameo,
                source=tuple(speaker), target=tuple(target),
                status=ASSERTED, attribution=sent_sources or self.claims.attribution(tok, sent),
                time=self.time_of(tok, ASSERTED), confidence=0.5, rule=f"{prefix}:{tok.lemma_.lower()}",
            )
        return None

    def claimed(self, sent: Span, found: list[Event]) -> list[Event]:
        """A hostile act another side is claimed to have done ("Chile claimed that Peru had attacked
        its border posts"): the claim is an accusation, ACCUSE (allege) from the claimant to the
        act's doers, at the claiming verb (word list ``claiming_verbs``; "said" is not one: a
        report of an act is the act, attributed). One per claiming verb."""
        out: list[Event] = []
        seen: set[int] = set()
        for event in found:
            if event.type not in HOSTILE_TYPES or event.status != ASSERTED or not event.source:
                continue
            tok = self.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
            verb = _claiming_verb(tok.root) if tok is not None else None
            if verb is None or verb.i in seen:
                continue
            claimants = _actors(tuple(expand(subjects(verb))), self.index)
            accused = [m for m in _not_speakers(list(event.source), claimants) if not _own_side(m, claimants)]
            if not claimants or not accused:
                continue
            seen.add(verb.i)
            out.append(self.record(
                verb, sent, "ACCUSE", mode="allege", cameo="112",
                source=tuple(claimants), target=tuple(accused), status=status_of(verb, "ACCUSE"),
                attribution=self.claims.attribution(verb, sent), time=self.time_of(verb, ASSERTED),
                confidence=0.5, rule=f"claimed:{verb.lemma_.lower()}:{event.rule}",
            ))
        return out

    def called(self, verb: Token) -> list[ActorMention]:
        """What a calling verb judges: the actors of its object and complement, not of its subject
        ("X called the decision to jail Y a farce": Y's side); passive, of its subject and not of
        its by-phrase ("Y's raid was described as a massacre by X")."""
        callers = {t.i for c in _callers(verb) for t in c.subtree} if is_passive(verb) else set()
        aside = callers | {t.i for c in verb.children if c.dep_ in ("nsubj", "agent") or (
            c.dep_ == "nsubjpass" and not is_passive(verb)) or (
            c.dep_ == "prep" and c.lower_ in CIRCUMSTANCE_PREPS) for t in c.subtree}  # "in a statement to VOA"
        return unique_actors([m for t in verb.subtree if t.i not in aside and t.i != verb.i
                              for m in self.index.at(t) if m.actor.kind != "anonymous"])

    def owners(self, noun: Token, tok: Token) -> list[ActorMention]:
        """The actors who own or author what a noun names: its possessor, by/from/in-phrase, the
        agent of a participle on it, an actor modifying it ("Russian aggression"); not ``tok``."""
        owners = [*children(noun, "poss"), *pobjs(noun, ("by", "from", "in"))]
        if trigger_for(noun) is not None:
            owners += pobjs(noun, ("between",))  # "the cooperation between X and Y": theirs
        owners += [a for c in noun.children if c.dep_ == "acl" for a in agents(c)]  # "allegations made by X"
        owners += [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i != tok.i]
        return _actors(tuple(expand(owners)), self.index)

    def condemned(self, tok: Token) -> list[ActorMention]:
        """Whom a condemning word is about: the owner or author of what it names ("Moïse's
        antidemocratic rule", "corruption in Albania", "abuses by the police"), else the subject of
        its clause ("Sudan's government is responsible for atrocities", "the EU is hostile", "the
        army must end its illegal raids"); never the objects of the clause (the victims: "the
        persecution of journalists"). An adjective on an act condemns whoever did it ("baseless
        allegations made by X", "its illegal raids"), no one when the act names no doer ("the brutal
        killing of X"). A feeling ("troubled by X", "alarmed at X's buildup") is about what causes
        it: the cause itself or its owner, or the doers of an act the cause is of ("the implications
        of the cooperation between X and Y"), not whom it befalls ("worried by the fate of X")."""
        noun = tok.head if tok.dep_ == "amod" else tok
        if (tok.pos_ == "ADJ" and tok.dep_ != "amod") or _feeling(tok):
            causes = pobjs(tok, ("by", "at", "over", "about", "with"))
            found = [m for c in causes if c.dep_ != "pcomp" for m in (self.index.of_argument(c) or self.owners(c, tok))]
            if not found:  # "concerned about the implications of X's buildup": the act's doers (not
                # "the fate of X": whom it befalls)
                acts = [o for c in causes for o in pobjs(c, ("of",)) if trigger_for(o) is not None]
                found = [m for a in acts for m in self.owners(a, tok)]
            # a situation ("troubled by what is happening in X's case"): whose it is
            situations = [c for c in causes if c.lower_ in ("what", "how")
                          or any(k.dep_ == "nsubj" and k.lower_ in ("what", "how") for k in c.children)]
            found += [m for c in situations for t in c.subtree for p in children(t, "poss")
                      for m in self.index.of_argument(p)]
            # "disappointed that the court rejected the request": the doer the that-clause names
            found += [m for c in tok.children if c.dep_ == "ccomp" for m in _actors(
                tuple(expand([s for s in c.children if s.dep_ == "nsubj"])), self.index) if m.actor.kind != "anonymous"]
            if found or _feeling(tok):
                return unique_actors(found)  # a feeling with no actor for its cause accuses no one
        found = self.owners(noun, tok)  # "Russian aggression", "Moïse's rule"
        if found or (noun is not tok and trigger_for(noun) is not None):
            return found
        clause = next((a for a in (noun, *noun.ancestors) if a.pos_ in ("VERB", "AUX")), None)
        if clause is None or clause.lemma_.lower() in UNDERGOING_VERBS:
            return []  # "media have faced persecution": the subject suffers it
        if any(a.lower_ in ("against", "opposing") and a.dep_ in ("prep", "acl") for a in (noun, *noun.ancestors)
               if a.i < noun.i and clause.i < a.i):
            return []  # "dedicated her life to the fight against unjust power": she opposes it
        # the clause's own subject, else the controlling one ("X has tried to sabotage the talks")
        doers = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")] or (
            subjects(clause) if clause.dep_ == "xcomp" else [])
        return [m for m in _actors(tuple(expand(doers)), self.index) if m.actor.kind != "anonymous"]

    def exchange_half(self, tok: Token, event: Event, sent: Span) -> Event | None:
        """The other half of "A sent B X in exchange for Y": B → A, items Y (same status and source)."""
        if event.type not in TRANSFER_TYPES or not (event.source and event.target):
            return None
        obj = exchange_object(tok)
        if obj is None or trigger_for(obj) is not None:
            return None
        items = [i for part in (obj, *obj.conjuncts) for i in item_phrases(part)]
        if not items:
            return None
        givers = self.index.in_subtree(obj, lambda m: m.actor.kind == "state")
        sides = {identity(m.actor) for m in event.source}
        source = [m for m in givers if identity(m.actor) not in sides][:1] or list(event.target)
        marker = obj.head.head  # "exchange" / "return"
        return self.record(
            marker, sent, event.type,
            mode=event.mode, context=event.context, cameo=event.cameo,
            source=tuple(source), target=event.source, items=tuple(items),
            status=event.status, attribution=event.attribution, time=event.time,
            confidence=max(event.confidence - 0.2, 0.3), rule=f"exchange:{marker.lemma_.lower()}",
        )

    def speaker(self, tok: Token, sent: Span, sent_sources: tuple[ClaimSource, ...],
                pronoun: Token | None = None) -> list[ActorMention]:
        """Who speaks the trigger's words, or who "I" or "we" (``pronoun``) is in them: the speaker
        named with them, else the one speaker the sentence's words are attributed to (a quote running
        on from an earlier sentence)."""
        heads = self.claims.speaker_heads(tok, sent)
        unquoted: set[str] = set()
        if pronoun is not None and pronoun.lower_ in ("i", "me") and heads and not _quoted_by(heads[-1], pronoun):
            # "the commander insisted I fight": reported words that are not quoted are the
            # reporter's, so "I" is whoever the sentence quotes (or no one), not the commander
            # ("we" may still be the reported speaker's side: "Turkey cannot say we will …")
            unquoted = {m.actor.name for m in _actors(tuple(expand(heads)), self.index)}
            heads = [h for h in self.claims.speakers(tok, sent)[:-1] if _quoted_by(h, pronoun)][-1:]
        if heads:
            # "a report by the State Department said", "the ministry's statement said": its author
            return _actors(tuple(expand(heads)), self.index) or _actors(
                tuple(t for h in heads for t in (*pobjs(h, ("by", "from", "of")), *children(h, "poss"))), self.index)
        named = [c for c in sent_sources if c.named and c.kind in ("person", "organization", "government")
                 and c.name not in unquoted]
        if len(named) != 1 or not named[0].country:
            return []
        claim = named[0]
        pronoun = pronoun or next((t for t in sent if t.lower_ in FIRST_PERSON), tok)
        kind = "person" if claim.kind == "person" else "organization"
        return [ActorMention(
            start=pronoun.i, end=pronoun.i + 1, start_char=pronoun.idx, end_char=pronoun.idx + len(pronoun),
            text=pronoun.text, actor=Actor(name=claim.name, kind=kind, country=claim.country, role=claim.role,
                                           sector="GOV" if claim.kind == "government" else None),
            via="coref",
        )]

    def refusal(self, tok: Token, event: Event, sent: Span) -> Event | None:
        """An act its own side declares it will not do ("would not provide aid to X", "Russia will
        not withdraw, the Kremlin said") is also a refusal: REJECT, asserted, at the same words; force
        or pressure it declares it will not use ("police will not use violence against the
        protesters") is a concession instead (types.tsv, column refusal); an act another side says
        it will not allow is refused by that side ("will not allow X to visit": to X).
        A plain past negation ("did not withdraw") is no refusal, nor a forecast by others."""
        if event.status not in (NEGATED, HYPOTHETICAL) or not event.source or any(
                c.dep_ == "aux" and c.lower_ == "have" for c in tok.children):
            return None  # (hypothetical: "would not attend if X did not apologise"; not "would not have attacked if")
        verb = tok.head if tok.pos_ == "NOUN" else tok
        if event.status == HYPOTHETICAL and not any(c.dep_ == "neg" for c in verb.children):
            return None  # the negation is the act's own, not the condition's ("if they did not, X would release them")
        clause = _act_clause(tok)
        permitter = clause.head if clause.dep_ in ("xcomp", "ccomp") else None
        if permitter is not None and permitter.lemma_.lower() in word_list("permitting_verbs") and (
                _future_negation(permitter)):
            # "will not allow X to visit", "won't let X in": the permitter refuses X's act
            refuser = [m for m in _actors(tuple(subjects(permitter)), self.index)
                       if identity(m.actor) not in {identity(s.actor) for s in event.source}]
            if not refuser:
                return None
            return self.record(
                tok, sent, "REJECT", source=tuple(refuser), target=event.source, status=ASSERTED,
                attribution=event.attribution, confidence=max(event.confidence - 0.1, 0.3),
                rule=f"refusal:{permitter.lemma_.lower()}:{event.rule}")
        refused_as = REFUSED_AS.get(event.type)
        if refused_as is None:
            return None
        if not (_future_negation(tok) or (event.status == NEGATED and _willing(tok) and _unwilling(tok))) or (
                event.attribution and not _said_by_doer(event)):
            return None  # "will not withdraw", "is not ready to accept"
        return self.said_act(tok, sent, event, refused_as, None, "refusal")

    def promise(self, tok: Token, event: Event, sent: Span) -> Event | None:
        """A concession or cooperation its own side promises ("agreed to withdraw its troops", "pledged
        to free the prisoners"), says it is willing to do ("is ready to hold talks", "wants to help
        X") or declares for the future ("will lift the curfew, the president said") is also the
        verbal act PLOVER codes it as: CONCEDE or AGREE, asserted (the act keeps its own planned
        record). Not where the promising word is itself an agreement ("pledged to send aid")."""
        promised_as = PROMISED_AS.get(event.type)
        if promised_as is None or event.status != PLANNED or not event.source or _believed(tok) or is_ahead_of(tok):
            return None  # (not "said ahead of a meeting with X": planned by the calendar, not promised)
        clause = _act_clause(tok)
        head = clause.head.lemma_.lower() if clause.dep_ == "xcomp" else ""
        if promised_as == "AGREE" and head in word_list("promising_verbs"):
            return None  # the promise is its own AGREE record
        if not (head in word_list("promising_verbs") or _willing(tok) or _said_by_doer(event)):
            return None
        return self.said_act(tok, sent, event, promised_as, None, "promise")

    def threat(self, tok: Token, event: Event, sent: Span) -> Event | None:
        """A coercive act announced as conditional ("will impose tariffs on X if it does not
        act"), declared as future by its own doer ("we will strike X", said by X's side) or that its
        doer says it is ready to do ("is prepared to strike X") or warns it may or will do ("warned
        that it could invade X") is also a threat: THREATEN, asserted,
        doer → target, at the same words (the act keeps its own record and status). PLOVER: threats
        are verbal acts with serious repercussions."""
        default = THREAT_MODES.get(event.type)
        if default is None or _halting_verb(tok) is not None:
            return None  # "will end the curfew" announces the end of a measure, not the measure
        if not event.source:
            return self.authority_warning(tok, event, sent)
        conditional = event.status == HYPOTHETICAL and _under_condition(tok)
        declared = event.status == PLANNED and (_said_by_doer(event) or _willing(tok)) and not (
            _believed(tok) or is_ahead_of(tok))
        warned = event.status in (PLANNED, POSSIBLE) and _said_by_doer(event) and (
            _warned(tok) or (event.status == POSSIBLE and _held_open(tok)))
        if not (conditional or declared or warned):
            return None
        if not event.target and not conditional and event.type in word_list("aimed_threat_types"):
            return None  # "announced the planned deployment of military police": aimed at no one, no threat
        modes = word_list("threaten_modes")
        mode = event.mode if event.mode in modes else default if default in modes else None
        return self.said_act(tok, sent, event, "THREATEN", mode, "threat")

    def authority_warning(self, tok: Token, event: Event, sent: Span) -> Event | None:
        """An authority's act with no doer named, which a state or its officials warn will or would
        come ("the interior minister warned that corrupt officials would be arrested"): the warner
        threatens it (THREATEN, asserted; the act keeps its own record). Not an act others would do
        ("the UN warned that civilians would be killed": a fear, not a threat)."""
        trig = trigger_for(tok)
        if trig is None or not _by_authorities(trig) or not event.target or not _warned(tok) or (
                event.status not in (PLANNED, POSSIBLE, HYPOTHETICAL)):
            return None
        warners = [m for m in _actors(tuple(expand(self.claims.speaker_heads(tok, sent))), self.index)
                   if _state_side(m.actor)]
        if not warners:
            return None
        modes = word_list("threaten_modes")
        mode = event.mode if event.mode in modes else THREAT_MODES.get(event.type)
        return self.record(
            tok, sent, "THREATEN", mode=mode if mode in modes else None, source=tuple(warners),
            target=event.target, items=event.items, status=ASSERTED, attribution=event.attribution, time=None,
            confidence=max(event.confidence - 0.1, 0.3), rule=f"warning:{event.rule}",
        )

    def halt(self, tok: Token, event: Event, sent: Span) -> Event | None:
        """An act its own doer halts, suspends, ends or calls off ("Russia halted its offensive", "the
        workers ended their strike", "suspended plans to impose a curfew") is also a de-escalation:
        the type the act's ``stopped`` column names (RETREAT carried out, CONCEDE when only promised
        or when plans are dropped), with the halting verb's status. Not where others end the act
        ("police ended the protest"): the halting verb's subject must be one of the act's doers. A halt
        its doer says it will not make ("will not end their strike") is a refusal to yield: REJECT."""
        stopped_as = STOPPED_AS.get(event.type)
        found = _halting_verb(tok) if stopped_as else None
        if stopped_as is None or found is None:
            return None
        verb, of_plans = found
        own = trigger_for(verb)
        if own is not None and _says_halt(verb, own, event.type):
            return None  # "lifted the sanctions", "suspended aid": the verb's own event says it
        # "his charge will be dropped": a passive halt's subject is the act halted, not who halts it
        halters = _actors(tuple(agents(verb) if is_passive(verb) else subjects(verb)), self.index)
        doers = {identity(m.actor) for m in event.source}
        written = {(m.start, m.end): m for m in event.source}  # the same words, given a country in context
        source = [written.get((m.start, m.end), m) for m in halters
                  if identity(m.actor) in doers or (m.start, m.end) in written]
        if not event.source and tok.pos_ == "NOUN":  # "agreed to halt hostilities": an act no one is
            # named for is the halter's own, unless the police end it ("police ended the fighting")
            source = [m for m in halters if m.actor.sector not in word_list("police_sectors")]
        if not source or (event.type in CROWD_TYPES and any(m.actor.sector in word_list("armed_sectors")
                                                            for m in source)):
            return None  # "police stopped their protest": the police end others' protest (COERCE)
        status = status_of(verb, "RETREAT")
        if status in (NEGATED, HYPOTHETICAL) and _future_negation(verb):
            # "the teachers will not end their strike (unless …)": a refusal to yield (PLOVER REJECT yield)
            return self.record(
                tok, sent, "REJECT", mode="yield", source=tuple(source), target=event.target, items=event.items,
                status=ASSERTED, attribution=event.attribution, time=None, location=event.location,
                confidence=max(event.confidence - 0.1, 0.3), rule=f"refused-halt:{verb.lemma_.lower()}:{event.rule}",
            )
        obliged = (verb, verb.head) if verb.dep_ == "conj" else (verb,)  # "must stop X and stop Y"
        if status not in (ASSERTED, PLANNED) or any(c.dep_ == "aux" and c.lower_ in OBLIGING
                                                    for v in obliged for c in v.children):
            return None  # "must stop killing civilians" is a demand, not a halt
        event_type, _, mode = stopped_as.partition("/")
        if of_plans or status == PLANNED:
            event_type, mode = PROMISED_AS.get(event_type, event_type), ""
        return self.record(
            tok, sent, event_type,
            mode=mode or None, source=tuple(source), target=event.target, items=event.items, status=status,
            attribution=event.attribution, time=self.time_of(verb, status), location=event.location,
            confidence=max(event.confidence - 0.1, 0.3), rule=f"halt:{verb.lemma_.lower()}:{event.rule}",
        )

    def attribution(self, tok: Token, sent: Span, sent_sources: tuple[ClaimSource, ...]) -> tuple[ClaimSource, ...]:
        """Who says the act at ``tok`` happened: the claim around it, else the sentence's speakers
        unless ``tok`` describes the speaker (a speaker's own act is not attributed to them)."""
        attribution = self.claims.attribution(tok, sent)
        if not attribution and not self.claims.describes_speaker(tok):
            attribution = sent_sources
        return attribution

    def promised_only(self, tok: Token, sent: Span, event_type: str, source: list[ActorMention],
                      sent_sources: tuple[ClaimSource, ...]) -> Event | None:
        """Help its own side promises or says it is ready to give, to no one named ("said it was ready
        to help", "will send a team to help identify the victims"): no AID record (AID needs a
        recipient), but the promise is PLOVER's AGREE (indicate willingness to cooperate)."""
        status = status_of(tok, event_type)
        if status != PLANNED:
            return None
        act = self.record(tok, sent, event_type, source=tuple(source), status=status,
                          attribution=self.attribution(tok, sent, sent_sources),
                          confidence=0.6, rule=f"unreceived:{tok.lemma_.lower()}")
        return self.promise(tok, act, sent)

    def said_act(self, tok: Token, sent: Span, event: Event, event_type: str, mode: str | None,
                 prefix: str) -> Event:
        """The speech act an announced act makes (a threat, a refusal): same words, sides, items and
        attribution; asserted; its rule names the act's."""
        return self.record(
            tok, sent, event_type,
            mode=mode, source=event.source, target=event.target, symmetric=event.symmetric and event_type != "THREATEN",
            items=event.items, status=ASSERTED, attribution=event.attribution, time=None,
            confidence=max(event.confidence - 0.1, 0.3), rule=f"{prefix}:{event.rule}",
        )

    def event(self, tok: Token, trig: Trigger, sent: Span, sent_sources: tuple[ClaimSource, ...]) -> Event | None:
        if _is_report_only(tok, trig):
            return self.speech_act(tok, trig, sent)
        if trig.pos == "NOUN" and _is_topic_or_theme(tok):
            return None
        roles = read_roles(tok, trig.frame)
        if trig.frame == "acquire" and trig.type == "AID":
            roles = Roles(source=roles.target, target=roles.source, theme=roles.theme)  # aid flows to the buyer
        source, target, symmetric, place = self.resolve(tok, trig, roles)
        if trig.pos == "VERB" and not source and (
                first := next((t for t in roles.source if t.lower_ in FIRST_PERSON), None)) is not None:
            source = self.speaker(tok, sent, sent_sources, first)  # '"We will retaliate," the minister said'
        # "the Paris attacks", "the Quito bombing", "the Khan Sheikhun attack that killed dozens": a city
        # naming the act's place (the trigger's own, or the act noun that is a verb's doer) is no doer
        acts = [tok] if trig.frame == "nominal" else [
            act for t in roles.source if (act := t.head if t.dep_ == "compound" else t).pos_ == "NOUN"
            and trigger_for(act) is not None]
        places = {i for act in acts for i in _place_compounds(act, self.index)}
        source = [m for m in source if not any(m.start <= i < m.end for i in places)]
        if trig.frame == "nominal":  # "military force": a mention that is the act's own words
            source = [m for m in source if not m.start <= tok.i < m.end]
        if trig.frame == "visit" and any(_private_person(m.actor) for m in source):
            return None  # a private person's journey (a volunteer travelling to Syria) is no state visit
        if trig.type == "AID" and trig.frame == "direct" and not target:
            if source and not any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
                return self.promised_only(tok, sent, trig.type, source, sent_sources)  # "is ready to help"
            return None  # "helped (to) do X": help is aid only when someone is helped
        items = self.items(tok, trig, roles)
        found, route = locate(tok)
        place = place or found
        if trig.frame == "transfer" and trig.type in NEEDS_RECIPIENT and not target and not symmetric and not (
                word_forms(roles.theme) & word_list("forces")):  # troops sent somewhere are deployed (sense check)
            target, place = self.recipient_place(tok, source, place)  # "delivered food to Gaza"
        # a giver is not of the place its gift goes to ("aid groups delivered food to Gaza")
        given_to = place is not None and place.country in {m.actor.country for m in target}
        source = self.context.in_context(source, None if given_to else place, facing=_states(target))
        if not source and not symmetric and trig.type in CROWD_TYPES:  # "protests erupted in Tehran"
            source = self.context.crowd(tok, place or next(iter(route), None))  # "riots across Kenya"
        if not source and not symmetric and _by_authorities(trig) and status_of(tok, trig.type) == ASSERTED:
            source = self.context.authority(tok, place)  # "a curfew was imposed in Lagos"; not "no one should be"
        if not source and not symmetric and trig.pos == "NOUN" and (halting := _halting_verb(tok)) is not None:
            ender = halting[0]
            if _by_authorities(trig) and ender.dep_ != "pcomp":
                # "the mayor will end the curfew": whoever ends a measure holds it (not "the importance
                # of ending detention", whose subject is a guess)
                source = _actors(tuple(subjects(ender)), self.index)
            elif STOPPED_AS.get(trig.type, "").startswith("SANCTION") and children(ender, "nsubj"):
                # "X ended support for the rebels", "suspended cooperation with Y": one can end only
                # one's own help or cooperation, and ending it is a sanction (not "police ended the
                # protest", "the charges were dropped": someone else's act; only a subject of its own,
                # not "a pledge from X to halt the supply", whose halter the parse cannot tell)
                source = self.context.in_context(_actors(tuple(expand(children(ender, "nsubj"))), self.index), place)
            elif trig.type in STOPPED_AS and ender.dep_ == "xcomp" and (
                    ender.head.lemma_.lower() in word_list("promising_verbs")):
                # "the warring parties agreed to end the fighting", "pledged to halt the strike": who
                # promise to end an act with no doer named are its doers
                source = self.context.in_context(_actors(tuple(subjects(ender)), self.index), place)
        # an armed group aided or backed is not its backer's ("Chile trained / ended support for the rebels")
        givers = frozenset(c for m in source if (c := m.actor.country) and trig.type in BENEFICIARY_TYPES)
        target = self.context.in_context(target, place, givers)
        target, source = self.context.home_institutions(target, source), self.context.home_institutions(source, target)
        if not target and not symmetric and trig.type in HOSTED_TYPES:
            target = self.context.host(tok, source, place)
        somewhere = any(_names_somewhere(d) for d in roles.destination)
        verdict = check(Reading(token=tok, lemma=trig.lemma, type=trig.type, frame=trig.frame, roles=roles,
                                source=tuple(source), target=tuple(target), symmetric=symmetric, somewhere=somewhere))
        event_type, mode, cameo, rule = trig.type, trig.mode, trig.cameo, f"{trig.frame}:{trig.lemma}"
        if verdict is not None:
            if verdict.drop:
                return None
            event_type, mode, cameo, rule = verdict.type or event_type, verdict.mode, None, f"{rule}+{verdict.rule}"
            if trig.type in CROWD_TYPES and event_type not in CROWD_TYPES:  # "the strikes hit a hospital":
                source = [m for m in source if not m.start <= tok.i < m.end]  # no crowd of strikers
            if event_type in ACT_OBJECT_TYPES and event_type != trig.type and not target:  # recoded: "pulled
                target = self.act_counterparts(tok, event_type, source)  # out of the talks with X"
            if trig.frame == "nominal" and event_type in MUTUAL_TYPES and not target:  # recoded: done together
                symmetric = symmetric or len({m.actor.country or m.actor.name for m in source}) >= 2
        if event_type in NEEDS_RECIPIENT:
            # a recipient with no giver only where the text names none ("aid was sent to X"), not
            # where the giver is a thing ("the boats would help the authorities"); a noun's
            # modifiers name no giver ("25% tariffs on X"), nor does a measure for a subject
            # ("legislation targeting X")
            measures = word_list("punitive_measures")
            unnamed_giver = not roles.source or bool(source) or trig.frame == "nominal" or all(
                t.lemma_.lower() in measures for t in roles.source)
            kept = symmetric or (bool(target) and unnamed_giver) or (bool(source) and bool(items))
        else:
            kept = symmetric or bool(source or target)
        if not kept:
            if (event_type in NEEDS_RECIPIENT and source and event_type in PROMISED_AS and not verdict
                    and trig.frame in GIVING_FRAMES):
                return self.promised_only(tok, sent, event_type, source, sent_sources)
            return None  # PLOVER: one side is enough, except where the type is defined by its recipient
        status = status_of(tok, event_type)
        time = self.time_of(tok, status)
        if event_type == "AGREE" and status != ASSERTED and _complement(tok) is not None:
            return None  # an agreement only asked for or possible: its content is the event
        attribution = self.attribution(tok, sent, sent_sources)
        via_coref = any(m.via == "coref" for m in (*source, *target))
        guessed = any(m.via == "main-country" for m in (*source, *target))  # a country by default only
        confidence = 0.4 + 0.2 * bool(source) + 0.2 * bool(target or symmetric) + 0.1 * bool(items)
        confidence -= 0.1 * via_coref + 0.1 * guessed
        return self.record(
            tok, sent, event_type,
            mode=mode,
            context=trig.context if event_type == trig.type else (),
            cameo=cameo,
            source=tuple(source),
            target=tuple(target),
            symmetric=symmetric,
            items=tuple(items),
            status=status,
            attribution=attribution,
            time=time,
            location=place,
            route=route,
            confidence=min(confidence, 0.95),
            rule=rule,
        )


def _said_by_doer(event: Event) -> bool:
    """Attributed to a speaker of the doer's own country, or to the doer itself ("Interpol said it
    will send a team"), not to a media report or a document."""
    doers = {m.actor.country for m in event.source if m.actor.country}
    names = {m.actor.name for m in event.source}
    return any((c.country in doers or c.name in names) and c.kind not in ("media", "document")
               for c in event.attribution)


def _other_side(target: Sequence[ActorMention], source: Sequence[ActorMention]) -> list[ActorMention]:
    """The target without the source's own actors or its own state ("cannot help British citizens",
    "pledged that US forces would stay"): events here are between sides; a state's own rebels or
    people keep theirs."""
    ids = {identity(m.actor) for m in source}
    countries = {m.actor.country for m in source}
    return [m for m in target if identity(m.actor) not in ids
            and not ((m.via == "place" or m.actor.kind == "state") and m.actor.country in countries)]


def _tagged_city(mention: ActorMention) -> Place | None:
    """The gazetteer city an organisation or a people the tagger made of a city's name stands for
    ("Kharkiv", "Quetta" tagged ORG, "Aleppo" tagged NORP, with no sector of its own), else None."""
    actor = mention.actor
    if mention.via != "ner" or actor.kind not in ("organization", "group") or actor.sector:
        return None
    place = resolve_place(mention.text)
    return place if place is not None and place.kind == "city" and place.country else None


def _city_as_state(mention: ActorMention) -> ActorMention:
    """A city tagged as an organisation is the place: its state, as an attacked place stands for it."""
    place = _tagged_city(mention)
    return replace(mention, actor=state_actor(place.country), via="place") if place and place.country else mention


def _home_place(mention: ActorMention, countries: set[str]) -> bool:
    """The mention names a place in one of these countries: its seat or a city ("Quetta"), not a
    state or an organisation of its own."""
    if mention.via in ("place", "seat"):
        return mention.actor.country in countries
    place = _tagged_city(mention)
    return place is not None and place.country in countries


def _states(mentions: list[ActorMention]) -> frozenset[str]:
    """The countries of the states among ``mentions`` (not of their people or bodies)."""
    return frozenset(c for m in mentions if m.actor.kind == "state" and (c := m.actor.country))


def _official(actor: Actor) -> bool:
    """A state of a known country, or its executive or forces."""
    return bool(actor.country) and _state_side(actor)


def _state_side(actor: Actor) -> bool:
    """A state, or its executive or forces (word list state_sectors; not its opposition or courts), of
    whatever country ("the interior minister", "police")."""
    return actor.kind == "state" or actor.sector in word_list("state_sectors")


def _by_authorities(trig: Trigger) -> bool:
    """An act of this type and mode with no doer named is by the authorities of its place."""
    modes = AUTHORITY_MODES.get(trig.type)
    return modes == "yes" or (modes is not None and trig.mode in modes.split("|"))


def _willing(tok: Token) -> bool:
    """The act is what its doer is willing to do: the to-clause of a willing word with no object of
    its own ("is ready to talk", "wants to help X"; not "wants Iran to stop")."""
    clause = _act_clause(tok)
    if clause.dep_ != "xcomp" or clause.head.lemma_.lower() not in word_list("willing_words"):
        return False
    return not has_object(clause.head)


def _unwilling(tok: Token) -> bool:
    """The willing word over the act is negated: "is not ready to accept", "does not want to attend"."""
    head = _act_clause(tok).head
    return any(c.dep_ == "neg" for w in (head, head.head) for c in w.children)


def _believed(tok: Token) -> bool:
    """The act is what someone believes, expects or predicts ("he believes the leaders will meet",
    "expects Peru to withdraw"): a forecast, not a declaration of intent."""
    clause = _act_clause(tok)
    while clause.dep_ in ("ccomp", "xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
        if clause.lemma_.lower() in word_list("believe_stance_verbs"):
            return True
    return False


def _warned(tok: Token) -> bool:
    """The act is the content of a warning ("Eritrea warned that it could invade Bulgaria"): a doer
    warning of what it may or will do threatens it."""
    clause = _act_clause(tok)
    return clause.dep_ == "ccomp" and clause.head.lemma_.lower() in WARNING_VERBS


def _held_open(tok: Token) -> bool:
    """The act is an option its doer holds open for the future: under "could", "may" or "might" (not
    "may have", a guess about the past), or not ruled out ("could cut ties with X", "is not ruling out
    sanctions"): said by the doer's own side, a threat."""
    clause = _act_clause(tok)
    if clause.dep_ in ("relcl", "acl", "advcl"):
        return False  # "ways he could fight X", "a democracy where people could attack": no option stated
    auxes = [c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a in word_list("option_modals") for a in auxes):
        return not any(a in ("have", "'ve") for a in auxes)
    return any(leaves_open(a) for a in clause.ancestors)


def _act_clause(tok: Token) -> Token:
    """The verb whose clause states the act: the trigger's own, or its light verb's ("hold talks")."""
    return tok.head if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" else tok


def _own_side(mention: ActorMention, speakers: list[ActorMention]) -> bool:
    """A state organ (army, police, ministry) of the state, government or forces that speak: their
    own side (an opposition's claim about the police is an accusation)."""
    actor = mention.actor
    organ = actor.sector in word_list("public_sectors") | word_list("armed_sectors")
    return actor.country is not None and organ and any(
        s.actor.country == actor.country and (s.actor.kind == "state" or s.actor.sector in ("GOV", "MIL", "COP"))
        for s in speakers)


def _claiming_verb(tok: Token) -> Token | None:
    """The claiming verb whose clausal content holds the act ("claimed that X had attacked Y")."""
    clause = _act_clause(tok)
    for _ in range(4):
        head = clause.head
        if head == clause:
            return None
        if clause.dep_ == "ccomp" and head.pos_ == "VERB":
            return head if head.lemma_.lower() in word_list("claiming_verbs") else None
        if clause.dep_ not in ("conj", "xcomp"):
            return None
        clause = head
    return None


def _answerable(actor: Actor) -> bool:
    """A side a demand can be made of: a state, a named person or organisation, or a public or armed
    body ("the army", "security council members"); not people at large ("refugees", "children")."""
    if actor.kind == "state" or actor.sector in word_list("public_sectors") | word_list("armed_sectors"):
        return True
    return actor.kind in ("person", "organization") and actor.name != actor.role and actor.sector not in word_list(
        "civic_sectors")


def _menaced(tok: Token) -> list[Token]:
    """Who a verb says will suffer for it (word lists ``menace_verbs``, ``menace_objects``): the
    subject of "X will pay a (heavy) price / face consequences / suffer retaliation" (not "pay higher
    prices", "the consequences of the drought"), or the doers named in the subject of "any attack
    will be met with a forceful response"."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in word_list("menace_verbs") or tok.sent[-1].lower_ == "?":
        return []
    menaces = [o for o in (*children(tok, "dobj"), *pobjs(tok, ("with", "as")))
               if o.lower_ in word_list("menace_objects") and not pobjs(o, ("of",))
               and not any(c.tag_ in ("JJR", "JJS") for c in o.children)]
    if not menaces:
        return []
    if is_passive(tok):  # "any incursion will be met with force": whoever would make it
        return [t for s in children(tok, "nsubjpass") for t in s.subtree if t.i != s.i or s.pos_ == "PROPN"]
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in word_list("necessity_verbs") and not children(tok, "nsubj"):
        return children(tok.head, "nsubj")  # "X will have to pay the price"
    return children(tok, "nsubj")


def _obliged(tok: Token) -> list[Token]:
    """Who a verb says must act: the subject of "X must / should / ought to V" or of "X needs to / has
    to V" (not "must have known", "should have acted", a question or an if-clause)."""
    if tok.pos_ != "VERB" or tok.sent[-1].lower_ == "?" or is_condition(tok) or is_passive(tok) or (
            tok.lemma_.lower() in word_list("stative_verbs")):  # "X should know that": no act
        return []  # "should be in prison", "should be made to explain": the subject undergoes it
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"must", "should", "ought"} and "have" not in aux:
        return [c for c in tok.children if c.dep_ == "nsubj"]
    head = tok.head
    if (tok.dep_ == "xcomp" and "to" in aux and head.lemma_.lower() in word_list("necessity_verbs")
            and head.pos_ in ("VERB", "AUX") and not has_object(head)
            and not any(c.dep_ == "aux" and aux_form(c) in ("will", "would") for c in head.children)):
        return [c for c in head.children if c.dep_ == "nsubj"]  # not "would have to give": a deal's terms
    return []


def _halting_verb(tok: Token) -> tuple[Token, bool] | None:
    """The verb that halts the act at ``tok`` (word list ``halting_verbs``), and whether it halts
    plans for it: its object ("halted the offensive"), its gerund complement ("stopped shelling"),
    or the plans whose act it is ("suspended plans to impose a curfew", "shelved plans for a
    curfew"), the act itself or its light verb's ("plans to hold a strike")."""
    node, of_plans = tok, False
    if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.pos_ == "VERB" and not halts(tok.head):
        node = tok.head  # the light verb: "plans to impose a curfew"
    head = node.head
    if node.dep_ == "acl" and head.pos_ == "NOUN" and GOVERNING_NOUNS.get(head.lemma_.lower()) == PLANNED:
        node, head, of_plans = head, head.head, True  # "plans to impose"
    elif node.dep_ == "pobj" and head.lower_ == "for" and GOVERNING_NOUNS.get(head.head.lemma_.lower()) == PLANNED:
        node, head, of_plans = head.head, head.head.head, True  # "plans for a curfew"
    if node.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in word_list("carrying_out_nouns"):
        node = head.head  # "suspended the implementation of plans to …", "halted enforcement of the curfew"
        head = node.head
    if node.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
        return None  # "delayed the results to help X", "stopped to help": a purpose, not the act halted
    if node.dep_ in ("dobj", "nsubjpass", "xcomp") and head.pos_ == "VERB" and halts(head):
        return head, of_plans
    return None


def _future_negation(tok: Token) -> bool:
    """ "will not", "would not", "won't" on the act's verb (or its light verb: "will not hold talks");
    "is not going to" before it."""
    going = tok.head if tok.dep_ == "xcomp" else None
    if going is not None and going.lower_ == "going" and any(c.dep_ == "neg" for c in going.children):
        return True
    for head in (tok, tok.head):
        kids = list(head.children)
        if any(c.dep_ == "neg" for c in kids) and any(
            c.dep_ == "aux" and aux_form(c) in ("will", "would", "shall") for c in kids
        ):
            return True
    return False


def _feeling(tok: Token) -> bool:
    """A feeling of disapproval about a cause ("troubled by X", "concerned about X's buildup",
    "angry at X", "disappointed that X rejected it"): an adjective or participle of the word list
    ``feelings`` with its cause."""
    return (tok.pos_ in ("ADJ", "VERB") and tok.lower_ in word_list("feelings")
            and bool(pobjs(tok, ("by", "at", "over", "about", "with")) or any(
                c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                for c in tok.children)))


def _calling_verb(tok: Token) -> Token | None:
    """The verb that calls what a condemning word names ("X called the decision a blatant case",
    "described it as deplorable"): a calling verb with an object, not "called for/on"."""
    return next((a for a in tok.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in word_list("calling_verbs")
                 and (objects(a) or (is_passive(a) and children(a, "nsubjpass")))
                 and not pobjs(a, ("for", "on", "upon"))), None)


def _asked_about(tok: Token) -> bool:
    """``tok`` is in the question put to the sentence's speaker by someone unnamed ("Asked why Chile
    is backing a war criminal, the minister said …": a participle of asking with no by-phrase)."""
    return any(a.lemma_.lower() in word_list("questioning_verbs") and a.tag_ == "VBN" and a.dep_ == "advcl"
               and not agents(a) for a in tok.ancestors)


def _callers(verb: Token) -> list[Token]:
    """Who calls something by a calling verb: its subject, or passive its by-phrase, which the
    parser may hang on the predicate ("was described as a sham by X")."""
    if not is_passive(verb):
        return subjects(verb)
    called = called_as(verb)
    return agents(verb) or (pobjs(called, ("by",)) if called is not None else [])


def _not_speakers(found: list[ActorMention], speaker: list[ActorMention]) -> list[ActorMention]:
    """``found`` without the speakers and, for a government speaker, without its own state."""
    spoken = {identity(m.actor) for m in speaker}
    own = {m.actor.country for m in speaker if m.actor.sector == "GOV" or m.actor.kind == "state"}
    return [m for m in found if identity(m.actor) not in spoken
            and not (m.actor.country in own and (m.actor.kind == "state" or m.actor.sector == "GOV"))]


def _under_condition(tok: Token) -> bool:
    """The act's clause (its own, or its light verb's: "impose tariffs … if", "go on strike … if")
    has an if/unless clause; the condition itself ("if Iran attacks") is no threat."""
    if is_condition(tok):
        return False
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head  # "go on strike": the verb above the phrase
    return has_condition(tok) or has_condition(verb)


def _trimmed(sent: Span) -> Span:
    """The sentence without surrounding whitespace tokens (evidence spans hold text only)."""
    start, end = sent.start, sent.end
    while start < end and sent.doc[start].is_space:
        start += 1
    while end > start and sent.doc[end - 1].is_space:
        end -= 1
    return sent.doc[start:end]


class ExtractionTimeout(Exception):
    """Extracting one article took longer than its budget (``Settings.max_seconds``)."""


def extract_events(doc: Doc, article: Article, *, max_seconds: float | None = None) -> list[Event]:
    """Every event mention in one parsed article (one record per trigger). With ``max_seconds``,
    raises ExtractionTimeout once the sentences read so far have taken longer than that."""
    return extract_records(doc, article, max_seconds=max_seconds)[0]


def extract_records(doc: Doc, article: Article, *, max_seconds: float | None = None,
                    rules_confidence: bool = False) -> tuple[list[Event], list[Claim]]:
    """The events and the claims of one parsed article, from one reading: an event its own
    sentence gives no source takes the source of the outermost claim whose content holds its
    trigger (the claim finder's speakers: "X called for sanctions on Y", a quotation signed
    with a dash). The claims list the ids of the events inside them. Each event's confidence is
    the learned model's (:mod:`newsgraph.extract.confidence`), or with ``rules_confidence`` the
    rules' own score (what the model is trained from)."""
    events = _events(doc, article, max_seconds)
    claims = extract_claims(doc, article, events)
    events = link_exchanges(doc, _fill_anonymous_countries(_attributed_by_claims(events, claims)))
    if not rules_confidence:
        events = rescore(events, [sent.start_char for sent in doc.sents])
    return events, claims


def _attributed_by_claims(events: list[Event], claims: list[Claim]) -> list[Event]:
    """Events with no attribution of their own, attributed to the outermost claim holding their
    trigger: a report (a reporting verb, "according to", a speaker's colon or signature, "X
    called for / cited / blamed …"), not an intention ("X pledged to expel": X's own act), and
    not a claim whose cue is the event's own word ("X called for talks" is X's act)."""
    held = [c for c in claims if c.source is not None and c.cue_lemma in ATTRIBUTING_CUES]
    if not held:
        return events
    out: list[Event] = []
    for event in events:
        if not event.attribution:
            at = event.trigger.start
            around = [c for c in held if not (c.cue.start <= at < c.cue.end) and any(
                start <= at < end for start, end in (c.content_spans or ((c.content.start, c.content.end),)))]
            if around:
                outer = max(around, key=lambda c: (c.content.end - c.content.start, -c.content.start))
                event = replace(event, attribution=(outer.source,))  # type: ignore[arg-type]
        out.append(event)
    return out


def _events(doc: Doc, article: Article, max_seconds: float | None) -> list[Event]:
    builder = _Builder(doc, article)
    events: list[Event] = []
    deadline = None if max_seconds is None else time.monotonic() + max_seconds
    for raw in doc.sents:
        first = len(events)  # this sentence's events start here
        if deadline is not None and time.monotonic() > deadline:
            raise ExtractionTimeout(f"extraction took longer than {max_seconds:g} s (NEWSGRAPH_MAX_SECONDS); "
                                    "split the article or raise the limit")
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
                half = builder.exchange_half(tok, event, sent)
                if half is not None:
                    events.append(half)
                for derived in (builder.threat(tok, event, sent), builder.refusal(tok, event, sent),
                                builder.promise(tok, event, sent), builder.halt(tok, event, sent)):
                    if derived is not None:
                        events.append(derived)
        in_sentence = [e for e in events if e.evidence.start == sent.start_char]
        for i in range(first, len(events)):
            aimed = _aimed_by_content(events[i], in_sentence, sent)
            if aimed is not None:
                events[i] = aimed
        in_sentence = [e for e in events if e.evidence.start == sent.start_char]
        for judged in (builder.evaluation(sent, sent_sources, in_sentence),
                       builder.obligation(sent, sent_sources, in_sentence),
                       builder.menace(sent, sent_sources, in_sentence), *builder.claimed(sent, in_sentence)):
            if judged is not None:
                events.append(judged)
    return events


def _aimed_by_content(event: Event, in_sentence: list[Event], sent: Span) -> Event | None:
    """A threat with no target of its own is aimed at the target of the act it threatens: "X
    threatened to impose tariffs on Y", "X's threat to cut gas to Y", "X warned it would strike Y"
    (the act's trigger in the threat's complement). None when nothing changes."""
    if event.type not in AIMED_BY_CONTENT or event.target or event.symmetric:
        return None
    at = {t.idx: t for t in sent}
    tok = at.get(event.trigger.start)
    if tok is None:
        return None
    inside = {x.i for c in tok.children if c.dep_ in ("xcomp", "acl", "ccomp") for x in c.subtree}
    own = {identity(m.actor) for m in event.source}
    own_countries = {m.actor.country for m in event.source if m.actor.country}  # its officials are its side
    acts = [(other, act) for other in in_sentence
            if other is not event and (act := at.get(other.trigger.start)) is not None and act.i in inside]
    for other, _ in acts:
        if other.source and not own & {identity(m.actor) for m in other.source} and not (
                own_countries & {m.actor.country for m in other.source}):
            continue  # "vowed to respond to the Israeli attack": another's act, not the one threatened
        if target := _other_side(other.target, event.source):
            return replace(event, target=tuple(target))
    for other, act in acts:  # "vowed to respond to the Israeli attack": at whoever made the act answered
        if act.dep_ == "pobj" and act.head.head.lemma_.lower() in word_list("reacting_verbs") and (
                target := _other_side(other.source, event.source)):
            return replace(event, target=tuple(target))
    return None


def _fill_anonymous_countries(events: list[Event]) -> list[Event]:
    """Anonymous sources with no country of their own take the country of the next anonymous
    source that has one (:func:`~newsgraph.extract.attribution.fill_anonymous_countries`)."""
    flat = [claim for event in events for claim in event.attribution]
    filled = iter(fill_anonymous_countries(flat))
    out: list[Event] = []
    for event in events:
        claims = tuple(next(filled) for _ in event.attribution)
        out.append(replace(event, attribution=claims) if claims != event.attribution else event)  # type: ignore[arg-type]
    return out
