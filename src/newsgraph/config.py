"""Settings: packaged defaults < environment (NEWSGRAPH_*) < explicit arguments."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

from newsgraph.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    model: str = DEFAULT_MODEL
    batch_size: int = 32  # documents per nlp.pipe batch; memory grows fast with it
    # longer articles are rejected, not truncated silently: spaCy holds a whole document (about
    # 1.3 GB of memory at 200,000 characters, 4.8 GB at 1,000,000)
    max_chars: int = 200_000
    # extraction processes (each loads the model: ~1 GB of memory apiece); 0 = auto: one process for
    # short runs, and from AUTO_MIN_ARTICLES articles on the machine's cores (at most AUTO_MAX_WORKERS,
    # and no more than its free memory holds at ~1.5 GB a worker)
    workers: int = 0
    # seconds of rule extraction one article may take after parsing; past it the article is
    # rejected with the reason, and the run goes on (a 200,000-character article takes ~2 s)
    max_seconds: int = 60

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        base = cls()
        env: dict[str, object] = {}
        if v := os.environ.get("NEWSGRAPH_MODEL"):
            env["model"] = v
        for name in NUMBERS:
            if v := os.environ.get(f"NEWSGRAPH_{name.upper()}"):
                auto = name == "workers" and v.strip().lower() == "auto"
                env[name] = 0 if auto else _positive_int(f"NEWSGRAPH_{name.upper()}", v)
        for name, value in overrides.items():
            if value is not None:  # an explicit number must be a positive one (workers: 0 is only "auto")
                env[name] = _positive_int(name, value) if name in NUMBERS else value
        return replace(base, **env)  # type: ignore[arg-type]


NUMBERS = ("batch_size", "max_chars", "workers", "max_seconds")  # settings that are whole numbers


AUTO_MIN_ARTICLES = 200  # a run this long is worth starting worker processes for (each loads the model)
AUTO_MAX_WORKERS = 4
WORKER_BYTES = 1_500_000_000  # memory a worker needs: the model, a batch of documents, the tables


def auto_workers() -> int:
    """Worker processes for a long run on this machine: its cores, at most AUTO_MAX_WORKERS, and no
    more than its available memory holds (1 where that cannot be read)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    try:
        free = os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return 1
    return max(1, min(cores, AUTO_MAX_WORKERS, free // WORKER_BYTES))


def _positive_int(name: str, value: object) -> int:
    try:
        number = int(str(value))
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {value!r}") from None
    if number < 1:
        raise ConfigError(f"{name} must be at least 1, not {number}")
    return number
