from __future__ import annotations

import json
import re
from pathlib import Path

import medcoder_careers as mc
from medcoder_careers._data.manifest import RELEASES
from medcoder_careers._data.reads import sha256

from .conftest import REPO

PUBLISHED = {
    "2026.1": "ee1e58001a228475a10bc6fcda69231d8f44d72e30324e5ec0088b2686c9ac98",
    "2026.2": "996b934a7ae59d6134d3ca76daee9b3c1783e5ea8683134f260f520830c7c87c",
    "2026.3": "7e893ab91414fbb7b23ee51f884f6e17641f1fc9df12c0ff156ba79c69847256",
    "2027.1": "7f9ab785b661123593f588642e882f554dea7028529d74606d0ec6342ac2c8ba",
}
"""Every published data release with its digest, pinned here as literals.

A published release's data never changes, so its digest never does: add a
line when a release is published, never edit one.
"""

RECORD = (
    "record it: bump DATA_VERSION (src/medcoder_careers/_version.py, data/manifest.json), "
    "then add the digest `python -m medcoder_careers verify` prints to "
    "RELEASES in src/medcoder_careers/_data/manifest.py"
)


class TestReleaseGuard:
    """The packaged data is exactly the release recorded for DATA_VERSION."""

    def test_data_version_recorded(self) -> None:
        """DATA_VERSION has a recorded digest."""
        assert mc.DATA_VERSION in RELEASES, f"no digest recorded for {mc.DATA_VERSION}; {RECORD}"

    def test_digest_matches(self, cat: mc.Catalog) -> None:
        """The manifest digest is the one recorded: data never changes under an old version."""
        assert cat.digest == RELEASES.get(mc.DATA_VERSION), (
            f"the packaged data (digest {cat.digest}) is not data release {mc.DATA_VERSION}; "
            f"a data change needs a new DATA_VERSION; {RECORD}"
        )

    def test_current_is_newest(self) -> None:
        """Releases are YYYY.N, recorded oldest first, and DATA_VERSION is the newest."""
        assert all(re.fullmatch(r"\d{4}\.\d+", version) for version in RELEASES)
        keys = [tuple(map(int, version.split("."))) for version in RELEASES]
        assert keys == sorted(keys)
        assert list(RELEASES)[-1] == mc.DATA_VERSION

    def test_digests_distinct(self) -> None:
        """No two releases share a digest: a new data version means new data."""
        assert len(set(RELEASES.values())) == len(RELEASES)
        assert all(re.fullmatch(r"[0-9a-f]{64}", digest) for digest in RELEASES.values())


class TestPublished:
    """A published release keeps its digest for ever."""

    def test_published_digests_unchanged(self) -> None:
        """RELEASES holds every published release with exactly its pinned digest."""
        for version, digest in PUBLISHED.items():
            assert RELEASES.get(version) == digest, (
                f"the digest of published release {version} changed; publish new data as a "
                "new DATA_VERSION instead"
            )

    def test_published_come_first(self) -> None:
        """Published releases lead RELEASES in order; newer ones may only follow them."""
        assert list(RELEASES)[: len(PUBLISHED)] == list(PUBLISHED)

    def test_changelog_dates_published(self) -> None:
        """CHANGELOG.md has a dated heading for each published release."""
        changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
        for version in PUBLISHED:
            assert re.search(
                rf"^## \[{re.escape(version)}\.0\] - \d{{4}}-\d{{2}}-\d{{2}}$",
                changelog,
                re.MULTILINE,
            ), version


class TestGuardCatchesChange:
    """A data change with a consistent manifest still changes the digest."""

    def test_changed_data_new_digest(self, data_copy: Path, cat: mc.Catalog) -> None:
        """Editing a file and re-hashing the manifest gives a digest the guard rejects."""
        path = data_copy / "facts.json"
        path.write_text(path.read_text(encoding="utf-8").replace("None", "Some"), "utf-8")
        manifest_path = data_copy / "manifest.json"
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest["files"]["facts.json"] = sha256(path.read_bytes())
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
        changed = mc.load(data_copy)
        assert changed.verify().ok
        assert changed.data_version == mc.DATA_VERSION
        assert changed.digest != cat.digest
        assert changed.digest != RELEASES[mc.DATA_VERSION]
