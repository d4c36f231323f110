"""A wall-clock budget per file, so no pattern and no input can hang a CI job.

Patterns are user data and Python's regex engine backtracks; regexsafety refuses the classic
exponential shapes at load time, and this budget stops whatever slips through. The regex engine
checks for signals while it matches, so a SIGALRM interrupts even a single long match.
Where there is no SIGALRM (Windows) or we are not on the main thread, there is no budget.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

BASE_SECONDS = 10.0
SECONDS_PER_MB = 20.0  # about 20x what a megabyte of prose takes to lint


class OutOfTime(Exception):
    pass


def default_for(size: int) -> float:
    """The budget for a file of `size` characters: generous for the file's size, small in
    absolute terms for the small files a hang would come from."""
    return BASE_SECONDS + SECONDS_PER_MB * size / 1_000_000


def _raise(signum: int, frame: Any) -> None:
    raise OutOfTime


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Raise OutOfTime in the body once `seconds` have passed (None or 0: no limit)."""
    usable = (
        seconds
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
