"""Median annual pay over time: a chart, nominal and in constant dollars, and its table."""

from __future__ import annotations

from pathlib import Path

import medcoder_careers as mc

from .charts import PayPoint, pay_chart
from .common import chart_path
from .fmt import figure, period_text, source_label
from .markup import Cell, Page, table
from .provenance import Cited, cited, details

__all__ = ["pay_points", "pay_section"]


def _position(period: mc.Period) -> float:
    """Where a period sits on a time axis: the midpoint of its span, in years."""
    start = period.start_year + (period.start_month - 1) / 12
    end = period.end_year + period.end_month / 12
    return (start + end) / 2


def pay_points(
    cat: mc.Catalog, series: mc.Series
) -> tuple[list[PayPoint], list[tuple[float, str]]]:
    """The points of a pay chart, and its definition breaks (time axis position, label).

    A new segment starts at each of ``series.breaks``: the chart joins
    points of one segment only. Constant dollars are the library's own
    ``mc.inflate`` to the series' latest period.
    """
    target = series.latest().period
    breaks = set(series.breaks)
    points: list[PayPoint] = []
    marks: list[tuple[float, str]] = []
    segment = 0
    previous: mc.SeriesPoint | None = None
    for point in series:
        stat = point.statistic
        if previous is not None and point.period in breaks:
            segment += 1
            where = (_position(previous.period) + _position(point.period)) / 2
            before = previous.statistic.definition or "not stated"
            marks.append((where, f"SOC {before} → {stat.definition or 'not stated'}"))
        source = cat.sources[stat.source]
        points.append(
            PayPoint(
                year=_position(point.period),
                nominal=float(stat.value),
                real=float(mc.inflate(stat.value, point.period, target)),
                label=source_label(source),
                edition=source.edition is not None,
                segment=segment,
            )
        )
        previous = point
    return points, marks


def pay_section(cat: mc.Catalog, occupation: mc.Occupation, page: Page, charts: Path) -> None:
    """Add the chart of median annual pay over time, its table and sources to *page*."""
    series = cat.series(occupation, mc.Measure.ANNUAL_WAGE)
    page.add("## Median annual pay over time")
    if not series:
        page.add("The data holds no national median annual wage for this occupation.")
        return
    target = series.latest().period
    points, marks = pay_points(cat, series)
    rows: list[list[Cell]] = []
    for point in series:
        stat = point.statistic
        real = mc.inflate(stat.value, point.period, target)
        source = cat.sources[stat.source]
        rows.append(
            [
                Cell(period_text(point.period), sort=str(point.period)),
                Cell(figure(stat), sort=str(stat.value), numeric=True),
                Cell(f"${real:,.0f}", sort=str(real), numeric=True),
                Cell(source_label(source)),
                Cell(stat.definition or "not stated"),
                Cell(", ".join(a.source for a in point.alternatives) or "-"),
            ]
        )
    first, last = period_text(series.periods[0]), period_text(target)
    span = first if first == last else f"{first} to {last}"
    title = f"{occupation.title}\nmedian annual wage, the nation, {span}"
    name = f"{occupation.id}-pay"
    pay_chart(
        charts / f"{name}.svg",
        title=title,
        points=points,
        breaks=marks,
        price_year=target.start_year,
    )
    page.add(
        f"```{{figure}} {chart_path(name)}",
        f":alt: {occupation.title}, median annual wage, the nation, {span}: nominal and "
        f"constant {target.start_year} dollars",
        ":width: 100%",
        "",
        f"{occupation.title}: median annual wage, the nation, {span}. Solid: dollars of each "
        f"period; dashed: constant {target.start_year} dollars (CPI-U annual averages, the "
        "library's `mc.inflate`). A dotted rule marks a change of SOC definition: the lines do "
        "not join across it. Diamonds: handbook editions.",
        "```",
    )
    headers = ["period", "median", f"in {target.start_year} dollars", "source", "SOC", "also"]
    page.html(table(headers, rows, numeric=(1, 2)))
    notes: list[Cited] = [cited(period_text(p.period), p.statistic) for p in series]
    cpi = [cat.cpi_u[year] for year in sorted({p.period.start_year for p in series})]
    note = (
        f"Constant dollars use the CPI-U annual averages of {', '.join(str(c.year) for c in cpi)} "
        f"(source {cpi[0].citation.source}); a month uses its year's "
        "average. “also”: other sources stating the same period (a statistical file wins over a "
        "page quoting it, then the newest source)."
    )
    page.html(details(cat, notes, note=note))
