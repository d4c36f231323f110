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
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from termlint import regexcache
from termlint.kinds import Hit, OptionError, PackContext
from termlint.kinds.grammar import family_names, family_pattern, lexicon_pattern
from termlint.patterns import wrap

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
    "passives": "lexicon of auxiliaries ('is', 'was') that, before a predicate in -ed, make "
    "it passive ('is enabled by'): the family then promises nothing",
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


class Options(NamedTuple):
    family: re.Pattern[str]
    predicates: re.Pattern[str]
    aims: re.Pattern[str] | None
    stand_ins: re.Pattern[str] | None
    negations: re.Pattern[str] | None
    passives: re.Pattern[str] | None
    entities: tuple[re.Pattern[str], ...]  # one per lexicon, so each gets its own prefilter
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
    entities = [lexicon_pattern(pack, name, "entities") for name in entity_lexicons]
    window = options.get("window", 1)
    if not isinstance(window, int) or isinstance(window, bool) or window < 0:
        raise OptionError("window", f"'window' must be a whole number >= 0, got {window!r}")
    return Options(
        family=regexcache.compile(
            wrap(family_pattern(pack, names, with_subfields=True)), re.IGNORECASE),
        predicates=_required(pack, options, "predicates"),
        aims=_optional(pack, options, "aims"),
        stand_ins=_optional(pack, options, "stand-ins"),
        negations=_optional(pack, options, "negations"),
        passives=_optional(pack, options, "passives"),
        entities=tuple(p for p in entities if p is not None),
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


def triggers(options: Options) -> tuple[re.Pattern[str], ...]:
    # A claim's subject is a family term, or a stand-in or heading right after one.
    return (options.family,)


def check(rule: Rule, doc: Document) -> Iterator[Hit]:
    options: Options = rule.options
    claims = Claims(options, doc)
    supported: dict[int, bool] = {}
    for index, number in claims.candidates():
        term = claims.subject(index, number)
        if term is None:
            continue
        sentences = doc.sentences_of(index)
        if rule.scope == "sentence":
            lo, hi = max(0, number - options.window), number + options.window + 1
            ok = claims.has_evidence([(index, n) for n in range(lo, min(hi, len(sentences)))])
        else:
            if index not in supported:
                supported[index] = claims.has_evidence(_scope(doc, index, rule.scope))
            ok = supported[index]
        if not ok:
            sentence = sentences[number]
            yield Hit(doc.blocks[index], sentence.start, sentence.end, {"term": term})


class Claims:
    """Claim and evidence tests for one document, from document-wide lists of matches."""

    def __init__(self, options: Options, doc: Document) -> None:
        self.options = options
        self.doc = doc
        self.family = doc.by_sentence(options.family)
        self.predicates = doc.by_sentence(options.predicates)
        self._decided: dict[int, set[int]] = {}
        self._named: dict[tuple[int, int], bool] = {}

    def candidates(self) -> list[tuple[int, int]]:
        """Sentences that hold a predicate and are not in a heading, in document order."""
        return sorted(key for key in self.predicates
                      if self.doc.blocks[key[0]].kind != "heading")

    def subject(self, index: int, number: int) -> str | None:
        """The subject term when the sentence is a benefit claim, else None."""
        options, doc = self.options, self.doc
        sentence = doc.sentences_of(index)[number]
        text = sentence.text
        if text.rstrip().endswith("?"):
            return None
        subject: tuple[int, int, str] | None = None  # sentence offsets and text
        mentions = self.family.get((index, number))
        if mentions:
            first = mentions[0]
            subject = (first.start - sentence.start, first.end - sentence.start, first.text)
        elif options.stand_ins is not None and self._has_antecedent(index, number):
            stand_in = options.stand_ins.search(text)
            lead = text[: stand_in.start()] if stand_in else ""
            # Subject position: early in the sentence, or right after an introductory clause.
            if stand_in and (len(lead.split()) < STAND_IN_WORDS or lead.rstrip().endswith(",")):
                subject = (stand_in.start(), stand_in.end(), stand_in.group())
        if subject is None and number == 0 and index > 0 and \
                doc.blocks[index - 1].kind == "heading":
            # Under a heading naming the family, the heading is the subject ("Benefits include")
            heading = options.family.search(doc.blocks[index - 1].text)
            subject = (0, 0, heading.group()) if heading else None
        if subject is None:
            return None
        # The predicate must end after the subject ("Benefits of X include" spans it).
        predicate = next((p for p in self.predicates[(index, number)]
                          if p.end - sentence.start > subject[1]), None)
        if predicate is None:
            return None
        before = text[: predicate.start - sentence.start]
        if options.aims is not None and options.aims.search(before):
            return None
        last_words = before[subject[1] :].split()[-3:]
        if options.negations is not None and options.negations.search(" ".join(last_words)):
            return None
        if (options.passives is not None and last_words and predicate.text.endswith(("ed", "en"))
                and options.passives.fullmatch(last_words[-1])):
            return None
        return subject[2]

    def _has_antecedent(self, index: int, number: int) -> bool:
        """A family is named in the previous sentence, or in the block just before."""
        if number > 0:
            return (index, number - 1) in self.family
        return index > 0 and any(key[0] == index - 1 for key in self.family)

    def _decisions(self, index: int) -> set[int]:
        """Numbers of the sentences of block `index` holding a decision word (cached)."""
        if index not in self._decided:
            block = self.doc.blocks[index]
            self._decided[index] = {
                self.doc.sentence_number(block, found.start)
                for found in self.doc.find(self.options.decisions, blocks=[block])}
        return self._decided[index]

    def _has_entity(self, index: int, number: int) -> bool:
        """Does sentence `number` of block `index` name a specific entity? (cached)"""
        key = (index, number)
        if key not in self._named:
            block = self.doc.blocks[index]
            span = self.doc.sentence_range(block, self.doc.sentences_of(index)[number])
            self._named[key] = any(next(self.doc.find_in(pattern, [span]), None) is not None
                                   for pattern in self.options.entities)
        return self._named[key]

    def has_evidence(self, scope: list[tuple[int, int]]) -> bool:
        """A specific entity, with a decision word in its sentence or a neighbouring one.

        Decision words are cheap to find and entities are not, so entities are only looked for
        next to a decision.
        """
        return any(
            not self._decisions(index).isdisjoint((number - 1, number, number + 1))
            and self._has_entity(index, number)
            for index, number in scope
        )


def _scope(doc: Document, index: int, scope: str) -> list[tuple[int, int]]:
    """(block index, sentence number) of every sentence in a claim's scope."""
    if scope == "section":
        blocks = next((list(s) for s in reversed(doc.sections)
                       if any(b is doc.blocks[index] for b in s)), [doc.blocks[index]])
    else:
        blocks = [doc.blocks[index], *_list_after_colon(doc, index)]
    keys = []
    for block in blocks:
        i = doc.index(block)
        keys += [(i, n) for n in range(len(doc.sentences_of(i)))]
    return keys


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
