"""workbook: a private terminal workbook for breaking free of an addictive relationship."""

__version__ = "0.1.0"
