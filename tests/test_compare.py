from __future__ import annotations

import decimal
import doctest
import json
import pickle
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import event, given
from hypothesis import strategies as st

import medcoder_careers as mc

from .strategies import comparable_pairs, comparisons, cpi_periods, decimals, statistics

WIDE = decimal.Context(prec=100)
TOLERANCE = Decimal(10) ** -(mc.PRECISION - 2)
MEDIAN = {"measure": "annual_wage", "percentile": 50}


def _one(cat: mc.Catalog, **filters: Any) -> mc.Statistic:
    found = [s for s in cat.stats(**filters) if s.industry is None]
    assert len(found) == 1, found
    return found[0]


def _close(x: Decimal, y: Decimal, tolerance: Decimal = TOLERANCE) -> bool:
    with decimal.localcontext(WIDE):
        return abs(x - y) <= tolerance * max(abs(x), abs(y), Decimal(1))


def _stat(**changes: Any) -> mc.Statistic:
    base = mc.Statistic(
        period=mc.Period.parse("2004"),
        source="ooh-2006-07",
        occupation="medical-records-and-health-information-technicians",
        measure=mc.Measure.ANNUAL_WAGE,
        percentile=50,
        value=Decimal(100),
        unit=mc.Unit.USD_PER_YEAR,
        citation=mc.Citation(source="ooh-2006-07", quote="x"),
    )
    return attrs.evolve(base, **changes)


class TestExample:
    """The 2004 median annual wage against the May 2018 median, checked by hand."""

    @pytest.fixture
    def pair(self, cat: mc.Catalog) -> tuple[mc.Statistic, mc.Statistic]:
        article = "article-medical-information-coder"  # the OOH page states May 2018 too
        return _one(cat, period="2004", **MEDIAN), _one(
            cat, period="2018-05", source=article, **MEDIAN
        )

    def test_packaged_figures(
        self, cat: mc.Catalog, pair: tuple[mc.Statistic, mc.Statistic]
    ) -> None:
        """The inputs are the 2006-07 Edition's $25,590 and the article's $40,350."""
        a, b = pair
        assert (a.source, a.value, b.source, b.value) == (
            "ooh-2006-07",
            Decimal(25590),
            "article-medical-information-coder",
            Decimal(40350),
        )
        assert cat.cpi_u[2004].value == Decimal("188.9")
        assert cat.cpi_u[2018].value == Decimal("251.107")

    def test_nominal(self, pair: tuple[mc.Statistic, mc.Statistic]) -> None:
        """Nominal: +$14,760, ratio 1.5768, +57.68 %, 13.875 years, 3.34 % a year."""
        c = mc.compare(*pair)
        assert not c.real
        assert c.change == Decimal(14760)
        assert c.ratio is not None
        assert c.percent_change is not None
        assert c.annualized_percent is not None
        assert c.ratio == Decimal(40350) / Decimal(25590)
        assert round(c.ratio, 6) == Decimal("1.576788")
        assert round(c.percent_change, 4) == Decimal("57.6788")
        assert c.years == Decimal("13.875")  # mid-2004 to mid-May 2018
        # (40350 / 25590) ** (1 / 13.875) = 1.033365...
        assert round(c.annualized_percent, 4) == Decimal("3.3365")
        assert c.bound is mc.Bound.EXACT
        assert not c.definition_changed
        assert (c.price_year, c.cpi, c.high) == (None, None, None)

    def test_real(self, cat: mc.Catalog, pair: tuple[mc.Statistic, mc.Statistic]) -> None:
        """Real: 25,590 x 251.107 / 188.9 = $34,017.09 of 2018, so +$6,332.91 (+18.62 %)."""
        c = mc.compare(*pair, real=True)
        assert c.real
        assert c.price_year == 2018
        assert c.cpi == (cat.cpi_u[2004], cat.cpi_u[2018])
        assert c.value_a == Decimal("34017.08909475913181577554262")
        assert round(c.value_a, 2) == Decimal("34017.09")
        assert c.value_b == Decimal(40350)
        assert c.ratio is not None
        assert c.percent_change is not None
        assert c.annualized_percent is not None
        assert round(c.change, 2) == Decimal("6332.91")
        assert round(c.ratio, 6) == Decimal("1.186169")
        assert round(c.percent_change, 2) == Decimal("18.62")
        assert c.years == Decimal("13.875")
        # 1.186169 ** (1 / 13.875) = 1.012381
        assert round(c.annualized_percent, 3) == Decimal("1.238")

    def test_real_cpi_cited(self, pair: tuple[mc.Statistic, mc.Statistic]) -> None:
        """The CPI-U values used cite the cpi-u source."""
        c = mc.compare(*pair, real=True)
        assert c.cpi is not None
        assert [row.citation.source for row in c.cpi] == ["cpi-u", "cpi-u"]

    def test_reversed(self, pair: tuple[mc.Statistic, mc.Statistic]) -> None:
        """Reversing the pair negates change and years, and keeps 2018 as the price year."""
        a, b = pair
        forward, backward = mc.compare(a, b, real=True), mc.compare(b, a, real=True)
        assert backward.change == forward.change.copy_negate()
        assert backward.years == Decimal("-13.875")
        assert backward.price_year == 2018
        assert forward.cpi is not None
        assert backward.cpi == (forward.cpi[1], forward.cpi[0])

    def test_definition_changed(self, cat: mc.Catalog) -> None:
        """May 2008 (29-2071) against May 2020 (the hybrid 29-2098) flags the new definition."""
        coders = {"occupation": "medical coder", **MEDIAN}
        may_2020 = _one(cat, period="2020-05", source="ooh-latest", **coders)
        assert may_2020.definition == "29-2098"
        c = mc.compare(_one(cat, period="2008-05", **coders), may_2020)
        assert c.definition_changed
        assert c.change == Decimal(44090 - 30610)
        assert c.years == 12

    def test_projections(self, cat: mc.Catalog) -> None:
        """Projected growth 2008-18 (20 %) against 2010-20 (21 %): one point, two years."""
        a = _one(cat, measure="projected_change_percent", source="ooh-2010-11")
        b = _one(cat, measure="projected_change_percent", source="ooh-2012-13")
        c = mc.compare(a, b)
        assert (c.change, c.years) == (Decimal(1), Decimal(2))

    def test_doctests(self) -> None:
        """The examples in the docstrings of `compare` and `inflate` run."""
        finder, runner = doctest.DocTestFinder(), doctest.DocTestRunner()
        for function in (mc.compare, mc.inflate):
            for test in finder.find(function):
                runner.run(test)
        assert runner.tries > 0
        assert runner.failures == 0


