"""Extraction past one machine: the library as a map over the partitions of a Dask bag.

Needs the optional extra `quotes[dask]`; nothing else in the package imports this module.

    from dask.distributed import Client
    from quotes.dask import extract_to_jsonl

    with Client("scheduler:8786"):
        run = extract_to_jsonl(["archive/"], "out/")

Each partition is a list of input files (any kind `quotes extract` reads); every worker process builds the
extractor once and reuses it for every partition it gets. The output is one `part-NNNNN.jsonl` file per
partition, each line exactly a row of `quotes extract --format jsonl`, so a folder of partitions is what
`quotes compare --from-quotes` and `quotes add --from-quotes` read. Inputs that cannot be read are listed,
one JSON object a line (`{"path": ..., "message": ...}`), in `problems/part-NNNNN.jsonl`.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import dask
import dask.bag as db

from quotes import ingest
from quotes.errors import InputError
from quotes.model import Article
from quotes.parallel import extract_serial
from quotes.render.quotes import jsonl_line

FILES_PER_PARTITION = 64

_QUOTE, _PROBLEM = "q", "p"


@dataclass(frozen=True)
class DaskRun:
    """What `extract_to_jsonl` wrote."""

    quotes: tuple[str, ...]  # the JSONL partitions of quote rows, in input order
    problems: tuple[str, ...]  # the JSONL partitions of unreadable inputs


def input_files(paths: Iterable[str]) -> tuple[list[str], list[ingest.Problem]]:
    """The article files named by `paths` (folders recursively), in the order `quotes extract` reads them."""
    files, problems = [], []
    for item in ingest.expand(paths):
        if isinstance(item, ingest.Problem):
            problems.append(item)
        elif item[1] is None:
            problems.append(ingest.Problem("-", "stdin cannot be split into partitions; name files or folders"))
        else:
            files.append(item[0])
    return files, problems


def problem_line(problem: ingest.Problem) -> str:
    return json.dumps({"path": problem.path, "message": problem.message}, ensure_ascii=False)


def _rows(items: Iterable[Article | ingest.Problem], model: str | None) -> list[tuple[str, str]]:
    """One partition: ("q", a quotes-extract JSONL row) per quote, ("p", a problem row) per bad input."""
    out: list[tuple[str, str]] = []

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, ingest.Problem):
                out.append((_PROBLEM, problem_line(item)))
            else:
                yield item

    for _, found in extract_serial(articles(), model):
        out.extend((_QUOTE, jsonl_line(q)) for q in found)
    return out


def extract_files_partition(files: Sequence[str], model: str | None = None) -> list[tuple[str, str]]:
    """The map over a partition of file paths (read on the worker, so the client never holds the texts)."""
    return _rows(ingest.read(list(files)), model)


def files_bag(paths: Iterable[str], files_per_partition: int = FILES_PER_PARTITION,
              model: str | None = None) -> tuple[db.Bag, list[ingest.Problem]]:
    """A bag of tagged rows from the article files under `paths`, `files_per_partition` files a partition."""
    files, problems = input_files(paths)
    if not files:
        raise InputError("nothing to read")
    bag = db.from_sequence(files, partition_size=files_per_partition).map_partitions(extract_files_partition,
                                                                                      model=model)
    return bag, problems


def write_partition(rows: list[tuple[str, str]], out: Path, index: int) -> tuple[str | None, str | None]:
    """Write one partition's quote rows to `part-NNNNN.jsonl` and its problems under `problems/`.

    A file is written only when it has rows (whole: a temporary sibling renamed into place).
    """
    written = []
    for folder, tag in ((out, _QUOTE), (out / "problems", _PROBLEM)):
        lines = [text for kind, text in rows if kind == tag]
        if not lines:
            written.append(None)
            continue
        path = folder / f"part-{index:05d}.jsonl"
        tmp = path.with_name(f".{path.name}.part")
        tmp.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        tmp.replace(path)
        written.append(str(path))
    return written[0], written[1]


def write_jsonl(bag: db.Bag, out_dir: str | Path, problems: Sequence[ingest.Problem] = ()) -> DaskRun:
    """Compute `bag` of tagged rows, each partition writing its own JSONL files under `out_dir`.

    The `part-*.jsonl` files an earlier run left in `out_dir` are removed first.
    """
    out = Path(out_dir)
    (out / "problems").mkdir(parents=True, exist_ok=True)
    for stale in [*out.glob("part-*.jsonl"), *(out / "problems").glob("*.jsonl")]:
        stale.unlink()  # an earlier run's partitions: never mixed with this run's
    tasks = [dask.delayed(write_partition)(part, out, i) for i, part in enumerate(bag.to_delayed())]
    written = dask.compute(*tasks)
    bad = [str(p) for _, p in written if p]
    if problems:
        path = out / "problems" / "inputs.jsonl"
        path.write_text("".join(problem_line(p) + "\n" for p in problems), encoding="utf-8")
        bad.insert(0, str(path))
    return DaskRun(quotes=tuple(q for q, _ in written if q), problems=tuple(bad))


def extract_to_jsonl(paths: Iterable[str], out_dir: str | Path, model: str | None = None,
                     files_per_partition: int = FILES_PER_PARTITION) -> DaskRun:
    """Extract every article under `paths` on the current Dask scheduler into JSONL partitions in `out_dir`."""
    bag, problems = files_bag(paths, files_per_partition, model)
    return write_jsonl(bag, out_dir, problems)
