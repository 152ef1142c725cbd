"""Readers of the upstream files of release 2027.1: a build-time tool the library never imports.

The files sit in ``sources/upstream/`` (copied byte for byte from
``../shared/upstream/``; ``sources/upstream/README.md`` says what each is):

- OEWS national estimates, May 2019 to May 2024 (`read_oews_national`), with
  independent copies of May 2020, 2022 and 2024 (`check_against`);
- Employment Projections 2024-34, Table 1.2 (`read_ep_table`);
- O*NET 29.3 (`read_onet`, `read_onet_release`);
- the 2018 SOC definitions (`read_soc`, `read_soc_definitions`, `check_soc`).

Each reader returns what the file stores, each value with the place it was
read from (file, sheet, cell or line), so a checker can find it again, and
fails with `BuildError` (naming file, sheet and cell, or line) on anything it
does not expect: a renamed or moved column, a marker the file does not
define, a number it cannot print unambiguously, a duplicated row.

A value read from a workbook keeps its text exactly as the cell stores it
(`plain_text`): an integer ``50250`` is ``"50250"``, a float the shortest
text that reads back as the same number (``35.3``, ``24.16``), and a marker
(``*``, ``**``, ``#``) or any other text as it is.

Run it to print what the files hold for the catalog's six occupations, and
an estimate of what the O*NET and SOC records would add to the wheel::

    python tools/upstream.py
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import sys
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any, Final

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook

from pinned import CATALOG_SOCS as DEFAULT_SOCS
from pinned import BuildError

REPO = Path(__file__).resolve().parents[1]
UPSTREAM = REPO / "sources" / "upstream"

OEWS_DIR = UPSTREAM / "oews"
OEWS_YEARS: Final = tuple(range(2019, 2025))
# Independent copies of the same releases (PROVENANCE.tsv): each value is checked against them.
OEWS_CHECKS: Final[Mapping[int, tuple[Path, ...]]] = MappingProxyType(
    {
        2020: (OEWS_DIR / "check" / "national_M2020_dl.nmontana42.xlsx",),
        2022: (OEWS_DIR / "check" / "national_M2022_dl.CelineSilingSong.xlsx",),
        2024: (
            OEWS_DIR / "check" / "national_M2024_dl.jj-squared.xlsx",
            OEWS_DIR / "check" / "national_M2024_dl.victorsrosas.xlsx",
        ),
    }
)
EP_PATH = UPSTREAM / "ep" / "occupation.xlsx"
ONET_DIR = UPSTREAM / "onet-29.3"
ONET_VERSION = "29.3"
SOC_PATH = UPSTREAM / "soc" / "soc_2018_definitions.xlsx"
SOC_CHECK_PATH = UPSTREAM / "soc" / "check" / "soc_2018_definitions.coeifaria.xlsx"

SOCS: Final = DEFAULT_SOCS  # the catalog's six 2018 SOC codes
ONET_CODES: Final = tuple(f"{soc}.00" for soc in SOCS)  # the O*NET-SOC code of each
# OEWS May 2019 and May 2020 count two of the six in OEWS/EP hybrid codes.
HYBRIDS: Final[Mapping[str, str]] = MappingProxyType({"29-2072": "29-2098", "29-9021": "29-9098"})

_SOC = re.compile(r"\d\d-\d{4}")
_ONET_SOC = re.compile(r"\d\d-\d{4}\.\d\d")
_INT = re.compile(r"[0-9]+")
_SIGNIFICANT = 15  # digits a float's shortest text may have and still name one decimal


# -- values as stored ----------------------------------------------------------------


def plain_text(value: object, where: str) -> str:
    """Return a cell value as plain text, as the file stores it.

    An int prints as ``str`` (``50250``), a float as its shortest round-trip
    text (``35.3``; ``20.0`` stays ``20.0``), a string as it is.

    Raises:
        BuildError: *value* is empty, a bool, a date or another type; or a
            float whose shortest text has more than 15 significant digits or
            an exponent (``24.159999999999997``), so that which decimal the
            file means is ambiguous. The message starts with *where*.
    """
    if isinstance(value, str):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        text = repr(value)
        digits = text.lstrip("-").replace(".", "").lstrip("0")
        if not math.isfinite(value) or "e" in text or len(digits) > _SIGNIFICANT:
            msg = f"{where}: float {text} has no unambiguous decimal text"
            raise BuildError(msg)
        return text
    msg = f"{where}: {type(value).__name__} {value!r} is neither a number nor text"
    raise BuildError(msg)


def _is_number(text: str) -> bool:
    """Return whether *text* (from `plain_text`) is a number."""
    return re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text) is not None


@dataclass(frozen=True)
class CellValue:
    """One cell of a workbook: its value as plain text and where it is.

    Attributes:
        text: The value as the cell stores it, as plain text (`plain_text`).
        file: The workbook's file name (``"occupation.xlsx"``).
        sheet: The sheet's name (``"Table 1.2"``).
        cell: The cell reference (``"D486"``).
        header: The column's header as the file prints it (``"A_MEDIAN"``,
            ``"a_median"``, ``"Employment, 2024"``).
    """

    text: str
    file: str
    sheet: str
    cell: str
    header: str

    @property
    def is_number(self) -> bool:
        """Whether the text is a number (not a marker or words)."""
        return _is_number(self.text)

    @property
    def number(self) -> Decimal | None:
        """The number the text states, or None for a marker or words."""
        return Decimal(self.text) if self.is_number else None


def locator(value: CellValue) -> str:
    """Return the contract's locator of a cell: ``occupation.xlsx#Table 1.2!D486``."""
    return f"{value.file}#{value.sheet}!{value.cell}"


def ep_locator(value: CellValue) -> str:
    """Return the contract's locator of an EP Table 1.2 cell: ``occupation.xlsx#Table 1.2!D486``."""
    return locator(value)


# -- workbooks -----------------------------------------------------------------------


@contextlib.contextmanager
def _workbook(path: Path) -> Iterator[Workbook]:
    """Open the workbook at *path* read-only, values as stored; close it after use."""
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, InvalidFileException) as exc:
        msg = f"{path.name}: not a readable xlsx workbook ({type(exc).__name__}: {exc})"
        raise BuildError(msg) from exc
    try:
        yield book
    finally:
        book.close()


def _sheet_rows(book: Workbook, name: str | None, path: Path) -> tuple[str, list[tuple[Any, ...]]]:
    """Return the name and the rows (values, from row 1) of sheet *name* (None: the first)."""
    names = book.sheetnames
    if name is None:
        if not names:
            msg = f"{path.name}: the workbook has no sheet"
            raise BuildError(msg)
        name = names[0]
    elif name not in names:
        msg = f"{path.name}: no sheet {name!r} (sheets: {', '.join(map(repr, names))})"
        raise BuildError(msg)
    sheet = book[name]
    # read-only sheets fill missing rows, so row n is list index n - 1
    rows = list(sheet.iter_rows(values_only=True))
    return name, rows


def _cell(row: int, column: int) -> str:
    """Return the reference of the cell at 1-based *row* and 0-based *column* (``"AB597"``)."""
    return f"{get_column_letter(column + 1)}{row}"


def _get(row: Sequence[Any], column: int) -> Any:  # noqa: ANN401 - a cell holds any value
    """Return the value at 0-based *column* of *row*, None past its end."""
    return row[column] if column < len(row) else None