class TestIncomparable:
    """Statistics that cannot be compared raise IncomparableError saying why."""

    @pytest.mark.parametrize(
        ("changes", "needle"),
        [
            ({"percentile": 90}, "percentile differs (50 vs 90)"),
            ({"industry": "6221"}, "industry differs (none vs '6221')"),
            ({"setting": "hospitals"}, "setting differs (none vs 'hospitals')"),
            ({"experience": "1 to 4 years"}, "experience differs"),
            ({"accreditor": "cahiim"}, "accreditor differs"),
            (
                {"measure": mc.Measure.ANNUAL_SALARY, "percentile": None},
                "measure differs ('annual_wage' vs 'annual_salary'); percentile differs",
            ),
            ({"value_high": Decimal(200)}, "value_high differs (only b is a range)"),
        ],
    )
    def test_field_named(self, changes: dict[str, object], needle: str) -> None:
        """Each differing field is named, with both values."""
        with pytest.raises(mc.IncomparableError, match="cannot compare") as info:
            mc.compare(_stat(), _stat(**changes))
        assert needle in str(info.value)

    def test_packaged_percentiles(self, cat: mc.Catalog) -> None:
        """The 2004 tenth percentile against the 2004 median is refused."""
        p10 = _one(cat, measure="annual_wage", percentile=10, period="2004")
        with pytest.raises(mc.IncomparableError, match="percentile differs"):
            mc.compare(p10, _one(cat, period="2004", **MEDIAN))

    def test_packaged_accreditors(self, cat: mc.Catalog) -> None:
        """CAHIIM's programme count against NCRA's is refused."""
        a, b = cat.stats(measure="accredited_programs", period="2005")
        with pytest.raises(mc.IncomparableError, match="accreditor differs"):
            mc.compare(a, b)

    def test_packaged_experience(self, cat: mc.Catalog) -> None:
        """Two salary ranges of different experience bands are refused."""
        a, b = cat.stats(measure="annual_salary")
        with pytest.raises(mc.IncomparableError, match="experience differs"):
            mc.compare(a, b)

    def test_interval_and_point(self) -> None:
        """An interval does not compare with a year."""
        a = _stat(
            measure=mc.Measure.PROJECTED_CHANGE_PERCENT, unit=mc.Unit.PERCENT, percentile=None
        )
        b = attrs.evolve(a, period=mc.Period.parse("2008/2018"))
        with pytest.raises(mc.IncomparableError, match="interval of the same length"):
            mc.compare(a, b)

    def test_intervals_of_different_lengths(self) -> None:
        """A ten-year interval does not compare with a five-year one."""
        a = _stat(period=mc.Period.parse("2008/2018"))
        b = _stat(period=mc.Period.parse("2010/2015"))
        with pytest.raises(mc.IncomparableError, match="lengths differ"):
            mc.compare(a, b)

    @pytest.mark.parametrize("other", [None, 3, "2004", Decimal(1)])
    def test_not_a_statistic(self, other: object) -> None:
        """A non-statistic argument is refused with IncomparableError, not TypeError."""
        with pytest.raises(mc.IncomparableError, match="two Statistic objects"):
            mc.compare(_stat(), other)  # type: ignore[arg-type]
        with pytest.raises(mc.IncomparableError, match="a is a"):
            mc.compare(other, _stat())  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        "changes",
        [
            {"value": Decimal("NaN")},
            {"value": Decimal("Infinity")},
            {"value": 100.0},
            {"value_high": Decimal("sNaN")},
            {"period": "2004"},
            {"bound": "roughly"},
        ],
    )
    def test_malformed_statistic(self, changes: dict[str, object]) -> None:
        """A hand-built statistic with a bad field is refused with IncomparableError."""
        with pytest.raises(mc.IncomparableError):
            mc.compare(_stat(), _stat(**changes))

    def test_real_needs_dollars(self, cat: mc.Catalog) -> None:
        """real=True on job counts raises IncomparableError; nominal works."""
        a = _one(cat, measure="employment", period="2004")
        b = _one(cat, measure="employment", period="2010")
        assert mc.compare(a, b).change == Decimal(179500 - 159000)
        with pytest.raises(mc.IncomparableError, match="dollar amounts only"):
            mc.compare(a, b, real=True)

    def test_is_value_error(self) -> None:
        """IncomparableError is a MedcoderError and a ValueError."""
        with pytest.raises(mc.MedcoderError):
            mc.compare(_stat(), _stat(percentile=10))
        with pytest.raises(ValueError, match="percentile"):
            mc.compare(_stat(), _stat(percentile=10))


