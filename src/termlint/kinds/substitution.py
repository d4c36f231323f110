"""substitution: a pattern that has a preferred replacement, offered as a fix."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from termlint.kinds import Hit, OptionError, PackContext, combine, compile_patterns, which

if TYPE_CHECKING:
    from termlint.packs import Rule
    from termlint.segment import Document

NAME = "substitution"
KEYS = {
    "swap": "mapping of pattern -> replacement text",
    "fix": "'safe' (default) or 'unsafe': whether --fix applies it without --unsafe-fixes",
}
REQUIRED = frozenset({"swap"})
PATTERN_KEYS = {"swap": "keys"}  # what `literal: true` escapes (see packs.py)
SCOPES = ("sentence", "paragraph")
DEFAULT_SCOPE = "paragraph"
PLACEHOLDERS = frozenset({"match", "replacement"})


class Options(NamedTuple):
    pattern: re.Pattern[str]  # every swap's pattern, combined
    replacements: tuple[str, ...]
    applicability: str


def fix_applicability(options: Mapping[str, Any]) -> str:
    value = options.get("fix", "safe")
    if value not in ("safe", "unsafe"):
        raise OptionError("fix", f"'fix' must be 'safe' or 'unsafe', got {value!r}")
    return str(value)


def prepare(options: Mapping[str, Any], pack: PackContext) -> Options:
    swap = options["swap"]
    if not isinstance(swap, dict) or not swap:
        raise OptionError("swap", "'swap' must be a non-empty mapping of pattern: replacement")
    for pattern, replacement in swap.items():
        if not isinstance(replacement, str):
            raise OptionError("swap", f"replacement for {pattern!r} must be a string")
    patterns = compile_patterns(list(swap), "swap")
    return Options(combine(patterns), tuple(swap.values()), fix_applicability(options))


def match_case(replacement: str, matched: str) -> str:
    """Give the replacement the case shape of the text it replaces, unless the replacement has
    capitals inside it (CloudNest, iPhone, USA): such a spelling is the point of the rule, and
    is kept as written."""
    if any(c.isupper() for c in replacement[1:]):
        return replacement
    letters = [c for c in matched if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters and letters[0].isupper() and not replacement[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def triggers(options: Options) -> tuple[re.Pattern[str], ...]:
    return (options.pattern,)


def check(rule: Rule, doc: Document) -> Iterator[Hit]:
    options: Options = rule.options
    for found in doc.find(options.pattern, rule.scope):
        chosen = options.replacements[which(found.match, len(options.replacements))]
        replacement = match_case(chosen, found.text)
        if replacement == found.text:
            continue
        yield Hit(
            found.block,
            found.start,
            found.end,
            {"match": found.text, "replacement": replacement},
            replacement=replacement,
        )
