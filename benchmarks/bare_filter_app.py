"""A baseline for home_filter.py: a bare Textual app that filters a DataTable as you type.

    python benchmarks/bare_filter_app.py INDEX_JSON [PAGE]

It reads the same sessions (date, title, network, status, open actions) straight from a
store's index.json, and on every change of its Input clears the table and adds the first PAGE
rows whose lowercased text holds every word typed: the least any app can do with a DataTable.
"""

from __future__ import annotations

import json
import sys

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header, Input


class BareFilter(App[None]):
    CSS = "Input { height: 1; border: none; padding: 0; } DataTable { height: 1fr; }"

    def __init__(self, rows: list[tuple[str, ...]], page: int) -> None:
        super().__init__()
        self.all_rows = [(row, " ".join(row).lower()) for row in rows]
        self.page = page

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input()
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
        for label, width in (("Date", 10), ("Title", None), ("Network", 16), ("Status", 8), ("Open", 4)):
            table.add_column(label, width=width)
        yield table
        yield Footer()

    def on_mount(self) -> None:
        self.fill("")

    def on_input_changed(self, event: Input.Changed) -> None:
        self.fill(event.value)

    def fill(self, query: str) -> None:
        table = self.query_one(DataTable)
        table.clear()
        words = query.lower().split()
        shown = 0
        for row, text in self.all_rows:
            if all(word in text for word in words):
                table.add_row(*(Text(cell, end="") for cell in row))
                shown += 1
                if shown == self.page:
                    break


def rows_of(index: str) -> list[tuple[str, ...]]:
    with open(index, encoding="utf-8") as handle:
        documents = json.load(handle).get("sessions", {}).values()
    rows = [
        (d.get("date") or "", d["title"], d.get("network", ""), d["status"], str(d.get("open_actions") or ""))
        for d in documents
    ]
    return sorted(rows, reverse=True)


if __name__ == "__main__":
    BareFilter(rows_of(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 60).run()
