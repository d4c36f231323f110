"""Every rule of every bundled pack: its examples behave, and it is documented."""

from __future__ import annotations

import pytest

from termlint.packs import bundled_packs, load_pack
from termlint.rulesinfo import example_failures, example_warnings

RULES = [rule for name in sorted(bundled_packs()) for rule in
         load_pack(f"builtin:{name}").rules]


def test_there_is_a_default_pack() -> None:
    assert "precision-medicine" in bundled_packs()


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_examples(rule) -> None:  # type: ignore[no-untyped-def]
    assert example_failures(rule) == []
    assert example_warnings(rule) == []  # the bundled pack shows every rule at work


@pytest.mark.parametrize("rule", [r for r in RULES if r.kind in ("conflation", "actionability")],
                         ids=lambda rule: rule.id)
def test_domain_rules_have_three_examples_each_way(rule) -> None:  # type: ignore[no-untyped-def]
    assert len(rule.examples_invalid) >= 3
    assert len(rule.examples_valid) >= 3


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_is_documented(rule) -> None:  # type: ignore[no-untyped-def]
    assert len(rule.description.split()) >= 12, "say why the rule matters"
    assert rule.message
