"""What each table on the dashboard shows: one function per table, named after the table,
returning a :class:`~analytics.formatting.TableView` (the shown columns in order, each with
its label in the active language and its kind of number).

The pages hand a view to ``ui.format.show_table`` (or ``edit_table``) and do no shaping of
their own; the kinds make every table write a count, a change, a share or an amount the
same way (:data:`analytics.formatting.KIND_FORMATS`). Pure: no Streamlit.
"""

from __future__ import annotations

import pandas as pd

from analytics import formatting, ratios
from analytics.formatting import Column, TableView, table_view
from analytics.i18n import TEXT, active_language, t
from analytics.pilots.verdict import target_text

# The period column of a trend's table, by grain: each grain written as a reader names it.
_PERIOD_KINDS = {"day": "day", "week": "week", "month": "month"}


# --- Overview -----------------------------------------------------------------------------

def top_reasons_table(top_reasons: pd.DataFrame) -> TableView:
    """Overview's top reasons: contacts, share, the previous period and the change."""
    return table_view(top_reasons, {
        "reason": Column(t("column.reason")),
        "contacts": Column(t("column.contacts"), "count"),
        "share": Column(t("column.share"), "share"),
        "previous_contacts": Column(t("column.previous"), "count"),
        "change_pct": Column(t("column.change"), "change"),
    })


# --- Volume trends ------------------------------------------------------------------------

def anomalies_table(anomalies: pd.DataFrame) -> TableView:
    """The periods outside the 95% band: the period (its first column, named after the
    grain), actual and expected contacts, the gap, and above or below the band."""
    period = anomalies.columns[0]
    frame = anomalies.assign(direction=anomalies["direction"].map(
        lambda d: t(f"trends.direction_{d}") if d in ("above", "below") else d))
    return table_view(frame, {
        period: Column(t("trends.period"), _PERIOD_KINDS.get(period, "day")),
        "actual": Column(t("column.contacts"), "count"),
        "expected": Column(t("column.expected"), "count"),
        "gap": Column(t("column.gap"), "signed_count"),
        "gap_pct": Column(t("column.gap_pct"), "change"),
        "direction": Column(t("column.direction")),
    })


def gap_parts_table(parts: pd.DataFrame, part: str) -> TableView:
    """Where a period's gap came from, per reason or channel (``part``): actual and expected
    contacts, the gap in contacts and in percent, and each part's share of the whole gap."""
    return table_view(parts, {
        "part": Column(t(f"column.{part}")),
        "actual": Column(t("column.contacts"), "count"),
        "expected": Column(t("column.expected"), "count"),
        "gap": Column(t("column.gap"), "signed_count"),
        "gap_pct": Column(t("column.gap_pct"), "change"),
        "share_of_gap": Column(t("column.share_of_gap"), "share", help=t("column.share_of_gap_help")),
    })


# --- Reasons & channels -------------------------------------------------------------------

def reasons_table(at_level: pd.DataFrame, measures: list[str]) -> TableView:
    """The reasons at one level with their comparisons and the ``measures`` that were
    recorded (handle time, FCR, CSAT)."""
    columns = {
        "path": Column(t("reasons.col_path"), width="medium"),
        "contacts": Column(t("column.contacts"), "count"),
        "share": Column(t("column.share"), "share"),
        "previous_contacts": Column(t("column.previous"), "count"),
        "change_pct": Column(t("column.change"), "change"),
        "last_year_contacts": Column(t("reasons.col_last_year"), "count"),
        "change_last_year_pct": Column(t("reasons.col_change_last_year"), "change"),
        "handle_seconds_avg": Column(t("reasons.col_handle_seconds"), "count"),
        "fcr_rate": Column(t("reasons.col_fcr"), "share", help=t("reasons.col_fcr_help")),
        "csat_pct": Column(t("reasons.col_csat"), "share"),
    }
    measure_columns = {"handle_seconds_avg", "fcr_rate", "csat_pct"}
    return table_view(at_level, {name: column for name, column in columns.items()
                                 if name not in measure_columns or name in measures})


