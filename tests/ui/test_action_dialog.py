"""An action item in at most six keys beyond its text, from any screen of a meeting."""

from __future__ import annotations

from datetime import date, timedelta

from sdtui.model import ItemKind, Role, Session, SessionStatus
from sdtui.store import Store
from sdtui.tui.screens.dialogs import FormScreen

from ..support.ui import FROZEN_NOW, SIZE, screen_text


def meeting(**details: str) -> Session:
    session = Session(title="Netwerkbijeenkomst september", date="2026-09-17", **details)
    session.add_participant("Zoë Hendriks", "gemeente Huizen", Role.CHAIR)
    session.add_participant("Jeroen Bakker", "gemeente Assen")
    session.add_item("Housing first", kind=ItemKind.ROUND, timebox=30)
    session.status = SessionStatus.RUNNING
    return session


async def open_run(app, store: Store, session: Session, pilot) -> None:
    store.add(session)
    await pilot.pause()
    app.open_session(session.id, "run")
    await pilot.pause()


async def test_an_action_takes_six_keys_beyond_its_text_and_is_due_two_weeks_on(make_app, store: Store) -> None:
    session = meeting()
    app = make_app()
    text = "Send the presentation"
    keys = ["ctrl+t", *text, "tab", "a", "s", "s", "enter"]  # owner: gemeente Assen
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
    assert len(keys) - len(text) <= 6
    [action] = store.load(session.id).actions
    owner = store.load(session.id).participant(action.owner_id)
    assert (action.text, owner.name, action.due) == (text, "Jeroen Bakker", date(2026, 10, 1))
    assert action.item_id == session.agenda[0].id


async def test_the_owner_picked_shows_as_you_type_and_the_due_date_takes_short_forms(make_app, store: Store) -> None:
    session = meeting()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("ctrl+t", *"Bel de wethouder", "tab", "z")
        await pilot.pause()
        assert "→ Zoë Hendriks (gemeente Huizen)" in screen_text(app)
        assert "2026-10-01" in screen_text(app)  # the default, shown
        await pilot.press("tab", *"+1w", "enter")
        await pilot.pause()
    [action] = store.load(session.id).actions
    assert action.due == FROZEN_NOW.date() + timedelta(weeks=1)  # a week from the app's today


async def test_a_bad_date_or_an_unknown_owner_gets_a_message_in_the_dialog(make_app, store: Store) -> None:
    session = meeting()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("ctrl+t", *"Bel de wethouder", "tab", *"xq", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "No participant fits 'xq'." in screen_text(app)
        await pilot.press(*"zo", "tab", *"volgende week", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "is not a date I know" in screen_text(app)
        assert store.load(session.id).actions == []


async def test_the_dialog_fits_at_80x24_with_the_footer_in_view(make_app, store: Store) -> None:
    session = meeting()
    for number in range(25):
        session.add_participant(f"Deelnemer {number:02} met een lange naam", f"gemeente Nummer {number}")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_run(app, store, session, pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        form = app.screen.query_one("#form")
        assert form.region.bottom <= SIZE[1] - 1  # the last row is the footer's
        for name in ("text", "owner", "due"):
            field = app.screen.query_one(f"#field-{name}")
            assert form.region.contains_region(field.region)
