"""Showing user text as text.

Textual reads `[bold]` in a str as markup, and a DataTable cell given a str does too. User
text always goes through `plain()` so a name like `[/]` shows as typed and crashes nothing.
The model already removed control characters, so nothing raw reaches the terminal.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Input, TextArea

from ...model import strip_controls
from ..keyed import KeyedApp


def plain(text: object, style: str = "") -> Text:
    """User text as a Rich Text that is never parsed as markup."""
    return Text(strip_controls(str(text)), style=style, end="")


def cursor_blinks(widget: Input | TextArea) -> bool:
    """Whether the app lets text cursors blink (both of sdtui's apps say; others blink)."""
    app = widget.app
    return app.cursor_blink if isinstance(app, KeyedApp) else True


class SafeInput(Input):
    """An Input that drops control characters and escape sequences from pasted text."""

    def on_mount(self) -> None:
        self.cursor_blink = cursor_blinks(self)

    def _on_paste(self, event: events.Paste) -> None:
        # Runs before Input's own handler (Textual calls each class's handler down the MRO).
        # Input keeps only the first line of a paste; join the lines so nothing pasted is lost.
        event.text = " ".join(strip_controls(event.text).splitlines())


class SafeTextArea(TextArea):
    """A TextArea that drops control characters and escape sequences from pasted text."""

    def on_mount(self) -> None:
        self.cursor_blink = cursor_blinks(self)

    async def _on_paste(self, event: events.Paste) -> None:
        event.text = strip_controls(event.text)
