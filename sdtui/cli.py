"""The `sdtui` command: launch the app, or work on the store from the shell.

Every failure a user can cause ends as one line on stderr and a non-zero exit, never a
traceback: the people running this are chairs and policy officers, not Python developers.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, Sequence

from . import __version__
from .i18n import LANGUAGES, _, choose_language, current_language, set_language
from .exporting import backup_json, export_backup, export_minutes, minutes_text, read_backup
from .model import ValidationError
from .series_cli import add_series_commands, cmd_actions, cmd_next

EXIT_USAGE = 2
EXIT_ERROR = 1


class CliError(Exception):
    """A failure explained in one line to the user."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sdtui",
        description=_("Run a network meeting from the terminal: agenda, restore-or-renovate rounds, "
                      "signals, decisions, action items and Markdown minutes. Without a command, opens the app."),
    )
    parser.add_argument("--version", action="version", version=f"sdtui {__version__}")
    parser.add_argument(
        "--store", metavar="DIR",
        help=_("folder that holds the sessions (default: $SDTUI_STORE, else ./sessions)"),
    )
    parser.add_argument("--lang", dest="ui_lang", choices=LANGUAGES,
                        help=_("language of the app and its messages (default: $SDTUI_LANG, else the locale)"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("demo", help=_("add the demo meeting to the store and print its id"))
    commands.add_parser("list", help=_("list the sessions, one a line, starting with the id"))

    export = commands.add_parser("export", help=_("write the minutes of a session as Markdown"))
    export.add_argument("id", metavar="ID", help=_("session id, or a unique start of one"))
    export.add_argument(
        "-o", "--output", metavar="FILE",
        help=_("file to write, or - for standard output (default: the store's minutes/ folder)"),
    )
    export.add_argument("--format", choices=("md", "html", "json"), default="md",
                        help=_("md: the minutes (default); html: a page to send by email; "
                               "json: the whole session, for a backup"))
    export.add_argument("--lang", choices=LANGUAGES, help=_("language of the minutes, for this export only"))

    read = commands.add_parser("read", help=_("read exported minutes in the terminal"))
    read.add_argument("path", metavar="FILE|DIR", nargs="?",
                      help=_("a minutes file, or a folder of them (default: the store's minutes/ folder)"))

    add_series_commands(commands)

    restore = commands.add_parser("import", help=_("add a session from a JSON backup; prints its id last"))
    restore.add_argument("file", metavar="FILE", help=_("a file written by `sdtui export ID --format json`"))
    return parser


def ui_language_option(argv: Sequence[str]) -> str | None:
    """The value of `--lang` before the command: after it, `--lang` is the minutes' language."""
    for index, token in enumerate(argv):
        if token in COMMANDS:
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
        handler = COMMANDS.get(args.command, run_app)
        return handler(args)
    except CliError as error:
        return fail(str(error))
    except (ValidationError, OSError) as error:
        return fail(describe(error))
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # noqa: BLE001 - the promise is: never a traceback
        from .store import StoreError

        if isinstance(error, StoreError):
            return fail(str(error))
        return fail(_("unexpected {kind}: {error}").format(kind=type(error).__name__, error=error))


def fail(message: str) -> int:
    print(f"sdtui: {message}", file=sys.stderr)
    return EXIT_ERROR


def describe(error: BaseException) -> str:
    """One readable line for an error, including the file it concerns when there is one."""
    if isinstance(error, OSError) and error.filename:
        return f"{error.strerror or error}: {error.filename}"
    return str(error)


def open_store(args: argparse.Namespace):
    from .store import Store, default_store_path

    return Store(default_store_path(args.store))


def run_app(args: argparse.Namespace) -> int:
    store = open_store(args)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        store.close()
        raise CliError(_("the app needs a terminal; use `sdtui list` or `sdtui export` in scripts."))
    from .app import SdtuiApp

    app = SdtuiApp(store)
    try:
        app.run()
    finally:
        store.close()
    return app.return_code or 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import build_demo

    with open_store(args) as store:
        session = store.add(build_demo(language=current_language()))
    print(_("Added the demo meeting {title!r} to {store}.").format(title=session.title, store=store.root))
    print(_("Open it with `sdtui`, or write its minutes with `sdtui export {id}`.").format(id=session.id))
    print(session.id)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        summaries = store.list()
    for summary in summaries:
        when = summary.date.isoformat() if summary.date else "----------"
        network = f"  [{summary.network}]" if summary.network else ""
        print(f"{summary.id}  {when}  {summary.status.value:<8} {summary.title}{network}")
    if not summaries:
        print(_("No sessions yet. Try `sdtui demo` to add an example meeting."), file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        session = store.load(args.id)
        target = Path(args.output) if args.output and args.output != "-" else None
        if args.format == "json":
            if args.output == "-":
                sys.stdout.write(backup_json(session))
                return 0
            target = export_backup(session, store.minutes_dir, target)
        else:
            html = args.format == "html"
            if args.output == "-":
                sys.stdout.write(minutes_text(session, language=args.lang, html=html))
                return 0
            target = export_minutes(session, store.minutes_dir, target, language=args.lang, html=html)
    print(target)
    return 0


def cmd_read(args: argparse.Namespace) -> int:
    if args.path:
        path = Path(args.path)
    else:
        with open_store(args) as store:
            path = store.minutes_dir
    if not path.exists():
        raise CliError(_("{path} does not exist.").format(path=path))
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise CliError(_("the reader needs a terminal; minutes are plain Markdown files you can also print."))
    from .reader import ReaderApp

    ReaderApp(path).run()
    return 0


def cmd_import(args: argparse.Namespace) -> int:
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


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "next": cmd_next,
    "actions": cmd_actions,
    "list": cmd_list,
    "export": cmd_export,
    "import": cmd_import,
    "read": cmd_read,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
