"""The shared sidebar filters, made once in ``app.py`` and bound to the URL so a copied
link reproduces the view."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.filters import ContactFilter
from analytics.i18n import t
from analytics.overview import StoreFreshness, default_period

PERIOD_KEY = "filter_period"
REASON_KEY = "filter_reason"
CHANNEL_KEY = "filter_channel"
DEPARTMENT_KEY = "filter_department"
GROUP_SUFFIX = " (group)"


def shared_filters(options: pd.DataFrame, freshness: StoreFreshness) -> ContactFilter | None:
    """Draw the filters in the sidebar; return the filter, or None while the period is
    half-picked."""
    first_day = freshness.first_contact_at.date()
    last_day = freshness.last_contact_at.date()
    with st.sidebar:
        st.header(t("filters.header"))
        period = st.date_input(
            t("filters.period"), value=default_period(freshness), min_value=first_day,
            max_value=last_day, key=PERIOD_KEY, bind="query-params", format="DD-MM-YYYY",
        )
        reasons = options[options["kind"] == "reason"]
        reason_label = st.selectbox(
            t("filters.reason"), reasons["label"].tolist(), index=None,
            placeholder=t("filters.reason_all"), key=REASON_KEY, bind="query-params",
        )
        channel_choice = st.selectbox(
            t("filters.channel"), _channel_choices(options), index=None,
            placeholder=t("filters.channel_all"), key=CHANNEL_KEY, bind="query-params",
        )
        department = st.selectbox(
            t("filters.department"), options.loc[options["kind"] == "department", "label"].tolist(),
            index=None, placeholder=t("filters.department_all"), key=DEPARTMENT_KEY,
            bind="query-params",
        )
    if not isinstance(period, (tuple, list)) or len(period) != 2:
        st.sidebar.info(t("filters.period_incomplete"))
        return None
    reason_levels = _reason_levels(reasons, reason_label)
    group = channel_choice[: -len(GROUP_SUFFIX)] if channel_choice and channel_choice.endswith(GROUP_SUFFIX) else None
    channel = channel_choice if channel_choice and group is None else None
    return ContactFilter(
        start=period[0], end=period[1],
        reason_l1=reason_levels[0], reason_l2=reason_levels[1], reason_l3=reason_levels[2],
        channel=channel,
        channel_group=group,
        department=department,
    )


def _channel_choices(options: pd.DataFrame) -> list[str]:
    """Groups first ("voice (group)"), then channels. Bound widgets put the shown option
    in the URL, so the option strings themselves are the stable, readable values."""
    groups = options.loc[options["kind"] == "channel_group", "label"]
    channels = options.loc[options["kind"] == "channel", "label"]
    return [f"{g}{GROUP_SUFFIX}" for g in groups] + list(channels)


def _reason_levels(reasons: pd.DataFrame, label: str | None) -> tuple[str | None, str | None, str | None]:
    if not label:
        return None, None, None
    row = reasons[reasons["label"] == label].iloc[0]
    return tuple(None if pd.isna(v) else str(v) for v in (row["l1"], row["l2"], row["l3"]))


_ACTIVE_FILTER_KEY = "active_contact_filter"


def remember_active_filter(contact_filter: ContactFilter | None) -> None:
    """Called by the frame after drawing the sidebar, for the page to read."""
    st.session_state[_ACTIVE_FILTER_KEY] = contact_filter


def active_filter() -> ContactFilter | None:
    """The filter the sidebar shows; None when the store is empty or the period half-picked."""
    return st.session_state.get(_ACTIVE_FILTER_KEY)
