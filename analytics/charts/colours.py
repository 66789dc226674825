"""One colour per channel group and per channel, the same on every page and in every export.

A group has a fixed colour (:data:`CHANNEL_GROUP_COLOURS`). A channel is a shade of its
group's colour, and the shade depends on the channel's *name* only: names early in the
alphabet are darker, names late in it lighter. So "Phone" has the same colour in a chart
that shows all eleven channels and in one that shows two, whatever order the query
returned them in, and the channels of a group keep their alphabetical order from dark to
light. Two channels of one group whose names start with the same three letters get
nearly the same shade (rename one, or accept it).
"""

from __future__ import annotations

import pandas as pd

CHANNEL_GROUP_COLOURS = {
    "voice": "#1f6feb",
    "chat": "#2da44e",
    "written": "#bf8700",
    "personal": "#8250df",
    "other": "#8c959f",
}
NEUTRAL = "#57606a"
DARKEST, LIGHTEST = -0.45, 0.5  # shade range: towards black … towards white
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def group_colour(group: str | None) -> str:
    """The fixed colour of a channel group (``NEUTRAL`` for an unknown one)."""
    return CHANNEL_GROUP_COLOURS.get(str(group).lower() if group is not None else "", NEUTRAL)


def name_position(name: str) -> float:
    """Where ``name`` sits in the alphabet, in [0, 1): its first three letters (other
    characters skipped, case ignored) read as a base-26 fraction, so names in alphabetical
    order get positions in the same order."""
    letters = [c for c in str(name).lower() if c in _ALPHABET][:3]
    base = len(_ALPHABET)
    return sum(_ALPHABET.index(c) / base ** (k + 1) for k, c in enumerate(letters))


def channel_colour(channel: str, group: str | None) -> str:
    """The colour of ``channel``: its group's colour, darker for names early in the
    alphabet and lighter for late ones (see the module's docstring)."""
    return shade(group_colour(group), DARKEST + (LIGHTEST - DARKEST) * name_position(channel))


def channel_colours(channel_groups: pd.DataFrame) -> dict[str, str]:
    """``{channel: colour}`` for the ``channel``/``channel_group`` pairs of a frame."""
    pairs = channel_groups[["channel", "channel_group"]].drop_duplicates("channel")
    return {str(c): channel_colour(c, g) for c, g in zip(pairs["channel"], pairs["channel_group"])}


def group_order(groups) -> list[str]:
    """Groups in the fixed order of :data:`CHANNEL_GROUP_COLOURS`, unknown ones last by name."""
    known = list(CHANNEL_GROUP_COLOURS)
    return sorted(set(groups), key=lambda g: (known.index(g) if g in known else len(known), str(g)))


def shade(colour: str, amount: float) -> str:
    """Darker towards black (``amount`` < 0) or lighter towards white (``amount`` > 0)."""
    rgb = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    target = 255 if amount > 0 else 0
    mixed = [round(c + (target - c) * abs(amount)) for c in rgb]
    return "#" + "".join(f"{c:02x}" for c in mixed)
