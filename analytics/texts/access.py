"""Text for signing in, roles and refused changes."""

EN: dict[str, str] = {
    "access.denied": ("{name} is a {role} here and may not {what}: that needs the {needed} role. "
                      "Nothing was changed; ask an admin for the role if you need it."),
    "access.sign_in_to": "Sign in to {what}.",
    "access.what_give_people_roles": "give people roles",
    "access.what_make_a_backup": "make a backup",
    "access.what_read_what_customers_wrote": "read what customers wrote",
    "access.what_restore_a_backup": "restore a backup",
    "access.what_add_a_pilot": "add a pilot",
    "access.what_add_an_action": "add an action",
    "access.what_add_an_event": "add an event",
    "access.what_build_the_demo_store": "build the demo store",
    "access.what_change_actions": "change actions",
    "access.what_change_an_action": "change an action",
    "access.what_change_channel_groups_and_costs": "change channel groups and costs",
    "access.what_change_reason_owners_and_value_classes": "change reason owners and value classes",
    "access.what_change_the_holiday_country": "change the holiday country",
    "access.what_change_the_commercial_sector": "change the sector of the commercial days",
    "access.what_change_the_store": "change the store",
    "access.what_copy_the_contacts_back_into_the_store": "copy the contacts back into the store",
    "access.what_delete_a_pilot": "delete a pilot",
    "access.what_delete_an_action": "delete an action",
    "access.what_delete_an_event": "delete an event",
    "access.what_delete_an_import_profile": "delete an import profile",
    "access.what_edit_a_pilot": "edit a pilot",
    "access.what_import_contacts": "import contacts",
    "access.what_import_driver_values": "import driver values",
    "access.what_load_the_demo_data": "load the demo data",
    "access.what_refresh_the_contacts_from_their_source": "refresh the contacts from their source",
    "access.what_save_an_import_profile": "save an import profile",
    "access.what_switch_the_contacts_to_a_parquet_dataset": "switch the contacts to a Parquet dataset",
    "auth.unconfigured": (
        "Sign-in is not set up for this dashboard, so nothing is shown. An administrator sets it up in "
        "`.streamlit/secrets.toml` (single sign-on with your identity provider, or user names with hashed "
        "passwords), or starts it with `CONTACTS_AUTH=local` for one local user (see the README, "
        "\"Sign-in, roles and security\")."
    ),
    "auth.user_name": "User name",
    "auth.password": "Password",
    "auth.sign_in": "Sign in",
    "auth.sign_in_with": "Sign in with {provider}",
    "auth.sign_out": "Sign out",
    "auth.signed_in_as": "Signed in as {name} ({role})",
    "auth.local_mode": ":material/lock_open: No sign-in: one local user ({role}). Anyone who reaches this address can use it.",
    "auth.wrong_password": "That user name and password do not match. Check both and try again.",
    "auth.throttled": ("Too many wrong passwords for this user name. Wait {seconds} seconds before you try again; "
                       "the wait doubles with every further wrong password."),
    "auth.provider_help": "Sign in with your organisation's account to see the dashboard.",
    "auth.no_role": ("You are signed in as {name}, but no role on this dashboard is given to that account. "
                     "Ask an administrator to add it to the [roles] of the dashboard's secrets file."),
}

NL: dict[str, str] = {
    "access.denied": ("{name} is hier {role} en mag niet {what}: daarvoor is de rol {needed} nodig. "
                      "Er is niets gewijzigd; vraag een beheerder om de rol als u die nodig hebt."),
    "access.sign_in_to": "Meld u aan om {what}.",
    "access.what_give_people_roles": "mensen een rol geven",
    "access.what_make_a_backup": "een back-up maken",
    "access.what_read_what_customers_wrote": "lezen wat klanten schreven",
    "access.what_restore_a_backup": "een back-up terugzetten",
    "access.what_add_a_pilot": "een pilot toevoegen",
    "access.what_add_an_action": "een actie toevoegen",
    "access.what_add_an_event": "een gebeurtenis toevoegen",
    "access.what_build_the_demo_store": "de demo-opslag bouwen",
    "access.what_change_actions": "acties wijzigen",
    "access.what_change_an_action": "een actie wijzigen",
    "access.what_change_channel_groups_and_costs": "kanaalgroepen en kosten wijzigen",
    "access.what_change_reason_owners_and_value_classes": "eigenaren en waardeklassen van redenen wijzigen",
    "access.what_change_the_holiday_country": "het land van de feestdagen wijzigen",
    "access.what_change_the_commercial_sector": "de branche van de commerciële dagen wijzigen",
    "access.what_change_the_store": "de opslag wijzigen",
    "access.what_copy_the_contacts_back_into_the_store": "de contacten terug in de opslag kopiëren",
    "access.what_delete_a_pilot": "een pilot verwijderen",
    "access.what_delete_an_action": "een actie verwijderen",
    "access.what_delete_an_event": "een gebeurtenis verwijderen",
    "access.what_delete_an_import_profile": "een importprofiel verwijderen",
    "access.what_edit_a_pilot": "een pilot bewerken",
    "access.what_import_contacts": "contacten importeren",
    "access.what_import_driver_values": "driverwaarden importeren",
    "access.what_load_the_demo_data": "de demodata laden",
    "access.what_refresh_the_contacts_from_their_source": "de contacten uit hun bron verversen",
    "access.what_save_an_import_profile": "een importprofiel opslaan",
    "access.what_switch_the_contacts_to_a_parquet_dataset": "de contacten naar een Parquet-dataset omzetten",
    "auth.unconfigured": (
        "Aanmelden is voor dit dashboard niet ingesteld, dus er wordt niets getoond. Een beheerder stelt het in "
        "via `.streamlit/secrets.toml` (single sign-on met uw identiteitsprovider, of gebruikersnamen met "
        "gehashte wachtwoorden), of start het met `CONTACTS_AUTH=local` voor één lokale gebruiker (zie de README, "
        "\"Sign-in, roles and security\")."
    ),
    "auth.user_name": "Gebruikersnaam",
    "auth.password": "Wachtwoord",
    "auth.sign_in": "Aanmelden",
    "auth.sign_in_with": "Aanmelden met {provider}",
    "auth.sign_out": "Afmelden",
    "auth.signed_in_as": "Aangemeld als {name} ({role})",
    "auth.local_mode": ":material/lock_open: Geen aanmelding: één lokale gebruiker ({role}). Iedereen die dit adres bereikt, kan het gebruiken.",
    "auth.wrong_password": "Die gebruikersnaam en dat wachtwoord horen niet bij elkaar. Controleer beide en probeer het opnieuw.",
    "auth.throttled": ("Te veel verkeerde wachtwoorden voor deze gebruikersnaam. Wacht {seconds} seconden voordat u het "
                       "opnieuw probeert; de wachttijd verdubbelt bij elk volgend verkeerd wachtwoord."),
    "auth.provider_help": "Meld u aan met het account van uw organisatie om het dashboard te zien.",
    "auth.no_role": ("U bent aangemeld als {name}, maar dat account heeft geen rol op dit dashboard. "
                     "Vraag een beheerder het toe te voegen aan [roles] in het secrets-bestand van het dashboard."),
}
