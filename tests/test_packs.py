"""Loading rules files: the frozen result, and one exact, located error for each mistake."""

from __future__ import annotations

import pickle
import re
import textwrap
from pathlib import Path

import pytest

from termlint.findings import Severity
from termlint.kinds import KIND_NAMES
from termlint.packs import (
    BUILTIN_PREFIX,
    Pack,
    RulesError,
    bundled_packs,
    load_pack,
    load_packs,
)

RULE = """\
  - id: TW001
    name: hype-words
    kind: existence
    severity: warning
    message: "'{match}' is hype"
    description: Hype promises more than a test delivers.
    patterns: ['game[- ]changer', miracle]
    examples:
      invalid: ["A miracle test."]
      valid: ["A useful test."]
"""
# Line numbers in the file write() makes: version 1, name 2, rules 3, first rule 4.
HEADER = "version: 1\nname: test\nrules:\n"


def write(folder: Path, text: str, name: str = "rules.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def rules_file(folder: Path, rules: str, name: str = "rules.yaml") -> Path:
    return write(folder, HEADER + rules, name)


def load_error(path: Path) -> str:
    with pytest.raises(RulesError) as info:
        load_pack(str(path))
    message = str(info.value)
    assert "\n" not in message
    return message


def assert_error(actual: str, expected: str) -> None:
    """Exact, except that an expected text ending in '...' only fixes the start."""
    if expected.endswith("..."):
        assert actual.startswith(expected[:-3]), actual
    else:
        assert actual == expected


def test_valid_pack_is_frozen_with_lines_and_defaults(tmp_path: Path) -> None:
    path = rules_file(tmp_path, RULE + RULE.replace("TW001", "TW002"))
    pack = load_pack(str(path))
    assert isinstance(pack, Pack)
    assert (pack.name, pack.description, pack.path) == ("test", "", str(path))
    first, second = pack.rules
    assert (first.id, first.name, first.kind) == ("TW001", "hype-words", "existence")
    assert first.severity is Severity.WARNING
    assert first.scope == "paragraph"  # existence's default scope
    assert first.link is None
    assert first.examples_invalid == ("A miracle test.",)
    assert first.examples_valid == ("A useful test.",)
    assert (first.pack, first.path, first.line) == ("test", str(path), 4)
    assert second.line == 4 + RULE.count("\n")
    # options is what the kind's prepare() returned: one matcher for all the patterns.
    assert first.options.search("a Game changer").group() == "Game changer"
    with pytest.raises(AttributeError):  # frozen
        first.id = "TW009"  # type: ignore[misc]


def test_families_lexicons_description_link_and_scope(tmp_path: Path) -> None:
    path = write(tmp_path, textwrap.dedent("""\
        version: 1
        name: house
        description: House style.
        families:
          precision: ['precision[- ]medicine', 'precision health(care)?']
        lexicons:
          drugs: [clopidogrel, abacavir]
          empty: []
        rules:
          - id: HS1
            name: x
            kind: existence
            severity: info
            message: "{match}"
            description: d
            link: https://example.org/style
            scope: sentence
            patterns: [x]
        """))
    pack = load_pack(str(path))
    assert pack.description == "House style."
    assert dict(pack.families) == {
        "precision": ("precision[- ]medicine", "precision health(care)?")
    }
    assert dict(pack.lexicons) == {"drugs": ("clopidogrel", "abacavir"), "empty": ()}
    (rule,) = pack.rules
    assert (rule.link, rule.scope, rule.severity) == (
        "https://example.org/style", "sentence", Severity.INFO
    )
    assert rule.examples_invalid == rule.examples_valid == ()


def test_format_message_fills_placeholders_and_never_raises(tmp_path: Path) -> None:
    body = RULE.replace("\"'{match}' is hype\"", "\"{{literal}} '{match}'\"")
    (rule,) = load_pack(str(rules_file(tmp_path, body))).rules
    assert rule.format_message({"match": "miracle"}) == "{literal} 'miracle'"
    # A field the kind did not fill is left empty rather than failing the lint run.
    assert rule.format_message({}) == "{literal} ''"


def test_yaml_merge_keys_work_as_in_safe_load(tmp_path: Path) -> None:
    path = rules_file(tmp_path, textwrap.indent(textwrap.dedent("""\
        - &base
          id: TW001
          name: one
          kind: existence
          severity: warning
          message: m
          description: d
          patterns: [one]
        - <<: *base
          id: TW002
          name: two
        """), "  "))
    first, second = load_pack(str(path)).rules
    assert first.options == second.options
    assert (second.id, second.name, second.kind, second.line) == ("TW002", "two", "existence", 12)


def test_relative_spec_resolves_against_base_dir(tmp_path: Path) -> None:
    (tmp_path / "cfg").mkdir()
    rules_file(tmp_path / "cfg", RULE)
    pack = load_pack("rules.yaml", base_dir=tmp_path / "cfg")
    assert pack.path == str(tmp_path / "cfg" / "rules.yaml")


def test_bundled_packs_and_builtin_spec() -> None:
    packs = bundled_packs()
    assert packs["precision-medicine"].name == "precision-medicine.yaml"
    pack = load_pack(f"{BUILTIN_PREFIX}precision-medicine")
    assert pack.name == "precision-medicine"
    assert pack.rules and all(rule.pack == "precision-medicine" for rule in pack.rules)


def test_builtin_pack_not_found_lists_the_available_ones() -> None:
    with pytest.raises(RulesError) as info:
        load_pack("builtin:precision-medicin")
    assert str(info.value) == (
        "builtin:precision-medicin: no bundled rules pack 'precision-medicin' "
        "(did you mean 'precision-medicine'?); available: "
        + ", ".join(sorted(bundled_packs()))
    )


def test_file_not_found(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert load_error(missing) == f"{missing}: rules file not found"
    assert load_error(tmp_path) == f"{tmp_path}: is a folder, not a rules file"


def test_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_bytes(b"version: 1\nname: \xff\n")
    assert load_error(path) == f"{path}:2: rules file is not valid UTF-8"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "version: 1\nname: [unclosed\n",
            # libyaml and the pure-Python parser word this differently; the line is the same.
            ":3: invalid YAML: ...",
            id="malformed-yaml",
        ),
        pytest.param("", ": rules file is empty; expected a 'rules' list", id="empty"),
        pytest.param("- a\n- b\n", ":1: a rules file must be a mapping, got a list", id="list"),
        pytest.param(
            "version: 2\nname: x\nrules: []\nnew-key: 1\n",
            ":1: unsupported rules format version 2 (a number); this termlint reads version 1",
            id="version-2",
        ),
        pytest.param(
            "version: '1'\nname: x\nrules: []\n",
            ":1: unsupported rules format version '1'; this termlint reads version 1",
            id="version-string",
        ),
        pytest.param(
            "version: 1\nname: x\nrule: []\n",
            ":3: unknown key 'rule' at the top level (did you mean 'rules'?)",
            id="unknown-top-key",
        ),
        pytest.param(
            "version: 1\nname: x\nname: y\nrules: []\n",
            ":3: duplicate key 'name' in a rules file (first at line 2)",
            id="duplicate-yaml-key",
        ),
        pytest.param("version: 1\nname: x\n", ":1: missing required top-level key 'rules'",
                     id="no-rules"),
        pytest.param("version: 1\nname: x\nrules: {}\n",
                     ":3: 'rules' must be a list, got a mapping", id="rules-not-list"),
        pytest.param(
            "version: 1\nname: x\nfamilies:\n  p: ['precision', '(oops']\nrules: []\n",
            ":4: family 'p': bad pattern '(oops': missing ), unterminated subpattern...",
            id="bad-family-pattern",
        ),
        pytest.param(
            "version: 1\nname: x\nfamilies:\n  q: [x]\n  p:\n    []\nrules: []\n",
            ":6: family 'p' is empty",
            id="empty-family",
        ),
        pytest.param(
            "version: 1\nname: x\nfamilies:\n  p: precision\nrules: []\n",
            ":4: family 'p' must be a list, got 'precision'",
            id="family-not-list",
        ),
        pytest.param(
            "version: 1\nname: x\nlexicons:\n  drugs:\n    - warfarin\n    - 42\nrules: []\n",
            ":6: each entry of lexicon 'drugs' must be a string, got 42 (a number)",
            id="lexicon-entry-not-string",
        ),
        pytest.param(
            "version: 1\nname: x\nlexicons: [a, b]\nrules: []\n",
            ":3: 'lexicons' must be a mapping, got a list",
            id="lexicons-not-mapping",
        ),
        pytest.param(
            "version: 1\nname: !!python/object/apply:os.system ['echo pwned']\nrules: []\n",
            ":2: invalid YAML: could not determine a constructor for the tag "
            "'tag:yaml.org,2002:python/object/apply:os.system'",
            id="python-tag-is-refused",
        ),
    ],
)
def test_pack_level_errors(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    assert_error(load_error(path), f"{path}{expected}")


# Each case replaces one line of RULE (or adds one); the error must name file, line and id.
@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "    severity: warning\n", "    severity: warn\n",
            "7: TW001: 'severity' must be one of error, warning, info, got 'warn'",
            id="bad-severity",
        ),
        pytest.param(
            "    patterns: ['game[- ]changer', miracle]\n", "    patterns: ['(unclosed']\n",
            "10: TW001: bad pattern '(unclosed': missing ), unterminated subpattern...",
            id="bad-regex",
        ),
        pytest.param(
            "    patterns: ['game[- ]changer', miracle]\n", "    patterns: []\n",
            "10: TW001: 'patterns' must be a non-empty list of patterns",
            id="option-error-from-prepare",
        ),
        pytest.param(
            "    severity: warning\n", "    severity: warning\n    severty: info\n",
            "8: TW001: unknown key 'severty' in a rule (did you mean 'severity'?)",
            id="unknown-rule-key",
        ),
        pytest.param(
            "    severity: warning\n", "    severity: warning\n    swap: {a: b}\n",
            "8: TW001: key 'swap' does not belong to kind 'existence' (its keys: patterns)",
            id="key-of-another-kind",
        ),
        pytest.param(
            "    kind: existence\n", "    kind: existance\n",
            f"6: TW001: 'kind' must be one of {', '.join(KIND_NAMES)}, "
            "got 'existance' (did you mean 'existence'?)",
            id="unknown-kind",
        ),
        pytest.param(
            "    kind: existence\n", "    knd: existence\n",
            "6: TW001: unknown key 'knd' in a rule (did you mean 'kind'?)",
            id="typo-in-kind-key",
        ),
        pytest.param(
            "    kind: existence\n", "",
            "4: TW001: missing required key 'kind'",
            id="no-kind",
        ),
        pytest.param(
            "    message: \"'{match}' is hype\"\n", "",
            "4: TW001: missing required key 'message'",
            id="no-message",
        ),
        pytest.param(
            "    patterns: ['game[- ]changer', miracle]\n", "",
            "4: TW001: missing required key 'patterns' (kind 'existence')",
            id="no-kind-required-key",
        ),
        pytest.param(
            "    message: \"'{match}' is hype\"\n", "    message: \"'{term}' is hype\"\n",
            "8: TW001: 'message' uses unknown placeholder {term}; kind 'existence' offers {match}",
            id="unknown-placeholder",
        ),
        pytest.param(
            "    message: \"'{match}' is hype\"\n", "    message: \"{match!r} is hype\"\n",
            "8: TW001: 'message' placeholder {match} takes no ! or : part",
            id="placeholder-conversion",
        ),
        pytest.param(
            "    message: \"'{match}' is hype\"\n", "    message: \"a } b\"\n",
            "8: TW001: 'message' has a stray brace (Single '}' encountered in format string); "
            "write {{ or }} for a literal one",
            id="stray-brace",
        ),
        pytest.param(
            "    message: \"'{match}' is hype\"\n", "    message: ''\n",
            "8: TW001: 'message' must not be empty",
            id="empty-message",
        ),
        pytest.param(
            "    name: hype-words\n", "    name: Hype Words\n",
            "5: TW001: 'name' must be kebab-case, such as 'hype-words', got 'Hype Words'",
            id="name-not-kebab",
        ),
        pytest.param(
            "    severity: warning\n", "    severity: warning\n    scope: document\n",
            "8: TW001: 'scope' must be one of sentence, paragraph for kind 'existence', "
            "got 'document'",
            id="scope-not-offered-by-kind",
        ),
        pytest.param(
            "      valid: [\"A useful test.\"]\n", "      vaild: [\"A useful test.\"]\n",
            "13: TW001: unknown key 'vaild' in 'examples' (did you mean 'valid'?)",
            id="examples-key-typo",
        ),
        pytest.param(
            "      valid: [\"A useful test.\"]\n", "      valid: [[nested]]\n",
            "13: TW001: each entry of 'examples: valid' must be a string, got a list",
            id="example-not-string",
        ),
        pytest.param(
            "  - id: TW001\n", "  - id: tw-1\n",
            "4: 'id' must be capital letters then digits, such as PM101, got 'tw-1'",
            id="bad-id",
        ),
        pytest.param(
            "  - id: TW001\n", "  - iD: TW001\n",
            "4: unknown key 'iD' in a rule (did you mean 'id'?)",
            id="id-typo",
        ),
        pytest.param(
            "  - id: TW001\n", "  - id: TL001\n",
            "4: TL001: rule id prefix 'TL' is reserved for termlint's own rules",
            id="reserved-prefix",
        ),
    ],
)
def test_rule_errors_name_file_line_id_and_problem(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in RULE
    path = rules_file(tmp_path, RULE.replace(old, new))
    assert_error(load_error(path), f"{path}:{expected}")


def test_option_error_points_at_its_own_key(tmp_path: Path) -> None:
    path = rules_file(tmp_path, textwrap.indent(textwrap.dedent("""\
        - id: TW005
          name: swap
          kind: substitution
          severity: info
          message: "use {replacement}"
          description: d
          swap: {utilize: use}
          fix: maybe
        """), "  "))
    assert load_error(path) == f"{path}:11: TW005: 'fix' must be 'safe' or 'unsafe', got 'maybe'"


def test_rules_error_attributes(tmp_path: Path) -> None:
    path = rules_file(tmp_path, RULE.replace("warning", "loud"))
    with pytest.raises(RulesError) as info:
        load_pack(str(path))
    error = info.value
    assert (error.path, error.line, error.rule_id) == (str(path), 7, "TW001")
    assert error.problem == "'severity' must be one of error, warning, info, got 'loud'"
    assert error.message == f"TW001: {error.problem}"


def test_duplicate_id_in_one_pack_names_the_first(tmp_path: Path) -> None:
    path = rules_file(tmp_path, RULE + RULE.replace("hype-words", "other"))
    second = 4 + RULE.count("\n")
    assert load_error(path) == (
        f"{path}:{second}: TW001: duplicate rule id (first defined at line 4)"
    )


def test_duplicate_id_across_packs(tmp_path: Path) -> None:
    one = rules_file(tmp_path, RULE, "one.yaml")
    two = rules_file(tmp_path, RULE.replace("hype-words", "other"), "two.yaml")
    with pytest.raises(RulesError) as info:
        load_packs([str(one), str(two)])
    assert str(info.value) == f"{two}:4: TW001: duplicate rule id (also defined at {one}:4)"


def test_same_file_twice_is_loaded_once(tmp_path: Path) -> None:
    path = rules_file(tmp_path, RULE)
    packs = load_packs([str(path), "rules.yaml"], base_dir=tmp_path)
    assert [pack.path for pack in packs] == [str(path)]


def test_load_packs_keeps_order_and_builtin(tmp_path: Path) -> None:
    path = rules_file(tmp_path, RULE)
    packs = load_packs(["builtin:precision-medicine", str(path)])
    assert [pack.name for pack in packs] == ["precision-medicine", "test"]


def test_every_error_message_is_one_line(tmp_path: Path) -> None:
    # A YAML scanner error carries a multi-line description; the report must stay one line.
    path = write(tmp_path, "version: 1\nname: x\n\tbad: tab\n")
    message = load_error(path)
    assert re.match(rf"{re.escape(str(path))}:3: invalid YAML: ", message)


def test_rules_error_survives_pickling() -> None:
    # --jobs may hand errors between processes.
    error = RulesError("r.yaml", "bad", line=3, rule_id="TW001")
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.path, copy.problem, copy.line, copy.rule_id) == ("r.yaml", "bad", 3, "TW001")
    assert str(copy) == "r.yaml:3: TW001: bad"


def test_a_bad_lexicon_entry_is_named_alone(tmp_path: Path) -> None:
    """A lexicon's entries are joined into one pattern; when that fails to compile, the error
    names the entry at fault (here a look-behind with a space, which termlint widens to any
    run of white space), not the whole joined pattern."""
    path = write(tmp_path, (
        "version: 1\nname: x\nfamilies:\n  p: ['precision medicine']\n"
        "lexicons:\n  preds: [improves]\n  aims: ['aims to', '(?<!no )doubt']\n"
        "  genes: [CYP2C19]\n  decisions: [dose]\n"
        "rules:\n  - id: T1\n    kind: actionability\n    message: claim\n"
        "    predicates: preds\n    aims: aims\n    entities: [genes]\n    decisions: decisions\n"))
    assert_error(load_error(path), (
        f"{path}:15: T1: lexicons aims: bad pattern '(?<!no )doubt': look-behind requires "
        "fixed-width pattern; a space matches any run of white space, so write \\s in a "
        "look-behind"))
