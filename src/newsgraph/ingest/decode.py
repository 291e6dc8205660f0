"""Bytes → text for plain-text input: UTF-8 first, then a legacy encoding only when sure.

Order: a byte-order mark decides (UTF-8, UTF-16, UTF-32; the mark is dropped); ASCII text
in UTF-16 without a mark (every other byte NUL) is read as UTF-16; other NUL bytes mean
binary data; then strict UTF-8. Bytes that are mostly well-formed UTF-8 with a few broken
sequences are a damaged UTF-8 file: rejected, naming the first bad byte, never guessed
(a guess turned every curly quote into mojibake). Otherwise Windows-1252 (the legacy
encoding of English text; it includes every printable Latin-1 character) when it decodes
the bytes and they are mostly ASCII; else charset_normalizer (installed with trafilatura)
when it finds the text free of chaos. When nothing fits, the input is rejected rather than
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
        wide = _utf16_without_mark(data)
        if wide is None:
            raise UndecodableError("binary file (contains NUL bytes), not text")
        return wide
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _damaged_utf8(data):
        raise UndecodableError(
            f"not valid UTF-8 at byte {utf8_error.start}, though the rest is UTF-8 (a damaged or truncated "
            "file?); repair it or save it again as UTF-8"
        )
    detected = _legacy(data)
    if detected is None:
        raise UndecodableError(
            f"cannot decode: not UTF-8 (bad byte at offset {utf8_error.start}) "
            "and no other text encoding fits for sure; convert it to UTF-8"
        )
    return detected


# Share of non-ASCII bytes under which undecodable-as-UTF-8 text is taken for Windows-1252
# (accents, pound signs and curly quotes in English text); above it, the detector decides.
LEGACY_NON_ASCII = 0.05
# charset_normalizer's "chaos" (0 = clean) above which its guess is not trusted.
MAX_CHAOS = 0.1


def _utf16_without_mark(data: bytes) -> str | None:
    """UTF-16 text with no byte-order mark: mostly ASCII, so every other byte is NUL."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    for zeros, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return text if "\x00" not in text else None
    return None


def _damaged_utf8(data: bytes) -> bool:
    """Well-formed multi-byte UTF-8 sequences are at least as many as the broken ones (chance
    makes few in legacy-encoded text: a lead byte needs its continuation bytes)."""
    decoded = data.decode("utf-8", errors="replace")
    broken = decoded.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    well_formed = sum(1 for ch in decoded if ord(ch) > 127 and ch != "\ufffd")
    return well_formed >= max(1, broken)


def _legacy(data: bytes) -> str | None:
    non_ascii = sum(1 for b in data if b > 127)
    if non_ascii <= LEGACY_NON_ASCII * len(data):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - trafilatura depends on it
        return None
    best = from_bytes(data).best()
    if best is None or best.chaos > MAX_CHAOS:
        return None
    return str(best)
