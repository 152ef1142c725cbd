"""Lookups: normalisation, the key index, every name in the data, and misses."""

from __future__ import annotations

import difflib
import enum
import re
import unicodedata
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._data.store import Store
from medcoder_careers._names import (
    AREA,
    Finder,
    KeyIndex,
    Names,
    _area_codes,
    close_matches,
    enum_member,
    names_of,
    normalise,
    singular,
)
from medcoder_careers._search import FuzzyIndex

from .strategies import messy

# Every name in the packaged data, pinned: (kind, key, id). A name added to
# the data must be added here (see TestEveryName.test_table_covers_the_data).
PINNED = [
    ("occupation", "Billing, Cost, and Rate Clerks", "billing-cost-and-rate-clerks"),
    ("occupation", "43-3021", "billing-cost-and-rate-clerks"),
    (
        "occupation",
        "Billing and Posting Clerks and Machine Operators",
        "billing-cost-and-rate-clerks",
    ),
    ("occupation", "Billing and Posting Clerks", "billing-cost-and-rate-clerks"),
    ("occupation", "billing-cost-and-rate-clerks", "billing-cost-and-rate-clerks"),
    (
        "occupation",
        "Health Information Technologists and Medical Registrars",
        "health-information-technologists-and-medical-registrars",
    ),
    ("occupation", "29-9021", "health-information-technologists-and-medical-registrars"),
    (
        "occupation",
        "health-information-technologists-and-medical-registrars",
        "health-information-technologists-and-medical-registrars",
    ),
    ("occupation", "Medical and Health Services Managers", "medical-and-health-services-managers"),
    ("occupation", "Medical/Health Services Manager", "medical-and-health-services-managers"),
    ("occupation", "Health information manager", "medical-and-health-services-managers"),
    ("occupation", "11-9111", "medical-and-health-services-managers"),
    ("occupation", "medical-and-health-services-managers", "medical-and-health-services-managers"),
    (
        "occupation",
        "Medical Records and Health Information Technicians",
        "medical-records-and-health-information-technicians",
    ),
    ("occupation", "Medical coder", "medical-records-and-health-information-technicians"),
    (
        "occupation",
        "Medical information coder",
        "medical-records-and-health-information-technicians",
    ),
    ("occupation", "Medical records coder", "medical-records-and-health-information-technicians"),
    ("occupation", "Medical record coder", "medical-records-and-health-information-technicians"),
    (
        "occupation",
        "Health information coder",
        "medical-records-and-health-information-technicians",
    ),
    ("occupation", "Coder/abstractor", "medical-records-and-health-information-technicians"),
    ("occupation", "Coding specialist", "medical-records-and-health-information-technicians"),
    (
        "occupation",
        "Health information technician",
        "medical-records-and-health-information-technicians",
    ),
    (
        "occupation",
        "Medical Records and Health Information Specialists",
        "medical-records-and-health-information-technicians",
    ),
    ("occupation", "29-2071", "medical-records-and-health-information-technicians"),
    ("occupation", "29-2072", "medical-records-and-health-information-technicians"),
    (
        "occupation",
        "Medical Records Specialists",
        "medical-records-and-health-information-technicians",
    ),
    ("occupation", "Coder", "medical-records-and-health-information-technicians"),
    ("occupation", "Cancer registrar", "medical-records-and-health-information-technicians"),
    ("occupation", "Tumor registrar", "medical-records-and-health-information-technicians"),
    (
        "occupation",
        "medical-records-and-health-information-technicians",
        "medical-records-and-health-information-technicians",
    ),
    ("occupation", "Medical Secretaries", "medical-secretaries"),
    ("occupation", "43-6013", "medical-secretaries"),
    ("occupation", "Medical Secretaries and Administrative Assistants", "medical-secretaries"),
    ("occupation", "medical-secretaries", "medical-secretaries"),
    ("occupation", "Medical Transcriptionists", "medical-transcriptionists"),
    ("occupation", "31-9094", "medical-transcriptionists"),
    ("occupation", "medical-transcriptionists", "medical-transcriptionists"),
    ("credential", "CCA", "cca"),
    ("credential", "Certified Coding Associate", "cca"),
    ("credential", "cca", "cca"),
    ("credential", "CCS", "ccs"),
    ("credential", "Certified Coding Specialist", "ccs"),
    ("credential", "ccs", "ccs"),
    ("credential", "CPC", "cpc"),
    ("credential", "Certified Professional Coder", "cpc"),
    ("credential", "cpc", "cpc"),
    ("credential", "CTR", "ctr"),
    ("credential", "Certified Tumor Registrar", "ctr"),
    ("credential", "ctr", "ctr"),
    ("credential", "RHIT", "rhit"),
    ("credential", "Registered Health Information Technician", "rhit"),
    ("credential", "Registered Health Information Technicians", "rhit"),
    ("credential", "rhit", "rhit"),
    ("organization", "AAPC", "aapc"),
    ("organization", "American Academy of Professional Coders", "aapc"),
    ("organization", "aapc", "aapc"),
    ("organization", "AHIMA", "ahima"),
    ("organization", "American Health Information Management Association", "ahima"),
    ("organization", "ahima", "ahima"),
    ("organization", "BLS", "bls"),
    ("organization", "U.S. Bureau of Labor Statistics", "bls"),
    ("organization", "Bureau of Labor Statistics", "bls"),
    ("organization", "United States Bureau of Labor Statistics", "bls"),
    ("organization", "bls", "bls"),
    ("organization", "BMSC", "bmsc"),
    ("organization", "Board of Medical Specialty Coding", "bmsc"),
    ("organization", "bmsc", "bmsc"),
    ("organization", "CAHIIM", "cahiim"),
    (
        "organization",
        "Commission on Accreditation for Health Informatics and Information Management Education",
        "cahiim",
    ),
    ("organization", "cahiim", "cahiim"),
    ("organization", "U.S. Department of Labor", "dol"),
    ("organization", "Department of Labor", "dol"),
    ("organization", "dol", "dol"),
    ("organization", "NCRA", "ncra"),
    ("organization", "National Cancer Registrars Association", "ncra"),
    ("organization", "ncra", "ncra"),
    ("organization", "U.S. Office of Management and Budget", "omb"),
    ("organization", "Office of Management and Budget", "omb"),
    ("organization", "omb", "omb"),
    ("organization", "O*NET", "onet"),
    ("organization", "Occupational Information Network", "onet"),
    ("organization", "O*NET OnLine", "onet"),
    ("organization", "onet", "onet"),
    ("organization", "PAHCS", "pahcs"),
    ("organization", "Professional Association of Health care Coding Specialists", "pahcs"),
    ("organization", "Professional Association of Healthcare Coding Specialist", "pahcs"),
    ("organization", "pahcs", "pahcs"),
    ("source", "AAPC: Apprentice status (CPC-A)", "aapc-apprentice-status"),
    ("source", "aapc-apprentice-status", "aapc-apprentice-status"),
    ("source", "AAPC: CEUs required to maintain credential(s)", "aapc-ceu-requirements"),
    ("source", "aapc-ceu-requirements", "aapc-ceu-requirements"),
    ("source", "AAPC: In-Person CPC Exam FAQs", "aapc-cpc-exam-faq"),
    ("source", "aapc-cpc-exam-faq", "aapc-cpc-exam-faq"),
    ("source", "AAPC: Certified Professional Coder (CPC)", "aapc-cpc-page"),
    ("source", "aapc-cpc-page", "aapc-cpc-page"),
    ("source", "AAPC: Maintain your certification", "aapc-maintain-certification"),
    ("source", "aapc-maintain-certification", "aapc-maintain-certification"),
    (
        "source",
        "AHIMA: Certified Coding Associate (CCA): eligibility requirements and exam specifications",
        "ahima-cca-page",
    ),
    ("source", "ahima-cca-page", "ahima-cca-page"),
    (
        "source",
        "AHIMA: Certified Coding Specialist (CCS): how to achieve the certification",
        "ahima-ccs-page",
    ),
    ("source", "ahima-ccs-page", "ahima-ccs-page"),
    ("source", "NCRA: CTR Certification Exam", "ncra-ctr-certification-exam"),
    ("source", "ncra-ctr-certification-exam", "ncra-ctr-certification-exam"),
    ("source", "CTR exam: Eligibility Requirements (routes A1, A2 and B)", "ncra-ctr-eligibility"),
    ("source", "ncra-ctr-eligibility", "ncra-ctr-eligibility"),
    (
        "source",
        "CTR exam: The Certification Examination for Cancer Registrars (content and weighting)",
        "ncra-ctr-exam-content",
    ),
    ("source", "ncra-ctr-exam-content", "ncra-ctr-exam-content"),
    ("source", "NCRA: CTR Exam FAQ", "ncra-ctr-exam-faq"),
    ("source", "ncra-ctr-exam-faq", "ncra-ctr-exam-faq"),
    ("source", "NCRA: CTR Maintenance", "ncra-ctr-maintenance"),
    ("source", "ncra-ctr-maintenance", "ncra-ctr-maintenance"),
    (
        "source",
        "NCRA: Paths to the Profession (how to become a cancer registrar)",
        "ncra-ctr-paths",
    ),
    ("source", "ncra-ctr-paths", "ncra-ctr-paths"),
    ("source", "AHIMA: Recertification (CEU requirements per credential)", "ahima-recertification"),
    ("source", "ahima-recertification", "ahima-recertification"),
    ("source", "What Is a Medical Information Coder?", "article-medical-information-coder"),
    ("source", "article-medical-information-coder", "article-medical-information-coder"),
    ("source", "How to Become a Medical Records Coder", "blog-medical-records-coder"),
    ("source", "blog-medical-records-coder", "blog-medical-records-coder"),
    (
        "source",
        "CPI-U annual averages, U.S. city average, all items, 1982-84=100 (BLS series CUUR0000SA0)",
        "cpi-u",
    ),
    ("source", "cpi-u", "cpi-u"),
    (
        "source",
        "NAICS codes of the industries the wage tables name, and the OEWS designation of the federal executive branch",  # noqa: E501 - pinned verbatim
        "naics",
    ),
    ("source", "naics", "naics"),
    (
        "source",
        "Occupational Outlook Handbook, 2006-07 Edition: Medical Records and Health Information Technicians",  # noqa: E501 - pinned verbatim
        "ooh-2006-07",
    ),
    ("source", "2006-07", "ooh-2006-07"),
    ("source", "2006-07 Edition", "ooh-2006-07"),
    ("source", "ooh-2006-07", "ooh-2006-07"),
    (
        "source",
        "Occupational Outlook Handbook, 2010-11 Edition: Medical Records and Health Information Technicians",  # noqa: E501 - pinned verbatim
        "ooh-2010-11",
    ),
    ("source", "2010-11", "ooh-2010-11"),
    ("source", "2010-11 Edition", "ooh-2010-11"),
    ("source", "ooh-2010-11", "ooh-2010-11"),
    (
        "source",
        "Occupational Outlook Handbook, 2012-13 Edition: Medical Records and Health Information Technicians (Quick Facts)",  # noqa: E501 - pinned verbatim
        "ooh-2012-13",
    ),
    ("source", "2012-13", "ooh-2012-13"),
    ("source", "2012-13 Edition", "ooh-2012-13"),
    ("source", "ooh-2012-13", "ooh-2012-13"),
    (
        "source",
        "Occupational Outlook Handbook web page: Medical Records and Health Information Specialists (Quick Facts)",  # noqa: E501 - pinned verbatim
        "ooh-latest",
    ),
    (
        "source",
        "Occupational Outlook Handbook web page: Medical Records and Health Information Technicians (Quick Facts, May 2018 wages, 2018-28 projections)",  # noqa: E501 - pinned verbatim
        "ooh-2018-28-page",
    ),
    ("source", "ooh-2018-28-page", "ooh-2018-28-page"),
    ("source", "Occupational Employment and Wage Statistics (OEWS), May 2025", "oews-2025-05"),
    ("source", "oews-2025-05", "oews-2025-05"),
    ("source", "ooh-latest", "ooh-latest"),
    (
        "source",
        "Occupational Outlook Handbook web page: Health Information Technologists and Medical Registrars (Quick Facts)",  # noqa: E501 - pinned verbatim
        "ooh-hitmr-2022-32-page",
    ),
    ("source", "ooh-hitmr-2022-32-page", "ooh-hitmr-2022-32-page"),
    (
        "source",
        "Occupational Employment and Wage Statistics (OEWS), May 2021: 29-9021 Health Information Technologists and Medical Registrars (national estimates)",  # noqa: E501 - pinned verbatim
        "oews-2021-05-29-9021",
    ),
    ("source", "oews-2021-05-29-9021", "oews-2021-05-29-9021"),
    (
        "source",
        "Standard Occupational Classification (SOC) codes and titles, 2000, 2010 and 2018, with crosswalk notes",  # noqa: E501 - pinned verbatim
        "soc",
    ),
    ("source", "soc", "soc"),
    ("source", "O*NET 29.3 Database (May 2025 Release)", "onet-29.3"),
    ("source", "onet-29.3", "onet-29.3"),
    ("industry", "5511", "5511"),
    ("industry", "Offices of Physicians", "6211"),
    ("industry", "6211", "6211"),
    ("industry", "Outpatient Care Centers", "6214"),
    ("industry", "6214", "6214"),
    ("industry", "General Medical and Surgical Hospitals", "6221"),
    ("industry", "622110", "6221"),
    ("industry", "6221", "6221"),
    ("industry", "Nursing Care Facilities (Skilled Nursing Facilities)", "6231"),
    ("industry", "Nursing care facilities", "6231"),
    ("industry", "623110", "6231"),
    ("industry", "Nursing Care Facilities", "6231"),
    ("industry", "6231", "6231"),
    ("industry", "Federal Executive Branch (OEWS Designation)", "999100"),
    ("industry", "Federal Executive Branch", "999100"),
    ("industry", "999100", "999100"),
    # OEWS industry codes the hand-made industries were read under, and the OEWS source.
    ("industry", "551100", "5511"),
    ("industry", "621100", "6211"),
    ("industry", "621400", "6214"),
    ("industry", "622100", "6221"),
    ("industry", "623100", "6231"),
    ("source", "Occupational Employment and Wage Statistics (OEWS), May 2025", "oews-2025-05"),
    ("source", "oews-2025-05", "oews-2025-05"),
]

