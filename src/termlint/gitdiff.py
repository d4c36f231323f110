"""Which lines changed since a git ref: `--diff-base`, so a pull request is judged on what it
changes, not on what was already there."""

from __future__ import annotations

import codecs
import os
import re
import subprocess

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class GitError(Exception):
    pass


def _git(args: list[str], cwd: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"cannot run git: {exc}") from None
    if done.returncode != 0:
        raise GitError(done.stderr.strip().splitlines()[-1] if done.stderr.strip()
                       else f"git {' '.join(args)} failed")
    return done.stdout


def _unquote(name: str) -> str:
    """git C-quotes unusual file names ("a\\tb.md"); bytes come back as UTF-8."""
    if not (name.startswith('"') and name.endswith('"')):
        return name
    return codecs.escape_decode(name[1:-1].encode("utf-8"))[0].decode("utf-8")


_FETCH_HISTORY = ("fetch the history first (git fetch --unshallow; on GitHub Actions, "
                  "actions/checkout with fetch-depth: 0)")


def _merge_base(ref: str, cwd: str) -> str:
    """The merge base of `ref` and HEAD, or an error that says what to do about it: CI
    checkouts are often shallow, and then git only says that there is no merge base."""
    try:
        return _git(["merge-base", ref, "HEAD"], cwd).strip()
    except GitError as exc:
        failure = str(exc)
    shallow = _git(["rev-parse", "--is-shallow-repository"], cwd).strip() == "true"
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    except GitError:
        where = f"; this clone is shallow: {_FETCH_HISTORY}" if shallow else ""
        raise GitError(f"'{ref}' is not a known commit or branch ({failure}){where}") from None
    if shallow:
        raise GitError(f"no merge base with HEAD: this clone is shallow, so the history that "
                       f"joins them is missing; {_FETCH_HISTORY}") from None
    raise GitError("no merge base with HEAD: the two share no history") from None


def changed_lines(ref: str, cwd: str = ".") -> dict[str, set[int] | None]:
    """Real path of each changed file -> its added or changed line numbers (1-based, in the
    working tree); None for a file that is new and untracked (all of it counts)."""
    root = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    base = _merge_base(ref, cwd)
    diff = _git(["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff",
                 "--unified=0", "--no-renames", base, "--"], root)
    changed: dict[str, set[int] | None] = {}
    current: set[int] | None = None
    in_header = False  # between "diff --git" and the first hunk: where "+++ " names the file
    for line in diff.splitlines():
        if line.startswith("diff --git "):
            in_header, current = True, None
        elif in_header and line.startswith("+++ "):
            name = _unquote(line[4:])
            if name != "/dev/null":  # a deleted file has nothing to lint
                path = os.path.realpath(os.path.join(root, name[2:] if name.startswith("b/")
                                                     else name))
                current = changed.setdefault(path, set())  # type: ignore[assignment]
        elif hunk := _HUNK.match(line):
            in_header = False
            if current is not None:
                start, count = int(hunk.group(1)), int(hunk.group(2) or "1")
                current.update(range(start, start + count))
    for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], root).split("\0"):
        if name:
            changed[os.path.realpath(os.path.join(root, name))] = None
    return changed


def keep(path: str, line: int, end_line: int, document: bool,
         changed: dict[str, set[int] | None]) -> bool:
    """Is a finding on a changed line (or, for a document-level one, in a changed file)?"""
    real = os.path.realpath(path)
    if real not in changed:
        return False
    lines = changed[real]
    if lines is None or document:
        return True
    return any(n in lines for n in range(line, end_line + 1))
