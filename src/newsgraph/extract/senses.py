"""Sense checks: whether a trigger, read with its arguments, is the event its type says.

The rules are data (``data/lexicon/senses.tsv``, word lists in ``wordlists.tsv``); this
module is the one mechanism that reads them. ``check(reading)`` gives the first matching
row's verdict: keep (None), ``Verdict(drop=True)`` or a new type (and mode).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from newsgraph.extract.items import item_phrases
from newsgraph.extract.lexicon import (
    MODIFIER_DEPS,
    aux_form,
    called_as,
    convened,
    load_triggers,
    read_table,
    trigger_for,
    word_forms,
    word_list,
)
from newsgraph.extract.roles import (
    Roles,
    agents,
    children,
    counted,
    expanded_or_antecedents,
    is_passive,
    objects,
    passive_themes,
    pobjs,
    subjects,
)
from newsgraph.extract.status import MODALS, halts
from newsgraph.nlp.components.open_actors import leaders_of
from newsgraph.records import ActorMention


@dataclass(frozen=True, slots=True)
class Reading:
    """A trigger with its arguments as the event builder resolved them."""

    token: Token
    lemma: str  # the lexicon lemma ("pull out")
    type: str
    frame: str
    roles: Roles
    source: tuple[ActorMention, ...]
    target: tuple[ActorMention, ...]
    symmetric: bool
    somewhere: bool  # a visit's destination names a place or a state


@dataclass(frozen=True, slots=True)
class Verdict:
    drop: bool = False
    type: str | None = None
    mode: str | None = None
    rule: str = ""


def _words(names: str) -> frozenset[str]:
    """The union of the word lists named ("support|forces")."""
    return frozenset(w for n in names.split("|") for w in word_list(n))


def _counted(tokens: list[Token]) -> list[Token]:
    """Tokens with what a count or part among them stands for ("hundreds of officers": officers)."""
    return [*tokens, *[o for t in tokens for o in counted(t)]]


def _themes(r: Reading) -> list[Token]:
    """The trigger's themes, objects and what a passive says undergoes it, with what counts stand for
    and what a relative pronoun stands for ("the pact, which Peru signed": pact)."""
    undergoers = [c for c in r.token.children if c.dep_ == "nsubjpass"]  # "demands were met"
    undergoers += passive_themes(r.token)  # "had her citizenship revoked", "the citizenship revoked by X"
    return _counted(expanded_or_antecedents(r.token, [*r.roles.theme, *objects(r.token), *undergoers]))


def _theme(arg: str) -> Callable[[Reading], bool]:
    words = _words(arg)
    return lambda r: bool(word_forms(_themes(r)) & words)


def _tally(r: Reading) -> bool:
    """A count of victims over time, not an event: "more than 500,000 people have been killed in
    Syria", "29 of them have been killed in action", "up to 500 civilians killed": a perfect or
    bare passive with a number for its victims, and no doer, cause or date of its own."""
    tok = r.token
    if tok.tag_ != "VBN" or r.source or agents(tok):
        return False
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    # not "had been killed": a past event reported
    perfect = bool(aux & {"have", "has", "'ve"}) or tok.dep_ in ("acl", "amod", "oprd")
    if not perfect or any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree):
        return False
    if any(trigger_for(o) is not None for o in pobjs(tok, ("in", "during", "by", "after"))):
        return False  # "have been killed in an air strike": the strike is the event
    victims = [c for c in tok.children if c.dep_ == "nsubjpass"] + ([tok.head] if tok.dep_ in ("acl", "amod") else [])
    victims = [o for v in victims for o in (v, *v.children, *counted(v))]
    return any(v.like_num or v.dep_ == "nummod" or v.lemma_.lower() in word_list("count_nouns") for v in victims)


def _own_theme(r: Reading) -> bool:
    """A theme or object is the doer's own, by a possessive pronoun ("destroyed its stockpile",
    "scrapped their missiles")."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for t in [*r.roles.theme, *objects(r.token)]
               for c in t.children)


def _theme_item(arg: str) -> Callable[[Reading], bool]:
    """A theme is an item of one of these categories (items lexicon): "the sale of fighter jets"."""
    categories = frozenset(arg.split("|"))

    def test(r: Reading) -> bool:
        themes = _counted([*r.roles.theme, *objects(r.token)])
        return any(item.category in categories for t in themes for item in item_phrases(t))

    return test


