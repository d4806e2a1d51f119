"""Undo and redo from any screen: Ctrl+Z and Ctrl+Y, each naming what it did; a stray key is seen."""

from __future__ import annotations

from sdtui.model import ActionStatus, ItemKind, Role, Session, SessionStatus
from sdtui.store import Store
from sdtui.tui.screens.home import HomeScreen

from ..support.ui import SIZE, screen_text


def meeting() -> Session:
    session = Session(title="Netwerkbijeenkomst september", date="2026-09-17")
    session.add_participant("Zoë Hendriks", "gemeente Huizen", Role.CHAIR)
    session.add_participant("Jeroen Bakker", "gemeente Assen")
    item = session.add_item("Housing first", kind=ItemKind.ROUND, timebox=30)
    session.add_round("Housing first: blijven we het doen?", item_id=item.id)
    session.add_action("Send the presentation", "Zoë")
    session.status = SessionStatus.RUNNING
    return session


async def open_at(app, store: Store, session: Session, screen: str, pilot) -> None:
    store.add(session)
    await pilot.pause()
    app.open_session(session.id, screen)
    await pilot.pause()


def shown(app) -> str:
    """The screen as one line of words: a notice may wrap inside its box."""
    return " ".join(screen_text(app).replace("▏", " ").replace("▌", " ").split())


async def test_an_action_status_is_undone_and_redone_and_each_step_says_what(make_app, store: Store) -> None:
    session = meeting()
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_at(app, store, session, "close", pilot)
        await pilot.press("space")  # open → done
        await pilot.pause()
        assert store.load(session.id).actions[0].status is ActionStatus.DONE
        assert "Changed: action 'Send the presentation' open → done" in shown(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store.load(session.id).actions[0].status is ActionStatus.OPEN
        assert "Undone: action 'Send the presentation' done → open" in shown(app)
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert store.load(session.id).actions[0].status is ActionStatus.DONE
        assert "Redone: action 'Send the presentation' open → done" in shown(app)


async def test_positions_and_a_removed_participant_come_back_across_screens(make_app, store: Store) -> None:
    session = meeting()
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_at(app, store, session, "run", pilot)
        await pilot.press("f6", "v", "r")
        await pilot.pause()
        assert "Changed: Jeroen Bakker on topic 'Housing first: blijven we het doen?': - → restore" in shown(app)
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("f6", "down", "x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [p.name for p in store.load(session.id).participants] == ["Zoë Hendriks"]
        await pilot.press("ctrl+z")  # on Prepare: the participant comes back, with the position taken
        await pilot.pause()
        saved = store.load(session.id)
        assert [p.name for p in saved.participants] == ["Zoë Hendriks", "Jeroen Bakker"]
        assert "Undone: added participant 'Jeroen Bakker'" in shown(app)
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert store.load(session.id).rounds[0].positions == {}
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Nothing to undo." in shown(app)


async def test_typing_in_a_note_is_undone_as_a_step_and_redo_gives_it_all_back(make_app, store: Store) -> None:
    session = meeting()
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_at(app, store, session, "run", pilot)
        await pilot.press("f5", "a", *"Welkom allemaal", "escape")  # a new note, typed, then out of the editor
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        notes = store.load(session.id).agenda[0].notes
        assert [note.text for note in notes] == [""]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store.load(session.id).agenda[0].notes == []
        await pilot.press("ctrl+y", "ctrl+y")
        await pilot.pause()
        assert [note.text for note in store.load(session.id).agenda[0].notes] == ["Welkom allemaal"]


async def test_a_session_deleted_on_home_comes_back_with_ctrl_z(make_app, store: Store) -> None:
    kept = store.add(meeting())
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert store.list() == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        [summary] = store.list()
        assert summary.id == kept.id
        assert store.load(kept.id).actions[0].text == "Send the presentation"
        assert "Undone: deleted 'Netwerkbijeenkomst september'" in shown(app)


async def test_undo_keys_are_in_the_help_and_the_palette(make_app, store: Store) -> None:
    session = meeting()
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_at(app, store, session, "close", pilot)
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press("end")  # the session's keys come last in the help
        await pilot.pause()
        help_text = shown(app)
        assert "ctrl+z" in help_text.lower() and "Undo the last change to the meeting" in help_text
        await pilot.press("escape", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"Undo the last")
        await pilot.pause()
        assert "Session: Undo the last change" in shown(app)
