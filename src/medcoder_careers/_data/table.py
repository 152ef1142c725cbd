"""A statistical table file (BLS OEWS): rows read late, statistics built on demand.

The file is an SQLite database (the standard library's `sqlite3`), one row
per OEWS cell (occupation x area x industry) with its 17 values and their
footnotes exactly as the published table prints them. Nothing is read until
a query needs it; a row becomes `Statistic` objects the first time a query
reaches it, and those objects are cached, so the same query returns equal
(indeed identical) objects. Each statistic's citation is derived from its
row: the quote is the value as printed, the locator its BLS series id (the
cell key and the datatype).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple

from medcoder_careers._errors import DataError, FieldError, Problem
from medcoder_careers._model import Citation, Statistic
from medcoder_careers._period import Period
from medcoder_careers._vocab import Bound, Measure, Unit

from .reads import not_regular

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["MEASURES", "Table", "open_table"]

_FORMAT: Final = "1"
_DECIMAL: Final = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?", re.ASCII)
_WITHHELD: Final = frozenset({"4", "8"})  # not released / no pay basis: no statistic
_TOP_CODED: Final = "5"
_TOP_CODE_NOTE: Final = (
    "This wage is equal to or greater than $115.00 per hour or $239,200 per year."
)
_TOP_CODE: Final = {Unit.USD_PER_HOUR: Decimal("115.00"), Unit.USD_PER_YEAR: Decimal(239200)}
_VALUES: Final = tuple(f"v{n:02d}" for n in range(1, 18))
_NOTES: Final = tuple(f"f{n:02d}" for n in range(1, 18))
_CELL_COLUMNS: Final = ("key", "soc", "area", "industry", *_VALUES, *_NOTES)
_SCHEMA: Final = {
    "meta": ("name", "value"),
    "occupation": ("soc", "id", "definition"),
    "industry": ("code", "id"),
    "cell": _CELL_COLUMNS,
}
_META: Final = ("format", "source", "period", "release")
_WHOLE: Final = "000000"  # the OEWS industry code of all industries together


class _Datatype(NamedTuple):
    """How one OEWS value column becomes a statistic."""

    code: str
    measure: Measure
    unit: Unit
    percentile: int | None = None
    rse: str | None = None  # the datatype holding this figure's RSE


_DATATYPES: Final = (
    _Datatype("01", Measure.EMPLOYMENT, Unit.JOBS, rse="02"),
    _Datatype("03", Measure.HOURLY_MEAN_WAGE, Unit.USD_PER_HOUR, rse="05"),
    _Datatype("04", Measure.ANNUAL_MEAN_WAGE, Unit.USD_PER_YEAR, rse="05"),
    *(
        _Datatype(f"{6 + i:02d}", Measure.HOURLY_WAGE, Unit.USD_PER_HOUR, percentile=p)
        for i, p in enumerate((10, 25, 50, 75, 90))
    ),
    *(
        _Datatype(f"{11 + i:02d}", Measure.ANNUAL_WAGE, Unit.USD_PER_YEAR, percentile=p)
        for i, p in enumerate((10, 25, 50, 75, 90))
    ),
    _Datatype("16", Measure.EMPLOYMENT_PER_1000_JOBS, Unit.PER_1000_JOBS),
    _Datatype("17", Measure.LOCATION_QUOTIENT, Unit.RATIO),
)
"""Every value datatype; 02 and 05 are RSEs, carried on the figures they qualify."""

MEASURES: Final = frozenset(d.measure for d in _DATATYPES)
"""The measures a table holds."""


def _connect(root: Traversable, name: str) -> sqlite3.Connection:
    """Open a table file read-only, writing nothing (no journal, no lock file)."""
    resource = root / name
    if isinstance(resource, Path):
        refused = not_regular(resource.stat().st_mode)  # a FIFO would block sqlite's read
        if refused is not None:
            raise OSError(refused)
        uri = f"{resource.absolute().as_uri()}?mode=ro&immutable=1"
        return sqlite3.connect(uri, uri=True, check_same_thread=False)
    # A zipped install: read the bytes, serve them from memory.
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    connection.deserialize(resource.read_bytes())
    return connection


def _shape_problems(connection: sqlite3.Connection) -> list[str]:
    problems = []
    for table, wanted in _SCHEMA.items():
        have = tuple(row[1] for row in connection.execute(f"PRAGMA table_info({table})"))
        if have != wanted:
            problems.append(f"table {table!r} has columns {list(have)}, expected {list(wanted)}")
    return problems


class Table:
    """One statistical table file, queried by occupation, area and industry.

    Attributes:
        file: The file's name in the data directory.
        source: The id of the `Source` the values are read from.
        period: The reference period of every value.
        occupations: Each SOC code (``"292072"``) with its occupation id and
            definition (``"29-2072"``).
        industries: Each OEWS industry code with its `Industry` id (None for
            ``"000000"``, all industries).
    """

    def __init__(self, file: str, connection: sqlite3.Connection) -> None:
        """Read the table's small code lists from an open *connection* (use `open_table`)."""
        self.file = file
        self._connection = connection
        self._lock = threading.Lock()
        self._built: dict[str, tuple[Statistic, ...]] = {}
        meta = dict(connection.execute("SELECT name, value FROM meta"))
        missing = [name for name in _META if name not in meta]
        if missing or meta["format"] != _FORMAT:
            msg = f"meta lacks {missing} or is not format {_FORMAT}"
            raise DataError([Problem(file=file, path="meta", message=msg)])
        self.source: str = meta["source"]
        self.period = Period.parse(meta["period"])
        self.occupations: Mapping[str, tuple[str, str]] = {
            soc: (occupation, definition)
            for soc, occupation, definition in connection.execute(
                "SELECT soc, id, definition FROM occupation"
            )
        }
        self.industries: Mapping[str, str | None] = dict(
            connection.execute("SELECT code, id FROM industry")
        )
        self._codes_of: dict[str, list[str]] = {}
        for soc, (occupation, _) in self.occupations.items():
            self._codes_of.setdefault(occupation, []).append(soc)
        self._industry_codes: dict[str | None, list[str]] = {}
        for code, industry in self.industries.items():
            self._industry_codes.setdefault(industry, []).append(code)

    def areas(self) -> list[str]:
        """Return every area id the table has a row for."""
        with self._lock:
            return [row[0] for row in self._connection.execute("SELECT DISTINCT area FROM cell")]

    def count(self) -> int:
        """Return the number of rows (cells)."""
        with self._lock:
            (rows,) = self._connection.execute("SELECT count(*) FROM cell").fetchone()
        return int(rows)

    def withheld(self) -> dict[str, int]:
        """Count the values BLS printed as "-", by footnote code (for the docs)."""
        counts: dict[str, int] = {}
        with self._lock:
            for value, note in zip(_VALUES, _NOTES, strict=True):
                query = f"SELECT {note}, count(*) FROM cell WHERE {value} = '-' GROUP BY 1"  # noqa: S608 - fixed names
                for code, count in self._connection.execute(query):
                    counts[str(code)] = counts.get(str(code), 0) + int(count)
        return counts

    def select(
        self,
        occupations: Iterable[str] | None = None,
        area: str | None = None,
        industries: Iterable[str | None] | None = None,
    ) -> list[Statistic]:
        """Return the statistics of every row matching the given parts (None: any).

        Args:
            occupations: Occupation ids.
            area: An area id.
            industries: Industry ids; None in it stands for all industries
                together (OEWS ``000000``).
        """
        where: list[str] = []
        arguments: list[str] = []
        if occupations is not None:
            codes = [code for o in occupations for code in self._codes_of.get(o, ())]
            if not codes:
                return []
            where.append(f"soc IN ({', '.join('?' * len(codes))})")
            arguments += codes
        if area is not None:
            where.append("area = ?")
            arguments.append(area)
        if industries is not None:
            codes = [code for i in industries for code in self._industry_codes.get(i, ())]
            if not codes:
                return []
            # "+industry": not by the industry index when a narrower one applies (half
            # the rows are industry 000000; SQLite has no statistics to know it).
            column = "+industry" if where else "industry"
            where.append(f"{column} IN ({', '.join('?' * len(codes))})")
            arguments += codes
        query = f"SELECT {', '.join(_CELL_COLUMNS)} FROM cell"  # noqa: S608 - fixed names
        if where:
            query += f" WHERE {' AND '.join(where)}"
        found: list[Statistic] = []
        with self._lock:
            for row in self._connection.execute(query, arguments):
                built = self._built.get(row[0])
                if built is None:
                    built = self._built[row[0]] = self._build(row)
                found += built
        return found

    def _build(self, row: tuple[str | None, ...]) -> tuple[Statistic, ...]:  # noqa: C901 - one check per column
        """Turn one row into statistics, checking every value as it goes."""
        key, soc, area, industry_code = (str(part) for part in row[:4])
        values, notes = row[4:21], row[21:38]
        problems: list[Problem] = []

        def problem(column: str, message: str) -> None:
            problems.append(Problem(file=self.file, path=f"cell {key}.{column}", message=message))

        if soc not in self.occupations or industry_code not in self.industries:
            problem("key", f"unknown occupation {soc!r} or industry {industry_code!r}")
            raise DataError(problems)
        occupation, definition = self.occupations[soc]
        industry = self.industries[industry_code]
        rses: dict[str, Decimal | None] = {}
        for code in ("02", "05"):
            try:
                rses[code] = _rse(values, notes, code)
            except _BadValueError as exc:
                rses[code] = None
                problem(_VALUES[int(code) - 1], str(exc))
        built: list[Statistic] = []
        for datatype in _DATATYPES:
            index = int(datatype.code) - 1
            text, note = values[index], notes[index]
            if text is None:
                continue
            try:
                figure = _figure(text, note, datatype)
            except _BadValueError as exc:
                problem(_VALUES[index], str(exc))
                continue
            if figure is None:
                continue
            value, bound = figure
            try:
                built.append(
                    Statistic(
                        period=self.period,
                        source=self.source,
                        occupation=occupation,
                        measure=datatype.measure,
                        area=area,
                        industry=industry,
                        percentile=datatype.percentile,
                        value=value,
                        unit=datatype.unit,
                        bound=bound,
                        definition=definition,
                        descriptor=_TOP_CODE_NOTE if bound is Bound.AT_LEAST else None,
                        rse=rses[datatype.rse] if datatype.rse else None,
                        citation=Citation(
                            source=self.source, quote=text, locator=key + datatype.code
                        ),
                    )
                )
            except FieldError as exc:
                problem(_VALUES[index], str(exc))
        if problems:
            raise DataError(problems)
        return tuple(built)


