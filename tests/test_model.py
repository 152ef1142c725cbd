from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._data.codec import make_converter

from .conftest import examples
from .strategies import ENTITIES, statistics

ENTITY_CLASSES = [
    mc.Organization,
    mc.Credential,
    mc.Occupation,
    mc.Industry,
    mc.Source,
    mc.Statistic,
    mc.Fact,
    mc.Citation,
    mc.PostalAddress,
    mc.SocCode,
    mc.NaicsCode,
    mc.Requirement,
    mc.Specialty,
    mc.CpiAnnualAverage,
]

CONVERTER = make_converter()


def _records(cat: mc.Catalog) -> list[Any]:
    return [
        *cat.organizations.values(),
        *cat.sources.values(),
        *cat.occupations.values(),
        *cat.credentials.values(),
        *cat.industries.values(),
        *cat.statistics,
        *cat.facts,
        *cat.cpi_u.values(),
    ]


class TestShape:
    """Every class is a frozen, slotted, keyword-only attrs class."""

    @pytest.mark.parametrize("cls", ENTITY_CLASSES)
    def test_attrs_frozen_slotted_kw_only(self, cls: type) -> None:
        """The class is attrs, slotted, and every field keyword-only."""
        assert attrs.has(cls)
        assert "__slots__" in cls.__dict__
        assert all(field.kw_only for field in attrs.fields(cls))

    @pytest.mark.parametrize("cls", ENTITY_CLASSES)
    def test_docstring(self, cls: type) -> None:
        """Every public class documents itself."""
        assert cls.__doc__
        assert cls.__doc__.strip()

    def test_frozen(self, cat: mc.Catalog) -> None:
        """Assigning to a field raises FrozenInstanceError."""
        rhit = cat.credential("rhit")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            rhit.name = "x"  # type: ignore[misc]

    def test_hashable_and_ordered_by_id(self, cat: mc.Catalog) -> None:
        """Entities hash and sort by id."""
        orgs = list(cat.organizations.values())
        assert len(set(orgs)) == len(orgs)
        assert [o.id for o in sorted(orgs, reverse=True)] == sorted(
            (o.id for o in orgs), reverse=True
        )

    def test_collections_in_class_order(self, cat: mc.Catalog) -> None:
        """The loader's fast sort keys agree with the classes' own ordering."""
        assert list(cat.statistics) == sorted(cat.statistics)
        assert list(cat.facts) == sorted(cat.facts)
        assert list(cat.occupations.values()) == sorted(cat.occupations.values())

    def test_statistics_order_by_period_then_source(self, cat: mc.Catalog) -> None:
        """Statistics sort by period first, then source."""
        keys = [(s.period, s.source) for s in cat.statistics]
        assert keys == sorted(keys)


class TestText:
    """Entities read naturally as text."""

    def test_specialty_str_is_its_name(self, cat: mc.Catalog) -> None:
        """str() of a specialty is its name, so name lists read naturally."""
        names = [str(s) for s in cat.occupation("medical coder").specialties]
        assert names == ["Coder", "Cancer registrar"]


class TestRoundTrip:
    """Every record survives unstructure then structure through the converter."""

    def test_packaged_records(self, cat: mc.Catalog) -> None:
        """Each packaged record comes back equal."""
        converter = make_converter()
        for record in _records(cat):
            raw = converter.unstructure(record)
            assert converter.structure(raw, type(record)) == record

    @given(statistics())
    def test_any_statistic(self, stat: mc.Statistic) -> None:
        """Generated statistics round trip, decimals exactly."""
        converter = CONVERTER
        raw = converter.unstructure(stat)
        assert isinstance(raw["value"], str)
        back = converter.structure(raw, mc.Statistic)
        assert back == stat
        assert str(back.value) == str(stat.value)

    def test_every_class_has_a_strategy(self) -> None:
        """Each record class of the model (Area included) has a strategy in tests/strategies.py."""
        assert set(ENTITIES) >= {*ENTITY_CLASSES, mc.Area}

    @pytest.mark.parametrize("cls", list(ENTITIES), ids=lambda cls: cls.__name__)
    @examples(fast=20)
    @given(data=st.data())
    def test_any_record(self, cls: type, data: st.DataObject) -> None:
        """A generated record of every class round trips through the converter."""
        record = data.draw(ENTITIES[cls])
        assert type(record) is cls
        converter = CONVERTER
        assert converter.structure(converter.unstructure(record), cls) == record

    def test_decimal_keeps_its_digits(self) -> None:
        """'21.20' stays '21.20', never through float."""
        converter = make_converter()
        assert str(converter.structure("21.20", Decimal)) == "21.20"


class TestFieldRules:
    """A record built by hand that breaks a field's rule raises FieldError naming it."""

    def test_unit_must_fit_measure(self, cat: mc.Catalog) -> None:
        """An annual wage in jobs is refused at construction."""
        wage = cat.stats(measure="annual_wage")[0]
        with pytest.raises(mc.FieldError, match="unit: 'jobs' does not fit") as info:
            attrs.evolve(wage, unit=mc.Unit.JOBS)
        assert info.value.field == "unit"
        assert isinstance(info.value, ValueError)

    @pytest.mark.parametrize("percentile", [0, 20, 51, 100, True])
    def test_percentile_in_published_set(self, cat: mc.Catalog, percentile: int) -> None:
        """Only 10, 25, 50, 75 and 90 are percentiles BLS publishes."""
        wage = cat.stats(measure="annual_wage")[0]
        with pytest.raises(mc.FieldError, match="percentile"):
            attrs.evolve(wage, percentile=percentile)

    def test_range_in_order(self, cat: mc.Catalog) -> None:
        """value_high below value is refused."""
        salary = cat.stats(measure="annual_salary")[0]
        with pytest.raises(mc.FieldError, match="value_high"):
            attrs.evolve(salary, value_high=salary.value - 1)

    @pytest.mark.parametrize(
        "area", ["", "06", "060000", "06000000", "CA00000", "\uff10\uff16" * 3 + "0"]
    )
    def test_area_code_seven_digits(self, cat: mc.Catalog, area: str) -> None:
        """An area id is seven ASCII digits."""
        with pytest.raises(mc.FieldError, match="area"):
            attrs.evolve(cat.statistics[0], area=area)
