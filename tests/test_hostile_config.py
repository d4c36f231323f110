"""Hostile rules and configuration files: refused with a one-line error naming the file (and
line), in bounded time and memory; nothing in them can run code."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import run_termlint

# "Billion laughs": nine levels of nine aliases each, 387 million values once expanded.
LAUGHS = (
    "version: 1\nname: x\nlexicons:\n  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(f"  {b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n"
              for a, b in zip("abcdefgh", "bcdefghi", strict=True))
    + "rules: []\n"
)


def refused(tmp_path: Path, *args: str | Path) -> str:
    """Run on a clean draft; the run must fail with exactly one line on stderr."""
    draft = tmp_path / "draft.md"
    draft.write_text("Plain prose.\n")
    result = run_termlint(*args, draft, cwd=tmp_path)
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_alias_bomb_in_a_rules_file(tmp_path: Path) -> None:
    rules = tmp_path / "bomb.yaml"
    rules.write_text(LAUGHS)
    assert refused(tmp_path, "--rules", rules) == (
        f"{rules}:10: aliases expand to more than 1,000,000 values; refusing an alias bomb")


def test_alias_bomb_in_a_config_file(tmp_path: Path) -> None:
    config = tmp_path / ".termlint.yaml"
    config.write_text(LAUGHS.replace("version: 1\nname: x\nlexicons:\n", "x:\n"))
    assert refused(tmp_path).startswith(f"{config}:8: aliases expand to more than")


@pytest.mark.parametrize("body", [
    # Flow style: libyaml's composer recursed until it overflowed the C stack.
    "x: " + "[" * 50_000 + "]" * 50_000,
    "rules:\n" + "".join("  " * i + "- \n" for i in range(2_000)),
    "x: " + "{a: " * 5_000 + "1" + "}" * 5_000,
], ids=["flow-lists", "block-lists", "flow-mappings"])  # short ids: pytest puts the id in an
# environment variable of the subprocess, and a 4 MB one exceeds the OS limit (pytest 8.0)
def test_deep_nesting_is_refused_not_a_crash(tmp_path: Path, body: str) -> None:
    rules = tmp_path / "deep.yaml"
    rules.write_text("version: 1\n" + body + "\n")
    message = refused(tmp_path, "--rules", rules)
    # Either termlint's own depth check or the YAML library's (PyYAML 6.0.4 and later refuse
    # deep flow nesting themselves) may come first: the behaviour is what counts, one line
    # naming the file and saying why, not one version's words.
    assert message.startswith(f"{rules}:") and "nest" in message.lower()


def test_deep_toml_in_pyproject_is_refused(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.termlint]\nx = " + "[" * 5_000 + "]" * 5_000 + "\n")
    assert refused(tmp_path) == f"{pyproject}: invalid TOML: nested too deeply"


def test_a_huge_rules_file_is_not_read(tmp_path: Path) -> None:
    rules = tmp_path / "huge.yaml"
    with open(rules, "w") as handle:
        handle.write("version: 1\n# " + "x" * 11_000_000 + "\n")
    assert refused(tmp_path, "--rules", rules) == (
        f"{rules}: rules file is larger than 10 MB; refusing to read it")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_as_rules_or_config_file_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "rules.yaml"
    os.mkfifo(fifo)
    assert refused(tmp_path, "--rules", fifo) == (
        f"{fifo}: rules file is not a regular file (a FIFO, socket or device)")
    assert refused(tmp_path, "--config", fifo) == (
        f"termlint: {fifo}: configuration file is not a regular file (a FIFO, socket or device)")


def test_non_string_keys_are_refused(tmp_path: Path) -> None:
    rules = tmp_path / "keys.yaml"
    rules.write_text("version: 1\nname: x\n? [1, 2]\n: x\nrules: []\n")
    assert refused(tmp_path, "--rules", rules) == (
        f"{rules}:3: keys of a rules file must be strings, got a list")


def test_python_tags_are_not_executed(tmp_path: Path) -> None:
    witness = tmp_path / "pwned"
    rules = tmp_path / "evil.yaml"
    rules.write_text(f"version: 1\nname: !!python/object/apply:os.system ['touch {witness}']\n"
                     "rules: []\n")
    message = refused(tmp_path, "--rules", rules)
    assert message.startswith(f"{rules}:2: invalid YAML: could not determine a constructor")
    assert not witness.exists()


def test_config_naming_a_missing_rules_file(tmp_path: Path) -> None:
    (tmp_path / ".termlint.yaml").write_text("rules: [missing.yaml]\n")
    assert refused(tmp_path) == f"{tmp_path / 'missing.yaml'}: rules file not found"


@pytest.mark.parametrize(("name", "text", "line"), [
    (".termlint.yaml", "rules: [.termlint.yaml]\n", 1),
    ("pyproject.toml", '[tool.termlint]\nrules = ["./pyproject.toml"]\n', 2),
])
def test_config_that_names_itself_as_rules(tmp_path: Path, name: str, text: str,
                                           line: int) -> None:
    (tmp_path / name).write_text(text)
    assert refused(tmp_path) == (
        f"{tmp_path / name}:{line}: 'rules' names this configuration file itself; "
        "list rules files (or builtin:NAME)")


RULE = ("version: 1\nname: t\nrules:\n  - {id: T1, name: r, kind: %s, severity: info, message: m, "
        "description: d, %s}\n")
CONFLATION = ("version: 1\nname: t\nfamilies: {f: [%s], g: [b]}\nlexicons: {c: [%s]}\nrules: [{id: "
              "T1, name: r, kind: conflation, severity: info, message: m, description: d, "
              "families: [f, g], constructions: c}]\n")


# Found by bench/fuzz.py --target rules: each crashed the loader with a traceback.
@pytest.mark.parametrize(("text", "problem"), [
    ("<<: x\n", "r.yaml:1: invalid YAML: expected a mapping or list of mappings for merging"),
    ("version: !!float ;\n", "r.yaml:1: invalid YAML: bad value for tag !!float"),
    ("version: !!bool\n", "r.yaml:1: invalid YAML: bad value for tag !!bool"),
    ("version: !!timestamp x\n", "r.yaml:1: invalid YAML: bad value for tag !!timestamp"),
    (RULE % ("existence", "patterns: ['(?P<_0>a)']"), "named groups are not allowed"),
    (RULE % ("existence", r"patterns: ['(a)\1']"), "backreferences are not allowed"),
    (RULE % ("existence", "patterns: ['(?i)abc']"), "global flags like (?i) are not allowed"),
    (RULE % ("substitution", "swap: {'x)|(?:y': z}"), "unbalanced parenthesis"),
    (CONFLATION % ("'(?P<f1>a)'", "'{A} or {B}'"), "named groups are not allowed"),
    (CONFLATION % ("a", "'(?i){A} or {B}', '{A} and {B}'"), "constructions cannot be joined"),
])
def test_fuzz_found_loader_crashes_are_one_line_errors(text: str, problem: str) -> None:
    from termlint.packs import RulesError, parse_pack

    with pytest.raises(RulesError) as caught:
        parse_pack(text, "r.yaml")
    message = str(caught.value)
    assert problem in message and "\n" not in message
