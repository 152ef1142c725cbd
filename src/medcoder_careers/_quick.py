"""`QuickFacts`: what a user asks first about an occupation, answered in one call."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TypeVar

import attrs

from ._model import NATION, Area, Credential, Fact, Occupation, Statistic
from ._names import AREA, CREDENTIAL, OCCUPATION, Names
from ._period import Period
from ._query import Query
from ._vocab import FactTopic, Measure

__all__ = ["QuickFacts", "quick_facts"]

_R = TypeVar("_R", Statistic, Fact)


def _credentials(items: Iterable[Credential]) -> tuple[Credential, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class QuickFacts:
    """The newest answer to each first question about an occupation, with its provenance.

    Each figure is a `Statistic` (each fact a `Fact`) carrying its own
    period, source and area, or None where the data has none. Pay and jobs
    are the area's; projections and education exist for the nation only and
    come from there, whatever the area asked for (their ``area`` says so).

    Attributes:
        occupation: The occupation.
        area: The area asked for.
        median_annual_pay: The newest median annual wage.
        median_hourly_pay: The newest median hourly wage.
        employment: The newest employment figure.
        projected_change_percent: The newest projected change in percent,
            whose ``descriptor`` is the outlook ("Faster than average").
        projected_change: The newest projected change in jobs.
        entry_level_education: The newest entry-level education fact.
        work_experience: The newest work-experience fact.
        on_the_job_training: The newest on-the-job training fact.
        credentials: The credentials related to the occupation.

    .. versionadded:: 2026.2.0
    """

    occupation: Occupation
    area: Area
    median_annual_pay: Statistic | None
    median_hourly_pay: Statistic | None
    employment: Statistic | None
    projected_change_percent: Statistic | None
    projected_change: Statistic | None
    entry_level_education: Fact | None
    work_experience: Fact | None
    on_the_job_training: Fact | None
    credentials: tuple[Credential, ...] = attrs.field(converter=_credentials)

    @property
    def outlook(self) -> str | None:
        """The source's words for the projected change ("Faster than average"), if any."""
        change = self.projected_change_percent
        return None if change is None else change.descriptor


def _newest(records: Iterable[_R], recency: Mapping[str, int]) -> _R | None:
    """The record of the latest period, the newest source winning a tie."""

    def key(record: _R) -> tuple[int, int, int, str]:
        period: Period | None = record.period
        if period is None:  # a fact the source states with no period
            return (-1, -1, recency.get(record.source, 0), record.source)
        return (period.end_year, period.end_month, recency.get(record.source, 0), record.source)

    return max(records, key=key, default=None)


def quick_facts(query: Query, names: Names, occupation: object, area: object) -> QuickFacts:
    """Build the `QuickFacts` of *occupation* in *area* (see `Catalog.quick_facts`).

    Raises:
        NotFound: *occupation* or *area* names nothing.
    """
    found = names.find(OCCUPATION, occupation)
    where = names.find(AREA, area)
    recency = query.recency()

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
        return _newest(candidates, recency)

    def fact(topic: FactTopic) -> Fact | None:
        return _newest(query.find_facts(occupation=found, topic=topic), recency)

    national: Callable[[Measure], Statistic | None] = lambda measure: figure(measure, NATION)  # noqa: E731
    return QuickFacts(
        occupation=found,
        area=where,
        median_annual_pay=figure(Measure.ANNUAL_WAGE, where.id, 50),
        median_hourly_pay=figure(Measure.HOURLY_WAGE, where.id, 50),
        employment=figure(Measure.EMPLOYMENT, where.id),
        projected_change_percent=national(Measure.PROJECTED_CHANGE_PERCENT),
        projected_change=national(Measure.PROJECTED_CHANGE),
        entry_level_education=fact(FactTopic.ENTRY_LEVEL_EDUCATION),
        work_experience=fact(FactTopic.WORK_EXPERIENCE),
        on_the_job_training=fact(FactTopic.ON_THE_JOB_TRAINING),
        credentials=sorted(
            c for c in names.table(CREDENTIAL).values() if found.id in c.related_occupations
        ),
    )