def _theme_modifier(arg: str) -> Callable[[Reading], bool]:
    words = _words(arg)

    def test(r: Reading) -> bool:
        themes = _counted([*r.roles.theme, *objects(r.token)])
        return bool(word_forms([c for t in themes for c in t.children if c.dep_ in MODIFIER_DEPS]) & words)

    return test


def _together(r: Reading) -> bool:
    """Done with others: a with-phrase names a resolved side, or the sides are several states or
    groups ("Russia held drills with China", "India and France held drills")."""
    if r.symmetric or len({m.actor.country or m.actor.name for m in r.source}) >= 2:
        return True
    heads = [r.token, r.token.head] if r.token.dep_ in ("dobj", "pobj") else [r.token]
    partners = {t.i for h in heads for p in pobjs(h, ("with", "alongside")) for t in p.subtree}
    return any(m.start in partners for m in r.target)


def _copular_predicate(r: Reading) -> bool:
    """A noun trigger that is what a copula says its subject is ("the group is a serious threat to
    public order", "he was the biggest threat to him"): a characterisation, not an act."""
    tok = r.token
    return tok.dep_ == "attr" and tok.head.lemma_ == "be"


def _describing(r: Reading) -> bool:
    """A past participle that describes a noun, with no doer named ("a people committed to peace",
    "a leader devoted to reform"): a quality, not an act."""
    tok = r.token
    return tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and not any(  # (the tagger may say VBD)
        c.dep_ in ("agent", "nsubj") or (c.dep_ == "prep" and c.lower_ == "by") for c in tok.children)


def _left_in_state(r: Reading) -> bool:
    """The verb leaves its object in a state ("leaving Assad in power", "left the town intact"): what
    stays as it is, not a departure."""
    objs = objects(r.token)
    if not objs:
        return False
    if any(c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and c.pos_ == "ADJ" for c in r.token.children):
        return True
    return bool(word_forms(_counted([p for h in (r.token, *objs) for p in pobjs(h, ("in",))]))
                & word_list("held_states"))


def _called_predicate(r: Reading) -> bool:
    """A noun trigger that is what a calling verb calls something ("called the raid a massacre",
    "described the policy as ethnic cleansing", "was branded an act of aggression"): the caller's
    characterisation of another act, not an act of its own."""
    tok = r.token
    verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "as" else tok.head
    return called_as(verb) == tok


def _copular_subject(r: Reading) -> bool:
    """A noun trigger that is the subject of a copula describing it ("the kidnapping is the fourth
    such incident", "his arrest was not a reflection of X", "the ban is going to be bad"): a
    comment on an act, not a report of it."""
    tok = r.token
    if tok.dep_ != "nsubj":
        return False
    head = tok.head  # the copula itself, or a verb with one below it: "is going to be bad"
    copula = head if head.lemma_ == "be" else next(
        (g for c in head.children if c.dep_ == "xcomp" for g in c.subtree if g.lemma_ == "be"), None)
    return copula is not None and any(c.dep_ in ("attr", "acomp") for c in (*copula.children, head))


def _subject(arg: str) -> Callable[[Reading], bool]:
    words = _words(arg)

    def test(r: Reading) -> bool:
        tok = r.token
        doers = [*subjects(tok), *agents(tok), *pobjs(tok, ("in", "during", "by"))]  # "killed in the floods"
        return bool(word_forms(expanded_or_antecedents(tok, doers)) & words)  # "the floods, which killed 40"

    return test


def _doer(arg: str) -> Callable[[Reading], bool]:
    """The trigger's grammatical subject (its own, or its controller's) is in the word list; unlike
    ``subject``, no by-, in- or during-phrase ("travelled by train" has no train for a doer)."""
    words = _words(arg)
    return lambda r: bool(word_forms(_counted(subjects(r.token))) & words)  # "a handful of protesters"


def _object_of(arg: str) -> Callable[[Reading], bool]:
    return lambda r: r.token.dep_ == "pobj" and r.token.head.lower_ == arg


def _governor(arg: str) -> Callable[[Reading], bool]:
    """The noun trigger is the object of a verb in the list, directly or through a preposition
    ("faces a growing threat", "to deal with the threat")."""
    words = _words(arg)

    def test(r: Reading) -> bool:
        tok = r.token
        verb = tok.head.head if tok.dep_ == "pobj" else tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
        return verb is not None and verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in words

    return test


