"""Turn a stretch of daily counts into contact rows, vectorised.

Each counted contact gets a time from its channel's hour pattern, a customer (new, or the
customer of an earlier contact when it is a repeat), an order placed ``lag`` days before
for order-related reasons, a product, a carrier, a segment, handling and waiting times, a
resolution flag and, for about a third, a satisfaction score.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

import numpy as np

from analytics.demo import repeats
from analytics.demo.attributes import (
    business_share_by_reason,
    carrier_shares_by_reason,
    product_order_shares,
    product_shares_by_reason,
)
from analytics.demo.channels import CHANNELS, channel_index, hour_cumulative_shares
from analytics.demo.reason_tree import lag_kernels
from analytics.demo.volumes import HISTORY_DAYS, DemoVolumes

DAY_US = 86_400 * 1_000_000
HOUR_US = 3_600 * 1_000_000
ORDER_ID_KNOWN_SHARE = 0.9
BUSINESS_ID_SLOTS, ID_BLOCK = 3, 20  # business customers are numbers ending in 00-02 modulo 20
CSAT_RESOLVED = np.array([0.03, 0.04, 0.10, 0.33, 0.50])
CSAT_UNRESOLVED = np.array([0.25, 0.22, 0.25, 0.18, 0.10])
LONG_WAIT_SECONDS = 600


@dataclass(frozen=True)
class ContactBatch:
    """Contact rows as parallel arrays, sorted by time. Codes index ``CHANNELS``, the
    reasons, ``PRODUCTS``, ``CARRIERS`` and ``SEGMENTS``; -1 and NaN mean missing."""

    seq: np.ndarray
    started_at_us: np.ndarray
    channel: np.ndarray
    reason: np.ndarray
    customer_no: np.ndarray
    segment: np.ndarray
    order_no: np.ndarray
    product: np.ndarray
    carrier: np.ndarray
    handle_seconds: np.ndarray
    wait_seconds: np.ndarray
    resolved: np.ndarray
    csat: np.ndarray

    def __len__(self) -> int:
        return len(self.seq)

    def take(self, index: np.ndarray) -> "ContactBatch":
        """The rows at ``index`` (integer positions or a boolean mask)."""
        return ContactBatch(**{f.name: getattr(self, f.name)[index] for f in fields(self)})


def draw_from_rows(cumulative: np.ndarray, row: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Draw a column index per item from its row of a cumulative-share table.

    Rows are stacked as ``row + cumulative`` into one ascending array, so one
    ``searchsorted`` serves every item. ``u`` must lie in (0, 1].
    """
    n_rows, n_cols = cumulative.shape
    stacked = (np.arange(n_rows)[:, None] + cumulative).ravel()
    return np.searchsorted(stacked, row + u, side="left") - row * n_cols


def _unit(rng: np.random.Generator, n: int) -> np.ndarray:
    """Uniform numbers in (0, 1]."""
    return 1.0 - rng.random(n)


def _day_types(days: list[date], holidays: dict[date, str]) -> np.ndarray:
    """0 weekday, 1 Saturday, 2 Sunday or public holiday."""
    return np.array([2 if (d in holidays or d.weekday() == 6) else (1 if d.weekday() == 5 else 0) for d in days])


