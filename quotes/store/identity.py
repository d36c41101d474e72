"""Speaker identities inside a store: which stored speaker a name as written belongs to.

Every name is kept as an alias under its key (`quotes.compare.speakers.key`). A name whose key is already an
alias belongs to that alias's speaker. A new name joins the one stored speaker it names by
`same_person` (compared with the speaker's names of two words or more when it has any, so "Melania
Trump" does not join "Donald Trump" through the alias "Trump"); when it names no one, or several people,
it becomes a speaker of its own, which `quotes speakers --merge` can join to another.
"""
from __future__ import annotations

from collections import defaultdict

from sqlite_utils import Database

from quotes.compare.speakers import display_name, key, name_words, same_person


def _pools(db: Database, words: tuple[str, ...]) -> dict[int, list[str]]:
    """The aliases of every speaker with an alias that shares the first or the last word of `words`
    (`same_person` needs one of the two shared)."""
    ids = [r[0] for r in db.execute(
        "SELECT speaker_id FROM speaker_aliases WHERE first = ? UNION SELECT speaker_id FROM speaker_aliases "
        "WHERE last = ?", (words[0], words[-1]))]
    pools: dict[int, list[str]] = defaultdict(list)
    if ids:
        marks = ",".join("?" * len(ids))
        for alias, sid in db.execute(f"SELECT alias, speaker_id FROM speaker_aliases WHERE speaker_id IN ({marks})", ids):
            pools[sid].append(alias)
    return pools


def candidates(db: Database, name: str) -> list[int]:
    """The stored speakers `name` may name: the owner of its alias, else every speaker it matches."""
    k = key(name)
    if not k:
        return []
    row = db.execute("SELECT speaker_id FROM speaker_aliases WHERE alias = ?", (k,)).fetchone()
    if row:
        return [row[0]]
    found = []
    for sid, aliases in sorted(_pools(db, name_words(name)).items()):
        full = [a for a in aliases if len(a.split()) > 1]
        if any(same_person(k, a) for a in (full or aliases)):
            found.append(sid)
    return found


def resolve(db: Database, name: str, cache: dict[str, int]) -> int:
    """The speaker id for a name as written, creating the speaker and the alias when they are new."""
    k = key(name)
    if k in cache:
        return cache[k]
    row = db.execute("SELECT speaker_id FROM speaker_aliases WHERE alias = ?", (k,)).fetchone()
    if row:
        cache[k] = row[0]
        return row[0]
    found = candidates(db, name)
    shown = " ".join(name.split())
    sid = found[0] if len(found) == 1 else db.execute("INSERT INTO speakers (name) VALUES (?)", (shown,)).lastrowid
    words = k.split()
    db.execute("INSERT INTO speaker_aliases (alias, name, speaker_id, uses, manual, first, last) "
               "VALUES (?, ?, ?, 0, 0, ?, ?)", (k, shown, sid, words[0], words[-1]))
    cache[k] = sid
    return sid


def count_uses(db: Database, uses: dict[str, int], cache: dict[str, int]) -> None:
    """Add to each alias's use count (`uses`: alias key -> quotes) and refresh the names shown of the
    speakers written under more than one name."""
    sids = set()
    for k, n in uses.items():
        db.execute("UPDATE speaker_aliases SET uses = uses + ? WHERE alias = ?", (n, k))
        sids.add(cache[k])
    for sid in sids:
        rename(db, sid)


def rename(db: Database, sid: int) -> None:
    """Show a speaker under its fullest, most used name."""
    rows = db.execute("SELECT name, uses FROM speaker_aliases WHERE speaker_id = ?", (sid,)).fetchall()
    if len(rows) == 1:
        db.execute("UPDATE speakers SET name = ? WHERE id = ? AND name != ?", (rows[0][0], sid, rows[0][0]))
    elif rows:
        db.execute("UPDATE speakers SET name = ? WHERE id = ?", (display_name({n: u or 1 for n, u in rows}), sid))
