"""The entities: immutable, slotted, keyword-only attrs classes, each citing its source.

Entities order by ``id``; a `Statistic` orders by period, then source, then
its other identifying fields (an unqualified figure before its breakdowns by
industry, setting or percentile); a `Fact` by period, source and topic.

Annotations are evaluated at import (no ``from __future__ import
annotations``), so the loader reads field types as objects instead of
compiling their text.
"""

from collections.abc import Iterable
from decimal import Decimal
from typing import TypeVar

import attrs

from ._display import record_html
from ._errors import FieldError
from ._period import Period
from ._vocab import (
    PERCENTILES,
    AreaKind,
    Bound,
    Coverage,
    FactTopic,
    Measure,
    OrganizationKind,
    RequirementKind,
    SourceKind,
    TaskKind,
    Unit,
    UnpublishedReason,
    units_for,
)

_T = TypeVar("_T")

__all__ = [
    "NATION",
    "Area",
    "Citation",
    "CpiAnnualAverage",
    "Credential",
    "Entity",
    "Fact",
    "Industry",
    "NaicsCode",
    "Occupation",
    "Organization",
    "PostalAddress",
    "Requirement",
    "SocCode",
    "Source",
    "Specialty",
    "Statistic",
    "Task",
    "Technology",
    "Unpublished",
    "none_first",
    "statistic_order",
]


class _Record:
    """Base of the model classes: a repr built from the fields at call time.

    attrs would compile a ``__repr__`` per class at import; this one is shared.
    """

    __slots__ = ()

    def __repr__(self) -> str:
        """Return ``ClassName(field=value, ...)``."""
        fields = type(self).__attrs_attrs__  # type: ignore[attr-defined]
        shown = ", ".join(f"{field.name}={getattr(self, field.name)!r}" for field in fields)
        return f"{type(self).__name__}({shown})"

    def _repr_html_(self) -> str:
        """Return the record as an HTML table of its fields (what Jupyter shows)."""
        return record_html(self)  # type: ignore[arg-type]  # every subclass is an attrs class


def _tuple(items: Iterable[_T]) -> tuple[_T, ...]:
    """Freeze any iterable into a tuple (a plain function: attrs inspects it cheaply)."""
    return tuple(items)


def none_first(value: object) -> tuple[bool, object]:
    """Order key that puts None (no qualifier: the whole) before every value."""
    return (value is not None, "" if value is None else value)


NATION = "0000000"
"""The BLS OEWS area code of the United States as a whole."""

_AREA_CODE_LENGTH = 7


def _check_area_code(_: object, attribute: "attrs.Attribute[str]", value: object) -> None:
    if not (
        isinstance(value, str)
        and len(value) == _AREA_CODE_LENGTH
        and value.isascii()
        and value.isdigit()
    ):
        msg = f"an area code is 7 digits, got {value!r}"
        raise FieldError(attribute.name, msg)


@attrs.frozen(kw_only=True, order=True, repr=False)
class Citation(_Record):
    """Where a record was read: a source id and a verbatim excerpt of its text.

    Attributes:
        source: The id of the `Source` whose text states the record.
        quote: A short excerpt of that text, verbatim once runs of
            whitespace are folded to one space; for a value read from a
            statistical table, the value exactly as the table prints it.
        locator: Where in a table file the quote stands: the BLS series id
            of a value (``"OEUS060000000000029207213"``), or ``"oe.area:0600000"``
            for a name read from a code list; None for a quote from a text.
    """

    source: str
    quote: str
    locator: str | None = attrs.field(default=None, order=none_first)


@attrs.frozen(kw_only=True, order=True, repr=False)
class PostalAddress(_Record):
    """A postal address as a source prints it.

    Attributes:
        lines: The street lines, e.g. ``("233 N. Michigan Ave.", "Suite 2150")``.
        city: The city.
        region: The state or region code, e.g. ``"IL"``.
        postal_code: The ZIP code, e.g. ``"60601-5800"``.
        country: ISO 3166 country code.
    """

    lines: tuple[str, ...] = attrs.field(converter=_tuple)
    city: str
    region: str
    postal_code: str
    country: str = "US"

    def __str__(self) -> str:
        """Render on one line, the way the source prints it."""
        return ", ".join((*self.lines, self.city, f"{self.region} {self.postal_code}"))


