"""Repeat contacts: a customer who comes back within a week, usually about the same thing.

A contact chosen to be a repeat picks an earlier contact (its *parent*) made between a few
minutes and seven days before it, near a random time ``t - delta`` with ``delta`` roughly
exponential (mean one day). Among the nearby candidates an unresolved contact is
``UNRESOLVED_PULL`` times as likely to be picked as a resolved one, so contacts that were
not resolved are followed by a repeat more often. The repeat then takes its parent's
customer (and, on the same reason, its order, product and carrier).
"""

from __future__ import annotations

import numpy as np

WEEK_US = 7 * 86_400 * 1_000_000
MEAN_GAP_US = 86_400 * 1_000_000
MIN_GAP_US = 120 * 1_000_000
CANDIDATE_OFFSETS = np.arange(-4, 4)
UNRESOLVED_PULL = 3.0
SAME_REASON_SHARE = 0.75


def pick_parents(
    started_at_us: np.ndarray,
    reason: np.ndarray,
    resolved: np.ndarray,
    children: np.ndarray,
    same_reason: np.ndarray,
    rng: np.random.Generator,
) -> np.ndarray:
    """The parent of each child (an index into the arrays), or -1 when none was found.

    Parameters
    ----------
    started_at_us, reason, resolved
        All contacts that can be parents or children, sorted by ``started_at_us``.
    children
        Indices of the contacts that look for a parent.
    same_reason
        Per child: whether the parent must have the same reason.
    """
    n = len(started_at_us)
    parents = np.full(len(children), -1, dtype=np.int64)
    if n == 0 or len(children) == 0:
        return parents
    origin = started_at_us[0]
    span = int(started_at_us[-1] - origin) + 1
    gap = np.clip(rng.exponential(MEAN_GAP_US, len(children)), MIN_GAP_US, WEEK_US - 60_000_000).astype(np.int64)
    target = started_at_us[children] - gap - origin
    # Contacts of the same reason sit together when sorted by (reason, time).
    by_reason = np.argsort(reason.astype(np.int64) * span + (started_at_us - origin), kind="stable")
    reason_keys = (reason.astype(np.int64) * span + (started_at_us - origin))[by_reason]
    same_pos = np.searchsorted(reason_keys, reason[children].astype(np.int64) * span + target, side="right") - 1
    any_pos = np.searchsorted(started_at_us - origin, target, side="right") - 1
    positions = np.clip(np.where(same_reason, same_pos, any_pos)[:, None] + CANDIDATE_OFFSETS[None, :], 0, n - 1)
    candidates = np.where(same_reason[:, None], by_reason[positions], positions)
    child_time = started_at_us[children][:, None]
    valid = (started_at_us[candidates] < child_time) & (started_at_us[candidates] >= child_time - WEEK_US)
    valid &= ~same_reason[:, None] | (reason[candidates] == reason[children][:, None])
    weight = np.where(resolved[candidates], 1.0, UNRESOLVED_PULL)
    score = np.where(valid, rng.random(candidates.shape) ** (1.0 / weight), -1.0)
    best = np.argmax(score, axis=1)
    found = score[np.arange(len(children)), best] >= 0
    parents[found] = candidates[np.arange(len(children)), best][found]
    return parents


def roots(parent_of: np.ndarray) -> np.ndarray:
    """Follow parent links to the first contact of each chain (pointer jumping).

    ``parent_of[i]`` is ``i`` for a contact without a parent and always smaller than ``i``
    otherwise, so the chains end.
    """
    root = parent_of.copy()
    while True:
        jumped = root[root]
        if np.array_equal(jumped, root):
            return root
        root = jumped
