"""A one-line text field that redraws only the cells a key changed.

Textual's Input writes about 750 bytes to an 80x24 terminal for each key typed into it: its
value, selection and cursor are reactives that repaint the whole field (three rows with its
border), and every change of the value sets its virtual size to the new text width, which lays
out the whole screen again. `LineInput` keeps the same behaviour and messages (it is an Input,
and a `SafeInput`, so a paste loses control characters) but:

- its virtual size stays the width of the field while the text fits, so typing lays out
  nothing; only a text wider than the field (which then scrolls) changes it;
- a key refreshes only the text row, from the left edge up to the last cell that changed;
- `instant`, if given, is called with the new value at once, before the screen is drawn. A list
  that follows the field (filter as you type) is then drawn in the same frame as the letter;
  through the `Changed` message it comes a frame later (Textual draws at most 60 frames a
  second, so about 16 to 25 ms a key). `Changed` is posted as well.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.strip import Strip
from textual.widgets._input import Selection

from .safe import SafeInput
from .strips import strip_cells


class LineInput(SafeInput):
    """An Input (and SafeInput) that redraws only the changed cells of its text row."""

    # Same reactives as Input's, but they repaint through _refresh_text instead of all of the field.
    value: reactive[str] = reactive("", init=False, repaint=False)
    selection: reactive[Selection] = reactive(Selection.cursor(0), repaint=False)
    _cursor_visible: reactive[bool] = reactive(True, repaint=False)

    def __init__(self, *args, instant: Callable[[str], object] | None = None, **kwargs) -> None:
        # Set before Input's __init__, which may set the value (and so call _watch_value).
        self.instant = instant
        self._shown: Strip | None = None  # the text row as last asked to be drawn
        super().__init__(*args, **kwargs)

    def on_mount(self) -> None:
        # Input marks itself valid on the first key, which repaints all of the field once: a
        # field without validators is valid from the start, so mark it now.
        if not self.validators:
            self.set_class(True, "-valid")

    def on_resize(self) -> None:
        self._fit_virtual_size()

    def _fit_virtual_size(self) -> None:
        """As wide as the field while the text fits (so typing lays out nothing), wider once it scrolls."""
        wanted = Size(max(self.content_width, self.scrollable_content_region.width), 1)
        if wanted != self.virtual_size:
            self.virtual_size = wanted

    def _watch_value(self, value: str) -> None:
        """Input's own watcher, without the new layout for every key."""
        self._fit_virtual_size()
        self._suggestion = ""
        if self.suggester and value:
            self.run_worker(self.suggester._get_suggestion(self, value))
        if self.styles.auto_dimensions:
            self.refresh(layout=True)
        validation_result = self.validate(value) if "changed" in self.validate_on else None
        self.post_message(self.Changed(self, value, validation_result))
        if self.instant is not None:
            self.instant(value)
        if self._initial_value:
            self.cursor_position = len(self.value)
            self._initial_value = False
        else:
            self.selection = self.selection
        self._refresh_text()

    def _watch_selection(self, selection: Selection) -> None:
        super()._watch_selection(selection)
        self._refresh_text()

    def _watch__cursor_visible(self, visible: bool) -> None:
        self._refresh_text()

    def _refresh_text(self) -> None:
        """Refresh the text row up to its last changed cell.

        A scroll repaints all of the field (ScrollView does), so comparing with what was shown
        before it only refreshes a little more than needed, never less.
        """
        if not self.is_mounted or not self.size:
            return
        new = self.render_line(0)
        before, after = strip_cells(self._shown), strip_cells(new)
        self._shown = new
        blank = (" ", None)
        last = -1
        for x in range(max(len(before), len(after)) - 1, -1, -1):
            if (before[x] if x < len(before) else blank) != (after[x] if x < len(after) else blank):
                last = x
                break
        if last >= 0:
            self.refresh(Region(0, 0, min(last + 1, self.scrollable_content_region.width), 1))
