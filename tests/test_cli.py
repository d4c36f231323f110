"""The command line, run as a subprocess: outputs, exit codes, errors, files, stdin."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import WORD_RULE, run_json, run_termlint, source_slice, write_rules
from termlint import __version__


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    return write_rules(tmp_path, WORD_RULE)


def test_json_finding_has_every_contract_field(tmp_path: Path, rules: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("# Title\n\nWe study personalized\nmedicine here.\n", encoding="utf-8")
    code, data = run_json("--rules", rules, doc)
    assert code == 1
    assert data["version"] == 1
    assert data["errors"] == []
    (finding,) = data["findings"]
    assert finding == {
        "path": str(doc),
        "line": 3,
        "column": 10,
        "end_line": 4,
        "end_column": 9,
        "rule": "TW001",
        "name": "term",
        "kind": "existence",
        "severity": "warning",
        "message": "found personalized medicine",
        "match": "personalized\nmedicine",
    }
    assert data["summary"]["files"] == 1
    assert data["summary"]["findings"] == 1
    assert data["summary"]["by_rule"] == {"TW001": 1}
    assert data["summary"]["by_severity"] == {"error": 0, "warning": 1, "info": 0}


def test_text_output_and_summary(tmp_path: Path, rules: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("Precision medicine is here.\n", encoding="utf-8")
    result = run_termlint("--rules", rules, doc)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{doc}:1:1: warning TW001 found Precision medicine"
    assert lines[-1] == "Found 1 problem (1 warning) in 1 file."
    assert "\x1b[" not in result.stdout  # not a terminal: no color


def test_quiet_statistics_and_forced_color(tmp_path: Path, rules: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("precision medicine and precision medicine\n", encoding="utf-8")
    quiet = run_termlint("--rules", rules, "--quiet", doc)
    assert len(quiet.stdout.splitlines()) == 2
    stats = run_termlint("--rules", rules, "--statistics", doc)
    assert stats.stdout.splitlines()[0].split() == ["2", "TW001", "warning", "term"]
    colored = run_termlint("--rules", rules, doc, env={"FORCE_COLOR": "1"})
    assert "\x1b[33mwarning" in colored.stdout
    plain = run_termlint("--rules", rules, "--no-color", doc, env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in plain.stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], 1),
        (["--fail-on", "error"], 0),
        (["--fail-on", "info"], 1),
        (["--exit-zero"], 0),
        (["--ignore", "TW"], 2),
        (["--select", "XX"], 2),  # no rule left to run is an error, not a pass
    ],
)
def test_exit_codes(tmp_path: Path, rules: Path, args: list[str], expected: int) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("Precision medicine.\n", encoding="utf-8")
    assert run_termlint("--rules", rules, *args, doc).returncode == expected


def test_clean_file_exits_zero(tmp_path: Path, rules: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("Nothing to see.\n", encoding="utf-8")
    result = run_termlint("--rules", rules, doc)
    assert result.returncode == 0
    assert result.stdout == "All clear: 1 file checked.\n"


def test_non_utf8_file_beside_a_good_one(tmp_path: Path, rules: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(b"Line one\nPersonalized m\xe9dicine\n")
    good = tmp_path / "good.md"
    good.write_text("precision medicine\n", encoding="utf-8")
    code, data = run_json("--rules", rules, bad, good)
    assert code == 2
    assert [f["path"] for f in data["findings"]] == [str(good)]
    (error,) = data["errors"]
    assert error["path"] == str(bad)
    assert error["line"] == 2
    assert "UTF-8" in error["message"]
    text = run_termlint("--rules", rules, bad, good)
    assert text.returncode == 2
    assert text.stderr.strip().startswith(f"{bad}:2: not valid UTF-8")
    assert len(text.stderr.strip().splitlines()) == 1
    assert f"{good}:1:1:" in text.stdout


def test_folder_named_like_markdown_and_missing_path(tmp_path: Path, rules: Path) -> None:
    (tmp_path / "x.md").mkdir()
    (tmp_path / "ok.md").write_text("precision medicine\n", encoding="utf-8")
    code, data = run_json("--rules", rules, tmp_path, tmp_path / "nope.md")
    assert code == 2
    messages = {e["path"]: e["message"] for e in data["errors"]}
    assert "directory" in messages[str(tmp_path / "x.md")]
    assert "no such file" in messages[str(tmp_path / "nope.md")]
    assert len(data["findings"]) == 1


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file(tmp_path: Path, rules: Path) -> None:
    doc = tmp_path / "secret.md"
    doc.write_text("x\n", encoding="utf-8")
    doc.chmod(0)
    code, data = run_json("--rules", rules, doc)
    assert code == 2
    assert data["errors"] == [{"path": str(doc), "message": "permission denied"}]


def test_folder_walk_skips_hidden_git_and_node_modules(tmp_path: Path, rules: Path) -> None:
    for rel in ["a.md", "b.markdown", "sub/c.MD", ".git/d.md", ".hidden/e.md",
                "node_modules/f.md", "notes.txt"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("precision medicine\n", encoding="utf-8")
    code, data = run_json("--rules", rules, tmp_path, cwd=tmp_path)
    assert code == 1
    paths = sorted(Path(f["path"]).relative_to(tmp_path).as_posix() for f in data["findings"])
    assert paths == ["a.md", "b.markdown", "sub/c.MD"]


def test_relative_paths_are_shown_as_given(tmp_path: Path, rules: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("precision medicine\n", encoding="utf-8")
    result = run_termlint("--rules", rules, "docs", cwd=tmp_path)
    assert result.stdout.startswith("docs/a.md:1:1: warning TW001")


def test_stdin_with_filename(tmp_path: Path, rules: Path) -> None:
    code, data = run_json("--rules", rules, "-", "--stdin-filename", "docs/x.md",
                          stdin=b"Some precision medicine.\n", cwd=tmp_path)
    assert code == 1
    assert data["findings"][0]["path"] == "docs/x.md"
    assert data["findings"][0]["column"] == 6


def test_version() -> None:
    result = run_termlint("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"termlint {__version__}"


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = run_termlint("--format", "yaml", tmp_path)
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_bundled_pack_is_the_default(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("A groundbreaking test.\n", encoding="utf-8")
    code, data = run_json(doc, "--fail-on", "info", cwd=tmp_path)
    assert code == 1
    assert [f["rule"] for f in data["findings"]] == ["PM401"]


def test_examples_folder_runs_with_bundled_pack() -> None:
    root = Path(__file__).resolve().parents[1]
    code, data = run_json("examples", cwd=root)
    assert code == 1
    assert data["errors"] == []
    by_file = {f["path"] for f in data["findings"]}
    assert by_file == {"examples/draft.md"}
    text = (root / "examples" / "draft.md").read_text(encoding="utf-8")
    for finding in data["findings"]:
        assert source_slice(text, finding) == finding["match"]


def test_list_explain_and_check_rules_on_bundled_pack() -> None:
    listed = run_termlint("--list-rules")
    assert listed.returncode == 0
    assert "PM401" in listed.stdout and "TL001" in listed.stdout
    explained = run_termlint("--explain", "pm401")
    assert explained.returncode == 0
    assert explained.stdout.startswith("PM401 hype (existence, info, pack precision-medicine)")
    assert "Flagged:" in explained.stdout
    assert run_termlint("--explain", "ZZ999").returncode == 2
    checked = run_termlint("--check-rules")
    assert checked.returncode == 0, checked.stdout
    assert "rules pass their examples" in checked.stdout


def test_check_rules_reports_failing_and_missing_examples(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, """\
  - id: TW002
    name: bad-examples
    kind: existence
    severity: warning
    message: "x"
    description: test
    patterns: [foo]
    examples: {invalid: ["bar"], valid: ["foo"]}
  - id: TW003
    name: no-examples
    kind: existence
    severity: warning
    message: "x"
    description: test
    patterns: [foo]
