"""A writer's first hour: own rules added to the defaults, named files always linted, output
that counts what it says it counts (issue 12)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, WORD_RULE, existence_rule, run_json, run_termlint, write_rules

CONFLATION = "Precision medicine, also known as personalized medicine, is new.\n"


def rules_of(data: dict) -> set[str]:
    return {f["rule"] for f in data["findings"]}


def test_extend_rules_adds_to_the_configured_rules(tmp_path: Path) -> None:
    house = write_rules(tmp_path, existence_rule("HS001", "widget"), "house.yaml")
    draft = tmp_path / "draft.md"
    draft.write_text("A widget. " + CONFLATION)
    _, replaced = run_json("--rules", house, draft, cwd=tmp_path)
    assert rules_of(replaced) == {"HS001"}
    _, extended = run_json("--extend-rules", house, draft, cwd=tmp_path)
    assert rules_of(extended) == {"HS001", "PM101"}  # the bundled default stays
    # With a configuration, it extends the configured list; --rules then --extend-rules stack.
    (tmp_path / ".termlint.yaml").write_text("rules: [builtin:precision-medicine]\n")
    other = write_rules(tmp_path, WORD_RULE, "other.yaml")
    _, both = run_json("--rules", other, "--extend-rules", house, draft, cwd=tmp_path)
    assert rules_of(both) == {"HS001", "TW001"}
    # Named twice (configured and extended), a pack is loaded once: no duplicate-id error.
    code, again = run_json("--extend-rules", "builtin:precision-medicine", draft, cwd=tmp_path)
    assert code == 1 and not again["errors"]


def test_pre_commit_examples_extend_rather_than_replace() -> None:
    for name in ("README.md", ".pre-commit-hooks.yaml"):
        text = (ROOT / name).read_text(encoding="utf-8")
        assert "--extend-rules" in text and "args: [--rules" not in text, name
    assert run_termlint("--help").stdout.count("--extend-rules") >= 1


def test_a_named_file_is_linted_even_when_excluded(tmp_path: Path) -> None:
    (tmp_path / ".termlint.yaml").write_text("exclude: ['drafts/**']\n")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.md").write_text(CONFLATION)
    (tmp_path / "b.md").write_text(CONFLATION)
    _, walked = run_json(".", cwd=tmp_path)  # found in a folder: exclude applies
    assert {f["path"] for f in walked["findings"]} == {"b.md"}
    _, named = run_json("drafts/a.md", "b.md", cwd=tmp_path)  # named: linted
    assert {f["path"] for f in named["findings"]} == {"drafts/a.md", "b.md"}
    _, forced = run_json("--force-exclude", "drafts/a.md", "b.md", cwd=tmp_path)
    assert {f["path"] for f in forced["findings"]} == {"b.md"}
    assert forced["summary"]["files"] == 1


def test_the_pre_commit_hooks_let_the_configuration_exclude() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert all("--force-exclude" in hook["entry"].split() for hook in hooks)


def test_a_run_with_no_rule_to_run_says_so(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(CONFLATION)
    empty = tmp_path / "empty.yaml"
    empty.write_text("version: 1\nname: empty\nrules: []\n")
    for args in (["--select", "XX"], ["--rules", empty], ["--ignore", "PM,TL"]):
        result = run_termlint(*args, draft, cwd=tmp_path)
        assert result.returncode == 2, (args, result)
        assert result.stderr.strip().startswith("termlint: no rules to run"), args
    assert run_termlint("--select", "PM401", draft, cwd=tmp_path).returncode == 0


def test_the_summary_counts_files_with_problems(tmp_path: Path) -> None:
    for name in ("a.md", "b.md", "c.md"):
        (tmp_path / name).write_text("Plain prose.\n")
    (tmp_path / "b.md").write_text(CONFLATION + "\n" + CONFLATION)
    result = run_termlint(".", cwd=tmp_path)
    assert result.stdout.splitlines()[-2:] == [
        "Found 2 problems (2 warnings) in 1 file (3 checked).",
        "No fixes with --fix (2 with --unsafe-fixes)."]
    _, data = run_json(".", cwd=tmp_path)
    assert data["summary"]["files"] == 3  # JSON: files linted


SWAPS = """\
  - id: SB001
    name: use
    kind: substitution
    message: "Use '{replacement}'."
    swap: {utilize: use}
  - id: SB002
    name: leverage
    kind: substitution
    message: "Use '{replacement}'."
    swap: {leverage: use}
    fix: unsafe
