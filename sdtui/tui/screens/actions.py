"""Action items of every meeting in the store: open, overdue, by owner or network; Enter opens the meeting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker

from ...i18n import N_, _, word
from ...series import SeriesAction, actions_across
from ...store import Store, StoreError
from ...text import fold
from ..widgets.rows import Column, Row, RowList
from ..widgets.safe import plain
from .base import FilteredListScreen

OVERDUE_STYLE = "bold red"


class ActionsScreen(FilteredListScreen):
    """All action items across the meetings, read once when the screen opens."""

    CSS_PATH = "../styles/actions.tcss"
    KEY_SCOPES = ("actions",)
    LIST_ID = "all-actions"
    SCREEN_NAME = "actions"
    HELP_TITLE = N_("Action items of every meeting")
    HELP_TEXT = N_(
        "Type / and part of an owner's name, a network or the action itself to filter. o shows open "
        "actions only or all; d overdue ones only. Overdue actions are marked OVERDUE. Enter opens "
        "the meeting the action belongs to; an action carried over is listed at its latest meeting."
    )
    AUTO_FOCUS = "#all-actions"

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[SeriesAction] = []
        self.shown: list[SeriesAction] = []
        self._listed: list[Row] = []
        """One list row per action in `rows` (keyed by its place there), made once when read."""
        self._found: dict[str, list[int]] = {}
        """Places in `rows` of the actions that passed each query typed since the toggles last
        changed: a letter added searches only the matches of the query before it."""
        self.loaded = False
        self.problems = 0
        """How many session files could not be read (each named in a message)."""
        self.open_only = True
        self.overdue_only = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield self.make_filter_line(_("/ to filter: owner, network, action"))
        yield Static(id="actions-state")
        yield RowList(
            [
                Column(_("Due"), 10),
                Column(_("Status"), 12),
                Column(_("Owner"), 14),
                Column(_("Action"), None),
                Column(_("Network"), 10),
            ],
            id="all-actions",
            zebra_stripes=True,
        )
        yield Static(id="action-meeting")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = _(self.HELP_TITLE)
        self.query_one("#actions-state", Static).update(_("Reading the meetings…"))
        self.load(self.sdtui.store.root)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self, root: Path) -> None:
        """Read every session once, off the screen's thread: a store of a thousand meetings takes a moment."""
        try:
            # A store of its own: the app's is in use on the main thread meanwhile.
            with Store(root) as store:
                sessions, problems = store.load_all()
        except StoreError as error:
            sessions, problems = [], [str(error)]
        rows = actions_across(sessions)
        for row in rows:
            row.folded  # noqa: B018 - folded here, so the first letter typed in the filter does not wait
        if not get_current_worker().is_cancelled:  # Esc while reading: nobody waits for the list
            self.sdtui.call_from_thread(self.loaded_rows, rows, problems)

    def loaded_rows(self, rows: list[SeriesAction], problems: list[str]) -> None:
        if not self.is_attached:
            return
        self.rows = rows
        today = self.today
        self._listed = [Row(str(index), self.cells(row, today)) for index, row in enumerate(rows)]
        self._found = {}
        self.problems = len(problems)
        self.loaded = True
        for problem in problems:
            self.notify(problem, title=_("Not read"), severity="warning", markup=False, timeout=10)
        self.show()

    @property
    def today(self) -> date:
        return self.sdtui.today()

    # --- showing ------------------------------------------------------------------------

    def show(self) -> None:
        """Show the actions that pass the filters, keeping the highlighted one."""
        places = self._matches()
        self.shown = [self.rows[place] for place in places]
        self.table.set_rows([self._listed[place] for place in places])
        self.show_state()
        self.show_meeting()
        self.refresh_bindings()

    def _matches(self) -> list[int]:
        """Places in `rows` of the actions that pass the toggles and hold every word typed."""
        value = self.filter_line.value
        query = " ".join(fold(value).split()) + (" " if value.endswith(" ") else "")
        self._found = {known: found for known, found in self._found.items() if query.startswith(known)}
        base = max(self._found, key=len, default=None)
        if base is None:
            today = self.today
            base, found = (
                "",
                [
                    place
                    for place, row in enumerate(self.rows)
                    if (not self.open_only or row.is_open) and (not self.overdue_only or row.overdue(today))
                ],
            )
            self._found[base] = found
        found = self._found[base]
        if query != base:
            words = query.split()
            found = [place for place in found if all(w in self.rows[place].folded[2] for w in words)]
            self._found[query] = found
        return found

    def cells(self, row: SeriesAction, today: date) -> list[str | Text]:
        """One action as table cells; overdue stands out by style and by the word, for NO_COLOR too."""
        late = row.overdue(today)
        style = OVERDUE_STYLE if late else ""
        status = word(row.action.status)
        if late:
            status = _("{status} OVERDUE").format(status=status)
        due = row.action.due.isoformat() if row.action.due else ""
        if late:
            return [plain(due, style), plain(status, style), row.owner, " ".join(row.action.text.split()), row.network]
        return [due, status, row.owner, " ".join(row.action.text.split()), row.network]

    def show_state(self) -> None:
        """Which filters are on and how many actions pass, in words."""
        if not self.loaded:
            return
        filters = [_("open only") if self.open_only else _("open and closed")]
        if self.overdue_only:
            filters.append(_("overdue only"))
        count = len(self.shown)
        line = _("{shown} of {total} actions · {filters} · o: open/all · d: overdue").format(
            shown=count, total=len(self.rows), filters=", ".join(filters)
        )
        state = plain(line)
        if self.problems:
            state = plain(_("{count} could not be read (see the message) · ").format(count=self.problems), "bold")
            state.append(line)
        self.query_one("#actions-state", Static).update(state)

    def show_meeting(self) -> None:
        """The meeting of the highlighted action, and where it was carried from."""
        row = self.selected()
        text = Text()
        if row is not None:
            when = row.session_date.isoformat() if row.session_date else _("no date")
            text.append(_("Meeting: "), style="bold")
            text.append_text(plain(f"{row.session_title} · {when}" + (f" · {row.network}" if row.network else "")))
            if row.action.carried_from:
                text.append(" · " + _("carried over from an earlier meeting"), style="italic")
            # The columns may cut the owner and the action: here they are whole.
            text.append_text(plain("\n" + (f"{row.owner}: " if row.owner else "") + " ".join(row.action.text.split())))
        elif self.loaded:
            text.append(_("No action items match.") if self.rows else _("No action items in any meeting yet."))
        self.query_one("#action-meeting", Static).update(text)

    def selected(self) -> SeriesAction | None:
        key = self.table.cursor_key
        return self.rows[int(key)] if key is not None else None

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        self.show_meeting()

    # --- filters (typed ones: FilteredListScreen) ------------------------------------------

    def action_toggle_open(self) -> None:
        self.open_only = not self.open_only
        self._found = {}
        self.show()

    def action_toggle_overdue(self) -> None:
        self.overdue_only = not self.overdue_only
        self._found = {}
        self.show()

    # --- leaving ------------------------------------------------------------------------

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        self.action_open()

    def action_open(self) -> None:
        row = self.selected()
        if row is not None:
            self.sdtui.open_session(row.session_id)

    def action_back(self) -> None:
        """Esc leaves the filter line first (clearing it), then the screen."""
        if not self.clear_filter():
            self.sdtui.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return bool(self.shown) or None
        if action in ("toggle_open", "toggle_overdue") and self.filter_line.has_focus:
            return False  # the letters are typed into the filter
        return True


__all__ = ["ActionsScreen"]
