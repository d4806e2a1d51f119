"""Home: every session in the store, filtered as you type; new, open, copy, delete, export."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from ...exporting import export_minutes
from ...i18n import N_, _, current_language, word
from ...model import Session
from ...store import SessionSummary, StoreError
from ...text import fold
from .base import FilteredListScreen
from .dialogs import Field, FormScreen, confirm_then, guarded
from ..widgets.safe import SafeInput, plain
from ..widgets.tables import keep_cursor, selected_key

EMPTY_TEXT = N_(
    "No sessions yet.\n\n"
    "Press n to prepare a new meeting, or d to load the demo meeting\n"
    "(the Wmo network's June meeting) and look around.\n\n"
    "F1 or ? lists every key. Ctrl+Q quits; everything is saved as you go."
)


COLUMNS = (("date", N_("Date"), 10), ("title", N_("Title"), 0), ("network", N_("Network"), 16),
           ("status", N_("Status"), 8), ("open", N_("Open"), 4))
"""Key, heading and width of Home's columns; the title (0) takes the room the others leave."""
MIN_TITLE = 20

PAGE = 60
"""Rows put in the list at a time: three screens at 80x24. A DataTable row costs a fraction of a
millisecond to add and measure, so a store of thousands would take seconds to list at start and
on every key typed in the filter: the list holds the first matches, and the next page joins when
the cursor comes within a screen of the end."""


