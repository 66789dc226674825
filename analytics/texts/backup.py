"""Text for the Data page's backup section (admins only)."""

EN: dict[str, str] = {
    "data.section_backup": "Backup",
    "backup.help": (
        "A backup is one consistent copy of the whole store (imports, reason tree, pilots, actions, audit log) "
        "with a checksum per table. It is written to {folder} on the dashboard's machine; copy it somewhere "
        "safe. To go back to a backup, stop the dashboard and run `python -m analytics restore FILE` (see the "
        "README, \"Sign-in, roles and security\")."
    ),
    "backup.make": "Make a backup now",
    "backup.making": "Writing the backup...",
    "backup.made": "Backup written: {file} ({size}, {contacts} contacts, {tables} tables).",
    "backup.none": "No backups yet.",
    "backup.col_name": "File",
    "backup.col_size_mb": "Size (MB)",
    "backup.col_written_at": "Written at",
}

NL: dict[str, str] = {
    "data.section_backup": "Back-up",
    "backup.help": (
        "Een back-up is één consistente kopie van de hele opslag (imports, redenenboom, pilots, acties, "
        "wijzigingslog) met een controlegetal per tabel. Hij wordt geschreven naar {folder} op de machine van "
        "het dashboard; kopieer hem naar een veilige plek. Terug naar een back-up: stop het dashboard en voer "
        "`python -m analytics restore BESTAND` uit (zie de README, \"Sign-in, roles and security\")."
    ),
    "backup.make": "Nu een back-up maken",
    "backup.making": "De back-up wordt geschreven...",
    "backup.made": "Back-up geschreven: {file} ({size}, {contacts} contacten, {tables} tabellen).",
    "backup.none": "Nog geen back-ups.",
    "backup.col_name": "Bestand",
    "backup.col_size_mb": "Grootte (MB)",
    "backup.col_written_at": "Geschreven op",
}
