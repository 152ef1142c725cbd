"""`to_frame()`: statistics as a pandas DataFrame (the optional ``pandas`` extra).

pandas is imported inside the function only, so ``import medcoder_careers``
never loads it. A frame is made from the public API of a `Catalog`: this
module stands above the catalog, like the command line.
"""

from __future__ import annotations

import importlib
import operator
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

from ._catalog import Catalog
from ._catalog import catalog as packaged
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
        stats = catalog.stats(**filters)  # type: ignore[arg-type]
    elif filters:
        msg = "give statistics or filters, not both"
        raise ArgumentError(msg)
    else:
        stats = _statistics(statistics)
    pd = _pandas()
    sources, areas = catalog.sources, catalog.areas
    columns: dict[str, Any] = {
        "period": pd.array([str(s.period) for s in stats], dtype="string"),
        "period_start": pd.array([s.period.start_year for s in stats], dtype="Int64"),
        "period_end": pd.array([s.period.end_year for s in stats], dtype="Int64"),
    }
    for name, vocabulary in (("measure", Measure), ("unit", Unit), ("bound", Bound)):
        columns[name] = pd.Categorical(
            [getattr(s, name).value for s in stats],
            categories=[member.value for member in vocabulary],
        )
    columns["value"] = pd.array([float(s.value) for s in stats], dtype="Float64")
    columns["value_high"] = pd.array(
        [None if s.value_high is None else float(s.value_high) for s in stats], dtype="Float64"
    )
    columns["percentile"] = pd.array([s.percentile for s in stats], dtype="Int64")
    derived: dict[str, Callable[[Statistic], object]] = {
        "edition": lambda s: getattr(sources.get(s.source), "edition", None),
        "area_name": lambda s: getattr(areas.get(s.area), "name", None),
        "rse": lambda s: None if s.rse is None else str(s.rse),
    }
    for name in _TEXT:
        cell = derived.get(name) or operator.attrgetter(name)
        columns[name] = pd.array([cell(s) for s in stats], dtype="string")
    columns["citation_source"] = pd.array([s.citation.source for s in stats], dtype="string")
    columns["citation_quote"] = pd.array([s.citation.quote for s in stats], dtype="string")
    columns["citation_locator"] = pd.array([s.citation.locator for s in stats], dtype="string")
    return pd.DataFrame(columns)