def repeats_table(repeats: pd.DataFrame) -> TableView:
    """Repeat contacts per reason or channel: contacts observed and both repeat rates."""
    return table_view(repeats, {
        "name": Column(t("reasons.col_name")),
        "observed_contacts": Column(t("reasons.col_observed"), "count", help=t("reasons.col_observed_help")),
        "repeat_rate_any": Column(t("reasons.col_repeat_rate_any"), "share"),
        "repeat_rate_same": Column(t("reasons.col_repeat_rate_same"), "share"),
    })


# --- Contact ratios -----------------------------------------------------------------------

def ratio_parts_table(table: pd.DataFrame, part: str, driver: str) -> TableView:
    """Contacts per 1,000 of ``driver`` per ``part`` (a breakdown), against the previous
    period, with the cost of the contacts."""
    return table_view(table, {
        "part": Column(t(f"ratios.part_{part}")),
        "contacts": Column(t("ratios.col_contacts"), "count"),
        "driver_value": Column(t("ratios.col_driver", driver=driver), "count"),
        "ratio": Column(t("ratios.col_ratio", driver=driver), "ratio"),
        "previous_ratio": Column(t("ratios.col_previous"), "ratio"),
        "change": Column(t("ratios.col_change"), "change"),
        "cost": Column(t("ratios.col_cost"), "money"),
    })


def start_small_table(table: pd.DataFrame, *, unit_label: str, driver: str | None) -> TableView:
    """Every reason (per dimension value) with volume, ratio, trend, handle time and cost;
    without a driver, no ratio, trend nor candidate. Columns with nothing in them are left
    out (no handle times recorded, no channel costs)."""
    columns = {
        "unit": Column(unit_label),
        "contacts": Column(t("ratios.col_contacts"), "count"),
        **({"ratio": Column(t("ratios.col_ratio", driver=driver), "ratio"),
            "change": Column(t("ratios.col_change"), "change")} if driver else {}),
        "handle_minutes": Column(t("ratios.col_handle_minutes"), "decimal"),
        "cost": Column(t("ratios.col_cost"), "money"),
        "cost_unknown_contacts": Column(t("ratios.col_cost_unknown"), "count"),
        **({"candidate": Column(t("ratios.col_candidate"), "flag")} if driver else {}),
    }
    empty = {"handle_minutes": not table["handle_minutes"].notna().any(), "cost": not table["cost"].notna().any(),
             "cost_unknown_contacts": not table["cost_unknown_contacts"].any()}
    not_recorded = t("ratios.unit_not_recorded")
    table = table.assign(unit=table["unit"].str.replace(ratios.NOT_RECORDED, not_recorded, regex=False))
    return table_view(table, {name: column for name, column in columns.items() if not empty.get(name, False)})


def value_classes_table(classes: pd.DataFrame) -> TableView:
    """Contacts, share, handle hours and cost per value class (named in the language)."""
    frame = classes.assign(value_class=classes["value_class"].map(lambda c: t(f"ratios.class_{c}")))
    return table_view(frame, {
        "value_class": Column(t("ratios.col_class")),
        "contacts": Column(t("ratios.col_contacts"), "count"),
        "share": Column(t("ratios.col_share"), "share"),
        "handle_hours": Column(t("ratios.col_handle_hours"), "count"),
        "cost": Column(t("ratios.col_cost"), "money"),
        "cost_unknown_contacts": Column(t("ratios.col_cost_unknown"), "count"),
    })


# --- Pilots -------------------------------------------------------------------------------

def _interval(low: float, high: float) -> str | None:
    """"−40% to −18%" in the language; None (shown "–") when the interval is unknown."""
    if formatting.missing(low) or formatting.missing(high):
        return None
    return t("pilots_page.interval_short", low=formatting.percent(low, signed=True),
             high=formatting.percent(high, signed=True))


