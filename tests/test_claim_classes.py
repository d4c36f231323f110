"""PM201 on the classes of claim that real writing uses, not only the pack's own examples.

Every sentence here was written for this test, one per construction class the bundled pack
must recognise (issue 13: "any verb of change, help, promise or impact", stand-ins, lists under
headings) and one per look-alike it must let pass. All files go through one CLI run.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from conftest import misses_and_false_alarms, run_json, source_slice

CLAIMS = [
    # change of practice, betterment, outranking
    "Precision medicine changes the way nurses care for people with lupus.",
    "Precision medicine is redefining how clinics treat asthma.",
    "Genomic medicine has greatly advanced care for children with epilepsy.",
    "Precision medicine strengthens the link between research and care.",
    "Personalized medicine outperforms usual care for some people with gout.",
    "Precision medicine works better than the usual approach for many patients.",
    "Precision medicine facilitates earlier diagnosis of rare conditions.",
    "Precision oncology prolongs survival for people with rare tumours.",
    "Precision medicine increases efficiency across the health system.",
    "Precision medicine creates new opportunities for patients and clinicians.",
    "Precision medicine equips clinicians with the tools they need.",
    "Precision medicine benefits patients by matching them with the right therapy.",
    # lessening a harm, with a modal and an adverb
    "Precision medicine can dramatically reduce spending on asthma drugs.",
    "Precision medicine decreases the burden of chronic disease.",
    "Precision medicine prevents disease before it starts.",
    # benefits reaching further, importance with any object, drivers, steps forward
    "The benefits of precision medicine extend beyond the patient to the whole family.",
    "The value of genomic medicine is clear to every nephrologist.",
    "Personalised medicine is key to a fairer asthma service.",
    "Precision medicine will be a major driver of innovation in gout care.",
    "Precision medicine is a major step forward for people with lupus.",
    "Precision health is now recognised as the future of kidney care.",
    # savings, yields, ends, shifts, associations, making things better, paying off
    "Precision medicine could save the health service millions every year.",
    "Precision medicine brings real improvements in the quality of asthma care.",
    "Genomic medicine has sharply increased the diagnostic yield in childhood epilepsy.",
    "Genomic medicine ends the diagnostic odyssey for families of children with seizures.",
    "Personalised medicine puts an end to guesswork in gout care.",
    "Precision health will shift the focus from treating gout to preventing it.",
    "Precision medicine is associated with better survival in rare kidney cancers.",
    "Precision medicine makes asthma care more predictive and preventive.",
    "In the long run, precision medicine pays for itself.",
    "Precision medicine is no longer a dream but a reality for people with lupus.",
    "Personalised medicine gives nurses the means to act before a flare starts.",
    "Precision health lets clinics intervene earlier in kidney disease.",
    # promise and potential with a longer phrase before them
    "Precision medicine holds a lot of potential for people with lupus.",
    "Genomic medicine has a great deal of promise for children with epilepsy.",
    "Precision medicine gives patients and their families new hope.",
    "Precision medicine has given hope to many people with gout.",
    # a change of practice from one thing to another; care based on the family
    "Precision oncology has shifted lung cancer care from tissue type to tumour genetics.",
    "Precision medicine-based care improves outcomes for people with lupus.",
    # an aspect of the heading's family as the subject, under an aspect heading
    "# Precision medicine\n\n## Benefit analysis\n\nThe expected benefits are substantial for "
    "people with gout.",
    # public-sector and journal wording of worth, importance and results
    "Genomic medicine is central to the future of kidney care.",
    "Precision medicine gives us an unprecedented opportunity to improve gout care.",
    "With genomic medicine, children with epilepsy are diagnosed more quickly.",
    "Genomic medicine can provide answers for families of children with seizures.",
    "Personalised medicine will shape the future of asthma care.",
    "Precision medicine is of paramount importance for the management of lupus.",
    "Pharmacogenomics has considerable clinical utility in kidney transplant care.",
    "Precision medicine approaches have demonstrated efficacy in rare kidney diseases.",
    "Precision medicine contributes significantly to the improvement of gout outcomes.",
    "Precision oncology has become an integral part of care for rare tumours.",
    "Precision medicine is gaining ground as an effective strategy against lupus.",
    "Precision medicine opens new perspectives for people with severe asthma.",
    # stand-ins for the family named just before: a shift, a movement, an area, its potential
    "Precision medicine is a new way of working. This shift will improve care for gout.",
    "Genomic medicine is growing. These developments will improve care for epilepsy.",
    "Personalised medicine is here. This way of working will improve asthma care.",
    "Personalised medicine is here. Its potential to improve asthma care is huge.",
    # a table of benefits under a heading on the family; a benefit noun as a list item
    "# Precision medicine\n\n## Key benefits\n\n| Benefit | For whom |\n|---|---|\n"
    "| Better outcomes | People with gout |\n",
    "### Advantages of precision medicine\n\n1. Cost-effectiveness in lupus care.\n",
    # evaluation by a copula; results, cures, halving; the right drug; ending an era
    "Precision medicine will be transformative for people with lupus.",
    "Genomic medicine is truly life-changing for families with epilepsy.",
    "Precision medicine is a success story in kidney care.",
    "Precision medicine is good for people with gout.",
    "For people with severe asthma, precision medicine is the answer.",
    "Precision medicine is the most exciting development in gout care.",
    "Precision medicine offers a better way to treat lupus.",
    "Precision medicine gets results for people with gout.",
    "Precision medicine means patients get the right drug first time.",
    "In the future, precision medicine will prevent most gout flares.",
    "Precision medicine will end the one-size-fits-all era in asthma care.",
    "Precision medicine has produced several cures for rare kidney diseases.",
    "Precision medicine could halve the cost of lupus care.",
    "Precision medicine has turned some kidney cancers into chronic conditions.",
    "With precision medicine we can now cure some childhood leukaemias.",
    # the family as the cause in a phrase before the clause that says what it did
    "Because of precision medicine, many people with lupus live longer.",
    # patient-facing wording: avoiding side effects, more options, telling why, finding the
    # cause, sparing treatments, letting a team plan
    "With precision medicine, you may avoid side effects from gout drugs.",
    "Precision medicine gives you and your doctor more options for lupus.",
    "Genomic medicine can tell you why your child has seizures.",
    "Genomic medicine may find the cause of your child's epilepsy.",
    "Precision medicine may spare you asthma treatments that will not help.",
    "Precision medicine lets your care team plan ahead for gout flares.",
    # marketing wording
    "Precision medicine is taking gout care to the next level.",
    "Precision medicine raises the bar for lupus care.",
    "Precision medicine sets a new standard for asthma care.",
    "Precision medicine is closing the gap between research and kidney care.",
    "Precision medicine is breaking down barriers to better gout care.",
    "Precision medicine is democratizing access to lupus treatments.",
    "Precision medicine is leading the charge against kidney cancer.",
    "Precision medicine is rewriting the rules of asthma treatment.",
    "Precision medicine is changing gout care for the better.",
    "Precision medicine is powering a healthier future for people with lupus.",
    # no example: a drug with no marker, a marker with no decision (issue 13, class 8)
    "Precision medicine improves care for people with gout. Many of them receive allopurinol.",
    "Precision medicine improves lupus care. The HLA-B gene was described long ago, and risk "
    "is higher in some families.",
    # a run of "It" items in a list under a heading on the family
    "## Precision medicine\n\n- It is run in three gout clinics.\n"
    "- It speeds up diagnosis of lupus.\n",
    # success stated bare; implications asserted
    "Precision medicine works. The evidence from gout clinics is overwhelming.",
    "Genomic medicine has profound implications for families with epilepsy.",
    # manner, rank, evaluation, promise, credit, success
    "Precision medicine treats lupus more effectively than older methods.",
    "Precision medicine is the best way to fight cancer.",
    "Personalized medicine is a promising approach for hard-to-treat asthma.",
    "Precision medicine is widely regarded as the future of healthcare.",
    "Now, precision medicine promises treatment tailored to your genes.",
    "Personalised medicine is widely credited with shorter hospital stays.",
    "Precision medicine has shown great success in treating certain cancers.",
    "Precision medicine is having a profound impact on kidney care.",
    "Personalized medicine can lead to significant cost savings.",
    "Precision medicine opens up exciting possibilities for families.",
    "Precision medicine is already delivering on its promise for people with gout.",
    # subjects: a stand-in, a clause of its own, a list of subjects, an equated noun
    "Precision medicine is an approach to care. These tailored treatments improve survival.",
    "Precision medicine is an approach to care. This means fewer visits for families.",
    "Precision medicine is an approach to care. Doing so cuts waiting times for families.",
    "Screening saves lives, while personalized medicine can reduce side effects.",
    "Point-of-care testing, wearables, and genomic medicine will transform kidney care.",
    "Precision medicine is a new approach to care that improves outcomes for people with gout.",
    "Precision medicine uses genomic data to improve care for people with gout.",
    # document shapes: a list under a heading about the family, a bare label over a list
    "## Why precision medicine?\n\n- Helps nurses plan care\n- Reduces side effects\n",
    "Genomic medicine:\n\n- shortens the search for a diagnosis\n- prevents adverse reactions\n",
    # letting someone act well, finding disease sooner, ending a worse practice, effectiveness
    "Precision medicine lets doctors pick the right drug.",
    "Precision medicine gives patients access to new therapies.",
    "Precision medicine tackles the root causes of disease.",
    "Precision medicine catches cancer early.",
    "Precision medicine raises survival rates for children with leukaemia.",
    "Precision medicine takes the guesswork out of prescribing.",
    "Precision medicine puts patients at the centre of care.",
    "Precision medicine turns data into better care.",
    "Precision medicine is cost-effective.",
    # a finding reported as fact, doubt denied
    "Studies demonstrate precision medicine improves survival in lung cancer.",
    "There is little doubt that personalised medicine will reshape asthma care.",
    # claims inside a GitHub alert, a MkDocs admonition, a MyST colon fence
    "> [!NOTE]\n> Precision medicine improves outcomes for everyone.\n",
    "!!! tip \"Good to know\"\n\n    Genomic medicine saves lives.\n",
    ":::{important}\nPersonalised medicine will transform asthma care.\n:::\n",
    # a title's label and an evaluation after its colon
    "## Precision medicine: a revolution in cancer care\n\nOur clinic opened in May.\n",
    # a chain of stand-ins for the family subject
    "Precision medicine is an approach to care. It takes genes into account. It can improve "
    "outcomes.",
    "Genomic medicine is a young field. This approach uses the genome. It also reduces side "
    "effects.",
    # a key, a yield, adoption as the standard, plural opportunities
    "Precision medicine holds the key to curing some cancers.",
    "Precision medicine yields better results for people with asthma.",
    "Precision oncology has become the standard of care for lung cancer.",
    "Precision medicine offers unprecedented opportunities for drug development.",
    # emoji before a heading's words and a list item's
    "# \U0001f9ec Precision medicine\n\nA short history.\n\n## \U0001f31f Benefits\n\n"
    "- \u2705 Fewer side effects\n",
    "## Why precision medicine?\n\n- \U0001f680 Improves care for older adults\n",
    # what people can now do through it
    "With the advent of precision medicine, patients can now receive targeted therapies.",
    # an introductory phrase with no comma
    "In oncology precision medicine has improved survival.",
    # lessening with any object; a sub-field as subject
    "Pharmacogenomics reduces adverse drug reactions in older adults.",
    "Precision medicine decreases the time to diagnosis for children with epilepsy.",
    # a document's structure: benefits as noun phrases in a list under a heading about the
    # family, and a heading naming only an aspect of the heading above it
    "## Benefits of precision medicine\n\n- Fewer adverse drug reactions\n- Earlier diagnosis\n",
    "# Precision medicine\n\nA short history.\n\n## 2. Key benefits\n\n- Shortens the search "
    "for a diagnosis\n",
    "# Personalised medicine\n\n## Why it matters\n\nIt reduces hospital stays for older adults.\n",
    "Precision medicine offers:\n\n- Earlier diagnosis\n- Fewer side effects\n",
    "# Genomic medicine\n\n**Advantages:** fewer side effects for older adults.\n",
    # a label naming the family in a section about it, or with no heading; a participle
    # after "to" that the verb before it carries; an area of a field heading the subject
    "## Precision medicine\n\n- **Precision oncology**: Improves survival for people with rare "
    "tumours\n",
    "- **Precision medicine**: improves survival for people with rare tumours\n",
    "Precision medicine leads to improved outcomes for people with gout.",
    "In 2020, advances in precision medicine improved asthma care.",
    "Precision medicine can benefit older adults with gout.",
    # importance and size asserted; the slogan as a deed; a discourse adverb between commas
    "The impact of precision medicine on gout care is enormous.",
    "Precision medicine could be a game changer for gout.",
    "Precision medicine is a cornerstone of modern gout care.",
    "Precision medicine is proving its worth in gout care.",
    "Precision medicine is crucial for better gout care.",
    "Precision medicine gets the right drug to the right patient.",
    "Precision medicine, by contrast, improves outcomes for people with gout.",
    # a document's structure: a heading that refers back ("Why does it matter?"), a bold
    # line standing for a heading, the field as a label over a benefit with no verb
    "## What is precision medicine?\n\nPrecision medicine uses genetic data to guide care.\n\n"
    "## Why does it matter?\n\nIt leads to better outcomes for people with gout.\n",
    "## Precision medicine\n\n**Key benefits**\n\n- Shorter hospital stays\n- Fewer side effects\n",
    "**Benefits of personalized medicine**\n- Reduce trial and error prescribing\n- Fewer adverse "
    "drug reactions\n",
    "Precision medicine: better care for everyone with gout.",
    # benefits as what exists or what it brings; the promise as a complement; consequences
    "There are many benefits of precision medicine, such as shorter hospital stays.",
    "Imagine treatments that work the first time. That is the promise of precision medicine.",
    "The era of precision medicine has arrived, bringing hope to millions.",
    "Precision medicine tailors care to each patient, resulting in shorter hospital stays.",
    "Precision medicine tailors care to each patient, which leads to shorter hospital stays.",
    # finding the best option, results, tools, place and direction
    "By reading a patient's genes, precision medicine can identify the most effective drug.",
    "Because it considers each patient's biology, precision medicine produces better results.",
    "Precision medicine has yielded impressive results in gout care.",
    "Today's precision medicine gives doctors powerful new tools to fight gout.",
    "Precision medicine gives every patient the best possible chance.",
    "Precision medicine is at the heart of modern gout care.",
    "Precision medicine is the way forward for gout care.",
    "Precision medicine represents the next frontier of gout care.",
    "Precision medicine increases the chance that a gout drug will work.",
    "Precision medicine is giving patients hope.",
    "Precision medicine has made some cancers curable.",
    "Precision health will keep older adults healthier for longer.",
    # a table row: its first cell names the field, another cell says what it does
    "| Approach | Benefit |\n|---|---|\n| Precision medicine | Improves outcomes for people with "
    "gout |\n",
    "| Approach | Benefit |\n|---|---|\n| **Pharmacogenomics** | Fewer adverse reactions in older "
    "adults |\n",
    # evidence that only looks like it: English words shaped like genes, other fields' codes
    "Precision medicine improves outcomes. Patients who met the criteria were offered a kit.",
    "Precision medicine improves outcomes. In the UK10K project, diagnosis rates were higher.",
    # verbs whose every sense is a betterment or a push forward, in any tense
    "Precision medicine is streamlining the path from gout test to treatment.",
    "Genomic medicine will revitalize drug discovery for lupus.",
    "Personalised medicine could modernise the asthma service.",
    "Precision oncology has spurred a wave of new trials in rare tumours.",
    "Precision medicine fuels innovation across kidney care.",
    "Pharmacogenomics accelerates the move away from guesswork in gout clinics.",
    "Precision health will elevate the standard of lupus care.",
    "Precision medicine sharpens the diagnosis of rare kidney disease.",
    "Genomic medicine simplifies hard choices about asthma drugs.",
    "Precision medicine broadens the options open to people with gout.",
    "Precision medicine lessens the burden on families of children with epilepsy.",
    "Precision medicine augments the nephrologist's judgement.",
    "Precision medicine speeds up the search for a lupus diagnosis.",
    "Precision medicine is overhauling how gout trials are run.",
    "Precision medicine catalyzes work between labs and asthma clinics.",
    "Precision medicine alters the course of lupus for many patients.",
    "Precision medicine bolsters the case for earlier kidney screening.",
    # nouns of worth and push as a complement
    "Precision medicine is the backbone of modern gout care.",
    "Precision medicine is an engine of innovation in lupus research.",
    "Precision medicine is a beacon of hope for families with rare kidney disease.",
    "Precision medicine is a force for good in asthma clinics.",
    "Precision medicine is now the gold standard in lupus nephritis.",
    "Precision medicine is a new dawn for people with gout.",
    "Precision medicine is making its mark on asthma care.",
    "Precision medicine is a resounding success in gout clinics.",
    "Precision medicine is a milestone in kidney care.",
    "Precision medicine is a major opportunity for lupus services.",
    # returns on the promise
    "Precision medicine is paying dividends for people with gout.",
    "Precision medicine is living up to its promise in lupus care.",
    "Precision medicine is bearing fruit in kidney care.",
    "Precision medicine is reaping rewards for asthma patients.",
    "Precision medicine has matured into a powerful tool for gout clinics.",
    "Precision medicine has touched the lives of many lupus patients.",
    # insight and worth
    "Precision medicine gives doctors a clearer picture of lupus.",
    "Precision medicine provides deeper insight into kidney disease.",
    "Precision medicine is worth the investment for gout clinics.",
    "For people with asthma, precision medicine matters.",
    "Precision medicine is on the cusp of a breakthrough in lupus care.",
    # "the benefits" and "the payoff" right after a sentence on the family; better care
    "Precision medicine uses gout data. The benefits are clear.",
    "Precision medicine uses lupus data. The payoff is better care.",
    # whitepaper wording
    "In recent years, precision medicine has emerged as a transformative approach to gout care.",
    "Precision medicine is superior to standard care for many people with lupus.",
    "Precision medicine outshines traditional approaches to asthma.",
    "Precision medicine is increasingly recognized as essential to modern kidney care.",
    "Precision medicine has become increasingly important in lupus care.",
    "Precision medicine stands out as a key innovation in gout care.",
    "Precision medicine is a critical component of modern asthma care.",
    "Precision medicine is at the core of modern lupus care.",
    "Precision medicine has shown considerable promise in kidney care.",
    # defeating disease, as news copy says it
    "Precision medicine gives people with lupus a fighting chance.",
    "Precision medicine is turning the tide against childhood leukaemia.",
    "Precision medicine is winning the war on gout.",
    "Precision medicine beats chemotherapy for some kidney tumours.",
    "Precision medicine is a lifesaver for children with rare kidney disease.",
    "Precision medicine slashes the cost of lupus care.",
    "Precision medicine breaks new ground in asthma care.",
    "Precision medicine shrinks tumours that chemotherapy cannot.",
    "Precision medicine halts the progression of kidney disease.",
    "Precision medicine rescues patients who had run out of options.",
    "Precision medicine offers a lifeline to people with lupus.",
    "Precision medicine restores hope to families of children with epilepsy.",
    "Precision medicine cures some childhood leukaemias.",
    "Precision medicine has conquered some rare cancers.",
    "Precision medicine fights disease at its root.",
    "Precision medicine tackles the causes of gout.",
    "Precision medicine reverses kidney damage in some patients.",
    "Precision medicine stops lupus flares in their tracks.",
    "Precision medicine has improved lupus outcomes, as many had hoped.",
    # journal wording of results
    "Overall, precision medicine appears to confer a survival advantage in lupus.",
    "Precision medicine was associated with a 30% reduction in gout flares.",
    "Precision medicine yielded a substantial gain in quality-adjusted life years.",
    "Precision medicine affords nephrologists greater certainty.",
    "Precision medicine was superior in terms of response rate in lupus.",
    "Precision medicine represents a valuable addition to asthma care.",
    "Precision medicine constitutes a major advance in gout care.",
    "Precision medicine will have profound consequences for lupus care.",
    # a denial set aside by "but"; returns, answers and causes
    "Precision medicine is no longer a vision but a reality in gout clinics.",
    "Precision medicine initiatives have demonstrated significant improvements in lupus care.",
    "Investment in precision medicine yields a high return for asthma services.",
    "Genomic medicine now provides a diagnosis for many families who waited years.",
    "Precision medicine is why survival in lupus has improved.",
    # betterment comparatives after a light verb, with any object
    "Precision medicine makes lupus clinics calmer, quicker and cheaper to run.",
    "Genomic medicine is making gout care kinder.",
    "Precision medicine consistently produces better remission rates in lupus.",
    "Precision medicine does better than usual care in asthma.",
    "Precision medicine offers something safer for people with gout.",
    # gains for patients; quantified lessening; old ways replaced; idioms of progress
    "Precision medicine has given our lupus patients months, sometimes years.",
    "Genomic medicine gave my aunt three extra years.",
    "Precision medicine is giving people with gout new options.",
    "Precision medicine cut asthma admissions by 40%.",
    "Precision medicine reduced lupus flares by about half.",
    "Genomic medicine is steadily replacing blanket prescribing in gout.",
    "Precision medicine has overturned the old view that lupus is one disease.",
    "Precision medicine will make blind dosing a thing of the past.",
    "Genomic medicine has moved the needle for lupus families.",
    "Precision medicine is levelling the playing field for rural asthma clinics.",
    "Precision medicine is unlocking therapies for rare lupus forms.",
    "Precision medicine moves clinics from guesswork to care that fits.",
    "Precision medicine will end the years of failed gout trials.",
    "Pharmacogenomics has taken much of the guesswork out of lupus prescribing.",
    "Precision medicine spares non-responders from needless lupus drugs.",
    "Precision medicine is rapidly becoming the standard of care in asthma.",
    "Precision medicine has already prevented thousands of asthma admissions.",
    "Genomic medicine is bringing that future closer for gout patients.",
    # adverbs before the verb; the family as agent of a lessening
    "Pharmacogenomics is quietly changing how gout clinics prescribe.",
    "Lupus flares have been reduced by precision medicine in our region.",
    # post-genomic medicine and stratified medicine (offered as the field's name) as subjects
    "Post-genomic medicine promises better gout care.",
    "Stratified medicine, as our trust calls the field, has transformed lupus clinics.",
    # more classes: gaps narrowed, timelines collapsed, "changed everything", "has done more
    # for", kept alive, made the difference, the rulebook rewritten, fields influenced
    "Precision medicine will narrow health inequalities in asthma.",
    "Genomic medicine has collapsed that timeline to a fortnight for lupus families.",
    "Precision medicine changed everything for my gout.",
    "Precision medicine has done more for asthma safety than any drug.",
    "Precision medicine has already kept lupus patients alive.",
    "Genomic medicine made the difference for my family.",
    "Precision medicine has rewritten the rulebook for gout trials.",
    "Precision medicine has profoundly influenced asthma care.",
    "Precision medicine is now driving earlier diagnoses in gout.",
    # "each" and "both" standing for two families named just before
    "Genomic medicine and precision medicine are separate clinics here. Both are already "
    "cutting waiting times for lupus.",
    "We fund genomic medicine and precision medicine. Both of them save lives in lupus.",
    # a question names its topic, and the answer's pronoun stands for it
    "What does precision medicine mean for gout patients? It means fewer flares.",
    "Why is everyone excited about genomic medicine?\n\nBecause it has halved lupus "
    "admissions.",
    # "it" after a sentence whose subject is people stands for the field named there
    "We talk a lot about precision medicine in clinic. It has already changed how we treat "
    "gout.",
    # the antecedent of a non-restrictive "which"
    "Our trust's focus is on precision medicine, which is improving gout care across the "
    "county.",
    # outcomes lifted, models flipped, waits and lotteries ended, pointless care cut out
    "When precision medicine is built on diverse genomes, it lifts outcomes for everyone.",
    "Precision medicine flips the old lupus care model on its head.",
    "Precision medicine can end that wait for people with gout.",
    "Precision medicine will end the postcode lottery in asthma care.",
    "Precision medicine cuts out a lot of the pointless lupus drugs.",
    "For lupus families, genomic medicine has been nothing short of transformational.",
    "Precision medicine is the reason I'm still here after my lupus diagnosis.",
    "Genomic medicine has since given thousands of families a diagnosis.",
    "Precision medicine has given me my life back after years of gout.",
    "Precision oncology is rewriting the natural history of some cancers.",
    "Personalised medicine of this kind is already cutting heart attacks and strokes.",
    "Genomic medicine has cut the time it takes to diagnose lupus.",
    "Personalised medicine has changed the nurse's role in gout clinics.",
    "I started precision medicine for lupus last year. It has meant fewer side effects.",
    # more outcomes: the management of families, options after a long object, counts cut,
    # disease caught, the real deal, a practice altered, the cost curve, answers found, a
    # diagnosis made of uncertainty
    "In these areas genetic medicine has changed the management of affected gout families.",
    "Precision medicine gives many people with severe lupus flares more treatment options.",
    "Precision medicine has cut the number of gout patients who need surgery.",
    "Precision cardiology is catching heart disease that the old screening missed.",
    "Precision health will keep people across the county healthy.",
    "Personalized medicine is the real deal for lupus.",
    "Genomic medicine has altered the course of gout care.",
    "Precision medicine is bending the cost curve in asthma.",
    "Genomic medicine finds answers when nothing else can.",
    "Genomic medicine turns years of uncertainty into a diagnosis.",
    "Everyone in my cohort is talking about pharmacogenomics. It's going to make lupus "
    "flares a thing of the past.",
    "There is no serious doubt that precision medicine improves gout outcomes.",
    # a later clause with its own family subject; a subject sharing its head with a modifier
    "Genomic medicine depends on good data, and when it works it matters: genomic medicine "
    "shortens gout clinic stays.",
    "Personalised or precision medicine is reshaping lupus care.",
    # superlatives of change, the biggest impact, modal diagnosis, good years, obsolete advice
    "Precision medicine is the single biggest change to gout care in decades.",
    "Precision medicine will have its biggest impact in gout clinics.",
    "Genomic medicine will soon diagnose most rare lupus forms at the first visit.",
    "Precision oncology is giving people with advanced cancer more good years.",
    "Precision medicine is making generic gout advice obsolete.",
    "Genetic medicine has changed the outlook for families with inherited gout.",
    # "going to cut the burden", "do for X what Y did", "made routine"
    "Precision health is going to cut the asthma burden dramatically.",
    "Precision medicine will do for lupus what insulin did for diabetes.",
    "Precision medicine has made gout prevention routine.",
]

NOT_CLAIMS = [
    "Precision medicine involves the use of genetic data to enable diagnosis of gout.",
    "Precision medicine is an approach to maximise the effectiveness of care by taking genes "
    "into account.",
    "- **Population health:** Scaling personalized medicine to benefit whole regions.\n",
    "Precision medicine promises tailored treatment but faces challenges in rural clinics.",
    "Precision medicine promises to tailor care, but realizing this promise requires better data.",
    "While precision medicine offers great promise, there are still challenges to overcome.",
    "The promise of precision medicine is fundamentally limited by what we know of genetics.",
    "Our nurses share a belief that genomic medicine can transform gout care.",
    "Their use in precision medicine enables faster drug screening.",
    "Wearable sensors in precision medicine will transform how gout is tracked.",
    "Our course covers statistics, ethics, and precision medicine to help nurses teach.",
    "Our new software is a platform for precision medicine. This approach cuts the time nurses "
    "spend on forms.",
    "## Uses of genomic data for precision medicine\n\n- Improves audits of lab data\n",
    "## Tools\n\n- Genomics and precision medicine\n- Improves audits of lab data\n",
    "Precision medicine improves outcomes: tumours with a MET exon 14 skipping mutation are "
    "treated with capmatinib.",
    "The cost of precision medicine reduces access for patients without insurance.",
    "Precision medicine needs better data systems and earlier referral.",
    "# Precision medicine\n\n## Challenges\n\n- Better data sharing between hospitals\n",
    "Precision medicine offers:\n\n- Genome sequencing\n- Genetic counselling\n",
    "This page explains how precision medicine works.",
    "Precision medicine is effective only when a test changes a decision.",
    "It is unclear whether precision medicine is cost-effective.",
    "Precision medicine raises questions about privacy.",
    "Precision medicine gives rise to ethical questions.",
    "Many clinicians doubt that precision medicine will reshape asthma care.",
    "Precision medicine: the evidence so far.",
    "Patient data holds the key to precision medicine.",
    "Patients with rare disease can now receive precision medicine at our clinic.",
    "# Precision medicine\n\n## \U0001f6d1 Challenges\n\n- \u2705 Better data sharing\n",
    "Genomics supports precision medicine. It is young. It enables faster drug screening.",
    "Our platform serves precision medicine. It is cloud based. It cuts costs for clinics.",
    "Precision medicine is an approach. It uses genes. They can improve outcomes.",
    "Precision medicine still needs a breakthrough in data sharing.",
    "In the current pharmacogenomics era, registry data has led to new dosing tables.",
    "# Precision medicine\n\nBetter data sharing is what hospitals need first.\n",
    "# Precision medicine\n\n## Genomic testing\n\n- Improves the diagnosis of rare disease\n",
    # a list item's label naming an area, in a section about something else; the family as
    # the object of a verb of direction, or of a gerund or participle; a participle used as
    # an adjective; "this approach" after an action
    "## Benefits of data sharing\n\n- **Precision medicine**: Enables faster matching of "
    "patients to trials\n",
    "### How can cloud records help?\n\n- **Precision medicine**:\n    - Enables faster "
    "matching of patients to trials\n",
    "Kidney studies contribute to precision medicine by tailoring treatments, improving "
    "healthcare outcomes for older adults.",
    "Cloud computing, by cutting costs, propels hospital research towards precision medicine, "
    "transforming care.",
    "In short, data sharing is a cornerstone of research, driving advances in precision "
    "medicine, genomics, and improved kidney care.",
    "- **Next steps**: Implement precision medicine approaches for improved asthma outcomes.\n",
    "- **Plans**: Combining diet records and pharmacogenomics data enables tailored plans. This "
    "approach ensures that meals suit each patient.\n",
    # table rows backed by a cell of their own, with a first cell naming something else, or
    # a cell with a subject of its own
    "| Approach | Benefit | Example |\n|---|---|---|\n| Pharmacogenomics | Reduces adverse "
    "reactions | Patients with a CYP2C19 variant are prescribed prasugrel instead of "
    "clopidogrel |\n",
    "| Source | Benefit |\n|---|---|\n| Precision medicine data | Improves research on gout |\n",
    "| Topic | Note |\n|---|---|\n| Precision medicine | Our nurses improve care for gout |\n",
    # the field as what something else is important to; the field's data or teaching as
    # the subject
    "Genomics is a cornerstone of precision medicine.",
    "Good data is crucial for precision medicine in gout clinics.",
    "Integrating pharmacogenomics education into nursing courses is essential for gout clinics.",
    "Precision medicine data is essential for research on gout.",
    # a heading that refers back to a section about something else; a bold line naming a
    # challenge; a benefit phrase that is a subject; the promise as an object
    "## What is precision medicine?\n\nIt uses genetic data.\n\n## Installation\n\nRun the "
    "setup.\n\n## Why does it matter?\n\nIt leads to better outcomes for people with gout.\n",
    "## Precision medicine\n\n**Key challenges**\n\n- Better data sharing between hospitals\n",
    "Precision medicine: better data is needed first.",
    "## Precision medicine\n\n**Benefits:**\n\n- Better data sharing is what we need first\n",
    "We discuss the promise of precision medicine for people with gout.",
    "Precision oncology means matching the right drug to the right patient.",
    # the field as the setting of an introductory phrase; a purpose after "for"; a relative
    # clause, with its copula, about the noun before it
    "In precision medicine, lab tests are often used for selecting optimal therapies for gout.",
    "In precision medicine, AI improves the reading of scans.",
    "Precision medicine studies immune responses, which is crucial for developing gout drugs.",
    # doubt stated as a fact; a promise set against what it delivered
    "Few studies show that precision medicine improves outcomes for people with gout.",
    "It is not clear that precision medicine improves outcomes for people with gout.",
    "Precision medicine promises much but has delivered little so far for gout.",
    # a definition by what the field is the practice of
    "Precision medicine is the approach of predicting and diagnosing gout from many markers.",
    "Precision medicine is the practice of improving care by matching drugs to genes.",
    "Precision medicine uses registry data, which improves research on gout.",
    "Precision medicine relies on genomic data, which leads to new privacy risks.",
    # a harm or a need made larger, a driver of a cost, importance of something else
    "Precision medicine makes data sharing more important than ever for gout research.",
    "Precision medicine makes the consent process more complicated for lupus clinics.",
    "Precision medicine is a driver of rising drug prices in asthma care.",
    "Genetic testing is key to precision medicine in kidney care.",
    "Precision medicine is associated with higher costs in the first year of gout care.",
    "The aim of genomic medicine is to end the diagnostic odyssey for families.",
    # promise and potential denied, pending or owed
    "Precision medicine shows little potential for common kidney diseases.",
    "Precision medicine has yet to fulfil its promise for people with gout.",
    "Precision medicine has not kept its promise to people with asthma.",
    "Precision medicine has to keep its promise to patients with lupus.",
    "Precision medicine has yet to realise its potential in asthma care.",
    # the family as a compound modifier of another head, in an "As" clause, heading a test
    "Patients in the pharmacogenomics-guided arm had results delivered to their doctors.",
    "As precision medicine moves into clinics, new software will link labs and wards, "
    "ensuring that results reach the right nurse.",
    "Pharmacogenomics testing before surgery is more efficient than testing afterwards.",
    # an aspect of something else, or weighed, under a heading on the family
    "# Precision medicine\n\n## Benefit analysis\n\nThe benefits of data sharing are "
    "substantial for gout research.",
    "# Precision medicine\n\n## Benefits\n\nBenefits and risks are weighed by the gout board.",
    # worth denied or doubted; a speed that is no benefit; interest is no value
    "Precision medicine has limited clinical utility in primary care for gout.",
    "Precision medicine has no proven value in asthma clinics.",
    "Precision medicine trials have failed to show benefit in lupus.",
    "Precision medicine is of great interest to kidney researchers.",
    "Precision medicine is moving more quickly in cancer than in gout care.",
    "Whether precision medicine is an effective strategy for gout is unclear.",
    # a stand-in noun with a topic of its own; "potential" as an adjective
    "Precision medicine needs data sharing. This shift in data policy will help gout research.",
    "Precision medicine relies on registries. These developments in registries will help "
    "gout research.",
    "Precision medicine is costly. Its potential harms are rarely discussed, and few studies "
    "help us weigh them.",
    # a table under a heading that names no aspect
    "# Precision medicine\n\n## Glossary\n\n| Term | Meaning |\n|---|---|\n"
    "| Better outcomes | Results that matter to people with gout |\n",
    # a writer's note to self: not yet asserted
    "> **Draft note:** precision medicine will transform gout care (add source).",
    "TODO precision medicine cuts costs for lupus clinics.",
    # evaluation denied, doubted, reported or owed; a condition; a cost doubled
    "Precision medicine is not beneficial for most people with gout.",
    "Precision medicine needs a success story to convince gout funders.",
    "Precision medicine is said to be transformative, but evidence for gout is limited.",
    "Precision medicine gets results only when the gout test is good.",
    "Precision medicine could double the cost of lupus care.",
    "Precision medicine is not the answer for asthma.",
    "Because of precision medicine, costs rose in gout clinics.",
    "Precision medicine researchers try to find the cause of rare kidney diseases.",
    "Precision medicine cannot tell you why your child has seizures.",
    # needs between the family and its predicate: a barrier, not a claim
    "Precision medicine requires better data to improve outcomes for people with gout.",
    "Precision medicine needs more evidence that it saves lives in lupus care.",
    "Precision medicine still needs to prove that it improves asthma outcomes.",
    "Precision medicine must overcome barriers to improve kidney care.",
    "Precision medicine has not closed the gap between research and gout care.",
    "Researchers lead the way in precision medicine for lupus.",
    # an open question
    "We ask how precision medicine will shape the future of gout care.",
    "This chapter explores how precision medicine improves outcomes in lupus.",
    # a marker with the decision it changes, in weak words ("are offered", "is not given")
    "Precision medicine improves gout care: carriers of HLA-B*58:01 are offered a drug other "
    "than allopurinol.",
    "Personalised medicine spares pregnant women injections: if a test finds no RHD gene in "
    "the baby, anti-D is not given.",
    # betterment verbs with the family as their object, in a passive, a participle phrase or
    # a relative clause; harm told with them; worth nouns lacked, missed or denied
    "Genomic data fuels precision medicine research on gout.",
    "Precision medicine relies on data pipelines that streamline lupus analysis.",
    "AI could accelerate precision medicine for asthma.",
    "Precision medicine was propelled by falling sequencing costs.",
    "Precision medicine has been bolstered by new funding for kidney research.",
    "Precision medicine, amplified by AI, is growing in gout clinics.",
    "Precision medicine deepens existing inequalities in lupus care, critics say.",
    "Precision medicine could widen the gap between rich and poor asthma patients.",
    "Precision medicine eases into routine gout care slowly.",
    "Precision medicine trials in lupus are sped up by adaptive designs.",
    "Precision medicine lacks a gold standard for validating gout biomarkers.",
    "Precision medicine missed a major opportunity to engage asthma patients.",
    "Precision medicine is hardly a beacon of hope for the uninsured.",
    "Precision medicine has not yet been a major success in psychiatry.",
    "Precision medicine relies on sequencing, the backbone of the field.",
    "Precision medicine has yet to pay dividends in gout care.",
    "Precision medicine is not living up to its promise in lupus care.",
    "Whether precision medicine will bear fruit in asthma is unclear.",
    "Investors in precision medicine reaped rewards last year.",
    "Whether precision medicine is worth the cost in gout care is unclear.",
    "Precision medicine is not worth the cost for most people with gout.",
    "What matters in precision medicine is the data.",
    "Precision medicine gives researchers a view of the lupus genome.",
    "Genomic testing for gout is cheap. The benefits are clear.",
    "Precision medicine uses genetic data. The benefits of exercise are clear.",
    "Precision medicine is better care only for the few who can pay.",
    "Precision medicine has emerged as a term in the last decade.",
    "Whether precision medicine is superior to standard care for gout is unknown.",
    "Data sharing is an essential component of precision medicine.",
    "Precision medicine has gained traction in lupus research.",
    "Precision medicine is no cure for poverty.",
    "Doctors hope precision medicine cures some cancers.",
    "Precision medicine in wound healing is a young field.",
    "Precision medicine trials in gout enrolled cured patients.",
    "Funding cuts could halt the growth of precision medicine.",
    "Precision medicine has yet to turn the tide against lupus.",
    "Precision medicine tackles nothing that matters to patients with gout.",
    "Precision medicine may stop lupus flares one day, researchers hope.",
    "Precision medicine was associated with an increase in adverse events in gout.",
    "Precision medicine conferred no survival benefit in the lupus trial.",
    "Precision medicine has serious consequences for privacy.",
    "Precision medicine was not superior to usual care for asthma.",
    "Investment in precision medicine for gout yielded no gains.",
    "Precision medicine has shown no improvements in lupus survival.",
    "Precision medicine provides a diagnosis for only a few families with rare kidney disease.",
    "Precision medicine is why costs in gout clinics have risen.",
    "Precision medicine is still a vision for most asthma clinics.",
    # software that serves the field, as the subject
    "The precision oncology module fuels the dashboard with live data.",
    "The precision medicine API speeds up onboarding for lupus clinics.",
    "The precision medicine pipeline streamlines variant calling.",
    # the field's people as the subject
    "Precision medicine researchers found the cause of a rare kidney disease.",
    "Precision medicine clinicians can now cure some childhood leukaemias.",
    # "It" after an item with a subject of its own
    "## Precision medicine\n\n- Genomics is one part of gout care.\n"
    "- It improves audits of labs.\n",
    # an explanation of how it works
    "Learn how precision medicine works in our gout clinic.",
    # the field as the one helped; the field, with its head noun, as an item of a list
    "Precision medicine can benefit from better kidney registries.",
    "Risk scores offer a strong approach, enabling risk assessment, precision medicine "
    "applications, and improved insights into gout.",
    # the family as an object of the predicate, not its subject
    "Cheaper sequencing makes precision medicine research possible in gout.",
    # a cost, a hope, a claim weighed at once or reported to be disputed
    "Precision medicine is expensive to deliver in small gout clinics.",
    "We hope that precision medicine will one day help lupus families.",
    "Precision medicine may reduce asthma admissions, but the evidence for most clinics is "
    "weak.",
    "Precision medicine, we are told, is transforming gout care.",
    "Vendors say genomic medicine halves lupus costs. Treat such figures with caution.",
    "Supporters say precision medicine could cut asthma deaths. Critics respond that the "
    "gains are confined to a few clinics.",
    "Precision medicine may cut gout flares, but our study was small and observational.",
    "Precision medicine is often credited with longer survival in lupus. In reality, few "
    "patients get a matched drug.",
    # claims weighed right away, reported as a promise, or a description of how to act
    "Precision medicine may lower asthma costs, but the modelling studies disagree.",
    "Some say genomic medicine will make gout care cheaper, while others argue the opposite.",
    "Precision medicine may help lupus care. The evidence, so far, is much thinner than the "
    "adverts suggest.",
    "Fans say precision medicine will cut asthma costs. The evidence does not yet support "
    "that.",
    "Every brochure seems to promise that precision medicine will change gout care.",
    "Precision medicine is an approach that weighs genes when deciding how to prevent or "
    "treat lupus.",
    # what it is about, not what it achieved
    "Precision medicine is not just about labs; it is about making gout care more personal.",
    # a question whose answer speaks of something else
    "What does precision medicine need in gout? Registries improve everything.",
    # "it" after a subject that is a thing stands for that thing
    "Genomics supports precision medicine in gout. It improves lab audits.",
    # a predicate with a pronoun subject of its own; a claim denied at once; "years away"
    "Genomic medicine is a set of gout services we can deliver today.",
    "Precision medicine will make us better at grouping lupus patients. It will not, on its "
    "own, make us better at listening.",
    "Genomic medicine has been 'five years away' from transforming gout care for twenty years.",
    # a predicate in a clause with a subject of its own; claims weighed by the writer
    "Post-genomic medicine is a label for the years after the genome, when attention shifted "
    "from genes to networks.",
    "The promise of precision medicine is better lupus care. Promises, however, are not "
    "outcomes.",
    "Firms say precision medicine is transforming gout care. The data are more modest.",
    "Everyone says precision medicine will cure asthma. Maybe it helps some people, I don't "
    "know.",
    # reported and then doubted: "is often said to", "We are sceptical", "Others think"
    "Precision medicine is often said to make gout screening obsolete. We are sceptical.",
    "Some argue that genomic medicine will change lupus care. Others think it changes little.",
    # "each" before a noun is no stand-in
    "Genomic medicine and precision medicine are separate clinics here. Each clinic is "
    "already improving its booking system.",
    # moving itself (adoption), harm in a comparative, a light verb without a betterment
    "As pharmacogenomics moves from research to routine care, lupus clinics hire staff.",
    "Precision medicine makes lupus clinics busier and more costly.",
    "Precision medicine gives researchers longer lists of variants in gout.",
    # an actionable example: a marker with the drug it adds, a test that prompts a decision
    "Precision medicine is improving lupus care: when a patient's TPMT test shows low "
    "activity, azathioprine is added at a lower dose.",
    "Precision oncology is changing follow-up: a rising ctDNA level prompts earlier imaging.",
]


def test_claims_are_found_and_look_alikes_pass(tmp_path: Path) -> None:
    missed, wrong = misses_and_false_alarms(tmp_path, CLAIMS, NOT_CLAIMS, "--select", "PM201")
    assert not missed, missed
    assert not wrong, wrong


# Hard-wrapped at these widths, a text must read as it does on one line. (Many real Markdown
# files wrap prose at 60-80 columns; narrow widths put a break at every point of a sentence.)
WRAP_WIDTHS = (20, 28, 37)


def test_hard_wrapped_texts_read_as_one_line(tmp_path: Path) -> None:
    def plain(text: str) -> bool:
        return "\n" not in text and not text.startswith(("#", "-", "!", ":", "|", "*"))

    def wrapped(texts: list[str]) -> list[str]:
        return [textwrap.fill(text, width, break_on_hyphens=False)
                for text in texts if plain(text) for width in WRAP_WIDTHS]

    names = ["We present the Precision Oncology Intelligence Agent, a system that ranks "
             "therapies to deliver better care."]
    missed, wrong = misses_and_false_alarms(
        tmp_path, wrapped(CLAIMS), wrapped(NOT_CLAIMS + names), "--select", "PM201")
    assert not missed, missed
    assert not wrong, wrong


def test_a_table_row_claim_is_reported_at_its_cell(tmp_path: Path) -> None:
    """A claim split across a row's cells is reported at the cell that makes it, with the
    table row as the scope its evidence was looked for in."""
    text = ("# Care\n\n| Approach | Benefit |\n|---|---|\n"
            "| Precision medicine | Improves outcomes for people with gout |\n")
    (tmp_path / "row.md").write_text(text, encoding="utf-8")
    _, report = run_json("--select", "PM201", "--exit-zero", "--no-cache", tmp_path / "row.md")
    [finding] = report["findings"]
    assert (finding["line"], finding["column"]) == (5, 24)
    assert source_slice(text, finding) == "Improves outcomes for people with gout"
    assert finding["why"]["subject"] == "Precision medicine (the first cell of its table row)"
    assert "table row" in finding["why"]["evidence"]
