"""Fuzzing every public entry point that takes user input.

The property, everywhere: a call returns its documented result type or
raises a `MedcoderError` subclass; never a bare `TypeError`, `KeyError`,
`AttributeError`, `ValueError`, `decimal` signal, or cattrs/json internals.
Any other exception escapes `outcome` and fails the test.
"""

from __future__ import annotations

import decimal
import inspect
import os
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Final, TypeVar

import attrs
import pytest
from hypothesis import assume, event, example, given, settings
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._names import names_of, normalise, singular
from medcoder_careers._search import SEARCH_KINDS
from medcoder_careers._topics import topic_names

from .strategies import EXTREME_DECIMALS, anything, messy, periods, statistics, texts

T = TypeVar("T")

LOOKUPS: Final[Mapping[str, type]] = {
    "occupation": mc.Occupation,
    "credential": mc.Credential,
    "organization": mc.Organization,
    "source": mc.Source,
    "industry": mc.Industry,
}
PLURALS: Final[Mapping[str, str]] = {
    "occupation": "occupations",
    "credential": "credentials",
    "organization": "organizations",
    "source": "sources",
    "industry": "industries",
}
QUALIFIERS: Final = ("percentile", "industry", "setting", "experience", "accreditor", "definition")


def outcome(call: Callable[[], T]) -> T | mc.MedcoderError:
    """Run *call*: return its result, or the `MedcoderError` it raised; anything else escapes."""
    try:
        result: T | mc.MedcoderError = call()
    except mc.MedcoderError as exc:
        result = exc
    event(f"{type(result).__name__}")
    if isinstance(result, mc.MedcoderError):
        assert str(result)  # the message renders, whatever the input
    if isinstance(result, mc.NotFound):
        assert isinstance(result.suggestions, tuple)
        assert all(isinstance(s, str) for s in result.suggestions)
    return result


# -- plausible values: real keys, messy spellings, the data's own values ------


@cache
def _names(kind: str) -> tuple[str, ...]:
    cat = mc.catalog()
    table: Mapping[str, object] = getattr(cat, f"{kind}s" if kind != "industry" else "industries")
    return tuple(sorted({name for e in table.values() for name, _ in names_of(e)}))  # type: ignore[arg-type]


def _names_of(kind: str) -> st.SearchStrategy[object]:
    names = st.deferred(lambda: st.sampled_from(_names(kind)))
    return names | names.flatmap(messy)


@cache
def _field_values(name: str) -> tuple[object, ...]:
    return tuple(sorted({str(v) for s in mc.catalog().statistics if (v := getattr(s, name))}))


def _data_values(name: str) -> st.SearchStrategy[object]:
    return st.deferred(lambda: st.sampled_from(_field_values(name)))


_PLAUSIBLE: Final[Mapping[str, st.SearchStrategy[object]]] = {
    "occupation": _names_of("occupation"),
    "measure": st.sampled_from(mc.Measure) | st.sampled_from([*mc.Measure, "annual wage", "Jobs"]),
    "topic": st.sampled_from(mc.FactTopic) | st.sampled_from([t.value for t in mc.FactTopic]),
    "source": _names_of("source"),
    "edition": _data_values("source") | st.sampled_from(["2010-11", "2004-05", "2099-00"]),
    "period": _data_values("period") | periods(),
    "percentile": st.sampled_from([10, 25, 50, 75, 90, 51, "median", "50", " 90 ", "0050"]),
    "industry": _names_of("industry"),
    "setting": _data_values("setting"),
    "experience": _data_values("experience"),
    "accreditor": _names_of("organization"),
    "definition": _data_values("definition"),
    "area": _names_of("area") | st.sampled_from(["US", "CA", "ca", "06", "10420", "Springfield"]),
}


def value_for(name: str) -> st.SearchStrategy[object]:
    """A value for the argument *name*: plausible for it, or anything at all."""
    plausible = _PLAUSIBLE.get(name)
    return anything if plausible is None else plausible | anything


