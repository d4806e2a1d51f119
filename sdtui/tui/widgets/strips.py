"""What the widgets that redraw only what changed share: a strip of one screen row, cell by cell."""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from textual.strip import Strip


def strip_cells(strip: Strip | None) -> list[tuple[str, Style | None]]:
    """The strip one cell at a time: (text, style); a wide character's second cell is ("", style),
    and a zero-width character joins the cell before it."""
    cells: list[tuple[str, Style | None]] = []
    for text, style, _control in strip or ():
        for character in text:
            size = cell_len(character)
            if size == 0 and cells:
                cells[-1] = (cells[-1][0] + character, cells[-1][1])
                continue
            cells.append((character, style))
            cells.extend([("", style)] * (size - 1))
    return cells


__all__ = ["strip_cells"]
