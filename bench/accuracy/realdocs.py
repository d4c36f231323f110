"""Score this checkout's termlint on the extra real documents of realtext-sources.yaml.

    python bench/accuracy/realdocs.py --fetch    # download the files once (network), then score
    python bench/accuracy/realdocs.py --from DIR # or copy them from a folder that has them
    python bench/accuracy/realdocs.py            # score what is downloaded; --show-errors lists

The manifest names public, openly licensed Markdown files by repository, commit and path, with
line labels (LABELLING.md); the files themselves are never committed. `--fetch` downloads each
one from raw.githubusercontent.com at its commit into bench/accuracy/.realdocs/ and refuses a
file whose sha256 differs from the manifest's. Scoring follows ../shared/realtext/score.py for
documents: a finding of a kind is a true positive when its lines cover a labelled line within
one line; findings on ambiguous lines count neither way; any other finding is a false positive.

Skips with a message (exit 0) when no file is downloaded and --fetch is not given.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import yaml
from run import Score  # bench/accuracy/run.py: precision, recall and F1 of counts

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MANIFEST = HERE / "realtext-sources.yaml"
CACHE = HERE / ".realdocs"
KINDS = (("conflation", "conflations"), ("actionability", "unsupported_claims"))


def fetch(entry: dict, folder: Path, source: Path | None) -> None:
    """Put the entry's file into `folder`: from `source` (a folder holding it under the
    manifest's name) or downloaded at its commit; either way it must match its sha256."""
    url = f"https://raw.githubusercontent.com/{entry['repo']}/{entry['commit']}/{entry['path']}"
    try:
        if source is not None:
            data = (source / entry["file"]).read_bytes()
        else:
            with urllib.request.urlopen(url, timeout=60) as response:
                data = response.read()
    except OSError as error:  # URLError is an OSError
        sys.exit(f"{entry['file']}: cannot get it ({error}); nothing scored")
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        sys.exit(f"{entry['file']}: sha256 differs from the manifest's ({url}); not used")
    (folder / entry["file"]).write_bytes(data)


def findings(folder: Path) -> list[dict]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        filter(None, [str(ROOT / "src"), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run([sys.executable, "-m", "termlint", "--format", "json", "--exit-zero",
                           "--no-cache", str(folder)], capture_output=True, text=True, env=env,
                          check=False)
    report = json.loads(done.stdout)
    if report.get("errors"):  # a file termlint could not lint would score as "no findings"
        sys.exit("termlint failed on: " + "; ".join(map(str, report["errors"])))
    return report["findings"]


def score(entries: list[dict], found: list[dict], show: bool) -> dict[str, dict[str, int]]:
    by_file: dict[str, list[dict]] = {}
    for f in found:
        by_file.setdefault(Path(f["path"]).name, []).append(f)
    result = {}
    for kind, key in KINDS:
        tp = fp = fn = 0
        for entry in entries:
            labelled = {x["line"] for x in entry.get(key) or []}
            ambiguous = {x["line"] for x in entry.get("ambiguous") or []}
            covered: set[int] = set()
            for f in (f for f in by_file.get(entry["file"], []) if f["kind"] == kind):
                hit = {ln for ln in labelled if f["line"] - 1 <= ln <= f["end_line"] + 1}
                covered |= hit
                if not hit and not any(f["line"] - 1 <= ln <= f["end_line"] + 1
                                       for ln in ambiguous):
                    fp += 1
                    if show:
                        print(f"{kind} FP {entry['file']}:{f['line']} {f['match'][:70]!r}")
            tp += len(labelled & covered)
            fn += len(labelled - covered)
            if show:
                for line in sorted(labelled - covered):
                    print(f"{kind} FN {entry['file']}:{line}")
        result[kind] = {"tp": tp, "fp": fp, "fn": fn}
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fetch", action="store_true", help="download missing files first")
    parser.add_argument("--from", dest="source", type=Path, metavar="DIR",
                        help="copy missing files from DIR instead of downloading them")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    entries = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))["documents"]
    CACHE.mkdir(exist_ok=True)
    for entry in entries:
        if (args.fetch or args.source) and not (CACHE / entry["file"]).is_file():
            fetch(entry, CACHE, args.source)
    present = [e for e in entries if (CACHE / e["file"]).is_file()]
    if not present:
        print(f"skipped: no document downloaded into {CACHE} (run with --fetch)")
        return 0
    result = score(present, findings(CACHE), args.show_errors)
    print(f"{len(present)} of {len(entries)} documents: " + "; ".join(
        f"{kind} " + _line(Score(**counts)) for kind, counts in result.items()))
    return 0


def _line(s: Score) -> str:
    return (f"P={s.precision or 0:.2f} R={s.recall or 0:.2f} F1={s.f1 or 0:.2f} "
            f"(tp={s.tp} fp={s.fp} fn={s.fn})")


if __name__ == "__main__":
    sys.exit(main())
