"""PM101-PM106 on the classes of conflation that real writing uses, not only the pack's examples.

Every sentence here was written for this test: one per construction class the bundled pack
must recognise (aliases with a copula or a time adverb, renamings, apposition after an
abbreviation, a bare copula with an adverb, "the modern term for", "or what some call") and
one per look-alike it must let pass. All files go through one CLI run.
"""

from __future__ import annotations

from pathlib import Path

from conftest import misses_and_false_alarms

CONFLATIONS = [
    # aliases
    "Precision medicine, also known as personalized medicine, starts with a blood test.",
    "Precision medicine is also known as personalized medicine.",
    "Precision medicine is often referred to as personalised medicine.",
    "Personalized medicine is now more commonly called precision medicine.",
    "Personalized medicine, more recently termed precision medicine, starts with a swab.",
    "Precision medicine, which is also referred to as personalized medicine, starts early.",
    "Genomic medicine, formerly personalised medicine, is offered at our clinic.",
    "Personalised medicine has been rebranded as precision medicine.",
    "Dr Ode works in genomic medicine \u2014 or what some nurses now call precision "
    "medicine \u2014 and sees families.",
    # apposition and equivalence
    "Precision medicine (PM), or personalized medicine, starts with a blood test.",
    "Precision medicine is essentially personalized medicine.",
    "Precision medicine equals personalized medicine.",
    "Precision medicine, the modern term for personalized medicine, is offered here.",
    # an alias whose sentence mentions differences between people, not between the terms
    "Precision medicine, sometimes called personalized medicine, accounts for differences in "
    "people's genes.",
    # inside a MkDocs admonition
    "!!! note\n\n    Precision medicine, also called personalized medicine, starts early.\n",
    # the post-genomic family against genomic and personalized medicine
    "Post-genomic medicine is just another name for genomic medicine.",
    "Post-genomic medicine, also known as personalised medicine, is here.",
    # the other name owned by its users; a renaming by replacement; the writer's own usage
    "Precision medicine\u2014personalized medicine, as some call it\u2014starts with a blood test.",
    "Precision medicine has replaced the older term personalized medicine.",
    "We use precision medicine and personalized medicine as synonyms.",
    # the alias after another name, in brackets, or first; names listed for one thing
    "Precision medicine \u2014 also referred to as P4 or personalized medicine \u2014 starts with "
    "a blood test.",
    "Precision medicine (sometimes personalized medicine) starts with a blood test.",
    "Also known as personalized medicine, precision medicine starts with a blood test.",
    "Commonly called personalized medicine, precision medicine starts with a blood test.",
    "Personalized medicine, precision medicine, individualized medicine: whatever you call it, "
    "it starts with a blood test.",
    # a heading renamed by the text under it; a table column headed "Also known as"
    "# Precision medicine\n\nPersonalized medicine starts with a blood test.\n",
    "| Term | Also known as |\n|---|---|\n| Precision medicine | Personalized medicine |\n",
    # an unspaced dash, "which is the same as", the heads both written with a slash, an "or"
    # in commas, "or what used to be called", "is what we used to call", the writer's own
    # usage, an alias as a fragment
    "Precision medicine—also termed individualised medicine—starts with a blood test.",
    "Precision medicine, which is the same as personalized medicine, starts with a blood test.",
    "Precision medicine / personalized medicine starts with a blood test.",
    "Precision, or personalised, medicine starts with a blood test.",
    "In precision medicine, or what used to be called personalised medicine, a blood test "
    "comes first.",
    "Precision medicine is what we used to call personalised medicine.",
    "We use \"precision medicine\" to mean personalised medicine.",
    "Precision medicine starts with a blood test. Also known as personalised medicine.",
    "Personalized medicine is better described as precision medicine.",
    # sameness stated in any order, or right after a sentence naming the other term
    "Our ward calls it precision medicine; the team next door does the very same work under "
    "the label personalized medicine.",
    "The unit practises genomic medicine. The hospital board knows that same service as "
    "precision medicine.",
    "Genetic medicine (equivalently, precision medicine) is taught in year two.",
    "Personalised medicine, formerly known as precision medicine here, starts with a swab.",
    "For this leaflet, genomic medicine and precision medicine are synonyms.",
    # markup and quotes around the terms, dashes without spaces, lists in brackets
    "**Precision medicine** (also called **personalised medicine**) starts with a swab.",
    "Precision (or \u201cpersonalised\u201d) medicine starts with a blood test.",
    "Genetic medicine\u2014or precision medicine, as it is known in the clinic\u2014starts "
    "with a swab.",
    "Genomic medicine (also P4 or precision medicine) starts with a swab.",
    "Post-genomic medicine (personalised medicine, in other words) starts with a swab.",
    "The ward offers precision medicine, that is to say genetic medicine, to every family.",
    "She works in genomic-medicine (precision-medicine) clinics.",
    # a heading, and a body that opens with its alias; renaming across sentences
    "## Genomic medicine\n\nAlso called precision medicine, the clinic sequences genomes.\n",
    "Nurses here practise what we now call precision medicine. Years ago we called it "
    "personalized medicine.",
    "Precision medicine, which is just personalised medicine with better branding, starts "
    "with a swab.",
    "Genomic medicine is merely another name for our precision medicine clinic.",
    "The method, called precision medicine by some and genomic medicine by many others, "
    "starts with a swab.",
    "The Precision / Personalised / Stratified medicine team meets on Fridays.",
    # stratified medicine offered as the field's name is in the personalized family
    "Precision medicine, known in many British policy papers as stratified medicine, starts "
    "with a swab.",
    # the later sentence names both; a question answered with the other name; the other
    # name offered to the reader; "(also: B)"; "(what some call B)"
    "Genetic medicine reads DNA. This discipline, also called precision medicine, draws on "
    "genetics.",
    "What is precision medicine?\nPersonalised medicine means care planned around your genes.",
    "We lead in precision health \u2014 personalised health care, if you prefer \u2014 across "
    "the region.",
    "Genomic medicine (also: precision medicine) starts with a swab.",
    "Genetic medicine (what some wards call personalised medicine) starts with a swab.",
    # the other name owned by an institution, in its language, aside, or shrugged off
    "Make precision medicine, or genomic medicine as the trust calls it, open to all.",
    "Genetic medicine, or personalised medicine as the ministry prefers to call it, is here.",
    "Genomic medicine, or precision medicine in the language of the strategy, starts early.",
    "Genomic medicine (or, to use the newer term, precision medicine) starts with a swab.",
    "Please explain personalised medicine, or precision medicine or whatever it's called.",
    "A piece on genomic (a.k.a. precision) medicine in pharmacies.",
    "Personalised medicine, precision medicine, same thing really.",
    "Some call it post-genomic medicine and others precision health: two labels, one reality.",
    # an alias whose sentence speaks of differences between patients, not between the terms
    "Personalised medicine, also known as precision medicine, weighs measurable differences "
    "between patients.",
    "Genomic medicine, what the local papers tend to call personalised medicine, starts with "
    "a swab.",
    "Genetic medicine, or what my ward now brands \"precision medicine\", starts with a swab.",
    "We saw the arrival of genomic medicine, or post-genomic medicine as some prefer, in 2010.",
    "Personalised medicine (in these notes used synonymously with precision medicine) starts "
    "early.",
    "Stratified or precision medicine faces three barriers in gout clinics.",
    "Targeted medicine, the industry's shorthand for what academics call precision medicine, "
    "fills our pipeline.",
    "Q: Is genomic medicine the same as personalised medicine?\nA: Broadly, yes.",
    # an alias in a definition of what distinguishes patients; "we do not distinguish the two"
    "Precision medicine, also known as personalised medicine, weighs what distinguishes one "
    "patient from another.",
    "Here PM means personalised precision medicine: we do not distinguish the two.",
    # "A = B" in notes; "the term our ministry uses for what others call B"; "refers to as";
    # "syn." in a glossary; the next sentence saying it of both
    "- Post-genomic medicine = precision medicine (the lecturer uses both)",
    "Stratified medicine, the term our ministry uses for what others call precision medicine, "
    "starts with a swab.",
    "Individualised medicine, what the grant call refers to as precision health, starts early.",
    "**Genome-based medicine** (syn. *personalized medicine*) starts with a swab.",
    "You may hear of personalised medicine or genetic medicine. Both describe the same idea.",
    # a quoted conflation with nothing said against it is still passed on
    "\"Personalized precision medicine\" is printed on every poster in the lobby.",
]

