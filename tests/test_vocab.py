"""The vocabularies: each measure's units."""

from __future__ import annotations

import pytest

import medcoder_careers as mc
from medcoder_careers._vocab import WAGE_MEASURES, units_for


class TestUnits:
    """`units_for` gives the units a measure's figures are in."""

    @pytest.mark.parametrize(
        ("measure", "units"),
        [
            (mc.Measure.ANNUAL_WAGE, {mc.Unit.USD_PER_YEAR}),
            (mc.Measure.HOURLY_WAGE, {mc.Unit.USD_PER_HOUR}),
            (mc.Measure.EMPLOYMENT, {mc.Unit.JOBS}),
            (mc.Measure.PROJECTED_CHANGE_PERCENT, {mc.Unit.PERCENT}),
            (mc.Measure.ACCREDITED_PROGRAMS, {mc.Unit.PROGRAMS}),
            (mc.Measure.LOCATION_QUOTIENT, {mc.Unit.RATIO}),
        ],
    )
    def test_known(self, measure: mc.Measure, units: set[mc.Unit]) -> None:
        """Each measure has its unit."""
        assert units_for(measure) == units

    def test_every_measure(self) -> None:
        """Every measure has at least one unit; wages are the two wage measures."""
        assert all(units_for(measure) for measure in mc.Measure)
        assert frozenset({mc.Measure.ANNUAL_WAGE, mc.Measure.HOURLY_WAGE}) == WAGE_MEASURES
