"""`quotes check` end to end: the real extractor and alignment, the seeds and a transcript written here.

The spaCy pipeline is loaded once per process (`quotes.nlp.load` caches it), so every command below
shares it.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
AF1 = SEEDS / "001_47eab0ed3e38093b.txt"
runner = CliRunner()

TRANSCRIPT = """DONALD TRUMP: Thank you all for coming. We had a very good meeting today. I think we will sign the trade agreement within two weeks, and frankly nobody expected that.

REPORTER: Will you meet the chairman again?

DONALD TRUMP: I would love to meet him again. We are not in any hurry, but the door is open.
"""

ARTICLES = {
    "faithful.txt": """Trump upbeat after trade meeting

President Donald Trump said on Tuesday that talks had gone well. "I think we will sign the trade agreement within two weeks," Trump told reporters at the White House.

Asked about another summit, he said: "We are not in any hurry, but the door is open."
""",
    "reworded.txt": """Trump sets deadline for trade deal

President Donald Trump said on Tuesday that talks had gone well. "I think we will sign the trade agreement within two months," Trump told reporters at the White House.
""",
    "wrong_speaker.txt": """Allies see no rush for new summit

The South Korean president, Moon Jae-in, struck a cautious tone on Wednesday. "We are not in any hurry, but the door is open," Moon said in Seoul.
""",
}


@pytest.fixture(scope="module")
def model():
    pytest.importorskip("spacy")
    from quotes import nlp
    from quotes.errors import ModelError

    try:
        nlp.load(None)
    except ModelError as e:
        pytest.skip(str(e))


def check(*args: str):
    r = runner.invoke(app, ["check", *args])
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception  # none escaped
    return r


def test_a_copy_of_a_seed_passes(model, tmp_path):
    copy = tmp_path / "copy.txt"
    copy.write_bytes(AF1.read_bytes())
    r = check(str(copy), "--against", str(SEEDS), "--format", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["checked"] >= 4 and doc["failing"] == 0
    assert {f["kind"] for f in doc["findings"]} <= {"variant", "unverified"}


def test_a_negated_quote_fails_with_an_annotation_on_its_line(model, tmp_path):
    text = AF1.read_text(encoding="utf-8")
    assert "We haven’t mentioned anything" in text
    changed = tmp_path / "changed.txt"
    changed.write_text(text.replace("We haven’t mentioned anything", "We have mentioned everything"), encoding="utf-8")
    line = text[: text.index("We haven’t mentioned anything")].count("\n") + 1
    r = check(str(changed), "--against", str(SEEDS), "--format", "github")
    assert r.exit_code == 1, r.output
    errors = [ln for ln in r.stdout.splitlines() if ln.startswith("::error ")]
    assert len(errors) == 1, r.stdout
    m = re.match(r"::error file=([^,]+),line=(\d+),col=(\d+),title=quotes%3A misquote::(.*)", errors[0])
    assert m and m.group(1) == str(changed).replace(":", "%3A") and int(m.group(2)) == line
    assert "negation" in m.group(4) and "have mentioned everything" in m.group(4)
    # the same article with --exit-zero reports and passes
    assert check(str(changed), "--against", str(SEEDS), "--exit-zero", "--format", "markdown").exit_code == 0


@pytest.fixture
def transcript_case(tmp_path):
    t = tmp_path / "presser.txt"
    t.write_text(TRANSCRIPT, encoding="utf-8")
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def kinds(r) -> list[str]:
    return [f["kind"] for f in json.loads(r.stdout)["findings"]]


@pytest.mark.parametrize("article,code,expected", [
    ("faithful.txt", 0, []),
    ("reworded.txt", 1, ["misquote"]),
    ("wrong_speaker.txt", 1, ["misattribution"]),
])
def test_against_a_transcript(model, transcript_case, article, code, expected):
    r = check(str(transcript_case / article), "--transcript", str(transcript_case / "presser.txt"), "--format", "json")
    assert r.exit_code == code, r.output
    assert kinds(r) == expected


def test_reworded_quote_names_the_number_and_the_transcript(model, transcript_case):
    r = check(str(transcript_case / "reworded.txt"), "--transcript", str(transcript_case / "presser.txt"), "--format", "json")
    f = json.loads(r.stdout)["findings"][0]
    assert "“weeks" in f["message"] and "→ “months”" in f["message"]  # the words that differ
    assert "recorded: “I think we will sign the trade agreement within two weeks" in f["message"]
    assert f["reference_source"].endswith("presser.txt:1:15") and "transcript" in f["message"]
    assert (f["line"], f["column"]) == (3, 67)


def test_transcript_through_the_store(model, transcript_case, tmp_path):
    db = tmp_path / "quotes.db"
    r = runner.invoke(app, ["add", "--transcript", str(transcript_case / "presser.txt"), "--db", str(db), "-q"])
    assert r.exit_code == 0, r.output
    r = check(str(transcript_case / "faithful.txt"), str(transcript_case / "reworded.txt"),
              str(transcript_case / "wrong_speaker.txt"), "--against", str(db), "--format", "junit")
    assert r.exit_code == 1, r.output
    assert r.stdout.count("<testcase") == 4 and r.stdout.count("<failure") == 2


def test_a_bad_file_in_a_batch_is_reported_and_the_rest_checked(model, transcript_case):
    (transcript_case / "empty.txt").write_text("   \n", encoding="utf-8")
    r = check(str(transcript_case / "empty.txt"), str(transcript_case / "faithful.txt"),
              "--transcript", str(transcript_case / "presser.txt"))
    assert r.exit_code == 3 and "empty.txt: empty file" in r.stderr  # the rest checked; not all could be read
    r = check(str(transcript_case / "empty.txt"), "--transcript", str(transcript_case / "presser.txt"))
    assert r.exit_code == 2 and "no article could be read" in r.stderr


def test_seeds_through_the_store_and_stdin(model, tmp_path):
    db = tmp_path / "quotes.db"
    assert runner.invoke(app, ["add", str(SEEDS), "--db", str(db), "-q"]).exit_code == 0
    text = AF1.read_text(encoding="utf-8")
    r = runner.invoke(app, ["check", "-", "--against", str(db), "--format", "json"], input=text)
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["record_size"] >= 20 and doc["failing"] == 0
    r = runner.invoke(app, ["check", "-", "--against", str(db), "--format", "json"],
                      input=text.replace("We haven’t mentioned anything", "We have mentioned everything"))
    assert r.exit_code == 1
    assert [f["kind"] for f in json.loads(r.stdout)["findings"] if f["failing"]] == ["misquote"]


PLAIN_TRANSCRIPT = """Personally, I still have good memories of the American president. We are open to talks if the other side drops its unrealistic demands.

