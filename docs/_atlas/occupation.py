"""An occupation's atlas page: quick facts, pay over time, projections, industries, states."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import medcoder_careers as mc

from .common import credential_href, occupation_href
from .fmt import figure, period_text, source_label
from .industries import industry_section
from .markup import Cell, Page, table
from .pay import pay_section
from .provenance import Cited, cited, details
from .ranking import states_section

__all__ = ["occupation_page"]


_COVERAGE: Final = {
    mc.Coverage.WAGE_AND_SALARY: "wage and salary jobs",
    mc.Coverage.ALL_JOBS: "all jobs, self-employed included",
}
"""How a count of jobs on a page says which jobs it counts."""


def _item(
    record: mc.Statistic | mc.Fact | None, suffix: str = "", *, descriptor: bool = True
) -> str:
    """A figure with its unit, the jobs it counts and (unless told not to) its outlook words."""
    if record is None:
        return "not in the data"
    if isinstance(record, mc.Fact):
        return record.text
    text = figure(record) + suffix
    if record.coverage is not None:
        text += f" {_COVERAGE[record.coverage]}"
    return f"{text} ({record.descriptor})" if descriptor and record.descriptor else text


def _soc(record: mc.Statistic | mc.Fact | None) -> str:
    """The SOC codes a figure counts; a fact (education, training) counts no jobs."""
    if not isinstance(record, mc.Statistic):
        return "-"
    return record.definition or "not stated"


def _quick_facts(cat: mc.Catalog, occupation: mc.Occupation, page: Page) -> None:
    facts = cat.quick_facts(occupation)
    items: list[tuple[str, mc.Statistic | mc.Fact | None, str]] = [
        ("Median pay", facts.median_annual_pay, " a year"),
        ("Median pay", facts.median_hourly_pay, " an hour"),
        ("Number of jobs", facts.employment, ""),
        ("Jobs the projection starts from", facts.projection_base, ""),
        ("Projected change", facts.projected_change_percent, ""),
        ("Projected change in jobs", facts.projected_change, ""),
        ("Openings a year, on average", facts.annual_openings, ""),
        ("Entry-level education", facts.entry_level_education, ""),
        ("Work experience in a related occupation", facts.work_experience, ""),
        ("On-the-job training", facts.on_the_job_training, ""),
    ]
    rows = [
        [
            Cell(label),
            Cell(_item(record, suffix)),
            Cell("-" if record is None else period_text(record.period)),
            Cell(_soc(record)),
            Cell("-" if record is None else source_label(cat.sources[record.source])),
        ]
        for label, record, suffix in items
    ]
    credentials = [Cell(c.abbreviation, href=credential_href(c.id)) for c in facts.credentials]
    page.add(
        "## Quick facts",
        "",
        "The newest figure of each kind for the nation, exactly as "
        f'`cat.quick_facts("{occupation.id}")` returns it. SOC: the occupation codes the figure '
        f"counts; today's code is {facts.current_definition}.",
    )
    page.html(table(["", "figure", "period", "SOC", "source"], rows))
    if credentials:
        links = ", ".join(cell.html("span") for cell in credentials)
        page.html(f"<p>Credentials: {links}</p>")
    notes: list[Cited] = [cited(label, r) for label, r, _ in items if r is not None]
    page.html(details(cat, notes))


_PROJECTED: Final = (
    ("jobs at the start", mc.Measure.EMPLOYMENT),
    ("jobs at the end", mc.Measure.PROJECTED_EMPLOYMENT),
    ("change", mc.Measure.PROJECTED_CHANGE_PERCENT),
    ("change in jobs", mc.Measure.PROJECTED_CHANGE),
    ("openings a year", mc.Measure.ANNUAL_OPENINGS),
)
"""The columns of the projections table, after the projection's period."""


def _projections(cat: mc.Catalog, occupation: mc.Occupation, page: Page) -> None:
    page.add("## Projections")
    found = [
        s
        for measure in (m for _, m in _PROJECTED if m is not mc.Measure.EMPLOYMENT)
        for s in cat.stats(occupation=occupation, measure=measure)
    ]
    keys = sorted({(s.period, s.source) for s in found})
    if not keys:
        page.add("The data holds no projections for this occupation.")
        return
    # A projection's base year is its period's start; the base is the source's own count.
    bases = {
        (s.source, s.period.start_year): s
        for s in cat.stats(occupation=occupation, measure=mc.Measure.EMPLOYMENT, area="US")
        if s.source in {source for _, source in keys} and s.industry is None
    }
    by_key = {(s.period, s.source, s.measure): s for s in found}
    rows = []
    notes: list[Cited] = []
    for period, source in keys:
        cells = [Cell(period_text(period))]
        figures = []
        for label, measure in _PROJECTED:
            stat = (
                bases.get((source, period.start_year))
                if measure is mc.Measure.EMPLOYMENT
                else by_key.get((period, source, measure))
            )
            text = "-" if stat is None else _item(stat, descriptor=False)
            cells.append(Cell(text, numeric=True))
            if stat is not None:
                figures.append(stat)
                notes.append(cited(f"{period_text(period)}, {label}", stat))
        change = by_key.get((period, source, mc.Measure.PROJECTED_CHANGE_PERCENT))
        outlook = None if change is None else change.descriptor
        cells.append(Cell(outlook or "-"))
        cells.append(Cell(source_label(cat.sources[source])))
        cells.append(Cell(figures[-1].definition or "not stated"))
        rows.append(cells)
    headers = ["projection", *(label for label, _ in _PROJECTED), "outlook", "source", "SOC"]
    page.add(
        "Each projection with the jobs it starts from, as its source counts them; a cell "
        'reads "-" where that source does not state the figure. The outlook is the '
        "source's own words, never one this library infers.",
    )
    page.html(table(headers, rows, numeric=tuple(range(1, len(_PROJECTED) + 1))))
    page.html(details(cat, notes))


def _work(cat: mc.Catalog, occupation: mc.Occupation, page: Page) -> None:
    if not occupation.tasks and not occupation.technology:
        return
    page.add("## What the work is")
    onet = cat.sources["onet-29.3"]
    intro = f"From {onet.title}"
    if occupation.job_zone is not None:
        intro += f"; job zone {occupation.job_zone} of 5"
    page.add(
        intro + ". Core tasks are the ones O*NET rates most relevant and important; "
        "unrated tasks have no rating in this release. "
        f"In Python: `cat.occupation({occupation.id!r}).tasks`.",
    )
    order = {mc.TaskKind.CORE: 0, mc.TaskKind.SUPPLEMENTAL: 1, None: 2}
    tasks = sorted(occupation.tasks, key=lambda t: (order[t.kind], t.id))
    rows = [
        [Cell(str(t.id)), Cell(str(t.kind) if t.kind else "unrated"), Cell(t.text)] for t in tasks
    ]
    page.html(table(["task", "rated", "task statement"], rows))
    tech = [
        [
            Cell(t.example),
            Cell(t.commodity_title),
            Cell(", ".join(w for w, on in (("hot", t.hot), ("in demand", t.in_demand)) if on)),
        ]
        for t in sorted(occupation.technology, key=lambda t: (t.commodity_title, t.example))
    ]
    if tech:
        page.add(
            "### Technology used",
            "",
            "Marked as O*NET marks them: hot technology (often asked for in job postings) "
            "and in demand for this occupation. Click a header to sort.",
        )
        page.html(table(["example", "kind", "marked"], tech, sortable=True))
    notes = [cited(f"task {t.id}", t) for t in tasks]
    notes += [cited(f"technology: {t.example}", t) for t in occupation.technology]
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
    _work(cat, occupation, page)
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
