from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any, Final

import attrs
import pytest

import medcoder_careers as mc

COLUMNS: Final = (
    "period",
    "period_start",
    "period_end",
    "measure",
    "unit",
    "bound",
    "value",
    "value_high",
    "percentile",
    "source",
    "edition",
    "occupation",
    "area",
    "area_name",
    "industry",
    "setting",
    "experience",
    "accreditor",
    "descriptor",
    "definition",
    "rse",
    "citation_source",
    "citation_quote",
    "citation_locator",
)
"""The columns of a frame, in order (as to_frame's docstring lists them)."""


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

    @pytest.mark.parametrize(
        "filters",
        [
            {"occupation": "29-2072"},  # thousands of table rows, a column at a time
            {"measure": "annual_wage"},  # the JSON files' wages between the tables'
            {"area": "CA", "industry": None},  # a few rows, one by one
            {"edition": "2010-11"},  # the JSON files' only
            {"percentile": None, "area": "US", "industry": "622"},
            {"source": "oews-2019-05", "measure": "annual_salary"},  # nothing
        ],
        ids=str,
    )
    def test_same_frame_as_statistics(self, cat: mc.Catalog, filters: dict[str, Any]) -> None:
        """Built from the tables' rows, the frame is the frame of the statistics, exactly."""
        pd = pytest.importorskip("pandas")
        from_rows = mc.to_frame(**filters)
        from_statistics = mc.to_frame(cat.stats(**filters))
        pd.testing.assert_frame_equal(from_rows, from_statistics, check_exact=True)
        assert list(from_rows.columns) == list(COLUMNS)

    def test_loaded_catalog(self, data_copy: Path) -> None:
        """A loaded catalog (every row checked) gives the packaged catalog's frame."""
        pd = pytest.importorskip("pandas")
        loaded = mc.load(data_copy)
        pd.testing.assert_frame_equal(
            mc.to_frame(catalog=loaded, occupation="29-9021", measure="hourly_wage"),
            mc.to_frame(occupation="29-9021", measure="hourly_wage"),
            check_exact=True,
        )

    def test_values_row_for_row(self, cat: mc.Catalog) -> None:
        """Each row of a frame from filters holds its statistic's fields."""
        pytest.importorskip("pandas")
        stats = cat.stats(occupation="31-9094", industry=None)
        frame = mc.to_frame(occupation="31-9094", industry=None)
        assert list(frame["citation_locator"]) == [s.citation.locator for s in stats]
        assert list(frame["value"]) == [float(s.value) for s in stats]
        assert list(frame["rse"].fillna("-")) == [str(s.rse) if s.rse else "-" for s in stats]
        assert list(frame["area_name"]) == [cat.areas[s.area].name for s in stats]

    def test_bad_filter_arguments(self) -> None:
        """An unknown filter, or filters with statistics, is an ArgumentError."""
        with pytest.raises(mc.ArgumentError, match="unknown filter"):
            mc.to_frame(occuptaion="29-2072")
        with pytest.raises(mc.ArgumentError, match="not both"):
            mc.to_frame((), measure="employment")
        with pytest.raises(mc.ArgumentError, match="catalog"):
            mc.to_frame((), catalog={})  # type: ignore[arg-type]


def _expected(stats: list[mc.Statistic], cat: mc.Catalog) -> Any:
    """The frame of *stats*, column by column, each with the dtype to_frame's docstring gives."""
    pd = pytest.importorskip("pandas")

    def text(values: list[object]) -> Any:
        return pd.array([None if v is None else str(v) for v in values], dtype="string")

    def category(values: list[Any], vocabulary: Any) -> Any:
        return pd.Categorical(
            [v.value for v in values], categories=[member.value for member in vocabulary]
        )

    def floats(values: list[object]) -> Any:
        return pd.array([None if v is None else float(str(v)) for v in values], dtype="Float64")

    def editions(source: str) -> str | None:
        found = cat.sources.get(source)
        return None if found is None else found.edition

    def names(area: str) -> str | None:
        found = cat.areas.get(area)
        return None if found is None else found.name

    columns: dict[str, Any] = {
        "period": text([s.period for s in stats]),
        "period_start": pd.array([s.period.start_year for s in stats], dtype="Int64"),
        "period_end": pd.array([s.period.end_year for s in stats], dtype="Int64"),
        "measure": category([s.measure for s in stats], mc.Measure),
        "unit": category([s.unit for s in stats], mc.Unit),
        "bound": category([s.bound for s in stats], mc.Bound),
        "value": floats([s.value for s in stats]),
        "value_high": floats([s.value_high for s in stats]),
        "percentile": pd.array([s.percentile for s in stats], dtype="Int64"),
        "edition": text([editions(s.source) for s in stats]),
        "area_name": text([names(s.area) for s in stats]),
        "citation_source": text([s.citation.source for s in stats]),
        "citation_quote": text([s.citation.quote for s in stats]),
        "citation_locator": text([s.citation.locator for s in stats]),
    }
    for name in COLUMNS:
        if name not in columns:
            columns[name] = text([getattr(s, name) for s in stats])
    return pd.DataFrame({name: columns[name] for name in COLUMNS})


