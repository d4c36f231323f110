"""Skip text that a pattern cannot match, without changing a single result.

From a compiled pattern we derive the set of literal prefixes that every match must start with
(using the standard library's own regex parser). A match can then only start in a block that
contains one of those prefixes, which `str.find` locates far faster than the regex engine can
scan: a pattern that begins with lookbehind guards gets no help from the engine's own
literal-prefix search. Patterns without such a set (`\\w+`, an optional first item) are simply
scanned everywhere.

Case-insensitive patterns are handled by comparing case-folded text with folded prefixes, with
the same extra equivalences the regex engine applies (dotless i, long s, ...).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from termlint.patterns import SPACE

try:  # Python 3.11+
    from re import _casefix as _casefix  # type: ignore[attr-defined]
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _parser  # type: ignore[attr-defined]

    _EXTRA: dict[int, tuple[int, ...]] = _casefix._EXTRA_CASES
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

    _EXTRA = {}

WORD_START = "(?<!\\w)"
MIN_PREFIX = 2  # shorter prefixes occur everywhere: not worth it
MAX_PREFIXES = 512  # a set this large is rarely cheaper than scanning
FIND_BUDGET = 4_000_000  # prefixes x characters: above this, `str.find`s cost more than a scan
TRIE_FROM = 24  # more prefixes than this are looked for all at once, by one pattern
DENSITY = 40  # more than one candidate position per this many characters: just scan
# Map every character the regex engine treats as case-equivalent to one representative.
_FOLD_MAP = {chr(k): chr(min(k, *v)) for k, v in _EXTRA.items() if min(k, *v) != k}
_FOLD = str.maketrans(_FOLD_MAP)
_NEEDS_FOLD = re.compile("[" + re.escape("".join(_FOLD_MAP)) + "]") if _FOLD_MAP else None


def fold(text: str) -> str:
    lowered = text.lower()
    # translate() is slow on long text; the characters it maps are rare.
    if _NEEDS_FOLD is not None and _NEEDS_FOLD.search(lowered):
        return lowered.translate(_FOLD)
    return lowered


class _Stop(Exception):
    """Nothing literal can be said past this point."""


Prefixes = frozenset[str] | None
# Derived prefixes by (pattern, flags): filled as patterns are met, or from a kept pack.
_known: dict[tuple[str, int], Prefixes] = {}
MAX_KNOWN = 4_096


def literal_prefixes(source: str, flags: int) -> Prefixes:
    """Folded literal prefixes, one of which starts every match; None when there is no
    useful set."""
    key = (source, flags)
    if key not in _known:
        if len(_known) >= MAX_KNOWN:
            _known.clear()
        _known[key] = _derive(source, flags)
    return _known[key]


def prefixes_of(pattern: re.Pattern[str]) -> dict[tuple[str, int], Prefixes]:
    """What literal_prefixes and skip_prefixes say of this pattern, to hand to remember()."""
    skip = pattern.pattern.replace(SPACE, " ")
    literal_prefixes(pattern.pattern, pattern.flags)
    literal_prefixes(skip, pattern.flags)
    return {key: _known[key] for key in ((pattern.pattern, pattern.flags), (skip, pattern.flags))
            if key in _known}


def remember(known: dict[tuple[str, int], Prefixes]) -> None:
    """Take prefixes derived in an earlier run (termlint.packcache)."""
    if len(_known) + len(known) >= MAX_KNOWN:
        _known.clear()
    _known.update(known)


def _derive(source: str, flags: int) -> Prefixes:
    try:
        parsed = _parser.parse(source, flags)
    except Exception:
        return None
    try:
        prefixes, _ = _sequence(list(parsed))
    except _Stop:
        return None
    if not prefixes or min(map(len, prefixes)) < MIN_PREFIX:
        return None
    return frozenset(_shortest(prefixes))


def _shortest(prefixes: set[str]) -> list[str]:
    """The prefixes that no other one starts: "genetic" already finds every "genetic\n"."""
    kept: list[str] = []
    for prefix in sorted(prefixes, key=len):
        if not any(prefix.startswith(shorter) for shorter in kept):
            kept.append(prefix)
    return kept


def skip_prefixes(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Like literal_prefixes, but a pattern's space (patterns.SPACE) is one literal " ": the
    prefixes to look for in folded text whose white-space runs are each one space."""
    return literal_prefixes(pattern.pattern.replace(SPACE, " "), pattern.flags)


def _sequence(items: Sequence[tuple[object, object]]) -> tuple[set[str], bool]:
    """Prefixes of a sequence of items, and whether the whole sequence was literal."""
    acc = {""}
    for op, av in items:
        part = _item(op, av)
        if part is None:
            return acc, False
        options, complete = part
        grown = {a + b for a in acc for b in options}
        if len(grown) > MAX_PREFIXES:
            # A long list of alternatives ("improves|improved|..."): its shortest prefixes
            # still cover every match, as long as nothing more is added to them.
            shortest = _shortest(grown)
            if len(shortest) <= MAX_PREFIXES and min(map(len, shortest)) >= MIN_PREFIX:
                return set(shortest), False
            return acc, False
        acc = grown
        if not complete:
            return acc, False
    return acc, True


