"""`to_frame()`: statistics as a pandas DataFrame (the optional ``pandas`` extra).

pandas is imported inside the function only, so ``import medcoder_careers``
never loads it. A frame is made from the public API of a `Catalog`: this
module stands above the catalog, like the command line.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

from ._catalog import Catalog, statistics_columns
from ._catalog import catalog as packaged
from ._data.table import Columns, columns_of
from ._errors import ArgumentError, DependencyError
from ._filters import FILTERS
from ._model import Statistic
from ._vocab import Bound, Measure, Unit

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["to_frame"]

_TEXT: Final = (
    "source",
    "edition",
    "occupation",
    "area",
    "area_name",
    "industry",
    "setting",
    "experience",
    "accreditor",
    "descriptor",
    "definition",
    "rse",
)
_FILTER_NAMES: Final = frozenset(f.name for f in FILTERS)


def _pandas() -> Any:  # noqa: ANN401 - the module, typed only where pandas-stubs exist
    try:
        return importlib.import_module("pandas")
    except ImportError:
        msg = (
            "to_frame() needs pandas, which is not installed; "
            "install it with: pip install 'medcoder-careers[pandas]'"
        )
        raise DependencyError(msg) from None


def _statistics(statistics: object) -> tuple[Statistic, ...]:
    """Return *statistics* as a tuple, or raise ArgumentError saying what it is instead."""
    expected = "statistics must be Statistic records, e.g. the result of Catalog.stats()"
    if isinstance(statistics, str | bytes | Mapping) or not isinstance(statistics, Iterable):
        msg = f"{expected}; got {type(statistics).__name__}"
        raise ArgumentError(msg)
    stats = tuple(statistics)
    for item in stats:
        if not isinstance(item, Statistic):
            msg = f"{expected}; got a {type(item).__name__} among them"
            raise ArgumentError(msg)
    return stats


def to_frame(
    statistics: Iterable[Statistic] | None = None,
    *,
    catalog: Catalog | None = None,
    **filters: object,
) -> pd.DataFrame:
    """Return statistics as a pandas DataFrame, one row per statistic.

    Give the statistics (any iterable of them, e.g. a `Catalog.stats`
    result), or leave *statistics* out and give `Catalog.stats` filters:
    ``to_frame(occupation="medical coder", measure="annual_wage",
    area="CA")``. Needs the optional extra: ``pip install
    "medcoder-careers[pandas]"``.

    Columns, in this order, with their dtypes:

    - ``period`` (``string``, ISO 8601 text), ``period_start`` and
      ``period_end`` (``Int64``, the first and last year covered);
    - ``measure``, ``unit``, ``bound`` (``category``, every member of the
      vocabulary as a category, so frames concatenate cleanly);
    - ``value``, ``value_high`` (``Float64``; exact decimals are in
      ``Statistic.value``);
    - ``percentile`` (``Int64``, missing where it does not apply);
    - ``source``, ``edition`` (the source's handbook edition),
      ``occupation``, ``area``, ``area_name``, ``industry``, ``setting``,
      ``experience``, ``accreditor``, ``descriptor``, ``definition``,
      ``rse``, ``citation_source``, ``citation_quote``, ``citation_locator``
      (``string``, missing where None).

    >>> import medcoder_careers as mc
    >>> frame = mc.to_frame(measure="annual_wage", area="CA")  # doctest: +SKIP
    >>> frame.groupby("period")["value"].max()  # doctest: +SKIP

    Args:
        statistics: The statistics; None to select them with *filters*.
        catalog: The catalog the filters select from, and whose sources and
            areas name the edition and area columns (default: the packaged one).
        **filters: `Catalog.stats` filters, used when *statistics* is None.

    Returns:
        A `pandas.DataFrame` (empty, with every column, when no statistic is given).

    Raises:
        DependencyError: pandas is not installed.
        ArgumentError: *statistics* is not an iterable (a number), is text or
            a mapping, or holds an item that is not a `Statistic`; a filter
            name is unknown; filters are given with *statistics*; or
            *catalog* is not a `Catalog`.

    .. versionchanged:: 2026.2.0 the `Catalog.stats` filters, and the
       ``edition``, ``area``, ``area_name``, ``rse`` and ``citation_locator`` columns.
    """
    if catalog is None:
        catalog = packaged()
    elif not isinstance(catalog, Catalog):
        msg = f"catalog must be a Catalog, got {type(catalog).__name__}"
        raise ArgumentError(msg)
    unknown = sorted(set(filters) - _FILTER_NAMES)
    if unknown:
        msg = f"unknown filter {unknown[0]!r}; filters are: {', '.join(sorted(_FILTER_NAMES))}"
        raise ArgumentError(msg)
    if statistics is None:
        columns = statistics_columns(catalog, filters)  # the tables' rows, no Statistic made
    elif filters:
        msg = "give statistics or filters, not both"
        raise ArgumentError(msg)
    else:
        columns = columns_of(_statistics(statistics))
    return _frame(_pandas(), columns, catalog)


def _frame(pd: Any, columns: Columns, catalog: Catalog) -> pd.DataFrame:  # noqa: ANN401 - the pandas module
    """Return the frame of statistics given as `Columns`.

    A column of few distinct values (the period, measure, source, ...) is
    made from its distinct objects, each converted once (`_Distinct`), the
    others from their lists as they are.
    """
    np = importlib.import_module("numpy")
    sources, areas = catalog.sources, catalog.areas
    periods = _Distinct(pd, np, columns["period"])
    frame: dict[str, Any] = {
        "period": _strings(pd, periods.each(str)),
        "period_start": pd.array(periods.each(lambda p: p.start_year, "int64"), dtype="Int64"),
        "period_end": pd.array(periods.each(lambda p: p.end_year, "int64"), dtype="Int64"),
    }
    for name, vocabulary in (("measure", Measure), ("unit", Unit), ("bound", Bound)):
        codes = {member: i for i, member in enumerate(vocabulary)}
        frame[name] = pd.Categorical.from_codes(
            _Distinct(pd, np, columns[name]).each(codes.__getitem__, "int64"),
            categories=[member.value for member in vocabulary],
        )
    frame["value"] = pd.array(
        np.fromiter(map(float, columns["value"]), dtype="float64", count=len(columns["value"])),
        dtype="Float64",
    )
    frame["value_high"] = _Distinct(pd, np, columns["value_high"]).masked(float, "float64")
    frame["percentile"] = _Distinct(pd, np, columns["percentile"]).masked(int, "int64")
    derived: dict[str, Callable[[], Any]] = {
        "edition": lambda: _Distinct(pd, np, columns["source"]).each(
            lambda s: getattr(sources.get(s), "edition", None)
        ),
        "area_name": lambda: _Distinct(pd, np, columns["area"]).each(
            lambda a: getattr(areas.get(a), "name", None)
        ),
        "rse": lambda: _Distinct(pd, np, columns["rse"]).each(
            lambda r: None if r is None else str(r)
        ),
    }
    for name in (*_TEXT, "citation_source", "citation_quote", "citation_locator"):
        make = derived.get(name)
        frame[name] = _strings(pd, make() if make else columns[name])
    return pd.DataFrame(frame, copy=False)


class _Distinct:
    """A column's distinct objects (by identity: its records share them), and where each stands."""

    def __init__(self, pd: Any, np: Any, values: list[Any]) -> None:  # noqa: ANN401 - pandas, numpy
        """Find the distinct objects of *values*."""
        self._np = np
        ids = np.fromiter(map(id, values), dtype=np.uintp, count=len(values))
        self.codes, _ = pd.factorize(ids)  # each value's distinct object, first seen first
        firsts = np.unique(self.codes, return_index=True)[1]
        self.objects = [values[i] for i in firsts.tolist()]

    def each(self, convert: Callable[[Any], object], dtype: str = "object") -> Any:  # noqa: ANN401 - a numpy array
        """Return each value converted (once per distinct object), as an array of *dtype*."""
        converted = self._np.array([convert(value) for value in self.objects], dtype=dtype)
        return converted[self.codes] if len(self.codes) else converted[:0]

    def masked(self, convert: Callable[[Any], object], dtype: str) -> Any:  # noqa: ANN401 - pandas
        """Return a nullable pandas array of each value converted, None missing."""
        np = self._np
        values = np.array(
            [0 if value is None else convert(value) for value in self.objects], dtype=dtype
        )
        missing = np.array([value is None for value in self.objects], dtype=bool)
        codes = self.codes
        if not len(codes):
            values, missing = values[:0], missing[:0]
        else:
            values, missing = values[codes], missing[codes]
        kind = "Float64" if dtype.startswith("float") else "Int64"
        array_type = importlib.import_module("pandas.arrays")
        made = array_type.FloatingArray if kind == "Float64" else array_type.IntegerArray
        return made(values, missing)


def _strings(pd: Any, values: Any) -> Any:  # noqa: ANN401 - pandas objects
    """Return a ``string`` array of *values* (None: missing), an all-missing one made quickly."""
    listed = values if isinstance(values, list) else values.tolist()
    if listed and listed.count(None) == len(listed):
        return pd.array([None], dtype="string").take([0] * len(listed))
    return pd.array(values, dtype="string")
