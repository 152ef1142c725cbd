"""Build records of the packaged data without the checks they passed when it was built.

The packaged files were read through the strict converter (`_codec`) and
every check of `strict` when they were built; the build writes their
sha256 into the manifest, and the test suite loads the packaged directory
the strict way (`load`) and compares it with what this module builds.
Checking every value once more each time a program starts costs importing
cattrs, its per-value bookkeeping of problem paths, and each record's
validators: most of the time of a first query, and most of the time of
building many statistics at once. So the packaged data is read here:

- `assemble` is the one place that builds an attrs record *without* running
  its ``__init__`` (validators, ``__attrs_post_init__``). It sets every
  field's slot, as ``__init__`` does, so the record is equal to one built
  the strict way and cannot be told from it: same type, fields, hash,
  repr, order. It is safe only for values that were checked already, which
  is why only the packaged data (the JSON collections here, the table files
  opened ``trusted``) uses it; `load` builds every record the strict way.
- `read_trusted` reads a packaged JSON collection through `assemble`. Should
  anything not fit (a field missing, one the class lacks, a type it cannot
  build), it raises and the caller falls back to the strict reader, which
  names the problem with its file and path (`DataError`).
"""

from __future__ import annotations

import enum
import json
import types
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any, TypeVar, Union, cast, get_args, get_origin

import attrs

from medcoder_careers._errors import Problem
from medcoder_careers._period import Period

from .reads import read_bytes

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["assemble", "read_trusted"]

_T = TypeVar("_T")
_Build = Callable[[Any], Any]


def _slot_setter(cls: type, name: str) -> Callable[[object, object], None]:
    """Return the function that sets the slot *name* of an instance of *cls* (frozen or not)."""
    for klass in cls.__mro__:
        member = klass.__dict__.get(name)
        if member is not None:
            return member.__set__  # type: ignore[no-any-return]  # a slot's member descriptor
    msg = f"{cls.__name__} has no slot {name!r}"  # pragma: no cover - attrs slots every field
    raise TypeError(msg)  # pragma: no cover


def assemble(cls: type[_T]) -> Callable[..., _T]:
    """Return a function building a *cls* from the values of its fields, in field order.

    The record is built as attrs' ``__init__`` builds it (a converter, where
    a field has one, is applied), minus the validators and
    ``__attrs_post_init__``: the values must have been checked already (see
    the module's docstring). *cls* is a slotted attrs class.

    >>> from medcoder_careers._model import Citation
    >>> make = assemble(Citation)
    >>> make("ooh-2010-11", "about $30,610", None) == Citation(
    ...     source="ooh-2010-11", quote="about $30,610")
    True
    """
    return cast("Callable[..., _T]", _assembler(cast("Any", cls)))


@cache
def _assembler(cls: Any) -> Callable[..., Any]:  # noqa: ANN401 - a slotted attrs class
    """`assemble`, one builder per class."""
    fields = attrs.fields(cast("type[attrs.AttrsInstance]", cls))
    names = tuple(field.name for field in fields)
    unrolled = _UNROLLED.get(names)
    if unrolled is not None:
        return unrolled(cls, *(_slot_setter(cls, name) for name in names))
    setters = tuple(_slot_setter(cls, name) for name in names)
    converters = tuple((i, f.converter) for i, f in enumerate(fields) if f.converter is not None)
    new = object.__new__
    count = len(setters)

    def make(*values: object) -> object:
        if len(values) != count:
            msg = f"{cls.__name__} takes {count} values, got {len(values)}"
            raise TypeError(msg)
        record: object = new(cls)
        if converters:
            given = list(values)
            for i, convert in converters:
                given[i] = convert(given[i])
            values = tuple(given)
        for set_slot, value in zip(setters, values, strict=True):
            set_slot(record, value)
        return record

    return make


# The records built by the tens of thousands (a table's statistics and their
# citations) are set slot by slot in straight-line code, about twice as fast
# as the loop of `assemble`; each is chosen by its class's field names, in
# order, so a field added, dropped or moved falls back to that loop.
_Setter = Callable[[object, object], None]


