"""Speaker resolution inside one article: from the words at the attribution site to a name.

- a name becomes its fullest form in the article ("Trump" -> "Donald Trump", "Mr. Obama" -> "Barack
  Obama", "Kim" -> "Kim Jong Un"): a longer name that ends with the mention (or, failing that, starts with
  it, as Korean family names do). Two people who share a name are never merged: among several fuller
  forms the one already quoted wins, then the one named most recently before the mention;
- a title and a name ("President Lee") drops the title and resolves the name;
- words before a name that describe the person ("Kyiv resident Ana Ruiz", "Novelist Bo Park", "minister of
  energy Ben Ito") are not the name: they go to the speaker's `title`;
- a role ("Seoul's reunification minister", "the president") becomes the person named earlier with a
  matching title or description ("Unification Minister Chung Dong-young", "Ben Ito, a lawyer for the
  family"); a definite role with no such match ("the mother of four", "the 36-year-old") is the person
  most recently named or quoted before it, when that person's gender does not contradict the role's;
  an indefinite one ("a spokesman") names nobody: unresolved;
- a pronoun becomes its antecedent found in the parse (`context.antecedent`), else the previous speaker,
  else the nearest person named before it, skipping anyone whose gender (`gender`) contradicts the
  pronoun's ("she" is not "Mr Ito");
- organisations and countries keep their own name ("North Korea announced …");
- a mention that reaches no name is `unresolved`, and its name is None: a pronoun or a role is never
  a speaker's identity.

Pure text plus the entity labels found by the pipeline; no model calls here.
"""
from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass

from rapidfuzz import fuzz
from spacy.lang.en.stop_words import STOP_WORDS

from quotes.extract.cues import PRONOUNS, TITLES
from quotes.extract.gender import noun_gender, pronoun_gender, text_genders
from quotes.extract.sources import ORGANISATIONS, PEOPLE, is_group_word, is_text_noun
from quotes.lexicon import ABBREVIATIONS

_WORD = re.compile(r"\S+")


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
    if "-" in n.strip("-"):  # "Director-General", "Attorney-General", "ex-President"
        return all(p in TITLES or p == "ex" for p in n.split("-") if p)
    return n in TITLES or n.rstrip(".") in TITLES


def name_runs(text: str) -> list[NameRun]:
    """Capitalised word runs of the text, each with the title words that precede the name inside the run."""
    runs: list[NameRun] = []
    cur: list[tuple[int, int, str]] = []

    def flush() -> None:
        if not cur:
            return
        words = list(cur)
        cur.clear()
        while words and words[0][2].lower() in STOP_WORDS:
            words.pop(0)
        last_title = max((k for k, w in enumerate(words) if is_role_word(w[2])), default=-1)
        titles = tuple(w[2] for w in words[:last_title + 1])
        core = words[last_title + 1:]
        if core:
            runs.append(NameRun(core[0][0], core[-1][1], " ".join(w[2] for w in core), titles))

    skip = _title_lines(text)
    k = 0
    for m in _WORD.finditer(text):
        while k < len(skip) and skip[k][1] <= m.start():
            k += 1
        if k < len(skip) and skip[k][0] <= m.start():
            flush()
            continue
        raw = m.group()
        first = raw[0]
        if not cur and first.islower():  # the common case: a lower-case word outside any run
            continue
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
        # "’Manteboheng": a name may open with an apostrophe (Sesotho, Hawaiian and other spellings)
        if w and (w[0].isupper() or w[0] in "’'" and w[1:2].isupper()
                  or (cur and _norm(w) in ("de", "van", "von", "bin", "al", "la", "del"))):
            cur.append((s, s + len(w), w))
            if ends:
                flush()
        else:
            flush()
        if text[m.end():m.end() + 1] == "\n":
            flush()
    flush()
    return runs


def mid_sentence_names(text: str, runs: list[NameRun] | None = None) -> frozenset[str]:
    """The words (lower case) that the text capitalises in mid-sentence: names, whatever the tagger says
    of them where they open a sentence ("Draper meanwhile won …")."""
    out = set()
    for r in name_runs(text) if runs is None else runs:
        before = text[max(0, r.start - 40):r.start].rstrip(" \t\u00a0(“\"‘'")
        if before and before[-1] not in ".!?:\n—–-":
            out.update(w.lower() for w in r.name.split())
    return frozenset(out)


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


