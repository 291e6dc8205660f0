"""A learned confidence for the rules' events: how likely a PLOVER coder accepts the event's type.

The rules propose events and give each a score from how it was found (both sides resolved, items,
coreference); this module re-scores each record with a logistic regression over features of the
record and of its place in the article (:func:`features`): the trigger's word and frame, the type,
status, which actor layer resolved each side, the rules' own score, the sentence it is in, and the
other events its trigger or sentence holds. The weights ship in ``data/models/confidence.json``,
written by ``scripts/train_confidence.py`` (which says what it was trained on). Re-scoring never
adds, drops or changes an event, only its ``confidence``.
"""

from __future__ import annotations

import bisect
import json
import math
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files

from newsgraph.records import ActorMention, Event

PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "i", "us"})
MODEL_FILE = "data/models/confidence.json"


def _side(prefix: str, mentions: tuple[ActorMention, ...]) -> list[str]:
    if not mentions:
        return [f"{prefix}=none"]
    first = mentions[0]
    out = [f"{prefix}_via={first.via}", f"{prefix}_kind={first.actor.kind}"]
    if first.actor.country is None:
        out.append(f"{prefix}_nocountry")
    if first.text.lower() in PRONOUNS:
        out.append(f"{prefix}_pronoun")
    if first.actor.sector:
        out.append(f"{prefix}_sector={first.actor.sector}")
    return out


def features(event: Event, sentence: int, same_trigger: list[Event], same_sentence: list[Event]) -> list[str]:
    """The binary features of one event: its record, the index of its sentence in the article,
    the other events of its trigger and of its sentence."""
    frame, _, rest = event.rule.partition(":")
    lemma = rest.split("+")[0].split(":")[-1]
    out = [
        f"type={event.type}",
        f"frame={frame}",
        f"type_frame={event.type}|{frame}",
        f"lemma={lemma}",
        f"type_lemma={event.type}|{lemma}",
        f"status={event.status}",
        f"type_status={event.type}|{event.status}",
        f"sides={int(bool(event.source))}{int(bool(event.target) or event.symmetric)}",
        f"rules={event.confidence:.1f}",
        f"sentence={min(sentence, 3)}",
        f"type_sentence={event.type}|{min(sentence, 1)}",
    ]
    if "+sense:" in event.rule:
        out.append("sense")
    if event.symmetric:
        out.append("symmetric")
    if event.items:
        out.append("items")
        out.extend(sorted({f"item={item.category}" for item in event.items}))
    if event.attribution:
        out.append("attributed")
    if event.mode:
        out.append(f"mode={event.mode}")
    if any(e.type != event.type for e in same_trigger):
        out.append("trigger_shared")
    others = Counter(e.type for e in same_sentence if e.trigger.start != event.trigger.start)
    out.append(f"sentence_events={min(sum(others.values()), 3)}")
    if others[event.type]:
        out.append("type_repeated")
    src = {m.actor.country for m in event.source} - {None}
    if src and src == {m.actor.country for m in event.target} - {None}:
        out.append("same_country")
    return out + _side("src", event.source) + _side("tgt", event.target)


def article_features(events: list[Event], sentence_starts: list[int]) -> list[list[str]]:
    """The features of each event of one article (``sentence_starts``: the character offset at
    which each sentence of the article begins, in order)."""
    by_trigger: dict[int, list[Event]] = {}
    by_sentence: dict[int, list[Event]] = {}
    for e in events:
        by_trigger.setdefault(e.trigger.start, []).append(e)
        by_sentence.setdefault(e.evidence.start, []).append(e)
    out = []
    for e in events:
        index = max(bisect.bisect_right(sentence_starts, e.evidence.start) - 1, 0)
        out.append(features(e, index, [o for o in by_trigger[e.trigger.start] if o is not e],
                            by_sentence[e.evidence.start]))
    return out


def logit(p: float) -> float:
    """The log-odds of a probability, kept finite (the rules' scores reach 0.95)."""
    p = min(max(p, 0.02), 0.98)
    return math.log(p / (1.0 - p))


@dataclass(frozen=True)
class Model:
    """Log-odds = bias + the weights of the features present + ``prior`` × the log-odds of the
    rules' own score: the features correct the rules' score, and where training saw little (a
    rare trigger) the rules' score stands."""

    bias: float
    weights: dict[str, float]
    prior: float = 0.0

    def probability(self, names: list[str], rules: float = 0.5) -> float:
        z = self.bias + sum(self.weights.get(n, 0.0) for n in names) + self.prior * logit(rules)
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped model (``data/models/confidence.json``)."""
    data = json.loads(files("newsgraph").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    return Model(bias=float(data["bias"]), weights={k: float(v) for k, v in data["weights"].items()},
                 prior=float(data.get("prior", 0.0)))


def rescore(events: list[Event], sentence_starts: list[int]) -> list[Event]:
    """The events with the model's confidence (two decimals) in place of the rules' score."""
    if not events:
        return events
    model = load_model()
    return [replace(e, confidence=round(model.probability(names, e.confidence), 2))
            for e, names in zip(events, article_features(events, sentence_starts), strict=True)]
