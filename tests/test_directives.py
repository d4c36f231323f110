"""Suppression comments, and the reports about unused or unknown ones."""

from __future__ import annotations

from pathlib import Path

from conftest import WORD_RULE, run_json, write_rules

SECOND_RULE = """\
  - id: TW002
    name: other
    kind: existence
    severity: warning
    message: "other {match}"
    description: test
    patterns: [genomic]
    examples: {invalid: ["genomic"], valid: ["x"]}
"""


def findings(tmp_path: Path, text: str, *options: str) -> list[dict]:
    """The JSON findings of `text` linted with the two test rules."""
    rules = write_rules(tmp_path, WORD_RULE + SECOND_RULE)
    doc = tmp_path / "a.md"
    doc.write_text(text, encoding="utf-8")
    _, data = run_json("--rules", rules, *options, doc)
    return data["findings"]  # type: ignore[no-any-return]


def lint(tmp_path: Path, text: str) -> list[tuple[str, int]]:
    return [(f["rule"], f["line"]) for f in findings(tmp_path, text)]


def test_disable_enable_range_for_one_rule(tmp_path: Path) -> None:
    text = (
        "precision medicine genomic\n\n"
        "<!-- termlint-disable TW001 -->\n\n"
        "precision medicine genomic\n\n"
        "<!-- termlint-enable TW001 -->\n\n"
        "precision medicine\n"
    )
    assert lint(tmp_path, text) == [("TW001", 1), ("TW002", 1), ("TW002", 5), ("TW001", 9)]


def test_disable_all_then_enable_one(tmp_path: Path) -> None:
    text = (
        "<!-- termlint-disable -->\n"
        "<!-- termlint-enable TW002 -->\n\n"
        "precision medicine genomic\n"
    )
    assert lint(tmp_path, text) == [("TW002", 4)]


def test_disable_next_line_only_covers_the_next_line(tmp_path: Path) -> None:
    text = (
        "<!-- termlint-disable-next-line TW001 -->\n"
        "precision medicine genomic\n"
        "precision medicine\n"
    )
    assert lint(tmp_path, text) == [("TW002", 2), ("TW001", 3)]


def test_inline_comment_and_disable_file(tmp_path: Path) -> None:
    text = (
        "Intro <!-- termlint-disable-file TW002 --> text.\n\n"
        "genomic precision medicine\n"
    )
    assert lint(tmp_path, text) == [("TW001", 3)]


def test_unused_and_unknown_directives_are_reported(tmp_path: Path) -> None:
    text = (
        "<!-- termlint-disable TW002 -->\n\n"
        "precision medicine\n\n"
        "<!-- termlint-disable-next-line XX999 -->\n"
        "nothing\n"
    )
    found = findings(tmp_path, text)
    assert [(f["rule"], f["line"], f["column"], f["severity"]) for f in found] == [
        ("TL001", 1, 1, "info"),
        ("TW001", 3, 1, "warning"),
        ("TL002", 5, 1, "info"),  # unknown, so not also reported as unused
    ]
    assert found[0]["match"] == "<!-- termlint-disable TW002 -->"
    # Reports about directives can themselves be ignored like any rule.
    assert [f["rule"] for f in findings(tmp_path, text, "--ignore", "TL")] == ["TW001"]


def test_directives_inside_code_are_not_directives(tmp_path: Path) -> None:
    text = (
        "```\n<!-- termlint-disable -->\n```\n\n"
        "precision medicine `<!-- termlint-disable -->`\n"
    )
    assert lint(tmp_path, text) == [("TW001", 5)]


def test_directive_in_blockquote(tmp_path: Path) -> None:
    text = (
        "> <!-- termlint-disable-next-line TW001 -->\n"
        "> precision medicine\n\nprecision medicine\n"
    )
    assert lint(tmp_path, text) == [("TW001", 4)]


def test_words_that_are_not_ids_never_widen_a_directive(tmp_path: Path) -> None:
    text = (
        "<!-- termlint-disable TW002: quoting a source -->\n\n"
        "precision medicine genomic\n\n"
        "<!-- termlint-disable-nextline TW001 -->\n"
        "precision medicine\n"
    )
    found = lint(tmp_path, text)
    # The misspelt directive is no directive; the one with stray words is reported and
    # suppresses nothing it does not name.
    assert ("TW001", 3) in found and ("TW002", 3) in found and ("TW001", 6) in found
    assert ("TL002", 1) in found


def test_reports_about_directives_can_be_suppressed(tmp_path: Path) -> None:
    text = (
        "<!-- termlint-disable-file TL001 -->\n\n"
        "<!-- termlint-disable TW002 -->\n\n"
        "precision medicine\n\n"
        "<!-- termlint-enable XX999 -->\n"
    )
    assert lint(tmp_path, text) == [("TW001", 5), ("TL002", 7)]
