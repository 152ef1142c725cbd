"""The career atlas (docs/_atlas): its pages show the catalog's own figures, and its charts exist.

The generator is called directly, without Sphinx; the pages it writes are
parsed back and each sampled figure is compared with what the public API
returns for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree as ET

import attrs
import pytest
from _atlas import MAIN_OCCUPATION, Written, write_atlas
from _atlas.credential import credential_page
from _atlas.fmt import MISSING_WORDS, figure
from _atlas.occupation import occupation_page
from _atlas.pay import pay_points

import medcoder_careers as mc

MAIN = "medical-records-and-health-information-technicians"
_FIGURE = re.compile(r"^```\{figure\} (\S+)$", re.MULTILINE)
_MEASURES = {
    "jobs": mc.Measure.EMPLOYMENT,
    "median annual wage": mc.Measure.ANNUAL_WAGE,
    "mean annual wage": mc.Measure.ANNUAL_MEAN_WAGE,
    "location quotient": mc.Measure.LOCATION_QUOTIENT,
}
_RSES = {"jobs RSE": mc.Measure.EMPLOYMENT, "wage RSE": mc.Measure.ANNUAL_MEAN_WAGE}


class Table:
    """A parsed HTML table: headers, and per row each cell's text and attributes."""

    def __init__(self) -> None:
        self.headers: list[str] = []
        self.rows: list[list[tuple[str, dict[str, str | None]]]] = []

    def records(self) -> Iterator[dict[str, tuple[str, dict[str, str | None]]]]:
        """Each row as a mapping from header to cell."""
        for row in self.rows:
            yield dict(zip(self.headers, row, strict=True))


