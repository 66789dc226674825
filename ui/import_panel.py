"""The import panel on the Data page: upload, how the file is read (in words), which column
holds what (suggested from names and values, with samples, each field clearable or given one
value for the whole file), the preview with the date reading and warnings, import, rejected
rows and mapping profiles. Messages name this panel's controls, not command-line flags."""

from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb
import streamlit as st

from analytics import importing
from analytics.exports.tables import csv_bytes
from analytics.i18n import TEXT, active_language, t, using_interface
from analytics.importing.dates import AmbiguousDates, reading_of
from analytics.importing.mapping import CONSTANT_FIELDS
from analytics.importing.profiling import ColumnProfile, column_profiles
from analytics.importing.reading import delimiter_plural
from analytics.importing.settings import DURATION_UNITS, columns_of
from analytics.importing.units import unit_in_name
from ui import cache, format, roles

_UPLOAD_TYPES = ["csv", "txt", "tsv", "xlsx", "parquet"]
NONE, CONSTANT, NO_SECOND = "\x00none", "\x00constant", "\x00single"  # choices that are not a column
JOINABLE = ("contact_id", "started_at", "text")  # fields whose value may span two columns (subject + message)
DURATIONS = ("handle_seconds", "wait_seconds")


def show() -> None:
    with using_interface("app"):
        _panel()


def _panel() -> None:
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

    try:
        columns, _ = importing.read_columns(path, base)
    except importing.ImportRefused as exc:
        st.error(str(exc))
        return
    with st.expander(t("import.format_heading"), expanded=False):
        overrides = _format_overrides(base, columns)
    settings = overrides.merged_over(base)
    try:
        columns, detected = importing.read_columns(path, settings)
        column_info = _profiles(path, detected)
    except importing.ImportRefused as exc:
        st.error(str(exc))
        return

    st.markdown(f"**{t('import.mapping_heading')}**")
    st.caption(t("import.mapping_help"))
    mapping, constants, units = _mapping_widgets(kind, column_info, settings, upload.file_id)
    settings = settings.with_changes(mapping=mapping, constants=constants or None,
                                     units={**(settings.units or {}), **units} or None)
    driver_name = st.text_input(t("import.driver_name"), value="orders", key="data_import_driver") if kind == "drivers" else None

    if kind == "contacts":
        settings = _preview(path, settings, detected, column_info, upload.file_id)
        if settings is None:
            return

    left, right = st.columns([1, 2])
    if left.button(t("import.run"), type="primary", key="data_import_run"):
        _run_import(kind, path, settings, upload.name, profile, driver_name)
    with right.popover(t("import.save_profile")):
        name = st.text_input(t("import.profile_name"), key="data_import_profile_name")
        if st.button(t("import.save"), key="data_import_profile_save") and name.strip():
            saved, _ = roles.guarded(lambda: importing.save_profile(conn, name.strip(), kind, settings))
            if saved:
                st.success(t("import.profile_saved", name=name.strip()))


def _profiles(path: Path, detected: importing.ImportSettings) -> list[ColumnProfile]:
    """The columns' profiles, once per upload and way of reading (the upload's file never changes)."""
    key = ("data_import_profiles", str(path), detected.to_json())
    if st.session_state.get("data_import_profiles_key") != key:
        st.session_state["data_import_profiles"] = column_profiles(path, detected)
        st.session_state["data_import_profiles_key"] = key
    return st.session_state["data_import_profiles"]


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


def _format_overrides(base: importing.ImportSettings, columns: list[str]) -> importing.ImportSettings:
    cols = st.columns(3)
    delimiter = cols[0].selectbox(t("import.delimiter"), ["", ";", ",", "\t", "|"], format_func=_show_delimiter,
                                  key="data_import_delimiter")
    decimal = cols[1].selectbox(t("import.decimal"), ["", ",", "."], format_func=_show_decimal,
                                key="data_import_decimal")
    encoding = cols[2].selectbox(t("import.encoding"), ["", "utf-8", "cp1252"], format_func=_show_encoding,
                                 key="data_import_encoding")
    date_format = st.text_input(t("import.date_format"), value=base.date_format or "", placeholder="%d-%m-%Y %H:%M",
                                key="data_import_date_format")
    cols = st.columns(2)
    true_values = cols[0].text_input(t("import.true_values"), placeholder="Ja,Yes,1", key="data_import_true")
    false_values = cols[1].text_input(t("import.false_values"), placeholder="Nee,No,0", key="data_import_false")
    cols = st.columns(2)
    only_column = cols[0].selectbox(t("import.only_column"), [NONE, *columns], format_func=_show_choice,
                                    key="data_import_only_column")
    only_values = cols[1].text_input(t("import.only_values"), placeholder="True", key="data_import_only_values",
                                     disabled=only_column == NONE)
    only = {only_column: list(_word_list(only_values) or ())} if only_column != NONE and _word_list(only_values) else None
    return importing.ImportSettings(
        delimiter=delimiter or None, decimal=decimal or None, encoding=encoding or None,
        date_format=date_format.strip() or None,
        true_values=_word_list(true_values), false_values=_word_list(false_values), only=only,
    )


