"""What statistics and facts are about: `Topic`, the things search finds besides entities."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Final

import attrs

from ._vocab import PERCENTILES, FactTopic, Measure

__all__ = ["Topic", "topic_names", "topics"]


@attrs.frozen(kw_only=True, order=True)
class Topic:
    """What a group of statistics or facts is about, as `Catalog.search` finds it.

    A topic is either one measure (for the wage measures, at one
    percentile: the median, the 10th, ...) or one `FactTopic`. Its fields
    are the filters that fetch its records::

        if topic.measure is not None:
            cat.stats(measure=topic.measure, percentile=topic.percentile)
        else:
            cat.find_facts(topic=topic.fact_topic)

    Topics are the library's vocabulary, the same for every catalog; the
    packaged data holds records for each of them.

    Attributes:
        id: ``"median_annual_wage"``, ``"annual_wage_p90"``,
            ``"employment"``, ``"certification"``, ...
        name: What it is called (``"Median annual wage"``).
        measure: The `Measure` of its statistics, or None for a fact topic.
        percentile: The wage percentile of its statistics; None for every
            other topic (``percentile=None`` keeps the statistics without one).
        fact_topic: The `FactTopic` of its facts, or None for a measure.
        keywords: The other words search finds it by (``"pay"``, ``"salary"``).

    .. versionadded:: 2026.3.0
    """

    id: str
    name: str = attrs.field(order=False)
    measure: Measure | None = attrs.field(default=None, order=False)
    percentile: int | None = attrs.field(default=None, order=False)
    fact_topic: FactTopic | None = attrs.field(default=None, order=False)
    keywords: tuple[str, ...] = attrs.field(default=(), order=False)


_PAY: Final = ("pay", "salary", "wage", "earnings", "income")

# name, keywords; the wage measures are spelt per percentile below. A keyword
# several topics share ranks them by id, so each plain word belongs to the
# topic a reader most likely means ("salary": the median annual wage).
_MEASURES: Final[Mapping[Measure, tuple[str, tuple[str, ...]]]] = {
    Measure.EMPLOYMENT: ("Employment", ("jobs", "number of jobs", "workers", "job count")),
    Measure.EMPLOYMENT_SHARE: (
        "Share of the occupation's jobs in a setting or industry",
        ("where they work", "employers", "work setting"),
    ),
    Measure.ANNUAL_SALARY: ("Annual salary by experience", ("pay by experience",)),
    Measure.PROJECTED_CHANGE_PERCENT: (
        "Projected change of employment, percent",
        ("growth", "job growth", "projections", "projected growth", "demand"),
    ),
    Measure.PROJECTED_CHANGE: (
        "Projected change of employment, jobs",
        ("new jobs", "projected jobs"),
    ),
    Measure.ACCREDITED_PROGRAMS: (
        "Accredited education programs",
        ("schools", "programs", "accreditation", "degree programs"),
    ),
    Measure.ANNUAL_MEAN_WAGE: ("Mean annual wage", ("average pay", "average salary")),
    Measure.HOURLY_MEAN_WAGE: ("Mean hourly wage", ("average hourly pay",)),
    Measure.EMPLOYMENT_PER_1000_JOBS: (
        "Employment per 1,000 jobs",
        ("jobs per thousand", "concentration", "density"),
    ),
    Measure.LOCATION_QUOTIENT: (
        "Location quotient",
        ("concentration", "where the jobs are", "LQ"),
    ),
    Measure.SHARE_OF_INDUSTRY: (
        "Share of an industry's jobs",
        ("percent of industry employment", "industry share"),
    ),
    Measure.PROJECTED_EMPLOYMENT: (
        "Projected employment",
        ("future jobs", "jobs in ten years", "employment projections"),
    ),
    Measure.ANNUAL_OPENINGS: (
        "Job openings a year",
        ("openings", "annual openings", "job openings", "hiring"),
    ),
}
_WAGES: Final = {Measure.ANNUAL_WAGE: "annual", Measure.HOURLY_WAGE: "hourly"}
_ORDINAL: Final = {10: "10th", 25: "25th", 75: "75th", 90: "90th"}

_FACTS: Final[Mapping[FactTopic, tuple[str, tuple[str, ...]]]] = {
    FactTopic.ENTRY_LEVEL_EDUCATION: (
        "Entry-level education",
        ("education", "degree", "schooling", "how to become"),
    ),
    FactTopic.TYPICAL_EDUCATION: ("Typical education", ("typical degree",)),
    FactTopic.MINIMUM_EDUCATION: ("Minimum education", ("minimum requirements",)),
    FactTopic.WORK_EXPERIENCE: ("Work experience", ("experience", "prior experience")),
    FactTopic.ON_THE_JOB_TRAINING: ("On-the-job training", ("on the job",)),
    FactTopic.TRAINING: ("Training", ("courses", "programs", "coding systems")),
    FactTopic.CERTIFICATION: (
        "Certification",
        ("certificate", "credential", "credentials", "license", "licensure"),
    ),
    FactTopic.JOB_OUTLOOK: ("Job outlook", ("outlook", "future")),
    FactTopic.JOB_PROSPECTS: ("Job prospects", ("prospects", "opportunities")),
    FactTopic.WORK_ENVIRONMENT: (
        "Work environment",
        ("workplace", "where they work", "remote", "work from home"),
    ),
    FactTopic.WORK_SCHEDULE: ("Work schedule", ("hours", "shifts", "full time", "overtime")),
    FactTopic.ADVANCEMENT: ("Advancement", ("career path", "promotion", "career ladder")),
    FactTopic.SKILLS: ("Skills", ("qualities", "abilities", "important qualities")),
}


def _wage_topics(measure: Measure, adjective: str) -> Iterator[Topic]:
    hourly = measure is Measure.HOURLY_WAGE
    for percentile in PERCENTILES:
        if percentile == 50:  # noqa: PLR2004 - the median
            plain = ("hourly pay",) if hourly else _PAY
            keywords = (*plain, *(f"median {word}" for word in plain))
            yield Topic(
                id=f"median_{measure.value}",
                name=f"Median {adjective} wage",
                measure=measure,
                percentile=percentile,
                keywords=keywords,
            )
        else:
            yield Topic(
                id=f"{measure.value}_p{percentile}",
                name=f"{adjective.capitalize()} wage, {_ORDINAL[percentile]} percentile",
                measure=measure,
                percentile=percentile,
            )


@functools.cache
def topics() -> Mapping[str, Topic]:
    """Every topic by id (read-only): each measure (wages per percentile), each fact topic."""
    found: list[Topic] = []
    for measure in Measure:
        if measure in _WAGES:
            found += _wage_topics(measure, _WAGES[measure])
        else:
            name, keywords = _MEASURES[measure]
            found.append(Topic(id=measure.value, name=name, measure=measure, keywords=keywords))
    for fact_topic in FactTopic:
        name, keywords = _FACTS[fact_topic]
        found.append(
            Topic(id=fact_topic.value, name=name, fact_topic=fact_topic, keywords=keywords)
        )
    return MappingProxyType({topic.id: topic for topic in found})


def topic_names(topic: Topic) -> Iterator[tuple[str, bool]]:
    """Yield the names *topic* answers to in search, ``(name, is_key)`` like `names_of`."""
    yield topic.name, False
    for keyword in topic.keywords:
        yield keyword, False
    yield topic.id, True
