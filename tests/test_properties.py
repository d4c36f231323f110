"""Position properties at the level of findings: the text at every reported position, read
from the original file, is exactly the finding's `match`.

Run on all CommonMark spec examples (LF and CRLF) and on random Markdown from hypothesis,
with a rule that matches every word.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EVERY_WORD, shared_path, source_slice, write_rules
from termlint.linter import Linter
from termlint.packs import load_packs
from termlint.source import decode


@pytest.fixture(scope="module")
def linter(tmp_path_factory: pytest.TempPathFactory) -> Linter:
    rules = write_rules(tmp_path_factory.mktemp("rules"), EVERY_WORD)
    return Linter(load_packs([str(rules)]))


def misplaced(linter: Linter, text: str) -> list[str]:
    """Findings whose position does not hold their match (empty when all is well)."""
    source = decode(text.encode("utf-8"), "x.md")
    result = linter.lint_source(source)
    assert result.error is None, result.error
    bad = []
    for finding in result.findings:
        data = finding.to_dict()
        if source_slice(text, data) != finding.match:
            bad.append(f"{finding.line}:{finding.column} {finding.match!r}")
    return bad


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_commonmark_spec_examples(linter: Linter, newline: str) -> None:
    examples = json.loads(shared_path("testdata", "commonmark-spec.json").read_text("utf-8"))
    assert len(examples) == 652
    failures = {}
    words = 0
    for example in examples:
        text = example["markdown"].replace("\n", newline)
        bad = misplaced(linter, text)
        words += len(re.findall(r"\w+", text))
        if bad:
            failures[example["example"]] = bad
    assert failures == {}


# --- random Markdown -------------------------------------------------------------------------

WORDS = st.sampled_from(
    ["precision", "medicine", "gene", "CYP2C19", "ünïcode", "naïve", "e\u0301t\u00e9",
     "مرحبا", "😀", "x", "a_b", "tab\tbed", "nul\0byte"]
)
INLINE = st.one_of(
    WORDS,
    WORDS.map(lambda w: f"*{w}*"),
    WORDS.map(lambda w: f"**{w}**"),
    WORDS.map(lambda w: f"~~{w}~~"),
    WORDS.map(lambda w: f"`{w}`"),
    WORDS.map(lambda w: f"[{w}](https://x.org/{w} \"{w}\")"),
    WORDS.map(lambda w: f"![{w}](i.png)"),
    WORDS.map(lambda w: f"<span>{w}</span>"),
    st.sampled_from(["&amp;", "&copy;", "&#35;", "\\*", "\\_", "<https://x.org>",
                     "https://x.org/a", "<!-- c -->", "  \n", "\\\n", "\n"]),
)
LINE = st.lists(INLINE, min_size=1, max_size=8).map(" ".join)


@st.composite
def block(draw: st.DrawFn, depth: int = 0) -> str:
    kinds = ["para", "heading", "code", "fence", "html", "table"]
    if depth < 3:
        kinds += ["quote", "list", "ordered"]
    kind = draw(st.sampled_from(kinds))
    if kind == "para":
        return draw(LINE)
    if kind == "heading":
        return "#" * draw(st.integers(1, 6)) + " " + draw(LINE).replace("\n", " ")
    if kind == "code":
        return "    " + draw(LINE).replace("\n", " ")
    if kind == "fence":
        return "```\n" + draw(LINE) + "\n```"
    if kind == "html":
        return "<div>\n" + draw(LINE) + "\n</div>"
    if kind == "table":
        cells = draw(st.lists(WORDS.map(lambda w: w.replace("\n", " ")), min_size=2, max_size=2))
        return f"| {cells[0]} | a \\| {cells[1]} |\n|---|---|\n| `c` {cells[1]} | {cells[0]} |"
    inner = draw(block(depth + 1))
    if kind == "quote":
        return "\n".join("> " + line for line in inner.split("\n"))
    marker = "- " if kind == "list" else "1. "
    pad = " " * len(marker)
    lines = inner.split("\n")
    return "\n".join([marker + lines[0], *(pad + line for line in lines[1:])])


DOCS = st.lists(block(), min_size=1, max_size=6).map("\n\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=DOCS, crlf=st.booleans(), bom=st.booleans())
def test_random_markdown_positions(linter: Linter, doc: str, crlf: bool, bom: bool) -> None:
    text = doc.replace("\n", "\r\n") if crlf else doc
    if bom:
        text = "\ufeff" + text
    assert misplaced(linter, text) == []


def test_every_word_rule_finds_prose_words(linter: Linter) -> None:
    # Guard against a vacuous pass: the property above must actually see findings.
    source = decode(b"> A *quoted* word.\n", Path("x.md").name)
    matches = [f.match for f in linter.lint_source(source).findings]
    assert matches == ["A", "quoted", "word"]
