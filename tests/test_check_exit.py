"""`quotes check` exit codes: 1 only for failing findings, 2 for bad input, 70 for a crash (no model)."""
from __future__ import annotations

import json
import signal
import sys

import pytest
from typer.testing import CliRunner

from quotes.cli import app

runner = CliRunner()


def test_a_bad_transcript_date_is_a_usage_error(tmp_path):
    t = tmp_path / "debate.txt"
    t.write_text("REYES: We will hire drivers.\n", encoding="utf-8")
    for value in ("last week", "other.txt=2016-01-01"):
        r = runner.invoke(app, ["check", "new.txt", "-t", str(t), "--transcript-date", value])
        assert r.exit_code == 2 and "--transcript-date" in r.stderr and "Traceback" not in r.output


def test_the_transcript_date_reaches_the_library(monkeypatch):
    seen = {}

    def run_check(paths, against, transcripts, speaker, fail_on, model=None, against_quotes=(), transcript_dates=()):
        from quotes.check import CheckResult

        seen["dates"] = list(transcript_dates)
        return CheckResult(("new.txt",), (), (), 3, fail_on)

    monkeypatch.setattr("quotes.check.run_check", run_check)
    r = runner.invoke(app, ["check", "new.txt", "-t", "t.txt", "--transcript-date", "t.txt=2016-01-17",
                            "--format", "json"])
    assert r.exit_code == 0 and r.exception is None, r.output
    assert seen["dates"] == ["t.txt=2016-01-17"] and json.loads(r.stdout)["failing"] == 0


def test_a_crash_in_check_is_exit_70_never_1(monkeypatch, capsys):
    from quotes.cli import main

    def broken(*args, **kwargs):
        raise RuntimeError("alignment broke")

    monkeypatch.setattr("quotes.check.run_check", broken)
    monkeypatch.setattr(signal, "signal", lambda *a: None)
    monkeypatch.setattr(sys, "argv", ["quotes", "check", "new.txt", "-t", "t.txt"])
    monkeypatch.delenv("QUOTES_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 70
    assert "internal error (RuntimeError: alignment broke)" in capsys.readouterr().err
