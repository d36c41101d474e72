"""The HTML report in a real headless browser (Debian's chromium, driven with subprocess only).

Chromium parses the page and prints the DOM it built (`--dump-dom`); the diff marks must be elements
there, and user text that looks like HTML must have stayed text. `.ci/run` installs chromium; without
it these tests are skipped.
"""
from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from report_fixture import MARKUP, collect, markup_comparison, seeds_comparison

from quotes.render.report import render_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def browser(tmp_path, comparison, *args: str) -> subprocess.CompletedProcess:
    page = tmp_path / "report.html"
    out = io.StringIO()
    render_report(comparison, "html", out)
    page.write_text(out.getvalue(), encoding="utf-8")
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args, page.as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)


def test_browser_finds_the_diff_marks(tmp_path):
    dom = browser(tmp_path, seeds_comparison(), "--dump-dom").stdout
    seen = collect(dom)
    deleted = [t for tags, t in seen.runs if "del" in tags]
    inserted = [t for tags, t in seen.runs if "ins" in tags]
    assert "mentioned" in deleted and "just" in deleted and "going over there" in deleted
    assert "said" in inserted and "official" in inserted and "coming" in inserted
    assert "fond memories" in [t for tags, t in seen.runs if "mark" in tags]
    assert "Kim Jong Un" in "".join(seen.text)


def test_browser_keeps_user_text_as_text(tmp_path):
    dom = browser(tmp_path, markup_comparison(), "--dump-dom").stdout
    seen = collect(dom)
    text = "".join(seen.text)
    assert MARKUP in text and "[red]Bob[/red] <script>" in text and "& <soon> | *now*" in text
    assert "script" not in seen.tags and "soon" not in seen.tags and "b" not in seen.tags
    assert [t for tags, t in seen.runs if "del" in tags][1:] == ["[b]this[/b]"]  # after the legend's sample


def test_browser_screenshot(tmp_path):
    browser(tmp_path, seeds_comparison(), "--hide-scrollbars", "--window-size=1000,1400",
            f"--screenshot={tmp_path / 'shot.png'}")
    png = (tmp_path / "shot.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
