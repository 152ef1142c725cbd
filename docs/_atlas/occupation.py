"""An occupation's atlas page: quick facts, pay over time, projections, industries, states."""

from __future__ import annotations

from pathlib import Path

import medcoder_careers as mc

from .charts import PayPoint, pay_chart
from .common import chart_path, credential_href, occupation_href
from .fmt import figure, period_text, source_label
from .industries import industry_section
from .markup import Cell, Page, table
from .provenance import Cited, cited, details
from .ranking import states_section

__all__ = ["occupation_page"]


def _item(record: mc.Statistic | mc.Fact | None, suffix: str = "") -> str:
    if record is None:
        return "not in the data"
    if isinstance(record, mc.Fact):
        return record.text
    text = figure(record) + suffix
    return f"{text} ({record.descriptor})" if record.descriptor else text


def _quick_facts(cat: mc.Catalog, occupation: mc.Occupation, page: Page) -> None:
    facts = cat.quick_facts(occupation)
    items: list[tuple[str, mc.Statistic | mc.Fact | None, str]] = [
        ("Median pay", facts.median_annual_pay, " a year"),
        ("Median pay", facts.median_hourly_pay, " an hour"),
        ("Number of jobs", facts.employment, ""),
        ("Projected change", facts.projected_change_percent, ""),
        ("Projected change in jobs", facts.projected_change, ""),
        ("Entry-level education", facts.entry_level_education, ""),
        ("Work experience in a related occupation", facts.work_experience, ""),
        ("On-the-job training", facts.on_the_job_training, ""),
    ]
    rows = [
        [
            Cell(label),
            Cell(_item(record, suffix)),
            Cell("-" if record is None else period_text(record.period)),
            Cell("-" if record is None else source_label(cat.sources[record.source])),
        ]
        for label, record, suffix in items
    ]
    credentials = [Cell(c.abbreviation, href=credential_href(c.id)) for c in facts.credentials]
    page.add(
        "## Quick facts",
        "",
        "The newest figure of each kind for the nation, exactly as "
        f'`cat.quick_facts("{occupation.id}")` returns it.',
    )
    page.html(table(["", "figure", "period", "source"], rows))
    if credentials:
        links = ", ".join(cell.html("span") for cell in credentials)
        page.html(f"<p>Credentials: {links}</p>")
    notes: list[Cited] = [cited(label, r) for label, r, _ in items if r is not None]
    page.html(details(cat, notes))


def _position(period: mc.Period) -> float:
    """Where a period sits on a time axis: the midpoint of its span, in years."""
    start = period.start_year + (period.start_month - 1) / 12
    end = period.end_year + period.end_month / 12
    return (start + end) / 2


def _pay(cat: mc.Catalog, occupation: mc.Occupation, page: Page, charts: Path) -> None:
    series = cat.series(occupation, mc.Measure.ANNUAL_WAGE)
    page.add("## Median annual pay over time")
    if not series:
        page.add("The data holds no national median annual wage for this occupation.")
        return
    target = series.latest().period
    breaks = set(series.breaks)
    points: list[PayPoint] = []
    marks: list[tuple[float, str]] = []
    rows: list[list[Cell]] = []
    segment = 0
    previous: mc.SeriesPoint | None = None
    for point in series:
        stat = point.statistic
        real = mc.inflate(stat.value, point.period, target)
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
                real=float(real),
                label=source_label(source),
                edition=source.edition is not None,
                segment=segment,
            )
        )
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
        previous = point
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
        "average. “also”: older sources stating the same period (the newest source wins)."
    )
    page.html(details(cat, notes, note=note))


def _projections(cat: mc.Catalog, occupation: mc.Occupation, page: Page) -> None:
    page.add("## Projections")
    percent = cat.stats(occupation=occupation, measure=mc.Measure.PROJECTED_CHANGE_PERCENT)
    jobs = cat.stats(occupation=occupation, measure=mc.Measure.PROJECTED_CHANGE)
    keys = sorted({(s.period, s.source) for s in (*percent, *jobs)})
    if not keys:
        page.add("The data holds no projections for this occupation.")
        return
    by_key = {(s.period, s.source, s.measure): s for s in (*percent, *jobs)}
    rows = []
    notes: list[Cited] = []
    for period, source in keys:
        change = by_key.get((period, source, mc.Measure.PROJECTED_CHANGE_PERCENT))
        count = by_key.get((period, source, mc.Measure.PROJECTED_CHANGE))
        rows.append(
            [
                Cell(period_text(period)),
                Cell("-" if change is None else figure(change), numeric=True),
                Cell("-" if change is None else change.descriptor or "-"),
                Cell("-" if count is None else figure(count), numeric=True),
                Cell(source_label(cat.sources[source])),
                Cell(next(s for s in (change, count) if s is not None).definition or "not stated"),
            ]
        )
        notes += [cited(f"{period_text(period)}, {s.measure}", s) for s in (change, count) if s]
    headers = ["projection", "change", "outlook", "change in jobs", "source", "SOC"]
    page.html(table(headers, rows, numeric=(1, 3)))
    page.html(details(cat, notes))


def _related(cat: mc.Catalog, occupation: mc.Occupation, page: Page) -> None:
    related = cat.related(occupation)
    if not related:
        return
    page.add("## Related occupations")
    rows = []
    notes: list[Cited] = []
    for other in related:
        median = cat.quick_facts(other).median_annual_pay
        rows.append(
            [
                Cell(other.title, href=occupation_href(other.id)),
                Cell(other.soc[-1].code),
                Cell(_item(median), numeric=True),
                Cell("-" if median is None else period_text(median.period)),
            ]
        )
        if median is not None:
            notes.append(cited(f"{other.title}: national median annual wage", median))
    page.html(table(["occupation", "SOC (newest)", "national median", "period"], rows))
    page.html(details(cat, notes))


def occupation_page(cat: mc.Catalog, occupation: mc.Occupation, charts: Path) -> str:
    """Return an occupation's page, drawing its charts into *charts*.

    Args:
        cat: The catalog.
        occupation: The occupation.
        charts: The folder the chart files go to.
    """
    page = Page(occupation.title)
    codes = "; ".join(f"{s.version} SOC {s.code} {s.title}" for s in occupation.soc)
    page.add(occupation.summary or "", "", f"Classification: {codes}.")
    if occupation.alternate_titles:
        page.add(f"Also called: {', '.join(occupation.alternate_titles)}.")
    _quick_facts(cat, occupation, page)
    _pay(cat, occupation, page, charts)
    _projections(cat, occupation, page)
    industry_section(cat, occupation, page)
    states_section(cat, occupation, page, charts)
    _related(cat, occupation, page)
    page.add(
        "---",
        "",
        f"Generated from the packaged data, release {cat.data_version}. "
        f"In Python: `cat.occupation({occupation.id!r})`.",
    )
    return page.text()
