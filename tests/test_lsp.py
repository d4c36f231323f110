"""`termlint lsp` end to end: a real client process (pytest-lsp) talking to the real server."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

pytest.importorskip("pygls.lsp.server", reason="the language server needs pygls 2")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="needs pytest-lsp")
from lsprotocol import types as t  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402

from conftest import ROOT  # noqa: E402

CONFLATION = "Precision medicine, also called personalized medicine, is new.\n"
pytestmark = pytest.mark.asyncio


@asynccontextmanager
async def session(root: Path, encodings: list[str] | None = None,
                  watch: bool = False) -> AsyncIterator[pytest_lsp.LanguageClient]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    config = pytest_lsp.ClientServerConfig(
        server_command=[sys.executable, "-m", "termlint", "lsp"], server_env=env)
    client = await config.start()
    capabilities = t.ClientCapabilities(
        general=t.GeneralClientCapabilities(position_encodings=encodings) if encodings else None,
        workspace=t.WorkspaceClientCapabilities(
            did_change_watched_files=t.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=watch)),
        text_document=t.TextDocumentClientCapabilities(
            publish_diagnostics=t.PublishDiagnosticsClientCapabilities()))
    result = await client.initialize_session(t.InitializeParams(
        capabilities=capabilities, root_uri=from_fs_path(str(root))))
    client.encoding = result.capabilities.position_encoding  # type: ignore[attr-defined]
    try:
        yield client
    finally:
        await client.shutdown_session()
        await client.stop()


def open_doc(client: pytest_lsp.LanguageClient, path: Path, text: str, version: int = 1) -> str:
    uri = from_fs_path(str(path))
    client.text_document_did_open(t.DidOpenTextDocumentParams(text_document=t.TextDocumentItem(
        uri=uri, language_id="markdown", version=version, text=text)))
    return uri


async def wait_for(condition: Callable[[], bool], seconds: float = 20) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("timed out")


def ranges(diagnostics: list[t.Diagnostic]) -> list[tuple[str, int, int, int, int]]:
    return [(str(d.code), d.range.start.line, d.range.start.character, d.range.end.line,
             d.range.end.character) for d in diagnostics]


def units(text: str, encoding: str) -> int:
    if encoding == "utf-8":
        return len(text.encode())
    return len(text.encode("utf-16-le")) // 2 if encoding == "utf-16" else len(text)


def apply_edits(text: str, edits: list[t.TextEdit], encoding: str = "utf-16") -> str:
    """What an editor does with a code action's edits (positions in `encoding` units)."""

    def offset(position: t.Position) -> int:
        lines = text.splitlines(keepends=True)
        if position.line >= len(lines):
            return len(text)
        line, index = lines[position.line], 0
        while index < len(line) and units(line[:index], encoding) < position.character:
            index += 1
        return sum(len(x) for x in lines[: position.line]) + index

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character),
                       reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


async def test_diagnostics_in_utf16_and_utf8(tmp_path: Path) -> None:
    # The emoji is 2 UTF-16 units and 4 UTF-8 bytes; the combining acute accent adds one
    # code point; termlint's columns count code points.
    text = "# Notes\n\n\U0001f9ec Cafe\u0301 note: " + CONFLATION
    for encodings, column, end in ((None, 47, 68), (["utf-8"], 50, 71)):
        async with session(tmp_path, encodings) as client:
            uri = open_doc(client, tmp_path / "a.md", text)
            await wait_for(lambda: uri in client.diagnostics)  # noqa: B023
            assert client.encoding == ("utf-8" if encodings else "utf-16")
            assert ranges(client.diagnostics[uri]) == [("PM101", 2, column, 2, end)]


async def test_crlf_and_edits_latest_text_wins(tmp_path: Path) -> None:
    async with session(tmp_path) as client:
        uri = open_doc(client, tmp_path / "b c.md", "Plain words.\r\n\r\n" + CONFLATION.replace(
            "\n", "\r\n"))
        await wait_for(lambda: uri in client.diagnostics)
        assert ranges(client.diagnostics[uri]) == [("PM101", 2, 32, 2, 53)]
        # two quick edits: only the last version's diagnostics may be published
        for version, new in ((2, "Still plain."), (3, "Precision/personalized medicine")):
            client.text_document_did_change(t.DidChangeTextDocumentParams(
                text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[t.TextDocumentContentChangePartial(
                    range=t.Range(start=t.Position(line=0, character=0),
                                  end=t.Position(line=0, character=12)), text=new)]))
        await wait_for(lambda: [d.range.start.line for d in client.diagnostics[uri]] == [0, 2])
        assert ranges(client.diagnostics[uri])[0] == ("PM101", 0, 10, 0, 31)
        client.text_document_did_close(t.DidCloseTextDocumentParams(
            text_document=t.TextDocumentIdentifier(uri=uri)))
        await wait_for(lambda: not client.diagnostics[uri])