def _blank(value: object) -> bool:
    """Return whether a cell value is empty (no value, or an empty or blank string)."""
    return value is None or (isinstance(value, str) and not value.strip())


def _where(path: Path, sheet: str, cell: str) -> str:
    """Return how an error names a cell."""
    return f"{path.name}, sheet {sheet!r}, cell {cell}"


# -- OEWS national ---------------------------------------------------------------------

# The value columns and the BLS OEWS datatype code of each (oe.datatype).
OEWS_DATATYPES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "TOT_EMP": "01",
        "EMP_PRSE": "02",
        "H_MEAN": "03",
        "A_MEAN": "04",
        "MEAN_PRSE": "05",
        "H_PCT10": "06",
        "H_PCT25": "07",
        "H_MEDIAN": "08",
        "H_PCT75": "09",
        "H_PCT90": "10",
        "A_PCT10": "11",
        "A_PCT25": "12",
        "A_MEDIAN": "13",
        "A_PCT75": "14",
        "A_PCT90": "15",
    }
)
_EMPLOYMENT_COLUMNS = frozenset({"TOT_EMP", "EMP_PRSE"})
# The markers each column may hold (Field Descriptions: * wage, ** employment, # top code).
_MARKERS_ALLOWED: Final[Mapping[str, frozenset[str]]] = MappingProxyType(
    {
        column: (
            frozenset({"**"})
            if column in _EMPLOYMENT_COLUMNS
            else frozenset({"*"})
            if column == "MEAN_PRSE"
            else frozenset({"*", "#"})
        )
        for column in OEWS_DATATYPES
    }
)
_REQUIRED_MARKERS = ("*", "**", "#")
# Columns that, where a file has them, select the national, cross-industry, cross-ownership row.
_NATIONAL: Final[Mapping[str, str]] = MappingProxyType(
    {
        "AREA": "99",
        "AREA_TYPE": "1",
        "NAICS": "000000",
        "I_GROUP": "cross-industry",
        "OWN_CODE": "1235",
    }
)
_GROUP_COLUMNS = ("O_GROUP", "OCC_GROUP")  # the occupation level, spelled either way
_DETAILED = "detailed"
_FLAG_COLUMNS = ("ANNUAL", "HOURLY")  # "TRUE" where only annual (hourly) wages are released
_OEWS_TITLE = re.compile(r"May (\d{4}) OEW?S Estimates")
_MARKER_LINE = re.compile(r"(\*\*|\*|#|~)\s*=\s*(.+?)\s*")
_TOP_CODE = re.compile(
    r"equal to or greater than \$(\d{1,3}(?:,\d{3})*\.\d\d) per hour"
    r" or \$(\d{1,3}(?:,\d{3})*) per year"
)
_FILE_YEAR = re.compile(r"_M(\d{4})_")


@dataclass(frozen=True)
class Marker:
    """A marker the file's ``Field Descriptions`` sheet defines.

    Attributes:
        symbol: ``*``, ``**``, ``#`` (or ``~``, May 2024's mark of the
            percent of establishments reporting).
        meaning: The words after ``=``, stripped (``"indicates that a wage
            estimate is not available"``).
        text: The cell's text exactly as stored (``"*  = indicates that a
            wage estimate is not available"``; the ``#`` line ends in a space).
        cell: Its cell on that sheet (``"A44"``).
    """

    symbol: str
    meaning: str
    text: str
    cell: str


@dataclass(frozen=True)
class TopCode:
    """The thresholds of the ``#`` marker, read from the file's own ``Field Descriptions``.

    Attributes:
        hourly: The hourly top code in dollars (``Decimal("100.00")``).
        annual: The annual top code in dollars (``Decimal("208000")``).
        hourly_text: As printed (``"$100.00"``).
        annual_text: As printed (``"$208,000"``).
        marker: The ``#`` marker whose text states them.
    """

    hourly: Decimal
    annual: Decimal
    hourly_text: str
    annual_text: str
    marker: Marker


@dataclass(frozen=True)
class OewsRow:
    """The national, cross-industry, cross-ownership estimates of one detailed occupation.

    Attributes:
        soc: The SOC or OEWS code, dashed as the file prints it (``"29-2072"``).
        title: The occupation's title as printed.
        title_cell: The title's cell (``"J597"``).
        group: The occupation level as printed (``"detailed"``).
        row: The row number on the data sheet.
        values: The value of each datatype, by BLS datatype code (``"01"``
            employment ... ``"15"`` annual 90th percentile; `OEWS_DATATYPES`).
        annual_only: The file's ``ANNUAL`` flag (only annual wages released).
        hourly_only: The file's ``HOURLY`` flag (only hourly wages released).
    """

    soc: str
    title: str
    title_cell: str
    group: str
    row: int
    values: Mapping[str, CellValue]
    annual_only: bool
    hourly_only: bool

    def column(self, name: str) -> CellValue:
        """Return the value of the column *name* (``"A_MEDIAN"``, any case)."""
        return self.values[OEWS_DATATYPES[name.upper()]]


@dataclass(frozen=True)
class OewsNational:
    """One OEWS national file (``national_M<YEAR>_dl.xlsx``) as read.

    Attributes:
        file: The file name.
        year: The May of the estimates (from ``Field Descriptions`` A1).
        heading: That cell's text (``"May 2024 OEWS Estimates"``).
        sheet: The data sheet's name (the first sheet).
        markers: The markers ``Field Descriptions`` defines, by symbol.
        top_code: The ``#`` thresholds of that year.
        rows: Every detailed occupation's row, by dashed SOC code (``"29-2072"``).
        headers: Each column the file has, upper-cased, with its header as printed.
        blank_columns: The columns (upper-cased) present but blank on every row read
            (``JOBS_1000``, ``LOC_QUOTIENT``: not published for the nation).
    """

    file: str
    year: int
    heading: str
    sheet: str
    markers: Mapping[str, Marker]
    top_code: TopCode
    rows: Mapping[str, OewsRow]
    headers: Mapping[str, str]
    blank_columns: tuple[str, ...] = field(default=())

    @property
    def period(self) -> str:
        """The period of the estimates (``"2024-05"``)."""
        return f"{self.year}-05"


def oews_series_id(soc: str, datatype: str) -> str:
    """Return the BLS series id of a national cross-industry value (``OEUN...29207213``)."""
    if _SOC.fullmatch(soc) is None or datatype not in OEWS_DATATYPES.values():
        msg = f"no OEWS national series for SOC {soc!r} and datatype {datatype!r}"
        raise BuildError(msg)
    return f"OEUN0000000000000{soc.replace('-', '')}{datatype}"


