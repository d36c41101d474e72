"""When `compare` links two quotes across articles and when it does not: one table per failure class
seen on real coverage (fragments, split quotes, reprints, famous phrases, occasions, scare terms)."""
from __future__ import annotations

import pytest

from quotes.compare import compare
from quotes.compare.occasions import apart, day, days
from quotes.compare.rules import identity
from quotes.model import Quote, Speaker, content_id

# background quotes, so that word weights are those of a real set (no word is rare just because the set is tiny)
FILLER = [
    ("bg1.txt", "The council will vote on the budget next week, and the mayor expects it to pass.", "Ann Cole"),
    ("bg2.txt", "Our team played well tonight and we are proud of every single player.", "Sam Ortiz"),
    ("bg3.txt", "The bridge repairs should be finished before the winter storms arrive.", "Lee Park"),
    ("bg4.txt", "I think the American people want lower prices and better jobs.", "Kim Hale"),
]


def q(text: str, speaker: str | None = None, article: str = "a.txt", *, kind: str = "speech", start: int = 100,
      utterance: str = "", resolution: str = "name", line: int = 3) -> Quote:
    spk = Speaker(speaker, speaker, 0, len(speaker), resolution) if speaker else None
    return Quote(article=article, article_id=content_id(article), text=text, start_char=start,
                 end_char=start + len(text), line=line, column=1, kind=kind, speaker=spk,
                 utterance_id=content_id(article, utterance) if utterance else "")


def background() -> list[Quote]:
    return [q(t, s, a) for a, t, s in FILLER]


def groups(quotes: list[Quote], **kw) -> set[frozenset[tuple[str, int]]]:
    """The clusters as sets of (article, start), background quotes left out."""
    res = compare(background() + quotes, **kw)
    mine = {(x.article, x.start_char) for x in quotes}
    out = set()
    for c in res.clusters:
        g = frozenset((m.quote.article, m.quote.start_char) for m in c.members) & mine
        if len(g) > 1:
            out.add(g)
    return out


def together(quotes: list[Quote], a: Quote, b: Quote, **kw) -> bool:
    return any({(a.article, a.start_char), (b.article, b.start_char)} <= g for g in groups(quotes, **kw))


FULL = "The harbour plan is a disgrace. We will never let them pave over the wetlands, not while I am mayor."


# ---- fragments of a longer statement link to the fullest rendering holding them ----------------------

@pytest.mark.parametrize("fragment, speaker, kind, linked", [
    ("disgrace", "Rosa Vance", "partial", False),           # one word inside a longer quote: too little
    ("disgrace", None, "partial", False),
    ("pave over the wetlands", None, "partial", True),      # a distinctive phrase needs no name
    ("not while I am mayor", "Rosa Vance", "partial", True),  # common words, but her words, inside her quote
    ("not while I am mayor", None, "partial", False),       # common words and nobody named
    ("not while I am mayor", "Tom Reed", "speech", False),  # common words from somebody else
])
def test_a_fragment_links_to_the_full_statement(fragment, speaker, kind, linked):
    full = q(FULL, "Rosa Vance", "full.txt")
    frag = q(fragment, speaker, "frag.txt", kind=kind)
    assert together([full, frag], full, frag) is linked


def test_the_same_one_word_quote_of_one_speaker_in_two_articles():
    a, b = q("disgraceful", "Rosa Vance", "a.txt", kind="partial"), q("disgraceful", "Rosa Vance", "b.txt", kind="partial")
    assert together([a, b], a, b)
    c, d = q("disgraceful", None, "c.txt", kind="partial"), q("disgraceful", "Rosa Vance", "d.txt", kind="partial")
    assert not together([c, d], c, d)


def test_a_bare_term_of_two_words_with_nobody_named_is_not_an_utterance():
    a, b = q("duck ponds", None, "a.txt", kind="partial"), q("duck ponds.", "Dateline Town", "b.txt", kind="partial")
    assert not together([a, b], a, b)
    # the same words twice in one article (a headline and its body) are one
    c, d = q("duck ponds", None, "c.txt", start=10), q("duck ponds", None, "c.txt", start=400)
    assert together([c, d], c, d)


# ---- pieces of a split quote --------------------------------------------------------------------------

@pytest.mark.parametrize("piece_speaker", ["Rosa Vance", "Tom Reed", None])
def test_the_pieces_of_one_attribution_find_the_whole_quote(piece_speaker):
    whole = q("We adore the old pier. We will never sell it to anyone,", "Rosa Vance", "whole.txt")
    first = q("We adore the old pier,", piece_speaker, "split.txt", kind="partial", start=100, utterance="u")
    second = q("we will never sell it to anyone", piece_speaker, "split.txt", start=140, utterance="u")
    quotes = [whole, first, second]
    assert together(quotes, whole, first) and together(quotes, whole, second)


def test_two_quotes_of_one_attribution_are_one_utterance_when_another_article_has_both():
    def pair(article, utterance="u"):
        return (q("Ticket sales doubled over the summer season.", "Ivy Moss", article, start=100, utterance=utterance),
                q("Nobody on the board expected numbers like these after the flood.", "Ivy Moss", article,
                  start=190, utterance=utterance))
    a1, a2 = pair("a.txt")
    b1, b2 = pair("b.txt")
    assert together([a1, a2, b1, b2], a1, b2)
    # one article only: the two stay two utterances (linked to their own renderings)
    c1 = q("Ticket sales doubled over the summer season.", "Ivy Moss", "c.txt", start=100)
    assert not together([a1, a2, c1], a2, c1)
    # two attributions in two articles: not one utterance either
    d1, d2 = pair("d.txt", "x")
    e1, e2 = (q(x.text, "Ivy Moss", "e.txt", start=x.start_char, utterance=f"y{n}") for n, x in enumerate((d1, d2)))
    assert together([d1, d2, e1, e2], d1, e1)


