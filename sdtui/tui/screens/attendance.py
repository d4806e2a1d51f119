"""Attendance: who came how often to the meetings of one network, most often present first."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from ...attendance import attendance, held_meetings, network_sessions
from ...i18n import N_, _, counted
from ...store import StoreError
from ..keyed import KeyedScreen
from ..widgets.safe import plain


class AttendanceScreen(KeyedScreen[None]):
    """The attendance history of one network, opened from Home on a session of that network."""

    CSS_PATH = "../styles/attendance.tcss"
    KEY_SCOPES = ("attendance",)
    SCREEN_NAME = "attendance"
    HELP_TITLE = N_("Attendance")
    HELP_TEXT = N_(
        "Counted are the network's meetings that ran, were closed, or whose date has passed; a planned "
        "next meeting is not. A person is the same person when the name is, whatever the case or "
        "accents."
    )

    def __init__(self, network: str) -> None:
        super().__init__()
        self.network = network

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="attendance-title", classes="status-line")
        table: DataTable[Text] = DataTable(id="attendance", cursor_type="row", zebra_stripes=True)
        table.add_column(_("Name"), width=18)
        table.add_column(_("Organisation"), width=12)
        table.add_column(_("Present"), width=8)
        table.add_column(_("Apologies"), width=9)
        table.add_column(_("Absent"), width=7)
        table.add_column(_("Last present"), width=12)
        yield table
        yield Static(id="attendance-note", classes="muted")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.sub_title = _(self.HELP_TITLE)
        self.show()
        self.query_one("#attendance", DataTable).focus()

    def show(self) -> None:
        """Read the network's sessions and list everyone who was on a list, most often present first."""
        today = self.sdtui.today()
        try:
            sessions, problems = network_sessions(self.sdtui.store, self.network)
        except StoreError as error:
            sessions, problems = [], [str(error)]
        held = held_meetings(sessions, self.network, today)
        title = _("Attendance · {network} · meetings held: {count}").format(network=self.network, count=len(held))
        self.query_one("#attendance-title", Static).update(plain(title, "bold"))
        table = self.query_one("#attendance", DataTable)
        table.clear()
        for row in attendance(sessions, self.network, today):
            table.add_row(
                plain(row.name),
                plain(row.organisation),
                plain(f"{row.present}/{row.meetings}", "bold"),
                plain(str(row.apologies)),
                plain(str(row.absent)),
                plain(row.last_present.isoformat() if row.last_present else "-"),
            )
        if held:
            first, last = (held[0].date or "?"), (held[-1].date or "?")
            note = _("Present/meetings held, from {first} to {last}; a planned next meeting does not count.").format(
                first=first, last=last
            )
        else:
            note = _("No meeting of this network was held yet.")
        if problems:
            note += " " + counted(
                len(problems), _("1 session could not be read."), _("{count} sessions could not be read.")
            )
        self.query_one("#attendance-note", Static).update(plain(note))

    def action_back(self) -> None:
        self.app.pop_screen()


__all__ = ["AttendanceScreen"]