def _field_descriptions(
    path: Path, rows: Sequence[Sequence[Any]], sheet: str
) -> tuple[int, str, dict[str, Marker], TopCode]:
    """Read the year, the markers and the top code from a ``Field Descriptions`` sheet."""
    year, heading = None, ""
    markers: dict[str, Marker] = {}
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            if not isinstance(value, str):
                continue
            if year is None and (title := _OEWS_TITLE.fullmatch(value.strip())):
                year, heading = int(title.group(1)), value
            elif line := _MARKER_LINE.fullmatch(value):
                symbol = line.group(1)
                if symbol in markers:
                    msg = f"{_where(path, sheet, _cell(number, column))}: marker {symbol!r} again"
                    raise BuildError(msg)
                markers[symbol] = Marker(symbol, line.group(2), value, _cell(number, column))
    if year is None:
        msg = f"{path.name}, sheet {sheet!r}: no heading 'May <year> OEWS Estimates'"
        raise BuildError(msg)
    missing = [symbol for symbol in _REQUIRED_MARKERS if symbol not in markers]
    if missing:
        msg = f"{path.name}, sheet {sheet!r}: no definition of the marker(s) {' '.join(missing)}"
        raise BuildError(msg)
    top = markers["#"]
    found = _TOP_CODE.search(top.text)
    if found is None:
        msg = (
            f"{_where(path, sheet, top.cell)}: the '#' note states no threshold"
            f" '$H.HH per hour or $A per year': {top.text!r}"
        )
        raise BuildError(msg)
    hourly, annual = found.groups()
    top_code = TopCode(
        hourly=Decimal(hourly.replace(",", "")),
        annual=Decimal(annual.replace(",", "")),
        hourly_text=f"${hourly}",
        annual_text=f"${annual}",
        marker=top,
    )
    return year, heading, markers, top_code


def _header_index(path: Path, sheet: str, header: Sequence[Any]) -> dict[str, int]:
    """Map each upper-cased column name of a header row to its 0-based column."""
    index: dict[str, int] = {}
    for column, name in enumerate(header):
        if _blank(name):
            continue
        key = str(name).strip().upper()
        if key in index:
            cells = f"{_cell(1, index[key])} and {_cell(1, column)}"
            msg = f"{path.name}, sheet {sheet!r}: column {key} twice ({cells})"
            raise BuildError(msg)
        index[key] = column
    return index


def _require(path: Path, sheet: str, index: Mapping[str, int], names: Iterable[str]) -> None:
    """Fail unless the header has every column of *names*."""
    missing = [name for name in names if name not in index]
    if missing:
        msg = f"{path.name}, sheet {sheet!r}, row 1: no column {', '.join(missing)}"
        raise BuildError(msg)


def _flag(path: Path, sheet: str, row: Sequence[Any], number: int, column: int | None) -> bool:
    """Read an ``ANNUAL``/``HOURLY`` flag: ``TRUE`` or blank."""
    if column is None:
        return False
    value = _get(row, column)
    if _blank(value):
        return False
    if value in {"TRUE", True}:
        return True
    msg = f"{_where(path, sheet, _cell(number, column))}: flag {value!r} is neither TRUE nor blank"
    raise BuildError(msg)


def read_oews_national(path: Path) -> OewsNational:
    """Read an OEWS national file: every detailed occupation's national estimates.

    The data sheet is the first sheet; its column names are matched without
    regard to case (``occ_code`` in May 2019, ``OCC_CODE`` from May 2020).
    Where the file has area, industry and ownership columns, only the
    national (``AREA`` 99), cross-industry (``NAICS`` 000000), cross-ownership
    (``OWN_CODE`` 1235) rows are read; of those, the ``detailed`` rows (an
    occupation OEWS aggregates to the broad level appears twice, once
    ``broad`` and once ``detailed``). Rows are keyed by the dashed code.

    Raises:
        BuildError: the year, a marker or the top code is not found in
            ``Field Descriptions``; a column is missing or doubled; a code
            has two detailed rows; a value is blank, not a number, a marker
            its column may not hold, or a float with ambiguous text.
    """
    with _workbook(path) as book:
        sheet, rows = _sheet_rows(book, None, path)
        notes, note_rows = _sheet_rows(book, "Field Descriptions", path)
    year, heading, markers, top_code = _field_descriptions(path, note_rows, notes)
    if (named := _FILE_YEAR.search(path.name)) and int(named.group(1)) != year:
        msg = f"{path.name}, sheet {notes!r}: {heading!r} is not the year the file name says"
        raise BuildError(msg)
    if not rows:
        msg = f"{path.name}, sheet {sheet!r}: empty"
        raise BuildError(msg)
    index = _header_index(path, sheet, rows[0])
    groups = [name for name in _GROUP_COLUMNS if name in index]
    if len(groups) != 1:
        msg = f"{path.name}, sheet {sheet!r}, row 1: no column O_GROUP (or OCC_GROUP)"
        raise BuildError(msg)
    _require(path, sheet, index, ("OCC_CODE", "OCC_TITLE", *OEWS_DATATYPES))
    headers = {key: str(rows[0][column]) for key, column in index.items()}
    layout = _Layout(path, sheet, headers, index, index[groups[0]], markers)
    code_column = index["OCC_CODE"]
    selectors = {index[name]: want for name, want in _NATIONAL.items() if name in index}
    found: dict[str, OewsRow] = {}
    blank = set(index)
    for number, row in enumerate(rows[1:], start=2):
        if all(_blank(value) for value in row):
            continue
        if any(str(_get(row, column)).strip() != want for column, want in selectors.items()):
            continue
        blank -= {key for key, column in index.items() if not _blank(_get(row, column))}
        if str(_get(row, layout.group_column)).strip() != _DETAILED:
            continue
        parsed = _oews_row(layout, row, number)
        if parsed.soc in found:
            msg = (
                f"{_where(path, sheet, _cell(number, code_column))}: {parsed.soc} has a second"
                f" detailed row (the first is row {found[parsed.soc].row})"
            )
            raise BuildError(msg)
        found[parsed.soc] = parsed
    return OewsNational(
        file=path.name,
        year=year,
        heading=heading,
        sheet=sheet,
        markers=MappingProxyType(markers),
        top_code=top_code,
        rows=MappingProxyType(found),
        headers=MappingProxyType(headers),
        blank_columns=tuple(sorted(blank)),
    )


@dataclass(frozen=True)
class _Layout:
    """What reading a row of an OEWS data sheet needs to know of the file."""

    path: Path
    sheet: str
    headers: Mapping[str, str]  # upper-cased column name -> header as printed
    index: Mapping[str, int]  # upper-cased column name -> 0-based column
    group_column: int
    markers: Mapping[str, Marker]


def _oews_row(layout: _Layout, row: Sequence[Any], number: int) -> OewsRow:
    """Read one detailed row of an OEWS national file."""
    path, sheet, index = layout.path, layout.sheet, layout.index
    code_column, title_column = index["OCC_CODE"], index["OCC_TITLE"]
    code = str(_get(row, code_column)).strip()
    if _SOC.fullmatch(code) is None:
        msg = f"{_where(path, sheet, _cell(number, code_column))}: code {code!r} is not NN-NNNN"
        raise BuildError(msg)
    title = _get(row, title_column)
    if _blank(title) or not isinstance(title, str):
        msg = f"{_where(path, sheet, _cell(number, title_column))}: {code} has no title"
        raise BuildError(msg)
    values = {}
    for name, datatype in OEWS_DATATYPES.items():
        column = index[name]
        cell = _cell(number, column)
        value = _get(row, column)
        if _blank(value):
            msg = f"{_where(path, sheet, cell)}: {name} of {code} is blank"
            raise BuildError(msg)
        text = plain_text(value, _where(path, sheet, cell))
        values[datatype] = CellValue(text, path.name, sheet, cell, layout.headers[name])
        _check_marker(layout, code, name, values[datatype])
    return OewsRow(
        soc=code,
        title=title,
        title_cell=_cell(number, title_column),
        group=str(_get(row, layout.group_column)),
        row=number,
        values=MappingProxyType(values),
        annual_only=_flag(path, sheet, row, number, index.get("ANNUAL")),
        hourly_only=_flag(path, sheet, row, number, index.get("HOURLY")),
    )


