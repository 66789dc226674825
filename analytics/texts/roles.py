"""Text for what a role may change: read-only notes for viewers, refused changes and the
audit log on the Data page."""

EN: dict[str, str] = {
    "roles.read_only": ("You are signed in as {name} ({role}): you can look at everything here but not change it. "
                        "Importing data and editing pilots, actions, reasons, channels and events needs the editor role."),
    "roles.nobody": "Sign in to change anything here.",
    "roles.role_viewer": "viewer",
    "roles.role_editor": "editor",
    "roles.role_admin": "admin",
    "data.section_audit_log": "Audit log",
    "roles.audit_help": ("The latest {count} changes to the store, newest first: who made them, when, what changed "
                         "and how it looked before and after. Only administrators see this list."),
    "roles.audit_empty": "No changes recorded yet.",
    "roles.col_logged_at": "When",
    "roles.col_actor_name": "Who",
    "roles.col_actor_role": "Role",
    "roles.col_action": "What",
    "roles.col_target": "Changed",
    "roles.col_before_json": "Before",
    "roles.col_after_json": "After",
    "roles.audit_who": "Who",
    "roles.audit_what": "What",
    "roles.audit_when": "When",
    "roles.audit_everybody": "Everybody",
    "roles.audit_every_action": "Every kind of change",
    "roles.audit_none_match": "No changes match these filters.",
    "roles.audit_export_stamp": "Audit log of the contact store, downloaded {at}",
    "data.section_users": "Users",
    "user_roles.help": ("The role each person has here. A person listed here gets this role, whatever the secrets "
                        "file or the identity provider says; everyone else gets the role from there. Add a row for a "
                        "new person (their e-mail address as they sign in), change a role, or delete a row, then "
                        "Save. Every change is in the audit log."),
    "user_roles.col_user_name": "User (e-mail address)",
    "user_roles.col_role": "Role",
    "user_roles.col_changed_at": "Changed",
    "user_roles.col_changed_by": "Changed by",
    "user_roles.saved": "Saved: {count} people have a role given here.",
    "user_roles.bad_role": "{name}: {role} is not a role. Choose viewer, editor or admin.",
    "user_roles.twice": "{name} is listed twice. Keep one row per person.",
    "user_roles.own_admin": ("You ({name}) cannot take away your own admin role here: nobody might be left to give it "
                             "back. Ask another admin."),
}

NL: dict[str, str] = {
    "roles.read_only": ("U bent aangemeld als {name} ({role}): u kunt hier alles bekijken maar niets wijzigen. "
                        "Voor importeren en het bewerken van pilots, acties, redenen, kanalen en gebeurtenissen is de "
                        "rol redacteur nodig."),
    "roles.nobody": "Meld u aan om hier iets te wijzigen.",
    "roles.role_viewer": "kijker",
    "roles.role_editor": "redacteur",
    "roles.role_admin": "beheerder",
    "data.section_audit_log": "Wijzigingslog",
    "roles.audit_help": ("De laatste {count} wijzigingen in de opslag, nieuwste eerst: wie ze deed, wanneer, wat er "
                         "veranderde en hoe het ervoor en erna was. Alleen beheerders zien deze lijst."),
    "roles.audit_empty": "Nog geen wijzigingen vastgelegd.",
    "roles.col_logged_at": "Wanneer",
    "roles.col_actor_name": "Wie",
    "roles.col_actor_role": "Rol",
    "roles.col_action": "Wat",
    "roles.col_target": "Gewijzigd",
    "roles.col_before_json": "Ervoor",
    "roles.col_after_json": "Erna",
    "roles.audit_who": "Wie",
    "roles.audit_what": "Wat",
    "roles.audit_when": "Wanneer",
    "roles.audit_everybody": "Iedereen",
    "roles.audit_every_action": "Elk soort wijziging",
    "roles.audit_none_match": "Geen wijzigingen die bij deze filters passen.",
    "roles.audit_export_stamp": "Wijzigingslog van de contactopslag, gedownload {at}",
    "data.section_users": "Gebruikers",
    "user_roles.help": ("De rol die iedereen hier heeft. Wie hier staat, krijgt deze rol, wat het secrets-bestand of "
                        "de identiteitsprovider ook zegt; alle anderen krijgen hun rol daarvandaan. Voeg een rij toe "
                        "voor een nieuwe gebruiker (het e-mailadres waarmee die zich aanmeldt), wijzig een rol of "
                        "verwijder een rij, en klik op Opslaan. Elke wijziging staat in het wijzigingslog."),
    "user_roles.col_user_name": "Gebruiker (e-mailadres)",
    "user_roles.col_role": "Rol",
    "user_roles.col_changed_at": "Gewijzigd",
    "user_roles.col_changed_by": "Gewijzigd door",
    "user_roles.saved": "Opgeslagen: {count} gebruikers hebben hier een rol.",
    "user_roles.bad_role": "{name}: {role} is geen rol. Kies kijker, redacteur of beheerder.",
    "user_roles.twice": "{name} staat er twee keer in. Houd één rij per gebruiker.",
    "user_roles.own_admin": ("U ({name}) kunt uw eigen beheerdersrol hier niet intrekken: dan is er misschien niemand "
                             "meer die hem kan teruggeven. Vraag het een andere beheerder."),
}
