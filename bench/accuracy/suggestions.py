"""How well PM201's suggested examples fit: on the seeds and the `dev` split of ../shared/realtext.

    python bench/accuracy/suggestions.py            # the share, and every miss
    python bench/accuracy/suggestions.py --list     # every finding with its paragraph (to label)

Every unsupported-claim finding must carry a suggestion. For the findings in a clearly clinical
paragraph, the suggestion's area should be the paragraph's: `suggestion-areas.yaml` beside this
script labels each finding (unit, line, the area a careful reader would pick, or `none` when the
paragraph names no clinical area). Issue 14's bar: at least 80 % of the labelled clinical ones.

Skips with a message (exit 0) when ../shared is absent; exit 1 when a finding lacks a
suggestion, is not labelled, or the share is under the bar.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
LABELS = HERE / "suggestion-areas.yaml"
BAR = 0.80


def split_of(source: str) -> str:
    """The realtext split of a source, as score.py decides it."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "realtext" / "score.py")
    assert spec is not None and spec.loader is not None
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return str(score.split_of(source))


def units(folder: Path) -> None:
    """Write every unit as a Markdown file: seeds, dev passages and dev documents."""
    for seed in sorted((SHARED / "seeds").glob("*.txt")):
        shutil.copy(seed, folder / f"seed-{seed.stem[:3]}.md")
    passages = yaml.safe_load((SHARED / "realtext" / "passages.yaml").read_text("utf-8"))
    for p in passages:
        if split_of(p["source"]) == "dev":
            head = f"# {p['heading']}\n\n" if p.get("heading") else ""
            (folder / f"{p['id']}.md").write_text(head + p["text"], encoding="utf-8")
    docs = yaml.safe_load((SHARED / "realtext" / "docs.yaml").read_text("utf-8"))
    for d in docs:
        if split_of(d["repo"]) == "dev":
            shutil.copy(SHARED / "realtext" / "docs" / d["file"], folder / d["file"])


def findings(folder: Path) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-m", "termlint", "--format", "json", "--exit-zero",
                           "--no-cache", "--select", "PM201", str(folder)],
                          capture_output=True, text=True, env=env, check=True)
    return json.loads(done.stdout)["findings"]


def paragraph(path: Path, line: int) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    lo = hi = line - 1
    while lo > 0 and lines[lo - 1].strip():
        lo -= 1
    while hi + 1 < len(lines) and lines[hi + 1].strip():
        hi += 1
    return " ".join(" ".join(lines[lo : hi + 1]).split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args()
    if not (SHARED / "realtext" / "score.py").is_file() or not (SHARED / "seeds").is_dir():
        print(f"skipped: {SHARED}/realtext or {SHARED}/seeds is absent")
        return 0
    labels = {(x["unit"], x["line"]): x["area"]
              for x in yaml.safe_load(LABELS.read_text("utf-8"))["findings"]}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        units(folder)
        found = findings(folder)
        bad = 0
        clinical = right = 0
        for f in found:
            unit = Path(f["path"]).stem
            suggestion = f.get("suggestion") or {}
            got = suggestion.get("area")
            if args.list:
                print(f"- unit: {unit}\n  line: {f['line']}\n  area: {got}  # "
                      f"{paragraph(Path(f['path']), f['line'])[:700]}")
                continue
            want = labels.get((unit, f["line"]))
            if got is None or want is None:
                bad += 1
                problem = "no suggestion" if got is None else "not labelled"
                print(f"{unit}:{f['line']}: {problem}")
                continue
            if want != "none":
                clinical += 1
                right += want == got
                if want != got:
                    print(f"{unit}:{f['line']}: area {got!r}, labelled {want!r}")
    if args.list:
        return 0
    share = right / clinical if clinical else 1.0
    print(f"{len(found)} unsupported-claim findings, {len(found) - bad} with a labelled "
          f"suggestion; in a clearly clinical paragraph: {right} of {clinical} in the "
          f"paragraph's area ({share:.0%}; bar {BAR:.0%})")
    return 1 if bad or share < BAR else 0


if __name__ == "__main__":
    sys.exit(main())
