"""Temporal expressions of a news article, normalised TIMEX3-style against its publication date.

    find_timexes(doc, published)     every expression, in text order, as Timex records
    governing_timex(trigger, timexes) the one that governs an event trigger, or None
    resolve_timex(timex, published, direction=…)  the same expression read as past or future

Modules: ``patterns`` (the grammar, regular expressions over the text), ``filters`` (checks
against the parse), ``tense`` (past/future from the governing verb), ``normalize`` and
``calendar`` (values and dates), ``find`` (the pipeline), ``govern`` (triggers → times);
word tables in ``newsgraph/data/time/words.tsv``.
"""

from __future__ import annotations

from newsgraph.extract.timex.find import DirectionFor, find_timexes, resolve_timex
from newsgraph.extract.timex.govern import governing_timex
from newsgraph.extract.timex.record import FUTURE, PAST, Direction, TimeForm, Timex
from newsgraph.extract.timex.tense import infer_direction

__all__ = [
    "FUTURE",
    "PAST",
    "Direction",
    "DirectionFor",
    "TimeForm",
    "Timex",
    "find_timexes",
    "governing_timex",
    "infer_direction",
    "resolve_timex",
]
