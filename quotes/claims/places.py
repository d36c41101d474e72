"""Where a person was: "Trump watched the returns from <town>", "a rally in <town>", "his estate in <town>".

A *whereabouts* claim is a place (a GPE or LOC entity after "in", "at" or "from") tied to a person: the
possessor of the noun the place belongs to ("his estate in <town>") or the subject of the clause ("<person>
watched the returns from <town>", "<person> is marking her wins with a rally in <town>"). A place that
reports results ("won in Ohio", "her primary win in Ohio", "leads in the polls in Iowa") says nothing about
where anyone was and is not a whereabouts.

Two places of one person are compared by how their names relate, without a gazetteer:

- the same place (after folding "the", possessives and demonyms): they **agree**;
- a region (a US state, a country) and a town the article places in it ("Palm Beach, Fla." / "Florida"):
  they **agree**; a region and a town the article does not place in it are not compared (without a
  gazetteer "Illinois" and "Milwaukee" cannot be told from "Florida" and "Miami");
- one name is the other with a word that makes another town ("West Palm Beach" / "Palm Beach", "North
  Charleston" / "Charleston", "East Lansing" / "Lansing"): two different towns, a **conflict**;
- two unrelated names ("Orlando" / "Tampa", but also "Brooklyn" / "New York", which contains it): not
  compared — without a gazetteer a borough and its city look like two towns.

Two different regions ("Ohio" / "Florida") are not compared either: a person moves from state to state
during a campaign, so they are usually two true moments, not one wrong one.
"""
from __future__ import annotations

from quotes.claims.context import Context, place_key
from quotes.claims.lexicon import COUNTRY_ALIASES, EVENT_NOUN_CLASS, RESULT_WORDS
from quotes.claims.model import Claim
from quotes.compare.speakers import key

PLACE_ENTS = frozenset(("GPE", "LOC"))
PLACE_PREPS = frozenset(("in", "at", "from"))
# words that make another town of a name: "West Palm Beach" is not "Palm Beach"
TOWN_PREFIXES = frozenset("west east north south new old upper lower fort port mount lake san santa st. saint".split())
# heads whose places are results or standings, not where someone was
NOT_WHEREABOUTS = RESULT_WORDS | frozenset("lead poll vote voter delegate primary caucus caucuses contest election race "
                                           "margin support victorious victory win".split()) | frozenset(
    w for w, cls in EVENT_NOUN_CLASS.items() if cls == "contest")
# verbs and nouns that put their subject or possessor at a place ("watched the returns from", "a rally in",
# "his estate in"); other verbs place something else ("won in", "picked up delegates in")
PRESENCE_VERBS = frozenset("""be speak appear watch hold attend address arrive visit campaign rally stay spend gather
    mark thank tell celebrate stump live greet meet vacation headline deliver""".split())
PRESENCE_NOUNS = frozenset("""estate home house resort hotel headquarters residence office rally speech event party
    appearance stop club compound ranch farm apartment""".split())
US_STATES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
    mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
    vermont virginia washington wisconsin wyoming""".split()) | frozenset(
    ("new hampshire", "new jersey", "new mexico", "new york state", "north carolina", "north dakota",
     "rhode island", "south carolina", "south dakota", "west virginia", "district of columbia"))
STATE_ABBREVIATIONS = {"fla": "florida", "fla.": "florida", "calif.": "california", "calif": "california", "n.y.": "new york state",
                       "tex.": "texas", "ill.": "illinois", "pa.": "pennsylvania", "ga.": "georgia",
                       "va.": "virginia", "mass.": "massachusetts", "mich.": "michigan", "wis.": "wisconsin"}
REGIONS = US_STATES | frozenset(COUNTRY_ALIASES.values()) | frozenset(
    """china russia japan france germany italy spain canada mexico israel iran iraq syria india pakistan
    afghanistan egypt turkey ukraine cuba brazil europe asia africa south midwest northeast""".split())


def is_region(place: str) -> bool:
    return place in REGIONS


def variant(a: str, b: str) -> bool:
    """Is one name the other with a word that makes another town ("west palm beach" / "palm beach")?"""
    wa, wb = a.split(), b.split()
    if len(wa) == len(wb):
        # "north carolina" / "south carolina": the same name, another qualifier
        return len(wa) > 1 and wa[1:] == wb[1:] and wa[0] != wb[0] and wa[0] in TOWN_PREFIXES and wb[0] in TOWN_PREFIXES
    short, long_ = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    extra = long_[:len(long_) - len(short)]
    return long_[len(long_) - len(short):] == short and all(w in TOWN_PREFIXES for w in extra)


def split(norm: str) -> tuple[str, str]:
    """A place's norm is "town" or "town|region" (the region the article names with it: "Palm Beach, Fla.")."""
    place, _, region = norm.partition("|")
    return place, region


