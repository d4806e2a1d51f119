"""What Prepare, Run and Close share: the open session, its keys, the read-only banner."""

from __future__ import annotations

from typing import Any, Callable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from .. import keys
from ...i18n import _
from ...model import Session
from ...search import Target
from .dialogs import ConfirmScreen, Field, FormScreen
from ..widgets.safe import plain


class SessionScreen(keys.TranslatedBindings, Screen[None]):
    """Base for the screens of an open session.

    Subclasses read the session through `self.session` every time (a refused change replaces
    the object) and change it through `self.app.edit(...)`, or for text being typed, by setting
    the field and calling `self.app.save_soon()`.
    """

    SCREEN_NAME = ""
    KEY_SCOPES: tuple[str, ...] = ("session",)
    opens_at: Target | None = None
    """The place to show first (a search hit), set by `app.open_session`; None shows the usual view."""

    @property
    def session(self) -> Session:
        session = self.app.session
        assert session is not None, "a session screen is only shown while a session is open"
        return session

    @property
    def current_item_id(self) -> str | None:
        """The agenda item a new action item links to, if this screen has one in view."""
        return None

    def readonly_banner(self) -> ComposeResult:
        if self.app.readonly:
            yield Static(plain(_("Read-only: open in {holder}. Changes are not saved.").format(holder=self.app.held_by)),
                         classes="readonly-banner")

    def session_title(self) -> str:
        session = self.session
        when = session.date.isoformat() if session.date else ""
        return f"{session.title} · {when}" if when else session.title

    def on_mount(self) -> None:
        self.sub_title = self.session_title()  # this screen's own: the list below keeps its

    def refresh_view(self) -> None:
        """Show the session again after a change made elsewhere (a dialog, the action key)."""

    def show_place(self, target: Target) -> None:
        """Bring the pane and row that `target` names into view; screens with panes override this."""

    def after_form(self, result: Any) -> None:
        """What a screen shows after one of its forms closed; `result` is what the change returned."""
        self.refresh_view()

    def edit_in_form(self, title: str, fields: list[Field], change: Callable[[Session, dict[str, str]], Any]) -> None:
        """A form whose values go through the model; a refusal keeps the form open with the message."""

        def submit(values: dict[str, str]) -> Any:
            return self.app.edit(lambda session: change(session, values), raise_errors=True)

        self.app.push_screen(FormScreen(title, fields, submit), callback=self.after_form)

    def edit_if_confirmed(self, question: str, change: Callable[[Session], Any]) -> None:
        """Ask first (y or n), then apply the change and show the result."""

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.app.edit(change)
                self.refresh_view()

        self.app.push_screen(ConfirmScreen(question), callback=confirmed)

    def action_back(self) -> None:
        self.app.leave_session()

    def action_save_template(self) -> None:
        """Keep this session's agenda and topics as an own template (asks a name)."""
        from ...library import OwnLibrary
        from .library import save_as_template

        save_as_template(self, self.session, OwnLibrary(self.app.store.root))