def _filters(function: Callable[..., object]) -> st.SearchStrategy[dict[str, object]]:
    """Any subset of *function*'s keyword filters (read from its signature), any values."""
    names = [name for name in inspect.signature(function).parameters if name != "self"]
    return st.fixed_dictionaries({}, optional={name: value_for(name) for name in names})


# -- lookups, search, filters --------------------------------------------------


@cache
def _entities(kind: str) -> tuple[tuple[str, str], ...]:
    """Every (id, name) of *kind* in the packaged data that names one entity only.

    A title several entities share ("Rail Transportation" is NAICS 482 and
    4821) names none of them: the lookup raises NotFound naming all.
    """
    cat = mc.catalog()
    table: Mapping[str, Any] = getattr(cat, PLURALS[kind])
    pairs = {(e.id, name) for e in table.values() for name, _ in names_of(e)}
    holders: dict[str, set[str]] = {}
    for entity_id, name in pairs:
        holders.setdefault(normalise(name), set()).add(entity_id)
    return tuple(sorted(p for p in pairs if len(holders[normalise(p[1])]) == 1))


def _known(kind: str) -> st.SearchStrategy[tuple[str, object]]:
    """An entity id of *kind* with a spelling of one of its names (messy or exact)."""
    pairs = st.deferred(lambda: st.sampled_from(_entities(kind)))
    return pairs.flatmap(
        lambda pair: st.tuples(st.just(pair[0]), st.just(pair[1]) | messy(pair[1]))
    )


class TestLookups:
    """Each lookup returns an entity of its kind or raises NotFound, for any key."""

    @pytest.mark.parametrize("kind", sorted(LOOKUPS))
    @given(key=st.one_of(anything, _names_of("occupation"), _names_of("credential")))
    @example(key=10**5000)
    @example(key="\U00010a40")
    def test_lookup(self, cat: mc.Catalog, kind: str, key: object) -> None:
        """A lookup of any key returns the catalog's own entity of that kind, or raises NotFound."""
        result = outcome(lambda: getattr(cat, kind)(key))
        assert isinstance(result, LOOKUPS[kind] | mc.NotFound)
        if isinstance(result, mc.NotFound):
            assert result.kind == kind
        else:
            assert getattr(cat, PLURALS[kind])[result.id] is result  # type: ignore[attr-defined]

    @pytest.mark.parametrize("kind", sorted(LOOKUPS))
    @given(known=st.data())
    def test_known_name_finds_its_entity(
        self, cat: mc.Catalog, kind: str, known: st.DataObject
    ) -> None:
        """Any spelling of a name of the data (case, spacing, accents, '&') finds that entity."""
        entity_id, key = known.draw(_known(kind))
        result = outcome(lambda: getattr(cat, kind)(key))
        assert not isinstance(result, mc.MedcoderError), f"{key!r} should find {entity_id}"
        assert result.id == entity_id

    @given(key=anything | _names_of("organization"))
    def test_credentials_by(self, cat: mc.Catalog, key: object) -> None:
        """credentials_by returns a tuple of credentials or raises NotFound."""
        result = outcome(lambda: cat.credentials_by(key))  # type: ignore[arg-type]
        assert isinstance(result, tuple | mc.NotFound)
        if isinstance(result, tuple):
            assert all(isinstance(c, mc.Credential) for c in result)

    @given(known=st.data())
    def test_credentials_by_known(self, cat: mc.Catalog, known: st.DataObject) -> None:
        """A spelling of an organization's name gives exactly the credentials it issues."""
        organization, key = known.draw(_known("organization"))
        expected = tuple(c for c in cat.credentials.values() if c.issuer == organization)
        assert cat.credentials_by(key) == expected  # type: ignore[arg-type]

    @given(key=anything | _names_of("occupation"))
    def test_related(self, cat: mc.Catalog, key: object) -> None:
        """related returns a tuple of occupations or raises NotFound."""
        result = outcome(lambda: cat.related(key))  # type: ignore[arg-type]
        assert isinstance(result, tuple | mc.NotFound)

    @given(known=st.data())
    def test_related_known(self, cat: mc.Catalog, known: st.DataObject) -> None:
        """A spelling of an occupation's name gives the occupations it names as related."""
        occupation, key = known.draw(_known("occupation"))
        related = cat.related(key)  # type: ignore[arg-type]
        assert [o.id for o in related] == list(cat.occupations[occupation].related)


