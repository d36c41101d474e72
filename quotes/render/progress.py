"""A progress bar on stderr, silent when stderr is not a terminal.

It never touches stdout: rich's default of redirecting stdout into the live display would send results
meant for a file or a pipe to the screen instead. Warnings written to stderr while it runs print above it."""
from __future__ import annotations

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


class Progressbar:
    def __init__(self, total: int, enabled: bool, label: str = "articles"):
        self.progress = None
        if enabled:
            from quotes.render.terminal import make_console

            self.progress = Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                     console=make_console(stderr=True), transient=True,
                                     redirect_stdout=False, redirect_stderr=True)
            self.task = self.progress.add_task(label, total=total)

    def __enter__(self) -> Progressbar:
        if self.progress:
            self.progress.start()
        return self

    def advance(self, n: int = 1) -> None:
        if self.progress:
            self.progress.advance(self.task, n)

    def __exit__(self, *exc) -> None:
        if self.progress:
            self.progress.stop()
