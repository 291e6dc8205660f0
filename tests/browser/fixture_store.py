"""A small store built from real extraction, for the explorer's browser tests.

The articles are invented for these tests (the events in them did not happen):
three outlets report one transfer (one of them denies it), two more stories add
counterparts and places, and one article carries script payloads in its title
and text that the pages must show as plain text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from newsgraph.config import Settings
from newsgraph.link import relink
from newsgraph.records import Article
from newsgraph.store import Store

PAYLOAD_TITLE = "<script>alert(1)</script> Lisbon buys patrol boats"
PAYLOAD_TEXT = (
    "<img src=x onerror=alert(1)> Spain has sold four patrol boats to Portugal, the Portuguese navy said "
    "on Friday. <script>alert(1)</script>\n\n"
    "The boats will be delivered to Lisbon next year, officials in Madrid said."
)

ARTICLES: tuple[Article, ...] = (
    Article(
        id="north-wire-1", published=date(2024, 3, 4), source="North Wire", url="https://north.example.org/1",
        title="Moscow ships shells to Pyongyang",
        text="Russia has delivered artillery shells to North Korea in Rason, South Korean officials said on Monday."
        "\n\nThe Russian foreign minister visited Pyongyang in January. "
        "North Korea has also asked Russia for fighter jets.",
    ),
    Article(
        id="east-daily-7", published=date(2024, 3, 5), source="East Daily", url="https://east.example.com/7",
        title="Shells for Pyongyang",
        text="Russia supplied North Korea with artillery shells this month, according to South Korean intelligence. "
        "China will send drones to Iran next month, a report said.",
    ),
    Article(
        id="kremlin-watch-3", published=date(2024, 3, 6), source="Kremlin Watch", url="https://kw.example.net/3",
        title="Kremlin denies shell deliveries",
        text="Russia has not delivered any artillery shells to North Korea, the Kremlin said on Wednesday.",
    ),
    Article(
        id="baltic-post-2", published=date(2024, 2, 20), source="Baltic Post", url="https://baltic.example.org/2",
        title="Berlin sends Patriot batteries",
        text="Germany has delivered two Patriot air-defence batteries to Poland at a base in Rzeszow, the Polish "
        "defence ministry said on Tuesday. Russia condemned the delivery.",
    ),
    Article(
        id="gulf-times-9", published=date(2024, 1, 15), source="Gulf Times", url="https://gulf.example.com/9",
        title="Sanctions on Tehran",
        text="The United States imposed sanctions on Iran on Monday. Iran accused the United States of "
        "economic warfare.",
    ),
    Article(
        id="payload-1", published=date(2024, 3, 8), source="<b>Bad Outlet</b>", url="javascript:alert(1)",
        title=PAYLOAD_TITLE, text=PAYLOAD_TEXT,
    ),
)


def build_store(path: Path, *, model: str = "en_core_web_sm") -> Path:
    """Extract the articles with the real pipeline, store them and link them; returns ``path``."""
    with Store(path) as store:
        counts = store.ingest(ARTICLES, settings=Settings(model=model))
        if counts.rejected:
            raise RuntimeError(f"fixture articles were rejected: {counts.summary()}")
        relink(store.conn)
    return path
