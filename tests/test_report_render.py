"""The report in each format: golden files, markup safety, colour on a terminal and none in a file.

Golden files live in tests/golden/. After a deliberate change to the report, regenerate them with

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_report_render.py

and read the diff before committing.
"""
from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from report_fixture import MARKUP, collect, markup_comparison, seeds_comparison

from quotes.errors import QuotesError
from quotes.render import wordiff as w
from quotes.render.report import render_report
from quotes.render.report_markdown import escape, segments_markdown

GOLDEN = Path(__file__).parent / "golden"
ESC = re.compile(r"\x1b\[[0-9;]*m")


def render(comparison, fmt: str, **kw) -> str:
    out = io.StringIO()
    render_report(comparison, fmt, out, **kw)
    return out.getvalue()


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with UPDATE_GOLDEN=1 to write it"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("name, fmt, options", [
    ("report_seeds_table.txt", "table", {}),
    ("report_seeds_meaning_table.txt", "table", {"min_severity": "meaning"}),
    ("report_seeds_kim_table.txt", "table", {"speaker": "Kim Jong Un"}),
    ("report_markup_table.txt", "table", {}),
    ("report_seeds.md", "markdown", {}),
])
def test_golden(name, fmt, options):
    comparison = markup_comparison() if "markup" in name else seeds_comparison()
    check_golden(name, render(comparison, fmt, width=100, color=False, **options))


# ---- the terminal ---------------------------------------------------------------------------------

def test_plain_table_marks_the_differences_in_the_text():
    text = render(seeds_comparison(), "table", width=100, color=False)
    assert not ESC.search(text)
    assert "[-mentioned-] {+said+}" in text and "{+official+}" in text
    assert "[-just-]" in text and "{~I’d~}" in text
    assert ">>fond memories<<" in text and "little >>rocket man<<" in text
    assert all(line == line.rstrip() for line in text.splitlines())
    assert max(len(line) for line in text.splitlines()) <= 100


