"""`termlint lsp`: the linter as a language server (stdio), for editors.

Diagnostics on open, on change (debounced; the latest text wins and a result for an older
version is never published), on save; cleared on close. Positions are converted from
termlint's code points to the encoding the client negotiated (UTF-16 unless it offers UTF-8 or
UTF-32). Code actions: each fix as a quick fix (safe ones preferred, unsafe ones labelled), fix
all safe problems in the file, and suppress a rule on a line. Hover on a diagnostic explains the
rule. Configuration is found as the CLI finds it, per document, and read again when a
configuration or rules file in the workspace changes; a bad rules file gets one diagnostic of
its own and a message, and the server goes on serving the other documents.

Needs pygls 2 (`pip install "termlint-md[lsp]"`).
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from lsprotocol import types as t
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path
from pygls.workspace import TextDocument

from termlint import __version__
from termlint.findings import Finding, Severity

# Debounced by the lint in flight: an edit made while none runs is linted at once; edits made
# while one runs wait, and only the latest of them is linted next (an older waiting one is
# dropped), so fast typing costs one lint at a time and the newest text always wins.
DEBOUNCE_SECONDS = 0.0
CONFIG_GLOBS = ("**/.termlint.yaml", "**/pyproject.toml", "**/*.yaml", "**/*.yml")
FIX_ALL = f"{t.CodeActionKind.SourceFixAll.value}.termlint"
_SEVERITY = {Severity.ERROR: t.DiagnosticSeverity.Error,
             Severity.WARNING: t.DiagnosticSeverity.Warning,
             Severity.INFO: t.DiagnosticSeverity.Information}


class TermlintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("termlint", __version__)
        self.settings = _settings()
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.findings: dict[str, tuple[int | None, list[Finding]]] = {}  # uri -> (version, …)
        self.bad_rules: set[str] = set()  # uris of rules files that have a diagnostic
        # The open documents' URIs as the client wrote them (pygls's own keys are unquoted in
        # some releases and not in others).
        self.open: set[str] = set()
        # One lint at a time, off the event loop: typing stays responsive on a long draft.
        self.executor = ThreadPoolExecutor(max_workers=1)
        self.busy: asyncio.Lock | None = None  # created on the server's event loop

    # --- linting ---------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Lint the document after `delay`; a newer request for it replaces this one."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        if self.busy is None:
            self.busy = asyncio.Lock()
        async with self.busy:  # a newer request cancels this one while it waits here
            document = self.workspace.get_text_document(uri)
            version, text, path = document.version, document.source, _path(document)
            loop = asyncio.get_running_loop()
            findings = await loop.run_in_executor(self.executor, self.lint, path, text)
        # Messages go out from the event loop's thread only.
        if isinstance(findings, Exception):
            self.report_setup_error(findings)
            findings = []
        current = self.workspace.get_text_document(uri)
        if uri not in self.open or current.version != version:
            return  # edited (or closed) meanwhile: a newer lint will publish
        self.findings[uri] = (version, findings)
        self.text_document_publish_diagnostics(t.PublishDiagnosticsParams(
            uri=uri, version=version,
            diagnostics=[self.diagnostic(current, f) for f in findings]))

    def lint(self, path: str, text: str) -> list[Finding] | Exception:
        """The findings, or the configuration or rules error that stops linting (run in the
        worker thread)."""
        from termlint.linter import Linter
        from termlint.source import Source

        linter = self.settings.linter(self.settings.config_for(path))
        if not isinstance(linter, Linter):
            return linter
        return linter.lint(Source(path, text.removeprefix("\ufeff")))

    def report_setup_error(self, error: Exception) -> None:
        """A broken rules or configuration file: one diagnostic on it, and a message."""
        from termlint.packs import RulesError

        path = getattr(error, "path", None)
        line = (getattr(error, "line", None) or 1) - 1
        if path and os.path.isfile(path):
            uri = from_fs_path(os.path.abspath(path)) or path
            if uri in self.bad_rules:
                return  # said once, until the files change
            message = error.problem if isinstance(error, RulesError) else str(error)
            self.bad_rules.add(uri)
            self.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=uri, diagnostics=[
                t.Diagnostic(range=t.Range(start=t.Position(line=line, character=0),
                                           end=t.Position(line=line + 1, character=0)),
                             message=message, severity=t.DiagnosticSeverity.Error,
                             source="termlint")]))
        self.window_show_message(t.ShowMessageParams(
            type=t.MessageType.Error, message=f"termlint: {error}"))

    def clear_setup_errors(self) -> None:
        for uri in self.bad_rules:
            self.text_document_publish_diagnostics(
                t.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
        self.bad_rules.clear()

    def reload(self) -> None:
        """A configuration or rules file changed: read everything again, lint every document."""
        from termlint.config import clear_cache

        clear_cache()
        self.settings = _settings()
        self.clear_setup_errors()  # a file still broken is reported again by its next lint
        for uri in list(self.open):
            self.schedule(uri, 0)

    # --- positions -------------------------------------------------------------------------

    def position(self, document: TextDocument, line: int, column: int) -> t.Position:
        """termlint's 1-based line and code-point column as the client counts them."""
        lines = document.lines
        index = line - 1
        if index >= len(lines):
            return t.Position(line=len(lines), character=0)
        text = lines[index].rstrip("\r\n")
        skip = 1 if index == 0 and text.startswith("\ufeff") else 0  # termlint skips a BOM
        units = self.workspace.position_codec.client_num_units(text[: column - 1 + skip])
        return t.Position(line=index, character=units)

    def span(self, document: TextDocument, region: Sequence[int]) -> t.Range:
        line, column, end_line, end_column = region
        return t.Range(start=self.position(document, line, column),
                       end=self.position(document, end_line, end_column))

    def diagnostic(self, document: TextDocument, f: Finding) -> t.Diagnostic:
        link = self.rule_link(f.rule)
        message = f.message
        if f.suggestion:
            message += f"\nSuggested example: {f.suggestion['text']}"
        data: dict[str, Any] = {"rule": f.rule}
        if f.fix is not None:
            data["fix"] = {"replacement": f.fix.replacement,
                           "applicability": f.fix.applicability,
                           "region": list(f.fix_region())}
        if f.suggestion:
            data["suggestion"] = f.suggestion
        return t.Diagnostic(
            range=self.span(document, (f.line, f.column, f.end_line, f.end_column)),
            message=message, severity=_SEVERITY[f.severity], code=f.rule, source="termlint",
            code_description=t.CodeDescription(href=link) if link else None, data=data)

    def rule(self, rule_id: str) -> Any:
        return next((r for r in self.settings.rules() if r.id == rule_id), None)

    def rule_link(self, rule_id: str) -> str | None:
        rule = self.rule(rule_id)
        return getattr(rule, "link", None) if rule is not None else None


