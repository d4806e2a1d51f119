"""`sdtui next` and `sdtui actions`: a network over time, from the shell.

They fail the way every command does, with one line on stderr (a CliError, or a store error
that `main` reports).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from ..i18n import _, word
from ..series import SeriesAction, actions_across, filter_actions, next_meeting, next_meetings_of
from .common import CliError, day, open_store, report_unreadable


def register(commands: argparse._SubParsersAction) -> None:
    """Add `next` and `actions` to the parser's commands."""
    following = commands.add_parser(
        "next", help=_("create the next meeting of a session's network and print its id last")
    )
    following.add_argument("id", metavar="ID", help=_("session id, or a unique start of one"))
    following.add_argument(
        "--again", action="store_true", help=_("make another next meeting even though this session already has one")
    )
    following.set_defaults(handler=cmd_next)
    actions = commands.add_parser(
        "actions", help=_("list the action items of every session, one a line, starting with the session id")
    )
    actions.add_argument("--open", action="store_true", help=_("only open actions"))
    actions.add_argument("--overdue", action="store_true", help=_("only open actions past their due date"))
    actions.add_argument(
        "--owner",
        metavar="NAME",
        default="",
        help=_("only actions of this owner (any part of the name; case and accents do not matter)"),
    )
    actions.add_argument(
        "--network", metavar="NAME", default="", help=_("only actions of this network (any part of the name)")
    )
    actions.set_defaults(handler=cmd_actions)


def cmd_next(args: argparse.Namespace) -> int:
    """Create the next meeting of the session's network; its id is the last line."""
    with open_store(args) as store:
        earlier = store.load(args.id)
        made = next_meetings_of(earlier, store.list())
        if made and not args.again:
            raise CliError(
                _(
                    "{id} already has a next meeting: {next_id} ({date}); a second one would carry its "
                    "open actions twice. Give --again to make one anyway."
                ).format(id=earlier.id, next_id=made[-1].id, date=made[-1].date)
            )
        following = store.add(next_meeting(earlier, date.today(), store.load_all()[0]))
    carried = len(following.actions)
    print(
        _("Created the next meeting of {network}: {title} ({date}).").format(
            network=following.network or _("(no network)"), title=following.title, date=following.date
        )
    )
    print(
        _("Carried over: {actions} open actions, {items} agenda items, {topics} restore-or-renovate topics.").format(
            actions=carried, items=len(following.agenda), topics=len(following.rounds)
        )
    )
    print(following.id)
    return 0


def cmd_actions(args: argparse.Namespace) -> int:
    """Every action item in the store, filtered; one a line, starting with its session's id."""
    today = date.today()
    with open_store(args) as store:
        sessions, problems = store.load_all()
    status = report_unreadable(problems)  # a damaged file is named, the rest is still listed
    rows = filter_actions(
        actions_across(sessions),
        today,
        open_only=args.open or args.overdue,
        overdue_only=args.overdue,
        owner=args.owner,
        network=args.network,
    )
    for row in rows:
        print(action_line(row, today))
    if not rows:
        print(_("No action items match."), file=sys.stderr)
    return status


def action_line(row: SeriesAction, today: date) -> str:
    """`<session id>  <due>  <status> [OVERDUE]  <owner>: <what>  [<network>]` on one line."""
    status = word(row.action.status)
    if row.overdue(today):
        status = _("{status} OVERDUE").format(status=status)
    text = " ".join(row.action.text.split())
    network = f"  [{row.network}]" if row.network else ""
    return f"{row.session_id}  {day(row.action.due)}  {status:<14} {row.owner}: {text}{network}"
