"""Run mutmut on some modules against their own test files, in a scratch copy.

``python tools/mutation_sample.py`` (what CI runs) mutates one group of
`GROUPS`, picked from the commit being tested (`commit`, then `pick`) among the
groups whose modules are all `ready` (`SCORES`): each group takes at most
`BUDGET` minutes on two cores, and as commits come the picks go round every
ready module of the package (with no commit to pick by, the first ready group).
``--table`` prints the table of scores docs/contributing.md shows. ``python
tools/mutation_sample.py _names _compare`` mutates those modules; ``--all``
every module of `MODULES` (each with the test files that exercise it, much
faster than ``mutmut run`` over the whole suite, which docs/contributing.md
describes). A mutant that survives fails the run unless
``tests/mutation-equivalents.txt`` lists its name as equivalent; CI's sample
does not run the listed ones again (a module named here runs every mutant). Set
``MUTATION_WORKDIR`` to keep the scratch copy (then ``mutmut show NAME`` there
shows a mutant).
"""

from __future__ import annotations

import ast
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Final, NamedTuple

ROOT: Final = Path(__file__).resolve().parents[1]
PACKAGE: Final = ROOT / "src" / "medcoder_careers"

MODULES: Final[Mapping[str, tuple[str, ...]]] = {
    "__init__": ("tests/test_version.py", "tests/test_bad_input.py"),
    "__main__": ("tests/test_cli.py",),
    "_catalog": (
        "tests/test_catalog.py",
        "tests/test_cli.py",
        "tests/test_compare.py",
        "tests/test_frame.py",
        "tests/test_fuzz_api.py",
        "tests/test_oews.py",
        "tests/test_bad_input.py",
        "tests/test_search.py",
    ),
    "_cli/__init__": ("tests/test_cli.py",),
    "_cli/app": ("tests/test_cli.py", "tests/test_cli_output.py"),
    "_cli/common": ("tests/test_cli.py",),
    "_cli/figures": ("tests/test_cli.py",),
    "_cli/files": ("tests/test_cli.py",),
    "_cli/records": ("tests/test_cli.py",),
    "_cli/render": (
        "tests/test_cli.py",
        "tests/test_render.py",
        "tests/test_render_tables.py",
    ),
    "_compare": ("tests/test_compare.py",),
    "_data/__init__": ("tests/test_load.py",),
    "_data/codec": ("tests/test_load.py", "tests/test_model.py", "tests/test_store.py"),
    "_data/datatypes": ("tests/test_query.py", "tests/test_table.py", "tests/test_trusted.py"),
    "_data/manifest": ("tests/test_manifest.py", "tests/test_bad_input.py"),
    "_data/reads": ("tests/test_manifest.py", "tests/test_bad_input.py"),
    "_data/store": ("tests/test_store.py", "tests/test_catalog.py", "tests/test_export.py"),
    "_data/strict": ("tests/test_load.py", "tests/test_fuzz_load.py", "tests/test_store.py"),
    "_data/table": (
        "tests/test_oews.py",
        "tests/test_table.py",
        "tests/test_unpublished.py",
        "tests/test_trusted.py",
        "tests/test_query.py",
        "tests/test_table_open.py",
    ),
    "_data/trusted": ("tests/test_catalog.py", "tests/test_load.py"),
    "_display": ("tests/test_display.py", "tests/test_render.py"),
    "_errors": ("tests/test_errors.py", "tests/test_bad_input.py"),
    "_export": (
        "tests/test_export.py",
        "tests/test_cli.py",
        "tests/test_fuzz_api.py",
        "tests/test_bad_input.py",
    ),
    "_filters": ("tests/test_query.py",),
    "_frame": ("tests/test_frame.py", "tests/test_bad_input.py"),
    "_inflation": ("tests/test_compare.py", "tests/test_bad_input.py"),
    "_model": (
        "tests/test_model.py",
        "tests/test_display.py",
        "tests/test_bad_input.py",
        "tests/test_query.py",
    ),
    "_names": ("tests/test_lookup.py", "tests/test_search.py", "tests/test_catalog.py"),
    "_period": ("tests/test_period.py",),
    "_query": (
        "tests/test_query.py",
        "tests/test_stats.py",
        "tests/test_percentile_text.py",
        "tests/test_catalog.py",
        "tests/test_unpublished.py",
        "tests/test_frame.py",
        "tests/test_quick.py",
    ),
    "_quick": ("tests/test_display.py", "tests/test_cli.py", "tests/test_quick.py"),
    "_search": ("tests/test_search.py", "tests/test_lookup.py"),
    "_series": ("tests/test_series.py", "tests/test_display.py"),
    "_topics": ("tests/test_search.py",),
    "_version": ("tests/test_version.py",),
    "_vocab": ("tests/test_vocab.py",),
}
"""Each module of the package (its path in it, without ``.py``), with the test files that
must kill its mutants. tests/test_mutation_config.py checks that every module is here."""

