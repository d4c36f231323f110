"""--fix and --diff: apply the fixes findings offer, safely.

Fixes that overlap are not applied together (the first wins, the rest wait for the next pass);
the file is re-linted after each pass until nothing more changes. Only the fixed spans change:
the BOM, line endings and every other byte stay as they were. Writes are atomic (a temporary
file in the same folder, fsync, rename), keep the file's mode and (where allowed) owner, and are
refused when the file changed on disk since it was read.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field

from termlint.findings import FileError, Finding
from termlint.linter import Linter, LintFailed
from termlint.source import Source, SourceError, decode, read_bytes

MAX_PASSES = 10  # fixes that keep producing new fixes stop here


@dataclass
class FixResult:
    path: str
    findings: list[Finding] = field(default_factory=list)  # what remains after fixing
    fixed: int = 0
    original: str = ""
    text: str = ""  # the fixed text
    error: FileError | None = None

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def diff(self) -> str:
        """A unified diff as git and patch expect it: lines end at \\n only, a last line
        without one is marked, and paths are relative to the current folder behind git's
        a/ and b/ prefixes, so `git apply` (or `patch -p1`) run from there applies it."""
        import difflib

        out = []
        where = _patch_path(self.path)
        for line in difflib.unified_diff(_lines(self.original), _lines(self.text),
                                         fromfile=f"a/{where}", tofile=f"b/{where}"):
            out.append(line)
            if not line.endswith("\n"):
                out.append("\n\\ No newline at end of file\n")
        return "".join(out)


def _patch_path(path: str) -> str:
    if path == "-":
        return path
    return os.path.relpath(os.path.abspath(path)).replace(os.sep, "/")


def _lines(text: str) -> list[str]:
    return [line for line in re.split(r"(?<=\n)", text) if line]


def applicable(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (unsafe or finding.fix.applicability == "safe")


def apply(text: str, findings: Sequence[Finding], unsafe: bool) -> tuple[str, int]:
    """Apply the non-overlapping fixes to `text` (findings' offsets index it)."""
    chosen: list[Finding] = []
    for finding in sorted((f for f in findings if applicable(f, unsafe)),
                          key=Finding.fix_span):
        if chosen and finding.fix_span()[0] < chosen[-1].fix_span()[1]:
            continue  # overlaps the previous fix: next pass
        chosen.append(finding)
    pieces, position = [], 0
    for finding in chosen:
        assert finding.fix is not None
        start, end = finding.fix_span()
        pieces += [text[position:start], finding.fix.replacement]
        position = end
    pieces.append(text[position:])
    return "".join(pieces), len(chosen)


def fix_source(linter: Linter, source: Source, unsafe: bool) -> FixResult:
    """Fix in memory, re-linting until nothing more changes."""
    result = FixResult(source.path, original=source.text, text=source.text)
    try:
        with linter.guard(source):
            findings = linter.lint(source)
            for _ in range(MAX_PASSES):
                text, count = apply(result.text, findings, unsafe)
                if count == 0:
                    break
                result.text, result.fixed = text, result.fixed + count
                findings = linter.lint(Source(source.path, text, source.bom))
            result.findings = findings
    except LintFailed as exc:
        result.error = exc.error
        result.text, result.fixed = result.original, 0  # never write half-done work
    return result


def fix_path(linter: Linter, path: str, unsafe: bool, write: bool) -> FixResult:
    """Fix one file; with `write`, replace it atomically when something changed."""
    try:
        data = read_bytes(path, linter.max_bytes)
        source = decode(data, path)
    except SourceError as exc:
        return FixResult(path, error=FileError(path, exc.message, exc.line))
    result = fix_source(linter, source, unsafe)
    if write and result.changed:
        encoded = ("\ufeff" if source.bom else "") + result.text
        try:
            write_atomic(path, encoded.encode("utf-8"), expected=data)
        except FixRefused as exc:
            result.error = FileError(path, str(exc))
            # Nothing was written: report the original.
            result.findings = linter.lint_source(source).findings
            result.fixed, result.text = 0, result.original
    return result


class FixRefused(Exception):
    pass


def write_atomic(path: str, data: bytes, expected: bytes) -> None:
    """Replace `path` with `data`, unless it no longer holds `expected`."""
    try:
        with open(path, "rb") as handle:
            current = handle.read()
        info = os.stat(path)
    except OSError as exc:
        raise FixRefused(f"not fixed: {exc.strerror or exc}") from None
    if current != expected:
        raise FixRefused("not fixed: the file changed on disk while termlint was running")
    mode = stat.S_IMODE(info.st_mode)
    if not mode & stat.S_IWUSR:
        # Renaming over it would work, but read-only says: leave me alone.
        raise FixRefused("not fixed: the file is read-only")
    # Write through the symlink to the real file, so the link itself survives.
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    import tempfile  # only when fixing: importing it costs a small run ~5 ms

    try:
        handle, temp = tempfile.mkstemp(prefix=".termlint-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise FixRefused(f"not fixed: cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if hasattr(os, "chown"):
            # Root fixing a writer's file must leave it theirs, not root's. Other users may not
            # give files away, so a refusal is no error. Before chmod: chown clears setuid bits.
            with contextlib.suppress(OSError):
                os.chown(temp, info.st_uid, info.st_gid)
        os.chmod(temp, mode)
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise FixRefused(f"not fixed: {exc.strerror or exc}") from None
    _fsync_folder(folder)


def _fsync_folder(folder: str) -> None:
    # Makes the rename itself durable; not every platform can open a folder.
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
