"""Interface text, kept in one place so a Dutch translation can follow.

``t("overview.title")`` returns the text in the active language; ``{name}`` fields are
filled from keyword arguments.
"""

from __future__ import annotations

LANGUAGES = ("en",)
DEFAULT_LANGUAGE = "en"

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "app.title": "Contact reduction",
        "nav.overview": "Overview",
        "nav.trends": "Volume trends",
        "nav.data": "Data",
        "filters.header": "Filters",
        "filters.period": "Period",
        "filters.reason": "Contact reason",
        "filters.reason_all": "All reasons",
        "filters.channel": "Channel",
        "filters.channel_all": "All channels",
        "filters.department": "Department",
        "filters.department_all": "All departments",
        "filters.period_incomplete": "Pick an end date to complete the period.",
        "group.voice": "voice",
        "group.chat": "chat",
        "group.written": "written",
        "group.personal": "personal",
        "group.other": "other",
        "welcome.title": "Welcome to the contact-reduction dashboard",
        "welcome.body": "The contact store is empty. There are two ways in:",
        "welcome.demo": "Load the demo data (a web shop, three years)",
        "welcome.demo_help": "Builds realistic demo contacts, orders and events in about a minute.",
        "welcome.import": "Import your own CRM export on the Data page",
        "welcome.demo_done": "Demo data loaded: {contacts} contacts.",
        "overview.title": "Overview",
        "overview.contacts": "Contacts",
        "overview.vs_previous": "vs previous {days} days",
        "overview.vs_last_year": "vs same period last year",
        "overview.per_day": "Contacts per day",
        "overview.customers": "Customers who made contact",
        "overview.handle_time": "Average handle time",
        "overview.fcr": "First-contact resolution",
        "overview.csat": "Satisfaction",
        "overview.by_channel_group": "By channel group",
        "overview.top_reasons": "Top reasons",
        "overview.no_contacts": "No contacts match these filters in this period.",
        "overview.freshness": "Data: {contacts} contacts from {first} to {last}; last import {last_import}.",
        "overview.never": "never",
        "overview.not_recorded": "The data has no customer numbers.",
        "overview.no_last_year": "The store has no contacts for these dates a year earlier.",
        "column.reason": "Reason",
        "column.contacts": "Contacts",
        "column.share": "Share",
        "column.previous": "Previous period",
        "column.change": "Change",
        "column.channel_group": "Channel group",
        "column.channel": "Channel",
        "column.day": "Day",
        "data.title": "Data",
        "data.tab_import": "Import",
        "data.tab_history": "Import history",
        "data.tab_reasons": "Reason tree",
        "data.tab_channels": "Channels and costs",
        "data.tab_drivers": "Drivers",
        "data.tab_events": "Events",
        "data.section": "Section",
        "data.reasons_help": "Each reason's owning department (the one that can remove its cause) and value class: valuable (tells us how to improve), avoidable (should not have happened), automatable (could be self-service) or no value.",
        "data.channels_help": "Each channel's group and cost per contact (used for savings).",
        "data.save": "Save",
        "data.saved": "Saved.",
        "data.no_drivers": "No drivers yet. Import daily orders, customers or shipments to see contact ratios.",
        "data.driver": "Driver",
        "data.add_event": "Add an event",
        "data.event_name": "Name",
        "data.event_kind": "Kind",
        "data.event_start": "Starts on",
        "data.event_end": "Ends on",
        "data.event_foreseen": "Foreseen",
        "data.event_reason": "Only for reason (optional)",
        "import.kind": "What to import",
        "import.kind_contacts": "Contacts",
        "import.kind_drivers": "Drivers (orders, customers, …)",
        "import.file": "Export file",
        "import.file_help": "CSV (; , or tab), Excel (.xlsx) or Parquet.",
        "import.how": "Drop a CSV, Excel or Parquet export from your CRM. You map its columns next; nothing is written until you press Import.",
        "import.profile": "Mapping profile",
        "import.profile_none": "None (suggest a mapping)",
        "import.format": "File format (detected automatically)",
        "import.auto": "automatic",
        "import.delimiter": "Delimiter",
        "import.decimal": "Decimal separator",
        "import.encoding": "Encoding",
        "import.date_format": "Date format (strftime codes; blank = detect)",
        "import.true_values": "Words for yes",
        "import.false_values": "Words for no",
        "import.detected": "Delimiter {delimiter}, encoding {encoding}, {columns} columns.",
        "import.mapping": "Columns (fields marked * are required)",
        "import.not_mapped": "not in this file",
        "import.driver_name": "Driver name",
        "import.preview": "First rows as they will be stored",
        "import.preview_rejects": "{count} of the first rows would be rejected:",
        "import.run": "Import",
        "import.running": "Importing…",
        "import.refused": "Nothing was imported: {reason}",
        "import.done": "{file}: {read} rows read, {inserted} added, {duplicates} already there, {rejected} rejected ({seconds} s).",
        "import.download_rejects": "Download rejected rows (CSV)",
        "import.save_profile": "Save this mapping as a profile",
        "import.profile_name": "Profile name",
        "import.save": "Save profile",
        "import.profile_saved": "Profile {name} saved.",
    },
}


def t(key: str, language: str = DEFAULT_LANGUAGE, **fields: object) -> str:
    """The text for ``key`` in ``language``, with ``fields`` filled in.

    Raises
    ------
    KeyError
        When the key is unknown, so a typo fails in tests instead of showing a raw key.
    """
    text = TEXT[language][key]
    return text.format(**fields) if fields else text
