"""The career atlas: pages and charts generated from the packaged catalog at docs build time.

One page per occupation, per credential and per state-level area, and an
index of metropolitan and nonmetropolitan areas, written as MyST markdown
with raw HTML tables and SVG charts. Every number comes from the catalog
through the public API; under every figure and table a details block names
its sources, periods and the quote or BLS series id of each value.

This is docs tooling, not part of the runtime package: it imports
matplotlib, which the library never does.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import medcoder_careers as mc

from .areas import area_index, listed_areas
from .common import Gaps, state_areas, state_slug
from .credential import credential_page
from .occupation import occupation_page
from .state import state_page

__all__ = ["MAIN_OCCUPATION", "Written", "write_atlas"]

MAIN_OCCUPATION = "medical coder"
"""The occupation the area index follows (the library's subject)."""


class Written(NamedTuple):
    """What `write_atlas` wrote: page counts and the chart files.

    Attributes:
        occupations: Occupation pages.
        credentials: Credential pages.
        states: State-level area pages (states, DC, territories).
        areas: Rows of the area index.
        charts: The chart files, relative to the atlas folder.
    """

    occupations: int
    credentials: int
    states: int
    areas: int
    charts: tuple[str, ...]


def _index(
    cat: mc.Catalog, occupations: list[str], credentials: list[str], states: list[str]
) -> str:
    def toc(caption: str, entries: list[str]) -> list[str]:
        return ["```{toctree}", f":caption: {caption}", ":maxdepth: 1", "", *entries, "```", ""]

    lines = [
        "# Career atlas",
        "",
        (
            "A page for each occupation, credential and state, and an index of metropolitan "
            f"areas, generated from the packaged data (release {cat.data_version}) when the docs "
            "are built: no number here is typed by hand. Under every chart and table, *Sources "
            "and periods* names where each figure comes from, with the quote that states it or, "
            "for a BLS OEWS value, the series id of its cell."
        ),
        "",
        *toc("Occupations", occupations),
        *toc("Credentials", credentials),
        *toc("States, DC and territories", states),
        *toc("Areas", ["areas"]),
    ]
    return "\n".join(lines)


def _write(path: Path, text: str, written: set[Path]) -> None:
    """Write *text* to *path* unless it holds it already (so Sphinx rereads only changes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
    written.add(path)


def write_atlas(target: Path, cat: mc.Catalog | None = None) -> Written:
    """Write the atlas under *target*: ``index.md``, the entity pages and ``charts/``.

    The charts are drawn afresh; a page is rewritten only when its text
    changes. Files from an earlier run that this run does not write are
    removed, so no stale page is left outside the index.

    Args:
        target: The atlas folder (``docs/_generated/atlas``).
        cat: The catalog; the packaged one by default.

    Returns:
        The counts of pages and the chart files written.
    """
    cat = mc.catalog() if cat is None else cat
    written: set[Path] = set()
    charts = target / "charts"
    charts.mkdir(parents=True, exist_ok=True)
    for old in charts.iterdir():
        old.unlink()
    for occupation in cat.occupations.values():
        _write(
            target / "occupations" / f"{occupation.id}.md",
            occupation_page(cat, occupation, charts),
            written,
        )
    for credential in cat.credentials.values():
        _write(
            target / "credentials" / f"{credential.id}.md",
            credential_page(cat, credential),
            written,
        )
    states = state_areas(cat)
    gaps = Gaps(cat)
    for area in states:
        page = state_page(cat, area, gaps)
        _write(target / "states" / f"{state_slug(area)}.md", page, written)
    index = area_index(cat, cat.occupation(MAIN_OCCUPATION), gaps)
    _write(target / "areas.md", index, written)
    contents = _index(
        cat,
        [
            f"occupations/{key}"
            for key in sorted(cat.occupations, key=lambda k: cat.occupations[k].title)
        ],
        [f"credentials/{key}" for key in sorted(cat.credentials)],
        [f"states/{state_slug(area)}" for area in states],
    )
    _write(target / "index.md", contents, written)
    drawn = set(charts.iterdir())
    for stale in {p for p in target.rglob("*") if p.is_file()} - written - drawn:
        stale.unlink()
    return Written(
        occupations=len(cat.occupations),
        credentials=len(cat.credentials),
        states=len(states),
        areas=len(listed_areas(cat)),
        charts=tuple(sorted(str(p.relative_to(target)) for p in drawn)),
    )
