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
from .strategies import ENTITIES, occupations, statistics

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
    mc.Task,
    mc.Technology,
    mc.CpiAnnualAverage,
    mc.Unpublished,
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

    def test_repr_names_every_field(self) -> None:
        """repr() is the class and every field by name, in order, each value's own repr."""
        citation = mc.Citation(source="ooh-2010-11", quote="coders 'earn'")
        assert repr(citation) == (
            "Citation(source='ooh-2010-11', quote=\"coders 'earn'\", locator=None)"
        )

    def test_address_on_one_line(self, cat: mc.Catalog) -> None:
        """An address reads on one line: street lines, city, then region and ZIP code."""
        assert str(cat.organizations["ahima"].address) == (
            "233 N. Michigan Ave., Suite 2150, Chicago, IL 60601-5800"
        )

    def test_codes(self) -> None:
        """A NAICS code says NAICS and its edition; a BLS designation only its name; SOC too."""
        naics = mc.NaicsCode(version="2017", code="6221", title="General Hospitals")
        assert str(naics) == "NAICS 2017 6221 General Hospitals"
        oews = mc.NaicsCode(version="OEWS", code="000001", title="Cross-industry")
        assert str(oews) == "OEWS 000001 Cross-industry"
        soc = mc.SocCode(version=2010, code="29-2071", title="Medical Records Technicians")
        assert str(soc) == "2010 SOC 29-2071 Medical Records Technicians"


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

    def test_messages_name_the_rule_and_value(self, cat: mc.Catalog) -> None:
        """Each rule's error names the field (`FieldError.field`) and says what it got."""
        wage = cat.stats(measure="annual_wage")[0]
        salary = cat.stats(measure="annual_salary")[0]
        area = cat.areas["0600000"]
        cases: list[tuple[Any, dict[str, Any], str, str]] = [
            (wage, {"percentile": 60}, "percentile", "must be one of 10, 25, 50, 75, 90, got 60"),
            (wage, {"area": "06"}, "area", "an area code is 7 digits, got '06'"),
            (area, {"id": "06"}, "id", "an area code is 7 digits, got '06'"),
            (
                salary,
                {"value_high": salary.value - 1},
                "value_high",
                f"{salary.value - 1} is below value {salary.value}",
            ),
        ]
        for record, change, field, message in cases:
            with pytest.raises(mc.FieldError) as info:
                attrs.evolve(record, **change)
            assert info.value.field == field
            assert str(info.value) == f"{field}: {message}"

    @pytest.mark.parametrize(
        "area", ["", "06", "060000", "06000000", "CA00000", "\uff10\uff16" * 3 + "0"]
    )
    def test_area_code_seven_digits(self, cat: mc.Catalog, area: str) -> None:
        """An area id is seven ASCII digits."""
        with pytest.raises(mc.FieldError, match="area"):
            attrs.evolve(cat.statistics[0], area=area)

    @given(zone=st.integers() | st.booleans())
    def test_job_zone_one_to_five(self, zone: int) -> None:
        """A job zone is an int from 1 to 5 (a bool is not one); any other is refused."""
        occupation = mc.catalog().occupation("medical coder")
        if zone in range(1, 6) and not isinstance(zone, bool):
            assert attrs.evolve(occupation, job_zone=zone).job_zone == zone
        else:
            with pytest.raises(mc.FieldError, match=r"^job_zone: a job zone is 1 to 5, got "):
                attrs.evolve(occupation, job_zone=zone)

    def test_job_zone_error_names_the_field(self, cat: mc.Catalog) -> None:
        """The error carries the field's name, and None (no zone) is allowed."""
        coder = cat.occupation("medical coder")
        with pytest.raises(mc.FieldError) as info:
            attrs.evolve(coder, job_zone=6)
        assert info.value.field == "job_zone"
        assert attrs.evolve(coder, job_zone=None).job_zone is None


class TestOnetRecords:
    """Generated occupations carry O*NET's records as the data does; their rules hold."""

    @given(occupation=occupations)
    def test_hashable_from_lists(self, occupation: mc.Occupation) -> None:
        """Built from lists, an occupation holds tuples: hashable, equal to the original."""
        lists: dict[str, Any] = {
            name: list(getattr(occupation, name)) for name in ("tasks", "technology", "onet_titles")
        }
        rebuilt = attrs.evolve(occupation, **lists)
        assert isinstance(rebuilt.tasks, tuple)
        assert isinstance(rebuilt.technology, tuple)
        assert isinstance(rebuilt.onet_titles, tuple)
        assert rebuilt == occupation
        assert hash(rebuilt) == hash(occupation)
        assert len({task.id for task in occupation.tasks}) == len(occupation.tasks)

    @given(occupation=occupations)
    def test_tasks_and_technology_round_trip(self, occupation: mc.Occupation) -> None:
        """An occupation's tasks and technology come back equal, in order, kinds and flags kept."""
        back = CONVERTER.structure(CONVERTER.unstructure(occupation), mc.Occupation)
        assert back.tasks == occupation.tasks
        assert [t.kind for t in back.tasks] == [t.kind for t in occupation.tasks]
        assert [(t.hot, t.in_demand) for t in back.technology] == [
            (t.hot, t.in_demand) for t in occupation.technology
        ]
        assert [s.definition for s in back.soc] == [s.definition for s in occupation.soc]
        assert back == occupation
