"""The progress line: on a terminal for long runs, never in pipes, CI logs or machine formats."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT


def run_with_tty_stderr(folder: Path, *args: str, env: dict[str, str]) -> tuple[str, str]:
    main, secondary = pty.openpty()
    full_env = {k: v for k, v in os.environ.items() if k != "CI"}
    full_env.update(env, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run([sys.executable, "-m", "termlint", *args, str(folder)],
                          stdout=subprocess.PIPE, stderr=secondary, env=full_env, timeout=300,
                          text=True)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    return done.stdout, b"".join(chunks).decode()


@pytest.fixture(scope="module")
def many_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    for i in range(250):
        (folder / f"doc{i:03}.md").write_text(f"Document {i}.\n", encoding="utf-8")
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_on_a_terminal(many_files: Path) -> None:
    stdout, stderr = run_with_tty_stderr(many_files, env={})
    assert "250/250 files" in stderr
    assert "termlint [" not in stdout  # the report itself is untouched


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize(("args", "env"), [([], {"CI": "true"}), (["--format", "json"], {})])
def test_no_progress_in_ci_or_machine_formats(many_files: Path, args: list[str],
                                              env: dict[str, str]) -> None:
    _, stderr = run_with_tty_stderr(many_files, *args, env=env)
    assert "files" not in stderr
