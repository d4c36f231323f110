"""YAML read with line numbers, for rules and configuration files.

Documents are composed into nodes (which keep their lines) and values are built from them with
the safe constructor only: exactly `yaml.safe_load` semantics, no Python objects, and every
problem can name the line it is on.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from termlint.source import NotRegularFile, TooLarge, read_regular

# PyYAML is imported by the functions that read YAML, not here: a run whose rules files were
# kept (termlint.packcache) and that has no YAML configuration never needs it (~15 ms).
if TYPE_CHECKING:
    import yaml

_MERGE_TAG = "tag:yaml.org,2002:merge"
# A rules or config file is written by people: anything beyond these is an attack or an accident.
MAX_BYTES = 10_000_000
MAX_DEPTH = 100
MAX_VALUES = 1_000_000  # counted with every alias expanded ("billion laughs")

class YamlProblem(Exception):
    """A problem at a line of a YAML document; the caller knows the file (and the rule)."""

    def __init__(self, line: int | None, problem: str, rule_id: str | None = None) -> None:
        super().__init__(problem)
        self.line = line
        self.problem = problem
        self.rule_id = rule_id


class Unreadable(Exception):
    """A rules or config file that is not worth reading: the message says why."""


def read_data_file(path: Path) -> bytes:
    """The bytes of a rules or config file. OSError as from open(); Unreadable for a FIFO or
    device or a file over MAX_BYTES."""
    try:
        return read_regular(str(path), MAX_BYTES)
    except NotRegularFile:
        raise Unreadable("not a regular file (a FIFO, socket or device)") from None
    except TooLarge:
        raise Unreadable(f"larger than {MAX_BYTES // 1_000_000} MB; refusing to read it") from None


def line_of(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


@functools.cache
def _safe_loader() -> Any:
    import yaml

    # libyaml is several times faster on large lexicons; the pure-Python loader is the same.
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for a likely typo, else ''."""
    import difflib

    # Compared in lower case, so 'ID' or 'Severity' still find their key.
    by_lower = {choice.lower(): choice for choice in choices}
    close = difflib.get_close_matches(word.lower(), list(by_lower), n=1)
    return f" (did you mean '{by_lower[close[0]]}'?)" if close else ""


