"""Fuzz target: the rules-file loader.

Random rules files, mostly mutations of valid ones (the bundled pack and small hand-built packs
of every kind), go through `parse_pack`. Property: it returns a Pack or raises RulesError
whose str() is one line, never any other exception, and within DEADLINE.

The normal suite runs a few examples; raise TERMLINT_FUZZ_EXAMPLES for more, or run
`python bench/fuzz.py --target rules --minutes N`.
"""

from __future__ import annotations

import copy
import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from termlint.kinds import KIND_NAMES, get_kind
from termlint.packs import COMMON_KEYS, TOP_KEYS, Pack, RulesError, parse_pack

EXAMPLES = int(os.environ.get("TERMLINT_FUZZ_EXAMPLES", "200"))
# Loading the whole bundled pack takes ~20 ms; anything near seconds is a bug worth a report.
DEADLINE = timedelta(seconds=2)

BUNDLED_TEXT = (Path(__file__).resolve().parents[2] / "rules" / "precision-medicine.yaml"
                ).read_text("utf-8")


def check_rules(text: str) -> None:
    """The fuzz property for one rules-file text."""
    try:
        pack = parse_pack(text, "r.yaml")
    except RulesError as exc:
        message = str(exc)
        assert message.strip(), "empty RulesError"
        assert len(message.splitlines()) == 1, message
        return
    assert isinstance(pack, Pack)


# --- valid starting points ----------------------------------------------------------------------


def _rule(rule_id: str, kind: str, **keys: Any) -> dict[str, Any]:
    return {"id": rule_id, "name": f"{kind}-rule", "kind": kind, "severity": "warning",
            "message": "found {match}", "description": "test", **keys}


SMALL_PACK: dict[str, Any] = {
    "version": 1,
    "name": "small",
    "description": "one rule of every kind",
    "families": {
        "alpha": {"forms": ["alpha medicine"], "modifiers": ["alpha"],
                  "subfields": ["alpha oncology"]},
        "beta": ["beta(?:-| )medicine"],
    },
    "lexicons": {
        "cons": ["{A},? also known as {B}", "{a}/{b} medicine"],
        "cues": ["differs?", "not the same"],
        "preds": ["improves?", "enables?"],
        "genes": ["CYP2C19", "BRCA[12]"],
        "decisions": ["dose", "choose"],
        "empty": [],
    },
    "rules": [
        _rule("SM101", "existence", patterns=["lorem ipsum", "(?-i:TODO)"],
              examples={"invalid": ["lorem ipsum"], "valid": ["x"]}),
        _rule("SM102", "substitution", swap={"utilize": "use"}, fix="unsafe"),
        _rule("SM103", "consistency", either={"tumour": "tumor"}, scope="section"),
        _rule("SM104", "conflation", families=["alpha", "beta"], constructions="cons",
              contrast="cues", document="off"),
        _rule("SM105", "actionability", predicates="preds", entities=["genes"],
              decisions="decisions", window=2, scope="sentence"),
    ],
}
MINIMAL_PACK: dict[str, Any] = {
    "version": 1, "name": "tiny", "rules": [_rule("T1", "existence", patterns=["x"])],
}
# Smallest first: hypothesis shrinks a choice towards the first one.
BASES = [MINIMAL_PACK, SMALL_PACK, yaml.safe_load(BUNDLED_TEXT)]
BASE_TEXTS = [*(yaml.safe_dump(base, sort_keys=False) for base in BASES[:2]), BUNDLED_TEXT]

# --- values to put in them ----------------------------------------------------------------------

KIND_KEYS = sorted({key for name in KIND_NAMES for key in get_kind(name).KEYS})
KNOWN_KEYS = [*TOP_KEYS, *COMMON_KEYS, *KIND_KEYS, "forms", "modifiers", "subfields",
              "invalid", "valid", "Id", "knd", "<<"]
NAMES = ["precision", "personalized", "alpha", "beta", "heads", "cons", "genes", "empty",
         "conflation-constructions", "nope", *KIND_NAMES, "error", "warning", "info", "off",
         "safe", "unsafe", "sentence", "paragraph", "section", "document", "PM101", "TL001"]
