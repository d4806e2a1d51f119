"""The actions view's filter as you type, driven by keys: the list follows every letter, the
highlighted action stays highlighted while it passes, and the footer changes only with its keys."""

from __future__ import annotations

from sdtui.model import Session
from sdtui.store import Store
from sdtui.tui.screens.actions import ActionsScreen

from ..support.ui import SIZE, screen_text, table_rows


def many_actions(store: Store) -> None:
    """Two networks' meetings, 30 open actions each: more than the list shows at once."""
    for network, owner_name in (("Wmo-netwerk Zuid", "Marloes Bakker"), ("Jeugdnetwerk Twente", "Daan de Vries")):
        meeting = Session(title=f"Overleg {network}", network=network, date="2026-05-07")
        owner = meeting.add_participant(owner_name)
        for number in range(1, 31):
            meeting.add_action(f"Actie {number} van {network}", owner.id, f"2026-09-{number:02d}")
        store.add(meeting)


async def open_actions_view(app, pilot) -> None:
    await pilot.press("a")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, ActionsScreen)


async def test_the_highlighted_action_stays_highlighted_while_the_filter_lets_it_through(
    make_app, store: Store
) -> None:
    many_actions(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_actions_view(app, pilot)
        assert len(table_rows(app, "all-actions")) == 60
        await pilot.press(*["down"] * 40)  # far down the list, past the first screen
        await pilot.pause()
        assert "Marloes Bakker: Actie 21 van Wmo-netwerk Zuid" in screen_text(app)
        await pilot.press("slash", *"marl")
        await pilot.pause()
        assert len(table_rows(app, "all-actions")) == 30
        assert "Marloes Bakker: Actie 21 van Wmo-netwerk Zuid" in screen_text(app)
        await pilot.press(*"oes actie 2")  # still lets it through, with 2, 12 and 20 to 29
        await pilot.pause()
        assert len(table_rows(app, "all-actions")) == 12
        assert "Marloes Bakker: Actie 21 van Wmo-netwerk Zuid" in screen_text(app)
        await pilot.press("5")  # only "Actie 25": the highlight goes to the first row
        await pilot.pause()
        assert [row[3] for row in table_rows(app, "all-actions")] == ["Actie 25 van Wmo-netwerk Zuid"]
        assert "Marloes Bakker: Actie 25 van Wmo-netwerk Zuid" in screen_text(app)
        await pilot.press("backspace")  # back to the matches found before
        await pilot.pause()
        assert len(table_rows(app, "all-actions")) == 12
        assert "12 of 60 actions" in screen_text(app)


async def test_the_keys_are_looked_at_again_only_when_enter_gains_or_loses_an_action(make_app, store: Store) -> None:
    """A letter typed does not redraw the footer (all of it is written again when it is)."""
    many_actions(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_actions_view(app, pilot)
        await pilot.press("slash")
        await pilot.pause()
        screen = app.screen
        redrawn = 0
        refresh_bindings = screen.refresh_bindings

        def counted() -> None:
            nonlocal redrawn
            redrawn += 1
            refresh_bindings()

        screen.refresh_bindings = counted  # type: ignore[method-assign]
        await pilot.press(*"twente")  # every letter still lets actions through
        await pilot.pause()
        assert len(table_rows(app, "all-actions")) == 30
        assert redrawn == 0 and app.screen.check_action("open", ())
        await pilot.press(*" xyz")  # nothing left to open: Enter is greyed out
        await pilot.pause()
        assert table_rows(app, "all-actions") == []
        assert redrawn == 1 and app.screen.check_action("open", ()) is None
        assert "No action items match." in screen_text(app)
        await pilot.press(*["backspace"] * 4)
        await pilot.pause()
        assert len(table_rows(app, "all-actions")) == 30
        assert redrawn == 2 and app.screen.check_action("open", ())
