"""`export()`: write a catalog as a data directory (JSON) or as flat CSV files.

The JSON form is the packaged format, so ``load(directory)`` reads it back
into an equal catalog. The CSV form has one file per collection, one row per
record, a header row, and every field as a column.
"""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
import stat
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs
from attrs import AttrsInstance

from ._data.manifest import COLLECTIONS, MANIFEST, TABLE_SUFFIX
from ._data.reads import not_regular, sha256
from ._errors import ArgumentError, ArgumentNotFound, ExportError, shown
from ._period import Period
from ._query import every_statistic

if TYPE_CHECKING:
    import cattrs

    from ._data.store import Store

__all__ = ["FORMATS", "columns", "csv_text", "export", "flat_row", "full_record", "records"]

FORMATS: Final = ("json", "csv")
"""The formats `export` writes."""

_CITATION: Final = "citation"


def _converter() -> cattrs.Converter:
    from ._data.codec import make_converter  # noqa: PLC0415 - cattrs loads only when needed

    return make_converter()


def records(store: Store, name: str) -> tuple[AttrsInstance, ...]:
    """Return every record of the collection *name* in order; the tables' statistics too."""
    return every_statistic(store) if name == "statistics" else store.collection(name)


def columns(cls: type[AttrsInstance]) -> tuple[str, ...]:
    """Return the flat column names of *cls*: its fields, a citation split in two."""
    names: list[str] = []
    for field in attrs.fields(cls):
        if field.name == _CITATION:
            names += [f"{_CITATION}_source", f"{_CITATION}_quote", f"{_CITATION}_locator"]
        else:
            names.append(field.name)
    return tuple(names)


def _cell(converter: cattrs.Converter, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str | int | Decimal | Period):
        return str(value)  # a StrEnum gives its value
    nested = converter.unstructure(value)
    return json.dumps(nested, ensure_ascii=False, separators=(",", ":"))


def flat_row(converter: cattrs.Converter, record: AttrsInstance) -> dict[str, str]:
    """Flatten *record* into text cells keyed by `columns`.

    Scalars are written in their text form (a decimal exactly as stored, a
    period as ISO 8601 text, an enum as its value, None as an empty cell); a
    citation becomes ``citation_source`` and ``citation_quote``; any other
    nested value (a tuple, an address) becomes compact JSON text.
    """
    row: dict[str, str] = {}
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if field.name == _CITATION:
            row[f"{_CITATION}_source"] = value.source
            row[f"{_CITATION}_quote"] = value.quote
            row[f"{_CITATION}_locator"] = value.locator or ""
        else:
            row[field.name] = _cell(converter, value)
    return row


def full_record(converter: cattrs.Converter, record: AttrsInstance) -> dict[str, object]:
    """Unstructure *record* with every field present (defaults included), its citation too."""
    return {
        field.name: (
            full_record(converter, value)
            if field.name == _CITATION
            else converter.unstructure(value)
        )
        for field in attrs.fields(type(record))
        for value in (getattr(record, field.name),)
    }


