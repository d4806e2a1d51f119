"""The reader, driven by keys: the list of minutes, a document, its contents, search."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import MarkdownViewer, OptionList

from sdtui.demo import build_demo
from sdtui.exporting import export_minutes
from sdtui.model import Session
from sdtui.tui.reader import Document, MinutesList, ReaderApp

from ..support.ui import SIZE, screen_text


def minutes_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "minutes"
    export_minutes(build_demo(), folder)
    export_minutes(Session("Eerder overleg <b>vet</b> <script>x</script>", date="2026-03-12"), folder)
    return folder


async def test_the_list_shows_the_minutes_newest_first_and_enter_opens(tmp_path: Path) -> None:
    app = ReaderApp(minutes_folder(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        files = app.screen.query_one(OptionList)
        assert [str(files.get_option_at_index(i).prompt)[:10] for i in range(files.option_count)] == [
            "2026-06-18",
            "2026-03-12",
        ]
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert isinstance(app.screen, Document)
        assert "Netwerkbijeenkomst juni" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MinutesList)


async def test_raw_html_in_a_file_shows_as_text(tmp_path: Path) -> None:
    folder = tmp_path / "minutes"
    folder.mkdir()
    file = folder / "hand-written.md"
    file.write_text("# Hand written\n\n<b>bold?</b> <script>alert(1)</script>\n\n<div>block</div>\n", encoding="utf-8")
    app = ReaderApp(file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        shown = screen_text(app)
    assert "<b>bold?</b> <script>alert(1)</script>" in shown and "<div>block</div>" in shown


async def test_search_finds_text_and_n_goes_to_the_next_place(tmp_path: Path) -> None:
    folder = minutes_folder(tmp_path)
    app = ReaderApp(next(folder.glob("2026-06-18*.md")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        viewer = app.screen.query_one(MarkdownViewer)
        assert viewer.scroll_y == 0
        await pilot.press("slash")
        await pilot.pause()
        assert "Search: type and press Enter" in screen_text(app)  # above the footer, not behind it
        await pilot.press(*"knelpunten", "enter")
        await pilot.pause(0.3)
        first = viewer.scroll_y
        assert first > 0  # scrolled to the first place it occurs
        await pilot.press("n")
        await pilot.pause(0.3)
        assert viewer.scroll_y != first


async def test_t_shows_the_table_of_contents_and_q_quits(tmp_path: Path) -> None:
    folder = minutes_folder(tmp_path)
    app = ReaderApp(next(folder.glob("2026-06-18*.md")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        viewer = app.screen.query_one(MarkdownViewer)
        assert not viewer.show_table_of_contents  # at 80 columns the text gets the room
        assert "Signalen" not in screen_text(app)
        await pilot.press("t")
        await pilot.pause(0.3)
        assert viewer.show_table_of_contents and "Signalen" in screen_text(app)  # a later section, listed
        await pilot.press("q")
        await pilot.pause()
    assert not app.is_running


async def test_the_command_palette_offers_the_readers_actions(tmp_path: Path) -> None:
    folder = minutes_folder(tmp_path)
    app = ReaderApp(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.5)
        viewer = app.screen.query_one(MarkdownViewer)
        assert not viewer.show_table_of_contents
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"contents")
        await pilot.pause(0.3)
        assert "Reader: Table of contents" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert viewer.show_table_of_contents and "Signalen" in screen_text(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"reader back")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MinutesList)


async def test_a_dutch_reader_finds_its_actions_in_dutch_in_the_palette(tmp_path: Path) -> None:
    from sdtui.i18n import set_language

    set_language("nl")  # tests/conftest.py puts English back
    folder = minutes_folder(tmp_path)
    app = ReaderApp(next(folder.glob("2026-06-18*.md")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"zoeken")
        await pilot.pause(0.3)
        assert "Lezer: Zoeken" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#search").has_focus
