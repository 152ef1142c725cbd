"""The package and data versions: literals, so importing them costs nothing."""

__version__ = "2027.1.0"
DATA_VERSION = "2027.1"
