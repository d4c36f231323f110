"""--fix and --diff: what changes, what never does, and when nothing is written."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import run_json, run_termlint, write_rules
from termlint.fixes import FixRefused, write_atomic

RULES = """\
  - id: TF001
    name: adherence
    kind: substitution
    severity: warning
    message: "{match} -> {replacement}"
    description: test
    swap: {medication compliance: medication adherence}
    examples: {invalid: ["medication compliance"], valid: ["adherence"]}
  - id: TF002
    name: risky
    kind: substitution
    severity: warning
    message: "{match} -> {replacement}"
    description: test
    swap: {leverage: use}
    fix: unsafe
    examples: {invalid: ["leverage"], valid: ["use"]}
"""
TEXT = "# Plan\n\nGood medication compliance matters.\n\n```\nmedication compliance\n```\n"


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    return write_rules(tmp_path, RULES)


def test_fix_changes_only_the_fixed_spans_and_keeps_bom_and_crlf(
    tmp_path: Path, rules: Path
) -> None:
    doc = tmp_path / "a.md"
    original = ("\ufeff" + TEXT.replace("\n", "\r\n")).encode("utf-8")
    doc.write_bytes(original)
    result = run_termlint("--rules", rules, "--fix", doc)
    assert result.returncode == 0, result.stdout
    assert "Fixed 1 problem." in result.stdout
    expected = original.replace(b"Good medication compliance", b"Good medication adherence")
    assert doc.read_bytes() == expected  # code block untouched, BOM and CRLF kept


def test_second_fix_run_changes_nothing(tmp_path: Path, rules: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text(TEXT, encoding="utf-8")
    run_termlint("--rules", rules, "--fix", doc)
    after_first = doc.read_bytes()
    stamp = doc.stat().st_mtime_ns
    second = run_termlint("--rules", rules, "--fix", doc)
    assert "Fixed" not in second.stdout
    assert doc.read_bytes() == after_first
    assert doc.stat().st_mtime_ns == stamp  # not even rewritten


def test_diff_prints_and_writes_nothing(tmp_path: Path, rules: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text(TEXT, encoding="utf-8")
    result = run_termlint("--rules", rules, "--diff", doc)
    assert result.returncode == 1
    assert "-Good medication compliance matters.\n+Good medication adherence matters.\n" in (
        result.stdout)
    assert doc.read_text(encoding="utf-8") == TEXT
    clean = doc.with_name("b.md")
    clean.write_text("Nothing to fix.\n", encoding="utf-8")
    result = run_termlint("--rules", rules, "--diff", clean)
    assert (result.returncode, result.stdout) == (0, "")


def test_unsafe_fixes_need_the_flag(tmp_path: Path, rules: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("We leverage data.\n", encoding="utf-8")
    code, data = run_json("--rules", rules, "--fix", doc)
    assert doc.read_text(encoding="utf-8") == "We leverage data.\n"
    assert [f["rule"] for f in data["findings"]] == ["TF002"]
    code, data = run_json("--rules", rules, "--fix", "--unsafe-fixes", doc)
    assert doc.read_text(encoding="utf-8") == "We use data.\n"
    assert data["findings"] == [] and data["summary"]["fixed"] == 1 and code == 0


def test_fix_keeps_mode_and_writes_through_symlinks(tmp_path: Path, rules: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text(TEXT, encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.md"
    link.symlink_to(real)
    run_termlint("--rules", rules, "--fix", link)
    assert link.is_symlink()
    assert "adherence" in real.read_text(encoding="utf-8")
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".termlint-")] == []


def test_read_only_file_is_not_fixed(tmp_path: Path, rules: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text(TEXT, encoding="utf-8")
    doc.chmod(0o444)
    result = run_termlint("--rules", rules, "--fix", doc)
    assert result.returncode == 2
    assert f"{doc}: not fixed: the file is read-only" in result.stderr
    assert doc.read_text(encoding="utf-8") == TEXT
    assert "TF001" in result.stdout  # the finding is still reported


def test_fix_refuses_when_the_file_changed_on_disk(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_bytes(b"new content from an editor\n")
    with pytest.raises(FixRefused, match="changed on disk"):
        write_atomic(str(doc), b"fixed\n", expected=b"what termlint read\n")
    assert doc.read_bytes() == b"new content from an editor\n"
    write_atomic(str(doc), b"fixed\n", expected=b"new content from an editor\n")
    assert doc.read_bytes() == b"fixed\n"
    assert sorted(os.listdir(tmp_path)) == ["a.md"]


def test_fix_on_stdin_prints_the_fixed_text(tmp_path: Path, rules: Path) -> None:
    result = run_termlint("--rules", rules, "--fix", "-", stdin=TEXT.encode())
    assert result.stdout == TEXT.replace("Good medication compliance", "Good medication adherence")
    assert "Fixed 1 problem." in result.stderr


def test_fix_on_stdin_echoes_input_it_does_not_lint(tmp_path: Path, rules: Path) -> None:
    # Editors name the buffer's file; with --force-exclude the configuration's exclude wins.
    (tmp_path / ".termlint.yaml").write_text(f"rules: [{rules}]\nexclude: ['*.md']\n")
    result = run_termlint("--fix", "--force-exclude", "-", "--stdin-filename", "c/z.md",
                          stdin=TEXT.encode(), cwd=tmp_path)
    assert result.stdout == TEXT
    named = run_termlint("--fix", "-", "--stdin-filename", "c/z.md", stdin=TEXT.encode(),
                         cwd=tmp_path)
    assert named.stdout == TEXT.replace("Good medication compliance", "Good medication adherence")


def test_diff_marks_a_last_line_without_newline(tmp_path: Path, rules: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("We need medication compliance.", encoding="utf-8")
    result = run_termlint("--rules", rules, "--diff", doc)
    assert result.stdout.endswith(
        "-We need medication compliance.\n\\ No newline at end of file\n"
        "+We need medication adherence.\n\\ No newline at end of file\n")
