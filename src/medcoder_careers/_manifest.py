"""The data manifest: which files a release holds and the sha256 of each."""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Mapping
from types import MappingProxyType
from typing import IO, TYPE_CHECKING, Final

import attrs

from ._errors import Problem, clip, plural, shown

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "MANIFEST",
    "MAX_FILE_BYTES",
    "Manifest",
    "VerifyReport",
    "not_regular",
    "read_bytes",
    "read_json",
    "read_manifest",
    "sha256",
]

MANIFEST = "manifest.json"
MAX_FILE_BYTES: Final = 64 * 1024 * 1024
"""The largest data file read (64 MiB): a bigger one is a problem, never read into memory."""
_HEX = re.compile(r"[0-9a-f]{64}")
_PLAIN_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*\.[a-z0-9]+", re.ASCII)  # no folder, no ".."
_VERSION = re.compile(r"\d{4}\.\d+")


def sha256(data: bytes) -> str:
    """Return the hex sha256 digest of *data*."""
    import hashlib  # noqa: PLC0415 - only verify and export hash; keep import fast

    return hashlib.sha256(data).hexdigest()


@attrs.frozen(kw_only=True)
class Manifest:
    """A parsed manifest.

    Attributes:
        data_version: The data release, ``YYYY.N``.
        files: Each data file's name and expected sha256.
    """

    data_version: str
    files: Mapping[str, str]

    @property
    def digest(self) -> str:
        """One sha256 over every file's name and hash: the release's fingerprint."""
        lines = "".join(f"{name} {digest}\n" for name, digest in sorted(self.files.items()))
        return sha256(lines.encode())


def read_bytes(root: Traversable, file: str) -> bytes | Problem:
    """Return the bytes of the data file *file* under *root*, or the problem reading it.

    Every data file is read here. On a file system, only a regular file (or
    a link to one) is opened: a FIFO or a device (``/dev/zero``) would block
    or never end, so it is refused from its `os.stat`, unopened. No file
    larger than `MAX_FILE_BYTES` is read. Other `Traversable` resources
    (a zip archive's) are read up to the same limit.
    """
    target = root / file
    try:
        if isinstance(target, os.PathLike):
            data = _read_regular(os.fspath(target))
        else:
            with target.open("rb") as stream:
                data = _read_bounded(stream)
    except OSError as exc:
        return Problem(file=file, path="", message=f"cannot be read ({exc.strerror or exc})")
    except ValueError as exc:  # a NUL in the name
        return Problem(file=file, path="", message=f"cannot be read ({exc})")
    if isinstance(data, str):
        return Problem(file=file, path="", message=data)
    if len(data) > MAX_FILE_BYTES:
        return Problem(file=file, path="", message=_TOO_LARGE)
    return data


