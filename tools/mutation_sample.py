"""Run mutmut on some modules against their own test files, in a scratch copy.

``python tools/mutation_sample.py`` (what CI runs, a few minutes) mutates the
fixed sample ``SAMPLE``; ``python tools/mutation_sample.py _names _compare``
mutates those modules; ``--all`` every module of ``MODULES`` (each with the
test files that exercise it, much faster than ``mutmut run`` over the whole
suite, which docs/contributing.md describes). A mutant that survives fails the
run unless ``tests/mutation-equivalents.txt`` lists its name as equivalent.
Set ``MUTATION_WORKDIR`` to keep the scratch copy (then ``mutmut show NAME``
there shows a mutant).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODULES = {
    "_names": ["tests/test_lookup.py", "tests/test_search.py"],
    "_period": ["tests/test_period.py"],
    "_compare": ["tests/test_compare.py"],
    "_data/reads": ["tests/test_manifest.py", "tests/test_bad_input.py"],
    "_data/manifest": ["tests/test_manifest.py", "tests/test_bad_input.py"],
    # _vocab is left out: its enums and tables are module-level data, and
    # units_for() is one subscript, which mutmut has no mutation for.
    "_search": ["tests/test_search.py", "tests/test_lookup.py"],
    "_series": ["tests/test_series.py"],
    "_inflation": ["tests/test_compare.py", "tests/test_bad_input.py"],
    "_query": [
        "tests/test_query.py",
        "tests/test_stats.py",
        "tests/test_percentile_text.py",
        "tests/test_catalog.py",
    ],
    "_data/table": ["tests/test_oews.py", "tests/test_table.py"],
    "_filters": ["tests/test_query.py"],
    "_data/store": ["tests/test_store.py", "tests/test_catalog.py"],
}
"""Each module mutated, with the test files that must kill its mutants."""
SAMPLE = ("_period", "_data/reads")
"""The modules CI mutates, a few minutes: each mutant of theirs is killed or listed equivalent."""
COPY = ("src", "tests", "tools", "docs", "sources", "README.md", "CHANGELOG.md", "pyproject.toml")
EQUIVALENTS = ROOT / "tests" / "mutation-equivalents.txt"
_MUTMUT = re.compile(r"^\[tool\.mutmut\]\n(?:(?!\n\[).)*", re.DOTALL | re.MULTILINE)


def _config(chosen: list[str]) -> str:
    modules = ", ".join(f'"src/medcoder_careers/{module}.py"' for module in chosen)
    tests = ", ".join(f'"{test}"' for test in sorted({t for m in chosen for t in MODULES[m]}))
    return (
        "[tool.mutmut]\n"
        'source_paths = ["src/"]\n'
        'also_copy = ["README.md", "CHANGELOG.md", "docs/", "tools/", "sources/"]\n'
        f"only_mutate = [{modules}]\n"
        'pytest_add_cli_args = ["-p", "no:cacheprovider"]\n'
        f"pytest_add_cli_args_test_selection = [{tests}]\n"
    )


def _equivalent_names() -> set[str]:
    """The mutant names tests/mutation-equivalents.txt lists (the second field of a line)."""
    names: set[str] = set()
    for line in EQUIVALENTS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            fields = [field.strip() for field in line.split("|")]
            if len(fields) > 1:
                names.add(fields[1])
    return names


def main(argv: list[str]) -> int:
    """Mutate the modules named in a scratch copy; print the results; 1 on a survivor."""
    chosen = list(MODULES) if argv == ["--all"] else argv or list(SAMPLE)
    unknown = sorted(set(chosen) - set(MODULES))
    if unknown:
        print(f"unknown modules {unknown}; choose from {sorted(MODULES)}")
        return 2
    keep = os.environ.get("MUTATION_WORKDIR")  # keep the scratch copy, for `mutmut show`
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(keep) if keep else Path(tmp)
        if keep:
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
        for name in COPY:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("_build"))
            else:
                shutil.copy2(source, work / name)
        pyproject = work / "pyproject.toml"
        text = pyproject.read_text(encoding="utf-8")
        pyproject.write_text(_MUTMUT.sub(_config(chosen), text, count=1), encoding="utf-8")
        mutmut = [sys.executable, "-m", "mutmut"]
        subprocess.run([*mutmut, "run", "--max-children", "2"], cwd=work, check=True)
        results = subprocess.run(
            [*mutmut, "results", "--all", "true"],
            cwd=work,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    statuses = [line.strip().rsplit(": ", 1) for line in results.splitlines() if ": " in line]
    counts: dict[str, int] = {}
    for _, status in statuses:
        counts[status] = counts.get(status, 0) + 1
    print("mutation sample:", ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    allowed = _equivalent_names()
    bad = [name for name, status in statuses if status != "killed" and name not in allowed]
    for name in bad:
        print(f"  not killed: {name}")
    return 1 if bad or not statuses else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