def _check_marker(layout: _Layout, code: str, name: str, value: CellValue) -> None:
    """Fail unless *value* is a number or a marker the file defines and column *name* may hold."""
    if value.is_number:
        return
    if value.text not in layout.markers or value.text not in _MARKERS_ALLOWED[name]:
        allowed = " ".join(sorted(_MARKERS_ALLOWED[name] & layout.markers.keys()))
        msg = (
            f"{_where(layout.path, value.sheet, value.cell)}: {name} of {code} is {value.text!r},"
            f" neither a number nor a marker that column may hold ({allowed})"
        )
        raise BuildError(msg)


def _same_value(main: CellValue, copy: CellValue) -> bool:
    """Return whether two cells state the same value: numerically for numbers, else exactly."""
    if main.is_number and copy.is_number:
        return main.number == copy.number
    return main.text == copy.text


def check_against(
    main: OewsNational, copy: OewsNational, socs: Iterable[str] | None = None
) -> list[str]:
    """Compare the values of *main* with an independent copy of the same release.

    Every value of the selected codes (*socs*, dashed; default every detailed
    row of *main*), its title, the year, the top code and the markers are
    compared: numbers numerically (``50250`` equals ``50250.0``), markers and
    text exactly.

    Returns:
        One line per disagreement, naming both files and cells; empty when they agree.
    """
    problems = []
    if main.year != copy.year:
        problems.append(f"{main.file} is May {main.year}, {copy.file} May {copy.year}")
    if (main.top_code.hourly, main.top_code.annual) != (copy.top_code.hourly, copy.top_code.annual):
        problems.append(
            f"top code {main.file} {main.top_code.hourly_text}/{main.top_code.annual_text},"
            f" {copy.file} {copy.top_code.hourly_text}/{copy.top_code.annual_text}"
        )
    for symbol, marker in main.markers.items():
        other = copy.markers.get(symbol)
        if other is None or other.meaning != marker.meaning:
            text = None if other is None else other.text
            problems.append(f"marker {symbol}: {main.file} {marker.text!r}, {copy.file} {text!r}")
    for soc in sorted(main.rows if socs is None else socs):
        mine, theirs = main.rows.get(soc), copy.rows.get(soc)
        if mine is None or theirs is None:
            absent = main.file if mine is None else copy.file
            problems.append(f"{soc}: no detailed row in {absent}")
            continue
        if mine.title != theirs.title:
            problems.append(
                f"{soc} title: {main.file} {mine.title_cell} {mine.title!r},"
                f" {copy.file} {theirs.title_cell} {theirs.title!r}"
            )
        for name, datatype in OEWS_DATATYPES.items():
            ours, other_value = mine.values[datatype], theirs.values[datatype]
            if not _same_value(ours, other_value):
                problems.append(
                    f"{soc} {name}: {main.file} {ours.cell} {ours.text!r},"
                    f" {copy.file} {other_value.cell} {other_value.text!r}"
                )
    return problems


# -- Employment Projections ------------------------------------------------------------

EP_SHEET = "Table 1.2"
EP_HEADER_ROW = 2
_DASH = "\u2013"  # the en dash EP prints in year ranges
_EP_HEADING = (
    f"Table 1.2 Occupational projections, 2024{_DASH}2034, and worker characteristics, 2024"
)
# Each field read and the header that names its column (row 2 of Table 1.2), in column order.
EP_COLUMNS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "title": "2024 National Employment Matrix title",
        "code": "2024 National Employment Matrix code",
        "occupation_type": "Occupation type",
        "employment_2024": "Employment, 2024",
        "employment_2034": "Employment, 2034",
        "change_numeric": f"Employment change, numeric, 2024{_DASH}34",
        "change_percent": f"Employment change, percent, 2024{_DASH}34",
        "self_employed_percent": "Percent self employed, 2024",
        "openings_annual": f"Occupational openings, 2024{_DASH}34 annual average",
        "median_wage_2024": "Median annual wage, dollars, 2024[1]",
        "education": "Typical education needed for entry",
        "work_experience": "Work experience in a related occupation",
        "training": "Typical on-the-job training needed to attain competency in the occupation",
    }
)
EP_OCCUPATION_TYPES = frozenset({"Line item", "Summary"})
LINE_ITEM = "Line item"


@dataclass(frozen=True)
class EpRow:
    """One occupation of EP Table 1.2 (employment in thousands).

    Attributes:
        code: The National Employment Matrix code (``"29-2072"``).
        title: The title, without the indentation the cell stores.
        indent: How many spaces the title cell starts with (its depth in
            the table's hierarchy: 6 for ``"      Medical records specialists"``).
        occupation_type: ``"Line item"`` (a detailed occupation) or
            ``"Summary"`` (an aggregate such as ``29-2000``).
        row: The row number.
        cells: Each field of `EP_COLUMNS` (``"employment_2024"``, ...) as stored.
    """

    code: str
    title: str
    indent: int
    occupation_type: str
    row: int
    cells: Mapping[str, CellValue]

    @property
    def line_item(self) -> bool:
        """Whether this row is a detailed occupation (``Line item``), not a summary."""
        return self.occupation_type == LINE_ITEM


def _ep_columns(path: Path, sheet: str, rows: Sequence[Sequence[Any]]) -> dict[str, int]:
    """Map each field of `EP_COLUMNS` to its 0-based column, checking the heading and headers."""
    heading = _get(rows[0], 0) if rows else None
    if not (isinstance(heading, str) and heading.startswith(_EP_HEADING)):
        msg = f"{_where(path, sheet, 'A1')}: heading {heading!r}, expected {_EP_HEADING!r}..."
        raise BuildError(msg)
    header = rows[EP_HEADER_ROW - 1] if len(rows) >= EP_HEADER_ROW else ()
    where: dict[str, list[int]] = {}
    for column, value in enumerate(header):
        if isinstance(value, str):
            where.setdefault(value, []).append(column)
    columns = {}
    for name, text in EP_COLUMNS.items():
        found = where.get(text, [])
        if len(found) != 1:
            count = "no" if not found else "two"
            msg = f"{path.name}, sheet {sheet!r}, row {EP_HEADER_ROW}: {count} column {text!r}"
            raise BuildError(msg)
        columns[name] = found[0]
    order = [columns[name] for name in EP_COLUMNS]
    if order != sorted(order):
        msg = f"{path.name}, sheet {sheet!r}, row {EP_HEADER_ROW}: the columns are out of order"
        raise BuildError(msg)
    return columns


