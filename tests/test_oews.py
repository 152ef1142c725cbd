"""The packaged OEWS May 2025 figures re-read from the pinned snapshot, value by value.

Read independently of the build tool: the snapshot's cells are selected
here by the rule the reference page states (every area's whole-occupation
cell and every national industry cell of the catalog's six SOC codes), and
every published value must be one statistic, found through the public
API, with the printed value as its quote and its BLS series id as its
locator. Values BLS withheld ("-", footnote 4 or 8) must be absent.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Final

import pytest

import medcoder_careers as mc

SOCS: Final = ("292072", "299021", "119111", "319094", "433021", "436013")
PERIOD: Final = "2025-05"
SOURCE: Final = "oews-2025-05"
# datatype -> (measure, percentile); 02 and 05 are RSEs of 01 and of 03/04.
DATATYPES: Final = {
    "01": ("employment", None),
    "03": ("hourly_mean_wage", None),
    "04": ("annual_mean_wage", None),
    **{f"{6 + i:02d}": ("hourly_wage", p) for i, p in enumerate((10, 25, 50, 75, 90))},
    **{f"{11 + i:02d}": ("annual_wage", p) for i, p in enumerate((10, 25, 50, 75, 90))},
    "16": ("employment_per_1000_jobs", None),
    "17": ("location_quotient", None),
}
RSE_OF: Final = {"01": "02", "03": "05", "04": "05"}
KIND_OF_TYPE: Final = {"N": "national", "S": "state"}
# Footnote 5: "equal to or greater than $115.00 per hour or $239,200 per year".
TOP_CODE: Final = {mc.Unit.USD_PER_HOUR: Decimal("115.00"), mc.Unit.USD_PER_YEAR: Decimal(239200)}

Cell = tuple[str, dict[str, str | None], dict[str, str | None]]


def _cells(snapshot: Path) -> Iterator[Cell]:
    connection = sqlite3.connect(f"{snapshot.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    columns = ", ".join(f"v{n:02d}, f{n:02d}" for n in range(1, 18))
    marks = ", ".join("?" * len(SOCS))
    query = (
        f"SELECT key, {columns} FROM cell WHERE substr(key, 18, 6) IN ({marks}) "  # noqa: S608
        "AND (substr(key, 12, 6) = '000000' OR substr(key, 4, 1) = 'N')"
    )
    for row in connection.execute(query, SOCS):
        values = {f"{n:02d}": row[2 * n - 1] for n in range(1, 18)}
        notes = {f"{n:02d}": row[2 * n] for n in range(1, 18)}
        yield row[0], values, notes
    connection.close()


@pytest.fixture(scope="module")
def cells(oews_snapshot: Path) -> list[Cell]:
    """The snapshot's cells of the catalog's occupations, as the reference page selects them."""
    return list(_cells(oews_snapshot))


@pytest.fixture(scope="module")
def packaged() -> dict[str, mc.Statistic]:
    """Every packaged OEWS May 2025 statistic by its locator.

    From `mc.catalog()`, not the `cat` fixture: under mutmut that one is per test.
    """
    found = mc.catalog().stats(source=SOURCE)
    by_locator = {s.citation.locator: s for s in found if s.citation.locator}
    assert len(by_locator) == len(found)  # one statistic per series id
    return by_locator


class TestEveryValue:
    """Every published value is one statistic; every withheld one is absent."""

    def test_selection_size(self, cells: list[Cell]) -> None:
        """The reference page's counts: 3,679 cells, 60,310 published values, 411 withheld."""
        published = withheld = 0
        for _, values, _ in cells:
            for value in values.values():
                if value == "-":
                    withheld += 1
                elif value is not None:
                    published += 1
        assert len(cells) == 3679
        assert published == 60310
        assert withheld == 411

    def test_values_and_locators(
        self, cells: list[Cell], packaged: dict[str, mc.Statistic]
    ) -> None:
        """Each value re-reads from the snapshot: quote as printed, locator the series id."""
        expected = 0
        for key, values, notes in cells:
            for datatype, (measure, percentile) in DATATYPES.items():
                printed = values[datatype]
                locator = key + datatype
                if printed is None or (printed == "-" and notes[datatype] in {"4", "8"}):
                    assert locator not in packaged
                    continue
                expected += 1
                stat = packaged[locator]
                assert stat.citation.quote == printed
                if printed == "-":  # footnote 5: a top-coded wage, the threshold
                    assert notes[datatype] == "5"
                    assert stat.bound is mc.Bound.AT_LEAST
                    assert stat.value == TOP_CODE[stat.unit]
                else:
                    assert stat.value == Decimal(printed)
                    assert stat.bound is mc.Bound.EXACT
                assert (stat.measure, stat.percentile) == (measure, percentile)
                assert stat.area == key[4:11]
                assert stat.definition == f"{key[17:19]}-{key[19:23]}"
                assert str(stat.period) == PERIOD
                rse = RSE_OF.get(datatype)
                rse_printed = values[rse] if rse else None
                if rse_printed in {None, "-"}:
                    assert stat.rse is None
                else:
                    assert stat.rse == Decimal(str(rse_printed))
        assert expected == len(packaged)

    def test_counts_per_occupation_area_kind_datatype(
        self, cells: list[Cell], packaged: dict[str, mc.Statistic], cat: mc.Catalog
    ) -> None:
        """Packaged counts equal published counts, per occupation, kind of area and datatype."""
        published: Counter[tuple[str, str, str]] = Counter()
        for key, values, notes in cells:
            kind = KIND_OF_TYPE.get(key[3]) or cat.areas[key[4:11]].kind.value
            for datatype, value in values.items():
                top_coded = value == "-" and notes[datatype] == "5"
                if value is not None and (value != "-" or top_coded):
                    published[key[17:23], kind, datatype] += 1
        packaged_counts: Counter[tuple[str, str, str]] = Counter()
        wage_rse_cells: set[tuple[str, str, str]] = set()
        for stat in packaged.values():
            key = stat.citation.locator or ""
            soc, kind, datatype = key[17:23], cat.areas[stat.area].kind.value, key[23:]
            packaged_counts[soc, kind, datatype] += 1
            if datatype == "01" and stat.rse is not None:
                packaged_counts[soc, kind, "02"] += 1
            if datatype in {"03", "04"} and stat.rse is not None:
                wage_rse_cells.add((key[:23], soc, kind))  # one wage RSE per cell
        for _, soc, kind in wage_rse_cells:
            packaged_counts[soc, kind, "05"] += 1
        assert packaged_counts == published


