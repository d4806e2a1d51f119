"""Run's restore-or-renovate board: the round in view, who takes which position, and its keys.

The board shows the rounds of the agenda item Run is at, one at a time (t moves on). It reads
the session through the app and changes it only through `app.edit`, with the model's intents:
`set_position`, `add_argument`, `decide`, `set_what_changed`, `add_round`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Static

from ...i18n import _, word
from ...model import Position, Round, RoundMode, Session, Side, Verdict
from .. import keys
from ..keyed import KeyedWidget
from ..screens.dialogs import Field, FormScreen, choice
from .safe import plain
from .tables import keep_cursor, selected_key

if TYPE_CHECKING:
    from ..app import SdtuiApp
from ...text import one_line

NAME_WIDTH = 16
POSITION_WIDTH = 12
NOT_ASKED = "-"
"""Shown for a participant with no position yet; "undecided" is a position someone took."""
HIDDEN = "•"
"""Shown in a secret round for a participant whose position is taken: the room sees only the tally."""


class Board(KeyedWidget, Horizontal):
    """The rounds of the agenda item in view, with a position per participant present."""

    KEY_SCOPES = ("board",)
    """Where the help screen finds the board's keys."""
    BINDINGS = keys.bindings("board")

    def __init__(self, *, id: str = "board") -> None:
        super().__init__(id=id)
        self.round_index = 0
        self.shown_round: str | None = None
        """The round the positions list shows; another round starts again at the first person."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="round-view"):
            yield Static(id="round-text")
        with Vertical(id="round-side"):
            positions: DataTable[Text] = DataTable(id="positions", cursor_type="row")
            positions.add_column(_("Participant"), width=NAME_WIDTH)
            positions.add_column(_("Position"), width=POSITION_WIDTH)
            yield positions
            yield Static(id="tally")

    # --- what is in view ----------------------------------------------------------------

    @property
    def sdtui(self) -> SdtuiApp:
        """The facilitator's app, typed (the board is only ever on Run)."""
        return cast("SdtuiApp", self.app)

    @property
    def session(self) -> Session:
        session = self.sdtui.session
        assert session is not None, "the board is only shown while a session is open"
        return session

    @property
    def rounds(self) -> list[Round]:
        """The rounds of the agenda item Run is at."""
        session = self.session
        return session.rounds_for(session.agenda[session.current_item].id) if session.agenda else []

    @property
    def round(self) -> Round | None:
        rounds = self.rounds
        if not rounds:
            return None
        self.round_index %= len(rounds)
        return rounds[self.round_index]

    def show_round(self, round_id: str | None = None) -> None:
        """Bring the round with `round_id` into view (the item's first when it has no such round)."""
        self.round_index = next((n for n, round_ in enumerate(self.rounds) if round_.id == round_id), 0)
        self.show()

    # --- showing ------------------------------------------------------------------------

    def show(self) -> None:
        session, round_, rounds = self.session, self.round, self.rounds
        text = Text()
        if round_ is None:
            text.append(_("No restore-or-renovate topic on this item.") + "\n", style="bold")
            text.append(_("a adds one here; Prepare (F2) attaches one from the library."))
        else:
            text.append(
                _("Topic {number}/{count}").format(number=self.round_index + 1, count=len(rounds)), style="bold"
            )
            text.append(_(" (t: next)") + "\n" if len(rounds) > 1 else "\n")
            text.append(round_.topic + "\n", style="bold")
            text.append(_("What changed (w): "), style="bold")
            text.append((round_.what_changed or "-") + "\n")
            for title, arguments in (
                (_("Restore (a adds):"), round_.restore_args),
                (_("Renovate (a adds):"), round_.renovate_args),
            ):
                text.append(title + "\n", style="bold")
                for argument in arguments:
                    text.append(f" • {argument}\n")
            if round_.mode is not RoundMode.NAMED:  # a secret round or counted hands says so
                text.append(_("Mode (h): "), style="bold")
                text.append(word(round_.mode) + (_(" (c: numbers)") if round_.mode is RoundMode.COUNT else "") + "\n")
            text.append(_("Decision (d): "), style="bold")
            text.append(word(round_.decision) if round_.decision else _("not yet"))
            if round_.rationale:
                text.append(f"\n{round_.rationale}")
        self.query_one("#round-text", Static).update(text)
        table = self.query_one("#positions", DataTable)
        keep = selected_key(table) if round_ is not None and round_.id == self.shown_round else None
        self.shown_round = round_.id if round_ is not None else None
        table.clear()
        tally = self.query_one("#tally", Static)
        if round_ is None:
            tally.update("")
            return
        for person in session.present if round_.mode is not RoundMode.COUNT else ():
            position = round_.positions.get(person.id)
            shown = NOT_ASKED if position is None else HIDDEN if round_.mode is RoundMode.HIDDEN else word(position)
            table.add_row(
                plain(one_line(person.name, NAME_WIDTH)), plain(one_line(shown, POSITION_WIDTH)), key=person.id
            )
        if keep is None:
            table.move_cursor(row=0)  # a round just brought into view starts at the first person
        else:
            keep_cursor(table, keep)
        counts = round_.tally(session.participants)
        tally.update(
            plain(
                _("Restore {restore} · Renovate {renovate} · Undecided {undecided}").format(
                    restore=counts[Position.RESTORE],
                    renovate=counts[Position.RENOVATE],
                    undecided=counts[Position.UNDECIDED],
                ),
                "bold",
            )
        )

    # --- the keys -----------------------------------------------------------------------

    def action_position(self, position: str) -> None:
        round_, table = self.round, self.query_one("#positions", DataTable)
        person_id = selected_key(table)
        if round_ is None or person_id is None:
            return
        round_id = round_.id
        self.sdtui.edit(lambda s: s.set_position(round_id, person_id, position))
        self.show()
        table.move_cursor(row=table.cursor_row + 1)  # on to the next person: a round goes fast

    def action_add(self) -> None:
        """An argument for the round in view; on an item without a round, the round itself."""
        round_ = self.round
        if round_ is None:
            session = self.session
            item_id = session.agenda[session.current_item].id if session.agenda else None
            self._form(
                _("Restore-or-renovate topic"),
                [
                    Field("topic", _("Topic: restore or renovate what?")),
                    Field("what_changed", _("What changed?"), kind="text"),
                ],
                lambda s, v: s.add_round(v["topic"], item_id=item_id, what_changed=v["what_changed"]),
            )
            return
        round_id = round_.id
        self._form(
            _("Argument"),
            [
                Field(
                    "side",
                    _("Side"),
                    Side.RESTORE.value,
                    kind="choice",
                    choices=[(_("to restore"), Side.RESTORE.value), (_("to renovate"), Side.RENOVATE.value)],
                ),
                Field("text", _("Argument"), kind="text"),
            ],
            lambda s, v: s.add_argument(round_id, v["side"], v["text"]),
        )

    def action_decide(self) -> None:
        round_ = self.round
        if round_ is None:
            self.notify(_("No topic on this item to decide on."), markup=False)
            return
        round_id = round_.id
        fields = [
            choice("decision", _("Decision"), round_.decision, Verdict),
            Field("rationale", _("Rationale"), round_.rationale, kind="text"),
        ]
        self._form(
            _("Decision on: {topic}").format(topic=round_.topic),
            fields,
            lambda s, v: s.decide(round_id, v["decision"], v["rationale"]),
        )

    def action_what_changed(self) -> None:
        round_ = self.round
        if round_ is None:
            return
        round_id = round_.id
        self._form(
            _("What changed"),
            [Field("what_changed", _("What changed?"), round_.what_changed, kind="text")],
            lambda s, v: s.set_what_changed(round_id, v["what_changed"]),
        )

    def action_cycle_mode(self) -> None:
        """By name, hidden names, counted hands, by name again."""
        round_ = self.round
        if round_ is None:
            return
        round_id = round_.id
        self.sdtui.edit(lambda s: s.cycle_round_mode(round_id))
        self.show()

    def action_count(self) -> None:
        """The numbers of a count-only round: hands raised for restore, renovate and undecided."""
        round_ = self.round
        if round_ is None:
            return
        if round_.mode is not RoundMode.COUNT:
            self.notify(_("Switch this round to counted hands first (h)."), markup=False)
            return
        round_id = round_.id
        fields = [Field(position.value, word(position), str(round_.counts.get(position, 0))) for position in Position]
        self._form(
            _("Counted hands: {topic}").format(topic=round_.topic), fields, lambda s, v: s.set_counts(round_id, v)
        )

    def action_next_round(self) -> None:
        self.round_index += 1
        self.show()

    def _form(self, title: str, fields: list[Field], change: Callable[[Session, dict[str, str]], Any]) -> None:
        """A form whose values go through the model; a refusal keeps the form open with the message."""

        def submit(values: dict[str, str]) -> Any:
            return self.sdtui.edit(lambda session: change(session, values), raise_errors=True)

        self.sdtui.push_screen(FormScreen(title, fields, submit), callback=lambda _result: self.show())


__all__ = ["Board"]
