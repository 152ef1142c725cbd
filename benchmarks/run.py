# ruff: noqa: INP001 - a script run by path, not a package
"""Print the library's performance figures, as medians over repeated runs.

Run from the repository root: ``python benchmarks/run.py``.

1. Start-up, each in fresh interpreters: ``import attrs, cattrs, json`` (the
   yardstick), ``import medcoder_careers``, and the import plus the first
   (cold) ``catalog()``. Target (issue 8): import plus cold catalog at most
   1.3 times the yardstick.
2. In-process calls: lookups, search, stats, series, compare, inflate (see
   ``lookup.py`` for the lookup targets).
3. The size of the built wheel. Target: at most 200 kB.

The figures of issue 23 (distinct questions, every statistic, frames, search,
each beside a floor measured in the same run) are ``benchmarks/workloads.py``'s.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import lookup

import medcoder_careers as mc

STARTUP_RUNS = 21
ROOT = Path(__file__).resolve().parents[1]
_TIMED = "import time; t = time.perf_counter(); {code}; print(time.perf_counter() - t)"
STARTUP = {
    "yardstick: import attrs, cattrs, json": "import attrs, cattrs, json",
    "import medcoder_careers": "import medcoder_careers",
    "import medcoder_careers + first catalog()": ("import medcoder_careers as mc; mc.catalog()"),
}


def _env() -> dict[str, str]:
    # Time imports as an installed package runs them: with bytecode caches.
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def startup_ms(code: str) -> float:
    """Return the median wall time of *code* in fresh interpreters, in ms."""
    command = [sys.executable, "-c", _TIMED.format(code=code)]
    subprocess.run(command, check=True, env=_env(), capture_output=True)  # warm caches
    runs = [
        float(subprocess.run(command, check=True, env=_env(), capture_output=True).stdout)
        for _ in range(STARTUP_RUNS)
    ]
    return statistics.median(runs) * 1e3


def wheel_bytes() -> int:
    """Build the wheel and return its size."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", tmp, str(ROOT)],
            check=True,
        )
        return next(Path(tmp).glob("*.whl")).stat().st_size


def main() -> int:
    """Print every figure."""
    print(f"python {sys.version.split()[0]}, medcoder-careers {mc.__version__}")
    print(f"\n-- start-up (median of {STARTUP_RUNS} fresh interpreters, ms)")
    figures = {label: startup_ms(code) for label, code in STARTUP.items()}
    for label, took in figures.items():
        print(f"{took:10.1f}  {label}")
    yardstick, cold = figures[next(iter(STARTUP))], figures[list(STARTUP)[-1]]
    ratio = cold / yardstick
    verdict = "met" if ratio <= 1.3 else "MISSED"  # noqa: PLR2004 - the issue's target
    print(f"{ratio:10.2f}  import + cold catalog / yardstick  target <= 1.3: {verdict}")

    print("\n-- calls (median, microseconds per call)")
    lookup.main(header=False)
    cat = mc.catalog()
    old = cat.stats(edition="2006-07", measure="annual_wage", percentile=50)[0]
    new = cat.stats(source="article-medical-information-coder", measure="annual_wage")[0]
    for label, call in [
        ("compare(2004 median, May 2018 median)", lambda: mc.compare(old, new)),
        ("compare(..., real=True)", lambda: mc.compare(old, new, real=True)),
        ("inflate(100, '2004', '2018')", lambda: mc.inflate(100, "2004", "2018")),
    ]:
        print(f"{lookup.median_us(call):10.3f}  {label}")

    size = wheel_bytes()
    verdict = "met" if size <= 200_000 else "MISSED"  # noqa: PLR2004 - the issue's target
    print(f"\n-- wheel\n{size / 1000:10.1f}  kB  target <= 200: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
