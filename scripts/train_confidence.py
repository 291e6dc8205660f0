"""Train the confidence model (issue 22): how likely is a rule event's type right?

    .venv/bin/python scripts/train_confidence.py [--shared ../shared] [--stories N] [--cache FILE]
        [--out src/newsgraph/data/models/confidence.json]

The defaults are the shipped model's settings (no stories beyond the judged ones, ``--prior 2``,
``--l2 10``: the best cross-validated AUC, BENCHMARKS.md).

Data, each event found by the rules (``extract_records(..., rules_confidence=True)``) and labelled:
- the Guardian articles (``shared/corpora/guardian/articles.jsonl``) with sentences annotated in
  ``shared/train/guardian-events`` (500 sentences, every PLOVER event annotated for this project): an
  event whose trigger lies in an annotated sentence is right (1) when the annotation accepts its type
  (``types`` or ``optional_types``), else wrong (0);
- (optional) ``--stories N`` synthetic stories (``shared/data/ngec-synthetic/stories.csv``, written to illustrate
  one PLOVER type each), never those of ``score_stories.py input``'s samples (seed 1, 15 and 25 per
  label), which measure the extractor: an event of the story's type is right; an event of another
  type counts as wrong with weight ``--story-negative`` (a story may hold other true events); their
  events carry a feature ``synthetic_story`` that news never has, so the stories' base rate of right
  events is learnt there and not in the bias.
- ``scripts/data/confidence_labels.tsv``: 660 of the rules' events in synthetic stories (outside the
  scorer's samples) and Guardian articles (outside the annotated sentences), each judged right or
  wrong by type as a PLOVER coder would, by developer sessions (540 in session 13; 120 more in session
  14, drawn from the other 109 Guardian articles with quotas weighted to the mission's types: AID,
  COOPERATE, SANCTION, MOBILIZE, THREATEN); only ids and offsets are kept (the Guardian's text stays
  out of the repository). A judged event takes that label, weight 1.
Never trained on ``shared/eval/`` (the dev sets measure it).

Features: :func:`newsgraph.extract.confidence.features`, those seen fewer than ``--min-count`` times
dropped. Model: L2-regularised logistic regression fitted by Newton's method (numpy). Prints the
5-fold cross-validated share of right Guardian events by confidence threshold (folds by article) for
the model and for the rules' scores; then fits on everything and writes the weights to ``--out``.
"""

from __future__ import annotations

import argparse
import collections
import csv
import importlib.util
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import numpy as np

from newsgraph.extract import prepare
from newsgraph.extract.confidence import MODEL_FILE, article_features, logit
from newsgraph.extract.events import extract_records
from newsgraph.nlp import build_nlp
from newsgraph.records import Article, Event

HERE = Path(__file__).resolve().parent
THRESHOLDS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9)


