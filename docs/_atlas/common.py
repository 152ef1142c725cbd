"""What several atlas pages share: where pages live, and which figures are current."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import medcoder_careers as mc

__all__ = [
    "LEVELS",
    "Gaps",
    "area_measures",
    "chart_path",
    "credential_href",
    "newest",
    "occupation_href",
    "state_areas",
    "state_href",
    "state_slug",
]

LEVELS: Final = {
    2: "NAICS sectors (2-digit)",
    3: "NAICS subsectors (3-digit)",
    4: "NAICS industry groups (4-digit)",
    5: "NAICS industries (5-digit)",
    6: "NAICS national industries (6-digit)",
}
"""How the industry tables name each NAICS level."""


def state_slug(area: mc.Area) -> str:
    """The page name of a state-level area: its postal abbreviation in lower case."""
    return area.states[0].lower()


def state_areas(cat: mc.Catalog) -> list[mc.Area]:
    """Every state-level area (the states, DC and the territories), by name."""
    found = [a for a in cat.areas.values() if a.kind is mc.AreaKind.STATE]
    return sorted(found, key=lambda a: a.name)


def occupation_href(occupation: str, *, depth: int = 1) -> str:
    """The link to an occupation's page from a page *depth* folders below the atlas."""
    return f"{'../' * depth}occupations/{occupation}.html"


def credential_href(credential: str, *, depth: int = 1) -> str:
    """The link to a credential's page from a page *depth* folders below the atlas."""
    return f"{'../' * depth}credentials/{credential}.html"


def state_href(area: mc.Area, *, depth: int = 1) -> str:
    """The link to a state-level area's page from a page *depth* folders below the atlas."""
    return f"{'../' * depth}states/{state_slug(area)}.html"


def chart_path(name: str) -> str:
    """The path of a chart file from an entity page (charts sit in ``atlas/charts``)."""
    return f"../charts/{name}.svg"


def newest(stats: Iterable[mc.Statistic]) -> mc.Period | None:
    """The latest period among *stats* (None if there are none)."""
    return max((s.period for s in stats), default=None)


def area_measures(
    cat: mc.Catalog, area: mc.Area, period: mc.Period
) -> dict[tuple[str, mc.Measure], mc.Statistic]:
    """Every occupation's figures in *area* for *period*, all industries, by (occupation, measure).

    Wages are the median (annual and hourly) and the means; employment,
    location quotient and employment per 1,000 jobs have no percentile.
    """
    found: dict[tuple[str, mc.Measure], mc.Statistic] = {}
    for stat in cat.stats(area=area, period=period, industry=None):
        if stat.percentile not in {None, 50}:
            continue
        found[stat.occupation, stat.measure] = stat
    return found


class Gaps:
    """Why the figures an area table lacks are missing: `Catalog.unpublished`, read once.

    The area tables show the whole occupation's median and mean wages,
    jobs and location quotient; this holds the release's record for each
    of those it does not publish, by area, period, occupation and measure.
    """

    def __init__(self, cat: mc.Catalog) -> None:
        """Read every record of a figure the releases do not publish, all industries."""
        self._found = {
            (r.area, r.period, r.occupation, r.measure): r
            for r in cat.unpublished(industry=None)
            if r.percentile in {None, 50}
        }

    def why(
        self, area: mc.Area, period: mc.Period, occupation: str, measure: mc.Measure
    ) -> mc.Unpublished | None:
        """The record saying why the figure is missing; None if no release lists it."""
        return self._found.get((area.id, period, occupation, measure))
