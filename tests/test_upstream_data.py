"""Every value of release 2027.1 is found again in its pinned file, by its locator.

The OEWS national figures by their BLS series id, the Employment Projections
figures and facts by their cell, the O*NET records by their Task ID, example
or title, the 2018 SOC definitions by their code: each is re-read from the
repository's ``sources/upstream/`` with the build's own readers
(``tools/upstream.py``), and must equal what the catalog holds. The other
way round, every value those rows hold for the catalog's occupations is in
the catalog: nothing read is left out.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Final

import openpyxl
import pytest

import medcoder_careers as mc
import upstream  # tools/upstream.py, on the path through pytest's pythonpath setting

from .conftest import SOURCES

YEARS: Final = tuple(range(2019, 2025))
_SERIES: Final = re.compile(r"OEUN(\d{7})(\d{6})(\d{6})(\d{2})")
_CELL: Final = re.compile(r"(?P<file>[^#]+)#(?P<sheet>[^!]+)!(?P<cell>[A-Z]+\d+)")
_RSE: Final = {"02": "01", "05": "04"}  # an RSE datatype, and a figure it qualifies


@pytest.fixture(scope="module")
def national() -> dict[int, upstream.OewsNational]:
    """Each May's national file, read by the build's reader."""
    return {
        year: upstream.read_oews_national(upstream.OEWS_DIR / f"national_M{year}_dl.xlsx")
        for year in YEARS
    }


@pytest.fixture(scope="module")
def projections() -> dict[str, upstream.EpRow]:
    """Every row of EP Table 1.2."""
    return upstream.read_ep_table(upstream.EP_PATH)


@pytest.fixture(scope="module")
def onet() -> dict[str, upstream.OnetOccupation]:
    """The O*NET 29.3 records of the six occupations."""
    return upstream.read_onet(upstream.ONET_DIR, upstream.ONET_CODES)


def _code_2018(occupation: mc.Occupation) -> str:
    (code,) = (soc.code for soc in occupation.soc if soc.version == 2018)
    return code


def _dashed(digits: str) -> str:
    return f"{digits[:2]}-{digits[2:]}"


class TestNational:
    """OEWS May 2019 to May 2024: each figure is its series id's value in that year's file."""

    def test_each_figure_re_read(
        self, cat: mc.Catalog, national: dict[int, upstream.OewsNational]
    ) -> None:
        """Quote, value, definition and coverage of every figure equal the file's cell."""
        checked = 0
        for year in YEARS:
            for stat in cat.stats(source=f"oews-{year}-05"):
                locator = stat.citation.locator
                assert locator is not None
                match = _SERIES.fullmatch(locator)
                assert match, locator
                area, industry, soc, datatype = match.groups()
                assert (area, industry, stat.area, stat.industry) == (
                    "0000000",
                    "000000",
                    "0000000",
                    None,
                )
                row = national[year].rows[_dashed(soc)]
                cell = row.values[datatype]
                assert stat.citation.quote == cell.text, locator
                assert stat.value == Decimal(cell.text), locator
                assert stat.definition == _dashed(soc)
                assert stat.coverage == (
                    mc.Coverage.WAGE_AND_SALARY if stat.measure is mc.Measure.EMPLOYMENT else None
                )
                rse = next((r for r, of in _RSE.items() if of == datatype), None)
                if rse is not None:
                    assert stat.rse == Decimal(row.values[rse].text)
                checked += 1
        assert checked == 6 * 6 * 13  # six years, six occupations, 13 figures each

    def test_nothing_left_out(
        self, cat: mc.Catalog, national: dict[int, upstream.OewsNational]
    ) -> None:
        """Every value of the six occupations' rows is a figure (or an RSE on one)."""
        for year in YEARS:
            held = {s.citation.locator for s in cat.stats(source=f"oews-{year}-05")}
            for occupation in cat.occupations.values():
                code = _code_2018(occupation)
                counted = code if code in national[year].rows else upstream.HYBRIDS[code]
                for datatype in national[year].rows[counted].values:
                    series = upstream.oews_series_id(counted, datatype)
                    assert series in held or datatype in _RSE, series

    def test_hybrids(self, cat: mc.Catalog) -> None:
        """May 2019 and May 2020 count the coders in 29-2098, the registrars in 29-9098."""
        for year in (2019, 2020):
            definitions = {
                (s.occupation, s.definition) for s in cat.stats(source=f"oews-{year}-05")
            }
            assert ("medical-records-and-health-information-technicians", "29-2098") in definitions
            assert (
                "health-information-technologists-and-medical-registrars",
                "29-9098",
            ) in definitions


