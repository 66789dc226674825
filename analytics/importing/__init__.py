"""Importing contact and driver exports (CSV, .xlsx, Parquet) into the contact store.

The pages and the command line use only what is exported here. Reading a file: ``reading``
and ``sources`` (type, encoding, delimiter, header), ``mapping`` (which column feeds which
field), ``conversion`` and ``staging`` (text to typed values, checked in one SQL pass),
``lines`` (file line numbers of rejects); writing: ``contacts``, ``drivers``, ``profiles``.
"""

from analytics.importing.contacts import import_contacts, inferred_csat_scale, preview_contacts
from analytics.importing.drivers import import_drivers
from analytics.importing.mapping import complete_mapping, suggest_mapping
from analytics.importing.profiles import delete_profile, list_profiles, load_profile, save_profile
from analytics.importing.settings import (
    CONTACT_FIELDS, DRIVER_FIELDS, MAX_FILE_BYTES, REQUIRED_CONTACT_FIELDS, REQUIRED_DRIVER_FIELDS,
    ImportRefused, ImportResult, ImportSettings, max_file_bytes,
)
from analytics.importing.sources import read_columns

__all__ = [
    "CONTACT_FIELDS", "DRIVER_FIELDS", "MAX_FILE_BYTES", "REQUIRED_CONTACT_FIELDS", "REQUIRED_DRIVER_FIELDS",
    "ImportRefused", "ImportResult", "ImportSettings", "complete_mapping", "delete_profile", "import_contacts",
    "import_drivers", "inferred_csat_scale", "list_profiles", "load_profile", "max_file_bytes",
    "preview_contacts", "read_columns", "save_profile", "suggest_mapping",
]
