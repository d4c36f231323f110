"""--fix under duress: killed mid-run, files that are read-only, symlinked, or edited meanwhile."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_json, run_termlint, write_rules
from termlint import fixes
from termlint.cli import main
from termlint.files import is_markdown
from termlint.linter import Linter
from termlint.source import Source

pytestmark = pytest.mark.skipif(os.name != "posix", reason="signals and modes as on POSIX")

RULES = """\
  - id: TK001
    name: plain
    kind: substitution
    severity: warning
    message: "{match} -> {replacement}"
    description: test
    swap: {medication compliance: medication adherence, utilize: use, in order to: to}
    examples: {invalid: ["utilize"], valid: ["use"]}
"""
SENTENCES = ["We utilize the data.", "Good medication compliance matters.",
             "We met in order to plan.", "Nothing here.", "Text with *emphasis* and `code`."]
DRAFT = "# Draft\n\nWe utilize the data in order to plan.\n"
FIXED_DRAFT = "# Draft\n\nWe use the data to plan.\n"
TEMP_FILE = re.compile(r"\.termlint-.*\.tmp")  # how fixes.write_atomic names its temp files


def _fixed(data: bytes) -> bytes:
    """What --fix must make of a draft: every swap made, every other byte kept."""
    for old, new in [(b"medication compliance", b"medication adherence"),
                     (b"utilize", b"use"), (b"in order to", b"to")]:
        data = data.replace(old, new)
    return data


def _drafts(folder: Path, count: int, rng: random.Random) -> dict[str, bytes]:
    """`count` drafts with many fixes each, some with CRLF, some with a BOM."""
    folder.mkdir()
    drafts = {}
    for number in range(count):
        paragraphs = (" ".join(rng.choice(SENTENCES) for _ in range(4)) for _ in range(10))
        text = f"# Draft {number}\n\n" + "\n\n".join(paragraphs) + "\n"
        if number % 3 == 1:
            text = text.replace("\n", "\r\n")
        bom = "\ufeff" if number % 4 == 2 else ""
        data = (bom + text).encode("utf-8")
        drafts[f"d{number:02}.md"] = data
        (folder / f"d{number:02}.md").write_bytes(data)
    return drafts


def _start_fix(rules: Path, folder: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    # Its own process group, so one killpg reaches the forked workers too; they inherit the
    # stdout pipe, so reading it to the end waits until every one of them is gone.
    return subprocess.Popen([sys.executable, "-m", "termlint", "--fix", "--rules", str(rules),
                             str(folder)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            env=env, start_new_session=True)


@pytest.mark.slow
def test_killed_fix_leaves_each_file_old_or_fixed(tmp_path: Path) -> None:
    rng = random.Random(20240611)
    rules = write_rules(tmp_path, RULES)
    originals = _drafts(tmp_path / "pristine", 40, rng)
    expected = {name: _fixed(data) for name, data in originals.items()}

    # An undisturbed run: the fixes expected, and how long a run takes here.
    shutil.copytree(tmp_path / "pristine", tmp_path / "calm")
    started = time.monotonic()
    calm = _start_fix(rules, tmp_path / "calm")
    output = calm.communicate(timeout=60)[0].decode()
    duration = time.monotonic() - started
    assert calm.returncode == 0, output
    assert {p.name: p.read_bytes() for p in (tmp_path / "calm").iterdir()} == expected

    mixed, with_temp_files = [], []
    for attempt in range(20):
        folder = tmp_path / f"run{attempt:02}"
        shutil.copytree(tmp_path / "pristine", folder)
        victim = _start_fix(rules, folder)
        # From before the first write to past the last one (the run starts with imports).
        time.sleep(rng.uniform(0, 1.2 * duration))
        if rng.random() < 0.5:
            os.killpg(victim.pid, signal.SIGKILL)
        else:
            os.kill(victim.pid, signal.SIGKILL)  # orphaned workers finish their task, then die
        victim.communicate(timeout=60)
        left = {p.name: p.read_bytes() for p in folder.iterdir()}
        temp_files = sorted(name for name in left if name not in originals)
        assert all(TEMP_FILE.fullmatch(t) and not is_markdown(t) for t in temp_files), temp_files
        states = {"old" if left[n] == originals[n] else "fixed" if left[n] == expected[n]
                  else f"torn {n}" for n in originals}
        assert states <= {"old", "fixed"}, (attempt, states)
        if states == {"old", "fixed"}:
            mixed.append(folder)
        if temp_files:
            with_temp_files.append(folder)
    # Otherwise every kill came before the first write or after the last: nothing was shown.
    assert mixed, "no run was killed while it was writing; the delays need retuning"

    # A run after a kill finishes the job; the temporary files left behind are not linted.
    folder = (with_temp_files or mixed)[0]
    code, data = run_json("--rules", rules, "--fix", folder)
    assert (code, data["errors"]) == (0, [])
    assert all((folder / n).read_bytes() == expected[n] for n in originals)


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    return write_rules(tmp_path, RULES)


def test_read_only_file_is_refused_and_the_others_are_fixed(tmp_path: Path, rules: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.md", "b.md", "c.md"):
        (docs / name).write_text(DRAFT, encoding="utf-8")
    (docs / "b.md").chmod(0o444)  # refused by its mode, so even root leaves it alone
    result = run_termlint("--rules", rules, "--fix", "docs", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "docs/b.md: not fixed: the file is read-only\n"
    assert [(docs / n).read_text(encoding="utf-8") for n in ("a.md", "b.md", "c.md")] == [
        FIXED_DRAFT, DRAFT, FIXED_DRAFT]
    assert result.stdout.startswith("docs/b.md:3:4: warning TK001 [*] utilize -> use\n")


def test_fix_follows_symlinks_found_in_a_folder(tmp_path: Path, rules: Path) -> None:
    """A symlink is fixed through, even to a file outside the folder; the link itself stays."""
    docs, elsewhere = tmp_path / "docs", tmp_path / "elsewhere"
    docs.mkdir()
    elsewhere.mkdir()
    for name in ("outside.md", "locked.md"):
        (elsewhere / name).write_text(DRAFT, encoding="utf-8")
    (elsewhere / "locked.md").chmod(0o444)
    (docs / "inside.md").write_text(DRAFT, encoding="utf-8")
    (docs / "a-link.md").symlink_to("inside.md")  # sorts first: the real file is then clean
    (docs / "b-out.md").symlink_to(elsewhere / "outside.md")
    (docs / "c-locked.md").symlink_to(elsewhere / "locked.md")  # the target's mode counts
    (docs / "d-gone.md").symlink_to("nowhere.md")
    code, data = run_json("--rules", rules, "--fix", "docs", cwd=tmp_path)
    assert code == 2
    assert data["errors"] == [
        {"path": "docs/c-locked.md", "message": "not fixed: the file is read-only"},
        {"path": "docs/d-gone.md", "message": "no such file"},
    ]
    assert (docs / "inside.md").read_text(encoding="utf-8") == FIXED_DRAFT
    assert (elsewhere / "outside.md").read_text(encoding="utf-8") == FIXED_DRAFT
    assert (elsewhere / "locked.md").read_text(encoding="utf-8") == DRAFT
    assert data["summary"]["fixed"] == 4  # two in inside.md (through its link), two outside
    assert all((docs / n).is_symlink() for n in ("a-link.md", "b-out.md", "c-locked.md"))
    assert sorted(p.name for p in elsewhere.iterdir()) == ["locked.md", "outside.md"]


def test_file_edited_between_read_and_write_is_not_fixed(
    tmp_path: Path, rules: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("a.md", "b.md"):
        (docs / name).write_text(DRAFT, encoding="utf-8")
    edited = DRAFT + "A line saved by an editor meanwhile.\n"
    real_fix_source = fixes.fix_source

    def fix_while_an_editor_saves(linter: Linter, source: Source, unsafe: bool) -> fixes.FixResult:
        result = real_fix_source(linter, source, unsafe)
        if result.path.endswith("a.md"):
            (docs / "a.md").write_text(edited, encoding="utf-8")
        return result

    monkeypatch.setattr(fixes, "fix_source", fix_while_an_editor_saves)
    monkeypatch.chdir(tmp_path)
    code = main(["--format", "json", "--jobs", "1", "--rules", str(rules), "--fix", "docs"])
    data = json.loads(capsys.readouterr().out)
    assert code == 2
    assert data["errors"] == [{"path": "docs/a.md", "message":
                               "not fixed: the file changed on disk while termlint was running"}]
    assert (docs / "a.md").read_text(encoding="utf-8") == edited  # the editor's save wins
    assert (docs / "b.md").read_text(encoding="utf-8") == FIXED_DRAFT
    # a.md's findings are those of what was read, as nothing was written.
    assert [(f["path"], f["match"]) for f in data["findings"]] == [
        ("docs/a.md", "utilize"), ("docs/a.md", "in order to")]
    assert data["summary"]["fixed"] == 2


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_fix_by_root_keeps_the_owner(tmp_path: Path, rules: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text(DRAFT, encoding="utf-8")
    os.chown(doc, 4321, 4321)
    result = run_termlint("--rules", rules, "--fix", doc)
    assert result.returncode == 0, result.stderr
    assert doc.read_text(encoding="utf-8") == FIXED_DRAFT
    # Otherwise a `sudo termlint --fix` (or a CI container running as root) leaves the writer
    # a file of root's that they can no longer save.
    assert (doc.stat().st_uid, doc.stat().st_gid) == (4321, 4321)
