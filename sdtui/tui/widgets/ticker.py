"""A line of text, such as Run's clocks, that redraws only the characters that changed.

A Static given a new text each second redraws its whole line: about 214 bytes a second to the
terminal for Run's clock bar, whatever else happens. `Ticker.update` compares the new line
with what is on screen, cell by cell, and refreshes only the cells that differ.

Textual redraws a refreshed part of a row from the left edge of the widget that holds it, so a
single widget would still redraw everything left of the seconds. The Ticker is therefore made
of narrow pieces (`CHUNK` cells each, laid side by side) and refreshes only the pieces that hold
a changed cell: a clock whose seconds tick redraws one piece a second.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import RenderableType
from rich.segment import Segment
from rich.text import Text
from textual.app import ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from .strips import strip_cells

CHUNK = 4
"""Cells per piece. Smaller pieces redraw fewer cells; more pieces cost a little at start-up."""


class _Piece(Widget):
    """CHUNK cells of the Ticker's line: draws what its Ticker rendered for them."""

    DEFAULT_CSS = """
    _Piece { width: 4; height: 1; }
    """

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def render_line(self, y: int) -> Strip:
        ticker = self.parent
        assert isinstance(ticker, Ticker)
        return ticker.piece(self.index, self.size.width)


class Ticker(Widget):
    """One line of text that repaints only the characters that change between updates.

    `update(text)` takes a str (shown as it is, never read as markup) or a Rich Text.
    """

    DEFAULT_CSS = """
    Ticker {
        height: 1;
        layout: horizontal;
        overflow: hidden hidden;
    }
    """

    CHUNK: ClassVar[int] = CHUNK

    def __init__(
        self, text: RenderableType = "", *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._text = text
        self._strip: Strip | None = None  # the line as drawn, cut to the content width

    def compose(self) -> ComposeResult:
        return iter(())

    @property
    def text(self) -> str:
        """The plain text shown."""
        return self._text.plain if isinstance(self._text, Text) else str(self._text)

    def update(self, text: str | Text) -> None:
        """Show `text`; only the pieces whose cells changed are redrawn."""
        self._text = text
        if not self.is_mounted or not self.children:
            return
        old, new = self._strip, self._render_strip()
        self._strip = new
        if old is None:
            self.refresh()
            for piece in self.children:
                piece.refresh()
            return
        before, after = strip_cells(old), strip_cells(new)
        for piece in self.children:
            assert isinstance(piece, _Piece)
            start = piece.index * CHUNK
            changed = [
                x for x in range(start, min(start + CHUNK, len(after))) if x >= len(before) or before[x] != after[x]
            ]
            if changed:
                # Up to the last changed cell only: Textual would otherwise also move the
                # terminal's cursor to the next piece for nothing (7 bytes).
                piece.refresh(Region(0, 0, changed[-1] - start + 1, 1))

    def piece(self, index: int, width: int) -> Strip:
        """The cells of piece `index`, as wide as the piece."""
        if self._strip is None:
            self._strip = self._render_strip()
        start = index * CHUNK
        return self._strip.crop(start, start + width).adjust_cell_length(width, self.rich_style)

    def _render_strip(self) -> Strip:
        width = max(self.content_region.width, 1)
        text = self._text if isinstance(self._text, Text) else Text(str(self._text), end="")
        console = self.app.console
        options = console.options.update(width=width, height=1, no_wrap=True, overflow="crop")
        lines = console.render_lines(text, options, style=self.rich_style, pad=True)
        segments: list[Segment] = lines[0] if lines else []
        return Strip(segments).adjust_cell_length(width, self.rich_style)

    def notify_style_update(self) -> None:
        """A new theme or class: draw every piece again in the new colours."""
        super().notify_style_update()
        self._strip = None
        for piece in self.children:
            piece.refresh()

    def on_resize(self) -> None:
        """As many pieces as fill the width; the last one may be narrower."""
        width = self.content_region.width
        wanted = -(-width // CHUNK) if width > 0 else 0
        if wanted != len(self.children):
            self.query_children(_Piece).remove()
            pieces = [_Piece(index) for index in range(wanted)]
            if pieces and width % CHUNK:
                pieces[-1].styles.width = width % CHUNK
            self.mount_all(pieces)
        self._strip = None
        self.refresh()
