"""`quotes check --format sarif`: SARIF 2.1.0, the format code-scanning tools read (GitHub code scanning,
VS Code's SARIF viewer, GitLab).

One run; the driver's rules are the finding kinds; one result per finding, located at the quoted
words (start and end line and column, character offset and length, the words as the snippet). A failing
kind (in `--fail-on`) is `error`, a variant or a near match `warning` and an unverified quote `note`. The recorded
wording a finding was judged against is a related location. Relative article paths are relative to
`%SRCROOT%` (the repository root in code scanning); absolute ones become file: URIs.
"""
from __future__ import annotations

import json
from pathlib import PurePosixPath, PureWindowsPath
from typing import IO, Any
from urllib.parse import quote as urlquote

from quotes.check import CheckResult
from quotes.check.judge import FINDING_KINDS
from quotes.model import Finding, Quote

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
RULES = {
    "misquote": ("Misquote", "The quoted words differ from the record in meaning, or from a reference transcript "
                 "beyond the cosmetic."),
    "misattribution": ("Misattribution", "The record has these words from someone other than the person the "
                       "article names."),
    "near-match": ("NearMatch", "A recorded passage is close to these words, but the record is not evidently the "
                   "occasion the article quotes (another event, another date, or too many differences)."),
    "unverified": ("Unverified", "Nothing in the record matches this quote."),
    "variant": ("Variant", "The words agree with some recorded renderings and not with others, or differ from "
                "every rendering without a change of meaning."),
}


def level(kind: str, fail_on: frozenset[str]) -> str:
    if kind in fail_on:
        return "error"
    return "note" if kind == "unverified" else "warning"


def uri(path: str) -> dict[str, str]:
    """An artifactLocation for an article path as the user named it."""
    if PurePosixPath(path).is_absolute() or PureWindowsPath(path).is_absolute():
        return {"uri": PurePosixPath(path).as_uri() if path.startswith("/") else PureWindowsPath(path).as_uri()}
    return {"uri": urlquote(path.replace("\\", "/")), "uriBaseId": "%SRCROOT%"}


def region(q: Quote) -> dict[str, Any]:
    """Where the quoted words are: 1-based lines and columns (end column exclusive), in code points."""
    lines = q.text.split("\n")
    end_line = q.line + len(lines) - 1
    end_column = (q.column if len(lines) == 1 else 1) + len(lines[-1])
    return {"startLine": q.line, "startColumn": q.column, "endLine": end_line, "endColumn": end_column,
            "charOffset": q.start_char, "charLength": q.end_char - q.start_char, "snippet": {"text": q.text}}


def location(q: Quote, message: str | None = None, id_: int | None = None) -> dict[str, Any]:
    loc: dict[str, Any] = {"physicalLocation": {"artifactLocation": uri(q.article), "region": region(q)}}
    if id_ is not None:
        loc["id"] = id_
    if message:
        loc["message"] = {"text": message}
    return loc


def result(f: Finding, fail_on: frozenset[str]) -> dict[str, Any]:
    q = f.quote
    speaker = q.speaker.name if q.speaker else None
    out: dict[str, Any] = {
        "ruleId": f.kind,
        "ruleIndex": FINDING_KINDS.index(f.kind),
        "level": level(f.kind, fail_on),
        "message": {"text": f"“{' '.join(q.text.split())}”{f' ({speaker})' if speaker else ''}: {f.message}"},
        "locations": [location(q)],
        "partialFingerprints": {"quoteId/v1": q.quote_id},
        "properties": {"speaker": speaker, "failing": f.kind in fail_on,
                       "discrepancies": [d.to_dict() for d in f.discrepancies]},
    }
    ref = f.reference
    if ref is not None and ref.article != "-":
        source = "transcript" if f.reference_source == "transcript" else "recorded quote"
        out["relatedLocations"] = [location(ref, f"the {source} it was checked against", 1)]
    return out


def to_sarif(checked: CheckResult, version: str | None = None) -> dict[str, Any]:
    if version is None:
        from quotes import __version__ as version
    driver = {
        "name": "quotes", "version": version,
        "rules": [{"id": kind, "name": RULES[kind][0], "shortDescription": {"text": RULES[kind][0]},
                   "fullDescription": {"text": RULES[kind][1]},
                   "defaultConfiguration": {"level": level(kind, checked.fail_on)}}
                  for kind in FINDING_KINDS],
    }
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"description": {"text": "the directory `quotes check` ran in"}}},
            "artifacts": [{"location": uri(a)} for a in checked.articles if a != "-"],
            "results": [result(f, checked.fail_on) for f in checked.findings],
        }],
    }


def write_sarif(checked: CheckResult, out: IO[str]) -> None:
    json.dump(to_sarif(checked), out, ensure_ascii=False, indent=2)
    out.write("\n")
