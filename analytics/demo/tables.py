"""Arrow tables in the shape of the store's tables, built from the demo's arrays.

Text columns are dictionary-encoded (codes plus a short list of names), so a million rows
cost a few megabytes until DuckDB writes them. Identifiers are made in SQL by
``CONTACTS_INSERT``.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pyarrow as pa

from analytics.demo.attributes import CARRIERS, PRODUCTS, SEGMENTS
from analytics.demo.channels import CHANNELS
from analytics.demo.contacts import ContactBatch
from analytics.demo.events import DemoEvent
from analytics.demo.pilots import Pilot
from analytics.demo.reason_tree import Reason
from analytics.demo.volumes import DemoVolumes

CONTACTS_INSERT = """
insert into contacts (contact_id, started_at, channel, reason_l1, reason_l2, reason_l3, customer_id, order_id,
                      department, product, supplier, segment, handle_seconds, wait_seconds, resolved, csat,
                      csat_scale, import_id, text)
select 'C' || lpad(seq::varchar, 10, '0'), started_at, channel, reason_l1, reason_l2, reason_l3,
       'CU' || lpad(customer_no::varchar, 9, '0'), 'ORD' || lpad(order_no::varchar, 10, '0'),
       department, product, supplier, segment, handle_seconds, wait_seconds, resolved, csat,
       csat_scale, $import_id, text
from demo_contacts
"""


def _dictionary(codes: np.ndarray, names: list[str] | tuple[str, ...]) -> pa.DictionaryArray:
    """Dictionary column from codes into ``names``; negative codes become null."""
    indices = pa.array(codes.astype(np.int32), mask=codes < 0)
    return pa.DictionaryArray.from_arrays(indices, pa.array(list(names), pa.string()))


def _nullable(values: np.ndarray) -> pa.Array:
    """Float column with NaN as null."""
    return pa.array(values, pa.float64(), mask=np.isnan(values))


def _level_codes(names: list[str]) -> tuple[np.ndarray, list[str]]:
    """Codes of each name into the list of distinct names."""
    distinct = sorted(set(names))
    return np.array([distinct.index(name) for name in names]), distinct


def contacts_table(batch: ContactBatch, reasons: tuple[Reason, ...], texts: pa.Array) -> pa.Table:
    """One batch of contacts with their subject lines (``texts``, one per row), columns
    named as ``CONTACTS_INSERT`` reads them."""
    columns: dict[str, pa.Array] = {
        "seq": pa.array(batch.seq),
        "started_at": pa.array(batch.started_at_us, pa.timestamp("us")),
        "channel": _dictionary(batch.channel, [c.name for c in CHANNELS]),
    }
    for level in ("l1", "l2", "l3", "department"):
        codes, names = _level_codes([getattr(r, level) for r in reasons])
        column = "department" if level == "department" else f"reason_{level}"
        columns[column] = _dictionary(codes[batch.reason], names)
    has_order = batch.order_no >= 0
    columns |= {
        "customer_no": pa.array(batch.customer_no),
        "order_no": pa.array(batch.order_no, mask=~has_order),
        "product": _dictionary(batch.product, PRODUCTS),
        "supplier": _dictionary(batch.carrier, CARRIERS),
        "segment": _dictionary(batch.segment, SEGMENTS),
        "handle_seconds": pa.array(batch.handle_seconds, pa.float64()),
        "wait_seconds": _nullable(batch.wait_seconds),
        "resolved": pa.array(batch.resolved),
        "csat": _nullable(batch.csat),
        "csat_scale": _nullable(np.where(np.isnan(batch.csat), np.nan, 5.0)),
        "text": texts,
    }
    return pa.table(columns)


def channels_table() -> pa.Table:
    """The ``channels`` rows."""
    return pa.table({
        "channel": [c.name for c in CHANNELS],
        "channel_group": [c.group for c in CHANNELS],
        "cost_per_contact": [c.cost_per_contact for c in CHANNELS],
    })


def reasons_table(reasons: tuple[Reason, ...]) -> pa.Table:
    """The ``reasons`` rows: every leaf with its department and value class."""
    return pa.table({
        "reason_l1": [r.l1 for r in reasons],
        "reason_l2": [r.l2 for r in reasons],
        "reason_l3": [r.l3 for r in reasons],
        "department": [r.department for r in reasons],
        "value_class": pa.array([r.value_class for r in reasons], pa.string()),
    })


def drivers_table(volumes: DemoVolumes, import_id: int) -> pa.Table:
    """The ``drivers`` rows: daily orders, active customers and orders per product."""
    days = pa.array(volumes.days, pa.date32())
    n = len(volumes.days)
    parts = [
        pa.table({"day": days, "driver": ["orders"] * n, "value": volumes.orders.astype(float),
                  "dimension": [""] * n, "dimension_value": [""] * n}),
        pa.table({"day": days, "driver": ["active_customers"] * n, "value": volumes.active_customers.astype(float),
                  "dimension": [""] * n, "dimension_value": [""] * n}),
    ]
    for p, product in enumerate(PRODUCTS):
        by_product = volumes.orders_by_product[:, p].astype(float)
        parts.append(pa.table({"day": days, "driver": ["orders"] * n, "value": by_product,
                               "dimension": ["product"] * n, "dimension_value": [product] * n}))
    table = pa.concat_tables(parts)
    return table.append_column("import_id", pa.array([import_id] * len(table), pa.int32()))


def events_table(events: list[DemoEvent]) -> pa.Table:
    """The ``events`` rows (without ids; the store numbers them)."""
    return pa.table({
        "name": [e.name for e in events],
        "kind": [e.kind for e in events],
        "starts_on": pa.array([e.starts_on for e in events], pa.date32()),
        "ends_on": pa.array([e.ends_on for e in events], pa.date32()),
        "foreseen": [e.foreseen for e in events],
        "reason_l1": pa.array([e.reason_l1 for e in events], pa.string()),
        "reason_l2": pa.array([e.reason_l2 for e in events], pa.string()),
        "note": [e.note for e in events],
    })


def pilots_table(pilots: list[Pilot], reasons: tuple[Reason, ...], created_at: datetime) -> pa.Table:
    """The ``pilots`` rows (without ids): each demo pilot as its team registered it, with
    the department that owns its first reason and the effect the team hoped for."""
    def owner(pilot: Pilot) -> str | None:
        return next((r.department for r in reasons if r.matches(pilot.target_reasons[0])), None)

    return pa.table({
        "name": [p.name for p in pilots],
        "hypothesis": [p.hypothesis or p.note for p in pilots],
        "owner": pa.array([owner(p) for p in pilots], pa.string()),
        "status": ["rolled_out" if p.rollout_on else "stopped" for p in pilots],
        "target_reasons": pa.array([list(p.target_reasons) for p in pilots], pa.list_(pa.string())),
        "channels": pa.array([list(p.channels) for p in pilots], pa.list_(pa.string())),
        "starts_on": pa.array([p.starts_on for p in pilots], pa.date32()),
        "ends_on": pa.array([p.pilot_ends_on for p in pilots], pa.date32()),
        "rollout_on": pa.array([p.rollout_on for p in pilots], pa.date32()),
        "expected_effect": [p.hoped_effect for p in pilots],
        "created_at": pa.array([created_at] * len(pilots), pa.timestamp("us")),
    })
