"""Configuration settings kept in .termlint_cache/configs: same configuration, seen to change."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_json, run_termlint
from termlint import config
from termlint.configcache import KeptSettings

CONFIG = "select: [PM1]\nignore: [PM102]\nseverity: {PM101: error}\nfail-on: error\n"
CONFLATION = "Precision medicine, also known as personalized medicine, is new.\n"


class _AnyLine:
    def __eq__(self, other: object) -> bool:
        return isinstance(other, int) and other >= 1


ANY_LINE = _AnyLine()


@pytest.fixture(autouse=True)
def _fresh_discovery() -> None:
    config.clear_cache()


def found_twice(folder: Path, kept_in: Path) -> tuple[config.Config, config.Config]:
    """The configuration for `folder` as read from its file (and kept), then as kept."""
    first = config.find_config(folder, KeptSettings(str(kept_in)))
    config.clear_cache()
    return first, config.find_config(folder, KeptSettings(str(kept_in)))


@pytest.mark.parametrize(
    ("name", "text"),
    [(".termlint.yaml", CONFIG),
     ("pyproject.toml", '[tool.termlint]\nselect = ["PM1"]\nseverity = {PM101 = "error"}\n')],
)
def test_kept_settings_give_the_same_configuration(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text)
    parsed, kept = found_twice(tmp_path, tmp_path / "cache")
    assert parsed == kept == config.load_config(tmp_path / name)
    assert kept.select == ("PM1",)
    (entry,) = (tmp_path / "cache" / "configs").iterdir()
    assert json.loads(entry.read_text())["entries"]["select"] == [["PM1"], ANY_LINE]


def test_an_edited_configuration_is_read_again(tmp_path: Path) -> None:
    path = tmp_path / ".termlint.yaml"
    path.write_text(CONFIG)
    found_twice(tmp_path, tmp_path / "cache")
    path.write_text(CONFIG.replace("PM1]", "PM2]"))
    config.clear_cache()
    assert config.find_config(tmp_path, KeptSettings(str(tmp_path / "cache"))).select == ("PM2",)
    assert len(list((tmp_path / "cache" / "configs").iterdir())) == 1  # replaced, not added


def test_a_pyproject_without_settings_is_kept_as_none(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    parsed, kept = found_twice(tmp_path, tmp_path / "cache")
    assert parsed.path is kept.path is None  # the defaults: it is not a configuration
    # Named explicitly, the same file is still an error, kept entry or not.
    with pytest.raises(config.ConfigError, match=r"tool\.termlint"):
        config.load_config(tmp_path / "pyproject.toml", KeptSettings(str(tmp_path / "cache")))


@pytest.mark.parametrize(
    "entry",
    ['{"key": "0", "entries": {}}', "not json", '{"key": 1}', "[]",
     '{"key": "KEY", "entries": {"select": "no line"}}'],
)
def test_a_stale_damaged_or_crafted_entry_is_a_miss(tmp_path: Path, entry: str) -> None:
    (tmp_path / ".termlint.yaml").write_text(CONFIG)
    found_twice(tmp_path, tmp_path / "cache")
    (kept,) = (tmp_path / "cache" / "configs").iterdir()
    key = json.loads(kept.read_text())["key"]
    kept.write_text(entry.replace("KEY", key))
    config.clear_cache()
    assert config.find_config(tmp_path, KeptSettings(str(tmp_path / "cache"))).select == ("PM1",)


def test_settings_json_cannot_hold_are_not_kept(tmp_path: Path) -> None:
    # A number as a mapping key would come back from JSON as a string: not kept, still an error.
    (tmp_path / ".termlint.yaml").write_text("severity: {101: error}\n")
    for _ in range(2):
        config.clear_cache()
        with pytest.raises(config.ConfigError, match="severity"):
            config.find_config(tmp_path, KeptSettings(str(tmp_path / "cache")))
    assert not (tmp_path / "cache" / "configs").exists()


def test_a_bad_configuration_is_never_kept(tmp_path: Path) -> None:
    (tmp_path / ".termlint.yaml").write_text("selcet: [PM]\n")
    code, _ = run_json("--rules", "builtin:precision-medicine", "x.md", cwd=tmp_path)
    assert code == 2
    assert not (tmp_path / ".termlint_cache" / "configs").exists()


def test_a_small_run_with_a_configuration_reads_no_yaml(tmp_path: Path) -> None:
    """The pre-commit case in a repository with .termlint.yaml: the second run, with the pack
    and the settings kept, imports no YAML parser, and finds what the first found."""
    (tmp_path / ".termlint.yaml").write_text(CONFIG)
    draft = tmp_path / "draft.md"
    draft.write_text(CONFLATION)
    script = ("import sys\nfrom termlint.cli import main\ncode = main(['-q', 'draft.md'])\n"
              "print(code, 'yaml' in sys.modules)\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    outputs = []
    for expected in ("True", "False"):  # the first run reads the files and keeps them
        draft.write_text(draft.read_text() + "More.\n")  # not a cached result either
        done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                              capture_output=True, text=True, check=False)
        *lines, last = done.stdout.strip().splitlines()
        assert last == f"1 {expected}", done.stderr
        outputs.append(lines)
    assert outputs[0] == outputs[1]
    assert outputs[0][0].endswith("error PM101 " + outputs[0][0].split(" PM101 ")[1])


def test_no_cache_and_commands_that_lint_nothing_keep_no_settings(tmp_path: Path) -> None:
    (tmp_path / ".termlint.yaml").write_text(CONFIG)
    (tmp_path / "draft.md").write_text(CONFLATION)
    for args in (["--no-cache", "draft.md"], ["--list-rules"], ["--explain", "PM101"]):
        assert run_termlint(*args, cwd=tmp_path).returncode in (0, 1)
    assert not (tmp_path / ".termlint_cache" / "configs").exists()


def test_the_cache_digest_is_sha256() -> None:
    import hashlib

    from termlint.digest import sha256

    for data in (b"", b"termlint", bytes(range(256)) * 100):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
        incremental = sha256()
        incremental.update(data[:7])
        incremental.update(data[7:])
        assert incremental.hexdigest() == hashlib.sha256(data).hexdigest()
