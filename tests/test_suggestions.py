"""PM201's suggested examples: the table in the bundled pack, how an area is picked, and where
a suggestion shows (text, JSON, SARIF), never written by --fix."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_json, run_termlint

PACK = ROOT / "rules" / "precision-medicine.yaml"


def table() -> list[dict]:
    rules = yaml.safe_load(PACK.read_text(encoding="utf-8"))["rules"]
    return next(r for r in rules if r["id"] == "PM201")["suggestions"]


def test_every_entry_is_complete_and_sourced() -> None:
    entries = table()
    assert len(entries) >= 25
    assert len({e["area"] for e in entries if e.get("cues")}) >= 12
    for entry in entries:
        assert entry["area"].strip() and entry["example"].strip(), entry
        assert re.match(r"https://[\w.-]+\.\w+/\S+$", entry["source"]), entry
        assert entry["example"] == entry["example"].strip() and not entry["example"].endswith(".")
    # one fallback, with no cues; every other entry has cues
    assert [e["area"] for e in entries if not e.get("cues")] == ["general"]


def test_areas_do_not_share_cue_words() -> None:
    owner: dict[str, str] = {}
    for entry in table():
        for cue in entry.get("cues", []):
            word = cue.lower()
            assert owner.setdefault(word, entry["area"]) == entry["area"], (
                f"cue {cue!r} is in both {owner[word]!r} and {entry['area']!r}")


def lint(tmp_path: Path, text: str, *args: str) -> list[dict]:
    doc = tmp_path / "draft.md"
    doc.write_text(text, encoding="utf-8")
    _, data = run_json(*args, doc, cwd=tmp_path)
    return [f for f in data["findings"] if f["rule"] == "PM201"]


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Precision medicine improves seizure control in epilepsy.\n", "epilepsy"),
        ("Precision medicine improves care after a kidney transplant.\n",
         "transplant and immunosuppression"),
        ("# Depression clinics\n\nIntro.\n\nPrecision medicine improves care.\n",
         "psychiatry / antidepressants"),  # from the section when the paragraph has no cue
        ("Precision medicine improves care for everyone.\n", "general"),
    ],
)
def test_the_area_comes_from_the_paragraph_then_the_section(
        tmp_path: Path, text: str, area: str) -> None:
    (finding,) = lint(tmp_path, text)
    assert finding["suggestion"]["area"] == area
    assert finding["suggestion"]["source"].startswith("https://")


def test_suggestion_in_text_and_sarif_and_never_written(tmp_path: Path) -> None:
    doc = tmp_path / "draft.md"
    text = "Precision medicine improves care for people with HIV.\n"
    doc.write_text(text, encoding="utf-8")
    out = run_termlint(doc, cwd=tmp_path).stdout.splitlines()
    assert out[1].startswith("    suggest: HLA-B*57:01 screening before abacavir")
    assert out[1].endswith("(HIV; source: "
                           "https://cpicpgx.org/guidelines/guideline-for-abacavir-and-hla-b/)")
    sarif = json.loads(run_termlint("--format", "sarif", doc, cwd=tmp_path).stdout)
    (result,) = sarif["runs"][0]["results"]
    assert "\nSuggested example: HLA-B*57:01 screening" in result["message"]["text"]
    assert "fixes" not in result
    run_termlint("--fix", "--unsafe-fixes", doc, cwd=tmp_path)
    assert doc.read_text(encoding="utf-8") == text


def test_a_broken_table_is_one_clear_error(tmp_path: Path) -> None:
    text = PACK.read_text(encoding="utf-8").replace(
        "source: https://cpicpgx.org/guidelines/guideline-for-abacavir-and-hla-b/",
        "source: cpicpgx.org/abacavir", 1)
    rules = tmp_path / "pack.yaml"
    rules.write_text(text, encoding="utf-8")
    (tmp_path / "a.md").write_text("Hello.\n", encoding="utf-8")
    result = run_termlint("--rules", rules, "a.md", cwd=tmp_path)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert "pack.yaml:" in line and "PM201" in line and "'source' must be a URL" in line


def test_suggestion_areas_on_real_text_meet_the_bar() -> None:
    # Every PM201 finding on the seeds and realtext's dev split carries a suggestion, and at
    # least 80 % of those in a clearly clinical paragraph get its area (labels in bench/).
    import subprocess
    import sys

    from conftest import shared_path

    shared_path("realtext", "score.py")
    shared_path("seeds")
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "accuracy" / "suggestions.py")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "in the paragraph's area" in done.stdout


def test_the_cue_scan_finds_what_a_plain_scan_finds() -> None:
    # Cues are tried only at words that start like one: the same matches as finditer.
    from termlint.packs import load_pack

    rule = next(r for r in load_pack("builtin:precision-medicine").rules if r.id == "PM201")
    table = rule.options.suggestions
    assert table.starts is not None
    texts = ["Breast cancer, HER2 and trastuzumab; lung-cancer (EGFR) and CYP2C19 stents.",
             "Sub-cancerous rebreast HLA-B*58:01 allopurinol 5-FU xgout gout_ MT-RNR1.",
             "ÉPILEPSY epilepsy İnsulin \u017ftatin statins, cardiology cardiologists",
             "ÉPILEPSY epilepsy \u017ftatin statins, cardiology cardiologists \u212aELVIN"]
    for text in texts:
        assert [m.span() for m in table._found(text)] == [
            m.span() for m in table.cues.finditer(text)]
