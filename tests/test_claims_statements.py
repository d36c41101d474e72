"""Statements two articles share: the same statement in other words (`claims.propositions`), the best
match in another article (`statements.mutual_best`), one key for a name written in two orders, places won
as one list slot, and values in a quoted passage. The pure parts run without the model; the cases at the
bottom run `quotes.claims.report` on short articles written for these tests."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quotes.claims.model import Claim, Value
from quotes.claims.statements import Stmt, _one_key_per_person, mutual_best

# ---- the best match in another article (pure) ----------------------------------------------------------


@pytest.mark.parametrize("scores, articles, kept", [
    # best in each other article: 1's best in a is 0, its best (its only match) in c is 2
    ({(0, 1): 9.0, (1, 2): 5.0}, ["a", "b", "c"], [(0, 1), (1, 2)]),
    # 0 and 2 are in one article: 1 keeps its better match there
    ({(0, 1): 9.0, (1, 2): 5.0}, ["a", "b", "a"], [(0, 1)]),
    # a tie for best keeps both partners: a live report states a fact twice
    ({(0, 1): 7.0, (0, 2): 7.0}, ["a", "b", "b"], [(0, 1), (0, 2)]),
    # best in each article: 0's best in b and its best in c are both kept
    ({(0, 1): 4.0, (0, 2): 3.0}, ["a", "b", "c"], [(0, 1), (0, 2)]),
    ({}, ["a"], []),
])
def test_mutual_best(scores, articles, kept):
    assert sorted(mutual_best(scores, articles)) == kept


@given(st.dictionaries(st.tuples(st.integers(0, 7), st.integers(0, 7)).filter(lambda p: p[0] < p[1]),
                       st.floats(0.1, 20, allow_nan=False), max_size=20),
       st.lists(st.sampled_from("abc"), min_size=8, max_size=8))
def test_a_kept_pair_is_best_for_both_of_its_members(scores, articles):
    scores = {p: s for p, s in scores.items() if articles[p[0]] != articles[p[1]]}
    for i, j in mutual_best(scores, articles):
        for (x, y), s in scores.items():
            for a, b in ((i, j), (j, i)):
                if a in (x, y) and articles[y if x == a else x] == articles[b]:
                    assert s <= scores[(i, j)]


@pytest.mark.parametrize("pairs, articles, groups", [
    # three sentences of one article tie for the best match of one sentence of another: two are kept
    ({(0, 3): 5.0, (1, 3): 5.0, (2, 3): 5.0}, "aaab", [[0, 1, 3]]),
    # best pair first: the weaker tie is the one left out
    ({(0, 3): 4.0, (1, 3): 6.0, (2, 3): 5.0}, "aaab", [[1, 2, 3]]),
    # one sentence of each of three articles: one group
    ({(0, 1): 5.0, (1, 2): 4.0}, "abc", [[0, 1, 2]]),
    # a group needs two articles
    ({(0, 1): 5.0}, "aa", []),
])
def test_a_group_holds_at_most_two_sentences_of_one_article(pairs, articles, groups):
    from quotes.claims.statements import grouped

    assert sorted(sorted(g) for g in grouped(pairs, list(pairs), list(articles))) == groups


def test_a_group_merges_only_where_join_allows():
    from quotes.claims.statements import grouped

    pairs = {(0, 1): 5.0, (1, 2): 4.0}
    assert sorted(sorted(g) for g in grouped(pairs, list(pairs), list("abc"), lambda a, b: False)) == []


@pytest.mark.parametrize("key, shared, label", [
    ("n:1.2e+06", ["city"], "same value: 1,200,000 (city)"),
    ("n:49.9", ["percent", "vote"], "same value: 49.9 (percent, vote)"),
    ("p:ortiz", [], "same value: ortiz"),  # no word in common: no empty parentheses
    ("d:2031-05-10 saturday", ["cup"], "same value: 2031-05-10 saturday (cup)"),
])
def test_what_a_same_value_finding_is_called(key, shared, label):
    from quotes.claims.statements import _shown_key, slot_label

    assert slot_label("same value: " + _shown_key(key), shared) == label


# ---- one key for a person whose names come in another order (pure) -------------------------------------


def stmt(article: str, text: str, key: str, at: int = 0) -> Stmt:
    value = Value("statement", text, key, at, at + len(text))
    claim = Claim(article=article, article_id=article, kind="statement", key=key, slot="same value",
                  subject="—", participants=(), values=(value,), text=text, start_char=at, end_char=at + len(text),
                  line=1)
    return Stmt(claim, key, frozenset(("plead", "guilty")))


@pytest.mark.parametrize("names, one_key", [
    # a name in the order of another language: one person
    ((("a", "Marcel Lehel Lazar", "p:lazar"), ("b", "Lazar Lehel", "p:lehel")), True),
    ((("a", "Lehel Lazar", "p:lazar"), ("b", "Lazăr Lehel", "p:lehel")), True),  # the accent is folded
    # negatives: one family name and two given names are two people; unrelated names stay apart
    ((("a", "Gabriela Lazar", "p:lazar"), ("b", "Marcel Lehel", "p:lehel")), False),
    ((("a", "Ana Ruiz", "p:ruiz"), ("b", "Tom Avery", "p:avery")), False),
])
def test_names_in_another_order_share_a_key(names, one_key):
    out = _one_key_per_person([stmt(a, text, k) for a, text, k in names])
    assert (len({s.key for s in out}) == 1) is one_key
    for s in out:
        assert s.claim.key == s.key == s.claim.values[0].norm


def test_a_word_every_sentence_shares_proposes_no_pairs():
    """Work (lines run, as in tests/test_scaling.py) grows with the sentences, not with their square, when
    two articles repeat one sentence hundreds of times; the pairs that share a rare word are still found."""
    from dataclasses import replace

    from work_count import work

    from quotes.claims.statements import _pairs

    def stmts(n):
        out = []
        for article in ("a", "b"):
            for k in range(n):
                s = stmt(article, "Ana Ruiz", "p:ruiz", 100 * k)
                words = frozenset(("plead", f"count{k}"))
                out.append(replace(s, words=words, sentence_words=words))
        return out

    small, large = stmts(150), stmts(600)
    assert len(_pairs(small)) == 150  # a_k meets b_k on its own word
    assert work(_pairs, large) <= 6 * work(_pairs, small)


def test_every_mention_of_the_renamed_family_name_follows():
    out = _one_key_per_person([stmt("a", "Marcel Lehel Lazar", "p:lazar"), stmt("a", "Lazar", "p:lazar"),
                               stmt("b", "Lazar Lehel", "p:lehel"), stmt("b", "Lehel", "p:lehel")])
    assert len({s.key for s in out}) == 1


# ---- the same statement in other words (the model, on articles written for these tests) ----------------


def report(first: str, second: str):
    from quotes.claims import report as run
    from quotes.model import Article

    return run([Article(path="d_2031-05-14.txt", text="Riverton news.\n\n" + first + "\n"),
                Article(path="e_2031-05-15.txt", text="Riverton report.\n\n" + second + "\n")])


def same_statements(rep) -> list[tuple[str, ...]]:
    return [tuple(c.values[0].text for s in f.sides for c in s.claims)
            for f in rep.findings if f.kind == "statement" and f.slot.startswith("same statement")]


@pytest.mark.parametrize("first, second, pair", [
    # the same statement, worded otherwise: active and passive, verb and noun, negation kept on both
    ("Police arrested the driver of the stolen van near the bridge.",
     "The driver of the stolen van was arrested at dawn.", ("arrested", "arrested")),
    ("The auditor isn't recommending charges against the treasurer.",
     "Inspector Ana Ruiz decided not to recommend charges against the treasurer.", ("recommending", "recommend")),
    ("Councillor Tom Avery announced his resignation from the transport committee.",
     "Avery resigned from the transport committee on Friday, citing his health.", ("resignation", "resigned")),
    # negatives: the same verb about other people, other places, or with the negation on one side only
    ("Ana Ruiz won the mayoral primary in Riverton.", "Tom Avery won the mayoral primary in Riverton.", None),
    ("Ana Ruiz won the mayoral primary in Riverton.", "Ana Ruiz won the mayoral primary in Millbrook.", None),
    ("The council will not approve the toll road budget.", "The council will approve the toll road budget.", None),
    # a light verb says little by itself: "took office" and "took place" are two statements
    ("Ana Ruiz took office in June after the recount.", "The recount took place in June after the storm.", None),
    # verbs of one news event: "captured" is "won", "made up" is "fabricated", "halted" is "stopped"
    ("Ana Ruiz captured the Riverton mayoral primary.", "Ruiz won the Riverton mayoral primary easily.", ("captured", "won")),
    ("Avery said the auditor had made up the story about the toll road.",
     "Avery insisted the auditor fabricated the story about the toll road.", ("made up", "fabricated")),
    # negative: the same words with other figures are two statements (or a conflict the typed rules judge)
    ("The storm killed 13 people in Riverton County.", "The flood killed 14 people in Riverton County.", None),
    ("Okafor headed in her ninth goal of the season for Riverton.", "It was Okafor's tenth goal of the season for Riverton.",
     None),
    ("Kell faces at least two years in prison. The council met on Monday. Road works closed the old bridge.",
     "Kell was sentenced to seven years in prison. Parking fees rose in March. A new school opened in Millbrook.",
     None),  # durations are figures too
])
def test_the_same_statement_in_other_words(first, second, pair):
    found = same_statements(report(first, second))
    if pair is None:
        assert not found
    else:
        assert any(all(w in side for w, side in zip(pair, sides, strict=False)) for sides in found), found


def test_a_light_verb_meets_the_noun_it_carries():
    found = same_statements(report("Mayor Ana Ruiz had breakfast with the striking bus drivers on Monday.",
                                   "After a breakfast with the striking bus drivers, Ruiz promised a new contract."))
    assert found and any("breakfast" in side for sides in found for side in sides)


def test_reported_speech_is_not_a_same_statement():
    # "said on Tuesday" twice is no shared statement: what was said is compared by the reported-speech rule
    assert not same_statements(report("Ana Ruiz said on Tuesday that the bridge would reopen in June.",
                                      "Ruiz said on Tuesday that work on the bridge was almost over."))


# ---- places won as one slot, values in a reproduced passage ----------------------------------------------


@pytest.mark.parametrize("first, second, agree", [
    ("Ana Ruiz won Nevada and her home state of Ohio on Tuesday.",
     "Ana Ruiz won the primaries in Nevada and in her home state of Ohio.", True),
    ("Ana Ruiz captured Nevada and Ohio on Tuesday.", "Ana Ruiz won the primaries in Nevada and in Ohio.", True),
    # negative: places someone spoke in are no wins
    ("Ana Ruiz spoke in Nevada and Ohio on Tuesday.", "Ana Ruiz won the primaries in Nevada and in Ohio.", False),
])
def test_places_won_are_one_slot_however_hung_on_the_verb(first, second, agree):
    rep = report(first, second)
    wins = [f for f in rep.findings if f.kind == "list" and f.status == "agree"]
    assert bool(wins) is agree
    assert not [f for f in rep.findings if f.status == "conflict"]


PASSAGE = ("“In our survey of the county, the share of commuters who cycle to work rose to 64 percent in the "
           "second half of the year, up from about a third in the first half of the year,” the report reads.")


@pytest.mark.parametrize("first, paired", [
    (PASSAGE, True),  # a reproduced passage is published text: its figures count
    ("“Cycling rose to 64 percent,” Ruiz said of commuters in the county.", False),  # someone's words
])
def test_values_in_a_reproduced_passage_are_the_articles(first, paired):
    rep = report(first, "In the county, 64 percent of commuters now cycle to work, the survey found.")
    shares = [f for f in rep.findings if f.kind == "statement" and "64" in f.sides[0].value]
    assert bool(shares) is paired


def test_a_group_never_joins_other_people_through_a_clause_that_names_none():
    from quotes.claims import report as run
    from quotes.model import Article

    rep = run([Article(path="a_2031-05-14.txt", text="Results.\n\nAna Ruiz won the mayoral primary in Riverton.\n"),
               Article(path="b_2031-05-14.txt", text="Results.\n\nThe mayoral primary in Riverton was won by a "
                       "first-time candidate.\n"),
               Article(path="c_2031-05-15.txt", text="Results.\n\nTom Avery won the mayoral primary in Riverton.\n")])
    for f in rep.findings:
        if f.kind == "statement" and f.slot.startswith("same statement"):
            texts = " ".join(c.text for s in f.sides for c in s.claims)
            assert not ("Ruiz" in texts and "Avery" in texts), texts


def test_a_weekday_is_not_shown_again_beside_its_date():
    rep = report("Harbour City beat Riverton 2-1 after extra time on Saturday to reach the cup final.",
                 "A header in extra time gave Harbour City a 2-1 win over Riverton on Saturday.")
    keys = [s.norm for f in rep.findings if f.kind == "statement" for s in f.sides]
    assert "d:2031-05-10 saturday" in keys and "d:saturday" not in keys
