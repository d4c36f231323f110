"""The per-file pipeline: source -> prose blocks -> segments -> rule kinds -> findings.

Selection, severity overrides and suppression comments are applied here, so rule kinds only
ever see a document and report what they find.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, NamedTuple

from termlint import budget, markdown, prefilter
from termlint.config import is_selected
from termlint.directives import Directive, Suppressor, parse_directives
from termlint.findings import FileError, Finding, Fix, Severity
from termlint.kinds import Hit, get_kind
from termlint.packs import Pack, Rule
from termlint.segment import Document
from termlint.source import MAX_BYTES, Source, SourceError, read_source


class MetaRule(NamedTuple):
    """A rule of termlint itself (about suppression comments), not of any pack."""

    id: str
    name: str
    description: str
    kind: str = "directive"
    severity: Severity = Severity.INFO
    pack: str = "termlint"
    link: str | None = None
    scope: str = "document"
    message: str = ""


UNUSED_DIRECTIVE = MetaRule(
    "TL001",
    "unused-suppression",
    "A suppression comment that suppressed nothing. Remove it, so stale suppressions do not "
    "hide future problems.",
)
UNKNOWN_IN_DIRECTIVE = MetaRule(
    "TL002",
    "unknown-rule-in-suppression",
    "A suppression comment names a rule id that no loaded rules file defines (a typo, or a "
    "rule that was renamed or removed).",
)
UNKNOWN_DIRECTIVE = MetaRule(
    "TL003",
    "unknown-directive",
    "A comment that starts like a termlint directive (`<!-- termlint-... -->`) but names no "
    "known action, so it suppresses nothing: a typo such as termlint-disabel. The actions are "
    "disable, enable, disable-line, disable-next-line and disable-file.",
)
META_RULES = (UNUSED_DIRECTIVE, UNKNOWN_IN_DIRECTIVE, UNKNOWN_DIRECTIVE)


class LintFailed(Exception):
    """A file that could not be linted (too deep, over its time budget): its error."""

    def __init__(self, error: FileError) -> None:
        super().__init__(error.message)
        self.error = error


class FileResult(NamedTuple):
    path: str
    findings: Sequence[Finding] = ()
    error: FileError | None = None


class Linter:
    """Lints sources with a fixed set of packs and selection; reusable across files."""

    def __init__(
        self,
        packs: Sequence[Pack],
        select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        severity: Mapping[str, Severity] | None = None,
        timeout: float | None = None,
        max_bytes: int | None = MAX_BYTES,
        accept: re.Pattern[str] | None = None,
    ) -> None:
        self.packs = list(packs)
        self.accept = accept  # the vocabulary: text no rule flags
        self.timeout = timeout  # seconds per file; None: by the file's size; 0: no limit
        self.max_bytes = max_bytes  # larger files are refused; None: no limit
        self._current: str | None = None  # the rule running, to name it when time runs out
        every = [rule for pack in packs for rule in pack.rules]
        self.known_ids = {rule.id for rule in every} | {meta.id for meta in META_RULES}
        self.rules: list[Rule] = [r for r in every if is_selected(r.id, select, ignore)]
        self.active_ids = {rule.id for rule in self.rules}
        self.meta = {m.id for m in META_RULES if is_selected(m.id, select, ignore)}
        self.severity = dict(severity or {})
        # Skipping files by trigger words pays off over many files; for one or two, working
        # out the triggers costs more than it saves (the CLI turns it off then).
        self.skipping = True

    def lint_path(self, path: str) -> FileResult:
        try:
            source = read_source(path, self.max_bytes)
        except SourceError as exc:
            return FileResult(path, error=FileError(path, exc.message, exc.line))
        return self.lint_source(source)

    def lint_source(self, source: Source) -> FileResult:
        try:
            with self.guard(source):
                return FileResult(source.path, self.lint(source))
        except LintFailed as exc:
            return FileResult(source.path, error=exc.error)

    @contextmanager
    def guard(self, source: Source) -> Iterator[None]:
        """Run the body under the file's time budget; what stops it becomes LintFailed."""
        seconds = budget.default_for(len(source.text)) if self.timeout is None else self.timeout
        self._current = None
        try:
            with budget.deadline(seconds):
                yield
        except budget.OutOfTime:
            culprit = f" in rule {self._current}" if self._current else ""
            raise LintFailed(FileError(
                source.path, f"gave up after {seconds:g} s{culprit} (time budget per file; "
                "a rule pattern may backtrack badly on this text)",
            )) from None
        except markdown.NestingError as exc:
            raise LintFailed(FileError(source.path, str(exc))) from None
        except RecursionError:
            raise LintFailed(FileError(source.path, "nesting too deep to lint")) from None

    @functools.cached_property
    def triggers(self) -> Triggers | None:
        prefixes = _trigger_prefixes(self.rules)
        return None if prefixes is None else _by_key(prefixes)

    def wanted(self, prose: str) -> bool:
        """Can any rule find anything in this prose? (False only when it surely cannot.)"""
        if self.triggers is None:
            return True
        # One space for each run of white space, as in the prefixes (see prefilter.skip_prefixes).
        folded = " ".join(prefilter.fold(prose).split())
        return any(key in folded and any(head in folded and any(p in folded for p in prefixes)
                                         for head, prefixes in heads)
                   for key, heads in self.triggers.items())

    def lint(self, source: Source) -> list[Finding]:
        # A directive comment is reported even when no rule fires, so it rules out skipping.
        may_skip = (self.skipping and self.triggers is not None
                    and "termlint" not in source.text.lower())
        parsed = markdown.parse(source, self.wanted if may_skip else None)
        if may_skip and not parsed.blocks:
            return []  # no rule can fire and there is no directive to report on
        doc = Document(source, parsed.blocks)
        directives = parse_directives(parsed.comments, source.line_of)
        suppressor = Suppressor(directives)
        findings = []
        contexts: dict[tuple[int, int], str] = {}  # one per sentence, however many findings
        for rule in self.rules:
            self._current = rule.id
            accepted = [p for p in (rule.exceptions, self.accept) if p is not None]
            for hit in get_kind(rule.kind).check(rule, doc):
                if accepted and _inside_any(hit, accepted):
                    continue
                span = hit.block.span(hit.start, hit.end)
                if suppressor.suppressed(rule.id, span[0], source.line_of(span[0])):
                    continue
                sentence = doc.sentence_at(hit.block, hit.start)
                key = (doc.index(hit.block), sentence.start)
                if key not in contexts:
                    contexts[key] = " ".join(sentence.text.split())
                findings.append(self._finding(source, rule, hit, span, contexts[key]))
        self._current = None
        # Reports about the directives themselves can be suppressed like any finding.
        findings.extend(f for f in self._directive_findings(source, directives)
                        if not suppressor.suppressed(f.rule, source.to_norm(f.start),
                                                     f.line - 1))
        findings.sort(key=Finding.sort_key)
        return findings

    def _finding(
        self, source: Source, rule: Rule, hit: Hit, span: tuple[int, int], context: str
    ) -> Finding:
        start, end = span
        matched = source.original(start, end)
        fields = {key: " ".join(value.split()) for key, value in hit.fields.items()}
        severity = self.severity.get(rule.id) or (
            Severity.parse(hit.severity) if hit.severity else rule.severity
        )
        fix = None
        if hit.replacement is not None and hit.fix_span is not None:
            fix = self._wider_fix(source, hit, hit.fix_span)
        elif hit.replacement is not None:
            # Markup or a line break inside the match would be lost by the replacement.
            clean = matched == hit.block.text[hit.start : hit.end] and "\n" not in matched
            applicability = rule.options.applicability if clean else "unsafe"
            fix = Fix(hit.replacement, applicability)
        return _placed(
            source, start, end, rule, severity, rule.format_message(fields, hit.message),
            fix=fix, document=hit.document, context=context, why=dict(hit.why) or None,
            suggestion=dict(hit.suggestion) if hit.suggestion else None,
        )

    def _directive_findings(self, source: Source, directives: list[Directive]) -> list[Finding]:
        findings = []
        for directive in directives:
            if not directive.known:
                if UNKNOWN_DIRECTIVE.id in self.meta:
                    findings.append(self._meta_finding(
                        source, UNKNOWN_DIRECTIVE, directive, _unknown_action(directive.action)))
                continue
            unknown = sorted(directive.ids - self.known_ids)
            if unknown and UNKNOWN_IN_DIRECTIVE.id in self.meta:
                findings.append(self._meta_finding(
                    source, UNKNOWN_IN_DIRECTIVE, directive,
                    f"Suppression names unknown rule(s): {', '.join(unknown)}.",
                ))
            if directive.bad_ids and UNKNOWN_IN_DIRECTIVE.id in self.meta:
                words = ", ".join(repr(w) for w in directive.bad_ids)
                findings.append(self._meta_finding(
                    source, UNKNOWN_IN_DIRECTIVE, directive,
                    f"Suppression has words that are not rule ids ({words}); it applies only "
                    "to the ids it names.",
                ))
            if directive.action == "enable" or UNUSED_DIRECTIVE.id not in self.meta:
                continue
            if directive.ids or directive.bad_ids:
                unused = sorted((directive.ids & self.active_ids) - directive.used)
            else:
                unused = [] if directive.used else ["all rules"]
            if unused:
                findings.append(self._meta_finding(
                    source, UNUSED_DIRECTIVE, directive,
                    f"Unused suppression ({directive.action} {', '.join(unused)}): "
                    "nothing was suppressed.",
                ))
        return findings

    @staticmethod
    def _wider_fix(source: Source, hit: Hit, span: tuple[int, int]) -> Fix | None:
        """An unsafe fix of a span other than the finding's; none when markup sits inside it
        (dropping a closing "**" would break the paragraph). Line breaks and container
        markers (">") may: the lines are joined."""
        start, end = hit.block.span(*span)
        original = source.original(start, end)
        if _bare(original) != _bare(hit.block.text[span[0] : span[1]]):
            return None
        line, column = source.position(start)
        end_line, end_column = source.position(end)
        assert hit.replacement is not None
        return Fix(hit.replacement, "unsafe", source.to_text(start), source.to_text(end),
                   (line, column, end_line, end_column))

    def _meta_finding(
        self, source: Source, meta: MetaRule, directive: Directive, message: str
    ) -> Finding:
        severity = self.severity.get(meta.id, meta.severity)
        return _placed(source, directive.start, directive.end, meta, severity, message)


