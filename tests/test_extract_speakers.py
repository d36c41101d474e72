"""Who said it, class by class: every case is a short article written for the test (the English model, loaded once).

Each row: (article body, the first words of the quote, the speaker name expected, its resolution or None for
any). A row whose name is None expects no identity: no speaker, or an unresolved mention.
"""
import pytest

from quotes.model import Article

LEAD = "A Headline For The Test\n\n"

CASES = [
    # a pronoun whose antecedent is two sentences back, with a sentence about a thing in between
    ("Maria Lopez chairs the housing board. The meeting ran late into the night.\n\n"
     "“We cannot build fast enough,” she said.",
     "We cannot build", "Maria Lopez", "pronoun"),
    ("Ravi Shah wrote the report last year. The book sold well in the spring.\n\n"
     "“I did not expect it to sell,” he said.",
     "I did not expect", "Ravi Shah", "pronoun"),
    # the person named two paragraphs back, as a possessor, with "she" paragraphs between
    ("“Nobody asked us,” said Tom Baker.\n\nSome details of Ana Ruiz's account have changed over time.\n\n"
     "She first said the boat left at noon.\n\nLater, she told the court she “may have been wrong” about it.",
     "may have been wrong", "Ana Ruiz", "pronoun"),
    # a cleft names the person: "it was X who …"
    ("After Lily Chen won on Monday, it was Katie Bell who got the day going with a quick win.\n\n"
     "“I hope I started everyone off well,” she told reporters afterwards, and she had.",
     "I hope I started", "Katie Bell", "pronoun"),
    # "she" after a man and a woman are named: gender decides
    ("Ms Ana Ruiz runs the cargo office. Mr Tom Baker met her at the port on Monday.\n\n"
     "“The cranes are too old,” she said.",
     "The cranes are too old", "Ana Ruiz", "pronoun"),
    ("Mr Omar Haddad and Ms Lena Weiss both spoke at the hearing.\n\n“We were never consulted,” he said.",
     "We were never consulted", "Omar Haddad", "pronoun"),
    # Name: "..." right after another speaker's quote
    ("“Prices will rise,” said Ana Ruiz.\n\nBen Ito: “Prices will fall, and soon.”",
     "Prices will fall", "Ben Ito", None),
    ("“Prices will rise,” said Ana Ruiz.\n\nBen Ito: 'Prices will fall, and soon.'",
     "Prices will fall", "Ben Ito", None),
    # a multi-paragraph quote whose speaker is introduced just before it
    ("Another fisherman, Kofi Mensah, said the catch had halved since the spring.\n\n"
     "“We go out every night and come back with nothing.\n\n"
     "“Our children have left for the city.”",
     "We go out every night", "Kofi Mensah", "context"),
    ("Another fisherman, Kofi Mensah, said the catch had halved since the spring.\n\n"
     "“We go out every night and come back with nothing.\n\n"
     "“Our children have left for the city.”",
     "Our children", "Kofi Mensah", None),
    # long titles and roles before a name, appositives after it, "according to", "Asked …, X replied"
    ("The Minister of Trade and Industry, Ana Ruiz, said: “The rules are clear.”",
     "The rules are clear", "Ana Ruiz", None),
    ("“The rules are clear,” said Chief of Army Staff General Omar Latif.",
     "The rules are clear", "Omar Latif", None),
    ("“The rules are clear,” Kyiv resident Ana Ruiz told reporters.",
     "The rules are clear", "Ana Ruiz", None),
    ("“We want answers,” said Ben Ito, a lawyer for the family.",
     "We want answers", "Ben Ito", None),
    ("According to Ana Ruiz, “the rules were broken twice.”",
     "the rules were broken", "Ana Ruiz", None),
    ("Asked whether the plant would close, Ben Ito replied: “Not while I am here.”",
     "Not while I am here", "Ben Ito", None),
    ("The head of the port’s safety unit, Karim Diallo, says the cranes are old.\n\n"
     "“They should have been replaced years ago.”",
     "They should have been", "Karim Diallo", "context"),
    # organisations, statements and documents as speakers
    ("“We are reviewing the findings,” the health department said in a statement.",
     "We are reviewing", "health department", "organisation"),
    ("Court papers show the guards “failed to make the rounds” that night.",
     "failed to make the rounds", "Court papers", "organisation"),
    # a text that speaks in the first person speaks for its writer; one that does not speaks for itself
    ("Lena Marsh has written a memoir of her years at sea. Critics liked it.\n\n"
     "The book is often funny: “I could not tie a knot until I was forty.”",
     "I could not tie", "Lena Marsh", "writer"),
    ("Lena Marsh has written a memoir of her years at sea.\n\n"
     "The report is blunt: “Half the fleet should be scrapped.”",
     "Half the fleet", "report", "organisation"),
    # question-and-answer interviews: the answer belongs to the interviewee
    ("Ana Ruiz has run the museum for ten years. “It has been the job of my life,” she says.\n\n"
     "Will she stay on?\n\n“As long as they will have me.”",
     "As long as they", "Ana Ruiz", "answer"),
    ("Maya Chen, 34, runs a bakery in Leeds. We spoke about rising costs.\n\nHow bad is it?\n\n"
     "“Flour has doubled in price. Electricity has tripled.”",
     "Flour has doubled", "Maya Chen", "answer"),
    ("The bakery has been open for ten years.\n\nHow bad is it?\n\n“Flour has doubled in price.”",
     "Flour has doubled", None, None),
    # headlines and subheadings: "'...': Company", "..., says regulator" style signatures
    ("Markets rose on Friday.\n\n‘Stay on the sidelines next week’: Delta Economics\n\n"
     "Economists at the bank expect no change.",
     "Stay on the sidelines", "Delta Economics", None),
    ("“The bridge will close for a year.” — Ann Brooks",
     "The bridge will close", "Ann Brooks", None),
    ("‘We are not afraid’ – Opposition leader Ben Ito\n\nThe opposition leader spoke at a rally on Saturday.",
     "We are not afraid", "Ben Ito", "title"),
    ("“We will stay” - said with a smile by many here\n\nThe protest went on.",
     "We will stay", None, None),
    # a role in a headline is named in the body below it
    ("‘Prices will keep rising’, says regulator\n\nThe energy regulator Ofgem said on Monday that bills would rise.",
     "Prices will keep rising", "Ofgem", "role"),
    # a headline or subheading quotes words said in the body: the body's speaker; a person it names stays
    ("The port will double in size by 2030.\n\n‘MASSIVE RISKS’\n\n"
     "“It will bring massive risks to the bay and its fish,” said Ana Ruiz, an engineer.",
     "MASSIVE RISKS", "Ana Ruiz", "echo"),
    ("Ruiz Warns Of ‘Massive Risks’ In Port Plan\n\nThe mayor, Ana Ruiz, wants a new study.\n\n"
     "“It will bring massive risks to the bay and its fish,” said Ben Ito, an engineer.",
     "Massive Risks", None, None),
    # a partial quote in a clause reported by a verb of saying is the reporter's
    ("The authors concurred that it was a hard genre but that readers were finding their “footing”.",
     "footing", "authors", None),
    # quotes of one person across an article: a follow-on paragraph opening with a quote and no verb
    ("“We will appeal,” said Ana Ruiz, who chairs the union.\n\n“This fight is not over.”",
     "This fight is not over", "Ana Ruiz", "continuation"),
    ("Labour markets are cooling, says Ana Ruiz. “We expect two more cuts this year.”",
     "We expect two more cuts", "Ana Ruiz", "context"),
    ("“We are not going anywhere,” insisted 72-year-old Rosa Alvarez, who has lived on the street since 1979.",
     "We are not going", "Rosa Alvarez", "title"),
    # an age as the subject ("the 24-year-old told …") is the person; a sports role is a title, not a name
    ("Striker Joe Mensah scored twice on Saturday.\n\n"
     "“It was a great team performance,” the 24-year-old told the club’s website.",
     "It was a great team", "Joe Mensah", "role"),
    # a nationality as an epithet ("the Argentine said") is the person just spoken of; with nobody, nobody
    ("Chelsea boss Mauricio Ponte admitted his side were lucky. “We didn't deserve it,” the Argentine said.",
     "We didn't deserve it", "Mauricio Ponte", "role"),
    ("The match ended in a draw.\n\n“We didn't deserve it,” the Argentine said.",
     "We didn't deserve it", None, None),
    # a subject inside the quote does not hide the named subject after it
    ("The profile ran in the spring.\n\n“Good company,” his neighbour in Boston, Peter Vance, said in the story.",
     "Good company", "Peter Vance", None),
    # "according to" anywhere in the sentence names the source of a partial quote; a study's author speaks for it
    ("Hansen and Ortiz signed “false statements” claiming they had checked the doors, according to police reports.",
     "false statements", "police reports", None),
    ("According to a survey carried out by Lena Marsh of the University of Leeds in 2019, rents have doubled "
     "“since the factory closed.”",
     "since the factory closed", "Lena Marsh", None),
    # a passive verb with "by X" after the quote: X is the source
    ("The device was later named a “breakthrough technology” for shipping by the European Energy Board.",
     "breakthrough technology", "European Energy Board", None),
    # a quoted title before a name is not part of the name
    ("In her new song “River Road” Mabel Price makes several references to home, singing, "
     "“We ran down to the water and never looked back.”",
     "We ran down", "Mabel Price", None),
    # a relative clause after a partial quote is about the word before it, not an attribution
    ("The magazine ran a long profile of the banker Omar Vance.\n\n"
     "The article portrayed him as a “quiet kingmaker,” who cultivated friendships with ministers.",
     "quiet kingmaker", "article", None),
    # negatives: nobody, or a mention that names nobody, is never an identity; "he" is never a woman
    # a relative of someone else ("His mother") is nobody named, not the woman named before
    ("The headteacher, Mrs Jane Porter, said: “We are devastated.”\n\n"
     "His mother said the family were “heartbroken”. “He was our world,” she said.",
     "He was our world", None, None),
    # "Another said", "Others say": a word that names nobody
    ("One official said the talks had “collapsed”. Another described them as “a waste of time”.",
     "a waste of time", None, None),
    # "he" is never a dateline, a place or a group, nor a group quoted before
    ("BOCA RATON, Fla. -- Weeds and fallen palm fronds cover the greens of the old course.\n\n"
     "“It is a shame,” he said.",
     "It is a shame", None, None),
    ("I wrote about the senator last month. Friends offered to vote for me and even work for my “campaign”.\n\n"
     "“I have ruined your good name, huh?” he responded.",
     "I have ruined", None, None),
    # the one asked a question does not say it; a verb with a clause of its own after a quote is not its cue
    ("During the session, Ito was asked, “Do you feel any guilt?” The minister admitted that he did.",
     "Do you feel any guilt", None, None),
    ("Ana Ruiz was quoted as saying, “We will win.”", "We will win", "Ana Ruiz", None),
    ("The plan surged under the old mayor and reversing it “is not simple”, says Ana Ruiz, who runs the council.",
     "is not simple", "Ana Ruiz", None),
    # "the judge" named right after ("… ¶ Judge Helen Marsh said"); another role named after is someone else
    ("The judge told the court that the defendant had shown “no remorse whatsoever”.\n\n"
     "Judge Helen Marsh said: “You targeted the most vulnerable.”",
     "no remorse", "Helen Marsh", "role"),
    ("The judge told the court that the defendant had shown “no remorse whatsoever”.\n\n"
     "Prosecutor Helen Marsh said: “He targeted the most vulnerable.”",
     "no remorse", None, None),
    # sums, dates and measures never speak
    ("Spending on roads has been cut by R3bn due to the “slower pace of building” across the province.",
     "slower pace of building", None, None),
    ("Ana Ruiz said she would meet the new owner on Monday.\n\n“The cranes are too old,” he said.",
     "The cranes are too old", None, None),
    ("The river rose all week.\n\n“It was bad,” she said.",
     "It was bad", None, None),
    ("“The plan is on hold,” a spokesman said.",
     "The plan is on hold", None, None),
    ("The vote was close. “We expect two more cuts this year.”",
     "We expect two more cuts", None, None),
    # the site's name after a headline is not a signature: the army warns, the site does not speak
    ("Rebels march as the army warns of ‘digital terror’ - Daily Courier Online",
     "digital terror", "army", None),
]


