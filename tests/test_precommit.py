"""termlint as a pre-commit hook: the hooks file is valid, and a real `pre-commit` run in a
real git repository fails on a conflation and passes on a clean draft."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, shared_path

CONFLATED = "# Draft\n\nPrecision medicine, also known as personalized medicine, is new.\n"
CLEAN = (
    "# Draft\n\nPrecision medicine uses a CYP2C19 test to decide whether clopidogrel is "
    "prescribed.\n"
)


def test_hooks_file_matches_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("testdata", "schemastore", "pre-commit-hooks.json")
                        .read_text(encoding="utf-8"))
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(hooks)
    assert {hook["id"] for hook in hooks} == {"termlint", "termlint-fix"}


def git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_real_pre_commit_run_blocks_a_conflation(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    head = git(ROOT, "rev-parse", "HEAD")
    if head.returncode != 0:
        pytest.skip("the checkout is not a git repository with a commit")
    repo = tmp_path / "writers"
    repo.mkdir()
    for args in (["init", "-q"], ["config", "user.email", "w@example.org"],
                 ["config", "user.name", "Writer"], ["config", "commit.gpgsign", "false"]):
        git(repo, *args)
    config = {"repos": [{"repo": str(ROOT), "rev": head.stdout.strip(),
                         "hooks": [{"id": "termlint"}]}]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    env.pop("PYTHONPATH", None)  # the hook must run from its own installed environment
    installed = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo,
                               env=env, capture_output=True, text=True, timeout=600)
    assert installed.returncode == 0, installed.stdout + installed.stderr

    (repo / "draft.md").write_text(CONFLATED, encoding="utf-8")
    git(repo, "add", ".")
    blocked = subprocess.run(["git", "commit", "-m", "draft"], cwd=repo, env=env,
                             capture_output=True, text=True, timeout=900)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "draft.md:3:35: warning PM101" in output
    assert git(repo, "rev-parse", "HEAD").returncode != 0  # nothing was committed

    (repo / "draft.md").write_text(CLEAN, encoding="utf-8")
    git(repo, "add", ".")
    passed = subprocess.run(["git", "commit", "-m", "clean draft"], cwd=repo, env=env,
                            capture_output=True, text=True, timeout=900)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "termlint" in passed.stdout + passed.stderr
