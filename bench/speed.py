"""termlint's speed against the floor of just parsing, on a real documentation corpus.

    python bench/speed.py [--runs 5] [--limit N] [--small]

Measures, each as the median of --runs fresh processes (all in this one run, so the ratios
compare like with like):
- floor: read every file and parse it with markdown-it-py, with termlint's parser options;
- termlint --jobs 1 --no-cache (cold, one core), termlint --no-cache (cold, all cores),
  and a warm re-run with the cache filled;
- the same on a *dense* corpus: every file with one of bench/accuracy's passages woven in, so
  every file has term mentions;
- peak memory (RSS) of the largest run, time on one 0.3 MB file against one ten times larger,
  and `termlint draft.md` on a just-edited draft (the pre-commit case: the cache folder exists,
  the findings of the edited draft do not) against `python -c "import markdown_it"`, medians
  of 20 runs of each, alternating (--small: only this): a small draft (target <= 1.5x) and the
  five seed texts joined, ~3,800 words (target <= 2x), each with and without a .termlint.yaml.
Needs ../shared/corpus/ (skips with a message when it is absent) and ../shared/seeds/.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "powershell-docs"
# Bytecode caching on, as in any real installation (pip writes .pyc files): some environments
# turn it off, which makes every start recompile termlint and markdown-it from source.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
       "PYTHONPATH": str(ROOT / "src")}
FLOOR = """
import sys
from pathlib import Path
from termlint.markdown import _kit
md = _kit().md
for path in sorted(Path(sys.argv[1]).rglob("*.md")):
    md.parse(path.read_bytes().decode("utf-8-sig"))