class _Parser(HTMLParser):
    """Collects every table of a page, and the text of each <details> block after a table."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[Table] = []
        self.details: list[str] = []
        self._cell: tuple[list[str], dict[str, str | None]] | None = None
        self._details: list[str] | None = None
        self._header = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append(Table())
        elif tag == "tr" and self.tables:
            self.tables[-1].rows.append([])
        elif tag in {"td", "th"}:
            self._cell = ([], dict(attrs))
            self._header = tag == "th"
        elif tag == "details":
            self._details = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"td", "th"} and self._cell is not None:
            text = "".join(self._cell[0]).strip()
            table = self.tables[-1]
            if self._header:
                table.headers.append(text)
            else:
                table.rows[-1].append((text, self._cell[1]))
            self._cell = None
        elif tag == "details" and self._details is not None:
            self.details.append("".join(self._details))
            self._details = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell[0].append(data)
        if self._details is not None:
            self._details.append(data)


def parse(text: str) -> _Parser:
    """Parse the raw HTML of an atlas page (the markdown around it is plain text to the parser)."""
    parser = _Parser()
    parser.feed(text)
    parser.close()
    for table in parser.tables:
        table.rows = [row for row in table.rows if row]
    return parser


def section(text: str, heading: str) -> str:
    """The text of a page from *heading* to the next heading of the same or a higher level."""
    level = heading.split(" ", maxsplit=1)[0]
    start = text.index(f"\n{heading}\n")
    following = re.search(rf"\n#{{1,{len(level)}}} ", text[start + 1 :])
    return text[start : None if following is None else start + 1 + following.start()]


def number(text: str) -> Decimal:
    """Read a figure as the page prints it: "$61,810", "1,234", "9.5%", "0.48"."""
    return Decimal(text.replace("$", "").replace(",", "").replace("%", ""))


@pytest.fixture(scope="module")
def atlas(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Written]:
    """The atlas, generated once for the module into a temporary folder."""
    target = tmp_path_factory.mktemp("atlas")
    return target, write_atlas(target)


def read(atlas: tuple[Path, Written], page: str) -> str:
    return (atlas[0] / page).read_text(encoding="utf-8")


def check_row(
    cat: mc.Catalog,
    record: dict[str, tuple[str, dict[str, str | None]]],
    occupation: str,
    area: mc.Area,
    period: mc.Period,
) -> int:
    """Check one figures row against the catalog; return how many figures it compared."""
    found = {
        s.measure: s
        for s in cat.stats(occupation=occupation, area=area, period=period, industry=None)
        if s.percentile in {None, 50}
    }
    compared = 0
    for header, measure in _MEASURES.items():
        text, attributes = record[header]
        stat = found.get(measure)
        if stat is None:
            why = [
                r
                for r in cat.unpublished(
                    occupation=occupation, area=area, period=period, industry=None, measure=measure
                )
                if r.percentile in {None, 50}
            ]
            assert len(why) <= 1, why
            reason = why[0].reason if why else None
            assert text == MISSING_WORDS[reason], (area.name, header)
            assert attributes.get("title") == (why[0].footnote if why else None)
            continue
        assert number(text) == stat.value, (area.name, occupation, header)
        assert attributes["title"] == stat.citation.locator
        compared += 1
    for header, measure in _RSES.items():
        text, _ = record[header]
        stat = found.get(measure)
        rse = None if stat is None else stat.rse
        assert text == ("-" if rse is None else f"{rse}%"), (area.name, header)
    return compared


class TestPages:
    def test_one_page_per_entity(self, atlas: tuple[Path, Written], cat: mc.Catalog) -> None:
        """One page per occupation, credential and state-level area, each listed in the index."""
        target, written = atlas
        states = [a for a in cat.areas.values() if a.kind is mc.AreaKind.STATE]
        pages = {
            "occupations": {f"{key}.md" for key in cat.occupations},
            "credentials": {f"{key}.md" for key in cat.credentials},
            "states": {f"{a.states[0].lower()}.md" for a in states},
        }
        for folder, names in pages.items():
            assert {p.name for p in (target / folder).iterdir()} == names
        assert (written.occupations, written.credentials, written.states) == (6, 5, 54)
        assert len(states) == 54
        index = read(atlas, "index.md")
        for folder, names in pages.items():
            for name in names:
                assert f"\n{folder}/{name.removesuffix('.md')}\n" in index
        assert "\nareas\n" in index

    def test_area_index_lists_every_area(
        self, atlas: tuple[Path, Written], cat: mc.Catalog
    ) -> None:
        """The area index has a row per metropolitan and nonmetropolitan area."""
        kinds = {mc.AreaKind.METROPOLITAN, mc.AreaKind.NONMETROPOLITAN}
        expected = sorted(a.name for a in cat.areas.values() if a.kind in kinds)
        (table,) = parse(read(atlas, "areas.md")).tables
        assert [record["area"][0] for record in table.records()] == expected
        assert atlas[1].areas == len(expected) == 528


class TestOccupation:
    def test_quick_facts(self, atlas: tuple[Path, Written], cat: mc.Catalog) -> None:
        """The quick facts table shows what quick_facts() returns: figure, SOC, jobs counted."""
        facts = cat.quick_facts(MAIN)
        table = parse(section(read(atlas, f"occupations/{MAIN}.md"), "## Quick facts")).tables[0]
        cells = {(r[""][0], r["figure"][0], r["SOC"][0]) for r in table.records()}
        pay, jobs, base = facts.median_annual_pay, facts.employment, facts.projection_base
        openings, education = facts.annual_openings, facts.entry_level_education
        assert pay is not None
        assert jobs is not None
        assert base is not None
        assert openings is not None
        assert education is not None
        assert ("Median pay", f"${pay.value:,} a year", pay.definition) in cells
        jobs_text = f"{jobs.value:,} wage and salary jobs"
        assert ("Number of jobs", jobs_text, jobs.definition) in cells
        base_text = f"{base.value:,} all jobs, self-employed included"
        assert ("Jobs the projection starts from", base_text, base.definition) in cells
        assert ("Openings a year, on average", f"{openings.value:,}", "29-2072") in cells
        assert ("Entry-level education", education.text, "-") in cells
        assert f"today's code is {facts.current_definition}" in read(
            atlas, f"occupations/{MAIN}.md"
        )

    def test_projections(self, atlas: tuple[Path, Written], cat: mc.Catalog) -> None:
        """One row per projection, with the base its source counts and the openings."""
        text = section(read(atlas, f"occupations/{MAIN}.md"), "## Projections")
        (table,) = parse(text).tables
        records = {r["source"][0]: r for r in table.records()}
        sources = {s.source for s in cat.stats(occupation=MAIN, measure="projected_change_percent")}
        assert len(records) == len(sources)
        newest = records["ep-2024-34"]
        assert newest["projection"][0] == "2024-2034"

        def one(measure: str) -> mc.Statistic:
            (stat,) = cat.stats(occupation=MAIN, source="ep-2024-34", measure=measure)
            return stat

        assert number(newest["jobs at the start"][0].split()[0]) == one("employment").value
        assert newest["jobs at the start"][0].endswith("all jobs, self-employed included")
        assert number(newest["jobs at the end"][0].split()[0]) == one("projected_employment").value
        assert number(newest["openings a year"][0]) == one("annual_openings").value
        assert number(newest["change in jobs"][0]) == one("projected_change").value
        change = one("projected_change_percent")
        assert newest["outlook"][0] == (change.descriptor or "-")
        assert newest["SOC"][0] == change.definition
        older = [r for source, r in records.items() if source != "ep-2024-34"]
        assert all(r["openings a year"][0] == "-" for r in older)

    def test_work(self, atlas: tuple[Path, Written], cat: mc.Catalog) -> None:
        """Every O*NET task verbatim with its id and rating; every technology example."""
        for occupation in cat.occupations.values():
            text = section(read(atlas, f"occupations/{occupation.id}.md"), "## What the work is")
            tasks, tech = parse(text).tables
            shown = {
                int(r["task"][0]): (r["rated"][0], r["task statement"][0]) for r in tasks.records()
            }
            assert shown == {
                t.id: (str(t.kind) if t.kind else "unrated", t.text) for t in occupation.tasks
            }
            rated = [r["rated"][0] for r in tasks.records()]
            assert rated == sorted(rated, key=["core", "supplemental", "unrated"].index)
            examples = sorted((r["example"][0], r["kind"][0]) for r in tech.records())
            assert examples == sorted((t.example, t.commodity_title) for t in occupation.technology)
            assert f"job zone {occupation.job_zone} of 5" in text
        coders = section(read(atlas, f"occupations/{MAIN}.md"), "## What the work is")
        (_, tech) = parse(coders).tables
        marked = {r["example"][0]: r["marked"][0] for r in tech.records()}
        assert marked["Microsoft Outlook"] == "hot, in demand"
        assert marked["3M Encoder"] == ""

    def test_pay_table_is_the_series(self, atlas: tuple[Path, Written], cat: mc.Catalog) -> None:
        """The pay table under the chart holds every point of the series, nominal and real."""
        series = cat.series(MAIN, "annual_wage")
        text = section(read(atlas, f"occupations/{MAIN}.md"), "## Median annual pay over time")
        (table,) = parse(text).tables
        records = list(table.records())
        assert len(records) == len(series) == 11
        target = series.latest().period
        for record, point in zip(records, series, strict=True):
            assert number(record["median"][0]) == point.value
            real = mc.inflate(point.value, point.period, target)
            assert number(record["in 2025 dollars"][0]) == round(real)
            assert record["SOC"][0] == point.statistic.definition
        assert records[0]["median"][0] == "$25,590"
        assert records[-1]["median"][0] == "$51,140"
        assert "SOC 29-2071 → 29-2098" in read(atlas, f"charts/{MAIN}-pay.svg")

    def test_breaks_are_gaps(self, cat: mc.Catalog) -> None:
        """The pay chart joins points of one SOC definition only: a break starts a new line."""
        series = cat.series(MAIN, "annual_wage")
        points, marks = pay_points(cat, series)
        assert [p.nominal for p in points] == [float(p.value) for p in series]
        definitions: dict[int, set[str | None]] = {}
        for point, definition in zip(points, series.definitions, strict=True):
            definitions.setdefault(point.segment, set()).add(definition)
        assert all(len(found) == 1 for found in definitions.values())
        assert len(definitions) == len(series.breaks) + 1 == len(marks) + 1 == 3
        assert [label for _, label in marks] == [
            "SOC 29-2071 → 29-2098",
            "SOC 29-2098 → 29-2072",
        ]
        labels = [(p.label, p.edition) for p in points]
        assert labels[:3] == [
            ("OOH 2006-07 ed.", True),
            ("OOH 2010-11 ed.", True),
            ("OOH 2012-13 ed.", True),
        ]
        assert not any(edition for _, edition in labels[3:])
        assert points[-1].real == points[-1].nominal == 51140.0

    def test_states_chart_table(self, atlas: tuple[Path, Written], cat: mc.Catalog) -> None:
        """The ten highest- and lowest-paying states are the catalog's, in order."""
        medians = [
            s
            for s in cat.stats(
                occupation=MAIN, measure="annual_wage", percentile=50, period="2025-05"
            )
            if s.industry is None and cat.areas[s.area].kind is mc.AreaKind.STATE
        ]
        ranked = sorted(medians, key=lambda s: (-s.value, cat.areas[s.area].name))
        expected = [(cat.areas[s.area].name, s.value) for s in ranked[:10] + ranked[-10:]]
        text = section(
            read(atlas, f"occupations/{MAIN}.md"), "## Highest- and lowest-paying states"
        )
        (table,) = parse(text).tables
        shown = [(r["state"][0], number(r["median annual wage"][0])) for r in table.records()]
        assert shown == expected
        assert shown[0] == ("District of Columbia", Decimal(72040))

    def test_industries_one_level_per_table(
        self, atlas: tuple[Path, Written], cat: mc.Catalog
    ) -> None:
        """Each industry table holds one NAICS level, with the catalog's employment."""
        text = section(read(atlas, f"occupations/{MAIN}.md"), "## Employment by industry")
        tables = parse(text).tables
        assert len(tables) >= 4
        seen = 0
        for table in tables:
            levels = set()
            for record in table.records():
                industry = cat.industries[record["NAICS"][0]]
                levels.add(industry.level)
                (stat,) = cat.stats(
                    occupation=MAIN, measure="employment", area="US", industry=industry,
                    period="2025-05",
                )  # fmt: skip
                assert number(record["jobs"][0]) == stat.value
                seen += 1
            assert len(levels) == 1
        assert seen == sum(
            1
            for s in cat.stats(occupation=MAIN, measure="employment", area="US", period="2025-05")
            if s.industry is not None
        )


