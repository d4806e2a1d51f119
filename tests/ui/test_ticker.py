"""The clock line: shows its text and redraws only the pieces whose characters changed."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from sdtui.tui.widgets.ticker import CHUNK, Ticker, _Piece

from ..support.ui import SIZE


class TickerApp(App[None]):
    CSS = "Ticker { padding: 0 1; }"

    def compose(self) -> ComposeResult:
        yield Ticker("Item 12:05 of 25:00   Meeting 52:05 of 2:00:00")


def first_line(app: App) -> str:
    return app.screen._compositor.render_strips()[0].text


async def test_the_ticker_shows_its_text_across_its_width() -> None:
    app = TickerApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert first_line(app) == " Item 12:05 of 25:00   Meeting 52:05 of 2:00:00".ljust(SIZE[0])
        ticker = app.query_one(Ticker)
        ticker.update(Text("[bold]not markup[/]", style="reverse"))
        await pilot.pause()
        assert first_line(app).startswith(" [bold]not markup[/] ")
        assert ticker.text == "[bold]not markup[/]"


async def test_a_second_ticking_redraws_only_the_pieces_holding_the_seconds() -> None:
    app = TickerApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        ticker = app.query_one(Ticker)
        refreshed: list[int] = []
        for piece in ticker.query(_Piece):
            original = piece.refresh

            def spy(*regions, piece=piece, original=original, **kwargs):
                refreshed.append(piece.index)
                return original(*regions, **kwargs)

            piece.refresh = spy  # type: ignore[method-assign]
        ticker.update("Item 12:06 of 25:00   Meeting 52:06 of 2:00:00")
        await pilot.pause()
        text = "Item 12:06 of 25:00   Meeting 52:06 of 2:00:00"
        seconds = [text.index("12:06") + 4, text.index("52:06") + 4]  # the two characters that changed
        assert sorted(refreshed) == [seconds[0] // CHUNK, seconds[1] // CHUNK]
        assert first_line(app).startswith(" Item 12:06 of 25:00   Meeting 52:06")