def is_role_word(w: str) -> bool:
    """A word that describes a person rather than naming one: a title, a lower-case word, a noun for
    people ("Author", "resident"), an agent noun ("Novelist", "Economist"), a possessive ("Transnet’s")."""
    n = _norm(w)
    if n in NAME_PARTICLES:
        return False
    return not n or is_role_noun(w) or w[:1].islower() \
        or w.endswith(("’s", "'s")) or any(ch.isdigit() for ch in n)  # an age: "72-year-old Rosa Alvarez"


def is_role_noun(w: str) -> bool:
    """A title or a noun for a person's role, in any case ("Minister", "leader", "Economist")."""
    n = _norm(w)
    return is_title_word(w) or n in PEOPLE or n in _AGENT_NOUNS


AFFILIATIONS = frozenset("of from at".split())  # "Ana Ruiz of Delta Bank", "Ben Ito from the union"
NAME_PARTICLES = frozenset("de da do dos das del della di du van von der den ter bin ibn al el la le".split())


_AGENT_NOUNS = frozenset("""novelist economist journalist scientist activist analyst columnist artist
pianist guitarist physicist biologist chemist psychologist sociologist strategist specialist therapist
historian politician physician technician librarian musician comedian guardian custodian pedestrian
veterinarian statistician mathematician electrician""".split())


def strip_titles(mention: str) -> tuple[str, tuple[str, ...]]:
    """(the name, the words before it that describe the person): "Kyiv resident Ana Ruiz" gives
    ("Ana Ruiz", ("Kyiv", "resident")). A mention with no name in it comes back whole."""
    words = mention.split()
    roles = [k for k, w in enumerate(words) if is_role_word(w)]
    last = roles[-1] if roles else -1
    first = roles[0] if roles else -1
    if len(roles) > 1 and last == len(words) - 1 and roles[-2] < last - 1 and words[last][:1].isupper() \
            and not is_title_word(words[last]) and words[last - 1][:1].isupper():
        last = roles[-2]  # "Mayor Don Guardian": a surname that is also a noun for people
    if 1 < first < len(words) - 1 and words[first] in AFFILIATIONS and _norm(words[first - 1]) not in ORGANISATIONS \
            and not any(is_role_word(w) and not w[:1].islower() for w in words[first + 1:]):
        # "Busi Mavuso of Business Leadership SA": the name, then where the person is from
        return " ".join(words[:first]), tuple(words[first:])
    if last == len(words) - 1:
        return mention, tuple(words)
    core = " ".join(words[last + 1:])
    for suffix in ("’s", "'s"):
        core = core.removesuffix(suffix)
    return core, tuple(words[:last + 1])


@dataclass(frozen=True)
class Resolved:
    name: str | None  # None: the mention reaches no name (`how` is "unresolved")
    how: str  # name | title | pronoun | role | organisation | unresolved
    title: str | None = None  # words that describe the person where the mention gives them ("Kyiv resident")


NAMED_AFTER_WINDOW = 400  # "The judge told the court … ¶ Judge Ana Ruiz said": named right after
ROLE_WINDOW = 3000  # characters back from a role mention in which its person is looked for
NEAREST_WINDOW = 6000  # characters back from a pronoun in which the nearest named person is looked for
APPOSITION = re.compile(r"\s*,\s*((?:an?|the)\s+[^,.;:“”\"]{2,80}?)\s*[,.;]")
DESCRIPTION_BEFORE = re.compile(r"([^,.;:“”\"]{2,80}?)\s*,\s*$")
ROLE_BEFORE = re.compile(r"\b((?:[a-z][\w’'-]* ){1,3})$")  # lower-case words right before a name


