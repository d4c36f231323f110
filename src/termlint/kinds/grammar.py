"""The small construction grammar of the domain kinds.

A construction is a pattern with placeholders, written in the rules file:

- ``{A}`` / ``{B}``: a form of the rule's first / second family ("precision medicine"),
  optionally in quotes;
- ``{a}`` / ``{b}``: a modifier of that family ("personali[sz]ed" in "precision/personalized
  medicine");
- ``{term}``: a form of any family in the pack;
- ``{NAME}``: any entry of the lexicon NAME.

Constructions are not matched against the text itself but against a *skeleton* of a sentence
in which every family mention is replaced by one private-use character (one per family and
form/modifier). So `{A}` compiles to a single character instead of every form of a family:
the patterns stay small, quick to compile and quick to run, and token spans map back to exact
offsets in the sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from termlint import regexcache
from termlint.kinds import OptionError, PackContext
from termlint.patterns import PatternError, check_structure, compile_pattern, expand_spaces, wrap
from termlint.regexsafety import UnsafePattern
from termlint.regexsafety import check as check_safety

PLACEHOLDER = re.compile(r"\{([A-Za-z][\w-]*)\}")
# Quotes or Markdown emphasis around a family term ("**Precision medicine** (or ...)").
_OPEN_QUOTE = "(?:[\"'\u201c\u2018]|[*_]{1,2})?"
_CLOSE_QUOTE = "(?:[\"'\u201d\u2019]|[*_]{1,2})?"
_TOKEN_BASE = 0xE000  # Unicode private use area


def alternation(patterns: Iterable[str], expand: bool = True) -> str:
    """One non-capturing group matching any of the patterns (spaces expanded, unless the text
    is a skeleton, where white space is already one space)."""
    return "(?:" + "|".join(f"(?:{expand_spaces(p) if expand else p})" for p in patterns) + ")"


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
    # Entry by entry, the safety check parses a few characters each instead of one pattern
    # of thousands (a repeated group never spans two entries).
    for entry in entries:
        try:
            check_structure(entry)
            check_safety(expand_spaces(entry))
        except PatternError as exc:
            raise OptionError(key, f"lexicons {names}: {exc}") from None
        except UnsafePattern as exc:
            raise OptionError(key, f"lexicons {names}: unsafe pattern {entry!r}: {exc}") from None
    try:
        return compile_pattern(alternation(entries), check=False)
    except PatternError as exc:
        # Name the entry at fault, not the alternation of all of them.
        for entry in entries:
            try:
                compile_pattern(entry, check=False)
            except PatternError as own:
                raise OptionError(key, f"lexicons {names}: {own}") from None
        raise OptionError(key, f"lexicons {names}: {exc}") from None


def family_pattern(
    pack: PackContext, names: Iterable[str], with_modifiers: bool = False,
    with_subfields: bool = False,
) -> str:
    names = list(names)
    forms = [form for name in names for form in pack.families[name]]
    if with_modifiers:
        forms += [m for name in names for m in pack.modifiers.get(name, ())]
    if with_subfields:
        forms += [f for name in names for f in pack.subfields.get(name, ())]
    return alternation(forms)


# --- skeletons ---------------------------------------------------------------------------------


class Tokens(NamedTuple):
    """How family mentions become skeleton tokens, for one pack."""

    families: tuple[str, ...]
    mentions: re.Pattern[str]  # forms before modifiers, so the longer reading wins

    def any_form(self) -> str:
        return "[" + "".join(chr(_TOKEN_BASE + 2 * i) for i in range(len(self.families))) + "]"

    def any_modifier(self) -> str:
        return "[" + "".join(chr(_TOKEN_BASE + 2 * i + 1) for i in range(len(self.families))) + "]"

    def is_modifier(self, char: str) -> bool:
        """Whether a skeleton token stands for a modifier ("precision") not a full form."""
        return (ord(char) - _TOKEN_BASE) % 2 == 1

    def family_of(self, char: str) -> str | None:
        """The family a skeleton character stands for, or None for ordinary text."""
        index = (ord(char) - _TOKEN_BASE) // 2
        return self.families[index] if 0 <= index < len(self.families) and \
            ord(char) >= _TOKEN_BASE else None


def tokens_for(pack: PackContext) -> Tokens:
    families = tuple(pack.families)
    branches = [f"(?P<f{i}>{family_pattern(pack, [name])})" for i, name in enumerate(families)]
    branches += [f"(?P<m{i}>{alternation(pack.modifiers[name])})"
                 for i, name in enumerate(families) if pack.modifiers.get(name)]
    # Plain word boundaries, no path guard: "precision/personalized" must tokenise.
    mentions = regexcache.compile(r"(?<!\w)(?:" + "|".join(branches) + r")(?!\w)", re.IGNORECASE)
    return Tokens(families, mentions)


# A run of white space other than one space: from its first character to its last.
# What may stand before a heading's words: symbols (emoji), then numbering ("2.", "3.1", "IV.").
HEADING_LEAD = re.compile(r"[^\w\s]*\s*(?:(?:\d+|[IVX]+)(?:\.\d+)*\.?\s+)?")


# What may sit between a term and the name it heads: blanks, a line break of a hard-wrapped
# paragraph, (R) and (TM).
NAME_GAP = " \t\n\u00ae\u2122"


def title_case_name(text: str, end: int) -> bool:
    """Whether the Title Case term ending at text[end] goes on as a proper name: another
    capitalised word follows ("the Precision Medicine Initiative"). Only the term's own last
    words are looked at (at most a few, so a long block is not split each time)."""
    rest = text[end:]
    gap = len(rest) - len(rest.lstrip(NAME_GAP))
    if not gap or not rest[gap : gap + 1].isupper():
        return False
    return all(word[:1].isupper() for word in text[max(0, end - 60) : end].split()[-2:])


_ODD_WHITE = re.compile(r"(?: ?[^\S ]| {2})\s*")


class Skeleton:
    __slots__ = ("_extra", "_positions", "stand_ins", "text")

    def __init__(self, text: str, stand_ins: tuple[tuple[int, int, int], ...]) -> None:
        self.text = text
        # (skeleton offset, source start, source end) of every one-character stand-in: the
        # tokens, and the single spaces that stand for longer runs of white space
        self.stand_ins = stand_ins
        # Running totals, so mapping an offset back is a binary search even in a huge sentence.
        extra = [0]
        for _, start, stop in stand_ins:
            extra.append(extra[-1] + stop - start - 1)
        self._positions = [position for position, _, _ in stand_ins]
        self._extra = extra

    def source(self, offset: int) -> int:
        """The text offset of a skeleton offset (a start or an end)."""
        return offset + self._extra[bisect.bisect_left(self._positions, offset)]


def skeleton(text: str, tokens: Tokens) -> Skeleton:
    """The text with every family mention replaced by its one-character token, and every run
    of white space (a line break included) by one space."""
    pieces: list[str] = []
    stand_ins: list[tuple[int, int, int]] = []
    length = 0

    def copy(start: int, stop: int) -> None:
        nonlocal length
        position = start
        # A single space stays as it is: only the other runs of white space are looked at.
        for white in _ODD_WHITE.finditer(text, start, stop):
            pieces.append(text[position : white.start()])
            length += white.start() - position
            pieces.append(" ")
            stand_ins.append((length, white.start(), white.end()))
            length += 1
            position = white.end()
        pieces.append(text[position:stop])
        length += stop - position

    position = 0
    for match in tokens.mentions.finditer(text):
        copy(position, match.start())
        name = next(n for n, v in match.groupdict().items() if v is not None and n[1:].isdigit())
        pieces.append(chr(_TOKEN_BASE + 2 * int(name[1:]) + (name[0] == "m")))
        stand_ins.append((length, match.start(), match.end()))
        length += 1
        position = match.end()
    copy(position, len(text))
    return Skeleton("".join(pieces), tuple(stand_ins))


def construction_body(
    template: str, pack: PackContext, tokens: Tokens, key: str, tag: str
) -> str:
    """The (unguarded) skeleton regex of one construction.

    `{A}`/`{B}` match a form of any family and `{a}`/`{b}` a modifier of any family: the
    pattern is the same for every pair of families, so rules share one compiled pattern and
    check afterwards which families a match joined. The first side (`{A}` or `{a}`) is a
    group named `side{tag}`. Raises OptionError for a bad placeholder; a bad regex is found
    when the combined pattern is compiled (see `compile_constructions`).
    """
    pieces: list[str] = []
    seen: set[str] = set()
    position = 0
    for match in PLACEHOLDER.finditer(template):
        pieces.append(template[position : match.start()])
        name = match.group(1)
        if name in seen and name in "AaBb":
            raise OptionError(key, f"construction {template!r} uses {{{name}}} twice")
        seen.add(name)
        pieces.append(_placeholder(name, pack, tokens, template, key, tag))
        position = match.end()
    pieces.append(template[position:])
    if len({"A", "a"} & seen) != 1 or not {"B", "b"} & seen:
        raise OptionError(
            key, f"construction {template!r} must use one of {{A}} or {{a}}, and {{B}} or {{b}}"
        )
    return "".join(pieces)


def compile_constructions(bodies: Sequence[str], templates: Sequence[str], key: str
                          ) -> re.Pattern[str]:
    """All construction bodies as one guarded pattern; a bad one is named in the error."""
    try:
        return regexcache.compile(wrap("|".join(f"(?:{b})" for b in bodies)), re.IGNORECASE)
    except re.error:
        for body, template in zip(bodies, templates, strict=True):
            try:
                re.compile(body, re.IGNORECASE)
            except re.error as exc:
                raise OptionError(key, f"bad construction {template!r}: {exc}") from None
        raise OptionError(key, "constructions cannot be joined (a named group used twice, or a "
                          "global flag like (?i)): use (?:...) and scoped flags") from None


def _placeholder(
    name: str, pack: PackContext, tokens: Tokens, template: str, key: str, tag: str
) -> str:
    if name in ("A", "B", "term"):
        token = tokens.any_form()
        if name == "term":
            return token
        group = f"(?P<side{tag}>{token})" if name == "A" else token
        return f"{_OPEN_QUOTE}{group}{_CLOSE_QUOTE}"
    if name in ("a", "b"):
        group = f"(?P<side{tag}>{tokens.any_modifier()})" if name == "a" else \
            tokens.any_modifier()
        return f"{_OPEN_QUOTE}{group}{_CLOSE_QUOTE}"
    if name in pack.lexicons:
        return alternation(pack.lexicons[name], expand=False)
    raise OptionError(
        key, f"construction {template!r}: unknown placeholder {{{name}}} "
        "(use A, B, a, b, term, or a lexicon name)"
    )
