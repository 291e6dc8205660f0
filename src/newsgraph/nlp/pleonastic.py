"""Pleonastic "it": "it is clear that …", "it seems", "it rains" refer to nothing.

After Lappin & Leass (1994, section 2.1.1): "it" as the subject of a modal or cognitive
predicate with an extraposed clause, of a raising verb, of weather verbs, or as the object in
"make it clear that". With no parse, a word-window check does the same more roughly.
"""

from __future__ import annotations

from spacy.tokens import Token


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- pleonastic "it" (Lappin & Leass 1994, section 2.1.1) ------------------------------------------

MODAL_ADJECTIVES: frozenset[str] = _words(
    "clear unclear likely unlikely possible impossible probable improbable certain uncertain "
    "true obvious evident apparent known unknown understood doubtful essential crucial vital "
    "necessary important difficult easy hard surprising unusual rare common worth significant "
    "notable plain sure conceivable legal illegal good bad better best wrong right useful "
    "urgent time enough ok okay fine acceptable unacceptable fair unfair reasonable wise unwise"
)
COGNITIVE_VERBS: frozenset[str] = _words(
    "report say announce believe understand think expect fear allege claim know estimate assume "
    "suggest confirm decide agree hope feel consider recommend rumour rumor suspect note "
    "acknowledge learn reveal"
)
# Adjectives whose subject is a real agent ("it is ready to supply") or that raise it ("likely to").
CONTROL_ADJECTIVES: frozenset[str] = _words(
    "ready willing unwilling able unable prepared eager keen determined happy reluctant anxious "
    "afraid free quick slow careful open committed"
)
RAISING_ADJECTIVES: frozenset[str] = _words("likely unlikely certain sure bound set due")
PLEONASTIC_NOUNS: frozenset[str] = _words("shame pity time mistake surprise question matter wonder")
RAISING_VERBS: frozenset[str] = frozenset({"seem", "appear", "happen", "turn", "follow", "matter"})
WEATHER_VERBS: frozenset[str] = frozenset({"rain", "snow", "hail", "drizzle"})
COPULAS: frozenset[str] = frozenset({"be", "remain", "become", "seem", "appear", "look", "sound", "prove"})
MAKE_VERBS: frozenset[str] = frozenset({"make", "find", "consider", "deem", "leave", "think"})
MADE_IT_PARTICLES: frozenset[str] = _words("to through into out back home across past")
_COPULA_FORMS: frozenset[str] = _words(
    "'s is was be been being are were remains remained seems seemed becomes became appears appeared "
    "looks looked"
)
_BETWEEN_IT_AND_PREDICATE: frozenset[str] = _words(
    "'s is was be been being are were will would may might could should can has had have "
    "not n't also still now already seems seemed remains remained becomes became appears appeared "
    "looks looked even quite very so all too"
)


def is_pleonastic(token: Token) -> bool:
    """True for a non-referring "it": "it is clear that", "it was reported", "made it plain"."""
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl":
        return True
    head = token.head
    children = {child.dep_ for child in head.children}
    if token.dep_ in ("nsubj", "nsubjpass") and head.i != token.i:
        lemma = head.lemma_.lower()
        if lemma in WEATHER_VERBS:
            return True
        if lemma in RAISING_VERBS and children & {"ccomp", "xcomp", "acomp", "advcl"}:
            return True
        if token.dep_ == "nsubjpass" and lemma in COGNITIVE_VERBS:
            return True
        if head.pos_ == "ADJ" and lemma in MODAL_ADJECTIVES:  # small clause: "made it clear that"
            return True
        if lemma in COPULAS and any(_extraposed(head, child) for child in head.children):
            return True
    if token.dep_ == "dobj" and head.lemma_.lower() in MAKE_VERBS:
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is not None and nxt.lemma_.lower() in MODAL_ADJECTIVES:
            return True
        if nxt is not None and head.lemma_.lower() == "make" and nxt.lower_ in MADE_IT_PARTICLES:
            return True  # "made it to the front", "made it through"
    return pleonastic_by_words(token)


def _extraposed(copula: Token, predicate: Token) -> bool:
    """"it is clear (that …)", "it is OK to …", "it is a shame that …"; not "it is ready to …"."""
    lemma = predicate.lemma_.lower()
    complements = {c.dep_ for c in (*copula.children, *predicate.children)} & {"ccomp", "xcomp", "csubj"}
    if predicate.dep_ == "attr":
        return lemma in PLEONASTIC_NOUNS or lemma in MODAL_ADJECTIVES
    if predicate.dep_ != "acomp" or lemma in CONTROL_ADJECTIVES:
        return False
    if lemma in RAISING_ADJECTIVES:  # "it is likely that …" but "it is likely to veto"
        return "ccomp" in complements or not complements
    return lemma in MODAL_ADJECTIVES or bool(complements)


def pleonastic_by_words(token: Token) -> bool:
    """The same patterns read off the words alone: for a wrong parse, or none at all."""
    if token.lower_ != "it":
        return False
    doc, i, seen_be = token.doc, token.i + 1, False
    while i < len(doc) and i <= token.i + 5 and doc[i].lower_ in _BETWEEN_IT_AND_PREDICATE:
        seen_be = seen_be or doc[i].lower_ in _COPULA_FORMS
        i += 1
    if i >= len(doc):
        return False
    word = doc[i].lower_
    if any(word.startswith(verb) for verb in WEATHER_VERBS):  # "it rained", "it was snowing"
        return True
    if not seen_be:
        return False
    if word in MODAL_ADJECTIVES and doc[i].pos_ in ("ADJ", "NOUN", ""):
        return True
    stems = {doc[i].lemma_.lower(), word[:-1], word[:-2]}  # "reported", "believed" without a lemmatizer
    return doc[i].tag_ in ("VBN", "") and bool(stems & COGNITIVE_VERBS)


# --- salience (Lappin & Leass weights; sentence recency is applied by the caller) ------------------
