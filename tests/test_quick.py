"""`quick_facts`: every figure is the whole occupation's, whatever else the data holds."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Final

import attrs
import pytest

import medcoder_careers as mc
from medcoder_careers._data.codec import make_converter
from medcoder_careers._quick import _newest

NATION: Final = "0000000"
PAY: Final = ("median_annual_pay", "median_hourly_pay")
LOCAL: Final = (*PAY, "employment")
"""The items that are the area's own; the rest come from the nation."""
PROJECTION: Final = ("projected_change", "projection_base", "annual_openings")
"""The items read from the projection's own source and period."""
FIGURES: Final = (*LOCAL, "projected_change_percent", *PROJECTION)
TWIN_SOURCE: Final = "zz-industry-file"
PARTS: Final[dict[str, Any]] = {
    "industry": "6221",
    "setting": "hospitals",
    "experience": "1 to 4 years",
}
"""A value the packaged data knows for each qualifier that makes a figure a part's.

(The fourth, ``accreditor``, applies to counts of programs only: no quick
fact can have one.)
"""


def _areas(cat: mc.Catalog) -> list[str]:
    """The nation, every state, and every tenth other area: a sample of every kind."""
    others = sorted(a.id for a in cat.areas.values() if a.kind not in {"national", "state"})
    states = sorted(a.id for a in cat.areas.values() if a.kind == "state")
    return [NATION, *states, *others[::10]]


def _figures(facts: Any) -> dict[str, mc.Statistic]:
    """The figures *facts* holds, by item name."""
    return {name: getattr(facts, name) for name in FIGURES if getattr(facts, name) is not None}


CONVERTER: Final = make_converter()


def _write_statistics(data: Path, change: Callable[[list[Any]], list[Any]]) -> None:
    """Rewrite the rows of the copy's statistics.json through *change*."""
    path = data / "statistics.json"
    rows = json.loads(path.read_text(encoding="utf-8"))["statistics"]
    path.write_text(json.dumps({"statistics": change(rows)}), encoding="utf-8")


def _add_twin_source(data: Path) -> None:
    """Add a statistical file dated 2099 to the copy's sources: it outranks every other."""
    path = data / "sources.json"
    sources = json.loads(path.read_text(encoding="utf-8"))["sources"]
    (oews,) = (s for s in sources if s["id"] == "oews-2025-05")
    sources.append(oews | {"id": TWIN_SOURCE, "as_of": "2099-01-01"})
    path.write_text(json.dumps({"sources": sources}), encoding="utf-8")


def _originals(expected: dict[Any, Any]) -> Iterable[mc.Statistic]:
    for facts in expected.values():
        yield from _figures(facts).values()


class TestWholeOccupation:
    """Every quick-facts figure counts the whole occupation: no industry, setting or other part."""

    @pytest.mark.parametrize("occupation", sorted(mc.catalog().occupations))
    def test_packaged(self, cat: mc.Catalog, occupation: str) -> None:
        """For every occupation and a sample of areas, each figure has no qualifier but its own."""
        seen = 0
        for area in _areas(cat):
            facts = cat.quick_facts(occupation, area=area)
            for name, stat in _figures(facts).items():
                seen += 1
                assert stat.industry is None, (area, name)
                assert stat.setting is None, (area, name)
                assert stat.experience is None, (area, name)
                assert stat.accreditor is None, (area, name)
                assert stat.percentile == (50 if name in PAY else None), (area, name)
                assert stat.area == (area if name in LOCAL else NATION), (area, name)
        assert seen

    @pytest.mark.parametrize("part", sorted(PARTS))
    def test_a_greater_part_never_wins(self, data_copy: Path, part: str) -> None:
        """An industry's (a setting's, ...) figure of the same period from a higher source loses."""
        cat = mc.catalog()
        areas = [NATION, "0600000"]
        expected = {
            (o, a): cat.quick_facts(o, area=a) for o in sorted(cat.occupations) for a in areas
        }
        twins = {
            attrs.evolve(
                stat,
                source=TWIN_SOURCE,
                value=stat.value + 1,
                citation=attrs.evolve(stat.citation, source=TWIN_SOURCE),
                **{part: PARTS[part]},
            )
            for facts in expected.values()
            for name, stat in _figures(facts).items()
            if name not in PROJECTION  # the projection's own source: see the next test
        }
        assert len(twins) >= len(cat.occupations) * 7  # 3 figures in 2 areas, one outlook
        _add_twin_source(data_copy)
        _write_statistics(data_copy, lambda rows: rows + [CONVERTER.unstructure(t) for t in twins])
        changed = mc.load(data_copy)
        rank = changed._query.rank()
        assert all(rank[TWIN_SOURCE] > rank[t.source] for t in _originals(expected))
        assert len(changed.stats(source=TWIN_SOURCE, **{part: PARTS[part]})) == len(twins)
        for (occupation, area), facts in expected.items():
            found = changed.quick_facts(occupation, area=area)
            assert _figures(found) == _figures(facts), (occupation, area)

    @pytest.mark.parametrize("part", sorted(PARTS))
    def test_projection_of_a_part_is_not_taken(self, data_copy: Path, part: str) -> None:
        """Without the whole occupation's projection, an industry's (...) of its source is not."""
        cat = mc.catalog()
        packaged = {o: cat.quick_facts(o) for o in sorted(cat.occupations)}
        wanted = {
            (o, name): getattr(facts, name)
            for o, facts in packaged.items()
            for name in PROJECTION
            if getattr(facts, name) is not None
        }
        assert wanted
        replaced = set(wanted.values())

        def swap(rows: list[Any]) -> list[Any]:
            kept = [r for r in rows if CONVERTER.structure(r, mc.Statistic) not in replaced]
            assert len(kept) == len(rows) - len(wanted)
            return kept + [
                CONVERTER.unstructure(attrs.evolve(s, **{part: PARTS[part]}))
                for s in wanted.values()
            ]

        _write_statistics(data_copy, swap)
        changed = mc.load(data_copy)
        for occupation, facts in packaged.items():
            found = changed.quick_facts(occupation)
            assert found.projected_change_percent == facts.projected_change_percent
            for name in PROJECTION:
                assert getattr(found, name) is None, (occupation, name)


