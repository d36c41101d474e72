"""Who the surrounding sentences are about: pronoun antecedents and the speaker of a quote with no attribution.

Both read the parse of a frame (the quote paragraphs plus, for a paragraph that names nobody, the end of the
paragraph before it: see `frames`).

- `antecedent`: the person a pronoun speaker ("he said") stands for. A named subject earlier in its own
  sentence, else the subjects of the sentences before it, nearest first, up to `LOOK_BACK` sentences. A
  subject that is itself a pronoun of the same person ("He added that …") passes the search on to the
  sentence before; a subject that cannot be the pronoun's person is skipped: "she" is never a man named
  "Mr …" or a subject whose own pronouns say "he", "he" and "she" never a thing ("The book", "The meeting")
  or a group.
- `context_speaker`: a quote that opens its paragraph with no attribution of its own ("Smith criticised the
  plan. ¶ “…”") belongs to the subject of the sentence right before it when that subject is a person (or a
  pronoun standing for one). When that sentence is a question with no subject in the news ("Is the plan
  working? ¶ “…”", the interviewer's line), the quote is the interviewee's answer (`ANSWER`).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from quotes.extract.cues import REPORTING_NOUNS as SPEECH_NOUNS
from quotes.extract.gender import pronoun_gender, token_gender
from quotes.extract.ranges import TokenRanges, as_ranges
from quotes.extract.sources import AGENT_ENDINGS, PEOPLE, SOURCE_ENTS, TEXTS, _named_elsewhere, is_group_word

SUBJ = {"nsubj", "nsubjpass", "csubj"}
LOOK_BACK = 4
PERSON_PRONOUNS = {"he", "she", "him", "her", "i"}
ANSWER = "answer"


def _in_quote(i: int, quote_ranges: TokenRanges) -> bool:
    return quote_ranges.covers(i)


def sentence_subject(sent: Span, end: int | None = None) -> Token | None:
    """The subject of a sentence's main verb, or of the first verb with one ("In March, she returned …").
    With `end`, only the sentence's words before token `end` count (the parser sometimes runs a sentence
    on into the quote that follows it)."""
    if end is not None and end < sent.end:
        part = sent.doc[sent.start:max(end, sent.start)]
        verbs = [t for t in part if t.pos_ in ("VERB", "AUX") and not sent.start <= t.head.i < end]
        subj = next((c for v in verbs for c in v.children if c.dep_ in SUBJ and c.i < end), None)
        if subj is None:
            subj = next((t for t in part if t.dep_ in SUBJ and t.head.pos_ in ("VERB", "AUX")), None)
    else:
        subj = next((c for c in sent.root.children if c.dep_ in SUBJ), None)
        if subj is None:
            subj = next((t for t in sent if t.dep_ in SUBJ and t.head.pos_ in ("VERB", "AUX")), None)
    if subj is not None and subj.pos_ == "NOUN" and (subj.lemma_.lower() in SPEECH_NOUNS or not is_person(subj)) \
            and not is_document(subj):
        # "Kim’s response was firm", "Some details of Ito's claims changed": the named possessor
        poss = next((c for c in subj.subtree if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if poss is not None and (poss.pos_ == "PROPN" or poss.ent_type_ == "PERSON"):
            return poss
    return subj


def is_document(tok: Token) -> bool:
    """A text that speaks for itself ("the budget documents show", "the study found"), not a speech act that
    is its possessor's ("Kim's response")."""
    low = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (low in TEXTS or tok.lower_ in TEXTS) and low not in SPEECH_NOUNS


def is_person(tok: Token) -> bool:
    """Can `tok` (a subject's head) be one person: a name or a noun for people, not a thing or a group."""
    if tok.lower_ in PERSON_PRONOUNS or tok.ent_type_ == "PERSON":
        return True
    if tok.ent_type_ in SOURCE_ENTS:  # an organisation, a country, a building
        return False
    if is_group_word(tok.lower_):
        return False  # "Friends offered …", "Aides said": a group, whatever the tagger says
    if tok.pos_ == "PROPN":
        return True
    if tok.pos_ != "NOUN" or tok.tag_ == "NNS":
        return False
    if tok.text[:1].isupper() and (tok.lower_ in (tok.doc._.quote_names or ()) or _named_elsewhere(tok)):
        return True  # "Draper meanwhile won …" tagged as the trade: a name elsewhere in the article
    if any(d.dep_ == "appos" and d.pos_ == "PROPN" for d in tok.subtree):  # "Another villager, Rosa Mbeki,"
        return True
    low = tok.lemma_.lower()
    return low in PEOPLE or tok.lower_ in PEOPLE or low.endswith(AGENT_ENDINGS) and len(low) > 5


