"""Fuzzing `load(path)`: damaged data gives a DataError naming file and path, nothing else."""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any, get_args, get_type_hints

import attrs
from hypothesis import event, given
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._data.manifest import COLLECTIONS

from .conftest import examples

NAMES = sorted(COLLECTIONS)
# The table file is named too when a problem cascades into it (a row's area
# whose record was refused).
FILES = {path.name for path in files("medcoder_careers").joinpath("data").iterdir()}
JSON_VALUES: st.SearchStrategy[object] = st.sampled_from(
    [None, 1, 1.5, True, [], {}, "x", "", -1, 10**30]
)
BAD_DECIMALS = ["NaN", "1e999", "", "Infinity", "1,000", " 1", "0x10", "--1", "1.", ".5", 1.5, 7]
_MISSING = object()
REFERENCE_FIELDS = {
    "statistics": ["occupation", "source", "industry", "accreditor"],
    "facts": ["occupation", "source"],
    "credentials": ["issuer"],
    "organizations": ["parent"],
    "sources": ["publisher"],
}


@contextmanager
def _copy() -> Iterator[Path]:
    with (
        as_file(files("medcoder_careers") / "data") as packaged,
        tempfile.TemporaryDirectory() as tmp,
    ):
        target = Path(tmp) / "data"
        shutil.copytree(packaged, target)
        yield target