KINDS = ["occupation", "credential", "organization", "source", "industry"]


def _lookup(cat: mc.Catalog, kind: str, key: object) -> Any:
    return getattr(cat, kind)(key)


def _slow_normalise(text: str) -> str:
    """The reference definition: NFKD, marks dropped, casefold, & -> and, non-words -> space."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    spaced = stripped.casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^\w]+|_+", " ", spaced).split())


def _slow_singular(key: str) -> str:
    return " ".join(
        word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
        for word in key.split(" ")
    )


def _names(cat: mc.Catalog, *, aliases: bool = True) -> list[tuple[str, str, str]]:
    tables: dict[str, Any] = {
        "occupation": cat.occupations,
        "credential": cat.credentials,
        "organization": cat.organizations,
        "source": cat.sources,
        "industry": cat.industries,
    }
    found = [
        (kind, name, entity.id)
        for kind, table in tables.items()
        for entity in table.values()
        # The records built from the OEWS tables are covered by TestTableNames.
        if any(citation.locator is None for citation in entity.citations)
        for name, _ in names_of(entity, aliases=aliases)
    ]
    holders: dict[tuple[str, str], set[str]] = {}
    for kind, table in tables.items():
        for entity in table.values():
            for name, _ in names_of(entity, aliases=aliases):
                holders.setdefault((kind, normalise(name)), set()).add(entity.id)
    # A name several entities share (a title at three NAICS levels) names none of them.
    return [row for row in found if len(holders[row[0], normalise(row[1])]) == 1]


ALL_NAMES = _names(mc.catalog())
SEARCHED_NAMES = _names(mc.catalog(), aliases=False)
"""The names search ranks by: a specialty's other names only look up."""


