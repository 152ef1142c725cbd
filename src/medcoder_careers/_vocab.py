"""Controlled vocabularies: each a `enum.StrEnum` whose values are the JSON spelling."""

from __future__ import annotations

import enum
from types import MappingProxyType

__all__ = [
    "CHANGE_MEASURES",
    "DOLLAR_UNITS",
    "PERCENTILES",
    "PROJECTION_MEASURES",
    "WAGE_MEASURES",
    "AreaKind",
    "Bound",
    "Coverage",
    "FactTopic",
    "Measure",
    "OrganizationKind",
    "RequirementKind",
    "SourceKind",
    "TaskKind",
    "Unit",
    "UnpublishedReason",
    "units_for",
]


class Measure(enum.StrEnum):
    """What a statistic measures."""

    EMPLOYMENT = "employment"
    """Number of jobs held in the occupation."""
    EMPLOYMENT_SHARE = "employment_share"
    """Percent of the occupation's jobs in one ``setting`` or ``industry``."""
    ANNUAL_WAGE = "annual_wage"
    """Survey (OES/OEWS) annual wage at a ``percentile`` (50 is the median)."""
    HOURLY_WAGE = "hourly_wage"
    """Survey (OES/OEWS) hourly wage at a ``percentile`` (50 is the median)."""
    ANNUAL_SALARY = "annual_salary"
    """A non-survey salary figure, e.g. by ``experience``; may be a range."""
    PROJECTED_CHANGE_PERCENT = "projected_change_percent"
    """Projected change of employment over the period, in percent."""
    PROJECTED_CHANGE = "projected_change"
    """Projected change of employment over the period, in jobs."""
    ACCREDITED_PROGRAMS = "accredited_programs"
    """Number of education programs accredited or approved by an ``accreditor``."""
    ANNUAL_MEAN_WAGE = "annual_mean_wage"
    """Survey (OEWS) mean annual wage."""
    HOURLY_MEAN_WAGE = "hourly_mean_wage"
    """Survey (OEWS) mean hourly wage."""
    EMPLOYMENT_PER_1000_JOBS = "employment_per_1000_jobs"
    """Jobs in the occupation per 1,000 jobs of all occupations in the area."""
    LOCATION_QUOTIENT = "location_quotient"
    """The occupation's share of the area's jobs over its share of the nation's."""
    SHARE_OF_INDUSTRY = "share_of_industry"
    """Percent of an ``industry``'s jobs that the occupation holds."""
    PROJECTED_EMPLOYMENT = "projected_employment"
    """Employment projected for the end of the period (jobs).

    .. versionadded:: 2027.1.0
    """
    ANNUAL_OPENINGS = "annual_openings"
    """Job openings a year, on average over the projection period (jobs per year).

    .. versionadded:: 2027.1.0
    """


class Unit(enum.StrEnum):
    """The unit of a statistic's value."""

    USD_PER_YEAR = "usd_per_year"
    """U.S. dollars per year (nominal dollars of the statistic's period)."""
    USD_PER_HOUR = "usd_per_hour"
    """U.S. dollars per hour (nominal dollars of the statistic's period)."""
    JOBS = "jobs"
    """A count of jobs."""
    PERCENT = "percent"
    """Percent (``20`` means 20 %)."""
    PROGRAMS = "programs"
    """A count of education programs."""
    PER_1000_JOBS = "per_1000_jobs"
    """Jobs per 1,000 jobs of all occupations."""
    RATIO = "ratio"
    """A plain ratio (``1.0`` is parity)."""
    JOBS_PER_YEAR = "jobs_per_year"
    """A count of jobs a year (openings).

    .. versionadded:: 2027.1.0
    """


class Bound(enum.StrEnum):
    """How the source bounds a figure: its own words, recorded honestly."""

    EXACT = "exact"
    """Stated as is."""
    APPROXIMATE = "approximate"
    """Stated with "about"."""
    MORE_THAN = "more_than"
    """Stated with "more than": the true value is above."""
    LESS_THAN = "less_than"
    """Stated with "less than": the true value is below."""
    AT_LEAST = "at_least"
    """A top-coded figure: the true value is the threshold or above (OEWS footnote 5)."""


class AreaKind(enum.StrEnum):
    """What kind of geographic area an `Area` is (the BLS OEWS area types)."""

    NATIONAL = "national"
    """The United States as a whole."""
    STATE = "state"
    """A state, the District of Columbia or a territory."""
    METROPOLITAN = "metropolitan"
    """A metropolitan statistical area (or New England city and town area)."""
    NONMETROPOLITAN = "nonmetropolitan"
    """A nonmetropolitan area: counties of one state outside every metro area."""


class Coverage(enum.StrEnum):
    """Which jobs an employment figure counts.

    .. versionadded:: 2027.1.0
    """

    ALL_JOBS = "all_jobs"
    """Every job, the self-employed included (the handbook, Employment Projections)."""
    WAGE_AND_SALARY = "wage_and_salary"
    """Wage and salary jobs only, the self-employed excluded (the OEWS survey)."""


class TaskKind(enum.StrEnum):
    """How O*NET rates a task of an occupation.

    .. versionadded:: 2027.1.0
    """

    CORE = "core"
    """Critical to the occupation (rated important and done by most incumbents)."""
    SUPPLEMENTAL = "supplemental"
    """Less relevant or less important to the occupation."""


