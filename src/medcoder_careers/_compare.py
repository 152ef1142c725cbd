"""`Comparison`: how one statistic differs from another; the rules of `compare` (and `inflate`).

The rules, in one place (each public docstring repeats the ones it uses):

Arithmetic
    Decimal throughout, in a private context (28 significant digits,
    ``ROUND_HALF_EVEN``) that the caller's `decimal` context does not
    affect. ``change`` is exact. Every other figure (a value in constant
    dollars, ``ratio``, ``percent_change``, ``years``, ``annualized_percent``)
    is rounded once to 28 significant digits and is *not* rounded to places:
    round for display, e.g. ``round(c.percent_change, 1)``.

Periods and ``years``
    A period stands at its midpoint: a year ``"2004"`` at 1 July 2004
    (2004.5), a month ``"2018-05"`` at mid-May (2018 + 4.5/12), an interval
    ``"2008/2018"`` at the middle of its span. ``years`` is the signed
    distance from ``a``'s midpoint to ``b``'s, in years of twelve equal
    months: 2004 to 2018-05 is 13.875 years. Years and months compare with
    each other; an interval (a projection over a span) compares only with an
    interval of the same length, since a change over ten years is not one
    over five.

Bounds
    ``bound`` says where the true ``change`` lies relative to the stated one.
    ``b``'s bound carries over as it is; ``a``'s is turned round, since ``a``
    is subtracted ("more than" in ``a`` makes the change "less than").
    Combined: two equal bounds keep that bound; ``exact`` with another keeps
    the other; anything else (opposite directions, or ``approximate`` with a
    direction) is ``approximate``: not exact, and no direction guaranteed.
    A top-coded ``at_least`` figure counts as ``more_than`` (a lower bound;
    the vocabulary has no "at most" to turn it into).
    The bound holds for ``ratio``, ``percent_change`` and
    ``annualized_percent`` as well when ``a``'s value is positive.

Ranges
    A stated range (``value`` .. ``value_high``) compares only with another
    range. The comparison is of the low ends; ``high`` holds the same
    comparison of the high ends.

Occupational definitions
    Figures of different definitions (SOC codes counted) are compared, not
    refused, but ``definition_changed`` is True, also when only one side
    names its definition.

Inflation (``real=True`` and `inflate`)
    CPI-U annual averages (U.S. city average, all items, 1982-84=100),
    packaged with the `Source` ``"cpi-u"``. A month uses its year's annual
    average; an amount moves from year ``f`` to year ``t`` as
    ``amount * CPI[t] / CPI[f]``. A year with no packaged average raises
    `CpiError`.
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import TYPE_CHECKING, Final

import attrs

from . import _inflation as inflation
from ._errors import ArgumentIncomparableError, IncomparableError, shown
from ._inflation import CONTEXT as _CONTEXT
from ._inflation import EXACT as _EXACT
from ._inflation import PRECISION
from ._model import CpiAnnualAverage, Statistic
from ._period import Period, PeriodKind
from ._vocab import DOLLAR_UNITS, Bound

if TYPE_CHECKING:
    from ._inflation import CpiTable

__all__ = ["PRECISION", "Comparison", "compare"]

_QUALIFIERS: Final = (
    "measure",
    "unit",
    "percentile",
    "industry",
    "setting",
    "experience",
    "accreditor",
    "coverage",
)
_TURNED: Final = {
    Bound.EXACT: Bound.EXACT,
    Bound.APPROXIMATE: Bound.APPROXIMATE,
    Bound.MORE_THAN: Bound.LESS_THAN,
    Bound.LESS_THAN: Bound.MORE_THAN,
}


@attrs.frozen(kw_only=True)
class Comparison:
    """How statistic ``b`` differs from statistic ``a``; made by `compare`.

    Every figure reads "from ``a`` to ``b``": ``change`` is ``b - a``, and
    ``years`` is negative when ``b`` is the earlier. The module's rules on
    rounding, periods, bounds, ranges and definitions apply (see `compare`).

    Attributes:
        a: The first statistic, as given.
        b: The second statistic, as given.
        real: Whether dollar amounts are in constant dollars of ``price_year``.
        value_a: The figure compared for ``a``: its ``value`` (the low end
            of a range), in constant dollars when ``real``.
        value_b: The same for ``b``.
        change: ``value_b - value_a``, in the statistics' unit; exact.
        percent_change: ``change`` as a percent of ``|value_a|`` (so it has
            the sign of ``change``); None when ``value_a`` is zero.
        ratio: ``value_b / value_a``; None when ``value_a`` is zero.
        years: Signed years from ``a``'s period to ``b``'s, midpoint to
            midpoint.
        annualized_percent: The compound annual rate ``r`` (in percent) with
            ``value_a * (1 + r/100) ** years == value_b``; None when
            ``years`` is zero or ``ratio`` is not positive.
        bound: Where the true ``change`` lies relative to ``change``.
        definition_changed: Whether ``a`` and ``b`` count different
            occupational definitions (or only one names its definition).
        price_year: The year whose dollars ``value_a`` and ``value_b`` are
            in when ``real`` (the later of the two periods' years), else None.
        cpi: The CPI-U annual averages used for ``a`` and for ``b``, in that
            order, each with its citation; None unless ``real``.
        high: For two ranges, the same comparison of their high ends
            (``value_a`` and ``value_b`` are the ``value_high``); else None.
    """

    a: Statistic
    b: Statistic
    real: bool
    value_a: Decimal
    value_b: Decimal
    change: Decimal
    percent_change: Decimal | None
    ratio: Decimal | None
    years: Decimal
    annualized_percent: Decimal | None
    bound: Bound
    definition_changed: bool
    price_year: int | None = None
    cpi: tuple[CpiAnnualAverage, CpiAnnualAverage] | None = None
    high: Comparison | None = None


def compare(a: Statistic, b: Statistic, *, real: bool, cpi_table: CpiTable) -> Comparison:
    """Compare statistic *b* with statistic *a* (see `mc.compare`, the rules above).

    *cpi_table* returns the CPI-U annual averages by year; it is called
    once the statistics and *real* are found valid, and raises for a bad
    catalog.

    Raises:
        ArgumentError: *a* or *b* is not a `Statistic`, or *real* not a bool.
        IncomparableError: the two cannot be compared (see `mc.compare`).
        CpiError: with ``real``, a period's year has no CPI-U annual average.
    """
    _check_statistic(a, "a")
    _check_statistic(b, "b")
    if not isinstance(real, bool):
        msg = f"real must be True or False, got {shown(real)}"
        raise ArgumentIncomparableError(msg)
    table = cpi_table()
    _check_comparable(a, b)
    years = _years(a.period, b.period)
    bound = _change_bound(_bound(a), _bound(b))
    cpi: tuple[CpiAnnualAverage, CpiAnnualAverage] | None = None
    base: CpiAnnualAverage | None = None
    if real:
        if a.unit not in DOLLAR_UNITS:
            msg = f"real=True adjusts dollar amounts only; these are in {a.unit}"
            raise IncomparableError(msg)
        cpi = (
            inflation.cpi(table, inflation.cpi_year(a.period)),
            inflation.cpi(table, inflation.cpi_year(b.period)),
        )
        base = max(cpi, key=lambda row: row.year)

    def constant(number: Decimal, side: int) -> Decimal:
        return number if cpi is None or base is None else inflation.adjust(number, cpi[side], base)

    try:
        high = None
        if a.value_high is not None and b.value_high is not None:
            high = _build(
                a,
                b,
                constant(a.value_high, 0),
                constant(b.value_high, 1),
                years=years,
                bound=bound,
                cpi=cpi,
            )
        return _build(
            a,
            b,
            constant(a.value, 0),
            constant(b.value, 1),
            years=years,
            bound=bound,
            cpi=cpi,
            high=high,
        )
    except decimal.DecimalException as exc:  # Overflow: an exponent past Decimal's range
        msg = f"the values are too large or too small to compare ({type(exc).__name__})"
        raise IncomparableError(msg) from None


# -- checks ---------------------------------------------------------------


def _check_statistic(stat: object, name: str) -> None:
    if not isinstance(stat, Statistic):
        msg = f"compare takes two Statistic objects; {name} is a {type(stat).__name__}"
        raise ArgumentIncomparableError(msg)
    for field in ("value", "value_high"):
        number = getattr(stat, field)
        if field == "value_high" and number is None:
            continue
        if not isinstance(number, Decimal) or not number.is_finite():
            msg = f"{name}.{field} is not a finite Decimal: {shown(number)}"
            raise ArgumentIncomparableError(msg)
    if not isinstance(stat.period, Period):
        msg = f"{name}.period is not a Period: {shown(stat.period)}"
        raise ArgumentIncomparableError(msg)


def _show(value: object) -> str:
    if value is None:
        return "none"
    return repr(str(value)) if isinstance(value, str) else shown(value)


def _check_comparable(a: Statistic, b: Statistic) -> None:
    differences = [
        f"{field} differs ({_show(getattr(a, field))} vs {_show(getattr(b, field))})"
        for field in _QUALIFIERS
        if getattr(a, field) != getattr(b, field)
    ]
    if a.is_range != b.is_range:
        which = "a" if a.is_range else "b"
        differences.append(f"value_high differs (only {which} is a range)")
    if differences:
        msg = "cannot compare these statistics: " + "; ".join(differences)
        raise IncomparableError(msg)


def _bound(stat: Statistic) -> Bound:
    try:
        bound = Bound(stat.bound)
    except ValueError:
        msg = f"{shown(stat.bound)} is not a Bound"
        raise IncomparableError(msg) from None
    return Bound.MORE_THAN if bound is Bound.AT_LEAST else bound


def _change_bound(a: Bound, b: Bound) -> Bound:
    """Return where the true ``b - a`` lies, given where the true a and b lie."""
    from_a = _TURNED[a]
    if from_a is b or b is Bound.EXACT:
        return from_a
    if from_a is Bound.EXACT:
        return b
    return Bound.APPROXIMATE


# -- periods --------------------------------------------------------------


def _twice_midpoint(period: Period) -> int:
    """Return the period's midpoint in half months since the year 0."""
    start = period.start_year * 12 + period.start_month - 1
    end = period.end_year * 12 + period.end_month
    return start + end


def _years(a: Period, b: Period) -> Decimal:
    a_span = a.kind is PeriodKind.INTERVAL
    b_span = b.kind is PeriodKind.INTERVAL
    if a_span != b_span:
        msg = (
            f"cannot compare a figure for {a} with one for {b}: an interval "
            "compares only with an interval of the same length"
        )
        raise IncomparableError(msg)
    if a_span and a.end_year - a.start_year != b.end_year - b.start_year:
        msg = f"cannot compare the intervals {a} and {b}: their lengths differ"
        raise IncomparableError(msg)
    return _CONTEXT.divide(Decimal(_twice_midpoint(b) - _twice_midpoint(a)), 24)


# -- figures --------------------------------------------------------------


def _build(  # noqa: PLR0913 - every field of the result
    a: Statistic,
    b: Statistic,
    value_a: Decimal,
    value_b: Decimal,
    *,
    years: Decimal,
    bound: Bound,
    cpi: tuple[CpiAnnualAverage, CpiAnnualAverage] | None,
    high: Comparison | None = None,
) -> Comparison:
    change = _EXACT.subtract(value_b, value_a)
    ratio = percent = annualized = None
    if not value_a.is_zero():
        ratio = _CONTEXT.divide(value_b, value_a)
        percent = _CONTEXT.scaleb(_CONTEXT.divide(change, value_a.copy_abs()), 2)
        if ratio > 0 and not years.is_zero():
            growth = _CONTEXT.exp(_CONTEXT.divide(_CONTEXT.ln(ratio), years))
            annualized = _CONTEXT.scaleb(_CONTEXT.subtract(growth, 1), 2)
    return Comparison(
        a=a,
        b=b,
        real=cpi is not None,
        value_a=value_a,
        value_b=value_b,
        change=change,
        percent_change=percent,
        ratio=ratio,
        years=years,
        annualized_percent=annualized,
        bound=bound,
        definition_changed=a.definition != b.definition,
        price_year=None if cpi is None else max(row.year for row in cpi),
        cpi=cpi,
        high=high,
    )
