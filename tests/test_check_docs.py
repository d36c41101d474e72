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
    workflows = [d for d in docs if "jobs" in d]
    assert len(workflows) == 2
    for workflow in workflows:
        steps = workflow["jobs"]["check-quotes"]["steps"]
        assert any(s.get("uses", "").startswith("actions/checkout@") for s in steps)
    # the action's own inputs, as action.yml declares them
    action = yaml.safe_load((DOC.parent.parent / "action.yml").read_text(encoding="utf-8"))
    [uses] = [s for s in workflows[0]["jobs"]["check-quotes"]["steps"] if s.get("uses", "").startswith("OWNER/quotes@")]
    assert set(uses["with"]) <= set(action["inputs"])
    # one run writes every report
    runs = [s["run"] for s in workflows[1]["jobs"]["check-quotes"]["steps"] if "quotes check" in s.get("run", "")]
    assert len(runs) == 1
    assert "--format github" in runs[0] and '--summary-md "$GITHUB_STEP_SUMMARY"' in runs[0] and "--junit-xml" in runs[0]
    shipped, local = [d["repos"][0] for d in docs if "repos" in d]
    assert shipped["hooks"][0]["id"] == "quotes-check" and shipped["hooks"][0]["args"][0] == "--against"
    hook = local["hooks"][0]
    assert hook["entry"].startswith("quotes check ") and hook["language"] == "system" and hook["require_serial"]


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
