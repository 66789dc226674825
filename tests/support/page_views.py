"""Every view of every page that a link can open (page, its section or view in the URL), and
what no page may ever show a user: a library's own words, a traceback, a number that is not
one. Shared by the page tests on odd stores and on real exports."""

from __future__ import annotations

import re
from dataclasses import dataclass

from analytics.i18n import t
from ui.background import BackgroundJob

BACKGROUND_SECONDS = 180  # the longest a view's background work (learning from texts) may take

# What only a library (or a bug) says: a solver's message, an exception's name, a number
# that is not one, an unfilled value.
RAW_TEXT = re.compile(r"f\(a\) and f\(b\)|Traceback|[A-Z]\w*(Error|Exception|Warning)\b|\b(nan|NaN|inf)\b|\bNone\b"
                      r"|solver|brentq|scipy|numpy|statsmodels|\{\w+\}")


@dataclass(frozen=True)
class PageView:
    name: str
    page: str
    query: dict
    plan: bool = False  # the Pilots planner computes only when its form is sent


PAGE_VIEWS = [
    PageView("overview", "pages/overview.py", {}),
    PageView("trends-day", "pages/trends.py", {"trends_grain": "Day"}),
    PageView("trends-week", "pages/trends.py", {"trends_grain": "Week"}),
    PageView("trends-month-naive-quality", "pages/trends.py",
             {"trends_grain": "Month", "trends_naive": "true", "trends_quality": "true"}),
    PageView("reasons", "pages/reasons.py", {"reasons_section": "Reasons"}),
    PageView("reasons-pareto", "pages/reasons.py", {"reasons_section": "Pareto"}),
    PageView("reasons-channels", "pages/reasons.py", {"reasons_section": "Channels"}),
    PageView("reasons-journeys", "pages/reasons.py", {"reasons_section": "Journeys"}),
    PageView("reasons-texts", "pages/reasons.py", {"reasons_section": "Texts", "reasons_text_words": "QR"}),
    PageView("reasons-from-texts", "pages/reasons.py", {"reasons_section": "Reasons from texts"}),
    PageView("ratios-over-time", "pages/ratios.py", {"ratios_view": "Over time"}),
    PageView("ratios-breakdown", "pages/ratios.py", {"ratios_view": "Breakdown", "ratios_breakdown": "Reason level 1"}),
    PageView("ratios-start-small", "pages/ratios.py", {"ratios_view": "Start small"}),
    PageView("ratios-value", "pages/ratios.py", {"ratios_view": "Value"}),
    PageView("pilots-registry", "pages/pilots.py", {"pilots_view": "Registry"}),
    PageView("pilots-evaluation", "pages/pilots.py", {"pilots_view": "Evaluation"}),
    PageView("pilots-planner", "pages/pilots.py", {"pilots_view": "Planner"}, plan=True),
    PageView("weekly", "pages/weekly.py", {}),
    PageView("data-import", "pages/data.py", {"data_section": "Import"}),
    PageView("data-history", "pages/data.py", {"data_section": "History"}),
    PageView("data-reasons", "pages/data.py", {"data_section": "Reasons"}),
    PageView("data-suggested-reasons", "pages/data.py", {"data_section": "Suggested reasons"}),
    PageView("data-channels", "pages/data.py", {"data_section": "Channels"}),
    PageView("data-drivers", "pages/data.py", {"data_section": "Drivers"}),
    PageView("data-events", "pages/data.py", {"data_section": "Events"}),
    PageView("data-health", "pages/data.py", {"data_section": "Health"}),
    PageView("data-users", "pages/data.py", {"data_section": "Users"}),
    PageView("data-audit-log", "pages/data.py", {"data_section": "Audit log"}),
    PageView("data-backup", "pages/data.py", {"data_section": "Backup"}),
]


def shown_texts(at) -> list[str]:
    """Every text the page shows a user (alerts, markdown, captions, headings, metrics)."""
    shown = [str(e.value) for kind in ("error", "warning", "info", "success", "markdown", "caption", "subheader",
                                       "title", "toast") for e in getattr(at, kind)]
    shown += [f"{m.label} {m.value}" for m in at.metric]
    return shown


def open_view(app_on, store, view: PageView, plan_reason: str | None = None, *, share_caches: bool = False):
    """The view run on ``store`` (AppTest), the planner's form sent for ``plan_reason``
    (its button found by its text in the active language); a view that started background
    work (Reasons from texts) is run again once it is done, so it shows its result.
    ``share_caches``: as ``app_on``'s."""
    at = app_on(store, page=view.page, query=view.query, share_caches=share_caches)
    pending = BackgroundJob.running()
    if pending:
        assert all(job.wait(BACKGROUND_SECONDS) for job in pending)
        at.run()
    if view.plan:
        target = at.multiselect(key="pilots_plan_target")
        if not target.value and plan_reason:
            target.select(plan_reason)
        next(b for b in at.button if b.label == t("pilots_page.plan_submit")).click().run()
    return at


def assert_clean(at, view: PageView) -> None:
    """No exception, no library's words, and the link opened its own section or view."""
    assert not at.exception  # neither the red error box nor an st.exception element
    raw = [text for text in shown_texts(at) if RAW_TEXT.search(text)]
    assert raw == []
    for key, value in view.query.items():
        if key.endswith(("_section", "_view")):
            assert at.segmented_control(key=key).value == value