MINUTES: Final[Mapping[str, float]] = {
    "__init__": 0.7,
    "__main__": 0.0,
    "_catalog": 4.7,
    "_cli/__init__": 0.0,
    "_cli/app": 22.4,
    "_cli/common": 9.8,
    "_cli/figures": 7.3,
    "_cli/files": 5.0,
    "_cli/records": 6.1,
    "_cli/render": 6.7,
    "_compare": 9.0,
    "_data/__init__": 0.0,
    "_data/codec": 17.9,
    "_data/datatypes": 1.1,
    "_data/manifest": 1.9,
    "_data/reads": 5.1,
    "_data/store": 10.9,
    "_data/strict": 19.1,
    "_data/table": 37.2,
    "_data/trusted": 4.0,
    "_display": 2.2,
    "_errors": 3.6,
    "_export": 31.2,
    "_filters": 1.0,
    "_frame": 10.9,
    "_inflation": 5.1,
    "_model": 9.3,
    "_names": 14.4,
    "_period": 4.8,
    "_query": 29.8,
    "_quick": 16.1,
    "_search": 9.0,
    "_series": 4.6,
    "_topics": 2.4,
    "_version": 0.0,
    "_vocab": 0.0,
}
"""The wall minutes each module's run took on two cores (docs/contributing.md has the table).

Those of `SCORES` were measured while other runs shared the cores: upper bounds. A
module not measured yet has an estimate, one minute and one per hundred mutants."""

CAUGHT: Final = frozenset({"killed", "timeout", "segfault"})
"""The mutmut statuses of a mutant the tests caught: they failed, or never finished.

A mutant that loops for ever (``mask = lowest`` in a ``while mask`` loop) runs out
of time or, gathering what it yields, out of memory, when mutmut's process is
killed (mutmut says "segfault" for any signal): either way the tests did not pass."""

BUDGET: Final = 20.0
"""The minutes one CI run of a group may take: the sum of its modules' `MINUTES`."""

GROUPS: Final[tuple[tuple[str, ...], ...]] = (
    ("_period", "_compare", "_filters", "_data/datatypes", "_version", "_vocab", "__init__"),
    ("_names", "_topics"),
    ("_display", "_series", "_model"),
    ("_quick",),
    ("_inflation", "_errors", "_data/reads", "_data/manifest", "_data/__init__", "_data/trusted"),
    ("_data/codec",),
    ("_data/store",),
    ("_data/strict",),
    ("_data/table",),
    ("_query",),
    ("_export",),
    ("_search",),
    ("_frame",),
    ("_catalog",),
    ("_cli/common", "_cli/files", "_cli/__init__", "__main__"),
    ("_cli/app",),
    ("_cli/records",),
    ("_cli/figures",),
    ("_cli/render",),
)
"""The modules CI mutates together: every module in one group, each group within `BUDGET`
(a module that needs more runs alone). Related modules share a group, so that their test
files are read once."""

MEASURED_ON: Final = "2026-12-05"
"""The last day a run in `SCORES` was made (mutmut 3.8.1, two shared cores)."""

