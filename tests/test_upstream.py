"""The readers of the 2027.1 upstream files (tools/upstream.py): real values, copies, damage."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import shutil
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

import openpyxl
import pytest

import upstream as up
from build_data import BuildError

from .conftest import REPO

HYBRID_YEARS = (2019, 2020)
MEDIAN_29_2072 = {  # A_MEDIAN of 29-2072 (29-2098 before May 2021)
    2019: ("29-2098", "42630", "Z554"),
    2020: ("29-2098", "44090", "AA554"),
    2021: ("29-2072", "46660", "AB597"),
    2022: ("29-2072", "47180", "AB596"),
    2023: ("29-2072", "48780", "AB597"),
    2024: ("29-2072", "50250", "AB597"),
}
OLD_TOP_CODE = ("$100.00", "$208,000", Decimal("100.00"), Decimal(208000))
NEW_TOP_CODE = ("$115.00", "$239,200", Decimal("115.00"), Decimal(239200))


# -- the parsed files, once per session -------------------------------------------------


@pytest.fixture(scope="session")
def oews() -> dict[int, up.OewsNational]:
    """The six OEWS national files, read once."""
    return {year: up.read_oews_national(_oews_path(year)) for year in up.OEWS_YEARS}


@pytest.fixture(scope="session")
def oews_copies() -> dict[str, up.OewsNational]:
    """The independent copies under oews/check/, by file name, read once."""
    return {
        path.name: up.read_oews_national(path)
        for paths in up.OEWS_CHECKS.values()
        for path in paths
    }


@pytest.fixture(scope="session")
def ep() -> dict[str, up.EpRow]:
    """EP Table 1.2, read once."""
    return up.read_ep_table(up.EP_PATH)


@pytest.fixture(scope="session")
def onet() -> dict[str, up.OnetOccupation]:
    """The six occupations of O*NET 29.3, read once."""
    return up.read_onet(up.ONET_DIR, up.ONET_CODES)


@pytest.fixture(scope="session")
def soc() -> up.SocFile:
    """The 2018 SOC definitions, read once."""
    return up.read_soc(up.SOC_PATH)


@pytest.fixture(scope="session")
def soc_copy() -> up.SocFile:
    """The check copy of the 2018 SOC definitions, read once."""
    return up.read_soc(up.SOC_CHECK_PATH)


def _oews_path(year: int) -> Path:
    return up.OEWS_DIR / f"national_M{year}_dl.xlsx"


def _write_workbook(path: Path, sheets: dict[str, Sequence[Sequence[Any]]]) -> Path:
    """Write a workbook with one sheet per entry, rows from A1, in order."""
    book = openpyxl.Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    book.save(path)
    return path


def _patch_xlsx(path: Path, member: str, old: bytes, new: bytes) -> None:
    """Replace *old* by *new* in one member of a workbook (what openpyxl would not write)."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    assert old in members[member]
    members[member] = members[member].replace(old, new)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)


# -- the files ---------------------------------------------------------------------------


class TestSources:
    """The readers read the repository's copy of the upstream files, as pinned."""

    def test_paths_in_repository(self) -> None:
        """Every path the readers default to lies under sources/upstream/ of this checkout."""
        assert up.UPSTREAM == REPO / "sources" / "upstream"
        paths = [up.EP_PATH, up.ONET_DIR, up.SOC_PATH, up.SOC_CHECK_PATH]
        paths += [_oews_path(year) for year in up.OEWS_YEARS]
        paths += [path for copies in up.OEWS_CHECKS.values() for path in copies]
        for path in paths:
            assert path.exists(), path
            assert path.is_relative_to(up.UPSTREAM)

    def test_bytes_as_pinned(self) -> None:
        """Every file listed in SHA256SUMS has the listed sha256, and every file is listed."""
        listed = {}
        for line in (up.UPSTREAM / "SHA256SUMS").read_text().splitlines():
            digest, name = line.split("  ", 1)
            listed[name.removeprefix("./")] = digest
        for name, digest in listed.items():
            assert hashlib.sha256((up.UPSTREAM / name).read_bytes()).hexdigest() == digest, name
        present = {
            str(p.relative_to(up.UPSTREAM))
            for p in up.UPSTREAM.rglob("*")
            if p.is_file() and p.parent != up.UPSTREAM
        }
        assert present == set(listed)


class TestPlainText:
    """A cell value prints as the file stores it, or the reader fails."""

    @pytest.mark.parametrize(
        ("value", "text"),
        [(50250, "50250"), (35.3, "35.3"), (24.16, "24.16"), (20.0, "20.0"), (-2.2, "-2.2")],
    )
    def test_numbers(self, value: float, text: str) -> None:
        """An int prints as is, a float as its shortest round-trip text."""
        assert up.plain_text(value, "here") == text

    def test_text(self) -> None:
        """Text, markers included, is returned unchanged."""
        assert up.plain_text("#", "here") == "#"
        assert up.plain_text("  Medical records specialists", "here").startswith("  ")

    @pytest.mark.parametrize("value", [24.159999999999997, 1e-05, float("nan"), float("inf")])
    def test_ambiguous_float(self, value: float) -> None:
        """A float without a short decimal text (noise digits, exponent, nan) fails."""
        with pytest.raises(BuildError, match=r"^f.xlsx, cell B2: float .* no unambiguous"):
            up.plain_text(value, "f.xlsx, cell B2")

    @pytest.mark.parametrize("value", [True, None, datetime(2024, 5, 1)])  # noqa: DTZ001
    def test_other_types(self, value: object) -> None:
        """A bool, an empty cell or a date is neither a number nor text."""
        with pytest.raises(BuildError, match=r"^here: .* neither a number nor text"):
            up.plain_text(value, "here")

    def test_cell_value_number(self) -> None:
        """A cell's number is the Decimal of its text; a marker has none."""
        value = up.CellValue("35.3", "f.xlsx", "s", "B2", "H_MEAN")
        assert value.number == Decimal("35.3")
        assert dataclasses.replace(value, text="#").number is None


# -- OEWS national -----------------------------------------------------------------------