@attrs.frozen(kw_only=True, order=True, repr=False)
class SocCode(_Record):
    """A Standard Occupational Classification code in one SOC version.

    Attributes:
        version: The SOC version's year: 2000, 2010 or 2018.
        code: The code, e.g. ``"29-2071"``.
        title: The official title in that version.
        definition: The official definition of the code, verbatim (2018
            codes: "... Includes medical coders. Excludes ..."), else None.
            Its citation is the occupation's, located ``soc:29-2072``.

    .. versionadded:: 2027.1.0 ``definition``.
    """

    version: int
    code: str
    title: str
    definition: str | None = attrs.field(default=None, order=False)

    def __str__(self) -> str:
        """Render as ``2010 SOC 29-2071 Medical Records and ...``."""
        return f"{self.version} SOC {self.code} {self.title}"


@attrs.frozen(kw_only=True, order=True, repr=False)
class NaicsCode(_Record):
    """An industry code in one NAICS edition, or a BLS OES/OEWS designation.

    Attributes:
        version: ``"2007"``, ``"2012"``, ``"2017"``, ``"2022"``, or ``"OEWS"``
            for a BLS designation that is not a NAICS industry.
        code: The code, e.g. ``"6221"``.
        title: The official title in that edition.
    """

    version: str
    code: str
    title: str

    def __str__(self) -> str:
        """Render as ``NAICS 2017 6221 General Medical and Surgical Hospitals``."""
        prefix = "NAICS " if self.version.isdigit() else ""
        return f"{prefix}{self.version} {self.code} {self.title}"


@attrs.frozen(kw_only=True, order=True, repr=False)
class Organization(_Record):
    """An organization named in the sources.

    Attributes:
        id: Slug, e.g. ``"ahima"``.
        name: Full name, e.g. ``"American Health Information Management Association"``.
        abbreviation: e.g. ``"AHIMA"``, or None where the sources give none.
        kind: What kind of body it is.
        parent: Id of the organization it belongs to (BLS -> ``"dol"``), or None.
        address: Postal address where a source states one.
        website: Web address where a source states one.
        alternate_names: Other spellings the sources use.
        citations: Where the sources name it.
    """

    id: str
    name: str = attrs.field(order=False)
    abbreviation: str | None = attrs.field(order=False, default=None)
    kind: OrganizationKind = attrs.field(order=False)
    parent: str | None = attrs.field(order=False, default=None)
    address: PostalAddress | None = attrs.field(order=False, default=None)
    website: str | None = attrs.field(order=False, default=None)
    alternate_names: tuple[str, ...] = attrs.field(order=False, default=(), converter=_tuple)
    citations: tuple[Citation, ...] = attrs.field(order=False, converter=_tuple)


@attrs.frozen(kw_only=True, order=True, repr=False)
class Requirement(_Record):
    """One condition for earning or keeping a credential.

    Attributes:
        kind: Education, accredited program, exam, experience or continuing
            education.
        text: The condition, in the library's own words.
        organization: Id of the organization involved (the accreditor, the
            exam's administrator), or None.
        route: The path this requirement belongs to, e.g. ``"A1"``;
            requirements sharing a route are all needed for it, different
            routes are alternatives; None: needed on every path.
        citation: Where a source states it.

    .. versionadded:: 2027.1.0 ``route``.
    """

    kind: RequirementKind
    text: str
    organization: str | None = attrs.field(default=None, order=none_first)
    route: str | None = attrs.field(default=None, order=none_first)
    citation: Citation = attrs.field(order=False)


@attrs.frozen(kw_only=True, order=True, repr=False)
class Credential(_Record):
    """A professional credential (certification or registration).

    Attributes:
        id: Slug, e.g. ``"rhit"``.
        abbreviation: e.g. ``"RHIT"``.
        name: Full name, e.g. ``"Registered Health Information Technician"``.
        issuer: Id of the organization that awards it.
        requirements: What it takes, as far as the sources state.
        options: Named options or specializations of the credential.
        related_occupations: Ids of the occupations it serves.
        alternate_names: Other spellings the sources use.
        citations: Where the sources name it.

    Each credential has a page in the career atlas, e.g.
    :doc:`/_generated/atlas/credentials/rhit`.
    """

    id: str
    abbreviation: str = attrs.field(order=False)
    name: str = attrs.field(order=False)
    issuer: str = attrs.field(order=False)
    requirements: tuple[Requirement, ...] = attrs.field(order=False, default=(), converter=_tuple)
    options: tuple[str, ...] = attrs.field(order=False, default=(), converter=_tuple)
    related_occupations: tuple[str, ...] = attrs.field(order=False, default=(), converter=_tuple)
    alternate_names: tuple[str, ...] = attrs.field(order=False, default=(), converter=_tuple)
    citations: tuple[Citation, ...] = attrs.field(order=False, converter=_tuple)


