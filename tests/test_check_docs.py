"""docs/ci.md: the workflow and hook examples parse, and every option they give `quotes check` exists."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parent.parent / "docs" / "ci.md"


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)


def check_options() -> set[str]:
    import typer.main

    from quotes.cli import app

    cmd = typer.main.get_command(app).commands["check"]
    return {o for p in cmd.params for o in p.opts}


def test_workflow_and_pre_commit_config_parse():
    yaml = pytest.importorskip("yaml")
    docs = [yaml.safe_load(b) for b in blocks("yaml")]
    workflow = next(d for d in docs if "jobs" in d)
    steps = workflow["jobs"]["check-quotes"]["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "--format github" in runs and "$GITHUB_STEP_SUMMARY" in runs and "--format junit" in runs
    assert any(s.get("uses", "").startswith("actions/checkout@") for s in steps)
    hook = next(d for d in docs if "repos" in d)["repos"][0]["hooks"][0]
    assert hook["entry"].startswith("quotes check ") and hook["language"] == "system"


def test_every_option_in_the_docs_exists():
    text = DOC.read_text(encoding="utf-8").replace("\\\n", " ")
    commands = re.findall(r"quotes check\b[^\n`]*", text)
    assert len(commands) >= 6
    known = check_options()
    used = {o for c in commands for o in re.findall(r"(?<![\w-])--[a-z][a-z-]+", c)}
    assert used and used <= known, used - known


def test_git_hook_is_valid_shell():
    import shutil
    import subprocess

    sh = next(b for b in blocks("sh") if b.startswith("#!/bin/sh"))
    if shutil.which("sh") is None:
        pytest.skip("no sh")
    assert subprocess.run(["sh", "-n"], input=sh, text=True).returncode == 0
