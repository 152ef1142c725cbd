from __future__ import annotations

import json
import re
from importlib.resources import files

import medcoder_careers as mc


class TestVersion:
    """Package version, data version and manifest agree."""

    def test_version_form(self) -> None:
        """__version__ is YYYY.N.P and DATA_VERSION is YYYY.N."""
        assert re.fullmatch(r"\d{4}\.\d+\.\d+", mc.__version__)
        assert re.fullmatch(r"\d{4}\.\d+", mc.DATA_VERSION)

    def test_package_version_starts_with_data_version(self) -> None:
        """The first two parts of __version__ equal DATA_VERSION."""
        assert mc.__version__.rsplit(".", 1)[0] == mc.DATA_VERSION

    def test_manifest_names_data_version(self) -> None:
        """The packaged manifest carries DATA_VERSION."""
        manifest = json.loads((files("medcoder_careers") / "data" / "manifest.json").read_text())
        assert manifest["data_version"] == mc.DATA_VERSION

    def test_public_names_documented(self) -> None:
        """Every public name has a docstring."""
        for name in mc.__all__:
            obj = getattr(mc, name)
            if callable(obj):
                assert obj.__doc__, name

    def test_dir_is_all(self) -> None:
        """dir(module) lists the public names."""
        assert sorted(dir(mc)) == sorted(mc.__all__)
