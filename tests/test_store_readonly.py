"""Read-only stores: lookup, search and speakers read a store the user cannot write, create no -wal or
-shm file, and a permission problem is never called "not a quotes store"."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from test_store import make_article
from typer.testing import CliRunner

from quotes.cli import app
from quotes.store import Store, queries
from quotes.store import core as store_core

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "store" / "q.db"
    with Store(path) as s:
        for n, said in enumerate([[("Ann Lee", "We will build the bridge next year")],
                                  [("Bo Park", "The bridge will cost too much")]]):
            s.add(*make_article(f"a{n}.txt", said))
    assert sorted(os.listdir(path.parent)) == ["q.db"]
    return path


def side_files(path: Path) -> list[str]:
    return sorted(n for n in os.listdir(path.parent) if n != path.name)


@pytest.fixture
def cannot_write(monkeypatch):
    """The store and its folder as a user without write access sees them (tests may run as root, whom
    permissions do not stop: the store's own view of them is what changes)."""
    real = os.access

    def access(path, mode, *args, **kwargs):
        return False if mode & os.W_OK else real(path, mode, *args, **kwargs)

    monkeypatch.setattr(store_core.os, "access", access)


def test_a_store_the_user_cannot_write_is_read_without_creating_files(db, cannot_write, monkeypatch):
    seen: list[list[str]] = []
    lookup = queries.lookup

    def watched(store, *args, **kwargs):  # what the folder holds while the store is open
        seen.append(side_files(db))
        return lookup(store, *args, **kwargs)

    monkeypatch.setattr(queries, "lookup", watched)
    res = CliRunner().invoke(app, ["lookup", "Ann Lee", "--db", str(db), "-f", "json"])
    assert res.exit_code == 0, res.output
    assert "We will build the bridge" in res.stdout
    assert seen == [[]] and side_files(db) == []


@pytest.mark.parametrize("args", [["lookup", "Ann Lee"], ["search", "bridge"], ["speakers"]])
def test_reading_commands_leave_no_side_files(db, args):
    res = CliRunner().invoke(app, [*args, "--db", str(db), "-f", "json"])
    assert res.exit_code == 0, res.output
    assert side_files(db) == []


def test_a_reading_store_writes_nothing(db):
    with Store(db, readonly=True) as s, pytest.raises(Exception, match="readonly|read-only|query_only|attempt to write"):
        s.db.execute("DELETE FROM articles")


@pytest.mark.skipif(ROOT, reason="root ignores file permissions")
@pytest.mark.parametrize("args", [["lookup", "Ann Lee"], ["search", "bridge"], ["speakers"]])
def test_a_read_only_folder_and_file(db, args):
    db.chmod(stat.S_IRUSR)
    db.parent.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        res = CliRunner().invoke(app, [*args, "--db", str(db), "-f", "json"])
        assert res.exit_code == 0, res.output
        assert side_files(db) == []
    finally:
        db.parent.chmod(stat.S_IRWXU)
        db.chmod(stat.S_IRUSR | stat.S_IWUSR)


@pytest.mark.skipif(ROOT, reason="root ignores file permissions")
def test_an_unreadable_store_is_a_permission_problem(db):
    db.chmod(0)
    try:
        res = CliRunner().invoke(app, ["lookup", "Ann Lee", "--db", str(db)])
    finally:
        db.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert res.exit_code == 2
    assert "permission denied" in res.stderr and "not a quotes store" not in res.stderr


def test_an_unreadable_store_is_a_permission_problem_simulated(db, monkeypatch):
    from quotes.errors import StoreError

    real = os.access
    monkeypatch.setattr(store_core.os, "access", lambda p, m, *a, **k: False if m & os.R_OK else real(p, m, *a, **k))
    with pytest.raises(StoreError) as e:
        Store(db, readonly=True)
    assert "permission denied" in str(e.value) and "not a quotes store" not in str(e.value)
