"""Reference transcripts: the authoritative record of what speakers said.

Two forms are read: turns written `SPEAKER: words` (a label at the start of a line, the turn running until
the next label), or plain text spoken by one given speaker (each paragraph one utterance). Every turn or
paragraph becomes a `Quote` of kind speech whose offsets point into the transcript's text.
"""
from __future__ import annotations

import bisect
import re

from quotes.errors import InputError
from quotes.model import Article, Quote, Speaker

# "DONALD TRUMP:", "Trump:", "Q:", "MR. KIM:", "President Lee Jae Myung:" at the start of a line
LABEL = re.compile(r"^[ \t]*((?:[A-Z][\w.’'-]*)(?:[ \t]+[A-Z][\w.’'-]*){0,4})[ \t]*:[ \t]*", re.MULTILINE)
# a header line at the top stating the event's date: "# date: 2016-01-17", "Event date: 2016-01-17"
HEADER = re.compile(r"^[ \t]*#?[ \t]*(?:event[ \t_-]*)?date[ \t]*:[ \t]*(\d{4}-\d{2}-\d{2})[ \t]*$", re.I | re.M)
HEADER_LINES = 5  # a header is one of the first lines of the file
PARAGRAPH = re.compile(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*")


def _quote(article: Article, start: int, end: int, name: str, label: tuple[int, int] | None,
           lines: _Lines) -> Quote:
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    line, col = lines.at(start)
    ms, me = label if label else (start, start)
    return Quote(article=article.path, article_id=lines.article_id, text=text[start:end], start_char=start, end_char=end,
                 line=line, column=col, kind="speech",
                 speaker=Speaker(name=name, mention=text[ms:me] if label else name, start_char=ms, end_char=me,
                                 resolution="transcript"),
                 pattern="transcript", confidence=1.0)


class _Lines:
    """Line and column of offsets in one text (computed once, not per turn), and the text's id."""

    def __init__(self, article: Article):
        self.article_id = article.id
        self.starts = [0] + [m.end() for m in re.finditer("\n", article.text)]

    def at(self, offset: int) -> tuple[int, int]:
        n = bisect.bisect_right(self.starts, offset)
        return n, offset - self.starts[n - 1] + 1


def transcript_quotes(article: Article, speaker: str | None = None) -> list[Quote]:
    """The turns of a transcript. With `speaker`, unlabelled text is that speaker's; labels still win."""
    text = article.text
    lines = _Lines(article)
    skip = header_end(text)
    labels = [m for m in LABEL.finditer(text) if m.start() >= skip]
    out: list[Quote] = []
    if labels:
        if speaker and labels[0].start() > skip and text[skip: labels[0].start()].strip():
            out += [_quote(article, m.start(), m.end(), speaker, None, lines)
                    for m in PARAGRAPH.finditer(text, skip, labels[0].start())]
        for i, m in enumerate(labels):
            end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
            if text[m.end():end].strip():
                out.append(_quote(article, m.end(), end, m.group(1).strip(), m.span(1), lines))
        return out
    if not speaker:
        raise InputError(f"{article.path}: a transcript needs 'SPEAKER: words' lines or --speaker NAME")
    return [_quote(article, m.start(), m.end(), speaker, None, lines) for m in PARAGRAPH.finditer(text, skip)]


def header_match(text: str) -> re.Match[str] | None:
    """The event-date header line among the transcript's first lines, if there is one."""
    limit = 0
    for _ in range(HEADER_LINES):
        nl = text.find("\n", limit)
        limit = len(text) if nl < 0 else nl + 1
    return HEADER.search(text, 0, limit)


def header_end(text: str) -> int:
    """Where the transcript's words begin: after its header lines (0 when it has none)."""
    m = header_match(text)
    return m.end() if m else 0
