"""--diff-base: only findings on lines a branch added or changed, tested in a real git repo."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import existence_rule, run_json, write_rules

RULES = existence_rule("TD001", "miracle")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, timeout=120)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "w@example.org")
    git(repo, "config", "user.name", "Writer")
    (repo / "docs" / "old.md").write_text("A miracle.\n\nPlain.\n\nPlain.\n", encoding="utf-8")
    (repo / "docs" / "untouched.md").write_text("Another miracle.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "feature")
    return repo


def lint(repo: Path, *args: str) -> list[tuple[str, int]]:
    rules = write_rules(repo.parent, RULES)
    _, data = run_json("--rules", rules, *args, "docs", cwd=repo)
    assert data["errors"] == []
    return [(Path(f["path"]).name, f["line"]) for f in data["findings"]]


def test_only_changed_lines_are_reported(repo: Path) -> None:
    (repo / "docs" / "old.md").write_text(
        "A miracle.\n\nPlain.\n\nA new miracle.\n\nPlain.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "edit")
    (repo / "docs" / "new.md").write_text("Draft miracle.\n", encoding="utf-8")  # untracked
    assert sorted(lint(repo)) == [("new.md", 1), ("old.md", 1), ("old.md", 5),
                                  ("untouched.md", 1)]
    assert sorted(lint(repo, "--diff-base", "main")) == [("new.md", 1), ("old.md", 5)]


def test_uncommitted_edits_count_and_a_clean_branch_reports_nothing(repo: Path) -> None:
    assert lint(repo, "--diff-base", "main") == []
    (repo / "docs" / "untouched.md").write_text("Another miracle.\nmiracle\n", encoding="utf-8")
    assert lint(repo, "--diff-base", "main") == [("untouched.md", 2)]


def test_document_level_findings_count_when_the_file_changed(repo: Path) -> None:
    rules = write_rules(repo.parent, """\
  - id: TD002
    name: alternates
    kind: conflation
    severity: warning
    message: "{second}"
    description: test
    families: [a, b]
    constructions: templates
""").read_text(encoding="utf-8")
    rules = rules.replace("rules:\n", "families: {a: ['alpha medicine'], b: ['beta medicine']}\n"
                          "lexicons: {templates: ['{A} or {B}']}\nrules:\n")
    (repo.parent / "rules.yaml").write_text(rules, encoding="utf-8")
    (repo / "docs" / "pair.md").write_text("Alpha medicine.\n\nBeta medicine.\n\n", "utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "pair")
    git(repo, "checkout", "-q", "-b", "later")
    _, data = run_json("--rules", repo.parent / "rules.yaml", "--diff-base", "feature",
                          "docs", cwd=repo)
    assert data["findings"] == []
    with (repo / "docs" / "pair.md").open("a", encoding="utf-8") as handle:
        handle.write("An unrelated new line.\n")
    _, data = run_json("--rules", repo.parent / "rules.yaml", "--diff-base", "feature",
                          "docs", cwd=repo)
    assert [(f["rule"], f["line"]) for f in data["findings"]] == [("TD002", 3)]


def test_bad_ref_is_a_clear_error(repo: Path) -> None:
    from conftest import run_termlint

    result = run_termlint("--diff-base", "no-such-branch", "docs", cwd=repo)
    assert result.returncode == 2
    assert result.stderr.startswith("termlint: --diff-base no-such-branch: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_unusual_file_names_and_plus_lines(repo: Path) -> None:
    (repo / "docs" / "café.md").write_text("Plain.\n", encoding="utf-8")
    (repo / "docs" / "plus.md").write_text("Plain.\n", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "more")
    git(repo, "checkout", "-q", "-b", "later")
    (repo / "docs" / "café.md").write_text("Plain.\nA miracle.\n", encoding="utf-8")
    # An added line that starts with "++ " shows as "+++ ..." in the diff: not a file header.
    (repo / "docs" / "plus.md").write_text("Plain.\n++ plus line\n\nA miracle.\n", "utf-8")
    git(repo, "commit", "-q", "-am", "edit")
    assert sorted(lint(repo, "--diff-base", "feature")) == [("café.md", 2), ("plus.md", 4)]


def test_a_shallow_clone_says_to_fetch_the_history(repo: Path, tmp_path: Path) -> None:
    from conftest import run_termlint

    (repo / "docs" / "old.md").write_text("A miracle.\n\nNew miracle.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "change")
    (repo / "docs" / "old.md").write_text("A miracle.\n\nNewer miracle.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "change again")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", "--no-single-branch", f"file://{repo}",
        str(clone))
    git(clone, "checkout", "-q", "feature")
    result = run_termlint("--diff-base", "origin/main", "docs", cwd=clone)
    assert result.returncode == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("termlint: --diff-base origin/main: no merge base")
    assert "shallow" in line and "git fetch --unshallow" in line and "fetch-depth: 0" in line
    git(clone, "fetch", "-q", "--unshallow")  # as the message says: then it works
    fetched = run_termlint("--diff-base", "origin/main", "docs", cwd=clone)
    assert fetched.returncode == 0 and "docs/old.md:3:" in fetched.stdout, fetched.stderr


def test_unrelated_history_is_named_as_such(repo: Path) -> None:
    from conftest import run_termlint

    git(repo, "checkout", "-q", "--orphan", "elsewhere")
    git(repo, "commit", "-q", "-m", "unrelated")
    result = run_termlint("--diff-base", "main", "docs", cwd=repo)
    assert result.returncode == 2
    assert result.stderr.strip() == ("termlint: --diff-base main: no merge base with HEAD: "
                                     "the two share no history")
