"""The literal-prefix prefilter must never change a result, only skip work."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termlint import prefilter
from termlint.markdown import parse
from termlint.patterns import compile_pattern
from termlint.segment import Document
from termlint.source import decode

PATTERNS = [
    "precision(?:-| )medicine", "personali[sz]ed medicine", "gene(?:s|tic)?", "(?-i:TODO|TK)",
    "miracles?", "the gene for (?:obesity|cancer)", "\\w+ine", "[a-z]{3,}(?![a-z])(?<=mab)",
    "(?:genes?|variants?) (?:that )?cause[sd]? (?:\\w+ ){0,2}cancer",
    "kelvin", "\u017ftar", "i̇nsulin", "(?:at|in) the (?:heart|forefront) of",
]
WORDS = st.sampled_from([
    "precision", "medicine", "Precision-Medicine", "personalised", "PERSONALIZED", "gene",
    "genetic", "TODO", "todo", "tk", "TK", "miracle", "the", "for", "obesity", "cancer",
    "causes", "variant", "that", "\u212aelvin", "kelvin", "\u017ftar", "star", "İnsulin",
    "insulin", "trastuzumab", "x", "\n", "\n\n", "- ", "> ", "*", "`code`", "é",
    "in", "at", "using", "what", "_in", "2at", "éin", "heart", "of",
])
TEXTS = st.lists(WORDS, min_size=1, max_size=60).map(" ".join)


def document(text: str) -> Document:
    source = decode(text.encode("utf-8"), "x.md")
    return Document(source, parse(source).blocks)


def results(doc: Document, pattern: re.Pattern[str]) -> list[tuple[int, int, int]]:
    return [(doc.index(f.block), f.start, f.end) for f in doc.find(pattern)]


@settings(max_examples=300, deadline=None)
@given(text=TEXTS, source=st.sampled_from(PATTERNS))
def test_prefilter_never_changes_results(text: str, source: str) -> None:
    pattern = compile_pattern(source)
    filtered = results(document(text), pattern)
    plain_doc = document(text)
    plain_doc._starts_memo[(pattern.pattern, pattern.flags)] = None  # no prefilter: scan all
    assert filtered == results(plain_doc, pattern)
    # and both agree with searching each block on its own
    expected = [(i, m.start(), m.end()) for i, block in enumerate(plain_doc.blocks)
                for m in pattern.finditer(block.text)]
    assert filtered == expected


@pytest.mark.parametrize(
    ("source", "prefixes"),
    [
        ("miracles?", {"miracle"}),
        ("precision(?:-| )medicine", {"precision"}),  # "precision-medicine" is implied
        ("(?-i:TODO|TK)", {"todo", "tk"}),
        ("\\w+ine", None),
        ("x?", None),
    ],
)
def test_literal_prefixes(source: str, prefixes: set[str] | None) -> None:
    pattern = compile_pattern(source) if source != "x?" else re.compile(source)
    found = prefilter.literal_prefixes(pattern.pattern, pattern.flags)
    assert (set(found) if found is not None else None) == prefixes


def test_fold_applies_the_regex_engines_case_equivalences() -> None:
    assert prefilter.fold("\u017f \u212a İ") == "s k i̇"


def test_a_guarded_pattern_is_only_tried_at_word_starts() -> None:
    # "in" inside "using" or "_in" cannot start a match of a pattern guarded by (?<!\w), so
    # a common short prefix does not make every in-word occurrence a candidate.
    pattern = compile_pattern("(?:at|in) the heart of")
    text = "using _in what in the heart of"
    assert prefilter.candidate_positions(pattern, prefilter.fold(text)) == [text.index("in the")]
