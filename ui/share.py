"""The "Copy link" button: the address of the current view (page, sidebar filters and page
settings, all bound to the URL) on the clipboard, so whoever opens it sees the same view.

The link is read from the browser's address bar when the button is clicked, so it is the
view as it is then (bound widgets write their value into the address bar as they change;
the server's copy of the query string can be a rerun behind). Streamlit leaves a widget at
its default value out of the address; the sidebar's period has a default that moves with
the data (the last four weeks), so the button adds the period explicitly when the address
lacks it: a link opened next month still shows this month's period.

The button is a few lines of HTML and JavaScript (``st.html``, not in an iframe): the
clipboard is written with ``navigator.clipboard`` (allowed on https and on localhost);
where that is refused (plain http on another host), the link is shown selected in a text
box to copy by hand.
"""

from __future__ import annotations

import html
import json

import streamlit as st

from analytics.filters import ContactFilter
from analytics.i18n import t
from ui.filters import PERIOD_KEY

_SCRIPT = """
<script>
(function () {
  if (window.__roomShareReady) { return; }
  window.__roomShareReady = true;
  function linkFor(button) {
    var url = new URL(window.location.href);
    var extra = JSON.parse(button.getAttribute("data-extra") || "{}");
    Object.keys(extra).forEach(function (key) {
      if (!url.searchParams.has(key)) {
        [].concat(extra[key]).forEach(function (value) { url.searchParams.append(key, value); });
      }
    });
    return url.toString();
  }
  function showFallback(box, link) {
    var input = box.querySelector("input");
    input.hidden = false;
    input.value = link;
    input.focus();
    input.select();
    try { document.execCommand("copy"); } catch (e) { /* the text stays selected to copy by hand */ }
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-room-copy]");
    if (!button) { return; }
    var box = button.closest(".room-share");
    var status = box.querySelector(".room-copy-status");
    var link = linkFor(button);
    box.setAttribute("data-link", link);
    var done = function () { status.textContent = button.getAttribute("data-copied"); };
    var failed = function () { status.textContent = button.getAttribute("data-failed"); showFallback(box, link); };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(link).then(done, failed);
    } else {
      failed();
    }
  });
})();
</script>
"""

_STYLE = """
<style>
.room-share { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.room-share button { font: inherit; font-size: 1rem; min-height: 2.5rem; padding: 0.25rem 0.75rem;
  border-radius: 0.5rem; border: 1px solid rgba(49, 51, 63, 0.2); background: transparent; color: inherit;
  cursor: pointer; }
.room-share button:hover { border-color: #ff4b4b; color: #ff4b4b; }
.room-copy-status { font-size: 0.8rem; color: #1a7f37; }
.room-share input { width: 100%; font-size: 0.75rem; }
</style>
"""


def link_extras(contact_filter: ContactFilter | None) -> dict[str, list[str]]:
    """URL parameters the link must carry even when the address bar leaves them out (a
    default that moves with the data): the sidebar's period, as Streamlit writes it."""
    if contact_filter is None:
        return {}
    return {PERIOD_KEY: [contact_filter.start.isoformat(), contact_filter.end.isoformat()]}


def button_html(contact_filter: ContactFilter | None) -> str:
    """The button, its status line and the hidden fallback box (without the script)."""
    extra = html.escape(json.dumps(link_extras(contact_filter)), quote=True)
    return (f'<div class="room-share"><button type="button" data-room-copy="1" data-extra="{extra}" '
            f'data-copied="{html.escape(t("room.copied"))}" data-failed="{html.escape(t("room.copy_failed"))}" '
            f'title="{html.escape(t("room.copy_help"))}">{html.escape(t("room.copy_link"))}</button>'
            f'<span class="room-copy-status" aria-live="polite"></span>'
            f'<input type="text" readonly hidden aria-label="{html.escape(t("room.copy_link"))}"></div>')


def copy_link_button(contact_filter: ContactFilter | None) -> None:
    """Draw the "Copy link" button at the bottom of the sidebar."""
    st.sidebar.html(_STYLE + button_html(contact_filter) + _SCRIPT, unsafe_allow_javascript=True)