def _settings() -> Any:
    """The CLI's settings with its defaults: configuration found per file, nothing cached on
    disk (an editor session must not leave folders behind)."""
    from termlint.cli import Settings, build_parser

    return Settings(build_parser().parse_args(["--no-cache"]))


def _path(document: TextDocument) -> str:
    return document.path or to_fs_path(document.uri) or document.uri


server = TermlintServer()


@server.feature(t.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: TermlintServer, params: t.DidOpenTextDocumentParams) -> None:
    ls.open.add(params.text_document.uri)
    ls.schedule(params.text_document.uri, 0)


@server.feature(t.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: TermlintServer, params: t.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)


@server.feature(t.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: TermlintServer, params: t.DidSaveTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(t.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: TermlintServer, params: t.DidCloseTextDocumentParams) -> None:
    uri = params.text_document.uri
    ls.open.discard(uri)
    task = ls.pending.pop(uri, None)
    if task is not None:
        task.cancel()
    ls.findings.pop(uri, None)
    ls.text_document_publish_diagnostics(t.PublishDiagnosticsParams(uri=uri, diagnostics=[]))


@server.feature(t.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: TermlintServer, params: t.DidChangeWatchedFilesParams) -> None:
    ls.reload()


@server.feature(t.INITIALIZED)
async def initialized(ls: TermlintServer, params: t.InitializedParams) -> None:
    capabilities = ls.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if watched is not None and watched.dynamic_registration:
        await ls.client_register_capability_async(t.RegistrationParams(registrations=[
            t.Registration(id="termlint-config", method=t.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                           register_options=t.DidChangeWatchedFilesRegistrationOptions(
                               watchers=[t.FileSystemWatcher(glob_pattern=g)
                                         for g in CONFIG_GLOBS]))]))


@server.feature(t.TEXT_DOCUMENT_CODE_ACTION, t.CodeActionOptions(
    code_action_kinds=[t.CodeActionKind.QuickFix, t.CodeActionKind.SourceFixAll]))
def code_action(ls: TermlintServer, params: t.CodeActionParams) -> list[t.CodeAction]:
    uri = params.text_document.uri
    document = ls.workspace.get_text_document(uri)
    actions: list[t.CodeAction] = []
    for diagnostic in params.context.diagnostics:
        data = diagnostic.data if isinstance(diagnostic.data, dict) else {}
        if diagnostic.source != "termlint" or "rule" not in data:
            continue
        fix = data.get("fix")
        if fix:
            unsafe = fix["applicability"] != "safe"
            label = (f"replace with \u201c{fix['replacement']}\u201d" if fix["replacement"]
                     else "delete the clause" if unsafe else "delete it")
            actions.append(t.CodeAction(
                title=f"Fix {data['rule']}: {label}" + (" (unsafe)" if unsafe else ""),
                kind=t.CodeActionKind.QuickFix, diagnostics=[diagnostic], is_preferred=not unsafe,
                edit=t.WorkspaceEdit(changes={uri: [t.TextEdit(
                    range=ls.span(document, fix["region"]), new_text=fix["replacement"])]})))
        actions.append(_suppress(document, diagnostic, data["rule"]))
    wanted = params.context.only
    if wanted is None or any(k.startswith(t.CodeActionKind.SourceFixAll) for k in wanted):
        fixed = _fix_all(ls, document)
        if fixed is not None:
            actions.append(fixed)
    if wanted is not None:
        actions = [a for a in actions if a.kind and any(a.kind.startswith(k) for k in wanted)]
    return actions


def _suppress(document: TextDocument, diagnostic: t.Diagnostic, rule: str) -> t.CodeAction:
    """Insert a disable-next-line comment above the line, with its container prefix."""
    line = diagnostic.range.start.line
    text = document.lines[line] if line < len(document.lines) else ""
    prefix = text[: len(text) - len(text.lstrip(" \t>"))]
    ending = "\r\n" if text.endswith("\r\n") else "\n"
    comment = f"{prefix}<!-- termlint-disable-next-line {rule} -->{ending}"
    start = t.Position(line=line, character=0)
    return t.CodeAction(
        title=f"Suppress {rule} on this line", kind=t.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=t.WorkspaceEdit(changes={document.uri: [
            t.TextEdit(range=t.Range(start=start, end=start), new_text=comment)]}))


def _fix_all(ls: TermlintServer, document: TextDocument) -> t.CodeAction | None:
    """Every safe fix in the file, as one edit of the whole text."""
    from termlint.fixes import fix_source
    from termlint.linter import Linter
    from termlint.source import Source

    path = _path(document)
    linter = ls.settings.linter(ls.settings.config_for(path))
    if not isinstance(linter, Linter):
        return None
    result = fix_source(linter, Source(path, document.source), unsafe=False)
    if result.error is not None or not result.changed:
        return None
    lines = document.lines
    end = t.Position(line=len(lines), character=0)
    return t.CodeAction(
        title="Fix all safe termlint problems in this file", kind=FIX_ALL,
        edit=t.WorkspaceEdit(changes={document.uri: [t.TextEdit(
            range=t.Range(start=t.Position(line=0, character=0), end=end),
            new_text=result.text)]}))


@server.feature(t.TEXT_DOCUMENT_HOVER)
def hover(ls: TermlintServer, params: t.HoverParams) -> t.Hover | None:
    from termlint.rulesinfo import sections

    uri, at = params.text_document.uri, params.position
    version_findings = ls.findings.get(uri)
    if version_findings is None:
        return None
    document = ls.workspace.get_text_document(uri)
    for f in version_findings[1]:
        where = ls.span(document, (f.line, f.column, f.end_line, f.end_column))
        if not _inside(at, where):
            continue
        rule = ls.rule(f.rule)
        parts = [f"**{f.rule}** {f.name}"]
        if rule is not None:
            parts += [f"{title} {text}".strip() for title, text in sections(rule)]
        if f.suggestion:
            parts.append(f"Suggested example ({f.suggestion['area']}): {f.suggestion['text']} "
                         f"(source: {f.suggestion['source']})")
        return t.Hover(contents=t.MarkupContent(kind=t.MarkupKind.Markdown,
                                                value="\n\n".join(parts)), range=where)
    return None


def _inside(position: t.Position, span: t.Range) -> bool:
    start, end = span.start, span.end
    return ((position.line, position.character) >= (start.line, start.character)
            and (position.line, position.character) <= (end.line, end.character))


def serve() -> int:
    # The server speaks on stdout: anything else printed there would break the protocol.
    server.start_io()
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(serve())

