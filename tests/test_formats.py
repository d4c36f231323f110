"""The CI output formats: GitHub annotations and summary, SARIF (schema-valid), JUnit, GitLab
Code Quality and reviewdog's rdjson."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import run_termlint, shared_path, write_rules

RULES = """\
  - id: TC001
    name: swap
    kind: substitution
    severity: warning
    message: "Use {replacement}, not {match}: 100%, really"
    description: Plain words read faster.
    link: https://example.org/rules/tc001
    swap: {utilize: use}
    examples: {invalid: ["utilize"], valid: ["use"]}
  - id: TC002
    name: hype
    kind: existence
    severity: info
    message: "{match}"
    description: Hype words.
    patterns: [miracle]
    examples: {invalid: ["miracle"], valid: ["x"]}
"""
TEXT = "# Doc\n\nWe utilize a miracle.\n\nWe utilize it, again.\n"


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    rules = write_rules(tmp_path, RULES)
    doc = tmp_path / "docs" / "a doc.md"
    doc.parent.mkdir()
    doc.write_text(TEXT, encoding="utf-8")
    bad = tmp_path / "docs" / "bad.md"
    bad.write_bytes(b"\xff\xfe")
    return rules, doc, bad


def lint(files: tuple[Path, Path, Path], fmt: str, **kwargs: object) -> str:
    rules, doc, _ = files
    result = run_termlint("--rules", rules, "--format", fmt, "docs/a doc.md",
                          cwd=doc.parent.parent, **kwargs)  # type: ignore[arg-type]
    assert result.returncode == 1, result.stderr
    return result.stdout


def test_github_annotations_and_step_summary(files: tuple[Path, Path, Path],
                                             tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    out = lint(files, "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert out.splitlines() == [
        "::warning file=docs/a doc.md,line=3,col=4,endLine=3,endColumn=11,"
        "title=TC001 swap::Use use, not utilize: 100%25, really (see https://example.org/rules/tc001)",
        "::notice file=docs/a doc.md,line=3,col=14,endLine=3,endColumn=21,"
        "title=TC002 hype::miracle",
        "::warning file=docs/a doc.md,line=5,col=4,endLine=5,endColumn=11,"
        "title=TC001 swap::Use use, not utilize: 100%25, really (see https://example.org/rules/tc001)",
    ]
    table = summary.read_text(encoding="utf-8")
    assert "| docs/a doc.md | 3:4 | TC001 | warning | Use use, not utilize: 100%, really |" in table
    assert table.count("| docs/a doc.md |") == 3


def test_sarif_is_valid_2_1_0(files: tuple[Path, Path, Path]) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("testdata", "sarif-schema-2.1.0.json").read_text("utf-8"))
    sarif = json.loads(lint(files, "sarif"))
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert rules["TC001"]["helpUri"] == "https://example.org/rules/tc001"
    assert rules["TC001"]["fullDescription"]["text"] == "Plain words read faster."
    first = run["results"][0]
    assert first["ruleId"] == "TC001" and first["level"] == "warning"
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "TC001"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "docs/a%20doc.md"
    assert location["region"] == {"startLine": 3, "startColumn": 4, "endLine": 3,
                                  "endColumn": 11, "snippet": {"text": "utilize"}}
    assert run["results"][1]["level"] == "note"
    fingerprints = [r["partialFingerprints"]["termlint/v1"] for r in run["results"]]
    assert len(set(fingerprints)) == 3  # two 'utilize' findings are still told apart


def test_sarif_reports_unreadable_files(files: tuple[Path, Path, Path]) -> None:
    rules, doc, _ = files
    result = run_termlint("--rules", rules, "--format", "sarif", "docs",
                          cwd=doc.parent.parent)
    assert result.returncode == 2
    invocation = json.loads(result.stdout)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "docs/bad.md"


def test_junit(files: tuple[Path, Path, Path]) -> None:
    root = ET.fromstring(lint(files, "junit"))
    assert root.tag == "testsuites" and root.get("failures") == "3"
    (suite,) = root
    assert suite.get("name") == "docs/a doc.md"
    failures = [case.find("failure") for case in suite]
    assert [f.get("type") for f in failures if f is not None] == ["warning", "info", "warning"]


def test_gitlab_fingerprints_survive_inserted_lines(files: tuple[Path, Path, Path]) -> None:
    before = json.loads(lint(files, "gitlab"))
    assert before[0]["location"] == {"path": "docs/a doc.md", "positions": {
        "begin": {"line": 3, "column": 4}, "end": {"line": 3, "column": 11}}}
    assert [i["severity"] for i in before] == ["minor", "info", "minor"]
    _, doc, _ = files
    doc.write_text("New intro.\n\n" + TEXT, encoding="utf-8")
    after = json.loads(lint(files, "gitlab"))
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    assert after[0]["location"]["positions"]["begin"]["line"] == 5


def test_rdjson(files: tuple[Path, Path, Path]) -> None:
    data = json.loads(lint(files, "rdjson"))
    first = data["diagnostics"][0]
    assert first["code"] == {"value": "TC001", "url": "https://example.org/rules/tc001"}
    assert first["location"]["range"]["start"] == {"line": 3, "column": 4}
    assert first["suggestions"][0]["text"] == "use"
    assert data["diagnostics"][1]["severity"] == "INFO"
