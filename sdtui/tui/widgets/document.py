"""The text of a note editor (editor.py) and how it wraps: plain Python over lines, no widget.

A `Document` holds the text as lines and, for the width it is wrapped at, where each screen
row starts: soft wrap after a space if it can, widths in terminal cells as Rich counts them
(wide characters take two, combining marks none; a tab is drawn as one space). It answers the
questions an editor asks about places in the text: what lies between two places, which row
a place is on, where a word or a character starts, what is above or below. It also says which
cells of a screen row changed between two draws, so the editor redraws no more than those. The
editor keeps the cursor, the selection, undo and the drawing.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rich.cells import get_character_cell_size

MARGIN = 1
"""The blank cell left of the text. Drawn by the editor, not as CSS padding, so that it joins the
text's run of one style: one escape sequence less for every row redrawn."""

WORD = re.compile(r"\w+|[^\w\s]+")
"""A word for Ctrl+Left/Right and Ctrl+W: letters and digits, or a run of punctuation."""


class Location(NamedTuple):
    """A place in the text: line and character index in it (not a screen cell)."""

    row: int
    column: int


RowKey = tuple[str, int, int, int]
"""What a screen row shows: its text, the cursor's index in it (-1 for none), and the selected
characters from and to (the end past the text: the newline after it is selected too)."""


class Row(NamedTuple):
    """One row on screen: a piece of a line, from `start` to `end` (characters)."""

    line: int
    start: int
    end: int


def char_cells(character: str) -> int:
    """Cells one character takes on screen; a tab is drawn as one space."""
    return get_character_cell_size(character) if character != "\t" else 1


def text_cells(text: str) -> int:
    """Cells `text` takes on one row."""
    return sum(char_cells(c) for c in text)


def wrap(line: str, width: int) -> list[int]:
    """Where each screen row of `line` starts, wrapped at `width` cells (after a space if it can)."""
    starts = [0]
    if width < 1 or not line:
        return starts
    used = 0
    start = 0
    last_break = -1  # index just after the last space in the current row
    for index, character in enumerate(line):
        cells = char_cells(character)
        if character == " " and used == width:
            used, last_break = used + 1, index + 1  # one space may hang in the cursor's column
            continue
        if cells and used + cells > width and index > start:
            start = last_break if last_break > start else index
            starts.append(start)
            used = sum(char_cells(c) for c in line[start:index])
            last_break = -1
        used += cells
        if character == " ":
            last_break = index + 1
    return starts


def column_at(text: str, x: int) -> int:
    """The character index in `text` whose cell holds screen column `x` (clamped to the end)."""
    used = 0
    for index, character in enumerate(text):
        cells = char_cells(character)
        if cells and used + cells > x:
            return index
        used += cells
    return len(text)