@attrs.frozen(kw_only=True, order=True, repr=False)
class Specialty(_Record):
    """A specialty within an occupation (coders, cancer registrars, ...).

    Attributes:
        name: The specialty's usual name, e.g. ``"Cancer registrar"``.
        alternate_names: Other names the sources use for it.
        summary: What its workers do, in the library's own words.
        citations: Where the sources describe it.
    """

    name: str
    alternate_names: tuple[str, ...] = attrs.field(order=False, default=(), converter=_tuple)
    summary: str = attrs.field(order=False, default="")
    citations: tuple[Citation, ...] = attrs.field(order=False, converter=_tuple)

    def __str__(self) -> str:
        """Return the specialty's name."""
        return self.name


_JOB_ZONES = range(1, 6)


def _check_job_zone(_: object, attribute: "attrs.Attribute[int | None]", value: object) -> None:
    if value is not None and (isinstance(value, bool) or value not in _JOB_ZONES):
        msg = f"a job zone is 1 to 5, got {value!r}"
        raise FieldError(attribute.name, msg)


@attrs.frozen(kw_only=True, order=True, repr=False)
class Task(_Record):
    """One task of an occupation, as O*NET states it.

    Attributes:
        id: The O*NET Task ID (``22881``).
        text: The task, verbatim.
        kind: Core or supplemental as O*NET rates it, or None where O*NET
            gives no rating (every task of 29-2072.00 is unrated).
        citation: The task's row in O*NET's task statements (locator
            ``onet:task:22881``).

    .. versionadded:: 2027.1.0
    """

    id: int
    text: str = attrs.field(order=False)
    kind: TaskKind | None = attrs.field(order=False, default=None)
    citation: Citation = attrs.field(order=False)


@attrs.frozen(kw_only=True, order=True, repr=False)
class Technology(_Record):
    """A piece of technology an occupation's workers use, as O*NET lists it.

    Attributes:
        example: The product or kind of software, e.g. ``"Epic Systems"``.
        commodity: The UNSPSC commodity code O*NET files it under.
        commodity_title: That commodity's title, e.g. ``"Medical software"``.
        hot: Whether O*NET marks it a hot technology (often asked for in
            job postings).
        in_demand: Whether O*NET marks it in demand for this occupation.
        citation: The row in O*NET's technology skills (locator
            ``onet:technology:29-2072.00:43232610:Epic Systems``).

    .. versionadded:: 2027.1.0
    """

    example: str
    commodity: int
    commodity_title: str = attrs.field(order=False)
    hot: bool = attrs.field(order=False, default=False)
    in_demand: bool = attrs.field(order=False, default=False)
    citation: Citation = attrs.field(order=False)


@attrs.frozen(kw_only=True, order=True, repr=False)
class Occupation(_Record):
    """An occupation, with its codes in every SOC version.

    Attributes:
        id: Slug, e.g. ``"medical-records-and-health-information-technicians"``.
        title: The title the handbook uses.
        soc: Its codes in each SOC version (one version may map to several
            codes where the SOC split the occupation).
        alternate_titles: Other names the sources use for its workers.
        specialties: Its specialties.
        duties: What its workers do, in the library's own words.
        work_settings: Where its workers work.
        related: Ids of occupations the sources name as related.
        advancement: How its workers advance, in the library's own words.
        summary: A one-paragraph description in the library's own words.
        description: O*NET's description of the occupation, verbatim, else None.
        job_zone: O*NET's job zone, 1 (little preparation) to 5 (extensive
            preparation), else None.
        tasks: O*NET's tasks, in O*NET's order.
        technology: The technology O*NET lists for it, in O*NET's order.
        onet_titles: O*NET's alternate titles and sample of reported titles.
            `Catalog.search` finds them; they are not lookup keys of
            `Catalog.occupation`, so a title two occupations share names
            neither.
        citations: Where the sources state these facts (the O*NET
            description, job zone and titles, and each SOC definition
            among them).

    .. versionadded:: 2027.1.0 ``description``, ``job_zone``, ``tasks``,
       ``technology`` and ``onet_titles``.

    Each occupation has a page in the career atlas (:doc:`/_generated/atlas/index`):
    quick facts, pay over time, projections, industries and states.
    """

    id: str
    title: str = attrs.field(order=False)
    soc: tuple[SocCode, ...] = attrs.field(order=False, default=(), converter=_tuple)
    alternate_titles: tuple[str, ...] = attrs.field(order=False, default=(), converter=_tuple)
    specialties: tuple[Specialty, ...] = attrs.field(order=False, default=(), converter=_tuple)
    duties: tuple[str, ...] = attrs.field(order=False, default=(), converter=_tuple)
    work_settings: tuple[str, ...] = attrs.field(order=False, default=(), converter=_tuple)
    related: tuple[str, ...] = attrs.field(order=False, default=(), converter=_tuple)
    advancement: tuple[str, ...] = attrs.field(order=False, default=(), converter=_tuple)
    summary: str = attrs.field(order=False, default="")
    description: str | None = attrs.field(order=False, default=None)
    job_zone: int | None = attrs.field(order=False, default=None, validator=_check_job_zone)
    tasks: tuple[Task, ...] = attrs.field(order=False, default=(), converter=_tuple)
    technology: tuple[Technology, ...] = attrs.field(order=False, default=(), converter=_tuple)
    onet_titles: tuple[str, ...] = attrs.field(order=False, default=(), converter=_tuple)
    citations: tuple[Citation, ...] = attrs.field(order=False, converter=_tuple)


