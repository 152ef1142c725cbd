"""`Catalog`: the loaded data, its lookups and its filters; `catalog()` and `load()`."""

from __future__ import annotations

import difflib
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, TypeVar

from ._errors import DataError, NotFound, PeriodError, Problem
from ._lookup import KeyIndex, normalise
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
from ._period import Period
from ._vocab import FactTopic, Measure

if TYPE_CHECKING:
    from ._load import Data

__all__ = ["Catalog", "catalog", "load"]

_E = TypeVar("_E", Occupation, Credential, Organization, Source, Industry)
_M = TypeVar("_M", Measure, FactTopic)
_PERCENTILE_NAMES: Final = {"median": 50}
_PERCENTILES: Final = (10, 25, 50, 75, 90)


def _by_id(records: Iterable[_E]) -> Mapping[str, _E]:
    return MappingProxyType({record.id: record for record in records})


def _occupation_names(occupation: Occupation) -> Iterable[str]:
    yield occupation.id
    yield occupation.title
    yield from occupation.alternate_titles
    for soc in occupation.soc:
        yield soc.code
        yield soc.title
    for specialty in occupation.specialties:
        yield specialty.name
        yield from specialty.alternate_names


def _credential_names(credential: Credential) -> Iterable[str]:
    yield from (credential.id, credential.abbreviation, credential.name)
    yield from credential.alternate_names


def _organization_names(organization: Organization) -> Iterable[str]:
    yield from (organization.id, organization.name)
    if organization.abbreviation:
        yield organization.abbreviation
    yield from organization.alternate_names


def _source_names(source: Source) -> Iterable[str]:
    yield from (source.id, source.title)
    if source.edition:
        yield source.edition
        yield f"{source.edition} Edition"


def _industry_names(industry: Industry) -> Iterable[str]:
    yield from (industry.id, industry.title)
    yield from industry.alternate_titles
    for naics in industry.naics:
        yield naics.code
        yield naics.title


def _index(kind: str, records: Iterable[_E], names: Callable[[_E], Iterable[str]]) -> KeyIndex:
    return KeyIndex(kind, ((name, record.id) for record in records for name in names(record)))


def _enum_member(cls: type[_M], value: object, kind: str) -> _M:
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        key = normalise(value).replace(" ", "_")
        for member in cls:
            if member.value == key:
                return member
        close = difflib.get_close_matches(key, [m.value for m in cls], n=5, cutoff=0.5)
        raise NotFound(value, kind, suggestions=close)
    raise NotFound(value, kind, suggestions=[m.value for m in cls])


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
        "_indexes",
        "_industries",
        "_manifest",
        "_occupations",
        "_organizations",
        "_root",
        "_settings",
        "_sources",
        "_statistics",
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
                "occupation": _index("occupation", data.occupations, _occupation_names),
                "credential": _index("credential", data.credentials, _credential_names),
                "organization": _index("organization", data.organizations, _organization_names),
                "source": _index("source", data.sources, _source_names),
                "industry": _index("industry", data.industries, _industry_names),
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
        }

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

    def _lookup(self, kind: str, key: object, table: Mapping[str, _E], cls: type[_E]) -> _E:
        if isinstance(key, cls):
            if table.get(key.id) == key:
                return key
            raise NotFound(key.id, kind)
        return table[self._indexes[kind].resolve(key)]

    def occupation(self, key: str | Occupation) -> Occupation:
        """Return the occupation *key* names.

        Args:
            key: An id, a SOC code of any SOC version (``"29-2071"``,
                ``"29-2072"``), the title, an alternate title
                (``"medical coder"``) or a specialty's name.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._lookup("occupation", key, self._occupations, Occupation)

    def credential(self, key: str | Credential) -> Credential:
        """Return the credential *key* names: id, abbreviation (``"RHIT"``) or name.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._lookup("credential", key, self._credentials, Credential)

    def organization(self, key: str | Organization) -> Organization:
        """Return the organization *key* names: id, abbreviation (``"AHIMA"``) or name.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._lookup("organization", key, self._organizations, Organization)

    def source(self, key: str | Source) -> Source:
        """Return the source *key* names: id, title, or edition label (``"2010-11"``).

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._lookup("source", key, self._sources, Source)

    def industry(self, key: str | Industry) -> Industry:
        """Return the industry *key* names: NAICS code, OEWS designation or title.

        Raises:
            NotFound: nothing matches (with suggestions), or two do.
        """
        return self._lookup("industry", key, self._industries, Industry)

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
            value = _PERCENTILE_NAMES.get(text, int(text) if text.isdigit() else text)
        if isinstance(value, int) and not isinstance(value, bool) and value in _PERCENTILES:
            return value
        raise NotFound(value, "percentile", suggestions=[str(p) for p in _PERCENTILES])

    def _edition_source(self, edition: object) -> str:
        source = self.source(edition) if isinstance(edition, str | Source) else None
        if source is None or source.edition is None:
            editions = sorted(s.edition for s in self._sources.values() if s.edition)
            raise NotFound(edition, "edition", suggestions=editions)
        return source.id

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
    ) -> tuple[Statistic, ...]:
        """Return the statistics that pass every filter given, by period then source.

        Each filter takes an id, an entity, a name (any lookup key) or, for
        ``measure``, the enum or its plain string. ``edition`` takes a
        handbook edition label such as ``"2010-11"``. ``period`` matches
        exactly (``"2008-05"`` does not match ``"2008"``).

        Raises:
            NotFound: a filter names nothing (with suggestions).
            PeriodError: *period* is not a period.
        """
        tests: list[Callable[[Statistic], bool]] = []
        if occupation is not None:
            occupation_id = self.occupation(occupation).id
            tests.append(lambda s: s.occupation == occupation_id)
        if measure is not None:
            wanted_measure = _enum_member(Measure, measure, "measure")
            tests.append(lambda s: s.measure is wanted_measure)
        if source is not None:
            source_id = self.source(source).id
            tests.append(lambda s: s.source == source_id)
        if edition is not None:
            edition_source = self._edition_source(edition)
            tests.append(lambda s: s.source == edition_source)
        if period is not None:
            wanted_period = self._period(period)
            tests.append(lambda s: s.period == wanted_period)
        if percentile is not None:
            wanted_percentile = self._percentile(percentile)
            tests.append(lambda s: s.percentile == wanted_percentile)
        if industry is not None:
            industry_id = self.industry(industry).id
            tests.append(lambda s: s.industry == industry_id)
        if setting is not None:
            wanted_setting = self._settings["setting"].resolve(setting)
            tests.append(lambda s: s.setting == wanted_setting)
        if experience is not None:
            wanted_experience = self._settings["experience"].resolve(experience)
            tests.append(lambda s: s.experience == wanted_experience)
        return tuple(s for s in self._statistics if all(test(s) for test in tests))

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
            wanted_topic = _enum_member(FactTopic, topic, "topic")
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


def _packaged_root() -> Traversable:
    return files(__package__) / "data"


def load(path: str | os.PathLike[str] | Traversable) -> Catalog:
    """Read and validate the data directory at *path*.

    The directory holds the same files as the packaged data (one JSON file
    per collection and ``manifest.json``), e.g. one written by the CLI's
    ``export --format json``.

    Raises:
        DataError: listing every problem found, each with its file and path.
    """
    from ._load import read_data  # noqa: PLC0415 - cattrs loads only when data does

    root: Traversable = Path(path) if isinstance(path, str | os.PathLike) else path
    if not root.is_dir():
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