# Regexes that are invalid, match empty text, clash with the group names termlint adds when
# it combines patterns (`_0`, `side_0`, `f0`, `m0`), break out of the group they are wrapped
# in, or backtrack badly.
NASTY_REGEXES = [
    "(", ")", "[", "a)|(b", "x)|(?:y", "\\", "a\\", "*", "a**", "a{2,1}", "(?i)a", "a(?i)",
    "(?x) a b", "(?-i:A)", "(?P<_0>a)", "(?P<side_0>a)", "(?P<f0>a)", "(?P<m0>a)", "(?P<x>a)",
    "(?P=x)", "(a)\\1", "\\2", "(?<=a+)b", "(?<!\\w*)b", "(?#comment)", "a|", "|", "(?:)",
    "\\b", "^", "$", "a{0,99999}", "(a{1000}){1000}", "(a+)+$", "(a|a)*b", "(\\w+\\s?)+$",
    "(?:x*)*y", ".*.*.*=.*", "[^]]", "[]a]", "[a-\\d]", "\\N{EM DASH}", "\\N{NOPE}",
    "\\u00e9", "\\U0001F600", "\\x", "\\p{L}", "{A}", "{a} {b}", "{A}{A} {B}", "{B}", "{term}",
    "{nope}", "{alias-cues}", "{", "}", "{{A}}", "\0", " ", "  a  ", "\t", "\n", "é\u0301",
]
MESSAGES = ["{match}", "{", "}", "{0}", "{match!r}", "{match:>9}", "{nope}", "{{x}}",
            "{replacement}", "{term}", "{first} {second} {construction}", "{match.x}"]
STRING = st.one_of(st.sampled_from(NAMES), st.sampled_from(NASTY_REGEXES),
                   st.sampled_from(MESSAGES), st.text(max_size=12))
SCALAR = st.one_of(STRING, st.none(), st.booleans(), st.integers(), st.floats())
KEY = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(max_size=8), st.integers(), st.none(),
                st.booleans(), st.floats(allow_nan=False))
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEY, inner, max_size=4),
    max_leaves=12,
)


def _containers(node: Any) -> list[Any]:
    """Every dict and list in a tree (each once, as aliases can share them)."""
    found: dict[int, Any] = {}
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, (dict, list)) and id(item) not in found:
            found[id(item)] = item
            stack.extend(item.values() if isinstance(item, dict) else item)
    return list(found.values())


def _nasty_string(draw: st.DrawFn, tree: Any) -> None:
    """Put a nasty regex where a string was (patterns, forms, lexicon entries), or make it a
    key that is data (swap and either keys, names): other edits are mostly rejected long
    before a pattern is compiled."""
    slots = [(container, key) for container in _containers(tree)
             for key in (container if isinstance(container, dict) else range(len(container)))
             if isinstance(container[key], str) or key not in KNOWN_KEYS]
    container, key = draw(st.sampled_from(slots))
    nasty = draw(st.sampled_from(NASTY_REGEXES))
    if key not in KNOWN_KEYS and isinstance(container, dict) and draw(st.booleans()):
        container[nasty] = container.pop(key)
    elif isinstance(container[key], str):
        old = container[key]
        container[key] = draw(st.sampled_from([nasty, old + nasty, nasty + old]))


@st.composite
def mutated_tree(draw: st.DrawFn, structural: bool) -> Any:
    """A base pack with nasty strings and, if `structural`, random edits of its shape."""
    tree = copy.deepcopy(draw(st.sampled_from(BASES)))
    for _ in range(draw(st.integers(0, 3))):
        _nasty_string(draw, tree)
    for _ in range(draw(st.integers(0, 3)) if structural else 0):
        containers = _containers(tree)
        target = draw(st.sampled_from(containers))
        # Reusing an existing object makes the dumper write an anchor and an alias; reusing
        # the target itself makes a recursive structure.
        value = draw(st.one_of(VALUE, VALUE, st.sampled_from(containers)))
        action = draw(st.sampled_from(["set", "set", "delete", "add", "rename"]))
        if isinstance(target, list):
            if action == "delete" and target:
                del target[draw(st.integers(0, len(target) - 1))]
            elif action in ("set", "rename") and target:
                target[draw(st.integers(0, len(target) - 1))] = value
            else:
                target.append(value)
        elif action == "add" or not target:
            target[draw(KEY)] = value
        else:
            key = draw(st.sampled_from(list(target)))
            if action == "set":
                target[key] = value
            elif action == "rename":
                target[draw(KEY)] = target.pop(key)
            else:
                del target[key]
    return tree