class TestAreas:
    """area() and quick_facts() take any key: a result, or NotFound / ArgumentError."""

    @given(key=value_for("area"))
    def test_area(self, cat: mc.Catalog, key: object) -> None:
        """An Area of this catalog, or a MedcoderError (NotFound for a string key)."""
        result = outcome(lambda: cat.area(key))  # type: ignore[arg-type]
        if isinstance(result, mc.Area):
            assert cat.areas[result.id] is result
        elif isinstance(key, str):
            assert isinstance(result, mc.NotFound)

    @settings(max_examples=40)
    @given(occupation=value_for("occupation"), area=value_for("area"))
    def test_quick_facts(self, cat: mc.Catalog, occupation: object, area: object) -> None:
        """QuickFacts whose pay and jobs are the area's, projections the nation's."""
        result = outcome(lambda: cat.quick_facts(occupation, area))  # type: ignore[arg-type]
        if isinstance(result, mc.QuickFacts):
            local = (result.median_annual_pay, result.median_hourly_pay, result.employment)
            assert all(s is None or s.area == result.area.id for s in local)
            national = (result.projected_change_percent, result.projected_change)
            assert all(s is None or s.area == "0000000" for s in national)
            assert all(s is None or s.occupation == result.occupation.id for s in local)


_TOPIC_WORDS = st.sampled_from(
    sorted({name for t in mc.catalog().topics.values() for name, _ in topic_names(t)})
)
"""The names and keywords of every topic."""


def _search_kind(kind: str) -> str:
    """The kind *kind* spells, folded like a key, a plural aside ("" for none)."""
    folded = normalise(kind)
    spellings = (folded, singular(folded), folded.removesuffix("ies") + "y")
    return next((k for k in spellings if k in SEARCH_KINDS), "")


class TestSearch:
    """search takes any text, kind and limit: results, or ArgumentError / NotFound."""

    @given(
        text=st.one_of(texts, anything, _names_of("credential"), _TOPIC_WORDS),
        kind=st.none() | st.sampled_from([*SEARCH_KINDS, "Occupations", "Topics"]) | anything,
        limit=st.integers(min_value=-3, max_value=30) | anything,
    )
    @example(text="medcal codr", kind=None, limit=-(10**5000))
    def test_search(self, cat: mc.Catalog, text: object, kind: object, limit: object) -> None:
        """A search returns at most *limit* SearchResults, or a documented error."""
        result = outcome(lambda: cat.search(text, kind=kind, limit=limit))  # type: ignore[arg-type]
        good_kind = kind is None or (isinstance(kind, str) and _search_kind(kind) in SEARCH_KINDS)
        good_limit = isinstance(limit, int) and not isinstance(limit, bool) and limit >= 0
        if isinstance(result, mc.MedcoderError):
            assert isinstance(result, mc.ArgumentError | mc.NotFound)
            assert not (isinstance(text, str) and good_kind and good_limit)
        else:
            assert isinstance(text, str)
            assert good_kind
            assert good_limit
            assert isinstance(limit, int)
            assert len(result) <= limit
            assert all(isinstance(r, mc.SearchResult) for r in result)
            if kind is not None:
                assert {r.kind for r in result} <= {_search_kind(str(kind))}


