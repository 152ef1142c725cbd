"""The package and data versions: literals, so importing them costs nothing."""

__version__ = "2026.1.0"
DATA_VERSION = "2026.1"
