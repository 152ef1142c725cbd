"""`CatalogBase`: a catalog's records, each collection built on first use, once.

The rest of `Catalog` is layered on it: lookups and search (`_lookups`),
the statistics query (`_queries`), and equality, ``repr``, `catalog` and
`load` (`_catalog`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, Final, TypeVar

from ._manifest import VerifyReport
from ._manifest import verify as _verify
from ._model import (
    Area,
    CpiAnnualAverage,
    Credential,
    Fact,
    Industry,
    Occupation,
    Organization,
    Source,
    Statistic,
)
from ._query import merge, select_from_tables
from ._store import Store

__all__ = ["COLLECTION_OF", "CatalogBase"]

_T = TypeVar("_T")

COLLECTION_OF: Final = {
    "occupation": ("occupations", Occupation),
    "credential": ("credentials", Credential),
    "organization": ("organizations", Organization),
    "source": ("sources", Source),
    "industry": ("industries", Industry),
    "area": ("areas", Area),
}
"""Each kind of entity's collection and class."""


class CatalogBase:
    """A catalog's records and derived indexes, each built on first use under one lock."""

    __slots__ = ("_built", "_lock", "_store")

    def __init__(self, store: Store) -> None:
        """Serve the records of *store* (use `catalog` or `load`)."""
        self._store = store
        self._built: dict[str, Any] = {}
        self._lock = threading.RLock()  # a build may need another build

    def _once(self, name: str, build: Callable[[], _T]) -> _T:
        """Return the thing called *name*, building it on first use, once."""
        try:
            return self._built[name]  # type: ignore[no-any-return]
        except KeyError:
            pass
        with self._lock:
            if name not in self._built:
                self._built[name] = build()
            return self._built[name]  # type: ignore[no-any-return]

    # -- collections ------------------------------------------------------

    def _table(self, kind: str) -> Mapping[str, Any]:
        collection, _ = COLLECTION_OF[kind]
        return self._once(
            collection,
            lambda: MappingProxyType({r.id: r for r in self._store.collection(collection)}),
        )

    @property
    def data_version(self) -> str:
        """The data release this catalog holds, ``YYYY.N``."""
        return self._store.manifest.data_version

    @property
    def occupations(self) -> Mapping[str, Occupation]:
        """Every occupation by id (read-only)."""
        return self._table("occupation")

    @property
    def credentials(self) -> Mapping[str, Credential]:
        """Every credential by id (read-only)."""
        return self._table("credential")

    @property
    def organizations(self) -> Mapping[str, Organization]:
        """Every organization by id (read-only)."""
        return self._table("organization")

    @property
    def sources(self) -> Mapping[str, Source]:
        """Every source by id (read-only)."""
        return self._table("source")

    @property
    def industries(self) -> Mapping[str, Industry]:
        """Every industry by id (read-only)."""
        return self._table("industry")

    @property
    def areas(self) -> Mapping[str, Area]:
        """Every area by id (read-only): the nation, states, metro and nonmetro areas.

        .. versionadded:: 2026.2.0
        """
        return self._table("area")

    @property
    def statistics(self) -> tuple[Statistic, ...]:
        """Every statistic, ordered by period, then source.

        The statistical tables' figures are built on first access (tens of
        thousands of objects); `stats` builds only those it returns.
        """
        return self._once(
            "all statistics",
            lambda: merge(
                self._store.collection("statistics"),
                select_from_tables(self._store.tables(), ()),
            ),
        )

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact, ordered by period, then source."""
        return self._store.collection("facts")

    @property
    def cpi_u(self) -> Mapping[int, CpiAnnualAverage]:
        """CPI-U annual averages by year (read-only)."""
        return self._once(
            "cpi_u",
            lambda: MappingProxyType({row.year: row for row in self._store.collection("cpi_u")}),
        )

    # -- files (for export) ----------------------------------------------

    def _collection(self, name: str) -> tuple[Any, ...]:
        """The records of one data file, as the file holds them (no table figures)."""
        return self._store.collection(name)

    def _file_names(self) -> tuple[str, ...]:
        """Every data file the manifest lists."""
        return tuple(sorted(self._store.manifest.files))

    def _file_bytes(self, name: str) -> bytes:
        """The bytes of one data file (a table is exported as it is)."""
        return (self._store.root / name).read_bytes()

    # -- integrity -------------------------------------------------------

    @property
    def digest(self) -> str:
        """The manifest's fingerprint of this data release (sha256 hex)."""
        return self._store.manifest.digest

    def verify(self) -> VerifyReport:
        """Re-hash the data files against the manifest and report."""
        return _verify(self._store.root, self._store.manifest)
