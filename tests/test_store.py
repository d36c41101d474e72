"""The store: adding, re-adding, versions, identities, reading back, foreign files, migrations."""
from __future__ import annotations

import sqlite3

import pytest

from quotes.errors import StoreError
from quotes.model import Article, Cue, Quote, Speaker
from quotes.store import Store, queries, schema


def make_article(path: str, said: list[tuple[str, str]], url: str | None = None, date: str | None = None):
    """An article in which each (speaker, words) pair is one sentence `NAME said: "WORDS"`, and its quotes."""
    text, spans = "", []
    for name, words in said:
        text += f"{name} said: “"
        spans.append((name, len(text) - len(f"{name} said: “"), len(text), len(text) + len(words)))
        text += f"{words}”\n"
    article = Article(path=path, text=text, url=url, date=date)
    quotes = []
    for name, ns, qs, qe in spans:
        line, col = article.line_col(qs)
        quotes.append(Quote(
            article=path, article_id=article.id, text=text[qs:qe], start_char=qs, end_char=qe, line=line,
            column=col, kind="speech", speaker=Speaker(name, name, ns, ns + len(name), "name") if name else None,
            cue=Cue("said", "say", ns + len(name) + 1, ns + len(name) + 5), pattern="test", confidence=0.9))
    return article, quotes


class FakeExtractor:
    """Stands in for the spaCy extractor in CLI tests: the words between an article's first “ and ”."""

    def __init__(self, model=None):
        pass

    def extract_many(self, articles):
        for a in articles:
            s, e = a.text.index("\u201c") + 1, a.text.index("\u201d")
            yield a, [Quote(a.path, a.id, a.text[s:e], s, e, 1, s + 1, "speech")]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "q.db") as s:
        yield s


def add(store, path, said, **kw) -> bool:
    return store.add(*make_article(path, said, **kw))


def test_add_and_read_back(store):
    article, quotes = make_article("a.txt", [("Donald Trump", "We will see."), ("Kim Yo-jong", "A mockery.")])
    assert store.add(article, quotes) is True
    got = list(store.recorded())
    assert [r.quote for r in got] == quotes
    assert {r.source for r in got} == {"a.txt"} and not any(r.transcript for r in got)
    assert [r.quote.text for r in store.recorded("Trump")] == ["We will see."]
    assert list(store.recorded("Nobody Known")) == []


def test_readding_unchanged_is_a_no_op(store):
    said = [("Donald Trump", "We will see."), ("President Trump", "Maybe.")]
    assert add(store, "a.txt", said)
    before = store.counts()
    assert add(store, "a.txt", said) is False
    assert add(store, "elsewhere/a-copy.txt", said) is False  # same text, same id
    assert store.counts() == before


def test_changed_text_under_same_path_is_a_new_version(store):
    assert add(store, "a.txt", [("Donald Trump", "We will see.")])
    assert add(store, "a.txt", [("Donald Trump", "We will see soon.")])
    assert add(store, "b.txt", [("Donald Trump", "Other.")], url="https://example.com/x")
    assert add(store, "c.txt", [("Donald Trump", "Other, edited.")], url="https://example.com/x")
    rows = store.db.execute("SELECT path, version, supersedes IS NOT NULL FROM articles ORDER BY rowid").fetchall()
    assert rows == [("a.txt", 1, 0), ("a.txt", 2, 1), ("b.txt", 1, 0), ("c.txt", 2, 1)]
    assert len(list(store.recorded("Trump"))) == 4  # both versions are kept


@pytest.mark.parametrize("names, same", [
    (["Donald Trump", "Trump", "President Trump", "Donald J. Trump", "U.S. President Donald Trump"], True),
    (["Kim Jong-un", "Kim Jong Un", "North Korean leader Kim Jong Un"], True),
    (["Kim Jong Un", "Kim Yo-jong"], False),
    (["Donald Trump", "Melania Trump"], False),
    (["Donald Trump", "Donald Trump Jr."], False),
    (["North Korea", "South Korea"], False),
])
def test_one_identity_per_person(store, names, same):
    for i, name in enumerate(names):
        add(store, f"{i}.txt", [(name, f"words number {i}")])
    ids = {r[0] for r in store.db.execute("SELECT speaker_id FROM quotes")}
    assert (len(ids) == 1) is same


