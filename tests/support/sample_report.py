"""A hand-made report with every kind of content a slide can hold, for the renderer tests."""

from __future__ import annotations

import plotly.graph_objects as go

from analytics.reports.model import BigNumber, Report, Slide, Table

# A reason name as customer data may spell it: it must come out as text, never as markup.
HOSTILE_REASON = 'Returns <script>alert("x")</script> & "refunds"'


def _chart(language: str) -> go.Figure:
    reasons = ["Delivery > Late", "Product > Defect", "Payment > Failed", HOSTILE_REASON]
    figure = go.Figure([
        go.Bar(name="Actual" if language == "en" else "Werkelijk", x=reasons, y=[620, 410, 230, 120],
               marker_color="#0b5cad"),
        go.Scatter(name="Expected" if language == "en" else "Verwacht", x=reasons, y=[540, 400, 260, 118],
                   mode="markers", marker={"size": 14, "color": "#e16f24", "symbol": "line-ew-open",
                                           "line": {"width": 4}}),
    ])
    figure.update_layout(template="plotly_white", margin={"l": 60, "r": 20, "t": 30, "b": 60},
                         legend={"orientation": "h", "y": 1.08})
    return figure


def sample_report(language: str = "en") -> Report:
    en = language == "en"
    rows = tuple(
        (f"Reason {i:02d}", f"{1000 + 37 * i:,}".replace(",", "," if en else "."), f"{(i % 7 - 3):+d}%", "Logistics")
        for i in range(1, 13)
    ) + ((HOSTILE_REASON, "120" , "+2%", "–"),)
    return Report(
        kind="weekly",
        language=language,
        title="Weekly report week 26" if en else "Weekrapport week 26",
        subtitle="Contacts per reason against the season" if en else "Klantcontact per contactreden tegen het seizoen",
        context=(
            "Period: 22 Jun 2026 – 28 Jun 2026" if en else "Periode: 22-06-2026 – 28-06-2026",
            "Filters: none (all contacts)" if en else "Filters: geen (alle contacten)",
            "Data up to 30 Jun 2026 23:58 (last import never)" if en
            else "Gegevens tot 30-06-2026 23:58 (laatste import nooit)",
            "Generated 1 Jul 2026 09:00" if en else "Gemaakt op 01-07-2026 09:00",
        ),
        slides=(
            Slide(
                title="Week 26: 1,989 contacts" if en else "Week 26: 1.989 contacten",
                message="11% above expected; biggest rise: Product > Defect (+33)" if en
                else "11% boven verwachting; grootste stijging: Product > Defect (+33)",
                numbers=(
                    BigNumber("Contacts" if en else "Contacten", "1,989" if en else "1.989",
                              "+4% vs last week" if en else "+4% t.o.v. vorige week", "bad"),
                    BigNumber("Expected" if en else "Verwacht", "1,792" if en else "1.792",
                              "95% band 1,560–2,030" if en else "95%-band 1.560–2.030"),
                    BigNumber("Open actions" if en else "Open acties", "7", "2 overdue" if en else "2 te laat", "bad"),
                ),
                chart=_chart(language),
                notes="Expected: the seasonal baseline fitted on the weeks before." if en
                else "Verwacht: de seizoensbasislijn, geschat op de weken ervoor.",
            ),
            Slide(
                title="Per reason" if en else "Per contactreden",
                message="Two reasons have no owning department." if en else "Twee contactredenen hebben geen eigenaar.",
                table=Table(columns=("Reason", "Contacts", "vs last week", "Owner") if en
                            else ("Contactreden", "Contacten", "t.o.v. vorige week", "Eigenaar"),
                            rows=rows, highlight=(2, 12)),
                notes="Highlighted: above the 95% band." if en else "Gemarkeerd: boven de 95%-band.",
            ),
            Slide(
                title="Actions" if en else "Acties",
                message="Seven open actions, two past their due date." if en
                else "Zeven open acties, twee over de datum.",
                bullets=("Carrier to send a delivery window e-mail (Logistics, due 3 Jul)",
                         "Fix the payment retry page (IT, overdue)",
                         HOSTILE_REASON),
            ),
            Slide(
                title="What changed since last week" if en else "Wat veranderde sinds vorige week",
                message="Delivery rose, payment fell." if en else "Bezorging steeg, betaling daalde.",
                numbers=(BigNumber("Delivery" if en else "Bezorging", "+80", "+15%", "bad"),
                         BigNumber("Payment" if en else "Betaling", "\u221230", "\u221212%", "good")),
                chart=_chart(language),
                bullets=("Delivery: late parcels after the carrier change" if en
                         else "Bezorging: late pakketten na de wissel van vervoerder",),
            ),
        ),
        method=("Each week is compared with a seasonal baseline.\n\nThe band is the 95% interval." if en
                else "Elke week wordt vergeleken met een seizoensbasislijn.\n\nDe band is het 95%-interval."),
    )
