"""Start the dashboard: ``python -m ui.server [streamlit run options]``.

Why not plain ``streamlit run app.py``: our screens live in ``pages/`` (the product's
layout), and Streamlit treats a ``pages/`` folder beside the entry script as its older
auto-discovered multipage app until the first run calls ``st.navigation``. A first visit
to a deep link such as ``/trends`` would then run that page without the frame (no
sidebar, no filters). Declaring up front that this app uses ``st.navigation`` avoids it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from analytics.access import require_explicit_actor

APP = Path(__file__).resolve().parent.parent / "app.py"


def main(argv: list[str]) -> int:
    PagesManager.uses_pages_directory = False
    require_explicit_actor()  # in the server, work outside a signed-in session acts as nobody
    sys.argv = ["streamlit", "run", str(APP), *argv]
    return cli.main()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
