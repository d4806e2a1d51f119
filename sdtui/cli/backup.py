"""`sdtui import`: a session back from the JSON backup that `sdtui export ID --format json` writes."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..exporting import read_backup
from ..i18n import _
from ..model import ValidationError
from .common import CliError, open_store


def register(commands: argparse._SubParsersAction) -> None:
    """Add `import` to the parser's commands."""
    restore = commands.add_parser("import", help=_("add a session from a JSON backup; prints its id last"))
    restore.add_argument("file", metavar="FILE", help=_("a file written by `sdtui export ID --format json`"))
    restore.set_defaults(handler=cmd_import)


def cmd_import(args: argparse.Namespace) -> int:
    """Add the backup's session to the store as a new session; its id is the last line."""
    path = Path(args.file)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CliError(_("{path} is not a text file; nothing was imported.").format(path=path)) from None
    try:
        session = read_backup(text)
    except ValidationError as error:
        raise CliError(_("{path}: {reason} Nothing was imported.").format(path=path, reason=error.message)) from None
    with open_store(args) as store:
        session = store.add(session)
    print(_("Imported {title!r} into {store}.").format(title=session.title, store=store.root))
    print(session.id)
    return 0
