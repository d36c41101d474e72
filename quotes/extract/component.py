"""The spaCy component `quote_attribution`: quoted spans with their kind, speaker and cue.

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("quote_attribution")          # after the parser; no `import quotes` needed
    doc = nlp(text)
    for span in doc.spans["quotes"]:
        span.label_, span._.quote_speaker_name, span._.quote_speaker, span._.quote_cue, ...

The factory is registered through the `spacy_factories` entry point of the installed distribution (and
by importing this module). Config: `spans_key` (default "quotes"), `resolve_speakers` (default true: the
article-level rules of `quotes extract`, so "he" becomes "Donald Trump").

Everything the component stores on a Doc is plain data (strings, numbers, character offsets), so a Doc
survives `doc.to_bytes()`, `DocBin(store_user_data=True)` and `nlp.pipe(..., n_process=2)`. The Span
views (`quote_speaker`, `quote_cue`, `quote_antecedent`) are getters over the stored offsets.

It finds the quote marks itself (`frames.scan` on `doc.text`), unless the caller has put candidates on
`doc._.quote_candidates` (the fast extractor does: it parses compact frames of an article, not the whole
text, and resolves speakers itself). Likewise `doc._.quote_names` (the words the whole article
capitalises mid-sentence, `resolve.mid_sentence_names`), computed from `doc.text` when not given. Both
are consumed: the component sets them back to None, so that only plain data stays on the Doc.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

from quotes.extract import attribution, frames
from quotes.extract.context import antecedent, context_speaker
from quotes.extract.cues import PRONOUNS
from quotes.extract.frames import Candidate
from quotes.extract.resolve import mid_sentence_names

SPANS_KEY = "quotes"
__all__ = ["SPANS_KEY", "Candidate", "QuoteAttribution", "make_quote_attribution", "register_extensions"]

# stored on the Doc (plain data): name -> default
DATA = {
    "quote_reason": None, "quote_index": None, "quote_pattern": None, "quote_confidence": 0.0,
    "quote_speaker_chars": None, "quote_speaker_label": None, "quote_cue_chars": None, "quote_cue_lemma": None,
    "quote_antecedent_chars": None, "quote_antecedent_label": None,
    "quote_speaker_name": None, "quote_speaker_resolution": None, "quote_speaker_title": None,
    "quote_utterance": None,
    "quote_chars": None,  # (start, end) of the quoted characters: the span is widened to whole tokens
}
# getters (below): `quote_kind` is label_, `quote_speaker`/`quote_cue`/`quote_antecedent` the Span at `<name>_chars`
ASSIGNS = ["doc.spans"] + [f"span._.{n}" for n in
                            ("quote_kind", *DATA, "quote_speaker", "quote_cue", "quote_antecedent")]
REQUIRES = ["token.dep", "token.head", "token.pos", "token.lemma", "doc.sents"]


def _at(span: Span, chars) -> Span | None:
    return None if chars is None else span.doc.char_span(chars[0], chars[1], alignment_mode="expand")


# the getters are module-level functions: spaCy pickles the extensions for `nlp.pipe(n_process=...)`
def _speaker(span: Span) -> Span | None:
    return _at(span, span._.quote_speaker_chars)


def _cue(span: Span) -> Span | None:
    return _at(span, span._.quote_cue_chars)


def _antecedent(span: Span) -> Span | None:
    return _at(span, span._.quote_antecedent_chars)


def _kind(span: Span) -> str | None:
    return span.label_ or None


GETTERS = {"quote_kind": _kind, "quote_speaker": _speaker, "quote_cue": _cue, "quote_antecedent": _antecedent}


def register_extensions() -> None:
    """The `quote_*` extensions, registered once (a second call changes nothing)."""
    if not Doc.has_extension("quote_candidates"):
        Doc.set_extension("quote_candidates", default=None)
    if not Doc.has_extension("quote_names"):  # words the whole article writes as names (lower case)
        Doc.set_extension("quote_names", default=None)
    for name, default in DATA.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, getter in GETTERS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, getter=getter)


def _chars(m: Span | Token) -> tuple[int, int]:
    if isinstance(m, Token):
        return m.idx, m.idx + len(m.text)
    return m.start_char, m.end_char


class QuoteAttribution:
    def __init__(self, nlp: Language, name: str, spans_key: str = SPANS_KEY, resolve_speakers: bool = True,
                 reparse_frames: bool = True):
        register_extensions()
        self.name = name
        self.nlp = nlp
        self.spans_key = spans_key
        self.resolve_speakers = resolve_speakers
        self.reparse_frames = reparse_frames

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(stream, batch_size):
            whole = [self._attribute(doc) for doc in batch]
            self._label_mentions(batch)
            if self.resolve_speakers:
                for doc, aq in zip(batch, whole, strict=True):
                    if aq is not None:
                        self._resolve(doc, aq)
            yield from batch

    def _attribute(self, doc: Doc) -> frames.ArticleQuotes | None:
        """Attribute every candidate of `doc`; returns the scan of the whole text when the doc is an article
        (no candidates were passed), None when the caller passed frame candidates.

        An article is attributed frame by frame, as `quotes extract` does it (`frames.build`: the quote
        paragraphs and their context, long quotes cut short). With `reparse_frames` (the default) each frame
        is parsed by the pipeline's own components before this one, without the entity recogniser, exactly
        as the extractor parses it: the rules were written for that parse, and the two give the same
        speakers. Without it, each frame's stretch of this doc's own parse is read (`Span.as_doc`, entities
        dropped): no second parse, but where the parser joined a subheading to the paragraph after it, the
        sentence a pronoun looks back to is not the one the extractor sees. The entity label of each
        mention is read afterwards (`_label_mentions`), from this doc."""
        cands, aq = doc._.quote_candidates, None
        names = doc._.quote_names
        spans = {}
        if cands is None:
            aq = frames.scan(doc.text)
            cands = frames.candidates(aq)
            names = mid_sentence_names(doc.text) if names is None else names
            for c in cands:
                spans[c.index] = self._span(doc, c)
            for fr in frames.build(doc.text, aq):
                if self.reparse_frames:
                    view = self._parse(fr.text)
                    view._.quote_names = names
                    self._attribute_in(view, fr.candidates, spans, fr.to_article)
                    continue
                window = doc.char_span(fr.pieces[0][1], fr.to_article(len(fr.text)), alignment_mode="expand")
                if window is None or len(window) == 0:
                    continue
                view, base = window.as_doc(), window.start_char
                view._.quote_names = names
                view.ents = []  # as in `quotes extract`, whose frames are parsed with the recogniser off
                inside = [frames.Candidate(c.start - base, c.end - base, c.open_start - base, c.close_end - base,
                                           c.kind, c.reason, c.index)
                          for c in cands if base <= c.open_start and c.close_end <= window.end_char]
                self._attribute_in(view, inside, spans, lambda offset, base=base: offset + base)
        else:
            for c in cands:
                spans[c.index] = self._span(doc, c)
            self._attribute_in(doc, cands, spans, int)
        doc.spans[self.spans_key] = [sp for sp in spans.values() if sp is not None]
        doc._.quote_candidates = doc._.quote_names = None  # consumed: what stays on the doc is plain data
        return aq

    def _parse(self, text: str) -> Doc:
        """`text` through the components before this one, the entity recogniser left out."""
        view = self.nlp.make_doc(text)
        for name, proc in self.nlp.pipeline:
            if name == self.name:
                break
            if name != "ner":
                view = proc(view)
        return view

    @staticmethod
    def _span(doc: Doc, c: Candidate) -> Span | None:
        span = doc.char_span(c.start, c.end, label=c.kind, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        span._.quote_reason, span._.quote_index, span._.quote_chars = c.reason, c.index, (c.start, c.end)
        return span

    @staticmethod
    def _attribute_in(view: Doc, cands: list[Candidate], spans: dict[int, Span | None],
                      to_doc: Callable[[int], int]) -> None:
        """Attribute `cands` (offsets in `view`) on `view`'s parse; the results go to `spans` (by quote
        index), as character offsets in the doc of the spans (`to_doc` maps an offset in `view` there)."""
        def chars(m: Span | Token) -> tuple[int, int]:
            a, b = _chars(m)
            return to_doc(a), to_doc(b)

        ranges = [attribution.token_range(view, c.open_start, c.close_end) for c in cands]
        for k, c in enumerate(cands):
            span = spans.get(c.index)
            if span is None or c.kind == "scare":
                continue
            blocked = [r for j, r in enumerate(ranges) if j != k and cands[j].kind != "scare"]
            found = attribution.attribute(view, c.start, c.end, c.open_start, c.close_end, blocked)
            if found is None and c.reason == "set_off":
                found = _from_context(view, c, ranges)
            if found is None:
                continue
            span._.quote_pattern, span._.quote_confidence = found.pattern, found.confidence
            if found.speaker is not None:
                span._.quote_speaker_chars = chars(found.speaker)
                if found.speaker.text.lower() in PRONOUNS:
                    ant = antecedent(view, found.speaker.start, ranges)
                    span._.quote_antecedent_chars = None if ant is None else chars(ant)
            if found.cue is not None:
                span._.quote_cue_chars = chars(found.cue)
                span._.quote_cue_lemma = found.cue.lemma_ or found.cue.text.lower()

    def _resolve(self, doc: Doc, aq: frames.ArticleQuotes) -> None:
        """The article-level rules of `quotes extract` on a whole-article doc: continuations, utterances and
        speaker names ("he" -> "Donald Trump"); the span's speaker, cue, pattern and confidence become the
        article-level ones, as in `quotes extract`'s rows."""
        from quotes.extract.assemble import Found, assemble
        from quotes.model import Article

        spans = {sp._.quote_index: sp for sp in doc.spans[self.spans_key]}
        found = {k: Found.from_span(sp, int) for k, sp in spans.items()}
        for k, q in enumerate(assemble(Article(path="", text=doc.text), aq, found)):
            sp = spans.get(k)
            if sp is None:
                continue
            s, c = q.speaker, q.cue
            sp._.quote_speaker_chars = None if s is None else (s.start_char, s.end_char)
            sp._.quote_speaker_name = None if s is None else s.name
            sp._.quote_speaker_resolution = None if s is None else s.resolution
            sp._.quote_speaker_title = None if s is None else s.title
            sp._.quote_cue_chars = None if c is None else (c.start_char, c.end_char)
            sp._.quote_cue_lemma = None if c is None else c.lemma
            sp._.quote_pattern, sp._.quote_confidence = q.pattern, q.confidence
            sp._.quote_utterance = q.utterance_id

    def _label_mentions(self, docs: list[Doc]) -> None:
        """The entity label (PERSON, ORG, GPE, …) of each speaker and antecedent mention.

        With the entity recogniser enabled the doc's own entities say it. When it is disabled (the fast
        extractor disables it: on the frames it costs as much as the tagger and parser together), it runs
        here, once per batch, on the sentences that hold a named mention only.
        """
        ner = self._ner()
        todo: dict[tuple[int, int], tuple[Doc, int, int]] = {}
        named: list[tuple[Span, str, tuple[int, int]]] = []
        for n, doc in enumerate(docs):
            mentions = [(sp, attr, m) for sp in doc.spans[self.spans_key]
                        for attr in ("quote_speaker", "quote_antecedent") if (m := getattr(sp._, attr)) is not None]
            if not mentions:
                continue
            if doc.has_annotation("ENT_IOB"):
                for sp, attr, m in mentions:
                    setattr(sp._, attr + "_label", _label(m))
                continue
            starts = [s.start for s in doc.sents]
            for sp, attr, m in mentions:
                if ner is None or not any(t.pos_ == "PROPN" or t.text[:1].isupper() and t.lower_ not in PRONOUNS
                                          for t in m):
                    continue
                k = bisect.bisect_right(starts, m.start) - 1
                a, b = starts[k], starts[k + 1] if k + 1 < len(starts) else len(doc)
                todo[(n, a)] = (doc, a, b)
                named.append((sp, attr, (n, a)))
        if not named:
            return
        keys = list(todo)
        tagged = dict(zip(keys, ner.pipe((todo[k][0][todo[k][1]:todo[k][2]].as_doc() for k in keys), batch_size=256), strict=True))
        for sp, attr, key in named:
            m, sub, a = getattr(sp._, attr), tagged[key], todo[key][1]
            head = m.root.i - a  # the head word's entity: "Seoul’s minister" is not a place
            setattr(sp._, attr + "_label", sub[head].ent_type_ if 0 <= head < len(sub) else "")

    def _ner(self):
        if "ner" not in self.nlp.component_names:
            return None
        return self.nlp.get_pipe("ner")


