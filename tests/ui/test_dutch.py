"""The app in Dutch, driven by keys at 80x24: every screen speaks Dutch, and F1 leads every footer."""

from __future__ import annotations

import pytest

from sdtui.demo import DEMO_TITLE, build_demo
from sdtui.i18n import set_language
from sdtui.store import Store

from ..support.ui import SIZE, screen_text


@pytest.fixture
def dutch() -> None:
    set_language("nl")  # tests/conftest.py puts English back after each test


def footer(app) -> str:
    return screen_text(app).split("\n")[-1]


async def test_a_dutch_facilitator_walks_every_screen_in_dutch(dutch, make_app, store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Druk op n" in screen_text(app)  # the empty store says how to start
        assert "Nieuw" in footer(app) and "Stoppen" in footer(app)
        await pilot.press("d")
        await pilot.pause()
        [summary] = store.list()
        assert summary.title == DEMO_TITLE  # the demo in the UI language
        shown = screen_text(app)
        assert "gesloten" in shown and "Status" in shown
        await pilot.press("enter")  # the demo meeting is over, so it opens on Close
        await pilot.pause()
        assert app.screen.SCREEN_NAME == "close"
        shown = screen_text(app)
        assert "Actiepunten" in shown and "Eigenaar" in shown and "afgerond" in shown
        for key, words in (("f2", "Gegevens"), ("f6", "Deelnemers"), ("f7", "Agenda")):
            await pilot.press(key)
            await pilot.pause()
            assert words in screen_text(app), key
        assert app.screen.SCREEN_NAME == "prepare"
        await pilot.press("f3")
        await pilot.pause()
        shown = screen_text(app)
        assert app.screen.SCREEN_NAME == "run"
        assert "Notities" in shown and "Bijeenkomst" in shown and "Volgende" in footer(app)
        await pilot.press("f1")
        await pilot.pause()
        assert "Toetsen: Leiden" in screen_text(app)


@pytest.mark.parametrize("language, help_word", [("en", "Help"), ("nl", "Hulp")])
async def test_the_help_key_leads_every_footer(language: str, help_word: str, make_app, store: Store) -> None:
    """At 80 columns some keys fall off the end of a footer; F1, which lists them all, never does."""
    set_language(language)  # tests/conftest.py puts English back
    demo = store.add(build_demo(language=language))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        walk = [("home", ())]
        walk += [("actions", ("a",)), ("attendance", ("escape", "w")), ("search", ("escape", "s"))]
        for where, pressed in walk:
            await pilot.press(*pressed)
            await pilot.pause()
            assert footer(app).startswith(f"f1 {help_word} "), where
        await pilot.press("escape")
        await pilot.pause()
        app.open_session(demo.id, "prepare")
        await pilot.pause()
        for where in ("f5", "f6", "f7", "f3", "f5", "f6", "f7", "f8", "f9", "f4", "f5", "f6"):
            await pilot.press(where)
            await pilot.pause()
            assert footer(app).startswith(f"f1 {help_word} "), (app.screen.SCREEN_NAME, where)