class Resolver:
    """Resolve the speakers of one article, in text order (it remembers who has spoken)."""

    def __init__(self, text: str, quoted: list[tuple[int, int]] = (), runs: list[NameRun] | None = None):
        self.text = text
        self.runs = name_runs(text) if runs is None else runs
        # capitalised runs inside quotes ("“Hopefully I’ve …") never stand for the person a pronoun means
        self.outside = _outside(self.runs, sorted(quoted))
        self.starts = [r.start for r in self.runs]
        # names of two words or more by their last and first word: name -> starts of its mentions (text order);
        # a name mentioned a thousand times is one entry, not a thousand
        self.by_last: dict[str, dict[str, list[int]]] = {}
        self.by_first: dict[str, dict[str, list[int]]] = {}
        for r in self.runs:
            toks = [_norm(t) for t in r.name.split()]
            if len(toks) >= 2:
                self.by_last.setdefault(toks[-1], {}).setdefault(r.name, []).append(r.start)
                self.by_first.setdefault(toks[0], {}).setdefault(r.name, []).append(r.start)
        self.genders = text_genders(text, [(r.start, r.end, r.name, r.titles) for r in self.runs])
        self.speakers: list[tuple[int, str]] = []  # (offset, resolved name) of earlier attributions
        self._quoted: set[str] = set()  # the names in `speakers`
        self._fitting: dict[str, list[tuple[int, str]]] = {"m": [], "f": []}  # `speakers` that fit a gender
        self._counts: dict[str, list[int]] = {}  # full name -> [mentions, last offset], for `salient_person`
        self._ranked: dict[str | None, list[tuple[int, int, str]]] = {"m": [], "f": [], None: []}  # max-heaps
        self._counted = 0

    def remember(self, offset: int, name: str | None, body: bool = False) -> None:
        """A speaker found at `offset`; `body`: an organisation, a group or a text, never "he" or "she"."""
        if name:
            self.speakers.append((offset, name))
            self._quoted.add(name)
            for want, fitting in self._fitting.items():
                if self._fits(name, want) and not (body and want in ("m", "f")):  # "he" is never a body
                    fitting.append((offset, name))

    def gender(self, name: str) -> str | None:
        """The gender the article gives this name (the whole name first: "Ana Ruiz" and her husband
        "Ben Ruiz" are two people; then its last word)."""
        words = [_norm(w) for w in name.split()]
        if not words:
            return None
        full = " ".join(words)
        return self.genders[full] if full in self.genders else self.genders.get(words[-1])

    def _fits(self, name: str, want: str | None) -> bool:
        got = self.gender(name) if want in ("m", "f") else None
        return got is None or got == want

    def previous_speaker(self, offset: int, want: str | None = None) -> str | None:
        """The last speaker remembered at or before `offset` whose gender does not contradict `want`."""
        for o, n in reversed(self._fitting.get(want, self.speakers)):  # the ones that fit, found when remembered
            if o <= offset:
                return n
        return None

    def full_name(self, mention: str, offset: int) -> str:
        """The fullest form of a proper-name mention in the article."""
        core, _ = strip_titles(mention.strip())
        toks = core.split()
        if not toks:
            return mention
        key = [_norm(t) for t in toks]
        cands = _longer(self.by_last.get(key[-1], {}), key, suffix=True) \
            or _longer(self.by_first.get(key[0], {}), key, suffix=False)
        if not cands:
            return core
        quoted = [(starts[0], name) for name, starts in cands.items() if name in self._quoted]
        if quoted:
            return min(quoted)[1]  # the one already quoted (mentioned first, among several)
        before = [(starts[k], name) for name, starts in cands.items() if (k := bisect.bisect_left(starts, offset) - 1) >= 0]
        return max(before)[1] if before else min((starts[0], name) for name, starts in cands.items())[1]

    def descriptions(self, r: NameRun) -> list[str]:
        """Words that describe the person of a name mention: its titles, an apposition after it ("Ben Ito,
        a lawyer for the family,") and a description before it ("the minister of energy, Ben Ito")."""
        out = [_norm(t) for t in r.titles]
        m = APPOSITION.match(self.text, r.end)
        if m:
            out += [_norm(w) for w in m.group(1).split()]
        m = DESCRIPTION_BEFORE.search(self.text, max(0, r.start - 82), r.start)
        if m:
            out += [_norm(w) for w in m.group(1).split()[-6:]]
        m = ROLE_BEFORE.search(self.text, max(0, r.start - 50), r.start)
        if m:  # "the energy regulator Ofgem", "chief executive Omar Reyes"
            out += [_norm(w) for w in m.group(1).split()]
        return [w for w in out if w and w not in STOP_WORDS]

    def role(self, mention: str, offset: int, ahead: bool = False, window: int = ROLE_WINDOW) -> str | None:
        """The person named with a title or description that matches a role mention ("the reunification
        minister" after "Unification Minister Chung Dong-young"); `ahead`: named after the mention instead,
        the nearest first (a headline's "…, says regulator" over a body that names the regulator)."""
        words = [_norm(w) for w in mention.split()]
        words = [w for w in words if w and w not in STOP_WORDS and not w.endswith("’s")]
        if not words:
            return None
        head = words[-1]
        best, best_score = None, 0.0
        lo = bisect.bisect_left(self.starts, offset - window if not ahead else offset)
        hi = bisect.bisect_left(self.starts, offset if not ahead else offset + window)
        for r in self.runs[lo:hi]:
            tw = self.descriptions(r)
            if not tw or not any(fuzz.ratio(head, t) >= 85 for t in tw):
                continue
            score = sum(max(fuzz.partial_ratio(w, t) if len(w) > 3 and len(t) > 3 else fuzz.ratio(w, t)
                            for t in tw) >= 85 for w in words)
            near = r.start / (len(self.text) + 1)
            score += 1 - near if ahead else near  # the nearest of equal matches
            if score > best_score:
                best, best_score = r, score
        return self.full_name(best.name, best.start) if best else None

    def nearest_person(self, offset: int, want: str | None, window: int = NEAREST_WINDOW,
                       strict: bool = True) -> str | None:
        """The person named most recently before `offset` (a name of two words or more, or one already
        quoted, that is not a place or a body: "Lindi Bus Terminal"), whose gender does not contradict
        `want`; `strict`: whom the article itself gives that gender."""
        quoted = self._quoted
        k = bisect.bisect_left(self.starts, offset)
        while k > 0:
            k -= 1
            r = self.runs[k]
            if r.start < offset - window:
                break
            if r.end > offset:
                continue
            if not self.outside[k]:
                continue
            full = self.full_name(r.name, r.start)
            if not (len(full.split()) >= 2 or full in quoted) or not_a_person(full):
                continue
            if self.gender(full) == want if strict and want in ("m", "f") else self._fits(full, want):
                return full
        return None

    def pronoun(self, mention: str, offset: int, antecedent: tuple[str, int, str] | None) -> str | None:
        """A pronoun's person: its antecedent, the previous speaker, or the nearest person named before
        it, skipping anyone whose gender contradicts the pronoun's."""
        want = pronoun_gender(mention)
        if antecedent is not None:
            text, at, kind = antecedent
            name = None
            if kind in ("name", "organisation"):
                name = self.full_name(text, at)
                if want in ("m", "f") and not_a_person(name):
                    name = None  # "he" is never "MACAU" or "The Boca West Country Club"
            elif kind in ("role", "epithet"):
                name = self.role(text, at)
                if name is None and _kin_of_another(text):  # "His mother … she said": someone not named
                    return None
                name = name or self.nearest_person(at, self._role_gender(text), ROLE_WINDOW)
            if name:  # the parse found it, its gender checked there (`context.antecedent`)
                return name
        return self.previous_speaker(offset, want) or self.salient_person(offset, want)

    def salient_person(self, offset: int, want: str | None) -> str | None:
        """Before anyone is quoted: the person the article has named most often so far (an interview's
        subject, named in the headline and the opening paragraphs), ties going to the one named last;
        gender as in `nearest_person`."""
        upto = bisect.bisect_left(self.starts, offset)
        if upto < self._counted:  # offsets come in text order; start again if not
            self._counts, self._counted = {}, 0
            self._ranked = {g: [] for g in self._ranked}
        for r, out in zip(self.runs[self._counted:upto], self.outside[self._counted:upto], strict=True):  # counted once
            full = self.full_name(r.name, r.start)
            if out and len(full.split()) >= 2 and not not_a_person(full):
                c = self._counts.setdefault(full, [0, 0])
                c[0] += 1
                c[1] = r.start
                for g, heap in self._ranked.items():  # (mentions, last offset) ranks; older entries go stale
                    if g is None or self.gender(full) == g:
                        heapq.heappush(heap, (-c[0], -c[1], full))
        self._counted = max(self._counted, upto)
        heap = self._ranked[want if want in ("m", "f") else None]
        while heap and [-heap[0][0], -heap[0][1]] != self._counts.get(heap[0][2]):
            heapq.heappop(heap)  # a name counted again since
        return heap[0][2] if heap else None

    def writer(self, offset: int) -> str | None:
        """The person behind a text that speaks in the first person ("The book …: “I never …”"): the person
        the article is about so far, else the one named last."""
        return self.salient_person(offset, None) or self.nearest_person(offset, None, strict=False)

    @staticmethod
    def _role_gender(mention: str) -> str | None:
        return next((g for w in mention.split() if (g := noun_gender(w)) in ("m", "f")), None)

    def resolve(self, mention: str, offset: int, kind: str,
                antecedent: tuple[str, int, str] | None = None, headline: bool = False) -> Resolved:
        """The name behind a mention of `kind` name | pronoun | role | organisation | epithet; `headline`:
        the mention is in a headline or subheading, whose roles the body names after it."""
        if kind == "pronoun":
            name = self.pronoun(mention, offset, antecedent)
            return Resolved(name, "pronoun") if name else Resolved(None, "unresolved")
        if kind == "epithet":  # the person the article has just spoken of
            name = self.nearest_person(offset, None, ROLE_WINDOW, strict=False) or self.previous_speaker(offset)
            return Resolved(name, "role", mention) if name else Resolved(None, "unresolved", mention)
        if kind == "role" and _speaks_as_body(mention):  # "the city council", "court papers", "economists"
            return Resolved(re.sub(r"^(?:the|The|THE)\s+", "", mention), "organisation")
        if kind == "role":
            definite = _definite(mention) or self.text[max(0, offset - 4):offset].lower() in ("the ", "his ", "her ")
            # named after it: anywhere below a headline; in the body, "the judge" only right after
            after = ROLE_WINDOW if headline else NAMED_AFTER_WINDOW if definite and mention.split()[0].lower() == "the" else 0
            name = self.role(mention, offset) or (self.role(mention, offset, ahead=True, window=after) if after else None)
            if name is None and definite and not is_title_word(mention.split()[-1]):
                # "the mother of four", "the 36-year-old": who the article just spoke of; an office
                # ("Seoul's reunification minister") is only ever its holder named with that title
                want = self._role_gender(mention)
                # only a role that says something checkable of a person: a gender ("the mother of four")
                # or an age ("the 36-year-old"); "the janitor" with no janitor named names nobody
                if want or re.search(r"\d+-year|\byears? old\b", self.text[offset:offset + len(mention) + 12]):
                    name = self.nearest_person(offset, want, ROLE_WINDOW, strict=False) \
                        or self.previous_speaker(offset, want)
            return Resolved(name, "role", mention) if name else Resolved(None, "unresolved", mention)
        if kind == "organisation":
            core = mention.removeprefix("the ").removeprefix("The ")
            full = self.full_name(core, offset)
            # a surname the recogniser took for an organisation ("Trump") is a person once a full name is found
            return Resolved(full, "organisation" if full == strip_titles(core)[0] else "name")
        if re.search(r"[A-Z]\S*\s+(?:and|&)\s+[A-Z]", mention):  # "Ann Lee and Bo Park": several speakers
            return Resolved(mention, "name")
        core, titles = strip_titles(mention)
        if core == mention and len(titles) == 1 and not titles[0][:1].isupper():
            return self.resolve(mention, offset, "role")  # a bare role word: "spokesman"
        if core == mention and titles:  # "Charlie King", "Minister": the words as written
            return Resolved(self.full_name(mention, offset) if len(titles) > 1 else mention, "name")
        full = self.full_name(mention, offset)
        return Resolved(full, "title" if titles else "name", " ".join(titles) or None)