@attrs.frozen(kw_only=True, order=True, repr=False)
class Industry(_Record):
    """An industry a wage table breaks figures down by.

    Attributes:
        id: The NAICS industry-group code (e.g. ``"6221"``) or, for a body
            NAICS does not classify that way, the BLS OES/OEWS designation
            (``"999100"``).
        title: The official title.
        naics: The industry's codes in each NAICS edition (or the OEWS
            designation) that the reference material lists.
        alternate_titles: The titles the sources use, e.g.
            ``"Nursing care facilities"``.
        level: The number of NAICS digits of the code (2 for a sector, up
            to 6), or None for an OEWS designation, an ownership variant or
            an aggregate of several industries. Levels nest, so adding up
            figures across levels counts jobs twice.
        citations: Where the reference material lists it.
    """

    id: str
    title: str = attrs.field(order=False)
    level: int | None = attrs.field(order=False, default=None)
    naics: tuple[NaicsCode, ...] = attrs.field(order=False, default=(), converter=_tuple)
    alternate_titles: tuple[str, ...] = attrs.field(order=False, default=(), converter=_tuple)
    citations: tuple[Citation, ...] = attrs.field(order=False, converter=_tuple)


@attrs.frozen(kw_only=True, order=True, repr=False)
class Area(_Record):
    """A geographic area BLS publishes estimates for: the nation, a state, a metro area.

    Attributes:
        id: The BLS OEWS area code, 7 digits: ``"0000000"`` the nation,
            ``"0600000"`` California, ``"0010420"`` Akron, OH.
        name: The name as BLS prints it.
        kind: National, state, metropolitan or nonmetropolitan.
        states: The postal abbreviations of the states it lies in: empty
            for the nation, one for a state, every state a metro area spans.
        fips: The 2-digit FIPS code of a state, else None.
        cbsa: The 5-digit CBSA code of a metropolitan area, else None.
        citations: Where the table names it.

    Each state-level area has a page in the career atlas, e.g.
    :doc:`/_generated/atlas/states/oh`, and the metropolitan and
    nonmetropolitan areas an index, :doc:`/_generated/atlas/areas`.

    .. versionadded:: 2026.2.0
    """

    id: str = attrs.field(validator=_check_area_code)
    name: str = attrs.field(order=False)
    kind: AreaKind = attrs.field(order=False)
    states: tuple[str, ...] = attrs.field(order=False, default=(), converter=_tuple)
    fips: str | None = attrs.field(order=False, default=None)
    cbsa: str | None = attrs.field(order=False, default=None)
    citations: tuple[Citation, ...] = attrs.field(order=False, converter=_tuple)

    def __str__(self) -> str:
        """Return the area's name."""
        return self.name