def read_ep_table(path: Path) -> dict[str, EpRow]:
    """Read every occupation of EP Table 1.2, by code.

    The header is row 2 and every column is found by its exact header text
    (`EP_COLUMNS`); the occupations follow from row 3 until the first row
    without a code (the footnotes follow). Each code appears once; the
    ``Occupation type`` column says whether it is a detailed occupation
    (``Line item``) or an aggregate (``Summary``): see `EpRow.line_item`.

    Raises:
        BuildError: the heading or a header differs, a column is missing,
            doubled or moved out of order, a code is malformed or repeated,
            a cell is blank, an occupation type is unknown, or a coded row
            follows the footnotes.
    """
    with _workbook(path) as book:
        sheet, rows = _sheet_rows(book, EP_SHEET, path)
    columns = _ep_columns(path, sheet, rows)
    code_column = columns["code"]
    table: dict[str, EpRow] = {}
    ended = None
    for number, row in enumerate(rows[EP_HEADER_ROW:], start=EP_HEADER_ROW + 1):
        code = _get(row, code_column)
        if _blank(code):
            ended = ended or number
            continue
        cell = _cell(number, code_column)
        if ended is not None:
            msg = f"{_where(path, sheet, cell)}: a code after the table ended at row {ended}"
            raise BuildError(msg)
        if not isinstance(code, str) or _SOC.fullmatch(code) is None:
            msg = f"{_where(path, sheet, cell)}: code {code!r} is not NN-NNNN"
            raise BuildError(msg)
        if code in table:
            msg = f"{_where(path, sheet, cell)}: {code} again (first in row {table[code].row})"
            raise BuildError(msg)
        table[code] = _ep_row(path, sheet, columns, row, number)
    return table


def _ep_row(
    path: Path, sheet: str, columns: Mapping[str, int], row: Sequence[Any], number: int
) -> EpRow:
    """Read one coded row of EP Table 1.2."""
    cells = {}
    for name, column in columns.items():
        cell = _cell(number, column)
        value = _get(row, column)
        if _blank(value):
            msg = f"{_where(path, sheet, cell)}: {EP_COLUMNS[name]!r} is blank"
            raise BuildError(msg)
        text = plain_text(value, _where(path, sheet, cell))
        cells[name] = CellValue(text, path.name, sheet, cell, EP_COLUMNS[name])
    kind = cells["occupation_type"]
    if kind.text not in EP_OCCUPATION_TYPES:
        msg = f"{_where(path, sheet, kind.cell)}: occupation type {kind.text!r} is unknown"
        raise BuildError(msg)
    title = cells["title"].text
    return EpRow(
        code=cells["code"].text,
        title=title.strip(),
        indent=len(title) - len(title.lstrip(" ")),
        occupation_type=kind.text,
        row=number,
        cells=MappingProxyType(cells),
    )


# -- O*NET -----------------------------------------------------------------------------

ONET_FILES: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "Occupation Data.txt": ("O*NET-SOC Code", "Title", "Description"),
        "Task Statements.txt": (
            "O*NET-SOC Code",
            "Title",
            "Task ID",
            "Task",
            "Task Type",
            "Incumbents Responding",
            "Date",
            "Domain Source",
        ),
        "Technology Skills.txt": (
            "O*NET-SOC Code",
            "Title",
            "Example",
            "Commodity Code",
            "Commodity Title",
            "Hot Technology",
            "In Demand",
        ),
        "Job Zones.txt": ("O*NET-SOC Code", "Title", "Job Zone", "Date", "Domain Source"),
        "Sample of Reported Titles.txt": (
            "O*NET-SOC Code",
            "Title",
            "Reported Job Title",
            "Shown in My Next Move",
        ),
    }
)
ONET_ALTERNATE_TITLES = "Alternate Titles.xlsx"
ONET_ALTERNATE_HEADER = ("O*NET-SOC Code", "Title", "Alternate Title", "Short Title", "Source(s)")
ONET_TASK_TYPES: Final[Mapping[str, str | None]] = MappingProxyType(
    {"Core": "Core", "Supplemental": "Supplemental", "": None}
)
_YES_NO: Final[Mapping[str, bool]] = MappingProxyType({"Y": True, "N": False})
_JOB_ZONES = range(1, 6)


@dataclass(frozen=True)
class OnetTask:
    """A task statement (``Task Statements.txt``).

    Attributes:
        id: The Task ID.
        text: The task, verbatim.
        task_type: ``"Core"``, ``"Supplemental"``, or None where the file gives none.
        line: Its line in the file (the header is line 1).
    """

    id: int
    text: str
    task_type: str | None
    line: int


@dataclass(frozen=True)
class OnetTechnology:
    """A technology skill example (``Technology Skills.txt``).

    Attributes:
        example: The example, verbatim (``"Epic Systems"``).
        commodity: The UNSPSC commodity code (``43232610``).
        commodity_title: Its title (``"Medical software"``).
        hot: ``Hot Technology`` is ``Y``.
        in_demand: ``In Demand`` is ``Y``.
        line: Its line in the file.
    """

    example: str
    commodity: int
    commodity_title: str
    hot: bool
    in_demand: bool
    line: int


@dataclass(frozen=True)
class OnetAlternateTitle:
    """An alternate title (``Alternate Titles.xlsx``).

    Attributes:
        title: The alternate title, verbatim.
        short_title: The short title, or None where the file has none.
        sources: The ``Source(s)`` codes as printed (``"04,08"``).
        cell: The alternate title's cell (``"C18131"``).
    """

    title: str
    short_title: str | None
    sources: str
    cell: str


@dataclass(frozen=True)
class OnetReportedTitle:
    """A sample of reported job title (``Sample of Reported Titles.txt``).

    Attributes:
        title: The reported job title, verbatim.
        shown_in_my_next_move: ``Shown in My Next Move`` is ``Y``.
        line: Its line in the file.
    """

    title: str
    shown_in_my_next_move: bool
    line: int


@dataclass(frozen=True)
class OnetOccupation:
    """What O*NET 29.3 states about one O*NET-SOC occupation, in each file's order.

    Attributes:
        code: The O*NET-SOC code (``"29-2072.00"``).
        title: Its title (``Occupation Data.txt``).
        description: Its description, verbatim.
        line: The line of ``Occupation Data.txt``.
        tasks: Its task statements.
        technology: Its technology skill examples.
        job_zone: Its job zone (1-5).
        job_zone_line: The line of ``Job Zones.txt``.
        alternate_titles: Its alternate titles.
        reported_titles: Its sample of reported job titles.
    """

    code: str
    title: str
    description: str
    line: int
    tasks: tuple[OnetTask, ...]
    technology: tuple[OnetTechnology, ...]
    job_zone: int
    job_zone_line: int
    alternate_titles: tuple[OnetAlternateTitle, ...]
    reported_titles: tuple[OnetReportedTitle, ...]

    @property
    def titles(self) -> tuple[str, ...]:
        """The alternate titles, then the reported titles not among them, in file order.

        Short titles (``"RHIT"``, ``"CPC"``) are not included: they stay on
        `OnetAlternateTitle.short_title`.
        """
        names = [t.title for t in self.alternate_titles] + [t.title for t in self.reported_titles]
        return tuple(dict.fromkeys(names))


@dataclass(frozen=True)
class OnetRelease:
    """What ``Read Me.txt`` states.

    Attributes:
        version: ``"29.3"``.
        release: ``"May 2025 Release"``.
        license: ``"Creative Commons Attribution 4.0 International License"``.
    """

    version: str
    release: str
    license: str


def _read_text(path: Path) -> str:
    """Return a file's text, failing on bytes that are not UTF-8 (naming the line)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        msg = f"{path.name}: cannot read ({exc.strerror or exc})"
        raise BuildError(msg) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        msg = f"{path.name}, line {line}: not UTF-8 ({exc.reason})"
        raise BuildError(msg) from exc


def _tsv(path: Path, header: Sequence[str]) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number, fields) of a tab-separated O*NET file after checking its header."""
    lines = _read_text(path).split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final newline
    if not lines or lines[0].split("\t") != list(header):
        got = lines[0] if lines else ""
        msg = f"{path.name}, line 1: header {got!r}, expected {chr(9).join(header)!r}"
        raise BuildError(msg)
    for number, line in enumerate(lines[1:], start=2):
        fields = line.split("\t")
        if len(fields) != len(header) or "\r" in line:
            msg = f"{path.name}, line {number}: {len(fields)} tab-separated fields, expected"
            msg += f" {len(header)}" + (" (a carriage return)" if "\r" in line else "")
            raise BuildError(msg)
        yield number, fields


