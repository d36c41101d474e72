"""Word lists the claim rules use. General English news vocabulary, nothing about any one story."""
from __future__ import annotations

# counted nouns that name the same kind of thing ("three meetings" and "two summits" count the same slot)
NOUN_CLASSES = {
    "meeting": ("meeting", "summit", "encounter", "talk", "sit-down", "summitry"),
    "trip": ("trip", "visit", "tour", "journey"),
    "missile": ("missile", "rocket"),
    "death": ("death", "fatality"),
    "troop": ("troop", "soldier"),
    "country": ("country", "nation", "state"),
    "election": ("election", "vote", "ballot"),
}
NOUN_CLASS = {w: cls for cls, words in NOUN_CLASSES.items() for w in words}

# people counted at one event ("five protesters were arrested", "49 people killed")
CROWD_NOUNS = frozenset(
    """people person protester demonstrator victim officer policeman student worker child adult passenger
    resident soldier civilian employee supporter activist journalist reporter migrant refugee prisoner
    inmate hostage suspect gunman attacker casualty firefighter patient""".split())
# people described without a name ("an unarmed black teenager"): a description with two modifiers is a value
PERSON_NOUNS = CROWD_NOUNS | frozenset(
    """teenager teen man woman boy girl father mother son daughter husband wife widow veteran immigrant
    shooter driver owner teacher nurse doctor lawyer farmer pastor priest""".split())
# words that make a count a running tally, true at its own moment only ("so far", "the toll rose")
TALLY_PHRASES = ("so far", "death toll", "toll rose", "toll has risen", "tally", "latest count", "as of", "rose to", "risen to",
                 "climbed to", "rising to", "preliminary", "at last count", "up to now", "to date")

# verbs whose counts of people are tallies of a campaign, not facts of one event (turnout, support)
TALLY_VERBS = frozenset("be have say vote support back favor favour attend poll survey sign join elect".split())

# nouns that refer to the participants themselves: "the two leaders" presupposes, it does not count
PARTICIPANT_NOUNS = frozenset(
    "leader nation country side man woman men women party government state sister brother president "
    "neighbour neighbor ally rival person people".split())

# units and measures: "5 points", "a 46-page report", "three years" measure, they do not count events
UNIT_NOUNS = frozenset(
    """point percent percentage vote year month week day hour minute second time page dollar cent euro pound
    mile kilometer kilometre meter metre acre ton tonne degree inch foot feet yard gallon litre liter
    times fold decade century round""".split())
# modifiers that pick a part of a series ("the final two debates", "the past nine elections")
WINDOW_WORDS = frozenset("final last first next remaining other additional more further past recent few".split())

# head nouns of a role or title next to a name ("former President", "Foreign Minister", "leader")
ROLE_NOUNS = frozenset(
    """president minister leader secretary chancellor senator governor mayor premier king queen prince
    princess chairman chairwoman chair ceo director ambassador spokesman spokeswoman spokesperson
    commander general admiral envoy representative congressman congresswoman lawmaker judge justice
    attorney prosecutor speaker emperor dictator monarch chief official diplomat advisor adviser
    negotiator treasurer comptroller auditor assemblyman assemblywoman councilman councilwoman councillor
    councilor manager professor aide strategist reporter nominee candidate gov. sen. rep. gen. atty.""".split())
# abbreviated titles and their office
ROLE_ABBREVIATIONS = {"gov.": "governor", "sen.": "senator", "rep.": "representative", "gen.": "general",
                      "atty.": "attorney", "congressman": "representative", "congresswoman": "representative"}
# elected offices one person cannot hold together at one level ("state treasurer" and "state senator")
EXCLUSIVE_OFFICES = frozenset(
    """senator representative congressman congresswoman governor treasurer mayor comptroller auditor
    assemblyman assemblywoman councilman councilwoman councillor councilor""".split())
# the level of an office, written in lower case before it ("state senator", "city comptroller")
LEVEL_WORDS = frozenset("state city county municipal federal provincial".split())
ROLE_PREFIXES = frozenset("vice deputy prime chief assistant under lieutenant co".split())
GENERIC_ROLES = frozenset("leader official chief head diplomat".split())  # compatible with any specific role
FORMER = frozenset("former ex late onetime one-time erstwhile then outgoing".split())
CURRENT = frozenset("current sitting incumbent new newly serving acting".split())