def contains(region: str, norm: str) -> bool:
    place, within = split(norm)
    return is_region(region) and (within == region or place == region)


def related(a: str, b: str) -> bool:
    """Are two places of one person comparable: the same place, a region the article says contains the
    other, or two variant towns?"""
    (pa, _), (pb, _) = split(a), split(b)
    return pa == pb or contains(pa, b) or contains(pb, a) or (not is_region(pa) and not is_region(pb) and variant(pa, pb))


def compatible(a: str, b: str) -> bool:
    (pa, _), (pb, _) = split(a), split(b)
    return pa == pb or contains(pa, b) or contains(pb, a)


def _owner(ctx: Context, place_root):
    """The person a place is tied to, or None: the possessor of a noun of presence it follows ("his estate
    in <town>"), else the subject of a verb of presence ("watched the returns from <town>")."""
    from quotes.claims.clauses import subject_of

    prep = place_root.head
    if place_root.dep_ != "pobj" or prep.lower_ not in PLACE_PREPS:
        return None
    node = prep.head
    present = False  # passed a noun of presence: "marking her wins with a rally in <town>" is about the rally
    for _ in range(6):
        lemma = node.lemma_.lower()
        if not present and (lemma in NOT_WHEREABOUTS or any(
                c.lemma_.lower() in NOT_WHEREABOUTS for c in node.children if c.dep_ in ("dobj", "acomp", "attr"))):
            return None
        if node.pos_ in ("NOUN", "PROPN") and lemma in PRESENCE_NOUNS:
            poss = next((c for c in node.children if c.dep_ == "poss"), None)
            if poss is not None:
                return ctx.people.at(poss.i)
            present = True
        if node.pos_ in ("VERB", "AUX"):
            if lemma not in PRESENCE_VERBS:
                return None
            subj = subject_of(node)
            return ctx.people.at(subj.i) if subj is not None else None
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def whereabouts(ctx: Context, sent) -> list[Claim]:
    out = []
    for ent in ctx.ents(sent):
        if ent.label_ not in PLACE_ENTS or ctx.quoted(ent.root):
            continue
        person = _owner(ctx, ent.root)
        if person is None:
            continue
        place = place_key(ent.text)
        toks = [t for t in ent if not (t.is_punct or t.text in ("’s", "'s"))]
        if not place or not toks:
            continue
        nxt = ent.end + 1 < len(ent.doc) and ent.doc[ent.end].text == "," and ent.doc[ent.end + 1]
        region = next((place_key(e.text) for e in ctx.ents(sent) if nxt and e.start == nxt.i and e.label_ in PLACE_ENTS), "")
        region = STATE_ABBREVIATIONS.get(region, region)
        k = key(person.name).split()
        value = ctx.value("place", toks, place + (f"|{region}" if is_region(region) else ""))
        out.append(ctx.claim(sent, "place", "where|" + (k[-1] if k else person.name), f"where {person.name} was",
                             person.name, (person.name,), [value], flags=("whereabouts",)))
    return out
