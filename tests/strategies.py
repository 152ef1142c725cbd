"""Hypothesis strategies for every type of the model, shared by the property tests.

Each strategy builds valid values directly rather than filtering random ones,
so no draw is thrown away and every example reaches the test's assertions.
"""

from __future__ import annotations

import string
from decimal import Decimal

import attrs
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._vocab import CHANGE_MEASURES, PERCENTILES, PROJECTION_MEASURES, units_for

years = st.integers(min_value=1000, max_value=9999)
months = st.integers(min_value=1, max_value=12)


def intervals(length: int | None = None) -> st.SearchStrategy[mc.Period]:
    """An interval of whole years; exactly *length* years long when given."""
    if length is not None:
        return st.integers(min_value=1000, max_value=9999 - length).map(
            lambda start: mc.Period.interval(start, start + length)
        )
    return st.integers(min_value=1000, max_value=9998).flatmap(
        lambda start: st.integers(min_value=start + 1, max_value=9999).map(
            lambda end: mc.Period.interval(start, end)
        )
    )


def instants() -> st.SearchStrategy[mc.Period]:
    """A year or a month: any period that is not an interval."""
    return years.map(mc.Period.year) | st.builds(mc.Period.month, years, months)


def periods() -> st.SearchStrategy[mc.Period]:
    """Any valid period: a year, a month or an interval of years."""
    return instants() | intervals()


def decimals(*, signed: bool = False, positive: bool = False) -> st.SearchStrategy[Decimal]:
    """Finite decimals with at most two places, as the data writes them.

    *signed* admits negatives; *positive* keeps only values above zero.
    """
    low: Decimal | int = Decimal("0.01") if positive else -(10**9) if signed else 0
    return st.decimals(
        min_value=low, max_value=10**9, places=2, allow_nan=False, allow_infinity=False
    )


_SLUG_ENDS = string.ascii_lowercase + string.digits
slugs: st.SearchStrategy[str] = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(_SLUG_ENDS),
        st.text(_SLUG_ENDS + "-", max_size=18),
        st.sampled_from(["", *_SLUG_ENDS]),
    ),
)
"""Ids: lower-case letters, digits and inner hyphens; 1 to 20 characters."""

_ANY_CHAR = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
_VISIBLE_CHAR = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp"))
names: st.SearchStrategy[str] = st.builds(
    "".join,
    st.tuples(st.text(_ANY_CHAR, max_size=19), _VISIBLE_CHAR, st.text(_ANY_CHAR, max_size=20)),
)
"""Text that is not blank (one visible character at least); 1 to 40 characters."""

optional_names = st.none() | names


def _digits(low: int, high: int | None = None) -> st.SearchStrategy[str]:
    """ASCII digit strings of *low* to *high* (default: exactly *low*) characters."""
    return st.text(string.digits, min_size=low, max_size=low if high is None else high)


citations = st.builds(mc.Citation, source=slugs, quote=names, locator=optional_names)
_citation_tuples = st.lists(citations, min_size=1, max_size=2).map(tuple)
_name_tuples = st.lists(names, max_size=3).map(tuple)

