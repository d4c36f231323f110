"""Files termlint cannot read, each beside drafts it can: every one is reported as one line
naming it, the other files are still linted, and the exit status is 2."""

from __future__ import annotations

import builtins
import errno
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import termlint.files
from conftest import WORD_RULE, run_json, run_termlint, write_rules
from termlint.cli import main

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symlinks and FIFOs as on POSIX")

DRAFT = "We study precision medicine.\n"
FINDING = "docs/draft.md:1:10: warning TW001 found precision medicine"
# The first bytes of an x86-64 ELF executable: 0xd0 starts a sequence that 0x67 cannot continue.
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00\x01\x00\x00\x00\xd0\x67"
# Enough clean drafts that --jobs 2 really forks two workers (runner.MIN_FILES_PER_WORKER).
CLEAN_DRAFTS = 32

Error = dict[str, Any]  # one entry of the JSON `errors` array


def _folder(root: Path) -> Path:
    """docs/ beside rules.yaml: a draft with a finding and clean drafts (nothing else)."""
    write_rules(root, WORD_RULE)
    docs = root / "docs"
    docs.mkdir()
    (docs / "draft.md").write_text(DRAFT, encoding="utf-8")
    for number in range(CLEAN_DRAFTS):
        (docs / f"clean{number:02}.md").write_text("Nothing to see.\n", encoding="utf-8")
    return docs


def _add_hostile_files(docs: Path) -> list[Error]:
    """The hostile files, and the errors expected for them (in the order of the report)."""
    (docs / "loop-a.md").symlink_to("loop-b.md")
    (docs / "loop-b.md").symlink_to("loop-a.md")
    os.mkfifo(docs / "pipe.md")
    (docs / "program.md").write_bytes(ELF)
    # UTF-16 is valid UTF-8 byte for byte, so only the NULs give it away.
    (docs / "utf16.md").write_bytes(DRAFT.encode("utf-16-le"))
    (docs / "folder.md").mkdir()
    (docs / "folder.md" / "inner.md").write_text(DRAFT, encoding="utf-8")  # not entered
    (docs / "dangling.md").symlink_to("nowhere.md")
    loop = os.strerror(errno.ELOOP)  # the OS words it
    errors: list[Error] = [
        {"path": "docs/dangling.md", "message": "no such file"},
        {"path": "docs/folder.md", "message": "is a directory, not a file"},
        {"path": "docs/loop-a.md", "message": loop},
        {"path": "docs/loop-b.md", "message": loop},
        {"path": "docs/pipe.md", "message": "not a regular file (a FIFO, socket or device)"},
        {"path": "docs/program.md", "line": 1,
         "message": "not valid UTF-8 (byte 0xd0 at line 1); termlint reads UTF-8 Markdown only"},
        {"path": "docs/utf16.md",
         "message": "looks like a binary file (many NUL bytes), not UTF-8 Markdown"},
    ]
    if os.geteuid() != 0:  # root reads it anyway: test_unreadable_file_in_process covers root
        (docs / "secret.md").write_text(DRAFT, encoding="utf-8")
        (docs / "secret.md").chmod(0)
        errors.insert(-1, {"path": "docs/secret.md", "message": "permission denied"})
    return errors


def _line(error: Error) -> str:
    where = f"{error['path']}:{error['line']}" if "line" in error else error["path"]
    return f"{where}: {error['message']}"


@pytest.mark.parametrize("args", [["--jobs", "1"], ["--jobs", "2"], ["--fix", "--jobs", "2"]])
def test_each_hostile_file_is_one_error_and_the_run_goes_on(
    tmp_path: Path, args: list[str]
) -> None:
    expected = _add_hostile_files(_folder(tmp_path))
    text = run_termlint("--rules", "rules.yaml", *args, "docs", cwd=tmp_path)
    assert text.returncode == 2
    assert text.stderr.splitlines() == [_line(e) for e in expected]
    assert text.stdout.splitlines()[0] == FINDING
    code, data = run_json("--rules", "rules.yaml", *args, "docs", cwd=tmp_path)
    assert code == 2
    assert data["errors"] == expected
    assert [(f["path"], f["rule"]) for f in data["findings"]] == [("docs/draft.md", "TW001")]


def _run_in_process(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """termlint.cli.main on docs/ (in this process, so monkeypatches apply): code, out, err."""
    code = main(["--rules", "rules.yaml", "--jobs", "1", *args, "docs"])
    out, err = capsys.readouterr()
    return code, out, err


def _open_raising(doomed: Path, before_open: Callable[[], None]) -> Callable[..., Any]:
    """builtins.open, but calling `before_open` first when `doomed` is opened."""
    real_open = builtins.open
    target = os.path.realpath(doomed)

    def fake_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, (str, os.PathLike)) and os.path.realpath(file) == target:
            before_open()
        return real_open(file, *args, **kwargs)

    return fake_open


@pytest.mark.parametrize("args", [[], ["--fix"]])
def test_unreadable_file_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    args: list[str],
) -> None:
    docs = _folder(tmp_path)
    secret = docs / "secret.md"
    secret.write_text(DRAFT, encoding="utf-8")

    def deny() -> None:
        # What open() raises for a file without read permission, which root never gets.
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(secret))

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(builtins, "open", _open_raising(secret, deny))
    code, _, err = _run_in_process(capsys, *args)
    assert (code, err) == (2, "docs/secret.md: permission denied\n")
    code, out, _ = _run_in_process(capsys, "--format", "json", *args)
    data = json.loads(out)
    assert data["errors"] == [{"path": "docs/secret.md", "message": "permission denied"}]
    assert [f["path"] for f in data["findings"]] == ["docs/draft.md"]
    assert secret.read_text(encoding="utf-8") == DRAFT


@pytest.mark.parametrize("moment", ["after the folder is listed", "between stat and open"])
def test_file_that_vanishes_mid_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
    moment: str,
) -> None:
    docs = _folder(tmp_path)
    doomed = docs / "doomed.md"

    def vanish() -> None:
        doomed.unlink(missing_ok=True)

    if moment == "after the folder is listed":
        real_expand = termlint.files.expand

        def expand_then_vanish(paths: list[str]) -> list[termlint.files.Target]:
            targets = real_expand(paths)
            vanish()
            return targets

        monkeypatch.setattr(termlint.files, "expand", expand_then_vanish)
    else:
        # read_bytes checks that the file is a regular one, then opens it: it goes in between.
        monkeypatch.setattr(builtins, "open", _open_raising(doomed, vanish))
    monkeypatch.chdir(tmp_path)
    for args in ([], ["--fix"]):
        doomed.write_text(DRAFT, encoding="utf-8")
        code, _, err = _run_in_process(capsys, *args)
        assert (code, err) == (2, "docs/doomed.md: no such file\n")
        doomed.write_text(DRAFT, encoding="utf-8")
        code, out, _ = _run_in_process(capsys, "--format", "json", *args)
        data = json.loads(out)
        assert data["errors"] == [{"path": "docs/doomed.md", "message": "no such file"}]
        assert [f["path"] for f in data["findings"]] == ["docs/draft.md"]