class TestNormalise:
    """`normalise()` folds case, accents, punctuation, spacing and '&'."""

    @given(st.text())
    def test_matches_reference(self, text: str) -> None:
        """The fast ASCII path and the Unicode path agree with the reference definition."""
        assert normalise(text) == _slow_normalise(text)

    @given(st.text(st.characters(max_codepoint=127)))
    def test_ascii_matches_reference(self, text: str) -> None:
        """On ASCII text (the fast path) the result equals the reference definition."""
        assert normalise(text) == _slow_normalise(text)

    @given(st.text())
    def test_idempotent(self, text: str) -> None:
        """Normalising twice changes nothing."""
        once = normalise(text)
        assert normalise(once) == once

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("  Coder/Abstractors & Café ", "coder abstractors and cafe"),
            ("O*NET", "o net"),
            ("29-2071", "29 2071"),
            ("snake_case\tand\nTabs", "snake case and tabs"),
            ("ÉCOLE", "ecole"),
            ("Straße", "strasse"),
            ("", ""),
            ("&", "and"),
        ],
    )
    def test_examples(self, text: str, expected: str) -> None:
        """Known inputs fold to known keys."""
        assert normalise(text) == expected

    @given(st.text().map(normalise))
    def test_singular_matches_reference(self, key: str) -> None:
        """singular() drops a final s from words of four letters or more, not from 'ss'."""
        assert singular(key) == _slow_singular(key)


