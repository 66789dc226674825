"""The Pilots page's forms: one pilot's definition (to add or edit it), the delete
confirmation, and the planner's target. The page stays a description of the screen; the
widgets and their wiring to the registry live here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import streamlit as st

from analytics.i18n import t
from analytics.pilots import STATUSES, PilotSpec, add_pilot, delete_pilot, overlaps, update_pilot
from analytics.pilots.planner import PLAN_WEEKS
from analytics.pilots.verdict import signed_percent
from ui import cache, roles
from ui.format import date_input_format, day

FLASH_KEY = "pilots_flash"


@dataclass(frozen=True)
class Choices:
    """What a pilot's target and control can name in this store."""

    reasons: list[str]
    channels: list[str]
    segments: list[str]


@dataclass(frozen=True)
class PlanRequest:
    reasons: tuple[str, ...]
    weeks: int
    channels: tuple[str, ...]
    segment: str | None
    expected_effect: float | None


def overlap_text(overlap) -> str:
    """One overlap warning as a sentence."""
    reasons = ", ".join(overlap.reasons)
    if overlap.kind == "pilot":
        return t("pilots.overlap.pilot", name=overlap.name, reasons=reasons, start=day(overlap.starts_on))
    return t("pilots.overlap.event", name=overlap.name, reasons=reasons, start=day(overlap.starts_on),
             end=day(overlap.ends_on) if overlap.ends_on else "")


def show_flash() -> None:
    """The message of the last save or delete (it survives the rerun that shows the new
    registry), with the overlap warnings of the pilot just saved."""
    flash = st.session_state.pop(FLASH_KEY, None)
    if not flash:
        return
    st.success(flash["message"])
    for warning in flash.get("warnings", []):
        st.warning(warning, icon=":material/warning:")


def _effect_percent(value: float | None) -> float | None:
    return None if value is None else round(value * 100, 1)


def pilot_form(form_key: str, choices: Choices, *, initial: PilotSpec | None, default_start: date) -> PilotSpec | None:
    """Draw the definition form; return the pilot as typed when submitted, else None.

    Every widget key carries ``form_key`` (which carries the edited pilot's id and version),
    so choosing another pilot to edit starts from that pilot's values."""
    p = initial
    start = p.starts_on if p else default_start
    with st.form(form_key, clear_on_submit=initial is None, enter_to_submit=False):
        top = st.columns([3, 1])
        name = top[0].text_input(t("pilots_page.field_name"), value=p.name if p else "", key=f"{form_key}_name",
                                 max_chars=100, placeholder=t("pilots_page.field_name_placeholder"))
        status = top[1].selectbox(t("pilots_page.field_status"), STATUSES,
                                  index=STATUSES.index(p.status) if p else 0, key=f"{form_key}_status",
                                  format_func=lambda s: t(f"pilots.status.{s}"))
        reasons = [r for r in (p.target_reasons if p else ()) if r in choices.reasons]
        target = st.multiselect(t("pilots_page.field_target"), choices.reasons, default=reasons,
                                key=f"{form_key}_target", help=t("pilots_page.field_target_help"),
                                placeholder=t("pilots_page.field_target_placeholder"))
        row = st.columns(2)
        channels = row[0].multiselect(t("pilots_page.field_channels"), choices.channels,
                                      default=[c for c in (p.channels if p else ()) if c in choices.channels],
                                      key=f"{form_key}_channels", placeholder=t("pilots_page.all_channels"))
        segment = row[1].selectbox(t("pilots_page.field_segment"), choices.segments,
                                   index=choices.segments.index(p.segment) if p and p.segment in choices.segments
                                   else None, key=f"{form_key}_segment", placeholder=t("pilots_page.all_segments"),
                                   disabled=not choices.segments,
                                   help=None if choices.segments else t("pilots_page.no_segments"))
        row = st.columns(3)
        starts_on = row[0].date_input(t("pilots_page.field_start"), value=start, key=f"{form_key}_start",
                                      format=date_input_format())
        ends_on = row[1].date_input(t("pilots_page.field_end"), value=p.ends_on if p else start + timedelta(days=27),
                                    key=f"{form_key}_end", format=date_input_format())
        rollout_on = row[2].date_input(t("pilots_page.field_rollout"), value=p.rollout_on if p else None,
                                       key=f"{form_key}_rollout", format=date_input_format(),
                                       help=t("pilots_page.field_rollout_help"))
        row = st.columns(2)
        control = row[0].multiselect(t("pilots_page.field_control"), choices.reasons,
                                     default=[r for r in (p.control_reasons if p else ()) if r in choices.reasons],
                                     key=f"{form_key}_control", placeholder=t("pilots_page.control_automatic"),
                                     help=t("pilots_page.field_control_help"))
        expected = row[1].number_input(t("pilots_page.field_expected"), min_value=-99.0, max_value=500.0,
                                       value=_effect_percent(p.expected_effect) if p else None, step=5.0,
                                       format="%.0f", key=f"{form_key}_expected",
                                       placeholder=t("pilots_page.field_expected_placeholder"),
                                       help=t("pilots_page.field_expected_help"))
        owner = st.text_input(t("pilots_page.field_owner"), value=(p.owner or "") if p else "",
                              key=f"{form_key}_owner")
        hypothesis = st.text_area(t("pilots_page.field_hypothesis"), value=(p.hypothesis or "") if p else "",
                                  key=f"{form_key}_hypothesis", height=80,
                                  placeholder=t("pilots_page.field_hypothesis_placeholder"))
        label = t("pilots_page.save") if initial else t("pilots_page.add")
        if not st.form_submit_button(label, type="primary", icon=":material/save:"):
            return None
    return PilotSpec(name=name, target_reasons=tuple(target), starts_on=starts_on, ends_on=ends_on,
                     channels=tuple(channels), segment=segment, rollout_on=rollout_on,
                     control_reasons=tuple(control), hypothesis=hypothesis, owner=owner, status=status,
                     expected_effect=None if expected is None else expected / 100)


