"""The manifest: its digest (the release's fingerprint), parsing and verification."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import MappingProxyType

import pytest
from hypothesis import given
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._errors import Problem
from medcoder_careers._manifest import MANIFEST, Manifest, read_json, read_manifest, sha256, verify

_HEX = st.text("0123456789abcdef", min_size=64, max_size=64)
_FILES = st.dictionaries(st.text("abcdefghij_.", min_size=1, max_size=12), _HEX, max_size=6)


def _reference_digest(files: dict[str, str]) -> str:
    """The documented digest: sha256 over ``"name digest\\n"`` lines sorted by name."""
    lines = "".join(f"{name} {files[name]}\n" for name in sorted(files))
    return hashlib.sha256(lines.encode()).hexdigest()


class TestDigest:
    """`Manifest.digest` depends on the files and their hashes, never on their order."""

    def test_known_value(self) -> None:
        """Two files give the sha256 of their sorted lines."""
        files = {"b.json": "1" * 64, "a.json": "0" * 64}
        manifest = Manifest(data_version="2026.1", files=MappingProxyType(files))
        expected = hashlib.sha256(f"a.json {'0' * 64}\nb.json {'1' * 64}\n".encode()).hexdigest()
        assert manifest.digest == expected

    @given(files=_FILES, data=st.data())
    def test_order_free(self, files: dict[str, str], data: st.DataObject) -> None:
        """The same files in any order give the same digest, the reference one."""
        order = data.draw(st.permutations(sorted(files)))
        shuffled = {name: files[name] for name in order}
        one = Manifest(data_version="2026.1", files=MappingProxyType(files))
        two = Manifest(data_version="2026.1", files=MappingProxyType(shuffled))
        assert one.digest == two.digest == _reference_digest(files)

    def test_sha256(self) -> None:
        """sha256() is the hex sha256 of its bytes."""
        assert sha256(b"abc") == hashlib.sha256(b"abc").hexdigest()

    def test_manifest_key_order_does_not_change_the_catalog_digest(
        self, data_copy: Path, cat: mc.Catalog
    ) -> None:
        """A manifest listing its files in reverse order loads with the same digest."""
        path = data_copy / "manifest.json"
        manifest = json.loads(path.read_text(encoding="utf-8"))
        manifest["files"] = dict(reversed(list(manifest["files"].items())))
        path.write_text(json.dumps(manifest), encoding="utf-8")
        assert mc.load(data_copy).digest == cat.digest

    def test_catalog_digest_is_the_reference(self, data_copy: Path, cat: mc.Catalog) -> None:
        """The packaged catalog's digest is the documented formula over its manifest."""
        files = json.loads((data_copy / "manifest.json").read_text(encoding="utf-8"))["files"]
        assert cat.digest == _reference_digest(files)


class TestVerifyReport:
    """The report of a verification reads as a summary."""

    def test_intact(self, cat: mc.Catalog) -> None:
        """An intact directory reports ok, every file checked, and the digest's start."""
        report = cat.verify()
        assert report.ok
        assert report.changed == report.missing == ()
        assert str(report) == (
            f"data {cat.data_version}: {len(report.checked)} files intact "
            f"(manifest digest {cat.digest[:12]})"
        )

    def test_changed_and_missing(self, data_copy: Path) -> None:
        """A changed file and a missing one are both listed, and the report is not ok."""
        changed = mc.load(data_copy)
        (data_copy / "facts.json").write_text("{}", encoding="utf-8")
        (data_copy / "cpi_u.json").unlink()
        report = changed.verify()
        assert not report.ok
        assert (report.changed, report.missing) == (("facts.json",), ("cpi_u.json",))
        assert str(report).splitlines() == [
            f"data {changed.data_version}: NOT intact",
            "  changed: facts.json",
            "  missing: cpi_u.json",
        ]

    @pytest.mark.parametrize(("changed", "missing"), [(("x",), ()), ((), ("y",))])
    def test_not_ok(self, changed: tuple[str, ...], missing: tuple[str, ...]) -> None:
        """One changed or one missing file is enough to fail."""
        report = mc.VerifyReport(
            data_version="2026.1",
            digest="0" * 64,
            checked=("x", "y"),
            changed=changed,
            missing=missing,
        )
        assert not report.ok


_EXPECTED = frozenset({"a.json", "b.json"})
_GOOD = {"data_version": "2026.1", "files": {"a.json": "0" * 64, "b.json": "1" * 64}}


def _read(tmp_path: Path, document: object) -> Manifest | Problem:
    (tmp_path / MANIFEST).write_text(json.dumps(document), encoding="utf-8")
    return read_manifest(tmp_path, _EXPECTED)


