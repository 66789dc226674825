"""Pilots: register contact-reduction pilots and judge their effect honestly.

Pure logic (no Streamlit); a page calls these and renders the dataclasses they return
(each has ``to_dict()`` for JSON):

- :mod:`~analytics.pilots.registry`: :class:`PilotSpec`, :func:`add_pilot`,
  :func:`update_pilot`, :func:`delete_pilot`, :func:`list_pilots`, :func:`get_pilot`,
  :func:`pilots_table`, :func:`overlaps`.
- :mod:`~analytics.pilots.evaluation`: :func:`evaluate_pilot` -> :class:`PilotEvaluation`
  (headline estimate, the three methods, KPIs, spill-over, money, persistence, verdict,
  caveats).
- :mod:`~analytics.pilots.planner`: :func:`plan_pilot` -> :class:`PilotPlan` (minimum
  detectable effect by window length, weeks needed).
- :mod:`~analytics.pilots.estimators`: the statistics on plain daily series.
"""

from analytics.pilots.estimators import Estimate, Placebo, baseline_estimate, control_estimate, naive_estimate
from analytics.pilots.evaluation import PilotEvaluation, Spillover, WindowEvaluation, evaluate_pilot
from analytics.pilots.kpis import KpiEffect
from analytics.pilots.planner import PilotPlan, plan_pilot
from analytics.pilots.registry import (
    STATUSES,
    Overlap,
    PilotSpec,
    add_pilot,
    delete_pilot,
    get_pilot,
    list_pilots,
    overlaps,
    pilots_table,
    update_pilot,
)

__all__ = [
    "STATUSES", "Estimate", "KpiEffect", "Overlap", "PilotEvaluation", "PilotPlan", "PilotSpec", "Placebo",
    "Spillover", "WindowEvaluation", "add_pilot", "baseline_estimate", "control_estimate", "delete_pilot",
    "evaluate_pilot", "get_pilot", "list_pilots", "naive_estimate", "overlaps", "pilots_table", "plan_pilot",
    "update_pilot",
]
