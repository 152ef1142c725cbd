"""An occupation's highest- and lowest-paying states, as a chart and a table."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Final

import medcoder_careers as mc

from .charts import Bar, bar_chart
from .common import chart_path, newest, state_areas, state_href
from .fmt import figure, period_text
from .markup import Cell, Page, table
from .provenance import Cited, cited, details

__all__ = ["TOP", "ranked_states", "states_section"]

TOP: Final = 10
"""How many of the highest- and of the lowest-paying states the chart shows."""


def ranked_states(
    cat: mc.Catalog, occupation: mc.Occupation, states: Sequence[mc.Area]
) -> tuple[mc.Period | None, list[tuple[mc.Area, mc.Statistic]]]:
    """The newest state median annual wages of *occupation*, highest first (ties by name).

    Returns:
        The period, and each state-level area that has a median with it.
    """
    wanted = {area.id: area for area in states}
    medians = [
        s
        for s in cat.stats(
            occupation=occupation, measure=mc.Measure.ANNUAL_WAGE, percentile=50, industry=None
        )
        if s.area in wanted
    ]
    period = newest(medians)
    found = [(wanted[s.area], s) for s in medians if s.period == period]
    return period, sorted(found, key=lambda pair: (-pair[1].value, pair[0].name))


def states_section(
    cat: mc.Catalog,
    occupation: mc.Occupation,
    page: Page,
    charts: Path,
) -> None:
    """Add the chart and table of the ten highest- and lowest-paying states to *page*."""
    states = state_areas(cat)
    page.add("## Highest- and lowest-paying states")
    period, ranked = ranked_states(cat, occupation, states)
    if period is None:
        page.add("The data holds no state median annual wages for this occupation.")
        return
    shown = ranked if len(ranked) <= 2 * TOP else ranked[:TOP] + ranked[-TOP:]
    high = {area.id for area, _ in ranked[: min(TOP, (len(ranked) + 1) // 2)]}
    when = period_text(period)
    title = f"Median annual wage by state, {when}: the {TOP} highest and lowest"
    name = f"{occupation.id}-states"
    bar_chart(
        charts / f"{name}.svg",
        title=title,
        xlabel=f"Median annual wage, {when} (US dollars a year)",
        bars=[Bar(a.name, float(s.value), figure(s), a.id in high) for a, s in shown],
    )
    missing = len(states) - len(ranked)
    page.add(
        f"```{{figure}} {chart_path(name)}",
        f":alt: {title}",
        ":width: 100%",
        "",
        f"{title}, among {len(ranked)} states, DC and territories with a published median "
        f"(green: highest, amber: lowest). {missing} have none published for {when}.",
        "```",
    )
    rank = {area.id: i for i, (area, _) in enumerate(ranked, start=1)}
    rows = [
        [
            Cell(str(rank[area.id]), numeric=True),
            Cell(area.name, href=state_href(area)),
            Cell(figure(stat), sort=str(stat.value), numeric=True, title=stat.citation.locator),
        ]
        for area, stat in shown
    ]
    page.html(table(["rank", "state", "median annual wage"], rows, numeric=(0, 2)))
    notes: list[Cited] = [cited(f"{area.name}: median annual wage", stat) for area, stat in shown]
    page.html(details(cat, notes))
