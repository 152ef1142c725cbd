"""The manifest: its digest (the release's fingerprint), parsing and verification."""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import stat
import zipfile
from pathlib import Path
from types import FrameType, MappingProxyType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._data import reads as _reads
from medcoder_careers._data.manifest import (
    MANIFEST,
    NATION_ONLY,
    Manifest,
    by_id,
    read_manifest,
    verify,
)
from medcoder_careers._data.reads import not_regular, read_bytes, read_json, sha256
from medcoder_careers._errors import Problem

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
        """Bytes that are not UTF-8 JSON give one problem naming the file and the error."""
        (tmp_path / "x.json").write_bytes(raw)
        try:
            json.loads(raw.decode("utf-8"))
        except ValueError as exc:  # UnicodeDecodeError is one too
            why = str(exc)
        problem = read_json(tmp_path, "x.json")
        assert problem == Problem(
            file="x.json", path="", message=f"is not valid UTF-8 JSON ({why})"
        )

    def test_nested_too_deeply(self, tmp_path: Path) -> None:
        """JSON nested past the parser's recursion limit is one problem, not a crash."""
        (tmp_path / "x.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
        problem = read_json(tmp_path, "x.json")
        assert problem == Problem(file="x.json", path="", message="is nested too deeply to read")

    def test_json(self, tmp_path: Path) -> None:
        """Valid JSON is decoded."""
        (tmp_path / "x.json").write_text('{"a": [1, "é"]}', encoding="utf-8")
        assert read_json(tmp_path, "x.json") == {"a": [1, "é"]}


_AB: dict[str, str] = {"a.json": "0" * 64, "b.json": "1" * 64}
"""The expected files of `_GOOD`, with their hashes."""


def _read_with(tmp_path: Path, files: dict[str, str], suffix: str | None) -> Manifest | Problem:
    """Read a manifest listing *files*, with c.json optional and tables ending in *suffix*."""
    document = {"data_version": "2026.1", "files": files}
    (tmp_path / MANIFEST).write_text(json.dumps(document), encoding="utf-8")
    return read_manifest(tmp_path, _EXPECTED, frozenset({"c.json"}), suffix)


class TestOptionalAndTables:
    """A manifest may list the optional files and table files beside the expected ones."""

    @pytest.mark.parametrize(
        "extra",
        [
            {},
            {"c.json": "2" * 64},
            {"t-1.sqlite": "3" * 64},
            {"c.json": "2" * 64, "t.sqlite": "3" * 64},
        ],
    )
    def test_accepted(self, tmp_path: Path, extra: dict[str, str]) -> None:
        """Optional files and plainly named tables are read, with every file listed."""
        files = {**_AB, **extra}
        manifest = _read_with(tmp_path, files, ".sqlite")
        assert isinstance(manifest, Manifest)
        assert dict(manifest.files) == files

    @pytest.mark.parametrize(
        ("extra", "suffix", "unexpected"),
        [
            ({"t.sqlite": "3" * 64}, None, "['t.sqlite']"),  # no table suffix: no tables
            ({"t.sqlite": "3" * 64}, ".db", "['t.sqlite']"),
            ({"T.sqlite": "3" * 64}, ".sqlite", "['T.sqlite']"),  # not a plain name
            ({"../t.sqlite": "3" * 64}, ".sqlite", "['../t.sqlite']"),
            ({"d.json": "3" * 64}, ".sqlite", "['d.json']"),
        ],
    )
    def test_refused(
        self, tmp_path: Path, extra: dict[str, str], suffix: str | None, unexpected: str
    ) -> None:
        """A file neither expected, optional nor a plainly named table is unexpected."""
        problem = _read_with(tmp_path, {**_AB, **extra}, suffix)
        message = f"lists the wrong files (missing [], unexpected {unexpected})"
        assert problem == Problem(file=MANIFEST, path="files", message=message)

    def test_table_is_no_expected_file(self, tmp_path: Path) -> None:
        """A table does not stand in for an expected file: the missing one is named."""
        problem = _read_with(tmp_path, {"a.json": "0" * 64, "b.sqlite": "3" * 64}, ".sqlite")
        message = "lists the wrong files (missing ['b.json'], unexpected [])"
        assert problem == Problem(file=MANIFEST, path="files", message=message)

    def test_optional_default_none(self, tmp_path: Path) -> None:
        """Without optional files or a table suffix, only the expected files may be listed."""
        (tmp_path / MANIFEST).write_text(
            json.dumps({"data_version": "2026.1", "files": {**_AB, "c.json": "2" * 64}}),
            encoding="utf-8",
        )
        problem = read_manifest(tmp_path, _EXPECTED)
        message = "lists the wrong files (missing [], unexpected ['c.json'])"
        assert problem == Problem(file=MANIFEST, path="files", message=message)


class TestById:
    """`by_id`, the order key of an entity: its id, which sorts as the class's own order."""

    def test_the_id(self) -> None:
        """The key is the id itself."""
        assert by_id(NATION_ONLY) == "0000000"

    def test_sorts_as_the_class(self, cat: mc.Catalog) -> None:
        """Sorting organizations by the key gives their own order, from any order."""
        organizations = sorted(cat.organizations.values(), reverse=True)
        assert sorted(organizations, key=by_id) == sorted(organizations)
        assert [o.id for o in sorted(organizations, key=by_id)] == sorted(cat.organizations)


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


# -- reading one data file: regular files only, at most MAX_FILE_BYTES --------------

_SMALL_LIMIT = 16
"""The size limit the tests below set: files at and past it stay tiny."""
_TOO_LARGE = "is larger than 64 MiB, the most a data file may hold"


@pytest.fixture
def small_limit(monkeypatch: pytest.MonkeyPatch) -> int:
    """Lower `MAX_FILE_BYTES` to `_SMALL_LIMIT` for one test (the message still says 64 MiB)."""
    monkeypatch.setattr(_reads, "MAX_FILE_BYTES", _SMALL_LIMIT)
    return _SMALL_LIMIT


def _zip_root(tmp_path: Path, members: dict[str, bytes]) -> zipfile.Path:
    """A zip archive holding *members*: a `Traversable` that is no file system path."""
    archive = tmp_path / "data.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for name, data in members.items():
            handle.writestr(name, data)
    return zipfile.Path(archive)


class _EndlessStream(io.RawIOBase):
    """A resource that never ends (as ``/dev/zero`` would), recording each read's size."""

    def __init__(self) -> None:
        self.sizes: list[int] = []

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        assert size is not None, "an unbounded read of an endless resource never returns"
        assert size >= 0, "an unbounded read of an endless resource never returns"
        self.sizes.append(size)
        return b"0" * size


class _EndlessRoot:
    """A `Traversable` (not a path) whose every file is one `_EndlessStream`."""

    def __init__(self) -> None:
        self.stream = _EndlessStream()

    def __truediv__(self, child: str) -> _EndlessRoot:
        return self

    def open(self, mode: str = "r") -> _EndlessStream:
        assert mode == "rb"
        return self.stream


def _open_descriptors() -> int:
    return sum(1 for _ in Path("/proc/self/fd").iterdir())


class TestReadBytes:
    """`read_bytes` reads a data file, or says exactly why it will not."""

    @pytest.mark.usefixtures("small_limit")
    @pytest.mark.parametrize("size", [0, _SMALL_LIMIT - 1, _SMALL_LIMIT])
    def test_up_to_the_limit(self, tmp_path: Path, size: int) -> None:
        """A file of at most the limit is read whole, from a directory or a zip archive."""
        data = bytes(range(size))
        (tmp_path / "a.json").write_bytes(data)
        assert read_bytes(tmp_path, "a.json") == data
        assert read_bytes(_zip_root(tmp_path, {"a.json": data}), "a.json") == data

    @pytest.mark.usefixtures("small_limit")
    @pytest.mark.parametrize("size", [_SMALL_LIMIT + 1, _SMALL_LIMIT + 2, 1_000])
    def test_past_the_limit(self, tmp_path: Path, size: int) -> None:
        """A file past the limit is a problem naming it, from a directory or a zip archive."""
        too_large = Problem(file="a.json", path="", message=_TOO_LARGE)
        (tmp_path / "a.json").write_bytes(b"x" * size)
        assert read_bytes(tmp_path, "a.json") == too_large
        assert read_bytes(_zip_root(tmp_path, {"a.json": b"x" * size}), "a.json") == too_large

    @pytest.mark.usefixtures("small_limit")
    def test_size_unknown_to_stat(self) -> None:
        """A regular file whose size stat does not know (``/proc``) is still held to the limit."""
        status = Path("/proc/self/status")
        if not status.is_file() or status.stat().st_size:
            pytest.skip("needs a /proc file reported as empty")
        too_large = Problem(file="status", path="", message=_TOO_LARGE)
        assert read_bytes(status.parent, "status") == too_large

    def test_reads_one_byte_past_the_limit(self, small_limit: int) -> None:
        """An endless resource is read only one byte past the limit, then refused."""
        root = _EndlessRoot()
        problem = read_bytes(root, "a.json")  # type: ignore[arg-type]  # a duck Traversable
        assert problem == Problem(file="a.json", path="", message=_TOO_LARGE)
        assert sum(root.stream.sizes) <= small_limit + 1

    def test_unreadable(self, tmp_path: Path) -> None:
        """A missing file, or a name no file system allows, is a problem saying why."""
        assert read_bytes(tmp_path, "a.json") == Problem(
            file="a.json", path="", message="cannot be read (No such file or directory)"
        )
        assert read_bytes(tmp_path, "a\0.json") == Problem(
            file="a\0.json", path="", message="cannot be read (embedded null byte)"
        )

    def test_a_directory(self, tmp_path: Path) -> None:
        """A directory is not read: the problem names the file and its kind."""
        (tmp_path / "a.json").mkdir()
        assert read_bytes(tmp_path, "a.json") == Problem(
            file="a.json", path="", message="is not a regular file (a directory)"
        )

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs: POSIX")
    def test_swapped_for_a_fifo_after_the_stat(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A file that turns into a FIFO after its stat is refused at once, not waited on."""
        (tmp_path / "regular").write_bytes(b"{}")
        fifo = tmp_path / "a.json"
        os.mkfifo(fifo)
        regular, real_stat = (tmp_path / "regular").stat(), os.stat

        def stale_stat(path: Any, *args: Any, **kwargs: Any) -> os.stat_result:
            return regular if path == os.fspath(fifo) else real_stat(path, *args, **kwargs)

        class BlockedError(Exception):
            """Opening waited for a writer (raised by the alarm; no OSError, so not caught)."""

        def alarm(_signum: int, _frame: FrameType | None) -> None:
            raise BlockedError

        monkeypatch.setattr(os, "stat", stale_stat)
        previous = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, 5)
        try:
            problem = read_bytes(tmp_path, "a.json")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        assert problem == Problem(file="a.json", path="", message="is not a regular file (a FIFO)")

    @pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts /proc/self/fd")
    def test_no_descriptor_left_open(self, tmp_path: Path) -> None:
        """Reading, or refusing after opening, leaves no file descriptor open."""
        (tmp_path / "a.json").write_bytes(b"{}")
        before = _open_descriptors()
        for _ in range(20):
            assert read_bytes(tmp_path, "a.json") == b"{}"
        assert _open_descriptors() == before


class TestNotRegular:
    """`not_regular` names the kind of a file that is not read."""

    @pytest.mark.parametrize(
        ("mode", "kind"),
        [
            (stat.S_IFDIR | 0o755, "a directory"),
            (stat.S_IFIFO | 0o644, "a FIFO"),
            (stat.S_IFCHR | 0o666, "a character device"),
            (stat.S_IFBLK | 0o660, "a block device"),
            (stat.S_IFSOCK | 0o755, "a socket"),
            (stat.S_IFLNK | 0o777, "a symbolic link"),  # seen by os.lstat only (export)
            (0, "of an unknown kind"),
        ],
    )
    def test_kinds(self, mode: int, kind: str) -> None:
        """Each kind of file but a regular one is refused, by name."""
        assert not_regular(mode) == f"is not a regular file ({kind})"

    def test_regular(self) -> None:
        """A regular file is read."""
        assert not_regular(stat.S_IFREG | 0o644) is None
