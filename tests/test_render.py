from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._cli.render import WIDTH, comparison, search_table, series_table, table, value

cells = st.text(st.characters(codec="ascii", categories=("L", "N", "P", "Zs")), max_size=60)


class TestTable:
    """`table` lays rows out in columns within the width."""

    @given(
        data=st.data(),
        ncols=st.integers(min_value=1, max_value=8),
    )
    def test_fits_width(self, data: st.DataObject, ncols: int) -> None:
        """Any table of up to eight columns fits 80 characters a line."""
        headers = data.draw(st.lists(cells, min_size=ncols, max_size=ncols))
        rows = data.draw(st.lists(st.lists(cells, min_size=ncols, max_size=ncols), max_size=5))
        flexible = data.draw(st.lists(st.integers(0, ncols - 1), unique=True))
        text = table(headers, rows, flexible=flexible)
        lines = text.split("\n")
        assert all(len(line) <= WIDTH for line in lines)
        assert len(lines) == len(rows) + 2

    def test_short_rows_untouched(self) -> None:
        """A table that fits keeps every cell whole and aligned."""
        text = table(["A", "BB"], [["xyz", "1"], ["w", "22"]])
        assert text.splitlines() == ["A    BB", "---  --", "xyz  1", "w    22"]

    def test_flexible_gives_way_first(self) -> None:
        """A flexible column is cut (with ...) before the others."""
        text = table(["K", "V"], [["k" * 50, "v" * 40]], flexible=[0])
        row = text.splitlines()[2]
        assert row.endswith("v" * 40)
        assert "..." in row
        assert len(row) == WIDTH


class TestValue:
    """`value` renders a figure with its unit and the source's bound."""

    @pytest.mark.parametrize(
        ("changes", "expected"),
        [
            ({"value": Decimal(30610)}, "$30,610"),
            ({"value": Decimal(30610), "bound": mc.Bound.APPROXIMATE}, "about $30,610"),
            ({"value": Decimal(20440), "bound": mc.Bound.LESS_THAN}, "less than $20,440"),
            (
                {
                    "value": Decimal("15.55"),
                    "unit": mc.Unit.USD_PER_HOUR,
                    "measure": mc.Measure.HOURLY_WAGE,
                },
                "$15.55",
            ),
            ({"value": Decimal("40.5"), "unit": mc.Unit.USD_PER_YEAR}, "$40.50"),
            (
                {"value": Decimal(172500), "unit": mc.Unit.JOBS, "measure": mc.Measure.EMPLOYMENT},
                "172,500",
            ),
            (
                {
                    "value": Decimal(20),
                    "unit": mc.Unit.PERCENT,
                    "measure": mc.Measure.EMPLOYMENT_SHARE,
                },
                "20%",
            ),
            (
                {
                    "value": Decimal("1.026"),
                    "unit": mc.Unit.RATIO,
                    "measure": mc.Measure.LOCATION_QUOTIENT,
                },
                "1.026",
            ),
            (
                {"value": Decimal(239200), "bound": mc.Bound.AT_LEAST},
                "at least $239,200",
            ),
            (
                {"value": Decimal(29375), "value_high": Decimal(40349)},
                "$29,375 to $40,349",
            ),
        ],
    )
    def test_forms(self, cat: mc.Catalog, changes: dict[str, Any], expected: str) -> None:
        """Dollars, hours, jobs, percent, ranges and bounds read naturally."""
        base = attrs.evolve(cat.stats(measure="annual_wage")[0], bound=mc.Bound.EXACT)
        assert value(attrs.evolve(base, **changes)) == expected


def wage(cat: mc.Catalog, period: str) -> mc.Statistic:
    """The packaged median annual wage of *period*, for the whole occupation."""
    (stat,) = (
        s
        for s in cat.stats(measure="annual_wage", percentile=50, period=period)
        if s.industry is None
    )
    return stat


class TestComparison:
    """`comparison` renders every figure of a `Comparison` within 80 columns."""

    def test_zero_first_value(self, cat: mc.Catalog) -> None:
        """With a first figure of zero, percent change, ratio and growth rate read n/a."""
        a = attrs.evolve(wage(cat, "2004"), value=Decimal(0))
        lines = comparison(cat, mc.compare(a, wage(cat, "2008-05"))).splitlines()
        assert "percent change  n/a (the first figure is zero)" in lines
        assert "ratio           n/a" in lines
        assert "annualized      n/a (no growth rate between these)" in lines

    def test_fall(self, cat: mc.Catalog) -> None:
        """A fall is signed with a minus and the percentages are negative."""
        lines = comparison(cat, mc.compare(wage(cat, "2008-05"), wage(cat, "2004"))).splitlines()
        assert "change          -$5,020" in lines
        assert "percent change  -16.4%" in lines

    def test_two_occupations(self, cat: mc.Catalog) -> None:
        """Figures of two occupations name both in the heading."""
        b = attrs.evolve(wage(cat, "2008-05"), occupation="medical-secretaries")
        text = comparison(cat, mc.compare(wage(cat, "2004"), b))
        assert text.splitlines()[1] == "  vs Medical Secretaries and Administrative Assistants"
        assert all(len(line) <= WIDTH for line in text.splitlines())

    def test_percent_unit(self, cat: mc.Catalog) -> None:
        """A change of a share is in percentage points, and an unstated definition is named."""
        share = cat.stats(measure="employment_share", setting="hospitals")
        b = attrs.evolve(share[1], definition=None)
        lines = comparison(cat, mc.compare(share[0], b)).splitlines()
        assert "change          about -1 percentage points" in lines
        assert lines[-1] == "! definition changes: 29-2071 -> not stated"


class TestSeriesTable:
    """`series_table` marks each definition break on its own line."""

    def test_unstated_definition_is_a_break(self, cat: mc.Catalog) -> None:
        """A point naming no definition is flagged on both sides, as any other seam."""
        series = cat.series("medical coder", "annual_wage")
        points = list(series.points)
        points[1] = attrs.evolve(
            points[1], statistic=attrs.evolve(points[1].statistic, definition=None)
        )
        text = series_table(cat, attrs.evolve(series, points=points))
        lines = text.splitlines()
        assert [line for line in lines if line.startswith("!")] == [
            "! definition changes at 2008-05: 29-2071 -> not stated",
            "! definition changes at 2010-05: not stated -> 29-2071",
            "! definition changes at 2019-05: 29-2071 -> 29-2098",
            "! definition changes at 2021-05: 29-2098 -> 29-2072",
        ]


class TestSearchTable:
    """`search_table` keeps ids whole and puts kind and title under each row."""

    def test_every_kind(self, cat: mc.Catalog) -> None:
        """Each kind shows its title or name on the line below its row."""
        results = [
            mc.SearchResult(entity=entity, kind=kind, name=entity.id, score=1.0)
            for kind, entity in (
                ("occupation", cat.occupations["medical-secretaries"]),
                ("credential", cat.credentials["rhit"]),
                ("organization", cat.organizations["ahima"]),
                ("source", cat.sources["ooh-2010-11"]),
                ("industry", cat.industries["6221"]),
            )
        ]
        lines = search_table(results, "x").splitlines()
        assert lines[3].strip() == "occupation: Medical Secretaries and Administrative Assistants"
        assert lines[5].strip() == "credential: Registered Health Information Technician"
        assert lines[7].strip().startswith("organization: American Health Information")
        assert lines[9].strip().startswith("source: Occupational Outlook Handbook")
        assert lines[11].strip().startswith("industry: ")
        assert lines[-1] == "5 results for 'x', best first"
