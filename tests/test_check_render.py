"""The `quotes check` output formats and the command line, from hand-built results (no model)."""
from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from check_support import disc, quote, result
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from quotes.cli import app
from quotes.model import Finding
from quotes.render import findings as render

GOLDEN = Path(__file__).parent / "golden"


def sample():
    changed = quote("We have mentioned everything, but he knows", "Donald Trump", line=5, column=200)
    markup = quote("We [the government] will act | 100% on it", None, article="drafts/b.md", line=2, column=1)
    fine = quote("I’m open to it.", "Donald Trump", line=7, column=30, start=400)
    lonely = quote("Nobody said this", None, line=9, column=2, start=600)
    ref = quote("We haven’t mentioned anything, but he knows", "Trump", article="seeds/001.txt", line=5, column=170)
    findings = [
        Finding("misquote", changed, "differs in meaning from every recorded rendering, e.g. seeds/001.txt:5:170: "
                "“haven’t mentioned anything” → “have mentioned everything” (substituted: negation); "
                "recorded: “We haven’t mentioned anything, but he knows”", ref, "seeds/001.txt:5:170",
                (disc("substituted", "haven’t mentioned anything", "have mentioned everything", ("negation",)),)),
        Finding("variant", markup, "agrees with 1 recorded rendering, differs from x.txt:1:1: adds “[the government]” (added)",
                markup, "x.txt:1:1"),
        Finding("unverified", lonely, "no recorded quote matches these words"),
    ]
    return result(findings, [changed, markup, fine, lonely])


def rendered(fmt: str, res=None) -> str:
    buf = io.StringIO()
    render.write(res or sample(), fmt, buf)
    return buf.getvalue()


def test_table_golden():
    buf = io.StringIO()
    render.write_table(sample(), buf, width=110, color=False)
    text = buf.getvalue()
    golden = GOLDEN / "check_table.txt"
    if os.environ.get("QUOTES_UPDATE_GOLDEN"):  # regenerate on purpose, then review the diff
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    assert "[the government]" in text  # user text is never read as markup


def test_table_without_findings_is_one_line():
    text = rendered("table", result([], [quote("a")]))
    assert text.strip() == "1 quote in 1 article checked against 12 recorded quotes: no findings; 0 failing"


def test_github_annotations():
    lines = rendered("github").splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("::error file=new.txt,line=5,col=200,title=quotes%3A misquote::“We have mentioned")
    assert "negation" in lines[0]
    assert lines[1].startswith("::warning file=drafts/b.md,line=2,col=1,title=quotes%3A variant::")
    assert "100%25 on it" in lines[1]
    assert lines[2].startswith("::notice file=new.txt,line=9,col=2,")


ESCAPES = [
    ("plain", "plain", "plain"),
    ("50% off", "50%25 off", "50%25 off"),
    ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
    ("C:\\x,y", "C:\\x,y", "C%3A\\x%2Cy"),
    ("%0A", "%250A", "%250A"),
]


@pytest.mark.parametrize("raw,data,prop", ESCAPES)
def test_github_escaping(raw, data, prop):
    assert render.escape_data(raw) == data
    assert render.escape_property(raw) == prop


def unescape(s: str) -> str:
    for code, ch in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        s = s.replace(code, ch)
    return s


@given(st.text())
def test_github_escaping_round_trips(s):
    data, prop = render.escape_data(s), render.escape_property(s)
    assert "\n" not in data and "\r" not in data
    assert ":" not in prop and "," not in prop and "\n" not in prop
    assert unescape(prop) == s and unescape(data) == s


@given(st.text())
def test_markdown_cells_stay_in_their_cell(s):
    cell = render.md_cell(s)
    assert "\n" not in cell and "<" not in cell
    assert re.search(r"(?<!\\)\|", cell) is None


def test_json():
    doc = json.loads(rendered("json"))
    assert doc["counts"] == {"misquote": 1, "misattribution": 0, "near-match": 0, "unverified": 1, "variant": 1}
    assert doc["failing"] == 1 and doc["checked"] == 4 and doc["fail_on"] == ["misattribution", "misquote"]
    first = doc["findings"][0]
    assert (first["kind"], first["failing"], first["line"], first["column"]) == ("misquote", True, 5, 200)
    assert first["reference"]["text"] == "We haven’t mentioned anything, but he knows"
    assert first["discrepancies"][0]["flags"] == ["negation"] and first["discrepancies"][0]["changes_meaning"]
    assert doc["findings"][2]["reference"] is None