SCORES: Final[Mapping[str, tuple[int, int]]] = {
    "_catalog": (96, 96),
    "_cli/app": (150, 158),
    "_cli/common": (86, 89),
    "_cli/figures": (680, 702),
    "_cli/files": (92, 92),
    "_cli/records": (414, 421),
    "_cli/render": (1281, 1297),
    "__init__": (15, 15),
    "_compare": (317, 325),
    "_data/codec": (180, 191),
    "_data/datatypes": (0, 0),
    "_data/manifest": (138, 138),
    "_data/reads": (114, 121),
    "_data/store": (90, 92),
    "_data/strict": (725, 731),
    "_data/table": (1514, 1613),
    "_data/trusted": (160, 168),
    "_display": (143, 145),
    "_errors": (148, 150),
    "_export": (247, 260),
    "_filters": (4, 4),
    "_frame": (348, 379),
    "_inflation": (126, 126),
    "_model": (86, 88),
    "_names": (367, 377),
    "_period": (172, 172),
    "_query": (911, 949),
    "_quick": (214, 223),
    "_search": (491, 513),
    "_series": (237, 241),
    "_topics": (31, 31),
    "_vocab": (0, 0),
}
"""Each module's last measured run, on `MEASURED_ON`: mutants killed, and mutants.

Only modules with a function are listed (mutmut mutates function bodies). A
module is *ready* when the killed and the survivors listed in the equivalents
file for it add up to its mutants: CI picks only among groups of ready modules
(`ready_groups`), so a module not measured yet, or with a survivor nobody has
judged, cannot fail a submission by chance of its hash."""


COPY = ("src", "tests", "tools", "docs", "sources", "README.md", "CHANGELOG.md", "pyproject.toml")
EQUIVALENTS = ROOT / "tests" / "mutation-equivalents.txt"
_MUTMUT = re.compile(r"^\[tool\.mutmut\]\n(?:(?!\n\[).)*", re.DOTALL | re.MULTILINE)
_HASH = re.compile(r"[0-9a-f]{7,64}")


def pick(commit: str, groups: Sequence[tuple[str, ...]] = GROUPS) -> tuple[str, ...]:
    """Return the group of *groups* that the commit hash *commit* picks.

    The hash read as a number, modulo the number of groups: the same commit
    always picks the same group, and as hashes are uniform, successive
    commits pick every group in turn (each with the same chance).

    Raises:
        ValueError: *commit* is not a hexadecimal hash.
    """
    if not _HASH.fullmatch(commit):
        msg = f"not a commit hash: {commit!r}"
        raise ValueError(msg)
    return groups[int(commit, 16) % len(groups)]


class Equivalent(NamedTuple):
    """One line of tests/mutation-equivalents.txt: a surviving mutant judged equivalent.

    The file's lines read ``module.py:LINE | mutant name | the mutation | why``.
    """

    module: str
    """The module the mutant changes, as `MODULES` names it (``_data/table``)."""
    line: int
    """The line of the module the mutant changes (0 when the listing gives none)."""
    name: str
    """mutmut's name of the mutant (``medcoder_careers._data.table.x_f__mutmut_3``)."""
    mutation: str
    """What the mutant changes, in a few words."""
    reason: str
    """Why no test can tell the mutant from the original."""


_FIELD_BREAK: Final = re.compile(r"\s*(?<!\\)\|\s*")
"""What parts the fields of an equivalents line: a "|" not written "\\|"."""


def equivalents() -> list[Equivalent]:
    """Every line of the equivalents file, in order; comments and blank lines skipped.

    The one reader of the file: the sample, ``--listing`` and the tests read it through here.

    Raises:
        ValueError: a line has not four fields.
    """
    found: list[Equivalent] = []
    for text in EQUIVALENTS.read_text(encoding="utf-8").splitlines():
        if not text.strip() or text.startswith("#"):
            continue
        fields = [field.replace(r"\|", "|") for field in _FIELD_BREAK.split(text.strip())]
        if len(fields) != len(Equivalent._fields) - 1:  # the module and its line share the first
            msg = f"{EQUIVALENTS.name}: {len(fields)} fields, not 4 (a | in one is \\|): {text}"
            raise ValueError(msg)
        place, name, mutation, reason = fields
        module, _, number = place.rpartition(".py:")
        found.append(
            Equivalent(
                module=module or place,
                line=int(number) if number.isdigit() else 0,
                name=name,
                mutation=mutation,
                reason=reason,
            )
        )
    return found


