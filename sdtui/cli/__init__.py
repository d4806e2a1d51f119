"""The `sdtui` command: launch the app, or work on the store from the shell.

Every failure a user can cause ends as one line on stderr and a non-zero exit, never a
traceback: the people running this are chairs and policy officers, not Python developers.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from .. import __version__
from . import templates as cli_templates
from ..i18n import LANGUAGES, _, choose_language, current_language, set_language
from ..exporting import backup_json, export_backup, export_minutes, minutes_text, read_backup
from ..model import ValidationError
from .series import add_series_commands, cmd_actions, cmd_next

if TYPE_CHECKING:
    from ..search import Hit

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

    search = commands.add_parser("search", help=_("find words in every session; one hit a line, starting with the id"))
    search.add_argument("words", metavar="WORD", nargs="*",
                        help=_("words that must all occur in one place; case and accents do not matter"))

    attendance = commands.add_parser("attendance", help=_("who came how often to the meetings of a network"))
    attendance.add_argument("network", metavar="NETWORK", nargs="+", help=_("the network's name, as on Home"))

    add_series_commands(commands)

    restore = commands.add_parser("import", help=_("add a session from a JSON backup; prints its id last"))
    restore.add_argument("file", metavar="FILE", help=_("a file written by `sdtui export ID --format json`"))
    cli_templates.add_parsers(commands)
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


def fail(message: str) -> int:
    print(f"sdtui: {message}", file=sys.stderr)
    return EXIT_ERROR


def describe(error: BaseException) -> str:
    """One readable line for an error, including the file it concerns when there is one."""
    if isinstance(error, OSError) and error.filename:
        return f"{error.strerror or error}: {error.filename}"
    return str(error)


def open_store(args: argparse.Namespace):
    from ..store import Store, default_store_path

    return Store(default_store_path(args.store))


def run_app(args: argparse.Namespace) -> int:
    store = open_store(args)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        store.close()
        raise CliError(_("the app needs a terminal; use `sdtui list` or `sdtui export` in scripts."))
    from ..tui.app import SdtuiApp

    app = SdtuiApp(store)
    try:
        app.run()
    finally:
        store.close()
    return app.return_code or 0


def cmd_demo(args: argparse.Namespace) -> int:
    from ..demo import build_demo

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
    from ..tui.reader import ReaderApp

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


def cmd_search(args: argparse.Namespace) -> int:
    from ..search import search_store, words_of

    query = " ".join(args.words)
    if not words_of(query):
        raise CliError(_("give one or more words to search for, e.g. `sdtui search housing first`."))
    with open_store(args) as store:
        result, problems = search_store(store, query)
    for problem in problems:
        print("sdtui: " + _("skipped: {problem}").format(problem=problem), file=sys.stderr)
    for hit in result.hits:
        print(hit_line(hit))
    if not result.hits:
        print(_("Nothing found for {query!r}.").format(query=query), file=sys.stderr)
        return EXIT_ERROR  # like grep: scripts can tell "found" from "not found"
    return 0


def hit_line(hit: Hit) -> str:
    """One search hit as a line: id, date, session title, where, and the text around the words."""
    from ..text import one_line

    entry = hit.entry
    when = hit.session.date.isoformat() if hit.session.date else "----------"
    where = _(entry.what) + (f" · {one_line(entry.context, 30)}" if entry.context else "")
    text, _spans = hit.snippet(70)
    secret = _("[confidential] ") if entry.confidential else ""
    return f"{hit.session.id}  {when}  {one_line(hit.session.title, 30)} · {where}: {secret}{text}"


def cmd_attendance(args: argparse.Namespace) -> int:
    from datetime import date

    from ..attendance import attendance, held_meetings, network_sessions, networks

    network = " ".join(args.network)
    with open_store(args) as store:
        sessions, problems = network_sessions(store, network)
        known = networks(store)
    for problem in problems:
        print("sdtui: " + _("skipped: {problem}").format(problem=problem), file=sys.stderr)
    today = date.today()
    held = held_meetings(sessions, network, today)
    if not held:
        raise CliError(_("no meetings of {network!r} were held yet; networks in the store: {known}.").format(
            network=network, known=", ".join(known) or _("none")))
    print(_("{network}: meetings held: {count}, from {first} to {last}").format(
        network=held[-1].network, count=len(held), first=held[0].date or "?", last=held[-1].date or "?"))
    labels = (_("Present"), _("Apologies"), _("Absent"), _("Name"))
    widths = [max(len(label), 7) for label in labels[:3]]
    print("  ".join(label.rjust(width) for label, width in zip(labels, widths)) + "  " + labels[3])
    for row in attendance(sessions, network, today):
        who = f"{row.name} ({row.organisation})" if row.organisation else row.name
        cells = (f"{row.present}/{row.meetings}", str(row.apologies), str(row.absent))
        print("  ".join(cell.rjust(width) for cell, width in zip(cells, widths)) + "  " + who)
    return 0


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    "demo": cmd_demo,
    "next": cmd_next,
    "actions": cmd_actions,
    "list": cmd_list,
    "export": cmd_export,
    "import": cmd_import,
    "read": cmd_read,
    "search": cmd_search,
    "attendance": cmd_attendance,
    **cli_templates.COMMANDS,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