class TestOewsNational:
    """The OEWS national files of May 2019 to May 2024 read as BLS printed them."""

    def test_median_2024(self, oews: dict[int, up.OewsNational]) -> None:
        """29-2072's May 2024 annual median is 50250, in AB597 of the first sheet."""
        value = oews[2024].rows["29-2072"].column("A_MEDIAN")
        assert (value.text, value.cell) == ("50250", "AB597")
        assert (value.file, value.sheet, value.header) == (
            "national_M2024_dl.xlsx",
            "national_M2024_dl",
            "A_MEDIAN",
        )

    @pytest.mark.parametrize("year", sorted(MEDIAN_29_2072))
    def test_median_each_year(self, oews: dict[int, up.OewsNational], year: int) -> None:
        """The coders' annual median each year, in the code that counts them that year."""
        code, text, cell = MEDIAN_29_2072[year]
        value = oews[year].rows[code].values["13"]
        assert (value.text, value.cell) == (text, cell)

    def test_hybrid_2020(self, oews: dict[int, up.OewsNational]) -> None:
        """May 2020 counts the coders in 29-2098 at a 44090 median; 29-2072 has no row."""
        row = oews[2020].rows["29-2098"]
        assert row.column("a_median").text == "44090"
        assert row.title.startswith("Medical Dosimetrists, Medical Records Specialists")
        assert "29-2072" not in oews[2020].rows

    @pytest.mark.parametrize("year", up.OEWS_YEARS)
    def test_codes_present(self, oews: dict[int, up.OewsNational], year: int) -> None:
        """The six codes each year: the hybrids 29-2098/29-9098 in May 2019-2020, 2018 SOC after."""
        rows = oews[year].rows
        for soc in up.SOCS:
            hybrid = up.HYBRIDS.get(soc)
            if hybrid and year in HYBRID_YEARS:
                assert hybrid in rows
                assert soc not in rows
            else:
                assert soc in rows
                assert hybrid is None or hybrid not in rows

    @pytest.mark.parametrize("year", up.OEWS_YEARS)
    def test_top_code(self, oews: dict[int, up.OewsNational], year: int) -> None:
        """The '#' thresholds are $100.00/$208,000 through May 2021, $115.00/$239,200 after."""
        top = oews[year].top_code
        want = OLD_TOP_CODE if year <= 2021 else NEW_TOP_CODE
        assert (top.hourly_text, top.annual_text, top.hourly, top.annual) == want
        assert top.marker.text == (
            f"#  = indicates a wage equal to or greater than {want[0]} per hour"
            f" or {want[1]} per year "
        )

    def test_markers(self, oews: dict[int, up.OewsNational]) -> None:
        """Each file defines *, ** and #; May 2024 adds ~; the cells move with the layout."""
        assert oews[2019].markers["*"].meaning == "indicates that a wage estimate is not available"
        assert oews[2019].markers["**"].cell == "A44"
        assert oews[2024].markers["#"].cell == "A47"
        for year in up.OEWS_YEARS:
            want = {"*", "**", "#", "~"} if year == 2024 else {"*", "**", "#"}
            assert set(oews[year].markers) == want

    def test_no_marker_in_six(self, oews: dict[int, up.OewsNational]) -> None:
        """No value of the six occupations is a marker in any year: every one is a number."""
        for table in oews.values():
            for soc in up.SOCS:
                row = table.rows.get(soc) or table.rows[up.HYBRIDS[soc]]
                assert all(value.is_number for value in row.values.values()), (table.year, soc)

    def test_markers_elsewhere(self, oews: dict[int, up.OewsNational]) -> None:
        """Other rows carry markers: Chief Executives' top percentiles #, teachers' hourly *."""
        texts = Counter(v.text for r in oews[2024].rows.values() for v in r.values.values())
        assert texts["#"] > 0
        assert texts["*"] > 0
        ceo = oews[2024].rows["11-1011"].column("A_PCT90")
        assert (ceo.text, ceo.cell) == ("#", "AD6")
        assert oews[2024].rows["25-2031"].column("H_MEAN").text == "*"

    def test_values_as_stored(self, oews: dict[int, up.OewsNational]) -> None:
        """Floats print shortest (35.3, 24.16), ints as ints (20 is stored "20")."""
        row = oews[2024].rows["29-9021"]
        assert row.column("H_MEAN").text == "35.3"
        assert oews[2024].rows["29-2072"].column("H_PCT25").text == "20"
        assert oews[2024].rows["29-2072"].column("H_MEDIAN").text == "24.16"
        assert row.values.keys() == set(up.OEWS_DATATYPES.values())

    def test_header_case(self, oews: dict[int, up.OewsNational]) -> None:
        """May 2019 prints lower-case headers, and each value keeps the header as printed."""
        assert oews[2019].rows["11-9111"].column("A_MEDIAN").header == "a_median"
        assert oews[2019].headers["OCC_CODE"] == "occ_code"

    def test_detailed_row_of_two(self, oews: dict[int, up.OewsNational]) -> None:
        """A code printed twice (broad and detailed) gives its detailed row."""
        row = oews[2024].rows["13-1020"]
        assert row.group == "detailed"

    def test_row_title(self, oews: dict[int, up.OewsNational]) -> None:
        """A row keeps the occupation's title as printed, and its cell."""
        row = oews[2024].rows["29-2072"]
        assert (row.title, row.title_cell, row.row) == ("Medical Records Specialists", "J597", 597)
        assert not row.annual_only
        assert not row.hourly_only

    def test_flags(self, oews: dict[int, up.OewsNational]) -> None:
        """ANNUAL is TRUE for occupations paid by the year (secondary school teachers)."""
        assert oews[2024].rows["25-2031"].annual_only

    def test_blank_columns(self, oews: dict[int, up.OewsNational]) -> None:
        """JOBS_1000 and LOC_QUOTIENT are columns of every national file, blank on every row."""
        for table in oews.values():
            assert {"JOBS_1000", "LOC_QUOTIENT"} <= set(table.blank_columns)
            assert "A_MEDIAN" not in table.blank_columns

    @pytest.mark.parametrize("year", up.OEWS_YEARS)
    def test_year_and_sheet(self, oews: dict[int, up.OewsNational], year: int) -> None:
        """The year comes from Field Descriptions A1, the data sheet is the first sheet."""
        table = oews[year]
        assert (table.year, table.period, table.sheet) == (
            year,
            f"{year}-05",
            f"national_M{year}_dl",
        )

    def test_series_id(self) -> None:
        """The BLS series id of a national value: OEUN + 13 zeros + SOC digits + datatype."""
        assert up.oews_series_id("29-2072", "13") == "OEUN000000000000029207213"
        with pytest.raises(BuildError, match="no OEWS national series"):
            up.oews_series_id("292072", "13")
        with pytest.raises(BuildError, match="no OEWS national series"):
            up.oews_series_id("29-2072", "16")


