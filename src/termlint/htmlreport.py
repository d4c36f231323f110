"""--format html: one self-contained page for reviewers who never open a terminal.

Summary counts (by severity, rule and file), then each file's findings with their sentence, the
match highlighted, the message and the suggestion or fix. Filters by rule and severity work
from the page itself (a few lines of inline script, no network, no other file), and the page
prints without them. Everything that comes from a draft or a rules file is escaped.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from termlint.findings import Finding
    from termlint.report import Report

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem;
       padding: 0 1rem; color: #1d1d1f; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; word-break: break-all; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
td, th { border: 1px solid #ccc; padding: .2rem .6rem; text-align: left; }
.summary { display: flex; flex-wrap: wrap; gap: 2rem; align-items: flex-start; }
fieldset { border: 1px solid #ccc; margin: .5rem 0; }
label { margin-right: 1rem; white-space: nowrap; }
ol.findings { padding-left: 1.2rem; }
li.finding { margin: .8rem 0; break-inside: avoid; }
.where { font-family: ui-monospace, monospace; font-size: .9rem; }
.severity-error { color: #b00020; } .severity-warning { color: #8a5a00; }
.severity-info { color: #005f87; }
blockquote { margin: .3rem 0; padding: .3rem .6rem; border-left: 3px solid #ccc;
             background: #f7f7f7; }
mark { background: #ffe08a; padding: 0 .1rem; }
.suggestion, .fix { font-size: .95rem; }
.hidden-count { color: #555; }
@media print {
  .filters, .hidden-count { display: none; }
  li.finding[hidden], section.file[hidden] { display: block; }
  a { color: inherit; }
}
"""

# Hide what the unchecked boxes exclude; a file with nothing left is hidden too.
_SCRIPT = """
(function () {
  function apply() {
    var off = {};
    document.querySelectorAll('.filters input').forEach(function (box) {
      if (!box.checked) { off[box.name + ':' + box.value] = true; }
    });
    var shown = 0;
    document.querySelectorAll('section.file').forEach(function (file) {
      var left = 0;
      file.querySelectorAll('li.finding').forEach(function (item) {
        var hide = off['rule:' + item.dataset.rule] || off['severity:' + item.dataset.severity];
        item.hidden = !!hide;
        if (!hide) { left += 1; }
      });
      file.hidden = left === 0;
      shown += left;
    });
    document.getElementById('shown').textContent = String(shown);
  }
  document.querySelectorAll('.filters input').forEach(function (box) {
    box.addEventListener('change', apply);
  });
  apply();
})();
"""


def render(report: Report) -> str:
    findings = list(report.findings)
    by_file: dict[str, list[Finding]] = {}
    for finding in findings:
        by_file.setdefault(finding.path, []).append(finding)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # No network: nothing may load from anywhere, scripts only inline.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">",
        "<title>termlint report</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>termlint report</h1>",
        f'<p id="totals">{len(findings)} problem{"s" if len(findings) != 1 else ""} in '
        f"{len(by_file)} of {report.files} file{'s' if report.files != 1 else ''}"
        f'<span class="hidden-count"> (<span id="shown">{len(findings)}</span> shown)'
        "</span>.</p>",
        _summary(findings, by_file),
        _filters(findings),
    ]
    for path, items in by_file.items():
        parts.append(f'<section class="file" data-path="{escape(path)}">'
                     f"<h2>{escape(path)}</h2><ol class=\"findings\">")
        parts += [_finding(f) for f in items]
        parts.append("</ol></section>")
    if report.errors:
        parts.append('<section class="errors"><h2>Files that could not be linted</h2><ul>')
        parts += [f"<li>{escape(str(e))}</li>" for e in report.errors]
        parts.append("</ul></section>")
    parts += [f"<script>{_SCRIPT}</script>", "</body></html>"]
    return "\n".join(parts) + "\n"


def _summary(findings: list[Finding], by_file: dict[str, list[Finding]]) -> str:
    severities = Counter(str(f.severity) for f in findings)
    rules = Counter((f.rule, f.name) for f in findings)
    rows = [
        ("By severity", ["severity", "problems"],
         [(name, severities[name]) for name in ("error", "warning", "info") if severities[name]]),
        ("By rule", ["rule", "problems"],
         [(f"{rule} {name}", count) for (rule, name), count in sorted(rules.items())]),
        ("By file", ["file", "problems"],
         [(path, len(items)) for path, items in by_file.items()]),
    ]
    out = ['<div class="summary">']
    for title, heads, body in rows:
        out.append(f'<table class="counts"><caption>{title}</caption><tr>'
                   + "".join(f"<th>{h}</th>" for h in heads) + "</tr>"
                   + "".join(f"<tr><td>{escape(str(k))}</td><td>{v}</td></tr>"
                             for k, v in body) + "</table>")
    out.append("</div>")
    return "".join(out)


def _filters(findings: list[Finding]) -> str:
    rules = sorted({(f.rule, f.name) for f in findings})
    severities = [s for s in ("error", "warning", "info")
                  if any(str(f.severity) == s for f in findings)]
    boxes = ['<form class="filters"><fieldset><legend>Rules</legend>']
    boxes += [f'<label><input type="checkbox" name="rule" value="{escape(rule)}" '
              f'id="filter-rule-{escape(rule)}" checked> {escape(rule)} {escape(name)}</label>'
              for rule, name in rules]
    boxes.append("</fieldset><fieldset><legend>Severity</legend>")
    boxes += [f'<label><input type="checkbox" name="severity" value="{s}" '
              f'id="filter-severity-{s}" checked> {s}</label>' for s in severities]
    boxes.append("</fieldset></form>")
    return "".join(boxes)


def _finding(f: Finding) -> str:
    severity = str(f.severity)
    out = [f'<li class="finding" data-rule="{escape(f.rule)}" data-severity="{severity}">',
           f'<div class="where">{escape(f.path)}:{f.line}:{f.column} '
           f'<span class="severity-{severity}">{severity}</span> '
           f"<strong>{escape(f.rule)}</strong> {escape(f.name)}</div>",
           f'<blockquote class="context">{_highlighted(f)}</blockquote>',
           f'<p class="message">{escape(f.message)}</p>']
    if f.suggestion:
        source = f.suggestion.get("source", "")
        link = (f' (<a href="{escape(source)}">{escape(source)}</a>)'
                if source.startswith(("https://", "http://")) else "")
        out.append(f'<p class="suggestion">Suggested example ({escape(f.suggestion["area"])}): '
                   f"{escape(f.suggestion['text'])}{link}</p>")
    if f.fix is not None:
        line, column, end_line, end_column = f.fix_region()
        where = ("" if f.fix.region is None
                 else f" {line}:{column}\u2013{end_line}:{end_column}")
        change = (f"replace{where or ' it'} with \u201c{escape(f.fix.replacement)}\u201d"
                  if f.fix.replacement else f"delete{where or ' it'}")
        out.append(f'<p class="fix">Fix ({escape(f.fix.applicability)}): {change}</p>')
    out.append("</li>")
    return "".join(out)


def _highlighted(f: Finding) -> str:
    """The finding's sentence with the match marked; the match alone when it is not in it."""
    match = " ".join(f.match.split())
    context = f.context or match
    at = context.find(match) if match else -1
    if at < 0:
        return f"{escape(context)} <mark>{escape(match)}</mark>" if match else escape(context)
    return (f"{escape(context[:at])}<mark>{escape(match)}</mark>"
            f"{escape(context[at + len(match):])}")