def _prep(arg: str) -> Callable[[Reading], bool]:
    preps, _, name = arg.partition(":")
    words = frozenset() if name == "*" else _words(name)
    wanted = tuple(preps.split("|"))

    def test(r: Reading) -> bool:
        heads = [r.token, *[c for c in r.token.children  # "pulled out of": the particle's own phrase
                            if c.dep_ == "prt" or (c.dep_ in ("prep", "advmod") and c.i == r.token.i + 1)]]
        found = [o for h in heads for o in pobjs(h, wanted)]
        return bool(found) if name == "*" else bool(word_forms(_counted(found)) & words)

    return test


def _reason(r: Reading) -> bool:
    """A for-phrase gives the reason the trigger's object is blamed: "attacked X for refusing to
    back him", "criticised X for its stance" (a gerund, or a noun with an owner)."""
    for prep in (c for c in r.token.children if c.dep_ == "prep" and c.lower_ == "for"):
        for obj in prep.children:
            if obj.dep_ == "pcomp" or (obj.dep_ == "pobj" and (obj.tag_ == "VBG" or children(obj, "poss"))):
                return True
    return False


def _armed(r: Reading) -> bool:
    return any(
        m.actor.kind == "state" or m.actor.sector in word_list("armed_sectors")
        or (m.actor.kind == "group" and m.actor.sector is None)
        for m in (*r.source, *r.target)
    )


def _source_sector(arg: str) -> Callable[[Reading], bool]:
    """A source's sector is in the (upper-case) sector list: "armed_sectors", "civic_sectors" …"""
    sectors = word_list(arg)  # an unknown list fails when the rules are read
    return lambda r: any(m.actor.sector in sectors for m in r.source)


def _theme_act(arg: str) -> Callable[[Reading], bool]:
    """An object of the trigger is itself an act of another type ("received threats / a request /
    an apology from X"), or of one of the listed types ("suspended its offensive": ASSAULT): that
    act is the event."""
    types = frozenset(arg.split("|")) if arg else None

    def check(r: Reading) -> bool:
        return any(c.dep_ in ("dobj", "nsubjpass") and (t := trigger_for(c)) is not None
                   and (t.type in types if types is not None else t.type != r.type) for c in r.token.children)
    return check


def _subject_act(r: Reading) -> bool:
    """A subject of the trigger is itself an act ("airstrikes targeted X", "the genocide targeting
    its Tutsis"): that act is the event."""
    doers = subjects(r.token) + (agents(r.token) if is_passive(r.token) else [])  # "X was targeted by protests"
    return any(trigger_for(c) is not None for c in doers)


def _target_sector(arg: str) -> Callable[[Reading], bool]:
    """A target's sector is in the (upper-case) sector list."""
    sectors = word_list(arg)
    return lambda r: any(m.actor.sector in sectors for m in r.target)


def _complement_in(arg: str) -> Callable[[Reading], bool]:
    """The clausal complement's verb is in the word list ("*": any clausal complement); a noun's is
    its infinitive or clause ("the threat to cut supplies", "a promise that it would pay")."""
    words = frozenset() if arg == "*" else _words(arg)
    return lambda r: any((c.dep_ in ("xcomp", "ccomp") or (
        c.dep_ == "acl" and r.token.pos_ == "NOUN" and c.pos_ in ("VERB", "AUX") and c.i > r.token.i))
        and (arg == "*" or c.lemma_.lower() in words) for c in r.token.children)


def _finding_in(arg: str) -> Callable[[Reading], bool]:
    """A finite clause the trigger takes ("agreed (that) the regime had a pattern of …") has its
    verb in the word list and no modal (the status cues' modals: "agreed the zone will be
    in place" is an act agreed): a judgement of how things are, not an act agreed."""
    words = _words(arg)
    return lambda r: any(c.dep_ == "ccomp" and c.lemma_.lower() in words
                         and not any(a.dep_ == "aux" and aux_form(a) in MODALS for a in c.children)
                         for c in r.token.children)


def _complement_theme_in(arg: str) -> Callable[[Reading], bool]:
    """The clausal complement's object is in the list ("declined to provide details")."""
    words = _words(arg)
    return lambda r: any(c.dep_ in ("xcomp", "ccomp") and bool(word_forms(objects(c)) & words)
                         for c in r.token.children)