class TestProjections:
    """EP 2024-34: each figure and fact is its cell of Table 1.2."""

    def _cell(self, rows: dict[str, upstream.EpRow], locator: str) -> upstream.CellValue:
        match = _CELL.fullmatch(locator)
        assert match, locator
        assert (match["file"], match["sheet"]) == ("occupation.xlsx", "Table 1.2")
        (cell,) = (
            c for row in rows.values() for c in row.cells.values() if c.cell == match["cell"]
        )
        return cell

    def test_each_figure_re_read(
        self, cat: mc.Catalog, projections: dict[str, upstream.EpRow]
    ) -> None:
        """The quote is the cell; a count of jobs is the thousands it states, times 1,000."""
        found = cat.stats(source="ep-2024-34")
        assert len(found) == 6 * 5
        for stat in found:
            assert stat.citation.locator is not None
            cell = self._cell(projections, stat.citation.locator)
            assert stat.citation.quote == cell.text
            number = Decimal(cell.text)
            thousands = stat.unit in {mc.Unit.JOBS, mc.Unit.JOBS_PER_YEAR}
            assert stat.value == (number * 1000 if thousands else number)
            assert stat.bound is mc.Bound.EXACT
            assert stat.descriptor is None  # EP states no outlook descriptor
            assert stat.definition is not None
            assert stat.definition == projections[stat.definition].code
            assert (stat.coverage is mc.Coverage.ALL_JOBS) == (
                stat.measure is mc.Measure.EMPLOYMENT
            )

    def test_each_fact_re_read(
        self, cat: mc.Catalog, projections: dict[str, upstream.EpRow]
    ) -> None:
        """Education, experience and training are the cells' words."""
        found = cat.find_facts(source="ep-2024-34")
        assert len(found) == 6 * 3
        for fact in found:
            assert fact.citation.locator is not None
            cell = self._cell(projections, fact.citation.locator)
            assert fact.text == fact.citation.quote == cell.text

    def test_coders(self, cat: mc.Catalog) -> None:
        """29-2072: 194,800 jobs in 2024, 208,600 in 2034, 14,200 openings a year."""
        values = {
            s.measure: (s.value, str(s.period))
            for s in cat.stats(occupation="29-2072", source="ep-2024-34")
        }
        assert values == {
            mc.Measure.EMPLOYMENT: (Decimal(194800), "2024"),
            mc.Measure.PROJECTED_EMPLOYMENT: (Decimal(208600), "2024/2034"),
            mc.Measure.PROJECTED_CHANGE: (Decimal(13800), "2024/2034"),
            mc.Measure.PROJECTED_CHANGE_PERCENT: (Decimal("7.1"), "2024/2034"),
            mc.Measure.ANNUAL_OPENINGS: (Decimal(14200), "2024/2034"),
        }


class TestOnet:
    """O*NET 29.3: tasks, technology, job zone, description and titles, as the files state."""

    def test_tasks(self, cat: mc.Catalog, onet: dict[str, upstream.OnetOccupation]) -> None:
        """Each occupation's tasks are O*NET's, in its order, each cited by its Task ID."""
        for occupation in cat.occupations.values():
            source = onet[f"{_code_2018(occupation)}.00"]
            assert [(t.id, t.text) for t in occupation.tasks] == [
                (t.id, t.text) for t in source.tasks
            ]
            for task, row in zip(occupation.tasks, source.tasks, strict=True):
                expected = None if row.task_type is None else mc.TaskKind(row.task_type.lower())
                assert task.kind is expected
                assert task.citation == mc.Citation(
                    source="onet-29.3", quote=row.text, locator=f"onet:task:{row.id}"
                )

    def test_technology(self, cat: mc.Catalog, onet: dict[str, upstream.OnetOccupation]) -> None:
        """Each example, its commodity and its flags are O*NET's, cited by code and example."""
        for occupation in cat.occupations.values():
            code = f"{_code_2018(occupation)}.00"
            rows = onet[code].technology
            assert [
                (t.example, t.commodity, t.commodity_title, t.hot, t.in_demand)
                for t in occupation.technology
            ] == [(t.example, t.commodity, t.commodity_title, t.hot, t.in_demand) for t in rows]
            for tech in occupation.technology:
                assert tech.citation.locator == (
                    f"onet:technology:{code}:{tech.commodity}:{tech.example}"
                )
                assert tech.citation.quote == tech.example

    def test_zone_description_titles(
        self, cat: mc.Catalog, onet: dict[str, upstream.OnetOccupation]
    ) -> None:
        """Job zone, description and titles are the files', each cited where it stands."""
        for occupation in cat.occupations.values():
            code = f"{_code_2018(occupation)}.00"
            source = onet[code]
            assert occupation.job_zone == source.job_zone
            assert occupation.description == source.description
            assert occupation.onet_titles == source.titles
            cited = {c.locator: c.quote for c in occupation.citations if c.locator}
            assert cited[f"onet:job-zone:{code}"] == str(source.job_zone)
            assert cited[f"onet:occupation:{code}"] == source.description
            for title in source.titles:
                assert cited[f"onet:title:{code}:{title}"] == title

    def test_coders(self, cat: mc.Catalog) -> None:
        """29-2072.00: 17 unrated tasks, Task 22881, Epic Systems hot, job zone 3."""
        coder = cat.occupation("medical coder")
        assert len(coder.tasks) == 17
        assert {t.kind for t in coder.tasks} == {None}
        (task,) = (t for t in coder.tasks if t.id == 22881)
        assert task.text == (
            "Identify, compile, abstract, and code patient data, "
            "using standard classification systems."
        )
        epic = [t for t in coder.technology if t.example == "Epic Systems"]
        assert len(epic) == 1
        assert epic[0].hot
        assert coder.job_zone == 3

    def test_titles_are_not_lookup_keys(self, cat: mc.Catalog) -> None:
        """An O*NET title finds its occupation in search, never by lookup."""
        registrars = cat.occupation("29-9021")
        assert "Tumor Registrar" in registrars.onet_titles
        assert cat.occupation("tumor registrar").id != registrars.id  # the coders' specialty
        found = [r.id for r in cat.search("Tumor Registrar", kind="occupation")]
        assert registrars.id in found
        assert cat.credential("RHIT").id == "rhit"
        assert cat.occupation("medical coder").id == (
            "medical-records-and-health-information-technicians"
        )
        with pytest.raises(mc.NotFound):
            cat.occupation("Medical Billing Specialist")  # an O*NET title of three occupations


