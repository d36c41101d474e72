"""No text of n characters makes a stage do more than linear (or n log n) work: the work (lines of quotes
code run plus characters read, `work_count.work`) at 5n is at most 6x the work at n, for the inputs that
used to be quadratic (bench/scaling_cases.py: a long line of quoted prose, thousands of open marks, an
article naming thousands of people, an article of many quote paragraphs)."""
from __future__ import annotations

import bisect
import logging

import pytest
from work_count import CountingStr, scaling_cases, work

from quotes.extract import frames
from quotes.extract.resolve import Resolver, mid_sentence_names, name_runs
from quotes.model import Article

CASES = scaling_cases()
SMALL = 2_000  # characters at n; the check runs at n and 5n
LIMIT = 6.0


def text_stages(text: str) -> None:
    """Everything `quotes extract` does on the plain text: pairing, kinds, frames, names, resolution of
    each quote's nearest name and of a pronoun, and the line and column of each quote."""
    aq = frames.scan(text, "case")
    frames.build(text, aq)
    runs = name_runs(text)
    mid_sentence_names(text, runs)
    resolver = Resolver(text, [(q.start, q.end) for q in aq.spans], runs)
    article = Article("case", text)
    starts = [r.start for r in runs]
    for q in aq.spans:
        k = bisect.bisect_left(starts, q.open_start) - 1  # the name written last before the quote
        if k >= 0:
            resolver.resolve(runs[k].name, runs[k].start, "name")
        resolver.resolve("he", q.open_start, "pronoun")
        resolver.resolve("she", q.open_start, "pronoun")
        article.line_col(q.start)


@pytest.mark.parametrize("case", sorted(CASES))
def test_text_stages_do_linear_work(case, caplog):
    caplog.set_level(logging.ERROR, logger="quotes")
    make, _ = CASES[case]
    small = work(text_stages, CountingStr(make(SMALL)))
    large = work(text_stages, CountingStr(make(5 * SMALL)))
    assert small > 0
    assert large <= LIMIT * small, f"{case}: work {small} at n, {large} at 5n ({large / small:.1f}x)"


def test_the_counter_sees_quadratic_work():
    """The measure itself: a loop that rereads the text from its start for every mark is caught."""
    def quadratic(text: str) -> None:
        for k in range(len(text)):
            if text[k] == '"':
                text.count("\n", 0, k)

    small = work(quadratic, CountingStr('"a ' * 300))
    large = work(quadratic, CountingStr('"a ' * 1500))
    assert large > LIMIT * small


@pytest.mark.parametrize("case", ["many people", "prose line"])
def test_extraction_does_linear_work_in_quotes_code(case, extractor, caplog):
    """The whole extraction with the model: attribution, the component and assembly do linear work in
    quotes code (the model's own work is not counted)."""
    caplog.set_level(logging.ERROR, logger="quotes")
    make, _ = CASES[case]
    small = work(extractor.extract, Article("case", make(SMALL)))
    large = work(extractor.extract, Article("case", make(5 * SMALL)))
    assert large <= LIMIT * small, f"{case}: work {small} at n, {large} at 5n ({large / small:.1f}x)"