B = mc.Bound
BOUND_TABLE = [
    (B.EXACT, B.EXACT, B.EXACT),
    (B.EXACT, B.MORE_THAN, B.MORE_THAN),
    (B.EXACT, B.LESS_THAN, B.LESS_THAN),
    (B.EXACT, B.APPROXIMATE, B.APPROXIMATE),
    (B.MORE_THAN, B.EXACT, B.LESS_THAN),
    (B.LESS_THAN, B.EXACT, B.MORE_THAN),
    (B.APPROXIMATE, B.EXACT, B.APPROXIMATE),
    (B.LESS_THAN, B.MORE_THAN, B.MORE_THAN),
    (B.MORE_THAN, B.LESS_THAN, B.LESS_THAN),
    (B.MORE_THAN, B.MORE_THAN, B.APPROXIMATE),
    (B.LESS_THAN, B.LESS_THAN, B.APPROXIMATE),
    (B.APPROXIMATE, B.APPROXIMATE, B.APPROXIMATE),
    (B.APPROXIMATE, B.MORE_THAN, B.APPROXIMATE),
    (B.APPROXIMATE, B.LESS_THAN, B.APPROXIMATE),
    (B.MORE_THAN, B.APPROXIMATE, B.APPROXIMATE),
    (B.LESS_THAN, B.APPROXIMATE, B.APPROXIMATE),
    # A top-coded figure is a lower bound, like "more than".
    (B.AT_LEAST, B.EXACT, B.LESS_THAN),
    (B.EXACT, B.AT_LEAST, B.MORE_THAN),
    (B.AT_LEAST, B.AT_LEAST, B.APPROXIMATE),
    (B.AT_LEAST, B.MORE_THAN, B.APPROXIMATE),
    (B.MORE_THAN, B.AT_LEAST, B.APPROXIMATE),
    (B.AT_LEAST, B.LESS_THAN, B.LESS_THAN),
    (B.LESS_THAN, B.AT_LEAST, B.MORE_THAN),
    (B.AT_LEAST, B.APPROXIMATE, B.APPROXIMATE),
    (B.APPROXIMATE, B.AT_LEAST, B.APPROXIMATE),
]


class TestBounds:
    """A bound other than exact carries into the change by the documented rule."""

    @pytest.mark.parametrize(("bound_a", "bound_b", "expected"), BOUND_TABLE)
    def test_table(self, bound_a: mc.Bound, bound_b: mc.Bound, expected: mc.Bound) -> None:
        """b's bound carries as is, a's turned round; clashes give approximate."""
        c = mc.compare(_stat(bound=bound_a), _stat(bound=bound_b, value=Decimal(150)))
        assert c.bound is expected

    def test_table_complete(self) -> None:
        """The table covers every pair of bounds once."""
        assert {(a, b) for a, b, _ in BOUND_TABLE} == {(a, b) for a in B for b in B}
        assert len(BOUND_TABLE) == len(B) ** 2

    def test_plain_string_bound(self) -> None:
        """A bound given as its plain string is read as the enum."""
        c = mc.compare(_stat(bound="more_than"), _stat())
        assert c.bound is B.LESS_THAN

    def test_packaged_tenth_percentiles(self, cat: mc.Catalog) -> None:
        """2004 against May 2008 tenth percentiles: "less than $X" states X, so exact."""
        a = _one(cat, measure="annual_wage", percentile=10, period="2004")
        b = _one(cat, measure="annual_wage", percentile=10, period="2008-05")
        assert (a.bound, b.bound) == (B.EXACT, B.EXACT)
        c = mc.compare(a, b, real=True)
        assert c.bound is B.EXACT

    def test_packaged_lower_bound(self, cat: mc.Catalog) -> None:
        """184 programs (2005) against "more than 200" (2008): a change of more than 16."""
        a = _one(cat, measure="accredited_programs", accreditor="cahiim", period="2005")
        b = _one(cat, measure="accredited_programs", accreditor="cahiim", period="2008")
        assert (a.bound, b.bound) == (B.EXACT, B.MORE_THAN)
        c = mc.compare(a, b)
        assert (c.change, c.bound) == (Decimal(16), B.MORE_THAN)

    @given(comparable_pairs())
    def test_reversal_turns_bound(self, pair: tuple[mc.Statistic, mc.Statistic]) -> None:
        """compare(b, a).bound is compare(a, b).bound turned round."""
        a, b = pair
        turned = {B.MORE_THAN: B.LESS_THAN, B.LESS_THAN: B.MORE_THAN}
        forward = mc.compare(a, b).bound
        assert mc.compare(b, a).bound is turned.get(forward, forward)


