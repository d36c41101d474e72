"""Reading quotes back from `quotes extract --format jsonl` output (for `quotes compare --from-quotes`)."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterator

from quotes.errors import InputError
from quotes.model import Quote


def parse_rows(lines: Iterator[str], name: str) -> Iterator[Quote]:
    """One `Quote` per non-blank line. A line that is not JSON, not an object, or lacks a required field
    raises InputError naming the file and line number."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{name}:{n}: not valid JSON ({e.msg} at column {e.colno})") from None
        if not isinstance(row, dict):
            raise InputError(f"{name}:{n}: expected a JSON object (a quote row), got {type(row).__name__}")
        try:
            q = Quote.from_dict(row)
        except KeyError as e:
            raise InputError(f"{name}:{n}: missing field {e.args[0]!r} in the quote row") from None
        except (TypeError, ValueError) as e:
            raise InputError(f"{name}:{n}: bad quote row ({e})") from None
        if q.end_char - q.start_char != len(q.text) or q.start_char < 0:
            raise InputError(f"{name}:{n}: start_char/end_char do not span the quote's text")
        yield q


def read_quotes(path: str) -> list[Quote]:
    """The quotes of a JSONL file (`-` for stdin)."""
    if path == "-":
        return list(parse_rows(iter(sys.stdin), "<stdin>"))
    try:
        with open(path, encoding="utf-8") as fh:
            return list(parse_rows(iter(fh), path))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text (expected `quotes extract --format jsonl` output)") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
