"""Rule kinds: one module each, listed in KINDS.

A kind module defines:

- ``NAME``: the value of ``kind:`` in a rules file;
- ``KEYS``: its own rule keys (beyond the common ones), each with a one-line description;
- ``REQUIRED``: the subset of KEYS a rule must set;
- ``SCOPES`` and ``DEFAULT_SCOPE``: the units it can work on;
- ``PLACEHOLDERS``: the ``{names}`` its messages may use;
- ``prepare(options, pack) -> object``: validate and compile the kind's keys once, at load time,
  raising ``OptionError(key, problem)``;
- ``check(rule, doc) -> Iterator[Hit]``: find problems in a segmented document.
- ``triggers(options) -> Sequence[re.Pattern]`` (optional): patterns one of which must match
  for the rule to find anything; lets termlint skip files that cannot concern the rule.

Adding a kind is one new module plus one line in ``_MODULES``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

if TYPE_CHECKING:
    import re

    from termlint.packs import Rule
    from termlint.segment import Block, Document


class OptionError(ValueError):
    """A rule's kind-specific key is wrong; `key` lets the loader point at its line."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(problem)
        self.key = key
        self.problem = problem


class PackContext(NamedTuple):
    """What a kind may use from its pack while preparing a rule."""

    families: Mapping[str, tuple[str, ...]]  # family name -> its form patterns (source text)
    lexicons: Mapping[str, tuple[str, ...]]  # lexicon name -> entries
    # family name -> the words naming it before a shared head noun ("personali[sz]ed")
    modifiers: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    # family name -> narrower terms that belong to it ("precision oncology")
    subfields: Mapping[str, tuple[str, ...]] = MappingProxyType({})


class Hit(NamedTuple):
    """A problem a kind found: a span of one block's prose text, plus message fields."""

    block: Block
    start: int  # offsets into block.text, end exclusive
    end: int
    fields: Mapping[str, str] = MappingProxyType({})
    replacement: str | None = None  # a fix, when the kind offers one
    fix_span: tuple[int, int] | None = None  # what the fix replaces, when not [start, end)
    severity: str | None = None  # overrides the rule's severity (e.g. document-level findings)
    message: str | None = None  # a message template used instead of the rule's
    document: bool = False  # a finding about the whole document, not this span
    why: Mapping[str, str] = MappingProxyType({})  # the cues that decided it (JSON "why")
    # An example for the writer to adapt (text, area, source); never applied by --fix.
    suggestion: Mapping[str, str] | None = None


class RuleKind(Protocol):
    NAME: str
    KEYS: Mapping[str, str]
    REQUIRED: frozenset[str]
    SCOPES: tuple[str, ...]
    DEFAULT_SCOPE: str
    PLACEHOLDERS: frozenset[str]

    def prepare(self, options: Mapping[str, Any], pack: PackContext) -> Any: ...

    def check(self, rule: Rule, doc: Document) -> Iterator[Hit]: ...

    # Optional: `triggers(options) -> Sequence[re.Pattern[str]]`, patterns of which at least
    # one must match in the prose for the rule to report anything. A file whose prose holds
    # none of any rule's triggers is not segmented at all (see termlint.linter).


_MODULES = {
    "existence": "termlint.kinds.existence",
    "substitution": "termlint.kinds.substitution",
    "consistency": "termlint.kinds.consistency",
    "conflation": "termlint.kinds.conflation",
    "actionability": "termlint.kinds.actionability",
}

KIND_NAMES: tuple[str, ...] = tuple(_MODULES)


def get_kind(name: str) -> ModuleType:
    """The module implementing a kind (imported on first use, to keep start-up fast)."""
    return importlib.import_module(_MODULES[name])


def combine(patterns: Sequence[re.Pattern[str]], prefix: str = "_") -> re.Pattern[str]:
    """One matcher for several compiled patterns; group `{prefix}{i}` tells which matched.

    The word and path guards are applied once around the alternation: a pattern that starts
    with lookbehinds in every branch is several times slower to scan.
    """
    import re

    from termlint import regexcache
    from termlint.patterns import body_of, wrap

    body = "|".join(f"(?P<{prefix}{i}>{body_of(p)})" for i, p in enumerate(patterns))
    return regexcache.compile(wrap(body), re.IGNORECASE)


def which(match: re.Match[str], count: int, prefix: str = "_") -> int:
    """The index of the combined pattern that produced a match."""
    return next(i for i in range(count) if match.group(f"{prefix}{i}") is not None)


def compile_patterns(patterns: object, key: str) -> tuple[re.Pattern[str], ...]:
    """Validate a list of rule patterns (strings) and compile them with termlint's semantics."""
    from termlint.patterns import PatternError, compile_pattern

    if isinstance(patterns, str):
        patterns = [patterns]
    if not isinstance(patterns, list) or not patterns:
        raise OptionError(key, f"'{key}' must be a non-empty list of patterns")
    compiled = []
    for pattern in patterns:
        if not isinstance(pattern, str) or not pattern.strip():
            raise OptionError(key, f"'{key}' entries must be non-empty strings, got {pattern!r}")
        try:
            compiled.append(compile_pattern(pattern))
        except PatternError as exc:
            raise OptionError(key, str(exc)) from None
    return tuple(compiled)