class TestStates:
    @pytest.mark.parametrize("key", ["CA", "GU", "DC", "OH"])
    def test_statewide_rows(self, atlas: tuple[Path, Written], cat: mc.Catalog, key: str) -> None:
        """Each occupation's statewide figures are the catalog's, withheld ones said so."""
        area = cat.area(key)
        text = section(read(atlas, f"states/{key.lower()}.md"), "## Every occupation statewide")
        table = parse(text).tables[0]
        titles = {o.title: o.id for o in cat.occupations.values()}
        compared = 0
        for record in table.records():
            occupation = titles[record["occupation"][0]]
            compared += check_row(cat, record, occupation, area, mc.Period.parse("2025-05"))
        assert len(table.rows) == len(cat.occupations)
        assert compared >= 12

    def test_metro_rows(self, atlas: tuple[Path, Written], cat: mc.Catalog) -> None:
        """Akron's row on Ohio's page and in the area index has the catalog's figures."""
        akron = cat.area("Akron, OH")
        period = mc.Period.parse("2025-05")
        title = cat.occupations[MAIN].title
        text = section(read(atlas, "states/oh.md"), f"### {title}")
        (table,) = parse(text).tables
        (record,) = [r for r in table.records() if r["area"][0] == akron.name]
        assert check_row(cat, record, MAIN, akron, period) == 4
        assert record["median annual wage"][0] == "$49,480"
        (index,) = parse(read(atlas, "areas.md")).tables
        (record,) = [r for r in index.records() if r["area"][0] == akron.name]
        assert check_row(cat, record, cat.occupation(MAIN_OCCUPATION).id, akron, period) == 4

    def test_missing_says_why(self, atlas: tuple[Path, Written], cat: mc.Catalog) -> None:
        """A missing figure says why, as cat.unpublished records it, its footnote as tooltip."""
        title = cat.occupation("43-3021").title
        text = section(read(atlas, "states/la.md"), f"### {title}")
        (table,) = parse(text).tables
        (lafayette,) = [r for r in table.records() if r["area"][0] == "Lafayette, LA"]
        assert lafayette["mean annual wage"] == ("withheld", lafayette["mean annual wage"][1])
        assert lafayette["mean annual wage"][1]["title"] == "Estimate not released."
        assert lafayette["jobs"][0] == "760"
        hitmr = cat.occupation("29-9021").title
        text = section(read(atlas, "states/oh.md"), f"### {hitmr}")
        (table,) = parse(text).tables
        (lima,) = [r for r in table.records() if r["area"][0] == "Lima, OH"]
        assert [lima[h][0] for h in _MEASURES] == ["no estimate"] * len(_MEASURES)
        words = [
            text
            for table in parse(read(atlas, "states/oh.md")).tables
            for row in table.rows
            for text, _ in row
        ]
        assert "not published" not in words

    def test_territory_without_areas(self, atlas: tuple[Path, Written]) -> None:
        """Guam's page says it has no metropolitan areas rather than showing empty tables."""
        text = read(atlas, "states/gu.md")
        assert "no metropolitan or nonmetropolitan area within Guam" in text
        assert len(parse(text).tables) == 1


