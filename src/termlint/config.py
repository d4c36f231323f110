"""Configuration: `.termlint.yaml` or `[tool.termlint]` in `pyproject.toml` (DESIGN.md §3).

The nearest configuration above a linted file applies to it; in one folder `.termlint.yaml`
wins over `pyproject.toml`, and a `pyproject.toml` without a `[tool.termlint]` table is not a
configuration. Relative rules files and globs are relative to the configuration's folder.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from termlint.findings import Severity
from termlint.packs import BUILTIN_PREFIX, SEVERITIES, is_plugin_spec
from termlint.yamldoc import (
    Unreadable,
    YamlDoc,
    YamlProblem,
    check_keys,
    describe,
    did_you_mean,
    line_of,
    read_data_file,
)

if TYPE_CHECKING:
    from termlint.configcache import KeptSettings

CONFIG_NAME = ".termlint.yaml"
PYPROJECT_NAME = "pyproject.toml"
DEFAULT_RULES = (f"{BUILTIN_PREFIX}precision-medicine",)
KEYS = ("rules", "select", "ignore", "severity", "include", "exclude", "fail-on", "vocabulary")

_RULE_ID = re.compile(r"[A-Z]+[0-9]+")
_ID_PREFIX = re.compile(r"[A-Z]+[0-9]*")


class Config(NamedTuple):
    path: Path | None  # the file it came from (None = defaults)
    root: Path  # folder that relative paths and globs resolve against
    rules: tuple[str, ...] = DEFAULT_RULES  # absolute paths or "builtin:NAME"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = MappingProxyType({})
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: Severity | None = None
    vocabulary: tuple[str, ...] = ()  # absolute paths of accept lists (termlint.vocabulary)


class ConfigError(Exception):
    """A configuration file that cannot be used. str() is one line: "path:line: problem"."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path = path
        self.problem = " ".join(problem.split())
        self.line = line
        super().__init__(str(self))

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its fields, so it survives being sent between worker processes.
        return (ConfigError, (self.path, self.problem, self.line))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.problem}"


# A setting as read from either file format: its value and, when known, its line.
Entries = dict[str, tuple[Any, int | None]]


# --- discovery ----------------------------------------------------------------------------------

# folder -> the configuration that applies there. Many files share a folder, and every folder
# above them is asked the same question, so the walk is done once per folder.
_found: dict[Path, Config] = {}


def clear_cache() -> None:
    """Forget discovered configurations (for long-running callers and tests)."""
    _found.clear()


def find_config(start: Path, kept: KeptSettings | None = None) -> Config:
    """The configuration for a file or folder: the nearest one above it, else the defaults.
    `kept`: where settings read by earlier runs are kept (see termlint.configcache)."""
    folder = Path(os.path.abspath(start))
    if folder.is_file():
        folder = folder.parent
    visited: list[Path] = []
    config: Config | None = None
    for candidate in (folder, *folder.parents):
        if candidate in _found:
            config = _found[candidate]
            break
        visited.append(candidate)
        config = _config_in(candidate, kept)
        if config is not None:
            break
    if config is None:
        config = Config(path=None, root=Path.cwd())
    for candidate in visited:
        _found[candidate] = config
    return config


def _config_in(folder: Path, kept: KeptSettings | None) -> Config | None:
    yaml_path = folder / CONFIG_NAME
    if yaml_path.is_file():
        return load_config(yaml_path, kept)
    pyproject = folder / PYPROJECT_NAME
    if pyproject.is_file():
        entries = _entries(pyproject, _read(pyproject), False, kept)
        if entries is not None:
            return _build(pyproject, entries)
    return None


def load_config(path: Path, kept: KeptSettings | None = None) -> Config:
    """Read one configuration file given explicitly: a .yaml file or a pyproject.toml."""
    path = Path(os.path.abspath(path))
    entries = _entries(path, _read(path), True, kept)
    assert entries is not None  # required=True raises instead
    return _build(path, entries)


def _entries(path: Path, text: str, required: bool, kept: KeptSettings | None) -> Entries | None:
    """The settings in a file's text; None for a pyproject.toml without [tool.termlint]
    (unless `required`, when that is an error)."""
    if kept is not None:
        found, entries = kept.get(str(path), text)
        if found and (entries is not None or not required):
            return entries
    if path.suffix == ".toml":
        entries = _toml_entries(path, text, required)
    else:
        entries = _yaml_entries(path, text)
    if kept is not None:
        kept.put(str(path), text, entries)
    return entries


def _read(path: Path) -> str:
    try:
        return read_data_file(path).decode("utf-8-sig")
    except Unreadable as exc:
        raise ConfigError(str(path), f"configuration file is {exc}") from None
    except FileNotFoundError:
        raise ConfigError(str(path), "configuration file not found") from None
    except IsADirectoryError:
        raise ConfigError(str(path), "is a folder, not a configuration file") from None
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "configuration file is not valid UTF-8") from None


