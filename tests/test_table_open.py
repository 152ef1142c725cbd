"""Opening a table file: its meta, code lists and pages checked, and a checked read's order.

The tests read a copy of the packaged ``oews.sqlite``, edited: in memory
(`Table` built on the connection, as `open_table` builds it for a zipped
install) or as the one file of a directory (`open_table` itself).
"""

from __future__ import annotations

import functools
import sqlite3
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import Final

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._data.table import Table, open_table
from medcoder_careers._model import statistic_order

NAME: Final = "oews.sqlite"
CA: Final = "OEUS0600000000000292072"
CA_AREA: Final = "0600000"
NATION: Final = "0000000"
CODER: Final = "medical-records-and-health-information-technicians"
INDUSTRY_CODES: Final = ("423000", "621100", "622000")
"""Three industries with a national row of medical coders (ids 423, 6211 and 622)."""
UNKEYED_META: Final = (
    "CREATE TABLE m (name TEXT, value TEXT)",
    "INSERT INTO m SELECT name, value FROM meta",
    "DROP TABLE meta",
    "ALTER TABLE m RENAME TO meta",
)
"""Statements giving the file a meta table without its primary key (a name may repeat)."""


@functools.cache
def _packaged() -> bytes:
    """The packaged table file's bytes, read once."""
    return (files("medcoder_careers") / "data" / NAME).read_bytes()


def _memory(*statements: str, arguments: tuple[object, ...] = ()) -> sqlite3.Connection:
    """A copy of the packaged table file in memory, *statements* run on it (the last with args)."""
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    connection.deserialize(_packaged())
    for i, statement in enumerate(statements):
        connection.execute(statement, arguments if i == len(statements) - 1 else ())
    connection.commit()
    return connection


def _directory(root: Path, *statements: str) -> Path:
    """Write a copy of the packaged table file into *root*, *statements* run on it."""
    connection = _memory(*statements)
    (root / NAME).write_bytes(connection.serialize())
    connection.close()
    return root


def _problems(error: pytest.ExceptionInfo[mc.DataError]) -> list[tuple[str, str, str]]:
    """Each problem of a DataError as (file, path, message)."""
    return [(p.file, p.path, p.message) for p in error.value.problems]


class TestMeta:
    """A meta table that is not the format's is refused by a problem naming file and place."""

    def test_meta_columns(self, tmp_path: Path) -> None:
        """A meta table of other columns: one problem on the file, naming them and the wanted."""
        root = _directory(tmp_path, "ALTER TABLE meta RENAME COLUMN value TO text")
        with pytest.raises(mc.DataError) as info:
            open_table(root, NAME)
        assert _problems(info) == [
            (NAME, "", "table 'meta' has columns ['name', 'text'], expected ['name', 'value']")
        ]

    @pytest.mark.parametrize(
        ("statements", "names"),
        [
            # The format check read '2', the table '3': a KeyError (no top code), not a DataError.
            (
                (
                    "INSERT INTO meta VALUES ('format', '3')",
                    "DELETE FROM meta WHERE name LIKE 'top_code_%'",
                ),
                ["format"],
            ),
            (("INSERT INTO meta VALUES ('period', '2019-05')",), ["period"]),  # was read silently
            (
                ("INSERT INTO meta VALUES ('source', 'x'), ('period', '2019-05')",),
                ["period", "source"],
            ),
        ],
    )
    def test_name_twice(
        self, tmp_path: Path, statements: tuple[str, ...], names: list[str]
    ) -> None:
        """A meta table naming a thing twice is refused: which of its rows holds it is unknown."""
        root = _directory(tmp_path, *UNKEYED_META, *statements)
        with pytest.raises(mc.DataError) as info:
            open_table(root, NAME)
        assert _problems(info) == [(NAME, "", f"meta names {names} more than once")]

    def test_format_named_otherwise(self, tmp_path: Path) -> None:
        """'FORMAT' that a NOCASE column matches is no 'format': meta lacks it, a DataError."""
        root = _directory(
            tmp_path,
            "CREATE TABLE m (name TEXT COLLATE NOCASE PRIMARY KEY, value TEXT)",
            *UNKEYED_META[1:],
            "UPDATE meta SET name = 'FORMAT' WHERE name = 'format'",
        )
        with pytest.raises(mc.DataError) as info:
            open_table(root, NAME)
        assert _problems(info) == [(NAME, "meta", "meta lacks ['format']")]

    def test_hourly_top_code(self) -> None:
        """An hourly top code that is no amount is a problem at its own name in meta."""
        connection = _memory("UPDATE meta SET value = '115,00' WHERE name = 'top_code_hourly'")
        with pytest.raises(mc.DataError) as info:
            Table(NAME, connection)
        assert _problems(info) == [
            (NAME, "meta.top_code_hourly", "top_code_hourly '115,00' is not an amount of dollars")
        ]