class TestFilters:
    """stats and find_facts take any filters: matching records, or a MedcoderError."""

    @given(filters=_filters(mc.Catalog.stats))
    @example(filters={"percentile": "\U00010a40"})  # isdigit() yet no int: was ValueError
    @example(filters={"percentile": "1" * 5000})  # int() refuses: was ValueError
    @example(filters={"percentile": 10**5000})  # repr refuses: was ValueError
    def test_stats(self, cat: mc.Catalog, filters: dict[str, object]) -> None:
        """stats with any filters returns a tuple of statistics or raises MedcoderError."""
        result = outcome(lambda: cat.stats(**filters))  # type: ignore[arg-type]
        if not isinstance(result, mc.MedcoderError):
            assert isinstance(result, tuple)
            assert all(isinstance(s, mc.Statistic) for s in result)

    @given(filters=_filters(mc.Catalog.find_facts))
    def test_find_facts(self, cat: mc.Catalog, filters: dict[str, object]) -> None:
        """find_facts with any filters returns a tuple of facts or raises MedcoderError."""
        result = outcome(lambda: cat.find_facts(**filters))  # type: ignore[arg-type]
        if not isinstance(result, mc.MedcoderError):
            assert all(isinstance(f, mc.Fact) for f in result)


class TestSeries:
    """series takes any occupation, measure and qualifiers; the Series takes any period."""

    @given(
        occupation=value_for("occupation"),
        measure=value_for("measure"),
        qualifiers=st.fixed_dictionaries(
            {}, optional={name: value_for(name) for name in QUALIFIERS}
        ),
        unknown=st.dictionaries(texts, anything, max_size=1),
        at=value_for("period"),
    )
    @example(
        occupation="medical coder",
        measure="annual wage",
        qualifiers={"percentile": 10**5000},
        unknown={},
        at="2004",
    )
    def test_series(
        self,
        cat: mc.Catalog,
        occupation: object,
        measure: object,
        qualifiers: dict[str, object],
        unknown: dict[str, object],
        at: object,
    ) -> None:
        """A series is built, and read at any period, or a MedcoderError is raised."""
        result = outcome(lambda: cat.series(occupation, measure, **qualifiers, **unknown))  # type: ignore[arg-type]
        if isinstance(result, mc.MedcoderError):
            return
        assert isinstance(result, mc.Series)
        point = outcome(lambda: result.at(at))  # type: ignore[arg-type]
        assert isinstance(point, mc.SeriesPoint | mc.NotFound | mc.PeriodError)
        wanted = at if isinstance(at, mc.Period) else _parsed(at)
        if wanted in result.periods:
            assert isinstance(point, mc.SeriesPoint)
            assert point.period == wanted
        elif isinstance(point, mc.SeriesPoint):
            msg = f"at({at!r}) found {point.period}, which is not the period asked"
            raise AssertionError(msg)
        latest = outcome(result.latest)
        if result.points:
            assert latest is result.points[-1]
        else:
            assert isinstance(latest, mc.NotFound)


def _parsed(text: object) -> mc.Period | None:
    """*text* as a period, or None when it is none."""
    try:
        return mc.Period.parse(text)  # type: ignore[arg-type]
    except mc.PeriodError:
        return None


# -- compare and inflate ------------------------------------------------------


@cache
def _comparable_groups() -> tuple[tuple[mc.Statistic, ...], ...]:
    groups: dict[tuple[object, ...], list[mc.Statistic]] = {}
    for s in mc.catalog().statistics:
        key = (s.measure, s.unit, s.percentile, s.industry, s.setting, s.experience, s.accreditor)
        groups.setdefault(key, []).append(s)
    return tuple(tuple(group) for group in groups.values() if len(group) > 1)


_data_statistics = st.deferred(lambda: st.sampled_from(mc.catalog().statistics))
_data_pairs = st.deferred(lambda: st.sampled_from(_comparable_groups())).flatmap(
    lambda group: st.tuples(st.sampled_from(group), st.sampled_from(group))
)
_STAT_FIELDS: Final = tuple(field.name for field in attrs.fields(mc.Statistic))