def csv_text(
    converter: cattrs.Converter,
    cls: type[AttrsInstance],
    rows: Iterable[AttrsInstance],
    newline: str = "\n",
) -> str:
    """Render *rows* of class *cls* as CSV text with a header row."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns(cls), lineterminator=newline)
    writer.writeheader()
    writer.writerows(flat_row(converter, row) for row in rows)
    return buffer.getvalue()


def _json_files(store: Store) -> Iterator[tuple[str, bytes]]:
    """Write the data format: the JSON collections as held, the tables as they are."""
    converter = _converter()
    hashes: dict[str, str] = {}
    held = store.file_names()
    for name in COLLECTIONS:
        if f"{name}.json" not in held:  # areas, in a directory of release 2026.1
            continue
        rows = store.collection(name)  # the file's records: no table figures
        document = {name: [converter.unstructure(r) for r in rows]}
        data = (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode()
        hashes[f"{name}.json"] = sha256(data)
        yield f"{name}.json", data
    for name in held:
        if name.endswith(TABLE_SUFFIX):
            data = store.file_bytes(name)
            hashes[name] = sha256(data)
            yield name, data
    manifest = {"data_version": store.manifest.data_version, "files": dict(sorted(hashes.items()))}
    yield MANIFEST, (json.dumps(manifest, indent=1) + "\n").encode()


def _csv_files(store: Store) -> Iterator[tuple[str, bytes]]:
    converter = _converter()
    for name, cls in COLLECTIONS.items():
        text = csv_text(converter, cls, records(store, name), newline="\r\n")  # RFC 4180
        yield f"{name}.csv", text.encode()


def export(
    directory: object,
    *,
    format: object,  # noqa: A002 - the CLI's --format, by name
    overwrite: object,
    store: Callable[[], Store],
) -> tuple[Path, ...]:
    """Write the data of ``store()`` into *directory* (see `mc.export`).

    The arguments are checked in order (format, directory, overwrite, then
    *store*, which raises for a bad catalog) before anything is written.

    Raises:
        ArgumentError: an argument is not valid (see `mc.export`).
        ExportError: a file exists (and *overwrite* is false), an entry that
            is not a regular file is in the way, or writing failed.
    """
    if not isinstance(format, str) or format not in FORMATS:
        raise ArgumentNotFound(format, "format", suggestions=FORMATS)
    root = _directory(directory)
    if not isinstance(overwrite, bool):
        msg = f"overwrite must be True or False, got {shown(overwrite)}"
        raise ArgumentError(msg)
    produce = _json_files if format == "json" else _csv_files
    files = list(produce(store()))
    targets = [root / name for name, _ in files]
    try:
        entries = [(path, _entry(path)) for path in targets]
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise _write_error(root, exc) from exc
    # What no overwrite may replace first: --force would not help there.
    for path, mode in entries:
        if mode is not None and not stat.S_ISREG(mode):
            msg = (
                f"{path} {not_regular(mode)}; export never replaces one, "
                "even with overwrite=True (CLI: --force)"
            )
            raise ExportError(msg)
    existing = [] if overwrite else [path for path, mode in entries if mode is not None]
    if existing:
        msg = f"{existing[0]} already exists; replace it with overwrite=True (CLI: --force)"
        raise ExportError(msg)
    try:
        root.mkdir(parents=True, exist_ok=True)
        for path, (_, data) in zip(targets, files, strict=True):
            _replace(path, data)
    except (OSError, ValueError) as exc:
        raise _write_error(root, exc) from exc
    return tuple(targets)


def _entry(path: Path) -> int | None:
    """Return the mode of the entry *path* itself (a link's own, `os.lstat`), or None if none.

    A dangling link is an entry too, though `Path.exists` calls it missing.
    """
    try:
        return path.lstat().st_mode
    except FileNotFoundError:
        return None


def _replace(path: Path, data: bytes) -> None:
    """Write *data* to a new file beside *path*, then rename it onto *path*.

    Nothing at *path* is ever opened: a link there would be replaced, not
    followed, and a FIFO not waited on (`export` refuses both beforehand;
    this holds should one appear since). The new file has a random name and
    is created exclusively (``O_EXCL``: never through a link), with the
    permissions of any new file (``0o666`` less the umask); should writing
    fail, it is removed.
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(temporary, flags, 0o666)
    try:
        with open(descriptor, "wb") as stream:  # noqa: PTH123 - a descriptor, closed with it
            stream.write(data)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _directory(directory: object) -> Path:
    """Return *directory* as a Path, or raise ArgumentError naming what it is instead."""
    try:
        path = os.fspath(directory) if isinstance(directory, str | os.PathLike) else None
    except TypeError:  # an os.PathLike whose __fspath__ gives neither str nor bytes
        path = None
    if not isinstance(path, str):
        msg = f"directory must be a str or os.PathLike, got {type(directory).__name__}"
        raise ArgumentError(msg)
    if not path:  # Path("") is ".": the files would land in the current directory
        msg = "directory must not be empty; write '.' for the current directory"
        raise ArgumentError(msg)
    return Path(path)


def _write_error(root: Path, exc: OSError | ValueError) -> ExportError:
    reason = (exc.strerror if isinstance(exc, OSError) else None) or exc
    return ExportError(f"cannot write to {root}: {reason}")
