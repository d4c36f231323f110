"""A cache of each file's findings, so an unchanged repository re-lints in a blink.

An entry is keyed by the file's bytes, its displayed path, the rules (the packs' contents and
the selection) and termlint's version, so any change to one of them is a miss. Entries are
written atomically (temporary file and rename), so two runs can share the cache; a damaged entry
is just a miss. The folder holds a `.gitignore` so it is never committed by accident.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os

from termlint import __version__
from termlint.digest import digest_of, sha256
from termlint.findings import Finding, Fix, Severity

DEFAULT_FOLDER = ".termlint_cache"


class Cache:
    def __init__(self, folder: str = DEFAULT_FOLDER) -> None:
        self.root = folder

    @staticmethod
    def key(data: bytes, path: str, rules: str) -> str:
        return digest_of(code_version(), rules, path, data)

    @staticmethod
    def _name(key: str) -> str:
        return os.path.join("v1", key[:2], key[2:] + ".json")

    def get(self, key: str) -> list[Finding] | None:
        try:
            with open(os.path.join(self.root, self._name(key)), encoding="utf-8") as handle:
                return [_finding(item) for item in json.load(handle)]
        except (OSError, ValueError, TypeError, KeyError):
            return None

    def put(self, key: str, findings: list[Finding]) -> None:
        data = json.dumps([_plain(f) for f in findings]).encode()
        keep_file(self.root, self._name(key), data)


def keep_file(root: str, name: str, data: bytes) -> None:
    """Write the file `name` of the cache folder `root` atomically (a temporary file renamed
    over it), so a run sharing the folder never reads half a file. Cannot write: no error, just
    no speed-up.

    Not tempfile.mkstemp: importing tempfile costs a small run ~5 ms, and the same exclusive
    create of a random name is two lines here."""
    target = os.path.join(root, name)
    folder = os.path.dirname(target)
    temp = os.path.join(folder, f".{os.getpid()}-{os.urandom(6).hex()}.tmp")
    try:
        os.makedirs(folder, exist_ok=True)
        ignore_folder(root)
        handle = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def ignore_folder(folder: str) -> None:
    """Put the `.gitignore` in termlint's cache folder that keeps it out of commits."""
    marker = os.path.join(folder, ".gitignore")
    if not os.path.exists(marker):
        with open(marker, "w", encoding="utf-8") as handle:
            handle.write("# Automatically created by termlint.\n*\n")


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """termlint's version plus a stamp of its own source files: an editable install or a
    checkout changes code without changing the version, and must not reuse old results."""
    package = os.path.dirname(os.path.abspath(__file__))
    stamp = sha256(__version__.encode())
    for folder, _, names in sorted(os.walk(package)):
        for name in sorted(n for n in names if n.endswith(".py")):
            info = os.stat(os.path.join(folder, name))
            stamp.update(f"{name}:{info.st_size}:{info.st_mtime_ns}".encode())
    return stamp.hexdigest()


def _plain(finding: Finding) -> dict[str, object]:
    fix = finding.fix
    return {**finding._asdict(), "fix": None if fix is None else fix._asdict()}


def _finding(item: dict[str, object]) -> Finding:
    fix = item.get("fix")
    return Finding(**{**item, "severity": Severity(item["severity"]),  # type: ignore[arg-type]
                      "fix": _fix(fix) if isinstance(fix, dict) else None})


def _fix(item: dict[str, object]) -> Fix:
    region = item.get("region")
    return Fix(**{**item, "region": tuple(region) if isinstance(region, list) else None})  # type: ignore[arg-type]
