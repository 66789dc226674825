"""The shop's orders, the main driver of its contacts.

Expected orders per day are

    E[orders][d] = scale * (1 + growth) ** years[d] * season[d] * weekday[d] * holiday[d] * events[d]

and the orders themselves a gamma-Poisson draw around that. Active customers are the
customers who ordered in the last 90 days.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from analytics.demo.events import DemoEvent, event_order_factors
from analytics.demo.shop_calendar import ORDER_WEEKDAY, order_season, weekdays_of

YEARLY_GROWTH = 0.15
HOLIDAY_ORDER_FACTOR = 0.9
ORDER_DISPERSION = 300.0  # gamma shape of the day-to-day noise: CV about 6%
ACTIVE_WINDOW_DAYS = 90
ORDERS_PER_ACTIVE_CUSTOMER = 1.7


def years_since(days: list[date], origin: date) -> np.ndarray:
    """Years between ``origin`` and each day."""
    return np.array([(d - origin).days for d in days], dtype=float) / 365.25


def order_shape(days: list[date], holiday_days: set[date], events: list[DemoEvent]) -> np.ndarray:
    """Expected orders per day for a shop of scale 1 (growth, season, weekday, holidays
    and campaigns), starting at 1 on the first day."""
    growth = (1.0 + YEARLY_GROWTH) ** years_since(days, days[0])
    weekday = ORDER_WEEKDAY[weekdays_of(days)]
    holiday = np.array([HOLIDAY_ORDER_FACTOR if d in holiday_days else 1.0 for d in days])
    return growth * order_season(days) * weekday * holiday * event_order_factors(events, days)


def draw_orders(expected: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Orders per day: Poisson around the expectation times a gamma day effect."""
    day_effect = rng.gamma(ORDER_DISPERSION, 1.0 / ORDER_DISPERSION, size=expected.shape)
    return rng.poisson(expected * day_effect).astype(np.int64)


def split_orders(orders: np.ndarray, shares: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Split each day's orders over products, shape ``(days, products)``; rows sum to the
    day's orders."""
    return rng.multinomial(orders, shares).astype(np.int64)


def active_customers(orders: np.ndarray, window_days: int = ACTIVE_WINDOW_DAYS) -> np.ndarray:
    """Customers who ordered in the last ``window_days`` for every day from index
    ``window_days - 1`` on (the earlier days only serve as history)."""
    rolling = np.convolve(orders.astype(float), np.ones(window_days), mode="valid")
    return np.round(rolling / ORDERS_PER_ACTIVE_CUSTOMER).astype(np.int64)
