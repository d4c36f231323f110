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
    MAGIC = 0

MAX_ENTRIES = 4_000
ENGINE = f"{MAGIC}-{_sre.CODESIZE if _sre is not None else 0}"  # what compiled code depends on
_WORD = "I" if _sre is not None and _sre.CODESIZE == 4 else "H"  # the engine's code unit

# The code as machine words in bytes: marshal reads bytes far faster than a list of ints.
Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]
_store: dict[tuple[str, int], Entry] = {}
_used: set[tuple[str, int]] = set()
_safe: set[str] = set()  # patterns termlint.regexsafety has passed (a pure function of the text)
_made: dict[tuple[str, int], re.Pattern[str]] = {}  # what from_code made in this process
_pending: str | None = None  # the file kept_in will read on first need
_known = (0, 0)  # sizes of _store and _safe when that file was read


def is_known_safe(pattern: str) -> bool:
    _load()
    return pattern in _safe


def mark_safe(pattern: str) -> None:
    _safe.add(pattern)


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(pattern, flags), from the kept compiled form when there is one."""
    flags = int(flags)
    if _sre is None:
        return re.compile(pattern, flags)
    _load()
    key = (pattern, flags)
    entry = _store.get(key)
    if entry is None:
        # Parsed and compiled once, as re.compile would (a bad pattern raises the same re.error).
        try:
            entry = _compile(pattern, flags)
            compiled = _from_entry(pattern, entry)
        except re.error:
            raise
        except Exception:  # internals of another Python version: just no speed-up
            return re.compile(pattern, flags)
        _store[key] = entry
        _used.add(key)
        return compiled
    _used.add(key)
    try:
        return _from_entry(pattern, entry)
    except Exception:  # a damaged entry: compile it the ordinary way
        del _store[key]
        return re.compile(pattern, flags)


def code_of(compiled: re.Pattern[str]) -> Entry | None:
    """The engine's compiled form of a pattern, for from_code (None on other Pythons)."""
    key = (compiled.pattern, compiled.flags & ~re.UNICODE)
    if key in _store:
        return _store[key]
    try:
        return _compile(*key) if _sre is not None else None
    except Exception:
        return None


def from_code(pattern: str, flags: int, entry: Entry | None) -> re.Pattern[str]:
    """The pattern from what code_of returned; compiled the ordinary way when that fails.

    Rules of one kind share most of their patterns (every conflation rule has the same
    constructions and cue lexicons), so a pattern is made once per process and shared: a
    compiled pattern is immutable."""
    key = (pattern, flags)
    if key not in _made:
        _made[key] = _made_from(pattern, flags, entry)
    return _made[key]


def _made_from(pattern: str, flags: int, entry: Entry | None) -> re.Pattern[str]:
    if entry is not None and _sre is not None:
        try:
            return _from_entry(pattern, entry)
        except Exception:
            pass
    return re.compile(pattern, flags)


def _from_entry(pattern: str, entry: Entry) -> re.Pattern[str]:
    final_flags, code, groups, groupindex, indexgroup = entry
    return _sre.compile(  # type: ignore[no-any-return]
        pattern, final_flags, array.array(_WORD, code).tolist(), groups, groupindex, indexgroup)


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


def _name() -> str:
    return f"regex-{sys.implementation.cache_tag}-{MAGIC}.marshal"


@contextmanager
def kept_in(folder: str | None) -> Iterator[None]:
    """Use and update the compiled patterns kept in `folder` (None: keep nothing). The file
    is read when the first pattern is compiled: a run whose packs were kept never needs it."""
    global _pending
    if folder is None or _sre is None:
        yield
        return
    _pending = os.path.join(folder, _name())
    try:
        yield
    finally:
        path, _pending = _pending, None
    if path is None and _known != (len(_store), len(_safe)):  # read, and something new
        _save(folder)


def _load() -> None:
    """Read the kept patterns, on the first need for them inside kept_in."""
    global _pending, _known
    if _pending is None:
        return
    path, _pending = _pending, None
    try:
        with open(path, "rb") as handle:
            loaded: Any = marshal.load(handle)
        if isinstance(loaded, dict):
            _store.update(loaded["code"])
            _safe.update(loaded["safe"])
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        pass  # no file yet, or a damaged one: it is rewritten when kept_in ends
    _known = len(_store), len(_safe)


def _save(folder: str) -> None:
    from termlint.cache import keep_file

    code = _store if len(_store) <= MAX_ENTRIES else {k: _store[k] for k in _used}
    keep = {"code": code, "safe": sorted(_safe)[:MAX_ENTRIES]}
    keep_file(folder, _name(), marshal.dumps(keep))
