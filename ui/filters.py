"""The shared sidebar filters, made once in ``app.py`` and bound to the URL so a copied
link reproduces the view."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics.filters import ContactFilter, channel_group_name
from analytics import formatting
from analytics.formatting import date_input_format
from analytics.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGE_NAMES,
    LANGUAGES,
    TEXT,
    checked_language,
    set_language,
    t,
    using_language,
)
from analytics.overview import StoreFreshness, default_period

PERIOD_KEY = "filter_period"
REASON_KEY = "filter_reason"
CHANNEL_KEY = "filter_channel"
DEPARTMENT_KEY = "filter_department"
REASONS_RECORDED_KEY = "filter_reasons_recorded"
LANGUAGE_KEY = "lang"
GROUP_SUFFIX = " (group)"


# Bound widgets whose options are shown translated, by URL key: the text keys of their
# options (``prefix`` + slug; each English text is the option itself). Streamlit writes the
# shown text into the URL, so a link names them in the words of the language it was made in.
TRANSLATED_OPTIONS = {
    "data_section": "data.section_", "reasons_section": "reasons.section_", "reasons_grain": "option.",
    "reasons_mix_by": "reasons.mix_", "trends_grain": "option.", "ratios_grain": "option.",
    "ratios_view": "ratios.view_", "ratios_breakdown": "ratios.part_", "pilots_view": "pilots_page.view_",
}


def language_switch() -> str:
    """The language picker at the top of the sidebar; returns the chosen language, active
    from here on. Called before the page config and navigation, whose titles are text.

    Kept in the URL as ``?lang=nl`` by hand: a bound widget would write its shown option
    ("Nederlands") there, and a link should carry the short code."""
    if LANGUAGE_KEY not in st.session_state:
        st.session_state[LANGUAGE_KEY] = checked_language(st.query_params.get(LANGUAGE_KEY))
        _adopt_link_options(st.session_state[LANGUAGE_KEY])
    set_language(st.session_state[LANGUAGE_KEY])  # the switch's own label speaks it too
    language = set_language(st.sidebar.segmented_control(
        t("filters.language"), LANGUAGES, required=True,
        format_func=LANGUAGE_NAMES.__getitem__, key=LANGUAGE_KEY,
    ))
    if language == DEFAULT_LANGUAGE:
        st.query_params.pop(LANGUAGE_KEY, None)
    elif st.query_params.get(LANGUAGE_KEY) != language:
        st.query_params[LANGUAGE_KEY] = language
    return language


def _adopt_link_options(language: str) -> None:
    """At the start of a session, take over options a link names in another language's
    words ("Klantreizen" in an English view, "voice (group)" after a switch to Dutch), which
    the widgets would otherwise drop as unknown."""
    for key, value in st.query_params.items():
        option = _option_named(key, value, language)
        if option is not None and key not in st.session_state:
            st.session_state[key] = option


def _option_named(key: str, value: str, language: str) -> str | None:
    """The option ``value`` names in any language, when the active one words it differently."""
    if key == CHANNEL_KEY:
        for other in LANGUAGES:
            head, _, tail = TEXT[other]["filters.channel_group"].partition("{group}")
            if other == language or not (value.startswith(head) and value.endswith(tail)):
                continue
            shown = value[len(head):len(value) - len(tail)]
            codes = [k.removeprefix("group.") for k, text in TEXT[other].items()
                     if k.startswith("group.") and text == shown] or [shown]
            option = f"{codes[0]}{GROUP_SUFFIX}"
            return option if _channel_shown_in(option, language) != value else None
        return None
    prefix = TRANSLATED_OPTIONS.get(key)
    if prefix is None:
        return None
    for text_key, english in TEXT["en"].items():
        if text_key.startswith(prefix) and value in (TEXT[other][text_key] for other in LANGUAGES):
            return english if TEXT[language][text_key] != value else None
    return None


def _channel_shown_in(choice: str, language: str) -> str:
    with using_language(language):
        return _channel_shown(choice)


def shared_filters(options: pd.DataFrame, freshness: StoreFreshness, relabelled: int = 0) -> ContactFilter | None:
    """Draw the filters in the sidebar; return the filter, or None while the period is
    half-picked. With ``relabelled`` contacts (moved by accepted suggested reasons), a switch
    between the reasons as recorded and with the accepted suggestions, and a line saying
    which is shown."""
    first_day = freshness.first_contact_at.date()
    last_day = freshness.last_contact_at.date()
    with st.sidebar:
        st.header(t("filters.header"))
        period = st.date_input(
            t("filters.period"), value=default_period(freshness), min_value=first_day,
            max_value=last_day, key=PERIOD_KEY, bind="query-params", format=date_input_format(),
        )
        reasons = options[options["kind"] == "reason"]
        reason_label = st.selectbox(
            t("filters.reason"), reasons["label"].tolist(), index=None,
            placeholder=t("filters.reason_all"), key=REASON_KEY, bind="query-params",
        )
        channel_choice = st.selectbox(
            t("filters.channel"), _channel_choices(options), index=None, format_func=_channel_shown,
            placeholder=t("filters.channel_all"), key=CHANNEL_KEY, bind="query-params",
        )
        department = st.selectbox(
            t("filters.department"), options.loc[options["kind"] == "department", "label"].tolist(),
            index=None, placeholder=t("filters.department_all"), key=DEPARTMENT_KEY,
            bind="query-params",
        )
        as_recorded = _reasons_switch(relabelled)
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
        reasons_as_recorded=as_recorded,
    )


def _reasons_switch(relabelled: int) -> bool | None:
    """Whether reasons count as recorded (True) or with the accepted suggestions (False);
    None, and no switch, when no contact was relabelled. Bound to the URL: a link keeps it."""
    if not relabelled:
        return None
    as_recorded = st.toggle(t("filters.reasons_as_recorded"), key=REASONS_RECORDED_KEY, bind="query-params",
                            help=t("filters.reasons_as_recorded_help"))
    st.caption(t("filters.reasons_caption_recorded" if as_recorded else "filters.reasons_caption_accepted",
                 contacts=formatting.count(relabelled)))
    return bool(as_recorded)


def _channel_choices(options: pd.DataFrame) -> list[str]:
    """Groups first ("voice (group)"), then channels. Bound widgets put the shown option
    in the URL, so the option strings themselves are the stable, readable values."""
    groups = options.loc[options["kind"] == "channel_group", "label"]
    channels = options.loc[options["kind"] == "channel", "label"]
    return [f"{g}{GROUP_SUFFIX}" for g in groups] + list(channels)


def _channel_shown(choice: str) -> str:
    """"voice (group)" as "telefonie (groep)" in Dutch; the URL keeps the stable value."""
    if not choice.endswith(GROUP_SUFFIX):
        return choice
    return t("filters.channel_group", group=channel_group_name(choice[: -len(GROUP_SUFFIX)]))


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
