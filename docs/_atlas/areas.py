"""The index of metropolitan and nonmetropolitan areas, with the coders' figures in each."""

from __future__ import annotations

from typing import Final

import medcoder_careers as mc

from .common import Gaps, area_measures, newest, state_href
from .markup import Cell, Page, table
from .provenance import Cited, details
from .state import HEADERS, MISSING_NOTE, figures_row

__all__ = ["KINDS", "area_index", "listed_areas"]

KINDS: Final = (mc.AreaKind.METROPOLITAN, mc.AreaKind.NONMETROPOLITAN)
"""The kinds of area the index lists."""


def listed_areas(cat: mc.Catalog) -> list[mc.Area]:
    """The areas the index lists: every metropolitan and nonmetropolitan area, by name."""
    return sorted((a for a in cat.areas.values() if a.kind in KINDS), key=lambda a: a.name)


def area_index(cat: mc.Catalog, occupation: mc.Occupation, gaps: Gaps) -> str:
    """Return the area index, each area's row giving *occupation*'s newest figures there.

    Args:
        cat: The catalog.
        occupation: The occupation whose figures the rows give.
        gaps: Why figures are missing (`Gaps` of *cat*).
    """
    areas = listed_areas(cat)
    counts = {kind: sum(a.kind is kind for a in areas) for kind in KINDS}
    states = {a.states[0]: a for a in cat.areas.values() if a.kind is mc.AreaKind.STATE}
    page = Page("Metropolitan and nonmetropolitan areas")
    kinds = {a.id for a in areas}
    period = newest(
        s
        for s in cat.stats(occupation=occupation, measure=mc.Measure.EMPLOYMENT, industry=None)
        if s.area in kinds
    )
    page.add(
        f"All {counts[mc.AreaKind.METROPOLITAN]} metropolitan and "
        f"{counts[mc.AreaKind.NONMETROPOLITAN]} nonmetropolitan areas of the BLS OEWS "
        f"estimates, with the figures of [{occupation.title}](occupations/{occupation.id}.md) "
        "there (all industries). Each state's page has every occupation in each of its areas. "
        f"{MISSING_NOTE} Click a header to sort.",
    )
    if period is None:
        page.add(f"The data holds no figures of {occupation.title} in these areas.")
        return page.text()
    rows = []
    notes: list[Cited] = []
    for area in areas:
        figures = area_measures(cat, area, period)
        cells, found = figures_row(figures, gaps, (area, period), occupation.id, area.name)
        links = [
            Cell(s, href=state_href(states[s], depth=0)).html("span")
            for s in area.states
            if s in states
        ]
        rows.append(
            [
                Cell(area.name, title=f"area {area.id}, CBSA {area.cbsa or '-'}"),
                Cell(str(area.kind)),
                Cell(" ".join(links), sort=" ".join(area.states), raw=True),
                *cells,
            ]
        )
        notes += found
    numeric = tuple(range(3, len(HEADERS) + 3))
    page.html(table(["area", "kind", "states", *HEADERS], rows, sortable=True, numeric=numeric))
    page.html(details(cat, notes))
    return page.text()
