"""Formatters: pure functions from results to text. Nothing here decides what is a problem."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from termlint.findings import FileError, Finding, Severity

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


@dataclass(frozen=True)
class Report:
    findings: Sequence[Finding]
    errors: Sequence[FileError]
    files: int  # how many files were linted (or tried)
    fixed: int = 0  # fixes applied by --fix


def summary(report: Report) -> dict[str, object]:
    by_severity = Counter(str(f.severity) for f in report.findings)
    return {
        "files": report.files,
        "findings": len(report.findings),
        "errors": len(report.errors),
        "by_severity": {str(s): by_severity.get(str(s), 0) for s in reversed(Severity)},
        "by_rule": dict(sorted(Counter(f.rule for f in report.findings).items())),
        "fixed": report.fixed,
    }


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(report: Report) -> str:
    fixed = f"Fixed {_plural(report.fixed, 'problem')}. " if report.fixed else ""
    if not report.findings and not report.errors:
        return f"{fixed}All clear: {_plural(report.files, 'file')} checked."
    counts = Counter(f.severity for f in report.findings)
    parts = [_plural(counts[s], str(s)) if s is not Severity.INFO else f"{counts[s]} info"
             for s in reversed(Severity) if counts[s]]
    line = f"{fixed}Found {_plural(len(report.findings), 'problem')}"
    if parts:
        line += f" ({', '.join(parts)})"
    line += f" in {_plural(report.files, 'file')}"
    if report.errors:
        line += f"; {_plural(len(report.errors), 'file')} could not be linted"
    return line + "."


def format_text(report: Report, *, color: bool = False, quiet: bool = False) -> str:
    lines = []
    for f in report.findings:
        where = _paint(f"{f.path}:{f.line}:{f.column}:", "1", color)
        severity = _paint(str(f.severity), _COLORS[f.severity], color)
        rule = _paint(f.rule, "2", color)
        lines.append(f"{where} {severity} {rule} {f.message}")
    if not quiet:
        lines.append(summary_line(report))
    return "\n".join(lines) + ("\n" if lines else "")


def format_statistics(report: Report, *, color: bool = False, quiet: bool = False) -> str:
    counts = Counter((f.rule, f.name, f.severity) for f in report.findings)
    width = max((len(str(n)) for n in counts.values()), default=1)
    lines = [
        f"{n:>{width}}  {rule:<6} {_paint(str(sev), _COLORS[sev], color):<7}  {name}"
        for (rule, name, sev), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    if not quiet:
        lines.append(summary_line(report))
    return "\n".join(lines) + ("\n" if lines else "")


def format_json(report: Report, *, color: bool = False, quiet: bool = False) -> str:
    data = {
        "version": 1,
        "findings": [f.to_dict() for f in report.findings],
        "errors": [e.to_dict() for e in report.errors],
        "summary": summary(report),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


FORMATS: dict[str, Callable[..., str]] = {
    "text": format_text,
    "json": format_json,
}
