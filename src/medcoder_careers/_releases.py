"""The manifest digest of every data release: data never changes under an old version.

Each ``DATA_VERSION`` maps to the `Manifest.digest` of its data files
(``Catalog.digest``). ``tests/test_releases.py`` fails when the packaged
data's digest is not the one recorded for the current ``DATA_VERSION``, so
a data change cannot ship without a new data version.

After a data change: bump ``DATA_VERSION`` and ``__version__`` in
``_version.py`` and ``data_version`` in ``data/manifest.json``, then run
``python -m medcoder_careers verify`` and add its ``digest`` line as a new
entry below (never edit an entry already released).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

__all__ = ["RELEASES"]

RELEASES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "2026.1": "ee1e58001a228475a10bc6fcda69231d8f44d72e30324e5ec0088b2686c9ac98",
        "2026.2": "996b934a7ae59d6134d3ca76daee9b3c1783e5ea8683134f260f520830c7c87c",
        "2026.3": "7e893ab91414fbb7b23ee51f884f6e17641f1fc9df12c0ff156ba79c69847256",
    }
)
"""Every data release, oldest first, with its manifest digest."""
