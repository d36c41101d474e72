"""`quotes add`, `lookup`, `search` and `speakers` through the command line (no spaCy model needed)."""
from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from test_store import FakeExtractor, make_article
from typer.testing import CliRunner

from quotes.cli import app

GOLDEN = Path(__file__).parent / "golden" / "store"
ARTICLES = {
    "a.txt": [("Kim Jong Un", "Personally, I still have fond memories of him."), ("Kim Yo-jong", "It is a mockery.")],
    "b.txt": [("Kim Jong-un", "fond memories"), ("President Trump", "I would love to meet him.")],
    "c.txt": [("Donald Trump", "I would love to meet him!"), ("Lee Jae Myung", "We [the government] will act.")],
}


@pytest.fixture
def runner():
    return CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1", "QUOTES_DB": None})


@pytest.fixture
def db(tmp_path, runner):
    rows = tmp_path / "rows.jsonl"
    with rows.open("w", encoding="utf-8") as fh:
        for path, said in ARTICLES.items():
            for q in make_article(path, said)[1]:
                fh.write(json.dumps(q.to_dict(), ensure_ascii=False) + "\n")
    db = tmp_path / "q.db"
    r = runner.invoke(app, ["add", "--from-quotes", str(rows), "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert r.stdout == "added 3 articles (0 new versions) with 6 quotes; 0 already stored\n"
    return db


def run(runner, db, *args):
    return runner.invoke(app, [*args, "--db", str(db)])


def golden(name: str, text: str) -> None:
    """`text` equals the golden file; a missing one fails (QUOTES_UPDATE_GOLDEN=1 writes it, to review and commit)."""
    path = GOLDEN / name
    if os.environ.get("QUOTES_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing (QUOTES_UPDATE_GOLDEN=1 writes it)"
    assert text == path.read_text(encoding="utf-8")


def test_lookup_groups_variants_and_names_their_articles(runner, db):
    r = run(runner, db, "lookup", "Kim Jong-un", "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["speakers"] == ["Kim Jong Un"] and doc["count"] == 2
    [u] = doc["utterances"]
    assert [(w["text"], w["articles"]) for w in u["wordings"]] == [
        ("Personally, I still have fond memories of him.", ["a.txt"]), ("fond memories", ["b.txt"])]
    assert "mockery" not in r.stdout


def test_lookup_by_any_form_of_a_name(runner, db):
    for name in ("Trump", "Donald Trump", "president trump", "Donald J. Trump"):
        doc = json.loads(run(runner, db, "lookup", name, "-f", "json").stdout)
        assert doc["count"] == 2, name
        # "love to meet him." and "…him!" differ only in punctuation: one utterance, two wordings
        assert [len(u["wordings"]) for u in doc["utterances"]] == [2]


def test_lookup_of_nobody_exits_2_with_suggestions(runner, db):
    r = run(runner, db, "lookup", "Kim Yojong")
    assert r.exit_code == 2 and r.stdout == ""
    assert "no speaker named 'Kim Yojong'" in r.stderr and "did you mean: Kim Yo-jong" in r.stderr


def test_lookup_since(runner, db):
    assert json.loads(run(runner, db, "lookup", "Trump", "--since", "2000-01-01", "-f", "json").stdout)["count"] == 2
    assert json.loads(run(runner, db, "lookup", "Trump", "--since", "2999-01-01", "-f", "json").stdout)["count"] == 0
    r = run(runner, db, "lookup", "Trump", "--since", "yesterday")
    assert r.exit_code == 2 and "not a date" in r.stderr


def test_search_marks_matched_words(runner, db):
    r = run(runner, db, "search", "fond memories", "-f", "jsonl")
    hits = [json.loads(line) for line in r.stdout.splitlines()]
    assert [h["text"] for h in hits] == ["fond memories", "Personally, I still have fond memories of him."]
    assert hits[1]["match"] == [[25, 38]] and hits[1]["marked"] == "Personally, I still have [[fond memories]] of him."
    assert run(runner, db, "search", "memory", "-f", "jsonl").stdout.count("\n") == 2  # stemmed
    assert run(runner, db, "search", "nothing matches this", "-f", "jsonl").stdout == ""


@pytest.mark.parametrize("words", ['"unbalanced', "NEAR(fond memories)", "fond AND", "*", "government]"])
def test_search_words_are_never_query_syntax(runner, db, words):
    r = run(runner, db, "search", words, "-f", "json")
    assert r.exit_code in (0, 2) and (r.exit_code == 0 or r.stderr.startswith("quotes: "))
    assert r.exception is None or isinstance(r.exception, SystemExit)  # no exception escaped the command


def test_table_output_golden(runner, db):
    golden("lookup_kim.txt", run(runner, db, "lookup", "Kim Jong Un", "-f", "table").stdout)
    golden("search_fond.txt", run(runner, db, "search", "fond memories", "-f", "table").stdout)
    golden("speakers.txt", run(runner, db, "speakers", "-f", "table").stdout)


def test_user_text_is_never_markup(runner, db):
    out = run(runner, db, "lookup", "Lee Jae Myung", "-f", "table").stdout
    assert "We [the government] will act." in out


def test_speakers_csv_and_merge_split(runner, db):
    rows = list(csv.DictReader(io.StringIO(run(runner, db, "speakers", "-f", "csv").stdout)))
    assert {r["name"]: int(r["quotes"]) for r in rows} == {
        "Kim Jong Un": 2, "Donald Trump": 2, "Kim Yo-jong": 1, "Lee Jae Myung": 1}
    assert {r["name"]: r["sources"] for r in rows}["Donald Trump"] == "b.txt; c.txt"
    r = run(runner, db, "speakers", "--merge", "Kim Jong Un", "Kim Yo-jong", "-f", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["speakers"][0]["quotes"] == 3
    r = run(runner, db, "speakers", "--split", "Kim Yo-jong", "-f", "json")
    assert json.loads(r.stdout)["speakers"][0]["name"] == "Kim Yo-jong"
    assert json.loads(run(runner, db, "lookup", "Kim Jong Un", "-f", "json").stdout)["count"] == 2
    assert run(runner, db, "speakers", "--merge", "Kim Jong Un").exit_code == 2
    assert run(runner, db, "speakers", "--merge", "Kim Jong Un", "Nobody Here").exit_code == 2


def test_readding_changes_no_count(runner, db, tmp_path):
    before = run(runner, db, "speakers", "-f", "json").stdout
    rows = next(tmp_path.glob("rows.jsonl"))
    r = run(runner, db, "add", "--from-quotes", str(rows))
    assert r.stdout == "added 0 articles (0 new versions) with 0 quotes; 3 already stored\n"
    assert run(runner, db, "speakers", "-f", "json").stdout == before


def test_transcript_is_stored_as_the_record(runner, db, tmp_path):
    t = tmp_path / "press.txt"
    t.write_text("We had a great meeting.\n\nThe talks will go on.\n", encoding="utf-8")
    r = run(runner, db, "add", "--transcript", str(t), "--speaker", "Donald Trump")
    assert r.exit_code == 0, r.output
    doc = json.loads(run(runner, db, "lookup", "Trump", "-f", "json").stdout)
    marked = [w["text"] for u in doc["utterances"] for w in u["wordings"] if w["transcript"]]
    assert marked == ["We had a great meeting.", "The talks will go on."]


@pytest.mark.parametrize("content, message", [
    (b"plain notes\n" * 100, "not a quotes store"),
    (None, "no quotes store here"),
])
def test_bad_store_files_exit_2(runner, tmp_path, content, message):
    p = tmp_path / "x.db"
    if content is not None:
        p.write_bytes(content)
    r = runner.invoke(app, ["lookup", "Trump", "--db", str(p)])
    assert r.exit_code == 2 and message in r.stderr and isinstance(r.exception, SystemExit)


def test_add_usage_errors(runner, tmp_path):
    db = str(tmp_path / "q.db")
    assert runner.invoke(app, ["add", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["add", "--speaker", "X", str(tmp_path), "--db", db]).exit_code == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "no article"}\nnot json\n', encoding="utf-8")
    r = runner.invoke(app, ["add", "--from-quotes", str(bad), "--db", db])
    assert r.exit_code == 2 and "bad.jsonl: not quote rows" in r.stderr and "line 1: missing field 'article'" in r.stderr


def test_lookup_csv_and_jsonl_have_a_row_per_quote(runner, db):
    rows = list(csv.DictReader(io.StringIO(run(runner, db, "lookup", "Trump", "-f", "csv").stdout)))
    assert [(r["utterance"], r["wording"], r["source"]) for r in rows] == [
        ("1", "canonical", "c.txt"), ("1", "variant", "b.txt")]
    lines = run(runner, db, "lookup", "Trump", "-f", "jsonl").stdout.splitlines()
    assert [json.loads(line)["speaker_identity"] for line in lines] == ["Donald Trump", "Donald Trump"]


def test_store_from_environment_and_default_folder(tmp_path, monkeypatch):
    art = tmp_path / "story.txt"
    art.write_text("x", encoding="utf-8")
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join(json.dumps(q.to_dict()) for q in make_article(
        str(art), [("Kim Yo-jong", "A mockery.")])[1]) + "\n", encoding="utf-8")
    env_db = tmp_path / "env.db"
    r = CliRunner(env={"QUOTES_DB": str(env_db)}).invoke(app, ["add", "--from-quotes", str(rows)])
    assert r.exit_code == 0 and env_db.exists()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("QUOTES_DB", raising=False)
    r = CliRunner(env={"QUOTES_DB": None}).invoke(app, ["add", "--from-quotes", str(rows)])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "data" / "quotes" / "quotes.db").exists()


def test_a_changed_file_is_a_new_version(runner, tmp_path, monkeypatch):
    monkeypatch.setattr("quotes.extract.Extractor", FakeExtractor)
    story, db = tmp_path / "story.txt", str(tmp_path / "q.db")
    story.write_text("He said “we will act”.\n", encoding="utf-8")
    assert "added 1 article (0 new versions) with 1 quote;" in runner.invoke(app, ["add", str(story), "--db", db]).stdout
    assert "1 already stored" in runner.invoke(app, ["add", str(story), "--db", db]).stdout
    story.write_text("He said “we will act soon”.\n", encoding="utf-8")
    assert "added 1 article (1 new version)" in runner.invoke(app, ["add", str(story), "--db", db]).stdout
    hits = json.loads(runner.invoke(app, ["search", "act", "--db", db, "-f", "json"]).stdout)["hits"]
    assert sorted(h["text"] for h in hits) == ["we will act", "we will act soon"]


def test_lookup_limit_says_what_it_left_out(runner, tmp_path):
    rows = tmp_path / "lee.jsonl"
    said = ["We will build the bridge.", "Taxes stay where they are.", "The budget is balanced."]
    with rows.open("w", encoding="utf-8") as fh:
        for i, words in enumerate(said):
            for q in make_article(f"lee{i}.txt", [("Ann Lee", words)])[1]:
                fh.write(json.dumps(q.to_dict(), ensure_ascii=False) + "\n")
    db = tmp_path / "lee.db"
    assert runner.invoke(app, ["add", "--from-quotes", str(rows), "--db", str(db)]).exit_code == 0
    doc = json.loads(run(runner, db, "lookup", "Ann Lee", "--limit", "2", "-f", "json").stdout)
    assert len(doc["utterances"]) == 2 and doc["count"] == 2 and doc["omitted_utterances"] == 1
    assert json.loads(run(runner, db, "lookup", "Ann Lee", "-f", "json").stdout)["omitted_utterances"] == 0
    table = " ".join(run(runner, db, "lookup", "Ann Lee", "-n", "1", "-f", "table").stdout.split())
    assert table.startswith("Ann Lee: 1 quote, 1 utterance (the latest 1 of 3: raise --limit to see more)")
    assert run(runner, db, "lookup", "Ann Lee", "--limit", "0").exit_code == 2
    paged = " ".join(run(runner, db, "lookup", "Ann Lee", "-n", "2", "--offset", "1", "-f", "table").stdout.split())
    assert "2 utterances (the 2–3 most recent of 3: change --offset or --limit to see others)" in paged
    doc = json.loads(run(runner, db, "lookup", "Ann Lee", "--offset", "3", "-f", "json").stdout)
    assert doc["utterances"] == [] and doc["offset"] == 3 and doc["omitted_utterances"] == 3
    assert "(none: --offset 3 skips all 3)" in " ".join(
        run(runner, db, "lookup", "Ann Lee", "--offset", "3", "-f", "table").stdout.split())
    assert run(runner, db, "lookup", "Ann Lee", "--offset", "-1").exit_code == 2


@pytest.mark.parametrize("mention,resolution", [("she", "unresolved"), ("a spokesman", "unresolved")])
def test_an_unresolved_mention_is_never_a_speaker(runner, tmp_path, mention, resolution):
    """A quote whose mention reached no name is stored, but `speakers` and `lookup` list names only."""
    article, quotes = make_article("d.txt", [("Ana Ruiz", "The port will reopen in May."),
                                             ("Ana Ruiz", "The cranes are too old to use.")])
    rows = tmp_path / "rows.jsonl"
    with rows.open("w", encoding="utf-8") as fh:
        for k, q in enumerate(quotes):
            row = q.to_dict()
            if k == 1:
                row["speaker"] = {**row["speaker"], "name": None, "mention": mention, "resolution": resolution}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    db = tmp_path / "u.db"
    assert runner.invoke(app, ["add", "--from-quotes", str(rows), "--db", str(db)]).exit_code == 0
    names = [s["name"] for s in json.loads(run(runner, db, "speakers", "-f", "json").stdout)["speakers"]]
    assert names == ["Ana Ruiz"]
    assert json.loads(run(runner, db, "lookup", "Ana Ruiz", "-f", "json").stdout)["count"] == 1
    assert run(runner, db, "lookup", mention).exit_code == 2
    found = json.loads(run(runner, db, "search", "cranes", "-f", "json").stdout)
    assert "cranes" in json.dumps(found)  # the quote itself is kept
