"""Customer journeys: repeat contacts within a window and the channels used for one issue.

Definitions (the SQL files ``journey_repeats.sql`` and ``journey_issue_channels.sql``
implement them with window functions, never self-joins):

- A filtered contact is *followed by a repeat* when the same customer contacts again
  strictly later and at most ``window_days`` × 24 hours later: a next contact exactly
  ``window_days`` × 24 hours later counts, one a microsecond later does not, and one at
  the very same moment does not either. The repeat may be in any channel and may lie
  after the viewed period. *Same reason* means the same ``reason_l1 > reason_l2``.
- Only contacts with a customer id whose whole window lies inside the data (its start +
  the window is at or before the store's last contact) are *observed*; the rate is
  repeats / observed contacts, so the last days of the data never lower it.
- An *issue* is a chain of contacts by one customer about the same ``reason_l1 >
  reason_l2`` where each contact follows the previous one within the window. An issue
  belongs to the view when its first contact is one of the filtered contacts; it is
  counted when it is closed (its last contact + the window is inside the data and inside
  ``ISSUE_LOOKAHEAD_DAYS`` after the period).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import duckdb
import numpy as np
import pandas as pd

from analytics.filters import ContactFilter
from analytics.queries import run_query

DEFAULT_WINDOW_DAYS = 7
MAX_WINDOW_DAYS = 90
ISSUE_LOOKAHEAD_DAYS = 60
# Journeys follow the contacts of at most the last 13 weeks of the viewed period: following
# every customer over three years (1.6M contacts in the demo) costs about 4 s per view,
# because both queries run window functions partitioned per customer and per customer x
# reason (about 700,000 small partitions; measured 1.7 s and 2.1 s; an ASOF join instead
# is no faster). 13 weeks answer in about 0.3 s each and are what a manager acts on; a per-contact "next contact" precomputed once per
# data version would lift the limit for repeats, but not for issues, whose chains depend on
# the window the user picks.
MAX_PERIOD_DAYS = 91


@dataclass(frozen=True)
class RepeatContacts:
    """Repeat-contact counts for the filtered contacts in total, per reason and per channel.

    Frames have ``name``, ``contacts``, ``with_customer``, ``observed_contacts``,
    ``repeats_any``, ``repeats_same``, ``repeat_rate_any``, ``repeat_rate_same``."""

    window_days: int
    total: pd.Series
    by_reason: pd.DataFrame
    by_channel: pd.DataFrame

    @property
    def has_customers(self) -> bool:
        """False when no filtered contact carries a customer id (journeys need them)."""
        return bool(self.total["with_customer"] > 0)

    @property
    def too_recent(self) -> int:
        """Contacts with a customer id left out because their window runs past the data."""
        return int(self.total["with_customer"] - self.total["observed_contacts"])

    @property
    def without_customer(self) -> int:
        return int(self.total["contacts"] - self.total["with_customer"])


@dataclass(frozen=True)
class IssueChannels:
    """How many distinct channels customers used for one issue: ``distribution`` has
    ``channels``, ``issues``, ``contacts``, ``share`` (of the closed issues);
    ``open_issues`` were left out because they may not be over yet."""

    window_days: int
    distribution: pd.DataFrame
    open_issues: int

    @property
    def issues(self) -> int:
        return int(self.distribution["issues"].sum())

    @property
    def multi_channel_share(self) -> float | None:
        """Share of the closed issues that used more than one channel."""
        if not self.issues:
            return None
        return float(self.distribution.loc[self.distribution["channels"] > 1, "issues"].sum() / self.issues)


def check_window(window_days: int) -> int:
    """The window in whole days, 1 to ``MAX_WINDOW_DAYS``.

    Raises
    ------
    ValueError
        When the window is outside that range.
    """
    if int(window_days) != window_days or not 1 <= window_days <= MAX_WINDOW_DAYS:
        raise ValueError(f"The repeat window must be a whole number of days from 1 to {MAX_WINDOW_DAYS}.")
    return int(window_days)


def journey_filter(contact_filter: ContactFilter) -> ContactFilter:
    """The filter whose contacts the journeys follow: the same filter over at most its last
    ``MAX_PERIOD_DAYS`` days (see that constant for why)."""
    start = max(contact_filter.start, contact_filter.end - timedelta(days=MAX_PERIOD_DAYS - 1))
    return contact_filter if start == contact_filter.start else contact_filter.with_period(start, contact_filter.end)


def repeat_contacts(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter,
                    window_days: int = DEFAULT_WINDOW_DAYS, level: int = 1) -> RepeatContacts:
    """Share of the filtered contacts followed by another contact of the same customer
    within ``window_days`` (any reason, and the same reason), in total, per reason at
    ``level`` and per channel. See the module docstring for the exact edges."""
    window_days = check_window(window_days)
    if level not in (1, 2, 3):
        raise ValueError("The reason level must be 1, 2 or 3.")
    rows = run_query(conn, "journey_repeats", {**contact_filter.params(), "window_days": window_days, "level": level})
    for column in ("contacts", "with_customer", "observed_contacts", "repeats_any", "repeats_same"):
        rows[column] = rows[column].astype("int64")
    observed = rows["observed_contacts"].where(rows["observed_contacts"] > 0)
    rows["repeat_rate_any"] = rows["repeats_any"] / observed
    rows["repeat_rate_same"] = rows["repeats_same"] / observed
    columns = ["name", "contacts", "with_customer", "observed_contacts", "repeats_any", "repeats_same",
               "repeat_rate_any", "repeat_rate_same"]

    def part(kind: str) -> pd.DataFrame:
        return rows.loc[rows["kind"] == kind, columns].reset_index(drop=True)

    return RepeatContacts(window_days=window_days, total=part("total").iloc[0],
                          by_reason=part("reason"), by_channel=part("channel"))


def channels_per_issue(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter,
                       window_days: int = DEFAULT_WINDOW_DAYS) -> IssueChannels:
    """The distribution of distinct channels per issue for the issues that start with a
    filtered contact (see the module docstring)."""
    window_days = check_window(window_days)
    rows = run_query(conn, "journey_issue_channels", {**contact_filter.params(), "window_days": window_days,
                                                      "lookahead_days": ISSUE_LOOKAHEAD_DAYS})
    open_issues = int(rows.loc[rows["channels"] == 0, "open_issues"].sum())
    distribution = rows.loc[rows["channels"] > 0, ["channels", "issues", "contacts"]].astype("int64").reset_index(drop=True)
    total = distribution["issues"].sum()
    distribution["share"] = distribution["issues"] / total if total else np.nan
    return IssueChannels(window_days=window_days, distribution=distribution, open_issues=open_issues)
