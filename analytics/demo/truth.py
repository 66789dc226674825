"""The ground truth of a demo store, written as JSON next to it, so analyses run on the demo
can be checked against what was injected."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from analytics.demo import texts
from analytics.demo.channels import CHANNELS
from analytics.demo.hidden_problem import HiddenProblem, hidden_problem_truth
from analytics.demo.orders import ORDER_DISPERSION, YEARLY_GROWTH
from analytics.demo.pilots import Pilot
from analytics.demo.shop_calendar import ORDER_WEEKDAY
from analytics.demo.volumes import DAY_DISPERSION, REASON_DAY_DISPERSION, DemoVolumes

TRUTH_FORMAT = "contact-demo-truth/1"


def truth_path_for(db_path: str | os.PathLike) -> Path:
    """Where the truth of a demo store lives: ``data/contacts.duckdb`` ->
    ``data/contacts.truth.json``."""
    return Path(db_path).with_suffix(".truth.json")


def _pilot_truth(pilot: Pilot) -> dict[str, Any]:
    spill = None
    if pilot.spill_share:
        spill = {"share_of_avoided": pilot.spill_share, "to_channels": dict(pilot.spill_channels)}
    return {
        "name": pilot.name,
        "target_reasons": list(pilot.target_reasons),
        "channels": list(pilot.channels) or [c.name for c in CHANNELS],
        "start": pilot.starts_on.isoformat(),
        "end": pilot.pilot_ends_on.isoformat(),
        "rollout": pilot.rollout_on.isoformat() if pilot.rollout_on else None,
        "effect_persists_after_end": pilot.rollout_on is not None,
        "true_relative_effect": pilot.relative_effect,
        "spill_over": spill,
        "note": pilot.note,
    }


def demo_truth(volumes: DemoVolumes, seed: int, contacts_per_day: float,
               hidden: HiddenProblem | None = None) -> dict[str, Any]:
    """Everything the generator injected, as plain JSON-ready data."""
    return {
        "format": TRUTH_FORMAT,
        "seed": seed,
        "parameters": {
            "days": len(volumes.days),
            "contacts_per_day": contacts_per_day,
            "first_day": volumes.days[0].isoformat(),
            "last_day": volumes.days[-1].isoformat(),
        },
        "model": (
            "count[d,r,c] ~ Poisson(mu[d,r,c] * G[d] * H[d,r]); mu = contacts_per_1k_orders/1000 "
            "* lagged orders * channel share * weekday * holiday * events, then pilots"
        ),
        "orders": {
            "orders_per_day_at_start": round(volumes.orders_scale, 3),
            "yearly_growth": YEARLY_GROWTH,
            "weekday_factors_monday_first": [round(float(x), 4) for x in ORDER_WEEKDAY],
            "day_gamma_shape": ORDER_DISPERSION,
        },
        "noise": {"day_gamma_shape": DAY_DISPERSION, "reason_day_gamma_shape": REASON_DAY_DISPERSION},
        "pilots": [_pilot_truth(p) for p in volumes.pilots],
        "events": [
            {
                "name": e.name, "kind": e.kind, "starts_on": e.starts_on.isoformat(), "ends_on": e.ends_on.isoformat(),
                "foreseen": e.foreseen, "order_factor": e.order_factor, "contact_factors": dict(e.contact_factors),
            }
            for e in volumes.events if e.kind != "holiday"
        ],
        "holidays": {d.isoformat(): name for d, name in volumes.holidays.items()},
        "texts": {
            "language": "nl", "what": "a subject line per contact, drawn from its reason's wordings",
            "vague_share": texts.VAGUE_SHARE, "other_misfiled_share": texts.OTHER_MISFILED_SHARE,
            "typo_share": texts.TYPO_SHARE, "prefix_share": texts.PREFIX_SHARE, "suffix_share": texts.SUFFIX_SHARE,
        },
        "hidden_problem": hidden_problem_truth(hidden, volumes.days) if hidden is not None else None,
        "reasons": [
            {
                "reason": r.path, "department": r.department, "value_class": r.value_class,
                "contacts_per_1k_orders": r.contacts_per_1k_orders, "lag_mean_days": r.lag_mean_days,
                "lag_sd_days": r.lag_sd_days, "first_contact_resolution": r.first_contact_resolution,
                "repeat_share": r.repeat_share,
            }
            for r in volumes.reasons
        ],
        "channels": [
            {
                "channel": c.name, "group": c.group, "cost_per_contact": c.cost_per_contact,
                "share_at_start": c.base_share, "share_trend_per_year": c.share_trend_per_year,
                "holiday_factor": c.holiday_factor,
            }
            for c in CHANNELS
        ],
    }


def write_truth(truth: dict[str, Any], path: Path) -> None:
    """Write the truth file atomically (a temporary file, then a rename)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temporary, path)
