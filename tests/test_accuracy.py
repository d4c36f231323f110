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
