"""The package people install: its name, licence, entry points, typing marker and version (no model)."""
from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

import quotes

tomllib = pytest.importorskip("tomllib")  # Python 3.11+

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]


def test_distribution_name_is_not_the_taken_one_and_the_command_stays():
    assert PROJECT["name"] == quotes.DISTRIBUTION and PROJECT["name"] != "quotes"
    assert PROJECT["scripts"] == {"quotes": "quotes.cli:main"}


def test_spdx_licence_with_its_file_and_a_backend_that_reads_it():
    assert PROJECT["license"] == "MIT" and PROJECT["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")
    assert not any(c.startswith("License ::") for c in PROJECT["classifiers"])  # PEP 639: the expression alone
    [setuptools] = [r for r in PYPROJECT["build-system"]["requires"] if r.startswith("setuptools")]
    assert int(setuptools.split(">=")[1].split(".")[0]) >= 77  # the first setuptools with PEP 639 licences


def test_metadata_a_user_sees():
    assert PROJECT["readme"] == "README.md" and PROJECT["description"]
    assert "Typing :: Typed" in PROJECT["classifiers"] and (ROOT / "quotes" / "py.typed").is_file()
    assert PYPROJECT["tool"]["setuptools"]["package-data"]["quotes"] == ["py.typed"]
    assert "version" in PROJECT and "dynamic" not in PROJECT


def test_spacy_entry_point_names_the_factory():
    target = PROJECT["entry-points"]["spacy_factories"]["quote_attribution"]
    module, _, attr = target.partition(":")
    factory = getattr(importlib.import_module(module), attr)
    from spacy.language import Language
    from spacy.util import registry

    assert registry.factories.get(Language.get_factory_name("quote_attribution")) is factory


def test_version_comes_from_the_installed_metadata():
    try:
        installed = version(quotes.DISTRIBUTION)
    except PackageNotFoundError:
        assert quotes.__version__ == "0+unknown"
    else:
        assert quotes.__version__ == installed == PROJECT["version"]
