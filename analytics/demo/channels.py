"""The demo shop's channels: group, cost, share, opening hours and handling times.

A channel's share of a reason's contacts on day ``d`` is

    share[d, r, c] = base[c] * (1 + trend[c]) ** years[d] * tilt[r, c] / sum over c

so digital channels win share over the years and some reasons prefer some channels.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analytics.demo.reason_tree import Reason, most_specific

# Mean-one weekday factors (Monday first) and hour weights for weekday, Saturday, Sunday.
WEEKDAY_PATTERNS: dict[str, tuple[float, ...]] = {
    "office": (1.35, 1.15, 1.05, 1.0, 0.95, 0.6, 0.25),
    "messaging": (1.2, 1.1, 1.0, 1.0, 0.95, 0.75, 0.6),
    "always": (1.15, 1.05, 1.0, 1.0, 0.95, 0.85, 0.9),
    "inbox": (1.25, 1.1, 1.0, 1.0, 0.95, 0.75, 0.8),
    "post": (1.3, 1.2, 1.15, 1.1, 1.1, 0.5, 0.0),
    "store": (0.9, 0.95, 1.0, 1.0, 1.15, 1.5, 0.5),
}


def _hours(weights_by_hour: dict[int, float]) -> tuple[float, ...]:
    return tuple(weights_by_hour.get(hour, 0.0) for hour in range(24))


_OFFICE_WEEKDAY = _hours(dict(zip(range(8, 21),
                                  (0.6, 1.0, 1.1, 1.05, 0.85, 0.9, 0.95, 0.9, 0.85, 0.7, 0.55, 0.5, 0.4))))
_OFFICE_SATURDAY = _hours(dict(zip(range(9, 17), (0.8, 1.0, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5))))
_OFFICE_SUNDAY = _hours(dict(zip(range(10, 16), (1.0,) * 6)))
_AROUND_THE_CLOCK = (0.25, 0.15, 0.1, 0.08, 0.08, 0.12, 0.3, 0.55, 0.8, 1.0, 1.0, 0.95,
                     0.9, 0.9, 0.9, 0.85, 0.8, 0.8, 0.85, 0.95, 1.0, 0.95, 0.7, 0.45)
_MESSAGING = _hours({h: w for h, w in enumerate(_AROUND_THE_CLOCK) if 7 <= h <= 23})
_POST = _hours({9: 1.0, 10: 1.0, 11: 0.6})
_STORE_WEEKDAY = _hours(dict(zip(range(10, 18), (0.6, 0.8, 0.9, 1.0, 1.0, 0.9, 0.8, 0.6))))
_STORE_SUNDAY = _hours(dict(zip(range(12, 17), (1.0,) * 5)))

HOUR_PATTERNS: dict[str, tuple[tuple[float, ...], tuple[float, ...], tuple[float, ...]]] = {
    "office": (_OFFICE_WEEKDAY, _OFFICE_SATURDAY, _OFFICE_SUNDAY),
    "messaging": (_MESSAGING, _MESSAGING, _MESSAGING),
    "always": (_AROUND_THE_CLOCK,) * 3,
    "inbox": (_AROUND_THE_CLOCK,) * 3,
    "post": (_POST, _POST, _POST),
    "store": (_STORE_WEEKDAY, _STORE_WEEKDAY, _STORE_SUNDAY),
}


@dataclass(frozen=True)
class DemoChannel:
    """One channel of the demo shop.

    ``holiday_factor`` scales its contacts on a public holiday; ``catch_up_factor`` the
    next working day. Handle and wait times are lognormal with the given median and
    sigma; a wait median of ``None`` means the channel records no wait.
    """

    name: str
    group: str
    cost_per_contact: float
    base_share: float
    share_trend_per_year: float
    pattern: str
    holiday_factor: float
    catch_up_factor: float
    handle_median_seconds: float
    handle_sigma: float
    wait_median_seconds: float | None
    wait_sigma: float
    resolution_factor: float
    csat_response_rate: float


CHANNELS: tuple[DemoChannel, ...] = (
    DemoChannel("Phone", "voice", 6.0, 0.34, -0.06, "office", 0.15, 1.2, 330, 0.5, 75, 0.9, 1.05, 0.32),
    DemoChannel("Callback", "voice", 6.5, 0.03, 0.0, "office", 0.15, 1.2, 360, 0.5, 1200, 0.6, 1.05, 0.3),
    DemoChannel("Live chat", "chat", 3.5, 0.15, 0.05, "office", 0.2, 1.15, 480, 0.55, 35, 0.9, 1.0, 0.4),
    DemoChannel("Chatbot", "chat", 0.5, 0.10, 0.30, "always", 0.9, 1.0, 120, 0.7, 2, 0.3, 0.55, 0.3),
    DemoChannel("WhatsApp", "chat", 3.0, 0.07, 0.20, "messaging", 0.6, 1.1, 540, 0.6, 420, 1.0, 0.95, 0.35),
    DemoChannel("Social media", "chat", 4.0, 0.02, 0.0, "messaging", 0.6, 1.1, 420, 0.6, 1800, 1.0, 0.9, 0.2),
    DemoChannel("E-mail", "written", 4.5, 0.17, -0.05, "inbox", 0.6, 1.1, 300, 0.6, None, 0.0, 0.95, 0.25),
    DemoChannel("Web form", "written", 4.0, 0.08, 0.02, "inbox", 0.6, 1.1, 270, 0.6, None, 0.0, 0.95, 0.25),
    DemoChannel("Post", "written", 9.0, 0.01, -0.15, "post", 0.0, 1.3, 540, 0.5, None, 0.0, 0.9, 0.05),
    DemoChannel("Video", "personal", 8.0, 0.005, 0.10, "office", 0.15, 1.2, 600, 0.45, 90, 0.7, 1.05, 0.4),
    DemoChannel("In store", "personal", 10.0, 0.025, -0.05, "store", 0.1, 1.1, 420, 0.5, 240, 0.8, 1.1, 0.2),
)

# How much more (or less) a reason uses a channel than the average reason does.
CHANNEL_TILTS: dict[tuple[str, ...], dict[str, float]] = {
    ("Account", "Login"): {"Chatbot": 1.6, "Phone": 1.3, "Post": 0.0, "In store": 0.2},
    ("Payment", "Invoice"): {"E-mail": 2.0, "Web form": 1.5, "Post": 3.0, "Chatbot": 0.5},
    ("Payment", "Pay later"): {"Post": 4.0, "Phone": 1.3},
    ("Returns",): {"Web form": 1.5, "In store": 2.5},
    ("Product", "Information"): {"Live chat": 1.6, "Chatbot": 1.4, "Social media": 1.5, "Phone": 0.7, "In store": 2.0},
    ("Product", "Defect"): {"Video": 3.0, "In store": 1.5, "E-mail": 1.3},
    ("Delivery", "Status unknown"): {"Chatbot": 1.5, "WhatsApp": 1.4},
    ("Order", "Change"): {"Phone": 1.3, "Live chat": 1.2},
    ("Other",): {"Post": 2.0, "Social media": 2.0},
}


def channel_index(name: str) -> int:
    """Position of a channel in ``CHANNELS``.

    Raises
    ------
    ValueError
        When no demo channel has that name.
    """
    for index, channel in enumerate(CHANNELS):
        if channel.name == name:
            return index
    raise ValueError(f"no demo channel called {name!r}")


def channel_tilts(reasons: tuple[Reason, ...]) -> np.ndarray:
    """Channel preference of every reason, shape ``(reasons, channels)``."""
    tilts = np.ones((len(reasons), len(CHANNELS)))
    for r, reason in enumerate(reasons):
        for name, factor in most_specific((reason.l1, reason.l2, reason.l3), CHANNEL_TILTS, {}).items():
            tilts[r, channel_index(name)] = factor
    return tilts


def channel_shares(years_since_start: np.ndarray, reasons: tuple[Reason, ...]) -> np.ndarray:
    """Each channel's share of each reason per day, shape ``(days, reasons, channels)``;
    shares sum to 1 over channels."""
    base = np.array([c.base_share for c in CHANNELS])
    trend = np.array([c.share_trend_per_year for c in CHANNELS])
    by_day = base[None, :] * (1.0 + trend[None, :]) ** years_since_start[:, None]
    shares = by_day[:, None, :] * channel_tilts(reasons)[None, :, :]
    return shares / shares.sum(axis=2, keepdims=True)


def weekday_factors() -> np.ndarray:
    """Mean-one weekday factor of every channel, shape ``(channels, 7)``, Monday first."""
    rows = np.array([WEEKDAY_PATTERNS[c.pattern] for c in CHANNELS])
    return rows / rows.mean(axis=1, keepdims=True)


def hour_cumulative_shares() -> np.ndarray:
    """Cumulative hour-of-day shares, shape ``(channels, 3, 24)``; the middle axis is
    weekday, Saturday, Sunday-or-holiday. The last hour's value is 1."""
    weights = np.array([HOUR_PATTERNS[c.pattern] for c in CHANNELS], dtype=float)
    cumulative = np.cumsum(weights, axis=2)
    return cumulative / cumulative[:, :, -1:]
