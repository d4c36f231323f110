"""The Markdown layer: which text is prose, and the exact source offset of every prose character.

Positions are asserted as the original source text at a prose match plus its (line, column),
never by trusting the aligner's own arithmetic. The run invariants are checked on every
CommonMark spec example (LF, CRLF, with a BOM) and on random Markdown from hypothesis.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import shared_path
from termlint.markdown import OBJ, Block, Parsed, parse
from termlint.segment import sentences
from termlint.source import Source, decode

# --- helpers ----------------------------------------------------------------------------------

_BREAK = re.compile(r"(?: {2,}|\\)\n")
# A code span, inline HTML, an autolink, a footnote reference that CommonMark takes for a link,
# or a block marker (an alert's "[!NOTE]", a MyST colon fence).
_CONSTRUCT = re.compile(r"(`+).*\1|<.*>|\[.*\^.*\]|\[![A-Za-z]+\][+-]?|:{3,}.*", re.DOTALL)


def _stands_for(src: str) -> str | None:
    """The prose an atomic source construct other than code or HTML stands for."""
    if _BREAK.fullmatch(src):
        return "\n"
    if src in ("\\|", "\\\\|"):  # a table cell's escaped pipe, or an escape of it
        return "|"
    if len(src) == 2 and src[0] == "\\":
        return src[1]
    if src.startswith("&") and src.endswith(";"):
        return html.unescape(src)
    return None


def run_problems(source: Source, parsed: Parsed) -> list[str]:
    """Every broken run invariant (empty when all is well)."""
    problems = []
    for block in parsed.blocks:
        where = f"block at line {block.line + 1}"
        prose_end = 0
        src_end = 0
        for run in block.runs:
            start, size, src, src_len = run
            prose = block.text[start : start + size]
            held = source.norm[src : src + src_len]
            if start != prose_end or size < 1 or src_len < 1:
                problems.append(f"{where}: run {run} does not follow at {prose_end}")
            if src < src_end or src + src_len > len(source.norm):
                problems.append(f"{where}: run {run} overlaps or leaves the source")
            prose_end, src_end = start + size, src + src_len
            if size == src_len:
                if any(p != h and p != OBJ for p, h in zip(prose, held, strict=True)):
                    problems.append(f"{where}: {prose!r} mapped to {held!r}")
                for k in range(size):  # span() agrees with the runs, character by character
                    if block.span(start + k, start + k + 1) != (src + k, src + k + 1):
                        problems.append(f"{where}: span of {start + k} is off")
            elif prose == OBJ * size:
                if not (_CONSTRUCT.fullmatch(held) or _stands_for(held) is not None):
                    problems.append(f"{where}: {OBJ!r} stands for {held!r}")
            elif _stands_for(held) != prose:
                problems.append(f"{where}: {prose!r} stands for {held!r}")
        if prose_end != len(block.text):
            problems.append(f"{where}: runs cover {prose_end} of {len(block.text)} chars")
    return problems


def parse_text(text: str) -> tuple[Source, Parsed]:
    source = decode(text.encode("utf-8"), "t.md")
    parsed = parse(source)
    assert parsed.dropped == []
    assert run_problems(source, parsed) == []
    return source, parsed


def texts(text: str) -> list[str]:
    return [block.text for block in parse_text(text)[1].blocks]


Hit = tuple[str, tuple[int, int], tuple[int, int]]


def where(text: str, phrase: str) -> list[Hit]:
    """Each prose occurrence of `phrase` (a space matches any white space, a line break too):
    the original source text there, its 1-based start and its exclusive end (line, column)."""
    source, parsed = parse_text(text)
    pattern = re.compile(r"\s+".join(map(re.escape, phrase.split())))
    hits = []
    for block in parsed.blocks:
        for match in pattern.finditer(block.text):
            start, end = block.span(*match.span())
            assert source.norm[start:end] == source.original(start, end).replace("\r\n", "\n")
            hits.append((source.original(start, end), source.position(start), source.position(end)))
    return hits


# --- exact positions --------------------------------------------------------------------------


def test_paragraph() -> None:
    text = "Intro line.\nWe use precision medicine daily.\n"
    assert where(text, "precision medicine") == [("precision medicine", (2, 8), (2, 26))]


def test_atx_headings() -> None:
    text = "## Precision medicine ##\n\n   # Closing #hashes stay\n"
    assert where(text, "Precision medicine") == [("Precision medicine", (1, 4), (1, 22))]
    assert where(text, "#hashes stay") == [("#hashes stay", (3, 14), (3, 26))]
    blocks = parse_text(text)[1].blocks
    assert [(b.kind, b.level, b.line) for b in blocks] == [("heading", 2, 0), ("heading", 1, 2)]


def test_setext_heading_spans_its_lines() -> None:
    text = "Intro.\n\nPrecision\nmedicine today\n===\n"
    assert where(text, "Precision medicine") == [("Precision\nmedicine", (3, 1), (4, 9))]
    heading = parse_text(text)[1].blocks[1]
    assert (heading.kind, heading.level, heading.line) == ("heading", 1, 2)


def test_nested_lists_three_levels() -> None:
    text = (
        "- one\n"
        "  * two precision medicine\n"
        "    1. three precision\n"
        "       medicine here\n"
        "    2) four\n"
    )
    assert where(text, "precision medicine") == [
        ("precision medicine", (2, 9), (2, 27)),
        ("precision\n       medicine", (3, 14), (4, 16)),
    ]
    blocks = parse_text(text)[1].blocks
    kinds = [[name for name, _ in block.containers] for block in blocks]
    assert kinds[2] == ["bullet_list", "list_item", "bullet_list", "list_item", "ordered_list",
                        "list_item"]


def test_blockquotes_nested_and_wrapped() -> None:
    text = "> quote precision medicine\n> > nested and a wrapped\n> > phrase here\n"
    assert where(text, "precision medicine") == [("precision medicine", (1, 9), (1, 27))]
    assert where(text, "wrapped phrase") == [("wrapped\n> > phrase", (2, 18), (3, 11))]


def test_quote_inside_list_and_list_inside_quote() -> None:
    text = "1. Item\n   > quoted precision\n   > medicine\n\n> - listed precision medicine\n"
    assert where(text, "precision medicine") == [
        ("precision\n   > medicine", (2, 13), (3, 14)),
        ("precision medicine", (5, 12), (5, 30)),
    ]
    blocks = parse_text(text)[1].blocks
    assert [name for name, _ in blocks[1].containers] == ["ordered_list", "list_item",
                                                          "blockquote"]
    assert [name for name, _ in blocks[2].containers] == ["blockquote", "bullet_list",
                                                          "list_item"]


def test_soft_break_inside_list_item_with_lazy_line() -> None:
    text = "- a precision\nmedicine lazily\n"
    assert where(text, "precision medicine") == [("precision\nmedicine", (1, 5), (2, 9))]


def test_admonition_bodies_are_prose() -> None:
    """MkDocs admonitions: the indented body is prose at its true columns (not an indented
    code block), inside an "admonition" container; the type and title line is not prose."""
    text = ('!!! note "Precision medicine"\n\n    Precision medicine\n    helps here.\n\n'
            "??? tip\n    Also precision medicine.\n")
    assert where(text, "Precision medicine helps") == [
        ("Precision medicine\n    helps", (3, 5), (4, 10))]
    assert where(text, "precision medicine") == [("precision medicine", (7, 10), (7, 28))]
    blocks = parse_text(text)[1].blocks
    assert [b.text for b in blocks] == ["Precision medicine\nhelps here.",
                                        "Also precision medicine."]
    assert all(b.containers[0][0] == "admonition" for b in blocks)


def test_block_markers_are_not_words() -> None:
    """A GitHub alert's marker and MyST colon-fence lines are masked like URLs; the sentence
    below them starts at its own first word."""
    text = "> [!NOTE]\n> Precision medicine helps.\n\n:::{tip} A title\nPrecision medicine.\n:::\n"
    blocks = parse_text(text)[1].blocks
    assert blocks[0].text == OBJ * 7 + "\nPrecision medicine helps."
    assert blocks[1].text == OBJ * 16 + "\nPrecision medicine.\n" + OBJ * 3
    assert where(text, "Precision medicine helps") == [
        ("Precision medicine helps", (2, 3), (2, 27))]
    assert [(s.start, s.end) for s in sentences(blocks[0])] == [(8, 33)]
    assert texts("A [!NOTE] mid-sentence stays.\n") == ["A [!NOTE] mid-sentence stays."]


TABLE = (
    "| Term | Note \\| precision medicine |\n"
    "|------|:----:|\n"
    "| `code` cell precision medicine | after code precision medicine |\n"
    "| only one cell |\n"
)


def test_table_cells() -> None:
    assert where(TABLE, "precision medicine") == [
        ("precision medicine", (1, 18), (1, 36)),
        ("precision medicine", (3, 15), (3, 33)),
        ("precision medicine", (3, 47), (3, 65)),
    ]
    assert where(TABLE, "Note | precision") == [("Note \\| precision", (1, 10), (1, 27))]
    blocks = parse_text(TABLE)[1].blocks
    assert [b.text for b in blocks] == [
        "Term", "Note | precision medicine", f"{OBJ} cell precision medicine",
        "after code precision medicine", "only one cell",
    ]
    assert {b.kind for b in blocks} == {"table_cell"}
    assert [b.line for b in blocks] == [0, 0, 2, 2, 3]
    assert all(b.containers == (("table", 0),) for b in blocks)


@pytest.mark.parametrize("prefix", ["> ", "- ", "> - "])
def test_table_cells_inside_containers(prefix: str) -> None:
    pad = prefix.replace("-", " ") if "-" in prefix else prefix
    text = f"{prefix}| a | b \\| precision |\n{pad}|---|---|\n{pad}| c | `d` medicine |\n"
    column = len(prefix) + 7
    assert where(text, "b | precision") == [("b \\| precision", (1, column), (1, column + 14))]
    assert where(text, "medicine") == [("medicine", (3, column + 4), (3, column + 12))]


def test_link_text_image_alt_and_emphasis() -> None:
    text = (
        'See [precision medicine](https://x.org/precision-medicine "precision medicine") now.\n'
        "\n"
        "![An *precision* medicine diagram](img/precision-medicine.png)\n"
        "\n"
        "Use **precision** _medicine_ and ~~precision medicine~~.\n"
    )
    assert where(text, "precision medicine") == [
        ("precision medicine", (1, 6), (1, 24)),
        ("precision* medicine", (3, 7), (3, 26)),
        ("precision** _medicine", (5, 7), (5, 28)),
        ("precision medicine", (5, 36), (5, 54)),
    ]


def test_reference_links_keep_only_their_text() -> None:
    text = "[full text][ref], [collapsed][] and [shortcut] end.\n\n" + (
        '[ref]: /u\n[collapsed]: /c "title"\n[shortcut]: /s\n'
    )
    assert texts(text) == ["full text, collapsed and shortcut end."]
    assert where(text, "end") == [("end", (1, 48), (1, 51))]


def test_entities_and_escapes_before_a_phrase() -> None:
    text = "Tom &amp; Jerry: \\*precision medicine\\* &copy; 2024\n"
    assert texts(text) == ["Tom & Jerry: *precision medicine* \u00a9 2024"]
    assert where(text, "precision medicine") == [("precision medicine", (1, 20), (1, 38))]
    assert where(text, "& Jerry") == [("&amp; Jerry", (1, 5), (1, 16))]
    assert where(text, "*precision") == [("\\*precision", (1, 18), (1, 29))]
    assert where(text, "2024") == [("2024", (1, 48), (1, 52))]


def test_tabs_are_kept_and_count_one_column() -> None:
    text = "Tabs\there\tprecision medicine\n\n-\tprecision\n\tmedicine in an item\n"
    assert texts(text)[0] == "Tabs\there\tprecision medicine"
    assert where(text, "precision medicine") == [
        ("precision medicine", (1, 11), (1, 29)),
        ("precision\n\tmedicine", (3, 3), (4, 10)),
    ]


def test_crlf() -> None:
    text = "Line one\r\n\r\n> a precision\r\n> medicine\r\n"
    assert where(text, "precision medicine") == [("precision\r\n> medicine", (3, 5), (4, 11))]


def test_bom_is_not_a_column() -> None:
    text = "\ufeff# Precision medicine\r\n"
    assert where(text, "Precision medicine") == [("Precision medicine", (1, 3), (1, 21))]


def test_hard_breaks_map_to_their_source() -> None:
    text = "one precision  \nmedicine and two\\\nlines\n"
    (block,) = parse_text(text)[1].blocks
    assert block.text == "one precision\nmedicine and two\nlines"
    newline = block.text.index("\n")
    assert block.span(newline, newline + 1) == (13, 16)  # "  \n"
    assert where(text, "two lines") == [("two\\\nlines", (2, 14), (3, 6))]


def test_span_rejects_empty_and_outside_ranges() -> None:
    (block,) = parse_text("Some text.\n")[1].blocks
    assert isinstance(block, Block)
    for start, end in [(3, 3), (-1, 2), (0, 99)]:
        with pytest.raises(ValueError):
            block.span(start, end)


# --- what is not prose ------------------------------------------------------------------------

EXCLUDED = """\
Kept one `secret code` kept.

