"""Attribution patterns, resolution and the spaCy component (these need the English model, loaded once)."""
import logging
from pathlib import Path

import pytest

from quotes.model import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"
LEAD = "A Headline For The Test\n\n"


def run(extractor, body):
    text = LEAD + body
    return text, extractor.extract(Article(path="t.txt", text=text))


def find(quotes, words):
    return next(q for q in quotes if q.text.startswith(words))


PATTERNS = [
    # (body, quote start, speaker name, mention, pattern)
    ("Mayor Ann Brooks spoke on Monday.\n\n“We will rebuild the bridge,” Brooks said.",
     "We will rebuild", "Ann Brooks", "Brooks", "cue_after"),
    ("“We will rebuild the bridge,” said Ann Brooks, the mayor.",
     "We will rebuild", "Ann Brooks", "Ann Brooks", "cue_after"),
    ("Ann Brooks said, “We will rebuild the bridge by spring.”",
     "We will rebuild", "Ann Brooks", "Ann Brooks", "cue_before"),
    ("Ann Brooks told reporters: “We will rebuild the bridge by spring.”",
     "We will rebuild", "Ann Brooks", "Ann Brooks", "cue_before"),
    ("Ann Brooks, who took office in June, said “the bridge comes first.”",
     "the bridge comes first", "Ann Brooks", "Ann Brooks", "cue_before"),
    ("According to Ann Brooks, “the bridge comes first and the road second.”",
     "the bridge comes first", "Ann Brooks", "Ann Brooks", "according_to"),
    ("The city council made its decision on Friday: “The bridge will close for a year.”",
     "The bridge will close", "city council", "The city council", "colon"),
    ("Ann Brooks arrived late. She spoke of “fond memories” of the old bridge.",
     "fond memories", "Ann Brooks", "She", "cue_before"),
    ("“The bridge will close for a year and the road will stay open.” — Ann Brooks",
     "The bridge will close", "Ann Brooks", "Ann Brooks", "dash"),
    ("Ann Brooks said the plan was drawn up by the engineer Tom Hall and said, “Who do you trust on safety?”",
     "Who do you trust", "Ann Brooks", "Ann Brooks", "cue_before"),
    ("Ann Brooks also wrote the engineers knew the risks, adding, “They did not fail every day.”",
     "They did not fail", "Ann Brooks", "Ann Brooks", "cue_before"),
    ("Ann Brooks was asked by the host Tom Hall, “Will the bridge open on time this year?”",
     "Will the bridge", "Tom Hall", "Tom Hall", "cue_before"),
    ("Here is the council’s answer - Tom Hall: “We will not pay for the bridge this year.”",
     "We will not pay", "Tom Hall", "Tom Hall", "colon"),
    ("NEW NUMBERS ARRIVE EARLY - Tom Hall and Ann Brooks: “We did not expect the numbers to move this much.”",
     "We did not expect", "Tom Hall and Ann Brooks", "Tom Hall and Ann Brooks", "colon"),
    ("“Who pays for the bridge, and when?” fumed Ann Brooks.",
     "Who pays", "Ann Brooks", "Ann Brooks", "adjacent"),
    ("“The bridge is safe,” Ann Brooks, the mayor of the town since 2019, said on Monday.",
     "The bridge is safe", "Ann Brooks", "Ann Brooks", "cue_after"),
]


@pytest.mark.parametrize("body,words,name,mention,pattern", PATTERNS)
def test_patterns(extractor, body, words, name, mention, pattern):
    text, quotes = run(extractor, body)
    q = find(quotes, words)
    assert q.speaker is not None
    assert (q.speaker.name, q.speaker.mention, q.pattern) == (name, mention, pattern)
    assert text[q.speaker.start_char:q.speaker.end_char] == q.speaker.mention
    assert q.cue is None or text[q.cue.start_char:q.cue.end_char] == q.cue.text


def test_second_part_after_he_said_is_the_same_utterance(extractor):
    body = "Ann Brooks visited the site.\n\n“We will rebuild it,” she said. “It will take a year.”"
    _, quotes = run(extractor, body)
    first, second = find(quotes, "We will"), find(quotes, "It will")
    assert first.utterance_id == second.utterance_id
    assert first.speaker.name == second.speaker.name == "Ann Brooks"
    assert second.pattern == "same_utterance"


def test_title_between_the_pieces_does_not_split_the_utterance(extractor):
    body = ("“We will rebuild it,” Ann Brooks said on the radio show “Morning Hour” on Sunday. "
            "“It will take a year and a lot of patience.”")
    _, quotes = run(extractor, body)
    assert find(quotes, "Morning Hour").kind == "scare"
    q = find(quotes, "It will take")
    assert (q.speaker.name, q.pattern) == ("Ann Brooks", "same_utterance")


