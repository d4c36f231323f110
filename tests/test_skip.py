"""Files whose prose cannot hold any rule's trigger are not segmented: the findings must be
exactly those of a full lint, whatever markup splits, hides or spells the trigger words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, shared_path
from termlint import markdown
from termlint.linter import Linter
from termlint.packs import load_packs
from termlint.source import decode


@pytest.fixture(scope="module")
def linters() -> tuple[Linter, Linter]:
    packs = load_packs(["builtin:precision-medicine"])
    skipping, full = Linter(packs), Linter(packs)
    full.triggers = None  # never skips
    assert skipping.triggers is not None
    return skipping, full


def same(linters: tuple[Linter, Linter], text: str) -> bool:
    skipping, full = linters
    source = decode(text.encode("utf-8"), "x.md")
    one, other = skipping.lint_source(source), full.lint_source(source)
    return ([f.to_dict() for f in one.findings], one.error) == \
        ([f.to_dict() for f in other.findings], other.error)


def test_real_docs_with_and_without_passages(linters: tuple[Linter, Linter]) -> None:
    files = sorted(shared_path("corpus").rglob("*.md"))[:300]
    passages = [p["text"] for p in yaml.safe_load(
        (ROOT / "bench" / "accuracy" / "passages.yaml").read_text("utf-8"))]
    skipped = 0
    for i, path in enumerate(files):
        text = path.read_text("utf-8-sig", errors="replace")
        dense = f"{text}\n\n## Notes\n\n{passages[i % len(passages)]}\n"
        assert same(linters, text), path
        assert same(linters, dense), path
        tokens = markdown._kit().md.parse(text)
        skipped += not linters[0].wanted(markdown.inline_text(tokens))
    assert skipped > len(files) // 2  # the skip really happens on ordinary docs


def test_commonmark_spec_examples(linters: tuple[Linter, Linter]) -> None:
    examples = json.loads(shared_path("testdata", "commonmark-spec.json").read_text("utf-8"))
    for example in examples:
        markdown_text = example["markdown"]
        for text in (markdown_text, markdown_text.replace("foo", "precision medicine")
                     .replace("bar", "personalized medicine")):
            assert same(linters, text), example["example"]


# Trigger words cut, hidden, spelled and wrapped by every kind of markup.
PIECES = [
    "precision", "medicine", "personalized", "personali", "zed", "genomic", "post-genomic",
    "post\\-genomic", "&#80;recision", "&amp;", "pre", "cision", "TODO", "TK", "todo", "SEO",
    "keywords", "Note", "to self", "lorem", "ipsum", "gene", "causes", "obesity", "groundbreaking",
    "also known as", "is the same as", "vs", "or", "/", "CYP2C19", "clopidogrel", "improves",
    "outcomes", ".", ",", " ", " ", " ", "\n", "\n\n", "\n> ", "\n- ", "\n# ", "*", "_", "**",
    "`", "``", "[", "](http://x.org/precision)", "]", "<span>", "</span>", "<br>", "<!-- x -->",
    "<!-- termlint-disable PM101 -->", "| a | b |\n|---|---|\n| ", " | ", "\\|", "![", "](i.png)",
    "https://example.org/precision-medicine", "{{ precision }}", "[[precision medicine]]",
    "\u00a0", "\t", "\r\n", "İ", "\u017f", "\u212a", "TO", "DO", "lor", "em ipsum", "miracu",
    "lous",
]

# The only trigger in each is cut by markup that leaves the prose word whole.
SPLIT = [
    "*TO*DO: the table.", "**TO**DO", "[TO](x)DO", "~~TO~~DO",
    "![TO](i.png)DO", "TO&#68;O", "*lorem* ipsum", "lorem\nipsum", "> lorem\n> ipsum",
    "It is *miracu*lous.", "A [miracle](https://x.org).", "| *TO*DO |\n|---|\n",
]


@pytest.mark.parametrize("text", SPLIT)
def test_triggers_cut_by_markup(linters: tuple[Linter, Linter], text: str) -> None:
    assert linters[1].lint_source(decode(text.encode(), "x.md")).findings, "not a case"
    assert same(linters, text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_random_markup_around_trigger_words(linters: tuple[Linter, Linter],
                                            pieces: list[str]) -> None:
    assert same(linters, "".join(pieces))


def test_a_directive_alone_keeps_the_file_linted(tmp_path: Path,
                                                linters: tuple[Linter, Linter]) -> None:
    text = "<!-- termlint-disable PM101 -->\nNothing to see.\n"
    findings = linters[0].lint_source(decode(text.encode(), "x.md")).findings
    assert [f.rule for f in findings] == ["TL001"]


def test_every_trigger_head_is_screened_by_a_key_it_contains(
        linters: tuple[Linter, Linter]) -> None:
    from termlint.linter import _by_key, _trigger_prefixes

    prefixes = _trigger_prefixes(linters[0].rules)
    assert prefixes is not None
    keyed = _by_key(prefixes)
    assert len(keyed) < len(prefixes)  # the point: fewer scans than heads
    for head, group in prefixes.items():
        keys = [key for key, heads in keyed.items() if (head, group) in heads]
        assert keys and all(key in head for key in keys), head
