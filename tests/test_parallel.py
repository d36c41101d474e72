"""`quotes extract --jobs N`: the pool keeps the input order, reads lazily, and reports worker errors."""
from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quotes import parallel
from quotes.cli import app
from quotes.model import Article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()


@pytest.mark.parametrize(("jobs", "expected"), [
    (1, 1),
    (2, 2),
    (7, 7),
    (0, len(os.sched_getaffinity(0))),
])
def test_resolve_jobs(jobs, expected):
    assert parallel.resolve_jobs(jobs) == expected


@pytest.mark.parametrize("jobs", [-1, -8])
def test_resolve_jobs_rejects_negative(jobs):
    with pytest.raises(ValueError):
        parallel.resolve_jobs(jobs)


@pytest.mark.parametrize(("items", "size", "expected"), [
    ([], 3, []),
    ([1], 3, [[1]]),
    (range(6), 3, [[0, 1, 2], [3, 4, 5]]),
    (range(7), 3, [[0, 1, 2], [3, 4, 5], [6]]),
    (iter("abc"), 1, [["a"], ["b"], ["c"]]),
])
def test_batched(items, size, expected):
    assert list(parallel.batched(items, size)) == expected


def test_negative_jobs_is_a_usage_error():
    result = runner.invoke(app, ["extract", "--jobs", "-1", str(SEEDS)])
    assert result.exit_code == 2


# ---- with the pipeline --------------------------------------------------------------------------

def corpus() -> list[Article]:
    """The seeds, and articles made by shuffling their paragraphs (more batches than workers)."""
    seeds = [Article(path=p.name, text=p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    paras = [para for a in seeds for para in a.text.split("\n\n") if para.strip()]
    made = [Article(path=f"made-{i}", text="\n\n".join(paras[(i * 7 + k * 3) % len(paras)] for k in range(4)))
            for i in range(36)]
    return seeds + made


def endless(pulled: itertools.count):
    """The corpus over and over, counting every article taken."""
    for a in itertools.cycle(corpus()):
        next(pulled)
        yield a


def rows(results) -> list[tuple[str, list[dict]]]:
    return [(a.path, [q.to_dict() for q in quotes]) for a, quotes in results]


@pytest.fixture(scope="module")
def pool():
    with parallel.ExtractorPool(None, jobs=2, batch=3, in_flight=1) as p:
        yield p


@pytest.fixture(scope="module")
def serial_rows():
    return rows(parallel.extract_serial(corpus(), None))


@pytest.mark.model
def test_memory_zones_do_not_change_what_the_extractor_finds(serial_rows):
    extractor = parallel.extractor_for(None)
    assert rows(extractor.extract_many(corpus())) == serial_rows
    assert rows(parallel.extract_serial(corpus(), None, batch=4)) == serial_rows  # many zones, one after another


@pytest.mark.model
def test_pool_gives_the_serial_results_in_input_order(pool, serial_rows):
    assert rows(pool.extract_many(corpus())) == serial_rows
    assert sum(len(qs) for _, qs in serial_rows) > 0


@pytest.mark.model
def test_pool_reads_its_input_lazily(pool):
    pulled = itertools.count()
    stream = pool.extract_many(endless(pulled))
    next(stream)
    # at most the in-flight batches (jobs x in_flight) and the one being queued were read
    assert next(pulled) <= pool.batch * (pool.limit + 1)
    stream.close()


@pytest.mark.model
def test_serial_stream_reads_its_input_lazily(serial_rows):
    pulled = itertools.count()
    stream = parallel.extract_serial(endless(pulled), None, batch=4)
    next(stream)
    assert next(pulled) <= 4


@pytest.mark.model
def test_a_batch_leaves_no_strings_in_the_vocabulary(serial_rows):
    extractor = parallel.extractor_for(None)
    strings = extractor.nlp.vocab.strings
    invented = [Article(path=f"x{i}", text=f"Zorblax{i}qua Venthrim{i}o said: “Quintrelle{i} florbs the glimmex{i}.”")
                for i in range(20)]
    before = len(strings)
    found = parallel.extract_batch(extractor, invented)
    assert len(found) == len(invented)
    assert len(strings) == before


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_cli_jobs_2_prints_what_jobs_1_prints(fmt, tmp_path):
    one = runner.invoke(app, ["extract", "--format", fmt, "--jobs", "1", str(SEEDS)])
    two = runner.invoke(app, ["extract", "--format", fmt, "--jobs", "2", str(SEEDS)])
    assert one.exit_code == 0 and two.exit_code == 0, (one.output, two.output)
    assert two.stdout == one.stdout
    if fmt == "jsonl":
        assert [json.loads(line)["article"] for line in one.stdout.splitlines()]


@pytest.mark.model
def test_cli_jobs_reports_a_model_that_workers_cannot_load():
    result = runner.invoke(app, ["extract", "--jobs", "2", "--model", "no_such_pipeline_xyz", str(SEEDS)])
    assert result.exit_code == 2
    assert "no_such_pipeline_xyz" in result.stderr
    assert isinstance(result.exception, SystemExit)  # no exception escaped the command
    assert result.stdout == ""


@pytest.mark.model
def test_cli_jobs_2_reports_the_warnings_jobs_1_reports(tmp_path):
    for n in range(5):
        (tmp_path / f"a{n}.txt").write_text(f"Story {n}.\n\nShe said: “This quote never closes.\n\nAnd then {n}.\n",
                                            encoding="utf-8")
    one = runner.invoke(app, ["extract", "--format", "jsonl", "--jobs", "1", str(tmp_path)])
    two = runner.invoke(app, ["extract", "--format", "jsonl", "--jobs", "2", str(tmp_path)])
    assert one.exit_code == 0 and two.exit_code == 0
    warned = [line for line in one.stderr.splitlines() if line.startswith("quotes: ")]
    assert len(warned) == 5 and all("a" in line for line in warned)
    assert two.stderr == one.stderr


@pytest.mark.model
def test_a_worker_that_dies_is_an_error_not_a_hang():
    import signal

    with parallel.ExtractorPool(None, jobs=2) as doomed:
        stream = doomed.extract_many(itertools.cycle(corpus()))
        next(stream)
        for pid in doomed.pids:
            os.kill(pid, signal.SIGKILL)
        with pytest.raises(parallel.WorkerError, match="worker process stopped"):
            for _ in stream:
                pass
