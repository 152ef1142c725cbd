"""An occupation's employment by industry: one table per NAICS level, since levels nest."""

from __future__ import annotations

import medcoder_careers as mc

from .common import LEVELS, newest
from .fmt import figure, period_text
from .markup import Cell, Page, table
from .provenance import Cited, cited, details

__all__ = ["industry_section"]

_DESIGNATIONS = "OEWS designations and ownership aggregates (no NAICS level)"


def _rse(stat: mc.Statistic) -> Cell:
    if stat.rse is None:
        return Cell("-", sort="", numeric=True)
    return Cell(f"{stat.rse}%", sort=str(stat.rse), numeric=True)


def industry_section(cat: mc.Catalog, occupation: mc.Occupation, page: Page) -> None:
    """Add the industry tables of *occupation* (the nation, newest period) to *page*.

    Each NAICS level gets a table of its own: a sector holds its subsectors,
    so adding rows of two levels would count the same jobs twice.
    """
    page.add("## Employment by industry")
    jobs = [
        s
        for s in cat.stats(occupation=occupation, measure=mc.Measure.EMPLOYMENT, area="US")
        if s.industry is not None
    ]
    period = newest(jobs)
    if period is None:
        page.add("The data holds no national employment by industry for this occupation.")
        return
    jobs = [s for s in jobs if s.period == period]
    medians = {
        s.industry: s
        for s in cat.stats(
            occupation=occupation,
            measure=mc.Measure.ANNUAL_WAGE,
            percentile=50,
            area="US",
            period=period,
        )
        if s.industry is not None
    }
    total = cat.stats(
        occupation=occupation,
        measure=mc.Measure.EMPLOYMENT,
        area="US",
        period=period,
        industry=None,
    )
    whole = f" of {figure(total[0])} in all industries" if total else ""
    page.add(
        f"National employment in {period_text(period)}{whole}, one NAICS level per table. "
        "Levels nest (a sector holds its subsectors), so add rows within one table only, "
        "and not all industries are published: a table's rows need not reach the total."
    )
    groups: dict[int | None, list[tuple[mc.Industry, mc.Statistic]]] = {}
    for stat in jobs:
        industry = cat.industries[stat.industry or ""]
        groups.setdefault(industry.level, []).append((industry, stat))
    order: list[int | None] = [*sorted(level for level in groups if level is not None)]
    if None in groups:
        order.append(None)
    for level in order:
        pairs = sorted(groups[level], key=lambda pair: (-pair[1].value, pair[0].id))
        heading = _DESIGNATIONS if level is None else LEVELS.get(level, f"NAICS {level}-digit")
        page.add(f"### {heading}")
        rows = []
        notes: list[Cited] = []
        for industry, stat in pairs:
            median = medians.get(industry.id)
            rows.append(
                [
                    Cell(industry.id),
                    Cell(industry.title),
                    Cell(figure(stat), sort=str(stat.value), numeric=True,
                         title=stat.citation.locator),
                    _rse(stat),
                    Cell("withheld" if median is None else figure(median),
                         sort="" if median is None else str(median.value), numeric=True,
                         title=None if median is None else median.citation.locator),
                ]
            )  # fmt: skip
            notes.append(cited(f"{industry.title}: jobs", stat))
            if median is not None:
                notes.append(cited(f"{industry.title}: median annual wage", median))
        headers = ["NAICS", "industry", "jobs", "jobs RSE", "median annual wage"]
        page.html(table(headers, rows, sortable=True, numeric=(2, 3, 4)))
        page.html(details(cat, notes))
