"""HTML pages → Article: main text and metadata by trafilatura (no network: the page is given).

The article text is trafilatura's extracted main text, paragraphs separated by
line breaks; event offsets index that text. Title, publication date (from the
page's metadata: meta tags, JSON-LD, ``<time>``, the URL; never guessed from the
body text), canonical URL and site name come from trafilatura's metadata.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
from datetime import date
from typing import Any

import trafilatura

from newsgraph.ingest.checks import build_article, parse_date, reject
from newsgraph.records import Article, Rejection

# trafilatura logs parse failures at ERROR/WARNING; newsgraph reports them as
# rejections instead, so keep them off stderr unless the user configures logging.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())
logging.getLogger("htmldate").addHandler(logging.NullHandler())

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# htmldate options: the publication date as the page's metadata gives it.
_DATE_PARAMS: dict[str, Any] = {"extensive_search": False, "original_date": True}


def read_html(
    data: bytes | str,
    *,
    id: str,
    origin: str,
    max_chars: int,
    published: date | None = None,
) -> Article | Rejection:
    """One HTML page as an Article (``published`` is the fallback date), or a Rejection."""
    if isinstance(data, bytes) and b"\x00" in data and not data.startswith(_UTF16_BOMS):
        return reject(origin, None, "binary file (contains NUL bytes), not HTML")
    try:
        doc = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # trafilatura/lxml raise many kinds on broken markup
        return reject(origin, None, f"cannot parse the HTML ({type(exc).__name__}: {exc})")
    text = _field(doc, "text")
    if not text or not text.strip():
        return reject(origin, None, "no article text found in the HTML (trafilatura extracted nothing)")
    page_date = _field(doc, "date")
    if page_date:
        with contextlib.suppress(ValueError):  # an unreadable metadata date: keep the fallback
            published = parse_date(page_date)
    return build_article(
        id=id,
        text=text,
        origin=origin,
        line=None,
        max_chars=max_chars,
        published=published,
        title=_field(doc, "title"),
        source=_field(doc, "sitename") or _field(doc, "hostname"),
        url=_field(doc, "url"),
    )


def _field(doc: object, name: str) -> str | None:
    value = doc.get(name) if isinstance(doc, dict) else getattr(doc, name, None)
    return value if isinstance(value, str) and value else None
