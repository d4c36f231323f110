"""The records that flow out of the linter: findings, fixes and file errors.

NamedTuples rather than frozen dataclasses: every run creates these classes, and a dataclass
costs about ten times as long to create (~0.7 ms each on Python 3.11)."""

from __future__ import annotations

import enum
from typing import NamedTuple


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        return cls[name.upper()]

    def __str__(self) -> str:
        return self.name.lower()


class Fix(NamedTuple):
    replacement: str
    applicability: str = "safe"  # "safe" or "unsafe"
    # The span it replaces when that is not the finding's own (a conflation fix drops a whole
    # alias clause): decoded-text offsets, and the 1-based position as a finding has it.
    start: int | None = None
    end: int | None = None
    region: tuple[int, int, int, int] | None = None  # line, column, end line, end column


class Finding(NamedTuple):
    """One problem, with its exact 1-based, end-exclusive position in the original file."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    name: str
    kind: str
    severity: Severity
    message: str
    match: str
    fix: Fix | None = None
    # Offsets into the decoded text (after the BOM), used to apply fixes and baselines.
    start: int = 0
    end: int = 0
    document: bool = False  # about the whole document (counts whenever the file changed)
    context: str = ""  # the sentence holding the match, white space folded (for fingerprints)
    why: dict[str, str] | None = None  # the cues that decided a domain finding
    suggestion: dict[str, str] | None = None  # an example to adapt: text, area, source

    def fix_span(self) -> tuple[int, int]:
        """Decoded-text offsets of what the fix replaces."""
        fix = self.fix
        if fix is not None and fix.start is not None and fix.end is not None:
            return fix.start, fix.end
        return self.start, self.end

    def fix_region(self) -> tuple[int, int, int, int]:
        """Line, column, end line and end column of what the fix replaces."""
        if self.fix is not None and self.fix.region is not None:
            return self.fix.region
        return self.line, self.column, self.end_line, self.end_column

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.rule)

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "name": self.name,
            "kind": self.kind,
            "severity": str(self.severity),
            "message": self.message,
            "match": self.match,
        }
        if self.fix is not None:
            data["fix"] = {
                "replacement": self.fix.replacement,
                "applicability": self.fix.applicability,
            }
            if self.fix.region is not None:
                data["fix"].update(zip(("line", "column", "end_line", "end_column"),  # type: ignore[union-attr]
                                       self.fix.region, strict=True))
        if self.suggestion:
            data["suggestion"] = self.suggestion
        if self.why:
            data["why"] = self.why
        return data


class FileError(NamedTuple):
    """A file (or rules/config file) that could not be processed."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        data: dict[str, object] = {"path": self.path, "message": self.message}
        if self.line:
            data["line"] = self.line
        return data
