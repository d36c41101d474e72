"""End to end on the seed articles: extract, store, look up, search (needs the spaCy model)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app

pytestmark = pytest.mark.model
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    db = tmp_path_factory.mktemp("store") / "q.db"
    runner = CliRunner()
    r = runner.invoke(app, ["add", str(SEEDS), "--db", str(db)])
    assert r.exit_code == 0, r.output
    return runner, db


def run(seeded, *args):
    runner, db = seeded
    r = runner.invoke(app, [*args, "--db", str(db), "--format", "json"])
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_lookup_trump(seeded):
    assert run(seeded, "lookup", "Trump")["count"] >= 12


def test_lookup_kim_jong_un_is_not_kim_yo_jong(seeded):
    doc = run(seeded, "lookup", "Kim Jong-un")
    texts = [w["text"] for u in doc["utterances"] for w in u["wordings"]]
    assert "fond memories" in texts
    assert not any("mockery" in t for t in texts)


def test_search_finds_fragment_and_full_statement(seeded):
    texts = [h["text"] for h in run(seeded, "search", "fond memories")["hits"]]
    assert "fond memories" in texts
    assert any(t.startswith("Personally, I still have fond memories") for t in texts)


def test_adding_the_seeds_again_changes_no_count(seeded):
    runner, db = seeded
    before = run(seeded, "speakers")
    r = runner.invoke(app, ["add", str(SEEDS), "--db", str(db)])
    assert r.exit_code == 0 and "added 0 articles" in r.stdout and "5 already stored" in r.stdout
    assert run(seeded, "speakers") == before