class TestThroughTheContract:
    """A user's query finds exactly the published cell."""

    @pytest.mark.parametrize(
        ("occupation", "area", "industry", "measure", "percentile", "locator", "value"),
        [
            ("29-2072", "CA", None, "annual_wage", 50, "OEUS060000000000029207213", "61810"),
            ("29-2072", "US", None, "employment", None, "OEUN000000000000029207201", "194720"),
            (
                "29-2072",
                "California",
                None,
                "location_quotient",
                None,
                "OEUS060000000000029207217",
                "0.82",
            ),
            (
                "medical records specialists",
                "06",
                None,
                "hourly_wage",
                90,
                "OEUS060000000000029207210",
                "49.27",
            ),
        ],
    )
    def test_one_statistic(
        self,
        cat: mc.Catalog,
        occupation: str,
        area: str,
        industry: str | None,
        measure: str,
        percentile: int | None,
        locator: str,
        value: str,
    ) -> None:
        """occupation, measure, percentile, area, industry=None, period and definition: one."""
        (stat,) = cat.stats(
            occupation=occupation,
            measure=measure,
            percentile=percentile,
            area=area,
            industry=industry,
            period=PERIOD,
            definition="29-2072",
        )
        assert stat.citation.locator == locator
        assert stat.value == Decimal(value)
        assert stat.bound is mc.Bound.EXACT

    def test_every_area_of_one_figure(self, cells: list[Cell], cat: mc.Catalog) -> None:
        """The annual median of 29-2072 in every area, through the contract, equals the cell."""
        checked = 0
        for key, values, _ in cells:
            if key[17:23] != "292072" or key[11:17] != "000000" or values["13"] in {None, "-"}:
                continue
            found = cat.stats(
                occupation="29-2072",
                measure="annual_wage",
                percentile=50,
                area=key[4:11],
                industry=None,
                period=PERIOD,
                definition="29-2072",
            )
            assert [s.citation.locator for s in found] == [key + "13"]
            assert found[0].value == Decimal(str(values["13"]))
            checked += 1
        assert checked > 400

    def test_industry_cells(self, cells: list[Cell], cat: mc.Catalog) -> None:
        """Each national industry cell of 29-2072 answers to its industry's id."""
        checked = 0
        for key, values, _ in cells:
            if key[17:23] != "292072" or key[11:17] == "000000" or values["01"] in {None, "-"}:
                continue
            industry = next(
                i
                for i in cat.industries.values()
                if any(c.locator == f"oe.industry:{key[11:17]}" for c in i.citations)
            )
            found = cat.stats(
                occupation="29-2072", measure="employment", area="US", industry=industry
            )
            assert [s.citation.locator for s in found] == [key + "01"]
            checked += 1
        assert checked > 100

    def test_private_ownership_is_not_the_whole(self, cat: mc.Catalog) -> None:
        """Industry 000001 (private ownership only) is kept apart from industry=None."""
        whole = cat.stats(occupation="29-2072", measure="employment", area="US", industry=None)
        private = cat.stats(
            occupation="29-2072", measure="employment", area="US", industry="000001"
        )
        assert len(private) == 1
        assert whole[-1].value > private[0].value
        assert private[0].citation.locator == "OEUN000000000000129207201"


