"""``python -m tests.support.held_import MARKER import contacts FILE --db STORE ...``: the
ordinary command line, held inside the import's write transaction just before its commit.

By then the contacts, the daily aggregates, the import log row, new channels and reasons
are all written, only not committed. The process creates MARKER and waits there; a test
kills it at exactly that moment instead of guessing from the clock. Should the test go
away instead (its end of stdin closes), the import simply runs on to its commit.
"""

from __future__ import annotations

import sys
from pathlib import Path

import analytics.audit as audit
from analytics.cli import main

_record = audit.record


def record_then_hold(cur, action, *args, **kwargs):
    """Write the audit row (the import's last write before committing), then wait."""
    _record(cur, action, *args, **kwargs)
    if action == "import.contacts":
        MARKER.touch()
        sys.stdin.readline()


if __name__ == "__main__":
    MARKER = Path(sys.argv[1])
    audit.record = record_then_hold
    sys.exit(main(sys.argv[2:]))
