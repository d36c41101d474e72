"""`quotes check --format sarif` and several reports from one run (`--junit-xml`, `--summary-md`, `--sarif`),
from hand-built results (no model)."""
from __future__ import annotations

import io
import json

import pytest
import test_check_render
from check_support import quote, result
from hypothesis import given
from hypothesis import strategies as st
from test_check_render import sample
from typer.testing import CliRunner

from quotes.cli import app
from quotes.model import Finding
from quotes.render import findings as render
from quotes.render import sarif

fake_check = test_check_render.fake_check  # the fixture, shared: pytest finds fixtures among module names
runner = CliRunner()


def to_sarif(res=None) -> dict:
    buf = io.StringIO()
    render.write(res or sample(), "sarif", buf)
    return json.loads(buf.getvalue())


def test_sarif_log_shape():
    log = to_sarif()
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "quotes" and driver["version"]
    rules = [r["id"] for r in driver["rules"]]
    assert rules == ["misquote", "misattribution", "near-match", "unverified", "variant"]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in driver["rules"]}
    assert levels == {"misquote": "error", "misattribution": "error", "unverified": "note", "variant": "warning",
                      "near-match": "warning"}
    for r in run["results"]:
        assert rules[r["ruleIndex"]] == r["ruleId"] and r["level"] in ("error", "warning", "note")
        assert r["message"]["text"] and r["partialFingerprints"]["quoteId/v1"]
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == [
        ("misquote", "error"), ("variant", "warning"), ("unverified", "note")]


def test_sarif_region_is_the_quote():
    misquote = to_sarif()["runs"][0]["results"][0]
    loc = misquote["locations"][0]["physicalLocation"]
    text = "We have mentioned everything, but he knows"
    assert loc["artifactLocation"] == {"uri": "new.txt", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 5, "startColumn": 200, "endLine": 5, "endColumn": 200 + len(text),
                             "charOffset": 10, "charLength": len(text), "snippet": {"text": text}}
    assert "Donald Trump" in misquote["message"]["text"] and "negation" in misquote["message"]["text"]
    related = misquote["relatedLocations"][0]["physicalLocation"]
    assert related["artifactLocation"]["uri"] == "seeds/001.txt" and related["region"]["startLine"] == 5


def test_sarif_fail_on_changes_levels():
    res = sample()
    res = type(res)(res.articles, res.checked, res.findings, res.record_size, frozenset({"unverified"}))
    levels = [r["level"] for r in to_sarif(res)["runs"][0]["results"]]
    assert levels == ["warning", "warning", "error"]


@pytest.mark.parametrize("path,expected", [
    ("drafts/a b.md", {"uri": "drafts/a%20b.md", "uriBaseId": "%SRCROOT%"}),
    ("rows.jsonl#3", {"uri": "rows.jsonl%233", "uriBaseId": "%SRCROOT%"}),
    ("/srv/news/a.txt", {"uri": "file:///srv/news/a.txt"}),
    ("C:\\news\\a.txt", {"uri": "file:///C:/news/a.txt"}),
    ("news\\a.txt", {"uri": "news/a.txt", "uriBaseId": "%SRCROOT%"}),
])
def test_sarif_uris(path, expected):
    assert sarif.uri(path) == expected


@given(st.text(alphabet="ab \n", min_size=1, max_size=30), st.integers(1, 5), st.integers(1, 40))
def test_sarif_region_ends_where_the_words_end(text, line, column):
    q = quote(text, line=line, column=column)
    r = sarif.region(q)
    lines = text.split("\n")
    assert r["endLine"] - r["startLine"] == text.count("\n")
    assert r["endColumn"] == (column if len(lines) == 1 else 1) + len(lines[-1])
    assert r["charLength"] == len(text)


def test_no_findings_is_an_empty_result_list():
    ok = quote("Fine words here", "Ann Brooks")
    log = to_sarif(result([], [ok]))
    assert log["runs"][0]["results"] == [] and log["runs"][0]["artifacts"] == [{"location": {"uri": "new.txt", "uriBaseId": "%SRCROOT%"}}]


def test_one_run_writes_several_reports(fake_check, tmp_path):
    junit, summary, report = tmp_path / "junit.xml", tmp_path / "summary.md", tmp_path / "quotes.sarif"
    summary.write_text("## an earlier step\n", encoding="utf-8")
    r = runner.invoke(app, ["check", "new.txt", "--against", "seeds", "--format", "github", "--junit-xml", str(junit),
                            "--summary-md", str(summary), "--sarif", str(report)])
    assert r.exit_code == 1 and len(fake_check) == 1  # one extraction, four reports
    assert r.stdout.startswith("::error file=new.txt,line=5,col=200")
    assert junit.read_text(encoding="utf-8").startswith("<?xml") and "<failure" in junit.read_text(encoding="utf-8")
    md = summary.read_text(encoding="utf-8")
    assert md.startswith("## an earlier step\n## quotes check failed")  # appended, as $GITHUB_STEP_SUMMARY expects
    assert json.loads(report.read_text(encoding="utf-8"))["runs"][0]["results"][0]["ruleId"] == "misquote"


def test_sarif_on_stdout_and_unwritable_report(fake_check, tmp_path):
    r = runner.invoke(app, ["check", "new.txt", "--against", "seeds", "--format", "sarif", "--exit-zero"])
    assert r.exit_code == 0 and json.loads(r.stdout)["version"] == "2.1.0"
    r = runner.invoke(app, ["check", "new.txt", "--against", "seeds", "--summary-md", str(tmp_path / "no" / "s.md")])
    assert r.exit_code == 2 and "cannot write" in r.stderr and "Traceback" not in r.output
    r = runner.invoke(app, ["check", "new.txt", "--against", "seeds", "--junit-xml", str(tmp_path / "no" / "j.xml")])
    assert r.exit_code == 2 and "cannot write" in r.stderr


def test_findings_carry_no_rich_markup():
    f = Finding("unverified", quote("We [the government] will act", None), "no recorded quote matches these words")
    text = to_sarif(result([f], [f.quote]))["runs"][0]["results"][0]["message"]["text"]
    assert "[the government]" in text