def test_junit():
    from junitparser import Failure, JUnitXml

    xml = rendered("junit")
    suite = next(iter(JUnitXml.fromstring(xml.split("\n", 1)[1])))
    cases = list(suite)
    assert len(cases) == 4 and suite.tests == 4 and suite.failures == 1
    failed = [c for c in cases if c.result]
    assert len(failed) == 1 and isinstance(failed[0].result[0], Failure)
    assert failed[0].result[0].type == "misquote" and "negation" in failed[0].result[0].message
    assert failed[0].classname == "new.txt" and failed[0].name.startswith("5:200 “We have")
    assert any("variant:" in (c.system_out or "") for c in cases)


def test_markdown():
    md = rendered("markdown")
    assert md.startswith("## quotes check failed\n")
    assert "| **misquote** | new.txt:5:200 | Donald Trump |" in md
    assert "| variant | drafts/b.md:2:1 |" in md and "act \\| 100% on it" in md
    assert rendered("markdown", result([], [])).startswith("## quotes check passed")


# ---- the command line, with the library call replaced by a hand-built result -----------------------

runner = CliRunner()


@pytest.fixture
def fake_check(monkeypatch):
    calls = []

    def run_check(paths, against, transcripts, speaker, fail_on, model=None, against_quotes=(), transcript_dates=()):
        calls.append((paths, against, transcripts, speaker, fail_on, against_quotes, transcript_dates))
        res = sample()
        return type(res)(res.articles, res.checked, res.findings, res.record_size, fail_on, ("x.txt: empty file",))

    monkeypatch.setattr("quotes.check.run_check", run_check)
    return calls


@pytest.mark.parametrize("args,code", [
    ([], 1),
    (["--exit-zero"], 0),
    (["--fail-on", "misattribution"], 0),
    (["--fail-on", "unverified"], 1),
    (["--fail-on", "none"], 0),
    (["--fail-on", "misquoted"], 2),
    (["--format", "yaml"], 2),
])
def test_exit_codes(fake_check, args, code):
    r = runner.invoke(app, ["check", "new.txt", "--against", "seeds", *args])
    assert r.exit_code == code, r.output
    if code in (0, 1):
        assert r.exception is None or isinstance(r.exception, SystemExit), r.exception


def test_options_reach_the_library(fake_check, tmp_path):
    out = tmp_path / "report.xml"
    r = runner.invoke(app, ["check", "a.txt", "b.txt", "-a", "q.db", "-a", "seeds", "-t", "t.txt", "--speaker", "Kim",
                            "--against-quotes", "old.jsonl",
                            "--fail-on", "misquote,variant", "--format", "junit", "--output", str(out)])
    assert r.exit_code == 1
    assert fake_check == [(["a.txt", "b.txt"], ["q.db", "seeds"], ["t.txt"], "Kim", {"misquote", "variant"}, ["old.jsonl"],
                           [])]
    assert out.read_text(encoding="utf-8").startswith("<?xml")
    assert "x.txt: empty file" in r.stderr and "<?xml" not in r.stdout


def test_usage_errors_need_no_model(tmp_path):
    r = runner.invoke(app, ["check", "new.txt"])
    assert r.exit_code == 2 and "nothing to check against" in r.stderr
    r = runner.invoke(app, ["check", "new.txt", "--against", str(tmp_path / "missing")])
    assert r.exit_code == 2 and "no such store" in r.stderr
    r = runner.invoke(app, ["check", "new.txt", "--transcript", str(tmp_path / "missing.txt")])
    assert r.exit_code == 2 and "no such transcript" in r.stderr
    r = runner.invoke(app, ["check", "new.txt", "--against", "seeds", "--speaker", "Kim"])
    assert r.exit_code == 2 and "--speaker goes with --transcript" in r.stderr
    plain = tmp_path / "plain.txt"
    plain.write_text("Words with no speaker label.\n", encoding="utf-8")
    r = runner.invoke(app, ["check", "new.txt", "--transcript", str(plain)])
    assert r.exit_code == 2 and "--speaker" in r.stderr
    assert isinstance(r.exception, SystemExit)  # no exception escaped the command
