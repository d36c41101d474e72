"""Speaker resolution inside one article: from the words at the attribution site to a name.

- a name becomes its fullest form in the article ("Trump" -> "Donald Trump", "Mr. Obama" -> "Barack
  Obama", "Kim" -> "Kim Jong Un"): a longer name that ends with the mention (or, failing that, starts with
  it, as Korean family names do). Two people who share a name are never merged: among several fuller
  forms the one already quoted wins, then the one named most recently before the mention;
- a title and a name ("President Lee") drops the title and resolves the name;
- a role ("Seoul's reunification minister", "the president") becomes the person named earlier with a
  matching title ("Unification Minister Chung Dong-young");
- a pronoun becomes the subject of the previous sentence when that names someone, else the previous
  speaker, else the nearest person named before it;
- organisations and countries keep their own name ("North Korea announced …").

Pure text plus the entity labels found by the pipeline; no model calls here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from quotes.extract.cues import PRONOUNS, TITLES

_WORD = re.compile(r"\S+")
ABBREVIATIONS = frozenset("jr sr mr mrs ms dr st sen rep gov lt col gen sgt capt prof rev hon".split())


@dataclass(frozen=True)
class NameRun:
    start: int  # offsets of the name itself (titles dropped)
    end: int
    name: str
    titles: tuple[str, ...]  # the title words written before it ("Unification", "Minister")


def _norm(w: str) -> str:
    return w.lower().strip(".,;:()[]“”\"'’‘")


def is_title_word(w: str) -> bool:
    n = _norm(w)
    return n in TITLES or n.rstrip(".") in TITLES


def name_runs(text: str) -> list[NameRun]:
    """Capitalised word runs of the text, each with the title words that precede the name inside the run."""
    runs: list[NameRun] = []
    cur: list[tuple[int, int, str]] = []

    def flush() -> None:
        words = list(cur)
        cur.clear()
        while words and words[0][2].lower() in STOP_WORDS:
            words.pop(0)
        last_title = max((k for k, w in enumerate(words) if is_title_word(w[2])), default=-1)
        titles = tuple(w[2] for w in words[:last_title + 1])
        core = words[last_title + 1:]
        if core:
            runs.append(NameRun(core[0][0], core[-1][1], " ".join(w[2] for w in core), titles))

    skip = _title_lines(text)
    for m in _WORD.finditer(text):
        if skip and any(a <= m.start() < b for a, b in skip):
            flush()
            continue
        raw = m.group()
        s = m.start() + (len(raw) - len(raw.lstrip("(“\"‘'")))
        w = raw.lstrip("(“\"‘'")
        ends = False
        for suffix in ("’s", "'s"):
            if w.endswith(suffix):
                w, ends = w[: -len(suffix)], True
        stripped = w.rstrip(",;:)”\"’'!?")
        if stripped != w:
            ends = True
        w = stripped
        if w.endswith(".") and not (re.fullmatch(r"(?:[A-Z]\.)+", w) or _norm(w).rstrip(".") in ABBREVIATIONS):
            w, ends = w[:-1], True
        if s > m.start() and cur:
            flush()
        if w and (w[0].isupper() or (cur and _norm(w) in ("de", "van", "von", "bin", "al", "la", "del"))):
            cur.append((s, s + len(w), w))
            if ends:
                flush()
        else:
            flush()
        if text[m.end():m.end() + 1] == "\n":
            flush()
    flush()
    return runs


def _title_lines(text: str) -> list[tuple[int, int]]:
    """Headline-style lines (most words capitalised), where capitals say nothing about names."""
    out, pos = [], 0
    for line in text.split("\n"):
        words = [w for w in line.split() if w[:1].isalpha()]
        headline = pos == 0 or not line.rstrip().rstrip("”’\"'").endswith((".", "!", "?", ":"))
        if headline and len(words) >= 4 and sum(w[0].isupper() for w in words) / len(words) >= 0.6:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def strip_titles(mention: str) -> tuple[str, tuple[str, ...]]:
    words = mention.split()
    last = max((k for k, w in enumerate(words) if is_title_word(w)), default=-1)
    if last == len(words) - 1:
        return mention, tuple(words)
    core = " ".join(words[last + 1:])
    for suffix in ("’s", "'s"):
        core = core.removesuffix(suffix)
    return core, tuple(words[:last + 1])


class Resolver:
    """Resolve the speakers of one article, in text order (it remembers who has spoken)."""

    def __init__(self, text: str, persons: list[tuple[int, int]] | None = None):
        self.text = text
        self.runs = name_runs(text)
        self.persons = sorted(persons or [])
        self.speakers: list[tuple[int, str]] = []  # (offset, resolved name) of earlier attributions

    def remember(self, offset: int, name: str) -> None:
        self.speakers.append((offset, name))

    def previous_speaker(self, offset: int) -> str | None:
        prev = [n for o, n in self.speakers if o <= offset]
        return prev[-1] if prev else None

    def full_name(self, mention: str, offset: int) -> str:
        """The fullest form of a proper-name mention in the article."""
        core, _ = strip_titles(mention.strip())
        toks = core.split()
        if not toks:
            return mention
        key = [_norm(t) for t in toks]
        longer_suffix, longer_prefix = [], []
        for r in self.runs:
            rt = [_norm(t) for t in r.name.split()]
            if len(rt) <= len(key):
                continue
            if rt[-len(key):] == key:
                longer_suffix.append(r)
            elif rt[:len(key)] == key:
                longer_prefix.append(r)
        cands = longer_suffix or longer_prefix
        if not cands:
            return core
        quoted = {n for _, n in self.speakers}
        for r in cands:
            if r.name in quoted:
                return r.name
        before = [r for r in cands if r.start < offset]
        pick = max(before, key=lambda r: r.start) if before else min(cands, key=lambda r: r.start)
        return pick.name

    def role(self, mention: str, offset: int) -> str | None:
        """The person named with a title that matches a role mention ("the reunification minister")."""
        words = [_norm(w) for w in mention.split()]
        words = [w for w in words if w and w not in STOP_WORDS and not w.endswith("’s")]
        if not words:
            return None
        head = words[-1]
        best, best_score = None, 0.0
        for r in self.runs:
            if not r.titles or r.start >= offset:
                continue
            tw = [_norm(t) for t in r.titles]
            if not any(fuzz.ratio(head, t) >= 85 for t in tw):
                continue
            score = sum(max(fuzz.partial_ratio(w, t) if len(w) > 3 and len(t) > 3 else fuzz.ratio(w, t)
                            for t in tw) >= 85 for w in words)
            score += r.start / (len(self.text) + 1)  # the most recent of equal matches
            if score > best_score:
                best, best_score = r, score
        return best.name if best else None

    def pronoun(self, offset: int, antecedent: tuple[str, int, str] | None) -> str | None:
        """A pronoun's person: the previous sentence's subject when it names someone, the previous
        speaker, or the nearest person named before it."""
        if antecedent is not None:
            text, at, kind = antecedent
            if kind in ("name", "organisation"):
                return self.full_name(text, at)
            if kind == "role":
                return self.role(text, at)
        prev = self.previous_speaker(offset)
        if prev:
            return prev
        before = [p for p in self.persons if p[1] <= offset]
        if before:
            s, e = before[-1]
            return self.full_name(self.text[s:e], s)
        named = [r for r in self.runs if r.end <= offset and len(r.name.split()) >= 2]
        return self.full_name(named[-1].name, named[-1].start) if named else None

    def resolve(self, mention: str, offset: int, kind: str,
                antecedent: tuple[str, int, str] | None = None) -> tuple[str, str]:
        """(name, resolution) for a mention of `kind` name | pronoun | role | organisation."""
        if kind == "pronoun":
            name = self.pronoun(offset, antecedent)
            return (name, "pronoun") if name else (mention, "unresolved")
        if kind == "role":
            name = self.role(mention, offset)
            return (name, "role") if name else (mention, "role")
        if kind == "organisation":
            return self.full_name(mention.removeprefix("the ").removeprefix("The "), offset), "organisation"
        core, titles = strip_titles(mention)
        full = self.full_name(mention, offset)
        return full, ("title" if titles and core != mention else "name")


def mention_kind(words: list[tuple[str, str, str]]) -> str:
    """pronoun | name | organisation | role, from the mention's (text, pos, entity label) words."""
    if len(words) == 1 and words[0][0].lower() in PRONOUNS:
        return "pronoun"
    labels = {lab for _, _, lab in words if lab}
    if labels & {"ORG", "GPE", "NORP", "FAC"} and "PERSON" not in labels:
        return "organisation"
    if any(pos == "PROPN" for _, pos, _ in words) or "PERSON" in labels:
        return "name"
    return "role"