@st.composite
def odd_statistics(draw: st.DrawFn) -> mc.Statistic:
    """A statistic with one field set to an extreme decimal or to anything at all."""
    base = draw(_data_statistics | statistics())
    name = draw(st.sampled_from(_STAT_FIELDS))
    changes: dict[str, Any] = {name: draw(st.sampled_from(EXTREME_DECIMALS) | anything)}
    try:
        return attrs.evolve(base, **changes)
    except mc.FieldError:  # the model refuses it at construction: nothing to compare
        assume(condition=False)
        raise


@st.composite
def _pairs(draw: st.DrawFn) -> tuple[object, object]:
    first, second = draw(_data_pairs)
    way = draw(st.sampled_from(["data", "odd a", "odd b", "extreme", "anything"]))
    if way == "odd a":
        return draw(odd_statistics()), second
    if way == "odd b":
        return first, draw(odd_statistics())
    if way == "extreme":
        value = draw(st.sampled_from(EXTREME_DECIMALS))
        return attrs.evolve(first, value=value), second
    if way == "anything":
        return draw(anything | _data_statistics), draw(anything | _data_statistics)
    return first, second


class TestCompare:
    """compare takes any two objects: a Comparison, or IncomparableError / CpiError."""

    @given(
        pair=_pairs(),
        real=anything,
        catalog=st.none() | st.deferred(lambda: st.just(mc.catalog())) | anything,
    )
    def test_compare(self, pair: tuple[object, object], real: object, catalog: object) -> None:
        """compare returns a Comparison or raises IncomparableError or CpiError."""
        a, b = pair
        result = outcome(lambda: mc.compare(a, b, real=real, catalog=catalog))  # type: ignore[arg-type]
        assert isinstance(result, mc.Comparison | mc.IncomparableError | mc.CpiError)
        if isinstance(result, mc.Comparison):
            assert (result.a, result.b) == (a, b)
            values = (result.a.value, result.b.value)
            if not result.real and all(abs(v.adjusted()) < 50 for v in values):
                with decimal.localcontext(decimal.Context(prec=500)):
                    assert result.change == result.b.value - result.a.value

    @given(pair=_data_pairs)
    def test_compare_data(self, pair: tuple[mc.Statistic, mc.Statistic]) -> None:
        """Two packaged figures of one measure and qualifiers compare unless periods clash."""
        a, b = pair
        result = outcome(lambda: mc.compare(a, b))
        clash = (a.period.kind is mc.PeriodKind.INTERVAL) != (
            b.period.kind is mc.PeriodKind.INTERVAL
        ) or (
            a.period.end_year - a.period.start_year != b.period.end_year - b.period.start_year
            and a.period.kind is mc.PeriodKind.INTERVAL
        )
        if clash or a.is_range != b.is_range:
            assert isinstance(result, mc.IncomparableError)
        else:
            assert isinstance(result, mc.Comparison)
            assert result.change == b.value - a.value

    def test_overflow_is_incomparable(self) -> None:
        """A value whose figures leave Decimal's range raises IncomparableError, not Overflow."""
        a, b = _comparable_groups()[0][:2]
        tiny = attrs.evolve(a, value=Decimal("1E-999999999999999999"))
        with pytest.raises(mc.IncomparableError, match="too large or too small"):
            mc.compare(tiny, b)

    def test_huge_int_field(self) -> None:
        """A value no int-to-text conversion allows still gives a readable IncomparableError."""
        a, b = _comparable_groups()[0][:2]
        with pytest.raises(mc.IncomparableError, match="too large to show"):
            mc.compare(attrs.evolve(a, value=10**5000), b)  # type: ignore[arg-type]


_amounts = st.one_of(
    anything,
    st.sampled_from(EXTREME_DECIMALS),
    st.decimals(),
    st.floats(),
    st.integers(),
    texts,
)
_inflate_periods = st.one_of(
    anything,
    st.integers(min_value=1990, max_value=2030),
    periods(),
    value_for("period"),
)


