"""Command line: arguments, configuration per file, the run loop and the exit code.

`main(argv) -> int` returns the exit status rather than exiting (only `entry` calls sys.exit),
so other programs can drive the real command line in-process; argparse's usage errors are the
exception: they exit with status 2, as usage errors should.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from termlint import __version__
from termlint.config import Config, ConfigError, find_config, is_included, load_config
from termlint.findings import FileError, Finding, Severity
from termlint.packs import Pack, RulesError, load_packs

if TYPE_CHECKING:
    from termlint.configcache import KeptSettings
    from termlint.linter import Linter

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
DEFAULT_FAIL_ON = Severity.WARNING
SKIP_MIN_FILES = 8  # fewer files: not worth working out which files no rule can concern


def _ids(value: str) -> list[str]:
    return [part.strip().upper() for part in value.split(",") if part.strip()]


_width: list[int] = []  # the terminal's width, measured once


def _formatter(prog: str) -> argparse.HelpFormatter:
    """argparse makes a formatter on every add_argument(), and its default one imports shutil
    (and with it zlib, bz2 and lzma, ~3 ms of a one-file run) to measure the terminal; this
    one measures it once, the same way, with os alone."""
    if not _width:
        try:
            columns = int(os.environ["COLUMNS"])
        except (KeyError, ValueError):
            try:
                columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                columns = 80
        _width.append(max(columns - 2, 11))
    return argparse.HelpFormatter(prog, width=_width[0])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="termlint",
        formatter_class=_formatter,
        description="Lint the prose of Markdown files against YAML term rules.",
        epilog="Exit status: 0 no findings at or above --fail-on, 1 findings, "
        "2 usage, configuration or file errors.",
    )
    add = parser.add_argument
    add("paths", nargs="*", metavar="PATH", help="files or folders to lint ('-' for stdin)")
    add("--rules", action="append", metavar="FILE",
        help="rules file or builtin:NAME (repeatable; replaces the configured rules)")
    add("--extend-rules", action="append", metavar="FILE",
        help="rules file or builtin:NAME added to the configured rules (repeatable)")
    add("--config", metavar="FILE", help="use this .termlint.yaml or pyproject.toml")
    add("--format", default="text",
        choices=["text", "json", "github", "sarif", "junit", "gitlab", "rdjson", "markdown",
                 "html"],
        help="output format (markdown: only with --list-rules)")
    add("--select", type=_ids, action="extend", metavar="IDS",
        help="only these rule ids or prefixes (comma-separated)")
    add("--ignore", type=_ids, action="extend", metavar="IDS",
        help="skip these rule ids or prefixes (comma-separated)")
    add("--fail-on", choices=["error", "warning", "info"],
        help="lowest severity that makes the exit status 1 (default: warning)")
    add("--fix", action="store_true", help="apply safe fixes in place (atomically)")
    add("--unsafe-fixes", action="store_true", help="with --fix or --diff: also unsafe fixes")
    add("--diff", action="store_true", help="print the fixes as a unified diff; write nothing")
    add("--diff-base", metavar="REF",
        help="report only findings on lines added or changed since the merge base with REF")
    add("--write-baseline", metavar="FILE", help="record today's findings in FILE and exit 0")
    add("--baseline", metavar="FILE", help="hide the findings recorded in FILE")
    add("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    add("--stdin-filename", metavar="PATH", help="path to report (and configure) stdin as")
    add("--force-exclude", action="store_true",
        help="apply the configuration's include/exclude to files named on the command line "
        "too (for pre-commit and editors, which name every file)")
    add("--jobs", "-j", type=int, default=0, metavar="N",
        help="lint N files at a time (default 0: one per CPU, for runs of many files)")
    add("--timeout", type=float, default=None, metavar="SECONDS",
        help="give up on a file after SECONDS (default: 10 plus 20 per MB of text; 0: never)")
    add("--max-size", type=float, default=10, metavar="MB",
        help="refuse files larger than MB megabytes (default 10; 0: no limit)")
    add("--no-cache", action="store_true",
        help="ignore and do not update .termlint_cache/ (findings cached by file content)")
    add("--no-color", action="store_true", help="never color the text output")
    add("--quiet", "-q", action="store_true", help="print findings only, no summary")
    add("--statistics", action="store_true", help="count findings per rule instead of listing")
    add("--show-links", action="store_true", help="end each finding with its rule's link")
    add("--list-rules", action="store_true", help="list the loaded rules and exit")
    add("--explain", metavar="ID", help="explain one rule and exit")
    add("--check-rules", action="store_true",
        help="validate the rules files and run every rule's examples")
    add("--show-config", metavar="PATH",
        help="print the configuration and rules files that apply to PATH, and exit")
    add("--version", action="version", version=f"termlint {__version__}")
    return parser


def lints(args: argparse.Namespace) -> bool:
    """Whether this run lints files; the commands that only inform leave no cache behind."""
    return not (args.list_rules or args.explain or args.check_rules or args.show_config)


class Run:
    """What one invocation found; turned into output and an exit code at the end. (A plain
    class: creating a dataclass costs every run about a millisecond.)"""

    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.errors: list[FileError] = []
        self.files = 0
        self.fail_on: dict[str, Severity] = {}  # each file's fail level
        self.fixed = 0
        self.diffs: list[str] = []
        self.stdin_text: str | None = None  # --fix on stdin: the fixed text
        self.paths: list[str] = []  # the files that were linted
        self.hidden = 0  # findings the baseline hid
        self.stale = 0  # baseline entries that no longer match

    def exit_code(self, exit_zero: bool, diff: bool = False) -> int:
        if self.errors:
            return EXIT_ERROR
        if diff:
            return EXIT_FINDINGS if self.diffs else EXIT_OK

        # Judged on what is left after --baseline and --diff-base, file by file.
        failing = any(f.severity >= self.fail_on.get(f.path, DEFAULT_FAIL_ON)
                      for f in self.findings)
        return EXIT_FINDINGS if failing and not exit_zero else EXIT_OK


class Settings:
    """Configuration for each file, and the linter built from it (cached per config)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self._kept = self._kept_settings(args)
        self._explicit = load_config(Path(args.config), self._kept) if args.config else None
        self._linters: dict[Path | None, Linter | RulesError | ConfigError] = {}

    def config_for(self, path: str) -> Config:
        if self._explicit is not None:
            config = self._explicit
        else:
            # find_config takes a file's folder itself; stdin is configured from where we run.
            config = find_config(Path(path) if path != "-" else Path.cwd(), self._kept)
        if self.args.rules:
            config = config._replace(rules=tuple(self._cli_rules(self.args.rules)))
        if self.args.extend_rules:
            config = config._replace(rules=(*config.rules,
                                            *self._cli_rules(self.args.extend_rules)))
        return config

    @staticmethod
    def _kept_settings(args: argparse.Namespace) -> KeptSettings | None:
        """Where configuration files' settings are kept: only for runs that lint (commands
        that lint nothing leave no cache folder behind), and never with --no-cache."""
        if args.no_cache or not lints(args):
            return None
        from termlint.cache import DEFAULT_FOLDER
        from termlint.configcache import KeptSettings

        return KeptSettings(DEFAULT_FOLDER)

    @staticmethod
    def _cli_rules(specs: list[str]) -> list[str]:
        from termlint.packs import is_plugin_spec

        return [r if r.startswith("builtin:") or is_plugin_spec(r) else os.path.abspath(r)
                for r in specs]

    def packs(self, config: Config) -> list[Pack]:
        if self.args.no_cache or not lints(self.args):
            return load_packs(config.rules, config.root)
        from termlint import regexcache
        from termlint.cache import DEFAULT_FOLDER
        from termlint.packcache import PackCache

        # Kept packs first; the kept compiled patterns serve a rules file that was edited.
        with regexcache.kept_in(DEFAULT_FOLDER):
            return load_packs(config.rules, config.root, PackCache(DEFAULT_FOLDER))

    def linter(self, config: Config) -> Linter | RulesError | ConfigError:
        from termlint.linter import Linter

        key = config.path
        if key not in self._linters:
            try:
                packs = self.packs(config)
                accept = None
                if config.vocabulary:
                    from termlint.vocabulary import load_vocabulary

                    accept = load_vocabulary(config.vocabulary)
            except (RulesError, ConfigError) as exc:
                self._linters[key] = exc
            else:
                self._linters[key] = Linter(
                    packs,
                    select=self.args.select or config.select,
                    ignore=self.args.ignore or config.ignore,
                    severity=config.severity,
                    timeout=self.args.timeout,
                    max_bytes=int(self.args.max_size * 1e6) or None,
                    accept=accept,
                )
        return self._linters[key]

    def rules_key(self, linter: Linter) -> str:
        """What a cached result depends on besides the file: the packs' files and selection."""
        from termlint.digest import sha256

        digest = sha256()
        for pack in linter.packs:
            try:
                with open(pack.path, "rb") as handle:
                    digest.update(handle.read())
            except OSError:
                digest.update(pack.path.encode())
        digest.update(repr((sorted(r.id for r in linter.rules), sorted(linter.meta),
                            sorted((k, int(v)) for k, v in linter.severity.items()),
                            linter.accept.pattern if linter.accept else None)).encode())
        return digest.hexdigest()

    def rules(self) -> list[Any]:
        """Every rule that ran, from each configuration's linter (for rule metadata)."""
        from termlint.linter import META_RULES, Linter

        found = {r.id: r for linter in self._linters.values() if isinstance(linter, Linter)
                 for r in linter.rules}
        return [*found.values(), *META_RULES]

    def warnings(self) -> list[str]:
        """The loaded packs' warnings (literal-looking patterns), each once."""
        from termlint.linter import Linter

        found = [w for linter in self._linters.values() if isinstance(linter, Linter)
                 for pack in linter.packs for w in pack.warnings]
        return list(dict.fromkeys(found))

    def loaded_nothing(self) -> bool:
        """Whether linters were built and none of them has a rule to run."""
        from termlint.linter import Linter

        built = [linter for linter in self._linters.values() if isinstance(linter, Linter)]
        return bool(built) and not any(linter.rules for linter in built)

    def fail_on(self, config: Config) -> Severity:
        if self.args.fail_on:
            return Severity.parse(self.args.fail_on)
        return config.fail_on or DEFAULT_FAIL_ON


