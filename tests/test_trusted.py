"""Records built without their checks (`assemble`) cannot be told from records built with them."""

from __future__ import annotations

import copy
import functools
import sqlite3
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any, Final

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._data import trusted
from medcoder_careers._data.datatypes import DATATYPES
from medcoder_careers._data.manifest import COLLECTIONS, ORDER
from medcoder_careers._data.strict import Data, read_data
from medcoder_careers._data.table import COLUMNS, Table, columns_of, open_table
from medcoder_careers._data.trusted import assemble, read_trusted

from . import strategies

PACKAGED: Final = files("medcoder_careers") / "data"
TABLE_FILES: Final = tuple(
    sorted(path.name for path in PACKAGED.iterdir() if path.name.endswith(".sqlite"))
)


def assert_indistinguishable(built: Any, strict: Any) -> None:
    """*built* is *strict* in every way a user looks: type, fields, equality, hash, repr, order."""
    assert type(built) is type(strict)
    assert built == strict
    assert hash(built) == hash(strict)
    assert repr(built) == repr(strict)
    assert attrs.astuple(built, recurse=False) == attrs.astuple(strict, recurse=False)
    assert not (built < strict)
    assert not (strict < built)
    assert copy.deepcopy(built) == strict
    assert attrs.evolve(built) == strict  # built again through __init__: its values pass the checks


def _rebuilt(record: Any) -> Any:
    """The record built by `assemble` from its own fields' values."""
    return assemble(type(record))(*attrs.astuple(record, recurse=False))


class TestAssemble:
    """`assemble` builds records equal to, and indistinguishable from, those `__init__` builds."""

    @given(strategies.statistics())
    def test_statistic(self, statistic: mc.Statistic) -> None:
        """A statistic (the straight-line builder) and its citation."""
        assert_indistinguishable(_rebuilt(statistic), statistic)
        assert_indistinguishable(_rebuilt(statistic.citation), statistic.citation)

    @pytest.mark.parametrize(
        "records",
        [
            strategies.occupations,
            strategies.credentials,
            strategies.organizations,
            strategies.areas,
            strategies.sources,
            strategies.industries,
            strategies.facts,
            strategies.cpi_annual_averages,
        ],
        ids=[
            "occupation",
            "credential",
            "organization",
            "area",
            "source",
            "industry",
            "fact",
            "cpi_u",
        ],
    )
    @given(data=st.data())
    def test_entities(self, records: st.SearchStrategy[Any], data: st.DataObject) -> None:
        """Every other record (the loop of `assemble`), nested records included."""
        record = data.draw(records)
        assert_indistinguishable(_rebuilt(record), record)

    def test_converter_applied(self) -> None:
        """A field's converter runs as `__init__` runs it: a list becomes a tuple."""
        given: dict[str, Any] = {"id": "x", "title": "X", "related": ("y",), "citations": ()}
        strict = mc.Occupation(**given)
        values = list(attrs.astuple(strict, recurse=False))
        values[[f.name for f in attrs.fields(mc.Occupation)].index("related")] = ["y"]
        built = assemble(mc.Occupation)(*values)
        assert built.related == ("y",)
        assert_indistinguishable(built, strict)

    def test_checks_skipped(self) -> None:
        """No validator runs: only values checked before may be given (a bad area passes)."""
        (strict,) = mc.catalog().stats(
            occupation="29-2072", area="CA", measure="annual_wage", percentile=50, industry=None
        )
        values = list(attrs.astuple(strict, recurse=False))
        values[[f.name for f in attrs.fields(mc.Statistic)].index("area")] = "CA"
        assert assemble(mc.Statistic)(*values).area == "CA"
        with pytest.raises(mc.FieldError):
            attrs.evolve(strict, area="CA")

    def test_field_count_checked(self) -> None:
        """Too few or too many values is an error, not a record with a field unset."""
        with pytest.raises(TypeError):
            assemble(mc.Citation)("source", "quote")
        with pytest.raises(TypeError, match="Credential takes 9 values, got 1"):
            assemble(mc.Credential)("id")


@pytest.fixture(scope="module")
def strict() -> Data:
    """The packaged directory read the strict way (`load`'s reader)."""
    with as_file(PACKAGED) as root:
        return read_data(root)


