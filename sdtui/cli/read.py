"""`sdtui read`: exported minutes, in the full-screen reader."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..i18n import _
from .common import CliError, open_store, require_terminal


def register(commands: argparse._SubParsersAction) -> None:
    """Add `read` to the parser's commands."""
    read = commands.add_parser("read", help=_("read exported minutes in the terminal"))
    read.add_argument(
        "path",
        metavar="FILE|DIR",
        nargs="?",
        help=_("a minutes file, or a folder of them (default: the store's minutes/ folder)"),
    )
    read.set_defaults(handler=cmd_read)


def cmd_read(args: argparse.Namespace) -> int:
    """Open the reader on a minutes file or folder; the store's minutes/ folder by default."""
    if args.path:
        path = Path(args.path)
    else:
        with open_store(args) as store:
            path = store.minutes_dir
    if not path.exists():
        raise CliError(_("{path} does not exist.").format(path=path))
    require_terminal(_("the reader needs a terminal; minutes are plain Markdown files you can also print."))
    from ..tui.reader import ReaderApp

    ReaderApp(path).run()
    return 0
