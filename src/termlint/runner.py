"""The per-file work (lint, or fix), run in this process or in forked worker processes.

Workers are forked after the linters are built, so each inherits them ready to use; results come
back in the order of the files, so the output does not depend on --jobs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple

from termlint.cache import Cache
from termlint.findings import FileError, Finding
from termlint.linter import Linter

MIN_FILES_PER_WORKER = 16  # below this, starting workers costs more than it saves


class Mode(NamedTuple):
    fix: bool = False  # compute fixes (--fix or --diff)
    write: bool = False  # and write them (--fix)
    unsafe: bool = False
    cache: Cache | None = None


class Outcome(NamedTuple):
    path: str
    findings: Sequence[Finding] = ()
    error: FileError | None = None
    fixed: int = 0
    diff: str = ""


# Set before the workers fork; they inherit it (linters hold compiled patterns, which are
# cheaper to inherit than to rebuild).
_LINTERS: list[tuple[Linter, str]] = []
_MODE = Mode()


def _one(job: tuple[str, int]) -> Outcome:
    try:
        return _work(job)
    except Exception as exc:  # a bug of ours must not stop the other files
        problem = f"internal error in termlint ({type(exc).__name__}: {exc}); please report it"
        return Outcome(job[0], error=FileError(job[0], problem))


def _work(job: tuple[str, int]) -> Outcome:
    path, which = job
    linter, rules = _LINTERS[which]
    if _MODE.fix:
        from termlint import fixes

        result = fixes.fix_path(linter, path, _MODE.unsafe, write=_MODE.write)
        return Outcome(path, result.findings, result.error, result.fixed,
                       result.diff() if result.changed else "")
    if _MODE.cache is None:
        done = linter.lint_path(path)
        return Outcome(path, done.findings, done.error)
    return _cached(linter, rules, path, _MODE.cache)


def _cached(linter: Linter, rules: str, path: str, cache: Cache) -> Outcome:
    from termlint.source import SourceError, decode, read_bytes

    try:
        data = read_bytes(path, linter.max_bytes)
    except SourceError as exc:
        return Outcome(path, error=FileError(path, exc.message, exc.line))
    key = Cache.key(data, path, rules)
    found = cache.get(key)
    if found is not None:
        return Outcome(path, found)
    try:
        source = decode(data, path)
    except SourceError as exc:
        return Outcome(path, error=FileError(path, exc.message, exc.line))
    done = linter.lint_source(source)
    if done.error is None:
        cache.put(key, done.findings)
    return Outcome(path, done.findings, done.error)


def run(jobs: Sequence[tuple[str, int]], linters: Sequence[tuple[Linter, str]], mode: Mode,
        workers: int, tick: Callable[[], None] = lambda: None) -> Iterator[Outcome]:
    """Outcomes of the jobs (path, index into `linters`), in order."""
    global _MODE
    _LINTERS[:] = linters
    _MODE = mode
    workers = min(workers, len(jobs) // MIN_FILES_PER_WORKER)
    if workers > 1:
        import multiprocessing  # only now: importing it costs a small run ~20 ms

        if "fork" not in multiprocessing.get_all_start_methods():
            workers = 1
    if workers <= 1:
        for job in jobs:
            tick()
            yield _one(job)
        return
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        for outcome in pool.imap(_one, jobs, chunksize=max(1, len(jobs) // (workers * 8))):
            tick()
            yield outcome


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)
