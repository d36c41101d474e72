"""Speech, partial or scare: what a quoted span is, from the text around it (no model needed).

- `scare`: a term, title, nickname or slogan in quote marks that reports nobody's speech: a title-case
  name in running text ("Face the Nation"), a nickname inside a name (Robert “Bobby” Scott), a lone
  pronoun quoted as a word (“she” is a “he”), a quote used as a modifier ("“Make America Great Again”
  campaign"), a term introduced by "so-called" / "the word" / "titled", a handle, number or markup value,
  a transcript's stage direction (“(APPLAUSE)”).
- `partial`: a fragment of someone's words inside the writer's own sentence ('He spoke of “fond
  memories”'), and quoted fragments of headlines and subheadings.
- `speech`: quoted words set off as an utterance (after a colon or comma, at the start of a sentence or
  paragraph, or a complete sentence).
An explicit attribution right next to the quote ("“Never,” he said") makes it speech whatever it looks like.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

SMALL_WORDS = frozenset("a an the of in on and or for to with at by from is it as but nor vs via de la le du von van".split())
TERM_BEFORE = re.compile(
    r"(?:so[- ]called|the (?:term|terms|word|words|phrase|label|slogan|hashtag|motto|name|title|headline|"
    r"nickname|acronym)|titled|entitled|headlined|hashtag|known as|nicknamed|branded as)\s*$", re.I)
MODIFIED_NOUNS = frozenset("""
campaign campaigns slogan slogans program programme programs movement movements rule rules act bill law
laws policy policies plan plans initiative initiatives strategy doctrine tour tours rally rallies event
events show shows series brand hat hats cap caps tax taxes era agenda platform style approach crowd
crowds chant chants sign signs shirt shirts t-shirts banner banners button buttons sticker stickers
video videos ad ads segment segments episode episodes sketch skit podcast documentary film movie book
column feature trademark exemption provision clause loophole deal deals summit talks mantra theme
star stars host hosts creator creators actor actress author writer producer director cast fans character
characters season finale premiere reboot sequel soundtrack franchise spinoff spin-off anchor contestant
""".split())
# every form of a personal pronoun (cues.PRONOUNS holds only the subject forms a speaker can take)
PRONOUN_WORDS = frozenset("i me we us you he him she her it they them his hers its their theirs".split())
# a capitalised name word or an initial ("C.", "C.L.") right before the quote, a capitalised word right after
_NAME_BEFORE = re.compile(r"(?:\b[A-Z][a-z’'\-]+|\b(?:[A-Z]\.)+)\s$")
_NAME_AFTER = re.compile(r"^\s(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
                         r"March|April|May|June|July|August|September|October|November|December)\b)[A-Z][a-z’'\-]+\b")
_WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*")
_HANDLE = re.compile(r"^\W*(?:[@#]\w+|https?://\S+|\S+\.(?:com|org|net|gov)\S*|[\d\W]+)\W*$")
WINDOW = 200  # characters of context on each side of a quote that the rules read (past its spaces, whole words)
_STAGE = re.compile(r"^\s*[(\[][^()\[\]]*[)\]][\s.,]*$")  # (CROSSTALK), [inaudible]: a transcript's stage direction


@dataclass(frozen=True)
class KindGuess:
    kind: str  # speech | partial | scare
    reason: str  # set_off | embedded | headline | title | nickname | modifier | term | markup


def words(s: str) -> list[str]:
    return _WORD.findall(s)


def is_title_case(ws: list[str]) -> bool:
    """Every word capitalised except small function words (and at least one capitalised word)."""
    caps = 0
    for i, w in enumerate(ws):
        if w[0].isupper() or w[0].isdigit():
            caps += 1
        elif w.lower() in SMALL_WORDS and i > 0:
            continue
        else:
            return False
    return caps > 0


def is_headline(text: str, para_start: int, para_end: int, first_para: bool) -> bool:
    """The article's first line (`first_para`: callers pass it only when more lines follow, so a one-line
    article is a body line, not a headline), or a short line with no sentence punctuation at its end (a
    subheading)."""
    if first_para:
        return True
    line = text[para_start:para_end].strip()
    core = line.rstrip("“”\"'’‘»« ")
    return len(words(line)) <= 12 and not core.endswith((".", "!", "?", ":", ",", ";", "…"))


def classify(text: str, start: int, end: int, open_start: int, close_end: int, para_start: int, para_end: int,
             headline: bool) -> KindGuess:
    """The kind of the quoted words text[start:end] whose marks span text[open_start:close_end]."""
    inner = text[start:end]
    ws = words(inner)
    before = _before(text, para_start, open_start)
    after = _after(text, close_end, para_end)
    if not ws or _HANDLE.match(inner) or _STAGE.match(inner) or before.endswith("=") or (before.rstrip().endswith(("<", "=")) and " " not in inner.strip()):
        return KindGuess("scare", "markup")
    if headline:
        return KindGuess("partial", "headline")
    if len(ws) == 1 and ws[0].lower() in PRONOUN_WORDS:
        return KindGuess("scare", "term")
    if _is_nickname(before, inner, ws, after):
        return KindGuess("scare", "nickname")
    if TERM_BEFORE.search(before):
        return KindGuess("scare", "term")
    nxt = re.match(r"\s*([a-z][a-z\-]+)", after)
    if nxt and nxt.group(1) in MODIFIED_NOUNS and not inner.rstrip().endswith((",", ".", "!", "?")):
        return KindGuess("scare", "modifier")
    if len(ws) <= 6 and is_title_case(ws) and not _sentence_start(before) and not _ends_sentence(inner):
        return KindGuess("scare", "title")
    if len(ws) <= 6 and is_title_case(ws) and len(ws) >= 2 and _is_title_position(before):
        return KindGuess("scare", "title")
    if len(ws) <= 14 and ":" in inner and is_title_case(ws) and not _sentence_start(before):
        return KindGuess("scare", "title")  # a book or film with its subtitle: “Crippled Land: How to …”
    if _set_off(before, inner):
        return KindGuess("speech", "set_off")
    return KindGuess("partial", "embedded")


def _is_token_char(c: str) -> bool:
    return c.isalnum() or c in "_’'-."


def _before(text: str, para_start: int, open_start: int) -> str:
    """The end of the paragraph before a quote's opening mark, as much as the rules read: its trailing
    spaces, the `WINDOW` characters before them, and the rest of a word cut there. Every rule reads the
    end of it only, so the rules decide as they would on the whole paragraph, and a paragraph of many
    quotes is read once per quote for a bounded length (not from its start each time)."""
    k = open_start
    while k > para_start and text[k - 1].isspace():
        k -= 1
    s = max(para_start, k - WINDOW)
    while s > para_start and _is_token_char(text[s - 1]):
        s -= 1
    return text[s:open_start]


def _after(text: str, close_end: int, para_end: int) -> str:
    """The start of the paragraph after a quote's closing mark, bounded as `_before` is."""
    j = close_end
    while j < para_end and text[j].isspace():
        j += 1
    e = min(para_end, j + WINDOW)
    while e < para_end and _is_token_char(text[e]):
        e += 1
    return text[close_end:e]


