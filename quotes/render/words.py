"""Counting words in messages: "1 article", "2 articles"."""
from __future__ import annotations


def plural(n: int, word: str, many: str | None = None) -> str:
    """`n` and `word` agreeing in number: plural(1, "article") -> "1 article", plural(0, "quote") -> "0 quotes"."""
    return f"{n:,} {word if n == 1 else (many or word + 's')}"
