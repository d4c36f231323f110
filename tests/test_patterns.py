"""termlint's pattern semantics: case, word boundaries, white space, path guard."""

from __future__ import annotations

import re

import pytest

from termlint.patterns import PatternError, check_structure, compile_pattern


@pytest.mark.parametrize(
    ("pattern", "text", "matched"),
    [
        ("personali[sz]ed medicine", "Personalised Medicine.", "Personalised Medicine"),
        ("personali[sz]ed medicine", "personalized\nmedicine", "personalized\nmedicine"),
        ("personali[sz]ed medicine", "personalized \n   medicine", "personalized \n   medicine"),
        ("personali[sz]ed medicine", "personalized\n\nmedicine", None),
        ("personali[sz]ed medicine", "personalized medicines", None),
        ("personali[sz]ed medicine", "hyper-personalized medicine", "personalized medicine"),
        ("utili[sz]e", "see docs/utilize for more", None),
        ("utili[sz]e", "utilize.yaml", None),
        ("utili[sz]e", "@utilize", "utilize"),
        ("utili[sz]e", "team@utilize", None),
        ("utili[sz]e", "x:utilize", None),
        ("utili[sz]e", "snake_utilize", None),
        ("utili[sz]e", "We utilize. Then", "utilize"),
        ("utili[sz]e", "(utilize)", "utilize"),
        ("(?-i:TODO)", "todo list", None),
        ("(?-i:TODO)", "TODO: fix", "TODO"),
        ("a[ ]b", "a  b", None),
        ("a\\ b", "a b", "a b"),
        ("naïve", "NAÏVE", "NAÏVE"),
    ],
)
def test_pattern_semantics(pattern: str, text: str, matched: str | None) -> None:
    found = compile_pattern(pattern).search(text)
    assert (found.group() if found else None) == matched


@pytest.mark.parametrize("bad", ["(unclosed", "a**", "x*"])
def test_bad_patterns_are_rejected(bad: str) -> None:
    with pytest.raises(PatternError):
        compile_pattern(bad)


@pytest.mark.parametrize("pattern", [
    r"[(]x", r"\(x", r"(?<=a)b", r"(?<!a)b", r"(?-i:TODO)", r"(?i:x)", r"[]()]", r"[^]]x",
    r"a(b(c)d)", r"\\1x",
])
def test_structure_allows(pattern: str) -> None:
    check_structure(pattern)


@pytest.mark.parametrize(("pattern", "problem"), [
    ("x)|(?:y", "unbalanced"), ("(x", "missing )"), ("(?P<n>x)", "named groups"),
    ("(a)\\1", "backreferences"), ("(?P=n)", "backreferences"), ("(?i)x", "global flags"),
    ("[x](?x)y", "global flags"),
])
def test_structure_refuses(pattern: str, problem: str) -> None:
    with pytest.raises(PatternError, match=re.escape(problem)):
        check_structure(pattern)
