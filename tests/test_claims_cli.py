"""`quotes claims` through the CLI: formats, streams, exit codes, golden terminal output (no colour,
fixed width). Needs the spaCy model (loaded once per process)."""
from __future__ import annotations

import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden" / "claims_seeds_100.txt"

runner = CliRunner()


def run(*args: str):
    old = os.getcwd()
    os.chdir(ROOT)  # article names in the output are the paths as given
    try:
        return runner.invoke(app, ["claims", *args])
    finally:
        os.chdir(old)


@pytest.fixture(scope="module")
def seeds_json():
    res = run("seeds", "--format", "json", "--quiet")
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def test_json_contract(seeds_json):
    s = seeds_json["summary"]
    assert s["articles"] == 5 and s["conflict"] >= 3 and s["paraphrase_links"] >= 1
    statuses = [f["status"] for f in seeds_json["findings"]]
    order = {"conflict": 0, "partial": 1, "agree": 2, "unique": 3}
    assert statuses == sorted(statuses, key=order.get)  # conflicts first
    for f in seeds_json["findings"]:
        for side in f["sides"]:
            for c in side["claims"]:
                assert {"article", "start_char", "end_char", "text", "kind", "values", "subject"} <= set(c)


def test_table_golden():
    res = run("seeds", "--format", "table", "--width", "100", "--no-color", "--quiet")
    assert res.exit_code == 0
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(res.stdout, encoding="utf-8")
    assert res.stdout == GOLDEN.read_text(encoding="utf-8")
    assert "\x1b[" not in res.stdout


def test_markdown_and_html_carry_the_same_findings(seeds_json):
    md = run("seeds", "--format", "markdown", "--quiet")
    html = run("seeds", "--format", "html", "--quiet")
    assert md.exit_code == 0 and html.exit_code == 0
    for f in seeds_json["findings"]:
        if f["status"] == "conflict":
            assert f["slot"].split()[-1] in md.stdout and f["slot"].split()[-1] in html.stdout
    assert "That’s pretty significant to start with" in md.stdout
    assert "That’s pretty significant to start with" in html.stdout

    class Tags(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags = []

        def handle_starttag(self, tag, attrs):
            self.tags.append((tag, dict(attrs)))

    p = Tags()
    p.feed(html.stdout)
    assert not [t for t, a in p.tags if t in ("script", "link", "img")]  # self-contained
    assert sum(1 for t, a in p.tags if t == "section" and "conflict" in a.get("class", "")) >= 3


def test_user_text_is_not_markup(tmp_path):
    text = "The delegation [the group] [b]grew[/b], and Former Senator Paul Grant joined the delegation in Lyon.\n"
    other = "The delegation toured Lyon and Geneva, and Ohio Senator Paul Grant joined it.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(other, encoding="utf-8")
    res = run(str(tmp_path), "--format", "table", "--width", "200", "--no-color", "-q")
    assert res.exit_code == 0
    assert "CONFLICT" in res.stdout and "[the group] [b]grew[/b], and" in res.stdout
    md = run(str(tmp_path), "--format", "markdown", "-q")
    assert "\\[b\\]grew\\[/b\\]" in md.stdout
    html = run(str(tmp_path), "--format", "html", "-q")
    assert "[b]grew[/b]" in html.stdout and "<b>" not in html.stdout


def test_status_filter(seeds_json):
    res = run("seeds", "--format", "markdown", "--status", "agree", "-q")
    assert "CONFLICT" not in res.stdout and "AGREE" in res.stdout


def test_missing_path_is_a_usage_error():
    res = run("no/such/dir", "--format", "json")
    assert res.exit_code == 2
    assert "no/such/dir" in res.stderr and isinstance(res.exception, SystemExit)


def test_one_bad_file_does_not_stop_the_batch(tmp_path):
    (tmp_path / "good.txt").write_text("Ana Ruiz has had two meetings with Tom Beck.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    res = run(str(tmp_path), "--format", "json")
    assert res.exit_code == 3  # the rest read; not everything could be
    assert "empty.txt" in res.stderr
    assert json.loads(res.stdout)["summary"]["articles"] == 1


def test_output_file(tmp_path):
    out = tmp_path / "claims.html"
    res = run("seeds", "--format", "html", "-o", str(out), "-q")
    assert res.exit_code == 0 and res.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
