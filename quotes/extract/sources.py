"""Who can be a source of speech: the test a subject found by a dependency pattern must pass.

A speaker is plausible when its head word is
- a pronoun (he, she, they, I, we; "it" only where the pattern allows it);
- a name: a proper noun, an entity word (PERSON, ORG, GPE, NORP, …) or a capitalised word that does not
  open its sentence ("the White House", "Democrats");
- a common noun for people or organisations: a role or group noun from `SOURCE_NOUNS` (minister,
  official, spokesman, critics, the agency, the campaign, …), or an agent noun by its ending
  (economist, historian, lawmaker, spokeswoman);
- a noun for a text or display that speaks (the report, the letter, the ad, the ruling), or a share of people who
  answer a poll (63 percent, a majority).
Anything else ("the debate began with …", "her fondness for … was", "the weather turned …") names no
speaker, and the quote is left without one.
"""
from __future__ import annotations

from spacy.tokens import Token

from quotes.extract.cues import PRONOUNS, REPORTING_NOUNS, is_speech_lemma

# cue verbs that also say where something starts or stops: "The talks began with “…”" needs a real source
PHASE_VERBS = frozenset("begin open start finish end close continue".split())
SOURCE_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})
AMOUNT_ENTS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY"})  # "500 BC", "R2bn", "last week" never speak

PEOPLE = frozenset("""
person people man men woman women boy girl child children kid kids baby adult adults teen teenager
mother father mom dad parent parents son daughter brother sister wife husband spouse partner family
families friend friends neighbor neighbour neighbors neighbours relative relatives cousin uncle aunt
grandmother grandfather widow widower fiance fiancee couple guy guys gentleman lady ladies folks crowd
audience public citizen citizens resident residents voter voters constituent constituents
official officials minister ministers president presidents governor senator senators representative
congressman congresswoman lawmaker legislator mayor councilman councilwoman councillor delegate
candidate nominee incumbent challenger rival rivals opponent opponents ally allies aide aides adviser
advisor advisers advisors staffer staff spokesman spokeswoman spokesperson spokespeople secretary
ambassador diplomat envoy negotiator leader leaders chairman chairwoman chair chief head boss ceo
executive executives director manager founder owner employee employees worker workers member members
officer officers agent agents soldier soldiers commander general admiral veteran veterans police cop
cops detective investigator investigators prosecutor prosecutors attorney attorneys lawyer lawyers
counsel judge judges justice justices jury juror jurors witness witnesses victim victims suspect
defendant plaintiff plaintiffs accuser inmate prisoner
doctor doctors physician nurse surgeon patient patients expert experts scientist scientists researcher
researchers scholar scholars analyst analysts professor teacher student students economist historian
author writer editor reporter reporters journalist journalists correspondent columnist commentator
pundit host anchor announcer narrator interviewer moderator panelist speaker caller viewer viewers
reader readers listener listeners fan fans supporter supporters critic critics protester protesters
protestor demonstrator demonstrators activist activists advocate advocates organizer organizers
observer observers insider insiders source sources operative operatives strategist strategists
consultant consultants pollster pollsters surrogate surrogates donor donors volunteer volunteers
campaigner delegate delegates participant participants respondent respondents questioner user users
customer customers client clients consumer consumers taxpayer taxpayers farmer farmers miner miners
driver drivers owner owners businessman businesswoman entrepreneur investor investors trader traders
developer developers architect engineer engineers pastor priest bishop pope rabbi imam cleric preacher
king queen prince princess monarch dictator ruler regime emperor chancellor premier
republican republicans democrat democrats liberal liberals conservative conservatives progressive
progressives independent independents immigrant immigrants refugee refugees
actor actress singer musician artist comedian star celebrity athlete player players coach captain
academic academics attendee attendees commenter commenters
striker strikers midfielder midfielders defender defenders goalkeeper goalkeepers keeper winger wingers forward
batsman batter bowler pitcher quarterback jockey rider riders runner runners sprinter swimmer boxer fighter
wrestler golfer skier skater trainer referee umpire managers skipper teammate teammates
chef pilot pilots sailor sailors nurses paramedic paramedics firefighter firefighters guard guards
villager villagers pensioner pensioners shopkeeper vendor vendors tenant tenants landlord landlords
novelist poet poets playwright filmmaker photographer designer dancer rapper drummer guitarist vocalist
""".split())

