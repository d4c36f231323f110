"""Configuration files' settings kept between runs, so a small run reads no YAML or TOML.

Importing PyYAML and composing `.termlint.yaml` costs a one-file pre-commit run about a fifth
of its time, for a file that rarely changes. We keep what the reader took out of the file (the
settings and their lines, before they are turned into a `Config`) as JSON in
`.termlint_cache/configs/`, keyed by the file's text, its path and termlint's code. JSON,
not a pickle: it is plain data, and reading it can build nothing else. A file whose settings
JSON cannot hold exactly (a date, a number as a mapping key) is simply not kept. One entry per
configuration file path, so an edit replaces it; a `pyproject.toml` without a
`[tool.termlint]` table is kept as "no settings", since most Python repositories have one.
"""

from __future__ import annotations

import json
import os
from typing import Any

from termlint.cache import code_version, keep_file
from termlint.digest import digest_of

# The settings of one file: key -> (value, line), as config.py reads them.
Entries = dict[str, tuple[Any, "int | None"]]


class KeptSettings:
    """Settings of configuration files, kept in `folder`/configs."""

    def __init__(self, folder: str) -> None:
        self.root = folder

    def get(self, path: str, text: str) -> tuple[bool, Entries | None]:
        """(True, the settings kept for this text of `path`) or (False, None) on a miss."""
        try:
            with open(os.path.join(self.root, _name(path)), encoding="utf-8") as handle:
                kept = json.load(handle)
            if kept["key"] != _key(path, text):
                return False, None
            entries = kept["entries"]
            if entries is None:
                return True, None
            return True, {key: (value, line) for key, (value, line) in entries.items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return False, None  # no entry, an older text, a damaged or crafted one

    def put(self, path: str, text: str, entries: Entries | None) -> None:
        plain = None if entries is None else {k: [v, line] for k, (v, line) in entries.items()}
        try:
            data = json.dumps({"key": _key(path, text), "entries": plain})
        except (TypeError, ValueError):
            return  # a value JSON cannot hold: read the file each time
        if json.loads(data)["entries"] != plain:
            return  # JSON would change it (say, a number as a mapping key)
        keep_file(self.root, _name(path), data.encode())


def _name(path: str) -> str:
    return os.path.join("configs", digest_of(path)[:32] + ".json")


def _key(path: str, text: str) -> str:
    return digest_of(code_version(), path, text)
