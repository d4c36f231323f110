"""Rules files (format version 1, DESIGN.md §3): load, validate, and freeze them.

A rules file is data written by hand, so every problem is reported as one line naming the
file, the line and the rule id (`RulesError`). To know lines, the YAML is composed into a
node tree (safe loader only: no tags that build Python objects) and walked node by node;
plain values are then built by the same safe constructor `yaml.safe_load` uses.
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType, ModuleType
from typing import TYPE_CHECKING, Any, NamedTuple

from termlint.findings import Severity
from termlint.kinds import (
    KIND_NAMES,
    OptionError,
    PackContext,
    combine,
    compile_patterns,
    get_kind,
)
from termlint.patterns import PatternError, _outside_classes, compile_pattern
from termlint.yamldoc import (
    Unreadable,
    YamlDoc,
    YamlProblem,
    check_keys,
    describe,
    did_you_mean,
    line_of,
    read_data_file,
)

if TYPE_CHECKING:
    import yaml

    from termlint.packcache import PackCache

BUILTIN_PREFIX = "builtin:"
ENTRY_POINTS = "termlint.packs"  # the entry point group of installed rule packs
# NAME:PACK, a pack of an installed distribution (a Windows path like C:\x.yaml is not one).
_PLUGIN_SPEC = re.compile(r"([A-Za-z0-9][\w.-]*):([A-Za-z0-9][\w.-]*)")
FORMAT_VERSION = 1
TOP_KEYS = ("version", "name", "description", "families", "lexicons", "rules")
COMMON_KEYS = (
    "id", "name", "kind", "severity", "message", "description", "link", "scope", "examples",
    "literal", "exceptions", "passes", "fix-advice",
)
# Only what a rule cannot work without; the kind's own required keys come on top.
REQUIRED_COMMON = ("id", "kind", "message")
EXAMPLE_KEYS = ("invalid", "valid", "fixed")
FIXED_KEYS = ("before", "after")
SEVERITIES = ("error", "warning", "info")
# termlint's own rules (unused or unknown suppressions) use this prefix.
RESERVED_PREFIX = "TL"

_RULE_ID = re.compile(r"[A-Z]+[0-9]+")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


# --- the frozen result ------------------------------------------------------------------------


class _Fields(dict):  # type: ignore[type-arg]
    """Message fields; a placeholder the kind did not fill becomes empty, never a KeyError."""

    def __missing__(self, key: str) -> str:
        return ""


class Rule(NamedTuple):
    id: str
    name: str
    kind: str
    severity: Severity
    message: str
    description: str
    link: str | None
    scope: str
    options: Any  # whatever the kind's prepare() returned
    examples_invalid: tuple[str, ...]
    examples_valid: tuple[str, ...]
    pack: str  # pack name
    path: str  # the rules file, as displayed
    line: int  # 1-based line of the rule in that file
    # Text a finding of this rule may sit inside and is then not reported (`exceptions`).
    exceptions: re.Pattern[str] | None = None
    passes: str = ""  # what the rule lets pass (`passes`), for --explain
    advice: str = ""  # how to fix what it flags (`fix-advice`)
    examples_fixed: tuple[tuple[str, str], ...] = ()  # (before, after): flagged, then not

    def format_message(self, fields: Mapping[str, str], template: str | None = None) -> str:
        """The message (or a kind's own `template`) with its {placeholders} filled.

        Never raises: it runs at lint time, and placeholders were validated at load time.
        """
        template = self.message if template is None else template
        try:
            return template.format_map(_Fields(fields))
        except (ValueError, TypeError, KeyError, IndexError, AttributeError):
            return template


class Pack(NamedTuple):
    name: str
    description: str
    path: str
    families: Mapping[str, tuple[str, ...]]
    lexicons: Mapping[str, tuple[str, ...]]
    rules: tuple[Rule, ...]
    # Problems that do not stop the pack from working, each "path:line: ID: warning: ...".
    warnings: tuple[str, ...] = ()
    origin: str = ""  # where it came from: "bundled", "file", or the distribution that ships it


class RulesError(Exception):
    """A rules file that cannot be used. str() is one line: "path:line: ID: problem"."""

    def __init__(
        self, path: str, problem: str, *, line: int | None = None, rule_id: str | None = None,
        more: Sequence[RulesError] = (),
    ) -> None:
        # Whatever produced the problem text (YAML, re), the report stays one line.
        self.problem = " ".join(problem.split())
        self.path = path
        self.line = line
        self.rule_id = rule_id
        self.more = tuple(more)  # the file's other problems, reported together
        super().__init__(str(self))

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its fields, so it survives being sent between worker processes.
        return (_rules_error, (self.path, self.problem, self.line, self.rule_id, self.more))

    @property
    def all(self) -> tuple[RulesError, ...]:
        """This problem and the file's others: each is one line to report."""
        return (self, *self.more)

    @property
    def message(self) -> str:
        """The problem with its rule id, without the location: "ID: problem"."""
        return f"{self.rule_id}: {self.problem}" if self.rule_id else self.problem

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


def _rules_error(path: str, problem: str, line: int | None, rule_id: str | None,
                 more: Sequence[RulesError] = ()) -> RulesError:
    return RulesError(path, problem, line=line, rule_id=rule_id, more=more)


# --- finding and reading pack files -------------------------------------------------------------


def bundled_folder() -> Path:
    """The folder of the bundled packs, in an installed wheel or in a source checkout."""
    installed = Path(__file__).parent / "rules"  # the wheel maps rules/ to termlint/rules/
    if installed.is_dir():
        return installed
    # src/termlint/packs.py -> the checkout's top-level rules/ (source tree, editable install).
    return Path(__file__).resolve().parents[2] / "rules"


def bundled_packs() -> dict[str, Path]:
    """Name -> file, for every *.yaml in the bundled rules folder."""
    folder = bundled_folder()
    if not folder.is_dir():
        return {}
    return {path.stem: path for path in sorted(folder.glob("*.yaml")) if path.is_file()}


def is_plugin_spec(spec: str, base_dir: Path | None = None) -> bool:
    """Whether `spec` names a pack of an installed distribution (NAME:PACK) rather than a file:
    it has that shape, is not builtin:, and no such file exists (a file always wins)."""
    if spec.startswith(BUILTIN_PREFIX) or not _PLUGIN_SPEC.fullmatch(spec):
        return False
    return not (base_dir / spec if base_dir is not None else Path(spec)).exists()


def _plugin(spec: str) -> tuple[Path, str]:
    """The file of the pack NAME:PACK, and its origin ("acme-style 1.2 (acme)"). The entry
    point names a package (or module) whose folder holds PACK.yaml; it is located, not
    imported, so installing a rule pack never runs its code."""
    import importlib.util
    from importlib.metadata import entry_points

    name, pack = _PLUGIN_SPEC.fullmatch(spec).groups()  # type: ignore[union-attr]
    found = {ep.name: ep for ep in entry_points(group=ENTRY_POINTS)}
    if name not in found:
        installed = ", ".join(sorted(found)) or "none"
        raise RulesError(spec, f"no installed rule pack '{name}'{did_you_mean(name, found)} "
                         f"(entry point group '{ENTRY_POINTS}'; installed: {installed})")
    entry = found[name]
    dist = entry.dist
    origin = f"{dist.name} {dist.version} ({name})" if dist is not None else name
    try:
        module_spec = importlib.util.find_spec(entry.module)
    except (ImportError, ValueError) as exc:
        module_spec, problem = None, str(exc)
    else:
        problem = f"module '{entry.module}' not found"
    if module_spec is None:
        raise RulesError(spec, f"rule pack '{name}' from {origin} is broken: {problem}")
    if module_spec.submodule_search_locations:
        folder = Path(next(iter(module_spec.submodule_search_locations)))
    elif module_spec.origin:
        folder = Path(module_spec.origin).parent
    else:
        raise RulesError(spec, f"rule pack '{name}' from {origin} has no folder")
    packs = sorted(p.stem for p in folder.glob("*.yaml"))
    if pack not in packs:
        raise RulesError(spec, f"{origin} has no rule pack '{pack}'{did_you_mean(pack, packs)}; "
                         f"it has: {', '.join(packs) or 'none'}")
    return folder / f"{pack}.yaml", origin


def _locate(spec: str, base_dir: Path | None) -> Path:
    if spec.startswith(BUILTIN_PREFIX):
        name = spec[len(BUILTIN_PREFIX) :]
        packs = bundled_packs()
        if name not in packs:
            available = ", ".join(sorted(packs)) or "none"
            raise RulesError(
                spec,
                f"no bundled rules pack '{name}'{did_you_mean(name, packs)}; "
                f"available: {available}",
            )
        return packs[name]
    path = Path(spec).expanduser()
    if base_dir is not None and not path.is_absolute():
        path = base_dir / path
    return path


def _read(path: Path, display: str) -> str:
    try:
        data = read_data_file(path)
    except Unreadable as exc:
        raise RulesError(display, f"rules file is {exc}") from None
    except FileNotFoundError:
        raise RulesError(display, "rules file not found") from None
    except IsADirectoryError:
        raise RulesError(display, "is a folder, not a rules file") from None
    except OSError as exc:
        raise RulesError(display, f"cannot read rules file: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise RulesError(display, "rules file is not valid UTF-8", line=line) from None


def load_pack(spec: str, base_dir: Path | None = None) -> Pack:
    """Load one pack: a path (relative to base_dir when given) or "builtin:NAME"."""
    path = _locate(spec, base_dir)
    display = str(path)
    return parse_pack(_read(path, display), display)


def load_packs(
    specs: Sequence[str], base_dir: Path | None = None, kept: PackCache | None = None
) -> list[Pack]:
    """Load several packs; a rule id may be defined only once across all of them. `kept`:
    where packs parsed by earlier runs are kept (see termlint.packcache)."""
    packs: list[Pack] = []
    seen_files: set[str] = set()
    for spec in specs:
        if is_plugin_spec(spec, base_dir):
            path, origin = _plugin(spec)
        else:
            path = _locate(spec, base_dir)
            origin = "bundled" if spec.startswith(BUILTIN_PREFIX) else "file"
        # The same file named twice (say, by path and as builtin:) is loaded once.
        real = os.path.realpath(path)
        if real in seen_files:
            continue
        seen_files.add(real)
        text, display = _read(path, str(path)), str(path)
        pack = kept.get(display, text) if kept is not None else None
        if pack is None:
            pack = parse_pack(text, display)
            if kept is not None:
                kept.put(display, text, pack)
        packs.append(pack._replace(origin=origin))
    _check_unique_ids(packs)
    return packs


def _check_unique_ids(packs: Sequence[Pack]) -> None:
    first: dict[str, Rule] = {}
    for pack in packs:
        for rule in pack.rules:
            if rule.id in first:
                other = first[rule.id]
                raise RulesError(
                    rule.path,
                    f"duplicate rule id (also defined at {other.path}:{other.line})",
                    line=rule.line,
                    rule_id=rule.id,
                )
            first[rule.id] = rule


def parse_pack(text: str, path: str) -> Pack:
    """Validate the text of a rules file; `path` is only used to name the file in errors."""
    try:
        return _PackReader(YamlDoc(text), path).read()
    except YamlProblem as exc:
        raise RulesError(path, exc.problem, line=exc.line, rule_id=exc.rule_id) from None
    except _Problems as exc:
        first, *rest = exc.problems
        more = [RulesError(path, p.problem, line=p.line, rule_id=p.rule_id) for p in rest]
        raise RulesError(path, first.problem, line=first.line, rule_id=first.rule_id,
                         more=more) from None


class _Problems(Exception):
    """Every problem of a rules file's rules, so one run reports them all."""

    def __init__(self, problems: list[YamlProblem]) -> None:
        super().__init__(problems[0].problem)
        self.problems = problems


# --- validation ---------------------------------------------------------------------------------


class _PackReader:
    def __init__(self, doc: YamlDoc, path: str) -> None:
        self.doc = doc
        self.path = path
        self.warnings: list[str] = []

    def read(self) -> Pack:
        root = self.doc.root
        if root is None:
            raise YamlProblem(None, "rules file is empty; expected a 'rules' list")
        items = self.doc.mapping(root, "a rules file")
        self._version(items)
        check_keys(items, TOP_KEYS, "at the top level")
        if "rules" not in items:
            raise YamlProblem(line_of(root), "missing required top-level key 'rules'")
        # Without a name, a pack is called after its file (house-rules.yaml: house-rules).
        name = (self.doc.string(items["name"][1], "'name'") if "name" in items
                else Path(self.path).stem)
        description = self._optional_string(items, "description") or ""
        families, modifiers, subfields = self._families(_value_node(items, "families"))
        lexicons = self._lexicons(_value_node(items, "lexicons"))
        context = PackContext(families, lexicons, modifiers, subfields)
        rules = self._rules(items["rules"][1], name, context)
        return Pack(name, description, self.path, families, lexicons, rules,
                    tuple(self.warnings))

    def _version(self, items: Mapping[str, tuple[yaml.Node, yaml.Node]]) -> None:
        # Checked before anything else: a newer format may have keys this version cannot know.
        if "version" not in items:
            return  # version 1, the only one so far
        node = items["version"][1]
        version = self.doc.value(node)
        if type(version) is not int or version != FORMAT_VERSION:
            raise YamlProblem(
                line_of(node),
                f"unsupported rules format version {describe(version)}; "
                f"this termlint reads version {FORMAT_VERSION}",
            )

    def _optional_string(
        self, items: Mapping[str, tuple[yaml.Node, yaml.Node]], key: str
    ) -> str | None:
        return self.doc.string(items[key][1], f"'{key}'") if key in items else None

    def _named_lists(
        self, node: yaml.Node | None, what: str, one: str, allow_empty: bool
    ) -> dict[str, list[tuple[str, yaml.Node]]]:
        # An empty section (`families:` with nothing after it) is the same as none.
        if node is None or self.doc.value(node) is None:
            return {}
        named = {}
        for name, (key, value) in self.doc.mapping(node, f"'{what}'").items():
            if not name.strip():
                raise YamlProblem(line_of(key), f"a name in '{what}' is empty")
            named[name] = self.doc.strings(value, f"{one} '{name}'")
            if not named[name] and not allow_empty:
                raise YamlProblem(line_of(value), f"{one} '{name}' is empty")
        return named

    def _families(
        self, node: yaml.Node | None
    ) -> tuple[Mapping[str, tuple[str, ...]], Mapping[str, tuple[str, ...]],
               Mapping[str, tuple[str, ...]]]:
        """Family forms, modifiers and sub-fields. A family is a list of forms, or a mapping
        with `forms`, `modifiers` (the words that name it before a shared head noun) and
        `subfields` (narrower terms that belong to it, such as "precision oncology")."""
        families: dict[str, tuple[str, ...]] = {}
        modifiers: dict[str, tuple[str, ...]] = {}
        subfields: dict[str, tuple[str, ...]] = {}
        if node is None or self.doc.value(node) is None:
            return MappingProxyType(families), MappingProxyType(modifiers), \
                MappingProxyType(subfields)
        for name, (key, value) in self.doc.mapping(node, "'families'").items():
            if not name.strip():
                raise YamlProblem(line_of(key), "a name in 'families' is empty")
            what = f"family '{name}'"
            if self.doc.is_mapping(value):
                items = self.doc.mapping(value, what)
                check_keys(items, ("forms", "modifiers", "subfields"), f"in {what}")
                if "forms" not in items:
                    raise YamlProblem(line_of(value), f"{what} needs 'forms'")
                forms = self._patterns(items["forms"][1], f"{what} forms", name)
                for key, target in (("modifiers", modifiers), ("subfields", subfields)):
                    if key in items:
                        target[name] = tuple(
                            self._patterns(items[key][1], f"{what} {key}", name)
                        )
            else:
                forms = self._patterns(value, what, name)
            families[name] = tuple(forms)
        return MappingProxyType(families), MappingProxyType(modifiers), MappingProxyType(subfields)

    def _patterns(self, node: yaml.Node, what: str, family: str) -> list[str]:
        entries = self.doc.strings(node, what)
        if not entries:
            raise YamlProblem(line_of(node), f"{what} is empty")
        for form, form_node in entries:
            try:
                compile_pattern(form)
            except PatternError as exc:
                raise YamlProblem(line_of(form_node), f"family '{family}': {exc}") from None
        return [form for form, _ in entries]

    def _lexicons(self, node: yaml.Node | None) -> Mapping[str, tuple[str, ...]]:
        # An empty lexicon is fine: a team may declare it now and fill it later.
        named = self._named_lists(node, "lexicons", "lexicon", True)
        return MappingProxyType({name: tuple(w for w, _ in words) for name, words in named.items()})

    def _rules(self, node: yaml.Node, pack: str, context: PackContext) -> tuple[Rule, ...]:
        """Every rule; a broken one is set aside and the others are still checked, so one run
        reports all of a file's problems."""
        rules: list[Rule] = []
        problems: list[YamlProblem] = []
        first_line: dict[str, int] = {}
        for item in self.doc.sequence(node, "'rules'"):
            try:
                rule = _RuleReader(self.doc, item, self.path, pack, self.warnings).read(context)
            except YamlProblem as exc:
                problems.append(exc)
                continue
            if rule.id in first_line:
                problems.append(YamlProblem(
                    rule.line,
                    f"duplicate rule id (first defined at line {first_line[rule.id]})",
                    rule.id,
                ))
                continue
            first_line[rule.id] = rule.line
            rules.append(rule)
        if problems:
            raise _Problems(problems)
        return tuple(rules)


class _RuleReader:
    """One rule: common keys first, then the kind's own keys through its prepare()."""

    def __init__(self, doc: YamlDoc, node: yaml.Node, path: str, pack: str,
                 warnings: list[str]) -> None:
        self.doc = doc
        self.node = node
        self.path = path
        self.pack = pack
        self.warnings = warnings  # the pack's, which this rule adds to
        self.line = line_of(node)
        self.items = doc.mapping(node, "a rule")

    def read(self, context: PackContext) -> Rule:
        rule_id = self._id()
        self.rule_id = rule_id
        try:
            return self._read(rule_id, context)
        except YamlProblem as exc:
            exc.rule_id = exc.rule_id or rule_id
            raise

    def _id(self) -> str:
        if "id" not in self.items:
            # 'Id' or 'ID' is likelier than a missing id: name the typo.
            check_keys(self.items, (*COMMON_KEYS, *_all_kind_keys()), "in a rule")
            raise YamlProblem(self.line, "rule has no 'id'")
        node = self.items["id"][1]
        rule_id = self.doc.value(node)
        if not isinstance(rule_id, str) or not _RULE_ID.fullmatch(rule_id):
            raise YamlProblem(
                line_of(node),
                f"'id' must be capital letters then digits, such as PM101, got {describe(rule_id)}",
            )
        if rule_id.rstrip("0123456789") == RESERVED_PREFIX:
            raise YamlProblem(
                line_of(node),
                f"rule id prefix '{RESERVED_PREFIX}' is reserved for termlint's own rules",
                rule_id,
            )
        return rule_id

    def _read(self, rule_id: str, context: PackContext) -> Rule:
        kind = self._kind()
        for key in REQUIRED_COMMON:
            if key not in self.items:
                raise YamlProblem(self.line, f"missing required key '{key}'")
        # Optional keys: a rule without a name is called by its id in lower case.
        name = self._string("name") if "name" in self.items else rule_id.lower()
        if not _SLUG.fullmatch(name):
            raise YamlProblem(
                self._line("name"), f"'name' must be kebab-case, such as 'hype-words', got {name!r}"
            )
        message = self._string("message")
        self._check_placeholders(message, kind)
        invalid, valid, fixed = self._examples()
        literal = self._literal(kind)
        return Rule(
            id=rule_id,
            name=name,
            kind=kind.NAME,
            severity=self._severity(),
            message=message,
            description=self._string("description") if "description" in self.items else message,
            link=self._string("link") if "link" in self.items else None,
            scope=self._scope(kind),
            options=self._options(kind, context, literal),
            examples_invalid=invalid,
            examples_valid=valid,
            pack=self.pack,
            path=self.path,
            line=self.line,
            exceptions=self._exceptions(literal),
            passes=self._string("passes") if "passes" in self.items else "",
            advice=self._string("fix-advice") if "fix-advice" in self.items else "",
            examples_fixed=fixed,
        )

    def _line(self, key: str) -> int:
        return line_of(self.items[key][0]) if key in self.items else self.line

    def _string(self, key: str) -> str:
        return self.doc.string(self.items[key][1], f"'{key}'")

    def _kind(self) -> ModuleType:
        kind_name = self.doc.value(self.items["kind"][1]) if "kind" in self.items else None
        if kind_name in KIND_NAMES:
            kind = get_kind(kind_name)
            allowed = (*COMMON_KEYS, *kind.KEYS)
            self._check_foreign_keys(kind, allowed)
            check_keys(self.items, allowed, "in a rule")
            return kind
        # Without a valid kind, a typo like 'knd' is the likelier problem: report it first.
        check_keys(self.items, (*COMMON_KEYS, *_all_kind_keys()), "in a rule")
        if kind_name is None:
            raise YamlProblem(self.line, "missing required key 'kind'")
        raise YamlProblem(
            self._line("kind"),
            f"'kind' must be one of {', '.join(KIND_NAMES)}, got {describe(kind_name)}"
            + (did_you_mean(kind_name, KIND_NAMES) if isinstance(kind_name, str) else ""),
        )

    def _check_foreign_keys(self, kind: ModuleType, allowed: Sequence[str]) -> None:
        """A key of another kind gets a sharper message than 'unknown key'."""
        for key, (key_node, _) in self.items.items():
            if key not in allowed and key in _all_kind_keys():
                own = ", ".join(kind.KEYS) or "none"
                raise YamlProblem(
                    line_of(key_node),
                    f"key '{key}' does not belong to kind '{kind.NAME}' (its keys: {own})",
                )

    def _severity(self) -> Severity:
        if "severity" not in self.items:
            return Severity.WARNING
        node = self.items["severity"][1]
        value = self.doc.value(node)
        if value not in SEVERITIES:
            raise YamlProblem(
                line_of(node),
                f"'severity' must be one of {', '.join(SEVERITIES)}, got {describe(value)}",
            )
        return Severity.parse(value)

    def _scope(self, kind: ModuleType) -> str:
        if "scope" not in self.items:
            return str(kind.DEFAULT_SCOPE)
        node = self.items["scope"][1]
        scope = self.doc.value(node)
        if scope not in kind.SCOPES:
            raise YamlProblem(
                line_of(node),
                f"'scope' must be one of {', '.join(kind.SCOPES)} for kind '{kind.NAME}', "
                f"got {describe(scope)}",
            )
        return str(scope)

    def _check_placeholders(self, message: str, kind: ModuleType) -> None:
        line = self._line("message")
        offered = ", ".join(f"{{{p}}}" for p in sorted(kind.PLACEHOLDERS)) or "none"
        try:
            parsed = list(string.Formatter().parse(message))
        except ValueError as exc:
            raise YamlProblem(
                line, f"'message' has a stray brace ({exc}); write {{{{ or }}}} for a literal one"
            ) from None
        for _, field, spec, conversion in parsed:
            if field is None:
                continue
            if spec or conversion:
                raise YamlProblem(line, f"'message' placeholder {{{field}}} takes no ! or : part")
            if field not in kind.PLACEHOLDERS:
                raise YamlProblem(
                    line,
                    f"'message' uses unknown placeholder {{{field}}}; "
                    f"kind '{kind.NAME}' offers {offered}",
                )

    def _examples(
        self,
    ) -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]:
        if "examples" not in self.items:
            return (), (), ()
        items = self.doc.mapping(self.items["examples"][1], "'examples'")
        check_keys(items, EXAMPLE_KEYS, "in 'examples'")
        found = {
            key: tuple(text for text, _ in self.doc.strings(value, f"'examples: {key}'"))
            for key, (_, value) in items.items() if key != "fixed"
        }
        fixed = []
        if "fixed" in items:
            for entry in self.doc.sequence(items["fixed"][1], "'examples: fixed'"):
                pair = self.doc.mapping(entry, "an 'examples: fixed' entry")
                check_keys(pair, FIXED_KEYS, "in an 'examples: fixed' entry")
                for key in FIXED_KEYS:
                    if key not in pair:
                        raise YamlProblem(line_of(entry), f"an 'examples: fixed' entry needs "
                                          f"'{key}'")
                fixed.append(tuple(self.doc.string(pair[k][1], f"'{k}'") for k in FIXED_KEYS))
        return found.get("invalid", ()), found.get("valid", ()), tuple(fixed)  # type: ignore[return-value]

    def _literal(self, kind: ModuleType) -> bool:
        if "literal" not in self.items:
            return False
        node = self.items["literal"][1]
        value = self.doc.value(node)
        if not isinstance(value, bool):
            raise YamlProblem(line_of(node), f"'literal' must be true or false, got "
                              f"{describe(value)}")
        if value and not getattr(kind, "PATTERN_KEYS", None):
            raise YamlProblem(line_of(node), f"'literal' does not apply to kind '{kind.NAME}', "
                              "whose terms come from families and lexicons")
        return value

    def _exceptions(self, literal: bool) -> re.Pattern[str] | None:
        if "exceptions" not in self.items:
            return None
        node = self.items["exceptions"][1]
        entries = self.doc.strings(node, "'exceptions'")
        if not entries:
            return None
        if literal:
            texts = [_as_literal(text) for text, _ in entries]
        else:
            texts = [text for text, _ in entries]
            for text, entry_node in entries:
                self._warn_if_literal_looking(text, line_of(entry_node))
        try:
            return combine(compile_patterns(texts, "exceptions"))
        except OptionError as exc:
            raise YamlProblem(line_of(node), exc.problem) from None

    def _warn_if_literal_looking(self, pattern: str, line: int) -> bool:
        """Warn about `e.g.`-style patterns, whose unescaped dots match any character."""
        dotted = literal_looking(pattern)
        if dotted:
            self.warnings.append(
                f"{self.path}:{line}: {self.rule_id}: warning: pattern {pattern!r} has an "
                f"unescaped '.' in '{dotted}', which matches any character; write "
                f"{_escaped_dots(pattern)!r} or set 'literal: true'")
        return bool(dotted)

    def _options(self, kind: ModuleType, context: PackContext, literal: bool) -> Any:
        for key in sorted(kind.REQUIRED):
            if key not in self.items:
                raise YamlProblem(self.line, f"missing required key '{key}' (kind '{kind.NAME}')")
        present = [key for key in kind.KEYS if key in self.items]
        options = {key: self.doc.value(self.items[key][1]) for key in present}
        suspicious = False
        for key, where in getattr(kind, "PATTERN_KEYS", {}).items():
            if key not in options:
                continue
            if literal:
                options[key] = _map_patterns(options[key], where, _as_literal)
            else:
                for pattern in _patterns_in(options[key], where):
                    suspicious |= self._warn_if_literal_looking(pattern, self._line(key))
        if suspicious and "fix" in kind.KEYS:
            options["fix"] = "unsafe"  # a pattern that may not mean what it says: no safe fix
        try:
            return kind.prepare(options, context)
        except OptionError as exc:
            raise YamlProblem(self._line(exc.key), exc.problem) from None
        except re.error as exc:  # patterns that compile alone but not once joined
            raise YamlProblem(self.line, f"its patterns cannot be combined: {exc}") from None


# A dot between two letters, as in "e.g." or "a.k.a.": a literal the writer did not escape.
_LETTER_DOT_LETTER = re.compile(r"[^\W\d_]\.[^\W\d_]")


def literal_looking(pattern: str) -> str:
    """The first `x.y` in `pattern` whose dot is unescaped and outside a character class."""
    tokens = list(_outside_classes(pattern))
    for (_, before), (_, dot), (_, after) in zip(tokens, tokens[1:], tokens[2:], strict=False):
        if dot == "." and _LETTER_DOT_LETTER.fullmatch(before + dot + after):
            return before + dot + after
    return ""


def _escaped_dots(pattern: str) -> str:
    return pattern.replace(".", "\\.")


def _as_literal(text: str) -> str:
    """A pattern matching `text` as written, except that a space still matches any run of
    white space (a line break included), as in every pattern."""
    return " ".join(re.escape(part) for part in text.split())


def _patterns_in(value: object, where: str) -> list[str]:
    """The patterns in a kind's option value: list items, mapping keys, or keys and values."""
    if where == "items" and isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    if isinstance(value, dict):
        found = [k for k in value if isinstance(k, str)]
        if where == "both":
            found += [v for v in value.values() if isinstance(v, str)]
        return found
    return []


def _map_patterns(value: Any, where: str, change: Any) -> Any:
    if where == "items" and isinstance(value, list):
        return [change(v) if isinstance(v, str) else v for v in value]
    if isinstance(value, dict):
        return {(change(k) if isinstance(k, str) else k):
                (change(v) if where == "both" and isinstance(v, str) else v)
                for k, v in value.items()}
    return value


def _value_node(items: Mapping[str, tuple[yaml.Node, yaml.Node]], key: str) -> yaml.Node | None:
    return items[key][1] if key in items else None


def _all_kind_keys() -> tuple[str, ...]:
    return tuple(key for name in KIND_NAMES for key in get_kind(name).KEYS)
