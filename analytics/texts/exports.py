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
    "exports.download": "Download",
    "exports.download_help": "This chart as an image, or the data it was drawn from. Every file says which period, "
                             "filters and data it covers.",
    "exports.png": "PNG image",
    "exports.svg": "SVG image",
    "exports.csv": "CSV data",
    "exports.excel": "Excel data",
    "exports.png_help": "For slides and documents; the period, filters and data freshness are printed above the chart.",
    "exports.svg_help": "Sharp at any size, for print and editing.",
    "exports.csv_help": "The table alone, for other tools. The Excel file also says which period and filters it covers.",
    "exports.excel_help": "The data, with an About sheet naming the period, filters, data freshness and time of export.",
    "exports.sheet_data": "Data",
    "exports.sheet_about": "About",
    "exports.title_start_small": "Start small: volume against ratio per reason",
    "exports.title_value": "Contacts and cost by value class",
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
    "exports.download": "Downloaden",
    "exports.download_help": "Deze grafiek als afbeelding, of de gegevens waaruit hij getekend is. Elk bestand "
                             "vermeldt de periode, filters en gegevens die het beslaat.",
    "exports.png": "PNG-afbeelding",
    "exports.svg": "SVG-afbeelding",
    "exports.csv": "CSV-gegevens",
    "exports.excel": "Excel-gegevens",
    "exports.png_help": "Voor presentaties en documenten; periode, filters en actualiteit van de gegevens staan boven "
                        "de grafiek.",
    "exports.svg_help": "Scherp op elk formaat, voor drukwerk en bewerken.",
    "exports.csv_help": "Alleen de tabel, voor andere programma's. Het Excel-bestand vermeldt ook periode en filters.",
    "exports.excel_help": "De gegevens, met een tabblad Over deze export: periode, filters, actualiteit van de "
                          "gegevens en tijdstip van export.",
    "exports.sheet_data": "Gegevens",
    "exports.sheet_about": "Over deze export",
    "exports.title_start_small": "Klein beginnen: volume tegen ratio per contactreden",
    "exports.title_value": "Contacten en kosten per waardeklasse",
}
