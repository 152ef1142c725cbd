"""The import graph of the package, read from the source with `ast` (nothing is imported).

``python tools/import_graph.py [SRC]`` prints the modules, the import edges,
the longest chain of imports and every import circle. Every import counts:
at the top of a module, inside a function, and under ``TYPE_CHECKING``.
``tests/test_layers.py`` holds the package to its layers with the same
functions.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

PACKAGE = "medcoder_careers"
SRC = Path(__file__).resolve().parents[1] / "src"

Graph = Mapping[str, frozenset[str]]


def module_names(src: Path = SRC) -> dict[str, Path]:
    """Return every module of the package by dotted name (a package by its ``__init__``)."""
    found = {}
    for path in sorted((src / PACKAGE).rglob("*.py")):
        parts = path.relative_to(src).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _resolve(module: str, level: int, target: str | None, is_package: bool) -> str:
    """Return the absolute name of a (possibly relative) import in *module*."""
    if level == 0:
        return target or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, target] if target else base)


def imports_of(module: str, path: Path, known: Mapping[str, Path]) -> Iterator[str]:
    """Yield each module of the package that *module* imports, wherever the import stands."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in known:
                    yield alias.name
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(module, node.level, node.module, is_package)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                if submodule in known:  # from a package import one of its modules
                    yield submodule
                elif base in known:
                    yield base


def import_graph(src: Path = SRC) -> dict[str, frozenset[str]]:
    """Return each module of the package with the modules of the package it imports."""
    known = module_names(src)
    return {
        name: frozenset(target for target in imports_of(name, path, known) if target != name)
        for name, path in known.items()
    }


def reachable(graph: Graph, start: str) -> set[str]:
    """Return every module *start* imports, directly or through others."""
    seen: set[str] = set()
    todo = list(graph[start])
    while todo:
        node = todo.pop()
        if node not in seen:
            seen.add(node)
            todo += graph[node]
    return seen


def cycles(graph: Graph) -> list[list[str]]:
    """Return the import circles: each set of two or more modules that import one another."""
    reach = {node: reachable(graph, node) for node in graph}
    circles = {
        tuple(sorted({node} | {other for other in reach[node] if node in reach[other]}))
        for node in graph
        if node in reach[node]
    }
    return sorted(list(circle) for circle in circles)


def longest_chain(graph: Graph) -> list[str]:
    """Return a longest path of imports (modules in a circle are not visited twice)."""
    best: dict[str, list[str]] = {}

    def chain(node: str, seen: frozenset[str]) -> list[str]:
        if node in best:
            return best[node]
        longest: list[str] = []
        for target in sorted(graph[node]):
            if target not in seen:
                candidate = chain(target, seen | {target})
                if len(candidate) > len(longest):
                    longest = candidate
        result = [node, *longest]
        if not (graph[node] & seen):  # memoise only what no circle cut short
            best[node] = result
        return result

    return max((chain(node, frozenset({node})) for node in sorted(graph)), key=len, default=[])


def summary(graph: Graph) -> str:
    """Return the figures of *graph*: modules, edges, the longest chain, the circles."""
    path = longest_chain(graph)
    lines = [
        f"modules: {len(graph)}",
        f"import edges: {sum(len(targets) for targets in graph.values())}",
        f"longest chain: {len(path)} modules ({' -> '.join(path)})",
        f"import circles: {len(cycles(graph))}",
    ]
    lines += [f"  circle: {' <-> '.join(circle)}" for circle in cycles(graph)]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Print the summary of the package under *argv[0]* (default: this checkout's src)."""
    src = Path(argv[0]) if argv else SRC
    print(summary(import_graph(src)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
