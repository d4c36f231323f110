"""Fuzz target: Markdown extraction and finding positions.

Random Markdown (and random bytes) is decoded and linted with an every-word rule and with the
bundled pack. Properties: decoding fails only with SourceError, linting never raises (deep
nesting is reported as `result.error`), and the original text at every finding's
(line, column)-(end_line, end_column) is exactly its `match`.

The normal suite runs a few examples; raise TERMLINT_FUZZ_EXAMPLES for more, or run
`python bench/fuzz.py --target markdown --minutes N`.
"""

from __future__ import annotations

import functools
import os
import tempfile
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import EVERY_WORD, source_slice, write_rules
from termlint.linter import Linter
from termlint.markdown import MAX_NESTING
from termlint.packs import load_packs
from termlint.source import SourceError, decode

EXAMPLES = int(os.environ.get("TERMLINT_FUZZ_EXAMPLES", "100"))
# Generous: two lints of a few KB take milliseconds; seconds mean backtracking at lint time.
DEADLINE = timedelta(seconds=5)
# The only errors lint_source may report instead of findings (both about nesting).
NESTING_ERRORS = frozenset({
    "nesting too deep to lint",
    f"nested deeper than {MAX_NESTING // 2} levels; not linted",
})


@functools.cache
def linters() -> tuple[Linter, ...]:
    with tempfile.TemporaryDirectory() as folder:
        every_word = load_packs([str(write_rules(Path(folder), EVERY_WORD))])
    return Linter(every_word), Linter(load_packs(["builtin:precision-medicine"]))


def check_markdown(data: bytes) -> None:
    """The fuzz property for one input file."""
    try:
        source = decode(data, "x.md")
    except SourceError:
        return
    text = data.decode("utf-8")  # cannot fail: decode() accepted it
    for linter in linters():
        result = linter.lint_source(source)
        if result.error is not None:
            assert result.error.message in NESTING_ERRORS, result.error
            continue
        for finding in result.findings:
            where = f"{finding.rule} at {finding.line}:{finding.column}"
            assert source_slice(text, finding.to_dict()) == finding.match, where
            assert source.text[finding.start : finding.end] == finding.match, where


# --- strategies ---------------------------------------------------------------------------------

# Words chosen to stress offsets: case folding that changes length (İ, ß, ﬁ), combining marks,
# emoji sequences, RTL and bidi controls, and characters str.splitlines() (but not Markdown)
# treats as line breaks.
WORDS = st.sampled_from([
    "precision medicine", "personalized medicine", "also known as", "improves outcomes",
    "CYP2C19", "clopidogrel", "game-changer", "TODO", "patient compliance", "tumour", "tumor",
    "word", "x", "a_b", "naïve", "e\u0301t\u00e9", "İstanbul", "straße", "ﬁle", "ΣΑΣ",
    "مرحبا", "שלום", "\u202eevil\u202c", "😀", "👩‍⚕️", "🇫🇷", "zero\u200bwidth", "nb\u00a0sp",
    "tab\tbed", "nul\0byte", "vt\x0bff\x0c", "nel\x85ls\u2028ps\u2029", "fs\x1cgs\x1d",
    "\uff46\uff55\uff4c\uff4c", "\ufffc", "\ufeff",
    # the claims kind's paths: stand-ins, clause openers, labels and lists after a colon
    "genomic medicine", "It", "This approach", "while", "and", "can:", "Genomic medicine:",
    "promises", "is limited", "there are challenges", "Doing so", "Why", "HLA-B*57:01", "MET",
    # aspect headings and labels, benefits with no verb, chains of stand-ins, block markers
    "Benefits", "Key benefits:", "Fewer side effects", "offers:", "It uses genes.", "They",
    "[!NOTE]", "!!!", ":::", "a revolution", "In oncology",
    # bold lines standing for headings, labels, headings that refer back, table aliases
    "**Key benefits**", "**Benefits of personalized medicine**", "Precision medicine:",
    "Why does it matter?", "Also known as", "(sometimes personalized medicine)",
    "whatever you call it", "In precision medicine,", "which leads to", "is crucial for",
])
# Arbitrary text (never surrogates, which UTF-8 cannot encode).
NOISE = st.text(st.characters(codec="utf-8"), max_size=12)
IDS = st.sampled_from(["TW900", "PM401", "PM101", "PM301", "TL001", "TL002", "XX1", "tw900",
                       "foo", "PM401,TW900", "PM401 bogus", ""])
