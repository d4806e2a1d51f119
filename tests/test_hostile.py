"""Hostile text in every free-text field: accepted clean or refused in words, never a crash,
never raw on the terminal, and the minutes keep their structure."""

from __future__ import annotations

from typing import Any

import pytest
from rich.cells import cell_len
from textual import events
from textual.widgets import Input, TextArea

from sdtui.minutes import render_minutes
from sdtui.model import Note, Session, ValidationError, strip_controls
from sdtui.store import Store
from sdtui.tui.app import SdtuiApp
from sdtui.tui.widgets.safe import SafeInput, SafeTextArea

from .hostile import HOSTILE
from .markdown_checks import no_html, parse, squeeze, structure, text_of
from .ui.conftest import FROZEN_NOW, SIZE, screen_text, still_app


def base_session() -> Session:
    """A small meeting with one of everything, so each hostile string can sit in every field."""
    session = Session(
        "Netwerkbijeenkomst",
        network="Wmo-netwerk",
        date=FROZEN_NOW.date(),
        start_time="13:30",
        end_time="16:00",
        place="Utrecht",
        online_link="https://meet.example.nl/x",
        chair="Ruud",
        guest_speakers=["Evert"],
    )
    session.add_participant("Ruud Verhoeven", "gemeente Tilburg")
    session.add_participant("Zoë Hendriks", "gemeente Huizen")
    session.add_item("Opening", presenter="Ruud")
    item = session.add_item("Housing first", presenter="Ruud")
    item.notes.append(Note("Tilburg vertelt."))
    round_ = session.add_round("Housing first?", item_id=item.id, what_changed="Iedereen een woning.")
    round_.restore_args.append("Te duur")
    round_.renovate_args.append("Het werkt")
    round_.rationale = "Meerderheid"
    session.add_signal("gemeente Assen", "bottleneck", "Ouderen uit beeld", item_id=item.id)
    session.add_decision("Housing first blijft", "Het werkt", item_id=item.id)
    session.add_action("Notitie schrijven", "Zoë", "2026-07-01", item_id=item.id)
    session.start(FROZEN_NOW)
    return Session.from_dict(session.to_dict())


# Every free-text field of a session, as a path into Session.to_dict() of base_session().
FIELDS: tuple[tuple[Any, ...], ...] = (
    ("title",),
    ("network",),
    ("place",),
    ("online_link",),
    ("chair",),
    ("guest_speakers", 0),
    ("participants", 1, "name"),
    ("participants", 1, "organisation"),
    ("agenda", 1, "title"),
    ("agenda", 1, "presenter"),
    ("agenda", 1, "notes", 0, "text"),
    ("rounds", 0, "topic"),
    ("rounds", 0, "what_changed"),
    ("rounds", 0, "restore_args", 0),
    ("rounds", 0, "renovate_args", 0),
    ("rounds", 0, "rationale"),
    ("signals", 0, "organisation"),
    ("signals", 0, "text"),
    ("decisions", 0, "text"),
    ("decisions", 0, "rationale"),
    ("actions", 0, "text"),
)

CONTROLS = {chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}


def with_text(data: dict[str, Any], path: tuple[Any, ...], value: str) -> dict[str, Any]:
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return data


def read(data: dict[str, Any], path: tuple[Any, ...]) -> str:
    for step in path:
        data = data[step]
    return data


def hostile_session(*values: str) -> Session:
    """The values in turn across the fields, each in every field it fits (the others keep their text)."""
    data = base_session().to_dict()
    for number, path in enumerate(FIELDS):
        value = values[number % len(values)]
        try:
            Session.from_dict(with_text(base_session().to_dict(), path, value))
        except ValidationError:
            continue
        with_text(data, path, value)
    return Session.from_dict(data)


SHARED = 5
"""Hostile values per session on the screen walk: each lands in four fields on different screens."""


def terminal_safe(text: str) -> bool:
    """Nothing that a terminal would act on: no control character, no escape sequence."""
    return not any(ch in CONTROLS for ch in text.replace("\n", ""))


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


def squeezed_lines(app: SdtuiApp) -> list[str]:
    return screen_text(app).split("\n")


def assert_screen_intact(app: SdtuiApp, where: str) -> None:
    lines = squeezed_lines(app)
    assert len(lines) == SIZE[1], where
    assert all(terminal_safe(line) for line in lines), where
    too_wide = [line for line in lines if cell_len(line) > SIZE[0]]
    assert not too_wide, (where, too_wide)


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


def strings(value: object):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


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