class TestKeyIndex:
    """The index behind every lookup."""

    def test_exact_excludes_ambiguous(self) -> None:
        """A spelling that names two ids is left out of the exact fast path."""
        index = KeyIndex("thing", [("Same", "a"), ("same", "b"), ("Other", "c")])
        assert dict(index.exact) == {"Other": "c", "other": "c", "OTHER": "c"}
        with pytest.raises(mc.NotFound) as info:
            index.resolve("Same")
        assert info.value.matches == ("a", "b")

    def test_empty_key(self) -> None:
        """A key that normalises to nothing is a miss without suggestions."""
        index = KeyIndex("thing", [("Name", "a")])
        with pytest.raises(mc.NotFound) as info:
            index.resolve(" -- ")
        assert info.value.suggestions == ()


class TestTiers:
    """Each tier of the key index decides when the ones before it find nothing."""

    @pytest.mark.parametrize(
        ("kind", "key", "expected"),
        [
            ("occupation", "292071", "medical-records-and-health-information-technicians"),
            ("occupation", "29 2071", "medical-records-and-health-information-technicians"),
            ("occupation", "292072", "medical-records-and-health-information-technicians"),
            ("occupation", "433021", "billing-cost-and-rate-clerks"),
            ("industry", "62 21", "6221"),
            ("industry", "6 2 3 1", "6231"),
            ("organization", "ONET online", "onet"),
            ("organization", "onet", "onet"),
        ],
    )
    def test_compact(self, cat: mc.Catalog, kind: str, key: str, expected: str) -> None:
        """A key spaced unlike the name (a code run together, "O*NET") still finds it."""
        assert _lookup(cat, kind, key).id == expected

    def test_singular(self, cat: mc.Catalog) -> None:
        """A plural finds the singular name, and the singular the plural one."""
        occ = "medical-records-and-health-information-technicians"
        assert cat.occupation("medical coders").id == occ
        assert cat.occupation("Medical Records and Health Information Technician").id == occ

    def test_tier_order(self) -> None:
        """The first tier that matches decides, even when a later one would match another id."""
        index = KeyIndex("thing", [("ab cd", "spaced"), ("abcd", "joined"), ("codes", "plural")])
        assert index.resolve("ab cd") == "spaced"  # the compact tier would be ambiguous
        assert index.resolve("abcd") == "joined"
        with pytest.raises(mc.NotFound) as info:
            index.resolve("a b c d")  # only the compact tier matches: both
        assert info.value.matches == ("joined", "spaced")
        assert KeyIndex("thing", [("ab cd", "spaced")]).resolve("a b c d") == "spaced"
        assert index.ids("code") == frozenset({"plural"})
        assert index.ids("") == frozenset()
        assert index.ids("zzz") == frozenset()

    def test_ambiguous_tier(self) -> None:
        """Two ids in the deciding tier raise NotFound naming both, sorted, and the key."""
        index = KeyIndex("thing", [("ab cd", "y"), ("abc d", "x")])
        with pytest.raises(mc.NotFound) as info:
            index.resolve("abcd")
        assert info.value.matches == ("x", "y")
        assert (info.value.key, info.value.kind) == ("abcd", "thing")

    def test_plain_tier_first(self) -> None:
        """A plural that is a name itself names only its own id, not the singular's too."""
        index = KeyIndex("thing", [("codes", "plural"), ("code", "single")])
        assert index.ids("codes") == frozenset({"plural"})
        assert index.resolve("Codes") == "plural"

    def test_blank_name_skipped(self) -> None:
        """A name that folds to nothing is skipped; the names after it are still indexed."""
        index = KeyIndex("thing", [("--", "x"), ("Name", "a"), ("Other", "b")])
        assert (index.resolve("name"), index.resolve("OTHER")) == ("a", "b")
        with pytest.raises(mc.NotFound):
            index.resolve("--")

    def test_not_a_string(self) -> None:
        """A key that is no string is NotFound of the index's kind, without suggestions."""
        index = KeyIndex("thing", [("Name", "a")])
        assert index.kind == "thing"
        with pytest.raises(mc.NotFound) as info:
            index.resolve(3)
        assert (info.value.key, info.value.kind, info.value.suggestions) == (3, "thing", ())

    def test_suggest(self) -> None:
        """Suggestions are the closest names as first indexed, at most *limit*."""
        index = KeyIndex("thing", [("Medical Coder", "a"), ("medical coder", "b"), ("Zebra", "c")])
        assert index.suggest("medcal coder") == ("Medical Coder",)
        many = KeyIndex("thing", [(f"coder {n}", n) for n in "abcdefg"])
        assert len(many.suggest("coder")) == 5
        assert many.suggest("coder", limit=4) == ("coder g", "coder f", "coder e", "coder d")
        assert index.suggest("medcal coder", limit=1) == ("Medical Coder",)
        assert index.suggest(" - ") == ()


