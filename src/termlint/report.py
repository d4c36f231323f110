"""Formatters: pure functions from results to text. Nothing here decides what is a problem."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from termlint.findings import FileError, Finding, Severity

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


class Report(NamedTuple):
    findings: Sequence[Finding]
    errors: Sequence[FileError]
    files: int  # how many files were linted (or tried)
    fixed: int = 0  # fixes applied by --fix
    rules: Sequence[Any] = ()  # the rules that ran (packs.Rule or linter.MetaRule), for SARIF
    hidden: int = 0  # findings hidden by --baseline
    stale: int = 0  # baseline entries that no longer match a finding
    unsafe: bool = False  # --unsafe-fixes: unsafe fixes count as fixable
    show_links: bool = False  # --show-links: each text finding ends with its rule's link


def links(report: Report) -> dict[str, str]:
    """Rule id -> its `link`, for the rules that have one."""
    return {rule.id: rule.link for rule in report.rules if getattr(rule, "link", None)}


def fixable(finding: Finding, unsafe: bool) -> bool:
    """Whether --fix (with --unsafe-fixes when `unsafe`) would apply this finding's fix."""
    fix = finding.fix
    return fix is not None and (unsafe or fix.applicability == "safe")


def fixable_line(report: Report) -> str:
    """How many findings --fix would fix, as Ruff says it; empty when none could be."""
    now = sum(fixable(f, report.unsafe) for f in report.findings)
    more = sum(fixable(f, True) for f in report.findings) - now
    if not now and not more:
        return ""
    if not now:  # as Ruff says it: the fixes exist, but only --unsafe-fixes applies them
        return f"No fixes with --fix ({more} with --unsafe-fixes)."
    line = f"[*] {now} fixable with --fix"
    if more:
        line += f" ({more} more with --unsafe-fixes)"
    return line + "."


def summary(report: Report) -> dict[str, object]:
    by_severity = Counter(str(f.severity) for f in report.findings)
    return {
        "files": report.files,
        "findings": len(report.findings),
        "errors": len(report.errors),
        "by_severity": {str(s): by_severity.get(str(s), 0) for s in reversed(Severity)},
        "by_rule": dict(sorted(Counter(f.rule for f in report.findings).items())),
        "fixed": report.fixed,
        "fixable": sum(fixable(f, report.unsafe) for f in report.findings),
        "baseline": {"hidden": report.hidden, "stale": report.stale},
    }


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _baseline_note(report: Report) -> str:
    notes = []
    if report.hidden:
        notes.append(f"{report.hidden} hidden by the baseline")
    if report.stale:
        noun = "entry" if report.stale == 1 else "entries"
        notes.append(f"{report.stale} stale baseline {noun}")
    return f" ({'; '.join(notes)})" if notes else ""


def summary_line(report: Report) -> str:
    fixed = f"Fixed {_plural(report.fixed, 'problem')}. " if report.fixed else ""
    if not report.findings and not report.errors:
        return (f"{fixed}All clear: {_plural(report.files, 'file')} checked"
                f"{_baseline_note(report)}.")
    counts = Counter(f.severity for f in report.findings)
    parts = [_plural(counts[s], str(s)) if s is not Severity.INFO else f"{counts[s]} info"
             for s in reversed(Severity) if counts[s]]
    line = f"{fixed}Found {_plural(len(report.findings), 'problem')}"
    if parts:
        line += f" ({', '.join(parts)})"
    with_problems = len({f.path for f in report.findings})
    line += f" in {_plural(with_problems, 'file')}"
    if report.files != with_problems:
        line += f" ({report.files} checked)"
    if report.errors:
        # Errors may be files that could not be read, or a rules or configuration file.
        line += f"; {_plural(len(report.errors), 'error')}"
    return line + _baseline_note(report) + "."


def suggestion_text(suggestion: dict[str, str]) -> str:
    return f"{suggestion['text']} ({suggestion['area']}; source: {suggestion['source']})"


def format_text(report: Report, *, color: bool = False, quiet: bool = False) -> str:
    lines = []
    see = links(report) if report.show_links else {}
    for f in report.findings:
        where = _paint(f"{f.path}:{f.line}:{f.column}:", "1", color)
        severity = _paint(str(f.severity), _COLORS[f.severity], color)
        rule = _paint(f.rule, "2", color)
        mark = " [*]" if fixable(f, report.unsafe) else ""
        link = f" (see {see[f.rule]})" if f.rule in see else ""
        lines.append(f"{where} {severity} {rule}{mark} {f.message}{link}")
        if f.suggestion:
            lines.append(f"    suggest: {suggestion_text(f.suggestion)}")
    if not quiet:
        lines.append(summary_line(report))
        if fixable_line(report):
            lines.append(fixable_line(report))
    return "\n".join(lines) + ("\n" if lines else "")


