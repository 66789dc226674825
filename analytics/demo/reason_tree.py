"""The demo shop's three-level reason tree and what drives each reason.

Every leaf carries its contact ratio (contacts per 1,000 orders), how many days after the
order its contacts arrive, how often a contact is resolved first time and how often it is
a repeat of an earlier contact. Attributes are set on a prefix of the path; the most
specific prefix wins, so ``("Payment", "Refund")`` overrides ``("Payment",)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, TypeVar

import numpy as np

from analytics.filters import reason_path

MAX_LAG_DAYS = 30

T = TypeVar("T")

# contacts per 1,000 orders for each leaf; an empty name is a level the agent left blank.
REASON_TREE: dict[str, dict[str, dict[str, float]]] = {
    "Delivery": {
        "Not delivered": {"Parcel lost": 3.0, "Delivered to neighbour": 2.0, "Marked delivered, not received": 2.5},
        "Late": {"Carrier delay": 4.0, "Out of stock delay": 1.5, "Wrong delivery date": 1.0},
        "Status unknown": {"Track and trace": 7.0, "No shipping confirmation": 2.0},
        "Damaged": {"": 2.0},
        "Delivery options": {"Change delivery date": 2.0, "Pick-up point": 1.5},
        "": {"": 0.8},
    },
    "Order": {
        "Change": {"Address": 3.0, "Items": 2.0, "Delivery method": 1.0},
        "Cancel": {"Changed mind": 2.5, "Ordered twice": 1.0, "Too slow": 1.5},
        "Confirmation": {"Not received": 2.0, "Wrong details": 0.8},
        "Discount code": {"": 2.0},
        "": {"": 0.6},
    },
    "Payment": {
        "Refund": {"Not received": 4.0, "Amount wrong": 1.2},
        "Invoice": {"Copy needed": 1.5, "VAT invoice": 0.8, "Incorrect": 0.7},
        "Payment failed": {"iDEAL": 1.2, "Credit card": 0.8},
        "Pay later": {"Reminder": 1.5, "Collection agency": 0.5},
    },
    "Returns": {
        "Label": {"Not received": 3.0, "Does not work": 1.5},
        "Return policy": {"Deadline": 1.5, "Costs": 1.2},
        "Pick-up": {"Not collected": 1.5},
        "Exchange": {"Other size": 2.0, "Other colour": 0.8},
        "Return status": {"": 1.5},
    },
    "Product": {
        "Defect": {"Broken on arrival": 2.5, "Stopped working": 2.0},
        "Information": {"Size": 3.0, "Specifications": 2.0, "Availability": 1.5},
        "Warranty": {"Repair": 1.0, "Replacement": 0.8},
        "Missing parts": {"": 0.8},
    },
    "Account": {
        "Login": {"Password": 4.0, "Two-factor code": 0.8, "Account blocked": 0.7},
        "Personal data": {"Change e-mail": 1.0, "Delete account": 0.5},
        "Newsletter": {"Unsubscribe": 0.6},
        "Website error": {"Checkout": 0.8, "App": 0.6},
    },
    "Other": {"": {"": 2.9}},
}


@dataclass(frozen=True)
class ReasonFamily:
    """What every reason under one first level shares."""

    department: str
    order_linked: bool
    has_product: bool
    has_carrier: bool
    handle_factor: float


FAMILIES: dict[str, ReasonFamily] = {
    "Delivery": ReasonFamily("Logistics", True, True, True, 1.0),
    "Order": ReasonFamily("Sales", True, True, False, 0.9),
    "Payment": ReasonFamily("Finance", True, False, False, 1.15),
    "Returns": ReasonFamily("Returns desk", True, True, True, 0.95),
    "Product": ReasonFamily("Product management", False, True, False, 1.1),
    "Account": ReasonFamily("IT", False, False, False, 0.9),
    "Other": ReasonFamily("Customer service", False, False, False, 1.2),
}

# (mean, standard deviation) of the days between an order and the contact about it.
LAGS: dict[tuple[str, ...], tuple[float, float]] = {
    ("Delivery",): (3.0, 1.5),
    ("Delivery", "Late"): (4.5, 2.0),
    ("Delivery", "Delivery options"): (1.0, 1.0),
    ("Order",): (0.5, 0.7),
    ("Payment",): (5.0, 4.0),
    ("Payment", "Refund"): (12.0, 4.0),
    ("Payment", "Payment failed"): (0.0, 0.0),
    ("Payment", "Pay later"): (21.0, 4.0),
    ("Returns",): (8.0, 3.0),
    ("Product",): (6.0, 3.0),
    ("Product", "Information"): (0.0, 0.0),
    ("Product", "Warranty"): (20.0, 5.0),
    ("Account",): (14.0, 8.0),
    ("Other",): (2.0, 3.0),
}

FIRST_CONTACT_RESOLUTION: dict[tuple[str, ...], float] = {
    (): 0.77,
    ("Delivery", "Not delivered"): 0.55,
    ("Delivery", "Late"): 0.65,
    ("Payment", "Refund", "Not received"): 0.5,
    ("Returns", "Label", "Does not work"): 0.6,
    ("Account", "Login", "Account blocked"): 0.6,
    ("Product", "Information"): 0.88,
    ("Account", "Newsletter"): 0.95,
}

REPEAT_SHARE: dict[tuple[str, ...], float] = {
    (): 0.15,
    ("Delivery", "Not delivered"): 0.26,
    ("Delivery", "Late"): 0.2,
    ("Payment", "Refund"): 0.26,
    ("Payment", "Payment failed"): 0.2,
    ("Returns", "Label"): 0.2,
    ("Product", "Information"): 0.07,
    ("Account", "Newsletter"): 0.03,
    ("Other",): 0.05,
}

VALUE_CLASSES: dict[tuple[str, ...], str | None] = {
    (): None,
    ("Delivery",): "avoidable",
    ("Delivery", "Delivery options"): "automatable",
    ("Order", "Change"): "automatable",
    ("Order", "Cancel"): "valuable",
    ("Order", "Confirmation"): "avoidable",
    ("Order", "Discount code"): "avoidable",
    ("Payment",): "avoidable",
    ("Payment", "Invoice", "Copy needed"): "automatable",
    ("Payment", "Invoice", "VAT invoice"): "automatable",
    ("Returns",): "automatable",
    ("Returns", "Pick-up"): "avoidable",
    ("Returns", "Exchange"): "valuable",
    ("Product", "Defect"): "valuable",
    ("Product", "Information"): "valuable",
    ("Product", "Warranty"): "valuable",
    ("Product", "Missing parts"): "avoidable",
    ("Account",): "automatable",
    ("Account", "Website error"): "avoidable",
    ("Account", "Newsletter"): "no_value",
}


@dataclass(frozen=True)
class Reason:
    """One leaf of the reason tree with everything the generator needs about it."""

    l1: str
    l2: str
    l3: str
    department: str
    value_class: str | None
    contacts_per_1k_orders: float
    lag_mean_days: float
    lag_sd_days: float
    first_contact_resolution: float
    repeat_share: float
    family: ReasonFamily

    @property
    def path(self) -> str:
        """``"Delivery > Late > Carrier delay"``."""
        return reason_path(self.l1, self.l2, self.l3)

    def matches(self, prefix: str) -> bool:
        """Whether this leaf lies under ``prefix`` (a path like ``"Delivery > Late"``)."""
        wanted = tuple(part.strip() for part in prefix.split(">"))
        return (self.l1, self.l2, self.l3)[: len(wanted)] == wanted


def most_specific(path: tuple[str, str, str], table: Mapping[tuple[str, ...], T], default: T) -> T:
    """The value of the longest prefix of ``path`` found in ``table``; ``default`` if none."""
    for length in range(3, -1, -1):
        key = path[:length]
        if key in table:
            return table[key]
    return default


def demo_reasons() -> tuple[Reason, ...]:
    """Every leaf of the demo tree, in tree order."""
    reasons = []
    for l1, level2 in REASON_TREE.items():
        family = FAMILIES[l1]
        for l2, level3 in level2.items():
            for l3, ratio in level3.items():
                path = (l1, l2, l3)
                lag_mean, lag_sd = most_specific(path, LAGS, (2.0, 2.0))
                reasons.append(Reason(
                    l1=l1, l2=l2, l3=l3,
                    department=family.department,
                    value_class=most_specific(path, VALUE_CLASSES, None),
                    contacts_per_1k_orders=ratio,
                    lag_mean_days=lag_mean,
                    lag_sd_days=lag_sd,
                    first_contact_resolution=most_specific(path, FIRST_CONTACT_RESOLUTION, 0.77),
                    repeat_share=most_specific(path, REPEAT_SHARE, 0.15),
                    family=family,
                ))
    return tuple(reasons)


def lag_kernel(mean_days: float, sd_days: float, max_lag_days: int = MAX_LAG_DAYS) -> np.ndarray:
    """Share of a reason's contacts that arrive ``k`` days after the order, ``k = 0..max``.

    The lag is a gamma distribution with the given mean and standard deviation, rounded to
    whole days; a zero standard deviation puts everything on ``round(mean)``. The shares
    sum to 1.
    """
    kernel = np.zeros(max_lag_days + 1)
    if sd_days <= 0 or mean_days <= 0:
        kernel[min(int(round(mean_days)), max_lag_days)] = 1.0
        return kernel
    shape = (mean_days / sd_days) ** 2
    scale = sd_days**2 / mean_days
    grid = np.linspace(0.0, max_lag_days + 0.5, 20 * (max_lag_days + 1) + 1)[1:]
    density = np.exp((shape - 1) * np.log(grid) - grid / scale)
    day = np.minimum(np.floor(grid + 0.5).astype(int), max_lag_days)
    np.add.at(kernel, day, density)
    return kernel / kernel.sum()


def lag_kernels(reasons: tuple[Reason, ...]) -> np.ndarray:
    """The lag kernel of every reason, shape ``(reasons, MAX_LAG_DAYS + 1)``."""
    return np.stack([lag_kernel(r.lag_mean_days, r.lag_sd_days) for r in reasons])
