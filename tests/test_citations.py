"""Every quote in the data is found verbatim in the text of the source it names."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import pytest

import medcoder_careers as mc

from .conftest import SHARED


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
    for index, stat in enumerate(cat.statistics):
        yield f"statistic {index} {stat.measure} {stat.period}", stat.citation
    for index, fact in enumerate(cat.facts):
        yield f"fact {index} {fact.topic}", fact.citation
    for row in cat.cpi_u.values():
        yield f"cpi_u {row.year}", row.citation


CITATIONS = list(_all_citations(mc.catalog()))


@cache
def _text(document: str) -> str:
    return _fold((SHARED / document).read_text(encoding="utf-8"))


pytestmark = pytest.mark.usefixtures("shared")


@pytest.mark.parametrize(("where", "citation"), CITATIONS, ids=[w for w, _ in CITATIONS])
def test_quote_is_verbatim(where: str, citation: mc.Citation, cat: mc.Catalog) -> None:
    """The quote, whitespace-normalised, occurs in the named source's text."""
    source = cat.sources[citation.source]
    assert citation.quote == _fold(citation.quote), f"{where}: quote not normalised"
    assert citation.quote in _text(source.document), f"{where}: {citation.quote!r}"


def test_every_source_has_its_text(cat: mc.Catalog) -> None:
    """Each source names a document that exists under shared/."""
    for source in cat.sources.values():
        assert Path(SHARED / source.document).is_file(), source.document


def test_every_source_text_is_a_source(cat: mc.Catalog) -> None:
    """Each of the source texts is encoded as a source."""
    documents = {source.document for source in cat.sources.values()}
    texts = {f"sources/{p.name}" for p in (SHARED / "sources").glob("*.txt")}
    assert texts <= documents
