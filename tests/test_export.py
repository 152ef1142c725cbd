from __future__ import annotations

import csv
import enum
import hashlib
import io
import json
import os
import stat
import threading
from collections.abc import Callable, Mapping
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
        tables = [*(f"oews-{year}-05.sqlite" for year in range(2019, 2025)), "oews.sqlite"]
        files = [*(f"{n}.json" for n in COLLECTIONS), *tables, "manifest.json"]
        assert [p.name for p in written] == files
        assert_equal_catalogs(mc.load(tmp_path), cat)

    def test_manifest(self, tmp_path: Path) -> None:
        """The manifest names the data version and the sha256 of every file written."""
        mc.export(tmp_path)
        manifest = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["data_version"] == mc.DATA_VERSION
        tables = [*(f"oews-{year}-05.sqlite" for year in range(2019, 2025)), "oews.sqlite"]
        files = [*(f"{name}.json" for name in COLLECTIONS), *tables]
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

    def test_creates_missing_parents(self, tmp_path: Path) -> None:
        """A directory whose parents do not exist yet is created with them."""
        target = tmp_path / "new" / "nested" / "out"
        written = mc.export(target)
        assert [path.parent for path in written] == [target] * len(written)
        assert mc.load(target).verify().ok

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

    def test_cannot_create_named(self, tmp_path: Path) -> None:
        """A directory that cannot be made (its parent a dangling link) is named in the error."""
        (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
        root = tmp_path / "dangling" / "out"
        with pytest.raises(mc.ExportError) as info:
            mc.export(root)
        assert str(info.value) == f"cannot write to {root}: File exists"
        assert sorted(path.name for path in tmp_path.iterdir()) == ["dangling"]


def _export_within(seconds: float, directory: Path, *, overwrite: bool) -> BaseException | None:
    """Export into *directory* in a thread; return what it raised, failing if it hangs.

    A hang (a FIFO opened for writing waits for a reader) is ended by
    opening the directory's FIFOs for reading, so that the test run goes on.
    """
    raised: list[BaseException] = []

    def call() -> None:
        try:
            mc.export(directory, overwrite=overwrite)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            raised.append(exc)

    thread = threading.Thread(target=call, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        for entry in directory.iterdir():
            if stat.S_ISFIFO(entry.lstat().st_mode):
                os.close(os.open(entry, os.O_RDONLY | os.O_NONBLOCK))
        thread.join(seconds)
        pytest.fail(f"export into {directory} hung")
    return raised[0] if raised else None


class _BadPath:
    """An os.PathLike whose __fspath__ gives neither str nor bytes."""

    def __fspath__(self) -> int:
        return 3


def _link(link: Path, target: Path) -> None:
    try:
        link.symlink_to(target)
    except OSError as exc:  # Windows without the privilege
        pytest.skip(f"no symbolic links here: {exc}")


class TestNeverFollows:
    """`export` replaces files by name: it never writes through a link or into a FIFO."""

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
    @pytest.mark.parametrize("overwrite", [False, True])
    def test_fifo_refused(self, tmp_path: Path, overwrite: bool) -> None:
        """A FIFO in the way is an ExportError naming it, at once, even with overwrite."""
        os.mkfifo(tmp_path / "facts.json")
        raised = _export_within(30, tmp_path, overwrite=overwrite)
        assert isinstance(raised, mc.ExportError), raised
        assert str(raised).startswith(f"{tmp_path / 'facts.json'} is not a regular file (a FIFO)")
        assert [p.name for p in tmp_path.iterdir()] == ["facts.json"]  # nothing written

    @pytest.mark.parametrize("overwrite", [False, True])
    def test_link_to_a_file_outside(self, tmp_path: Path, overwrite: bool) -> None:
        """A link to a file outside is refused; the file outside is unchanged, the link kept."""
        outside = tmp_path / "outside.json"
        outside.write_text("mine", encoding="utf-8")
        directory = tmp_path / "export"
        directory.mkdir()
        _link(directory / "facts.json", outside)
        with pytest.raises(mc.ExportError, match=r"facts\.json is not a regular file") as info:
            mc.export(directory, overwrite=overwrite)
        assert "symbolic link" in str(info.value)
        assert outside.read_text(encoding="utf-8") == "mine"
        assert (directory / "facts.json").is_symlink()
        assert [p.name for p in directory.iterdir()] == ["facts.json"]

    @pytest.mark.parametrize("overwrite", [False, True])
    @pytest.mark.parametrize("format_", ["json", "csv"])
    def test_dangling_link(self, tmp_path: Path, overwrite: bool, format_: str) -> None:
        """A dangling link is refused too (`exists()` calls it missing): nothing is created."""
        nowhere = tmp_path / "nowhere"
        directory = tmp_path / "export"
        directory.mkdir()
        _link(directory / f"facts.{format_}", nowhere)
        with pytest.raises(mc.ExportError, match="symbolic link"):
            mc.export(directory, format=format_, overwrite=overwrite)  # type: ignore[arg-type]
        assert not nowhere.exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["export"]
        assert [p.name for p in directory.iterdir()] == [f"facts.{format_}"]

    def test_directory_in_the_way(self, tmp_path: Path) -> None:
        """A directory where a file goes is refused, even with overwrite, and left as it is."""
        (tmp_path / "facts.json").mkdir()
        (tmp_path / "facts.json" / "inside").write_text("mine", encoding="utf-8")
        with pytest.raises(
            mc.ExportError, match=r"facts\.json is not a regular file \(a directory"
        ):
            mc.export(tmp_path, overwrite=True)
        assert (tmp_path / "facts.json" / "inside").read_text(encoding="utf-8") == "mine"
        assert [p.name for p in tmp_path.iterdir()] == ["facts.json"]

    def test_not_regular_named_before_existing(self, tmp_path: Path) -> None:
        """What overwrite cannot fix is named first, not a file that --force would replace."""
        mc.export(tmp_path, format="csv")
        (tmp_path / "statistics.csv").unlink()
        _link(tmp_path / "statistics.csv", tmp_path / "nowhere")
        with pytest.raises(mc.ExportError, match=r"statistics\.csv is not a regular file"):
            mc.export(tmp_path, format="csv")

    def test_replaces_not_writes_through(self, tmp_path: Path) -> None:
        """With overwrite a file is replaced by a new one: a hard link to it keeps its text."""
        directory = tmp_path / "export"
        mc.export(directory, format="csv")
        outside = tmp_path / "outside.csv"
        try:
            os.link(directory / "facts.csv", outside)
        except OSError as exc:
            pytest.skip(f"no hard links here: {exc}")
        before = outside.read_bytes()
        (directory / "facts.csv").write_bytes(b"old")  # the same file as outside.csv
        mc.export(directory, format="csv", overwrite=True)
        assert outside.read_bytes() == b"old"
        assert (directory / "facts.csv").read_bytes() == before

    def test_no_temporary_left(self, tmp_path: Path) -> None:
        """After an export the directory holds the files written and nothing else."""
        written = mc.export(tmp_path, format="csv")
        mc.export(tmp_path, format="csv", overwrite=True)
        assert sorted(tmp_path.iterdir()) == sorted(written)

    def test_failed_write_removes_temporary(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Should the rename fail, it is an ExportError and the temporary file is removed."""

        def refuse(_self: Path, target: object) -> Path:
            raise PermissionError(13, "Permission denied", str(target))

        monkeypatch.setattr(Path, "replace", refuse)
        with pytest.raises(mc.ExportError, match="Permission denied"):
            mc.export(tmp_path, format="csv")
        assert list(tmp_path.iterdir()) == []

    def test_failure_reported_when_temporary_gone(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Should the temporary file be gone by then, the error is still the write's own."""

        def vanish_and_refuse(self: Path, target: object) -> Path:
            self.unlink()  # removed meanwhile, by another process say
            raise PermissionError(13, "Permission denied", str(target))

        monkeypatch.setattr(Path, "replace", vanish_and_refuse)
        with pytest.raises(mc.ExportError, match="Permission denied"):
            mc.export(tmp_path, format="csv")
        assert list(tmp_path.iterdir()) == []

    def test_temporary_created_exclusively(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A link planted at the temporary name is never written through (``O_EXCL``)."""
        monkeypatch.setattr("medcoder_careers._export.secrets.token_hex", lambda _n: "0" * 16)
        outside = tmp_path / "outside.csv"
        directory = tmp_path / "export"
        directory.mkdir()
        _link(directory / ".organizations.csv.0000000000000000.tmp", outside)
        with pytest.raises(mc.ExportError, match="File exists"):
            mc.export(directory, format="csv")
        assert not outside.exists()

    @pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
    def test_permissions_of_a_new_file(self, tmp_path: Path) -> None:
        """A file written has the permissions of any new file (0o666 less the umask)."""
        mask = os.umask(0o022)
        try:
            written = mc.export(tmp_path, format="csv")
        finally:
            os.umask(mask)
        assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {0o644}


class TestExactOutput:
    """The bytes `export` writes and the words it refuses with, whole."""

    def test_json_files_as_formatted(self, tmp_path: Path) -> None:
        """Each JSON file is its document indented by one, non-ASCII kept, ending in a newline;
        the manifest lists every other file's sha256, sorted by name."""
        written = mc.export(tmp_path, format="json")
        hashes: dict[str, str] = {}
        texts: dict[str, str] = {}
        for path in written:
            if path.name != "manifest.json":
                hashes[path.name] = hashlib.sha256(path.read_bytes()).hexdigest()
            if path.suffix == ".json":
                texts[path.name] = path.read_bytes().decode("utf-8")
        manifest = json.loads(texts.pop("manifest.json"))
        assert (tmp_path / "manifest.json").read_text(encoding="utf-8") == (
            json.dumps(manifest, indent=1) + "\n"
        )
        for name, text in texts.items():
            document = json.loads(text)
            assert text == json.dumps(document, indent=1, ensure_ascii=False) + "\n", name
        assert not all(text.isascii() for text in texts.values())
        assert manifest == {"data_version": mc.catalog().data_version, "files": hashes}
        assert list(manifest["files"]) == sorted(hashes)

    def test_csv_lines_and_cells(self, cat: mc.Catalog, tmp_path: Path) -> None:
        """CSV lines end in CRLF (RFC 4180); a nested cell is compact JSON, non-ASCII kept."""
        mc.export(tmp_path, format="csv")
        raw = (tmp_path / "occupations.csv").read_bytes()
        header = ",".join(columns(mc.Occupation)) + "\r\n"
        assert raw.decode("utf-8").startswith(header)
        assert raw.count(b"\r\n") >= len(cat.occupations) + 1
        with (tmp_path / "occupations.csv").open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        occupation = cat.occupations[rows[0]["id"]]
        expected = [CONVERTER.unstructure(code) for code in occupation.soc]
        assert rows[0]["soc"] == json.dumps(expected, ensure_ascii=False, separators=(",", ":"))

    def test_refusals(self, tmp_path: Path) -> None:
        """Each refused argument, and a file in the way, is said in full."""
        messages = []
        calls: list[Callable[[], object]] = [
            lambda: mc.export(tmp_path, format="xml"),  # type: ignore[arg-type]
            lambda: mc.export(3),  # type: ignore[arg-type]
            lambda: mc.export(""),
            lambda: mc.export(tmp_path, overwrite="no"),  # type: ignore[arg-type]
            lambda: mc.export(_BadPath()),  # type: ignore[arg-type]
            lambda: mc.export(b"out"),  # type: ignore[arg-type]
        ]
        for call in calls:
            with pytest.raises(mc.ArgumentError) as info:
                call()
            messages.append(str(info.value))
        assert messages == [
            "format must be one of 'json', 'csv', got 'xml'",
            "directory must be a str or os.PathLike, got int",
            "directory must not be empty; write '.' for the current directory",
            "overwrite must be True or False, got 'no'",
            "directory must be a str or os.PathLike, got _BadPath",
            "directory must be a str or os.PathLike, got bytes",
        ]
        mc.export(tmp_path, format="csv")
        with pytest.raises(mc.ExportError) as error:
            mc.export(tmp_path, format="csv")
        assert str(error.value) == (
            f"{tmp_path / 'organizations.csv'} already exists; replace it with overwrite=True "
            "(CLI: --force)"
        )
        (tmp_path / "organizations.csv").unlink()
        (tmp_path / "organizations.csv").mkdir()
        with pytest.raises(mc.ExportError) as error:
            mc.export(tmp_path, format="csv", overwrite=True)
        assert str(error.value).startswith(
            f"{tmp_path / 'organizations.csv'} is not a regular file"
        )
        assert str(error.value).endswith(
            "; export never replaces one, even with overwrite=True (CLI: --force)"
        )

    def test_csv_text_lines(self, cat: mc.Catalog) -> None:
        """`csv_text` ends lines in "\\n" unless told otherwise (the CLI writes text)."""
        text = csv_text(CONVERTER, mc.Fact, cat.facts[:2])
        assert "\r" not in text
        assert text.count("\n") == 3
        crlf = csv_text(CONVERTER, mc.Fact, cat.facts[:2], newline="\r\n")
        assert crlf == text.replace("\n", "\r\n")

    def test_cannot_write_says_why(self, tmp_path: Path) -> None:
        """A directory that cannot be made names it and the system's reason."""
        blocker = tmp_path / "file"
        blocker.write_text("", encoding="utf-8")
        with pytest.raises(mc.ExportError) as info:
            mc.export(blocker / "out")
        assert str(info.value) == f"cannot write to {blocker / 'out'}: Not a directory"

    def test_nul_in_the_name(self, tmp_path: Path) -> None:
        """A NUL in the directory's name is an ExportError giving Python's reason."""
        root = tmp_path / "a\0b"
        with pytest.raises(mc.ExportError) as info:
            mc.export(root, format="csv")
        assert str(info.value) == f"cannot write to {root}: embedded null byte"
        assert not any(tmp_path.iterdir())

    def test_directory_without_areas(self, data_copy: Path, tmp_path: Path) -> None:
        """A data directory of release 2026.1 (no areas.json, no tables) exports every file it
        has, and the manifest lists just those."""
        manifest_path = data_copy / "manifest.json"
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        for entry in list(data_copy.iterdir()):
            if entry.name == "areas.json" or entry.suffix == ".sqlite":
                entry.unlink()
                del manifest["files"][entry.name]
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
        written = mc.export(tmp_path / "out", format="json", catalog=mc.load(data_copy))
        names = sorted(path.name for path in written)
        assert names == sorted([*manifest["files"], "manifest.json"])
        assert "areas.json" not in names
        exported = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
        assert sorted(exported["files"]) == sorted(manifest["files"])
