"""--explain and docs/rules.md for the domain rules: what a rule catches, what it lets pass,
how to fix it, with before/after examples that --check-rules runs like any other example."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, run_termlint, write_rules

RULE = """\
  - id: TS001
    name: hype
    kind: existence
    message: "{match}"
    description: Hype words.
    passes: Plain words.
    fix-advice: Say what changed instead.
    patterns: [miracle]
    examples:
      invalid: ["A miracle."]
      valid: ["A result."]
      fixed:
        - before: "A miracle cure."
          after: "A cure for two of ten patients."
"""


def test_explain_has_catches_passes_fix_and_before_after(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, RULE)
    out = run_termlint("--rules", rules, "--explain", "TS001", cwd=tmp_path).stdout
    assert "What it catches: Hype words." in out
    assert "What it lets pass: Plain words." in out
    assert "How to fix it: Say what changed instead." in out
    assert "before: A miracle cure.\n    after:  A cure for two of ten patients." in out
    assert run_termlint("--rules", rules, "--check-rules", cwd=tmp_path).returncode == 0


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("after: \"A cure", "after: \"A miracle cure"), "fixed example 1: 'after' gave a finding"),
        (("before: \"A miracle cure", "before: \"A cure"), "fixed example 1: 'before' gave no"),
    ],
)
def test_check_rules_runs_before_and_after(tmp_path: Path, change: tuple[str, str],
                                           problem: str) -> None:
    rules = write_rules(tmp_path, RULE.replace(*change))
    result = run_termlint("--rules", rules, "--check-rules", cwd=tmp_path)
    assert result.returncode == 1
    assert problem in result.stdout


def test_a_fixed_entry_without_after_is_one_clear_error(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, RULE.replace(
        '          after: "A cure for two of ten patients."\n', ""))
    result = run_termlint("--rules", rules, "--check-rules", cwd=tmp_path)
    assert result.returncode == 2
    assert "TS001" in result.stderr and "needs 'after'" in result.stderr


@pytest.mark.parametrize("rule_id", ["PM101", "PM102", "PM103", "PM104", "PM201"])
def test_every_domain_rule_explains_itself(rule_id: str) -> None:
    out = run_termlint("--explain", rule_id).stdout
    for section in ("What it catches:", "What it lets pass:", "How to fix it:",
                    "Before and after the fix:", "Flagged:", "Fine:"):
        assert section in out, (rule_id, section)
    reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    part = reference.split(f"### {rule_id}\n", 1)[1].split("\n### ", 1)[0]
    assert "**What it lets pass:**" in part and "| before | after |" in part
