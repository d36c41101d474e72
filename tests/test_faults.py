"""Faults are clean errors (one line on stderr, exit 2) and `-o` never destroys what is not a regular file:
a full disk, an out-of-range --limit, control characters in JUnit output, stdin with no end, NUL bytes
late in a file, a mostly-UTF-8 file with a bad byte; FIFOs and symbolic links given to -o."""
from __future__ import annotations

import errno
import logging
import os
import threading

import pytest
from typer.testing import CliRunner

from quotes import ingest
from quotes.cli import app
from quotes.decoding import decode
from quotes.errors import InputError

ARTICLE = "Ann Lee spoke on Tuesday.\n\n“We will build the bridge next year,” Ann Lee said.\n"


@pytest.fixture()
def runner():
    return CliRunner()


@pytest.fixture()
def article(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def errors_of(res) -> list[str]:
    return [line for line in res.stderr.splitlines() if line.strip()]


# ---- no model needed ---------------------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["search", "bridge", "-n", "99999999999999999999"],
    ["lookup", "Ann Lee", "-n", "99999999999999999999"],
    ["lookup", "Ann Lee", "--offset", "99999999999999999999"],
])
def test_a_limit_past_sqlites_integers_is_a_usage_error(runner, tmp_path, args):
    from quotes.store import Store

    with Store(tmp_path / "q.db"):  # an empty store: the limit reaches the query
        pass
    res = runner.invoke(app, [*args, "--db", str(tmp_path / "q.db")])
    assert res.exit_code == 2
    assert "internal error" not in res.output and len(errors_of(res)) == 1


def test_a_nul_byte_anywhere_makes_a_file_binary():
    with pytest.raises(InputError, match="binary"):
        decode(b"plain words " * 2000 + b"\0 more words", "late-nul.txt")
    assert decode(b"plain words " * 2000, "no-nul.txt").startswith("plain words")


def test_mostly_utf8_with_a_bad_byte_is_read_with_it_replaced_and_a_warning(caplog):
    data = "Café “open” and naïve words. ".encode() * 20 + b"\xff" + b" the end."
    with caplog.at_level(logging.WARNING, logger="quotes"):
        text = decode(data, "damaged.txt")
    assert text.count("\ufffd") == 1 and text.startswith("Café “open”") and text.endswith("the end.")
    assert any("damaged.txt" in r.getMessage() and "U+FFFD" in r.getMessage() for r in caplog.records)


def test_a_windows_1252_file_is_still_read_as_windows_1252(caplog):
    with caplog.at_level(logging.WARNING, logger="quotes"):
        assert decode("Café “open”, said Zoë.".encode("cp1252"), "w.txt") == "Café “open”, said Zoë."
    assert not caplog.records


class Endless:
    """stdin with no end (`< /dev/zero`): any read returns as much as asked."""

    def __init__(self):
        self.asked: list[int] = []

    def read(self, n: int = -1) -> bytes:
        assert n > 0, "an unbounded read of an endless stream"
        self.asked.append(n)
        return b"a" * n


def test_stdin_with_no_end_stops_at_the_article_limit():
    stream = Endless()
    [got] = list(ingest.read(["-"], stdin=stream))
    assert isinstance(got, ingest.Problem) and "20 MB" in got.message and "--max-article-mb" in got.message
    assert stream.asked == [ingest.LIMITS.max_bytes + 1]


def test_the_article_limit_applies_to_files_and_jsonl_lines(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest.LIMITS, "max_article_mb", 0.001)  # 1,048 bytes
    big = tmp_path / "big.txt"
    big.write_text("word " * 400, encoding="utf-8")
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"text": "' + "word " * 400 + '"}\n{"text": "a short one."}\n', encoding="utf-8")
    got = list(ingest.read([str(big), str(rows)]))
    assert [type(g).__name__ for g in got] == ["Problem", "Problem", "Article"]
    assert got[1].path.endswith("rows.jsonl:1") and got[2].text == "a short one."


def test_the_article_limit_is_an_option(runner, tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("“Yes,” he said. " * 200, encoding="utf-8")
    res = runner.invoke(app, ["--max-article-mb", "0.001", "extract", "--format", "jsonl", str(big)])
    assert res.exit_code == 2
    assert "larger than the limit of 0.001 MB" in res.stderr and "internal error" not in res.output


# ---- with the model ------------------------------------------------------------------------------

class FullDisk:
    """A file on a full disk (as /dev/full is): every write fails with ENOSPC. (The test never writes to
    /dev/full itself: run as root against a tool that replaces what it writes, that would replace the device.)"""

    def __init__(self, *args, **kwargs):
        pass

    def write(self, s: str) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass


@pytest.mark.model
def test_a_full_disk_is_one_line_and_exit_2(runner, article, tmp_path, monkeypatch):
    from quotes.cli import common

    monkeypatch.setattr(common, "open", FullDisk, raising=False)
    out = tmp_path / "rows.jsonl"
    res = runner.invoke(app, ["extract", "--format", "jsonl", str(article), "-o", str(out)])
    assert res.exit_code == 2
    assert errors_of(res) == ["quotes: cannot write the output: No space left on device"]
    assert not out.exists() and not list(tmp_path.glob(".*.part"))


@pytest.mark.model
def test_junit_output_of_a_quote_with_control_characters_is_valid_xml(runner, tmp_path):
    import xml.dom.minidom

    new, old = tmp_path / "new.txt", tmp_path / "old.txt"
    new.write_text("Ann Lee spoke.\n\n“We will build the bridge\x01\x1b]0;title\x07 next year,” Ann Lee said.\n")
    old.write_text("Ann Lee spoke.\n\n“We will build the road next year,” Ann Lee said.\n")
    res = runner.invoke(app, ["check", str(new), "--against", str(old), "--format", "junit"])
    assert res.exit_code in (0, 1), res.output
    doc = xml.dom.minidom.parseString(res.stdout.encode("utf-8"))
    assert doc.getElementsByTagName("testcase")
    assert "\x1b" not in res.stdout and "\\x1b" in res.stdout


@pytest.mark.model
def test_output_to_a_symlink_writes_its_target(runner, article, tmp_path):
    target, link = tmp_path / "rows.jsonl", tmp_path / "link.jsonl"
    link.symlink_to(target.name)
    res = runner.invoke(app, ["extract", "--format", "jsonl", str(article), "-o", str(link)])
    assert res.exit_code == 0, res.output
    assert link.is_symlink() and os.readlink(link) == target.name
    assert "We will build the bridge" in target.read_text(encoding="utf-8")


@pytest.mark.model
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_output_to_a_fifo_is_written_through(runner, article, tmp_path):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    res = runner.invoke(app, ["extract", "--format", "jsonl", str(article), "-o", str(fifo)])
    reader.join(timeout=20)
    assert res.exit_code == 0, res.output
    assert got and b"We will build the bridge" in got[0]
    assert fifo.is_fifo() and not list(tmp_path.glob(".*.part"))
