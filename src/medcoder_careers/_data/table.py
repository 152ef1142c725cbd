"""A statistical table file (BLS OEWS): rows read late, statistics built on demand.

The file is an SQLite database (the standard library's `sqlite3`), one row
per OEWS cell (occupation x area x industry) with its 17 values and their
footnotes exactly as the published table prints them, one file per release.
Nothing is read until a query needs it, and then only what it asks: the
rows it names (by their key where it names occupation, area and industry),
and of those the value columns of the measures and percentiles it wants,
which become `Statistic` objects in their order. Nothing is cached here
(the query above caches its results), so the same query returns equal
objects. Each statistic's citation is derived from its row: the quote is
the value as printed, the locator its BLS series id (the cell key and the
datatype). A table of the packaged data is read *trusted* (see `Table`).

Two formats are read:

- format 1 (data releases 2026.2 and 2026.3: May 2025 only): a value BLS
  does not publish is ``-`` with a footnote code (4: paid the other way, 8:
  not released, 5: top-coded at $115.00 an hour or $239,200 a year);
- format 2 (from 2027.1): as format 1, plus a ``footnote`` table holding
  each footnote code's or marker's words as the file prints them, the
  release's top code in ``meta``, and the markers of the national files
  of May 2019 to May 2024: ``*`` and ``**`` (an estimate not available) and
  ``#`` (a wage at or above the top code).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import re
import sqlite3
import threading
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from itertools import compress, groupby, repeat
from operator import add, attrgetter, itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple, cast

import attrs

from medcoder_careers._errors import DataError, FieldError, Problem, shown
from medcoder_careers._model import NATION, Citation, Statistic, Unpublished, statistic_order
from medcoder_careers._period import Period
from medcoder_careers._vocab import Bound, Coverage, Measure, Unit, UnpublishedReason

from .datatypes import COVERAGE, DATATYPES, Datatype
from .reads import not_regular
from .trusted import assemble

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "COLUMNS",
    "NOT_AVAILABLE",
    "NOT_RELEASED",
    "OTHER_BASIS",
    "Columns",
    "Table",
    "columns_of",
    "open_table",
    "release_problems",
]

_DECIMAL: Final = re.compile(r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?", re.ASCII)
_DEFINITION: Final = re.compile(r"\d\d-\d{4}(?:\+\d\d-\d{4})*", re.ASCII)
NOT_RELEASED: Final = "8"
"""The footnote of a value BLS does not release."""
OTHER_BASIS: Final = "4"
"""The footnote of an hourly or annual value not published: the occupation is paid the other way."""
NOT_AVAILABLE: Final = frozenset({"*", "**"})
"""The markers of an estimate not available (a national file's ``*`` wage, ``**`` employment)."""
_TOP_CODED: Final = frozenset({"5", "#"})  # the footnote of May 2025, the national files' marker
_FORMAT_1_FOOTNOTES: Final = {
    "5": "This wage is equal to or greater than $115.00 per hour or $239,200 per year."
}
_FORMAT_1_TOP_CODE: Final = {"top_code_hourly": "115.00", "top_code_annual": "239200"}
_VALUES: Final = tuple(f"v{n:02d}" for n in range(1, 18))
_NOTES: Final = tuple(f"f{n:02d}" for n in range(1, 18))
_CELL_COLUMNS: Final = ("key", "soc", "area", "industry", *_VALUES, *_NOTES)
_SCHEMA_1: Final = {
    "meta": ("name", "value"),
    "occupation": ("soc", "id", "definition"),
    "industry": ("code", "id"),
    "cell": _CELL_COLUMNS,
}
_SCHEMAS: Final = {"1": _SCHEMA_1, "2": {**_SCHEMA_1, "footnote": ("code", "text")}}
_META: Final = {
    "1": ("format", "source", "period", "release"),
    "2": ("format", "source", "period", "release", "top_code_hourly", "top_code_annual"),
}
_WHOLE: Final = "000000"  # the OEWS industry code of all industries together


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


def _columns(connection: sqlite3.Connection, table: str) -> tuple[str, ...]:
    return tuple(row[1] for row in connection.execute(f"PRAGMA table_info({table})"))


def _format(connection: sqlite3.Connection) -> str | list[str]:
    """Return the file's format ("1", "2"), or what keeps it from being read."""
    have = _columns(connection, "meta")
    if have != _SCHEMA_1["meta"]:
        return [f"table 'meta' has columns {list(have)}, expected {list(_SCHEMA_1['meta'])}"]
    twice = connection.execute("SELECT name FROM meta GROUP BY name HAVING count(*) > 1").fetchall()
    if twice:  # the check below would read one row of a name, `Table` another
        return [f"meta names {[name for (name,) in twice]} more than once"]
    found = connection.execute("SELECT value FROM meta WHERE name = 'format'").fetchone()
    if found is None or found[0] not in _SCHEMAS:
        return [f"meta format is {found and found[0]!r}, not one of {sorted(_SCHEMAS)}"]
    return str(found[0])


def _shape_problems(connection: sqlite3.Connection) -> list[str]:
    """Return what keeps the file from being a table of its format (empty when it is one)."""
    found = _format(connection)
    if isinstance(found, list):
        return found
    problems = []
    for table, wanted in _SCHEMAS[found].items():
        have = _columns(connection, table)
        if have != wanted:
            problems.append(f"table {table!r} has columns {list(have)}, expected {list(wanted)}")
    return problems


class Table:
    """One statistical table file, queried by occupation, area, industry and kind of figure.

    A table opened *trusted* (the packaged data, whose files were checked
    when they were built) reads only the value columns a query asks for,
    finds a row by its key where the query names it, and builds its
    statistics without running their validators (`assemble`). Any other
    table reads and checks each whole row it reaches, building every
    statistic the strict way, so a bad value is a `DataError` naming the
    file and the cell however it is asked for.

    Attributes:
        file: The file's name in the data directory.
        source: The id of the `Source` the values are read from.
        period: The reference period of every value.
        trusted: Whether the file is the packaged data's (see above).
        occupations: Each SOC code (``"292072"``) with its occupation id and
            definition (``"29-2072"``, or a hybrid such as ``"29-2098"``).
        industries: Each OEWS industry code with its `Industry` id (None for
            ``"000000"``, all industries).
        footnotes: Each footnote code or marker with its words as the
            release prints them (``"8"``: ``"Estimate not released."``).
        top_code: The top code of the release's wages, in dollars an hour
            and a year: a top-coded wage is at least this.
    """

    def __init__(self, file: str, connection: sqlite3.Connection, *, trusted: bool = False) -> None:
        """Read the table's small code lists from an open *connection* (use `open_table`)."""
        self.file = file
        self.trusted = trusted
        self._connection = connection
        self._lock = threading.Lock()
        self._held: Mapping[str, tuple[str, tuple[str, ...]] | None] | None = None
        self._covered: _Covered | None = None
        meta = dict(connection.execute("SELECT name, value FROM meta"))
        version = str(meta.get("format"))
        missing = [name for name in _META.get(version, _META["1"]) if name not in meta]
        if missing:
            msg = f"meta lacks {missing}"
            raise DataError([Problem(file=file, path="meta", message=msg)])
        self.source: str = meta["source"]
        self.period = Period.parse(meta["period"])
        if version == "1":
            meta |= _FORMAT_1_TOP_CODE
            self.footnotes: Mapping[str, str] = _FORMAT_1_FOOTNOTES
        else:
            self.footnotes = dict(connection.execute("SELECT code, text FROM footnote"))
        self.top_code: Mapping[Unit, Decimal] = {
            Unit.USD_PER_HOUR: _amount(meta["top_code_hourly"], file, "top_code_hourly"),
            Unit.USD_PER_YEAR: _amount(meta["top_code_annual"], file, "top_code_annual"),
        }
        self.occupations: Mapping[str, tuple[str, str]] = {
            soc: (occupation, definition)
            for soc, occupation, definition in connection.execute(
                "SELECT soc, id, definition FROM occupation"
            )
        }
        self.industries: Mapping[str, str | None] = dict(
            connection.execute("SELECT code, id FROM industry")
        )
        # Types first: the definition check sorts the codes, and bytes do not sort with text.
        untyped = _untyped(
            file, self.footnotes.items(), self.occupations.items(), self.industries.items()
        )
        if untyped:
            raise DataError(untyped)
        bad = [
            Problem(
                file=file,
                path=f"occupation {soc}.definition",
                message=f"{definition!r} is not SOC codes such as 29-2072 or 29-2072+29-9021",
            )
            for soc, (_, definition) in sorted(self.occupations.items())
            if not _is_definition(definition)
        ]
        if bad:
            raise DataError(bad)
        self._codes_of: dict[str, list[str]] = {}
        for soc, (occupation, _) in self.occupations.items():
            self._codes_of.setdefault(occupation, []).append(soc)
        self._industry_codes: dict[str | None, list[str]] = {}
        for code, industry in self.industries.items():
            self._industry_codes.setdefault(industry, []).append(code)
        # Two SOC codes of one occupation give two rows of one occupation, area
        # and industry: their figures order by value then, not by their rows.
        self._codes_shared = any(len(codes) > 1 for codes in self._codes_of.values())

    def _reading_error(self, exc: sqlite3.Error) -> DataError:
        """Turn SQLite's error while reading (a damaged page, text not UTF-8) into a DataError."""
        return DataError([Problem(file=self.file, path="", message=f"cannot be read ({exc})")])

    def _query(self, query: str, arguments: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """Return every row *query* finds, read under the table's lock."""
        with self._lock:
            try:
                return self._connection.execute(query, arguments).fetchall()
            except sqlite3.Error as exc:
                raise self._reading_error(exc) from None

    def areas(self) -> list[str]:
        """Return every area id the table has a row for."""
        return [row[0] for row in self._query("SELECT DISTINCT area FROM cell")]

    def count(self) -> int:
        """Return the number of rows (cells)."""
        ((rows,),) = self._query("SELECT count(*) FROM cell")
        return int(rows)

    def withheld(self) -> dict[str, int]:
        """Count the values BLS printed as "-" (by footnote code) or as a marker (for the docs)."""
        counts: dict[str, int] = {}
        for value, note in zip(_VALUES, _NOTES, strict=True):
            query = (
                f"SELECT CASE WHEN {value} = '-' THEN {note} ELSE {value} END, count(*) "  # noqa: S608 - fixed names
                f"FROM cell WHERE {value} = '-' OR {value} IN ('*', '**', '#') GROUP BY 1"
            )
            for code, count in self._query(query):
                counts[str(code)] = counts.get(str(code), 0) + int(count)
        return counts

    def select(
        self,
        occupations: Iterable[str] | None = None,
        area: str | None = None,
        industries: Iterable[str | None] | None = None,
        *,
        datatypes: Collection[str] | None = None,
        definitions: Iterable[str | None] | None = None,
    ) -> list[Statistic]:
        """Return the statistics of every row matching the given parts (None: any), in order.

        The order is `Statistic`'s own (by occupation, measure, area,
        industry, percentile: the period and source are the table's).

        Args:
            occupations: Occupation ids.
            area: An area id.
            industries: Industry ids; None in it stands for all industries
                together (OEWS ``000000``).
            datatypes: The value columns wanted, as OEWS datatype codes
                (``"13"``: the annual median; see ``datatypes_for``).
            definitions: The definitions wanted (``"29-2072"``).

        Raises:
            DataError: a row read cannot be read, or (unless the table is
                trusted) holds a value that is not one the format allows.
        """
        parts = _parts(occupations, area, industries, definitions)
        layout = _layout(_chosen(datatypes))
        if self.trusted and not self._codes_shared:
            return self._trusted(layout, parts)
        return self._checked(layout.groups, parts)

    def cell(
        self,
        occupation: str,
        area: str,
        industry: str | None,
        *,
        datatypes: Collection[str] | None = None,
    ) -> list[Statistic] | None:
        """Return what `select` returns for one occupation, area and industry, or None.

        The question asked most (an occupation's median in a state): a
        trusted table names its one cell by its key, reads only the value
        columns of *datatypes*, and builds their figures straight from the
        row. None where the table cannot name the cell so (it is not
        trusted, an occupation has two SOC codes here, the industry two OEWS
        codes, or the area's cells two key prefixes): then `select` answers.

        Raises:
            DataError: the row cannot be read, or holds a value that is
                neither a number nor a footnote or marker.
        """
        if not self.trusted or self._codes_shared:
            return None
        held = self._held if self._held is not None else self._area_keys()
        keyed = held.get(area, _ABSENT)
        codes = self._industry_codes.get(industry, ())
        if keyed is None or len(codes) > 1:
            return None  # not one key: the area's cells have two prefixes, the industry two codes
        socs = self._codes_of.get(occupation, ())
        if not (socs and codes):
            return []  # no such occupation or industry here
        key = keyed[0] + area + codes[0] + socs[0]
        layout = _layout(_chosen(datatypes))
        if not layout.groups:
            return []
        read = self._query(layout.by_key, (key,))
        if not read:
            return []
        # The key names the row's codes: only its value columns were read.
        row = (key, socs[0], area, codes[0], *read[0])
        return self._figures(layout, [row])

    def columns(
        self,
        occupations: Iterable[str] | None = None,
        area: str | None = None,
        industries: Iterable[str | None] | None = None,
        *,
        datatypes: Collection[str] | None = None,
        definitions: Iterable[str | None] | None = None,
    ) -> Columns:
        """Return what `select` returns as `Columns`, making no `Statistic` of many trusted rows."""
        parts = _parts(occupations, area, industries, definitions)
        layout = _layout(_chosen(datatypes))
        if not (self.trusted and not self._codes_shared):
            return columns_of(self._checked(layout.groups, parts))
        rows = self._rows(layout.columns, parts) if layout.groups else []
        if len(rows) <= _BULK_ROWS:
            return columns_of(self._figures(layout, rows))
        numbers: _Numbers = {}
        found: dict[str, list[Any]] = {name: [] for name in _BULK_COLUMNS}
        for part in self._bulk(self._prepare(rows, layout, numbers, rses=False), layout, numbers):
            for name, values in part.items():
                found[name] += values
        count = len(found["value"])
        for name, value in self._constants():
            found[name] = [value] * count
        return {name: found[name] for name in COLUMNS}

    def _constants(self) -> tuple[tuple[str, object], ...]:
        """The columns every figure of the table shares, with their value."""
        return (
            ("period", self.period),
            ("source", self.source),
            ("setting", None),
            ("experience", None),
            ("accreditor", None),
            ("value_high", None),
            ("citation_source", self.source),
        )

    # -- reading rows --------------------------------------------------------------------

    def _socs(
        self, occupations: Collection[str] | None, definitions: Collection[str | None] | None
    ) -> Sequence[str]:
        """Return the SOC codes of the rows wanted: of the occupations, with the definitions."""
        if occupations is None:
            socs: Sequence[str] = list(self.occupations)
        elif len(occupations) == 1:  # the usual question: one occupation
            socs = self._codes_of.get(next(iter(occupations)), ())
        else:
            socs = [code for o in occupations for code in self._codes_of.get(o, ())]
        if definitions is None:
            return socs
        return [soc for soc in socs if self.occupations[soc][1] in definitions]

    def _codes(self, industries: Collection[str | None]) -> Sequence[str]:
        """Return the OEWS codes of the industries wanted."""
        if len(industries) == 1:  # the usual question: all industries (None), or one
            return self._industry_codes.get(next(iter(industries)), ())
        return [code for i in industries for code in self._industry_codes.get(i, ())]

    def may_hold(self, area: str) -> bool:
        """Whether the table may have a row of *area* (a trusted table knows; others may)."""
        return not self.trusted or area in self._area_keys()

    def _area_keys(self) -> Mapping[str, tuple[str, tuple[str, ...]] | None]:
        """Each area's key prefix (``"OEUS"``) and industry codes; None: not one prefix.

        Only for a trusted table, whose cell keys the build checked to be
        ``OEU`` + area type + area + industry + SOC code.
        """
        held = self._held
        if held is None:
            found: dict[str, dict[str, list[str]]] = {}
            for area, start in self._query("SELECT DISTINCT area, substr(key, 1, 17) FROM cell"):
                found.setdefault(area, {}).setdefault(start[:4], []).append(start[11:])
            held = self._held = {
                area: next((p, tuple(codes)) for p, codes in prefixes.items())
                if len(prefixes) == 1
                else None
                for area, prefixes in found.items()
            }
        return held

    def _rows(self, columns: str, parts: _Parts) -> list[tuple[Any, ...]]:
        """Return the *columns* of every row matching the parts of a query (None: any).

        A trusted table reads the cells of an area by their keys (``OEU`` +
        area type + area + industry + SOC code, as the build checked them)
        where the query names few enough; otherwise, by its indexes.
        """
        occupations, area, industries, definitions = parts
        socs = None
        if occupations is not None or definitions is not None:
            socs = self._socs(occupations, definitions)
            if not socs:
                return []
        codes = None
        if industries is not None:
            codes = self._codes(industries)
            if not codes:
                return []
        if self.trusted and area is not None:
            keys = self._keys(area, socs, codes)
            if keys is not None:
                return self._query(_by_keys(columns, len(keys)), keys) if keys else []
        return self._indexed(columns, socs, area, codes)

    def _indexed(
        self,
        columns: str,
        socs: Sequence[str] | None,
        area: str | None,
        codes: Sequence[str] | None,
    ) -> list[tuple[Any, ...]]:
        """Return the *columns* of the rows of these SOC, area and industry codes (None: any)."""
        where: list[str] = []
        arguments: list[str] = []
        if socs is not None:
            where.append(f"soc IN ({', '.join('?' * len(socs))})")
            arguments += socs
        if area is not None:
            where.append("area = ?")
            arguments.append(area)
        if codes is not None:
            # "+industry": not by the industry index when a narrower one applies (half
            # the rows are industry 000000; SQLite has no statistics to know it).
            column = "+industry" if where else "industry"
            where.append(f"{column} IN ({', '.join('?' * len(codes))})")
            arguments += codes
        query = f"SELECT {columns} FROM cell"  # noqa: S608 - fixed names
        if where:
            query += f" WHERE {' AND '.join(where)}"
        return self._query(query, arguments)

    def _keys(
        self, area: str, socs: Sequence[str] | None, codes: Sequence[str] | None
    ) -> list[str] | None:
        """Return the keys of the cells of *area* a trusted query names (None: too many to name).

        Every SOC code and industry code the table has stands in for None.
        """
        held = self._held if self._held is not None else self._area_keys()
        keyed = held.get(area, _ABSENT)
        if keyed is _ABSENT:
            return []  # the area has no row here
        if keyed is None:
            return None
        prefix, area_codes = keyed
        start = prefix + area
        keys = [
            start + code + soc
            for code in (codes or area_codes)
            for soc in (socs or self.occupations)
        ]
        return keys if len(keys) <= _MOST_KEYS else None

    # -- trusted: the columns asked for, built directly ----------------------------------

    def _trusted(self, layout: _Layout, parts: _Parts) -> list[Statistic]:
        """Return the statistics of the rows matching *parts*, in order (see `_figures`)."""
        return self._figures(layout, self._rows(layout.columns, parts) if layout.groups else [])

    def _figures(self, layout: _Layout, rows: list[tuple[Any, ...]]) -> list[Statistic]:
        """Return the statistics of trusted *rows* (read by *layout*'s columns), in order.

        Only a value that is not a number is checked (for its footnote or
        marker), and each record is built without its validators
        (`assemble`), figure by figure; with many rows, the cyclic garbage
        collector paused.
        """
        if not rows:
            return []
        numbers: _Numbers = {}
        prepared = self._prepare(rows, layout, numbers)
        if len(rows) > _BULK_ROWS:
            with _collector_paused():
                return self._statistics(prepared, layout, numbers)
        return self._statistics(prepared, layout, numbers)

    def _statistics(
        self, prepared: list[tuple[Any, ...]], layout: _Layout, numbers: _Numbers
    ) -> list[Statistic]:
        """Return the statistics of *prepared* rows, by occupation, then measure."""
        found: list[Statistic] = []
        if len(prepared) > _FEW_ROWS:  # their printed numbers read by the thousand first
            rows = [one[4] for one in prepared]
            for datatypes_of_measure in layout.groups:
                for at, *_ in datatypes_of_measure:
                    _learn([row[at] for row in rows], numbers)
        groups = (
            [prepared]
            if len(prepared) == 1
            else [list(g) for _, g in groupby(prepared, key=_OCCUPATION)]
        )
        for group in groups:
            holder = (group[0][0], self.occupations[group[0][4][1]][1])  # one SOC code each
            for datatypes_of_measure in layout.groups:
                self._one_by_one(group, datatypes_of_measure, holder, numbers, found)
        return found

    def _one_by_one(
        self,
        group: list[tuple[Any, ...]],
        datatypes: tuple[_Entry, ...],
        holder: tuple[str, str],
        numbers: _Numbers,
        found: list[Statistic],
    ) -> None:
        """Add the statistics of one measure of *group* (prepared rows) to *found*, one by one."""
        period, source, exact = self.period, self.source, Bound.EXACT
        occupation, definition = holder
        for _, area, _, _, row, rses, industry in group:
            key = row[0]
            for at, note_at, rse_at, measure, percentile, unit, coverage, code in datatypes:
                text = row[at]
                if text is None:
                    continue
                known = numbers.get(text)
                if known is None and _DECIMAL.fullmatch(text):
                    known = numbers[text] = (text, Decimal(text))
                if known is None:  # no number: a footnote or a marker says what it is
                    read = self._value(row, at, note_at, code, unit)
                    if read is None:
                        continue
                    quote, value, bound, descriptor = read
                else:
                    (quote, value), bound, descriptor = known, exact, None
                # Every field of Statistic, in order: a table's figures have no
                # setting, experience, accreditor or high end of a range.
                found.append(
                    _STATISTIC(
                        period,
                        source,
                        occupation,
                        measure,
                        area,
                        industry,
                        None,
                        None,
                        percentile,
                        None,
                        value,
                        None,
                        unit,
                        bound,
                        definition,
                        coverage,
                        descriptor,
                        rses[rse_at],
                        _CITATION(source, quote, key + code),
                    )
                )

    def _bulk(
        self, prepared: list[tuple[Any, ...]], layout: _Layout, numbers: _Numbers
    ) -> Iterator[dict[str, list[Any]]]:
        """Yield the columns of the figures of *prepared* rows, one measure of one occupation each.

        The same figures as `_one_by_one`'s, in order, read a column at a
        time: a column is one datatype down the rows of one occupation. The
        columns every figure of the table shares (`_constants`) are left out.
        """
        for occupation, same in groupby(prepared, key=_OCCUPATION):
            group = list(same)
            rows = [one[4] for one in group]
            rses = [self._rse_column(rows, *at, numbers) for at in layout.rses]
            down = _Down(
                rows,
                [one[1] for one in group],
                [one[6] for one in group],
                [row[0] for row in rows],
                [*rses, [None] * len(rows)],  # the RSEs asked for, then none ([-1])
            )
            definition = self.occupations[rows[0][1]][1]  # one SOC code per occupation
            for datatypes_of_measure in layout.groups:
                part = self._measure(down, datatypes_of_measure, numbers)
                count = len(part["value"])
                part["occupation"] = [occupation] * count
                part["definition"] = [definition] * count
                yield part

    def _measure(
        self, down: _Down, datatypes: tuple[_Entry, ...], numbers: _Numbers
    ) -> dict[str, list[Any]]:
        """Return the columns of one measure's figures down the rows of one occupation.

        With several datatypes (the percentiles of a wage), a row's figures
        come together, in the datatypes' order; an absent figure is left out.
        """
        size, step = len(down.rows), len(datatypes)
        parts = [self._aligned(down, datatype, numbers) for datatype in datatypes]
        columns: dict[str, list[Any]] = {}
        for index, name in enumerate(_ALIGNED):
            columns[name] = _weave([part[index] for part in parts], size)
        for index, name in enumerate(_BY_DATATYPE, start=3):
            columns[name] = _weave([[datatype[index]] * size for datatype in datatypes], size)
        columns["area"] = _weave([down.areas] * step, size)
        columns["industry"] = _weave([down.industries] * step, size)
        present = [part[-1] for part in parts]
        if any(flags is not None for flags in present):
            mask = _weave([[True] * size if flags is None else flags for flags in present], size)
            columns = {name: list(compress(values, mask)) for name, values in columns.items()}
        return columns

    def _aligned(self, down: _Down, datatype: _Entry, numbers: _Numbers) -> tuple[Any, ...]:
        """Return one datatype's figures down the rows, a column per `_ALIGNED` name, then presence.

        A row without the figure holds None in each column, and False among
        the flags of presence, which are None when every row has it.
        """
        at, note_at, rse_at, _, _, unit, _, code = datatype
        rows = down.rows
        size = len(rows)
        texts = [row[at] for row in rows]
        read: list[tuple[str, Decimal] | None] = list(map(numbers.get, texts))
        if None in read and _learn(texts, numbers):
            read = list(map(numbers.get, texts))
        bounds = [Bound.EXACT] * size
        descriptors: list[str | None] = [None] * size
        present = None
        if None in read:  # an empty cell, a marker, or a number not read yet
            for i in [i for i, known in enumerate(read) if known is None]:
                text = texts[i]
                if text is None:
                    continue
                figure = self._value(rows[i], at, note_at, code, unit)
                if figure is None:
                    continue
                quote, value, bounds[i], descriptors[i] = figure
                read[i] = (quote, value)
            present = [known is not None for known in read]
        pairs = read if present is None else [known or _NOTHING for known in read]
        quotes, values = (list(column) for column in zip(*pairs, strict=True))
        rses = down.rses[rse_at]
        locators = list(map(add, down.keys, repeat(code)))
        return (values, quotes, locators, bounds, descriptors, rses, present)

    def _rse_column(
        self, rows: list[tuple[Any, ...]], code: str, at: int, note_at: int, numbers: _Numbers
    ) -> list[Decimal | None]:
        """Return the RSE of datatype *code* down trusted *rows* (None where a cell has none)."""
        texts = [row[at] for row in rows]
        _learn(texts, numbers)
        read = list(map(numbers.get, texts))
        return [
            self._rse(row, code, at, note_at, numbers) if known is None else known[1]
            for row, known in zip(rows, read, strict=True)
        ]

    def _prepare(
        self,
        rows: list[tuple[Any, ...]],
        layout: _Layout,
        numbers: dict[str, tuple[str, Decimal]],
        *,
        rses: bool = True,
    ) -> list[tuple[Any, ...]]:
        """Return each trusted row with its occupation, industry and RSEs, in the order of rows.

        Each is (occupation, area, whether an industry, industry or "", row,
        RSEs, industry): sorted, they are in the order of `Statistic`.
        Without *rses*, the RSEs are left for `_bulk` to read a column at a time.
        """
        prepared = []
        for row in rows:
            try:
                occupation, _ = self.occupations[row[1]]
                industry = self.industries[row[3]]
            except KeyError:
                msg = f"unknown occupation {row[1]!r} or industry {row[3]!r}"
                raise DataError(
                    [Problem(file=self.file, path=f"cell {row[0]}.key", message=msg)]
                ) from None
            # The RSEs the figures asked for carry, then None for the others ([-1]).
            row_rses = (
                (*(self._rse(row, *at, numbers) for at in layout.rses), None)
                if rses and layout.rses
                else _NO_RSE
            )
            prepared.append(
                (occupation, row[2], industry is not None, industry or "", row, row_rses, industry)
            )
        prepared.sort(key=_ROW_ORDER)
        return prepared

    def _value(
        self, row: tuple[Any, ...], value_at: int, note_at: int, code: str, unit: Unit
    ) -> tuple[str, Decimal, Bound, str | None] | None:
        """Read a printed value that is no number read already: its quote, figure, bound, words.

        The callers read the printed numbers first (`_DECIMAL`, `_learn`), so
        this reads a dash or a marker with its footnote (None where BLS gives
        no figure); a number would be read too, as `_figure` reads it. A value
        that is neither is the `DataError` naming its cell.
        """
        text = row[value_at]
        try:
            figure = self._figure(text, row[note_at], unit)
        except _BadValueError as exc:
            path = f"cell {row[0]}.v{code}"
            raise DataError([Problem(file=self.file, path=path, message=str(exc))]) from None
        if figure is None:
            return None
        value, bound, descriptor = figure
        return text, value, bound, descriptor

    def _rse(
        self,
        row: tuple[Any, ...],
        code: str,
        value_at: int,
        note_at: int,
        numbers: dict[str, tuple[str, Decimal]],
    ) -> Decimal | None:
        """Read the RSE of datatype *code* from a trusted row (None where the cell has none)."""
        text = row[value_at]
        known = numbers.get(text)
        if known is not None:
            return known[1]
        try:
            value = _rse(text, row[note_at])
        except _BadValueError as exc:
            path = f"cell {row[0]}.v{code}"
            raise DataError([Problem(file=self.file, path=path, message=str(exc))]) from None
        if value is not None:
            numbers[text] = (text, value)
        return value

    # -- checked: whole rows, every value checked, built the strict way ------------------

    def _checked(self, groups: _Groups, parts: _Parts) -> list[Statistic]:
        """Return the statistics of the matching rows, in order, checking each whole row."""
        if not groups:
            return []
        rows = self._rows(_ALL_COLUMNS, parts)
        built = []
        for row in rows:
            figures = self._build(row)
            occupation, _ = self.occupations[row[1]]
            industry = self.industries[row[3]]
            built.append((occupation, row[2], industry is not None, industry or "", row, figures))
        built.sort(key=_ROW_ORDER)
        found: list[Statistic] = []
        for _, same in groupby(built, key=_OCCUPATION):
            group = list(same)
            for datatypes_of_measure in groups:
                for *_, figures in group:
                    for *_unused, code in datatypes_of_measure:
                        stat = figures.get(code)
                        if stat is not None:
                            found.append(stat)
        if self._codes_shared:
            found.sort(key=statistic_order)
        return found

    def _build(self, row: tuple[object, ...]) -> dict[str, Statistic]:  # noqa: C901 - one check per column
        """Turn one whole row into statistics by datatype, checking every value as it goes."""
        key = row[0] if isinstance(row[0], str) else repr(row[0])
        problems = self._type_problems(key, row)
        if problems:  # a value of another type (a BLOB, a number): nothing more is safe to read
            raise DataError(problems)

        def problem(column: str, message: str) -> None:
            problems.append(Problem(file=self.file, path=f"cell {key}.{column}", message=message))

        soc, area, industry_code = (str(part) for part in row[1:4])
        values = cast("tuple[str | None, ...]", row[4:21])
        notes = cast("tuple[str | None, ...]", row[21:38])
        if soc not in self.occupations or industry_code not in self.industries:
            problem("key", f"unknown occupation {soc!r} or industry {industry_code!r}")
            raise DataError(problems)
        occupation, definition = self.occupations[soc]
        industry = self.industries[industry_code]
        rses: dict[str, Decimal | None] = {}
        for code in ("02", "05"):
            index = int(code) - 1
            try:
                rses[code] = _rse(values[index], notes[index])
            except _BadValueError as exc:
                rses[code] = None
                problem(_VALUES[index], str(exc))
        built: dict[str, Statistic] = {}
        for datatype in DATATYPES:
            index = int(datatype.code) - 1
            text, note = values[index], notes[index]
            if text is None:
                continue
            try:
                figure = self._figure(text, note, datatype.unit)
            except _BadValueError as exc:
                problem(_VALUES[index], str(exc))
                continue
            if figure is None:
                continue
            value, bound, descriptor = figure
            try:
                built[datatype.code] = Statistic(
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
                    coverage=COVERAGE if datatype.measure is Measure.EMPLOYMENT else None,
                    descriptor=descriptor,
                    rse=rses[datatype.rse] if datatype.rse else None,
                    citation=Citation(source=self.source, quote=text, locator=key + datatype.code),
                )
            except FieldError as exc:
                problem(_VALUES[index], str(exc))
        if problems:
            raise DataError(problems)
        return built

    # -- what the release lists but does not publish ------------------------------

    def _covering(self) -> _Covered:
        """What the release covers: its cells, areas, national industries, datatypes."""
        found = self._covered
        if found is None:
            rows = self._query(
                f"SELECT soc, area, industry, {', '.join(_VALUES)} FROM cell"  # noqa: S608 - fixed names
            )
            present = {(soc, area, industry) for soc, area, industry, *_ in rows}
            published: dict[bool, set[str]] = {True: set(), False: set()}
            for _, _, industry, *values in rows:
                whole = industry == _WHOLE
                published[whole].update(
                    d.code for d in DATATYPES if values[int(d.code) - 1] is not None
                )
            found = self._covered = _Covered(
                present=frozenset(present),
                areas=tuple(sorted({a for _, a, i in present if i == _WHOLE})),
                industries=tuple(sorted({i for _, a, i in present if i != _WHOLE and a == NATION})),
                published={
                    whole: tuple(d for d in DATATYPES if d.code in codes)
                    for whole, codes in published.items()
                },
            )
        return found

    def unpublished(
        self,
        occupations: Iterable[str] | None = None,
        area: str | None = None,
        industries: Iterable[str | None] | None = None,
    ) -> list[Unpublished]:
        """Return each figure of the matching cells the release lists but does not publish.

        A value printed ``-`` with footnote 8, or marked ``*`` or ``**``, is
        withheld; ``-`` with footnote 4 is not applicable (pay of the other
        basis). An occupation of the table with no cell in an area the
        release covers (or, nationally, in an industry it covers) has no
        estimate there: one record for each measure and percentile the
        release publishes in cells of that kind.

        Args:
            occupations: Occupation ids (None: all).
            area: An area id (None: all).
            industries: Industry ids, None in it for all industries together
                (None: all).
        """
        socs = [
            soc
            for soc, (occupation, _) in sorted(self.occupations.items())
            if occupations is None or occupation in set(occupations)
        ]
        wanted = None if industries is None else set(industries)
        return [*self._withheld(socs, area, wanted), *self._no_estimates(socs, area, wanted)]

    def _withheld(
        self, socs: list[str], area: str | None, industries: set[str | None] | None
    ) -> Iterator[Unpublished]:
        """The values of the matching cells printed as not published, with the reason."""
        query = f"SELECT {', '.join(_CELL_COLUMNS)} FROM cell WHERE soc = ?"  # noqa: S608 - fixed names
        for soc in socs:
            rows = self._query(query, (soc,))
            for row in rows:
                industry = self.industries.get(str(row[3]))
                if (area is not None and row[2] != area) or (
                    industries is not None and industry not in industries
                ):
                    continue
                for datatype in DATATYPES:
                    index = int(datatype.code) - 1
                    value, note = row[4 + index], row[21 + index]
                    if value == "-" and note in {NOT_RELEASED, OTHER_BASIS}:
                        code = str(note)
                    elif value in NOT_AVAILABLE and note is None:
                        code = str(value)
                    else:
                        continue
                    reason = (
                        UnpublishedReason.NOT_APPLICABLE
                        if code == OTHER_BASIS
                        else UnpublishedReason.WITHHELD
                    )
                    yield self._unpublished(soc, (str(row[2]), industry), datatype, reason, code)

    def _no_estimates(
        self, socs: list[str], area: str | None, industries: set[str | None] | None
    ) -> Iterator[Unpublished]:
        """The figures of the cells the release has none of, in areas and industries it covers."""
        layout = self._covering()
        places: list[tuple[str, str]] = []
        if industries is None or None in industries:
            places += [(a, _WHOLE) for a in layout.areas if area in {None, a}]
        if area in {None, NATION}:
            places += [
                (NATION, code)
                for code in layout.industries
                if industries is None or self.industries.get(code) in industries
            ]
        for soc in socs:
            for where, code in places:
                if (soc, where, code) in layout.present:
                    continue
                industry = self.industries.get(code)
                for datatype in layout.published[code == _WHOLE]:
                    yield self._unpublished(
                        soc, (where, industry), datatype, UnpublishedReason.NO_ESTIMATE, None
                    )

    def _unpublished(
        self,
        soc: str,
        place: tuple[str, str | None],
        datatype: Datatype,
        reason: UnpublishedReason,
        code: str | None,
    ) -> Unpublished:
        """The record of one figure not published: *place* is its area and industry id."""
        occupation, definition = self.occupations[soc]
        area, industry = place
        return Unpublished(
            period=self.period,
            source=self.source,
            occupation=occupation,
            measure=datatype.measure,
            area=area,
            industry=industry,
            percentile=datatype.percentile,
            definition=definition,
            reason=reason,
            footnote=None if code is None else self.footnotes.get(code),
            footnote_code=code,
        )

    def _type_problems(self, key: str, row: tuple[object, ...]) -> list[Problem]:
        """Return a problem for each part of *row* that is not text (a value may be NULL)."""
        return [
            Problem(
                file=self.file, path=f"cell {key}.{column}", message=f"{shown(part)} is not text"
            )
            for column, part in zip(_CELL_COLUMNS, row, strict=True)
            if not (isinstance(part, str) or (part is None and column.startswith(("v", "f"))))
        ]

    def _figure(
        self, text: str, note: str | None, unit: Unit
    ) -> tuple[Decimal, Bound, str | None] | None:
        """Read one printed value: a figure, its bound and words, or None where BLS gives none."""
        if _DECIMAL.fullmatch(text):
            return Decimal(text), Bound.EXACT, None
        if text == "-" and note in {NOT_RELEASED, OTHER_BASIS}:
            return None
        if text in NOT_AVAILABLE and note is None:
            return None
        top = text if text in _TOP_CODED and note is None else note if text == "-" else None
        if top in _TOP_CODED and unit in self.top_code:
            return self.top_code[unit], Bound.AT_LEAST, self.footnotes.get(top)
        msg = f"{text!r} (footnote {note!r}) is neither a number nor a footnote or marker"
        raise _BadValueError(msg)


_Entry = tuple[int, int, int, Measure, "int | None", Unit, "Coverage | None", str]
"""How one datatype is read: see `_Layout.groups`."""

_Numbers = dict[str, tuple[str, Decimal]]
"""Each printed number a query met, with its quote and value (read once per query)."""


class _Down(NamedTuple):
    """The rows of one occupation, and what `Table._bulk` reads down them, row by row."""

    rows: list[tuple[Any, ...]]
    areas: list[str]
    industries: list[str | None]
    keys: list[str]
    rses: list[list[Decimal | None]]


_Parts = tuple[
    "Collection[str] | None",
    "str | None",
    "Collection[str | None] | None",
    "Collection[str | None] | None",
]
"""What rows a query asks for: occupation ids, an area, industry ids, definitions (None: any)."""

COLUMNS: Final = (
    *(field.name for field in attrs.fields(Statistic) if field.name != "citation"),
    "citation_source",
    "citation_quote",
    "citation_locator",
)
"""The columns of statistics (`Columns`): `Statistic`'s fields in order, its citation's split."""

Columns = dict[str, list[Any]]
"""Statistics as columns: a list per name of `COLUMNS`, each statistic's value at its place."""

_ALIGNED: Final = (
    "value",
    "citation_quote",
    "citation_locator",
    "bound",
    "descriptor",
    "rse",
)
"""The columns `Table._aligned` reads down the rows, in its order."""

_BY_DATATYPE: Final = ("measure", "percentile", "unit", "coverage")
"""The columns each datatype fixes: the items 3 to 6 of its `_Entry`."""

_BULK_COLUMNS: Final = ("occupation", "definition", *_ALIGNED, *_BY_DATATYPE, "area", "industry")
"""The columns `Table._bulk` returns (the others are the table's own, `Table._constants`)."""

_NOTHING: Final = (None, None)
"""The quote and value of an absent figure, in a column (left out afterwards)."""


_NUMBERS: Final = re.compile(
    r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:\n(?:0|[1-9][0-9]*)(?:\.[0-9]+)?)*", re.ASCII
)
"""Printed numbers as `_DECIMAL` reads them, one a line."""


_MARKED: Final = frozenset({None, "-", *NOT_AVAILABLE, *_TOP_CODED})
"""What a cell holds that is no number: nothing, a dash (with a footnote) or a marker."""


def _learn(texts: Iterable[str | None], numbers: _Numbers) -> bool:
    """Read each printed number among *texts* not in *numbers* into it; whether any was new.

    Numbers come by the thousand in a bulk read: checked all at once (one
    line each, by `_NUMBERS`, so no text of two lines), read by one `map`;
    a marker among them is left for its cell to read (with its footnote).
    """
    new = cast("list[str]", list({text for text in texts if text not in numbers} - _MARKED))
    if not new:
        return False
    if not _NUMBERS.fullmatch(joined := "\n".join(new)) or joined.count("\n") >= len(new):
        new = [text for text in new if _DECIMAL.fullmatch(text)]
    numbers.update(zip(new, zip(new, map(Decimal, new), strict=True), strict=True))
    return bool(new)


def _weave(parts: list[list[Any]], size: int) -> list[Any]:
    """Return the items of *parts*, lists of *size* items, one of each in turn."""
    if len(parts) == 1:
        return parts[0]
    step = len(parts)
    woven: list[Any] = [None] * (size * step)
    for i, part in enumerate(parts):
        woven[i::step] = part
    return woven


def columns_of(statistics: Iterable[Statistic]) -> Columns:
    """Return *statistics* as `Columns`, in their order."""
    found = tuple(statistics)
    columns = {name: list(map(attrgetter(name), found)) for name in COLUMNS[:-3]}
    citations = list(map(attrgetter("citation"), found))
    for name in ("source", "quote", "locator"):
        columns[f"citation_{name}"] = list(map(attrgetter(name), citations))
    return columns


_ABSENT: Final = ("", ())
"""What `Table._keys` finds of an area the table has no row of."""

_STATISTIC: Final = assemble(Statistic)
_CITATION: Final = assemble(Citation)

_NO_RSE: Final = (None,)
"""The RSEs of a row whose figures asked for none: None for all ([-1])."""

_FEW_ROWS: Final = 16
"""Up to this many rows, each printed number is read as a figure meets it."""

_BULK_ROWS: Final = 256
"""Reading more rows than this at once, the cyclic garbage collector is paused (see below)."""


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a bulk read builds its records.

    Building tens of thousands of records (none of them in a reference
    cycle) would set the collector off hundreds of times, each run
    scanning the objects already built: a third of the time of building
    every statistic. Reference counting still frees what is dropped; the
    collector is resumed afterwards unless it was off already (another
    thread's bulk read, or the program's own choice).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@functools.lru_cache(maxsize=256)
def _by_keys(columns: str, count: int) -> str:
    """Return the query of the *columns* of the cells of *count* keys."""
    if count == 1:
        return f"SELECT {columns} FROM cell WHERE key = ?"  # noqa: S608 - fixed names
    return f"SELECT {columns} FROM cell WHERE key IN ({', '.join('?' * count)})"  # noqa: S608 - fixed names


_MOST_KEYS: Final = 64
"""The most cell keys one query names; more (the nation's every industry) read by index."""

_ROW_ORDER: Final = itemgetter(0, 1, 2, 3, 4)
"""A prepared row's order: occupation, area, industry (all industries first), then the row.

The row (its cell key first, unique) orders the cells of one industry under two OEWS
codes, so that the order never depends on the index SQLite reads them by."""

_OCCUPATION: Final = itemgetter(0)

_ALL_COLUMNS: Final = ", ".join(_CELL_COLUMNS)


_Groups = tuple[tuple[_Entry, ...], ...]


def _parts(
    occupations: Iterable[str] | None,
    area: str | None,
    industries: Iterable[str | None] | None,
    definitions: Iterable[str | None] | None,
) -> _Parts:
    """Return what rows a query asks for, each collection a tuple (any iterable is given)."""
    return (
        None if occupations is None else tuple(occupations),
        area,
        None if industries is None else tuple(industries),
        None if definitions is None else tuple(definitions),
    )


def _chosen(datatypes: Collection[str] | None) -> frozenset[str] | None:
    """Return *datatypes* as a frozenset (the key of `_layout`), None as None."""
    return datatypes if datatypes is None or type(datatypes) is frozenset else frozenset(datatypes)


class _Layout(NamedTuple):
    """How the rows of one set of datatypes are read.

    Attributes:
        columns: The columns to select: key, soc, area, industry, then the
            value and footnote of each datatype (and of the RSEs they carry).
        groups: The datatypes by measure, in the order of `Statistic`
            (measure, then percentile): each the position of its value and
            footnote in a row, the position of its RSE among ``rses`` (-1:
            none), its measure, percentile, unit, coverage and code.
        rses: Each RSE datatype read, with its value's and footnote's positions.
        by_key: The query of one cell's value columns (from the fifth of
            *columns* on) by its key, for `Table.cell`, which knows the rest
            ("" where no datatype is asked: nothing is read).
    """

    columns: str
    groups: _Groups
    rses: tuple[tuple[str, int, int], ...]
    by_key: str


_ORDERED: Final = tuple(
    sorted(DATATYPES, key=lambda d: (d.measure, d.percentile is not None, d.percentile or 0))
)
"""The datatypes in the order of `Statistic`: by measure, then percentile (none first)."""


@functools.lru_cache(maxsize=256)
def _layout(datatypes: frozenset[str] | None) -> _Layout:
    """Return the layout of *datatypes* (None: all); cached, one per set of datatypes asked."""
    chosen = [d for d in _ORDERED if datatypes is None or d.code in datatypes]
    columns = ["key", "soc", "area", "industry"]
    rse_codes = sorted({d.rse for d in chosen if d.rse is not None})
    for code in [d.code for d in chosen] + rse_codes:
        columns += [f"v{code}", f"f{code}"]
    at = {code: 4 + 2 * i for i, code in enumerate([d.code for d in chosen] + rse_codes)}
    groups = tuple(
        tuple(
            (
                at[d.code],
                at[d.code] + 1,
                rse_codes.index(d.rse) if d.rse is not None else -1,
                d.measure,
                d.percentile,
                d.unit,
                COVERAGE if measure is Measure.EMPLOYMENT else None,
                d.code,
            )
            for d in same
        )
        for measure, same in groupby(chosen, key=lambda d: d.measure)
    )
    rses = tuple((code, at[code], at[code] + 1) for code in rse_codes)
    values = ", ".join(columns[4:])
    by_key = f"SELECT {values} FROM cell WHERE key = ?" if groups else ""  # noqa: S608 - fixed names
    return _Layout(", ".join(columns), groups, rses, by_key)


def _is_definition(value: object) -> bool:
    """Whether *value* is SOC codes as a table names a definition (``"29-2072"``)."""
    return isinstance(value, str) and _DEFINITION.fullmatch(value) is not None


class _Covered(NamedTuple):
    """What a release covers, for telling a figure it has none of from one it withheld."""

    present: frozenset[tuple[str, str, str]]  # (soc, area, industry code) of every cell
    areas: tuple[str, ...]  # the areas with a cell of the whole occupation
    industries: tuple[str, ...]  # the industry codes with a national cell
    published: Mapping[bool, tuple[Datatype, ...]]  # whole occupation? -> datatypes printed


class _BadValueError(ValueError):
    """A printed value that is neither a number nor a footnoted "-" or a marker."""


def _amount(text: object, file: str, name: str) -> Decimal:
    """Read a dollar amount of the meta table (a top code)."""
    if not (isinstance(text, str) and _DECIMAL.fullmatch(text)):
        msg = f"{name} {shown(text)} is not an amount of dollars"
        raise DataError([Problem(file=file, path=f"meta.{name}", message=msg)])
    return Decimal(text)


def _rse(text: str | None, note: str | None) -> Decimal | None:
    """Read an RSE as printed with its footnote: None where the cell has none."""
    unpublished = text == "-" and note in {NOT_RELEASED, OTHER_BASIS}
    if text is None or text in NOT_AVAILABLE or unpublished:
        return None
    if _DECIMAL.fullmatch(text):
        return Decimal(text)
    msg = f"RSE {text!r} is not a number"
    raise _BadValueError(msg)


def open_table(
    root: Traversable, name: str, *, check: bool = False, trusted: bool = False
) -> Table:
    """Open the table file *name* under *root* and check its shape.

    With *check*, SQLite also reads every page of the file (``PRAGMA
    quick_check``), so that a damaged file is refused now rather than when a
    query reaches the damage (`load` checks; the packaged files were checked
    when they were built). *trusted* marks a packaged file (see `Table`):
    only the packaged data may be opened so.

    Raises:
        DataError: the file is no SQLite database, or its tables, columns or
            metadata are not the table format, or (with *check*) it is damaged.
    """
    try:
        connection = _connect(root, name)
        shape = _shape_problems(connection)
        if check and not shape:
            (state,) = connection.execute("PRAGMA quick_check(1)").fetchone()
            if state != "ok":
                shape = [f"is damaged ({state})"]
    except (sqlite3.Error, OSError) as exc:
        raise DataError(
            [Problem(file=name, path="", message=f"is not a table file ({exc})")]
        ) from None
    if shape:
        connection.close()
        raise DataError([Problem(file=name, path="", message=message) for message in shape])
    try:
        return Table(name, connection, trusted=trusted)
    except (sqlite3.Error, ValueError) as exc:
        if isinstance(exc, DataError):
            raise
        raise DataError([Problem(file=name, path="meta", message=str(exc))]) from None


def release_problems(tables: Iterable[Table]) -> list[Problem]:
    """Return a problem for each table file holding a release another file holds already.

    One file per release: two files of the same source and period would
    give every figure twice.
    """
    first: dict[tuple[str, Period], str] = {}
    problems = []
    for table in tables:
        release = (table.source, table.period)
        if release in first:
            message = f"holds {table.source} {table.period}, as {first[release]} does"
            problems.append(Problem(file=table.file, path="meta", message=message))
        else:
            first[release] = table.file
    return problems


def _untyped(
    file: str,
    footnotes: Iterable[tuple[object, object]],
    occupations: Iterable[tuple[object, tuple[object, object]]],
    industries: Iterable[tuple[object, object]],
) -> list[Problem]:
    """Return a problem for each code or id of a table's small lists that is not text.

    SQLite keeps what it is given in a TEXT column (a BLOB stays bytes), and
    these lists pass into every record made from the table: a footnote's
    words, an occupation's id, an industry's id (NULL for all industries).
    """
    parts: list[tuple[str, object, str, object]] = [
        *(("footnote", code, "text", text) for code, text in footnotes),
        *(("occupation", soc, "id", occupation) for soc, (occupation, _) in occupations),
        *(("industry", code, "id", industry) for code, industry in industries),
    ]
    problems = []
    for table, key, column, value in parts:
        if not isinstance(key, str):
            problems.append(Problem(file=file, path=table, message=f"{shown(key)} is not text"))
        elif not (isinstance(value, str) or (value is None and table == "industry")):
            message = f"{shown(value)} is not text"
            problems.append(Problem(file=file, path=f"{table} {key}.{column}", message=message))
    return problems
