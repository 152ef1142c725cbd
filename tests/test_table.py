"""The table reader: shape checked at load, each row checked when first read."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any, Final

import pytest

import medcoder_careers as mc
from medcoder_careers._data.table import COLUMNS, Table, _learn, columns_of, open_table
from medcoder_careers._period import Period

CA: Final = "OEUS0600000000000292072"
QUERY: Final = {"occupation": "29-2072", "area": "CA", "industry": None}
CA_AREA: Final = "0600000"
NAME: Final = "oews.sqlite"
PACKAGED: Final = files("medcoder_careers") / "data"
# datatype -> (measure, unit, percentile, the datatype of its RSE), as the OEWS layout has them.
DATATYPES: Final = {
    "01": (mc.Measure.EMPLOYMENT, mc.Unit.JOBS, None, "02"),
    "03": (mc.Measure.HOURLY_MEAN_WAGE, mc.Unit.USD_PER_HOUR, None, "05"),
    "04": (mc.Measure.ANNUAL_MEAN_WAGE, mc.Unit.USD_PER_YEAR, None, "05"),
    **{
        f"{6 + i:02d}": (mc.Measure.HOURLY_WAGE, mc.Unit.USD_PER_HOUR, p, None)
        for i, p in enumerate((10, 25, 50, 75, 90))
    },
    **{
        f"{11 + i:02d}": (mc.Measure.ANNUAL_WAGE, mc.Unit.USD_PER_YEAR, p, None)
        for i, p in enumerate((10, 25, 50, 75, 90))
    },
    "16": (mc.Measure.EMPLOYMENT_PER_1000_JOBS, mc.Unit.PER_1000_JOBS, None, None),
    "17": (mc.Measure.LOCATION_QUOTIENT, mc.Unit.RATIO, None, None),
}
Fields = tuple[object, ...]


def _edit(data: Path, statement: str, *arguments: object, file: str = NAME) -> None:
    """Run one statement on a table file of the copy (the packaged one is never touched)."""
    connection = sqlite3.connect(data / file)
    with connection:
        connection.execute(statement, arguments)
    connection.close()


def _relist(data: Path) -> None:
    """Hash the copy's files again into its manifest, after an edit."""
    import hashlib  # noqa: PLC0415

    manifest = data / "manifest.json"
    document = json.loads(manifest.read_text(encoding="utf-8"))
    document["files"] = {
        name.name: hashlib.sha256(name.read_bytes()).hexdigest()
        for name in sorted(data.iterdir())
        if name.name != "manifest.json"
    }
    manifest.write_text(json.dumps(document), encoding="utf-8")


NATIONAL: Final = "oews-2024-05.sqlite"
CODER_2024: Final = "OEUN0000000000000292072"
NATION_QUERY: Final = {"occupation": "29-2072", "area": "US", "source": "oews-2024-05"}


