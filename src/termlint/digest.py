"""SHA-256 for cache keys, without loading OpenSSL.

`hashlib` loads OpenSSL's library when imported, about 3 ms of a one-file pre-commit run,
while CPython carries its own SHA-256 (`_sha2` from 3.12, `_sha256` before): the same digests.
Another Python, or a build without them, falls back to hashlib.
"""

from __future__ import annotations

try:
    from _sha2 import sha256  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - depends on the Python
    try:
        from _sha256 import sha256  # type: ignore[import-not-found,no-redef]
    except ImportError:
        from hashlib import sha256  # type: ignore[assignment]

__all__ = ["digest_of", "sha256"]


def digest_of(*parts: str | bytes) -> str:
    """Hex SHA-256 of several parts, each preceded by its length, so that no two different
    lists of parts hash the same input (("ab", "c") and ("a", "bc") differ)."""
    digest = sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()
