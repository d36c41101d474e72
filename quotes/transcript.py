"""Reference transcripts: the authoritative record of what speakers said.

Two forms are read: turns written `SPEAKER: words` (a label at the start of a line, the turn running until
the next label), or plain text spoken by one given speaker (each paragraph one utterance). Every turn or
paragraph becomes a `Quote` of kind speech whose offsets point into the transcript's text.
"""
from __future__ import annotations

import re

from quotes.errors import InputError
from quotes.model import Article, Quote, Speaker

# "DONALD TRUMP:", "Trump:", "Q:", "MR. KIM:", "President Lee Jae Myung:" at the start of a line
LABEL = re.compile(r"^[ \t]*((?:[A-Z][\w.’'-]*)(?:[ \t]+[A-Z][\w.’'-]*){0,4})[ \t]*:[ \t]*", re.MULTILINE)
PARAGRAPH = re.compile(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*")


def _quote(article: Article, start: int, end: int, name: str, label: tuple[int, int] | None) -> Quote:
    text = article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    line, col = article.line_col(start)
    ms, me = label if label else (start, start)
    return Quote(article=article.path, article_id=article.id, text=text[start:end], start_char=start, end_char=end,
                 line=line, column=col, kind="speech",
                 speaker=Speaker(name=name, mention=text[ms:me] if label else name, start_char=ms, end_char=me,
                                 resolution="transcript"),
                 pattern="transcript", confidence=1.0)


def transcript_quotes(article: Article, speaker: str | None = None) -> list[Quote]:
    """The turns of a transcript. With `speaker`, unlabelled text is that speaker's; labels still win."""
    text = article.text
    labels = list(LABEL.finditer(text))
    out: list[Quote] = []
    if labels:
        if speaker and labels[0].start() > 0 and text[: labels[0].start()].strip():
            out += [_quote(article, m.start(), m.end(), speaker, None) for m in PARAGRAPH.finditer(text[: labels[0].start()])]
        for i, m in enumerate(labels):
            end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
            if text[m.end():end].strip():
                out.append(_quote(article, m.end(), end, m.group(1).strip(), m.span(1)))
        return out
    if not speaker:
        raise InputError(f"{article.path}: a transcript needs 'SPEAKER: words' lines or --speaker NAME")
    return [_quote(article, m.start(), m.end(), speaker, None) for m in PARAGRAPH.finditer(text)]
