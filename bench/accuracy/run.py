"""Accuracy benchmark for termlint's domain rule kinds: `conflation` and `actionability`.

Each labelled passage in passages.yaml is written to a temporary folder as `<id>.md`; termlint is
run once over the folder with `--format json --fail-on error`; its findings are grouped by file
and by `kind`, and each kind is scored at the passage level (a passage is predicted positive for a
kind when termlint reports at least one finding of that kind in it).

    python bench/accuracy/run.py                      # the bundled pack
    python bench/accuracy/run.py --verbose            # also list every FP and FN
    python bench/accuracy/run.py --json               # the numbers as JSON
    python bench/accuracy/run.py --rules my-pack.yaml --min-recall 0.8

Exit status: 0 after a run (whatever the scores), 1 when a --min-precision/--min-recall threshold
is not met, 2 when termlint itself fails (or the passages file is broken).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DEFAULT_PASSAGES = HERE / "passages.yaml"
KINDS = ("conflation", "actionability")
ID_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*\Z")
EXIT_OK, EXIT_THRESHOLD, EXIT_FAILURE = 0, 1, 2
TERMLINT_OK = (0, 1)  # 1 only means findings at or above --fail-on


class BenchError(Exception):
    """The benchmark cannot produce numbers: broken passages file, or termlint failed."""


@dataclass(frozen=True)
class Passage:
    id: str
    text: str
    labels: Mapping[str, bool]  # kind -> should termlint report at least one finding of it?
    note: str
    tags: tuple[str, ...]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, expected: bool, predicted: bool) -> None:
        if expected and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif expected:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None


@dataclass(frozen=True)
class KindResult:
    kind: str
    score: Score
    false_positives: tuple[str, ...]
    false_negatives: tuple[str, ...]


# --------------------------------------------------------------------------------- passages


def load_passages(path: Path) -> list[Passage]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise BenchError(f"{path}: cannot read passages: {exc}") from exc
    if not isinstance(data, list) or not data:
        raise BenchError(f"{path}: expected a non-empty list of passages")
    passages: list[Passage] = []
    seen: set[str] = set()
    allowed = {"id", "text", "note", "tags", *KINDS}
    for number, item in enumerate(data, start=1):
        where = f"{path}: passage {number}"
        if not isinstance(item, dict):
            raise BenchError(f"{where}: expected a mapping")
        unknown = set(item) - allowed
        if unknown:
            raise BenchError(f"{where}: unknown keys {sorted(unknown)}")
        pid = item.get("id")
        if not isinstance(pid, str) or not ID_PATTERN.match(pid):
            raise BenchError(f"{where}: 'id' must be letters, digits, '-' or '_'")
        if pid.lower() in seen:  # ids become file names; keep them apart on any file system
            raise BenchError(f"{where}: duplicate id {pid!r}")
        seen.add(pid.lower())
        text = item.get("text")
        if not isinstance(text, str) or not text.strip():
            raise BenchError(f"{where} ({pid}): 'text' must be a non-empty string")
        labels: dict[str, bool] = {}
        for kind in KINDS:
            value = item.get(kind)
            if not isinstance(value, bool):
                raise BenchError(f"{where} ({pid}): '{kind}' must be true or false")
            labels[kind] = value
        tags = item.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise BenchError(f"{where} ({pid}): 'tags' must be a list of strings")
        note = item.get("note", "")
        if not isinstance(note, str):
            raise BenchError(f"{where} ({pid}): 'note' must be a string")
        passages.append(Passage(pid, text, labels, note, tuple(tags)))
    return passages


def write_passages(passages: Sequence[Passage], folder: Path) -> None:
    for passage in passages:
        # newline="" keeps the text byte-for-byte: no platform newline translation.
        (folder / f"{passage.id}.md").write_text(passage.text, encoding="utf-8", newline="")


# --------------------------------------------------------------------------------- termlint


def termlint_command(args: argparse.Namespace, folder: Path) -> list[str]:
    base = shlex.split(args.termlint) if args.termlint else [sys.executable, "-m", "termlint"]
    command = [*base, "--format", "json", "--fail-on", "error"]
    for rules in args.rules or ["builtin:precision-medicine"]:
        command += ["--rules", rules if rules.startswith("builtin:") else os.path.abspath(rules)]
    return [*command, str(folder)]


def termlint_env(args: argparse.Namespace) -> dict[str, str]:
    """The child's environment: a checkout's src/ on the path when termlint is not installed."""
    env = dict(os.environ)
    src = REPO / "src"
    if not args.termlint and importlib.util.find_spec("termlint") is None and src.is_dir():
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    return env


def run_termlint(command: Sequence[str], env: Mapping[str, str]) -> dict[str, Any]:
    try:
        proc = subprocess.run(command, capture_output=True, text=True, env=dict(env), check=False)
    except OSError as exc:
        raise BenchError(f"cannot run {shlex.join(command)}: {exc}") from exc
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        report = None
    errors = report.get("errors") if isinstance(report, dict) else None
    if proc.returncode not in TERMLINT_OK or errors:
        if errors:
            detail = "\n".join(
                f"{e.get('path', '?')}: {e.get('message', e)}" if isinstance(e, dict) else str(e)
                for e in errors
            )
        else:
            detail = (proc.stderr or proc.stdout).strip()
        raise BenchError(
            f"termlint failed (exit {proc.returncode}): {shlex.join(command)}\n{detail}"
        )
    if not isinstance(report, dict) or not isinstance(report.get("findings"), list):
        shown = (proc.stdout or proc.stderr).strip()[:2000]
        raise BenchError(
            f"termlint (exit {proc.returncode}) printed no JSON report with a 'findings' list:"
            f"\n{shown}"
        )
    return report


def group_findings(
    findings: Sequence[Mapping[str, Any]], ids: set[str]
) -> dict[str, list[Mapping[str, Any]]]:
    """Findings per passage id (the file's stem); findings for other files are dropped."""
    grouped: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for finding in findings:
        stem = Path(str(finding.get("path", ""))).stem
        if stem in ids:
            grouped[stem].append(finding)
    return grouped


# --------------------------------------------------------------------------------- scoring


def score(
    passages: Sequence[Passage], grouped: Mapping[str, Sequence[Mapping[str, Any]]]
) -> list[KindResult]:
    results = []
    for kind in KINDS:
        tally = Score()
        fps: list[str] = []
        fns: list[str] = []
        for passage in passages:
            expected = passage.labels[kind]
            predicted = any(f.get("kind") == kind for f in grouped.get(passage.id, ()))
            tally.add(expected, predicted)
            if predicted and not expected:
                fps.append(passage.id)
            elif expected and not predicted:
                fns.append(passage.id)
        results.append(KindResult(kind, tally, tuple(fps), tuple(fns)))
    return results


def by_tag(
    passages: Sequence[Passage], results: Sequence[KindResult]
) -> dict[str, dict[str, Any]]:
    """For each tag: how many passages carry it, and how many of them each kind got right."""
    wrong = {r.kind: set(r.false_positives) | set(r.false_negatives) for r in results}
    table: dict[str, dict[str, Any]] = {}
    for passage in passages:
        for tag in passage.tags:
            row = table.setdefault(tag, {"passages": 0, **{k: 0 for k in KINDS}})
            row["passages"] += 1
            for kind in KINDS:
                row[kind] += passage.id not in wrong[kind]
    return dict(sorted(table.items()))


def parse_threshold(values: Sequence[str] | None, option: str) -> dict[str, float]:
    """'0.9' applies to every kind; 'conflation=0.9' to one kind."""
    thresholds: dict[str, float] = {}
    for value in values or []:
        kind, _, number = value.rpartition("=")
        kinds = [kind] if kind else list(KINDS)
        if kind and kind not in KINDS:
            raise BenchError(f"{option}: unknown kind {kind!r} (expected one of {list(KINDS)})")
        try:
            limit = float(number)
        except ValueError:
            raise BenchError(f"{option}: not a number: {number!r}") from None
        if not 0.0 <= limit <= 1.0:
            raise BenchError(f"{option}: {limit} is not between 0 and 1")
        for k in kinds:
            thresholds[k] = limit
    return thresholds


def check_thresholds(results: Sequence[KindResult], args: argparse.Namespace) -> list[str]:
    failures = []
    limits = {
        "precision": parse_threshold(args.min_precision, "--min-precision"),
        "recall": parse_threshold(args.min_recall, "--min-recall"),
    }
    for result in results:
        for metric, per_kind in limits.items():
            if result.kind not in per_kind:
                continue
            value = getattr(result.score, metric)
            if value is None or value < per_kind[result.kind]:
                shown = "n/a" if value is None else f"{value:.3f}"
                failures.append(
                    f"{result.kind} {metric} {shown} is below {per_kind[result.kind]:.3f}"
                )
    return failures


# --------------------------------------------------------------------------------- output


def _fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def format_table(results: Sequence[KindResult]) -> str:
    lines = [f"{'kind':<14}{'TP':>5}{'FP':>5}{'FN':>5}{'TN':>5}{'precision':>11}"
             f"{'recall':>8}{'F1':>8}"]
    for r in results:
        s = r.score
        lines.append(f"{r.kind:<14}{s.tp:>5}{s.fp:>5}{s.fn:>5}{s.tn:>5}{_fmt(s.precision):>11}"
                     f"{_fmt(s.recall):>8}{_fmt(s.f1):>8}")
    return "\n".join(lines)


def format_finding(finding: Mapping[str, Any]) -> str:
    where = f"{finding.get('line', '?')}:{finding.get('column', '?')}"
    return (f"{where} {finding.get('rule', '?')} [{finding.get('kind', '?')}] "
            f"{finding.get('severity', '?')}: {finding.get('message', '')} "
            f"(match: {finding.get('match', '')!r})")


def format_details(
    passages: Sequence[Passage],
    results: Sequence[KindResult],
    grouped: Mapping[str, Sequence[Mapping[str, Any]]],
) -> str:
    by_id = {p.id: p for p in passages}
    out: list[str] = []
    for result in results:
        for label, ids in (("false positives", result.false_positives),
                           ("false negatives", result.false_negatives)):
            out.append(f"\n== {result.kind}: {label} ({len(ids)})")
            for pid in ids:
                passage = by_id[pid]
                tags = f"  [{', '.join(passage.tags)}]" if passage.tags else ""
                out.append(f"-- {pid}{tags}")
                if passage.note:
                    out.append(f"   note: {passage.note}")
                out.extend(f"   | {line}" for line in passage.text.rstrip("\n").split("\n"))
                findings = grouped.get(pid, ())
                if not findings:
                    out.append("   findings: none")
                for finding in findings:
                    out.append(f"   finding: {format_finding(finding)}")
    return "\n".join(out)


def format_tags(table: Mapping[str, Mapping[str, Any]]) -> str:
    lines = [f"{'tag':<24}{'n':>5}" + "".join(f"{k:>15}" for k in KINDS)]
    for tag, row in table.items():
        cells = "".join(f"{row[k]:>9}/{row['passages']:<5}" for k in KINDS)
        lines.append(f"{tag:<24}{row['passages']:>5}{cells}")
    return "\n".join(lines)


def as_json(
    passages: Sequence[Passage],
    results: Sequence[KindResult],
    seconds: float,
    failures: Sequence[str],
    tags: Mapping[str, Any] | None,
) -> str:
    payload: dict[str, Any] = {
        "passages": len(passages),
        "seconds": round(seconds, 3),
        "kinds": {
            r.kind: {
                "tp": r.score.tp, "fp": r.score.fp, "fn": r.score.fn, "tn": r.score.tn,
                "precision": r.score.precision, "recall": r.score.recall, "f1": r.score.f1,
                "false_positives": list(r.false_positives),
                "false_negatives": list(r.false_negatives),
            }
            for r in results
        },
        "thresholds_met": not failures,
        "threshold_failures": list(failures),
    }
    if tags is not None:
        payload["tags"] = tags
    return json.dumps(payload, indent=2)


# --------------------------------------------------------------------------------- main


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        description="Score termlint's conflation and actionability findings against labelled "
        "passages.",
    )
    add = parser.add_argument
    add("--passages", type=Path, default=DEFAULT_PASSAGES, metavar="FILE",
        help="labelled passages (default: passages.yaml beside this script)")
    add("--rules", action="append", metavar="FILE",
        help="rules file passed to termlint (repeatable; default builtin:precision-medicine)")
    add("--termlint", metavar="CMD",
        help="command that runs termlint (default: the current Python with -m termlint)")
    add("--verbose", "-v", action="store_true",
        help="list every false positive and false negative with its text and findings")
    add("--by-tag", action="store_true", help="also show how many passages per tag are right")
    add("--json", action="store_true", help="print the numbers as JSON")
    add("--min-precision", action="append", metavar="[KIND=]X",
        help="exit 1 if precision is below X (for every kind, or KIND only; repeatable)")
    add("--min-recall", action="append", metavar="[KIND=]X",
        help="exit 1 if recall is below X (for every kind, or KIND only; repeatable)")
    add("--keep", action="store_true", help="keep the folder of .md files and print its path")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        # Check the thresholds' syntax before spending time on the run.
        parse_threshold(args.min_precision, "--min-precision")
        parse_threshold(args.min_recall, "--min-recall")
        passages = load_passages(args.passages)
        folder = Path(tempfile.mkdtemp(prefix="termlint-accuracy-"))
        try:
            write_passages(passages, folder)
            command = termlint_command(args, folder)
            started = time.perf_counter()
            report = run_termlint(command, termlint_env(args))
            seconds = time.perf_counter() - started
        finally:
            if args.keep:
                print(f"passages kept in {folder}", file=sys.stderr)
            else:
                for path in folder.iterdir():
                    path.unlink()
                folder.rmdir()
    except BenchError as exc:
        print(f"run.py: {exc}", file=sys.stderr)
        return EXIT_FAILURE

    grouped = group_findings(report["findings"], {p.id for p in passages})
    results = score(passages, grouped)
    failures = check_thresholds(results, args)
    tags = by_tag(passages, results) if args.by_tag else None
    if args.json:
        print(as_json(passages, results, seconds, failures, tags))
    else:
        print(f"termlint accuracy: {len(passages)} passages, termlint ran in {seconds:.1f} s")
        print(format_table(results))
        if tags is not None:
            print()
            print(format_tags(tags))
        if args.verbose:
            print(format_details(passages, results, grouped))
        for failure in failures:
            print(f"threshold not met: {failure}", file=sys.stderr)
    return EXIT_THRESHOLD if failures else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
