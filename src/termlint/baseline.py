"""Adoption on an existing repository: record today's findings, then report only new ones.

A baseline entry is a finding's fingerprint (rule, path, normalised match and its sentence; no
line numbers, so entries survive lines being inserted above them). Paths are stored relative to
the baseline file, so it works from any folder.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass

from termlint.findings import Finding
from termlint.report import fingerprints

VERSION = 1


class BaselineError(Exception):
    pass


def _relative(path: str, baseline: str) -> str:
    base = os.path.dirname(os.path.abspath(baseline))
    return os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")


def _prints(findings: Sequence[Finding], baseline: str) -> list[str]:
    return fingerprints(findings, [_relative(f.path, baseline) for f in findings])


def write(path: str, findings: Sequence[Finding]) -> int:
    entries = [{"fingerprint": print_, "rule": f.rule, "path": _relative(f.path, path),
                "match": f.match}
               for f, print_ in zip(findings, _prints(findings, path), strict=True)]
    data = {"version": VERSION, "tool": "termlint", "findings": entries}
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    return len(entries)


@dataclass
class Filtered:
    findings: list[Finding]
    hidden: int
    stale: int  # entries for linted files that no longer match anything


def apply(path: str, findings: Sequence[Finding], linted: Sequence[str]) -> Filtered:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        entries = data["findings"]
        known = {entry["fingerprint"]: entry["path"] for entry in entries}
    except OSError as exc:
        raise BaselineError(f"{path}: cannot read the baseline: {exc.strerror or exc}") from None
    except (ValueError, KeyError, TypeError):
        raise BaselineError(f"{path}: not a termlint baseline (write one with "
                            "--write-baseline)") from None
    kept, used = [], set()
    for finding, print_ in zip(findings, _prints(findings, path), strict=True):
        if print_ in known:
            used.add(print_)
        else:
            kept.append(finding)
    linted_paths = {_relative(p, path) for p in linted}
    stale = sum(1 for print_, where in known.items()
                if print_ not in used and where in linted_paths)
    return Filtered(kept, len(used), stale)
