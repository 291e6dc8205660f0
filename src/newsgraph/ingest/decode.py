"""Bytes → text for plain-text input: UTF-8 first, then a detected encoding.

Order: a byte-order mark decides (UTF-8, UTF-16, UTF-32; the mark is dropped);
then NUL bytes mean binary data; then strict UTF-8; then charset_normalizer
(installed with trafilatura) picks the most plausible legacy encoding
(cp1252, latin-1, …). When nothing fits, the input is rejected rather than
decoded with replacement characters, because offsets must index the real text.
"""

from __future__ import annotations

import codecs

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class UndecodableError(ValueError):
    """The bytes are not text in any encoding newsgraph can tell; the message says why."""


def decode_text(data: bytes) -> str:
    """Decode a text file's bytes; raises UndecodableError with a one-line reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                reason = f"not valid {encoding} despite its byte-order mark ({exc.reason})"
                raise UndecodableError(reason) from exc
    if b"\x00" in data:
        raise UndecodableError("binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    detected = _detect(data)
    if detected is None:
        raise UndecodableError(
            f"cannot decode: not UTF-8 (bad byte at offset {utf8_error.start}) "
            "and no other text encoding fits; convert it to UTF-8"
        )
    return detected


def _detect(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - trafilatura depends on it
        return None
    best = from_bytes(data).best()
    return None if best is None else str(best)
