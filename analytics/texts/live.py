"""Text for live data: the "data updated" line on every page, the watched folder and an
import handed to the running dashboard."""

EN: dict[str, str] = {
    "live.updated": "Data updated {moment}",
    "live.updated_by_import": "Data updated {moment} · import of {file}",
    "live.updated_never": "No data imported yet",
    "live.refresh_help": "Open pages redraw themselves within about {seconds} seconds of new data.",
    "live.import_queued": ("The store is in use by the running dashboard: the import is queued as {job} in {inbox}; "
                           "waiting up to {seconds} s for the dashboard to run it."),
    "live.import_not_taken": ("Nobody imported the file within {seconds} s. It stays queued in {folder} and will be "
                              "imported when the dashboard runs."),
    "live.import_failed": "The import failed.",
    "live.backup_queued": ("The store is in use by the running dashboard: the backup is asked of it as {job} in {inbox}; "
                           "waiting up to {seconds} s for it."),
    "live.backup_not_taken": ("The running dashboard did not make the backup within {seconds} s (is it running and "
                              "looking at its inbox?). The request was withdrawn; nothing was written."),
    "live.job_interrupted": "The import was interrupted {attempts} times (the dashboard stopped while importing it).",
    "live.job_bad_file": "The job names no file of its own folder: {name}.",
    "live.watch_no_folder": "There is no folder {folder} to watch.",
    "live.watch_driver_name": "Watching for driver files needs --name (the driver's name).",
    "live.watch_queued": ("The running dashboard did not import the file within {seconds} s; it stays queued in the "
                          "store's inbox and will be imported when the dashboard runs."),
}

NL: dict[str, str] = {
    "live.updated": "Gegevens bijgewerkt {moment}",
    "live.updated_by_import": "Gegevens bijgewerkt {moment} · import van {file}",
    "live.updated_never": "Nog geen gegevens geïmporteerd",
    "live.refresh_help": "Open pagina's tekenen zich binnen ongeveer {seconds} seconden na nieuwe gegevens opnieuw.",
    "live.import_queued": ("De opslag is in gebruik door het draaiende dashboard: de import staat als {job} in de "
                           "wachtrij in {inbox}; maximaal {seconds} s wachten tot het dashboard hem uitvoert."),
    "live.import_not_taken": ("Niemand heeft het bestand binnen {seconds} s geïmporteerd. Het blijft in de wachtrij "
                              "in {folder} en wordt geïmporteerd zodra het dashboard draait."),
    "live.import_failed": "De import is mislukt.",
    "live.backup_queued": ("De opslag is in gebruik door het draaiende dashboard: de back-up is daar gevraagd als {job} "
                           "in {inbox}; maximaal {seconds} s wachten."),
    "live.backup_not_taken": ("Het draaiende dashboard heeft de back-up niet binnen {seconds} s gemaakt (draait het, en "
                              "kijkt het in zijn inbox?). Het verzoek is ingetrokken; er is niets geschreven."),
    "live.job_interrupted": "De import is {attempts} keer onderbroken (het dashboard stopte tijdens het importeren).",
    "live.job_bad_file": "De opdracht noemt geen bestand uit zijn eigen map: {name}.",
    "live.watch_no_folder": "Er is geen map {folder} om in de gaten te houden.",
    "live.watch_driver_name": "Voor bestanden met drivers is --name nodig (de naam van de driver).",
    "live.watch_queued": ("Het draaiende dashboard heeft het bestand niet binnen {seconds} s geïmporteerd; het blijft "
                          "in de wachtrij van de opslag en wordt geïmporteerd zodra het dashboard draait."),
}