DIRECTIVE = st.builds(
    "<!-- termlint-{} {} -->".format,
    st.sampled_from(["disable", "enable", "disable-next-line", "disable-file", "Disable",
                     "disable-line", "enable-file"]),
    IDS,
)
ENTITY = st.sampled_from(["&amp;", "&copy;", "&nbsp;", "&#35;", "&#x1F600;", "&#0;", "&#xD800;",
                          "&bogus;", "&amp", "&#99999999;"])
ESCAPE = st.sampled_from(["\\*", "\\_", "\\\\", "\\`", "\\[", "\\]", "\\|", "\\<", "\\&",
                          "\\#", "\\\n", "\\é"])
URLS = st.sampled_from(["https://x.org/a", "www.x.org/a_(b).", "https://x.org/a?b=c&d=e",
                        "a@b.co", "<https://x.org>", "<mailto:a@b.co>", "<a@b.co>", "<x:y>"])
TEMPLATING = st.sampled_from(["{{ page.title }}", "{% if x %}", "[[Wiki Link]]", "[^1]",
                              "[^note]", "{{ a\nb }}"])
INLINE_HTML = st.sampled_from(["<span>", "</span>", "<br/>", "<a href=\"x\">", "</a>",
                               "<span title=\"a > b\">", "<!-- c -->", "<!---->", "<!-->",
                               "<!-- a\nb -->", "<?php x ?>", "<![CDATA[ x ]]>", "<x-y z>"])
BREAKS = st.sampled_from(["  \n", "\\\n", "\n", "\t\n", " "])


def _wrapped(words: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        words.map(lambda w: f"*{w}*"),
        words.map(lambda w: f"**{w}**"),
        words.map(lambda w: f"_{w}_"),
        words.map(lambda w: f"~~{w}~~"),
        words.map(lambda w: f"`{w}`"),
        words.map(lambda w: f"`` {w}`x ``"),
        words.map(lambda w: f"[{w}](https://x.org/{w} \"{w}\")"),
        words.map(lambda w: f"[{w}](<a b> '{w}')"),
        words.map(lambda w: f"[a [{w}] c](u)"),
        words.map(lambda w: f"[{w}][r1]"),
        words.map(lambda w: f"[{w}][]"),
        words.map(lambda w: f"![{w}](i.png)"),
        words.map(lambda w: f"<span>{w}</span>"),
        words.map(lambda w: f"**{w}*"),  # unbalanced
        words.map(lambda w: f"`{w}"),  # unclosed code span
    )


INLINE = st.one_of(WORDS, WORDS, _wrapped(WORDS), NOISE, DIRECTIVE, ENTITY, ESCAPE, URLS,
                   TEMPLATING, INLINE_HTML, BREAKS, st.just("[r1]"))
LINE = st.lists(INLINE, min_size=1, max_size=8).map(" ".join)
INDENT = st.sampled_from(["", " ", "  ", "   ", "\t", " \t", "    "])


def _one_line(text: str) -> str:
    return text.replace("\n", " ")


@st.composite
def table(draw: st.DrawFn) -> str:
    columns = draw(st.integers(1, 4))
    cell = st.one_of(WORDS, LINE, st.just("a \\| b"), st.just("`c | d`"), st.just("`e \\| f`"),
                     st.just("")).map(_one_line)
    align = st.sampled_from(["---", ":--", "--:", ":-:", "-"])
    rows = [draw(st.lists(cell, min_size=1, max_size=columns + 1)) for _ in range(3)]
    outer = draw(st.booleans())  # leading and trailing pipes are optional

    def row(cells: list[str]) -> str:
        body = " | ".join(cells)
        return f"| {body} |" if outer else body

    head = row(rows[0][:columns] or [""])
    delimiter = row([draw(align) for _ in range(columns)])
    return "\n".join([head, delimiter, *(row(r) for r in rows[1:])])