@attrs.frozen(kw_only=True, order=True, repr=False)
class Source(_Record):
    """A document the data was read from.

    Attributes:
        id: Slug, e.g. ``"ooh-2010-11"``.
        title: The document's title.
        publisher: Id of the publishing organization, or None when unknown.
        kind: Handbook edition, article, ...
        edition: The handbook edition label (``"2010-11"``), else None. An
            edition is not a reference period: the 2010-11 Edition reports
            May 2008 wages.
        published: ISO date of publication where known.
        as_of: ISO date the reproducing page gives as its currency.
        retrieved_via: The page or file that reproduced the document.
        document: The file name of the text the quotes are checked against.
        note: What a user should know about this source.
        release: The publisher's release label of a statistical table
            (``"2025A01"``), else None.
        address: Where the publisher serves the table file, else None.
        sha256: The sha256 of the published table file, else None.
        snapshot: The pinned copy the values were read through, with its
            hashes, else None.
        citations: Where the text identifies itself.
    """

    id: str
    title: str = attrs.field(order=False)
    publisher: str | None = attrs.field(order=False, default=None)
    kind: SourceKind = attrs.field(order=False)
    edition: str | None = attrs.field(order=False, default=None)
    published: str | None = attrs.field(order=False, default=None)
    as_of: str | None = attrs.field(order=False, default=None)
    retrieved_via: str = attrs.field(order=False)
    document: str = attrs.field(order=False)
    note: str = attrs.field(order=False, default="")
    release: str | None = attrs.field(order=False, default=None)
    address: str | None = attrs.field(order=False, default=None)
    sha256: str | None = attrs.field(order=False, default=None)
    snapshot: str | None = attrs.field(order=False, default=None)
    citations: tuple[Citation, ...] = attrs.field(order=False, converter=_tuple)


def _check_percentile(
    _: object, attribute: "attrs.Attribute[int | None]", value: int | None
) -> None:
    if value is not None and (isinstance(value, bool) or value not in PERCENTILES):
        msg = f"must be one of 10, 25, 50, 75, 90, got {value!r}"
        raise FieldError(attribute.name, msg)


@attrs.frozen(kw_only=True, order=True, repr=False)
class Statistic(_Record):
    """One figure, stamped with its reference period and the source it came from.

    A statistic's ``period`` is when the figure applies (``2008-05`` for
    May 2008 wages); its ``source`` is the document (``"ooh-2010-11"``).
    The two are never the same thing.

    Attributes:
        period: The reference period.
        source: Id of the `Source`.
        occupation: Id of the `Occupation`.
        measure: What is measured.
        area: Id of the `Area` the figure describes: ``"0000000"`` (the
            nation) for every nationwide figure, the handbook's included.
        value: The figure (the low end of a range).
        value_high: The high end of a stated range, else None.
        unit: The unit of ``value``.
        bound: How the source bounds the figure ("about", "more than", ...).
        percentile: For wage measures: 10, 25, 50 (median), 75 or 90.
        industry: Id of the `Industry` the figure is restricted to.
        setting: A work setting the figure is restricted to (``"hospitals"``).
        experience: The experience band of a salary figure (``"1 to 4 years"``).
        accreditor: Id of the organization that accredited the programs counted.
        descriptor: The source's words for the figure ("Faster than average").
        definition: The occupational definition counted, as SOC codes
            (``"29-2071"`` under the 2000 and 2010 SOC, ``"29-2072"`` under
            the 2018 SOC, or the OEWS hybrid ``"29-2098"`` of May 2019 and
            May 2020); None where the source names none. Figures of
            different definitions are not one series.
        coverage: Which jobs an employment figure counts: all jobs, the
            self-employed included (the handbook, Employment Projections),
            or wage and salary jobs only (OEWS); None on every other measure.
        rse: The relative standard error BLS publishes with the figure, in
            percent, else None.
        citation: The verbatim excerpt that states the figure.

    .. versionadded:: 2026.2.0 ``area`` and ``rse``.
    .. versionadded:: 2027.1.0 ``coverage``.
    """

    period: Period
    source: str
    occupation: str
    measure: Measure
    area: str = attrs.field(default=NATION, validator=_check_area_code)
    industry: str | None = attrs.field(default=None, order=none_first)
    setting: str | None = attrs.field(default=None, order=none_first)
    experience: str | None = attrs.field(default=None, order=none_first)
    percentile: int | None = attrs.field(
        default=None, order=none_first, validator=_check_percentile
    )
    accreditor: str | None = attrs.field(default=None, order=none_first)
    value: Decimal
    value_high: Decimal | None = attrs.field(default=None, order=none_first)
    unit: Unit
    bound: Bound = Bound.EXACT
    definition: str | None = attrs.field(default=None, order=none_first)
    coverage: Coverage | None = attrs.field(default=None, order=none_first)
    descriptor: str | None = attrs.field(order=False, default=None)
    rse: Decimal | None = attrs.field(order=False, default=None)
    citation: Citation = attrs.field(order=False)

    def __attrs_post_init__(self) -> None:
        """Check the rules that tie fields together.

        Fields of the wrong type are left to the loader and to `compare`,
        which name them; only well-typed values are checked here.
        """
        measure: object = self.measure
        unit: object = self.unit
        if (
            isinstance(measure, Measure)
            and isinstance(unit, Unit)
            and unit not in units_for(measure)
        ):
            msg = f"{unit.value!r} does not fit measure {measure.value}"
            raise FieldError("unit", msg)  # noqa: EM101 - the field's name, not a message
        high: object = self.value_high
        low: object = self.value
        if (
            isinstance(high, Decimal)
            and isinstance(low, Decimal)
            and high.is_finite()
            and low.is_finite()
            and high < low
        ):
            msg = f"{high} is below value {low}"
            raise FieldError("value_high", msg)  # noqa: EM101 - the field's name

    @property
    def is_range(self) -> bool:
        """Whether the figure is a stated range ``value`` .. ``value_high``."""
        return self.value_high is not None


