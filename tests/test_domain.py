"""The domain rule kinds, driven by rules files written here: conflation and actionability.

These show that cue words, constructions and lexicons are data a team can extend in YAML.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_json

PACK = """\
version: 1
name: mini
families:
  precision: {forms: ['precision(?:-| )medicine'], modifiers: [precision],
              subfields: ['precision oncology']}
  personalized: {forms: ['personali[sz]ed medicine'], modifiers: ['personali[sz]ed']}
lexicons:
  alias: ['also known as', 'also called']
  contrast: ['not the same', 'differ\\w*']
  constructions:
    - '{A},? (?:{alias}) {B}'
    - '{a}/{B}'
    - '{a} {B}'
  predicates: ['improv\\w*', 'holds? promise']
  genes: ['CYP2C19']
  drugs: ['clopidogrel']
  decisions: ['prescrib\\w*', 'avoid\\w*']
rules:
  - id: XX101
    name: conflation
    kind: conflation
    severity: warning
    message: "{construction}"
    description: test
    families: [precision, personalized]
    constructions: constructions
    contrast: contrast
  - id: XX201
    name: claims
    kind: actionability
    severity: warning
    message: "{term}"
    description: test
    predicates: predicates
    entities: [genes, drugs]
    decisions: decisions
"""


def lint(
    tmp_path: Path, text: str, pack: str = PACK, severity: str = "warning"
) -> list[tuple[str, str, int, int]]:
    """Findings of one severity (the document-level conflation finding is `info`)."""
    rules = tmp_path / "mini.yaml"
    rules.write_text(pack, encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text(text, encoding="utf-8")
    _, data = run_json("--rules", rules, "--fail-on", "info", doc)
    assert data["errors"] == []
    return [(f["rule"], f["match"], f["line"], f["column"]) for f in data["findings"]
            if f["severity"] == severity]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Precision medicine, also called personalised medicine, is new.\n",
         [("XX101", "personalised medicine", 1, 33)]),
        ("We run a precision/personalized medicine clinic.\n",
         [("XX101", "personalized medicine", 1, 20)]),
        ("Personalized precision medicine is here.\n",
         [("XX101", "precision medicine", 1, 14)]),
        ("Precision-medicine, also known as personalized\nmedicine, is new.\n",
         [("XX101", "personalized\nmedicine", 1, 35)]),
        ("> Precision medicine's cousin, also known as\n> personalized medicine, is old.\n",
         []),
        ("Precision medicine is not the same as personalized medicine.\n", []),
        ("Precision oncology, also called personalized medicine, is new.\n", []),
        # a glossary row renames the first cell's term in another cell (true line and column)
        ("| Term | Meaning |\n|---|---|\n"
         "| Precision medicine | Also called personalized medicine |\n",
         [("XX101", "personalized medicine", 3, 36)]),
        # the terms as column headers compare them
        ("| | Precision medicine | Personalized medicine |\n|---|---|---|\n| Data | DNA | Life |\n",
         []),
    ],
)
def test_conflation_constructions(tmp_path: Path, text: str, expected: list) -> None:
    assert [f for f in lint(tmp_path, text) if f[0] == "XX101"] == expected


def test_possessive_form_still_joins(tmp_path: Path) -> None:
    found = lint(tmp_path, "The personalized precision medicine's promise.\n")
    assert [f[1] for f in found if f[0] == "XX101"] == ["precision medicine"]


def test_a_team_adds_a_cue_without_python(tmp_path: Path) -> None:
    text = "Precision medicine (a.k.a. personalized medicine) is new.\n"
    assert [f for f in lint(tmp_path, text) if f[0] == "XX101"] == []
    extended = PACK.replace("alias: ['also known as', 'also called']",
                            "alias: ['also known as', 'also called', 'a\\.k\\.a\\.']")
    extended = extended.replace("'{A},? (?:{alias}) {B}'", "'{A},? \\(?(?:{alias}) {B}'")
    assert [f[1] for f in lint(tmp_path, text, extended) if f[0] == "XX101"] == [
        "personalized medicine"]
    # and a new contrast cue, likewise
    text = "Precision medicine, also called personalized medicine by some, is a misnomer.\n"
    assert [f[0] for f in lint(tmp_path, text)].count("XX101") == 1
    quiet = PACK.replace("contrast: ['not the same', 'differ\\w*']",
                         "contrast: ['not the same', 'differ\\w*', 'misnomer']")
    assert [f[0] for f in lint(tmp_path, text, quiet)].count("XX101") == 0


def test_document_level_alternates(tmp_path: Path) -> None:
    text = ("Our precision medicine team is on level 2.\n\n"
            "The personalized medicine clinic opens at 9.\n")
    assert lint(tmp_path, text) == []
    (finding,) = lint(tmp_path, text, severity="info")
    assert finding == ("XX101", "personalized medicine", 3, 5)
    # A cue counts where the terms are talked about, not in an unrelated sentence.
    unrelated = text + "\nOpening hours differ in summer.\n"
    assert len(lint(tmp_path, unrelated, severity="info")) == 1
    distinguished = text + "\nPrecision medicine and personalized medicine differ in scope.\n"
    assert lint(tmp_path, distinguished, severity="info") == []


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        ("Precision medicine improves care.\n", ["Precision medicine"]),
        ("Precision oncology holds promise.\n", ["Precision oncology"]),
        ("Precision medicine improves care. CYP2C19 results decide who is prescribed "
         "clopidogrel.\n", []),
        ("Precision medicine improves care.\n\nCYP2C19 results decide who is prescribed "
         "clopidogrel.\n", ["Precision medicine"]),
        ("Precision medicine improves care:\n\n- CYP2C19 poor metabolisers avoid clopidogrel\n",
         []),
        ("Precision medicine improves care. It mentions CYP2C19 and clopidogrel.\n",
         ["Precision medicine"]),
        ("Does precision medicine improve care?\n", []),
    ],
)
def test_actionability_claims_and_evidence(tmp_path: Path, text: str, claims: list) -> None:
    assert [f[1].split(" improv")[0].split(" holds")[0] for f in lint(tmp_path, text)
            if f[0] == "XX201"] == claims


def test_actionability_scope_is_configurable(tmp_path: Path) -> None:
    text = ("# Precision medicine\n\nPrecision medicine improves care.\n\n"
            "CYP2C19 results decide who is prescribed clopidogrel.\n")
    assert [f[0] for f in lint(tmp_path, text)] == ["XX201"]
    section = PACK.replace("    kind: actionability\n", "    kind: actionability\n"
                                                        "    scope: section\n")
    assert lint(tmp_path, text, section) == []
    window = PACK.replace("    kind: actionability\n", "    kind: actionability\n"
                                                       "    scope: sentence\n    window: 0\n")
    text = ("Precision medicine improves care. "
            "CYP2C19 results decide who is prescribed clopidogrel.\n")
    assert [f[0] for f in lint(tmp_path, text, window)] == ["XX201"]


def test_findings_say_which_cues_decided_them(tmp_path: Path) -> None:
    rules = tmp_path / "mini.yaml"
    rules.write_text(PACK, encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text("Precision medicine, also called personalised medicine, is new.\n\n"
                   "In our clinic, precision medicine improves care.\n", encoding="utf-8")
    _, data = run_json("--rules", rules, doc)
    why = {f["rule"]: f["why"] for f in data["findings"]}
    assert why["XX101"]["construction"] == "constructions entry 1"  # the lexicon's first
    assert "sentence or the next" in why["XX101"]["contrast"]
    assert why["XX201"]["subject"] == "precision medicine (a family term as subject)"
    assert why["XX201"]["predicate"] == "improves"
    assert "paragraph" in why["XX201"]["evidence"]
    # SARIF carries the same, as result properties
    _, sarif = run_json("--rules", rules, "--format", "sarif", doc)
    results = sarif["runs"][0]["results"]
    assert [r["properties"]["why"] for r in results] == [why["XX101"], why["XX201"]]
