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
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from termlint import regexcache
from termlint.kinds import Hit, OptionError, PackContext, compile_patterns, which
from termlint.kinds.grammar import (
    HEADING_LEAD,
    NAME_GAP,
    family_names,
    family_pattern,
    lexicon_pattern,
    title_case_name,
)
from termlint.patterns import body_of, wrap
from termlint.prefilter import fold, literal_prefixes

if TYPE_CHECKING:
    from termlint.markdown import Block
    from termlint.packs import Rule
    from termlint.segment import Document, Found

NAME = "actionability"
KEYS = {
    "families": "families whose claims need examples (default: every family of the pack)",
    "predicates": "lexicon of benefit predicates (improves, enables, holds promise…)",
    "agent-predicates": "lexicon of benefit predicates that come before the family term, "
    "which is then their agent ('have been helped by', 'benefit from', 'thanks to')",
    "aims": "lexicon of aim cues (aims to, goal); a stated aim is not a claim",
    "needs": "lexicon of needs between a family and its predicate ('requires better data to "
    "improve', 'needs more evidence that it saves lives'): a need is not a claim",
    "stand-ins": "lexicon of stand-ins for a family term (this approach, it)",
    "negations": "lexicon of negations that undo a predicate just after them",
    "passives": "lexicon of auxiliaries ('is', 'was') that, before a predicate in -ed, make "
    "it passive ('is enabled by'): the family then promises nothing",
    "names": "lexicon of heads that make a family term part of a name or a modifier when they "
    "follow it ('Initiative', 'Service', 'research', 'tool'): that term is not the subject",
    "hedges": "lexicon of cues that weigh a claim in its sentence or the next two ('has yet to be "
    "realized', 'remains unproven'): a weighed claim is not a bare one",
    "concessions": "lexicon of cues that weigh a claim in its own sentence only ('..., but it "
    "faces challenges', 'While X offers promise, there are still challenges')",
    "aspects": "lexicon of headings that name only an aspect of the heading they are under "
    "('Benefits', 'Why it matters'): their section speaks of that heading's topic",
    "item-benefits": "lexicon of benefits stated as a noun phrase ('Fewer side effects', "
    "'Earlier diagnosis'): a claim when it opens an item of a list under a heading, or after a "
    "label, about a family",
    "entities": "list of lexicons of specific entities (genes, variants, drugs, tests)",
    "decisions": "lexicon of decision words (diagnose, choose, dose, screen, monitor…)",
    "weak-decisions": "lexicon of words that name a decision only in a sentence that names a "
    "marker ('carriers of a BRCA1 variant are offered yearly MRI'; not 'many patients receive "
    "tamoxifen')",
    "treatments": "which of the 'entities' lexicons names treatments: the others name markers "
    "(genes, variants, tests), for 'weak-decisions'",
    "window": "with scope 'sentence': how many sentences either side count as scope",
    "suggestions": "table of actionable examples to suggest for an unsupported claim: entries "
    "with 'area', 'cues' (patterns that place a paragraph in the area; none for the fallback), "
    "'example' and 'source' (a URL)",
}
REQUIRED = frozenset({"predicates", "entities", "decisions"})
SCOPES = ("sentence", "paragraph", "section")
DEFAULT_SCOPE = "paragraph"
PLACEHOLDERS = frozenset({"match", "term"})
# A stand-in must be the subject, so it must come early in its sentence.
STAND_IN_WORDS = 6
# Where a clause starts: a family term after one of these is at the start of its clause.
_CLAUSE_BREAK = re.compile(r"[,;:(\u2013\u2014]|\s-\s")
# A predicate opening with "but" asserts what follows a denial ("not a dream but a reality").
_BUT = re.compile(r"but\s", re.IGNORECASE)
# "The implementation of X", "Advances in X": the family heads the subject through these.
_SUBJECT_PREPOSITIONS = frozenset({"of", "in", "to", "towards", "toward", "for", "behind",
                                   # "By using X, hospitals cut costs": X is the means
                                   "with", "through", "via", "using", "adopting", "embracing",
                                   "applying"})
# Words that open a new clause in the middle of a sentence.
_CLAUSE_OPENERS = frozenset({"while", "whereas", "but", "yet", "so", "because", "since",
                             "although", "though"})
# What is "in" a field and part of it ("Advances in precision medicine have ..."); other
# heads are things used in it ("AI in precision medicine will ..."), subjects of their own.
_PARTS_OF_A_FIELD = frozenset({
    "advances", "advancements", "advance", "progress", "developments", "breakthroughs",
    "innovation", "innovations", "research", "discoveries", "successes", "achievements",
    "investment", "investments", "trends", "growth", "leaps", "strides"})
# Verbs after which a preposition names where the subject goes, not whom it belongs to:
# "Genomic studies contribute to precision medicine", "propels research towards X".
_GOAL_VERBS = frozenset({
    "contribute", "contributes", "contributed", "lead", "leads", "led", "move", "moves",
    "moved", "propel", "propels", "propelled", "push", "pushes", "pushed", "steer", "steers",
    "steered", "turn", "turns", "turned", "belong", "belongs", "relate", "relates", "apply",
    "applies", "applied", "add", "adds", "added"})
# Words that end in -ing but are no gerund or participle.
_NOT_GERUNDS = frozenset({"during", "bring", "brings", "thing", "things", "king", "spring",
                          "string", "nothing", "something", "everything", "anything"})
# A participle after these is an adjective ("for improved outcomes"), no predicate.
_ATTRIBUTIVE_AFTER = frozenset({"for", "with", "to", "into", "toward", "towards", "of", "in",
                                "the", "a", "an", "more", "their", "its"})
# Heads that, through "of", name a burden or a critique of a field, not the field: "The cost
# of precision medicine reduces access" says what the cost does.
_BURDENS_OF_A_FIELD = frozenset({
    "cost", "costs", "price", "prices", "expense", "expenses", "risks", "dangers", "pitfalls",
    "downsides", "limits", "limitations", "barriers", "challenges", "critics", "critiques",
    "sceptics", "skeptics", "opponents", "hype"})
# "Their use in precision medicine": the head belongs to what the possessive names.
_POSSESSIVES = frozenset({"their", "its", "his", "her"})
_DETERMINERS = frozenset({"the", "this", "that", "a", "an", "our", "their", "its", "your",
                          "such", "modern", "new", "today's"})
_CONJUNCTIONS = frozenset({"and", "or", "&"})
_BEFORE_SUBJECT = _DETERMINERS | _CONJUNCTIONS
_NEW_CLAUSE = re.compile(r"[:;]\s")
# After a label's colon, these open a new noun phrase or clause, not a predicate.
_NOT_PREDICATE_OPENERS = _BEFORE_SUBJECT | frozenset({
    "where", "what", "how", "why", "when", "which", "who", "whether",
    "is", "are", "does", "do", "can", "will", "it", "we", "you", "they", "i"})
_MARKUP = " \t\n*_\"'\u201d\u2019"  # white space of a hard-wrapped line too
_SUBORDINATE_END = re.compile(r"[:;,]\s")
# A clause opened by one of these is subordinate: its subject is not the sentence's.
_SUBORDINATORS = frozenset({"while", "although", "though", "whereas", "if", "because",
                            "since", "when", "unless", "whilst", "as", "once"})
# A reporting verb (or "that") opens the clause whose subject the family term is.
_REPORTING = frozenset({"said", "says", "say", "stated", "states", "believe", "believes",
                        "argue", "argues", "argued", "claim", "claims", "claimed", "noted",
                        "notes", "added", "explained", "explains", "told", "think", "thinks",
                        "that", "how", "way",
                        # findings reported as fact: "Evidence suggests X improves ..."
                        "show", "shows", "showed", "suggest", "suggests", "suggested",
                        "indicate", "indicates", "indicated", "demonstrate", "demonstrates",
                        "demonstrated", "confirm", "confirms", "confirmed", "found", "finds",
                        "agree", "agrees", "know", "knows"})
# An agent ("helped by the field of precision medicine") follows its predicate closely.
AGENT_GAP_WORDS = 4
# A relative clause this far from the subject is about a noun in between.
RELATIVE_GAP_WORDS = 2
_RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whose"})
_PERSONAL_PRONOUNS = frozenset({"it", "they"})
# A predicate that starts before its subject holds it through "of" ("The benefits of X
# include"); one that holds it as an object does not ("made precision medicine research
# possible").
_THROUGH_OF = re.compile(r"\bof\s+(?:(?:the|this|such|a|an)\s+)?\Z", re.IGNORECASE)


def _spans_well(lead: str) -> bool:
    """Whether a predicate that opens `lead` before the subject (empty when the predicate comes
    after it) holds the subject through "of"."""
    return not lead or _THROUGH_OF.search(lead) is not None


# Where a later clause, with a subject of its own, begins.
_LATER_CLAUSE = re.compile(r"[:;]\s|,\s+(?:and|but)\s", re.IGNORECASE)
# A modifier sharing the term's head, alone before it: "Personalised or ", "Genomic/".
_SHARED_LEAD = re.compile(r"[\w-]+(?:\s+or\s+|\s*/\s*)", re.IGNORECASE)
# A non-restrictive "which" right after a term.
_WHICH_AFTER = re.compile(r"(?:,|\s[\u2013\u2014])\s+which\s", re.IGNORECASE)
# A pronoun with a subject's role right before a predicate, after a noun: the predicate is
# that pronoun's ("a set of services we can deliver today"; not "With X we can now cure").
_OWN_SUBJECT = re.compile(r"\w\s+(?:we|you|they|i|he|she)\s+(?:(?:can|could|will|would|may|might|"
                          r"should|must|now|also|already|cannot|can't)\s+)?\Z", re.IGNORECASE)
