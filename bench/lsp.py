"""The language server's speed and memory (issue 15's targets).

    python bench/lsp.py [--edits 40]

- Latency: after start-up, a 3,000-word draft (the seed texts joined and cut to 3,000 words,
  or generated prose when ../shared/seeds is absent) is opened; then each edit (a word
  changed in the middle) is timed from the didChange notification to the diagnostics published
  for that version, the server's short debounce included. Target: < 50 ms median.
- Memory: 50 open documents (the draft, varied), the server's peak RSS from /proc. Target:
  < 100 MB.
Needs the `lsp` and `test` extras (pygls, pytest-lsp for its client).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types as t
from pygls.uris import from_fs_path
from pytest_lsp import ClientServerConfig

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
WORDS = 3_000


def draft() -> str:
    if SEEDS.is_dir():
        text = "\n\n".join(p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt")))
    else:
        text = ("Precision medicine improves care for people with heart disease. "
                "Clinics use test results to choose drugs. ") * 200
    words = text.split(" ")
    return " ".join(words[:WORDS]) + "\n"


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


async def run(edits: int) -> None:
    from termlint.lsp import DEBOUNCE_SECONDS

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    client = await ClientServerConfig(
        server_command=[sys.executable, "-m", "termlint", "lsp"], server_env=env).start()
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / "termlint-lsp-bench"
    folder.mkdir(exist_ok=True)
    await client.initialize_session(t.InitializeParams(
        capabilities=t.ClientCapabilities(), root_uri=from_fs_path(str(folder))))
    text = draft()
    uri = from_fs_path(str(folder / "draft.md"))
    published: dict[int, float] = {}

    original = client.protocol.fm.features.get(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)

    def on_publish(params: t.PublishDiagnosticsParams) -> None:
        if params.uri == uri and params.version is not None:
            published[params.version] = time.perf_counter()
        if original is not None:
            original(params)

    client.protocol.fm.features[t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = on_publish
    client.text_document_did_open(t.DidOpenTextDocumentParams(text_document=t.TextDocumentItem(
        uri=uri, language_id="markdown", version=1, text=text)))
    while 1 not in published:
        await asyncio.sleep(0.01)
    middle = text[: len(text) // 2].count("\n")
    delays = []
    for version in range(2, edits + 2):
        word = "clinic" if version % 2 else "clinics"
        sent = time.perf_counter()
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[t.TextDocumentContentChangePartial(
                range=t.Range(start=t.Position(line=middle, character=0),
                              end=t.Position(line=middle, character=0)), text=word + " ")]))
        while version not in published:
            await asyncio.sleep(0.001)
        delays.append((published[version] - sent) * 1000)
    median = statistics.median(delays)
    print(f"edit -> diagnostics on a {WORDS:,}-word draft, median of {edits}: {median:.0f} ms, "
          f"{DEBOUNCE_SECONDS * 1000:.0f} ms of it the debounce (target < 50 ms: "
          f"{'met' if median < 50 else 'NOT met'}; slowest {max(delays):.0f} ms)")
    for number in range(50):
        client.text_document_did_open(t.DidOpenTextDocumentParams(
            text_document=t.TextDocumentItem(
                uri=from_fs_path(str(folder / f"doc{number}.md")), language_id="markdown",
                version=1, text=f"# Draft {number}\n\n" + text)))
    await asyncio.sleep(3)
    server = client._server
    assert server is not None
    memory = rss_mb(server.pid)
    print(f"server peak memory with 50 open documents: {memory:.0f} MB (target < 100 MB: "
          f"{'met' if memory < 100 else 'NOT met'})")
    await client.shutdown_session()
    await client.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--edits", type=int, default=40)
    args = parser.parse_args()
    asyncio.run(run(args.edits))
    return 0


if __name__ == "__main__":
    sys.exit(main())