def _trigger_prefixes(rules: Sequence[Rule]) -> dict[str, tuple[str, ...]] | None:
    """Literal text one of which the prose must contain for any rule to fire (see
    prefilter.skip_prefixes), grouped by their first word (hundreds of prefixes share a few
    dozen), or None when some rule has no such set."""
    prefixes: set[str] = set()
    for rule in rules:
        triggers = getattr(get_kind(rule.kind), "triggers", None)
        if triggers is None:
            return None
        for pattern in triggers(rule.options):
            found = prefilter.skip_prefixes(pattern)
            if found is None:
                return None
            prefixes |= found
    by_head: dict[str, list[str]] = {}
    for prefix in sorted(prefixes):
        space = prefix.find(" ", 1)
        by_head.setdefault(prefix[: space + 1] if space > 0 else prefix, []).append(prefix)
    return {head: tuple(group) for head, group in by_head.items()}


# Trigger prefixes by first word (head), and the heads by a shorter key each contains: one scan
# for a key rules out all its heads, and most prose holds none of the few dozen keys.
Triggers = dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
_SHARED_KEY = 7  # heads sharing this many first characters or more share them as key


def _by_key(prefixes: dict[str, tuple[str, ...]]) -> Triggers:
    keys: list[str] = []
    for head in sorted(prefixes, key=len):
        if not any(key in head for key in keys):
            keys.append(head)
    # "revolutionary", "revolutionise", ...: their shared start is rare enough to scan for once.
    merged: list[str] = []
    for key in sorted(keys):
        shared = _shared_start(merged[-1], key) if merged else ""
        if len(shared) >= _SHARED_KEY:
            merged[-1] = shared
        else:
            merged.append(key)
    return {key: tuple((head, prefixes[head]) for head in sorted(prefixes) if key in head)
            for key in merged}


