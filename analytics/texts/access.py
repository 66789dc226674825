"""Text for signing in, roles and refused changes."""

EN: dict[str, str] = {
    "auth.unconfigured": (
        "Sign-in is not set up for this dashboard, so nothing is shown. An administrator sets it up in "
        "`.streamlit/secrets.toml` (single sign-on with your identity provider, or user names with hashed "
        "passwords), or starts it with `CONTACTS_AUTH=local` for one local user (see the README, "
        "\"Security and reliability\")."
    ),
    "auth.user_name": "User name",
    "auth.password": "Password",
    "auth.sign_in": "Sign in",
    "auth.sign_in_with": "Sign in with {provider}",
    "auth.sign_out": "Sign out",
    "auth.signed_in_as": "Signed in as {name} ({role})",
    "auth.wrong_password": "That user name and password do not match. Check both and try again.",
    "auth.provider_help": "Sign in with your organisation's account to see the dashboard.",
    "auth.no_role": ("You are signed in as {name}, but no role on this dashboard is given to that account. "
                     "Ask an administrator to add it to the [roles] of the dashboard's secrets file."),
}

NL: dict[str, str] = {
    "auth.unconfigured": (
        "Aanmelden is voor dit dashboard niet ingesteld, dus er wordt niets getoond. Een beheerder stelt het in "
        "via `.streamlit/secrets.toml` (single sign-on met uw identiteitsprovider, of gebruikersnamen met "
        "gehashte wachtwoorden), of start het met `CONTACTS_AUTH=local` voor één lokale gebruiker (zie de README, "
        "\"Security and reliability\")."
    ),
    "auth.user_name": "Gebruikersnaam",
    "auth.password": "Wachtwoord",
    "auth.sign_in": "Aanmelden",
    "auth.sign_in_with": "Aanmelden met {provider}",
    "auth.sign_out": "Afmelden",
    "auth.signed_in_as": "Aangemeld als {name} ({role})",
    "auth.wrong_password": "Die gebruikersnaam en dat wachtwoord horen niet bij elkaar. Controleer beide en probeer het opnieuw.",
    "auth.provider_help": "Meld u aan met het account van uw organisatie om het dashboard te zien.",
    "auth.no_role": ("U bent aangemeld als {name}, maar dat account heeft geen rol op dit dashboard. "
                     "Vraag een beheerder het toe te voegen aan [roles] in het secrets-bestand van het dashboard."),
}
