"""The English word lists that several parts of quotes read, defined once: negations, verbs of saying,
abbreviations that end in a dot without ending a sentence, and number words.

Extraction (`quotes.extract`), the comparison of wordings (`quotes.compare.textkeys`, `quotes.check`)
and claim comparison (`quotes.claims`) import these objects; a module that needs a list of its own
derives it from them (claims add "a", "dozen" and "bn" to the number words). General English news
vocabulary only, nothing about any one story. Words are lower case; verbs are lemmas.
"""
from __future__ import annotations

from types import MappingProxyType

# words that negate a statement: "did not", "never", "no one"; "n't" is spaCy's token for the contraction
NEGATIONS = frozenset("not n't no never nor neither none nobody nothing nowhere without".split())

# verbs of saying whose complement is what the subject said: "she said (that) ...", "he denied ...". Claim
# comparison reads a clause under one of these as a report of speech, not as a fact the writer states.
SPEECH_VERBS = frozenset(
    """say confirm state announce deny suggest indicate claim insist warn describe call tell acknowledge
    note report admit promise predict reveal argue assert declare maintain explain add emphasize emphasise
    stress point signal hint write post tweet""".split())

# every verb that can introduce quoted words as their cue: the verbs of saying and the verbs that report
# quoted words only beside quote marks ("he continued: ...", "she laughed, ...", "began the letter ...")
CUE_VERBS = SPEECH_VERBS | frozenset("""
share ask answer reply respond recall continue conclude concede complain joke quip vow pledge remark
observe mention testify shout chant yell scream whisper agree counter caution urge demand boast brag lament
muse wonder repeat reiterate recount contend allege estimate exclaim read put characterize characterise
label dub term refer speak praise criticize criticise blast slam mock tout hail accuse charge plead thank
apologize apologise sing text email inform remind assure express interject interrupt retort reason
proclaim pronounce recite summarize summarise sum offer grumble mutter murmur cry cheer laugh sigh snap
bark thunder rail scoff sneer tease taunt gush rave begin open start finish end close elaborate clarify
correct quote cite disclose concur opine affirm
""".split())

# abbreviations written with a dot that does not end the sentence ("Mr. Kim", "Sgt. Lee", "A vs. B");
# lower case, without the dot
ABBREVIATIONS = frozenset("mr mrs ms dr st jr sr gen sen rep gov prof lt col sgt capt rev hon vs".split())

# number words and their values
ONES = MappingProxyType({w: i for i, w in enumerate(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen""".split())})
TENS = MappingProxyType({w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)})
SCALES = MappingProxyType({"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
                           "trillion": 1_000_000_000_000})
NUMBER_WORDS = MappingProxyType({**ONES, **TENS, **SCALES})
