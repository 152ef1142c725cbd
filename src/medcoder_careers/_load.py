"""Read a data directory: JSON through one cattrs converter, then every check.

Every problem found is collected and raised at once as a `DataError`.
Nothing is written, nothing is evaluated, nothing leaves the machine.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, TypeVar, get_args, get_origin, get_type_hints

import attrs
import cattrs

from ._errors import DataError, FieldError, PeriodError, Problem
from ._manifest import MANIFEST, Manifest, read_json, read_manifest
from ._model import (
    Citation,
    CpiAnnualAverage,
    Credential,
    Fact,
    Industry,
    Occupation,
    Organization,
    Source,
    Statistic,
    _none_first,
)
from ._period import Period, PeriodKind
from ._vocab import WAGE_MEASURES, Measure, SourceKind

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["COLLECTIONS", "FILES", "MANIFEST", "Data", "make_converter", "read_data"]

_T = TypeVar("_T")

COLLECTIONS: Final = {
    "organizations": Organization,
    "sources": Source,
    "occupations": Occupation,
    "credentials": Credential,
    "industries": Industry,
    "statistics": Statistic,
    "facts": Fact,
    "cpi_u": CpiAnnualAverage,
}
"""Each collection's name (its file is ``<name>.json``) and record class."""

FILES: Final = frozenset(f"{name}.json" for name in COLLECTIONS)
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?", re.ASCII)
_EDITION = re.compile(r"\d{4}-\d{2}", re.ASCII)
_PROJECTIONS = frozenset({Measure.PROJECTED_CHANGE, Measure.PROJECTED_CHANGE_PERCENT})
_SINGULAR: Final = {
    "organizations": "organization",
    "sources": "source",
    "occupations": "occupation",
    "industries": "industry",
}


class _InvalidValueError(ValueError):
    """A value our own hooks reject; its message is shown as is."""


def _structure_decimal(value: object, _: type) -> Decimal:
    if not isinstance(value, str):
        msg = f"a decimal is written as a JSON string, got {type(value).__name__}"
        raise _InvalidValueError(msg)
    if not _DECIMAL.fullmatch(value):
        msg = f"{value!r} is not a plain decimal number such as '30610' or '15.55'"
        raise _InvalidValueError(msg)
    return Decimal(value)


def _structure_period(value: object, _: type) -> Period:
    if not isinstance(value, str):
        msg = f"a period is written as a JSON string, got {type(value).__name__}"
        raise _InvalidValueError(msg)
    try:
        return Period.parse(value)
    except PeriodError as exc:
        raise _InvalidValueError(str(exc)) from None


def _structure_text(value: object, cls: type[str]) -> str:
    """Structure a plain string, or a `StrEnum` member by its value.

    One hook serves both: cattrs dispatches every `str` subclass here.
    """
    if not isinstance(value, str):
        msg = f"expected a string, got {type(value).__name__}"
        raise _InvalidValueError(msg)
    if issubclass(cls, enum.StrEnum):
        try:
            return cls(value)
        except ValueError:
            allowed = ", ".join(member.value for member in cls)
            msg = f"{value!r} is not a {cls.__name__} (one of: {allowed})"
            raise _InvalidValueError(msg) from None
    if not value.strip():
        msg = "expected a non-blank string"
        raise _InvalidValueError(msg)
    return value


def _structure_int(value: object, _: type) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"expected an integer, got {type(value).__name__}"
        raise _InvalidValueError(msg)
    return value


