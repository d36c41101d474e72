"""Speech / partial / scare from the text around a quote, and name resolution (no model)."""
import pytest

from quotes.extract import frames
from quotes.extract.resolve import Resolver, name_runs, strip_titles


def kinds_of(text):
    aq = frames.scan(text)
    return [(text[q.start:q.end], g.kind) for q, g in zip(aq.spans, aq.guesses, strict=True)]


KINDS = [
    # speech: set off as an utterance
    ("Opening line.\n\n“We will win,” the mayor said.", "We will win,", "speech"),
    ("Opening line.\n\nThe mayor said: “We will win.”", "We will win.", "speech"),
    ("Opening line.\n\nThe mayor said, “We will win.”", "We will win.", "speech"),
    # partial: a fragment inside the writer's sentence
    ("Opening line.\n\nHe spoke of “fond memories” but moved on.", "fond memories", "partial"),
    ("Opening line.\n\nThey exchanged what she called “love letters.”", "love letters.", "partial"),
    ("Opening line.\n\nShe described him as a “talented” leader.", "talented", "partial"),
    # scare: titles, slogans used as modifiers, terms
    ("Opening line.\n\nShe appeared on “Meet the Press” on Sunday.", "Meet the Press", "scare"),
    ("Opening line.\n\nThe “Buy Local Now” campaign ended.", "Buy Local Now", "scare"),
    ("Opening line.\n\nThe so-called “peace dividend” never came.", "peace dividend", "scare"),
    ("Opening line.\n\nHe used the word “unprecedented” twice.", "unprecedented", "scare"),
    ('Opening line.\n\n<tweet author="someone" id="12345">text</tweet>', "someone", "scare"),
    ("Opening line.\n\nHis book “Broken Roads: How We Lost Our Way” sold well.", "Broken Roads: How We Lost Our Way", "scare"),
    ("Opening line.\n\n“Night Shift” star Ann Lee waved.", "Night Shift", "scare"),
    ('Opening line.\n\n"(CROSSTALK.)\n\n"SMITH: We will win.', "(CROSSTALK.)", "scare"),
    ("Opening line.\n\nThe crowd answered “[inaudible]” twice.", "[inaudible]", "scare"),
    ("Opening line.\n\n“We will (eventually) win,” she said.", "We will (eventually) win,", "speech"),
    # nicknames inside a name, and a pronoun quoted as a word
    ('Opening line.\n\nRep. Robert C. "Bobby" Scott opened his home.', "Bobby", "scare"),
    ("Opening line.\n\nGov. C.L. “Butch” Otter spoke first.", "Butch", "scare"),
    ("Opening line.\n\nWhy vote for him, unless “she” is a “he”?", "she", "scare"),
    ("Opening line.\n\nWhy vote for him, unless “she” is a “he”?", "he", "scare"),
    # negatives: a word after a name that is not a nickname, a pronoun inside a sentence
    ("Opening line.\n\nKim called Trump “a dotard” Monday in a statement.", "a dotard", "partial"),
    ("Opening line.\n\nThe senator called it “her idea,” not his.", "her idea,", "partial"),
    ("Opening line.\n\n“He will,” she said.", "He will,", "speech"),
    # headlines and subheadings: fragments, kept
    ("Mayor Promises “Better Roads”\n\nBody text here.", "Better Roads", "partial"),
    ("Opening line.\n\n“We Will Be Back”\n\nMore text follows here.", "We Will Be Back", "partial"),
]


@pytest.mark.parametrize("text,quote,kind", KINDS)
def test_kinds(text, quote, kind):
    assert (quote, kind) in kinds_of(text)


def test_frames_cut_long_quotes_and_map_back():
    text = ("Headline here.\n\nNo quote in this paragraph at all.\n\n"
            "“One two three four five six seven eight nine ten eleven twelve thirteen,” Ann Lee said.")
    aq = frames.scan(text)
    [frame] = frames.build(text, aq)
    assert "No quote" not in frame.text and "…" in frame.text
    name_at = frame.text.index("Ann Lee")
    assert text[frame.to_article(name_at):frame.to_article(name_at) + 7] == "Ann Lee"
    [cand] = frame.candidates
    assert frame.text[cand.open_start] == "“" and frame.text[cand.close_end - 1] == "”"


