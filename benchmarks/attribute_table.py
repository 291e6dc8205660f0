"""The model's attribute ruler and lemmatizer against ``newsgraph_attribute_table`` and
``newsgraph_lemma_table``, side by side on the same docs.

    .venv/bin/python benchmarks/attribute_table.py [--limit N] [--rounds N]

Parses the throughput benchmark's texts (synthetic stories and Guardian articles) up to the
attribute ruler once, then applies the stock components and the tables to copies of the same
docs, alternating (each round with fresh components, so no lemma is known before it starts), and
prints the best time of each step, the ratios and how many docs differ in POS, morphology,
lemma, tag or dependency (0 expected).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline import Lemmatizer
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))
from newsgraph.nlp.components.attribute_table import LemmaTable, from_ruler  # noqa: E402
from newsgraph.nlp.pipeline import _fix_lemmas, load_model  # noqa: E402
from throughput import load_texts  # noqa: E402

COLUMNS = [POS, MORPH, LEMMA, TAG, DEP]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--limit", type=int, default=700, help="synthetic stories (all Guardian articles are added)")
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args()
    texts = load_texts(args.limit)
    nlp = load_model("en_core_web_sm")
    parsed = DocBin()
    for doc in nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]):
        parsed.add(doc)
    data = parsed.to_bytes()
    steps = ("stock ruler", "stock lemmatizer", "attribute table", "lemma table")
    best = dict.fromkeys(steps, float("inf"))
    results = {}
    for _ in range(args.rounds):
        model = load_model("en_core_web_sm")
        _fix_lemmas(model)
        ruler, lemmatizer = model.get_pipe("attribute_ruler"), model.get_pipe("lemmatizer")
        assert isinstance(lemmatizer, Lemmatizer)
        pairs = {"stock": (ruler, lemmatizer), "table": (from_ruler(ruler), LemmaTable(lemmatizer))}
        for kind, (first, second) in pairs.items():
            docs = list(DocBin().from_bytes(data).get_docs(model.vocab))
            for name, component in zip(steps[:2] if kind == "stock" else steps[2:], (first, second), strict=True):
                start = time.perf_counter()
                for doc in docs:
                    component(doc)
                best[name] = min(best[name], time.perf_counter() - start)
            results[kind] = [doc.to_array(COLUMNS) for doc in docs]
    differ = sum(not np.array_equal(a, b) for a, b in zip(results["stock"], results["table"], strict=True))
    tokens = sum(len(a) for a in results["table"])
    print(f"{len(texts)} docs, {tokens} tokens; best of {args.rounds} round(s)")
    for name, seconds in best.items():
        print(f"{name:<18}{seconds:>8.2f} s{tokens / seconds:>12.0f} tokens/s")
    print(f"attribute table / stock ruler speed: {best['stock ruler'] / best['attribute table']:.1f}x; "
          f"lemma table / stock lemmatizer: {best['stock lemmatizer'] / best['lemma table']:.1f}x; "
          f"docs that differ: {differ}")

if __name__ == "__main__":
    main()