class TestEveryName:
    """Every id, code, abbreviation, title and alternate name in the data finds its entity."""

    @pytest.mark.parametrize(("kind", "key", "expected"), PINNED)
    def test_pinned(self, cat: mc.Catalog, kind: str, key: str, expected: str) -> None:
        """The name, exactly as the data spells it, finds the pinned entity."""
        assert _lookup(cat, kind, key).id == expected

    @pytest.mark.parametrize(("kind", "key", "expected"), PINNED)
    def test_pinned_lower(self, cat: mc.Catalog, kind: str, key: str, expected: str) -> None:
        """The name in lower case with doubled spaces finds the same entity."""
        assert _lookup(cat, kind, "  ".join(key.lower().split())).id == expected

    def test_table_covers_the_data(self, cat: mc.Catalog) -> None:
        """Every name the data holds is pinned above with its entity."""
        assert set(_names(cat)) <= set(PINNED)

    @given(st.sampled_from(ALL_NAMES).flatmap(lambda t: st.tuples(st.just(t), messy(t[1]))))
    def test_variants(self, case: tuple[tuple[str, str, str], str]) -> None:
        """Any case, spacing, punctuation, accent or '&' variant of a name finds the same entity."""
        (kind, _, expected), variant = case
        assert _lookup(mc.catalog(), kind, variant).id == expected


_ANYTHING = st.one_of(
    st.text(),
    st.text(st.characters(max_codepoint=127)),
    st.sampled_from([name for _, name, _ in ALL_NAMES]).map(lambda n: n[:-1]),
    st.integers(),
    st.none(),
    st.floats(),
    st.lists(st.text(max_size=3), max_size=2),
    st.binary(max_size=5),
)


class TestMisses:
    """A lookup returns an entity or raises NotFound; nothing else."""

    @given(kind=st.sampled_from(KINDS), key=_ANYTHING)
    def test_entity_or_not_found(self, kind: str, key: object) -> None:
        """Whatever the key, the lookup returns an entity of its kind or raises NotFound."""
        cat = mc.catalog()
        try:
            found = _lookup(cat, kind, key)
        except mc.NotFound as exc:
            error = exc
        else:
            assert found.id in getattr(cat, KINDS_PLURAL[kind])
            return
        assert error.kind == kind
        assert isinstance(error, KeyError)
        assert all(isinstance(s, str) for s in error.suggestions)

    @pytest.mark.parametrize(
        ("kind", "key", "first"),
        [
            ("occupation", "medcal codr", "Medical coder"),
            ("occupation", "medical transcriptionst", "Medical Transcriptionists"),
            (
                "credential",
                "Registered Health Informaton Technician",
                "Registered Health Information Technician",
            ),
            (
                "organization",
                "American Health Informaton Management Association",
                "American Health Information Management Association",
            ),
            ("industry", "Ofices of physicans", "Offices of Physicians"),
            ("source", "2010-12", "2010-11"),
        ],
    )
    def test_suggestions(self, cat: mc.Catalog, kind: str, key: str, first: str) -> None:
        """A misspelt name raises NotFound naming the closest name first."""
        with pytest.raises(mc.NotFound) as info:
            _lookup(cat, kind, key)
        assert info.value.key == key
        assert info.value.kind == kind
        assert info.value.suggestions[0] == first

    def test_foreign_entity(self, cat: mc.Catalog) -> None:
        """An entity is looked up by its id: this catalog's record answers, or NotFound."""
        rhit = cat.credential("rhit")
        import attrs  # noqa: PLC0415

        assert cat.credential(attrs.evolve(rhit, name="Something else")) is rhit
        with pytest.raises(mc.NotFound):
            cat.credential(attrs.evolve(rhit, id="no-such-credential"))

    def test_other_kind_entity(self, cat: mc.Catalog) -> None:
        """An entity of another kind is NotFound, not a TypeError."""
        with pytest.raises(mc.NotFound):
            cat.occupation(cat.credential("rhit"))  # type: ignore[arg-type]


KINDS_PLURAL = {
    "occupation": "occupations",
    "credential": "credentials",
    "organization": "organizations",
    "source": "sources",
    "industry": "industries",
}


def _grams(folded: str) -> set[str]:
    padded = f" {folded} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def _reference_search(  # noqa: PLR0912 - the docstring's rules, one branch each
    entries: list[tuple[str, str, str, bool]], text: str, kind: str | None, limit: int
) -> list[tuple[float, str, str, str]]:
    """FuzzyIndex.search as its docstring states it, by brute force over every name."""
    rows: list[list[Any]] = []  # kind, id, name, folded, is_key
    seen: dict[tuple[str, str, str], int] = {}
    for row_kind, row_id, name, is_key in entries:
        folded = _slow_singular(_slow_normalise(name))
        if not folded:
            continue
        if (row_kind, row_id, folded) in seen:
            rows[seen[row_kind, row_id, folded]][4] |= is_key
            continue
        seen[row_kind, row_id, folded] = len(rows)
        rows.append([row_kind, row_id, name, folded, is_key])
    query = _slow_singular(_slow_normalise(text))
    if not query or limit <= 0:
        return []
    squeezed = query.replace(" ", "")
    grams = _grams(query) if len(query) >= 3 else set()
    best: dict[tuple[str, str], tuple[float, int]] = {}
    for index, (row_kind, row_id, _, folded, is_key) in enumerate(rows):
        if kind is not None and row_kind != kind:
            continue
        if query == folded or squeezed == folded.replace(" ", ""):
            score = 1.0 if is_key else 0.95
        else:
            common = len(grams & _grams(folded))
            if (len(query) < 3 and query not in folded) or (
                len(query) >= 3 and (common == 0 or common * 3 < len(grams))
            ):
                continue
            if common >= len(grams) - 2 and query in folded:
                tier = 0.8 if folded.startswith(query) else 0.7 if f" {query}" in folded else 0.6
                score = 0.1 * len(query) / len(folded) + tier
            else:
                share = 2 * common / (len(grams) + len(_grams(folded))) + common / len(grams)
                score = 0.6 * share / 2
                if score < 0.2:
                    continue
        held = best.get((row_kind, row_id))
        if held is None or score > held[0]:
            best[row_kind, row_id] = (score, index)
    ranked = sorted((-round(score, 4), key, index) for key, (score, index) in best.items())
    return [(-score, k, i, rows[index][2]) for score, (k, i), index in ranked[:limit]]


