"""Which subject words can name a source of speech (no model needed: the words are tagged by hand)."""
import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from quotes.extract.sources import can_speak, plausible

VOCAB = Vocab()


def head(words: list[tuple[str, str]], at: int, ents: list[str] | None = None):
    """The token `at` of a hand-tagged sentence of (word, POS) pairs; the first word starts the sentence."""
    doc = Doc(VOCAB, words=[w for w, _ in words], pos=[p for _, p in words],
              lemmas=[w.lower() for w, _ in words], sent_starts=[True] + [False] * (len(words) - 1),
              ents=ents)
    return doc[at]


CASES = [
    # (words, index of the subject's head word, plausible?)
    ([("The", "DET"), ("minister", "NOUN"), ("said", "VERB")], 1, True),
    ([("Two", "NUM"), ("officials", "NOUN"), ("said", "VERB")], 1, True),
    ([("His", "PRON"), ("spokeswoman", "NOUN"), ("said", "VERB")], 1, True),
    ([("Critics", "NOUN"), ("called", "VERB"), ("it", "PRON")], 0, True),
    ([("The", "DET"), ("agency", "NOUN"), ("warned", "VERB")], 1, True),
    ([("The", "DET"), ("campaign", "NOUN"), ("said", "VERB")], 1, True),
    ([("A", "DET"), ("veteran", "NOUN"), ("economist", "NOUN"), ("said", "VERB")], 2, True),
    ([("The", "DET"), ("report", "NOUN"), ("found", "VERB")], 1, True),
    ([("The", "DET"), ("letter", "NOUN"), ("read", "VERB")], 1, True),
    ([("She", "PRON"), ("said", "VERB")], 0, True),
    ([("Then", "ADV"), ("Okafor", "PROPN"), ("said", "VERB")], 1, True),
    ([("Then", "ADV"), ("the", "DET"), ("Pentagon", "NOUN"), ("said", "VERB")], 2, True),  # a capital mid-sentence
    ([("Then", "ADV"), ("Okafor", "NOUN"), ("said", "VERB")], 1, True),  # a mistagged surname
    ([("63", "NUM"), ("percent", "NOUN"), ("said", "VERB")], 1, True),
    ([("The", "DET"), ("meeting", "NOUN"), ("began", "VERB")], 1, False),
    ([("Her", "PRON"), ("fondness", "NOUN"), ("for", "ADP"), ("talks", "NOUN"), ("was", "AUX")], 1, False),
    ([("The", "DET"), ("time", "NOUN"), ("is", "AUX"), ("right", "ADJ")], 1, False),
    ([("The", "DET"), ("weather", "NOUN"), ("turned", "VERB")], 1, False),
    ([("Optimism", "NOUN"), ("ended", "VERB")], 0, False),  # capitalised only because it opens the sentence
    ([("Then", "ADV"), ("“", "PUNCT"), ("Optimism", "NOUN"), ("ended", "VERB")], 2, False),  # or opens a quote
    ([("The", "DET"), ("bridge", "NOUN"), ("opened", "VERB")], 1, False),
]


@pytest.mark.parametrize("words,at,expected", CASES)
def test_plausible(words, at, expected):
    assert plausible(head(words, at)) is expected


def test_entity_label_makes_a_source():
    # a lower-case word the recogniser labels an organisation ("the fund" is in no lexicon as a name)
    words = [("Then", "ADV"), ("acme", "NOUN"), ("replied", "VERB")]
    assert plausible(head(words, 1, ents=["O", "B-ORG", "O"]))
    assert not plausible(head(words, 1, ents=["O", "O", "O"]))


def test_a_sentence_initial_name_is_known_from_elsewhere_in_the_text():
    words = [("Okafor", "NOUN"), ("began", "VERB"), ("with", "ADP"), ("Okafor", "PROPN"), ("again", "ADV")]
    assert plausible(head(words, 0))
    assert not plausible(head(words[:3], 0))


SPEECH = [
    # (subject, verb lemma, can speak?): a verb of saying vouches for its subject, other verbs do not
    ("footnote", "say", True),
    ("weather", "say", True),
    ("weather", "begin", False),
    ("weather", "be", False),
    ("minister", "begin", True),
    ("minister", "be", True),
]


@pytest.mark.parametrize("subject,lemma,expected", SPEECH)
def test_can_speak(subject, lemma, expected):
    doc = Doc(VOCAB, words=["The", subject, lemma], pos=["DET", "NOUN", "VERB"], lemmas=["the", subject, lemma],
              sent_starts=[True, False, False])
    assert can_speak(doc[1], doc[2]) is expected
