"""The ingest stage: every input kind and every kind of bad input (no NLP needed)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsgraph.config import Settings
from newsgraph.ingest import (
    check_text,
    decode_text,
    english_reason,
    iter_directory,
    parse_date,
    read_html,
    read_inputs,
)
from newsgraph.ingest.decode import UndecodableError
from newsgraph.records import Article, Rejection

FIXTURES = Path(__file__).parents[1] / "fixtures"
ARTICLES = FIXTURES / "articles"
SHARED = Path(__file__).parents[2] / "../shared"

ENGLISH = (
    "Germany has delivered two Patriot air-defence batteries to Poland, the Polish defence ministry said "
    "on Tuesday. Berlin also plans to supply Warsaw with artillery shells next month, officials said."
)
FRENCH = (
    "La Norvège a livré mardi vingt véhicules blindés à la Lituanie, selon des responsables du ministère "
    "de la Défense. Le président a déclaré que les deux pays allaient renforcer leur coopération militaire."
)
GERMAN = (
    "Deutschland hat am Dienstag zwei Patriot-Flugabwehrsysteme an Polen geliefert, wie das polnische "
    "Verteidigungsministerium mitteilte. Berlin will Warschau im kommenden Monat auch Munition liefern."
)
RUSSIAN = "Германия передала Польше две батареи ПВО Patriot, сообщило министерство обороны Польши во вторник."


def read(*paths: str | Path, **kwargs: Any) -> list[Article | Rejection]:
    return list(read_inputs([str(p) for p in paths], **kwargs))


def articles(items: list[Article | Rejection]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def rejections(items: list[Article | Rejection]) -> list[Rejection]:
    return [i for i in items if isinstance(i, Rejection)]


def only(items: list[Article | Rejection]) -> Article | Rejection:
    assert len(items) == 1, items
    return items[0]


def only_rejection(items: list[Article | Rejection]) -> Rejection:
    item = only(items)
    assert isinstance(item, Rejection), item
    assert item.stage == "ingest"
    return item


# --- plain text ---------------------------------------------------------------------------------


def test_txt_file_is_one_article_named_by_its_stem() -> None:
    path = ARTICLES / "supply.txt"
    article = only(read(path))
    assert isinstance(article, Article)
    assert article.id == "supply"
    assert article.text == path.read_text(encoding="utf-8")  # exactly as given, trailing newline too
    assert article.published is None
    assert article.origin == str(path)


def test_published_option_fills_in_a_missing_date() -> None:
    article = only(read(ARTICLES / "supply.txt", published=date(2024, 3, 1)))
    assert isinstance(article, Article)
    assert article.published == date(2024, 3, 1)


def test_text_and_offsets_are_kept_exactly(tmp_path: Path) -> None:
    text = "Kyiv’s “vital” delivery\r\n\r\n  " + ENGLISH + "\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    article = only(read(path))
    assert isinstance(article, Article)
    assert article.text == text
    start = article.text.index("Patriot")
    assert article.text[start : start + len("Patriot")] == "Patriot"


def test_utf8_bom_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ENGLISH.encode("utf-8"))
    article = only(read(path))
    assert isinstance(article, Article)
    assert article.text == ENGLISH


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(ENGLISH.encode("utf-16"))  # with a byte-order mark, and NUL bytes
    article = only(read(path))
    assert isinstance(article, Article)
    assert article.text == ENGLISH


def test_legacy_encoding_is_detected(tmp_path: Path) -> None:
    text = ENGLISH.replace("Poland,", "Poland’s café,") + " It said the “shipment” was complete."
    path = tmp_path / "windows.txt"
    path.write_bytes(text.encode("cp1252"))
    article = only(read(path))
    assert isinstance(article, Article)
    assert article.text == text


def test_utf16_without_a_mark_is_decoded_not_called_binary(tmp_path: Path) -> None:
    for encoding in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(ENGLISH.encode(encoding))
        article = only(read(path))
        assert isinstance(article, Article) and article.text == ENGLISH


def test_damaged_utf8_is_rejected_not_guessed(tmp_path: Path) -> None:
    text = "The “shipment” arrived, the ministry said. " + ENGLISH
    data = text.encode("utf-8")
    cut = data.index("“".encode()) + 2  # the opening quote loses its last byte
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:cut] + data[cut + 1 :])
    rejection = only_rejection(read(path))
    assert "not valid UTF-8 at byte" in rejection.reason and "rest is UTF-8" in rejection.reason


def test_latin1_english_is_read_as_windows_1252() -> None:
    text = "The tanks cost £3m, said José Muñoz in Madrid. " + ENGLISH
    assert decode_text(text.encode("latin-1")) == text


def test_invisible_word_separators_read_as_spaces(tmp_path: Path) -> None:
    path = tmp_path / "zw.txt"
    path.write_text(ENGLISH.replace(" ", "\u200b"), encoding="utf-8")
    article = only(read(path))
    assert isinstance(article, Article) and article.text == ENGLISH


def test_decode_text_rejects_binary_and_undecodable() -> None:
    with pytest.raises(UndecodableError, match="NUL"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(UndecodableError, match="not UTF-8"):
        decode_text(bytes(range(128, 256)) * 8)


# --- HTML ---------------------------------------------------------------------------------------


def test_html_main_text_and_metadata() -> None:
    article = only(read(ARTICLES / "sub" / "talks.html"))
    assert isinstance(article, Article)
    assert article.id == "talks"
    assert article.title == "Japan and South Korea agree to hold military talks"
    assert article.source == "The Daily Example"
    assert article.url == "https://news.example.org/2024/03/05/talks"
    assert article.published == date(2024, 3, 5)  # from the page metadata
    assert "South Korea wants Japan to share radar data" in article.text
    assert "All rights reserved" not in article.text  # boilerplate left out
    assert "Home" not in article.text


def test_html_metadata_date_wins_over_the_option() -> None:
    article = only(read(ARTICLES / "sub" / "talks.html", published=date(2000, 1, 1)))
    assert isinstance(article, Article)
    assert article.published == date(2024, 3, 5)


def test_html_without_a_date_takes_the_option(tmp_path: Path) -> None:
    path = tmp_path / "undated.htm"
    path.write_text(f"<html><body><article><p>{ENGLISH}</p></article></body></html>", encoding="utf-8")
    article = only(read(path, published=date(2024, 3, 1)))
    assert isinstance(article, Article)
    assert article.published == date(2024, 3, 1)
    assert article.text == ENGLISH


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Nothing</title></head><body></body></html>",
        "<html><body><script>var x = 1;</script></body></html>",
    ],
)
def test_html_without_text_is_rejected(tmp_path: Path, page: str) -> None:
    path = tmp_path / "blank.html"
    path.write_text(page, encoding="utf-8")
    rejection = only_rejection(read(path))
    assert rejection.origin == str(path)
    assert rejection.line is None
    assert "no article text" in rejection.reason


def test_html_binary_is_rejected() -> None:
    rejection = read_html(bytes(range(256)) * 4, id="x", origin="x.html", max_chars=1000)
    assert isinstance(rejection, Rejection)
    assert rejection.reason == "binary file (contains NUL bytes), not HTML"
    rejection = read_html(bytes(range(1, 256)) * 4, id="x", origin="x.html", max_chars=1000)
    assert isinstance(rejection, Rejection)
    assert rejection.reason.startswith("no article text found in the HTML")


# --- JSON Lines ---------------------------------------------------------------------------------


def test_jsonl_records_with_their_fields() -> None:
    path = ARTICLES / "wire.jsonl"
    first, second = read(path, published=date(1999, 1, 1))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "wire-1"
    assert first.published == date(2024, 2, 1)
    assert (first.title, first.source, first.url) == (
        "France sends Ukraine howitzers",
        "Example Wire",
        "https://wire.example.org/1",
    )
    assert first.text == json.loads(path.read_text(encoding="utf-8").splitlines()[0])["text"]
    assert "Kyiv’s" in first.text
    assert second.id == "wire-2"
    assert second.published == date(2024, 2, 2)  # an ISO datetime: its calendar date as written
    assert second.origin == f"{path}:3"  # blank line 2 skipped, lines still counted


def test_jsonl_without_date_takes_the_option(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": ENGLISH, "published": None}) + "\n", encoding="utf-8")
    article = only(read(path, published=date(2024, 3, 1)))
    assert isinstance(article, Article)
    assert article.published == date(2024, 3, 1)


def test_jsonl_bad_lines_are_rejected_and_the_rest_goes_on() -> None:
    path = FIXTURES / "bad" / "mixed.jsonl"
    items = read(path)
    assert [a.id for a in articles(items)] == ["good-1", "good-2"]
    found = {r.line: r.reason for r in rejections(items)}
    assert all(r.origin == str(path) and r.stage == "ingest" for r in rejections(items))
    assert sorted(found) == [2, 3, 4, 5, 6, 8, 9]
    assert found[2].startswith("not valid JSON")
    assert found[3] == "no 'text' field"
    assert found[4] == "empty text"
    assert found[5] == "'text' must be a string, got a number"
    assert found[6].startswith("bad 'published'") and "04/09/2023" in found[6]
    assert found[8] == "expected a JSON object, got an array"
    assert found[9].startswith("not English (")
    assert all("\n" not in reason for reason in found.values())


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"id": ["x"], "text": ENGLISH}, "'id' must be a string or an integer, got an array"),
        ({"id": True, "text": ENGLISH}, "'id' must be a string or an integer, got a boolean"),
        ({"id": " ", "text": ENGLISH}, "'id' is empty"),
        ({"id": "x", "text": ENGLISH, "title": 3}, "'title' must be a string, got a number"),
        ({"id": "x", "text": ENGLISH, "published": 2024}, "bad 'published'"),
        ({"id": "x", "text": ENGLISH, "published": "2024-02-30"}, "bad 'published'"),
        ({"id": "x", "text": None}, "'text' must be a string, got null"),
        ({"id": "x", "text": ENGLISH + "\x00"}, "binary data"),
        ({"id": "x", "text": ENGLISH + " \ud800"}, "the text holds a lone surrogate (U+D800)"),
        ({"id": "x\udc00", "text": ENGLISH}, "'id' holds a lone surrogate (U+DC00) at character 1"),
        ({"id": "x", "text": ENGLISH, "title": "\ud83d"}, "'title' holds a lone surrogate"),
        ({"id": "x" * 600, "text": ENGLISH}, "'id' is longer than 512 characters"),
    ],
)
def test_jsonl_bad_fields(tmp_path: Path, record: dict[str, object], reason: str) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    rejection = only_rejection(read(path))
    assert rejection.line == 1
    assert rejection.reason.startswith(reason)


def test_jsonl_unusable_json_is_one_rejected_line_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "odd.jsonl"
    lines = ['{"id": ' + "9" * 5000 + ', "text": "x"}', '{"id": "x", "meta": ' + "[" * 50_000 + "]" * 50_000 + "}",
             json.dumps({"id": "fine", "text": ENGLISH})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    big, deep, fine = read(path)
    assert isinstance(big, Rejection) and big.reason.startswith("not usable JSON: Exceeds the limit")
    assert isinstance(deep, Rejection) and deep.reason == "not usable JSON: nested too deeply"
    assert isinstance(fine, Article) and fine.id == "fine"


def test_jsonl_integer_id_and_missing_id(tmp_path: Path) -> None:
    path = tmp_path / "ids.jsonl"
    lines = [json.dumps({"id": 7, "text": ENGLISH}), json.dumps({"text": ENGLISH + " More."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second = read(path)
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "7"
    assert len(second.id) == 16 and second.id != "ids"  # a content hash, not the file stem


def test_jsonl_non_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.jsonl"
    path.write_bytes(json.dumps({"id": "x", "text": "café " + ENGLISH}, ensure_ascii=False).encode("latin-1"))
    rejection = only_rejection(read(path))
    assert rejection.line == 1
    assert "not UTF-8" in rejection.reason


def test_jsonl_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "b", "text": ENGLISH}).encode() + b"\n")
    assert isinstance(only(read(path)), Article)


def test_seed_article_from_shared() -> None:
    seed = SHARED / "seed" / "articles.jsonl"
    if not seed.exists():
        pytest.skip("../shared is not beside the repository")
    article = only(read(seed))
    assert isinstance(article, Article)
    assert article.id == "seed"
    assert article.published == date(2023, 9, 4)
    assert article.source == "The New York Times"


# --- directories --------------------------------------------------------------------------------


def test_directory_is_read_recursively_in_sorted_order() -> None:
    items = read(ARTICLES)
    assert rejections(items) == []
    assert [a.id for a in articles(items)] == ["talks", "supply", "wire-1", "wire-2"]
    assert [p.name for p in iter_directory(ARTICLES)] == ["talks.html", "supply.txt", "wire.jsonl"]


def test_directory_skips_hidden_and_other_files(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "notes.md").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "b.TXT").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ENGLISH + " Again.", encoding="utf-8")
    assert [a.id for a in articles(read(tmp_path))] == ["a", "b"]


def test_empty_directory_is_rejected(tmp_path: Path) -> None:
    rejection = only_rejection(read(tmp_path))
    assert rejection.origin == str(tmp_path)
    assert "no .htm, .html, .jsonl, .txt files" in rejection.reason


# --- stdin --------------------------------------------------------------------------------------


def test_stdin_plain_text_gets_a_content_hash_id() -> None:
    first = only(read("-", stdin=io.BytesIO(ENGLISH.encode()), published=date(2024, 3, 1)))
    again = only(read("-", stdin=io.BytesIO(ENGLISH.encode())))
    assert isinstance(first, Article) and isinstance(again, Article)
    assert first.text == ENGLISH
    assert first.id == again.id and len(first.id) == 16  # idempotent
    assert first.origin == "-"
    assert first.published == date(2024, 3, 1)


def test_stdin_jsonl_is_recognised() -> None:
    data = (ARTICLES / "wire.jsonl").read_bytes()
    items = read("-", stdin=io.BytesIO(b"\n" + data))
    assert [a.id for a in articles(items)] == ["wire-1", "wire-2"]
    assert articles(items)[1].origin == "-:4"


def test_stdin_jsonl_bad_line_names_the_line() -> None:
    data = b'{"id": "a", "text": "' + ENGLISH.encode() + b'"}\nnot json\n'
    items = read("-", stdin=io.BytesIO(data))
    rejection = rejections(items)[0]
    assert (rejection.origin, rejection.line) == ("-", 2)
    assert rejection.message().startswith("-:2: not valid JSON")


def test_stdin_empty_and_binary() -> None:
    assert only_rejection(read("-", stdin=io.BytesIO(b"  \n"))).reason == "empty input"
    assert "NUL" in only_rejection(read("-", stdin=io.BytesIO(b"\x00\x01\x02 abc"))).reason


# --- bad files ----------------------------------------------------------------------------------


def test_missing_path_is_rejected_and_the_rest_goes_on() -> None:
    items = read("no/such/file.txt", ARTICLES / "supply.txt", "no/such/dir")
    assert [r.message() for r in rejections(items)] == [
        "no/such/file.txt: no such file or directory",
        "no/such/dir: no such file or directory",
    ]
    assert [a.id for a in articles(items)] == ["supply"]


def test_unsupported_file_named_explicitly(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert "unsupported file type '.pdf'" in only_rejection(read(path)).reason


@pytest.mark.parametrize("suffix", [".txt", ".html", ".jsonl"])
def test_empty_file_is_rejected(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"empty{suffix}"
    path.write_bytes(b"" if suffix != ".txt" else b"\n \n")
    assert only_rejection(read(path)).reason == "empty file"


def test_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    rejection = only_rejection(read(path))
    assert rejection.reason == "binary file (contains NUL bytes), not text"
    assert rejection.message() == f"{path}: binary file (contains NUL bytes), not text"


def test_undecodable_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 8)
    assert "cannot decode" in only_rejection(read(path)).reason


def test_oversized_article_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(ENGLISH * 5, encoding="utf-8")
    settings = Settings(max_chars=len(ENGLISH) * 2)
    reason = only_rejection(read(path, settings=settings)).reason
    assert reason.startswith("too long:") and "NEWSGRAPH_MAX_CHARS" in reason
    big = tmp_path / "huge.txt"
    big.write_text("x" * (len(ENGLISH) * 9), encoding="utf-8")  # rejected on its size, unread
    assert only_rejection(read(big, settings=settings)).reason.startswith("too long:")


def test_max_chars_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    monkeypatch.setenv("NEWSGRAPH_MAX_CHARS", "50")
    assert only_rejection(read(path)).reason.startswith("too long:")


@pytest.mark.parametrize(
    ("text", "why"), [(FRENCH, "identified as 'fr'"), (GERMAN, "identified as 'de'"), (RUSSIAN, "letters")]
)
def test_non_english_text_is_rejected(tmp_path: Path, text: str, why: str) -> None:
    path = tmp_path / "foreign.txt"
    path.write_text(text, encoding="utf-8")
    reason = only_rejection(read(path)).reason
    assert reason.startswith("not English (") and why in reason


def test_duplicate_ids_are_rejected() -> None:
    path = ARTICLES / "wire.jsonl"
    items = read(path, path)
    assert [a.id for a in articles(items)] == ["wire-1", "wire-2"]
    assert [r.message() for r in rejections(items)] == [
        f"{path}:1: duplicate article id 'wire-1' (first read from {path}:1); make ids unique",
        f"{path}:3: duplicate article id 'wire-2' (first read from {path}:3); make ids unique",
    ]


def test_reading_is_idempotent() -> None:
    assert read(ARTICLES) == read(ARTICLES)


def test_reading_is_lazy() -> None:
    stream = read_inputs([str(ARTICLES / "supply.txt"), "no/such/file.txt"])
    first = next(stream)
    assert isinstance(first, Article)  # the missing file is not looked at yet


# --- the checks themselves ----------------------------------------------------------------------


def test_english_check() -> None:
    assert english_reason(ENGLISH) is None
    assert english_reason("Germany supplies Poland with tanks") is None  # too short to judge words
    assert english_reason("Германия и Польша") is not None  # but not too short to judge the alphabet
    assert english_reason("12345 67 89") == "not English (no letters)"
    assert english_reason("Zelenskyy met Šefčovič and Müller in Kraków. " + ENGLISH) is None


def test_language_identifier_tells_latin_script_languages_apart() -> None:
    french = ("Le ministre chilien de la Défense a rencontré mardi son homologue péruvien à Lima pour "
              "discuter de la sécurité à la frontière, a indiqué le ministère dans un communiqué.")
    assert "identified as 'fr'" in (english_reason(french) or "")
    german = ("Der chilenische Verteidigungsminister traf sich am Dienstag in Lima mit seinem peruanischen "
              "Amtskollegen, um über die Sicherheit an der Grenze zu sprechen, teilte das Ministerium mit.")
    assert "identified as 'de'" in (english_reason(german) or "")
    # English with few function words (a market report) is English
    report = ("Copper rose 1.4% to $8,912 a tonne; aluminium gained 0.6% to $2,231; zinc fell 0.2% "
              "to $2,540. Nickel was flat at $16,805. Traders cited Chilean supply data and Peruvian strikes.")
    assert english_reason(report) is None


def test_check_text() -> None:
    assert check_text(ENGLISH, max_chars=10_000) is None
    assert check_text(" \n\t", max_chars=10) == "empty text"
    assert check_text("a\x00b", max_chars=10) is not None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-09-04", date(2023, 9, 4)),
        (" 2023-09-04 ", date(2023, 9, 4)),
        ("2023-09-04T23:30:00Z", date(2023, 9, 4)),
        ("2023-09-04T01:30:00+09:00", date(2023, 9, 4)),
        ("2023-09-04 08:00", date(2023, 9, 4)),
    ],
)
def test_parse_date(value: str, expected: date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["04/09/2023", "yesterday", "", "2023-13-01"])
def test_parse_date_rejects(value: str) -> None:
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date(value)
