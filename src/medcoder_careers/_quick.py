"""`QuickFacts`: what a user asks first about an occupation, answered in one call."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TypeVar

import attrs

from ._display import COVERAGE_WORDS, cited_html, escaped, figure_text, html_table
from ._model import NATION, Area, Credential, Fact, Occupation, Statistic
from ._names import AREA, CREDENTIAL, OCCUPATION, Names
from ._period import Period
from ._query import Query
from ._vocab import Coverage, FactTopic, Measure

__all__ = ["QuickFacts", "quick_facts"]

_R = TypeVar("_R", Statistic, Fact)


def _credentials(items: Iterable[Credential]) -> tuple[Credential, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class QuickFacts:
    """The newest answer to each first question about an occupation, with its provenance.

    Each figure is a `Statistic` (each fact a `Fact`) carrying its own
    period, source, area and definition (the SOC codes it counts, which may
    differ from the occupation's current code), or None where the data has
    none. Pay and jobs are the area's; projections and education exist for
    the nation only and come from there, whatever the area asked for (their
    ``area`` says so). A count of jobs says which jobs it counts in its
    ``coverage``: OEWS counts wage and salary jobs, the projections every
    job, the self-employed included.

    Attributes:
        occupation: The occupation.
        area: The area asked for.
        median_annual_pay: The newest median annual wage.
        median_hourly_pay: The newest median hourly wage.
        employment: The newest employment figure.
        projected_change_percent: The newest projected change in percent;
            its ``descriptor`` is the outlook where the source states one
            ("Faster than average"; Employment Projections states none).
        projected_change: The projected change in jobs, of the same source
            and period.
        projection_base: The employment the projection starts from (its
            source's figure for the projection's first year), so that the
            percent can be checked against its own base, whatever the
            newest count of jobs beside it.
        annual_openings: The average job openings a year over the
            projection's period, of the same source.
        entry_level_education: The newest entry-level education fact.
        work_experience: The newest work-experience fact.
        on_the_job_training: The newest on-the-job training fact.
        credentials: The credentials related to the occupation.

    .. versionadded:: 2026.2.0
    .. versionadded:: 2027.1.0 ``projection_base`` and ``annual_openings``;
       ``employment_coverage`` and ``projection_base_coverage``.
    """

    occupation: Occupation
    area: Area
    median_annual_pay: Statistic | None
    median_hourly_pay: Statistic | None
    employment: Statistic | None
    projected_change_percent: Statistic | None
    projected_change: Statistic | None
    projection_base: Statistic | None = None
    annual_openings: Statistic | None = None
    entry_level_education: Fact | None
    work_experience: Fact | None
    on_the_job_training: Fact | None
    credentials: tuple[Credential, ...] = attrs.field(converter=_credentials)

    def _repr_html_(self) -> str:
        """Return the quick facts as an HTML table (Jupyter), each figure's source under it."""
        rows = []
        for field in attrs.fields(QuickFacts):
            item = getattr(self, field.name)
            if field.name in {"occupation", "area"} or not isinstance(
                item, Statistic | Fact | None
            ):
                continue
            label = field.name.replace("_", " ")
            if item is None:
                rows.append([label, "not in the data", "", ""])
                continue
            if isinstance(item, Fact):
                text = item.text
            else:
                text = figure_text(item)
                if item.coverage is not None:
                    text += f" {COVERAGE_WORDS[item.coverage]}"
                if item.definition not in {None, self.current_definition}:
                    text += f" (SOC {item.definition})"
                if item.area != self.area.id:
                    text += " (national)"
            period = "" if item.period is None else str(item.period)
            rows.append([label, cited_html(text, item.citation), period, escaped(item.source)])
        credentials = ", ".join(c.abbreviation for c in self.credentials) or "none"
        rows.append(["credentials", escaped(credentials), "", ""])
        caption = f"{self.occupation.title}: {self.area.name}"
        return html_table(["", "figure", "period", "source"], rows, caption=caption)

    @property
    def outlook(self) -> str | None:
        """The source's words for the projected change ("Faster than average"), if any."""
        change = self.projected_change_percent
        return None if change is None else change.descriptor

    @property
    def employment_coverage(self) -> Coverage | None:
        """Which jobs ``employment`` counts (OEWS: wage and salary jobs), or None without it."""
        return None if self.employment is None else self.employment.coverage

    @property
    def projection_base_coverage(self) -> Coverage | None:
        """Which jobs ``projection_base`` counts (all jobs, the self-employed included)."""
        return None if self.projection_base is None else self.projection_base.coverage

    @property
    def current_definition(self) -> str | None:
        """The SOC code the occupation's newest figures count: its code of the newest SOC."""
        codes = sorted(self.occupation.soc, key=lambda soc: soc.version)
        return codes[-1].code if codes else None


def _newest(records: Iterable[_R], rank: Mapping[str, tuple[bool, int]]) -> _R | None:
    """The record of the latest period, the best-ranked source winning a tie."""

    def key(record: _R) -> tuple[int, int, tuple[bool, int], str]:
        standing = rank.get(record.source, (False, 0))
        period: Period | None = record.period
        if period is None:  # a fact the source states with no period
            return (-1, -1, standing, record.source)
        return (period.end_year, period.end_month, standing, record.source)

    return max(records, key=key, default=None)


def quick_facts(query: Query, names: Names, occupation: object, area: object) -> QuickFacts:
    """Build the `QuickFacts` of *occupation* in *area* (see `Catalog.quick_facts`).

    Raises:
        NotFound: *occupation* or *area* names nothing.
    """
    found = names.find(OCCUPATION, occupation)
    where = names.find(AREA, area)
    rank = query.rank()

    def figure(measure: Measure, area_id: str, percentile: int | None = None) -> Statistic | None:
        candidates = query.stats(
            occupation=found,
            measure=measure,
            area=area_id,
            percentile=percentile,
            industry=None,
            setting=None,
            experience=None,
            accreditor=None,
        )
        return _newest(candidates, rank)

    def fact(topic: FactTopic) -> Fact | None:
        return _newest(query.find_facts(occupation=found, topic=topic), rank)

    change = figure(Measure.PROJECTED_CHANGE_PERCENT, NATION)

    def projection(measure: Measure, period: Period | None = None) -> Statistic | None:
        """The figure of *measure* of the projection's own source (and *period*)."""
        if change is None:
            return None
        found_ = query.stats(
            occupation=found,
            measure=measure,
            source=change.source,
            period=period or change.period,
            area=NATION,
            industry=None,
            setting=None,
            experience=None,
        )
        return _newest(found_, rank)

    return QuickFacts(
        occupation=found,
        area=where,
        median_annual_pay=figure(Measure.ANNUAL_WAGE, where.id, 50),
        median_hourly_pay=figure(Measure.HOURLY_WAGE, where.id, 50),
        employment=figure(Measure.EMPLOYMENT, where.id),
        projected_change_percent=change,
        projected_change=projection(Measure.PROJECTED_CHANGE),
        projection_base=(
            None
            if change is None
            else projection(Measure.EMPLOYMENT, Period.year(change.period.start_year))
        ),
        annual_openings=projection(Measure.ANNUAL_OPENINGS),
        entry_level_education=fact(FactTopic.ENTRY_LEVEL_EDUCATION),
        work_experience=fact(FactTopic.WORK_EXPERIENCE),
        on_the_job_training=fact(FactTopic.ON_THE_JOB_TRAINING),
        credentials=sorted(
            c for c in names.table(CREDENTIAL).values() if found.id in c.related_occupations
        ),
    )
