"""The `quotes compare` report as one self-contained HTML page (inline CSS, no scripts, no external assets).

The same content and colours as the terminal: deleted words in red `<del>`, inserted words in bold green
`<ins>`, cosmetic differences dim (the canonical form in a tooltip), a fragment's quoted part in
`<mark>` inside the dimmed full quote. Every piece of user text is HTML-escaped.
"""
from __future__ import annotations

from html import escape

from quotes.render import wordiff as w
from quotes.render.report_model import (
    LEGEND,
    Block,
    Member,
    Report,
    empty_note,
    filter_note,
    member_meta,
    member_notes,
    summary_rows,
)

CSS = """
:root { --fg: #1f2328; --bg: #ffffff; --muted: #6e7781; --line: #d0d7de; --red: #cf222e; --green: #1a7f37;
        --mark: #fff0a0; --magenta: #a626a4; --cyan: #1b7c83; --blue: #0969da; --yellow: #9a6700; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #8b949e; --line: #30363d; --red: #ff7b72; --green: #56d364;
          --mark: #5c4d00; --magenta: #d2a8ff; --cyan: #56d4dd; --blue: #79c0ff; --yellow: #e3b341; }
}
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
       background: var(--bg); max-width: 62rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
table { border-collapse: collapse; }
td, th { padding: .15rem .75rem .15rem 0; text-align: left; vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
.speakers th, .speakers td { border-bottom: 1px solid var(--line); padding: .3rem .9rem .3rem 0; }
.indent { padding-left: 1.5rem; }
.muted, .note, .meta { color: var(--muted); }
.legend { color: var(--muted); font-size: .9rem; display: flex; flex-wrap: wrap; gap: .2rem 1.5rem; }
section.cluster { border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 6px;
                  padding: .25rem 1rem .75rem; margin: 1rem 0; }
section.severity-none { border-left-color: var(--green); }
section.severity-cosmetic { border-left-color: var(--cyan); }
section.severity-cut { border-left-color: var(--blue); }
section.severity-edit { border-left-color: var(--yellow); }
section.severity-meaning, section.speaker-conflict { border-left-color: var(--magenta); }
section.cluster h2 { margin: .5rem 0; }
.member { display: grid; grid-template-columns: 6.5rem 1fr; gap: .1rem 1rem; margin: .75rem 0; }
.relation { font-weight: 600; }
.member.canonical .relation { color: var(--fg); }
.words { margin: 0; font-size: 1.02rem; }
del { color: var(--red); text-decoration: line-through; }
ins { color: var(--green); font-weight: 700; text-decoration: none; }
.cosmetic, .outside { opacity: .55; }
del.cosmetic { color: inherit; }
mark { background: var(--mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
.note-meaning, .note-conflict { color: var(--magenta); font-weight: 600; }
.member > :not(.relation) { grid-column: 2; }
"""

TAGS = {  # kind -> (opening, closing)
    w.DELETED: ('<del class="deleted">', "</del>"),
    w.TRIMMED: ('<del class="trimmed">', "</del>"),
    w.INSERTED: ("<ins>", "</ins>"),
    w.OUTSIDE: ('<span class="outside">', "</span>"),
}


def segments_html(segs: tuple[w.Segment, ...]) -> str:
    stretch = w.quoted_stretch(segs)
    out = []
    for i, seg in enumerate(segs):
        if stretch and i == stretch[0]:
            out.append("<mark>")
        if seg.kind == w.COSMETIC:
            title = f' title="canonical: {escape(seg.canonical)}"' if seg.canonical else ""
            if seg.text:
                out.append(f'<span class="cosmetic"{title}>{escape(seg.text)}</span>')
            else:
                out.append(f'<del class="cosmetic"{title}>{escape(seg.canonical)}</del>')
        else:
            open_, close = TAGS.get(seg.kind, ("", ""))
            out.append(f"{open_}{escape(seg.text)}{close}")
        if stretch and i + 1 == stretch[1]:
            out.append("</mark>")
    return "".join(out)


def summary(report: Report) -> str:
    rows = []
    for indent, label, number, note in summary_rows(report.summary):
        cls = ' class="indent"' if indent else ""
        rows.append(f"<tr><td{cls}>{escape(label)}</td><td class=\"n\">{number}</td>"
                    f"<td class=\"muted\">{escape(note)}</td></tr>")
    return '<table class="summary">\n' + "\n".join(rows) + "\n</table>"


def legend() -> str:
    items = [f"<span>{segments_html((w.Segment(kind, sample),))} {escape(meaning)}</span>"
             for kind, sample, meaning in LEGEND]
    return '<p class="legend"><span>Marks:</span>' + "".join(items) + "</p>"


def member(m: Member, block: Block) -> str:
    cls = "member canonical" if m.relation == "canonical" else "member"
    parts = [f'<div class="{cls}">', f'<div class="relation">{escape(m.relation)}</div>',
             f'<div class="meta">{escape(member_meta(m))}</div>',
             f'<blockquote class="words">{segments_html(m.segments)}</blockquote>']
    for kind, note in member_notes(m, block):
        parts.append(f'<div class="note note-{kind}">{escape(note)}</div>')
    return "\n".join(parts) + "\n</div>"


def block(b: Block) -> str:
    classes = f"cluster severity-{b.severity}" + (" speaker-conflict" if b.conflict else "")
    return "\n".join([f'<section class="{classes}" id="u{b.number}" data-severity="{b.severity}">',
                      f"<h2>{escape(b.title)}</h2>", *(member(m, b) for m in b.members), "</section>"])


def speakers(report: Report) -> str:
    if not report.speakers:
        return '<h2>Speakers</h2>\n<p class="muted">No attributed quote.</p>'
    head = ("<tr><th>speaker</th><th class=\"n\">quotes</th><th class=\"n\">articles</th>"
            "<th class=\"n\">quoted by several articles</th><th class=\"n\">differing</th></tr>")
    rows = [f"<tr><td>{escape(r.name)}</td><td class=\"n\">{r.quotes}</td><td class=\"n\">{r.articles}</td>"
            f"<td class=\"n\">{r.utterances}</td><td class=\"n\">{r.differing}</td></tr>" for r in report.speakers]
    return '<h2>Speakers</h2>\n<table class="speakers">\n' + "\n".join([head, *rows]) + "\n</table>"


def render_html(report: Report) -> str:
    body = ["<h1>Quote comparison</h1>", summary(report)]
    if filter_note(report):
        body.append(f'<p class="muted">{escape(filter_note(report))}</p>')
    if report.blocks:
        body.append(legend())
        body += [block(b) for b in report.blocks]
    else:
        body.append(f"<p>{escape(empty_note(report))}</p>")
    body.append(speakers(report))
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<title>Quote comparison</title>\n<style>" + CSS + "</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")
