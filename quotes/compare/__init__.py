"""The comparison core: which quotes render the same utterance across articles, and how they differ.

The entry point is `compare(quotes, articles)` (in `clusters`). The modules, each with one job:

- `textkeys`: comparison keys for words (NFC, uncurled, casefolded, spelling and contraction folds);
- `speakers`: speaker identity across articles (name keys, the same person under different names);
- `align`: the candidate index (`QuoteIndex`) and the link rule between two quotes;
- `diff`: the word-level relation of a variant to the canonical wording, and its discrepancy types;
- `clusters`: linking, clustering, canonical wording, severity, summary and selection.
"""
from __future__ import annotations

from quotes.compare.align import QuoteIndex
from quotes.compare.clusters import (
    NOTHING_TO_COMPARE,
    SEVERITIES,
    UnionFind,
    compare,
    link,
    select,
    severity,
    summary,
    variant_severity,
)
from quotes.compare.diff import relate

__all__ = [
    "NOTHING_TO_COMPARE", "SEVERITIES", "QuoteIndex", "UnionFind", "compare", "link", "relate", "select",
    "severity", "summary", "variant_severity",
]
