"""`Series`: one figure per reference period, drawn from every source that states one."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs

from ._display import cited_html, escaped, figure_text, html_table
from ._errors import ArgumentError, NotFound
from ._filters import ANY, QUALIFIERS
from ._model import NATION, Statistic
from ._names import OCCUPATION, Names, close_matches, enum_member
from ._period import Period
from ._query import Query
from ._vocab import WAGE_MEASURES, Bound, Coverage, Measure, Unit

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparison

__all__ = ["Series", "SeriesPoint", "build_series", "series"]

_MEDIAN: Final = 50
_SERIES_QUALIFIERS: Final = ("area", *QUALIFIERS)


def _period_text(period: Period) -> str:
    return str(period)


def _points(points: Iterable[SeriesPoint]) -> tuple[SeriesPoint, ...]:
    return tuple(points)


def _statistics(statistics: Iterable[Statistic]) -> tuple[Statistic, ...]:
    return tuple(statistics)


@attrs.frozen(kw_only=True, order=True)
class SeriesPoint:
    """The figure a `Series` gives for one period, and the figures it outranked.

    Attributes:
        period: The reference period.
        statistic: The figure of the newest source stating one for the period.
        alternatives: The figures other (older) sources state for the same
            period, newest first.
    """

    period: Period
    statistic: Statistic = attrs.field(order=False)
    alternatives: tuple[Statistic, ...] = attrs.field(
        order=False, default=(), converter=_statistics
    )

    @property
    def value(self) -> Decimal:
        """The winning figure's value."""
        return self.statistic.value

    @property
    def unit(self) -> Unit:
        """The winning figure's unit."""
        return self.statistic.unit

    @property
    def bound(self) -> Bound:
        """How the winning figure's source bounds it ("about", "more than", ...)."""
        return self.statistic.bound

    @property
    def source(self) -> str:
        """The id of the source the winning figure came from."""
        return self.statistic.source


@attrs.frozen(kw_only=True)
class Series:
    """One measure of one occupation over time: exactly one point per period.

    Where two sources state a figure for the same period, the newest source
    wins and the others are kept as the point's ``alternatives``. Iterating
    gives the points in period order; ``len`` counts them.

    Figures of different occupational definitions (``Statistic.definition``,
    e.g. ``"29-2071"`` under the 2000 and 2010 SOC, ``"29-2072+29-9021"``
    under the 2018 SOC) are not strictly one series: ``breaks`` lists the
    periods where the definition changes, so a user sees the seam.

    Attributes:
        occupation: The occupation's id.
        measure: What the figures measure.
        points: The points, in period order.
    """

    occupation: str
    measure: Measure
    points: tuple[SeriesPoint, ...] = attrs.field(converter=_points)

    @points.validator
    def _one_per_period(
        self, _: attrs.Attribute[tuple[SeriesPoint, ...]], value: tuple[SeriesPoint, ...]
    ) -> None:
        periods = [point.period for point in value]
        if periods != sorted(set(periods)):
            msg = "a series has one point per period, in period order"
            raise ArgumentError(msg)

    def _repr_html_(self) -> str:
        """Return the series as an HTML table (Jupyter), each figure's source under it."""
        rows = []
        breaks = set(self.breaks)
        previous: str | None = None
        for point in self.points:
            definition = point.statistic.definition
            if point.period in breaks:
                before, after = previous or "not stated", definition or "not stated"
                rows.append([f"<b>definition changes: {escaped(before)} → {escaped(after)}</b>"])
            text = cited_html(figure_text(point.statistic), point.statistic.citation)
            others = str(len(point.alternatives))
            cells = (point.source, definition or "-")
            rows.append([str(point.period), text, *map(escaped, cells), others])
            previous = definition
        caption = f"{self.measure.value} of {self.occupation}"
        headers = ["period", "figure", "source", "definition", "others"]
        return html_table(headers, rows, caption=caption, foot="others: sources outranked")

    def __iter__(self) -> Iterator[SeriesPoint]:
        """Iterate over the points in period order."""
        return iter(self.points)

    def __len__(self) -> int:
        """Return the number of points (periods)."""
        return len(self.points)

    @property
    def periods(self) -> tuple[Period, ...]:
        """The periods, in order."""
        return tuple(point.period for point in self.points)

    @property
    def definitions(self) -> tuple[str | None, ...]:
        """Each point's occupational definition, in period order (None: not stated)."""
        return tuple(point.statistic.definition for point in self.points)

    @property
    def breaks(self) -> tuple[Period, ...]:
        """The periods whose definition differs from the previous point's.

        A point whose source states no definition differs from one that
        does: joining them is a seam too, so it is flagged.
        """
        return tuple(
            after.period
            for before, after in itertools.pairwise(self.points)
            if before.statistic.definition != after.statistic.definition
        )

    def latest(self) -> SeriesPoint:
        """Return the point of the latest period.

        Raises:
            NotFound: the series has no point.
        """
        if not self.points:
            key = "latest"
            raise NotFound(key, "series point")
        return self.points[-1]

    def at(self, period: str | Period) -> SeriesPoint:
        """Return the point of *period* (a `Period` or its text, ``"2008-05"``).

        The period must match exactly: ``"2008"`` is not ``"2008-05"``.

        Raises:
            NotFound: the series has no point for *period* (the periods it
                has are the suggestions).
            PeriodError: *period* is not a period.
        """
        wanted = period if isinstance(period, Period) else Period.parse(period)
        for point in self.points:
            if point.period == wanted:
                return point
        raise NotFound(period, "series point", suggestions=map(_period_text, self.periods))


