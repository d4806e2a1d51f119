"""`sdtui approve`, `forget` and `retention`: the record a network stands behind, from the shell.

`approve` marks the minutes of a closed meeting approved, with the amendments asked for.
`forget` and `retention` first say what they would change and change nothing; only `--yes`
carries it out. They fail the way every command does, with one line on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

from ..i18n import _, word
from ..text import one_line
from .common import CliError, day, open_store


class AmendmentAction(argparse.Action):
    """`--amend TEXT [--by NAME]`, as often as needed: each `--by` names who asked for the `--amend` before it."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        amendments = list(getattr(namespace, "amendments", None) or [])
        if option_string == "--amend":
            amendments.append([str(values), ""])
        elif not amendments or amendments[-1][1]:
            parser.error(_("--by names who asked for the --amend just before it"))
        else:
            amendments[-1][1] = str(values)
        namespace.amendments = amendments


def register(commands: argparse._SubParsersAction) -> None:
    """Add `approve`, `forget` and `retention` to the parser's commands."""
    approve = commands.add_parser(
        "approve", help=_("mark the minutes of a closed meeting approved, with the amendments asked for")
    )
    approve.add_argument("id", metavar="ID", help=_("session id, or a unique start of one"))
    approve.add_argument(
        "--amend",
        metavar="TEXT",
        action=AmendmentAction,
        dest="amendments",
        default=[],
        help=_("an amendment to the minutes; give it once for each"),
    )
    approve.add_argument(
        "--by",
        metavar="NAME",
        action=AmendmentAction,
        dest="amendments",
        help=_("who asked for the amendment before it"),
    )
    approve.add_argument(
        "--on", metavar="DATE", default=None, help=_("the day the minutes were approved, YYYY-MM-DD (default: today)")
    )
    approve.set_defaults(handler=cmd_approve)

    forget = commands.add_parser(
        "forget", help=_("list every place a person appears; with --yes, replace them everywhere with a pseudonym")
    )
    forget.add_argument("name", metavar="NAME", help=_("the person's name; case and accents do not matter"))
    forget.add_argument("--yes", action="store_true", help=_("replace the person now (without it, only list)"))
    forget.add_argument(
        "--reexport", action="store_true", help=_("write the exported minutes that hold the name again, without it")
    )
    forget.set_defaults(handler=cmd_forget)

    retention = commands.add_parser(
        "retention", help=_("list the sessions older than a retention period; with --yes, remove or anonymise them")
    )
    retention.add_argument(
        "--older-than", metavar="DURATION", required=True, help=_("a period such as 2y, 18m, 6w or 90d")
    )
    retention.add_argument("--yes", action="store_true", help=_("carry it out (without it, only list)"))
    choice = retention.add_mutually_exclusive_group()
    choice.add_argument("--remove", action="store_true", help=_("remove the sessions and their exported minutes"))
    choice.add_argument(
        "--anonymise", action="store_true", help=_("replace every person in them with a pseudonym, and keep the rest")
    )
    retention.set_defaults(handler=cmd_retention)


def cmd_approve(args: argparse.Namespace) -> int:
    """Record the amendments and mark the minutes approved, all or nothing."""
    from ..model import Session, parse_date

    on = (parse_date(args.on, "Approved on", "approved_on") if args.on else None) or date.today()
    with open_store(args) as store:
        session = store.load(args.id)
        with store.acquire(session.id):
            session = store.read(session.id)  # as it is now that nobody else can change it
            changed = Session.from_dict(session.to_dict())
            for text, by in args.amendments:
                changed.add_amendment(text, by, on)
            changed.approve(on)
            store.save(changed)
    print(
        _("Approved the minutes of {title} ({date}) on {on}, with {count} amendments.").format(
            title=changed.title, date=day(changed.date), on=on.isoformat(), count=len(args.amendments)
        )
    )
    return 0


def cmd_forget(args: argparse.Namespace) -> int:
    """List where the person appears; with --yes, replace them everywhere."""
    from ..forget import find_person, forget_person

    with open_store(args) as store:
        plan = find_person(store, args.name)
        for found in plan.sessions:
            session = found.session
            for place in found.places:
                print(
                    f"{session.id}  {day(session.date)}  {word(place.kind)}: {one_line(place.label, 40)}"
                    f"  — {one_line(place.text, 50)}"
                )
        for file_name, text in plan.library:
            print(f"{file_name}  {one_line(text, 60)}")
        for path in plan.minutes:
            print(_("exported: {path}").format(path=path))
        if not args.yes:
            print(
                _(
                    "Nothing changed. Give --yes to replace {name!r} with {pseudonym!r} in {sessions} sessions "
                    "and {library} library entries."
                ).format(
                    name=args.name, pseudonym=plan.pseudonym(), sessions=len(plan.sessions), library=len(plan.library)
                ),
                file=sys.stderr,
            )
            return 0
        result = forget_person(store, plan, reexport=args.reexport)
    print(
        _(
            "Replaced {name!r} with {pseudonym!r} in {sessions} sessions and {library} library entries; "
            "wrote {files} exported files again."
        ).format(
            name=args.name,
            pseudonym=plan.pseudonym(),
            sessions=len(result.sessions),
            library=result.library,
            files=len(result.rewritten),
        )
    )
    for path in result.left:
        print(_("still holds the name, left as it is: {path}").format(path=path), file=sys.stderr)
    if result.left and not args.reexport:
        print(_("Give --reexport to write the exported minutes again without the name."), file=sys.stderr)
    return 0


def cmd_retention(args: argparse.Namespace) -> int:
    """List the sessions past the period; with --yes, remove or anonymise them."""
    from ..retention import anonymise_sessions, expired, parse_duration, remove_sessions

    period = parse_duration(args.older_than)
    if args.yes and not (args.remove or args.anonymise):
        raise CliError(_("say what to do with them: --remove or --anonymise"))
    with open_store(args) as store:
        found = expired(store, period, date.today())
        for summary in found:
            print(f"{summary.id}  {day(summary.date)}  {summary.shown_status.value:<8} {summary.title}")
        if not found:
            print(_("No sessions are older than {period}.").format(period=args.older_than), file=sys.stderr)
            return 0
        if not args.yes:
            print(
                _("Nothing changed. Give --yes with --remove or --anonymise to handle these {count} sessions.").format(
                    count=len(found)
                ),
                file=sys.stderr,
            )
            return 0
        if args.remove:
            result = remove_sessions(store, found)
            print(
                _("Removed {count} sessions and {files} exported files.").format(
                    count=len(result.sessions), files=len(result.files)
                )
            )
        else:
            result = anonymise_sessions(store, found)
            print(
                _("Anonymised {count} sessions and wrote {files} exported files again.").format(
                    count=len(result.sessions), files=len(result.files)
                )
            )
    return 0
