"""Table cells: a very long quote is clipped in tables only (no model needed)."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from quotes.cli import app
from quotes.render.terminal import clipped


@pytest.mark.parametrize("text,limit,expected", [
    ("short quote", 20, "short quote"),
    ("exactly twenty chars", 20, "exactly twenty chars"),
    ("one two three four five six", 12, "one two … [20 more characters]"),  # at a word boundary
    ("abcdefghijklmnopqrstuvwxyz", 10, "abcdefghij … [16 more characters]"),  # no space in reach: a hard cut
    ("a " + "b" * 30, 10, "a bbbbbbbb … [22 more characters]"),  # the only space is too early to cut at
])
def test_clipped(text, limit, expected):
    assert clipped(text, limit) == expected


@given(st.text(max_size=400), st.integers(min_value=4, max_value=300))
def test_clipped_keeps_a_prefix_and_counts_the_rest(text, limit):
    out = clipped(text, limit)
    if len(text) <= limit:
        assert out == text
    else:
        head, _, tail = out.rpartition(" … [")
        assert text.startswith(head) and len(head) <= limit
        assert tail == f"{len(text) - len(head):,} more characters]"


def test_extract_table_clips_a_huge_quote_and_jsonl_keeps_it(tmp_path):
    words = "word " * 3000
    article = tmp_path / "long.txt"
    article.write_text(f"A headline\n\nAnn Lee said: “{words.strip()}.”\n", encoding="utf-8")
    runner = CliRunner(env={"COLUMNS": "120", "NO_COLOR": "1"})
    table = runner.invoke(app, ["extract", "-f", "table", str(article)])
    assert table.exit_code == 0 and "more characters]" in table.stdout
    assert table.stdout.count("word") < 1100
    [row] = [json.loads(line) for line in runner.invoke(app, ["extract", "-f", "jsonl", str(article)]).stdout.splitlines()]
    assert row["text"].count("word") == 3000
