"""`quotes claims`: the factual claims of several articles, lined up and compared value by value.

`report(articles)` parses each article once (`nlp.pipe`), finds its direct quotes with
`quotes.extract.Extractor`, detects claims outside them (`detect`), aligns claims about the same slot
across articles (`align`), compares their values (`compare`) and links reported speech to the direct
quote it paraphrases (`paraphrase`).
"""
from __future__ import annotations

from collections.abc import Callable, Iterable

from quotes.claims.model import Claim, ClaimsReport, Finding, ParaphraseLink
from quotes.model import Article, Quote

__all__ = ["Claim", "ClaimsReport", "Finding", "ParaphraseLink", "read", "report"]


def read(articles: Iterable[Article], model: str | None = None,
         on_article: Callable[[Article], None] | None = None) -> tuple[list[Article], list[Claim], list[tuple[Quote, object]], list, list]:
    """Every article's claims, its direct quotes with the parsed sentence context of each, and its
    sentences' values and clauses as candidate statements."""
    from quotes import nlp as nlp_loader
    from quotes.claims.context import Context
    from quotes.claims.detect import detect
    from quotes.claims.propositions import props
    from quotes.claims.statements import sentence_stmts
    from quotes.extract import Extractor

    extractor = Extractor(model)
    nlp = nlp_loader.load(model)
    read_ok: list[Article] = []
    claims: list[Claim] = []
    quotes: list[tuple[Quote, object]] = []
    stmts: list = []
    clauses: list = []
    pairs = list(extractor.extract_many(articles))
    docs = nlp_loader.pipe_whole(nlp, (a.text for a, _ in pairs))
    for (article, qs), doc in zip(pairs, docs, strict=True):
        # the writer's own words are claims; words in quote marks are someone else's (a scare-quoted
        # term stays part of the writer's sentence)
        spans = tuple((max(0, q.start_char - 1), q.end_char + 1) for q in qs if q.kind != "scare")
        fragments = tuple((q.start_char - 1, q.end_char + 1) for q in qs if q.kind == "partial")
        ctx = Context(article, doc, spans, fragments)
        claims += detect(ctx)
        quotes += [(q, ctx) for q in qs]
        stmts += sentence_stmts(ctx)
        clauses += props(ctx)
        read_ok.append(article)
        if on_article:
            on_article(article)
    return read_ok, claims, quotes, stmts, clauses


def report(articles: Iterable[Article], model: str | None = None,
           on_article: Callable[[Article], None] | None = None) -> ClaimsReport:
    """Read the articles and compare what they assert."""
    from quotes.claims.compare import findings, ordered
    from quotes.claims.paraphrase import link
    from quotes.claims.propositions import findings as same_statements
    from quotes.claims.statements import findings as statement_findings

    read_ok, claims, quotes, stmts, clauses = read(articles, model, on_article)
    return ClaimsReport(
        articles=tuple(a.path for a in read_ok),
        claims=tuple(claims),
        findings=tuple(ordered(findings(claims) + statement_findings(stmts) + same_statements(clauses))),
        links=tuple(link(claims, quotes)),
    )
