"""Attribution on a parsed Doc: for one quoted span, the cue and the words that name its speaker.

Patterns, tried in this order (the first that finds a speaker wins; `pattern` names it):

- `cue_after`     “…,” X said / “…,” said X / “…,” X, who …, said (the cue verb governs the quote or
                  hangs off it, after the closing mark)
- `cue_before`    X said “…” / X told reporters: “…” / X, who …, said, “…” / ..., saying, “…”
- `according_to`  according to X, “…” / “…,” according to X
- `colon`         X <any verb> …: “…” (a colon introduction; "North Korea announced …: “…”")
- `governor`      a partial quote inside a clause: the subject of the nearest verb above it
                  ('He spoke of “fond memories”', 'what Trump called “love letters”')
- `adjacent`      no usable parse: a name or pronoun next to a cue word right after the quote

A subject found through the parse is a speaker only when it can speak (`sources.can_speak`).
A quote whose governing clause has a subject that cannot speak ("Perhaps the timing is wrong, but who
knows about those “…”") is `unsourced`: nobody, and the article-level rules leave it alone too.
Quotes with none of these are left to the article-level rules (continuation, previous speaker).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from quotes.extract.cues import PRONOUNS, REPORTING_NOUNS, is_speech_lemma
from quotes.extract.marks import NAME_BREAKING_MARKS
from quotes.extract.resolve import is_title_word
from quotes.extract.sources import SOURCE_ENTS, can_speak

SUBJ = {"nsubj", "nsubjpass", "csubj"}
NAME_LEFT = {"compound", "amod", "det", "poss", "nmod", "nummod", "case", "punct", "prep", "pobj"}
SPEECH_NOUNS = REPORTING_NOUNS | {"plea", "response", "warning", "appeal", "request", "demand", "claim", "promise",
                                   "argument", "call", "pitch", "view", "position", "message", "reaction", "slogan",
                                   "motto", "mantra", "refrain", "catchphrase", "broadside", "retort", "quip", "line"}
WEAK_SPEAKERS = {"it", "its", "’s", "'s"}  # a fine subject for "it said", not for a colon or a partial quote
NOT_SPEAKERS = {"this", "that", "there", "what", "which", "who", "whom", "whose", "these", "those", "here"}
ADDRESSED = frozenset("ask tell question urge warn remind inform invite challenge press".split())  # passive: addressee
CONFIDENCE = {"cue_after": 0.95, "cue_before": 0.92, "according_to": 0.9, "colon": 0.85, "governor": 0.7,
              "adjacent": 0.75, "dash": 0.85}


@dataclass(frozen=True)
class Attribution:
    pattern: str
    speaker: Span | None  # the mention; None for `unsourced`: the writer's own clause, nobody speaks
    cue: Token | Span | None
    confidence: float


def token_range(doc: Doc, start_char: int, end_char: int) -> tuple[int, int]:
    """(first token index, index after the last token) of the tokens overlapping the characters."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return 0, 0
    return span.start, span.end


