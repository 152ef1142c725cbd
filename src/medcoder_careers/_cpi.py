"""CPI-U arithmetic shared by `compare` and `inflate`: amounts, price levels, adjustment.

The Decimal context every figure is rounded in lives here too, so both
modules round alike.
"""

from __future__ import annotations

import decimal
import numbers
import operator
from collections.abc import Mapping
from decimal import Decimal
from typing import Final

from ._catalog import Catalog
from ._catalog import catalog as _packaged_catalog
from ._errors import ArgumentCpiError, CpiError, shown
from ._model import CpiAnnualAverage
from ._period import Period, PeriodKind

__all__ = [
    "CONTEXT",
    "EXACT",
    "PRECISION",
    "adjust",
    "amount",
    "check_catalog",
    "cpi",
    "cpi_table",
    "cpi_year",
]

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
    try:
        amount = _decimal(value)
    except (ArithmeticError, ValueError, TypeError):  # decimal's signals are ArithmeticErrors
        amount = None  # a number type whose conversion fails: not a number to us
    if amount is None or not amount.is_finite():
        msg = f"amount must be a finite number, got {shown(value)}"
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


def check_catalog(catalog: object) -> None:
    if catalog is not None and not isinstance(catalog, Catalog):
        msg = f"catalog must be a Catalog or None, got {type(catalog).__name__}"
        raise ArgumentCpiError(msg)


def cpi_table(catalog: object) -> Mapping[int, CpiAnnualAverage]:
    check_catalog(catalog)
    if not isinstance(catalog, Catalog):
        return _packaged_catalog().cpi_u
    return catalog.cpi_u


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
