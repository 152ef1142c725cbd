"""The ``medcoder-careers`` command line (see `main`)."""

from .app import main

__all__ = ["main"]
