"""The welcome shown when the store is empty: load the demo, or import a file."""

from __future__ import annotations

import streamlit as st

from analytics.i18n import t
from ui import cache, format, roles


def show() -> None:
    st.subheader(t("welcome.title"))
    st.write(t("welcome.body"))
    left, right = st.columns(2)
    with left:
        if not roles.can_edit():
            roles.read_only_note()
        elif st.button(t("welcome.demo"), type="primary", help=t("welcome.demo_help"), key="welcome_demo"):
            with st.spinner(t("welcome.demo_help")):
                loaded, contacts = roles.guarded(cache.load_demo)
            if not loaded:
                return
            st.toast(t("welcome.demo_done", contacts=format.count(contacts)))
            st.rerun()
    with right:
        st.page_link("pages/data.py", label=t("welcome.import"), icon=":material/upload_file:")
