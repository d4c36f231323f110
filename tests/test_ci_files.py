"""action.yml and the workflow in docs/ci.md validate against their official schemas, offline."""

from __future__ import annotations

import json
import re

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
