"""Messages of the Parquet mode (contacts read from a Parquet dataset, ``analytics.parquet_mode``)."""

EN: dict[str, str] = {
    "parquet.location_empty": "Give the folder or URL of the Parquet dataset.",
    "parquet.location_bad_character": ("The dataset location {location} holds a control character or one of * ? [ ] "
                                       "{{ }}; give the folder itself, without wildcards."),
    "parquet.location_scheme": "DuckDB cannot read {scheme}:// locations; use a folder or one of {schemes}.",
    "parquet.location_not_a_folder": "There is no folder {location}.",
    "parquet.extension_missing": ("Reading {location} needs DuckDB's {extension} extension, which could not be "
                                  "loaded or installed ({error}). On a machine with internet access run "
                                  "\"INSTALL {extension}\" in DuckDB once, or copy the dataset to a local folder."),
    "parquet.dataset_unreadable": "The Parquet dataset at {location} cannot be read: {error}",
    "parquet.dataset_empty": "There are no Parquet files at {location} (expected {pattern}: one folder per month).",
    "parquet.dataset_columns_missing": "The Parquet files at {location} lack the required columns {columns}.",
    "parquet.dataset_required_empty": ("{rows} contacts in the Parquet files at {location} have an empty required "
                                       "field ({columns}); fix the files, then run store refresh again."),
    "parquet.table_not_in_dataset": ("{contacts} contacts in this store's table are not in the dataset at "
                                     "{location}; export them first (store export-parquet) or pass --discard-table."),
    "parquet.not_parquet_mode": "This store keeps its contacts in its own table; it is not in Parquet mode.",
    "parquet.export_not_empty": "{out} already exists and is not an empty folder; export to a new folder.",
    "parquet.import_refused": ("This store reads its contacts from the Parquet dataset at {location}, so it does not "
                               "import contacts: add the new month's file to that dataset (one folder per month) "
                               "and run \"python -m analytics store refresh\"."),
}

NL: dict[str, str] = {
    "parquet.location_empty": "Geef de map of URL van de Parquet-dataset.",
    "parquet.location_bad_character": ("De plek van de dataset {location} bevat een stuurteken of een van * ? [ ] "
                                       "{{ }}; geef de map zelf, zonder jokertekens."),
    "parquet.location_scheme": "DuckDB kan geen {scheme}://-adressen lezen; gebruik een map of een van {schemes}.",
    "parquet.location_not_a_folder": "Er is geen map {location}.",
    "parquet.extension_missing": ("Om {location} te lezen is de DuckDB-extensie {extension} nodig, die niet geladen "
                                  "of geïnstalleerd kon worden ({error}). Voer op een computer met internet eenmaal "
                                  "\"INSTALL {extension}\" uit in DuckDB, of kopieer de dataset naar een lokale map."),
    "parquet.dataset_unreadable": "De Parquet-dataset op {location} is niet te lezen: {error}",
    "parquet.dataset_empty": "Er staan geen Parquet-bestanden op {location} (verwacht: {pattern}, één map per maand).",
    "parquet.dataset_columns_missing": "De Parquet-bestanden op {location} missen de verplichte kolommen {columns}.",
    "parquet.dataset_required_empty": ("{rows} klantcontacten in de Parquet-bestanden op {location} hebben een leeg "
                                       "verplicht veld ({columns}); herstel de bestanden en voer store refresh "
                                       "opnieuw uit."),
    "parquet.table_not_in_dataset": ("{contacts} klantcontacten in de tabel van deze opslag staan niet in de dataset "
                                     "op {location}; exporteer ze eerst (store export-parquet) of geef "
                                     "--discard-table mee."),
    "parquet.not_parquet_mode": "Deze opslag bewaart de klantcontacten in een eigen tabel; hij leest geen Parquet-dataset.",
    "parquet.export_not_empty": "{out} bestaat al en is geen lege map; exporteer naar een nieuwe map.",
    "parquet.import_refused": ("Deze opslag leest de klantcontacten uit de Parquet-dataset op {location} en "
                               "importeert dus geen klantcontacten: zet het bestand van de nieuwe maand in die "
                               "dataset (één map per maand) en voer \"python -m analytics store refresh\" uit."),
}