"""


def timed(command: list[str], cwd: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def copy_corpus(target: Path, limit: int | None, dense: bool) -> Path:
    files = sorted(CORPUS.rglob("*.md"))[:limit]
    passages: list[str] = []
    if dense:
        import yaml

        data = yaml.safe_load((ROOT / "bench" / "accuracy" / "passages.yaml").read_text("utf-8"))
        passages = [p["text"] for p in data]
    for i, path in enumerate(files):
        out = target / path.relative_to(CORPUS)
        out.parent.mkdir(parents=True, exist_ok=True)
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        if dense:  # deterministic: passage i, appended as its own section
            text += f"\n\n## Notes\n\n{passages[i % len(passages)]}\n"
        out.write_text(text, encoding="utf-8")
    return target


def linearity(dense: Path, work: Path, runs: int) -> tuple[float, float]:
    """Seconds for one file of about 0.3 MB and for one ten times larger (the same pieces of
    the dense corpus, repeated), each linted alone with --jobs 1 --no-cache."""
    pieces = [p.read_text("utf-8") for p in sorted(dense.rglob("*.md"))]
    text = ""
    for piece in pieces:
        if len(text) > 300_000:
            break
        text += piece + "\n\n"
    times = []
    for copies in (1, 10):
        path = work / f"single-{copies}.md"
        path.write_text(text * copies, encoding="utf-8")
        times.append(timed([sys.executable, "-m", "termlint", "--no-cache", "--jobs", "1",
                            "--quiet", str(path)], work, runs))
    return times[0], times[1]


SEEDS = ROOT.parent / "shared" / "seeds"
CONFIG = "select: [PM, TL]\nfail-on: warning\n"  # a typical .termlint.yaml


def just_edited(work: Path, text: str, runs: int, config: bool) -> tuple[float, float]:
    """The pre-commit case: `termlint draft.md` in a repository where termlint ran before (its
    cache folder exists), on a draft just edited (so its findings are not cached), with or
    without a `.termlint.yaml`; and `python -c "import markdown_it"`. Medians of at least 20
    runs each, the two alternating, so a slower or faster spell of the machine affects both."""
    repo = work / f"repo-{len(text)}-{config}"
    repo.mkdir()
    if config:
        (repo / ".termlint.yaml").write_text(CONFIG, encoding="utf-8")
    draft = repo / "draft.md"
    command = [sys.executable, "-m", "termlint", "draft.md"]
    draft.write_text(text, encoding="utf-8")
    subprocess.run(command, cwd=repo, env=ENV, capture_output=True, check=False)
    times: list[float] = []
    imports: list[float] = []
    for run in range(max(runs, 20)):
        draft.write_text(f"{text}\nEdit {run}.\n", encoding="utf-8")
        start = time.perf_counter()
        subprocess.run(command, cwd=repo, env=ENV, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        imports.append(timed([sys.executable, "-c", "import markdown_it"], work, 1))
    return statistics.median(times), statistics.median(imports)


def drafts() -> list[tuple[str, str, float]]:
    """(name, text, target ratio) of the just-edited drafts: a small clean one, and the five
    seed texts joined (about 3,800 words with dozens of findings) when ../shared is there."""
    found = [("small draft (examples/clean.md)",
              (ROOT / "examples" / "clean.md").read_text("utf-8"), 1.5)]
    if SEEDS.is_dir():
        text = "\n\n".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))
        found.append((f"seeds joined ({len(text.split()):,} words)", text, 2.0))
    else:
        print(f"skipped the seed draft: {SEEDS} is absent")
    return found


def edited_drafts(work: Path, runs: int) -> list[str]:
    """One line per draft, with and without a .termlint.yaml, against its target."""
    lines = []
    for name, text, target in drafts():
        for config in (False, True):
            took, import_md = just_edited(work, text, runs, config)
            ratio = took / import_md
            lines.append(
                f"just-edited {name}, {'with' if config else 'no'} .termlint.yaml: "
                f"{took * 1000:.0f} ms; `import markdown_it`: {import_md * 1000:.0f} ms "
                f"({ratio:.2f}x; target <= {target}x: {'met' if ratio <= target else 'NOT met'})")
    return lines


def measure(folder: Path, runs: int, work: Path) -> dict[str, float]:
    termlint = [sys.executable, "-m", "termlint", "-q", "--exit-zero"]
    floor = timed([sys.executable, "-c", FLOOR, str(folder)], work, runs)
    one = timed([*termlint, "--no-cache", "--jobs", "1", str(folder)], work, runs)
    every = timed([*termlint, "--no-cache", str(folder)], work, runs)
    shutil.rmtree(work / ".termlint_cache", ignore_errors=True)
    subprocess.run([*termlint, str(folder)], cwd=work, env=ENV, capture_output=True, check=False)
    warm = timed([*termlint, str(folder)], work, runs)
    return {"floor": floor, "jobs1": one, "all": every, "warm": warm}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--limit", type=int, default=None, help="only the first N files")
    parser.add_argument("--small", action="store_true",
                        help="only the just-edited drafts (the pre-commit case)")
    args = parser.parse_args()
    if args.small:
        with tempfile.TemporaryDirectory() as tmp:
            print("\n".join(edited_drafts(Path(tmp), args.runs)))
        return 0
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} is absent")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows = []
        for name, dense in (("real", False), ("dense", True)):
            folder = copy_corpus(work / name, args.limit, dense)
            files = sum(1 for _ in folder.rglob("*.md"))
            size = sum(p.stat().st_size for p in folder.rglob("*.md")) / 1e6
            m = measure(folder, args.runs, work)
            rows.append((name, files, size, m))
        rss = peak_rss_mb()
        base, tenfold = linearity(work / "dense", work, args.runs)
        edited = edited_drafts(work, args.runs)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"median of {args.runs} runs; {cores} cores; Python {sys.version.split()[0]}")
    print("| corpus | files | MB | parse floor | --jobs 1 cold | all cores cold | warm |")
    print("|---|---|---|---|---|---|---|")
    for name, files, size, m in rows:
        floor = m["floor"]
        print(f"| {name} | {files} | {size:.1f} | {floor:.1f} s | {m['jobs1']:.1f} s "
              f"({m['jobs1'] / floor:.2f}x) | {m['all']:.1f} s ({m['all'] / floor:.2f}x) | "
              f"{m['warm']:.2f} s ({m['warm'] / m['jobs1']:.0%} of cold) |")
    print(f"\npeak RSS of any run: {rss:.0f} MB")
    print(f"one 0.3 MB file: {base:.2f} s; ten times that text in one file: {tenfold:.2f} s "
          f"({tenfold / base:.1f}x)")
    print("\n".join(edited))
    for tool in ("textlint", "proselint", "vale"):
        print(f"{tool}: {'installed, not yet compared' if shutil.which(tool) else 'not installed'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
