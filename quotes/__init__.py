"""quotes: find every quotation in news articles, who said it, and where the wordings disagree."""
from importlib.metadata import PackageNotFoundError, version

from quotes.model import Article, Cluster, Cue, Discrepancy, Finding, Quote, Speaker, Variant

DISTRIBUTION = "quotes-attribution"  # the name on PyPI (`quotes` there is an unrelated package)

try:
    __version__ = version(DISTRIBUTION)  # one source of truth: pyproject.toml, through the installed metadata
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["Article", "Cluster", "Cue", "Discrepancy", "Finding", "Quote", "Speaker", "Variant", "__version__"]
