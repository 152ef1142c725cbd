"""Shared fixtures and the Hypothesis profiles.

Profiles: ``ci`` (bounded and derandomized, chosen when CI is set) and ``dev``
(thorough, random: run it locally to explore);
pick another with ``HYPOTHESIS_PROFILE``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import build_data  # tools/build_data.py, on the path through pytest's pythonpath setting
import medcoder_careers as mc

settings.register_profile(
    "ci",
    max_examples=100,
    derandomize=True,  # the same examples on every run: CI is never red by chance
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=500, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MEDCODER_SHARED", REPO.parent / "shared"))


@pytest.fixture(scope="session")
def cat() -> mc.Catalog:
    """The packaged catalog."""
    return mc.catalog()


@pytest.fixture
def data_copy(tmp_path: Path) -> Iterator[Path]:
    """A writable copy of the packaged data directory."""
    with as_file(files("medcoder_careers") / "data") as packaged:
        target = tmp_path / "data"
        shutil.copytree(packaged, target)
        yield target


@pytest.fixture(scope="session")
def oews_snapshot() -> Path:
    """The verified OEWS May 2025 snapshot, fetched once into build/oews by the build tool.

    Without it (no network, no index) the build tests fail on CI and are
    skipped, loudly, elsewhere.
    """
    try:
        return build_data.snapshot_path(REPO / "build" / "oews")
    except build_data.DownloadError as exc:
        reason = f"!!! OEWS MAY 2025 SNAPSHOT UNAVAILABLE, BUILD TESTS NOT RUN: {exc}"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
