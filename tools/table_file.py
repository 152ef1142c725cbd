"""Write a statistical table file (SQLite) the library reads: the same bytes on every build.

One file per release of OEWS estimates (``oews.sqlite`` for May 2025,
``oews-2019-05.sqlite`` ... for the national files of May 2019 to May 2024),
in the library's table format 2 (``src/medcoder_careers/_data/table.py``):

- ``meta``: format, source id, period, release label, the top-code thresholds;
- ``footnote``: each footnote code or marker with its text as the file prints it;
- ``occupation``: each 6-digit SOC code with the occupation id and the
  definition (SOC code) its figures count;
- ``industry``: each OEWS industry code with its `Industry` id (None: all);
- ``cell``: one row per OEWS cell, its 17 values and 17 footnotes as printed.

Every file is byte-for-byte reproducible: a fixed page size, no journal,
secure_delete and a final VACUUM, and then zeroing what records the SQLite
version (two header fields) and what SQLite leaves unallocated inside
pages: SQLite 3.40.1 and 3.51.1 then write the same bytes.
"""

from __future__ import annotations

import contextlib
import sqlite3
import struct
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from pinned import BuildError

__all__ = [
    "COLUMNS",
    "DATATYPES",
    "FORMAT",
    "PAGE_SIZE",
    "Cell",
    "TableFile",
    "canonical",
    "table_bytes",
    "verify_table",
    "verify_table_file",
]

FORMAT: Final = "2"
DATATYPES: Final = tuple(f"{number:02d}" for number in range(1, 18))
COLUMNS: Final = tuple(f"v{d}" for d in DATATYPES) + tuple(f"f{d}" for d in DATATYPES)
SCHEMA: Final = (
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    "CREATE TABLE footnote (code TEXT PRIMARY KEY, text TEXT NOT NULL) WITHOUT ROWID",
    (
        "CREATE TABLE occupation (soc TEXT PRIMARY KEY, id TEXT NOT NULL,"
        " definition TEXT NOT NULL) WITHOUT ROWID"
    ),
    "CREATE TABLE industry (code TEXT PRIMARY KEY, id TEXT) WITHOUT ROWID",
    "CREATE TABLE cell (key TEXT PRIMARY KEY, soc TEXT NOT NULL, area TEXT NOT NULL,"
    " industry TEXT NOT NULL, " + ", ".join(f"{c} TEXT" for c in COLUMNS) + ") WITHOUT ROWID",
)
INDEXES: Final = (
    "CREATE INDEX cell_soc_area ON cell (soc, area)",
    "CREATE INDEX cell_area ON cell (area)",
    "CREATE INDEX cell_industry ON cell (industry)",
)
PAGE_SIZE: Final = 4096
_BTREE_HEADER: Final = {2: 12, 5: 12, 10: 8, 13: 8}  # page type (interior, leaf) -> header bytes
_PRAGMAS: Final = (
    f"page_size = {PAGE_SIZE}",
    "encoding = 'UTF-8'",
    "auto_vacuum = NONE",
    "journal_mode = OFF",
    "secure_delete = ON",  # what SQLite frees is zeroed, not left as it was
    "cache_size = -524288",  # 512 MiB while building; not stored in the file
)

Cell = tuple[Any, ...]
"""One row of ``cell``: key, soc, area, industry, v01..v17, f01..f17."""


@dataclass(frozen=True)
class TableFile:
    """The rows of one table file.

    Attributes:
        name: The file's name in the data directory (``"oews-2024-05.sqlite"``).
        meta: Its ``meta`` pairs (``format`` is added).
        footnotes: Each footnote code or marker with its text.
        occupations: ``(soc, occupation id, definition)`` rows.
        industries: ``(code, industry id or None)`` rows.
        cells: The cells, each with its 17 values and 17 footnotes.
    """

    name: str
    meta: Sequence[tuple[str, str]]
    footnotes: Sequence[tuple[str, str]]
    occupations: Sequence[tuple[str, str, str]]
    industries: Sequence[tuple[str, str | None]]
    cells: Sequence[Cell]

    @property
    def all_meta(self) -> tuple[tuple[str, str], ...]:
        """The ``meta`` rows written, format included, sorted."""
        return tuple(sorted([("format", FORMAT), *self.meta]))


def _zero_header(data: bytearray) -> None:
    """Zero what records the SQLite version: the change counter and version fields.

    The file change counter (offset 24) is zeroed too, so that it still equals
    version-valid-for and the header's page count stays authoritative.
    """
    if data[:16] != b"SQLite format 3\x00" or data[16:18] != b"\x10\x00" or any(data[32:40]):
        msg = "not an SQLite database of 4096-byte pages without free pages"
        raise BuildError(msg)
    data[24:28] = bytes(4)
    data[92:100] = bytes(8)


