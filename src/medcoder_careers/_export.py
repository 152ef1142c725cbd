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
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal

import attrs
from attrs import AttrsInstance

from ._catalog import Catalog
from ._catalog import catalog as _packaged
from ._errors import ArgumentError, ArgumentNotFound, ExportError, shown
from ._manifest import MANIFEST, sha256
from ._period import Period

if TYPE_CHECKING:
    import cattrs

__all__ = ["FORMATS", "columns", "csv_text", "export", "flat_row", "full_record", "records"]

FORMATS: Final = ("json", "csv")
"""The formats `export` writes."""

_CITATION: Final = "citation"
_TABLE_SUFFIX: Final = ".sqlite"


def _converter() -> cattrs.Converter:
    from ._load import make_converter  # noqa: PLC0415 - cattrs loads only when needed

    return make_converter()


def _collections() -> Mapping[str, type[AttrsInstance]]:
    from ._load import COLLECTIONS  # noqa: PLC0415 - cattrs loads only when needed

    return COLLECTIONS


def records(catalog: Catalog, name: str) -> tuple[AttrsInstance, ...]:
    """Return the records of the collection *name* (``"statistics"``, ...) in file order."""
    held: Mapping[object, AttrsInstance] | tuple[AttrsInstance, ...] = getattr(catalog, name)
    return tuple(held.values()) if isinstance(held, Mapping) else held


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


def _json_files(catalog: Catalog) -> Iterator[tuple[str, bytes]]:
    """Write the data format: the JSON collections as held, the tables as they are."""
    converter = _converter()
    hashes: dict[str, str] = {}
    held = catalog._file_names()  # noqa: SLF001 - the catalog's own files
    for name in _collections():
        if f"{name}.json" not in held:  # areas, in a directory of release 2026.1
            continue
        rows = catalog._collection(name)  # noqa: SLF001 - the file's records, no table figures
        document = {name: [converter.unstructure(r) for r in rows]}
        data = (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode()
        hashes[f"{name}.json"] = sha256(data)
        yield f"{name}.json", data
    for name in held:
        if name.endswith(_TABLE_SUFFIX):
            data = catalog._file_bytes(name)  # noqa: SLF001
            hashes[name] = sha256(data)
            yield name, data
    manifest = {"data_version": catalog.data_version, "files": dict(sorted(hashes.items()))}
    yield MANIFEST, (json.dumps(manifest, indent=1) + "\n").encode()


def _csv_files(catalog: Catalog) -> Iterator[tuple[str, bytes]]:
    converter = _converter()
    for name, cls in _collections().items():
        text = csv_text(converter, cls, records(catalog, name), newline="\r\n")  # RFC 4180
        yield f"{name}.csv", text.encode()


def export(
    directory: str | os.PathLike[str],
    *,
    format: Literal["json", "csv"] = "json",  # noqa: A002 - the CLI's --format, by name
    catalog: Catalog | None = None,
    overwrite: bool = False,
) -> tuple[Path, ...]:
    """Write *catalog* (default: the packaged data) into *directory*.

    ``format="json"`` writes the packaged data format: one
    ``<collection>.json`` per collection and a ``manifest.json`` with the
    sha256 of each and the data version, so `load` reads the directory
    back into an equal catalog. ``format="csv"`` writes one flat
    ``<collection>.csv`` per collection (statistics, facts, and each kind
    of entity): a header row, then one row per record with every field as
    a column; a citation is split into ``citation_source``,
    ``citation_quote`` and ``citation_locator``, and nested values (lists, addresses) are compact
    JSON text.

    The directory is created if needed. Existing files are not replaced
    unless *overwrite* is true.

    Args:
        directory: Where to write.
        format: ``"json"`` or ``"csv"``.
        catalog: The catalog to write; the packaged one by default.
        overwrite: Replace files that already exist.

    Returns:
        The paths written, manifest last for ``"json"``.

    Raises:
        ArgumentError: *directory* is not a path (a `str` or an
            `os.PathLike`) or is empty (write ``"."`` for the current
            directory); *format* is not ``"json"`` or ``"csv"`` (also a
            `NotFound` suggesting them); *catalog* is not a `Catalog`;
            *overwrite* is not a bool. Nothing is written.
        ExportError: a file exists (and *overwrite* is false), or writing
            failed (also for a name the system refuses: too long, a NUL).
    """
    given: object = format  # typed as the two formats; any object may come
    if not isinstance(given, str) or given not in FORMATS:
        raise ArgumentNotFound(given, "format", suggestions=FORMATS)
    root = _directory(directory)
    if not isinstance(overwrite, bool):
        msg = f"overwrite must be True or False, got {shown(overwrite)}"
        raise ArgumentError(msg)
    if catalog is None:
        catalog = _packaged()
    elif not isinstance(catalog, Catalog):
        msg = f"catalog must be a Catalog, got {type(catalog).__name__}"
        raise ArgumentError(msg)
    produce = _json_files if format == "json" else _csv_files
    files = list(produce(catalog))
    targets = [root / name for name, _ in files]
    try:
        existing = [] if overwrite else [path for path in targets if path.exists()]
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise _write_error(root, exc) from exc
    if existing:
        msg = f"{existing[0]} already exists; replace it with overwrite=True (CLI: --force)"
        raise ExportError(msg)
    try:
        root.mkdir(parents=True, exist_ok=True)
        for path, (_, data) in zip(targets, files, strict=True):
            path.write_bytes(data)
    except (OSError, ValueError) as exc:
        raise _write_error(root, exc) from exc
    return tuple(targets)


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
