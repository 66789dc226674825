"""The weekly feedback report as meeting material: the same week, numbers and chart as the
Weekly report page, one message per slide.

Slides: headline numbers (contacts, expected, contact ratio, open actions), reasons
against the baseline (the page's gap chart), movers (furthest above and below
expectation), reasons with their owner, open actions by department. The method is the
report's ``method`` note. All text is in ``language``; numbers are formatted for it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import duckdb
import pandas as pd

from analytics import actions as action_store
from analytics import formatting as fmt
from analytics import weekly
from analytics.charts.weekly import weekly_gap_chart
from analytics.exports.stamp import export_context
from analytics.filters import ContactFilter
from analytics.i18n import t, using_language
from analytics.overview import store_freshness
from analytics.reports.model import BigNumber, Report, Slide, Table
from analytics.text_reasons.review import relabelled_contacts

MOVERS = 5          # reasons above and below expectation on the movers slide
LEVEL_GAP = 0.005   # |gap| under half a percent reads "in line with expectation"


def build_weekly_report(
    conn: duckdb.DuckDBPyConnection, *, week_start: date | None = None, level: int = 1, driver: str | None = None,
    contact_filter: ContactFilter | None = None, language: str, generated_at: datetime, today: date,
) -> Report:
    """The report of the ISO week starting ``week_start`` (default: the last complete week,
    as on the page) for ``contact_filter``'s reasons, channels and department (its period
    is ignored). ``driver`` None takes the page's default, the first driver of the store;
    ``""`` means none.

    Raises
    ------
    ValueError
        When the store has no contacts, no complete week with 8 weeks of history, or
        ``week_start`` is not one of those weeks.
    """
    with using_language(language):
        freshness = store_freshness(conn)
        if not freshness.contacts:
            raise ValueError(t("errors.store_no_contacts"))
        first_day = freshness.first_contact_at.date()
        weeks = weekly.complete_weeks(first_day, freshness.last_contact_at.date())
        if not weeks:
            raise ValueError(t("errors.report_no_complete_week"))
        monday = weeks[0] if week_start is None else week_start
        if monday not in weeks:
            raise ValueError(t("errors.report_week_not_complete", week=weekly.week_code(monday),
                               first=weekly.week_code(weeks[-1]), last=weekly.week_code(weeks[0])))
        if driver is None:
            names = weekly.driver_names(conn)
            driver = names[0] if names else None
        sunday = monday + timedelta(days=6)
        base = contact_filter or ContactFilter(monday, sunday)
        if base.reasons_as_recorded is None and relabelled_contacts(conn):
            base = replace(base, reasons_as_recorded=False)  # say so: with the accepted suggested reasons
        week_filter = base.with_period(monday, sunday)
        report = weekly.weekly_report(conn, week_filter, monday, level=level, first_day=first_day,
                                      driver=driver or None)
        if report.rows.empty:
            raise ValueError(t("errors.report_week_no_contacts", week=report.week_code))
        all_actions = action_store.list_actions(conn)
        rows = weekly.attach_actions(report.rows, all_actions, today)
        week = monday.isocalendar()[1]
        context = export_context(week_filter, freshness, generated_at=generated_at, language=language)
        slides = (
            _headline_slide(report, all_actions, today, week),
            *([_gap_slide(rows)] if report.has_baseline else []),
            _movers_slide(report, rows),
            _reasons_slide(report, rows),
            _actions_slide(all_actions, today),
        )
        return Report(
            kind="weekly", language=language,
            title=t("reports.weekly_title", week=week, year=monday.isocalendar()[0]),
            subtitle=t("reports.weekly_subtitle", start=fmt.day(monday), end=fmt.day(sunday), level=level),
            context=context, slides=slides, method=t("reports.weekly_method"),
        )


def headline_title(report: weekly.WeeklyReport) -> str:
    """"Contacts 4% below expectation in week 47" (or the count when there is no baseline)."""
    week = report.week_start.isocalendar()[1]
    gap = report.total.get("gap_pct")
    if not report.has_baseline or gap is None:
        return t("reports.weekly_plain", contacts=fmt.count(report.total["contacts"]), week=week)
    if abs(gap) < LEVEL_GAP:
        return t("reports.weekly_level", week=week)
    return t("reports.weekly_below" if gap < 0 else "reports.weekly_above", pct=fmt.percent(abs(gap)), week=week)


def _headline_slide(report: weekly.WeeklyReport, all_actions: pd.DataFrame, today: date, week: int) -> Slide:
    total = report.total
    numbers = [BigNumber(
        t("weekly.metric_contacts"), fmt.count(total["contacts"]),
        fmt.percent(total["vs_last_week_pct"], signed=True) + " " + t("weekly.metric_last_week")
        if total["vs_last_week_pct"] is not None else "",
        _tone(total["vs_last_week_pct"]),
    )]
    if report.has_baseline:
        numbers.append(BigNumber(
            t("weekly.metric_expected"), fmt.count(total["expected"]),
            t("reports.detail_vs_expected", pct=fmt.percent(total["gap_pct"], signed=True)) + " · "
            + t("reports.detail_band", low=fmt.count(total["lo95"]), high=fmt.count(total["hi95"])),
            _tone(total["gap_pct"]) if total["band"] else "neutral",
        ))
    if report.driver:
        numbers.append(BigNumber(t("weekly.metric_per_1k", driver=report.driver), fmt.decimal(total["per_1k"], 1)))
    open_actions = all_actions[all_actions["status"].isin(action_store.OPEN_STATUSES)]
    late = int(action_store.overdue(open_actions, today).sum())
    numbers.append(BigNumber(t("weekly.metric_open_actions"), fmt.count(len(open_actions)),
                             t("weekly.metric_overdue", count=late) if late else "", "bad" if late else "neutral"))
    bullets = tuple(report.notes)
    return Slide(title=headline_title(report), message=weekly.headline(report), numbers=tuple(numbers),
                 bullets=bullets, notes=t("reports.weekly_headline_notes"))


def _tone(change: float | None) -> str:
    """Fewer contacts is good news."""
    if change is None or change != change or change == 0:
        return "neutral"
    return "good" if change < 0 else "bad"


def _gap_slide(rows: pd.DataFrame) -> Slide:
    chart = weekly_gap_chart(rows, labels={"gap": t("weekly.chart_gap"), "inside": t("weekly.chart_inside"),
                                           "above": t("weekly.chart_above"), "below": t("weekly.chart_below")})
    gaps = rows.dropna(subset=["gap"])
    flagged = gaps[gaps["band"] != ""]
    if flagged.empty:
        title = t("reports.weekly_gap_none")
    else:
        top = flagged.loc[flagged["gap"].abs().idxmax()]
        key = "reports.weekly_gap_above" if top["gap"] > 0 else "reports.weekly_gap_below"
        title = t(key, reason=top["reason"], change=fmt.decimal(top["gap"], 0, signed=True))
    message = t("reports.weekly_gap_message", above=int((gaps["band"] == "above").sum()),
                below=int((gaps["band"] == "below").sum()))
    return Slide(title=title, message=message, chart=chart, notes=t("reports.weekly_gap_notes"))


def _movers_slide(report: weekly.WeeklyReport, rows: pd.DataFrame) -> Slide:
    with_baseline = report.has_baseline
    change = rows["gap"] if with_baseline else rows["contacts"] - rows["last_week"]
    frame = rows.assign(change=change).dropna(subset=["change"])
    up = frame[frame["change"] > 0].sort_values("change", ascending=False).head(MOVERS)
    down = frame[frame["change"] < 0].sort_values("change").head(MOVERS)
    suffix = "" if with_baseline else "_week"
    if len(up):
        title = t(f"reports.movers_rise{suffix}", reason=up.iloc[0]["reason"],
                  change=fmt.decimal(up.iloc[0]["change"], 0, signed=True))
    elif len(down):
        title = t(f"reports.movers_fall{suffix}", reason=down.iloc[0]["reason"],
                  change=fmt.decimal(down.iloc[0]["change"], 0, signed=True))
    else:
        title = t("reports.movers_none")
    movers = pd.concat([up, down])
    if with_baseline:
        columns = (t("weekly.column_reason"), t("weekly.column_contacts"), t("weekly.column_expected"),
                   t("reports.column_gap"), t("weekly.column_gap_pct"), t("weekly.column_band"),
                   t("weekly.column_owner"))
        cells = [(r.reason, fmt.count(r.contacts), fmt.count(r.expected), fmt.decimal(r.gap, 0, signed=True),
                  fmt.percent(r.gap_pct, signed=True), _band(r.band), _owner(r.owner_department, r.owner_flag))
                 for r in movers.itertuples()]
    else:
        columns = (t("weekly.column_reason"), t("weekly.column_contacts"), t("weekly.column_last_week"),
                   t("weekly.column_vs_last_week"), t("weekly.column_owner"))
        cells = [(r.reason, fmt.count(r.contacts), fmt.count(r.last_week), fmt.percent(r.vs_last_week_pct, signed=True),
                  _owner(r.owner_department, r.owner_flag)) for r in movers.itertuples()]
    highlight = tuple(i for i, r in enumerate(movers.itertuples()) if r.band == "above")
    data = movers[["reason", "contacts", "expected", "gap", "gap_pct", "band", "last_week", "vs_last_week_pct",
                   "owner_department"]].reset_index(drop=True)
    return Slide(title=title, message=t("reports.movers_message" if with_baseline else "reports.movers_message_week"),
                 table=Table(columns, tuple(cells), highlight, data), notes=t("reports.movers_notes", count=MOVERS))


def _reasons_slide(report: weekly.WeeklyReport, rows: pd.DataFrame) -> Slide:
    shown = rows  # every reason, largest first; a deck shows the first ones and counts the rest
    columns = [t("weekly.column_reason"), t("weekly.column_contacts")]
    if report.has_baseline:
        columns += [t("weekly.column_expected"), t("weekly.column_gap_pct"), t("weekly.column_band")]
    columns += [t("weekly.column_last_week"), t("weekly.column_vs_last_week")]
    if report.driver:
        columns.append(t("weekly.column_per_1k", driver=report.driver))
    columns.append(t("weekly.column_owner"))
    cells = []
    for r in shown.itertuples():
        row = [r.reason, fmt.count(r.contacts)]
        if report.has_baseline:
            row += [fmt.count(r.expected), fmt.percent(r.gap_pct, signed=True), _band(r.band)]
        row += [fmt.count(r.last_week), fmt.percent(r.vs_last_week_pct, signed=True)]
        if report.driver:
            row.append(fmt.decimal(r.per_1k, 2))
        row.append(_owner(r.owner_department, r.owner_flag))
        cells.append(tuple(row))
    outside = int((rows["band"] != "").sum())
    title = (t("reports.reasons_title", outside=outside, total=len(rows)) if report.has_baseline
             else t("reports.reasons_title_plain", total=len(rows)))
    unowned = int((rows["owner_flag"] != "").sum())
    message = t("weekly.owner_flags", count=unowned) if unowned else t("reports.reasons_owned")
    highlight = tuple(i for i, band in enumerate(shown["band"]) if band == "above")
    data = rows[["reason", "contacts", "expected", "lo95", "hi95", "gap", "gap_pct", "band", "last_week",
                 "vs_last_week_pct", "per_1k", "owner_department", "owner_flag", "open_actions"]]
    return Slide(title=title, message=message, table=Table(tuple(columns), tuple(cells), highlight, data),
                 notes=t("reports.reasons_notes"))


def _actions_slide(all_actions: pd.DataFrame, today: date) -> Slide:
    open_actions = all_actions[all_actions["status"].isin(action_store.OPEN_STATUSES)]
    open_actions = open_actions.assign(overdue=action_store.overdue(open_actions, today),
                                       department=open_actions["owner_department"].fillna("").astype(str))
    notes = t("reports.actions_notes", today=fmt.day(today))
    if open_actions.empty:
        return Slide(title=t("reports.actions_title_none"), message=t("reports.actions_message_none"), notes=notes)
    ordered = open_actions.assign(sort_department=open_actions["department"].replace("", "\uffff"),
                                  sort_due=pd.to_datetime(open_actions["due_on"]))
    ordered = ordered.sort_values(["sort_department", "sort_due"], na_position="last", kind="stable")
    columns = (t("reports.column_department"), t("weekly.column_reason"), t("weekly.column_action"),
               t("weekly.column_due_on"), t("weekly.column_status"))
    cells = tuple((r.department or t("reports.no_department"), r.reason, r.action,
                   fmt.day(pd.Timestamp(r.due_on).date()) if pd.notna(r.due_on) else "–",
                   t(f"weekly.status_{r.status}")) for r in ordered.itertuples())
    highlight = tuple(i for i, late in enumerate(ordered["overdue"]) if late)
    data = ordered[["department", "reason", "action", "due_on", "status", "overdue"]].reset_index(drop=True)
    title = t("reports.actions_title", count=len(ordered), overdue=len(highlight))
    return Slide(title=title, message=t("reports.actions_message"), table=Table(columns, cells, highlight, data),
                 notes=notes)


def _band(band: str) -> str:
    return {"above": t("weekly.band_above"), "below": t("weekly.band_below")}.get(band, "")


def _owner(owner, flag: str) -> str:
    """The owner as the page shows it: "Logistics", or "(no owner named)" with its flag."""
    name = owner if isinstance(owner, str) else ""
    if not flag:
        return name
    return f"{name} ({t(f'weekly.flag_{flag}')})".strip()
