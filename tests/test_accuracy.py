"""The accuracy benchmark as a regression gate: the dev-set targets of the pack's domain kinds."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT


def test_dev_set_meets_precision_and_recall_targets() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "accuracy" / "run.py"), "--json",
         "--min-precision", "0.95", "--min-recall", "0.90"],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    kinds = json.loads(result.stdout)["kinds"]
    for kind in ("conflation", "actionability"):
        assert kinds[kind]["precision"] >= 0.95 and kinds[kind]["recall"] >= 0.90, kinds[kind]


def test_real_document_manifest_names_files_and_labels_only() -> None:
    """The manifest of extra real documents holds sources and short locating labels, never the
    third-party text: every entry pins a commit and a checksum, and no phrase is a sentence."""
    import yaml

    entries = yaml.safe_load((ROOT / "bench" / "accuracy" / "realtext-sources.yaml")
                             .read_text(encoding="utf-8"))["documents"]
    assert entries
    for entry in entries:
        assert len(entry["commit"]) == 40 and len(entry["sha256"]) == 64, entry["file"]
        assert entry["exclusions"]["source"] == "ok" and entry["exclusions"]["shared_windows"] < 3
        labels = [x for key in ("unsupported_claims", "conflations", "negatives", "ambiguous")
                  for x in entry.get(key) or []]
        lines = [x["line"] for x in labels]
        assert len(lines) == len(set(lines)), f"{entry['file']}: a line labelled twice"
        assert all(len(x["phrase"].split()) <= 6 for x in labels), entry["file"]


def test_real_document_scoring_counts_like_the_realtext_scorer(tmp_path) -> None:
    """realdocs.py's score(): within one line is a hit, ambiguous lines count neither way."""
    sys.path.insert(0, str(ROOT / "bench" / "accuracy"))
    try:
        import realdocs
    finally:
        sys.path.pop(0)
    entries = [{"file": "a.md", "unsupported_claims": [{"line": 10}, {"line": 30}],
                "ambiguous": [{"line": 20}]}]

    def finding(line: int) -> dict:
        return {"path": str(tmp_path / "a.md"), "kind": "actionability", "line": line,
                "end_line": line, "match": "x"}

    result = realdocs.score(entries, [finding(11), finding(20), finding(40)], show=False)
    assert result["actionability"] == {"tp": 1, "fp": 1, "fn": 1}