class TestOewsCopies:
    """Every value read agrees with the independent copies of May 2020, 2022 and 2024."""

    @pytest.mark.parametrize(
        "name",
        [path.name for paths in up.OEWS_CHECKS.values() for path in paths],
    )
    def test_copy_agrees(
        self,
        oews: dict[int, up.OewsNational],
        oews_copies: dict[str, up.OewsNational],
        name: str,
    ) -> None:
        """Every detailed row, the six included, agrees value by value (floats numerically)."""
        copy = oews_copies[name]
        assert up.check_against(oews[copy.year], copy) == []
        assert up.check_against(copy, oews[copy.year]) == []

    def test_float_copy(
        self, oews: dict[int, up.OewsNational], oews_copies: dict[str, up.OewsNational]
    ) -> None:
        """The victorsrosas copy stores 50250.0 where BLS stores 50250: equal as numbers."""
        copy = oews_copies["national_M2024_dl.victorsrosas.xlsx"].rows["29-2072"]
        assert copy.column("A_MEDIAN").text == "50250.0"
        assert oews[2024].rows["29-2072"].column("A_MEDIAN").text == "50250"

    @staticmethod
    def _altered(table: up.OewsNational, soc: str, datatype: str, text: str) -> up.OewsNational:
        row = table.rows[soc]
        values = dict(row.values)
        values[datatype] = dataclasses.replace(values[datatype], text=text)
        rows = dict(table.rows)
        rows[soc] = dataclasses.replace(row, values=MappingProxyType(values))
        return dataclasses.replace(table, rows=MappingProxyType(rows))

    def test_altered_value(
        self, oews: dict[int, up.OewsNational], oews_copies: dict[str, up.OewsNational]
    ) -> None:
        """A value changed by one dollar is reported with both files and cells."""
        copy = oews_copies["national_M2024_dl.jj-squared.xlsx"]
        altered = self._altered(copy, "29-2072", "13", "50260")
        assert up.check_against(oews[2024], altered, up.SOCS) == [
            (
                "29-2072 A_MEDIAN: national_M2024_dl.xlsx AB597 '50250',"
                " national_M2024_dl.jj-squared.xlsx AB597 '50260'"
            )
        ]

    def test_altered_marker(
        self, oews: dict[int, up.OewsNational], oews_copies: dict[str, up.OewsNational]
    ) -> None:
        """A number where the copy prints a marker, or another marker, is a disagreement."""
        copy = oews_copies["national_M2022_dl.CelineSilingSong.xlsx"]
        assert len(up.check_against(oews[2022], self._altered(copy, "43-6013", "10", "#"))) == 1
        ceo = self._altered(copy, "11-1011", "15", "*")
        assert up.check_against(oews[2022], ceo, ["11-1011"]) == [
            (
                "11-1011 A_PCT90: national_M2022_dl.xlsx AD6 '#',"
                " national_M2022_dl.CelineSilingSong.xlsx V6 '*'"
            )
        ]

    def test_missing_row_and_year(
        self, oews: dict[int, up.OewsNational], oews_copies: dict[str, up.OewsNational]
    ) -> None:
        """A code absent from one file, another year or another top code is a disagreement."""
        copy = oews_copies["national_M2020_dl.nmontana42.xlsx"]
        assert up.check_against(oews[2020], copy, ["29-2072"]) == [
            "29-2072: no detailed row in national_M2020_dl.xlsx"
        ]
        problems = up.check_against(oews[2022], copy, ["11-9111"])
        assert (
            problems[0]
            == "national_M2022_dl.xlsx is May 2022, national_M2020_dl.nmontana42.xlsx May 2020"
        )
        assert problems[1].startswith("top code national_M2022_dl.xlsx $115.00/$239,200,")
        assert problems[2] == (
            "marker #: national_M2022_dl.xlsx '#  = indicates a wage equal to or greater than"
            " $115.00 per hour or $239,200 per year ', national_M2020_dl.nmontana42.xlsx"
            " '#  = indicates a wage equal to or greater than $100.00 per hour"
            " or $208,000 per year '"
        )
        assert problems[3].startswith("11-9111 TOT_EMP: national_M2022_dl.xlsx L60 '476750',")


# -- OEWS fixtures: small workbooks of the same layout ---------------------------------

OEWS_HEADER = (
    "AREA",
    "AREA_TITLE",
    "NAICS",
    "OWN_CODE",
    "OCC_CODE",
    "OCC_TITLE",
    "O_GROUP",
    *up.OEWS_DATATYPES,
    "JOBS_1000",
    "ANNUAL",
    "HOURLY",
)
OEWS_VALUES: tuple[float, ...] = (187910, 1, 26.91, 55970, 0.6, 17.2, 20, 24.16, 30.8, 38.92)
OEWS_VALUES += (35780, 41600, 50250, 64070, 80950)
NOTES = (
    ("May 2024 OEWS Estimates",),
    ("Notes:",),
    ("*  = indicates that a wage estimate is not available",),
    ("**  = indicates that an employment estimate is not available",),
    ("#  = indicates a wage equal to or greater than $115.00 per hour or $239,200 per year ",),
)


def _oews_row(code: str = "29-2072", group: str = "detailed", **changes: Any) -> list[Any]:
    row: dict[str, Any] = dict(
        zip(OEWS_HEADER, ["99", "U.S.", "000000", "1235", code, "Title", group], strict=False)
    )
    row.update(zip(up.OEWS_DATATYPES, OEWS_VALUES, strict=True))
    row.update({"JOBS_1000": None, "ANNUAL": "", "HOURLY": ""}, **changes)
    return [row[name] for name in OEWS_HEADER]


def _oews_file(
    tmp_path: Path,
    rows: Sequence[Sequence[Any]] = (),
    *,
    header: Sequence[str] = OEWS_HEADER,
    notes: Sequence[Sequence[Any]] = NOTES,
    name: str = "national_M2024_dl.xlsx",
) -> Path:
    body = rows or [_oews_row("29-2070", "broad"), _oews_row()]
    return _write_workbook(
        tmp_path / name,
        {"national_M2024_dl": [header, *body], "Field Descriptions": notes},
    )


