"""The CI integrations shipped in the repository root: `.pre-commit-hooks.yaml` and the composite GitHub
Action `action.yml`. Their commands run here as pre-commit and the Actions runner would run them (the
installed `quotes` command, in a shell), on a copy of a seed article with one quote doctored."""
from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml  # noqa: E402  (a dev dependency)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "001_47eab0ed3e38093b.txt"
FAITHFUL, DOCTORED = "I’m open to it.", "I’m not open to it."  # a negation added inside a quote: a misquote


def load(name: str):
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def quotes_command() -> str:
    """The installed `quotes` beside this interpreter (the one `pip install` put there)."""
    found = shutil.which("quotes", path=str(Path(sys.executable).parent)) or shutil.which("quotes")
    if found is None:
        pytest.skip("no installed `quotes` command next to this Python")
    return found


def articles(tmp_path: Path) -> tuple[Path, Path]:
    text = SEED.read_text(encoding="utf-8")
    assert text.count(FAITHFUL) == 1
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    faithful, doctored = drafts / "faithful.txt", drafts / "doctored.txt"
    faithful.write_text(text, encoding="utf-8")
    doctored.write_text(text.replace(FAITHFUL, DOCTORED), encoding="utf-8")
    return faithful, doctored


# ---- pre-commit ---------------------------------------------------------------------------------

def hook() -> dict:
    hooks = load(".pre-commit-hooks.yaml")
    assert isinstance(hooks, list) and [h["id"] for h in hooks] == ["quotes-check"]
    return hooks[0]


def test_hook_definition():
    h = hook()
    assert h["require_serial"] is True  # one process loads spaCy and the record once
    assert h["language"] == "python" and shlex.split(h["entry"])[:2] == ["quotes", "check"]
    assert {"id", "name", "entry", "language"} <= set(h)
    files = re.compile(h["files"])
    for name, matched in [("drafts/a.md", True), ("a.txt", True), ("news/b.html", True), ("c.htm", True),
                          ("d.markdown", True), ("setup.py", False), ("ci.yaml", False), ("notes.txt.bak", False)]:
        assert bool(files.search(name)) is matched, name


@pytest.mark.model
@pytest.mark.slow
def test_hook_entry_fails_on_a_doctored_article(tmp_path):
    faithful, doctored = articles(tmp_path)
    entry = shlex.split(hook()["entry"])
    command = [quotes_command(), *entry[1:], "--against", str(ROOT / "seeds")]  # args a user gives the hook
    ok = subprocess.run([*command, str(faithful)], capture_output=True, text=True, cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run([*command, str(doctored)], capture_output=True, text=True, cwd=tmp_path)
    assert bad.returncode == 1, bad.stderr
    assert "misquote" in bad.stdout and "not" in bad.stdout and bad.stderr == ""  # --quiet


# ---- the GitHub Action --------------------------------------------------------------------------

def test_action_matches_the_action_metadata_schema():
    from importlib.resources import files

    import jsonschema  # check-jsonschema (a dev dependency) brings it and the vendored schema

    schema = json.loads(files("check_jsonschema.builtin_schemas.vendor").joinpath("github-actions.json").read_text())
    action = load("action.yml")
    jsonschema.validate(action, schema)
    assert action["runs"]["using"] == "composite"
    assert all(step.get("shell") == "bash" for step in action["runs"]["steps"] if "run" in step)


EXPR = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def expand(value: str, inputs: dict[str, str]) -> str:
    """The runner's `${{ inputs.name }}`; any other expression fails the test (it would not be covered)."""
    def sub(m: re.Match) -> str:
        name = m.group(1)
        assert name.startswith("inputs."), f"unsupported expression in action.yml: {m.group(0)}"
        return inputs[name.removeprefix("inputs.")]
    return EXPR.sub(sub, str(value))


def run_action(tmp_path: Path, given: dict[str, str]) -> tuple[list[subprocess.CompletedProcess], dict[str, Path]]:
    action = load("action.yml")
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    assert set(given) <= set(inputs)
    inputs.update(given)
    files = {name: tmp_path / name for name in ("summary.md", "output.txt", "path.txt")}
    for f in files.values():
        f.write_text("", encoding="utf-8")
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir()
    base = dict(os.environ, GITHUB_STEP_SUMMARY=str(files["summary.md"]), GITHUB_OUTPUT=str(files["output.txt"]),
                GITHUB_PATH=str(files["path.txt"]), GITHUB_ACTION_PATH=str(ROOT), RUNNER_TEMP=str(runner_temp),
                PATH=os.pathsep.join([str(Path(quotes_command()).parent), os.environ.get("PATH", "")]))
    done = []
    for step in action["runs"]["steps"]:
        assert "if" not in step and "uses" not in step  # every step is a shell step that always runs
        env = dict(base, **{k: expand(v, inputs) for k, v in step.get("env", {}).items()})
        script = tmp_path / "step.sh"
        script.write_text(expand(step["run"], inputs), encoding="utf-8")
        # as the runner runs `shell: bash`
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], env=env,
                              cwd=tmp_path, capture_output=True, text=True)
        done.append(proc)
        if proc.returncode != 0:
            break
        added = files["path.txt"].read_text(encoding="utf-8").split()  # the runner prepends $GITHUB_PATH lines
        base["PATH"] = os.pathsep.join([*reversed(added), os.environ.get("PATH", "")] if added else [base["PATH"]])
    return done, files


@pytest.mark.model
@pytest.mark.slow
def test_action_steps_annotate_summarise_and_fail_on_a_doctored_article(tmp_path):
    articles(tmp_path)
    steps, files = run_action(tmp_path, {"paths": "drafts/doctored.txt drafts/faithful.txt",
                                         "against": str(ROOT / "seeds"), "junit": "quotes-junit.xml",
                                         "install": "false"})
    install, check = steps
    assert install.returncode == 0 and files["path.txt"].read_text() == ""  # install: false installs nothing
    assert check.returncode == 1, check.stderr
    errors = [line for line in check.stdout.splitlines() if line.startswith("::error ")]
    assert len(errors) == 1 and "file=drafts/doctored.txt" in errors[0] and "title=quotes%3A misquote" in errors[0]
    assert files["summary.md"].read_text(encoding="utf-8").startswith("## quotes check failed")
    assert "exit-code=1" in files["output.txt"].read_text().splitlines()
    assert "sarif=quotes.sarif" in files["output.txt"].read_text().splitlines()
    sarif = json.loads((tmp_path / "quotes.sarif").read_text(encoding="utf-8"))
    [failing] = [r for r in sarif["runs"][0]["results"] if r["level"] == "error"]
    loc = failing["locations"][0]["physicalLocation"]
    assert failing["ruleId"] == "misquote" and loc["artifactLocation"]["uri"] == "drafts/doctored.txt"
    assert DOCTORED.rstrip(".") in loc["region"]["snippet"]["text"]
    assert (tmp_path / "quotes-junit.xml").read_text(encoding="utf-8").count("<failure") == 1


@pytest.mark.model
@pytest.mark.slow
def test_action_passes_a_faithful_article(tmp_path):
    articles(tmp_path)
    steps, files = run_action(tmp_path, {"paths": "drafts/faithful.txt", "against": str(ROOT / "seeds"),
                                         "sarif": "", "install": "false"})
    assert [s.returncode for s in steps] == [0, 0], steps[-1].stderr
    assert files["summary.md"].read_text(encoding="utf-8").startswith("## quotes check passed")
    assert "exit-code=0" in files["output.txt"].read_text().splitlines()
    assert not (tmp_path / "quotes.sarif").exists()
