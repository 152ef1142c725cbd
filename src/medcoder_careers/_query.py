"""The statistics query: filters read into the values statistics hold, then indexes.

`Catalog.stats` hands every filter here. Each is resolved once (a lookup
key to an id, text to a `Measure`, a `Period`, a percentile) into a
*wanted* pair ``(field, value)``; the statistics of the JSON files are
answered from an index of every field, the statistical tables by an
indexed query on occupation, area and industry, and the rest of the
wanted pairs are tested on the (few) statistics those return. Results are
cached by their wanted pairs, so asking again costs a dictionary look-up.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from types import MappingProxyType
from typing import Final

from ._errors import ArgumentError, PeriodError, shown
from ._filters import ANY, QUALIFIERS
from ._model import Statistic, none_first
from ._period import Period, PeriodKind
from ._table import MEASURES, Table
from ._vocab import PERCENTILES

__all__ = ["StatisticsIndex", "Wanted", "order_key", "percentile", "select_from_tables"]

Wanted = tuple[tuple[str, object], ...]
"""Resolved filters: ``(field, value)`` pairs, ``("year", 2010)`` for a year period."""

YEAR: Final = "year"
"""The pseudo-field of statistics whose period lies within one calendar year."""

_FIELDS: Final = ("occupation", "measure", "source", "period", "area", *QUALIFIERS)
_NOTHING: Final[frozenset[int]] = frozenset()
_PERCENTILE_TEXT: Final = {str(p): p for p in PERCENTILES} | {"median": 50}
_CACHE_SIZE: Final = 4096


def percentile(value: object) -> int:
    """Read a percentile: 10, 25, 50, 75, 90, their text (trimmed, any case) or "median".

    >>> percentile(" Median "), percentile("90"), percentile(25)
    (50, 90, 25)

    Raises:
        ArgumentError: anything else, such as ``"-50"``, ``"(50)"`` or ``51``.
    """
    if isinstance(value, str):
        found = _PERCENTILE_TEXT.get(value.strip().casefold())
        if found is not None:
            return found
    elif isinstance(value, int) and not isinstance(value, bool) and value in PERCENTILES:
        return value
    msg = f"percentile must be 10, 25, 50 (or 'median'), 75 or 90, got {shown(value)}"
    raise ArgumentError(msg)


def order_key(stat: Statistic) -> tuple[object, ...]:
    """The order of `Statistic`'s comparisons, as one tuple (much faster than its ``__lt__``)."""
    return (
        stat.period,
        stat.source,
        stat.occupation,
        stat.measure,
        stat.area,
        none_first(stat.industry),
        none_first(stat.setting),
        none_first(stat.experience),
        none_first(stat.percentile),
        none_first(stat.accreditor),
        stat.value,
        none_first(stat.value_high),
        stat.unit,
        stat.bound,
        none_first(stat.definition),
    )


def _holds(stat: Statistic, wanted: Wanted) -> bool:
    for name, value in wanted:
        if name == YEAR:
            period = stat.period
            if not (period.start_year == period.end_year == value):
                return False
        elif getattr(stat, name) != value:
            return False
    return True


class StatisticsIndex:
    """Every statistic of the JSON files, indexed by each filterable field."""

    __slots__ = ("_positions", "_statistics")

    def __init__(self, statistics: tuple[Statistic, ...]) -> None:
        """Index *statistics* (already in order)."""
        fields: dict[str, dict[object, set[int]]] = {name: {} for name in (*_FIELDS, YEAR)}
        for position, stat in enumerate(statistics):
            for name in _FIELDS:
                fields[name].setdefault(getattr(stat, name), set()).add(position)
            period = stat.period
            if period.start_year == period.end_year:  # a year or a month: within one year
                fields[YEAR].setdefault(period.start_year, set()).add(position)
        self._statistics = statistics
        self._positions: Mapping[str, Mapping[object, frozenset[int]]] = MappingProxyType(
            {
                name: MappingProxyType({value: frozenset(found) for value, found in values.items()})
                for name, values in fields.items()
            }
        )

    def select(self, wanted: Wanted) -> tuple[Statistic, ...]:
        """Return the statistics whose fields equal every wanted value, in order."""
        found = sorted(
            (self._positions[name].get(value, _NOTHING) for name, value in wanted), key=len
        )
        if not found:
            return self._statistics
        return tuple(self._statistics[i] for i in sorted(found[0].intersection(*found[1:])))


