"""Exports (``newsgraph.export``): every format reloads with its standard reader."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path
from typing import Any

import networkx as nx
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from fixtures.linking.storedb import add_article, add_record, open_store, record, state
from newsgraph.cli.app import app
from newsgraph.cli.export_command import ExportFormat
from newsgraph.errors import ConfigError
from newsgraph.export import EXPORTERS, export
from newsgraph.export.cameo import cameo_code, quad_class
from newsgraph.export.gdelt import GDELT_COLUMNS, _action_geo, global_event_id
from newsgraph.export.plover import POLECAT_COLUMNS
from newsgraph.extract.outlines import country_centroid
from newsgraph.link import relink

UN = {"text": "the UN", "name": "United Nations", "kind": "organization", "country": None, "sector": "IGO",
      "role": None, "wikidata": "Q1065"}
OFFICIALS = {"text": "according to Peruvian officials", "name": "Peruvian officials", "named": False,
             "kind": "government", "country": "PER", "role": "officials", "basis": "statement"}
LIMA = {"text": "in Lima", "name": "Lima", "country": "PER", "lat": -12.04318, "lon": -77.02824,
        "geonames_id": 3936456}


def _build(conn: sqlite3.Connection) -> None:
    add_article(conn, id="a1", text="First paragraph here.\nSecond paragraph.", published="2024-03-04",
                outlet="Wire", url="https://wire.test/a1", title="Boats for Peru")
    add_article(conn, id="a2", text="Another story, one paragraph only.", published="2024-03-05", outlet="Daily")
    add_article(conn, id="a3", text="A third story with a meeting.", published=None)
    e1 = record("e1", "a1", "AID", [state("BRA")], [state("PER")], items=[("patrol boats", "ships", "6")],
                cameo="072", mode=None, location=LIMA, attribution=[OFFICIALS], time=("2024-03-01", "2024-03-01"))
    e1["evidence"] = {"start": 0, "end": 21, "text": "First paragraph here.",
                      "trigger": {"start": 6, "end": 15, "text": "paragraph"}}
    e2 = record("e2", "a1", "AID", [state("BRA")], [state("PER")], items=[("patrol boats", "ships", "8")])
    e2["evidence"] = {"start": 22, "end": 39, "text": "Second paragraph.",
                      "trigger": {"start": 29, "end": 38, "text": "paragraph"}}
    e3 = record("e3", "a2", "AID", [state("BRA")], [state("PER")], status="negated")
    e4 = record("e4", "a3", "CONSULT", [state("FRA"), state("DEU")], [], symmetric=True)
    e5 = record("e5", "a3", "REQUEST", [UN], [], mode="assist")
    for rec in (e1, e2, e3, e4, e5):
        add_record(conn, rec)
    conn.commit()


@pytest.fixture()
def store() -> sqlite3.Connection:
    conn = open_store()
    _build(conn)
    relink(conn)
    return conn


def test_the_registry_and_the_command_offer_the_same_formats() -> None:
    assert set(EXPORTERS) == {f.value for f in ExportFormat} == {
        "polecat", "plover-json", "plover", "gdelt", "csv", "parquet", "graphml", "claims", "claims-csv",
        "claims-parquet"}


def test_unknown_format_is_a_clear_error(store: sqlite3.Connection, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown export format 'xml'; choose one of: polecat, plover-json"):
        export(store, "xml", tmp_path / "out.xml")
    assert list(tmp_path.iterdir()) == []


def test_plover_is_polecat_layout_json_lines(store: sqlite3.Connection, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert export(store, "plover", out) == 5
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["event_id"] for r in records] == ["e1", "e2", "e3", "e4", "e5"]  # by date, article, position
    first = records[0]
    assert first["event_date"] == "2024-03-01" and records[1]["event_date"] == "2024-03-04"
    assert (first["event_type"], first["actor_name"], first["actor_country"]) == ("AID", "Brazil", "BRA")
    assert (first["recipient_name"], first["recipient_country"], first["recipient_wikidata"]) == ("Peru", "PER", "Q419")
    assert (first["placename"], first["country"], first["geonames_id"]) == ("Lima", "PER", 3936456)
    assert first["quad_code"] == "material cooperation"
    assert (first["story_id"], first["source"], first["publication_date"]) == ("a1", "Wire", "2024-03-04")
    assert first["attribution"][0]["name"] == "Peruvian officials"
    assert first["items"] == [{"text": "patrol boats", "category": "ships", "quantity": "6"}]
    assert first["cluster_id"] == records[2]["cluster_id"] and first["n_sources"] == 1  # e3 is a denial
    assert records[3]["actor_name"] == "France; Germany" and records[3]["recipient_name"] is None
    assert records[4]["actor_country"] is None and records[4]["primary_actor_sector"] == "IGO"
    assert records[4]["event_date"] is None  # undated article, no event time
    for key in ("event_mode", "event_context", "intensity", "actor_sectors", "recipient_title", "latitude",
                "longitude", "raw_placename", "feature_type", "story_people", "language", "version"):
        assert key in first


# The header of the published POLECAT event files, as given in the POLECAT documentation.
PUBLISHED_POLECAT_HEADER = (
    "Event ID\tEvent Date\tEvent Type\tEvent Mode\tIntensity\tQuad Code\tContexts\tActor Name\tActor Country\t"
    "Actor COW\tPrimary Actor Sector\tActor Sectors\tActor Title\tActor Name Raw\tWikipedia Actor ID\t"
    "Recipient Name\tRecipient Country\tRecipient COW\tPrimary Recipient Sector\tRecipient Sectors\t"
    "Recipient Title\tRecipient Name Raw\tWikipedia Recipient ID\tPlacename\tCity\tDistrict\tProvince\t"
    "Country\tLatitude\tLongitude\tGeoNames ID\tRaw Placename\tFeature Type\tSource\tPublication Date\t"
    "Story People\tStory Organizations\tStory Locations\tLanguage\tVersion"
)


def test_polecat_is_the_published_table_layout(store: sqlite3.Connection, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export(store, "polecat", out) == 5
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[0] == PUBLISHED_POLECAT_HEADER and lines[-1] == ""
    rows = [dict(zip(lines[0].split("\t"), line.split("\t"), strict=True)) for line in lines[1:-1]]
    assert len(rows) == 5 and all(len(line.split("\t")) == 40 for line in lines[1:-1])
    first = rows[0]
    assert (first["Event ID"], first["Event Date"], first["Event Type"]) == ("e1", "2024-03-01", "AID")
    assert (first["Actor Name"], first["Actor Country"], first["Recipient Name"]) == ("Brazil", "BRA", "Peru")
    assert (first["Wikipedia Recipient ID"], first["GeoNames ID"], first["Placename"]) == ("Q419", "3936456", "Lima")
    assert first["Intensity"] == "" and first["Actor COW"] == "" and first["Language"] == "en"
    assert rows[3]["Actor Name"] == "France; Germany"  # several actors: "; "-joined, aligned
    assert rows[4]["Actor Country"] == "" and rows[4]["Primary Actor Sector"] == "IGO"


def test_polecat_writes_quotes_and_tabs_in_names_as_plain_text(tmp_path: Path) -> None:
    conn = open_store()
    add_article(conn, id="q1", text="The group said so.", published="2024-03-04", outlet='The "Daily"\tWire')
    group = {"text": 'the "Lions"\tgroup', "name": 'the "Lions" group', "kind": "group", "country": None,
             "sector": "INS", "role": None, "wikidata": None, "start": 0, "end": 9, "via": "ner"}
    add_record(conn, record("q1e", "q1", "ASSAULT", [group], []))
    conn.commit()
    out = tmp_path / "events.tsv"
    assert export(conn, "polecat", out) == 1
    row = dict(zip(POLECAT_COLUMNS, out.read_text(encoding="utf-8").splitlines()[1].split("\t"), strict=True))
    assert row["Actor Name"] == 'the "Lions" group' and row["Actor Name Raw"] == 'the "Lions" group'
    assert row["Source"] == 'The "Daily" Wire'


def test_polecat_keeps_several_actors_aligned_when_one_has_no_country(tmp_path: Path) -> None:
    from newsgraph.export.plover import _side

    side = _side("actor", [{"name": "France", "country": "FRA"}, {"name": "Hezbollah"}, {"name": "Peru",
                                                                                        "country": "PER"}])
    assert side["actor_name"] == "France; Hezbollah; Peru" and side["actor_country"] == "FRA; ; PER"
    assert _side("actor", [{"name": "X"}])["actor_country"] is None


def test_gdelt_has_61_columns_in_order_and_no_header(store: sqlite3.Connection, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export(store, "gdelt", out) == 5
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:30] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    with out.open(encoding="utf-8", newline="") as handle:
        rows = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in csv.reader(handle, delimiter="\t")]
    assert len(rows) == 5 and rows[0]["GLOBALEVENTID"] != "GLOBALEVENTID"
    e1, e2, e3, e4, e5 = rows
    assert int(e1["GLOBALEVENTID"]) == global_event_id("e1") < 2**63
    assert (e1["SQLDATE"], e1["MonthYear"], e1["Year"], e1["FractionDate"]) == ("20240301", "202403", "2024",
                                                                               "2024.1671")
    assert (e1["Actor1Code"], e1["Actor1Name"], e1["Actor1CountryCode"]) == ("BRA", "BRAZIL", "BRA")
    assert (e1["Actor2Code"], e1["Actor2CountryCode"]) == ("PER", "PER")
    assert (e1["EventCode"], e1["EventBaseCode"], e1["EventRootCode"], e1["QuadClass"]) == ("072", "072", "07", "2")
    assert (e1["IsRootEvent"], e2["IsRootEvent"], e3["IsRootEvent"]) == ("1", "0", "1")
    assert (e1["NumMentions"], e1["NumArticles"], e1["NumSources"]) == ("3", "2", "1")
    assert (e1["ActionGeo_Type"], e1["ActionGeo_FullName"], e1["ActionGeo_CountryCode"]) == ("4", "Lima, Peru", "PE")
    assert (e1["ActionGeo_Lat"], e1["ActionGeo_FeatureID"]) == ("-12.04318", "3936456")
    assert e2["ActionGeo_Type"] == "0" and e2["ActionGeo_FullName"] == ""
    assert (e1["DATEADDED"], e1["SOURCEURL"], e3["SOURCEURL"]) == ("20240510120000", "https://wire.test/a1", "a2")
    assert (e4["Actor1Code"], e4["Actor2Code"]) == ("FRA", "DEU")  # symmetric: second participant
    assert (e4["EventCode"], e4["QuadClass"]) == ("040", "1")  # derived: no cameo in the record
    assert (e5["Actor1Code"], e5["Actor1Type1Code"], e5["Actor2Code"]) == ("IGO", "IGO", "")
    assert e5["EventCode"] == cameo_code("REQUEST", "assist") == "101" and e5["SQLDATE"] == ""
    # Goldstein scale values of the codes (data/cameo/goldstein.tsv); no tone
    assert (e1["GoldsteinScale"], e4["GoldsteinScale"], e5["GoldsteinScale"]) == ("8.3", "1.0", "-5.0")
    assert all(r["AvgTone"] == "" for r in rows)


def test_goldstein_values_fall_back_to_the_base_code() -> None:
    from newsgraph.export.cameo import goldstein

    assert goldstein("190") == -10.0 and goldstein("051") == 3.4
    assert goldstein("0871") == 9.0  # a 4-digit code the table holds
    assert goldstein("1901") == -10.0  # a 4-digit code it lacks: its base code's (190)
    assert goldstein(None) is None and goldstein("999") is None


def test_cameo_codes_come_from_the_record_then_type_and_mode() -> None:
    assert cameo_code("AID", None, "0233") == "0233"
    assert cameo_code("ASSAULT", "heavy-weapons") == "194"
    assert cameo_code("ASSAULT", "no-such-mode") == "190"
    assert cameo_code("NOT_A_TYPE") is None
    assert [quad_class(c) for c in ("057", "072", "112", "190", None, "99")] == [1, 2, 3, 4, None, None]


def test_csv_rows_have_flat_fields_and_json_lists(store: sqlite3.Connection, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert export(store, "csv", out) == 5
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["id"] for r in rows] == ["e1", "e2", "e3", "e4", "e5"]
    e1 = rows[0]
    assert (e1["type"], e1["status"]) == ("AID", "asserted")
    assert (e1["source_names"], e1["target_countries"]) == ("Brazil", "PER")
    assert (e1["time_start"], e1["location_name"], e1["lat"], e1["evidence_text"]) == (
        "2024-03-01", "Lima", "-12.04318", "First paragraph here.")
    assert json.loads(e1["items"]) == [{"text": "patrol boats", "category": "ships", "quantity": "6"}]
    assert json.loads(e1["attribution"])[0]["basis"] == "statement" and e1["attribution_names"] == "Peruvian officials"
    assert json.loads(e1["source"])[0]["wikidata"] == "Q155"
    assert e1["cluster_id"] == rows[1]["cluster_id"] == rows[2]["cluster_id"] and e1["conflicting"] == "1"
    assert rows[3]["source_names"] == "France; Germany" and rows[3]["symmetric"] == "1"


def test_parquet_keeps_the_nesting(store: sqlite3.Connection, tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    assert export(store, "parquet", out) == 5
    table = pq.read_table(out)
    assert table.num_rows == 5
    for name in ("id", "type", "source", "target", "items", "attribution", "time", "location", "evidence", "status"):
        assert name in table.column_names
    rows: list[dict[str, Any]] = table.to_pylist()
    e1 = rows[0]
    assert e1["source"][0]["country"] == "BRA" and e1["target"][0]["name"] == "Peru"
    assert e1["items"][0]["quantity"] == "6"
    assert str(e1["time"]["start"]) == "2024-03-01" and e1["location"]["geonames_id"] == 3936456
    assert e1["evidence"]["trigger"]["text"] == "paragraph"
    assert e1["attribution"][0]["named"] is False
    assert rows[3]["target"] == [] and rows[3]["time"] is None
    assert str(table.schema.field("time").type).startswith("struct<text: string, start: date32")


def test_an_empty_store_exports_empty_files(tmp_path: Path) -> None:
    conn = open_store()
    for fmt in EXPORTERS:
        out = tmp_path / f"empty.{fmt}"
        assert export(conn, fmt, out) == 0
        assert out.exists()
    assert pq.read_table(tmp_path / "empty.parquet").num_rows == 0
    assert nx.read_graphml(tmp_path / "empty.graphml").number_of_nodes() == 0


def test_graphml_has_actors_as_nodes_and_events_as_edges(store: sqlite3.Connection, tmp_path: Path) -> None:
    out = tmp_path / "events.graphml"
    assert export(store, "graphml", out) == 4  # e5 has no counterpart
    graph = nx.read_graphml(out)
    assert graph.is_multigraph() and graph.is_directed()
    assert graph.number_of_edges() == 4
    brazil = "Brazil|state|BRA"
    assert graph.nodes[brazil] == {"name": "Brazil", "kind": "state", "country": "BRA", "sector": ""}
    edges = {data["event_id"]: (u, v, data) for u, v, data in graph.edges(data=True)}
    assert set(edges) == {"e1", "e2", "e3", "e4"}
    u, v, data = edges["e1"]
    assert (u, v) == (brazil, "Peru|state|PER")
    assert (data["type"], data["status"], data["items"]) == ("AID", "asserted", "6 patrol boats (ships)")
    assert data["cluster_id"] == edges["e3"][2]["cluster_id"] != ""
    assert edges["e3"][2]["status"] == "negated"
    assert edges["e4"][:2] == ("France|state|FRA", "Germany|state|DEU") and edges["e4"][2]["symmetric"] is True


def test_export_replaces_the_file_only_when_complete(store: sqlite3.Connection, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    out.write_text("old", encoding="utf-8")
    store.execute("UPDATE events SET record = 'not json' WHERE id = 'e3'")
    with pytest.raises(json.JSONDecodeError):
        export(store, "csv", out)
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.csv"]


# The GDELT 2.0 event table as GDELT publishes it (codebook, and the BigQuery table
# gdelt-bq.gdeltv2.events): 61 columns in this order with these types, written here from that
# documentation, not from newsgraph's own column list.
_GDELT_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code"]
_GDELT_GEO = [("Type", "INTEGER"), ("FullName", "VARCHAR"), ("CountryCode", "VARCHAR"), ("ADM1Code", "VARCHAR"),
              ("ADM2Code", "VARCHAR"), ("Lat", "DOUBLE"), ("Long", "DOUBLE"), ("FeatureID", "VARCHAR")]
GDELT_SCHEMA: list[tuple[str, str]] = [
    ("GLOBALEVENTID", "BIGINT"), ("SQLDATE", "INTEGER"), ("MonthYear", "INTEGER"), ("Year", "INTEGER"),
    ("FractionDate", "DOUBLE"),
    *[(f"Actor{n}{f}", "VARCHAR") for n in (1, 2) for f in _GDELT_ACTOR],
    ("IsRootEvent", "INTEGER"), ("EventCode", "VARCHAR"), ("EventBaseCode", "VARCHAR"), ("EventRootCode", "VARCHAR"),
    ("QuadClass", "INTEGER"), ("GoldsteinScale", "DOUBLE"), ("NumMentions", "INTEGER"), ("NumSources", "INTEGER"),
    ("NumArticles", "INTEGER"), ("AvgTone", "DOUBLE"),
    *[(f"{who}Geo_{f}", t) for who in ("Actor1", "Actor2", "Action") for f, t in _GDELT_GEO],
    ("DATEADDED", "BIGINT"), ("SOURCEURL", "VARCHAR"),
]


def test_gdelt_loads_into_duckdb_with_the_published_schema(store: sqlite3.Connection, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    out = tmp_path / "events.tsv"
    export(store, "gdelt", out)
    assert [name for name, _ in GDELT_SCHEMA] == list(GDELT_COLUMNS)
    columns = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in GDELT_SCHEMA) + "}"
    db = duckdb.connect()
    db.execute(f"CREATE TABLE events AS SELECT * FROM read_csv('{out}', delim='\\t', header=false, quote='', "
               f"escape='', columns={columns})")  # strict types: a value that does not fit fails the load
    assert db.execute("SELECT COUNT(*) FROM events").fetchone() == (5,)
    codes = db.execute("SELECT EventCode, EventBaseCode, EventRootCode, QuadClass, GoldsteinScale FROM events "
                       "ORDER BY GLOBALEVENTID").fetchall()
    assert all(len(code) >= 3 and base == code[:3] and root == code[:2] and 1 <= quad <= 4
               and isinstance(score, float) and -10 <= score <= 10 for code, base, root, quad, score in codes)
    dated = db.execute("SELECT SQLDATE, MonthYear, Year, FractionDate FROM events WHERE SQLDATE IS NOT NULL").fetchall()
    assert dated and all(sql // 100 == month and month // 100 == year and int(frac) == year
                         for sql, month, year, frac in dated)
    assert db.execute("SELECT COUNT(*) FROM events WHERE DATEADDED < 19000101000000").fetchone() == (0,)
    placed = db.execute("SELECT ActionGeo_Lat, ActionGeo_Long FROM events WHERE ActionGeo_Type = 4").fetchall()
    assert placed and all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in placed)


def test_a_country_place_has_its_centre_as_gdelt_does() -> None:
    geo = _action_geo({"text": "in Peru", "name": "Peru", "country": "PER", "kind": "country"})
    assert (geo["ActionGeo_Type"], geo["ActionGeo_FullName"], geo["ActionGeo_CountryCode"]) == (1, "Peru", "PE")
    assert -12 < geo["ActionGeo_Lat"] < -6 and -78 < geo["ActionGeo_Long"] < -71  # central Peru
    lat, lon = country_centroid("RUS") or (0.0, 0.0)
    assert 50 < lat < 70 and 60 < lon < 120  # the largest ring crosses the antimeridian: back in range
    assert country_centroid("ZZZ") is None


def test_a_citys_adm1_code_is_gdelts_where_geonames_has_it_in_that_system() -> None:
    def adm1(name: str, iso3: str, geonames_id: int) -> str:
        place = {"name": name, "country": iso3, "lat": 0.0, "lon": 0.0, "geonames_id": geonames_id, "kind": "city"}
        return str(_action_geo(place)["ActionGeo_ADM1Code"])

    assert adm1("Chicago", "USA", 4887398) == "USIL"  # US: the state's code
    assert adm1("Kharkiv", "UKR", 706483) == "UP07"  # a FIPS number
    assert adm1("Lima", "PER", 3936456) == "PE"  # GeoNames' ISO 3166-2 "LMA" is not GDELT's: the country only


def test_export_before_relink_has_no_clusters(tmp_path: Path) -> None:
    conn = open_store()
    _build(conn)
    export(conn, "plover", tmp_path / "e.jsonl")
    assert {json.loads(line)["cluster_id"] for line in (tmp_path / "e.jsonl").read_text().splitlines()} == {None}
    export(conn, "gdelt", tmp_path / "e.tsv")
    first = (tmp_path / "e.tsv").read_text().splitlines()[0].split("\t")
    assert first[GDELT_COLUMNS.index("NumMentions")] == "1"


# --- the command ------------------------------------------------------------------------------------


def _db_file(tmp_path: Path) -> Path:
    path = tmp_path / "store.db"
    conn = open_store(path)
    _build(conn)
    relink(conn)
    conn.close()
    return path


@pytest.mark.parametrize("fmt", sorted(f for f in EXPORTERS if not f.startswith("claims")))
def test_export_command_writes_every_format(tmp_path: Path, fmt: str) -> None:
    db, out = _db_file(tmp_path), tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", fmt, "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = 4 if fmt == "graphml" else 5
    assert f"wrote {rows} " in result.output and out.stat().st_size > 0


def test_export_command_keeps_only_events_at_least_as_confident_as_asked(tmp_path: Path) -> None:
    db = _db_file(tmp_path)  # every fixture event has confidence 0.8
    for threshold, rows in (("0.8", 5), ("0.9", 0)):
        out = tmp_path / f"out-{threshold}.jsonl"
        result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "plover", "--out", str(out),
                                          "--min-confidence", threshold])
        assert result.exit_code == 0, result.output
        assert len(out.read_text(encoding="utf-8").splitlines()) == rows


def test_export_command_missing_db_is_a_clear_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope.db"
    result = CliRunner().invoke(app, ["export", "--db", str(missing), "--format", "csv", "--out",
                                      str(tmp_path / "x.csv")])
    assert result.exit_code == 1
    assert f"newsgraph: error: database not found: {missing}" in result.output
    assert "Traceback" not in result.output and not missing.exists()


def test_export_command_rejects_other_databases_and_bad_formats(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    result = CliRunner().invoke(app, ["export", "--db", str(other), "--format", "csv", "--out",
                                      str(tmp_path / "x.csv")])
    assert result.exit_code == 1 and "is not a newsgraph store" in result.output
    result = CliRunner().invoke(app, ["export", "--db", str(other), "--format", "xml", "--out", "x"])
    assert result.exit_code == 2
    result = CliRunner().invoke(app, ["export", "--db", str(_db_file(tmp_path)), "--format", "csv", "--out",
                                      str(tmp_path / "no" / "dir.csv")])
    assert result.exit_code == 1 and "does not exist" in result.output


def test_export_through_a_link_writes_its_file_and_keeps_the_link(store: sqlite3.Connection, tmp_path: Path) -> None:
    target = tmp_path / "real.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    rows = export(store, "plover", link)
    assert link.is_symlink() and link.resolve() == target
    assert len(target.read_text(encoding="utf-8").splitlines()) == rows > 0


def test_export_into_a_pipe_streams_and_keeps_the_pipe(store: sqlite3.Connection, tmp_path: Path) -> None:
    import os
    import stat
    import threading

    fifo = tmp_path / "events.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    rows = export(store, "csv", fifo)
    reader.join(timeout=10)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert len(received[0].decode("utf-8").splitlines()) == rows + 1  # a header and the rows


def _add_claim(conn: sqlite3.Connection, claim_id: str, article_id: str, confidence: float,
               events: list[str]) -> None:
    from newsgraph.records import Claim, ClaimSource, Span
    from newsgraph.store.writer import write_claims

    source = ClaimSource(text="Peruvian officials", name="Peruvian officials", named=False, kind="government",
                         country="PER", role="officials", basis="statement")
    write_claims(conn, [Claim(
        id=claim_id, article_id=article_id, source=source, source_span=Span(start=0, end=5, text="First"),
        cue=Span(start=6, end=15, text="paragraph"), cue_lemma="say", content=Span(start=0, end=21,
        text="First paragraph here."), form="indirect", basis="statement", stance="assert",
        events=tuple(events), confidence=confidence)])
    conn.commit()


def test_claims_export_as_json_lines_and_csv(store: sqlite3.Connection, tmp_path: Path) -> None:
    _add_claim(store, "c1", "a1", 0.8, ["e1"])
    _add_claim(store, "c2", "a2", 0.4, [])
    assert export(store, "claims", tmp_path / "c.jsonl") == 2
    lines = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [c["id"] for c in lines] == ["c1", "c2"] and lines[0]["events"] == ["e1"]
    assert lines[0]["source"]["name"] == "Peruvian officials" and lines[0]["schema_version"] == 1
    assert export(store, "claims-csv", tmp_path / "c.csv", min_confidence=0.5) == 1
    with (tmp_path / "c.csv").open(encoding="utf-8", newline="") as f:
        (row,) = list(csv.DictReader(f))
    assert (row["id"], row["source_country"], row["event_ids"], row["title"]) == ("c1", "PER", "e1", "Boats for Peru")
    assert row["content_text"] == "First paragraph here."
    assert export(store, "claims-parquet", tmp_path / "c.parquet") == 2
    table = pq.read_table(tmp_path / "c.parquet").to_pylist()
    assert [r["id"] for r in table] == ["c1", "c2"] and table[0]["events"] == ["e1"]
    assert table[0]["source"]["country"] == "PER" and str(table[0]["published"]) == "2024-03-04"
    assert table[0]["content"]["text"] == "First paragraph here."


def test_export_command_counts_claims(tmp_path: Path) -> None:
    db = _db_file(tmp_path)
    conn = sqlite3.connect(db)
    _add_claim(conn, "c1", "a1", 0.8, ["e1"])
    conn.close()
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "claims", "--out",
                                      str(tmp_path / "c.jsonl")])
    assert result.exit_code == 0 and "wrote 1 claim to" in result.output


def test_export_to_standard_output(tmp_path: Path) -> None:
    import subprocess
    import sys

    db = _db_file(tmp_path)
    done = subprocess.run([sys.executable, "-m", "newsgraph", "export", "--db", str(db), "-f", "polecat", "-o", "-"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == PUBLISHED_POLECAT_HEADER and len(done.stdout.splitlines()) == 6
    assert "wrote 5 events to /dev/stdout" in done.stderr
    assert not (tmp_path / "-").exists()
    refused = subprocess.run([sys.executable, "-m", "newsgraph", "export", "--db", str(db), "-f", "parquet", "-o", "-"],
                             capture_output=True, text=True, check=False)
    assert refused.returncode == 1 and "cannot be written to standard output" in refused.stderr