```
secret fenced
```

~~~python
secret tilde
~~~

    secret indented

<div class="secret">
secret html block
</div>

Kept two <span title="secret">inside span kept</span> and <br secret> kept.

<!-- secret comment block -->

Kept three <!-- secret inline comment --> kept.

Kept [link text](https://secret.example/secret "secret title") and [ref link][secret-ref] kept.

Kept ![alt kept](secret.png 'secret') and <https://secret.example> and <secret@x.org> kept.

Kept https://example.org/secret, www.secret.org and secret@example.org kept.

Kept {{ secret }} and {% secret %} and [[secret]] and notes[^secret] [^secret2] kept.

---

[secret-ref]: https://secret.example "secret"
[^secret2]: secret-footnote-taken-for-a-link-reference-definition
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_non_prose_is_left_out(newline: str) -> None:
    found = texts(EXCLUDED.replace("\n", newline))
    assert [t for t in found if "secret" in t.lower()] == []
    assert len(found) == 7 and all(t.startswith("Kept") and t.endswith("kept.") for t in found)
    assert found[1] == f"Kept two {OBJ}inside span kept{OBJ} and {OBJ} kept."
    assert found[4] == f"Kept alt kept and {OBJ} and {OBJ} kept."


def test_a_liquid_include_passes_its_content_as_prose() -> None:
    """The Jekyll documentation theme's callouts carry prose in `content="..."`; the rest of
    the tag, and any other include, stays masked."""
    (text,) = texts('{% include note.html content="Kept <b>bold</b> words." type="secret" %}\n')
    assert text.strip(OBJ) == f"Kept {OBJ}bold{OBJ} words." and "secret" not in text
    (text,) = texts('{% include image.html file="secret.png" %} Kept.\n')
    assert text.strip(OBJ) == " Kept."
    assert where('{% include tip.html content="Kept here." %}\n', "Kept here") == [
        ("Kept here", (1, 30), (1, 39))]


def test_bare_urls_leave_trailing_punctuation() -> None:
    (text,) = texts("See https://x.org/a_(b) and (https://x.org/c). Or www.x.org!\n")
    assert text == f"See {OBJ * 19} and ({OBJ * 15}). Or {OBJ * 9}!"


def test_yaml_front_matter() -> None:
    text = "---\ntitle: secret\n---\n\nText kept.\n"
    assert where(text, "Text kept") == [("Text kept", (5, 1), (5, 10))]
    assert texts(text) == ["Text kept."]


def test_toml_front_matter_even_without_a_blank_line_after() -> None:
    text = '+++\ntitle = "secret"\ndate = 2024-01-01\n+++\nText kept right after.\n'
    assert texts(text) == ["Text kept right after."]
    assert where(text, "kept") == [("kept", (5, 6), (5, 10))]


def test_yaml_after_a_blank_first_line_is_front_matter() -> None:
    text = "\n---\ntitle: secret\ntags:\n  - secret\n---\n\n# Heading kept\n"
    assert texts(text) == ["Heading kept"]
    assert where(text, "kept") == [("kept", (8, 11), (8, 15))]


def test_a_thematic_break_and_setext_heading_are_not_front_matter() -> None:
    text = "\n---\n\nJust a heading after a rule\n---\n"
    assert texts(text) == ["Just a heading after a rule"]


def test_comments_from_html_blocks_and_inline_html() -> None:
    text = (
        "<!-- termlint-disable PM101 -->\n"
        "\n"
        "Text <!-- inline --> here.\n"
        "\n"
        "> <!-- in\n"
        "> quote -->\n"
        "\n"
        "<div>\n"
        "<!-- inside html --> <!-- two -->\n"
        "</div>\n"
        "\n"
        "| cell <!-- in cell --> |\n"
        "|---|\n"
    )
    source, parsed = parse_text(text)
    assert [c.text for c in parsed.comments] == [
        "<!-- termlint-disable PM101 -->", "<!-- inline -->", "<!-- in\n> quote -->",
        "<!-- inside html -->", "<!-- two -->", "<!-- in cell -->",
    ]
    assert all(source.norm[c.start : c.end] == c.text for c in parsed.comments)
    assert [source.position(c.start) for c in parsed.comments] == [
        (1, 1), (3, 6), (5, 3), (9, 1), (9, 22), (12, 8)
    ]


def test_markdown_it_end_of_file_bug_is_avoided() -> None:
    # markdown-it-py 4.3 raises IndexError on this input unless it ends with a line break.
    assert parse_text("> - <!--\n>")[1].comments == []


# --- the CommonMark spec ----------------------------------------------------------------------


def _spec_examples() -> list[dict[str, object]]:
    # shared_path looks in $TERMLINT_SHARED, else in ../shared beside the checkout, and skips
    # the test, naming the missing file, when it is not there.
    examples = json.loads(shared_path("testdata", "commonmark-spec.json").read_text("utf-8"))
    assert len(examples) == 652
    return examples


@pytest.mark.parametrize("variant", ["lf", "crlf", "bom"])
def test_commonmark_spec_examples_align(variant: str, capsys: pytest.CaptureFixture[str]) -> None:
    examples = _spec_examples()
    if variant == "bom":  # a sample is enough: the BOM only shifts the decoded text
        examples = examples[::13]
    failures: dict[object, list[str]] = {}
    prose = 0
    for example in examples:
        text = str(example["markdown"])
        if variant == "crlf":
            text = text.replace("\n", "\r\n")
        data = ("\ufeff" + text if variant == "bom" else text).encode("utf-8")
        source = decode(data, "spec.md")
        parsed = parse(source)
        prose += sum(len(block.text) for block in parsed.blocks)
        problems = parsed.dropped + run_problems(source, parsed)
        if problems:
            failures[example["example"]] = problems
    with capsys.disabled():
        print(f"\n{variant}: {len(examples) - len(failures)} of {len(examples)} spec examples "
              f"fully aligned ({prose} prose characters)")
    if variant != "bom":
        assert prose > 3_000  # the examples really produce prose
    assert failures == {}


# --- random Markdown --------------------------------------------------------------------------


@st.composite
def documents(draw: st.DrawFn) -> str:
    """Markdown whose prose words are unique markers `wN`; `zN` only in non-prose places."""
    numbers = itertools.count()

    def word() -> str:
        suffix = draw(st.sampled_from(["", "", "é", "😀", "naïve", "\u00a0x", "\tx"]))
        return f"w{next(numbers)}{suffix}"

    def hidden() -> str:
        return f"z{next(numbers)}"

    forms: list[Callable[[], str]] = [
        word, word, word,
        lambda: f"*{word()}*", lambda: f"**{word()}**", lambda: f"_{word()}_",
        lambda: f"~~{word()}~~", lambda: f"***{word()}***",
        lambda: f"`{hidden()}`", lambda: f"``a ` {hidden()}``",
        lambda: f'[{word()}](/{hidden()} "{hidden()}")', lambda: f"[{word()}](<{hidden()} x>)",
        lambda: f"[{word()}][ref]", lambda: "[ref]", lambda: f"[{hidden()}][^note]",
        lambda: f"![{word()} *{word()}*](/{hidden()})",
        lambda: f'<span class="{hidden()}">{word()}</span>', lambda: f"<https://{hidden()}.org>",
        lambda: f"https://x.org/{hidden()}", lambda: f"{{{{ {hidden()} }}}}",
        lambda: f"<!-- {hidden()} -->", lambda: "&amp;", lambda: "&copy;&#35;",
        lambda: "\\*\\_\\|", lambda: f"{word()}  \n", lambda: f"{word()}\\\n",
    ]

    def inline() -> str:
        return draw(st.sampled_from(forms))()

    def line() -> str:
        parts = [inline() for _ in range(draw(st.integers(1, 6)))]
        return " ".join(parts) + draw(st.sampled_from([" ", "\n", "\t"])) + word()

    def block(depth: int) -> list[str]:
        kinds = ["para", "para", "atx", "setext", "fence", "indented", "html", "table"]
        if depth < 3:
            kinds += ["quote", "bullet", "ordered"]
        kind = draw(st.sampled_from(kinds))
        if kind == "para":
            return line().split("\n")
        if kind == "atx":
            return ["#" * draw(st.integers(1, 6)) + " " + " ".join(inline().split("\n"))]
        if kind == "setext":
            return [*line().split("\n"), draw(st.sampled_from(["===", "---"]))]
        if kind == "fence":
            return ["```", hidden(), "```"]
        if kind == "indented":
            # Deep enough to stay code after any list the generator nests.
            return ["", " " * 16 + hidden()]
        if kind == "html":
            return [f'<div class="{hidden()}">', hidden(), "</div>"]
        if kind == "table":
            return [
                f"| {word()} | a \\| {word()} |",
                "|---|:-:|",
                f"| `{hidden()}` {word()} | {word()} &amp; |",
                f"| {word()} |",
            ]
        inner = [row for child in range(draw(st.integers(1, 2))) for row in
                 ([""] if child else []) + block(depth + 1)]
        if kind == "quote":
            return [f"> {row}".rstrip() if row else ">" for row in inner]
        # A tab after the marker reaches a tab stop, which moves with the list's own column.
        bullets = ["- ", "* ", "-\t"] if depth == 0 else ["- ", "* "]
        marker = draw(st.sampled_from(bullets)) if kind == "bullet" else "1. "
        pad = "\t" if marker == "-\t" else " " * len(marker)
        return [marker + inner[0], *((pad + row) if row else "" for row in inner[1:])]

    rows: list[str] = []
    for i in range(draw(st.integers(1, 5))):
        rows += ([""] if i else []) + block(0)
    rows += ["", f"[ref]: /{hidden()} '{hidden()}'", f"[^note]: {hidden()}"]
    front = draw(st.sampled_from(["", "---\nkey: {}\n---\n", "+++\nk = '{}'\n+++\n",
                                  "\n---\nkey: {}\n---\n"]))
    return front.format(hidden()) + "\n".join(rows) + "\n"


def check_markers(source: Source, parsed: Parsed) -> list[str]:
    problems = []
    for block in parsed.blocks:
        if re.search(r"z\d", block.text):
            problems.append(f"non-prose in prose: {block.text!r}")
        for match in re.finditer(r"w\d+(?!\d)", block.text):
            start, end = block.span(*match.span())
            expected = re.search(rf"(?<![0-9A-Za-z]){match.group()}(?!\d)", source.norm)
            if expected is None or (start, end) != expected.span():
                problems.append(f"{match.group()} placed at {start}:{end}")
    return problems


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents(), crlf=st.booleans(), bom=st.booleans())
def test_random_markdown_aligns(doc: str, crlf: bool, bom: bool) -> None:
    text = ("\ufeff" if bom else "") + (doc.replace("\n", "\r\n") if crlf else doc)
    source = decode(text.encode("utf-8"), "random.md")
    parsed = parse(source)
    assert parsed.dropped == []
    assert run_problems(source, parsed) == []
    assert check_markers(source, parsed) == []


SOUP = st.sampled_from([
    "a", "b c", "*", "_", "**", "~~", "`", "``", "[", "]", "(", ")", "<", ">", "!", "\\", "&",
    "|", "#", "-", "+", ":", "'", '"', "\n", "\n", "\t", "    ", "\r\n", "&amp;", "&#35;",
    "<a>", "</a>", "<!--", "-->", "http://x.y", "[r]: /u", "1. ", "- ", "> ", "\n> ", "\n- ",
    "\n  ", "\n|--|--|\n", " | ", "\\|", "é", "😀", "\u00a0", "\u3000", "```", "<http://a.b>",
    "![", "](", "\\\n", "  \n", "\n===\n", "[r][]", "[x][r]",
])


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(SOUP, min_size=1, max_size=60))
def test_random_character_soup_aligns(parts: list[str]) -> None:
    source = Source("soup.md", "".join(parts))
    parsed = parse(source)
    assert parsed.dropped == []
    assert run_problems(source, parsed) == []
