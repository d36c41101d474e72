"""Reading quotes back from `quotes extract --format jsonl` output (`--from-quotes` of compare, add, check).

One bad row never loses the batch: it is reported with its file and line and skipped. A file whose first row
is not a quote row (an article, some other JSON) is reported once and skipped whole.
"""
from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator

from quotes.errors import InputError
from quotes.model import Quote

MAX_OFFSET = 2**31 - 1  # no article is 2 G characters long; a larger offset is a broken row
NOT_ROWS = "not quote rows (expected `quotes extract --format jsonl` output)"

OnProblem = Callable[[str], None]


def _offsets(d: object, what: str) -> None:
    """`d`'s start_char/end_char: ints with 0 <= start <= end <= MAX_OFFSET, else ValueError."""
    if not isinstance(d, dict):
        return
    s, e = d.get("start_char"), d.get("end_char")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (s, e)):
        raise ValueError(f"{what}start_char/end_char are not whole numbers")
    if not 0 <= s <= e <= MAX_OFFSET:
        raise ValueError(f"{what}start_char/end_char out of order or out of range ({s}, {e})")


def has_lone_surrogate(value: object) -> bool:
    """True when a string in `value` (or in a dict/list inside it) holds a lone UTF-16 surrogate: JSON can
    carry one (`\\ud800`), but it is not Unicode text and cannot be written out as UTF-8."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(has_lone_surrogate(v) for v in value.values())
    if isinstance(value, list):
        return any(has_lone_surrogate(v) for v in value)
    return False


def parse_row(line: str) -> Quote:
    """One quote row; ValueError (with the reason) when it is not a well-formed row."""
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        raise ValueError(f"not valid JSON ({e.msg} at column {e.colno})") from None
    if not isinstance(row, dict):
        raise ValueError(f"expected a JSON object (a quote row), got {type(row).__name__}")
    missing = [k for k in ("article", "text", "start_char", "end_char") if k not in row]
    if missing:
        raise ValueError(f"missing field {missing[0]!r} in the quote row")
    if has_lone_surrogate(row):
        raise ValueError("a string holds a lone surrogate (not valid Unicode)")
    _offsets(row, "")
    _offsets(row.get("speaker"), "speaker ")
    _offsets(row.get("cue"), "cue ")
    try:
        q = Quote.from_dict(row)
    except KeyError as e:
        raise ValueError(f"missing field {e.args[0]!r} in the quote row") from None
    except (TypeError, ValueError, AttributeError) as e:
        raise ValueError(f"bad quote row ({e})") from None
    if q.end_char - q.start_char != len(q.text):
        raise ValueError("start_char/end_char do not span the quote's text")
    if q.line < 0 or q.column < 0:
        raise ValueError("negative line or column")
    return q


def parse_rows(lines: Iterable[str], name: str, on_problem: OnProblem) -> Iterator[Quote]:
    """One `Quote` per good non-blank line; a bad line goes to `on_problem` as `NAME:LINE: reason` and is
    skipped. When the first row is not a quote row, the file is reported once and nothing is read from it."""
    first = True
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            q = parse_row(line)
        except ValueError as e:
            if first:
                on_problem(f"{name}: {NOT_ROWS}; line {n}: {e}")
                return
            on_problem(f"{name}:{n}: {e}; row skipped")
            continue
        first = False
        yield q
    if first:
        on_problem(f"{name}: no quote rows (expected `quotes extract --format jsonl` output)")


def quote_rows(path: str, on_problem: OnProblem) -> Iterator[Quote]:
    """The quotes of one JSONL file (`-` for stdin); a file that cannot be read goes to `on_problem`."""
    if path == "-":
        yield from parse_rows(iter(sys.stdin), "<stdin>", on_problem)
        return
    try:
        with open(path, encoding="utf-8") as fh:
            yield from parse_rows(iter(fh), path, on_problem)
    except FileNotFoundError:
        on_problem(f"{path}: no such file")
    except IsADirectoryError:
        on_problem(f"{path}: a folder, not a file of quote rows")
    except UnicodeDecodeError:
        on_problem(f"{path}: not UTF-8 text; {NOT_ROWS}")
    except OSError as e:
        on_problem(f"{path}: cannot read ({e.strerror or e})")


def read_quotes(paths: str | Iterable[str], on_problem: OnProblem | None = None) -> list[Quote]:
    """The quotes of every file in `paths`, in order. Without `on_problem`, the first problem is an InputError."""
    def strict(message: str) -> None:
        raise InputError(message)

    report = on_problem or strict
    out: list[Quote] = []
    for path in [paths] if isinstance(paths, str) else paths:
        out += quote_rows(path, report)
    return out