postal_addresses = st.builds(
    mc.PostalAddress,
    lines=_name_tuples,
    city=names,
    region=names,
    postal_code=names,
    country=st.sampled_from(["US", "CA"]),
)
soc_codes = st.builds(
    mc.SocCode,
    version=st.sampled_from([2000, 2010, 2018]),
    code=st.builds("{:02d}-{:04d}".format, st.integers(0, 99), st.integers(0, 9999)),
    title=names,
    definition=optional_names,
)
naics_codes = st.builds(
    mc.NaicsCode,
    version=st.sampled_from(["2007", "2012", "2017", "2022", "OEWS"]),
    code=_digits(2, 6),
    title=names,
)
organizations = st.builds(
    mc.Organization,
    id=slugs,
    name=names,
    abbreviation=optional_names,
    kind=st.sampled_from(mc.OrganizationKind),
    parent=st.none() | slugs,
    address=st.none() | postal_addresses,
    website=optional_names,
    alternate_names=_name_tuples,
    citations=_citation_tuples,
)
requirements = st.builds(
    mc.Requirement,
    kind=st.sampled_from(mc.RequirementKind),
    text=names,
    organization=st.none() | slugs,
    route=st.none() | st.text(_VISIBLE_CHAR, min_size=1, max_size=12),  # a short label: "A1"
    citation=citations,
)
credentials = st.builds(
    mc.Credential,
    id=slugs,
    abbreviation=names,
    name=names,
    issuer=slugs,
    requirements=st.lists(requirements, max_size=2).map(tuple),
    options=_name_tuples,
    related_occupations=st.lists(slugs, max_size=2).map(tuple),
    alternate_names=_name_tuples,
    citations=_citation_tuples,
)
specialties = st.builds(
    mc.Specialty,
    name=names,
    alternate_names=_name_tuples,
    summary=st.just("") | names,
    citations=_citation_tuples,
)
tasks = st.builds(
    mc.Task,
    id=st.integers(min_value=1, max_value=10**6),
    text=names,
    kind=st.none() | st.sampled_from(mc.TaskKind),
    citation=citations,
)
"""O*NET tasks: a Task ID, its text, core, supplemental or unrated."""
technologies = st.builds(
    mc.Technology,
    example=names,
    commodity=st.integers(min_value=10_000_000, max_value=99_999_999),  # UNSPSC: 8 digits
    commodity_title=names,
    hot=st.booleans(),
    in_demand=st.booleans(),
    citation=citations,
)
"""O*NET technology examples, hot and in demand or not."""
job_zones = st.integers(min_value=1, max_value=5)
"""O*NET's job zones: 1 (little preparation) to 5 (extensive)."""
occupations = st.builds(
    mc.Occupation,
    id=slugs,
    title=names,
    soc=st.lists(soc_codes, max_size=3).map(tuple),
    alternate_titles=_name_tuples,
    specialties=st.lists(specialties, max_size=2).map(tuple),
    duties=_name_tuples,
    work_settings=_name_tuples,
    related=st.lists(slugs, max_size=2).map(tuple),
    advancement=_name_tuples,
    summary=st.just("") | names,
    description=optional_names,
    job_zone=st.none() | job_zones,
    tasks=st.lists(tasks, max_size=3, unique_by=lambda task: task.id).map(tuple),
    technology=st.lists(technologies, max_size=3).map(tuple),
    onet_titles=_name_tuples,
    citations=_citation_tuples,
)
"""Occupations with every field drawn, O*NET's too (task ids unique, as in the data)."""
industries = st.builds(
    mc.Industry,
    id=_digits(2, 6),
    title=names,
    level=st.none() | st.integers(min_value=2, max_value=6),
    naics=st.lists(naics_codes, max_size=2).map(tuple),
    alternate_titles=_name_tuples,
    citations=_citation_tuples,
)
NATION = "0000000"
"""The area code of the United States as a whole."""
area_codes = _digits(7)
"""BLS OEWS area codes: seven ASCII digits."""
_STATES = st.text(string.ascii_uppercase, min_size=2, max_size=2)
areas = st.builds(
    mc.Area,
    id=area_codes,
    name=names,
    kind=st.sampled_from(mc.AreaKind),
    states=st.lists(_STATES, max_size=3).map(tuple),
    fips=st.none() | _digits(2),
    cbsa=st.none() | _digits(5),
    citations=_citation_tuples,
)
sources = st.builds(
    mc.Source,
    id=slugs,
    title=names,
    publisher=st.none() | slugs,
    kind=st.sampled_from(mc.SourceKind),
    edition=st.none() | st.builds("{}-{:02d}".format, years, st.integers(0, 99)),
    published=optional_names,
    as_of=optional_names,
    retrieved_via=names,
    document=names,
    note=st.just("") | names,
    release=optional_names,
    address=optional_names,
    sha256=st.none() | st.text("0123456789abcdef", min_size=64, max_size=64),
    snapshot=optional_names,
    citations=_citation_tuples,
)
facts = st.builds(
    mc.Fact,
    period=st.none() | periods(),
    source=slugs,
    occupation=slugs,
    topic=st.sampled_from(mc.FactTopic),
    text=names,
    citation=citations,
)
cpi_annual_averages = st.builds(
    mc.CpiAnnualAverage,
    year=years,
    value=decimals(positive=True),
    citation=citations,
)

