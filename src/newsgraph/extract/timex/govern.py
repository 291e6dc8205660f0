"""Which temporal expression governs an event trigger?

In order of preference, among the dated expressions (types date and time, and durations anchored
to the publication date such as "the past two years"; never sets or bare durations) of the
trigger's sentence:

1. one attached under the trigger's own clause: from the expression's head upwards, the trigger
   is reached before any other verb or clause head. A noun trigger that is the object or subject
   of a light verb ("held talks on Monday", "the meeting took place on Friday") also owns what
   hangs from that verb. Closest in the tree first, then closest in the text.
2. one attached to a clause the trigger depends on as an infinitive, a purpose clause or a
   conjoined verb ("plans to travel this month to meet X": "this month" reaches "meet"), but
   never through a reporting or complement clause ("said on Monday that X had attacked").
3. otherwise the nearest (by characters) in the same sentence that hangs from a clause
   containing the trigger ("On Monday, officials said that X had attacked": yes; "X, warned in
   February, has sent": "February" belongs to "warned", not to "sent"), or from a clause
   describing the trigger's object ("attend the forum, which runs Sunday to Friday");
4. otherwise None.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from newsgraph.extract.timex.record import Timex

CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "csubjpass", "parataxis", "pcomp"})
LIGHT_VERB_DEPS = frozenset({"dobj", "obj", "nsubj", "nsubjpass", "attr", "oprd"})
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nummod", "nmod", "poss"})
SHARED_TIME_DEPS = frozenset({"xcomp", "advcl", "conj"})  # the trigger's clause shares its governor's time


def governing_timex(trigger: Token, timexes: Sequence[Timex]) -> Timex | None:
    """The temporal expression that governs ``trigger`` (see the module docstring), or None."""
    doc = trigger.doc
    sent = trigger.sent
    candidates = [t for t in timexes if _dated(t) and sent.start <= t.token_start and t.token_end <= sent.end]
    if not candidates:
        return None
    owners = _owners(trigger)
    tier1: list[tuple[int, int, Timex]] = []
    tier2: list[tuple[int, int, Timex]] = []
    shared = _shared_governors(trigger)
    for timex in candidates:
        span = doc[timex.token_start:timex.token_end]
        if trigger.i in range(span.start, span.end):
            continue
        attached = _attachment(span, owners | set(shared))
        if attached is None:
            continue
        verb, steps = attached
        distance = _text_distance(trigger, timex)
        if verb in owners:
            tier1.append((steps, distance, timex))
        else:
            tier2.append((shared[verb], distance, timex))
    for tier in (tier1, tier2):
        if tier:
            return min(tier, key=lambda x: (x[0], x[1]))[2]
    ancestors = _enclosing_clauses(trigger)
    around = [
        t for t in candidates
        if (clause := _clause_of(doc[t.token_start:t.token_end])) in ancestors | {None}
        or (clause is not None and _describes_argument(doc[clause], trigger))
    ]
    return min(around, key=lambda t: _text_distance(trigger, t)) if around else None


def _dated(timex: Timex) -> bool:
    if timex.type in ("date", "time"):
        return True
    return timex.type == "duration" and (timex.start_date is not None or timex.end_date is not None)


def _owners(trigger: Token) -> set[int]:
    owners = {trigger.i}
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in LIGHT_VERB_DEPS and trigger.head.pos_ in ("VERB", "AUX"):
        owners.add(trigger.head.i)
    return owners


def _shared_governors(trigger: Token) -> dict[int, int]:
    """Verbs above the trigger whose time it shares, with how many clause links away they are."""
    out: dict[int, int] = {}
    tok = trigger
    for depth in range(1, 5):
        if tok.dep_ not in SHARED_TIME_DEPS or tok.head == tok:
            break
        if tok.dep_ == "advcl" and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            break  # only purpose clauses ("to meet"), not "after he met" or "because …"
        if _own_clause(tok):
            break  # "has supplied X but has not sent Y": a conjunct with its own auxiliary keeps its own time
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX"):
            break
        out[tok.i] = depth
    return out


def _is_clause_head(tok: Token) -> bool:
    if tok.pos_ == "VERB":
        return True
    return tok.dep_ in CLAUSE_DEPS and tok.pos_ in ("AUX", "ADJ")


def _attachment(span: Span, targets: set[int]) -> tuple[int, int] | None:
    """The target the expression's head reaches before any other clause head, with the steps taken.

    An expression that modifies a noun ("the 2015 agreement", "Sunday's vote") dates that noun,
    not the event the noun takes part in, unless the noun is the target itself.
    """
    tok = span.root
    if tok.dep_ in NOUN_MODIFIER_DEPS and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i not in targets:
        return None
    for steps in range(1, 16):
        head = tok.head
        if head == tok:
            return None
        tok = head
        if tok.i in targets:
            return tok.i, steps
        if _is_clause_head(tok):
            return None
    return None


def _own_clause(tok: Token) -> bool:
    return tok.dep_ == "conj" and any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children)


def _enclosing_clauses(trigger: Token) -> set[int]:
    """Tokens above the trigger, up to a conjunct that is a clause of its own."""
    out: set[int] = set()
    tok = trigger
    while tok.head != tok and not _own_clause(tok):
        tok = tok.head
        out.add(tok.i)
    return out


def _describes_argument(clause: Token, trigger: Token) -> bool:
    """The clause describes the trigger's object ("attend the forum, which is scheduled to run
    Sunday to Friday", "join the talks due next week"): the object's time is the event's."""
    tok = clause
    for _ in range(4):
        if tok.dep_ in ("relcl", "acl"):
            noun = tok.head
            holder = noun.head.head if noun.dep_ == "pobj" else noun.head
            return holder == trigger and noun.dep_ in ("dobj", "pobj", "attr", "nsubjpass")
        if tok.dep_ not in ("xcomp", "ccomp", "conj") or tok.head == tok:
            return False
        tok = tok.head
    return False


def _clause_of(span: Span) -> int | None:
    """The clause head an expression hangs from (None when it hangs from none)."""
    tok = span.root
    for _ in range(16):
        head = tok.head
        if head == tok:
            return None
        tok = head
        if _is_clause_head(tok):
            return tok.i
    return None


def _text_distance(trigger: Token, timex: Timex) -> int:
    start, end = trigger.idx, trigger.idx + len(trigger.text)
    if timex.end <= start:
        return start - timex.end
    if timex.start >= end:
        return timex.start - end
    return 0
