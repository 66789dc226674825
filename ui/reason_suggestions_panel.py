"""The "Reasons from texts" section of Reasons & channels: how good the suggested reasons are,
what they suggest for "Other" and unlabelled contacts, candidate new reasons with their weekly
trend, and, for a store without reason codes, a proposed reason tree.

For editors and admins only (texts may hold personal data). The learning runs in a
background job per version of the contacts and their texts (``ui.cache.reasons_from_texts``); until it is done the
section shows its progress and refreshes itself."""

from __future__ import annotations

import zlib
from collections.abc import Mapping

import duckdb
import streamlit as st

from analytics.charts.text_reasons import rising_candidates_chart
from analytics.formatting import count
from analytics.i18n import t, using_language
from analytics.text_reasons import store_views, tree_adoption
from analytics.access import AccessDenied
from analytics.text_reasons.store_suggestions import ReasonsFromTexts, StoreDiscovery, StoreSuggestions, StoreTree
from analytics.text_reasons.tree_proposal import ReasonTree
from ui import cache, chart, filters, format, roles
from ui.background import BackgroundJob

PROGRESS_SECONDS = 2
ADOPTION_KEY = "reasons_tree_adoption"  # this session's adoption job, until its outcome is shown
TABLE_HEADER, ROW_HEIGHT = 38, 35  # st.dataframe's pixels


def show(version: int) -> None:
    """Draw the section for the store at ``version``."""
    st.subheader(t("from_texts.title"))
    _adoption_outcome()
    if not roles.can_read_texts():
        reader = roles.actor()
        role = t(f"roles.role_{reader.role.name.lower()}") if reader else t("roles.role_viewer")
        st.info(t("reasons.texts_hidden", role=role), icon=":material/visibility_off:")
        return
    if not cache.store_has_texts(version):
        st.info(t("reasons.texts_none"))
        return
    texts_at = cache.texts_version(version)
    job = cache.reasons_from_texts(texts_at)
    if not job.done:
        _progress(job)
        return
    if job.error is not None:
        st.error(t("from_texts.failed"))
        if st.button(t("from_texts.try_again"), key="reasons_from_texts_retry"):
            cache.retry_reasons_from_texts(texts_at)
            st.rerun()
        return
    found: ReasonsFromTexts = job.result
    st.caption(t("from_texts.intro" if found.has_reason_codes else "from_texts.intro_uncoded"))
    if found.suggestions is not None:
        _accuracy(found.suggestions)
        _suggestions(found.suggestions)
    else:
        _tree(found.tree, version)
    _discovery(found.discovery)
    st.caption(t("from_texts.made_at", version=found.data_version))


@st.fragment(run_every=PROGRESS_SECONDS)
def _progress(job: BackgroundJob) -> None:
    """How far the learning got; reruns the page once it is done. A fragment's rerun runs
    without the frame, so without its signed-in user and language: it is handed the job the
    full run found (under the reader's permission) and speaks the session's language."""
    with using_language(st.session_state.get(filters.LANGUAGE_KEY)):
        if job.done:
            st.rerun(scope="app")
        st.progress(job.fraction, text=t(f"from_texts.step_{job.step or 'reading'}"))
        st.caption(t("from_texts.working"))
        st.button(t("from_texts.refresh"), key="reasons_from_texts_refresh", icon=":material/refresh:")


def _accuracy(result: StoreSuggestions) -> None:
    st.markdown(f"#### {t('from_texts.accuracy')}")
    figures = store_views.accuracy_figures(result)
    columns = st.columns(3)
    columns[0].metric(t("from_texts.top1"), figures["top1"], help=t("from_texts.top1_help"))
    columns[1].metric(t("from_texts.top3"), figures["top3"], help=t("from_texts.top3_help"))
    columns[2].metric(t("from_texts.calibration"), figures["ece"], help=t("from_texts.calibration_help"))
    st.caption(f"{store_views.level_sentence(result)} {store_views.accuracy_rule(result)}")
    with st.expander(t("from_texts.accuracy_table")):
        format.show_table(store_views.accuracy_table(result), key="reasons_from_texts_accuracy")


def _suggestions(result: StoreSuggestions) -> None:
    st.markdown(f"#### {t('from_texts.suggestions')}")
    st.markdown(store_views.suggestions_sentence(result))
    if not result.offered.empty:
        format.show_table(store_views.offered_table(result), key="reasons_from_texts_offered")


