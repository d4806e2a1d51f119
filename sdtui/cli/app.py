"""`sdtui` without a command: the meeting app itself, full screen in the terminal."""

from __future__ import annotations

import argparse

from ..i18n import _
from ..parts import RoundMode
from ..publish import LivePublishing, publish_folder
from .common import open_store, require_terminal


def register(parser: argparse.ArgumentParser) -> None:
    """Make the app what `sdtui` runs when no command is given."""
    parser.set_defaults(handler=run_app)


def live_publishing(args: argparse.Namespace) -> LivePublishing | None:
    """Publishing for followers when `--publish DIR` or `$SDTUI_PUBLISH` names a folder; else None."""
    folder = publish_folder(getattr(args, "publish", None))
    if folder is None:
        return None
    # A round that hides names or counts hands shows followers the tally only, as the minutes do.
    return LivePublishing(
        folder, getattr(args, "publish_group", None), hide_names=lambda round_: round_.mode is not RoundMode.NAMED
    )


def run_app(args: argparse.Namespace) -> int:
    """Run the app on the store until the user quits; its exit status."""
    store = open_store(args)
    try:
        require_terminal(_("the app needs a terminal; use `sdtui list` or `sdtui export` in scripts."))
        # Imported here, not at the top: commands that need no screen start without loading Textual.
        from ..tui.app import SdtuiApp

        app = SdtuiApp(store, live=live_publishing(args))
        app.run()
        return app.return_code or 0
    finally:
        store.close()
