# ruff: noqa: INP001 - a script run by path, not a package
"""Print the figures of the lazy store against their targets (issue 13).

Run from the repository root::

    python benchmarks/store.py                 # the packaged data
    python benchmarks/store.py --scale DIR     # also a data directory built by
                                               # tools/build_data.py --all --out DIR

Start-up figures are ratios to the yardstick ``import attrs, cattrs, json``,
timed in fresh interpreters taken turn about with the yardstick (these
machines are noisy; a ratio of interleaved medians is steadier than two
absolute numbers). Nothing here is a test: a target missed prints MISSED.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import timeit
from collections.abc import Callable
from pathlib import Path

RUNS = 15
ROOT = Path(__file__).resolve().parents[1]
YARDSTICK = "import attrs, cattrs, json"
QUERY = (
    "c.stats(occupation='29-2072', measure='annual_wage', percentile=50, area='CA',"
    " industry=None, period='2025-05', definition='29-2072')"
)
_TIMED = "import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
_PEAK = (
    "import resource, sys; {code}; "
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 2**20)"
)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # time imports with bytecode caches
    return env


def _run(code: str, template: str = _TIMED) -> float:
    command = [sys.executable, "-c", template.format(code=code)]
    done = subprocess.run(command, check=True, env=_env(), capture_output=True, text=True)
    return float(done.stdout.split()[-1])


def ratio(code: str) -> tuple[float, float]:
    """Return the median times (ms) of *code* and of the yardstick, runs interleaved."""
    _run(code)
    _run(YARDSTICK)  # warm the caches
    ours, theirs = [], []
    for _ in range(RUNS):
        ours.append(_run(code))
        theirs.append(_run(YARDSTICK))
    return statistics.median(ours) * 1e3, statistics.median(theirs) * 1e3


def median_us(call: Callable[[], object]) -> float:
    """Return the median time of one call, in microseconds."""
    timer = timeit.Timer(call)
    number, _ = timer.autorange()
    return statistics.median(timer.repeat(repeat=RUNS, number=number)) / number * 1e6


def verdict(value: float, target: float) -> str:
    """Say whether *value* is within *target*."""
    return f"target <= {target:g}: " + ("met" if value <= target else "MISSED")


def wheel_kb() -> float:
    """Build the wheel and return its size in kB."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", tmp, str(ROOT)],
            check=True,
        )
        return next(Path(tmp).glob("*.whl")).stat().st_size / 1000


def packaged() -> None:
    """Print the packaged data's figures."""
    print(f"-- packaged data (medians of {RUNS} fresh interpreters, interleaved)")
    for label, code, target in [
        ("import + catalog()", "import medcoder_careers as m; m.catalog()", 1.3),
        (
            "import + catalog() + first stats(area='CA', ...)",
            f"import medcoder_careers as m; c = m.catalog(); {QUERY}",
            1.8,
        ),
    ]:
        ours, yardstick = ratio(code)
        share = ours / yardstick
        print(
            f"{share:8.2f}x  {label}: {ours:.1f} ms vs yardstick {yardstick:.1f} ms  "
            f"{verdict(share, target)}"
        )
    import medcoder_careers as mc  # noqa: PLC0415 - after the start-up runs

    cat = mc.catalog()
    query = eval(f"lambda c: {QUERY}")  # noqa: S307 - our own fixed text, compiled once
    steady = median_us(lambda: query(cat))
    print(f"{steady:8.2f}us steady stats() with five filters and more  {verdict(steady, 20)}")
    for key in ("CA", "Akron, OH", "10420", "0600000"):
        took = median_us(lambda key=key: cat.area(key))
        print(f"{took:8.2f}us cat.area({key!r})  {verdict(took, 2)}")
    peak = _run(f"import medcoder_careers as m; c = m.catalog(); {QUERY}", _PEAK)
    print(f"{peak:8.1f}MiB peak RSS after the first area query")
    peak = _run("import medcoder_careers as m; len(m.catalog().statistics)", _PEAK)
    print(f"{peak:8.1f}MiB peak RSS with every statistic built")
    size = wheel_kb()
    print(f"{size:8.1f}kB wheel  {verdict(size, 400)}")


_SCALE = """
import json, resource, sys, time, timeit
t = time.perf_counter()
import medcoder_careers as m
c = m.load(sys.argv[1])
loaded = time.perf_counter() - t
t = time.perf_counter()
found = c.stats(occupation=sys.argv[2], area="CA", measure="annual_wage", percentile=50,
                industry=None)
first = time.perf_counter() - t
timer = timeit.Timer(lambda: c.stats(occupation=sys.argv[2], area="CA",
                                     measure="annual_wage", percentile=50, industry=None))
number, _ = timer.autorange()
steady = min(timer.repeat(repeat=5, number=number)) / number
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 2**20
print(json.dumps([loaded, first, steady, peak, len(found), len(c.occupations)]))
"""


def scale(directory: str) -> None:
    """Print the figures of a directory holding every occupation of the snapshot."""
    print(f"\n-- scale run: {directory}")
    command = [sys.executable, "-c", _SCALE, directory, "Chief Executives"]
    done = subprocess.run(command, check=True, env=_env(), capture_output=True, text=True)
    loaded, first, steady, peak, found, occupations = json.loads(done.stdout)
    print(f"{occupations:8d}   occupations")
    print(f"{loaded:8.3f}s  mc.load(DIR)  {verdict(loaded, 1)}")
    print(
        f"{first:8.3f}s  first query, one occupation and state ({found} found)  "
        f"{verdict(first, 0.2)}"
    )
    print(f"{steady * 1e6:8.2f}us steady query  {verdict(steady * 1e6, 50)}")
    print(f"{peak:8.1f}MiB peak RSS  {verdict(peak, 1024)}")


def main() -> int:
    """Print every figure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", metavar="DIR", help="a directory from build_data.py --all")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}")
    packaged()
    if args.scale:
        scale(args.scale)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
