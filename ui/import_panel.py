"""The import panel on the Data page: upload, format, column mapping with suggestions,
preview, import, rejected rows and mapping profiles."""

from __future__ import annotations

import tempfile
from pathlib import Path

import streamlit as st

from analytics import importing
from analytics.i18n import t
from analytics.exports.tables import csv_bytes
from ui import cache, format, roles

_UPLOAD_TYPES = ["csv", "txt", "tsv", "xlsx", "parquet"]


def show() -> None:
    _last_result()
    kind = st.segmented_control(t("import.kind"), ["contacts", "drivers"], default="contacts",
                                format_func=lambda k: t(f"import.kind_{k}"), key="data_import_kind") or "contacts"
    upload = st.file_uploader(t("import.file"), type=_UPLOAD_TYPES, key="data_import_file",
                              help=t("import.file_help"))
    if upload is None:
        st.caption(t("import.how"))
        return
    path = _saved_upload(upload)
    conn = cache.connection()

    profiles = importing.list_profiles(conn)
    profile_names = profiles.loc[profiles["kind"] == kind, "name"].tolist() if len(profiles) else []
    profile = st.selectbox(t("import.profile"), profile_names, index=None,
                           placeholder=t("import.profile_none"), key="data_import_profile")
    base = importing.load_profile(conn, profile)[1] if profile else importing.ImportSettings()

    with st.expander(t("import.format"), expanded=False):
        overrides = _format_overrides(base)
    settings = overrides.merged_over(base)
    try:
        columns, detected = importing.read_columns(path, settings)
    except importing.ImportRefused as exc:
        st.error(str(exc))
        return
    st.caption(t("import.detected", delimiter=_show_delimiter(detected.delimiter), encoding=detected.encoding or "–",
                 columns=len(columns)))

    mapping = _mapping_widgets(kind, columns, settings.mapping, upload.file_id)
    settings = importing.ImportSettings(**{**settings.__dict__, "mapping": mapping})
    driver_name = st.text_input(t("import.driver_name"), value="orders", key="data_import_driver") if kind == "drivers" else None

    if kind == "contacts":
        _preview(path, settings)

    left, right = st.columns([1, 2])
    if left.button(t("import.run"), type="primary", key="data_import_run"):
        _run_import(kind, path, settings, upload.name, profile, driver_name)
    with right.popover(t("import.save_profile")):
        name = st.text_input(t("import.profile_name"), key="data_import_profile_name")
        if st.button(t("import.save"), key="data_import_profile_save") and name.strip():
            saved, _ = roles.guarded(lambda: importing.save_profile(conn, name.strip(), kind, settings))
            if saved:
                st.success(t("import.profile_saved", name=name.strip()))


def _saved_upload(upload) -> Path:
    """Keep the uploaded bytes in one temporary file per upload (the importer reads paths)."""
    saved = st.session_state.get("data_import_saved")
    if saved and saved[0] == upload.file_id and Path(saved[1]).exists():
        return Path(saved[1])
    if saved:
        Path(saved[1]).unlink(missing_ok=True)
    suffix = Path(upload.name).suffix.lower()
    with tempfile.NamedTemporaryFile(delete=False, suffix=suffix, prefix="contact-import-") as handle:
        handle.write(upload.getbuffer())
    st.session_state["data_import_saved"] = (upload.file_id, handle.name)
    return Path(handle.name)


