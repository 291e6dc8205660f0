"""The extract stage: a parsed Doc (with actor mentions) → Event records.

Extracting one article is a pure function of its Doc and Article
(:func:`newsgraph.extract.events.extract_events`), so it can run in any worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["extract_events", "prepare"]


def prepare() -> None:
    """Load the tables extraction reads (place indexes) now, once per process, rather than
    inside the first article's extraction."""
    from newsgraph.extract.places import load_places

    load_places()

if TYPE_CHECKING:
    from newsgraph.extract.events import extract_events


def __getattr__(name: str) -> Any:
    if name == "extract_events":
        from newsgraph.extract.events import extract_events

        return extract_events
    raise AttributeError(name)