def _quote(extractor, body, words):
    text = LEAD + body
    quotes = extractor.extract(Article(path="t.txt", text=text))
    return text, next(q for q in quotes if q.text.startswith(words))


@pytest.mark.model
@pytest.mark.parametrize("body,words,name,resolution", CASES)
def test_speaker(extractor, body, words, name, resolution):
    text, q = _quote(extractor, body, words)
    got = q.speaker.identity if q.speaker else None
    assert got == name, (q.pattern, q.speaker)
    if resolution is not None:
        assert q.speaker.resolution == resolution
    if q.speaker is not None and q.speaker.end_char > q.speaker.start_char:
        assert text[q.speaker.start_char:q.speaker.end_char] == q.speaker.mention


@pytest.mark.model
def test_unresolved_mention_keeps_its_words_and_names_nobody(extractor):
    _, q = _quote(extractor, "The river rose all week.\n\n“It was bad,” she said.", "It was bad")
    assert (q.speaker.name, q.speaker.mention, q.speaker.resolution) == (None, "she", "unresolved")
    assert q.to_dict()["speaker"]["name"] is None


@pytest.mark.model
def test_title_goes_to_its_own_field(extractor):
    _, q = _quote(extractor, "“The rules are clear,” Kyiv resident Ana Ruiz told reporters.", "The rules are clear")
    assert (q.speaker.name, q.speaker.title) == ("Ana Ruiz", "Kyiv resident")
    assert q.speaker.mention == "Kyiv resident Ana Ruiz"
