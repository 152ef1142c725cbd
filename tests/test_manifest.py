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
from medcoder_careers._manifest import Manifest, sha256

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
