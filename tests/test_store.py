"""`Store`: a data directory's records, read late and once, or served from validated data."""

from __future__ import annotations

import json
import threading
from pathlib import Path

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
        assert [table.file for table in store.tables()] == ["oews.sqlite"]
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
