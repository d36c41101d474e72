"""`quotes compare` reports through the CLI on the seed articles and on articles written here."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from report_fixture import MARKUP, collect
from typer.testing import CliRunner

from quotes.cli import app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ESC = re.compile(r"\x1b\[")
MD = MarkdownIt("commonmark").enable(["strikethrough", "table"])

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(scope="module")
def seeds_table(runner):
    res = runner.invoke(app, ["compare", "-f", "table", "--width", "100", "--no-color", str(SEEDS)])
    assert res.exit_code == 0, res.output
    return res.stdout


@pytest.fixture(scope="module")
def seed_quotes(runner, tmp_path_factory):
    """The seeds' quotes extracted once, for the other formats and options (`--from-quotes`)."""
    res = runner.invoke(app, ["extract", "--format", "jsonl", str(SEEDS)])
    assert res.exit_code == 0, res.output
    path = tmp_path_factory.mktemp("quotes") / "seeds.jsonl"
    path.write_text(res.stdout, encoding="utf-8")
    return str(path)


def test_seeds_summary_and_the_air_force_one_block(seeds_table):
    text = seeds_table
    assert text.startswith("Summary")
    assert re.search(r"articles read\s+5\b", text)
    assert "utterances quoted by more than one article" in text
    assert "[-mentioned-] {+said+}" in text and "{+official+}" in text
    assert "I just had a good relationship with him." in text
    assert not ESC.search(text)
    assert max(len(line) for line in text.splitlines()) <= 100


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_seeds_markdown_and_html_mark_the_differences(runner, seed_quotes, fmt):
    res = runner.invoke(app, ["compare", "--from-quotes", seed_quotes, "--format", fmt])
    assert res.exit_code == 0, res.output
    seen = collect(MD.render(res.stdout) if fmt == "markdown" else res.stdout)
    struck = [t for tags, t in seen.runs if tags & {"s", "del"}]
    inserted = [t for tags, t in seen.runs if tags & {"strong", "ins"}]
    assert "mentioned" in struck and "official" in inserted


def test_min_severity_keeps_the_worst(runner, seed_quotes):
    res = runner.invoke(app, ["compare", "--from-quotes", seed_quotes, "-f", "table", "--width", "100", "--min-severity", "meaning"])
    assert res.exit_code == 0, res.output
    titles = [line for line in res.stdout.splitlines() if line.startswith("╭─")]
    assert titles and all("meaning changed" in t for t in titles)
    assert f"Showing {len(titles)} of" in res.stdout and "[-mentioned-]" in res.stdout


@pytest.mark.parametrize("options, present, absent", [
    (["--speaker", "Nobody Atall"], ["No utterance matches these options."], ["[-mentioned-]"]),
    (["--only-discrepancies"], ["[-mentioned-]", "(only discrepancies)"], []),
])
def test_report_options(runner, seed_quotes, options, present, absent):
    res = runner.invoke(app, ["compare", "--from-quotes", seed_quotes, "-f", "table", "--width", "100", *options])
    assert res.exit_code == 0, res.output
    for s in present:
        assert s in res.stdout
    for s in absent:
        assert s not in res.stdout


def test_no_color_env_and_output_file(runner, seed_quotes, tmp_path):
    out = tmp_path / "report.txt"
    res = runner.invoke(app, ["compare", "--from-quotes", seed_quotes, "-f", "table", "--output", str(out)], env={"NO_COLOR": "1"})
    assert res.exit_code == 0, res.output
    text = out.read_text(encoding="utf-8")
    assert "[-mentioned-]" in text and not ESC.search(text)


@pytest.fixture(scope="module")
def markup_articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("markup")
    (folder / "a.txt").write_text(
        f"Policy\n\nThe minister told reporters on Monday: “{MARKUP} before the end of the month.”\n",
        encoding="utf-8")
    (folder / "b.txt").write_text(
        f"Update\n\nSpeaking in the capital, the minister said: “{MARKUP} before the end of this month.”\n",
        encoding="utf-8")
    return str(folder)


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_user_text_is_never_markup(runner, markup_articles, fmt):
    res = runner.invoke(app, ["compare", "--format", fmt, "--width", "200", markup_articles])
    assert res.exit_code == 0, res.output
    if fmt == "table":
        visible = res.stdout
    else:
        seen = collect(MD.render(res.stdout) if fmt == "markdown" else res.stdout)
        visible = "".join(seen.text)
        assert "b" not in seen.tags
    assert MARKUP in visible


def test_a_single_article_has_nothing_to_compare(runner):
    res = runner.invoke(app, ["compare", "-f", "table", "--no-color", str(SEEDS / "001_47eab0ed3e38093b.txt")])
    assert res.exit_code == 0, res.output
    assert re.search(r"articles read\s+1\b", res.stdout)
    assert "Only one article was read: there is nothing to compare its quotes against." in res.stdout
