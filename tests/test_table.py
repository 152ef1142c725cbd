"""The table reader: shape checked at load, each row checked when first read."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Final

import pytest

import medcoder_careers as mc

CA: Final = "OEUS0600000000000292072"
QUERY: Final = {"occupation": "29-2072", "area": "CA", "industry": None}


def _edit(data: Path, statement: str, *arguments: object) -> None:
    """Run one statement on the copy's table file (the packaged one is never touched)."""
    connection = sqlite3.connect(data / "oews.sqlite")
    with connection:
        connection.execute(statement, arguments)
    connection.close()


class TestRows:
    """A row's values become statistics by the footnote rules, or a DataError naming the cell."""

    def test_bad_value_names_file_and_cell(self, data_copy: Path) -> None:
        """A value that is no number is a DataError when a query first reads its row."""
        _edit(data_copy, "UPDATE cell SET v13 = 'n/a' WHERE key = ?", CA)
        cat = mc.load(data_copy)  # the shape is fine: load succeeds
        with pytest.raises(mc.DataError) as info:
            cat.stats(**QUERY)  # type: ignore[arg-type]
        (problem,) = info.value.problems
        assert problem.file == "oews.sqlite"
        assert problem.path == f"cell {CA}.v13"
        assert "'n/a'" in problem.message
        assert cat.stats(occupation="29-2072", area="TX")  # other rows still answer

    def test_top_coded_is_at_least(self, data_copy: Path) -> None:
        """'-' with footnote 5 is the threshold, bound at_least, the note as descriptor."""
        _edit(
            data_copy,
            "UPDATE cell SET v15 = '-', f15 = '5', v10 = '-', f10 = '5' WHERE key = ?",
            CA,
        )
        cat = mc.load(data_copy)
        annual = cat.stats(measure="annual_wage", percentile=90, **QUERY)  # type: ignore[arg-type]
        hourly = cat.stats(measure="hourly_wage", percentile=90, **QUERY)  # type: ignore[arg-type]
        assert [(s.value, s.bound) for s in annual] == [(Decimal(239200), mc.Bound.AT_LEAST)]
        assert [(s.value, s.bound) for s in hourly] == [(Decimal("115.00"), mc.Bound.AT_LEAST)]
        assert annual[0].citation.quote == "-"
        assert annual[0].descriptor is not None
        assert "239,200" in annual[0].descriptor

    @pytest.mark.parametrize("footnote", ["4", "8"])
    def test_withheld_is_absent(self, data_copy: Path, footnote: str) -> None:
        """'-' with footnote 4 or 8 is no statistic, never a zero."""
        _edit(data_copy, "UPDATE cell SET v13 = '-', f13 = ? WHERE key = ?", footnote, CA)
        cat = mc.load(data_copy)
        assert cat.stats(measure="annual_wage", percentile=50, **QUERY) == ()  # type: ignore[arg-type]
        assert cat.stats(measure="annual_wage", percentile=25, **QUERY)  # type: ignore[arg-type]

    def test_dash_without_footnote_is_an_error(self, data_copy: Path) -> None:
        """'-' that no footnote explains is a DataError, not a silent gap."""
        _edit(data_copy, "UPDATE cell SET v01 = '-' WHERE key = ?", CA)
        with pytest.raises(mc.DataError, match="neither a number nor a footnoted"):
            mc.load(data_copy).stats(**QUERY)  # type: ignore[arg-type]

    def test_rse_on_its_figures(self, cat: mc.Catalog) -> None:
        """Datatype 02 is the RSE of employment, 05 of both mean wages; others have none."""
        found = {s.measure: s.rse for s in cat.stats(percentile=None, **QUERY)}  # type: ignore[arg-type]
        assert found[mc.Measure.EMPLOYMENT] == Decimal("4.3")
        assert found[mc.Measure.HOURLY_MEAN_WAGE] == Decimal("1.2")
        assert found[mc.Measure.ANNUAL_MEAN_WAGE] == Decimal("1.2")
        assert found[mc.Measure.LOCATION_QUOTIENT] is None


class TestShape:
    """load() refuses a table file whose shape is wrong, naming the file."""

    def test_missing_column(self, data_copy: Path) -> None:
        """A table without one of its columns is a DataError at load."""
        _edit(data_copy, "ALTER TABLE cell DROP COLUMN f17")
        with pytest.raises(mc.DataError) as info:
            mc.load(data_copy)
        assert [p.file for p in info.value.problems] == ["oews.sqlite"]
        assert "cell" in info.value.problems[0].message

    def test_not_sqlite(self, data_copy: Path) -> None:
        """A table file that is no database is a DataError at load."""
        (data_copy / "oews.sqlite").write_bytes(b"not a database" * 100)
        with pytest.raises(mc.DataError, match=r"oews\.sqlite"):
            mc.load(data_copy)

    def test_unknown_area(self, data_copy: Path) -> None:
        """A row naming an area the areas file lacks is a DataError at load."""
        _edit(data_copy, "UPDATE cell SET area = '9999999' WHERE key = ?", CA)
        with pytest.raises(mc.DataError, match="unknown area id '9999999'"):
            mc.load(data_copy)
