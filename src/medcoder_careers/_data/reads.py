"""Safe reads of a data directory's files: regular files only, bounded, each failure a `Problem`.

Every data file is read here, whoever reads it (the manifest, the strict
reader, the trusted reader, `verify`): a FIFO or a device is refused from
its `os.stat`, unopened, and no file larger than `MAX_FILE_BYTES` is read.
"""

from __future__ import annotations

import json
import os
import stat
from typing import IO, TYPE_CHECKING, Final

from medcoder_careers._errors import Problem, clip

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["MAX_FILE_BYTES", "not_regular", "read_bytes", "read_json", "sha256"]

MAX_FILE_BYTES: Final = 64 * 1024 * 1024
"""The largest data file read (64 MiB): a bigger one is a problem, never read into memory."""


def sha256(data: bytes) -> str:
    """Return the hex sha256 digest of *data*."""
    import hashlib  # noqa: PLC0415 - only verify and export hash; keep import fast

    return hashlib.sha256(data).hexdigest()


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
    (stat.S_ISLNK, "a symbolic link"),  # seen only by os.lstat
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