def mention_span(tok: Token) -> Span:
    """The words that name the speaker: the subject's head word with its name-building words on the left."""
    doc = tok.doc
    if tok.lower_ in PRONOUNS or tok.pos_ == "PRON":
        return doc[tok.i:tok.i + 1]
    if tok.pos_ == "PROPN" and is_title_word(tok.text):  # "Minister of Natural Resources, Ana Ruiz,"
        named = _titled_name(tok)
        if named is not None:
            return named
    if tok.pos_ == "NOUN":  # "the host Tom Hall": the name that follows the role
        for child in tok.rights:
            if child.dep_ in ("appos", "compound") and child.pos_ == "PROPN" and child.left_edge.i == tok.i + 1:
                return doc[child.left_edge.i:child.i + 1]
        # "Another farmer, Rosa Mbeki, said", "The head of the unit, Karim Diallo, says": the name in apposition
        for child in tok.subtree:
            if child.i > tok.i and child.dep_ == "appos" and (child.pos_ == "PROPN" or child.ent_type_ == "PERSON") \
                    and doc[child.i - 1].dep_ in ("punct", "compound") and (child.head.i == tok.i or child.head.dep_ == "pobj"):
                return _name_ending_at(child, tok.i)
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in NAME_LEFT and child.dep_ not in ("punct", "prep", "pobj"):
            start = min(start, child.left_edge.i)
    end = tok.i + 1
    # names written after the head word ("Rep. G.K. Butterfield (D-N.C.)" keeps the name, drops the rest)
    while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].head.i in range(start, end) \
            and doc[end].dep_ in ("compound", "flat", "appos") and doc[end].whitespace_ is not None:
        if doc[end].dep_ == "appos" and doc[end - 1].text == ",":
            break
        end += 1
    marks = [t.i for t in doc[start:tok.i] if t.text in NAME_BREAKING_MARKS]
    if marks:  # "On “The Song” Ana Ruiz sings": a quoted title before the name is not part of it
        start = marks[-1] + 1
    while start < tok.i and doc[start].is_punct:
        start += 1
    commas = [t.i for t in doc[start:end] if t.text == ","]
    if commas:  # "Flynn, a top surrogate" -> "Flynn"; "the senator, Graham" -> "Graham"
        first, rest = doc[start:commas[0]], doc[commas[-1] + 1:end]
        pick = first if any(t.pos_ == "PROPN" for t in first) or not len(rest) else rest
        if len(pick):
            return pick
    return doc[start:end]


def _name_ending_at(head: Token, floor: int) -> Span:
    """The name whose last word is `head`, with the proper nouns that build it on the left (after `floor`)."""
    doc = head.doc
    start = head.i
    while start - 1 > floor and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == head.i:
        start -= 1
    return doc[start:head.i + 1]


def _titled_name(tok: Token) -> Span | None:
    """The person behind a capitalised title at the head of a subject: a name in apposition ("Minister
    of Mines, Ana Ruiz,") or a titled name after "of" ("Chief of Army Staff General Ana Ruiz")."""
    doc = tok.doc
    for child in tok.rights:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            return _name_ending_at(child, tok.i)
    for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
            chain = doc[pobj.left_edge.i:pobj.i + 1]
            words = [t.text for t in chain]
            last = max((k for k, w in enumerate(words) if is_title_word(w)), default=-1)
            if 0 <= last < len(words) - 1 and all(t.pos_ == "PROPN" for t in chain[last + 1:]):
                return chain[last + 1:]
    return None


def speaker_of(subj: Token) -> Token:
    """A subject like "Kim’s response" or "Lee’s plea" speaks for its possessor."""
    if subj.pos_ == "NOUN" and subj.lemma_.lower() in SPEECH_NOUNS:
        poss = next((c for c in subj.children if c.dep_ == "poss"), None)
        if poss is not None and (poss.pos_ in ("PROPN", "PRON") or poss.ent_type_ in ("PERSON", "ORG", "GPE")):
            return poss
    return subj


def subject_of(verb: Token, skip: tuple[int, int] = (0, 0)) -> Token | None:
    """The subject of a verb, climbing through 'saying' / 'adding' clauses and conjoined verbs. A subject
    inside the token range `skip` (the quote: "“Good guy,” his neighbour, Ana Ruiz, said" parsed with
    "guy" as a second subject) does not count."""
    seen = 0
    v = verb
    while v is not None and seen < 6:
        seen += 1
        if seen > 1 and v.dep_ == "ccomp" and is_speech_lemma(v.head.lemma_) and v.head.pos_ == "VERB":
            v = v.head  # "X said the move was made by Y and said, “…”": X, not the reported clause's subject
            continue
        for c in v.children:  # passive: "X was asked by Y, “…”" — the agent speaks
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        for c in v.children:
            if c.dep_ == "nsubjpass" and v.lemma_.lower() in ADDRESSED:
                return None  # "Ishiba was asked, “…?”": the one asked does not say the question
            if c.dep_ in SUBJ and c.lower_ not in NOT_SPEAKERS and any(ch.isalpha() for ch in c.text) \
                    and not skip[0] <= c.i < skip[1]:
                return speaker_of(c)
        if v.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp", "ccomp", "relcl") and v.head != v:
            if v.dep_ == "relcl":
                return v.head  # "X, who said …" / "officials who said"
            v = v.head
            continue
        break
    return None


