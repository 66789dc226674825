"""Events in the demo: yearly campaigns, public holidays and one unforeseen outage, each
with the effect the generator really injects.

An event multiplies the orders of its days by ``order_factor`` and the expected contacts
of every reason under each of its ``contact_factors`` prefixes by that factor (factors of
nested prefixes multiply).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from analytics.demo.reason_tree import Reason
from analytics.demo.shop_calendar import black_friday, dutch_public_holidays, spring_sale_start

OUTAGE_DAYS = 2


@dataclass(frozen=True)
class DemoEvent:
    """One row of the ``events`` table and its injected effect."""

    name: str
    kind: str
    starts_on: date
    ends_on: date
    foreseen: bool
    reason_l1: str | None = None
    reason_l2: str | None = None
    note: str = ""
    order_factor: float = 1.0
    contact_factors: tuple[tuple[str, float], ...] = field(default_factory=tuple)

    def covers(self, days: list[date]) -> np.ndarray:
        """Which of ``days`` fall inside the event."""
        return np.array([self.starts_on <= d <= self.ends_on for d in days])


def outage_start(first_day: date, last_day: date) -> date:
    """A Tuesday a little past the middle of the period, at least half a year before its
    end when the period is long enough, so it does not overlap the pilots."""
    days = (last_day - first_day).days + 1
    candidate = min(first_day + timedelta(days=round(0.55 * days)), last_day - timedelta(days=180))
    candidate = max(candidate, first_day + timedelta(days=7))
    candidate += timedelta(days=(1 - candidate.weekday()) % 7)
    if candidate + timedelta(days=OUTAGE_DAYS - 1) > last_day:
        candidate = last_day - timedelta(days=OUTAGE_DAYS - 1)
    return candidate


def demo_events(first_day: date, last_day: date) -> list[DemoEvent]:
    """Every event that touches the period, in date order."""
    events = []
    for year in range(first_day.year, last_day.year + 1):
        sale = spring_sale_start(year)
        events.append(DemoEvent(
            "Spring sale", "campaign", sale, sale + timedelta(days=13), True, reason_l1="Order",
            note="Two-week sale: more orders and more questions about orders and discount codes.",
            order_factor=1.35, contact_factors=(("Order", 1.4),),
        ))
        friday = black_friday(year)
        events.append(DemoEvent(
            "Black Friday", "campaign", friday, friday + timedelta(days=3), True, reason_l1="Order",
            note="Black Friday to Cyber Monday: about twice the orders.",
            order_factor=2.0, contact_factors=(("Order", 1.3),),
        ))
    for day, name in dutch_public_holidays(first_day, last_day).items():
        events.append(DemoEvent(name, "holiday", day, day, True,
                                note="Public holiday: phone lines and stores mostly closed."))
    start = outage_start(first_day, last_day)
    events.append(DemoEvent(
        "Login and payment outage", "outage", start, start + timedelta(days=OUTAGE_DAYS - 1), False,
        note="Unforeseen platform outage: customers cannot log in or pay.",
        order_factor=0.7,
        contact_factors=(("Account > Login", 3.5), ("Payment", 1.6), ("Payment > Payment failed", 3.0)),
    ))
    inside = [e for e in events if e.ends_on >= first_day and e.starts_on <= last_day]
    return sorted(inside, key=lambda e: (e.starts_on, e.name))


def event_order_factors(events: list[DemoEvent], days: list[date]) -> np.ndarray:
    """The events' combined factor on each day's orders."""
    factors = np.ones(len(days))
    for event in events:
        factors = np.where(event.covers(days), factors * event.order_factor, factors)
    return factors


def event_contact_factors(events: list[DemoEvent], days: list[date], reasons: tuple[Reason, ...]) -> np.ndarray:
    """The events' combined factor on expected contacts, shape ``(days, reasons)``."""
    factors = np.ones((len(days), len(reasons)))
    for event in events:
        covered = event.covers(days)
        for prefix, factor in event.contact_factors:
            hit = np.array([reason.matches(prefix) for reason in reasons])
            factors[np.ix_(covered, hit)] *= factor
    return factors