class TestFormat2:
    """Format 2: the release's footnotes and top code, and the national files' markers."""

    def test_footnotes_and_top_code(self, cat: mc.Catalog) -> None:
        """Each table holds its release's words for its footnotes and its top code."""
        tables = {t.file: t for t in cat._store.tables()}
        may_2025 = tables[NAME]
        assert may_2025.footnotes["8"] == "Estimate not released."
        assert may_2025.top_code == {
            mc.Unit.USD_PER_HOUR: Decimal("115.00"),
            mc.Unit.USD_PER_YEAR: Decimal(239200),
        }
        may_2019 = tables["oews-2019-05.sqlite"]
        assert may_2019.top_code[mc.Unit.USD_PER_YEAR] == Decimal(208000)
        assert may_2019.footnotes["#"] == (
            "# = indicates a wage equal to or greater than $100.00 per hour or $208,000 per year"
        )
        assert set(may_2019.footnotes) == {"*", "**", "#"}

    def test_hash_is_top_coded(self, data_copy: Path) -> None:
        """'#' in a wage column is at least that year's top code, in the file's own words."""
        _edit(data_copy, "UPDATE cell SET v13 = '#' WHERE key = ?", CODER_2024, file=NATIONAL)
        _relist(data_copy)
        (median,) = mc.load(data_copy).stats(measure="annual_wage", percentile=50, **NATION_QUERY)
        assert (median.value, median.bound) == (Decimal(239200), mc.Bound.AT_LEAST)
        assert median.citation.quote == "#"
        assert median.descriptor is not None
        assert "$239,200 per year" in median.descriptor

    @pytest.mark.parametrize(("column", "marker"), [("v13", "*"), ("v01", "**")])
    def test_not_available(self, data_copy: Path, column: str, marker: str) -> None:
        """'*' (a wage) and '**' (employment) are no statistic, never a zero."""
        _edit(
            data_copy,
            f"UPDATE cell SET {column} = ? WHERE key = ?",  # noqa: S608 - a fixed column name
            marker,
            CODER_2024,
            file=NATIONAL,
        )
        _relist(data_copy)
        found = mc.load(data_copy).stats(**NATION_QUERY)
        datatypes = {s.citation.locator[-2:] for s in found if s.citation.locator}
        assert column[1:] not in datatypes
        assert len(found) == 12  # 13 figures (15 values, 2 of them RSEs), less the one

    @pytest.mark.parametrize(("value", "note"), [("#", None), ("-", "5")])
    def test_top_code_outside_a_wage_is_an_error(
        self, data_copy: Path, value: str, note: str | None
    ) -> None:
        """A top-coded employment figure is a DataError naming its cell, not a bare KeyError."""
        _edit(data_copy, "UPDATE cell SET v01 = ?, f01 = ? WHERE key = ?", value, note, CA)
        _relist(data_copy)
        with pytest.raises(mc.DataError) as info:
            mc.load(data_copy).stats(**QUERY)  # type: ignore[arg-type]
        (problem,) = info.value.problems
        assert (problem.file, problem.path) == (NAME, f"cell {CA}.v01")

    def test_format_1_still_reads(self, data_copy: Path) -> None:
        """A table of release 2026.2 (format 1) reads, with May 2025's top code and words."""
        for statement in (
            "DROP TABLE footnote",
            "DELETE FROM meta WHERE name LIKE 'top_code_%'",
            "UPDATE meta SET value = '1' WHERE name = 'format'",
        ):
            _edit(data_copy, statement)
        _edit(data_copy, "UPDATE cell SET v13 = '-', f13 = '5' WHERE key = ?", CA)
        _relist(data_copy)
        (median,) = mc.load(data_copy).stats(measure="annual_wage", percentile=50, **QUERY)  # type: ignore[arg-type]
        assert (median.value, median.bound) == (Decimal(239200), mc.Bound.AT_LEAST)
        assert median.descriptor == (
            "This wage is equal to or greater than $115.00 per hour or $239,200 per year."
        )

    def test_one_file_per_release(self, data_copy: Path) -> None:
        """The same release in two listed files is a DataError at load: no figure twice."""
        (data_copy / "oews-2024-05-copy.sqlite").write_bytes((data_copy / NATIONAL).read_bytes())
        _relist(data_copy)
        with pytest.raises(mc.DataError) as info:
            mc.load(data_copy)
        (problem,) = info.value.problems
        assert (problem.file, problem.path) == (NATIONAL, "meta")
        assert problem.message == ("holds oews-2024-05 2024-05, as oews-2024-05-copy.sqlite does")

    def test_definition_checked(self, data_copy: Path) -> None:
        """An occupation's definition that is no SOC code is refused when the file opens."""
        _edit(data_copy, "UPDATE occupation SET definition = 'not a soc' WHERE soc = '292072'")
        with pytest.raises(mc.DataError) as info:
            open_table(data_copy, NAME)
        (problem,) = info.value.problems
        assert (problem.path, problem.message) == (
            "occupation 292072.definition",
            "'not a soc' is not SOC codes such as 29-2072 or 29-2072+29-9021",
        )

    @pytest.mark.parametrize("column", ["v13", "f13", "soc"])
    def test_cell_of_another_type(self, data_copy: Path, column: str) -> None:
        """A BLOB in a cell (TEXT columns make numbers text) is a DataError naming where."""
        _edit(data_copy, f"UPDATE cell SET {column} = x'ff00' WHERE key = ?", CA)  # noqa: S608
        _relist(data_copy)
        cat = mc.load(data_copy)
        with pytest.raises(mc.DataError) as info:
            cat.stats(area="CA", source="oews-2025-05", industry=None)
        assert [(p.file, p.path) for p in info.value.problems] == [(NAME, f"cell {CA}.{column}")]
        assert "is not text" in info.value.problems[0].message


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
        with pytest.raises(mc.DataError, match="neither a number nor a footnote or marker"):
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


