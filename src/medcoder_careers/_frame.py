"""`to_frame()`: statistics as a pandas DataFrame (the optional ``pandas`` extra).

pandas is imported inside the function only, so ``import medcoder_careers``
never loads it.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

from ._errors import ArgumentError, DependencyError
from ._model import Statistic
from ._vocab import Bound, Measure, Unit

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["to_frame"]

_TEXT: Final = (
    "source",
    "occupation",
    "industry",
    "setting",
    "experience",
    "accreditor",
    "descriptor",
    "definition",
)


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


def to_frame(statistics: Iterable[Statistic]) -> pd.DataFrame:
    """Return *statistics* as a pandas DataFrame, one row per statistic.

    Needs the optional extra: ``pip install "medcoder-careers[pandas]"``.

    Columns, in this order, with their dtypes:

    - ``period`` (``string``, ISO 8601 text), ``period_start`` and
      ``period_end`` (``Int64``, the first and last year covered);
    - ``measure``, ``unit``, ``bound`` (``category``, every member of the
      vocabulary as a category, so frames concatenate cleanly);
    - ``value``, ``value_high`` (``Float64``; exact decimals are in
      ``Statistic.value``);
    - ``percentile`` (``Int64``, missing where it does not apply);
    - ``source``, ``occupation``, ``industry``, ``setting``, ``experience``,
      ``accreditor``, ``descriptor``, ``definition``, ``citation_source``,
      ``citation_quote`` (``string``, missing where None).

    >>> frame = to_frame(catalog().stats(measure="annual_wage"))  # doctest: +SKIP
    >>> frame.groupby("period")["value"].max()  # doctest: +SKIP

    Args:
        statistics: Any statistics, e.g. the result of `Catalog.stats`.

    Returns:
        A `pandas.DataFrame` (empty, with every column, when no statistic is given).

    Raises:
        DependencyError: pandas is not installed.
        ArgumentError: *statistics* is not an iterable (None, a number), is
            text or a mapping, or holds an item that is not a `Statistic`.
    """
    stats = _statistics(statistics)
    pd = _pandas()
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
    for name in _TEXT:
        columns[name] = pd.array([getattr(s, name) for s in stats], dtype="string")
    columns["citation_source"] = pd.array([s.citation.source for s in stats], dtype="string")
    columns["citation_quote"] = pd.array([s.citation.quote for s in stats], dtype="string")
    return pd.DataFrame(columns)
