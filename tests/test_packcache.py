"""Rules files kept in .termlint_cache/packs: the same pack, seen to change, never code to run."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, existence_rule, run_json, write_rules
from termlint import packcache, packs, prefilter
from termlint.linter import Linter
from termlint.packs import Pack, load_packs
from termlint.source import decode

BUNDLED = "builtin:precision-medicine"


def kept_twice(folder: Path, spec: str = BUNDLED) -> tuple[Pack, Pack]:
    """The pack as parsed (and kept), then as read back from the folder."""
    parsed = load_packs([spec], None, packcache.PackCache(str(folder)))[0]
    return parsed, load_packs([spec], None, packcache.PackCache(str(folder)))[0]


def examples(pack: Pack) -> str:
    texts = [e for rule in pack.rules for e in (*rule.examples_invalid, *rule.examples_valid)]
    return "\n\n".join(texts) + "\n"


def test_a_kept_pack_equals_the_parsed_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parsed, _ = kept_twice(tmp_path)

    def no_parsing(text: str, path: str) -> Pack:
        raise AssertionError("the kept pack should have been used")

    monkeypatch.setattr(packs, "parse_pack", no_parsing)
    kept = load_packs([BUNDLED], None, packcache.PackCache(str(tmp_path)))[0]
    # Dataclass equality reaches every option, compiled pattern (pattern, flags and code) and
    # lexicon of every rule.
    assert kept == parsed and kept is not parsed
    source = decode(examples(parsed).encode(), "examples.md")
    found = [f.to_dict() for f in Linter([kept]).lint_source(source).findings]
    assert found == [f.to_dict() for f in Linter([parsed]).lint_source(source).findings]
    assert len(found) > 30


def test_a_kept_pack_brings_its_prefixes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The prefilter's literal prefixes come with the kept pack: none is derived again."""
    parsed, _ = kept_twice(tmp_path)
    prefilter._known.clear()
    kept = load_packs([BUNDLED], None, packcache.PackCache(str(tmp_path)))[0]

    def no_deriving(source: str, flags: int) -> None:
        raise AssertionError(f"derived again: {source[:60]}")

    monkeypatch.setattr(prefilter, "_derive", no_deriving)
    linter = Linter([kept])
    source = decode(examples(parsed).encode(), "examples.md")
    assert linter.lint_source(source).findings
    assert linter.triggers  # the skip test's prefixes too


def test_a_kept_pack_brings_its_tries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The prefilter's tries (for patterns with many prefixes) are kept too: none is built
    again, and the kept ones find what the built ones find."""
    parsed, _ = kept_twice(tmp_path)
    built = dict(prefilter._tries)
    prefilter._tries.clear()
    kept = load_packs([BUNDLED], None, packcache.PackCache(str(tmp_path)))[0]
    assert prefilter._tries and prefilter._tries.keys() <= built.keys()
    assert all(prefilter._tries[key].pattern == built[key].pattern for key in prefilter._tries)

    def no_building(node: dict[str, object]) -> str:
        raise AssertionError("a trie was built again")

    monkeypatch.setattr(prefilter, "_alternation", no_building)
    source = decode(examples(parsed).encode(), "examples.md")
    found = [f.to_dict() for f in Linter([kept]).lint_source(source).findings]
    assert found == [f.to_dict() for f in Linter([parsed]).lint_source(source).findings]


def test_a_kept_pack_makes_a_shared_pattern_once(tmp_path: Path) -> None:
    """Rules of one kind share patterns (every conflation rule has the same constructions and
    cue lexicons): read back in a new process, each is made once and shared, so a rule more
    costs a small run next to nothing."""
    kept_twice(tmp_path)
    script = (
        "from termlint import packcache\n"
        "from termlint.packs import load_packs\n"
        f"pack = load_packs([{BUNDLED!r}], None, packcache.PackCache({str(tmp_path)!r}))[0]\n"
        "rules = [r for r in pack.rules if r.kind == 'conflation']\n"
        "print(len(rules), len({id(r.options.constructions) for r in rules}),"
        " len({id(r.options.contrast) for r in rules}))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    rules, constructions, contrasts = map(int, done.stdout.split())
    assert rules >= 4 and constructions == 1 and contrasts == 1


def test_an_edited_rules_file_is_read_again(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("This is a foo.\n", encoding="utf-8")
    rules = write_rules(tmp_path, existence_rule("TX001", "foo"))
    assert run_json("--rules", rules, draft, cwd=tmp_path)[1]["findings"][0]["rule"] == "TX001"
    rules.write_text(rules.read_text().replace("TX001", "TX002"), encoding="utf-8")
    assert run_json("--rules", rules, draft, cwd=tmp_path)[1]["findings"][0]["rule"] == "TX002"
    # One entry per rules file: an edit replaces it rather than adding one.
    assert len(list((tmp_path / ".termlint_cache" / "packs").iterdir())) == 1


def test_other_code_does_not_reuse_an_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept_twice(tmp_path)
    monkeypatch.setattr(packcache, "code_version", lambda: "another termlint")
    path = str(packs._locate(BUNDLED, None))
    assert packcache.PackCache(str(tmp_path)).get(path, packs._read(Path(path), path)) is None


class _Run:
    """Unpickling this would run a shell command."""

    def __init__(self, command: str) -> None:
        self.command = command

    def __reduce__(self) -> tuple[object, ...]:
        return os.system, (self.command,)


class _Ours:
    """Unpickling this would call one of termlint's functions that writes a file."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[object, ...]:
        from termlint.cache import keep_file

        return keep_file, (str(self.target.parent), self.target.name, b"written")


