"""``python -m analytics pilot add|edit|list|delete|evaluate|plan``: the pilot registry and
its evaluation from the shell.

Bad input is refused with one line on stderr and exit code 2 (see ``analytics.cli``);
nothing is written then. ``add`` and ``edit`` print the pilot as JSON with any overlap
warnings; ``evaluate --json`` prints one JSON object (``relative_effect``, ``ci_low``,
``ci_high``, ``absolute_effect``, ``p_value``, ``method``, ``verdict``,
``placebo_false_positive_rate``, ``kpis``, ``spillover`` and the details).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import date

from analytics.pilots.evaluation import evaluate_pilot
from analytics.pilots.planner import plan_pilot
from analytics.pilots.registry import (
    STATUSES,
    PilotSpec,
    add_pilot,
    delete_pilot,
    get_pilot,
    list_pilots,
    overlaps,
    update_pilot,
)
from analytics.store import open_store


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _effect(text: str) -> float:
    """``-0.2``, ``-20%`` or ``-20 %`` as ``-0.2``."""
    cleaned = text.strip().replace(" ", "").replace("\u2212", "-")
    try:
        return float(cleaned[:-1]) / 100 if cleaned.endswith("%") else float(cleaned)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not an effect (e.g. -0.2 or -20%): {text!r}") from exc


def _definition_arguments(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument("--reason", action="append", default=None, required=required, metavar='"L1 > L2 > L3"',
                        help="target reason at any level (repeatable)")
    parser.add_argument("--channel", action="append", default=None, metavar="NAME",
                        help="targeted channel (repeatable; default: all channels)")
    parser.add_argument("--segment", help="targeted segment (default: all)")
    parser.add_argument("--start", type=_iso_date, required=required, help="first day of the pilot, YYYY-MM-DD")
    parser.add_argument("--end", type=_iso_date, required=required, help="last day of the pilot, YYYY-MM-DD")
    parser.add_argument("--rollout", type=_iso_date, help="rollout date, YYYY-MM-DD (after --end)")
    parser.add_argument("--control", action="append", default=None, metavar='auto|"L1 > L2"',
                        help="control reasons (repeatable), or auto (default) for the automatic choice")
    parser.add_argument("--hypothesis", help="what the pilot should change and why")
    parser.add_argument("--owner", help="who runs it")
    parser.add_argument("--status", choices=STATUSES, default=None, help="default: planned")
    parser.add_argument("--expected-effect", type=_effect, help="relative, e.g. --expected-effect=-0.2 or =-20%%")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``pilot`` command and its subcommands."""
    parser = subparsers.add_parser("pilot", help="register, list, delete, evaluate and plan pilots",
                                   description="The pilot registry and the evaluation of a pilot's effect.")
    actions = parser.add_subparsers(dest="pilot_action", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", help="store file (default: CONTACTS_DB or data/contacts.duckdb)")

    add = actions.add_parser("add", parents=[common], help="register a pilot")
    add.add_argument("--name", required=True, help="unique name of the pilot")
    _definition_arguments(add, required=True)
    add.set_defaults(func=run_add)

    edit = actions.add_parser("edit", parents=[common], help="change a pilot (only the options given)")
    edit.add_argument("name", help="the pilot's current name")
    edit.add_argument("--name", dest="new_name", help="new name")
    edit.add_argument("--no-rollout", action="store_true", help="clear the rollout date")
    _definition_arguments(edit, required=False)
    edit.set_defaults(func=run_edit)

    listing = actions.add_parser("list", parents=[common], help="list the pilots as JSON")
    listing.set_defaults(func=run_list)

    delete = actions.add_parser("delete", parents=[common], help="delete a pilot")
    delete.add_argument("name")
    delete.set_defaults(func=run_delete)

    evaluate = actions.add_parser("evaluate", parents=[common], help="judge a pilot's effect")
    evaluate.add_argument("name")
    evaluate.add_argument("--country", help="public holidays of this country (default: the store's)")
    evaluate.add_argument("--as-recorded", action="store_true",
                          help="count the target reasons as the agents recorded them (default: with accepted suggested reasons)")
    evaluate.add_argument("--json", action="store_true", help="print one JSON object")
    evaluate.set_defaults(func=run_evaluate)

    plan = actions.add_parser("plan", parents=[common],
                              help="minimum detectable effect of a planned pilot, and the weeks needed")
    plan.add_argument("--reason", action="append", required=True, metavar='"L1 > L2 > L3"')
    plan.add_argument("--channel", action="append", default=None, metavar="NAME")
    plan.add_argument("--segment")
    plan.add_argument("--weeks", type=int, default=4, help="planned length in weeks (default 4)")
    plan.add_argument("--expected-effect", type=_effect, help="relative, e.g. --expected-effect=-0.2 or =-20%%")
    plan.add_argument("--country", help="public holidays of this country (default: the store's)")
    plan.add_argument("--as-recorded", action="store_true",
                      help="count the target reasons as the agents recorded them (default: with accepted suggested reasons)")
    plan.set_defaults(func=run_plan)


def _controls(values: list[str] | None) -> tuple[str, ...]:
    """``--control`` values as control reasons; ``auto`` (alone) means the automatic choice.

    Raises
    ------
    ValueError
        When ``auto`` is mixed with reasons.
    """
    if not values:
        return ()
    if any(v.strip().lower() == "auto" for v in values):
        if len(values) > 1:
            raise ValueError("--control is either auto or one or more reasons, not both.")
        return ()
    return tuple(values)


def _print_pilot(conn, pilot: PilotSpec) -> None:
    print(json.dumps({"pilot": pilot.to_dict(), "warnings": [o.to_dict() for o in overlaps(conn, pilot)]}))


def run_add(args: argparse.Namespace) -> int:
    """Register the pilot the arguments describe."""
    spec = PilotSpec(
        name=args.name, target_reasons=tuple(args.reason), starts_on=args.start, ends_on=args.end,
        channels=tuple(args.channel or ()), segment=args.segment, rollout_on=args.rollout,
        control_reasons=_controls(args.control), hypothesis=args.hypothesis, owner=args.owner,
        status=args.status or "planned", expected_effect=args.expected_effect,
    )
    conn = open_store(args.db)
    try:
        _print_pilot(conn, add_pilot(conn, spec))
    finally:
        conn.close()
    return 0


def run_edit(args: argparse.Namespace) -> int:
    """Change the options given, keep the rest."""
    conn = open_store(args.db)
    try:
        current = get_pilot(conn, args.name)
        if current is None:
            raise ValueError(f"There is no pilot called {args.name!r}.")
        changes = {
            "name": args.new_name, "target_reasons": tuple(args.reason) if args.reason else None,
            "channels": tuple(args.channel) if args.channel is not None else None, "segment": args.segment,
            "starts_on": args.start, "ends_on": args.end, "rollout_on": args.rollout,
            "control_reasons": _controls(args.control) if args.control is not None else None,
            "hypothesis": args.hypothesis, "owner": args.owner, "status": args.status,
            "expected_effect": args.expected_effect,
        }
        edited = replace(current, **{k: v for k, v in changes.items() if v is not None})
        if args.no_rollout:
            edited = replace(edited, rollout_on=None)
        _print_pilot(conn, update_pilot(conn, args.name, edited))
    finally:
        conn.close()
    return 0


def run_list(args: argparse.Namespace) -> int:
    conn = open_store(args.db)
    try:
        print(json.dumps([p.to_dict() for p in list_pilots(conn)]))
    finally:
        conn.close()
    return 0


def run_delete(args: argparse.Namespace) -> int:
    conn = open_store(args.db)
    try:
        delete_pilot(conn, args.name)
    finally:
        conn.close()
    print(json.dumps({"deleted": args.name}))
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    conn = open_store(args.db)
    try:
        pilot = get_pilot(conn, args.name)
        if pilot is None:
            raise ValueError(f"There is no pilot called {args.name!r}.")
        result = evaluate_pilot(conn, pilot, country=args.country, reasons_as_recorded=args.as_recorded).to_dict()
    finally:
        conn.close()
    if args.json:
        print(json.dumps(result, allow_nan=False))
    else:
        print(result["verdict"])
        print(result["why"])
        for caveat in result["caveats"]:
            print(f"- {caveat}")
    return 0


def run_plan(args: argparse.Namespace) -> int:
    conn = open_store(args.db)
    try:
        plan = plan_pilot(conn, tuple(args.reason), weeks=args.weeks, channels=tuple(args.channel or ()),
                          segment=args.segment, expected_effect=args.expected_effect, country=args.country,
                          reasons_as_recorded=args.as_recorded)
    finally:
        conn.close()
    print(json.dumps(plan.to_dict()))
    return 0
