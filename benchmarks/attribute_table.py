"""The model's attribute ruler against ``newsgraph_attribute_table``, side by side on the same docs.

    .venv/bin/python benchmarks/attribute_table.py [--limit N] [--rounds N]

Parses the throughput benchmark's texts (synthetic stories and Guardian articles) up to the
attribute ruler once, then applies the stock ruler and the table to copies of the same docs,
alternating, and prints the best time of each, their ratio and how many docs differ in POS,
morphology, lemma, tag or dependency after the lemmatizer (0 expected).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.tokens import DocBin

sys.path.insert(0, str(Path(__file__).resolve().parent))
from newsgraph.nlp.components.attribute_table import from_ruler  # noqa: E402
from newsgraph.nlp.pipeline import _fix_lemmas, load_model  # noqa: E402
from throughput import load_texts  # noqa: E402

COLUMNS = [POS, MORPH, LEMMA, TAG, DEP]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--limit", type=int, default=700, help="synthetic stories (all Guardian articles are added)")
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args()
    nlp = load_model("en_core_web_sm")
    _fix_lemmas(nlp)
    ruler = nlp.get_pipe("attribute_ruler")
    table = from_ruler(ruler)
    lemmatizer = nlp.get_pipe("lemmatizer")
    texts = load_texts(args.limit)
    parsed = DocBin()
    for doc in nlp.pipe(texts, disable=["attribute_ruler", "lemmatizer", "ner"]):
        parsed.add(doc)
    data = parsed.to_bytes()
    best = {"stock ruler": float("inf"), "table": float("inf")}
    results = {}
    for _ in range(args.rounds):
        for name, component in (("stock ruler", ruler), ("table", table)):
            docs = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
            start = time.perf_counter()
            for doc in docs:
                component(doc)
            best[name] = min(best[name], time.perf_counter() - start)
            results[name] = [lemmatizer(doc).to_array(COLUMNS) for doc in docs]
    differ = sum(not np.array_equal(a, b) for a, b in zip(results["stock ruler"], results["table"], strict=True))
    tokens = sum(len(a) for a in results["table"])
    print(f"{len(texts)} docs, {tokens} tokens; best of {args.rounds} round(s)")
    for name, seconds in best.items():
        print(f"{name:<12}{seconds:>8.2f} s{tokens / seconds:>12.0f} tokens/s")
    print(f"table / stock ruler speed: {best['stock ruler'] / best['table']:.1f}x; docs that differ: {differ}")


if __name__ == "__main__":
    main()
