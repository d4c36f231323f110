"""Bytes to text, and offsets to exact (line, column) positions in the original file.

markdown-it-py normalises line endings (CRLF and lone CR become LF) and NUL characters before
parsing. We hand it the same normalised text (`norm`), so every offset the Markdown layer
produces indexes `norm`; this module maps such offsets back to the original text. Inside a line
both texts hold the same characters, so only line starts differ.
"""

from __future__ import annotations

import bisect
import itertools
import os
import re
import stat

_LINE_BREAK = re.compile(r"\r\n?|\n")


class SourceError(Exception):
    """The file cannot be read as text; the message names the problem (and line where known)."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _line_starts(text: str) -> list[int]:
    if "\r" in text:
        return [0, *(m.end() for m in _LINE_BREAK.finditer(text))]
    # Only \n: the lines' lengths (plus their breaks) add up to the starts, all in C.
    lengths = map((1).__add__, map(len, text.split("\n")))
    return list(itertools.accumulate(lengths, initial=0))[:-1]


class Source:
    # A plain class, not a dataclass: creating a dataclass costs every run about a millisecond.
    __slots__ = ("bom", "norm", "norm_starts", "path", "text", "text_starts")

    def __init__(self, path: str, text: str, bom: bool = False) -> None:
        self.path = path
        self.text = text  # decoded original, BOM removed, line endings untouched
        self.bom = bom
        self.norm = _LINE_BREAK.sub("\n", text) if "\r" in text else text
        if "\0" in self.norm:
            self.norm = self.norm.replace("\0", "\ufffd")
        self.text_starts = _line_starts(text)
        # Without \r the lines of both are the same (U+FFFD stands in for NUL one for one).
        self.norm_starts = _line_starts(self.norm) if "\r" in text else self.text_starts

    def __repr__(self) -> str:
        return f"Source(path={self.path!r}, bom={self.bom})"

    def norm_line(self, line: int) -> str:
        """The 0-based line `line` of `norm`, its line break included."""
        end = self.norm_starts[line + 1] if line + 1 < len(self.norm_starts) else len(self.norm)
        return self.norm[self.norm_starts[line] : end]

    def line_of(self, norm_offset: int) -> int:
        """0-based line index of a normalised offset."""
        return bisect.bisect_right(self.norm_starts, norm_offset) - 1

    def to_text(self, norm_offset: int) -> int:
        """Map an offset in `norm` to the same place in `text`."""
        line = self.line_of(norm_offset)
        return self.text_starts[line] + norm_offset - self.norm_starts[line]

    def to_norm(self, text_offset: int) -> int:
        """Map an offset in `text` back to `norm` (the inverse of to_text)."""
        line = bisect.bisect_right(self.text_starts, text_offset) - 1
        return self.norm_starts[line] + text_offset - self.text_starts[line]

    def position(self, norm_offset: int) -> tuple[int, int]:
        """1-based (line, column) of a normalised offset; columns count code points."""
        line = self.line_of(norm_offset)
        return line + 1, norm_offset - self.norm_starts[line] + 1

    def original(self, norm_start: int, norm_end: int) -> str:
        """The exact original text between two normalised offsets (CRLF kept)."""
        return self.text[self.to_text(norm_start) : self.to_text(norm_end)]


def decode(data: bytes, path: str) -> Source:
    """Decode UTF-8 (with or without a BOM); anything else is a SourceError."""
    bom = data.startswith(b"\xef\xbb\xbf")
    if bom:
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line}); "
            "termlint reads UTF-8 Markdown only",
            line=line,
        ) from None
    sample = text[:8192]
    # A stray NUL is linted like any character (it is replaced by U+FFFD, as CommonMark says);
    # a sample that is a tenth NULs (and more than a handful) is UTF-16 or binary data.
    nuls = sample.count("\0")
    if nuls > 8 and nuls * 10 > len(sample):
        raise SourceError("looks like a binary file (many NUL bytes), not UTF-8 Markdown")
    return Source(path, text, bom)


# Above this a draft is almost surely generated, and markdown-it-py's tokens for it would take
# gigabytes (about 40 bytes of memory per byte of Markdown).
MAX_BYTES = 10_000_000


def read_source(path: str, limit: int | None = MAX_BYTES) -> Source:
    """Read and decode a file; OS errors become SourceError with a readable reason."""
    return decode(read_bytes(path, limit), path)


def _nonblocking(path: str, flags: int) -> int:
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


class NotRegularFile(Exception):
    """A FIFO, socket or device: reading it could wait for a writer forever."""


class TooLarge(Exception):
    def __init__(self, size: int, limit: int) -> None:
        super().__init__(size, limit)
        self.size, self.limit = size, limit


def read_regular(path: str, limit: int | None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (None: any size), for drafts and
    for rules and config files alike. OSError as from open(); NotRegularFile; TooLarge (the
    file is never read into memory)."""
    info = os.stat(path)
    if not stat.S_ISREG(info.st_mode) and not stat.S_ISDIR(info.st_mode):
        raise NotRegularFile
    if limit is not None and info.st_size > limit:
        raise TooLarge(info.st_size, limit)
    # Non-blocking too, in case it became a FIFO since; regular files ignore the flag.
    with open(path, "rb", opener=_nonblocking) as handle:
        return handle.read()


def read_bytes(path: str, limit: int | None = MAX_BYTES) -> bytes:
    """A draft's bytes; OS errors become SourceError with a readable reason, and so does a
    file over `limit` bytes (None: no limit)."""
    try:
        return read_regular(path, limit)
    except NotRegularFile:
        raise SourceError("not a regular file (a FIFO, socket or device)") from None
    except TooLarge as exc:
        raise SourceError(
            f"larger than {exc.limit / 1e6:g} MB ({exc.size / 1e6:.1f} MB); not linted "
            "(--max-size raises the limit)"
        ) from None
    except IsADirectoryError:
        raise SourceError("is a directory, not a file") from None
    except PermissionError:
        raise SourceError("permission denied") from None
    except FileNotFoundError:
        raise SourceError("no such file") from None
    except OSError as exc:
        raise SourceError(exc.strerror or str(exc)) from None
