"""Benchmark `quotes.compare.compare` on synthetic quote sets with known utterances.

    python bench/bench_compare.py [--sizes 20000,200000] [--seed 7]

A seeded generator writes utterances (English function words, a Zipf-distributed invented vocabulary,
and stock phrases many speakers use: "I'd love to", "a lot of", "the American people", ...), then
renders each utterance in one or more articles the way outlets do: verbatim, with cosmetic changes
(contractions, case, punctuation, British/American spelling), trimmed at either end, as a short fragment,
with words omitted/added/substituted, cut by an ellipsis, with the speaker named in another form, not
named, or given to someone else. Short generic sentences are mixed in as distractors that share words
but are not the same utterance.

Each size runs in its own process (so peak memory is its own) and prints quotes/s, the pair
precision/recall/F1 of the clusters against the known utterances, the time ratio between the sizes and
the peak RSS.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FUNCTION = ("the of and to a in that is it for on was with he as i be at by this had not are but from "
            "or have an they which you were her all she there would their we him been has when who will "
            "no more if out so up said what its about than into them can only other time some could these "
            "two may first then do any like my now over such our man me even most made after also did many "
            "off before must well back through years much where your way down should because each just "
            "those people how too little state good very make world still own see men work long get here "
            "between both life being under never day same another know while last might us great old year "
            "come since against go came right used take three").split()
STOCK = ["I'd love to", "a lot of", "the American people", "I think", "believe me", "you know", "we have to",
         "at the end of the day", "very, very", "a great honor", "we'll see what happens", "thank you very much",
         "it's going to be", "many people are saying", "like never before", "frankly", "I would say"]
GENERIC = ["Thank you very much.", "We'll see what happens.", "It's a great honor.", "I think so.",
           "We have to do it.", "Believe me.", "That's right.", "It's going to be great.", "I'd love to.",
           "A lot of people know that."]
CONTRACT = [("I would", "I'd"), ("we have not", "we haven't"), ("it is", "it's"), ("do not", "don't"),
            ("I am", "I'm"), ("we will", "we'll"), ("they are", "they're"), ("cannot", "can't")]
HEDGES = ["just", "only", "very", "really", "never", "even", "still", "probably"]
SYLLABLES = ("ka lo mi ra te su no pa ve ri do lu ba ne ti fo ga se mo ha ze ku li da po re ma ni so "
             "tra bel cor dan fen gor hal jin kel lam mor nal par quen ros sal tor ven wil yar zor").split()


class Generator:
    def __init__(self, seed: int, n_quotes: int):
        self.r = random.Random(seed)
        r = self.r
        vocab = set()
        while len(vocab) < max(4000, n_quotes // 5):
            vocab.add("".join(r.choice(SYLLABLES) for _ in range(r.randint(2, 4))))
        self.vocab = sorted(vocab)
        r.shuffle(self.vocab)
        # some words with British/American spellings
        for i in range(0, len(self.vocab), 50):
            self.vocab[i] = self.vocab[i] + r.choice(["ise", "ising", "ised", "our", "ours"])
        self.vocab_set = set(self.vocab)
        self.weights = [1.0 / (k + 10) ** 1.05 for k in range(len(self.vocab))]
        self.cum = list(_accumulate(self.weights))
        n_people = max(40, n_quotes // 40)
        self.people = [(self._name(), self._name()) for _ in range(n_people)]

    def _name(self) -> str:
        return "".join(self.r.choice(SYLLABLES) for _ in range(2)).capitalize()

    def word(self) -> str:
        return self.r.choices(self.vocab, cum_weights=self.cum)[0]

    def sentence(self) -> str:
        r = self.r
        out: list[str] = []
        n = r.randint(5, 16)
        while len(out) < n:
            x = r.random()
            if x < 0.07:
                out.extend(r.choice(STOCK).split())
            elif x < 0.12:
                out.extend(r.choice(CONTRACT)[r.random() < 0.5].split())
            elif x < 0.16:
                out.append(r.choice(HEDGES))
            elif x < 0.55:
                out.append(r.choice(FUNCTION))
            else:
                out.append(self.word())
            if r.random() < 0.08:
                out[-1] += ","
        out[0] = out[0][:1].upper() + out[0][1:]
        return " ".join(out).rstrip(",") + r.choice([".", ".", ".", "!", "?"])

    def utterance(self) -> tuple[str, bool]:
        """An utterance, and whether it is one of the generic sentences many people say."""
        if self.r.random() < 0.06:
            return self.r.choice(GENERIC), True
        return " ".join(self.sentence() for _ in range(self.r.choice([1, 1, 2, 2, 3]))), False

    def speaker_name(self, person: tuple[str, str]) -> str:
        first, last = person
        return self.r.choice([f"{first} {last}", last, f"President {last}", f"{first} {last}"])

    def render(self, text: str) -> str:
        """One outlet's rendering of an utterance."""
        r = self.r
        words = text.split()
        x = r.random()
        if x < 0.30 or len(words) < 4:
            return text
        if x < 0.45:
            return self.cosmetic(text)
        if x < 0.58:
            keep = max(3, int(len(words) * r.uniform(0.6, 0.9)))
            start = r.choice([0, len(words) - keep])
            return " ".join(words[start:start + keep])
        if x < 0.70:
            return self.fragment(words)
        if x < 0.95 or len(words) < 8:
            return self.edit(words)
        a = r.randint(2, len(words) - 5)
        return " ".join(words[:a]) + "… " + " ".join(words[a + r.randint(2, 4):])

    def cosmetic(self, text: str) -> str:
        r = self.r
        for full, short in CONTRACT:
            if full in text and r.random() < 0.7:
                text = text.replace(full, short, 1)
            elif short in text and r.random() < 0.7:
                text = text.replace(short, full, 1)
        if r.random() < 0.5:
            text = text.replace(",", "", 1)
        if r.random() < 0.3:
            text = text.replace("ise", "ize").replace("our", "or")
        if r.random() < 0.3:
            text = text[:1].lower() + text[1:]
        return text

    def fragment(self, words: list[str]) -> str:
        """A short contiguous fragment holding at least two words of the vocabulary (not function words or
        stock phrases): what a writer picks out to quote."""
        r = self.r
        for _ in range(10):
            n = r.randint(2, 6)
            if n >= len(words):
                break
            s = r.randint(0, len(words) - n)
            frag = words[s:s + n]
            if sum(1 for w in frag if w.strip(",.!?").lower() in self.vocab_set) >= 2:
                return " ".join(frag).strip(",")
        return " ".join(words)

    def edit(self, words: list[str]) -> str:
        r = self.r
        words = list(words)
        for _ in range(r.randint(1, 3)):
            i = r.randrange(len(words))
            op = r.random()
            if op < 0.35:
                words[i] = self.word()
            elif op < 0.65 and len(words) > 4:
                hedge = [k for k, w in enumerate(words) if w in HEDGES]
                del words[r.choice(hedge) if hedge else i]
            else:
                words.insert(i, r.choice(HEDGES + [self.word(), "not"]))
        return " ".join(words)