def build_series(
    occupation: str,
    measure: Measure,
    statistics: Iterable[Statistic],
    rank: Callable[[str], SupportsRichComparison],
) -> Series:
    """Group *statistics* by period into a `Series`, the best-ranked source winning.

    Args:
        occupation: The occupation id the series is of.
        measure: The measure the series is of.
        statistics: The figures, already restricted to one occupation,
            measure and set of qualifiers.
        rank: A source id's standing, greatest winning (ties go to the
            greater source id, then the greater statistic).

    Returns:
        The series, one point per distinct period.
    """
    by_period: dict[Period, list[Statistic]] = {}
    for statistic in statistics:
        by_period.setdefault(statistic.period, []).append(statistic)
    points = []
    for period in sorted(by_period):
        ranked = sorted(by_period[period], key=lambda s: (rank(s.source), s.source, s))
        ranked.reverse()
        points.append(SeriesPoint(period=period, statistic=ranked[0], alternatives=ranked[1:]))
    return Series(occupation=occupation, measure=measure, points=points)


def _qualifier_text(statistic: Statistic) -> str:
    given = [
        f"{name}={getattr(statistic, name)!r}"
        for name in QUALIFIERS
        if name != "definition" and getattr(statistic, name) is not None
    ]
    return ", ".join(given) or "no qualifiers"


def series(
    query: Query, names: Names, occupation: object, measure: object, qualifiers: dict[str, object]
) -> Series:
    """Return one measure of one occupation over time (see `Catalog.series`).

    Raises:
        NotFound: the occupation, measure or a qualifier names nothing; a
            qualifier's name is unknown; or the occupation has figures of
            the measure, but none with these qualifiers.
        ArgumentError: `ANY` for a qualifier other than ``definition``.
    """
    occupation_id = names.find(OCCUPATION, occupation).id
    wanted_measure = enum_member(Measure, measure, "measure")
    for name in qualifiers:
        if name not in _SERIES_QUALIFIERS:
            close = close_matches(name, _SERIES_QUALIFIERS, 3)
            raise NotFound(name, "qualifier", suggestions=close or _SERIES_QUALIFIERS)
    given: dict[str, object] = dict.fromkeys(QUALIFIERS)
    given |= {"area": NATION, "definition": ANY}
    if wanted_measure in WAGE_MEASURES:
        given["percentile"] = _MEDIAN
    if wanted_measure is Measure.EMPLOYMENT:  # never a line joining the two counts of jobs
        given["coverage"] = Coverage.WAGE_AND_SALARY
    given |= qualifiers
    for name, value in given.items():
        if value is ANY and name != "definition":
            msg = f"a series is one slice: give {name} a value or None, not ANY"
            raise ArgumentError(msg)
    whole = {"occupation": occupation_id, "measure": wanted_measure}
    found = query.select(query.wanted(whole | given))
    if not found:
        others = query.select(query.wanted({**whole, "area": given["area"]}))
        if others:
            text = ", ".join(
                f"{k}={v!r}" for k, v in given.items() if v is not None and v is not ANY
            )
            key = f"{wanted_measure} of {occupation_id} with {text or 'no qualifiers'}"
            raise NotFound(key, "series", suggestions=sorted({_qualifier_text(s) for s in others}))
    return build_series(occupation_id, wanted_measure, found, query.rank().__getitem__)