def read_onet_release(directory: Path, expected: str = ONET_VERSION) -> OnetRelease:
    """Read ``Read Me.txt``: the release (which must be *expected*) and its license.

    Raises:
        BuildError: the file names another version, or no license.
    """
    path = directory / "Read Me.txt"
    lines = _read_text(path).splitlines()
    first = re.fullmatch(r"O\*NET (\d+\.\d+) Database", lines[0].strip()) if lines else None
    if first is None or first.group(1) != expected:
        got = lines[0] if lines else ""
        msg = f"{path.name}, line 1: {got!r}, expected 'O*NET {expected} Database'"
        raise BuildError(msg)
    release = lines[1].strip() if len(lines) > 1 else ""
    if re.fullmatch(r"\w+ \d{4} Release", release) is None:
        msg = f"{path.name}, line 2: {release!r} is not '<Month> <year> Release'"
        raise BuildError(msg)
    licensed = re.search(r"licensed under an? (Creative Commons .*? License)", " ".join(lines))
    if licensed is None:
        msg = f"{path.name}: no 'licensed under a Creative Commons ... License'"
        raise BuildError(msg)
    return OnetRelease(version=first.group(1), release=release, license=licensed.group(1))


def _yes_no(path: Path, number: int, column: str, value: str) -> bool:
    """Read a ``Y``/``N`` field."""
    if value not in _YES_NO:
        msg = f"{path.name}, line {number}: {column} {value!r} is neither Y nor N"
        raise BuildError(msg)
    return _YES_NO[value]


def _integer(path: Path, number: int, column: str, value: str) -> int:
    """Read a field of ASCII digits as an int."""
    if _INT.fullmatch(value) is None:
        msg = f"{path.name}, line {number}: {column} {value!r} is not an integer"
        raise BuildError(msg)
    return int(value)


def _same_title(path: Path, where: str, code: str, title: str, titles: Mapping[str, str]) -> None:
    """Fail unless a file's title of *code* is the title ``Occupation Data.txt`` gives."""
    if title != titles[code]:
        msg = f"{path.name}, {where}: {code} is titled {title!r}, not {titles[code]!r}"
        raise BuildError(msg)


def _occupation_data(
    directory: Path, codes: Sequence[str]
) -> tuple[dict[str, str], dict[str, tuple[str, int]]]:
    """Read every title, and the description of each code, from ``Occupation Data.txt``."""
    name = "Occupation Data.txt"
    path = directory / name
    titles: dict[str, str] = {}
    described: dict[str, tuple[str, int]] = {}
    for number, (code, title, description) in _tsv(path, ONET_FILES[name]):
        if _ONET_SOC.fullmatch(code) is None or code in titles:
            problem = "again" if code in titles else "is not NN-NNNN.NN"
            msg = f"{path.name}, line {number}: O*NET-SOC code {code!r} {problem}"
            raise BuildError(msg)
        titles[code] = title
        if code in codes:
            described[code] = (description, number)
    missing = [code for code in codes if code not in described]
    if missing:
        msg = f"{path.name}: no occupation {', '.join(missing)}"
        raise BuildError(msg)
    return titles, described


def _tasks(
    directory: Path, codes: Sequence[str], titles: Mapping[str, str]
) -> dict[str, list[OnetTask]]:
    """Read the task statements of *codes*, checking Task IDs file-wide."""
    name = "Task Statements.txt"
    path = directory / name
    tasks: dict[str, list[OnetTask]] = {code: [] for code in codes}
    seen: dict[int, int] = {}
    for number, (code, title, task_id, text, task_type, *_) in _tsv(path, ONET_FILES[name]):
        identifier = _integer(path, number, "Task ID", task_id)
        if identifier in seen:
            msg = (
                f"{path.name}, line {number}: Task ID {identifier} again (line {seen[identifier]})"
            )
            raise BuildError(msg)
        seen[identifier] = number
        if code not in tasks:
            continue
        _same_title(path, f"line {number}", code, title, titles)
        if task_type not in ONET_TASK_TYPES or not text.strip():
            problem = f"Task Type {task_type!r} is unknown" if text.strip() else "the task is empty"
            msg = f"{path.name}, line {number}: {problem}"
            raise BuildError(msg)
        tasks[code].append(OnetTask(identifier, text, ONET_TASK_TYPES[task_type], number))
    return tasks


def _technology(
    directory: Path, codes: Sequence[str], titles: Mapping[str, str]
) -> dict[str, list[OnetTechnology]]:
    """Read the technology skill examples of *codes*; an example repeats under a commodity never."""
    name = "Technology Skills.txt"
    path = directory / name
    found: dict[str, list[OnetTechnology]] = {code: [] for code in codes}
    seen: dict[tuple[str, int, str], int] = {}
    for number, fields in _tsv(path, ONET_FILES[name]):
        code, title, example, commodity, commodity_title, hot, in_demand = fields
        if code not in found:
            continue
        _same_title(path, f"line {number}", code, title, titles)
        item = OnetTechnology(
            example=example,
            commodity=_integer(path, number, "Commodity Code", commodity),
            commodity_title=commodity_title,
            hot=_yes_no(path, number, "Hot Technology", hot),
            in_demand=_yes_no(path, number, "In Demand", in_demand),
            line=number,
        )
        key = (code, item.commodity, example)
        if key in seen or not example.strip():
            problem = f"again (line {seen[key]})" if key in seen else "is empty"
            msg = f"{path.name}, line {number}: example {example!r} of {code} {problem}"
            raise BuildError(msg)
        seen[key] = number
        found[code].append(item)
    return found


def _job_zones(
    directory: Path, codes: Sequence[str], titles: Mapping[str, str]
) -> dict[str, tuple[int, int]]:
    """Read the job zone (and its line) of each of *codes*: exactly one each."""
    name = "Job Zones.txt"
    path = directory / name
    zones: dict[str, tuple[int, int]] = {}
    for number, (code, title, zone, *_) in _tsv(path, ONET_FILES[name]):
        if code not in codes:
            continue
        _same_title(path, f"line {number}", code, title, titles)
        value = _integer(path, number, "Job Zone", zone)
        if value not in _JOB_ZONES or code in zones:
            problem = f"again (line {zones[code][1]})" if code in zones else f"zone {value}"
            msg = f"{path.name}, line {number}: {code} {problem}, expected one zone 1-5"
            raise BuildError(msg)
        zones[code] = (value, number)
    missing = [code for code in codes if code not in zones]
    if missing:
        msg = f"{path.name}: no job zone for {', '.join(missing)}"
        raise BuildError(msg)
    return zones


