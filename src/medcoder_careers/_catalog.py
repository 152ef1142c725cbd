"""`Catalog`, the facade over the parts of one data release; `catalog()`, `load()` and friends.

A catalog holds a `Store` (the files of its data directory, each read at
most once) and three parts that build what they need on first use: `Names`
(the entities and their lookups), `Search` (the typo-tolerant index) and
`Query` (statistics and facts). Each public method delegates to one of
them; series and quick facts are functions of the parts (`_series`,
`_quick`). `compare`, `inflate` and `export` take a catalog and hand its
parts (its CPI-U averages, its store) to their modules.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from ._data.store import Lazy, Store
from ._errors import ArgumentCpiError, ArgumentError, DataError, Problem, checked_call, plural
from ._filters import ANY, AnyType
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
    Unpublished,
)
from ._names import (
    AREA,
    CREDENTIAL,
    INDUSTRY,
    KINDS,
    OCCUPATION,
    ORGANIZATION,
    SOURCE,
    Names,
)
from ._period import Period
from ._query import Query
from ._quick import QuickFacts, quick_facts
from ._search import Search, SearchResult
from ._series import Series, series
from ._topics import Topic, topics
from ._vocab import Coverage, FactTopic, Measure

if TYPE_CHECKING:
    import numbers
    from decimal import Decimal
    from importlib.resources.abc import Traversable
    from pathlib import Path

    from ._compare import Comparison
    from ._data.manifest import VerifyReport
    from ._data.table import Columns

__all__ = ["Catalog", "catalog", "compare", "export", "inflate", "load"]


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

    __slots__ = ("_cpi_u", "_names", "_query", "_search", "_store")

    def __init__(self, store: Store) -> None:
        """Serve the records of *store* (use `catalog` or `load`)."""
        self._store = store
        self._names = Names(store)
        self._search = Search(store, self._names)
        self._query = Query(store, self._names)
        self._cpi_u = Lazy(
            lambda: MappingProxyType({row.year: row for row in store.collection("cpi_u")}),
            threading.Lock(),
        )

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
            *(dict(self._names.table_of(kind)) for kind in KINDS),
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

    @property
    def data_version(self) -> str:
        """The data release this catalog holds, ``YYYY.N``."""
        return self._store.manifest.data_version

    @property
    def occupations(self) -> Mapping[str, Occupation]:
        """Every occupation by id (read-only)."""
        return self._names.table(OCCUPATION)

    @property
    def credentials(self) -> Mapping[str, Credential]:
        """Every credential by id (read-only)."""
        return self._names.table(CREDENTIAL)

    @property
    def organizations(self) -> Mapping[str, Organization]:
        """Every organization by id (read-only)."""
        return self._names.table(ORGANIZATION)

    @property
    def sources(self) -> Mapping[str, Source]:
        """Every source by id (read-only)."""
        return self._names.table(SOURCE)

    @property
    def industries(self) -> Mapping[str, Industry]:
        """Every industry by id (read-only)."""
        return self._names.table(INDUSTRY)

    @property
    def areas(self) -> Mapping[str, Area]:
        """Every area by id (read-only): the nation, states, metro and nonmetro areas.

        .. versionadded:: 2026.2.0
        """
        return self._names.table(AREA)

    @property
    def statistics(self) -> tuple[Statistic, ...]:
        """Every statistic, ordered by period, then source.

        The statistical tables' figures are built on first access (tens of
        thousands of objects); `stats` builds only those it returns.
        """
        return self._query.statistics

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact, ordered by period, then source."""
        return self._query.facts

    @property
    def cpi_u(self) -> Mapping[int, CpiAnnualAverage]:
        """CPI-U annual averages by year (read-only)."""
        return self._cpi_u.get()

    @checked_call()
    def occupation(self, key: str | Occupation) -> Occupation:
        """Return the occupation *key* names.

        Args:
            key: An id, a SOC code of any SOC version (``"29-2071"``,
                ``"29-2072"``), the title, an alternate title
                (``"medical coder"``) or a specialty's name.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._names.find(OCCUPATION, key)

    @checked_call()
    def credential(self, key: str | Credential) -> Credential:
        """Return the credential *key* names: id, abbreviation (``"RHIT"``) or name.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._names.find(CREDENTIAL, key)

    @checked_call()
    def organization(self, key: str | Organization) -> Organization:
        """Return the organization *key* names: id, abbreviation (``"AHIMA"``) or name.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._names.find(ORGANIZATION, key)

    @checked_call()
    def source(self, key: str | Source) -> Source:
        """Return the source *key* names: id, title, or edition label (``"2010-11"``).

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._names.find(SOURCE, key)

    @checked_call()
    def industry(self, key: str | Industry) -> Industry:
        """Return the industry *key* names: NAICS code, OEWS industry code or title.

        A title several NAICS levels share ("Management of Companies and
        Enterprises" is 55, 551 and 5511) raises `NotFound` naming them all.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._names.find(INDUSTRY, key)

    @checked_call()
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

        >>> import medcoder_careers as mc
        >>> mc.catalog().area("akron oh").id
        '0010420'

        .. versionadded:: 2026.2.0
        """
        return self._names.find(AREA, key)

    @checked_call()
    def credentials_by(self, organization: str | Organization) -> tuple[Credential, ...]:
        """Return the credentials *organization* issues, ordered by id.

        Raises:
            NotFound: *organization* names no organization.
        """
        return self._names.credentials_by(organization)

    @checked_call()
    def related(self, occupation: str | Occupation) -> tuple[Occupation, ...]:
        """Return the occupations the sources name as related to *occupation*.

        Raises:
            NotFound: *occupation* names no occupation.
        """
        return self._names.related(occupation)

    @property
    def topics(self) -> Mapping[str, Topic]:
        """Every `Topic` search can find, by id (read-only): what statistics and facts are about.

        .. versionadded:: 2026.3.0
        """
        return topics()

    @checked_call()
    def search(
        self, text: str, kind: str | None = None, limit: int = 10
    ) -> tuple[SearchResult, ...]:
        """Return the entities and topics whose names best match *text*, best first.

        Matching tolerates typos and partial names, across every kind of
        entity (or one *kind*) and every name each answers to: ids, codes,
        abbreviations, titles, alternate titles, full names. It also finds
        what statistics and facts are about (a `Topic`: ``"median pay"``,
        ``"salary"``, ``"certification"``), by the topic's name, its
        keywords and the words of its facts (``"ICD"``), ranked below every
        exact match of an entity. Each entity or topic appears once, with
        the name that matched best; results sort by descending score, then
        kind, then id. See `SearchResult.score` for the scale. Index and
        query are normalised like lookup keys.

        Args:
            text: What the user typed (``"medcal codr"``, ``"tumor registrar"``).
            kind: ``"occupation"``, ``"credential"``, ``"organization"``,
                ``"source"``, ``"industry"``, ``"area"`` or ``"topic"`` to
                search one kind only.
            limit: The most results to return (0 or more).

        Returns:
            Up to *limit* results; none when nothing is similar.

        Raises:
            NotFound: *kind* is not a kind search finds.
            ArgumentError: *text* is not a string or *limit* not a whole
                number of 0 or more.

        >>> import medcoder_careers as mc
        >>> cat = mc.catalog()
        >>> cat.search("medcal codr")[0].entity.title
        'Medical Records and Health Information Technicians'
        >>> best = cat.search("median pay", kind="topic")[0].entity
        >>> best.name, best.measure, best.percentile
        ('Median annual wage', <Measure.ANNUAL_WAGE: 'annual_wage'>, 50)
        >>> cat.stats(
        ...     "medical coder", best.measure, percentile=best.percentile, area="US", industry=None
        ... )[-1].value
        Decimal('51140')

        .. versionchanged:: 2026.3.0 Finds topics too.
        """
        return self._search.search(text, kind, limit)

    @checked_call("filter")
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
        coverage: str | Coverage | AnyType | None = ANY,
    ) -> tuple[Statistic, ...]:
        """Return the statistics that pass every filter given, by period then source.

        A filter left out (`ANY`) does not filter. A qualifier
        (``percentile``, ``industry``, ``setting``, ``experience``,
        ``accreditor``, ``definition``, ``coverage``) given as None keeps
        only the statistics *without* it: ``industry=None`` is the whole
        occupation (all industries together), ``percentile=None`` excludes
        the percentiles. ``occupation``, ``measure``, ``source``, ``edition``,
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
        SOC codes a figure counts (``"29-2072"``, ``"29-2098"``).
        ``coverage`` takes ``"all_jobs"`` (the handbook and Employment
        Projections count every job, the self-employed included) or
        ``"wage_and_salary"`` (OEWS); every employment figure has one, so
        ``measure="employment", coverage=None`` finds nothing. Results are
        cached: the same query returns the same tuple.

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
            coverage: The jobs an employment figure counts (a `Coverage`).

        Returns:
            The matching statistics, ordered by period, then source.

        Raises:
            NotFound: a filter names nothing (with suggestions).
            ArgumentError: None for a filter that has no "absent" value, or a
                percentile that is not one BLS publishes; a filter this
                method does not have (``ocupation=``: the message names the
                closest filters), or more than 13 given by position.
            PeriodError: *period* is not a period.

        >>> import medcoder_careers as mc
        >>> cat = mc.catalog()
        >>> [s.value for s in cat.stats(occupation="medical coder", measure="annual_wage",
        ...     edition="2010-11", percentile="median", industry=None)]
        [Decimal('30610')]

        .. versionchanged:: 2026.2.0 ``area``; filters default to `ANY`, and
           None keeps the statistics without a qualifier.
        .. versionchanged:: 2027.1.0 ``coverage``.
        """
        return self._query.ask(  # the filters in their order (`FILTERS`)
            (
                occupation,
                measure,
                source,
                edition,
                period,
                area,
                percentile,
                industry,
                setting,
                experience,
                accreditor,
                definition,
                coverage,
            )
        )

    @checked_call()
    def series(
        self, occupation: str | Occupation, measure: str | Measure, **qualifiers: object
    ) -> Series:
        """Return one measure of one occupation over time, one point per period.

        Where several sources state a figure for the same period, one wins
        and the others are kept as the point's ``alternatives``: a
        statistical file read cell by cell (an OEWS release, the
        Employment Projections tables) wins over a page that quotes it;
        then the newer source wins, by the year of its handbook edition,
        else of its publication or currency date, else of the latest period
        it reports on; ties go to the greater source id.

        A series is one slice of the measure: ``area`` defaults to the
        nation, ``percentile`` to 50 (the median) for wage measures,
        ``coverage`` to ``"wage_and_salary"`` for employment (OEWS; the
        handbook's and Employment Projections' counts of every job are
        ``coverage="all_jobs"``: a series never joins the two), and
        ``industry``, ``setting``, ``experience`` and ``accreditor`` to
        None (the figures without them: the occupation as a whole).
        ``definition`` is not filtered unless given: the series then spans
        definitions and `Series.breaks` shows where they change. Each
        qualifier takes what the `stats` filter of the same name takes.

        Args:
            occupation: The occupation (any lookup key or the entity).
            measure: The measure (the enum or its plain string).
            **qualifiers: ``area``, ``percentile``, ``industry``, ``setting``,
                ``experience``, ``accreditor``, ``definition``, ``coverage``.

        Returns:
            The series; empty when the occupation has no figure of the
            measure at all.

        Raises:
            NotFound: the occupation, measure or a qualifier names nothing;
                a qualifier's name is unknown; or the occupation has
                figures of the measure, but none with these qualifiers
                (the suggestions list the qualifiers that have some).
            ArgumentError: `ANY` for a qualifier other than ``definition``.

        >>> import medcoder_careers as mc
        >>> cat = mc.catalog()
        >>> wages = cat.series("medical coder", "annual wage")
        >>> [str(p) for p in wages.periods][:3]
        ['2004', '2008-05', '2010-05']
        >>> wages.at("2008-05").value
        Decimal('30610')

        This series, drawn with its definition breaks and in constant
        dollars, is the chart on the career atlas's page
        :doc:`/_generated/atlas/occupations/medical-records-and-health-information-technicians`.
        """
        return series(self._query, self._names, occupation, measure, qualifiers)

    @checked_call()
    def quick_facts(self, occupation: str | Occupation, area: str | Area = "US") -> QuickFacts:
        """Return the first answers about *occupation*: pay, jobs, outlook, education.

        Each is the newest figure or fact of its kind, with its own period
        and source (see `QuickFacts`). Pay and jobs are *area*'s; the
        projections and the education facts exist for the nation only and
        come from there.

        Args:
            occupation: The occupation (any lookup key or the entity).
            area: The area (any `area` key; the nation by default).

        Raises:
            NotFound: *occupation* or *area* names nothing.

        >>> import medcoder_careers as mc
        >>> facts = mc.catalog().quick_facts("medical coder", area="CA")
        >>> facts.median_annual_pay.value, str(facts.median_annual_pay.period)
        (Decimal('61810'), '2025-05')

        Each occupation's page in the career atlas opens with its national
        quick facts; each state's page (e.g. :doc:`/_generated/atlas/states/ca`)
        gives every occupation's pay and jobs there.

        .. versionadded:: 2026.2.0
        """
        return quick_facts(self._query, self._names, occupation, area)

    @checked_call("filter")
    def unpublished(  # noqa: PLR0913, PLR0917 - the filters of stats()
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
        coverage: str | Coverage | AnyType | None = ANY,
    ) -> tuple[Unpublished, ...]:
        """Return why `stats` finds nothing: the figures a release lists but does not publish.

        One `Unpublished` record for each figure the filters (those of
        `stats`, read the same way) select that a statistical release of the
        catalog lists but does not publish, within the catalog's areas and
        industries: ``withheld`` (BLS did not release it: footnote 8, or a
        national file's ``*`` or ``**``), ``not_applicable`` (hourly or annual
        pay of an occupation paid the other way: footnote 4) or
        ``no_estimate`` (the release has no estimate for the occupation in
        that area or industry, though it covers them for others: one record
        for each measure and percentile it publishes there for others). Each
        record quotes its footnote as the release prints it, where one
        says why. Ordered like statistics: by period, then source.

        Raises:
            NotFound: a filter names nothing (with suggestions).
            ArgumentError: None for a filter that has no "absent" value, or a
                percentile that is not one BLS publishes.
            PeriodError: *period* is not a period.

        >>> import medcoder_careers as mc
        >>> cat = mc.catalog()
        >>> found = cat.unpublished(occupation="29-9021", area="Lima, OH", measure="annual_wage")
        >>> sorted({(r.reason.value, r.percentile) for r in found})[:2]
        [('no_estimate', 10), ('no_estimate', 25)]

        .. versionadded:: 2027.1.0
        """
        return self._query.unpublished(
            occupation=occupation,
            measure=measure,
            source=source,
            edition=edition,
            period=period,
            area=area,
            percentile=percentile,
            industry=industry,
            setting=setting,
            experience=experience,
            accreditor=accreditor,
            definition=definition,
            coverage=coverage,
        )

    @checked_call("filter")
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
        return self._query.find_facts(occupation, topic, source, edition)

    @property
    def digest(self) -> str:
        """The manifest's fingerprint of this data release (sha256 hex)."""
        return self._store.manifest.digest

    @checked_call()
    def verify(self) -> VerifyReport:
        """Re-hash the data files against the manifest and report."""
        return self._store.verify()


