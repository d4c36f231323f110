"""Configuration: discovery up the folders, both file formats, selection and include/exclude."""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from termlint.config import (
    DEFAULT_RULES,
    Config,
    ConfigError,
    clear_cache,
    find_config,
    is_included,
    is_selected,
    load_config,
)
from termlint.findings import Severity


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    clear_cache()
    yield
    clear_cache()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def config_error(path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert "\n" not in message
    return message


# --- reading one file -------------------------------------------------------------------------


def test_yaml_config_with_every_key(tmp_path: Path) -> None:
    path = write(tmp_path / ".termlint.yaml", """\
rules: [builtin:precision-medicine, style/extra.yaml, ../shared/more.yaml]
select: [pm, TW1]
ignore: [PM401]
severity: {pm302: error, PM501: info}
include: ["docs/**/*.md"]
exclude: [drafts/]
fail-on: info
""")
    config = load_config(path)
    assert config.path == path
    assert config.root == tmp_path
    assert config.rules == (
        "builtin:precision-medicine",
        str(tmp_path / "style" / "extra.yaml"),
        os.path.normpath(tmp_path.parent / "shared" / "more.yaml"),
    )
    assert config.select == ("PM", "TW1")
    assert config.ignore == ("PM401",)
    assert dict(config.severity) == {"PM302": Severity.ERROR, "PM501": Severity.INFO}
    assert config.include == ("docs/**/*.md",)
    assert config.exclude == ("drafts/",)
    assert config.fail_on is Severity.INFO


def test_empty_yaml_config_means_defaults_rooted_there(tmp_path: Path) -> None:
    path = write(tmp_path / ".termlint.yaml", "# termlint settings live here\n")
    config = load_config(path)
    assert (config.path, config.root, config.rules) == (path, tmp_path, DEFAULT_RULES)
    assert (config.select, config.ignore, dict(config.severity)) == ((), (), {})
    assert config.fail_on is None


def test_pyproject_table(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", """\
[project]
name = "docs"

[tool.termlint]
rules = ["rules/house.yaml"]
fail-on = "error"

[tool.termlint.severity]
PM101 = "info"
""")
    config = load_config(path)
    assert config.rules == (str(tmp_path / "rules" / "house.yaml"),)
    assert config.fail_on is Severity.ERROR
    assert dict(config.severity) == {"PM101": Severity.INFO}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "rules: [builtin:precision-medicine]\nselct: [PM]\n",
            ":2: unknown key 'selct' in the configuration (did you mean 'select'?)",
            id="unknown-key",
        ),
        pytest.param(
            "fail_on: error\n",
            ":1: unknown key 'fail_on' in the configuration (did you mean 'fail-on'?)",
            id="underscore-key",
        ),
        pytest.param(
            "select: [PM]\nfail-on: warn\n",
            ":2: 'fail-on' must be one of error, warning, info, got 'warn'",
            id="bad-fail-on",
        ),
        pytest.param(
            "severity:\n  PM101: loud\n",
            ":1: 'severity: PM101' must be one of error, warning, info, got 'loud'",
            id="bad-severity",
        ),
        pytest.param(
            "severity: {PM-1: error}\n",
            ":1: 'severity' keys must be rule ids such as PM101, got 'PM-1'",
            id="bad-severity-id",
        ),
        pytest.param(
            "rules: builtin:precision-medicine\n",
            ":1: 'rules' must be a list of non-empty strings, got 'builtin:precision-medicine'",
            id="rules-not-a-list",
        ),
        pytest.param("rules: []\n", ":1: 'rules' must name at least one rules file",
                     id="no-rules"),
        pytest.param(
            "\nselect: [P-M]\n",
            ":2: 'select' entries must be rule ids or prefixes such as PM or PM1, got 'P-M'",
            id="bad-select",
        ),
        pytest.param(
            "select: [PM\n",
            ":2: invalid YAML: ...",  # the wording depends on libyaml being present
            id="malformed-yaml",
        ),
        pytest.param("- PM\n", ":1: a configuration file must be a mapping, got a list",
                     id="not-a-mapping"),
    ],
)
def test_yaml_config_errors(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path / ".termlint.yaml", text)
    message = config_error(path)
    if expected.endswith("..."):
        assert message.startswith(f"{path}{expected[:-3]}"), message
    else:
        assert message == f"{path}{expected}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "[tool.termlint]\nrules = ['a.yaml']\nignroe = ['PM1']\n",
            ":3: unknown key 'ignroe' in [tool.termlint] (did you mean 'ignore'?)",
            id="unknown-key",
        ),
        pytest.param(
            "[tool.termlint]\nfail-on = 'everything'\n",
            ":2: 'fail-on' must be one of error, warning, info, got 'everything'",
            id="bad-value",
        ),
        pytest.param(
            "[tool.termlint]\nselect = \n",
            ":2: invalid TOML: Invalid value",
            id="invalid-toml",
        ),
        pytest.param("[project]\nname = 'x'\n", ": has no [tool.termlint] table", id="no-table"),
        pytest.param("[tool]\ntermlint = 3\n", ": 'tool.termlint' must be a table",
                     id="not-a-table"),
    ],
)
def test_pyproject_errors(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path / "pyproject.toml", text)
    assert config_error(path) == f"{path}{expected}"


def test_explicit_config_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert config_error(missing) == f"{missing}: configuration file not found"


def test_config_error_attributes(tmp_path: Path) -> None:
    path = write(tmp_path / ".termlint.yaml", "fail-on: 3\n")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert (info.value.path, info.value.line) == (str(path), 1)
    assert info.value.problem == "'fail-on' must be one of error, warning, info, got 3 (a number)"


# --- discovery --------------------------------------------------------------------------------


def test_nearest_config_applies_to_nested_folders(tmp_path: Path) -> None:
    top = write(tmp_path / ".termlint.yaml", "select: [TOP]\n")
    inner = write(tmp_path / "a" / ".termlint.yaml", "select: [INNER]\n")
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    (tmp_path / "z").mkdir()
    assert find_config(deep).path == inner
    assert find_config(deep).root == tmp_path / "a"
    assert find_config(tmp_path / "z").path == top
    assert find_config(tmp_path).select == ("TOP",)


def test_start_may_be_a_file(tmp_path: Path) -> None:
    path = write(tmp_path / ".termlint.yaml", "select: [PM]\n")
    doc = write(tmp_path / "docs" / "a.md", "text\n")
    assert find_config(doc).path == path


def test_yaml_beats_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    yaml_path = write(tmp_path / ".termlint.yaml", "select: [YAML]\n")
    write(tmp_path / "pyproject.toml", "[tool.termlint]\nselect = ['TOML']\n")
    assert find_config(tmp_path).path == yaml_path


def test_pyproject_without_table_is_not_a_config(tmp_path: Path) -> None:
    top = write(tmp_path / ".termlint.yaml", "select: [TOP]\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[project]\nname = 'pkg'\n")
    found = write(tmp_path / "other" / "pyproject.toml", "[tool.termlint]\nselect = ['PM']\n")
    assert find_config(tmp_path / "pkg").path == top
    assert find_config(tmp_path / "other").path == found
    assert find_config(tmp_path / "other").select == ("PM",)


def test_unrelated_broken_pyproject_is_skipped(tmp_path: Path) -> None:
    top = write(tmp_path / ".termlint.yaml", "select: [TOP]\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[project\n")
    assert find_config(tmp_path / "pkg").path == top


def test_broken_pyproject_with_our_table_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "pyproject.toml", "[tool.termlint]\nselect = [\n")
    with pytest.raises(ConfigError) as info:
        find_config(tmp_path)
    assert str(info.value).startswith(f"{path}:")


def test_relative_rules_resolve_against_the_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "repo" / ".termlint.yaml", "rules: [style/house.yaml, builtin:x]\n")
    (tmp_path / "repo" / "docs").mkdir()
    monkeypatch.chdir(tmp_path / "repo" / "docs")
    config = find_config(Path("."))
    assert config.rules == (str(tmp_path / "repo" / "style" / "house.yaml"), "builtin:x")


def test_defaults_when_nothing_is_found(tmp_path: Path) -> None:
    config = find_config(tmp_path)
    if config.path is not None:  # pragma: no cover - a config above the temporary folder
        pytest.skip(f"{config.path} configures the temporary folder")
    assert config.rules == DEFAULT_RULES == ("builtin:precision-medicine",)
    assert config.root.is_absolute()


def test_walk_is_cached_per_folder(tmp_path: Path) -> None:
    write(tmp_path / ".termlint.yaml", "select: [PM]\n")
    (tmp_path / "a").mkdir()
    first = find_config(tmp_path / "a")
    # Written after the walk: the cached answer stands until the cache is cleared.
    write(tmp_path / "a" / ".termlint.yaml", "select: [TW]\n")
    assert find_config(tmp_path / "a") is first
    assert find_config(tmp_path) is first
    clear_cache()
    assert find_config(tmp_path / "a").select == ("TW",)


# --- selection --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_id", "select", "ignore", "expected"),
    [
        ("PM101", [], [], True),  # empty select = everything
        ("PM101", ["ALL"], [], True),
        ("PM101", ["PM"], [], True),
        ("PM101", ["PM1"], [], True),
        ("PM101", ["PM2"], [], False),
        ("TL001", ["PM"], [], False),
        ("PM101", [], ["PM"], False),
        ("PM101", ["ALL"], ["PM1"], False),
        ("PM101", ["PM"], ["PM1"], False),  # the longer ignore wins
        ("PM101", ["PM10"], ["PM1"], True),  # the longer select wins
        ("PM101", ["PM101"], ["PM"], True),  # an explicit id beats a prefix
        ("PM101", ["PM"], ["PM101"], False),
        ("PM101", ["PM"], ["PM"], False),  # a tie goes to ignore
        ("PM101", ["pm1"], [], True),  # case does not matter
        ("PM101", [], ["ALL"], False),
        ("PM101", ["PM101"], ["ALL"], True),
    ],
)
def test_is_selected(rule_id: str, select: list[str], ignore: list[str], expected: bool) -> None:
    assert is_selected(rule_id, select, ignore) is expected


# --- include / exclude ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("include", "exclude", "path", "expected"),
    [
        ((), (), "anything/at/all.md", True),
        (("docs/**/*.md",), (), "docs/a.md", True),
        (("docs/**/*.md",), (), "docs/x/y/a.md", True),
        (("docs/**/*.md",), (), "blog/a.md", False),
        (("docs/*.md",), (), "docs/x/a.md", False),  # '*' stays in one folder
        (("docs",), (), "docs/x/a.md", True),  # a folder includes what is in it
        (("*.md",), (), "deep/down/a.md", True),  # no '/': any depth
        (("/*.md",), (), "deep/a.md", False),  # a leading '/' anchors at the root
        (("/*.md",), (), "a.md", True),
        ((), ("drafts/",), "drafts/a.md", False),
        ((), ("drafts/",), "blog/drafts/a.md", False),
        ((), ("drafts/",), "drafts.md", True),  # trailing '/': folders only
        ((), ("blog/drafts",), "blog/drafts/a.md", False),
        ((), ("blog/drafts",), "x/blog/drafts/a.md", True),  # anchored at the root
        ((), ("**/_*.md",), "a/b/_partial.md", False),
        ((), ("?.md",), "a.md", False),
        ((), ("?.md",), "ab.md", True),
        ((), ("[!a]*.md",), "a.md", True),
        ((), ("[!a]*.md",), "b.md", False),
        ((), ("./CHANGELOG.md",), "CHANGELOG.md", False),
        (("docs/**",), ("docs/old/**",), "docs/old/a.md", False),  # exclude wins
        (("docs/**",), ("docs/old/**",), "docs/new/a.md", True),
    ],
)
def test_is_included(
    tmp_path: Path, include: tuple[str, ...], exclude: tuple[str, ...], path: str, expected: bool
) -> None:
    config = Config(path=None, root=tmp_path, include=include, exclude=exclude)
    assert is_included(tmp_path / path, config) is expected


def test_is_included_with_relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = Config(path=None, root=tmp_path, exclude=("drafts/",))
    assert not is_included(Path("drafts/a.md"), config)
    assert is_included(Path("docs/a.md"), config)


def test_outside_the_root_only_unanchored_globs_apply(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    config = Config(path=None, root=root, exclude=("*.draft.md",))
    assert not is_included(tmp_path / "elsewhere" / "x.draft.md", config)
    assert is_included(tmp_path / "elsewhere" / "x.md", config)


def test_config_error_survives_pickling() -> None:
    copy = pickle.loads(pickle.dumps(ConfigError("c.yaml", "bad", 2)))
    assert (copy.path, copy.problem, copy.line, str(copy)) == ("c.yaml", "bad", 2, "c.yaml:2: bad")