_WORDS = st.text("abcs", min_size=1, max_size=5)
_NAMES = st.lists(_WORDS, min_size=1, max_size=3).map(" ".join)
_ENTRIES = st.lists(
    st.tuples(
        st.sampled_from(["k1", "k2"]), st.sampled_from(["x", "y", "z"]), _NAMES, st.booleans()
    ),
    min_size=1,
    max_size=8,
)


@st.composite
def _queries(draw: st.DrawFn, names: list[str]) -> str:
    """A name, a piece of one, a name with a typo, or other text of the same letters."""
    name = draw(st.sampled_from(names))
    way = draw(st.sampled_from(["name", "piece", "typo", "other", "spaced"]))
    if way == "name":
        return name
    if way == "piece":
        start = draw(st.integers(0, len(name) - 1))
        return name[start : draw(st.integers(start + 1, len(name)))]
    if way == "typo":
        at = draw(st.integers(0, len(name) - 1))
        return name[:at] + draw(st.sampled_from(["", "a", "s", "bb"])) + name[at + 1 :]
    if way == "spaced":
        return " ".join(name.replace(" ", ""))
    return draw(_NAMES)


class TestFuzzyIndex:
    """`FuzzyIndex.search` ranks exactly as its docstring says (checked by brute force)."""

    @given(entries=_ENTRIES, data=st.data())
    def test_matches_reference(
        self, entries: list[tuple[str, str, str, bool]], data: st.DataObject
    ) -> None:
        """Hits, scores, names and order agree with the brute-force reference."""
        index = FuzzyIndex(entries)
        text = data.draw(_queries([name for _, _, name, _ in entries]))
        kind = data.draw(st.none() | st.sampled_from(["k1", "k2"]))
        limit = data.draw(st.sampled_from([1, 2, 3, 10]))
        expected = _reference_search(entries, text, kind, limit)
        assert [tuple(hit) for hit in index.search(text, kind=kind, limit=limit)] == expected
        if kind is None and limit == 10:
            assert [tuple(hit) for hit in index.search(text)] == expected

    def test_empty(self) -> None:
        """An index of no names (or none left once folded) finds nothing, for any text."""
        for entries in ([], [("k", "a", " ... ", False)]):
            index = FuzzyIndex(entries)
            assert [index.search(text) for text in ("abc", "ab", "a b c d e")] == [[], [], []]

    def test_default_limit(self) -> None:
        """Ten hits at most by default."""
        index = FuzzyIndex([("k", f"id{i:02d}", f"name {i}", False) for i in range(15)])
        assert len(index.search("name")) == 10
        assert index.search("name", limit=0) == []

    def test_tiers(self) -> None:
        """Key 1.0, name 0.95, prefix, word start, inside, each covering more scoring higher."""
        index = FuzzyIndex(
            [
                ("k", "key", "ABC", True),
                ("k", "name", "abcd", False),
                ("k", "prefix", "abcd efgh", False),
                ("k", "word", "xyz abcd", False),
                ("k", "inside", "xabcd", False),
            ]
        )
        assert [(h.id, h.score) for h in index.search("abc")] == [
            ("key", 1.0),
            ("name", 0.875),
            ("prefix", 0.8333),
            ("word", 0.7375),
            ("inside", 0.66),
        ]
        assert [(h.id, h.score) for h in index.search("abcd")][:2] == [
            ("name", 0.95),
            ("prefix", 0.8444),
        ]

    def test_compact_exact(self) -> None:
        """Spacing aside, a name is an exact match: "292071" finds "29 2071"."""
        index = FuzzyIndex([("k", "a", "29-2071", True), ("k", "b", "O*NET", True)])
        assert [(h.id, h.score) for h in index.search("292071")] == [("a", 1.0)]
        assert [(h.id, h.score) for h in index.search("onet")] == [("b", 1.0)]

    @pytest.mark.parametrize(
        ("entries", "text", "expected"),
        [
            # a three-letter query is matched by trigrams too, not only as a substring
            (
                [("k", "x", "cc ccc", True), ("k", "z", "b c", True)],
                "b b",
                [(0.27, "k", "z", "b c")],
            ),
            # a name sharing under a third of the query's trigrams is no match
            (
                [("k", "x", "cssaa ac", False), ("k", "z", "ab b", True)],
                "sssaa abbaa bc",
                [],
            ),
            # a similarity of exactly 0.2 is kept
            (
                [("l", "z", "sbcsb b bab", True), ("k", "x", "a bb sb", True)],
                "sb ac",
                [(0.22, "k", "x", "a bb sb"), (0.2, "l", "z", "sbcsb b bab")],
            ),
            # of two names scoring alike, the first indexed is shown
            (
                [("l", "z", "acs", False), ("l", "z", "sac", False)],
                "c",
                [(0.6333, "l", "z", "acs")],
            ),
            # spacing aside a name is exact, also when the name has no space and the query has
            ([("l", "x", "ca", False), ("k", "y", "b", False)], "c a", [(0.95, "l", "x", "ca")]),
            # a blank name is skipped, the names after it are indexed
            (
                [("k", "a", "--", False), ("k", "b", "name", False)],
                "name",
                [(0.95, "k", "b", "name")],
            ),
            # two spellings that are not keys stay a name (0.95), not a key
            (
                [("k", "a", "Abc", False), ("k", "a", "ABC", False)],
                "abc",
                [(0.95, "k", "a", "Abc")],
            ),
        ],
    )
    def test_cases(
        self,
        entries: list[tuple[str, str, str, bool]],
        text: str,
        expected: list[tuple[float, str, str, str]],
    ) -> None:
        """Edge cases of the rules, each with the reference's answer."""
        assert _reference_search(entries, text, None, 10) == expected
        assert [tuple(hit) for hit in FuzzyIndex(entries).search(text)] == expected

    def test_key_flag_merged(self) -> None:
        """A name given twice for one entity, once as a key, counts as a key."""
        index = FuzzyIndex([("k", "a", "Abc", False), ("k", "a", "ABC", True)])
        assert [tuple(h) for h in index.search("abc")] == [(1.0, "k", "a", "Abc")]


