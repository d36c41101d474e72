"""The store's schema as Datasette and sqlite-utils see it: foreign keys, indexes, article titles, and the
migration that rebuilds an older store's tables without losing a row."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_store import add, make_article

from quotes.errors import StoreError
from quotes.store import Store, queries, schema

REFERENCES = {  # table -> {column: referenced table}
    "articles": {"supersedes": "articles"},
    "quotes": {"article_id": "articles", "speaker_id": "speakers", "cluster_id": "clusters"},
    "clusters": {"quote_id": "quotes"},
    "speaker_aliases": {"speaker_id": "speakers"},
}


def foreign_keys(db, table: str) -> dict[str, str]:
    return {r[3]: r[2] for r in db.execute(f'PRAGMA foreign_key_list("{table}")')}


def redundant_indexes(db) -> list[str]:
    """Explicit indexes that repeat a primary key or unique constraint, or are a prefix of another index."""
    out = []
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        indexes = [(r[1], r[3], tuple(c[2] for c in db.execute(f'PRAGMA index_info("{r[1]}")')))
                   for r in db.execute(f'PRAGMA index_list("{table}")')]
        for name, origin, cols in indexes:
            if origin == "c" and any(other != name and ocols[:len(cols)] == cols for other, _, ocols in indexes):
                out.append(name)
    return out


def table_rows(db, table: str, skip: tuple[str, ...] = ()) -> list[tuple]:
    cols = [c for c in db[table].columns_dict if c not in skip]
    return db.execute(f'SELECT rowid, {", ".join(cols)} FROM "{table}" ORDER BY rowid').fetchall()


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "q.db") as s:
        yield s


def test_a_new_store_has_a_foreign_key_for_every_reference(store):
    for table, refs in REFERENCES.items():
        assert foreign_keys(store.db, table) == refs, table
    assert store.db.execute("PRAGMA foreign_keys").fetchone() == (1,)


def test_a_new_store_has_no_redundant_index(store):
    assert redundant_indexes(store.db) == []
    # and the check itself finds one
    store.db.execute('CREATE INDEX "idx_extra" ON quotes (speaker_id, kind)')
    store.db.execute('CREATE INDEX "idx_again" ON clusters (id)')
    assert sorted(redundant_indexes(store.db)) == ["idx_again", "idx_extra"]


def test_references_are_enforced(store):
    add(store, "a.txt", [("Ann Lee", "We will build the bridge.")])
    with pytest.raises(sqlite3.IntegrityError):  # a quote's cluster must exist when the transaction commits
        with store.transaction():
            store.db.execute("UPDATE quotes SET cluster_id = 'no such cluster'")
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction():
            store.db.execute("UPDATE articles SET supersedes = 'no such article'")
    assert store.db.execute("PRAGMA foreign_key_check").fetchall() == []


@pytest.mark.parametrize("text, title", [
    ("Summit ends without a deal\n\nThe talks ended.", "Summit ends without a deal"),
    ("\n\n   Leaders meet again  \nBody", "Leaders meet again"),
    ("\r\n \t\r\nOne line only\r\n", "One line only"),
    ("", None),
    (" \n\t\n", None),
    (None, None),
])
def test_text_title_is_the_first_non_empty_line(text, title):
    assert schema.text_title(text) == title


@given(st.text())
def test_text_title_is_a_whole_trimmed_line_of_the_text(text):
    title = schema.text_title(text)
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert title == (lines[0] if lines else None)


def test_a_plain_text_article_gets_its_first_line_as_title(store):
    article, quotes = make_article("a.txt", [("Ann Lee", "We will build the bridge.")])
    store.add(article, quotes)
    assert store.db.execute("SELECT title FROM articles").fetchone() == ("Ann Lee said: “We will build the bridge.”",)
    titled, quotes = make_article("b.txt", [("Ann Lee", "Taxes stay.")])
    store.add_record(titled.id, {"path": "b.txt", "title": "Budget day", "text": titled.text}, quotes)
    store.add_record("no-text", {"path": "c.txt", "text": None}, [])
    assert dict(store.db.execute("SELECT path, title FROM articles WHERE path != 'a.txt'").fetchall()) == {
        "b.txt": "Budget day", "c.txt": None}


# ---- migrating a schema-4 store ----------------------------------------------------------------------

def v4_store(path, extra_sql: str = "") -> None:
    """A store at schema 4 (the steps of that release) with two versions of one article, a quote of each,
    one without a speaker, a cluster whose row is missing and one whose canonical quote is gone."""
    conn = sqlite3.connect(path)
    db = schema.Database(conn)
    db.execute("BEGIN")
    for step in schema.MIGRATIONS[:4]:
        step(db)
    db[schema.META].upsert_all([{"key": "application", "value": "quotes"},
                                {"key": "schema_version", "value": "4"}], pk="key")
    db.executescript("""
    INSERT INTO speakers VALUES (1, 'Ann Lee');
    INSERT INTO speaker_aliases VALUES ('ann lee', 'Ann Lee', 1, 3, 0, 'ann', 'lee');
    INSERT INTO articles VALUES ('a1', 'x/1.txt', 'https://example.org/1', NULL, NULL, '2025-10-01', NULL,
        '  First headline  \n\nBody one.', '2025-10-02', 1, NULL);
    INSERT INTO articles VALUES ('a2', 'x/1.txt', 'https://example.org/1', 'Kept title', NULL, '2025-10-03', NULL,
        'Second text', '2025-10-04', 2, 'a1');
    INSERT INTO articles VALUES ('a3', 'x/3.txt', NULL, NULL, NULL, NULL, NULL, NULL, '2025-10-05', 1, 'gone');
    INSERT INTO clusters VALUES ('c1', 'We will build it.', 'q1', 2), ('c9', 'Old words', 'deleted-quote', 1);
    INSERT INTO quotes (id, article_id, utterance_id, text, start_char, end_char, line, col, kind, speaker_id,
        speaker_name, speaker_key, transcript, norm, cluster_id) VALUES
      ('q1', 'a1', 'q1', 'We will build it.', 0, 17, 1, 1, 'speech', 1, 'Ann Lee', 'ann lee', 0, 'we will build it', 'c1'),
      ('q2', 'a2', 'q2', 'We will build it!', 0, 17, 1, 1, 'speech', 1, 'Ann Lee', 'ann lee', 0, 'we will build it', 'c1'),
      ('q3', 'a2', 'q3', 'a mockery', 20, 29, 1, 21, 'scare', NULL, NULL, NULL, 0, 'a mockery', 'c2'),
      ('q4', 'a3', 'q4', 'Old words, longer', 0, 17, 1, 1, 'speech', 1, 'Ann Lee', 'ann lee', 0, 'old words longer', 'c9');
    """ + extra_sql)
    db.execute("COMMIT")
    conn.close()


def test_a_schema_4_store_migrates_with_every_row(tmp_path):
    p = tmp_path / "v4.db"
    v4_store(p)
    conn = sqlite3.connect(p)
    before = {t: table_rows(schema.Database(conn), t) for t in ("articles", "quotes", "speakers", "speaker_aliases")}
    before_clusters = table_rows(schema.Database(conn), "clusters")
    conn.close()
    with Store(p) as s:
        db = s.db
        assert db.execute(f"SELECT value FROM {schema.META} WHERE key = 'schema_version'").fetchone() == (
            str(schema.SCHEMA_VERSION),)
        for table, refs in REFERENCES.items():
            assert foreign_keys(db, table) == refs, table
        assert redundant_indexes(db) == [] and db.execute("PRAGMA foreign_key_check").fetchall() == []
        # every row kept with its rowid; titles filled in where there were none and the text says one
        titles = dict(db.execute("SELECT id, title FROM articles"))
        assert titles == {"a1": "First headline", "a2": "Kept title", "a3": None}
        assert table_rows(db, "articles", skip=("title", "supersedes")) == [
            r[:4] + r[5:-1] for r in before["articles"]]
        # a superseded version that is not in the store is no longer named; the one that is stays
        assert dict(db.execute("SELECT id, supersedes FROM articles")) == {"a1": None, "a2": "a1", "a3": None}
        for table in ("quotes", "speakers", "speaker_aliases"):
            assert table_rows(db, table) == before[table], table
        # the missing cluster row is re-created; the one whose canonical quote was gone takes its member
        assert table_rows(db, "clusters")[:2] == [
            before_clusters[0], (2, "c9", "Old words", "q4", 1)]
        assert db.execute("SELECT id, text, quote_id, quotes FROM clusters WHERE id = 'c2'").fetchone() == (
            "c2", "a mockery", "q3", 1)
        # full-text search still points at the right rows, and the store takes new articles
        assert [h.recorded.quote.quote_id for h in queries.search(s, "build")] == ["q1", "q2"]
        assert add(s, "new.txt", [("Ann Lee", "We will build it.")])
        assert [h.recorded.quote.text for h in queries.search(s, "mockery")] == ["a mockery"]
    with Store(p) as s:
        assert s.counts() == {"articles": 4, "quotes": 5, "speakers": 1, "speaker_aliases": 1,
                              "clusters": s.counts()["clusters"]}
        assert len(queries.lookup(s, "Ann Lee").utterances) == 2


def test_a_store_that_cannot_migrate_is_left_as_it_was(tmp_path):
    p = tmp_path / "v4.db"
    # a quote of an article that is not there: no row to point at can be made up
    v4_store(p, "INSERT INTO quotes (id, article_id, text, kind, cluster_id) VALUES ('q5', 'nowhere', 'x', 'speech', 'c1');")
    conn = sqlite3.connect(p)
    before = conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    rows = conn.execute("SELECT * FROM quotes ORDER BY rowid").fetchall()
    conn.close()
    with pytest.raises(StoreError, match="cannot migrate the store: 1 reference.*left as it was"):
        Store(p)
    conn = sqlite3.connect(p)
    assert conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == before
    assert conn.execute("SELECT * FROM quotes ORDER BY rowid").fetchall() == rows
    assert conn.execute(f"SELECT value FROM {schema.META} WHERE key = 'schema_version'").fetchone() == ("4",)
    conn.close()
