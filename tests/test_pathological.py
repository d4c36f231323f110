"""Pathological drafts are linted or refused with a one-line error, never a crash or a hang.

The full sizes (a 50 MB file linted anyway, a 1,000,000-line file, one 5 MB line) take a minute
or more each and are measured by bench/hostile.py; here are the refusals and smaller cousins.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_json, run_termlint

NESTED = {
    "quotes": ">" * 10_000 + " precision medicine\n",
    "lists": "- " * 10_000 + "precision medicine\n",
    "ordered": "1. " * 10_000 + "precision medicine\n",
    "mixed": "> - " * 5_000 + "precision medicine\n",
}


@pytest.mark.parametrize("name", sorted(NESTED))
def test_ten_thousand_levels_are_refused_cleanly(tmp_path: Path, name: str) -> None:
    deep = tmp_path / f"{name}.md"
    deep.write_text(NESTED[name])
    (tmp_path / "ok.md").write_text("Precision medicine, also known as personalized medicine.\n")
    result = run_termlint(tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == f"{deep}: nested deeper than 200 levels; not linted"
    assert "ok.md:1:" in result.stdout


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "huge.md"
    with open(huge, "wb") as handle:
        handle.truncate(50_000_000)  # sparse: refused on its size, so its bytes never matter
    (tmp_path / "ok.md").write_text("Precision medicine, also known as personalized medicine.\n")
    code, data = run_json(tmp_path)
    assert code == 2
    limit = "not linted (--max-size raises the limit)"
    assert data["errors"] == [
        {"path": str(huge), "message": f"larger than 10 MB (50.0 MB); {limit}"}]
    assert [f["path"] for f in data["findings"]] == [str(tmp_path / "ok.md")]


def test_max_size_sets_the_limit(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("Plain words, nothing to see.\n" * 40_000
                     + "\nPrecision medicine, also known as personalized medicine.\n")
    code, data = run_json("--max-size", "1", draft)
    limit = "not linted (--max-size raises the limit)"
    assert code == 2
    assert data["errors"] == [
        {"path": str(draft), "message": f"larger than 1 MB (1.2 MB); {limit}"}]
    code, data = run_json("--max-size", "0", draft)
    assert code == 1
    assert data["errors"] == [] and len(data["findings"]) == 1


def test_many_lines_and_one_long_line(tmp_path: Path) -> None:
    lines = tmp_path / "lines.md"
    lines.write_text("word\n" * 100_000 + "precision/personalized medicine\n")
    line = tmp_path / "line.md"
    words = "the precision medicine of personalized care in patients and genomic testing"
    line.write_text((words + " ") * 15_000 + "precision/personalized medicine\n")  # 1.1 MB
    code, data = run_json("--jobs", "1", lines, line)
    assert data["errors"] == []
    assert [(f["path"], f["line"], f["rule"], f["match"]) for f in data["findings"]] == [
        (str(line), 1, "PM101", "personalized medicine"),
        (str(lines), 100_001, "PM101", "personalized medicine"),
    ]
    assert code == 1


def test_a_stray_nul_is_prose_but_a_file_of_nuls_is_binary(tmp_path: Path) -> None:
    from termlint.source import SourceError, decode

    assert decode(b"nul\x00byte", "x.md").norm == "nul\ufffdbyte"
    with pytest.raises(SourceError, match="looks like a binary file"):
        decode("precision medicine\n".encode("utf-16-le"), "x.md")
