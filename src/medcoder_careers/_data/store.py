"""`Store`: the files of one data directory, each read at most once; `Lazy`, the one build-once.

`load` validates a whole directory up front and hands the records over;
`catalog` reads each packaged file the first time something needs it, so
``catalog()`` itself reads nothing and a program pays only for what it
asks (the statistical tables above all). Every lazily built thing in the
library, here and in the catalog's parts, is a `Lazy`.
"""

from __future__ import annotations

import enum
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from functools import partial
from typing import TYPE_CHECKING, Any, Final, Generic, TypeVar

from .manifest import (
    COLLECTIONS,
    FILES,
    NATION_ONLY,
    OPTIONAL_FILES,
    ORDER,
    TABLE_SUFFIX,
    Manifest,
    VerifyReport,
    read_manifest,
    verify,
)

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from .strict import Data
    from .table import Table

__all__ = ["Lazy", "Store"]

_T = TypeVar("_T")
_FILE_OF_2026_2: Final = "areas.json"  # a directory written before 2026.2 lacks it


class _Unset(enum.Enum):
    UNSET = enum.auto()


class Lazy(Generic[_T]):
    """A value built on first use, once, under its owner's lock.

    Reading a built value takes no lock. Threads racing on the first read
    wait on the lock, and only the first builds. An owner shares one
    re-entrant lock among all its lazy values, so that one build may read
    another; a build never reads a value of a higher layer, so the locks of
    different owners are always taken in one order.
    """

    __slots__ = ("_build", "_lock", "_value")

    def __init__(self, build: Callable[[], _T], lock: AbstractContextManager[object]) -> None:
        """Build the value with *build*, under *lock*, when it is first asked for."""
        self._build = build
        self._lock = lock
        self._value: _T | _Unset = _Unset.UNSET

    def get(self) -> _T:
        """Return the value, building it now if no one has yet."""
        value = self._value
        if value is _Unset.UNSET:
            with self._lock:
                value = self._value
                if value is _Unset.UNSET:
                    value = self._value = self._build()
        return value


class Store:
    """The records and files of one data directory, each collection read at most once.

    Served from a validated `Data` (`load`), or read from the directory on
    demand (the packaged data): each JSON collection by the trusted reader,
    falling back to the strict one on any surprise, the tables opened
    (trusted) on the first query.
    """

    __slots__ = ("_collections", "_data", "_lock", "_manifest", "_root", "_tables")

    def __init__(self, root: Callable[[], Traversable], data: Data | None = None) -> None:
        """Serve *data* (validated), or read from ``root()`` on demand when it is None."""
        self._data = data
        self._lock = threading.RLock()
        self._root = Lazy(root, self._lock)
        self._manifest = Lazy(self._read_manifest, self._lock)
        self._tables = Lazy(self._open_tables, self._lock)
        self._collections = {
            name: Lazy(partial(self._read_collection, name), self._lock) for name in COLLECTIONS
        }

    @property
    def root(self) -> Traversable:
        """The data directory."""
        return self._root.get()

    @property
    def manifest(self) -> Manifest:
        """The directory's manifest."""
        if self._data is not None:
            return self._data.manifest
        return self._manifest.get()

    def _read_manifest(self) -> Manifest:
        from medcoder_careers._errors import DataError, Problem  # noqa: PLC0415 - keep import fast

        found = read_manifest(self.root, FILES, OPTIONAL_FILES, TABLE_SUFFIX)
        if isinstance(found, Problem):
            raise DataError([found])
        return found

    def collection(self, name: str) -> tuple[Any, ...]:
        """Return every record of the collection *name* (``"occupations"``, ...), in order."""
        if self._data is not None:
            return getattr(self._data, name)  # type: ignore[no-any-return]
        return self._collections[name].get()

    def _read_collection(self, name: str) -> tuple[Any, ...]:
        from .trusted import read_trusted  # noqa: PLC0415 - keep import fast

        if name == "areas" and _FILE_OF_2026_2 not in self.manifest.files:
            return (NATION_ONLY,)
        try:
            records = read_trusted(self.root, name, COLLECTIONS[name])
        except Exception:  # noqa: BLE001 - any surprise: the strict reader names it
            from .strict import read_collection  # noqa: PLC0415 - cattrs loads only now

            return read_collection(self.root, name)
        return tuple(sorted(records, key=ORDER[name]))

    def tables(self) -> tuple[Table, ...]:
        """Return the statistical tables, opened (read on first query)."""
        if self._data is not None:
            return self._data.tables
        return self._tables.get()

    def _open_tables(self) -> tuple[Table, ...]:
        from medcoder_careers._errors import DataError  # noqa: PLC0415 - keep import fast

        from .table import open_table, release_problems  # noqa: PLC0415 - sqlite3 loads with them

        # Opened trusted: a store reading on demand serves the packaged data (`catalog`),
        # whose table files were checked when they were built (`load` checks all).
        tables = tuple(open_table(self.root, name, trusted=True) for name in self.table_names())
        if problems := release_problems(tables):
            raise DataError(problems)
        return tables

    def table_names(self) -> tuple[str, ...]:
        """Return the names of the statistical table files the manifest lists, sorted."""
        return tuple(sorted(n for n in self.manifest.files if n.endswith(TABLE_SUFFIX)))

    def file_names(self) -> tuple[str, ...]:
        """Return the name of every data file the manifest lists, sorted."""
        return tuple(sorted(self.manifest.files))

    def file_bytes(self, name: str) -> bytes:
        """Return the bytes of the data file *name* (a table is exported as it is)."""
        return (self.root / name).read_bytes()

    def verify(self) -> VerifyReport:
        """Re-hash every file the manifest lists against its recorded sha256."""
        return verify(self.root, self.manifest)