class TestInflate:
    """inflate takes any amount and periods: a Decimal, or CpiError / PeriodError."""

    @given(
        amount=_amounts,
        start=_inflate_periods,
        end=st.none() | _inflate_periods,
        catalog=st.none() | anything,
    )
    @example(amount=Decimal("1E+999999999999999999"), start=2004, end=2018, catalog=None)
    @example(amount=1, start=10**5000, end=None, catalog=None)
    @example(amount=[10**5000], start=2004, end=None, catalog=None)
    def test_inflate(self, amount: object, start: object, end: object, catalog: object) -> None:
        """inflate returns a Decimal or raises CpiError or PeriodError."""
        result = outcome(lambda: mc.inflate(amount, start, end, catalog=catalog))  # type: ignore[arg-type]
        assert isinstance(result, Decimal | mc.CpiError | mc.PeriodError)

    @given(
        amount=st.integers(0, 10**9) | st.decimals(0, 10**9, places=2),
        start=st.integers(2004, 2025),
        end=st.integers(2004, 2025),
    )
    def test_inflate_valid(
        self, cat: mc.Catalog, amount: int | Decimal, start: int, end: int
    ) -> None:
        """A finite amount between two CPI-U years is amount * CPI[end] / CPI[start]."""
        result = outcome(lambda: mc.inflate(amount, start, end))
        assert isinstance(result, Decimal)
        expected = Decimal(amount) * cat.cpi_u[end].value / cat.cpi_u[start].value
        assert abs(result - expected) <= abs(expected) * Decimal("1e-25")

    def test_huge_is_cpi_error(self) -> None:
        """An amount past Decimal's range raises CpiError (and ArgumentError), not Overflow."""
        with pytest.raises(mc.CpiError, match="amount must be less than 1E"):
            mc.inflate(Decimal("1E+999999999999999999"), 2004, 2018)


# -- periods ------------------------------------------------------------------

_period_texts = st.one_of(
    texts,
    st.from_regex(r"\s*\d{4}(-\d{1,2}|/\d{4})?\s*", fullmatch=True),
    periods().map(str),
)
_ints = st.integers() | st.integers(min_value=0, max_value=13) | anything


class TestPeriod:
    """Period.parse and the constructors take anything: a Period, or PeriodError."""

    @given(text=_period_texts | anything)
    def test_parse(self, text: object) -> None:
        """Period.parse returns a Period whose text parses back, or raises PeriodError."""
        result = outcome(lambda: mc.Period.parse(text))  # type: ignore[arg-type]
        assert isinstance(result, mc.Period | mc.PeriodError)
        if isinstance(result, mc.Period):
            assert mc.Period.parse(str(result)) == result
            assert isinstance(text, str)
            assert str(result) == text.strip()

    @given(period=periods())
    def test_parse_valid(self, period: mc.Period) -> None:
        """The text of any period parses back to it, also with spaces around."""
        assert outcome(lambda: mc.Period.parse(f" {period} ")) == period

    @given(year=_ints, month=_ints, end=_ints)
    @example(year="2004", month=5, end=2010)
    @example(year=2008, month=5.0, end=2010)  # 5.0 in range(1, 13): str() failed
    @example(year=10**5000, month=1, end=10**5000)
    def test_constructors(self, year: object, month: object, end: object) -> None:
        """Period.year, .month, .interval and Period(...) give a Period or raise PeriodError."""
        for build in (
            lambda: mc.Period.year(year),  # type: ignore[arg-type]
            lambda: mc.Period.month(year, month),  # type: ignore[arg-type]
            lambda: mc.Period.interval(year, end),  # type: ignore[arg-type]
            lambda: mc.Period(start_year=year, start_month=month, end_year=end, end_month=month),  # type: ignore[arg-type]
        ):
            result = outcome(build)
            assert isinstance(result, mc.Period | mc.PeriodError)
            if isinstance(result, mc.Period):
                assert mc.Period.parse(str(result)) == result

    @given(period=periods(), other=_period_texts | anything)
    def test_contains(self, period: mc.Period, other: object) -> None:
        """`x in period` is a bool for anything, or PeriodError for text that is no period."""
        result = outcome(lambda: other in period)
        assert isinstance(result, bool | mc.PeriodError)
        inner = other if isinstance(other, mc.Period) else _parsed(other)
        if isinstance(inner, mc.Period) and isinstance(other, str | mc.Period):
            covers = (period.start_year, period.start_month) <= (
                inner.start_year,
                inner.start_month,
            ) and (inner.end_year, inner.end_month) <= (period.end_year, period.end_month)
            assert result is covers