# Openers of a clause with a subject of its own ("..., when attention shifted from ...").
_CLAUSE_OPENERS = frozenset({"when", "where", "while", "whilst", "whereas", "because",
                             "although", "though", "if", "unless", "since", "after", "before",
                             "until", "once"})


def _in_subordinate(between: str) -> bool:
    """Whether a predicate after `between` (from the subject to it) sits in a clause opened
    in its last few words, with a subject of its own and no comma closing it: "a label used
    for thinking after the genome, when attention shifted from genes to networks" (not "X,
    when applied well, improves ...")."""
    words = between.split()[-4:]
    return any(word.lower() in _CLAUSE_OPENERS and i < len(words) - 1
               and not any(w.endswith(",") for w in words[i:])
               for i, word in enumerate(words))


# What may close a question after its "?": quotes, brackets, emphasis.
_QUESTION_TAIL = " \t\n*_\"'\u201d\u2019)"
# Subjects that are people, which "it" cannot stand for.
_PEOPLE_SUBJECT = re.compile(
    r"[\s*_\"'>]*(?:we|i|you|they|people|patients|doctors|clinicians|researchers|scientists|"
    r"nurses|families|parents|many|most|some|everyone|everybody)\b(?! of\b)", re.IGNORECASE)
# An aim noun that can head a subject through "of".
_AIM_NOUN = re.compile(
    r"(?:goals?|objectives?|purposes?|missions?|visions?|ambitions?|aims?) of\b", re.IGNORECASE)
# How many stand-ins in a row may carry a family subject on ("It ... It ... It ...").
CHAIN = 3
# How many sentences after a claim may still weigh it.
HEDGE_SENTENCES = 2
# Words that may come before the predicate of a clause with no subject of its own, under a
# heading ("Also helps doctors choose") or after a label ("**X:** greatly improves"): adverbs
# in -ly and these. A noun there is a subject ("Cancer genomics plays a role in ...").
_NO_SUBJECT_LEAD = frozenset({"also", "can", "could", "will", "may", "might", "often", "further",
                              "thereby", "then", "now", "already"})


class Options(NamedTuple):
    family: re.Pattern[str]
    predicates: re.Pattern[str]
    agents: re.Pattern[str] | None
    aims: re.Pattern[str] | None
    needs: re.Pattern[str] | None
    stand_ins: re.Pattern[str] | None
    negations: re.Pattern[str] | None
    passives: re.Pattern[str] | None
    names: re.Pattern[str] | None
    hedges: re.Pattern[str] | None
    concessions: re.Pattern[str] | None
    aspects: re.Pattern[str] | None
    item_benefits: re.Pattern[str] | None
    entities: tuple[re.Pattern[str], ...]  # one per lexicon, so each gets its own prefilter
    decisions: re.Pattern[str]
    weak_decisions: re.Pattern[str] | None
    markers: tuple[re.Pattern[str], ...]  # the entities that are not treatments
    window: int
    suggestions: Suggestions | None


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
    treatments = options.get("treatments")
    if treatments is not None and treatments not in entity_lexicons:
        raise OptionError("treatments", f"'{treatments}' is not one of the 'entities' lexicons")
    kinds = list(zip(entity_lexicons, entities, strict=True))
    window = options.get("window", 1)
    if not isinstance(window, int) or isinstance(window, bool) or window < 0:
        raise OptionError("window", f"'window' must be a whole number >= 0, got {window!r}")
    return Options(
        family=regexcache.compile(
            wrap(family_pattern(pack, names, with_subfields=True)), re.IGNORECASE),
        predicates=_required(pack, options, "predicates"),
        agents=_optional(pack, options, "agent-predicates"),
        aims=_optional(pack, options, "aims"),
        needs=_optional(pack, options, "needs"),
        stand_ins=_optional(pack, options, "stand-ins"),
        negations=_optional(pack, options, "negations"),
        passives=_optional(pack, options, "passives"),
        names=_optional(pack, options, "names"),
        hedges=_optional(pack, options, "hedges"),
        concessions=_optional(pack, options, "concessions"),
        aspects=_optional(pack, options, "aspects"),
        item_benefits=_optional(pack, options, "item-benefits"),
        entities=tuple(p for p in entities if p is not None),
        decisions=_required(pack, options, "decisions"),
        weak_decisions=_optional(pack, options, "weak-decisions"),
        markers=tuple(p for name, p in kinds if p is not None and name != treatments),
        window=window,
        suggestions=_suggestions(options["suggestions"]) if "suggestions" in options else None,
    )


class Suggestion(NamedTuple):
    area: str
    example: str
    source: str
    fallback: bool  # an entry without cues: for a claim whose text names no area


class Suggestions(NamedTuple):
    """The table of actionable examples, and how a paragraph picks its area from it."""

    entries: tuple[Suggestion, ...]
    cued: tuple[int, ...]  # indexes of the entries with cues, in table order
    cues: re.Pattern[str]  # their cues, one group per entry: e{i} is entry cued[i]
    # The literal starts of the cues (folded), as one pattern run on the folded text: the cues
    # are only tried at a word that starts like one. None: some cue has no literal start.
    starts: re.Pattern[str] | None

    def pick(self, doc: Document, paragraph: list[tuple[int, int]],
             index: int) -> dict[str, str] | None:
        """The entry for a claim: the area whose cues the paragraph names most, else the one
        its section names most near it (heading included), else the first fallback; within
        it, the entry whose own cues are named most."""
        blocks = tuple(sorted({i for i, _ in paragraph}))
        for chosen in (blocks, _nearby(doc, index)):
            counts: dict[int, int] = {}
            for block in chosen:
                # Counted once per block, however many claims look at it.
                for entry, count in doc.memo(("suggestion-cues", self.cues.pattern, block),
                                             lambda block=block: self._counts(doc, block)):
                    counts[entry] = counts.get(entry, 0) + count
            if counts:
                areas: dict[str, int] = {}
                for entry, count in counts.items():
                    area = self.entries[entry].area
                    areas[area] = areas.get(area, 0) + count
                best = max(areas, key=lambda area: (areas[area], -self._first(area)))
                entry = max((e for e in counts if self.entries[e].area == best),
                            key=lambda e: (counts[e], -e))
                return entry_dict(self.entries[entry])
        fallback = next((e for e in self.entries if e.fallback), None)
        return entry_dict(fallback) if fallback else None

    def _first(self, area: str) -> int:
        return next(i for i, e in enumerate(self.entries) if e.area == area)

    def _counts(self, doc: Document, block: int) -> list[tuple[int, int]]:
        """How often each entry's cues occur in one block: (entry index, count) pairs."""
        text = doc.blocks[block].text
        counts: dict[int, int] = {}
        for found in self._found(text):
            entry = self.cued[which(found, len(self.cued), "e")]
            counts[entry] = counts.get(entry, 0) + 1
        return list(counts.items())

    def _found(self, text: str) -> Iterator[re.Match[str]]:
        folded = fold(text)
        if self.starts is None or len(folded) != len(text):  # "İ" folds to two characters
            yield from self.cues.finditer(text)
            return
        busy = 0
        for start in self.starts.finditer(folded):
            at = start.start()
            if at < busy:
                continue
            found = self.cues.match(text, at)
            if found is not None:
                busy = found.end()
                yield found


# Without a cue in its paragraph, a claim's area comes from its section: the heading and the
# blocks this close to it (a long section without headings is no better a clue, only slower).
NEARBY_BLOCKS = 4


def _nearby(doc: Document, index: int) -> tuple[int, ...]:
    """The claim's section heading and the section's blocks near it, as block indexes."""
    numbers = _section_of(doc, index)
    at = numbers.index(index)
    near = numbers[max(0, at - NEARBY_BLOCKS) : at + NEARBY_BLOCKS + 1]
    heading = [n for n in numbers[:1] if doc.blocks[n].kind == "heading"]
    return tuple(sorted({*heading, *near}))


def suggestion_table(options: Options) -> list[tuple[str, str, str]]:
    """(area, example, source) of every suggestion, grouped by area in table order, for
    --explain and docs/rules.md."""
    if options.suggestions is None:
        return []
    areas = list(dict.fromkeys(e.area for e in options.suggestions.entries))
    return [(e.area, e.example, e.source) for area in areas
            for e in options.suggestions.entries if e.area == area]


def entry_dict(entry: Suggestion) -> dict[str, str]:
    return {"text": entry.example, "area": entry.area, "source": entry.source}


