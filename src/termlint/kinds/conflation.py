"""conflation: two term families treated as one concept.

Sentence level: a construction from the rule's lexicon (alias, equivalence, shared head noun,
stacking) joins a term of each family, and neither its sentence nor a contrastive follow-up
sentence ("However, they differ.") carries a contrast or criticism cue.

Stated sameness: a sentence that names both families and says, in any order, that two things
are one ("the same concept", "equivalently", "synonyms"), with no contrast cue; or a sentence
that says so of the other family right after one naming the first ("... the same work as B").

Document level: both families are used, no construction joined them, and no contrast cue appears
anywhere: one lower-severity finding at the first use of the family that appears second.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from termlint import regexcache
from termlint.kinds import Hit, OptionError, PackContext
from termlint.kinds.grammar import (
    HEADING_LEAD,
    Skeleton,
    Tokens,
    compile_constructions,
    construction_body,
    family_names,
    family_pattern,
    lexicon,
    lexicon_pattern,
    skeleton,
    title_case_name,
    tokens_for,
)
from termlint.patterns import wrap

if TYPE_CHECKING:
    from termlint.markdown import Block
    from termlint.packs import Rule
    from termlint.segment import Document, Found

NAME = "conflation"
KEYS = {
    "families": "the two families that must not be treated as one concept",
    "constructions": "lexicon of construction templates that treat two terms as one",
    "contrast": "lexicon of cues that distinguish or criticise; anywhere in the sentence, "
    "they cancel a finding",
    "weak-contrast": "lexicon of cues that cancel a finding only between the two terms, or "
    "in a later clause opened by one of the openers ('..., but they differ')",
    "openers": "lexicon of openers ('however', 'but'): a next sentence (or later clause) "
    "opened by one and holding a contrast cue cancels the finding",
    "denials": "lexicon of sentence starts ('It is not') that deny the sentence before",
    "sameness": "lexicon of words that say two things are one ('the same concept', 'synonyms', "
    "'equivalently'); in a sentence naming both families, with no contrast cue, a conflation",
    "document-cues": "lexicon of relating or distinguishing cues; one in any sentence that "
    "names either family rules out the document-level finding (contrast cues count too)",
    "document": "severity of the document-level finding (plain alternates), or 'off'",
    "document-message": "message of the document-level finding",
}
REQUIRED = frozenset({"families", "constructions"})
SCOPES = ("sentence",)
DEFAULT_SCOPE = "sentence"
PLACEHOLDERS = frozenset({"match", "first", "second", "construction"})
DEFAULT_DOCUMENT_MESSAGE = (
    "'{second}' and '{first}' are used as alternates in this document; "
    "say how they differ, or keep to one term."
)


class Options(NamedTuple):
    constructions: re.Pattern[str]  # every construction, both ways round, over skeletons
    lexicon: str  # the constructions' lexicon name (for a finding's "why")
    tags: tuple[str, ...]  # group-name suffixes, one per construction
    tokens: Tokens
    pair: tuple[str, str]
    presence: tuple[re.Pattern[str], re.Pattern[str]]  # any form or modifier of each family
    forms: tuple[re.Pattern[str], re.Pattern[str]]  # full forms of each family
    contrast: re.Pattern[str] | None
    weak_contrast: re.Pattern[str] | None
    openers: re.Pattern[str] | None
    denials: re.Pattern[str] | None
    sameness: re.Pattern[str] | None
    document_cues: re.Pattern[str] | None
    document: str | None  # severity name, or None when off
    document_message: str


def prepare(options: Mapping[str, Any], pack: PackContext) -> Options:
    first, second = family_names(options["families"], "families", pack, 2)
    templates = lexicon(pack, options["constructions"], "constructions")
    if not templates:
        raise OptionError("constructions", f"lexicon '{options['constructions']}' is empty")
    tokens = tokens_for(pack)
    bodies = [construction_body(template, pack, tokens, "constructions", f"_{i}")
              for i, template in enumerate(templates)]
    tags = tuple(f"_{i}" for i in range(len(templates)))
    constructions = compile_constructions(bodies, templates, "constructions")
    document = options.get("document", "info")
    if document not in ("error", "warning", "info", "off"):
        raise OptionError("document", f"'document' must be error, warning, info or off, "
                          f"got {document!r}")
    message = options.get("document-message", DEFAULT_DOCUMENT_MESSAGE)
    _check_message(message)
    return Options(
        constructions=constructions,
        lexicon=str(options["constructions"]),
        tags=tags,
        tokens=tokens,
        pair=(first, second),
        # A cheap prefilter, so unguarded: "precision/personalized" must pass it.
        presence=(regexcache.compile(family_pattern(pack, [first], True), re.IGNORECASE),
                  regexcache.compile(family_pattern(pack, [second], True), re.IGNORECASE)),
        forms=(_compile(family_pattern(pack, [first])), _compile(family_pattern(pack, [second]))),
        contrast=_optional_lexicon(pack, options, "contrast"),
        weak_contrast=_optional_lexicon(pack, options, "weak-contrast"),
        openers=_optional_lexicon(pack, options, "openers"),
        denials=_optional_lexicon(pack, options, "denials"),
        sameness=_optional_lexicon(pack, options, "sameness"),
        document_cues=_optional_lexicon(pack, options, "document-cues")
        or _optional_lexicon(pack, options, "contrast"),
        document=None if document == "off" else document,
        document_message=message,
    )


def _compile(body: str) -> re.Pattern[str]:
    return regexcache.compile(wrap(body), re.IGNORECASE)


def _optional_lexicon(
    pack: PackContext, options: Mapping[str, Any], key: str
) -> re.Pattern[str] | None:
    return lexicon_pattern(pack, options[key], key) if key in options else None


def _check_message(message: object) -> None:
    if not isinstance(message, str) or not message.strip():
        raise OptionError("document-message", "'document-message' must be a non-empty string")
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(message) if name}
    except ValueError as exc:
        raise OptionError("document-message", f"bad 'document-message': {exc}") from None
    unknown = names - PLACEHOLDERS
    if unknown:
        raise OptionError("document-message", f"unknown placeholder {{{sorted(unknown)[0]}}}")


def triggers(options: Options) -> tuple[re.Pattern[str], ...]:
    return options.presence  # both families must be named


def check(rule: Rule, doc: Document) -> Iterator[Hit]:
    options: Options = rule.options
    found = False
    flagged: set[tuple[int, int]] = set()  # (block, offset) of second terms reported
    for index, opening, number in _candidates(options, doc):
        if index in doc.cited:
            continue
        block = doc.blocks[index]
        sentences = doc.sentences_of(index)
        start = sentences[opening].start  # a unit is one sentence, or two (see _candidates)
        unit = block.text[start : sentences[number].end]
        shape, matches = doc.memo(
            ("constructions", options.constructions.pattern, index, opening, number),
            lambda text=unit: _match(options, text),
        )
        for construction in matches:
            joined = _joined(options, shape.text, construction)
            if joined is None:
                continue
            sides = sorted((shape.source(a), shape.source(a + 1),
                            options.tokens.is_modifier(shape.text[a])) for a in joined)
            first, second = (side[:2] for side in sides)
            # Cues are read in the last sentence of the unit, so offsets are taken from there.
            shift = sentences[number].start - start
            if second[0] < shift:
                continue  # wholly in the first sentence: found (or cancelled) on its own
            where = (first[0] - shift, second[1] - shift, shape.source(construction.end()) - shift)
            if (index, start + second[0]) in flagged or _contrasted(
                    options, doc, index, number, where) or _mentioned(
                    options, doc, index, number,
                    (unit, first[0], max(second[1], shape.source(construction.end())))):
                continue
            flagged.add((index, start + second[0]))
            found = True
            # Only inside one sentence: an alias in the next sentence is no clause to drop.
            fix = _fix(unit, sides[0], sides[1]) if first[0] >= shift else None
            yield Hit(
                block,
                start + second[0],
                start + second[1],
                {
                    "first": unit[first[0] : first[1]],
                    "second": unit[second[0] : second[1]],
                    "construction": unit[shape.source(construction.start()) :
                                         shape.source(construction.end())],
                },
                replacement=fix[2] if fix else None,
                fix_span=(start + fix[0], start + fix[1]) if fix else None,
                why={"construction":
                     f"{options.lexicon} entry {_template(options, construction) + 1}",
                     "contrast": "no cue that distinguishes, relates or criticises the terms "
                                 "in the sentence or the next"},
            )
        if not matches and options.sameness is not None:
            hit = _stated_same(options, doc, index, opening, number, flagged)
            if hit is not None:
                found = True
                yield hit
    for hit in (*_table_rows(options, doc), *_heading_renames(options, doc)):
        found = True
        yield hit
    if not found and options.document:
        hit = _plain_alternates(options, doc)
        if hit is not None:
            yield hit


# A glossary row ("| Precision medicine | The same as personalised medicine |") reads as a
# sentence when its first cell and another are joined by one of these.
_ROW_JOINERS = (" is ", ", ")


_OPENING_QUOTES = "\"'\u201c\u2018"
_CLOSING_QUOTES = "\"'\u201d\u2019"
_QUOTES_AND_EMPHASIS = _OPENING_QUOTES + _CLOSING_QUOTES + "*_"


def _mentioned(options: Options, doc: Document, index: int, number: int,
               span: tuple[str, int, int]) -> bool:
    """A construction quoted whole, and weighed in its sentence or the next by a weak contrast
    or relating cue: it is named to be criticised, not used ('Don't write "precision/
    personalized medicine"', 'The phrase "genomic (precision) medicine" needs fixing: genomic
    medicine is one component of precision medicine'). Quoted and left alone, it is still
    passed on ('"Individualized precision medicine" turns up in many grant applications').
    `span` is (unit text, start, end)."""
    if not _quoted(*span):
        return False
    sentences = doc.sentences_of(index)
    cues = [p for p in (options.weak_contrast, options.document_cues) if p is not None]
    return any(p.search(s.text) for p in cues for s in sentences[number : number + 2])


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], give or take its own quote marks, is the whole of a
    quotation."""
    inner = text[start:end]
    start += len(inner) - len(inner.lstrip(_QUOTES_AND_EMPHASIS))
    end -= len(inner) - len(inner.rstrip(_QUOTES_AND_EMPHASIS))
    before, after = text[:start].rstrip("*_"), text[end:].lstrip("*_")
    return (bool(before) and before[-1] in _OPENING_QUOTES and after[:1] != ""
            and after[0] in _CLOSING_QUOTES
            and not any(q in text[start:end] for q in _OPENING_QUOTES + _CLOSING_QUOTES))


# A sentence about the two terms just named: "Both describe ...", "The two terms mean ..."
_BOTH = re.compile(r"[\s*_\"']*(?:both(?: terms| names)?|the two(?: terms| names)?|they)\s",
                   re.IGNORECASE)
# An answer that grants the question before it: "A: Broadly, yes.", "Essentially, yes."
_YES = re.compile(r"[\s*_>]*(?:A:\s*)?(?:(?:broadly|essentially|basically|largely|mostly|in "
                  r"practice|in short),?\s+)?(?:yes|yep|pretty much)\b", re.IGNORECASE)


def _stated_same(options: Options, doc: Document, index: int, opening: int, number: int,
                 flagged: set[tuple[int, int]]) -> Hit | None:
    """A sameness cue in the last sentence of a unit naming a term of each family (no proper
    name), in a statement, with no contrast cue. A question only asks, unless the next
    sentence answers yes ("Q: Is A the same as B? A: Broadly, yes."). A cue that opens its
    sentence links back to what came before ("In other words: A is ..."), so it is left out."""
    sentences = doc.sentences_of(index)
    last = sentences[number]
    if options.sameness is None:
        return None
    if last.text.rstrip(" *_\"')\u201d").endswith("?") and not (
            number + 1 < len(sentences) and _YES.match(sentences[number + 1].text)):
        return None
    # each family's first term in the unit (not every term of the document, unit by unit)
    families = [next((f for n in range(opening, number + 1)
                      for f in doc.by_sentence(forms).get((index, n), ())
                      if not _in_proper_name(f)), None)
                for forms in options.forms]
    if families[0] is None or families[1] is None:
        return None
    first, second = sorted(families, key=lambda f: f.start)
    if second.start < last.start or (index, second.start) in flagged:
        return None  # (the second term must be in the last sentence, as the cue is)
    text = last.text
    opening_words = len(text) - len(text.lstrip(" *_\"'"))
    cue = options.sameness.search(text, opening_words + 1)
    end = cue.end() if cue else len(text)  # where what says they are one ends
    if cue is None and opening == number and number + 1 < len(sentences):
        # ... or the next sentence says it of the two: "You may hear A or B. Both describe
        # the same idea."
        both = _BOTH.match(sentences[number + 1].text)
        cue = options.sameness.search(sentences[number + 1].text, both.end()) if both else None
    where = (first.start - last.start, second.end - last.start,
             max(end, second.end - last.start))
    if cue is None or _contrasted(options, doc, index, number, where):
        return None
    flagged.add((index, second.start))
    return Hit(last.block, second.start, second.end,
               {"first": first.text, "second": second.text, "construction": cue.group()},
               why={"construction": f"'{cue.group()}' says the two terms just named are one "
                                    "thing",
                    "contrast": "no cue that distinguishes, relates or criticises the terms "
                                "in the sentence or the next"})


def _table_rows(options: Options, doc: Document) -> Iterator[Hit]:
    """Conflations across the cells of a table row: a first cell that is one family's term,
    and a cell that renames it as the other ("also called B", "the same as B")."""
    for cells in doc.table_rows:
        head = doc.blocks[cells[0]].text.strip()
        if len(cells) < 2 or not any(p.fullmatch(head) for p in options.forms):
            continue
        header = doc.table_header(cells[0])
        for column, index in enumerate(cells[1:], 1):
            # Under a column header such as "Also known as", the row reads "A, also known as B".
            titled = (f", {doc.blocks[header[column]].text.strip().lower()} ",) \
                if header is not cells and column < len(header) else ()
            if not titled and any(p.fullmatch(doc.blocks[index].text.strip())
                                  for p in options.forms):
                continue  # terms side by side as column headers: a comparison
            hit = _row_hit(options, doc.blocks[index], head, titled)
            if hit is not None:
                yield hit


def _row_hit(options: Options, cell: Block, head: str,
             titled: tuple[str, ...] = ()) -> Hit | None:
    """The conflation, if any, in "<head> <joiner> <cell>"; reported at the cell's term."""
    if any(p is not None and p.search(cell.text)
           for p in (options.contrast, options.weak_contrast)):
        return None
    for joiner in (*_ROW_JOINERS, *titled):
        unit = head + joiner + cell.text
        offset = len(head) + len(joiner)
        shape, matches = _match(options, unit)
        for construction in matches:
            joined = _joined(options, shape.text, construction)
            if joined is None:
                continue
            first, second = sorted((shape.source(a), shape.source(a + 1)) for a in joined)
            if first[1] > len(head) or second[0] < offset:
                continue  # both terms in one cell: the cell's own sentences are checked
            return Hit(cell, second[0] - offset, second[1] - offset,
                       {"first": head, "second": unit[second[0] : second[1]],
                        "construction": unit[shape.source(construction.start()) :
                                             shape.source(construction.end())]},
                       why={"construction": f"{options.lexicon} entry "
                                            f"{_template(options, construction) + 1}, across "
                                            "the cells of a table row",
                            "contrast": "no cue that distinguishes or relates the terms in "
                                        "the cell"})
    return None


def _match(options: Options, text: str) -> tuple[Skeleton, list[re.Match[str]]]:
    """A sentence's skeleton and every construction in it (shared by the pack's rules)."""
    shape = skeleton(text, options.tokens)
    return shape, list(options.constructions.finditer(shape.text))


# A heading whose topic is one term (after its lead: emoji, numbering): "## Precision
# medicine", "## 2. What is precision medicine?"
_TOPIC_HEADING = re.compile(r"(?:(?:what (?:is|are)|about|(?:an )?introduction to)\s+)?"
                            r"(.+?)[\s?:!.]*", re.IGNORECASE)


_ALIAS_OPENING = re.compile(r"(?:also|sometimes|often|commonly) (?:known as|called|termed|"
                            r"referred to as)[\s*_\"']+", re.IGNORECASE)


def _heading_renames(options: Options, doc: Document) -> Iterator[Hit]:
    """A heading that names one family over a paragraph that opens with the other family's
    term, naming the first nowhere and relating or distinguishing nothing: the text calls
    the heading's topic by another name (LABELLING.md: "a heading naming A over a body that
    calls the same thing B")."""
    for index, heading in enumerate(doc.blocks[:-1]):
        topic = (_TOPIC_HEADING.fullmatch(heading.text, HEADING_LEAD.match(heading.text).end())
                 if heading.kind == "heading" else None)
        body = doc.blocks[index + 1]
        if topic is None or body.kind != "paragraph":
            continue
        for named, other in ((0, 1), (1, 0)):
            if not options.forms[named].fullmatch(topic.group(1)):
                continue
            first = doc.sentences_of(index + 1)[0]
            lead = len(body.text[first.start :]) - len(body.text[first.start :].lstrip(" *_\"'"))
            # ... or with that term named as its alias: "Also known as B, this service ..."
            alias = _ALIAS_OPENING.match(body.text, first.start + lead)
            lead = alias.end() - first.start if alias else lead
            renamed = options.forms[other].match(body.text, first.start + lead)
            if renamed is None or options.forms[named].search(body.text) or any(
                    p is not None and p.search(body.text)
                    for p in (options.contrast, options.weak_contrast)):
                break
            yield Hit(body, renamed.start(), renamed.end(),
                      {"first": topic.group(1), "second": renamed.group(),
                       "construction": f"{heading.text} \u2026 {renamed.group()}"},
                      why={"construction": "a heading naming one term over text that opens "
                                           "with the other",
                           "contrast": "no cue that distinguishes or relates the terms under "
                                       "the heading"})
            break


def _candidates(options: Options, doc: Document) -> list[tuple[int, int, int]]:
    """(block, first sentence, last sentence) of the units that can hold a construction: a
    sentence that names both families, or a sentence that names one right after a sentence
    that names the other ("A is .... It is also called B")."""
    first, second = (set(doc.by_sentence(pattern)) for pattern in options.presence)
    units = [(index, number, number) for index, number in first & second]
    # (the later sentence may name both: "Genomic medicine uses DNA. This field, also known
    # as precision medicine, draws on genetics.")
    for index, number in first | second:
        here, before = (index, number), (index, number - 1)
        if (here in first and before in second) or (here in second and before in first):
            units.append((index, number - 1, number))
    return sorted(units)


# Fixes (all unsafe: the writer must check the sentence still says what they meant).
# "precision/personalized medicine", "precision or personalized medicine": a shared head
_SHARED_HEAD = re.compile(r"\s*-?\s*(?:/|\bor\b|\band\b)\s*", re.IGNORECASE)
# "personalized precision medicine", "personalised, precision health": a stacking
_STACKED = re.compile(r",?\s+")
# what opens an alias clause after the first term, and what must close it
_DASHES = "(?:\u2014|\u2013|--|-)"  # em dash, en dash, ASCII stand-ins
_OPENER = re.compile(rf"(,|\s\(|\s{_DASHES})\s*")
_CLOSERS = {",": re.compile(r",|[.!?;:]|$"), "(": re.compile(r"\)")}
_DASH_CLOSER = re.compile(rf"\s{_DASHES}(?=\s)|[.!?;:]|$")
# the end of `unit[:pos]` is a sentence's start: nothing, or a sentence end, then markup
_SENTENCE_START = re.compile(r"(?:\A|[.!?:]\s+)[\s*_\"'(\[]*\Z")
# an alias clause may run this many words past the second term ("B, as most know it,")
CLAUSE_TAIL_WORDS = 8


def _fix(unit: str, first: tuple[int, int, bool],
         second: tuple[int, int, bool]) -> tuple[int, int, str] | None:
    """A mechanical edit that leaves one term, as (start, end, replacement) in `unit`, or
    None. Each side is (start, end, is a modifier)."""
    (fs, fe, first_modifier), (ss, se, second_modifier) = first, second
    between = unit[fe:ss]
    if first_modifier and second_modifier:  # "precision (or personalized) medicine"
        close = unit.find(")", se)
        if between.lstrip().startswith("(") and close != -1 and not unit[se:close].strip():
            return fe, close + 1, ""
        return None
    if first_modifier:
        if _STACKED.fullmatch(between):  # keep the full form: "precision medicine"
            if unit[ss].islower() and _SENTENCE_START.search(unit, 0, fs):
                return fs, ss + 1, unit[ss].upper()  # the kept term now starts the sentence
            return fs, ss, ""
        head = re.split(r"[-\s]+", unit[ss:se], maxsplit=1)
        if _SHARED_HEAD.fullmatch(between) and len(head) == 2:  # keep the first modifier
            return fe, se, " " + head[1]
        return None
    return _drop_alias(unit, fe, se, between)


def _drop_alias(unit: str, fe: int, se: int, between: str) -> tuple[int, int, str] | None:
    """Drop the clause that renames the first term: "A, also called B, is" -> "A is"."""
    opener = _OPENER.match(between)
    if opener is None:
        return None
    mark = opener.group(1).strip()
    closer = (_CLOSERS.get(mark) or _DASH_CLOSER).search(unit, se)
    if closer is None or len(unit[se : closer.start()].split()) > CLAUSE_TAIL_WORDS:
        return None
    if closer.group() in ("", *".!?;:"):  # the clause runs to the end of the sentence
        return fe, closer.start(), ""
    return fe, closer.end(), ""


def _template(options: Options, construction: re.Match[str]) -> int:
    """Which construction template (0-based, as in the lexicon) matched."""
    groups = construction.re.groupindex
    return next(i for i, t in enumerate(options.tags)
                if f"side{t}" in groups and construction.group(f"side{t}") is not None)


def _joined(options: Options, shape: str, construction: re.Match[str]) -> tuple[int, int] | None:
    """Skeleton offsets of the two tokens by which a construction joins the rule's families.

    One side is the `{A}`/`{a}` token; the other, any other family token in the match (so
    "A, also known as B or C" joins A with B and A with C).
    """
    groups = construction.re.groupindex
    side = next(construction.start(n) for n in (f"side{t}" for t in options.tags)
                if n in groups and construction.group(n) is not None)
    family = options.tokens.family_of(shape[side])
    if family not in options.pair:
        return None
    wanted = options.pair[1] if family == options.pair[0] else options.pair[0]
    other = next((i for i in range(construction.start(), construction.end())
                  if i != side and options.tokens.family_of(shape[i]) == wanted), None)
    return None if other is None else (side, other)


class _Cues(NamedTuple):
    """A sentence's cues, found once however many constructions the sentence holds."""

    contrast: bool  # a plain contrast cue anywhere
    weak: list[int]  # starts of weak contrast cues, in order
    openers: list[tuple[int, int]]  # (start, end) of openers ("but", "however"), in order


def _cues(options: Options, text: str) -> _Cues:
    return _Cues(
        bool(options.contrast and options.contrast.search(text)),
        [cue.start() for cue in options.weak_contrast.finditer(text)]
        if options.weak_contrast else [],
        [m.span() for m in options.openers.finditer(text)] if options.openers else [],
    )


def _contrasted(
    options: Options, doc: Document, index: int, number: int, where: tuple[int, int, int]
) -> bool:
    """Does the sentence (or the next one) distinguish the terms or deny the construction?

    `where` holds, as sentence offsets, the first term's start, the second term's end and the
    construction's end.
    """
    sentences = doc.sentences_of(index)
    cues = doc.memo(("cues", id(options), index, number),
                    lambda: _cues(options, sentences[number].text))
    first, second, end = where
    if cues.contrast:
        return True
    if cues.weak:
        # "A rather than B"
        after_first = bisect.bisect_left(cues.weak, first)
        if after_first < len(cues.weak) and cues.weak[after_first] < second:
            return True
        # "A and B are often used interchangeably, but they are different": an opener after
        # the construction, then a weak cue after the opener.
        opener = bisect.bisect_left(cues.openers, (end, -1))
        if opener < len(cues.openers) and cues.weak[-1] >= cues.openers[opener][1]:
            return True
    if number + 1 >= len(sentences):
        return False
    following = sentences[number + 1].text
    if options.denials and options.denials.match(following):
        return True
    return bool(options.openers and options.openers.match(following) and (
        (options.contrast and options.contrast.search(following))
        or (options.weak_contrast and options.weak_contrast.search(following))
    ))


def _in_proper_name(found: Found) -> bool:
    """A Title Case term followed by another capitalised word ("Precision Medicine
    Initiative", "Personalized Medicine Coalition"), or ending a name after "for" or "of"
    ("the Institute for Personalized Medicine"), outside a heading."""
    if found.block.kind == "heading":
        return False
    text = found.block.text
    return title_case_name(text, found.end) or (
        all(word[:1].isupper() for word in found.text.split())
        and _NAME_BEFORE.search(text, 0, found.start) is not None)


# A name's head before its last words: "Institute for ", "Centre of the ".
_NAME_BEFORE = re.compile(r"\b[A-Z][\w&'.-]*\s+(?:for|of)\s+(?:the\s+)?\Z")


def _plain_alternates(options: Options, doc: Document) -> Hit | None:
    # A relating or distinguishing cue counts where the writer talks about one of the terms:
    # in a sentence that names a family (anywhere else, "not" or "based on" mean nothing here).
    named = {key for forms in options.forms for key in doc.by_sentence(forms)}
    cues = [p for p in (options.document_cues, options.contrast, options.weak_contrast) if p]
    for index, number in named:
        sentences = doc.sentences_of(index)
        if any(p.search(sentences[number].text) for p in cues):
            return None
        # "Some call A B. That is misleading." / "... It is not."
        after = sentences[number + 1].text if number + 1 < len(sentences) else ""
        denied = bool(options.denials and options.denials.match(after))
        if after and (denied or (options.contrast and options.contrast.search(after))):
            return None
    # Table cells are left out: a table with both terms as column headers compares them.
    # So are proper names: "the Precision Medicine Initiative" names a programme; and titles
    # in a list of works cited.
    firsts = [next((f for f in doc.find_all(forms) if f.block.kind != "table_cell"
                    and not _in_proper_name(f) and doc.index(f.block) not in doc.cited), None)
              for forms in options.forms]
    if firsts[0] is None or firsts[1] is None:
        return None
    earlier, later = sorted(firsts, key=lambda f: f.base + f.start)
    return Hit(
        later.block,
        later.start,
        later.end,
        {"first": earlier.text, "second": later.text, "construction": ""},
        severity=options.document,
        message=options.document_message,
        document=True,
        why={"construction": "none: both terms are used in this document",
             "contrast": "no sentence naming either term relates or distinguishes them"},
    )