class TestReadManifest:
    """`read_manifest` returns the manifest, or the first problem, exactly worded."""

    def test_good(self, tmp_path: Path) -> None:
        """A well-formed manifest is read, its files as given."""
        manifest = _read(tmp_path, _GOOD)
        assert isinstance(manifest, Manifest)
        assert manifest.data_version == "2026.1"
        assert dict(manifest.files) == _GOOD["files"]

    @pytest.mark.parametrize(
        ("document", "path", "message"),
        [
            ([], "", "must be an object with exactly 'data_version' and 'files'"),
            ({"files": {}}, "", "must be an object with exactly 'data_version' and 'files'"),
            ({**_GOOD, "x": 1}, "", "must be an object with exactly 'data_version' and 'files'"),
            ({**_GOOD, "data_version": 2026}, "data_version", "2026 is not YYYY.N"),
            ({**_GOOD, "data_version": "2026"}, "data_version", "'2026' is not YYYY.N"),
            ({**_GOOD, "data_version": "2026.1x"}, "data_version", "'2026.1x' is not YYYY.N"),
            ({**_GOOD, "files": []}, "files", "must map file names to sha256"),
            (
                {**_GOOD, "files": {"a.json": "0" * 63, "b.json": "1" * 64}},
                "files.a.json",
                f"{'0' * 63!r} is not a sha256",
            ),
            (
                {**_GOOD, "files": {"a.json": 7, "b.json": "1" * 64}},
                "files.a.json",
                "7 is not a sha256",
            ),
            (
                {**_GOOD, "files": {"a.json": "A" * 64, "b.json": "1" * 64}},
                "files.a.json",
                f"{'A' * 64!r} is not a sha256",
            ),
            (
                {**_GOOD, "files": {"a.json": "0" * 64, "c.json": "1" * 64}},
                "files",
                "lists the wrong files (missing ['b.json'], unexpected ['c.json'])",
            ),
            (
                {**_GOOD, "files": {"a.json": "0" * 64}},
                "files",
                "lists the wrong files (missing ['b.json'], unexpected [])",
            ),
        ],
    )
    def test_problem(self, tmp_path: Path, document: object, path: str, message: str) -> None:
        """Each malformed manifest gives one problem, at its path, with its message."""
        assert _read(tmp_path, document) == Problem(file=MANIFEST, path=path, message=message)

    def test_unreadable(self, tmp_path: Path) -> None:
        """A missing file cannot be read; the problem says why."""
        problem = read_json(tmp_path, "nothing.json")
        assert isinstance(problem, Problem)
        assert (problem.file, problem.path) == ("nothing.json", "")
        assert problem.message == "cannot be read (No such file or directory)"

    @pytest.mark.parametrize("raw", [b"{", b"\xff{}", b"", b"[1,]"])
    def test_not_json(self, tmp_path: Path, raw: bytes) -> None:
        """Bytes that are not UTF-8 JSON give one problem naming the file."""
        (tmp_path / "x.json").write_bytes(raw)
        problem = read_json(tmp_path, "x.json")
        assert isinstance(problem, Problem)
        assert (problem.file, problem.path) == ("x.json", "")
        assert problem.message.startswith("is not valid UTF-8 JSON (")

    def test_json(self, tmp_path: Path) -> None:
        """Valid JSON is decoded."""
        (tmp_path / "x.json").write_text('{"a": [1, "é"]}', encoding="utf-8")
        assert read_json(tmp_path, "x.json") == {"a": [1, "é"]}


class TestVerify:
    """`verify` re-hashes each listed file: changed, missing, or intact, in name order."""

    def test_sorted_and_classified(self, tmp_path: Path) -> None:
        """Files are checked in name order; a changed one and a missing one are told apart."""
        (tmp_path / "b.json").write_bytes(b"b")
        (tmp_path / "c.json").write_bytes(b"c")
        files = {"c.json": sha256(b"c"), "b.json": sha256(b"changed"), "a.json": sha256(b"a")}
        manifest = Manifest(data_version="2026.1", files=MappingProxyType(files))
        report = verify(tmp_path, manifest)
        assert report.checked == ("a.json", "b.json", "c.json")
        assert (report.changed, report.missing) == (("b.json",), ("a.json",))
        assert (report.data_version, report.digest) == ("2026.1", manifest.digest)
        assert not report.ok

    def test_intact(self, tmp_path: Path) -> None:
        """Every file matching its hash gives an ok report."""
        (tmp_path / "a.json").write_bytes(b"a")
        manifest = Manifest(data_version="2026.1", files=MappingProxyType({"a.json": sha256(b"a")}))
        report = verify(tmp_path, manifest)
        assert report.ok
        assert (report.changed, report.missing) == ((), ())