class _ProblemsError(Exception):
    """Problems inside one value, each with its path relative to that value."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        super().__init__(problems)


def _message(exc: Exception) -> str:
    if isinstance(exc, _InvalidValueError):
        return str(exc)
    return f"invalid value ({type(exc).__name__}: {exc})"


_FAILED: Final = object()


_Hook = Callable[[Any, Any], Any]


def _structure_part(
    hook: _Hook,
    value: object,
    hint: Any,  # noqa: ANN401 - a type
    where: str,
    problems: list[tuple[str, str]],
) -> object:
    """Structure one part of a value; on failure record its problems and return _FAILED."""
    try:
        return hook(value, hint)
    except _ProblemsError as inner:
        problems += [(f"{where}{path}", message) for path, message in inner.problems]
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        problems.append((where, _message(exc)))
    return _FAILED


def _attrs_hook(  # noqa: C901 - one branch per way a record can fail
    converter: cattrs.Converter, cls: type
) -> Callable[[object, type], object]:
    """Structure *cls* from a JSON object, strictly, collecting every problem.

    Reflection instead of cattrs' generated code: the data is small, and
    generating (compiling) a function per class cost more than it saved.
    """
    # The model's annotations are objects already; text ones need resolving.
    fields_ = attrs.fields(cls)
    if any(isinstance(field.type, str) for field in fields_):
        hints = get_type_hints(cls)
    else:
        hints = {field.name: field.type for field in fields_}
    fields = [
        (
            field.name,
            hints[field.name],
            converter.get_structure_hook(hints[field.name]),
            field.default is not attrs.NOTHING,
        )
        for field in fields_
    ]
    names = frozenset(name for name, _, _, _ in fields)

    def structure(value: object, _: type) -> object:
        if not isinstance(value, dict):
            raise _ProblemsError([("", f"expected an object, got {type(value).__name__}")])
        problems: list[tuple[str, str]] = []
        extra = value.keys() - names
        if extra:
            problems.append(("", f"extra fields found ({', '.join(sorted(map(str, extra)))})"))
        kwargs: dict[str, object] = {}
        for name, hint, hook, has_default in fields:
            if name in value:
                kwargs[name] = _structure_part(hook, value[name], hint, f".{name}", problems)
            elif not has_default:
                problems.append((f".{name}", "required field missing"))
        if problems:
            raise _ProblemsError(problems)
        try:
            return cls(**kwargs)
        except FieldError as exc:  # a model rule: report it at its field
            raise _ProblemsError([(f".{exc.field}", exc.reason)]) from None
        except (ValueError, TypeError) as exc:
            raise _ProblemsError([("", _message(exc))]) from None

    return structure


def _is_tuple_of(hint: object) -> bool:
    args = get_args(hint)
    return get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis  # noqa: PLR2004


def _tuple_hook(converter: cattrs.Converter) -> Callable[[object, Any], tuple[object, ...]]:
    def structure(value: object, hint: Any) -> tuple[object, ...]:  # noqa: ANN401 - a type
        if not isinstance(value, list):
            raise _ProblemsError([("", f"expected a list, got {type(value).__name__}")])
        item_hint = get_args(hint)[0]
        hook = converter.get_structure_hook(item_hint)
        problems: list[tuple[str, str]] = []
        items = tuple(
            _structure_part(hook, item, item_hint, f"[{index}]", problems)
            for index, item in enumerate(value)
        )
        if problems:
            raise _ProblemsError(problems)
        return items

    return structure


def make_converter() -> cattrs.Converter:
    """Build the one converter that reads and writes the data format.

    Strict: unknown keys, wrong JSON types, floats for decimals and
    unknown vocabulary values are all errors, each reported with its path.
    Decimals travel as strings, periods in their ISO text form; fields
    equal to their default are left out when writing.
    """
    converter = cattrs.Converter(
        forbid_extra_keys=True, omit_if_default=True, detailed_validation=False
    )
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Period, _structure_period)
    converter.register_unstructure_hook(Period, str)
    converter.register_structure_hook(str, _structure_text)
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook_factory(attrs.has, lambda cls: _attrs_hook(converter, cls))
    converter.register_structure_hook_func(_is_tuple_of, _tuple_hook(converter))
    return converter


@functools.cache
def _shared_converter() -> cattrs.Converter:
    """The converter every load uses: its hooks are built once."""
    return make_converter()


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


class _Reader:
    """Collects problems while reading one directory."""

    def __init__(self, root: Traversable) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.converter = _shared_converter()

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
            except _ProblemsError as exc:
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
                if value is not None and not _is_iso_date(value):
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
            for problem_path, message in _statistic_problems(stat):
                self.reader.problem("statistics.json", f"{path}.{problem_path}", message)
            self.ref("statistics", f"{path}.occupation", stat.occupation, "occupations")
            self.ref("statistics", f"{path}.source", stat.source, "sources")
            self.ref("statistics", f"{path}.industry", stat.industry, "industries")
            self.ref("statistics", f"{path}.accreditor", stat.accreditor, "organizations")

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


def _statistic_problems(stat: Statistic) -> Iterator[tuple[str, str]]:
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
    if stat.value < 0 and stat.measure not in _PROJECTIONS:
        yield "value", f"{stat.value} is negative, which {stat.measure.value} cannot be"
    if stat.measure is Measure.EMPLOYMENT_SHARE and stat.value > 100:  # noqa: PLR2004
        yield "value", f"a share of {stat.value} percent exceeds 100"
    is_interval = stat.period.kind is PeriodKind.INTERVAL
    if (stat.measure in _PROJECTIONS) != is_interval:
        yield (
            "period",
            ("projections take an interval period such as 2008/2018, other measures do not"),
        )
    if stat.accreditor is not None and stat.measure is not Measure.ACCREDITED_PROGRAMS:
        yield "accreditor", "applies only to accredited_programs"
    if stat.citation.source != stat.source:
        yield (
            "citation.source",
            (f"cites {stat.citation.source!r} but the statistic's source is {stat.source!r}"),
        )


def _is_iso_date(text: str) -> bool:
    try:
        if re.fullmatch(r"\d{4}(-\d{2})?", text, re.ASCII):
            Period.parse(text)
        else:
            date.fromisoformat(text)
    except (PeriodError, ValueError):
        return False
    return True


def _statistic_identity(stat: Statistic) -> tuple[object, ...]:
    """What a figure is a figure of: two statistics with the same identity conflict."""
    return (
        stat.period,
        stat.source,
        stat.occupation,
        stat.measure,
        stat.industry,
        stat.setting,
        stat.experience,
        stat.percentile,
        stat.accreditor,
    )


def _statistic_order(stat: Statistic) -> tuple[object, ...]:
    """The same order as `Statistic`'s comparisons, computed once per record."""
    identity = _statistic_identity(stat)
    return (
        *identity[:4],
        *map(_none_first, identity[4:]),  # the qualifiers, which may be None
        stat.value,
        _none_first(stat.value_high),
        stat.unit,
        stat.bound,
    )


