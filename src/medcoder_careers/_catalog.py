"""`Catalog`: the records of one data release and their lookups; `catalog()` and `load()`.

A catalog builds nothing it is not asked for: each collection, index and
lookup table is made on first use, once, under the catalog's lock
(`_Lazy`). The statistics query lives in `_query`, the statistical tables
in `_table`, reading files in `_store` and `_load`.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, TypeVar

from ._errors import ArgumentError, DataError, NotFound, Problem, shown
from ._filters import ANY, FILTERS, QUALIFIERS, AnyType
from ._lookup import Finder, FuzzyIndex, KeyIndex, close_matches, enum_member, normalise, singular
from ._manifest import VerifyReport
from ._manifest import verify as _verify
from ._model import (
    NATION,
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
from ._period import Period
from ._query import (
    QueryCache,
    StatisticsIndex,
    Wanted,
    check_no_none,
    merge,
    percentile,
    period_wanted,
    select_from_tables,
)
from ._search import KINDS, SearchResult, names_of
from ._series import Series, build_series
from ._store import Store
from ._vocab import WAGE_MEASURES, FactTopic, Measure

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from ._table import Table

__all__ = ["Catalog", "catalog", "load"]

_T = TypeVar("_T")
_MEDIAN: Final = 50
_COLLECTION_OF: Final = {
    "occupation": ("occupations", Occupation),
    "credential": ("credentials", Credential),
    "organization": ("organizations", Organization),
    "source": ("sources", Source),
    "industry": ("industries", Industry),
    "area": ("areas", Area),
}
# The handbook's Quick Facts labels, for the topics whose names differ.
_TOPIC_LABELS: Final = {
    "typical_entry_level_education": FactTopic.ENTRY_LEVEL_EDUCATION,
    "work_experience_in_a_related_occupation": FactTopic.WORK_EXPERIENCE,
}
_SERIES_QUALIFIERS: Final = ("area", *QUALIFIERS)
_NAMED_VALUES: Final = ("setting", "experience", "definition")
"""Qualifiers whose values are the names the data uses, not entities."""


def _qualifier_text(statistic: Statistic) -> str:
    given = [
        f"{name}={getattr(statistic, name)!r}"
        for name in QUALIFIERS
        if name != "definition" and getattr(statistic, name) is not None
    ]
    return ", ".join(given) or "no qualifiers"


class Catalog:
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
        return (
            f"<Catalog data {self.data_version}: {len(self.occupations)} occupations, "
            f"{len(self.credentials)} credentials, {len(self.organizations)} "
            f"organizations, {len(self.sources)} sources, {len(self.areas)} areas, "
            f"{len(self._store.collection('statistics'))} statistics and "
            f"{cells} table cells, {len(self.facts)} facts>"
        )

    # -- collections ------------------------------------------------------

    def _table(self, kind: str) -> Mapping[str, Any]:
        collection, _ = _COLLECTION_OF[kind]
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

    # -- lookups ---------------------------------------------------------

    def _finder(self, kind: str) -> Finder[Any]:
        def build() -> Finder[Any]:
            table = self._table(kind)
            index = KeyIndex(
                kind, ((name, r.id) for r in table.values() for name, _ in names_of(r))
            )
            return Finder(_COLLECTION_OF[kind][1], table, index)

        return self._once(f"find {kind}", build)

    def occupation(self, key: str | Occupation) -> Occupation:
        """Return the occupation *key* names.

        Args:
            key: An id, a SOC code of any SOC version (``"29-2071"``,
                ``"29-2072"``), the title, an alternate title
                (``"medical coder"``) or a specialty's name.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._finder("occupation")(key)  # type: ignore[no-any-return]

    def credential(self, key: str | Credential) -> Credential:
        """Return the credential *key* names: id, abbreviation (``"RHIT"``) or name.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._finder("credential")(key)  # type: ignore[no-any-return]

    def organization(self, key: str | Organization) -> Organization:
        """Return the organization *key* names: id, abbreviation (``"AHIMA"``) or name.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._finder("organization")(key)  # type: ignore[no-any-return]

    def source(self, key: str | Source) -> Source:
        """Return the source *key* names: id, title, or edition label (``"2010-11"``).

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._finder("source")(key)  # type: ignore[no-any-return]

    def industry(self, key: str | Industry) -> Industry:
        """Return the industry *key* names: NAICS code, OEWS industry code or title.

        A title several NAICS levels share ("Management of Companies and
        Enterprises" is 55, 551 and 5511) raises `NotFound` naming them all.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._finder("industry")(key)  # type: ignore[no-any-return]

    def area(self, key: str | Area) -> Area:
        """Return the area *key* names.

        Args:
            key: The 7-digit area code (``"0600000"``); ``"US"``, ``"United
                States"`` or ``"national"`` for the nation; a state's postal
                abbreviation (``"CA"``), FIPS code (``"06"``) or name; a
                metro area's CBSA code (``"10420"``) or name (``"Akron,
                OH"``, ``"akron oh"``, or ``"Akron"`` alone where one metro
                has that name).

        Raises:
            NotFound: nothing matches (with suggestions), or several do
                (``"Springfield"`` names four metro areas: all are named).

        >>> catalog().area("akron oh").id
        '0010420'

        .. versionadded:: 2026.2.0
        """
        return self._finder("area")(key)  # type: ignore[no-any-return]

    def credentials_by(self, organization: str | Organization) -> tuple[Credential, ...]:
        """Return the credentials *organization* issues, ordered by id.

        Raises:
            NotFound: *organization* names no organization.
        """
        issuer = self.organization(organization).id
        return tuple(c for c in self.credentials.values() if c.issuer == issuer)

    def related(self, occupation: str | Occupation) -> tuple[Occupation, ...]:
        """Return the occupations the sources name as related to *occupation*.

        Raises:
            NotFound: *occupation* names no occupation.
        """
        found = self.occupation(occupation)
        return tuple(self.occupations[related] for related in found.related)

    # -- statistics ------------------------------------------------------

    def _names(self, name: str) -> KeyIndex:
        """The index of the values the data uses for a named qualifier (setting, ...)."""

        def build() -> KeyIndex:
            values = {getattr(s, name) for s in self._store.collection("statistics")}
            if name == "definition":
                for table in self._store.tables():
                    values.update(definition for _, definition in table.occupations.values())
            return KeyIndex(name, ((value, value) for value in values if value is not None))

        return self._once(f"names {name}", build)

    def _edition_source(self, edition: object) -> str:
        source = self.source(edition) if isinstance(edition, str | Source) else None
        if source is None or source.edition is None:
            editions = sorted(s.edition for s in self.sources.values() if s.edition)
            raise NotFound(edition, "edition", suggestions=editions)
        return source.id

    def _resolve(self, name: str, kind: str, value: object) -> tuple[str, object]:
        """Read one filter's value into the ``(field, value)`` statistics hold."""
        match kind:
            case "measure":
                return name, enum_member(Measure, value, "measure")
            case "edition":
                return "source", self._edition_source(value)
            case "period":
                return period_wanted(value)
            case "percentile":
                return name, percentile(value)
            case "setting" | "experience" | "definition":
                return name, self._names(name).resolve(value)
            case _:  # an entity: occupation, source, area, industry, organization
                return name, self._finder(kind)(value).id

    def _wanted(self, given: Mapping[str, object]) -> Wanted:
        wanted: list[tuple[str, object]] = []
        for name, kind, qualifier, _ in FILTERS:
            value = given.get(name, ANY)
            if value is ANY:
                continue
            if value is None:
                if not qualifier:
                    check_no_none(name, value)
                wanted.append((name, None))
                continue
            wanted.append(self._resolve(name, kind, value))
        return tuple(wanted)

    def _select(self, wanted: Wanted) -> tuple[Statistic, ...]:
        cache: QueryCache = self._once("query cache", QueryCache)
        return cache.get(wanted, lambda: self._compute(wanted))

    def _compute(self, wanted: Wanted) -> tuple[Statistic, ...]:
        index: StatisticsIndex = self._once(
            "statistics index", lambda: StatisticsIndex(self._store.collection("statistics"))
        )
        return merge(index.select(wanted), select_from_tables(self._tables(), wanted))

    def _tables(self) -> tuple[Table, ...]:
        return self._store.tables()

    def stats(  # noqa: PLR0913, PLR0917 - the contract's filters
        self,
        occupation: str | Occupation | AnyType = ANY,
        measure: str | Measure | AnyType = ANY,
        source: str | Source | AnyType = ANY,
        edition: str | Source | AnyType = ANY,
        period: str | Period | AnyType = ANY,
        area: str | Area | AnyType = ANY,
        percentile: int | str | AnyType | None = ANY,
        industry: str | Industry | AnyType | None = ANY,
        setting: str | AnyType | None = ANY,
        experience: str | AnyType | None = ANY,
        accreditor: str | Organization | AnyType | None = ANY,
        definition: str | AnyType | None = ANY,
    ) -> tuple[Statistic, ...]:
        """Return the statistics that pass every filter given, by period then source.

        A filter left out (`ANY`) does not filter. A qualifier
        (``percentile``, ``industry``, ``setting``, ``experience``,
        ``accreditor``, ``definition``) given as None keeps only the
        statistics *without* it: ``industry=None`` is the whole occupation
        (all industries together), ``percentile=None`` excludes the
        percentiles. ``occupation``, ``measure``, ``source``, ``edition``,
        ``period`` and ``area`` have no such value: None there raises
        `ArgumentError`.

        Each filter takes an id, an entity, a name (any lookup key) or, for
        ``measure``, the enum or its plain string, all matched through the
        same normalisation as the lookups. ``edition`` takes a handbook
        edition label such as ``"2010-11"``. A month or an interval
        ``period`` matches exactly; a year matches that year and the months
        within it (``"2010"`` finds both the 2010 jobs and the May 2010
        wages). ``area`` takes what `area` takes (``"CA"``, ``"US"``,
        ``"Akron, OH"``). ``percentile`` takes 10, 25, 50, 75, 90, their
        text (trimmed, any case) or ``"median"``. ``definition`` takes the
        SOC codes a figure counts (``"29-2072"``, ``"29-2072+29-9021"``).
        Results are cached: the same query returns the same tuple.

        Args:
            occupation: The occupation (``"medical coder"``, ``"29-2072"``).
            measure: The measure (``Measure.ANNUAL_WAGE``, ``"annual wage"``).
            source: The source (``"ooh-2010-11"``, ``"oews-2025-05"``).
            edition: A handbook edition (``"2010-11"``).
            period: The reference period (``"2008-05"``, ``"2010"``, ``"2008/2018"``,
                a `Period`).
            area: The area (``"US"``, ``"CA"``, ``"10420"``).
            percentile: The wage percentile.
            industry: The industry (``"6221"``, ``"622000"``, a title).
            setting: The work setting (``"hospitals"``).
            experience: The experience band (``"1 to 4 years"``).
            accreditor: The organization that accredited the programs counted.
            definition: The occupational definition counted.

        Returns:
            The matching statistics, ordered by period, then source.

        Raises:
            NotFound: a filter names nothing (with suggestions).
            ArgumentError: None for a filter that has no "absent" value, or a
                percentile that is not one BLS publishes.
            PeriodError: *period* is not a period.

        >>> cat = catalog()
        >>> [s.value for s in cat.stats(occupation="medical coder", measure="annual_wage",
        ...     edition="2010-11", percentile="median", industry=None)]
        [Decimal('30610')]

        .. versionchanged:: 2026.2.0 ``area``; filters default to `ANY`, and
           None keeps the statistics without a qualifier.
        """
        return self._select(
            self._wanted(
                {
                    "occupation": occupation,
                    "measure": measure,
                    "source": source,
                    "edition": edition,
                    "period": period,
                    "area": area,
                    "percentile": percentile,
                    "industry": industry,
                    "setting": setting,
                    "experience": experience,
                    "accreditor": accreditor,
                    "definition": definition,
                }
            )
        )

    def series(
        self, occupation: str | Occupation, measure: str | Measure, **qualifiers: object
    ) -> Series:
        """Return one measure of one occupation over time, one point per period.

        Where several sources state a figure for the same period, the
        newest source wins and the others are kept as the point's
        ``alternatives``. Sources rank by the year of their handbook
        edition, else of their publication or currency date, else of the
        latest period they report on; ties go to the greater source id.

        A series is one slice of the measure: ``area`` defaults to the
        nation, ``percentile`` to 50 (the median) for wage measures, and
        ``industry``, ``setting``, ``experience`` and ``accreditor`` to
        None (the figures without them: the occupation as a whole).
        ``definition`` is not filtered unless given: the series then spans
        definitions and `Series.breaks` shows where they change. Each
        qualifier takes what the `stats` filter of the same name takes.

        Args:
            occupation: The occupation (any lookup key or the entity).
            measure: The measure (the enum or its plain string).
            **qualifiers: ``area``, ``percentile``, ``industry``, ``setting``,
                ``experience``, ``accreditor``, ``definition``.

        Returns:
            The series; empty when the occupation has no figure of the
            measure at all.

        Raises:
            NotFound: the occupation, measure or a qualifier names nothing;
                a qualifier's name is unknown; or the occupation has
                figures of the measure, but none with these qualifiers
                (the suggestions list the qualifiers that have some).
            ArgumentError: `ANY` for a qualifier other than ``definition``.

        >>> cat = catalog()
        >>> wages = cat.series("medical coder", "annual wage")
        >>> [str(p) for p in wages.periods][:3]
        ['2004', '2008-05', '2010-05']
        >>> wages.at("2008-05").value
        Decimal('30610')
        """
        occupation_id = self.occupation(occupation).id
        wanted_measure = enum_member(Measure, measure, "measure")
        for name in qualifiers:
            if name not in _SERIES_QUALIFIERS:
                close = close_matches(name, _SERIES_QUALIFIERS, 3)
                raise NotFound(name, "qualifier", suggestions=close or _SERIES_QUALIFIERS)
        given: dict[str, object] = dict.fromkeys(QUALIFIERS)
        given |= {"area": NATION, "definition": ANY}
        if wanted_measure in WAGE_MEASURES:
            given["percentile"] = _MEDIAN
        given |= qualifiers
        for name, value in given.items():
            if value is ANY and name != "definition":
                msg = f"a series is one slice: give {name} a value or None, not ANY"
                raise ArgumentError(msg)
        whole = {"occupation": occupation_id, "measure": wanted_measure}
        found = self._select(self._wanted(whole | given))
        if not found:
            others = self._select(self._wanted({**whole, "area": given["area"]}))
            if others:
                text = ", ".join(
                    f"{k}={v!r}" for k, v in given.items() if v is not None and v is not ANY
                )
                key = f"{wanted_measure} of {occupation_id} with {text or 'no qualifiers'}"
                raise NotFound(
                    key, "series", suggestions=sorted({_qualifier_text(s) for s in others})
                )
        recency = self._once("recency", self._recency)
        return build_series(occupation_id, wanted_measure, found, recency.__getitem__)

    def _recency(self) -> Mapping[str, int]:
        """Rank each source in time by a year: its edition, publication or currency date.

        A source with none of these ranks by the latest period it reports on
        (a document reporting May 2020 wages is no older than 2020).
        """
        reported: dict[str, int] = {}
        periods = [(r.source, r.period) for r in self._store.collection("statistics")]
        periods += [(f.source, f.period) for f in self.facts]
        periods += [(table.source, table.period) for table in self._tables()]
        for source, period in periods:
            if period is not None:
                year = period.start_year
                reported[source] = max(reported.get(source, year), year)
        ranks: dict[str, int] = {}
        for source in self.sources.values():
            stamp = source.edition or source.published or source.as_of or ""
            ranks[source.id] = int(stamp[:4]) if stamp[:4].isdigit() else reported.get(source.id, 0)
        return MappingProxyType(ranks)

    # -- search ----------------------------------------------------------

    def _search_index(self) -> FuzzyIndex:
        return self._once(
            "search index",
            lambda: FuzzyIndex(
                (kind, record.id, name, is_key)
                for kind in KINDS
                for record in self._table(kind).values()
                for name, is_key in names_of(record, aliases=False)
            ),
        )

    def search(
        self, text: str, kind: str | None = None, limit: int = 10
    ) -> tuple[SearchResult, ...]:
        """Return the entities whose names best match *text*, best first.

        Matching tolerates typos and partial names, across every kind of
        entity (or one *kind*) and every name each answers to: ids, codes,
        abbreviations, titles, alternate titles, full names. Each entity
        appears once, with the name that matched best; results sort by
        descending score, then kind, then id. See `SearchResult.score` for
        the scale. Index and query are normalised like lookup keys.

        Args:
            text: What the user typed (``"medcal codr"``, ``"tumor registrar"``).
            kind: ``"occupation"``, ``"credential"``, ``"organization"``,
                ``"source"``, ``"industry"`` or ``"area"`` to search one kind only.
            limit: The most results to return (0 or more).

        Returns:
            Up to *limit* results; none when nothing is similar.

        Raises:
            NotFound: *kind* is not a kind of entity.
            ArgumentError: *text* is not a string or *limit* not a whole
                number of 0 or more.

        >>> catalog().search("medcal codr")[0].entity.title
        'Medical Records and Health Information Technicians'
        """
        if not isinstance(text, str):
            msg = f"search text must be a string, got {type(text).__name__}"
            raise ArgumentError(msg)
        given: object = limit
        if isinstance(given, bool) or not isinstance(given, int) or given < 0:
            msg = f"limit must be a whole number of 0 or more, got {shown(limit)}"
            raise ArgumentError(msg)
        if kind is not None:
            kind = self._kind(kind)
        return tuple(
            SearchResult(
                entity=self._table(hit.kind)[hit.id], kind=hit.kind, name=hit.name, score=hit.score
            )
            for hit in self._search_index().search(text, kind, limit)
        )

    @staticmethod
    def _kind(kind: object) -> str:
        if isinstance(kind, str):
            folded = normalise(kind)
            for candidate in (folded, singular(folded), folded.removesuffix("ies") + "y"):
                if candidate in KINDS:
                    return candidate
        raise NotFound(kind, "kind", suggestions=KINDS)

    def find_facts(
        self,
        occupation: str | Occupation | None = None,
        topic: str | FactTopic | None = None,
        source: str | Source | None = None,
        edition: str | Source | None = None,
    ) -> tuple[Fact, ...]:
        """Return the facts that pass every filter given, by period then source.

        Raises:
            NotFound: a filter names nothing (with suggestions).
        """
        tests: list[Callable[[Fact], bool]] = []
        if occupation is not None:
            occupation_id = self.occupation(occupation).id
            tests.append(lambda f: f.occupation == occupation_id)
        if topic is not None:
            wanted_topic = enum_member(FactTopic, topic, "topic", _TOPIC_LABELS)
            tests.append(lambda f: f.topic is wanted_topic)
        if source is not None:
            source_id = self.source(source).id
            tests.append(lambda f: f.source == source_id)
        if edition is not None:
            edition_source = self._edition_source(edition)
            tests.append(lambda f: f.source == edition_source)
        return tuple(f for f in self.facts if all(test(f) for test in tests))

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