_TOO_LARGE: Final = f"is larger than {MAX_FILE_BYTES // 2**20} MiB, the most a data file may hold"
_KINDS: Final = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def not_regular(mode: int) -> str | None:
    """Return why a file of *mode* is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "of an unknown kind")
    return f"is not a regular file ({kind})"


def _read_regular(path: str) -> bytes | str:
    """Read the regular file *path*, at most one byte past the limit; else say why not."""
    info = os.stat(path)  # noqa: PTH116 - follows links: a link to /dev/zero is a device
    if (refused := not_regular(info.st_mode)) is not None:
        return refused
    if info.st_size > MAX_FILE_BYTES:
        return _TOO_LARGE
    # O_NONBLOCK: should the file be swapped for a FIFO since the stat, opening
    # it does not wait for a writer, and the fstat below refuses it.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    with open(os.open(path, flags), "rb") as stream:  # noqa: PTH123 - a descriptor, closed with it
        if (refused := not_regular(os.fstat(stream.fileno()).st_mode)) is not None:
            return refused
        return _read_bounded(stream)


def _read_bounded(stream: IO[bytes]) -> bytes:
    """Read *stream* up to one byte past `MAX_FILE_BYTES`: enough to tell it is too large."""
    return stream.read(MAX_FILE_BYTES + 1)


def read_json(root: Traversable, file: str) -> object | Problem:
    """Read and decode the JSON file *file* under *root*, or return why it cannot be.

    Every failure is a `Problem` naming the file: unreadable, not a regular
    file, too large (see `read_bytes`), not UTF-8, not JSON, or nested
    deeper than the parser's recursion allows.
    """
    raw = read_bytes(root, file)
    if isinstance(raw, Problem):
        return raw
    try:
        document: object = json.loads(raw.decode("utf-8"))
    except RecursionError:
        return Problem(file=file, path="", message="is nested too deeply to read")
    except (UnicodeDecodeError, ValueError) as exc:
        return Problem(file=file, path="", message=f"is not valid UTF-8 JSON ({clip(str(exc))})")
    return document


def read_manifest(  # noqa: PLR0911 - one return per problem
    root: Traversable,
    expected: frozenset[str],
    optional: frozenset[str] = frozenset(),
    table_suffix: str | None = None,
) -> Manifest | Problem:
    """Parse the manifest under *root*; return it, or the first problem found.

    *expected* is the set of data file names the manifest must list; it
    may also list names in *optional* and names ending in *table_suffix*.
    """
    document = read_json(root, MANIFEST)
    if isinstance(document, Problem):
        return document
    if not isinstance(document, dict) or set(document) != {"data_version", "files"}:
        return Problem(
            file=MANIFEST,
            path="",
            message="must be an object with exactly 'data_version' and 'files'",
        )
    version, files = document["data_version"], document["files"]
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        return Problem(
            file=MANIFEST, path="data_version", message=f"{shown(version)} is not YYYY.N"
        )
    if not isinstance(files, dict):
        return Problem(file=MANIFEST, path="files", message="must map file names to sha256")
    for name, digest in files.items():
        if not isinstance(digest, str) or not _HEX.fullmatch(digest):
            return Problem(
                file=MANIFEST,
                path=f"files.{clip(name)}",
                message=f"{shown(digest)} is not a sha256",
            )
    allowed = expected | optional
    listed = {
        name
        for name in files
        if table_suffix is None or not (name.endswith(table_suffix) and _PLAIN_NAME.fullmatch(name))
    }
    if not expected <= listed <= allowed:
        missing = sorted(expected - listed)
        extra = sorted(listed - allowed)
        return Problem(
            file=MANIFEST,
            path="files",
            message=f"lists the wrong files (missing {missing}, unexpected {shown(extra)})",
        )
    return Manifest(data_version=version, files=MappingProxyType(dict(files)))


@attrs.frozen(kw_only=True)
class VerifyReport:
    """The result of re-hashing a data directory against its manifest.

    Attributes:
        data_version: The release the manifest names.
        digest: The manifest's fingerprint (see `Manifest.digest`).
        checked: Every file the manifest lists.
        changed: Files whose bytes no longer match their recorded sha256.
        missing: Files the manifest lists that cannot be read (absent,
            unreadable, not a regular file, or too large).
    """

    data_version: str
    digest: str
    checked: tuple[str, ...]
    changed: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """True when every file is present and unchanged."""
        return not self.changed and not self.missing

    def __str__(self) -> str:
        """Summarise the check in a few lines."""
        if self.ok:
            return (
                f"data {self.data_version}: {plural(len(self.checked), 'file')} intact "
                f"(manifest digest {self.digest[:12]})"
            )
        lines = [f"data {self.data_version}: NOT intact"]
        lines += [f"  changed: {name}" for name in self.changed]
        lines += [f"  missing: {name}" for name in self.missing]
        return "\n".join(lines)


def verify(root: Traversable, manifest: Manifest) -> VerifyReport:
    """Re-hash every file *manifest* lists under *root*."""
    changed: list[str] = []
    missing: list[str] = []
    for name, expected in sorted(manifest.files.items()):
        data = read_bytes(root, name)
        if isinstance(data, Problem):  # unreadable, not a regular file, too large
            missing.append(name)
            continue
        if sha256(data) != expected:
            changed.append(name)
    return VerifyReport(
        data_version=manifest.data_version,
        digest=manifest.digest,
        checked=tuple(sorted(manifest.files)),
        changed=tuple(changed),
        missing=tuple(missing),
    )