def _mapping_widgets(kind: str, profiles: list[ColumnProfile], settings: importing.ImportSettings,
                     file_id: str) -> tuple[dict[str, str | list[str]], dict[str, str], dict[str, str]]:
    """One row per field: its name (required ones marked, a one-line description as help),
    the column that holds it (or "not in this file", or one value for the whole file), a
    second column for a date's time or a two-part id, a unit for durations, and three values
    from the file. Returns the mapping (cleared fields as ``""``), constants and units."""
    fields = importing.CONTACT_FIELDS if kind == "contacts" else importing.DRIVER_FIELDS
    required = importing.REQUIRED_CONTACT_FIELDS if kind == "contacts" else importing.REQUIRED_DRIVER_FIELDS
    names = [p.name for p in profiles]
    by_name = {p.name: p for p in profiles}
    given = {f: v for f, v in (settings.mapping or {}).items() if all(c in names for c in columns_of(v))}
    suggested = importing.complete_mapping(given, names, kind, settings.constants, profiles)
    mapping: dict[str, str | list[str]] = {}
    constants: dict[str, str] = {}
    units: dict[str, str] = {}
    for field in fields:
        label = t(f"import.field_{field}")
        shown = t("import.required", field=label) if field in required else label
        wanted = columns_of(suggested.get(field))
        options = [NONE, *([CONSTANT] if field in CONSTANT_FIELDS else []), *names]
        default = CONSTANT if field in (settings.constants or {}) else (wanted[0] if wanted else NONE)
        name_col, pick_col, extra_col, sample_col = st.columns([2, 3, 2, 3], vertical_alignment="center")
        name_col.markdown(shown, help=t(f"import.field_help_{field}"))
        choice = pick_col.selectbox(shown, options, index=options.index(default), format_func=_show_choice,
                                    key=f"data_map_{kind}_{field}_{file_id}", label_visibility="collapsed")
        if choice == NONE:
            mapping[field] = ""
            sample_col.caption("")
            continue
        if choice == CONSTANT:
            value = extra_col.text_input(t("import.constant_value", field=label),
                                         value=(settings.constants or {}).get(field, ""),
                                         key=f"data_set_{kind}_{field}_{file_id}", label_visibility="collapsed",
                                         placeholder=t("import.constant_value", field=label))
            if value.strip():
                constants[field] = value.strip()
            mapping[field] = ""
            continue
        chosen = [choice]
        if field in JOINABLE:
            second_options = [NO_SECOND, *[n for n in names if n != choice]]
            second_default = wanted[1] if len(wanted) > 1 and wanted[1] in second_options else NO_SECOND
            second = extra_col.selectbox(t("import.second_column"), second_options,
                                         index=second_options.index(second_default), format_func=_show_choice,
                                         key=f"data_map2_{kind}_{field}_{file_id}", label_visibility="collapsed",
                                         placeholder=t("import.second_column"))
            if second != NO_SECOND:
                chosen.append(second)
        elif field in DURATIONS:
            named_unit = (settings.units or {}).get(field) or unit_in_name(choice) or "seconds"
            units[field] = extra_col.selectbox(t("import.unit", field=label), DURATION_UNITS,
                                               index=DURATION_UNITS.index(named_unit),
                                               format_func=lambda unit: t(f"import.unit_{unit}"),
                                               key=f"data_unit_{kind}_{field}_{file_id}", label_visibility="collapsed")
        mapping[field] = chosen[0] if len(chosen) == 1 else chosen
        sample_col.caption(_samples(by_name, chosen))
    return mapping, constants, units


def _samples(by_name: dict[str, ColumnProfile], chosen: list[str]) -> str:
    samples = [" ".join(parts) for parts in zip(*(by_name[c].samples for c in chosen))]
    if not samples:
        return t("import.no_samples")
    return t("import.samples", samples=" · ".join(f"`{s[:40]}`" for s in samples))


