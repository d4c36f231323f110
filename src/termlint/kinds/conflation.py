"""conflation: two term families treated as one concept.

Sentence level: a construction from the rule's lexicon (alias, equivalence, shared head noun,
stacking) joins a term of each family, and neither its sentence nor a contrastive follow-up
sentence ("However, they differ.") carries a contrast or criticism cue.

Document level: both families are used, no construction joined them, and no contrast cue appears
anywhere: one lower-severity finding at the first use of the family that appears second.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from termlint.kinds import Hit, OptionError, PackContext
from termlint.kinds.grammar import (
    compile_construction,
    family_names,
    family_pattern,
    lexicon,
    lexicon_pattern,
)
from termlint.patterns import wrap

if TYPE_CHECKING:
    from termlint.markdown import Block
    from termlint.packs import Rule
    from termlint.segment import Document

NAME = "conflation"
KEYS = {
    "families": "the two families that must not be treated as one concept",
    "constructions": "lexicon of construction templates that treat two terms as one",
    "contrast": "lexicon of cues that distinguish or criticise; they cancel a finding",
    "openers": "lexicon of sentence openers ('However,') that let the next sentence's "
    "contrast cue count",
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


@dataclass(frozen=True)
class Options:
    constructions: tuple[re.Pattern[str], ...]
    presence: tuple[re.Pattern[str], re.Pattern[str]]  # forms or modifiers of each family
    forms: tuple[re.Pattern[str], re.Pattern[str]]  # full forms of each family
    contrast: re.Pattern[str] | None
    openers: re.Pattern[str] | None
    document: str | None  # severity name, or None when off
    document_message: str


def prepare(options: Mapping[str, Any], pack: PackContext) -> Options:
    first, second = family_names(options["families"], "families", pack, 2)
    templates = lexicon(pack, options["constructions"], "constructions")
    if not templates:
        raise OptionError("constructions", f"lexicon '{options['constructions']}' is empty")
    constructions = tuple(
        compile_construction(template, pack, a, b, "constructions")
        for template in templates
        for a, b in ((first, second), (second, first))
    )
    document = options.get("document", "info")
    if document not in ("error", "warning", "info", "off"):
        raise OptionError("document", f"'document' must be error, warning, info or off, "
                          f"got {document!r}")
    message = options.get("document-message", DEFAULT_DOCUMENT_MESSAGE)
    _check_message(message)
    return Options(
        constructions=constructions,
        # A cheap prefilter, so no guards: "precision/personalized" must pass it.
        presence=(re.compile(family_pattern(pack, [first], True), re.IGNORECASE),
                  re.compile(family_pattern(pack, [second], True), re.IGNORECASE)),
        forms=(_compile(family_pattern(pack, [first])), _compile(family_pattern(pack, [second]))),
        contrast=_optional_lexicon(pack, options, "contrast"),
        openers=_optional_lexicon(pack, options, "openers"),
        document=None if document == "off" else document,
        document_message=message,
    )


def _compile(body: str) -> re.Pattern[str]:
    return re.compile(wrap(body), re.IGNORECASE)


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


def check(rule: Rule, doc: Document) -> Iterator[Hit]:
    options: Options = rule.options
    found = False
    for block in doc.blocks:
        if not all(p.search(block.text) for p in options.presence):
            continue
        for hit in _constructions(options, doc, block):
            found = True
            yield hit
    if not found and options.document:
        hit = _plain_alternates(options, doc)
        if hit is not None:
            yield hit


def _constructions(options: Options, doc: Document, block: Block) -> Iterator[Hit]:
    flagged: set[tuple[int, int]] = set()
    for pattern in options.constructions:
        for match in pattern.finditer(block.text):
            first, second = sorted((_span(match, "Aa"), _span(match, "Bb")))
            if second in flagged or _contrasted(options, doc, block, match.start()):
                continue
            flagged.add(second)
            yield Hit(
                block,
                second[0],
                second[1],
                {
                    "first": block.text[first[0] : first[1]],
                    "second": block.text[second[0] : second[1]],
                    "construction": match.group(),
                },
            )


def _span(match: re.Match[str], names: str) -> tuple[int, int]:
    for name in names:
        if name in match.re.groupindex and match.group(name) is not None:
            return match.span(name)
    raise AssertionError("constructions are validated to hold both families")


def _contrasted(options: Options, doc: Document, block: Block, offset: int) -> bool:
    if options.contrast is None:
        return False
    sentences = doc.sentences[doc.index(block)]
    sentence = doc.sentence_at(block, offset)
    if options.contrast.search(sentence.text):
        return True
    following = [s for s in sentences if s.start >= sentence.end][:1]
    return bool(
        options.openers
        and following
        and options.openers.match(following[0].text)
        and options.contrast.search(following[0].text)
    )


def _plain_alternates(options: Options, doc: Document) -> Hit | None:
    if options.contrast and any(options.contrast.search(b.text) for b in doc.blocks):
        return None
    firsts = []
    for forms in options.forms:
        for block in doc.blocks:
            match = forms.search(block.text)
            if match:
                firsts.append((doc.order(block, match.start()), block, match))
                break
    if len(firsts) < 2:
        return None
    (_, _, earlier), (_, block, later) = sorted(firsts, key=lambda item: item[0])
    return Hit(
        block,
        later.start(),
        later.end(),
        {"first": earlier.group(), "second": later.group(), "construction": ""},
        severity=options.document,
        message=options.document_message,
    )
