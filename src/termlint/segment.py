"""Units that rule kinds work on: sentences, paragraphs (blocks), sections and the document.

All units are spans of blocks' prose text, so any match a kind finds maps straight back to
the source through `Block.span`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cached_property
from typing import NamedTuple, TypeVar

from termlint import prefilter
from termlint.markdown import OBJ, Block
from termlint.source import Source

__all__ = ["OBJ", "Block", "Document", "Found", "Sentence", "sentences"]

BLOCK_SEPARATOR = "\n\n"
T = TypeVar("T")

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
# A heading over a list of works cited: what is under it quotes titles, it is not the writer's
# prose ("8. Shah RR. ... the Achilles' heel of personalized medicine").
_CITATIONS_HEADING = re.compile(
    r"[\W\d]*(?:references?|bibliography|works cited|literature(?: cited)?|citations?|"
    r"sources|further reading|notes and references|reference list)\W*", re.IGNORECASE)


class Sentence(NamedTuple):
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


# From the first character that is neither white space nor masked to the last one.
_WORDS_WITHIN = re.compile(f"[^\\s{OBJ}](?:.*[^\\s{OBJ}])?", re.DOTALL)


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
        # Non-prose before or after the words (an alert's "[!NOTE]" line, a masked tag or
        # URL) is no part of the sentence: {% include note.html content="X improves ..." %}
        # starts at X.
        words = _WORDS_WITHIN.search(chunk)
        if words is not None:
            result.append(Sentence(block, begin + words.start(), begin + words.end()))
    # Every block has at least one sentence, so any offset has one.
    return result or [Sentence(block, 0, len(text))]


class Document:
    def __init__(self, source: Source, blocks: list[Block]) -> None:
        self.source = source
        self.blocks = blocks
        self._index = {id(block): i for i, block in enumerate(blocks)}
        self._memo: dict[tuple[str, int], list[Found]] = {}
        self._starts_memo: dict[tuple[str, int], list[int] | None] = {}
        self._grouped: dict[tuple[str, int], dict[tuple[int, int], list[Found]]] = {}
        self._values: dict[object, object] = {}
        self._sentences: dict[int, list[Sentence]] = {}
        self._sentence_ends: dict[int, list[int]] = {}

    def sentences_of(self, index: int) -> list[Sentence]:
        """Sentences of the block at `index` (segmented on first use: most are never asked)."""
        found = self._sentences.get(index)
        if found is None:
            found = self._sentences[index] = sentences(self.blocks[index])
            self._sentence_ends[index] = [s.end for s in found]
        return found

    def index(self, block: Block) -> int:
        return self._index[id(block)]

    def sentence_at(self, block: Block, offset: int) -> Sentence:
        """The sentence holding a block offset (the last one for trailing white space)."""
        return self.sentences_of(self.index(block))[self.sentence_number(block, offset)]

    def sentence_number(self, block: Block, offset: int) -> int:
        index = self.index(block)
        self.sentences_of(index)
        position = bisect.bisect_right(self._sentence_ends[index], offset)
        return min(position, len(self._sentence_ends[index]) - 1)

    @cached_property
    def table_rows(self) -> list[list[int]]:
        """The block indexes of each table row's cells, rows in document order."""
        rows: dict[tuple[object, int], list[int]] = {}
        for index, block in enumerate(self.blocks):
            if block.kind == "table_cell":
                rows.setdefault((block.containers, block.line), []).append(index)
        return list(rows.values())

    @cached_property
    def _rows_by_cell(self) -> dict[int, list[int]]:
        return {index: cells for cells in self.table_rows for index in cells}

    @cached_property
    def _headers(self) -> dict[object, list[int]]:
        headers: dict[object, list[int]] = {}
        for cells in self.table_rows:  # a table's first row is its header row
            headers.setdefault(self.blocks[cells[0]].containers, cells)
        return headers

    def row_of(self, index: int) -> list[int]:
        """The block indexes of the cells of the table row holding the cell at `index`."""
        return self._rows_by_cell[index]

    def table_header(self, index: int) -> list[int]:
        """The block indexes of the header row of the table holding the cell at `index`."""
        return self._headers[self.blocks[index].containers]

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

    @cached_property
    def cited(self) -> frozenset[int]:
        """Indexes of the blocks in a section of works cited ("## References"), heading
        included: domain rules leave the titles quoted there alone."""
        return frozenset(
            self.index(block) for section in self.sections
            if section[0].kind == "heading" and _CITATIONS_HEADING.fullmatch(section[0].text)
            for block in section)

    def scopes(self, scope: str) -> Iterator[Sequence[Block]]:
        """The groups of blocks a scope stands for (sentences are handled by `find`)."""
        if scope == "document":
            yield self.blocks
        elif scope == "section":
            yield from self.sections
        else:
            for block in self.blocks:
                yield (block,)

    @cached_property
    def text(self) -> str:
        """All prose, blocks joined by a blank line (which no pattern's space can cross)."""
        return BLOCK_SEPARATOR.join(block.text for block in self.blocks)

    @cached_property
    def _starts(self) -> list[int]:
        starts, offset = [], 0
        for block in self.blocks:
            starts.append(offset)
            offset += len(block.text) + len(BLOCK_SEPARATOR)
        return starts


    def find(
        self,
        pattern: re.Pattern[str],
        scope: str = "paragraph",
        blocks: Sequence[Block] | None = None,
    ) -> Iterator[Found]:
        """Every match of a pattern in the document's prose (or in some blocks), in order.

        One scan of the whole document (rather than one per block) keeps a pack of many rules
        cheap. Matches never cross blocks; with the sentence scope they never cross sentences.
        """
        if blocks is None:
            ranges = [(0, len(self.text))]
        else:
            ranges = [(self._starts[i], self._end_of(i))
                      for i in sorted(self.index(block) for block in blocks)]
        for found in self.find_in(pattern, ranges):
            if scope == "sentence" and found.end > self.sentence_at(found.block, found.start).end:
                continue
            yield found

    def scan(self, pattern: re.Pattern[str]) -> Iterator[Found]:
        """Every match of a pattern made for this document alone, by a plain scan: working out
        its prefilter prefixes would cost more than they save."""
        return self._scan(pattern, 0, len(self.text))

    @cached_property
    def _folded(self) -> str | None:
        folded = prefilter.fold(self.text)
        # A few characters fold to two (İ): offsets would drift, so no prefilter then.
        return folded if len(folded) == len(self.text) else None

    def _positions(self, pattern: re.Pattern[str]) -> list[int] | None:
        """Where the pattern's matches can start (see prefilter), once per document."""
        key = (pattern.pattern, pattern.flags)
        if key not in self._starts_memo:
            self._starts_memo[key] = (
                None if self._folded is None
                else prefilter.candidate_positions(pattern, self._folded)
            )
        return self._starts_memo[key]

    def memo(self, key: object, compute: Callable[[], T]) -> T:
        """A value computed once per document (shared by rules that need the same thing)."""
        if key not in self._values:
            self._values[key] = compute()
        return self._values[key]  # type: ignore[no-any-return]

    def by_sentence(self, pattern: re.Pattern[str]) -> dict[tuple[int, int], list[Found]]:
        """Every match in the document, grouped by (block index, sentence number)."""
        key = (pattern.pattern, pattern.flags)
        if key not in self._grouped:
            grouped: dict[tuple[int, int], list[Found]] = {}
            # A hot loop (every family mention, every predicate): kept free of method calls.
            index_of, ends_of = self._index, self._sentence_ends
            for found in self.find_all(pattern):
                index = index_of[id(found.block)]
                ends = ends_of.get(index)
                if ends is None:
                    self.sentences_of(index)
                    ends = ends_of[index]
                number = min(bisect.bisect_right(ends, found.start), len(ends) - 1)
                grouped.setdefault((index, number), []).append(found)
            self._grouped[key] = grouped
        return self._grouped[key]

    def _block_at(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset) - 1

    def _end_of(self, index: int) -> int:
        return self._starts[index] + len(self.blocks[index].text)

    def find_all(self, pattern: re.Pattern[str]) -> list[Found]:
        """`find` over the whole document, remembered: several rules share their families."""
        key = (pattern.pattern, pattern.flags)
        if key not in self._memo:
            self._memo[key] = list(self.find(pattern))
        return self._memo[key]

    def find_in(self, pattern: re.Pattern[str], ranges: Iterable[tuple[int, int]]
                ) -> Iterator[Found]:
        """Matches inside ranges of `text`, exactly as if each block were searched alone.

        Ranges are scanned in place, so lookbehinds still see what precedes them. Where the
        prefilter knows where matches can start, only those positions are tried.
        """
        ranges = list(ranges)
        if sum(hi - lo for lo, hi in ranges) * 4 < len(self.text) and self._folded is not None:
            # A small part of the document: look for prefixes only there.
            positions = prefilter.candidate_positions(pattern, self._folded, ranges)
        else:
            positions = self._positions(pattern)
        for lo, hi in ranges:
            if positions is None:
                yield from self._scan(pattern, lo, hi)
            else:
                start = bisect.bisect_left(positions, lo)
                yield from self._try(pattern, positions[start:], hi)

    def _scan(self, pattern: re.Pattern[str], lo: int, hi: int) -> Iterator[Found]:
        position = lo
        while position < hi:
            match = pattern.search(self.text, position, hi)
            if match is None:
                return
            end = self._end_of(self._block_at(match.start()))
            if match.end() > end:
                # It crossed into the next block: search that block alone, as if by itself.
                match = pattern.search(self.text, match.start(), end)
                if match is None:
                    position = end + len(BLOCK_SEPARATOR)
                    continue
            yield self._found(match)
            position = max(match.end(), match.start() + 1)

    def _try(self, pattern: re.Pattern[str], positions: list[int], hi: int) -> Iterator[Found]:
        busy_until = -1
        for position in positions:
            if position >= hi:
                break
            if position < busy_until:
                continue  # inside the previous match, as finditer would skip it
            index = self._block_at(position)
            match = pattern.match(self.text, position, min(hi, self._end_of(index)))
            if match is not None:
                busy_until = match.end()
                yield self._found(match)

    def _found(self, match: re.Match[str]) -> Found:
        index = self._block_at(match.start())
        base = self._starts[index]
        return Found(self.blocks[index], match.start() - base, match.end() - base, match, base)

    def sentence_range(self, block: Block, sentence: Sentence) -> tuple[int, int]:
        """Where a sentence lies in `text`."""
        base = self._starts[self.index(block)]
        return base + sentence.start, base + sentence.end


class Found(NamedTuple):
    """A match in one block; `start`/`end` index the block's text."""

    block: Block
    start: int
    end: int
    match: re.Match[str]  # on Document.text
    base: int  # where the block starts in Document.text

    @property
    def text(self) -> str:
        return self.match.group()

