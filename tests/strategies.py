"""Hypothesis strategies for every type of the model, shared by the property tests."""

from __future__ import annotations

import string
from decimal import Decimal

import attrs
from hypothesis import strategies as st

import medcoder_careers as mc

years = st.integers(min_value=1000, max_value=9999)
months = st.integers(min_value=1, max_value=12)


@st.composite
def periods(draw: st.DrawFn) -> mc.Period:
    """Any valid period: a year, a month or an interval of years."""
    kind = draw(st.sampled_from(mc.PeriodKind))
    year = draw(years if kind is not mc.PeriodKind.INTERVAL else years.filter(lambda y: y < 9999))
    if kind is mc.PeriodKind.YEAR:
        return mc.Period.year(year)
    if kind is mc.PeriodKind.MONTH:
        return mc.Period.month(year, draw(months))
    end = draw(st.integers(min_value=year + 1, max_value=9999))
    return mc.Period.interval(year, end)


def decimals(*, signed: bool = False) -> st.SearchStrategy[Decimal]:
    """Finite decimals with at most two places, as the data writes them."""
    low = -(10**9) if signed else 0
    return st.decimals(
        min_value=low, max_value=10**9, places=2, allow_nan=False, allow_infinity=False
    )


slugs = st.text(string.ascii_lowercase + string.digits + "-", min_size=1, max_size=20).filter(
    lambda s: s.strip("-") == s
)
names = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=40,
).filter(str.strip)

citations = st.builds(mc.Citation, source=slugs, quote=names)


@st.composite
def statistics(draw: st.DrawFn) -> mc.Statistic:
    """Any statistic the loader accepts (units fit measures, percentiles on wages)."""
    measure = draw(st.sampled_from(mc.Measure))
    unit = draw(st.sampled_from(sorted(_units(measure))))
    is_projection = measure in {
        mc.Measure.PROJECTED_CHANGE,
        mc.Measure.PROJECTED_CHANGE_PERCENT,
    }
    period = draw(periods().filter(lambda p: (p.kind is mc.PeriodKind.INTERVAL) == is_projection))
    value = draw(decimals(signed=is_projection))
    wage = measure in {mc.Measure.ANNUAL_WAGE, mc.Measure.HOURLY_WAGE}
    source = draw(slugs)
    return mc.Statistic(
        occupation=draw(slugs),
        measure=measure,
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
        percentile=draw(st.none() | st.sampled_from([10, 25, 50, 75, 90])) if wage else None,
        industry=draw(st.none() | slugs),
        setting=draw(st.none() | names),
        experience=draw(st.none() | names),
        accreditor=draw(st.none() | slugs) if measure is mc.Measure.ACCREDITED_PROGRAMS else None,
        descriptor=draw(st.none() | names),
        definition=draw(st.none() | st.sampled_from(["29-2071", "29-2072+29-9021"])),
        citation=mc.Citation(source=source, quote=draw(names)),
    )


def _units(measure: mc.Measure) -> frozenset[mc.Unit]:
    from medcoder_careers._vocab import units_for  # noqa: PLC0415

    return units_for(measure)


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


@st.composite
def cpi_periods(draw: st.DrawFn) -> mc.Period:
    """A year or a month within the packaged CPI-U years."""
    year = draw(cpi_years)
    month = draw(st.none() | months)
    return mc.Period.year(year) if month is None else mc.Period.month(year, month)


_DOLLARS = frozenset({mc.Unit.USD_PER_YEAR, mc.Unit.USD_PER_HOUR})


@st.composite
def comparable_pairs(
    draw: st.DrawFn, *, dollars: bool = False, cpi: bool = False
) -> tuple[mc.Statistic, mc.Statistic]:
    """Two statistics `compare` accepts: same measure, unit and qualifiers, both ranges or none.

    With *dollars*, both are dollar amounts; with *cpi*, both periods lie in
    the packaged CPI-U years (so ``real=True`` works).
    """
    first = draw(statistics().filter(lambda s: s.unit in _DOLLARS) if dollars else statistics())
    if cpi:
        first = attrs.evolve(first, period=draw(cpi_periods()))
    if first.period.kind is mc.PeriodKind.INTERVAL:
        length = first.period.end_year - first.period.start_year
        start = draw(st.integers(min_value=1000, max_value=9999 - length))
        period = mc.Period.interval(start, start + length)
    elif cpi:
        period = draw(cpi_periods())
    else:
        period = draw(periods().filter(lambda p: p.kind is not mc.PeriodKind.INTERVAL))
    value = draw(decimals(signed=first.value < 0 or first.period.kind is mc.PeriodKind.INTERVAL))
    second = attrs.evolve(
        first,
        occupation=draw(st.sampled_from([first.occupation, "another-occupation"])),
        value=value,
        value_high=value + draw(decimals()) if first.is_range else None,
        period=period,
        bound=draw(st.sampled_from(mc.Bound)),
        source=draw(slugs),
        definition=draw(st.none() | st.sampled_from(["29-2071", "29-2072+29-9021"])),
    )
    return first, second


def comparisons(*, real: bool = False) -> st.SearchStrategy[mc.Comparison]:
    """Comparisons of two comparable statistics, nominal or (with *real*) in constant dollars."""
    pairs = comparable_pairs(dollars=real, cpi=real)
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
