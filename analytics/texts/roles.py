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
}
