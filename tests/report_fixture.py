"""Comparisons built by hand for the report tests: the seed articles' clusters, and texts written here.

Offsets are found in the texts (never typed in), so the fixture stays true to the seed files.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from quotes.model import Article, Cluster, Comparison, Cue, Discrepancy, Quote, Speaker, Variant

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed(name: str) -> Article:
    return Article(path=f"seeds/{name}", text=(SEEDS / name).read_text(encoding="utf-8"))


def find(text: str, needle: str, n: int = 0, start: int = 0) -> int:
    """Offset of the n-th occurrence of `needle` in `text` from `start` (fails loudly if missing)."""
    pos = start - 1
    for _ in range(n + 1):
        pos = text.index(needle, pos + 1)
    return pos


def quote(art: Article, text: str, kind: str = "speech", speaker: str | None = None, mention: str | None = None,
          cue: str | None = None, n: int = 0) -> Quote:
    """A quote of `text` in `art` (its n-th occurrence), with the speaker mention and cue found before it."""
    start = find(art.text, text, n)
    line, col = art.line_col(start)
    spk = None
    if speaker:
        m = art.text.rfind(mention or speaker, 0, start)
        spk = Speaker(speaker, mention or speaker, m, m + len(mention or speaker), "name")
    cue_obj = None
    if cue:
        c = art.text.rfind(cue, 0, start)
        cue_obj = Cue(cue, cue, c, c + len(cue))
    return Quote(article=art.path, article_id=art.id, text=text, start_char=start, end_char=start + len(text),
                 line=line, column=col, kind=kind, speaker=spk, cue=cue_obj, confidence=0.9)


def at(q: Quote, needle: str, n: int = 0) -> tuple[int, int]:
    """Absolute offsets of `needle` inside quote `q`."""
    s = q.start_char + find(q.text, needle, n)
    return s, s + len(needle)


def gap(q: Quote, before: str | None = None, after: str | None = None, n: int = 0) -> tuple[int, int]:
    """An empty span inside `q`: just before `before`, or just after `after` (end of the quote if neither)."""
    if before is not None:
        s = at(q, before, n)[0]
    elif after is not None:
        s = at(q, after, n)[1]
    else:
        s = q.end_char
    return s, s


def disc(type_: str, cq: Quote, c: tuple[int, int], vq: Quote, v: tuple[int, int], flags: tuple[str, ...] = ()) -> Discrepancy:
    ctext = cq.text[c[0] - cq.start_char:c[1] - cq.start_char]
    vtext = vq.text[v[0] - vq.start_char:v[1] - vq.start_char]
    return Discrepancy(type_, ctext, vtext, c[0], c[1], v[0], v[1], flags)


def cluster(cid: str, canonical: Quote, *others: Variant, speaker: str | None = None) -> Cluster:
    members = (Variant(canonical, "verbatim"), *others)
    names = tuple(dict.fromkeys(v.quote.speaker.name for v in members if v.quote.speaker))
    return Cluster(cid, canonical, members, speaker=speaker, speakers=names[:1] if speaker else names)


def seeds_comparison() -> Comparison:
    """The utterances the seed articles quote more than once, with the differences typed by hand."""
    a000, a001, a002, a003, a004 = (seed(n) for n in sorted(p.name for p in SEEDS.glob("*.txt")))
    trump = "Donald Trump"

    # Air Force One remarks: 001 is the fuller wording
    c = quote(a001, "I just had a good relationship with him. I would love to see him, if he wants to, if he even "
              "gets this message. We haven’t mentioned anything, but he knows I’m going over there. If he’d like to "
              "meet, I’d love to meet him.", speaker=trump, mention="he", cue="stated")
    v = quote(a004, "I had a good relationship with him. I’d love to see him if he wants to. If he even gets this "
              "message. We haven’t said anything official, but he knows I’m coming. If he’d like to meet, I’d love to.",
              speaker=trump, mention="Trump", cue="shared")
    af1 = cluster("af1", c, Variant(v, "edited", (
        disc("omitted", c, at(c, "just"), v, gap(v, before="had"), ("hedge",)),
        disc("cosmetic", c, at(c, "I would"), v, at(v, "I’d")),
        disc("cosmetic", c, at(c, ","), v, gap(v, after="see him")),
        disc("cosmetic", c, at(c, ", if", 1), v, at(v, ". If")),
        disc("substituted", c, at(c, "mentioned"), v, at(v, "said")),
        disc("added", c, gap(c, after="anything"), v, at(v, "official")),
        disc("substituted", c, at(c, "going over there"), v, at(v, "coming")),
        disc("trimmed", c, at(c, "meet him"), v, gap(v, before=".", n=4)),
    ), score=80.0), speaker=trump)

    # "put out the word": 004's wording is the fuller one; its subheading quotes the last sentence
    c = quote(a004, "If you guys want to put the word out, I’m open to it. I’ll be in South Korea.",
              speaker=trump, mention="he", cue="added")
    v1 = quote(a001, "If you want to put out the word, I’m open to it.", speaker=trump, mention="He", cue="saying")
    v2 = quote(a004, "I’ll Be in South Korea", kind="partial")
    word = cluster("word", c, Variant(v1, "edited", (
        disc("omitted", c, at(c, "guys"), v1, gap(v1, before="want")),
        disc("added", c, gap(c, before="the word"), v1, at(v1, "out")),
        disc("omitted", c, at(c, "out"), v1, gap(v1, after="word")),
        disc("trimmed", c, at(c, "I’ll be in South Korea."), v1, gap(v1)),
    ), score=75.0), Variant(v2, "fragment", (
        disc("trimmed", c, at(c, "If you guys want to put the word out, I’m open to it."), v2, gap(v2, before="I")),
        disc("cosmetic", c, at(c, "be"), v2, at(v2, "Be")),
        disc("trimmed", c, at(c, ".", 1), v2, gap(v2)),
    )), speaker=trump)

    # a fragment with no itemised differences: the report finds where it sits in the full wording
    c = quote(a001, "Personally, I still have fond memories of U.S. President Trump. If the United States drops the "
              "absurd obsession with denuclearising us and accepts reality, and wants genuine peaceful coexistence, "
              "there is no reason for us not to sit down with the United States.",
              speaker="Kim Jong Un", mention="Kim", cue="mentioned")
    v = quote(a000, "fond memories", kind="partial", speaker="Kim Jong Un", mention="He", cue="spoke")
    kim = cluster("kim", c, Variant(v, "fragment"), speaker="Kim Jong Un")

    c = quote(a001, "little rocket man", kind="partial", speaker=trump, mention="Trump", cue="calling")
    v = quote(a003, "rocket man", kind="partial")
    rocket = cluster("rocket", c, Variant(v, "fragment", (
        disc("trimmed", c, at(c, "little"), v, gap(v, before="rocket")),)), speaker=trump)

    # quoted twice within one article only: counted, not shown as a block
    c = quote(a002, "Great Relationship", kind="partial")
    great = cluster("great", c, Variant(quote(a002, "Great Relationship", kind="partial", n=1), "verbatim"))

    singles = (
        quote(a000, "no,", kind="scare"),
        quote(a001, "nuclear power", kind="scare"),
        quote(a002, "only divided nation in the world,", kind="partial", speaker="Lee Jae Myung", mention="Lee Jae Myung"),
        quote(a004, "That’s pretty significant to start with,", speaker=trump, mention="he", cue="said"),
    )
    clusters = (af1, word, rocket, kim, great)
    quotes = tuple({q.quote_id: q for cl in clusters for q in (m.quote for m in cl.members)}.values()) + singles
    return Comparison(articles=tuple(a.path for a in (a000, a001, a002, a003, a004)),
                      quotes=tuple(sorted(quotes, key=lambda q: (q.article, q.start_char))), clusters=clusters)


MARKUP = "We [the government] will act on [b]this[/b]"


def markup_comparison() -> Comparison:
    """Two articles whose words look like rich markup, Markdown and HTML, with a speaker conflict."""
    a = Article(path="news/[draft] *first*.txt",
                text=f"The minister said: “{MARKUP} & <soon> | *now* _really_ `x` ~~y~~ # \\n.”\n")
    b = Article(path="news/second <b>.md",
                text=f"A spokesman [red]Bob[/red] said: “{MARKUP.replace('this', 'that')} & <soon> | *now* "
                     "_really_ `x` ~~y~~ # \\n.”\n")
    ca = quote(a, f"{MARKUP} & <soon> | *now* _really_ `x` ~~y~~ # \\n.", speaker="Ann [i]Lee[/i]",
               mention="The minister", cue="said")
    vb = quote(b, f"{MARKUP.replace('this', 'that')} & <soon> | *now* _really_ `x` ~~y~~ # \\n.",
               speaker="[red]Bob[/red] <script>", mention="A spokesman", cue="said")
    conflict = Discrepancy("speaker_conflict", "Ann [i]Lee[/i]", "[red]Bob[/red] <script>",
                           ca.speaker.start_char, ca.speaker.end_char, vb.speaker.start_char, vb.speaker.end_char,
                           ("entity",))
    cl = Cluster("markup", ca, (Variant(ca, "verbatim"), Variant(vb, "edited", (
        disc("substituted", ca, at(ca, "[b]this[/b]"), vb, at(vb, "[b]that[/b]")), conflict))),
        speaker="Ann [i]Lee[/i]", speakers=("Ann [i]Lee[/i]", "[red]Bob[/red] <script>"))
    return Comparison(articles=(a.path, b.path), quotes=(ca, vb), clusters=(cl,))


class TextCollector(HTMLParser):
    """The visible text of an HTML fragment, and the text inside each tag."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.inside: dict[str, list[str]] = {}
        self.tags: list[str] = []
        self.runs: list[tuple[frozenset[str], str]] = []  # (open tags, text) in document order

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        self.tags.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag):]

    def handle_data(self, data):
        if "style" in self.stack or "title" in self.stack:
            return
        self.text.append(data)
        self.runs.append((frozenset(self.stack), data))
        for tag in set(self.stack):
            self.inside.setdefault(tag, []).append(data)


def collect(html: str) -> TextCollector:
    parser = TextCollector()
    parser.feed(html)
    return parser
