"""Suppression comments: `<!-- termlint-disable[-line|-next-line|-file] [IDS] -->` and
`-enable`. A comment that starts like one but names no known action (`termlint-disabel`) is
kept too, as an unknown directive, so that a typo is reported instead of silently ignored.

Directives remember whether they suppressed anything, so unused ones can be reported (as
Ruff does for unused `noqa`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from termlint.markdown import Comment

ACTIONS = ("disable", "enable", "disable-line", "disable-next-line", "disable-file")
# Any comment that opens with "termlint-" is meant as a directive; its action is checked after.
_DIRECTIVE = re.compile(r"<!--\s*termlint-(?P<action>[\w-]*)(?P<ids>[^>]*?)\s*-->",
                        re.IGNORECASE)
_ID = re.compile(r"[A-Za-z]+\d+")


class Directive(NamedTuple):
    action: str  # one of ACTIONS, or the unknown word written (see `known`)
    ids: frozenset[str]  # empty: every rule
    start: int  # norm offsets of the comment
    end: int
    line: int  # 0-based line of the comment's start
    end_line: int  # 0-based line of the comment's end
    bad_ids: tuple[str, ...]  # words that are not rule ids
    used: set[str]  # the rules it suppressed so far (filled in while linting)

    @property
    def known(self) -> bool:
        return self.action in ACTIONS

    def covers(self, rule: str) -> bool:
        # A directive with a word that is not a rule id never widens to "all rules".
        return rule in self.ids or not (self.ids or self.bad_ids)


def parse_directives(
    comments: Iterable[Comment], line_of: Callable[[int], int]
) -> list[Directive]:
    """Directives in document order; `line_of` maps a norm offset to its 0-based line."""
    directives = []
    for comment in comments:
        match = _DIRECTIVE.fullmatch(comment.text.strip())
        if not match:
            continue
        words = match.group("ids").replace(",", " ").split()
        ids = frozenset(w.upper() for w in words if _ID.fullmatch(w))
        directives.append(
            Directive(
                action=match.group("action").lower(),
                ids=ids,
                start=comment.start,
                end=comment.end,
                line=line_of(comment.start),
                end_line=line_of(max(comment.start, comment.end - 1)),
                bad_ids=tuple(w for w in words if not _ID.fullmatch(w)),
                used=set(),
            )
        )
    directives.sort(key=lambda d: d.start)
    return directives


class Suppressor:
    """Answers 'is this finding suppressed?' and marks the directives that said so."""

    def __init__(self, directives: list[Directive]) -> None:
        self.directives = directives
        self._file = [d for d in directives if d.action == "disable-file"]
        self._next_line = [d for d in directives if d.action == "disable-next-line"]
        self._line = [d for d in directives if d.action == "disable-line"]
        self._ranges = [d for d in directives if d.action in ("disable", "enable")]

    def suppressed(self, rule: str, offset: int, line: int) -> bool:
        """`offset` and `line` (0-based) are where the finding starts."""
        for directive in self._file:
            if directive.covers(rule):
                directive.used.add(rule)
                return True
        for directive in self._next_line:
            if directive.end_line + 1 == line and directive.covers(rule):
                directive.used.add(rule)
                return True
        for directive in self._line:  # at the end of the line it silences
            if directive.line == line and directive.covers(rule):
                directive.used.add(rule)
                return True
        # The last disable/enable before the finding that mentions the rule decides.
        deciding = None
        for directive in self._ranges:
            if directive.start > offset:
                break
            if directive.covers(rule):
                deciding = directive
        if deciding is not None and deciding.action == "disable":
            deciding.used.add(rule)
            return True
        return False