ORGANISATIONS = frozenset("""
agency agencies administration government governments ministry department office bureau council
committee commission board panel court courts congress senate house parliament legislature cabinet
party parties campaign campaigns team company companies firm firms corporation business businesses
group groups organization organisation organizations organisations association union unions coalition
alliance network station channel newspaper paper magazine outlet outlets website site publication
press media network networks school university college institute foundation charity church
military army navy force forces police regime state states country countries nation nations city
town county district embassy authority authorities bank banks fund industry lobby caucus movement
club clubs delegation majority minority plurality half percent share average number proportion chorus rally crowd everyone everybody someone somebody
anyone nobody others some many most few both all each
""".split())

TEXTS = REPORTING_NOUNS | frozenset("""
report reports study studies survey poll polls document documents letter letters book books article
articles story ad ads advertisement commercial clip video spot film documentary complaint lawsuit suit
ruling decision opinion order filing brief indictment affidavit petition transcript record records
notice sign banner headline caption tweet post message statement website memo summary analysis review
bill law resolution proposal plan platform manifesto text email emails page chart map piece finding findings
footnote passage section chapter entry screen screens poster posters placard placards billboard billboards
""".split())

SOURCE_NOUNS = PEOPLE | ORGANISATIONS | TEXTS
AGENT_ENDINGS = ("ist", "ists", "ian", "ians", "maker", "makers", "man", "men", "woman", "women", "person",
                 "people", "eer", "eers", "ee", "ees")


def is_group_word(word: str) -> bool:
    """The plural of a noun for people or bodies ("aides", "friends", "prosecutors"; lower case)."""
    return word.endswith("s") and (word[:-1] in PEOPLE or word[:-1] in ORGANISATIONS)


def is_text_noun(mention: str) -> bool:
    """A mention whose last word names a text ("The book", "his latest letter", "court papers")."""
    ws = mention.lower().split()
    return bool(ws) and (ws[-1] in TEXTS or ws[-1].endswith("s") and ws[-1][:-1] in TEXTS)


def can_speak(subject: Token, verb: Token) -> bool:
    """The subject of a verb of saying speaks ("the footnote says", "attendees chanted": the verb vouches
    for it); the subject of any other verb (a partial quote's governor, a colon's clause, "begin", "open")
    only when it is `plausible` on its own."""
    if is_amount(subject):
        return False
    lemma = verb.lemma_.lower()
    return is_speech_lemma(lemma) and lemma not in PHASE_VERBS or plausible(subject)


def is_amount(tok: Token) -> bool:
    """A date, time, sum or measure ("500 BC", "R2bn", "2019", "last week"), or a word with digits in it
    that is not a name ("3M" and "G7" speak)."""
    if tok.lower_ == "old" or tok.lower_.endswith("-old"):  # "the 36-year-old said": an age names a person
        return False
    if tok.ent_type_ in AMOUNT_ENTS:
        return True
    return any(ch.isdigit() for ch in tok.text) and tok.pos_ != "NUM" and tok.ent_type_ not in SOURCE_ENTS


def plausible(tok: Token) -> bool:
    """Can the word `tok` (the head of a subject) name a source of speech?"""
    low = tok.lower_
    if low in PRONOUNS or tok.pos_ == "PRON":
        return True
    if is_amount(tok):
        return False
    if tok.pos_ == "PROPN" or tok.ent_type_ in SOURCE_ENTS:
        return True
    if tok.text[:1].isupper() and (not _opens_clause(tok) or _named_elsewhere(tok)):
        return True
    if tok.pos_ == "NUM":  # "63 percent say", "two said": people counted
        return True
    lemma = tok.lemma_.lower()
    return low in SOURCE_NOUNS or lemma in SOURCE_NOUNS or low.endswith(AGENT_ENDINGS) and len(low) > 5


def _opens_clause(tok: Token) -> bool:
    """A capital that only says a sentence or a quote starts here ("Interaction began", "“Critics")."""
    prev = next((t for t in reversed(tok.doc[:tok.i]) if not t.is_space), None)
    return tok.is_sent_start or prev is None or prev.text in (".", "!", "?", ":", "“", "\"", "‘", "(", "—", "–")


def _named_elsewhere(tok: Token) -> bool:
    """A sentence-initial capitalised word written capitalised in mid-sentence elsewhere too: a name the
    tagger took for a common noun ("Sanders said …" after "… said Bernie Sanders")."""
    return any(t.text == tok.text and t.i != tok.i and not _opens_clause(t) for t in tok.doc)