# -- load and export ----------------------------------------------------------


def _not_a_path(value: object) -> bool:
    return not isinstance(value, str | os.PathLike)


class TestLoad:
    """load takes anything: a Catalog, or DataError / ArgumentError (it only reads)."""

    @given(path=anything)
    @example(path=123)
    @example(path=None)
    @example(path=b"/tmp")
    @example(path="a" * 5000)  # Path.is_dir raised OSError (name too long)
    @example(path="a\x00")
    def test_load(self, path: object) -> None:
        """load of any non-directory raises DataError or ArgumentError."""
        result = outcome(lambda: mc.load(path))  # type: ignore[arg-type]
        assert isinstance(result, mc.DataError | mc.ArgumentError)

    def test_not_a_path(self) -> None:
        """A value that is no path at all raises ArgumentError naming its type."""
        with pytest.raises(mc.ArgumentError, match="got int"):
            mc.load(123)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory the export fuzzer writes under (nothing else is written)."""
    return tmp_path_factory.mktemp("export-fuzz")


@st.composite
def _directories(draw: st.DrawFn, root: Path) -> object:
    """A directory under *root* (any name, as text or a Path), or any object that is no path."""
    way = draw(st.sampled_from(["text", "path", "other"]))
    if way == "other":
        return draw(anything.filter(_not_a_path))
    # "d" + a name with no "/": never "." or "..", never outside *root*.
    name = "d" + draw(texts).replace("/", "_")
    return str(root / name) if way == "text" else root / name


class TestExport:
    """export takes any arguments: the paths written, or a MedcoderError (inside a tmp dir)."""

    @settings(max_examples=60)
    @given(data=st.data())
    def test_export(self, out_dir: Path, data: st.DataObject) -> None:
        """export writes under the directory given or raises a documented MedcoderError."""
        directory = data.draw(_directories(out_dir))
        fmt = data.draw(st.sampled_from(["json", "csv"]) | anything)
        catalog = data.draw(st.none() | anything)
        overwrite = data.draw(anything)
        result = outcome(
            lambda: mc.export(directory, format=fmt, catalog=catalog, overwrite=overwrite)  # type: ignore[arg-type]
        )
        expected = mc.NotFound | mc.ArgumentError | mc.ExportError
        assert isinstance(result, tuple | expected)
        if isinstance(result, tuple):
            assert all(Path(p).is_relative_to(out_dir) for p in result)

    @pytest.mark.parametrize(
        ("directory", "message"),
        [(123, "got int"), ("a\x00b", "null byte"), ("a" * 5000, "too long")],
    )
    def test_bad_directory(self, out_dir: Path, directory: object, message: str) -> None:
        """No path, a NUL in the name, or a name too long: ArgumentError or ExportError."""
        target = directory if not isinstance(directory, str) else str(out_dir / directory)
        with pytest.raises((mc.ArgumentError, mc.ExportError), match=message):
            mc.export(target)  # type: ignore[arg-type]

    def test_bad_catalog(self, out_dir: Path) -> None:
        """A catalog that is no Catalog raises ArgumentError before anything is written."""
        with pytest.raises(mc.ArgumentError, match="got str"):
            mc.export(out_dir / "never", catalog="x")  # type: ignore[arg-type]
        assert not (out_dir / "never").exists()
