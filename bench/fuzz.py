"""Run a fuzz target from tests/fuzz for a set time, with fresh random seeds.

    python bench/fuzz.py --target markdown|rules --minutes N [--examples-per-round N]

Each round is one hypothesis run (no example database, so every round explores anew) with a
new seed; rounds repeat until the time is up. A failure is shrunk by hypothesis, printed with
its minimal input, traceback and seed, and the search goes on: from then on the same bug (same
exception type at the same place) is only counted, so it cannot end later rounds early.

Prints examples run (every call of the property, shrinking included), distinct failures and
elapsed time; exits 1 if anything failed.
"""

from __future__ import annotations

import argparse
import importlib
import random
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
# The targets import `conftest` (tests/) and termlint (src/) as they do under pytest.
sys.path[:0] = [str(SRC), str(ROOT / "tests"), str(ROOT / "tests" / "fuzz")]

TARGETS = {  # name -> (module, property, input strategy)
    "markdown": ("test_fuzz_markdown", "check_markdown", "INPUTS"),
    "rules": ("test_fuzz_rules", "check_rules", "TEXTS"),
}


@dataclass
class Failure:
    text: str  # the report: minimal input, traceback, seed
    count: int = 1


@dataclass
class Tally:
    examples: int = 0
    rounds: int = 0
    failures: dict[str, Failure] = field(default_factory=dict)


def _signature(error: BaseException) -> str:
    """Exception type and innermost termlint frame: the same bug found twice has the same
    signature, while one library error (re.error, say) raised from two places has two."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [frame for frame in frames if frame.filename.startswith(str(SRC))] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    return f"{type(error).__name__} at {where}"


def _leaves(error: BaseException) -> list[BaseException]:
    # With several distinct bugs in one round, hypothesis raises them as one exception group
    # (duck-typed: the builtin only exists from Python 3.11).
    inner = getattr(error, "exceptions", None)
    if isinstance(inner, tuple):
        return [leaf for exc in inner for leaf in _leaves(exc)]
    return [error]


def run_round(
    check: Callable[[Any], None], inputs: Any, deadline: Any, examples: int, round_seed: int,
    tally: Tally,
) -> None:
    def counted(value: Any) -> None:
        tally.examples += 1
        try:
            check(value)
        except Exception as error:
            # A bug already reported would end every round early: count it and explore on.
            known = tally.failures.get(_signature(error))
            if known is None:
                raise
            known.count += 1

    test = seed(round_seed)(
        settings(
            max_examples=examples,
            deadline=deadline,
            database=None,
            phases=[Phase.generate, Phase.target, Phase.shrink, Phase.explain],
            suppress_health_check=list(HealthCheck),
        )(given(inputs)(counted))
    )
    try:
        test()
    except Exception as group:
        for error in _leaves(group):
            key = _signature(error)
            if key in tally.failures:
                tally.failures[key].count += 1
                continue
            # The exception's notes hold hypothesis's "Falsifying example: ..." line.
            report = "".join(traceback.format_exception(error))
            tally.failures[key] = Failure(f"{report}seed: {round_seed}\n")
            print(f"\n=== new failure: {key}\n{tally.failures[key].text}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", choices=sorted(TARGETS), required=True)
    parser.add_argument("--minutes", type=float, required=True)
    parser.add_argument("--examples-per-round", type=int, default=2000,
                        help="upper bound per round; the last round is cut to fit the time")
    args = parser.parse_args(argv)

    module_name, check_name, inputs_name = TARGETS[args.target]
    module = importlib.import_module(module_name)
    check, inputs = getattr(module, check_name), getattr(module, inputs_name)
    tally = Tally()
    start = time.monotonic()
    stop = start + args.minutes * 60
    rate = 10.0  # examples per second, re-estimated after every round
    while (left := stop - time.monotonic()) > 1:
        before, began = tally.examples, time.monotonic()
        examples = max(10, min(args.examples_per_round, int(left * rate)))
        run_round(check, inputs, module.DEADLINE, examples, random.getrandbits(64), tally)
        tally.rounds += 1
        rate = max(1.0, (tally.examples - before) / max(time.monotonic() - began, 1e-3))
        print(f"[{time.monotonic() - start:7.0f}s] round {tally.rounds}: "
              f"{tally.examples} examples, {len(tally.failures)} distinct failures", flush=True)

    elapsed = time.monotonic() - start
    print(f"\ntarget: {args.target}\nexamples run: {tally.examples} in {tally.rounds} rounds"
          f"\nelapsed: {elapsed:.0f} s ({tally.examples / elapsed:.1f} examples/s)"
          f"\ndistinct failures: {len(tally.failures)}")
    for key, failure in tally.failures.items():
        print(f"\n--- {key} (hit {failure.count} times)\n{failure.text}")
    return 1 if tally.failures else 0


if __name__ == "__main__":
    sys.exit(main())
