"""The lines every export carries: what it covers and how fresh it is."""

from __future__ import annotations

from datetime import datetime

from analytics import formatting
from analytics.filters import ContactFilter
from analytics.i18n import t, using_language
from analytics.overview import StoreFreshness


def filter_text(contact_filter: ContactFilter) -> str:
    """"Filters: reason Delivery > Late, channel Phone" or the words for no filter."""
    parts = contact_filter.filter_parts()
    return t("exports.filters", filters=", ".join(parts)) if parts else t("exports.no_filters")


def export_context(contact_filter: ContactFilter | None, freshness: StoreFreshness, *, generated_at: datetime,
                   language: str | None = None) -> tuple[str, ...]:
    """Period and filters (when the export has them), which reasons it counts (when editors
    accepted suggested reasons), data freshness, generated at."""
    with using_language(language):
        lines = []
        if contact_filter is not None:
            lines.append(t("exports.period", start=formatting.day(contact_filter.start),
                           end=formatting.day(contact_filter.end)))
            lines.append(filter_text(contact_filter))
            if contact_filter.reasons_as_recorded is not None:
                lines.append(t("exports.reasons_recorded" if contact_filter.reasons_as_recorded
                               else "exports.reasons_accepted"))
        last_import = formatting.moment(freshness.last_import_at) if freshness.last_import_at else t("exports.never")
        lines.append(t("exports.freshness", last=formatting.moment(freshness.last_contact_at), last_import=last_import))
        lines.append(t("exports.generated", moment=formatting.moment(generated_at)))
        return tuple(lines)