RUNS = [
    ("On the trip, U.S. President Donald Trump spoke to reporters about it.", "Donald Trump", ("U.S.", "President")),
    ("On the day, Unification Minister Chung Dong-young said so to a few people.", "Chung Dong-young",
     ("Unification", "Minister")),
    ("It was said to be Sen. G.K. Smith’s idea in the end.", "G.K. Smith", ("Sen.",)),
]


@pytest.mark.parametrize("text,name,titles", RUNS)
def test_name_runs_drop_titles(text, name, titles):
    assert any(r.name == name and r.titles == titles for r in name_runs(text))


def test_headline_capitals_are_not_names():
    assert all("Hits" not in r.name for r in name_runs("Bid to See Kim Jong Un Hits a Wall\n\nKim Jong Un waited."))


@pytest.mark.parametrize("mention,expected", [
    ("President Lee", ("Lee", ("President",))), ("Trump", ("Trump", ())),
    ("WHO Director-General Ana Ruiz", ("Ana Ruiz", ("WHO", "Director-General"))),
    ("Striker Joe Mensah", ("Joe Mensah", ("Striker",))),
    ("Chung Dong-young", ("Chung Dong-young", ())),  # a hyphenated name is not a title
    # a name, then where the person is from; an organisation's own "of" is not an affiliation
    ("Busi Mavuso of Business Leadership SA", ("Busi Mavuso", ("of", "Business", "Leadership", "SA"))),
    ("Gene Park of the union", ("Gene Park", ("of", "the", "union"))),
    ("Atlantic City Mayor Don Guardian", ("Don Guardian", ("Atlantic", "City", "Mayor"))),  # a surname that is a noun
    ("the chief economist", ("the chief economist", ("the", "chief", "economist"))),
])
def test_strip_titles(mention, expected):
    assert strip_titles(mention) == expected


@pytest.mark.parametrize("mention", ["Reserve Bank of India", "Bank of England", "Friends of the Earth"])
def test_an_organisations_of_is_not_an_affiliation(mention):
    assert strip_titles(mention)[0] not in ("Reserve Bank", "Bank", "Friends")


TEXT = ("The trip began when Donald Trump met with Kim Jong Un and later with Kim Yo-jong at the border.\n"
        "At the talks, Unification Minister Chung Dong-young and the Foreign Minister Cho Hyun spoke at length.\n"
        "In the meantime, Lee Jae Myung waited for news from the north.")


@pytest.mark.parametrize("mention,kind,expected", [
    ("Trump", "name", ("Donald Trump", "name")),
    ("President Lee", "name", ("Lee Jae Myung", "title")),
    ("Seoul’s reunification minister", "role", ("Chung Dong-young", "role")),
    ("the foreign minister", "role", ("Cho Hyun", "role")),
    ("the janitor", "role", (None, "unresolved")),  # nobody fits: never an identity
    ("the city council", "role", ("city council", "organisation")),  # a body speaks for itself
    ("Kyiv resident Ana Ruiz", "name", ("Ana Ruiz", "title")),
])
def test_resolve(mention, kind, expected):
    r = Resolver(TEXT).resolve(mention, len(TEXT), kind)
    assert (r.name, r.how) == expected


def test_shared_family_name_goes_to_the_person_already_quoted():
    r = Resolver(TEXT)
    r.remember(0, "Kim Jong Un")
    assert r.full_name("Kim", len(TEXT)) == "Kim Jong Un"


def test_kim_named_alone_is_never_another_kim():
    text = "Kim Jong Un spoke first. Later, Kim said more."
    assert Resolver(text).full_name("Kim", text.index("Kim said")) == "Kim Jong Un"


def test_pronoun_falls_back_to_previous_speaker():
    r = Resolver(TEXT)
    r.remember(10, "Donald Trump")
    got = r.resolve("he", 50, "pronoun")
    assert (got.name, got.how) == ("Donald Trump", "pronoun")
    got = Resolver(TEXT).resolve("he", 50, "pronoun", ("Trump", 0, "name"))
    assert (got.name, got.how) == ("Donald Trump", "pronoun")