NOT_CONFLATIONS = [
    "Precision medicine is best described as a subset of personalized medicine.",
    "Precision medicine / personalised medicine: what is the difference?",
    "Our course covers genomics / precision medicine / personalized medicine.",
    "We use \"precision medicine\" to mean something narrower than personalised medicine.",
    "Precision medicine is often described as an evolution of personalized medicine.",
    "There are differences between precision medicine, also called stratified care, and "
    "personalized medicine.",
    "Precision medicine differs from personalized medicine in scope.",
    "Post-genomic medicine goes beyond genomic medicine to ask what genes cannot explain.",
    "Personalized medicine is increasingly called for in rural clinics.",
    "Precision medicine has replaced trial and error in our personalized medicine clinic.",
    "# Precision medicine\n\nPersonalized medicine is a different idea: care shaped by the whole "
    "person.\n",
    "## Precision medicine\n\nThe clinic opened in 2020.\n",
    "| Precision medicine | Personalized medicine |\n|---|---|\n| Groups | Individuals |\n",
    # sameness cues that deny, ask, or speak of something else
    "Precision medicine and personalised medicine are not synonyms.",
    "Is genomic medicine the same thing as precision medicine?",
    "Precision medicine and genomic medicine use the same data in different ways.",
    "Some writers treat precision medicine and personalised medicine as synonyms, but this "
    "guide keeps them apart.",
    "Precision medicine is often used interchangeably with personalised medicine, but we "
    "prefer the narrower term.",
    "The Precision Medicine Initiative and our personalised medicine clinic share the same "
    "service desk.",
    # the sameness reported and denied at once, or called a mistake
    "Precision medicine and personalised medicine are used as if they meant the same, but "
    "they do not.",
    "I am tired of hearing precision medicine and personalised medicine used as synonyms.",
    "Leaflets treat precision medicine and personalised medicine as interchangeable. This "
    "confusion costs patients trust.",
    "Some leaflets say genomic medicine is the same as precision medicine. It is not: genomic "
    "medicine is one source of data for precision medicine.",
    # denied by "neither", or asked and answered no
    "Personalised medicine differs from concierge care. Neither is the same as genomic "
    "medicine.",
    "Is genomic medicine the same as personalised medicine? No, it is one part of it.",
    # "targeted medicines" are drugs
    "Precision medicine often relies on targeted medicines such as kinase inhibitors.",
    # a name ending in the term: no alternate use of it
    "Dr Ode directs the Institute for Personalized Medicine and advises on precision medicine.",
    # a conflation quoted to be criticised
    "Pitch decks say 'personalized medicine (aka precision medicine)'. Please stop.",
    "Avoid the phrase \"personalized precision medicine\": the two words mean different things.",
    "Never write \"precision/personalized medicine\" in a leaflet.",
    "The phrase \"genomic (precision) medicine\" is wrong: genomic medicine is one part of "
    "precision medicine.",
]


