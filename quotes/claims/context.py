"""What every claim rule needs to know about one parsed article: quote spans, people, sentences, lines."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from quotes.claims.lexicon import COUNTRY_ALIASES
from quotes.claims.model import Claim, Value
from quotes.claims.people import People, strip_possessive
from quotes.compare.speakers import fold
from quotes.extract.ranges import TokenRanges
from quotes.model import Article

CONTENT_POS = frozenset(("NOUN", "PROPN", "VERB", "ADJ", "NUM"))
PASSAGE = 150  # characters of a quotation from which on it is a passage the article reproduces


@dataclass
class Context:
    article: Article
    doc: object  # spacy Doc
    quote_spans: tuple[tuple[int, int], ...] = ()  # char spans of direct quotes, marks included
    fragments: tuple[tuple[int, int], ...] = ()  # the spans of quoted fragments inside the writer's sentences
    people: People = field(init=False)

    def __post_init__(self) -> None:
        self.people = People(self.doc)
        # asked for every token: a bisect over the spans, not a scan of all of them
        self._quoted = TokenRanges(self.quote_spans)
        self._fragmented = TokenRanges(self.fragments)
        self._short = TokenRanges((s, e) for s, e in self.quote_spans if e - s < PASSAGE)
        # `doc.ents` and `Span.ents` build every entity of the document anew on each call: read them once
        self._ents = list(self.doc.ents)
        self._ent_starts = [e.start for e in self._ents]
        self._ent_at = {i: e for e in self._ents for i in range(e.start, e.end)}
        self._idx = [t.idx for t in self.doc]
        self._sents = list(self.doc.sents)
        self._sent_index = {}
        for i, s in enumerate(self._sents):
            for t in s:
                self._sent_index[t.i] = i

    @property
    def text(self) -> str:
        """The article's text, which is the Doc's text (`Doc.text` joins every token anew on each call)."""
        return self.article.text

    @property
    def written(self):
        """The article's own date (`dateline.article_date`), or None."""
        if not hasattr(self, "_written"):
            from quotes.claims.dateline import article_date

            self._written = article_date(self.article)
        return self._written

    # ---- positions ------------------------------------------------------------------------
    def quoted(self, tok) -> bool:
        return self._quoted.covers(tok.idx)

    def in_fragment(self, tok) -> bool:
        """Inside a quoted fragment of someone's words that the writer's sentence carries ("he accepted
        "about $200,000" from ...")."""
        return self._fragmented.covers(tok.idx)

    def in_short_quote(self, tok) -> bool:
        """Inside quote marks that hold someone's words, not a quoted passage of `PASSAGE` characters or
        more (an excerpt the article reproduces, whose facts it publishes)."""
        return self._short.covers(tok.idx)

    def span_quoted(self, start_char: int, end_char: int) -> bool:
        return any(s < end_char and start_char < e for s, e in self.quote_spans)

    def ents(self, span) -> list:
        """The entities inside a span (a sentence), as `span.ents` gives them, from the cached list."""
        i = bisect_left(self._ent_starts, span.start)
        out = []
        while i < len(self._ents) and self._ents[i].start < span.end:
            if self._ents[i].end <= span.end:
                out.append(self._ents[i])
            i += 1
        return out

    def tokens(self, start_char: int, end_char: int) -> list:
        """The tokens that start inside a character span (no scan of the whole document)."""
        i, j = bisect_left(self._idx, start_char), bisect_left(self._idx, end_char)
        return [self.doc[k] for k in range(i, j)]

    def entity(self, tok):
        """The entity a token belongs to, or None."""
        return self._ent_at.get(tok.i)

    def sentence_number(self, sent) -> int:
        return self._sent_index[sent.start]

    def sentence(self, tok):
        return self._sents[self._sent_index[tok.i]]

    @property
    def sentences(self):
        return self._sents

    # ---- people -----------------------------------------------------------------------------
    def persons(self, sent) -> tuple[str, ...]:
        """People the sentence names (pronouns resolved); the previous sentence's when it names none
        and follows it in the same paragraph ("the two leaders" after "Trump and Kim")."""
        names = tuple(dict.fromkeys(m.name for m in self.people.in_span(sent.start, sent.end)))
        if names:
            return names
        i = self._sent_index[sent.start]
        if i > 0:
            prev = self._sents[i - 1]
            last = max((t for t in prev if not t.is_space), key=lambda t: t.i, default=prev[-1])
            if "\n" not in self.text[last.idx:sent.start_char]:
                return tuple(dict.fromkeys(m.name for m in self.people.in_span(prev.start, prev.end)))
        return ()

    def who(self, tok) -> str | None:
        """The identity a subject token names: a person, else an organisation or place entity."""
        m = self.people.at(tok.i)
        if m:
            return m.name
        if tok.ent_type_ in ("ORG", "GPE", "NORP"):
            ent = self.entity(tok)
            if ent is not None:
                return strip_possessive(ent.text)
        return None

    # ---- building claims ------------------------------------------------------------------------
    def value(self, kind: str, toks, norm: str) -> Value:
        toks = sorted(toks, key=lambda t: t.i)
        s, e = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        return Value(kind, self.article.text[s:e], norm, s, e)

    def claim(self, sent, kind: str, key: str, slot: str, subject: str, participants, values, clip: bool = True,
              **kw) -> Claim:
        """A claim over its sentence, clipped to the line of its first value (the parser runs a headline
        into the sentence after it); `clip=False` keeps a claim that spans two paragraphs whole."""
        body = self.article.text
        s, e = sent.start_char, sent.end_char
        if values and clip:
            at = values[0].start_char
            s = max(s, body.rfind("\n", 0, at) + 1)
            nl = body.find("\n", at)
            e = min(e, nl) if nl >= 0 else e
        raw = body[s:e]
        text = raw.strip()
        s += len(raw) - len(raw.lstrip())
        return Claim(
            article=self.article.path, article_id=self.article.id, kind=kind, key=key, slot=slot,
            subject=subject, participants=tuple(participants), values=tuple(values), text=text,
            start_char=s, end_char=s + len(text), line=self.article.line_col(s)[0],
            words=kw.pop("words", None) or content_words(sent), **kw)


def content_words(toks) -> tuple[str, ...]:
    """Folded lemmas of the content words (nouns, names, verbs, adjectives, numbers), stop words out."""
    return tuple(fold(t.lemma_) for t in toks if t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha)


def place_key(text: str) -> str:
    """One key for a place named by its name, possessive or demonym ("South Korea's" = "South Korean")."""
    f = fold(strip_possessive(text))
    f = f[4:] if f.startswith("the ") else f
    return COUNTRY_ALIASES.get(f, f)
