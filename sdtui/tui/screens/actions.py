"""Action items of every meeting in the store: open, overdue, by owner or network; Enter opens the meeting."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import overload

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker

from ...i18n import N_, _, word
from ...series import SeriesAction, actions_across
from ...store import Store, StoreError
from ...text import fold
from ..widgets.part import Part
from ..widgets.rows import Column, MadeRows, Row, RowList
from ..widgets.safe import plain
from .base import FilteredListScreen

OVERDUE_STYLE = "bold red"


class _Keys(Sequence[str]):
    """The list's keys of the actions at `places` in the screen's `rows`: each its place, as text.

    Made when read, so a filter that lets 100,000 actions through lists none of them; the cursor
    finds its row by the place (C code), not by comparing texts.
    """

    def __init__(self, places: list[int]) -> None:
        self.places = places

    def __len__(self) -> int:
        return len(self.places)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> _Keys: ...

    def __getitem__(self, index: int | slice) -> str | _Keys:
        if isinstance(index, slice):
            return _Keys(self.places[index])
        return str(self.places[index])

    def index(self, value: object, start: int = 0, stop: int | None = None) -> int:
        try:
            place = int(str(value))
        except ValueError:
            raise ValueError(value) from None
        return self.places.index(place, start, len(self.places) if stop is None else stop)


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
        self.places: list[int] = []
        """Places in `rows` of the actions shown."""
        self._made: dict[str, Row] = {}
        """The list's rows made so far (keyed by the action's place in `rows`): a row is made when first shown."""
        self._today = date.min
        self._texts: list[str] = []
        """What the filter searches in each action of `rows`, folded."""
        self._can_open: bool | None = None
        """Whether Enter had an action to open when the footer was last drawn."""
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
        yield Part(id="actions-state")
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
        yield Part(id="action-meeting")
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
        self._today = self.today
        self._made = {}
        self._texts = [row.folded[2] for row in rows]
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
        self.places = self._matches()
        self.table.set_rows(MadeRows(_Keys(self.places), self._make_row, self._made))
        self.show_state()
        self.show_meeting()
        if bool(self.places) != self._can_open:
            self._can_open = bool(self.places)
            self.refresh_bindings()  # the footer redraws whole: only when its keys change

    def _make_row(self, key: str) -> Row:
        return Row(key, self.cells(self.rows[int(key)], self._today))

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
            words, texts = query.split(), self._texts
            if len(words) == 1:  # the common case, much faster without all()
                word = words[0]
                found = [place for place in found if word in texts[place]]
            else:
                found = [place for place in found if all(w in texts[place] for w in words)]
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
        count = len(self.places)
        line = _("{shown} of {total} actions · {filters} · o: open/all · d: overdue").format(
            shown=count, total=len(self.rows), filters=", ".join(filters)
        )
        state = plain(line)
        if self.problems:
            state = plain(_("{count} could not be read (see the message) · ").format(count=self.problems), "bold")
            state.append(line)
        self.query_one("#actions-state", Part).show(state, layout=False)

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
        self.query_one("#action-meeting", Part).show(text, layout=False)

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
            return bool(self.places) or None
        if action in ("toggle_open", "toggle_overdue") and self.filter_line.has_focus:
            return False  # the letters are typed into the filter
        return True


__all__ = ["ActionsScreen"]
