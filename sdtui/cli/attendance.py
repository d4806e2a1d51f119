"""`sdtui attendance`: who came how often to the meetings of one network."""

from __future__ import annotations

import argparse

from ..i18n import _
from .common import CliError, open_store, report_unreadable


def register(commands: argparse._SubParsersAction) -> None:
    """Add `attendance` to the parser's commands."""
    attendance = commands.add_parser("attendance", help=_("who came how often to the meetings of a network"))
    attendance.add_argument("network", metavar="NETWORK", nargs="+", help=_("the network's name, as on Home"))
    attendance.set_defaults(handler=cmd_attendance)


def cmd_attendance(args: argparse.Namespace) -> int:
    """A table of present, apologies and absent per participant, over the meetings held so far."""
    from datetime import date

    from ..attendance import attendance, held_meetings, network_sessions, networks

    network = " ".join(args.network)
    with open_store(args) as store:
        sessions, problems = network_sessions(store, network)
        known = networks(store)
    status = report_unreadable(problems)
    today = date.today()
    held = held_meetings(sessions, network, today)
    if not held:
        raise CliError(
            _("no meetings of {network!r} were held yet; networks in the store: {known}.").format(
                network=network, known=", ".join(known) or _("none")
            )
        )
    print(
        _("{network}: meetings held: {count}, from {first} to {last}").format(
            network=held[-1].network, count=len(held), first=held[0].date or "?", last=held[-1].date or "?"
        )
    )
    labels = (_("Present"), _("Apologies"), _("Absent"), _("Name"))
    widths = [max(len(label), 7) for label in labels[:3]]
    print("  ".join(label.rjust(width) for label, width in zip(labels[:3], widths, strict=True)) + "  " + labels[3])
    for row in attendance(sessions, network, today):
        who = f"{row.name} ({row.organisation})" if row.organisation else row.name
        cells = (f"{row.present}/{row.meetings}", str(row.apologies), str(row.absent))
        print("  ".join(cell.rjust(width) for cell, width in zip(cells, widths, strict=True)) + "  " + who)
    return status
