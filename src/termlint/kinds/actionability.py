"""actionability: a benefit claim about a family must come with an actionable example.

A claim is a sentence whose subject is a family term (or a stand-in such as "this approach", or
"it" right after a sentence or heading naming a family) followed by a benefit predicate, that is
not a question, not a stated aim ("aims to improve") and not negated ("does not improve").
It is supported when its scope holds a specific entity (a gene, variant, drug or named test,
from the rule's entity lexicons) with a decision word (diagnose, choose, dose, screen, monitor…)
in the same or a neighbouring sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from termlint.kinds import Hit, OptionError, PackContext
from termlint.kinds.grammar import family_names, family_pattern, lexicon_pattern
from termlint.patterns import wrap
from termlint.segment import Sentence

if TYPE_CHECKING:
    from termlint.markdown import Block
    from termlint.packs import Rule
    from termlint.segment import Document

NAME = "actionability"
KEYS = {
    "families": "families whose claims need examples (default: every family of the pack)",
    "predicates": "lexicon of benefit predicates (improves, enables, holds promise…)",
    "aims": "lexicon of aim cues (aims to, goal); a stated aim is not a claim",
    "stand-ins": "lexicon of stand-ins for a family term (this approach, it)",
    "negations": "lexicon of negations that undo a predicate just after them",
    "entities": "list of lexicons of specific entities (genes, variants, drugs, tests)",
    "decisions": "lexicon of decision words (diagnose, choose, dose, screen, monitor…)",
    "window": "with scope 'sentence': how many sentences either side count as scope",
}
REQUIRED = frozenset({"predicates", "entities", "decisions"})
SCOPES = ("sentence", "paragraph", "section")
DEFAULT_SCOPE = "paragraph"
PLACEHOLDERS = frozenset({"match", "term"})
# A stand-in must be the subject, so it must come early in its sentence.
STAND_IN_WORDS = 6


@dataclass(frozen=True)
class Options:
    family: re.Pattern[str]
    predicates: re.Pattern[str]
    aims: re.Pattern[str] | None
    stand_ins: re.Pattern[str] | None
    negations: re.Pattern[str] | None
    entities: re.Pattern[str]
    decisions: re.Pattern[str]
    window: int


def prepare(options: Mapping[str, Any], pack: PackContext) -> Options:
    names = (family_names(options["families"], "families", pack, None)
             if "families" in options else list(pack.families))
    if not names:
        raise OptionError("families", "the pack declares no families for claims to be about")
    entity_lexicons = options["entities"]
    if isinstance(entity_lexicons, str):
        entity_lexicons = [entity_lexicons]
    if not isinstance(entity_lexicons, list) or not entity_lexicons:
        raise OptionError("entities", "'entities' must be a list of lexicon names")
    entities = lexicon_pattern(pack, entity_lexicons, "entities")
    window = options.get("window", 1)
    if not isinstance(window, int) or isinstance(window, bool) or window < 0:
        raise OptionError("window", f"'window' must be a whole number >= 0, got {window!r}")
    return Options(
        family=re.compile(wrap(family_pattern(pack, names)), re.IGNORECASE),
        predicates=_required(pack, options, "predicates"),
        aims=_optional(pack, options, "aims"),
        stand_ins=_optional(pack, options, "stand-ins"),
        negations=_optional(pack, options, "negations"),
        entities=entities or re.compile(r"(?!)"),  # no entities: nothing is ever supported
        decisions=_required(pack, options, "decisions"),
        window=window,
    )


def _required(pack: PackContext, options: Mapping[str, Any], key: str) -> re.Pattern[str]:
    pattern = lexicon_pattern(pack, options[key], key)
    if pattern is None:
        raise OptionError(key, f"lexicon '{options[key]}' is empty")
    return pattern


def _optional(pack: PackContext, options: Mapping[str, Any], key: str) -> re.Pattern[str] | None:
    return lexicon_pattern(pack, options[key], key) if key in options else None


def check(rule: Rule, doc: Document) -> Iterator[Hit]:
    options: Options = rule.options
    supported: dict[int, bool] = {}
    # Only blocks naming a family, or right after one (stand-ins), can hold a claim.
    named = {doc.index(found.block) for found in doc.find_all(options.family)}
    for index, block in enumerate(doc.blocks):
        if block.kind == "heading" or not (index in named or index - 1 in named):
            continue
        sentences = doc.sentences[index]
        for number, sentence in enumerate(sentences):
            term = claim_subject(options, doc, index, number)
            if term is None:
                continue
            if rule.scope == "sentence":
                lo, hi = max(0, number - options.window), number + options.window + 1
                ok = has_evidence(options, sentences[lo:hi])
            else:
                if index not in supported:
                    supported[index] = has_evidence(options, _scope_sentences(doc, index,
                                                                               rule.scope))
                ok = supported[index]
            if not ok:
                yield Hit(block, sentence.start, sentence.end, {"term": term})


def claim_subject(options: Options, doc: Document, index: int, number: int) -> str | None:
    """The subject term when sentence `number` of block `index` is a benefit claim."""
    sentence = doc.sentences[index][number]
    text = sentence.text
    if text.rstrip().endswith("?"):
        return None
    subject = options.family.search(text)
    if subject is None and options.stand_ins is not None:
        stand_in = options.stand_ins.search(text)
        lead = text[: stand_in.start()] if stand_in else ""
        # Subject position: early in the sentence, or right after an introductory clause.
        if (stand_in and (len(lead.split()) < STAND_IN_WORDS or lead.rstrip().endswith(","))
                and _has_antecedent(options, doc, index, number)):
            subject = stand_in
    if subject is None:
        return None
    # The predicate must end after the subject ("Benefits of X include" spans it).
    predicate = next((p for p in options.predicates.finditer(text) if p.end() > subject.end()),
                     None)
    if predicate is None:
        return None
    before = text[: predicate.start()]
    if options.aims is not None and options.aims.search(before):
        return None
    if options.negations is not None:
        last_words = " ".join(text[subject.end() : max(subject.end(), predicate.start())]
                              .split()[-3:])
        if options.negations.search(last_words):
            return None
    return subject.group()


def _has_antecedent(options: Options, doc: Document, index: int, number: int) -> bool:
    """A family is named in the previous sentence, or just before the block (a heading)."""
    if number > 0:
        return bool(options.family.search(doc.sentences[index][number - 1].text))
    return index > 0 and bool(options.family.search(doc.blocks[index - 1].text))


def has_evidence(options: Options, sentences: Sequence[Sentence]) -> bool:
    """A specific entity, with a decision word in its sentence or a neighbouring one."""
    for i, sentence in enumerate(sentences):
        if options.entities.search(sentence.text):
            near = sentences[max(0, i - 1) : i + 2]
            if any(options.decisions.search(s.text) for s in near
                   if s.block is sentence.block):
                return True
    return False


def _scope_sentences(doc: Document, index: int, scope: str) -> list[Sentence]:
    blocks: list[Block]
    if scope == "section":
        blocks = next((list(s) for s in reversed(doc.sections)
                       if any(b is doc.blocks[index] for b in s)), [doc.blocks[index]])
    else:
        blocks = [doc.blocks[index], *_list_after_colon(doc, index)]
    return [s for block in blocks for s in doc.sentences[doc.index(block)]]


def _list_after_colon(doc: Document, index: int) -> list[Block]:
    """The list that directly follows a block ending in ':' (its items are in scope)."""
    block = doc.blocks[index]
    if not block.text.rstrip().endswith(":") or index + 1 >= len(doc.blocks):
        return []
    depth = len(block.containers)
    following = doc.blocks[index + 1]
    # The next block must sit in a list opened right here: same containers, plus a list.
    if (following.containers[:depth] != block.containers
            or len(following.containers) <= depth
            or following.containers[depth][0] not in ("bullet_list", "ordered_list")):
        return []
    the_list = following.containers[depth]
    items = []
    for later in doc.blocks[index + 1 :]:
        if len(later.containers) <= depth or later.containers[depth] != the_list:
            break
        items.append(later)
    return items