def _format_overrides(base: importing.ImportSettings) -> importing.ImportSettings:
    cols = st.columns(3)
    delimiter = cols[0].selectbox(t("import.delimiter"), ["", ";", ",", "\t", "|"], format_func=_show_delimiter,
                                  key="data_import_delimiter")
    decimal = cols[1].selectbox(t("import.decimal"), ["", ",", "."], format_func=lambda v: v or t("import.auto"),
                                key="data_import_decimal")
    encoding = cols[2].selectbox(t("import.encoding"), ["", "utf-8", "cp1252"], format_func=lambda v: v or t("import.auto"),
                                 key="data_import_encoding")
    date_format = st.text_input(t("import.date_format"), value=base.date_format or "", placeholder="%d-%m-%Y %H:%M",
                                key="data_import_date_format")
    cols = st.columns(2)
    true_values = cols[0].text_input(t("import.true_values"), placeholder="Ja,Yes,1", key="data_import_true")
    false_values = cols[1].text_input(t("import.false_values"), placeholder="Nee,No,0", key="data_import_false")
    return importing.ImportSettings(
        mapping={}, delimiter=delimiter or None, decimal=decimal or None, encoding=encoding or None,
        date_format=date_format.strip() or None,
        true_values=_word_list(true_values), false_values=_word_list(false_values),
    )


def _mapping_widgets(kind: str, columns: list[str], chosen: dict[str, str], file_id: str) -> dict[str, str]:
    fields = importing.CONTACT_FIELDS if kind == "contacts" else importing.DRIVER_FIELDS
    required = importing.REQUIRED_CONTACT_FIELDS if kind == "contacts" else ("day", "value")
    suggested = {**importing.suggest_mapping(columns, kind=kind), **{f: c for f, c in chosen.items() if c in columns}}
    st.markdown(f"**{t('import.mapping')}**")
    mapping: dict[str, str] = {}
    grid = st.columns(4)
    for i, field in enumerate(fields):
        label = f"{field} *" if field in required else field
        column = grid[i % 4].selectbox(
            label, columns, index=columns.index(suggested[field]) if field in suggested else None,
            placeholder=t("import.not_mapped"), key=f"data_map_{kind}_{field}_{file_id}",
        )
        if column:
            mapping[field] = column
    return mapping


def _preview(path: Path, settings: importing.ImportSettings) -> None:
    try:
        rows, rejects = importing.preview_contacts(path, settings, n=20)
    except importing.ImportRefused as exc:
        st.warning(str(exc))
        return
    st.markdown(f"**{t('import.preview')}**")
    st.dataframe(rows, hide_index=True, height=240)
    if len(rejects):
        st.warning(t("import.preview_rejects", count=len(rejects)))
        st.dataframe(rejects, hide_index=True)


def _run_import(kind, path, settings, file_name, profile, driver_name) -> None:
    conn = cache.connection()
    try:
        with st.spinner(t("import.running")):
            if kind == "contacts":
                imported, result = roles.guarded(lambda: importing.import_contacts(
                    conn, path, settings, file_name=file_name, profile=profile))
            else:
                imported, result = roles.guarded(lambda: importing.import_drivers(
                    conn, path, settings, driver_name=driver_name or "orders", file_name=file_name, profile=profile))
    except importing.ImportRefused as exc:
        st.error(t("import.refused", reason=str(exc)))
        return
    if not imported:
        return
    cache.clear_results()
    st.session_state["data_import_result"] = (file_name, result)
    st.rerun()  # redraw the frame too: new reasons, channels and periods reach the filters


def _last_result() -> None:
    """The outcome of this session's last import, kept across reruns."""
    last = st.session_state.get("data_import_result")
    if not last:
        return
    file_name, result = last
    st.success(t("import.done", file=file_name, read=format.count(result.rows_read),
                 inserted=format.count(result.inserted), duplicates=format.count(result.duplicates),
                 rejected=format.count(result.rejected), seconds=format.decimal(result.seconds, 1)))
    if result.rejected:
        st.dataframe(result.rejects, hide_index=True)
        st.download_button(t("import.download_rejects"), csv_bytes(result.rejects),  # raw customer text: neutralised
                           file_name=f"rejected-{Path(file_name).stem}.csv", mime="text/csv", key="data_import_rejects")


def _show_delimiter(value: str | None) -> str:
    return {"": t("import.auto"), None: "–", "\t": "tab", ";": ";", ",": ",", "|": "|"}.get(value, value)


def _word_list(text: str) -> tuple[str, ...] | None:
    words = tuple(w.strip() for w in text.split(",") if w.strip())
    return words or None
