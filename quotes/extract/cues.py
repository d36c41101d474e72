"""The cue lexicon: words that introduce or report speech.

A cue is a verb of saying (said, told, added, wrote, ...: `quotes.lexicon.CUE_VERBS`), a noun of saying in a fixed phrase
("in a statement", "according to"), or a colon that introduces a quote. The lexicon is by lemma, so
"said", "says", "saying" all match "say".
"""
from __future__ import annotations

from quotes.lexicon import CUE_VERBS

# verbs that introduce a report but not the speaker's own words when they govern a partial quote
REPORTING_NOUNS = frozenset("""
statement interview remarks remark comment comments speech address message letter post tweet tweets
release announcement testimony response reply answer email briefing conference memo note op-ed essay
column editorial report words
""".split())

PRONOUNS = {
    "he": "m", "him": "m", "she": "f", "her": "f", "they": "p", "them": "p", "i": "s", "we": "p",
    "it": "n", "you": "s",
}

# words before a name that give a title or role and are not part of the name
TITLES = frozenset("""
mr mrs ms miss dr prof sen senator rep representative gov governor president vice pres sec secretary
minister premier chancellor mayor judge justice gen general col colonel lt lieutenant capt captain adm
admiral sgt sergeant rev reverend father sister brother sir dame lord lady king queen prince princess
former then late chairman chairwoman chair chief ceo leader speaker spokesman spokeswoman spokesperson
ambassador attorney candidate nominee commissioner director officer professor coach host anchor
u.s. us state deputy acting assistant press house senate white congressman congresswoman councilman
councilwoman delegate supreme court first lady pope cardinal bishop dean
pm mp mep mla msp ceo cfo coo cto md pres. sen. rep. gov. insp inspector superintendent sheriff
""".split())


def is_speech_lemma(lemma: str) -> bool:
    return lemma.lower() in CUE_VERBS
