"""One import, described so that another process can run it: what the ``import`` command
was asked to do, as plain JSON-ready values.

The command line runs :func:`run_import` itself when it can open the store; when the
running dashboard holds the store, the same :class:`ImportJob` travels through the inbox
(``analytics.live.inbox``) and the dashboard runs :func:`run_import` on its connection, so
both ways give the same result.
"""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import duckdb

from analytics.access import Actor, Role
from analytics.importing import (
    ImportRefused, ImportResult, ImportSettings, complete_mapping, import_contacts, import_drivers, load_profile,
    read_columns, save_profile,
)
from analytics.importing.profiling import column_profiles
from analytics.importing.settings import IMPORT_KINDS


@dataclass(frozen=True)
class ImportJob:
    """What to import and how.

    Attributes
    ----------
    kind
        ``"contacts"`` or ``"drivers"``.
    flags
        Settings given as flags (``ImportSettings.to_dict()``); they beat the profile.
    profile
        Saved mapping profile to read the file with.
    save_profile
        Save the settings used under this name.
    driver_name
        The driver a ``drivers`` import fills.
    file_name
        Recorded in the import history (the name of the file the user gave).
    imported_by
        Who asked (recorded in the import history).
    language
        Language of a refusal message.
    actor_name, actor_role
        Who asked, as the access check sees them (``analytics.access``): the worker runs the
        job acting as this actor, so a viewer's job is refused and the audit log names the
        person who asked. Filled in by ``submit_job`` from the current actor.
    """

    kind: str
    flags: dict[str, Any] = field(default_factory=dict)
    profile: str | None = None
    save_profile: str | None = None
    driver_name: str | None = None
    file_name: str | None = None
    imported_by: str | None = None
    language: str | None = None
    actor_name: str | None = None
    actor_role: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in IMPORT_KINDS:
            raise ValueError(f"Unknown import kind {self.kind!r}; use 'contacts' or 'drivers'.")
        if self.kind == "drivers" and not self.driver_name:
            raise ValueError("A drivers import needs a driver name.")

    def actor(self) -> Actor | None:
        """The actor who asked for the job (see :func:`actor_named`)."""
        return actor_named(self.actor_name, self.actor_role)

    def requested_by(self, actor: Actor | None) -> ImportJob:
        """This job as asked for by ``actor`` (kept as it is when ``actor`` is None)."""
        if actor is None:
            return self
        return replace(self, actor_name=actor.name, actor_role=actor.role.name.lower())

    def settings(self) -> ImportSettings:
        return ImportSettings.from_json(self.flags) if self.flags else ImportSettings()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImportJob:
        known = {name for name in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})


def actor_named(name: str | None, role: str | None) -> Actor | None:
    """The actor a job names, or None when it names nobody.

    Raises
    ------
    ValueError
        When the job names an actor without a name or with an unknown role.
    """
    if name is None and role is None:
        return None
    if not (name or "").strip():
        raise ValueError("The job names a role but no user.")
    return Actor(name.strip(), Role.parse(role or ""))


def run_import(conn: duckdb.DuckDBPyConnection, path: str | os.PathLike, job: ImportJob) -> ImportResult:
    """Import ``path`` into the open, writable store as ``job`` says (profile, flags,
    detection, then the all-or-nothing import; the profile saved afterwards if asked).

    Raises
    ------
    ImportRefused
        Nothing was written (see ``import_contacts``), or the profile is of the other kind.
    """
    flags = job.settings()
    profile = None
    if job.profile:
        profile_kind, profile = load_profile(conn, job.profile)
        if profile_kind != job.kind:
            raise ImportRefused(f"The profile {job.profile!r} is for {profile_kind}, not {job.kind}.")
    settings = flags.merged_over(profile)
    columns, _ = read_columns(path, settings)
    settings = settings.with_changes(mapping=complete_mapping(settings.mapping, columns, job.kind, settings.constants,
                                                              column_profiles(path, settings)))
    common = {"profile": job.profile, "imported_by": job.imported_by, "file_name": job.file_name}
    if job.kind == "contacts":
        result = import_contacts(conn, path, settings, **common)
    else:
        result = import_drivers(conn, path, settings, driver_name=job.driver_name, **common)
    if job.save_profile:
        # Pin everything that was used except the encoding, which is re-detected each time.
        pinned = result.detected.with_changes(mapping=settings.mapping, encoding=settings.encoding)
        save_profile(conn, job.save_profile, job.kind, pinned)
    return result