def _inside(i: int, qa: int, qb: int) -> bool:
    return qa <= i < qb


def _clean_subject(tok: Token | None, qa: int, qb: int, verb: Token) -> Token | None:
    """A subject of `verb` outside the quote that can be a source of speech (`sources.can_speak`), else None."""
    if tok is None or _inside(tok.i, qa, qb):
        return None
    nominal = tok.pos_ == "ADJ" and any(c.dep_ == "det" for c in tok.children)  # "the 24-year-old", "the accused"
    if (tok.pos_ in ("NOUN", "PROPN", "PRON") or nominal or tok.ent_type_) and can_speak(tok, verb):
        return tok
    return None


def attribute(doc: Doc, start_char: int, end_char: int, open_start: int, close_end: int,
              blocked: list[tuple[int, int]]) -> Attribution | None:
    """Find who the quote text[start_char:end_char] is attributed to inside `doc`.

    `blocked` holds the token ranges of the other quotes of the doc: nothing inside them is a cue or speaker.
    """
    qa, qb = token_range(doc, open_start, close_end)
    if qa == qb:
        return None
    sent = doc[qa].sent
    sa, sb = sent.start, max(sent.end, doc[qb - 1].sent.end)
    pa, pb = paragraph_tokens(doc, open_start, close_end)
    sa, sb = max(sa, pa), min(sb, pb)

    def free(i: int) -> bool:
        return sa <= i < sb and not _inside(i, qa, qb) and not any(_inside(i, a, b) for a, b in blocked)

    found = _according_to(doc, qa, qb, free) or _dash(doc, open_start, close_end)
    if found:
        return found
    # verbs above the quote, outside it
    inside_roots = [t for t in doc[qa:qb] if not _inside(t.head.i, qa, qb) or t.head == t]
    cands: list[tuple[int, Token, str]] = []
    for r in inside_roots:
        h = r.head
        depth = 0
        while h is not None and depth < 8:
            if free(h.i) and h.pos_ in ("VERB", "AUX"):
                side = "cue_after" if h.i >= qb else "cue_before"
                cands.append((depth, h, side))
            if h.head == h:
                break
            h = h.head
            depth += 1
    # cue verbs hanging off the quote ("“…,” he said" parsed as parataxis)
    for t in doc[qa:qb]:
        for c in t.children:
            if free(c.i) and c.pos_ in ("VERB", "AUX") and is_speech_lemma(c.lemma_):
                cands.append((0, c, "cue_after" if c.i >= qb else "cue_before"))
    cands.sort(key=lambda x: (not is_speech_lemma(x[1].lemma_), x[0], abs(x[1].i - (qb if x[1].i >= qb else qa))))
    for _, verb, side in cands:
        if not is_speech_lemma(verb.lemma_):
            continue
        subj = _clean_subject(subject_of(verb, (qa, qb)), qa, qb, verb)
        if subj is not None and free(subj.i) or subj is not None and subj.i < sa:
            return Attribution(side, mention_span(subj), verb, CONFIDENCE[side] - (0.05 if subj.pos_ == "PRON" else 0))
    def near(i: int) -> bool:  # the quote's paragraph, sentence boundaries aside ("“…?” Graham asked.")
        return pa <= i < pb and not _inside(i, qa, qb) and not any(_inside(i, a, b) for a, b in blocked)

    adj = _adjacent(doc, qa, qb, near) or _adjacent_before(doc, qa, free)
    if adj:
        return adj
    colon = _colon(doc, qa, lambda i: not _inside(i, qa, qb) and not any(_inside(i, a, b) for a, b in blocked))
    if colon:
        return colon
    source = _according_to(doc, qa, qb, free, sa, sb)  # "…, according to court papers" anywhere in the sentence
    if source:
        return source
    writer = None
    for _, verb, _side in cands:
        agent = _passive_agent(verb, qb)
        if agent is not None and free(agent.i):
            return Attribution("governor", mention_span(agent), verb, CONFIDENCE["governor"])
        subj = _clean_subject(subject_of(verb, (qa, qb)), qa, qb, verb)
        if subj is not None and free(subj.i) and subj.lower_ not in WEAK_SPEAKERS:
            return Attribution("governor", mention_span(subj), verb, CONFIDENCE["governor"])
        raw = subject_of(verb)
        if writer is None and subj is None and raw is not None and free(raw.i) and raw.pos_ in ("NOUN", "PROPN"):
            writer = verb  # the quote sits in a clause about something that cannot speak
    if writer is not None:
        return Attribution("unsourced", None, None, 0.0)
    return None