class TestOewsDamaged:
    """A national file that differs from the expected layout fails with BuildError, naming where."""

    def test_fixture_reads(self, tmp_path: Path) -> None:
        """The undamaged small file reads: the detailed row, its cells, the top code."""
        table = up.read_oews_national(_oews_file(tmp_path))
        assert list(table.rows) == ["29-2072"]
        median = table.rows["29-2072"].column("A_MEDIAN")
        assert (median.text, median.cell) == ("50250", "T3")
        assert table.top_code.annual == 239200
        assert table.blank_columns == ("ANNUAL", "HOURLY", "JOBS_1000")

    def test_lower_case_header(self, tmp_path: Path) -> None:
        """Headers match whatever their case (May 2019 prints them in lower case)."""
        table = up.read_oews_national(_oews_file(tmp_path, header=[h.lower() for h in OEWS_HEADER]))
        assert table.rows["29-2072"].column("A_MEDIAN").header == "a_median"

    def test_renamed_header(self, tmp_path: Path) -> None:
        """A renamed value column is missing."""
        header = [("A_MED" if h == "A_MEDIAN" else h) for h in OEWS_HEADER]
        with pytest.raises(
            BuildError,
            match=r"national_M2024_dl.xlsx, sheet 'national_M2024_dl', row 1: no column A_MEDIAN",
        ):
            up.read_oews_national(_oews_file(tmp_path, header=header))

    def test_doubled_header(self, tmp_path: Path) -> None:
        """A column printed twice (in any case) fails."""
        header = [("tot_emp" if h == "JOBS_1000" else h) for h in OEWS_HEADER]
        with pytest.raises(BuildError, match="column TOT_EMP twice"):
            up.read_oews_national(_oews_file(tmp_path, header=header))

    def test_no_group_column(self, tmp_path: Path) -> None:
        """Without O_GROUP (or OCC_GROUP) the detailed rows cannot be told apart."""
        header = [("LEVEL" if h == "O_GROUP" else h) for h in OEWS_HEADER]
        with pytest.raises(BuildError, match="no column O_GROUP"):
            up.read_oews_national(_oews_file(tmp_path, header=header))

    def test_missing_threshold(self, tmp_path: Path) -> None:
        """A '#' note without the dollar thresholds fails, naming its cell."""
        notes = [*NOTES[:4], ("#  = indicates a wage equal to or greater than the top code",)]
        with pytest.raises(
            BuildError,
            match=r"sheet 'Field Descriptions', cell A5: the '#' note states no threshold",
        ):
            up.read_oews_national(_oews_file(tmp_path, notes=notes))

    def test_missing_marker(self, tmp_path: Path) -> None:
        """A file that does not define '**' fails."""
        notes = [row for row in NOTES if not str(row[0]).startswith("**")]
        with pytest.raises(BuildError, match=r"no definition of the marker\(s\) \*\*"):
            up.read_oews_national(_oews_file(tmp_path, notes=notes))

    def test_missing_heading(self, tmp_path: Path) -> None:
        """Without 'May <year> OEWS Estimates' the year is unknown."""
        with pytest.raises(BuildError, match="no heading 'May <year> OEWS Estimates'"):
            up.read_oews_national(_oews_file(tmp_path, notes=NOTES[1:]))

    def test_year_differs_from_name(self, tmp_path: Path) -> None:
        """A May 2024 heading in a file named for May 2023 fails."""
        with pytest.raises(BuildError, match="is not the year the file name says"):
            up.read_oews_national(_oews_file(tmp_path, name="national_M2023_dl.xlsx"))

    def test_no_field_descriptions(self, tmp_path: Path) -> None:
        """A file without the Field Descriptions sheet fails, listing the sheets."""
        path = _write_workbook(tmp_path / "national_M2024_dl.xlsx", {"data": [OEWS_HEADER]})
        with pytest.raises(BuildError, match=r"no sheet 'Field Descriptions' \(sheets: 'data'\)"):
            up.read_oews_national(path)

    @pytest.mark.parametrize(
        ("change", "message"),
        [
            (
                {"A_MEDIAN": "**"},
                (
                    r"cell T2: A_MEDIAN of 29-2072 is '\*\*', neither a number nor a marker"
                    r" that column may hold \(# \*\)"
                ),
            ),
            ({"TOT_EMP": "#"}, r"cell H2: TOT_EMP of 29-2072 is '#'"),
            ({"H_MEAN": "n/a"}, r"cell J2: H_MEAN of 29-2072 is 'n/a'"),
            ({"H_MEAN": None}, r"cell J2: H_MEAN of 29-2072 is blank"),
            ({"ANNUAL": "yes"}, r"cell X2: flag 'yes' is neither TRUE nor blank"),
            ({"OCC_CODE": "292072"}, r"cell E2: code '292072' is not NN-NNNN"),
        ],
    )
    def test_bad_value(self, tmp_path: Path, change: dict[str, Any], message: str) -> None:
        """A value the file does not define, a blank, a bad flag or code fails, naming its cell."""
        with pytest.raises(BuildError, match=message):
            up.read_oews_national(_oews_file(tmp_path, [_oews_row(**change)]))

    def test_ambiguous_float(self, tmp_path: Path) -> None:
        """A float stored with noise digits (as Excel may write 24.16) fails, naming its cell."""
        path = _oews_file(tmp_path, [_oews_row(H_MEAN=12345.678)])
        _patch_xlsx(
            path, "xl/worksheets/sheet1.xml", b"<v>12345.678</v>", b"<v>24.159999999999997</v>"
        )
        with pytest.raises(
            BuildError, match=r"cell J2: float 24.159999999999997 has no unambiguous"
        ):
            up.read_oews_national(path)

    def test_allowed_markers(self, tmp_path: Path) -> None:
        """A wage column may hold * and #, employment **: those read as they are."""
        row = _oews_row(A_PCT90="#", H_MEAN="*", TOT_EMP="**", EMP_PRSE="**")
        table = up.read_oews_national(_oews_file(tmp_path, [row]))
        values = table.rows["29-2072"]
        assert [values.column(c).text for c in ("A_PCT90", "H_MEAN", "TOT_EMP")] == ["#", "*", "**"]

    def test_second_detailed_row(self, tmp_path: Path) -> None:
        """A code with two detailed national rows fails."""
        with pytest.raises(
            BuildError, match=r"cell E3: 29-2072 has a second detailed row \(the first is row 2\)"
        ):
            up.read_oews_national(_oews_file(tmp_path, [_oews_row(), _oews_row()]))

    def test_other_ownership_skipped(self, tmp_path: Path) -> None:
        """A row of another ownership or industry is not the cross-industry estimate: skipped."""
        rows = [_oews_row(OWN_CODE="5", A_MEDIAN=1), _oews_row(NAICS="622000"), _oews_row()]
        table = up.read_oews_national(_oews_file(tmp_path, rows))
        assert table.rows["29-2072"].row == 4


# -- Employment Projections --------------------------------------------------------------


class TestEp:
    """EP Table 1.2 reads row by row, each value as stored with its cell."""

    def test_medical_records_specialists(self, ep: dict[str, up.EpRow]) -> None:
        """29-2072's row 486, as the README quotes it."""
        row = ep["29-2072"]
        texts = {name: value.text for name, value in row.cells.items()}
        assert texts == {
            "title": "      Medical records specialists",
            "code": "29-2072",
            "occupation_type": "Line item",
            "employment_2024": "194.8",
            "employment_2034": "208.6",
            "change_numeric": "13.8",
            "change_percent": "7.1",
            "self_employed_percent": "0.8",
            "openings_annual": "14.2",
            "median_wage_2024": "50250",
            "education": "Postsecondary nondegree award",
            "work_experience": "None",
            "training": "None",
        }
        assert (row.title, row.indent, row.row, row.line_item) == (
            "Medical records specialists",
            6,
            486,
            True,
        )

    def test_cells_and_locator(self, ep: dict[str, up.EpRow]) -> None:
        """Each value keeps its cell; the locator is file#sheet!cell."""
        cells = {name: value.cell for name, value in ep["29-2072"].cells.items()}
        assert cells["employment_2024"] == "D486"
        assert cells["training"] == "O486"
        assert (
            up.ep_locator(ep["29-2072"].cells["employment_2024"])
            == "occupation.xlsx#Table 1.2!D486"
        )

    def test_six_line_items(self, ep: dict[str, up.EpRow]) -> None:
        """Each of the six codes is a line item (a detailed occupation); no hybrid code appears."""
        for soc in up.SOCS:
            assert ep[soc].line_item, soc
        assert "29-2098" not in ep
        assert "29-9098" not in ep

    def test_summary_rows(self, ep: dict[str, up.EpRow]) -> None:
        """Aggregates are Summary rows; 1,113 codes in all, 832 line items."""
        assert not ep["29-2000"].line_item
        assert ep["00-0000"].cells["education"].text == "\u2014"
        assert Counter(row.occupation_type for row in ep.values()) == {
            "Line item": 832,
            "Summary": 281,
        }

    def test_int_stored(self, ep: dict[str, up.EpRow]) -> None:
        """43-6013's 2024 employment is stored as the integer 850 (thousand), printed "850"."""
        assert ep["43-6013"].cells["employment_2024"].text == "850"
        assert ep["31-9094"].cells["change_numeric"].text == "-2.2"


