from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._render import WIDTH, table, value

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
            ({"value": Decimal("15.55"), "unit": mc.Unit.USD_PER_HOUR}, "$15.55"),
            ({"value": Decimal("40.5"), "unit": mc.Unit.USD_PER_YEAR}, "$40.50"),
            ({"value": Decimal(172500), "unit": mc.Unit.JOBS}, "172,500"),
            ({"value": Decimal(20), "unit": mc.Unit.PERCENT}, "20%"),
            (
                {"value": Decimal(29375), "value_high": Decimal(40349)},
                "$29,375 to $40,349",
            ),
        ],
    )
    def test_forms(self, cat: mc.Catalog, changes: dict[str, Any], expected: str) -> None:
        """Dollars, hours, jobs, percent, ranges and bounds read naturally."""
        base = attrs.evolve(cat.statistics[0], bound=mc.Bound.EXACT, unit=mc.Unit.USD_PER_YEAR)
        assert value(attrs.evolve(base, **changes)) == expected
