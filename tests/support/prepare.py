"""A session on the Prepare screen for Pilot tests."""

from __future__ import annotations

from sdtui.model import ItemKind, Role, Session
from sdtui.store import Store


def small_session() -> Session:
    session = Session(
        title="Netwerkbijeenkomst september",
        network="Wmo-netwerk",
        date="2026-09-17",
        start_time="13:30",
        end_time="15:00",
    )
    session.add_participant("Zoë Hendriks", "gemeente Huizen", Role.CHAIR)
    session.add_participant("Jeroen Bakker", "gemeente Assen")
    session.add_item("Opening", kind=ItemKind.OPENING, timebox=10)
    session.add_item("Housing first", kind=ItemKind.ROUND, timebox=30)
    return session


async def open_prepare(app, store: Store, session: Session, pilot, tab: str | None = None) -> None:
    store.add(session)
    await pilot.pause()
    app.open_session(session.id, "prepare")
    await pilot.pause()
    if tab:
        await pilot.press(tab)
        await pilot.pause()