EP_HEADER = [
    up.EP_COLUMNS["title"],
    up.EP_COLUMNS["code"],
    up.EP_COLUMNS["occupation_type"],
    up.EP_COLUMNS["employment_2024"],
    up.EP_COLUMNS["employment_2034"],
    "Employment distribution, percent, 2024",
    "Employment distribution, percent, 2034",
    *list(up.EP_COLUMNS.values())[5:],
    "Related Occupational Outlook Handbook (OOH) content xlsx",
]
EP_ROW = ["      Medical records specialists", "29-2072", "Line item", 194.8, 208.6, 0.1, 0.1]
EP_ROW += [13.8, 7.1, 0.8, 14.2, 50250, "Postsecondary nondegree award", "None", "None", "OOH"]
EP_HEADING = (
    "Table 1.2 Occupational projections, 2024\u20132034, and worker characteristics, 2024"
    " (Employment in thousands)"
)


def _ep_file(
    tmp_path: Path,
    rows: Sequence[Sequence[Any]] = (EP_ROW,),
    header: Sequence[Any] = EP_HEADER,
    heading: str = EP_HEADING,
) -> Path:
    sheet = [[heading], header, *rows, [], ["Footnotes:"], ["Note: ..."]]
    return _write_workbook(tmp_path / "occupation.xlsx", {"Index": [["x"]], "Table 1.2": sheet})


class TestEpDamaged:
    """A Table 1.2 that differs from the expected layout fails with BuildError, naming where."""

    def test_fixture_reads(self, tmp_path: Path) -> None:
        """The undamaged small table reads like the real one."""
        table = up.read_ep_table(_ep_file(tmp_path))
        assert table["29-2072"].cells["openings_annual"].text == "14.2"
        assert table["29-2072"].cells["openings_annual"].cell == "K3"

    def test_renamed_header(self, tmp_path: Path) -> None:
        """A header whose text changed is a missing column."""
        header = [("Employment, 2025" if h == "Employment, 2024" else h) for h in EP_HEADER]
        with pytest.raises(
            BuildError,
            match=r"occupation.xlsx, sheet 'Table 1.2', row 2: no column 'Employment, 2024'",
        ):
            up.read_ep_table(_ep_file(tmp_path, header=header))

    def test_moved_column(self, tmp_path: Path) -> None:
        """Two columns swapped (2024 and 2034 employment) fail loudly."""
        header = list(EP_HEADER)
        header[3], header[4] = header[4], header[3]
        with pytest.raises(BuildError, match="the columns are out of order"):
            up.read_ep_table(_ep_file(tmp_path, header=header))

    def test_doubled_header(self, tmp_path: Path) -> None:
        """A header printed twice is ambiguous."""
        header = [*EP_HEADER, "Occupation type"]
        with pytest.raises(BuildError, match="two column 'Occupation type'"):
            up.read_ep_table(_ep_file(tmp_path, header=header))

    def test_header_row_moved(self, tmp_path: Path) -> None:
        """The header must be row 2: one row lower, nothing matches."""
        path = _write_workbook(
            tmp_path / "occupation.xlsx", {"Table 1.2": [[EP_HEADING], [], EP_HEADER, EP_ROW]}
        )
        with pytest.raises(BuildError, match="row 2: no column"):
            up.read_ep_table(path)

    def test_other_heading(self, tmp_path: Path) -> None:
        """Another table's heading in A1 fails."""
        with pytest.raises(BuildError, match=r"cell A1: heading 'Table 1.3"):
            up.read_ep_table(_ep_file(tmp_path, heading="Table 1.3 Something else"))

    @pytest.mark.parametrize(
        ("column", "value", "message"),
        [
            (1, "29-2072.00", r"cell B3: code '29-2072.00' is not NN-NNNN"),
            (2, "Detail", r"cell C3: occupation type 'Detail' is unknown"),
            (3, None, r"cell D3: 'Employment, 2024' is blank"),
        ],
    )
    def test_bad_value(self, tmp_path: Path, column: int, value: object, message: str) -> None:
        """A malformed code, an unknown occupation type or a blank value fails."""
        row = list(EP_ROW)
        row[column] = value
        with pytest.raises(BuildError, match=message):
            up.read_ep_table(_ep_file(tmp_path, [row]))

    def test_repeated_code(self, tmp_path: Path) -> None:
        """A code in two rows fails."""
        with pytest.raises(BuildError, match=r"cell B4: 29-2072 again \(first in row 3\)"):
            up.read_ep_table(_ep_file(tmp_path, [EP_ROW, EP_ROW]))

    def test_code_after_end(self, tmp_path: Path) -> None:
        """A coded row after a row without code (the footnotes) fails."""
        other = [*EP_ROW[:1], "29-9021", *EP_ROW[2:]]
        with pytest.raises(BuildError, match=r"cell B5: a code after the table ended at row 4"):
            up.read_ep_table(_ep_file(tmp_path, [EP_ROW, [None], other]))

    def test_no_sheet(self, tmp_path: Path) -> None:
        """A workbook without Table 1.2 fails."""
        path = _write_workbook(tmp_path / "occupation.xlsx", {"Table 1.1": [["x"]]})
        with pytest.raises(BuildError, match=r"no sheet 'Table 1\.2'"):
            up.read_ep_table(path)

    def test_not_a_workbook(self, tmp_path: Path) -> None:
        """A file that is not an xlsx workbook fails, naming it."""
        path = tmp_path / "occupation.xlsx"
        path.write_text("not a zip")
        with pytest.raises(BuildError, match=r"occupation\.xlsx: not a readable xlsx workbook"):
            up.read_ep_table(path)


# -- O*NET -------------------------------------------------------------------------------

TASK_22881 = (
    "Identify, compile, abstract, and code patient data, using standard classification systems."
)
# tasks, core, supplemental, unrated; technology, hot, in demand; alternate, reported titles; zone
ONET_COUNTS = {
    "29-2072.00": (17, 0, 0, 17, 111, 24, 5, 53, 8, 3),
    "29-9021.00": (16, 0, 0, 16, 111, 23, 4, 28, 2, 3),
    "11-9111.00": (18, 17, 1, 0, 127, 41, 3, 95, 10, 4),
    "31-9094.00": (15, 13, 2, 0, 47, 9, 0, 24, 10, 3),
    "43-3021.00": (28, 12, 11, 5, 59, 13, 6, 116, 10, 3),
    "43-6013.00": (15, 11, 4, 0, 52, 13, 2, 46, 10, 2),
}


