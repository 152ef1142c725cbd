"""Edits to a test's copy of the data directory (the `data_copy` fixture), shared by test files."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any


def edit_table(data: Path, file: str, statement: str, *arguments: object) -> None:
    """Run *statement* on the data copy's table *file*, and record its new digest."""
    connection = sqlite3.connect(data / file)
    with connection:
        connection.execute(statement, arguments)
    connection.close()
    manifest = data / "manifest.json"
    document = json.loads(manifest.read_text(encoding="utf-8"))
    document["files"][file] = hashlib.sha256((data / file).read_bytes()).hexdigest()
    manifest.write_text(json.dumps(document), encoding="utf-8")


def edit_records(data: Path, name: str, change: Callable[[dict[str, Any]], None]) -> None:
    """Apply *change* to each record of the data copy's ``{name}.json``."""
    path = data / f"{name}.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    for record in document[name]:
        change(record)
    path.write_text(json.dumps(document), encoding="utf-8")
