"""``python -m analytics baseline``: how good the seasonal baseline is for a filter."""

from __future__ import annotations

import argparse
import json
import math

from analytics import formatting
from analytics.filters import ContactFilter, parse_reason_path
from analytics.overview import store_freshness
from analytics.store import open_store
from analytics.trends import baseline_quality


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "baseline", help="backtest the seasonal baseline for a reason or channel",
        description="Rolling-origin backtest over the last 12 months (28-day horizon): the baseline's "
                    "MAPE against the seasonal-naive reference and the coverage of its 80%/95% bands.",
    )
    parser.add_argument("--db", help="store file (default: CONTACTS_DB or data/contacts.duckdb)")
    parser.add_argument("--reason", help='reason path, e.g. "Delivery > Late"')
    parser.add_argument("--channel", help="channel name")
    parser.add_argument("--channel-group", help="voice, chat, written, personal or other")
    parser.add_argument("--department", help="department")
    parser.add_argument("--grain", choices=["day", "week"], default="day")
    parser.add_argument("--country", help="public holidays of this country (default: the store's, see "
                                                 "`store country`)")
    parser.add_argument("--backtest", action="store_true", required=True, help="run the backtest (required)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(func=run_baseline)


def run_baseline(args: argparse.Namespace) -> int:
    conn = open_store(args.db, read_only=True)
    try:
        freshness = store_freshness(conn)
        if not freshness.contacts:
            raise ValueError("The store has no contacts.")
        first, last = freshness.first_contact_at.date(), freshness.last_contact_at.date()
        l1, l2, l3 = parse_reason_path(args.reason) if args.reason else (None, None, None)
        contact_filter = ContactFilter(first, last, l1, l2, l3, args.channel, args.channel_group, args.department)
        result = baseline_quality(conn, contact_filter, first_day=first, last_day=last,
                                  country=args.country, grain=args.grain)
    finally:
        conn.close()
    # A score without data to score (no day a year back, no day with contacts) is null, not NaN.
    result = {key: None if isinstance(value, float) and not math.isfinite(value) else value
              for key, value in result.items()}
    result["filter"] = contact_filter.describe()
    if args.json:
        print(json.dumps(result, default=str, allow_nan=False))
    else:
        def share(key: str, digits: int = 0) -> str:
            return formatting.percent(result[key], digits=digits)

        print(f"{result['filter']}: baseline MAPE {share('mape_model', 1)} vs seasonal naive "
              f"{share('mape_seasonal_naive', 1)}; inside 80% band {share('coverage_80')}, "
              f"inside 95% band {share('coverage_95')} ({result['n_origins']} origins, "
              f"{result['horizon_days']}-day horizon)")
    return 0