def _read(directory: Path, name: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
    return document


def _write(directory: Path, name: str, document: object) -> None:
    (directory / f"{name}.json").write_text(json.dumps(document), encoding="utf-8")


def _outcome(directory: Path) -> mc.DataError | None:
    """Load; return the DataError, None on success; any other exception escapes."""
    try:
        mc.load(directory)
    except mc.DataError as caught:
        error = caught
    else:
        return None
    assert error.problems
    for problem in error.problems:
        assert problem.file in FILES, problem
        assert problem.message
    return error


@st.composite
def record_edits(draw: st.DrawFn) -> tuple[str, int, str, object]:
    """A collection, a record index, a field and the value to put there."""
    name = draw(st.sampled_from(NAMES))
    with as_file(files("medcoder_careers") / "data" / f"{name}.json") as path:
        records = json.loads(path.read_text(encoding="utf-8"))[name]
    index = draw(st.integers(0, len(records) - 1))
    field = draw(st.sampled_from([*sorted(records[index]), "unknown_field"]))
    value = draw(JSON_VALUES | st.text(max_size=8))
    return name, index, field, value


def _json_kind(value: object) -> str:
    """The JSON type of *value*: null, boolean, number, string, array or object."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    kinds: list[tuple[type, str]] = [(float, "float"), (str, "string"), (list, "array")]
    return next((kind for cls, kind in kinds if isinstance(value, cls)), "object")


def _has_default(name: str, field: str) -> bool:
    """Whether the record class of *name* has a default for *field*."""
    (found,) = (f for f in attrs.fields(COLLECTIONS[name]) if f.name == field)
    return found.default is not attrs.NOTHING


def _nullable(name: str, field: str) -> bool:
    """Whether the record class of *name* takes None in *field*."""
    hint = get_type_hints(COLLECTIONS[name])[field]
    return type(None) in get_args(hint)


def _rejected_at(error: mc.DataError | None, path: str) -> None:
    """Assert the load was refused with a problem at *path* (or inside it)."""
    assert error is not None, f"the damaged data loaded; expected a problem at {path}"
    paths = [p.path for p in error.problems]
    assert any(p == path or p.startswith((f"{path}.", f"{path}[")) for p in paths), paths


class TestFuzzLoad:
    """Whatever is damaged, load() raises DataError naming where, or loads; nothing else."""

    @examples(fast=20)
    @given(record_edits())
    def test_any_field_edit(self, edit: tuple[str, int, str, object]) -> None:
        """A value of the wrong JSON type, a blank string or an unknown field is refused there.

        An edit of the right type may load; when it does not, the problems
        still come as one DataError.
        """
        name, index, field, value = edit
        with _copy() as directory:
            document = _read(directory, name)
            record = document[name][index]
            original = record.get(field, _MISSING)
            record[field] = value
            _write(directory, name, document)
            error = _outcome(directory)
        path = f"{name}[{index}]"
        if original is _MISSING:  # "unknown_field"
            _rejected_at(error, path)
            assert error is not None
            assert any("extra fields" in p.message for p in error.problems if p.path == path)
            event("unknown field: refused")
        elif value is None:
            if not _nullable(name, field):
                _rejected_at(error, f"{path}.{field}")
            event(f"null: {'refused' if error else 'loaded'}")
        elif _json_kind(value) != _json_kind(original):
            _rejected_at(error, f"{path}.{field}")
            event("wrong type: refused")
        elif isinstance(value, str) and not value.strip():
            _rejected_at(error, f"{path}.{field}")
            event("blank: refused")
        else:
            event(f"same type: {'refused' if error else 'loaded'}")

    @examples(fast=20)
    @given(st.sampled_from(NAMES), st.data())
    def test_dropped_field(self, name: str, data: st.DataObject) -> None:
        """Dropping a required field is refused at its path; one with a default may load."""
        with _copy() as directory:
            document = _read(directory, name)
            index = data.draw(st.integers(0, len(document[name]) - 1))
            field = data.draw(st.sampled_from(sorted(document[name][index])))
            del document[name][index][field]
            _write(directory, name, document)
            error = _outcome(directory)
        if not _has_default(name, field):
            _rejected_at(error, f"{name}[{index}].{field}")
            assert error is not None
            assert any(p.message == "required field missing" for p in error.problems)
            event("required: refused")
        else:
            event(f"has a default: {'refused' if error else 'loaded'}")
            if error is not None:
                assert any(p.path.startswith(f"{name}[") for p in error.problems)

    def test_dropped_required_field(self) -> None:
        """Dropping a statistic's value is refused with a DataError naming the field."""
        with _copy() as directory:
            document = _read(directory, "statistics")
            del document["statistics"][3]["value"]
            _write(directory, "statistics", document)
            error = _outcome(directory)
        _rejected_at(error, "statistics[3].value")

    @examples(fast=20)
    @given(st.sampled_from(BAD_DECIMALS), st.data())
    def test_bad_decimal(self, value: object, data: st.DataObject) -> None:
        """A malformed decimal is always reported at its path."""
        with _copy() as directory:
            document = _read(directory, "statistics")
            index = data.draw(st.integers(0, len(document["statistics"]) - 1))
            document["statistics"][index]["value"] = value
            _write(directory, "statistics", document)
            error = _outcome(directory)
            assert error is not None
            assert any(p.path == f"statistics[{index}].value" for p in error.problems)

    @examples(fast=20)
    @given(st.sampled_from(sorted(REFERENCE_FIELDS)), st.data())
    def test_dangling_id(self, name: str, data: st.DataObject) -> None:
        """An id that names nothing is always reported."""
        with _copy() as directory:
            document = _read(directory, name)
            index = data.draw(st.integers(0, len(document[name]) - 1))
            field = data.draw(st.sampled_from(REFERENCE_FIELDS[name]))
            document[name][index][field] = "no-such-id"
            _write(directory, name, document)
            error = _outcome(directory)
            assert error is not None
            assert any(p.path == f"{name}[{index}].{field}" for p in error.problems)

    @examples(fast=20)
    @given(
        st.sampled_from(
            [
                "organizations",
                "sources",
                "occupations",
                "credentials",
                "industries",
                "cpi_u",
                "statistics",
            ]
        ),
        st.data(),
    )
    def test_duplicate(self, name: str, data: st.DataObject) -> None:
        """A repeated record is always reported as a duplicate."""
        with _copy() as directory:
            document = _read(directory, name)
            index = data.draw(st.integers(0, len(document[name]) - 1))
            document[name].append(document[name][index])
            _write(directory, name, document)
            error = _outcome(directory)
            assert error is not None
            assert any("duplicates" in p.message for p in error.problems)

    @examples(fast=20)
    @given(st.text(max_size=12), st.sampled_from(["statistics", "facts"]), st.data())
    def test_period_text(self, text: str, name: str, data: st.DataObject) -> None:
        """Any text as a period loads or is reported; malformed ones are reported."""
        with _copy() as directory:
            document = _read(directory, name)
            index = data.draw(st.integers(0, len(document[name]) - 1))
            document[name][index]["period"] = text
            _write(directory, name, document)
            error = _outcome(directory)
            try:
                mc.Period.parse(text)
            except mc.PeriodError:
                assert error is not None
                assert any(p.path == f"{name}[{index}].period" for p in error.problems)

    @examples(fast=20)
    @given(st.sampled_from(sorted(FILES)), st.data())
    def test_truncated(self, file: str, data: st.DataObject) -> None:
        """A file cut short is reported by name."""
        with _copy() as directory:
            raw = (directory / file).read_bytes()
            cut = data.draw(st.integers(0, len(raw) - 2))
            (directory / file).write_bytes(raw[:cut])
            error = _outcome(directory)
            assert error is not None
            assert any(p.file == file for p in error.problems)

    @examples(fast=20)
    @given(st.sampled_from(sorted(FILES)), st.data())
    def test_invalid_utf8(self, file: str, data: st.DataObject) -> None:
        """A byte that is not UTF-8 is reported by name."""
        with _copy() as directory:
            raw = (directory / file).read_bytes()
            at = data.draw(st.integers(0, len(raw)))
            (directory / file).write_bytes(raw[:at] + b"\xff" + raw[at:])
            error = _outcome(directory)
            assert error is not None
            assert any(p.file == file for p in error.problems)

    @examples(fast=20)
    @given(JSON_VALUES | st.text(max_size=20) | st.dictionaries(st.text(max_size=5), JSON_VALUES))
    def test_broken_manifest(self, manifest: object) -> None:
        """Any other manifest is reported against manifest.json."""
        with _copy() as directory:
            (directory / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
            error = _outcome(directory)
            assert error is not None
            assert any(p.file == "manifest.json" for p in error.problems)
