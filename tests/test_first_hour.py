"""What a new user meets in the first hour (issue 16): several --from-quotes files, inputs as they arrive,
exit codes, one set of conventions across commands, and the small ones. No spaCy model needed: extraction is
replaced by a stand-in where a command would extract."""
from __future__ import annotations

import codecs
import json
import logging
import re

import pytest
import typer
from test_store import FakeExtractor, make_article
from typer.testing import CliRunner

from quotes import ingest
from quotes.cli import app
from quotes.ingest import Problem
from quotes.model import Article

QUOTE = "The minister said, \u201cWe will not give up.\u201d It\u2019s over, he said."


@pytest.fixture
def runner():
    return CliRunner(env={"COLUMNS": "100", "NO_COLOR": "1", "QUOTES_DB": None})


@pytest.fixture
def fake_extractor(monkeypatch):
    monkeypatch.setattr("quotes.extract.Extractor", FakeExtractor)


def rows_file(path, articles: dict[str, list[tuple[str, str]]]):
    with path.open("w", encoding="utf-8") as fh:
        for name, said in articles.items():
            for q in make_article(name, said)[1]:
                fh.write(json.dumps(q.to_dict(), ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def parts(tmp_path):
    """Two partitions of a distributed run, as `--from-quotes parts/part-*.jsonl` names them."""
    a = rows_file(tmp_path / "part-1.jsonl", {"a.txt": [("Kim Jong Un", "I have fond memories of him.")],
                                              "b.txt": [("Kim Jong-un", "fond memories")]})
    b = rows_file(tmp_path / "part-2.jsonl", {"c.txt": [("Donald Trump", "I would love to meet him."),
                                                        ("Lee Jae Myung", "We will act.")]})
    return a, b


# ---- 2. --from-quotes takes several files ---------------------------------------------------------------

def test_add_from_quotes_reads_every_file_the_shell_expands(runner, parts, tmp_path):
    db = tmp_path / "q.db"
    r = runner.invoke(app, ["add", "--from-quotes", *map(str, parts), "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert r.stdout == "added 3 articles (0 new versions) with 4 quotes; 0 already stored\n"
    found = json.loads(runner.invoke(app, ["search", "act", "--db", str(db), "-f", "json"]).stdout)
    assert [h["text"] for h in found["hits"]] == ["We will act."]  # a quote, not an "article" made of a row


def test_compare_from_quotes_reads_every_file(runner, parts):
    r = runner.invoke(app, ["compare", "--from-quotes", *map(str, parts), "-f", "json"])
    assert r.exit_code == 0, r.output
    members = {m["article"] for c in json.loads(r.stdout)["clusters"] for m in c["members"]}
    assert members == {"a.txt", "b.txt"}  # the fond memories of part 1; part 2 was read too:
    r = runner.invoke(app, ["compare", "--from-quotes", str(parts[0]), "--from-quotes", str(parts[1]), "-f", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout)["summary"]["quotes"] == 4


def test_a_file_that_is_not_quote_rows_is_named_and_the_rest_stored(runner, parts, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text(QUOTE + "\n", encoding="utf-8")
    r = runner.invoke(app, ["add", "--from-quotes", str(parts[0]), str(article), "--db", str(tmp_path / "q.db")])
    assert r.exit_code == 3, r.output
    assert f"{article}: not quote rows" in r.stderr and "added 2 articles" in r.stdout


def test_quote_rows_given_as_articles_are_refused_not_stored(runner, parts, tmp_path):
    r = runner.invoke(app, ["add", str(parts[1]), "--db", str(tmp_path / "q.db")])
    assert r.exit_code == 2
    assert f"{parts[1]}: quote rows" in r.stderr and "--from-quotes" in r.stderr
    assert r.stderr.count(str(parts[1])) == 1  # once for the file, not once a row
    assert "added 0 articles" in r.stdout


def test_check_takes_from_quotes_and_keeps_against_quotes(monkeypatch):
    seen = []

    def run_check(paths, against, transcripts, speaker, fail_on, model=None, against_quotes=(), transcript_dates=()):
        seen.append(list(against_quotes))
        raise typer.Exit(0)

    monkeypatch.setattr("quotes.check.run_check", run_check)
    for option in ("--from-quotes", "--against-quotes"):
        assert CliRunner().invoke(app, ["check", "new.txt", option, "old.jsonl"]).exit_code == 0
    assert seen == [["old.jsonl"], ["old.jsonl"]]


# ---- 3. inputs as they arrive ---------------------------------------------------------------------------

def read(data: bytes, suffix: str = ".txt"):
    (item,) = ingest.read_bytes(data, "x" + suffix, suffix)
    return item


@pytest.mark.parametrize("encoding, bom", [
    ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
    ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-8", codecs.BOM_UTF8),
])
def test_a_byte_order_mark_decides_the_encoding(encoding, bom):
    item = read(bom + QUOTE.encode(encoding))
    assert isinstance(item, Article) and item.text == QUOTE


@pytest.mark.parametrize("data, expected", [
    # UTF-8 read as Windows-1252 and saved again: repaired, curly quotes kept
    (QUOTE.encode("utf-8").decode("cp1252", errors="ignore").encode("utf-8"), None),
    (QUOTE.encode("utf-8").decode("latin-1").encode("utf-8"), QUOTE),
    # Windows-1252 bytes: curly quotes intact; a Cyrillic code page detected
    (QUOTE.encode("cp1252"), QUOTE),
    ("Le ministre a déclaré : « Nous ne céderons pas », a-t-il ajouté.".encode("cp1252"),
     "Le ministre a déclaré : « Nous ne céderons pas », a-t-il ajouté."),
    ("Министр сказал: «Мы не сдадимся», и ушёл из зала заседаний.".encode("cp1251"),
     "Министр сказал: «Мы не сдадимся», и ушёл из зала заседаний."),
    # text that is right as it is stays as it is
    ("Café “ok” — naïve, São Paulo, Zürich".encode(), "Café “ok” — naïve, São Paulo, Zürich"),
])
def test_text_as_it_arrives(data, expected):
    item = read(data)
    assert isinstance(item, Article)
    if expected is None:  # the closing mark's last byte was lost on the way: the opening one is repaired
        assert item.text.startswith("The minister said, \u201cWe will not give up.") and "â€" not in item.text[:30]
    else:
        assert item.text == expected


def test_mojibake_gives_the_quotes_back():
    from quotes.extract.frames import scan

    broken = QUOTE.encode("utf-8").decode("latin-1").encode("utf-8")
    assert [broken.decode("utf-8")[s.start:s.end] for s in scan(broken.decode("utf-8")).spans] == []
    text = read(broken).text
    assert [text[s.start:s.end] for s in scan(text).spans] == ["We will not give up."]


@pytest.mark.parametrize("body, problem", [
    ("<nav><ul><li><a href='/'>Home</a></li></ul></nav><p>Home</p>", True),
    ("<nav><a href='/'>Home</a> <a href='/a'>About us</a></nav><p>Contact</p>", True),
    ("<article><p>The minister said, “We will not give up on this, ever.” He left.</p></article>", False),
])
def test_a_page_of_navigation_is_reported_not_read_as_an_article(body, problem):
    html = f"<html><head><title>Example News</title></head><body>{body}</body></html>".encode()
    item = read(html, ".html")
    assert isinstance(item, Problem) == problem, item
    if problem:
        assert "no article text in the HTML" in item.message


@pytest.mark.parametrize("date, iso", [
    ("March 3, 2019", "2019-03-03"), ("2019-03-03T10:00:00Z", "2019-03-03"), ("3 March 2019", "2019-03-03"),
    ("Tue, 05 Mar 2019 10:00:00 GMT", "2019-03-05"), ("2020", "2020-01-01"), ("yesterday", None), ("soon", None),
])
def test_json_dates_are_stored_as_iso_dates(date, iso):
    item = read(json.dumps({"text": QUOTE, "date": date}).encode(), ".json")
    assert item.date == iso


def test_html_dates_are_iso_dates():
    html = ("<html><head><title>T</title><meta property='article:published_time' content='March 3, 2019'></head>"
            "<body><article><p>The minister said, “We will not give up on this, ever.” He left.</p></article></body></html>")
    assert read(html.encode(), ".html").date == "2019-03-03"


def test_lookup_since_compares_dates_not_strings(runner, tmp_path, fake_extractor):
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps({"text": f"Jane Doe said: “{w}”\n", "date": d}) + "\n" for w, d in [
        ("We will act.", "March 3, 2019"), ("We acted.", "January 5, 2021")]), encoding="utf-8")
    db = str(tmp_path / "q.db")
    assert runner.invoke(app, ["add", str(news), "--db", db]).exit_code == 0
    quoted = json.loads(runner.invoke(app, ["search", "we", "--db", db, "-f", "json"]).stdout)["hits"]
    assert sorted(h["date"] for h in quoted) == ["2019-03-03", "2021-01-05"]


# ---- 4. exit codes a CI job can trust -------------------------------------------------------------------

def test_a_batch_with_unreadable_inputs_processes_the_rest_and_exits_3(runner, tmp_path, fake_extractor):
    good = tmp_path / "good.txt"
    good.write_text(QUOTE + "\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    missing = tmp_path / "missing.txt"
    r = runner.invoke(app, ["add", str(good), str(tmp_path / "empty.txt"), str(missing), "--db", str(tmp_path / "q.db")])
    assert r.exit_code == 3, r.output
    assert "added 1 article " in r.stdout and "empty file" in r.stderr and "no such file" in r.stderr
    # all readable: 0; nothing readable: 2
    assert runner.invoke(app, ["add", str(good), "--db", str(tmp_path / "q.db")]).exit_code == 0
    assert runner.invoke(app, ["add", str(missing), "--db", str(tmp_path / "q.db")]).exit_code == 2


def test_compare_with_a_missing_quotes_file_compares_the_rest_and_exits_3(runner, parts, tmp_path):
    r = runner.invoke(app, ["compare", "--from-quotes", str(parts[0]), str(tmp_path / "gone.jsonl"), "-f", "json"])
    assert r.exit_code == 3 and "gone.jsonl: no such file" in r.stderr
    assert json.loads(r.stdout)["clusters"]


# ---- 5. one set of conventions ---------------------------------------------------------------------------

def commands():
    return typer.main.get_command(app).commands


@pytest.mark.parametrize("name", ["extract", "compare", "lookup", "search", "speakers", "check", "claims"])
def test_every_command_that_draws_a_table_takes_width_and_no_color(name):
    opts = {o for p in commands()[name].params for o in p.opts}
    assert {"--width", "--no-color", "--format"} <= opts


def test_the_same_default_format_when_piped(runner, parts, tmp_path):
    """Not a terminal: JSON for every command (extract: JSON Lines, its rows stream)."""
    db = str(tmp_path / "q.db")
    runner.invoke(app, ["add", "--from-quotes", *map(str, parts), "--db", db])
    for args in (["compare", "--from-quotes", str(parts[0])], ["lookup", "Kim Jong Un", "--db", db],
                 ["search", "memories", "--db", db], ["speakers", "--db", db]):
        r = runner.invoke(app, args)
        assert r.exit_code == 0 and isinstance(json.loads(r.stdout), dict), args


def test_version(runner):
    from quotes import __version__

    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout == f"quotes {__version__}\n"


@pytest.mark.parametrize("name", ["", "extract", "compare", "add", "lookup", "search", "speakers", "check", "claims"])
def test_help_placeholders_in_one_style(runner, name):
    r = runner.invoke(app, [name, "--help"] if name else ["--help"], prog_name="quotes")
    assert r.exit_code == 0
    assert not re.search(r"[<{]|list\[", r.stdout), r.stdout
    usage = r.stdout.splitlines()[0]
    assert re.fullmatch(r"Usage: quotes( \w+)? \[OPTIONS\]( (\[?[A-Z]+\]?(\.\.\.)?|COMMAND \[ARGS\]\.\.\.))*", usage), usage


def test_command_summaries_are_whole(runner):
    out = runner.invoke(app, ["--help"], env={"COLUMNS": "80"}).stdout
    listed = out[out.index("Commands:"):]
    assert "..." not in listed
    for name, cmd in commands().items():
        assert cmd.short_help and " ".join(cmd.short_help.split()[:3]) in " ".join(listed.split()), name


def test_an_empty_search_says_so(runner, parts, tmp_path):
    db = str(tmp_path / "q.db")
    runner.invoke(app, ["add", "--from-quotes", str(parts[0]), "--db", db])
    r = runner.invoke(app, ["search", "zebra", "--db", db, "-f", "table"])
    assert r.exit_code == 0 and r.stdout == "no stored quote has all of the words 'zebra'\n"


@pytest.mark.parametrize("n, text", [(1, "1 article"), (0, "0 articles"), (2, "2 articles"), (1234, "1,234 articles")])
def test_plurals(n, text):
    from quotes.render.words import plural

    assert plural(n, "article") == text


def test_check_summary_counts_in_the_singular():
    from quotes.check import CheckResult
    from quotes.render.findings import summary

    q = make_article("a.txt", [("Jane Doe", "We will act.")])[1][0]
    s = summary(CheckResult(("a.txt",), (q,), (), 1))
    assert s.startswith("1 quote in 1 article checked against 1 recorded quote:")


# ---- 6. small ones ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("width", [60, 80, 100])
def test_the_compare_summary_never_breaks_a_label(runner, tmp_path, width):
    said = [("Jane Doe", "We will act."), ("John Roe", "Nothing to add today."), ("John Roe", "Nothing to add today.")]
    rows = tmp_path / "q.jsonl"  # one utterance in two articles, one twice in one article; kinds make a long note
    with rows.open("w", encoding="utf-8") as fh:
        for n, (name, words) in enumerate([("a.txt", said), ("b.txt", said[:1])]):
            for k, q in enumerate(make_article(name, words)[1]):
                fh.write(json.dumps({**q.to_dict(), "kind": ("speech", "partial")[(n + k) % 2]}) + "\n")
    r = runner.invoke(app, ["compare", "--from-quotes", str(rows), "-f", "table", "--width", str(width)])
    lines = [line.strip() for line in r.stdout.splitlines()]
    assert "only" not in lines
    assert any(line.startswith("quoted more than once within one article only") for line in lines)


@pytest.mark.parametrize("text, headline", [
    ('The minister said, "We will not give up."\n', False),  # a one-line article: its line is the body
    ('The minister said, "We will not give up."', False),
    ('Minister: "We will not give up"\n\nThe minister spoke on Tuesday.\n', True),  # the first of several lines
])
def test_only_an_article_with_more_lines_has_a_headline(text, headline):
    from quotes.extract.frames import scan

    (guess,) = scan(text).guesses
    assert (guess.reason == "headline") == headline


def test_an_unclosed_mark_is_reported_by_line_and_column(caplog):
    from quotes.extract.marks import find_quotes

    with caplog.at_level(logging.WARNING, logger="quotes"):
        find_quotes("Title\n\nHe said, \u201cwe go\nand more.\n", source="a.txt")
    assert caplog.records[0].getMessage() == "a.txt: quote opened at line 3, column 10 is never closed"