def _owner(arg: str) -> Callable[[Reading], bool]:
    """A named possessor or leader among the sides ("Washington's call", "a UN-led inquiry"), or with
    ``owner:source`` among the sources only ("Chile's attack", not "Lopez's arrest"); a possessive
    pronoun ("their warnings") points back to an act already reported, not a new one."""
    if arg not in ("", "source"):
        raise ValueError(f"senses.tsv: owner takes no argument or 'source', not {arg!r}")

    def test(r: Reading) -> bool:
        sides = {i for m in (*r.source, *(() if arg else r.target)) for i in range(m.start, m.end)}
        owners = [c for c in r.token.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        owners += [t for c in r.token.children for t in leaders_of(c)]
        return any(c.i in sides for c in owners)
    return test


def _performer(r: Reading) -> bool:
    """The noun is the object of a verb whose subject is one of its sources: "X tweeted a
    condemnation", "X voiced criticism", "X issued a warning" (the act itself, performed)."""
    tok = r.token
    if tok.dep_ != "dobj" or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    sources = {i for m in r.source for i in range(m.start, m.end)}
    if halts(tok.head) and any(c.dep_ == "poss" for c in tok.children) and any(
            c.i in sources for c in (*tok.children, *subjects(tok.head))):
        return True  # "France will drop its probe", "ended their boycott": its own act, halted by its doer
    if tok.head.lemma_.lower() not in word_list("performing_verbs") and not convened(tok):  # "called a truce"
        return False  # "awaited trial", "described the meeting", "did not want mediation": not done by the subject
    # "X suspended its attacks and announced a truce": a conjoined verb's subject is the first's
    return any(c.i in sources for c in subjects(tok.head))


def _in_gerund_subject(r: Reading) -> bool:
    """The trigger is (inside) a gerund clause that is a subject: "Doing deals with dictators tends
    to …", "attempting a summit could be risky": an activity spoken of in general."""
    tok = r.token
    if any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children):
        return False  # "Turkey's attack on Afrin": a named doer's act is a particular one, however parsed
    if any(a.tag_ == "VBG" and a.dep_ in ("csubj", "nsubj", "nsubjpass") for a in (tok, *tok.ancestors)):
        return True
    # the small model may hang the gerund's object beside it: "Holding(csubj) talks(nsubj) … helps"
    # (right after the gerund, with no owner of its own: not "thousands fleeing the fighting – Chile's attack … is")
    return tok.dep_ == "nsubj" and not any(c.dep_ == "poss" for c in tok.children) and any(
        c.dep_ == "csubj" and c.tag_ == "VBG" and c.right_edge.i + 1 == tok.left_edge.i for c in tok.head.children)


def _modifier(words: frozenset[str]) -> Callable[[Reading], bool]:
    """A modifier of the trigger itself is in the list ("a retaliatory strike")."""
    return lambda r: bool(word_forms([c for c in r.token.children if c.dep_ in MODIFIER_DEPS]) & words)


def _predicate(words: frozenset[str]) -> Callable[[Reading], bool]:
    """A noun trigger is the subject of a verb in the list ("the truce held")."""
    return lambda r: r.token.dep_ in ("nsubj", "nsubjpass") and r.token.head.lemma_.lower() in words


def _of_phrase(words: frozenset[str]) -> Callable[[Reading], bool]:
    """An of-phrase of the trigger or of its object is in the list ("stripped X of his immunity")."""
    return lambda r: bool(word_forms(
        [*pobjs(r.token, ("of",)), *[p for o in objects(r.token) for p in pobjs(o, ("of",))]]) & words)


