"""`Catalog`: the loaded data, its lookups and its filters; `catalog()` and `load()`."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Generic, TypeVar

from ._errors import ArgumentError, DataError, NotFound, PeriodError, Problem, shown
from ._lookup import FuzzyIndex, KeyIndex, normalise, singular
from ._manifest import VerifyReport
from ._manifest import verify as _verify
from ._model import (
    CpiAnnualAverage,
    Credential,
    Fact,
    Industry,
    Occupation,
    Organization,
    Source,
    Statistic,
)
from ._period import Period, PeriodKind
from ._search import KINDS, Entity, SearchResult, names_of
from ._series import Series, build_series
from ._vocab import WAGE_MEASURES, FactTopic, Measure

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from ._load import Data

__all__ = ["Catalog", "catalog", "load"]

_E = TypeVar("_E", Occupation, Credential, Organization, Source, Industry)
_M = TypeVar("_M", Measure, FactTopic)
_T = TypeVar("_T", bound=Entity)
_PERCENTILE_NAMES: Final = {"median": 50}
_PERCENTILES: Final = (10, 25, 50, 75, 90)
_PERCENTILE_DIGITS: Final = 4  # "0050" reads as 50; longer digit runs are no percentile
_QUALIFIERS: Final = ("percentile", "industry", "setting", "experience", "accreditor")
_YEAR: Final = "year"
"""Index of the statistics whose period lies within one calendar year."""
_FIELDS: Final = ("occupation", "measure", "source", "period", *_QUALIFIERS, "definition")
_MEDIAN: Final = 50
_NOTHING: Final[frozenset[int]] = frozenset()


def _by_id(records: Iterable[_E]) -> Mapping[str, _E]:
    return MappingProxyType({record.id: record for record in records})


def _index(kind: str, records: Iterable[_E]) -> KeyIndex:
    return KeyIndex(kind, ((name, record.id) for record in records for name, _ in names_of(record)))


# The handbook's Quick Facts labels, for the topics whose names differ.
_TOPIC_LABELS: Final = {
    "typical_entry_level_education": FactTopic.ENTRY_LEVEL_EDUCATION,
    "work_experience_in_a_related_occupation": FactTopic.WORK_EXPERIENCE,
}


def _enum_member(
    cls: type[_M], value: object, kind: str, aliases: Mapping[str, _M] | None = None
) -> _M:
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        key = value
        for attempt in range(2):
            try:
                return cls(key)
            except ValueError:
                if attempt:
                    break
                key = normalise(value).replace(" ", "_")
                if aliases and key in aliases:
                    return aliases[key]
        members = [member.value for member in cls]
        close = _close(key, members, 5)
        raise NotFound(value, kind, suggestions=close)
    raise NotFound(value, kind, suggestions=[member.value for member in cls])


class _Finder(Generic[_T]):
    """Resolves a key to one entity of one kind: an exact spelling first, then the index."""

    __slots__ = ("_cls", "_exact", "_index", "_table")

    def __init__(self, cls: type[_T], table: Mapping[str, _T], index: KeyIndex) -> None:
        self._cls: type[_T] = cls
        self._table: Mapping[str, _T] = table
        self._index = index
        self._exact: dict[str, _T] = {
            name: table[entity_id] for name, entity_id in index.exact.items()
        }

    def __call__(self, key: object) -> _T:
        if isinstance(key, str):
            # An id names one entity by construction, whatever else shares its spelling.
            hit = self._table.get(key) or self._exact.get(key)
            if hit is not None:
                return hit
        elif isinstance(key, self._cls):
            # This catalog's record of that id (the key may come from another release).
            found = self._table.get(key.id)
            if found is not None:
                return found
            raise NotFound(key.id, self._index.kind)
        return self._table[self._index.resolve(key)]


def _positions(statistics: tuple[Statistic, ...]) -> Mapping[str, Mapping[object, frozenset[int]]]:
    """Index every filterable field: value -> positions of the statistics holding it."""
    fields: dict[str, dict[object, set[int]]] = {name: {} for name in (*_FIELDS, _YEAR)}
    for position, statistic in enumerate(statistics):
        for name in _FIELDS:
            fields[name].setdefault(getattr(statistic, name), set()).add(position)
        period = statistic.period
        if period.start_year == period.end_year:  # a year or a month: within one year
            fields[_YEAR].setdefault(period.start_year, set()).add(position)
    return MappingProxyType(
        {
            name: MappingProxyType({value: frozenset(found) for value, found in values.items()})
            for name, values in fields.items()
        }
    )


def _recency(
    sources: Mapping[str, Source], records: Iterable[Statistic | Fact]
) -> Mapping[str, int]:
    """Rank each source in time by a year: its edition, publication or currency date.

    A source with none of these ranks by the latest period it reports on
    (a document reporting May 2020 wages is no older than 2020).
    """
    reported: dict[str, int] = {}
    for record in records:
        if record.period is not None:
            year = record.period.start_year
            reported[record.source] = max(reported.get(record.source, year), year)
    ranks: dict[str, int] = {}
    for source in sources.values():
        stamp = source.edition or source.published or source.as_of or ""
        ranks[source.id] = int(stamp[:4]) if stamp[:4].isdigit() else reported.get(source.id, 0)
    return MappingProxyType(ranks)


def _qualifier_text(statistic: Statistic) -> str:
    given = [
        f"{name}={getattr(statistic, name)!r}"
        for name in _QUALIFIERS
        if getattr(statistic, name) is not None
    ]
    return ", ".join(given) or "no qualifiers"


class Catalog:
    """The packaged (or a loaded) data release: read-only, validated, indexed.

    Get the packaged one with `catalog()`, or read a directory with `load()`.

    Attributes:
        occupations: Every `Occupation` by id.
        credentials: Every `Credential` by id.
        organizations: Every `Organization` by id.
        sources: Every `Source` by id.
        industries: Every `Industry` by id.
        statistics: Every `Statistic`, ordered by period, then source.
        facts: Every `Fact`, ordered by period, then source.
        cpi_u: CPI-U annual averages by year.
        data_version: The data release (``YYYY.N``).
    """

    __slots__ = (
        "_cpi_u",
        "_credentials",
        "_data_version",
        "_digest",
        "_facts",
        "_find_credential",
        "_find_industry",
        "_find_occupation",
        "_find_organization",
        "_find_source",
        "_fuzzy",
        "_fuzzy_lock",
        "_indexes",
        "_industries",
        "_manifest",
        "_occupations",
        "_organizations",
        "_positions",
        "_recency",
        "_root",
        "_settings",
        "_sources",
        "_statistics",
        "_tables",
    )

    def __init__(self, data: Data, root: Traversable) -> None:
        """Build a catalog from validated *data* read from *root* (use `load`)."""
        self._root = root
        self._manifest = data.manifest
        self._data_version = data.manifest.data_version
        self._occupations = _by_id(data.occupations)
        self._credentials = _by_id(data.credentials)
        self._organizations = _by_id(data.organizations)
        self._sources = _by_id(data.sources)
        self._industries = _by_id(data.industries)
        self._statistics = data.statistics
        self._facts = data.facts
        self._cpi_u: Mapping[int, CpiAnnualAverage] = MappingProxyType(
            {row.year: row for row in data.cpi_u}
        )
        self._indexes: Mapping[str, KeyIndex] = MappingProxyType(
            {
                "occupation": _index("occupation", data.occupations),
                "credential": _index("credential", data.credentials),
                "organization": _index("organization", data.organizations),
                "source": _index("source", data.sources),
                "industry": _index("industry", data.industries),
            }
        )
        self._settings = {
            "setting": KeyIndex(
                "setting",
                ((s.setting, s.setting) for s in self._statistics if s.setting),
            ),
            "experience": KeyIndex(
                "experience",
                ((s.experience, s.experience) for s in self._statistics if s.experience),
            ),
            "definition": KeyIndex(
                "definition",
                ((s.definition, s.definition) for s in self._statistics if s.definition),
            ),
        }
        self._find_occupation = _Finder(Occupation, self._occupations, self._indexes["occupation"])
        self._find_credential = _Finder(Credential, self._credentials, self._indexes["credential"])
        self._find_organization = _Finder(
            Organization, self._organizations, self._indexes["organization"]
        )
        self._find_source = _Finder(Source, self._sources, self._indexes["source"])
        self._find_industry = _Finder(Industry, self._industries, self._indexes["industry"])
        tables: tuple[Mapping[str, Entity], ...] = (
            self._occupations,
            self._credentials,
            self._organizations,
            self._sources,
            self._industries,
        )
        self._tables = dict(zip(KINDS, tables, strict=True))
        # The search index is the costliest to build and many programs never
        # search: it is built on the first search, once, under this lock.
        self._fuzzy: FuzzyIndex | None = None
        self._fuzzy_lock = threading.Lock()
        self._positions = _positions(self._statistics)
        self._recency = _recency(self._sources, (*self._statistics, *self._facts))

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
            self._data_version,
            dict(self._occupations),
            dict(self._credentials),
            dict(self._organizations),
            dict(self._sources),
            dict(self._industries),
            self._statistics,
            self._facts,
            dict(self._cpi_u),
        )

    def __repr__(self) -> str:
        """Summarise the release."""
        return (
            f"<Catalog data {self._data_version}: {len(self._occupations)} occupations, "
            f"{len(self._credentials)} credentials, {len(self._organizations)} "
            f"organizations, {len(self._sources)} sources, {len(self._statistics)} "
            f"statistics, {len(self._facts)} facts>"
        )

    @property
    def data_version(self) -> str:
        """The data release this catalog holds, ``YYYY.N``."""
        return self._data_version

    @property
    def occupations(self) -> Mapping[str, Occupation]:
        """Every occupation by id (read-only)."""
        return self._occupations

    @property
    def credentials(self) -> Mapping[str, Credential]:
        """Every credential by id (read-only)."""
        return self._credentials

    @property
    def organizations(self) -> Mapping[str, Organization]:
        """Every organization by id (read-only)."""
        return self._organizations

    @property
    def sources(self) -> Mapping[str, Source]:
        """Every source by id (read-only)."""
        return self._sources

    @property
    def industries(self) -> Mapping[str, Industry]:
        """Every industry by id (read-only)."""
        return self._industries

    @property
    def statistics(self) -> tuple[Statistic, ...]:
        """Every statistic, ordered by period, then source."""
        return self._statistics

    @property
    def facts(self) -> tuple[Fact, ...]:
        """Every fact, ordered by period, then source."""
        return self._facts

    @property
    def cpi_u(self) -> Mapping[int, CpiAnnualAverage]:
        """CPI-U annual averages by year (read-only)."""
        return self._cpi_u

    # -- lookups ---------------------------------------------------------

    def occupation(self, key: str | Occupation) -> Occupation:
        """Return the occupation *key* names.

        Args:
            key: An id, a SOC code of any SOC version (``"29-2071"``,
                ``"29-2072"``), the title, an alternate title
                (``"medical coder"``) or a specialty's name.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._find_occupation(key)

    def credential(self, key: str | Credential) -> Credential:
        """Return the credential *key* names: id, abbreviation (``"RHIT"``) or name.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._find_credential(key)

    def organization(self, key: str | Organization) -> Organization:
        """Return the organization *key* names: id, abbreviation (``"AHIMA"``) or name.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._find_organization(key)

    def source(self, key: str | Source) -> Source:
        """Return the source *key* names: id, title, or edition label (``"2010-11"``).

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._find_source(key)

    def industry(self, key: str | Industry) -> Industry:
        """Return the industry *key* names: NAICS code, OEWS designation or title.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._find_industry(key)

    def credentials_by(self, organization: str | Organization) -> tuple[Credential, ...]:
        """Return the credentials *organization* issues, ordered by id.

        Raises:
            NotFound: *organization* names no organization.
        """
        issuer = self.organization(organization).id
        return tuple(c for c in self._credentials.values() if c.issuer == issuer)

    def related(self, occupation: str | Occupation) -> tuple[Occupation, ...]:
        """Return the occupations the sources name as related to *occupation*.

        Raises:
            NotFound: *occupation* names no occupation.
        """
        found = self.occupation(occupation)
        return tuple(self._occupations[related] for related in found.related)

    # -- filters ---------------------------------------------------------

    def _period(self, value: object) -> Period:
        if isinstance(value, Period):
            return value
        if isinstance(value, str):
            return Period.parse(value)
        msg = f"a period is a Period or its text, got {type(value).__name__}"
        raise PeriodError(msg)

    def _percentile(self, value: object) -> int:
        if isinstance(value, str):
            text = normalise(value)
            number = text.isdecimal() and len(text) <= _PERCENTILE_DIGITS
            value = _PERCENTILE_NAMES.get(text, int(text) if number else text)
        if isinstance(value, int) and not isinstance(value, bool) and value in _PERCENTILES:
            return value
        raise NotFound(value, "percentile", suggestions=[str(p) for p in _PERCENTILES])

    def _edition_source(self, edition: object) -> str:
        source = self.source(edition) if isinstance(edition, str | Source) else None
        if source is None or source.edition is None:
            editions = sorted(s.edition for s in self._sources.values() if s.edition)
            raise NotFound(edition, "edition", suggestions=editions)
        return source.id

    def _qualifiers(self, given: Mapping[str, object]) -> Iterator[tuple[str, object]]:
        """Resolve each qualifier given (not None) to the value statistics hold."""
        for name, value in given.items():
            if value is None:
                continue
            match name:
                case "percentile":
                    yield name, self._percentile(value)
                case "industry":
                    yield name, self.industry(value).id  # type: ignore[arg-type]
                case "accreditor":
                    yield name, self.organization(value).id  # type: ignore[arg-type]
                case _:  # setting, experience, definition: names the data uses
                    yield name, self._settings[name].resolve(value)

    def _select(self, wanted: Iterable[tuple[str, object]]) -> tuple[Statistic, ...]:
        """Return the statistics whose fields equal every wanted value, in data order."""
        found = sorted(
            (self._positions[name].get(value, _NOTHING) for name, value in wanted), key=len
        )
        if not found:
            return self._statistics
        return tuple(self._statistics[i] for i in sorted(found[0].intersection(*found[1:])))

    def stats(  # noqa: PLR0913, PLR0917 - the contract's filters
        self,
        occupation: str | Occupation | None = None,
        measure: str | Measure | None = None,
        source: str | Source | None = None,
        edition: str | Source | None = None,
        period: str | Period | None = None,
        percentile: int | str | None = None,
        industry: str | Industry | None = None,
        setting: str | None = None,
        experience: str | None = None,
        accreditor: str | Organization | None = None,
        definition: str | None = None,
    ) -> tuple[Statistic, ...]:
        """Return the statistics that pass every filter given, by period then source.

        Each filter takes an id, an entity, a name (any lookup key) or, for
        ``measure``, the enum or its plain string, all matched through the
        same normalisation as the lookups. ``edition`` takes a handbook
        edition label such as ``"2010-11"``. A month or an interval
        ``period`` matches exactly; a year matches that year and the months
        within it (``"2010"`` finds both the 2010 jobs and the May 2010
        wages; ``"2010-05"`` only the wages). ``percentile`` takes 10,
        25, 50, 75, 90, their text, or ``"median"``. ``accreditor`` takes
        an organization; ``definition`` the SOC codes a figure counts
        (``"29-2071"``, ``"29-2072+29-9021"``). The filters are answered
        from indexes built at load.

        Args:
            occupation: The occupation (``"medical coder"``, ``"29-2071"``).
            measure: The measure (``Measure.ANNUAL_WAGE``, ``"annual wage"``).
            source: The source (``"ooh-2010-11"``, ``"2010-11"``).
            edition: A handbook edition (``"2010-11"``).
            period: The reference period (``"2008-05"``, ``"2010"``, ``"2008/2018"``,
                a `Period`).
            percentile: The wage percentile.
            industry: The industry (``"6221"``, ``"Offices of physicians"``).
            setting: The work setting (``"hospitals"``).
            experience: The experience band (``"1 to 4 years"``).
            accreditor: The organization that accredited the programs counted.
            definition: The occupational definition counted.

        Returns:
            The matching statistics, ordered by period, then source.

        Raises:
            NotFound: a filter names nothing (with suggestions).
            PeriodError: *period* is not a period.

        .. versionadded:: 2026.1.0 ``accreditor`` and ``definition``.
        """
        wanted: list[tuple[str, object]] = []
        if occupation is not None:
            wanted.append(("occupation", self.occupation(occupation).id))
        if measure is not None:
            wanted.append(("measure", _enum_member(Measure, measure, "measure")))
        if source is not None:
            wanted.append(("source", self.source(source).id))
        if edition is not None:
            wanted.append(("source", self._edition_source(edition)))
        if period is not None:
            wanted_period = self._period(period)
            if wanted_period.kind is PeriodKind.YEAR:
                wanted.append((_YEAR, wanted_period.start_year))
            else:
                wanted.append(("period", wanted_period))
        qualifiers = {
            "percentile": percentile,
            "industry": industry,
            "setting": setting,
            "experience": experience,
            "accreditor": accreditor,
            "definition": definition,
        }
        wanted.extend(self._qualifiers(qualifiers))
        return self._select(wanted)

    def series(
        self, occupation: str | Occupation, measure: str | Measure, **qualifiers: object
    ) -> Series:
        """Return one measure of one occupation over time, one point per period.

        Where several sources state a figure for the same period, the
        newest source wins and the others are kept as the point's
        ``alternatives``. Sources rank by the year of their handbook
        edition, else of their publication or currency date, else of the
        latest period they report on; ties go to the greater source id.

        Qualifiers select one slice of the measure: ``percentile`` (default
        50, the median, for wage measures), ``industry``, ``setting``,
        ``experience`` and ``accreditor``; a qualifier not given selects
        the figures that have none (the occupation as a whole).
        ``definition`` keeps only figures of one occupational definition;
        without it the series spans definitions and ``Series.breaks``
        shows where they change. Each qualifier takes what the `stats`
        filter of the same name takes.

        Args:
            occupation: The occupation (any lookup key or the entity).
            measure: The measure (the enum or its plain string).
            **qualifiers: ``percentile``, ``industry``, ``setting``,
                ``experience``, ``accreditor``, ``definition``.

        Returns:
            The series; empty when the occupation has no figure of the
            measure at all.

        Raises:
            NotFound: the occupation, measure or a qualifier names nothing;
                a qualifier's name is unknown; or the occupation has
                figures of the measure, but none with these qualifiers
                (the suggestions list the qualifiers that have some).

        >>> cat = catalog()
        >>> wages = cat.series("medical coder", "annual wage")
        >>> [str(p) for p in wages.periods][:3]
        ['2004', '2008-05', '2010-05']
        >>> wages.at("2008-05").value
        Decimal('30610')
        """
        occupation_id = self.occupation(occupation).id
        wanted_measure = _enum_member(Measure, measure, "measure")
        known = (*_QUALIFIERS, "definition")
        for name in qualifiers:
            if name not in known:
                close = _close(name, known, 3)
                raise NotFound(name, "qualifier", suggestions=close or known)
        given = dict(qualifiers)
        if wanted_measure in WAGE_MEASURES and given.get("percentile") is None:
            given["percentile"] = _MEDIAN
        resolved = dict(self._qualifiers(given))
        whole = [("occupation", occupation_id), ("measure", wanted_measure)]
        wanted = [*whole, *((name, resolved.get(name)) for name in _QUALIFIERS)]
        if "definition" in resolved:
            wanted.append(("definition", resolved["definition"]))
        found = self._select(wanted)
        if not found:
            others = self._select(whole)
            if others:
                text = ", ".join(f"{k}={v!r}" for k, v in given.items() if v is not None)
                key = f"{wanted_measure} of {occupation_id} with {text or 'no qualifiers'}"
                raise NotFound(
                    key,
                    "series",
                    suggestions=sorted({_qualifier_text(s) for s in others}),
                )
        return build_series(occupation_id, wanted_measure, found, self._recency.__getitem__)

    # -- search ----------------------------------------------------------

    def _search_index(self) -> FuzzyIndex:
        """Return the search index, building it on first use."""
        if self._fuzzy is None:
            with self._fuzzy_lock:
                if self._fuzzy is None:
                    self._fuzzy = FuzzyIndex(
                        (kind, record.id, name, is_key)
                        for kind, table in self._tables.items()
                        for record in table.values()
                        for name, is_key in names_of(record, aliases=False)
                    )
        return self._fuzzy

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
                ``"source"`` or ``"industry"`` to search one kind only.
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
        tables = self._tables
        return tuple(
            SearchResult(
                entity=tables[hit.kind][hit.id], kind=hit.kind, name=hit.name, score=hit.score
            )
            for hit in self._search_index().search(text, kind, limit)
        )

    @staticmethod
    def _kind(kind: object) -> str:
        if isinstance(kind, str):
            folded = singular(normalise(kind))
            if folded in KINDS:
                return folded
            if folded == "industrie":  # singular() leaves "industries" so
                return "industry"
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
            wanted_topic = _enum_member(FactTopic, topic, "topic", _TOPIC_LABELS)
            tests.append(lambda f: f.topic is wanted_topic)
        if source is not None:
            source_id = self.source(source).id
            tests.append(lambda f: f.source == source_id)
        if edition is not None:
            edition_source = self._edition_source(edition)
            tests.append(lambda f: f.source == edition_source)
        return tuple(f for f in self._facts if all(test(f) for test in tests))

    # -- integrity -------------------------------------------------------

    @property
    def digest(self) -> str:
        """The manifest's fingerprint of this data release (sha256 hex)."""
        return self._manifest.digest

    def verify(self) -> VerifyReport:
        """Re-hash the data files against the manifest and report."""
        return _verify(self._root, self._manifest)


def _close(key: str, known: Iterable[str], limit: int) -> list[str]:
    import difflib  # noqa: PLC0415 - only a miss needs it; keep import fast

    return difflib.get_close_matches(key, known, n=limit, cutoff=0.5)


def _packaged_root() -> Traversable:
    from importlib.resources import files  # noqa: PLC0415 - keep import fast

    return files(__package__) / "data"


def load(path: str | os.PathLike[str] | Traversable) -> Catalog:
    """Read and validate the data directory at *path*.

    The directory holds the same files as the packaged data (one JSON file
    per collection and ``manifest.json``), e.g. one written by the CLI's
    ``export --format json``.

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
    return Catalog(read_data(root), root)


_lock = threading.Lock()
_packaged: Catalog | None = None


def catalog() -> Catalog:
    """Return the packaged data release, loaded once and shared.

    Safe to call from many threads at once: the first call loads under a
    lock, every later call returns the same object.

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
                _packaged = load(_packaged_root())
    return _packaged
