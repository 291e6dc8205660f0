"""newsgraph's exceptions: one base, one subclass per stage.

    NewsgraphError
    ├── ConfigError        a setting is missing or invalid
    ├── InputError         an input cannot be read or used (names the file and line)
    ├── ModelError         the spaCy model cannot be loaded
    ├── ExtractionError    extraction of one article failed
    └── StoreError         the SQLite store cannot be opened, migrated, written or read
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""


class ConfigError(NewsgraphError):
    pass


class InputError(NewsgraphError):
    def __init__(self, origin: str, reason: str, line: int | None = None) -> None:
        self.origin = origin
        self.reason = reason
        self.line = line
        where = f"{origin}:{line}" if line is not None else origin
        super().__init__(f"{where}: {reason}")


class ModelError(NewsgraphError):
    pass


class ExtractionError(NewsgraphError):
    pass


class StoreError(NewsgraphError):
    """The database cannot be opened, migrated, written or read (names the file and how to fix it)."""
