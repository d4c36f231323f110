"""Refuse rule patterns whose backtracking can take exponential time.

Python's regex engine backtracks, so a pattern like `(a+)+$` or `(a|aa)+$` can spin for hours on
a short line, and a rules file may arrive in a pull request. The classic cause is a repeated
group whose body can match one stretch of text in more than one way: the body varies in length
(it holds a repetition or an alternation) and a match of it can end with a character that can
also start the next one. `(\\w+ )+` is fine (a word cannot start with the space that ends the
previous one); `(\\w+\\s?)+` is not.

This check is deliberately simple and errs on the side of refusing: a refused pattern can always
be written without the nested repetition. Slow patterns it cannot see (polynomial ones such as
`.*.*.*x`) are stopped by the time budget in termlint.budget.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from termlint import regexcache

try:  # Python 3.11+
    from re import _constants as _c  # type: ignore[attr-defined]
    from re import _parser as _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

# A repetition allowing this many rounds or more is treated like an unbounded one.
MANY = 8
_REPEATS = (_c.MAX_REPEAT, _c.MIN_REPEAT)
# Characters standing for "any character": ASCII plus a few from other classes of Unicode.
_SAMPLE = "".join(map(chr, range(128))) + "éßµ\u00a0\u2003\u0663中\U0001f600\u05d0"
_CATEGORY = {
    _c.CATEGORY_DIGIT: re.compile(r"\d"),
    _c.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    _c.CATEGORY_SPACE: re.compile(r"\s"),
    _c.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    _c.CATEGORY_WORD: re.compile(r"\w"),
    _c.CATEGORY_NOT_WORD: re.compile(r"\W"),
}

_REPEATED_GROUP = re.compile(r"\)[+*{]")
Chars = frozenset[str]


class UnsafePattern(ValueError):
    pass


def check(pattern: str, flags: int = re.IGNORECASE) -> None:
    """Raise UnsafePattern when `pattern` has a repeated group that can backtrack
    exponentially; the pattern must already compile."""
    # Only a repeated group can be refused: without `)` before a quantifier (an escaped `\)`
    # only costs a full check), skip parsing the pattern again, which is most of load time.
    key = f"{flags}:{pattern}"
    if _REPEATED_GROUP.search(pattern) and not regexcache.is_known_safe(key):
        _check(pattern, flags)
        regexcache.mark_safe(key)


@functools.lru_cache(maxsize=1024)
def _check(pattern: str, flags: int) -> None:
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return  # not a whole pattern on its own: the caller's compile reports what is wrong
    literals = {chr(av) for op, av in _walk(parsed) if op in (_c.LITERAL, _c.NOT_LITERAL)}
    cased = {v for c in literals for v in (c, c.lower(), c.upper()) if len(v) == 1}
    sample = frozenset(_SAMPLE) | cased
    analysis = _Analysis(sample, bool(flags & re.IGNORECASE))
    for op, av in _walk(parsed):
        if op in _REPEATS and (av[1] == _c.MAXREPEAT or av[1] >= MANY):
            body = av[2]
            if _varies(body) and analysis.first(body) & analysis.last(body):
                raise UnsafePattern(
                    "a repeated group here can match the same text in many ways, which can "
                    "take exponential time (like '(a+)+' or '(a|aa)+'); rewrite it without "
                    "the nested repetition"
                )


def _walk(items: Iterable[tuple[object, object]]) -> Iterable[tuple[object, object]]:
    """Every (op, argument) of a parsed pattern, depth first."""
    for op, av in items:
        yield op, av
        for child in _children(op, av):
            yield from _walk(child)


def _children(op: object, av: object) -> list[_parser.SubPattern]:
    if op == _c.BRANCH:
        return list(av[1])  # type: ignore[index]
    if op == _c.SUBPATTERN:
        return [av[3]]  # type: ignore[index]
    if op in _REPEATS or op == getattr(_c, "POSSESSIVE_REPEAT", None):
        return [av[2]]  # type: ignore[index]
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return [av[1]]  # type: ignore[index]
    if op == getattr(_c, "ATOMIC_GROUP", None):
        return [av]  # type: ignore[list-item]
    if op == _c.GROUPREF_EXISTS:
        return [p for p in av[1:] if p is not None]  # type: ignore[index]
    return []


def _varies(items: _parser.SubPattern) -> bool:
    """Whether the text matched by `items` can have more than one length or shape."""
    for op, av in _walk(items):
        if op == _c.BRANCH or op == _c.GROUPREF_EXISTS:
            return True
        if op in _REPEATS and av[0] != av[1]:  # type: ignore[index]
            return True
    return False


class _Analysis:
    """First and last characters a (sub)pattern can match, over a sample of characters."""

    def __init__(self, sample: Chars, ignore_case: bool) -> None:
        self.sample = sample
        self.ignore_case = ignore_case

    def first(self, items: _parser.SubPattern) -> Chars:
        return self._edge(list(items))

    def last(self, items: _parser.SubPattern) -> Chars:
        return self._edge(list(items)[::-1], reverse=True)

    def _edge(self, items: list[tuple[object, object]], reverse: bool = False) -> Chars:
        found: set[str] = set()
        for op, av in items:
            found |= self._item_edge(op, av, reverse)
            if not _nullable(op, av):
                break
        return frozenset(found)

    def _item_edge(self, op: object, av: object, reverse: bool) -> Chars:
        if op == _c.BRANCH:
            return frozenset().union(*(self._side(p, reverse) for p in av[1]))  # type: ignore[index]
        if op == _c.SUBPATTERN:
            return self._side(av[3], reverse)  # type: ignore[index]
        if op in _REPEATS or op == getattr(_c, "POSSESSIVE_REPEAT", None):
            return self._side(av[2], reverse)  # type: ignore[index]
        if op == getattr(_c, "ATOMIC_GROUP", None):
            return self._side(av, reverse)  # type: ignore[arg-type]
        if op == _c.GROUPREF_EXISTS:
            return frozenset().union(*(self._side(p, reverse) for p in av[1:] if p))  # type: ignore[index]
        if op == _c.GROUPREF:
            return self.sample  # could be anything the group matched
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN):
            return frozenset(ch for ch in self.sample if self._matches(op, av, ch))
        return frozenset()  # anchors and lookarounds match no character

    def _side(self, items: _parser.SubPattern, reverse: bool) -> Chars:
        return self.last(items) if reverse else self.first(items)

    def _matches(self, op: object, av: object, ch: str) -> bool:
        cased = (ch, ch.lower(), ch.upper()) if self.ignore_case else (ch,)
        variants = {v for v in cased if len(v) == 1}  # 'ß'.upper() is 'SS'
        if op == _c.ANY:
            return ch != "\n"
        if op == _c.LITERAL:
            return chr(av) in variants  # type: ignore[arg-type]
        if op == _c.NOT_LITERAL:
            return chr(av) not in variants  # type: ignore[arg-type]
        items = list(av)  # type: ignore[call-overload]
        negate = bool(items) and items[0][0] == _c.NEGATE
        hit = any(_in_item(item_op, item_av, v) for item_op, item_av in items for v in variants)
        return hit != negate


def _in_item(op: object, av: object, ch: str) -> bool:
    if op == _c.LITERAL:
        return ch == chr(av)  # type: ignore[arg-type]
    if op == _c.RANGE:
        return av[0] <= ord(ch) <= av[1]  # type: ignore[index]
    if op == _c.CATEGORY:
        return bool(_CATEGORY[av].match(ch)) if av in _CATEGORY else True  # type: ignore[index]
    return False


def _nullable(op: object, av: object) -> bool:
    """Whether one item can match empty text (so the next item can supply the edge)."""
    if op in _REPEATS or op == getattr(_c, "POSSESSIVE_REPEAT", None):
        return av[0] == 0 or _all_nullable(av[2])  # type: ignore[index]
    if op == _c.BRANCH:
        return any(_all_nullable(p) for p in av[1])  # type: ignore[index]
    if op == _c.SUBPATTERN:
        return _all_nullable(av[3])  # type: ignore[index]
    if op == getattr(_c, "ATOMIC_GROUP", None):
        return _all_nullable(av)  # type: ignore[arg-type]
    if op == _c.GROUPREF_EXISTS:
        return True
    # Anchors and lookarounds match no character.
    return op not in (_c.LITERAL, _c.NOT_LITERAL, _c.ANY, _c.IN, _c.GROUPREF)


def _all_nullable(items: _parser.SubPattern) -> bool:
    return all(_nullable(op, av) for op, av in items)
