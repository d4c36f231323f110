"""Units that rule kinds work on: sentences, paragraphs (blocks), sections and the document.

All units are spans of blocks' prose text, so any match a kind finds maps straight back to
the source through `Block.span`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from termlint.markdown import OBJ, Block
from termlint.source import Source

__all__ = ["OBJ", "Block", "Document", "Sentence", "sentences"]

# Lower-cased words (with their final dot) that do not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "e.g.", "i.e.", "etc.", "vs.", "v.", "cf.", "al.", "approx.", "ca.", "dr.", "mr.",
        "mrs.", "ms.", "prof.", "sr.", "jr.", "st.", "no.", "nos.", "fig.", "figs.", "eq.",
        "ref.", "refs.", "vol.", "pp.", "p.", "ed.", "eds.", "dept.", "univ.", "inc.", "ltd.",
        "co.", "corp.", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.",
        "oct.", "nov.", "dec.", "mon.", "tue.", "wed.", "thu.", "fri.", "sat.", "sun.", "min.",
        "max.", "avg.", "incl.", "excl.", "esp.", "viz.", "resp.", "aka.", "a.k.a.", "u.s.",
        "u.k.", "e.u.", "ph.d.", "m.d.", "b.sc.", "m.sc.",
    ]
)
# End punctuation, then closing quotes or brackets, then white space.
_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")


@dataclass(frozen=True)
class Sentence:
    block: Block
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]


def _is_boundary(text: str, end: re.Match[str]) -> bool:
    if text[end.start()] != ".":
        return True
    word_start = max(text.rfind(" ", 0, end.start()), text.rfind("\n", 0, end.start())) + 1
    word = text[word_start : end.start() + 1].lstrip("(\"'\u201c\u2018")
    if word.lower() in ABBREVIATIONS or _INITIALS.fullmatch(word):
        return False
    following = text[end.end() :].lstrip()
    # "approx. five" or "e.g. a gene": a lower-case continuation is not a new sentence.
    return not following[:1].islower()


def sentences(block: Block) -> list[Sentence]:
    """Split a block's prose into sentences, trimmed of surrounding white space."""
    text = block.text
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _END.finditer(text):
        if _is_boundary(text, end):
            spans.append((start, end.end()))
            start = end.end()
    spans.append((start, len(text)))
    result = []
    for begin, finish in spans:
        chunk = text[begin:finish]
        stripped = chunk.strip()
        if stripped:
            offset = begin + len(chunk) - len(chunk.lstrip())
            result.append(Sentence(block, offset, offset + len(stripped)))
    return result


@dataclass
class Document:
    source: Source
    blocks: list[Block]
    _index: dict[int, int] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {id(block): i for i, block in enumerate(self.blocks)}

    @cached_property
    def sentences(self) -> dict[int, list[Sentence]]:
        """Sentences of each block, keyed by the block's index."""
        return {i: sentences(block) for i, block in enumerate(self.blocks)}

    def index(self, block: Block) -> int:
        return self._index[id(block)]

    def order(self, block: Block, offset: int) -> tuple[int, int]:
        """A sort key for a position in the document."""
        return (self.index(block), offset)

    def sentence_at(self, block: Block, offset: int) -> Sentence:
        for sentence in self.sentences[self.index(block)]:
            if offset < sentence.end:
                return sentence
        return self.sentences[self.index(block)][-1]

    @cached_property
    def sections(self) -> list[list[Block]]:
        """Each heading with the blocks up to the next heading of the same or a higher level.

        Sections nest (an h2's section contains its h3 sections); blocks before the first
        heading form a section of their own.
        """
        result: list[list[Block]] = []
        leading: list[Block] = []
        for i, block in enumerate(self.blocks):
            if block.kind != "heading":
                if not result:
                    leading.append(block)
                continue
            section = [block]
            for later in self.blocks[i + 1 :]:
                if later.kind == "heading" and later.level <= block.level:
                    break
                section.append(later)
            result.append(section)
        return [leading, *result] if leading else result

    def scopes(self, scope: str) -> Iterator[Sequence[Block]]:
        """The groups of blocks a scope stands for (sentences are handled by `search`)."""
        if scope == "document":
            yield self.blocks
        elif scope == "section":
            yield from self.sections
        else:
            for block in self.blocks:
                yield (block,)

    def search(
        self,
        patterns: Iterable[re.Pattern[str]],
        scope: str,
        blocks: Sequence[Block] | None = None,
    ) -> Iterator[tuple[Block, re.Match[str]]]:
        """Every match of the patterns in the blocks, in document order per pattern.

        Matches never cross blocks; with the sentence scope they never cross sentences either.
        """
        for pattern in patterns:
            for block in self.blocks if blocks is None else blocks:
                for match in pattern.finditer(block.text):
                    if scope == "sentence" and not self._within_sentence(block, match):
                        continue
                    yield block, match

    def _within_sentence(self, block: Block, match: re.Match[str]) -> bool:
        sentence = self.sentence_at(block, match.start())
        return match.end() <= sentence.end