def _by_id(record: Any) -> str:  # noqa: ANN401 - any entity
    return str(record.id)


_IDENTITY: Final[dict[str, Callable[[Any], object]]] = {
    "organizations": _by_id,
    "sources": _by_id,
    "occupations": _by_id,
    "credentials": _by_id,
    "industries": _by_id,
    "cpi_u": lambda row: row.year,
    "statistics": _statistic_identity,
}
"""What must be unique in each collection (facts may repeat a statement)."""

_ORDER: Final[dict[str, Callable[[Any], Any]]] = {
    "organizations": _by_id,
    "sources": _by_id,
    "occupations": _by_id,
    "credentials": _by_id,
    "industries": _by_id,
    "statistics": _statistic_order,
    "facts": lambda fact: (
        _none_first(fact.period),
        fact.source,
        fact.occupation,
        fact.topic,
        fact.text,
    ),
    "cpi_u": lambda row: row.year,
}
"""Sort keys matching each class's attrs ordering (much faster than its __lt__)."""


def read_data(root: Traversable) -> Data:
    """Read and validate the data directory *root*.

    Raises:
        DataError: listing every problem found, each with its file and path.
    """
    reader = _Reader(root)
    manifest = read_manifest(root, FILES)
    if isinstance(manifest, Problem):
        reader.problems.append(manifest)
    read: dict[str, list[tuple[int, Any]] | None] = {
        name: reader.records(name, cls) for name, cls in COLLECTIONS.items()
    }
    loaded: dict[str, list[tuple[int, Any]]] = {
        name: records or [] for name, records in read.items()
    }
    unreadable = {name for name, records in read.items() if records is None}
    _Checker(reader, loaded, unreadable).run()
    if reader.problems or isinstance(manifest, Problem):
        raise DataError(reader.problems)
    return Data(
        manifest=manifest,
        **{
            name: tuple(sorted((record for _, record in records), key=_ORDER[name]))
            for name, records in loaded.items()
        },
    )