def _suggestions(table: object) -> Suggestions:
    if not isinstance(table, list) or not table:
        raise OptionError("suggestions", "'suggestions' must be a non-empty list of entries")
    entries = []
    for number, item in enumerate(table, 1):
        where = f"suggestions entry {number}"
        if not isinstance(item, dict):
            raise OptionError("suggestions", f"{where} must be a mapping")
        unknown = set(item) - {"area", "cues", "example", "source"}
        if unknown:
            raise OptionError("suggestions", f"{where}: unknown key '{sorted(unknown)[0]}'")
        for key in ("area", "example", "source"):
            if not isinstance(item.get(key), str) or not item[key].strip():
                raise OptionError("suggestions", f"{where} needs '{key}', a non-empty string")
        if not item["source"].startswith(("https://", "http://")):
            raise OptionError("suggestions", f"{where}: 'source' must be a URL")
        cues = item.get("cues") or []
        entries.append(Suggestion(
            " ".join(item["area"].split()), " ".join(item["example"].split()), item["source"],
            not cues))
    # One scan counts every entry's cues: group e{i} is the i-th entry that has cues.
    cued = [i for i, item in enumerate(table) if item.get("cues")]
    body = "|".join(
        f"(?P<e{n}>" + "|".join(body_of(p) for p in compile_patterns(table[i]["cues"],
                                                                       "suggestions")) + ")"
        for n, i in enumerate(cued))
    cues = regexcache.compile(wrap(body or "(?!)"), re.IGNORECASE)  # (?!): only fallbacks
    prefixes = literal_prefixes(cues.pattern, cues.flags)
    starts: re.Pattern[str] | None = None
    if prefixes is not None and all(len(p) >= 2 and p[0].isalnum() for p in prefixes):
        # Longest first, so that a prefix of another does not hide it (only the start matters).
        starts = regexcache.compile(r"(?<!\w)(?:" + "|".join(
            re.escape(p) for p in sorted(prefixes, key=lambda p: (-len(p), p))) + ")")
    return Suggestions(tuple(entries), tuple(cued), cues, starts)


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
    supported: dict[tuple[int, str], bool] = {}
    for index, number in claims.candidates():
        if index in doc.cited:
            continue  # a title quoted in a list of works cited
        claim = claims.subject(index, number)
        if claim is None:
            continue
        sentences = doc.sentences_of(index)
        # A heading's claim, and one whose subject is the heading above, is backed, or not,
        # by the section the heading opens.
        scope = ("section" if doc.blocks[index].kind == "heading" or claim.role == HEADING_ABOVE
                 else rule.scope)
        if scope == "sentence":
            lo, hi = max(0, number - options.window), number + options.window + 1
            ok = claims.has_evidence([(index, n) for n in range(lo, min(hi, len(sentences)))])
        else:
            if (index, scope) not in supported:
                supported[index, scope] = claims.has_evidence(_scope(doc, index, scope))
            ok = supported[index, scope]
        if not ok:
            sentence = sentences[number]
            where = ("its section" if scope == "section"
                     else "its table row" if scope == "paragraph"
                     and doc.blocks[index].kind == "table_cell"
                     else f"its {rule.scope}" if rule.scope != "sentence"
                     else f"{options.window} sentence(s) either side")
            suggestion = (options.suggestions.pick(doc, _scope(doc, index, "paragraph"), index)
                          if options.suggestions is not None else None)
            yield Hit(doc.blocks[index], sentence.start, sentence.end, {"term": claim.term},
                      suggestion=suggestion, why={"subject": f"{claim.term} ({claim.role})",
                           "predicate": claim.predicate,
                           "evidence": f"no named gene, variant, drug or test next to a "
                                       f"decision word in {where}"})


class Claim(NamedTuple):
    term: str  # the subject as written
    role: str  # how it was found to be the subject
    predicate: str  # the benefit predicate as written


