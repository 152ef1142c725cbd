"""What a data directory holds: its files, their manifest (sha256 each), and every release's digest.

A directory holds one JSON file per collection (`COLLECTIONS`), any number
of statistical table files (`TABLE_SUFFIX`), and ``manifest.json`` naming
the data release and the sha256 of each file. `RELEASES` records the
manifest digest of every data release published, so that data never
changes under an old version.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from medcoder_careers._errors import Problem, clip, plural, shown
from medcoder_careers._model import (
    NATION,
    Area,
    CpiAnnualAverage,
    Credential,
    Fact,
    Industry,
    Occupation,
    Organization,
    Source,
    Statistic,
    none_first,
    statistic_order,
)
from medcoder_careers._vocab import AreaKind

from .reads import read_bytes, read_json, sha256

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "COLLECTIONS",
    "FILES",
    "MANIFEST",
    "NATION_ONLY",
    "OPTIONAL_FILES",
    "ORDER",
    "RELEASES",
    "TABLE_SUFFIX",
    "Manifest",
    "VerifyReport",
    "by_id",
    "read_manifest",
    "verify",
]

MANIFEST: Final = "manifest.json"
"""The manifest's file name."""

TABLE_SUFFIX: Final = ".sqlite"
"""Data files with this suffix are statistical tables."""

COLLECTIONS: Final = {
    "organizations": Organization,
    "sources": Source,
    "occupations": Occupation,
    "credentials": Credential,
    "industries": Industry,
    "statistics": Statistic,
    "facts": Fact,
    "cpi_u": CpiAnnualAverage,
    "areas": Area,
}
"""Each collection's name (its file is ``<name>.json``) and record class."""

OPTIONAL_FILES: Final = frozenset({"areas.json"})
"""Collections a data directory may lack (one written before release 2026.2)."""

FILES: Final = frozenset(f"{name}.json" for name in COLLECTIONS) - OPTIONAL_FILES
"""The JSON files every data directory holds."""


def by_id(record: Any) -> str:  # noqa: ANN401 - any entity
    """Order key of an entity: its id."""
    return str(record.id)


ORDER: Final[dict[str, Callable[[Any], Any]]] = {
    "organizations": by_id,
    "sources": by_id,
    "occupations": by_id,
    "credentials": by_id,
    "industries": by_id,
    "areas": by_id,
    "statistics": statistic_order,
    "facts": lambda fact: (
        none_first(fact.period),
        fact.source,
        fact.occupation,
        fact.topic,
        fact.text,
    ),
    "cpi_u": lambda row: row.year,
}
"""Sort keys matching each class's attrs ordering (much faster than its __lt__)."""

NATION_ONLY: Final = Area(
    id=NATION,
    name="National",
    kind=AreaKind.NATIONAL,
    citations=(),
)
"""The one area of a directory written before areas existed (release 2026.1)."""

RELEASES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "2026.1": "ee1e58001a228475a10bc6fcda69231d8f44d72e30324e5ec0088b2686c9ac98",
        "2026.2": "996b934a7ae59d6134d3ca76daee9b3c1783e5ea8683134f260f520830c7c87c",
        "2026.3": "7e893ab91414fbb7b23ee51f884f6e17641f1fc9df12c0ff156ba79c69847256",
        "2027.1": "7f9ab785b661123593f588642e882f554dea7028529d74606d0ec6342ac2c8ba",
    }
)
"""Every data release, oldest first, with its manifest digest (`Manifest.digest`).

``tests/test_releases.py`` fails when the packaged data's digest is not the
one recorded for the current ``DATA_VERSION``, so a data change cannot ship
without a new data version. After a data change: bump ``DATA_VERSION`` and
``__version__`` in ``_version.py`` and ``data_version`` in
``data/manifest.json``, then run ``python -m medcoder_careers verify`` and
add its ``digest`` line here as a new entry (never edit an entry released).
"""

_HEX = re.compile(r"[0-9a-f]{64}")
_PLAIN_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*\.[a-z0-9]+", re.ASCII)  # no folder, no ".."
_VERSION = re.compile(r"\d{4}\.\d+")


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