def test_unattributed_paragraph_continues_the_previous_speaker(extractor):
    body = ("“We will rebuild the bridge,” Ann Brooks said on Monday.\n\n"
            "“And we will do it without raising taxes for anyone in the city.”")
    _, quotes = run(extractor, body)
    q = find(quotes, "And we will")
    assert (q.speaker.name, q.pattern) == ("Ann Brooks", "continuation")
    assert q.utterance_id != find(quotes, "We will").utterance_id


def test_multi_paragraph_quote_shares_speaker_and_utterance(extractor):
    body = ("Ann Brooks said: “The first paragraph of what I have to say goes here.\n\n"
            "“And the second paragraph of it ends here.”")
    _, quotes = run(extractor, body)
    a, b = find(quotes, "The first"), find(quotes, "And the second")
    assert a.utterance_id == b.utterance_id and b.speaker.name == "Ann Brooks"


def test_scare_quotes_get_no_speaker(extractor):
    _, quotes = run(extractor, "The “Buy Local Now” campaign, Ann Brooks said, was a success.")
    q = find(quotes, "Buy Local")
    assert q.kind == "scare" and q.speaker is None


def test_every_span_satisfies_the_offset_rule(extractor):
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for q in extractor.extract(Article(path=str(path), text=text)):
            assert q.text == text[q.start_char:q.end_char]
            assert q.kind in ("speech", "partial", "scare")
            assert 0.0 < q.confidence < 1.0


def test_seed_speakers(extractor):
    text = (SEEDS / "004_765db5b0ab9b3852.txt").read_text(encoding="utf-8")
    quotes = extractor.extract(Article(path="004", text=text))
    got = {q.text: (q.kind, q.speaker.name if q.speaker else None) for q in quotes}
    assert got["We’re still here, and not afraid."] == ("speech", "North Korea")
    considerable = next(q for q in quotes if q.text == "considerable")
    # nobody with that title is named in this article: the role stays a mention, never an identity
    assert (considerable.speaker.name, considerable.speaker.resolution) == (None, "unresolved")
    assert considerable.speaker.mention == "Seoul’s reunification minister"
    assert got["About as big as it gets."] == ("speech", "Donald Trump")


def test_a_campaign_slogan_in_quote_marks_is_scare(extractor):
    text = (SEEDS / "003_d95b8ae6d91f923d.txt").read_text(encoding="utf-8")  # the seed that names the slogan
    got = {q.text: q.kind for q in extractor.extract(Article(path="003", text=text))}
    assert got["Make America Great Again"] == "scare"


def test_extract_many_keeps_order_and_batches(extractor):
    arts = [Article(path=f"a{i}.txt", text=LEAD + f"“Number {i} is here,” Ann Brooks said.") for i in range(40)]
    out = list(extractor.extract_many(arts))
    assert [a.path for a, _ in out] == [a.path for a in arts]
    assert all(len(qs) == 1 and qs[0].speaker.name == "Ann Brooks" for _, qs in out)


def test_unbalanced_marks_do_not_crash(extractor, caplog):
    with caplog.at_level(logging.WARNING, logger="quotes.extract"):
        _, quotes = run(extractor, "He said “this never closes and goes on.\n\nThe end ” here.")
    assert quotes and caplog.records


