"""Quote extraction: quote-mark pairing (pure text), attribution, speaker resolution."""
from quotes.extract.pipeline import Extractor

__all__ = ["Extractor"]