class Document:
    """Lines of text, wrapped into screen rows at `wrap_width` cells (0: not wrapped yet)."""

    def __init__(self, text: str = "", wrap_width: int = 0) -> None:
        self.lines: list[str] = [""]
        self.rows: list[Row] = [Row(0, 0, 0)]
        """Every screen row of the text, top to bottom."""
        self.wrap_width = wrap_width
        self._starts: list[list[int]] = [[0]]  # where each line's screen rows start
        self._first_row: list[int] = [0]  # the index in rows of each line's first row
        self.set_text(text)

    @property
    def text(self) -> str:
        """All of the text, lines joined with newlines."""
        return "\n".join(self.lines)

    def set_text(self, text: str) -> None:
        """Replace all of the text."""
        self.lines = text.replace("\r\n", "\n").split("\n")
        self._starts = [wrap(line, self.wrap_width) for line in self.lines]
        self._reindex()

    def rewrap(self, width: int) -> None:
        """Wrap the text at `width` cells from now on; nothing to do when that is the width already."""
        if width != self.wrap_width:
            self.wrap_width = width
            self._starts = [wrap(line, width) for line in self.lines]
            self._reindex()

    def _reindex(self) -> None:
        rows: list[Row] = []
        first: list[int] = []
        for number, (line, starts) in enumerate(zip(self.lines, self._starts, strict=True)):
            first.append(len(rows))
            ends = [*starts[1:], len(line)]
            rows.extend(Row(number, start, end) for start, end in zip(starts, ends, strict=True))
        self.rows, self._first_row = rows, first

    @property
    def end(self) -> Location:
        """Where the text ends: the last line, after its last character."""
        return Location(len(self.lines) - 1, len(self.lines[-1]))

    def slice(self, start: Location, end: Location) -> str:
        """The text from `start` to `end`, newlines included."""
        if start.row == end.row:
            return self.lines[start.row][start.column : end.column]
        middle = self.lines[start.row + 1 : end.row]
        return "\n".join([self.lines[start.row][start.column :], *middle, self.lines[end.row][: end.column]])

    def clamp(self, location: Location) -> Location:
        """The nearest place that is in the text."""
        row = min(max(location.row, 0), len(self.lines) - 1)
        return Location(row, min(max(location.column, 0), len(self.lines[row])))

    def replace(self, start: Location, end: Location, text: str) -> Location:
        """Replace the text between two locations; returns where the inserted text ends."""
        lines = self.lines
        suffix = lines[end.row][end.column :]
        new = (lines[start.row][: start.column] + text + suffix).split("\n")
        lines[start.row : end.row + 1] = new
        self._starts[start.row : end.row + 1] = [wrap(line, self.wrap_width) for line in new]
        self._reindex()
        last = start.row + len(new) - 1
        return Location(last, len(new[-1]) - len(suffix))

    # --- rows on screen -------------------------------------------------------------------

    def row_index(self, location: Location) -> int:
        """The index in `rows` of the row `location` is on (at a wrap, the start of the next row)."""
        row, column = location
        index = 0
        for number, start in enumerate(self._starts[row]):
            if start <= column:
                index = number
        return self._first_row[row] + index

    def row_text(self, index: int) -> str:
        """The text screen row `index` shows."""
        row = self.rows[index]
        return self.lines[row.line][row.start : row.end]

    def x_of(self, location: Location) -> int:
        """The cell `location` is at, counted from the start of its screen row."""
        row = self.rows[self.row_index(location)]
        return text_cells(self.lines[row.line][row.start : location.column])

    def location_at(self, index: int, x: int) -> Location:
        """The place in the text at cell `x` of screen row `index`."""
        row = self.rows[index]
        return Location(row.line, row.start + column_at(self.row_text(index), x))

    def rows_away(self, location: Location, rows: int, x: int) -> Location:
        """The place `rows` screen rows below (negative: above) `location`, as near cell `x` as
        that row goes; the start or the end of the text when there is no such row."""
        index = self.row_index(location) + rows
        if index < 0:
            return Location(0, 0)
        if index >= len(self.rows):
            return self.end
        row = self.rows[index]
        column = row.start + column_at(self.row_text(index), x)
        if column == row.end and row.end < len(self.lines[row.line]):
            column -= 1  # the end of a wrapped row is the start of the next one
        return Location(row.line, column)

    # --- characters and words -------------------------------------------------------------

    def left_of(self, location: Location) -> Location:
        """One character to the left (a combining mark goes with its letter), to the end of the
        line before at a line's start; the start of the text stays where it is."""
        row, column = location
        if column > 0:
            line = self.lines[row]
            column -= 1
            while column > 0 and char_cells(line[column]) == 0:
                column -= 1
            return Location(row, column)
        if row > 0:
            return Location(row - 1, len(self.lines[row - 1]))
        return location

    def right_of(self, location: Location) -> Location:
        """One character to the right, past any combining marks; the next line's start at a line's end."""
        row, column = location
        line = self.lines[row]
        if column < len(line):
            column += 1
            while column < len(line) and char_cells(line[column]) == 0:
                column += 1
            return Location(row, column)
        if row < len(self.lines) - 1:
            return Location(row + 1, 0)
        return location

    def word_left(self, location: Location) -> Location:
        """The start of the word before `location`; the end of the line before at a line's start."""
        row, column = location
        if column == 0:
            return Location(row - 1, len(self.lines[row - 1])) if row > 0 else location
        starts = [m.start() for m in WORD.finditer(self.lines[row]) if m.start() < column]
        return Location(row, starts[-1] if starts else 0)

    def word_right(self, location: Location) -> Location:
        """The end of the word after `location`; the next line's start at a line's end."""
        row, column = location
        line = self.lines[row]
        if column >= len(line):
            return Location(row + 1, 0) if row < len(self.lines) - 1 else location
        ends = [m.end() for m in WORD.finditer(line) if m.end() > column]
        return Location(row, ends[0] if ends else len(line))


# --- what changed on a screen row ---------------------------------------------------------


def row_cells(key: RowKey | None) -> list[tuple[str, int]]:
    """The cells a row shows, margin first: each its text and mark (0 plain, 1 selected, 2 cursor)."""
    if key is None:
        return []
    text, cursor, select_from, select_to = key
    cells: list[tuple[str, int]] = [(" ", 0)] * MARGIN
    for index, character in enumerate(text):
        mark = 2 if index == cursor else 1 if select_from <= index < select_to else 0
        size = char_cells(character)
        if size == 0 and cells:
            cells[-1] = (cells[-1][0] + character, cells[-1][1])
            continue
        cells.append((character, mark))
        cells.extend([("", mark)] * (size - 1))
    if cursor >= len(text):
        cells.append((" ", 2))
    elif select_to > len(text):
        cells.append((" ", 1))
    return cells


def last_changed_cell(old: RowKey | None, new: RowKey, width: int) -> int:
    """The last cell that differs between two draws of a row (`old` None: never drawn, all of it)."""
    before, after = row_cells(old), row_cells(new)
    if old is None:
        return width - 1
    size = max(len(before), len(after))
    blank = (" ", 0)
    for x in range(size - 1, -1, -1):
        if (before[x] if x < len(before) else blank) != (after[x] if x < len(after) else blank):
            return min(x, width - 1)  # a wide character's second cell is in the list too
    return 0
