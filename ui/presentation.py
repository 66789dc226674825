"""Presentation mode (``?present=1`` in the URL): for showing a page on a screen in a
meeting room.

- The sidebar, Streamlit's header and toolbar and the page's controls (segmented
  controls, select boxes, toggles, forms, download menus) are hidden: the view is the one
  the URL describes, so open a shared link with ``&present=1`` added, or press Present.
- Type is larger: the page's root font size goes up (Streamlit sizes text in ``rem``), and
  each chart is drawn taller with larger fonts (:func:`fit`, called by ``ui.chart.show``).
- One chart per screen: every chart is 80% of the window high; Page Down, Space, the
  down and right arrows bring the next chart with its heading to the top of the window
  (Page Up, the up and left arrows the previous one; before the first chart, the title
  and the numbers). A small script does this, because Streamlit's scrolling container
  does not have the keyboard focus and its own scrolling would stop mid-chart.
- Leaving is obvious: an "Exit presentation" button top right, also on Esc. Entering:
  the Present button in the sidebar, also on P.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from analytics.i18n import t

PRESENT_PARAM = "present"
EXIT_KEY = "room_exit_presentation"
ENTER_KEY = "room_present"
ROOT_FONT_PX = 20        # Streamlit's default is 16 px: text and titles 25% larger
CHART_HEIGHT = 620       # chart height in layout pixels while presenting (the screen's CSS stretches it)
CHART_VH = 80            # each chart is this share of the window high, its heading just above it
CHART_FONT = 17          # chart base font while presenting (plotly's default is 12)
FONT_SCALE = 1.4         # explicit font sizes inside a chart (labels, annotations) grow by this

_CSS = f"""
<style>
html {{ font-size: {ROOT_FONT_PX}px; }}
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
header[data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"],
[data-testid="stMain"] :is(.stSegmentedControl, .stButtonGroup, .stSelectbox, .stMultiSelect, .stToggle,
  .stCheckbox, .stNumberInput, .stDateInput, .stRadio, .stTextInput, .stForm, .stPopover, .stDownloadButton,
  .stPageLink, [data-testid="stForm"], [data-testid="stPopover"]) {{ display: none !important; }}
[data-testid="stMain"] .stVerticalBlock:has(.stDownloadButton):not(:has(.stPlotlyChart, .stDataFrame, .stMetric)):not([data-testid="stMainBlockContainer"] > *) {{
  display: none !important; }}
[data-testid="stMainBlockContainer"] {{ max-width: 100%; padding: 1.5rem 3rem 2rem 3rem; }}
[data-testid="stMain"] .stElementContainer:has(.stPlotlyChart) {{ flex: 0 0 auto !important; height: auto !important; }}
[data-testid="stMain"] .stElementContainer:has(.stPlotlyChart) [data-testid="stFullScreenFrame"] {{ height: auto !important; }}
[data-testid="stMain"] .stPlotlyChart {{ height: {CHART_VH}vh !important; }}
[data-testid="stMainBlockContainer"] {{ padding-bottom: 40vh; }}
[data-testid="stMetricValue"] {{ font-size: 2.6rem; }}
.st-key-{EXIT_KEY} {{ position: fixed; bottom: 0.8rem; right: 1rem; z-index: 1000; width: auto !important; }}
.st-key-{EXIT_KEY} button {{ font-size: 0.75rem; min-height: 0; padding: 0.15rem 0.6rem; opacity: 0.75; }}
.st-key-{EXIT_KEY} button:hover {{ opacity: 1; }}
</style>
"""

_KEYS = """
<script>
(function () {
  if (window.__roomKeysReady) { return; }
  window.__roomKeysReady = true;
  var NEXT = ["PageDown", "ArrowDown", "ArrowRight", " "];
  var PREVIOUS = ["PageUp", "ArrowUp", "ArrowLeft"];
  // A slide is a chart with the heading right above it (when there is one).
  function slides() {
    var charts = [].slice.call(document.querySelectorAll('[data-testid="stMain"] .stPlotlyChart'));
    return charts.map(function (chart) {
      var block = chart.closest(".stElementContainer") || chart;
      var bottom = block.getBoundingClientRect().bottom;
      // the nearest heading up to three blocks above, when it and the chart fit on one screen
      for (var before = block.previousElementSibling, n = 0; before && n < 3; before = before.previousElementSibling, n++) {
        if (before.querySelector(".stPlotlyChart, h1")) { break; }
        if (before.querySelector("h2, h3")) {
          return bottom - before.getBoundingClientRect().top <= window.innerHeight ? before : block;
        }
      }
      return block;
    });
  }
  document.addEventListener("keydown", function (event) {
    if (!document.querySelector(".st-key-EXIT_KEY")) { return; }  // not presenting (any more)
    var typing = event.target.closest && event.target.closest("input, textarea, select, [contenteditable]");
    if (typing || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var forward = NEXT.indexOf(event.key) >= 0, back = PREVIOUS.indexOf(event.key) >= 0;
    if (!forward && !back) { return; }
    var all = slides();
    var tops = all.map(function (el) { return el.getBoundingClientRect().top; });
    var target = null;
    if (forward) {
      for (var i = 0; i < all.length; i++) { if (tops[i] > 8) { target = all[i]; break; } }
    } else {
      for (var j = all.length - 1; j >= 0; j--) { if (tops[j] < -8) { target = all[j]; break; } }
      // before the first chart: back to the top (the title and the numbers)
      if (!target) { target = document.querySelector('[data-testid="stMain"] h1'); }
    }
    event.preventDefault();
    if (target) { target.scrollIntoView({ behavior: "instant", block: "start" }); }
  }, true);
})();
</script>
""".replace("EXIT_KEY", EXIT_KEY)


def presenting() -> bool:
    """Whether this run shows the page in presentation mode (``?present=1`` or ``true``)."""
    return str(st.query_params.get(PRESENT_PARAM, "")).lower() in ("1", "true", "yes")


def _enter() -> None:
    st.query_params[PRESENT_PARAM] = "1"


def _leave() -> None:
    if PRESENT_PARAM in st.query_params:
        del st.query_params[PRESENT_PARAM]


def frame() -> None:
    """Called by the frame before the page: the Present button in the sidebar, or, while
    presenting, the styles, the keys and the Exit button."""
    if not presenting():
        st.sidebar.button(t("room.present"), key=ENTER_KEY, on_click=_enter, shortcut="P",
                          icon=":material/slideshow:", help=t("room.present_help"))
        return
    st.html(_CSS)
    st.html(_KEYS, unsafe_allow_javascript=True)
    st.button(t("room.exit"), key=EXIT_KEY, on_click=_leave, shortcut="Escape", icon=":material/close:",
              help=t("room.exit_help"))


def fit(figure: go.Figure) -> go.Figure:
    """The figure to draw: unchanged normally; while presenting, a copy that is taller
    with larger fonts (the original, which exports use, is left alone)."""
    if not presenting():
        return figure
    return for_screen(figure)


def for_screen(figure: go.Figure, *, height: int = CHART_HEIGHT, font_size: int = CHART_FONT) -> go.Figure:
    """A copy of ``figure`` sized for a room screen: ``height`` high (never lower than it
    was), base font ``font_size``, explicit font sizes of annotations scaled up."""
    big = go.Figure(figure)
    current = big.layout.height or 0
    big.update_layout(height=max(height, current), font=dict(size=font_size),
                      legend=dict(font=dict(size=font_size - 1)), margin=dict(t=max(60, (big.layout.margin.t or 0))))
    # Streamlit's chart theme sizes ticks and axis titles itself: set them too
    big.update_xaxes(tickfont=dict(size=font_size - 2), title_font=dict(size=font_size))
    big.update_yaxes(tickfont=dict(size=font_size - 2), title_font=dict(size=font_size))
    for annotation in big.layout.annotations:
        if annotation.font and annotation.font.size:
            annotation.font.size = round(annotation.font.size * FONT_SCALE)
        if annotation.yshift:
            annotation.yshift = annotation.yshift * FONT_SCALE
    return big