class TestStore:
    """Lazily built table statistics equal the ones a full build gives."""

    def test_lazy_equals_eager(self, cat: mc.Catalog) -> None:
        """stats() for one area equals the same slice of cat.statistics."""
        lazy = cat.stats(area="Akron, OH")
        eager = tuple(s for s in cat.statistics if s.area == "0010420")
        assert lazy == eager
        assert lazy

    def test_same_query_same_tuple(self, cat: mc.Catalog) -> None:
        """Asking twice returns equal tuples (the cached one)."""
        first = cat.stats(occupation="29-9021", area="TX")
        assert cat.stats(occupation="29-9021", area="TX") == first
        assert first

    def test_zipped_install(self, tmp_path: Path) -> None:
        """A data directory inside a zip file loads and answers (the table read from bytes)."""
        import zipfile  # noqa: PLC0415
        from importlib.resources import files  # noqa: PLC0415

        archive = tmp_path / "data.zip"
        packaged = files("medcoder_careers") / "data"
        with zipfile.ZipFile(archive, "w") as zipped:
            for item in packaged.iterdir():
                if item.is_file():
                    zipped.writestr(f"data/{item.name}", item.read_bytes())
        zipped_cat = mc.load(zipfile.Path(archive, "data/"))
        (stat,) = zipped_cat.stats(
            occupation="29-2072", measure="annual_wage", percentile=50, area="CA", industry=None
        )
        assert stat.citation.locator == "OEUS060000000000029207213"


class TestNames:
    """Areas, industries and occupations built from the table cite their names as printed."""

    def test_names_as_printed(self, oews_snapshot: Path, cat: mc.Catalog) -> None:
        """Each oe.area / oe.industry / oe.occupation locator quotes the snapshot's name."""
        connection = sqlite3.connect(
            f"{oews_snapshot.resolve().as_uri()}?mode=ro&immutable=1", uri=True
        )
        names = {
            f"oe.{table}:{code}": name
            for table, query in [
                ("area", "SELECT area_code, area_name FROM area"),
                ("industry", "SELECT industry_code, industry_name FROM industry"),
                ("occupation", "SELECT occupation_code, occupation_name FROM occupation"),
            ]
            for code, name in connection.execute(query)
        }
        connection.close()
        checked = 0
        records: list[mc.Area | mc.Industry | mc.Occupation] = [
            *cat.areas.values(),
            *cat.industries.values(),
            *cat.occupations.values(),
        ]
        for record in records:
            for citation in record.citations:
                if citation.locator is not None and citation.locator.startswith("oe."):
                    assert citation.quote == names[citation.locator], citation
                    assert citation.source == SOURCE
                    checked += 1
        assert checked >= len(cat.areas)

    def test_every_area_with_data(self, cells: list[Cell], cat: mc.Catalog) -> None:
        """Every area holding a selected cell is an Area, of the kind its code says."""
        held = {key[4:11] for key, _, _ in cells}
        assert held <= set(cat.areas)
        for area in cat.areas.values():
            match area.id:
                case "0000000":
                    assert area.kind is mc.AreaKind.NATIONAL
                case code if code.startswith("00"):
                    assert area.kind is mc.AreaKind.METROPOLITAN
                    assert area.cbsa == code[2:]
                case code if code.endswith("00000"):
                    assert area.kind is mc.AreaKind.STATE
                    assert area.fips == code[:2]
                case _:
                    assert area.kind is mc.AreaKind.NONMETROPOLITAN