def _customers(segment: np.ndarray, pool: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """New customer numbers drawn from the active customers; business customers own
    ``BUSINESS_ID_SLOTS`` of every ``ID_BLOCK`` numbers, so a number has one segment."""
    slots = np.where(segment == 1, BUSINESS_ID_SLOTS, ID_BLOCK - BUSINESS_ID_SLOTS)
    k = np.floor(rng.random(len(segment)) * np.maximum(pool * slots // ID_BLOCK, 1)).astype(np.int64)
    offset = np.where(segment == 1, 0, BUSINESS_ID_SLOTS)
    return (k // slots) * ID_BLOCK + offset + k % slots + 1


def _orders(reason: np.ndarray, day: np.ndarray, volumes: DemoVolumes, rng: np.random.Generator) -> np.ndarray:
    """The number of the order each contact is about; -1 when it has none or the customer
    did not give it."""
    n = len(reason)
    linked = np.array([r.family.order_linked for r in volumes.reasons])[reason] & (rng.random(n) < ORDER_ID_KNOWN_SHARE)
    cumulative_lags = np.cumsum(lag_kernels(volumes.reasons), axis=1)
    lag = draw_from_rows(cumulative_lags, reason, _unit(rng, n))
    order_day = HISTORY_DAYS + day - lag
    orders = volumes.orders_history
    first_number = np.concatenate([[0], np.cumsum(orders)[:-1]])
    number = first_number[order_day] + np.floor(rng.random(n) * np.maximum(orders[order_day], 1)).astype(np.int64) + 1
    return np.where(linked, number, -1)


def _handle_and_wait(channel: np.ndarray, reason: np.ndarray, load: np.ndarray, volumes: DemoVolumes,
                     rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Handling time (lognormal per channel, times the reason's factor) and waiting time
    (lognormal, times the square of the day's load on the channel)."""
    n = len(channel)
    handle_median = np.array([c.handle_median_seconds for c in CHANNELS])[channel]
    handle_sigma = np.array([c.handle_sigma for c in CHANNELS])[channel]
    handle_factor = np.array([r.family.handle_factor for r in volumes.reasons])[reason]
    handle = np.round(handle_median * handle_factor * np.exp(handle_sigma * rng.standard_normal(n)))
    wait_medians = [np.nan if c.wait_median_seconds is None else c.wait_median_seconds for c in CHANNELS]
    wait_median = np.array(wait_medians)[channel]
    wait_sigma = np.array([c.wait_sigma for c in CHANNELS])[channel]
    wait = np.round(wait_median * load**2 * np.exp(wait_sigma * rng.standard_normal(n)))
    return np.maximum(handle, 5.0), wait


def _csat(channel: np.ndarray, resolved: np.ndarray, wait: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A 1-5 score for the contacts whose customer answered the survey, NaN otherwise.
    Unresolved contacts, the chatbot and long waits score lower."""
    n = len(channel)
    answered = rng.random(n) < np.array([c.csat_response_rate for c in CHANNELS])[channel]
    resolved_score = np.searchsorted(np.cumsum(CSAT_RESOLVED), _unit(rng, n)) + 1
    unresolved_score = np.searchsorted(np.cumsum(CSAT_UNRESOLVED), _unit(rng, n)) + 1
    score = np.where(resolved, resolved_score, unresolved_score)
    penalty = ((channel == channel_index("Chatbot")) & (rng.random(n) < 0.3)) | (
        (np.nan_to_num(wait) > LONG_WAIT_SECONDS) & (rng.random(n) < 0.4))
    score = np.clip(score - penalty, 1, 5).astype(float)
    return np.where(answered, score, np.nan)


def contact_batch(volumes: DemoVolumes, first: int, stop: int, first_seq: int, recent: ContactBatch | None,
                  rng: np.random.Generator) -> ContactBatch:
    """The contacts of period days ``first`` to ``stop - 1``.

    ``recent`` holds the final rows of the last week before ``first``, so repeats can
    point back across batches. Contacts are numbered from ``first_seq`` in time order.
    """
    days = volumes.days[first:stop]
    counts = volumes.counts[first:stop]
    cell = np.repeat(np.arange(counts.size), counts.ravel())
    local_day, reason, channel = np.unravel_index(cell, counts.shape)
    n = len(cell)

    day_type = _day_types(days, volumes.holidays)[local_day]
    hour = draw_from_rows(hour_cumulative_shares().reshape(-1, 24), channel * 3 + day_type, _unit(rng, n))
    epoch_day = np.array([(d - date(1970, 1, 1)).days for d in days], dtype=np.int64)
    started = epoch_day[local_day] * DAY_US + hour * HOUR_US + (rng.random(n) * HOUR_US).astype(np.int64)
    order = np.argsort(started, kind="stable")
    started, local_day, reason, channel = started[order], local_day[order], reason[order], channel[order]
    day = local_day + first

    fcr = np.array([r.first_contact_resolution for r in volumes.reasons])[reason]
    channel_fcr = np.array([c.resolution_factor for c in CHANNELS])[channel]
    resolved = rng.random(n) < np.clip(fcr * channel_fcr, 0.02, 0.97)
    segment = (rng.random(n) < business_share_by_reason(volumes.reasons)[reason]).astype(np.int8)
    customer = _customers(segment, volumes.active_customers[day], rng)
    order_no = _orders(reason, day, volumes, rng)

    product_rows = product_shares_by_reason(product_order_shares(days).mean(axis=0), volumes.reasons)
    has_product = np.array([r.family.has_product for r in volumes.reasons])[reason]
    product = np.where(has_product, draw_from_rows(np.cumsum(product_rows, axis=1), reason, _unit(rng, n)), -1)
    has_carrier = np.array([r.family.has_carrier for r in volumes.reasons])[reason]
    carrier_rows = np.cumsum(carrier_shares_by_reason(volumes.reasons), axis=1)
    carrier = np.where(has_carrier, draw_from_rows(carrier_rows, reason, _unit(rng, n)), -1)

    handle, wait = _handle_and_wait(channel, reason, volumes.channel_load[day, channel], volumes, rng)
    batch = ContactBatch(
        seq=first_seq + np.arange(n, dtype=np.int64), started_at_us=started, channel=channel.astype(np.int8),
        reason=reason.astype(np.int16), customer_no=customer, segment=segment, order_no=order_no,
        product=product.astype(np.int8), carrier=carrier.astype(np.int8), handle_seconds=handle,
        wait_seconds=wait, resolved=resolved, csat=_csat(channel, resolved, wait, rng),
    )
    return _link_repeats(batch, recent, volumes, rng)


def _concat(a: ContactBatch, b: ContactBatch) -> ContactBatch:
    return ContactBatch(**{f.name: np.concatenate([getattr(a, f.name), getattr(b, f.name)]) for f in fields(a)})


def _link_repeats(batch: ContactBatch, recent: ContactBatch | None, volumes: DemoVolumes,
                  rng: np.random.Generator) -> ContactBatch:
    """Make some contacts repeats of earlier ones: they take over the earlier contact's
    customer and segment, and on the same reason also its order, product and carrier."""
    both = batch if recent is None else _concat(recent, batch)
    offset = len(both) - len(batch)
    repeat_share = np.array([r.repeat_share for r in volumes.reasons])[batch.reason]
    children = offset + np.flatnonzero(rng.random(len(batch)) < repeat_share)
    same_reason = rng.random(len(children)) < repeats.SAME_REASON_SHARE
    parents = repeats.pick_parents(both.started_at_us, both.reason, both.resolved, children, same_reason, rng)
    found = parents >= 0
    customer_link = np.arange(len(both))
    customer_link[children[found]] = parents[found]
    same = found & (both.reason[np.maximum(parents, 0)] == both.reason[children])
    case_link = np.arange(len(both))
    case_link[children[same]] = parents[same]
    customer_root = repeats.roots(customer_link)[offset:]
    case_root = repeats.roots(case_link)[offset:]
    return replace(
        batch,
        customer_no=both.customer_no[customer_root], segment=both.segment[customer_root],
        order_no=both.order_no[case_root], product=both.product[case_root], carrier=both.carrier[case_root],
    )


def merged_in_time(first: ContactBatch, second: ContactBatch, first_seq: int) -> tuple[ContactBatch, np.ndarray]:
    """Both batches' rows in one, in time order (``first``'s row first at equal times) and
    numbered from ``first_seq``, and that order as positions into ``first`` then ``second``
    (for columns kept beside the batch)."""
    both = _concat(first, second)
    order = np.argsort(both.started_at_us, kind="stable")
    merged = both.take(order)
    return replace(merged, seq=first_seq + np.arange(len(merged), dtype=np.int64)), order


def last_week(batch: ContactBatch) -> ContactBatch:
    """The rows of the batch's final seven days: the parents the next batch may need."""
    if len(batch) == 0:
        return batch
    return batch.take(batch.started_at_us >= batch.started_at_us[-1] - repeats.WEEK_US)
