"""Actors from the PETRARCH2 dictionaries (data/actors/petrarch2.tsv); sentences written for these tests."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from spacy.language import Language

from newsgraph.nlp.dictionary import dictionary_actor
from newsgraph.records import Event

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"


def events_of(text: str, published: date) -> list[Event]:
    import newsgraph

    return newsgraph.extract(text, published=published)


def test_a_person_has_the_office_held_at_the_date() -> None:
    in_office = dictionary_actor("Hamid Karzai", label="PERSON", when=date(2005, 6, 1))
    later = dictionary_actor("Hamid Karzai", label="PERSON", when=date(2022, 6, 1))
    assert in_office is not None and later is not None
    assert (in_office.country, in_office.sector, in_office.kind) == ("AFG", "GOV", "person")
    assert later.country == "AFG"
    assert later.sector != "GOV"  # out of office: a dated entry still names the person


def test_an_alias_shared_by_two_people_resolves_by_date() -> None:
    early = dictionary_actor("President George Bush", label="PERSON", when=date(1990, 3, 1))
    late = dictionary_actor("President George Bush", label="PERSON", when=date(2006, 3, 1))
    assert early is not None and late is not None
    assert early.name != late.name
    assert early.country == late.country == "USA"


def test_one_word_is_no_person_unless_listed_and_armed_groups_are_groups() -> None:
    assert dictionary_actor("Mimardanov", label="PERSON", when=date(2005, 6, 1)) is None  # a record's own one-word name
    group = dictionary_actor("the Baloch Liberation Army", label="ORG", when=date(2024, 1, 1))
    assert group is not None
    assert (group.kind, group.country, group.sector) == ("group", "PAK", "REB")


def test_a_dictionary_person_in_an_event() -> None:
    events = events_of("Michel Suleiman met the French foreign minister in Beirut on Monday.",
                       date(2009, 5, 4))
    sides = [m.actor for e in events for m in (*e.source, *e.target)]
    suleiman = [a for a in sides if a.name == "Michel Suleiman"]
    assert suleiman and all(a.country == "LBN" for a in suleiman)


def test_the_texts_own_title_wins_over_the_dictionary(nlp: Language) -> None:
    text = "Hungarian envoy Hamid Karzai met the Polish foreign minister in Warsaw."
    doc = nlp(text)
    people = [m.actor for m in doc._.actor_mentions if "Karzai" in m.text]
    assert people and people[0].country == "HUN"


@pytest.mark.skipif(not (SHARED / "data/petrarch2").is_dir(), reason="../shared/data/petrarch2 not present")
@pytest.mark.parametrize(("script", "table"), [
    ("petrarch2_actors.py", "petrarch2.tsv"),
    ("petrarch2_agents.py", "petrarch2_agents.tsv"),
    ("petrarch2_verbs.py", "../lexicon/petrarch2_verbs.tsv"),
])
def test_the_shipped_table_is_what_its_script_makes(tmp_path: Path, script: str, table: str) -> None:
    out = tmp_path / Path(table).name
    subprocess.run([sys.executable, str(REPO / "scripts" / script), "--out", str(out),
                    "--petrarch", str(SHARED / "data/petrarch2")], check=True, capture_output=True)
    shipped = REPO / "src/newsgraph/data/actors" / table
    assert out.read_text(encoding="utf-8") == shipped.read_text(encoding="utf-8")


def test_role_nouns_from_the_petrarch2_agents_are_actors() -> None:
    from newsgraph.nlp.gazetteer import role_of

    assert role_of("fishermen") == ("AGR", "fishermen")
    assert role_of("smuggler") == ("CRM", "smuggler")
    assert role_of("uprising") is None  # an activity, not an actor
    events = events_of("Peruvian fishermen protested outside the parliament in Lima.", date(2024, 3, 1))
    assert any(m.actor.sector == "AGR" and m.actor.country == "PER" for e in events for m in e.source)


def test_a_surname_the_dictionary_lists_names_the_person() -> None:
    karzai = dictionary_actor("Karzai", label="PERSON", when=date(2005, 6, 1))
    assert karzai is not None and karzai.name == "Hamid Karzai"
    assert dictionary_actor("Joseph", label="PERSON", when=date(2005, 6, 1)) is None
    events = events_of("A day later Sarkozy heads to Warsaw for talks.", date(2008, 8, 6))
    assert any(m.actor.name == "Nicolas Sarkozy" and m.actor.country == "FRA" for e in events for m in e.source)


def test_the_west_is_one_grouping_and_the_west_of_a_country_is_no_actor(nlp: Language) -> None:
    text = "Bolivia accused the West of meddling, and fighting raged in the west of Peru."
    names = [m.actor.name for m in nlp(text)._.actor_mentions]
    assert names.count("the West") == 1
