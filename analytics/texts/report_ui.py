"""Text for the report files (HTML, PDF) and the download buttons that make them."""

EN: dict[str, str] = {
    "report_ui.contents": "Contents",
    "report_ui.definitions": "Definitions",
    "report_ui.method": "Method",
    "report_ui.chart_label": "Chart: {title}",
    "report_ui.page_of": "page {page} of {pages}",
    "report_ui.heading": "Take this to the meeting",
    "report_ui.scope_weekly": (
        "The files show week {week} at reason level {level} with the sidebar's filters, as on this page."
    ),
    "report_ui.scope_pilot": "The files show the evaluation of pilot {name}, as on this page.",
    "report_ui.deck": "Deck (.pptx)",
    "report_ui.deck_help": "Slides for the meeting, with the definitions in the speaker notes.",
    "report_ui.html": "Report (.html)",
    "report_ui.html_help": "One file with interactive charts; opens in any browser, also offline.",
    "report_ui.pdf": "PDF",
    "report_ui.pdf_help": "A4 landscape, one slide per page, charts as images.",
    "report_ui.no_chromium": (
        "A PDF needs Chromium on the server (Debian: `sudo apt-get install chromium`); the HTML report prints "
        "to PDF from any browser."
    ),
}

NL: dict[str, str] = {
    "report_ui.contents": "Inhoud",
    "report_ui.definitions": "Definities",
    "report_ui.method": "Methode",
    "report_ui.chart_label": "Grafiek: {title}",
    "report_ui.page_of": "pagina {page} van {pages}",
    "report_ui.heading": "Meenemen naar het overleg",
    "report_ui.scope_weekly": (
        "De bestanden tonen week {week} op contactredenniveau {level} met de filters uit de zijbalk, zoals op "
        "deze pagina."
    ),
    "report_ui.scope_pilot": "De bestanden tonen de evaluatie van proef {name}, zoals op deze pagina.",
    "report_ui.deck": "Presentatie (.pptx)",
    "report_ui.deck_help": "Dia's voor het overleg, met de definities in de sprekersnotities.",
    "report_ui.html": "Rapport (.html)",
    "report_ui.html_help": "Eén bestand met interactieve grafieken; opent in elke browser, ook offline.",
    "report_ui.pdf": "PDF",
    "report_ui.pdf_help": "A4 liggend, één dia per pagina, grafieken als afbeelding.",
    "report_ui.no_chromium": (
        "Voor een PDF is Chromium op de server nodig (Debian: `sudo apt-get install chromium`); het HTML-rapport "
        "kan vanuit elke browser als PDF worden afgedrukt."
    ),
}
