"""Opening a table file: its meta, code lists and pages checked, and a checked read's order.

The tests read a copy of the packaged ``oews.sqlite``, edited: in memory
(`Table` built on the connection, as `open_table` builds it for a zipped
install) or as the one file of a directory (`open_table` itself).
"""

from __future__ import annotations

import functools
import sqlite3
from importlib.resources import files
from pathlib import Path
from typing import Final

import pytest

import medcoder_careers as mc
from medcoder_careers._data.table import open_table

NAME: Final = "oews.sqlite"
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
