"""--list-rules, --explain and --check-rules: what the loaded packs say about themselves."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from termlint.linter import META_RULES, Linter
from termlint.packs import Pack, Rule
from termlint.source import Source


def list_rules(packs: Sequence[Pack]) -> int:
    rows = [(r.id, str(r.severity), r.kind, r.name, r.pack) for p in packs for r in p.rules]
    rows += [(m.id, str(m.severity), m.kind, m.name, m.pack) for m in META_RULES]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = (cell.ljust(width) for cell, width in zip(row[:4], widths, strict=True))
        print("  ".join(cells) + f"  ({row[4]})")
    return 0


def explain(packs: Sequence[Pack], rule_id: str) -> int:
    rules = {r.id: r for p in packs for r in p.rules} | {m.id: m for m in META_RULES}
    rule = rules.get(rule_id)
    if rule is None:
        print(f"termlint: no rule {rule_id!r} in the loaded rules files", flush=True)
        return 2
    print(f"{rule.id} {rule.name} ({rule.kind}, {rule.severity}, pack {rule.pack})\n")
    print(textwrap.fill(" ".join(rule.description.split()), 88))
    if getattr(rule, "link", None):
        print(f"\nMore: {rule.link}")
    if isinstance(rule, Rule):
        for title, examples in (("Flagged", rule.examples_invalid), ("Fine", rule.examples_valid)):
            if examples:
                print(f"\n{title}:")
                for example in examples:
                    print(textwrap.indent(example.rstrip("\n"), "    "))
    return 0


def example_failures(rule: Rule) -> list[str]:
    """Problems with one rule's examples; empty when they all behave."""
    linter = Linter([_single_rule_pack(rule)], select=[rule.id])
    problems = []
    if not rule.examples_invalid:
        problems.append("has no invalid example")
    if not rule.examples_valid:
        problems.append("has no valid example")
    for number, text in enumerate(rule.examples_invalid, 1):
        if not _hits(linter, rule, text):
            problems.append(f"invalid example {number} gave no finding: {_short(text)}")
    for number, text in enumerate(rule.examples_valid, 1):
        found = _hits(linter, rule, text)
        if found:
            problems.append(
                f"valid example {number} gave a finding at {found[0]!r}: {_short(text)}"
            )
    return problems


def check_rules(packs: Sequence[Pack]) -> int:
    failed = 0
    total = 0
    for pack in packs:
        for rule in pack.rules:
            total += 1
            problems = example_failures(rule)
            failed += bool(problems)
            for problem in problems:
                print(f"{rule.path}:{rule.line}: {rule.id}: {problem}")
    print(f"{total - failed} of {total} rules pass their examples"
          f" ({len(packs)} pack{'s' if len(packs) != 1 else ''}).")
    return 1 if failed else 0


def _hits(linter: Linter, rule: Rule, text: str) -> list[str]:
    findings = linter.lint(Source("<example>", text))
    return [f.match for f in findings if f.rule == rule.id]


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= 70 else flat[:67] + "...")


def _single_rule_pack(rule: Rule) -> Pack:
    return Pack(name=rule.pack, description="", path=rule.path, families={}, lexicons={},
                rules=(rule,))
