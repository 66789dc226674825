"""Pilot interventions with a known, injected effect, so the dashboard's pilot analysis can
be checked against the truth.

From ``starts_on`` (and, when the pilot was rolled out, for ever after; otherwise until
``pilot_ends_on``) the expected contacts of the target reasons in the target channels are
multiplied by ``1 + relative_effect``. A share ``spill_share`` of the contacts avoided
that way reappears in ``spill_channels`` (split by the given weights), on the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from analytics.demo.channels import CHANNELS, channel_index
from analytics.demo.reason_tree import Reason

PILOT_WEEKS = 4


@dataclass(frozen=True)
class Pilot:
    """One intervention and its true effect; ``hoped_effect`` is what its team expected
    (registered in the ``pilots`` table, unlike the truth)."""

    name: str
    target_reasons: tuple[str, ...]
    channels: tuple[str, ...]
    starts_on: date
    pilot_ends_on: date
    rollout_on: date | None
    relative_effect: float
    spill_share: float = 0.0
    spill_channels: dict[str, float] = field(default_factory=dict)
    note: str = ""
    hoped_effect: float | None = None
    hypothesis: str = ""  # what the team believed beforehand (``note`` says what really happened)

    def active(self, days: list[date]) -> np.ndarray:
        """Days on which the effect is present."""
        last = date.max if self.rollout_on is not None else self.pilot_ends_on
        return np.array([self.starts_on <= d <= last for d in days])

    def targets(self, reasons: tuple[Reason, ...]) -> np.ndarray:
        """Which reasons the pilot aims at."""
        return np.array([any(r.matches(prefix) for prefix in self.target_reasons) for r in reasons])

    def channel_mask(self) -> np.ndarray:
        """Which channels the pilot aims at (all when ``channels`` is empty)."""
        if not self.channels:
            return np.ones(len(CHANNELS), dtype=bool)
        mask = np.zeros(len(CHANNELS), dtype=bool)
        mask[[channel_index(name) for name in self.channels]] = True
        return mask


def _pilot_dates(last_day: date, first_day: date, days_before_end: int,
                 rolled_out: bool) -> tuple[date, date, date | None]:
    """Start, end of the pilot window and rollout day, placed ``days_before_end`` before the
    end of the data (or as early as a short period allows)."""
    start = max(last_day - timedelta(days=days_before_end), first_day + timedelta(days=35))
    start += timedelta(days=(0 - start.weekday()) % 7)  # pilots start on a Monday
    pilot_end = start + timedelta(weeks=PILOT_WEEKS) - timedelta(days=1)
    return start, pilot_end, (pilot_end + timedelta(days=1)) if rolled_out else None


def demo_pilots(first_day: date, last_day: date) -> list[Pilot]:
    """The three demo pilots: one that works, one that moves contacts to other channels,
    and one that does nothing."""
    email_start, email_end, email_rollout = _pilot_dates(last_day, first_day, 150, rolled_out=True)
    bot_start, bot_end, bot_rollout = _pilot_dates(last_day, first_day, 110, rolled_out=True)
    faq_start, faq_end, _ = _pilot_dates(last_day, first_day, 70, rolled_out=False)
    return [
        Pilot(
            "Track-and-trace e-mail", ("Delivery > Status unknown",), (), email_start, email_end, email_rollout,
            -0.25, note="Proactive e-mail with the track-and-trace link when the parcel ships.", hoped_effect=-0.2,
            hypothesis="Customers call because they cannot see where their parcel is; an e-mail with the "
                       "track-and-trace link when it ships answers that before they ask.",
        ),
        Pilot(
            "Chatbot for password reset", ("Account > Login > Password",), ("Phone",), bot_start, bot_end, bot_rollout,
            -0.30, spill_share=0.4, spill_channels={"Live chat": 0.5, "Chatbot": 0.5},
            note="The phone menu sends password questions to the chatbot; some end up in chat instead.",
            hoped_effect=-0.3,
            hypothesis="Password resets need no agent; sending them from the phone menu to the chatbot "
                       "takes them off the phone.",
        ),
        Pilot(
            "New FAQ page on returns", ("Returns > Label",), (), faq_start, faq_end, None, 0.0,
            note="A rewritten FAQ page about return labels; it changed nothing.", hoped_effect=-0.15,
            hypothesis="Customers ask how to print a return label; a clearer FAQ page answers it.",
        ),
    ]


def apply_pilots(expected: np.ndarray, pilots: list[Pilot], days: list[date],
                 reasons: tuple[Reason, ...]) -> np.ndarray:
    """Expected contacts ``(days, reasons, channels)`` with every pilot's effect and
    spill-over applied; returns a new array."""
    result = expected.copy()
    for pilot in pilots:
        day_hit = pilot.active(days)
        reason_hit = pilot.targets(reasons)
        channel_hit = pilot.channel_mask()
        block = np.ix_(day_hit, reason_hit, channel_hit)
        before = result[block]
        result[block] = before * (1.0 + pilot.relative_effect)
        avoided = (before * -pilot.relative_effect).sum(axis=2)  # (days, reasons)
        for name, weight in pilot.spill_channels.items():
            c = channel_index(name)
            result[np.ix_(day_hit, reason_hit, [c])] += (pilot.spill_share * weight * avoided)[:, :, None]
    return result
