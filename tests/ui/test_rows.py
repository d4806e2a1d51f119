"""The light list for filtering as you type: columns, cursor, messages, and what it redraws."""

from __future__ import annotations

from collections.abc import Sequence
from unittest.mock import patch

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Input

from sdtui.tui.widgets.rows import Column, MadeRows, Row, RowList, fit

from ..support.ui import SIZE

COLUMNS = [Column("Date", 10), Column("Title", None), Column("Network", 12)]


def sessions(count: int) -> list[Row]:
    return [
        Row(f"s{number}", (f"2026-11-{number % 28 + 1:02d}", f"Overleg nummer {number}", "Regio Zuid"))
        for number in range(count)
    ]


class ListApp(App[None]):
    def __init__(self, rows: Sequence[Row]) -> None:
        super().__init__()
        self.rows = rows
        self.highlighted: list[str | None] = []
        self.selected: list[str] = []

    def compose(self) -> ComposeResult:
        yield RowList(COLUMNS, self.rows)

    def on_mount(self) -> None:
        self.query_one(RowList).focus()

    def on_row_list_highlighted(self, event: RowList.Highlighted) -> None:
        self.highlighted.append(event.key)

    def on_row_list_selected(self, event: RowList.Selected) -> None:
        self.selected.append(event.key)


def screen_lines(app: App) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


def test_text_too_long_for_its_column_ends_in_an_ellipsis() -> None:
    assert fit("Jeugdzorg", 12) == "Jeugdzorg   "
    assert fit("Beschermd wonen", 10) == "Beschermd…"
    assert fit("漢字漢字漢字", 7) == "漢字漢…"  # wide characters measured in cells
    assert fit("rood\x1b[31m", 10) == "rood[31m  "  # no control character reaches the terminal


async def test_columns_have_their_widths_and_the_rest_goes_to_the_flexible_one() -> None:
    title = "Een titel die veel te lang is om in de kolom te passen, zelfs op 80"
    rows = [Row("a", ("2026-11-30", title, "Holland Rijnland"))]
    app = ListApp(rows)
    async with app.run_test(size=SIZE):
        lines = screen_lines(app)
        assert lines[0].startswith("Date       Title")
        assert lines[0].rstrip().endswith("Network")
        assert lines[1].startswith("2026-11-30 Een titel")
        assert "…" in lines[1] and lines[1].endswith("Holland Rij…")
        assert len(lines[1]) == SIZE[0]


async def test_user_text_is_never_read_as_markup() -> None:
    app = ListApp([Row("a", ("[bold]x[/]", "[/] [link=x]", "[red]"))])
    async with app.run_test(size=SIZE):
        assert screen_lines(app)[1].split() == ["[bold]x[/]", "[/]", "[link=x]", "[red]"]


async def test_keys_move_the_cursor_and_each_new_row_is_highlighted() -> None:
    app = ListApp(sessions(100))
    async with app.run_test(size=SIZE) as pilot:
        rows = app.query_one(RowList)
        await pilot.press("down", "down")
        assert rows.cursor_key == "s2"
        await pilot.press("pagedown")
        assert rows.cursor_row == 2 + SIZE[1] - 1  # a page is the screen less its header
        assert "Overleg nummer 25" in "\n".join(screen_lines(app))
        await pilot.press("end")
        assert rows.cursor_key == "s99"
        assert "Overleg nummer 99" in screen_lines(app)[-1]
        await pilot.press("pageup", "home", "up")
        assert rows.cursor_key == "s0"
        await pilot.pause()
        assert app.highlighted == ["s0", "s1", "s2", "s25", "s99", "s76", "s0"]


async def test_enter_selects_the_row_under_the_cursor() -> None:
    app = ListApp(sessions(5))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.selected == ["s1"]


async def test_set_rows_keeps_the_cursor_on_its_row_when_it_is_still_there() -> None:
    app = ListApp(sessions(50))
    async with app.run_test(size=SIZE) as pilot:
        rows = app.query_one(RowList)
        rows.move_cursor(30)
        rows.set_rows([row for row in sessions(50) if row.key in {"s3", "s30", "s40"}])
        assert rows.cursor_key == "s30"
        rows.set_rows([row for row in sessions(50) if row.key in {"s3", "s40"}])
        assert rows.cursor_key == "s3"  # gone: the first row
        rows.set_rows([])
        assert rows.cursor_key is None
        await pilot.pause()
        assert app.highlighted[-3:] == ["s30", "s3", None]
        assert screen_lines(app)[1].strip() == ""


