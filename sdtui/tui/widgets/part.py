"""A Static that redraws only when what it shows changed: an unchanged update costs no bytes.

A Static is drawn whole on every `update`, even with the same text. The follow view, the search
screen and the actions view show status lines that are set on every change or key, and mostly
say the same as before.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static


class Part(Static):
    """A Static whose `show` redraws only a text that differs from the one shown."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: str | None = None

    def show(self, text: Text, *, layout: bool = True) -> None:
        """Show `text` (a Text: never read as markup). `layout=False` for a line of a fixed
        height, so the screen is not laid out again."""
        key = text.markup
        if key != self._shown:
            self._shown = key
            self.update(text, layout=layout)


__all__ = ["Part"]
