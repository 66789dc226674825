"""Data: import exports, see what came in, and keep the reference data right (reason
tree owners and value classes, channel groups and costs, drivers, events)."""

import streamlit as st

from analytics import charts, editing, table_views
from analytics.i18n import t
from analytics.store import NO_SECTOR, commercial_sector, holiday_country
from ui import admin_panel, cache, chart, filters, format, import_panel, reason_review_panel, roles, taxonomy_panel

st.title(t("data.title"))
version = cache.current_data_version()
# The sidebar's switch between reasons as recorded and with accepted suggestions counts here too.
shown = filters.active_filter()
as_recorded = bool(shown and shown.reasons_as_recorded)
reasons_shown = shown.reasons_shown() if shown else None


def save(write, edited) -> None:
    """Write an edited table; say what went wrong (or that it was refused) instead of saving half."""
    try:
        saved, _ = roles.guarded(lambda: write(cache.connection(), edited))
    except ValueError as exc:
        st.error(str(exc))
        return
    if saved:
        st.success(t("data.saved"))


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
                st.success(t("data.saved"))


def season_settings(editor: bool) -> None:
    """Whose public holidays the season and the timeline know, and which sector's commercial
    days (editors may change them)."""
    countries = editing.holiday_countries()
    country = holiday_country(cache.connection())
    left, right = st.columns(2)
    chosen = left.selectbox(t("data.holiday_country"), list(countries), index=list(countries).index(country),
                            format_func=lambda code: f"{countries[code]} ({code})", key="data_holiday_country",
                            disabled=not editor, help=t("data.holiday_country_help"))
    if editor and chosen != country:
        saved, _ = roles.guarded(lambda: editing.set_holiday_country(cache.connection(), chosen))
        if saved:
            country = chosen
            st.success(t("data.holiday_country_saved", country=countries[chosen]))
    sectors = editing.commercial_sectors()
    sector = commercial_sector(cache.connection())
    picked = right.selectbox(t("data.commercial_sector"), sectors, index=sectors.index(sector) if sector in sectors
                             else None, format_func=editing.sector_name, key="data_commercial_sector",
                             disabled=not editor, help=t("data.commercial_sector_help"))
    if editor and picked is not None and picked != sector:
        saved, _ = roles.guarded(lambda: editing.set_commercial_sector(cache.connection(), picked))
        if saved:
            sector = picked
            st.success(t("data.commercial_sector_none_saved") if picked == NO_SECTOR
                       else t("data.commercial_sector_saved", sector=editing.sector_name(picked)))
    if sector != NO_SECTOR:
        days = editing.commercial_day_names(country, sector)
        words = {"sector": editing.sector_name(sector), "country": countries.get(country, country)}
        st.caption(t("data.commercial_sector_days", days=", ".join(f"“{d}”" for d in days), **words) if days
                   else t("data.commercial_sector_no_days", **words))


# The option strings go into the URL as they are, so they are fixed English words.
SECTIONS = ["Import", "History", "Reasons", "Suggested reasons", "Channels", "Drivers", "Events", "Health"]
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
    format.show_table(table_views.import_history_table(cache.store_table(version, "import_history")),
                      key="data_history_table")

elif section == "reasons":
    st.caption(t("data.reasons_help") + (f" ({reasons_shown})" if reasons_shown else ""))
    edited = format.edit_table(
        table_views.reason_tree_table(cache.store_table(version, "reason_tree", reasons_as_recorded=as_recorded)),
        key="data_reasons_editor",
        editable=editor and ["department", "value_class"],
        column_config={"value_class": st.column_config.SelectboxColumn(
            t("data.col_value_class"), options=list(editing.VALUE_CLASSES),
            format_func=format.option_text("ratios.class_"))},
    )
    if not editor:
        roles.read_only_note()
    elif st.button(t("data.save"), key="data_reasons_save"):
        save(editing.update_reasons, edited)

elif section == "suggested reasons":
    reason_review_panel.show(version)

elif section == "channels":
    st.caption(t("data.channels_help"))
    edited = format.edit_table(
        table_views.channel_table(cache.store_table(version, "channel_table")), key="data_channels_editor",
        editable=editor and ["channel_group", "cost_per_contact"],
        column_config={"channel_group": st.column_config.SelectboxColumn(
            t("data.col_channel_group"), options=["voice", "chat", "written", "personal", "other"],
            format_func=format.option_text("group."))},
    )
    if not editor:
        roles.read_only_note()
    elif st.button(t("data.save"), key="data_channels_save"):
        save(lambda conn, edited: editing.update_channels(conn, table_views.channels_from_edited(edited)), edited)

elif section == "drivers":
    summary = cache.store_table(version, "driver_summary")
    if summary.empty:
        st.info(t("data.no_drivers"))
    else:
        format.show_table(table_views.driver_summary_table(summary), key="data_drivers_table")
        driver = st.selectbox(t("data.driver"), sorted(summary["driver"].unique()), key="data_driver",
                              bind="query-params")
        daily = cache.driver_daily(version, driver).rename(columns={"value": "contacts"})
        chart.show(cache.figure(charts.daily_contacts_chart,
            daily, contacts_label=driver,
            annotations=cache.timeline(version, daily["day"].min().date(), daily["day"].max().date())
            if len(daily) else None), key="data_driver_chart",
            name="data-driver", data=daily.rename(columns={"contacts": driver}), title=driver, scope=None)

elif section == "events":
    season_settings(editor)
    if not editor:
        roles.read_only_note()
    else:
        add_event_form()
    format.show_table(table_views.event_table(cache.store_table(cache.current_data_version(), "event_list")),
                      key="data_events_table")

elif section == "health":
    if reasons_shown:
        st.caption(t("pilots_page.reasons_shown", shown=reasons_shown))
    taxonomy_panel.show(version, reasons_as_recorded=as_recorded)

elif section == "users" and roles.is_admin():
    admin_panel.users_section()

elif section == "audit log" and roles.is_admin():
    admin_panel.audit_section()

elif section == "backup" and roles.is_admin():
    admin_panel.backup_section()
