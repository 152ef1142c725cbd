"""The package and data versions: literals, so importing them costs nothing."""

__version__ = "2026.3.0"
DATA_VERSION = "2026.3"