def pilot_registry_table(pilots, overlaps: dict[str, list], headlines: dict[str, str]) -> TableView:
    """Every registered pilot: status, target, first and last day, expected effect, the
    headline once it was evaluated in this session (``headlines`` by name), the pilots and
    events it overlaps (``overlaps`` by name), rollout, owner and control group; the
    optional columns only when some pilot has a value there."""
    frame = pd.DataFrame([{
        "name": p.name,
        "status": t(f"pilots.status.{p.status}"),
        "target": target_text(p),
        "starts_on": p.starts_on,
        "ends_on": p.ends_on,
        "expected_effect": p.expected_effect,
        "headline": headlines.get(p.name),
        "overlaps": "; ".join(o.name for o in overlaps.get(p.name, ())) or None,
        "rollout_on": p.rollout_on,
        "owner": p.owner or None,
        "control": "; ".join(p.control_reasons) or t("pilots_page.control_automatic"),
    } for p in pilots], columns=["name", "status", "target", "starts_on", "ends_on", "expected_effect", "headline",
                                 "overlaps", "rollout_on", "owner", "control"])
    for column in ("starts_on", "ends_on", "rollout_on"):
        frame[column] = pd.to_datetime(frame[column])
    frame["expected_effect"] = frame["expected_effect"].astype("float64")
    # What no pilot has yet (a headline before any evaluation, overlaps, rollout, owner) is
    # left out rather than shown as a column of dashes.
    optional = ("headline", "overlaps", "rollout_on", "owner")
    frame = frame.drop(columns=[c for c in optional if not frame[c].notna().any()])
    return table_view(frame, {
        "name": Column(t("pilots_page.col_name")),
        "status": Column(t("pilots_page.col_status"), width="small"),
        "target": Column(t("pilots_page.col_target")),
        "starts_on": Column(t("pilots_page.col_starts_on"), "day"),
        "ends_on": Column(t("pilots_page.col_ends_on"), "day"),
        "expected_effect": Column(t("pilots_page.col_expected"), "effect"),
        "headline": Column(t("pilots_page.col_headline"), align="right"),
        "overlaps": Column(t("pilots_page.col_overlaps")),
        "rollout_on": Column(t("pilots_page.col_rollout"), "day", width="small"),
        "owner": Column(t("pilots_page.col_owner")),
        "control": Column(t("pilots_page.col_control")),
    })


def pilot_methods_table(window) -> TableView:
    """The three ways to estimate a pilot's effect side by side (the headline's marked ★):
    expected and actual contacts, the effect with its 95% interval (none for the naive
    comparison), and how the method did on fake pilots before the real one."""
    estimates = [e for e in (window.naive, window.baseline, window.control) if e is not None]
    frame = pd.DataFrame([{
        "method": t(f"pilots.method.{e.method}") + (" ★" if e.method == window.headline.method else ""),
        "expected": e.expected,
        "actual": e.actual,
        "effect": e.relative_effect,
        "interval": None if e.method == "naive" else _interval(e.ci_low, e.ci_high),
        "fake_pilots": e.placebo.n if e.placebo else None,
        "false_positive_rate": e.placebo.false_positive_rate if e.placebo else None,
    } for e in estimates], columns=["method", "expected", "actual", "effect", "interval", "fake_pilots",
                                    "false_positive_rate"])
    for column in ("expected", "actual", "effect", "fake_pilots", "false_positive_rate"):
        frame[column] = frame[column].astype("float64")
    return table_view(frame, {
        "method": Column(t("pilots_page.col_method")),
        "expected": Column(t("pilots_page.col_expected_contacts"), "count"),
        "actual": Column(t("pilots_page.col_actual"), "count"),
        "effect": Column(t("pilots_page.col_effect"), "effect"),
        "interval": Column(t("pilots_page.col_interval"), align="right"),
        "fake_pilots": Column(t("pilots_page.col_fake"), "count"),
        "false_positive_rate": Column(t("pilots_page.col_false_positive"), "share"),
    })


def kpi_label(kpi: str) -> str:
    """A pilot KPI's name in the language (the contact ratio without its driver)."""
    return t("pilots.kpi.contact_ratio_plain") if kpi == "contact_ratio" else t(f"pilots.kpi.{kpi}")


# A KPI's before and during in its own unit: each row has its own, so the column is text.
_KPI_UNITS = {"contacts": lambda v: formatting.count(v), "per_1000": lambda v: formatting.decimal(v, 2),
              "seconds": lambda v: formatting.decimal(v, 0) + " s", "share": lambda v: formatting.percent(v, digits=1)}