AREA_NAMES = [
    (name, area.id)
    for area in mc.catalog().areas.values()
    for name, _ in names_of(area)
    if len({a.id for a in mc.catalog().areas.values() for n, _ in names_of(a) if n == name}) == 1
]


class TestTableNames:
    """Areas and OEWS industries answer to every name they hold; shared names to none."""

    @given(st.sampled_from(AREA_NAMES).flatmap(lambda t: st.tuples(st.just(t), messy(t[0]))))
    def test_every_area_key_round_trips(self, case: tuple[tuple[str, str], str]) -> None:
        """Code, postal, FIPS, CBSA or name, in any case or spacing, finds the area."""
        (_, expected), variant = case
        assert mc.catalog().area(variant).id == expected

    @pytest.mark.parametrize(
        ("key", "expected"),
        [
            ("US", "0000000"),
            ("United States", "0000000"),
            ("national", "0000000"),
            ("CA", "0600000"),
            ("california", "0600000"),
            ("06", "0600000"),
            ("0600000", "0600000"),
            ("10420", "0010420"),
            ("Akron, OH", "0010420"),
            ("akron oh", "0010420"),
            ("Akron", "0010420"),
            ("DC", "1100000"),
            ("PR", "7200000"),
        ],
    )
    def test_pinned_area_keys(self, cat: mc.Catalog, key: str, expected: str) -> None:
        """The contract's key forms of an area."""
        assert cat.area(key).id == expected

    def test_springfield_names_all(self, cat: mc.Catalog) -> None:
        """Four metros are called Springfield: the lookup names every one."""
        with pytest.raises(mc.NotFound) as info:
            cat.area("Springfield")
        assert set(info.value.matches) == {"0044100", "0044140", "0044180", "0044220"}

    def test_shared_industry_title_names_all(self, cat: mc.Catalog) -> None:
        """A title at three NAICS levels raises NotFound naming the three."""
        with pytest.raises(mc.NotFound) as info:
            cat.industry("Management of Companies and Enterprises")
        assert set(info.value.matches) == {"55", "551", "5511"}
        assert cat.industry("5511").level == 4
        assert cat.industry("551100").id == "5511"


class _Thing:
    """A minimal record for `Finder`: an id and a name."""

    __slots__ = ("id", "name")

    def __init__(self, id: str, name: str) -> None:  # noqa: A002 - the records' field name
        self.id = id
        self.name = name


def _finder(codes: dict[str, str] | None = None) -> tuple[Finder[_Thing], _Thing, _Thing]:
    """Two things: "a", and "b" whose name is "a" (an id one record has, a name another has)."""
    first, second = _Thing("a", "first"), _Thing("b", "a")
    table = {"a": first, "b": second}
    names = [(t.name, t.id) for t in table.values()] + [(t.id, t.id) for t in table.values()]
    return Finder(_Thing, table, lambda: KeyIndex("thing", names), "thing", codes), first, second


