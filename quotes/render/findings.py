"""`quotes check` output: a terminal table, JSON, GitHub workflow commands, JUnit XML, Markdown and SARIF.

Every format is written whole from a `CheckResult`; user text never goes through rich markup.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from rich.table import Table
from rich.text import Text

from quotes.check import CheckResult
from quotes.model import Finding, Quote
from quotes.render.safe import visible
from quotes.render.sarif import write_sarif
from quotes.render.terminal import clipped
from quotes.render.words import plural

FORMATS = ("table", "json", "github", "junit", "markdown", "sarif")
KIND_STYLE = {"misquote": "bold red", "misattribution": "bold magenta", "near-match": "cyan", "variant": "yellow",
              "unverified": "dim"}


def where(q: Quote) -> str:
    return f"{q.article}:{q.line}:{q.column}"


def speaker(q: Quote | None) -> str | None:
    return q.speaker.name if q is not None and q.speaker else None


# ---- json -----------------------------------------------------------------------------------------

def finding_dict(f: Finding, failing: bool) -> dict[str, Any]:
    q, ref = f.quote, f.reference
    return {
        "kind": f.kind, "failing": failing, "article": q.article, "line": q.line, "column": q.column,
        "start_char": q.start_char, "end_char": q.end_char, "text": q.text, "speaker": speaker(q),
        "quote_id": q.quote_id, "message": f.message,
        "reference": None if ref is None else {
            "article": ref.article, "line": ref.line, "column": ref.column, "start_char": ref.start_char,
            "end_char": ref.end_char, "text": ref.text, "speaker": speaker(ref), "quote_id": ref.quote_id},
        "reference_source": f.reference_source,
        "discrepancies": [d.to_dict() for d in f.discrepancies],
    }


def to_json(result: CheckResult) -> dict[str, Any]:
    return {
        "schema_version": 1, "articles": list(result.articles), "checked": len(result.checked),
        "record_size": result.record_size, "fail_on": sorted(result.fail_on), "counts": result.counts(),
        "failing": len(result.failing),
        "findings": [finding_dict(f, f.kind in result.fail_on) for f in result.findings],
    }


def write_json(result: CheckResult, out: IO[str]) -> None:
    json.dump(to_json(result), out, ensure_ascii=False, indent=2)
    out.write("\n")


# ---- github workflow commands ---------------------------------------------------------------------

def escape_data(s: str) -> str:
    """A workflow command's message: % CR LF escaped (as the runner's `escapeData`)."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    """A workflow command's property value: the message escapes plus : and , (as `escapeProperty`)."""
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def github_level(f: Finding, failing: bool) -> str:
    if failing:
        return "error"
    return "notice" if f.kind == "unverified" else "warning"


def github_line(f: Finding, failing: bool) -> str:
    q = f.quote
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in (
        ("file", q.article), ("line", q.line), ("col", q.column), ("title", f"quotes: {f.kind}")))
    return f"::{github_level(f, failing)} {props}::{escape_data(f'“{q.text}” — {f.message}')}"


def write_github(result: CheckResult, out: IO[str]) -> None:
    for f in result.findings:
        out.write(github_line(f, f.kind in result.fail_on) + "\n")


# ---- junit ----------------------------------------------------------------------------------------

def junit_xml(result: CheckResult) -> str:
    """One test case per checked quote; a finding in --fail-on is a failure, any other goes to system-out."""
    from junitparser import Failure, JUnitXml, TestCase, TestSuite

    by_quote: dict[tuple[str, int, int], list[Finding]] = {}
    for f in result.findings:
        by_quote.setdefault((f.quote.article, f.quote.start_char, f.quote.end_char), []).append(f)
    suite = TestSuite("quotes check")
    cases = []
    for q in result.checked:
        text = " ".join(q.text.split())
        case = TestCase(f"{q.line}:{q.column} “{text[:80]}{'…' if len(text) > 80 else ''}”", q.article, 0.0)
        found = by_quote.get((q.article, q.start_char, q.end_char), [])
        failures = []
        for f in found:
            if f.kind in result.fail_on:
                fail = Failure(f.message, f.kind)
                fail.text = f"{where(q)}\n“{q.text}”\n{f.message}"
                failures.append(fail)
        if failures:
            case.result = failures
        notes = [f"{f.kind}: {f.message}" for f in found if f.kind not in result.fail_on]
        if notes:
            case.system_out = "\n".join(notes)
        cases.append(case)
    suite.add_testcases(cases)
    xml = JUnitXml("quotes check")
    xml.add_testsuite(suite)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + xml.tostring().decode("utf-8") + "\n"


def write_junit(result: CheckResult, out: IO[str]) -> None:
    out.write(junit_xml(result))


# ---- markdown -------------------------------------------------------------------------------------

def md_cell(s: str) -> str:
    """Text safe inside a Markdown table cell (pipes, HTML and line breaks neutralised)."""
    s = visible(" ".join(s.split()))
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def summary(result: CheckResult) -> str:
    counts = ", ".join(f"{n} {k}" for k, n in result.counts().items() if n) or "no findings"
    return (f"{plural(len(result.checked), 'quote')} in {plural(len(result.articles), 'article')} "
            f"checked against {plural(result.record_size, 'recorded quote')}: {counts}; {len(result.failing)} failing")


def write_markdown(result: CheckResult, out: IO[str]) -> None:
    status = "failed" if result.failing else "passed"
    out.write(f"## quotes check {status}\n\n{md_cell(summary(result))}.\n")
    if result.findings:
        out.write("\n| finding | where | speaker | quote | details |\n|---|---|---|---|---|\n")
        for f in result.findings:
            mark = "**" if f.kind in result.fail_on else ""
            out.write(f"| {mark}{f.kind}{mark} | {md_cell(where(f.quote))} | {md_cell(speaker(f.quote) or '')} "
                      f"| “{md_cell(f.quote.text)}” | {md_cell(f.message)} |\n")


# ---- terminal table -------------------------------------------------------------------------------

def findings_table(result: CheckResult) -> Table:
    table = Table(show_lines=True, header_style="bold", expand=True)
    for name, kw in (("where", {"overflow": "fold", "no_wrap": False}), ("finding", {}),
                     ("quote", {"overflow": "fold", "ratio": 2}), ("details", {"overflow": "fold", "ratio": 3})):
        table.add_column(name, **kw)
    for f in result.findings:
        q = f.quote
        failing = f.kind in result.fail_on
        finding = Text(f.kind + ("" if failing else " (ok)"), style=KIND_STYLE.get(f.kind, ""))
        finding.append("\n" + (speaker(q) or "no speaker"), style="" if q.speaker else "dim")
        table.add_row(Text(f"{Path(q.article).name}:{q.line}:{q.column}"), finding, Text(clipped(q.text)), Text(f.message))
    return table


def write_table(result: CheckResult, out: IO[str], width: int | None = None, color: bool | None = None) -> None:
    from quotes.render.terminal import make_console

    console = make_console(out, width=width, color=color)
    if result.findings:
        console.print(findings_table(result))
    console.print(Text(summary(result), style="bold red" if result.failing else "green"))


WRITERS: dict[str, Callable[[CheckResult, IO[str]], None]] = {
    "table": write_table, "json": write_json, "github": write_github, "junit": write_junit, "markdown": write_markdown,
    "sarif": write_sarif,
}


def write(result: CheckResult, fmt: str, out: IO[str], width: int | None = None, color: bool | None = None) -> None:
    if fmt == "table":
        write_table(result, out, width=width, color=color)
    else:
        WRITERS[fmt](result, out)
    out.flush()
