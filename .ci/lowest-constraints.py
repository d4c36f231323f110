"""Print pip constraints that pin every direct dependency of pyproject.toml (the runtime ones
and the test extra) to the lowest version its range allows: `name>=X` becomes `name==X`.

.ci/run installs with these (PIP_CONSTRAINT) for its second pass, so the test suite runs
against both ends of every range. A requirement without a lower bound is an error: its lowest
version is whatever the index holds, which no test has seen.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

_REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*([^;]*)(;.*)?$")


def lowest(requirement: str) -> str:
    found = _REQUIREMENT.match(requirement)
    if found is None:
        raise SystemExit(f"cannot read the requirement {requirement!r}")
    name, specifiers, marker = found.groups()
    floors = [s.strip()[2:].strip() for s in specifiers.split(",") if s.strip().startswith(">=")]
    if len(floors) != 1:
        raise SystemExit(f"{requirement!r} needs exactly one '>=' lower bound")
    return f"{name}=={floors[0]}{marker or ''}"


def main() -> int:
    project = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    print("\n".join(lowest(r) for r in requirements))
    return 0


if __name__ == "__main__":
    sys.exit(main())
