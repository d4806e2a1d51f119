"""`sdtui search`: words in every session, one hit a line, from the shell."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..i18n import _
from .common import EXIT_ERROR, CliError, day, open_store, report_unreadable

if TYPE_CHECKING:
    from ..search import Hit


def register(commands: argparse._SubParsersAction) -> None:
    """Add `search` to the parser's commands."""
    search = commands.add_parser("search", help=_("find words in every session; one hit a line, starting with the id"))
    search.add_argument(
        "words",
        metavar="WORD",
        nargs="*",
        help=_("words that must all occur in one place; case and accents do not matter"),
    )
    search.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace) -> int:
    """Print every hit; exit 1 when nothing is found, like grep, or when a session could not be read."""
    from ..search import search_store, words_of

    query = " ".join(args.words)
    if not words_of(query):
        raise CliError(_("give one or more words to search for, e.g. `sdtui search housing first`."))
    with open_store(args) as store:
        result, problems = search_store(store, query)
    status = report_unreadable(problems)
    for hit in result.hits:
        print(hit_line(hit))
    if not result.hits:
        print(_("Nothing found for {query!r}.").format(query=query), file=sys.stderr)
        return EXIT_ERROR  # like grep: scripts can tell "found" from "not found"
    return status


def hit_line(hit: Hit) -> str:
    """One search hit as a line: id, date, session title, where, and the text around the words."""
    from ..text import one_line

    entry = hit.entry
    where = _(entry.what) + (f" · {one_line(entry.context, 30)}" if entry.context else "")
    text, _spans = hit.snippet(70)
    secret = _("[confidential] ") if entry.confidential else ""
    return f"{hit.session.id}  {day(hit.session.date)}  {one_line(hit.session.title, 30)} · {where}: {secret}{text}"