class TestYears:
    """Years run midpoint to midpoint: a year at 1 July, a month at its middle."""

    @pytest.mark.parametrize(
        ("first", "second", "years"),
        [
            ("2004", "2018-05", "13.875"),
            ("2018-05", "2004", "-13.875"),
            ("2004", "2018", "14"),
            ("2008-05", "2018-05", "10"),
            ("2008-05", "2008-06", "0.08333333333333333333333333333"),
            ("2008", "2008-06", "-0.04166666666666666666666666667"),
            ("2008", "2008-07", "0.04166666666666666666666666667"),
            ("2008-05", "2008-05", "0"),
            ("2008/2018", "2010/2020", "2"),
            ("2008/2018", "2008/2018", "0"),
        ],
    )
    def test_years(self, first: str, second: str, years: str) -> None:
        """Years between the two periods, signed, rounded to 28 digits."""
        a = _stat(period=mc.Period.parse(first))
        b = _stat(period=mc.Period.parse(second))
        assert mc.compare(a, b).years == Decimal(years)

    def test_same_period_no_rate(self) -> None:
        """No annualized rate over zero years."""
        c = mc.compare(_stat(), _stat(value=Decimal(200)))
        assert c.years == 0
        assert c.annualized_percent is None
        assert c.ratio == 2

    @given(comparable_pairs())
    def test_antisymmetric(self, pair: tuple[mc.Statistic, mc.Statistic]) -> None:
        """years(a, b) == -years(b, a)."""
        a, b = pair
        assert mc.compare(a, b).years == mc.compare(b, a).years.copy_negate()


class TestZeroAndSign:
    """Zero and negative starting values give None or a sign-true percent."""

    def test_zero(self) -> None:
        """From zero there is no ratio, percent or rate; change is still given."""
        c = mc.compare(
            _stat(value=Decimal(0)), _stat(value=Decimal(5), period=mc.Period.year(2010))
        )
        assert c.change == 5
        assert (c.ratio, c.percent_change, c.annualized_percent) == (None, None, None)

    def test_negative(self) -> None:
        """From -5 to 8 the percent change is +260, the ratio -1.6, no rate."""
        a = _stat(
            measure=mc.Measure.PROJECTED_CHANGE_PERCENT,
            unit=mc.Unit.PERCENT,
            percentile=None,
            value=Decimal(-5),
            period=mc.Period.parse("2008/2018"),
        )
        b = attrs.evolve(a, value=Decimal(8), period=mc.Period.parse("2010/2020"))
        c = mc.compare(a, b)
        assert c.change == 13
        assert c.percent_change == 260
        assert c.ratio == Decimal("-1.6")
        assert c.annualized_percent is None


class TestRanges:
    """Two ranges compare their low ends; ``high`` compares the high ends."""

    def test_ranges(self) -> None:
        """Low ends in the comparison, high ends in .high, same years and bound."""
        a = _stat(
            measure=mc.Measure.ANNUAL_SALARY,
            percentile=None,
            value=Decimal(25014),
            value_high=Decimal(34988),
        )
        b = attrs.evolve(
            a, value=Decimal(29375), value_high=Decimal(40349), period=mc.Period.year(2009)
        )
        c = mc.compare(a, b)
        assert c.change == 29375 - 25014
        assert c.high is not None
        assert c.high.change == 40349 - 34988
        assert (c.high.value_a, c.high.value_b) == (Decimal(34988), Decimal(40349))
        assert (c.high.years, c.high.bound, c.high.high) == (c.years, c.bound, None)

    def test_real_ranges(self, cat: mc.Catalog) -> None:
        """With real=True both ends are in constant dollars."""
        a = _stat(measure=mc.Measure.ANNUAL_SALARY, percentile=None, value_high=Decimal(200))
        b = attrs.evolve(a, period=mc.Period.year(2018))
        c = mc.compare(a, b, real=True)
        factor = cat.cpi_u[2018].value / cat.cpi_u[2004].value
        assert c.high is not None
        assert c.high.real
        assert _close(c.value_a, 100 * factor)
        assert _close(c.high.value_a, 200 * factor)

    def test_range_and_single(self) -> None:
        """A range against a single figure is refused."""
        a = _stat(measure=mc.Measure.ANNUAL_SALARY, percentile=None, value_high=Decimal(200))
        b = attrs.evolve(a, value_high=None)
        with pytest.raises(mc.IncomparableError, match="only a is a range"):
            mc.compare(a, b)