@st.composite
def leaf(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["para", "para", "atx", "setext", "code", "fence", "html",
                                 "table", "rule", "reference", "directive", "blank"]))
    if kind == "para":
        return draw(INDENT) + draw(LINE)
    if kind == "atx":
        closing = draw(st.sampled_from(["", " #", " ###", "#"]))
        return "#" * draw(st.integers(1, 7)) + " " + _one_line(draw(LINE)) + closing
    if kind == "setext":
        return draw(LINE) + "\n" + draw(st.sampled_from(["===", "---", "  =", "- - -"]))
    if kind == "code":
        lines = draw(st.lists(LINE.map(_one_line), min_size=1, max_size=3))
        return "\n".join(draw(st.sampled_from(["    ", "\t", "  \t"])) + line for line in lines)
    if kind == "fence":
        fence = draw(st.sampled_from(["```", "~~~", "````", "``` python", "~~~ {.x}"]))
        closing = draw(st.sampled_from([fence[:3], fence[:3] + "`", "", "~~~", "```"]))
        return f"{fence}\n{draw(LINE)}\n{closing}"
    if kind == "html":
        opening, closing = draw(st.sampled_from([
            ("<div>", "</div>"), ("<pre>", "</pre>"), ("<script>", "</script>"),
            ("<!--", "-->"), ("<?x", "?>"), ("<!DOCTYPE html", ">"), ("<![CDATA[", "]]>"),
            ("<custom-tag a=\"b\">", ""), ("<table><tr><td>", "</td></tr></table>"),
        ]))
        return f"{opening}\n{draw(LINE)}\n{closing}"
    if kind == "table":
        return draw(table())
    if kind == "rule":
        return draw(st.sampled_from(["---", "***", "_ _ _", "- - -"]))
    if kind == "reference":
        title = draw(st.sampled_from(["", " \"t\"", " 't'", " (t)", "\n  \"multi\nline\""]))
        return f"[{draw(st.sampled_from(['r1', 'R1', 'x y']))}]: https://x.org/{title}"
    if kind == "directive":
        return draw(DIRECTIVE)
    return draw(st.sampled_from(["", " ", "\t", "  \t "]))