class TestJsonCollections:
    """The trusted reader's records are the strict reader's, indistinguishable."""

    @pytest.mark.parametrize("name", sorted(COLLECTIONS))
    def test_collection(self, strict: Data, name: str) -> None:
        """Every record of each packaged collection, in the packaged order."""
        with as_file(PACKAGED) as root:
            built = sorted(read_trusted(root, name, COLLECTIONS[name]), key=ORDER[name])
        assert len(built) == len(getattr(strict, name))
        for record, expected in zip(built, getattr(strict, name), strict=True):
            assert_indistinguishable(record, expected)

    def test_missing_field_refused(self, tmp_path: Path) -> None:
        """A record lacking a field without a default is refused (the strict reader names it)."""
        (tmp_path / "cpi_u.json").write_text('{"cpi_u": [{"year": 2004}]}', encoding="utf-8")
        with pytest.raises(TypeError, match="needs value"):
            read_trusted(tmp_path, "cpi_u", mc.CpiAnnualAverage)

    def test_unknown_field_refused(self, tmp_path: Path) -> None:
        """A field the class lacks is refused, as the strict converter refuses it."""
        citation = '"citation": {"source": "a", "quote": "b"}'
        text = f'{{"cpi_u": [{{"year": 2004, "value": "1", {citation}, "x": 1}}]}}'
        (tmp_path / "cpi_u.json").write_text(text, encoding="utf-8")
        with pytest.raises(TypeError, match="no field"):
            read_trusted(tmp_path, "cpi_u", mc.CpiAnnualAverage)

    def test_factory_default_refused(self) -> None:
        """A class with a default made by a factory is left to the strict reader."""

        @attrs.frozen
        class WithFactory:
            items: list[int] = attrs.field(factory=list)

        with pytest.raises(TypeError, match="factory"):
            trusted._record_builder(WithFactory)


@pytest.fixture(scope="module")
def tables() -> dict[tuple[str, bool], Table]:
    """Each packaged table file, opened trusted and checked."""
    with as_file(PACKAGED) as root:
        return {
            (name, trusted_): open_table(root, name, trusted=trusted_)
            for name in TABLE_FILES
            for trusted_ in (True, False)
        }


@functools.cache
def _cells(name: str) -> list[tuple[str, str, str | None]]:
    """Each cell of the packaged table file *name*: occupation id, area, industry id."""
    with as_file(PACKAGED) as root:
        table = open_table(root, name)
        connection = sqlite3.connect(f"{(root / name).as_uri()}?mode=ro", uri=True)
        rows = connection.execute("SELECT soc, area, industry FROM cell ORDER BY key").fetchall()
        connection.close()
    return [(table.occupations[soc][0], area, table.industries[code]) for soc, area, code in rows]


@st.composite
def cells(draw: st.DrawFn) -> tuple[str, str, str, str | None]:
    """A cell of a packaged table: its file, occupation id, area and industry id."""
    name = draw(st.sampled_from(TABLE_FILES))
    return (name, *draw(st.sampled_from(_cells(name))))