"""


def test_fixable_findings_are_marked_and_counted(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, SWAPS.replace("    message", "    severity: warning\n"
                                                "    description: d\n    message"))
    draft = tmp_path / "draft.md"
    draft.write_text("We utilize it. We leverage it. We utilize more.\n")
    lines = run_termlint("--rules", rules, draft).stdout.splitlines()
    assert [line.split()[2:4] for line in lines[:3]] == [
        ["SB001", "[*]"], ["SB002", "Use"], ["SB001", "[*]"]]
    assert lines[-1] == "[*] 2 fixable with --fix (1 more with --unsafe-fixes)."
    unsafe = run_termlint("--rules", rules, "--unsafe-fixes", draft).stdout.splitlines()
    assert unsafe[1].split(" ")[3] == "[*]" and unsafe[-1] == "[*] 3 fixable with --fix."
    stats = run_termlint("--rules", rules, "--statistics", draft).stdout.splitlines()
    assert stats[0].split() == ["2", "SB001", "warning", "[*]", "2", "use"]
    assert stats[1].split() == ["1", "SB002", "warning", "leverage"]
    code, data = run_json("--rules", rules, "--statistics", draft)
    assert code == 1 and data["statistics"] == [
        {"rule": "SB001", "name": "use", "severity": "warning", "count": 2, "fixable": 2},
        {"rule": "SB002", "name": "leverage", "severity": "warning", "count": 1, "fixable": 0}]
    assert data["summary"]["fixable"] == 2
    usage = run_termlint("--rules", rules, "--statistics", "--format", "sarif", draft)
    assert usage.returncode == 2 and "--statistics" in usage.stderr


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def test_diff_output_applies_with_git_apply(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, SWAPS.replace("    message", "    severity: warning\n"
                                                "    description: d\n    message"))
    repo = tmp_path / "repo"
    (repo / "docs" / "deep").mkdir(parents=True)
    files = {"top.md": "We utilize it.\n", "docs/a.md": "Title\n\nWe utilize\nit.\r\n",
             "docs/deep/b.md": "No newline: we utilize it."}
    for name, text in files.items():
        (repo / name).write_bytes(text.encode())
    git("init", "-q", cwd=repo)
    # Files named every way a writer might: plain, with ./, absolute.
    named = ["top.md", "./docs/a.md", str(repo / "docs" / "deep" / "b.md")]
    # Bytes as termlint wrote them (text mode would turn the CRLF line's \r\n into \n).
    with open(tmp_path / "p.patch", "wb") as out:
        subprocess.run([sys.executable, "-m", "termlint", "--rules", rules, "--diff", *named],
                       cwd=repo, stdout=out, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    assert b"--- a/docs/a.md\n+++ b/docs/a.md\n" in (tmp_path / "p.patch").read_bytes()
    git("apply", "--check", str(tmp_path / "p.patch"), cwd=repo)
    git("apply", str(tmp_path / "p.patch"), cwd=repo)
    applied = {name: (repo / name).read_bytes() for name in files}
    for name, text in files.items():  # the same bytes as --fix writes
        (repo / name).write_bytes(text.encode())
    run_termlint("--rules", rules, "--fix", *named, cwd=repo)
    assert applied == {name: (repo / name).read_bytes() for name in files}
    assert applied["docs/a.md"] == b"Title\n\nWe use\nit.\r\n"


def test_disable_line_and_unknown_directives(tmp_path: Path) -> None:
    rules = write_rules(tmp_path, existence_rule("HS001", "widget"))
    draft = tmp_path / "draft.md"
    draft.write_text(
        "A widget here. <!-- termlint-disable-line HS001 -->\n"
        "A widget on the next line of the paragraph.\n\n"
        "- a widget in a list <!-- termlint-disable-line -->\n\n"
        "| a widget | cell <!-- termlint-disable-line HS001 --> |\n|---|---|\n| widget | x |\n\n"
        "<!-- termlint-disabel HS001 -->\nA widget after a typo.\n\n"
        "Plain. <!-- termlint-disable-line HS001 -->\n")
    _, data = run_json("--rules", rules, draft)
    found = sorted((f["line"], f["rule"]) for f in data["findings"])
    assert found == [(2, "HS001"), (8, "HS001"), (10, "TL003"), (11, "HS001"), (13, "TL001")]
    (typo,) = [f for f in data["findings"] if f["rule"] == "TL003"]
    assert typo["message"] == ("Unknown directive 'termlint-disabel' (did you mean "
                               "'termlint-disable'?): it suppresses nothing.")
    assert typo["column"] == 1 and typo["severity"] == "info"


def test_a_rules_link_in_text_output_and_annotations(tmp_path: Path) -> None:
    rule = existence_rule("HS001", "widget") + "    link: https://example.org/style#widget\n"
    rules = write_rules(tmp_path, rule + existence_rule("HS002", "gadget"))
    draft = tmp_path / "draft.md"
    draft.write_text("A widget and a gadget.\n")
    plain = run_termlint("--rules", rules, draft).stdout.splitlines()
    assert plain[0].endswith(" widget")  # links only on request in a terminal
    shown = run_termlint("--rules", rules, "--show-links", draft).stdout.splitlines()
    assert shown[0].endswith(" widget (see https://example.org/style#widget)")
    assert shown[1].endswith(" gadget")  # no link, nothing added
    github = run_termlint("--rules", rules, "--format", "github", draft).stdout.splitlines()
    assert github[0].endswith("::widget (see https://example.org/style#widget)")


def test_show_config_tells_what_applies_to_a_path(tmp_path: Path) -> None:
    house = write_rules(tmp_path, existence_rule("HS001", "widget"), "house.yaml")
    (tmp_path / ".termlint.yaml").write_text(
        "rules: [builtin:precision-medicine, house.yaml]\nselect: [PM, HS]\n"
        "severity: {PM401: warning}\nexclude: ['drafts/**']\nfail-on: info\n")
    (tmp_path / "drafts").mkdir()
    text = run_termlint("--show-config", "drafts/a.md", cwd=tmp_path)
    assert text.returncode == 0, text.stderr
    assert f"configuration: {tmp_path / '.termlint.yaml'}" in text.stdout
    assert f"  test: {house} (1 rules)" in text.stdout
    assert "severity: PM401=warning" in text.stdout and "fail-on: info" in text.stdout
    assert "included: no" in text.stdout
    code, data = run_json("--show-config", "b.md", "--extend-rules", house, cwd=tmp_path)
    assert code == 0 and data["included"] is True and data["select"] == ["PM", "HS"]
    assert [p["name"] for p in data["packs"]] == ["precision-medicine", "test"]
    bare = tmp_path.with_name(tmp_path.name + "-bare")  # no configuration above it
    bare.mkdir()
    _, defaults = run_json("--show-config", ".", cwd=bare)
    assert defaults["configuration"] is None and defaults["rules"] == [
        "builtin:precision-medicine"]


def test_commands_that_lint_nothing_leave_no_cache(tmp_path: Path) -> None:
    (tmp_path / ".termlint.yaml").write_text("select: [PM]\n")
    for args in (["--list-rules"], ["--explain", "PM101"], ["--check-rules"],
                 ["--show-config", "a.md"], ["--list-rules", "--format", "json"]):
        result = run_termlint(*args, cwd=tmp_path)
        assert result.returncode == 0, (args, result.stderr)
        assert not (tmp_path / ".termlint_cache").exists(), args
    (tmp_path / "a.md").write_text("Plain.\n")
    run_termlint("a.md", cwd=tmp_path)
    assert (tmp_path / ".termlint_cache").is_dir()  # a lint run does keep one


# --- writing rules ---------------------------------------------------------------------------


def rules_and_draft(folder: Path, rules_text: str, draft_text: str,
                    rules_name: str = "rules.yaml") -> tuple[Path, Path]:
    """A whole rules file and a draft.md in `folder`, written as given."""
    rules, draft = folder / rules_name, folder / "draft.md"
    rules.write_text(rules_text)
    draft.write_text(draft_text)
    return rules, draft


def matches_and_fixes(rules: Path, draft: Path) -> list[tuple[str, str]]:
    """(match, offered replacement) of each finding, in order."""
    _, data = run_json("--rules", rules, draft)
    return [(f["match"], f["fix"]["replacement"]) for f in data["findings"]]


def test_a_rule_needs_only_id_kind_message_and_its_own_keys(tmp_path: Path) -> None:
    rules, draft = rules_and_draft(
        tmp_path, "rules:\n  - id: HS001\n    kind: existence\n    message: \"'{match}'\"\n"
        "    patterns: [widget]\n", "A widget.\n", "house-rules.yaml")
    code, data = run_json("--rules", rules, draft)
    assert (code, data["errors"]) == (1, [])
    (finding,) = data["findings"]
    assert (finding["name"], finding["severity"]) == ("hs001", "warning")
    listed = run_termlint("--rules", rules, "--list-rules", "--format", "json")
    (rule,) = json.loads(listed.stdout)
    assert (rule["pack"], rule["description"]) == ("house-rules", "'{match}'")
    checked = run_termlint("--rules", rules, "--check-rules")
    assert checked.returncode == 0, checked.stdout
    assert "HS001: warning: has no invalid example" in checked.stdout


BROKEN = """\
version: 1
rules:
  - id: HS001
    kind: existence
    message: x
    patterns: ['(oops']
  - id: HS002
    kind: existance
    message: x
  - id: HS003
    kind: existence
    message: x
    patterns: [fine]
  - id: HS003
    kind: existence
    message: "{nope}"
    patterns: [fine]
