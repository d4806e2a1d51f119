"""A meeting on the Run screen for Pilot tests: a clock moved by hand, the session, opening it."""

from __future__ import annotations

from datetime import datetime, timedelta

from sdtui.model import ItemKind, Role, Session
from sdtui.store import Store
from sdtui.tui.widgets.ticker import Ticker

from .ui import FROZEN_NOW


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = FROZEN_NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def meeting() -> Session:
    session = Session(title="Netwerkbijeenkomst september", date="2026-09-17", start_time="14:00", end_time="15:30")
    session.add_participant("Zoë Hendriks", "gemeente Huizen", Role.CHAIR)
    session.add_participant("Jeroen Bakker", "gemeente Assen")
    session.add_participant("Fatima El Amrani", "gemeente Zwijndrecht")
    session.add_item("Opening", kind=ItemKind.OPENING, timebox=5)
    item = session.add_item("Housing first", kind=ItemKind.ROUND, timebox=30)
    session.add_round("Housing first: blijven we het doen?", item_id=item.id, what_changed="Iedereen kreeg een woning.")
    session.add_item("Signalen", kind=ItemKind.SIGNALS, timebox=15)
    return session


async def open_run(app, store: Store, session: Session, pilot) -> None:
    store.add(session)
    await pilot.pause()
    app.open_session(session.id, "run")
    await pilot.pause()


def bar(app, widget_id: str) -> str:
    """The text of a one-line bar: a Static, or the clock bar's Ticker."""
    widget = app.screen.query_one(f"#{widget_id}")
    return widget.text if isinstance(widget, Ticker) else str(widget.content)
