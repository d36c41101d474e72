"""Bytes as they arrive -> the text of an article: byte-order marks, the encoding, mojibake.

- A byte-order mark decides: UTF-8, UTF-16 or UTF-32 (little or big endian); the mark is dropped.
- Else UTF-8 when the bytes are UTF-8.
- Else charset-normalizer's guess, with Windows-1252 preferred whenever it decodes the bytes to text as
  plausible as the best guess (a news text in a Western encoding: curly quotes and accents intact).
- Then mojibake is repaired with ftfy (UTF-8 that was read as Windows-1252 or Latin-1 and saved again:
  `â€œ` -> `“`),
  changing nothing else: curly quotes, line breaks, control characters and Unicode forms stay as they are.
  Only text that ftfy judges broken is touched.

The text returned is the text every offset refers to.
"""
from __future__ import annotations

import codecs
import logging
import re

from quotes.errors import InputError

log = logging.getLogger("quotes.ingest")

# longest first: the UTF-32 LE mark starts with the UTF-16 LE one
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
WESTERN = "cp1252"
# UTF-8 read as Windows-1252 or Latin-1 always shows a lead byte (Â..ô) followed by a continuation byte as
# those encodings read it (U+0080..U+00BF, or the Windows-1252 letters and punctuation of 0x80..0x9F): a text
# without such a pair is left alone without asking ftfy, which is slow on a large page
_MOJIBAKE_PAIR = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]")


def _with_bom(data: bytes, path: str) -> str | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as e:
                raise InputError(f"{path}: undecodable bytes at offset {e.start + len(bom)} "
                                 f"(the file starts with a {encoding.upper()} byte-order mark)") from None
    return None


def _guess(data: bytes, path: str) -> str:
    """Bytes that are not UTF-8: charset-normalizer's guess, Windows-1252 when that is as good."""
    from charset_normalizer import from_bytes

    results = list(from_bytes(data))
    if results:
        best = min(r.chaos for r in results)
        if any(WESTERN in r.could_be_from_charset for r in results if r.chaos <= best + 0.01):
            try:
                return data.decode(WESTERN)
            except UnicodeDecodeError:
                pass
        return str(results[0])
    try:
        return data.decode(WESTERN)
    except UnicodeDecodeError as e:
        raise InputError(f"{path}: undecodable bytes at offset {e.start} (no text encoding fits them)") from None


def repair(text: str) -> str:
    """`text` with mojibake undone (ftfy, encoding fixes only: curly quotes kept); other text unchanged."""
    import ftfy
    from ftfy.badness import is_bad

    if not _MOJIBAKE_PAIR.search(text) or not is_bad(text):
        return text
    config = ftfy.TextFixerConfig(
        unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
        uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False, remove_control_chars=False,
        normalization=None, explain=False)
    return ftfy.fix_text(text, config)


_ESCAPED = re.compile("[\udc80-\udcff]")  # a byte UTF-8 cannot read, as the surrogateescape handler keeps it


def _mostly_utf8(data: bytes, path: str, first_bad: int) -> str | None:
    """`data` that is UTF-8 but for a few bad bytes (a damaged download, a truncated character): decoded with
    each bad byte replaced by U+FFFD, and a warning naming how many and where the first is. None when the
    bytes hold fewer valid characters beyond ASCII than bad bytes: another encoding (Windows-1252 "é" is
    one byte that UTF-8 cannot read, and such a text has no UTF-8 sequences at all)."""
    escaped = data.decode("utf-8", errors="surrogateescape")
    bad = len(_ESCAPED.findall(escaped))
    good = sum(1 for c in escaped if c > "\x7f") - bad
    if good <= bad:
        return None
    log.warning("%s: %d byte%s that UTF-8 cannot read replaced with U+FFFD (the first at byte offset %d)",
                path, bad, "" if bad == 1 else "s", first_bad)
    return _ESCAPED.sub("\ufffd", escaped)


def decode(data: bytes, path: str) -> str:
    """The text of `data` (see the module's notes); empty, binary or undecodable data is an InputError.
    A NUL byte anywhere makes it binary; UTF-8 with a few bad bytes is read with them replaced (a warning)."""
    if not data.strip():
        raise InputError(f"{path}: empty file")
    text = _with_bom(data, path)
    if text is None:
        if b"\0" in data:
            raise InputError(f"{path}: binary file, not text (it holds a NUL byte)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            text = _mostly_utf8(data, path, e.start) or _guess(data, path)
            if sum(1 for c in text if not c.isprintable() and c not in "\n\r\t") > len(text) // 20:
                raise InputError(f"{path}: binary file, not text") from None
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return repair(text)
