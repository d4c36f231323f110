"""--format html: a self-contained page, escaped, and checked in a real headless browser."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, run_termlint

CHROMIUM_NAMES = ("chromium", "chromium-browser")


def html_report(*args: str | Path, cwd: Path = ROOT) -> str:
    result = run_termlint("--format", "html", *args, cwd=cwd)
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def test_the_page_is_self_contained(tmp_path: Path) -> None:
    page = html_report("examples/")
    assert page.startswith("<!DOCTYPE html>")
    # nothing loads from elsewhere: no external scripts, styles, images or fonts
    assert not re.search(r"<(?:link|img|iframe)\b|\bsrc=|@import|url\(", page)
    assert "default-src 'none'" in page
    assert page.count('<li class="finding"') == 7


def test_everything_from_a_draft_is_escaped(tmp_path: Path) -> None:
    doc = tmp_path / "a <b>.md"
    doc.write_text("Precision medicine improves care <script>alert(1)</script> for all & "
                   "\"everyone\".\n", encoding="utf-8")
    page = html_report(doc.name, cwd=tmp_path)
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "a &lt;b&gt;.md" in page and "<b>.md" not in page
    assert "&amp; &quot;everyone&quot;" in page


def chromium() -> str:
    """The system's Chromium, installed from Debian's packages when missing (as root)."""
    found = next((shutil.which(n) for n in CHROMIUM_NAMES if shutil.which(n)), None)
    if found:
        return found
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.skip("no Chromium, and it cannot be installed here (needs root and apt-get)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (["apt-get", "update"], ["apt-get", "install", "-y", "chromium"]):
        if subprocess.run(command, capture_output=True, env=env, check=False).returncode:
            pytest.skip(f"Chromium could not be installed: {' '.join(command)} failed")
    found = next((shutil.which(n) for n in CHROMIUM_NAMES if shutil.which(n)), None)
    if not found:
        pytest.skip("Chromium was installed but is not on PATH")
    return found


def headless(browser: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                           "--no-first-run", *args], capture_output=True, text=True,
                          timeout=120, check=False)


def test_the_report_in_a_real_browser(tmp_path: Path) -> None:
    browser = chromium()
    page = tmp_path / "report.html"
    page.write_text(html_report("examples/"), encoding="utf-8")
    shot = tmp_path / "report.png"
    headless(browser, f"--screenshot={shot}", "--window-size=1200,1800", page.as_uri())
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    # printed (print styles hide the filters): a real PDF of more than a blank page
    pdf = tmp_path / "report.pdf"
    headless(browser, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 10_000
    # A click on the PM201 filter, made by the browser on the page's own DOM; the script
    # records what is left visible where --dump-dom can read it.
    probe = tmp_path / "probe.html"
    probe.write_text(page.read_text(encoding="utf-8") + """<script>
document.body.dataset.before = document.querySelectorAll('li.finding:not([hidden])').length;
document.getElementById('filter-rule-PM201').click();
document.body.dataset.after = document.querySelectorAll('li.finding:not([hidden])').length;
document.body.dataset.marks = document.querySelectorAll('li.finding mark').length;
</script>
""", encoding="utf-8")
    dom = headless(browser, "--dump-dom", probe.as_uri()).stdout
    body = re.search(r"<body([^>]*)>", dom)
    assert body is not None, dom[:500]
    data = dict(re.findall(r'data-(\w+)="(\d+)"', body.group(1)))
    assert data == {"before": "7", "after": "5", "marks": "7"}
    hidden = re.findall(r'<li class="finding" data-rule="(\w+)"[^>]*\bhidden\b', dom)
    assert hidden == ["PM201", "PM201"]
    assert re.search(r'<span id="shown">5</span>', dom)
