"""--write-baseline / --baseline: adopt termlint on a repo with existing findings."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import existence_rule, run_json, run_termlint, write_rules

RULES = existence_rule("TB001", "miracle")


def test_baseline_hides_old_findings_and_survives_inserted_lines(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, RULES)
    docs = tmp_path / "docs"
    docs.mkdir()
    doc = docs / "a.md"
    doc.write_text("A miracle cure.\n\nAnother miracle here.\n", encoding="utf-8")
    baseline = tmp_path / "termlint-baseline.json"
    written = run_termlint("--rules", rules, "--write-baseline", baseline, "docs", cwd=tmp_path)
    assert written.returncode == 0 and "Wrote 2 findings" in written.stdout
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert {e["path"] for e in entries} == {"docs/a.md"}

    # Lines inserted above, a new finding added: only the new one is reported.
    doc.write_text("# Title\n\nNew intro.\n\nA miracle cure.\n\nAnother miracle here.\n\n"
                   "A fresh miracle.\n", encoding="utf-8")
    code, data = run_json("--rules", rules, "--baseline", baseline, "docs", cwd=tmp_path)
    assert code == 1
    assert [(f["line"], f["match"]) for f in data["findings"]] == [(9, "miracle")]
    assert data["summary"]["baseline"] == {"hidden": 2, "stale": 0}

    # From another folder the same baseline still applies (paths are relative to it).
    code, data = run_json("--rules", rules, "--baseline", baseline, docs, cwd=docs)
    assert [f["line"] for f in data["findings"]] == [9]

    # Fixing an old finding leaves a stale entry, counted in the summary.
    doc.write_text("A cure.\n\nAnother miracle here.\n", encoding="utf-8")
    result = run_termlint("--rules", rules, "--baseline", baseline, "docs", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.strip() == (
        "All clear: 1 file checked (1 hidden by the baseline; 1 stale baseline entry).")


def test_bad_baseline_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "b.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    doc = tmp_path / "a.md"
    doc.write_text("x\n", encoding="utf-8")
    result = run_termlint("--baseline", bad, doc)
    assert result.returncode == 2
    assert result.stderr.strip() == f"termlint: {bad}: not a termlint baseline (write one with "\
        "--write-baseline)"
