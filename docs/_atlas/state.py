"""A state's atlas page: every occupation statewide, then in each of its areas."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import medcoder_careers as mc

from .common import Gaps, area_measures, newest, occupation_href
from .fmt import MISSING_WORDS, figure, missing_text, period_text
from .markup import Cell, Page, table
from .provenance import Cited, cited, details

__all__ = ["COLUMNS", "MISSING_NOTE", "figures_row", "state_page"]

MISSING_NOTE: Final = (
    f'"{MISSING_WORDS[mc.UnpublishedReason.WITHHELD]}": BLS did not release the value (the '
    f'tooltip has its footnote); "{MISSING_WORDS[mc.UnpublishedReason.NO_ESTIMATE]}": the '
    "release has no estimate for the occupation in the area; "
    f'"{MISSING_WORDS[mc.UnpublishedReason.NOT_APPLICABLE]}": BLS says the figure does not '
    "apply (the tooltip has why)."
)
"""The words a page puts under its tables for what a missing figure's cell says."""

COLUMNS: Final = (
    ("jobs", mc.Measure.EMPLOYMENT),
    ("median annual wage", mc.Measure.ANNUAL_WAGE),
    ("mean annual wage", mc.Measure.ANNUAL_MEAN_WAGE),
    ("location quotient", mc.Measure.LOCATION_QUOTIENT),
)
"""The figures of a state or area row, with their headers (each RSE follows its figure)."""

_RSE: Final = {mc.Measure.EMPLOYMENT: "jobs RSE", mc.Measure.ANNUAL_MEAN_WAGE: "wage RSE"}
HEADERS: Final = [
    header for label, measure in COLUMNS for header in (label, _RSE.get(measure)) if header
]


def figures_row(
    figures: dict[tuple[str, mc.Measure], mc.Statistic],
    gaps: Gaps,
    where: tuple[mc.Area, mc.Period],
    occupation: str,
    label: str,
) -> tuple[list[Cell], list[Cited]]:
    """Return the cells of one row (figures and RSEs) and the citations behind them.

    A figure the release does not publish says why, as `Catalog.unpublished`
    records it: withheld (its footnote in the tooltip), no estimate, or not
    applicable; never a zero, and never a reason the release does not give.
    """
    area, period = where
    cells: list[Cell] = []
    notes: list[Cited] = []
    for name, measure in COLUMNS:
        stat = figures.get((occupation, measure))
        if stat is None:
            record = gaps.why(area, period, occupation, measure)
            footnote = None if record is None else record.footnote
            cells.append(Cell(missing_text(record), sort="", title=footnote, numeric=True))
        else:
            cells.append(
                Cell(figure(stat), sort=str(stat.value), title=stat.citation.locator, numeric=True)
            )
            notes.append(cited(f"{label}: {name}", stat))
        if measure in _RSE:
            rse = None if stat is None else stat.rse
            text = "-" if rse is None else f"{rse}%"
            cells.append(Cell(text, sort="" if rse is None else str(rse), numeric=True))
    return cells, notes


def _statewide(
    cat: mc.Catalog,
    gaps: Gaps,
    where: tuple[mc.Area, mc.Period],
    occupations: Sequence[mc.Occupation],
) -> tuple[str, list[Cited]]:
    figures = area_measures(cat, *where)
    rows = []
    notes: list[Cited] = []
    for occupation in occupations:
        cells, cites = figures_row(figures, gaps, where, occupation.id, occupation.title)
        rows.append([Cell(occupation.title, href=occupation_href(occupation.id)), *cells])
        notes += cites
    numeric = tuple(range(1, len(HEADERS) + 1))
    return table(["occupation", *HEADERS], rows, sortable=True, numeric=numeric), notes


def state_page(cat: mc.Catalog, area: mc.Area, gaps: Gaps) -> str:
    """Return the page of a state-level area (a state, DC or a territory).

    Args:
        cat: The catalog.
        area: The state-level area.
        gaps: Why figures are missing (`Gaps` of *cat*).
    """
    page = Page(area.name)
    period = newest(cat.stats(area=area))
    subareas = sorted(
        (
            a
            for a in cat.areas.values()
            if a.kind in {mc.AreaKind.METROPOLITAN, mc.AreaKind.NONMETROPOLITAN}
            and area.states[0] in a.states
        ),
        key=lambda a: (a.kind, a.name),
    )
    page.add(
        f"BLS OEWS area `{area.id}` (FIPS {area.fips}, postal {area.states[0]}), "
        f"{len(subareas)} metropolitan and nonmetropolitan areas. In Python: "
        f"`cat.area({area.states[0]!r})`."
    )
    if period is None:
        page.add("The data holds no figures for this area.")
        return page.text()
    when = period_text(period)
    occupations = sorted(cat.occupations.values(), key=lambda o: o.title)
    page.add(
        "## Every occupation statewide",
        "",
        f"{when}, all industries. RSE: the relative standard error BLS publishes with the "
        "estimate. Location quotient: the occupation's share of the area's jobs over its "
        f"share nationwide. {MISSING_NOTE} Click a header to sort.",
    )
    statewide, notes = _statewide(cat, gaps, (area, period), occupations)
    page.html(statewide)
    page.html(details(cat, notes))
    page.add(
        "## Metropolitan and nonmetropolitan areas",
        "",
        f"{when}, all industries, one table per occupation; an area spanning several states is "
        "listed in each. Click a header to sort.",
    )
    if not subareas:
        page.add(f"BLS publishes no metropolitan or nonmetropolitan area within {area.name}.")
        return page.text()
    figures = {a.id: area_measures(cat, a, period) for a in subareas}
    for occupation in occupations:
        rows = []
        cites: list[Cited] = []
        for sub in subareas:
            cells, found = figures_row(
                figures[sub.id], gaps, (sub, period), occupation.id, sub.name
            )
            rows.append([Cell(sub.name), Cell(str(sub.kind)), *cells])
            cites += found
        page.add(f"### {occupation.title}")
        numeric = tuple(range(2, len(HEADERS) + 2))
        page.html(table(["area", "kind", *HEADERS], rows, sortable=True, numeric=numeric))
        page.html(details(cat, cites))
    return page.text()
