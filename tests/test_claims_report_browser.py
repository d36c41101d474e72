"""The claims HTML report in headless Chromium: each value is a <mark> inside its sentence, and user text
that looks like markup stays text. Skipped without chromium (`.ci/run` installs it)."""
from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from report_fixture import collect

from quotes.claims.model import Claim, ClaimsReport, Finding, Side, Value
from quotes.render.claims_formats import write_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]


def claim(article: str, text: str, value: str) -> Claim:
    s = text.index(value)
    return Claim(article=article, article_id=article, kind="count", key="crowd", slot="number of protesters",
                 subject="—", participants=(), values=(Value("number", value, value, s, s + len(value)),),
                 text=text, start_char=0, end_char=len(text), line=1)


def test_browser_sees_the_marked_values(tmp_path):
    a = claim("a.txt", "Police arrested five <b>protesters</b> on Tuesday.", "five <b>protesters</b>")
    b = claim("b.txt", "Police arrested six protesters [red]outside[/red].", "six protesters")
    f = Finding(status="conflict", kind="count", slot="number of protesters", subject="—",
                sides=(Side("five", "5", (a,)), Side("six", "6", (b,))), note="different values")
    out = io.StringIO()
    write_html(ClaimsReport(("a.txt", "b.txt"), (a, b), (f,), ()), out, ("conflict",))
    page = tmp_path / "claims.html"
    page.write_text(out.getvalue(), encoding="utf-8")
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()]
    seen = collect(subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True).stdout)
    marks = [t for tags, t in seen.runs if "mark" in tags]
    assert "five <b>protesters</b>" in marks and "six protesters" in marks
    assert "b" not in seen.tags and "[red]outside[/red]" in "".join(seen.text)