@st.composite
def deep(draw: st.DrawFn) -> str:
    """Nesting around the limit: the linter must report it as result.error, never crash."""
    depth = draw(st.integers(MAX_NESTING // 2 - 10, MAX_NESTING + 10))
    return draw(st.sampled_from([">" * depth, "- " * depth, "> - " * (depth // 2)])) + " word"


@st.composite
def block(draw: st.DrawFn, depth: int = 0) -> str:
    kinds = ["leaf", "leaf"] + (["quote", "bullet", "ordered", "marked"] if depth < 4 else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "leaf":
        return draw(leaf())
    if kind == "marked":  # an admonition, an alert, a MyST colon fence around inner blocks
        inner = "\n".join(draw(st.lists(block(depth + 1), min_size=1, max_size=2)))
        opening = draw(st.sampled_from(['!!! note', '??? tip "T"', "???+ info", "!!! x", "!!!"]))
        style = draw(st.sampled_from(["admonition", "admonition", "alert", "colon"]))
        if style == "alert":
            return "\n".join(["> [!NOTE]", *("> " + line for line in inner.split("\n"))])
        if style == "colon":
            return f":::{{note}}\n{inner}\n:::"
        gap = draw(st.sampled_from(["\n", "\n\n"]))
        return opening + gap + "\n".join("    " + line for line in inner.split("\n"))
    inner = "\n".join(draw(st.lists(block(depth + 1), min_size=1, max_size=3)))
    lines = inner.split("\n")
    lazy = draw(st.booleans())  # continuation lines without their container prefix
    if kind == "quote":
        prefix = draw(st.sampled_from(["> ", ">", ">\t", " > "]))
        return "\n".join(prefix + line if i == 0 or not lazy else line
                         for i, line in enumerate(lines))
    marker = draw(st.sampled_from(["- ", "* ", "+ ", "-\t"]) if kind == "bullet"
                  else st.sampled_from(["1. ", "2) ", "10. ", "123456789. "]))
    pad = " " * len(marker.expandtabs(4))
    return "\n".join([marker + lines[0], *(line if lazy else pad + line for line in lines[1:])])


FRONT_MATTER = st.sampled_from([
    "", "", "---\ntitle: precision medicine\ntags: [a, b]\n---\n",
    "+++\ntitle = \"precision medicine\"\n+++\n", "\n\n---\ntitle: x\n---\n",
    "---\ntitle: unclosed\n", "---\n---\n", "+++\n+++ x\n",
])
NEWLINES = st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=1, max_size=3)


@st.composite
def markdown_text(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(block(), min_size=1, max_size=6))
    # Rarely: a document with deep nesting is not linted at all, so it teaches little else.
    if draw(st.integers(0, 19)) == 0:
        blocks.insert(draw(st.integers(0, len(blocks))), draw(deep()))
    separators = draw(st.lists(st.sampled_from(["\n\n", "\n", "\n \n", "\n\n\n"]),
                               min_size=len(blocks), max_size=len(blocks)))
    body = "".join(b + s for b, s in zip(blocks, separators, strict=True))
    if not draw(st.booleans()):
        body = body.rstrip("\n")  # no final line break
    text = draw(FRONT_MATTER) + body
    # Cycle through the drawn endings, so one document can mix LF, CRLF and lone CR.
    endings = draw(NEWLINES)
    pieces = text.split("\n")
    text = pieces[0] + "".join(endings[i % len(endings)] + piece
                               for i, piece in enumerate(pieces[1:]))
    if draw(st.booleans()):
        text = text.replace("    ", "\t")
    return ("\ufeff" if draw(st.booleans()) else "") + text


# Characters that change how Markdown around them parses.
MARKUP = st.sampled_from([*"*_`[]()<>!\\|#-+=~&;:\"' \t\n\r", "\r\n", "    ", "1. ", "> "])


@st.composite
def mutated_text(draw: st.DrawFn, text: str) -> str:
    """A few markup characters inserted or deleted anywhere: the generator's blocks are
    well-formed, and the aligner is likelier to lose its place in broken ones."""
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 2))
        text = text[:at] + draw(MARKUP) * draw(st.integers(0, 3)) + text[at + cut:]
    return text


@st.composite
def mutated_bytes(draw: st.DrawFn, data: bytes) -> bytes:
    """A few random byte edits, to reach invalid UTF-8 and odd splits of valid text."""
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(out)))
        out[at:at + draw(st.integers(0, 3))] = draw(st.binary(max_size=4))
    return bytes(out)


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


MARKDOWN_BYTES = markdown_text().map(_utf8)
INPUTS = st.one_of(
    MARKDOWN_BYTES,
    markdown_text().flatmap(mutated_text).map(_utf8),
    MARKDOWN_BYTES.flatmap(mutated_bytes),
    st.text(st.characters(codec="utf-8")).map(_utf8),
    st.binary(),
)


@settings(max_examples=EXAMPLES, deadline=DEADLINE, suppress_health_check=list(HealthCheck))
@given(data=INPUTS)
def test_markdown_extraction(data: bytes) -> None:
    check_markdown(data)


def test_every_word_rule_sees_generated_prose() -> None:
    # Guard against a vacuous pass: the linters must report findings on generated-style input.
    every_word, bundled = linters()
    source = decode(b"> - *Precision medicine*, also known as personalized medicine.\n", "x.md")
    assert len(every_word.lint_source(source).findings) == 7
    assert bundled.lint_source(source).findings
