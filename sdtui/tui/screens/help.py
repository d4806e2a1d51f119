"""The help screen: every key of the screen it was opened from, read from `keys.py`."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...i18n import _
from .. import keys
from ..keyed import KeyedModalScreen, KeyedScreen, KeyedWidget


class HelpScreen(KeyedModalScreen[None]):
    """Lists the keys of the screen below it, grouped by where they apply."""

    CSS_PATH = "../styles/help.tcss"
    KEY_SCOPES = ("help",)

    def __init__(self, for_screen: Screen) -> None:
        super().__init__()
        self.for_screen = for_screen

    def compose(self) -> ComposeResult:
        keyed = self.for_screen if isinstance(self.for_screen, KeyedScreen) else None
        # A widget with keys of its own (Run's board) names its scopes as a screen does.
        widgets = [
            scope
            for widget in self.for_screen.walk_children()
            if isinstance(widget, KeyedWidget)
            for scope in widget.KEY_SCOPES
        ]
        scopes = tuple(dict.fromkeys((*(keyed.key_scopes if keyed else ()), *widgets, "app")))
        title = _(keyed.HELP_TITLE if keyed else KeyedScreen.HELP_TITLE)
        table = Table(box=None, expand=True, show_header=False, padding=(0, 1))
        table.add_column("keys", style="bold", no_wrap=True, width=16)
        table.add_column("what")
        for key in keys.keys_for(*scopes):
            table.add_row(Text(key.display), Text(_(key.help or key.description)))
        table.add_row(Text("Tab / Shift+Tab"), Text(_("Move between fields and lists")))
        table.add_row(
            Text(_("↑ ↓ PgUp PgDn")),
            Text(_("Scroll the list or text that has focus; Home and End go to its start and end")),
        )
        table.add_row(Text("Ctrl+P"), Text(_("Command palette: search every action by name")))
        with VerticalScroll(id="help"):
            yield Static(Text(_("Keys: {screen}").format(screen=title), style="bold"), id="help-title")
            yield Static(table)
            intro = keyed.HELP_TEXT if keyed else ""
            if intro:
                yield Static(Text(_(intro)), id="help-text")
        yield Footer()


class HelpKey:
    """App mixin: F1 or ? lists the keys of the screen in view (both apps)."""

    def action_help(self: App[Any]) -> None:  # type: ignore[misc]
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))