def paragraph_tokens(doc: Doc, start_char: int, end_char: int) -> tuple[int, int]:
    """Token range of the paragraph (line) holding the characters: attribution never crosses a line."""
    text = doc.text
    a = text.rfind("\n", 0, start_char) + 1
    b = text.find("\n", end_char)
    b = len(text) if b < 0 else b
    span = doc.char_span(a, b, alignment_mode="expand") if b > a else None
    return (span.start, span.end) if span is not None else (0, len(doc))


_SIGNATURE = re.compile(r"[ \t\u00a0]*(?:[—–―:]|--?)[ \t\u00a0]*"
                        r"((?:[A-Z&][\w&.’'-]*|of|and|for|the|de)(?:[ \t\u00a0]+(?:[A-Z&][\w&.’'-]*|of|and|for|the|de)){0,7})"
                        r"[ \t\u00a0]*\.?[ \t\u00a0]*(?:\n|$)")


def _dash(doc: Doc, open_start: int, close_end: int) -> Attribution | None:
    """A line that is a quote and a signature: “…” — Ann Brooks / ‘…’: Ann Brooks / ‘…’: TD Economics.
    Only a quote that opens its line: "… raises spectre of ‘terror’ - Site Name" is a headline with the
    site's name after it."""
    text = doc.text
    if text[text.rfind("\n", 0, open_start) + 1:open_start].strip():
        return None
    m = _SIGNATURE.match(text, close_end)
    if not m:
        return None
    span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
    if span is None or not len(span) or not span[0].text[:1].isupper():
        return None
    colon = text[close_end:m.start(1)].strip() == ":"
    return Attribution("colon" if colon else "dash", span, None, CONFIDENCE["colon" if colon else "dash"])


def _passive_agent(verb: Token, qb: int) -> Token | None:
    """“…” named by X: a passive participle governing the quote, with "by" and a name after the quote
    (attached to the verb or, as the parse often has it, to a word in between)."""
    if verb.tag_ != "VBN" or verb.i >= qb:
        return None
    for t in verb.subtree:
        if t.i >= qb and t.lower_ == "by" and t.dep_ in ("agent", "prep"):
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in SOURCE_ENTS):
                return obj
    return None


def _according_to(doc: Doc, qa: int, qb: int, free, sa: int | None = None, sb: int | None = None) -> Attribution | None:
    """according to X, “…” / “…,” according to X: right next to the quote, or anywhere in the sentence
    between the token indices `sa` and `sb` when given."""
    near = list(range(qb, min(qb + 4, len(doc)))) + list(range(max(qa - 12, 0), qa))
    for i in (near if sa is None else range(sa, sb)):
        t = doc[i]
        if free(i) and t.lower_ == "according" and i + 1 < len(doc) and doc[i + 1].lower_ == "to":
            for j in range(i + 2, min(i + 8, len(doc))):
                if doc[j].pos_ in ("PROPN", "NOUN", "PRON") and free(j):
                    head = doc[j]
                    while head.i + 1 < len(doc) and head.head.i > head.i and head.head.pos_ in ("PROPN", "NOUN") \
                            and free(head.head.i):
                        head = head.head
                    author = _agent_of(head)  # "according to a survey carried out by Ana Ruiz"
                    return Attribution("according_to", mention_span(author or head), doc[i:i + 2],
                                       CONFIDENCE["according_to"])
    return None