def statistic_order(stat: Statistic) -> tuple[object, ...]:
    """The order of `Statistic`'s comparisons, as one tuple (much faster than its ``__lt__``)."""
    return (
        stat.period,
        stat.source,
        stat.occupation,
        stat.measure,
        stat.area,
        none_first(stat.industry),
        none_first(stat.setting),
        none_first(stat.experience),
        none_first(stat.percentile),
        none_first(stat.accreditor),
        stat.value,
        none_first(stat.value_high),
        stat.unit,
        stat.bound,
        none_first(stat.definition),
        none_first(stat.coverage),
    )


@attrs.frozen(kw_only=True, order=True, repr=False)
class Fact(_Record):
    """An edition-stamped categorical statement, e.g. the entry-level education.

    Attributes:
        period: The reference period where the source states one, else None.
        source: Id of the `Source`.
        occupation: Id of the `Occupation`.
        topic: What the statement is about.
        text: The statement (a category as the source names it, or the
            library's own summary).
        citation: The verbatim excerpt that states it.
    """

    period: Period | None = attrs.field(order=none_first)
    source: str
    occupation: str
    topic: FactTopic
    text: str
    citation: Citation = attrs.field(order=False)


@attrs.frozen(kw_only=True, order=True, repr=False)
class Unpublished(_Record):
    """A figure a release lists but does not publish, and why: what `Catalog.stats` cannot find.

    Attributes:
        occupation: Id of the `Occupation`.
        measure: The measure of the figure not published.
        area: Id of the `Area`.
        industry: Id of the `Industry`, or None for the whole occupation.
        percentile: The wage percentile, or None.
        period: The release's reference period.
        source: Id of the release's `Source`.
        definition: The SOC codes the release counts for the occupation.
        reason: Withheld (the estimate was not released), not applicable
            (hourly or annual pay for an occupation paid the other way),
            or no estimate (the release has none for the occupation there).
        footnote: The footnote's words as the release prints them
            ("Estimate not released."), or None where no footnote says why.
        footnote_code: The footnote's code or marker as printed (``"8"``,
            ``"*"``), or None.

    .. versionadded:: 2027.1.0
    """

    period: Period
    source: str
    occupation: str
    measure: Measure
    area: str = attrs.field(validator=_check_area_code)
    industry: str | None = attrs.field(default=None, order=none_first)
    percentile: int | None = attrs.field(
        default=None, order=none_first, validator=_check_percentile
    )
    definition: str | None = attrs.field(default=None, order=none_first)
    reason: UnpublishedReason
    footnote: str | None = attrs.field(default=None, order=False)
    footnote_code: str | None = attrs.field(default=None, order=False)


@attrs.frozen(kw_only=True, order=True, repr=False)
class CpiAnnualAverage(_Record):
    """A CPI-U annual average (U.S. city average, all items, 1982-84=100).

    Attributes:
        year: The calendar year.
        value: The index value as BLS publishes it.
        citation: The line of the reference file that states it.
    """

    year: int
    value: Decimal = attrs.field(order=False)
    citation: Citation = attrs.field(order=False)


Entity = Occupation | Credential | Organization | Source | Industry | Area
"""Any entity a lookup or a search can return."""