def _raw(root: Path) -> sqlite3.Connection:
    """The table file opened by plain sqlite3, read-only: the reference the reader is checked by."""
    return sqlite3.connect(f"{(root / NAME).resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def _expected(root: Path, where: str, arguments: Iterable[str] = ()) -> dict[str, Fields]:
    """Every statistic the rows *where* selects should give, by locator, read independently."""
    connection = _raw(root)
    occupations = {
        soc: (occupation, definition)
        for soc, occupation, definition in connection.execute(
            "SELECT soc, id, definition FROM occupation"
        )
    }
    industries = dict(connection.execute("SELECT code, id FROM industry"))
    columns = ", ".join(f"v{n:02d}, f{n:02d}" for n in range(1, 18))
    query = f"SELECT key, soc, area, industry, {columns} FROM cell WHERE {where}"  # noqa: S608
    found: dict[str, Fields] = {}
    for key, soc, area, industry, *printed in connection.execute(query, tuple(arguments)):
        values = {f"{n:02d}": printed[2 * n - 2] for n in range(1, 18)}
        notes = {f"{n:02d}": printed[2 * n - 1] for n in range(1, 18)}
        for code, (measure, unit, percentile, rse_code) in DATATYPES.items():
            text = values[code]
            if text is None or (text == "-" and notes[code] in {"4", "8"}):
                continue
            rse_text = values[rse_code] if rse_code else None
            rse = None if rse_text in {None, "-"} else Decimal(str(rse_text))
            occupation, definition = occupations[soc]
            found[key + code] = (
                *(occupation, definition, area, industries[industry], measure, percentile),
                *(unit, Decimal(text), mc.Bound.EXACT, rse, None, text, "oews-2025-05"),
            )
    connection.close()
    return found


def _got(found: list[mc.Statistic]) -> dict[str, Fields]:
    """The statistics *found*, by locator, with the fields `_expected` gives."""
    by_locator: dict[str, Fields] = {
        str(s.citation.locator): (
            *(s.occupation, s.definition, s.area, s.industry, s.measure, s.percentile),
            *(s.unit, s.value, s.bound, s.rse, s.descriptor, s.citation.quote, s.citation.source),
        )
        for s in found
    }
    assert len(by_locator) == len(found)  # one statistic per series id
    assert {(s.source, str(s.period)) for s in found} <= {("oews-2025-05", "2025-05")}
    return by_locator


@pytest.fixture(params=[False, True], ids=["checked", "trusted"])
def packaged(request: pytest.FixtureRequest) -> Iterable[tuple[Path, Table]]:
    """The packaged table file's directory, and the table opened by `open_table`, both ways."""
    with as_file(PACKAGED) as root:
        yield root, open_table(root, NAME, trusted=request.param)


class TestSelect:
    """select() returns exactly the statistics of the rows matching its filters."""

    def test_one_area(self, packaged: tuple[Path, Table]) -> None:
        """Every row of one area, every field as the row prints it."""
        root, table = packaged
        expected = _expected(root, "area = ?", [CA_AREA])
        assert _got(table.select(area=CA_AREA)) == expected
        assert len(expected) > 50

    def test_two_occupations_in_one_area(self, packaged: tuple[Path, Table]) -> None:
        """Several occupation ids are all matched."""
        root, table = packaged
        ids = ["medical-secretaries", "medical-transcriptionists"]
        where = "soc IN ('436013', '319094') AND area = '0000000'"
        assert _got(table.select(occupations=ids, area="0000000")) == _expected(root, where)

    def test_industries_alone(self, packaged: tuple[Path, Table]) -> None:
        """Industry ids alone (no other filter), an industry's id on each statistic."""
        root, table = packaged
        expected = _expected(root, "industry IN ('622000', '621100')")
        assert _got(table.select(industries=["622", "6211"])) == expected
        assert {fields[3] for fields in expected.values()} == {"622", "6211"}

    def test_industries_with_other_filters(self, packaged: tuple[Path, Table]) -> None:
        """None among the industries is all industries together (000000)."""
        root, table = packaged
        where = "soc = '433021' AND area = '0000000' AND industry IN ('000000', '541200')"
        found = table.select(
            occupations=["billing-cost-and-rate-clerks"], area="0000000", industries=[None, "5412"]
        )
        assert _got(found) == _expected(root, where)

    def test_unknown_ids(self, packaged: tuple[Path, Table]) -> None:
        """An id the table lacks matches nothing; beside a known one, it is ignored."""
        _, table = packaged
        assert table.select(occupations=["no-such-occupation"]) == []
        assert table.select(occupations=["no-such-occupation"], definitions=["29-2072"]) == []
        assert table.select(industries=["no-such-industry"]) == []
        known = table.select(occupations=["medical-secretaries"], area=CA_AREA)
        assert known
        both = table.select(occupations=["no-such", "medical-secretaries"], area=CA_AREA)
        assert both == known
        industry = table.select(industries=["no-such", "622"], area=CA_AREA)
        assert industry == table.select(industries=["622"], area=CA_AREA)

    def test_equal_statistics_twice(self, packaged: tuple[Path, Table]) -> None:
        """Asking again returns equal statistics in the same order, built anew (no cache here)."""
        _, table = packaged
        first = table.select(area=CA_AREA)
        again = table.select(area=CA_AREA)
        assert first
        assert first == again
        assert all(a is not b for a, b in zip(first, again, strict=True))


class TestCounts:
    """count() and withheld(), checked against the rows read by plain sqlite3."""

    def test_count(self, packaged: tuple[Path, Table]) -> None:
        """count() is the number of rows."""
        root, table = packaged
        connection = _raw(root)
        rows = len(connection.execute("SELECT key FROM cell").fetchall())
        connection.close()
        assert table.count() == rows == 3679

    def test_withheld_packaged(self, packaged: tuple[Path, Table]) -> None:
        """withheld() counts every '-' value by its footnote."""
        root, table = packaged
        connection = _raw(root)
        columns = ", ".join(f"v{n:02d}, f{n:02d}" for n in range(1, 18))
        counted: Counter[str] = Counter()
        for row in connection.execute(f"SELECT {columns} FROM cell"):  # noqa: S608
            counted.update(str(row[i + 1]) for i in range(0, 34, 2) if row[i] == "-")
        connection.close()
        assert table.withheld() == dict(counted) == {"8": 411}

    def test_withheld_several_codes(self, data_copy: Path) -> None:
        """Each footnote code counted apart, in every value column."""
        before = open_table(data_copy, NAME).withheld()
        _edit(data_copy, "UPDATE cell SET v17 = '-', f17 = '4' WHERE key = ?", CA)
        _edit(
            data_copy,
            "UPDATE cell SET v15 = '-', f15 = '5', v10 = '-', f10 = '5' WHERE key = ?",
            CA,
        )
        assert open_table(data_copy, NAME).withheld() == {"8": before["8"], "4": 1, "5": 2}


def _problems(data: Path, area: str = CA_AREA) -> list[mc.Problem]:
    """The problems select() reports for the rows of *area* in the table under *data*."""
    table = open_table(data, NAME)
    with pytest.raises(mc.DataError) as info:
        table.select(area=area)
    return list(info.value.problems)


class TestRowProblems:
    """A row that cannot be read is a DataError naming oews.sqlite and the cell's column."""

    @pytest.mark.parametrize("column", ["soc", "industry"])
    def test_unknown_code(self, data_copy: Path, column: str) -> None:
        """A SOC or industry code the code lists lack names the cell's key."""
        _edit(data_copy, f"UPDATE cell SET {column} = '999999' WHERE key = ?", CA)  # noqa: S608
        (problem,) = _problems(data_copy)
        assert (problem.file, problem.path) == (NAME, f"cell {CA}.key")
        assert "'999999'" in problem.message

    @pytest.mark.parametrize("column", ["v02", "v05"])
    def test_bad_rse(self, data_copy: Path, column: str) -> None:
        """An RSE that is no number is one problem, at its own column."""
        _edit(data_copy, f"UPDATE cell SET {column} = 'x' WHERE key = ?", CA)  # noqa: S608
        (problem,) = _problems(data_copy)
        assert (problem.file, problem.path) == (NAME, f"cell {CA}.{column}")
        assert problem.message == "RSE 'x' is not a number"

    def test_rse_dash_without_footnote(self, data_copy: Path) -> None:
        """An RSE printed '-' that no footnote 4 or 8 explains is an error, not a gap."""
        _edit(data_copy, "UPDATE cell SET v02 = '-', f02 = '5' WHERE key = ?", CA)
        (problem,) = _problems(data_copy)
        assert problem.path == f"cell {CA}.v02"
        assert problem.message == "RSE '-' is not a number"

    def test_every_bad_value_of_a_row(self, data_copy: Path) -> None:
        """A bad value does not stop the row's check: each later one is named too."""
        _edit(data_copy, "UPDATE cell SET v03 = 'n/a', v13 = '-' WHERE key = ?", CA)
        problems = _problems(data_copy)
        assert [p.path for p in problems] == [f"cell {CA}.v03", f"cell {CA}.v13"]
        assert "'n/a'" in problems[0].message
        assert "'-' (footnote None)" in problems[1].message

    def test_statistic_refused(self, data_copy: Path) -> None:
        """A value the Statistic rules refuse (a bad area code) is a problem per value column."""
        _edit(data_copy, "UPDATE cell SET area = '06000XX' WHERE key = ?", CA)
        problems = _problems(data_copy, "06000XX")
        assert [p.path for p in problems] == [f"cell {CA}.v{code}" for code in DATATYPES]
        assert all(p.file == NAME for p in problems)
        assert all("an area code is 7 digits, got '06000XX'" in p.message for p in problems)

    @pytest.mark.parametrize("printed", [(None, None), ("-", "8"), ("-", "4")])
    def test_absent_figure_skips_only_itself(
        self, data_copy: Path, printed: tuple[str | None, str | None]
    ) -> None:
        """No employment (NULL, or withheld) leaves every other figure of the row."""
        text, note = printed
        _edit(
            data_copy,
            "UPDATE cell SET v01 = ?, f01 = ?, v02 = ?, f02 = ? WHERE key = ?",
            text,
            note,
            text,
            note,
            CA,
        )
        found = open_table(data_copy, NAME).select(area=CA_AREA, occupations=[QUERY_ID])
        assert sorted(str(s.citation.locator)[-2:] for s in found) == sorted(
            set(DATATYPES) - {"01"}
        )
        means = {mc.Measure.HOURLY_MEAN_WAGE, mc.Measure.ANNUAL_MEAN_WAGE}
        assert all(s.rse == Decimal("1.2") for s in found if s.measure in means)  # 05 intact


QUERY_ID: Final = "medical-records-and-health-information-technicians"


class TestOpen:
    """open_table() reads the meta and shape, refusing a bad file with a problem naming it."""

    def test_not_sqlite(self, tmp_path: Path) -> None:
        """A file that is no database: one problem on the whole file."""
        (tmp_path / NAME).write_bytes(b"not a database" * 100)
        with pytest.raises(mc.DataError) as info:
            open_table(tmp_path, NAME)
        (problem,) = info.value.problems
        assert (problem.file, problem.path) == (NAME, "")
        assert problem.message.startswith("is not a table file (")
        assert "not a database" in problem.message

    def test_shape(self, data_copy: Path) -> None:
        """A missing column: one problem on the whole file, naming the table's columns."""
        _edit(data_copy, "ALTER TABLE industry DROP COLUMN id")
        with pytest.raises(mc.DataError) as info:
            open_table(data_copy, NAME)
        (problem,) = info.value.problems
        assert (problem.file, problem.path) == (NAME, "")
        assert problem.message == "table 'industry' has columns ['code'], expected ['code', 'id']"

    @pytest.mark.parametrize(
        ("statement", "path", "message"),
        [
            (
                "UPDATE meta SET value = '3' WHERE name = 'format'",
                "",
                "meta format is '3', not one of ['1', '2']",
            ),
            (
                "DELETE FROM meta WHERE name = 'format'",
                "",
                "meta format is None, not one of ['1', '2']",
            ),
            ("DELETE FROM meta WHERE name = 'source'", "meta", "meta lacks ['source']"),
            (
                "DELETE FROM meta WHERE name = 'top_code_hourly'",
                "meta",
                "meta lacks ['top_code_hourly']",
            ),
            (
                "UPDATE meta SET value = '239,200' WHERE name = 'top_code_annual'",
                "meta.top_code_annual",
                "top_code_annual '239,200' is not an amount of dollars",
            ),
        ],
    )
    def test_meta(self, data_copy: Path, statement: str, path: str, message: str) -> None:
        """Meta without a name or an amount, or of another format: one problem, named."""
        _edit(data_copy, statement)
        with pytest.raises(mc.DataError) as info:
            open_table(data_copy, NAME)
        (problem,) = info.value.problems
        assert (problem.file, problem.path, problem.message) == (NAME, path, message)

    def test_bad_period(self, data_copy: Path) -> None:
        """A period that is none: one problem at meta with the period's error."""
        _edit(data_copy, "UPDATE meta SET value = 'garbage' WHERE name = 'period'")
        with pytest.raises(ValueError, match="garbage") as wanted:
            Period.parse("garbage")
        with pytest.raises(mc.DataError) as info:
            open_table(data_copy, NAME)
        (problem,) = info.value.problems
        assert (problem.file, problem.path, problem.message) == (NAME, "meta", str(wanted.value))

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs: POSIX")
    def test_fifo_refused_unopened(self, tmp_path: Path) -> None:
        """A FIFO is refused by its kind, never opened (opening one would block)."""
        fifo = tmp_path / NAME
        os.mkfifo(fifo)
        # Should the reader open it after all, a writer meets it and closes: no hang.
        writer = threading.Thread(target=lambda: fifo.open("wb").close(), daemon=True)
        writer.start()
        try:
            with pytest.raises(mc.DataError) as info:
                open_table(tmp_path, NAME)
        finally:
            os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))  # release the writer
            writer.join(10)
        (problem,) = info.value.problems
        assert (problem.file, problem.path) == (NAME, "")
        assert problem.message == "is not a table file (is not a regular file (a FIFO))"

    def test_read_from_another_thread(self, packaged: tuple[Path, Table]) -> None:
        """A table opened in one thread answers in another (the catalog is shared by threads)."""
        _, table = packaged
        assert _answers_elsewhere(table) == table.select(area=CA_AREA)

    def test_zipped_from_memory(
        self, tmp_path: Path, packaged: tuple[Path, Table], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """From a zip, the table is served from memory: no file written, usable by any thread."""
        root, table = packaged
        archive = tmp_path / "data.zip"
        with zipfile.ZipFile(archive, "w") as zipped:
            zipped.writestr(f"data/{NAME}", (root / NAME).read_bytes())
        work = tmp_path / "cwd"
        work.mkdir()
        monkeypatch.chdir(work)
        zipped_table = open_table(zipfile.Path(archive, "data/"), NAME)
        assert _answers_elsewhere(zipped_table) == table.select(area=CA_AREA)
        assert zipped_table.count() == table.count()
        assert list(work.iterdir()) == []


def _answers_elsewhere(table: Table) -> list[mc.Statistic]:
    """The statistics of CA, selected in a thread of their own."""
    answers: list[list[mc.Statistic] | BaseException] = []

    def run() -> None:
        try:
            answers.append(table.select(area=CA_AREA))
        except Exception as exc:  # noqa: BLE001 - handed back to the test
            answers.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    (answer,) = answers
    assert not isinstance(answer, BaseException), answer
    return answer


class TestReadingError:
    """What SQLite cannot read when a query reaches it is a DataError on the file."""

    def test_text_not_utf8(self, data_copy: Path) -> None:
        """A cell whose text is not UTF-8: one problem on the whole file, SQLite's words in it."""
        _edit(data_copy, "UPDATE cell SET v13 = CAST(x'ff' AS TEXT) WHERE key = ?", CA)
        _relist(data_copy)
        cat = mc.load(data_copy)
        with pytest.raises(mc.DataError) as info:
            cat.stats(**QUERY)  # type: ignore[arg-type]
        (problem,) = info.value.problems
        assert (problem.file, problem.path) == (NAME, "")
        assert problem.message.startswith("cannot be read (")
        assert "UTF-8 column 'v13'" in problem.message


def _copy(root: Path, *edits: tuple[object, ...]) -> Path:
    """Copy the packaged table file into *root*, then run each edit (statement, arguments) on it."""
    with as_file(PACKAGED / NAME) as packaged:
        (root / NAME).write_bytes(packaged.read_bytes())
    for statement, *arguments in edits:
        _edit(root, str(statement), *arguments)
    return root


def _both(root: Path) -> tuple[Table, Table]:
    """The table file under *root* opened trusted, and opened the strict way."""
    return open_table(root, NAME, trusted=True), open_table(root, NAME)


NATION_AREA: Final = "0000000"
NATION_622: Final = "OEUN0000000622000292072"  # the coders in the nation's hospitals
NOT_A_NUMBER: Final = "'n/a' (footnote None) is neither a number nor a footnote or marker"
TRANSCRIPTIONISTS: Final = "medical-transcriptionists"  # soc 319094: no wage withheld anywhere


class TestTrustedKeys:
    """A trusted table names a cell by its key only where one key names it; else the indexes."""

    def test_area_under_two_prefixes(self, tmp_path: Path) -> None:
        """An area whose cells have two key prefixes: cell() declines, select() finds every row."""
        moved = "OEUM" + CA[4:]
        trusted, strict = _both(
            _copy(tmp_path, ("UPDATE cell SET key = ? WHERE key = ?", moved, CA))
        )
        assert trusted.cell(QUERY_ID, CA_AREA, None) is None
        assert trusted.cell("medical-secretaries", CA_AREA, None) is None
        found = trusted.select(area=CA_AREA)
        assert found == strict.select(area=CA_AREA)
        assert {str(s.citation.locator)[:-2] for s in found} == {
            moved,
            *(
                f"OEUS{CA_AREA}000000{soc}"
                for soc in ("119111", "299021", "319094", "433021", "436013")
            ),
        }

    def test_industry_under_two_codes(self, tmp_path: Path) -> None:
        """An industry with two OEWS codes here: cell() declines, select() gives both cells."""
        trusted, strict = _both(
            _copy(tmp_path, ("UPDATE industry SET id = '622' WHERE code = '621100'",))
        )
        assert trusted.cell(QUERY_ID, NATION_AREA, "622") is None
        found = trusted.select([QUERY_ID], NATION_AREA, ["622"])
        assert found == strict.select([QUERY_ID], NATION_AREA, ["622"])
        assert {str(s.citation.locator)[:-2] for s in found} == {
            "OEUN0000000621100292072",
            "OEUN0000000622000292072",
        }
        assert {s.industry for s in found} == {"622"}

    def test_many_occupations(self, tmp_path: Path) -> None:
        """A table of a thousand occupations reads the nation by index: no query names every key.

        The nation's 354 industry codes times 1,006 occupations would be over 356,000
        keys, more than one SQLite statement may name.
        """
        more = (
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) "
            "INSERT INTO occupation SELECT printf('9%05d', i), printf('occupation-%d', i), "
            "'29-2072' FROM n"
        )
        trusted = open_table(_copy(tmp_path, (more,)), NAME, trusted=True)
        assert len(trusted.occupations) == 1006
        with as_file(PACKAGED) as root:
            packaged = open_table(root, NAME, trusted=True)
            assert trusted.select(area=NATION_AREA) == packaged.select(area=NATION_AREA)

    @pytest.mark.parametrize("count", [64, 65])
    def test_most_keys(self, monkeypatch: pytest.MonkeyPatch, count: int) -> None:
        """Up to 64 keys, the cells are read by their keys; more, by the indexes."""
        indexed: list[object] = []
        original = Table._indexed

        def recording(self: Table, *arguments: object) -> object:
            indexed.append(arguments)
            return original(self, *arguments)  # type: ignore[arg-type]

        monkeypatch.setattr(Table, "_indexed", recording)
        with as_file(PACKAGED) as root:
            table = open_table(root, NAME, trusted=True)
            industries = sorted(i for i in table.industries.values() if i is not None)[:count]
            found = table.select([QUERY_ID], NATION_AREA, industries)
        assert found
        assert {s.industry for s in found} <= set(industries)
        assert bool(indexed) == (count > 64)