def test_a_surname_shared_by_two_people_stays_apart(store):
    add(store, "1.txt", [("Donald Trump", "one")])
    add(store, "2.txt", [("Melania Trump", "two")])
    add(store, "3.txt", [("Trump", "three")])  # names both: kept apart, --merge can join it
    assert store.db["speakers"].count == 3
    merged = queries.merge(store, "Donald Trump", ["Trump"])
    assert (merged.name, merged.quotes) == ("Donald Trump", 2)
    assert sorted(r.quote.text for r in store.recorded("Trump")) == ["one", "three"]
    add(store, "4.txt", [("Trump", "four")])  # the merged name stays with its new identity
    assert sorted(r.quote.text for r in store.recorded("Donald Trump")) == ["four", "one", "three"]
    assert [r.quote.text for r in store.recorded("Melania Trump")] == ["two"]


def test_split_takes_a_name_out_of_an_identity(store):
    add(store, "1.txt", [("Donald Trump", "one"), ("Donald J. Trump", "two")])
    new = queries.split(store, ["Donald J. Trump"])
    assert (new.name, new.quotes) == ("Donald J. Trump", 1)
    assert [r.quote.text for r in store.recorded("Donald Trump")] == ["one"]
    add(store, "2.txt", [("Donald J. Trump", "three")])
    assert sorted(r.quote.text for r in store.recorded("Donald J. Trump")) == ["three", "two"]
    with pytest.raises(queries.UnknownSpeaker):
        queries.split(store, ["Nobody"])


def test_merge_of_an_unknown_or_ambiguous_name_fails(store):
    add(store, "1.txt", [("Donald Trump", "one"), ("Melania Trump", "two"), ("Kim Jong Un", "three")])
    with pytest.raises(queries.UnknownSpeaker):
        queries.merge(store, "Kim Jong Un", ["Kim Jong Il"])
    with pytest.raises(queries.AmbiguousSpeaker):
        queries.merge(store, "Kim Jong Un", ["Trump"])
    assert store.db["speakers"].count == 3


def test_speaker_shown_by_its_fullest_most_used_name(store):
    add(store, "1.txt", [("Trump", "one")])
    add(store, "2.txt", [("Donald Trump", "two"), ("Donald Trump", "three")])
    assert [s.name for s in queries.speakers(store)] == ["Donald Trump"]


def test_quotes_without_speaker_are_stored_and_searchable(store):
    add(store, "a.txt", [("", "an unattributed remark")])
    assert store.db["quotes"].count == 1 and store.db["speakers"].count == 0
    assert [h.recorded.quote.text for h in queries.search(store, "remark")] == ["an unattributed remark"]


def test_transcript_quotes_are_marked(store):
    from quotes.transcript import transcript_quotes

    t = Article("pc.txt", "TRUMP: We had a very good meeting.\nREPORTER: Thank you.\n")
    assert store.add(t, transcript_quotes(t), transcript=True)
    got = {r.quote.text: r.transcript for r in store.recorded("Trump")}
    assert got == {"We had a very good meeting.": True}


# ---- opening: foreign files, newer schema, migrations --------------------------------------------------

def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    p = tmp_path / "notes.db"
    p.write_bytes(b"these are my notes, not a database\n" * 50)
    before = p.read_bytes()
    with pytest.raises(StoreError, match="not a quotes store"):
        Store(p)
    assert p.read_bytes() == before


def test_an_sqlite_file_of_another_application_is_refused_untouched(tmp_path):
    p = tmp_path / "other.db"
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = p.read_bytes()
    with pytest.raises(StoreError, match="not a quotes store"):
        Store(p)
    assert p.read_bytes() == before


def test_a_store_from_a_newer_release_is_refused(tmp_path):
    p = tmp_path / "q.db"
    Store(p).close()
    conn = sqlite3.connect(p)
    conn.execute("UPDATE _quotes_meta SET value = ? WHERE key = 'schema_version'", (str(schema.SCHEMA_VERSION + 1),))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer release"):
        Store(p)


def test_read_commands_do_not_create_a_store(tmp_path):
    with pytest.raises(StoreError, match="no quotes store"):
        Store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_an_empty_file_becomes_a_store(tmp_path):
    p = tmp_path / "empty.db"
    p.touch()
    with Store(p) as s:
        assert s.counts()["articles"] == 0


