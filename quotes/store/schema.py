"""The store's tables, its schema version and the migrations that bring an older file up to date.

A quotes store is an SQLite file with a `_quotes_meta` table (`application` = quotes, `schema_version`).
Each step of `MIGRATIONS` takes the schema from version i to i+1; opening a store runs the missing
steps in one transaction. A file with tables but no `_quotes_meta` is someone else's database, and a
schema version above `SCHEMA_VERSION` comes from a newer release: both are refused, untouched.
"""
from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable

from sqlite_utils import Database

from quotes.errors import StoreError
from quotes.model import content_id
from quotes.store.rebuild import Reference, check_foreign_keys, rebuild

APPLICATION = "quotes"
META = "_quotes_meta"

_PUNCT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "–": "-", "—": "-"})


def norm(text: str) -> str:
    """The comparison key of a wording: NFC, casefolded, uncurled, its words only (punctuation dropped)."""
    s = unicodedata.normalize("NFC", text).translate(_PUNCT).casefold()
    return " ".join(re.findall(r"\w+(?:'\w+)*", s))


def cluster_id(normalised: str) -> str:
    return content_id("utterance", normalised)


# ---- the steps ------------------------------------------------------------------------------------

def _v1(db: Database) -> None:
    """Articles, speakers with their aliases, quotes, and full-text search on quote text."""
    db[META].create({"key": str, "value": str}, pk="key")
    db["articles"].create({"id": str, "path": str, "url": str, "title": str, "source": str, "date": str,
                           "external_id": str, "text": str, "added": str}, pk="id")
    db["speakers"].create({"id": int, "name": str}, pk="id")
    db["speaker_aliases"].create({"alias": str, "name": str, "speaker_id": int, "uses": int, "manual": int},
                                 pk="alias", foreign_keys=[("speaker_id", "speakers", "id")])
    db["quotes"].create({
        "id": str, "article_id": str, "utterance_id": str, "text": str, "start_char": int, "end_char": int,
        "line": int, "col": int, "kind": str, "speaker_id": int, "speaker_name": str, "speaker_key": str,
        "speaker_mention": str, "speaker_start": int, "speaker_end": int, "resolution": str, "cue_text": str,
        "cue_lemma": str, "cue_start": int, "cue_end": int, "pattern": str, "confidence": float,
        "transcript": int,
    }, pk="id", foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")])
    db["articles"].create_index(["path"])
    db["articles"].create_index(["url"])
    db["speaker_aliases"].create_index(["speaker_id"])
    db["quotes"].create_index(["speaker_id"])
    db["quotes"].create_index(["article_id"])
    db["quotes"].create_index(["speaker_key"])
    db["quotes"].enable_fts(["text"], create_triggers=True, tokenize="porter")


def _v2(db: Database) -> None:
    """Article versions (same path or URL, new text) and utterance clusters (quotes of the same words)."""
    db["articles"].add_column("version", int)
    db["articles"].add_column("supersedes", str)
    db.execute("UPDATE articles SET version = 1 WHERE version IS NULL")
    db["clusters"].create({"id": str, "text": str, "quote_id": str, "quotes": int}, pk="id")
    db["quotes"].add_column("norm", str)
    db["quotes"].add_column("cluster_id", str)
    rows = db.execute("SELECT id, text FROM quotes ORDER BY rowid").fetchall()
    for qid, text in rows:
        n = norm(text)
        cid = cluster_id(n)
        db.execute("UPDATE quotes SET norm = ?, cluster_id = ? WHERE id = ?", (n, cid, qid))
        db.execute("INSERT INTO clusters (id, text, quote_id, quotes) VALUES (?, ?, ?, 1) "
                   "ON CONFLICT(id) DO UPDATE SET quotes = quotes + 1", (cid, text, qid))
    db["quotes"].create_index(["cluster_id"])
    db["quotes"].create_index(["norm"])


def _v3(db: Database) -> None:
    """The first and last word of each alias, indexed: a new name finds the speakers it may name without
    reading every alias."""
    db["speaker_aliases"].add_column("first", str)
    db["speaker_aliases"].add_column("last", str)
    for alias in [r[0] for r in db.execute("SELECT alias FROM speaker_aliases")]:
        words = alias.split() or [""]
        db.execute("UPDATE speaker_aliases SET first = ?, last = ? WHERE alias = ?", (words[0], words[-1], alias))
    db["speaker_aliases"].create_index(["first"])
    db["speaker_aliases"].create_index(["last"])


def _v4(db: Database) -> None:
    """Covering indexes for a limited lookup: a speaker's utterance clusters, and each article's date, read
    without touching the quote and article rows (an article row holds the whole text)."""
    db["quotes"].create_index(["speaker_id", "kind", "cluster_id", "article_id"], index_name=QUOTES_BY_SPEAKER)
    db["articles"].create_index(["id", "date", "added"], index_name=ARTICLE_DATES)


def _v5(db: Database) -> None:
    """A foreign key for every reference (quotes.cluster_id, clusters.quote_id, articles.supersedes), so
    Datasette and sqlite-utils link the rows; an index for each new reference (a row's page counts the rows
    that point at it); the index on quotes.speaker_id dropped (a prefix of the speaker covering index); and
    a title for every article with text but none: its first non-empty line."""
    _repair_references(db)
    rebuild(db, {
        "articles": [Reference("supersedes", "articles")],
        "clusters": [Reference("quote_id", "quotes", deferred=True)],
        # a quote is written before the cluster row it joins (and moved before its new cluster is written)
        "quotes": [Reference("cluster_id", "clusters", deferred=True)],
    }, drop_indexes=["idx_quotes_speaker_id"])
    db["clusters"].create_index(["quote_id"])
    db["articles"].create_index(["supersedes"])
    rows = db.execute("SELECT id, text FROM articles WHERE title IS NULL AND text IS NOT NULL").fetchall()
    for aid, text in rows:
        db.execute("UPDATE articles SET title = ? WHERE id = ?", (text_title(text), aid))


def _repair_references(db: Database) -> None:
    """Give every reference of an older store a row to point at before it becomes a foreign key, losing
    nothing: a quote's missing cluster is re-created from its quotes, a cluster whose canonical quote is
    gone takes its longest member (or none), and a superseded version that is gone is no longer named."""
    missing = db.execute("SELECT cluster_id, COUNT(*) FROM quotes WHERE cluster_id IS NOT NULL AND cluster_id "
                         "NOT IN (SELECT id FROM clusters) GROUP BY cluster_id").fetchall()
    for cid, n in missing:
        text, qid = db.execute("SELECT text, id FROM quotes WHERE cluster_id = ? ORDER BY transcript DESC, "
                               "LENGTH(text) DESC, rowid LIMIT 1", (cid,)).fetchone()
        db.execute("INSERT INTO clusters (id, text, quote_id, quotes) VALUES (?, ?, ?, ?)", (cid, text, qid, n))
    db.execute("UPDATE clusters SET quote_id = (SELECT q.id FROM quotes q WHERE q.cluster_id = clusters.id "
               "ORDER BY q.transcript DESC, LENGTH(q.text) DESC, q.rowid LIMIT 1) "
               "WHERE quote_id IS NOT NULL AND quote_id NOT IN (SELECT id FROM quotes)")
    db.execute("UPDATE articles SET supersedes = NULL WHERE supersedes IS NOT NULL "
               "AND supersedes NOT IN (SELECT id FROM articles)")


def text_title(text: str | None) -> str | None:
    """The title of an article that has none: its first non-empty line, trimmed (None for no text)."""
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()
    return None


QUOTES_BY_SPEAKER = "idx_quotes_speaker_cluster"
ARTICLE_DATES = "idx_articles_dates"
MIGRATIONS: list[Callable[[Database], None]] = [_v1, _v2, _v3, _v4, _v5]
SCHEMA_VERSION = len(MIGRATIONS)


# ---- opening ----------------------------------------------------------------------------------------

def stored_version(db: Database, path: str) -> int | None:
    """The schema version of an opened file: 0 for an empty file, None when the file is not a quotes store."""
    try:
        tables = set(db.table_names())
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path}: not a quotes store (not an SQLite database: {e})") from None
    if not tables:
        return 0
    if META not in tables:
        return None
    meta = dict(db.execute(f"SELECT key, value FROM {META}").fetchall())
    if meta.get("application") != APPLICATION:
        return None
    try:
        return int(meta.get("schema_version", ""))
    except ValueError:
        raise StoreError(f"{path}: damaged quotes store (schema_version {meta.get('schema_version')!r})") from None


def check_version(version: int | None, path: str) -> int:
    if version is None:
        raise StoreError(f"{path}: not a quotes store (an SQLite database with other tables); "
                         "refusing to touch it: choose another --db")
    if version > SCHEMA_VERSION:
        raise StoreError(f"{path}: made by a newer release of quotes (schema {version}, this one reads up to "
                         f"{SCHEMA_VERSION}); upgrade quotes to use it")
    return version


def migrate(db: Database, path: str) -> int:
    """Bring the store to SCHEMA_VERSION; returns the version it had. Runs inside the caller's transaction,
    with foreign-key enforcement off (steps rebuild tables); every foreign key is checked at the end."""
    version = check_version(stored_version(db, path), path)
    for step in MIGRATIONS[version:]:
        step(db)
    if version < SCHEMA_VERSION:
        check_foreign_keys(db, path)
        db[META].upsert_all([{"key": "application", "value": APPLICATION},
                             {"key": "schema_version", "value": str(SCHEMA_VERSION)}], pk="key")
    return version
