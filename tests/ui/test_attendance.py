"""Attendance from Home, driven by keys: who came how often to the selected session's network."""

from __future__ import annotations

from sdtui.model import Session
from sdtui.store import Store
from sdtui.tui.screens.attendance import AttendanceScreen
from sdtui.tui.screens.home import HomeScreen

from ..support.ui import SIZE, screen_text, table_rows


def add_network(store: Store) -> None:
    for day, zoe, kees in (
        ("2026-03-12", "present", "absent"),
        ("2026-05-07", "apologies", "present"),
        ("2026-06-18", "present", "absent"),
    ):
        session = Session(f"Bijeenkomst {day}", network="Wmo-netwerk", date=day, status="closed")
        session.add_participant("Zoë Bakker", "Gemeente Breda", attendance=zoe)
        session.add_participant("Kees [b]Jansen[/b]", attendance=kees)
        store.add(session)
    store.add(Session("Volgende bijeenkomst", network="Wmo-netwerk", date="2026-12-10"))  # planned: not counted
    store.add(Session("Jeugdoverleg", network="Jeugdnetwerk", date="2026-06-01", status="closed"))


async def test_w_on_home_shows_who_came_how_often_most_present_first(make_app, store: Store) -> None:
    add_network(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w")  # the newest session is selected: the planned one of the Wmo-netwerk
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        rows = table_rows(app, "attendance")
        assert rows == [
            ["Zoë Bakker", "Gemeente Breda", "2/3", "1", "0", "2026-06-18"],
            ["Kees [b]Jansen[/b]", "", "1/3", "0", "2", "2026-05-07"],
        ]
        assert "Attendance · Wmo-netwerk · meetings held: 3" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_session_without_a_network_says_how_to_give_it_one(make_app, store: Store) -> None:
    store.add(Session("Los overleg", date="2026-06-01"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("has no network" in note.message for note in app._notifications)


async def test_the_header_names_the_screen_in_view(make_app, store: Store) -> None:
    add_network(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key, title in (("a", "Action items of every meeting"), ("w", "Attendance"), ("s", "Search")):
            await pilot.press(key)
            await pilot.pause()
            assert f"sdtui — {title}" in screen_text(app).split("\n")[0], key
            await pilot.press("escape")
            await pilot.pause()
            assert "sdtui — network meetings" in screen_text(app).split("\n")[0], key
