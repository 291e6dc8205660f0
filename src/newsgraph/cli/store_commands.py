"""Store commands: ``ingest`` articles into a SQLite database, ``link`` them, then query it (``events``,
``actor``, ``clusters``).

Query commands open the database read-only (a missing file is an error, never a
new empty database) and print ``--format table`` (for reading), ``jsonl`` or
``csv``. ``ingest`` prints one line per rejected input and a summary on stderr,
with a progress bar when stderr is a terminal; exit status 1 if anything was rejected.
"""

from __future__ import annotations

import csv
import importlib
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgraph.cli.options import (
    PROG,
    BatchSizeOption,
    InputsArgument,
    MinConfidenceOption,
    ModelOption,
    PublishedOption,
    WorkersOption,
    day_of,
    fail,
    settings_or_exit,
)
from newsgraph.cli.progress import Reporter, count_articles
from newsgraph.cli.render import printable
from newsgraph.config import Settings
from newsgraph.errors import NewsgraphError
from newsgraph.records import EVENT_TYPES, STATUSES
from newsgraph.store.queries import ActorProfile, EventFilters
from newsgraph.store.store import DEFAULT_DB, IngestCounts, Store

EVIDENCE_CHARS = 160
TABLE_WIDTH = 160


class QueryFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


DbOption = Annotated[str, typer.Option("--db", metavar="PATH", help="The SQLite database.")]
FormatOption = Annotated[
    QueryFormat, typer.Option("--format", "-f", help="table: for reading; jsonl: one object a line; csv.")
]


def _date_option(help: str) -> Any:
    return typer.Option(formats=["%Y-%m-%d"], metavar="YYYY-MM-DD", show_default=False, help=help)



def register(app: typer.Typer) -> None:
    """Add the store commands to the ``newsgraph`` app."""
    app.command("ingest")(ingest)
    app.command("events")(events)
    app.command("actor")(actor)
    app.command("clusters")(clusters)
    app.command("link")(link)


# --- ingest ---------------------------------------------------------------------------------------


class IngestProgress(Reporter):
    """The Reporter with article/event/rejection counts and the rate (terminal stderr only); a bar
    with the time left when the number of inputs is known."""

    def advance(self, counts: IngestCounts) -> None:
        done = counts.extracted + counts.articles_existing
        rate = done / max(time.monotonic() - self._started, 1e-9)
        stored = f" ({counts.articles_existing} stored already)" if counts.articles_existing else ""
        self.done = done + counts.rejected
        self.update(
            f"{done} articles{stored} · {counts.events} events · {counts.rejected} rejected · {rate:.1f} articles/s"
        )


def ingest(
    inputs: InputsArgument,
    db: DbOption = DEFAULT_DB,
    published: PublishedOption = None,
    model: ModelOption = None,
    batch_size: BatchSizeOption = None,
    workers: WorkersOption = None,
    no_link: Annotated[bool, typer.Option("--no-link", help="Do not relink clusters across articles.")] = False,
    extracted: Annotated[bool, typer.Option(
        "--extracted", help="The inputs are records extracted elsewhere (`extract --format records`): "
                            "store them without NLP.")] = False,
) -> None:
    """Extract events from articles and store them (articles stored already are skipped).

    Rejected inputs are recorded in the database and printed one line each; the run
    goes on and exits 1. Interrupted or killed runs can be rerun: nothing is stored twice.
    With --extracted, the inputs are JSON Lines of {"article", "events", "claims"} records
    (what `newsgraph extract --format records` or another worker wrote), stored as they are;
    Parquet files or directories of shards (what `newsgraph spark` writes) are read so without it.
    """
    settings = settings_or_exit(model=model, batch_size=batch_size, workers=workers)
    extracted = extracted or _all_parquet(inputs)  # what `newsgraph spark` wrote comes home as it is
    raise typer.Exit(run_ingest(inputs, db=db, published=day_of(published), settings=settings, link=not no_link,
                                extracted=extracted))


