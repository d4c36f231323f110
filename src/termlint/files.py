"""Expand the command line's paths into the Markdown files to lint."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import NamedTuple

MARKDOWN_SUFFIXES = (".md", ".markdown")
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__"})


class Target(NamedTuple):
    path: str  # what to open, and the path findings show
    explicit: bool  # named on the command line (linted whatever its suffix)
    missing: bool = False


def is_markdown(name: str) -> bool:
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def _walk(folder: str) -> Iterator[str]:
    # os.walk does not follow symlinked folders, so a symlink loop cannot trap us.
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS)
        # A folder named like a Markdown file is reported (reading it fails), not entered.
        names = sorted([*names, *(d for d in dirs if is_markdown(d))])
        dirs[:] = [d for d in dirs if not is_markdown(d)]
        for name in names:
            if is_markdown(name):
                yield os.path.join(root, name)


def expand(paths: list[str]) -> list[Target]:
    """Files in command-line order; folders expand to their Markdown files, sorted."""
    targets: list[Target] = []
    seen: set[str] = set()
    for path in paths:
        if os.path.isdir(path) and not is_markdown(path.rstrip("/\\")):
            found = [Target(_display(p), explicit=False) for p in _walk(path)]
        elif os.path.lexists(path):
            found = [Target(_display(path), explicit=True)]
        else:
            found = [Target(path, explicit=True, missing=True)]
        for target in found:
            if target.path not in seen:
                seen.add(target.path)
                targets.append(target)
    return targets


def _display(path: str) -> str:
    """A tidy path: `./docs//a.md` shows as `docs/a.md`."""
    return os.path.normpath(path)
