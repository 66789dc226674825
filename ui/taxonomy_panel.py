"""The Data page's Health section: can agents pick the right contact reason? The findings
of the taxonomy checks, each with a suggestion, a link to the reasons learned from what
customers wrote when those would help (a large "Other" share, contacts stopping at the first
level, no reason codes at all), and the monthly trend of "Other"."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import table_views, taxonomy
from analytics.charts.weekly import taxonomy_trend_chart
from analytics.i18n import t
from analytics.text_reasons.tree_proposal import texts_would_help
from ui import cache, chart, format, roles

REASONS_PAGE = "pages/reasons.py"
TEXTS_SECTION = {"reasons_section": "Reasons from texts"}


def show(version: int, *, reasons_as_recorded: bool = False) -> None:
    """Draw the checks for the store at ``version`` (cached per data version), with the
    accepted suggested reasons or as recorded."""
    health = cache.taxonomy_health(version, reasons_as_recorded=reasons_as_recorded)
    st.caption(t("taxonomy.section_help", start=format.day(health.window_start), end=format.day(health.window_end),
                 contacts=format.count(health.contacts_90d)))
    if not health.findings:
        st.success(t("taxonomy.no_findings"))
    else:
        severities = [f.severity for f in health.findings]
        st.markdown(t("taxonomy.summary", findings=len(severities), high=severities.count("high"),
                      medium=severities.count("medium"), low=severities.count("low")))
        with st.expander(t("taxonomy.as_table")):
            _table(health.table(), key="data_health_findings")
        for group in health.by_kind():
            st.markdown(f"##### {group.label} · {group.severity_text}")
            for finding in group.first:
                _show(finding)
            if len(group.findings) > len(group.first):
                with st.expander(t("taxonomy.kind_table", kind=group.label, count=len(group.findings))):
                    _table(health.table(group.findings), key=f"data_health_{group.kind}",
                           columns=("severity", "where", "finding", "suggestion"))
    _texts_link(version, health, reasons_as_recorded)
    trend, by_level = st.columns([3, 1])
    trend.markdown(f"**{t('taxonomy.trend')}**")
    with trend:
        chart.show(cache.figure(taxonomy_trend_chart, health.monthly, labels={
            "other": t("taxonomy.other_series"), "shallow": t("taxonomy.shallow_series"),
            "share": t("taxonomy.share_axis"),
        }, annotations=_timeline(version, health.monthly)), key="data_health_trend", name="data-health-other",
            data=health.monthly, title=t("taxonomy.trend"), scope=None)
    by_level.markdown(f"**{t('taxonomy.by_level')}**")
    format.show_table(table_views.other_share_table(health.other_by_level), key="data_health_other_by_level",
                      where=by_level)
    st.caption(t("taxonomy.thresholds", max_options=taxonomy.MAX_OPTIONS,
                 other_names=", ".join(f"“{n}”" for n in taxonomy.OTHER_NAMES),
                 other_limit=format.percent(taxonomy.OTHER_SHARE_LIMIT),
                 node_limit=format.percent(taxonomy.NODE_OTHER_LIMIT),
                 similarity=format.percent(taxonomy.SIMILARITY_THRESHOLD),
                 shallow_limit=format.percent(taxonomy.SHALLOW_LIMIT)))


def _texts_link(version: int, health: taxonomy.TaxonomyHealth, reasons_as_recorded: bool) -> None:
    """A sentence and a link to Reasons & channels' "Reasons from texts" when the store's
    reasons are unhealthy in a way its texts help with and the reader may read them."""
    why = texts_would_help([f.kind for f in health.findings], cache.store_table(version, "reason_tree",
                                                                                 reasons_as_recorded=reasons_as_recorded))
    if why is None or not roles.can_read_texts() or not cache.store_has_texts(version):
        return
    st.markdown(t(f"taxonomy.texts_help_{why}"))
    st.page_link(REASONS_PAGE, label=t("taxonomy.texts_link"), icon=":material/account_tree:",
                 query_params=TEXTS_SECTION)


def _timeline(version: int, monthly) -> list:
    """The events, holidays and pilots over the months of the trend."""
    if monthly.empty:
        return []
    months = pd.to_datetime(monthly["month"])
    return cache.timeline(version, months.min().date(), months.max().date())


SEVERITY_ICONS = {"high": ":material/error:", "medium": ":material/warning:", "low": ":material/info:"}


def _show(finding: taxonomy.Finding) -> None:
    """One finding: how bad, what is wrong (with its numbers) and what to do about it."""
    st.markdown(f"{SEVERITY_ICONS[finding.severity]} **{t(f'taxonomy.severity_{finding.severity}')}** — "
                f"{finding.message}  \n{t('taxonomy.suggestion_prefix')} {finding.suggestion}")


def _table(findings: pd.DataFrame, key: str, columns: tuple[str, ...] | None = None) -> None:
    """Findings as a sortable, downloadable table (``columns``: which, default all)."""
    st.dataframe(findings, hide_index=True, key=key, column_order=columns, column_config={
        "severity": st.column_config.TextColumn(t("taxonomy.column_severity"), width="small"),
        "kind": st.column_config.TextColumn(t("taxonomy.column_kind")),
        "where": st.column_config.TextColumn(t("taxonomy.column_where")),
        "finding": st.column_config.TextColumn(t("taxonomy.column_finding"), width="large"),
        "suggestion": st.column_config.TextColumn(t("taxonomy.column_suggestion"), width="large"),
    })
