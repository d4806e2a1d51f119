"""Hostile text in every free-text field: accepted clean or refused in words, never a crash,
never raw on the terminal, and the minutes keep their structure."""

from __future__ import annotations

import pytest
from textual import events
from textual.widgets import Input, TextArea

from sdtui.minutes import render_minutes
from sdtui.model import Session, ValidationError, strip_controls
from sdtui.store import Store
from sdtui.tui.widgets.safe import SafeInput, SafeTextArea

from .support.hostile import (
    FIELDS,
    assert_screen_intact,
    base_session,
    hostile_session,
    read,
    terminal_safe,
    with_text,
)
from .support.hostile_text import HOSTILE
from .support.markdown import no_html, parse, squeeze, structure, text_of
from .support.ui import FROZEN_NOW, SIZE, still_app

SHARED = 5
"""Hostile values per session on the screen walk: each lands in four fields on different screens."""


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_every_field_takes_it_clean_or_refuses_it_in_words(value: str) -> None:
    reference = structure(parse(render_minutes(base_session())))
    for path in FIELDS:
        try:
            session = Session.from_dict(with_text(base_session().to_dict(), path, value))
        except ValidationError as error:
            assert error.message[:1].isupper() and "\n" not in error.message, (path, error.message)
            continue
        stored = read(session.to_dict(), path)
        assert terminal_safe(stored), path
        minutes = render_minutes(session)
        assert terminal_safe(minutes), path
        tree = parse(minutes)
        assert no_html(tree), path
        if stored.strip():
            assert structure(tree) == reference, path
            assert squeeze(stored) in squeeze(text_of(tree)), path


async def test_every_screen_shows_hostile_sessions_intact(tmp_path) -> None:
    with Store(tmp_path / "store") as store:
        ids = [
            store.add(hostile_session(*HOSTILE[start : start + SHARED])).id for start in range(0, len(HOSTILE), SHARED)
        ]
        app = still_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert_screen_intact(app, "home")
            for number, session_id in enumerate(ids):
                app.open_session(session_id, "prepare")
                await pilot.pause()
                for keys in (("f5",), ("f6",), ("f7",), ("f3", "f5"), ("f6",), ("f7",), ("f8",), ("f4", "f5"), ("f6",)):
                    await pilot.press(*keys)
                    assert_screen_intact(app, f"{number} {keys}")
                await pilot.press("escape")
                await pilot.pause()


async def test_pasted_hostile_text_is_stored_clean_or_refused(tmp_path) -> None:
    with Store(tmp_path / "store") as store:
        app = still_app(store)
        async with app.run_test(size=SIZE) as pilot:
            for value in HOSTILE:
                await pilot.press("n")
                await pilot.pause()
                app.post_message(events.Paste(value))  # as a terminal delivers a paste
                await pilot.pause()
                await pilot.press("enter")
                await pilot.pause()
                if getattr(app.screen, "SCREEN_NAME", "") == "prepare":
                    assert app.session.title == strip_controls(value).replace("\n", " ").strip() or squeeze(
                        app.session.title
                    ) == squeeze(strip_controls(value))
                    assert terminal_safe(app.session.title)
                    await pilot.press("escape")
                else:
                    assert str(app.screen.query_one("#form-error").content)  # refused, and says why
                    await pilot.press("escape")
                await pilot.pause()
                assert_screen_intact(app, repr(value[:20]))
        for summary in store.list():
            assert terminal_safe(summary.title)


async def test_hostile_text_pasted_into_a_note_is_saved_without_controls(tmp_path) -> None:
    with Store(tmp_path / "store") as store:
        session = Session("Notes", agenda=[{"title": "Opening"}])
        session.start(FROZEN_NOW)
        store.add(session)
        app = still_app(store)
        async with app.run_test(size=SIZE) as pilot:
            app.open_session(session.id, "run")
            await pilot.pause()
            for value in HOSTILE:
                await pilot.press("a")  # a new note, the editor focused
                await pilot.pause()
                app.post_message(events.Paste(value))
                await pilot.pause()
                assert_screen_intact(app, repr(value[:20]))
                await pilot.press("escape")  # out of the editor, back to the list of notes
            await pilot.pause(0.6)  # the last note is saved within half a second; the others when the next began
        notes = store.load(session.id).agenda[0].notes
    assert len(notes) == len(HOSTILE)
    for note, value in zip(notes, HOSTILE, strict=True):
        assert terminal_safe(note.text)
        assert squeeze(note.text) == squeeze(strip_controls(value))


# Every form of an open session: how to open it from Run or Prepare, and its free-text fields.
# Run's forms come first: Prepare's new agenda items would move the item Run shows.
FORMS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("run", ("f6", "a"), ("text",)),
    ("run", ("f6", "d"), ("rationale",)),
    ("run", ("f6", "w"), ("what_changed",)),
    ("run", ("f7", "a"), ("organisation", "text")),
    ("run", ("f8", "a"), ("text", "rationale")),
    ("run", ("f5", "ctrl+t"), ("text", "due")),
    (
        "prepare",
        ("f5", "e"),
        ("title", "network", "date", "start_time", "end_time", "place", "online_link", "chair", "guest_speakers"),
    ),
    ("prepare", ("f6", "a"), ("name", "organisation")),
    ("prepare", ("f7", "a"), ("title", "presenter", "timebox")),
    ("prepare", ("f7", "w"), ("topic", "what_changed")),
)


async def test_every_form_field_is_a_text_widget_that_cleans_pastes(tmp_path) -> None:
    """Each form's fields are SafeInput or SafeTextArea, the two widgets the paste tests above
    drive with the whole catalogue; so every field of every form cleans what is pasted."""
    with Store(tmp_path / "store") as store:
        session = base_session()
        session.current_item = 1  # the item with a restore-or-renovate topic
        store.add(session)
        app = still_app(store)
        async with app.run_test(size=SIZE) as pilot:
            for screen, opening, fields in FORMS:
                app.open_session(session.id, screen)
                await pilot.pause()
                await pilot.press(*opening)
                wanted = {f"field-{name}" for name in fields}
                for _ in range(50):  # a loaded machine may take a while to show the form
                    await pilot.pause(0.1)
                    widgets = list(app.screen.query(Input)) + list(app.screen.query(TextArea))
                    if {w.id for w in widgets} >= wanted:
                        break
                assert {w.id for w in widgets} >= wanted, opening
                assert all(isinstance(w, (SafeInput, SafeTextArea)) for w in widgets), opening
                await pilot.press("escape")
                await pilot.press("escape")
                await pilot.pause()
