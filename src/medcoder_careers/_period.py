"""`Period`: the reference period of a figure (a year, a month, or a span of years)."""

from __future__ import annotations

import enum
import re
from typing import Self

import attrs

from ._errors import ArgumentPeriodError, PeriodError, shown

__all__ = ["Period", "PeriodKind"]

_PATTERN = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{2})|/(?P<end>\d{4}))?", re.ASCII)


_MONTHS = range(1, 13)
_ABBREVIATED_SPAN = 20
"""The longest interval "YYYY-YY" is read as: the handbook writes "2008-18" for ten years."""


class PeriodKind(enum.StrEnum):
    """The three forms a period takes."""

    YEAR = "year"
    MONTH = "month"
    INTERVAL = "interval"


def _check_int(value: object, name: str) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        msg = f"{name} must be an int, got {type(value).__name__}"
        raise ArgumentPeriodError(msg)


_FIRST_YEAR, _LAST_YEAR = 1000, 9999  # ISO 8601 four-digit years


def _check_year(year: int) -> None:
    _check_int(year, "a year")
    if not _FIRST_YEAR <= year <= _LAST_YEAR:
        msg = f"year {shown(year)} is not a four-digit year"
        raise PeriodError(msg)


def _not_a_month(text: str, year: int, month: int) -> str:
    """Explain why ``YYYY-MM`` with MM past 12 is refused, with the interval meant if any."""
    # "2008-18": the handbook's way to write the years 2008 to 2018. Read the
    # two digits as the next year that ends in them; suggest that interval only
    # when it is one the handbook would abbreviate so (not "2018-13": 2113).
    end = year // 100 * 100 + month
    end += 100 * (end <= year)
    if end - year <= _ABBREVIATED_SPAN and end <= _LAST_YEAR:
        return (
            f"{shown(text)} is not a month; for the years {year} to {end} "
            f"write the interval '{year}/{end}'"
        )
    return (
        f"{shown(text)} is not a period: month {month} is not between 1 and 12; use a "
        "year ('2004'), a month ('2008-05') or an interval of years ('2008/2018')"
    )


@attrs.frozen(kw_only=True, order=True)
class Period:
    """A reference period: a year, a year and month, or an interval of years.

    The text forms are ISO 8601: ``"2004"``, ``"2008-05"`` and ``"2008/2018"``
    (an interval of whole years, start before end). ``str(period)`` gives
    exactly these forms and `Period.parse` reads them back.

    Periods order by start, then end; so ``2008 < 2008/2018 < 2008-05``
    (the interval starts in January 2008, the month in May).

    >>> Period.parse("2008/2018").end_year
    2018
    >>> sorted(map(Period.parse, ["2008-05", "2008/2018", "2008"]))
    [Period('2008'), Period('2008/2018'), Period('2008-05')]

    Build one with `Period.parse`, `Period.year`, `Period.month` or
    `Period.interval`.

    Attributes:
        start_year: The first year covered.
        start_month: The first month covered (1 for a year or an interval).
        end_year: The last year covered.
        end_month: The last month covered (12 for a year or an interval).
    """

    start_year: int
    start_month: int
    end_year: int
    end_month: int

    def __attrs_post_init__(self) -> None:
        """Reject any combination that is not one of the three forms."""
        _check_year(self.start_year)
        _check_year(self.end_year)
        _check_int(self.start_month, "a month")
        _check_int(self.end_month, "a month")
        if not (self.start_month in _MONTHS and self.end_month in _MONTHS):
            month = next(m for m in (self.start_month, self.end_month) if m not in _MONTHS)
            msg = f"month {shown(month)} is not between 1 and 12"
            raise PeriodError(msg)
        whole_years = self.start_month == _MONTHS[0] and self.end_month == _MONTHS[-1]
        one_month = self.start_year == self.end_year and self.start_month == self.end_month
        if not (whole_years and self.end_year >= self.start_year) and not one_month:
            msg = "a period is a year, a year and month, or an interval of years"
            raise PeriodError(msg)

    @classmethod
    def year(cls, year: int) -> Self:
        """Return the period of one calendar year.

        >>> str(Period.year(2004))
        '2004'
        """
        return cls(start_year=year, start_month=1, end_year=year, end_month=12)

    @classmethod
    def month(cls, year: int, month: int) -> Self:
        """Return the period of one calendar month.

        >>> str(Period.month(2008, 5))
        '2008-05'
        """
        return cls(start_year=year, start_month=month, end_year=year, end_month=month)

    @classmethod
    def interval(cls, start: int, end: int) -> Self:
        """Return the interval of whole years from *start* through *end*.

        Raises:
            PeriodError: *end* is not after *start*.

        >>> str(Period.interval(2008, 2018))
        '2008/2018'
        """
        _check_year(start)
        _check_year(end)
        if end <= start:
            msg = f"an interval must end after it starts, got {start}/{end}"
            raise PeriodError(msg)
        return cls(start_year=start, start_month=1, end_year=end, end_month=12)

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read ``"YYYY"``, ``"YYYY-MM"`` or ``"YYYY/YYYY"``.

        Surrounding whitespace is ignored.

        Raises:
            PeriodError: *text* is not in one of the three forms (when it
                is not a string at all, an `ArgumentError` as well). A month
                past 12 that reads as the handbook's abbreviation of an
                interval of at most 20 years ("2008-18") suggests the
                interval to write instead.

        >>> Period.parse("2008-05")
        Period('2008-05')
        """
        if not isinstance(text, str):
            msg = f"a period is given as text, got {type(text).__name__}"
            raise ArgumentPeriodError(msg)
        match = _PATTERN.fullmatch(text.strip())
        if match is None:
            msg = (
                f"{shown(text)} is not a period; use a year ('2004'), a month "
                "('2008-05') or an interval of years ('2008/2018')"
            )
            raise PeriodError(msg)
        year = int(match["year"])
        if match["month"] is not None:
            month = int(match["month"])
            if month > _MONTHS[-1]:
                raise PeriodError(_not_a_month(text, year, month))
            return cls.month(year, month)
        if match["end"] is not None:
            return cls.interval(year, int(match["end"]))
        return cls.year(year)

    @property
    def kind(self) -> PeriodKind:
        """Which of the three forms this period is."""
        if self.start_year != self.end_year:
            return PeriodKind.INTERVAL
        if self.start_month == self.end_month:
            return PeriodKind.MONTH
        return PeriodKind.YEAR

    def __str__(self) -> str:
        """Return the ISO 8601 text form that `Period.parse` reads."""
        match self.kind:
            case PeriodKind.MONTH:
                return f"{self.start_year:04d}-{self.start_month:02d}"
            case PeriodKind.INTERVAL:
                return f"{self.start_year:04d}/{self.end_year:04d}"
            case PeriodKind.YEAR:
                return f"{self.start_year:04d}"

    def __repr__(self) -> str:
        """Return ``Period('2008-05')``."""
        return f"Period({str(self)!r})"

    def __contains__(self, other: object) -> bool:
        """Tell whether *other* (a period or its text) lies within this period."""
        if isinstance(other, str):
            other = Period.parse(other)
        if not isinstance(other, Period):
            return False
        return (self.start_year, self.start_month) <= (
            other.start_year,
            other.start_month,
        ) and (other.end_year, other.end_month) <= (self.end_year, self.end_month)
