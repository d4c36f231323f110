"""action.yml and the workflow in docs/ci.md validate against their official schemas, offline."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, shared_path


def schema(name: str) -> dict:
    return json.loads(shared_path("testdata", "schemastore", name).read_text(encoding="utf-8"))


def test_action_yml_is_valid() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema("github-action.json")).validate(action)
    assert set(action["inputs"]) >= {"paths", "rules", "fail-on", "diff-base"}
    assert "--format github" in action["runs"]["steps"][-1]["run"]


def test_documented_workflow_is_valid() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(re.search(r"```yaml\n(name: Content.*?)```", text, re.S).group(1))
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean true; GitHub reads it as "on".
    workflow["on"] = workflow.pop(True)
    jsonschema.Draft7Validator(schema("github-workflow.json")).validate(workflow)
    (step,) = [s for s in workflow["jobs"]["termlint"]["steps"] if "termlint" in s.get("uses", "")]
    assert set(step["with"]) <= set(yaml.safe_load(
        (ROOT / "action.yml").read_text(encoding="utf-8"))["inputs"])


def test_ci_docs_cover_what_a_content_pull_request_needs() -> None:
    """docs/ci.md: rules-file changes trigger the check, the whole history is fetched (and
    why), a reviewdog example with rdjson, GitHub's annotation cap stated."""
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load(re.search(r"```yaml\n(name: Content.*?)```", text, re.S).group(1))
    paths = workflow[True]["pull_request"]["paths"]
    assert ".termlint.yaml" in paths and any(p.endswith(".yaml") and "*" in p for p in paths)
    (checkout,) = [s for s in workflow["jobs"]["termlint"]["steps"]
                   if s.get("uses", "").startswith("actions/checkout")]
    assert checkout["with"]["fetch-depth"] == 0
    assert "merge base" in text and "shallow" in text
    reviewdog = re.search(r"### reviewdog\n(.*?)\n## ", text, re.S).group(1)
    assert "--format rdjson" in reviewdog and "reviewdog -f=rdjson" in reviewdog
    assert re.search(r"at most 10 error, 10 warning and 10 notice\s+annotations per step, "
                     r"and 50 per job", text)


def test_ci_docs_upload_the_html_report() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    plain = re.search(r"Without the action.*?```yaml\n(.*?)```", text, re.S).group(1)
    steps = yaml.safe_load(plain)
    workflow = {"on": "pull_request", "jobs": {"t": {"runs-on": "ubuntu-latest", "steps": steps}}}
    jsonschema.Draft7Validator(schema("github-workflow.json")).validate(workflow)
    (upload,) = [s for s in steps if s.get("uses", "").startswith("actions/upload-artifact")]
    assert any("--format html" in s.get("run", "") and upload["with"]["path"] in s["run"]
               for s in steps)
    gitlab = yaml.safe_load(re.search(r"## GitLab CI\n\n```yaml\n(.*?)```", text, re.S).group(1))
    job = gitlab["termlint"]
    (html,) = [line for line in job["script"] if "--format html" in line]
    assert job["artifacts"]["paths"] == [html.rsplit("> ", 1)[1]]
    assert job["artifacts"]["when"] == "always"


# --- the action's shell steps, run for real ------------------------------------------------------


def action_step(name: str) -> str:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    (step,) = [s for s in action["runs"]["steps"] if s["name"] == name]
    return step["run"]


def test_action_has_the_inputs_a_workflow_needs() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert set(action["inputs"]) >= {"config", "baseline", "args", "extend-rules",
                                     "python-version"}
    assert "version" not in action["inputs"]  # no release of ours on the package index to pick


def test_action_says_so_when_python3_is_missing(tmp_path: Path) -> None:
    bare = tmp_path / "bin"
    bare.mkdir()
    done = subprocess.run(["/bin/bash", "-c", action_step("Install termlint")],
                          env={"PATH": str(bare), "RUNNER_TEMP": str(tmp_path)},
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stdout.startswith("::error title=termlint::python3 was not found")
    assert "setup-python" in done.stdout


@pytest.mark.slow
def test_action_installs_termlint_from_its_own_checkout(tmp_path: Path) -> None:
    github_path = tmp_path / "github_path"
    done = subprocess.run(["bash", "-c", action_step("Install termlint")], capture_output=True,
                          text=True, check=False, timeout=600,
                          env={**os.environ, "GITHUB_ACTION_PATH": str(ROOT),
                               "RUNNER_TEMP": str(tmp_path), "GITHUB_PATH": str(github_path)})
    if done.returncode != 0 and "No matching distribution" in done.stderr:
        pytest.skip("no package index to fetch the build backend from")
    assert done.returncode == 0, done.stderr
    (added,) = github_path.read_text().splitlines()
    version = subprocess.run([Path(added) / "termlint", "--version"], capture_output=True,
                             text=True, check=True)
    assert version.stdout.startswith("termlint ")


def test_action_run_step_quotes_paths_and_splits_args(tmp_path: Path) -> None:
    # termlint on PATH as the install step leaves it: here, this checkout's code.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    wrapper = bin_dir / "termlint"
    wrapper.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT / "src"}" exec "{sys.executable}" '
                       f'-m termlint "$@"\n')
    wrapper.chmod(0o755)
    (bin_dir / "python3").symlink_to(sys.executable)
    repo = tmp_path / "repo"
    drafts = repo / "My Drafts"
    drafts.mkdir(parents=True)
    (drafts / "a.md").write_text("Precision medicine, also known as personalized medicine.\n")
    (repo / "-odd.md").write_text("A groundbreaking idea.\n")
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "TERMLINT_PATHS": "My Drafts\n\n-odd.md\n",
           "TERMLINT_FAIL_ON": "warning", "TERMLINT_ARGS": "--select 'PM1, PM4' --no-cache",
           **{f"TERMLINT_{k}": "" for k in ("RULES", "EXTEND_RULES", "CONFIG", "BASELINE",
                                            "DIFF_BASE")}}
    done = subprocess.run(["bash", "-c", action_step("Run termlint")], cwd=repo, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith("::warning file=My Drafts/a.md,line=1,") and "PM101" in line
               for line in lines), done.stdout
    assert any(line.startswith("::notice file=-odd.md,") and "PM401" in line for line in lines)
    assert all(" PM2" not in line for line in lines)  # --select applied