def _discovery(discovery: StoreDiscovery | None) -> None:
    st.markdown(f"#### {t('from_texts.discovery')}")
    if discovery is None:
        st.info(store_views.discovery_too_few())
        return
    st.markdown(store_views.discovery_sentence(discovery))
    if discovery.rising:
        weeks = store_views.rising_weeks(discovery)
        chart.show(cache.figure(rising_candidates_chart, weeks, labels={"texts": t("from_texts.texts_axis")}),
                   key="reasons_from_texts_rising", name="reasons-rising-candidates", data=weeks,
                   title=t("from_texts.rising_chart"), scope=None)
    if discovery.candidates:
        format.show_table(store_views.candidates_table(discovery), key="reasons_from_texts_candidates")
    st.caption(store_views.rising_rule(with_closest=discovery.has_reason_codes))


def _tree(store_tree: StoreTree | None, version: int) -> None:
    st.markdown(f"#### {t('from_texts.tree')}")
    moved = cache.relabelled_contacts(version)
    if moved:  # an adopted tree (or accepted suggestions): what is proposed now is for the rest
        st.caption(t("tree_adoption.already", contacts=count(moved)))
    if store_tree is None:
        st.info(t("from_texts.tree_too_few"))
        return
    st.markdown(store_views.tree_sentence(store_tree))
    table = store_views.tree_table(store_tree)
    # The whole tree at once (at most 7 x 8 rows): an editor judges it as a whole.
    format.show_table(table, key="reasons_from_texts_tree", height=TABLE_HEADER + ROW_HEIGHT * len(table.data) + 2)
    _adoption(store_tree)


def _adoption(store_tree: StoreTree) -> None:
    """An editor names the options and adopts the tree: the uncoded contacts move to them
    (their recorded reason kept; undone on Data → Suggested reasons). Moving them runs in a
    background job (a million texts take about a minute); the page shows its progress."""
    st.markdown(f"##### {t('tree_adoption.title')}")
    if not roles.can_edit():
        st.caption(t("tree_adoption.viewer_note"))
        return
    st.caption(t("tree_adoption.help"))
    table = store_views.tree_naming_table(store_tree)
    # Keyed by the tree itself: names typed survive another editor's write while the tree stays the same.
    shape = zlib.crc32("\n".join(node.path for node in store_tree.tree.nodes).encode())
    edited = format.edit_table(table, key=f"reasons_tree_names_{shape}", editable=["name"],
                               height=TABLE_HEADER + ROW_HEIGHT * len(table.data) + 2)
    running = st.session_state.get(ADOPTION_KEY)
    if running is not None and not running.done:
        _adoption_progress(running)
        return
    if not st.button(t("tree_adoption.adopt"), key="reasons_tree_adopt", type="primary",
                     help=t("tree_adoption.adopt_help"), icon=":material/account_tree:"):
        return
    names = dict(zip(table.data["path"], edited["name"]))
    try:
        tree_adoption.adopted_paths(store_tree.tree.nodes, names)  # a name not allowed: said now, nothing started
    except ValueError as exc:
        st.error(str(exc))
        return
    conn, tree = cache.connection(), store_tree.tree
    # Started acting as the signed-in editor: the job's thread keeps that user and the language.
    started, job = roles.guarded(lambda: BackgroundJob(lambda progress: _adopt(conn, tree, names, progress),
                                                       name="reason-tree-adoption").start())
    if started:
        st.session_state[ADOPTION_KEY] = job
        st.rerun()


def _adopt(conn: duckdb.DuckDBPyConnection, tree: ReasonTree, names: Mapping[str, str], progress) -> str:
    """The adoption itself (in the job's thread); returns the confirmation to show."""
    result = tree_adoption.adopt_tree(conn, tree.nodes, tree.assignment, names, progress)
    reasons = len(tree_adoption.adopted_reasons(tree.nodes, names))
    return t("tree_adoption.adopted_sentence", changed=count(result.changed), reasons=count(reasons),
             days=count(result.days))


@st.fragment(run_every=PROGRESS_SECONDS)
def _adoption_progress(job: BackgroundJob) -> None:
    """How far moving the contacts got; reruns the page once it is done (see _progress)."""
    with using_language(st.session_state.get(filters.LANGUAGE_KEY)):
        if job.done:
            st.rerun(scope="app")
        st.progress(job.fraction, text=t(f"tree_adoption.step_{job.step or 'reading'}"))


def _adoption_outcome() -> None:
    """The confirmation of an adoption this session started, or why nothing was written
    (a name not allowed, nothing named, a Parquet store, no longer an editor)."""
    job = st.session_state.get(ADOPTION_KEY)
    if job is None or not job.done:
        return
    del st.session_state[ADOPTION_KEY]
    if job.error is None:
        st.success(job.result, icon=":material/check_circle:")
    elif isinstance(job.error, AccessDenied):
        st.error(str(job.error), icon=":material/lock:")
    elif isinstance(job.error, ValueError):
        st.error(str(job.error))
    else:
        st.error(t("tree_adoption.failed"))
