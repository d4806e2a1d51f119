"""`sdtui demo`, `list` and `export`: the sessions in the store, from the shell."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..exporting import backup_json, export_backup, export_minutes, minutes_text
from ..i18n import LANGUAGES, _, current_language
from .common import day, open_store


def register(commands: argparse._SubParsersAction) -> None:
    """Add `demo`, `list` and `export` to the parser's commands."""
    demo = commands.add_parser("demo", help=_("add the demo meeting to the store and print its id"))
    demo.set_defaults(handler=cmd_demo)
    listing = commands.add_parser("list", help=_("list the sessions, one a line, starting with the id"))
    listing.set_defaults(handler=cmd_list)

    export = commands.add_parser("export", help=_("write the minutes of a session as Markdown"))
    export.add_argument("id", metavar="ID", help=_("session id, or a unique start of one"))
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=_("file to write, or - for standard output (default: the store's minutes/ folder)"),
    )
    export.add_argument(
        "--format",
        choices=("md", "html", "json"),
        default="md",
        help=_("md: the minutes (default); html: a page to send by email; json: the whole session, for a backup"),
    )
    export.add_argument("--lang", choices=LANGUAGES, help=_("language of the minutes, for this export only"))
    export.set_defaults(handler=cmd_export)


def cmd_demo(args: argparse.Namespace) -> int:
    """Add the demo meeting in the app's language; its id is the last line."""
    from ..demo import build_demo

    with open_store(args) as store:
        session = store.add(build_demo(language=current_language()))
    print(_("Added the demo meeting {title!r} to {store}.").format(title=session.title, store=store.root))
    print(_("Open it with `sdtui`, or write its minutes with `sdtui export {id}`.").format(id=session.id))
    print(session.id)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    """One session a line: id, date, status, title and network."""
    with open_store(args) as store:
        summaries = store.list()
    for summary in summaries:
        network = f"  [{summary.network}]" if summary.network else ""
        print(f"{summary.id}  {day(summary.date)}  {summary.shown_status.value:<8} {summary.title}{network}")
    if not summaries:
        print(_("No sessions yet. Try `sdtui demo` to add an example meeting."), file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write the minutes (Markdown or HTML) or the JSON backup to a file or stdout; print the file."""
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
