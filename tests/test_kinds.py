"""The pattern rule kinds: existence, substitution (with fixes), consistency."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_json, write_rules

RULES = """\
  - id: TK001
    name: swap
    kind: substitution
    severity: warning
    message: "Use {replacement}, not {match}."
    description: test
    swap:
      'utili[sz]e': use
      in order to: to
    examples: {invalid: ["utilize"], valid: ["use"]}
  - id: TK002
    name: unsafe-swap
    kind: substitution
    severity: warning
    message: "{match} -> {replacement}"
    description: test
    swap: {leverage: use}
    fix: unsafe
    examples: {invalid: ["leverage"], valid: ["use"]}
  - id: TK003
    name: spelling
    kind: consistency
    severity: warning
    message: "{match}: the page already uses {expected}"
    description: test
    either: {colour: color}
    examples: {invalid: ["color and colour"], valid: ["color and color"]}
  - id: TK004
    name: per-section
    kind: consistency
    severity: info
    scope: section
    message: "{match} vs {expected}"
    description: test
    either: {grey: gray}
    examples: {invalid: ["grey and gray"], valid: ["grey and grey"]}
"""


@pytest.fixture
def lint(tmp_path: Path):  # type: ignore[no-untyped-def]
    rules = write_rules(tmp_path, RULES)

    def run(text: str) -> list[dict]:
        doc = tmp_path / "a.md"
        doc.write_text(text, encoding="utf-8")
        _, data = run_json("--rules", rules, doc)
        assert data["errors"] == []
        return data["findings"]

    return run


def test_substitution_offers_case_matched_safe_fix(lint) -> None:  # type: ignore[no-untyped-def]
    (first, second, third) = lint("Utilize it. UTILIZE it. We utilise it in order to win.\n")[:3]
    assert first["fix"] == {"replacement": "Use", "applicability": "safe"}
    assert first["message"] == "Use Use, not Utilize."
    assert second["fix"]["replacement"] == "USE"
    assert third["match"] == "utilise"
    assert third["fix"]["replacement"] == "use"


def test_fix_over_markup_or_line_break_is_unsafe(lint) -> None:  # type: ignore[no-untyped-def]
    found = lint("We do it in *order* to win, in order\nto win.\n")
    assert [f["match"] for f in found] == ["in *order* to", "in order\nto"]
    assert all(f["fix"]["applicability"] == "unsafe" for f in found)


def test_rule_can_declare_its_fix_unsafe(lint) -> None:  # type: ignore[no-untyped-def]
    (finding,) = lint("We leverage data.\n")
    assert finding["fix"] == {"replacement": "use", "applicability": "unsafe"}


def test_consistency_first_form_wins(lint) -> None:  # type: ignore[no-untyped-def]
    found = lint("# Colour\n\nThe color of the colour chart.\n")
    assert [(f["match"], f["line"], f["column"]) for f in found] == [("color", 3, 5)]
    assert found[0]["message"] == "color: the page already uses Colour"
    assert found[0]["fix"]["replacement"] == "colour"


def test_consistency_section_scope(lint) -> None:  # type: ignore[no-untyped-def]
    found = lint("# A\n\ngrey, then gray.\n\n# B\n\ngray, then gray, then grey.\n")
    assert [(f["match"], f["line"]) for f in found] == [("gray", 3), ("grey", 7)]


def test_existence_in_code_is_ignored(lint) -> None:  # type: ignore[no-untyped-def]
    assert lint("Run `utilize` now.\n\n```\nutilize\n```\n") == []