class TestReal:
    """real=True puts both dollar amounts in constant dollars of the later year."""

    def test_outside_cpi_years(self) -> None:
        """A year with no CPI-U average raises CpiError naming it and the covered span."""
        with pytest.raises(mc.CpiError, match="2003; the CPI-U data cover 2004-2025") as info:
            mc.compare(_stat(period=mc.Period.year(2003)), _stat(), real=True)
        assert info.value.year == 2003
        with pytest.raises(mc.CpiError, match="2026"):
            mc.compare(_stat(), _stat(period=mc.Period.month(2026, 5)), real=True)

    def test_interval_dollars(self) -> None:
        """Dollar figures over an interval have no price level: CpiError."""
        a = _stat(period=mc.Period.parse("2008/2018"))
        b = _stat(period=mc.Period.parse("2010/2020"))
        assert mc.compare(a, b).years == 2
        with pytest.raises(mc.CpiError, match="no one price level"):
            mc.compare(a, b, real=True)

    def test_other_catalog(self, data_copy: Path) -> None:
        """The catalog keyword uses that catalog's CPI-U averages."""
        path = data_copy / "cpi_u.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        for row in document["cpi_u"]:
            if row["year"] == 2018:
                row["value"] = "377.8"  # twice 2004's 188.9
        path.write_text(json.dumps(document), encoding="utf-8")
        other = mc.load(data_copy)
        c = mc.compare(_stat(), _stat(period=mc.Period.year(2018)), real=True, catalog=other)
        assert c.value_a == 200
        assert mc.inflate(100, 2004, 2018, catalog=other) == 200

    def test_not_a_catalog(self) -> None:
        """A catalog keyword that is not a Catalog raises CpiError."""
        with pytest.raises(mc.CpiError, match="must be a Catalog"):
            mc.compare(_stat(), _stat(), real=True, catalog={})  # type: ignore[arg-type]

    @given(comparable_pairs(dollars=True, cpi=True, distinct_years=True))
    def test_later_year_is_base(self, pair: tuple[mc.Statistic, mc.Statistic]) -> None:
        """The price year is the later of the two periods' years."""
        a, b = pair
        c = mc.compare(a, b, real=True)
        assert c.price_year == max(a.period.start_year, b.period.start_year)
        assert c.cpi is not None
        assert [row.year for row in c.cpi] == [a.period.start_year, b.period.start_year]

    @given(comparable_pairs(dollars=True, cpi=True))
    def test_same_period(self, pair: tuple[mc.Statistic, mc.Statistic]) -> None:
        """Two figures of one period compare the same in real and nominal terms."""
        a, b = pair
        b = attrs.evolve(b, period=a.period)
        nominal, real = mc.compare(a, b), mc.compare(a, b, real=True)
        assert attrs.evolve(real, real=False, price_year=None, cpi=None, high=None) == (
            attrs.evolve(nominal, high=None)
        )

    @given(st.data())
    def test_same_year(self, data: st.DataObject) -> None:
        """Real and nominal agree when both periods fall in the same year."""
        a, b = data.draw(comparable_pairs(dollars=True, cpi=True))
        b = attrs.evolve(
            b, period=mc.Period.month(a.period.start_year, data.draw(st.integers(1, 12)))
        )
        nominal, real = mc.compare(a, b), mc.compare(a, b, real=True)
        for field in ("value_a", "value_b", "change", "ratio", "percent_change", "years"):
            assert getattr(real, field) == getattr(nominal, field), field
        assert real.annualized_percent == nominal.annualized_percent


