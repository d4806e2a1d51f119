"""`sdtui` without a command: the meeting app itself, full screen in the terminal."""

from __future__ import annotations

import argparse

from ..i18n import _
from .common import open_store, require_terminal


def register(parser: argparse.ArgumentParser) -> None:
    """Make the app what `sdtui` runs when no command is given."""
    parser.set_defaults(handler=run_app)


def run_app(args: argparse.Namespace) -> int:
    """Run the app on the store until the user quits; its exit status."""
    store = open_store(args)
    try:
        require_terminal(_("the app needs a terminal; use `sdtui list` or `sdtui export` in scripts."))
        # Imported here, not at the top: commands that need no screen start without loading Textual.
        from ..tui.app import SdtuiApp

        app = SdtuiApp(store)
        app.run()
        return app.return_code or 0
    finally:
        store.close()