def pilot_kpis_table(kpis) -> TableView:
    """Every KPI the data records for a pilot: before (or expected) and during, each in the
    KPI's own unit, the effect with its 95% interval, and whether it is beyond chance."""
    def in_unit(kpi, value) -> str | None:
        return None if formatting.missing(value) else _KPI_UNITS[kpi.unit](value)

    frame = pd.DataFrame([{
        "kpi": kpi_label(k.kpi),
        "before": in_unit(k, k.before),
        "during": in_unit(k, k.during),
        "effect": k.relative_effect,
        "interval": _interval(k.relative_ci_low, k.relative_ci_high),
        "significant": t("pilots_page.yes") if k.significant else t("pilots_page.no"),
    } for k in kpis if k.available], columns=["kpi", "before", "during", "effect", "interval", "significant"])
    frame["effect"] = frame["effect"].astype("float64")
    return table_view(frame, {
        "kpi": Column(t("pilots_page.col_kpi")),
        "before": Column(t("pilots_page.col_before"), align="right"),
        "during": Column(t("pilots_page.col_during"), align="right"),
        "effect": Column(t("pilots_page.col_effect"), "effect"),
        "interval": Column(t("pilots_page.col_interval"), align="right"),
        "significant": Column(t("pilots_page.col_significant")),
    })


# --- Weekly report ------------------------------------------------------------------------

def weekly_reasons_table(rows: pd.DataFrame, driver: str | None) -> TableView:
    """Last week per reason: contacts against expected and the week before, the band, the
    owning department (flagged when there is none, or only Customer Service) and its
    actions (left out while no reason has an open action). ``rows`` as
    ``weekly.attach_actions`` returns them."""
    flags = {"no_owner": t("weekly.flag_no_owner"), "customer_service": t("weekly.flag_customer_service")}
    with_actions = bool(rows["open_actions"].any())  # no open action on any row: no columns of zeros
    frame = rows.assign(
        band=rows["band"].map({"above": t("weekly.band_above"), "below": t("weekly.band_below")}).fillna(""),
        owner_department=[f"{owner if isinstance(owner, str) else ''} ({flags[flag]})".strip() if flag else owner
                          for owner, flag in zip(rows["owner_department"], rows["owner_flag"])],
    )
    return table_view(frame, {
        "reason": Column(t("weekly.column_reason"), pinned=True),
        "contacts": Column(t("weekly.column_contacts"), "count", width="small"),
        "expected": Column(t("weekly.column_expected"), "count"),
        "gap_pct": Column(t("weekly.column_gap_pct"), "change"),
        "band": Column(t("weekly.column_band"), width=95),
        "last_week": Column(t("weekly.column_last_week"), "count"),
        "vs_last_week_pct": Column(t("weekly.column_vs_last_week"), "change"),
        **({"per_1k": Column(t("weekly.column_per_1k", driver=driver), "ratio")} if driver else {}),
        "owner_department": Column(t("weekly.column_owner")),
        **({"open_actions": Column(t("weekly.column_open_actions"), "count"),
            "actions": Column(t("weekly.column_actions"), width="large")} if with_actions else {}),
    })


# --- Data ---------------------------------------------------------------------------------

def import_history_table(history: pd.DataFrame) -> TableView:
    """Every import: what, how many rows went where, by whom, when and how long it took."""
    return table_view(history, {
        "import_id": Column(t("data.col_import_id"), "id"),
        "kind": Column(t("data.col_kind")),
        "file_name": Column(t("data.col_file_name")),
        "profile": Column(t("data.col_profile")),
        "rows_read": Column(t("data.col_rows_read"), "count"),
        "inserted": Column(t("data.col_inserted"), "count"),
        "duplicates": Column(t("data.col_duplicates"), "count"),
        "rejected": Column(t("data.col_rejected"), "count"),
        "imported_by": Column(t("data.col_imported_by")),
        "started_at": Column(t("data.col_started_at"), "moment"),
        "finished_at": Column(t("data.col_finished_at"), "moment"),
        "seconds": Column(t("data.col_seconds"), "decimal"),
    })


def reason_tree_table(tree: pd.DataFrame) -> TableView:
    """The reason tree to edit: owner department and value class per reason, with the
    contacts of the last 90 days."""
    return table_view(tree, {
        "reason_l1": Column(t("data.col_reason_l1")),
        "reason_l2": Column(t("data.col_reason_l2")),
        "reason_l3": Column(t("data.col_reason_l3")),
        "department": Column(t("data.col_department")),
        "value_class": Column(t("data.col_value_class")),
        "contacts_90d": Column(t("data.col_contacts_90d"), "count"),
    })


