"""What screens share: Prepare, Run and Close the open session, its keys and the read-only banner;
Home and the list of actions a filter line above their list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from ...i18n import _
from ...model import Session
from ...search import Target
from ..keyed import KeyedScreen
from ..widgets.line_input import LineInput
from ..widgets.rows import RowList
from ..widgets.safe import plain
from ..widgets.tables import ListTable, RowDetail, selected_key
from .dialogs import ConfirmScreen, Field, FormScreen


class SessionScreen(KeyedScreen[None]):
    """Base for the screens of an open session.

    Subclasses read the session through `self.session` every time (a refused change replaces
    the object) and change it through `self.sdtui.edit(...)`, or for text being typed, by setting
    the field and calling `self.sdtui.save_soon()`. A subclass names its own key scopes; the
    "session" keys follow them.
    """

    KEY_SCOPES = ("session",)
    opens_at: Target | None = None
    """The place to show first (a search hit), set by `app.open_session`; None shows the usual view."""

    @property
    def session(self) -> Session:
        session = self.sdtui.session
        assert session is not None, "a session screen is only shown while a session is open"
        return session

    def readonly_banner(self) -> ComposeResult:
        if self.sdtui.readonly:
            yield Static(
                plain(_("Read-only: open in {holder}. Changes are not saved.").format(holder=self.sdtui.held_by)),
                classes="readonly-banner",
            )

    def session_title(self) -> str:
        session = self.session
        when = session.date.isoformat() if session.date else ""
        title = f"{session.title} · {when}" if when else session.title
        marker = self.sdtui.live_marker
        return f"{marker} {title}" if marker else title

    FOOTER_FIRST: ClassVar[tuple[str, ...]] = ("session.action",)
    """After Help: capturing an action, from anywhere."""
    FOOTER_LATE: ClassVar[tuple[str, ...]] = ("session.prepare", "session.run", "session.close")
    """After the screen's own keys: the other two screens of the session."""
    FOOTER_LAST: ClassVar[tuple[str, ...]] = ("session.back", "session.undo", "session.redo", "app.quit")
    """Keys everyone knows or finds in help: the first to leave a full footer."""

    def footer_rank(self, binding_id: str) -> int:
        if binding_id in self.FOOTER_FIRST:
            return 1
        if binding_id in self.FOOTER_LATE:
            return 3
        if binding_id in self.FOOTER_LAST:
            return 5
        return super().footer_rank(binding_id)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The line under the lists shows the whole text of the row the cursor is on, when it was cut."""
        if isinstance(event.data_table, ListTable) and event.data_table.has_focus:
            for detail in self.query(RowDetail):
                detail.show_row(event.data_table, event.row_key.value)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        details = self.query(RowDetail)
        if not details:
            return
        table = event.widget if isinstance(event.widget, ListTable) else None
        for detail in details:
            if table is None:
                detail.display = False
            else:
                detail.show_row(table, selected_key(table))

    def show_title(self) -> None:
        self.sub_title = self.session_title()  # this screen's own: the list below keeps its

    def on_mount(self) -> None:
        self.show_title()

    def show_place(self, target: Target) -> None:
        """Bring the pane and row that `target` names into view; screens with panes override this."""

    def after_form(self, result: Any) -> None:
        """What a screen shows after one of its forms closed; `result` is what the change returned."""
        self.refresh_view()

    def edit_in_form(self, title: str, fields: list[Field], change: Callable[[Session, dict[str, str]], Any]) -> None:
        """A form whose values go through the model; a refusal keeps the form open with the message."""

        def submit(values: dict[str, str]) -> Any:
            return self.sdtui.edit(lambda session: change(session, values), raise_errors=True)

        self.app.push_screen(FormScreen(title, fields, submit), callback=self.after_form)

    def edit_if_confirmed(self, question: str, change: Callable[[Session], Any]) -> None:
        """Ask first (y or n), then apply the change and show the result."""

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.sdtui.edit(change)
                self.refresh_view()

        self.app.push_screen(ConfirmScreen(question), callback=confirmed)

    def action_back(self) -> None:
        self.sdtui.leave_session()

    def action_save_template(self) -> None:
        """Keep this session's agenda and topics as an own template (asks a name)."""
        from ...library import OwnLibrary
        from .library import save_as_template

        save_as_template(self, self.session, OwnLibrary(self.sdtui.store.root))


class FilteredListScreen(KeyedScreen[None]):
    """A filter line (`#filter`) above a list (`#LIST_ID`): the list follows what is typed.

    `/` goes to the filter, Down or Enter to the list, Esc empties the filter and goes to the list.
    The filter is a `LineInput` that calls `filter_typed` itself on every key, so the list is
    drawn in the same frame as the letter (through its Changed message it would come a frame later).
    """

    LIST_ID = ""

    @property
    def table(self) -> RowList:
        return self.query_one(f"#{self.LIST_ID}", RowList)

    @property
    def filter_line(self) -> LineInput:
        return self.query_one("#filter", LineInput)

    def make_filter_line(self, placeholder: str) -> LineInput:
        """The filter line, calling `filter_typed` on every change of its text."""
        return LineInput(placeholder=placeholder, id="filter", compact=True, instant=self.filter_typed)

    def show(self) -> None:
        """Fill the list with what the filter lets through."""
        raise NotImplementedError

    def filter_typed(self, value: str) -> None:
        """The filter's text changed: show what it lets through now."""
        if self.is_mounted:
            self.show()

    def filter_entered(self) -> None:
        """What Enter in the filter does once the list has the focus; nothing more by default."""

    def on_input_submitted(self, event: LineInput.Submitted) -> None:
        self.table.focus()
        self.filter_entered()

    def action_filter(self) -> None:
        self.filter_line.focus()

    def key_down(self) -> None:
        if self.filter_line.has_focus:
            self.table.focus()

    def clear_filter(self) -> bool:
        """Esc: empty the filter and go to the list; False when the filter was empty and not in use."""
        filter_line = self.filter_line
        if not (filter_line.has_focus or filter_line.value):
            return False
        filter_line.value = ""
        self.table.focus()
        return True
