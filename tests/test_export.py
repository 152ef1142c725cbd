from __future__ import annotations

import csv
import enum
import hashlib
import io
import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any, get_args, get_type_hints

import attrs
import pytest
from hypothesis import given

import medcoder_careers as mc
from medcoder_careers._data.codec import make_converter
from medcoder_careers._data.manifest import COLLECTIONS
from medcoder_careers._export import columns, csv_text
from medcoder_careers._period import Period

from .strategies import statistics


def assert_equal_catalogs(a: mc.Catalog, b: mc.Catalog) -> None:
    for name in COLLECTIONS:
        left, right = getattr(a, name), getattr(b, name)
        if isinstance(left, tuple):
            assert left == right, name
        else:
            assert dict(left) == dict(right), name
    assert a.data_version == b.data_version


class TestJson:
    """`export(format="json")` writes a directory `load()` reads back unchanged."""

    def test_round_trip(self, cat: mc.Catalog, tmp_path: Path) -> None:
        """The exported directory loads into a catalog equal to the packaged one."""
        written = mc.export(tmp_path)
        files = [*(f"{n}.json" for n in COLLECTIONS), "oews.sqlite", "manifest.json"]
        assert [p.name for p in written] == files
        assert_equal_catalogs(mc.load(tmp_path), cat)

    def test_manifest(self, tmp_path: Path) -> None:
        """The manifest names the data version and the sha256 of every file written."""
        mc.export(tmp_path)
        manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["data_version"] == mc.DATA_VERSION
        files = [*(f"{name}.json" for name in COLLECTIONS), "oews.sqlite"]
        assert manifest["files"] == {
            name: hashlib.sha256((tmp_path / name).read_bytes()).hexdigest() for name in files
        }
        assert mc.load(tmp_path).verify().ok

    def test_packaged_layout(self, tmp_path: Path) -> None:
        """Each file is an object whose only key is its collection, as packaged."""
        mc.export(tmp_path)
        for name in COLLECTIONS:
            document = json.loads((tmp_path / f"{name}.json").read_text(encoding="utf-8"))
            assert list(document) == [name]

    def test_stable(self, tmp_path: Path) -> None:
        """Exporting a loaded export again writes the same bytes."""
        mc.export(tmp_path / "one")
        mc.export(tmp_path / "two", catalog=mc.load(tmp_path / "one"))
        for name in (*(f"{n}.json" for n in COLLECTIONS), "manifest.json"):
            assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()

    def test_exports_given_catalog(self, data_copy: Path, tmp_path: Path) -> None:
        """A loaded catalog is exported with its own records, not the packaged ones."""
        path = data_copy / "credentials.json"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("Certified Tumor Registrar", "Tumour Registrar"), "utf-8")
        changed = mc.load(data_copy)
        mc.export(tmp_path, catalog=changed)
        assert mc.load(tmp_path).credential("ctr").name == "Tumour Registrar"


