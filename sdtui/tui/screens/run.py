"""Run: the meeting one agenda item at a time, against the clock.

Five panes for the item in view: its notes, the restore-or-renovate board (a widget of its own,
widgets/board.py), the signals round, the decisions and the action items. Notes are saved as
they are typed; everything else through `app.edit`.
"""

from __future__ import annotations

from datetime import timedelta

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import ContentSwitcher, DataTable, Footer, Header, Static

from ...i18n import N_, _, word
from ...model import MAX_TEXT, AgendaItem, ItemKind, Note, Round, SessionStatus, SignalKind
from ...search import Target
from ...text import cells, one_line
from ..widgets.action_table import action_table, cycle_status, show_actions
from ..widgets.board import Board
from ..widgets.clock import clock
from ..widgets.editor import NoteEditor
from ..widgets.tables import ListTable, RowDetail, keep_cursor, selected_key
from ..widgets.ticker import Ticker
from . import record
from .base import SessionScreen
from .dialogs import Field, choice

LIST_DELAY = 0.5
"""Seconds after the last key before the list of notes shows the line being typed."""

PANES = (
    ("notes", N_("F5 Notes")),
    ("board", N_("F6 Board")),
    ("signals", N_("F7 Signals")),
    ("decisions", N_("F8 Decisions")),
    ("actions", N_("F9 Actions")),
)


def note_line(note: Note) -> Text:
    """A note in the list: its first line, marked when confidential (the brackets are text, not markup)."""
    line = Text(_("[confidential] ") if note.confidential else "", style="bold")
    line.append(note.text.split("\n", 1)[0] or _("(empty note)"))
    return line