def test_component_the_spacy_way(extractor):
    nlp = extractor.nlp
    assert "quote_attribution" in nlp.pipe_names
    doc = nlp("Ann Brooks spoke to us.\n\n“We will rebuild the bridge,” Brooks said.")
    [span] = doc.spans["quotes"]
    assert span.text == "We will rebuild the bridge,"
    assert span._.quote_kind == "speech" and span._.quote_speaker.text == "Brooks"
    assert span._.quote_cue.lemma_ == "say" and span._.quote_pattern == "cue_after"


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = st.sampled_from(["Ann Brooks", "said", "he", "told reporters", "“", "”", "‘", "’", "\"", ",", ".", ":",
                          "\n\n", "the players’ union", "don't", "We will win", "according to", "—"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(PIECES, max_size=30).map(" ".join))
def test_extractor_offsets_hold_on_any_text(extractor, body):
    assert_exact_spans(*run_quietly(extractor, body))


def run_quietly(extractor, body):
    """`run` with the extractor's warnings (unclosed marks in generated text) off."""
    logging.getLogger("quotes.extract").disabled = True
    try:
        return run(extractor, body)
    finally:
        logging.getLogger("quotes.extract").disabled = False


def assert_exact_spans(text, quotes):
    """Every quote, speaker mention and cue is the article's text at its offsets (never shortened)."""
    for q in quotes:
        assert q.text == text[q.start_char:q.end_char]
        if q.speaker is not None and q.speaker.mention:
            assert text[q.speaker.start_char:q.speaker.end_char] == q.speaker.mention
        if q.cue is not None:
            assert text[q.cue.start_char:q.cue.end_char] == q.cue.text


# long quotes are cut short in the frames the parser reads ("I just had … to meet him."): a mention or cue
# that reaches over one must still be the article's words
LONG_PIECES = st.sampled_from(["Ann Brooks", "The author of", "said", "he", "wrote", "“", "”", ",", ".", ":",
                               "\n\n", "the book", "one two three four five six seven eight nine ten eleven twelve",
                               "according to", "—", "who", "and"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(LONG_PIECES, max_size=30).map(" ".join))
def test_speaker_and_cue_offsets_hold_around_long_quotes(extractor, body):
    assert_exact_spans(*run_quietly(extractor, body))


@pytest.mark.parametrize("body", [
    # an unclosed quote runs to the end of its paragraph and is cut short: the words of its tail are where
    # the article has them
    "told reporters , one two three four five six seven eight nine ten eleven twelve of Mr. We will win “ The "
    "author of — of told reporters . said the players’ union he \n\n said Ann Brooks “ “ . told reporters",
    "‘ \" , The author of of \" who don't said Ann Brooks said Ann Brooks ” — : We will win the players’ union "
    "told reporters of ‘ The author of \n\n ‘ , said Ann Brooks told reporters said Ann Brooks",
    "The author of “one two three four five six seven eight nine ten eleven twelve” said “we will go on” to reporters.",
])
def test_a_mention_near_a_long_quote_is_the_article_text(extractor, body):
    logging.getLogger("quotes.extract").disabled = True
    try:
        text, quotes = run(extractor, body)
    finally:
        logging.getLogger("quotes.extract").disabled = False
    assert any(q.speaker is not None for q in quotes)
    assert_exact_spans(text, quotes)


SOURCES = [
    # (body, quote start, speaker mention or None): a subject must be able to speak to be the speaker
    ("Ann Brooks arrived late.\n\nThe debate began with “a warm welcome” and ended early.", "a warm welcome", None),
    ("Ann Brooks arrived late.\n\nHer fondness for “quiet talks” was clear to everyone.", "quiet talks", None),
    ("Ann Brooks arrived late.\n\nThe weather turned the meeting into “a total mess” for everyone.", "a total mess", None),
    ("“We will rebuild the bridge,” Ann Brooks said. Perhaps the timing is wrong, but who knows where those "
     "“love notes” will lead?", "love notes", None),
    ("The town held a vote.\n\nThe spokeswoman described the plan as “a first step” for the town.", "a first step",
     "The spokeswoman"),
    ("The town held a vote.\n\nThe agency called the leak “a serious breach” on Monday.", "a serious breach",
     "The agency"),
    ("The town held a vote.\n\nSeveral residents spoke of “a long winter” without the bridge.", "a long winter",
     "Several residents"),
    ("“We will rebuild the bridge,” Ann Brooks said. “It will take a year.”", "It will take", "Ann Brooks"),
]


@pytest.mark.parametrize("body,words,mention", SOURCES)
def test_only_a_plausible_source_is_a_speaker(extractor, body, words, mention):
    _, quotes = run(extractor, body)
    q = find(quotes, words)
    assert (q.speaker.mention if q.speaker else None) == mention
    assert q.kind != "scare"  # a quote without a speaker stays a quote


def test_component_marks_a_clause_that_nobody_speaks(extractor):
    doc = extractor.nlp("Ann Brooks arrived late.\n\nHer fondness for “quiet talks” was clear to everyone.")
    [span] = doc.spans["quotes"]
    assert span._.quote_pattern == "unsourced" and span._.quote_speaker is None


def test_every_seed_quote_keeps_its_speaker_and_resolution(extractor):
    """Pinned for every seed quote: the speaker's name, how it was resolved and the mention (golden file)."""
    golden = GOLDEN / "seed_speakers.tsv"
    want = [line.split("\t") for line in golden.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    got = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for q in extractor.extract(Article(path=str(path), text=text)):
            s = q.speaker
            got.append([path.name, str(q.start_char), q.kind, (s.name if s else None) or "-",
                        (s.resolution if s else None) or "-", (s.mention if s else None) or "-", q.text[:40]])
    assert got == want
