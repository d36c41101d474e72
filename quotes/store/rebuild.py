"""Rebuilding a table with foreign keys SQLite cannot add by ALTER TABLE.

The procedure is SQLite's own ("Making Other Kinds Of Table Schema Changes"): with foreign-key
enforcement off (it can only be switched outside a transaction, so `Store` opens a store that needs a
migration with it off and turns it on after), inside the migration's one transaction: create each new
table under a temporary name, copy every row with its rowid (the full-text index of `quotes` points at
rowids), drop the old tables, rename the new ones, re-create their indexes and triggers, and check every
foreign key before the transaction commits. Anything that fails rolls the whole migration back, so a
store is either migrated whole or left as it was.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from quotes.errors import StoreError


@dataclass(frozen=True)
class Reference:
    """A foreign key to add: `column` references `table`.`to`. `deferred`: checked at COMMIT, for
    references that are written in either order inside one transaction (a quote and its cluster)."""

    column: str
    table: str
    to: str = "id"
    deferred: bool = False


def rebuild(db: Database, plan: Mapping[str, Sequence[Reference]], drop_indexes: Sequence[str] = ()) -> None:
    """Rebuild each table of `plan` with its existing columns, primary key and (single-column) foreign keys
    plus the references given, keeping its rows (and rowids), indexes (but those named in `drop_indexes`) and triggers."""
    kept = []
    for table in plan:
        kept += [sql for name, sql in db.execute(
            "SELECT name, sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') "
            "AND sql IS NOT NULL ORDER BY type, name", (table,)) if name not in drop_indexes]
    for table, refs in plan.items():
        columns = _columns(db, table)
        db.execute(_create_sql(db, table, f"_new_{table}", refs))
        names = ", ".join(f'"{c}"' for c in columns)
        db.execute(f'INSERT INTO "_new_{table}" (rowid, {names}) SELECT rowid, {names} FROM "{table}"')
    for table in plan:
        db.execute(f'DROP TABLE "{table}"')
    for table in plan:
        db.execute(f'ALTER TABLE "_new_{table}" RENAME TO "{table}"')
    for sql in kept:
        db.execute(sql)


def check_foreign_keys(db: Database, path: str) -> None:
    """Refuse (and so roll back) a migration that would leave a reference to a missing row."""
    bad = db.execute("PRAGMA foreign_key_check").fetchall()
    if bad:
        table, rowid, parent = bad[0][:3]
        raise StoreError(f"{path}: cannot migrate the store: {len(bad)} reference(s) to missing rows "
                         f"(first: {table} row {rowid} -> {parent}); the store was left as it was")


def _columns(db: Database, table: str) -> list[str]:
    return [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]


def _create_sql(db: Database, table: str, new_name: str, refs: Sequence[Reference]) -> str:
    info = db.execute(f'PRAGMA table_info("{table}")').fetchall()  # cid, name, type, notnull, default, pk
    pk = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]
    parts = []
    for _, name, type_, notnull, default, _pk in info:
        col = f'"{name}" {type_}'.rstrip()
        if pk == [name]:
            col += " PRIMARY KEY"
        if notnull:
            col += " NOT NULL"
        if default is not None:
            col += f" DEFAULT {default}"
        parts.append(col)
    if len(pk) > 1:
        parts.append("PRIMARY KEY (" + ", ".join(f'"{c}"' for c in pk) + ")")
    given = {r.column for r in refs}  # a reference given replaces the table's own on that column
    existing = [Reference(r[3], r[2], r[4]) for r in db.execute(f'PRAGMA foreign_key_list("{table}")')]
    for r in [r for r in existing if r.column not in given] + list(refs):
        parts.append(f'FOREIGN KEY ("{r.column}") REFERENCES "{r.table}" ("{r.to}")'
                     + (" DEFERRABLE INITIALLY DEFERRED" if r.deferred else ""))
    return f'CREATE TABLE "{new_name}" (\n   ' + ",\n   ".join(parts) + "\n)"