class TestOnet:
    """O*NET 29.3 reads per occupation, in each file's order."""

    def test_release(self) -> None:
        """Read Me.txt states release 29.3 of May 2025 under CC BY 4.0."""
        release = up.read_onet_release(up.ONET_DIR)
        assert release == up.OnetRelease(
            "29.3", "May 2025 Release", "Creative Commons Attribution 4.0 International License"
        )

    def test_codes(self, onet: dict[str, up.OnetOccupation]) -> None:
        """Each of the six 2018 SOC codes has its .00 O*NET-SOC code, titled as in SOC."""
        assert list(onet) == [f"{soc}.00" for soc in up.SOCS]
        assert onet["29-2072.00"].title == "Medical Records Specialists"
        assert onet["43-6013.00"].title == "Medical Secretaries and Administrative Assistants"

    def test_tasks_29_2072(self, onet: dict[str, up.OnetOccupation]) -> None:
        """29-2072.00 has 17 tasks, none rated, Task 22881 verbatim, in Task ID order."""
        tasks = onet["29-2072.00"].tasks
        assert [t.id for t in tasks] == list(range(22877, 22894))
        assert {t.task_type for t in tasks} == {None}
        task = next(t for t in tasks if t.id == 22881)
        assert task.text == TASK_22881

    def test_task_types(self, onet: dict[str, up.OnetOccupation]) -> None:
        """Task types read as Core or Supplemental where the file rates them."""
        kinds = Counter(t.task_type for t in onet["11-9111.00"].tasks)
        assert kinds == {"Core": 17, "Supplemental": 1}

    def test_epic(self, onet: dict[str, up.OnetOccupation]) -> None:
        """Epic Systems is medical software (43232610), hot and in demand, for 29-2072.00."""
        epic = [t for t in onet["29-2072.00"].technology if t.example == "Epic Systems"]
        assert len(epic) == 1
        assert (epic[0].commodity, epic[0].commodity_title, epic[0].hot, epic[0].in_demand) == (
            43232610,
            "Medical software",
            True,
            True,
        )

    def test_job_zones(self, onet: dict[str, up.OnetOccupation]) -> None:
        """Job zone 3 for 29-2072.00 and 29-9021.00."""
        assert onet["29-2072.00"].job_zone == 3
        assert onet["29-9021.00"].job_zone == 3

    @pytest.mark.parametrize("code", list(ONET_COUNTS))
    def test_counts(self, onet: dict[str, up.OnetOccupation], code: str) -> None:
        """Tasks by type, technology (hot, in demand), titles and job zone of each occupation."""
        o = onet[code]
        kinds = Counter(t.task_type for t in o.tasks)
        got = (
            len(o.tasks),
            kinds["Core"],
            kinds["Supplemental"],
            kinds[None],
            len(o.technology),
            sum(t.hot for t in o.technology),
            sum(t.in_demand for t in o.technology),
            len(o.alternate_titles),
            len(o.reported_titles),
            o.job_zone,
        )
        assert got == ONET_COUNTS[code]

    def test_titles(self, onet: dict[str, up.OnetOccupation]) -> None:
        """Alternate titles keep short titles and sources; reported titles their flag."""
        o = onet["29-2072.00"]
        rhit = next(t for t in o.alternate_titles if t.short_title == "RHIT")
        assert (rhit.title, rhit.sources, rhit.cell) == (
            "Registered Health Information Technician (RHIT)",
            "02",
            "C18131",
        )
        reported = {t.title: t.shown_in_my_next_move for t in o.reported_titles}
        assert reported["Coder"] is False
        assert reported["Registered Health Information Technician (RHIT)"] is True
        assert len(o.titles) == len(set(o.titles)) == 53  # each reported title is an alternate too
        assert "Medical Coder" in o.titles

    def test_description(self, onet: dict[str, up.OnetOccupation]) -> None:
        """The description is O*NET's, verbatim, with its line."""
        o = onet["29-2072.00"]
        assert o.description.startswith("Compile, process, and maintain medical records")
        assert o.line > 1

    def test_unknown_code(self) -> None:
        """A code O*NET does not have (a hybrid) fails before any large file is read."""
        with pytest.raises(BuildError, match=r"Occupation Data.txt: no occupation 29-2098.00"):
            up.read_onet(up.ONET_DIR, ["29-2098.00"])
        with pytest.raises(BuildError, match="not O\\*NET-SOC codes"):
            up.read_onet(up.ONET_DIR, ["29-2072"])

    def test_records(self, onet: dict[str, up.OnetOccupation]) -> None:
        """The sized records cite with the contract's locators; derived ones carry no citation."""
        record = up.onet_records(onet["29-2072.00"], None, cited=True)
        locators = {t["citation"]["locator"] for t in record["technology"]}
        assert "onet:technology:29-2072.00:43232610:Epic Systems" in locators
        assert record["tasks"][4]["citation"] == {
            "source": "onet-29.3",
            "quote": TASK_22881,
            "locator": "onet:task:22881",
        }
        bare = up.onet_records(onet["29-2072.00"], None, cited=False)
        assert "citation" not in bare["tasks"][0]
        assert up.json_size(bare)[1] < up.json_size(record)[1]


ONET_SMALL = "29-2072.00"


@pytest.fixture
def onet_small(tmp_path: Path) -> Path:
    """A copy of the O*NET files holding only 29-2072.00 (and the other tasks' IDs)."""
    target = tmp_path / "onet"
    target.mkdir()
    for name in up.ONET_FILES:
        lines = (up.ONET_DIR / name).read_text(encoding="utf-8").splitlines(keepends=True)
        kept = [lines[0], *(line for line in lines[1:] if line.startswith(ONET_SMALL))]
        (target / name).write_text("".join(kept), encoding="utf-8")
    shutil.copyfile(up.ONET_DIR / "Read Me.txt", target / "Read Me.txt")
    rows: list[list[Any]] = [
        list(up.ONET_ALTERNATE_HEADER),
        [ONET_SMALL, "Medical Records Specialists", "Coder", None, "02"],
        [
            ONET_SMALL,
            "Medical Records Specialists",
            "Registered Health Information Technician (RHIT)",
            "RHIT",
            "02",
        ],
        ["11-9111.00", "Medical and Health Services Managers", "Clinic Manager", None, "08"],
    ]
    _write_workbook(target / up.ONET_ALTERNATE_TITLES, {"Alternate Titles": rows})
    return target


