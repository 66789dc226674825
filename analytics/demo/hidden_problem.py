"""A new problem hidden inside "Other", so the discovery of new reasons can be checked
against a known truth.

From a Monday about six weeks before the demo's end, customers write about return labels
whose QR code a parcel point cannot scan ("QR-code retourlabel werkt niet"). The reason
tree has no place for it, so agents file these contacts under "Other". Their expected
number per day and channel rises linearly from ``START_SHARE`` to ``END_SHARE`` of what
"Other" expects that day:

    hidden[d, c] ~ Poisson(expected[d, Other, c] * share(d)),
    share(d) = START_SHARE + (END_SHARE - START_SHARE) * (d - start) / (end - start)

drawn from a generator of its own, so every other contact of the demo stays as it was:
the problem adds contacts, it takes none away. The drawn counts per day are in the truth
file (``hidden_problem``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import numpy as np

from analytics.demo.subject_templates import HIDDEN_PROBLEM
from analytics.demo.volumes import DemoVolumes

NAME = "QR-code retourlabel werkt niet"
DESCRIPTION = "Return labels whose QR code the parcel point cannot scan; filed under Other."
REASON = "Other"
CLOSEST_REASON = "Returns > Label > Does not work"
DAYS_BEFORE_END = 41  # six weeks including the last day; the start moves on to a Monday
START_SHARE, END_SHARE = 0.2, 1.0


@dataclass(frozen=True)
class HiddenProblem:
    """The hidden problem's first day and its contacts per day of the period and channel
    (zero before ``starts_on``), all filed under ``REASON``."""

    starts_on: date
    counts: np.ndarray  # (days, channels)
    reason_index: int

    def volumes(self, volumes: DemoVolumes) -> DemoVolumes:
        """``volumes`` with only the hidden problem's counts, for ``contact_batch``."""
        counts = np.zeros_like(volumes.counts)
        counts[:, self.reason_index, :] = self.counts
        return replace(volumes, counts=counts)

    def daily_contacts(self, days: list[date]) -> dict[str, int]:
        """Contacts per day from the first day on, as the truth file lists them."""
        per_day = self.counts.sum(axis=1)
        return {d.isoformat(): int(n) for d, n in zip(days, per_day) if d >= self.starts_on}


def start_day(last_day: date) -> date:
    """The Monday on or after ``DAYS_BEFORE_END`` days before the last day."""
    start = last_day - timedelta(days=DAYS_BEFORE_END)
    return start + timedelta(days=(0 - start.weekday()) % 7)


def hidden_problem(volumes: DemoVolumes, seed: int) -> HiddenProblem:
    """The hidden problem of a demo: its start and its drawn counts (see the module notes)."""
    days = volumes.days
    starts_on = max(start_day(days[-1]), days[0])
    reason_index = next(i for i, r in enumerate(volumes.reasons) if r.path == REASON)
    elapsed = np.array([(d - starts_on).days for d in days], dtype=float)
    span = max((days[-1] - starts_on).days, 1)
    share = np.where(elapsed >= 0, START_SHARE + (END_SHARE - START_SHARE) * elapsed / span, 0.0)
    expected = volumes.expected[:, reason_index, :] * share[:, None]
    counts = np.random.default_rng([seed, 3]).poisson(expected).astype(np.int32)
    return HiddenProblem(starts_on, counts, reason_index)


def hidden_problem_truth(problem: HiddenProblem, days: list[date]) -> dict[str, object]:
    """What the truth file says about the hidden problem."""
    daily = problem.daily_contacts(days)
    return {
        "name": NAME,
        "description": DESCRIPTION,
        "reason": REASON,
        "closest_reason": CLOSEST_REASON,
        "starts_on": problem.starts_on.isoformat(),
        "share_of_reason_expected": {"at_start": START_SHARE, "at_end": END_SHARE},
        "contacts": int(sum(daily.values())),
        "daily_contacts": daily,
        "wordings": list(HIDDEN_PROBLEM),
    }
