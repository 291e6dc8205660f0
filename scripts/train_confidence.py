"""An experiment toward issue 22: does a learned confidence beat the rules' own scores?

    .venv/bin/python scripts/train_confidence.py [--shared ../shared] [--out PATH] [--min-count 3]

Data: the 249 Guardian articles (``shared/corpora/guardian/articles.jsonl``) go through
``newsgraph.api.iter_extract``; each event whose trigger lies in one of the 500 annotated
sentences of ``shared/train/guardian-events`` is labelled right (1) when the sentence's
annotation accepts its type (``types`` or ``optional_types``), else wrong (0). Features:
``newsgraph.extract.confidence.features``; those seen fewer than ``--min-count`` times are
dropped. Model: L2-regularised logistic regression fitted by Newton's method (numpy). Prints
5-fold cross-validated precision by confidence threshold (folds by article) for the model and
for the rules' own confidence on the same events; with ``--out`` it fits on all and writes the
weights. Never trained on ``eval/`` (the dev sets measure it). Result of session 5 (BENCHMARKS.md):
on 236 labelled events the model does not separate right from wrong better than the rules'
scores, so none ships.
"""

from __future__ import annotations

import argparse
import collections
import json
from datetime import date
from pathlib import Path

import numpy as np

from newsgraph.api import iter_extract
from newsgraph.records import ActorMention, Article, Event

HERE = Path(__file__).resolve().parent
PRONOUNS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their", "we", "i", "us"})


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


def features(event: Event) -> list[str]:
    """The names of the features an event record has (binary features; see the module docstring)."""
    frame, _, rest = event.rule.partition(":")
    lemma = rest.split("+")[0].split(":")[-1]
    out = [
        f"type={event.type}",
        f"frame={frame}",
        f"type_frame={event.type}|{frame}",
        f"lemma={lemma}",
        f"type_lemma={event.type}|{lemma}",
        f"status={event.status}",
        f"sides={int(bool(event.source))}{int(bool(event.target) or event.symmetric)}",
    ]
    if "+sense:" in event.rule:
        out.append("sense")
    if event.symmetric:
        out.append("symmetric")
    if event.items:
        out.append("items")
    if event.attribution:
        out.append("attributed")
    if event.mode:
        out.append(f"mode={event.mode}")
    return out + _side("src", event.source) + _side("tgt", event.target)


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def load(shared: Path) -> tuple[list[list[str]], list[int], list[str], list[float]]:
    gold = _jsonl(shared / "train/guardian-events/gold.jsonl")
    spans = collections.defaultdict(list)
    for g in gold:
        spans[g["article_id"]].append((g["start"], g["end"], set(g["types"]) | set(g.get("optional_types") or [])))
    articles = []
    for row in _jsonl(shared / "corpora/guardian/articles.jsonl"):
        if row["id"] in spans:
            published = date.fromisoformat(row["published"][:10]) if row.get("published") else None
            articles.append(Article(id=row["id"], text=row["text"], published=published))
    rows: list[list[str]] = []
    labels: list[int] = []
    groups: list[str] = []
    rule_scores: list[float] = []
    for article, events in iter_extract(articles):
        for event in events:
            accepted = _accepted(event, spans[article.id])
            if accepted is None:
                continue
            rows.append(features(event))
            labels.append(int(event.type in accepted))
            groups.append(article.id)
            rule_scores.append(event.confidence)
    return rows, labels, groups, rule_scores


def _accepted(event: Event, spans: list[tuple[int, int, set[str]]]) -> set[str] | None:
    at = event.trigger.start
    for start, end, types in spans:
        if start <= at < end:
            return types
    return None


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Weights (bias last) of an L2-regularised logistic regression, by Newton's method."""
    xb = np.hstack([x, np.ones((x.shape[0], 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def matrix(rows: list[list[str]], vocab: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(rows), len(vocab)))
    for i, names in enumerate(rows):
        for n in names:
            if n in vocab:
                x[i, vocab[n]] = 1.0
    return x


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    p.add_argument("--out", type=Path, default=None, help="write the weights (JSON) here")
    p.add_argument("--min-count", type=int, default=3)
    p.add_argument("--l2", type=float, default=2.0)
    args = p.parse_args()
    rows, labels, groups, rule_scores = load(args.shared)
    counts = collections.Counter(n for names in rows for n in set(names))
    vocab = {n: i for i, n in enumerate(sorted(n for n, c in counts.items() if c >= args.min_count))}
    x, y = matrix(rows, vocab), np.array(labels, dtype=float)
    print(f"{len(y)} events in annotated sentences, {int(y.sum())} of an accepted type; {len(vocab)} features")
    # 5-fold cross-validation by article
    articles = sorted(set(groups))
    fold_of = {a: i % 5 for i, a in enumerate(articles)}
    folds = np.array([fold_of[g] for g in groups])
    held = np.zeros(len(y))
    for k in range(5):
        w = fit(x[folds != k], y[folds != k], args.l2)
        xb = np.hstack([x[folds == k], np.ones(((folds == k).sum(), 1))])
        held[folds == k] = 1.0 / (1.0 + np.exp(-xb @ w))
    rules = np.array(rule_scores)
    print("threshold   model (cross-validated): events right   rules' confidence: events right")
    for t in (0.0, 0.5, 0.6, 0.7, 0.8, 0.9):
        cells = []
        for score in (held, rules):
            keep = score >= t
            share = y[keep].mean() if keep.any() else float("nan")
            cells.append(f"{int(keep.sum()):6} {share:.3f}")
        print(f"  >= {t:.1f}   {cells[0]:>30}   {cells[1]:>30}")
    if args.out is None:
        return
    w = fit(x, y, args.l2)
    weights = {n: round(float(w[i]), 4) for n, i in vocab.items() if abs(w[i]) >= 1e-4}
    model = {
        "about": "newsgraph confidence model: logistic regression over newsgraph.extract.confidence.features; "
                 "trained by scripts/train_confidence.py on the rules' events in the 500 annotated sentences of "
                 "shared/train/guardian-events (Guardian articles, 2019; annotations made for this project)",
        "events": len(y), "right": int(y.sum()), "l2": args.l2, "min_count": args.min_count,
        "bias": round(float(w[-1]), 4), "weights": dict(sorted(weights.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights)")


if __name__ == "__main__":
    main()
