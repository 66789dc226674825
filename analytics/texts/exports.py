"""Text for exported files: the stamp that says what an export covers."""

EN: dict[str, str] = {
    "exports.period": "Period: {start} – {end}",
    "exports.filters": "Filters: {filters}",
    "exports.no_filters": "Filters: none (all contacts)",
    "exports.filter_reason": "reason {value}",
    "exports.filter_channel": "channel {value}",
    "exports.filter_channel_group": "channel group {value}",
    "exports.filter_department": "department {value}",
    "exports.freshness": "Data up to {last} (last import {last_import})",
    "exports.never": "never",
    "exports.generated": "Generated {moment}",
}

NL: dict[str, str] = {
    "exports.period": "Periode: {start} – {end}",
    "exports.filters": "Filters: {filters}",
    "exports.no_filters": "Filters: geen (alle contacten)",
    "exports.filter_reason": "contactreden {value}",
    "exports.filter_channel": "kanaal {value}",
    "exports.filter_channel_group": "kanaalgroep {value}",
    "exports.filter_department": "afdeling {value}",
    "exports.freshness": "Gegevens tot {last} (laatste import {last_import})",
    "exports.never": "nooit",
    "exports.generated": "Gemaakt op {moment}",
}
