"""The learned confidence (newsgraph.extract.confidence): shipped, deterministic, and only a score."""

from __future__ import annotations

import json
from dataclasses import replace
from importlib.resources import files

from newsgraph.api import extract
from newsgraph.extract.confidence import MODEL_FILE, Model, article_features, features, load_model, rescore


def test_the_model_ships_in_the_package_and_loads_offline() -> None:
    data = json.loads(files("newsgraph").joinpath(MODEL_FILE).read_text(encoding="utf-8"))
    assert "trained by scripts/train_confidence.py" in data["about"]
    model = load_model()
    assert model.weights and all(isinstance(w, float) for w in model.weights.values())


def test_the_same_text_gives_the_same_confidence() -> None:
    text = "Chile sent 40 tanks to Peru on Monday. Peru thanked Chile for the help."
    first = [(e.type, e.confidence) for e in extract(text)]
    assert first and first == [(e.type, e.confidence) for e in extract(text)]
    assert all(0.0 <= c <= 1.0 for _t, c in first)


def test_rescoring_changes_the_confidence_only() -> None:
    events = extract("Chile accused Peru of shelling a border village. Peru denied it.")
    assert events
    again = rescore(events, [0])
    for before, after in zip(events, again, strict=True):
        assert replace(after, confidence=before.confidence) == before


def test_features_describe_the_record_and_its_place() -> None:
    text = "Chile sent 40 tanks to Peru on Monday. Peru thanked Chile for the help."
    events = extract(text)
    sent = next(e for e in events if e.type == "AID")
    names = features(sent, 0, [], [sent])
    assert {"type=AID", "sentence=0", "items"} <= set(names)
    assert any(n.startswith("src_via=") for n in names) and any(n.startswith("tgt_via=") for n in names)
    later = article_features(events, [0, text.index("Peru thanked")])
    praise = [f for e, f in zip(events, later, strict=True) if e.trigger.start > text.index("Peru thanked")]
    assert praise and all("sentence=1" in f for f in praise)


def test_a_heavier_feature_raises_the_probability() -> None:
    model = Model(bias=-1.0, weights={"type=AID": 2.0, "type=ASSAULT": -1.0})
    assert model.probability(["type=AID"]) > model.probability([]) > model.probability(["type=ASSAULT"])
    assert model.probability(["unknown"]) == model.probability([])


def test_with_no_evidence_the_rules_score_stands() -> None:
    model = Model(bias=0.0, weights={"type=AID": 1.5}, prior=1.0)
    assert abs(model.probability([], 0.8) - 0.8) < 1e-9
    assert model.probability(["type=AID"], 0.8) > 0.8 > model.probability([], 0.6)
