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
    # more prefixes than TRIE_FROM: found by one trie; some start inside others ("the heart")
    "|".join(f"(?:{w})(?:s|ed)?" for w in (
        "gene", "genetic", "the", "the heart", "heart", "for", "obesity", "cancer", "causes",
        "variant", "that", "kelvin", "star", "insulin", "trastuzumab", "using", "what", "at",
        "in", "of", "medicine", "precision", "personalised", "personalized", "miracle", "todo",
        "tk", "x")),
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


def test_a_long_list_of_alternatives_still_has_prefixes() -> None:
    # Hundreds of spelled-out forms exceed MAX_PREFIXES; their shortest prefixes do not.
    words = [f"{stem}{end}" for stem in ("improv", "enhanc", "transform", "reshap", "redefin",
                                         "strengthen", "facilitat", "promot", "prolong")
             for end in ("e", "es", "ed", "ing", "ement", "ements", "ative", "er", "ers")]
    body = "|".join(f"(?:{w})(?: (?:care|health|outcomes|lives|treatment|medicine|diagnosis|"
                    f"practice|survival|access|quality|efficiency))?" for w in words)
    pattern = compile_pattern(body)
    found = prefilter.literal_prefixes(pattern.pattern, pattern.flags)
    assert found is not None and len(found) <= prefilter.MAX_PREFIXES
    assert "improve" in found and len(found) > prefilter.TRIE_FROM  # so a trie finds them
    text = "It improves care; transformative reshaping, and strengthening of promoters."
    doc = document(text)
    expected = [(0, m.start(), m.end()) for m in pattern.finditer(doc.blocks[0].text)]
    assert results(doc, pattern) == expected and len(expected) == 5


def test_a_trie_finds_a_prefix_that_starts_inside_another() -> None:
    prefixes = frozenset({"the heart", "heart of", *(f"w{i}" for i in range(30))})
    trie = prefilter._trie(prefixes, False)
    assert [m.start() for m in trie.finditer("in the heart of")] == [3, 7]


def test_the_bundled_packs_big_lexicons_keep_their_prefixes() -> None:
    """One lexicon entry whose shortest literal start is a single character ("a " before a
    space) leaves the whole joined pattern without prefixes, and the claims kind then scans
    every near sentence with its largest pattern: the seeds draft went from ~31 to ~41 ms in
    process. Every big lexicon pattern of the bundled pack must keep a prefix set."""
    from termlint.packs import load_pack

    pack = load_pack("builtin:precision-medicine")
    (claims,) = [rule for rule in pack.rules if rule.kind == "actionability"]
    options = claims.options
    for name in ("predicates", "agents", "stand_ins", "decisions", "family"):
        pattern = getattr(options, name)
        assert prefilter.literal_prefixes(pattern.pattern, pattern.flags), name
    # Nor may the predicates start at one of the commonest words: each start is a place the
    # whole joined pattern is tried ("(?:as|is|are|be) an effective ..." cost ~15 ms).
    predicates = options.predicates
    starts = set(prefilter.literal_prefixes(predicates.pattern, predicates.flags) or ())
    assert not starts & {"a", "an", "as", "be", "of", "to", "in", "and", "or", "for", "on",
                         "by", "with", "that", "we", "it", "this", "which", "the"}


def test_the_claims_predicates_stay_well_under_the_scan_limit_on_the_seeds() -> None:
    """Past one candidate start per prefilter.DENSITY characters, the predicates are scanned
    for everywhere instead: a cliff, not a slope (the seeds draft went from ~38 to ~66 ms in
    process when a few new entries took the count 3 over the limit; "the" alone started 232
    candidates). Kept well under it, new entries have room."""
    from conftest import shared_path
    from termlint.packs import load_pack

    text = "\n\n".join(path.read_text("utf-8")
                        for path in sorted(shared_path("seeds").glob("*.txt")))
    (claims,) = [r for r in load_pack("builtin:precision-medicine").rules
                 if r.kind == "actionability"]
    predicates = claims.options.predicates
    folded = prefilter.fold(text)
    positions = prefilter.candidate_positions(predicates, folded)
    assert positions is not None
    assert len(positions) < 0.8 * (len(folded) // prefilter.DENSITY + 16)
