"""Errors the library raises for the CLI to turn into one line on stderr and an exit code."""
from __future__ import annotations

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3  # some inputs could not be read (each named on stderr); the rest were processed
EXIT_INTERNAL = 70  # a bug in quotes (sysexits EX_SOFTWARE), never a finding or the user's input
EXIT_INTERRUPTED = 130
EXIT_CLOSED_PIPE = 141  # the reader of stdout went away (`| head`): 128 + SIGPIPE, as the shell reports other tools


class QuotesError(Exception):
    """A problem the user can fix; the message is one line and names the file where there is one."""

    exit_code = EXIT_USAGE


class InputError(QuotesError):
    """An input that cannot be read as an article."""


class ModelError(QuotesError):
    """No usable spaCy pipeline."""


class StoreError(QuotesError):
    """A store that cannot be opened or written."""
