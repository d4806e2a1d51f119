"""The action list that Run and Close share: what, owner, due date, status; actions carried from
earlier meetings are reviewed there with Space."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.widgets import DataTable

from ...i18n import _, word
from ...model import Session
from .safe import plain
from .tables import ListTable, keep_cursor, selected_key


def action_table(table_id: str = "actions") -> DataTable:
    """The session's action items: what, owner, due date, status (on Run and Close)."""
    table = ListTable(id=table_id, cursor_type="row", zebra_stripes=True)
    table.add_column(_("Action"), key="text", width=36)
    table.add_column(_("Owner"), key="owner", width=14)
    table.add_column(_("Due"), key="due", width=10)
    table.add_column(_("Status"), key="status", width=12)
    return table


def show_actions(table: ListTable, session: Session, today: date) -> None:
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
        table.add_fitted(
            text,
            names.get(action.owner_id, action.owner_id),
            action.due.isoformat() if action.due else "",
            plain(status, "bold" if late else ""),
            key=action.id,
        )
    keep_cursor(table, keep)


def cycle_status(app: Any, table: DataTable) -> None:
    """The selected action's next status: open (kept), done, dropped, open again; saved at once."""
    action_id = selected_key(table)
    if action_id is not None:
        app.edit(lambda session: session.advance_action_status(action_id))


__all__ = ["action_table", "cycle_status", "show_actions"]