class TestProperties:
    """Invariants of every comparison."""

    @given(statistics())
    def test_self(self, stat: mc.Statistic) -> None:
        """compare(a, a) gives change 0, ratio 1 (or None from zero) and zero years."""
        c = mc.compare(stat, stat)
        assert c.change == 0
        assert c.years == 0
        assert c.ratio == (None if stat.value.is_zero() else 1)
        assert not c.definition_changed

    @given(comparisons())
    def test_a_plus_change_is_b(self, c: mc.Comparison) -> None:
        """value_a + change == value_b exactly, and value_a is a's value in nominal terms."""
        with decimal.localcontext(WIDE):
            assert c.value_a + c.change == c.value_b
        assert (c.value_a, c.value_b) == (c.a.value, c.b.value)

    @given(comparisons(real=True))
    def test_a_plus_change_is_b_real(self, c: mc.Comparison) -> None:
        """In constant dollars too, value_a + change == value_b exactly."""
        with decimal.localcontext(WIDE):
            assert c.value_a + c.change == c.value_b

    @given(comparable_pairs())
    def test_change_antisymmetric(self, pair: tuple[mc.Statistic, mc.Statistic]) -> None:
        """change(a, b) == -change(b, a)."""
        a, b = pair
        assert mc.compare(a, b).change == mc.compare(b, a).change.copy_negate()

    @given(comparable_pairs(dollars=True, cpi=True))
    def test_change_antisymmetric_real(self, pair: tuple[mc.Statistic, mc.Statistic]) -> None:
        """In real terms too, change(a, b) == -change(b, a)."""
        a, b = pair
        assert (
            mc.compare(a, b, real=True).change == mc.compare(b, a, real=True).change.copy_negate()
        )

    @given(comparable_pairs(positive=True))
    def test_ratio_reciprocal(self, pair: tuple[mc.Statistic, mc.Statistic]) -> None:
        """ratio(a, b) * ratio(b, a) == 1 within 10**-(PRECISION - 2)."""
        a, b = pair
        forward, backward = mc.compare(a, b).ratio, mc.compare(b, a).ratio
        assert forward is not None
        assert backward is not None
        with decimal.localcontext(WIDE):
            assert abs(forward * backward - 1) <= TOLERANCE

    @given(comparisons())
    def test_percent_change(self, c: mc.Comparison) -> None:
        """percent_change is change over |value_a| in percent, within the precision."""
        if c.value_a.is_zero():
            assert c.percent_change is None
            return
        assert c.percent_change is not None
        with decimal.localcontext(WIDE):
            assert _close(c.percent_change, c.change / abs(c.value_a) * 100)

    @given(comparisons() | comparisons(real=True))
    def test_no_rate(self, c: mc.Comparison) -> None:
        """annualized_percent is None exactly when there is no positive ratio or no time between."""
        no_rate = c.ratio is None or c.ratio <= 0 or c.years == 0
        event(f"no rate: {no_rate}")
        assert (c.annualized_percent is None) == no_rate

    @given(comparisons(positive=True) | comparisons(real=True, positive=True))
    def test_annualized(self, c: mc.Comparison) -> None:
        """annualized_percent is ((b / a) ** (1 / years) - 1) * 100, computed another way.

        The code takes ``exp(ln(ratio) / years)``; here Decimal's power of the
        values themselves, in a wider context, must agree within 1e-20.
        """
        assert c.annualized_percent is not None
        with decimal.localcontext(decimal.Context(prec=60, Emax=10**6, Emin=-(10**6))):
            expected = ((c.value_b / c.value_a) ** (1 / c.years) - 1) * 100
        assert _close(c.annualized_percent, expected, Decimal("1e-20"))

    def test_annualized_example(self) -> None:
        """From 100 to 121 over two years is 10 % a year."""
        c = mc.compare(_stat(), _stat(value=Decimal(121), period=mc.Period.year(2006)))
        assert c.years == 2
        assert c.annualized_percent == 10

    @given(comparisons(positive=True))
    def test_annualized_compounds(self, c: mc.Comparison) -> None:
        """Compounding the annual rate over the years gives the ratio back (moderate rates)."""
        if c.annualized_percent is None or c.ratio is None:
            return
        if not Decimal("0.001") < c.ratio < 1000 or abs(c.years) < 1:
            return
        with decimal.localcontext(WIDE):
            compounded = (1 + c.annualized_percent / 100) ** c.years
        assert _close(compounded, c.ratio, Decimal("1e-18"))

    @given(comparable_pairs())
    def test_definition_flag(self, pair: tuple[mc.Statistic, mc.Statistic]) -> None:
        """definition_changed is whether the two definitions differ."""
        a, b = pair
        assert mc.compare(a, b).definition_changed == (a.definition != b.definition)

    @given(comparisons())
    def test_caller_context_ignored(self, c: mc.Comparison) -> None:
        """A caller's low-precision decimal context does not change the result."""
        with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_FLOOR)):
            again = mc.compare(c.a, c.b)
        assert again == c


