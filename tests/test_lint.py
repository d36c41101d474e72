"""`ruff check` is clean with the project's rules (pyproject.toml [tool.ruff]), and CI runs it before the tests."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+
ROOT = Path(__file__).resolve().parent.parent
NOT_INSTALLED = "ruff is not installed (the dev extra brings it: `make test` and .ci/run install it)"


def ruff() -> str:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if found is None:
        if os.environ.get("QUOTES_REQUIRE_INSTALLED"):
            pytest.fail(NOT_INSTALLED)
        pytest.skip(NOT_INSTALLED)
    return found


def test_ruff_check_is_clean():
    r = subprocess.run([ruff(), "check", "--no-cache", "."], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("source, rule", [
    ("import os\n", "F401"),                                  # pyflakes
    ("import sys\nimport os\n\nprint(os, sys)\n", "I001"),   # import order
    ("def f(x=[]):\n    return x\n", "B006"),                # bugbear
    ("from typing import Optional\n\nx: Optional[int] = None\n", "UP045"),  # pyupgrade
])
def test_the_rules_catch_what_they_are_for(tmp_path, source, rule):
    f = tmp_path / "m.py"
    f.write_text(source, encoding="utf-8")
    r = subprocess.run([ruff(), "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), "--output-format",
                        "concise", str(f)], cwd=tmp_path, capture_output=True, text=True)
    assert r.returncode == 1 and rule in r.stdout, r.stdout + r.stderr


def test_ci_lints_before_the_tests_with_the_ruff_make_test_installs():
    steps = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.lstrip().startswith("#")]
    assert "set -euo pipefail" in steps  # a failing step fails CI
    assert steps.index("make install") < steps.index(".venv/bin/ruff check .") < steps.index("make test")
    dev = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]["dev"]
    assert any(req.startswith("ruff") for req in dev)
    assert "'.[dev" in (ROOT / "Makefile").read_text(encoding="utf-8")  # make installs the dev extra
