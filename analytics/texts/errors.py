"""Messages for input the app refuses (a pilot without a name, an empty file): the reader
sees them in an error box, so they are worded for a user, not for a developer."""

EN: dict[str, str] = {
    # the store
    "errors.store_no_contacts": "The store has no contacts.",
    "errors.query_timeout": ("This view took longer than {seconds} seconds and was stopped; nothing was changed. "
                             "Choose a shorter period or fewer filters and try again."),
    # pilots: registry
    "errors.pilot_reason_path_empty": "A reason path cannot be empty.",
    "errors.pilot_name_missing": "A pilot needs a name.",
    "errors.pilot_name_too_long": "A pilot name has at most {limit} characters.",
    "errors.pilot_target_missing": "A pilot needs at least one target reason (e.g. \"Delivery > Status unknown\").",
    "errors.pilot_reason_unknown": "Unknown reason {reason}: no contacts or reason-tree entry has that path.",
    "errors.pilot_channel_unknown": "Unknown channel {channel}.",
    "errors.pilot_ends_before_start": "The pilot ends before it starts.",
    "errors.pilot_rollout_too_early": "The rollout date must come after the pilot's last day.",
    "errors.pilot_status_invalid": "Status must be one of {choices}, not {status}.",
    "errors.pilot_expected_effect_range": "The expected effect is relative (e.g. -0.2 for 20% fewer contacts) "
                                          "and above -1.",
    "errors.pilot_control_overlaps": "A control reason cannot overlap the pilot's target reasons.",
    "errors.pilot_name_taken": "A pilot called {name} already exists.",
    "errors.pilot_not_found": "There is no pilot called {name}.",
    # pilots: planner and evaluation
    "errors.pilot_plan_weeks": "Plan a pilot of 1 to {weeks} weeks.",
    "errors.pilot_plan_no_contacts": "There are no contacts for this target.",
    "errors.pilot_starts_after_data": "The pilot starts on {start}, after the last day of data ({last}): "
                                      "nothing to evaluate yet.",
    "errors.pilot_starts_before_data": "The pilot starts before the data does: there is no history to compare with.",
    "errors.pilot_no_contacts": "There are no contacts for this pilot's reasons, channels and segment.",
    # actions
    "errors.action_not_found": "There is no action {action_id}.",
    "errors.action_reason_missing": "An action needs a contact reason.",
    "errors.action_level3_needs_level2": "A third-level reason needs its second level.",
    "errors.action_reason_unknown": "The reason {reason} is not in the reason tree.",
    "errors.action_text_missing": "An action needs a description of what will be done.",
    "errors.action_status_invalid": "Status must be one of {choices}, not {status}.",
    # edits on the Data page
    "errors.edit_channel_group": "Channel {channel}: group must be one of {choices}.",
    "errors.edit_channel_cost_negative": "Channel {channel}: a cost per contact cannot be negative.",
    "errors.edit_channel_cost_not_a_number": "Channel {channel}: {text} is not an amount; type it as 3.50.",
    "errors.edit_value_class": "Value class must be one of {choices}, not {value_class}.",
    "errors.event_name_missing": "An event needs a name.",
    "errors.event_kind_invalid": "Event kind must be one of {choices}.",
    "errors.event_ends_before_start": "An event cannot end before it starts.",
    # weekly report
    "errors.report_no_complete_week": "The store has no complete week with 8 weeks of data before it.",
    "errors.report_week_not_complete": "Week {week} is not a complete week with 8 weeks of data before it; "
                                       "choose one from {first} to {last}.",
    "errors.report_week_no_contacts": "There are no contacts in week {week} under these filters.",
    "errors.report_pilot_unknown": "No pilot named \"{name}\". Known pilots: {known}.",
    "errors.report_pilot_none_registered": "none registered",
    "errors.weekly_week_code": "A week is written like 2026-W23, not {code}.",
    "errors.weekly_not_monday": "A report week starts on a Monday; {day} is not one.",
    # ratios
    "errors.ratio_period_reversed": "The period ends before it starts.",
    "errors.ratio_driver_grain": "The {driver} driver is stored per {driver_grain}: a ratio per {grain} would need "
                                 "invented {driver} values; use {grains}.",
    "errors.ratio_or": " or ",
    # importing a file
    "errors.import_file_missing": "The file {file} does not exist.",
    "errors.import_file_empty": "The file {file} is empty.",
    "errors.import_file_too_large": "The file {file} is {size}, over the import limit of {limit} "
                                    "(set CONTACTS_MAX_IMPORT_MB to raise it).",
    "errors.import_old_excel": "{file} is an old Excel 97-2003 (.xls) workbook or a protected one; "
                               "save it as .xlsx or CSV and import that.",
    "errors.import_unknown_type": "{file} has an unknown file type {suffix}; "
                                  "import a CSV (.csv, .txt, .tsv), Excel (.xlsx) or Parquet (.parquet) file.",
    "errors.import_no_extension": "(no extension)",
    "errors.import_wrong_extension": "{file} is named {suffix} but its content is {content}; "
                                     "export it again as CSV (.csv, .txt, .tsv), Excel (.xlsx) or Parquet (.parquet), "
                                     "or give it the right extension.",
    "errors.import_content_xlsx": "an Excel workbook",
    "errors.import_content_ods": "an OpenDocument spreadsheet (.ods)",
    "errors.import_content_pdf": "a PDF document",
    "errors.import_content_zip": "a ZIP archive",
    "errors.import_content_parquet": "a Parquet file",
    "errors.import_content_binary": "a binary file",
    "errors.import_content_csv": "a text file",
    "errors.import_unknown_encoding": "Unknown text encoding {encoding}; use for example utf-8 or cp1252.",
    "errors.import_not_utf8_or_cp1252": "{file} is neither UTF-8 nor Windows-1252 text (byte {byte}); "
                                        "save it as UTF-8 and import it again.",
    "errors.import_not_utf8_or": "{file} is neither UTF-8 nor valid {encoding} text (byte {byte}); "
                                 "save it as UTF-8 and import it again.",
    "errors.import_bad_encoding": "{file} is not valid {encoding} text (byte {byte}); "
                                  "give the right encoding, for example --encoding cp1252.",
    "errors.import_no_header": "The file has no header line with column names.",
    "errors.import_parquet_unreadable": "{file} could not be read as a Parquet file ({detail}).",
    "errors.import_no_columns": "{file} has no columns.",
    "errors.import_unknown_field": "Unknown field {field} in the column mapping; the fields are: {fields}.",
    "errors.import_required_unmapped": "No column is mapped to the required field {field}; "
                                       "map one of the file's columns to it (for example --map {target}=COLUMN).",
    "errors.import_required_unset": "No column is mapped to the required field {field}; map one of the file's "
                                    "columns to it, or give it one value for the whole file (for example "
                                    "--map {target}=COLUMN or --set {target}=VALUE).",
    "errors.import_column_missing": "The column {column} mapped to {field} is not in the file; "
                                    "its columns are: {columns}.",
    "errors.import_excel_unreadable": "{file} could not be opened as an Excel workbook ({detail}).",
    "errors.import_no_sheet": "{file} has no sheet {sheet}; its sheets are: {sheets}.",
    "errors.import_sheet_empty": "The sheet {sheet} of {file} is empty.",
    "errors.import_excel_too_large": "{file} unpacks to {size}, over the {limit} an Excel import reads; "
                                     "export the sheet as CSV, which has no such limit.",
    "errors.import_excel_dtd": "{file} holds an XML document type declaration (in {part}), which Excel never "
                               "writes and which can hide an attack; it was not opened. Save the sheet again "
                               "from Excel or export it as CSV.",
    "errors.import_sheet_too_large": "The sheet {sheet} of {file} {extent}; an Excel import reads at most {rows} "
                                     "rows, {columns} columns and {cells} cells. Export the sheet as CSV, which has "
                                     "no such limit.",
    "errors.import_sheet_declares": "declares {rows} rows and {columns} columns",
    "errors.import_sheet_rows": "has more than {rows} rows",
    "errors.import_sheet_cells": "has more than {cells} cells",
    "errors.import_no_rows": "{file} has a header but no data rows.",
    "errors.import_line": "Line {line}",
    "errors.import_dates_implausible": ("The column {column} reads best as dates from {first} to {last} (for example "
                                        "{example} with {format}), which a contact log cannot hold (before 1990 or "
                                        "after tomorrow). Check that this is the date column, or give its format."),
    "errors.import_dates_ambiguous": ("The dates in the column {column} can be read in more than one way: {choices}. "
                                      "Choose the one that is right."),
    "errors.import_dates_reading": "{example} (format {format})",
    "errors.import_shared_ids": ("The contact id in {column} repeats in {rows} of {total} rows with another start "
                                 "time: different contacts share it, and only the first of each would be kept."),
    "errors.import_shared_ids_partner": ("Together with {partner} it is unique: map both columns to the contact id "
                                         "(--map contact_id=COLUMN twice)."),
    "errors.edit_country_unknown": "{code} is not a country whose public holidays are known; use an ISO code such as NL, BE, DE or US.",
    "errors.edit_sector_unknown": "{sector} is not a sector of the commercial-day calendar; choose one of {sectors}.",
    "errors.import_only_column": "The column {column}, which rows are chosen by, is not in the file.",
    "errors.import_constant_field": ("{field} differs from contact to contact, so it cannot be one value for the whole "
                                     "file; one value fits only {fields}."),
    "errors.import_unit": "The unit {unit} of {field} is not one this import knows; use one of {units}.",
    "errors.import_date_too_early": "a date before 1990, which a contact log cannot hold",
    "errors.import_date_too_late": "a date after tomorrow, which a contact log cannot hold",
    "errors.import_mostly_broken": ("{broken} of the {rows} rows of {file} cannot be read ({where}: {reason}), so the "
                                    "file is not what it seems: check that it is separated by {delimiter} and "
                                    "that it was saved whole."),
    "errors.import_broken_fields": "this line has {found} fields where the header has {expected} (separated by {delimiter})",
    "errors.import_broken_fields_few": "this line has fewer fields than the header (separated by {delimiter})",
    "errors.import_broken_quote": "this line has a quote (\") that is not closed, or text after a closing quote",
    "errors.import_broken_too_long": "this line is longer than an import reads (64 MB)",
    "errors.import_broken_other": "this line cannot be read as a row of the file",
    "errors.delimiter_plural_comma": "commas",
    "errors.delimiter_plural_semicolon": "semicolons",
    "errors.delimiter_plural_tab": "tabs",
    "errors.delimiter_plural_pipe": "vertical bars (|)",
    "errors.import_a_line": "A line",
    "errors.import_line_encoding": "{where} of {file} is not valid {encoding} text; "
                                   "give the right encoding, for example --encoding cp1252.",
    "errors.import_line_fields": "{where} has {found} fields but the header has {expected}; check the "
                                 "delimiter ({delimiter}) and that text containing it is quoted.",
    "errors.import_line_quote": "{where} has a quote (\") that is not closed properly; fix that line. "
                                "Nothing was imported.",
    "errors.import_stray_quote": "A line of {file} has a quote (\") inside a field that is not quoted, or text "
                                 "after a closing quote; quote the whole field and double the quotes in it, or "
                                 "check the delimiter ({delimiter}).",
    "errors.import_unreadable": "{file} could not be read: {detail}",
    "errors.import_column_empty": "The column {column} mapped to {field} is empty in every row; check the mapping.",
    "errors.import_dates_bad": "{bad} of {rows} values in the column {column} are not dates in the format {format}; "
                               "check the mapping or give the right --date-format.",
    "errors.import_dates_unreadable": "The column {column} does not hold dates this import can read (for example "
                                      "{example}); check the mapping or give the format, for example "
                                      "--date-format '%d-%m-%Y %H:%M'.",
    "errors.import_decimal_mark": "The decimal mark must be '.' or ',', not {decimal}.",
    "errors.import_delimiter": "The delimiter must be one character, not {delimiter}.",
    "errors.import_profile_name_missing": "A mapping profile needs a name.",
    "errors.import_profile_unknown": "There is no mapping profile named {name} ({known}).",
    "errors.import_profiles_saved": "saved profiles: {names}",
    "errors.import_profiles_none": "no profiles are saved yet",
    "errors.import_driver_name_missing": "Give the driver a name (for example --name orders).",
    "errors.import_bad_encoding@app": "{file} is not valid {encoding} text (byte {byte}); choose the right "
                                      "encoding under \"How the file is read\" (for example Windows-1252).",
    "errors.import_line_encoding@app": "{where} of {file} is not valid {encoding} text; choose the right encoding "
                                       "under \"How the file is read\".",
    "errors.import_required_unmapped@app": "Choose the column that holds {label} under \"Which column holds what\".",
    "errors.import_required_unset@app": ("Choose the column that holds {label} under \"Which column holds what\", or "
                                         "choose \"One value for the whole file\" there and type it."),
    "errors.import_shared_ids_partner@app": ("Together with {partner} it is unique: choose {partner} as the second "
                                             "column of the contact id."),
    "errors.import_dates_bad@app": ("{bad} of {rows} values in the column {column} are not dates in the format {format}; "
                                    "check the date column, or type its format under \"How the file is read\"."),
    "errors.import_dates_unreadable@app": ("The column {column} does not hold dates this import can read (for example "
                                           "{example}); choose another date column, or type its format under "
                                           "\"How the file is read\"."),
    "errors.import_driver_name_missing@app": "Give the driver a name in the box \"Driver name\".",
}

