"""Every number in the data-bearing passages of the source texts is in the data.

A number counts as covered when it appears in a record that cites the same
source: a statistic's value or range end, its period, a fact, or a field of
an entity citing that text. Page furniture (navigation, ads, author bios,
copyright lines, footnote markers) is listed below with the reason it is
not data; everything else must be covered. The same holds for the reference
texts whose figures a data release encodes (`REFERENCE_EXCLUDED`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from typing import Any

import pytest

import medcoder_careers as mc
from medcoder_careers._data.codec import make_converter

from .conftest import SOURCES

# A year span such as "2008-18" stands for both years; any other run of
# digits (with thousands commas or a decimal point) is one number.
_NUMBER = re.compile(r"(?<![\w.])(\d{4})-(\d{2})(?!\d)|\d+(?:[,.]\d+)*")

EXCLUDED: dict[str, tuple[tuple[str, str], ...]] = {
    "ooh-2010-11": (("Page 2", "page navigation of the reproducing site"),),
    "ooh-2006-07": (
        ("Copyright © 1999 EdInformatics.com", "copyright line of the reproducing site"),
    ),
    "article-medical-information-coder": (
        ("1. Degree Options:", "navigation list of the article page"),
        ("Popular Schools 1. 1 2. 2 3. Next", "school-listing pager (advertising)"),
    ),
    "blog-medical-records-coder": (
        ("(1)", "footnote marker to an unnamed reference"),
        ("(2)", "footnote marker to an unnamed reference"),
        ("Founder | 9 To 5 Renegade", "author bio"),
        ("I ditched the typical 9-to-5", "author bio"),
        ("Learn more about my #1 opportunity here.", "advertisement"),
    ),
    "ooh-2012-13": (),
}

# The reference texts release 2026.2 encodes, by document. Several sources may
# share one text (the AHIMA and AAPC pages in credentials-upkeep.txt): a number
# is covered by a record citing any of them.
REFERENCE_EXCLUDED: dict[str, tuple[tuple[str, str], ...]] = {
    "reference/ooh-2018-28.txt": (
        (
            "https://webarchive.library.unt.edu/web/20201218060825/",
            "the web archive's capture timestamp in the copy's address",
        ),
    ),
    "reference/ooh-hitmr-2022-32.txt": (),
    "reference/oews-2021-29-9021.txt": (
        ("(1)", "footnote marker (the page's footnotes are not in the copy)"),
        ("(2)", "footnote marker (the page's footnotes are not in the copy)"),
        ("(3)", "footnote marker (the page's footnotes are not in the copy)"),
    ),
    "reference/credentials-upkeep.txt": (
        (
            "RHIA, CHPS, CHDA, CDIP, CPHI 30 CEUs",
            "CEU rule of credentials not in the catalog (no source ties them to coders)",
        ),
    ),
}


def numbers(text: str) -> list[str]:
    """Return every number in *text*, commas dropped, year spans expanded."""
    found: list[str] = []
    for match in _NUMBER.finditer(text):
        if match.group(1):
            start = match.group(1)
            found += [start, start[:2] + match.group(2)]
        else:
            found.append(match.group(0).replace(",", ""))
    return found


def _cites(record: Any, sources: Collection[str]) -> bool:
    if getattr(record, "source", None) in sources:
        return True
    citation = getattr(record, "citation", None)
    if citation is not None and citation.source in sources:
        return True
    return any(c.source in sources for c in getattr(record, "citations", ()))


def _covered(cat: mc.Catalog, sources: Collection[str]) -> set[str]:
    converter = make_converter()
    records: list[Any] = [
        *cat.organizations.values(),
        *cat.sources.values(),
        *cat.occupations.values(),
        *cat.credentials.values(),
        *cat.industries.values(),
        *cat.statistics,
        *cat.facts,
        # a requirement or specialty cites on its own, apart from its record
        *(r for c in cat.credentials.values() for r in c.requirements),
        *(s for o in cat.occupations.values() for s in o.specialties),
    ]
    raw = [converter.unstructure(r) for r in records if _cites(r, sources)]
    return set(numbers(json.dumps(raw, ensure_ascii=False)))


def _text(document: str) -> str:
    path = SOURCES / document
    return " ".join(path.read_text(encoding="utf-8").split())


def _missing(
    text: str, exclusions: tuple[tuple[str, str], ...], covered: set[str], where: str
) -> list[str]:
    """Return the numbers of *text*, less the excluded passages, that are not *covered*."""
    for passage, _reason in exclusions:
        assert passage in text, f"{where}: stale exclusion {passage!r}"
        text = text.replace(passage, " ")
    return [n for n in numbers(text) if n not in covered]


class TestCoverage:
    """The data holds every number of the five texts, or says why not."""

    def test_all_five_texts_listed(self, cat: mc.Catalog) -> None:
        """Each source text has an entry here, so none escapes the check."""
        documents = {s.id for s in cat.sources.values() if s.document.startswith("sources/")}
        assert documents == set(EXCLUDED)

    @pytest.mark.parametrize("source", sorted(EXCLUDED))
    def test_numbers_covered(self, cat: mc.Catalog, source: str) -> None:
        """Every number outside the listed furniture appears in a record citing the text."""
        text = _text(cat.sources[source].document)
        missing = _missing(text, EXCLUDED[source], _covered(cat, {source}), source)
        assert not missing, f"{source}: numbers not in the data: {missing}"

    def test_reference_texts_are_sources(self, cat: mc.Catalog) -> None:
        """Each reference text listed here is the document of at least one source."""
        documents = {s.document for s in cat.sources.values()}
        assert set(REFERENCE_EXCLUDED) <= documents

    @pytest.mark.parametrize("document", sorted(REFERENCE_EXCLUDED))
    def test_reference_numbers_covered(self, cat: mc.Catalog, document: str) -> None:
        """Every number of a reference text is in a record citing it, or excluded with a reason."""
        text = _text(document)
        sources = {s.id for s in cat.sources.values() if s.document == document}
        missing = _missing(text, REFERENCE_EXCLUDED[document], _covered(cat, sources), document)
        assert not missing, f"{document}: numbers not in the data: {missing}"

    def test_numbers_helper(self) -> None:
        """Spans expand, commas drop, decimals stay whole."""
        assert numbers("$30,610 in 2008-18 at $15.55, 60601-5800") == [
            "30610",
            "2008",
            "2018",
            "15.55",
            "60601",
            "5800",
        ]
