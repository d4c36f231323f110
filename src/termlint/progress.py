"""A progress line on stderr for long runs in a terminal; silent everywhere else."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

MIN_FILES = 200  # shorter runs finish before a progress line would help
INTERVAL = 0.1  # seconds between redraws


class Progress:
    def __init__(self, total: int, enabled: bool, stream: TextIO | None = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.enabled = enabled and total >= MIN_FILES
        self.done = 0
        self._drawn = 0.0

    @staticmethod
    def wanted(fmt: str, stream: TextIO | None = None) -> bool:
        """Only for people: a terminal, text output, and not a CI log."""
        stream = stream or sys.stderr
        return fmt == "text" and stream.isatty() and not os.environ.get("CI")

    def step(self) -> None:
        self.done += 1
        if self.enabled and (time.monotonic() - self._drawn >= INTERVAL
                             or self.done == self.total):
            width = 30
            filled = width * self.done // self.total
            bar = "#" * filled + "-" * (width - filled)
            self.stream.write(f"\rtermlint [{bar}] {self.done}/{self.total} files")
            self.stream.flush()
            self._drawn = time.monotonic()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[2K")  # clear the line: the report comes next
            self.stream.flush()
