"""Hand-built quotes, variants and results for the `quotes check` tests (no model, no alignment)."""
from __future__ import annotations

from quotes.check import CheckResult, Match, Recorded
from quotes.check.judge import AGREE
from quotes.model import Discrepancy, Finding, Quote, Speaker, Variant


def quote(text: str, speaker: str | None = None, article: str = "new.txt", start: int = 10, line: int = 3,
          column: int = 5, kind: str = "speech") -> Quote:
    spk = Speaker(speaker, speaker, 0, len(speaker), "name") if speaker else None
    return Quote(article=article, article_id=f"id-{article}", text=text, start_char=start,
                 end_char=start + len(text), line=line, column=column, kind=kind, speaker=spk)


def disc(type_: str, canonical: str, variant: str, flags: tuple[str, ...] = (), at: int = 10) -> Discrepancy:
    return Discrepancy(type_, canonical, variant, at, at + len(canonical), at, at + len(variant), flags)


def match(relation: str, flags: tuple[str, ...] = (), transcript: bool = False, speaker: str | None = None,
          new_speaker: str | None = None, text: str = "recorded words", source: str = "old.txt",
          score: float = 100.0) -> Match:
    """A recorded quote related to a new one: `flags` mark a meaning change in a substituted word."""
    from quotes.check.judge import same_speaker

    rec = Recorded(quote(text, speaker, article=source), source, transcript)
    discs = (disc("substituted", "haven’t", "have", flags),) if relation == "edited" else ()
    v = Variant(quote("new words", new_speaker), relation, discs, score)
    meaning = bool(flags) and relation == "edited"
    return Match(rec, v, relation in AGREE and not meaning, meaning, same_speaker(v.quote, rec.quote), discs)


def result(findings: list[Finding], checked: list[Quote], fail_on=frozenset({"misquote", "misattribution"})) -> CheckResult:
    return CheckResult(("new.txt",), tuple(checked), tuple(findings), 12, frozenset(fail_on))
