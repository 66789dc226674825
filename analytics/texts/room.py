"""Text for "in the room": the annotations on time charts, the presentation mode and the
shareable link."""

EN: dict[str, str] = {
    "room.legend_event_planned": "Event (planned)",
    "room.legend_event_unplanned": "Event (unplanned)",
    "room.legend_pilot": "Pilot",
    "room.legend_holiday": "Public holiday",
    "room.legend_rollout": "Rollout",
    "room.rollout_label": "Rollout {name}",
    "room.present": "Present",
    "room.present_help": "Presentation mode: no sidebar or controls, larger type, one chart per screen "
                         "(keyboard: P). Page Down or the arrow keys go to the next chart, Esc leaves.",
    "room.exit": "Exit presentation",
    "room.exit_help": "Back to the normal view (Esc).",
    "room.copy_link": "Copy link",
    "room.copy_help": "Copies the address of this view (page, period, filters and page settings) to "
                      "the clipboard; whoever opens it sees the same view.",
    "room.copied": "Link copied",
    "room.copy_failed": "Copy the link below",
    "room.share_header": "Share",
}

NL: dict[str, str] = {
    "room.legend_event_planned": "Gebeurtenis (gepland)",
    "room.legend_event_unplanned": "Gebeurtenis (onverwacht)",
    "room.legend_pilot": "Proef",
    "room.legend_holiday": "Feestdag",
    "room.legend_rollout": "Uitrol",
    "room.rollout_label": "Uitrol {name}",
    "room.present": "Presenteren",
    "room.present_help": "Presentatiemodus: geen zijbalk of knoppen, grotere letters, één grafiek per scherm "
                         "(toets: P). Page Down of de pijltjestoetsen gaan naar de volgende grafiek, Esc sluit af.",
    "room.exit": "Presentatie sluiten",
    "room.exit_help": "Terug naar de gewone weergave (Esc).",
    "room.copy_link": "Link kopiëren",
    "room.copy_help": "Kopieert het adres van deze weergave (pagina, periode, filters en pagina-instellingen) "
                      "naar het klembord; wie het opent, ziet dezelfde weergave.",
    "room.copied": "Link gekopieerd",
    "room.copy_failed": "Kopieer de link hieronder",
    "room.share_header": "Delen",
}
