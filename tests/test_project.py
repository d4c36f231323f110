"""The project's own promises: README commands, CI, generated docs, packaging, lint."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, run_termlint


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S)
    assert block and text.index(block.group(0)) < 200, "the README opens with its commands"
    return block.group(1).strip().splitlines()


def test_readme_opens_with_install_run_and_test_commands() -> None:
    run, test = readme_commands()
    assert run == "pip install . && termlint examples/"
    assert test.startswith("pip install -e '.[test]'") and test.endswith("pytest")


def test_ci_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    extract = re.search(r'test_command="\$\((.*)\)"', script)
    assert extract, "the CI script reads its command from the README"
    out = subprocess.run(["bash", "-c", extract.group(1)], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.strip()
    assert out == readme_commands()[1]


def test_ci_runs_it_again_on_the_lowest_versions_allowed(tmp_path: Path) -> None:
    import tomllib

    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert 'PIP_CONSTRAINT="$constraints"' in script and script.count('eval "$test_command"') == 2
    lowest = ROOT / ".ci" / "lowest-constraints.py"
    pins = subprocess.run([sys.executable, lowest], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.splitlines()
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    direct = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    assert len(pins) == len(direct)
    for pin, requirement in zip(pins, direct, strict=True):
        name, floor = re.match(r"([\w.-]+)\s*>=\s*([\w.]+)", requirement).groups()  # type: ignore[union-attr]
        assert pin.split(";")[0] == f"{name}=={floor}"
    # A range with no floor has no lowest version anyone tested: refused.
    (tmp_path / "pyproject.toml").write_text(
        '[project]\ndependencies = ["pyyaml"]\n[project.optional-dependencies]\ntest = []\n')
    refused = subprocess.run([sys.executable, lowest], cwd=tmp_path, capture_output=True,
                             text=True, check=False)
    assert refused.returncode != 0 and "lower bound" in refused.stderr


def test_no_doc_installs_termlint_from_the_package_index() -> None:
    """`termlint` on the index is another project: every install points at this repository."""
    from_index = re.compile(r"pip install(?: -\S+)* ['\"]?termlint(?:==|['\"]?(?:\s|$))")
    files = [ROOT / "README.md", ROOT / "action.yml", ROOT / ".pre-commit-hooks.yaml",
             *(ROOT / "docs").glob("*.md"), *(ROOT / "bench").glob("*.md")]
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not from_index.search(line), f"{path.name}:{number}: {line.strip()}"
    assert from_index.search("  - run: pip install termlint")  # the check itself works
    assert from_index.search('pip install --quiet "termlint==0.1"')


def test_docs_rules_md_is_current() -> None:
    generated = run_termlint("--list-rules", "--format", "markdown", cwd=ROOT)
    assert generated.returncode == 0
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == generated.stdout, (
        "docs/rules.md is stale: run `termlint --list-rules --format markdown > docs/rules.md`"
    )


def test_ruff_is_clean() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (it is in the test extras)")
    result = subprocess.run([ruff, "check", "src", "tests", "bench"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


@pytest.mark.slow
def test_wheel_ships_the_bundled_packs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )
    if result.returncode != 0 and "No matching distribution" in result.stderr:
        pytest.skip("no package index to fetch the build backend from")
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("termlint_md-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    packs = sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
    assert sorted(n.rsplit("/", 1)[1] for n in names if n.startswith("termlint/rules/")) == packs
    # Installed from the wheel, outside the checkout, termlint still finds its default pack.
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, timeout=600)
    doc = tmp_path / "a.md"
    doc.write_text("A groundbreaking test.\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "termlint", "--fail-on", "info", str(doc)],
                         cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert out.returncode == 1, out.stderr
    assert "PM401" in out.stdout


def test_editor_setup_snippets_start_the_server() -> None:
    """docs/editors.md: each editor's snippet runs `termlint lsp`; TOML and JSON parse."""
    import json

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    text = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    for editor in ("## Neovim", "## Helix", "## Emacs (eglot)", "## Zed", "## VS Code"):
        assert editor in text
    blocks = re.findall(r"```(\w+)\n(.*?)```", text, re.S)
    helix = tomllib.loads(next(body for lang, body in blocks if lang == "toml"
                               and "language-server" in body))
    assert helix["language-server"]["termlint"] == {"command": "termlint", "args": ["lsp"]}
    assert "termlint" in helix["language"][0]["language-servers"]
    vscode = json.loads(next(body for lang, body in blocks if lang == "json" and "glspc" in body))
    assert vscode["glspc.server.command"] == "termlint"
    assert vscode["glspc.server.commandArguments"] == ["lsp"]
    lua = [body for lang, body in blocks if lang == "lua"]
    assert lua and all('"termlint", "lsp"' in body for body in lua)
    assert '("termlint" "lsp")' in next(body for lang, body in blocks if lang == "elisp")
