"""newsgraph: sourced, time-aware event data from news articles.

The public API is imported lazily, so ``import newsgraph.records`` in a worker
does not load spaCy.
"""

from __future__ import annotations

from datetime import date
from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "iter_extract": "newsgraph.api",
    "iter_claims": "newsgraph.api",
    "iter_extracted": "newsgraph.api",
    "Claim": "newsgraph.records",
    "Settings": "newsgraph.config",
    "Store": "newsgraph.store",
    "NewsgraphError": "newsgraph.errors",
    "ConfigError": "newsgraph.errors",
    "InputError": "newsgraph.errors",
    "ModelError": "newsgraph.errors",
    "ExtractionError": "newsgraph.errors",
    "Actor": "newsgraph.records",
    "ActorMention": "newsgraph.records",
    "Article": "newsgraph.records",
    "ClaimSource": "newsgraph.records",
    "Event": "newsgraph.records",
    "Item": "newsgraph.records",
    "Place": "newsgraph.records",
    "TimeValue": "newsgraph.records",
}

__all__ = [
    "Actor",
    "ActorMention",
    "Article",
    "Claim",
    "ClaimSource",
    "ConfigError",
    "Event",
    "ExtractionError",
    "InputError",
    "Item",
    "ModelError",
    "NewsgraphError",
    "Place",
    "Settings",
    "Store",
    "TimeValue",
    "extract",
    "iter_claims",
    "iter_extract",
    "iter_extracted",
]

if TYPE_CHECKING:
    from newsgraph.api import iter_claims, iter_extract, iter_extracted
    from newsgraph.config import Settings
    from newsgraph.errors import ConfigError, ExtractionError, InputError, ModelError, NewsgraphError
    from newsgraph.records import Actor, ActorMention, Article, Claim, ClaimSource, Event, Item, Place, TimeValue
    from newsgraph.store import Store


# The stage package ``newsgraph.extract`` is loaded here, before the function of the same name is
# defined: loading it later (``import newsgraph.extract.events``) would replace the function with
# the package. Its __init__ imports nothing heavy.
import_module("newsgraph.extract")


def extract(
    text: str,
    *,
    published: date | None = None,
    article_id: str | None = None,
    settings: Settings | None = None,
) -> list[Event]:
    """Event mentions of one article text (see :func:`newsgraph.api.extract`)."""
    from newsgraph.api import extract as extract_text

    return extract_text(text, published=published, article_id=article_id, settings=settings)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
    return getattr(import_module(module), name)