def _shared_start(one: str, other: str) -> str:
    # (os.path.commonprefix does this too, but ruff's newest releases flag it as a path
    # function (RUF071) and the lowest allowed ruff rejects a noqa naming that rule)
    size = 0
    while size < min(len(one), len(other)) and one[size] == other[size]:
        size += 1
    return one[:size]


def _placed(
    source: Source, start: int, end: int, rule: Rule | MetaRule, severity: Severity,
    message: str, **extra: Any,
) -> Finding:
    """A finding for the normalised span [start, end) of a source."""
    line, column = source.position(start)
    end_line, end_column = source.position(end)
    return Finding(
        path=source.path, line=line, column=column, end_line=end_line, end_column=end_column,
        rule=rule.id, name=rule.name, kind=rule.kind, severity=severity, message=message,
        match=source.original(start, end), start=source.to_text(start),
        end=source.to_text(end), **extra,
    )


def _bare(text: str) -> str:
    """Text without white space and blockquote markers, to compare a source span with its
    prose."""
    return "".join(text.replace(">", " ").split())


def _unknown_action(word: str) -> str:
    from termlint.directives import ACTIONS
    from termlint.yamldoc import did_you_mean

    written = f"termlint-{word}"
    hint = did_you_mean(written, [f"termlint-{action}" for action in ACTIONS])
    return f"Unknown directive '{written}'{hint}: it suppresses nothing."


def _inside_any(hit: Hit, patterns: list[re.Pattern[str]]) -> bool:
    """Whether a match of one of `patterns` in the hit's block covers the hit's whole span:
    an exception ("Precision Medicine Initiative") silences what lies inside it."""
    for pattern in patterns:
        for found in pattern.finditer(hit.block.text):
            if found.start() > hit.start:
                break
            if found.end() >= hit.end:
                return True
    return False
