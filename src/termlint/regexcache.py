"""Compiled rule patterns kept between runs, so a pre-commit run on one file starts fast.

Compiling the bundled pack's patterns (large alternations of lexicon entries) is most of the
time a small run takes, and it is the same work every time. Python cannot pickle a compiled
pattern (unpickling compiles it again), but the regex engine's compiled form is a list of
integers: we keep that list, keyed by pattern, flags and the engine's version, in
`.termlint_cache/`, and hand it back to the engine next time. The engine validates such code
before using it. Anything unexpected (another Python, a damaged file) falls back to re.compile.
"""

from __future__ import annotations

import array
import marshal
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

try:  # the engine's internals, as re.compile itself uses them (Python 3.11+)
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]
    from re._constants import MAGIC  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - other Pythons: plain re.compile
    _sre = None  # type: ignore[assignment]

MAX_ENTRIES = 4_000
_WORD = "I" if _sre is not None and _sre.CODESIZE == 4 else "H"  # the engine's code unit

# The code as machine words in bytes: marshal reads bytes far faster than a list of ints.
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_store: dict[tuple[str, int], Entry] = {}
_used: set[tuple[str, int]] = set()
_safe: set[str] = set()  # patterns termlint.regexsafety has passed (a pure function of the text)


def is_known_safe(pattern: str) -> bool:
    return pattern in _safe


def mark_safe(pattern: str) -> None:
    _safe.add(pattern)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), from the kept compiled form when there is one."""
    flags = int(flags)
    if _sre is None:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    entry = _store.get(key)
    if entry is None:
        compiled = re.compile(pattern, flags)  # a bad pattern raises re.error, as callers expect
        try:
            _store[key] = _compile(pattern, flags)
        except Exception:  # internals of another Python version: just no speed-up
            return compiled
        _used.add(key)
        return compiled
    _used.add(key)
    try:
        final_flags, code, groups, groupindex, indexgroup = entry
        return _sre.compile(  # type: ignore[no-any-return]
            pattern, final_flags, array.array(_WORD, code).tolist(), groups, groupindex, indexgroup)
    except Exception:  # a damaged entry: compile it the ordinary way
        del _store[key]
        return re.compile(pattern, flags)


def _compile(pattern: str, flags: int) -> Entry:
    """What re.compile computes before handing a pattern to the engine (re/_compiler.py)."""
    parsed = _parser.parse(pattern, flags)
    words = array.array(_WORD, map(int, _compiler._code(parsed, flags)))
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), words.tobytes(), parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def _file(folder: str) -> str:
    return os.path.join(folder, f"regex-{sys.implementation.cache_tag}-{MAGIC}.marshal")


@contextmanager
def kept_in(folder: str | None) -> Iterator[None]:
    """Use and update the compiled patterns kept in `folder` (None: keep nothing)."""
    if folder is None or _sre is None:
        yield
        return
    path = _file(folder)
    try:
        with open(path, "rb") as handle:
            loaded: Any = marshal.load(handle)
        if isinstance(loaded, dict):
            _store.update(loaded["code"])
            _safe.update(loaded["safe"])
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        pass  # no file yet, or a damaged one: it is rewritten below
    known = len(_store), len(_safe)
    yield
    if (len(_store), len(_safe)) != known:  # something new to keep
        _save(path)


def _save(path: str) -> None:
    code = _store if len(_store) <= MAX_ENTRIES else {k: _store[k] for k in _used}
    keep = {"code": code, "safe": sorted(_safe)[:MAX_ENTRIES]}
    try:
        import tempfile  # only when there is something to write: it costs a small run ~7 ms

        from termlint.cache import ignore_folder

        os.makedirs(os.path.dirname(path), exist_ok=True)
        ignore_folder(os.path.dirname(path))
        # Atomic, so a run reading it never sees half a file.
        fd, temp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".regex-", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            marshal.dump(keep, handle)
        os.replace(temp, path)
    except OSError:
        pass  # a read-only checkout: just no speed-up next time