def _all_parquet(inputs: list[str]) -> bool:
    """Every input is a Parquet file or a directory of Parquet shards (Spark's, with its markers)."""
    from pathlib import Path

    def shards(path: Path) -> bool:
        if path.is_dir():
            files = [f for f in path.rglob("*") if f.is_file()]
            return any(f.suffix == ".parquet" for f in files) and all(
                f.suffix in (".parquet", ".crc") or f.name.startswith("_") for f in files)
        return path.suffix.lower() == ".parquet"

    return bool(inputs) and all(shards(Path(name)) for name in inputs)


def run_ingest(inputs: list[str], *, db: str, published: date | None, settings: Settings, link: bool,
               extracted: bool = False) -> int:
    """Ingest into ``db`` (``extracted``: records extracted elsewhere, no NLP); returns the exit status."""
    from newsgraph.ingest import read_extracted, read_inputs

    reporter = IngestProgress()
    try:
        store = Store(db)
    except NewsgraphError as exc:
        reporter.message(f"{PROG}: error: {exc}")
        return 1
    counts = IngestCounts()
    clusters = 0
    if reporter.enabled and not extracted:  # a terminal: a bar with the total and the time left
        reporter.total = count_articles(inputs)
    with store, reporter.guard(lambda: "what was written is kept: rerun to finish"):
        with reporter:
            if not extracted:
                reporter.update("loading the language model…", now=True)
            if extracted:
                counts = store.ingest_extracted(
                    read_extracted(inputs, max_chars=settings.max_chars),
                    batch_size=settings.batch_size,
                    on_rejection=reporter.reject,
                    on_progress=reporter.advance,
                )
            else:
                counts = store.ingest(
                    read_inputs(inputs, published=published, settings=settings),
                    settings=settings,
                    on_rejection=reporter.reject,
                    on_progress=reporter.advance,
                )
        if link:
            _relink(store, reporter)
        clusters = store.counts()["clusters"]
    if reporter.exit_code is not None:
        return reporter.exit_code
    reporter.message(f"{PROG}: {counts.summary()}; {clusters} clusters in {db}")
    return 1 if counts.rejected else 0


def _relink(store: Store, reporter: Reporter) -> None:
    """Run the cross-article linker (``newsgraph.link.relink``) if this installation has it."""
    try:
        relink: Any = getattr(importlib.import_module("newsgraph.link"), "relink")  # noqa: B009
    except (ImportError, AttributeError) as exc:
        if isinstance(exc, ImportError) and exc.name != "newsgraph.link":
            raise  # the linker is there but something it needs is missing
        return
    result: Any = relink(store.conn)
    if result is not None:
        summary = result.summary() if callable(getattr(result, "summary", None)) else result
        reporter.message(f"{PROG}: linked: {summary}")


# --- link -----------------------------------------------------------------------------------------


def link(
    db: DbOption = DEFAULT_DB,
    full: Annotated[bool, typer.Option(
        "--full", help="Forget all linking and recompute it from every stored event and article "
                       "(the same result as the incremental runs; use it after editing the store by hand).")] = False,
) -> None:
    """Link the events and articles stored since the last run: copies, clusters, conflicts.

    `ingest` does this itself (unless --no-link); its cost grows with what is new, not with the store.
    """
    from newsgraph.link import relink

    _open(db).close()  # a missing file is an error, never a new empty database
    started = time.monotonic()
    try:
        with Store(db) as store:
            summary = relink(store.conn, full=full)
    except NewsgraphError as exc:
        fail(str(exc), code=1)
    seconds = time.monotonic() - started
    typer.echo(f"{PROG}: linked{' everything' if full else ''} in {seconds:.1f} s: {summary.summary()}", err=True)


# --- events ---------------------------------------------------------------------------------------


