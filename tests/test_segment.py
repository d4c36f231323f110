"""Sentence, section and document segmentation."""

from __future__ import annotations

import pytest

from termlint.markdown import parse
from termlint.segment import Document, sentences
from termlint.source import decode


def doc_of(text: str) -> Document:
    source = decode(text.encode("utf-8"), "x.md")
    return Document(source, parse(source).blocks)


def split(text: str) -> list[str]:
    (block,) = doc_of(text).blocks
    return [s.text for s in sentences(block)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two! Three?", ["One.", "Two!", "Three?"]),
        ("Genes, e.g. CYP2C19, matter. Next one.", ["Genes, e.g. CYP2C19, matter.", "Next one."]),
        ("Dr. Smith tests i.e. screens. Done.", ["Dr. Smith tests i.e. screens.", "Done."]),
        ("The U.S. National Council spoke. Then.", ["The U.S. National Council spoke.", "Then."]),
        ("He said \u201cstop.\u201d Then left.", ["He said \u201cstop.\u201d", "Then left."]),
        ("It costs approx. five dollars.", ["It costs approx. five dollars."]),
        ("A first line\nwraps here. Second.", ["A first line\nwraps here.", "Second."]),
        ("Version 2.5 is out. Yes.", ["Version 2.5 is out.", "Yes."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_sentence_offsets_index_the_block_text() -> None:
    (block,) = doc_of("*One* two. Three four.").blocks
    spans = [(s.start, s.end) for s in sentences(block)]
    assert [block.text[a:b] for a, b in spans] == ["One two.", "Three four."]


def test_sections_nest_and_stop_at_same_level() -> None:
    doc = doc_of("intro\n\n# A\n\na1\n\n## B\n\nb1\n\n# C\n\nc1\n")
    names = [[b.text for b in section] for section in doc.sections]
    assert names == [["intro"], ["A", "a1", "B", "b1"], ["B", "b1"], ["C", "c1"]]


def test_search_respects_sentence_scope() -> None:
    import re

    doc = doc_of("It ends in medicine. Precision follows.")
    pattern = re.compile(r"medicine\. Precision")
    assert list(doc.find(pattern, "sentence")) == []
    assert len(list(doc.find(pattern, "paragraph"))) == 1


def test_find_never_crosses_blocks_and_maps_offsets_back() -> None:
    import re

    doc = doc_of("# Alpha beta\n\nbeta gamma\n\n- gamma beta\n")
    found = [(f.block.text, f.start, f.end) for f in doc.find(re.compile(r"beta"))]
    assert found == [("Alpha beta", 6, 10), ("beta gamma", 0, 4), ("gamma beta", 6, 10)]
    assert list(doc.find(re.compile(r"beta\s+beta"))) == []
