"""Lint the web-copy draft N times with the full or an empty pack, for instruction counting.

Wall times on a shared 2-core machine are noisy; instruction counts are not. Run it twice
under callgrind and subtract, to get the instructions of one lint:

    valgrind --tool=callgrind python bench/instructions.py full 0
    valgrind --tool=callgrind python bench/instructions.py full 10     # (total10 - total0) / 10

`which` is `full`, `empty`, or a comma-separated list of rule ids.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import pack_overhead  # noqa: E402

from termlint.linter import Linter  # noqa: E402
from termlint.packs import Pack, load_pack  # noqa: E402
from termlint.source import Source  # noqa: E402


def main() -> int:
    which, count = sys.argv[1], int(sys.argv[2])
    pack = load_pack("builtin:precision-medicine")
    draft = pack_overhead.web_copy()
    if draft is None:
        print("../shared/seeds is absent", file=sys.stderr)
        return 2
    if which == "full":
        rules = pack.rules
    elif which == "empty":
        rules = ()
    else:
        rules = tuple(r for r in pack.rules if r.id in which.split(","))
    linter = Linter([Pack(pack.name, "", pack.path, pack.families, pack.lexicons, rules)])
    linter.lint(Source("draft.md", draft))
    for _ in range(count):
        linter.lint(Source("draft.md", draft))
    return 0


if __name__ == "__main__":
    sys.exit(main())
