"""Exact positions through the real command line, in every prose construct.

Each prose occurrence is a unique marker (`tgtN`), so the test knows where it must be reported
without trusting termlint's own arithmetic; markers in non-prose places (`skipN`) must never be
reported.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_json, source_slice, write_rules

MARKER_RULE = """\
  - id: TM001
    name: marker
    kind: existence
    severity: warning
    message: "{match}"
    description: test
    patterns: ['tgt\\d+', 'skip\\d+', 'wrapped phrase\\d+']
    examples: {invalid: ["tgt1"], valid: ["x"]}
"""

DOC = """\
---
title: skip1 front matter
---

# Heading tgt1 with `skip2` code

Setext tgt2
-----------

Paragraph tgt3 with *emphasis tgt4* and **strong tgt5** and ~~struck tgt6~~.
Escaped \\*tgt7\\* and entity &amp; tgt8 and &copy;tgt9.
A [link tgt10](https://example.org/skip3 "title skip4") and ![alt tgt11](img/skip5.png).
An autolink <https://example.org/skip6> and a bare URL https://example.org/skip7 tgt12.
Inline <span class="skip8">html tgt13</span> and <!-- comment skip9 --> tgt14.
Reference [text tgt15][ref] and a wrapped phrase1
across a soft break.

[ref]: https://example.org/skip10 "skip11"

- item tgt16
  - nested tgt17
    1. deep tgt18 with a wrapped
       phrase2 inside

> quote tgt19
> > nested quote tgt20 and a wrapped
> > phrase3 here
> - list in quote tgt21

| head tgt22 | with \\| pipe tgt23 |
|---|---|
| `skip12` cell tgt24 | cell tgt25 |

\tIndented code skip13

```
fenced skip14
```

<div>
html block skip15
</div>

Tabs\there\ttgt26 and unicode ünï tgt27 😀 tgt28.
{{ skip16 }} and {% skip17 %} and [[skip18]] around tgt29.

{% include note.html content="A callout tgt30 here." type="skip19" %}
"""


def expected_positions(text: str) -> list[tuple[str, int, int]]:
    """Where each marker really is: unique strings, so a search is a valid oracle here."""
    body = text.removeprefix("\ufeff")
    lines = re.split(r"\r\n|\n", body)
    found = []
    for number, line in enumerate(lines, 1):
        for match in re.finditer(r"tgt\d+", line):
            found.append((match.group(), number, match.start() + 1))
    return found


@pytest.mark.parametrize("variant", ["lf", "crlf", "bom", "bom-crlf"])
def test_every_prose_construct_is_placed_exactly(tmp_path: Path, variant: str) -> None:
    text = DOC.replace("\n", "\r\n") if "crlf" in variant else DOC
    if "bom" in variant:
        text = "\ufeff" + text
    doc = tmp_path / "doc.md"
    doc.write_bytes(text.encode("utf-8"))
    rules = write_rules(tmp_path, MARKER_RULE)
    _, data = run_json("--rules", rules, doc)
    assert data["errors"] == []
    findings = data["findings"]
    skipped = [f["match"] for f in findings if f["match"].startswith("skip")]
    assert skipped == [], f"non-prose was linted: {skipped}"
    markers = [(f["match"], f["line"], f["column"]) for f in findings
               if f["match"].startswith("tgt")]
    assert markers == expected_positions(text)
    for finding in findings:
        assert source_slice(text, finding) == finding["match"]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_wrapped_phrases_span_both_lines(tmp_path: Path, newline: str) -> None:
    text = DOC.replace("\n", newline)
    doc = tmp_path / "doc.md"
    doc.write_bytes(text.encode("utf-8"))
    rules = write_rules(tmp_path, MARKER_RULE)
    _, data = run_json("--rules", rules, doc)
    wrapped = {f["match"].split()[-1]: f for f in data["findings"]
               if f["match"].startswith("wrapped")}
    assert sorted(wrapped) == ["phrase1", "phrase2", "phrase3"]
    assert (wrapped["phrase1"]["line"], wrapped["phrase1"]["end_line"]) == (15, 15)
    assert (wrapped["phrase2"]["line"], wrapped["phrase2"]["end_line"]) == (22, 23)
    assert wrapped["phrase2"]["match"] == f"wrapped{newline}       phrase2"
    assert (wrapped["phrase3"]["line"], wrapped["phrase3"]["end_line"]) == (26, 27)
    assert wrapped["phrase3"]["match"] == f"wrapped{newline}> > phrase3"
    assert wrapped["phrase3"]["end_column"] == len("> > phrase3") + 1