CHECKS: dict[str, Callable[[str], Callable[[Reading], bool]]] = {
    "theme": _theme,
    "theme_mod": _theme_modifier,
    "theme_item": _theme_item,
    "own_theme": lambda _arg: _own_theme,
    "tally": lambda _arg: _tally,
    "negated": lambda _arg: lambda r: any(c.dep_ == "neg" for c in r.token.children),
    "modifier": lambda arg: _modifier(_words(arg)),
    "subject": _subject,
    "doer": _doer,
    "object_of": _object_of,
    "governor": _governor,
    "prep": _prep,
    "frame": lambda arg: lambda r: r.frame == arg,
    "recipient": lambda _arg: lambda r: bool(r.target) or r.symmetric,
    "somewhere": lambda _arg: lambda r: r.somewhere,
    "together": lambda _arg: _together,
    "armed": lambda _arg: _armed,
    "reason": lambda _arg: _reason,
    "source_sector": _source_sector,
    "target_sector": _target_sector,
    "theme_act": _theme_act,
    "subject_act": lambda _arg: _subject_act,
    "particle": lambda arg: lambda r: any(c.dep_ in ("prt", "advmod") and c.lower_ in arg.split("|")
                                          for c in r.token.children),
    "form": lambda arg: lambda r: r.token.lower_ in arg.split("|"),
    "source_kind": lambda arg: lambda r: any(m.actor.kind in arg.split("|") for m in r.source),
    "source_via": lambda arg: lambda r: bool(r.source) and all(m.via in arg.split("|") for m in r.source),
    "target_kind": lambda arg: lambda r: any(m.actor.kind in arg.split("|") for m in r.target),
    "predicate": lambda arg: _predicate(_words(arg)),
    "owner": _owner,
    "performer": lambda _arg: _performer,
    "gerund_subject": lambda _arg: _in_gerund_subject,
    "copular_subject": lambda _arg: _copular_subject,
    "copular_predicate": lambda _arg: _copular_predicate,
    "called_predicate": lambda _arg: _called_predicate,
    "describing": lambda _arg: _describing,
    "left_in_state": lambda _arg: _left_in_state,
    "object": lambda _arg: lambda r: bool(objects(r.token)),
    "themed": lambda _arg: lambda r: bool(_themes(r)),
    "conditional": lambda _arg: lambda r: any(  # an if/unless clause in the trigger's sentence
        t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in r.token.sent),
    "source": lambda _arg: lambda r: bool(r.source),
    "complement": _complement_in,
    "finding": _finding_in,
    "complement_theme": _complement_theme_in,
    "of_phrase": lambda arg: _of_phrase(_words(arg)),
    "that_clause": lambda _arg: lambda r: any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in r.token.children),
    "mark": lambda arg: lambda r: r.token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == arg for c in r.token.children
    ),
}


@dataclass(frozen=True, slots=True)
class _Rule:
    types: frozenset[str] | None  # None: any
    lemmas: frozenset[str] | None  # None: any
    tests: tuple[tuple[bool, Callable[[Reading], bool]], ...]  # (negated, test)
    verdict: Verdict | None  # None: "keep", the event stays as it is and no later row is asked


def _parse_check(text: str) -> tuple[bool, Callable[[Reading], bool]]:
    negated = text.startswith("!")
    name, _, arg = text.lstrip("!").partition(":")
    make = CHECKS.get(name)
    if make is None:
        raise ValueError(f"senses.tsv: unknown check {name!r}")
    return negated, make(arg)


@lru_cache(maxsize=1)
def rules() -> tuple[_Rule, ...]:
    out: list[_Rule] = []
    seen: dict[str, int] = {}
    for row in read_table("senses.tsv"):
        lemma = row["lemma"].strip()
        then = row["then"].strip()
        # a name that stays when other rows come and go: "sense:ASSAULT.strike>PROTEST/strike"
        name = f"sense:{row['type'].strip().split('|')[0]}.{lemma.split('|')[0]}>{then}"
        seen[name] = seen.get(name, 0) + 1
        if seen[name] > 1:
            name = f"{name}#{seen[name]}"
        verdict: Verdict | None
        if then == "keep":
            verdict = None
        elif then == "drop":
            verdict = Verdict(drop=True, rule=name)
        else:
            new_type, _, mode = then.partition("/")
            verdict = Verdict(type=new_type, mode=mode or None, rule=name)
        tests = tuple(_parse_check(c.strip()) for c in row["when"].split("&") if c.strip())
        types = row["type"].strip()
        out.append(_Rule(
            types=None if types == "*" else frozenset(t.strip() for t in types.split("|")),
            lemmas=None if lemma == "*" else frozenset(w.strip() for w in lemma.split("|")),
            tests=tests,
            verdict=verdict,
        ))
    return tuple(out)


def _lemma_forms(reading: Reading) -> set[str]:
    """The lemmas a rule may name the reading by: the lexicon's, the token's, and for a verb done
    again ("regathering", derived by the lexicon from "gather") the verb's own."""
    forms = {reading.lemma, reading.token.lemma_.lower()}
    if reading.lemma.startswith("re") and (reading.lemma, reading.token.pos_) not in load_triggers().single:
        forms.add(reading.lemma[2:])
    return forms


def check(reading: Reading) -> Verdict | None:
    """The verdict of the first sense rule that matches the reading, or None (keep it as it is:
    no rule matches, or the first that does says "keep")."""
    forms = _lemma_forms(reading)
    for rule in rules():
        if rule.types is not None and reading.type not in rule.types:
            continue
        if rule.lemmas is not None and not rule.lemmas & forms:
            continue
        if all(test(reading) != negated for negated, test in rule.tests):
            return rule.verdict
    return None