class TestCredential:
    def test_requirements_and_upkeep(self, atlas: tuple[Path, Written], cat: mc.Catalog) -> None:
        """RHIT's page lists each requirement, upkeep (CEUs) apart, with its quote."""
        rhit = cat.credential("RHIT")
        text = read(atlas, "credentials/rhit.md")
        upkeep = parse(section(text, "## Upkeep: continuing education (CEUs)"))
        earn = parse(section(text, "## Requirements"))
        kind = mc.RequirementKind.CONTINUING_EDUCATION
        assert [r["requirement"][0] for r in upkeep.tables[0].records()] == [
            r.text for r in rhit.requirements if r.kind is kind
        ]
        assert [r["requirement"][0] for r in earn.tables[0].records()] == [
            r.text for r in rhit.requirements if r.kind is not kind
        ]
        for requirement in rhit.requirements:
            assert requirement.citation.quote in "".join(parse(text).details)
        assert "American Health Information Management Association (AHIMA)" in text

    def test_no_requirements_said(self, cat: mc.Catalog) -> None:
        """A credential without requirements in the data says so.

        Since 2027.1 every packaged credential has requirements, so CTR is stripped of its own.
        """
        bare = attrs.evolve(cat.credential("CTR"), requirements=())
        text = credential_page(cat, bare)
        assert "holds no requirements to earn this credential" in text
        assert "holds no continuing-education requirement" in text

    def test_routes_shown(self, atlas: tuple[Path, Written], cat: mc.Catalog) -> None:
        """CTR's page labels each requirement of a route with it; one on every path has none."""
        ctr = cat.credential("CTR")
        earn = parse(section(read(atlas, "credentials/ctr.md"), "## Requirements"))
        kind = mc.RequirementKind.CONTINUING_EDUCATION
        assert [r["kind"][0] for r in earn.tables[0].records()] == [
            str(r.kind).replace("_", " ") + ("" if r.route is None else f" (route {r.route})")
            for r in ctr.requirements
            if r.kind is not kind
        ]
        assert "experience (route B)" in [r["kind"][0] for r in earn.tables[0].records()]