def _reported_titles(
    directory: Path, codes: Sequence[str], titles: Mapping[str, str]
) -> dict[str, list[OnetReportedTitle]]:
    """Read the sample of reported job titles of *codes*."""
    name = "Sample of Reported Titles.txt"
    path = directory / name
    found: dict[str, list[OnetReportedTitle]] = {code: [] for code in codes}
    for number, (code, title, reported, shown) in _tsv(path, ONET_FILES[name]):
        if code not in found:
            continue
        _same_title(path, f"line {number}", code, title, titles)
        if not reported.strip() or any(t.title == reported for t in found[code]):
            msg = f"{path.name}, line {number}: reported title {reported!r} empty or again"
            raise BuildError(msg)
        flag = _yes_no(path, number, "Shown in My Next Move", shown)
        found[code].append(OnetReportedTitle(reported, flag, number))
    return found


def _alternate_titles(
    directory: Path, codes: Sequence[str], titles: Mapping[str, str]
) -> dict[str, list[OnetAlternateTitle]]:
    """Read the alternate titles of *codes* from ``Alternate Titles.xlsx``."""
    path = directory / ONET_ALTERNATE_TITLES
    with _workbook(path) as book:
        sheet, rows = _sheet_rows(book, None, path)
    header = tuple(rows[0][: len(ONET_ALTERNATE_HEADER)]) if rows else ()
    if header != ONET_ALTERNATE_HEADER or any(not _blank(v) for v in rows[0][len(header) :]):
        msg = f"{path.name}, sheet {sheet!r}, row 1: header {rows[0] if rows else ()!r},"
        msg += f" expected {ONET_ALTERNATE_HEADER!r}"
        raise BuildError(msg)
    found: dict[str, list[OnetAlternateTitle]] = {code: [] for code in codes}
    for number, row in enumerate(rows[1:], start=2):
        code, title, alternate, short, sources = (_get(row, i) for i in range(5))
        if code not in found:
            continue
        where = _where(path, sheet, _cell(number, 2))
        _same_title(path, f"sheet {sheet!r}, cell {_cell(number, 1)}", code, title, titles)
        if not isinstance(alternate, str) or _blank(alternate):
            msg = f"{where}: alternate title {alternate!r} is not text"
            raise BuildError(msg)
        if any(t.title == alternate for t in found[code]):
            msg = f"{where}: alternate title {alternate!r} of {code} again"
            raise BuildError(msg)
        if not (short is None or (isinstance(short, str) and short.strip())):
            msg = f"{_where(path, sheet, _cell(number, 3))}: short title {short!r} is not text"
            raise BuildError(msg)
        found[code].append(
            OnetAlternateTitle(
                alternate,
                short,
                plain_text(sources, _where(path, sheet, _cell(number, 4))),
                _cell(number, 2),
            )
        )
    return found


def read_onet(directory: Path, codes: Iterable[str]) -> dict[str, OnetOccupation]:
    """Read what O*NET states about each O*NET-SOC code of *codes*, by code.

    Every file's header line must be exactly O*NET's (`ONET_FILES`,
    `ONET_ALTERNATE_HEADER`), every line have that many tab-separated
    fields, and each row's ``Title`` be the title ``Occupation Data.txt``
    gives its code. Tasks, technology and titles keep each file's order.

    Raises:
        BuildError: a header differs, a code is not in ``Occupation Data.txt``
            or has no job zone, a Task ID is not an integer or repeats, a
            Task Type or Y/N flag is unknown, a title differs, a row repeats.
    """
    wanted = tuple(dict.fromkeys(codes))
    bad = [code for code in wanted if _ONET_SOC.fullmatch(code) is None]
    if bad:
        msg = f"not O*NET-SOC codes (NN-NNNN.NN): {', '.join(map(repr, bad))}"
        raise BuildError(msg)
    titles, described = _occupation_data(directory, wanted)
    tasks = _tasks(directory, wanted, titles)
    technology = _technology(directory, wanted, titles)
    zones = _job_zones(directory, wanted, titles)
    reported = _reported_titles(directory, wanted, titles)
    alternate = _alternate_titles(directory, wanted, titles)
    return {
        code: OnetOccupation(
            code=code,
            title=titles[code],
            description=described[code][0],
            line=described[code][1],
            tasks=tuple(tasks[code]),
            technology=tuple(technology[code]),
            job_zone=zones[code][0],
            job_zone_line=zones[code][1],
            alternate_titles=tuple(alternate[code]),
            reported_titles=tuple(reported[code]),
        )
        for code in wanted
    }


# -- 2018 SOC definitions ------------------------------------------------------------

SOC_HEADER = ("SOC Group", "SOC Code", "SOC Title", "SOC Definition")
SOC_GROUPS = ("Major", "Minor", "Broad", "Detailed")
_SOC_HEADER_SEARCH = 20  # rows searched for the header


@dataclass(frozen=True)
class SocRow:
    """One coded row of the 2018 SOC definitions file.

    Attributes:
        group: ``"Major"``, ``"Minor"``, ``"Broad"`` or ``"Detailed"``.
        code: The SOC code (``"29-2072"``).
        title: The SOC title.
        definition: The definition verbatim (empty above the detailed level).
        cell: The definition's cell (``"D611"``).
    """

    group: str
    code: str
    title: str
    definition: str
    cell: str


@dataclass(frozen=True)
class SocDefinition:
    """The definition of a detailed 2018 SOC occupation.

    Attributes:
        code: The SOC code (``"29-2072"``).
        title: The SOC title.
        definition: The definition verbatim.
        cell: The definition's cell (``"D611"``).
    """

    code: str
    title: str
    definition: str
    cell: str


@dataclass(frozen=True)
class SocFile:
    """A 2018 SOC definitions workbook as read.

    Attributes:
        file: The file name.
        sheet: The sheet read (the first).
        preamble: The texts above the header, in order (``"November 2017 (for
            reference year January 2018 - Updated April 15, 2020)"``).
        rows: Every coded row, by code, in file order.
    """

    file: str
    sheet: str
    preamble: tuple[str, ...]
    rows: Mapping[str, SocRow]


def read_soc(path: Path) -> SocFile:
    """Read every coded row of a 2018 SOC definitions workbook (first sheet).

    The header row (`SOC_HEADER`) is searched in the first 20 rows; below it
    every non-blank row must be a coded row of a known group, and a detailed
    row must have a definition.

    Raises:
        BuildError: no header, an unknown group, a malformed or repeated
            code, a blank title or a detailed row without definition.
    """
    with _workbook(path) as book:
        sheet, rows = _sheet_rows(book, None, path)
    start = next(
        (
            number
            for number, row in enumerate(rows[:_SOC_HEADER_SEARCH], start=1)
            if tuple(row[: len(SOC_HEADER)]) == SOC_HEADER
        ),
        None,
    )
    if start is None:
        msg = f"{path.name}, sheet {sheet!r}: no header row {SOC_HEADER!r} in rows 1-20"
        raise BuildError(msg)
    preamble = tuple(str(v) for row in rows[: start - 1] for v in row if not _blank(v))
    found: dict[str, SocRow] = {}
    for number, row in enumerate(rows[start:], start=start + 1):
        if all(_blank(value) for value in row):
            continue
        group, code, title, definition = (_get(row, i) for i in range(4))
        where = _where(path, sheet, _cell(number, 1))
        if group not in SOC_GROUPS or not isinstance(code, str) or _SOC.fullmatch(code) is None:
            msg = f"{where}: {group!r} {code!r} is not a group and an NN-NNNN code"
            raise BuildError(msg)
        if code in found:
            msg = f"{where}: {code} again (first in {found[code].cell})"
            raise BuildError(msg)
        if not isinstance(title, str) or _blank(title):
            msg = f"{_where(path, sheet, _cell(number, 2))}: {code} has no title"
            raise BuildError(msg)
        text = "" if definition is None else plain_text(definition, where)
        if group == "Detailed" and _blank(text):
            msg = f"{_where(path, sheet, _cell(number, 3))}: detailed {code} has no definition"
            raise BuildError(msg)
        found[code] = SocRow(group, code, title, text, _cell(number, 3))
    return SocFile(path.name, sheet, preamble, MappingProxyType(found))


