"""Who published an article, and how many independent sources a set of articles is.

An article's outlet is ``articles.outlet`` (the store fills it from metadata, the URL or a
JSON Lines "source"); when that is empty, the host of its URL; else the outlet is unknown and
the article counts as an outlet of its own. Outlet names are compared case-insensitively.

Independent sources: articles that are copies of one story (same ``copy_of`` group) count
once, and so do articles from one outlet; the two merge transitively (outlet A republishing
outlet B's story makes A and B one source for that story's events).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

_HOST_PREFIXES = ("www.", "m.", "amp.", "mobile.")


def outlet_key(outlet: str | None, url: str | None, article_id: str) -> str:
    """A comparable outlet name: the stated outlet, else the URL host, else ``?<article id>``."""
    if outlet and outlet.strip():
        return " ".join(outlet.split()).casefold()
    host = url_host(url)
    if host:
        return host
    return f"?{article_id}"


def url_host(url: str | None) -> str | None:
    """The host of ``url`` in lower case, without ``www.``-style prefixes; None if it has none."""
    if not url or "//" not in url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    for prefix in _HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    return host


def count_sources(article_ids: Iterable[str], outlets: Mapping[str, str], copy_root: Mapping[str, str]) -> int:
    """Independent sources among ``article_ids``.

    ``outlets`` maps article id → outlet key (``outlet_key``); ``copy_root`` maps article id →
    the earliest article of its copy group (absent for articles that are nobody's copy).
    """
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        root = node
        while parent.setdefault(root, root) != root:
            root = parent[root]
        while parent[node] != root:  # path compression
            parent[node], node = root, parent[node]
        return root

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for article_id in set(article_ids):
        node = f"a:{article_id}"
        find(node)
        union(node, f"c:{copy_root.get(article_id, article_id)}")
        union(node, f"o:{outlets.get(article_id) or '?' + article_id}")
    return len({find(node) for node in list(parent) if node.startswith("a:")})
