"""The Datasette plugin: newsgraph's pages as routes over the store Datasette serves.

Registered programmatically by ``build_datasette`` (``pm.register``); the
routes only appear when Datasette's metadata names the store database under
``plugins.newsgraph.database``, so another Datasette in the same process is
left alone.  Pages read through Datasette's read-only connections
(``execute_fn``); the data functions live in the sibling modules and take a
plain ``sqlite3.Connection``.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from typing import Any, TypeVar, cast

from datasette import hookimpl as _hookimpl
from datasette.utils.asgi import Response

from newsgraph import __version__
from newsgraph.records import EVENT_TYPES, STATUSES
from newsgraph.serve.actor import actor_data
from newsgraph.serve.charts import land_svg
from newsgraph.serve.mentions import article_data, cluster_data, event_data
from newsgraph.serve.queries import EventFilters, events_data, overview_data
from newsgraph.serve.urls import BASE, STATIC, decode_part, events_url, overview_url

PLUGIN = "newsgraph"
T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])
hookimpl = cast(Callable[[F], F], _hookimpl)  # pluggy's marker, typed: it returns the function unchanged


@hookimpl
def register_routes(datasette: Any) -> list[tuple[str, Callable[..., Any]]]:
    if not _database_name(datasette):
        return []
    return [
        (r"^/$", root_view),
        (rf"^{BASE}/?$", overview_view),
        (rf"^{BASE}/events$", events_view),
        (rf"^{BASE}/actor/(?P<actor_id>[0-9]+)$", actor_view),
        (rf"^{BASE}/cluster/(?P<cluster_id>[^/]+)$", cluster_view),
        (rf"^{BASE}/event/(?P<event_id>[^/]+)$", event_view),
        (rf"^{BASE}/article/(?P<article_id>[^/]+)$", article_view),
        (rf"^{BASE}/land\.svg$", land_view),
    ]


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    if not _database_name(datasette):
        return []
    return [{"href": overview_url(), "label": "newsgraph overview"}, {"href": events_url(), "label": "Events"}]


async def root_view() -> Any:
    return Response.redirect(overview_url())


async def overview_view(datasette: Any, request: Any) -> Any:
    data = await _read(datasette, overview_data)
    return await _render(datasette, request, "overview.html", {"page": data})


async def events_view(datasette: Any, request: Any) -> Any:
    args = {key: request.args.get(key) for key in request.args}
    floor = (datasette.plugin_config(PLUGIN) or {}).get("min_confidence")
    if floor is not None and not args.get("confidence"):
        args["confidence"] = str(floor)  # `serve --min-confidence`: the list's default
    try:
        filters = EventFilters.from_query(args)
    except ValueError as exc:
        return await _render(datasette, request, "events.html",
                             {"page": None, "error": str(exc), "filters": EventFilters()}, status=400)
    data = await _read(datasette, lambda conn: events_data(conn, filters))
    return await _render(datasette, request, "events.html", {"page": data, "error": None, "filters": filters})


async def actor_view(datasette: Any, request: Any) -> Any:
    actor_id = int(request.url_vars["actor_id"])
    data = await _read(datasette, lambda conn: actor_data(conn, actor_id))
    if data is None:
        return await _not_found(datasette, request, f"There is no actor with id {actor_id}.")
    return await _render(datasette, request, "actor.html", {"page": data})


async def cluster_view(datasette: Any, request: Any) -> Any:
    cluster_id = decode_part(request.url_vars["cluster_id"])
    data = await _read(datasette, lambda conn: cluster_data(conn, cluster_id))
    if data is None:
        return await _not_found(datasette, request, f"There is no event cluster {cluster_id!r}.")
    return await _render(datasette, request, "cluster.html", {"page": data})


async def event_view(datasette: Any, request: Any) -> Any:
    event_id = decode_part(request.url_vars["event_id"])
    data = await _read(datasette, lambda conn: event_data(conn, event_id))
    if data is None:
        return await _not_found(datasette, request, f"There is no event mention {event_id!r}.")
    return await _render(datasette, request, "event.html", {
        "mention": data, "row_url": datasette.urls.row(_database_name(datasette), "events", event_id)})


async def article_view(datasette: Any, request: Any) -> Any:
    article_id = decode_part(request.url_vars["article_id"])
    data = await _read(datasette, lambda conn: article_data(conn, article_id))
    if data is None:
        return await _not_found(datasette, request, f"There is no article {article_id!r}.")
    return await _render(datasette, request, "article.html", {"page": data})


async def land_view() -> Any:
    svg = await asyncio.get_running_loop().run_in_executor(None, land_svg)  # the first call reads the gazetteer
    return Response(svg, content_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})


def _database_name(datasette: Any) -> str | None:
    config = datasette.plugin_config(PLUGIN) or {}
    name = config.get("database")
    return str(name) if name and name in datasette.databases else None


async def _read(datasette: Any, fn: Callable[[sqlite3.Connection], T]) -> T:
    db = datasette.get_database(_database_name(datasette))
    result: T = await db.execute_fn(fn)
    return result


async def _not_found(datasette: Any, request: Any, message: str) -> Any:
    return await _render(datasette, request, "error.html", {"message": message}, status=404)


async def _render(datasette: Any, request: Any, template: str, context: dict[str, Any], *, status: int = 200) -> Any:
    name = _database_name(datasette) or ""
    ng = {
        "base": BASE,
        "static": STATIC,
        "version": __version__,
        "database": name,
        "database_url": datasette.urls.database(name),
        "tables": {t: datasette.urls.table(name, t) for t in (
            "articles", "events", "actors", "clusters", "conflicts", "items", "claims", "event_actors", "_rejections")},
        "types": EVENT_TYPES,
        "statuses": STATUSES,
        "events_url": events_url,
    }
    html = await datasette.render_template(f"newsgraph/{template}", {**context, "ng": ng}, request=request)
    return Response.html(html, status=status)