def _accumulate(xs):
    t = 0.0
    for x in xs:
        t += x
        yield t


def generate(n: int, seed: int):
    """About n quotes and the utterance each renders: (quotes, labels)."""
    from quotes.model import Quote, Speaker, content_id

    g = Generator(seed, n)
    r = g.r
    quotes, labels = [], []
    n_articles = max(2, n // 12)
    offsets: Counter = Counter()  # running offset in each (virtual) article
    u = 0
    while len(quotes) < n:
        text, generic = g.utterance()
        person = r.choice(g.people)
        # a generic sentence is a distractor: said by many, each time its own utterance
        copies = 1 if generic else min(n - len(quotes), 1 + int(r.expovariate(0.6)))
        for _ in range(copies):
            article = r.randrange(n_articles)
            shown = g.render(text)
            start = offsets[article]
            offsets[article] += len(shown) + 200
            who = r.random()
            if who < 0.2:
                speaker = None
            else:
                name = g.speaker_name(r.choice(g.people) if who > 0.97 else person)
                speaker = Speaker(name, name, start, start + len(name), "name")
            path = f"synthetic/{article:06d}.txt"
            quotes.append(Quote(article=path, article_id=content_id(path), text=shown, start_char=start + 40,
                                end_char=start + 40 + len(shown), line=1, column=1, kind="speech",
                                speaker=speaker))
            labels.append(u)
        u += 1
    order = list(range(len(quotes)))
    r.shuffle(order)
    return [quotes[i] for i in order], [labels[i] for i in order]


def pair_scores(groups: list[list[int]], labels: list[int]) -> tuple[float, float, float]:
    """Pair precision, recall, F1 of predicted groups (positions) against gold labels."""
    pairs = lambda counts: sum(c * (c - 1) // 2 for c in counts)  # noqa: E731
    tp = sum(pairs(Counter(labels[i] for i in g).values()) for g in groups)
    pred = sum(pairs([len(g)]) for g in groups)
    gold = pairs(Counter(labels).values())
    p = tp / pred if pred else 0.0
    rc = tp / gold if gold else 0.0
    return p, rc, (2 * p * rc / (p + rc) if p + rc else 0.0)


def run_one(n: int, seed: int) -> dict:
    from quotes.align import QuoteIndex
    from quotes.compare import compare, link

    quotes, labels = generate(n, seed)
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    result = compare(quotes)
    elapsed = time.perf_counter() - t0
    position = {q.quote_id: k for k, q in enumerate(quotes)}
    groups = [[position[v.quote.quote_id] for v in c.members] for c in result.clusters]
    p, r, f = pair_scores(groups, labels)
    t1 = time.perf_counter()
    link(QuoteIndex(quotes))
    link_only = time.perf_counter() - t1
    return {"quotes": len(quotes), "utterances": len(set(labels)), "seconds": round(elapsed, 2),
            "link_seconds": round(link_only, 2), "quotes_per_s": round(len(quotes) / elapsed),
            "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "clusters": len(result.clusters),
            "rss_before_mb": round(base_rss / 1024), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="20000,200000")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.one:
        print(json.dumps(run_one(a.one, a.seed)))
        return
    rows = []
    for n in (int(x) for x in a.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(n), "--seed", str(a.seed)], check=True,
                             capture_output=True, text=True).stdout
        rows.append(json.loads(out.strip().splitlines()[-1]))
    cols = ["quotes", "utterances", "clusters", "seconds", "link_seconds", "quotes_per_s", "precision", "recall",
            "f1", "rss_before_mb", "peak_rss_mb"]
    print(" ".join(f"{c:>13}" for c in cols))
    for row in rows:
        print(" ".join(f"{row[c]:>13}" for c in cols))
    if len(rows) > 1:
        a0, a1 = rows[0], rows[-1]
        print(f"time ratio {a1['quotes'] / a0['quotes']:.0f}x quotes: {a1['seconds'] / a0['seconds']:.1f}x time "
              f"(target <= 15x); largest run {a1['seconds']:.0f} s (target < 120 s)")


if __name__ == "__main__":
    main()
