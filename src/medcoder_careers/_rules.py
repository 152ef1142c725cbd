"""The rules one record must keep, beyond its fields' types: each yields (field, message).

`_load` runs them on every record of a directory and reports each broken
rule at its file and path.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Final

from ._errors import PeriodError
from ._model import NATION, Area, Statistic
from ._period import Period, PeriodKind
from ._vocab import WAGE_MEASURES, AreaKind, Measure

__all__ = ["area_problems", "is_iso_date", "statistic_problems"]

_PROJECTIONS: Final = frozenset({Measure.PROJECTED_CHANGE, Measure.PROJECTED_CHANGE_PERCENT})


def statistic_problems(stat: Statistic) -> Iterator[tuple[str, str]]:
    """Yield (field, message) for every rule one statistic breaks."""
    # The unit, the percentile's value and a range's order are the model's
    # own rules (FieldError at construction, reported at their field).
    if stat.percentile is not None and stat.measure not in WAGE_MEASURES:
        yield (
            "percentile",
            f"a percentile applies only to wage measures, not {stat.measure.value}",
        )
    if stat.value_high is not None and stat.measure is not Measure.ANNUAL_SALARY:
        yield (
            "value_high",
            f"a range applies only to annual_salary, not {stat.measure.value}",
        )
    if stat.value < 0 and stat.measure not in _PROJECTIONS:
        yield "value", f"{stat.value} is negative, which {stat.measure.value} cannot be"
    if stat.measure is Measure.EMPLOYMENT_SHARE and stat.value > 100:  # noqa: PLR2004
        yield "value", f"a share of {stat.value} percent exceeds 100"
    is_interval = stat.period.kind is PeriodKind.INTERVAL
    if (stat.measure in _PROJECTIONS) != is_interval:
        yield (
            "period",
            ("projections take an interval period such as 2008/2018, other measures do not"),
        )
    if stat.accreditor is not None and stat.measure is not Measure.ACCREDITED_PROGRAMS:
        yield "accreditor", "applies only to accredited_programs"
    if stat.citation.source != stat.source:
        yield (
            "citation.source",
            (f"cites {stat.citation.source!r} but the statistic's source is {stat.source!r}"),
        )


_FIPS_LENGTH: Final = 2
_CBSA_LENGTH: Final = 5


def area_problems(area: Area) -> Iterator[tuple[str, str]]:
    """Yield (field, message) for every rule one area breaks."""
    kind = area.kind
    if (kind is AreaKind.NATIONAL) != (area.id == NATION):
        yield "kind", f"only {NATION} is the nation"
    if (area.fips is not None) != (kind is AreaKind.STATE):
        yield "fips", "a state has a FIPS code, and only a state"
    elif area.fips is not None and not (len(area.fips) == _FIPS_LENGTH and area.fips.isdigit()):
        yield "fips", f"{area.fips!r} is not 2 digits"
    if (area.cbsa is not None) != (kind is AreaKind.METROPOLITAN):
        yield "cbsa", "a metropolitan area has a CBSA code, and only it"
    elif area.cbsa is not None and not (len(area.cbsa) == _CBSA_LENGTH and area.cbsa.isdigit()):
        yield "cbsa", f"{area.cbsa!r} is not 5 digits"
    if (not area.states) != (kind is AreaKind.NATIONAL):
        yield "states", "every area but the nation lies in one or more states"
    elif kind is AreaKind.STATE and len(area.states) != 1:
        yield "states", "a state is one state"


def is_iso_date(text: str) -> bool:
    try:
        if re.fullmatch(r"\d{4}(-\d{2})?", text, re.ASCII):
            Period.parse(text)
        else:
            date.fromisoformat(text)
    except (PeriodError, ValueError):
        return False
    return True
