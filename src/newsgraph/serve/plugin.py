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
import base64
import hashlib
import re
import sqlite3
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any, TypeVar, cast

from datasette import hookimpl as _hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from newsgraph import __version__
from newsgraph.records import EVENT_TYPES, STATUSES
from newsgraph.serve.actor import actor_data
from newsgraph.serve.charts import land_svg
from newsgraph.serve.claims import source_data
from newsgraph.serve.mentions import article_data, cluster_data, event_data
from newsgraph.serve.queries import EventFilters, events_data, overview_data
from newsgraph.serve.rows import row_id
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
        (rf"^{BASE}/events\.(?P<fmt>json|csv)$", events_download_view),
        (rf"^{BASE}/actor/(?P<actor_id>[0-9]+)$", actor_view),
        (rf"^{BASE}/cluster/(?P<cluster_id>[^/]+)$", cluster_view),
        (rf"^{BASE}/event/(?P<event_id>[^/]+)$", event_view),
        (rf"^{BASE}/article/(?P<article_id>[^/]+)$", article_view),
        (rf"^{BASE}/source$", source_view),
        (rf"^{BASE}/land\.svg$", land_view),
    ]


# Response headers on every page of a served store: no framing, no MIME sniffing, scripts only
# from the server. newsgraph's own pages run no inline script but the one Datasette's base page
# includes to close its menus, allowed by its hash (their data blocks are JSON, which a browser
# does not execute); Datasette's own pages keep their inline scripts. Inline style attributes
# stay allowed (bar widths).
MAX_SOURCE_NAME = 300  # characters of a source name a source page is asked for
_CSP = ("default-src 'self'; script-src 'self'{inline}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
HEADERS = (
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
)


@cache
def _base_script_hashes() -> str:
    """CSP sources for the inline scripts of Datasette's static includes on every page."""
    try:
        text = (resources.files("datasette") / "templates" / "_close_open_menus.html").read_text(encoding="utf-8")
    except OSError:
        return ""
    scripts = re.findall(r"<script>(.*?)</script>", text, re.S)
    return "".join(f" 'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'" for s in scripts)


def security_headers(path: str) -> list[tuple[bytes, bytes]]:
    """The headers a response to ``path`` gets (the strict script policy on newsgraph's pages)."""
    inline = _base_script_hashes() if path == "/" or path.startswith(BASE) else " 'unsafe-inline'"
    return [(b"content-security-policy", _CSP.format(inline=inline).encode()), *HEADERS]


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable[[Any], Any]:
    def wrap(app: Any) -> Any:
        async def with_headers(scope: dict[str, Any], receive: Any, send: Any) -> None:
            if scope.get("type") != "http" or not _database_name(datasette):
                await app(scope, receive, send)
                return

            async def send_with_headers(message: dict[str, Any]) -> None:
                if message.get("type") == "http.response.start":
                    names = {k.lower() for k, _ in message.get("headers") or []}
                    extra = [(k, v) for k, v in security_headers(scope.get("path") or "") if k not in names]
                    message = {**message, "headers": [*(message.get("headers") or []), *extra]}
                await send(message)

            await app(scope, receive, send_with_headers)

        return with_headers

    return wrap


RECORD_TABLES = frozenset({"events", "claim_records"})  # tables whose "record" column holds a whole JSON record
RECORD_PREVIEW = 120  # characters of it a Datasette table cell shows


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    """In Datasette's own tables, a record column shows its start and a link to the row's JSON, not
    the whole record (an events table of a few hundred rows was 85,000 pixels tall)."""
    if column != "record" or table not in RECORD_TABLES or database != _database_name(datasette):
        return None
    if not isinstance(value, str) or len(value) <= RECORD_PREVIEW:
        return None
    keys = row.keys() if hasattr(row, "keys") else []
    link = ""
    if "id" in keys:
        url = datasette.urls.row(database, table, tilde_encode(str(row["id"]))) + ".json"
        link = f' <a href="{escape(url)}">whole record (JSON)</a>'
    return Markup(f"<code>{escape(value[:RECORD_PREVIEW])}…</code>{link}")


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


def _event_args(datasette: Any, request: Any) -> dict[str, str]:
    args = {key: request.args.get(key) for key in request.args}
    floor = (datasette.plugin_config(PLUGIN) or {}).get("min_confidence")
    if floor is not None and not args.get("confidence"):
        args["confidence"] = str(floor)  # `serve --min-confidence`: the list's default
    return args


async def events_download_view(datasette: Any, request: Any) -> Any:
    """The events list's page as data: ``events.json`` (the contract records, with the filters, the
    page and the total) or ``events.csv`` (the layout of ``export --format csv``)."""
    fmt = request.url_vars["fmt"]
    try:
        filters = EventFilters.from_query(_event_args(datasette, request))
    except ValueError as exc:
        return Response.json({"error": str(exc)}, status=400) if fmt == "json" else Response.text(
            str(exc) + "\n", status=400)
    page = await _read(datasette, lambda conn: events_data(conn, filters))
    if fmt == "json":
        return Response.json({"filters": filters.active(), "page": filters.page, "pages": page.pages,
                              "total": page.total, "events": [e.record for e in page.events]})
    from newsgraph.export.csvfile import csv_text  # the export package loads pyarrow: only when asked
    from newsgraph.export.rows import rows_for

    ids = [e.id for e in page.events]
    text = await _read(datasette, lambda conn: csv_text(rows_for(conn, ids)))
    return Response(text, content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="events.csv"'})


async def events_view(datasette: Any, request: Any) -> Any:
    try:
        filters = EventFilters.from_query(_event_args(datasette, request))
    except ValueError as exc:
        return await _render(datasette, request, "events.html",
                             {"page": None, "error": str(exc), "filters": EventFilters()}, status=400)
    data = await _read(datasette, lambda conn: events_data(conn, filters))
    return await _render(datasette, request, "events.html", {"page": data, "error": None, "filters": filters})


async def actor_view(datasette: Any, request: Any) -> Any:
    actor_id = row_id(request.url_vars["actor_id"])
    data = None if actor_id is None else await _read(datasette, lambda conn: actor_data(conn, actor_id))
    if data is None:
        return await _not_found(datasette, request, f"There is no actor with id {request.url_vars['actor_id'][:30]}.")
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


async def source_view(datasette: Any, request: Any) -> Any:
    name = (request.args.get("name") or "").strip()
    if not name or len(name) > MAX_SOURCE_NAME:
        return await _render(datasette, request, "error.html",
                             {"message": "Name a source: /-/newsgraph/source?name=…"}, status=400)
    data = await _read(datasette, lambda conn: source_data(conn, name))
    if data is None:
        return await _not_found(datasette, request, f"No stored claim has the source {name[:60]!r}.")
    return await _render(datasette, request, "source.html", {"page": data})


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