def _setup_errors(exc: ConfigError | RulesError) -> list[FileError]:
    """One error per problem: a rules file reports all of its problems at once."""
    if isinstance(exc, RulesError):
        return [FileError(e.path, e.message, e.line) for e in exc.all]
    return [FileError(exc.path, exc.problem, exc.line)]


def lint_paths(settings: Settings, paths: Sequence[str]) -> Run:
    from termlint.files import expand
    from termlint.linter import Linter
    from termlint.source import SourceError, decode

    run = Run()
    reported: set[str] = set()

    fail_on = run.fail_on

    def linter_for(path: str, explicit: bool) -> Linter | None:
        """The linter for a file, or None after recording (once) why there is none. A file
        named on the command line is linted whatever include/exclude say, unless
        --force-exclude; a file found in a folder always obeys them."""
        try:
            config = settings.config_for(path)
            obeys = not explicit or settings.args.force_exclude
            if path != "-" and obeys and not is_included(Path(path), config):
                return None
            linter = settings.linter(config)
        except ConfigError as exc:
            linter = exc
        if isinstance(linter, Linter):
            fail_on[path] = settings.fail_on(config)
            return linter
        if str(linter) not in reported:
            reported.add(str(linter))
            run.errors.extend(_setup_errors(linter))
        return None

    if paths == ["-"]:
        name = settings.args.stdin_filename or "-"
        data = sys.stdin.buffer.read()
        fixing = settings.args.fix and not settings.args.diff
        if fixing:
            # Editors replace the buffer with what --fix prints: unless a fix is made below,
            # that must be the input, unchanged.
            run.stdin_text = data.decode("utf-8", errors="surrogateescape")
        linter = linter_for(name, explicit=True)
        if linter is not None:
            run.files = 1
            linter.skipping = False  # one file: see SKIP_MIN_FILES
            try:
                source = decode(data, name)
            except SourceError as exc:
                run.errors.append(FileError(name, exc.message, exc.line))
            else:
                if settings.args.fix or settings.args.diff:
                    from termlint import fixes

                    fixed = fixes.fix_source(linter, source, settings.args.unsafe_fixes)
                    run.findings.extend(fixed.findings)
                    if fixed.error is not None:
                        run.errors.append(fixed.error)
                    run.fixed += fixed.fixed
                    if fixed.changed:
                        run.diffs.append(fixed.diff())
                    if fixing:
                        run.stdin_text = ("\ufeff" if source.bom else "") + fixed.text
                else:
                    result = linter.lint_source(source)
                    run.findings.extend(result.findings)
                    if result.error is not None:
                        run.errors.append(result.error)
        return run
    from termlint import runner
    from termlint.cache import Cache
    from termlint.progress import Progress

    linters: list[tuple[Linter, str]] = []
    slots: dict[int, int] = {}
    jobs: list[tuple[str, int]] = []
    for target in expand(list(paths)):
        if target.missing:
            run.errors.append(FileError(target.path, "no such file or directory"))
            continue
        linter = linter_for(target.path, target.explicit)
        if linter is None:
            continue
        if id(linter) not in slots:
            slots[id(linter)] = len(linters)
            linters.append((linter, settings.rules_key(linter)))
        jobs.append((target.path, slots[id(linter)]))
    args = settings.args
    fixing = args.fix or args.diff
    mode = runner.Mode(fix=fixing, write=args.fix and not args.diff, unsafe=args.unsafe_fixes,
                       cache=None if fixing or args.no_cache else Cache())
    for linter, _ in linters:
        linter.skipping = len(jobs) >= SKIP_MIN_FILES
    progress = Progress(len(jobs), Progress.wanted(args.format))
    workers = args.jobs or runner.default_workers()
    for outcome in runner.run(jobs, linters, mode, workers, progress.step):
        run.files += 1
        run.paths.append(outcome.path)
        run.findings.extend(outcome.findings)
        run.fixed += outcome.fixed
        if outcome.diff:
            run.diffs.append(outcome.diff)
        if outcome.error is not None:
            run.errors.append(outcome.error)
    progress.close()
    return run