# --- the two file formats -----------------------------------------------------------------------


def _yaml_entries(path: Path, text: str) -> Entries:
    try:
        doc = YamlDoc(text)
        if doc.root is None:  # an empty file (or only comments) means all defaults
            return {}
        items = doc.mapping(doc.root, "a configuration file")
        check_keys(items, KEYS, "in the configuration")
        return {key: (doc.value(value), line_of(key_node))
                for key, (key_node, value) in items.items()}
    except YamlProblem as exc:
        raise ConfigError(str(path), exc.problem, exc.line) from None


def _toml_entries(path: Path, text: str, required: bool) -> Entries | None:
    """The [tool.termlint] table; None when there is none and it is not required."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        # Someone else's broken pyproject.toml above the linted files is not our business.
        if not required and "tool.termlint" not in text:
            return None
        problem = f"invalid TOML: {_toml_problem(exc)}"
        raise ConfigError(str(path), problem, _toml_line(exc)) from None
    except RecursionError:  # tomllib parses nested arrays and tables recursively
        if not required and "tool.termlint" not in text:
            return None
        raise ConfigError(str(path), "invalid TOML: nested too deeply") from None
    tool = data.get("tool")
    table = tool.get("termlint") if isinstance(tool, dict) else None
    if table is None:
        if required:
            raise ConfigError(str(path), "has no [tool.termlint] table")
        return None
    if not isinstance(table, dict):
        raise ConfigError(str(path), "'tool.termlint' must be a table")
    entries = {key: (value, _toml_key_line(text, key)) for key, value in table.items()}
    for key, (_, line) in entries.items():
        if key not in KEYS:
            raise ConfigError(
                str(path), f"unknown key '{key}' in [tool.termlint]{did_you_mean(key, KEYS)}", line
            )
    return entries


_TOML_AT = re.compile(r"\s*\(at line (\d+), column \d+\)\s*$")


def _toml_line(exc: ValueError) -> int | None:
    lineno = getattr(exc, "lineno", None)  # Python 3.14+ has it; older ones only say it
    if isinstance(lineno, int):
        return lineno
    found = _TOML_AT.search(str(exc))
    return int(found.group(1)) if found else None


def _toml_problem(exc: ValueError) -> str:
    return getattr(exc, "msg", None) or _TOML_AT.sub("", str(exc))


def _toml_key_line(text: str, key: str) -> int | None:
    """Best effort: the line that sets `key` in [tool.termlint] (tomllib keeps no lines)."""
    in_table = False
    quoted = re.escape(key)
    sets_key = re.compile(rf"\s*(?:{quoted}|\"{quoted}\"|'{quoted}')\s*=")
    own_table = re.compile(rf"\s*\[\s*tool\.termlint\.{quoted}\s*\]")
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), 1):
        if own_table.match(line):
            return number
        if line.lstrip().startswith("["):
            in_table = re.match(r"\s*\[\s*tool\.termlint\s*\]", line) is not None
        elif in_table and sets_key.match(line):
            return number
    return None


# --- values -------------------------------------------------------------------------------------


def _build(path: Path, entries: Entries) -> Config:
    """A Config from validated entries; relative rules files resolve against path's folder."""
    root = path.parent
    try:
        values: dict[str, Any] = {}
        for key, (value, line) in entries.items():
            values[key.replace("-", "_")] = _PARSERS[key](value, line, root)
    except _Problem as exc:
        raise ConfigError(str(path), exc.problem, exc.line) from None
    for spec in values.get("rules", ()):
        if os.path.realpath(spec) == os.path.realpath(path):
            line = entries["rules"][1]
            raise ConfigError(str(path), "'rules' names this configuration file itself; "
                              "list rules files (or builtin:NAME)", line)
    return Config(path=path, root=root, **values)


class _Problem(Exception):
    def __init__(self, line: int | None, problem: str) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem


def _strings(key: str, value: object, line: int | None) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _Problem(line, f"'{key}' must be a list of non-empty strings, got {describe(value)}")
    return tuple(v.strip() for v in value)


def _rules(value: object, line: int | None, root: Path) -> tuple[str, ...]:
    specs = _strings("rules", value, line)
    if not specs:
        raise _Problem(line, "'rules' must name at least one rules file")
    return tuple(
        spec if spec.startswith(BUILTIN_PREFIX) or is_plugin_spec(spec, root)
        else os.path.normpath(root / Path(spec).expanduser())
        for spec in specs
    )


def _id_prefixes(key: str) -> Any:
    def parse(value: object, line: int | None, root: Path) -> tuple[str, ...]:
        ids = tuple(v.upper() for v in _strings(key, value, line))
        for rule_id in ids:
            if rule_id != "ALL" and not _ID_PREFIX.fullmatch(rule_id):
                raise _Problem(
                    line, f"'{key}' entries must be rule ids or prefixes such as PM or PM1, "
                    f"got {rule_id!r}"
                )
        return ids
    return parse


