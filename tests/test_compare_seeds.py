"""compare() and `quotes compare` on the seed articles, from quotes as the extractor gives them."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes.cli import app
from quotes.compare import compare, select, severity
from quotes.model import Article, Quote, Speaker

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TRUMP, KIM = "Donald Trump", "Kim Jong Un"
AF1_001 = ("I just had a good relationship with him. I would love to see him, if he wants to, if he even gets this "
           "message. We haven’t mentioned anything, but he knows I’m going over there. If he’d like to meet, I’d love "
           "to meet him.")
AF1_004 = ("I had a good relationship with him. I’d love to see him if he wants to. If he even gets this message. We "
           "haven’t said anything official, but he knows I’m coming. If he’d like to meet, I’d love to.")
KIM_FULL = ("Personally, I still have fond memories of U.S. President Trump. If the United States drops the absurd "
            "obsession with denuclearising us and accepts reality, and wants genuine peaceful coexistence, there is no "
            "reason for us not to sit down with the United States.")
# (seed file prefix, quoted words, speaker, kind); the pieces split by "he said" share an utterance (last field)
SEED_QUOTES = [
    ("000", "fond memories", KIM, "partial", None),
    ("001", AF1_001, TRUMP, "speech", None),
    ("001", "If you want to put out the word, I’m open to it.", TRUMP, "speech", None),
    ("001", "little rocket man", TRUMP, "partial", None),
    ("001", KIM_FULL, KIM, "speech", None),
    ("002", "Great Relationship", None, "partial", None),
    ("002", "Great Relationship", None, "partial", None),
    ("002", "very good relationships", TRUMP, "partial", None),
    ("002", "only divided nation in the world,", "Lee Jae Myung", "partial", None),
    ("002", "mockery.", "Kim Yo-jong", "partial", None),
    ("003", "rocket man", None, "partial", None),
    ("003", "fire and fury.", None, "partial", None),
    ("003", "talented", TRUMP, "partial", None),
    ("004", "love letters.", TRUMP, "partial", None),
    ("004", "I like him. He likes me too… and then we fell in love. Okay? No, really. He wrote me beautiful letters.", TRUMP, "speech", None),
    ("004", "I’ll Be in South Korea", None, "partial", None),
    ("004", AF1_004, TRUMP, "speech", None),
    ("004", "If you guys want to put the word out, I’m open to it. I’ll be in South Korea.", TRUMP, "speech", None),
    ("004", "That’s pretty significant to start with,", TRUMP, "speech", "significant"),
    ("004", "About as big as it gets.", TRUMP, "speech", "significant"),
    ("004", "We’re still here, and not afraid.", "North Korea", "speech", None),
    ("004", "I know Kim very well… we just couldn’t work out the timing,", TRUMP, "speech", None),
    ("004", "At some point, we’ll be involved with North Korea. I think they’d like to, and I’d like to.", TRUMP, "speech", None),
    ("004", "love letters?", None, "partial", None),
]


def _articles() -> dict[str, Article]:
    out = {}
    for f in sorted(SEEDS.glob("*.txt")):
        out[f.name[:3]] = Article(path=f"seeds/{f.name}", text=f.read_text(encoding="utf-8"))
    return out


def seed_quotes() -> list[Quote]:
    """The seed quotes with their offsets found in the seed texts (the second of two equal spans found after
    the first), as `quotes extract` reports them."""
    arts = _articles()
    after: dict[tuple[str, str], int] = {}
    utterances: dict[str, str] = {}
    out = []
    for doc, text, speaker, kind, piece in SEED_QUOTES:
        a = arts[doc]
        start = a.text.index(text, after.get((doc, text), 0))
        after[(doc, text)] = start + 1
        line, col = a.line_col(start)
        spk = Speaker(speaker, speaker.split()[-1], 0, 0, "name") if speaker else None
        qt = Quote(article=a.path, article_id=a.id, text=text, start_char=start, end_char=start + len(text), line=line,
                   column=col, kind=kind, speaker=spk)
        if piece:
            utterances.setdefault(piece, qt.quote_id)
            qt = Quote(**{**qt.__dict__, "utterance_id": utterances[piece]})
        out.append(qt)
    return out


@pytest.fixture(scope="module")
def quotes() -> list[Quote]:
    return seed_quotes()


@pytest.fixture(scope="module")
def result(quotes):
    return compare(quotes)


def groups(result) -> list[list[str]]:
    return sorted(sorted(f"{Path(v.quote.article).name[:3]}:{v.quote.text[:20].rstrip()}" for v in c.members)
                  for c in result.clusters)


def test_seed_clusters(result):
    assert groups(result) == sorted([
        ["000:fond memories", "001:Personally, I still"],
        ["001:I just had a good re", "004:I had a good relatio"],
        ["001:If you want to put o", "004:If you guys want to", "004:I’ll Be in South Kor"],
        ["001:little rocket man", "003:rocket man"],
        ["002:Great Relationship", "002:Great Relationship"],  # a headline and the body
        ["004:About as big as it g", "004:That’s pretty signif"],
        ["004:love letters.", "004:love letters?"],
    ])


def _af1(result):
    (c,) = [c for c in result.clusters if c.canonical.text.startswith("I just had")]
    (v,) = [v for v in c.members if v.quote.text == AF1_004]
    return c, v


def test_air_force_one_canonical_and_relation(result):
    c, v = _af1(result)
    assert c.canonical.text == AF1_001 and c.speaker == TRUMP and len(c.articles) == 2
    assert v.relation == "edited" and v.changes_meaning
    assert severity(c) == "meaning" and result.clusters[0] is c  # worst first


@pytest.mark.parametrize(
    "type_, canonical, variant, flags",
    [
        ("omitted", "just", "", ("hedge",)),
        ("substituted", "mentioned", "said", ()),
        ("added", "", "official", ()),
        ("substituted", "going over there", "coming", ()),
        ("trimmed", "meet him", "", ()),
        ("cosmetic", "I would", "I’d", ()),
    ],
)
def test_air_force_one_discrepancies(result, type_, canonical, variant, flags):
    _, v = _af1(result)
    found = [d for d in v.discrepancies if (d.canonical_text, d.variant_text) == (canonical, variant)]
    assert [(d.type, d.flags) for d in found] == [(type_, flags)]
    arts = _articles()
    d = found[0]
    assert arts["001"].text[d.canonical_start:d.canonical_end] == canonical
    assert arts["004"].text[d.variant_start:d.variant_end] == variant


def test_fragments(result):
    rel = {v.quote.text: v.relation for c in result.clusters for v in c.members}
    assert rel["fond memories"] == "fragment"
    assert rel["I’ll Be in South Korea"] == "fragment"
    assert rel["About as big as it gets."] == "fragment"
    assert rel["rocket man"] == "trimmed"


def test_speaker_conflict_stays_together(quotes):
    mis = Quote(**{**quotes[1].__dict__, "article": "other.txt", "article_id": "other",
                   "speaker": Speaker("Kim Jong Un", "Kim", 0, 3, "name"), "quote_id": "", "utterance_id": ""})
    result = compare(quotes + [mis])
    (c,) = [c for c in result.clusters if c.canonical.text == AF1_001]
    assert c.speaker_conflict and set(c.speakers) == {TRUMP, KIM}
    assert result.clusters[0] is c
    conflicts = [d for v in c.members for d in v.discrepancies if d.type == "speaker_conflict"]
    assert [(d.canonical_text, d.variant_text) for d in conflicts] == [(TRUMP, KIM)]


def test_select(result):
    assert {c.speaker for c in select(result, speaker="Kim Jong-un").clusters} == {KIM}
    assert all(severity(c) != "none" for c in select(result, only_discrepancies=True).clusters)
    assert [severity(c) for c in select(result, min_severity="meaning").clusters] == ["meaning"]


# ---- the command --------------------------------------------------------------------------------------

runner = CliRunner()


@pytest.fixture()
def jsonl(tmp_path, quotes) -> Path:
    p = tmp_path / "q.jsonl"
    p.write_text("".join(json.dumps(q.to_dict(), ensure_ascii=False) + "\n" for q in quotes), encoding="utf-8")
    return p


def test_cli_json_contract(jsonl):
    r = runner.invoke(app, ["compare", "--from-quotes", str(jsonl), "--format", "json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["schema_version"] == 1 and doc["summary"]["clusters"] == 7
    c = doc["clusters"][0]
    assert c["canonical"]["text"] == AF1_001 and c["article_count"] == 2 and c["speaker"] == TRUMP
    for m in c["members"]:
        assert {"article", "start_char", "end_char", "text", "speaker", "relation", "cue", "discrepancies"} <= m.keys()
    d = [x for m in c["members"] for x in m["discrepancies"] if x["canonical_text"] == "just"][0]
    assert (d["type"], d["flags"], d["changes_meaning"]) == ("omitted", ["hedge"], True)


def test_cli_table_lists_the_differences(jsonl):
    r = runner.invoke(app, ["compare", "--from-quotes", str(jsonl), "-f", "table", "--no-color", "--width", "100"])
    assert r.exit_code == 0, r.output
    assert "mentioned" in r.stdout and "official" in r.stdout


def test_cli_single_article(tmp_path, quotes):
    p = tmp_path / "one.jsonl"
    p.write_text("".join(json.dumps(q.to_dict()) + "\n" for q in quotes if q.article.endswith("004_765db5b0ab9b3852.txt")))
    r = runner.invoke(app, ["compare", "--from-quotes", str(p), "--format", "json"])
    assert r.exit_code == 0
    assert "nothing to compare" in json.loads(r.stdout)["note"]


ROW = '{"article": "a.txt", "text": "x", "start_char": 0, "end_char": 1}\n'


@pytest.mark.parametrize(
    "content, message, code",
    [
        # a bad row after a good one: named with its line and skipped, the rest compared (exit 3)
        (ROW + '{not json\n', "q.jsonl:2: not valid JSON", 3),
        (ROW + '{"article": "a.txt", "text": "xyz", "start_char": 0, "end_char": 1}\n', "q.jsonl:2: start_char/end_char", 3),
        (ROW + '{"article": "a.txt", "text": "x", "start_char": 1e30, "end_char": 1e30}\n', "q.jsonl:2: start_char/end_char", 3),
        (ROW + '{"article": "a.txt", "text": "", "start_char": 5, "end_char": 5, "speaker": {"name": "A", '
               '"mention": "A", "start_char": 9, "end_char": 2, "resolution": "name"}}\n', "q.jsonl:2: speaker start_char", 3),
        (ROW + '{"article": "a.txt", "text": "\\ud800", "start_char": 0, "end_char": 1}\n', "q.jsonl:2: a string holds a lone surrogate", 3),
        # a file whose first row is not a quote row is not quote rows at all: nothing to compare (exit 2)
        ('{"article": "a.txt", "start_char": 0, "end_char": 1}\n', "q.jsonl: not quote rows", 2),
        ('[1, 2]\n', "expected a JSON object", 2),
        ('{"article": "a.txt", "text": "x", "start_char": "zero", "end_char": 1}\n', "not whole numbers", 2),
        ('{"article": "a.txt", "text": "x", "start_char": 3, "end_char": 2}\n', "out of order", 2),
        ('{"article": "a.txt", "text": "x", "start_char": -1, "end_char": 0}\n', "out of order", 2),
    ],
)
def test_cli_bad_quotes_file(tmp_path, content, message, code):
    p = tmp_path / "q.jsonl"
    p.write_text(content, encoding="utf-8")
    r = runner.invoke(app, ["compare", "--from-quotes", str(p), "-f", "json"])
    assert r.exit_code == code, r.output
    assert r.exception is None or isinstance(r.exception, SystemExit)
    assert message in r.stderr and r.stderr.startswith("quotes: ")
    if code == 3:
        assert json.loads(r.stdout)["clusters"] is not None  # the good row was compared


@pytest.mark.parametrize("args", [["compare"], ["compare", "--from-quotes", "missing.jsonl"]])
def test_cli_usage_errors(args):
    r = runner.invoke(app, args)
    assert r.exit_code == 2 and r.stderr.startswith("quotes: ")


@pytest.mark.model
def test_cli_compare_articles():
    r = runner.invoke(app, ["compare", "--format", "json", "--quiet", str(SEEDS)])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["summary"]["articles"] == 5 and isinstance(doc["clusters"], list)


def test_parallel_lookups_give_the_same_clusters(quotes, monkeypatch):
    import quotes.compare as engine

    monkeypatch.setattr(engine, "PARALLEL_FROM", 1)
    assert compare(quotes, jobs=2) == compare(quotes, jobs=1)
