"""Where a catalog's records come from: a validated directory, or packaged files read late.

`load` validates a whole directory up front and hands the records over;
`catalog` reads each packaged file the first time something needs it, so
``catalog()`` itself reads nothing and a program pays only for what it
asks (the statistical tables above all).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from ._load import Data
    from ._manifest import Manifest
    from ._table import Table

__all__ = ["Store"]

_FILES_OF_2026_1: Final = "areas.json"


class Store:
    """The records of one data directory, each collection read at most once."""

    __slots__ = ("_data", "_lock", "_read", "_root", "_root_factory")

    def __init__(self, root: Callable[[], Traversable], data: Data | None = None) -> None:
        """Serve *data* (validated), or read from ``root()`` on demand when it is None."""
        self._root_factory = root
        self._root: Traversable | None = None
        self._data = data
        self._read: dict[str, Any] = {}
        self._lock = threading.RLock()

    @property
    def root(self) -> Traversable:
        """The data directory."""
        if self._root is None:
            with self._lock:
                if self._root is None:
                    self._root = self._root_factory()
        return self._root

    def _once(self, name: str, build: Callable[[], Any]) -> Any:  # noqa: ANN401 - any record kind
        try:
            return self._read[name]
        except KeyError:
            pass
        with self._lock:
            if name not in self._read:
                self._read[name] = build()
            return self._read[name]

    @property
    def manifest(self) -> Manifest:
        """The directory's manifest."""
        if self._data is not None:
            return self._data.manifest
        return self._once("manifest", self._read_manifest)  # type: ignore[no-any-return]

    def _read_manifest(self) -> Manifest:
        from ._errors import DataError, Problem  # noqa: PLC0415 - keep import fast
        from ._files import FILES, OPTIONAL_FILES  # noqa: PLC0415
        from ._manifest import read_manifest  # noqa: PLC0415
        from ._table import TABLE_SUFFIX  # noqa: PLC0415

        found = read_manifest(self.root, FILES, OPTIONAL_FILES, TABLE_SUFFIX)
        if isinstance(found, Problem):
            raise DataError([found])
        return found

    def collection(self, name: str) -> tuple[Any, ...]:
        """Return every record of the collection *name* (``"occupations"``, ...), in order."""
        if self._data is not None:
            return getattr(self._data, name)  # type: ignore[no-any-return]
        return self._once(name, lambda: self._read_collection(name))  # type: ignore[no-any-return]

    def _read_collection(self, name: str) -> tuple[Any, ...]:
        from ._files import COLLECTIONS, ORDER  # noqa: PLC0415 - keep import fast
        from ._trusted import read_trusted  # noqa: PLC0415

        if name == "areas" and _FILES_OF_2026_1 not in self.manifest.files:
            from ._files import NATION_ONLY  # noqa: PLC0415

            return (NATION_ONLY,)
        try:
            records = read_trusted(self.root, name, COLLECTIONS[name])
        except Exception:  # noqa: BLE001 - any surprise: the strict reader names it
            from ._load import read_collection  # noqa: PLC0415 - cattrs loads only now

            return read_collection(self.root, name)
        return tuple(sorted(records, key=ORDER[name]))

    def tables(self) -> tuple[Table, ...]:
        """Return the statistical tables, opened (read on first query)."""
        if self._data is not None:
            return self._data.tables
        return self._once("tables", self._open_tables)  # type: ignore[no-any-return]

    def _open_tables(self) -> tuple[Table, ...]:
        from ._table import TABLE_SUFFIX, open_table  # noqa: PLC0415 - sqlite3 loads with tables

        names = sorted(name for name in self.manifest.files if name.endswith(TABLE_SUFFIX))
        return tuple(open_table(self.root, name) for name in names)
