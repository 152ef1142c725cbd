from __future__ import annotations

import importlib
import json
import re
from importlib.resources import files

import pytest

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


class TestLazyNames:
    """The less used public names are imported on first access, then kept in the package."""

    @pytest.mark.parametrize(
        ("name", "module"),
        [("PRECISION", "_inflation"), ("Comparison", "_compare"), ("to_frame", "_frame")],
    )
    def test_first_access(self, name: str, module: str, monkeypatch: pytest.MonkeyPatch) -> None:
        """A name not imported yet is its module's object, and stays in the package after."""
        monkeypatch.delitem(vars(mc), name, raising=False)  # as before its first access
        value = getattr(mc, name)
        assert value is getattr(importlib.import_module(f"medcoder_careers.{module}"), name)
        assert vars(mc)[name] is value

    def test_unknown_name(self) -> None:
        """A name the package does not have raises AttributeError naming it and the package."""
        with pytest.raises(AttributeError) as info:
            _ = mc.Catalogue
        assert str(info.value) == "module 'medcoder_careers' has no attribute 'Catalogue'"