def events(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[str | None, typer.Option(metavar="NAME", help="Actor name or ISO country code.")] = None,
    counterpart: Annotated[str | None, typer.Option(metavar="NAME", help="Actor on the other side.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", metavar="TYPE", help="PLOVER type.")] = None,
    status: Annotated[str | None, typer.Option(metavar="STATUS", help=", ".join(STATUSES))] = None,
    item: Annotated[str | None, typer.Option(metavar="CATEGORY", help="Item category, e.g. ammunition.")] = None,
    since: Annotated[datetime | None, _date_option("On or after (the event's date, else its article's).")] = None,
    until: Annotated[datetime | None, _date_option("On or before.")] = None,
    named_source: Annotated[bool, typer.Option("--named-source", help="Only events a named source reports.")] = False,
    min_confidence: MinConfidenceOption = None,
    limit: Annotated[int | None, typer.Option(min=1, metavar="N")] = None,
    output_format: FormatOption = QueryFormat.table,
) -> None:
    """Stored events matching every filter given, by date (an event's own date, else its article's)."""
    if event_type and event_type.upper() not in EVENT_TYPES:
        raise typer.BadParameter(f"expected one of {', '.join(EVENT_TYPES)}", param_hint="--type")
    if status and status.lower() not in STATUSES:
        raise typer.BadParameter(f"expected one of {', '.join(STATUSES)}", param_hint="--status")
    filters = EventFilters(
        actor=actor, counterpart=counterpart, type=event_type, status=status, item=item,
        since=since.date() if since else None, until=until.date() if until else None,
        named_source=named_source, min_confidence=min_confidence, limit=limit,
    )  # fmt: skip
    with _open(db) as store:
        rows = store.iter_events(filters)
        _emit(output_format, rows, csv_row=event_csv_row, table=events_table)


def event_csv_row(event: dict[str, Any]) -> dict[str, Any]:
    time_, place, evidence = event.get("time") or {}, event.get("location") or {}, event["evidence"]
    return {
        "id": event["id"], "article_id": event["article_id"], "type": event["type"], "mode": event["mode"],
        "status": event["status"], "source": _names(event["source"]), "target": _names(event["target"]),
        "symmetric": int(event["symmetric"]), "items": "; ".join(_item(i) for i in event["items"]),
        "attribution": "; ".join(c["name"] for c in event["attribution"]),
        "named_source": int(any(c["named"] for c in event["attribution"])),
        "time_text": time_.get("text"), "time_start": time_.get("start"), "time_end": time_.get("end"),
        "place": place.get("name"), "place_country": place.get("country"), "confidence": event["confidence"],
        "cluster_id": event["cluster_id"], "outlet": event["outlet"], "published": event["published"],
        "trigger": evidence["trigger"]["text"], "evidence": evidence["text"],
    }  # fmt: skip


def events_table(rows: Iterable[dict[str, Any]], console: Console) -> int:
    table = Table(show_lines=True, expand=True)
    for name, ratio in (("date", 0), ("event", 0), ("source → target", 2), ("items", 2), ("according to", 2),
                        ("outlet", 1), ("evidence", 5)):  # fmt: skip
        table.add_column(name, ratio=ratio or None, no_wrap=not ratio)
    n = 0
    for e in rows:
        n += 1
        arrow = " ↔ " if e["symmetric"] else " → "
        day = (e.get("time") or {}).get("start") or e["published"] or "—"
        table.add_row(*(Text(printable(cell)) for cell in (
            day, f"{e['type']}\n{e['status']}", (_names(e["source"]) or "—") + arrow + (_names(e["target"]) or "—"),
            "\n".join(_item(i) for i in e["items"]) or "—",
            "\n".join(c["name"] + ("" if c["named"] else " (anonymous)") for c in e["attribution"]) or "—",
            e["outlet"] or "—", _shorten(e["evidence"]["text"]),
        )))  # fmt: skip
    if n:
        console.print(table)
    return n


