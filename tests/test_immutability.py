"""A caller cannot change the public data: fields, mappings, tuples and results are frozen.

And a copy a caller takes (unstructured, exported, `attrs.asdict`, `dict()`)
is theirs to change: the catalog does not see it.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator, Mapping, MutableMapping
from pathlib import Path
from typing import Any, Final

import attrs
import pytest

import medcoder_careers as mc
from medcoder_careers._data.codec import make_converter

MAPPINGS: Final = (
    "occupations",
    "credentials",
    "organizations",
    "sources",
    "industries",
    "cpi_u",
)
TUPLES: Final = ("statistics", "facts")


def _records(cat: mc.Catalog) -> list[Any]:
    return [
        *(record for name in MAPPINGS for record in getattr(cat, name).values()),
        *cat.statistics,
        *cat.facts,
    ]


def _walk(value: object) -> Iterator[object]:
    """Yield *value* and every value nested in it (attrs fields, tuple items)."""
    yield value
    cls = type(value)
    if attrs.has(cls):
        for field in attrs.fields(cls):
            yield from _walk(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from _walk(item)


def _snapshot(cat: mc.Catalog) -> str:
    """Everything the catalog holds, as JSON text (to compare before and after)."""
    converter = make_converter()
    return json.dumps([converter.unstructure(r) for r in _records(cat)], sort_keys=True)


class TestFrozenRecords:
    """No field of any record of the data can be assigned or deleted."""

    @pytest.mark.parametrize("name", [*MAPPINGS, *TUPLES])
    def test_assign_every_field(self, cat: mc.Catalog, name: str) -> None:
        """Assigning or deleting any field of the first record raises FrozenInstanceError."""
        held = getattr(cat, name)
        record = next(iter(held.values())) if isinstance(held, Mapping) else held[0]
        for field in attrs.fields(type(record)):
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(record, field.name, None)
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                delattr(record, field.name)

    def test_no_new_attribute(self, cat: mc.Catalog) -> None:
        """A record cannot grow an attribute (slotted and frozen)."""
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            cat.credential("rhit").note = "x"  # type: ignore[attr-defined]

    def test_nested_records_frozen(self, cat: mc.Catalog) -> None:
        """Nested records (citations, SOC codes, requirements, periods) are frozen too."""
        nested = [
            value
            for record in _records(cat)
            for value in _walk(record)
            if attrs.has(type(value)) and value is not record
        ]
        assert {type(v) for v in nested} >= {mc.Citation, mc.SocCode, mc.Period, mc.Requirement}
        for value in nested:
            cls = type(value)
            assert attrs.has(cls)
            first = attrs.fields(cls)[0].name
            with pytest.raises(attrs.exceptions.FrozenInstanceError):
                setattr(value, first, None)

    def test_collections_are_tuples(self, cat: mc.Catalog) -> None:
        """Every sequence anywhere in the data is a tuple: no list, dict or set to mutate."""
        for record in _records(cat):
            for value in _walk(record):
                assert not isinstance(value, list | dict | set | bytearray), (record, value)
        assert all(isinstance(getattr(cat, name), tuple) for name in TUPLES)


class TestReadOnlyMappings:
    """The catalog's mappings refuse every change."""

    @pytest.mark.parametrize("name", MAPPINGS)
    def test_item_assignment_and_deletion(self, cat: mc.Catalog, name: str) -> None:
        """Setting, deleting or clearing an item of the mapping raises TypeError/AttributeError."""
        held: Any = getattr(cat, name)
        key = next(iter(held))
        with pytest.raises(TypeError):
            held[key] = None
        with pytest.raises(TypeError):
            held["new"] = None
        with pytest.raises(TypeError):
            del held[key]
        for method in ("pop", "popitem", "clear", "update", "setdefault"):
            assert not hasattr(held, method), method
        assert not isinstance(held, MutableMapping)

    @pytest.mark.parametrize("name", MAPPINGS)
    def test_same_mapping_each_time(self, cat: mc.Catalog, name: str) -> None:
        """The property returns the one read-only view, not a fresh copy to confuse callers."""
        assert getattr(cat, name) is getattr(cat, name)

    @pytest.mark.parametrize("name", [*MAPPINGS, *TUPLES])
    def test_attribute_cannot_be_replaced(self, cat: mc.Catalog, name: str) -> None:
        """Assigning or deleting a catalog attribute raises AttributeError."""
        with pytest.raises(AttributeError):
            setattr(cat, name, {})
        with pytest.raises(AttributeError):
            delattr(cat, name)

    @pytest.mark.parametrize("name", TUPLES)
    def test_tuple_refuses_item_assignment(self, cat: mc.Catalog, name: str) -> None:
        """A tuple of records refuses item assignment."""
        held: Any = getattr(cat, name)
        with pytest.raises(TypeError):
            held[0] = None


