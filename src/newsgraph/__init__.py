"""newsgraph: sourced, time-aware event data from news articles.

The public API is imported lazily, so ``import newsgraph.records`` in a worker
does not load spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "extract": "newsgraph.api",
    "iter_extract": "newsgraph.api",
    "Settings": "newsgraph.config",
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
    "TimeValue",
    "extract",
    "iter_extract",
]

if TYPE_CHECKING:
    from newsgraph.api import extract, iter_extract
    from newsgraph.config import Settings
    from newsgraph.errors import ConfigError, ExtractionError, InputError, ModelError, NewsgraphError
    from newsgraph.records import Actor, ActorMention, Article, ClaimSource, Event, Item, Place, TimeValue


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
    return getattr(import_module(module), name)
