"""Where the explorer's pages live: one function per page, ids quoted for the path."""

from __future__ import annotations

from urllib.parse import quote, unquote, urlencode

BASE = "/-/newsgraph"
STATIC = f"{BASE}/static"


def _part(value: object) -> str:
    return quote(str(value), safe="")


def overview_url() -> str:
    return BASE


def actor_url(actor_id: int) -> str:
    return f"{BASE}/actor/{int(actor_id)}"


def cluster_url(cluster_id: str) -> str:
    return f"{BASE}/cluster/{_part(cluster_id)}"


def event_url(event_id: str) -> str:
    return f"{BASE}/event/{_part(event_id)}"


def article_url(article_id: str) -> str:
    return f"{BASE}/article/{_part(article_id)}"


def source_url(name: str) -> str:
    """The page of what one source says (by the actor layer's name)."""
    return f"{BASE}/source?{urlencode({'name': name})}"


def mention_url(event_id: str, cluster_id: str | None) -> str:
    """The page of an event mention: its cluster when it has one, else the mention itself."""
    return cluster_url(cluster_id) if cluster_id else event_url(event_id)


def events_url(*, suffix: str = "", **filters: object) -> str:
    query = urlencode({k: str(v) for k, v in filters.items() if v not in (None, "")})
    return f"{BASE}/events{suffix}" + (f"?{query}" if query else "")


def decode_part(raw: str) -> str:
    """A path segment as the router matched it (still percent-encoded) back to the id."""
    return unquote(raw)