class TestFrozenResults:
    """What the lookups, search, series and compare return is frozen as well."""

    def test_series_and_point(self, cat: mc.Catalog) -> None:
        """A Series and its points cannot be assigned to; points is a tuple."""
        wages = cat.series("medical coder", "annual wage")
        assert isinstance(wages.points, tuple)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            wages.points = ()  # type: ignore[misc]
        point = wages.latest()
        assert isinstance(point.alternatives, tuple)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            point.statistic = point.statistic  # type: ignore[misc]

    def test_search_result(self, cat: mc.Catalog) -> None:
        """Search returns a tuple of frozen SearchResults."""
        results = cat.search("coder")
        assert isinstance(results, tuple)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            results[0].score = 2.0  # type: ignore[misc]

    def test_comparison(self, cat: mc.Catalog) -> None:
        """A Comparison cannot be assigned to, and its cpi pair is a tuple."""
        wages = cat.series("medical coder", "annual wage")
        first, last = wages.points[0].statistic, wages.latest().statistic
        result = mc.compare(first, last, real=True)
        assert isinstance(result.cpi, tuple)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            result.change = result.change  # type: ignore[misc]

    def test_stats_and_facts_are_tuples(self, cat: mc.Catalog) -> None:
        """stats, find_facts, credentials_by and related return tuples."""
        assert isinstance(cat.stats(measure="employment"), tuple)
        assert isinstance(cat.find_facts(), tuple)
        assert isinstance(cat.credentials_by("ahima"), tuple)
        assert isinstance(cat.related("medical coder"), tuple)

    def test_verify_report(self, cat: mc.Catalog) -> None:
        """A VerifyReport cannot be assigned to."""
        report = cat.verify()
        field = attrs.fields(type(report))[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(report, field, None)


class TestCopiesAreTheCallers:
    """Changing a copy taken from the catalog never changes the catalog."""

    def test_unstructured_copy(self, cat: mc.Catalog) -> None:
        """Mutating every list and dict of an unstructured record leaves the catalog equal."""
        before = _snapshot(cat)
        converter = make_converter()
        for record in _records(cat):
            document = converter.unstructure(record)
            for value in document.values():
                if isinstance(value, list):
                    value.clear()
            document.clear()
        assert _snapshot(cat) == before

    def test_asdict_and_evolve(self, cat: mc.Catalog) -> None:
        """attrs.asdict gives a mutable copy and attrs.evolve a new record; the catalog stays."""
        rhit = cat.credential("rhit")
        before = _snapshot(cat)
        plain = attrs.asdict(rhit)
        plain["name"] = "changed"
        plain["requirements"] = []
        changed = attrs.evolve(rhit, name="changed")
        assert changed is not rhit
        assert cat.credential("rhit") is rhit
        assert cat.credential("rhit").name != "changed"
        assert _snapshot(cat) == before

    def test_dict_and_list_copies(self, cat: mc.Catalog) -> None:
        """dict(mapping) and list(tuple) are the caller's to change."""
        occupations = dict(cat.occupations)
        occupations.clear()
        statistics = list(cat.statistics)
        statistics.clear()
        assert cat.occupations
        assert cat.statistics

    def test_deepcopy_is_equal_and_separate(self, cat: mc.Catalog) -> None:
        """A deep copy of a record equals it; the catalog still holds its own."""
        statistic = cat.statistics[0]
        copied = copy.deepcopy(statistic)
        assert copied == statistic
        assert cat.statistics[0] is statistic

    def test_exported_copy(self, cat: mc.Catalog, tmp_path: Path) -> None:
        """Editing an exported JSON file changes neither the catalog nor the packaged data."""
        before = _snapshot(cat)
        mc.export(tmp_path / "copy")
        target = tmp_path / "copy" / "credentials.json"
        document = json.loads(target.read_text(encoding="utf-8"))
        document["credentials"][0]["name"] = "changed"
        target.write_text(json.dumps(document), encoding="utf-8")
        assert _snapshot(cat) == before
        assert mc.catalog().verify().ok
