"""The build's pinned inputs: where they are, the one error every build step raises, hash checks.

Every file the data is read from lives under the repository's ``sources/``
and is listed in ``sources/MANIFEST.tsv`` with its sha256 (see
``sources/README.md``). A build step reads an input only through `pinned`,
which refuses a file whose bytes are not the ones listed. The library
never imports these tools.
"""

from __future__ import annotations

import csv
import functools
import hashlib
from pathlib import Path
from typing import Final

__all__ = [
    "CATALOG_SOCS",
    "DATA",
    "REPO",
    "SOURCES",
    "BuildError",
    "DownloadError",
    "pinned",
    "sha256_bytes",
    "sha256_file",
]

REPO: Final = Path(__file__).resolve().parents[1]
DATA: Final = REPO / "src" / "medcoder_careers" / "data"
SOURCES: Final = REPO / "sources"
"""Every text and file the data is read from (``sources/README.md``)."""

CATALOG_SOCS: Final = ("29-2072", "29-9021", "11-9111", "31-9094", "43-3021", "43-6013")
"""The 2018 SOC codes of the catalog's occupations: every input is read for these."""

_MANIFEST: Final = "MANIFEST.tsv"


class BuildError(Exception):
    """The inputs are not what the build expects; the message says what differs."""


class DownloadError(BuildError):
    """The pinned wheel could not be downloaded (no network, no index)."""


def sha256_bytes(data: bytes) -> str:
    """Return the hex sha256 of *data*."""
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    """Return the hex sha256 of the file at *path*."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


@functools.cache
def _listed(sources: Path) -> dict[str, str]:
    """Each file ``sources/MANIFEST.tsv`` lists, by its path under *sources*, with its sha256."""
    with (sources / _MANIFEST).open(encoding="utf-8", newline="") as stream:
        return {row["path"]: row["sha256"] for row in csv.DictReader(stream, delimiter="\t")}


def pinned(path: Path, sources: Path = SOURCES) -> Path:
    """Return *path*, a file under *sources*, after checking its sha256 against the manifest.

    Raises:
        BuildError: the file is not under *sources*, is not listed, or its
            bytes are not the ones listed.
    """
    try:
        name = path.resolve().relative_to(sources.resolve()).as_posix()
    except ValueError:
        msg = f"{path} is not under {sources}: the build reads only pinned sources"
        raise BuildError(msg) from None
    listed = _listed(sources.resolve()).get(name)
    if listed is None:
        msg = f"{name} is not listed in {sources / _MANIFEST}"
        raise BuildError(msg)
    got = sha256_file(path)
    if got != listed:
        msg = f"{name}: sha256 {got}, but {_MANIFEST} lists {listed}"
        raise BuildError(msg)
    return path
