"""A plain-text listing of a `Comparison` (used when the full report renderer is not installed).

One block per cluster, worst first: speaker, canonical wording, then each member with its article, line,
relation and its discrepancies (type, canonical words -> member words, flags). Markdown and HTML wrap the
same lines (HTML-escaped in a <pre>), so user text is never read as markup.
"""
from __future__ import annotations

import html
from pathlib import Path
from typing import IO

from quotes.compare import NOTHING_TO_COMPARE, severity, summary
from quotes.model import Comparison


def lines(comparison: Comparison) -> list[str]:
    s = summary(comparison)
    plural = "" if s["articles"] == 1 else "s"
    out = [f"{s['articles']} article{plural}, {s['quotes']} quotes, {s['clusters']} utterances quoted more than once "
           f"({s['multi_article']} in several articles); meaning changed: {s['severity_meaning']}, "
           f"speaker conflicts: {s['speaker_conflicts']}"]
    if s["articles"] < 2:
        out.append(NOTHING_TO_COMPARE)
    for c in comparison.clusters:
        out.append("")
        who = " / ".join(c.speakers) if c.speakers else "speaker unknown"
        out.append(f"[{severity(c)}] {who} - {len(c.articles)} article(s)")
        out.append(f"  “{c.canonical.text}”")
        for v in c.members:
            q = v.quote
            cue = f" ({q.cue.text})" if q.cue else ""
            out.append(f"  - {Path(q.article).name}:{q.line} {v.relation}{cue}")
            for d in v.discrepancies:
                flags = f" [{', '.join(d.flags)}]" if d.flags else ""
                out.append(f"      {d.type}: “{d.canonical_text}” -> “{d.variant_text}”{flags}")
    return out


def write_text(comparison: Comparison, fmt: str, out: IO[str]) -> None:
    text = "\n".join(lines(comparison)) + "\n"
    if fmt == "html":
        out.write("<!doctype html><meta charset=\"utf-8\"><title>quotes compare</title>\n<pre>"
                  + html.escape(text) + "</pre>\n")
    elif fmt == "markdown":
        out.write("```text\n" + text + "```\n")
    else:
        out.write(text)
