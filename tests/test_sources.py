"""The repository's ``sources/``: its manifest, and the documents the data names.

``sources/MANIFEST.tsv`` lists every file of the folder (path relative to it,
sha256, size, what, provenance), plus one ``pypi:`` row for the pinned wheel
the build tool fetches instead of keeping a copy (``sources/README.md``).
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import NamedTuple

import build_data
import medcoder_careers as mc

from .conftest import SOURCES

MANIFEST = SOURCES / "MANIFEST.tsv"
HEADER = ("path", "sha256", "bytes", "what", "provenance")
PYPI = "pypi:"
# The five source texts (sources/sources/README.md), relative to SOURCES.
TEXTS = (
    "sources/000_ddada07b9e786e83.txt",
    "sources/001_7a7f2e78f0b5abad.txt",
    "sources/002_839aaf20224b72b1.txt",
    "sources/003_fa12df2466fcf3bf.txt",
    "sources/004_61ba809fc39a8cfe.txt",
)
# Notes of upstream/ that are not data tables, so not listed in SHA256SUMS or PROVENANCE.tsv.
UPSTREAM_NOTES = frozenset({"upstream/README.md", "upstream/PROVENANCE.tsv", "upstream/SHA256SUMS"})


class Row(NamedTuple):
    """A row of the manifest."""

    path: str
    sha256: str
    bytes: str
    what: str
    provenance: str


def _lines() -> list[list[str]]:
    text = MANIFEST.read_text(encoding="utf-8")
    assert text.endswith("\n"), "MANIFEST.tsv must end with a newline"
    return [line.split("\t") for line in text.removesuffix("\n").split("\n")]


@cache
def _rows() -> dict[str, Row]:
    """The manifest's rows by path (the shape is checked by `TestManifestShape`)."""
    return {fields[0]: Row(*fields) for fields in _lines()[1:]}


def _files() -> dict[str, Row]:
    return {path: row for path, row in _rows().items() if not path.startswith(PYPI)}


def _on_disk() -> set[str]:
    return {
        path.relative_to(SOURCES).as_posix()
        for path in SOURCES.rglob("*")
        if path.is_file() and path != MANIFEST
    }


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class TestManifestShape:
    """The manifest is a sorted table of five columns, one row per path."""

    def test_header_and_columns(self) -> None:
        """The first line names the five columns and every row fills all five."""
        header, *rows = _lines()
        assert tuple(header) == HEADER
        assert rows
        for fields in rows:
            assert len(fields) == len(HEADER), fields
            assert all(field.strip() == field and field for field in fields), fields
            row = Row(*fields)
            assert len(row.sha256) == 64, row.path
            assert set(row.sha256) <= set("0123456789abcdef"), row.path
            assert row.bytes.isdigit(), row.path
            assert int(row.bytes) > 0, row.path

    def test_sorted_without_duplicates(self) -> None:
        """Rows are sorted by path, and no path is listed twice."""
        paths = [fields[0] for fields in _lines()[1:]]
        assert paths == sorted(paths)
        assert len(paths) == len(set(paths))


class TestManifestFiles:
    """The manifest and the files of ``sources/`` agree, byte for byte."""

    def test_every_file_is_listed(self) -> None:
        """Each file under sources/, except the manifest itself, has a row."""
        unlisted = sorted(_on_disk() - set(_files()))
        assert not unlisted, f"files of {SOURCES} not in MANIFEST.tsv: {unlisted}"

    def test_every_listed_file_exists(self) -> None:
        """Each row other than the pypi one names a file that is there."""
        missing = sorted(path for path in _files() if not (SOURCES / path).is_file())
        assert not missing, f"MANIFEST.tsv lists files missing from {SOURCES}: {missing}"

    def test_sizes_and_hashes(self) -> None:
        """Each listed file has the size and the sha256 its row gives."""
        wrong = []
        for path, row in _files().items():
            file = SOURCES / path
            size, digest = file.stat().st_size, _sha256(file)
            if (str(size), digest) != (row.bytes, row.sha256):
                wrong.append(f"{path}: {size} bytes, sha256 {digest}")
        assert not wrong, f"not as MANIFEST.tsv lists: {wrong}"

    def test_pinned_wheel(self) -> None:
        """The one pypi row is the build tool's pinned wheel, with its sha256."""
        pinned = [row for path, row in _rows().items() if path.startswith(PYPI)]
        assert len(pinned) == 1, pinned
        (row,) = pinned
        assert row.path == f"{PYPI}{build_data.REQUIREMENT}"
        assert row.sha256 == build_data.WHEEL_SHA256
        assert build_data.WHEEL in row.what
        assert "tools/build_data.py" in row.provenance


class TestDocuments:
    """The texts the packaged data cites are in ``sources/`` and in the manifest."""

    def test_five_source_texts(self) -> None:
        """The five source texts are files under sources/sources/, each listed."""
        found = sorted(p.relative_to(SOURCES).as_posix() for p in SOURCES.glob("sources/*.txt"))
        assert found == list(TEXTS)
        for text in TEXTS:
            assert (SOURCES / text).is_file(), text
            assert text in _files(), text

    def test_every_document_resolves(self) -> None:
        """Each Source.document of the packaged catalog is a listed file under sources/."""
        documents = {source.document for source in mc.catalog().sources.values()}
        assert set(TEXTS) <= documents
        for document in sorted(documents):
            assert (SOURCES / document).is_file(), document
            assert document in _files(), document


class TestUpstreamLists:
    """The upstream folder's own hash and provenance lists agree with the manifest."""

    def test_sha256sums_agree(self) -> None:
        """SHA256SUMS lists exactly the upstream data files, each with the manifest's hash."""
        listed = {}
        for line in (SOURCES / "upstream" / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
            digest, name = line.split("  ", 1)
            listed[f"upstream/{name.removeprefix('./')}"] = digest
        tables = {
            path: row.sha256
            for path, row in _files().items()
            if path.startswith("upstream/") and path not in UPSTREAM_NOTES
        }
        assert listed == tables

    def test_provenance_agrees(self) -> None:
        """PROVENANCE.tsv gives each upstream data file the manifest's hash, size and origin."""
        header, *lines = (
            (SOURCES / "upstream" / "PROVENANCE.tsv").read_text(encoding="utf-8").splitlines()
        )
        assert header.split("\t") == [
            "file",
            "sha256",
            "bytes",
            "repository",
            "commit",
            "path_in_repository",
        ]
        seen = set()
        for line in lines:
            name, digest, size, repository, commit, path = line.split("\t")
            row = _files()[f"upstream/{name}"]
            assert (row.sha256, row.bytes) == (digest, size), name
            assert row.provenance.startswith(f"{repository}@{commit}:{path} "), name
            seen.add(row.path)
        assert seen == {p for p in _files() if p.startswith("upstream/")} - UPSTREAM_NOTES
