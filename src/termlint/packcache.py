"""Validated rules files kept between runs, so a pre-commit run on one file starts fast.

Reading a rules file means composing its YAML, validating every key and compiling and checking
every pattern: the same work on every run while the file does not change, and most of what a
run on one small draft costs. We keep the result (the frozen `Pack`) in `.termlint_cache/`,
keyed by the file's text, its displayed path, termlint's code and the Python version, with the
regex engine's compiled code of each pattern, the literal prefixes the prefilter derives
from them and the tries it scans for long lists of prefixes, so a kept pack needs neither
parsing nor compiling.

The entry is a pickle, and a cache folder sits in the writer's working tree, where anybody's
files can be: so unpickling builds only termlint's own data classes, compiled patterns
(regexcache.from_code) and read-only mappings, never any other callable (a crafted file is
just a miss). One file per rules file path, so editing a rules file replaces its entry instead
of piling up new ones; written atomically, so two runs can share the folder.
"""

from __future__ import annotations

import dataclasses
import enum
import io
import os
import pickle
import re
import sys
from types import MappingProxyType
from typing import Any

from termlint import prefilter, regexcache
from termlint.cache import code_version, keep_file
from termlint.digest import digest_of
from termlint.packs import Pack

_TAG = f"{sys.implementation.cache_tag}-{regexcache.ENGINE}".encode()


class PackCache:
    """Packs kept in `folder`/packs, one file per rules file."""

    def __init__(self, folder: str) -> None:
        self.root = folder

    def get(self, path: str, text: str) -> Pack | None:
        """The pack kept for this text of the file at `path`, or None."""
        key = _key(path, text)
        try:
            with open(os.path.join(self.root, self._name(path)), "rb") as handle:
                if handle.read(len(key)) != key:
                    return None  # an older text of the file: parse it again
                unpickler = _Unpickler(handle)
                pack, prefixes, tries = unpickler.load(), unpickler.load(), unpickler.load()
        except Exception:  # no entry, a damaged or crafted one: parse the file as usual
            return None
        if not isinstance(pack, Pack) or not _is_prefix_table(prefixes) \
                or not _is_trie_table(tries):
            return None
        prefilter.remember(prefixes)
        prefilter.remember_tries(tries)
        return pack

    def put(self, path: str, text: str, pack: Pack) -> None:
        """Keep `pack`, parsed from `text`; a folder that cannot be written just keeps nothing."""
        buffer = io.BytesIO()
        buffer.write(_key(path, text))
        pickler = _Pickler(buffer)
        try:
            pickler.dump(pack)
            pickler.dump(pickler.prefixes)  # collected while pickling the pack's patterns
            pickler.dump(dict(pickler.tries))  # the same
        except Exception:  # something a kind keeps cannot be pickled: no speed-up
            return
        keep_file(self.root, self._name(path), buffer.getvalue())

    @staticmethod
    def _name(path: str) -> str:
        return os.path.join("packs", digest_of(_TAG, path)[:32] + ".pickle")


def _is_prefix_table(table: object) -> bool:
    def good(key: object, found: object) -> bool:
        if not (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str)
                and isinstance(key[1], int)):
            return False
        return found is None or (isinstance(found, frozenset)
                                 and all(isinstance(p, str) for p in found))

    return isinstance(table, dict) and all(good(k, v) for k, v in table.items())


def _is_trie_table(table: object) -> bool:
    return isinstance(table, dict) and all(
        isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], frozenset)
        and all(isinstance(p, str) for p in key[0]) and isinstance(key[1], bool)
        and isinstance(found, re.Pattern) for key, found in table.items())


def _key(path: str, text: str) -> bytes:
    return digest_of(_TAG, code_version(), path, text).encode() + b"\n"


# --- pickling ------------------------------------------------------------------------------


def _proxy(items: dict[Any, Any]) -> MappingProxyType[Any, Any]:
    return MappingProxyType(items)


class _Pickler(pickle.Pickler):
    def __init__(self, handle: io.BytesIO) -> None:
        super().__init__(handle, protocol=pickle.HIGHEST_PROTOCOL)
        self.prefixes: dict[tuple[str, int], frozenset[str] | None] = {}
        self.tries: dict[tuple[frozenset[str], bool], re.Pattern[str]] = {}
        self._args: dict[tuple[str, int], tuple[Any, ...]] = {}

    def reducer_override(self, obj: Any) -> Any:
        if isinstance(obj, re.Pattern):
            key = (obj.pattern, obj.flags)
            if key not in self._args:  # one copy of the (large) code per pattern
                self._args[key] = (obj.pattern, obj.flags, regexcache.code_of(obj))
                self.prefixes.update(prefilter.prefixes_of(obj))
                self.tries.update(prefilter.tries_of(obj))
            return regexcache.from_code, self._args[key]
        if isinstance(obj, MappingProxyType):
            return _proxy, (dict(obj),)
        return NotImplemented


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        # Importing a termlint module has no effect, except for __main__ (it runs the CLI).
        ours = module.startswith("termlint.") and module != "termlint.__main__"
        found = super().find_class(module, name) if ours else None
        if found is regexcache.from_code or found is _proxy or (isinstance(found, type) and (
                dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)
                or _is_named_tuple(found))):
            return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a kept pack")


def _is_named_tuple(cls: type) -> bool:
    """A NamedTuple class: building one only builds a tuple of the values given."""
    return issubclass(cls, tuple) and isinstance(getattr(cls, "_fields", None), tuple)
