"""``newsgraph spark``: extraction on Apache Spark, Parquet shards out (the ``spark`` extra)."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Annotated, Any

import typer

from newsgraph.cli.options import PROG, BatchSizeOption, ModelOption, fail, plural, settings_or_exit
from newsgraph.cli.progress import Reporter
from newsgraph.config import Settings


def spark(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT", help="JSON Lines (.jsonl, .json) or Parquet files or directories with id and text columns.")],
    out: Annotated[str, typer.Option("--out", help="Directory for the records' Parquet shards (replaced).")],
    master: Annotated[str, typer.Option("--master", help="Spark master URL.")] = "local[2]",
    partitions: Annotated[int | None, typer.Option(
        "--partitions", min=1, help="Repartition the input into N partitions (default: as read).")] = None,
    text_col: Annotated[str, typer.Option("--text-col", help="The text column.")] = "text",
    id_col: Annotated[str, typer.Option("--id-col", help="The article id column.")] = "id",
    model: ModelOption = None,
    batch_size: BatchSizeOption = None,
) -> None:
    """Extract events and claims on Spark; write one row per article (events, claims, or the
    rejection that says why) as Parquet shards in --out: `newsgraph ingest --extracted OUT` stores
    them. Rerunning replaces the shards. Needs `pip install 'newsgraph[spark]'` and Java 17."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        fail("newsgraph spark needs PySpark: pip install 'newsgraph[spark]'", code=2)
    settings = settings_or_exit(model=model, batch_size=batch_size)
    raise typer.Exit(run_spark(inputs, out=out, master=master, partitions=partitions, text_col=text_col,
                               id_col=id_col, settings=settings))


def run_spark(inputs: list[str], *, out: str, master: str, partitions: int | None, text_col: str, id_col: str,
              settings: Settings) -> int:
    """Run the job; returns the exit status (1 when an input was rejected)."""
    from pyspark.errors import PySparkException
    from pyspark.sql import SparkSession

    from newsgraph.spark import extract_records

    missing = [name for name in inputs if not Path(name).exists()]
    if missing:
        fail(f"{missing[0]}: no such file or directory", code=2)
    if master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # the workers run this newsgraph
    reporter = Reporter()
    spark_session = (SparkSession.builder.master(master).appName("newsgraph")
                     .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark_session.sparkContext.setLogLevel("ERROR")
    try:
        frames = [_read(spark_session, name) for name in inputs]
        df = frames[0]
        for other in frames[1:]:
            df = df.unionByName(other, allowMissingColumns=True)
        if partitions:
            df = df.repartition(partitions)
        records = extract_records(df, text_col=text_col, id_col=id_col, settings=settings)
        with reporter, _Progress(spark_session, reporter):
            records.write.mode("overwrite").parquet(out)
    except (ValueError, PySparkException) as exc:  # a missing column, an input Spark cannot read
        reporter.message(f"{PROG}: error: {str(exc).splitlines()[0]}")
        return 2
    finally:
        spark_session.stop()
    return _summary(Path(out), reporter)


def _read(session: Any, name: str) -> Any:
    path = Path(name)
    if path.is_dir() or path.suffix.lower() == ".parquet":
        return session.read.parquet(name)
    return session.read.json(name)


def _summary(out: Path, reporter: Reporter) -> int:
    """Count what the shards hold (pyarrow, no Spark) and say it."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(str(out), columns=["events", "claims", "rejection"])
    events = int(pc.sum(pc.list_value_length(table["events"])).as_py() or 0)
    claims = int(pc.sum(pc.list_value_length(table["claims"])).as_py() or 0)
    rejected = table.num_rows - int(pc.sum(pc.is_null(table["rejection"])).as_py() or 0)
    reporter.message(f"{PROG}: {plural(table.num_rows - rejected, 'article')}, {plural(events, 'event')}, "
                     f"{plural(claims, 'claim')}; {plural(rejected, 'input')} rejected; Parquet shards in {out}")
    return 1 if rejected else 0


class _Progress:
    """A line each time more partitions are finished (Spark's status tracker, polled)."""

    def __init__(self, session: Any, reporter: Reporter, every: float = 1.0) -> None:
        self.tracker = session.sparkContext.statusTracker()
        self.reporter = reporter
        self.every = every
        self.done = threading.Event()
        self.last = (0, 0)  # partitions finished, of how many
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> _Progress:
        self.thread.start()
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        self.done.set()
        self.thread.join(timeout=5)
        finished, total = self.last
        if exc_type is None and total and finished < total:  # the last ones finish between two polls
            self.reporter.message(f"{PROG}: {total} of {plural(total, 'partition')} done")

    def _run(self) -> None:
        while not self.done.wait(self.every):
            finished = total = 0
            for stage_id in self.tracker.getActiveStageIds():
                info = self.tracker.getStageInfo(stage_id)
                if info is not None:
                    finished += info.numCompletedTasks
                    total += info.numTasks
            if total and (finished, total) != self.last:
                self.last = (finished, total)
                self.reporter.message(f"{PROG}: {finished} of {plural(total, 'partition')} done")


def register(app: typer.Typer) -> None:
    app.command("spark")(spark)
