"""Products, carriers and customer segments of the demo shop, and how each reason leans
towards some of them (size questions are about fashion, defects about electronics)."""

from __future__ import annotations

from datetime import date

import numpy as np

from analytics.demo.reason_tree import Reason, most_specific

PRODUCTS = ("Electronics", "Fashion", "Home & living", "Toys & games", "Garden & DIY", "Beauty & health")
PRODUCT_ORDER_SHARES = np.array([0.22, 0.26, 0.18, 0.10, 0.12, 0.12])

# Invented carrier names: the demo should not blame real companies.
CARRIERS = ("ParcelNed", "EuroExpress", "CityCourier", "QuickPost", "BeneluxFreight")
CARRIER_SHARES = np.array([0.42, 0.24, 0.16, 0.12, 0.06])

SEGMENTS = ("consumer", "business")
BUSINESS_SHARE = 0.12

PRODUCT_TILTS: dict[tuple[str, ...], dict[str, float]] = {
    ("Product", "Defect"): {"Electronics": 3.0},
    ("Product", "Warranty"): {"Electronics": 4.0},
    ("Product", "Information", "Size"): {"Fashion": 8.0, "Electronics": 0.2},
    ("Returns",): {"Fashion": 1.8},
    ("Returns", "Exchange"): {"Fashion": 4.0},
    ("Delivery", "Damaged"): {"Home & living": 1.8, "Garden & DIY": 1.5},
}

CARRIER_TILTS: dict[tuple[str, ...], dict[str, float]] = {
    ("Delivery", "Not delivered"): {"CityCourier": 2.2},
    ("Delivery", "Late"): {"CityCourier": 2.2},
    ("Delivery", "Damaged"): {"BeneluxFreight": 2.0},
}

BUSINESS_TILTS: dict[tuple[str, ...], float] = {
    (): 1.0,
    ("Payment", "Invoice"): 2.5,
    ("Payment", "Invoice", "VAT invoice"): 6.0,
    ("Payment", "Pay later"): 0.5,
    ("Product", "Information", "Size"): 0.3,
}


def product_order_shares(days: list[date]) -> np.ndarray:
    """Each product's share of the day's orders, shape ``(days, products)``: toys peak
    before December, garden and DIY in spring."""
    day_of_year = np.array([d.timetuple().tm_yday for d in days], dtype=float)
    shares = np.tile(PRODUCT_ORDER_SHARES, (len(days), 1))
    toys = 1.0 + 1.2 * np.exp(-0.5 * ((day_of_year - 335) / 18) ** 2)
    garden = 1.0 + 0.6 * np.exp(-0.5 * ((day_of_year - 130) / 30) ** 2)
    shares[:, PRODUCTS.index("Toys & games")] *= toys
    shares[:, PRODUCTS.index("Garden & DIY")] *= garden
    return shares / shares.sum(axis=1, keepdims=True)


def _tilted(base: np.ndarray, names: tuple[str, ...], reasons: tuple[Reason, ...],
            tilts: dict[tuple[str, ...], dict[str, float]]) -> np.ndarray:
    rows = np.tile(base, (len(reasons), 1))
    for r, reason in enumerate(reasons):
        for name, factor in most_specific((reason.l1, reason.l2, reason.l3), tilts, {}).items():
            rows[r, names.index(name)] *= factor
    return rows / rows.sum(axis=1, keepdims=True)


def product_shares_by_reason(order_shares: np.ndarray, reasons: tuple[Reason, ...]) -> np.ndarray:
    """Product mix of each reason's contacts given the orders' mix, ``(reasons, products)``."""
    return _tilted(order_shares, PRODUCTS, reasons, PRODUCT_TILTS)


def carrier_shares_by_reason(reasons: tuple[Reason, ...]) -> np.ndarray:
    """Carrier mix of each reason's contacts, ``(reasons, carriers)``."""
    return _tilted(CARRIER_SHARES, CARRIERS, reasons, CARRIER_TILTS)


def business_share_by_reason(reasons: tuple[Reason, ...]) -> np.ndarray:
    """Share of each reason's contacts that come from business customers."""
    odds = BUSINESS_SHARE / (1 - BUSINESS_SHARE)
    tilt = np.array([most_specific((r.l1, r.l2, r.l3), BUSINESS_TILTS, 1.0) for r in reasons])
    return odds * tilt / (1 + odds * tilt)