class TestBounds:
    @pytest.mark.parametrize(
        ("bound", "text"),
        [
            (mc.Bound.EXACT, "$51,140"),
            (mc.Bound.AT_LEAST, "≥ $51,140 (top-coded: $51,140 or more)"),
            (mc.Bound.APPROXIMATE, "about $51,140"),
            (mc.Bound.MORE_THAN, "more than $51,140"),
            (mc.Bound.LESS_THAN, "less than $51,140"),
        ],
    )
    def test_bound_is_shown(self, cat: mc.Catalog, bound: mc.Bound, text: str) -> None:
        """A figure's bound is printed with it: a top-coded wage reads as a floor."""
        median = cat.quick_facts(MAIN).median_annual_pay
        assert median is not None
        assert figure(attrs.evolve(median, bound=bound)) == text


class TestProvenance:
    def test_every_table_has_sources(self, atlas: tuple[Path, Written]) -> None:
        """Every table of figures is followed by a details block, and each series id is in it."""
        target = atlas[0]
        for page in target.rglob("*.md"):
            parsed = parse(page.read_text(encoding="utf-8"))
            cited = "".join(parsed.details)
            for table in parsed.tables:
                for row in table.rows:
                    for _, attributes in row:
                        locator = attributes.get("title")
                        if locator is not None and locator.startswith("OEU"):
                            assert locator in cited, (page.name, locator)
            if page.name != "index.md":
                assert len(parsed.details) >= 1, page.name

    def test_no_zero_for_missing(self, atlas: tuple[Path, Written], cat: mc.Catalog) -> None:
        """No page prints a zero figure: the catalog has no zero statistic, so any is invented."""
        assert not any(s.value == 0 for s in cat.stats(source="oews-2025-05"))
        for page in atlas[0].rglob("*.md"):
            for table in parse(page.read_text(encoding="utf-8")).tables:
                for row in table.rows:
                    assert all(text not in {"0", "$0", "0%"} for text, _ in row), page.name