class TestSharedCodes:
    """An occupation under two SOC codes: figures in `Statistic`'s order, each its definition."""

    def test_columns(self, tmp_path: Path) -> None:
        """columns() gives what select() gives, trusted or not, each figure its own definition."""
        renamed = "UPDATE occupation SET id = 'medical-secretaries' WHERE soc = '319094'"
        trusted, strict = _both(_copy(tmp_path, (renamed,)))
        found = trusted.columns(area=CA_AREA)
        assert found == columns_of(strict.select(area=CA_AREA))
        assert found == columns_of(trusted.select(area=CA_AREA))
        assert found == strict.columns(area=CA_AREA)
        secretaries = {
            definition
            for occupation, definition in zip(found["occupation"], found["definition"], strict=True)
            if occupation == "medical-secretaries"
        }
        assert secretaries == {"43-6013", "31-9094"}
        assert trusted.cell("medical-secretaries", CA_AREA, None) is None


class TestColumns:
    """columns() reads the rows select() reads, and checks them as select() does."""

    def test_strict_checks_whole_rows(self, tmp_path: Path) -> None:
        """Read the strict way, a bad value is an error even where its column was not asked for."""
        _, strict = _both(_copy(tmp_path, ("UPDATE cell SET v13 = 'n/a' WHERE key = ?", CA)))
        for read in (strict.columns, strict.select):
            with pytest.raises(mc.DataError) as info:
                read(area=CA_AREA, datatypes={"01"})
            (problem,) = info.value.problems
            assert (problem.file, problem.path) == (NAME, f"cell {CA}.v13")

    @pytest.mark.parametrize("trusted", [False, True], ids=["checked", "trusted"])
    def test_no_datatypes_reads_no_row(self, tmp_path: Path, trusted: bool) -> None:
        """Asking for no datatype reads no row: empty columns, even beside a row not readable."""
        _copy(tmp_path, ("UPDATE cell SET soc = '999999' WHERE key = ?", CA))
        table = open_table(tmp_path, NAME, trusted=trusted)
        assert table.columns(datatypes=set()) == {name: [] for name in COLUMNS}
        assert table.select(datatypes=set()) == []
        with pytest.raises(mc.DataError, match="unknown occupation '999999'"):
            table.columns(area=CA_AREA)

    @pytest.mark.parametrize("rows", [256, 257])
    def test_bulk_beyond_256_rows(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rows: int
    ) -> None:
        """Up to 256 trusted rows become statistics first; more are read a column at a time."""
        kept = f"DELETE FROM cell WHERE key NOT IN (SELECT key FROM cell ORDER BY key LIMIT {rows})"  # noqa: S608
        table = open_table(_copy(tmp_path, (kept,)), NAME, trusted=True)
        assert table.count() == rows
        bulk: list[object] = []
        original = Table._bulk

        def recording(self: Table, *arguments: Any) -> Any:
            bulk.append(arguments)
            return original(self, *arguments)

        monkeypatch.setattr(Table, "_bulk", recording)
        assert table.columns() == columns_of(table.select())
        assert bool(bulk) == (rows > 256)


