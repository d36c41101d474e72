"""`quotes compare --format json`: a `Comparison` as one JSON document (see docs/discrepancies.md)."""
from __future__ import annotations

import json
from typing import IO, Any

from quotes.compare import NOTHING_TO_COMPARE, severity, summary, variant_severity
from quotes.model import Cluster, Comparison, Quote, Variant


def variant_dict(v: Variant, canonical: Quote) -> dict[str, Any]:
    """A cluster member: the quote's extract row plus its relation to the canonical wording."""
    d = v.quote.to_dict()
    del d["schema_version"]
    d["canonical"] = v.quote.quote_id == canonical.quote_id
    d["relation"] = v.relation
    d["severity"] = variant_severity(v)
    d["score"] = v.score
    d["changes_meaning"] = v.changes_meaning
    d["discrepancies"] = [x.to_dict() for x in v.discrepancies]
    return d


def cluster_dict(c: Cluster) -> dict[str, Any]:
    q = c.canonical
    return {
        "id": c.id,
        "speaker": c.speaker,
        "speakers": list(c.speakers),
        "speaker_conflict": c.speaker_conflict,
        "severity": severity(c),
        "article_count": len(c.articles),
        "articles": list(c.articles),
        "canonical": {"text": q.text, "article": q.article, "start_char": q.start_char, "end_char": q.end_char,
                      "line": q.line, "column": q.column, "quote_id": q.quote_id},
        "members": [variant_dict(v, q) for v in c.members],
    }


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """The whole result: articles, summary counts, and the clusters worst first."""
    out: dict[str, Any] = {"schema_version": 1, "articles": list(comparison.articles), "summary": summary(comparison)}
    if len(comparison.articles) < 2:
        out["note"] = NOTHING_TO_COMPARE
    out["clusters"] = [cluster_dict(c) for c in comparison.clusters]
    return out


def write_json(comparison: Comparison, out: IO[str]) -> None:
    json.dump(comparison_dict(comparison), out, ensure_ascii=False, indent=2)
    out.write("\n")