def _opens_line(text: str, offset: int) -> bool:
    return text[text.rfind("\n", 0, offset) + 1:offset].strip() == ""


def _from_context(doc: Doc, c: Candidate, ranges: list[tuple[int, int]]) -> attribution.Attribution | None:
    qa, _ = attribution.token_range(doc, c.open_start, c.close_end)
    found = context_speaker(doc, qa, ranges, _opens_line(doc.text, c.open_start))
    if found is None:
        return None
    pattern, mention = found
    return attribution.Attribution(pattern, mention, None, 0.6)


def _label(span: Span) -> str:
    """The entity type of the mention's head word, as `_label_mentions` reads it when it runs the recogniser."""
    return span.root.ent_type_


@Language.factory(
    "quote_attribution",
    default_config={"spans_key": SPANS_KEY, "resolve_speakers": True, "reparse_frames": True},
    assigns=ASSIGNS,
    requires=REQUIRES,
)
def make_quote_attribution(nlp: Language, name: str, spans_key: str, resolve_speakers: bool,
                           reparse_frames: bool) -> QuoteAttribution:
    """`nlp.add_pipe("quote_attribution", config={"spans_key": "quotes", "resolve_speakers": True,
    "reparse_frames": True})`: see the module docstring and docs/extraction.md."""
    return QuoteAttribution(nlp, name, spans_key, resolve_speakers, reparse_frames)
