from __future__ import annotations

import subprocess
import sys

import pytest

import medcoder_careers as mc
from medcoder_careers._cli import main


class TestShow:
    """`show KEY` prints any record found through the lookup."""

    def test_occupation(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An alternate title shows the occupation."""
        assert main(["show", "medical coder"]) == 0
        out = capsys.readouterr().out
        assert "Medical Records and Health Information Technicians" in out
        assert "2018 SOC 29-2072 Medical Records Specialists" in out

    @pytest.mark.parametrize("key", ["RHIT", "ahima", "2010-11", "622110"])
    def test_other_kinds(self, capsys: pytest.CaptureFixture[str], key: str) -> None:
        """Credentials, organizations, sources and industries show too."""
        assert main(["show", key]) == 0
        assert capsys.readouterr().out.strip()

    def test_unknown(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown key exits 2 with one line on stderr."""
        assert main(["show", "medcal codr"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "did you mean" in err

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints both versions."""
        with pytest.raises(SystemExit) as info:
            main(["--version"])
        assert info.value.code == 0
        assert f"{mc.__version__} (data {mc.DATA_VERSION})" in capsys.readouterr().out


def test_subprocess() -> None:
    """`python -m medcoder_careers` runs as a real process."""
    result = subprocess.run(
        [sys.executable, "-m", "medcoder_careers", "show", "CTR"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Certified Tumor Registrar" in result.stdout
