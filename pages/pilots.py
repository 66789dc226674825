"""Placeholder while the page is built."""

import streamlit as st

from analytics.i18n import t
from ui import page

context = page.start(t("nav.pilots"))
st.info("Coming soon.")
