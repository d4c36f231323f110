"""Vocabulary files: words and names no rule flags, shared by every rule (Vale's accept.txt).

A vocabulary file is plain text, one entry per line: a pattern with the same meaning as in
rules files (so `Cloud ?Nest` or `e\\.g\\.` work; a space also matches a line break), `#` to
the end of a line is a comment, blank lines are skipped. A finding that lies wholly inside a
match of an entry is not reported: `Precision Medicine Initiative` silences a rule about
"precision medicine" inside that name, and nowhere else.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from termlint.config import ConfigError


def load_vocabulary(paths: Sequence[str]) -> re.Pattern[str] | None:
    """One matcher for every entry of the files, or None when there are none."""
    from termlint.kinds import combine
    from termlint.patterns import PatternError, compile_pattern
    from termlint.yamldoc import Unreadable, read_data_file

    compiled = []
    for path in paths:
        try:
            text = read_data_file(Path(path)).decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ConfigError(path, "vocabulary file is not valid UTF-8") from None
        except Unreadable as exc:
            raise ConfigError(path, f"vocabulary file is {exc}") from None
        except OSError as exc:
            reason = "not found" if isinstance(exc, FileNotFoundError) else exc.strerror or exc
            raise ConfigError(path, f"cannot read vocabulary file: {reason}") from None
        for number, line in enumerate(re.split(r"\r\n|\r|\n", text), 1):
            entry = line.split("#", 1)[0].strip()
            if not entry:
                continue
            try:
                compiled.append(compile_pattern(entry))
            except PatternError as exc:
                raise ConfigError(path, str(exc), number) from None
    return combine(compiled) if compiled else None