class TestInflate:
    """inflate() moves dollar amounts between years with the CPI-U averages."""

    def test_example(self, cat: mc.Catalog) -> None:
        """$100 of 2004 is 100 x 251.107 / 188.9 = $132.93 of 2018."""
        result = mc.inflate(100, "2004", "2018-05")
        assert result == Decimal("132.9311805187930121757543674")
        assert result == cat.cpi_u[2018].value * 100 / cat.cpi_u[2004].value

    def test_default_latest(self, cat: mc.Catalog) -> None:
        """Without to_period the amount is expressed in the latest CPI year (2025)."""
        assert max(cat.cpi_u) == 2025
        assert mc.inflate(100, 2004) == mc.inflate(100, 2004, 2025)

    @pytest.mark.parametrize(
        "amount", [100, Decimal(100), "100", " 100.00 ", 100.0, Decimal("1E+2")]
    )
    def test_amount_forms(self, amount: Decimal | float | str) -> None:
        """Ints, Decimals, text and floats all work and agree."""
        assert mc.inflate(amount, "2004", 2018) == mc.inflate(Decimal(100), "2004", 2018)

    def test_float_shortest_form(self) -> None:
        """A float is read through its shortest text: 0.1 is Decimal('0.1')."""
        assert mc.inflate(0.1, 2010, 2010) == Decimal("0.1")

    def test_period_forms(self) -> None:
        """A period is a Period, its text or an int year."""
        expected = mc.inflate(100, "2008-05", "2018")
        assert mc.inflate(100, mc.Period.parse("2008"), mc.Period.year(2018)) == expected
        assert mc.inflate(100, 2008, "2018-12") == expected

    @pytest.mark.parametrize(
        "amount", [True, None, "abc", "", "NaN", Decimal("Infinity"), float("nan"), [100]]
    )
    def test_bad_amount(self, amount: object) -> None:
        """An amount that is not a finite number raises CpiError."""
        with pytest.raises(mc.CpiError, match="finite number") as info:
            mc.inflate(amount, 2004, 2018)  # type: ignore[arg-type]
        assert info.value.year is None

    @pytest.mark.parametrize("period", ["May 2008", "2008-13", 3.5, None, True, 99])
    def test_bad_period(self, period: object) -> None:
        """A period that is not a period raises PeriodError."""
        with pytest.raises(mc.PeriodError):
            mc.inflate(100, period, 2018)  # type: ignore[arg-type]

    @pytest.mark.parametrize(("from_period", "to_period"), [(2003, 2018), (2004, "2026-01")])
    def test_outside(self, from_period: object, to_period: object) -> None:
        """A year outside 2004-2025 raises CpiError."""
        with pytest.raises(mc.CpiError, match="no CPI-U annual average"):
            mc.inflate(100, from_period, to_period)  # type: ignore[arg-type]

    def test_interval(self) -> None:
        """An interval has no price level: CpiError."""
        with pytest.raises(mc.CpiError, match="interval"):
            mc.inflate(100, "2008/2018")

    def test_no_cpi(self, data_copy: Path) -> None:
        """A catalog without CPI-U averages raises CpiError, also for the default year."""
        path = data_copy / "cpi_u.json"
        path.write_text(json.dumps({"cpi_u": []}), encoding="utf-8")
        empty = mc.load(data_copy)
        with pytest.raises(mc.CpiError, match="no CPI-U annual averages"):
            mc.inflate(100, 2004, catalog=empty)
        with pytest.raises(mc.CpiError, match="cover no years"):
            mc.inflate(100, 2004, 2018, catalog=empty)

    def test_error_pickles(self) -> None:
        """CpiError keeps its message and year through pickle."""
        error = mc.CpiError("no CPI-U annual average for 2003", 2003)
        again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own object
        assert (str(again), again.year, type(again)) == (str(error), 2003, mc.CpiError)

    @given(decimals(), cpi_periods(), cpi_periods())
    def test_round_trip(self, amount: Decimal, there: mc.Period, back: mc.Period) -> None:
        """Inflating there and back returns the amount within the precision."""
        assert _close(mc.inflate(mc.inflate(amount, back, there), there, back), amount)

    @given(decimals(), cpi_periods(), st.integers(1, 12))
    def test_same_year(self, amount: Decimal, period: mc.Period, month: int) -> None:
        """Within one year the amount comes back unchanged."""
        assert mc.inflate(amount, period, mc.Period.month(period.start_year, month)) == amount

    @given(decimals(), cpi_periods(), cpi_periods())
    def test_matches_compare(self, amount: Decimal, first: mc.Period, second: mc.Period) -> None:
        """compare(real=True) values a as inflate() does, to the later year."""
        a, b = _stat(value=amount, period=first), _stat(value=amount, period=second)
        c = mc.compare(a, b, real=True)
        later = max(first.start_year, second.start_year)
        assert c.value_a == mc.inflate(amount, first, later)


