"""Checks against the parse: is this match really a time here?

``verdict`` says "keep", "drop", or "weak" (a lone month, year or season with nothing around
it that marks it as a time: kept only if it turns out to be part of a range, "March to May").

Dropped: a month that is a modal verb ("May") or part of a name ("Theresa May"); a weekday
inside a name ("the Sunday Times", "Bloody Sunday", "Good Friday Agreement"); "Today" or
"Daily" capitalised mid-sentence (a programme, a newspaper); a number that counts things
("in May 18 people died", "2000 troops"); "a second" and "a quarter of" (not durations);
"one day" as in "one day he will"; a frequency word used as an adjective ("daily life").
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from newsgraph.extract.timex.patterns import Candidate
from newsgraph.extract.timex.words import load_words

KEEP, DROP, WEAK = "keep", "drop", "weak"
NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "EVENT", "FAC", "PRODUCT", "LAW", "GPE", "LOC", "NORP"})
COUNT_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
WEEKDAY_WORDS = frozenset(load_words().table("weekday"))
MONTH_WORDS = frozenset(load_words().table("month"))
CONTEXT_WORDS = frozenset(load_words().table("context")) | {"(", "–", "-", "/"}
REL_WORDS = frozenset({"last", "next", "this", "past", "coming", "early", "late", "on", "every", "each"})
QUANTITY_WORDS = frozenset({"times", "once", "twice", "billion", "million", "trillion", "bn", "m", "tn", "percent",
                            "%", "cent", "dollars", "pounds", "euros", "tonnes", "barrels", "hours", "days"})
EVENT_NOUNS = frozenset(load_words().table("event_noun"))
IDIOM_PREPS = frozenset({"for", "in", "within", "after", "than", "about", "just", "only", "a", "over", "of"})


def verdict(cand: Candidate, span: Span, text: str) -> str:
    """keep, drop or weak for one grammar match (``text`` is its text)."""
    doc = span.doc
    form = cand.form
    first, last = span[0], span[-1]
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if cand.rule in ("weekday", "weekdays", "every") and _weekday_in_name(span, prev, nxt):
        return DROP
    if cand.rule == "month" and _month_not_time(span, prev):
        return DROP
    if cand.rule == "month" and nxt is not None and nxt.like_num and nxt.i + 1 < len(doc) and (
        _counts_things(nxt, doc[nxt.i + 1])
    ):
        return DROP  # "in May 18 people died"
    if cand.rule in ("deictic", "reference", "set_adverb") and _capitalised_mid_sentence(first):
        return DROP
    if cand.rule == "set_adverb" and first.tag_ and first.pos_ != "ADV":
        return DROP
    if cand.rule == "reference" and text.lower() == "soon" and prev is not None and prev.lower_ == "as":
        return DROP
    if cand.rule == "month_day" and form.year is None and _counts_things(last, nxt):
        return DROP
    if cand.rule == "year" and form.bare and _year_counts(first, prev, nxt):
        return DROP
    if form.kind == "duration" and _not_a_duration(text, form.unit, prev, nxt):
        return DROP
    if cand.rule == "period" and form.shift in (-1, 1) and prev is not None and prev.lower_ == "the":
        return DROP  # "the last year of his presidency" (the period rule starts at "last")
    if cand.rule == "rate":
        return KEEP if _after_quantity(prev) else DROP
    if form.bare:
        return KEEP if _marked_as_time(span, prev, nxt, cand.rule) else WEAK
    return KEEP


def _weekday_in_name(span: Span, prev: Token | None, nxt: Token | None) -> bool:
    day = next((t for t in span if t.lower_.rstrip("s") in WEEKDAY_WORDS), None)
    if day is None:
        return False
    if day.ent_type_ in NAME_LABELS:
        return True
    if day.dep_ == "compound" and day.head.pos_ == "PROPN" and day.head.lower_ not in MONTH_WORDS:
        return True  # "the Sunday Times"
    before = day.doc[day.i - 1] if day.i > 0 else None
    if before is not None and before.i == span.start - 1 and not before.is_sent_start and before.is_title:
        word = before.lower_
        if word not in CONTEXT_WORDS and word not in REL_WORDS and word not in MONTH_WORDS:
            return True  # "Bloody Sunday", "Black Friday", "Super Tuesday"
    return False


def _month_not_time(span: Span, prev: Token | None) -> bool:
    month = next((t for t in span if t.lower_ in MONTH_WORDS), None)
    if month is None:
        return False
    if month.ent_type_ in NAME_LABELS:
        return True  # "Theresa May", "March Madness"
    if month.tag_ == "MD" or month.pos_ in ("AUX", "VERB"):
        return True  # "May I", "March on"
    return prev is not None and prev.is_title and not prev.is_sent_start and prev.pos_ == "PROPN" and (
        prev.ent_type_ in ("PERSON", "ORG")
    )


def _capitalised_mid_sentence(tok: Token) -> bool:
    return tok.text[:1].isupper() and not tok.is_sent_start and tok.i > 0 and tok.doc[tok.i - 1].text not in (
        "\"", "“", "‘", "'", "(", "—", "–", "-", ":", "\n"
    ) and not tok.doc[tok.i - 1].is_space


def _counts_things(day: Token, nxt: Token | None) -> bool:
    """"in May 18 people died": the number counts the noun after it."""
    if nxt is None or nxt.ent_type_ == "DATE":
        return False
    return nxt.tag_ in ("NNS", "NNPS") or (day.dep_ == "nummod" and day.head == nxt and nxt.pos_ == "NOUN")


def _year_counts(year: Token, prev: Token | None, nxt: Token | None) -> bool:
    """"2000 troops", "1945 people": a number of things, not a year."""
    if nxt is not None and nxt.tag_ in ("NNS", "NNPS") and nxt.lemma_.lower() not in EVENT_NOUNS:
        return True  # "2000 troops" (but "the 2022 elections")
    return prev is not None and (prev.ent_type_ in COUNT_LABELS and prev.ent_type_ == year.ent_type_)


def _not_a_duration(text: str, unit: str | None, prev: Token | None, nxt: Token | None) -> bool:
    words = text.lower().split()
    if unit == "S" and words and words[0] in ("a", "an", "one"):
        return True  # "a second term"
    if unit == "Q" and (words[:1] in (["a"], ["an"], ["one"]) or (nxt is not None and nxt.lower_ == "of")):
        return True  # "a quarter of the population"
    idiom = words in (["one", "day"], ["some", "day"], ["one", "night"])
    return idiom and (prev is None or prev.lower_ not in IDIOM_PREPS)  # "one day he will", "one night in June"


def _after_quantity(prev: Token | None) -> bool:
    """"$10bn a year", "5% a month", "two meetings per week"."""
    if prev is None:
        return False
    if prev.like_num or prev.ent_type_ in COUNT_LABELS or prev.lower_ in QUANTITY_WORDS:
        return True
    return re.fullmatch(r"[$£€¥]?\d[\d.,]*(?:bn|m|k|tn|%)?", prev.lower_) is not None


def _marked_as_time(span: Span, prev: Token | None, nxt: Token | None, rule: str) -> bool:
    if any(t.ent_type_ == "DATE" for t in span):
        return True
    if prev is not None and prev.lower_ in CONTEXT_WORDS:
        return True
    if rule == "year":
        if prev is not None and prev.lower_ == "the" and nxt is not None and nxt.pos_ in ("NOUN", "PROPN"):
            return True  # "the 2022 election"
        if nxt is not None and nxt.lower_ in ("'s", "’s"):
            return True
    return False