def channel_table(channels: pd.DataFrame) -> TableView:
    """The channels to edit: group and cost per contact (as text in the language, so a
    Dutch editor reads and types "3,50"; see :func:`channels_from_edited`) and contacts."""
    frame = channels.assign(cost_per_contact=channels["cost_per_contact"].map(
        lambda cost: None if formatting.missing(cost) else formatting.decimal(cost, 2)))
    return table_view(frame, {
        "channel": Column(t("data.col_channel")),
        "channel_group": Column(t("data.col_channel_group")),
        "cost_per_contact": Column(t("data.col_cost_per_contact_euro"), align="right"),
        "contacts": Column(t("data.col_contacts"), "count"),
    })


def channels_from_edited(edited: pd.DataFrame) -> pd.DataFrame:
    """The edited channel table with each cost per contact a number again (None when
    emptied), read in the active language ("3,50" in Dutch, "3.50" in English).

    Raises
    ------
    ValueError
        When a cost is not a number (the message names the channel and the text).
    """
    def amount(channel: str, text: object) -> float | None:
        try:
            return formatting.parsed_decimal(text)
        except ValueError:
            raise ValueError(t("errors.edit_channel_cost_not_a_number", channel=repr(channel),
                               text=repr(text))) from None

    return edited.assign(cost_per_contact=[amount(c, v) for c, v in zip(edited["channel"], edited["cost_per_contact"])])


def driver_summary_table(summary: pd.DataFrame) -> TableView:
    """The business drivers: dimension ("–" for a driver of the whole business), how many
    values and days, and their daily level."""
    summary = summary.assign(dimension=summary["dimension"].map(lambda d: None if formatting.missing(d) or d == ""
                                                                else d))
    return table_view(summary, {
        "driver": Column(t("data.col_driver")),
        "dimension": Column(t("data.col_dimension")),
        "dimension_values": Column(t("data.col_dimension_values"), "count"),
        "days": Column(t("data.col_days"), "count"),
        "first_day": Column(t("data.col_first_day"), "day"),
        "last_day": Column(t("data.col_last_day"), "day"),
        "value_per_day": Column(t("data.col_value_per_day"), "count"),
    })


def event_table(events: pd.DataFrame) -> TableView:
    """The recorded events (campaigns, outages, holidays), their kind in the language."""
    frame = events.assign(kind=events["kind"].map(
        lambda kind: t(f"data.event_kind_{kind}") if f"data.event_kind_{kind}" in TEXT[active_language()] else kind))
    return table_view(frame, {
        "event_id": Column(t("data.col_event_id"), "id"),
        "name": Column(t("data.col_name")),
        "kind": Column(t("data.col_kind")),
        "starts_on": Column(t("data.col_starts_on"), "day"),
        "ends_on": Column(t("data.col_ends_on"), "day"),
        "foreseen": Column(t("data.col_foreseen"), "flag"),
        "reason_l1": Column(t("data.col_reason_l1")),
        "reason_l2": Column(t("data.col_reason_l2")),
        "reason_l3": Column(t("data.col_reason_l3")),
        "channel": Column(t("data.col_channel")),
        "note": Column(t("data.col_note")),
    })


def other_share_table(other_by_level: pd.DataFrame) -> TableView:
    """The share of "Other" reasons per level of the tree."""
    return table_view(other_by_level, {
        "level": Column(t("taxonomy.column_level"), "id"),
        "other_share": Column(t("taxonomy.column_other_share"), "share"),
    })


def backup_table(listing: pd.DataFrame) -> TableView:
    """The backups beside the store: file, size in MB, when written."""
    return table_view(listing, {
        "name": Column(t("backup.col_name")),
        "size_mb": Column(t("backup.col_size_mb"), "decimal"),
        "written_at": Column(t("backup.col_written_at"), "moment"),
    })


def audit_table(shown: pd.DataFrame) -> TableView:
    """The audit log as ``audit.readable_entries`` words it."""
    return table_view(shown, {
        "logged_at": Column(t("roles.col_logged_at"), "moment"),
        **{name: Column(t(f"roles.col_{name}")) for name in shown.columns if name != "logged_at"},
    })

