"""A light list of rows for filtering as you type: only the rows on screen are drawn.

A DataTable measures and keeps every row it is given, and redraws all of itself when it is
cleared and filled again: on Home, filtering 1,000 sessions took 50 to 90 ms a key. `RowList`
takes the rows as a list it does not copy or measure (`set_rows`), draws only the rows on screen
through Textual's line API, and after a change refreshes only the screen lines whose text
changed, each up to its last changed cell. Columns have fixed widths (one may take the rest);
text too long for its column ends in "…". Cells are plain text, never read as markup.

Keys: ↑ ↓ PgUp PgDn Home End move the cursor row; Enter selects it. Messages: `Highlighted`
when the cursor comes to another row (also after `set_rows`), `Selected` on Enter or a click;
both carry the row's key.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter
from os.path import commonprefix
from typing import ClassVar, NamedTuple, Self, overload

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Offset, Region
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from ...model import strip_controls
from .strips import strip_cells

ELLIPSIS = "…"


class Column(NamedTuple):
    """A column: its heading and its width in cells (None: whatever the other columns leave)."""

    label: str
    width: int | None


class Row(NamedTuple):
    """A row: the key its messages carry, and one text per column (str, or Text for styled cells)."""

    key: str
    cells: Sequence[str | Text]


class MadeRows(Sequence[Row]):
    """Rows made the first time they are drawn or read, from their keys.

    A list of 10,000 sessions then opens as fast as one of 100: only the rows on screen are
    made. `make(key)` makes the row of a key; made rows are kept in `made`, which views of the
    same rows (a filter's matches) share.
    """

    def __init__(self, keys: Sequence[str], make: Callable[[str], Row], made: dict[str, Row] | None = None) -> None:
        self.keys = keys
        self._make = make
        self._made = {} if made is None else made

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> MadeRows: ...

    def __getitem__(self, index: int | slice) -> Row | MadeRows:
        if isinstance(index, slice):
            return MadeRows(self.keys[index], self._make, self._made)
        key = self.keys[index]
        row = self._made.get(key)
        if row is None:
            row = self._made[key] = self._make(key)
        return row


def keys_of(rows: Sequence[Row]) -> Sequence[str]:
    """The rows' keys, without making rows that were not made yet; listed by C code otherwise
    (a tenth of a loop in Python at 10,000 rows)."""
    return rows.keys if isinstance(rows, MadeRows) else list(map(itemgetter(0), rows))


def fit(text: str, width: int) -> str:
    """`text` padded or cut to exactly `width` cells; cut text ends in "…"."""
    if width <= 0:
        return ""
    if text.isascii() and text.isprintable():  # the common case: one cell a character
        if len(text) <= width:
            return text.ljust(width)
        return text[: width - 1] + ELLIPSIS
    text = strip_controls(text).replace("\n", " ").replace("\t", " ")
    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + ELLIPSIS


class RowList(Widget, can_focus=True):
    """Rows in fixed-width columns with a cursor row; draws only what is on screen."""

    DEFAULT_CSS = """
    RowList {
        height: 1fr;
        background: $surface;
        color: $foreground;
        & > .row-list--header { text-style: bold; background: $panel; }
        & > .row-list--cursor { background: $block-cursor-blurred-background; }
        &:focus > .row-list--cursor {
            background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold;
        }
        & > .row-list--even { background: $surface-lighten-1; }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--header", "row-list--cursor", "row-list--even"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,ctrl+home", "first", "First row", show=False),
        Binding("end,ctrl+end", "last", "Last row", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    @dataclass
    class Highlighted(Message):
        """The cursor came to another row (None: the list is empty)."""

        row_list: RowList
        key: str | None
        index: int

        @property
        def control(self) -> RowList:
            return self.row_list

    @dataclass
    class Selected(Message):
        """Enter was pressed on a row, or it was clicked."""

        row_list: RowList
        key: str
        index: int

        @property
        def control(self) -> RowList:
            return self.row_list

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Row] = (),
        *,
        show_header: bool = True,
        zebra_stripes: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = list(columns)
        self.show_header = show_header
        self.zebra_stripes = zebra_stripes
        self._rows: Sequence[Row] = rows
        self._cursor = 0
        self._top = 0  # the row shown first
        self._highlighted: str | None = None
        self._shown: dict[int, Strip] = {}  # screen line -> the strip it was last asked to show
        self._painted = False  # drawn on the terminal once: until then a whole refresh costs nothing
        self._widths: list[int] = []
        self._styles: dict[str, Style] = {}  # component styles, looked up once per style change

    # --- the public surface -------------------------------------------------------------

    @property
    def rows(self) -> Sequence[Row]:
        return self._rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_row(self) -> int:
        return self._cursor

    @property
    def cursor_key(self) -> str | None:
        """The key of the row under the cursor, None when the list is empty."""
        return self._rows[self._cursor].key if self._rows else None

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show `rows` (not copied: do not change the list afterwards). The cursor stays on its
        row if that row is still there; only screen lines that now show something else are redrawn."""
        key = self.cursor_key
        self._rows = rows
        index = 0
        if key is not None:
            if self._cursor < len(rows) and rows[self._cursor].key == key:
                index = self._cursor
            else:
                try:
                    index = keys_of(rows).index(key)
                except ValueError:
                    index = 0
        self._cursor = index
        if not (self._top <= index < self._top + self._page()):
            self._top = 0 if index < self._page() else index - self._page() // 2
        self._top = max(0, min(self._top, max(0, len(rows) - self._page())))
        self._changed()

    def move_cursor(self, index: int) -> None:
        """Put the cursor on row `index` (clamped), scrolling it into view."""
        if not self._rows:
            return
        self._cursor = max(0, min(index, len(self._rows) - 1))
        page = self._page()
        if self._cursor < self._top:
            self._top = self._cursor
        elif self._cursor >= self._top + page:
            self._top = self._cursor - page + 1
        self._changed()

    def move_to_key(self, key: str) -> bool:
        """Put the cursor on the row with `key`; False when there is none."""
        try:
            number = keys_of(self._rows).index(key)
        except ValueError:
            return False
        self.move_cursor(number)
        return True

    # --- drawing ------------------------------------------------------------------------

    def _page(self) -> int:
        return max(1, self.size.height - (1 if self.show_header else 0))

    def _column_widths(self, width: int) -> list[int]:
        fixed = sum(column.width or 0 for column in self.columns)
        rest = max(0, width - fixed - (len(self.columns) - 1))
        return [column.width if column.width is not None else rest for column in self.columns]

    def _line_text(self, cells: Sequence[str | Text]) -> str | Text:
        widths = self._widths
        if all(isinstance(cell, str) for cell in cells):
            return " ".join(fit(cell, width) for cell, width in zip(cells, widths, strict=False))  # type: ignore[arg-type]
        line = Text(end="", no_wrap=True)
        for number, (cell, width) in enumerate(zip(cells, widths, strict=False)):
            if number:
                line.append(" ")
            if isinstance(cell, Text):
                piece = cell.copy()
                piece.truncate(width, overflow="ellipsis", pad=True)
                line.append_text(piece)
            else:
                line.append(fit(cell, width))
        return line

    def _style(self, name: str) -> Style:
        """The widget's style with a component's on top ("" for the plain rows)."""
        style = self._styles.get(name)
        if style is None:
            style = self.rich_style
            for part in name.split():
                # From the component's styles, not Textual's cache of them: that cache is cleared
                # later than the stylesheet asks for a refresh when the focus changes.
                style = style + self.get_component_styles(part).partial_rich_style
            self._styles[name] = style
        return style

    def _strip(self, y: int) -> Strip:
        """What screen line `y` shows."""
        width = self.size.width
        if self.show_header:
            if y == 0:
                text = self._line_text([column.label for column in self.columns])
                return self._to_strip(text, self._style("row-list--header"), width)
            y -= 1
        index = self._top + y
        if index >= len(self._rows):
            return Strip.blank(width, self._style(""))
        name = "row-list--even" if self.zebra_stripes and index % 2 else ""
        if index == self._cursor:
            name += " row-list--cursor"
        return self._to_strip(self._line_text(self._rows[index].cells), self._style(name), width)

    def _to_strip(self, text: str | Text, style: Style, width: int) -> Strip:
        if isinstance(text, str):
            return Strip([Segment(text, style)]).adjust_cell_length(width, style)
        segments = [
            Segment(s.text, style + s.style if s.style else style, s.control) for s in text.render(self.app.console)
        ]
        return Strip(segments).adjust_cell_length(width, style)

    def render_line(self, y: int) -> Strip:
        self._painted = True
        strip = self._shown.get(y)
        if strip is None or strip.cell_length != self.size.width:
            strip = self._shown[y] = self._strip(y)
        return strip

    def _changed(self) -> None:
        """Refresh the screen lines that now show something else, each up to its last changed cell."""
        if self.is_mounted and self.size:
            width = self.size.width
            for y in range(self.size.height):
                new = self._strip(y)
                old = self._shown.get(y)
                self._shown[y] = new
                if old is None:
                    self.refresh(Region(0, y, width, 1))
                elif list(old) != list(new):
                    self.refresh(Region(0, y, _last_difference(old, new, width) + 1, 1))
            self._place_terminal_cursor()
        key = self.cursor_key
        if key != self._highlighted:
            self._highlighted = key
            self.post_message(self.Highlighted(self, key, self._cursor))

    def _place_terminal_cursor(self) -> None:
        """The terminal's own (hidden) cursor on the cursor row: screen readers follow it."""
        if self.has_focus and self._rows:
            y = self._cursor - self._top + (1 if self.show_header else 0)
            self.app.cursor_position = Offset(self.content_region.x, self.content_region.y + y)

    def on_resize(self, event: events.Resize) -> None:
        self._widths = self._column_widths(self.size.width)
        self._shown.clear()
        self.move_cursor(self._cursor)
        self.refresh()

    # A new theme, and the focus coming or going (the :focus rule), change the styles; Textual
    # then refreshes the whole widget (Widget._on_focus and _on_blur, and the stylesheet when a
    # component class's style changes): every row of the list, some 3 KB over SSH each time the
    # filter takes or gives back the focus. Here such a refresh draws only the lines whose
    # strips changed: with the focus, that is the cursor row.
    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        if regions or layout or recompose or not self._painted:
            return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
        self._styles.clear()
        self._changed()
        return self

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        if self._painted:
            self._changed()
        else:
            self._shown.clear()

    def on_focus(self) -> None:
        self._styles.clear()  # the cursor row looks different with and without the focus
        self._changed()

    def on_blur(self) -> None:
        self._styles.clear()
        self._changed()

    # --- keys and mouse -----------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self.move_cursor(self._cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self._cursor + 1)

    def action_page_up(self) -> None:
        self.move_cursor(self._cursor - self._page())

    def action_page_down(self) -> None:
        self.move_cursor(self._cursor + self._page())

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self._rows) - 1)

    def action_select(self) -> None:
        if self._rows:
            self.post_message(self.Selected(self, self._rows[self._cursor].key, self._cursor))

    def on_click(self, event: events.Click) -> None:
        y = event.y - (1 if self.show_header else 0)
        if y < 0 or self._top + y >= len(self._rows):
            return
        self.move_cursor(self._top + y)
        self.action_select()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self._top = max(0, min(self._top + 3, len(self._rows) - self._page()))
        self._changed()

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self._top = max(0, self._top - 3)
        self._changed()