def _item(op: object, av: object) -> tuple[set[str], bool] | None:
    if op is _c.LITERAL:
        return {fold(chr(av))}, True  # type: ignore[arg-type]
    if op in (_c.ASSERT, _c.ASSERT_NOT, _c.AT):
        return {""}, True  # zero width
    if op is _c.IN:
        chars = [v for o, v in av if o is _c.LITERAL]  # type: ignore[union-attr]
        if len(chars) != len(av) or len(chars) > 8:  # type: ignore[arg-type]
            return None
        return {fold(chr(c)) for c in chars}, True
    if op is _c.SUBPATTERN:
        return _sequence(list(av[-1]))  # type: ignore[index]
    if op is _c.BRANCH:
        results = [_sequence(list(branch)) for branch in av[1]]  # type: ignore[index]
        return set().union(*(r[0] for r in results)), all(r[1] for r in results)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
        low, high, sub = av  # type: ignore[misc]
        if low == 0 and high == 1:  # optional: with it, or without it
            prefixes, complete = _sequence(list(sub))
            return {"", *prefixes}, complete
        if low == 0:
            return None
        prefixes, complete = _sequence(list(sub))
        return prefixes, complete and low == high == 1
    return None


def candidate_positions(
    pattern: re.Pattern[str], folded: str, ranges: Sequence[tuple[int, int]] | None = None
) -> list[int] | None:
    """Sorted positions (in `ranges`, default everywhere) where a match could start, or None
    to just scan. `folded` is the folded text, as long as the text the pattern runs on."""
    prefixes = literal_prefixes(pattern.pattern, pattern.flags)
    ranges = [(0, len(folded))] if ranges is None else ranges
    size = sum(hi - lo for lo, hi in ranges)
    if prefixes is None:
        return None  # no literal start
    limit = size // DENSITY + 16
    # A pattern guarded by (?<!\w) (every wrapped term) cannot start inside a word: "in" is
    # found in "using" thousands of times, but only a word "in" is a candidate.
    word_start = pattern.pattern.startswith(WORD_START)
    if len(prefixes) > TRIE_FROM:
        # Many prefixes: one scan for all of them, as a trie, costs less than a find for each.
        found = []
        for lo, hi in ranges:
            for match in _trie(prefixes, word_start).finditer(folded, lo, hi):
                found.append(match.start())
                if len(found) > limit:
                    return None  # so common that a plain scan is cheaper
        return found
    if len(prefixes) * size > FIND_BUDGET:
        return None  # the finds would cost more than a scan
    positions: set[int] = set()
    for lo, hi in ranges:
        for prefix in prefixes:
            position = folded.find(prefix, lo, hi)
            while position != -1:
                if not (word_start and position and _is_word(folded[position - 1])):
                    positions.add(position)
                    if len(positions) > limit:
                        return None  # so common that a plain scan is cheaper
                position = folded.find(prefix, position + 1, hi)
    return sorted(positions)


# Trie patterns by (prefixes, whether a match starts a word): built as patterns are met, or
# taken from a kept pack (termlint.packcache), since compiling one costs a small run dearly.
_tries: dict[tuple[frozenset[str], bool], re.Pattern[str]] = {}


def tries_of(pattern: re.Pattern[str]) -> dict[tuple[frozenset[str], bool], re.Pattern[str]]:
    """The trie candidate_positions uses for this pattern, if any, to hand to remember_tries."""
    prefixes = literal_prefixes(pattern.pattern, pattern.flags)
    if prefixes is None or len(prefixes) <= TRIE_FROM:
        return {}
    word_start = pattern.pattern.startswith(WORD_START)
    return {(prefixes, word_start): _trie(prefixes, word_start)}


def remember_tries(tries: dict[tuple[frozenset[str], bool], re.Pattern[str]]) -> None:
    """Take tries compiled in an earlier run (termlint.packcache)."""
    if len(_tries) + len(tries) >= MAX_KNOWN:
        _tries.clear()
    _tries.update(tries)


def _trie(prefixes: frozenset[str], word_start: bool) -> re.Pattern[str]:
    """One pattern finding where any prefix starts: a trie, so the engine tries a few
    characters at each position, not every prefix in turn. It matches the empty string before
    a prefix, so that one prefix never hides another that starts inside it."""
    key = (prefixes, word_start)
    if key not in _tries:
        if len(_tries) >= MAX_KNOWN:
            _tries.clear()
        tree: dict[str, Any] = {}
        for prefix in prefixes:
            node = tree
            for char in prefix:
                node = node.setdefault(char, {})
            node[""] = {}
        body = _alternation(tree)
        _tries[key] = re.compile((WORD_START if word_start else "") + "(?=" + body + ")")
    return _tries[key]


def _alternation(node: dict[str, Any]) -> str:
    if "" in node:
        return ""
    options = [re.escape(char) + _alternation(child) for char, child in sorted(node.items())]
    return options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"