@st.composite
def dumped(draw: st.DrawFn, structural: bool = True) -> str:
    tree = draw(mutated_tree(structural))
    return yaml.safe_dump(tree, sort_keys=False, allow_unicode=draw(st.booleans()),
                          default_flow_style=draw(st.sampled_from([False, True, None])),
                          width=draw(st.sampled_from([80, 20, 10**6])))


# YAML constructs a dumper never writes.
SNIPPETS = [
    "&a ", "*a", "<<: *a\n", "<<: [*a, *b]\n", "<<: x\n", "<<: [x]\n", "a: &a {x: 1}\n",
    "b: *a\n", "? [1, 2]\n: x\n", "? {a: 1}\n: x\n", "!!python/object:os.system x",
    "!!binary aGk=", "!!binary !", "!!set {a, b}", "!!omap [a: 1]", "!!omap x", "!!pairs [1]",
    "!!timestamp 2001-12-14", "!!timestamp x", "!!int x", "!!float", "!!float .nan",
    "!!bool x", "!!null x", "!!str", "!!seq x", "!!map x", "!custom x", "%YAML 1.1\n---\n",
    "---\n", "...\n", "--- |\n  block\n", "key: |\n  text\n", "key: >-\n  folded\n", "\t",
    "\0", "\ufeff", "\x85", "\u2028", "#", "'", "\"", "\"\\u00e9\\x\"", "{", "}", "[", "]",
    ",", ":", "- ", "  ", "\n", "\r\n", "\r", "~", "null", "yes", "no", "on", "0o17", "0x1F",
    "1e400", "-.inf", "2001-12-14", "12:30:45", "=", "<<", "version: 2\n", "version: 1.0\n",
    "[" * 200 + "]" * 200, "{a: " * 200 + "1" + "}" * 200, "- " * 200 + "x\n",
    "".join(f"l{i}: &l{i} [*l{i - 1}, *l{i - 1}]\n" for i in range(1, 25)),
]


@st.composite
def mutated_text(draw: st.DrawFn, text: str) -> str:
    """Line and character edits that YAML-level mutations cannot produce."""
    lines = text.split("\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["insert", "delete", "copy", "indent", "splice"]))
        if action == "insert":
            lines.insert(at, draw(st.sampled_from(SNIPPETS) | st.text(max_size=20)))
        elif action == "delete":
            del lines[at : at + draw(st.integers(1, 5))]
            lines = lines or [""]
        elif action == "copy":
            lines.insert(draw(st.integers(0, len(lines))), lines[at])
        elif action == "indent":
            lines[at] = draw(st.sampled_from(["", " ", "  ", "\t", "    "])) + lines[at].lstrip()
        else:
            column = draw(st.integers(0, len(lines[at])))
            snippet = draw(st.sampled_from(SNIPPETS) | st.text(max_size=8))
            lines[at] = lines[at][:column] + snippet + lines[at][column:]
    return "\n".join(lines)


TEXTS = st.one_of(
    dumped(structural=False),
    dumped(),
    dumped().flatmap(mutated_text),
    # By index, so that reports show a number rather than the whole bundled pack.
    st.integers(0, len(BASE_TEXTS) - 1).map(BASE_TEXTS.__getitem__).flatmap(mutated_text),
    st.text(),
    # Bytes the way a careless tool might turn them into text (the loader itself reads UTF-8).
    st.binary().map(lambda data: data.decode("latin-1")),
)


@settings(max_examples=EXAMPLES, deadline=DEADLINE, suppress_health_check=list(HealthCheck))
@given(text=TEXTS)
def test_rules_loader(text: str) -> None:
    check_rules(text)


def test_bases_load() -> None:
    # The mutations start from valid files; if these stop loading, the fuzzer tests less.
    for text in BASE_TEXTS:
        assert isinstance(parse_pack(text, "r.yaml"), Pack)
