"""The lists every screen shows things in: cursor helpers, rows cut with "…", and the line with the whole text."""

from __future__ import annotations

from typing import Any, Self

from rich.text import Text
from textual.widgets import DataTable, Static

from ...text import one_line
from .safe import plain


def selected_key(table: DataTable) -> str | None:
    """The key of the row under the cursor, or None when the table is empty."""
    if table.row_count == 0:
        return None
    return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value


def keep_cursor(table: DataTable, key: str | None) -> None:
    """Put the cursor back on the row with `key` after the table was filled again."""
    if key is not None and key in table.rows:
        table.move_cursor(row=table.get_row_index(key))


class ListTable(DataTable[Text]):
    """A DataTable whose rows are cut to their columns with "…", remembering the whole text.

    At 80 columns titles, names, signals and actions do not fit; a row added with `add_fitted`
    shows each cell cut to its column's width, and `whole_text(key)` gives back what was cut,
    for the line under the list (`RowDetail`) to show.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.whole: dict[str, str] = {}
        """Row key -> the cells that were cut, in full; rows that fit are not here."""

    def clear(self, columns: bool = False) -> Self:
        self.whole.clear()
        return super().clear(columns)

    def add_fitted(self, *cells: str | Text, key: str) -> None:
        """Add a row, each cell cut to its column's width with "…" (user text, never markup)."""
        shown: list[Text] = []
        cut: list[str] = []
        for cell, column in zip(cells, self.ordered_columns, strict=False):
            text = cell.plain if isinstance(cell, Text) else str(cell)
            style = cell.style if isinstance(cell, Text) else ""
            flat = " ".join(text.split())
            fitted = one_line(flat, column.width) if column.width else flat
            if fitted != flat:
                cut.append(flat)
            shown.append(plain(fitted, str(style)))
        if cut:
            self.whole[key] = " · ".join(cut)
        self.add_row(*shown, key=key)

    def whole_text(self, key: str | None) -> str:
        """What the row with `key` cut off, in full; empty when it fits."""
        return self.whole.get(key or "", "")


class RowDetail(Static):
    """Under a list: the whole text of the selected row, when its columns cut it."""

    DEFAULT_CSS = """
    RowDetail {
        dock: bottom;
        height: auto;
        max-height: 3;
        padding: 0 1;
        background: $boost;
        display: none;
    }
    """

    def show_row(self, table: ListTable, key: str | None) -> None:
        whole = table.whole_text(key)
        self.update(plain(whole))
        self.display = bool(whole)