def _is_nickname(before: str, inner: str, ws: list[str], after: str) -> bool:
    """One or two capitalised words (`ws`, the words of `inner`) between the parts of a name: Robert C.
    “Bobby” Scott."""
    return (len(ws) <= 2 and inner.strip() == inner and inner[-1:].isalnum() and is_title_case(ws)
            and bool(_NAME_BEFORE.search(before)) and bool(_NAME_AFTER.match(after)))


def _sentence_start(before: str) -> bool:
    b = before.rstrip()
    return not b or b.endswith((".", "!", "?", ":", "—", "–", "…")) or b.endswith(("“", "\"", "‘"))


def _ends_sentence(inner: str) -> bool:
    return inner.rstrip().endswith(("!", "?"))


def _is_title_position(before: str) -> bool:
    return bool(re.search(r"\b(?:on|of|in|the|watch|watching|read|reading|film|book|show|song|album|program|"
                          r"programme|movie|documentary|series|titled|called)\s*$", before, re.I))


def _set_off(before: str, inner: str) -> bool:
    """Quoted words introduced as an utterance: paragraph or sentence start, after a colon or a comma."""
    b = before.rstrip()
    if not b or b.endswith((".", "!", "?", ":", "—", "–", "…", ",", ";", "(", "”", "\"")):
        return True
    # a complete sentence inside the marks
    s = inner.strip()
    return bool(s) and s[0].isupper() and s.rstrip("”’\"' ").endswith((".", "!", "?")) and len(words(s)) >= 4