NL: dict[str, str] = {
    # the store
    "errors.store_no_contacts": "De contactopslag bevat geen klantcontacten.",
    "errors.query_timeout": ("Deze weergave duurde langer dan {seconds} seconden en is gestopt; er is niets gewijzigd. "
                             "Kies een kortere periode of minder filters en probeer het opnieuw."),
    # pilots: registry
    "errors.pilot_reason_path_empty": "Een contactredenpad kan niet leeg zijn.",
    "errors.pilot_name_missing": "Een proef heeft een naam nodig.",
    "errors.pilot_name_too_long": "De naam van een proef heeft hoogstens {limit} tekens.",
    "errors.pilot_target_missing": "Een proef heeft minstens één doelcontactreden nodig (bijv. "
                                   "\"Delivery > Status unknown\").",
    "errors.pilot_reason_unknown": "Onbekende contactreden {reason}: geen klantcontact of onderdeel van de redenboom "
                                   "heeft dat pad.",
    "errors.pilot_channel_unknown": "Onbekend kanaal {channel}.",
    "errors.pilot_ends_before_start": "De proef eindigt voordat hij begint.",
    "errors.pilot_rollout_too_early": "De uitroldatum moet na de laatste dag van de proef liggen.",
    "errors.pilot_status_invalid": "De status moet een van {choices} zijn, niet {status}.",
    "errors.pilot_expected_effect_range": "Het verwachte effect is relatief (bijv. -0,2 voor 20% minder "
                                          "klantcontacten) en groter dan -1.",
    "errors.pilot_control_overlaps": "Een controlereden mag niet overlappen met de doelcontactredenen van de proef.",
    "errors.pilot_name_taken": "Er bestaat al een proef met de naam {name}.",
    "errors.pilot_not_found": "Er is geen proef met de naam {name}.",
    # pilots: planner and evaluation
    "errors.pilot_plan_weeks": "Plan een proef van 1 tot en met {weeks} weken.",
    "errors.pilot_plan_no_contacts": "Er zijn geen klantcontacten voor dit doel.",
    "errors.pilot_starts_after_data": "De proef begint op {start}, na de laatste dag met gegevens ({last}): "
                                      "er valt nog niets te evalueren.",
    "errors.pilot_starts_before_data": "De proef begint eerder dan de gegevens: er is geen historie om mee te "
                                       "vergelijken.",
    "errors.pilot_no_contacts": "Er zijn geen klantcontacten voor de contactredenen, kanalen en het segment van "
                                "deze proef.",
    # actions
    "errors.action_not_found": "Er is geen actie {action_id}.",
    "errors.action_reason_missing": "Een actie heeft een contactreden nodig.",
    "errors.action_level3_needs_level2": "Een contactreden op het derde niveau heeft ook zijn tweede niveau nodig.",
    "errors.action_reason_unknown": "De contactreden {reason} staat niet in de redenboom.",
    "errors.action_text_missing": "Een actie heeft een beschrijving nodig van wat er gedaan wordt.",
    "errors.action_status_invalid": "De status moet een van {choices} zijn, niet {status}.",
    # edits on the Data page
    "errors.edit_channel_group": "Kanaal {channel}: de groep moet een van {choices} zijn.",
    "errors.edit_channel_cost_negative": "Kanaal {channel}: de kosten per klantcontact kunnen niet negatief zijn.",
    "errors.edit_channel_cost_not_a_number": "Kanaal {channel}: {text} is geen bedrag; typ het als 3,50.",
    "errors.edit_value_class": "De waardeklasse moet een van {choices} zijn, niet {value_class}.",
    "errors.event_name_missing": "Een gebeurtenis heeft een naam nodig.",
    "errors.event_kind_invalid": "Het soort gebeurtenis moet een van {choices} zijn.",
    "errors.event_ends_before_start": "Een gebeurtenis kan niet eindigen voordat ze begint.",
    # weekly report
    "errors.report_no_complete_week": "De contactopslag heeft geen volledige week met 8 weken gegevens ervoor.",
    "errors.report_week_not_complete": "Week {week} is geen volledige week met 8 weken gegevens ervoor; "
                                       "kies een week van {first} tot en met {last}.",
    "errors.report_week_no_contacts": "Er zijn geen klantcontacten in week {week} met deze filters.",
    "errors.report_pilot_unknown": "Geen proef met de naam \"{name}\". Bekende proeven: {known}.",
    "errors.report_pilot_none_registered": "geen geregistreerd",
    "errors.weekly_week_code": "Een week schrijf je als 2026-W23, niet {code}.",
    "errors.weekly_not_monday": "Een rapportweek begint op maandag; {day} is geen maandag.",
    # ratios
    "errors.ratio_period_reversed": "De periode eindigt voordat ze begint.",
    "errors.ratio_driver_grain": "De driver {driver} is per {driver_grain} opgeslagen: een ratio per {grain} zou "
                                 "verzonnen waarden voor {driver} nodig hebben; kies {grains}.",
    "errors.ratio_or": " of ",
    # importing a file
    "errors.import_file_missing": "Het bestand {file} bestaat niet.",
    "errors.import_file_empty": "Het bestand {file} is leeg.",
    "errors.import_file_too_large": "Het bestand {file} is {size}, meer dan de importlimiet van {limit} "
                                    "(zet CONTACTS_MAX_IMPORT_MB hoger om die te verhogen).",
    "errors.import_old_excel": "{file} is een oude Excel 97-2003-werkmap (.xls) of een beveiligde; "
                               "sla het op als .xlsx of CSV en importeer dat.",
    "errors.import_unknown_type": "{file} heeft een onbekend bestandstype {suffix}; importeer een CSV- (.csv, "
                                  ".txt, .tsv), Excel- (.xlsx) of Parquet-bestand (.parquet).",
    "errors.import_no_extension": "(geen extensie)",
    "errors.import_wrong_extension": "{file} heet {suffix}, maar de inhoud is {content}; "
                                     "exporteer het opnieuw als CSV (.csv, .txt, .tsv), Excel (.xlsx) of Parquet "
                                     "(.parquet), of geef het de juiste extensie.",
    "errors.import_content_xlsx": "een Excel-werkmap",
    "errors.import_content_ods": "een OpenDocument-rekenblad (.ods)",
    "errors.import_content_pdf": "een PDF-document",
    "errors.import_content_zip": "een ZIP-archief",
    "errors.import_content_parquet": "een Parquet-bestand",
    "errors.import_content_binary": "een binair bestand",
    "errors.import_content_csv": "een tekstbestand",
    "errors.import_unknown_encoding": "Onbekende tekencodering {encoding}; gebruik bijvoorbeeld utf-8 of cp1252.",
    "errors.import_not_utf8_or_cp1252": "{file} is geen UTF-8- en ook geen Windows-1252-tekst (byte {byte}); "
                                        "sla het op als UTF-8 en importeer het opnieuw.",
    "errors.import_not_utf8_or": "{file} is geen UTF-8- en ook geen geldige {encoding}-tekst (byte {byte}); "
                                 "sla het op als UTF-8 en importeer het opnieuw.",
    "errors.import_bad_encoding": "{file} is geen geldige {encoding}-tekst (byte {byte}); "
                                  "geef de juiste codering op, bijvoorbeeld --encoding cp1252.",
    "errors.import_no_header": "Het bestand heeft geen kopregel met kolomnamen.",
    "errors.import_parquet_unreadable": "{file} kon niet als Parquet-bestand gelezen worden ({detail}).",
    "errors.import_no_columns": "{file} heeft geen kolommen.",
    "errors.import_unknown_field": "Onbekend veld {field} in de kolomtoewijzing; de velden zijn: {fields}.",
    "errors.import_required_unmapped": "Er is geen kolom toegewezen aan het verplichte veld {field}; wijs er een "
                                       "van de kolommen van het bestand aan toe (bijvoorbeeld --map {target}=KOLOM).",
    "errors.import_required_unset": "Er is geen kolom toegewezen aan het verplichte veld {field}; wijs er een "
                                    "van de kolommen van het bestand aan toe, of geef het één waarde voor het hele "
                                    "bestand (bijvoorbeeld --map {target}=KOLOM of --set {target}=WAARDE).",
    "errors.import_column_missing": "De kolom {column}, toegewezen aan {field}, staat niet in het bestand; "
                                    "de kolommen zijn: {columns}.",
    "errors.import_excel_unreadable": "{file} kon niet als Excel-werkmap geopend worden ({detail}).",
    "errors.import_no_sheet": "{file} heeft geen werkblad {sheet}; de werkbladen zijn: {sheets}.",
    "errors.import_sheet_empty": "Het werkblad {sheet} van {file} is leeg.",
    "errors.import_excel_too_large": "{file} is uitgepakt {size}, meer dan de {limit} die een Excel-import "
                                     "leest; exporteer het werkblad als CSV, dat die grens niet heeft.",
    "errors.import_excel_dtd": "{file} bevat een XML-documenttypedeclaratie (in {part}), die Excel nooit schrijft "
                               "en die een aanval kan verbergen; het bestand is niet geopend. Sla het werkblad "
                               "opnieuw op vanuit Excel of exporteer het als CSV.",
    "errors.import_sheet_too_large": "Het werkblad {sheet} van {file} {extent}; een Excel-import leest ten hoogste "
                                     "{rows} rijen, {columns} kolommen en {cells} cellen. Exporteer het werkblad als "
                                     "CSV, dat die grens niet heeft.",
    "errors.import_sheet_declares": "geeft {rows} rijen en {columns} kolommen op",
    "errors.import_sheet_rows": "heeft meer dan {rows} rijen",
    "errors.import_sheet_cells": "heeft meer dan {cells} cellen",
    "errors.import_no_rows": "{file} heeft een kopregel maar geen gegevensregels.",
    "errors.import_line": "Regel {line}",
    "errors.import_dates_implausible": ("De kolom {column} laat zich het best lezen als datums van {first} tot {last} "
                                        "(bijvoorbeeld {example} met {format}), en die kan een contactlog niet "
                                        "bevatten (vóór 1990 of na morgen). Controleer of dit de datumkolom is, of "
                                        "geef het formaat op."),
    "errors.import_dates_ambiguous": ("De datums in de kolom {column} zijn op meer dan één manier te lezen: {choices}. "
                                      "Kies de juiste."),
    "errors.import_dates_reading": "{example} (formaat {format})",
    "errors.import_shared_ids": ("Het contact-id in {column} komt in {rows} van de {total} rijen terug met een andere "
                                 "starttijd: verschillende contacten delen het, en alleen de eerste van elk zou "
                                 "worden bewaard."),
    "errors.import_shared_ids_partner": ("Samen met {partner} is het uniek: wijs beide kolommen toe aan het contact-id "
                                         "(--map contact_id=KOLOM twee keer)."),
    "errors.edit_country_unknown": "{code} is geen land waarvan de feestdagen bekend zijn; gebruik een ISO-code zoals NL, BE, DE of US.",
    "errors.edit_sector_unknown": "{sector} is geen branche van de kalender van commerciële dagen; kies uit {sectors}.",
    "errors.import_only_column": "De kolom {column}, waarop rijen worden gekozen, staat niet in het bestand.",
    "errors.import_constant_field": ("{field} verschilt per contact en kan dus niet één waarde voor het hele bestand "
                                     "zijn; één waarde past alleen bij {fields}."),
    "errors.import_unit": "De eenheid {unit} van {field} kent deze import niet; gebruik een van {units}.",
    "errors.import_date_too_early": "een datum vóór 1990, en die kan een contactlog niet bevatten",
    "errors.import_date_too_late": "een datum na morgen, en die kan een contactlog niet bevatten",
    "errors.import_mostly_broken": ("{broken} van de {rows} rijen van {file} zijn niet te lezen ({where}: {reason}), "
                                    "dus het bestand is niet wat het lijkt: controleer of het met {delimiter} "
                                    "gescheiden is en of het volledig is opgeslagen."),
    "errors.import_broken_fields": "deze regel heeft {found} velden waar de kopregel er {expected} heeft (gescheiden door {delimiter})",
    "errors.import_broken_fields_few": "deze regel heeft minder velden dan de kopregel (gescheiden door {delimiter})",
    "errors.import_broken_quote": "deze regel heeft een aanhalingsteken (\") dat niet gesloten wordt, of tekst na een sluitend aanhalingsteken",
    "errors.import_broken_too_long": "deze regel is langer dan een import leest (64 MB)",
    "errors.import_broken_other": "deze regel is niet te lezen als rij van het bestand",
    "errors.delimiter_plural_comma": "komma's",
    "errors.delimiter_plural_semicolon": "puntkomma's",
    "errors.delimiter_plural_tab": "tabs",
    "errors.delimiter_plural_pipe": "verticale strepen (|)",
    "errors.import_a_line": "Een regel",
    "errors.import_line_encoding": "{where} van {file} is geen geldige {encoding}-tekst; "
                                   "geef de juiste codering op, bijvoorbeeld --encoding cp1252.",
    "errors.import_line_fields": "{where} heeft {found} velden, maar de kopregel heeft er {expected}; controleer "
                                 "het scheidingsteken ({delimiter}) en of tekst waarin het voorkomt tussen "
                                 "aanhalingstekens staat.",
    "errors.import_line_quote": "{where} heeft een aanhalingsteken (\") dat niet goed gesloten is; herstel die "
                                "regel.",
    "errors.import_stray_quote": "Een regel van {file} heeft een aanhalingsteken (\") in een veld dat niet tussen "
                                 "aanhalingstekens staat, of tekst na een sluitend aanhalingsteken; zet het hele "
                                 "veld tussen aanhalingstekens en verdubbel de aanhalingstekens erin, of controleer "
                                 "het scheidingsteken ({delimiter}).",
    "errors.import_unreadable": "{file} kon niet gelezen worden: {detail}",
    "errors.import_column_empty": "De kolom {column}, toegewezen aan {field}, is in elke rij leeg; "
                                  "controleer de toewijzing.",
    "errors.import_dates_bad": "{bad} van de {rows} waarden in de kolom {column} zijn geen datums in het formaat "
                               "{format}; controleer de toewijzing of geef het juiste --date-format op.",
    "errors.import_dates_unreadable": "De kolom {column} bevat geen datums die deze import kan lezen (bijvoorbeeld "
                                      "{example}); controleer de toewijzing of geef het formaat op, bijvoorbeeld "
                                      "--date-format '%d-%m-%Y %H:%M'.",
    "errors.import_decimal_mark": "Het decimaalteken moet '.' of ',' zijn, niet {decimal}.",
    "errors.import_delimiter": "Het scheidingsteken moet één teken zijn, niet {delimiter}.",
    "errors.import_profile_name_missing": "Een toewijzingsprofiel heeft een naam nodig.",
    "errors.import_profile_unknown": "Er is geen toewijzingsprofiel met de naam {name} ({known}).",
    "errors.import_profiles_saved": "opgeslagen profielen: {names}",
    "errors.import_profiles_none": "er zijn nog geen profielen opgeslagen",
    "errors.import_driver_name_missing": "Geef de driver een naam (bijvoorbeeld --name orders).",
    "errors.import_bad_encoding@app": "{file} is geen geldige {encoding}-tekst (byte {byte}); kies de juiste codering "
                                      "onder \"Hoe het bestand wordt gelezen\" (bijvoorbeeld Windows-1252).",
    "errors.import_line_encoding@app": "{where} van {file} is geen geldige {encoding}-tekst; kies de juiste codering "
                                       "onder \"Hoe het bestand wordt gelezen\".",
    "errors.import_required_unmapped@app": "Kies de kolom met {label} onder \"Welke kolom bevat wat\".",
    "errors.import_required_unset@app": ("Kies de kolom met {label} onder \"Welke kolom bevat wat\", of kies daar "
                                         "\"Eén waarde voor het hele bestand\" en typ die."),
    "errors.import_shared_ids_partner@app": ("Samen met {partner} is het uniek: kies {partner} als tweede kolom van het "
                                             "contact-id."),
    "errors.import_dates_bad@app": ("{bad} van de {rows} waarden in de kolom {column} zijn geen datums in het formaat "
                                    "{format}; controleer de datumkolom, of typ het formaat onder \"Hoe het bestand "
                                    "wordt gelezen\"."),
    "errors.import_dates_unreadable@app": ("De kolom {column} bevat geen datums die deze import kan lezen (bijvoorbeeld "
                                           "{example}); kies een andere datumkolom, of typ het formaat onder \"Hoe het "
                                           "bestand wordt gelezen\"."),
    "errors.import_driver_name_missing@app": "Geef de driver een naam in het vak \"Naam van de driver\".",
}