def soc_definitions(soc: SocFile) -> dict[str, SocDefinition]:
    """Return the definitions of the detailed occupations of *soc*, by code."""
    return {
        code: SocDefinition(row.code, row.title, row.definition, row.cell)
        for code, row in soc.rows.items()
        if row.group == "Detailed"
    }


def read_soc_definitions(path: Path) -> dict[str, SocDefinition]:
    """Read the definitions of the detailed 2018 SOC occupations, by code (see `read_soc`)."""
    return soc_definitions(read_soc(path))


def check_soc(main: SocFile, copy: SocFile) -> list[str]:
    """Compare every coded row (group, title, definition) of two copies of the SOC file.

    Returns:
        One line per difference, naming both cells; empty when they agree.
    """
    problems = []
    for code in sorted(main.rows.keys() | copy.rows.keys()):
        mine, theirs = main.rows.get(code), copy.rows.get(code)
        if mine is None or theirs is None:
            problems.append(f"{code}: only in {main.file if theirs is None else copy.file}")
            continue
        problems.extend(
            f"{code} {name}: {main.file} {mine.cell} {getattr(mine, name)!r},"
            f" {copy.file} {theirs.cell} {getattr(theirs, name)!r}"
            for name in ("group", "title", "definition")
            if getattr(mine, name) != getattr(theirs, name)
        )
    return problems


# -- what the records would add ------------------------------------------------------

ONET_SOURCE = "onet-29.3"
SOC_SOURCE = "soc-2018-definitions"


def _citation(source: str, quote: str, where: str) -> dict[str, str]:
    """Return a citation record."""
    return {"source": source, "quote": quote, "locator": where}


def onet_records(
    occupation: OnetOccupation, definition: SocDefinition | None, *, cited: bool
) -> dict[str, Any]:
    """Return the fields an occupation record would gain, as JSON-ready data.

    With *cited*, each task, technology example, title, the job zone, the
    description and the SOC definition carries its citation (quote = the
    text, locator as in the contract); without, citations are derived.
    """
    code = occupation.code

    def cite(record: dict[str, Any], quote: str, where: str, source: str = ONET_SOURCE) -> Any:  # noqa: ANN401
        if cited:
            record["citation"] = _citation(source, quote, where)
        return record

    record: dict[str, Any] = {
        "description": cite(
            {"text": occupation.description}, occupation.description, f"onet:occupation:{code}"
        ),
        "job_zone": cite(
            {"value": occupation.job_zone}, str(occupation.job_zone), f"onet:job-zone:{code}"
        ),
        "tasks": [
            cite(
                {"id": t.id, "text": t.text, "kind": t.task_type and t.task_type.lower()},
                t.text,
                f"onet:task:{t.id}",
            )
            for t in occupation.tasks
        ],
        "technology": [
            cite(
                {
                    "example": t.example,
                    "commodity": t.commodity,
                    "commodity_title": t.commodity_title,
                    "hot": t.hot,
                    "in_demand": t.in_demand,
                },
                t.example,
                f"onet:technology:{code}:{t.commodity}:{t.example}",
            )
            for t in occupation.technology
        ],
        "onet_titles": [
            cite({"title": title}, title, f"onet:title:{code}:{title}")
            for title in occupation.titles
        ],
    }
    if definition is not None:
        record["soc_definition"] = cite(
            {"text": definition.definition},
            definition.definition,
            f"soc:{definition.code}",
            SOC_SOURCE,
        )
    return record


def json_size(data: object) -> tuple[int, int]:
    """Return the size of *data* as JSON (indent 1, UTF-8) and compressed with zlib level 9."""
    text = json.dumps(data, indent=1, ensure_ascii=False).encode()
    return len(text), len(zlib.compress(text, 9))


# -- the report ----------------------------------------------------------------------


def _report_oews() -> None:
    """Print the OEWS facts of the six occupations."""
    for year in OEWS_YEARS:
        table = read_oews_national(OEWS_DIR / f"national_M{year}_dl.xlsx")
        top = table.top_code
        print(f"\nOEWS {table.heading!r} ({table.file}, sheet {table.sheet!r})")
        print(f"  top code {top.hourly_text} / {top.annual_text}")
        print(f"  '#' note {top.marker.cell}: {top.marker.text!r}")
        print(f"  blank columns: {', '.join(table.blank_columns)}")
        for soc in SOCS:
            code = soc if soc in table.rows else HYBRIDS.get(soc, soc)
            row = table.rows.get(code)
            if row is None:
                print(f"  {soc}: NO ROW")
                continue
            marked = [f"{v.header}={v.text}" for v in row.values.values() if not v.is_number]
            median = row.column("A_MEDIAN")
            print(
                f"  {soc} -> {code} row {row.row} {row.title!r}:"
                f" A_MEDIAN {median.text} {median.cell},"
                f" TOT_EMP {row.column('TOT_EMP').text}; markers {marked or 'none'}"
            )
        for check in OEWS_CHECKS.get(year, ()):
            codes = [soc if soc in table.rows else HYBRIDS.get(soc, soc) for soc in SOCS]
            problems = check_against(table, read_oews_national(check), codes)
            print(f"  check {check.name}: {len(problems)} disagreements {problems[:3]}")


def main() -> int:
    """Print what the upstream files hold for the six occupations, and the size estimate."""
    _report_oews()
    ep = read_ep_table(EP_PATH)
    print(
        f"\nEP {EP_PATH.name}, {len(ep)} rows ({Counter(r.occupation_type for r in ep.values())})"
    )
    for soc in SOCS:
        row = ep[soc]
        cells = ", ".join(f"{k}={v.text!r}@{v.cell}" for k, v in row.cells.items() if k != "code")
        print(f"  {soc} row {row.row}: {cells}")
    release = read_onet_release(ONET_DIR)
    print(f"\nO*NET {release}")
    onet = read_onet(ONET_DIR, ONET_CODES)
    definitions = read_soc_definitions(SOC_PATH)
    for code, occupation in onet.items():
        kinds = Counter(t.task_type for t in occupation.tasks)
        print(
            f"  {code} {occupation.title!r}: tasks {len(occupation.tasks)} {dict(kinds)},"
            f" technology {len(occupation.technology)}"
            f" (hot {sum(t.hot for t in occupation.technology)},"
            f" in demand {sum(t.in_demand for t in occupation.technology)}),"
            f" alternate {len(occupation.alternate_titles)},"
            f" reported {len(occupation.reported_titles)}, job zone {occupation.job_zone}"
        )
    print("\nSOC definitions")
    for soc in SOCS:
        print(f"  {soc} {definitions[soc].cell}: {definitions[soc].definition}")
    for cited in (True, False):
        data = {
            code: onet_records(o, definitions.get(code[:7]), cited=cited)
            for code, o in onet.items()
        }
        raw, packed = json_size(data)
        print(f"\nsize, citations {'stored' if cited else 'derived'}: {raw} bytes, zlib-9 {packed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
