"""The OEWS datatypes: which of a statistical table's value columns holds which figure.

An OEWS cell prints 17 values, each a *datatype* of the BLS series id
(``"13"``: the annual median wage). This module says what each is (its
measure, unit, percentile and the datatype of its relative standard error)
and which a query wants. It needs no database, so the query layer reads it
without loading `sqlite3`, which comes with the first table opened.
"""

from __future__ import annotations

import functools
from typing import Final, NamedTuple

from medcoder_careers._filters import ANY
from medcoder_careers._vocab import Coverage, Measure, Unit

__all__ = ["COVERAGE", "DATATYPES", "Datatype", "datatypes_for"]

COVERAGE: Final = Coverage.WAGE_AND_SALARY
"""The jobs an OEWS employment figure counts: OEWS counts no self-employed."""


class Datatype(NamedTuple):
    """How one OEWS value column becomes a statistic.

    Attributes:
        code: The datatype code (``"13"``), also the column's number.
        measure: What the figure measures.
        unit: The figure's unit.
        percentile: The wage percentile, or None.
        rse: The datatype holding this figure's RSE, or None.
    """

    code: str
    measure: Measure
    unit: Unit
    percentile: int | None = None
    rse: str | None = None


DATATYPES: Final = (
    Datatype("01", Measure.EMPLOYMENT, Unit.JOBS, rse="02"),
    Datatype("03", Measure.HOURLY_MEAN_WAGE, Unit.USD_PER_HOUR, rse="05"),
    Datatype("04", Measure.ANNUAL_MEAN_WAGE, Unit.USD_PER_YEAR, rse="05"),
    *(
        Datatype(f"{6 + i:02d}", Measure.HOURLY_WAGE, Unit.USD_PER_HOUR, percentile=p)
        for i, p in enumerate((10, 25, 50, 75, 90))
    ),
    *(
        Datatype(f"{11 + i:02d}", Measure.ANNUAL_WAGE, Unit.USD_PER_YEAR, percentile=p)
        for i, p in enumerate((10, 25, 50, 75, 90))
    ),
    Datatype("16", Measure.EMPLOYMENT_PER_1000_JOBS, Unit.PER_1000_JOBS),
    Datatype("17", Measure.LOCATION_QUOTIENT, Unit.RATIO),
)
"""Every value datatype; 02 and 05 are RSEs, carried on the figures they qualify."""


@functools.lru_cache(maxsize=256)
def datatypes_for(
    measure: object = ANY, percentile: object = ANY, coverage: object = ANY
) -> frozenset[str] | None:
    """Return the datatype codes whose figures have the given measure, percentile and coverage.

    Each left at `ANY` does not narrow; None for the percentile or the
    coverage keeps the figures without one. None: every datatype (nothing
    narrows); an empty set: none.

    >>> sorted(datatypes_for(Measure.ANNUAL_WAGE, 50))
    ['13']
    >>> datatypes_for() is None
    True
    """
    if measure is ANY and percentile is ANY and coverage is ANY:
        return None
    return frozenset(
        d.code
        for d in DATATYPES
        if measure in (ANY, d.measure)
        and percentile in (ANY, d.percentile)
        and coverage in (ANY, COVERAGE if d.measure is Measure.EMPLOYMENT else None)
    )
