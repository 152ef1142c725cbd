"""Every quote in the data is found verbatim in the text of the source it names.

A source's ``document`` is a path under the repository's ``sources/``: ``sources/...``
for the five source texts, ``reference/...`` for the reference texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import pytest

import medcoder_careers as mc

from .conftest import SOURCES


def _fold(text: str) -> str:
    return " ".join(text.split())


def _all_citations(cat: mc.Catalog) -> Iterator[tuple[str, mc.Citation]]:
    entities: list[
        tuple[
            str, Iterable[mc.Organization | mc.Source | mc.Occupation | mc.Credential | mc.Industry]
        ]
    ] = [
        ("organization", cat.organizations.values()),
        ("source", cat.sources.values()),
        ("occupation", cat.occupations.values()),
        ("credential", cat.credentials.values()),
        ("industry", cat.industries.values()),
    ]
    for kind, records in entities:
        for record in records:
            for citation in record.citations:
                yield f"{kind} {record.id}", citation
    for credential in cat.credentials.values():
        for requirement in credential.requirements:
            yield f"credential {credential.id} requirement", requirement.citation
    for occupation in cat.occupations.values():
        for specialty in occupation.specialties:
            for citation in specialty.citations:
                yield f"specialty {specialty.name}", citation
    # The table figures (OEWS) cite a BLS series id: tests/test_oews.py re-reads each
    # from the pinned snapshot. These are the statistics of the JSON files.
    for index, stat in enumerate(cat._store.collection("statistics")):
        yield f"statistic {index} {stat.measure} {stat.period}", stat.citation
    for index, fact in enumerate(cat.facts):
        yield f"fact {index} {fact.topic}", fact.citation
    for row in cat.cpi_u.values():
        yield f"cpi_u {row.year}", row.citation


# A citation with a locator quotes a value or name as a BLS table file prints it
# (OEWS), not a passage of the source's document: the test that re-reads the
# pinned snapshot checks those by locator, so they are left out here.
CITATIONS = [
    (where, citation)
    for where, citation in _all_citations(mc.catalog())
    if citation.locator is None
]

# The reference texts whose facts the data encodes; each must be a source's
# document (states.txt is left to the areas, which cite the OEWS names).
REFERENCE_TEXTS = frozenset(
    {
        "reference/soc.txt",
        "reference/naics.txt",
        "reference/cpi-u.txt",
        "reference/ooh-latest.txt",
        "reference/ooh-2018-28.txt",
        "reference/ooh-hitmr-2022-32.txt",
        "reference/oews-2021-29-9021.txt",
        "reference/credentials-upkeep.txt",
        "reference/oews-may-2025.md",
    }
)


@cache
def _text(document: str) -> str:
    return _fold((SOURCES / document).read_text(encoding="utf-8"))


@pytest.mark.parametrize(("where", "citation"), CITATIONS, ids=[w for w, _ in CITATIONS])
def test_quote_is_verbatim(where: str, citation: mc.Citation, cat: mc.Catalog) -> None:
    """The quote, whitespace-normalised, occurs in the named source's text."""
    source = cat.sources[citation.source]
    assert citation.quote == _fold(citation.quote), f"{where}: quote not normalised"
    assert citation.quote in _text(source.document), f"{where}: {citation.quote!r}"


def test_every_source_has_its_text(cat: mc.Catalog) -> None:
    """Each source names a document that exists under sources/."""
    for source in cat.sources.values():
        assert Path(SOURCES / source.document).is_file(), source.document


def test_every_source_text_is_a_source(cat: mc.Catalog) -> None:
    """Each of the source texts is encoded as a source."""
    documents = {source.document for source in cat.sources.values()}
    texts = {f"sources/{p.name}" for p in (SOURCES / "sources").glob("*.txt")}
    assert texts <= documents


def test_every_reference_text_is_a_source(cat: mc.Catalog) -> None:
    """Each reference text the data draws on is encoded as a source, and exists."""
    documents = {source.document for source in cat.sources.values()}
    assert documents >= REFERENCE_TEXTS
    for document in REFERENCE_TEXTS:
        assert (SOURCES / document).is_file(), document


def test_reference_documents_resolve(cat: mc.Catalog) -> None:
    """A document under reference/ is read from there, like one under sources/."""
    soc = cat.source("soc")
    assert soc.document == "reference/soc.txt"
    assert "2018 SOC 29-9021" in _text(soc.document)


# The issuers' credential pages (release 2027.1): one file per credential, its
# pages parted by rules of "=", each with its address above a rule of "-".
_PAGE_RULE = re.compile(r"^=+$", re.MULTILINE)
_HEADER_RULE = re.compile(r"^-+$", re.MULTILINE)
_ADDRESS = re.compile(r"^Address: (\S+)", re.MULTILINE)


def _passages(body: str) -> list[str]:
    """Split a page's text at the compiler's bracketed notes and "[...]" cuts, dropping them.

    Notes nest ('[... "[June 15, 2022]" ...]'), so brackets are counted.
    """
    passages: list[str] = []
    current: list[str] = []
    depth = 0
    for char in body:
        if char == "[":
            depth += 1
            if depth == 1:
                passages.append("".join(current))
                current = []
        elif char == "]" and depth:
            depth -= 1
        elif not depth:
            current.append(char)
    passages.append("".join(current))
    return [_fold(p) for p in passages if p.strip()]


@cache
def _pages(document: str) -> dict[str, list[str]]:
    """The passages of each page of a credential file, by the page's address."""
    pages: dict[str, list[str]] = {}
    for section in _PAGE_RULE.split((SOURCES / document).read_text(encoding="utf-8"))[1:]:
        header, body = [*_HEADER_RULE.split(section, maxsplit=1), ""][:2]
        match = _ADDRESS.search(header)
        assert match, section[:80]
        pages[match.group(1)] = _passages(body)
    return pages


def _page(document: str, address: str) -> list[str]:
    """The passages of the page at *address*; a copy stored with query parameters counts."""
    found = [
        passages
        for stored, passages in _pages(document).items()
        if stored == address or stored.startswith(f"{address}?")
    ]
    assert len(found) == 1, f"{document}: {len(found)} pages at {address}"
    return found[0]


class TestCredentialPageQuotes:
    """A requirement read from an issuer's page quotes that page, outside the compiler's notes."""

    def test_quote_on_its_page(self, cat: mc.Catalog) -> None:
        """Each quote lies in one passage of the page at its source's address."""
        checked = 0
        for credential in cat.credentials.values():
            for requirement in credential.requirements:
                source = cat.sources[requirement.citation.source]
                if not source.document.startswith("reference/credentials/"):
                    continue
                passages = _page(source.document, source.retrieved_via)
                quote = requirement.citation.quote
                assert any(quote in p for p in passages), f"{credential.id}: {quote!r}"
                checked += 1
        assert checked >= 40  # the requirements of the four pages

    def test_passages_drop_notes(self) -> None:
        """Bracketed notes, nested ones included, and cuts part passages and are dropped."""
        text = 'one [note "[June 15, 2022]" more] two [...] three'
        assert _passages(text) == ["one", "two", "three"]

    def test_every_page_address_is_a_source(self, cat: mc.Catalog) -> None:
        """Each source of a credential file names a page of it, quoting its address line."""
        for source in cat.sources.values():
            if source.document.startswith("reference/credentials/"):
                _page(source.document, source.retrieved_via)
                [citation] = source.citations
                assert citation.quote.startswith(f"Address: {source.retrieved_via}"), source.id
