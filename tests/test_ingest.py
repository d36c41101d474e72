"""Reading inputs: encodings, formats, folders, and bad input (no model needed)."""
from __future__ import annotations

import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes import ingest
from quotes.ingest import Problem
from quotes.model import Article


def read_one(tmp_path, name: str, data: bytes):
    f = tmp_path / name
    f.write_bytes(data)
    return list(ingest.read([str(f)]))


@pytest.mark.parametrize(
    "data, expected",
    [
        ("He said “hello” to me.".encode(), "He said “hello” to me."),
        (b"\xef\xbb\xbf" + "“BOM” kept out".encode(), "“BOM” kept out"),
        (b"\x93Windows\x94 quotes and Kim\x92s", "“Windows” quotes and Kim’s"),
        (b"caf\xe9 \x96 dash", "café – dash"),
        (b"line one\r\nline two", "line one\r\nline two"),
    ],
)
def test_decoding_keeps_the_text(tmp_path, data, expected):
    (art,) = read_one(tmp_path, "a.txt", data)
    assert isinstance(art, Article)
    assert art.text == expected


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("bin.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("bad.txt", b"ok " + bytes(range(0x80, 0x100)) + b" bytes", "undecodable bytes"),
        ("notext.json", b'{"title": "no text here"}', "without a string field 'text'"),
        ("broken.json", b'{"text": ', "not valid JSON"),
        ("emptytext.jsonl", b'{"text": "  "}\n', "empty 'text'"),
    ],
)
def test_bad_input_is_a_problem_naming_the_file(tmp_path, name, data, message):
    (item,) = read_one(tmp_path, name, data)
    assert isinstance(item, Problem)
    assert message in item.message
    assert str(item).startswith(str(tmp_path / name))


def test_missing_path_and_empty_folder(tmp_path):
    (missing,) = list(ingest.read([str(tmp_path / "nope.txt")]))
    assert isinstance(missing, Problem) and "no such file" in missing.message
    (tmp_path / "empty").mkdir()
    (empty,) = list(ingest.read([str(tmp_path / "empty")]))
    assert isinstance(empty, Problem) and "no articles" in empty.message


def test_folder_is_read_recursively_in_a_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two", encoding="utf-8")
    (tmp_path / "1.md").write_text("one", encoding="utf-8")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "3.txt").write_text("hidden", encoding="utf-8")
    texts = [a.text for a in ingest.read([str(tmp_path)])]
    assert texts == ["one", "two"]


def test_jsonl_rows_carry_their_fields_and_bad_rows_are_reported(tmp_path):
    rows = [
        {"id": "a1", "text": "First “quote” here.", "url": "https://example.org/a", "title": "A", "source": "Ex",
         "date": "2025-10-29"},
        {"title": "missing text"},
        {"text": "Second."},
    ]
    f = tmp_path / "in.jsonl"
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")
    got = list(ingest.read([str(f)]))
    assert [type(x).__name__ for x in got] == ["Article", "Problem", "Article", "Problem"]
    first = got[0]
    assert (first.external_id, first.url, first.title, first.source, first.date) == (
        "a1", "https://example.org/a", "A", "Ex", "2025-10-29")
    assert first.path == f"{f}:1" and got[2].path == f"{f}:3"
    assert got[1].path == f"{f}:2" and got[3].path == f"{f}:4"


def test_json_list_and_single_object(tmp_path):
    f = tmp_path / "list.json"
    f.write_text(json.dumps([{"text": "one"}, {"text": "two"}]), encoding="utf-8")
    assert [a.path for a in ingest.read([str(f)])] == [f"{f}#1", f"{f}#2"]
    g = tmp_path / "one.json"
    g.write_text(json.dumps({"text": "solo", "id": 7}), encoding="utf-8")
    (a,) = ingest.read([str(g)])
    assert a.path == str(g) and a.external_id == "7"


def test_html_goes_through_trafilatura_and_keeps_the_headline(tmp_path):
    body = "".join(f"<p>Paragraph {i} of the story, in which nothing much happens at all.</p>" for i in range(6))
    html = (f"<html><head><title>Talks stall</title></head><body><article><h1>Talks stall</h1>"
            f"<p>“We are still here,” the minister said on Tuesday in the capital.</p>{body}</article></body></html>")
    (art,) = read_one(tmp_path, "page.html", html.encode("utf-8"))
    assert isinstance(art, Article)
    assert "“We are still here,” the minister said" in art.text
    assert art.text.startswith("Talks stall")


def test_stdin():
    (art,) = list(ingest.read(["-"], stdin=io.BytesIO("“Hi,” she said.".encode())))
    assert art.path == "-" and art.text == "“Hi,” she said."


@given(st.binary(max_size=300))
def test_any_bytes_give_an_article_or_a_problem(data):
    items = list(ingest.read_bytes(data, "x.txt", ".txt"))
    assert len(items) == 1
    assert isinstance(items[0], (Article, Problem))


@given(st.text(max_size=200))
def test_utf8_text_round_trips_unchanged(text):
    """UTF-8 text comes back as it was, unless ftfy judges it mojibake (then it is repaired)."""
    from ftfy.badness import is_bad

    items = list(ingest.read_bytes(text.encode("utf-8"), "x.txt", ".txt"))
    if text.strip() and "\0" not in text and not is_bad(text):
        assert isinstance(items[0], Article) and items[0].text == text.removeprefix("\ufeff")


@pytest.mark.parametrize("text, offset, expected", [
    ("abc", 0, (1, 1)), ("abc", 2, (1, 3)), ("a\nbc", 2, (2, 1)), ("a\nbc\nd", 6, (3, 2)),
])
def test_line_col(text, offset, expected):
    assert Article("x", text).line_col(offset) == expected


def test_a_broken_link_in_a_folder_is_reported_and_the_rest_read(tmp_path):
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    items = list(ingest.read([str(tmp_path)]))
    assert [a.text for a in items if isinstance(a, Article)] == ["one"]
    [problem] = [p for p in items if isinstance(p, Problem)]
    assert problem.path.endswith("gone.txt") and "does not exist" in problem.message
