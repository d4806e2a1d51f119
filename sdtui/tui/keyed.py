"""What every screen and both apps (`sdtui` and `sdtui read`) share: keys, help and palette from `keys.py`.

A screen names its key scopes once (`KEY_SCOPES`); its bindings, the order of its footer, its
help screen and its command palette entries all follow from them. The app and the help screen
ask a screen what they need through the attributes defined here, never by probing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from textual import events
from textual.app import SystemCommand
from textual.binding import ActiveBinding
from textual.geometry import Offset, Region
from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import DataTable

from ..text import cells
from . import keys
from .typeahead import TypeAhead

if TYPE_CHECKING:
    from .app import SdtuiApp

ResultType = TypeVar("ResultType")


PALETTE_ROOM = 12
"""Cells the footer keeps at its right end for the palette key ("▏^p palette") and the last column."""


class KeyedScreen(keys.TranslatedBindings, Screen[ResultType]):
    """A screen whose keys come from the scopes it names; the base of every screen of both apps.

    `KEY_SCOPES` lists the scopes a class adds; a subclass's own come first, then those of its
    bases (the screens of an open session add "session" that way). `BINDINGS` is made from
    them when the class is defined: declaring both is an error.
    """

    KEY_SCOPES: ClassVar[tuple[str, ...]] = ()
    key_scopes: ClassVar[tuple[str, ...]] = ()
    """Every scope of this screen, its own first: what the footer, help and palette show."""
    _footer_order: ClassVar[dict[str, int]] = {}
    SCREEN_NAME: ClassVar[str] = ""
    """How the app names this screen (`app.show(name)`); empty for a dialog."""
    HELP_TITLE: ClassVar[str] = "sdtui"
    HELP_TEXT: ClassVar[str] = ""
    """A paragraph under the keys in help, in English (translated when shown)."""

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """Textual's, without repainting the whole screen when the focus moves: the widgets that
    gain and lose the focus redraw themselves. Every Tab or `/` rewrote all 24 rows (some 4 KB
    over SSH). Set it through `set_focus`, as Textual says."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        own = cls.__dict__.get("KEY_SCOPES", ())
        if own:
            if "BINDINGS" in cls.__dict__:
                raise TypeError(f"{cls.__name__}: BINDINGS come from KEY_SCOPES; declare only KEY_SCOPES")
            cls.BINDINGS = keys.bindings(*own)
        inherited = [scope for base in cls.__mro__[1:] for scope in base.__dict__.get("KEY_SCOPES", ())]
        cls.key_scopes = tuple(dict.fromkeys((*own, *inherited)))
        cls._footer_order = {key.id: number for number, key in enumerate(keys.keys_for(*cls.key_scopes))}
        super().__init_subclass__(**kwargs)  # Textual merges the bindings of the class and its bases here

    @property
    def sdtui(self) -> SdtuiApp:
        """The facilitator's app, typed. Only the screens of `sdtui` use it, not the reader's."""
        return cast("SdtuiApp", self.app)

    def footer_rank(self, binding_id: str) -> int:
        """Where a key comes in the footer, lower first; when 80 columns cannot hold every key, the
        last ones are left out of the footer (they still work, and help and the palette list them)."""
        return 0 if binding_id == keys.HELP_ID else 2

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        # Textual puts a base class's bindings first; the footer follows the screen's scopes instead,
        # own keys first, help before all (see TranslatedBindings). Other keys keep their order after them.
        order = self._footer_order
        ranked = sorted(
            super().active_bindings.items(),
            key=lambda item: (
                self.footer_rank(item[1].binding.id or ""),
                order.get(item[1].binding.id or "", len(order)),
            ),
        )
        return self._fit_footer(ranked)

    def _fit_footer(self, ranked: list[tuple[str, ActiveBinding]]) -> dict[str, ActiveBinding]:
        """Show the keys that fit the terminal's width in rank order; hide the rest from the footer.

        A footer wider than the terminal ran on under the palette key, and its last letter showed
        in the bottom-right cell ("▏^p paletteQ").
        """
        room = (self.app.size.width or 80) - PALETTE_ROOM
        shown: set[str] = set()
        left_out: set[str] = set()
        fitted: dict[str, ActiveBinding] = {}
        for key, active in ranked:
            binding = active.binding
            if binding.show and binding.action not in shown:
                if binding.action not in left_out:
                    # A footer key reads "key description " (the footer shows one key per action).
                    width = cells(self.app.get_key_display(binding)) + cells(binding.description) + 2
                    if width <= room:
                        room -= width
                        shown.add(binding.action)
                    else:
                        left_out.add(binding.action)
                if binding.action in left_out:
                    active = active._replace(binding=replace(binding, show=False))
            fitted[key] = active
        return fitted

    @property
    def current_item_id(self) -> str | None:
        """The agenda item a new action item links to, if this screen has one in view."""
        return None

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.point_at_row(event.data_table)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, DataTable):
            self.call_after_refresh(self.point_at_row, event.widget)  # once a list just shown is laid out

    def point_at_row(self, table: DataTable[Any]) -> None:
        """Put the terminal's cursor on the row under the list's cursor.

        A screen reader or braille display follows the terminal's cursor, not colours; text fields
        place it themselves. When the list scrolls to keep its cursor in view, the row ends up at
        the edge it scrolled to, which the clamp below gives too.
        """
        if not table.has_focus or table.row_count == 0:
            return
        area = table.content_region
        header = table.header_height if table.show_header else 0
        rows = max(1, area.height - header)
        row = min(max(table.cursor_row - int(table.scroll_y), 0), rows - 1)
        place = Offset(area.x, area.y + header + row)
        if place != self.app.cursor_position:
            self.app.cursor_position = place
            # The cursor moves with the next frame; the row was drawn already, so ask for one cell.
            table.refresh(Region(0, header + row, 1, 1))

    @property
    def round_in_view(self) -> str | None:
        """The restore-or-renovate round this screen shows (Run's board), for followers to see the same."""
        return None

    def show_title(self) -> None:
        """Set the header's subtitle again (the open session's screens add "● LIVE" while followers see it)."""

    def refresh_view(self) -> None:
        """Show the model again after a change made elsewhere (a dialog, the action key)."""


class KeyedModalScreen(KeyedScreen[ResultType], ModalScreen[ResultType]):
    """A dialog over another screen (forms, questions, pickers, help), keyed like every screen."""


class KeyedWidget:
    """A widget with keys of its own (Run's board): the help of the screen it is on lists them too."""

    KEY_SCOPES: ClassVar[tuple[str, ...]] = ()


class KeyedApp(TypeAhead):
    """Both apps: the app-wide keys and a palette made from the keys of the screen in view.

    Keys that arrive in one burst act as if typed one at a time (`TypeAhead`).
    """

    BINDINGS = keys.bindings("app")

    cursor_blink: bool = True
    """Text cursors blink unless turned off (snapshot tests need a still screen)."""

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from keys.translated(super().get_system_commands(screen))
        if isinstance(screen, KeyedScreen):
            yield from keys.palette_commands(screen, screen.key_scopes)


__all__ = ["KeyedApp", "KeyedModalScreen", "KeyedScreen", "KeyedWidget"]
