"""The ingest stage: files, HTML pages (trafilatura), JSON Lines and stdin → Articles.

``read_inputs`` streams :class:`~newsgraph.records.Article` and
:class:`~newsgraph.records.Rejection` records; bad input never raises.
"""

from newsgraph.ingest.checks import check_text, parse_date
from newsgraph.ingest.decode import UndecodableError, decode_text
from newsgraph.ingest.extracted import read_extracted
from newsgraph.ingest.files import (
    SUPPORTED_SUFFIXES,
    iter_directory,
    read_file,
    read_inputs,
    read_stdin,
    read_text,
)
from newsgraph.ingest.html import read_html
from newsgraph.ingest.jsonl import parse_record, read_jsonl
from newsgraph.ingest.language import english_reason

__all__ = [
    "SUPPORTED_SUFFIXES",
    "UndecodableError",
    "check_text",
    "decode_text",
    "english_reason",
    "iter_directory",
    "parse_date",
    "parse_record",
    "read_file",
    "read_html",
    "read_extracted",
    "read_inputs",
    "read_jsonl",
    "read_stdin",
    "read_text",
]