def _edit(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


class TestOnetDamaged:
    """O*NET files that differ from O*NET's layout fail with BuildError, naming file and line."""

    def test_fixture_reads(self, onet_small: Path, onet: dict[str, up.OnetOccupation]) -> None:
        """The small copy reads the same tasks, technology, zone and titles as the real one."""
        small = up.read_onet(onet_small, [ONET_SMALL])[ONET_SMALL]
        real = onet[ONET_SMALL]
        assert [(t.id, t.text) for t in small.tasks] == [(t.id, t.text) for t in real.tasks]
        assert [t[:5] for t in map(dataclasses.astuple, small.technology)] == [
            t[:5] for t in map(dataclasses.astuple, real.technology)
        ]
        assert small.job_zone == real.job_zone
        assert [t.title for t in small.reported_titles] == [t.title for t in real.reported_titles]
        assert [t.short_title for t in small.alternate_titles] == [None, "RHIT"]

    def test_non_integer_task_id(self, onet_small: Path) -> None:
        """A Task ID that is not an integer fails, naming the line."""
        _edit(onet_small / "Task Statements.txt", lambda t: t.replace("\t22881\t", "\t22881a\t"))
        with pytest.raises(
            BuildError, match=r"Task Statements.txt, line 6: Task ID '22881a' is not an integer"
        ):
            up.read_onet(onet_small, [ONET_SMALL])

    def test_repeated_task_id(self, onet_small: Path) -> None:
        """A Task ID twice in the file fails."""
        _edit(onet_small / "Task Statements.txt", lambda t: t.replace("\t22882\t", "\t22881\t"))
        with pytest.raises(BuildError, match=r"line 7: Task ID 22881 again \(line 6\)"):
            up.read_onet(onet_small, [ONET_SMALL])

    def test_renamed_header(self, onet_small: Path) -> None:
        """A header line that differs from O*NET's fails."""
        _edit(onet_small / "Task Statements.txt", lambda t: t.replace("Task ID", "TaskID", 1))
        with pytest.raises(
            BuildError,
            match=r"Task Statements.txt, line 1: header 'O\*NET-SOC Code\\tTitle\\tTaskID",
        ):
            up.read_onet(onet_small, [ONET_SMALL])

    @pytest.mark.parametrize(
        ("name", "old", "new", "message"),
        [
            (
                "Task Statements.txt",
                "\t\t\t11/2020",
                "\tCore?\t\t11/2020",
                r"line 2: Task Type 'Core\?' is unknown",
            ),
            (
                "Technology Skills.txt",
                "Epic Systems\t43232610\tMedical software\tY",
                "Epic Systems\t43232610\tMedical software\tYes",
                r"Technology Skills.txt, line \d+: Hot Technology 'Yes' is neither Y nor N",
            ),
            (
                "Technology Skills.txt",
                "\t43232610\t",
                "\t4323261O\t",
                r"Commodity Code '4323261O' is not an integer",
            ),
            (
                "Job Zones.txt",
                "\t3\t",
                "\t6\t",
                r"Job Zones.txt, line 2: 29-2072.00 zone 6, expected one zone 1-5",
            ),
            (
                "Job Zones.txt",
                "\t3\t",
                "\t3\textra\t",
                r"Job Zones.txt, line 2: 6 tab-separated fields, expected 5",
            ),
            (
                "Sample of Reported Titles.txt",
                "\tCoder\tN",
                "\tCoder\tn",
                r"Shown in My Next Move 'n' is neither Y nor N",
            ),
            (
                "Occupation Data.txt",
                "Medical Records Specialists\tCompile",
                "Medical Record Specialists\tCompile",
                (
                    r"Task Statements.txt, line 2: 29-2072.00 is titled"
                    r" 'Medical Records Specialists', not 'Medical Record Specialists'"
                ),
            ),
        ],
    )
    def test_bad_field(self, onet_small: Path, name: str, old: str, new: str, message: str) -> None:
        """An unknown Task Type, flag, code, zone, field count or title fails, naming the line."""
        _edit(onet_small / name, lambda t: t.replace(old, new, 1))
        with pytest.raises(BuildError, match=message):
            up.read_onet(onet_small, [ONET_SMALL])

    def test_repeated_technology(self, onet_small: Path) -> None:
        """An example twice under one commodity fails: its locator would name two rows."""

        def twice(text: str) -> str:
            lines = text.splitlines(keepends=True)
            return "".join([*lines, lines[1]])

        _edit(onet_small / "Technology Skills.txt", twice)
        with pytest.raises(
            BuildError, match=r"example '3M Encoder' of 29-2072.00 again \(line 2\)"
        ):
            up.read_onet(onet_small, [ONET_SMALL])

    def test_missing_job_zone(self, onet_small: Path) -> None:
        """An occupation without a job zone fails."""
        _edit(onet_small / "Job Zones.txt", lambda t: t.splitlines(keepends=True)[0])
        with pytest.raises(BuildError, match=r"Job Zones.txt: no job zone for 29-2072.00"):
            up.read_onet(onet_small, [ONET_SMALL])

    def test_not_utf8(self, onet_small: Path) -> None:
        """Bytes that are not UTF-8 fail, naming the line."""
        path = onet_small / "Task Statements.txt"
        path.write_bytes(path.read_bytes().replace(b"Transcribe", b"Tr\xe9nscribe"))
        with pytest.raises(BuildError, match=r"Task Statements.txt, line 18: not UTF-8"):
            up.read_onet(onet_small, [ONET_SMALL])

    def test_carriage_return(self, onet_small: Path) -> None:
        """A CRLF file fails: each field must be exactly as O*NET wrote it."""
        path = onet_small / "Job Zones.txt"
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
        with pytest.raises(BuildError, match=r"Job Zones.txt, line 1: header"):
            up.read_onet(onet_small, [ONET_SMALL])

    def test_alternate_header(self, onet_small: Path) -> None:
        """Alternate Titles.xlsx with another header fails."""
        rows = [["O*NET-SOC Code", "Title", "Alternate Title", "Short", "Source(s)"]]
        _write_workbook(onet_small / up.ONET_ALTERNATE_TITLES, {"Alternate Titles": rows})
        with pytest.raises(
            BuildError, match=r"Alternate Titles.xlsx, sheet 'Alternate Titles', row 1: header"
        ):
            up.read_onet(onet_small, [ONET_SMALL])

    def test_alternate_repeated(self, onet_small: Path) -> None:
        """An alternate title twice for one occupation fails, naming its cell."""
        row: list[Any] = [ONET_SMALL, "Medical Records Specialists", "Coder", None, "02"]
        rows = [list(up.ONET_ALTERNATE_HEADER), row, row]
        _write_workbook(onet_small / up.ONET_ALTERNATE_TITLES, {"Alternate Titles": rows})
        with pytest.raises(
            BuildError, match=r"cell C3: alternate title 'Coder' of 29-2072.00 again"
        ):
            up.read_onet(onet_small, [ONET_SMALL])

    def test_release_version(self, onet_small: Path) -> None:
        """A Read Me.txt of another release fails."""
        _edit(onet_small / "Read Me.txt", lambda t: t.replace("29.3", "29.2", 1))
        with pytest.raises(
            BuildError,
            match=r"Read Me.txt, line 1: 'O\*NET 29.2 Database', expected 'O\*NET 29.3 Database'",
        ):
            up.read_onet_release(onet_small)

    def test_release_license(self, onet_small: Path) -> None:
        """A Read Me.txt without the license sentence fails."""
        _edit(onet_small / "Read Me.txt", lambda t: t.replace("licensed under", "offered under"))
        with pytest.raises(BuildError, match="no 'licensed under a Creative Commons"):
            up.read_onet_release(onet_small)


# -- 2018 SOC definitions ---------------------------------------------------------------

DEFINITION_29_2072 = (
    "Compile, process, and maintain medical records of hospital and clinic patients in a manner"
    " consistent with medical, administrative, ethical, legal, and regulatory requirements of the"
    " healthcare system. Classify medical and healthcare concepts, including diagnosis,"
    " procedures, medical services, and equipment, into the healthcare industry\u2019s numerical"
    " coding system. Includes medical coders. Excludes \u201cHealth Information Technologists and"
    " Medical Registrars\u201d (29-9021) and \u201cFile Clerks\u201d (43-4071)."
)


class TestSoc:
    """The 2018 SOC definitions read verbatim, and the check copy agrees."""

    def test_29_2072(self, soc: up.SocFile) -> None:
        """29-2072's definition, verbatim (curly quotes), includes medical coders."""
        definition = up.soc_definitions(soc)["29-2072"]
        assert definition == up.SocDefinition(
            "29-2072", "Medical Records Specialists", DEFINITION_29_2072, "D611"
        )
        assert "Includes medical coders." in definition.definition

    def test_six(self, soc: up.SocFile) -> None:
        """Each of the six codes is a detailed occupation with a definition."""
        definitions = up.soc_definitions(soc)
        for code in up.SOCS:
            assert definitions[code].definition, code

    def test_unicode_hyphen(self, soc: up.SocFile) -> None:
        """29-9021's definition writes "29\u20102072" with U+2010 HYPHEN, as the file stores it."""
        assert up.soc_definitions(soc)["29-9021"].definition.endswith(
            "Excludes \u201cMedical Records Specialists\u201d (29\u20102072)."
        )

    def test_no_hybrids(self, soc: up.SocFile) -> None:
        """The OEWS/EP hybrid codes 29-2098 and 29-9098 are not SOC codes."""
        assert "29-2098" not in soc.rows
        assert "29-9098" not in soc.rows

    def test_counts_and_edition(self, soc: up.SocFile) -> None:
        """1,447 coded rows, 867 of them detailed; the edition line is in the preamble."""
        assert Counter(row.group for row in soc.rows.values()) == {
            "Major": 23,
            "Minor": 98,
            "Broad": 459,
            "Detailed": 867,
        }
        edition = "November 2017 (for reference year January 2018 - Updated April 15, 2020)"
        assert edition in soc.preamble

    def test_copy_agrees(self, soc: up.SocFile, soc_copy: up.SocFile) -> None:
        """Every coded row of the check copy equals the main copy (though at other rows)."""
        assert up.check_soc(soc, soc_copy) == []
        assert soc_copy.rows["29-2072"].cell == "D607"

    def test_altered_copy(self, soc: up.SocFile, soc_copy: up.SocFile) -> None:
        """A changed definition or a missing row is reported."""
        rows = dict(soc_copy.rows)
        rows["29-2072"] = dataclasses.replace(rows["29-2072"], definition="Code.")
        del rows["29-9021"]
        altered = dataclasses.replace(soc_copy, rows=MappingProxyType(rows))
        problems = up.check_soc(soc, altered)
        assert problems == [
            (
                f"29-2072 definition: soc_2018_definitions.xlsx D611 {DEFINITION_29_2072!r},"
                " soc_2018_definitions.coeifaria.xlsx D607 'Code.'"
            ),
            "29-9021: only in soc_2018_definitions.xlsx",
        ]


SOC_ROWS = [
    ["U.S. Bureau of Labor Statistics"],
    [],
    ["SOC Group", "SOC Code", "SOC Title", "SOC Definition"],
    ["Major", "29-0000", "Healthcare Practitioners and Technical Occupations", ""],
    ["Detailed", "29-2072", "Medical Records Specialists", "Compile. Includes medical coders."],
]


def _soc_file(tmp_path: Path, rows: Sequence[Sequence[Any]] = SOC_ROWS) -> Path:
    return _write_workbook(tmp_path / "soc.xlsx", {"2018 SOC": rows})


class TestSocDamaged:
    """A SOC file that differs from the expected layout fails with BuildError, naming the cell."""

    def test_fixture_reads(self, tmp_path: Path) -> None:
        """The undamaged small file reads: only the detailed row is a definition."""
        definitions = up.read_soc_definitions(_soc_file(tmp_path))
        assert definitions == {
            "29-2072": up.SocDefinition(
                "29-2072", "Medical Records Specialists", "Compile. Includes medical coders.", "D5"
            )
        }

    def test_no_header(self, tmp_path: Path) -> None:
        """A renamed header column means no header row."""
        rows = [*SOC_ROWS[:2], ["SOC Group", "SOC Code", "SOC Title", "Definition"], *SOC_ROWS[3:]]
        with pytest.raises(BuildError, match=r"soc.xlsx, sheet '2018 SOC': no header row"):
            up.read_soc(_soc_file(tmp_path, rows))

    @pytest.mark.parametrize(
        ("row", "message"),
        [
            (
                ["Detailed", "29-2073", "Medical Records Specialists", ""],
                r"cell D6: detailed 29-2073 has no definition",
            ),
            (
                ["Detail", "29-2073", "X", "Y"],
                r"cell B6: 'Detail' '29-2073' is not a group and an NN-NNNN code",
            ),
            (["Detailed", "29-2072", "X", "Y"], r"cell B6: 29-2072 again \(first in D5\)"),
            (["Detailed", "29-2073", None, "Y"], r"cell C6: 29-2073 has no title"),
            (["Note: something"], r"cell B6: 'Note: something' None is not a group"),
        ],
    )
    def test_bad_row(self, tmp_path: Path, row: list[Any], message: str) -> None:
        """A definition missing, an unknown group, a repeated code or a stray note fails."""
        with pytest.raises(BuildError, match=message):
            up.read_soc(_soc_file(tmp_path, [*SOC_ROWS, row]))


def test_module_is_a_tool() -> None:
    """No module of the library imports the upstream readers or openpyxl."""
    imports = re.compile(r"^\s*(?:import|from)\s+(?:upstream|openpyxl|build_data)\b", re.MULTILINE)
    source = REPO / "src" / "medcoder_careers"
    assert list(source.rglob("*.py"))
    for path in source.rglob("*.py"):
        assert imports.search(path.read_text(encoding="utf-8")) is None, path