""")
    result = run_termlint("--rules", rules, "--check-rules")
    assert result.returncode == 1
    out = result.stdout
    assert f"{rules}:4: TW002: invalid example 1 gave no finding: 'bar'" in out
    assert f"{rules}:4: TW002: valid example 1 gave a finding at 'foo'" in out
    # Examples are optional: a rule without them is a warning, not a failure.
    assert f"{rules}:12: TW003: warning: has no invalid example" in out
    assert "1 of 2 rules pass their examples (1 pack; 2 warnings)." in out


def test_rules_error_is_one_line_and_exit_2(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, """\
  - id: TW001
    name: broken
    kind: existence
    severity: warning
    message: "x"
    description: test
    patterns: ['(unclosed']
""")
    doc = tmp_path / "a.md"
    doc.write_text("text\n", encoding="utf-8")
    result = run_termlint("--rules", rules, doc)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert str(rules) in line and ":10:" in line and "TW001" in line and "(unclosed" in line


def test_config_error_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / ".termlint.yaml").write_text("rules: [builtin:precision-medicine]\nselct: [PM]\n")
    doc = tmp_path / "a.md"
    doc.write_text("text\n", encoding="utf-8")
    result = run_termlint(doc, cwd=tmp_path)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert ".termlint.yaml:2" in line and "selct" in line and "select" in line


def test_config_file_is_discovered_and_applied(tmp_path: Path, rules: Path) -> None:
    (tmp_path / ".termlint.yaml").write_text(
        f"rules: [{rules.name}]\nseverity: {{TW001: error}}\nfail-on: error\n"
    )
    (tmp_path / "docs").mkdir()
    doc = tmp_path / "docs" / "a.md"
    doc.write_text("precision medicine\n", encoding="utf-8")
    code, data = run_json(doc, cwd=tmp_path)
    assert code == 1
    assert data["findings"][0]["severity"] == "error"


def test_json_output_is_valid_utf8_with_unicode(tmp_path: Path, rules: Path) -> None:
    doc = tmp_path / "ü.md"
    doc.write_text("Ünïcödé — precision medicine\n", encoding="utf-8")
    result = run_termlint("--rules", rules, "--format", "json", doc)
    data = json.loads(result.stdout)
    assert data["findings"][0]["column"] == 11


def test_each_file_is_judged_by_its_own_fail_level(tmp_path: Path, rules: Path) -> None:
    strict, lenient = tmp_path / "strict", tmp_path / "lenient"
    for folder, level in ((strict, "info"), (lenient, "error")):
        folder.mkdir()
        (folder / ".termlint.yaml").write_text(f"rules: [{rules}]\nfail-on: {level}\n")
    (lenient / "x.md").write_text("precision medicine\n", encoding="utf-8")
    (strict / "y.md").write_text("clean\n", encoding="utf-8")
    for order in ((lenient / "x.md", strict / "y.md"), (strict / "y.md", lenient / "x.md")):
        assert run_termlint(*order).returncode == 0  # a warning under fail-on: error


def test_list_and_explain_use_the_config_of_a_folder_argument(tmp_path: Path,
                                                             rules: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / ".termlint.yaml").write_text(f"rules: [{rules}]\n")
    assert run_termlint("--explain", "TW001", docs).returncode == 0
    assert "TW001" in run_termlint("--list-rules", docs).stdout


def test_too_deep_nesting_is_an_error_not_silence(tmp_path: Path, rules: Path) -> None:
    doc = tmp_path / "deep.md"
    doc.write_text("".join("  " * i + "- x\n" for i in range(1000)) + "precision medicine\n")
    result = run_termlint("--rules", rules, doc)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{doc}: nested deeper than 200 levels; not linted"
    shallow = tmp_path / "nested.md"
    shallow.write_text("".join("  " * i + "- x\n" for i in range(30))
                       + "  " * 30 + "- precision medicine\n")
    assert run_termlint("--rules", rules, shallow).returncode == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_named_like_markdown_does_not_block(tmp_path: Path, rules: Path) -> None:
    os.mkfifo(tmp_path / "pipe.md")
    (tmp_path / "ok.md").write_text("precision medicine\n", encoding="utf-8")
    code, data = run_json("--rules", rules, tmp_path)
    assert code == 2
    assert data["errors"] == [{"path": str(tmp_path / "pipe.md"),
                               "message": "not a regular file (a FIFO, socket or device)"}]
    assert len(data["findings"]) == 1