class _BadValueError(ValueError):
    """A printed value that is neither a number nor a footnoted "-"."""


def _figure(text: str, note: str | None, datatype: _Datatype) -> tuple[Decimal, Bound] | None:
    """Read one printed value: a figure and its bound, or None where BLS gives none."""
    if _DECIMAL.fullmatch(text):
        return Decimal(text), Bound.EXACT
    if text == "-" and note in _WITHHELD:
        return None
    if text == "-" and note == _TOP_CODED and datatype.unit in _TOP_CODE:
        return _TOP_CODE[datatype.unit], Bound.AT_LEAST
    msg = f"{text!r} (footnote {note!r}) is neither a number nor a footnoted '-'"
    raise _BadValueError(msg)


def _rse(
    values: tuple[str | None, ...], notes: tuple[str | None, ...], code: str
) -> Decimal | None:
    """Read the RSE of datatype *code*: None where the cell has none."""
    index = int(code) - 1
    text = values[index]
    if text is None or (text == "-" and notes[index] in _WITHHELD):
        return None
    if _DECIMAL.fullmatch(text):
        return Decimal(text)
    msg = f"RSE {text!r} is not a number"
    raise _BadValueError(msg)


def open_table(root: Traversable, name: str) -> Table:
    """Open the table file *name* under *root* and check its shape.

    Raises:
        DataError: the file is no SQLite database, or its tables, columns or
            metadata are not the table format.
    """
    try:
        connection = _connect(root, name)
        shape = _shape_problems(connection)
    except (sqlite3.Error, OSError) as exc:
        raise DataError(
            [Problem(file=name, path="", message=f"is not a table file ({exc})")]
        ) from None
    if shape:
        connection.close()
        raise DataError([Problem(file=name, path="", message=message) for message in shape])
    try:
        return Table(name, connection)
    except (sqlite3.Error, ValueError) as exc:
        if isinstance(exc, DataError):
            raise
        raise DataError([Problem(file=name, path="meta", message=str(exc))]) from None