class RunScreen(SessionScreen):
    """The meeting as it happens."""

    SCREEN_NAME = "run"
    KEY_SCOPES = ("run",)  # then "session", from SessionScreen
    CSS_PATH = "../styles/run.tcss"
    HELP_TITLE = N_("Run")
    HELP_TEXT = N_(
        "On the notes pane, e or Enter types in the selected note and a starts a new one; notes are "
        "saved as you type. Esc leaves the editor; Ctrl+N and Ctrl+R move between items, also while "
        "typing. On the board, r, v and u set the selected participant's position and move to the next "
        "one. Lists scroll with the arrow keys, PgUp, PgDn, Home and End."
    )

    def __init__(self) -> None:
        super().__init__()
        self.pane = "notes"
        self.note_id: str | None = None
        self._list_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield from self.readonly_banner()
        yield Static(id="item-bar")
        yield Ticker(id="clock-bar")
        yield Static(id="pane-bar")
        with ContentSwitcher(initial="notes", id="panes"):
            with Vertical(id="notes"):
                notes: DataTable[Text] = DataTable(id="notes-table", cursor_type="row", show_header=False)
                notes.add_column("note", width=76)
                yield notes
                yield NoteEditor(id="note-editor")
            yield Board()
            signals = ListTable(id="signals", cursor_type="row", zebra_stripes=True)
            signals.add_column(_("Organisation"), width=20)
            signals.add_column(_("Kind"), width=13)
            signals.add_column(_("Signal"), width=38)
            yield signals
            decisions = ListTable(id="decisions", cursor_type="row", zebra_stripes=True)
            decisions.add_column("#", width=2)
            decisions.add_column(_("Decision"), width=44)
            decisions.add_column(_("Rationale"), width=26)
            yield decisions
            with Vertical(id="actions"):
                yield Static(_("Action items (Space: open, done, dropped)"), classes="section-title")
                yield action_table("run-actions")
        yield RowDetail()
        yield Footer(compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_view()
        self.set_interval(1, self.show_clocks)
        self.focus_pane()
        if self.opens_at is not None:
            self.show_place(self.opens_at)

    def show_place(self, target: Target) -> None:
        """Open on a search hit: its agenda item, its pane, and its note, round or row selected.

        Moving to the item is the same move as n and p make (the clock follows in a running
        meeting); in a read-only session it changes only what is shown.
        """
        session = self.session
        index = next((number for number, item in enumerate(session.agenda) if item.id == target.item_id), None)
        if index is not None and index != session.current_item:
            if self.sdtui.readonly:
                session.current_item = index
            else:
                self.sdtui.edit(lambda s: s.go_to(index, self.sdtui.clock()))
        self.pane = target.pane
        if target.pane == "notes":
            self.note_id = target.part_id
        self.refresh_view()
        if target.pane == "board":
            if index is None:  # its agenda item was removed: no board shows the round any more
                self.notify(
                    _("This topic is on no agenda item now; attach topics to items on Prepare (F2)."),
                    severity="warning",
                    markup=False,
                )
            else:
                self.board.show_round(target.part_id)
        if target.pane in ("signals", "decisions"):
            keep_cursor(self.query_one(f"#{target.pane}", DataTable), target.part_id)
        self.focus_pane()
        self.refresh_bindings()

    # --- what is in view ----------------------------------------------------------------

    @property
    def item(self) -> AgendaItem | None:
        session = self.session
        return session.agenda[session.current_item] if session.agenda else None

    @property
    def current_item_id(self) -> str | None:
        item = self.item
        return item.id if item else None

    @property
    def board(self) -> Board:
        return self.query_one(Board)

    @property
    def round(self) -> Round | None:
        """The round in view on the board."""
        return self.board.round

    @property
    def round_in_view(self) -> str | None:
        round_ = self.board.round if self.is_mounted else None
        return round_.id if round_ is not None else None

    @property
    def editor(self) -> NoteEditor:
        return self.query_one("#note-editor", NoteEditor)

    def note(self) -> Note | None:
        item = self.item
        if item is None or self.note_id is None:
            return None
        return next((n for n in item.notes if n.id == self.note_id), None)

    # --- showing ------------------------------------------------------------------------

    def refresh_view(self) -> None:
        self.show_item()
        self.show_clocks()
        self.show_panes()
        self.show_notes()
        self.board.show()
        self.show_signals()
        self.show_decisions()
        show_actions(self.query_one("#run-actions", ListTable), self.session, self.sdtui.today())

    def show_item(self) -> None:
        session, item = self.session, self.item
        bar = Text()
        if item is None:
            bar.append(_("The agenda is empty: add items on Prepare (F2)."))
        else:
            number = _("Item {number}/{count} · ").format(number=session.current_item + 1, count=len(session.agenda))
            tail = (f" · {item.presenter}" if item.presenter else "") + record.item_hint(session)
            # A long title ends in "…", so the presenter and the hint after it stay in view.
            room = max(10, self.size.width - 2 - cells(number) - cells(tail))
            bar.append(number, style="bold")
            bar.append(one_line(item.title, room), style="bold")
            bar.append(tail)
        self.query_one("#item-bar", Static).update(bar)

    def show_clocks(self) -> None:
        session, item = self.session, self.item
        now = self.sdtui.clock()
        if session.status is SessionStatus.DRAFT:
            line = Text(_("Not started: press n to start the meeting and its clock."), style="bold")
        else:
            line = Text()
            if item is not None:
                line.append_text(clock(_("Item"), item.elapsed(now), timedelta(minutes=item.timebox)))
                line.append("   ")
            line.append_text(
                clock(
                    _("Meeting"),
                    session.meeting_elapsed(now),
                    timedelta(minutes=session.planned_minutes),
                    minutes=True,
                )
            )
            if session.status is SessionStatus.CLOSED:
                line.append("   " + _("closed"), style="italic")
            line.append_text(record.live_status(session, now))
        self.query_one("#clock-bar", Ticker).update(line)

    def show_panes(self) -> None:
        bar = Text()
        for name, label in PANES:
            bar.append(f" {_(label)} ", style="bold reverse" if name == self.pane else "")
            bar.append(" ")
        self.query_one("#pane-bar", Static).update(bar)
        self.query_one(ContentSwitcher).current = self.pane

    def show_notes(self, *, reload_editor: bool = True) -> None:
        table = self.query_one("#notes-table", DataTable)
        item = self.item
        table.clear()
        notes = item.notes if item else []
        for note in notes:
            table.add_row(note_line(note), key=note.id)
        if self.note_id not in {n.id for n in notes}:
            self.note_id = notes[-1].id if notes else None
        keep_cursor(table, self.note_id)
        if reload_editor:
            self.load_editor()

    def load_editor(self) -> None:
        note = self.note()
        text = note.text if note else ""
        if self.editor.text != text:
            self.editor.load_text(text)  # posts no Changed: loading is not typing
            self.editor.move_cursor(self.editor.end)  # go on typing where the note ends
        self.editor.border_title = (
            _("Confidential note: never exported")
            if note and note.confidential
            else _("Note (Ctrl+L marks it confidential)")
        )
        self.editor.set_class(bool(note and note.confidential), "confidential")

    def show_signals(self) -> None:
        table = self.query_one("#signals", ListTable)
        keep = selected_key(table)
        table.clear()
        for signal in self.session.signals:
            table.add_fitted(signal.organisation, word(signal.kind), signal.text, key=signal.id)
        keep_cursor(table, keep)

    def show_decisions(self) -> None:
        table = self.query_one("#decisions", ListTable)
        keep = selected_key(table)
        table.clear()
        for number, decision in enumerate(self.session.decisions, start=1):
            table.add_fitted(str(number), decision.text, decision.rationale, key=decision.id)
        keep_cursor(table, keep)

    def focus_pane(self) -> None:
        """Focus the list of the pane in view, so its keys work at once (on notes: the list, not the editor)."""
        target = {
            "notes": "#notes-table",
            "board": "#positions",
            "signals": "#signals",
            "decisions": "#decisions",
            "actions": "#run-actions",
        }[self.pane]
        self.query_one(target).focus()

    # --- moving through the meeting -----------------------------------------------------

    def action_next_item(self) -> None:
        session = self.session
        if not session.agenda:
            self.notify(_("The agenda is empty: add items on Prepare (F2)."), severity="warning")
            return
        if session.status is SessionStatus.DRAFT:
            self.sdtui.edit(lambda s: s.start(self.sdtui.clock()))
            self.notify(_("The meeting has started."), markup=False)
        elif session.current_item >= len(session.agenda) - 1:
            self.notify(_("This is the last item. F4 reviews the meeting and closes it."), markup=False)
            return
        else:
            self.sdtui.edit(lambda s: s.go_to(s.current_item + 1, self.sdtui.clock()))
        self.after_move()

    def action_previous_item(self) -> None:
        if self.session.current_item == 0:
            self.notify(_("This is the first item."), markup=False)
            return
        self.sdtui.edit(lambda s: s.go_to(s.current_item - 1, self.sdtui.clock()))
        self.after_move()

    def after_move(self) -> None:
        self.note_id = None
        self.board.round_index = 0
        item = self.item
        if item is not None and item.kind is ItemKind.ACTIONS_REVIEW and self.session.actions:
            self.pane = "actions"  # the actions review: the list to go through is in view
        self.refresh_view()
        self.refresh_bindings()
        self.focus_pane()

    def action_pane(self, name: str) -> None:
        self.pane = name
        self.show_panes()
        self.focus_pane()
        self.refresh_bindings()

    def action_back(self) -> None:
        """Esc in the note editor leaves the editor; elsewhere it goes back to Home."""
        if self.editor.has_focus:
            self.query_one("#notes-table").focus()
        else:
            super().action_back()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keys of another pane are hidden, so the footer lists what works here (the board's are its own).
        if action in ("toggle_confidential", "type_note"):
            return self.pane == "notes"
        if action == "edit" and self.pane == "notes":
            return False  # e is "type" here
        if action in ("edit", "remove"):
            return self.pane not in ("board", "actions")
        if action == "cycle_status":
            return self.pane == "actions" and bool(self.session.actions)
        return True

    def footer_rank(self, binding_id: str) -> int:
        """The board's keys rank with Run's own (after them: they are not among Run's scopes), so on
        the board r, v and u stay in view and Next and Prev come first."""
        if binding_id.startswith("board."):
            return 2
        return super().footer_rank(binding_id)

    def action_cycle_status(self) -> None:
        """Open (kept), done, dropped: the actions review goes down the list with Space."""
        cycle_status(self.sdtui, self.query_one("#run-actions", ListTable))
        show_actions(self.query_one("#run-actions", ListTable), self.session, self.sdtui.today())

    def action_presence(self) -> None:
        record.presence_form(self)

    def action_replan(self, how: str) -> None:
        record.replan_form(self, how)

    def action_approve_previous(self) -> None:
        record.approve_form(self)

    # --- notes --------------------------------------------------------------------------

    def on_note_editor_changed(self, event: NoteEditor.Changed) -> None:
        """Typing goes straight into the note; the first letter of a new note creates it."""
        if event.editor is not self.editor or self.sdtui.readonly or self.item is None:
            return
        text = event.text
        if len(text) > MAX_TEXT:
            self.notify(
                _(
                    "A note holds at most {limit:,} characters; only that much is kept. "
                    "Start a new note with Esc and a."
                ).format(limit=MAX_TEXT),
                title=_("Note too long"),
                severity="warning",
                markup=False,
            )
            text = text[:MAX_TEXT]
        note = self.note()
        if note is None:
            if not text.strip():
                return
            item_id = self.item.id
            created = self.sdtui.edit(lambda s: s.add_note(item_id, text), announce=False)  # typing shows itself
            if created is not None:
                self.note_id = created.id
                # The editor already holds the text, maybe more than `text` by now: leave it be.
                self.show_notes(reload_editor=False)
            return
        note = self.session.set_note_text(self.item.id, note.id, text)
        self.sdtui.save_soon()
        # The list above shows the note's first line; it follows once typing pauses, not on every key:
        # on a thin line a redrawn row costs more than the typed letter itself.
        if self._list_timer is not None:
            self._list_timer.stop()
        note_id = note.id
        self._list_timer = self.set_timer(LIST_DELAY, lambda: self.show_note_line(note_id))

    def show_note_line(self, note_id: str) -> None:
        """The note typed in, in the list of notes, as typed so far."""
        self._list_timer = None
        item = self.item
        note = next((n for n in item.notes if n.id == note_id), None) if item is not None else None
        table = self.query_one("#notes-table", DataTable)
        if note is not None and note.id in table.rows:
            table.update_cell(note.id, table.ordered_columns[0].key, note_line(note))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # Only the facilitator moving through the list switches notes, not the list being refilled.
        if event.data_table.id == "notes-table" and event.data_table.has_focus and event.row_key.value != self.note_id:
            self.sdtui.flush()
            self.note_id = event.row_key.value
            self.load_editor()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        if event.data_table.id == "notes-table":
            self.editor.focus()

    def action_type_note(self) -> None:
        """Type in the selected note; with no note yet, in a new one."""
        if self.note() is None:
            self.action_add()
        else:
            self.editor.focus()

    def action_toggle_confidential(self) -> None:
        note, item = self.note(), self.item
        if note is None or item is None:
            self.notify(_("Type a note first; then Ctrl+L marks it confidential."), markup=False)
            return
        item_id, note_id = item.id, note.id
        self.sdtui.edit(lambda s: s.toggle_confidential(item_id, note_id))
        self.show_notes()

    # --- adding, editing, removing ------------------------------------------------------

    def action_add(self) -> None:
        item_id = self.current_item_id
        if self.pane == "notes":
            created = self.sdtui.edit(lambda s: s.add_note(item_id)) if item_id else None
            if created is not None:
                self.note_id = created.id
                self.show_notes()
                self.editor.focus()
        elif self.pane == "signals":
            self._signal_form()
        elif self.pane == "actions":
            self.sdtui.action_new_action()
        else:
            self._decision_form()

    def action_edit(self) -> None:
        if self.pane == "notes":
            self.editor.focus()
        elif self.pane == "signals":
            signal_id = selected_key(self.query_one("#signals", DataTable))
            if signal_id:
                self._signal_form(signal_id)
        elif self.pane == "decisions":
            decision_id = selected_key(self.query_one("#decisions", DataTable))
            if decision_id:
                self._decision_form(decision_id)

    def action_remove(self) -> None:
        if self.pane == "notes":
            note, item = self.note(), self.item
            if note is not None and item is not None:
                item_id, note_id = item.id, note.id
                self.edit_if_confirmed(_("Remove this note?"), lambda s: s.remove_note(item_id, note_id))
        elif self.pane == "signals":
            signal_id = selected_key(self.query_one("#signals", DataTable))
            if signal_id:
                self.edit_if_confirmed(_("Remove this signal?"), lambda s: s.remove_signal(signal_id))
        elif self.pane == "decisions":
            decision_id = selected_key(self.query_one("#decisions", DataTable))
            if decision_id:
                self.edit_if_confirmed(_("Remove this decision?"), lambda s: s.remove_decision(decision_id))

    def _signal_form(self, signal_id: str | None = None) -> None:
        signal = next((s for s in self.session.signals if s.id == signal_id), None)
        organisations = sorted({p.organisation for p in self.session.present if p.organisation})
        fields = [
            Field(
                "organisation",
                _("Organisation"),
                signal.organisation if signal else "",
                placeholder=organisations[0] if organisations else "gemeente Zwolle",
            ),
            choice("kind", _("Kind"), signal.kind if signal else SignalKind.GOOD_PRACTICE, SignalKind),
            Field("text", _("Signal"), signal.text if signal else "", kind="text"),
        ]
        item_id = self.current_item_id
        self.edit_in_form(
            _("Signal"),
            fields,
            lambda s, v: (
                s.edit_signal(signal_id, **v)
                if signal_id
                else s.add_signal(v["organisation"], v["kind"], v["text"], item_id=item_id)
            ),
        )

    def _decision_form(self, decision_id: str | None = None) -> None:
        decision = next((d for d in self.session.decisions if d.id == decision_id), None)
        fields = [
            Field("text", _("Decision"), decision.text if decision else "", kind="text"),
            Field("rationale", _("Rationale"), decision.rationale if decision else "", kind="text"),
            Field(
                "review_on",
                _("Review date (YYYY-MM-DD, empty for none)"),
                decision.review_on.isoformat() if decision and decision.review_on else "",
            ),
        ]
        item_id = self.current_item_id
        self.edit_in_form(
            _("Decision"),
            fields,
            lambda s, v: (
                s.edit_decision(decision_id, **v)
                if decision_id
                else s.add_decision(v["text"], v["rationale"], item_id=item_id, review_on=v["review_on"])
            ),
        )
