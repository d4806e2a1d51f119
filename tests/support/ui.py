"""Driving the app with Pilot: the frozen clock, the terminal size, and reading the screen and its lists."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sdtui.store import Store
from sdtui.tui.app import SdtuiApp
from sdtui.tui.widgets.rows import RowList

FROZEN_NOW = datetime(2026, 6, 18, 14, 5)
"""The demo meeting's afternoon; screens that show a clock read this in tests."""


SIZE = (80, 24)


def screen_text(app: SdtuiApp) -> str:
    """The text on the terminal as the user sees it now, line by line (colours dropped)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def table_rows(app: SdtuiApp, table_id: str) -> list[list[str]]:
    """The rows of the table `#table_id` on the screen in view, as text."""
    table = app.screen.query_one(f"#{table_id}")
    if isinstance(table, RowList):
        return list_rows(app, table_id)
    return [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]


def list_rows(app: SdtuiApp, list_id: str) -> list[list[str]]:
    """The rows of the RowList `#list_id` on the screen in view, as text (all of them, not only those in view)."""
    rows = app.screen.query_one(f"#{list_id}", RowList).rows
    return [[str(cell) for cell in row.cells] for row in rows]


def still_app(store: Store, clock: Callable[[], datetime] = lambda: FROZEN_NOW) -> SdtuiApp:
    """The app with a still screen: no blinking cursor, no animation (tab underlines slide for 0.3 s)."""
    app = SdtuiApp(store, clock=clock, cursor_blink=False)
    app.animation_level = "none"
    return app
