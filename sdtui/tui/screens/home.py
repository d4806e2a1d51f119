"""Home: every session in the store, filtered as you type; new, open, copy, delete, export."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from ...exporting import export_minutes
from ...i18n import N_, _, current_language, word
from ...model import Session
from ...store import SessionSummary, StoreError
from ...text import fold
from ...validation import parse_date, parse_time
from ..widgets.part import Part
from ..widgets.rows import Column, MadeRows, Row, RowList
from ..widgets.safe import plain
from .base import FilteredListScreen
from .dialogs import Field, FormScreen, confirm_then, guarded

EMPTY_TEXT = N_(
    "No sessions yet.\n\n"
    "Press n to prepare a new meeting, or d to load the demo meeting\n"
    "(the Wmo network's June meeting) and look around.\n\n"
    "F1 or ? lists every key. Ctrl+Q quits; everything is saved as you go."
)


COLUMNS = ((N_("Date"), 10), (N_("Title"), None), (N_("Network"), 16), (N_("Status"), 8), (N_("Open"), 4))
"""Heading and width of Home's columns; the title (None) takes the room the others leave."""
MIN_TITLE = 20
"""Cells of a long title Home shows at least at 80 columns (the others leave it 38)."""


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
        self._by_id: dict[str, SessionSummary] = {}
        self._made: dict[str, Row] = {}
        """The rows made since the last reload, by session id: a row is made when first shown."""
        self._all = MadeRows([], self._make_row, self._made)
        self._searched: list[str] | None = None
        """The folded text the filter searches in each session (in the order of `summaries`),
        made once per reload, after the list is on screen."""
        self._found: dict[str, tuple[list[str], MadeRows]] = {}
        """Matches of the queries typed since the last reload: a letter added searches only the
        matches of the query before it, and Backspace goes back to matches already found."""
        self._was_empty: bool | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield self.make_filter_line(_("/ to filter: title, network, date, status"))
        yield RowList([Column(_(heading), width) for heading, width in COLUMNS], id="sessions", zebra_stripes=True)
        yield Part(id="detail")
        yield Static(_(EMPTY_TEXT), id="empty", markup=False)
        yield Footer(compact=True)

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: the one place the list is read.
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """Read the list from the store and show it."""
        try:
            summaries = self.sdtui.store.list()
        except StoreError as error:
            summaries = []
            self.notify(str(error), title=_("Cannot read the store"), severity="error", markup=False)
        if summaries == self.summaries and self._by_id:  # back from a session that changed nothing Home shows
            self.show(select)
            return
        self.summaries = summaries
        self._by_id = {summary.id: summary for summary in self.summaries}
        self._made = {}
        self._all = MadeRows([summary.id for summary in self.summaries], self._make_row, self._made)
        self._searched = None
        self._found = {}
        self.show(select)
        self.call_after_refresh(self._search_texts)  # ready before the first letter, not before the list

    def _make_row(self, session_id: str) -> Row:
        return self._row(self._by_id[session_id])

    @staticmethod
    def _row(summary: SessionSummary) -> Row:
        return Row(
            summary.id,
            (
                summary.date.isoformat() if summary.date else "",
                summary.title,
                summary.network,
                word(summary.shown_status),
                Text(str(summary.open_actions), style="bold") if summary.open_actions else "",
            ),
        )

    @staticmethod
    def _haystack(summary: SessionSummary) -> str:
        when = summary.date.isoformat() if summary.date else ""
        return fold(
            f"{when} {summary.title} {summary.network} {summary.shown_status.value} {word(summary.shown_status)}"
        )

    def _search_texts(self) -> list[str]:
        if self._searched is None:
            self._searched = [self._haystack(summary) for summary in self.summaries]
        return self._searched

    def _matches(self) -> MadeRows:
        """The rows of the sessions whose text holds every word of the filter."""
        value = self.filter_line.value
        query = " ".join(fold(value).split()) + (" " if value.endswith(" ") else "")
        if not query.strip():
            return self._all
        self._found = {known: found for known, found in self._found.items() if query.startswith(known)}
        base = max(self._found, key=len, default=None)
        if base is None:
            texts, rows, words = self._search_texts(), self._all, query.split()
        else:
            (texts, rows), searched = self._found[base], set(base.split())
            words = [word for word in query.split() if word not in searched]  # base's matches hold those
        if query != base:
            keys: Sequence[str] = rows.keys
            for word in words:  # one word at a time, each test in C: flat from 1,000 to 10,000 sessions
                holds = [word in text for text in texts]
                keys, texts = list(compress(keys, holds)), list(compress(texts, holds))
            rows = MadeRows(keys, self._make_row, self._made)
            self._found[query] = (texts, rows)
        return rows

    def show(self, select: str | None = None) -> None:
        """Show the sessions the filter lets through, keeping the selected one."""
        table = self.table
        table.set_rows(self._matches())
        if select is not None:
            table.move_to_key(select)
        empty = not self.summaries
        if empty != self._was_empty:
            self._was_empty = empty
            self.query_one("#empty").display = empty
            # With nothing to list, nothing takes focus, so n and d reach the screen.
            table.display = self.filter_line.display = self.query_one("#detail").display = not empty
            if empty:
                self.set_focus(None)
            self.refresh_bindings()  # the footer redraws whole: only when its keys change
        if not empty and not self.filter_line.has_focus:
            table.focus()
        self.show_detail()

    def show_detail(self) -> None:
        """All of the highlighted session's title and network: the columns may cut them."""
        summary = self._by_id.get(self.selected_id() or "")
        line = Text(no_wrap=True, overflow="ellipsis")
        if summary is not None:
            line.append_text(plain(summary.title, "bold"))
            if summary.network:
                line.append_text(plain(f" · {summary.network}"))
        self.query_one("#detail", Part).show(line, layout=False)

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        self.show_detail()

    def selected_id(self) -> str | None:
        return self.table.cursor_key

    # filter as you type (FilteredListScreen)

    def filter_entered(self) -> None:
        """Enter in the filter opens the highlighted session."""
        self.action_open()

    def key_escape(self) -> None:
        self.clear_filter()

    # actions

    def on_row_list_selected(self, event: RowList.Selected) -> None:
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
            return self.sdtui.store.add(
                Session(
                    values["title"],
                    network=values["network"],
                    date=parse_date(values["date"]),
                    start_time=parse_time(values["start_time"], "Start time"),
                    end_time=parse_time(values["end_time"], "End time"),
                )
            )

        self.sdtui.push_screen(FormScreen(_("New session"), fields, guarded(create)), callback=self._opened)

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

        confirm_then(
            self,
            _("Delete {title!r} ({date})? Ctrl+Z right after brings it back.").format(
                title=summary.title, date=summary.date or _("no date")
            ),
            delete,
            _("Deleted: {title}. Ctrl+Z brings it back.").format(title=summary.title),
            self.reload,
        )

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
                self.sdtui.push_screen(
                    session_form(template, library, self.sdtui.today(), self.sdtui.store.add), callback=self._opened
                )

        self.sdtui.push_screen(TemplatePicker(library), callback=picked)

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

        self.sdtui.push_screen(SearchScreen())

    def action_attendance(self) -> None:
        session_id = self.selected_id()
        summary = next((s for s in self.summaries if s.id == session_id), None)
        if summary is None:
            return
        if not summary.network.strip():
            self.notify(
                _("This session has no network; give it one on Prepare (F2) to see who came how often."),
                severity="warning",
                markup=False,
            )
            return
        from .attendance import AttendanceScreen

        self.sdtui.push_screen(AttendanceScreen(summary.network))

    def action_next_meeting(self) -> None:
        from .next_meeting import ask_next_meeting

        session_id = self.selected_id()
        if session_id:
            ask_next_meeting(self.sdtui, session_id)

    def action_all_actions(self) -> None:
        from .actions import ActionsScreen

        self.sdtui.push_screen(ActionsScreen())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"filter", "search"} and not self.summaries:
            return False  # nothing to filter or search: the key leaves the footer
        if (
            action in {"open", "duplicate", "delete", "export", "attendance", "next_meeting", "all_actions"}
            and not self.summaries
        ):
            return None  # shown greyed out until there is a session
        return True
