"""The `quotes claims` report as JSON, Markdown and one self-contained HTML page (inline CSS, no
scripts, no external assets). Every piece of user text is escaped for its format."""
from __future__ import annotations

import json
from html import escape
from typing import IO

from quotes.claims.model import ClaimsReport
from quotes.render.claims_view import blocks, empty_note, link_row, summary_rows
from quotes.render.safe import visible

_MD_SPECIAL = "\\`*_{}[]<>()#+-!|~"


def md(text: str) -> str:
    """Markdown-escaped user text (no markup, no HTML)."""
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in visible(text))


def md_sentence(r) -> str:
    """The sentence with its values in bold."""
    if not r.pieces:
        return md(r.sentence)
    return "".join(f"**{md(t.strip())}**" if m else md(t) for t, m in r.pieces)


def html_sentence(r) -> str:
    """The sentence with its values in <mark>."""
    if not r.pieces:
        return escape(r.sentence)
    return "".join(f"<mark>{escape(t)}</mark>" if m else escape(t) for t, m in r.pieces)


def write_json(report: ClaimsReport, out: IO[str]) -> None:
    json.dump(report.to_dict(), out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_markdown(report: ClaimsReport, out: IO[str], statuses: tuple[str, ...]) -> None:
    lines = ["# Claims", "", "| | |", "|---|---:|"]
    lines += [f"| {label} | {n} |" for label, n in summary_rows(report)]
    lines.append("")
    shown = blocks(report, statuses)
    for b in shown:
        lines += [f"## {md(b.title)}", ""]
        if b.note:
            lines += [f"**{md(b.note)}**", ""]
        for label, rows in b.sides:
            for r in rows:
                lines.append(f"- *{md(label)}* — **{md(r.value)}** ({md(r.where)}): {md_sentence(r)}")
        lines.append("")
    if not shown:
        lines += [md(empty_note(statuses)), ""]
    if report.links:
        lines += ["## Reported speech and the quote it paraphrases", "",
                  "| reported | direct quote | shared words |", "|---|---|---|"]
        for lk in report.links:
            r = link_row(lk)
            lines.append(f"| {md(r.reported)} ({md(r.reported_where)}) | {md(r.quote)} ({md(r.quote_where)}) "
                         f"| {md(r.shared)} |")
        lines.append("")
    out.write("\n".join(lines))


CSS = """
:root { --fg: #1f2328; --bg: #ffffff; --muted: #6e7781; --line: #d0d7de; --magenta: #a626a4;
        --green: #1a7f37; --yellow: #9a6700; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #8b949e; --line: #30363d; --magenta: #d2a8ff;
          --green: #56d364; --yellow: #e3b341; }
}
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
       background: var(--bg); max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin: .5rem 0; }
table { border-collapse: collapse; } td, th { padding: .2rem .8rem .2rem 0; text-align: left; vertical-align: top; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
section.finding { border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 6px;
                  padding: .25rem 1rem .75rem; margin: 1rem 0; }
section.conflict { border-left-color: var(--magenta); } section.partial { border-left-color: var(--yellow); }
section.agree { border-left-color: var(--green); }
.note { color: var(--magenta); font-weight: 600; } .muted { color: var(--muted); }
.side { display: grid; grid-template-columns: 8rem 1fr; gap: .1rem 1rem; margin: .6rem 0; }
.value { font-weight: 700; }
mark { background: #fff1a8; color: inherit; font-weight: 700; padding: 0 .1em; border-radius: 2px; }
@media (prefers-color-scheme: dark) { mark { background: #6b5a00; } } .links td { border-bottom: 1px solid var(--line); }
"""


def write_html(report: ClaimsReport, out: IO[str], statuses: tuple[str, ...]) -> None:
    h = ['<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">', "<title>quotes claims</title>",
         f"<style>{CSS}</style></head><body>", "<h1>Claims</h1>", "<table class=\"summary\">"]
    h += [f"<tr><td>{escape(label)}</td><td class=\"n\">{n}</td></tr>" for label, n in summary_rows(report)]
    h.append("</table>")
    shown = blocks(report, statuses)
    for b in shown:
        h.append(f'<section class="finding {escape(b.status)}"><h2>{escape(b.title)}</h2>')
        if b.note:
            h.append(f'<p class="note">{escape(b.note)}</p>')
        for label, rows in b.sides:
            for i, r in enumerate(rows):
                h.append(f'<div class="side"><div class="label">{escape(label) if i == 0 else ""}</div><div>'
                         f'<div class="value">{escape(r.value)}</div><div class="muted">{escape(r.where)}</div>'
                         f'<div class="sentence">{html_sentence(r)}</div></div></div>')
        h.append("</section>")
    if not shown:
        h.append(f'<p class="muted">{escape(empty_note(statuses))}</p>')
    if report.links:
        h += ["<h2>Reported speech and the quote it paraphrases</h2>", '<table class="links">',
              "<tr><th>reported</th><th>direct quote</th><th>shared words</th></tr>"]
        for lk in report.links:
            r = link_row(lk)
            h.append(f"<tr><td>{escape(r.reported)}<div class=\"muted\">{escape(r.reported_where)}</div></td>"
                     f"<td>{escape(r.quote)}<div class=\"muted\">{escape(r.quote_where)}</div></td>"
                     f"<td class=\"muted\">{escape(r.shared)}</td></tr>")
        h.append("</table>")
    h.append("</body></html>\n")
    out.write("\n".join(h))