def _narrow(text: str) -> bool:
    """True when every character of `text` takes one cell (an ellipsis or "ë" does, "中" or a combining accent not)."""
    return text.isascii() or all(cell_len(character) == 1 for character in text if not character.isascii())


def _last_difference(old: Strip, new: Strip, width: int) -> int:
    """The last cell where two strips of one line differ."""
    if len(old) == len(new) == 1:
        old_text, old_style, _ = list(old)[0]
        new_text, new_style, _ = list(new)[0]
        if old_style == new_style and old_text.isascii() and new_text.isascii():  # one cell a character
            same = len(commonprefix([old_text[::-1], new_text[::-1]]))
            return (
                min(max(len(old_text), len(new_text)) - same - 1, width - 1)
                if same < max(len(old_text), len(new_text))
                else width - 1
            )
    if all(_narrow(text) for text, _style, _control in (*old, *new)):  # one cell a character: no list of cells
        old_text, new_text = "".join(s.text for s in old), "".join(s.text for s in new)
        old_styles = list(chain.from_iterable([style] * len(text) for text, style, _control in old))
        new_styles = list(chain.from_iterable([style] * len(text) for text, style, _control in new))
        size = min(max(len(old_text), len(new_text)), width)
        same = len(commonprefix([old_text[:size].ljust(size, "\0")[::-1], new_text[:size].ljust(size, "\0")[::-1]]))
        for x in range(size - 1, size - 1 - same, -1):  # the texts end alike: where do the styles differ?
            if (old_styles[x] if x < len(old_styles) else None) != (new_styles[x] if x < len(new_styles) else None):
                return x
        return size - 1 - same if same < size else width - 1
    before, after = strip_cells(old), strip_cells(new)
    for x in range(min(max(len(before), len(after)), width) - 1, -1, -1):
        if (before[x] if x < len(before) else None) != (after[x] if x < len(after) else None):
            return x
    return width - 1
