"""`Store`: a data directory's records, read late and once, or served from validated data."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Final

import pytest

import medcoder_careers as mc
from medcoder_careers._data import strict as _strict
from medcoder_careers._data.manifest import COLLECTIONS, NATION_ONLY
from medcoder_careers._data.store import Store
from medcoder_careers._data.strict import read_data


def _lazy(root: Path) -> tuple[Store, list[int]]:
    """A store reading *root* on demand, and the list of the times it asked for the root."""
    asked: list[int] = []

    def factory() -> Path:
        asked.append(1)
        return root

    return Store(factory), asked


class TestLazy:
    """Read from the directory on first use, each collection once."""

    def test_reads_nothing_until_asked(self, data_copy: Path) -> None:
        """Creating the store reads nothing, not even the root."""
        _, asked = _lazy(data_copy)
        assert asked == []

    def test_root_asked_once(self, data_copy: Path) -> None:
        """The root factory is called once, however often the root is used."""
        store, asked = _lazy(data_copy)
        assert store.root == data_copy
        assert store.root == data_copy
        store.collection("occupations")
        assert asked == [1]

    @pytest.mark.parametrize("name", sorted(COLLECTIONS))
    def test_collections_as_packaged(self, data_copy: Path, name: str) -> None:
        """Each collection holds the records `load` validates, in the same order."""
        store, _ = _lazy(data_copy)
        assert store.collection(name) == getattr(read_data(data_copy), name)
        assert store.collection(name) is store.collection(name)  # read once

    def test_manifest(self, data_copy: Path, cat: mc.Catalog) -> None:
        """The manifest is the directory's, read once."""
        store, _ = _lazy(data_copy)
        assert store.manifest.digest == cat.digest
        assert store.manifest is store.manifest

    def test_tables_sorted_and_once(self, data_copy: Path) -> None:
        """The tables are every `.sqlite` file of the manifest, in name order, opened once."""
        store, _ = _lazy(data_copy)
        years = [f"oews-{year}-05.sqlite" for year in range(2019, 2025)]
        assert [table.file for table in store.tables()] == [*years, "oews.sqlite"]
        assert store.tables() is store.tables()

    def test_threads_read_once(self, data_copy: Path) -> None:
        """Many threads asking at once get one and the same collection."""
        store, asked = _lazy(data_copy)
        found: list[object] = []
        threads = [
            threading.Thread(target=lambda: found.append(store.collection("statistics")))
            for _ in range(8)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(found) == 8
        assert all(result is found[0] for result in found)
        assert asked == [1]

    @pytest.mark.parametrize("name", sorted(COLLECTIONS))
    def test_intact_file_read_fast(
        self, data_copy: Path, monkeypatch: pytest.MonkeyPatch, name: str
    ) -> None:
        """An intact file is read by the fast reader: the strict one (cattrs) is never loaded."""

        def strict(_root: object, collection: str) -> None:
            pytest.fail(f"{collection} was read by the strict reader")

        monkeypatch.setattr(_strict, "read_collection", strict)
        store, _ = _lazy(data_copy)
        assert len(store.collection(name)) == len(getattr(read_data(data_copy), name))

    def test_tables_opened_trusted(self, data_copy: Path) -> None:
        """A store reading on demand serves packaged tables: each is opened trusted."""
        store, _ = _lazy(data_copy)
        assert [table.trusted for table in store.tables()] == [True] * 7

    def test_release_held_twice(self, data_copy: Path) -> None:
        """Two table files of one release are a DataError naming the later file."""
        (data_copy / "oews-zz.sqlite").write_bytes((data_copy / "oews-2019-05.sqlite").read_bytes())
        manifest = json.loads((data_copy / "manifest.json").read_text(encoding="utf-8"))
        manifest["files"]["oews-zz.sqlite"] = manifest["files"]["oews-2019-05.sqlite"]
        (data_copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        store, _ = _lazy(data_copy)
        with pytest.raises(mc.DataError) as info:
            store.tables()
        assert [str(problem) for problem in info.value.problems] == [
            "oews-zz.sqlite: meta: holds oews-2019-05 2019-05, as oews-2019-05.sqlite does"
        ]

    def test_release_without_areas(self, data_copy: Path) -> None:
        """A 2026.1 directory (no areas.json) has the nation as its one area."""
        manifest = json.loads((data_copy / "manifest.json").read_text(encoding="utf-8"))
        del manifest["files"]["areas.json"]
        (data_copy / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
        (data_copy / "areas.json").unlink()
        store, _ = _lazy(data_copy)
        assert store.collection("areas") == (NATION_ONLY,)

    def test_damaged_file_named(self, data_copy: Path) -> None:
        """A file the fast reader cannot read is read strictly, which names the problem."""
        (data_copy / "occupations.json").write_text('{"occupations": [{}]}', encoding="utf-8")
        store, _ = _lazy(data_copy)
        with pytest.raises(mc.DataError) as info:
            store.collection("occupations")
        assert {problem.file for problem in info.value.problems} == {"occupations.json"}

    def test_bad_manifest(self, data_copy: Path) -> None:
        """A manifest that is no manifest is a DataError naming it."""
        (data_copy / "manifest.json").write_text("[]", encoding="utf-8")
        store, _ = _lazy(data_copy)
        with pytest.raises(mc.DataError) as info:
            store.manifest  # noqa: B018 - reading it is the test
        assert [problem.file for problem in info.value.problems] == ["manifest.json"]


class TestValidated:
    """Given validated data, serve it and never read the directory."""

    def test_served(self, data_copy: Path) -> None:
        """The manifest, collections and tables are the data's own objects."""
        data = read_data(data_copy)
        asked: list[int] = []

        def factory() -> Path:
            asked.append(1)
            return data_copy

        store = Store(factory, data)
        assert store.manifest is data.manifest
        assert store.tables() is data.tables
        for name in COLLECTIONS:
            assert store.collection(name) is getattr(data, name)
        assert asked == []


def _damage(path: Path, damage: str) -> None:
    """Replace the data file *path* by one of the damages `TestDamagedLazy` reads."""
    path.unlink()
    match damage:
        case "missing":
            pass
        case "directory":
            path.mkdir()
        case "fifo":
            os.mkfifo(path)
        case "not utf-8":
            path.write_bytes(b"\xff\xfe")
        case "nested":
            path.write_text("[" * 100_000, encoding="utf-8")
        case _:
            path.write_text(damage, encoding="utf-8")


DAMAGES: Final = (
    "{}",  # the trusted reader: KeyError
    "missing",  # FileNotFoundError, though the manifest lists it
    "directory",  # IsADirectoryError
    "[]",  # TypeError
    "null",  # TypeError
    "not json",  # ValueError
    "not utf-8",  # UnicodeDecodeError
    "nested",  # RecursionError
    '{"NAME": [1]}',  # AttributeError: an int has no items()
    '{"NAME": {"a": {}}}',  # AttributeError: a key is a str
    '{"NAME": [{"bogus": 1}]}',  # TypeError: no such field
    '{"NAME": [{}]}',  # TypeError: fields missing
)


class TestDamagedLazy:
    """A damaged or missing file read on demand is a DataError naming it, whatever the damage."""

    @pytest.mark.parametrize("damage", DAMAGES)
    @pytest.mark.parametrize("name", ["facts", "occupations", "statistics", "cpi_u"])
    def test_damage_named(self, data_copy: Path, name: str, damage: str) -> None:
        """The fast reader's surprise (any exception) is read again strictly: a DataError."""
        _damage(data_copy / f"{name}.json", damage.replace("NAME", name))
        store, _ = _lazy(data_copy)
        with pytest.raises(mc.DataError) as info:
            store.collection(name)
        assert {problem.file for problem in info.value.problems} == {f"{name}.json"}

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
    def test_fifo_not_waited_on(self, data_copy: Path) -> None:
        """A FIFO in place of a file is refused unopened by both readers: no hang."""
        _damage(data_copy / "facts.json", "fifo")
        store, _ = _lazy(data_copy)
        outcome: list[BaseException] = []

        def read() -> None:
            try:
                store.collection("facts")
            except BaseException as exc:  # noqa: BLE001 - handed to the test
                outcome.append(exc)

        thread = threading.Thread(target=read, daemon=True)
        thread.start()
        thread.join(30)
        if thread.is_alive():  # let the reader go: open the FIFO for writing, then close it
            os.close(os.open(data_copy / "facts.json", os.O_WRONLY | os.O_NONBLOCK))
            thread.join(30)
            pytest.fail("reading a FIFO hung")
        (error,) = outcome
        assert isinstance(error, mc.DataError)
        assert [str(p) for p in error.problems] == ["facts.json: is not a regular file (a FIFO)"]