class TestCsv:
    """`export(format="csv")` writes one flat file per collection."""

    @pytest.mark.parametrize("name", list(COLLECTIONS))
    def test_every_collection(self, cat: mc.Catalog, tmp_path: Path, name: str) -> None:
        """Each file has a header of every column and one row per record."""
        mc.export(tmp_path, format="csv")
        with (tmp_path / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
            reader = csv.DictReader(handle)
            assert tuple(reader.fieldnames or ()) == columns(COLLECTIONS[name])
            count = len(list(reader))
        held = getattr(cat, name)
        assert count == len(held)

    def test_nested_cells_are_json(self, cat: mc.Catalog, tmp_path: Path) -> None:
        """A nested value (the SOC codes) is JSON text that reads back."""
        mc.export(tmp_path, format="csv")
        with (tmp_path / "occupations.csv").open(newline="", encoding="utf-8") as handle:
            by_id = {row["id"]: row for row in csv.DictReader(handle)}
        for occupation in cat.occupations.values():
            codes = json.loads(by_id[occupation.id]["soc"])
            assert [c["code"] for c in codes] == [s.code for s in occupation.soc]

    @pytest.mark.parametrize("name", list(COLLECTIONS))
    def test_reads_back_to_the_catalog(self, cat: mc.Catalog, tmp_path: Path, name: str) -> None:
        """Each CSV row, read back cell by cell, is the catalog's record (in catalog order)."""
        mc.export(tmp_path, format="csv")
        with (tmp_path / f"{name}.csv").open(newline="", encoding="utf-8") as handle:
            back = [_from_row(COLLECTIONS[name], row) for row in csv.DictReader(handle)]
        held = getattr(cat, name)
        expected = list(held.values()) if isinstance(held, Mapping) else list(held)
        assert back == expected

    @given(stat=statistics())
    def test_any_statistic_round_trips_through_csv(self, stat: mc.Statistic) -> None:
        """Any statistic written as CSV text reads back, cell by cell, to the same statistic."""
        text = csv_text(CONVERTER, mc.Statistic, [stat])
        (row,) = csv.DictReader(io.StringIO(text))
        assert tuple(row) == columns(mc.Statistic)
        assert _from_row(mc.Statistic, row) == stat
        assert str(Decimal(row["value"])) == str(stat.value)  # the digits as stored

    def test_citation_locator_kept(self) -> None:
        """A citation's locator survives the CSV form."""
        stat = mc.Statistic(
            period=Period.month(2024, 5),
            source="oews",
            occupation="o",
            measure=mc.Measure.EMPLOYMENT,
            value=Decimal(1),
            unit=mc.Unit.JOBS,
            citation=mc.Citation(source="oews", quote="1", locator="OEUN000000000000029207201"),
        )
        (row,) = csv.DictReader(io.StringIO(csv_text(CONVERTER, mc.Statistic, [stat])))
        assert _from_row(mc.Statistic, row) == stat


CONVERTER = make_converter()


def _cell_value(hint: Any, cell: str) -> object:
    """Read one CSV cell as a value of the field type *hint*, independently of the writer."""
    args = get_args(hint)
    if type(None) in args:
        if cell == "":
            return None
        (hint,) = (arg for arg in args if arg is not type(None))
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(cell)
    readers: dict[object, Any] = {Decimal: Decimal, Period: Period.parse, int: int, str: str}
    if hint in readers:
        return readers[hint](cell)
    return CONVERTER.structure(json.loads(cell), hint)  # a tuple or a nested record, as JSON


def _from_row(cls: type[Any], row: Mapping[str, str]) -> Any:
    """Build a record of *cls* from its CSV row."""
    hints = get_type_hints(cls)
    values: dict[str, object] = {}
    for field in attrs.fields(cls):
        if field.name == "citation":
            values["citation"] = mc.Citation(
                source=row["citation_source"],
                quote=row["citation_quote"],
                locator=row["citation_locator"] or None,
            )
        else:
            values[field.name] = _cell_value(hints[field.name], row[field.name])
    return cls(**values)


class TestErrors:
    """Bad input to `export` raises a `MedcoderError` subclass."""

    def test_bad_format(self, tmp_path: Path) -> None:
        """An unknown format is NotFound, suggesting the known ones."""
        with pytest.raises(mc.NotFound) as info:
            mc.export(tmp_path, format="xml")  # type: ignore[arg-type]
        assert info.value.suggestions == ("json", "csv")
        assert not any(tmp_path.iterdir())

    def test_no_overwrite(self, tmp_path: Path) -> None:
        """An existing file is kept unless overwrite=True."""
        mc.export(tmp_path, format="csv")
        (tmp_path / "facts.csv").write_text("mine", encoding="utf-8")
        with pytest.raises(mc.ExportError, match=r"organizations\.csv already exists"):
            mc.export(tmp_path, format="csv")
        assert (tmp_path / "facts.csv").read_text(encoding="utf-8") == "mine"
        mc.export(tmp_path, format="csv", overwrite=True)
        assert (tmp_path / "facts.csv").read_text(encoding="utf-8") != "mine"

    def test_cannot_write(self, tmp_path: Path) -> None:
        """A directory that cannot be created raises ExportError (an OSError too)."""
        blocker = tmp_path / "file"
        blocker.write_text("", encoding="utf-8")
        with pytest.raises(mc.ExportError, match="cannot write") as info:
            mc.export(blocker / "out")
        assert isinstance(info.value, OSError)