def _statistic(  # noqa: PLR0913, PLR0917 - a setter per field of Statistic
    cls: type[_T],
    set_period: _Setter,
    set_source: _Setter,
    set_occupation: _Setter,
    set_measure: _Setter,
    set_area: _Setter,
    set_industry: _Setter,
    set_setting: _Setter,
    set_experience: _Setter,
    set_percentile: _Setter,
    set_accreditor: _Setter,
    set_value: _Setter,
    set_value_high: _Setter,
    set_unit: _Setter,
    set_bound: _Setter,
    set_definition: _Setter,
    set_coverage: _Setter,
    set_descriptor: _Setter,
    set_rse: _Setter,
    set_citation: _Setter,
) -> Callable[..., _T]:
    new = object.__new__

    def make(  # noqa: PLR0913, PLR0917 - every field of Statistic, in order
        period: object,
        source: object,
        occupation: object,
        measure: object,
        area: object,
        industry: object,
        setting: object,
        experience: object,
        percentile: object,
        accreditor: object,
        value: object,
        value_high: object,
        unit: object,
        bound: object,
        definition: object,
        coverage: object,
        descriptor: object,
        rse: object,
        citation: object,
    ) -> _T:
        record = new(cls)
        set_period(record, period)
        set_source(record, source)
        set_occupation(record, occupation)
        set_measure(record, measure)
        set_area(record, area)
        set_industry(record, industry)
        set_setting(record, setting)
        set_experience(record, experience)
        set_percentile(record, percentile)
        set_accreditor(record, accreditor)
        set_value(record, value)
        set_value_high(record, value_high)
        set_unit(record, unit)
        set_bound(record, bound)
        set_definition(record, definition)
        set_coverage(record, coverage)
        set_descriptor(record, descriptor)
        set_rse(record, rse)
        set_citation(record, citation)
        return record

    return make


def _citation(
    cls: type[_T], set_source: _Setter, set_quote: _Setter, set_locator: _Setter
) -> Callable[..., _T]:
    new = object.__new__

    def make(source: object, quote: object, locator: object) -> _T:
        record = new(cls)
        set_source(record, source)
        set_quote(record, quote)
        set_locator(record, locator)
        return record

    return make


_UNROLLED: dict[tuple[str, ...], Callable[..., Callable[..., Any]]] = {
    (
        "period",
        "source",
        "occupation",
        "measure",
        "area",
        "industry",
        "setting",
        "experience",
        "percentile",
        "accreditor",
        "value",
        "value_high",
        "unit",
        "bound",
        "definition",
        "coverage",
        "descriptor",
        "rse",
        "citation",
    ): _statistic,
    ("source", "quote", "locator"): _citation,
}
"""The straight-line builders, by the field names of the classes they build."""


def _same(value: object) -> object:
    return value


def _builder(hint: Any) -> _Build:  # noqa: ANN401, PLR0911 - a type; one return per kind
    """Return the function that turns the JSON value of type *hint* into its object."""
    if hint is str or hint is int or hint is bool:
        return _same
    if hint is Decimal:
        return Decimal
    if hint is Period:
        return Period.parse
    origin = get_origin(hint)
    if origin is tuple:
        item = _builder(get_args(hint)[0])
        return lambda values: tuple(map(item, values))
    if origin is Union or origin is types.UnionType:
        (inner,) = (arg for arg in get_args(hint) if arg is not type(None))
        build = _builder(inner)
        return lambda value: None if value is None else build(value)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint
    if isinstance(hint, type) and attrs.has(hint):
        return _record_builder(hint)
    msg = f"no direct reader for {hint!r}"
    raise TypeError(msg)


_REQUIRED: Any = object()
"""The default of a field that has none: the JSON must give it."""


@cache
def _record_builder(cls: type) -> _Build:
    if any(isinstance(field.default, attrs.Factory) for field in attrs.fields(cls)):  # type: ignore[arg-type]  # attrs.Factory is a class
        msg = f"no direct reader for {cls.__name__}: a default made by a factory"
        raise TypeError(msg)
    fields = [
        (
            field.name,
            _builder(field.type),
            _REQUIRED if field.default is attrs.NOTHING else field.default,
        )
        for field in attrs.fields(cls)
    ]
    names = frozenset(name for name, _, _ in fields)
    make = _assembler(cls)

    def build(value: dict[str, Any]) -> object:
        if not names.issuperset(value):
            msg = f"{cls.__name__} has no field {sorted(set(value) - names)}"
            raise TypeError(msg)
        values = []
        for name, build_value, default in fields:
            if name in value:
                values.append(build_value(value[name]))
            elif default is _REQUIRED:
                msg = f"{cls.__name__} needs {name}"
                raise TypeError(msg)
            else:
                values.append(default)
        return make(*values)

    return build


def read_trusted(root: Traversable, name: str, cls: type) -> list[Any]:
    """Return the records of the packaged ``<name>.json``, built directly.

    Raises:
        Exception: anything at all when the file does not fit; the caller
            falls back to the strict reader.
    """
    raw = read_bytes(root, f"{name}.json")  # a FIFO or a device refused, unopened
    if isinstance(raw, Problem):
        raise OSError(raw.message)  # the strict reader reports it
    document = json.loads(raw)
    build = _record_builder(cls)
    return [build(item) for item in document[name]]
