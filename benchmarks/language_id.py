"""False rejections of the language check on real English text, and what it says to other languages.

    .venv/bin/python benchmarks/language_id.py

English: the Guardian articles (../shared/corpora/guardian), the VOA articles and the dev
sentences (../shared/eval), the synthetic stories (../shared/data/ngec-synthetic), and the
English samples of ``benchmarks/data/language_samples.jsonl`` (market reports, result tables,
wire copy written for this benchmark). Other languages: the non-English samples of that file
(news sentences written for this benchmark in 14 languages). For each set: texts, how many the
check rejects, the lowest probability of English py3langid gives, and milliseconds per text.
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

from newsgraph.ingest.language import english_reason, language_probabilities

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"


def jsonl(path: Path, field: str = "text") -> list[str]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)[field] for line in f if line.strip()]


def main() -> None:
    lines = (HERE / "data/language_samples.jsonl").read_text(encoding="utf-8").splitlines()
    samples = [json.loads(line) for line in lines if line.strip()]
    with open(SHARED / "data/ngec-synthetic/stories.csv", encoding="utf-8", newline="") as f:
        stories = [row["text"] for row in csv.DictReader(f) if row["text"].strip()]
    sets = {
        "guardian articles": jsonl(SHARED / "corpora/guardian/articles.jsonl"),
        "voa articles": jsonl(SHARED / "eval/voa-dev/articles.jsonl"),
        "dev sentences": jsonl(SHARED / "eval/dev/sentences.jsonl"),
        "synthetic stories": stories,
        "english samples": [s["text"] for s in samples if s["lang"] == "en"],
        "other languages": [s["text"] for s in samples if s["lang"] != "en"],
    }
    english_reason("warm up: the identifier loads on the first text long enough to need it, " * 3)
    print(f"{'set':<20} {'texts':>6} {'rejected':>9} {'min P(en)':>10} {'ms/text':>8}")
    for name, texts in sets.items():
        start = time.perf_counter()
        rejected = sum(1 for t in texts if english_reason(t) is not None)
        elapsed = time.perf_counter() - start
        lowest = min(language_probabilities(t).get("en", 0.0) for t in texts)
        print(f"{name:<20} {len(texts):>6} {rejected:>9} {lowest:>10.2f} {1000 * elapsed / len(texts):>8.2f}")


if __name__ == "__main__":
    main()
