"""Pathological drafts: time and peak memory of one termlint process on each.

    python bench/hostile.py [--only NAME ...]

Each case is a generated file linted by a fresh `termlint --no-cache --jobs 1` process with the
bundled pack; the table shows its exit code, first line of stderr (an error, if any), wall time
and peak RSS. The size cases are linear in their input (see the README next to this script).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
       "PYTHONPATH": str(ROOT / "src")}
WORDS = [
    "the", "of", "patients", "care", "testing", "genomic", "precision", "medicine",
    "personalized", "and", "a", "to", "in", "outcomes", "improves", "clopidogrel", "CYP2C19",
    "treatment", "doctors", "may",
]


def prose(size: int, seed: int) -> str:
    """About `size` characters of random words from the domain, in paragraphs."""
    rng = random.Random(seed)
    out: list[str] = []
    length = 0
    while length < size:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 25))) + ". "
        out.append(sentence + ("\n\n" if rng.random() < 0.2 else ""))
        length += len(out[-1])
    return "".join(out)


CASES: dict[str, tuple[Callable[[], str], list[str]]] = {
    "50 MB file, default limit": (lambda: prose(50_000_000, 1), []),
    "50 MB file, --max-size 0": (lambda: prose(50_000_000, 1), ["--max-size", "0"]),
    "1,000,000 lines": (lambda: "".join("word\n" if i % 10 else "\n"
                                        for i in range(1_000_000)), []),
    "one 5 MB line": (lambda: prose(5_000_000, 2).replace("\n", " ") + "\n", []),
    "10,000 nested >": (lambda: ">" * 10_000 + " precision medicine\n", []),
    "10,000 nested lists": (lambda: "- " * 10_000 + "precision medicine\n", []),
}


def run(path: Path, extra: list[str]) -> tuple[int, str, float, float]:
    """Exit code, first stderr line, seconds and peak RSS (MB) of one termlint process."""
    command = [sys.executable, "-m", "termlint", "--no-cache", "--jobs", "1", "--quiet",
               *extra, str(path)]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    first = stderr.strip().splitlines()[0].replace(str(path), "FILE") if stderr.strip() else ""
    return process.returncode, first, seconds, usage.ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="case names to run (default: all)")
    parser.add_argument("--make", nargs=2, metavar=("CASE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.make:
        Path(args.make[1]).write_text(CASES[args.make[0]][0](), encoding="utf-8")
        return 0
    print("| case | MB | exit | stderr | seconds | peak RSS MB |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as work:
        for name, (_, extra) in CASES.items():
            if args.only and name not in args.only:
                continue
            path = Path(work) / "case.md"
            # Made by a child process: a parent that held the text would hand its memory to
            # the termlint process forked from it, and inflate that one's peak RSS.
            subprocess.run([sys.executable, __file__, "--make", name, str(path)], check=True)
            size = path.stat().st_size / 1e6
            code, first, seconds, rss = run(path, extra)
            print(f"| {name} | {size:.1f} | {code} | {first[:70]} | {seconds:.1f} | {rss:.0f} |",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
