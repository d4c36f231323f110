"""existence: flag every match of any of the rule's patterns."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from termlint.kinds import Hit, PackContext, combine, compile_patterns

if TYPE_CHECKING:
    from termlint.packs import Rule
    from termlint.segment import Document

NAME = "existence"
KEYS = {"patterns": "list of patterns; each match is a finding"}
REQUIRED = frozenset(KEYS)
PATTERN_KEYS = {"patterns": "items"}  # what `literal: true` escapes (see packs.py)
SCOPES = ("sentence", "paragraph")
DEFAULT_SCOPE = "paragraph"
PLACEHOLDERS = frozenset({"match"})


def prepare(options: Mapping[str, Any], pack: PackContext) -> re.Pattern[str]:
    return combine(compile_patterns(options["patterns"], "patterns"))


def triggers(options: re.Pattern[str]) -> tuple[re.Pattern[str], ...]:
    return (options,)


def check(rule: Rule, doc: Document) -> Iterator[Hit]:
    for found in doc.find(rule.options, rule.scope):
        yield Hit(found.block, found.start, found.end, {"match": found.text})