class TestCharts:
    def test_every_chart_exists(self, atlas: tuple[Path, Written]) -> None:
        """Each figure a page names is an SVG file that exists, is not empty, and parses."""
        target, written = atlas
        named = set()
        for page in target.rglob("*.md"):
            for path in _FIGURE.findall(page.read_text(encoding="utf-8")):
                chart = (page.parent / path).resolve()
                assert chart.is_file(), (page.name, path)
                assert chart.stat().st_size > 1000
                root = ET.parse(chart).getroot()  # noqa: S314 - our own file
                assert root.tag == "{http://www.w3.org/2000/svg}svg"
                named.add(chart)
        assert named == {(target / c).resolve() for c in written.charts}
        assert len(named) == 2 * len(mc.catalog().occupations)

    def test_same_data_same_bytes(self, tmp_path: Path, cat: mc.Catalog) -> None:
        """Drawing an occupation's charts twice gives byte-identical SVG files."""
        occupation = cat.occupations[MAIN]
        first, second = tmp_path / "a", tmp_path / "b"
        assert occupation_page(cat, occupation, first) == occupation_page(cat, occupation, second)
        names = sorted(p.name for p in first.iterdir())
        assert names == [f"{MAIN}-pay.svg", f"{MAIN}-states.svg"]
        for name in names:
            assert (first / name).read_bytes() == (second / name).read_bytes()

    def test_chart_titles_name_the_period(self, atlas: tuple[Path, Written]) -> None:
        """The pay chart's title names its periods; the states chart's names May 2025."""
        pay = read(atlas, f"charts/{MAIN}-pay.svg")
        assert "2004 to May 2025" in pay
        assert "Median annual wage by state, May 2025" in read(atlas, f"charts/{MAIN}-states.svg")
