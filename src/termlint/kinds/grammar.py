"""The small construction grammar shared by the domain kinds.

A construction is a pattern with placeholders, written in the rules file:

- ``{A}`` / ``{B}``: any form of the rule's first / second family (optionally in quotes);
- ``{a}`` / ``{b}``: a modifier of that family ("personali[sz]ed" in "precision/personalized
  medicine");
- ``{term}``: any form of any family in the pack;
- ``{NAME}``: any entry of the lexicon NAME.

Everything else is pattern text with termlint's pattern semantics (case-insensitive, a space
matches white space including one line break).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from termlint.kinds import OptionError, PackContext
from termlint.patterns import PatternError, compile_pattern, expand_spaces, wrap

PLACEHOLDER = re.compile(r"\{([A-Za-z][\w-]*)\}")
_OPEN_QUOTE = "[\"'\u201c\u2018]?"
_CLOSE_QUOTE = "[\"'\u201d\u2019]?"


def alternation(patterns: Iterable[str]) -> str:
    """One non-capturing group matching any of the patterns (spaces expanded)."""
    return "(?:" + "|".join(f"(?:{expand_spaces(p)})" for p in patterns) + ")"


def family_names(value: object, key: str, pack: PackContext, count: int | None) -> list[str]:
    """Validate a list of family names against the pack."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise OptionError(key, f"'{key}' must be a list of family names")
    if count is not None and len(value) != count:
        raise OptionError(key, f"'{key}' must name exactly {count} families, got {len(value)}")
    for name in value:
        if name not in pack.families:
            known = ", ".join(sorted(pack.families)) or "none declared"
            raise OptionError(key, f"unknown family '{name}' (families: {known})")
    if len(set(value)) != len(value):
        raise OptionError(key, f"'{key}' names a family twice")
    return list(value)


def lexicon(pack: PackContext, name: object, key: str) -> tuple[str, ...]:
    """The entries of a lexicon the rule names in `key`."""
    if not isinstance(name, str):
        raise OptionError(key, f"'{key}' must be the name of a lexicon")
    if name not in pack.lexicons:
        known = ", ".join(sorted(pack.lexicons)) or "none declared"
        raise OptionError(key, f"unknown lexicon '{name}' (lexicons: {known})")
    return pack.lexicons[name]


def lexicon_pattern(pack: PackContext, names: object, key: str) -> re.Pattern[str] | None:
    """A compiled matcher for any entry of one lexicon, or of a list of lexicons (None when
    they are all empty). One guard around the whole alternation keeps the scan fast."""
    entries = [entry for name in (names if isinstance(names, list) else [names])
               for entry in lexicon(pack, name, key)]
    if not entries:
        return None
    try:
        return compile_pattern(alternation(entries))
    except PatternError as exc:
        raise OptionError(key, f"lexicons {names}: {exc}") from None


def family_pattern(pack: PackContext, names: Iterable[str], with_modifiers: bool = False) -> str:
    forms = [form for name in names for form in pack.families[name]]
    if with_modifiers:
        forms += [m for name in names for m in pack.modifiers.get(name, ())]
    return alternation(forms)


def construction_body(
    template: str, pack: PackContext, first: str, second: str, key: str, tag: str = ""
) -> str:
    """The regex of one construction for an ordered pair (A=first, B=second), unguarded.

    Family groups are named `A{tag}`, `a{tag}`, `B{tag}`, `b{tag}`, so several constructions
    can share one combined pattern. Raises OptionError for a bad template.
    """
    pieces: list[str] = []
    seen: set[str] = set()
    position = 0
    for match in PLACEHOLDER.finditer(template):
        pieces.append(expand_spaces(template[position : match.start()]))
        name = match.group(1)
        if name in seen and name in "AaBb":
            raise OptionError(key, f"construction {template!r} uses {{{name}}} twice")
        seen.add(name)
        pieces.append(_placeholder(name, pack, first, second, template, key, tag))
        position = match.end()
    pieces.append(expand_spaces(template[position:]))
    if not ({"A", "a"} & seen and {"B", "b"} & seen):
        raise OptionError(
            key, f"construction {template!r} must use {{A}} or {{a}}, and {{B}} or {{b}}"
        )
    body = "".join(pieces)
    try:
        re.compile(wrap(body), re.IGNORECASE)
    except re.error as exc:
        raise OptionError(key, f"bad construction {template!r}: {exc}") from None
    return body


def _placeholder(
    name: str, pack: PackContext, first: str, second: str, template: str, key: str, tag: str
) -> str:
    if name in ("A", "B"):
        family = first if name == "A" else second
        return f"{_OPEN_QUOTE}(?P<{name}{tag}>{family_pattern(pack, [family])}){_CLOSE_QUOTE}"
    if name in ("a", "b"):
        family = first if name == "a" else second
        if not pack.modifiers.get(family):
            raise OptionError(
                key, f"construction {template!r} needs modifiers for family '{family}'"
            )
        return f"(?P<{name}{tag}>{alternation(pack.modifiers[family])})"
    if name == "term":
        return family_pattern(pack, pack.families)
    if name in pack.lexicons:
        return alternation(pack.lexicons[name])
    raise OptionError(
        key, f"construction {template!r}: unknown placeholder {{{name}}} "
        "(use A, B, a, b, term, or a lexicon name)"
    )
