"""The data manifest: which files a release holds and the sha256 of each."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

import attrs

from ._errors import Problem

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["MANIFEST", "Manifest", "VerifyReport", "read_json", "read_manifest", "sha256"]

MANIFEST = "manifest.json"
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


def read_json(root: Traversable, file: str) -> object | Problem:
    """Read and decode the JSON file *file* under *root*, or return why it cannot be."""
    try:
        raw = (root / file).read_bytes()
    except OSError as exc:
        return Problem(file=file, path="", message=f"cannot be read ({exc.strerror or exc})")
    try:
        document: object = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return Problem(file=file, path="", message=f"is not valid UTF-8 JSON ({exc})")
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
        return Problem(file=MANIFEST, path="data_version", message=f"{version!r} is not YYYY.N")
    if not isinstance(files, dict):
        return Problem(file=MANIFEST, path="files", message="must map file names to sha256")
    for name, digest in files.items():
        if not isinstance(digest, str) or not _HEX.fullmatch(digest):
            return Problem(
                file=MANIFEST,
                path=f"files.{name}",
                message=f"{digest!r} is not a sha256",
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
            message=f"lists the wrong files (missing {missing}, unexpected {extra})",
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
        missing: Files the manifest lists that cannot be read.
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
                f"data {self.data_version}: {len(self.checked)} files intact "
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
        try:
            actual = sha256((root / name).read_bytes())
        except OSError:
            missing.append(name)
            continue
        if actual != expected:
            changed.append(name)
    return VerifyReport(
        data_version=manifest.data_version,
        digest=manifest.digest,
        checked=tuple(sorted(manifest.files)),
        changed=tuple(changed),
        missing=tuple(missing),
    )
