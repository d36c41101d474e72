"""The quote store: an SQLite file written through sqlite-utils, safe for several writers at once.

The file is in WAL mode with a busy timeout, so two processes adding at once both succeed (one waits
for the other's transaction). Each article is written in one `BEGIN IMMEDIATE` transaction: a process
killed in the middle leaves every article committed before it, and none of the article it was writing.
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from quotes.compare.speakers import key
from quotes.errors import StoreError
from quotes.model import Article, Cue, Quote, Speaker
from quotes.store import identity, schema
from quotes.store.results import Recorded

BUSY_TIMEOUT_S = 60.0


def default_path() -> Path:
    """Where the store lives without --db or QUOTES_DB: the user's data folder."""
    from platformdirs import user_data_path

    return user_data_path("quotes", appauthor=False) / "quotes.db"


class Store:
    """A quotes store. Opening validates the file and migrates an older schema; use it as a context manager.

    `create=False` refuses a path where no store exists yet (for read-only commands).
    """

    def __init__(self, path: str | os.PathLike[str], create: bool = True, timeout: float = BUSY_TIMEOUT_S):
        self.path = str(path)
        p = Path(self.path)
        if p.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a quotes store")
        if not p.exists():
            if not create:
                raise StoreError(f"{self.path}: no quotes store here (add articles with `quotes add` first)")
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"{self.path}: cannot create the store's folder ({e.strerror or e})") from None
        try:
            conn = sqlite3.connect(self.path, timeout=timeout)
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot open ({e})") from None
        self.db = Database(conn)
        self.touched: dict[int, set[str]] = {}  # speaker -> quote ids stored since the last `cluster()`
        try:
            self._open(timeout)
        except BaseException:
            conn.close()
            raise

    def _open(self, timeout: float) -> None:
        # identify the file before writing anything to it: a foreign file is left as it was
        version = schema.check_version(schema.stored_version(self.db, self.path), self.path)
        try:
            self._use_wal(timeout)
            # WAL with synchronous=NORMAL: a killed process loses nothing committed; only a power cut
            # can lose the last transactions, never corrupt the file
            self.db.execute("PRAGMA synchronous = NORMAL")
            if version < schema.SCHEMA_VERSION:  # an up-to-date store is opened without taking the write lock
                # foreign keys stay off while a migration rebuilds tables (SQLite's procedure; the pragma
                # cannot change inside a transaction); the migration checks them all before it commits
                self.db.execute("PRAGMA foreign_keys = OFF")
                with self.transaction():
                    schema.migrate(self.db, self.path)
            self.db.execute("PRAGMA foreign_keys = ON")
        except sqlite3.OperationalError as e:
            raise StoreError(f"{self.path}: cannot write the store ({e})") from None

    def _use_wal(self, timeout: float) -> None:
        """Switch a new file to WAL. Two processes switching the same new file at once can deadlock on its
        locks, and SQLite then fails one at once instead of making it wait: that one retries."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                if self.db.journal_mode != "wal":
                    self.db.execute("PRAGMA journal_mode = wal")
                return
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    # ---- plumbing ------------------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        try:
            if exc_type is None and self.touched:
                self.cluster()
        finally:
            self.close()
        if isinstance(exc, sqlite3.DatabaseError):
            raise StoreError(f"{self.path}: {exc}") from None

    def close(self) -> None:
        self.db.close()

    def transaction(self):
        """BEGIN IMMEDIATE ... COMMIT (ROLLBACK on any error): the write lock is taken up front, so a
        concurrent writer waits (busy timeout) instead of failing half-way."""
        return _Transaction(self.db)

    # ---- writing -------------------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add(self, article: Article, quotes: Sequence[Quote], transcript: bool = False) -> bool:
        """Store one article and its quotes in one transaction. False when the article was already stored."""
        meta = {"path": article.path, "url": article.url, "title": article.title, "source": article.source,
                "date": article.date, "external_id": article.external_id, "text": article.text}
        return self.add_record(article.id, meta, quotes, transcript) is not None

    def add_record(self, article_id: str, meta: dict, quotes: Sequence[Quote], transcript: bool = False) -> int | None:
        """`add` for an article known by id (its text may be missing, e.g. from quote rows alone).

        Returns the version number stored (1 for a new path or URL), None when the id was already stored.
        """
        if not meta.get("title") and meta.get("text"):  # plain text: its first line names it in a browser
            meta = {**meta, "title": schema.text_title(meta["text"])}
        try:
            with self.transaction():
                if self.has(article_id):
                    return None
                prev = self.db.execute(
                    "SELECT id, version FROM articles WHERE path = ? OR (url IS NOT NULL AND url = ?) "
                    "ORDER BY version DESC LIMIT 1", (meta.get("path"), meta.get("url"))).fetchone()
                version = prev[1] + 1 if prev else 1
                self.db["articles"].insert({
                    "id": article_id, **meta, "added": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    "version": version, "supersedes": prev[0] if prev else None})
                self._insert_quotes(article_id, quotes, transcript)
                return version
        except sqlite3.OperationalError as e:
            raise StoreError(f"{self.path}: cannot write the store ({e})") from None

    def _insert_quotes(self, article_id: str, quotes: Sequence[Quote], transcript: bool) -> None:
        cache: dict[str, int] = {}
        uses: Counter[str] = Counter()
        rows, clusters = [], {}
        for q in quotes:
            sid = None
            if q.speaker and q.speaker.identity and q.speaker.identity.strip():
                sid = identity.resolve(self.db, q.speaker.name, cache)
                uses[key(q.speaker.name)] += 1
            n = schema.norm(q.text)
            cid = schema.cluster_id(n)
            clusters.setdefault(cid, [q.text, q.quote_id, 0])[2] += 1
            rows.append(_quote_row(q, article_id, sid, transcript, n, cid))
        self.db["quotes"].insert_all(rows, ignore=True)
        for cid, (text, qid, n) in clusters.items():
            self.db.execute("INSERT INTO clusters (id, text, quote_id, quotes) VALUES (?, ?, ?, ?) "
                            "ON CONFLICT(id) DO UPDATE SET quotes = quotes + excluded.quotes", (cid, text, qid, n))
        identity.count_uses(self.db, uses, cache)
        for row in rows:
            if row["speaker_id"] is not None:
                self.touched.setdefault(row["speaker_id"], set()).add(row["id"])

    def cluster(self) -> int:
        """Re-cluster the utterances of the speakers given quotes since the last call (after a batch of adds)."""
        from quotes.store.clustering import recluster

        done = recluster(self, dict(self.touched))
        self.touched.clear()
        return done

    # ---- reading -------------------------------------------------------------------------------------

    def recorded(self, speaker: str | None = None) -> Iterator[Recorded]:
        """Every stored quote (of the identity `speaker` names, when given), in the order they were added."""
        where, args = "", []
        if speaker is not None:
            sids = identity.candidates(self.db, speaker)
            if not sids:
                return
            where, args = f"WHERE q.speaker_id IN ({','.join('?' * len(sids))})", sids
        yield from self.rows(where, args, "ORDER BY a.rowid, q.start_char")

    def rows(self, where: str, args: Sequence, order: str = "", select: str = "") -> Iterator[Recorded]:
        sql = (f"SELECT {RECORD_COLUMNS}{select} FROM quotes q JOIN articles a ON a.id = q.article_id "
               f"LEFT JOIN speakers s ON s.id = q.speaker_id {where} {order}")
        for row in self.db.execute(sql, list(args)):
            yield recorded_from_row(row)

    def counts(self) -> dict[str, int]:
        return {t: self.db[t].count for t in ("articles", "quotes", "speakers", "speaker_aliases", "clusters")}


class _Transaction:
    def __init__(self, db: Database):
        self.db = db

    def __enter__(self) -> Database:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as e:
            raise StoreError(f"cannot write the store ({e})") from None
        return self.db

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            try:
                self.db.execute("COMMIT")  # deferred foreign keys are checked here
            except sqlite3.Error:
                if self.db.conn.in_transaction:  # a COMMIT that fails leaves the transaction open
                    self.db.execute("ROLLBACK")
                raise
        elif self.db.conn.in_transaction:
            self.db.execute("ROLLBACK")


def _quote_row(q: Quote, article_id: str, sid: int | None, transcript: bool, n: str, cid: str) -> dict:
    s, c = q.speaker, q.cue
    return {
        "id": q.quote_id, "article_id": article_id, "utterance_id": q.utterance_id, "text": q.text,
        "start_char": q.start_char, "end_char": q.end_char, "line": q.line, "col": q.column, "kind": q.kind,
        "speaker_id": sid, "speaker_name": s.identity if s else None, "speaker_key": key(s.identity) if s and s.identity else None,
        "speaker_mention": s.mention if s else None, "speaker_start": s.start_char if s else None,
        "speaker_end": s.end_char if s else None, "resolution": s.resolution if s else None,
        "cue_text": c.text if c else None, "cue_lemma": c.lemma if c else None,
        "cue_start": c.start_char if c else None, "cue_end": c.end_char if c else None,
        "pattern": q.pattern, "confidence": q.confidence, "transcript": int(transcript), "norm": n, "cluster_id": cid,
    }


RECORD_COLUMNS = (
    "a.path, q.article_id, q.text, q.start_char, q.end_char, q.line, q.col, q.kind, q.speaker_name, "
    "q.speaker_mention, q.speaker_start, q.speaker_end, q.resolution, q.cue_text, q.cue_lemma, q.cue_start, "
    "q.cue_end, q.pattern, q.confidence, q.utterance_id, q.id, q.transcript, s.name, COALESCE(a.date, a.added), "
    "q.cluster_id"
)


def recorded_from_row(r: Sequence) -> Recorded:
    speaker = Speaker(r[8], r[9] or "", r[10] or 0, r[11] or 0, r[12] or "") if r[8] else None
    cue = Cue(r[13], r[14] or "", r[15] or 0, r[16] or 0) if r[13] else None
    q = Quote(article=r[0], article_id=r[1], text=r[2], start_char=r[3], end_char=r[4], line=r[5], column=r[6],
              kind=r[7], speaker=speaker, cue=cue, pattern=r[17] or "", confidence=r[18] or 0.0,
              utterance_id=r[19], quote_id=r[20])
    return Recorded(quote=q, source=r[0], transcript=bool(r[21]), speaker=r[22], date=r[23], utterance=r[24])
