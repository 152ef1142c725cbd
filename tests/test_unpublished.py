"""`Catalog.unpublished`: one record per figure a release does not publish, and why."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Final

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medcoder_careers as mc

from . import strategies
from .data_copies import edit_table

LIMA: Final = "Lima, OH"
REGISTRARS: Final = "29-9021"
LAFAYETTE: Final = "0029180"  # Lafayette, LA: BLS withheld the billing clerks' mean wage
CA_CODERS: Final = "OEUS0600000000000292072"


class TestNoEstimate:
    """An occupation a release has no cell for, in an area it covers, has no estimate there."""

    def test_lima(self, cat: mc.Catalog) -> None:
        """29-9021 in Lima, OH: one record per measure and percentile OEWS publishes elsewhere."""
        found = cat.unpublished(occupation=REGISTRARS, area=LIMA)
        assert cat.stats(occupation=REGISTRARS, area=LIMA) == ()
        assert {r.reason for r in found} == {mc.UnpublishedReason.NO_ESTIMATE}
        assert {(r.source, str(r.period), r.definition) for r in found} == {
            ("oews-2025-05", "2025-05", "29-9021")
        }
        assert {r.footnote for r in found} == {None}
        kinds = Counter((r.measure, r.percentile) for r in found)
        assert set(kinds.values()) == {1}
        assert len(kinds) == 15  # 17 datatypes, less the two RSEs
        wages = cat.unpublished(occupation=REGISTRARS, area=LIMA, measure="annual_wage")
        assert sorted(r.percentile for r in wages if r.percentile) == [10, 25, 50, 75, 90]

    def test_national_industry(self, cat: mc.Catalog) -> None:
        """An industry the nation has a cell of, but not of 29-2072: what national industries print.

        National industry cells print no jobs per 1,000 and no location quotient.
        """
        query = {"occupation": "29-2072", "area": "US", "industry": "11"}
        found = cat.unpublished(**query)
        assert cat.stats(**query) == ()
        assert {(r.reason, r.area, r.industry) for r in found} == {
            (mc.UnpublishedReason.NO_ESTIMATE, "0000000", "11")
        }
        kinds = Counter((r.measure, r.percentile) for r in found)
        assert set(kinds.values()) == {1}
        assert len(kinds) == 13
        measures = {r.measure for r in found}
        assert mc.Measure.EMPLOYMENT in measures
        assert not measures & {mc.Measure.EMPLOYMENT_PER_1000_JOBS, mc.Measure.LOCATION_QUOTIENT}

    def test_every_area(self, cat: mc.Catalog) -> None:
        """With no area asked, every area's records: Lima's, and the national industries'."""
        every = set(cat.unpublished(occupation=REGISTRARS))
        lima = set(cat.unpublished(occupation=REGISTRARS, area=LIMA))
        industries = set(cat.unpublished(occupation=REGISTRARS, area="US"))
        assert lima
        assert industries
        assert lima | industries <= every

    def test_no_national_cell(self, data_copy: Path) -> None:
        """An occupation without the nation's all-industries cell: one record per figure there."""
        edit_table(
            data_copy, "oews.sqlite", "DELETE FROM cell WHERE key = 'OEUN0000000000000299021'"
        )
        found = mc.load(data_copy).unpublished(occupation=REGISTRARS, area="US", industry=None)
        assert {(r.reason, r.area, r.industry) for r in found} == {
            (mc.UnpublishedReason.NO_ESTIMATE, "0000000", None)
        }
        kinds = Counter((r.measure, r.percentile) for r in found)
        assert set(kinds.values()) == {1}
        assert len(kinds) == 15

    def test_no_footnote(self, cat: mc.Catalog) -> None:
        """No estimate has no footnote and no footnote code."""
        found = cat.unpublished(occupation=REGISTRARS, area=LIMA)
        assert found
        assert {(r.footnote, r.footnote_code) for r in found} == {(None, None)}

    def test_words_of_no_code_refused(self, data_copy: Path) -> None:
        """A file with footnote words under no code (NULL) is refused as it opens.

        Its schema forbids that; a file whose footnote table lost the
        constraint would otherwise give those words to every figure of no
        footnote.
        """
        for statement in (
            "CREATE TABLE loose (code TEXT, text TEXT)",  # the code may be NULL here
            "INSERT INTO loose SELECT code, text FROM footnote",
            "DROP TABLE footnote",
            "ALTER TABLE loose RENAME TO footnote",
            "INSERT INTO footnote VALUES (NULL, 'Words of no code.')",
        ):
            edit_table(data_copy, "oews.sqlite", statement)
        with pytest.raises(mc.DataError, match=r"oews\.sqlite: footnote: None is not text"):
            mc.load(data_copy)

    def test_national_files_have_every_occupation(self, cat: mc.Catalog) -> None:
        """May 2019 to May 2024 hold a cell of each of the six: nothing is missing there."""
        for year in range(2019, 2025):
            assert cat.unpublished(source=f"oews-{year}-05") == ()