def statistics(report: Report) -> list[dict[str, object]]:
    """Findings counted per rule, most first: rule, name, severity, count, fixable."""
    counts = Counter((f.rule, f.name, f.severity) for f in report.findings)
    fixes = Counter(f.rule for f in report.findings if fixable(f, report.unsafe))
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [{"rule": rule, "name": name, "severity": str(severity), "count": count,
             "fixable": fixes[rule]} for (rule, name, severity), count in ordered]


def format_statistics(report: Report, *, color: bool = False, quiet: bool = False) -> str:
    rows = statistics(report)
    width = max((len(str(row["count"])) for row in rows), default=1)
    lines = []
    for row in rows:
        severity = Severity.parse(str(row["severity"]))
        mark = f"[*] {row['fixable']}" if row["fixable"] else ""
        lines.append(f"{row['count']:>{width}}  {row['rule']:<6} "
                     f"{_paint(str(severity), _COLORS[severity], color):<7}  {mark:<7}  "
                     f"{row['name']}")
    if not quiet:
        lines.append(summary_line(report))
        if fixable_line(report):
            lines.append(fixable_line(report))
    return "\n".join(lines) + ("\n" if lines else "")


def format_statistics_json(report: Report, **_: object) -> str:
    return json.dumps({"version": 1, "statistics": statistics(report),
                       "summary": summary(report)}, indent=2, ensure_ascii=False) + "\n"


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


# --- CI formats ---------------------------------------------------------------------------------

_GITHUB = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_SARIF = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITLAB = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}
TOOL_URI = "https://example.org/termlint"


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(report: Report, **_: object) -> str:
    """GitHub Actions workflow commands: one annotation per finding (and per file error)."""
    lines = []
    see = links(report)
    for f in report.findings:
        props = (f"file={_github_property(f.path)},line={f.line},col={f.column},"
                 f"endLine={f.end_line},endColumn={f.end_column},"
                 f"title={_github_property(f'{f.rule} {f.name}')}")
        message = f.message + (f" (see {see[f.rule]})" if f.rule in see else "")
        lines.append(f"::{_GITHUB[f.severity]} {props}::{_github_data(message)}")
    for e in report.errors:
        where = f"file={_github_property(e.path)}" + (f",line={e.line}" if e.line else "")
        lines.append(f"::error {where},title=termlint::{_github_data(e.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def github_summary(report: Report) -> str:
    """A Markdown table of every finding for $GITHUB_STEP_SUMMARY (annotations are capped)."""
    out = ["## termlint", "", summary_line(report), ""]
    if report.findings:
        out += ["| file | line | rule | severity | message |", "|---|---|---|---|---|"]
        for f in report.findings:
            message = f.message.replace("|", "\\|")
            out.append(f"| {f.path} | {f.line}:{f.column} | {f.rule} | {f.severity} | "
                       f"{message} |")
    for e in report.errors:
        out.append(f"- could not lint `{e.path}`: {e.message}")
    return "\n".join(out) + "\n"


def _uri(path: str) -> str:
    from urllib.parse import quote

    forward = path.replace("\\", "/")
    return ("file://" + quote(forward)) if forward.startswith("/") else quote(forward)


def _rule_meta(rule: Any) -> dict[str, object]:
    description = " ".join(rule.description.split())
    data: dict[str, object] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.name.replace("-", " ")},
        "fullDescription": {"text": description},
        "help": {"text": description, "markdown": description},
        "defaultConfiguration": {"level": _SARIF[rule.severity]},
        "properties": {"kind": rule.kind, "pack": rule.pack},
    }
    if rule.link:
        data["helpUri"] = rule.link
    return data


def format_sarif(report: Report, **_: object) -> str:
    from termlint import __version__

    rules = sorted({r.id: r for r in report.rules}.values(), key=lambda r: r.id)
    index = {r.id: i for i, r in enumerate(rules)}
    results = []
    for f, print_ in zip(report.findings, fingerprints(report.findings), strict=True):
        result: dict[str, object] = {
            "ruleId": f.rule,
            "level": _SARIF[f.severity],
            "message": {"text": f.message + (f"\nSuggested example: "
                                             f"{suggestion_text(f.suggestion)}"
                                             if f.suggestion else "")},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(f.path)},
                "region": {"startLine": f.line, "startColumn": f.column,
                           "endLine": f.end_line, "endColumn": f.end_column,
                           "snippet": {"text": f.match}},
            }}],
            "partialFingerprints": {"termlint/v1": print_},
        }
        if f.rule in index:
            result["ruleIndex"] = index[f.rule]
        if f.why:
            result["properties"] = {"why": f.why}
        if f.fix is not None:
            result["fixes"] = [{"description": {"text": f"{f.fix.applicability} fix"},
                                "artifactChanges": [{
                                    "artifactLocation": {"uri": _uri(f.path)},
                                    "replacements": [{"deletedRegion": dict(zip(
                                        ("startLine", "startColumn", "endLine", "endColumn"),
                                        f.fix_region(), strict=True)),
                                        "insertedContent": {"text": f.fix.replacement}}],
                                }]}]
        results.append(result)
    notifications = [{"level": "error", "message": {"text": e.message},
                      "locations": [{"physicalLocation": {
                          "artifactLocation": {"uri": _uri(e.path)},
                          **({"region": {"startLine": e.line}} if e.line else {})}}]}
                     for e in report.errors]
    sarif = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "termlint", "version": __version__,
                                "informationUri": TOOL_URI,
                                "rules": [_rule_meta(r) for r in rules]}},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{"executionSuccessful": not report.errors,
                             "toolExecutionNotifications": notifications}],
        }],
    }
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"