def _fits(tok: Token, want: str | None) -> bool:
    """Can `tok` be the person of a pronoun of gender `want` ("m", "f", or None: any person)?"""
    if want == "p":  # "they": people, or a body that speaks
        return tok.pos_ in ("PROPN", "NOUN") or tok.lower_ == "they"
    if not is_person(tok):
        return False
    got = token_gender(tok)
    return want is None or got is None or got == want


def antecedent(doc: Doc, tok_index: int, quote_ranges: TokenRanges | list[tuple[int, int]]) -> Span | None:
    """The mention that the pronoun at `tok_index` stands for (see the module docstring), or None."""
    from quotes.extract.attribution import mention_span

    quote_ranges = as_ranges(quote_ranges)
    pron = doc[tok_index]
    want = pronoun_gender(pron.lower_)
    sent = pron.sent
    for t in reversed(doc[sent.start:tok_index]):  # "Sen. Jones scolded him: “…,” she said."
        if t.dep_ in SUBJ and t.pos_ == "PROPN" and not _in_quote(t.i, quote_ranges) and _fits(t, want):
            return mention_span(t)
    k = sent.start
    for _ in range(LOOK_BACK):
        if k <= 0:
            return None
        prev = doc[k - 1].sent
        k = prev.start
        subj = sentence_subject(prev)
        if subj is not None and subj.lower_ == "it":  # "it was Ana Ruiz who opened the day": the cleft's person
            subj = next((c for c in subj.head.children if c.dep_ == "attr" and c.pos_ == "PROPN"), subj)
        if subj is None or _in_quote(subj.i, quote_ranges):
            continue
        if subj.lower_ in PERSON_PRONOUNS | {"they", "it"}:
            continue  # "He added that …": the same person again, or another one: the name is further back
        if _fits(subj, want):
            return mention_span(subj)
    return None


def context_speaker(doc: Doc, qa: int, quote_ranges: TokenRanges | list[tuple[int, int]],
                    opens_line: bool = True) -> tuple[str, Span | None] | None:
    """For a quote at token `qa` with no attribution: ("context", mention) when the sentence before it has
    a person as its subject, (ANSWER, None) when that sentence is a question put to the interviewee, else
    None. A quote inside a paragraph ("Rates will fall, says Ana Ruiz. “…”") needs a verb of saying in
    that sentence, whose subject is the speaker."""
    from quotes.extract.attribution import mention_span, subject_of
    from quotes.extract.cues import is_speech_lemma

    quote_ranges = as_ranges(quote_ranges)
    j = qa - 1
    while j >= 0 and (doc[j].is_space or _in_quote(j, quote_ranges)):
        if _in_quote(j, quote_ranges):
            return None  # the paragraph before ends in a quote: the article-level rules decide
        j -= 1
    if j < 0:
        return None
    prev = doc[j].sent
    if not opens_line:
        for verb in prev:
            if verb.pos_ == "VERB" and is_speech_lemma(verb.lemma_) and not _in_quote(verb.i, quote_ranges):
                subj = subject_of(verb)
                if subj is not None and not _in_quote(subj.i, quote_ranges) and is_person(subj):
                    return "context", mention_span(subj)
        return None
    if doc[j].text == "?" and not any(_in_quote(t.i, quote_ranges) for t in doc[prev.start:j]):
        return ANSWER, None
    subj = sentence_subject(prev, qa)
    if subj is None or not (is_person(subj) or subj.lower_ == "they"):
        # "If he has one piece of advice, it is …", "At her age, she said, the shortages are …": the person
        # named or meant by the subject of another clause
        subj = next((t for t in doc[prev.start:min(qa, prev.end)] if t.dep_ in SUBJ and not _in_quote(t.i, quote_ranges)
                     and (t.pos_ == "PROPN" or t.lower_ in ("he", "she"))), subj)
    if subj is None or _in_quote(subj.i, quote_ranges) or not (is_person(subj) or subj.lower_ == "they"
                                                                or is_document(subj)):
        return None
    return "context", mention_span(subj)
