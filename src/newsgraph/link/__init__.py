"""Across articles: republished copies, event clusters, independent sources, conflicts.

``relink(conn)`` recomputes all of it from the store; see ``newsgraph.link.relink``.
"""

from __future__ import annotations

from newsgraph.link.relink import LinkSummary, relink

__all__ = ["LinkSummary", "relink"]
