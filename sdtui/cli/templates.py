"""`sdtui templates` and `sdtui new --template`: the template library from the shell."""

from __future__ import annotations

import argparse
import sys

from ..i18n import LANGUAGES, _, current_language
from ..templates import TEMPLATES, Template
from .common import fail, open_store


def register(commands: argparse._SubParsersAction) -> None:
    """Add `templates` and `new` to the parser's commands."""
    listing = commands.add_parser(
        "templates", help=_("list the templates, built-in and your own, one a line, starting with the id")
    )
    listing.set_defaults(handler=cmd_templates)
    new = commands.add_parser("new", help=_("start a new session from a template; prints its id last"))
    new.add_argument(
        "--template",
        required=True,
        metavar="NAME_OR_ID",
        help=_("the template's id, or its name (`sdtui templates` lists them)"),
    )
    new.add_argument("--title", help=_("title of the new session (default: the template's name)"))
    new.add_argument(
        "--lang", choices=LANGUAGES, help=_("language of the session and its minutes (default: the app's language)")
    )
    new.add_argument("--date", metavar="YYYY-MM-DD", help=_("date of the meeting"))
    new.set_defaults(handler=cmd_new)


def template_line(template: Template, language: str) -> str:
    """One line: id, languages, size, name; own templates say so."""
    size = _("{count} items, {minutes} min").format(count=len(template.items), minutes=template.minutes)
    own = "" if template.builtin else "  " + _("(own)")
    return f"{template.id:<16} {','.join(template.languages) or '-':<6} {size:<20} {template.title(language)}{own}"


def cmd_templates(args: argparse.Namespace) -> int:
    """The built-in templates, then the user's own, one a line."""
    from ..library import OwnLibrary
    from ..store import StoreError

    language = current_language()
    for template in TEMPLATES:
        print(template_line(template, language))
    with open_store(args) as store:
        try:
            own = OwnLibrary(store.root).templates()
        except StoreError as error:
            return fail(_("your own templates cannot be read: {error}").format(error=error))
    for template in own:
        print(template_line(template, language))
    if not own:
        print(
            _("No templates of your own yet: in the app, t on Prepare saves a session's agenda as one."),
            file=sys.stderr,
        )
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Add a session made from a template; its id is the last line."""
    from ..library import OwnLibrary

    with open_store(args) as store:
        library = OwnLibrary(store.root)
        template = library.find_template(args.template)  # a damaged file of own templates need not stop a built-in one
        language = args.lang or current_language()
        prompts = library.prompt_offer().entries  # unreadable own prompts: their topics keep the template's words
        session = template.new_session(
            args.title or template.title(language), language, prompts, date=args.date or None
        )
        session = store.add(session)
    print(
        _("Added {title!r} from the template {template!r} to {store}.").format(
            title=session.title, template=template.title(language), store=store.root
        )
    )
    print(session.id)
    return 0
