"""Generated inputs (hypothesis): no input crashes the reader, the decoder or extraction, and every
offset an event records slices the article to the text it records.

Bounded for the suite (derandomized, so CI sees the same cases each run); set
NEWSGRAPH_FUZZ_EXAMPLES to run more, randomly (the long campaign of BENCHMARKS.md).
"""

from __future__ import annotations

import json
import os
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from newsgraph import extract
from newsgraph.errors import InputError
from newsgraph.extract import extract_events
from newsgraph.ingest.checks import visible_spaces
from newsgraph.ingest.decode import UndecodableError, decode_text
from newsgraph.ingest.jsonl import read_jsonl
from newsgraph.records import Article, Event, Rejection

EXAMPLES = int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES", "0")) or None
FUZZ = settings(max_examples=EXAMPLES or 150, deadline=None, derandomize=EXAMPLES is None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Pieces of news text (written for these tests) that exercise the extractor's rules, and
# pieces that make text odd: quotes left open, dates out of range, controls, scripts, marks.
NEWS = [
    "Chile sent drones to Peru", "the Bolivian minister said", '"We will strike," he warned.',
    "according to officials in Lima", "Ecuador is ready to hold talks with Colombia",
    "At least 12 were killed in Quito", "Peru accused Chile of shelling its border posts",
    "3000 years ago", "in 12000 BC", "on 31 February 2024", "next Tuesday", "in the year 99999",
    "Argentina and Uruguay signed a deal", "if Brazil attacks, Paraguay will retaliate",
    "the US-led coalition's air strikes on Mosul", "the ministry of defence of Chile",
    "Mr. Boric", "U.S.", "e.g.", "…", "—", "’s", "“", "”", '"', "(", ")", ";", ":", "\n\n", "\t",
]
ODD = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=12)
TEXT = st.lists(st.one_of(st.sampled_from(NEWS), ODD), min_size=1, max_size=25).map(" ".join)


def offsets_slice(text: str, event: Event) -> bool:
    spans = [event.evidence, event.trigger]
    mentions = [*event.source, *event.target]
    ok = all(text[s.start : s.end] == s.text for s in spans)
    return ok and all(text[m.start_char : m.end_char] == m.text for m in mentions)


@FUZZ
@given(text=TEXT)
def test_extraction_never_fails_and_offsets_slice_to_their_text(nlp: Language, text: str) -> None:
    article = Article(id="fuzz", text=text, published=date(2024, 3, 6))
    for event in extract_events(nlp(text), article):
        assert offsets_slice(text, event), event
        assert 0.0 <= event.confidence <= 1.0


@FUZZ
@given(text=st.one_of(TEXT, st.text(max_size=80)))
def test_the_api_gives_events_or_an_input_error(text: str) -> None:
    try:
        events = extract(text, published=date(2024, 3, 6))
    except InputError as exc:
        assert str(exc)  # a message naming the problem
        return
    cleaned = visible_spaces(text)
    assert all(offsets_slice(cleaned, event) for event in events)


def _containers(inner: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4))


JSON_VALUE = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(), _containers,
                          max_leaves=12)
RECORD = st.fixed_dictionaries(
    {}, optional={"id": JSON_VALUE, "text": st.one_of(st.text(), JSON_VALUE), "published": JSON_VALUE,
                  "title": JSON_VALUE, "url": JSON_VALUE},
).map(lambda d: json.dumps(d).encode())
LINE = st.one_of(
    RECORD,
    st.binary(max_size=60),
    st.text(max_size=40).map(lambda t: json.dumps({"id": "s", "text": t + "\\ud800"}).replace("\\\\ud800", "\\ud800")
                             .encode()),  # a lone surrogate escaped in JSON
    st.integers(min_value=1, max_value=3000).map(lambda n: ("[" * n + "]" * n).encode()),  # deep nesting
    st.integers(min_value=1, max_value=6000).map(lambda n: ('{"id": ' + "9" * n + ', "text": "x"}').encode()),
)


@FUZZ
@given(lines=st.lists(LINE, max_size=8))
def test_the_jsonl_reader_answers_every_line(lines: list[bytes]) -> None:
    raw = [line.replace(b"\n", b" ") + b"\n" for line in lines]
    items = list(read_jsonl(raw, origin="fuzz.jsonl", max_chars=10_000))
    answered = [item for item in items if not (isinstance(item, Rejection) and item.line is None)]
    if raw and raw[0].startswith(b"\xef\xbb\xbf"):  # a byte-order mark opening the file is no content
        raw[0] = raw[0][3:]
    assert len(answered) == sum(1 for line in raw if line.strip())
    for item in items:
        if isinstance(item, Article):
            item.text.encode("utf-8")  # storable: no lone surrogates


@FUZZ
@given(data=st.binary(max_size=400))
def test_decoding_gives_text_or_a_reason(data: bytes) -> None:
    try:
        text = decode_text(data)
    except UndecodableError as exc:
        assert str(exc)
    else:
        text.encode("utf-8")