# --- actor ----------------------------------------------------------------------------------------


def actor(
    name: Annotated[str, typer.Argument(metavar="NAME", help="Actor name (any case) or ISO country code.")],
    db: DbOption = DEFAULT_DB,
    output_format: FormatOption = QueryFormat.table,
) -> None:
    """An actor's profile: counterparts, items in and out, events by month, who reports about it."""
    with _open(db) as store:
        profile = store.actor_profile(name)
        if not profile.found:
            hint = store.suggest_actors(name)
            fail(f"no actor named {name!r} in {db}" + (f" (did you mean: {', '.join(hint)}?)" if hint else ""), code=1)
    if output_format is QueryFormat.jsonl:
        sys.stdout.write(json.dumps(profile.to_dict(), ensure_ascii=False) + "\n")
    elif output_format is QueryFormat.csv:
        _write_csv(profile_csv_rows(profile))
    else:
        print_profile(profile, _stdout())


PROFILE_CSV = ("section", "name", "country", "kind", "type", "status", "direction", "category", "month", "named",
               "events", "items", "as_source", "as_target")  # fmt: skip


def profile_csv_rows(profile: ActorProfile) -> list[dict[str, Any]]:
    """The profile in long form: one row per counterpart/type/status, item group, month, reporter."""
    rows: list[dict[str, Any]] = [{"section": "actor", **a} for a in profile.actors]
    sections = (("counterpart", profile.counterparts), ("items", profile.items), ("month", profile.timeline),
                ("reporter", profile.reporters))  # fmt: skip
    rows += [{"section": section, **row} for section, part in sections for row in part]
    rows.append({"section": "unattributed", "events": profile.unattributed})
    return [{k: _csv_value(row.get(k)) for k in PROFILE_CSV} for row in rows]