def _zero_unallocated(data: bytearray) -> None:
    """Zero the unallocated bytes of every b-tree page: its gap and its freeblocks' bodies.

    SQLite leaves there whatever was there before (older versions even a stale
    cell pointer); it is never read, and differs between SQLite versions. The
    freeblocks' 4-byte headers chain them and stay; secure_delete has zeroed
    the rest of what was freed, fragments included.
    """
    for page, start in enumerate(range(0, len(data), PAGE_SIZE), start=1):
        header = start + (100 if page == 1 else 0)
        if data[header] not in _BTREE_HEADER:
            msg = f"page {page} is not a b-tree page"
            raise BuildError(msg)
        freeblock, cells, content = struct.unpack_from(">HHH", data, header + 1)
        gap = header + _BTREE_HEADER[data[header]] + 2 * cells
        data[gap : start + content] = bytes(start + content - gap)
        while freeblock:
            position = start + freeblock
            freeblock, size = struct.unpack_from(">HH", data, position)
            ascending = not freeblock or freeblock > position - start
            if not (ascending and 4 <= size <= start + PAGE_SIZE - position):  # noqa: PLR2004
                msg = f"page {page}: the freeblock at {position - start} is not well-formed"
                raise BuildError(msg)
            data[position + 4 : position + size] = bytes(size - 4)


def canonical(raw: bytes) -> bytes:
    """Return a freshly vacuumed database's bytes as every SQLite build would write them."""
    data = bytearray(raw)
    _zero_header(data)
    _zero_unallocated(data)
    return bytes(data)


def _fill(conn: sqlite3.Connection, table: TableFile) -> None:
    """Create the schema and insert the rows, each table in key order."""
    conn.execute("BEGIN")
    for statement in SCHEMA:
        conn.execute(statement)
    conn.executemany("INSERT INTO meta VALUES (?, ?)", table.all_meta)
    conn.executemany("INSERT INTO footnote VALUES (?, ?)", sorted(table.footnotes))
    conn.executemany("INSERT INTO occupation VALUES (?, ?, ?)", sorted(table.occupations))
    conn.executemany("INSERT INTO industry VALUES (?, ?)", sorted(table.industries))
    marks = ", ".join("?" * (4 + len(COLUMNS)))
    conn.executemany(f"INSERT INTO cell VALUES ({marks})", table.cells)  # noqa: S608 - placeholders only
    for statement in INDEXES:  # after the rows: building an index at once is much faster
        conn.execute(statement)
    conn.execute("COMMIT")


def table_bytes(table: TableFile) -> bytes:
    """Return the bytes of the table file holding these rows, the same on every SQLite build."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / table.name
        with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
            for pragma in _PRAGMAS:
                conn.execute(f"PRAGMA {pragma}")
            _fill(conn, table)
            conn.execute("VACUUM")
        try:
            data = canonical(path.read_bytes())
        except BuildError as exc:
            msg = f"{table.name}: {exc}"
            raise BuildError(msg) from None
    verify_table(data, table)
    return data


def _verify_conn(
    conn: sqlite3.Connection, table: TableFile, where: str, *, integrity: bool
) -> None:
    """Fail unless *conn* holds *table*'s cells and meta (and passes the integrity check)."""
    ok = conn.execute("PRAGMA integrity_check").fetchone()[0] if integrity else "ok"
    count = conn.execute("SELECT count(*) FROM cell").fetchone()[0]
    meta = tuple(sorted(conn.execute("SELECT name, value FROM meta")))
    cells = len(table.cells)
    if ok != "ok" or count != cells or meta != table.all_meta:
        msg = f"{where}: integrity {ok!r}, {count} cells (expected {cells}), meta {meta}"
        raise BuildError(msg)


def verify_table(data: bytes, table: TableFile) -> None:
    """Fail unless *data* opens in memory as *table*'s file."""
    if (
        data[16:18] != b"\x10\x00"
        or data[44:48] != b"\x00\x00\x00\x04"
        or data[56:60] != bytes((0, 0, 0, 1))
    ):
        msg = f"{table.name}: page size, schema format or text encoding is not 4096, 4, UTF-8"
        raise BuildError(msg)
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        conn.deserialize(data)
        _verify_conn(conn, table, f"{table.name} (in memory)", integrity=True)


def verify_table_file(path: Path, table: TableFile) -> None:
    """Fail unless the written file opens read-only and holds *table*'s cells and meta."""
    uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as conn:
        _verify_conn(conn, table, str(path), integrity=False)