async def test_set_rows_redraws_only_the_lines_that_changed() -> None:
    everything = sessions(40)
    app = ListApp(everything)
    async with app.run_test(size=SIZE) as pilot:
        rows = app.query_one(RowList)
        await pilot.pause()
        repainted: list[tuple[Region, ...]] = []
        original = rows.refresh

        def spy(*regions, **kwargs):
            repainted.append(regions)
            return original(*regions, **kwargs)

        rows.refresh = spy  # type: ignore[method-assign]
        rows.set_rows(list(everything))  # the same rows again
        assert repainted == []
        changed = list(everything)
        changed[4] = Row("s4", ("2026-11-05", "Overleg nummer 4 (verzet)", "Regio Zuid"))
        rows.set_rows(changed)
        assert len(repainted) == 1
        (region,) = repainted[0]
        assert (region.y, region.height) == (5, 1)  # row 4, under the header
        assert region.right == len("2026-11-05 Overleg nummer 4 (verzet)")  # up to its last changed cell


async def test_a_list_of_ten_thousand_rows_draws_only_what_is_on_screen() -> None:
    drawn: set[str] = set()  # which rows were drawn (a row may be drawn again, after a focus change)

    class Counting(RowList):
        def _line_text(self, cells):
            drawn.add(str(cells[1]))
            return super()._line_text(cells)

    class BigApp(ListApp):
        def compose(self) -> ComposeResult:
            yield Counting(COLUMNS, self.rows)

    app = BigApp(sessions(10_000))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert 0 < len(drawn) < 3 * SIZE[1]
        drawn.clear()
        await pilot.press("end")
        assert "Overleg nummer 9999" in screen_lines(app)[-1]
        assert len(drawn) < 3 * SIZE[1]


async def test_made_rows_are_made_when_shown_and_the_cursor_finds_any_of_them() -> None:
    keys = [f"s{number}" for number in range(10_000)]
    made: list[str] = []

    def make(key: str) -> Row:
        made.append(key)
        return Row(key, ("2026-11-30", f"Overleg {key}", "Regio Zuid"))

    app = ListApp(MadeRows(keys, make))
    async with app.run_test(size=SIZE) as pilot:
        assert screen_lines(app)[1].startswith("2026-11-30 Overleg s0 ")
        assert len(set(made)) < 3 * SIZE[1]  # the rows on screen, not 10,000
        table = app.query_one(RowList)
        assert table.move_to_key("s9000")
        await pilot.pause()
        assert table.cursor_key == "s9000" and any("Overleg s9000 " in line for line in screen_lines(app))
        assert not table.move_to_key("s10000")
        table.set_rows(MadeRows(keys[8_000:], make))  # a filter's matches: the cursor stays on its row
        assert table.cursor_key == "s9000"
        assert len(set(made)) < 6 * SIZE[1]  # two screens' worth, around s0 and around s9000


async def test_the_focus_coming_or_going_redraws_only_the_cursor_row() -> None:
    class WithField(ListApp):
        def compose(self) -> ComposeResult:
            yield Input(id="field")
            yield RowList(COLUMNS, self.rows)

    app = WithField(sessions(40))
    async with app.run_test(size=SIZE) as pilot:
        rows = app.query_one(RowList)
        await pilot.pause()
        focused_look, other_look = rows.render_line(1), rows.render_line(2)
        repainted: list[tuple[Region, ...]] = []
        original = Widget.refresh

        def spy(widget: Widget, *regions: Region, **kwargs: bool) -> Widget:
            if widget is rows:
                repainted.append(regions)
            return original(widget, *regions, **kwargs)

        with patch.object(Widget, "refresh", spy):  # what Textual asks of the list, and what it draws
            app.query_one("#field").focus()
            await pilot.pause()
        assert rows.render_line(1) != focused_look  # the cursor row shows the focus has gone
        assert rows.render_line(2) == other_look  # the other rows look as before
        drawn = [region for regions in repainted for region in regions]
        assert drawn and {(region.y, region.height) for region in drawn} == {(1, 1)}  # the cursor row only
        assert not [regions for regions in repainted if not regions]  # never the whole list
