"""The baseline for startup.py: a bare Textual app with a header, a 1,000-row table, a footer."""

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("id", "date", "title", "network")
        table.add_rows(
            (f"{i:06d}", f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}", f"Meeting {i}", f"Network {i % 12}")
            for i in range(1000)
        )


if __name__ == "__main__":
    BareApp().run()
