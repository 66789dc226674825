"""A demo contact store for a Dutch web shop, with a known truth: a reason tree, channels,
orders as the driver, campaigns, an outage, repeat contacts and pilots whose effects were
injected and are written to a truth file next to the store."""

from analytics.demo.build import DemoSettings, DemoSummary, build_demo_store, fill_open_store
from analytics.demo.truth import truth_path_for

__all__ = ["DemoSettings", "DemoSummary", "build_demo_store", "fill_open_store", "truth_path_for"]
