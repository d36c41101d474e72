"""Hostile text from articles and file names (issue 18, points 2 and 3): terminal escapes never reach a terminal
raw from a table, report or message; CSV cells are neither escapes nor formulas; one bad record never loses
the batch. No spaCy model needed."""
from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_store import FakeExtractor, make_article
from typer.testing import CliRunner

from quotes import ingest
from quotes.cli import app
from quotes.render.quotes import QuoteWriter
from quotes.render.safe import CONTROL, csv_cell, visible

HOSTILE = [
    "\x1b]0;owned title\x07",  # window title
    "\x1b]52;c;aGVsbG8=\x07",  # OSC 52: write the clipboard
    "\x1b]8;;https://example.invalid\x1b\\click\x1b]8;;\x1b\\",  # OSC 8 link
    "\x1b[8mhidden\x1b[0m",  # concealed text
    "\x9b31m",  # a C1 control sequence introducer
    "abc\u202edeF",  # right-to-left override
]
RAW = ("\x1b", "\x07", "\x9b", "\u202e")


def hostile_rows(tmp_path):
    said = [("Jane Doe", f"We will act {h} now.") for h in HOSTILE]
    rows = tmp_path / "q.jsonl"
    rows.write_text("".join(json.dumps(q.to_dict()) + "\n" for q in make_article("a\x1b]0;x\x07.txt", said)[1]),
                    encoding="utf-8")
    return rows


@pytest.fixture
def runner():
    return CliRunner(env={"COLUMNS": "200", "QUOTES_DB": None})


@pytest.mark.parametrize("color", [False, True])
def test_the_extract_table_never_carries_escapes_from_the_text(color):
    quotes = make_article("a\x1b]0;x\x07.txt", [("Jane \x1b[8mDoe", f"We act {h}.") for h in HOSTILE])[1]
    out = io.StringIO()
    w = QuoteWriter("table", out, width=200, color=color)
    w.write(quotes)
    w.close()
    text = out.getvalue()
    assert "\x07" not in text and "\x1b]" not in text and "\x9b" not in text and "\u202e" not in text
    assert "\x1b[8m" not in text
    assert "owned title" in text and "hidden" in text  # the words stay, harmless
    if color:
        assert "\x1b[" in text  # the table's own colours are still drawn


@pytest.mark.parametrize("args", [
    ["lookup", "Jane Doe", "-f", "table"], ["search", "act", "-f", "table"], ["speakers", "-f", "table"],
    ["lookup", "Jane Doe", "-f", "csv"], ["search", "act", "-f", "csv"],
])
def test_store_tables_and_csv_never_carry_escapes(runner, tmp_path, args):
    db = str(tmp_path / "q.db")
    assert runner.invoke(app, ["add", "--from-quotes", str(hostile_rows(tmp_path)), "--db", db]).exit_code == 0
    r = runner.invoke(app, [*args, "--db", db])
    assert r.exit_code == 0, r.output
    assert not any(c in r.stdout for c in RAW), repr(r.stdout)


def test_compare_reports_never_carry_escapes(runner, tmp_path):
    rows = hostile_rows(tmp_path)
    for fmt in ("table", "markdown"):
        r = runner.invoke(app, ["compare", "--from-quotes", str(rows), "-f", fmt])
        assert r.exit_code == 0 and not any(c in r.stdout for c in RAW), (fmt, r.stdout)


def test_messages_show_a_file_name_escaped(runner, tmp_path):
    r = runner.invoke(app, ["compare", "--from-quotes", str(tmp_path / "x\x1b]0;t\x07.jsonl"), "-f", "json"])
    assert r.exit_code == 2 and "x\\x1b]0;t\\x07.jsonl: no such file" in r.stderr and "\x1b" not in r.stderr


@pytest.mark.parametrize("value, cell", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("a\x1b[31mb", "a\\x1b[31mb"), ("plain words", "plain words"), ("a - b", "a - b"),
    (-3, -3), (0.5, 0.5),
])
def test_csv_cells(value, cell):
    assert csv_cell(value) == cell


def test_extract_csv_neutralises_formulas_and_escapes():
    q = make_article("a.txt", [("=cmd|' /C calc'!A0", "-1+1 \x1b]52;c;eA==\x07")])[1][0]
    out = io.StringIO()
    w = QuoteWriter("csv", out)
    w.write([q])
    w.close()
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["speaker"].startswith("'=") and row["text"] == "'-1+1 \\x1b]52;c;eA==\\x07"


@given(st.text())
def test_visible_text_has_no_control_characters(text):
    assert not CONTROL.search(visible(text))
    assert visible(text) == text or CONTROL.search(text)


# ---- one bad record never loses the batch ----------------------------------------------------------------

def test_a_json_article_with_a_lone_surrogate_is_reported_and_the_others_read(tmp_path):
    f = tmp_path / "news.jsonl"
    f.write_text('{"text": "Jane said: \\u201cWe act.\\u201d"}\n{"text": "bad \\ud800 text"}\n'
                 '{"text": "ok", "title": "\\udfff"}\n{"text": "John said: \\u201cWe wait.\\u201d"}\n', encoding="utf-8")
    items = list(ingest.read([str(f)]))
    assert [type(i).__name__ for i in items] == ["Article", "Problem", "Problem", "Article"]
    assert items[1].path == f"{f}:2" and "lone surrogate" in items[1].message


def test_add_stores_the_good_articles_of_a_file_with_a_lone_surrogate(runner, tmp_path, monkeypatch):
    monkeypatch.setattr("quotes.extract.Extractor", FakeExtractor)
    f = tmp_path / "news.jsonl"
    f.write_text('{"text": "Jane said: \\u201cWe act.\\u201d"}\n{"text": "bad \\ud800 \\u201cx\\u201d"}\n'
                 '{"text": "John said: \\u201cWe wait.\\u201d"}\n', encoding="utf-8")
    r = runner.invoke(app, ["add", str(f), "--db", str(tmp_path / "q.db")])
    assert r.exit_code == 3 and r.stdout.startswith("added 2 articles") and f"{f}:2:" in r.stderr


@pytest.mark.parametrize("bad", [
    {"start_char": 1e30, "end_char": 1e30 + 3}, {"start_char": 10**30, "end_char": 10**30 + 3},
    {"start_char": 5, "end_char": 2}, {"start_char": -3, "end_char": 0}, {"text": "\ud800"},
    {"speaker": {"name": "X", "mention": "X", "start_char": -1, "end_char": 0, "resolution": "name"}},
    {"cue": {"text": "said", "lemma": "say", "start_char": 9, "end_char": 1}},
])
def test_add_from_quotes_skips_a_bad_row_by_file_and_line_and_stores_the_rest(runner, tmp_path, bad):
    qs = make_article("a.txt", [("Jane Doe", "We will act."), ("John Roe", "We will wait."), ("Ann Lee", "No.")])[1]
    rows = [q.to_dict() for q in qs]
    rows[1] = {**rows[1], **bad}
    f = tmp_path / "rows.jsonl"
    f.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    r = runner.invoke(app, ["add", "--from-quotes", str(f), "--db", str(tmp_path / "q.db")])
    assert r.exit_code == 3, r.output
    assert f"{f}:2: " in r.stderr and "row skipped" in r.stderr
    assert r.stdout == "added 1 article (0 new versions) with 2 quotes; 0 already stored\n"
