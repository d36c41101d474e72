"""The extraction entry point: articles in, `Quote`s out.

1. `frames.scan` pairs the quote marks and guesses each span's kind on the plain text;
2. only the frames around quotes (long quotes cut short) go through the spaCy pipeline, in batches
   (`nlp.pipe`), with the `quote_attribution` component at the end;
3. `assemble` applies the article-level rules (continuations, utterances, speaker resolution).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from quotes import nlp as nlp_loader
from quotes.extract import frames
from quotes.extract.assemble import Found, assemble
from quotes.extract.component import SPANS_KEY, register_extensions
from quotes.extract.resolve import NameRun, mid_sentence_names, name_runs
from quotes.model import Article, Quote

BATCH_ARTICLES = 32


class Extractor:
    def __init__(self, model: str | None = None, batch_size: int = 64):
        self.model = model
        # the entity recogniser stays loaded but off: the component runs it on named mentions only
        self.nlp = nlp_loader.load(model, disable=("ner",))
        register_extensions()
        if "quote_attribution" not in self.nlp.pipe_names:  # the factory is registered by importing component
            # speakers are resolved per article by `assemble` below: the component sees frames, not articles
            self.nlp.add_pipe("quote_attribution", last=True, config={"resolve_speakers": False})
        self.batch_size = batch_size

    def extract(self, article: Article) -> list[Quote]:
        return next(self.extract_many([article]))[1]

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Quote]]]:
        it = iter(articles)
        while True:
            chunk = list(islice(it, BATCH_ARTICLES))
            if not chunk:
                return
            yield from self._chunk(chunk)

    def _chunk(self, chunk: list[Article]) -> Iterator[tuple[Article, list[Quote]]]:
        scans = [frames.scan(a.text, a.path) for a in chunk]
        jobs = []
        names: list[frozenset[str]] = []
        runs: list[list[NameRun]] = []
        for n, (a, aq) in enumerate(zip(chunk, scans, strict=True)):
            runs.append(name_runs(a.text))  # read once: for the component's names and for resolution
            names.append(mid_sentence_names(a.text, runs[-1]))
            for fr in frames.build(a.text, aq):
                jobs.append((n, fr))
        found: list[dict[int, Found]] = [{} for _ in chunk]

        def docs():
            for n, fr in jobs:
                doc = self.nlp.make_doc(fr.text)
                doc._.quote_candidates = fr.candidates
                doc._.quote_names = names[n]
                yield doc

        for (n, fr), doc in zip(jobs, self.nlp.pipe(docs(), batch_size=self.batch_size), strict=True):
            for span in doc.spans[SPANS_KEY]:
                found[n][span._.quote_index] = Found.from_span(span, fr.to_article)
        for n, (a, aq) in enumerate(zip(chunk, scans, strict=True)):
            yield a, assemble(a, aq, found[n], runs[n])