_WAGES = frozenset({mc.Measure.ANNUAL_WAGE, mc.Measure.HOURLY_WAGE})
_DOLLARS = frozenset({mc.Unit.USD_PER_YEAR, mc.Unit.USD_PER_HOUR})
DOLLAR_MEASURES = tuple(m for m in mc.Measure if units_for(m) & _DOLLARS)
"""The measures whose figures are dollar amounts (so ``real=True`` applies)."""
DEFINITIONS = ("29-2071", "29-2072+29-9021")


@st.composite
def statistics(
    draw: st.DrawFn,
    measures: tuple[mc.Measure, ...] = tuple(mc.Measure),
    *,
    positive: bool = False,
) -> mc.Statistic:
    """Any statistic the loader accepts: every rule of `statistic_problems` kept.

    Units fit measures, percentiles on wages, a range on salaries only, an
    interval period for a projection's measures, a negative value for a
    change only, a share of at most 100, and a coverage on every employment
    figure and no other. *measures* limits the measure drawn; *positive*
    keeps values above zero.
    """
    measure = draw(st.sampled_from(measures))
    unit = draw(st.sampled_from(sorted(units_for(measure))))
    period = draw(intervals() if measure in PROJECTION_MEASURES else instants())
    value = draw(decimals(signed=measure in CHANGE_MEASURES and not positive, positive=positive))
    if measure is mc.Measure.EMPLOYMENT_SHARE:
        value = min(value, Decimal(100))
    source = draw(slugs)
    return mc.Statistic(
        occupation=draw(slugs),
        measure=measure,
        area=draw(st.just(NATION) | area_codes),
        value=value,
        value_high=(
            draw(st.none() | decimals().map(lambda d: d + value))
            if measure is mc.Measure.ANNUAL_SALARY
            else None
        ),
        unit=unit,
        bound=draw(st.sampled_from(mc.Bound)),
        period=period,
        source=source,
        percentile=draw(st.none() | st.sampled_from(PERCENTILES)) if measure in _WAGES else None,
        industry=draw(st.none() | slugs),
        setting=draw(optional_names),
        experience=draw(optional_names),
        accreditor=draw(st.none() | slugs) if measure is mc.Measure.ACCREDITED_PROGRAMS else None,
        descriptor=draw(optional_names),
        definition=draw(st.none() | st.sampled_from(DEFINITIONS)),
        coverage=(draw(st.sampled_from(mc.Coverage)) if measure is mc.Measure.EMPLOYMENT else None),
        rse=draw(st.none() | decimals(positive=True)),
        citation=mc.Citation(source=source, quote=draw(names)),
    )


@st.composite
def messy(draw: st.DrawFn, name: str) -> str:
    """A variant of *name* a user might type: other case, spacing, punctuation, accents."""
    words = name.replace("&", " and ").split()
    out = []
    for word in words:
        cased = draw(st.sampled_from([word, word.upper(), word.lower(), word.title()]))
        out.append(cased)
    separators = st.sampled_from([" ", "  ", " - ", "\t", ", ", " / "])
    text = draw(separators).join(out) if len(out) > 1 else out[0]
    text = draw(st.sampled_from(["", " ", "  "])) + text + draw(st.sampled_from(["", " ", "."]))
    text = text.replace(" and ", draw(st.sampled_from([" and ", " & ", " AND "])))
    accents = draw(st.sampled_from([{}, _COMPOSED, _COMBINING]))
    return "".join(accents.get(ch, ch) for ch in text)


cpi_years = st.integers(min_value=2004, max_value=2025)
"""The years the packaged CPI-U annual averages cover."""


def cpi_periods(year: int | None = None) -> st.SearchStrategy[mc.Period]:
    """A year or a month within the packaged CPI-U years (within *year* when given)."""
    chosen = cpi_years if year is None else st.just(year)
    return chosen.map(mc.Period.year) | st.builds(mc.Period.month, chosen, months)


@st.composite
def cpi_period_pairs(draw: st.DrawFn, *, distinct: bool = False) -> tuple[mc.Period, mc.Period]:
    """Two periods within the CPI-U years; in different years when *distinct*."""
    first = draw(cpi_years)
    if distinct:
        second = draw(st.integers(min_value=2004, max_value=2024))
        second += second >= first  # every other CPI-U year, uniformly
    else:
        second = draw(cpi_years)
    return draw(cpi_periods(first)), draw(cpi_periods(second))