@pytest.fixture(scope="module")
def marked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Table, Table]:
    """A copy whose transcriptionists' hourly 90th percentile is empty, withheld and top-coded.

    In the order of their rows: empty in the nation's all-industries cell,
    withheld (footnote 8) in a national industry's, top-coded (footnote 5)
    in California's; every other percentile of the occupation printed.
    """
    root = _copy(
        tmp_path_factory.mktemp("marked"),
        ("UPDATE cell SET v10 = NULL, f10 = NULL WHERE key = 'OEUN0000000000000319094'",),
        ("UPDATE cell SET v10 = '-', f10 = '8' WHERE key = 'OEUN0000000622000319094'",),
        ("UPDATE cell SET v10 = '-', f10 = '5' WHERE key = 'OEUS0600000000000319094'",),
    )
    return _both(root)


class TestBulk:
    """columns() of many trusted rows, read a column at a time: the statistics' columns."""

    def test_marked_figures(self, marked: tuple[Table, Table]) -> None:
        """An empty, a withheld and a top-coded figure down one column, the others all printed."""
        trusted, strict = marked
        parts = {"occupations": [TRANSCRIPTIONISTS]}
        found = trusted.columns(**parts)  # type: ignore[arg-type]
        assert len({locator[:-2] for locator in found["citation_locator"]}) > 256  # rows: in bulk
        assert found == columns_of(strict.select(**parts))  # type: ignore[arg-type]
        top_coded = [
            (value, bound, quote)
            for value, bound, quote, locator in zip(
                found["value"],
                found["bound"],
                found["citation_quote"],
                found["citation_locator"],
                strict=True,
            )
            if locator.endswith("10") and bound is mc.Bound.AT_LEAST
        ]
        assert top_coded == [(Decimal("115.00"), mc.Bound.AT_LEAST, "-")]
        nation = {locator for locator in found["citation_locator"] if locator[3] == "N"}
        assert "OEUN000000000000031909410" not in nation
        assert "OEUN000000062200031909410" not in nation
        assert "OEUN000000000000031909409" in nation

    def test_occupation_of_one_row(self, tmp_path: Path) -> None:
        """An occupation with a single row among many: its figures, its definition."""
        only = "DELETE FROM cell WHERE soc = '319094' AND key != ?"
        trusted, strict = _both(_copy(tmp_path, (only, "OEUS0600000000000319094")))
        parts = {"occupations": [TRANSCRIPTIONISTS, "medical-secretaries"]}
        found = trusted.columns(**parts)  # type: ignore[arg-type]
        assert found == columns_of(strict.select(**parts))  # type: ignore[arg-type]
        assert found["occupation"].count(TRANSCRIPTIONISTS) == 15
        assert found["occupation"][-1] == TRANSCRIPTIONISTS
        assert found["definition"][-1] == "31-9094"

    def test_number_of_two_lines(self, tmp_path: Path) -> None:
        """A value of two lines of digits is a bad value, however many rows are read with it.

        Many rows' numbers are checked at once, one a line: a value's own line
        break must not pass it as two numbers (it gave decimal's InvalidOperation).
        """
        broken = ("UPDATE cell SET v13 = '1' || char(10) || '2' WHERE key = ?", CA)
        table = open_table(_copy(tmp_path, broken), NAME, trusted=True)
        reads: list[Callable[[], object]] = [
            lambda: table.select(area=CA_AREA),  # 6 rows, each value read as it comes
            lambda: table.select(occupations=[QUERY_ID]),  # 681 rows, their numbers at once
            lambda: table.columns(occupations=[QUERY_ID]),  # the same, a column at a time
        ]
        for read in reads:
            with pytest.raises(mc.DataError) as info:
                read()
            (problem,) = info.value.problems
            assert (problem.file, problem.path) == (NAME, f"cell {CA}.v13")
            assert problem.message.startswith("'1\\n2' (footnote None) is neither a number")

    @pytest.mark.parametrize(
        ("edits", "path", "message"),
        [
            ([("v13", "n/a", CA)], f"cell {CA}.v13", NOT_A_NUMBER),
            ([("v02", "x", CA)], f"cell {CA}.v02", "RSE 'x' is not a number"),
            (
                [
                    ("v02", "x", "OEUS0600000000000319094"),
                    ("v13", "n/a", "OEUS0600000000000433021"),
                ],
                "cell OEUS0600000000000433021.v13",
                NOT_A_NUMBER,
            ),
        ],
        ids=["value", "rse", "first-occupation"],
    )
    def test_bad_cell_named(
        self, tmp_path: Path, edits: list[tuple[str, str, str]], path: str, message: str
    ) -> None:
        """A bad value or RSE is a DataError naming its cell and what is wrong with it.

        Of two, the first occupation's is named: the rows are read occupation
        by occupation (the billing clerks first), each occupation's RSEs, then
        its figures.
        """
        statements = [
            (f"UPDATE cell SET {column} = ? WHERE key = ?", value, key)  # noqa: S608
            for column, value, key in edits
        ]
        table = open_table(_copy(tmp_path, *statements), NAME, trusted=True)
        with pytest.raises(mc.DataError) as info:
            table.columns()
        (problem,) = info.value.problems
        assert (problem.file, problem.path, problem.message) == (NAME, path, message)