# the schema of version 1 as it was released, written by hand (not by today's code)
V1_SQL = """
CREATE TABLE [_quotes_meta] ([key] TEXT PRIMARY KEY, [value] TEXT);
INSERT INTO _quotes_meta VALUES ('application', 'quotes'), ('schema_version', '1');
CREATE TABLE [articles] ([id] TEXT PRIMARY KEY, [path] TEXT, [url] TEXT, [title] TEXT, [source] TEXT, [date] TEXT,
  [external_id] TEXT, [text] TEXT, [added] TEXT);
CREATE TABLE [speakers] ([id] INTEGER PRIMARY KEY, [name] TEXT);
CREATE TABLE [speaker_aliases] ([alias] TEXT PRIMARY KEY, [name] TEXT, [speaker_id] INTEGER REFERENCES [speakers]([id]),
  [uses] INTEGER, [manual] INTEGER);
CREATE TABLE [quotes] ([id] TEXT PRIMARY KEY, [article_id] TEXT REFERENCES [articles]([id]), [utterance_id] TEXT,
  [text] TEXT, [start_char] INTEGER, [end_char] INTEGER, [line] INTEGER, [col] INTEGER, [kind] TEXT,
  [speaker_id] INTEGER REFERENCES [speakers]([id]), [speaker_name] TEXT, [speaker_key] TEXT, [speaker_mention] TEXT,
  [speaker_start] INTEGER, [speaker_end] INTEGER, [resolution] TEXT, [cue_text] TEXT, [cue_lemma] TEXT,
  [cue_start] INTEGER, [cue_end] INTEGER, [pattern] TEXT, [confidence] FLOAT, [transcript] INTEGER);
CREATE VIRTUAL TABLE [quotes_fts] USING FTS5 ([text], tokenize='porter', content=[quotes]);
CREATE TRIGGER [quotes_ai] AFTER INSERT ON [quotes] BEGIN
  INSERT INTO [quotes_fts] (rowid, [text]) VALUES (new.rowid, new.[text]); END;
CREATE TRIGGER [quotes_ad] AFTER DELETE ON [quotes] BEGIN
  INSERT INTO [quotes_fts] ([quotes_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]); END;
CREATE TRIGGER [quotes_au] AFTER UPDATE ON [quotes] BEGIN
  INSERT INTO [quotes_fts] ([quotes_fts], rowid, [text]) VALUES('delete', old.rowid, old.[text]);
  INSERT INTO [quotes_fts] (rowid, [text]) VALUES (new.rowid, new.[text]); END;
INSERT INTO speakers VALUES (1, 'Kim Jong Un');
INSERT INTO speaker_aliases VALUES ('kim jong un', 'Kim Jong Un', 1, 2, 0);
INSERT INTO articles VALUES ('a1', 'old/1.txt', NULL, NULL, NULL, '2025-10-01', NULL, 'text one', '2025-10-02');
INSERT INTO articles VALUES ('a2', 'old/2.txt', NULL, NULL, NULL, '2025-10-03', NULL, 'text two', '2025-10-04');
INSERT INTO quotes (id, article_id, utterance_id, text, start_char, end_char, line, col, kind, speaker_id, speaker_name,
  speaker_key, transcript) VALUES
  ('q1', 'a1', 'q1', 'I still have fond memories.', 0, 27, 1, 1, 'speech', 1, 'Kim Jong Un', 'kim jong un', 0),
  ('q2', 'a2', 'q2', 'I still have fond memories!', 0, 27, 1, 1, 'speech', 1, 'Kim Jong Un', 'kim jong un', 0);
"""


