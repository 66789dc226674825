"""A watched folder: export files dropped into it are imported, then filed away.

A file is taken once its size and modification time were the same on two looks in a row
(a copy in progress keeps growing), and never while its name says it is unfinished or
not an export (``.part``, ``.tmp``, ``.crdownload``, Office's ``~$`` lock files, dotfiles).
After the import it moves to ``imported/`` (or ``failed/``, with the reason) and a
``<file>.result.json`` beside it holds the import's summary or the refusal.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

IMPORTED, FAILED, QUEUED = "imported", "failed", "queued"
SUBFOLDERS = (IMPORTED, FAILED, QUEUED)
UNFINISHED_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", ".swp", ".lock",
                       ".result.json")


def is_candidate(path: Path) -> bool:
    """Whether ``path`` looks like a finished export (not a dotfile, lock or partial copy)."""
    name = path.name
    return (path.is_file() and not name.startswith((".", "~$", "~"))
            and not name.lower().endswith(UNFINISHED_SUFFIXES))


@dataclass
class StableFiles:
    """Remembers what each look saw; a file is ready when two looks in a row saw the
    same size and modification time."""

    seen: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def look(self, folder: Path) -> list[Path]:
        """The files that were unchanged since the previous look, oldest first."""
        now: dict[Path, tuple[int, int]] = {}
        for path in folder.iterdir():
            if is_candidate(path):
                try:
                    stat = path.stat()
                except FileNotFoundError:
                    continue
                now[path] = (stat.st_size, stat.st_mtime_ns)
        ready = [p for p, sig in now.items() if self.seen.get(p) == sig and sig[0] > 0]
        self.seen = {p: sig for p, sig in now.items() if p not in ready}
        return sorted(ready, key=lambda p: (now[p][1], p.name))


def file_away(folder: Path, path: Path, outcome: str, record: dict[str, Any]) -> Path:
    """Move ``path`` into ``folder/<outcome>/`` (a name already there gets a time prefix)
    and write ``<name>.result.json`` beside it; return the new path."""
    target_dir = folder / outcome
    target_dir.mkdir(exist_ok=True)
    target = target_dir / path.name
    if target.exists():
        target = target_dir / f"{time.strftime('%Y%m%d-%H%M%S')}-{path.name}"
    os.replace(path, target)
    result = target.with_name(target.name + ".result.json")
    temporary = result.with_name("." + result.name + ".tmp")
    temporary.write_text(json.dumps(record, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    os.replace(temporary, result)
    return target
