"""Dollars of one year in dollars of another: CPI-U price levels, amounts, adjustment.

`inflate` expresses an amount of one period in dollars of another, and
`compare` (``real=True``) uses the same arithmetic. The Decimal context
every figure is rounded in lives here too, so both round alike. The CPI-U
annual averages come from the catalog's data, handed in as a function that
returns them by year (read only when needed).
"""

from __future__ import annotations

import decimal
import numbers
import operator
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Final

from ._errors import ArgumentCpiError, ArgumentPeriodError, CpiError, PeriodError, shown
from ._model import CpiAnnualAverage
from ._period import Period, PeriodKind

__all__ = [
    "CONTEXT",
    "EXACT",
    "PRECISION",
    "CpiTable",
    "adjust",
    "amount",
    "cpi",
    "cpi_year",
    "inflate",
    "read_period",
]

CpiTable = Callable[[], Mapping[int, CpiAnnualAverage]]
"""Returns the CPI-U annual averages by year (raising for a bad catalog)."""

PRECISION: Final = 28
"""Significant digits of every rounded figure `compare` and `inflate` return."""

_TRAPS: Final = [decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow]
CONTEXT: Final = decimal.Context(
    prec=PRECISION,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=decimal.MIN_EMIN,
    Emax=decimal.MAX_EMAX,
    traps=_TRAPS,
)
# Wide enough that the difference of two figures of PRECISION digits is exact.
EXACT: Final = CONTEXT.copy()
EXACT.prec = 4 * PRECISION


def amount(value: object) -> Decimal:
    """Read the amount *value* of `inflate` as a Decimal.

    Raises:
        ArgumentCpiError: *value* is no finite number, or its first digit lies
            more than `PRECISION` places from the decimal point (see `mc.inflate`).
    """
    try:
        amount = _decimal(value)
    except (ArithmeticError, ValueError, TypeError):  # decimal's signals are ArithmeticErrors
        amount = None  # a number type whose conversion fails: not a number to us
    if amount is None or not amount.is_finite():
        msg = f"amount must be a finite number, got {shown(value)}"
        raise ArgumentCpiError(msg)
    # 1E+9999999 would print as ten million digits, and 1E-9999999 too.
    if not -PRECISION <= amount.adjusted() < PRECISION:
        msg = (
            f"amount must be less than 1E+{PRECISION} in size, with its first digit at most "
            f"{PRECISION} places after the point, got {shown(value)}"
        )
        raise ArgumentCpiError(msg)
    return amount


def _decimal(value: object) -> Decimal | None:  # noqa: PLR0911 - one return per kind of number
    """Return *value* as the Decimal its user means, or None when it is no number."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        return None  # True is an int to Python, not an amount of dollars
    if isinstance(value, numbers.Integral):
        return Decimal(operator.index(value))  # an int, a numpy integer
    if isinstance(value, float):  # a Python float, numpy.float64
        return Decimal(repr(float(value)))  # the shortest text: 0.1, not 0.1000000000000000055
    if isinstance(value, numbers.Rational):  # a Fraction: exact, then rounded once
        numerator, denominator = operator.index(value.numerator), operator.index(value.denominator)
        return CONTEXT.divide(Decimal(numerator), Decimal(denominator))
    if isinstance(value, numbers.Real):  # numpy float32 / float16 / longdouble, ...
        return _real(value)
    if isinstance(value, str):
        return Decimal(value.strip())
    return None


def _real(value: numbers.Real) -> Decimal:
    """Read a real of another type as the text it prints (numpy: its shortest digits)."""
    try:
        return Decimal(str(value).strip())
    except decimal.InvalidOperation:
        return Decimal(repr(float(value)))


def cpi_year(period: Period) -> int:
    if period.kind is PeriodKind.INTERVAL:
        msg = f"the interval {period} has no one price level; use a year or a month"
        raise CpiError(msg)
    return period.start_year


def cpi(table: Mapping[int, CpiAnnualAverage], year: int) -> CpiAnnualAverage:
    row = table.get(year)
    if row is None:
        span = f"{min(table)}-{max(table)}" if table else "no years"
        msg = f"no CPI-U annual average for {year}; the CPI-U data cover {span}"
        raise CpiError(msg, year)
    return row


def adjust(value: Decimal, source: CpiAnnualAverage, target: CpiAnnualAverage) -> Decimal:
    if source.year == target.year:
        return value
    return CONTEXT.divide(EXACT.multiply(value, target.value), source.value)


def read_period(value: object, name: str) -> Period:
    """Read the period argument *name*: a `Period`, its text, or a year as an int.

    Raises:
        ArgumentPeriodError: *value* is none of these, or not a valid period.
    """
    if isinstance(value, Period):
        return value
    try:
        if isinstance(value, str):
            return Period.parse(value)
        if isinstance(value, int) and not isinstance(value, bool):
            return Period.year(value)
    except PeriodError as exc:
        msg = f"{name}: {exc}"
        raise ArgumentPeriodError(msg) from None
    msg = f"{name} must be a Period, its text or a year as an int, got {type(value).__name__}"
    raise ArgumentPeriodError(msg)


def inflate(
    value: object, from_period: object, to_period: object, *, cpi_table: CpiTable
) -> Decimal:
    """Express *value* dollars of *from_period* in dollars of *to_period* (see `mc.inflate`).

    Raises:
        ArgumentError: the amount or a period is not valid (see `mc.inflate`).
        CpiError: a year has no CPI-U annual average, or the arithmetic
            fails on the catalog's averages (one of 0).
    """
    dollars = amount(value)
    start = cpi_year(read_period(from_period, "from_period"))
    end = None if to_period is None else cpi_year(read_period(to_period, "to_period"))
    table = cpi_table()
    if end is None:
        if not table:
            msg = "the catalog has no CPI-U annual averages"
            raise CpiError(msg)
        end = max(table)
    source, target = cpi(table, start), cpi(table, end)
    try:
        return adjust(dollars, source, target)
    except decimal.DecimalException as exc:  # a catalog's CPI-U average of 0
        msg = (
            f"cannot adjust {shown(dollars)} with the CPI-U averages {source.value} ({start}) "
            f"and {target.value} ({end}): {type(exc).__name__}"
        )
        raise CpiError(msg) from None
