"""An occupation's atlas page: quick facts, pay over time, projections, industries, states."""

from __future__ import annotations

from pathlib import Path

import medcoder_careers as mc

from .common import credential_href, occupation_href
from .fmt import figure, period_text, source_label
from .industries import industry_section
from .markup import Cell, Page, table
from .pay import pay_section
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
    pay_section(cat, occupation, page, charts)
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
