"""Markdown to prose: blocks of prose text, each character mapped back to its exact source offset.

All offsets index `Source.norm`, the very text markdown-it-py parses (line endings normalised to
LF, NUL replaced). Nothing here searches the document for a phrase. For each `inline` token:

1. its `content` (what the inline parser saw: container prefixes and indentation removed, ends
   trimmed, `\\|` unescaped in table cells) is mapped back to `norm` line by line, as *segments*;
2. its children are walked over that content with a cursor that only moves forward, checking
   that each child's source text is exactly where the inline parser must have read it.

A child that is not where it must be ends the block's prose there and is recorded in
`Parsed.dropped`: a word left unlinted is a lesser evil than a finding at the wrong place.

Non-prose inline constructs (code spans, inline HTML, autolinks) become one `OBJ` character
standing for their whole source; URLs, e-mail addresses, template tags, wiki links and footnote
labels inside prose are masked with `OBJ`, one per character.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

    from termlint.source import Source

__all__ = ["OBJ", "Block", "Comment", "Parsed", "parse"]

OBJ = "\ufffc"  # stands for non-prose
# markdown-it's own default (20) silently skips list items nested ten deep; deeper than this,
# Python's recursion limit would end the parse anyway (reported as an error, never silently).
MAX_NESTING = 400

# (prose_start, prose_len, src_start, src_len). Equal lengths: identity, the prose characters are
# the source characters. Otherwise atomic: the prose stands for the source span as a whole.
Run = tuple[int, int, int, int]
# The same shape from an inline token's content to `norm`; a segment is either identity or a
# single `|` standing for a table cell's `\|`.
Seg = tuple[int, int, int, int]

_PROSE_START = itemgetter(0)
_CONTAINERS = frozenset(
    {"blockquote", "bullet_list", "ordered_list", "list_item", "table", "admonition"}
)
_EMPHASIS = frozenset(
    {"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"}
)
_COMMENT = re.compile(r"<!--(?:>|->|.*?-->)", re.DOTALL)
_LIST_MARKER = re.compile(r"[-+*]|\d{1,9}[.)]")
_FRONT_MATTER_START = re.compile(r"\s*(?:\+\+\+|---)")
_YAML_KEY = re.compile(r"""["']?[A-Za-z_][\w .'"-]*:(?:[ \t]|$)""")
_YAML_OTHER = re.compile(r"[ \t]+\S|-(?:[ \t]|$)|#")
_MASK = re.compile(
    r"\{\{.*?\}\}"  # Hugo / Liquid output tags
    r"|\{%.*?%\}"  # Liquid / Jinja statements
    r"|\[\[[^\[\]\n]*\]\]"  # Obsidian wiki links
    r"|\[\^[^\]\s]+\]"  # footnote references and labels
    r"|(?P<url>(?<![\w/.])(?:https?://|www\.)[^\s\ufffc]+)",  # bare URLs
    re.DOTALL | re.IGNORECASE,
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A Liquid include that passes prose as its content (the Jekyll documentation theme's callouts:
# {% include note.html content="..." %}): the quoted text is prose (markdown-it-py has already
# read the inline HTML in it as HTML).
_INCLUDE_CONTENT = re.compile(r"""\{%-?\s*include\s[^%]*?\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# Cheap tests that spare most blocks the scans above.
_MASK_HINT = re.compile(r"[{\[]|://|www\.", re.IGNORECASE)
# Markers that only give a block its look: a GitHub or Obsidian alert opening a blockquote
# ("> [!NOTE]"), and MyST colon-fence lines (":::{note}", ":::"). Masked like a URL, they are
# no words of the sentence after them.
_MARKER = re.compile(r"\A\[![A-Za-z]+\][+-]?(?=\s|\Z)|^:{3,}[ \t]*(?:\{[\w-]+\}[^\n]*)?$",
                     re.MULTILINE)
# Sentence punctuation that ends a bare URL's match but not the URL.
_URL_TAIL = ".,;:!?'\"*_"
_BRACKETS = {")": "(", "]": "[", "}": "{", ">": "<"}


class Block(NamedTuple):
    kind: str  # "paragraph" | "heading" | "table_cell"
    text: str  # the prose of one inline token
    runs: tuple[Run, ...]  # increasing, covering every char of text
    line: int  # 0-based first line, token.map[0]
    level: int = 0  # heading level 1..6, else 0
    # Enclosing containers, outermost first: (token type without "_open", index of its token).
    containers: tuple[tuple[str, int], ...] = ()

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Norm offsets [src_start, src_end) of the prose text[start:end]; end > start."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"bad prose span {start}:{end} of {len(self.text)}")
        first = self.runs[bisect_right(self.runs, start, key=_PROSE_START) - 1]
        last = self.runs[bisect_right(self.runs, end - 1, key=_PROSE_START) - 1]
        return _source_at(first, start), _source_after(last, end - 1)


class Comment(NamedTuple):
    text: str  # the whole comment, `<!--` and `-->` included
    start: int
    end: int


class Parsed(NamedTuple):
    blocks: list[Block]
    comments: list[Comment]
    # Where prose could not be aligned and was left out, as "line N: reason" (1-based lines).
    dropped: list[str]


def _source_at(run: Run, offset: int) -> int:
    prose, prose_len, src, src_len = run
    return src + offset - prose if prose_len == src_len else src


def _source_after(run: Run, offset: int) -> int:
    prose, prose_len, src, src_len = run
    return src + offset - prose + 1 if prose_len == src_len else src + src_len


# --- the parser -------------------------------------------------------------------------------


class _Kit(NamedTuple):
    """The parser and the helpers the aligner shares with it, imported once on first use."""

    md: MarkdownIt
    destination: Callable[[str, int, int], Any]
    title: Callable[[str, int, int], Any]
    normalize_reference: Callable[[str], str]
    trim: str | None  # the characters markdown-it-py trims (None: str.strip's default)


# An admonition's first line ("!!! note", "??? tip"): only a document with one is parsed with
# the admon plugin, whose rule would otherwise be tried at every line of every paragraph.
_ADMONITION = re.compile(r"^[ \t>]*(?:!!!|\?\?\?)", re.MULTILINE)


@functools.cache
def _kit(admonitions: bool = False) -> _Kit:
    from markdown_it import MarkdownIt
    from markdown_it.common import utils
    from markdown_it.helpers import parseLinkDestination, parseLinkTitle
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = (
        MarkdownIt("commonmark", {"store_labels": True, "maxNesting": MAX_NESTING})
        .enable(["table", "strikethrough"])
        # Keeps escapes and entities as `text_special` tokens whose markup is their source.
        .disable("text_join")
        .use(front_matter_plugin)
    )
    if admonitions:
        # MkDocs admonitions ("!!! note" over indented prose): their body is prose, not code.
        from mdit_py_plugins.admon import admon_plugin

        md.use(admon_plugin)
    return _Kit(
        md,
        parseLinkDestination,
        parseLinkTitle,
        utils.normalizeReference,
        getattr(utils, "MD_TRIM_CHARS", None),
    )


def parse(source: Source, wanted: Callable[[str], bool] | None = None) -> Parsed:
    """Prose blocks and HTML comments of a Markdown source.

    With `wanted`, nothing is aligned (and an empty Parsed is returned) unless
    `wanted(inline_text(tokens))` says the prose may hold something of interest.
    """
    norm = source.norm
    # The plain test first: the pattern's scan of a whole file costs as much as its inline text.
    admonitions = ("!!!" in norm or "???" in norm) and _ADMONITION.search(norm) is not None
    kit = _kit(admonitions)
    starts = source.norm_starts
    text = norm
    foreign = _foreign_front_matter(norm, starts)
    if foreign is not None:
        # Blank the lines (same length, so every offset holds) rather than drop blocks later:
        # text right after a closing `+++` would otherwise join the front matter's paragraph.
        begin, end = starts[foreign[0]], _line_end(norm, starts, foreign[1] - 1)
        text = norm[:begin] + re.sub(r"[^\n]", " ", norm[begin:end]) + norm[end:]
    builder = _Builder(kit, text, norm, starts)
    try:
        tokens = kit.md.parse(text)
    except IndexError:
        # markdown-it-py 4.3 reads past the end of a file that ends in a lone `>` inside a list
        # inside a quote (`> - <!--` then `>`); a final line break, which changes no offset and
        # no meaning, avoids it.
        tokens = kit.md.parse(text + "\n")
    if tokens and max(token.level for token in tokens) >= MAX_NESTING - 1:
        # markdown-it stops nesting there and drops what is deeper, without a word.
        raise NestingError(f"nested deeper than {MAX_NESTING // 2} levels; not linted")
    if wanted is not None and not wanted(inline_text(tokens)):
        return Parsed([], [], [])
    builder.run(tokens)
    builder.comments.sort(key=lambda comment: comment.start)
    return Parsed(builder.blocks, builder.comments, builder.dropped)


def inline_text(tokens: Sequence[Token]) -> str:
    """Every character of prose, in order, with less in between than the aligned blocks have.

    Prose is built from exactly these text tokens; the aligner only adds separators (line
    breaks, U+FFFC for code and HTML, block breaks) between them or masks some of them. So any
    string without U+FFFC found in a block's text is also found here once every run of white
    space counts as one space on both sides, which is all the skip test in termlint.linter
    needs, at a fraction of the aligner's cost.
    """
    pieces: list[str] = []
    for token in tokens:
        if token.type == "inline" and token.children:
            _collect(token.children, pieces)
    return "".join(pieces)


def _collect(children: Sequence[Token], pieces: list[str]) -> None:
    for child in children:
        if child.type in ("text", "text_special"):
            pieces.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            pieces.append("\n")
        elif child.children:  # an image's alt text
            _collect(child.children, pieces)


class NestingError(Exception):
    """Lists or quotes nested too deeply to lint every line."""


# --- front matter the plugin does not see -----------------------------------------------------


def _lines(text: str, starts: Sequence[int]) -> list[str]:
    return [text[starts[i] : _line_end(text, starts, i)] for i in range(len(starts))]


def _foreign_front_matter(norm: str, starts: Sequence[int]) -> tuple[int, int] | None:
    """Lines [first, end) of TOML front matter, or of YAML front matter after blank lines.

    YAML at the very first line is the plugin's; a `---` block anywhere else is taken for front
    matter only when it plainly is YAML, since it may be a thematic break and a setext heading.
    """
    if norm.startswith("---") or not _FRONT_MATTER_START.match(norm):
        return None
    lines = _lines(norm, starts)
    first = next(i for i, line in enumerate(lines) if line.strip())
    opening = lines[first].rstrip(" \t")
    if opening not in ("+++", "---"):
        return None
    close = next(
        (j for j in range(first + 1, len(lines)) if lines[j].rstrip(" \t") == opening), None
    )
    if close is None:
        return None
    if opening == "---" and not _plainly_yaml(lines[first + 1 : close]):
        return None
    return first, close + 1


def _plainly_yaml(lines: list[str]) -> bool:
    body = [line for line in lines if line.strip()]
    return bool(body) and _YAML_KEY.match(body[0]) is not None and all(
        _YAML_KEY.match(line) or _YAML_OTHER.match(line) for line in body
    )


# --- content to source, per kind of inline token ----------------------------------------------


def _line_end(text: str, starts: Sequence[int], line: int) -> int:
    return starts[line + 1] - 1 if line + 1 < len(starts) else len(text)


def _paragraph_segments(
    text: str, starts: Sequence[int], content: str, first: int, count: int, trim: str | None
) -> list[Seg] | None:
    """Segments of a paragraph's or setext heading's content spread over `count` lines.

    Each content line is the end of its source line (markdown-it-py's getLines), except that
    leading white space may come from a partly consumed tab and the whole content is trimmed;
    a line of white space only may have been trimmed away, hence the shift.
    """
    lines = content.split("\n")
    for shift in range(max(0, count - len(lines)) + 1):
        if first + shift + len(lines) > len(starts):
            break
        segments = _line_segments(text, starts, lines, first + shift, trim)
        if segments is not None:
            return segments
    return None


def _line_segments(
    text: str, starts: Sequence[int], lines: list[str], first: int, trim: str | None
) -> list[Seg] | None:
    segments: list[Seg] = []
    offset = 0
    last = len(lines) - 1
    for i, line in enumerate(lines):
        begin = starts[first + i]
        end = _line_end(text, starts, first + i)
        body = line if i == 0 else line.lstrip(" \t")
        if i == last:
            end = begin + len(text[begin:end].rstrip(trim))
        start = end - len(body)
        if start < begin or not text.startswith(body, start):
            return None
        lead = len(line) - len(body)
        # Leading white space is skipped by the inline parser after a line break, but may sit
        # inside a code span or HTML: map as much of it as holds the same characters.
        back = 0
        while back < lead and start - back > begin:
            if text[start - back - 1] != line[lead - back - 1]:
                break
            back += 1
        size = back + len(body) + int(i < last)  # with the line's "\n" when another line follows
        segments.append((offset + lead - back, size, start - back, size))
        offset += len(line) + 1
    return segments


def _atx_segments(text: str, starts: Sequence[int], content: str, line: int) -> list[Seg] | None:
    begin, end = starts[line], _line_end(text, starts, line)
    # Container prefixes hold no `#`, so the first `#` run is the heading's opening sequence,
    # and only white space separates it from the (trimmed) content.
    hashes = text.find("#", begin, end)
    if hashes < 0:
        return None
    while hashes < end and text[hashes] == "#":
        hashes += 1
    start = text.find(content, hashes, end)
    return None if start < 0 else [(0, len(content), start, len(content))]


def _row_cells(
    text: str, starts: Sequence[int], line: int, containers: list[tuple[str, int, Token]],
    trim: str | None,
) -> list[tuple[str, list[Seg]]]:
    """Each cell's content and segments, split as markdown-it-py's table rule splits the row."""
    begin, end = starts[line], _line_end(text, starts, line)
    pos = begin
    for kind, _, token in containers:
        # Table rows are never lazy lines, so every enclosing blockquote has its `>` here and a
        # list item has its marker on its own first line.
        if kind == "blockquote":
            pos = _skip_blank(text, pos, end)
            if text.startswith(">", pos):
                pos += 1
        elif kind == "list_item" and token.map and token.map[0] == line:
            marker = _LIST_MARKER.match(text, _skip_blank(text, pos, end), end)
            if marker:
                pos = marker.end()
    pos = _skip_blank(text, pos, end)
    row = text[pos:end]
    lead = len(row) - len(row.lstrip(trim))
    row = row.strip(trim)
    pos += lead
    pieces: list[list[tuple[str, int, int]]] = [[]]
    for i, char in enumerate(row):
        if char != "|":
            pieces[-1].append((char, pos + i, 1))
        elif i and row[i - 1] == "\\":
            pieces[-1][-1] = ("|", pos + i - 1, 2)  # the cell holds `|` where the row has `\|`
        else:
            pieces.append([])
    if pieces and not pieces[0]:
        pieces.pop(0)
    if pieces and not pieces[-1]:
        pieces.pop()
    return [_cell(piece, trim) for piece in pieces]


def _cell(piece: list[tuple[str, int, int]], trim: str | None) -> tuple[str, list[Seg]]:
    content = "".join(char for char, _, _ in piece)
    stripped = content.strip(trim)
    lead = len(content) - len(content.lstrip(trim))
    segments: list[Seg] = []
    for offset, (_, src, size) in enumerate(piece[lead : lead + len(stripped)]):
        if segments and size == 1 and segments[-1][1] == segments[-1][3]:
            start, length, src_start, _ = segments[-1]
            if src_start + length == src:
                segments[-1] = (start, length + 1, src_start, length + 1)
                continue
        segments.append((offset, 1, src, size))
    return stripped, segments


def _skip_blank(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t":
        pos += 1
    return pos


# --- walking the children of one inline token -------------------------------------------------


class _Lost(Exception):
    """A child's source is not where the inline parser must have read it."""


def _link_close(tokens: Sequence[Token], open_index: int) -> int:
    """Index of the link_close matching the link_open at `open_index` (autolinks may nest)."""
    depth = 0
    for index in range(open_index, len(tokens)):
        kind = tokens[index].type
        if kind == "link_open":
            depth += 1
        elif kind == "link_close":
            depth -= 1
            if depth == 0:
                return index
    return len(tokens)


class _Walker:
    """Builds the prose and runs of one inline token from its children.

    `pos` is a cursor into the token's content; `segments` map content to `norm`.
    """

    def __init__(
        self, kit: _Kit, text: str, content: str, segments: list[Seg], comments: list[Comment]
    ) -> None:
        self.kit = kit
        self.text = text
        self.content = content
        self.segments = segments
        self.segment_starts = [segment[0] for segment in segments]
        self.comments = comments
        self.pos = 0
        self.prose: list[str] = []
        self.runs: list[Run] = []
        self.size = 0

    # mapping content to source

    def _segment(self, offset: int) -> Seg:
        i = bisect_right(self.segment_starts, offset) - 1
        if i >= 0 and offset < self.segments[i][0] + self.segments[i][1]:
            return self.segments[i]
        raise _Lost(f"no source for content offset {offset}")

    def _source_at(self, offset: int) -> int:
        return _source_at(self._segment(offset), offset)

    def _source_after(self, offset: int) -> int:
        return _source_after(self._segment(offset), offset)

    def _add(self, prose: str, src: int, src_len: int) -> None:
        size = len(prose)
        if self.runs and size == src_len:
            last = self.runs[-1]
            if last[1] == last[3] and last[0] + last[1] == self.size and last[2] + last[3] == src:
                self.runs[-1] = (last[0], last[1] + size, last[2], last[3] + size)
                self.prose.append(prose)
                self.size += size
                return
        self.runs.append((self.size, size, src, src_len))
        self.prose.append(prose)
        self.size += size

    def _verbatim(self, start: int, end: int) -> None:
        """Prose content[start:end], each character at its own source offset."""
        pos = start
        while pos < end:
            seg_start, seg_len, src, src_len = self._segment(pos)
            if seg_len == src_len:
                size = min(end, seg_start + seg_len) - pos
                self._add(self.content[pos : pos + size], src + pos - seg_start, size)
                pos += size
            else:
                self._add(self.content[pos], src, src_len)
                pos += 1

    def _atomic(self, prose: str, start: int, end: int) -> tuple[int, int]:
        """Prose standing for content[start:end] as a whole; returns its source span."""
        src = self._source_at(start)
        src_end = self._source_after(end - 1)
        self._add(prose, src, src_end - src)
        return src, src_end

    def _expect(self, markup: str) -> int:
        """The end of `markup`, which must sit at the cursor."""
        if not markup or not self.content.startswith(markup, self.pos):
            raise _Lost(f"{markup!r} not at content offset {self.pos}")
        return self.pos + len(markup)

    # the walk

    def walk(self, tokens: Sequence[Token], limit: int) -> None:
        """Consume `tokens`; `limit` bounds link tails as the inline parser's posMax did."""
        i = 0
        while i < len(tokens):
            token = tokens[i]
            kind = token.type
            if kind == "link_open":
                close = _link_close(tokens, i)
                if token.markup == "autolink":
                    self._autolink()
                else:
                    self._link(token, tokens[i + 1 : close], limit)
                i = close + 1
                continue
            if kind == "text":
                end = self._expect(token.content) if token.content else self.pos
                self._verbatim(self.pos, end)
                self.pos = end
            elif kind == "text_special":
                self._text_special(token)
            elif kind == "softbreak":
                self._softbreak()
            elif kind == "hardbreak":
                self._hardbreak()
            elif kind == "code_inline":
                self._code(token)
            elif kind == "html_inline":
                self._html(token)
            elif kind == "image":
                self._image(token, limit)
            elif kind in _EMPHASIS:
                self.pos = self._expect(token.markup)
            else:
                raise _Lost(f"unexpected {kind} token")
            i += 1

    def _text_special(self, token: Token) -> None:
        end = self._expect(token.markup)
        if token.content == token.markup:  # a backslash before a character it cannot escape
            self._verbatim(self.pos, end)
        else:
            self._atomic(token.content, self.pos, end)
        self.pos = end

    def _after_break(self, pos: int) -> int:
        while pos < len(self.content) and self.content[pos] in " \t":
            pos += 1
        return pos

    def _softbreak(self) -> None:
        # The one space before the break was trimmed from the text before it.
        pos = self.pos
        while self.content.startswith(" ", pos):
            pos += 1
        if not self.content.startswith("\n", pos):
            raise _Lost(f"no line break at content offset {pos}")
        self._verbatim(pos, pos + 1)
        self.pos = self._after_break(pos + 1)

    def _hardbreak(self) -> None:
        pos = self.pos
        if self.content.startswith("\\\n", pos):
            end = pos + 2
        else:
            while self.content.startswith(" ", pos):
                pos += 1
            if pos == self.pos or not self.content.startswith("\n", pos):
                raise _Lost(f"no hard break at content offset {self.pos}")
            end = pos + 1
        self._atomic("\n", self.pos, end)
        self.pos = self._after_break(end)

    def _code_end(self, pos: int, length: int, limit: int) -> int:
        """End of the closing backtick run of exactly `length` from `pos`, or -1."""
        content = self.content
        while (start := content.find("`", pos, limit)) >= 0:
            pos = start + 1
            while pos < limit and content[pos] == "`":
                pos += 1
            if pos - start == length:
                return pos
        return -1

    def _code(self, token: Token) -> None:
        opened = self._expect(token.markup)
        end = self._code_end(opened, len(token.markup), len(self.content))
        if end < 0:
            raise _Lost("code span without its closing backticks")
        self._atomic(OBJ, self.pos, end)
        self.pos = end

    def _html(self, token: Token) -> None:
        end = self._expect(token.content)
        src, src_end = self._atomic(OBJ, self.pos, end)
        if token.content.startswith("<!--"):
            self.comments.append(Comment(self.text[src:src_end], src, src_end))
        self.pos = end

    def _autolink(self) -> None:
        end = self.content.find(">", self._expect("<")) + 1
        if end <= 0:
            raise _Lost("autolink without its `>`")
        self._atomic(OBJ, self.pos, end)
        self.pos = end

    def _link(self, token: Token, children: Sequence[Token], limit: int) -> None:
        start = self.pos
        label_start = self._expect("[")
        mark = (len(self.prose), len(self.runs), self.size)
        self.pos = label_start
        self.walk(children, limit)
        self._expect("]")
        self.pos = self._tail(token, label_start, self.pos, limit, "href")
        if token.meta.get("label", "").startswith("^"):
            # `[^1]` with a `[^1]: ...` line is a footnote to the writer, a link to CommonMark.
            del self.prose[mark[0] :], self.runs[mark[1] :]
            self.size = mark[2]
            self._atomic(OBJ, start, self.pos)

    def _image(self, token: Token, limit: int) -> None:
        label_start = self._expect("![")
        label_end = label_start + len(token.content)
        if not self.content.startswith(token.content + "]", label_start):
            raise _Lost("image alt text not at the cursor")
        self.pos = label_start
        # The alt text was parsed on its own, so its link tails end with it.
        self.walk(token.children or (), label_end)
        if self.pos > label_end:
            raise _Lost("image alt text overran its brackets")
        self.pos = self._tail(token, label_start, label_end, limit, "src")

    # link tails, exactly as markdown-it-py's link and image rules read them

    def _skip_space(self, pos: int, limit: int) -> int:
        while pos < limit and self.content[pos] in " \t\n":
            pos += 1
        return pos

    def _tail(self, token: Token, label_start: int, label_end: int, limit: int, attr: str) -> int:
        """The end of `](dest "title")`, `][label]`, `][]` or `]` after a link's text.

        The parse is checked against the token (its URL, or its reference label), so a tail
        read differently from the parser is a loss, not a wrong position.
        """
        content = self.content
        pos = label_end + 1
        reference = True
        if pos < limit and content[pos] == "(":
            reference = False
            pos = self._skip_space(pos + 1, limit)
            if pos >= limit:
                raise _Lost("link destination runs off the end")
            href = ""
            destination = self.kit.destination(content, pos, limit)
            if destination.ok:
                href = self.kit.md.normalizeLink(destination.str)
                if self.kit.md.validateLink(href):
                    pos = destination.pos
                else:
                    href = ""
                start = pos
                pos = self._skip_space(pos, limit)
                title = self.kit.title(content, pos, limit)
                if pos < limit and start != pos and title.ok:
                    pos = self._skip_space(title.pos, limit)
            if pos >= limit or content[pos] != ")":
                reference = True
            elif token.attrs.get(attr, "") != href:
                raise _Lost("link destination read differently")
            pos += 1
        if not reference:
            return pos
        label = ""
        if pos < limit and content[pos] == "[":
            end = self._label_end(pos, limit)
            if end >= 0:
                label = content[pos + 1 : end]
                pos = end + 1
            else:
                pos = label_end + 1
        else:
            pos = label_end + 1
        if not label:
            label = content[label_start:label_end]
        if self.kit.normalize_reference(label) != token.meta.get("label"):
            raise _Lost("link reference read differently")
        return pos

    def _label_end(self, start: int, limit: int) -> int:
        """The `]` closing the label opened at `start`, or -1 (markdown-it's parseLinkLabel)."""
        content = self.content
        level = 1
        pos = start + 1
        while pos < limit:
            char = content[pos]
            if char == "]":
                level -= 1
                if level == 0:
                    return pos
            elif char == "[":
                level += 1
            elif char == "\\":
                pos += 1
            elif char == "`":
                run = pos
                while run < limit and content[run] == "`":
                    run += 1
                end = self._code_end(run, run - pos, limit)
                pos = end if end >= 0 else run
                continue
            pos += 1
        return -1


# --- from the token stream to blocks ----------------------------------------------------------


class _Builder:
    def __init__(self, kit: _Kit, text: str, norm: str, starts: Sequence[int]) -> None:
        self.kit = kit
        self.text = text  # what markdown-it-py parsed: `norm`, foreign front matter blanked
        self.norm = norm
        self.starts = starts
        self.blocks: list[Block] = []
        self.comments: list[Comment] = []
        self.dropped: list[str] = []
        self.containers: list[tuple[str, int, Token]] = []
        self.row: list[tuple[str, list[Seg]]] = []
        self.cell = 0

    def run(self, tokens: list[Token]) -> None:
        for index, token in enumerate(tokens):
            kind = token.type
            if kind.endswith("_open") and kind[:-5] in _CONTAINERS:
                self.containers.append((kind[:-5], index, token))
            elif kind.endswith("_close") and kind[:-6] in _CONTAINERS:
                self.containers.pop()
            elif kind == "tr_open" and token.map:
                self.row = _row_cells(
                    self.text, self.starts, token.map[0], self.containers, self.kit.trim
                )
                self.cell = 0
            elif kind == "inline" and token.map:
                self._inline(token, tokens[index - 1])
            elif kind == "html_block" and token.map:
                begin = self.starts[token.map[0]]
                end = _line_end(self.text, self.starts, token.map[1] - 1)
                self.comments.extend(
                    Comment(match.group(), match.start(), match.end())
                    for match in _COMMENT.finditer(self.text, begin, end)
                )

    def _inline(self, token: Token, parent: Token) -> None:
        assert token.map is not None
        first = token.map[0]
        content = token.content
        if parent.type == "paragraph_open":
            kind, level = "paragraph", 0
            segments = self._line_segments(token)
        elif parent.type == "heading_open":
            kind, level = "heading", int(parent.tag[1:])
            if parent.markup.startswith("#"):
                segments = _atx_segments(self.text, self.starts, content, first)
            else:  # setext: the inline token's map already leaves out the underline
                segments = self._line_segments(token)
        elif parent.type in ("th_open", "td_open"):
            kind, level = "table_cell", 0
            cell = self.row[self.cell] if self.cell < len(self.row) else ("", [])
            self.cell += 1
            if not content:
                return
            segments = cell[1] if cell[0] == content else None
        else:
            return
        if segments is None:
            self._drop(first, f"{kind} content not found in its lines")
            segments = []
        walker = _Walker(self.kit, self.text, content, segments, self.comments)
        try:
            walker.walk(token.children or (), len(content))
        except _Lost as lost:
            self._drop(first, str(lost))
        text, runs = self._checked("".join(walker.prose), walker.runs, first)
        if not text and kind != "heading":  # an empty heading still bounds a section
            return
        containers = tuple((name, index) for name, index, _ in self.containers)
        self.blocks.append(Block(kind, _mask(text), tuple(runs), first, level, containers))

    def _line_segments(self, token: Token) -> list[Seg] | None:
        assert token.map is not None
        first, end = token.map
        return _paragraph_segments(
            self.text, self.starts, token.content, first, end - first, self.kit.trim
        )

    def _checked(self, text: str, runs: list[Run], line: int) -> tuple[str, list[Run]]:
        """Cut the prose before the first identity run whose source differs (a bug guard)."""
        for i, (start, size, src, src_len) in enumerate(runs):
            if size == src_len and self.norm[src : src + size] != text[start : start + size]:
                self._drop(line, "prose differs from its source")
                return text[:start], runs[:i]
        return text, runs

    def _drop(self, line: int, reason: str) -> None:
        self.dropped.append(f"line {line + 1}: {reason}")


def _mask(text: str) -> str:
    """Replace URLs, e-mail addresses, template tags, wiki links, footnote labels and block
    markers by OBJ."""
    spans = []
    if text.startswith("[!") or ":::" in text:
        spans.extend(match.span() for match in _MARKER.finditer(text))
    if _MASK_HINT.search(text):
        for match in _MASK.finditer(text):
            start, end = match.span()
            if match.group("url"):
                end = start + _url_length(match.group())
            content = _INCLUDE_CONTENT.match(text, start, end) if text[start + 1] == "%" else None
            if content is not None:
                group = 1 if content.group(1) is not None else 2
                inside = content.span(group)
                spans += [(start, inside[0]), (inside[1], end)]
                continue
            spans.append((start, end))
    if "@" in text:
        spans.extend(match.span() for match in _EMAIL.finditer(text))
    if not spans:
        return text
    masked = list(text)
    for start, end in spans:
        masked[start:end] = OBJ * (end - start)
    return "".join(masked)


def _url_length(url: str) -> int:
    """A bare URL's length without trailing sentence punctuation or an unmatched bracket."""
    end = len(url)
    while end:
        char = url[end - 1]
        opening = _BRACKETS.get(char)
        unmatched = opening is not None and url.count(opening, 0, end) < url.count(char, 0, end)
        if char not in _URL_TAIL and not unmatched:
            break
        end -= 1
    return end
