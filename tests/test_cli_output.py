"""The command line's output never crashes: any encoding, any text, a reader that leaves.

Unencodable text (a lone surrogate, ``é`` on an ASCII terminal) is written
escaped; a closed pipe (``| head -1``) ends the command quietly with its own
exit status; messages count correctly and clip long input.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import medcoder_careers as mc
from medcoder_careers._cli import main
from medcoder_careers._cli.app import _Output
from medcoder_careers._data.reads import sha256

SETTINGS = settings(max_examples=40, deadline=None)
"""Bounded: each property here stays within a few seconds."""

LONG = "x" * 33_000


def _env(**changes: str) -> dict[str, str]:
    """The environment with *changes*, and none of the settings that alter stdout."""
    unset = ("PYTHONIOENCODING", "PYTHONUTF8", "PYTHONUNBUFFERED", "PYTHONLEGACYWINDOWSSTDIO")
    env = {k: v for k, v in os.environ.items() if k not in unset and not k.startswith("LC_")}
    env.update(changes)
    return env


def python_m(
    *argv: str | bytes, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m medcoder_careers`` with *argv*; return bytes (no decoding guesses)."""
    return subprocess.run(  # noqa: S603 - this interpreter, arguments from the tests
        [sys.executable, "-m", "medcoder_careers", *argv],
        capture_output=True,
        env=env if env is not None else _env(),
        timeout=120,
        check=False,
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the CLI in-process; return (exit status, stdout, stderr)."""
    try:
        status = main(list(argv))
    except SystemExit as exc:  # argparse: --help, usage errors
        status = exc.code if isinstance(exc.code, int) else 1
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _rehash(directory: Path) -> None:
    """Rewrite the manifest's sha256 of each file, so `verify` passes the copy."""
    path = directory / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    for name in manifest["files"]:
        manifest["files"][name] = sha256((directory / name).read_bytes())
    path.write_text(json.dumps(manifest), encoding="utf-8")


@contextmanager
def _exported() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "data"
        mc.export(directory)
        yield directory


def _add_field(directory: Path, name: str, field: str) -> None:
    """Give the first record of the collection *name* an unknown field *field*."""
    path = directory / f"{name}.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document[name][0][field] = 1
    path.write_text(json.dumps(document), encoding="utf-8")  # ASCII: "\\udcff" escaped
    _rehash(directory)


# -- 3. encodings ----------------------------------------------------------------------


class TestEncoding:
    """Text the output stream cannot encode is written escaped, never a traceback."""

    def test_ascii_terminal(self) -> None:
        """With PYTHONIOENCODING=ascii, `search é` prints é escaped."""
        result = python_m("search", "é", env=_env(PYTHONIOENCODING="ascii"))
        assert result.returncode == 0, result.stderr
        assert b"Traceback" not in result.stderr
        assert b"\\xe9" in result.stdout

    def test_ascii_terminal_error_line(self) -> None:
        """An error message with é on an ASCII stderr is one escaped line."""
        result = python_m("show", "zzzé", env=_env(PYTHONIOENCODING="ascii"))
        assert result.returncode == 2
        assert result.stderr.count(b"\n") == 1, result.stderr
        assert b"\\xe9" in result.stderr

    def test_surrogate_in_argv(self, tmp_path: Path) -> None:
        """A byte that is not UTF-8 in argv (a lone surrogate) is echoed escaped."""
        output = os.fsencode(tmp_path) + b"/out\xff"
        result = python_m(
            "export", "--output", output, env=_env(PYTHONIOENCODING="utf-8", LC_ALL="C.UTF-8")
        )
        assert result.returncode == 0, result.stderr
        assert not result.stderr
        assert b"out\\udcff" in result.stdout
        assert Path(os.fsdecode(output)).is_dir()

    def test_surrogate_in_process(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """main() given a lone surrogate writes it escaped to a strict UTF-8 stream."""
        status, out, err = run(capsys, "export", "--output", f"{tmp_path}/out\udcff")
        assert status == 0, err
        assert "out\\udcff" in out
        status, out, err = run(capsys, "show", "zz\udcff")
        assert status == 2
        assert not out
        assert "\\udcff" in err

    def test_verify_surrogate_key(self) -> None:
        """verify lists a data key holding a lone surrogate, escaped, and exits 1."""
        with _exported() as directory:
            _add_field(directory, "facts", "bad\udcff")
            result = python_m(
                "--data", str(directory), "verify", env=_env(PYTHONIOENCODING="utf-8")
            )
        assert result.returncode == 1, result.stderr
        assert not result.stderr
        assert b"\\udcff" in result.stdout
        assert b"NOT valid (1 problem)" in result.stdout

    def test_stream_restored(self, capsys: pytest.CaptureFixture[str]) -> None:
        """main() leaves sys.stdout and sys.stderr as it found them."""
        before = (sys.stdout, sys.stderr)
        run(capsys, "search", "rhit")
        assert (sys.stdout, sys.stderr) == before

    @SETTINGS
    @given(
        command=st.sampled_from(
            ["show", "search", "series", "stats --occupation", "verify --data"]
        ),
        text=st.text(max_size=30),
    )
    def test_any_text(self, command: str, text: str) -> None:
        """Any text, surrogates included, gives exit 0, 1 or 2 and no exception."""
        with tempfile.TemporaryFile("w+b") as out, tempfile.TemporaryFile("w+b") as err:
            import io  # noqa: PLC0415 - only this test builds streams

            streams = [io.TextIOWrapper(f, encoding="utf-8", errors="strict") for f in (out, err)]
            saved = sys.stdout, sys.stderr
            sys.stdout, sys.stderr = streams
            try:
                try:
                    status = main([*command.split(), text])
                except SystemExit as exc:
                    status = exc.code if isinstance(exc.code, int) else 1
                for stream in streams:
                    stream.flush()
            finally:
                sys.stdout, sys.stderr = saved
            for stream in streams:
                stream.detach()
            assert status in {0, 1, 2}
            err.seek(0)
            assert b"Traceback" not in err.read()


# -- 6. a reader that leaves ---------------------------------------------------------


def _closed_reader(argv: Sequence[str], *, read_first_line: bool) -> tuple[int, bytes]:
    """Run the CLI writing into a pipe whose reader leaves; return (status, stderr)."""
    with subprocess.Popen(  # noqa: S603 - this interpreter, arguments from the tests
        [sys.executable, "-m", "medcoder_careers", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
        bufsize=0,  # unbuffered: readline takes one line, no more
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        if read_first_line:
            process.stdout.readline()  # what `head -1` does
        process.stdout.close()
        stderr = process.stderr.read()
        status = process.wait(timeout=120)
    return status, stderr


@contextmanager
def _large_data() -> Iterator[Path]:
    """A valid data directory whose `stats --format csv` output is megabytes, past any pipe."""
    with _exported() as directory:
        path = directory / "statistics.json"
        document = json.loads(path.read_text(encoding="utf-8"))
        for record in document["statistics"]:
            record["citation"]["quote"] += " " + "long " * 10_000  # 50 kB a row
        path.write_text(json.dumps(document), encoding="utf-8")
        _rehash(directory)
        yield directory


class TestClosedPipe:
    """`medcoder-careers ... | head -1` ends quietly with the command's own status."""

    def test_large_output(self) -> None:
        """stats --format csv over 64 kB into `head -1`: exit 0, nothing on stderr."""
        with _large_data() as directory:
            listing = python_m("--data", str(directory), "stats", "--format", "csv")
            assert len(listing.stdout) > 1024 * 1024
            argv = ["--data", str(directory), "stats", "--format", "csv"]
            status, stderr = _closed_reader(argv, read_first_line=True)
        assert stderr == b""
        assert status == 0

    @pytest.mark.parametrize(
        "argv",
        [["stats", "--format", "json"], ["search", "coder"], ["show", "rhit"], ["verify"]],
    )
    def test_reader_gone_before_output(self, argv: list[str]) -> None:
        """Output that fits in a buffer, to a reader already gone: exit 0, quietly."""
        status, stderr = _closed_reader(argv, read_first_line=False)
        assert stderr == b""
        assert status == 0

    def test_verify_failure_keeps_status(self) -> None:
        """A failed verify into a closed pipe still exits 1."""
        with _exported() as directory:
            (directory / "facts.json").write_text("{}", encoding="utf-8")
            status, stderr = _closed_reader(
                ["--data", str(directory), "verify"], read_first_line=False
            )
        assert stderr == b""
        assert status == 1

    def test_usage_error_keeps_status(self) -> None:
        """Bad usage into a closed pipe still exits 2, with its line on stderr."""
        status, stderr = _closed_reader(["show", "no-such-thing-at-all"], read_first_line=False)
        assert status == 2
        assert stderr.count(b"\n") == 1
        assert b"Traceback" not in stderr


# -- 7. messages ------------------------------------------------------------------------


class TestMessages:
    """CLI messages count correctly and clip long input."""

    def test_verify_one_problem(self, capsys: pytest.CaptureFixture[str]) -> None:
        """verify with one problem says "1 problem"."""
        with _exported() as directory:
            _add_field(directory, "facts", "unknown")
            status, out, _ = run(capsys, "--data", str(directory), "verify")
            assert status == 1
            assert "NOT valid (1 problem)" in out
            status, _, err = run(capsys, "--data", str(directory), "stats")
            assert status == 2
            assert "(1 problem;" in err

    @pytest.mark.parametrize(
        "argv",
        [
            ["search", LONG],
            ["show", LONG],
            ["stats", "--period", LONG],
            ["stats", "--format", LONG],
            ["stats", "--measure", LONG],
            ["--data", LONG, "show", "rhit"],
            ["compare", "--measure", "annual_wage", "--from-period", LONG],
            ["compare", "--measure", "annual_wage", "--from-source", LONG],
        ],
    )
    def test_long_input_clipped(self, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
        """A 33 kB argument is not echoed back whole."""
        _, out, err = run(capsys, *argv)
        assert "x" * 81 not in out + err, (len(out), len(err))
        assert "x" * 40 + "..." in out + err

    @SETTINGS
    @given(st.text(min_size=200, max_size=2_000).filter(lambda s: not s.startswith("-")))
    def test_any_long_search(self, text: str) -> None:
        """Any long search text is echoed clipped."""
        with tempfile.TemporaryFile("w+b") as out:
            import io  # noqa: PLC0415 - only this test builds streams

            stream = io.TextIOWrapper(out, encoding="utf-8", errors="strict")
            saved = sys.stdout
            sys.stdout = stream
            try:
                status = main(["search", text])
                stream.flush()
            finally:
                sys.stdout = saved
            stream.detach()
            out.seek(0)
            written = out.read()
        assert status in {0, 2}
        assert text not in written.decode("utf-8", "replace")


# -- 8. the output stream itself ----------------------------------------------------------


class _Broken(io.StringIO):
    """A stream whose reader left: write and flush raise BrokenPipeError; fileno is *fd*."""

    def __init__(self, fd: int) -> None:
        super().__init__()
        self.fd = fd
        self.writes = 0
        self.flushes = 0
        self.refused = ""

    def write(self, text: str) -> int:
        """Count the call, then fail as a closed pipe does."""
        self.writes += 1
        self.refused = text
        raise BrokenPipeError

    def flush(self) -> None:
        """Count the call, then fail as a closed pipe does."""
        self.flushes += 1
        raise BrokenPipeError

    def fileno(self) -> int:
        """The descriptor given."""
        return self.fd


class _Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        """Always a terminal."""
        return True


class TestOutputStream:
    """`_Output`, the stream each run writes through, in process."""

    def test_encoding(self) -> None:
        """The wrapped stream's encoding, or UTF-8 for a stream with none (a StringIO)."""
        assert _Output(io.StringIO()).encoding == "utf-8"
        latin = io.TextIOWrapper(io.BytesIO(), encoding="latin-1")
        assert _Output(latin).encoding == "latin-1"

    def test_writable_and_terminal(self) -> None:
        """It is writable, and a terminal exactly when the wrapped stream is."""
        assert _Output(io.StringIO()).writable() is True
        assert _Output(io.StringIO()).isatty() is False
        assert _Output(_Terminal()).isatty() is True

    def test_escapes_what_the_encoding_cannot_hold(self) -> None:
        """On an ASCII stream, é is written as \\xe9; the count is of the text given."""
        raw = io.BytesIO()
        ascii_stream = io.TextIOWrapper(raw, encoding="ascii")
        output = _Output(ascii_stream)
        assert output.write("café\n") == len("café\n")
        ascii_stream.flush()
        assert raw.getvalue() == b"caf\\xe9\n"
        assert output.reader_gone is False

    def test_reader_gone_on_write(self) -> None:
        """A closed pipe on write: nothing more is written, and the descriptor goes to null."""
        read_end, write_end = os.pipe()
        try:
            stream = _Broken(write_end)
            output = _Output(stream)
            assert output.write("first") == len("first")
            assert output.reader_gone is True
            assert output.write("second") == len("second")
            output.flush()
            assert (stream.writes, stream.flushes) == (1, 0)
            # the descriptor now writes to the null device: the pipe's reader sees its end
            os.close(read_end)
            read_end = -1
            assert os.write(write_end, b"dropped") == len(b"dropped")
            null = Path(os.devnull).stat()
            assert os.fstat(write_end).st_rdev == null.st_rdev
        finally:
            os.close(write_end)
            if read_end != -1:
                os.close(read_end)

    def test_reader_gone_on_flush(self) -> None:
        """A closed pipe on flush marks the reader gone; later flushes do not reach it."""
        read_end, write_end = os.pipe()
        try:
            stream = _Broken(write_end)
            output = _Output(stream)
            output.flush()
            assert output.reader_gone is True
            output.flush()
            assert stream.flushes == 1
            assert os.fstat(write_end).st_rdev == Path(os.devnull).stat().st_rdev
        finally:
            os.close(write_end)
            os.close(read_end)

    def test_reader_gone_without_descriptor(self) -> None:
        """A stream with no descriptor (a StringIO) is marked gone all the same."""
        output = _Output(_Broken(-1))
        output.write("text")
        assert output.reader_gone is True

    def test_close_leaves_the_stream_open(self) -> None:
        """Closing the wrapper does not close the interpreter's stream."""
        stream = io.StringIO()
        _Output(stream).close()
        assert stream.closed is False

    def test_no_stderr(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With no sys.stderr (pythonw), an error still ends the run with status 2."""
        monkeypatch.setattr(sys, "stderr", None)
        status = main(["show", "zzzz-no-such-record"])
        assert status == 2
        assert sys.stderr is None
        # print(file=None) falls back to stdout
        out = capsys.readouterr().out
        assert out == "medcoder-careers: error: no record matches 'zzzz-no-such-record'\n"

    def test_no_stdout(
        self, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """With no sys.stdout (pythonw), --version still exits 0 (argparse writes to stderr)."""
        monkeypatch.setattr(sys, "stdout", None)
        with pytest.raises(SystemExit) as exited:
            main(["--version"])
        assert exited.value.code == 0
        assert sys.stdout is None
        err = capsys.readouterr().err
        assert err == f"medcoder-careers {mc.__version__} (data {mc.DATA_VERSION})\n"
