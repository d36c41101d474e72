"""Fixtures shared by the test modules: the extractor with the English model, loaded once per session."""
import pytest


@pytest.fixture(scope="session")
def extractor():
    from quotes.extract import Extractor

    return Extractor()
