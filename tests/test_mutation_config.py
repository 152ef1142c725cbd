"""Mutation testing covers every module of the package, and CI's sample goes round them all.

`tools/mutation_sample.py` lists each module with the test files that must
kill its mutants (`MODULES`), its measured minutes and the groups CI picks
from by commit hash; ``[tool.mutmut] only_mutate`` in pyproject.toml lists
the same modules for a plain ``mutmut run``.
"""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

import pytest

# tools/mutation_sample.py, on the path through pytest's pythonpath setting
import mutation_sample
from mutation_sample import (
    BUDGET,
    EQUIVALENTS,
    GROUPS,
    MINUTES,
    MODULES,
    SCORES,
    Equivalent,
    equivalents,
    has_functions,
    listed,
    moved,
    pick,
    ready,
    ready_groups,
    table,
)

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "medcoder_careers"


def package_modules() -> set[str]:
    """Every module of the package, as `MODULES` names it: its path there without ``.py``."""
    return {path.relative_to(PACKAGE).with_suffix("").as_posix() for path in PACKAGE.rglob("*.py")}


class TestModules:
    """Every module of src is mutated, against test files that exist."""

    def test_every_module_is_listed(self) -> None:
        """MODULES names each module of the package, and nothing else."""
        modules = package_modules()
        assert {"_period", "_data/table", "_cli/render", "__init__", "_cli/__init__"} <= modules
        assert set(MODULES) == modules

    def test_only_mutate_lists_every_module(self) -> None:
        """pyproject.toml's only_mutate is every module, as a file path."""
        config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
        only = config["tool"]["mutmut"]["only_mutate"]
        assert len(only) == len(set(only))
        assert set(only) == {f"src/medcoder_careers/{module}.py" for module in package_modules()}

    @pytest.mark.parametrize("module", sorted(MODULES))
    def test_test_files_exist(self, module: str) -> None:
        """Each module has test files, and each is a test file of the repository."""
        tests = MODULES[module]
        assert tests
        assert len(set(tests)) == len(tests)
        for test in tests:
            assert test.startswith("tests/test_")
            assert (REPO / test).is_file(), f"{module}: {test} does not exist"

    def test_modules_without_functions(self) -> None:
        """The modules skipped (no function: nothing for mutmut to change) hold only names."""
        skipped = {module for module in MODULES if not has_functions(module)}
        assert skipped == {"__main__", "_cli/__init__", "_data/__init__", "_version"}


class TestGroups:
    """CI's groups hold every module once, each within the budget."""

    def test_groups_partition_the_modules(self) -> None:
        """Each module is in exactly one group, and no group is empty."""
        listed = [module for group in GROUPS for module in group]
        assert all(GROUPS)
        assert sorted(listed) == sorted(MODULES)

    def test_every_module_has_its_minutes(self) -> None:
        """The minutes are known for every module, and none is negative."""
        assert set(MINUTES) == set(MODULES)
        assert all(minutes >= 0 for minutes in MINUTES.values())

    def test_groups_keep_within_budget(self) -> None:
        """A group fits in the budget, unless it is one module that alone needs more."""
        for group in GROUPS:
            total = sum(MINUTES[module] for module in group)
            assert total <= BUDGET or len(group) == 1, (group, total)

    def test_groups_mutate_something(self) -> None:
        """Every group takes some time: none is only modules with nothing to mutate."""
        for group in GROUPS:
            assert sum(MINUTES[module] for module in group) > 0, group


class TestPick:
    """The commit hash picks the group: the same one every time, and every group in turn."""

    def test_deterministic(self) -> None:
        """The same hash picks the same group, in upper or lower case."""
        sha = hashlib.sha1(b"a commit", usedforsecurity=False).hexdigest()
        assert pick(sha) == pick(sha) == pick(sha.upper().lower())
        assert pick(sha) in GROUPS

    def test_the_hash_as_a_number(self) -> None:
        """The hash is read as a number modulo the number of groups."""
        for number in range(3 * len(GROUPS)):
            assert pick(f"{number:040x}") == GROUPS[number % len(GROUPS)]

    def test_every_module_is_reached(self) -> None:
        """Over a few hundred commit hashes, every group and so every module is picked."""
        hashes = [hashlib.sha1(b"%d" % n, usedforsecurity=False).hexdigest() for n in range(400)]
        picked = {pick(sha) for sha in hashes}
        assert picked == set(GROUPS)
        assert {module for group in picked for module in group} == set(MODULES)

    def test_picks_differ(self) -> None:
        """Different hashes pick different groups: the pick is not a constant."""
        assert len({pick(f"{number:07x}") for number in range(len(GROUPS))}) == len(GROUPS)

    @pytest.mark.parametrize("text", ["", "HEAD", "xyz1234", "12345", "-1234567", "1234567\n"])
    def test_not_a_hash(self, text: str) -> None:
        """A text that is not a hexadecimal hash is refused, not read as some group."""
        with pytest.raises(ValueError, match="not a commit hash"):
            pick(text)