CODER: Final = "medical-records-and-health-information-technicians"


def _moved(stat: mc.Statistic, source: str, period: str | None = None) -> mc.Statistic:
    """*stat* as given by *source* (its citation too), for *period* if given."""
    changes: dict[str, Any] = {
        "source": source,
        "citation": attrs.evolve(stat.citation, source=source),
    }
    if period is not None:
        changes["period"] = mc.Period.parse(period)
    return attrs.evolve(stat, **changes)


class TestNewest:
    """What `quick_facts` keeps: the latest period, then the best-ranked source, then its name."""

    def _pay(self, cat: mc.Catalog) -> mc.Statistic:
        """The packaged median annual pay of the coder, the nation's."""
        pay = cat.quick_facts(CODER).median_annual_pay
        assert pay is not None
        return pay

    def test_latest_period_over_rank(self, cat: mc.Catalog) -> None:
        """A later period wins over a better-ranked source of an earlier one."""
        pay = self._pay(cat)
        newer, older = _moved(pay, "aaa"), _moved(pay, "zzz", "2024-05")
        rank = {"zzz": (True, 2099), "aaa": (False, 0)}
        assert _newest([older, newer], rank) is newer
        assert _newest([newer, older], rank) is newer

    def test_rank_breaks_a_tie(self, cat: mc.Catalog) -> None:
        """Of one period, the statistical file wins, then the later year: not the source's name."""
        pay = self._pay(cat)
        first, last = _moved(pay, "aaa"), _moved(pay, "zzz")
        assert _newest([first, last], {"aaa": (True, 2020), "zzz": (False, 2030)}) is first
        assert _newest([last, first], {"aaa": (False, 2030), "zzz": (False, 2020)}) is first

    def test_unranked_source_ranks_lowest(self, cat: mc.Catalog) -> None:
        """A source the ranking lacks stands as (False, 0): the source's name breaks that tie."""
        pay = self._pay(cat)
        ranked, unranked = _moved(pay, "zzz"), _moved(pay, "aaa")
        assert _newest([unranked, ranked], {"zzz": (False, 0)}) is ranked
        assert _newest([ranked, unranked], {"zzz": (False, 1)}) is ranked

    def test_no_period_ranks_last(self, cat: mc.Catalog) -> None:
        """A fact with no period loses to any dated one, whatever its source's rank."""
        fact = cat.quick_facts(CODER).entry_level_education
        assert fact is not None
        undated = attrs.evolve(fact, period=None)
        assert _newest([undated, fact], {undated.source: (True, 2099)}) is fact
        assert _newest([undated], {}) is undated
        assert _newest([], {}) is None


def _write_facts(data: Path, change: Callable[[list[Any]], list[Any]]) -> None:
    """Rewrite the rows of the copy's facts.json through *change*."""
    path = data / "facts.json"
    rows = json.loads(path.read_text(encoding="utf-8"))["facts"]
    path.write_text(json.dumps({"facts": change(rows)}), encoding="utf-8")


class TestOwnItems:
    """Each item is its own measure or topic, of the projection's source, period and nation."""

    def test_facts_of_their_topic(self, data_copy: Path) -> None:
        """A newer fact of another topic is no item's: each keeps the fact of its own topic."""
        cat = mc.catalog()
        expected = cat.quick_facts(CODER)
        assert expected.entry_level_education is not None
        newer = attrs.evolve(
            expected.entry_level_education,
            topic=mc.FactTopic.CERTIFICATION,
            period=mc.Period.year(2030),
        )
        _write_facts(data_copy, lambda rows: [*rows, CONVERTER.unstructure(newer)])
        found = mc.load(data_copy).quick_facts(CODER)
        for name, topic in (
            ("entry_level_education", mc.FactTopic.ENTRY_LEVEL_EDUCATION),
            ("work_experience", mc.FactTopic.WORK_EXPERIENCE),
            ("on_the_job_training", mc.FactTopic.ON_THE_JOB_TRAINING),
        ):
            fact = getattr(found, name)
            assert fact == getattr(expected, name), name
            assert fact.topic is topic, name

    def test_projection_source_period_and_nation(self, data_copy: Path) -> None:
        """Openings of another period or source are not taken; nor a state's projected change."""
        cat = mc.catalog()
        expected = cat.quick_facts(CODER)
        change, openings = expected.projected_change, expected.annual_openings
        assert change is not None
        assert openings is not None
        decoys = [
            _moved(openings, openings.source, "2025/2035"),  # the same source, a later period
            _moved(openings, TWIN_SOURCE),  # the same period, a source that outranks it
            attrs.evolve(change, area="0600000"),  # the state's figure, the nation's gone
        ]

        def swap(rows: list[Any]) -> list[Any]:
            kept = [r for r in rows if CONVERTER.structure(r, mc.Statistic) != change]
            assert len(kept) == len(rows) - 1
            return kept + [CONVERTER.unstructure(s) for s in decoys]

        _add_twin_source(data_copy)
        _write_statistics(data_copy, swap)
        found = mc.load(data_copy).quick_facts(CODER)
        assert found.projected_change_percent == expected.projected_change_percent
        assert found.annual_openings == openings
        assert found.projection_base == expected.projection_base
        assert found.projected_change is None