class TestLearn:
    """A bulk read learns the printed numbers it meets at once; every figure reads the same.

    `_learn` only saves work: a number it leaves out is read by its own
    cell. These pin what it learns and what it says, so that it keeps
    saving the work.
    """

    def test_new_numbers(self) -> None:
        """Each new number once, with its quote; no marker, dash or empty cell; "new": True."""
        numbers: dict[str, tuple[str, Decimal]] = {}
        texts = ["61810", None, "-", "*", "**", "#", "29.71", "61810"]
        assert _learn(texts, numbers) is True
        assert numbers == {
            "61810": ("61810", Decimal(61810)),
            "29.71": ("29.71", Decimal("29.71")),
        }

    def test_nothing_new(self) -> None:
        """Numbers known already, markers or nothing: nothing learned, and False."""
        numbers = {"1": ("1", Decimal(1))}
        for texts in (["1", None, "-", "#"], []):
            assert _learn(texts, numbers) is False
        assert numbers == {"1": ("1", Decimal(1))}

    def test_bad_left_to_its_cell(self) -> None:
        """A text that is no number is not learned (its cell says what is wrong with it)."""
        numbers: dict[str, tuple[str, Decimal]] = {}
        assert _learn(["1\n2", "x", "3"], numbers) is True
        assert numbers == {"3": ("3", Decimal(3))}
        assert _learn(["1\n2", "x"], {}) is False
        numbers.clear()
        assert _learn(["1\n2", "3"], numbers) is True  # two lines, yet every line a number
        assert numbers == {"3": ("3", Decimal(3))}


