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

_NUMBERING = "the compiler's numbering of the pages in the file"
_ICD9 = "the CCS exam format of the ICD-9 era (older page): history, not a requirement"
_BETA = "a notice of 2020 (the exam's beta launch) on another host, not a requirement"
_NO_KIND = "a condition of no requirement kind the data has (dues, code of ethics)"

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
        (
            "** Each mandatory annual coding self-review is worth five (5) CEUs",
            (
                "the self-reviews' CEU value: AHIMA dropped them from January 1, 2021 (the file's "
                "own note), so they are not recorded as requirements"
            ),
        ),
    ),
    # The issuers' credential pages (release 2027.1). Each file numbers its passages
    # ("SOURCE 1") and marks its own notes with square brackets.
    "reference/credentials/CCA.txt": (
        ("SOURCE 1 (eligibility, exam facts)", _NUMBERING),
        ('[the page text contains the data point "As of 12/31/2023"]', "the compiler's note"),
        (
            "As of 12/31/2023, there were 7,972 certified CCA professionals.",
            "a count of certified professionals, not a requirement",
        ),
        (
            (
                '"Non-member price: $299" / "Member price: $199" and "As of 12/31/2022, there were '
                '7,760 certified CCA professionals."'
            ),
            "the compiler's note on a third-party copy: prices and a count of professionals",
        ),
    ),
    "reference/credentials/CCS.txt": (
        ("SOURCE 1 (eligibility, recertification)", _NUMBERING),
        ("SOURCE 2 (exam facts — older exam version)", _NUMBERING),
        ("SOURCE 3 (exam status note)", _NUMBERING),
        ("can be achieved in 4 steps.", "the page's count of its own steps"),
        ("1: Make sure", "the page's step numbering"),
        ("2: Prepare", "the page's step numbering"),
        ("3: Apply", "the page's step numbering"),
        ("4: Maintain", "the page's step numbering"),
        ('[the stored text refers to "the 2010 exam" and to ICD-9-CM', "the compiler's note"),
        (
            (
                "The application fee for the CCS and the CCS-P exam is $299.00 for AHIMA members "
                "and $399.00 for non-members."
            ),
            "exam fees (prices are not requirements), of the older page",
        ),
        ("| CCS | 60 Questions | 6 Inpatient Cases", _ICD9),
        ("6 (ICD-9-CM Vol. 1-3) 7 Outpatient Cases", _ICD9),
        ("7 (ICD-9-CM, CPT) |", _ICD9),
        ("| 60 minutes | Part I of examination", _ICD9),
        ("| 180 minutes | Part II of examination", _ICD9),
        ("* Not counted as part of 4-hour exam time.", _ICD9),
        (
            "http://ahimaorg-558299850.us-east-1.elb.amazonaws.com/certification/CCS",
            "the address of an unused copy on an Amazon load-balancer host",
        ),
        ("[the notice inside is dated July 1, 2020]", "the compiler's note"),
        ("CCS, CCS-P to Launch as Beta on July 1, 2020", _BETA),
        ("will be launching as beta exams on July 1, 2020.", _BETA),
    ),
    "reference/credentials/CPC.txt": (
        ("SOURCE 1 (exam format)", _NUMBERING),
        ("SOURCE 2 (exam format, pass mark)", _NUMBERING),
        ("SOURCE 3 (CEUs to keep the credential)", _NUMBERING),
        ("SOURCE 4 (maintenance)", _NUMBERING),
        ("SOURCE 5 (eligibility / apprentice status)", _NUMBERING),
        (
            (
                "?&utm_medium=ppc&utm_source=adwords&utm_term=aapc%27s%20certified%20professional"
                "%20coder%20cpc&utm_campaign=Search_Google_Brand_AAPC-Core_Exact&hsa_cam=6492563249"
                "&hsa_tgt=aud-412910490190:kwd-854617524899&hsa_kw=aapc%27s%20certified%20"
                "professional%20coder%20cpc&hsa_ver=3&hsa_ad=409474869293&hsa_acc=8669576186"
                "&hsa_grp=77939806516&hsa_src=g&hsa_net=adwords&hsa_mt=e&gclid=CjwKCAjwsO_4BRBBEiwAy"
                "agRTaStfpLnD5IiPcKtuwWnjgyO5cpQGofk1DFw5Eb3ZN76FbevxfWjcxoCiiQQAvD_BwE&gclsrc=aw.ds"
            ),
            "the ad-tracking parameters of the address the copy was stored under",
        ),
        ('[text cites "CPC salaries, averaging $58,055 in 2022"]', "the compiler's note: a salary"),
        ("1. Pay your AAPC Membership dues annually.", _NO_KIND),
        ("2. Abide by the AAPC Code of Ethics.", _NO_KIND),
    ),
    "reference/credentials/CTR.txt": (
        *((f"SOURCE {n} Address:", _NUMBERING) for n in (1, 2, 3)),
        ("SOURCE 4 (exam facts)", _NUMBERING),
        ("SOURCE 5 (exam facts, continuing education)", _NUMBERING),
        ("SOURCE 6 (continuing education)", _NUMBERING),
        ("earn approximately $25,000 more", "a salary comparison, not a requirement"),
        ("Question 3.", "the FAQ's numbering"),
        ("Question 4.", "the FAQ's numbering"),
        ("Question 7.", "the FAQ's numbering"),
        (
            (
                '[no page date; the stored text lists "2019 Testing Dates" and a "2020 Candidate '
                'Handbook & Application"]'
            ),
            "the compiler's note on the page's date",
        ),
        ("NCRA Member rate: $315; Non-Member rate: $415.", "exam fees (prices)"),
        ('carries dated notices "[June 15, 2022]" and "[June 25, 2020]"', "the compiler's note"),
        (
            (
                "March 4 - March 26, 2022; application deadline: February 25 June 17 - July 9, "
                "2022; application deadline: June 3 October 14 - November 5, 2022; application "
                "deadline: September 30"
            ),
            "the testing periods of 2022 and their deadlines: dates, not requirements",
        ),
        ("The fee for NCRA members is $35; the non-member fee is $145.", "recertification fees"),
        (
            (
                "an annual basis of $105.00/year. The NCRA member-rate CTR Maintenance fee is "
                "$25.00/year."
            ),
            "the compiler's note quoting an older page's fees",
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
