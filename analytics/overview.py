"""The Overview page's numbers: the period against the previous period and last year,
the channel-group split, the top reasons and the store's freshness."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import pandas as pd

from analytics.filters import ContactFilter
from analytics.queries import run_query


@dataclass(frozen=True)
class PeriodKpis:
    """Headline numbers of one period; rates are None when no contact recorded them."""

    contacts: int
    customers: int
    handle_seconds_avg: float | None
    fcr_rate: float | None
    csat_pct: float | None


@dataclass(frozen=True)
class StoreFreshness:
    contacts: int
    first_contact_at: datetime | None
    last_contact_at: datetime | None
    last_import_at: datetime | None
    data_changed_at: datetime | None
    # The days with at least one contact; None when the store does not know them.
    days_with_contacts: frozenset[date] | None = None


@dataclass(frozen=True)
class Overview:
    """``previous`` and ``last_year`` are None when the store does not cover that whole
    period (a comparison with half a period would show a growth that never happened)."""

    current: PeriodKpis
    previous: PeriodKpis | None
    last_year: PeriodKpis | None
    by_channel_group: pd.DataFrame  # channel_group, channel, contacts
    top_reasons: pd.DataFrame       # reason, contacts, share, previous_contacts, change_pct
    daily: pd.DataFrame             # day, contacts


def period_kpis(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter) -> PeriodKpis:
    row = run_query(conn, "contact_kpis", contact_filter.params()).iloc[0]
    return PeriodKpis(
        contacts=int(row["contacts"]),
        customers=int(row["customers"]),
        handle_seconds_avg=_optional_float(row["handle_seconds_avg"]),
        fcr_rate=_optional_float(row["fcr_rate"]),
        csat_pct=_optional_float(row["csat_pct"]),
    )


def relative_change(current: float, reference: float) -> float | None:
    """(current − reference) / reference; None when there is no reference to compare with."""
    if reference is None or reference == 0 or pd.isna(reference):
        return None
    return (current - reference) / reference


def contacts_by_reason(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, level: int = 1) -> pd.DataFrame:
    """Contacts per reason at ``level`` (1–3), most first."""
    if level not in (1, 2, 3):
        raise ValueError("The reason level must be 1, 2 or 3.")
    return run_query(conn, "contacts_by_reason", {**contact_filter.params(), "level": level})


def top_reasons(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter, level: int = 1, n: int = 10,
                *, compare: bool = True) -> pd.DataFrame:
    """The ``n`` biggest reasons with their share and change against the previous period
    (``previous_contacts`` and ``change_pct`` are missing throughout when ``compare`` is
    False: a period the store does not cover had no known count, not none).

    ``share`` sums to 1 over all reasons (not only the top ``n``)."""
    current = contacts_by_reason(conn, contact_filter, level)
    previous = (contacts_by_reason(conn, contact_filter.previous_period(), level) if compare
                else current.iloc[0:0])  # no query for a period we will not compare with
    total = current["contacts"].sum()
    merged = current.merge(
        previous.rename(columns={"contacts": "previous_contacts"}), on="reason", how="left"
    )
    # Not compared (the store does not cover the previous period): unknown, not zero.
    merged["previous_contacts"] = (merged["previous_contacts"].fillna(0).astype("int64") if compare
                                   else pd.array([pd.NA] * len(merged), dtype="Int64"))
    merged["share"] = merged["contacts"] / total if total else 0.0
    merged["change_pct"] = [
        relative_change(cur, prev) if compare else None
        for cur, prev in zip(merged["contacts"], merged["previous_contacts"])
    ]
    return merged.head(n)[["reason", "contacts", "share", "previous_contacts", "change_pct"]]


def daily_contacts(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter) -> pd.DataFrame:
    """Contacts per day in the period, days without contacts included as 0."""
    return run_query(conn, "daily_contacts", contact_filter.params())


def store_freshness(conn: duckdb.DuckDBPyConnection) -> StoreFreshness:
    row = run_query(conn, "store_freshness").iloc[0]
    return StoreFreshness(
        contacts=int(row["contacts"]),
        first_contact_at=_optional_timestamp(row["first_contact_at"]),
        last_contact_at=_optional_timestamp(row["last_contact_at"]),
        last_import_at=_optional_timestamp(row["last_import_at"]),
        data_changed_at=_optional_timestamp(row["data_changed_at"]),
        days_with_contacts=_days(row["days_with_contacts"], contacts=int(row["contacts"])),
    )


def _days(days: object, *, contacts: int) -> frozenset[date] | None:
    """The store's days with contacts, or None when its daily aggregates are empty although
    it holds contacts (a store filled without them: the days are then not known)."""
    known = frozenset(pd.Timestamp(day).date() for day in (days if pd.api.types.is_list_like(days) else []))
    return known if known or contacts == 0 else None


def overview(conn: duckdb.DuckDBPyConnection, contact_filter: ContactFilter) -> Overview:
    """Everything the Overview page shows for one filter. The top reasons are one level
    below the filtered reason; comparisons only against periods the store fully covers."""
    freshness = store_freshness(conn)
    previous, last_year = contact_filter.previous_period(), contact_filter.same_period_last_year()
    previous_covered = covers(freshness, previous.start, previous.end)
    return Overview(
        current=period_kpis(conn, contact_filter),
        previous=period_kpis(conn, previous) if previous_covered else None,
        last_year=period_kpis(conn, last_year) if covers(freshness, last_year.start, last_year.end) else None,
        by_channel_group=run_query(conn, "contacts_by_channel_group", contact_filter.params()),
        top_reasons=top_reasons(conn, contact_filter, level=reason_level_below(contact_filter),
                                compare=previous_covered),
        daily=daily_contacts(conn, contact_filter),
    )


def covers(freshness: StoreFreshness, start: date, end: date | None = None) -> bool:
    """Whether the store holds data for the period ``start`` to ``end``: its first contact is
    on or before ``start`` and, where the store knows its days, it has a contact in the period.
    An export with a gap of a year (a sample with a stray old message) has nothing there to
    compare with: that is not a quiet period. One day with contacts is enough: a period
    the data starts before and ends after is covered, however quiet."""
    if freshness.first_contact_at is None or freshness.first_contact_at.date() > start:
        return False
    if end is None or freshness.days_with_contacts is None:
        return True
    return any(start <= day <= end for day in freshness.days_with_contacts)


def reason_level_below(contact_filter: ContactFilter) -> int:
    """The reason level to break a filtered view down by: one below the deepest level set."""
    depth = sum(level is not None for level in
                (contact_filter.reason_l1, contact_filter.reason_l2, contact_filter.reason_l3))
    return min(depth + 1, 3)


def filter_options(conn: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every value the shared filters offer (kind, l1, l2, l3, label)."""
    return run_query(conn, "filter_options")


def default_period(freshness: StoreFreshness, days: int = 28) -> tuple[date, date]:
    """The last ``days`` full days that have data (ending on the last contact's day)."""
    if freshness.last_contact_at is None:
        today = date.today()
        return today, today
    end = freshness.last_contact_at.date()
    start = max(end - pd.Timedelta(days=days - 1), freshness.first_contact_at.date())
    return start, end


def _optional_float(value) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _optional_timestamp(value) -> datetime | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).to_pydatetime()
