"""Data: import exports, see what came in, and keep the reference data right (reason
tree owners and value classes, channel groups and costs, drivers, events)."""

import streamlit as st

from analytics import charts, editing
from analytics.i18n import TEXT, t
from analytics.store import holiday_country
from ui import admin_panel, cache, chart, format, import_panel, roles, taxonomy_panel

st.title(t("data.title"))
version = cache.current_data_version()


def save(write, edited) -> None:
    """Write an edited table; say what went wrong (or that it was refused) instead of saving half."""
    try:
        saved, _ = roles.guarded(lambda: write(cache.connection(), edited))
    except ValueError as exc:
        st.error(str(exc))
        return
    if saved:
        cache.clear_results()
        st.success(t("data.saved"))


def column_labels(table) -> dict:
    """Each store column's heading in the active language (``data.col_<column>``)."""
    return {column: t(f"data.col_{column}") for column in table.columns if f"data.col_{column}" in TEXT["en"]}


def add_event_form() -> None:
    """The form that records an event (editors only)."""
    with st.form("data_event_form", clear_on_submit=True):
        st.markdown(f"**{t('data.add_event')}**")
        name = st.text_input(t("data.event_name"))
        cols = st.columns(4)
        kind = cols[0].selectbox(t("data.event_kind"), editing.EVENT_KINDS,
                                 format_func=format.option_text("data.event_kind_"))
        starts_on = cols[1].date_input(t("data.event_start"), format=format.date_input_format())
        ends_on = cols[2].date_input(t("data.event_end"), format=format.date_input_format())
        foreseen = cols[3].toggle(t("data.event_foreseen"), value=True)
        reason = st.text_input(t("data.event_reason"), placeholder="Delivery > Late")
        if st.form_submit_button(t("data.save")):
            try:
                saved, _ = roles.guarded(lambda: editing.add_event(
                    cache.connection(), name=name, kind=kind, starts_on=starts_on, ends_on=ends_on,
                    foreseen=foreseen, reason=reason or None))
            except ValueError as exc:
                st.error(str(exc))
                return
            if saved:
                cache.clear_results()
                st.success(t("data.saved"))


def holiday_country_choice(editor: bool) -> None:
    """Whose public holidays the season and the timeline know (editors may change it)."""
    countries = editing.holiday_countries()
    current = holiday_country(cache.connection())
    chosen = st.selectbox(t("data.holiday_country"), list(countries), index=list(countries).index(current),
                          format_func=lambda code: f"{countries[code]} ({code})", key="data_holiday_country",
                          disabled=not editor, help=t("data.holiday_country_help"))
    if editor and chosen != current:
        saved, _ = roles.guarded(lambda: editing.set_holiday_country(cache.connection(), chosen))
        if saved:
            st.success(t("data.holiday_country_saved", country=countries[chosen]))


# The option strings go into the URL as they are, so they are fixed English words.
SECTIONS = ["Import", "History", "Reasons", "Channels", "Drivers", "Events", "Health"]
if roles.is_admin():
    SECTIONS += ["Users", "Audit log", "Backup"]
editor = roles.can_edit()
section = (st.segmented_control(t("data.section"), SECTIONS, default="Import", key="data_section",
                                bind="query-params", format_func=format.option_text("data.section_"),
                                label_visibility="collapsed") or "Import").lower()

if section == "import":
    if editor:
        import_panel.show()
    else:
        roles.read_only_note()

elif section == "history":
    history = cache.store_table(version, "import_history")
    st.dataframe(history, hide_index=True, column_config={
        **column_labels(history),
        **{column: st.column_config.DatetimeColumn(t(f"data.col_{column}"), format=format.table_moment_format())
           for column in ("started_at", "finished_at")},
    })

elif section == "reasons":
    st.caption(t("data.reasons_help"))
    tree = cache.store_table(version, "reason_tree")
    edited = st.data_editor(
        tree, hide_index=True, key="data_reasons_editor",
        disabled=True if not editor else ["reason_l1", "reason_l2", "reason_l3", "contacts_90d"],
        column_config={**column_labels(tree), "value_class": st.column_config.SelectboxColumn(
            t("data.col_value_class"), options=list(editing.VALUE_CLASSES),
            format_func=format.option_text("ratios.class_"))},
    )
    if not editor:
        roles.read_only_note()
    elif st.button(t("data.save"), key="data_reasons_save"):
        save(editing.update_reasons, edited)

elif section == "channels":
    st.caption(t("data.channels_help"))
    table = cache.store_table(version, "channel_table")
    edited = st.data_editor(
        table, hide_index=True, key="data_channels_editor", disabled=True if not editor else ["channel", "contacts"],
        column_config={
            **column_labels(table),
            "channel_group": st.column_config.SelectboxColumn(
                t("data.col_channel_group"), options=["voice", "chat", "written", "personal", "other"],
                format_func=format.option_text("group.")),
            "cost_per_contact": st.column_config.NumberColumn(t("data.col_cost_per_contact"), min_value=0.0,
                                                              format="€ %.2f"),
        },
    )
    if not editor:
        roles.read_only_note()
    elif st.button(t("data.save"), key="data_channels_save"):
        save(editing.update_channels, edited)

elif section == "drivers":
    summary = cache.store_table(version, "driver_summary")
    if summary.empty:
        st.info(t("data.no_drivers"))
    else:
        st.dataframe(summary, hide_index=True, column_config={
            **column_labels(summary),
            "first_day": st.column_config.DateColumn(t("data.col_first_day"), format=format.table_date_format()),
            "last_day": st.column_config.DateColumn(t("data.col_last_day"), format=format.table_date_format()),
            "value_per_day": st.column_config.NumberColumn(t("data.col_value_per_day"), format="localized"),
        })
        driver = st.selectbox(t("data.driver"), sorted(summary["driver"].unique()), key="data_driver",
                              bind="query-params")
        daily = cache.driver_daily(version, driver).rename(columns={"value": "contacts"})
        chart.show(charts.daily_contacts_chart(
            daily, contacts_label=driver,
            annotations=cache.timeline(version, daily["day"].min().date(), daily["day"].max().date())
            if len(daily) else None), key="data_driver_chart",
            name="data-driver", data=daily.rename(columns={"contacts": driver}), title=driver, scope=None)

elif section == "events":
    holiday_country_choice(editor)
    if not editor:
        roles.read_only_note()
    else:
        add_event_form()
    events = cache.store_table(cache.current_data_version(), "event_list")
    events = events.assign(kind=events["kind"].map(format.option_text("data.event_kind_")))
    st.dataframe(events, hide_index=True, column_config={
        **column_labels(events),
        **{column: st.column_config.DateColumn(t(f"data.col_{column}"), format=format.table_date_format())
           for column in ("starts_on", "ends_on")},
    })

elif section == "health":
    taxonomy_panel.show(version)

elif section == "users" and roles.is_admin():
    admin_panel.users_section()

elif section == "audit log" and roles.is_admin():
    admin_panel.audit_section()

elif section == "backup" and roles.is_admin():
    admin_panel.backup_section()
