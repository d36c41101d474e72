"""quotes: find every quotation in news articles, who said it, and where the wordings disagree."""
from quotes.model import Article, Cluster, Cue, Discrepancy, Finding, Quote, Speaker, Variant

__version__ = "0.1.0"
__all__ = ["Article", "Cluster", "Cue", "Discrepancy", "Finding", "Quote", "Speaker", "Variant", "__version__"]
