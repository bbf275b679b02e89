"""Which crisis lines are the user's: their chosen region, or a guess from their locale.

The guess comes from a locale name such as "en_GB.UTF-8", handed in by the command line (the
only layer that reads the environment). The choice itself is a setting in the store
(`REGION_SETTING`); until the user makes one, the guess stands in for it.
"""

from __future__ import annotations

import re

from workbook.content.models import Region, Resources

REGION_SETTING = "region"

# Country codes (ISO 3166) of each bundled region.
_EU = [
    *("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IT"),
    *("LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"),
]
COUNTRY_REGIONS = {
    "US": "us",
    "CA": "canada",
    "GB": "uk",
    "IE": "ireland",
    "AU": "australia",
    **dict.fromkeys(_EU, "eu"),
}

_LOCALE = re.compile(r"^[a-zA-Z]{2,3}[_-]([a-zA-Z]{2})\b")


def guess_region(locale_name: str | None, resources: Resources) -> str | None:
    """The region id a locale name points to ("en_AU.UTF-8" -> "australia"), if it is one of
    the regions in `resources`; None for "C", "POSIX" or a country without bundled lines."""
    if not locale_name:
        return None
    match = _LOCALE.match(locale_name.strip())
    if match is None:
        return None
    region_id = COUNTRY_REGIONS.get(match.group(1).upper())
    return region_id if find_region(resources, region_id) else None


def find_region(resources: Resources, region_id: str | None) -> Region | None:
    return next((r for r in resources.regions if r.id == region_id), None)


def chosen_region(saved: object, guess: str | None, resources: Resources) -> str | None:
    """The region to show: the one the user chose (when it still exists), else the guess."""
    if isinstance(saved, str) and find_region(resources, saved):
        return saved
    return guess
