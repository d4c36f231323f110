"""Compiled patterns kept in .termlint_cache/ give the same matchers as re.compile."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import run_json
from termlint import regexcache
from termlint.linter import Linter
from termlint.packs import load_packs
from termlint.source import decode

TEXT = """Precision medicine, also known as personalized medicine, improves outcomes.

TODO: a groundbreaking cure-all. Genes that cause obesity.
"""


@pytest.mark.parametrize("pattern", [
    r"(?<!\w)(?:precision|personali[sz]ed)(?!\w)", r"(?P<_0>a)|(?P<_1>b+)", r"(?-i:TODO)",
    r"[^\S\n]+(?:\n[^\S\n]*)?", r"(?:\w+ ){0,2}x",
])
def test_kept_code_builds_the_same_pattern(pattern: str) -> None:
    regexcache._store.clear()
    first = regexcache.compile(pattern, re.IGNORECASE)
    again = regexcache.compile(pattern, re.IGNORECASE)  # from the kept code
    plain = re.compile(pattern, re.IGNORECASE)
    assert (again.pattern, again.flags, again.groupindex) == (plain.pattern, plain.flags,
                                                              plain.groupindex)
    for text in ("precision x", "personalised", "TODO todo", "a bbb", "  \n  x", "w1 w2 x"):
        assert [m.span() for m in again.finditer(text)] == [m.span() for m in
                                                            plain.finditer(text)]
        assert [m.span() for m in first.finditer(text)] == [m.span() for m in
                                                            plain.finditer(text)]


def test_findings_are_the_same_from_a_kept_file(tmp_path: Path) -> None:
    folder = tmp_path / ".termlint_cache"
    results = []
    for _ in range(2):  # the first run writes the file, the second reads it
        regexcache._store.clear()
        with regexcache.kept_in(str(folder)):
            packs = load_packs(["builtin:precision-medicine"])
        findings = Linter(packs).lint_source(decode(TEXT.encode(), "x.md")).findings
        results.append([f.to_dict() for f in findings])
    assert results[0] == results[1] and len(results[0]) >= 4
    assert (folder / ".gitignore").exists()
    assert list(folder.glob("regex-*.marshal"))


def test_a_damaged_file_is_ignored(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(TEXT)
    folder = tmp_path / ".termlint_cache"
    kept = folder / regexcache._name()
    folder.mkdir()
    kept.write_bytes(b"\x00garbage")
    first = run_json("--no-cache", draft, cwd=tmp_path)

    def run() -> tuple[int, dict]:
        # Without the kept pack, so the run compiles patterns and reads the damaged file.
        shutil.rmtree(folder / "packs", ignore_errors=True)
        return run_json(draft, cwd=tmp_path)

    assert run() == first  # reads the garbage, rewrites the file
    assert kept.read_bytes() != b"\x00garbage"
    kept.write_bytes(kept.read_bytes()[:1000])  # cut short
    assert run() == first
    assert first[0] == 1 and first[1]["findings"]
