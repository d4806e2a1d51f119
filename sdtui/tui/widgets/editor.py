"""A light multi-line editor for notes: on each key it redraws only the cells that changed.

Textual's TextArea repaints all of itself on every key: about 3,600 bytes to an 80x24 terminal
for Run's note editor, over 100 ms a key on a slow mobile link. `NoteEditor` keeps, for every
row on screen, what it last asked to be drawn there (the row's text, the cursor's cell, the
selected cells); after a key it compares, and refreshes only the rows that changed and, in
each, only up to the last changed cell (Textual's line API: `render_line` and
`refresh(Region)`). Typing a letter redraws one row.

It behaves like the TextArea sdtui used for notes (soft wrap, no line numbers, Tab moves the
focus): the cursor keys, Home/End (line), Ctrl+Home/End (note), PgUp/PgDn, Backspace, Delete,
Enter, Ctrl+Left/Right (word), Ctrl+W and Ctrl+Backspace (word left), Shift+arrows to select,
F7 to select all, Ctrl+X/C/V, Ctrl+U/K, and its own undo and redo on Ctrl+Z and Ctrl+Y.
Pasted text loses control characters (`strip_controls`; joiners and marks stay). Text is kept
and drawn in the order it was typed (right-to-left text too); widths of wide characters and
combining marks are Rich's cell widths. Tabs are kept in the text and drawn as one space. The
text itself, its wrapping and the places in it are a `Document` (document.py); this widget adds
the cursor, the selection, undo, the keys and the drawing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Offset, Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer

from ...model import strip_controls
from .document import MARGIN, Document, Location, RowKey, last_changed_cell

UNDO_LIMIT = 200
"""Undo steps kept; typing between two spaces or cursor moves is one step."""


class NoteEditor(ScrollView, can_focus=True):
    """A multi-line text editor that redraws only what a key changed."""

    DEFAULT_CSS = """
    NoteEditor {
        height: 1fr;
        background: $surface;
        color: $foreground;
        border: tall $border-blurred;
        padding: 0 1 0 0;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        &:focus { border: tall $border; }
        &.-compact { border: none; padding: 0; }
        & > .note-editor--cursor { text-style: reverse; }
        & > .note-editor--selection { background: $primary 50%; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"note-editor--cursor", "note-editor--selection"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("left", "cursor_left", "Cursor left", show=False),
        Binding("right", "cursor_right", "Cursor right", show=False),
        Binding("ctrl+left", "cursor_word_left", "Cursor word left", show=False),
        Binding("ctrl+right", "cursor_word_right", "Cursor word right", show=False),
        Binding("home,ctrl+a", "cursor_line_start", "Cursor line start", show=False),
        Binding("end,ctrl+e", "cursor_line_end", "Cursor line end", show=False),
        Binding("ctrl+home", "cursor_text_start", "Cursor to the start", show=False),
        Binding("ctrl+end", "cursor_text_end", "Cursor to the end", show=False),
        Binding("pageup", "cursor_page_up", "Cursor page up", show=False),
        Binding("pagedown", "cursor_page_down", "Cursor page down", show=False),
        Binding("shift+up", "cursor_up(True)", "Select up", show=False),
        Binding("shift+down", "cursor_down(True)", "Select down", show=False),
        Binding("shift+left", "cursor_left(True)", "Select left", show=False),
        Binding("shift+right", "cursor_right(True)", "Select right", show=False),
        Binding("ctrl+shift+left", "cursor_word_left(True)", "Select word left", show=False),
        Binding("ctrl+shift+right", "cursor_word_right(True)", "Select word right", show=False),
        Binding("shift+home", "cursor_line_start(True)", "Select to line start", show=False),
        Binding("shift+end", "cursor_line_end(True)", "Select to line end", show=False),
        Binding("ctrl+shift+home", "cursor_text_start(True)", "Select to the start", show=False),
        Binding("ctrl+shift+end", "cursor_text_end(True)", "Select to the end", show=False),
        Binding("shift+pageup", "cursor_page_up(True)", "Select page up", show=False),
        Binding("shift+pagedown", "cursor_page_down(True)", "Select page down", show=False),
        Binding("f7", "select_all", "Select all", show=False),
        Binding("backspace", "delete_left", "Delete left", show=False),
        Binding("delete,ctrl+d", "delete_right", "Delete right", show=False),
        Binding("ctrl+w,ctrl+backspace,alt+backspace", "delete_word_left", "Delete word left", show=False),
        Binding("alt+delete", "delete_word_right", "Delete word right", show=False),
        Binding("ctrl+u", "delete_to_line_start", "Delete to line start", show=False),
        Binding("ctrl+k", "delete_to_line_end", "Delete to line end", show=False),
        Binding("ctrl+x", "cut", "Cut", show=False),
        Binding("ctrl+c", "copy", "Copy", show=False),
        Binding("ctrl+v", "paste", "Paste", show=False),
        Binding("ctrl+z", "undo", "Undo", show=False),
        Binding("ctrl+y", "redo", "Redo", show=False),
    ]

    @dataclass
    class Changed(Message):
        """The text changed by an edit (not by `load_text`); `text` is all of it."""

        editor: NoteEditor
        text: str

        @property
        def control(self) -> NoteEditor:
            return self.editor

    cursor_blink: reactive[bool] = reactive(True, init=False)

    def __init__(
        self,
        text: str = "",
        *,
        compact: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        """`compact`: no border, as a TextArea's `compact=True` (for a form's field)."""
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.set_class(compact, "-compact")
        self._doc = Document(text)
        self._cursor = Location(0, 0)
        self._anchor: Location | None = None  # the other end of the selection
        self._goal_x: int | None = None  # the cell up and down aim for
        self._undo: list[tuple[str, Location]] = []
        self._redo: list[tuple[str, Location]] = []
        self._typing = False  # the last edit was a letter typed: the next one joins its undo step
        self._painted: dict[int, RowKey] = {}  # screen row -> what it was last asked to show
        self._painted_scroll = -1
        self._cursor_visible = True
        self._blink_timer: Timer | None = None

    # --- the text -----------------------------------------------------------------------

    @property
    def text(self) -> str:
        """All of the text, lines joined with newlines."""
        return self._doc.text

    @text.setter
    def text(self, text: str) -> None:
        self.load_text(text)

    def load_text(self, text: str) -> None:
        """Show `text`, cursor at the start, undo history cleared; posts no `Changed`."""
        self._doc.set_text(text)
        self._cursor, self._anchor, self._goal_x = Location(0, 0), None, None
        self._undo.clear()
        self._redo.clear()
        self._typing = False
        self._after_change(full=True)

    @property
    def cursor_location(self) -> Location:
        return self._cursor

    @property
    def end(self) -> Location:
        """Where the text ends: the last line, after its last character."""
        return self._doc.end

    @property
    def selected_text(self) -> str:
        start, end = self._selection()
        return self._doc.slice(start, end)

    @property
    def selection(self) -> tuple[Location, Location]:
        """(anchor, cursor); both the cursor when nothing is selected."""
        return (self._anchor or self._cursor, self._cursor)

    def move_cursor(self, location: tuple[int, int], select: bool = False) -> None:
        """Put the cursor at (line, character), clamped to the text; `select` extends the selection."""
        self._move(self._doc.clamp(Location(*location)), select)

    def insert(self, text: str) -> None:
        """Type `text` at the cursor, replacing the selection, as a paste would."""
        self._edit(text, typing=False)

    def _selection(self) -> tuple[Location, Location]:
        anchor = self._anchor if self._anchor is not None else self._cursor
        return (min(anchor, self._cursor), max(anchor, self._cursor))

    def _edit(
        self, text: str, *, typing: bool = False, start: Location | None = None, end: Location | None = None
    ) -> None:
        """One edit: replace the selection (or start..end) with `text`, remember it for undo."""
        if start is None or end is None:
            start, end = self._selection()
        if start == end and not text:
            return
        # Letters typed one after another are one undo step, up to a space or a new line.
        if not (typing and self._typing and start == end == self._cursor):
            self._remember()
        self._typing = typing and not text.isspace()
        self._cursor = self._doc.replace(start, end, text)
        self._anchor, self._goal_x = None, None
        self._after_change()
        self.post_message(self.Changed(self, self.text))

    def _remember(self) -> None:
        self._undo.append((self.text, self._cursor))
        del self._undo[:-UNDO_LIMIT]
        self._redo.clear()

    # --- screen rows ----------------------------------------------------------------------

    def _cursor_row(self) -> int:
        """The index of the screen row the cursor is on (at a wrap, the start of the next row)."""
        return self._doc.row_index(self._cursor)

    def _cursor_x(self) -> int:
        return MARGIN + self._doc.x_of(self._cursor)

    def _after_change(self, full: bool = False) -> None:
        """Fit the rows to the widget, keep the cursor in view, and redraw what changed."""
        if not self.is_mounted:
            return
        height = len(self._doc.rows)
        if self.virtual_size.height != height or self.virtual_size.width != self._doc.wrap_width:
            # Changing the virtual size lays out the screen again: only when the row count changes.
            self.virtual_size = Size(self._doc.wrap_width, height)
        self._scroll_to_cursor()
        self._sync(full)

    def _scroll_to_cursor(self) -> None:
        row = self._cursor_row()
        top = round(self.scroll_y)
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        if row < top:
            self.set_scroll(None, row)
        elif row >= top + height:
            self.set_scroll(None, row - height + 1)
        elif top > max(0, len(self._doc.rows) - height):  # rows deleted below: no blank screen under the text
            self.set_scroll(None, max(0, len(self._doc.rows) - height))

    def _row_key(self, y: int) -> RowKey:
        """What screen row `y` shows: its text, the cursor's cell and the selected cells."""
        index = y + round(self.scroll_y)
        if index >= len(self._doc.rows):
            return ("", -1, 0, 0)
        row = self._doc.rows[index]
        text = self._doc.row_text(index)
        cursor = -1
        if self.has_focus and self._cursor_visible and index == self._cursor_row():
            cursor = self._cursor.column - row.start
        select_from = select_to = 0
        if self._anchor is not None and self._anchor != self._cursor:
            start, end = self._selection()
            low, high = Location(row.line, row.start), Location(row.line, row.end)
            if end > low and start <= high:
                select_from = max(start, low).column - row.start
                if end <= high:
                    select_to = end.column - row.start
                else:  # the selection goes on past this row: on a line's last row, its newline too
                    select_to = len(text) + (row.end == len(self._doc.lines[row.line]))
        return (text, cursor, select_from, select_to)

    def _sync(self, full: bool = False) -> None:
        """Refresh the screen rows whose content changed, each only up to its last changed cell."""
        if not self.is_mounted:
            return
        region = self.scrollable_content_region
        width, height = region.width, region.height
        scroll = round(self.scroll_y)
        if full or scroll != self._painted_scroll:
            self._painted = {y: self._row_key(y) for y in range(height)}
            self._painted_scroll = scroll
            self.refresh()
        else:
            for y in range(height):
                key = self._row_key(y)
                old = self._painted.get(y)
                if key != old:
                    self._painted[y] = key
                    last = last_changed_cell(old, key, width)
                    # The region runs from the left: Textual redraws a row from the widget's edge anyway.
                    self.refresh(Region(0, y, last + 1, 1))
        self._place_terminal_cursor()

    def _place_terminal_cursor(self) -> None:
        """The terminal's own (hidden) cursor follows ours: screen readers and input methods read it."""
        if not self.has_focus:
            return
        region = self.scrollable_content_region
        y = self._cursor_row() - round(self.scroll_y)
        self.app.cursor_position = Offset(region.x + min(self._cursor_x(), region.width - 1), region.y + y)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        text, cursor, select_from, select_to = self._row_key(y)
        cursor_style = base + self.get_component_rich_style("note-editor--cursor", partial=True)
        selected_style = base + self.get_component_rich_style("note-editor--selection", partial=True)
        styles = (base, selected_style, cursor_style)
        segments: list[Segment] = []
        run = " " * MARGIN
        run_mark = 0
        for index, character in enumerate(text):
            mark = 2 if index == cursor else 1 if select_from <= index < select_to else 0
            if character == "\t":
                character = " "
            if mark != run_mark and run:
                segments.append(Segment(run, styles[run_mark]))
                run = ""
            run_mark = mark
            run += character
        if run:
            segments.append(Segment(run, styles[run_mark]))
        if cursor >= len(text):
            segments.append(Segment(" ", cursor_style))
        elif select_to > len(text):
            segments.append(Segment(" ", selected_style))
        return Strip(segments).adjust_cell_length(width, base)

    # --- size, focus, blink -------------------------------------------------------------

    def on_mount(self) -> None:
        self._blink_timer = self.set_interval(0.5, self._toggle_cursor, pause=True)
        self.cursor_blink = getattr(self.app, "cursor_blink", True)
        self._restart_blink()

    def on_resize(self, event: events.Resize) -> None:
        # A cell for the cursor after the last letter, and the margin.
        self._doc.rewrap(max(1, self.scrollable_content_region.width - 1 - MARGIN))
        self._after_change(full=True)

    def _toggle_cursor(self) -> None:
        self._cursor_visible = not self._cursor_visible
        self._sync()

    def _restart_blink(self) -> None:
        self._cursor_visible = True
        if self._blink_timer is not None:
            if self.cursor_blink and self.has_focus:
                self._blink_timer.reset()
                self._blink_timer.resume()
            else:
                self._blink_timer.pause()

    def watch_cursor_blink(self, blink: bool) -> None:
        self._restart_blink()
        self._sync()

    def on_focus(self, event: events.Focus) -> None:
        self._restart_blink()
        self._sync()

    def on_blur(self, event: events.Blur) -> None:
        self._restart_blink()
        self._sync()

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = min(offset.y + round(self.scroll_y), len(self._doc.rows) - 1)
        self._move(self._doc.location_at(index, offset.x - MARGIN), event.shift)
        self.focus()

    # --- keys ---------------------------------------------------------------------------

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """Printable keys are text here, not the screen's shortcuts."""
        return character is not None and character.isprintable()

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter" or event.is_printable:
            event.stop()
            event.prevent_default()
            self._restart_blink()
            self._edit("\n" if event.key == "enter" else event.character or "", typing=True)

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        self._edit(strip_controls(event.text))

    def _move(self, location: Location, select: bool = False, keep_goal: bool = False) -> None:
        if select:
            if self._anchor is None:
                self._anchor = self._cursor
        else:
            self._anchor = None
        self._cursor = location
        if not keep_goal:
            self._goal_x = None
        self._typing = False
        self._restart_blink()
        self._after_change()

    def _vertical(self, rows: int, select: bool) -> None:
        goal = self._goal_x if self._goal_x is not None else self._cursor_x()
        self._move(self._doc.rows_away(self._cursor, rows, goal - MARGIN), select, keep_goal=True)
        self._goal_x = goal

    def action_cursor_up(self, select: bool = False) -> None:
        self._vertical(-1, select)

    def action_cursor_down(self, select: bool = False) -> None:
        self._vertical(1, select)

    def action_cursor_page_up(self, select: bool = False) -> None:
        self._vertical(-max(1, self.scrollable_content_region.height), select)

    def action_cursor_page_down(self, select: bool = False) -> None:
        self._vertical(max(1, self.scrollable_content_region.height), select)

    def action_cursor_left(self, select: bool = False) -> None:
        if not select and self._anchor is not None and self._anchor != self._cursor:
            self._move(self._selection()[0])
        else:
            self._move(self._doc.left_of(self._cursor), select)

    def action_cursor_right(self, select: bool = False) -> None:
        if not select and self._anchor is not None and self._anchor != self._cursor:
            self._move(self._selection()[1])
        else:
            self._move(self._doc.right_of(self._cursor), select)

    def _word_left(self) -> Location:
        return self._doc.word_left(self._cursor)

    def _word_right(self) -> Location:
        return self._doc.word_right(self._cursor)

    def action_cursor_word_left(self, select: bool = False) -> None:
        self._move(self._word_left(), select)

    def action_cursor_word_right(self, select: bool = False) -> None:
        self._move(self._word_right(), select)

    def action_cursor_line_start(self, select: bool = False) -> None:
        self._move(Location(self._cursor.row, 0), select)

    def action_cursor_line_end(self, select: bool = False) -> None:
        self._move(Location(self._cursor.row, len(self._doc.lines[self._cursor.row])), select)

    def action_cursor_text_start(self, select: bool = False) -> None:
        self._move(Location(0, 0), select)

    def action_cursor_text_end(self, select: bool = False) -> None:
        self._move(self.end, select)

    def action_select_all(self) -> None:
        self._anchor = Location(0, 0)
        self._move(self.end, select=True)

    def _delete_or_selection(self, start: Location, end: Location) -> None:
        if self._anchor is not None and self._anchor != self._cursor:
            self._edit("")
        elif start != end:
            self._edit("", start=min(start, end), end=max(start, end))

    def action_delete_left(self) -> None:
        row, column = self._cursor
        before = (
            Location(row, column - 1)
            if column
            else Location(row - 1, len(self._doc.lines[row - 1]))
            if row
            else self._cursor
        )
        self._delete_or_selection(before, self._cursor)

    def action_delete_right(self) -> None:
        row, column = self._cursor
        after = (
            Location(row, column + 1)
            if column < len(self._doc.lines[row])
            else Location(row + 1, 0)
            if row < len(self._doc.lines) - 1
            else self._cursor
        )
        self._delete_or_selection(self._cursor, after)

    def action_delete_word_left(self) -> None:
        self._delete_or_selection(self._word_left(), self._cursor)

    def action_delete_word_right(self) -> None:
        self._delete_or_selection(self._cursor, self._word_right())

    def action_delete_to_line_start(self) -> None:
        self._delete_or_selection(Location(self._cursor.row, 0), self._cursor)

    def action_delete_to_line_end(self) -> None:
        row, column = self._cursor
        end = len(self._doc.lines[row])
        self._delete_or_selection(self._cursor, Location(row, end) if column < end else self._word_right())

    def action_copy(self) -> None:
        if self.selected_text:
            self.app.copy_to_clipboard(self.selected_text)

    def action_cut(self) -> None:
        if self.selected_text:
            self.app.copy_to_clipboard(self.selected_text)
            self._edit("")

    def action_paste(self) -> None:
        if self.app.clipboard:
            self._edit(strip_controls(self.app.clipboard))

    def _restore(self, state: tuple[str, Location]) -> None:
        text, cursor = state
        self._doc.set_text(text)
        self._cursor, self._anchor, self._goal_x = self._doc.clamp(cursor), None, None
        self._typing = False
        self._after_change()
        self.post_message(self.Changed(self, self.text))

    def action_undo(self) -> None:
        """Take back the last edit (inside the editor Ctrl+Z is the text's own undo)."""
        if self._undo:
            self._redo.append((self.text, self._cursor))
            self._restore(self._undo.pop())

    def action_redo(self) -> None:
        if self._redo:
            self._undo.append((self.text, self._cursor))
            self._restore(self._redo.pop())