class Claims:
    """Claim and evidence tests for one document, from document-wide lists of matches."""

    def __init__(self, options: Options, doc: Document) -> None:
        self.options = options
        self.doc = doc
        self.family = _with_abbreviations(doc, doc.by_sentence(options.family))
        # A claim's subject is in its sentence, or (a stand-in's antecedent, a heading) in the
        # sentence before or the block before: predicates elsewhere cannot make a claim, so
        # they are only looked for in a sentence naming a family, the sentence after it, and
        # the first sentence of the next block ...
        named = {index for index, _ in self.family}
        near = {*self.family, *((i, n + 1) for i, n in self.family), *((i + 1, 0) for i in named)}
        # ... or of the items of a list right under a heading naming one (or under a heading
        # naming an aspect of one: "# Precision medicine" > "## Benefits") ...
        headings = {i for i in named if _heading_like(doc, doc.blocks[i])}
        if headings and options.aspects is not None:
            headings |= {i for i, block in enumerate(doc.blocks) if _heading_like(doc, block)
                         and _topic_heading(doc, i, options.aspects) in headings}
        # (the first sentence after such a heading may open with a label: "**Benefits:** ...")
        items = {(i + 1, 0) for i in headings}
        # ... or of a sentence that a family opens as a label ("Precision medicine: better
        # care for everyone") ...
        labels = ((key, doc.sentences_of(key[0])[key[1]].text) for key in self.family)
        items |= {key for key, text in labels
                  if ":" in text and _family_label(text.split(":", 1)[0] + ":", options.family)}
        items |= {(doc.index(item), 0) for i in headings for item in _list_under(doc, i)}
        # ... or of the first items of a list that a block naming a family opens with a colon.
        items |= {(doc.index(item), 0) for i in named
                  if doc.blocks[i].text.rstrip().endswith(":")
                  for item in _list_after_colon(doc, i)[:LIST_ITEMS]}
        # ... or of the other cells of a table row whose first cell names one ("| Precision
        # medicine | Improves outcomes |") ...
        near |= {(cell, 0) for i in named if doc.blocks[i].kind == "table_cell"
                 for cell in doc.row_of(i)}
        # (under a column header naming an aspect, "| Precision medicine | Fewer side effects
        # |" states a benefit with no verb)
        if options.aspects is not None:
            items |= {(cell, 0) for i in named if doc.blocks[i].kind == "table_cell"
                      and doc.row_of(i)[0] == i for cell in doc.row_of(i)[1:]
                      if _column_header(doc, cell, options.aspects)}
        # ... or of a sentence after a chain of stand-ins ("X is ... It uses ... It can ...").
        if options.stand_ins is not None:
            near |= self._chained(options.stand_ins)
        self._near = _ranges(doc, near | items)
        self.predicates = self._by_sentence(options.predicates)
        if options.item_benefits is not None:
            # "- Fewer side effects" in such a list, or "Benefits: fewer side effects", states
            # a benefit with no verb.
            for found in doc.find_in(options.item_benefits, _ranges(doc, items)):
                lead, block = found.block.text[: found.start], found.block
                if _VERB_AFTER.match(block.text, found.end):
                    continue  # "Better data is needed": a subject, not a benefit
                opens_item = (block.kind == "table_cell"
                              or any(kind in _LISTS for kind, _ in block.containers)) \
                    and not _is_word(lead)
                if opens_item or (block.kind == "paragraph"
                                  and (_aspect_label(lead, options.aspects)
                                       or _family_label(lead, options.family))):
                    key = (doc.index(found.block), 0)
                    self.predicates[key] = [found, *self.predicates.get(key, ())]
        self.agents = self._by_sentence(options.agents) if options.agents is not None else {}
        # keyed by the option's name: hashing a compiled pattern hashes all its code
        self._decided: dict[tuple[int, str], set[int]] = {}
        self._named: dict[tuple[int, int, str], bool] = {}

    def _chained(self, stand_ins: re.Pattern[str]) -> set[tuple[int, int]]:
        """The sentences after those that open with a stand-in, in a run of them right after
        a sentence naming a family (at most CHAIN of them)."""
        found = set()
        for index, number in self.family:
            sentences = self.doc.sentences_of(index)
            for later in range(number + 1, min(number + 1 + CHAIN, len(sentences) - 1)):
                if not _opens_with(stand_ins, sentences[later].text):
                    break
                found.add((index, later + 1))
        return found

    def _by_sentence(self, pattern: re.Pattern[str]) -> dict[tuple[int, int], list[Found]]:
        """Matches in the sentences near a family term, by (block index, sentence number)."""
        grouped: dict[tuple[int, int], list[Found]] = {}
        doc = self.doc
        for found in doc.find_in(pattern, self._near):
            key = (doc.index(found.block), doc.sentence_number(found.block, found.start))
            grouped.setdefault(key, []).append(found)
        return grouped

    def candidates(self) -> list[tuple[int, int]]:
        """Sentences (headings included) that hold a predicate, and those ending in a colon
        whose list goes on with one ("Precision medicine can:" + "- shorten ..."), in
        document order."""
        blocks = {i for i, _ in self.family}  # a block once, however many sentences name one
        listed = {(i, len(self.doc.sentences_of(i)) - 1) for i in blocks
                  if self._list_predicate(i) is not None}
        return sorted(self.predicates.keys() | self.agents.keys() | listed)

    def _list_predicate(self, index: int) -> Found | None:
        """A predicate opening an item of the list that the block at `index` introduces with a
        colon: the list says what the subject before the colon does."""
        if not self.doc.blocks[index].text.rstrip().endswith(":"):
            return None
        for item in _list_after_colon(self.doc, index)[:LIST_ITEMS]:
            for found in self.predicates.get((self.doc.index(item), 0), ()):
                if not item.text[: found.start].strip(_MARKUP):
                    return found
        return None

    def subject(self, index: int, number: int) -> Claim | None:
        """The claim when the sentence is a benefit claim about a family, else None."""
        options, doc = self.options, self.doc
        sentence = doc.sentences_of(index)[number]
        text = sentence.text
        if text.rstrip().endswith("?") or _is_purpose(text):
            return None
        block = doc.blocks[index]
        subject: tuple[int, int, str] | None = None  # sentence offsets and text
        others: list[tuple[int, int, str]] = []  # every term in subject position, in order
        role = "a family term as subject"
        mentions = self.family.get((index, number))
        spans = [(p.start, p.end) for p in self.predicates.get((index, number), ())]
        for mention in mentions or ():
            start = mention.start - sentence.start
            # A predicate that spans the term ("one of the benefits of X is") makes it the
            # subject wherever the phrase starts.
            spanned = any(a < mention.start and mention.end < b for a, b in spans)
            # After an introductory phrase with no comma, only when a predicate follows the
            # term at once: "In oncology precision medicine has improved ...", not "In the
            # current pharmacogenomics era, genomic variation has led to ...".
            introduced = _after_intro(text[:start]) and any(
                _AUXILIARY_GAP.fullmatch(block.text, mention.end, a) for a, _ in spans)
            # The antecedent of "which" ("Our focus is on precision medicine, which is
            # improving the health of ..."): the relative clause's subject.
            relative = _WHICH_AFTER.match(block.text, mention.end) is not None
            # ... or shares its head with a modifier before it: "Personalised or precision
            # medicine is reshaping ..."
            shared = _SHARED_LEAD.fullmatch(text[:start].lstrip(_MARKUP + " ")) is not None
            if (spanned or introduced or relative or shared or (_at_clause_start(text[:start])
                                          and not _in_list(block.text, mention.start,
                                                           mention.end)
                                          and not _in_intro_phrase(text[:start],
                                                                   block.text[mention.end:]))) \
                    and not self._is_name(block, mention.end):
                others.append((start, mention.end - sentence.start, mention.text))
        subject = others[0] if others else None
        # The family as the agent of a predicate before it ("It's the reality of precision
        # medicine"), when it is no subject with a predicate after it.
        later = subject is not None and any(p.end - sentence.start > subject[1] for p in
                                            self.predicates.get((index, number), ()))
        agent = None if later else self._agent(index, number, mentions or ())
        if agent is not None:
            subject, role = agent[0], "a family term as the agent"
        elif subject is None and options.stand_ins is not None:
            subject = self._stand_in(index, number, mentions)
            role = "a stand-in for a family term named just before"
        predicates = self.predicates.get((index, number), [])
        if subject is None and predicates and number == 0 and block.kind == "table_cell":
            subject = self._row_label(index, text[: predicates[0].start - sentence.start])
            role = ROW_LABEL
        above = _heading_over(doc, index) if subject is None and predicates and number == 0 \
            else None
        if above is not None:
            # Under a heading naming the family, the heading is the subject of a sentence that
            # has none of its own: one that opens with its predicate ("Helps doctors choose"),
            # in the block right after it or in an item of the list that follows it.
            above = _topic_heading(doc, above, options.aspects)
            heading = options.family.search(doc.blocks[above].text)
            opening = predicates[0].start - sentence.start
            # The heading's topic must be the family ("Why precision medicine?", "What is
            # precision medicine?"), not a thing it is for ("Benefits of genomic data for
            # precision medicine").
            label = _aspect_label(text[:opening], options.aspects)
            # ... or an aspect of it as the subject: "The expected benefits are substantial"
            aspect = _aspect_subject(text, options.aspects)
            if heading and (label or aspect or _has_no_subject(text[:opening])) \
                    and self._topic_is_family(above):
                # An aspect label ("Benefits:") takes the subject's place before its predicate.
                subject = (0, opening if label else aspect, heading.group())
                role = HEADING_ABOVE
        if subject is None:
            return None
        if agent is not None:
            if role != HEADING_ABOVE and self._area_label(index, text, subject):
                return None
            predicate = agent[1]
        else:
            # The first term in subject position that has a predicate of its own: a later
            # clause, after a colon, a semicolon or ", and", may have another subject ("X
            # depends on data ...: X prevents ...").
            candidates = [subject] if role != "a family term as subject" else [
                others[0], *(c for c in others[1:]
                             if _LATER_CLAUSE.search(text, others[0][1], c[0]))]
            for candidate in candidates:
                if role != HEADING_ABOVE and self._area_label(index, text, candidate):
                    continue
                found = self._predicate(index, number, candidate)
                if found is not None:
                    subject, predicate = candidate, found
                    break
            else:
                return None
        # For a predicate in the list after a colon, the whole sentence comes before it.
        before = text.rstrip(" :*_\n") if predicate.block is not block \
            else text[: predicate.start - sentence.start]
        # An aim counts in the subject's own clause ("The goal of precision medicine is to
        # improve"), not in an introductory phrase before it ("In contrast to X, A will ...").
        clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(before, 0, subject[0])),
                           default=0)
        # A predicate opening with "but" sets aside what was denied before it: an aim or a
        # negation ("is no longer a vision but a reality").
        granted = _BUT.match(predicate.text) is not None
        aim = options.aims.search(before, clause_start) if options.aims is not None else None
        if aim is not None and not granted and not _heads_subject(before, aim, subject[0]):
            return None
        # A need between the subject and its predicate: "X requires better data to improve
        # outcomes", "X needs more evidence that it saves lives" (a barrier, not a claim).
        after_subject = min(subject[1], len(before))
        if options.needs is not None and options.needs.search(before, after_subject):
            return None
        # ("has not yet been a major success": the negation four words back)
        between = before[after_subject:]
        last_words = between[between.rfind(";") + 1 :].split()[-4:]  # not past a clause's end
        if (options.negations is not None and not granted
                and options.negations.search(" ".join(last_words))):
            return None
        if (options.passives is not None and last_words and predicate.text.endswith(("ed", "en"))
                and options.passives.fullmatch(last_words[-1])):
            return None
        if predicate.block is block and predicate.text.endswith("ed") \
                and not text[predicate.end - sentence.start :].strip(" .!*_\"'\u201d\u2019"):
            # A participle ending its sentence names a state, it asserts nothing: "Precision
            # Medicine Unlocked", "Personalised medicine, explained".
            return None
        if self._weighed(index, number):
            return None
        return Claim(subject[2], role, predicate.text)

    def _predicate(self, index: int, number: int,
                   subject: tuple[int, int, str]) -> Found | None:
        """The subject's predicate: it must end after the subject ("Benefits of X include"
        spans it), in the same clause (after a colon or semicolon another clause, with its
        own subject, begins), and be no relative clause, purpose or attribute of another
        noun; or the list after "X will:" at the block's end."""
        doc = self.doc
        sentence = doc.sentences_of(index)[number]
        text = sentence.text
        subordinate = _opens_subordinate(text[: subject[0]])
        predicate = next((p for p in self.predicates.get((index, number), ())
                          if p.end - sentence.start > subject[1]
                          and _spans_well(text[p.start - sentence.start : subject[0]])
                          and self._same_clause(text, subject[1], p.start - sentence.start,
                                                subordinate)
                          and not _relative_to_other(text[subject[1] : p.start
                                                          - sentence.start], p.text)
                          and not _OWN_SUBJECT.search(text, subject[1],
                                                      p.start - sentence.start)
                          and not _in_subordinate(text[subject[1] : p.start
                                                       - sentence.start])
                          and not _attributive(text, p.start - sentence.start, p.text)
                          and not _purpose(text[: subject[0]],
                                           text[subject[1] : p.start - sentence.start])),
                         None)
        if predicate is None and _MODAL_COLON.fullmatch(text, subject[1]) \
                and number == len(doc.sentences_of(index)) - 1:
            predicate = self._list_predicate(index)
        return predicate

    def _agent(self, index: int, number: int,
               mentions: Iterable[Found]) -> tuple[tuple[int, int, str], Found] | None:
        """A family term that is the agent of a benefit predicate just before it, in its
        clause ("have been helped by precision medicine", "thanks to genomic medicine"):
        (the subject as sentence offsets and text, the predicate)."""
        agents = self.agents.get((index, number))
        block, sentence = self.doc.blocks[index], self.doc.sentences_of(index)[number]
        for mention in mentions if agents else ():
            if self._is_name(block, mention.end):
                continue
            for agent in agents or ():
                between = block.text[agent.end : mention.start]
                lead = _clause_words(block.text[sentence.start : agent.start])
                if agent.end <= mention.start and len(between.split()) <= AGENT_GAP_WORDS \
                        and not _CLAUSE_BREAK.search(between) \
                        and not _heads_noun_phrase(lead, agent.text):
                    start = mention.start - sentence.start
                    return (start, mention.end - sentence.start, mention.text), agent
        return None

    def _stand_in(self, index: int, number: int,
                  mentions: list[Found] | None) -> tuple[int, int, str] | None:
        """A stand-in ("this approach", "it") in subject position, whose family is named
        earlier in the sentence, in the sentence before, or in the block before."""
        stand_ins = self.options.stand_ins
        sentence = self.doc.sentences_of(index)[number]
        text = sentence.text
        if mentions:
            # "we describe precision psychiatry and how its implications promise to ..."
            after = mentions[0].end - sentence.start
        elif self._has_antecedent(index, number):
            after = 0
        else:
            return None
        assert stand_ins is not None
        stand_in = stand_ins.search(text, after)
        if stand_in is None:
            return None
        lead = text[: stand_in.start()]
        # "It" and "they" stand for the subject before them, not for any noun: "Genomics supports
        # precision medicine. It enables ..." speaks of genomics. ("This" can sum up a whole
        # sentence: "We started precision medicine in 2020. This has cut ...")
        if not mentions and stand_in.group().strip().lower() in _PERSONAL_PRONOUNS \
                and not self._subject_antecedent(index, number):
            return None
        # "They" after a chain of "it" stands for something plural named on the way ("It uses
        # genes. They can ..."), not for the field.
        if not mentions and stand_in.group().strip().lower() == "they" and number > 0 \
                and (index, number - 1) not in self.family:
            return None
        # "This approach" stands for the method the sentence before is about, when that is
        # its subject and the family only what it is for ("Our platform serves personalized
        # medicine. This approach cuts ..."), not for the family.
        if not mentions and len(stand_in.group().split()) > 1 \
                and not self._subject_antecedent(index, number) \
                and self._method_before(index, number):
            return None
        # A noun with a phrase of its own names something else: "This shift in data policy",
        # "These developments in registries".
        if len(stand_in.group().split()) > 1 \
                and _OWN_TOPIC.match(text, stand_in.end()) is not None:
            return None
        # Subject position: early in the sentence, right after an introductory clause, or
        # opening a clause ("and how it ...").
        early = not mentions and len(lead.split()) < STAND_IN_WORDS
        if early or lead.rstrip().endswith((",", ":", ";")) or (mentions and _opens_clause(lead)):
            return stand_in.start(), stand_in.end(), stand_in.group()
        return None

    def _same_clause(self, text: str, start: int, end: int, subordinate: bool) -> bool:
        """Whether text[start:end], between the subject and its predicate, stays in one
        clause. After a colon or semicolon (or, when the subject sits in a "While ..." clause,
        a comma) a new clause begins: it still speaks of the family when it opens with a
        stand-in ("...a buzzword; it is reshaping care")."""
        breaks = list((_SUBORDINATE_END if subordinate else _NEW_CLAUSE).finditer(text, start, end))
        rest = text[breaks[0].end() : end] if breaks else ""
        if breaks and _labels(text, start, breaks[0], end) \
                and (_has_no_subject(rest) or _only_determiners(rest)):
            # A label and what it says: "**Precision medicine:** improves ..."
            breaks = breaks[1:]
        if not breaks:
            return True
        clause = text[breaks[-1].end() : end]
        opening = end - len(clause.lstrip())
        stand_ins = self.options.stand_ins
        return stand_ins is not None and stand_ins.match(text, opening) is not None

    def _is_name(self, block: Block, end: int) -> bool:
        """Whether the family term ending at `end` is part of a name or modifies another
        head ("the Precision Medicine Initiative", "a precision medicine research program")."""
        rest = block.text[end:]
        gap = len(rest) - len(rest.lstrip(NAME_GAP))
        if self.options.names is not None and self.options.names.match(rest, gap):
            return True
        if rest[:1] == "-" and rest[1:2].isalpha():
            # A compound modifier names another head ("the pharmacogenomics-guided arm"),
            # unless that head is care itself ("precision medicine-based care improves").
            return _CARE_AFTER_COMPOUND.match(rest) is None
        # Outside headings, a Title Case term followed by another capital is a proper name.
        return block.kind != "heading" and title_case_name(block.text, end)

    def _row_label(self, index: int, lead: str) -> tuple[int, int, str] | None:
        """The family term that is the whole first cell of the table row of the cell at
        `index`, when that cell opens with its predicate ("| Precision medicine | Improves
        outcomes |"): the first cell is the subject of the others."""
        row = self.doc.row_of(index)
        if row[0] == index or not _has_no_subject(lead):
            return None
        label = self.doc.blocks[row[0]].text
        for mention in self.family.get((row[0], 0), ()):
            if not (label[: mention.start] + label[mention.end :]).strip(_MARKUP):
                return 0, 0, mention.text
        return None

    def _topic_is_family(self, heading: int) -> bool:
        """Whether the heading at `heading` has a family as its topic: named near its start
        ("What is precision medicine?"), not as a thing another topic is for ("Benefits of
        genomic data for precision medicine")."""
        block = self.doc.blocks[heading]
        found = self.options.family.search(block.text)
        if found is None:
            return False
        lead = block.text[: found.start()]
        return (len(lead.split()) <= HEADING_TOPIC_WORDS
                or (_at_clause_start(lead) and not _in_list(block.text, *found.span()))) \
            and not self._is_name(block, found.end())

    def _area_label(self, index: int, text: str, subject: tuple[int, int, str]) -> bool:
        """Whether the subject is only a list item's label naming an area ("- **Precision
        medicine**: Enables the identification of biomarkers") in a section about something
        else ("## Benefits of data integration"): what the item says, that topic does."""
        block = self.doc.blocks[index]
        if not any(kind in _LISTS for kind, _ in block.containers) \
                or text[: subject[0]].strip(_MARKUP) \
                or not text[subject[1] :].lstrip(_MARKUP).startswith(":"):
            return False
        heading = next((i for i in range(index - 1, -1, -1)
                        if self.doc.blocks[i].kind == "heading"), None)
        return heading is not None and not self._topic_is_family(
            _topic_heading(self.doc, heading, self.options.aspects))

    def _weighed(self, index: int, number: int) -> bool:
        """The claim is doubted or weighed right away: in its own sentence or the next two
        (hedges), or in its own sentence (concessions: a barrier named in a later sentence is
        a new topic, not a doubt about this claim)."""
        sentences = self.doc.sentences_of(index)
        concessions = self.options.concessions
        if concessions is not None and concessions.search(sentences[number].text):
            return True
        if self.options.hedges is None:
            return False
        return any(self.options.hedges.search(s.text)
                   for s in sentences[number:number + 1 + HEDGE_SENTENCES])

    def _method_before(self, index: int, number: int) -> bool:
        """Whether the sentence before opens with a method or a product as its subject ("Our
        system enables ...", "The predictive models are ...")."""
        doc = self.doc
        if number > 0:
            before = doc.sentences_of(index)[number - 1].text
        elif index > 0 and doc.sentences_of(index - 1):
            before = doc.sentences_of(index - 1)[-1].text
        else:
            return False
        opening = [w.strip(_MARKUP).lower() for w in before.split()[:METHOD_WORDS]]
        # ... or, after a label, with an action: "**Plans**: Integrating these data enables"
        label, colon, rest = before.partition(": ")
        action = rest if colon and len(label.split()) <= METHOD_WORDS else before
        return any(word in _METHOD_SUBJECTS for word in opening) \
            or _is_gerund((action.split() or [""])[0])

    def _has_antecedent(self, index: int, number: int) -> bool:
        """A family is named in the previous sentence (or stood for there: see _links), or in
        the block just before."""
        if number > 0:
            return (index, number - 1) in self.family or self._links(index, number - 1)
        if index == 0:
            return False
        # An item of a list right under a heading has that heading before it, when the items
        # before it speak of it too ("- It reduces ...", "- It speeds ...").
        above = _heading_over(self.doc, index)
        if above is not None and above != index - 1 and not self._items_stand_in(above, index):
            return False
        before = index - 1 if above is None else above
        if self.doc.blocks[before].kind == "heading":
            # "## Benefits" under "# Precision medicine": "It ..." speaks of the topic.
            before = _topic_heading(self.doc, before, self.options.aspects)
        return any(key[0] == before for key in self.family)

    def _items_stand_in(self, heading: int, index: int) -> bool:
        """Whether every item before block `index`, in the list under `heading`, opens with a
        stand-in."""
        stand_ins = self.options.stand_ins
        return stand_ins is not None and all(
            _opens_with(stand_ins, item.text)
            for item in _list_under(self.doc, heading) if self.doc.index(item) < index)

    def _subject_antecedent(self, index: int, number: int) -> bool:
        """A family term is the subject of the sentence before (or of one in the block before,
        or that block is a heading naming it): a pronoun can stand for it."""
        doc = self.doc
        if number > 0 and self._links(index, number - 1):
            return True
        if number > 0:
            keys = [(index, number - 1)]
        elif index > 0 and (doc.blocks[index - 1].kind == "heading"
                            or _heading_over(doc, index) is not None):
            return True
        else:
            keys = [key for key in self.family if key[0] == index - 1]
        for key in keys:
            block, sentence = doc.blocks[key[0]], doc.sentences_of(key[0])[key[1]]
            # A question names its topic wherever the term stands: "What does personalised
            # medicine mean for you? It means ...".
            if key in self.family and sentence.text.rstrip(_QUESTION_TAIL).endswith("?"):
                return True
            # After a sentence whose subject is people ("We talk a lot about precision
            # medicine. It has changed ..."), "it" cannot stand for that subject: it stands for
            # the field named there.
            if key in self.family and _PEOPLE_SUBJECT.match(sentence.text):
                return True
            for mention in self.family.get(key, ()):
                lead = block.text[sentence.start : mention.start]
                if _at_clause_start(lead) and not _in_list(block.text, mention.start, mention.end) \
                        and not self._is_name(block, mention.end):
                    return True
        return False

    def _links(self, index: int, number: int, depth: int = CHAIN) -> bool:
        """Whether sentence `number` is a link of a chain of stand-ins for a family subject:
        it opens with a stand-in whose antecedent is that subject ("Precision medicine is an
        approach. It uses genes. It can improve ..." : the second "It" stands for it too)."""
        stand_ins = self.options.stand_ins
        if depth == 0 or stand_ins is None or (index, number) in self.family:
            return False
        if not _opens_with(stand_ins, self.doc.sentences_of(index)[number].text):
            return False
        if number == 0:
            return self._has_antecedent(index, 0) and self._subject_antecedent(index, 0)
        previous = (index, number - 1)
        return (previous in self.family and self._subject_antecedent(index, number)) \
            or self._links(index, number - 1, depth - 1)

    def _decisions(self, index: int, option: str) -> set[int]:
        """Numbers of the sentences of block `index` holding one of the words of `option`
        ("decisions", "weak_decisions") (cached)."""
        key = (index, option)
        if key not in self._decided:
            block = self.doc.blocks[index]
            self._decided[key] = {
                self.doc.sentence_number(block, found.start)
                for found in self.doc.find(getattr(self.options, option), blocks=[block])}
        return self._decided[key]

    def _names(self, index: int, number: int, option: str) -> bool:
        """Does sentence `number` of block `index` name one of the patterns of `option`
        ("entities", "markers")? (cached)"""
        key = (index, number, option)
        if key not in self._named:
            block = self.doc.blocks[index]
            span = self.doc.sentence_range(block, self.doc.sentences_of(index)[number])
            self._named[key] = any(next(self.doc.find_in(pattern, [span]), None) is not None
                                   for pattern in getattr(self.options, option))
        return self._named[key]

    def has_evidence(self, scope: list[tuple[int, int]]) -> bool:
        """A specific entity, with a decision word in its sentence or a neighbouring one; or a
        marker (a gene, variant or test: not only a drug) with a weak decision word ("are
        offered", "receive") in its sentence.

        Decision words are cheap to find and entities are not, so entities are only looked for
        next to a decision.
        """
        options = self.options
        for index, number in scope:
            near = (number - 1, number, number + 1)
            if not self._decisions(index, "decisions").isdisjoint(near) \
                    and self._names(index, number, "entities"):
                return True
            if options.weak_decisions is not None \
                    and number in self._decisions(index, "weak_decisions") \
                    and self._names(index, number, "markers"):
                return True
        return False


