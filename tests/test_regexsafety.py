"""Hostile patterns in a rules file cannot hang a run: the exponential shapes are refused at
load time, and a per-file time budget stops whatever else is slow."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import existence_rule, run_json, run_termlint, write_rules
from termlint.patterns import PatternError, compile_pattern
from termlint.regexsafety import check

EXPONENTIAL = [r"(a+)+$", r"(a|aa)+$", r"(\w+\s?)+$", r"(a*)*b", r"(?:x+x+)+y", r"( )+x",
               r"(a{1,3}){10}b", r"(.*a){20}", r"(?:ab|a)+", r"((ab)*c?)+d"]
SAFE = [r"(\w+ )+foo", r"(foo )+bar", r"precision[- ]medicine", r"(?:a|b)+", r"(\w|\d)+x",
        r"(foo|bar)+", r"(ab)+", r"\w+", r"(a+b)+", r"colou?r", r"(a+){1,3}",
        r"(?:precision|personali[sz]ed)(?: medicine){1,2}", r"stra(ss|ß)e"]


@pytest.mark.parametrize("pattern", EXPONENTIAL)
def test_exponential_shapes_are_refused(pattern: str) -> None:
    with pytest.raises(PatternError, match=r"unsafe pattern .* exponential time"):
        compile_pattern(pattern)


@pytest.mark.parametrize("pattern", SAFE)
def test_ordinary_patterns_pass(pattern: str) -> None:
    check(pattern)
    compile_pattern(pattern)


def rule_with(pattern: str) -> str:
    return existence_rule("RX001", f"'{pattern}'")


def test_a_catastrophic_pattern_is_a_load_error_naming_file_and_line(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, rule_with("(a+)+$"))
    doc = tmp_path / "doc.md"
    doc.write_text("a" * 40 + "!\n")
    result = run_termlint("--rules", rules, doc)
    assert result.returncode == 2
    assert result.stderr.startswith(f"{rules}:10: RX001: unsafe pattern '(a+)+$'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_slow_pattern_that_passes_the_check_is_stopped_by_the_budget(tmp_path: Path) -> None:
    # Polynomial, not exponential: no nested repetition for the load-time check to see, but
    # about n**6 steps on a long run of a's.
    rules = write_rules(tmp_path, rule_with("a*a*a*a*a*a*b"))
    (tmp_path / "adversarial.md").write_text("a" * 5000 + "\n")
    (tmp_path / "ok.md").write_text("fine text mentioning ab\n")
    code, data = run_json("--timeout", "1", "--jobs", "1", "--rules", rules, tmp_path)
    assert code == 2
    assert data["errors"] == [{
        "path": str(tmp_path / "adversarial.md"),
        "message": "gave up after 1 s in rule RX001 (time budget per file; a rule pattern may "
                   "backtrack badly on this text)",
    }]
    assert [f["path"] for f in data["findings"]] == [str(tmp_path / "ok.md")]


def test_the_budget_also_holds_in_worker_processes(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, rule_with("a*a*a*a*a*a*b"))
    for i in range(3):
        (tmp_path / f"slow{i}.md").write_text("a" * 5000 + "\n")
    code, data = run_json("--timeout", "1", "--jobs", "2", "--rules", rules, tmp_path)
    assert code == 2
    assert len(data["errors"]) == 3


def test_a_space_in_a_pattern_does_not_backtrack_on_long_blank_runs(tmp_path: Path) -> None:
    # Each run of white space can be matched only one way; if it could be split between two
    # quantifiers, this line would take about n**2 steps per 'a' and blow the budget.
    rules = write_rules(tmp_path, rule_with("a b"))
    doc = tmp_path / "blanks.md"
    doc.write_text(("a" + " " * 100_000 + "c ") * 20 + "a\n b\n")
    code, data = run_json("--timeout", "5", "--rules", rules, doc)
    assert data["errors"] == []
    assert [f["match"] for f in data["findings"]] == ["a\n b"]
    assert code == 1


def test_timeout_must_be_a_number_of_seconds(tmp_path: Path) -> None:
    result = run_termlint("--timeout", "-1", tmp_path)
    assert result.returncode == 2
    assert "--timeout must be 0 (never) or a number of seconds" in result.stderr


def test_fix_over_budget_writes_nothing(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, """\
  - id: RX002
    name: slow-swap
    kind: substitution
    severity: warning
    message: m
    description: d
    swap: {'a*a*a*a*a*a*b': c}
    examples: {invalid: [], valid: []}
""")
    doc = tmp_path / "doc.md"
    original = "ab\n\n" + "a" * 5000 + "\n"
    doc.write_text(original)
    code, data = run_json("--fix", "--timeout", "1", "--rules", rules, doc)
    assert code == 2
    assert data["errors"][0]["message"].startswith("gave up after 1 s in rule RX002")
    assert doc.read_text() == original


def test_an_unsafe_lexicon_entry_is_named(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("""\
version: 1
name: t
families:
  precision: ['precision medicine']
lexicons:
  predicates: [improves, '(a|aa)+b']
  entities: [clopidogrel]
  decisions: [prescribe]
rules:
  - id: RX003
    name: claims
    kind: actionability
    severity: warning
    message: m
    description: d
    predicates: predicates
    entities: [entities]
    decisions: decisions
    examples: {invalid: [], valid: []}
""")
    result = run_termlint("--check-rules", "--rules", rules)
    assert result.returncode == 2
    assert "RX003: lexicons predicates: unsafe pattern '(a|aa)+b'" in result.stderr