class TestWithheld:
    """A value BLS prints as not released is withheld, with the footnote's own words."""

    def test_footnote_8(self, cat: mc.Catalog) -> None:
        """Billing clerks' mean annual wage in Lafayette, LA: footnote 8, not released."""
        (record,) = cat.unpublished(
            occupation="43-3021", area=LAFAYETTE, measure="annual_mean_wage"
        )
        assert cat.stats(occupation="43-3021", area=LAFAYETTE, measure="annual_mean_wage") == ()
        assert record.reason is mc.UnpublishedReason.WITHHELD
        assert (record.footnote, record.footnote_code) == ("Estimate not released.", "8")
        assert (record.industry, record.percentile) == (None, None)

    def test_counts(self, cat: mc.Catalog) -> None:
        """The release's records by reason: 320 withheld figures, the rest no estimate."""
        counts = Counter(r.reason for r in cat.unpublished())
        assert counts[mc.UnpublishedReason.WITHHELD] == 320
        assert counts[mc.UnpublishedReason.NOT_APPLICABLE] == 0
        assert counts[mc.UnpublishedReason.NO_ESTIMATE] > 10_000

    def test_not_applicable(self, data_copy: Path) -> None:
        """'-' with footnote 4 (paid the other way) is not applicable, with footnote 4's words."""
        edit_table(
            data_copy,
            "oews.sqlite",
            "UPDATE cell SET v08 = '-', f08 = '4' WHERE key = ?",
            CA_CODERS,
        )
        cat = mc.load(data_copy)
        query = {"occupation": "29-2072", "area": "CA", "measure": "hourly_wage", "percentile": 50}
        assert cat.stats(**query) == ()  # type: ignore[arg-type]
        (record,) = cat.unpublished(**query)  # type: ignore[arg-type]
        assert record.reason is mc.UnpublishedReason.NOT_APPLICABLE
        assert record.footnote_code == "4"
        assert record.footnote is not None
        assert record.footnote.startswith("Wages for some occupations that do not generally work")

    @pytest.mark.parametrize(
        ("column", "marker", "measure"), [("v13", "*", "annual_wage"), ("v01", "**", "employment")]
    )
    def test_national_markers(
        self, data_copy: Path, column: str, marker: str, measure: str
    ) -> None:
        """A national file's '*' or '**' is withheld; the file's words for it are the footnote."""
        edit_table(
            data_copy,
            "oews-2024-05.sqlite",
            f"UPDATE cell SET {column} = ? WHERE soc = '292072'",  # noqa: S608 - a fixed column
            marker,
        )
        cat = mc.load(data_copy)
        found = cat.unpublished(source="oews-2024-05")
        assert [(r.measure.value, r.footnote_code, r.reason) for r in found] == [
            (measure, marker, mc.UnpublishedReason.WITHHELD)
        ]
        assert found[0].footnote is not None
        assert found[0].footnote.startswith(f"{marker} = indicates that")


class TestTopCoded:
    """A top-coded value is published, as a lower bound: it is never an unpublished figure."""

    @pytest.mark.parametrize(("value", "footnote"), [("#", None), ("-", "5")])
    def test_at_least(self, data_copy: Path, value: str, footnote: str | None) -> None:
        """'#', or '-' with footnote 5, is at least the top code, and nothing is missing."""
        edit_table(
            data_copy,
            "oews.sqlite",
            "UPDATE cell SET v15 = ?, f15 = ? WHERE key = ?",
            value,
            footnote,
            CA_CODERS,
        )
        cat = mc.load(data_copy)
        query = {"occupation": "29-2072", "area": "CA", "measure": "annual_wage", "percentile": 90}
        (stat,) = cat.stats(industry=None, **query)  # type: ignore[arg-type]
        assert (stat.value, stat.bound) == (Decimal(239200), mc.Bound.AT_LEAST)
        assert cat.unpublished(**query) == ()  # type: ignore[arg-type]


