"""``newsgraph serve``: browse a store in the web explorer (Datasette with newsgraph's pages)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli.options import PROG, MinConfidenceOption
from newsgraph.errors import NewsgraphError
from newsgraph.store.store import DEFAULT_DB

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def serve(
    db: Annotated[
        Path,
        typer.Argument(metavar="DB", help="The SQLite store written by `newsgraph ingest`."),
    ] = Path(DEFAULT_DB),
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 makes the explorer reachable from other machines.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8001,
    immutable: Annotated[
        bool,
        typer.Option(help="Treat the file as finished (faster; changes made while serving are not seen)."),
    ] = False,
    min_confidence: MinConfidenceOption = None,
    allow_sql: Annotated[
        bool,
        typer.Option("--allow-sql", help="Let visitors run their own read-only SQL (Datasette's query box; "
                     "each query limited to 1 s). Off by default: the pages and tables need none."),
    ] = False,
) -> None:
    """Serve the store read-only in the web explorer: overview, actors, event clusters, articles, search."""
    from newsgraph.serve import check_store, run_server

    try:
        check_store(db)
    except NewsgraphError as exc:
        typer.echo(f"{PROG}: error: {exc}", err=True)
        raise typer.Exit(1) from None
    if host not in LOOPBACK_HOSTS:
        sql = " and run read-only SQL on it" if allow_sql else ""
        typer.echo(f"{PROG}: warning: listening on {host}: anyone who can reach this machine can read the store"
                   f"{sql}; use 127.0.0.1 unless that is intended", err=True)
    if (reason := _cannot_listen(host, port)) is not None:
        typer.echo(f"{PROG}: error: cannot listen on {host}:{port}: {reason}", err=True)
        raise typer.Exit(1)
    typer.echo(f"{PROG}: serving {db} read-only at http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    run_server(db, host=host, port=port, immutable=immutable, min_confidence=min_confidence, allow_sql=allow_sql)


def _cannot_listen(host: str, port: int) -> str | None:
    """Why the server could not listen there ("the port is in use …"), or None; checked before
    the server starts so the user gets one line, not a server log."""
    import errno
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"unknown host ({exc.strerror})"
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself binds
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return "the port is in use by another program (stop it, or choose another with --port)"
            return exc.strerror or str(exc)
    return None


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