class TestMessages:
    """Each refusal of compare() and inflate() says exactly what is wrong."""

    @pytest.mark.parametrize(
        ("args", "message"),
        [
            (
                (100, 3.5, 2018),
                "from_period must be a Period, its text or a year as an int, got float",
            ),
            (
                (100, True, 2018),
                "from_period must be a Period, its text or a year as an int, got bool",
            ),
            (
                (100, None, 2018),
                "from_period must be a Period, its text or a year as an int, got NoneType",
            ),
            (
                (100, 2004, 3.5),
                "to_period must be a Period, its text or a year as an int, got float",
            ),
            (
                (100, 2004, False),
                "to_period must be a Period, its text or a year as an int, got bool",
            ),
        ],
    )
    def test_inflate_period(self, args: tuple[object, ...], message: str) -> None:
        """A period that is no Period, text or int year is refused naming the argument."""
        with pytest.raises(mc.PeriodError) as info:
            mc.inflate(*args)  # type: ignore[arg-type]
        assert str(info.value) == message

    def test_inflate_no_cpi(self, data_copy: Path) -> None:
        """A catalog without CPI-U averages is refused, for the default year and any other."""
        (data_copy / "cpi_u.json").write_text(json.dumps({"cpi_u": []}), encoding="utf-8")
        empty = mc.load(data_copy)
        with pytest.raises(mc.CpiError) as info:
            mc.inflate(100, 2004, catalog=empty)
        assert str(info.value) == "the catalog has no CPI-U annual averages"
        with pytest.raises(mc.CpiError) as info:
            mc.inflate(100, 2004, 2018, catalog=empty)
        assert str(info.value) == "no CPI-U annual average for 2004; the CPI-U data cover no years"

    def test_not_a_statistic(self) -> None:
        """A side that is no Statistic is named: a or b, and its type."""
        with pytest.raises(mc.IncomparableError, match=r"; b is an? str$"):
            mc.compare(_stat(), "x")  # type: ignore[arg-type]
        with pytest.raises(mc.IncomparableError, match=r"; a is an? int$"):
            mc.compare(3, _stat())  # type: ignore[arg-type]

    def test_cpi_of_zero(self, data_copy: Path) -> None:
        """A catalog's CPI-U average of 0 is a CpiError naming the averages and the signal."""
        path = data_copy / "cpi_u.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        for row in document["cpi_u"]:
            if row["year"] == 2004:
                row["value"] = "0"
        path.write_text(json.dumps(document), encoding="utf-8")
        zero = mc.load(data_copy)
        with pytest.raises(mc.CpiError) as info:
            mc.inflate(100, 2004, 2018, catalog=zero)
        assert str(info.value) == (
            "cannot adjust Decimal('100') with the CPI-U averages 0 (2004) and 251.107 (2018): "
            "DivisionByZero"
        )

    def test_differences_listed(self) -> None:
        """Every differing field is listed after one lead-in."""
        hourly = _stat(measure=mc.Measure.HOURLY_WAGE, unit=mc.Unit.USD_PER_HOUR)
        with pytest.raises(mc.IncomparableError) as info:
            mc.compare(_stat(), hourly)
        assert str(info.value) == (
            "cannot compare these statistics: measure differs ('annual_wage' vs 'hourly_wage'); "
            "unit differs ('usd_per_year' vs 'usd_per_hour')"
        )

    def test_not_a_bound(self) -> None:
        """A bound that is no Bound is named."""
        with pytest.raises(mc.IncomparableError) as info:
            mc.compare(_stat(), attrs.evolve(_stat(), bound="sideways"))  # type: ignore[arg-type]
        assert str(info.value) == "'sideways' is not a Bound"

    def test_interval_and_point(self) -> None:
        """An interval against a year says which periods and why."""
        with pytest.raises(mc.IncomparableError) as info:
            mc.compare(_stat(), _stat(period=mc.Period.parse("2008/2018")))
        assert str(info.value) == (
            "cannot compare a figure for 2004 with one for 2008/2018: an interval "
            "compares only with an interval of the same length"
        )

    def test_amount_shown(self) -> None:
        """An amount that is no number is shown."""
        with pytest.raises(mc.CpiError) as info:
            mc.inflate("abc", 2004, 2018)
        assert str(info.value) == "amount must be a finite number, got 'abc'"

    def test_catalog_type(self) -> None:
        """A catalog that is no Catalog is named by its type."""
        with pytest.raises(mc.CpiError) as info:
            mc.compare(_stat(), _stat(), real=True, catalog={})  # type: ignore[arg-type]
        assert str(info.value) == "catalog must be a Catalog or None, got dict"

    @pytest.mark.parametrize(
        ("side", "changes", "message"),
        [
            ("a", {"value": None}, "a.value is not a finite Decimal: None"),
            ("b", {"value": Decimal("NaN")}, "b.value is not a finite Decimal: Decimal('NaN')"),
            (
                "b",
                {"value_high": Decimal("Infinity")},
                "b.value_high is not a finite Decimal: Decimal('Infinity')",
            ),
            ("a", {"period": "2004"}, "a.period is not a Period: '2004'"),
            (
                "a",
                {"value": Decimal("1E-999999999999999999")},
                "the values are too large or too small to compare (Overflow)",
            ),
        ],
    )
    def test_bad_statistic(self, side: str, changes: dict[str, Any], message: str) -> None:
        """A statistic whose value or period is unusable is refused, naming the side and field."""
        salary = _stat(measure=mc.Measure.ANNUAL_SALARY, percentile=None)
        good = salary if "value_high" in changes else _stat()
        bad = attrs.evolve(good, **changes)
        pair = (bad, good) if side == "a" else (good, bad)
        with pytest.raises(mc.IncomparableError) as info:
            mc.compare(*pair)
        assert str(info.value) == message


class TestArgumentMessages:
    """Wrong arguments to compare and inflate: an ArgumentError naming the argument."""

    def test_real_not_a_bool(self) -> None:
        """real="yes" is refused, quoting the value."""
        stat = _stat()
        with pytest.raises(mc.ArgumentError) as info:
            mc.compare(stat, stat, real="yes")  # type: ignore[arg-type]
        assert str(info.value) == "real must be True or False, got 'yes'"
        assert isinstance(info.value, mc.IncomparableError)

    def test_catalog_not_a_catalog(self) -> None:
        """A catalog that is no Catalog is refused even when no CPI is needed (real=False)."""
        stat = _stat()
        with pytest.raises(mc.ArgumentError) as info:
            mc.compare(stat, stat, catalog={})  # type: ignore[arg-type]
        assert str(info.value) == "catalog must be a Catalog or None, got dict"

    @pytest.mark.parametrize(
        ("periods", "name"),
        [(("2004-13", "2010"), "from_period"), (("2004", "2010-13"), "to_period")],
    )
    def test_period_text(self, periods: tuple[str, str], name: str) -> None:
        """A period text that does not parse names the argument, then the period's own message."""
        with pytest.raises(mc.ArgumentError) as info:
            mc.inflate(100, *periods)
        with pytest.raises(mc.PeriodError) as parsed:
            mc.Period.parse(periods[name == "to_period"])
        assert str(info.value) == f"{name}: {parsed.value}"
        assert isinstance(info.value, mc.PeriodError)