class HomeScreen(FilteredListScreen):
    """The list of sessions."""

    CSS_PATH = "../styles/home.tcss"
    KEY_SCOPES = ("home",)
    LIST_ID = "sessions"
    SCREEN_NAME = "home"
    HELP_TITLE = N_("Home")
    HELP_TEXT = N_("Type / and a few letters to filter by title, network, date or status; Enter opens.")
    AUTO_FOCUS = ""
    """`show()` decides: the list when there is one, else nothing, so letter keys reach the screen."""

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[SessionSummary] = []
        self.columns_width = 0
        self.matches: list[SessionSummary] = []
        """The summaries the filter lets through; the list shows the first of them."""
        self._searchable: list[tuple[SessionSummary, str]] | None = None
        """Each session and what the filter searches in it; made when first filtered."""
        self._listed: list[SessionSummary] = []
        """The summaries in the list now, in order: a key that changes none of them redraws nothing."""
        self._was_empty: bool | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield SafeInput(placeholder=_("/ to filter: title, network, date, status"), id="filter", compact=True)
        table: DataTable[Text] = DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        self.add_columns(table, self.sdtui.size.width)
        yield table
        yield Static(_(EMPTY_TEXT), id="empty", markup=False)
        yield Footer(compact=True)

    def add_columns(self, table: DataTable, width: int) -> None:
        """Every column in view at this width, status and open actions included: long titles are cut."""
        taken = sum(room + 2 for _key, _heading, room in COLUMNS if room) + 2 + 2  # cell padding, scrollbar
        for key, heading, room in COLUMNS:
            table.add_column(_(heading), key=key, width=room or max(MIN_TITLE, width - taken))
        self.columns_width = width

    def on_resize(self, event: events.Resize) -> None:
        if event.size.width != self.columns_width:
            self.table.clear(columns=True)
            self.add_columns(self.table, event.size.width)
            self._listed = []  # the rows went with the columns
            self.show()

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: the one place the list is read.
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """Read the list from the store and show it."""
        try:
            self.summaries = self.sdtui.store.list()
        except StoreError as error:
            self.summaries = []
            self.notify(str(error), title=_("Cannot read the store"), severity="error", markup=False)
        self._searchable = None
        self.show(select)

    def show(self, select: str | None = None) -> None:
        """Fill the list with the sessions the filter lets through, keeping the selected one."""
        table = self.table
        keep = select or self.selected_id()
        words = fold(self.filter_line.value).split()
        if words:
            self.matches = [s for s, haystack in self._haystacks() if all(w in haystack for w in words)]
        else:
            self.matches = self.summaries
        wanted = PAGE
        if keep is not None:  # the selected session stays in the list, even far down
            wanted = max(wanted, next((n + 1 for n, s in enumerate(self.matches) if s.id == keep), 0))
        if self.matches[:wanted] != self._listed:
            table.clear()
            self._listed = []
            self._add_rows(wanted)
        empty = not self.summaries
        if empty != self._was_empty:
            self._was_empty = empty
            self.query_one("#empty").display = empty
            # With nothing to list, nothing takes focus, so n and d reach the screen.
            table.display = self.filter_line.display = not empty
            if empty:
                self.set_focus(None)
            self.refresh_bindings()  # the footer redraws whole: only when its keys change
        keep_cursor(table, keep)
        if not empty and not self.filter_line.has_focus:
            table.focus()

    def _haystacks(self) -> list[tuple[SessionSummary, str]]:
        """Each session with what the filter searches in it, folded; made once per reload."""
        if self._searchable is None:
            self._searchable = []
            for summary in self.summaries:
                when = summary.date.isoformat() if summary.date else ""
                text = f"{when} {summary.title} {summary.network} {summary.shown_status.value} {word(summary.shown_status)}"
                self._searchable.append((summary, fold(text)))
        return self._searchable

    def _add_rows(self, count: int) -> None:
        """Put up to `count` more of the matching sessions at the end of the list."""
        table = self.table
        start = len(self._listed)
        for summary in self.matches[start:start + count]:
            self._listed.append(summary)
            table.add_row(
                plain(summary.date.isoformat() if summary.date else ""), plain(summary.title),
                plain(summary.network), plain(word(summary.shown_status)),
                plain(str(summary.open_actions) if summary.open_actions else "", "bold"),
                key=summary.id,
            )

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The cursor within a screen of the end: the next page of sessions joins the list."""
        table = event.data_table
        if table.id == "sessions" and event.cursor_row >= table.row_count - 20 and table.row_count < len(self.matches):
            self._add_rows(PAGE)

    def selected_id(self) -> str | None:
        return selected_key(self.table)

    # filter as you type (FilteredListScreen)

    def filter_entered(self) -> None:
        """Enter in the filter opens the highlighted session."""
        self.action_open()

    def key_escape(self) -> None:
        self.clear_filter()

    # actions

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def action_open(self) -> None:
        session_id = self.selected_id()
        if session_id:
            self.sdtui.open_session(session_id)

    def action_new(self) -> None:
        today = self.sdtui.today()
        fields = [
            Field("title", _("Title"), placeholder="Netwerkbijeenkomst september"),
            Field("network", _("Network"), placeholder="Wmo transformatienetwerk"),
            Field("date", _("Date (YYYY-MM-DD)"), today.isoformat(), replace=True),
            Field("start_time", _("Start (HH:MM)"), "13:30", replace=True),
            Field("end_time", _("End (HH:MM)"), "16:00", replace=True),
        ]

        def create(values: dict[str, str]) -> Session:
            return self.sdtui.store.add(Session(**values))

        self.app.push_screen(FormScreen(_("New session"), fields, guarded(create)), callback=self._opened)

    def _opened(self, session: Session | None) -> None:
        if session is not None:
            self.reload(select=session.id)
            self.sdtui.open_session(session.id, "prepare")

    def action_duplicate(self) -> None:
        session_id = self.selected_id()
        if not session_id:
            return
        try:
            copy = self.sdtui.store.add(self.sdtui.store.load(session_id).duplicate())
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(_("Copied as a new draft: {title}").format(title=copy.title), markup=False)
        self.reload(select=copy.id)

    def action_delete(self) -> None:
        session_id = self.selected_id()
        if not session_id:
            return
        summary = next(s for s in self.summaries if s.id == session_id)

        def delete() -> None:
            kept = self.sdtui.store.load(session_id)  # what Ctrl+Z puts back
            self.sdtui.store.delete(session_id)
            self.sdtui.deleted = kept

        confirm_then(self, _("Delete {title!r} ({date})? Ctrl+Z right after brings it back.").format(
                              title=summary.title, date=summary.date or _("no date")),
                          delete, _("Deleted: {title}. Ctrl+Z brings it back.").format(title=summary.title),
                          self.reload)

    def action_undelete(self) -> None:
        """Bring back the session deleted last."""
        session = self.sdtui.deleted
        if session is None:
            self.sdtui.tell(_("Nothing to undo."))
            return
        try:
            self.sdtui.store.undelete(session)
        except StoreError as error:
            self.notify(str(error), title=_("Not undone"), severity="error", markup=False)
            return
        self.sdtui.deleted = None
        self.sdtui.tell(_("Undone: deleted {title!r}").format(title=session.title))
        self.reload(select=session.id)

    def action_export(self) -> None:
        session_id = self.selected_id()
        if not session_id:
            return
        try:
            session = self.sdtui.store.load(session_id)
            path = export_minutes(session, self.sdtui.store.minutes_dir)
        except (StoreError, OSError) as error:
            self.notify(str(error), title=_("Not exported"), severity="error", markup=False)
            return
        self.sdtui.published_minutes(session)
        self.notify(_("Minutes written to {path}").format(path=path), title=_("Exported"), markup=False, timeout=10)

    def action_from_template(self) -> None:
        """Pick a built-in or own template, then fill in title, language and time of the new session."""
        from ...library import OwnLibrary
        from ...templates import Template
        from .library import TemplatePicker, session_form

        library = OwnLibrary(self.sdtui.store.root)

        def picked(template: Template | None) -> None:
            if template is not None:
                self.app.push_screen(session_form(template, library, self.sdtui.today(), self.sdtui.store.add),
                                     callback=self._opened)

        self.app.push_screen(TemplatePicker(library), callback=picked)

    def action_demo(self) -> None:
        from ...demo import build_demo

        try:
            session = self.sdtui.store.add(build_demo(today=self.sdtui.today(), language=current_language()))
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.notify(_("Added the demo meeting: {title}").format(title=session.title), markup=False)
        self.reload(select=session.id)

    def action_search(self) -> None:
        from .search import SearchScreen

        self.app.push_screen(SearchScreen())

    def action_attendance(self) -> None:
        session_id = self.selected_id()
        summary = next((s for s in self.summaries if s.id == session_id), None)
        if summary is None:
            return
        if not summary.network.strip():
            self.notify(_("This session has no network; give it one on Prepare (F2) to see who came how often."),
                        severity="warning", markup=False)
            return
        from .attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen(summary.network))

    def action_next_meeting(self) -> None:
        from .next_meeting import ask_next_meeting

        session_id = self.selected_id()
        if session_id:
            ask_next_meeting(self.sdtui, session_id)

    def action_all_actions(self) -> None:
        from .actions import ActionsScreen

        self.app.push_screen(ActionsScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"filter", "search"} and not self.summaries:
            return False  # nothing to filter or search: the key leaves the footer
        if action in {"open", "duplicate", "delete", "export", "attendance", "next_meeting", "all_actions"} \
                and not self.summaries:
            return None  # shown greyed out until there is a session
        return True
