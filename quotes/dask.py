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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import dask
import dask.bag as db

from quotes import ingest
from quotes.errors import InputError
from quotes.model import Article
from quotes.parallel import extract_batch, extractor_for
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


def _rows(items: Iterable[Article | ingest.Problem], model: str | None) -> list[tuple[str, str]]:
    """One partition: ("q", a quotes-extract JSONL row) per quote, ("p", a problem row) per bad input."""
    articles, out = [], []
    for item in items:
        if isinstance(item, ingest.Problem):
            out.append((_PROBLEM, json.dumps({"path": item.path, "message": item.message}, ensure_ascii=False)))
        else:
            articles.append(item)
    quotes = extract_batch(extractor_for(model), articles) if articles else []
    for found in quotes:
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
    parts = max(1, -(-len(files) // files_per_partition))
    bag = db.from_sequence(files, npartitions=parts).map_partitions(extract_files_partition, model=model)
    return bag, problems


def write_jsonl(bag: db.Bag, out_dir: str | Path, problems: Sequence[ingest.Problem] = ()) -> DaskRun:
    """Compute `bag` once, writing quote rows to `out_dir/part-*.jsonl`, problems to `out_dir/problems/`."""
    out = Path(out_dir)
    (out / "problems").mkdir(parents=True, exist_ok=True)
    quotes = bag.filter(lambda r: r[0] == _QUOTE).map(lambda r: r[1])
    bad = bag.filter(lambda r: r[0] == _PROBLEM).map(lambda r: r[1])
    names = lambda i: f"{i:05d}"  # noqa: E731 - dask wants a callable
    dask.compute(
        quotes.to_textfiles(str(out / "part-*.jsonl"), name_function=names, compute=False, last_endline=True),
        bad.to_textfiles(str(out / "problems" / "part-*.jsonl"), name_function=names, compute=False,
                         last_endline=True),
    )
    q_files = tuple(sorted(str(p) for p in out.glob("part-*.jsonl")))
    extra = "\n".join(json.dumps({"path": p.path, "message": p.message}, ensure_ascii=False) for p in problems)
    if extra:
        (out / "problems" / "client.jsonl").write_text(extra + "\n", encoding="utf-8")
    p_files = tuple(sorted(str(p) for p in (out / "problems").glob("*.jsonl")))
    return DaskRun(quotes=q_files, problems=p_files)


def extract_to_jsonl(paths: Iterable[str], out_dir: str | Path, model: str | None = None,
                     files_per_partition: int = FILES_PER_PARTITION) -> DaskRun:
    """Extract every article under `paths` on the current Dask scheduler into JSONL partitions in `out_dir`."""
    bag, problems = files_bag(paths, files_per_partition, model)
    return write_jsonl(bag, out_dir, problems)
