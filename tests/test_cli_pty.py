"""Where output goes when a real terminal is attached (a pseudo-terminal: CliRunner has no tty).

A progress bar on stderr must never swallow the rows a user sends to a file, nor share a line with a table.
"""
from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")

pytestmark = [pytest.mark.model, pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")]


def _run(args: list[str], stdout_file: Path | None) -> tuple[int, str]:
    """Run `quotes ARGS` with stderr (and stdout, unless a file is given) on a pseudo-terminal."""
    primary, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "LINES": "40", "TERM": "xterm-256color"}
    env.pop("NO_COLOR", None)
    out = open(stdout_file, "w") if stdout_file else secondary
    try:
        proc = subprocess.Popen([sys.executable, "-m", "quotes", *args], stdin=secondary, stdout=out,
                                stderr=secondary, cwd=ROOT, env=env, close_fds=True)
    finally:
        os.close(secondary)
        if stdout_file:
            out.close()
    chunks = []
    while True:
        ready, _, _ = select.select([primary], [], [], 120)
        if not ready:
            proc.kill()
            break
        try:
            data = os.read(primary, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(primary)
    return proc.wait(timeout=120), b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize("extra", [[], ["--jobs", "2"]])
def test_rows_land_in_the_redirect_with_a_terminal_on_stderr(tmp_path, extra):
    target = tmp_path / "out.jsonl"
    rc, screen = _run(["extract", "-f", "jsonl", *extra, "seeds/"], target)
    assert rc == 0
    rows = [json.loads(line) for line in target.read_text().splitlines()]
    assert len(rows) >= 20 and {Path(r["article"]).parent.name for r in rows} == {"seeds"}
    assert '"schema_version"' not in screen  # no row went to the terminal


def test_default_format_in_a_redirect_is_jsonl(tmp_path):
    target = tmp_path / "out"
    rc, _ = _run(["extract", "seeds/"], target)
    assert rc == 0
    assert all(json.loads(line)["schema_version"] == 1 for line in target.read_text().splitlines())


def test_a_table_never_shares_a_line_with_the_progress_bar():
    rc, screen = _run(["extract", "seeds/"], None)
    assert rc == 0
    plain = ANSI.sub("", screen).replace("\r\n", "\n")
    top = plain.index("┏")
    assert top == 0 or plain[top - 1] in "\n\r", repr(plain[max(0, top - 40):top + 5])
    assert "│ 001_47eab0ed3e38093" in plain  # the table itself reached the terminal


@pytest.mark.parametrize("args, marker", [
    (["compare", "-f", "json", "seeds/"], '"clusters"'),
    (["claims", "-f", "json", "seeds/"], '"schema_version"'),
    (["add", "seeds/", "--db", "{tmp}/q.db"], "added 5 articles"),
])
def test_every_command_with_a_progress_bar_sends_results_to_the_redirect(tmp_path, args, marker):
    target = tmp_path / "out"
    rc, screen = _run([a.replace("{tmp}", str(tmp_path)) for a in args], target)
    assert rc == 0, screen
    assert marker in target.read_text() and marker not in screen


def test_a_reader_that_closes_the_pipe_early_is_not_a_failure():
    """`quotes extract ... | head -c 10`: exit 141 (as the shell reports a tool stopped by SIGPIPE), never 1
    (findings), and nothing on stderr."""
    proc = subprocess.Popen([sys.executable, "-m", "quotes", "extract", "-q", "-f", "json", *["seeds/"] * 8],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    assert proc.stdout.read(10) == b'{\n  "schem'
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141 and err == ""