def _agent_of(noun: Token) -> Token | None:
    """The person behind a document: "a study conducted by Ana Ruiz", "a report written by Ben Ito"."""
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        for agent in (c for c in acl.children if c.dep_ == "agent"):
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ == "PERSON"):
                return obj
    return None


def _colon(doc: Doc, qa: int, outside) -> Attribution | None:
    """X <verb> …: “…” — the quote follows a colon; the speaker is the subject of the clause before it."""
    j = qa - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or doc[j].text != ":" or not outside(j):
        return None
    k, start = j - 1, doc[j].sent.start
    while k >= start and outside(k) and (doc[k].pos_ == "PROPN" or (  # names, joined by "and": "Ann Lee and Bo Park"
            doc[k].lower_ in ("and", "&") and k - 1 >= start and doc[k - 1].pos_ == "PROPN" and doc[k + 1].pos_ == "PROPN")):
        k -= 1
    if k < j - 1 and (k < start or doc[k].is_punct):  # "RAMOS: “…”", "… - Ann Lee: “…”", "… - Ann Lee and Bo Park: “…”"
        return Attribution("colon", doc[k + 1:j], doc[j], CONFIDENCE["colon"])
    root = doc[j].sent.root if doc[j].sent.root.i < j else None
    verbs = [t for t in doc[doc[j].sent.start:j] if t.pos_ in ("VERB", "AUX")]
    speech = [t for t in verbs if is_speech_lemma(t.lemma_)]
    for verb in speech[::-1] + ([root] if root is not None else []) + verbs[::-1]:
        subj = subject_of(verb)
        if subj is not None and subj.i < j and outside(subj.i) and subj.lower_ not in WEAK_SPEAKERS \
                and can_speak(subj, verb):
            return Attribution("colon", mention_span(subj), verb, CONFIDENCE["colon"])
    # "The New York Times reports:" where the parse found no subject: a name before the colon
    for t in doc[doc[j].sent.start:j]:
        if (t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")) and outside(t.i):
            return Attribution("colon", mention_span(t), doc[j], CONFIDENCE["colon"] - 0.1)
    return None


def _adjacent(doc: Doc, qa: int, qb: int, free) -> Attribution | None:
    """“…,” X said. / “…,” said X. — read from the words right after the quote when the parse did not link them."""
    toks = [doc[i] for i in range(qb, min(qb + 16, len(doc))) if free(i)]
    open_end = qb >= 2 and any(ch in doc[qb - 2].text + doc[qb - 1].text for ch in ",?!—–")
    if toks and toks[0].text == "," and toks[0].i == qb:  # “… is not simple”, says Ana Ruiz (comma outside)
        open_end, toks = True, toks[1:]
    if toks and toks[0].tag_ in ("WP", "WDT", "WP$"):  # "as a “…,” who built …": a clause about the word before
        return None
    for k, t in enumerate(toks[:12]):
        if t.is_sent_start and k > 0 and t.pos_ != "PROPN" or t.text in (".", ";", "“", "\""):
            break
        if not open_end and (k > 3 or t.pos_ not in ("PROPN", "PRON", "VERB", "AUX")):
            break  # after a closed sentence only "“….” Graham said." reads as its attribution
        if t.pos_ in ("VERB", "AUX") and (is_speech_lemma(t.lemma_) or open_end and _frames_quote(toks, k, t)):
            if k == 0 and not (open_end and t.tag_ in ("VBD", "VBZ", "VBP")):
                break  # "said X" follows a quote that ends in a comma: not "….” Asked what …", not "saying …"
            if any(c.dep_ in SUBJ and c.i < t.i for c in t.children) and any(
                    c.dep_ == "ccomp" and c.i > t.i and any(g.dep_ in SUBJ for g in c.children) for c in t.children):
                break  # "“…?” The minister admitted that he did.": the verb reports a clause of its own
            before = [x for x in toks[:k] if (x.pos_ in ("PROPN", "PRON", "NOUN") or x.dep_ == "nsubj" and x.head == t)
                      and x.lower_ not in NOT_SPEAKERS and x.dep_ != "poss"]  # "his neighbour, Ana Ruiz, said": not "his"
            named = [x for x in before if x.pos_ in ("PROPN", "PRON")]
            if before:  # "“…,” Flynn, a top surrogate, said": the name, not the apposition
                named.sort(key=lambda x: (x.pos_ != "PROPN", x.dep_ not in ("nsubj", "appos")))
                head = named[0] if named else before[-1]
                while head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN" and doc[head.i + 1].head == head:
                    head = doc[head.i + 1]
                return Attribution("adjacent", mention_span(head), t, CONFIDENCE["adjacent"])
            after = [x for x in toks[k + 1:k + 6] if x.pos_ in ("PROPN", "PRON", "NOUN") and x.lower_ not in NOT_SPEAKERS]
            if after:
                head = after[0]
                while head.head.i > head.i and head.head.pos_ in ("PROPN", "NOUN") and free(head.head.i):
                    head = head.head
                return Attribution("adjacent", mention_span(head), t, CONFIDENCE["adjacent"])
            break
    return None


def _frames_quote(toks: list[Token], k: int, verb: Token) -> bool:
    """Any past or present verb right next to a quote that ends in a comma or question mark is its cue:
    "“…?” reacted Baker", "“…,” Baker recalled"."""
    if verb.tag_ not in ("VBD", "VBZ"):
        return False
    if k == 0:
        return len(toks) > 1 and toks[1].pos_ in ("PROPN", "PRON")
    return all(x.pos_ in ("PROPN", "PRON") for x in toks[:k])


def _adjacent_before(doc: Doc, qa: int, free) -> Attribution | None:
    """X changed the tone, telling the crowd, “…” — the nearest cue verb before a comma or colon that opens the quote."""
    j = qa - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j < 0 or doc[j].text not in (",", ":") or not free(j):
        return None
    for i in range(j - 1, max(j - 14, -1), -1):
        t = doc[i]
        if not free(i):
            break
        if t.pos_ in ("VERB", "AUX") and is_speech_lemma(t.lemma_):
            subj = subject_of(t)
            subj = subj if subj is not None and can_speak(subj, t) else None
            if subj is not None and free(subj.i) or subj is not None and subj.i < doc[qa].sent.start:
                return Attribution("cue_before", mention_span(subj), t, CONFIDENCE["cue_before"] - 0.05)
            after = next((x for x in doc[i + 1:j] if x.pos_ in ("PROPN", "NOUN")), None)
            if after is not None:  # "said Rep. Smith, “…”"
                return Attribution("cue_before", mention_span(after), t, CONFIDENCE["cue_before"] - 0.1)
            return None
    return None


def previous_subject(doc: Doc, tok_index: int) -> Token | None:
    """The subject of the sentence before the one holding token `tok_index` (or its possessor:
    "Kim’s response … was firm. He said …" gives Kim)."""
    sent = doc[tok_index].sent
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    subj = next((c for c in prev.root.children if c.dep_ in SUBJ), None)
    if subj is None:
        return None
    if subj.pos_ != "PROPN" and subj.ent_type_ != "PERSON":
        poss = next((c for c in subj.children if c.dep_ == "poss"), None)
        if poss is not None and (poss.pos_ == "PROPN" or poss.ent_type_ == "PERSON"):
            return poss
        if subj.lower_ in REPORTING_NOUNS:
            return None
    return subj