class UnpublishedReason(enum.StrEnum):
    """Why a release lists a figure but does not publish it.

    .. versionadded:: 2027.1.0
    """

    WITHHELD = "withheld"
    """The estimate was not released (OEWS footnote 8, or ``*``/``**`` in a national file)."""
    NOT_APPLICABLE = "not_applicable"
    """Hourly or annual pay is not published for an occupation paid the other way (footnote 4)."""
    NO_ESTIMATE = "no_estimate"
    """The release has no estimate for the occupation in that area or industry."""


class OrganizationKind(enum.StrEnum):
    """What kind of body an organization is."""

    GOVERNMENT_AGENCY = "government_agency"
    PROFESSIONAL_ASSOCIATION = "professional_association"
    ACCREDITOR = "accreditor"
    CREDENTIALING_BODY = "credentialing_body"
    INFORMATION_SERVICE = "information_service"


class SourceKind(enum.StrEnum):
    """What kind of document a source is."""

    HANDBOOK_EDITION = "handbook_edition"
    """A labelled edition of the Occupational Outlook Handbook."""
    HANDBOOK_PAGE = "handbook_page"
    """A handbook page whose edition label could not be verified."""
    ARTICLE = "article"
    """A career article citing official figures."""
    BLOG_POST = "blog_post"
    """A blog post."""
    CLASSIFICATION = "classification"
    """An official code list (SOC, NAICS) with crosswalk notes."""
    STATISTICAL_SERIES = "statistical_series"
    """An official statistical series, e.g. CPI-U annual averages."""
    STATISTICAL_TABLE = "statistical_table"
    """An official table of estimates read cell by cell, e.g. BLS OEWS."""
    ORGANIZATION_PAGE = "organization_page"
    """A page an organization publishes about its own rules, e.g. a credentialing
    body's recertification requirements.

    .. versionadded:: 2026.2.0
    """


class RequirementKind(enum.StrEnum):
    """What kind of condition a credential sets."""

    EDUCATION = "education"
    ACCREDITED_PROGRAM = "accredited_program"
    EXAM = "exam"
    EXPERIENCE = "experience"
    CONTINUING_EDUCATION = "continuing_education"


class FactTopic(enum.StrEnum):
    """What an edition-stamped categorical fact is about."""

    ENTRY_LEVEL_EDUCATION = "entry_level_education"
    TYPICAL_EDUCATION = "typical_education"
    MINIMUM_EDUCATION = "minimum_education"
    WORK_EXPERIENCE = "work_experience"
    ON_THE_JOB_TRAINING = "on_the_job_training"
    TRAINING = "training"
    CERTIFICATION = "certification"
    JOB_OUTLOOK = "job_outlook"
    JOB_PROSPECTS = "job_prospects"
    WORK_ENVIRONMENT = "work_environment"
    WORK_SCHEDULE = "work_schedule"
    ADVANCEMENT = "advancement"
    SKILLS = "skills"


WAGE_MEASURES = frozenset({Measure.ANNUAL_WAGE, Measure.HOURLY_WAGE})
"""The measures that take a ``percentile``."""

CHANGE_MEASURES = frozenset({Measure.PROJECTED_CHANGE, Measure.PROJECTED_CHANGE_PERCENT})
"""The measures of a change over a projection's interval: they may be negative."""

PROJECTION_MEASURES = CHANGE_MEASURES | {Measure.PROJECTED_EMPLOYMENT, Measure.ANNUAL_OPENINGS}
"""The measures of a projection: each states an interval period such as ``2024/2034``."""

DOLLAR_UNITS = frozenset({Unit.USD_PER_YEAR, Unit.USD_PER_HOUR})
"""The units of dollar amounts: what CPI-U adjusts."""

PERCENTILES = (10, 25, 50, 75, 90)
"""The wage percentiles BLS publishes (50 is the median)."""

_UNITS: MappingProxyType[Measure, frozenset[Unit]] = MappingProxyType(
    {
        Measure.EMPLOYMENT: frozenset({Unit.JOBS}),
        Measure.EMPLOYMENT_SHARE: frozenset({Unit.PERCENT}),
        Measure.ANNUAL_WAGE: frozenset({Unit.USD_PER_YEAR}),
        Measure.HOURLY_WAGE: frozenset({Unit.USD_PER_HOUR}),
        Measure.ANNUAL_SALARY: frozenset({Unit.USD_PER_YEAR}),
        Measure.PROJECTED_CHANGE_PERCENT: frozenset({Unit.PERCENT}),
        Measure.PROJECTED_CHANGE: frozenset({Unit.JOBS}),
        Measure.ACCREDITED_PROGRAMS: frozenset({Unit.PROGRAMS}),
        Measure.ANNUAL_MEAN_WAGE: frozenset({Unit.USD_PER_YEAR}),
        Measure.HOURLY_MEAN_WAGE: frozenset({Unit.USD_PER_HOUR}),
        Measure.EMPLOYMENT_PER_1000_JOBS: frozenset({Unit.PER_1000_JOBS}),
        Measure.LOCATION_QUOTIENT: frozenset({Unit.RATIO}),
        Measure.SHARE_OF_INDUSTRY: frozenset({Unit.PERCENT}),
        Measure.PROJECTED_EMPLOYMENT: frozenset({Unit.JOBS}),
        Measure.ANNUAL_OPENINGS: frozenset({Unit.JOBS_PER_YEAR}),
    }
)


def units_for(measure: Measure) -> frozenset[Unit]:
    """Return the units a statistic of *measure* may be expressed in.

    >>> sorted(units_for(Measure.ANNUAL_WAGE))
    [<Unit.USD_PER_YEAR: 'usd_per_year'>]
    """
    return _UNITS[measure]
