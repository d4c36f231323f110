"""termlint's pattern semantics (DESIGN.md §3).

A rule pattern is a regular expression matched case-insensitively, on Unicode word boundaries,
where a literal space matches any run of white space including one line break. A match that is
glued to a word character by `.`, `/`, `\\`, `:`, `@` or `_` is part of a path, file name or
handle and is rejected by lookarounds just outside the match.
"""

from __future__ import annotations

import re
import warnings

from termlint import regexsafety

try:  # Python 3.11+
    from re import _parser as _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _parser  # type: ignore[no-redef]

# One literal space in a pattern: blanks, optionally one line break, blanks. Each run of white
# space can be matched in only one way, so a long run never makes the engine backtrack.
SPACE = r"(?:[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*)"
_BEFORE = r"(?<!\w)(?<!\w[./\\:@])"
_AFTER = r"(?!\w)(?![./\\:@]\w)"


class PatternError(ValueError):
    pass


def expand_spaces(pattern: str) -> str:
    """Replace unescaped spaces outside character classes by SPACE."""
    out: list[str] = []
    i, in_class = 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            # A ']' right after '[' or '[^' is literal.
            if pattern[i + 1 : i + 2] == "^":
                out.append("[^")
                i += 2
                char = ""
            else:
                out.append("[")
                i += 1
                char = ""
            if pattern[i : i + 1] == "]":
                out.append("]")
                i += 1
            continue
        elif char == " ":
            # Several spaces in a row still mean one run of white space.
            while pattern[i + 1 : i + 2] == " ":
                i += 1
            out.append(SPACE)
            i += 1
            continue
        out.append(char)
        i += 1
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
    """Refuse what would break once termlint joins patterns into one: the pattern must compile
    on its own (a stray `)` could close termlint's own group), and may not use named groups,
    backreferences or global inline flags like `(?i)` (scoped `(?-i:...)` is fine)."""
    try:
        parsed = _parser.parse(pattern, 0)
    except re.error as error:
        raise PatternError(f"bad pattern {pattern!r}: {error}") from None
    if parsed.state.groupdict:
        raise PatternError(f"pattern {pattern!r}: named groups are not allowed; use (?:...)")
    if parsed.state.flags & ~re.UNICODE:
        raise PatternError(f"pattern {pattern!r}: global flags like (?i) are not allowed; "
                           "use a scoped group like (?-i:...)")
    if re.search(r"\\[1-9]|\(\?P=|\(\?\(", pattern):
        raise PatternError(f"pattern {pattern!r}: backreferences are not allowed")


def compile_pattern(pattern: str, check: bool = True) -> re.Pattern[str]:
    """Compile one rule pattern; PatternError says what is wrong with it. `check=False` skips
    the backtracking check, for callers that checked the pattern's parts."""
    check_structure(expand_spaces(pattern))
    try:
        with warnings.catch_warnings():
            # "Possible nested set" for `[[a]b`: the pattern means what Python says it means.
            warnings.simplefilter("ignore", FutureWarning)
            compiled = re.compile(wrap(expand_spaces(pattern)), re.IGNORECASE)
    except re.error as error:
        problem = error
        try:  # as written, so the error's position refers to the user's text
            re.compile(pattern)
        except re.error as plain:
            problem = plain
        raise PatternError(f"bad pattern {pattern!r}: {problem}") from None
    if compiled.match(""):
        raise PatternError(f"pattern {pattern!r} matches empty text")
    try:
        if check:
            regexsafety.check(body_of(compiled))
    except regexsafety.UnsafePattern as problem:
        raise PatternError(f"unsafe pattern {pattern!r}: {problem}") from None
    return compiled
