"""`stats()` answered from indexes agrees with a plain scan of the statistics."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import medcoder_careers as mc

FIELDS = (
    "occupation",
    "measure",
    "source",
    "period",
    "percentile",
    "industry",
    "setting",
    "experience",
    "accreditor",
    "definition",
)


def _matches(stat: mc.Statistic, name: str, value: str) -> bool:
    """The documented meaning of one filter, by scanning: a year also takes its months."""
    if name == "period" and mc.Period.parse(value).kind is mc.PeriodKind.YEAR:
        return stat.period.start_year == stat.period.end_year == int(value)
    return str(getattr(stat, name)) == value


class TestIndexedFilters:
    """Filters through the indexes give what a scan gives."""

    @given(st.data())
    def test_matches_scan(self, data: st.DataObject) -> None:
        """Any combination of values taken from the data selects exactly the scan's records."""
        cat = mc.catalog()
        order = data.draw(st.permutations(FIELDS))
        chosen = order[: data.draw(st.integers(0, 4))]
        filters = {
            name: data.draw(
                st.sampled_from(sorted({str(getattr(s, name)) for s in cat.statistics}))
            )
            for name in chosen
        }
        filters = {k: v for k, v in filters.items() if v != "None"}
        expected = tuple(
            s for s in cat.statistics if all(_matches(s, k, v) for k, v in filters.items())
        )
        assert cat.stats(**filters) == expected

    def test_accreditor_and_definition(self, cat: mc.Catalog) -> None:
        """The accreditor and definition filters take names and codes."""
        assert [
            s.value for s in cat.stats(accreditor="National Cancer Registrars Association")
        ] == [11]
        assert len(cat.stats(definition="29-2098", source="ooh-latest")) == 5
        assert len(cat.stats(definition="29 2098", source="ooh-latest")) == 5
        hybrid = cat.stats(definition="29-2098")
        assert {s.source for s in hybrid} == {"ooh-latest", "oews-2019-05", "oews-2020-05"}

    def test_source_and_edition_together(self, cat: mc.Catalog) -> None:
        """Two filters on the source intersect: the same one, or nothing."""
        assert cat.stats(source="ooh-2010-11", edition="2010-11") == cat.stats(edition="2010-11")
        assert cat.stats(source="ooh-2006-07", edition="2010-11") == ()
