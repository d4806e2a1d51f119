"""A network over time on screen: the next meeting (from Home or Close), and the action list
that Run and Close share, where actions carried from earlier meetings are reviewed with Space."""

from __future__ import annotations

from datetime import date
from typing import Any

from rich.text import Text
from textual.widgets import DataTable

from ..i18n import _, word
from ..model import ActionStatus, Session
from ..series import next_meeting, next_meetings_of
from ..store import StoreError
from ..widgets.forms import ConfirmScreen
from ..widgets.safe import plain
from ..widgets.tables import keep_cursor, selected_key

NEXT_STATUS = {ActionStatus.OPEN: ActionStatus.DONE, ActionStatus.DONE: ActionStatus.DROPPED,
               ActionStatus.DROPPED: ActionStatus.OPEN}


def ask_next_meeting(app: Any, session_id: str) -> None:
    """Ask first (a stray key should not add a session), then create the next meeting and open it."""
    open_now = app.session if app.session is not None and app.session.id == session_id else None
    try:
        earlier: Session = open_now or app.store.load(session_id)
    except StoreError as error:
        app.notify(str(error), title=_("Cannot open"), severity="error", markup=False)
        return
    network = earlier.network or _("(no network)")
    question = _("Create the next meeting of {network}? Open actions, unfinished agenda items and undecided "
                 "topics carry over; this meeting stays as it is.").format(network=network)
    try:
        made = next_meetings_of(earlier, app.store.list())
    except StoreError:
        made = []  # the question below still stands; creating it reports what is wrong with the store
    if made:
        question = _("This meeting already has a next meeting: {title} ({date}). Another one would carry its "
                     "open actions a second time. Create another next meeting anyway?").format(
                         title=made[-1].title, date=made[-1].date)

    def confirmed(yes: bool | None) -> None:
        if yes:
            create_next_meeting(app, earlier)

    app.push_screen(ConfirmScreen(question), callback=confirmed)


def create_next_meeting(app: Any, earlier: Session) -> Session | None:
    """Store the next meeting of `earlier`'s network and show it on Prepare; None when the store refused."""
    app.flush()
    try:
        following = app.store.add(next_meeting(earlier, app.today()))
    except StoreError as error:
        app.notify(str(error), title=_("Not created"), severity="error", markup=False)
        return None
    app.open_session(following.id, "prepare")  # leaves the open one first
    app.notify(_("Next meeting created for {date}: {actions} open actions, {items} agenda items and {topics} topics "
                 "carried over. Set its date on Details (F5).").format(
                     date=following.date, actions=len(following.actions), items=len(following.agenda),
                     topics=len(following.rounds)), title=_("Next meeting"), markup=False, timeout=10)
    return following


def action_table(table_id: str = "actions") -> DataTable:
    """The session's action items: what, owner, due date, status (on Run and Close)."""
    table: DataTable[Text] = DataTable(id=table_id, cursor_type="row", zebra_stripes=True)
    table.add_column(_("Action"), key="text", width=36)
    table.add_column(_("Owner"), key="owner", width=14)
    table.add_column(_("Due"), key="due", width=10)
    table.add_column(_("Status"), key="status", width=12)
    return table


def show_actions(table: DataTable, session: Session, today: date) -> None:
    """Fill the action table; carried ones read "(earlier) ...", overdue ones say so in bold."""
    keep = selected_key(table)
    table.clear()
    names = {p.id: p.name for p in session.participants}
    for action in session.actions:
        text = action.text.replace("\n", " ")
        if action.carried_from:
            text = _("(earlier) {action}").format(action=text)
        status = word(action.status)
        late = action.is_overdue(today)
        if late:
            status = _("{status} OVERDUE").format(status=status)
        table.add_row(plain(text), plain(names.get(action.owner_id, action.owner_id)),
                      plain(action.due.isoformat() if action.due else ""),
                      plain(status, "bold" if late else ""), key=action.id)
    keep_cursor(table, keep)


def cycle_status(app: Any, table: DataTable) -> None:
    """The selected action's next status: open (kept), done, dropped, open again; saved at once."""
    action_id = selected_key(table)
    if action_id is None:
        return

    def cycle(session: Session) -> None:
        action = next(a for a in session.actions if a.id == action_id)
        action.status = NEXT_STATUS[action.status]

    app.edit(cycle)


__all__ = ["NEXT_STATUS", "action_table", "ask_next_meeting", "create_next_meeting", "cycle_status", "show_actions"]