class TestSocDefinitions:
    """Each 2018 SOC code carries its definition, verbatim from the SOC file."""

    def test_definitions(self, cat: mc.Catalog) -> None:
        """The definition and its citation equal the file's row of the code."""
        definitions = upstream.read_soc_definitions(upstream.SOC_PATH)
        for occupation in cat.occupations.values():
            for soc in occupation.soc:
                if soc.version != 2018:
                    assert soc.definition is None
                    continue
                assert soc.definition == definitions[soc.code].definition
                cited = {c.locator: c.quote for c in occupation.citations if c.locator}
                assert cited[f"soc:{soc.code}"] == soc.definition
        coders = cat.occupation("29-2072").soc[-1].definition
        assert coders is not None
        assert "Includes medical coders." in coders

    def test_hybrid_is_no_lookup_key(self, cat: mc.Catalog) -> None:
        """29-2098 is a definition figures count, not an occupation's code."""
        with pytest.raises(mc.NotFound):
            cat.occupation("29-2098")


class TestSources:
    """Each source read from an upstream file names it, with its sha256 and its own words."""

    UPSTREAM: Final = (
        *(f"oews-{year}-05" for year in YEARS),
        "ep-2024-34",
        "onet-29.3",
        "soc-2018-definitions",
    )

    def test_sha256_is_the_pinned_files(self, cat: mc.Catalog) -> None:
        """A source's sha256 is its document's, as sources/MANIFEST.tsv pins it."""
        import pinned  # noqa: PLC0415 - tools/pinned.py

        for source_id in self.UPSTREAM:
            source = cat.sources[source_id]
            path = SOURCES / source.document
            assert pinned.pinned(path, SOURCES) == path
            if source.sha256 is not None:
                assert source.sha256 == pinned.sha256_file(path)

    def test_cell_citations(self, cat: mc.Catalog) -> None:
        """A source citing a cell of its workbook quotes that cell."""
        for source_id in self.UPSTREAM:
            source = cat.sources[source_id]
            for citation in source.citations:
                if citation.locator is None:
                    continue  # a text file's words: the quote test checks them
                match = _CELL.fullmatch(citation.locator)
                assert match, citation.locator
                path = SOURCES / source.document
                assert path.name == match["file"]
                book = openpyxl.load_workbook(path, read_only=True, data_only=True)
                try:
                    cell = book[match["sheet"]][match["cell"]]
                finally:
                    book.close()
                assert not isinstance(cell, tuple)  # one cell, not a range
                value = cell.value
                assert " ".join(str(value).split()) == citation.quote

    def test_onet_attribution(self, cat: mc.Catalog) -> None:
        """The O*NET source record carries the attribution its license asks for."""
        assert (
            "This product includes information from the O*NET 29.3 Database by the U.S. "
            "Department of Labor, Employment and Training Administration (USDOL/ETA). Used under "
            "the CC BY 4.0 license. O*NET(R) is a trademark of USDOL/ETA."
        ) in cat.sources["onet-29.3"].note


def test_upstream_is_the_repository_copy() -> None:
    """The readers read the repository's sources/upstream, nothing beside the checkout."""
    assert Path(upstream.UPSTREAM) == SOURCES / "upstream"