def select_from_tables(tables: Sequence[Table], wanted: Wanted) -> list[Statistic]:
    """Return the table statistics matching *wanted*, unordered.

    Occupation, area and industry narrow the rows by index; every other
    wanted value is tested on the statistics of those rows.
    """
    given = dict(wanted)
    found: list[Statistic] = []
    for table in tables:
        if not _may_hold(table, given):
            continue
        occupation = given.get("occupation")
        industry = given.get("industry", ANY)
        rows = table.select(
            occupations=None if occupation is None else (str(occupation),),
            area=None if "area" not in given else str(given["area"]),
            industries=None if industry is ANY else (None if industry is None else str(industry),),
        )
        rest = tuple((k, v) for k, v in wanted if k not in {"occupation", "area", "industry"})
        found += (stat for stat in rows if _holds(stat, rest))
    return found


def _may_hold(table: Table, given: Mapping[str, object]) -> bool:
    """Whether any row of *table* can match: its source, period and kinds of figure."""
    if given.get("source", table.source) != table.source:
        return False
    if "measure" in given and given["measure"] not in MEASURES:
        return False
    period = table.period
    if "period" in given and given["period"] != period:
        return False
    if YEAR in given and not period.start_year == period.end_year == given[YEAR]:
        return False
    # A table's figures have no setting, experience or accreditor.
    return all(given.get(name) is None for name in ("setting", "experience", "accreditor"))


class QueryCache:
    """Results by a hashable key (wanted pairs, or raw arguments), bounded, under a lock."""

    __slots__ = ("_lock", "_results")

    def __init__(self) -> None:
        """Start empty."""
        self._results: dict[Hashable, tuple[Statistic, ...]] = {}
        self._lock = threading.Lock()

    def get(
        self, wanted: Hashable, compute: Callable[[], tuple[Statistic, ...]]
    ) -> tuple[Statistic, ...]:
        """Return the cached result of *wanted*, computing it once."""
        found = self._results.get(wanted)
        if found is None:
            found = compute()
            with self._lock:
                if len(self._results) >= _CACHE_SIZE:
                    self._results.clear()
                found = self._results.setdefault(wanted, found)
        return found


def merge(hand: Iterable[Statistic], tables: Iterable[Statistic]) -> tuple[Statistic, ...]:
    """Return the statistics of both kinds of file in one order."""
    table_stats = list(tables)
    if not table_stats:
        return tuple(hand)
    return tuple(sorted((*hand, *table_stats), key=order_key))


def check_no_none(name: str, value: object) -> None:
    """Refuse None for a filter that has no "absent" value.

    Raises:
        ArgumentError: *value* is None.
    """
    if value is None:
        msg = (
            f"{name}=None: every statistic has a {name}; leave {name} out "
            f"(or pass mc.ANY) not to filter on it"
        )
        raise ArgumentError(msg)


def period_wanted(value: object) -> tuple[str, object]:
    """Read a period filter: a year matches the months within it too.

    Raises:
        PeriodError: *value* is not a period.
    """
    if isinstance(value, Period):
        period = value
    elif isinstance(value, str):
        period = Period.parse(value)
    else:
        msg = f"a period is a Period or its text, got {type(value).__name__}"
        raise PeriodError(msg)
    if period.kind is PeriodKind.YEAR:
        return YEAR, period.start_year
    return "period", period