def _preview(path: Path, settings: importing.ImportSettings, detected: importing.ImportSettings,
             profiles: list[ColumnProfile], file_id: str) -> importing.ImportSettings | None:
    """Show how the file is read and the first rows as they will be stored; ask which date
    reading is right when the dates allow several. Returns the settings to import with, or
    ``None`` when the file cannot be imported as it is (the reason is shown)."""
    try:
        rows, rejects = importing.preview_contacts(path, settings, n=20)
    except AmbiguousDates as ambiguous:
        readings = ambiguous.readings
        choice = st.radio(t("import.dates_choose"), [r.format for r in readings], index=None,
                          format_func=lambda fmt: next(r.describe() for r in readings if r.format == fmt),
                          key=f"data_import_reading_{file_id}")
        if choice is None:
            return None
        return _preview(path, settings.with_changes(date_format=choice), detected, profiles, file_id)
    except importing.ImportRefused as exc:
        st.warning(str(exc))
        return None
    used = importing.ImportSettings.from_json(rows.attrs["detected"])
    st.caption(_file_in_words(detected, used, rows.attrs.get("mapping", {}), profiles))
    for warning in rows.attrs.get("warnings", []):
        st.warning(warning, icon=":material/warning:")
    st.markdown(f"**{t('import.preview')}**")
    st.dataframe(_as_shown(rows, [f for f in importing.CONTACT_FIELDS if columns_of(rows.attrs.get("mapping", {}).get(f))
                                  or f in (settings.constants or {})]), hide_index=True, height=240)
    if len(rejects):
        st.warning(t("import.preview_rejects", count=len(rejects)))
        st.dataframe(_as_shown(rejects, list(rejects.columns), prefix="import.reject_"), hide_index=True)
    return settings.with_changes(date_format=used.date_format)


def _file_in_words(detected: importing.ImportSettings, used: importing.ImportSettings,
                   mapping: dict[str, object], profiles: list[ColumnProfile]) -> str:
    """"Read as text separated by semicolons, Windows-1252, decimal comma. Dates read as:
    22-04-15 → 22 April 2015; …" in the active language."""
    if detected.delimiter:
        what = t("import.type_csv", delimiter=delimiter_plural(detected.delimiter))
        what += ", " + _show_encoding(detected.encoding or "utf-8")
    elif detected.sheet:
        what = t("import.type_xlsx", sheet=detected.sheet)
    else:
        what = t("import.type_parquet")
    what += ", " + t("import.decimal_comma" if used.decimal == "," else "import.decimal_point")
    sentences = [t("import.read_as", what=what)]
    date_columns = columns_of(mapping.get("started_at"))
    by_name = {p.name: p for p in profiles}
    if used.date_format and date_columns and all(c in by_name for c in date_columns):
        values = [" ".join(parts) for parts in zip(*(by_name[c].samples for c in date_columns))]
        reading = reading_of(duckdb.connect(), values, used.date_format)
        sentences.append(t("import.dates_read", examples=reading.describe(3)))
    for field, unit in (used.units or {}).items():
        if unit != "seconds":
            sentences.append(t("import.units_read", field=t(f"import.field_{field}"), unit=t(f"import.unit_{unit}")))
    return " ".join(sentences)


def _as_shown(frame, columns: list[str], prefix: str = "import.field_"):
    """The columns people chose, under their own names, "–" where a value is empty."""
    shown = frame[columns].astype(object).where(frame[columns].notna(), format.MISSING)
    return shown.rename(columns={c: t(prefix + c) for c in columns})


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
    if result.extra.get("left_out"):
        st.caption(t("import.left_out", count=format.count(result.extra["left_out"])))
    if "masked_texts" in result.extra:
        st.caption(t("import.masked_texts", count=format.count(result.extra["masked_texts"])))
    for warning in result.extra.get("warnings", []):
        st.warning(warning, icon=":material/warning:")
    if result.rejected:
        st.dataframe(_as_shown(result.rejects, list(result.rejects.columns), prefix="import.reject_"), hide_index=True)
        st.download_button(t("import.download_rejects"), csv_bytes(result.rejects),  # raw customer text: neutralised
                           file_name=f"rejected-{Path(file_name).stem}.csv", mime="text/csv", key="data_import_rejects")


def _show_choice(option: str) -> str:
    return {NONE: t("import.choice_none"), CONSTANT: t("import.choice_constant"),
            NO_SECOND: t("import.no_second")}.get(option, option)


def _show_delimiter(value: str | None) -> str:
    return t("import.auto") if not value else delimiter_plural(value)


def _show_decimal(value: str | None) -> str:
    return t("import.auto") if not value else t("import.decimal_comma" if value == "," else "import.decimal_point")


def _show_encoding(value: str | None) -> str:
    if not value:
        return t("import.auto")
    key = f"import.encoding_{value}"
    return t(key) if key in TEXT[active_language()] else value


def _word_list(text: str) -> tuple[str, ...] | None:
    words = tuple(w.strip() for w in text.split(",") if w.strip())
    return words or None