def test_a_version_1_store_is_migrated_with_its_data(tmp_path):
    p = tmp_path / "v1.db"
    conn = sqlite3.connect(p)
    conn.executescript(V1_SQL)
    conn.close()
    with Store(p) as s:
        assert s.db.execute("SELECT value FROM _quotes_meta WHERE key='schema_version'").fetchone()[0] == str(
            schema.SCHEMA_VERSION)
        assert s.db.execute("SELECT version FROM articles ORDER BY id").fetchall() == [(1,), (1,)]
        # both quotes have the same words: one utterance cluster of two
        assert s.db.execute("SELECT quotes FROM clusters").fetchall() == [(2,)]
        assert {r[0] for r in s.db.execute("SELECT cluster_id FROM quotes")} == {
            schema.cluster_id("i still have fond memories")}
        assert [h.recorded.source for h in queries.search(s, "memories")] == ["old/1.txt", "old/2.txt"]
        res = queries.lookup(s, "Kim Jong-un")
        assert len(res.utterances) == 1 and res.count == 2
        assert s.db.execute("SELECT first, last FROM speaker_aliases").fetchall() == [("kim", "un")]
        assert add(s, "new.txt", [("Kim Jong-un", "More words.")])
        assert add(s, "newer.txt", [("North Korean leader Kim Jong Un", "Even more words.")])
    with Store(p) as s:  # opening again changes nothing
        assert s.counts()["quotes"] == 4 and s.counts()["speakers"] == 1


def test_every_migration_step_leaves_a_store_that_opens(tmp_path):
    for upto in range(1, schema.SCHEMA_VERSION + 1):
        p = tmp_path / f"v{upto}.db"
        conn = sqlite3.connect(p)
        db = schema.Database(conn)
        for step in schema.MIGRATIONS[:upto]:
            step(db)
        db[schema.META].upsert_all([{"key": "application", "value": "quotes"},
                                    {"key": "schema_version", "value": str(upto)}], pk="key")
        conn.commit()
        conn.close()
        with Store(p) as s:
            assert add(s, "a.txt", [("Donald Trump", "Fine.")])
            assert [r.quote.text for r in s.recorded("Trump")] == ["Fine."]


def test_fts_is_configured_the_sqlite_utils_way(store):
    add(store, "a.txt", [("Donald Trump", "We have very good relationships.")])
    assert store.db["quotes"].detect_fts() == "quotes_fts"
    assert [r["text"] for r in store.db["quotes"].search("relationships")] == ["We have very good relationships."]


def test_an_up_to_date_store_opens_while_another_process_writes(tmp_path):
    p = tmp_path / "q.db"
    Store(p).close()
    writer = sqlite3.connect(p, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # holds the write lock
    try:
        with Store(p, create=False, timeout=0.5) as s:
            assert s.counts()["articles"] == 0
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_lookup_limit_keeps_the_latest_utterances(store):
    add(store, "old.txt", [("Ann Lee", "We will build the bridge."), ("Ann Lee", "Taxes stay where they are.")],
        date="2024-01-05")
    add(store, "mid.txt", [("Ann Lee", "The budget is balanced.")], date="2024-06-01")
    add(store, "new.txt", [("Ann Lee", "We will build the bridge."), ("Bo Park", "Not so fast.")], date="2025-02-01")
    store.cluster()
    full = queries.lookup(store, "Ann Lee")
    assert [u.canonical.text for u in full.utterances] == [
        "We will build the bridge.", "Taxes stay where they are.", "The budget is balanced."]
    assert full.omitted == 0
    # the bridge was quoted again in 2025, so it is the latest utterance; the order stays chronological
    two = queries.lookup(store, "Ann Lee", limit=2)
    assert [u.canonical.text for u in two.utterances] == ["We will build the bridge.", "The budget is balanced."]
    assert two.omitted == 1 and two.count == 3
    assert queries.lookup(store, "Ann Lee", limit=10) == full
    assert queries.lookup(store, "Ann Lee", since="2024-06-01", limit=1).utterances[0].articles == ("new.txt",)


def test_lookup_offset_pages_back_from_the_latest(store):
    add(store, "old.txt", [("Ann Lee", "Taxes stay where they are.")], date="2024-01-05")
    add(store, "mid.txt", [("Ann Lee", "The budget is balanced.")], date="2024-06-01")
    add(store, "new.txt", [("Ann Lee", "We will build the bridge.")], date="2025-02-01")
    store.cluster()
    page = queries.lookup(store, "Ann Lee", limit=1, offset=1)
    assert [u.canonical.text for u in page.utterances] == ["The budget is balanced."]
    assert (page.omitted, page.offset) == (2, 1)
    rest = queries.lookup(store, "Ann Lee", offset=2)  # no limit: everything older than the 2 newest
    assert [u.canonical.text for u in rest.utterances] == ["Taxes stay where they are."] and rest.omitted == 2
    beyond = queries.lookup(store, "Ann Lee", limit=5, offset=5)
    assert beyond.utterances == () and beyond.omitted == 3
