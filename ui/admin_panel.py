"""The Data page's sections for admins: who has which role, the audit log, backups.

Each is shown only to admins, and each write checks the role again in the logic layer.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
import streamlit as st

from analytics import audit, backup, table_views, user_roles
from analytics.access import Role
from analytics.exports.tables import csv_bytes, excel_bytes
from analytics.i18n import active_language, t
from analytics.store import resolve_db_path
from ui import cache, format, roles

AUDIT_DAYS = 90


_SAVED_NOTE = "data_users_saved"


def users_section() -> None:
    """The roles an admin gives people; they beat the secrets file and the identity token."""
    st.caption(t("user_roles.help"))
    if _SAVED_NOTE in st.session_state:
        st.success(st.session_state.pop(_SAVED_NOTE))
    given = user_roles.given_roles(cache.connection())
    edited = st.data_editor(
        given[["user_name", "role", "changed_at", "changed_by"]], hide_index=True, num_rows="dynamic",
        key="data_users_editor", disabled=["changed_at", "changed_by"], placeholder=format.MISSING,
        column_config={
            "user_name": st.column_config.TextColumn(t("user_roles.col_user_name"), required=True, width="large"),
            "role": st.column_config.SelectboxColumn(
                t("user_roles.col_role"), options=[r.name.lower() for r in Role], required=True,
                format_func=lambda role: t(f"roles.role_{role}")),
            "changed_at": st.column_config.DatetimeColumn(t("user_roles.col_changed_at"),
                                                          format=format.table_moment_format()),
            "changed_by": t("user_roles.col_changed_by"),
        })
    if st.button(t("data.save"), key="data_users_save"):
        try:
            saved, count = roles.guarded(lambda: user_roles.save_given_roles(cache.connection(), edited))
        except ValueError as exc:
            st.error(str(exc))
            return
        if saved:  # start the table afresh from the store (its edits are saved now)
            st.session_state[_SAVED_NOTE] = t("user_roles.saved", count=format.count(count))
            st.session_state.pop("data_users_editor", None)
            st.rerun()


def audit_section() -> None:
    """The audit log, filtered by who, what and when, and downloadable as it is filtered."""
    conn = cache.connection()
    actors, actions = audit.facets(conn)
    if not actors:
        st.info(t("roles.audit_empty"))
        return
    left, middle, right = st.columns([2, 2, 2])
    chosen_actors = left.multiselect(t("roles.audit_who"), actors, key="data_audit_who",
                                     placeholder=t("roles.audit_everybody"))
    chosen_actions = middle.multiselect(t("roles.audit_what"), actions, key="data_audit_what",
                                        placeholder=t("roles.audit_every_action"), format_func=audit.action_label)
    today = date.today()
    period = right.date_input(t("roles.audit_when"), value=(today - timedelta(days=AUDIT_DAYS), today),
                              key="data_audit_when", format=format.date_input_format())
    first_day, last_day = (tuple(period) + (None, None))[:2] if isinstance(period, (tuple, list)) else (period, period)
    entries = audit.entries(conn, actors=chosen_actors, actions=chosen_actions, first_day=first_day,
                            last_day=last_day or first_day)
    if entries.empty:
        st.info(t("roles.audit_none_match"))
        return
    shown = audit.readable_entries(entries)
    st.caption(t("roles.audit_help", count=format.count(len(shown))))
    view = table_views.audit_table(shown)
    format.show_table(view, key="data_audit_table")
    _audit_downloads(shown.rename(columns={name: column.label for name, column in view.columns.items()}))


def _audit_downloads(table: pd.DataFrame) -> None:
    language, stamp = active_language(), (t("roles.audit_export_stamp", at=format.moment(datetime.now())),)
    name = f"audit-log-{date.today():%Y%m%d}"
    left, right = st.columns(2)
    left.download_button(t("exports.csv"), data=csv_bytes(table, language=language), file_name=f"{name}.csv",
                         mime="text/csv", key="data_audit_csv", on_click="ignore", icon=":material/download:")
    right.download_button(t("exports.excel"), data=excel_bytes(table, sheet=t("data.section_audit_log"),
                                                               stamp_lines=stamp, about_sheet=t("exports.sheet_about"),
                                                               title=t("data.section_audit_log")),
                          file_name=f"{name}.xlsx", key="data_audit_xlsx", on_click="ignore",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          icon=":material/download:")


def backup_section() -> None:
    """Make a backup of the store beside it, and list the ones there are."""
    store_path = resolve_db_path()
    st.caption(t("backup.help", folder=f"`{backup.backup_folder(store_path)}`"))
    if st.button(t("backup.make"), key="data_backup_make", icon=":material/backup:"):
        with st.spinner(t("backup.making")):
            made, checks = roles.guarded(lambda: backup.make_backup(
                cache.connection(), backup.new_backup_path(store_path, datetime.now())))
        if made:
            newest = backup.existing_backups(store_path)[0]
            rows = {check.table: check.rows for check in checks}
            st.success(t("backup.made", file=newest.name, size=f"{format.decimal(newest.size_bytes / 2**20, 1)} MB",
                         contacts=format.count(rows.get("contacts", 0)), tables=format.count(len(rows))))
    files = backup.existing_backups(store_path)
    if not files:
        st.info(t("backup.none"))
        return
    listing = pd.DataFrame({"name": [f.name for f in files], "size_mb": [f.size_bytes / 2**20 for f in files],
                            "written_at": [f.written_at for f in files]})
    format.show_table(table_views.backup_table(listing), key="data_backup_table")
