"""The extraction entry point: articles in, `Quote`s out (first version: double quotes, no attribution)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from quotes import nlp as nlp_loader
from quotes.model import Article, Quote

_DOUBLE = re.compile(r"[“\"]([^“”\"]+)[”\"]")


class Extractor:
    def __init__(self, model: str | None = None):
        self.model = model
        self.nlp = nlp_loader.load(model)

    def extract(self, article: Article) -> list[Quote]:
        out = []
        for m in _DOUBLE.finditer(article.text):
            s, e = m.span(1)
            line, col = article.line_col(s)
            out.append(Quote(article=article.path, article_id=article.id, text=article.text[s:e], start_char=s,
                             end_char=e, line=line, column=col, kind="speech"))
        return out

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Quote]]]:
        for a in articles:
            yield a, self.extract(a)
