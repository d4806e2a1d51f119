"""What every `sdtui` command shares: how it fails, how it opens the store, how it prints.

The command modules import this and the core, never `sdtui.cli` itself: the parser in
`__init__` knows the commands, the commands do not know the parser.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from ..i18n import _

if TYPE_CHECKING:
    from ..store import Store

EXIT_USAGE = 2  # what argparse exits with on a bad command line
EXIT_ERROR = 1


class CliError(Exception):
    """A failure explained in one line to the user."""


def fail(message: str) -> int:
    """Say `message` on stderr as sdtui's one line; the exit status of a failure."""
    print(f"sdtui: {message}", file=sys.stderr)
    return EXIT_ERROR


def describe(error: BaseException) -> str:
    """One readable line for an error, including the file it concerns when there is one."""
    if isinstance(error, OSError) and error.filename:
        return f"{error.strerror or error}: {error.filename}"
    return str(error)


def open_store(args: argparse.Namespace) -> Store:
    """The store that `--store`, else $SDTUI_STORE, else ./sessions names."""
    from ..store import Store, default_store_path

    return Store(default_store_path(args.store))


def report_unreadable(problems: Sequence[str]) -> int:
    """Name each session that could not be read, one line each on stderr; the exit status it calls for.

    The command still shows what it could read, but a script must not take that for the whole
    store, so any unreadable session ends the command with EXIT_ERROR.
    """
    for problem in problems:
        fail(_("skipped: {problem}").format(problem=problem))
    return EXIT_ERROR if problems else 0


def require_terminal(message: str) -> None:
    """Refuse to start a full-screen app without a terminal on both ends, instead of hanging."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CliError(message)


def day(when: date | None) -> str:
    """A date as the first columns of a line show it: ISO, or dashes of the same width when unknown."""
    return when.isoformat() if when else "----------"