PLACE_WORDS = frozenset("""region terminal street road avenue square park river lake mountain airport station
hospital school college university centre center stadium bay island district province county city town village
valley bridge port hall house building tower market coast cape desert forest sea ocean gulf strait""".split())


def _longer(index: dict[str, list[int]], key: list[str], suffix: bool) -> dict[str, list[int]]:
    """The names of `index` (name -> starts) longer than the mention `key` (normalised words) that end
    (`suffix`) or start with it."""
    n = len(key)
    out = {}
    for name, starts in index.items():
        toks = [_norm(t) for t in name.split()]
        if len(toks) > n and (toks[-n:] if suffix else toks[:n]) == key:
            out[name] = starts
    return out


def _outside(runs: list[NameRun], quoted: list[tuple[int, int]]) -> list[bool]:
    """For each run (in text order), whether it lies outside every quoted span (sorted by start)."""
    out, k = [], 0
    for r in runs:
        while k < len(quoted) and quoted[k][1] <= r.start:
            k += 1
        out.append(not (k < len(quoted) and quoted[k][0] <= r.start < quoted[k][1]))
    return out


def not_a_person(name: str) -> bool:
    """A name that ends like a place or a body ("Lindi Bus Terminal", "Transnet Group", "the Health Ministry")."""
    last = _norm(name.split()[-1]) if name.split() else ""
    return last in PLACE_WORDS or last in ORGANISATIONS or name.isupper()