def _missing_fields(pilot: PilotSpec) -> str | None:
    """The page's own check before the registry's: dates left empty."""
    if pilot.starts_on is None or pilot.ends_on is None:
        return t("pilots_page.need_dates")
    return None


def save_pilot(pilot: PilotSpec, *, editing: str | None) -> bool:
    """Add (``editing`` None) or replace the pilot called ``editing``; on success remember
    the message and overlap warnings for the next run and return True, else show why it
    was refused (nothing is written then) and return False."""
    problem = _missing_fields(pilot)
    if problem:
        st.error(problem, icon=":material/error:")
        return False
    conn = cache.connection()
    try:
        accepted, saved = roles.guarded(
            lambda: add_pilot(conn, pilot) if editing is None else update_pilot(conn, editing, pilot))
    except ValueError as exc:
        st.error(t("pilots_page.refused", reason=str(exc)), icon=":material/error:")
        return False
    if not accepted:
        return False
    warnings = [overlap_text(o) for o in overlaps(conn, saved)]
    key = "pilots_page.added" if editing is None else "pilots_page.saved"
    st.session_state[FLASH_KEY] = {"message": t(key, name=saved.name), "warnings": warnings}
    return True


def delete_with_confirmation(pilot: PilotSpec) -> bool:
    """A delete button that first asks; True once the pilot is gone."""
    pending = f"pilots_confirm_delete_{pilot.pilot_id}"
    if not st.session_state.get(pending):
        if st.button(t("pilots_page.delete"), key=f"pilots_delete_{pilot.pilot_id}", icon=":material/delete:"):
            st.session_state[pending] = True
            st.rerun()
        return False
    st.warning(t("pilots_page.delete_confirm", name=pilot.name), icon=":material/warning:")
    yes, no = st.columns([1, 4])
    if yes.button(t("pilots_page.delete_yes"), key=f"pilots_delete_yes_{pilot.pilot_id}", type="primary"):
        st.session_state.pop(pending, None)
        try:
            deleted, _ = roles.guarded(lambda: delete_pilot(cache.connection(), pilot.name))
        except ValueError as exc:
            st.error(t("pilots_page.refused", reason=str(exc)))
            return False
        if not deleted:
            return False
        st.session_state[FLASH_KEY] = {"message": t("pilots_page.deleted", name=pilot.name)}
        return True
    if no.button(t("pilots_page.delete_no"), key=f"pilots_delete_no_{pilot.pilot_id}"):
        st.session_state.pop(pending, None)
        st.rerun()
    return False


def plan_form(choices: Choices, *, initial: PilotSpec | None) -> PlanRequest | None:
    """The planner's target and window; returns the request when submitted."""
    p = initial
    with st.form("pilots_plan_form", enter_to_submit=False):
        target = st.multiselect(t("pilots_page.field_target"), choices.reasons,
                                default=[r for r in (p.target_reasons if p else ()) if r in choices.reasons],
                                key="pilots_plan_target", placeholder=t("pilots_page.field_target_placeholder"))
        row = st.columns(2)
        channels = row[0].multiselect(t("pilots_page.field_channels"), choices.channels,
                                      default=[c for c in (p.channels if p else ()) if c in choices.channels],
                                      key="pilots_plan_channels", placeholder=t("pilots_page.all_channels"))
        segment = row[1].selectbox(t("pilots_page.field_segment"), choices.segments,
                                   index=choices.segments.index(p.segment) if p and p.segment in choices.segments
                                   else None, key="pilots_plan_segment", placeholder=t("pilots_page.all_segments"),
                                   disabled=not choices.segments)
        row = st.columns(2)
        weeks = row[0].select_slider(t("pilots_page.plan_weeks"), options=list(range(1, max(PLAN_WEEKS) + 1)),
                                     value=max(1, min(12, round(p.weeks))) if p else 4, key="pilots_plan_weeks")
        expected = row[1].number_input(t("pilots_page.field_expected"), min_value=-99.0, max_value=500.0,
                                       value=_effect_percent(p.expected_effect) if p and p.expected_effect is not None
                                       else -20.0, step=5.0, format="%.0f", key="pilots_plan_expected",
                                       help=t("pilots_page.field_expected_help"))
        if not st.form_submit_button(t("pilots_page.plan_submit"), type="primary", icon=":material/calculate:"):
            return None
    if not target:
        st.error(t("pilots_page.plan_need_target"), icon=":material/error:")
        return None
    return PlanRequest(tuple(target), int(weeks), tuple(channels), segment,
                       None if expected is None else expected / 100)


def effect_with_interval(value: float, low: float, high: float) -> str:
    """``−30% (−40% to −17%)``."""
    return t("pilots_page.effect_interval", effect=signed_percent(value), low=signed_percent(low),
             high=signed_percent(high))
