"""Discrepancy typing on real-looking variants: possessive and plural forms, spelling variants and
contractions are cosmetic, never a change of meaning; a clause added or left out is an edit, not a
changed word. (Cases found wrong by hand on real coverage, rewritten as invented sentences.)"""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.compare import textkeys as tk
from quotes.compare.diff import relate
from quotes.model import Quote, content_id


def q(text: str, article: str) -> Quote:
    return Quote(article=article, article_id=content_id(article), text=text, start_char=0, end_char=len(text),
                 line=1, column=1, kind="speech")


@pytest.mark.parametrize("canonical, variant, relation, meaning", [
    # possessive and plural forms of a name or a word: cosmetic
    ("We will crush ISIS in the east.", "We will crush ISIS’s in the east.", "cosmetic", False),
    ("The Hendersons were at the rally.", "The Henderson's were at the rally.", "cosmetic", False),
    ("the Wexlers' foundation gave money", "the Wexler foundation gave money", "cosmetic", False),
    ("the club's members voted", "the clubs' members voted", "cosmetic", False),
    # spelling variants and contractions: cosmetic
    ("It is the centre of the town, and we organise it.", "It's the center of the town, and we organize it.",
     "cosmetic", False),
    ("We cannot accept it.", "We can't accept it.", "cosmetic", False),
    ("They won't stop us.", "They will not stop us.", "cosmetic", False),
    # a possessive with other words changed: an edit, but the name is the same name
    ("We will crush ISIS and its allies.", "We will crush ISIS's allies.", "edited", False),
    # a whole clause added or left out: an edit, whatever modal or negation it holds
    ("The plan is sound.", "The plan is sound. But I will tell you, it will never pass the board.", "edited", False),
    ("She is ready: not me, not my brother, nobody is more ready than she is.",
     "She is ready: nobody is more ready than she is.", "edited", False),
    ("People like it because Rosa says what they all feel, and they vote.", "People like it, and they vote.",
     "edited", False),
    # a rendering that starts a little later is cut at the start, not matched on a stray "We"
    ("We love the old pier. We will never sell it again.", "We will never sell it again.", "trimmed", False),
    # negatives: real changes of meaning stay flagged
    ("We will not raise the fees.", "We will raise the fees.", "edited", True),
    ("We raised 40 percent.", "We raised 14 percent.", "edited", True),
    ("The team will be led by Kessler.", "The team will be led by Moran.", "edited", True),
    ("They must pay.", "They may pay.", "edited", True),
])
def test_typing(canonical, variant, relation, meaning):
    v = relate(q(canonical, "a.txt"), q(variant, "b.txt"))
    assert (v.relation, v.changes_meaning) == (relation, meaning), v.discrepancies


# words that do not already end like a plural ("-s") or like the words kept whole ("-us", "-is")
WORD = st.text(alphabet="abcdefghijklmnopqrtuvwxyz", min_size=4, max_size=10).filter(lambda w: w[-1] not in "ui")


@given(WORD)
def test_base_form_takes_off_possessive_and_plural(w):
    base = tk.base_form(w)
    assert tk.base_form(w + "'s") == base
    assert tk.base_form(w + "s") == base
    assert tk.base_form(base) == base


@given(st.sampled_from(["isis", "bus", "class", "its", "was", "his"]))
def test_base_form_keeps_words_that_only_look_plural(w):
    assert tk.base_form(w) == w
