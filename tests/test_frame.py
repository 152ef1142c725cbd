from __future__ import annotations

import subprocess
import sys

import pytest

import medcoder_careers as mc


class TestImport:
    """The core import never loads pandas."""

    def test_no_pandas_on_import(self) -> None:
        """Importing the package and querying the catalog leaves pandas unloaded."""
        code = (
            "import sys, medcoder_careers as mc; "
            "mc.catalog().stats(measure='annual_wage'); "
            "print('pandas' in sys.modules)"
        )
        result = subprocess.run(  # noqa: S603 - this interpreter, a fixed script
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout == "False\n"


class TestWithoutPandas:
    """Without pandas, `to_frame` raises a clear `DependencyError`."""

    def test_dependency_error(self, monkeypatch: pytest.MonkeyPatch, cat: mc.Catalog) -> None:
        """The error names the extra to install and is also an ImportError."""
        monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
        with pytest.raises(mc.DependencyError, match=r"medcoder-careers\[pandas\]") as info:
            mc.to_frame(cat.statistics)
        assert isinstance(info.value, ImportError)
        assert isinstance(info.value, mc.MedcoderError)

    def test_not_statistics(self, cat: mc.Catalog) -> None:
        """Records other than statistics raise a MedcoderError, not an AttributeError."""
        with pytest.raises(mc.MedcoderError, match="Statistic"):
            mc.to_frame(cat.facts)  # type: ignore[arg-type]


class TestFrame:
    """`to_frame` gives one typed row per statistic."""

    def test_rows_and_values(self, cat: mc.Catalog) -> None:
        """Values, periods and citations match the statistics, row for row."""
        pytest.importorskip("pandas")
        stats = cat.stats(measure="annual_wage")
        frame = mc.to_frame(stats)
        assert len(frame) == len(stats)
        assert list(frame["value"]) == [float(s.value) for s in stats]
        assert list(frame["period"]) == [str(s.period) for s in stats]
        assert list(frame["citation_quote"]) == [s.citation.quote for s in stats]
        assert list(frame["period_end"]) == [s.period.end_year for s in stats]

    def test_dtypes(self, cat: mc.Catalog) -> None:
        """Columns are typed: categories, nullable numbers and strings."""
        pd = pytest.importorskip("pandas")
        frame = mc.to_frame(cat.statistics)
        assert isinstance(frame["measure"].dtype, pd.CategoricalDtype)
        assert list(frame["measure"].cat.categories) == [m.value for m in mc.Measure]
        assert str(frame["value"].dtype) == "Float64"
        assert str(frame["percentile"].dtype) == "Int64"
        assert str(frame["period_start"].dtype) == "Int64"
        assert isinstance(frame["source"].dtype, pd.StringDtype)

    def test_missing_values(self, cat: mc.Catalog) -> None:
        """A qualifier that does not apply is missing (NA), not an empty string."""
        pd = pytest.importorskip("pandas")
        stats = cat.stats(measure="employment", industry=None)
        frame = mc.to_frame(stats)
        assert frame["percentile"].isna().all()
        assert frame["industry"].isna().all()
        assert pd.isna(frame["value_high"]).all()

    def test_empty(self) -> None:
        """No statistics give an empty frame that still has every column."""
        pytest.importorskip("pandas")
        frame = mc.to_frame(())
        assert len(frame) == 0
        assert {"period", "measure", "value", "citation_quote"} <= set(frame.columns)


class TestFilters:
    """to_frame takes the stats() filters in place of statistics."""

    def test_filters_select(self, cat: mc.Catalog) -> None:
        """to_frame(**filters) is to_frame(cat.stats(**filters)), with the area's name."""
        pytest.importorskip("pandas")
        frame = mc.to_frame(occupation="29-2072", measure="annual_wage", area="CA", industry=None)
        stats = cat.stats(occupation="29-2072", measure="annual_wage", area="CA", industry=None)
        assert list(frame["value"]) == [float(s.value) for s in stats]
        assert set(frame["area_name"]) == {"California"}
        assert set(frame["citation_locator"]) == {s.citation.locator for s in stats}

    def test_edition_column(self, cat: mc.Catalog) -> None:
        """The edition column names the handbook edition a figure came from."""
        pytest.importorskip("pandas")
        frame = mc.to_frame(cat.stats(edition="2010-11"))
        assert set(frame["edition"]) == {"2010-11"}

    def test_bad_filter_arguments(self) -> None:
        """An unknown filter, or filters with statistics, is an ArgumentError."""
        with pytest.raises(mc.ArgumentError, match="unknown filter"):
            mc.to_frame(occuptaion="29-2072")
        with pytest.raises(mc.ArgumentError, match="not both"):
            mc.to_frame((), measure="employment")
        with pytest.raises(mc.ArgumentError, match="catalog"):
            mc.to_frame((), catalog={})  # type: ignore[arg-type]
