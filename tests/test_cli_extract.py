"""`quotes extract` through the CLI: every format, stdin, --output, and every kind of bad input."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE = "The minister spoke on Tuesday.\n\n“We will act,” Jane Doe said. “Soon.”\n"

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def run(runner, *args, input=None):
    return runner.invoke(app, list(args), input=input)


def test_jsonl_rows_follow_the_contract_and_the_offset_rule(runner):
    res = run(runner, "extract", "--format", "jsonl", str(SEEDS))
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows
    texts = {p.name: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for r in rows:
        assert r["schema_version"] == 1
        assert {"article", "article_id", "quote_id", "utterance_id", "text", "start_char", "end_char", "line",
                "column", "kind", "speaker", "cue", "pattern", "confidence"} <= r.keys()
        assert texts[Path(r["article"]).name][r["start_char"]:r["end_char"]] == r["text"]
        assert r["kind"] in ("speech", "partial", "scare")
        assert isinstance(r["start_char"], int) and isinstance(r["line"], int)


def test_ids_are_stable_across_runs(runner):
    one = run(runner, "extract", "-f", "jsonl", str(SEEDS)).stdout
    two = run(runner, "extract", "-f", "jsonl", str(SEEDS)).stdout
    assert one == two


def test_json_and_csv_carry_the_same_quotes(runner):
    rows = [json.loads(x) for x in run(runner, "extract", "-f", "jsonl", str(SEEDS)).stdout.splitlines()]
    doc = json.loads(run(runner, "extract", "-f", "json", str(SEEDS)).stdout)
    assert [q["quote_id"] for q in doc["quotes"]] == [r["quote_id"] for r in rows]
    table = list(csv.DictReader(io.StringIO(run(runner, "extract", "-f", "csv", str(SEEDS)).stdout)))
    assert [t["quote_id"] for t in table] == [r["quote_id"] for r in rows]
    assert [t["text"] for t in table] == [r["text"] for r in rows]


def test_table_shows_the_quotes_and_no_markup_is_interpreted(runner, tmp_path):
    f = tmp_path / "markup.txt"
    f.write_text("“We [the government] will act on [b]this[/b],” the minister said.\n", encoding="utf-8")
    res = runner.invoke(app, ["extract", "-f", "table", str(f)], env={"COLUMNS": "200"})
    assert res.exit_code == 0
    assert "We [the government] will act on [b]this[/b]," in res.stdout


def test_stdin_and_output_file(runner, tmp_path):
    res = run(runner, "extract", "-f", "jsonl", "-", input=ARTICLE.encode("utf-8"))
    assert res.exit_code == 0
    rows = [json.loads(x) for x in res.stdout.splitlines()]
    assert rows and all(r["article"] == "-" for r in rows)
    assert all(ARTICLE[r["start_char"]:r["end_char"]] == r["text"] for r in rows)
    out = tmp_path / "q.jsonl"
    res = run(runner, "extract", "-f", "jsonl", "--output", str(out), "-", input=ARTICLE.encode("utf-8"))
    assert res.exit_code == 0 and res.stdout == ""
    assert [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()] == rows


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "empty file"),
        ("binary.txt", b"\x00\x01\x02\x03PK\x03\x04\x00\x00", "binary file"),
        ("undecodable.txt", b"bad " + bytes(range(0x80, 0x100)) + b" bytes", "undecodable bytes"),
        ("notext.jsonl", b'{"title": "x"}\n', "without a string field 'text'"),
    ],
)
def test_one_bad_file_is_reported_and_the_rest_processed(runner, tmp_path, name, data, message):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    res = run(runner, "extract", "-f", "jsonl", str(bad), str(good))
    assert res.exit_code == 3  # the rest processed, but not everything could be read
    assert f"quotes: {bad}" in res.stderr and message in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert isinstance(res.exception, SystemExit)  # no exception escaped the command
    assert all(json.loads(x)["article"] == str(good) for x in res.stdout.splitlines())
    # alone, the bad file means nothing could be read: exit 2
    alone = run(runner, "extract", "-f", "jsonl", str(bad))
    assert alone.exit_code == 2 and alone.stdout == "" and message in alone.stderr


def test_an_empty_path_is_an_error_not_the_current_folder(runner, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Headline\n\n“We will win,” said Ana Ruiz.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    res = run(runner, "extract", "-f", "jsonl", "")
    assert res.exit_code == 2 and res.stdout == "" and "an empty path" in res.stderr


def test_missing_path_and_empty_folder_exit_2(runner, tmp_path):
    res = run(runner, "extract", str(tmp_path / "nope.txt"))
    assert res.exit_code == 2 and "no such file or folder" in res.stderr
    (tmp_path / "empty").mkdir()
    res = run(runner, "extract", str(tmp_path / "empty"))
    assert res.exit_code == 2 and "no articles in this folder" in res.stderr


def test_missing_model_is_one_line_naming_the_install_command(runner):
    res = run(runner, "extract", "--model", "no_such_pipeline_xyz", str(SEEDS))
    assert res.exit_code == 2
    assert "pip install" in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_unknown_format_is_a_usage_error(runner):
    res = run(runner, "extract", "--format", "xml", str(SEEDS))
    assert res.exit_code == 2


def test_a_bug_is_one_line_and_exit_70_not_a_traceback(monkeypatch, capsys, tmp_path):
    import signal
    import sys

    from quotes import ingest
    from quotes.cli import main

    def broken(*args, **kwargs):
        raise RuntimeError("something broke\nsecond line")

    monkeypatch.setattr(ingest, "listing", broken)
    monkeypatch.setattr(signal, "signal", lambda *a: None)  # main() would install its Ctrl-C handler for the session
    monkeypatch.setattr(sys, "argv", ["quotes", "extract", str(tmp_path)])
    monkeypatch.delenv("QUOTES_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        main()
    err = capsys.readouterr().err
    assert exit_.value.code == 70
    assert err.strip() == ("quotes: internal error (RuntimeError: something broke); please report it "
                           "(QUOTES_DEBUG=1 shows the traceback)")
    monkeypatch.setenv("QUOTES_DEBUG", "1")
    with pytest.raises(RuntimeError):
        main()


def test_quiet_silences_warnings_but_not_errors(runner, tmp_path):
    unclosed = tmp_path / "unclosed.txt"
    unclosed.write_text("Talks go on\n\nShe said, “we go on\nand on.\n", encoding="utf-8")
    loud = run(runner, "extract", "-f", "jsonl", str(unclosed))
    assert loud.exit_code == 0 and "quote opened at line 3, column 11 is never closed" in loud.stderr
    quiet = run(runner, "extract", "-q", "-f", "jsonl", str(unclosed), str(tmp_path / "missing.txt"))
    assert quiet.exit_code == 3 and quiet.stderr == f"quotes: {tmp_path / 'missing.txt'}: no such file or folder\n"
