"""The frame: page config, the shared sidebar filters, navigation. Nothing else."""

import streamlit as st

from analytics.access import acting_as
from analytics.i18n import t
from analytics.queries import QueryTimeout
from analytics.store import StoreError
from ui import auth, cache, filters, live, presentation, share

filters.language_switch()
st.set_page_config(page_title=t("app.title"), page_icon=":material/call_end:", layout="wide")

actor = auth.session_actor()
if actor is None:
    auth.show_sign_in()
    st.stop()
auth.sign_out_button()

navigation = st.navigation([
    st.Page("pages/overview.py", title=t("nav.overview"), icon=":material/dashboard:", url_path="overview", default=True),
    st.Page("pages/trends.py", title=t("nav.trends"), icon=":material/show_chart:", url_path="trends"),
    st.Page("pages/reasons.py", title=t("nav.reasons"), icon=":material/account_tree:", url_path="reasons"),
    st.Page("pages/ratios.py", title=t("nav.ratios"), icon=":material/percent:", url_path="ratios"),
    st.Page("pages/pilots.py", title=t("nav.pilots"), icon=":material/science:", url_path="pilots"),
    st.Page("pages/weekly.py", title=t("nav.weekly"), icon=":material/event_note:", url_path="weekly"),
    st.Page("pages/data.py", title=t("nav.data"), icon=":material/database:", url_path="data"),
])

try:
    version = cache.current_data_version()
except StoreError as exc:
    st.error(str(exc))
    st.stop()

freshness = cache.store_freshness(version)
if freshness.contacts:
    live.follow_default_period(freshness)
    filters.remember_active_filter(filters.shared_filters(cache.filter_options(version), freshness,
                                                          cache.relabelled_contacts(version)))
else:
    filters.remember_active_filter(None)
share.copy_link_button(filters.active_filter())
presentation.frame()
live.frame(version)

with acting_as(actor):
    try:
        navigation.run()
    except QueryTimeout as exc:  # this session's query only; the message says what to do
        st.error(str(exc), icon=":material/timer_off:")