def _csv_value(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def print_profile(profile: ActorProfile, console: Console) -> None:
    names = "; ".join(
        a["name"] + "".join(f" [{a[k]}]" for k in ("kind", "country", "sector") if a[k]) for a in profile.actors
    )
    console.print(Text(printable(profile.query), style="bold").append(f": {printable(names)}"))
    console.print(Text(
        f"{profile.events} events ({profile.as_source} as source, {profile.as_target} as target), "
        f"{profile.first or '?'} to {profile.last or '?'}"
    ))  # fmt: skip
    grouped: dict[tuple[str, str | None], dict[str, dict[str, int]]] = {}
    for row in profile.counterparts:
        parts = grouped.setdefault((row["name"], row["country"]), {"type": {}, "status": {}})
        for key in ("type", "status"):
            parts[key][row[key]] = parts[key].get(row[key], 0) + row["events"]
    ranked = sorted(grouped.items(), key=lambda kv: -sum(kv[1]["type"].values()))
    _print_table(console, "counterparts", ("counterpart", "events", "by type", "by status"), [
        (name + (f" [{country}]" if country else ""), sum(p["type"].values()), _tally(p["type"]), _tally(p["status"]))
        for (name, country), p in ranked
    ])  # fmt: skip
    _print_table(console, "items (in: as target; out: as source)", ("direction", "status", "category", "items"),
                 [(r["direction"], r["status"], r["category"], r["items"]) for r in profile.items])
    _print_table(console, "timeline", ("month", "events", "as source", "as target"),
                 [(r["month"], r["events"], r["as_source"], r["as_target"]) for r in profile.timeline])
    _print_table(console, "who reports about it", ("source", "named", "kind", "events"),
                 [(r["name"], "named" if r["named"] else "anonymous", r["kind"], r["events"])
                  for r in profile.reporters] + [("(the text itself)", "—", "—", profile.unattributed)])


# --- clusters -------------------------------------------------------------------------------------


def clusters(
    db: DbOption = DEFAULT_DB,
    conflicting: Annotated[bool, typer.Option("--conflicting", help="Only clusters whose mentions disagree.")] = False,
    min_sources: Annotated[int, typer.Option(min=1, metavar="N", help="At least N independent outlets.")] = 1,
    limit: Annotated[int | None, typer.Option(min=1, metavar="N")] = None,
    output_format: FormatOption = QueryFormat.table,
) -> None:
    """Mentions of one event across articles, best corroborated first (filled by the linker at ingest)."""
    with _open(db) as store:
        rows = store.clusters(conflicting=conflicting, min_sources=min_sources, limit=limit)
    _emit(output_format, rows, csv_row=_cluster_csv_row, table=clusters_table)


def _cluster_csv_row(cluster: dict[str, Any]) -> dict[str, Any]:
    row = {k: v for k, v in cluster.items() if k != "conflicts"}
    row["conflicting"] = int(cluster["conflicting"])
    row["conflicts"] = "; ".join(f"{c['kind']}={c['value']} ({c['event_id']})" for c in cluster["conflicts"])
    return row


def clusters_table(rows: Iterable[dict[str, Any]], console: Console) -> int:
    table = Table(show_lines=False, expand=True)
    for name in ("cluster", "type", "label", "mentions", "articles", "sources", "reported", "conflicts"):
        table.add_column(name, no_wrap=name not in ("label", "conflicts"))
    n = 0
    for c in rows:
        n += 1
        kinds = sorted({x["kind"] for x in c["conflicts"]})
        table.add_row(*(Text(printable(cell)) for cell in (
            c["id"][:12], c["type"], c["label"], str(c["n_mentions"]), str(c["n_articles"]), str(c["n_sources"]),
            f"{c['first_reported'] or '?'}..{c['last_reported'] or '?'}", ", ".join(kinds) or "—",
        )))  # fmt: skip
    if n:
        console.print(table)
    return n


# --- helpers --------------------------------------------------------------------------------------


def _open(db: str) -> Store:
    try:
        return Store(db, read_only=True)
    except NewsgraphError as exc:
        fail(str(exc), code=1)


def _emit(
    fmt: QueryFormat,
    rows: Iterable[dict[str, Any]],
    *,
    csv_row: Callable[[dict[str, Any]], dict[str, Any]],
    table: Callable[[Iterable[dict[str, Any]], Console], int],
) -> None:
    n = 0
    if fmt is QueryFormat.jsonl:
        for row in rows:
            n += 1
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt is QueryFormat.csv:
        n = _write_csv(csv_row(row) for row in rows)
    else:
        n = table(rows, _stdout())
    if n == 0 and fmt is QueryFormat.table:
        typer.echo(f"{PROG}: nothing matches", err=True)


def _write_csv(rows: Iterable[dict[str, Any]]) -> int:
    writer: csv.DictWriter[str] | None = None
    n = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(row), lineterminator="\n")
            writer.writeheader()
        writer.writerow(row)
        n += 1
    return n


def _print_table(console: Console, title: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> None:
    if not rows:
        return
    table = Table(title=title, title_justify="left", expand=False)
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(Text(printable(str(v)) if v is not None else "—") for v in row))
    console.print(table)


def _stdout() -> Console:
    """Tables on stdout: the terminal's width, else $COLUMNS or TABLE_WIDTH (a file or a pipe)."""
    if sys.stdout.isatty():
        return Console(highlight=False)
    try:
        width = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        width = TABLE_WIDTH
    return Console(highlight=False, width=width)


def _names(actors: list[dict[str, Any]]) -> str:
    return ", ".join(a["name"] + (f" [{a['country']}]" if a.get("country") else "") for a in actors)


def _item(item: dict[str, Any]) -> str:
    quantity = f", {item['quantity']}" if item.get("quantity") else ""
    return f"{item['text']} ({item['category']}{quantity})"


def _tally(counts: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _shorten(text: str) -> str:
    return text if len(text) <= EVIDENCE_CHARS else text[: EVIDENCE_CHARS - 1] + "…"