def format_junit(report: Report, **_: object) -> str:
    """JUnit XML: a test suite per file, a failing test case per finding."""
    from xml.sax.saxutils import escape, quoteattr

    by_path: dict[str, list[Finding]] = {}
    for f in report.findings:
        by_path.setdefault(f.path, []).append(f)
    errors = {e.path: e for e in report.errors}
    suites = []
    for path in sorted(set(by_path) | set(errors)):
        cases = []
        for f in by_path.get(path, []):
            name = quoteattr(f"{f.rule} {f.name} at {f.line}:{f.column}")
            body = escape(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}")
            cases.append(f'    <testcase classname={quoteattr(path)} name={name}>\n'
                         f'      <failure type="{f.severity}" message={quoteattr(f.message)}>'
                         f'{body}</failure>\n    </testcase>')
        if path in errors:
            message = quoteattr(errors[path].message)
            cases.append(f'    <testcase classname={quoteattr(path)} name="lint">\n'
                         f'      <error message={message}/>\n    </testcase>')
        failures = len(by_path.get(path, []))
        suites.append(f'  <testsuite name={quoteattr(path)} tests="{len(cases)}" '
                      f'failures="{failures}" errors="{int(path in errors)}">\n'
                      + "\n".join(cases) + "\n  </testsuite>")
    total = sum(len(v) for v in by_path.values()) + len(errors)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites name="termlint" tests="{total}" failures="{len(report.findings)}" '
            f'errors="{len(errors)}">\n' + "\n".join(suites) + "\n</testsuites>\n")


def fingerprints(findings: Sequence[Finding], paths: Sequence[str] | None = None) -> list[str]:
    """Stable ids for findings: rule, path, the normalised match and its sentence, not
    positions, so they survive lines moving. Identical ones in a file are told apart by their
    order. `paths` can give each finding's path as it should be hashed (e.g. relative)."""
    import hashlib

    seen: Counter[tuple[str, ...]] = Counter()
    result = []
    for i, f in enumerate(findings):
        path = (paths[i] if paths is not None else f.path).replace("\\", "/")
        key = (f.rule, path, " ".join(f.match.lower().split()), f.context.lower())
        text = "\0".join([*key, str(seen[key])])
        seen[key] += 1
        result.append(hashlib.sha256(text.encode("utf-8")).hexdigest())
    return result


def format_gitlab(report: Report, **_: object) -> str:
    """GitLab Code Quality report."""
    issues = [{
        "type": "issue",
        "check_name": f.rule,
        "description": f"{f.rule} {f.message}",
        "categories": ["Style"],
        "severity": _GITLAB[f.severity],
        "fingerprint": print_,
        "location": {"path": f.path, "positions": {
            "begin": {"line": f.line, "column": f.column},
            "end": {"line": f.end_line, "column": f.end_column}}},
    } for f, print_ in zip(report.findings, fingerprints(report.findings), strict=True)]
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def format_rdjson(report: Report, **_: object) -> str:
    """reviewdog's Diagnostic Format (rdjson)."""
    severity = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}
    rule_links = links(report)
    diagnostics = []
    for f in report.findings:
        span = {"start": {"line": f.line, "column": f.column},
                "end": {"line": f.end_line, "column": f.end_column}}
        diagnostic: dict[str, object] = {
            "message": f.message,
            "location": {"path": f.path, "range": span},
            "severity": severity[f.severity],
            "code": {"value": f.rule,
                     **({"url": rule_links[f.rule]} if f.rule in rule_links else {})},
            "original_output": f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}",
        }
        if f.fix is not None:
            line, column, end_line, end_column = f.fix_region()
            diagnostic["suggestions"] = [{"range": {
                "start": {"line": line, "column": column},
                "end": {"line": end_line, "column": end_column}}, "text": f.fix.replacement}]
        diagnostics.append(diagnostic)
    data = {"source": {"name": "termlint", "url": TOOL_URI}, "diagnostics": diagnostics}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def format_html(report: Report, **_: object) -> str:
    from termlint.htmlreport import render  # only when asked for: keeps start-up small

    return render(report)


FORMATS.update({
    "html": format_html,
    "github": format_github,
    "sarif": format_sarif,
    "junit": format_junit,
    "gitlab": format_gitlab,
    "rdjson": format_rdjson,
})