@st.composite
def comparable_pairs(
    draw: st.DrawFn,
    *,
    dollars: bool = False,
    cpi: bool = False,
    positive: bool = False,
    distinct_years: bool = False,
) -> tuple[mc.Statistic, mc.Statistic]:
    """Two statistics `compare` accepts: same measure, unit and qualifiers, both ranges or none.

    With *dollars*, both are dollar amounts; with *cpi*, both periods lie in
    the packaged CPI-U years (so ``real=True`` works), in different years
    with *distinct_years*. With *positive*, both values are above zero and
    the periods differ, so the comparison has a growth rate.
    """
    first = draw(statistics(DOLLAR_MEASURES if dollars else tuple(mc.Measure), positive=positive))
    if cpi:
        there, back = draw(cpi_period_pairs(distinct=distinct_years))
        first = attrs.evolve(first, period=there)
        period = back
    elif first.period.kind is mc.PeriodKind.INTERVAL:
        period = draw(intervals(first.period.end_year - first.period.start_year))
    else:
        period = draw(instants())
    if positive and period == first.period:  # step one year to a different period
        year = period.start_year + (1 if period.end_year < 9999 else -1)
        period = attrs.evolve(
            period, start_year=year, end_year=year + period.end_year - period.start_year
        )
    signed = not positive and (first.value < 0 or first.period.kind is mc.PeriodKind.INTERVAL)
    value = draw(decimals(signed=signed, positive=positive))
    second = attrs.evolve(
        first,
        occupation=draw(st.sampled_from([first.occupation, "another-occupation"])),
        value=value,
        value_high=value + draw(decimals()) if first.is_range else None,
        period=period,
        bound=draw(st.sampled_from(mc.Bound)),
        source=draw(slugs),
        definition=draw(st.none() | st.sampled_from(DEFINITIONS)),
    )
    return first, second


def comparisons(*, real: bool = False, positive: bool = False) -> st.SearchStrategy[mc.Comparison]:
    """Comparisons of two comparable statistics, nominal or (with *real*) in constant dollars.

    With *positive*, both values are above zero and the periods differ.
    """
    pairs = comparable_pairs(dollars=real, cpi=real, positive=positive)
    return pairs.map(lambda pair: mc.compare(*pair, real=real))


# Accented vowels, precomposed and as a letter plus a combining mark.
_COMPOSED = {"a": "á", "e": "é", "i": "ï", "o": "ô", "u": "ü", "E": "É", "C": "Ç"}
_COMBINING = {"a": "a\u0301", "e": "e\u0300", "o": "o\u0308", "N": "N\u0303"}


@st.composite
def series(draw: st.DrawFn) -> mc.Series:
    """A series built from any statistics, sources ranked in a random order."""
    from medcoder_careers._series import build_series  # noqa: PLC0415

    stats = draw(st.lists(statistics(), max_size=8))
    sources = sorted({s.source for s in stats})
    ranks = dict(zip(sources, draw(st.permutations(range(len(sources)))), strict=True))
    return build_series("occupation", mc.Measure.EMPLOYMENT, stats, ranks.__getitem__)


@st.composite
def unpublished(draw: st.DrawFn) -> mc.Unpublished:
    """A figure a release lists but does not publish: a percentile only of a wage."""
    measure = draw(st.sampled_from(mc.Measure))
    wage = measure in {mc.Measure.ANNUAL_WAGE, mc.Measure.HOURLY_WAGE}
    code = draw(st.none() | st.sampled_from(["4", "5", "8", "*", "**", "#"]))
    return mc.Unpublished(
        period=draw(instants()),
        source=draw(slugs),
        occupation=draw(slugs),
        measure=measure,
        area=draw(area_codes),
        industry=draw(st.none() | slugs),
        percentile=draw(st.sampled_from(PERCENTILES)) if wage and draw(st.booleans()) else None,
        definition=draw(st.none() | soc_codes.map(lambda soc: soc.code)),
        reason=draw(st.sampled_from(mc.UnpublishedReason)),
        footnote=None if code is None else draw(names),
        footnote_code=code,
    )


