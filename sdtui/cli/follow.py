"""`sdtui follow` and `sdtui participant`: for participants, reading what a facilitator publishes.

`follow [ID]` shows the live meeting (or meeting ID) of a publish folder, full-screen, or line
by line with `--plain` (and whenever there is no terminal). `participant` is the menu meant as
an OpenSSH `ForceCommand`: follow the live meeting, or read the published minutes, and nothing
else. Neither opens a store or writes a file. The publish folder is `--publish DIR`, else
`$SDTUI_PUBLISH`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from ..follow import Follower, SnapshotError, follow_plain
from ..i18n import _
from ..model import strip_controls
from ..publish import ENV_PUBLISH, MINUTES_DIR, publish_folder
from .common import CliError, fail


def register(commands: argparse._SubParsersAction) -> None:
    """Add `follow` and `participant` to the parser's commands."""
    follow = commands.add_parser("follow", help=_("follow a published meeting live, read-only"))
    follow.add_argument("id", metavar="ID", nargs="?", help=_("the meeting to follow (default: the one that is live)"))
    add_publish_option(follow)
    follow.add_argument(
        "--plain",
        action="store_true",
        help=_("print each change as one line of text, for screen readers and logs; ends when the meeting closes"),
    )
    follow.set_defaults(handler=cmd_follow)
    participant = commands.add_parser(
        "participant",
        help=_("the participants' menu: follow the live meeting or read the minutes (for an SSH ForceCommand)"),
    )
    add_publish_option(participant)
    participant.set_defaults(handler=cmd_participant)


def add_publish_options(parser: argparse.ArgumentParser) -> None:
    """The main command's `--publish DIR` and `--publish-group NAME`, for the facilitator's app."""
    parser.add_argument(
        "--publish",
        metavar="DIR",
        help=_("publish running meetings to this folder, for participants who follow them (default: $SDTUI_PUBLISH)"),
    )
    parser.add_argument(
        "--publish-group",
        metavar="NAME",
        help=_("the Unix group that may read the publish folder (default: the folder's group)"),
    )


def add_publish_option(parser: argparse.ArgumentParser) -> None:
    # Its own dest: a sub-command's default would otherwise hide the main command's --publish.
    parser.add_argument(
        "--publish", dest="follow_publish", metavar="DIR", help=_("the publish folder (default: $SDTUI_PUBLISH)")
    )


def publish_dir(args: argparse.Namespace) -> Path:
    """The folder named by the command's --publish, the main command's --publish, or $SDTUI_PUBLISH."""
    folder = publish_folder(getattr(args, "follow_publish", None) or getattr(args, "publish", None))
    if folder is None:
        raise CliError(_("no publish folder: give --publish DIR or set ${variable}.").format(variable=ENV_PUBLISH))
    return folder


def on_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def cmd_follow(args: argparse.Namespace) -> int:
    """Follow a meeting full-screen, or line by line with --plain or without a terminal."""
    folder = publish_dir(args)
    try:
        follower = Follower(folder, args.id)
    except SnapshotError as error:
        raise CliError(error.message) from None
    if args.plain or not on_terminal():
        try:
            return follow_plain(follower, sys.stdout)
        except KeyboardInterrupt:
            return 0
    from ..tui.follow import FollowApp, read_minutes

    minutes = FollowApp(follower).run()
    if isinstance(minutes, Path):
        read_minutes(minutes)
    return 0


def cmd_participant(args: argparse.Namespace) -> int:
    """The participants' menu; whatever an SSH client asked to run is ignored."""
    os.environ.pop("SSH_ORIGINAL_COMMAND", None)  # never run, never shown: only this menu
    folder = publish_dir(args)
    if on_terminal():
        return participant_menu(folder)
    return participant_plain(folder, sys.stdin, sys.stdout)


def participant_menu(folder: Path) -> int:
    """Full-screen: the menu, then what was chosen, then the menu again, until the participant leaves."""
    from ..tui.follow import FOLLOW, MINUTES, FollowApp, ParticipantMenu, read_minutes

    notice = ""
    while True:
        choice = ParticipantMenu(notice=notice).run()
        notice = ""
        if choice == FOLLOW:
            minutes = FollowApp(Follower(folder)).run()
            if isinstance(minutes, Path):
                read_minutes(minutes)
        elif choice == MINUTES:
            if published_minutes(folder):
                read_minutes(folder / MINUTES_DIR)
            else:
                notice = _("No minutes are published yet.")
        else:
            return 0


def published_minutes(folder: Path) -> list[Path]:
    """The published minutes, newest first (their names start with the date)."""
    minutes = folder / MINUTES_DIR
    try:
        return sorted((path for path in minutes.glob("*.md") if path.is_file()), reverse=True)
    except OSError:
        return []


def participant_plain(folder: Path, stdin: TextIO, out: TextIO) -> int:
    """Without a terminal: a numbered menu on plain lines, for screen readers and simple clients."""
    print(_("sdtui for participants"), file=out)
    while True:
        print(_("1. Follow the live meeting"), file=out)
        print(_("2. Read the published minutes"), file=out)
        print(_("q. Leave"), file=out)
        choice = ask(_("Choice: "), stdin, out)
        if choice is None or choice.lower() in ("q", "quit", "exit"):
            return 0
        if choice == "1":
            try:
                follow_plain(Follower(folder), out)
            except KeyboardInterrupt:
                print(file=out)
        elif choice == "2":
            show_minutes_plain(folder, stdin, out)
        elif choice:
            print(_("Type 1, 2 or q."), file=out)


def ask(prompt: str, stdin: TextIO, out: TextIO) -> str | None:
    """One answer typed on a line; None at the end of input."""
    print(prompt, end="", file=out, flush=True)
    line = stdin.readline()
    return line.strip() if line else None


def show_minutes_plain(folder: Path, stdin: TextIO, out: TextIO) -> None:
    """List the published minutes by number; print the one chosen as its Markdown text."""
    files = published_minutes(folder)
    if not files:
        print(_("No minutes are published yet."), file=out)
        return
    for number, path in enumerate(files, start=1):
        print(f"{number}. {strip_controls(path.stem)}", file=out)
    choice = ask(_("Number (Enter goes back): "), stdin, out)
    if not choice:
        return
    if not choice.isdigit() or not 1 <= int(choice) <= len(files):
        print(_("There is no minutes number {choice}.").format(choice=choice[:20]), file=out)
        return
    try:
        out.write(strip_controls(files[int(choice) - 1].read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError) as error:
        print(_("Cannot read these minutes: {error}").format(error=getattr(error, "strerror", None) or error), file=out)
    print(file=out, flush=True)


def main(argv: list[str] | None = None) -> int:
    """`python -m sdtui.cli.follow follow|participant ...`, the two commands on their own."""
    from ..i18n import choose_language, set_language

    set_language(choose_language())
    parser = argparse.ArgumentParser(prog="sdtui")
    add_publish_options(parser)
    register(parser.add_subparsers(dest="command", metavar="COMMAND", required=True))
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except CliError as error:
        return fail(str(error))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