def test_piped_output_has_no_escape_codes(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    text = render(seeds_comparison(), "table", width=100)  # colour=None and a StringIO: not a terminal
    assert not ESC.search(text)
    assert "[-mentioned-]" in text


def test_colour_styles_the_words_instead_of_marking_them(monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    text = render(seeds_comparison(), "table", width=100, color=True)
    assert ESC.search(text)
    assert "[-mentioned-]" not in text and "{+said+}" not in text
    plain = ESC.sub("", text)
    assert "mentioned said anything official" in plain.replace("\n│            ", " ")
    assert "\x1b[9;31mmentioned" in text or "\x1b[31;9mmentioned" in text  # struck through and red
    assert re.search(r"\x1b\[1;32m(\x1b\[[0-9;]*m)*said", text)  # bold green


def test_no_color_env_wins_over_a_terminal(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    text = render(seeds_comparison(), "table", width=100)
    assert not ESC.search(text)
    assert "[-mentioned-]" in text


def test_width_is_respected():
    for width in (60, 140):
        lines = render(seeds_comparison(), "table", width=width, color=False).splitlines()
        assert max(len(line) for line in lines) <= width


def test_unknown_format_is_a_usage_error():
    with pytest.raises(QuotesError, match="unknown report format"):
        render(seeds_comparison(), "pdf")


# ---- user text is never markup, in any format -------------------------------------------------------

USER_TEXT = [MARKUP, "[red]Bob[/red] <script>", "Ann [i]Lee[/i]", "[draft] *first*.txt", "second <b>.md",
             "& <soon> | *now* _really_ `x` ~~y~~ # \\n."]


def test_table_prints_user_text_as_written():
    text = render(markup_comparison(), "table", width=200, color=True)
    plain = ESC.sub("", text)
    for s in USER_TEXT:
        assert s in plain
    assert "will act on [b]this[/b] [b]that[/b] & <soon>" in plain  # struck, then inserted: both whole


def without_legend(pieces: list[str]) -> list[str]:
    """The marked words of a report, less the sample words of its legend (the first of each kind)."""
    return pieces[1:]


MD = MarkdownIt("commonmark").enable(["strikethrough", "table"])


def test_markdown_prints_user_text_as_written():
    md = render(markup_comparison(), "markdown")
    html = MD.render(md)
    seen = collect(html)
    visible = "".join(seen.text)
    for s in USER_TEXT:
        assert s in visible, s
    assert "script" not in seen.tags and "b" not in seen.tags and "soon" not in seen.tags
    assert without_legend(seen.inside["s"]) == ["[b]this[/b]"]  # the only struck words
    assert "".join(seen.inside["strong"]).count("[b]that[/b]") == 1


def test_html_escapes_user_text():
    html = render(markup_comparison(), "html")
    seen = collect(html)
    visible = "".join(seen.text)
    for s in USER_TEXT:
        assert s in visible, s
    assert "script" not in seen.tags and "b" not in seen.tags and "soon" not in seen.tags
    assert without_legend(seen.inside["del"]) == ["[b]this[/b]"]
    assert without_legend(seen.inside["ins"]) == ["[b]that[/b]"]


def test_html_is_self_contained():
    html = render(seeds_comparison(), "html")
    assert html.startswith("<!DOCTYPE html>") and "<style>" in html
    assert not re.search(r"""(src|href)\s*=|@import|url\(|<script|<link""", html)


def test_markdown_and_html_carry_the_same_content():
    comparison = seeds_comparison()
    md_seen = collect(MD.render(render(comparison, "markdown")))
    html_seen = collect(render(comparison, "html"))
    words = lambda parts: "".join("".join(parts).split())  # noqa: E731
    assert words(md_seen.text) == words(html_seen.text)
    marked = lambda seen, tags: [t for open_, t in seen.runs if open_ & tags]  # noqa: E731
    assert words(marked(md_seen, {"s", "del"})) == words(marked(html_seen, {"del"}))
    assert words(md_seen.inside["strong"]) == words(html_seen.inside["ins"])
    assert words(md_seen.inside["mark"]) == words(html_seen.inside["mark"])


def test_markdown_seeds_shows_the_air_force_one_differences():
    html = MD.render(render(seeds_comparison(), "markdown"))
    seen = collect(html)
    struck = " ".join(seen.inside["s"])
    assert "mentioned" in struck and "just" in struck and "meet him" in struck
    assert {"said", "official", "coming"} <= set(seen.inside["strong"])
    assert "fond memories" in seen.inside["mark"]


# ---- Markdown escaping and marks, for any text --------------------------------------------------

TEXT = st.text(alphabet=st.sampled_from(list("ab1 .,;:!?*_~`[]<>|&#\\-+=()“”’'\"{}") + ["\n"]), max_size=30)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_escaped_text_renders_as_written(text):
    html = MD.render("x " + escape(text, line_start=False) + " x")
    seen = collect(html)
    assert seen.tags == ["p"]  # no emphasis, link, code or HTML element appears
    assert " ".join("".join(seen.text).split()) == " ".join(("x " + text + " x").split())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["same", "deleted", "inserted", "cosmetic", "space"]),
                          st.text(alphabet=st.sampled_from(list("ab .,!?*_~[]<>&’#-+1)")), min_size=1, max_size=8)),
                min_size=1, max_size=6))
def test_marks_survive_any_neighbours(parts):
    segs = tuple(w.Segment(k, t if k != "space" else " ") for k, t in parts)
    seen = collect(MD.render(segments_markdown(segs)))
    norm = lambda s: " ".join(s.split())  # noqa: E731
    assert norm("".join(seen.text)) == norm("".join(s.text for s in segs))
    for kind, tags in (("deleted", ("s", "del")), ("inserted", ("strong",)), ("cosmetic", ("em",))):
        want = [s.text.strip() for s in segs if s.kind == kind and s.text.strip()]
        got = "".join(text for open_, text in seen.runs if open_ & set(tags))
        assert norm("".join(want)) == norm(got)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_escaped_text_at_the_start_of_a_line_renders_as_written(text):
    text = " ".join(text.split())
    seen = collect(MD.render("> " + escape(text, line_start=True)))
    assert set(seen.tags) <= {"blockquote", "p"}  # no heading, list, rule, emphasis or element
    assert " ".join("".join(seen.text).split()) == text
