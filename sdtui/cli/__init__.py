"""The `sdtui` command: launch the app, or work on the store from the shell.

Every failure a user can cause ends as one line on stderr and a non-zero exit, never a
traceback: the people running this are chairs and policy officers, not Python developers.

This module holds only `main` and the parser. Each command group lives in its own module,
which adds its sub-commands with `register` and binds each to its handler with
`set_defaults(handler=...)`; shared helpers are in `common`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .. import __version__
from ..i18n import LANGUAGES, _, choose_language, set_language
from ..model import ValidationError
from . import app, attendance, backup, follow, read, records, search, series, sessions, templates
from .common import EXIT_ERROR, CliError, describe, fail

# In the order `sdtui --help` lists the commands.
COMMAND_GROUPS = (sessions, read, follow, search, attendance, series, backup, templates, records)


def build_parser() -> argparse.ArgumentParser:
    """The whole `sdtui` parser, its help in the current language."""
    parser = argparse.ArgumentParser(
        prog="sdtui",
        description=_(
            "Run a network meeting from the terminal: agenda, restore-or-renovate rounds, "
            "signals, decisions, action items and Markdown minutes. Without a command, opens the app."
        ),
    )
    parser.add_argument("--version", action="version", version=f"sdtui {__version__}")
    parser.add_argument(
        "--store",
        metavar="DIR",
        help=_("folder that holds the sessions (default: $SDTUI_STORE, else ./sessions)"),
    )
    parser.add_argument(
        "--lang",
        dest="ui_lang",
        choices=LANGUAGES,
        help=_("language of the app and its messages (default: $SDTUI_LANG, else the locale)"),
    )
    follow.add_publish_options(parser)
    app.register(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in COMMAND_GROUPS:
        group.register(commands)
    return parser


def command_names() -> frozenset[str]:
    """The names of the sub-commands, from a parser of the commands alone.

    `main` needs them before it builds the real parser: the help must be in the language
    that `--lang` before the command asks for, and only the names tell "before" from "after".
    """
    commands = argparse.ArgumentParser().add_subparsers()
    for group in COMMAND_GROUPS:
        group.register(commands)
    return frozenset(commands.choices)


def ui_language_option(argv: Sequence[str]) -> str | None:
    """The value of `--lang` before the command: after it, `--lang` is the minutes' language."""
    commands = command_names()
    for index, token in enumerate(argv):
        if token in commands:
            return None
        if token.startswith("--lang="):
            return token.partition("=")[2]
        if token == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    set_language(choose_language(ui_language_option(argv)))
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except CliError as error:
        return fail(str(error))
    except BrokenPipeError:
        # The reader left (`sdtui list | head`): stop quietly, like other command-line tools.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except (ValidationError, OSError) as error:
        return fail(describe(error))
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the promise is: never a traceback
        from ..store import StoreError

        if isinstance(error, StoreError):
            return fail(str(error))
        return fail(_("unexpected {kind}: {error}").format(kind=type(error).__name__, error=error))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