def _severity_name(key: str, value: object, line: int | None) -> Severity:
    if value not in SEVERITIES:
        raise _Problem(
            line, f"'{key}' must be one of {', '.join(SEVERITIES)}, got {describe(value)}"
        )
    return Severity.parse(str(value))


def _severities(value: object, line: int | None, root: Path) -> Mapping[str, Severity]:
    if not isinstance(value, dict):
        raise _Problem(line, f"'severity' must be a mapping of rule id: severity, got "
                       f"{describe(value)}")
    overrides = {}
    for rule_id, name in value.items():
        if not isinstance(rule_id, str) or not _RULE_ID.fullmatch(rule_id.upper()):
            raise _Problem(line, f"'severity' keys must be rule ids such as PM101, got "
                           f"{describe(rule_id)}")
        overrides[rule_id.upper()] = _severity_name(f"severity: {rule_id}", name, line)
    return MappingProxyType(overrides)


_PARSERS = {
    "rules": _rules,
    "select": _id_prefixes("select"),
    "ignore": _id_prefixes("ignore"),
    "severity": _severities,
    "include": lambda value, line, root: _strings("include", value, line),
    "exclude": lambda value, line, root: _strings("exclude", value, line),
    "fail-on": lambda value, line, root: _severity_name("fail-on", value, line),
    "vocabulary": lambda value, line, root: tuple(
        os.path.normpath(root / Path(path).expanduser())
        for path in _strings("vocabulary", value, line)),
}


# --- selection ----------------------------------------------------------------------------------


def _longest_prefix(rule_id: str, prefixes: Iterable[str]) -> int | None:
    """Length of the longest entry that is a prefix of rule_id ("ALL" counts as 0)."""
    lengths = [
        0 if prefix.upper() == "ALL" else len(prefix)
        for prefix in prefixes
        if prefix.upper() == "ALL" or rule_id.startswith(prefix.upper())
    ]
    return max(lengths, default=None)


def is_selected(rule_id: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Prefix selection as in flake8 and Ruff: the longest matching entry decides.

    An empty select means every rule. A full id is the longest possible prefix, so naming a
    rule explicitly beats any prefix; when select and ignore match equally, ignore wins.
    """
    rule_id = rule_id.upper()
    chosen = _longest_prefix(rule_id, select) if select else 0
    if chosen is None:
        return False
    dropped = _longest_prefix(rule_id, ignore)
    return dropped is None or chosen > dropped


# --- include / exclude --------------------------------------------------------------------------


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """Glob -> regex, like .gitignore: `*` and `?` stay in one folder, `**` crosses folders.

    A pattern with a `/` (other than a trailing one) is anchored at the root; one without
    matches at any depth. Matching a folder matches everything in it; a trailing `/` matches
    folders only.
    """
    folder_only = pattern.endswith("/")
    body = pattern.removeprefix("./").strip("/")
    anchored = "/" in pattern.rstrip("/")
    regex = _translate(body)
    lead = "" if anchored else "(?:.*/)?"
    tail = "/.*" if folder_only else "(?:/.*)?"
    return re.compile(f"{lead}{regex}{tail}", re.DOTALL)


def _translate(glob: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[" and (end := glob.find("]", i + 2)) != -1:
            inner = glob[i + 1 : end].replace("\\", "\\\\")
            # Glob negates with '!'; a leading '^' is literal there but not in a regex.
            if inner.startswith("!"):
                inner = "^" + inner[1:]
            elif inner.startswith("^"):
                inner = "\\" + inner
            out.append(f"[{inner}]")
            i = end + 1
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)


def _relative(path: Path, root: Path) -> str:
    """path relative to root, with '/' separators; the absolute path when outside root."""
    absolute = Path(os.path.abspath(path))
    for candidate, base in ((absolute, Path(os.path.abspath(root))),
                            (absolute.resolve(), root.resolve())):
        try:
            return candidate.relative_to(base).as_posix()
        except ValueError:
            continue
    return absolute.as_posix()


def matches_any(relative: str, patterns: Iterable[str]) -> bool:
    return any(_glob_regex(pattern).fullmatch(relative) for pattern in patterns)


def is_included(path: Path, config: Config) -> bool:
    """Whether the configuration's include/exclude globs let `path` be linted.

    No include means everything; exclude always wins. Globs are relative to config.root; a
    file outside it is matched by its absolute path, so only unanchored globs can reach it.
    """
    if not config.include and not config.exclude:
        return True
    relative = _relative(path, config.root)
    if config.include and not matches_any(relative, config.include):
        return False
    return not matches_any(relative, config.exclude)
