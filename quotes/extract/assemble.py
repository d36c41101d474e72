"""Article-level rules: from per-quote attributions to the `Quote`s of one article.

- the paragraphs of one multi-paragraph quote share the utterance and speaker of the first attributed one;
- "“…,” he said. “…”": an unattributed quote after an attributed one in the same paragraph is the same
  utterance (pattern `same_utterance`); pieces that share one cue word share the utterance too;
- a quote paragraph with no attribution right after a paragraph that quoted X is X's (`continuation`);
- otherwise a quote opening a paragraph with no attribution is the person the sentence before it is about
  (`context`: "Ito criticised the plan. ¶ “…”"), and after an interviewer's question with no quote in
  it, the interviewee's answer: the previous speaker (`answer`);
- neither rule touches a quote that attribution found `unsourced` (its clause's subject cannot speak);
- speakers are resolved in text order (`resolve.Resolver`), so that pronouns can fall back on the
  previous speaker.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Span

from quotes.extract.frames import ArticleQuotes
from quotes.extract.kinds import words
from quotes.extract.resolve import NameRun, Resolved, Resolver, mention_kind
from quotes.extract.sources import is_text_noun
from quotes.lines import blank_between
from quotes.model import Article, Cue, Quote, Speaker, content_id

CONTINUATION_CONFIDENCE = 0.75
STRONG = {"cue_after", "cue_before", "according_to", "dash", "colon"}
WEAK = {"context", "answer"}  # found from the sentence before the quote: the article-level rules come first
SAME_UTTERANCE_CONFIDENCE = 0.85
FIRST_PERSON = frozenset("i i'm i’m i've i’ve i'd i’d i'll i’ll me my mine myself".split())
MAX_HEADLINE_ECHOES = 20  # headline quotes looked up in the body: a bound on the work for any input
CONTEXT_CONFIDENCE = {"context": 0.6, "answer": 0.55}


@dataclass(frozen=True)
class Found:
    """What the component found for one quote, in article offsets."""

    pattern: str
    confidence: float
    mention: tuple[int, int, str] | None  # start, end, text
    mention_kind: str
    cue: tuple[int, int, str, str] | None  # start, end, text, lemma
    antecedent: tuple[str, int, str] | None  # text, start, kind

    @classmethod
    def from_span(cls, span: Span, to_article: Callable[[int], int]) -> Found:
        spk, cue, ant = span._.quote_speaker, span._.quote_cue, span._.quote_antecedent
        mention = kind = None
        if spk is not None:
            mention = (to_article(spk.start_char), to_article(spk.end_char), spk.text)
            kind = mention_kind([(t.text, t.pos_) for t in spk], span._.quote_speaker_label or "")
        cue_t = None
        if cue is not None:
            cue_t = (to_article(cue.start_char), to_article(cue.end_char), cue.text,
                     span._.quote_cue_lemma or cue.text.lower())
        ant_t = None
        if ant is not None:
            ant_t = (ant.text, to_article(ant.start_char),
                     mention_kind([(t.text, t.pos_) for t in ant], span._.quote_antecedent_label or ""))
        return cls(span._.quote_pattern or "", float(span._.quote_confidence or 0.0), mention, kind or "",
                   cue_t, ant_t)


def assemble(article: Article, aq: ArticleQuotes, found: dict[int, Found],
             runs: list[NameRun] | None = None) -> list[Quote]:
    """The article's `Quote`s; `runs` are its name runs when the caller has them already (`resolve.name_runs`)."""
    text = article.text
    resolver = Resolver(text, [(q.start, q.end) for q in aq.spans], runs)
    out: list[Quote] = []
    speakers: list[Speaker | None] = []
    cues: list[Cue | None] = []
    utter: list[str] = []
    group_first: dict[int, int] = {}
    for k, (q, guess, p) in enumerate(zip(aq.spans, aq.guesses, aq.para, strict=True)):
        f = found.get(k)
        kind = guess.kind
        speaker = cue = None
        pattern, conf = "", 0.0
        utterance = content_id(article.id, "u", q.start)
        weak = f if f is not None and f.pattern in WEAK and kind != "scare" else None
        if weak is not None:
            f = None
        if f is not None and f.mention is not None and kind != "scare":
            s, e, mtext = f.mention
            r = resolver.resolve(mtext, s, f.mention_kind, f.antecedent, headline=guess.reason == "headline")
            if r.how == "organisation" and is_text_noun(mtext) and _first_person(text[q.start:q.end]):
                author = resolver.writer(s)  # a book or a letter that says "I" speaks for its writer
                r = Resolved(author, "writer", text[s:e]) if author else Resolved(None, "unresolved", text[s:e])
            speaker = Speaker(r.name, text[s:e], s, e, r.how, r.title)  # the article's words, never the frame's
            if f.cue is not None:
                cue = Cue(text[f.cue[0]:f.cue[1]], f.cue[3], f.cue[0], f.cue[1])
            pattern, conf = f.pattern, f.confidence
            if r.how == "unresolved":
                conf -= 0.2
        prev = next((j for j in range(k - 1, -1, -1) if aq.guesses[j].kind != "scare"), -1)  # scare quotes between
        if q.group in group_first and kind != "scare":
            j = group_first[q.group]
            utterance = utter[j]
            if _named(speakers[j]) and (speaker is None or pattern not in STRONG):
                speaker, cue, pattern, conf = _copy(speakers[j], "continuation"), cues[j], "continuation", CONTINUATION_CONFIDENCE
        elif speaker is None and kind != "scare" and prev >= 0 and aq.guesses[prev].kind != "scare" \
                and speakers[prev] is not None and not (f is not None and f.pattern == "unsourced"):
            if aq.para[prev] == p:  # the same utterance, even when its speaker was left unresolved
                speaker, cue = _copy(speakers[prev], "same_utterance"), cues[prev]
                pattern, conf, utterance = "same_utterance", SAME_UTTERANCE_CONFIDENCE, utter[prev]
            elif aq.para[prev] == p - 1 and guess.reason == "set_off" and _named(speakers[prev]) and _opens_paragraph(text, q.open_start, aq.paragraphs[p][0]):
                speaker, cue = _copy(speakers[prev], "continuation"), cues[prev]
                pattern, conf = "continuation", CONTINUATION_CONFIDENCE
        elif speaker is not None and cue is not None and prev >= 0 and cues[prev] == cue and aq.para[prev] == p:
            utterance = utter[prev]
        if speaker is None and weak is not None:
            speaker = _weak(weak, resolver, q.start)
            if speaker is not None:
                pattern, conf = weak.pattern, CONTEXT_CONFIDENCE[weak.pattern]
        group_first.setdefault(q.group, k)
        if speaker is not None and speaker.identity:
            resolver.remember(speaker.start_char, speaker.name, speaker.resolution == "organisation")
        if kind == "scare":
            conf = 0.6
        elif speaker is None:
            conf = 0.5
        speakers.append(speaker)
        cues.append(cue)
        utter.append(utterance)
        line, col = article.line_col(q.start)
        out.append(Quote(article=article.path, article_id=article.id, text=text[q.start:q.end], start_char=q.start,
                         end_char=q.end, line=line, column=col, kind=kind, speaker=speaker, cue=cue,
                         pattern=pattern or guess.reason, confidence=max(0.05, min(conf, 0.99)),
                         utterance_id=utterance))
    surnames = {_words(r.name)[-1] for r, free in zip(resolver.runs, resolver.outside, strict=True)
                if free and len(_words(r.name)) > 1}
    return _echo_headlines(out, aq, text, surnames)


