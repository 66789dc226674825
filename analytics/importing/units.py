"""The unit of a duration column: seconds unless its name says minutes or hours.

A handle time exported as ``Afhandeltijd (min)`` with values like ``3,4`` is 3.4 minutes,
not 3.4 seconds; stored as written it would show an average handle time of seconds where
the truth is minutes. ``h:mm:ss`` values carry their own unit and are never scaled.
"""

from __future__ import annotations

import re

# Plain-language units in a duration column's name (English and Dutch).
_UNIT_WORDS = {
    "minutes": ("min", "mins", "minute", "minutes", "minuten", "minuut"),
    "hours": ("h", "hr", "hrs", "hour", "hours", "uur", "uren"),
    "seconds": ("s", "sec", "secs", "second", "seconds", "seconde", "seconden"),
}
UNIT_FACTORS = {"seconds": 1.0, "minutes": 60.0, "hours": 3600.0}


def unit_in_name(column: str) -> str | None:
    """The unit a duration column's name states: ``Afhandeltijd (min)`` and ``Handle time
    in minutes`` say minutes, ``Wachttijd uur`` hours, ``AHT sec`` seconds; ``None`` when
    the name says none."""
    if re.search(r"\bh{1,2}:mm", column.lower()):  # "(h:mm:ss)" names a way of writing, not a unit
        return None
    words = [w for w in re.split(r"[^0-9a-z]+", column.lower()) if w]
    for unit, spelled in _UNIT_WORDS.items():
        if any(w in spelled for w in words[1:]):
            return unit
    return None