# ---- reprints -----------------------------------------------------------------------------------------

def test_a_reprint_under_another_name_is_its_own_article():
    text_id = content_id("the same story text")
    def copy(name):
        return Quote(article=name, article_id=text_id, text="We will rebuild the old mill by spring.", start_char=50,
                     end_char=89, line=2, column=1, kind="speech", speaker=Speaker("Ivy Moss", "Ivy Moss", 0, 8, "name"))
    res = compare([copy("monday/story.txt"), copy("tuesday/story.txt")])
    [c] = res.clusters
    assert {m.quote.article for m in c.members} == {"monday/story.txt", "tuesday/story.txt"}
    assert len({m.quote.quote_id for m in c.members}) == 2
    # the same article read twice counts once
    assert compare([copy("monday/story.txt"), copy("monday/story.txt")]).clusters == ()


# ---- famous phrases and speakers ---------------------------------------------------------------------

def test_a_phrase_two_named_people_use_in_one_article_is_two_utterances():
    a = q("not ready for that yet", "Rosa Vance", "a.txt", kind="partial", start=100)
    b = q("not ready for that yet", "Tom Reed", "a.txt", kind="partial", start=600)
    assert not together([a, b], a, b)


@pytest.mark.parametrize("text, linked", [
    ("Keep the valley green", False),                                    # a short famous line
    ("Keep the valley green and the rivers clean for our grandchildren", True),  # a whole sentence: a conflict
])
def test_the_same_words_from_two_named_people_in_two_articles(text, linked):
    a, b = q(text, "Rosa Vance", "a.txt"), q(text, "Tom Reed", "b.txt")
    assert together([a, b], a, b) is linked


def test_an_unresolved_mention_is_no_speaker():
    assert identity(q("words", "he", resolution="unresolved")) is None
    assert identity(q("words", "she", resolution="pronoun")) is None
    assert identity(q("words", "Rosa Vance")) == "Rosa Vance"
    assert identity(q("words")) is None


# ---- occasions: article dates -------------------------------------------------------------------------

STUMP_1 = "We are going to fix every single road in this county, and we will do it without new taxes."
STUMP_2 = "We're going to fix the roads in this county, all of them, and we will do it without raising taxes."


@pytest.mark.parametrize("first, second, names, dates, linked", [
    # a stump line said again, reworded, months later: two occasions when the dates say so
    (STUMP_1, STUMP_2, ("x_2016-01-10_rally.txt", "y_2016-06-02_debate.txt"), None, False),
    (STUMP_1, STUMP_2, ("x.txt", "y.txt"), {"x.txt": "2016-01-10", "y.txt": "2016-06-02T20:00:00"}, False),
    # the same wording a few days apart, or without dates: one utterance in two renderings
    (STUMP_1, STUMP_2, ("x_2016-01-10_rally.txt", "y_2016-01-12_recap.txt"), None, True),
    (STUMP_1, STUMP_2, ("x.txt", "y.txt"), None, True),
    # the same words months later: the record quoted again
    (STUMP_1, STUMP_1, ("x_2016-01-10_rally.txt", "y_2016-06-02_profile.txt"), None, True),
    # a few words of it: linked in the same week, not months later
    (STUMP_1, "every single road", ("x_2016-01-10_rally.txt", "y_2016-01-12_recap.txt"), None, True),
    (STUMP_1, "every single road", ("x_2016-01-10_rally.txt", "y_2016-06-02_debate.txt"), None, False),
])
def test_a_repeated_stump_line(first, second, names, dates, linked):
    a, b = q(first, "Rosa Vance", names[0]), q(second, "Rosa Vance", names[1])
    assert together([a, b], a, b, dates=dates) is linked


def test_a_famous_line_repeated_months_later_by_somebody_else():
    line = "Keep the valley green and the rivers clean for our grandchildren"
    a = q(line, "Rosa Vance", "x_2016-01-10_speech.txt")
    b = q(line, "Tom Reed", "y_2016-09-01_rally.txt")
    assert not together([a, b], a, b)
    c = q(line, "Tom Reed", "y_2016-01-11_rally.txt")  # the next day: a possible misattribution, kept
    assert together([a, c], a, c)


@pytest.mark.parametrize("name, date, expected", [
    ("wash_2016-08-10_story.txt", None, "2016-08-10"),
    ("story.txt", "2016-08-10T09:30:00+00:00", "2016-08-10"),
    ("x_2016-01-01_y.txt", "2016-08-10", "2016-08-10"),   # metadata first
    ("story.txt", None, None),
    ("v12016-08-101.txt", None, None),                    # digits around it: not a date
    ("x_2016-02-30_y.txt", None, None),                   # no such day
])
def test_article_day(name, date, expected):
    import datetime as dt

    got = day(name, date)
    assert got == (dt.date.fromisoformat(expected).toordinal() if expected else None)


def test_days_apart():
    d = days(["a_2016-01-01.txt", "b_2016-03-01.txt", "c.txt"])
    assert set(d) == {"a_2016-01-01.txt", "b_2016-03-01.txt"}
    assert apart(d["a_2016-01-01.txt"], d["b_2016-03-01.txt"]) and not apart(d["a_2016-01-01.txt"], None)


# ---- scare terms and slogans --------------------------------------------------------------------------

def test_scare_terms_and_slogans_are_never_linked():
    slogan_a = q("Clean River Now", None, "a.txt", kind="scare")
    slogan_b = q("Clean River Now", None, "b.txt", kind="scare")
    speech = q("We marched under one banner, Clean River Now, and the council listened.", "Rosa Vance", "c.txt")
    assert groups([slogan_a, slogan_b, speech]) == set()
