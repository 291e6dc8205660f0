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
    workers: int = 1  # extraction processes (each loads the model: ~1 GB of memory apiece)
    # seconds of rule extraction one article may take after parsing; past it the article is
    # rejected with the reason, and the run goes on (a 200,000-character article takes ~2 s)
    max_seconds: int = 60

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        base = cls()
        env: dict[str, object] = {}
        if v := os.environ.get("NEWSGRAPH_MODEL"):
            env["model"] = v
        for name in ("batch_size", "max_chars", "workers", "max_seconds"):
            if v := os.environ.get(f"NEWSGRAPH_{name.upper()}"):
                env[name] = _positive_int(f"NEWSGRAPH_{name.upper()}", v)
        env.update({k: v for k, v in overrides.items() if v is not None})
        for name in ("batch_size", "max_chars", "workers", "max_seconds"):
            _positive_int(name, env.get(name, getattr(base, name)))
        return replace(base, **env)  # type: ignore[arg-type]


def _positive_int(name: str, value: object) -> int:
    try:
        number = int(str(value))
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {value!r}") from None
    if number < 1:
        raise ConfigError(f"{name} must be at least 1, not {number}")
    return number