def _echo_headlines(out: list[Quote], aq: ArticleQuotes, text: str, surnames: set[str]) -> list[Quote]:
    """A headline or subheading quotes the body: its words said again inside a quote of the body, by a named
    speaker, are that speaker's ("‘Massive risks’" over a paragraph where Ana Ruiz says "… massive risks …").
    A headline quote keeps a person it names itself, and one whose line names someone else the article names
    in full (`surnames`: last words of full names, lower case); organisations, groups and nobody give way."""
    heads = [k for k, g in enumerate(aq.guesses) if g.reason == "headline"][:MAX_HEADLINE_ECHOES]
    if not heads:
        return out
    body = [(f" {' '.join(_words(q.text))} ", q) for k, q in enumerate(out)
            if aq.guesses[k].reason != "headline" and aq.guesses[k].kind != "scare" and _named(q.speaker)]
    for k in heads:
        q = out[k]
        if q.speaker is not None and q.speaker.identity and q.speaker.resolution not in ("organisation", "unresolved"):
            continue
        key = " ".join(_words(q.text))
        src = next((b for folded, b in body if key and f" {key} " in folded), None)
        pa, pb = aq.paragraphs[aq.para[k]]
        others = set(_words(text[pa:pb])) & surnames - set(_words(src.speaker.identity)) if src is not None else ()
        if src is not None and not others:
            out[k] = replace(q, speaker=_copy(src.speaker, "echo"), cue=None, pattern="echo",
                             confidence=CONTEXT_CONFIDENCE["context"])
    return out


def _words(s: str) -> list[str]:
    return [w.lower() for w in words(s)]


def _first_person(quote: str) -> bool:
    """Words written in the first person singular ("I", "my", "me")."""
    return any(w in FIRST_PERSON for w in _words(quote))


def _named(s: Speaker | None) -> bool:
    return s is not None and s.identity is not None


def _copy(s: Speaker, how: str) -> Speaker:
    """The same speaker reached by a different rule (the mention stays where the name was written)."""
    if s.identity is None:
        return s
    return Speaker(s.name, s.mention, s.start_char, s.end_char, s.resolution if how == "same_utterance" else how,
                   s.title)


def _weak(f: Found, resolver: Resolver, offset: int) -> Speaker | None:
    """The speaker of a quote with no attribution, from the sentence before it (`context`) or the
    interview it answers (`answer`): only a resolved name, never a bare pronoun or role."""
    if f.pattern == "answer":
        # the interviewee: whoever answered before, else the person named most so far (named at the top)
        name = resolver.previous_speaker(offset) or resolver.salient_person(offset, None)
        return Speaker(name, "", offset, offset, "answer") if name else None
    if f.mention is None:
        return None
    s, e, mtext = f.mention
    r = resolver.resolve(mtext, s, f.mention_kind, f.antecedent)
    return Speaker(r.name, resolver.text[s:e], s, e, "context", r.title) if r.name else None


def _opens_paragraph(text: str, open_start: int, para_start: int) -> bool:
    return blank_between(text, para_start, open_start)

