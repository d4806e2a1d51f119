"""Small helpers for the DataTables every screen lists things in."""

from __future__ import annotations

from textual.widgets import DataTable


def selected_key(table: DataTable) -> str | None:
    """The key of the row under the cursor, or None when the table is empty."""
    if table.row_count == 0:
        return None
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


def keep_cursor(table: DataTable, key: str | None) -> None:
    """Put the cursor back on the row with `key` after the table was filled again."""
    if key is not None and key in table.rows:
        table.move_cursor(row=table.get_row_index(key))
