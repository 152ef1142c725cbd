# ruff: noqa: INP001 - a script run by path, not a package
"""Print medians of lookup, search and stats() timings (microseconds per call).

Run from the repository root: ``python benchmarks/lookup.py``. Targets (issue 5,
on a 2-core machine): exact lookup <= 1 us, variant lookup <= 5 us, search
<= 100 us, stats() with three filters <= 20 us. The yardstick line times
``sum(range(1000))``, so numbers from machines of different speed can be
compared (about 8 us on a current desktop core).
"""

from __future__ import annotations

import statistics
import sys
import timeit
from collections.abc import Callable

import medcoder_careers as mc

REPEATS = 15
QUERY_LENGTH = 20
TARGET_SECONDS = 0.05


def median_us(call: Callable[[], object]) -> float:
    """Return the median over REPEATS runs of one call's time, in microseconds."""
    timer = timeit.Timer(call)
    number, _ = timer.autorange()
    number = max(1, int(number * TARGET_SECONDS / 0.2))
    runs = timer.repeat(repeat=REPEATS, number=number)
    return statistics.median(runs) / number * 1e6


def _miss(cat: mc.Catalog) -> None:
    try:
        cat.occupation("medcal codr")
    except mc.NotFound:
        pass
    else:
        raise AssertionError


def main(*, header: bool = True) -> int:
    """Time each case and print one line per case."""
    cat = mc.catalog()
    query = "medical recrds techn"  # 20 characters, two typos
    assert len(query) == QUERY_LENGTH
    assert cat.search(query)[0].id == "medical-records-and-health-information-technicians"
    cases: list[tuple[str, Callable[[], object], float | None]] = [
        ("yardstick: sum(range(1000))", lambda: sum(range(1000)), None),
        ("exact-key lookup  credential('RHIT')", lambda: cat.credential("RHIT"), 1.0),
        ("exact-key lookup  occupation('29-2071')", lambda: cat.occupation("29-2071"), 1.0),
        (
            "variant lookup    occupation('  medical   CODERS. ')",
            lambda: cat.occupation("  medical   CODERS. "),
            5.0,
        ),
        (
            "variant lookup    organization('O.NET online')",
            lambda: cat.organization("O.NET online"),
            5.0,
        ),
        ("miss + suggestions occupation('medcal codr')", lambda: _miss(cat), None),
        (f"search            search({query!r})", lambda: cat.search(query), 100.0),
        (
            "stats, 3 filters  stats(occupation=, measure=, edition=)",
            lambda: cat.stats(occupation="29-2071", measure="annual_wage", edition="2010-11"),
            20.0,
        ),
        (
            "series            series('medical coder', 'annual wage')",
            lambda: cat.series("medical coder", "annual wage"),
            None,
        ),
    ]
    if header:
        print(f"python {sys.version.split()[0]}, median of {REPEATS} runs, microseconds per call")
    for label, call, target in cases:
        took = median_us(call)
        verdict = (
            ""
            if target is None
            else f"  target <= {target:g}: " + ("met" if took <= target else "MISSED")
        )
        print(f"{took:10.3f}  {label}{verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