# a country named by its name, its possessive or its demonym folds to one key
COUNTRY_ALIASES = {
    "us": "united states", "u s": "united states", "usa": "united states", "america": "united states",
    "american": "united states", "united states of america": "united states", "uk": "united kingdom",
    "britain": "united kingdom", "british": "united kingdom", "great britain": "united kingdom",
    "french": "france", "dutch": "netherlands", "swiss": "switzerland", "german": "germany",
    "north korean": "north korea", "dprk": "north korea", "south korean": "south korea", "rok": "south korea",
    "seoul": "south korea", "pyongyang": "north korea", "washington": "united states",
    "beijing": "china", "moscow": "russia", "tokyo": "japan", "kremlin": "russia", "white house": "united states",
}

# verbs of saying (reported speech) and negations: quotes.lexicon
# verbs whose object is described "as" something ("describing this as a considerable starting point")
AS_VERBS = frozenset("describe call characterize characterise label brand dismiss hail praise frame".split())

# events that happen once to a subject: a different date or place for them is a conflict, not another event
ONCE_EVENTS = {
    ("take", "office"): "take office", ("take", "over"): "take office", ("assume", "office"): "take office",
    ("swear", "in"): "take office", ("inaugurate", ""): "take office", ("take", "power"): "take office",
    ("die", ""): "die", ("bear", ""): "be born", ("resign", ""): "resign", ("step", "down"): "resign",
    ("oust", ""): "be ousted", ("impeach", ""): "be impeached",
    ("found", ""): "be founded", ("retire", ""): "retire", ("extradite", ""): "be extradited",
    ("elect", ""): "be elected", ("acquit", ""): "be acquitted", ("convict", ""): "be convicted",
}

# nouns of saying: a date on them dates the words they report ("his statement on Wednesday that ...")
SPEECH_NOUNS = frozenset(
    """statement comment remark remarks tweet post posting interview speech claim announcement message
    letter admission acknowledgment acknowledgement assertion pledge vow warning""".split())
# events that happen once at one place: the same class and place is the same event
EVENT_NOUN_CLASSES = {
    "attack": ("attack", "shooting", "massacre", "bombing", "killing", "rampage", "assault", "explosion", "crash"),
    "contest": ("caucus", "caucuses", "primary", "election", "contest", "win", "victory", "defeat", "loss",
                "vote", "runoff", "referendum"),
    "debate": ("debate", "forum", "town hall"),
}
EVENT_NOUN_CLASS = {w: cls for cls, words in EVENT_NOUN_CLASSES.items() for w in words}

NEGATIVE_VERBS = frozenset("refuse deny decline reject fail".split())  # "refused to answer" = "would not answer"
RESULT_WORDS = frozenset("win won carry sweep capture take victory".split())  # lists of results: tallies
OPEN_LIST_MARKERS = frozenset("including include includes among like such etc other others".split())
# verbs (and their nouns) of news events that say the same thing: the head of a same statement is its class;
# a phrasal verb is written "verb|particle"
HEAD_CLASSES = {
    "win": ("win", "capture", "carry", "sweep", "victory", "triumph"),
    "lose": ("lose", "loss", "defeat"),
    "end": ("end", "stop", "halt", "suspend", "terminate", "drop|out", "quit"),
    "fabricate": ("fabricate", "invent", "make|up", "concoct"),
    "kill": ("kill", "slay"),
    "arrest": ("arrest", "detain"),
    "separate": ("separate", "separation", "split"),
    "acquit": ("acquit", "acquittal", "clear"),
}
HEAD_CLASS = {w: cls for cls, words in HEAD_CLASSES.items() for w in words}
# verbs whose object, particle or complement says what happened: "took office" and "took place" are two
# statements, "included penalties" and "included comparing" too
LIGHT_VERBS = frozenset("""take make have give get do go come hold put set keep include become begin start
    continue try want seem need""".split())