async def test_quick_fixes_suppression_fix_all_and_hover(tmp_path: Path) -> None:
    text = ("> Precision medicine, also called personalized medicine, is new.\n\n"
            "We check medication compliance.\n")
    async with session(tmp_path) as client:
        uri = open_doc(client, tmp_path / "c.md", text)
        await wait_for(lambda: len(client.diagnostics.get(uri, [])) == 2)
        conflation, swap = client.diagnostics[uri]
        actions = await client.text_document_code_action_async(t.CodeActionParams(
            text_document=t.TextDocumentIdentifier(uri=uri), range=conflation.range,
            context=t.CodeActionContext(diagnostics=[conflation, swap])))
        titles = [a.title for a in actions]
        assert titles[0] == "Fix PM101: delete the clause (unsafe)"
        assert "Suppress PM101 on this line" in titles
        assert "Fix all safe termlint problems in this file" in titles
        by_title = {a.title: a for a in actions}
        fix = by_title["Fix PM101: delete the clause (unsafe)"]
        assert not fix.is_preferred
        assert apply_edits(text, fix.edit.changes[uri]).startswith(
            "> Precision medicine is new.\n")
        safe = next(a for a in actions if a.title.startswith("Fix PM302"))
        assert safe.is_preferred
        suppress = by_title["Suppress PM101 on this line"]
        assert apply_edits(text, suppress.edit.changes[uri]).startswith(
            "> <!-- termlint-disable-next-line PM101 -->\n> Precision medicine, also")
        every = by_title["Fix all safe termlint problems in this file"]
        assert apply_edits(text, every.edit.changes[uri]).endswith(
            "We check medication adherence.\n")
        hover = await client.text_document_hover_async(t.HoverParams(
            text_document=t.TextDocumentIdentifier(uri=uri), position=conflation.range.start))
        assert hover is not None and "**PM101**" in hover.contents.value
        assert "What it lets pass:" in hover.contents.value


async def test_configuration_changes_and_a_bad_rules_file(tmp_path: Path) -> None:
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir()
    bad.mkdir()
    async with session(tmp_path) as client:
        uri = open_doc(client, good / "d.md", CONFLATION)
        await wait_for(lambda: len(client.diagnostics.get(uri, [])) == 1)
        (good / ".termlint.yaml").write_text("ignore: [PM101]\n", encoding="utf-8")
        client.workspace_did_change_watched_files(t.DidChangeWatchedFilesParams(changes=[
            t.FileEvent(uri=from_fs_path(str(good / ".termlint.yaml")),
                        type=t.FileChangeType.Created)]))
        await wait_for(lambda: not client.diagnostics[uri])
        # a broken rules file: one diagnostic on it, a message, and other documents still served
        (bad / "rules.yaml").write_text("version: 1\nname: x\nrules:\n  - id: 12\n",
                                        encoding="utf-8")
        (bad / ".termlint.yaml").write_text("rules: [rules.yaml]\n", encoding="utf-8")
        broken = open_doc(client, bad / "e.md", CONFLATION)
        rules_uri = from_fs_path(str(bad / "rules.yaml"))
        await wait_for(lambda: rules_uri in client.diagnostics)
        (problem,) = client.diagnostics[rules_uri]
        assert problem.range.start.line == 3 and "id" in problem.message
        await wait_for(lambda: any("rules.yaml" in m.message for m in client.messages))
        assert not client.diagnostics.get(broken)
        other = open_doc(client, tmp_path / "f.md", CONFLATION)
        await wait_for(lambda: len(client.diagnostics.get(other, [])) == 1)
        assert len(client.diagnostics[rules_uri]) == 1  # still broken, still shown
        # mended: its diagnostic goes, and the document in that folder is linted again
        (bad / ".termlint.yaml").write_text("rules: [builtin:precision-medicine]\n",
                                            encoding="utf-8")
        client.workspace_did_change_watched_files(t.DidChangeWatchedFilesParams(changes=[
            t.FileEvent(uri=from_fs_path(str(bad / ".termlint.yaml")),
                        type=t.FileChangeType.Changed)]))
        await wait_for(lambda: not client.diagnostics[rules_uri]
                       and len(client.diagnostics.get(broken, [])) == 1)


async def test_a_one_megabyte_document(tmp_path: Path) -> None:
    paragraph = "Plain words about clinics and patients, nothing more. " * 30 + "\n\n"
    text = paragraph * (1_000_000 // len(paragraph) + 1) + CONFLATION
    assert len(text.encode()) > 1_000_000
    async with session(tmp_path) as client:
        uri = open_doc(client, tmp_path / "big.md", text)
        await wait_for(lambda: uri in client.diagnostics, seconds=60)
        (diagnostic,) = client.diagnostics[uri]
        assert diagnostic.range.start.line == text.count("\n") - 1


async def test_shutdown_and_exit(tmp_path: Path) -> None:
    async with session(tmp_path) as client:
        open_doc(client, tmp_path / "g.md", CONFLATION)
        server = client._server
    assert server is not None
    assert await asyncio.wait_for(server.wait(), 10) == 0
