"""Esc followed closely by a key is Esc and then that key, never a lost Alt+key."""

from __future__ import annotations

from textual import events

from sdtui.tui.screens.dialogs import FormScreen
from sdtui.tui.screens.help import HelpScreen
from sdtui.tui.screens.home import HomeScreen
from sdtui.tui.typeahead import EscapeThenKeyParser, split_alt

from ..support.ui import SIZE


def keys_read(data: str) -> list[tuple[str, str | None]]:
    parser = EscapeThenKeyParser()
    read = [*parser.feed(data), *parser.feed("")]  # "" ends the input, as a closed terminal does
    return [(event.key, event.character) for event in read if isinstance(event, events.Key)]


def test_the_terminal_reader_takes_escape_and_a_key_as_two_keys() -> None:
    assert keys_read("\x1bq") == [("escape", "\x1b"), ("q", "q")]
    assert keys_read("\x1b\x14") == [("escape", "\x1b"), ("ctrl+t", "\x14")]  # Textual alone drops the Esc
    assert keys_read("\x1b\r") == [("escape", "\x1b"), ("enter", "\r")]


def test_the_terminal_reader_leaves_other_keys_alone() -> None:
    assert keys_read("ab") == [("a", "a"), ("b", "b")]
    assert keys_read("\x1b[A") == [("up", None)]  # an arrow key is an escape sequence, not Esc and [
    assert keys_read("\x1bOP") == [("f1", None)]
    assert keys_read("\x1b") == [("escape", "\x1b")]


def test_an_alt_key_from_elsewhere_is_split_too() -> None:
    assert [(key.key, key.character) for key in split_alt(events.Key("alt+n", "n"))] == [("escape", "\x1b"), ("n", "n")]
    assert [(key.key, key.character) for key in split_alt(events.Key("alt+shift+n", "N"))] == [
        ("escape", "\x1b"),
        ("N", "N"),
    ]
    plain = events.Key("n", "n")
    assert split_alt(plain) == [plain]


async def test_alt_n_on_the_help_closes_it_and_starts_a_new_session(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("alt+n")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert isinstance(app.screen_stack[-2], HomeScreen)


FAMILY = "👩\u200d👩\u200d👧"
FLAG = "🏳\ufe0f\u200d🌈"


async def test_joiners_and_variation_selectors_typed_into_a_field_are_kept(make_app, store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen)
        await pilot.press("ctrl+a", "backspace")  # the title field starts with a suggestion
        parser = EscapeThenKeyParser()
        for key in [*parser.feed(f"Gezin {FAMILY} {FLAG} عائلة\u200f"), *parser.feed("")]:
            app.post_message(key)  # as the terminal reader hands them over, one key per character
        await pilot.pause()
        assert form.values()["title"] == f"Gezin {FAMILY} {FLAG} عائلة\u200f"
        await pilot.press("enter")
        await pilot.pause()
    [summary] = store.list()
    assert store.load(summary.id).title == f"Gezin {FAMILY} {FLAG} عائلة\u200f"