class TestCodeLists:
    """The occupations are checked as the table is opened; a table is checked unless trusted."""

    def test_definition_names_file(self) -> None:
        """A definition that is no SOC codes: a problem naming the file and the occupation."""
        connection = _memory("UPDATE occupation SET definition = '29-2072 ' WHERE soc = '292072'")
        with pytest.raises(mc.DataError) as info:
            Table(NAME, connection)
        message = "'29-2072 ' is not SOC codes such as 29-2072 or 29-2072+29-9021"
        assert _problems(info) == [(NAME, "occupation 292072.definition", message)]

    def test_untrusted_unless_told(self) -> None:
        """A Table is checked by default: it names no cell by its key, select() answers."""
        table = Table(NAME, _memory())
        assert table.trusted is False
        assert table.cell(CODER, CA_AREA, None) is None
        assert Table(NAME, _memory(), trusted=True).cell(CODER, CA_AREA, None)

    @pytest.mark.parametrize(
        ("statement", "path"),
        [
            ("UPDATE footnote SET text = x'ff00' WHERE code = '8'", "footnote 8.text"),
            ("UPDATE occupation SET id = x'ff00' WHERE soc = '292072'", "occupation 292072.id"),
            ("UPDATE industry SET id = x'ff00' WHERE code = '622000'", "industry 622000.id"),
            ("UPDATE footnote SET code = x'ff00' WHERE code = '8'", "footnote"),
            ("UPDATE industry SET code = x'ff00' WHERE code = '622000'", "industry"),
            ("UPDATE occupation SET soc = x'ff00' WHERE soc = '292072'", "occupation"),
        ],
    )
    def test_not_text(self, statement: str, path: str) -> None:
        """A code or id that is not text (a BLOB): a problem naming its list, and its row if it can.

        SQLite keeps what it is given in a TEXT column; read as it is, a
        footnote's words would reach the records as bytes.
        """
        with pytest.raises(mc.DataError) as info:
            Table(NAME, _memory(statement))
        ((file, where, message),) = _problems(info)
        assert (file, where, message) == (NAME, path, r"b'\xff\x00' is not text")

    def test_every_industry_id_text_or_none(self) -> None:
        """The packaged table opens: its industry ids are text, or NULL for all industries."""
        table = Table(NAME, _memory())
        assert None in table.industries.values()
        assert all(isinstance(code, str) for code in table.industries)


class TestDamage:
    """A damaged page is found when the file opens only if asked (`load` asks)."""

    def test_found_when_checked(self, tmp_path: Path) -> None:
        """An index page overwritten: opens unchecked; checked, one problem naming the file."""
        root = _directory(tmp_path)
        connection = sqlite3.connect(root / NAME)
        (size,) = connection.execute("PRAGMA page_size").fetchone()
        (page,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'cell_industry'"
        ).fetchone()
        connection.close()
        damaged = bytearray((root / NAME).read_bytes())
        damaged[(page - 1) * size : page * size] = b"\xff" * size
        (root / NAME).write_bytes(damaged)
        assert open_table(root, NAME).source == "oews-2025-05"  # meta and code lists intact
        with pytest.raises(mc.DataError) as info:
            open_table(root, NAME, check=True)
        ((file, path, message),) = _problems(info)
        assert (file, path) == (NAME, "")
        assert message.startswith("is damaged (")
        assert f"Page {page}" in message

    def test_sound_file_checked(self, tmp_path: Path) -> None:
        """The packaged file passes the check."""
        assert open_table(_directory(tmp_path), NAME, check=True).count() == 3679


class TestCheckedRead:
    """A checked read names a cell's key of another type, and keeps `Statistic`'s order."""

    def test_key_not_text(self) -> None:
        """A cell key that is a BLOB is named as Python shows it, in the path and the message."""
        connection = _memory("UPDATE cell SET key = x'ff00' WHERE key = ?", arguments=(CA,))
        with pytest.raises(mc.DataError) as info:
            Table(NAME, connection).select(area=CA_AREA)
        assert _problems(info) == [(NAME, r"cell b'\xff\x00'.key", r"b'\xff\x00' is not text")]

    # ids of "0", "A" and "z": no other industry has one
    @given(ids=st.lists(st.text("0Az", max_size=3), min_size=3, max_size=3, unique=True))
    @example(ids=["622", "6211", "0"])  # the ids in the opposite order of their codes
    @example(ids=["0", "", "A"])  # an empty id first
    def test_industries_in_statistic_order(self, ids: list[str]) -> None:
        """Whatever the (distinct) industry ids, the statistics are in Statistic's order."""
        connection = _memory()
        connection.executemany(
            "UPDATE industry SET id = ? WHERE code = ?", zip(ids, INDUSTRY_CODES, strict=True)
        )
        table = Table(NAME, connection)
        found = table.select(occupations=[CODER], area=NATION, industries=[None, *ids])
        assert {s.industry for s in found} == {None, *ids}
        assert found == sorted(found, key=statistic_order)

    def test_shared_codes_by_value(self) -> None:
        """Two SOC codes of one occupation: the figures of a cell order by value, not by row."""
        connection = _memory(
            "UPDATE occupation SET id = ? WHERE soc = '299021'", arguments=(CODER,)
        )
        table = Table(NAME, connection)
        found = table.select(occupations=[CODER], area=CA_AREA, industries=[None])
        employment = [(s.definition, s.value) for s in found if s.measure is mc.Measure.EMPLOYMENT]
        assert employment == [("29-9021", Decimal(2920)), ("29-2072", Decimal(18700))]
        assert found == sorted(found, key=statistic_order)
