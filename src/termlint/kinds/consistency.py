"""consistency: two spellings of one thing; within a scope the first one used wins."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from termlint.kinds import Hit, OptionError, PackContext, combine, compile_patterns, which
from termlint.kinds.substitution import fix_applicability, match_case

if TYPE_CHECKING:
    from termlint.packs import Rule
    from termlint.segment import Document

NAME = "consistency"
KEYS = {
    "either": "mapping of form: other form (patterns); whichever appears first in the scope wins",
    "fix": "'safe' (default) or 'unsafe': applicability of the fix to the winning form",
}
REQUIRED = frozenset({"either"})
PATTERN_KEYS = {"either": "both"}  # what `literal: true` escapes (see packs.py)
SCOPES = ("paragraph", "section", "document")
DEFAULT_SCOPE = "document"
PLACEHOLDERS = frozenset({"match", "expected", "replacement"})

# A form without regex syntax (escaped punctuation allowed, as `literal: true` writes it) can be
# offered as a literal replacement.
_LITERAL = re.compile(r"(?:[\w' -]|\\[^\w\s])+")
_ESCAPE = re.compile(r"\\(.)")


class Pair(NamedTuple):
    forms: re.Pattern[str]  # both forms combined; groups _0 and _1 tell which matched
    literals: tuple[str | None, str | None]


class Options(NamedTuple):
    pairs: tuple[Pair, ...]
    applicability: str


def prepare(options: Mapping[str, Any], pack: PackContext) -> Options:
    either = options["either"]
    if not isinstance(either, dict) or not either:
        raise OptionError("either", "'either' must be a non-empty mapping of form: other form")
    pairs = []
    for first, second in either.items():
        if not isinstance(second, str):
            raise OptionError("either", f"the form paired with {first!r} must be a string")
        forms = compile_patterns([first, second], "either")
        literals = tuple(_ESCAPE.sub(r"\1", f) if _LITERAL.fullmatch(f) else None
                         for f in (first, second))
        pairs.append(Pair(combine(forms), (literals[0], literals[1])))
    return Options(tuple(pairs), fix_applicability(options))


def triggers(options: Options) -> tuple[re.Pattern[str], ...]:
    return tuple(pair.forms for pair in options.pairs)


def check(rule: Rule, doc: Document) -> Iterator[Hit]:
    options: Options = rule.options
    for pair in options.pairs:
        for unit in doc.scopes(rule.scope):
            blocks = None if rule.scope == "document" else unit
            found = list(doc.find(pair.forms, "paragraph", blocks))
            if not found:
                continue
            winner = which(found[0].match, 2)
            expected = found[0].text
            literal = pair.literals[winner]
            for other in found:
                if which(other.match, 2) == winner:
                    continue
                replacement = match_case(literal, other.text) if literal else None
                yield Hit(
                    other.block,
                    other.start,
                    other.end,
                    {"match": other.text, "expected": expected,
                     "replacement": replacement or expected},
                    replacement=replacement,
                )
