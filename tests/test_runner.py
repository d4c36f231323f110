"""Parallel workers and the findings cache never change results."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SHARED, run_termlint


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The accuracy passages (many findings) plus some real documentation, if present."""
    folder = tmp_path_factory.mktemp("sample")
    passages = yaml.safe_load((ROOT / "bench" / "accuracy" / "passages.yaml").read_text("utf-8"))
    for passage in passages:
        (folder / f"{passage['id']}.md").write_text(passage["text"], encoding="utf-8")
    corpus = SHARED / "corpus" / "powershell-docs"
    if corpus.is_dir():
        for i, path in enumerate(sorted(corpus.rglob("*.md"))[:150]):
            shutil.copy(path, folder / f"corpus{i:03}.md")
    return folder


def findings(folder: Path, *args: str) -> list[dict]:
    result = run_termlint("--format", "json", "--fail-on", "info", *args, ".", cwd=folder)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["errors"] == []
    return data["findings"]


def test_results_identical_across_jobs_and_cache(sample: Path) -> None:
    reference = findings(sample, "--jobs", "1", "--no-cache")
    assert len(reference) > 100
    assert findings(sample, "--jobs", "2", "--no-cache") == reference
    assert not (sample / ".termlint_cache").exists()  # --no-cache writes nothing
    assert findings(sample, "--jobs", "2") == reference  # cold cache, filled by workers
    assert (sample / ".termlint_cache" / ".gitignore").read_text().endswith("*\n")
    assert findings(sample, "--jobs", "1") == reference  # warm cache
    assert findings(sample) == reference  # default jobs, warm


def test_cache_is_invalidated_by_content_and_rules(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("A miracle.\n", encoding="utf-8")
    rules = tmp_path / "rules.yaml"
    rule = ("version: 1\nname: t\nrules:\n  - id: TR001\n    name: w\n    kind: existence\n"
            "    severity: warning\n    message: m\n    description: d\n    patterns: [{word}]\n")
    rules.write_text(rule.format(word="miracle"), encoding="utf-8")

    def lint() -> list[str]:
        result = run_termlint("--rules", rules, "--format", "json", "a.md", cwd=tmp_path)
        return [f["match"] for f in json.loads(result.stdout)["findings"]]

    assert lint() == ["miracle"]
    assert lint() == ["miracle"]  # from the cache
    doc.write_text("A wonder.\n", encoding="utf-8")
    assert lint() == []  # content changed
    rules.write_text(rule.format(word="wonder"), encoding="utf-8")
    assert lint() == ["wonder"]  # rules changed


def test_concurrent_runs_share_the_cache(sample: Path, tmp_path: Path) -> None:
    work = tmp_path / "shared"
    shutil.copytree(sample, work, ignore=shutil.ignore_patterns(".termlint_cache"))
    reference = findings(work, "--no-cache")
    env_cmd = [sys.executable, "-m", "termlint", "--format", "json", "--fail-on", "info", "."]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    runs = [subprocess.Popen(env_cmd, cwd=work, env=env, stdout=subprocess.PIPE, text=True)
            for _ in range(3)]
    outputs = [json.loads(p.communicate(timeout=300)[0])["findings"] for p in runs]
    assert all(out == reference for out in outputs)
    assert findings(work) == reference


def test_cache_key_changes_with_termlint_code(monkeypatch: pytest.MonkeyPatch) -> None:
    from termlint import cache

    before = cache.Cache.key(b"text", "a.md", "rules")
    cache.code_version.cache_clear()
    monkeypatch.setattr(cache, "__version__", "9.9.9")
    assert cache.Cache.key(b"text", "a.md", "rules") != before
    cache.code_version.cache_clear()


def test_an_internal_error_in_one_file_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from termlint import cli, linter

    (tmp_path / "a.md").write_text("boom\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("A groundbreaking test.\n", encoding="utf-8")
    real_lint = linter.Linter.lint

    def flaky(self: linter.Linter, source):  # type: ignore[no-untyped-def]
        if "boom" in source.text:
            raise ValueError("synthetic bug")
        return real_lint(self, source)

    monkeypatch.setattr(linter.Linter, "lint", flaky)
    code = cli.main(["--no-cache", "--jobs", "1", "--fail-on", "info", "--format", "json",
                     str(tmp_path)])
    data = json.loads(capsys.readouterr().out)
    assert code == 2
    assert [f["rule"] for f in data["findings"]] == ["PM401"]
    (error,) = data["errors"]
    assert error["message"].startswith("internal error in termlint (ValueError: synthetic bug)")