class TestTrustedTable:
    """A table read trusted gives the statistics it gives read the strict way, row for row."""

    @given(cell=cells(), datatypes=st.none() | st.sets(st.sampled_from(["01", "08", "13", "17"])))
    def test_cell(
        self,
        tables: dict[tuple[str, bool], Table],
        cell: tuple[str, str, str, str | None],
        datatypes: set[str] | None,
    ) -> None:
        """A sampled cell's statistics: equal, indistinguishable, in the same order."""
        name, occupation, area, industry = cell
        parts = {"occupations": [occupation], "area": area, "industries": [industry]}
        built = tables[name, True].select(**parts, datatypes=datatypes)  # type: ignore[arg-type]
        strict = tables[name, False].select(**parts, datatypes=datatypes)  # type: ignore[arg-type]
        assert len(built) == len(strict)
        if datatypes is None:
            assert built  # every cell has a figure
        for statistic, expected in zip(built, strict, strict=True):
            assert_indistinguishable(statistic, expected)
            assert_indistinguishable(statistic.citation, expected.citation)

    @given(
        cell=cells(),
        datatypes=st.none() | st.sets(st.sampled_from([d.code for d in DATATYPES])),
        missing=st.sampled_from([None, "occupation", "area", "industry"]),
    )
    def test_one_cell(
        self,
        tables: dict[tuple[str, bool], Table],
        cell: tuple[str, str, str, str | None],
        datatypes: set[str] | None,
        missing: str | None,
    ) -> None:
        """`cell` finds one cell by its key: what `select` finds, read strictly; else nothing."""
        name, *parts = cell
        if missing is not None:  # a part the table has no row of
            parts[["occupation", "area", "industry"].index(missing)] = "nowhere-9999999"
        occupation, area, industry = parts
        assert occupation is not None
        assert area is not None
        found = tables[name, True].cell(occupation, area, industry, datatypes=datatypes)
        strict = tables[name, False].select([occupation], area, [industry], datatypes=datatypes)
        assert found is not None
        assert found == strict
        assert bool(found) == (missing is None and datatypes != set())
        for statistic, expected in zip(found, strict, strict=True):
            assert_indistinguishable(statistic, expected)
            assert_indistinguishable(statistic.citation, expected.citation)

    @pytest.mark.parametrize("name", TABLE_FILES)
    def test_every_cell(self, tables: dict[tuple[str, bool], Table], name: str) -> None:
        """Every cell by its key: its figures as the whole table's read gives them, in order.

        Every marker, dash and footnote of the packaged files is met (the
        whole read is the strict one's: `test_every_row`).
        """
        table = tables[name, True]
        every: dict[tuple[str, str, str | None], list[mc.Statistic]] = {}
        for statistic in table.select():
            every.setdefault((statistic.occupation, statistic.area, statistic.industry), [])
            every[statistic.occupation, statistic.area, statistic.industry].append(statistic)
        assert len(every) == len(_cells(name))
        for (occupation, area, industry), expected in every.items():
            found = table.cell(occupation, area, industry)
            assert found == expected
            assert repr(found) == repr(expected)  # each Decimal's digits, each citation

    @pytest.mark.parametrize("name", TABLE_FILES)
    def test_cell_untrusted(self, tables: dict[tuple[str, bool], Table], name: str) -> None:
        """A table read the strict way finds no cell by its key: `select` answers."""
        occupation, area, industry = _cells(name)[0]
        assert tables[name, False].cell(occupation, area, industry) is None
        assert tables[name, True].cell(occupation, area, industry)

    @pytest.mark.parametrize("name", TABLE_FILES)
    def test_every_row(self, tables: dict[tuple[str, bool], Table], name: str) -> None:
        """Every row at once (a column at a time when many): the same statistics, in order."""
        built, strict = tables[name, True].select(), tables[name, False].select()
        assert built == strict
        assert [repr(s) for s in built] == [repr(s) for s in strict]
        assert built == sorted(strict)

    @pytest.mark.parametrize(
        "parts",
        [
            {},
            {"area": "0000000"},
            {"occupations": ["medical-records-and-health-information-technicians"]},
            {"industries": [None], "datatypes": {"13", "08"}},
            {"datatypes": {"01", "04", "17"}},
            # two percentiles of one measure down 308 rows: woven row by row
            {"occupations": ["medical-transcriptionists"], "datatypes": {"12", "13"}},
        ],
        ids=str,
    )
    def test_columns(self, tables: dict[tuple[str, bool], Table], parts: dict[str, Any]) -> None:
        """Columns read from the rows are the columns of the statistics, trusted or not."""
        for trusted_ in (True, False):
            table = tables["oews.sqlite", trusted_]
            found = table.columns(**parts)
            assert list(found) == list(COLUMNS)
            assert found == columns_of(table.select(**parts))
            assert found == columns_of(tables["oews.sqlite", False].select(**parts))


class TestKeys:
    """The packaged cells' keys are what a trusted table reads a cell by (the build checks it)."""

    @pytest.mark.parametrize("name", TABLE_FILES)
    def test_key_is_its_parts(self, name: str) -> None:
        """Each key is OEU, one area type letter per area, the area, industry and SOC code."""
        with as_file(PACKAGED / name) as path:
            connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
            rows = connection.execute("SELECT key, soc, area, industry FROM cell").fetchall()
            connection.close()
        letters: dict[str, set[str]] = {}
        for key, soc, area, industry in rows:
            assert key[:3] == "OEU"
            assert key[4:] == area + industry + soc
            letters.setdefault(area, set()).add(key[3])
        assert all(len(found) == 1 for found in letters.values())
        assert rows

    def test_area_not_held(self, tables: dict[tuple[str, bool], Table]) -> None:
        """A national file holds no state: a trusted one says so without reading a cell."""
        national = tables["oews-2024-05.sqlite", True]
        assert not national.may_hold("0600000")
        assert national.may_hold("0000000")
        assert tables["oews-2024-05.sqlite", False].may_hold("0600000")  # unknown: may
        assert national.select(area="0600000") == []
