"""One lexicon: negations, verbs of saying, abbreviations and number words are defined in quotes/lexicon.py
alone, and every part of quotes reads those objects."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from quotes import lexicon
from quotes.check import edits
from quotes.claims import clauses, dated, numbers
from quotes.compare import diff, textkeys
from quotes.extract import cues, resolve

PACKAGE = Path(lexicon.__file__).parent
NAMES = {"NEGATIONS", "SPEECH_VERBS", "CUE_VERBS", "ABBREVIATIONS", "NUMBER_WORDS", "ONES", "TENS", "SCALES"}
# words that together only a definition of one of those lists spells out (the lists of title words,
# `cues.TITLES` and `speakers.HONORIFICS`, share "mr" and "sgt" with the abbreviations, not "jr st")
SENTINELS = {("nowhere",): "NEGATIONS", ("reiterate",): "CUE_VERBS", ("seventeen",): "ONES",
             ("jr", "sr", "st"): "ABBREVIATIONS"}


@pytest.mark.parametrize("module, name, lexicon_name", [
    (diff, "NEGATIONS", "NEGATIONS"), (edits, "NEGATIONS", "NEGATIONS"),
    (clauses, "NEGATIONS", "NEGATIONS"),
    (clauses, "SPEECH_VERBS", "SPEECH_VERBS"), (dated, "SPEECH_VERBS", "SPEECH_VERBS"), (cues, "CUE_VERBS", "CUE_VERBS"),
    (resolve, "ABBREVIATIONS", "ABBREVIATIONS"), (textkeys, "ABBREVIATIONS", "ABBREVIATIONS"),
    (textkeys, "NUMBER_WORDS", "NUMBER_WORDS"), (numbers, "TENS", "TENS"),
])
def test_each_module_reads_the_lexicon_objects(module, name, lexicon_name):
    assert getattr(module, name) is getattr(lexicon, lexicon_name)


def definitions(path: Path) -> list[str]:
    """Module-level assignments of a literal (not a value derived from another name) to a lexicon name, and
    string constants that spell out a sentinel's words."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = [t.id for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None
             and not any(isinstance(n, ast.Name) and n.id.isupper() for n in ast.walk(node.value))
             for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
             if isinstance(t, ast.Name) and t.id in NAMES]
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            words = set(node.value.casefold().replace('"', " ").split())
            found += [name for sentinel, name in SENTINELS.items() if words.issuperset(sentinel)]
    return found


def test_no_second_definition_of_a_lexicon_list():
    others = {str(p.relative_to(PACKAGE)): definitions(p) for p in PACKAGE.rglob("*.py") if p != PACKAGE / "lexicon.py"}
    assert {p: d for p, d in others.items() if d} == {}
    # the scan does find the definitions where they are
    assert set(SENTINELS.values()) <= set(definitions(PACKAGE / "lexicon.py")) and all(hasattr(lexicon, n) for n in NAMES)


def test_the_scan_finds_a_definition(tmp_path):
    copy = tmp_path / "m.py"
    copy.write_text('NEGATIONS = frozenset("not no".split())\nX = "one two seventeen"\nSCALES = {**BASE, "k": 1}\n'
                    'T = "mr jr sgt"\nA = ("jr", "sr", "st")\n', encoding="utf-8")
    assert definitions(copy) == ["NEGATIONS", "ONES"]  # a derived SCALES and a list of titles are no copies
    copy.write_text('A = "mr jr sr st"\n', encoding="utf-8")
    assert definitions(copy) == ["ABBREVIATIONS"]


def test_the_lists_are_what_they_say():
    assert {"not", "n't", "never", "nobody", "without"} <= lexicon.NEGATIONS and "now" not in lexicon.NEGATIONS
    assert lexicon.SPEECH_VERBS < lexicon.CUE_VERBS
    assert {"say", "tell", "deny", "hint"} <= lexicon.SPEECH_VERBS
    # verbs that report quoted words only beside quote marks are not verbs of reported speech for claims
    assert {"continue", "begin", "laugh"} <= lexicon.CUE_VERBS - lexicon.SPEECH_VERBS
    assert {"mr", "dr", "sgt", "rev", "vs"} <= lexicon.ABBREVIATIONS and "he" not in lexicon.ABBREVIATIONS
    assert lexicon.NUMBER_WORDS["seven"] == 7 and lexicon.NUMBER_WORDS["forty"] == 40
    assert lexicon.NUMBER_WORDS["million"] == 1_000_000 and len(lexicon.ONES) == 20
    with pytest.raises(TypeError):  # read-only: no module can grow its own copy by mutation
        lexicon.NUMBER_WORDS["gazillion"] = 1  # type: ignore[index]


@pytest.mark.parametrize("word", sorted(lexicon.NUMBER_WORDS))
def test_every_number_word_means_the_same_to_the_diff_and_to_claims(word):
    value = lexicon.NUMBER_WORDS[word]
    assert textkeys.word_keys(word) == (str(value),)
    assert numbers.parse_number(word).value == value


@pytest.mark.parametrize("text, entity", [
    ("Mr. Kim", True), ("Sgt. Lee", True), ("Rev. Smith", True), ("vs. Smith", True),  # the dot ends no sentence
    ("ended. Kim", False), ("he. Then", False),
])
def test_abbreviations_keep_a_sentence_going_when_words_are_compared(text, entity):
    ws = textkeys.words(text)
    assert textkeys.is_entity(ws, 1, text) is entity
