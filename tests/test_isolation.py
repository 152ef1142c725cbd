"""Importing the package and loading the data write nothing and reach no network."""

from __future__ import annotations

import json
import os
import subprocess
import sys

_PROBE = r"""
import json, sys

events = []

def hook(event, args):
    if event == "open":
        path, mode, flags = args
        if (mode and any(c in mode for c in "wax+")) or (flags and flags & 0o3):
            events.append(["open-for-writing", str(path), str(mode)])
    elif event.startswith("socket."):
        events.append([event, repr(args)[:80]])
    elif event in {"subprocess.Popen", "os.system", "os.exec", "os.posix_spawn"}:
        events.append([event, repr(args)[:80]])
    elif event == "sqlite3.connect":  # the table file: read-only, or from memory
        database = str(args[0])
        if database != ":memory:" and "mode=ro" not in database:
            events.append([event, database])

sys.addaudithook(hook)
import medcoder_careers as mc
cat = mc.catalog()
cat.occupation("medical coder")
cat.stats(measure="annual_wage")
cat.stats(measure="annual_wage", area="CA", occupation="29-2072")
cat.verify()
sys.stdout.write(json.dumps(events))
"""


class TestIsolation:
    """An audit hook sees every file opened for writing and every socket."""

    def test_import_and_load_are_read_only_and_offline(self) -> None:
        """No write-mode open, no socket, no subprocess during import, load and lookups."""
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        result = subprocess.run(  # noqa: S603 - fixed probe, this interpreter
            [sys.executable, "-c", _PROBE],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        assert json.loads(result.stdout) == []

    def test_data_directory_unchanged(self) -> None:
        """Querying the table leaves no journal, lock or WAL file beside it."""
        from importlib.resources import files  # noqa: PLC0415

        data = files("medcoder_careers") / "data"
        before = sorted(item.name for item in data.iterdir())
        result = subprocess.run(  # noqa: S603 - fixed probe, this interpreter
            [sys.executable, "-c", _PROBE], capture_output=True, text=True, check=True
        )
        assert json.loads(result.stdout) == []
        assert sorted(item.name for item in data.iterdir()) == before

    def test_probe_detects_writes(self, tmp_path: object) -> None:
        """The probe itself does see a write, so the check above can fail."""
        probe = _PROBE.replace(
            "sys.stdout.write(", f"open({str(tmp_path) + '/x'!r}, 'w').close()\nsys.stdout.write("
        )
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        result = subprocess.run(  # noqa: S603 - fixed probe, this interpreter
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
        )
        assert json.loads(result.stdout)[0][0] == "open-for-writing"