"""


def test_every_problem_of_a_rules_file_in_one_run(tmp_path: Path) -> None:
    rules, draft = rules_and_draft(tmp_path, BROKEN, "Fine.\n")
    result = run_termlint("--rules", rules, draft)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert [line.split(": ")[0:2] for line in lines] == [
        [f"{rules}:6", "HS001"], [f"{rules}:8", "HS002"], [f"{rules}:16", "HS003"]]
    _, data = run_json("--rules", rules, draft)
    assert [(e["line"], e["message"].split(":")[0]) for e in data["errors"]] == [
        (6, "HS001"), (8, "HS002"), (16, "HS003")]
    listed = run_termlint("--rules", rules, "--list-rules")
    assert listed.returncode == 2 and len(listed.stderr.strip().splitlines()) == 3
    assert not (tmp_path / ".termlint_cache" / "packs").exists()


LITERAL_LOOKING = """\
version: 1
rules:
  - id: HS010
    kind: substitution
    message: "Write '{replacement}'."
    swap: {e.g.: for example}
  - id: HS011
    kind: substitution
    message: "Write '{replacement}'."
    literal: true
    swap: {i.e.: that is}
"""


def test_literal_looking_patterns_warn_and_literal_true_escapes(tmp_path: Path) -> None:
    rules, draft = rules_and_draft(tmp_path, LITERAL_LOOKING,
                                   "Eggs, ergo, e.g. this. Ties, i.e.\nthat. Iree.\n")
    result = run_termlint("--rules", rules, "--format", "json", draft)
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 1 and warnings[0].startswith(f"{rules}:6: HS010: warning: ")
    assert "'e.g.'" in warnings[0] and "literal: true" in warnings[0]
    found = json.loads(result.stdout)["findings"]
    # The unescaped pattern matches "Eggs" and "ergo" too: that is what the warning is about,
    # and why its fixes are never offered as safe.
    assert {f["match"] for f in found if f["rule"] == "HS010"} >= {"Eggs", "e.g."}
    assert {f["fix"]["applicability"] for f in found if f["rule"] == "HS010"} == {"unsafe"}
    # literal: true matches the text as written, across a line break, on word boundaries.
    literal = [f for f in found if f["rule"] == "HS011"]
    assert [(f["match"], f["fix"]["applicability"]) for f in literal] == [("i.e.", "safe")]
    checked = run_termlint("--rules", rules, "--check-rules")
    assert checked.returncode == 0 and "HS010: warning: pattern 'e.g.'" in checked.stdout
    # The first run keeps the pack in the cache folder; the second reads it back and still warns.
    for _ in range(2):
        again = run_termlint("--rules", rules, draft, cwd=tmp_path)
        assert "HS010: warning:" in again.stderr
    assert (tmp_path / ".termlint_cache" / "packs").is_dir()


def test_case_only_substitution_fixes_every_wrong_casing(tmp_path: Path) -> None:
    rules, draft = rules_and_draft(
        tmp_path, "rules:\n  - id: HS020\n    kind: substitution\n    message: \"'{match}' is "
        "spelled '{replacement}'.\"\n    swap: {cloudnest: CloudNest}\n",
        "CLOUDNEST, Cloudnest, cloudnest and cloudNEST; CloudNest is right.\n")
    assert matches_and_fixes(rules, draft) == [
        (word, "CloudNest") for word in ("CLOUDNEST", "Cloudnest", "cloudnest", "cloudNEST")]
    run_termlint("--rules", rules, "--fix", draft)
    assert draft.read_text() == ("CloudNest, CloudNest, CloudNest and CloudNest; CloudNest is "
                                 "right.\n")


def test_exceptions_and_a_shared_vocabulary(tmp_path: Path) -> None:
    rules, draft = rules_and_draft(
        tmp_path,
        "rules:\n"
        "  - id: HS030\n    kind: existence\n    message: x\n    patterns: [precision medicine]\n"
        "    exceptions: ['Precision Medicine Initiative']\n"
        "  - id: HS031\n    kind: substitution\n    message: x\n    swap: {utilize: use}\n",
        "The Precision Medicine\nInitiative funds precision medicine. We utilize "
        "Utilize Cloud and we utilize it.\n")
    _, data = run_json("--rules", rules, draft, cwd=tmp_path)
    assert [(f["rule"], f["column"]) for f in data["findings"]] == [
        ("HS030", 18), ("HS031", 41), ("HS031", 49), ("HS031", 70)]
    (tmp_path / "accept.txt").write_text("# products\nUtilize Cloud\n\nWidget(?:Pro)?  # ours\n")
    (tmp_path / ".termlint.yaml").write_text(f"rules: [{rules}]\nvocabulary: [accept.txt]\n")
    _, data = run_json(draft, cwd=tmp_path)
    assert [(f["rule"], f["column"]) for f in data["findings"]] == [
        ("HS030", 18), ("HS031", 41), ("HS031", 70)]
    # Editing the vocabulary is seen at once (the findings cache depends on it).
    (tmp_path / "accept.txt").write_text("Utilize Cloud\nwe utilize it\n")
    _, data = run_json(draft, cwd=tmp_path)
    assert [(f["rule"], f["column"]) for f in data["findings"]] == [("HS030", 18), ("HS031", 41)]
    (tmp_path / "accept.txt").write_text("fine\n(oops\n")
    result = run_termlint(draft, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().startswith(f"{tmp_path / 'accept.txt'}:2: ")


def test_literal_consistency_offers_the_written_form_as_its_fix(tmp_path: Path) -> None:
    rules, draft = rules_and_draft(
        tmp_path, "rules:\n  - id: HS040\n    kind: consistency\n    message: x\n"
        "    literal: true\n    either: {e.g.: for example}\n",
        "One e.g. here. For example, there. Eggs stay eggs.\n")
    assert matches_and_fixes(rules, draft) == [
        ("For example", "E.g.")]  # the first form used wins; its case follows the match
