"""The strict reader: a data directory read through one cattrs converter, then every check.

Every problem found is collected and raised at once as a `DataError`, each
at its file and path. Nothing is written, nothing is evaluated, nothing
leaves the machine. `read_data` validates a whole directory (`load`): each
record's fields, the rules one record must keep (`statistic_problems`,
`area_problems`), the references between records, and the shape of each
table file. `read_collection` reads one file of the packaged data this way
when the trusted reader cannot (`Store`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs

from medcoder_careers._errors import DataError, PeriodError, Problem
from medcoder_careers._model import (
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
from medcoder_careers._period import Period, PeriodKind
from medcoder_careers._vocab import (
    CHANGE_MEASURES,
    PROJECTION_MEASURES,
    WAGE_MEASURES,
    AreaKind,
    Measure,
    SourceKind,
)

from .codec import ProblemsError, shared_converter
from .manifest import (
    COLLECTIONS,
    FILES,
    NATION_ONLY,
    OPTIONAL_FILES,
    ORDER,
    TABLE_SUFFIX,
    Manifest,
    by_id,
    read_manifest,
)
from .reads import read_json
from .table import Table, open_table, release_problems

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "Data",
    "area_problems",
    "is_iso_date",
    "read_collection",
    "read_data",
    "statistic_problems",
]

_T = TypeVar("_T")

_EDITION = re.compile(r"\d{4}-\d{2}", re.ASCII)
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
        stat.coverage,
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
            tables.append(open_table(reader.root, name, check=True))
        except DataError as exc:
            reader.problems += exc.problems
    reader.problems += release_problems(tables)
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


def _check_releases_in_one_place(
    reader: _Reader, tables: Iterable[Table], loaded: dict[str, list[tuple[int, Any]]]
) -> None:
    """Check that statistics.json holds no figure of a release a table file holds.

    One release is read from one file: a figure of it in statistics.json as
    well would be returned beside the table's (twice, when it repeats one),
    as two table files of one release would (`release_problems`).
    """
    held = {(table.source, table.period): table.file for table in tables}
    for index, statistic in loaded["statistics"]:
        file = held.get((statistic.source, statistic.period))
        if file is not None:
            reader.problem(
                "statistics.json",
                f"statistics[{index}]",
                f"is a figure of {statistic.source} {statistic.period}, which {file} holds",
            )


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
        _check_releases_in_one_place(reader, tables, loaded)
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


# -- the rules one record must keep, beyond its fields' types --------------


def statistic_problems(stat: Statistic) -> Iterator[tuple[str, str]]:
    """Yield (field, message) for every rule one statistic breaks."""
    # The unit, the percentile's value and a range's order are the model's
    # own rules (FieldError at construction, reported at their field).
    if stat.percentile is not None and stat.measure not in WAGE_MEASURES:
        yield (
            "percentile",
            f"a percentile applies only to wage measures, not {stat.measure.value}",
        )
    if stat.value_high is not None and stat.measure is not Measure.ANNUAL_SALARY:
        yield (
            "value_high",
            f"a range applies only to annual_salary, not {stat.measure.value}",
        )
    if stat.value < 0 and stat.measure not in CHANGE_MEASURES:
        yield "value", f"{stat.value} is negative, which {stat.measure.value} cannot be"
    if stat.measure is Measure.EMPLOYMENT_SHARE and stat.value > 100:  # noqa: PLR2004
        yield "value", f"a share of {stat.value} percent exceeds 100"
    is_interval = stat.period.kind is PeriodKind.INTERVAL
    if (stat.measure in PROJECTION_MEASURES) != is_interval:
        yield (
            "period",
            ("projections take an interval period such as 2008/2018, other measures do not"),
        )
    if stat.accreditor is not None and stat.measure is not Measure.ACCREDITED_PROGRAMS:
        yield "accreditor", "applies only to accredited_programs"
    if (stat.coverage is None) == (stat.measure is Measure.EMPLOYMENT):
        yield (
            "coverage",
            (
                "an employment figure says which jobs it counts (all_jobs or wage_and_salary), "
                "and only an employment figure"
            ),
        )
    if stat.citation.source != stat.source:
        yield (
            "citation.source",
            (f"cites {stat.citation.source!r} but the statistic's source is {stat.source!r}"),
        )


_FIPS_LENGTH: Final = 2
_CBSA_LENGTH: Final = 5


def area_problems(area: Area) -> Iterator[tuple[str, str]]:
    """Yield (field, message) for every rule one area breaks."""
    kind = area.kind
    if (kind is AreaKind.NATIONAL) != (area.id == NATION):
        yield "kind", f"only {NATION} is the nation"
    if (area.fips is not None) != (kind is AreaKind.STATE):
        yield "fips", "a state has a FIPS code, and only a state"
    elif area.fips is not None and not (len(area.fips) == _FIPS_LENGTH and area.fips.isdigit()):
        yield "fips", f"{area.fips!r} is not 2 digits"
    if (area.cbsa is not None) != (kind is AreaKind.METROPOLITAN):
        yield "cbsa", "a metropolitan area has a CBSA code, and only it"
    elif area.cbsa is not None and not (len(area.cbsa) == _CBSA_LENGTH and area.cbsa.isdigit()):
        yield "cbsa", f"{area.cbsa!r} is not 5 digits"
    if (not area.states) != (kind is AreaKind.NATIONAL):
        yield "states", "every area but the nation lies in one or more states"
    elif kind is AreaKind.STATE and len(area.states) != 1:
        yield "states", "a state is one state"


def is_iso_date(text: str) -> bool:
    try:
        if re.fullmatch(r"\d{4}(-\d{2})?", text, re.ASCII):
            Period.parse(text)
        else:
            date.fromisoformat(text)
    except (PeriodError, ValueError):
        return False
    return True
