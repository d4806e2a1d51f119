"""The note editor: editing keys, wrapping, selection, paste, undo, and what it redraws."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.geometry import Offset, Region

from sdtui.tui.widgets.document import wrap
from sdtui.tui.widgets.editor import Location, NoteEditor

from ..support.ui import SIZE


class EditorApp(App[None]):
    """One NoteEditor, 10 rows tall (8 of text), as wide as the terminal."""

    CSS = "NoteEditor { height: 10; }"

    def __init__(self, text: str = "", compact: bool = False) -> None:
        super().__init__()
        self.text = text
        self.compact = compact
        self.changes: list[str] = []

    def compose(self) -> ComposeResult:
        yield NoteEditor(self.text, compact=self.compact)

    def on_mount(self) -> None:
        editor = self.query_one(NoteEditor)
        editor.cursor_blink = False
        editor.focus()

    def on_note_editor_changed(self, event: NoteEditor.Changed) -> None:
        self.changes.append(event.text)


def screen_lines(app: App) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_a_compact_editor_has_no_border() -> None:
    app = EditorApp("Toelichting", compact=True)
    async with app.run_test(size=SIZE):
        assert screen_lines(app)[0].startswith(" Toelichting")  # only the one-cell margin before it


async def test_typing_enter_and_backspace_edit_the_text_and_report_each_change() -> None:
    app = EditorApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Besluit", "enter", *"mee eens", "backspace", "backspace")
        await pilot.pause()
        editor = app.query_one(NoteEditor)
        assert editor.text == "Besluit\nmee ee"
        assert app.changes[-1] == "Besluit\nmee ee"
        assert len(app.changes) == 18  # every key an edit, every edit a message with all the text
        assert "Besluit" in screen_lines(app)[1]
        assert "mee ee" in screen_lines(app)[2]


async def test_cursor_keys_home_end_and_delete() -> None:
    app = EditorApp("eerste regel\ntweede")
    async with app.run_test(size=SIZE) as pilot:
        editor = app.query_one(NoteEditor)
        await pilot.press("end")
        assert editor.cursor_location == Location(0, 12)
        await pilot.press("down")
        assert editor.cursor_location == Location(1, 6)  # as far right as the shorter line goes
        await pilot.press("home", "delete", "delete", "right")
        assert editor.text == "eerste regel\neede"
        assert editor.cursor_location == Location(1, 1)
        await pilot.press("ctrl+end")
        assert editor.cursor_location == editor.end
        await pilot.press("ctrl+home", "left")  # nothing before the start: stays
        assert editor.cursor_location == Location(0, 0)
        await pilot.press("up", "backspace")
        assert editor.text == "eerste regel\neede"


async def test_word_keys_move_and_delete_a_word_at_a_time() -> None:
    app = EditorApp("de regio verzamelt cijfers")
    async with app.run_test(size=SIZE) as pilot:
        editor = app.query_one(NoteEditor)
        await pilot.press("ctrl+right", "ctrl+right")
        assert editor.cursor_location == Location(0, 8)
        await pilot.press("ctrl+left")
        assert editor.cursor_location == Location(0, 3)
        await pilot.press("ctrl+end", "ctrl+w")
        assert editor.text == "de regio verzamelt "
        await pilot.press("ctrl+w")
        assert editor.text == "de regio "


async def test_long_lines_wrap_at_a_space_and_up_and_down_follow_the_rows() -> None:
    words = " ".join(["wachtlijst"] * 20)  # 219 characters: three or four rows at 80 columns
    app = EditorApp(words)
    async with app.run_test(size=SIZE) as pilot:
        editor = app.query_one(NoteEditor)
        lines = screen_lines(app)
        text_rows = [line[1:-1].strip() for line in lines[1:9] if line[1:-1].strip()]
        assert len(text_rows) > 2
        assert " ".join(text_rows) == words  # nothing lost, no word cut in two
        assert all(row.endswith("wachtlijst") for row in text_rows)
        await pilot.press("down")
        assert editor.cursor_location.row == 0 and 60 < editor.cursor_location.column < 80
        await pilot.press(*["down"] * len(text_rows))
        assert editor.cursor_location == editor.end  # past the last row: to the end


def test_wrap_counts_wide_characters_and_combining_marks_in_cells() -> None:
    assert wrap("漢字漢字漢字", 5) == [0, 2, 4]  # two cells a character
    assert wrap("e\u0301" * 6, 3) == [0, 6]  # an e with a combining accent is one cell
    assert wrap("abc def", 3) == [0, 4]  # the space hangs at the end of the first row


async def test_wide_and_combining_characters_put_the_terminal_cursor_on_the_right_cell() -> None:
    app = EditorApp()
    async with app.run_test(size=SIZE) as pilot:
        editor = app.query_one(NoteEditor)
        await pilot.press("a")
        start = app.cursor_position
        editor.insert("漢字e\u0301")
        await pilot.pause()
        assert app.cursor_position == start + Offset(5, 0)  # 2 + 2 + 1 cells
        await pilot.press("left")  # over the e and its accent at once
        assert editor.cursor_location == Location(0, 3)
        assert app.cursor_position == start + Offset(4, 0)


async def test_right_to_left_text_is_kept_in_the_order_it_was_typed() -> None:
    app = EditorApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"שלום")
        assert app.query_one(NoteEditor).text == "שלום"


async def test_shift_arrows_select_and_typing_replaces_the_selection() -> None:
    app = EditorApp("agenda punt\ntwee")
    async with app.run_test(size=SIZE) as pilot:
        editor = app.query_one(NoteEditor)
        await pilot.press("end", "shift+left", "shift+left", "shift+left", "shift+left")
        assert editor.selected_text == "punt"
        await pilot.press(*"item")
        assert editor.text == "agenda item\ntwee"
        await pilot.press("shift+down")
        assert editor.selected_text == "\ntwee"
        await pilot.press("backspace")
        assert editor.text == "agenda item"


async def test_select_all_then_delete_empties_the_note() -> None:
    app = EditorApp("een\ntwee\ndrie")
    async with app.run_test(size=SIZE) as pilot:
        editor = app.query_one(NoteEditor)
        await pilot.press("f7")
        assert editor.selected_text == "een\ntwee\ndrie"
        await pilot.press("delete")
        assert editor.text == ""
        assert app.changes == [""]


async def test_a_paste_loses_control_characters_but_keeps_joiners_and_new_lines() -> None:
    app = EditorApp()
    async with app.run_test(size=SIZE) as pilot:
        editor = app.query_one(NoteEditor)
        editor.post_message(events.Paste("rood\x1b[31m\x07\nfamilie: 👩\u200d👩\u200d👧"))
        await pilot.pause()
        assert editor.text == "rood[31m\nfamilie: 👩\u200d👩\u200d👧"
        assert editor.cursor_location == editor.end


async def test_undo_takes_back_a_word_at_a_time_and_redo_puts_it_back() -> None:
    app = EditorApp()
    async with app.run_test(size=SIZE) as pilot:
        editor = app.query_one(NoteEditor)
        await pilot.press(*"twee woorden")
        await pilot.press("ctrl+z")
        assert editor.text == "twee "  # a word and the space after it are one step
        await pilot.press("ctrl+z")
        assert editor.text == ""
        await pilot.press("ctrl+z")  # nothing more to take back
        assert editor.text == ""
        await pilot.press("ctrl+y")
        assert editor.text == "twee "
        await pilot.press("ctrl+y")
        assert editor.text == "twee woorden"
        assert app.changes[-1] == "twee woorden"  # undo and redo are edits the screen saves


async def test_load_text_replaces_the_note_without_a_change_message_or_undo() -> None:
    app = EditorApp("oud")
    async with app.run_test(size=SIZE) as pilot:
        editor = app.query_one(NoteEditor)
        editor.load_text("nieuw\nnotitie")
        editor.move_cursor(editor.end)
        await pilot.pause()
        assert app.changes == []
        await pilot.press("ctrl+z")
        assert editor.text == "nieuw\nnotitie"
        assert "notitie" in screen_lines(app)[2]


async def test_the_terminal_cursor_follows_the_editor_cursor() -> None:
    app = EditorApp("regel een\nregel twee")
    async with app.run_test(size=SIZE) as pilot:
        editor = app.query_one(NoteEditor)
        await pilot.pause()
        region = editor.scrollable_content_region
        assert app.cursor_position == Offset(region.x + 1, region.y)  # after the one-cell margin
        await pilot.press("down", "end")
        assert app.cursor_position == Offset(region.x + 1 + len("regel twee"), region.y + 1)


async def test_the_cursor_scrolls_into_view_in_a_long_note() -> None:
    app = EditorApp("\n".join(f"regel {number}" for number in range(30)))
    async with app.run_test(size=SIZE) as pilot:
        editor = app.query_one(NoteEditor)
        await pilot.press("ctrl+end")
        assert "regel 29" in "\n".join(screen_lines(app)[:10])
        await pilot.press("pageup")
        assert editor.cursor_location.row == 29 - editor.scrollable_content_region.height
        await pilot.press("ctrl+home")
        assert "regel 0" in screen_lines(app)[1]
        await pilot.press("ctrl+end", "shift+up", "shift+up", "shift+up", "shift+up", "delete")
        await pilot.pause()
        assert "regel 25" in "\n".join(screen_lines(app)[:10])
        assert editor.scroll_y == 0 or screen_lines(app)[8].strip("▊▎ ") != ""  # no blank rows left at the bottom


async def test_a_letter_typed_redraws_only_its_row_up_to_the_cursor() -> None:
    app = EditorApp("\n".join(f"regel {number}" for number in range(5)))
    async with app.run_test(size=SIZE) as pilot:
        editor = app.query_one(NoteEditor)
        editor.move_cursor((2, 7))
        await pilot.pause()
        repainted = []
        original = editor.refresh

        def spy(*regions, **kwargs):
            repainted.append(regions)
            return original(*regions, **kwargs)

        editor.refresh = spy  # type: ignore[method-assign]
        await pilot.press("x")
        assert repainted == [(Region(0, 2, 1 + 8 + 1, 1),)]  # the margin, "regel 2x" and the cursor after it
        assert editor.text.splitlines()[2] == "regel 2x"


# --- the one-line field -------------------------------------------------------------------


class FieldApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.values: list[str] = []
        self.instant: list[str] = []

    def compose(self) -> ComposeResult:
        from sdtui.tui.widgets.line_input import LineInput

        field = LineInput(instant=self.instant.append)
        field.cursor_blink = False
        yield field

    def on_input_changed(self, event) -> None:
        self.values.append(event.value)


async def test_the_line_input_edits_like_an_input_and_reports_every_value() -> None:
    from sdtui.tui.widgets.line_input import LineInput

    app = FieldApp()
    async with app.run_test(size=SIZE) as pilot:
        field = app.query_one(LineInput)
        field.focus()
        await pilot.press(*"Zuid", "left", "backspace", "home", "delete")
        await pilot.pause()
        assert field.value == "ud"
        assert app.values[-1] == "ud"
        assert app.instant == ["Z", "Zu", "Zui", "Zuid", "Zud", "ud"]  # at once, before the message
        field.post_message(events.Paste("een\x1b[2J\ntwee"))
        await pilot.pause()
        assert field.value == "een[2J tweeud"  # a paste loses control characters, lines joined


async def test_the_line_input_scrolls_a_long_value_and_keeps_the_cursor_on_screen() -> None:
    from sdtui.tui.widgets.line_input import LineInput

    app = FieldApp()
    async with app.run_test(size=SIZE) as pilot:
        field = app.query_one(LineInput)
        field.focus()
        await pilot.press(*("wachtlijst " * 9))
        await pilot.pause()
        assert field.scroll_x > 0
        assert app.cursor_position.x < SIZE[0]
        assert "wachtlijst" in screen_lines(app)[1]


async def test_a_letter_typed_in_the_line_input_lays_out_nothing_and_redraws_one_row() -> None:
    from sdtui.tui.widgets.line_input import LineInput

    app = FieldApp()
    async with app.run_test(size=SIZE) as pilot:
        field = app.query_one(LineInput)
        field.focus()
        await pilot.press("a")
        await pilot.pause()
        size = field.virtual_size
        repainted = []
        original = field.refresh

        def spy(*regions, **kwargs):
            repainted.append((regions, kwargs))
            return original(*regions, **kwargs)

        field.refresh = spy  # type: ignore[method-assign]
        await pilot.press("b")
        assert field.virtual_size == size
        # The value and then the cursor change: each refreshes the text row up to "ab" and the cursor.
        assert repainted
        for regions, kwargs in repainted:
            assert regions and kwargs == {}
            assert all(region.y == 0 and region.height == 1 and region.right <= 3 for region in regions)


async def test_a_line_input_given_a_value_shows_it_with_the_cursor_at_its_end() -> None:
    from sdtui.tui.widgets.line_input import LineInput

    seen: list[str] = []

    class GivenApp(App[None]):
        def compose(self) -> ComposeResult:
            yield LineInput("Regio Zuid", instant=seen.append)

    app = GivenApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = app.query_one(LineInput)
        assert field.cursor_position == len("Regio Zuid")
        assert "Regio Zuid" in screen_lines(app)[1]
        assert seen == ["Regio Zuid"]
