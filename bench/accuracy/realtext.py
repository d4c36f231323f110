"""Score this checkout's termlint on real third-party writing (../shared/realtext).

    python bench/accuracy/realtext.py [--split all|dev|test|every] [--show-errors]

Runs `../shared/realtext/score.py` with `python -m termlint` from this checkout's `src/` and
prints its table: precision, recall and F1 of the `conflation` and `actionability` kinds on the
labelled passages and whole Markdown documents there. Tune on `dev`; look at `test` only to
report. These are the numbers that count: the set in `passages.yaml` beside this script was
written by us, in the constructions we already thought of.

Skips with a message (exit 0) when ../shared/realtext is absent.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCORE = ROOT.parent / "shared" / "realtext" / "score.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("all", "dev", "test", "every"), default="dev")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    if not SCORE.is_file():
        print(f"skipped: {SCORE} is absent")
        return 0
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    splits = ("all", "dev", "test") if args.split == "every" else (args.split,)
    for split in splits:
        command = [sys.executable, str(SCORE), "--termlint", f"{sys.executable} -m termlint",
                   "--split", split, *(["--show-errors"] if args.show_errors else [])]
        done = subprocess.run(command, env=env, check=False)
        if done.returncode:
            return done.returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
