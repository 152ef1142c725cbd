"""The package is one house of layers: imports run one way, and classes compose, not inherit.

The layers, lowest first: vocabularies, the records, the data files
(`_data`), the names, the search and query parts, the functions of the
parts, the `Catalog` facade, and its consumers (the frame, the command
line). Every import counts, at the top of a module, in a function or
under ``TYPE_CHECKING``: a module imports only its own layer or lower,
and no two modules import each other, however indirectly.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest

import import_graph  # tools/import_graph.py, on the path through pytest's pythonpath setting
import medcoder_careers as mc

LAYERS: tuple[tuple[str, ...], ...] = (
    ("_version", "_errors", "_vocab", "_period", "_filters", "_topics", "_display"),
    ("_model",),
    ("_data",),
    ("_names",),
    ("_search", "_query"),
    ("_series", "_quick", "_inflation", "_compare", "_export"),
    ("_catalog",),
    ("_frame", "_cli"),
    ("", "__main__"),  # the package itself: re-exports; and `python -m`
)
"""Each layer's modules (a subpackage stands for all its modules), lowest first."""


def layer(module: str) -> int:
    """Return the layer of a dotted module name of the package."""
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else ""
    for number, names in enumerate(LAYERS):
        if top in names:
            return number
    msg = f"{module} is in no layer: add it to LAYERS"
    raise AssertionError(msg)


@pytest.fixture(scope="module")
def graph() -> dict[str, frozenset[str]]:
    """The package's import graph, read from its source."""
    return import_graph.import_graph()


class TestImports:
    """Imports run from higher layers to lower ones, never back, and form no circle."""

    def test_every_module_has_a_layer(self, graph: dict[str, frozenset[str]]) -> None:
        """Each module of the package belongs to one layer."""
        assert len(graph) > 30
        for module in graph:
            layer(module)

    def test_no_import_upwards(self, graph: dict[str, frozenset[str]]) -> None:
        """No module imports one of a higher layer."""
        upwards = sorted(
            f"{module} -> {target}"
            for module, targets in graph.items()
            for target in targets
            if layer(target) > layer(module)
        )
        assert upwards == []

    def test_no_circle(self, graph: dict[str, frozenset[str]]) -> None:
        """No set of modules imports itself round a circle."""
        assert import_graph.cycles(graph) == []

    def test_the_graph_sees_every_kind_of_import(self, tmp_path: Path) -> None:
        """Imports in functions, under TYPE_CHECKING and relative ones are all edges."""
        package = tmp_path / "medcoder_careers"
        (package / "_sub").mkdir(parents=True)
        (package / "__init__.py").write_text("from . import _a\n")
        (package / "_a.py").write_text(
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ._b import B\n"
        )
        (package / "_b.py").write_text("def f():\n    from medcoder_careers._sub import c\n")
        (package / "_sub" / "__init__.py").write_text("")
        (package / "_sub" / "c.py").write_text("from .. import _a\nimport medcoder_careers._b\n")
        found = import_graph.import_graph(tmp_path)
        assert found == {
            "medcoder_careers": frozenset({"medcoder_careers._a"}),
            "medcoder_careers._a": frozenset({"medcoder_careers._b"}),
            "medcoder_careers._b": frozenset({"medcoder_careers._sub.c"}),
            "medcoder_careers._sub": frozenset(),
            "medcoder_careers._sub.c": frozenset({"medcoder_careers._a", "medcoder_careers._b"}),
        }
        assert import_graph.cycles(found) == [
            ["medcoder_careers._a", "medcoder_careers._b", "medcoder_careers._sub.c"]
        ]
        assert len(import_graph.longest_chain(found)) == 4


def _package_classes() -> list[type]:
    classes = []
    for info in pkgutil.walk_packages(mc.__path__, "medcoder_careers."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        classes += [
            cls
            for _, cls in inspect.getmembers(module, inspect.isclass)
            if cls.__module__ == module.__name__
        ]
    return classes


class TestComposition:
    """The package's classes hold their parts; only records and errors share a base."""

    def test_no_class_inherits_another_of_the_package(self) -> None:
        """A class's bases from the package are the records' base or the errors'."""
        allowed = {"medcoder_careers._model._Record"}
        found = []
        for cls in _package_classes():
            for base in cls.__mro__[1:]:
                name = f"{base.__module__}.{base.__qualname__}"
                if not base.__module__.startswith("medcoder_careers") or name in allowed:
                    continue
                if issubclass(cls, mc.MedcoderError) and issubclass(base, mc.MedcoderError):
                    continue
                found.append(f"{cls.__module__}.{cls.__qualname__} inherits {name}")
        assert found == []

    def test_the_catalog_holds_its_parts(self) -> None:
        """`Catalog` derives from nothing of the package: a facade over the parts it holds."""
        assert mc.Catalog.__mro__ == (mc.Catalog, object)