def _speaks_as_body(mention: str) -> bool:
    """A role mention that is itself the source: an organisation, a document, or a group of people."""
    words = [w for w in (_norm(w) for w in mention.split()) if w]
    if not words:
        return False
    head = words[-1]
    if is_text_noun(head) or head in ORGANISATIONS or head.endswith("s") and head[:-1] in ORGANISATIONS:
        return True
    return head.endswith("s") and (head in PEOPLE or head.rstrip("s") in PEOPLE) and head not in PEOPLE_SINGULAR_S


PEOPLE_SINGULAR_S = frozenset("boss actress waitress princess empress hostess witness".split())


def _kin_of_another(mention: str) -> bool:
    """"His mother", "their son", "her lawyer": a role held toward someone else, not another name for them."""
    words = mention.lower().split()
    return len(words) >= 2 and words[0] in ("his", "her", "their", "its", "my", "our", "your")


def _definite(mention: str) -> bool:
    """"the mother of four", "the 36-year-old", "Tuesday's winner": a role that points at one person."""
    words = mention.split()
    return bool(words) and (words[0].lower() in ("the", "this") or words[0].endswith(("’s", "'s"))) \
        and not words[-1].lower().endswith("s") or len(words) == 1 and words[0][:1].isupper()


def mention_kind(words: list[tuple[str, str]], label: str = "") -> str:
    """pronoun | name | organisation | role | epithet, from the mention's (text, pos) words and its entity label."""
    if len(words) == 1 and words[0][0].lower() in PRONOUNS:
        return "pronoun"
    if label == "NORP" and len(words) == 2 and words[0][0].lower() in ("the", "a") \
            and not words[1][0].lower().endswith("s"):
        return "epithet"  # "the Argentine said", "a Spaniard": a person called by a nationality
    if label in ("ORG", "GPE", "NORP", "FAC"):
        return "organisation"
    heads = [(w, pos) for w, pos in words if w[:1].isalpha()]
    if len(heads) == 1 and (heads[0][0].lower() in STOP_WORDS or is_group_word(_norm(heads[0][0]))):
        return "role"  # "Another said", "Others say": nobody named; "Aides say": a group
    if label == "PERSON" or heads and (heads[-1][1] == "PROPN" or heads[-1][0][0].isupper()):
        return "name"  # the tagger sometimes calls a surname an adjective: a capitalised head word is a name
    return "role"