We will never give up our nuclear weapons.
"""

KIM_ARTICLE = """Kim signals openness

North Korean leader Kim Jong Un said he still had "good memories" of the American president, adding that his country was "open to talks" under conditions.

"We will never give up our nuclear weapons," Kim said.

"We will soon give up our nuclear weapons," Kim told the assembly, according to a second report.
"""


def test_plain_transcript_with_a_speaker(model, tmp_path):
    (tmp_path / "statement.txt").write_text(PLAIN_TRANSCRIPT, encoding="utf-8")
    (tmp_path / "article.txt").write_text(KIM_ARTICLE, encoding="utf-8")
    r = check(str(tmp_path / "article.txt"), "--transcript", str(tmp_path / "statement.txt"), "--speaker", "Kim Jong-un",
              "--format", "json")
    assert r.exit_code == 1, r.output
    doc = json.loads(r.stdout)
    assert doc["checked"] == 4  # two partial fragments and two full sentences
    [f] = doc["findings"]
    assert (f["kind"], f["line"]) == ("misquote", 7)
    assert "“never” → “soon”" in f["message"] and "negation" in f["message"]


def test_record_from_extracted_quotes(model, tmp_path):
    rows = tmp_path / "archive.jsonl"
    r = runner.invoke(app, ["extract", str(SEEDS), "--format", "jsonl", "--output", str(rows)])
    assert r.exit_code == 0, r.output
    changed = tmp_path / "changed.txt"
    changed.write_text(AF1.read_text(encoding="utf-8").replace("We haven’t mentioned anything", "We have mentioned everything"),
                       encoding="utf-8")
    r = check(str(changed), "--against-quotes", str(rows), "--format", "json")
    assert r.exit_code == 1 and [f["kind"] for f in json.loads(r.stdout)["findings"] if f["failing"]] == ["misquote"]
    (tmp_path / "bad.jsonl").write_text('{"text": "no offsets"}\n', encoding="utf-8")
    r = check(str(changed), "--from-quotes", str(tmp_path / "bad.jsonl"), "--format", "json")
    assert r.exit_code == 3 and "bad.jsonl: not quote rows" in r.stderr  # reported; the article still checked
    assert json.loads(r.stdout)["record_size"] == 0


def test_bracketed_insertions_and_marked_cuts_are_not_misquotes(model, transcript_case):
    (transcript_case / "edited.txt").write_text(
        'Summit talk\n\n"We are not in any hurry [to meet], but the door is open," President Trump said.\n\n'
        '"I would love to meet him ... the door is open," Trump added.\n', encoding="utf-8")
    r = check(str(transcript_case / "edited.txt"), "--transcript", str(transcript_case / "presser.txt"), "--format", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["findings"] == []