def listed(module: str) -> int:
    """How many of *module*'s mutants tests/mutation-equivalents.txt lists as equivalent."""
    return sum(entry.module == module for entry in equivalents())


def ready(module: str) -> bool:
    """Whether *module*'s last run left no survivor but the equivalents listed for it.

    A module with no function is ready: it has nothing to mutate.
    """
    if not has_functions(module):
        return True
    if module not in SCORES:
        return False
    killed, mutants = SCORES[module]
    return killed + listed(module) == mutants


def ready_groups() -> tuple[tuple[str, ...], ...]:
    """The groups of `GROUPS` whose every module is `ready`: those CI picks from."""
    return tuple(group for group in GROUPS if all(ready(module) for module in group))


def table() -> str:
    """The Markdown table of `SCORES` that docs/contributing.md shows, one row per module."""
    rows = [
        "| Module | Killed / mutants | Score | Equivalent | Other survivors | Minutes |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for module in sorted(MODULES):
        name = f"`{module}`"
        if not has_functions(module):
            rows.append(f"| {name} | no function to mutate | | | | |")
        elif module not in SCORES:
            rows.append(f"| {name} | not measured yet | | | | |")
        else:
            killed, mutants = SCORES[module]
            equivalent = listed(module)
            score = f"{100 * killed / mutants:.1f} %" if mutants else "no mutants"
            others = mutants - killed - equivalent
            rows.append(
                f"| {name} | {killed} / {mutants} | {score} | {equivalent} | {others}"
                f" | {MINUTES[module]:.1f} |"
            )
    return "\n".join(rows)


def commit() -> tuple[str, str] | None:
    """Return the commit being tested and where it was read, or None when there is none.

    ``git rev-parse HEAD`` of the checkout this script is in, else the
    environment variable ``MUTATION_COMMIT`` (for a CI that tests an
    export without ``.git``).
    """
    try:
        top = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--show-toplevel", "HEAD"],  # noqa: S607 - git from PATH
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        top = []
    if len(top) == 2 and Path(top[0]).resolve() == ROOT:  # noqa: PLR2004 - the two lines asked for
        return top[1].lower(), "git rev-parse HEAD"
    given = os.environ.get("MUTATION_COMMIT", "").strip().lower()
    return (given, "MUTATION_COMMIT") if given else None


def _chosen(argv: list[str]) -> list[str]:
    """The modules *argv* names: ``--all``, modules by name, or none for CI's group."""
    if argv == ["--all"]:
        return list(MODULES)
    if argv:
        return argv
    found = commit()
    if found is None:
        sample = ready_groups()[0]
        print(f"mutation sample: no commit (no git, no MUTATION_COMMIT): {', '.join(sample)}")
        return list(sample)
    sha, where = found
    groups = ready_groups()
    group = pick(sha, groups)
    number = groups.index(group) + 1
    minutes = sum(MINUTES[module] for module in group)
    print(
        f"mutation sample: commit {sha[:12]} ({where}) picks group {number} of the"
        f" {len(groups)} ready (of {len(GROUPS)}), about {minutes:.0f} minutes: {', '.join(group)}"
    )
    return list(group)


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
    """The mutant names the equivalents file lists."""
    return {entry.name for entry in equivalents()}


def _equivalent_lines(module: str) -> dict[str, int]:
    """Each mutant of *module* the equivalents file lists, with the line it changes."""
    return {entry.name: entry.line for entry in equivalents() if entry.module == module}


def moved(mutated: str, source: str, listing: Mapping[str, int]) -> frozenset[str]:
    """The mutants of *listing* that do not change the line of *source* their listing gives.

    *mutated* is the module as mutmut writes it (every mutant a function beside
    the original's copy), *source* the module itself, *listing* each listed
    mutant with its line. mutmut numbers a function's mutants in order, so when
    code is added to a function a listed name can come to stand for another
    mutation: that name's judgement no longer holds. A mutant matches when the
    first line it changes is, as text, the line its listing names.
    """
    functions = {
        node.name: node
        for node in ast.walk(ast.parse(mutated))
        if isinstance(node, ast.FunctionDef)
    }
    lines = source.splitlines()
    stale: set[str] = set()
    for name, number in listing.items():
        short = name.rpartition(".")[2]
        original = functions.get(short.rpartition("__mutmut_")[0] + "__mutmut_orig")
        mutant = functions.get(short)
        if original is None or mutant is None or not 0 < number <= len(lines):
            stale.add(name)
            continue
        # the def lines differ by name only: compare the bodies
        before = (ast.get_source_segment(mutated, original) or "").splitlines()[1:]
        after = (ast.get_source_segment(mutated, mutant) or "").splitlines()[1:]
        changed = next(
            (
                line[1:]
                for line in difflib.unified_diff(before, after, lineterm="", n=0)
                if line.startswith("-") and not line.startswith("---")
            ),
            None,
        )
        if changed is None or not _same_line(changed, lines[number - 1]):
            stale.add(name)
    return frozenset(stale)


def _same_line(mutated: str, line: str) -> bool:
    """Whether *line* of the module is *mutated*'s line as mutmut copies it (comments dropped)."""
    code, text = mutated.strip(), line.strip()
    return text == code or (text.startswith(code) and text[len(code) :].lstrip().startswith("#"))


def has_functions(module: str) -> bool:
    """Whether *module* defines a function or method: mutmut mutates only their bodies."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    return any(isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) for node in ast.walk(tree))


_MATCHES_NONE: Final = "no mutant is named this"
"""A filter for ``mutmut run`` that no mutant's name matches: mutmut then stops (exit code 1)
after making the mutants and mapping the tests to them, before running a mutant."""


def _stale_listing() -> list[str]:
    """Each mutant the equivalents file lists that no longer changes its listed line (`moved`).

    The mutants are made as mutmut makes them (its own generator, the lines
    coverage excludes left alone), without running a test: a second or so a
    module.
    """
    from mutmut.mutation.file_mutation import mutate_file_contents  # noqa: PLC0415 - the mutation extra

    stale: list[str] = []
    modules = sorted({entry.module for entry in equivalents()})
    for module in modules:
        path = PACKAGE / f"{module}.py"
        source = path.read_text(encoding="utf-8")
        excluded = {
            number
            for number, line in enumerate(source.splitlines(), start=1)
            if "pragma: no cover" in line
        }
        mutated = mutate_file_contents(str(path), source, None, excluded).code
        stale += sorted(moved(mutated, source, _equivalent_lines(module)))
    return stale


def _mutate(
    module: str, work: Path, skip: frozenset[str]
) -> tuple[list[tuple[str, str]], frozenset[str]]:
    """Copy the repository into *work*, mutate *module* there; each mutant's status, and more.

    The mutants named in *skip* are made but not run: they stay ``not checked``;
    but a listed mutant that no longer changes its listed line (`moved`) runs,
    and is returned beside the statuses, so that it is judged again.
    """
    for name in COPY:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, work / name, ignore=shutil.ignore_patterns("_build"))
        else:
            shutil.copy2(source, work / name)
    pyproject = work / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(_MUTMUT.sub(_config([module]), text, count=1), encoding="utf-8")
    mutmut = [sys.executable, "-m", "mutmut"]
    # Make the mutants (and the tests' map) first, to learn their names and check the listing;
    # the run after reuses both.
    subprocess.run([*mutmut, "run", _MATCHES_NONE], cwd=work, check=False, capture_output=True)
    mutants = work / "mutants" / "src" / "medcoder_careers" / f"{module}.py"
    stale = (
        moved(
            mutants.read_text(encoding="utf-8"),
            (work / "src" / "medcoder_careers" / f"{module}.py").read_text(encoding="utf-8"),
            _equivalent_lines(module),
        )
        if mutants.is_file()
        else frozenset()
    )
    chosen: list[str] = []
    if skip:
        made = _statuses(work)
        chosen = [name for name, _ in made if name not in skip - stale]
        if not chosen:  # every mutant listed, or none made
            return made, stale
    run = subprocess.run([*mutmut, "run", "--max-children", "2", *chosen], cwd=work, check=False)
    if run.returncode:
        # mutmut refuses to run without a mutant; the module's record says whether it had one
        meta = mutants.with_name(mutants.name + ".meta")
        if meta.is_file() and not json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]:
            return [], stale
        run.check_returncode()
    return _statuses(work), stale


def _statuses(work: Path) -> list[tuple[str, str]]:
    """Each mutant made in *work*, with its status (``not checked`` if it was not run)."""
    results = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=work,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    statuses = [line.strip().rsplit(": ", 1) for line in results.splitlines() if ": " in line]
    return [(name, status) for name, status in statuses]


def _run(
    module: str, keep: str | None, skip: frozenset[str]
) -> tuple[list[tuple[str, str]], frozenset[str], float]:
    """Mutate *module* in a scratch copy (kept under *keep*).

    Returns its statuses, the listed mutants that moved (`moved`), and the wall minutes.
    """
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(keep) / module.replace("/", ".") if keep else Path(tmp)
        if keep:
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir(parents=True)
        statuses, stale = _mutate(module, work, skip)
    return statuses, stale, (time.monotonic() - started) / 60


def main(argv: list[str]) -> int:
    """Mutate each module chosen in a scratch copy; print the results; 1 on a survivor.

    Each module is mutated on its own, against its own test files (`MODULES`).
    """
    if argv == ["--table"]:
        print(table())
        return 0
    if argv == ["--listing"]:
        drifted = _stale_listing()
        for name in drifted:
            print(f"mutation sample: listed, but no longer the mutation its line names: {name}")
        print(f"mutation sample: {len(drifted)} listed equivalents moved")
        return 1 if drifted else 0
    try:
        chosen = _chosen(argv)
    except ValueError as exc:  # MUTATION_COMMIT is not a hash
        print(f"mutation sample: {exc}")
        return 2
    unknown = sorted(set(chosen) - set(MODULES))
    if unknown:
        print(f"unknown modules {unknown}; choose from {sorted(MODULES)}")
        return 2
    keep = os.environ.get("MUTATION_WORKDIR")  # keep the scratch copies, for `mutmut show`
    allowed = _equivalent_names()
    # CI's sample checks that no new survivor appears: the listed ones, judged already, need not
    # run again (they are most of a run's time: a survivor runs every test that reaches it).
    # A module named (a measurement for SCORES) runs every mutant.
    skip = frozenset() if argv else frozenset(allowed)
    bad: list[str] = []
    for module in chosen:
        if not has_functions(module):
            print(f"mutation sample: {module}: no mutants (no function for mutmut to change)")
            continue
        statuses, stale, minutes = _run(module, keep, skip)
        judged = allowed - stale
        for name in sorted(stale):
            print(f"  listed, but no longer the mutation its line names (judge it again): {name}")
        killed = sum(status in CAUGHT for _, status in statuses)
        missed = [name for name, status in statuses if status not in CAUGHT]
        listed = sum(name in judged for name in missed)
        score = f"{100 * killed / len(statuses):.1f} %" if statuses else "no mutants"
        not_run = " (not run again)" if skip else ""
        print(
            f"mutation sample: {module}: {killed} / {len(statuses)} killed ({score}),"
            f" {listed} listed equivalent{not_run}, {len(missed) - listed} other survivors;"
            f" {minutes:.1f} minutes"
        )
        bad += [
            f"{name} ({status})"
            for name, status in statuses
            if status not in CAUGHT and name not in judged
        ]
    for name in bad:
        print(f"  not killed: {name}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
