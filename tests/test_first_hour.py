"""A writer's first hour: own rules added to the defaults, named files always linted, output
that counts what it says it counts (issue 12)."""

from __future__ import annotations

from pathlib import Path

from conftest import WORD_RULE, existence_rule, run_json, run_termlint, write_rules

CONFLATION = "Precision medicine, also known as personalized medicine, is new.\n"


def rules_of(data: dict) -> set[str]:
    return {f["rule"] for f in data["findings"]}


def test_extend_rules_adds_to_the_configured_rules(tmp_path: Path) -> None:
    house = write_rules(tmp_path, existence_rule("HS001", "widget"), "house.yaml")
    draft = tmp_path / "draft.md"
    draft.write_text("A widget. " + CONFLATION)
    _, replaced = run_json("--rules", house, draft, cwd=tmp_path)
    assert rules_of(replaced) == {"HS001"}
    _, extended = run_json("--extend-rules", house, draft, cwd=tmp_path)
    assert rules_of(extended) == {"HS001", "PM101"}  # the bundled default stays
    # With a configuration, it extends the configured list; --rules then --extend-rules stack.
    (tmp_path / ".termlint.yaml").write_text("rules: [builtin:precision-medicine]\n")
    other = write_rules(tmp_path, WORD_RULE, "other.yaml")
    _, both = run_json("--rules", other, "--extend-rules", house, draft, cwd=tmp_path)
    assert rules_of(both) == {"HS001", "TW001"}
    # Named twice (configured and extended), a pack is loaded once: no duplicate-id error.
    code, again = run_json("--extend-rules", "builtin:precision-medicine", draft, cwd=tmp_path)
    assert code == 1 and not again["errors"]


def test_pre_commit_examples_extend_rather_than_replace() -> None:
    from conftest import ROOT

    for name in ("README.md", ".pre-commit-hooks.yaml"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "--extend-rules" in text and "args: [--rules" not in text, name
    assert run_termlint("--help").stdout.count("--extend-rules") >= 1
