"""Settings: packaged defaults < environment (NEWSGRAPH_*) < explicit arguments."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace

DEFAULT_MODEL = "en_core_web_sm"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    model: str = DEFAULT_MODEL
    batch_size: int = 32  # documents per nlp.pipe batch; memory grows fast with it
    max_chars: int = 1_000_000  # longer articles are rejected, not truncated silently

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        base = cls()
        env: dict[str, object] = {}
        if v := os.environ.get("NEWSGRAPH_MODEL"):
            env["model"] = v
        if v := os.environ.get("NEWSGRAPH_BATCH_SIZE"):
            env["batch_size"] = int(v)
        if v := os.environ.get("NEWSGRAPH_MAX_CHARS"):
            env["max_chars"] = int(v)
        env.update({k: v for k, v in overrides.items() if v is not None})
        return replace(base, **env)  # type: ignore[arg-type]
