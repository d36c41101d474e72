"""What every `quotes claims` format shows, as plain strings: the summary, one block per finding (sides
with the article, line and sentence of each claim), and the paraphrase links. No rich, no HTML here."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from quotes.claims.model import STATUSES, Claim, ClaimsReport, Finding, ParaphraseLink

STATUS_LABEL = {"conflict": "CONFLICT", "partial": "PARTIAL", "agree": "AGREE", "unique": "UNIQUE"}


@dataclass(frozen=True)
class Row:
    value: str  # the value as this article writes it
    where: str  # article name:line
    sentence: str
    pieces: tuple[tuple[str, bool], ...] = ()  # the sentence cut into (text, is a value) pieces, in order


CONTEXT_CHARS = 120  # unmarked words kept before the first value and after the last one


def marked(c: Claim) -> tuple[tuple[str, bool], ...]:
    """The claim's sentence in pieces, the values it gives marked (whitespace folded, long ends clipped)."""
    spans = sorted({(max(v.start_char, c.start_char), min(v.end_char, c.end_char)) for v in c.values
                    if v.start_char < c.end_char and c.start_char < v.end_char})
    out: list[tuple[str, bool]] = []
    at = c.start_char
    for s, e in spans:
        if s < at:
            continue
        out += [(c.text[at - c.start_char:s - c.start_char], False), (c.text[s - c.start_char:e - c.start_char], True)]
        at = e
    out.append((c.text[at - c.start_char:], False))
    pieces = [(" ".join(t.split()) if not m else t, m) for t, m in out]
    pieces = [(t if not m else " ".join(t.split()), m) for t, m in pieces]
    # keep the spaces next to values that the fold above removed
    fixed = []
    for i, (t, m) in enumerate(pieces):
        raw = out[i][0]
        if not m and t:
            t = (" " if raw[:1].isspace() and i else "") + t + (" " if raw[-1:].isspace() and i < len(out) - 1 else "")
        fixed.append((t, m))
    if spans and len(fixed) > 2:
        first, last = fixed[0][0], fixed[-1][0]
        if len(first) > CONTEXT_CHARS:
            fixed[0] = ("…" + first[-CONTEXT_CHARS:].split(" ", 1)[-1] if " " in first[-CONTEXT_CHARS:] else first, False)
        if len(last) > CONTEXT_CHARS:
            fixed[-1] = (last[:CONTEXT_CHARS].rsplit(" ", 1)[0] + "…", False)
    return tuple((t, m) for t, m in fixed if t)


@dataclass(frozen=True)
class Block:
    status: str
    title: str
    note: str
    sides: tuple[tuple[str, tuple[Row, ...]], ...]  # (side label, rows)


def article_name(path: str) -> str:
    return Path(path).name if path not in ("-", "") else path


def where(c: Claim) -> str:
    return f"{article_name(c.article)}:{c.line}"


def one_line(text: str, limit: int = 240) -> str:
    s = " ".join(text.split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


def row(c: Claim) -> Row:
    return Row(value=one_line(c.shown, 120), where=where(c), sentence=one_line(c.text), pieces=marked(c))


def block(f: Finding) -> Block:
    title = f"{STATUS_LABEL[f.status]} · {f.slot}"
    if f.kind in ("count", "list") and f.subject != "—":
        title += f" ({f.subject})"
    sides = []
    for i, s in enumerate(f.sides):
        label = f"side {chr(ord('A') + i)}" if len(f.sides) > 1 else "all"
        sides.append((label, tuple(row(c) for c in s.claims)))
    if f.either:
        sides.append(("fits every side", tuple(row(c) for c in f.either)))
    return Block(status=f.status, title=title, note=f.note, sides=tuple(sides))


def blocks(report: ClaimsReport, statuses: tuple[str, ...] = ("conflict", "partial", "agree")) -> list[Block]:
    return [block(f) for f in report.findings if f.status in statuses]


def summary_rows(report: ClaimsReport) -> list[tuple[str, int]]:
    rows = [("articles read", len(report.articles)), ("claims found", len(report.claims))]
    rows += [(f"{s}", report.count(s)) for s in STATUSES]
    rows.append(("paraphrase links", len(report.links)))
    return rows


@dataclass(frozen=True)
class LinkRow:
    reported: str
    reported_where: str
    quote: str
    quote_where: str
    shared: str


def link_row(lk: ParaphraseLink) -> LinkRow:
    q = lk.quote
    return LinkRow(reported=one_line(lk.claim.values[0].text, 160), reported_where=where(lk.claim),
                   quote=one_line(q.text, 200), quote_where=f"{article_name(q.article)}:{q.line}",
                   shared=", ".join(lk.shared))


def empty_note(statuses: tuple[str, ...]) -> str:
    return "No " + " / ".join(statuses) + " findings."
