"""Daily contact volumes per reason and channel: the expected count from the model, then an
over-dispersed draw.

The model for day ``d``, reason ``r`` and channel ``c`` is

    mu[d, r, c] = ratio[r] / 1000 * sum_k lag[r, k] * orders[d - k]
                  * share[d, r, c] * weekday[c, d] * holiday[c, d] * events[d, r]

after which the pilots change their targets (``pilots.apply_pilots``). The count is
gamma-Poisson (negative binomial):

    count[d, r, c] ~ Poisson(mu[d, r, c] * G[d] * H[d, r]),  G ~ Gamma(k1), H ~ Gamma(k2)

with mean-one gamma effects for the whole day and for a reason on a day, so daily totals
vary far more than a Poisson count would.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np

from analytics.demo.attributes import product_order_shares
from analytics.demo.channels import CHANNELS, channel_shares, weekday_factors
from analytics.demo.events import DemoEvent, demo_events, event_contact_factors
from analytics.demo.orders import (
    ACTIVE_WINDOW_DAYS,
    active_customers,
    draw_orders,
    order_shape,
    split_orders,
    years_since,
)
from analytics.demo.pilots import Pilot, apply_pilots, demo_pilots
from analytics.demo.reason_tree import MAX_LAG_DAYS, Reason, demo_reasons, lag_kernels
from analytics.demo.shop_calendar import day_range, dutch_public_holidays, weekdays_of

HISTORY_DAYS = max(ACTIVE_WINDOW_DAYS, MAX_LAG_DAYS + 1)
DAY_DISPERSION = 80.0  # gamma shape of the whole-day effect: CV about 11%
REASON_DAY_DISPERSION = 25.0  # gamma shape of a reason's day effect: CV 20%


@dataclass(frozen=True)
class DemoVolumes:
    """Everything the contact rows are drawn from; arrays cover the period's days unless
    their name says ``history``."""

    days: list[date]
    reasons: tuple[Reason, ...]
    holidays: dict[date, str]
    events: list[DemoEvent]
    pilots: list[Pilot]
    orders_history: np.ndarray
    orders_by_product: np.ndarray
    active_customers: np.ndarray
    expected: np.ndarray
    counts: np.ndarray
    channel_load: np.ndarray
    orders_scale: float

    @property
    def orders(self) -> np.ndarray:
        """Orders per day of the period."""
        return self.orders_history[HISTORY_DAYS:]


def holiday_channel_factors(days: list[date], holidays: dict[date, str]) -> np.ndarray:
    """Factor on each channel's contacts per day, ``(days, channels)``: low on public
    holidays, a catch-up on the next day that is neither a holiday nor a Sunday."""
    closed = np.array([c.holiday_factor for c in CHANNELS])
    catch_up = np.array([c.catch_up_factor for c in CHANNELS])
    factors = np.ones((len(days), len(CHANNELS)))
    for i, day in enumerate(days):
        if day in holidays:
            factors[i] = closed
        elif (day - timedelta(days=1)) in holidays and day.weekday() != 6:
            factors[i] = catch_up
    return factors


def expected_contacts(
    orders_history: np.ndarray,
    days: list[date],
    reasons: tuple[Reason, ...],
    holidays: dict[date, str],
    events: list[DemoEvent],
    pilots: list[Pilot],
) -> np.ndarray:
    """The model's expected contacts, shape ``(days, reasons, channels)``.

    ``orders_history`` holds ``HISTORY_DAYS`` days before the period, then the period.
    """
    kernels = lag_kernels(reasons)  # (reasons, lags)
    lags = kernels.shape[1]
    windows = np.lib.stride_tricks.sliding_window_view(orders_history.astype(float), lags)
    windows = windows[HISTORY_DAYS - lags + 1: HISTORY_DAYS - lags + 1 + len(days)]  # (days, lags), oldest first
    lagged = windows[:, ::-1] @ kernels.T  # (days, reasons)
    ratio = np.array([r.contacts_per_1k_orders for r in reasons]) / 1000.0
    per_reason = lagged * ratio[None, :] * event_contact_factors(events, days, reasons)
    shares = channel_shares(years_since(days, days[0]), reasons)
    weekday = weekday_factors().T[weekdays_of(days)]  # (days, channels)
    per_channel_day = weekday * holiday_channel_factors(days, holidays)
    expected = per_reason[:, :, None] * shares * per_channel_day[:, None, :]
    return apply_pilots(expected, pilots, days, reasons)


def draw_counts(expected: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Gamma-Poisson contact counts with a shared day effect and a reason-day effect."""
    n_days, n_reasons, _ = expected.shape
    day_effect = rng.gamma(DAY_DISPERSION, 1.0 / DAY_DISPERSION, size=(n_days, 1, 1))
    reason_effect = rng.gamma(REASON_DAY_DISPERSION, 1.0 / REASON_DAY_DISPERSION, size=(n_days, n_reasons, 1))
    return rng.poisson(expected * day_effect * reason_effect).astype(np.int32)


def demo_volumes(first_day: date, days: int, contacts_per_day: float, seed: int) -> DemoVolumes:
    """Orders, drivers and contact counts for the period, scaled so the period averages
    ``contacts_per_day`` expected contacts a day."""
    period = day_range(first_day, days)
    history = day_range(first_day - timedelta(days=HISTORY_DAYS), HISTORY_DAYS + days)
    reasons = demo_reasons()
    holidays = dutch_public_holidays(history[0], period[-1])
    events = demo_events(period[0], period[-1])
    pilots = demo_pilots(period[0], period[-1])
    shape = order_shape(history, set(holidays), events)
    unit = expected_contacts(shape, period, reasons, holidays, events, pilots)
    orders_scale = contacts_per_day * days / unit.sum()
    rng = np.random.default_rng([seed, 1])
    orders_history = draw_orders(shape * orders_scale, rng)
    expected = expected_contacts(orders_history, period, reasons, holidays, events, pilots)
    counts = draw_counts(expected, rng)
    load = counts.sum(axis=1) / np.maximum(expected.sum(axis=1), 1e-9)
    return DemoVolumes(
        days=period,
        reasons=reasons,
        holidays={d: n for d, n in holidays.items() if d >= period[0]},
        events=events,
        pilots=pilots,
        orders_history=orders_history,
        orders_by_product=split_orders(orders_history[HISTORY_DAYS:], product_order_shares(period), rng),
        active_customers=active_customers(orders_history)[HISTORY_DAYS - ACTIVE_WINDOW_DAYS + 1:],
        expected=expected,
        counts=counts,
        channel_load=np.clip(load, 0.5, 3.0),
        orders_scale=float(orders_scale),
    )
