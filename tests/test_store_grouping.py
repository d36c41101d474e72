"""Utterances: the store's clusters (the alignment of `quotes compare`) and the wordings of a lookup."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_store import make_article

from quotes.model import Quote
from quotes.store import Store, queries
from quotes.store.grouping import group
from quotes.store.results import Recorded
from quotes.store.schema import norm


def rec(text: str, source: str = "a.txt", transcript: bool = False, utterance: str | None = None) -> Recorded:
    q = Quote(source, source, text, 0, len(text), 1, 1, "speech")
    return Recorded(q, source, transcript, "Kim Jong Un", "2025-10-01", utterance)


@pytest.mark.parametrize("text, expected", [
    ("I’m open to it.", "i'm open to it"),
    ("I'M  OPEN, to it!", "i'm open to it"),
    ("“Fond memories”", "fond memories"),
    ("", ""),
])
def test_norm(text, expected):
    assert norm(text) == expected


@pytest.mark.parametrize("texts, expected", [
    # the same words, differently punctuated
    (["I would love to meet him.", "I would love to meet him!"], [2]),
    # a fragment joins the quote it comes from
    (["fond memories", "I still have fond memories of him."], [2]),
    # two renderings of one utterance with words changed
    (["I had a good relationship with him. I’d love to see him if he wants to.",
      "I just had a good relationship with him. I would love to see him, if he wants to."], [2]),
    # different utterances stay apart
    (["We will act.", "The talks are over for this year."], [1, 1]),
    (["smart", "He is smart and talented."], [1, 1]),
    (["memories fond", "I still have fond memories of him."], [1, 1]),
])
def test_store_clusters_group_lookups(tmp_path, texts, expected):
    with Store(tmp_path / "q.db") as s:
        for i, t in enumerate(texts):
            s.add(*make_article(f"{i}.txt", [("Kim Jong Un", t)]))
    with Store(tmp_path / "q.db") as s:
        res = queries.lookup(s, "Kim Jong-un")
        assert sorted(len(u.wordings) for u in res.utterances) == sorted(expected)
        assert s.db["clusters"].count == len(expected)
        assert sorted(r[0] for r in s.db.execute("SELECT quotes FROM clusters")) == sorted(expected)


def test_clusters_are_per_speaker_and_follow_a_merge(tmp_path):
    with Store(tmp_path / "q.db") as s:
        s.add(*make_article("1.txt", [("Kim Jong Un", "fond memories")]))
        s.add(*make_article("2.txt", [("Kim", "I still have fond memories of him.")]))
        assert s.db.execute("SELECT COUNT(DISTINCT cluster_id) FROM quotes").fetchone()[0] == 2
        queries.merge(s, "Kim Jong Un", ["Kim"])
        assert s.db.execute("SELECT COUNT(DISTINCT cluster_id) FROM quotes").fetchone()[0] == 1
        assert [r[0] for r in s.db.execute("SELECT quotes FROM clusters")] == [2]


def test_group_by_stored_utterance():
    got = group([rec("a b c", "1.txt", utterance="u1"), rec("c d", "2.txt", utterance="u2"),
                 rec("a b c!", "3.txt", utterance="u1")])
    assert [(u.id, [w.text for w in u.wordings]) for u in got] == [("u1", ["a b c!", "a b c"]), ("u2", ["c d"])]


def test_the_transcript_wording_comes_first():
    [u] = group([rec("We had a very good meeting, really.", utterance="u"),
                 rec("We had a very good meeting", "t.txt", True, utterance="u")])
    assert u.canonical.text == "We had a very good meeting" and u.canonical.transcript
    assert u.articles == ("t.txt", "a.txt")  # in the order of the wordings


def test_articles_of_each_wording():
    [u] = group([rec("Open to it.", "a.txt"), rec("open to it", "b.txt"), rec("Open to it.", "c.txt")])
    assert [(w.text, w.articles) for w in u.wordings] == [("Open to it.", ("a.txt", "c.txt")), ("open to it", ("b.txt",))]


@given(st.lists(st.tuples(st.text(alphabet="ab .,’", max_size=12), st.sampled_from([None, "u1", "u2"])), max_size=12))
def test_every_quote_lands_in_exactly_one_utterance(items):
    records = [rec(t, f"{i}.txt", utterance=u) for i, (t, u) in enumerate(items)]
    got = group(records)
    placed = [r for u in got for w in u.wordings for r in w.quotes]
    assert sorted(placed, key=id) == sorted(records, key=id)
    assert len({u.id for u in got}) == len(got)


def test_clusters_added_one_by_one_match_clustering_afresh(tmp_path):
    from quotes.store.clustering import recluster

    said = ["I had a good relationship with him.", "We will act soon.", "I just had a good relationship with him!",
            "The talks are over for this year.", "good relationship", "We will act soon, believe me.",
            "Nobody expected this outcome at all.", "the talks are over", "I had a good relationship with him",
            "Something else entirely different here.", "over for this year", "Believe me."]
    db = tmp_path / "q.db"
    for i, words in enumerate(said):  # one session each: each close clusters what it added
        with Store(db) as s:
            s.add(*make_article(f"{i}.txt", [("Kim Jong Un", words)]))

    def partition(s):
        groups = {}
        for cid, text in s.db.execute("SELECT cluster_id, text FROM quotes"):
            groups.setdefault(cid, set()).add(text)
        return sorted(sorted(g) for g in groups.values())

    with Store(db) as s:
        one_by_one = partition(s)
        recluster(s, {1: None})
        assert partition(s) == one_by_one
        assert any({"I had a good relationship with him", "I had a good relationship with him."} <= set(g)
                   for g in one_by_one)
        assert ["Something else entirely different here."] in one_by_one
        assert len(one_by_one) < len(said)
