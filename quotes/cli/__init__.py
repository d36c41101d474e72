"""The command line (`quotes`): parse, call the library, render, map errors to exit codes.

The only package that imports typer. `common` holds the app and what every command shares; each other
module adds its commands to the app.
"""
from __future__ import annotations

import os
import sys

# each module adds its commands to the app; `quotes --help` lists them in this order
from quotes.cli import check, claims, compare, extract, store  # noqa: F401,I001
from quotes.cli.common import app, warn
from quotes.errors import EXIT_INTERNAL, EXIT_INTERRUPTED

__all__ = ["app", "main"]


# ---- entry point ----------------------------------------------------------------------------------

class Interrupted(BaseException):
    """Ctrl-C, raised past click (which would turn KeyboardInterrupt into exit code 1)."""


def _on_sigint(signum, frame) -> None:
    raise Interrupted()


def main() -> None:
    import signal

    signal.signal(signal.SIGINT, _on_sigint)
    try:
        app(prog_name="quotes")
    except Interrupted:
        warn("interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as e:  # a bug: one line and its own exit code, so `check` in CI never reads it as findings
        if os.environ.get("QUOTES_DEBUG"):
            raise
        first = (str(e).splitlines() or [""])[0][:200]
        warn(f"internal error ({type(e).__name__}: {first}); please report it (QUOTES_DEBUG=1 shows the traceback)")
        sys.exit(EXIT_INTERNAL)