ENTITIES: dict[type, st.SearchStrategy[object]] = {
    mc.Citation: citations,
    mc.PostalAddress: postal_addresses,
    mc.SocCode: soc_codes,
    mc.NaicsCode: naics_codes,
    mc.Organization: organizations,
    mc.Requirement: requirements,
    mc.Credential: credentials,
    mc.Specialty: specialties,
    mc.Task: tasks,
    mc.Technology: technologies,
    mc.Occupation: occupations,
    mc.Industry: industries,
    mc.Area: areas,
    mc.Source: sources,
    mc.Statistic: statistics(),
    mc.Fact: facts,
    mc.CpiAnnualAverage: cpi_annual_averages,
    mc.Unpublished: unpublished(),
}
"""A strategy for every record class of the model, by class."""


# -- hostile input: anything a caller might pass to a public function ----------

ODD_TEXTS = (
    "",
    " ",
    "\x00",
    "\t\r\n",
    "\u200b",
    "\ufeff",
    "\ufb01",  # the "fi" ligature: NFKD turns it into two letters
    "\u0130",  # dotted capital I: casefolds to two code points
    "\u00df",
    "&",
    "&&",
    "-",
    "_",
    "%s",
    "{0}",
    "\\",
    "'\"",
    "NaN",
    "sNaN",
    "Infinity",
    "-0",
    "1e999",
    "1e999999999999999999",
    "9" * 5000,
    "\u0665\u0660",  # Arabic-Indic "50"
    "\U00010a40",  # a Kharosthi digit: isdigit() but not a decimal digit
    "\u00b2",
    "\u2460",
    "\ud800",
    "\udcff",
    "medical coder",
    "RHIT",
    "ahima",
    "2010-11",
    "29-2071",
    "6221",
    "median",
    "annual wage",
    "2008-05",
    "2008/2018",
    "0000",
    "2008-13",
    "2018/2008",
)
"""Texts known to trip parsers: empty, control, format, ligature, digit-like, real keys."""

texts: st.SearchStrategy[str] = st.one_of(
    st.text(),  # any code point, control characters and lone surrogates included
    st.text(max_size=6).map(lambda s: s * 900),  # very long
    st.sampled_from(ODD_TEXTS),
)
"""Arbitrary text: unicode, control characters, surrogates, very long, empty."""

EXTREME_DECIMALS = tuple(
    Decimal(text)
    for text in (
        "1E+999999999999999999",
        "-1E+999999999999999999",
        "1E-999999999999999999",
        "1E+400000000000000000",
        "9" * 200,
        "0E-50",
        "-0",
        "NaN",
        "sNaN",
        "-Infinity",
    )
)

numbers: st.SearchStrategy[object] = st.one_of(
    st.integers(),
    st.sampled_from([10**5000, -(10**5000), 2**63, -1, 0, 2004, 2018, 50]),
    st.floats(),
    st.decimals(),
    st.sampled_from(EXTREME_DECIMALS),
    st.fractions(),
    st.complex_numbers(),
)
"""Numbers of every kind: huge ints, NaN and infinite floats, signalling decimals."""


def _catalog_values() -> list[object]:
    cat = mc.catalog()
    return [
        *cat.occupations.values(),
        *cat.credentials.values(),
        *cat.organizations.values(),
        *cat.sources.values(),
        *cat.industries.values(),
        *cat.statistics,
        *cat.facts,
        *cat.cpi_u.values(),
        cat,
    ]


def _vocabulary() -> list[object]:
    members: list[object] = []
    for enum in (mc.Measure, mc.Unit, mc.Bound, mc.FactTopic, mc.SourceKind, mc.PeriodKind):
        members.extend(enum)
    return members


entities: st.SearchStrategy[object] = st.deferred(
    lambda: st.sampled_from(_catalog_values()) | st.sampled_from(_vocabulary()) | periods()
)
"""Any object of the packaged data (an entity of any kind, a statistic, a fact, ...)."""

_scalars: st.SearchStrategy[object] = st.one_of(
    st.none(),
    st.booleans(),
    texts,
    numbers,
    st.binary(max_size=20),
    st.builds(object),
    st.just(Ellipsis),
    st.just(str),
)

anything: st.SearchStrategy[object] = st.one_of(
    _scalars,
    entities,
    st.lists(_scalars | entities, max_size=3),
    st.tuples(_scalars, _scalars),
    st.dictionaries(st.text(max_size=5), _scalars, max_size=3),
    st.frozensets(st.integers() | st.text(max_size=5), max_size=3),
)
"""Anything a caller might pass where a key, a filter or a number is expected."""
