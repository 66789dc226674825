"""The Data page's "Suggested reasons" section: an editor reviews the reasons suggested for
"Other" and unlabelled contacts, one suggested reason at a time (a sample of texts with their
confidence and recorded reason, accept all from a confidence, or reject), and can undo an
accept. Viewers see the accepted changes, no texts and no buttons.

The suggestions are the ones the Reasons & channels page learns in a background job per
version of the contacts and their texts (``ui.cache.texts_version``). A review changes the
contacts; the section keeps reviewing the suggestions it started with (the texts version in
``MADE_AT_KEY``) instead of learning again after every accept: one the store changed under
since is skipped and counted.
"""

from __future__ import annotations

import streamlit as st

from analytics.i18n import t, using_language
from analytics.text_reasons import review
from ui import cache, filters, format, roles
from ui.background import BackgroundJob

MADE_AT_KEY = "data_review_made_at"
DONE_KEY = "data_review_done"
PROGRESS_SECONDS = 2


def show(version: int) -> None:
    """Draw the section for the store at ``version``."""
    st.caption(t("review.help"))
    done = st.session_state.pop(DONE_KEY, None)
    if done:
        st.success(done, icon=":material/check_circle:")
    if not roles.can_edit():
        roles.read_only_note()
        st.caption(t("review.viewer_note"))
        _accepted_changes(version, editor=False)
        return
    if not cache.store_has_texts(version):
        st.info(t("reasons.texts_none"))
    else:
        _review(version)
    _accepted_changes(version, editor=True)


def _review(version: int) -> None:
    """The suggestions waiting for review, and the controls to decide on one reason's."""
    texts_at = cache.texts_version(version)
    made_at = st.session_state.setdefault(MADE_AT_KEY, texts_at)
    job = cache.reasons_from_texts(made_at)
    if not job.done:
        _progress(job)
        return
    if job.error is not None:
        st.error(t("from_texts.failed"))
        return
    if made_at != texts_at:
        note, again = st.columns([4, 1], vertical_alignment="center")
        note.caption(t("review.suggested_at", version=job.result.data_version))  # as the Reasons page says
        if again.button(t("review.suggest_again"), key="data_review_again", help=t("review.suggest_again_help")):
            st.session_state[MADE_AT_KEY] = texts_at
            st.rerun()
    found = job.result.suggestions
    if found is None:  # a store without reason codes: nothing to learn suggestions from
        st.info(t("review.no_codes"))
        return
    waiting = cache.open_reason_suggestions(version, found.suggestions)
    summary = review.suggestion_summary(waiting, found.reason_accuracy)
    if summary.empty:
        st.info(t("review.none"))
        return
    st.subheader(t("review.summary"))
    st.caption(t("review.summary_help"))
    format.show_table(review.summary_table(summary), key="data_review_summary")

    offered = dict(zip(summary["suggested_path"], summary["offered"]))
    left, right = st.columns([3, 2])
    reason = left.selectbox(t("review.reason"), list(offered), key="data_review_reason")
    min_confidence = right.slider(t("review.confidence"), min_value=0.5, max_value=1.0,
                                  value=review.DEFAULT_MIN_CONFIDENCE, step=0.05, key="data_review_confidence",
                                  format="%.2f", help=t("review.confidence_help"))
    chosen = review.chosen_suggestions(waiting, min_confidence=min_confidence, suggested_path=reason)
    words = {"reason": reason, "offered": format.count(offered[reason]),
             "confidence": review.confidence_text(min_confidence)}
    if chosen.empty:
        st.info(t("review.chosen_none", **words))
        return
    st.markdown(t("review.chosen", chosen=format.count(len(chosen)), **words))
    sample = review.sample_of(chosen)
    texts = cache.review_texts(version, tuple(sample["contact_id"].astype(str)))
    st.markdown(f"**{t('review.sample')}**")
    st.caption(t("review.sample_help", shown=format.count(len(sample))))
    format.show_table(review.sample_table(review.sample_rows(sample, texts)), key="data_review_sample")

    accept_col, reject_col, _ = st.columns([2, 2, 3])
    contacts = format.count(len(chosen))
    if accept_col.button(t("review.accept", contacts=contacts), key="data_review_accept", type="primary",
                         help=t("review.accept_help"), icon=":material/done_all:"):
        _decide(lambda: review.accept(cache.connection(), waiting, min_confidence=min_confidence,
                                      suggested_path=reason))
    if reject_col.button(t("review.reject", contacts=contacts), key="data_review_reject",
                         help=t("review.reject_help"), icon=":material/block:"):
        _decide(lambda: review.reject(cache.connection(), waiting, min_confidence=min_confidence,
                                      suggested_path=reason))


@st.fragment(run_every=PROGRESS_SECONDS)
def _progress(job: BackgroundJob) -> None:
    """How far the learning got; reruns the page once it is done. A fragment's rerun runs
    without the frame (its signed-in user and language): it is handed the job the full run
    found under the reader's permission, and speaks the session's language."""
    with using_language(st.session_state.get(filters.LANGUAGE_KEY)):
        if job.done:
            st.rerun(scope="app")
        st.progress(job.fraction, text=t(f"from_texts.step_{job.step or 'reading'}"))
        st.caption(t("from_texts.working"))


def _decide(write) -> None:
    """Write a decision; on success, rerun with the confirmation line above the section (the
    data version moved: the sidebar's switch and every cached view follow)."""
    try:
        saved, result = roles.guarded(write)
    except ValueError as exc:  # nothing chosen, a Parquet-mode store: nothing was written
        st.error(str(exc))
        return
    if saved:
        st.session_state[DONE_KEY] = result.sentence()
        st.rerun()


def _accepted_changes(version: int, *, editor: bool) -> None:
    """The accepts that still stand; editors may undo one."""
    st.subheader(t("review.accepted_changes"))
    changes = cache.accepted_reason_changes(version)
    if changes.empty:
        st.caption(t("review.accepted_none"))
        return
    st.caption(t("review.accepted_help"))
    format.show_table(review.accepted_table(changes), key="data_review_accepted")
    if not editor:
        return
    labels = {int(row.batch_id): t("review.undo_option", batch=int(row.batch_id), reason=row.suggested_paths,
                                   contacts=format.count(row.contacts)) for row in changes.itertuples()}
    pick, button = st.columns([3, 1], vertical_alignment="bottom")
    batch = pick.selectbox(t("review.undo_pick"), list(labels), format_func=labels.__getitem__,
                           key="data_review_undo_batch")
    if button.button(t("review.undo"), key="data_review_undo", icon=":material/undo:"):
        _decide(lambda: review.undo(cache.connection(), batch))