def _ranges(doc: Document, sentences: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where the given (block index, sentence number) pairs lie in the document's text, those
    that exist, in order, neighbours joined."""
    ranges: list[tuple[int, int]] = []
    for index, number in sorted(sentences):
        if index >= len(doc.blocks) or number >= len(doc.sentences_of(index)):
            continue
        lo, hi = doc.sentence_range(doc.blocks[index], doc.sentences_of(index)[number])
        if ranges and lo <= ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], max(hi, ranges[-1][1]))
        else:
            ranges.append((lo, hi))
    return ranges


# "Precision medicine can:" (or just "Genomic medicine:", or "Precision medicine offers:")
# before a list whose items say what it does or gives.
_MODAL_COLON = re.compile(
    r"[\s*_]*(?:(?:can|could|will|would|may|might|helps?(?: to)?)[\s*_]*)?"
    r"(?:(?:offers?|provides?|brings?|delivers?|promises?|gives?|means?)[\s*_]*)?:\s*",
    re.IGNORECASE)
# How many items of such a list are looked at for a predicate opening one.
LIST_ITEMS = 3

# "precision medicine (PM)": from there on, the abbreviation names the family.
_ABBREVIATION = re.compile(r"\s*\(\s*([A-Z][A-Za-z]{1,7})\s*\)")


def _with_abbreviations(doc: Document, family: dict[tuple[int, int], list[Found]]
                        ) -> dict[tuple[int, int], list[Found]]:
    """The family mentions, with those of abbreviations the document defines for a family term
    ("Precision medicine (PM) ... PM has the potential to ..."). The definition's own
    parenthesis is not a mention: the term before it already is."""
    names = set()
    for mentions in family.values():
        for mention in mentions:
            defined = _ABBREVIATION.match(mention.block.text, mention.end)
            if defined and sum(c.isupper() for c in defined.group(1)) >= 2:
                names.add(defined.group(1))
    if not names:
        return family
    # Case-sensitive and made per document, so not kept in the compiled-pattern cache.
    pattern = re.compile(wrap("|".join(sorted(map(re.escape, names)))))
    merged = {key: list(mentions) for key, mentions in family.items()}  # the doc's own is shared
    for found in doc.scan(pattern):
        if found.block.text[: found.start].rstrip().endswith("("):
            continue
        key = (doc.index(found.block), doc.sentence_number(found.block, found.start))
        merged.setdefault(key, []).append(found)
    for mentions in merged.values():
        mentions.sort(key=lambda found: found.start)
    return merged


def _at_clause_start(lead: str) -> bool:
    """Whether a family term after `lead` (its sentence's text before it) is in subject
    position: at the start of its clause, after a determiner ("the", "this"), or heading the
    subject through a preposition ("The implementation of", "Advances in"). After a verb or a
    longer phrase ("patients expect benefits from", "data analysis supports") it is not."""
    clause = _clause_words(lead)
    if len(clause) == 1 and clause[0].lower() in _CONJUNCTIONS:
        return _coordinated_subject(lead)
    if len(clause) == 1 and clause[0].lower() in _CLAUSE_OPENERS \
            and any(c.isalnum() for c in lead.rsplit(clause[0], 1)[0]):
        # "..., while personalized medicine can improve outcomes": a clause of its own, with
        # the family as its subject (at the sentence start, "While X can ..." concedes).
        return True
    if len(clause) <= 1:
        return not clause or clause[0].lower() in _DETERMINERS or clause[0][:1].isupper()
    last = clause[-1].lower()
    if last in _REPORTING:  # "the minister said precision medicine would ..."
        return True
    if _is_gerund(clause[0]) and clause[0].lower() not in _SUBJECT_PREPOSITIONS:
        # "Integrating genomics and precision medicine enables", "..., driving advances in
        # precision medicine": the family is the object of the gerund or participle.
        return False
    if last in _SUBJECT_PREPOSITIONS:
        return _heads_through(clause)
    if last in _DETERMINERS and len(clause) >= 3 and clause[-2].lower() in _SUBJECT_PREPOSITIONS:
        # "Patients in the precision medicine arm", "The rollout of the precision medicine
        # strategy": the preposition decides, as without the determiner
        return _heads_through(clause[:-1])
    # "Precision or personalized medicine", "the new precision medicine"
    return last in _BEFORE_SUBJECT and len(clause) <= 3


def _heads_through(clause: list[str]) -> bool:
    """Whether the words of `clause`, which end in a preposition, head the subject through it
    ("The implementation of", "Advances in") rather than end a subject of their own."""
    last = clause[-1].lower()
    if any(word.lower() in _GOAL_VERBS for word in clause[:-1]):
        return False  # "Genomic studies contribute to precision medicine": the object
    if last == "in" and clause[-2].lower() not in _PARTS_OF_A_FIELD:
        return False  # "Multimodal fusion in precision oncology", "AI in X": another subject
    if last == "of" and clause[-2].lower() in _BURDENS_OF_A_FIELD:
        return False  # "The cost of precision medicine reduces access": the cost acts
    return len(clause) <= 4 and clause[0].lower() not in _POSSESSIVES


# The head after a family's compound modifier ("precision medicine-based care") that keeps the
# family the subject: the care it gives.
_CARE_AFTER_COMPOUND = re.compile(
    r"-[a-z]+\s+(?:care|treatments?|therap(?:y|ies)|approach(?:es)?|medicine|prescribing|"
    r"interventions?|strateg(?:y|ies)|health ?care|dosing|management)\b", re.IGNORECASE)


# What opens an introductory phrase at a sentence's start (case matters: a capital), and how
# long such a phrase may be; a verb in it makes it a clause with its own subject.
_INTRO_PREPOSITIONS = frozenset({"In", "Over", "During", "Across", "Since", "After", "Within",
                                 "Throughout", "Among", "For", "At", "Today", "Now"})
INTRO_WORDS = 5
# An auxiliary or modal, and an adverb, between such a subject and its predicate.
_AUXILIARY_GAP = re.compile(
    r"\s+(?:(?:has|have|had|is|are|was|were|will|can|could|may|might|would|should)\s+)?"
    r"(?:\w+ly\s+)?(?:been\s+)?", re.IGNORECASE)
_VERB_LIKE = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "can", "could",
                        "would", "may", "might", "should", "does", "do", "did", "be"})


# The items of a list of subjects before the family term ("Point-of-care testing, AI-assisted
# diagnostics, and genomic medicine will ..."): short noun phrases from the sentence start. A
# verb makes an item longer ("We teach statistics, ethics, and precision medicine").
COORDINATED_ITEM_WORDS = 2


def _after_intro(lead: str) -> bool:
    """Whether `lead` is only an introductory phrase with no comma ("In oncology", "Over the
    past decade"): a term after it may be the subject when its predicate follows at once."""
    words = lead.split()
    return bool(words) and words[0] in _INTRO_PREPOSITIONS and len(words) <= INTRO_WORDS \
        and not _CLAUSE_BREAK.search(lead) and words[-1].lower() not in _BEFORE_SUBJECT \
        and not any(w.lower() in _VERB_LIKE or (w.islower() and w.endswith("ed"))
                    for w in words[1:])


def _is_gerund(word: str) -> bool:
    word = word.strip(_MARKUP).lower()
    return len(word) > 4 and word.endswith("ing") and word not in _NOT_GERUNDS


def _attributive(text: str, start: int, predicate: str) -> bool:
    """Whether a one-word participle predicate at text[start:] only modifies the noun after
    it ("for improved outcomes", "with enhanced efficacy"): it asserts nothing."""
    before = text[:start].split()
    return predicate.endswith("ed") and " " not in predicate and bool(before) \
        and before[-1].strip(_MARKUP).lower() in _ATTRIBUTIVE_AFTER


# Prepositions that open a phrase naming a setting ("In precision medicine, ...").
_SETTING_PREPOSITIONS = frozenset({"In", "Within", "Across", "Throughout", "Among", "For", "At",
                                   "Under", "Beyond", "Inside", "Outside"})


def _in_intro_phrase(lead: str, rest: str) -> bool:
    """Whether a term after `lead` and before `rest` is all of an introductory phrase with
    its comma ("In precision medicine, AI improves ..."): the clause's subject comes after."""
    words = lead.split()
    return 1 <= len(words) <= 2 and words[0] in _SETTING_PREPOSITIONS \
        and (len(words) == 1 or words[1].lower() in _DETERMINERS) \
        and rest.lstrip(_MARKUP).startswith(",")


def _coordinated_subject(lead: str) -> bool:
    """Whether a term after `lead`, which ends in ", and", is the last of a list of subjects
    that opens its sentence."""
    items = [item.split() for item in lead.split(",")[:-1]]
    return bool(items) and all(
        0 < len(item) <= COORDINATED_ITEM_WORDS and any(c.isalnum() for c in item[-1])
        for item in items)


def _heads_noun_phrase(lead: list[str], agent: str) -> bool:
    """Whether an agent phrase ending in "of" heads the subject's noun phrase ("The reality
    of X is sobering"): the family term is then inside the subject, not its complement."""
    return (bool(lead) and all(word.lower() in _DETERMINERS for word in lead)
            and agent.lower().endswith("of"))


# What follows an item of a list of nouns (perhaps after its head noun: "precision medicine
# applications, and ..."): ", and bioinformatics", ", genomics,".
_LIST_GOES_ON = re.compile(r"(?:\s[a-z][\w-]*)?(?:,\s+(?:and|or)\s|,\s+[\w-]+(?:\s[\w-]+)?,)")


def _in_list(text: str, start: int, end: int) -> bool:
    """Whether the term at text[start:end] is an item in a list of nouns ("courses in genomics,
    precision medicine, and bioinformatics"): after a comma, with the list going on after it.
    The comma before it then separates items, it does not end an introductory phrase."""
    return text[:start].rstrip(_MARKUP).endswith(",") and _LIST_GOES_ON.match(text, end) is not None


def _has_no_subject(lead: str) -> bool:
    """Whether a predicate after `lead` (its sentence's text before it) opens the sentence,
    give or take an adverb or auxiliary: the sentence then has no subject of its own."""
    words = [w.strip(_MARKUP).lower() for w in lead.split()]
    # A word with no letter or digit is decoration ("- ✅ Improves ..."), not a subject.
    return all(w in _NO_SUBJECT_LEAD or w.endswith("ly") or not _is_word(w) for w in words)


def _opens_with(pattern: re.Pattern[str], text: str) -> bool:
    """Whether `pattern` matches where the words of `text` start (markup skipped)."""
    return pattern.match(text, len(text) - len(text.lstrip(_MARKUP))) is not None


def _is_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _aspect_label(lead: str, aspects: re.Pattern[str] | None) -> bool:
    """Whether `lead` is a label naming an aspect ("**Benefits:** improved outcomes"): what
    follows has no subject of its own."""
    label = lead.strip(_MARKUP)
    return aspects is not None and label.endswith(":") \
        and aspects.fullmatch(label[:-1].strip(_MARKUP)) is not None


# After a stand-in noun, a preposition that gives it a topic of its own ("This shift in data
# policy"). Not "to": "its potential to improve" goes on with the stand-in's own predicate.
_OWN_TOPIC = re.compile(r"\s+(?:in|of|towards?|for|on|from|within|around)\s", re.IGNORECASE)


# After an aspect noun, these make it the aspect of something else ("The benefits of data
# sharing", "Benefits and risks").
_ASPECT_OF_OTHER = frozenset({"of", "for", "from", "to", "in", "on", "over", "and", "or"})


def _aspect_subject(text: str, aspects: re.Pattern[str] | None) -> int:
    """The end of an aspect noun phrase that opens the sentence as its subject ("The
    expected benefits are ..."), or 0: under a heading on a family, the family's aspect."""
    start = len(text) - len(text.lstrip(_MARKUP))
    found = aspects.match(text, start) if aspects is not None else None
    if found is None:
        return 0
    after = text[found.end() :].split(maxsplit=1)
    return found.end() if after and after[0].lower() not in _ASPECT_OF_OTHER \
        and after[0][:1].isalpha() else 0


# A finite verb a few words after a benefit phrase makes the phrase a subject.
_VERB_AFTER = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:is|are|was|were|will|would|can|could|"
                         r"must|should|needs?|remains?|has|have|lies|lie)\b", re.IGNORECASE)


def _family_label(lead: str, family: re.Pattern[str]) -> bool:
    """Whether `lead` is a family term as a label ("Precision medicine:", "**PM:**"): what
    follows its colon says what the family is or does."""
    label = lead.strip(_MARKUP)
    return label.endswith(":") and family.fullmatch(label[:-1].strip(_MARKUP)) is not None


def _only_determiners(text: str) -> bool:
    return all(word.strip(_MARKUP).lower() in _DETERMINERS for word in text.split())


def _labels(text: str, start: int, colon: re.Match[str], end: int) -> bool:
    """Whether the subject ending at `start` is a label ("**Precision medicine:**") whose
    colon opens a predicate about it (the one at `end`), not a new clause ("Precision
    medicine: the evidence")."""
    if not colon.group().startswith(":") or text[start : colon.start()].strip(_MARKUP) \
            or len(text[:start].split()) > STAND_IN_WORDS:
        return False
    if _only_determiners(text[colon.end() : end]):
        return True  # the predicate opens right after it: "X: a revolution in care"
    after = text[colon.end() :].lstrip(_MARKUP).split(maxsplit=1)
    return bool(after) and after[0].lower() not in _NOT_PREDICATE_OPENERS


_COPULAS = frozenset({"is", "are", "was", "were", "be", "become", "becomes", "remain", "remains"})
# After ", which" these verbs sum up the whole clause before ("tailors care, which leads to
# shorter stays"), not the noun just before the comma.
_CONSEQUENCES = ("lead", "result", "mean", "translat")


def _relative_to_other(between: str, predicate: str) -> bool:
    """Whether a predicate after `between` (the text from the subject to it) sits in a
    relative clause about another noun ("... advances in technologies that allow"), not about
    the subject ("precision medicine, which improves ..."), nor about a noun that the subject
    is said to be ("precision medicine is a new approach that improves ...")."""
    words = between.split()
    if words and words[-1].lower() in _COPULAS:  # "..., which is crucial for": the predicate
        words = words[:-1]                        # may start after its copula
    if len(words) <= RELATIVE_GAP_WORDS or words[-1].lower() not in _RELATIVE_PRONOUNS:
        return False
    if words[-1].lower() == "which" and words[-2].endswith(",") \
            and predicate.lower().startswith(_CONSEQUENCES):
        return False
    return _RENAMED_AS.fullmatch(between) is None


# "is a new approach that", "has become the field which": the relative clause is about the
# subject, through the noun the copula equates it with.
_RENAMED_AS = re.compile(r"\s*(?:is|are|was|were|remains?|has become|have become|becomes?)\s+"
                         r"(?:an?|the|one)\s+(?:[\w-]+\s+){1,4}(?:that|which)\s*",
                         re.IGNORECASE)


# Words after which "to" + predicate is the claim itself ("is set to transform", "continues to
# improve"), not the purpose of the verb before ("Using genomic data to improve care").
_INFINITIVE_FRAMES = frozenset({
    "set", "poised", "expected", "likely", "able", "potential", "power", "ability", "capacity",
    "promise", "promises", "promised", "help", "helps", "helped", "helping", "continue",
    "continues", "continued", "going", "bound", "sure", "certain", "stand", "stands", "seem",
    "seems", "appear", "appears", "begin", "begins", "began", "begun", "start", "starts",
    "started", "starting", "tend", "tends", "has", "have", "had", "ought", "used"})


# Verbs that define a field: a purpose after them is part of the definition ("involves the
# use of genetic information to enable diagnosis"). After a verb of practice the purpose is
# asserted ("uses genomic data to improve care", "leverages AI to deliver better care").
_DESCRIBING_VERBS = frozenset({"involves", "involve", "refers", "describes", "means"})

# "X is an approach to maximise the effectiveness of treatment": what the field is for.
_DEFINING_NOUNS = frozenset({"approach", "way", "effort", "attempt", "strategy", "model",
                             "framework", "method", "movement", "initiative", "field",
                             "practice", "science", "art", "process", "act"})


def _purpose(lead: str, between: str) -> bool:
    """Whether a predicate after `between` (the text from the subject to it) only states a
    purpose: of a gerund that governs the subject ("Scaling personalized healthcare to benefit
    whole populations"), or in a definition ("X involves the use of genetic data to enable
    diagnosis", "X is an approach to maximise ..."). Neither asserts an outcome. (Other verbs
    do: "X is set to improve", "X uses genomic data to improve care".) The predicate follows
    "to", and the word before that frames no claim ("Adopting X is set to improve")."""
    clause = _clause_words(lead)
    words = [w.strip(_MARKUP).lower() for w in between.split()]
    if words[:1] in (["is"], ["are"]) and len(words) >= 3 and words[-2] in _DEFINING_NOUNS:
        # "X is an approach to maximise ...", "X is the practice of predicting ...": what the
        # field is for, a definition
        return words[-1] in ("to", "of", "for")
    if not (clause and clause[0].lower().endswith("ing")) \
            and not (words and words[0] in _DESCRIBING_VERBS):
        return False
    if not words or words[-1] != "to":
        return False
    return len(words) == 1 or words[-2] not in _INFINITIVE_FRAMES


def _opens_clause(lead: str) -> bool:
    """Whether a word after `lead` opens a new clause: after a reporting word ("said",
    "how", "that")."""
    words = _clause_words(lead)
    return bool(words) and words[-1].lower() in _REPORTING


def _heads_subject(before: str, aim: re.Match[str], subject: int) -> bool:
    """Whether an aim noun only heads the subject ("The vision of precision medicine promises
    to ..."): it comes before the subject, through "of", and the predicate is a finite verb,
    not an infinitive ("The goal of precision medicine is to improve")."""
    if aim.end() > subject or not _AIM_NOUN.match(before, aim.start()):
        return False
    return not before.rstrip().lower().endswith((" to", " is", " be", " are", " was"))


def _opens_subordinate(lead: str) -> bool:
    """Whether the clause holding a term that follows `lead` opens with a subordinator."""
    words = [word.lower() for word in _clause_words(lead)]
    if words[:2] == ["because", "of"]:
        return False  # a phrase, not a clause: "Because of precision medicine, patients ..."
    return bool(words) and words[0] in _SUBORDINATORS


def _clause_words(lead: str) -> list[str]:
    """The words of the last clause of `lead`, punctuation-only tokens (quotes) left out."""
    return [w for w in _CLAUSE_BREAK.split(lead)[-1].split() if any(c.isalnum() for c in w)]


def _is_purpose(text: str) -> bool:
    """A sentence that opens with "To ..." states a purpose ("To improve care through ...")."""
    return text.lstrip(" \t\n*_\"'").lower().startswith("to ")


def _scope(doc: Document, index: int, scope: str) -> list[tuple[int, int]]:
    """(block index, sentence number) of every sentence in a claim's scope."""
    if scope == "section":
        blocks = [doc.blocks[i] for i in _section_of(doc, index)]
    elif doc.blocks[index].kind == "table_cell":  # a table's unit of meaning is its row
        blocks = [doc.blocks[i] for i in doc.row_of(index)]
    else:
        blocks = [doc.blocks[index], *_list_after_colon(doc, index)]
    keys = []
    for block in blocks:
        i = doc.index(block)
        keys += [(i, n) for n in range(len(doc.sentences_of(i)))]
    return keys


# A sentence whose first words name one of these is about a method or a product.
METHOD_WORDS = 4
_METHOD_SUBJECTS = frozenset({
    "system", "systems", "platform", "platforms", "framework", "frameworks", "method", "methods",
    "model", "models", "tool", "tools", "technique", "techniques", "pipeline", "algorithm",
    "algorithms", "software", "package", "study", "paper", "project"})


def _column_header(doc: Document, index: int, aspects: re.Pattern[str]) -> bool:
    """Whether the table cell at `index` sits under a column header naming an aspect
    ("Benefit", "Advantages"): the header row is its table's first."""
    row, header = doc.row_of(index), doc.table_header(index)
    column = row.index(index)
    return header is not row and column < len(header) \
        and aspects.fullmatch(doc.blocks[header[column]].text.strip(_MARKUP + ":")) is not None


# Markdown's two kinds of list, as container names.
_LISTS = ("bullet_list", "ordered_list")
_LISTS_OR_TABLE = (*_LISTS, "table")

HEADING_ABOVE = "the heading above"
ROW_LABEL = "the first cell of its table row"
# A heading's family term this close to its start is its topic ("What is precision medicine?").
HEADING_TOPIC_WORDS = 3


def _heading_over(doc: Document, index: int) -> int | None:
    """The heading (or bold line standing for one) right above block `index`, or above the
    list whose item it is when that list comes right after the heading (by block index)."""
    if index > 0 and _heading_like(doc, doc.blocks[index - 1]):
        return index - 1
    start = index
    while start > 0 and _same_list(doc.blocks[start - 1], doc.blocks[index]):
        start -= 1
    if start == index or start == 0 or not _heading_like(doc, doc.blocks[start - 1]):
        return None
    return start - 1 if index in (doc.index(b) for b in _list_under(doc, start - 1)) else None


# A paragraph that is one bold phrase, perhaps with a colon, stands for a heading in notes and
# generated pages ("**Benefits of personalized medicine**" over a list).
_PSEUDO_HEADING = re.compile(r"(?:\*\*|__)[^*_\n]{1,80}?(?::(?:\*\*|__)|(?:\*\*|__):?)")
PSEUDO_HEADING_WORDS = 8


def _heading_like(doc: Document, block: Block) -> bool:
    """A heading, or a paragraph that is one line of only a short bold phrase (prose leaves
    the bold marks out, so the line is read from the source)."""
    if block.kind == "heading":
        return True
    text = block.text.strip()
    if block.kind != "paragraph" or not text or len(text.split()) > PSEUDO_HEADING_WORDS:
        return False
    line = doc.source.norm_line(block.line).strip()
    return _PSEUDO_HEADING.fullmatch(line) is not None \
        and line.replace("**", "").replace("__", "").strip() == text


# "## Why does it matter?" speaks of the topic of the section before it.
_REFERS_BACK = re.compile(r"\b(?:it|this|they|these)\b", re.IGNORECASE)


def _topic_heading(doc: Document, heading: int, aspects: re.Pattern[str] | None) -> int:
    """The heading whose topic the section of `heading` speaks of: that heading itself, or,
    when it names only an aspect ("## Benefits", "### Why it matters"), the heading above it
    of a higher level (any real heading above a bold line standing for one), or the heading
    just before it when the aspect refers back ("## Why does it matter?")."""
    if aspects is None:
        return heading
    block = doc.blocks[heading]

    def topic() -> int:
        # "## 🌟 Benefits", "## 2. Benefits"
        lead = HEADING_LEAD.match(block.text)
        words = block.text[lead.end() if lead else 0 :].strip(_MARKUP + "?:!.")
        if aspects.fullmatch(words):
            level = block.level or 7  # a bold line ranks below every heading
            back = _REFERS_BACK.search(words) is not None
            for i in range(heading - 1, -1, -1):
                other = doc.blocks[i]
                if other.kind == "heading" and (other.level < level
                                                or (back and other.level == level)):
                    return i
        return heading

    return doc.memo(("topic-heading", aspects.pattern, heading), topic)


def _list_under(doc: Document, heading: int) -> list[Block]:
    """The first blocks of the items (at most LIST_ITEMS * 2) of a list that comes right
    after a heading, or the first cells of a table's body rows there ("## Key benefits" over
    "| Better outcomes | ... |"); worked out once per heading and document."""
    def items() -> list[Block]:
        if heading + 1 >= len(doc.blocks):
            return []
        first = doc.blocks[heading + 1]
        if first.kind == "table_cell":
            rows = [row for row in doc.table_rows
                    if doc.blocks[row[0]].containers == first.containers]
            return [doc.blocks[row[0]] for row in rows[1 : 1 + LIST_ITEMS * 2]]
        if not first.containers or first.containers[0][0] not in _LISTS:
            return []
        found: list[Block] = []
        seen = set()
        for block in doc.blocks[heading + 1 :]:
            if not _same_list(block, first) or len(found) == LIST_ITEMS * 2:
                break
            item = block.containers[:2]  # the list and the item: the item's first block only
            if item not in seen:
                seen.add(item)
                found.append(block)
        return found

    return doc.memo(("list-under", heading), items)


def _same_list(block: Block, other: Block) -> bool:
    """Whether two blocks sit in the same top-level list (or table)."""
    return bool(block.containers) and bool(other.containers) \
        and block.containers[0] == other.containers[0] \
        and block.containers[0][0] in _LISTS_OR_TABLE


def _section_of(doc: Document, index: int) -> list[int]:
    """The block indexes of the innermost section that holds block `index`."""
    def innermost() -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for section in doc.sections:  # nested sections come after the one they are in
            numbers = [doc.index(block) for block in section]
            for number in numbers:
                found[number] = numbers
        return found

    return doc.memo(("innermost-sections",), innermost).get(index, [index])


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
            or following.containers[depth][0] not in _LISTS):
        return []
    the_list = following.containers[depth]
    items = []
    for later in doc.blocks[index + 1 :]:
        if len(later.containers) <= depth or later.containers[depth] != the_list:
            break
        items.append(later)
    return items
