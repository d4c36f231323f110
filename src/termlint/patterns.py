"""termlint's pattern semantics (DESIGN.md §3).

A rule pattern is a regular expression matched case-insensitively, on Unicode word boundaries,
where a literal space matches any run of white space including one line break. A match that is
glued to a word character by `.`, `/`, `\\`, `:`, `@` or `_` is part of a path, file name or
handle and is rejected by lookarounds just outside the match.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator

from termlint import regexcache, regexsafety

# One literal space in a pattern: blanks, optionally one line break, blanks. Each run of white
# space can be matched in only one way, so a long run never makes the engine backtrack.
SPACE = r"(?:[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*)"
_BEFORE = r"(?<!\w)(?<!\w[./\\:@])"
_AFTER = r"(?!\w)(?![./\\:@]\w)"


_SPACES = re.compile(" +")
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


class PatternError(ValueError):
    pass


def _outside_classes(pattern: str) -> Iterator[tuple[int, str]]:
    """(offset, token) of every character outside character classes; an escape (`\\x`) is
    one token."""
    i, in_class = 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            if not in_class:
                yield i, pattern[i : i + 2]
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            # A ']' right after '[' or '[^' is literal.
            i += 2 if pattern[i + 1 : i + 2] == "]" else 3 if pattern[i + 1 : i + 3] == "^]" else 1
            continue
        else:
            yield i, char
        i += 1


def expand_spaces(pattern: str) -> str:
    """Replace unescaped spaces outside character classes by SPACE."""
    if " " not in pattern:
        return pattern
    if "[" not in pattern and "\\" not in pattern:  # no class, no escape: every space counts
        return _SPACES.sub(lambda _: SPACE, pattern)
    out: list[str] = []
    start, previous = 0, -2
    for i, token in _outside_classes(pattern):
        if token != " ":
            continue
        if i != previous + 1:  # several spaces in a row still mean one run of white space
            out += [pattern[start:i], SPACE]
        start, previous = i + 1, i
    out.append(pattern[start:])
    return "".join(out)


def wrap(body: str) -> str:
    """Add the word-boundary and path guards around an already expanded pattern body."""
    return f"{_BEFORE}(?:{body}){_AFTER}"


def body_of(compiled: re.Pattern[str]) -> str:
    """The expanded body of a pattern made by compile_pattern (its guards removed)."""
    prefix, suffix = f"{_BEFORE}(?:", f"){_AFTER}"
    source = compiled.pattern
    assert source.startswith(prefix) and source.endswith(suffix), source
    return source[len(prefix) : -len(suffix)]


def check_structure(pattern: str) -> None:
    """Refuse what would break once termlint joins patterns into one: unbalanced parentheses
    (a stray `)` would close termlint's own group), named groups, backreferences and global
    inline flags like `(?i)` (scoped `(?-i:...)` is fine). A scan of the text, not a parse:
    parsing every lexicon entry again was most of the time it takes to load a pack."""
    depth = 0
    for i, token in _outside_classes(pattern):
        if len(token) == 2 and token[1] in "123456789":
            raise PatternError(f"pattern {pattern!r}: backreferences are not allowed")
        if token == "(":
            depth += 1
            rest = pattern[i + 1 : i + 4]
            if rest.startswith(("?P<", "?<")) and not rest.startswith(("?<=", "?<!")):
                raise PatternError(
                    f"pattern {pattern!r}: named groups are not allowed; use (?:...)")
            if rest.startswith(("?P=", "?(")):
                raise PatternError(f"pattern {pattern!r}: backreferences are not allowed")
            if _GLOBAL_FLAGS.match(pattern, i):
                raise PatternError(f"pattern {pattern!r}: global flags like (?i) are not allowed; "
                                   "use a scoped group like (?-i:...)")
        elif token == ")":
            depth -= 1
            if depth < 0:
                raise PatternError(f"bad pattern {pattern!r}: unbalanced parenthesis at "
                                   f"position {i}")
    if depth > 0:
        raise PatternError(f"bad pattern {pattern!r}: missing ), unterminated subpattern")


def compile_pattern(pattern: str, check: bool = True) -> re.Pattern[str]:
    """Compile one rule pattern; PatternError says what is wrong with it. `check=False` skips
    the backtracking check, for callers that checked the pattern's parts."""
    check_structure(pattern)
    try:
        with warnings.catch_warnings():
            # "Possible nested set" for `[[a]b`: the pattern means what Python says it means.
            warnings.simplefilter("ignore", FutureWarning)
            compiled = regexcache.compile(wrap(expand_spaces(pattern)), re.IGNORECASE)
    except re.error as error:
        problem = error
        try:  # as written, so the error's position refers to the user's text
            re.compile(pattern)
        except re.error as plain:
            problem = plain
        hint = ("; a space matches any run of white space, so write \\s in a look-behind"
                if "look-behind" in str(problem) and " " in pattern else "")
        raise PatternError(f"bad pattern {pattern!r}: {problem}{hint}") from None
    if compiled.match(""):
        raise PatternError(f"pattern {pattern!r} matches empty text")
    try:
        if check:
            regexsafety.check(body_of(compiled))
    except regexsafety.UnsafePattern as problem:
        raise PatternError(f"unsafe pattern {pattern!r}: {problem}") from None
    return compiled