def describe(value: object) -> str:
    """How a YAML value reads to its writer, for "must be X, got Y" messages."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (a boolean)"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"{value!r} (a number)"
    return f"{value!r} (a {type(value).__name__})"


def _yaml_error_line(exc: yaml.YAMLError) -> int | None:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    return int(mark.line) + 1 if mark is not None else None


def _yaml_error_text(exc: yaml.YAMLError) -> str:
    import yaml

    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem:
        context = f" ({exc.context})" if exc.context else ""
        return f"invalid YAML: {exc.problem}{context}"
    return f"invalid YAML: {exc}"


def _check_shape(text: str) -> None:
    """Refuse documents too deep to compose safely (libyaml's composer recurses in C) or whose
    aliases expand to more values than any real rules file has, before composing them."""
    import yaml

    loader = _safe_loader()(text)
    open_sizes: list[list[Any]] = []  # [anchor, values so far] of each open collection
    sizes: dict[str, int] = {}  # anchor -> values it expands to

    def add(count: int, event: yaml.Event) -> None:
        if open_sizes:
            open_sizes[-1][1] += count
            if open_sizes[-1][1] > MAX_VALUES:
                raise YamlProblem(
                    int(event.start_mark.line) + 1,
                    f"aliases expand to more than {MAX_VALUES:,} values; refusing an alias bomb",
                )

    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                if len(open_sizes) >= MAX_DEPTH:
                    raise YamlProblem(int(event.start_mark.line) + 1,
                                      f"nested deeper than {MAX_DEPTH} levels")
                open_sizes.append([event.anchor, 1])
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                anchor, count = open_sizes.pop()
                if anchor is not None:
                    sizes[anchor] = count
                add(count, event)
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor is not None:
                    sizes[event.anchor] = 1
                add(1, event)
            elif isinstance(event, yaml.AliasEvent):
                add(sizes.get(event.anchor, 1), event)
    finally:
        loader.dispose()


class YamlDoc:
    """One composed YAML document: nodes keep their lines, values are built safely."""

    def __init__(self, text: str) -> None:
        import yaml

        self._yaml = yaml
        try:
            _check_shape(text)
            self.root: yaml.Node | None = yaml.compose(text, Loader=_safe_loader())
        except yaml.YAMLError as exc:
            raise YamlProblem(_yaml_error_line(exc), _yaml_error_text(exc)) from None
        # One safe constructor for the whole file; construct_document forgets between calls.
        self._constructor = _safe_loader()("")

    def is_mapping(self, node: yaml.Node) -> bool:
        return isinstance(node, self._yaml.MappingNode)

    def value(self, node: yaml.Node) -> Any:
        """The plain Python value of a node, exactly as yaml.safe_load would build it."""
        try:
            return self._constructor.construct_document(node)
        except self._yaml.YAMLError as exc:
            line = _yaml_error_line(exc) or line_of(node)
            raise YamlProblem(line, _yaml_error_text(exc)) from None
        except (ValueError, TypeError, AttributeError, IndexError, KeyError):
            # PyYAML's constructors trust explicit tags: `!!float ;` or `!!bool` crash inside.
            tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
            problem = f"invalid YAML: bad value for tag {tag}"
            raise YamlProblem(line_of(node), problem) from None

    def mapping(self, node: yaml.Node, what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """key -> (key node, value node) of a mapping node; keys must be unique strings."""
        if not isinstance(node, self._yaml.MappingNode):
            got = describe(self.value(node))
            raise YamlProblem(line_of(node), f"{what} must be a mapping, got {got}")
        first_line: dict[str, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == _MERGE_TAG:  # resolved by flatten_mapping below
                continue
            key = self._key(key_node, what)
            if key in first_line:
                raise YamlProblem(
                    line_of(key_node),
                    f"duplicate key '{key}' in {what} (first at line {first_line[key]})",
                )
            first_line[key] = line_of(key_node)
        # Merge keys (`<<: *defaults`) behave as in safe_load: explicit keys win.
        try:
            self._constructor.flatten_mapping(node)
        except self._yaml.YAMLError as exc:
            line = _yaml_error_line(exc) or line_of(node)
            raise YamlProblem(line, _yaml_error_text(exc)) from None
        return {self._key(k, what): (k, v) for k, v in node.value}

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, self._yaml.SequenceNode):
            got = describe(self.value(node))
            raise YamlProblem(line_of(node), f"{what} must be a list, got {got}")
        return list(node.value)

    def string(self, node: yaml.Node, what: str) -> str:
        value = self.value(node)
        if not isinstance(value, str):
            raise YamlProblem(line_of(node), f"{what} must be a string, got {describe(value)}")
        if not value.strip():
            raise YamlProblem(line_of(node), f"{what} must not be empty")
        return value

    def strings(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node]]:
        """A list of non-empty strings, each with its node (for its line)."""
        return [(self.string(item, f"each entry of {what}"), item)
                for item in self.sequence(node, what)]

    def _key(self, node: yaml.Node, what: str) -> str:
        key = self.value(node)
        if not isinstance(key, str):
            raise YamlProblem(line_of(node), f"keys of {what} must be strings, got {describe(key)}")
        return key


def check_keys(
    items: Mapping[str, tuple[yaml.Node, yaml.Node]], allowed: Sequence[str], where: str
) -> None:
    """Reject the first key not in `allowed`, suggesting the closest allowed one."""
    for key, (key_node, _) in items.items():
        if key not in allowed:
            raise YamlProblem(
                line_of(key_node), f"unknown key '{key}' {where}{did_you_mean(key, allowed)}"
            )