def test_a_proper_name_is_no_alternate_use(tmp_path: Path) -> None:
    """A programme named after one family, next to the other family's term, is not the
    document-level note for alternate terms (LABELLING.md: proper names used as names)."""
    missed, wrong = misses_and_false_alarms(
        tmp_path,
        ["Precision medicine starts with a blood test. Personalized medicine uses its result."],
        ["The Precision Medicine Initiative funded personalized medicine research."],
        keep=lambda f: f["kind"] == "conflation")
    assert not missed, missed
    assert not wrong, wrong


def test_titles_in_a_list_of_works_cited_are_no_alternate_use(tmp_path: Path) -> None:
    """A cited title quotes another writer's term: under "## References" it neither makes the
    document-level note nor a claim."""
    cited = ("# Gout care\n\nPrecision medicine matches drugs to markers in gout.\n\n"
             "## References\n\n1. Smith J. Personalized medicine, also known as precision "
             "medicine, improves outcomes in gout. J Gout. 2020;1:1-9.\n")
    missed, wrong = misses_and_false_alarms(
        tmp_path, [cited.replace("## References", "## Outlook")], [cited],
        keep=lambda f: f["kind"] in ("conflation", "actionability"))
    assert not missed, missed
    assert not wrong, wrong


def test_conflations_are_found_and_look_alikes_pass(tmp_path: Path) -> None:
    # (the document-level note for terms merely used side by side is an info, not a finding
    # of a construction)
    missed, wrong = misses_and_false_alarms(
        tmp_path, CONFLATIONS, NOT_CONFLATIONS,
        keep=lambda f: f["kind"] == "conflation" and f["severity"] == "warning")
    assert not missed, missed
    assert not wrong, wrong
