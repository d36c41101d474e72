"""The Dask recipe: extraction as a map over partitions on a local cluster, JSONL partitions out."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotes import parallel
from quotes.model import Quote
from quotes.render.quotes import jsonl_line

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_the_core_does_not_import_dask():
    code = ("import sys, quotes.cli, quotes.parallel, quotes.ingest, quotes.extract\n"
            "from typer.testing import CliRunner\n"
            "r = CliRunner().invoke(quotes.cli.app, ['extract', '--help'])\n"
            "assert r.exit_code == 0, r.output\n"
            "print(sorted(m for m in sys.modules if m == 'dask' or m.startswith(('dask.', 'distributed'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  worker_dashboard_address=None) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.mark.model
@pytest.mark.slow
def test_local_cluster_writes_the_rows_quotes_extract_prints(client, tmp_path):
    from quotes.dask import extract_to_jsonl

    inputs = tmp_path / "in"
    inputs.mkdir()
    for p in sorted(SEEDS.glob("*.txt")):
        (inputs / p.name).write_bytes(p.read_bytes())
    (inputs / "zz_empty.txt").write_text("  \n", encoding="utf-8")  # partition 3, with the next
    (inputs / "zz_no_quotes.txt").write_text("No quotes at all here.\n", encoding="utf-8")  # so partition 3 has no quote
    (inputs / "yy_rows.jsonl").write_text(
        json.dumps({"id": "r1", "text": "The mayor said: “We will build it.”"}) + "\n" + '{"id": "r2"}\n',
        encoding="utf-8")

    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "part-00009.jsonl").write_text("{}\n", encoding="utf-8")  # an earlier run's
    run = extract_to_jsonl([str(inputs)], tmp_path / "out", files_per_partition=2)  # 8 files, 4 partitions

    assert [Path(p).name for p in run.quotes] == [f"part-{i:05d}.jsonl" for i in range(3)]  # partition 3 found no quote
    assert sorted(p.name for p in (tmp_path / "out").glob("*.jsonl")) == [Path(p).name for p in run.quotes]
    lines = [line for part in run.quotes for line in Path(part).read_text(encoding="utf-8").splitlines()]
    from quotes import ingest

    expected = [jsonl_line(q) for _, qs in parallel.extract_serial(
        a for a in ingest.read([str(inputs)]) if not isinstance(a, ingest.Problem)) for q in qs]
    assert lines == expected
    assert len(lines) > 0
    assert all(Quote.from_dict(json.loads(line)).to_dict() == json.loads(line) for line in lines)

    problems = [json.loads(line) for part in run.problems for line in Path(part).read_text(encoding="utf-8").splitlines()]
    assert sorted(p["path"] for p in problems) == sorted([f"{inputs}/zz_empty.txt", f"{inputs}/yy_rows.jsonl:2"])


@pytest.mark.model
def test_nothing_to_read_is_an_input_error(client, tmp_path):
    from quotes.dask import extract_to_jsonl
    from quotes.errors import InputError

    with pytest.raises(InputError):
        extract_to_jsonl([str(tmp_path / "missing")], tmp_path / "out")
