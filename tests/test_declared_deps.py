"""Every library the package imports is declared in pyproject.toml, so a plain `pip install .` (with the pip a
user has, which may not follow extras of extras) installs what the code needs."""
from __future__ import annotations

import ast
import importlib.metadata as md
import re
import sys
from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")  # Python 3.11+
ROOT = Path(__file__).resolve().parent.parent


def _name(req: str) -> str:
    return re.split(r"[\s<>=!~\[;]", req, maxsplit=1)[0].lower().replace("_", "-")


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    reqs = list(project["dependencies"]) + [r for group in project["optional-dependencies"].values() for r in group]
    return {_name(r) for r in reqs}


def _imported() -> set[str]:
    """Top-level modules the package imports (anywhere in a module: lazy imports count)."""
    found = set()
    for f in (ROOT / "quotes").rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"quotes"}


def test_every_imported_library_is_declared():
    dists = md.packages_distributions()
    declared = _declared()
    missing = {}
    for module in sorted(_imported()):
        names = {_name(d) for d in dists.get(module, [module])}
        if not names & declared:
            missing[module] = sorted(names)
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_the_html_path_declares_what_lxml_needs_to_clean_html():
    """trafilatura (through justext) imports lxml.html.clean, which lives in lxml_html_clean since lxml 5.2."""
    assert "lxml-html-clean" in _declared()
