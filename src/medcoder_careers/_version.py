"""The package and data versions: literals, so importing them costs nothing."""

__version__ = "2026.2.0"
DATA_VERSION = "2026.2"
