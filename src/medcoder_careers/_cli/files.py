"""The commands about the data files: ``export`` and ``verify``."""

from __future__ import annotations

import argparse
from typing import Final

from medcoder_careers._catalog import export
from medcoder_careers._data.manifest import RELEASES
from medcoder_careers._errors import DataError, plural
from medcoder_careers._export import FORMATS
from medcoder_careers._version import __version__

from .common import PROG, data, emit

__all__ = ["EXIT_FAILED", "export_arguments", "run_export", "run_verify"]

EXIT_FAILED: Final = 1
"""The exit status of ``verify`` when the data is changed or not valid."""


def export_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare the arguments of ``export``."""
    parser.add_argument("--format", choices=FORMATS, default="json", help="default: json")
    parser.add_argument(
        "--output",
        metavar="DIR",
        help="directory to write (default: ./medcoder-careers-DATA_VERSION-FORMAT)",
    )
    parser.add_argument("--force", action="store_true", help="replace files that exist")


def run_export(args: argparse.Namespace) -> int:
    """Run ``export``."""
    cat = data(args)
    output = args.output or f"{PROG}-{cat.data_version}-{args.format}"
    written = export(output, format=args.format, catalog=cat, overwrite=args.force)
    files = plural(len(written), "file")
    emit(f"wrote {files} ({args.format}) to {output} (data {cat.data_version})")
    return 0


def _release_line(version: str, digest: str) -> str:
    recorded = RELEASES.get(version)
    if recorded is None:
        return f"release {version}: no digest recorded in {PROG} {__version__}"
    if recorded != digest:
        return f"release {version}: differs from the recorded digest (modified or re-exported)"
    return f"release {version}: matches the recorded digest"


def run_verify(args: argparse.Namespace) -> int:
    """Run ``verify``: 0 when the data is intact, `EXIT_FAILED` when not."""
    where = args.data or "the packaged data"
    try:
        cat = data(args)
    except DataError as exc:
        emit(f"{where}: NOT valid ({plural(len(exc.problems), 'problem')})")
        emit("\n".join(f"  {problem}" for problem in exc.problems))
        return EXIT_FAILED
    report = cat.verify()
    emit(str(report))
    if not report.ok:
        return EXIT_FAILED
    emit(f"digest {report.digest}")
    emit(_release_line(report.data_version, report.digest))
    return 0
