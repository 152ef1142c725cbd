"""How the atlas prints a figure: its bound, its unit, and a value that is not there."""

from __future__ import annotations

import html
from decimal import Decimal
from typing import Final

import medcoder_careers as mc

__all__ = [
    "MISSING_WORDS",
    "amount",
    "cell_sort",
    "esc",
    "figure",
    "missing_text",
    "period_text",
    "source_label",
]

MISSING_WORDS: Final[dict[mc.UnpublishedReason | None, str]] = {
    mc.UnpublishedReason.WITHHELD: "withheld",
    mc.UnpublishedReason.NO_ESTIMATE: "no estimate",
    mc.UnpublishedReason.NOT_APPLICABLE: "not applicable",
    None: "not in the data",
}
"""What a cell says in place of a figure, by why the release has none (never 0)."""

_MONTHS: Final = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def esc(text: object) -> str:
    """Escape *text* for HTML (quotes too: it may sit in an attribute)."""
    return html.escape(str(text), quote=True)


def amount(number: Decimal, unit: mc.Unit) -> str:
    """Print *number* in *unit*: whole dollars a year, cents an hour, thousands separated."""
    match unit:
        case mc.Unit.USD_PER_YEAR:
            return f"${number:,.0f}" if number == number.to_integral() else f"${number:,.2f}"
        case mc.Unit.USD_PER_HOUR:
            return f"${number:,.2f}"
        case mc.Unit.PERCENT:
            return f"{number}%"
        case _:
            return f"{number:,}"


def figure(stat: mc.Statistic) -> str:
    """Print a statistic with its bound: "≥ $239,200", "about 159,000", "more than 200"."""
    text = amount(stat.value, stat.unit)
    if stat.value_high is not None:
        text += f" to {amount(stat.value_high, stat.unit)}"
    match stat.bound:
        case mc.Bound.AT_LEAST:
            return f"≥ {text} (top-coded: {text} or more)"
        case mc.Bound.APPROXIMATE:
            return f"about {text}"
        case mc.Bound.MORE_THAN:
            return f"more than {text}"
        case mc.Bound.LESS_THAN:
            return f"less than {text}"
        case _:
            return text


def missing_text(record: mc.Unpublished | None) -> str:
    """The words for a missing figure: the reason from `Catalog.unpublished`, if it has one."""
    return MISSING_WORDS[None if record is None else record.reason]


def cell_sort(stat: mc.Statistic | None) -> str:
    """The number a sortable table orders a cell by (empty: sorts last)."""
    return "" if stat is None else str(stat.value)


def period_text(period: mc.Period | None) -> str:
    """A period in words: "2004", "May 2025", "2019-2029"; "not stated" for None."""
    if period is None:
        return "not stated"
    match period.kind:
        case mc.PeriodKind.MONTH:
            return f"{_MONTHS[period.start_month - 1]} {period.start_year}"
        case mc.PeriodKind.INTERVAL:
            return f"{period.start_year}-{period.end_year}"
        case _:
            return str(period.start_year)


def source_label(source: mc.Source) -> str:
    """A short name for a source: "OOH 2010-11 ed." for a handbook edition, else its id."""
    if source.edition is not None:
        return f"OOH {source.edition} ed."
    return source.id