def _jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _scored_story_rows(shared: Path) -> set[int]:
    """The rows of stories.csv in score_stories.py's samples (seed 1; 15 and 25 per label)."""
    spec = importlib.util.spec_from_file_location("score_stories", shared / "tools/score_stories.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {i for per_label in (15, 25) for i, _row in module.sample(per_label, 1)}


LABELS = HERE / "data/confidence_labels.tsv"


def judged() -> dict[tuple[str, int, str], int]:
    """The developers' judgements: (article id, trigger offset, type) → 1 right, 0 wrong."""
    with open(LABELS, encoding="utf-8", newline="") as handle:
        return {(r["article_id"], int(r["trigger_start"]), r["type"]): int(r["right"])
                for r in csv.DictReader(handle, delimiter="\t")}


def examples(shared: Path, n_stories: int) -> Iterator[dict]:
    """One dict per labelled event: features, label, weight, group (article), the rules' score."""
    judgements = judged()
    judged_articles = {a for a, _at, _t in judgements}
    gold = _jsonl(shared / "train/guardian-events/gold.jsonl")
    spans: dict[str, list[tuple[int, int, set[str]]]] = collections.defaultdict(list)
    for g in gold:
        spans[g["article_id"]].append((g["start"], g["end"], set(g["types"]) | set(g.get("optional_types") or [])))
    articles: list[tuple[Article, str | None]] = []
    for row in _jsonl(shared / "corpora/guardian/articles.jsonl"):
        if row["id"] in spans or row["id"] in judged_articles:
            published = date.fromisoformat(row["published"][:10]) if row.get("published") else None
            articles.append((Article(id=row["id"], text=row["text"], published=published), None))
    scored = _scored_story_rows(shared)
    with open(shared / "data/ngec-synthetic/stories.csv", encoding="utf-8", newline="") as handle:
        rows = [(i, r) for i, r in enumerate(csv.DictReader(handle)) if i not in scored and r["text"].strip()]
    chosen = rows[:: max(len(rows) // n_stories, 1)][:n_stories] if n_stories else []
    chosen_ids = {i for i, _r in chosen}
    chosen += [(i, r) for i, r in rows if f"story-{i}" in judged_articles and i not in chosen_ids]
    for i, r in chosen:
        articles.append((Article(id=f"story-{i}", text=r["text"], published=date(2023, 1, 1)), r["label"]))
    nlp = build_nlp()
    prepare()

    def docs() -> Iterator[tuple[object, tuple[Article, str | None]]]:
        for article, label in articles:
            doc = nlp.make_doc(article.text)
            doc.user_data["published"] = article.published
            yield doc, (article, label)

    for doc, (article, label) in nlp.pipe(docs(), as_tuples=True, batch_size=32):
        events, _ = extract_records(doc, article, rules_confidence=True)
        names = article_features(events, [s.start_char for s in doc.sents])
        for event, feats in zip(events, names, strict=True):
            verdict = judgements.get((article.id, event.trigger.start, event.type))
            if verdict is not None:
                y, weight = verdict, 1.0
            elif label is None:
                accepted = _accepted(event, spans[article.id])
                if accepted is None:
                    continue
                y, weight = int(event.type in accepted), 1.0
            else:
                y, weight = int(event.type == label), 1.0
            yield {"features": feats, "y": y, "weight": weight, "group": article.id,
                   "story": label is not None and verdict is None, "rules": event.confidence}


def _accepted(event: Event, spans: list[tuple[int, int, set[str]]]) -> set[str] | None:
    at = event.trigger.start
    for start, end, types in spans:
        if start <= at < end:
            return types
    return None


def fit(x: np.ndarray, y: np.ndarray, w8: np.ndarray, l2: float, offset: np.ndarray) -> np.ndarray:
    """Weights (bias last) of a weighted L2-regularised logistic regression with a fixed offset
    added to the log-odds, by Newton's method."""
    xb = np.hstack([x, np.ones((x.shape[0], 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(xb @ w + offset)))
        grad = xb.T @ (w8 * (p - y)) + penalty * w
        hess = (xb * (w8 * p * (1 - p))[:, None]).T @ xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w


def auc(score: np.ndarray, y: np.ndarray) -> float:
    """The chance that a right event scores above a wrong one (ties count half)."""
    pos, neg = score[y == 1], score[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


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
    p.add_argument("--stories", type=int, default=0,
                   help="synthetic stories to train on, labelled by their story's type (default: none)")
    p.add_argument("--story-weight", type=float, default=0.0,
                   help="weight of an unjudged story event (a judged or Guardian one: 1; 0: left out)")
    p.add_argument("--story-negative", type=float, default=0.3,
                   help="relative weight of a story event whose type is not the story's")
    p.add_argument("--cache", type=Path, default=None,
                   help="read the labelled events from this JSONL file if it exists, else write them there")
    p.add_argument("--out", type=Path, default=None,
                   help=f"write the weights here (the package's: src/newsgraph/{MODEL_FILE})")
    p.add_argument("--drop", default="", help="comma-separated feature-name prefixes to leave out (ablation)")
    p.add_argument("--min-count", type=int, default=3)
    p.add_argument("--l2", type=float, default=10.0)
    p.add_argument("--prior", type=float, default=2.0,
                   help="weight of the log-odds of the rules' score, added as a fixed offset (0: a feature only)")
    args = p.parse_args()
    if args.cache and args.cache.exists():
        data = _jsonl(args.cache)
    else:
        data = list(examples(args.shared, args.stories))
        if args.cache:
            args.cache.write_text("".join(json.dumps(d) + "\n" for d in data), encoding="utf-8")
    for d in data:
        if d["story"]:
            # the stories' own base rate goes to a feature news never has, so the bias is news's
            d["features"] = [*d["features"], "synthetic_story"]
            d["weight"] = args.story_weight * (1.0 if d["y"] else args.story_negative)
    data = [d for d in data if d["weight"] > 0]
    dropped = tuple(x for x in args.drop.split(",") if x)
    rows = [[n for n in d["features"] if not n.startswith(dropped)] if dropped else d["features"] for d in data]
    counts = collections.Counter(n for names in rows for n in set(names))
    vocab = {n: i for i, n in enumerate(sorted(n for n, c in counts.items() if c >= args.min_count))}
    x = matrix(rows, vocab)
    y = np.array([d["y"] for d in data], dtype=float)
    w8 = np.array([d["weight"] for d in data], dtype=float)
    story = np.array([d["story"] for d in data])
    offset = args.prior * np.array([logit(d["rules"]) for d in data])
    groups = [d["group"] for d in data]
    print(f"{len(y)} labelled events ({int((~story).sum())} Guardian, {int(story.sum())} story), "
          f"{int(y[~story].sum())} Guardian ones right; {len(vocab)} features")
    # 5-fold cross-validation by article, measured on the Guardian and judged events
    fold_of = {a: i % 5 for i, a in enumerate(sorted(set(groups)))}
    folds = np.array([fold_of[g] for g in groups])
    held = np.zeros(len(y))
    for k in range(5):
        w = fit(x[folds != k], y[folds != k], w8[folds != k], args.l2, offset[folds != k])
        xb = np.hstack([x[folds == k], np.ones(((folds == k).sum(), 1))])
        held[folds == k] = 1.0 / (1.0 + np.exp(-(xb @ w + offset[folds == k])))
    rules = np.array([d["rules"] for d in data])
    g = ~story
    print("Guardian and judged events, threshold   model (cross-validated): events right   rules' scores: events right")
    for t in THRESHOLDS:
        cells = []
        for score in (held[g], rules[g]):
            keep = score >= t
            share = y[g][keep].mean() if keep.any() else float("nan")
            cells.append(f"{int(keep.sum()):6} {share:.3f}")
        print(f"  >= {t:.1f}   {cells[0]:>30}   {cells[1]:>30}")
    print(f"AUC: model {auc(held[g], y[g]):.3f}, rules' scores {auc(rules[g], y[g]):.3f}")
    if args.out is None:
        return
    w = fit(x, y, w8, args.l2, offset)
    weights = {n: round(float(w[i]), 4) for n, i in vocab.items() if abs(w[i]) >= 1e-4}
    model = {
        "about": "newsgraph confidence model: logistic regression over newsgraph.extract.confidence.features "
                 "plus the rules' log-odds (prior), trained by scripts/train_confidence.py on the rules' events in "
                 "the 500 annotated sentences of shared/train/guardian-events (Guardian articles, 2019; annotated "
                 "for this project) and on the events judged in scripts/data/confidence_labels.tsv",
        "events": len(y), "guardian_events": int(g.sum()), "story_events": int(story.sum()),
        "story_negative": args.story_negative, "l2": args.l2, "min_count": args.min_count,
        "prior": args.prior, "bias": round(float(w[-1]), 4), "weights": dict(sorted(weights.items())),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights)")


if __name__ == "__main__":
    main()