def _use_color(args: argparse.Namespace) -> bool:
    if args.no_color or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return sys.stdout.isatty()


def _write_errors(errors: Sequence[FileError]) -> None:
    for error in errors:
        print(f"{error}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == ["lsp"]:
        return _language_server(arguments[1:])
    parser = build_parser()
    args = parser.parse_args(arguments)
    try:
        settings = Settings(args)
        if not lints(args):
            from termlint import rulesinfo

            where = args.show_config or (args.paths[0] if args.paths else "./.")
            config = settings.config_for(where)
            packs = settings.packs(config)
            if args.show_config:
                included = is_included(Path(where), config)
                return rulesinfo.show_config(config, packs, where, included, args.format)
            if args.check_rules:
                return rulesinfo.check_rules(packs)
            if args.explain:
                return rulesinfo.explain(packs, args.explain.upper())
            return rulesinfo.list_rules(packs, args.format)
    except (ConfigError, RulesError) as exc:
        for problem in exc.all if isinstance(exc, RulesError) else [exc]:
            print(f"termlint: {problem}", file=sys.stderr)
        return EXIT_ERROR
    if args.format == "markdown":
        parser.error("--format markdown is only for --list-rules")
    if args.statistics and args.format not in ("text", "json"):
        parser.error("--statistics works with --format text or json")
    if "-" in args.paths and len(args.paths) > 1:
        parser.error("'-' (stdin) cannot be combined with other paths")
    if args.jobs < 0:
        parser.error("--jobs must be 0 (one per CPU) or more")
    if args.timeout is not None and not 0 <= args.timeout < 1e6:
        parser.error("--timeout must be 0 (never) or a number of seconds")
    if not 0 <= args.max_size < 1e9:
        parser.error("--max-size must be 0 (no limit) or a number of megabytes")
    from termlint import report

    changed = None
    if args.diff_base:
        from termlint.gitdiff import GitError, changed_lines

        try:
            changed = changed_lines(args.diff_base)
        except GitError as exc:
            print(f"termlint: --diff-base {args.diff_base}: {exc}", file=sys.stderr)
            return EXIT_ERROR
    run = lint_paths(settings, args.paths or ["."])
    for warning in settings.warnings():
        print(warning, file=sys.stderr)
    if settings.loaded_nothing():
        print("termlint: no rules to run: the rules files define none, or select/ignore "
              "(options or configuration) leave none", file=sys.stderr)
        return EXIT_ERROR
    if changed is not None:
        from termlint.gitdiff import keep

        run.findings = [f for f in run.findings
                        if keep(f.path, f.line, f.end_line, f.document, changed)]
    run.findings.sort(key=Finding.sort_key)
    if args.write_baseline:
        from termlint import baseline

        count = baseline.write(args.write_baseline, run.findings)
        print(f"Wrote {count} finding{'s' if count != 1 else ''} to {args.write_baseline}.")
        _write_errors(run.errors)
        return EXIT_ERROR if run.errors else EXIT_OK
    if args.baseline:
        from termlint import baseline

        try:
            filtered = baseline.apply(args.baseline, run.findings, run.paths)
        except baseline.BaselineError as exc:
            print(f"termlint: {exc}", file=sys.stderr)
            return EXIT_ERROR
        run.findings, run.hidden, run.stale = filtered.findings, filtered.hidden, filtered.stale
    if args.diff:
        sys.stdout.write("".join(run.diffs))
        _write_errors(run.errors)
        return run.exit_code(args.exit_zero, diff=True)
    result = report.Report(run.findings, run.errors, run.files, run.fixed, settings.rules(),
                           run.hidden, run.stale, args.unsafe_fixes, args.show_links)
    formatter = report.FORMATS[args.format]
    if args.statistics:
        formatter = (report.format_statistics_json if args.format == "json"
                     else report.format_statistics)
    out = sys.stdout
    if run.stdin_text is not None:
        sys.stdout.buffer.write(run.stdin_text.encode("utf-8", errors="surrogateescape"))
        sys.stdout.flush()
        out = sys.stderr
    out.write(formatter(result, color=_use_color(args) and out is sys.stdout, quiet=args.quiet))
    if args.format == "text":
        _write_errors(run.errors)
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if args.format == "github" and summary_file:
        with open(summary_file, "a", encoding="utf-8") as handle:
            handle.write(report.github_summary(result))
    return run.exit_code(args.exit_zero)


def _language_server(arguments: Sequence[str]) -> int:
    """`termlint lsp`: the language server on stdin/stdout (needs the `lsp` extra)."""
    if arguments and arguments[0] not in ("--stdio",):
        print("usage: termlint lsp [--stdio]", file=sys.stderr)
        return EXIT_ERROR
    try:
        from termlint.lsp import serve
    except ImportError as exc:
        print(f"termlint: the language server needs pygls 2 ({exc}); install "
              "termlint-md[lsp]", file=sys.stderr)
        return EXIT_ERROR
    return serve()


def entry() -> None:
    """Console-script entry point."""
    try:
        code = main()
        with contextlib.suppress(ValueError):  # the language server closes stdout itself
            sys.stdout.flush()
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        # `termlint docs | head`: the reader went away; that is not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        code = EXIT_OK
    with contextlib.suppress(OSError):  # nobody is reading the errors either
        sys.stderr.flush()
    # Leave without tearing the interpreter down: freeing every module's objects costs a
    # one-file pre-commit run ~8 ms, and nothing is left to do (output is flushed, files are
    # written and renamed, worker processes joined). Only the console script does this;
    # main() returns like any function.
    os._exit(code)