class TestExactFrame:
    """A frame holds each statistic's fields exactly, in the dtypes the docstring names."""

    def _stats(self, cat: mc.Catalog) -> list[mc.Statistic]:
        """A range, a figure with an RSE, an industry's percentile, one of no known source."""
        statistics = cat.statistics
        ranged = next(s for s in statistics if s.value_high is not None)
        rse = next(s for s in statistics if s.rse is not None)
        part = next(s for s in statistics if s.percentile is not None and s.industry is not None)
        unknown = attrs.evolve(
            part,
            source="zz-unknown",
            area="9999999",
            citation=attrs.evolve(part.citation, source="zz-unknown"),
        )
        return [ranged, rse, part, ranged, unknown]

    def test_every_column(self, cat: mc.Catalog) -> None:
        """Every column equals the one built from the statistics, dtype and missing values too."""
        pd = pytest.importorskip("pandas")
        stats = self._stats(cat)
        frame = mc.to_frame(stats)
        pd.testing.assert_frame_equal(frame, _expected(stats, cat), check_exact=True)
        assert str(frame["source"].dtype) == "string"
        assert str(frame["period_end"].dtype) == "Int64"
        assert frame["value_high"].tolist()[0] == float(stats[0].value_high or 0)
        assert frame["edition"].isna().tolist()[-1]
        assert frame["area_name"].isna().tolist()[-1]

    def test_empty(self, cat: mc.Catalog) -> None:
        """No statistic gives every column, empty, in its dtype."""
        pd = pytest.importorskip("pandas")
        pd.testing.assert_frame_equal(mc.to_frame(()), _expected([], cat), check_exact=True)


class TestMessages:
    """What each refusal of `to_frame` says, whole."""

    def test_without_pandas(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The DependencyError says how to install pandas."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        with pytest.raises(mc.DependencyError) as info:
            mc.to_frame(())
        assert str(info.value) == (
            "to_frame() needs pandas, which is not installed; "
            "install it with: pip install 'medcoder-careers[pandas]'"
        )

    def test_not_statistics(self, cat: mc.Catalog) -> None:
        """Not an iterable of statistics: the message names what was given instead."""
        expected = "statistics must be Statistic records, e.g. the result of Catalog.stats()"
        with pytest.raises(mc.ArgumentError) as info:
            mc.to_frame(3)  # type: ignore[arg-type]
        assert str(info.value) == f"{expected}; got int"
        with pytest.raises(mc.ArgumentError) as info:
            mc.to_frame([cat.statistics[0], cat.facts[0]])  # type: ignore[list-item]
        assert str(info.value) == f"{expected}; got a Fact among them"

    def test_bad_arguments(self) -> None:
        """A catalog that is none, an unknown filter, or filters with statistics."""
        with pytest.raises(mc.ArgumentError) as info:
            mc.to_frame((), catalog={})  # type: ignore[arg-type]
        assert str(info.value) == "catalog must be a Catalog, got dict"
        with pytest.raises(mc.ArgumentError) as info:
            mc.to_frame(occuptaion="29-2072")
        assert str(info.value) == (
            "unknown filter 'occuptaion'; filters are: accreditor, area, coverage, definition, "
            "edition, experience, industry, measure, occupation, percentile, period, setting, "
            "source"
        )
        with pytest.raises(mc.ArgumentError) as info:
            mc.to_frame((), measure="employment")
        assert str(info.value) == "give statistics or filters, not both"
