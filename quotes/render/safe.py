"""Text from articles and file names made safe for where it is shown.

An article (or a file name) can hold terminal escape sequences: window-title changes, OSC 52 clipboard writes,
OSC 8 links, hidden text, bidirectional overrides. None of them reaches a terminal raw: a table or report
drops the control characters (the rest of the sequence shows as plain text, and the layout is unchanged, since
they take no cell), a message on stderr shows them escaped (`\\x1b`). CSV shows them escaped too, and a cell
that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed
with an apostrophe. JSON escapes them by itself.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from rich.console import Console
from rich.segment import Segment

# C0 controls but newline and tab, DEL, C1 controls; bidirectional embeddings, overrides and isolates
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _escaped(m: re.Match) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def visible(text: str) -> str:
    """`text` with every control character written as an escape (`\\x1b`), for messages and CSV."""
    return CONTROL.sub(_escaped, text)


# what XML 1.0 cannot hold at all, even escaped: lone surrogates and U+FFFE, U+FFFF (the controls are in CONTROL)
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """`text` for an XML document (JUnit): control characters written as escapes as in `visible`, and the
    characters XML cannot carry at all too, so that the document stays well-formed."""
    return _NOT_XML.sub(_escaped, visible(text))


def csv_cell(value: object) -> object:
    """A CSV cell: control characters escaped, and a string a spreadsheet would run as a formula made text."""
    if not isinstance(value, str):
        return value
    value = visible(value)
    return "'" + value if value.startswith(FORMULA_START) else value


def csv_row(row: Mapping[str, object]) -> dict[str, object]:
    return {k: csv_cell(v) for k, v in row.items()}


class SafeConsole(Console):
    """A rich console whose text segments never carry control characters from the text it was given; the
    escape codes of its own styles and cursor moves are added after, so colours and layout are untouched."""

    def render(self, renderable, options=None) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control is None and CONTROL.search(segment.text):
                segment = Segment(CONTROL.sub("", segment.text), segment.style, None)
            yield segment
