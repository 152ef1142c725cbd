"""`Catalog`: the records of one data release and their lookups; `catalog()` and `load()`.

A catalog builds nothing it is not asked for: each collection, index and
lookup table is made on first use, once, under the catalog's lock
(`_base`). Lookups and search live in `_lookups`, the statistics methods in
`_queries` (their machinery in `_query` and `_table`), reading files in
`_store`, `_trusted` and `_load`.
"""

from __future__ import annotations

import os
import threading
from typing import TYPE_CHECKING

from ._errors import ArgumentError, DataError, Problem, plural
from ._queries import Queries
from ._search import KINDS
from ._store import Store

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["Catalog", "catalog", "load"]


class Catalog(Queries):
    """The packaged (or a loaded) data release: read-only, validated, indexed on demand.

    Get the packaged one with `catalog()`, or read a directory with `load()`.

    Attributes:
        occupations: Every `Occupation` by id.
        credentials: Every `Credential` by id.
        organizations: Every `Organization` by id.
        sources: Every `Source` by id.
        industries: Every `Industry` by id.
        areas: Every `Area` by id.
        statistics: Every `Statistic`, ordered by period, then source.
        facts: Every `Fact`, ordered by period, then source.
        cpi_u: CPI-U annual averages by year.
        data_version: The data release (``YYYY.N``).
    """

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        """Two catalogs are equal when they hold the same release and equal records.

        A catalog loaded from an export of the packaged data equals `catalog()`.
        """
        if not isinstance(other, Catalog):
            return NotImplemented
        return self._contents() == other._contents()

    __hash__ = None  # type: ignore[assignment]  # equal by contents, not hashable

    def _contents(self) -> tuple[object, ...]:
        return (
            self.data_version,
            *(dict(self._table(kind)) for kind in KINDS),
            self.statistics,
            self.facts,
            dict(self.cpi_u),
        )

    def __repr__(self) -> str:
        """Summarise the release (without building its statistics)."""
        cells = sum(table.count() for table in self._store.tables())
        counts = [
            plural(len(self.occupations), "occupation"),
            plural(len(self.credentials), "credential"),
            plural(len(self.organizations), "organization"),
            plural(len(self.sources), "source"),
            plural(len(self.areas), "area"),
            (
                f"{plural(len(self._store.collection('statistics')), 'statistic')} and "
                f"{plural(cells, 'table cell')}"
            ),
            plural(len(self.facts), "fact"),
        ]
        return f"<Catalog data {self.data_version}: {', '.join(counts)}>"


def _packaged_root() -> Traversable:
    from importlib.resources import files  # noqa: PLC0415 - keep import fast

    return files(__package__) / "data"


def load(path: str | os.PathLike[str] | Traversable) -> Catalog:
    """Read and validate the data directory at *path*.

    The directory holds the same files as the packaged data (one JSON file
    per collection, the statistical tables and ``manifest.json``), e.g. one
    written by the CLI's ``export --format json``. Every record, the
    manifest and the shape of each table are checked now; a table's rows
    are checked when a query first reads them.

    Raises:
        DataError: listing every problem found, each with its file and path
            (a *path* that is no directory is one problem).
        ArgumentError: *path* is not a path (a `str`, an `os.PathLike` or a
            `Traversable`).
    """
    from importlib.resources.abc import Traversable  # noqa: PLC0415 - keep import fast
    from pathlib import Path  # noqa: PLC0415 - keep import fast

    from ._load import read_data  # noqa: PLC0415 - cattrs loads only when data does

    if isinstance(path, str | os.PathLike) and isinstance(os.fspath(path), str):
        root: Traversable = Path(path)
        # os.path.isdir: False, not OSError, for a name too long
        is_dir = os.path.isdir(path)  # noqa: PTH112 - see above
    elif isinstance(path, Traversable):
        root = path
        is_dir = root.is_dir()
    else:
        kind = type(path).__name__
        msg = f"load takes a directory path (str, os.PathLike or Traversable), got {kind}"
        raise ArgumentError(msg)
    if not is_dir:
        raise DataError([Problem(file=str(path), path="", message="is not a directory")])
    return Catalog(Store(lambda: root, read_data(root)))


_lock = threading.Lock()
_packaged: Catalog | None = None


def catalog() -> Catalog:
    """Return the packaged data release, shared, reading each file on first use.

    Safe to call from many threads at once: the first call creates the
    catalog under a lock, every later call returns the same object. The
    packaged data was validated when it was built (and by the tests); its
    files are read when something first needs them.

    >>> import medcoder_careers as mc
    >>> mc.catalog() is mc.catalog()
    True
    >>> mc.catalog().data_version == mc.DATA_VERSION
    True
    """
    global _packaged  # noqa: PLW0603 - the one cache of the packaged data
    if _packaged is None:
        with _lock:
            if _packaged is None:
                _packaged = Catalog(Store(_packaged_root))
    return _packaged
