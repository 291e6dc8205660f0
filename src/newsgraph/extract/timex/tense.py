"""Past or future? The reading of a bare weekday, month or season from the verb that governs it.

From the expression's head upwards, the first verb decides:

- future: "will", "'ll", "shall", "won't"; a modal ("would", "could", "may", "might",
  "should", "must") without "have"; an infinitive under a verb or adjective of planning or
  expectation ("is set to", "plans to", "is expected to", "is due to", "is going to"); a
  planning participle the time hangs from ("scheduled for Friday"); a present progressive
  ("is meeting on Friday"); the present tense of a verb other than a reporting verb (the
  scheduled present: "the forum opens on Sunday", "the vote is in May", "the report is
  published on Friday");
- past: a past tense, a perfect ("has met"), a passive or progressive in the past tense, a
  bare past participle ("talks held on Monday"), a modal perfect ("could have met");
- a noun on the way with a modifier like "upcoming", "planned", "next" (future) or "last",
  "previous", "former" (past) decides when no verb is found before it;
- anything else (no verb, a reporting verb in the present) gives no reading; the normalizer
  then reads past.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsgraph.extract.timex.record import FUTURE, PAST, Direction

FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "’ll"})
MODALS = frozenset({"would", "could", "may", "might", "should", "must", "'d", "’d"})
PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "’ve"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re"})
PAST_BE = frozenset({"was", "were"})
# Lemmas that put an infinitive under them in the future: "plans to", "is set to", "is expected to".
FUTURE_GOVERNORS = frozenset({
    "plan", "set", "expect", "schedule", "due", "intend", "aim", "prepare", "hope", "poise", "slate",
    "likely", "about", "agree", "promise", "pledge", "vow", "decide", "threaten", "propose", "poised",
    "slated", "scheduled", "expected", "planned", "bound", "unlikely", "ready", "determined",
})
# Participles a time can hang from directly: "scheduled for Friday", "planned for next month".
PLANNING_VERBS = frozenset({"schedule", "plan", "set", "expect", "slate", "due", "timetable", "postpone",
                            "delay", "reschedule", "push"})
FUTURE_MODIFIERS = frozenset({"upcoming", "planned", "forthcoming", "scheduled", "coming", "future", "proposed",
                              "expected", "prospective", "impending", "next"})
REPORTING_VERBS = frozenset({"say", "tell", "report", "claim", "state", "announce", "confirm", "add", "note", "write",
                             "insist", "argue", "believe", "think", "warn", "accuse", "deny", "suggest"})
PAST_MODIFIERS = frozenset({"last", "previous", "former", "past", "recent", "earlier", "prior"})


def infer_direction(span: Span) -> Direction | None:
    """The past/future reading of a temporal expression from its governing verb (None: no cue)."""
    tok = span.root
    for _ in range(12):
        head = tok.head
        if head == tok:
            return None
        tok = head
        if tok.pos_ in ("VERB", "AUX"):
            return verb_direction(tok)
        if tok.pos_ in ("NOUN", "PROPN"):
            cue = _noun_cue(tok)
            if cue is not None:
                return cue
    return None


def _noun_cue(noun: Token) -> Direction | None:
    for child in noun.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i:
            word = child.lower_
            if word in FUTURE_MODIFIERS:
                return FUTURE
            if word in PAST_MODIFIERS:
                return PAST
    return None


def verb_direction(verb: Token, depth: int = 0) -> Direction | None:
    """The tense/modality reading of one verb (following infinitives up to their governor)."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & FUTURE_AUX:
        return FUTURE
    if auxes & MODALS:
        return PAST if "have" in auxes else FUTURE
    if "to" in auxes and verb.head != verb and depth < 4:
        governor = verb.head
        lemma = governor.lemma_.lower()
        if lemma in FUTURE_GOVERNORS or governor.lower_ in FUTURE_GOVERNORS:
            return FUTURE
        if lemma == "go" and governor.tag_ == "VBG":
            return FUTURE
        if governor.pos_ in ("VERB", "AUX", "ADJ"):
            return verb_direction(governor, depth + 1)
        return None
    if verb.lemma_.lower() in PLANNING_VERBS and verb.tag_ in ("VBN", "JJ"):
        return FUTURE
    if auxes & PERFECT_AUX or (verb.lower_ == "been" and auxes):  # "it's been": a perfect
        return PAST
    tag = verb.tag_
    if tag == "VBD":
        return PAST
    if tag == "VBN":
        if auxes & PRESENT_BE and verb.lemma_.lower() not in REPORTING_VERBS:
            return FUTURE  # the scheduled present, passive: "the film is released on Friday"
        if auxes & PRESENT_BE or "be" in auxes:
            return None
        return PAST
    if tag == "VBG":
        if auxes & PRESENT_BE:
            return FUTURE
        if auxes & PAST_BE:
            return PAST
    if tag == "VBP" and verb.lower_.endswith("ed"):
        return PAST  # a past tense the tagger took for a present one
    if tag in ("VBZ", "VBP") and verb.lemma_.lower() not in REPORTING_VERBS:
        return FUTURE  # the scheduled present: "the forum opens on Sunday", "the vote is in May"
    return None
