"""Shared helpers: run the real command line as a subprocess, find ../shared test data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TERMLINT_SHARED", ROOT.parent / "shared"))


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test with the reason."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (shared test data lives beside the checkout)")
    return path


def run_termlint(
    *args: str | os.PathLike[str],
    cwd: Path | None = None,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    # The caller's color settings must not leak into tests that check for plain output.
    full_env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    full_env.update(env or {})
    full_env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + full_env.get("PYTHONPATH", "")
    return subprocess.run(
        [sys.executable, "-m", "termlint", *map(str, args)],
        cwd=cwd,
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


def run_json(*args: str | os.PathLike[str], **kwargs: object) -> tuple[int, dict]:
    result = run_termlint("--format", "json", *args, **kwargs)  # type: ignore[arg-type]
    assert result.stdout, result.stderr
    return result.returncode, json.loads(result.stdout)


def misses_and_false_alarms(
    folder: Path, found: list[str], passed: list[str], *args: str,
    keep: Callable[[dict], bool] = lambda finding: True,
) -> tuple[list[str], list[str]]:
    """Write each text to its own file, lint them all in one CLI run (with `args`), and return
    the texts of `found` with no kept finding and the texts of `passed` with one."""
    for prefix, texts in (("found", found), ("passed", passed)):
        for number, text in enumerate(texts):
            (folder / f"{prefix}-{number:03d}.md").write_text(text + "\n", encoding="utf-8")
    _, report = run_json(*args, "--exit-zero", "--no-cache", folder)
    assert not report["errors"]
    flagged = {Path(f["path"]).stem for f in report["findings"] if keep(f)}
    return ([text for number, text in enumerate(found) if f"found-{number:03d}" not in flagged],
            [text for number, text in enumerate(passed) if f"passed-{number:03d}" in flagged])


def write_rules(folder: Path, rules_yaml: str, name: str = "rules.yaml") -> Path:
    """A rules file with the given `rules:` body (already indented YAML list items)."""
    path = folder / name
    path.write_text(f"version: 1\nname: test\nrules:\n{rules_yaml}", encoding="utf-8")
    return path


def source_slice(text: str, finding: dict) -> str:
    """The original text between a finding's (line, column) and (end_line, end_column).

    Lines are split on \\n, \\r\\n and \\r only (never str.splitlines), columns count code
    points, and a BOM is not part of line 1.
    """
    text = text.removeprefix("\ufeff")
    starts = [0]
    i = 0
    while i < len(text):
        if text[i] == "\r":
            i += 2 if text[i + 1 : i + 2] == "\n" else 1
            starts.append(i)
            continue
        if text[i] == "\n":
            starts.append(i + 1)
        i += 1
    begin = starts[finding["line"] - 1] + finding["column"] - 1
    end = starts[finding["end_line"] - 1] + finding["end_column"] - 1
    return text[begin:end]


def existence_rule(rule_id: str, pattern: str, severity: str = "warning") -> str:
    """One `existence` rule as an indented item of a rules file's `rules:` list."""
    return (f"  - id: {rule_id}\n    name: word\n    kind: existence\n"
            f"    severity: {severity}\n    message: \"{{match}}\"\n    description: test\n"
            f"    patterns: [{pattern}]\n"
            f"    examples: {{invalid: [\"{pattern}\"], valid: [\"x\"]}}\n")


EVERY_WORD = """\
  - id: TW900
    name: every-word
    kind: existence
    severity: info
    message: "{match}"
    description: matches every word
    patterns: ['\\w+']
    examples: {invalid: ["word"], valid: ["..."]}
"""


WORD_RULE = """\
  - id: TW001
    name: term
    kind: existence
    severity: warning
    message: "found {match}"
    description: test
    patterns: ['personali[sz]ed medicine', 'precision medicine']
    examples: {invalid: ["personalized medicine"], valid: ["medicine"]}
"""
