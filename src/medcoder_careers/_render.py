"""Text rendering for the command line: records, figures and 80-column tables."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final

from ._catalog import Catalog
from ._model import Credential, Industry, Occupation, Organization, Source, Statistic
from ._vocab import Bound, Measure, Unit

__all__ = ["WIDTH", "Entity", "entity", "statistics_table", "table", "value"]

WIDTH: Final = 80
"""The terminal width every table and record fits."""

Entity = Occupation | Credential | Organization | Source | Industry

_GAP: Final = "  "
_ELLIPSIS: Final = "..."
_FLEXIBLE_MIN: Final = 10
_BOUND: Final = {
    Bound.EXACT: "",
    Bound.APPROXIMATE: "about ",
    Bound.MORE_THAN: "more than ",
    Bound.LESS_THAN: "less than ",
}

_MEASURE_LABELS: Final = {
    Measure.EMPLOYMENT: "jobs",
    Measure.EMPLOYMENT_SHARE: "share of jobs",
    Measure.ANNUAL_WAGE: "annual wage",
    Measure.HOURLY_WAGE: "hourly wage",
    Measure.ANNUAL_SALARY: "salary",
    Measure.PROJECTED_CHANGE_PERCENT: "projected %",
    Measure.PROJECTED_CHANGE: "projected jobs",
    Measure.ACCREDITED_PROGRAMS: "programs",
}


def _amount(number: Decimal, unit: Unit) -> str:
    match unit:
        case Unit.USD_PER_YEAR:
            return f"${number:,.0f}" if number == number.to_integral() else f"${number:,.2f}"
        case Unit.USD_PER_HOUR:
            return f"${number:,.2f}"
        case Unit.PERCENT:
            return f"{number}%"
        case _:
            return f"{number:,}"


def value(stat: Statistic) -> str:
    """Render a statistic's figure with its bound, e.g. ``about $30,610``."""
    text = _amount(stat.value, stat.unit)
    if stat.value_high is not None:
        text += f" to {_amount(stat.value_high, stat.unit)}"
    return f"{_BOUND[stat.bound]}{text}"


def _qualifier(stat: Statistic) -> str:
    parts = []
    if stat.percentile is not None:
        parts.append("median" if stat.percentile == 50 else f"p{stat.percentile}")  # noqa: PLR2004
    if stat.industry is not None:
        parts.append(f"ind. {stat.industry}")
    parts += [q for q in (stat.setting, stat.experience, stat.accreditor) if q is not None]
    return ", ".join(parts)


def _clip(text: str, width: int) -> str:
    if len(text) <= width:
        return text
    return text[: max(width - len(_ELLIPSIS), 0)] + _ELLIPSIS


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    flexible: Sequence[int] = (),
    width: int = WIDTH,
) -> str:
    """Lay *rows* out under *headers* in columns, at most *width* characters a line.

    When the table is too wide, the *flexible* columns (by index, in
    order) give way first, down to ten characters each; then the widest
    column loses one character at a time. Cells cut short end in ``...``.
    """
    body = [list(row) for row in rows]
    widths = [max([len(h), *(len(row[i]) for row in body)]) for i, h in enumerate(headers)]
    excess = sum(widths) + len(_GAP) * (len(widths) - 1) - width
    for index in flexible:
        cut = min(max(excess, 0), max(widths[index] - _FLEXIBLE_MIN, 0))
        widths[index] -= cut
        excess -= cut
    while excess > 0 and max(widths) > len(_ELLIPSIS) + 1:
        widths[widths.index(max(widths))] -= 1
        excess -= 1
    lines = [
        _GAP.join(_clip(cell, w).ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in [list(headers), ["-" * w for w in widths], *body]
    ]
    return "\n".join(lines)


def statistics_table(cat: Catalog, stats: Sequence[Statistic]) -> str:
    """Render *stats* as a table (period, source, measure, qualifier, value)."""
    headers = ["PERIOD", "SOURCE", "MEASURE", "QUALIFIER", "VALUE"]
    flexible = [1, 3]  # the source and the qualifier give way first
    several = len({s.occupation for s in stats}) > 1
    if several:
        headers.insert(0, "OCCUPATION")
        flexible = [0, 2, 4]
    rows = []
    for stat in stats:
        source = cat.sources[stat.source]
        row = [
            str(stat.period),
            source.edition or source.id,
            _MEASURE_LABELS[stat.measure],
            _qualifier(stat),
            value(stat),
        ]
        rows.append([stat.occupation, *row] if several else row)
    if not stats:
        return "no statistics match"
    count = f"{len(stats)} statistic{'s' * (len(stats) != 1)} (data {cat.data_version})"
    return f"{table(headers, rows, flexible=flexible)}\n{count}"


def _wrap(label: str, text: object) -> list[str]:
    return textwrap.wrap(
        f"{label}: {text}",
        width=WIDTH,
        initial_indent="  ",
        subsequent_indent="      ",
        break_on_hyphens=False,
    )


def entity(cat: Catalog, record: Entity) -> str:  # noqa: C901 - one case per kind
    """Render any entity as a few labelled lines, wrapped to 80 columns."""
    fields: list[tuple[str, object]] = []
    match record:
        case Occupation():
            fields.append(("title", record.title))
            fields += [("soc", soc) for soc in record.soc]
            if record.alternate_titles:
                fields.append(("also", ", ".join(record.alternate_titles)))
            fields += [("specialty", sp.name) for sp in record.specialties]
            fields += [("related", cat.occupations[r].title) for r in record.related]
            fields.append(("statistics", len(cat.stats(occupation=record))))
        case Credential():
            fields.append((record.abbreviation, record.name))
            fields.append(("issuer", cat.organizations[record.issuer].name))
            fields += [(f"requires ({r.kind})", r.text) for r in record.requirements]
        case Organization():
            fields.append(("name", record.name))
            if record.abbreviation:
                fields.append(("abbreviation", record.abbreviation))
            fields.append(("kind", record.kind))
            if record.address:
                fields.append(("address", record.address))
            if record.website:
                fields.append(("website", record.website))
        case Source():
            fields.append(("title", record.title))
            fields.append(("kind", record.kind))
            if record.edition:
                fields.append(("edition", record.edition))
            fields.append(("retrieved via", record.retrieved_via))
        case Industry():
            fields.append(("title", record.title))
            fields += [("code", code) for code in record.naics]
    lines = [f"{type(record).__name__.lower()} {record.id}"]
    for label, text in fields:
        lines += _wrap(label, text)
    return "\n".join(lines)
