"""Unsafe fixes for conflations: drop an alias clause, keep one term of a shared head or a
stacking. Each leaves a grammatical sentence, the same Markdown structure, and no conflation."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from conftest import run_json, run_termlint, shared_path


def blocks(text: str) -> list[str]:
    """The block-level token types of a Markdown text (its structure)."""
    return [t.type for t in MarkdownIt("commonmark").enable("table").parse(text)
            if t.type != "inline"]


def fix(tmp_path: Path, text: str, *extra: str) -> str:
    doc = tmp_path / "draft.md"
    doc.write_text(text, encoding="utf-8")
    run_termlint("--fix", "--unsafe-fixes", *extra, doc, cwd=tmp_path)
    return doc.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # an alias clause, closed by a comma, a bracket or a dash, or by the sentence's end
        ("Precision medicine, also called personalized medicine, uses your DNA.\n",
         "Precision medicine uses your DNA.\n"),
        ("Precision medicine (also known as personalised medicine) is new.\n",
         "Precision medicine is new.\n"),
        ("Precision medicine \u2014 or personalized medicine, as most patients know it "
         "\u2014 helps.\n", "Precision medicine helps.\n"),
        ("Our clinic offers precision medicine, also known as personalised medicine.\n",
         "Our clinic offers precision medicine.\n"),
        ("Genomic medicine, or personalized medicine, is taught in year five.\n",
         "Genomic medicine is taught in year five.\n"),
        # a shared head keeps the first modifier; a stacking keeps the full form
        ("We run a precision/personalized medicine clinic.\n",
         "We run a precision medicine clinic.\n"),
        ("Hospitals offer precision or personalized medicine.\n",
         "Hospitals offer precision medicine.\n"),
        ("Precision (or personalized) medicine is new.\n", "Precision medicine is new.\n"),
        ("Personalized precision medicine is here.\n", "Precision medicine is here.\n"),
        ("It is new. **Personalized precision medicine** is here.\n",
         "It is new. **Precision medicine** is here.\n"),
        ("A plan for Personalized precision medicine.\n", "A plan for precision medicine.\n"),
        ("A framework for personalised, precision health in clinics.\n",
         "A framework for precision health in clinics.\n"),
        # a line break inside the span, in a paragraph and in a blockquote: the lines join
        ("Precision medicine, also known as personalized\nmedicine, is new.\n",
         "Precision medicine is new.\n"),
        ("> Precision medicine, also called\n> personalized medicine, is new.\n",
         "> Precision medicine is new.\n"),
        ("- Precision medicine (also called personalized medicine) in a list\n",
         "- Precision medicine in a list\n"),
    ],
)
def test_unsafe_fixes_leave_one_term(tmp_path: Path, before: str, after: str) -> None:
    fixed = fix(tmp_path, before)
    assert fixed == after
    assert blocks(fixed) == blocks(before)
    _, data = run_json(tmp_path / "draft.md", cwd=tmp_path)
    assert [f for f in data["findings"] if f["kind"] == "conflation"] == []
    assert fix(tmp_path, fixed) == fixed  # idempotent


@pytest.mark.parametrize(
    "text",
    [
        # markup inside the clause: dropping it would break the emphasis
        "**Precision medicine, also called personalized medicine**, is new.\n",
        # a stated equivalence or an alias in the next sentence: no mechanical edit
        "Precision medicine and personalized medicine are interchangeable terms.\n",
        "Precision medicine uses test results. It is also known as personalized medicine.\n",
    ],
)
def test_no_fix_where_the_edit_is_not_mechanical(tmp_path: Path, text: str) -> None:
    assert fix(tmp_path, text) == text
    _, data = run_json(tmp_path / "draft.md", cwd=tmp_path)
    assert [f.get("fix") for f in data["findings"] if f["kind"] == "conflation"] == [None]


def test_the_fix_is_unsafe_and_names_its_own_span(tmp_path: Path) -> None:
    doc = tmp_path / "draft.md"
    text = "Precision medicine, also called personalized medicine, uses your DNA.\n"
    doc.write_text(text, encoding="utf-8")
    run_termlint("--fix", doc, cwd=tmp_path)  # safe fixes only
    assert doc.read_text(encoding="utf-8") == text
    assert run_termlint("--diff", doc, cwd=tmp_path).stdout == ""
    assert "-Precision medicine, also" in run_termlint("--diff", "--unsafe-fixes", doc,
                                                       cwd=tmp_path).stdout
    _, data = run_json(doc, cwd=tmp_path)
    (finding,) = data["findings"]
    assert (finding["line"], finding["column"]) == (1, 33)  # the second term
    assert finding["fix"] == {"replacement": "", "applicability": "unsafe", "line": 1,
                              "column": 19, "end_line": 1, "end_column": 55}
    sarif = json.loads(run_termlint("--format", "sarif", doc, cwd=tmp_path).stdout)
    (change,) = sarif["runs"][0]["results"][0]["fixes"][0]["artifactChanges"]
    assert change["replacements"][0]["deletedRegion"] == {
        "startLine": 1, "startColumn": 19, "endLine": 1, "endColumn": 55}


def test_every_conflation_in_real_text_fixes_cleanly(tmp_path: Path) -> None:
    """--unsafe-fixes --fix on every labelled conflation of ../shared/realtext: what was fixed
    re-lints with no conflation, the Markdown structure stays, a second run changes nothing."""
    realtext = shared_path("realtext")
    originals: dict[str, str] = {}
    for p in yaml.safe_load((realtext / "passages.yaml").read_text("utf-8")):
        if p.get("conflation"):
            head = f"# {p['heading']}\n\n" if p.get("heading") else ""
            originals[f"{p['id']}.md"] = head + p["text"]
    for d in yaml.safe_load((realtext / "docs.yaml").read_text("utf-8")):
        if d.get("conflations"):
            originals[d["file"]] = (realtext / "docs" / d["file"]).read_text("utf-8")
    for name, text in originals.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    # Sentence-level findings (warnings) only: a document-level note may remain after a fix
    # when, say, a heading still uses the other term.
    _, before = run_json("--select", "PM1", "--fail-on", "warning", ".", cwd=tmp_path)
    sentence_level = [f for f in before["findings"] if f["severity"] == "warning"]
    unfixable = sorted((f["path"], f["match"]) for f in sentence_level if "fix" not in f)
    assert len(unfixable) < len(sentence_level)
    run_termlint("--select", "PM1", "--fix", "--unsafe-fixes", ".", cwd=tmp_path)
    _, after = run_json("--select", "PM1", ".", cwd=tmp_path)
    assert sorted((f["path"], f["match"]) for f in after["findings"]
                  if f["severity"] == "warning") == unfixable
    fixed = {name: (tmp_path / name).read_text("utf-8") for name in originals}
    for name, text in originals.items():
        assert blocks(fixed[name]) == blocks(text), name
    run_termlint("--select", "PM1", "--fix", "--unsafe-fixes", ".", cwd=tmp_path)
    assert {name: (tmp_path / name).read_text("utf-8") for name in originals} == fixed
    shutil.rmtree(tmp_path / ".termlint_cache", ignore_errors=True)