class TestFilters:
    """The filters read as `stats` reads them, and select records as they would statistics."""

    def test_coverage(self, cat: mc.Catalog) -> None:
        """OEWS counts wage and salary jobs: coverage selects employment only, None none of it."""
        lima = {"occupation": REGISTRARS, "area": LIMA}
        jobs = cat.unpublished(coverage="wage_and_salary", **lima)
        assert {r.measure for r in jobs} == {mc.Measure.EMPLOYMENT}
        assert cat.unpublished(coverage="all_jobs", **lima) == ()
        others = cat.unpublished(coverage=None, **lima)
        assert mc.Measure.EMPLOYMENT not in {r.measure for r in others}
        assert len(jobs) + len(others) == len(cat.unpublished(**lima))

    def test_qualifiers_tables_never_have(self, cat: mc.Catalog) -> None:
        """A setting, experience or accreditor selects nothing a table lists."""
        assert cat.unpublished(setting="hospitals") == ()
        assert cat.unpublished(occupation=REGISTRARS, area=LIMA, definition="29-2072") == ()

    @pytest.mark.parametrize(
        ("name", "value", "keeps"),
        [
            ("percentile", 50, lambda r: r.percentile == 50),
            ("percentile", None, lambda r: r.percentile is None),
            ("measure", "annual_wage", lambda r: r.measure is mc.Measure.ANNUAL_WAGE),
            ("definition", "29-9021", lambda r: r.definition == "29-9021"),
            ("source", "oews-2025-05", lambda r: r.source == "oews-2025-05"),
            ("period", "2025", lambda r: r.period.start_year == 2025),
            ("setting", None, lambda _: True),
            ("experience", "1 to 4 years", lambda _: False),
            ("experience", None, lambda _: True),
            ("accreditor", "cahiim", lambda _: False),
            ("accreditor", None, lambda _: True),
        ],
        ids=str,
    )
    def test_each_filter(
        self, cat: mc.Catalog, name: str, value: object, keeps: Callable[[mc.Unpublished], bool]
    ) -> None:
        """Each filter keeps exactly the records holding its value, as it would statistics."""
        lima = {"occupation": REGISTRARS, "area": LIMA}
        expected = tuple(r for r in cat.unpublished(**lima) if keeps(r))
        assert cat.unpublished(**lima, **{name: value}) == expected  # type: ignore[arg-type]
        assert bool(expected) == (name not in {"experience", "accreditor"} or value is None)

    def test_industry(self, cat: mc.Catalog) -> None:
        """An industry keeps that industry's records only."""
        every = cat.unpublished(occupation="29-2072")
        industry = next(r.industry for r in every if r.industry is not None)
        found = cat.unpublished(occupation="29-2072", industry=industry)
        assert found
        assert found == tuple(r for r in every if r.industry == industry)

    @pytest.mark.parametrize(
        "kwargs",
        [{"occupation": "astronaut"}, {"area": "Atlantis"}, {"measure": "salry"}],
    )
    def test_bad_filters(self, cat: mc.Catalog, kwargs: dict[str, object]) -> None:
        """A filter naming nothing is NotFound, as in stats()."""
        with pytest.raises(mc.NotFound):
            cat.unpublished(**kwargs)  # type: ignore[arg-type]

    def test_none_where_none_is_refused(self, cat: mc.Catalog) -> None:
        """None for a filter with no "absent" value is an ArgumentError, as in stats()."""
        with pytest.raises(mc.ArgumentError):
            cat.unpublished(area=None)  # type: ignore[arg-type]


_AREAS = st.sampled_from(["US", "CA", "TX", "Lima, OH", "0029180", "Akron, OH", "0030620"])
_OCCUPATIONS = st.sampled_from(["29-2072", "29-9021", "11-9111", "31-9094", "43-3021", "43-6013"])


class TestProperties:
    """Published and unpublished never overlap, and together they are the release."""

    @settings(max_examples=20)
    @given(occupation=_OCCUPATIONS, area=_AREAS)
    def test_complement(self, occupation: str, area: str) -> None:
        """In an area May 2025 covers, each figure of the release is published or says why not."""
        cat = mc.catalog()
        query = {"occupation": occupation, "area": area, "source": "oews-2025-05", "industry": None}
        published = {(s.measure, s.percentile) for s in cat.stats(**query)}  # type: ignore[arg-type]
        missing = {(r.measure, r.percentile) for r in cat.unpublished(**query)}  # type: ignore[arg-type]
        assert not published & missing
        # The nation has no jobs per 1,000 or location quotient: they compare an area to it.
        assert len(published | missing) == (13 if area == "US" else 15)

    def test_records(self, cat: mc.Catalog) -> None:
        """Records are ordered, hashable, and compare and round-trip like the others."""
        found = cat.unpublished(occupation=REGISTRARS, area=LIMA)
        assert list(found) == sorted(found)
        assert len(set(found)) == len(found)
        record = found[0]
        from medcoder_careers._data.codec import make_converter  # noqa: PLC0415

        converter = make_converter()
        assert converter.structure(converter.unstructure(record), mc.Unpublished) == record

    @given(record=strategies.unpublished(), words=strategies.names)
    def test_footnote_words_do_not_order(self, record: mc.Unpublished, words: str) -> None:
        """A record's order is what it is about, never the footnote's words; equality is all."""
        other = attrs.evolve(record, footnote=words, footnote_code=record.footnote_code or "8")
        assert not record < other
        assert not other < record
        assert (record == other) == (
            (record.footnote, record.footnote_code) == (other.footnote, other.footnote_code)
        )

    @given(record=strategies.unpublished(), area=st.sampled_from(["CA", "060000", "06000000", ""]))
    def test_area_is_seven_digits(self, record: mc.Unpublished, area: str) -> None:
        """An area that is not an OEWS area code is refused, naming the field."""
        with pytest.raises(mc.MedcoderError, match="area"):
            attrs.evolve(record, area=area)
