"""Read a data directory: JSON through one cattrs converter, then every check.

Every problem found is collected and raised at once as a `DataError`.
Nothing is written, nothing is evaluated, nothing leaves the machine.
`read_data` validates a whole directory (`load`); `read_collection` reads
one file of the packaged data, which was validated when it was built and
by the tests, on first use (`catalog`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from ._codec import ProblemsError, make_converter, shared_converter
from ._errors import DataError, Problem
from ._files import COLLECTIONS, FILES, NATION_ONLY, OPTIONAL_FILES, ORDER, by_id
from ._manifest import MANIFEST, Manifest, read_json, read_manifest
from ._model import (
    NATION,
    Area,
    Citation,
    CpiAnnualAverage,
    Credential,
    Fact,
    Industry,
    Occupation,
    Organization,
    Source,
    Statistic,
)
from ._rules import area_problems, is_iso_date, statistic_problems
from ._table import TABLE_SUFFIX, Table, open_table
from ._vocab import Measure, SourceKind

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "COLLECTIONS",
    "FILES",
    "MANIFEST",
    "OPTIONAL_FILES",
    "Data",
    "make_converter",
    "read_collection",
    "read_data",
]

_T = TypeVar("_T")

_EDITION = re.compile(r"\d{4}-\d{2}", re.ASCII)
_PROJECTIONS = frozenset({Measure.PROJECTED_CHANGE, Measure.PROJECTED_CHANGE_PERCENT})
_SINGULAR: Final = {
    "organizations": "organization",
    "sources": "source",
    "occupations": "occupation",
    "industries": "industry",
    "areas": "area",
}


@attrs.frozen(kw_only=True)
class Data:
    """Every record of a data directory, validated."""

    manifest: Manifest
    organizations: tuple[Organization, ...]
    sources: tuple[Source, ...]
    occupations: tuple[Occupation, ...]
    credentials: tuple[Credential, ...]
    industries: tuple[Industry, ...]
    statistics: tuple[Statistic, ...]
    facts: tuple[Fact, ...]
    cpi_u: tuple[CpiAnnualAverage, ...]
    areas: tuple[Area, ...]
    tables: tuple[Table, ...]


class _Reader:
    """Collects problems while reading one directory."""

    def __init__(self, root: Traversable) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.converter = shared_converter()

    def problem(self, file: str, path: str, message: str) -> None:
        self.problems.append(Problem(file=file, path=path, message=message))

    def records(self, name: str, cls: type[_T]) -> list[tuple[int, _T]] | None:
        """Structure each record of ``<name>.json``; skip (and report) bad ones.

        Returns None when the file as a whole cannot be read.
        """
        file = f"{name}.json"
        document = read_json(self.root, file)
        if isinstance(document, Problem):
            self.problems.append(document)
            return None
        if not isinstance(document, dict) or list(document) != [name]:
            self.problem(file, "", f"must be an object whose only key is {name!r}")
            return None
        items = document[name]
        if not isinstance(items, list):
            self.problem(file, name, f"must be a list, got {type(items).__name__}")
            return None
        out: list[tuple[int, _T]] = []
        for index, item in enumerate(items):
            path = f"{name}[{index}]"
            if not isinstance(item, dict):
                self.problem(file, path, f"must be an object, got {type(item).__name__}")
                continue
            try:
                out.append((index, self.converter.structure(item, cls)))
            except ProblemsError as exc:
                for where, message in exc.problems:
                    self.problem(file, f"{path}{where}", message)
        return out


def _check_unique(
    reader: _Reader,
    name: str,
    records: Iterable[tuple[int, _T]],
    key: Callable[[_T], object],
) -> None:
    seen: dict[object, int] = {}
    for index, record in records:
        value = key(record)
        if value in seen:
            reader.problem(
                f"{name}.json",
                f"{name}[{index}]",
                f"duplicates {name}[{seen[value]}] ({value!r})",
            )
        else:
            seen[value] = index


def _citation_paths(name: str, index: int, record: object) -> Iterator[tuple[str, Citation]]:
    """Yield every citation inside a record with its path."""
    base = f"{name}[{index}]"
    citation = getattr(record, "citation", None)
    if isinstance(citation, Citation):
        yield f"{base}.citation", citation
    for position, item in enumerate(getattr(record, "citations", ())):
        yield f"{base}.citations[{position}]", item
    for position, requirement in enumerate(getattr(record, "requirements", ())):
        yield f"{base}.requirements[{position}].citation", requirement.citation
    for position, specialty in enumerate(getattr(record, "specialties", ())):
        for inner, item in enumerate(specialty.citations):
            yield f"{base}.specialties[{position}].citations[{inner}]", item


class _Checker:
    """Cross-record checks over structured collections."""

    def __init__(
        self,
        reader: _Reader,
        loaded: dict[str, list[tuple[int, Any]]],
        unreadable: set[str],
    ) -> None:
        self.reader = reader
        self.loaded = loaded
        self.unreadable = unreadable
        self.ids = {name: {record.id for _, record in loaded[name]} for name in _SINGULAR}
        if not loaded["areas"]:  # no areas file (release 2026.1): nationwide figures only
            self.ids["areas"].add(NATION)

    def ref(self, name: str, path: str, value: str | None, target: str) -> None:
        if target in self.unreadable:
            return  # already reported: the whole file could not be read
        if value is not None and value not in self.ids[target]:
            self.reader.problem(f"{name}.json", path, f"unknown {_SINGULAR[target]} id {value!r}")

    def run(self) -> None:
        for name, identity in _IDENTITY.items():
            _check_unique(self.reader, name, self.loaded[name], identity)
        self.citations()
        self.organizations()
        self.sources()
        self.occupations()
        self.credentials()
        self.statistics()
        self.facts()
        self.areas()

    def citations(self) -> None:
        for name, records in self.loaded.items():
            for index, record in records:
                if hasattr(record, "citations") and not record.citations:
                    self.reader.problem(
                        f"{name}.json", f"{name}[{index}].citations", "cites no source"
                    )
                for path, citation in _citation_paths(name, index, record):
                    self.ref(name, f"{path}.source", citation.source, "sources")

    def organizations(self) -> None:
        for index, org in self.loaded["organizations"]:
            self.ref(
                "organizations",
                f"organizations[{index}].parent",
                org.parent,
                "organizations",
            )
            if org.parent == org.id:
                self.reader.problem(
                    "organizations.json", f"organizations[{index}].parent", "is itself"
                )

    def sources(self) -> None:
        editions: dict[str, int] = {}
        for index, source in self.loaded["sources"]:
            path = f"sources[{index}]"
            self.ref("sources", f"{path}.publisher", source.publisher, "organizations")
            is_edition = source.kind is SourceKind.HANDBOOK_EDITION
            if is_edition != (source.edition is not None):
                self.reader.problem(
                    "sources.json",
                    f"{path}.edition",
                    "a handbook edition needs an edition label, and only it has one",
                )
            if source.edition is not None:
                if not _EDITION.fullmatch(source.edition):
                    self.reader.problem(
                        "sources.json",
                        f"{path}.edition",
                        f"{source.edition!r} is not YYYY-YY",
                    )
                if source.edition in editions:
                    self.reader.problem(
                        "sources.json",
                        f"{path}.edition",
                        f"duplicates the edition of sources[{editions[source.edition]}]",
                    )
                editions.setdefault(source.edition, index)
            for field in ("published", "as_of"):
                value = getattr(source, field)
                if value is not None and not is_iso_date(value):
                    self.reader.problem(
                        "sources.json",
                        f"{path}.{field}",
                        f"{value!r} is not an ISO date",
                    )

    def occupations(self) -> None:
        for index, occupation in self.loaded["occupations"]:
            for position, related in enumerate(occupation.related):
                self.ref(
                    "occupations",
                    f"occupations[{index}].related[{position}]",
                    related,
                    "occupations",
                )

    def credentials(self) -> None:
        for index, credential in self.loaded["credentials"]:
            path = f"credentials[{index}]"
            self.ref("credentials", f"{path}.issuer", credential.issuer, "organizations")
            for position, requirement in enumerate(credential.requirements):
                self.ref(
                    "credentials",
                    f"{path}.requirements[{position}].organization",
                    requirement.organization,
                    "organizations",
                )
            for position, occupation in enumerate(credential.related_occupations):
                self.ref(
                    "credentials",
                    f"{path}.related_occupations[{position}]",
                    occupation,
                    "occupations",
                )

    def statistics(self) -> None:
        for index, stat in self.loaded["statistics"]:
            path = f"statistics[{index}]"
            for problem_path, message in statistic_problems(stat):
                self.reader.problem("statistics.json", f"{path}.{problem_path}", message)
            self.ref("statistics", f"{path}.occupation", stat.occupation, "occupations")
            self.ref("statistics", f"{path}.source", stat.source, "sources")
            self.ref("statistics", f"{path}.industry", stat.industry, "industries")
            self.ref("statistics", f"{path}.accreditor", stat.accreditor, "organizations")
            self.ref("statistics", f"{path}.area", stat.area, "areas")

    def areas(self) -> None:
        for index, area in self.loaded["areas"]:
            for field, message in area_problems(area):
                self.reader.problem("areas.json", f"areas[{index}].{field}", message)

    def facts(self) -> None:
        for index, fact in self.loaded["facts"]:
            path = f"facts[{index}]"
            self.ref("facts", f"{path}.occupation", fact.occupation, "occupations")
            self.ref("facts", f"{path}.source", fact.source, "sources")
            if fact.citation.source != fact.source:
                self.reader.problem(
                    "facts.json",
                    f"{path}.citation.source",
                    f"cites {fact.citation.source!r} but the fact's source is {fact.source!r}",
                )


def _statistic_identity(stat: Statistic) -> tuple[object, ...]:
    """What a figure is a figure of: two statistics with the same identity conflict."""
    return (
        stat.period,
        stat.source,
        stat.occupation,
        stat.measure,
        stat.area,
        stat.industry,
        stat.setting,
        stat.experience,
        stat.percentile,
        stat.accreditor,
        stat.definition,
    )


_IDENTITY: Final[dict[str, Callable[[Any], object]]] = {
    "organizations": by_id,
    "sources": by_id,
    "occupations": by_id,
    "credentials": by_id,
    "industries": by_id,
    "areas": by_id,
    "cpi_u": lambda row: row.year,
    "statistics": _statistic_identity,
}
"""What must be unique in each collection (facts may repeat a statement)."""


def _file_names(manifest: Manifest | Problem) -> tuple[set[str], list[str]]:
    """Return the optional JSON files and the table files the manifest lists."""
    if isinstance(manifest, Problem):
        return set(), []
    listed = set(manifest.files)
    tables = sorted(name for name in listed if name.endswith(TABLE_SUFFIX))
    return listed & OPTIONAL_FILES, tables


def _open_tables(reader: _Reader, names: Iterable[str]) -> list[Table]:
    tables = []
    for name in names:
        try:
            tables.append(open_table(reader.root, name))
        except DataError as exc:
            reader.problems += exc.problems
    return tables


def _check_tables(
    reader: _Reader, tables: Iterable[Table], loaded: dict[str, list[tuple[int, Any]]]
) -> None:
    """Check what each table names exists: its source, occupations, industries, areas."""
    ids = {name: {record.id for _, record in loaded[name]} for name in _SINGULAR}
    for table in tables:

        def unknown(path: str, kind: str, value: object, file: str = table.file) -> None:
            reader.problem(file, path, f"unknown {kind} id {value!r}")

        if table.source not in ids["sources"]:
            unknown("meta.source", "source", table.source)
        for soc, (occupation, _) in sorted(table.occupations.items()):
            if occupation not in ids["occupations"]:
                unknown(f"occupation {soc}", "occupation", occupation)
        for code, industry in sorted(table.industries.items()):
            if industry is not None and industry not in ids["industries"]:
                unknown(f"industry {code}", "industry", industry)
        for area in table.areas():
            if area not in ids["areas"]:
                unknown(f"cell area {area}", "area", area)


def read_data(root: Traversable) -> Data:
    """Read and validate the data directory *root*, tables included (their shape).

    Raises:
        DataError: listing every problem found, each with its file and path.
    """
    reader = _Reader(root)
    manifest = read_manifest(root, FILES, OPTIONAL_FILES, TABLE_SUFFIX)
    if isinstance(manifest, Problem):
        reader.problems.append(manifest)
    optional, table_files = _file_names(manifest)
    read: dict[str, list[tuple[int, Any]] | None] = {
        name: reader.records(name, cls)
        for name, cls in COLLECTIONS.items()
        if f"{name}.json" not in OPTIONAL_FILES or f"{name}.json" in optional
    }
    loaded: dict[str, list[tuple[int, Any]]] = {name: read.get(name) or [] for name in COLLECTIONS}
    unreadable = {name for name, records in read.items() if records is None}
    _Checker(reader, loaded, unreadable).run()
    if "areas.json" not in optional:  # a directory of release 2026.1: nationwide figures only
        loaded["areas"] = [(0, NATION_ONLY)]
    tables = _open_tables(reader, table_files)
    if not unreadable:
        _check_tables(reader, tables, loaded)
    if reader.problems or isinstance(manifest, Problem):
        raise DataError(reader.problems)
    return Data(
        manifest=manifest,
        tables=tuple(tables),
        **{
            name: tuple(sorted((record for _, record in records), key=ORDER[name]))
            for name, records in loaded.items()
        },
    )


def read_collection(root: Traversable, name: str) -> tuple[Any, ...]:
    """Read one collection of the packaged data, checking each record's own fields.

    The cross-record checks of `read_data` ran when the data was built and
    run in the tests; this is what `catalog` reads on first use.

    Raises:
        DataError: a record or the file is malformed.
    """
    reader = _Reader(root)
    records: list[tuple[int, Any]] | None = reader.records(name, COLLECTIONS[name])
    if reader.problems or records is None:
        raise DataError(reader.problems)
    return tuple(sorted((record for _, record in records), key=ORDER[name]))