class TestFinder:
    """A Finder: the id first, then spellings known to name one record, then the index."""

    def test_id_wins_over_a_name(self) -> None:
        """A key that is one record's id and another's name gives the id's record."""
        finder, first, second = _finder()
        assert finder("a") is first
        assert finder("b") is second
        with pytest.raises(mc.NotFound) as info:  # the name alone, respelt, names two
            finder(" A ")
        assert info.value.matches == ("a", "b")

    def test_codes_before_the_index(self) -> None:
        """A code names its record whatever the index holds, and the index waits for a miss."""
        built: list[int] = []
        first, second = _Thing("a", "first"), _Thing("b", "second")
        table = {"a": first, "b": second}

        def index() -> KeyIndex:
            built.append(1)
            return KeyIndex("thing", [("first", "a"), ("second", "b")])

        finder = Finder(_Thing, table, index, "thing", {"zz": "b"})
        assert finder("zz") is second
        assert finder("b") is second
        assert built == []
        assert finder("First") is first
        assert finder(" second ") is second  # respelt: through the index, built once
        assert finder(" FIRST ") is first
        assert built == [1]

    def test_a_record_of_another_catalog(self) -> None:
        """A record is looked up by its id; one this table lacks is NotFound naming id and kind."""
        finder, first, _ = _finder()
        assert finder(_Thing("a", "renamed")) is first
        with pytest.raises(mc.NotFound) as info:
            finder(_Thing("c", "first"))
        assert (info.value.key, info.value.kind) == ("c", "thing")

    def test_packaged_foreign_record(self, cat: mc.Catalog) -> None:
        """An entity from another release, absent here, is NotFound under its id and kind."""
        stray = attrs.evolve(cat.credential("rhit"), id="rhit-2030")
        with pytest.raises(mc.NotFound) as info:
            cat.credential(stray)
        assert (info.value.key, info.value.kind) == ("rhit-2030", "credential")

    def test_area_codes(self, cat: mc.Catalog) -> None:
        """An area's codes, known before any name index, name the area the index would name.

        "US", a state's postal code in either case, and every FIPS and CBSA
        code; none is None.
        """
        areas = cat.areas.values()
        codes = _area_codes(areas)
        california = cat.area("California").id
        assert codes["US"] == cat.area("United States").id
        assert codes["CA"] == codes["ca"] == codes["06"] == california
        assert None not in codes
        for area in areas:
            for code in (area.fips, area.cbsa):
                if code is not None:
                    assert codes[code] == area.id
        index = KeyIndex("area", ((name, a.id) for a in areas for name, _ in names_of(a)))
        for code, area_id in codes.items():
            assert index.resolve(code) == area_id, code

    def test_area_codes_need_no_index(self, data_copy: Path) -> None:
        """An area named by a code is found before the area name index is built, a name after."""
        names = Names(Store(lambda: data_copy))
        california = names.find(AREA, "CA")
        assert names.find(AREA, "ca") is names.find(AREA, "06") is california
        finder = names._finders[AREA.name].get()
        assert finder._index is None  # the slow part of a first area query, not needed
        assert names.find(AREA, "California") is california
        assert finder._index is not None


class TestEnumMember:
    """`enum_member`: a vocabulary member from the member, its value or its words."""

    @pytest.mark.parametrize(
        "value",
        [mc.Measure.ANNUAL_WAGE, "annual_wage", "Annual Wage", " annual-WAGE ", "annual wage"],
    )
    def test_spellings(self, value: object) -> None:
        """The member, its value and any spacing, case or dashes of its words name it."""
        assert enum_member(mc.Measure, value, "measure") is mc.Measure.ANNUAL_WAGE

    def test_aliases(self) -> None:
        """An alias names its member once normalised; without aliases it names nothing."""
        aliases = {"typical_entry_level_education": mc.FactTopic.ENTRY_LEVEL_EDUCATION}
        spelt = "Typical entry-level education"
        assert enum_member(mc.FactTopic, spelt, "topic", aliases) is (
            mc.FactTopic.ENTRY_LEVEL_EDUCATION
        )
        with pytest.raises(mc.NotFound):
            enum_member(mc.FactTopic, spelt, "topic")

    def test_unknown_text(self) -> None:
        """Text naming no member is NotFound with the closest values, as difflib ranks them."""
        values = [m.value for m in mc.Measure]
        with pytest.raises(mc.NotFound) as info:
            enum_member(mc.Measure, "Anual Wage", "measure")
        assert (info.value.key, info.value.kind) == ("Anual Wage", "measure")
        expected = difflib.get_close_matches("anual_wage", values, n=5, cutoff=0.5)
        assert info.value.suggestions == tuple(expected)
        assert info.value.suggestions[0] == "annual_wage"

    @pytest.mark.parametrize("value", [None, 3, b"annual_wage", mc.Unit.JOBS])
    def test_not_text(self, value: object) -> None:
        """A value of another type, or another vocabulary's member, names nothing."""
        with pytest.raises(mc.NotFound) as info:
            enum_member(mc.Measure, value, "measure")
        assert info.value.kind == "measure"
        if not isinstance(value, str):
            assert info.value.suggestions == tuple(m.value for m in mc.Measure)


class _Codes(enum.StrEnum):
    """A vocabulary whose values normalising would change, with many alike."""

    DASHED = "A-B"
    AA1 = "aa1"
    AA2 = "aa2"
    AA3 = "aa3"
    AA4 = "aa4"
    AA5 = "aa5"
    AA6 = "aa6"


class TestEnumMemberEdges:
    """The exact value is tried before its normalised form; suggestions stop at five."""

    def test_value_as_given(self) -> None:
        """A value normalising would change still names its member, spelt as it is."""
        assert enum_member(_Codes, "A-B", "code") is _Codes.DASHED
        with pytest.raises(mc.NotFound):
            enum_member(_Codes, "a b", "code")  # "a_b" once folded: no member's value

    def test_five_suggestions(self) -> None:
        """Of many close values, five are suggested (here all tie, in difflib's order)."""
        with pytest.raises(mc.NotFound) as info:
            enum_member(_Codes, "aa", "code")
        assert info.value.suggestions == ("aa6", "aa5", "aa4", "aa3", "aa2")  # ties: difflib order

    @pytest.mark.parametrize("value", [3, b"aa1", 2.5])
    def test_key_of_a_non_string(self, value: object) -> None:
        """A non-string is NotFound under its own value, with every member suggested."""
        with pytest.raises(mc.NotFound) as info:
            enum_member(_Codes, value, "code")
        assert info.value.key == value
        assert info.value.suggestions == tuple(c.value for c in _Codes)


class TestCloseMatches:
    """`close_matches`: difflib's ranking, at most *limit*, similarity 0.5 or more."""

    def test_cutoff_and_limit(self) -> None:
        """A name half like the key is kept, a less similar one is not; limit caps them."""
        assert close_matches("abcd", ["abxy", "wxyz"], 5) == ["abxy"]  # ratio 0.5 exactly
        assert close_matches("abcd", ["axyz"], 5) == []  # ratio 0.25
        assert close_matches("abcd", ["abcx", "abxy", "abcd"], 2) == ["abcd", "abcx"]
