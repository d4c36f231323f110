"""The bundled pack on the domain source texts in ../shared/seeds (DESIGN.md §1 fixtures).

The seed texts are read from ../shared only; none of their sentences live in this project.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SHARED, run_json, source_slice

SEEDS = SHARED / "seeds"


def lint_seed(prefix: str) -> tuple[str, list[dict]]:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent (the seed texts live beside the checkout)")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    _code, data = run_json(path, "--fail-on", "info")
    assert data["errors"] == []
    text = path.read_text(encoding="utf-8")
    for finding in data["findings"]:
        assert source_slice(text, finding) == finding["match"]
    return text, data["findings"]


def sentence_of(text: str, finding: dict) -> str:
    """The finding's line, flattened: enough context to recognise which sentence it is."""
    line = text.replace("\r\n", "\n").split("\n")[finding["line"] - 1]
    return " ".join(line.split())


def kinds(findings: list[dict], kind: str) -> list[dict]:
    return [f for f in findings if f["kind"] == kind]


def test_000_models_good_writing() -> None:
    _, findings = lint_seed("000")
    assert [f for f in findings if f["severity"] != "info"] == []
    assert kinds(findings, "conflation") == []


def test_001_stacking_and_unsupported_claims() -> None:
    text, findings = lint_seed("001")
    (conflation,) = kinds(findings, "conflation")
    assert "personalized precision medicine" in conflation["message"]
    claims = [sentence_of(text, f) for f in kinds(findings, "actionability")]
    assert len(claims) >= 3
    assert any("infectious" in c for c in claims)
    assert any("immunosuppressive" in c for c in claims)  # the transplant paragraph


def test_002_alias_equivalence_and_claims() -> None:
    _text, findings = lint_seed("002")
    conflations = [f["message"] for f in kinds(findings, "conflation")]
    assert any("Another name for precision medicine is personalized medicine" in m
               for m in conflations)
    assert any("means the same thing as" in m for m in conflations)
    claims = [f["match"] for f in kinds(findings, "actionability")]
    assert any("will allow" in c and "predict which" in c for c in claims)
    assert any("may improve many aspects of your health" in c for c in claims)


def test_003_unsupported_claims_only() -> None:
    _, findings = lint_seed("003")
    assert kinds(findings, "conflation") == []
    claims = [" ".join(f["match"].split()) for f in kinds(findings, "actionability")]
    assert any("hold immense promise" in c for c in claims)
    assert any("enhancing the diagnosis, treatment, and management" in c for c in claims)


def test_004_two_conflations_hype_claims_leftovers() -> None:
    _, findings = lint_seed("004")
    first_paragraph = [f for f in kinds(findings, "conflation")
                       if f["line"] == 3 and f["severity"] == "warning"]
    assert sorted(f["match"].lower() for f in first_paragraph) == [
        "genomic medicine", "personalized medicine"]
    assert {f["rule"] for f in findings if f["name"] == "hype"} == {"PM401"}
    assert kinds(findings, "actionability")
    leftovers = sorted(f["match"] for f in findings if f["name"] == "draft-leftovers")
    assert leftovers == ["Leave a Comment", "SEO optimization", "Scroll to Top"]


def test_seed_texts_are_not_copied_into_the_project() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent")
    import re

    seeds = " ".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt"))
    sentences = {s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(seeds.split()))
                 if len(s.strip()) >= 60}
    root = Path(__file__).resolve().parents[1]
    import subprocess

    listed = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout: cannot tell which files the project ships")
    for name in listed.stdout.split():
        path = root / name
        if path.suffix in {".md", ".py", ".yaml", ".yml", ".txt", ".json", ".toml"} and \
                "tests" not in path.parts and path.exists():
            text = " ".join(path.read_text(encoding="utf-8", errors="replace").split())
            copied = [s for s in sentences if s in text]
            assert copied == [], f"{path} copies seed sentences"