def _packaged_root() -> Traversable:
    from importlib.resources import files  # noqa: PLC0415 - keep import fast

    return files(__package__) / "data"


@checked_call()
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

    from ._data.strict import read_data  # noqa: PLC0415 - cattrs loads only when data does

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


@checked_call()
def catalog() -> Catalog:
    """Return the packaged data release, shared, reading each file on first use.

    Safe to call from many threads at once: the first call creates the
    catalog under a lock, every later call returns the same object. The
    packaged data was validated when it was built (and by the tests); its
    files are read when something first needs them.

    Raises:
        ArgumentError: an argument is given: `catalog` takes none (`load`
            reads a directory).

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


def _cpi_u(given: object) -> Mapping[int, CpiAnnualAverage]:
    """Return the CPI-U annual averages of *given*: a catalog, or None for the packaged one.

    Raises:
        ArgumentCpiError: *given* is neither.
    """
    if given is None:
        return catalog().cpi_u
    if not isinstance(given, Catalog):
        msg = f"catalog must be a Catalog or None, got {type(given).__name__}"
        raise ArgumentCpiError(msg)
    return given.cpi_u


def statistics_columns(catalog: Catalog, filters: Mapping[str, object]) -> Columns:
    """Return what ``catalog.stats(**filters)`` returns, as `Columns` (for `to_frame`).

    Raises:
        NotFound: a filter names nothing (as `Catalog.stats`).
        ArgumentError: as `Catalog.stats`.
    """
    return catalog._query.columns(filters)  # noqa: SLF001 - this module's own class


def _store(given: object) -> Store:
    """Return the store of *given*: a catalog, or None for the packaged one.

    Raises:
        ArgumentError: *given* is neither.
    """
    if given is None:
        return catalog()._store  # noqa: SLF001 - this module's own class
    if not isinstance(given, Catalog):
        msg = f"catalog must be a Catalog, got {type(given).__name__}"
        raise ArgumentError(msg)
    return given._store  # noqa: SLF001 - this module's own class


@checked_call()
def compare(
    a: Statistic,
    b: Statistic,
    *,
    real: bool = False,
    catalog: Catalog | None = None,
) -> Comparison:
    """Compare statistic *b* with statistic *a*: change, ratio, growth rate.

    The two must agree on measure, unit and every qualifier (percentile,
    industry, setting, experience, accreditor, coverage); they may differ in period,
    source, occupation and definition (``definition_changed`` tells).

    - Rounding: ``change`` is exact; every other figure is rounded once to
      `PRECISION` (28) significant digits, half to even, whatever the
      caller's `decimal` context, and not to places.
    - ``years``: each period stands at its midpoint (a year at 1 July, a
      month at its middle, an interval at the middle of its span); ``years``
      is the signed distance from *a*'s to *b*'s. A year and a month
      compare; an interval compares only with an interval of equal length.
    - ``bound``: *b*'s bound as stated, *a*'s turned round ("more than" in
      *a* makes the change "less than"); equal bounds stay, ``exact`` yields
      to the other, any other pair gives ``approximate``.
    - Ranges: a range compares only with a range; the figures are of the low
      ends and ``high`` compares the high ends.
    - ``real=True``: both values in constant dollars of the later period's
      year, ``value * CPI[later year] / CPI[own year]``, with CPI-U annual
      averages; a month uses its year's average.

    Args:
        a: The statistic to compare from.
        b: The statistic to compare to.
        real: Express dollar amounts in constant dollars of the later period.
        catalog: Whose CPI-U averages to use with ``real``; the packaged
            `catalog()` by default.

    Returns:
        The `Comparison` of *b* with *a*.

    Raises:
        ArgumentError: *a* or *b* is not a `Statistic` (or its value not a
            finite Decimal), or *real* is not a bool (each also an
            `IncomparableError`); *catalog* is not a `Catalog` or None,
            with ``real`` or without (also a `CpiError`). The message names
            the argument.
        IncomparableError: the two differ in measure, unit or a qualifier
            (the message names each field that differs); one is a range and
            the other not; their periods are an interval and a point, or
            intervals of different lengths; ``real`` is asked of a unit
            other than dollars; or a value's exponent is so large that the
            figures leave Decimal's range.
        CpiError: with ``real``, a period's year has no CPI-U annual
            average (or the period is an interval).

    >>> import medcoder_careers as mc
    >>> cat = mc.catalog()
    >>> median = {s.period: s for s in cat.stats(measure="annual_wage", percentile=50)
    ...           if s.industry is None}
    >>> c = mc.compare(median[mc.Period.parse("2004")], median[mc.Period.parse("2018-05")])
    >>> c.change, c.years, round(c.percent_change, 2)
    (Decimal('14760'), Decimal('13.875'), Decimal('57.68'))
    >>> r = mc.compare(median[mc.Period.parse("2004")], median[mc.Period.parse("2018-05")],
    ...                real=True)
    >>> r.price_year, round(r.value_a, 2), round(r.change, 2)
    (2018, Decimal('34017.09'), Decimal('6332.91'))
    """
    from ._compare import compare as compare_statistics  # noqa: PLC0415 - keep import fast

    return compare_statistics(a, b, real=real, cpi_table=lambda: _cpi_u(catalog))


@checked_call()
def inflate(
    amount: Decimal | float | numbers.Real | str,
    from_period: Period | str | int,
    to_period: Period | str | int | None = None,
    *,
    catalog: Catalog | None = None,
) -> Decimal:
    """Express *amount* dollars of *from_period* in dollars of *to_period*.

    Uses CPI-U annual averages: ``amount * CPI[to year] / CPI[from year]``,
    rounded once to `PRECISION` (28) significant digits and not to places
    (round for display). A month uses its year's annual average, so two
    periods in one year return *amount* unchanged.

    Amounts are bounded: the first digit of *amount* must lie within
    `PRECISION` (28) places of the decimal point, so its size is less than
    ``1E+28`` dollars and, unless it is zero, at least ``1E-28`` (a zero
    may not be written ``0E-50`` either). ``1e9999999``, whose ten million
    digits a fixed-point print would spell out, and ``1E-50`` are refused.

    Args:
        amount: Dollars: a Decimal; any `numbers.Integral` (an int, a numpy
            integer); any other `numbers.Real` (a float, a numpy float, a
            Fraction); or its text. A float is read as the digits that
            print it, ``repr(float(x))``, so ``0.1`` is ``Decimal("0.1")``
            and not the binary fraction nearest 0.1; a numpy float of another
            width as numpy prints it (``np.float32(0.1)`` is ``0.1``); a
            Fraction is divided out to `PRECISION` digits.
        from_period: The period of *amount*: a `Period`, its text
            (``"2004"``, ``"2008-05"``) or a year as an int.
        to_period: The period to express it in; by default the latest year
            with a CPI-U annual average.
        catalog: Whose CPI-U averages to use; the packaged `catalog()` by
            default.

    Returns:
        The amount in dollars of *to_period*.

    Raises:
        ArgumentError: *amount* is not a finite number (NaN, an infinity,
            a bool, a complex, text that is no number) or is out of bounds
            (its first digit more than 28 places from the point), or
            *catalog* is not a `Catalog` (each also a `CpiError`); a period
            is neither a `Period`, its text nor an int year, or its text or
            year is not valid (also a `PeriodError`). The message names the
            argument.
        CpiError: a period's year has no CPI-U annual average, or the
            period is an interval; *catalog* has no CPI-U averages, or one
            it would divide by is 0.

    >>> import medcoder_careers as mc
    >>> round(mc.inflate(100, "2004", "2018-05"), 2)
    Decimal('132.93')
    >>> mc.inflate("100", 2018, "2018-05")
    Decimal('100')

    .. versionchanged:: 2027.1.0 Amounts are bounded (``1e999999`` was
       accepted, and the CLI printed its million digits).
    """
    from ._inflation import inflate as inflate_amount  # noqa: PLC0415 - keep import fast

    return inflate_amount(amount, from_period, to_period, cpi_table=lambda: _cpi_u(catalog))


@checked_call()
def export(
    directory: str | os.PathLike[str],
    *,
    format: Literal["json", "csv"] = "json",  # noqa: A002 - the CLI's --format, by name
    catalog: Catalog | None = None,
    overwrite: bool = False,
) -> tuple[Path, ...]:
    """Write *catalog* (default: the packaged data) into *directory*.

    ``format="json"`` writes the packaged data format: one
    ``<collection>.json`` per collection and a ``manifest.json`` with the
    sha256 of each and the data version, so `load` reads the directory
    back into an equal catalog. ``format="csv"`` writes one flat
    ``<collection>.csv`` per collection (statistics, facts, and each kind
    of entity): a header row, then one row per record with every field as
    a column; a citation is split into ``citation_source``,
    ``citation_quote`` and ``citation_locator``, and nested values (lists, addresses) are compact
    JSON text.

    The directory is created if needed, with any missing parents. Existing files are not replaced
    unless *overwrite* is true. Each file is written under a temporary name
    in *directory*, then renamed onto its own: nothing is written through
    a link or into a FIFO. An entry in the way that is not a regular file
    (a symbolic link, even a dangling one; a FIFO; a directory) is refused,
    even with *overwrite*, before anything is written.

    Args:
        directory: Where to write.
        format: ``"json"`` or ``"csv"``.
        catalog: The catalog to write; the packaged one by default.
        overwrite: Replace files that already exist.

    Returns:
        The paths written, manifest last for ``"json"``.

    Raises:
        ArgumentError: *directory* is not a path (a `str` or an
            `os.PathLike`) or is empty (write ``"."`` for the current
            directory); *format* is not ``"json"`` or ``"csv"`` (also a
            `NotFound` suggesting them); *catalog* is not a `Catalog`;
            *overwrite* is not a bool. Nothing is written.
        ExportError: a file exists (and *overwrite* is false), an entry
            that is not a regular file is in the way, or writing failed
            (also for a name the system refuses: too long, a NUL).

    .. versionchanged:: 2027.1.0 Files are replaced, never written
       through: a symbolic link or a FIFO in the way is refused.
    """
    from ._export import export as write  # noqa: PLC0415 - keep import fast

    return write(directory, format=format, overwrite=overwrite, store=lambda: _store(catalog))