@pytest.mark.parametrize("payload", ["system", "termlint function"])
def test_a_crafted_entry_runs_nothing(tmp_path: Path, payload: str) -> None:
    """The cache folder is in a working tree, where anybody's files can be."""
    witness = tmp_path / "witness"
    path = str(packs._locate(BUNDLED, None))
    text = packs._read(Path(path), path)
    cache = packcache.PackCache(str(tmp_path / "cache"))
    entry = Path(cache.root) / cache._name(path)
    entry.parent.mkdir(parents=True)
    crafted = _Run(f"touch {witness}") if payload == "system" else _Ours(witness)
    entry.write_bytes(packcache._key(path, text) + pickle.dumps(crafted) + pickle.dumps({}))
    assert cache.get(path, text) is None
    assert not witness.exists()
    # The run goes on with the parsed pack, and keeps that instead.
    parsed = load_packs([BUNDLED], None, cache)[0]
    assert cache.get(path, text) == parsed._replace(origin="")  # kept before its origin is set
    assert not witness.exists()


def test_a_damaged_entry_is_parsed_again(tmp_path: Path) -> None:
    parsed, _ = kept_twice(tmp_path)
    entry = next((tmp_path / "packs").iterdir())
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])
    assert load_packs([BUNDLED], None, packcache.PackCache(str(tmp_path)))[0] == parsed
    assert kept_twice(tmp_path)[1] == parsed  # and the entry was written again whole


def test_a_cache_folder_that_cannot_be_written(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text("Precision medicine, also known as personalized medicine.\n")
    (tmp_path / ".termlint_cache").write_text("a file, not a folder")  # refuses even root
    first = run_json(draft, cwd=tmp_path)
    assert first == run_json(draft, cwd=tmp_path) == run_json("--no-cache", draft, cwd=tmp_path)
    assert first[1]["findings"]


def test_a_small_run_with_a_kept_pack_reads_no_yaml(tmp_path: Path) -> None:
    """What makes a pre-commit run on one draft fast: no YAML parser, no pattern compiling."""
    draft = tmp_path / "draft.md"
    draft.write_text("Precision medicine, also known as personalized medicine.\n")
    script = ("import sys\nfrom termlint.cli import main\nmain(['--quiet', 'draft.md'])\n"
              "print(sorted({m.split('.')[0] for m in sys.modules}\n"
              "             & {'yaml', 'tempfile', 'shutil', '_hashlib'}))\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for expected in ("['yaml']", "[]"):  # the first run parses the pack and keeps it
        draft.write_text(draft.read_text() + "More.\n")  # not a cached result either
        done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=env,
                              capture_output=True, text=True, check=False)
        assert done.stdout.strip().splitlines()[-1] == expected, done.stderr