class TestTrustedAsStrict:
    """A trusted read gives the strict read's figures where a row has gaps, markers or top codes."""

    @pytest.mark.parametrize(
        "printed",
        [(None, None), ("-", "8"), ("-", "4")],
        ids=["empty", "withheld", "paid-the-other-way"],
    )
    def test_gap_within_a_measure(
        self, tmp_path: Path, printed: tuple[str | None, str | None]
    ) -> None:
        """No 10th percentile of the annual wage leaves the 25th to the 90th, and the rest."""
        text, note = printed
        edit = ("UPDATE cell SET v11 = ?, f11 = ? WHERE key = ?", text, note, CA)
        trusted, strict = _both(_copy(tmp_path, edit))
        found = trusted.select([QUERY_ID], CA_AREA, [None])
        assert found == strict.select([QUERY_ID], CA_AREA, [None])
        assert trusted.cell(QUERY_ID, CA_AREA, None) == found
        assert sorted(str(s.citation.locator)[-2:] for s in found) == sorted(
            set(DATATYPES) - {"11"}
        )

    def test_top_coded(self, tmp_path: Path) -> None:
        """A top-coded 90th percentile is at least the top code, in the footnote's words."""
        edit = ("UPDATE cell SET v15 = '-', f15 = '5' WHERE key = ?", CA)
        trusted, strict = _both(_copy(tmp_path, edit))
        found = trusted.cell(QUERY_ID, CA_AREA, None, datatypes=["15"])
        assert found is not None
        assert found == strict.select([QUERY_ID], CA_AREA, [None], datatypes=["15"])
        (figure,) = found
        assert (figure.value, figure.bound, figure.descriptor, figure.citation.quote) == (
            trusted.top_code[mc.Unit.USD_PER_YEAR],
            mc.Bound.AT_LEAST,
            trusted.footnotes["5"],
            "-",
        )

    def test_two_occupations(self, tmp_path: Path) -> None:
        """Two rows of two occupations: each figure is its own row's occupation's."""
        trusted, strict = _both(_copy(tmp_path))
        parts: tuple[list[str], str, list[None]] = ([QUERY_ID, TRANSCRIPTIONISTS], CA_AREA, [None])
        found = trusted.select(*parts, datatypes=["13"])
        assert found == strict.select(*parts, datatypes=["13"])
        assert [(s.occupation, s.definition) for s in found] == [
            (QUERY_ID, "29-2072"),
            (TRANSCRIPTIONISTS, "31-9094"),
        ]

    @pytest.mark.parametrize(
        "printed",
        [("#", "5"), ("*", "5"), ("n/a", "5"), ("n/a", None)],
        ids=["top-code-marker", "not-available-marker", "text", "text-alone"],
    )
    def test_marker_with_a_footnote(self, tmp_path: Path, printed: tuple[str, str | None]) -> None:
        """A marker with a footnote, or a text that is no number, is refused either way."""
        edit = ("UPDATE cell SET v13 = ?, f13 = ? WHERE key = ?", *printed, CA)
        for table in _both(_copy(tmp_path, edit)):
            with pytest.raises(mc.DataError) as info:
                table.select([QUERY_ID], CA_AREA, [None])
            (problem,) = info.value.problems
            assert (problem.file, problem.path) == (NAME, f"cell {CA}.v13")
            assert problem.message == (
                f"{printed[0]!r} (footnote {printed[1]!r}) is neither a number nor a footnote"
                " or marker"
            )

    @pytest.mark.parametrize("column", ["soc", "industry"])
    def test_unknown_code(self, tmp_path: Path, column: str) -> None:
        """A SOC or industry code the code lists lack: a DataError naming the key and both codes."""
        edit = (f"UPDATE cell SET {column} = '999999' WHERE key = ?", CA)  # noqa: S608
        codes = {"soc": "292072", "industry": "000000", column: "999999"}
        for table in _both(_copy(tmp_path, edit)):
            with pytest.raises(mc.DataError) as info:
                table.select(area=CA_AREA)
            (problem,) = info.value.problems
            assert (problem.file, problem.path, problem.message) == (
                NAME,
                f"cell {CA}.key",
                f"unknown occupation {codes['soc']!r} or industry {codes['industry']!r}",
            )

    def test_industries_in_order_of_their_ids(self, tmp_path: Path) -> None:
        """The nation's cells of many industries come in the order of the industries' ids.

        The copy renames the industries of the coders' first two codes so
        that the first's id sorts last and the second's (empty) first: the
        cells' keys no longer run in the ids' order.
        """
        connection = sqlite3.connect(_copy(tmp_path) / NAME)
        first, second = (
            code
            for (code,) in connection.execute(
                "SELECT industry FROM cell WHERE soc = '292072' AND area = '0000000'"
                " AND industry != '000000' ORDER BY industry LIMIT 2"
            )
        )
        connection.close()
        edits = (
            ("UPDATE industry SET id = 'zzzz' WHERE code = ?", first),
            ("UPDATE industry SET id = '' WHERE code = ?", second),
        )
        trusted, strict = _both(_copy(tmp_path, *edits))
        parts: tuple[list[str], str] = ([QUERY_ID], NATION_AREA)
        found = trusted.select(*parts, datatypes=["01"])
        assert found == strict.select(*parts, datatypes=["01"])
        assert found[0].industry is None
        named = [s.industry for s in found[1:] if s.industry is not None]
        assert len(named) == len(found) - 1
        assert (named[0], named[-1]) == ("", "zzzz")
        assert named == sorted(named)

    def test_one_industry_under_two_codes(self, tmp_path: Path) -> None:
        """The cells of one industry under two OEWS codes come in their keys' order, however asked.

        The copy gives code 621100 the id of 622000's industry, and the
        coders' 622000 cell a key that sorts first; SQLite's industry index
        would give the cells in their codes' order instead.
        """
        moved = "AAAA" + NATION_622[4:]
        edits = (
            ("UPDATE industry SET id = '622' WHERE code = '621100'",),
            ("UPDATE cell SET key = ? WHERE key = ?", moved, NATION_622),
        )
        trusted, strict = _both(_copy(tmp_path, *edits))
        for occupations, area in [([QUERY_ID], None), (None, None), ([QUERY_ID], NATION_AREA)]:
            for table in (trusted, strict):
                found = table.select(occupations, area, ["622"], datatypes=["01"])
                coders = [str(s.citation.locator) for s in found if s.occupation == QUERY_ID]
                assert coders == [moved + "01", "OEUN0000000621100292072" + "01"], (
                    table.trusted,
                    occupations,
                    area,
                )