class TestScores:
    """The recorded scores agree with the equivalents file, the groups CI picks and the docs."""

    def test_scores_are_counts(self) -> None:
        """Each score is of a module with a function: killed within its mutants."""
        for module, (killed, mutants) in SCORES.items():
            assert module in MODULES
            assert has_functions(module), module
            assert 0 <= killed <= mutants, module

    def test_listed_equivalents_are_survivors(self) -> None:
        """A module never lists more equivalents than its last run left survivors."""
        for module, (killed, mutants) in SCORES.items():
            assert killed + listed(module) <= mutants, module

    def test_equivalents_name_their_module(self) -> None:
        """Each line of the equivalents file names a module of MODULES and a mutant of it."""
        entries = equivalents()
        lines = [
            line
            for line in EQUIVALENTS.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        ]
        assert len(entries) == len(lines) > 0
        for entry, line in zip(entries, lines, strict=True):
            assert entry.module in MODULES, line
            assert line.startswith(f"{entry.module}.py:{entry.line} | {entry.name} | "), line
            assert entry.name.startswith(
                "medcoder_careers." + entry.module.replace("/", ".") + "."
            ), line
            assert entry.mutation, line
            assert entry.reason, line

    def test_ready_means_every_survivor_judged(self) -> None:
        """A module is ready exactly when killed and listed equivalents make all its mutants."""
        for module in MODULES:
            if not has_functions(module):
                assert ready(module)
            elif module not in SCORES:
                assert not ready(module)
            else:
                killed, mutants = SCORES[module]
                assert ready(module) == (killed + listed(module) == mutants)

    def test_ci_picks_among_ready_groups(self) -> None:
        """The groups CI picks from are those of ready modules only, in GROUPS' order."""
        groups = ready_groups()
        assert groups, "no group is ready: CI would have nothing to mutate"
        assert all(all(ready(module) for module in group) for group in groups)
        assert [g for g in GROUPS if all(ready(m) for m in g)] == list(groups)

    def test_docs_show_the_table(self) -> None:
        """docs/contributing.md shows the table of scores as the script prints it."""
        docs = (REPO / "docs" / "contributing.md").read_text(encoding="utf-8")
        assert table() in docs
        assert table().count("\n") == len(MODULES) + 1


class TestMoved:
    """A listed mutant whose name has come to stand for another mutation is told apart."""

    SOURCE = "def f(x):\n    y = x + 1\n    return y * 2  # doubled\n"
    MUTATED = (
        "def x_f__mutmut_orig(x):\n    y = x + 1\n    return y * 2\n"
        "def x_f__mutmut_1(x):\n    y = x - 1\n    return y * 2\n"
        "def x_f__mutmut_2(x):\n    y = x + 1\n    return y / 2\n"
    )

    def test_in_place(self) -> None:
        """A mutant that changes the line its listing gives has not moved (a comment aside)."""
        listing = {"pkg.mod.x_f__mutmut_1": 2, "pkg.mod.x_f__mutmut_2": 3}
        assert moved(self.MUTATED, self.SOURCE, listing) == frozenset()

    @pytest.mark.parametrize(
        ("name", "line"),
        [
            ("pkg.mod.x_f__mutmut_1", 3),  # the name now changes another line
            ("pkg.mod.x_f__mutmut_2", 2),
            ("pkg.mod.x_f__mutmut_9", 2),  # no such mutant any more
            ("pkg.mod.x_g__mutmut_1", 2),  # no such function
            ("pkg.mod.x_f__mutmut_1", 0),  # no such line
            ("pkg.mod.x_f__mutmut_1", 4),
        ],
    )
    def test_moved(self, name: str, line: int) -> None:
        """A listing whose line the mutant does not change, or whose mutant is gone, has moved."""
        assert moved(self.MUTATED, self.SOURCE, {name: line}) == {name}

    def test_a_longer_line_is_another(self) -> None:
        """A line that only begins with the changed line's text is another line."""
        source = "def f(x):\n    y = x + 10\n"
        mutated = "def x_f__mutmut_orig(x):\n    y = x + 1\ndef x_f__mutmut_1(x):\n    y = x - 1\n"
        assert moved(mutated, source, {"pkg.mod.x_f__mutmut_1": 2}) == {"pkg.mod.x_f__mutmut_1"}

    def test_the_file_agrees_with_the_code(self) -> None:
        """Each listed line of the equivalents file is a line of its module, within its length."""
        for entry in equivalents():
            lines = (PACKAGE / f"{entry.module}.py").read_text(encoding="utf-8").splitlines()
            assert 0 < entry.line <= len(lines), entry
            assert lines[entry.line - 1].strip(), entry  # a line of code, not a blank one


class TestEquivalentsFile:
    """The equivalents file is read one way: four fields a line, a "|" in one written "\\|"."""

    def test_pipe_in_a_field(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """An escaped "|" stays in its field, unescaped; comments and blank lines are skipped."""
        listing = tmp_path / "equivalents.txt"
        listing.write_text(
            "# a comment | with | pipes\n\n"
            "_query.py:165 | medcoder_careers._query.x_f__mutmut_1 | "
            'cast("str \\| None", v) -> cast(None, v) | cast ignores its type \\|= all\n',
            encoding="utf-8",
        )
        monkeypatch.setattr(mutation_sample, "EQUIVALENTS", listing)
        assert equivalents() == [
            Equivalent(
                module="_query",
                line=165,
                name="medcoder_careers._query.x_f__mutmut_1",
                mutation='cast("str | None", v) -> cast(None, v)',
                reason="cast ignores its type |= all",
            )
        ]

    @pytest.mark.parametrize(
        "line",
        [
            "_query.py:1 | medcoder_careers._query.x_f__mutmut_1 | a | b | c",  # a | not escaped
            "_query.py:1 | medcoder_careers._query.x_f__mutmut_1 | no reason",
        ],
    )
    def test_not_four_fields(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str
    ) -> None:
        """A line of more or fewer than four fields is refused, naming it."""
        listing = tmp_path / "equivalents.txt"
        listing.write_text(line + "\n", encoding="utf-8")
        monkeypatch.setattr(mutation_sample, "EQUIVALENTS", listing)
        with pytest.raises(ValueError, match="fields, not 4") as info:
            equivalents()
        assert line in str(info.value)
